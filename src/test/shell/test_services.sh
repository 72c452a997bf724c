# The procd init script, the hotplug helper and its hotplug.d snippets, and the uci-defaults script.
# shellcheck source=src/test/shell/lib/testlib.sh
. "$TOP/src/test/shell/lib/testlib.sh"

INIT="$TOP/files/etc/init.d/ltemodem"
BUSYBOX="$(command -v busybox)"   # found even when a test narrows PATH
CONTRACT_FLAGS="-Xms8m -Xmx16m -Xmn2m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1
-XX:MaxMetaspaceSize=32m -XX:ReservedCodeCacheSize=16m -XX:-UsePerfData -Xshare:auto
-Djna.boot.library.path=/usr/lib/ltemodem -Djna.nounpack=true -Djna.tmpdir=/tmp/ltemodem-jna
-DjSerialComm.library.path=/usr/lib/ltemodem -Dfazecast.jSerialComm.appid=ltemodem"

# init FUNCTION...: runs the init script's functions the way rc.common would, with recording procd helpers.
init() {
	LTEMODEM_ROOT="${ROOT:-/nonexistent}" "$BUSYBOX" ash "$SHELL_TESTS/fakeroot/etc/rc.common" "$INIT" "$@"
}

# A scratch root with the packaged files; java is a JDK with the given feature release (default 17).
make_root() {
	ROOT="$SCRATCH/root"
	mkdir -p "$ROOT/usr/lib/ltemodem/jre/bin"
	: >"$ROOT/usr/lib/ltemodem/ltemodem.jar"
	# java: -Xshare:dump writes the archive it is asked for (or fails when $SCRATCH/dump-fails exists).
	cat >"$ROOT/usr/lib/ltemodem/jre/bin/java" <<-EOF
		#!/bin/sh
		dump= out=
		for a; do case "\$a" in -Xshare:dump) dump=1 ;; -XX:SharedArchiveFile=*) out="\${a#*=}" ;; esac; done
		[ -n "\$dump" ] || exit 0
		[ -e "$SCRATCH/dump-fails" ] && exit 1
		echo archive >"\$out"
	EOF
	chmod +x "$ROOT/usr/lib/ltemodem/jre/bin/java"
	echo "JAVA_VERSION=\"${1:-17}.0.9\"" >"$ROOT/usr/lib/ltemodem/jre/release"
}

# The command line procd would run, one argument per line, in $SCRATCH/cmd.
start_service_cmd() {
	init start_service || return 1
	sed -n 's/^procd_set_param command //p; s/^procd_append_param command //p' "$FAKE_LOG" | tr ' ' '\n' >"$SCRATCH/cmd"
}

t_init_runs_the_jar_under_procd_with_the_tuned_flags() {
	fresh init
	make_root
	start_service_cmd || fail "start_service failed"
	assert_eq "$(head -n1 "$SCRATCH/cmd")" "$ROOT/usr/lib/ltemodem/jre/bin/java" "java"
	for flag in $CONTRACT_FLAGS; do
		grep -qxF -- "$flag" "$SCRATCH/cmd" || fail "missing JVM flag $flag"
	done
	assert_eq "$(tail -n3 "$SCRATCH/cmd" | tr '\n' ' ')" "-jar $ROOT/usr/lib/ltemodem/ltemodem.jar daemon " "main"
	assert_log "procd_set_param respawn 3600 5 0"
	assert_log "procd_set_param stdout 1"
	assert_log "procd_set_param stderr 1"
	assert_log "procd_close_instance"
}

t_init_keeps_the_jvm_flags_in_one_place() {
	local n
	n=$(grep -c -- '-Xmx16m' "$INIT")
	assert_eq "$n" 1 "lines with -Xmx16m in the init script"
}

t_init_appcds_recorded_then_dumped_then_used_then_renewed_when_stale() {
	fresh cds
	make_root 17
	cds="$ROOT/usr/lib/ltemodem/cds"
	start_service_cmd || fail "start_service failed"
	grep -qxF -- "-XX:DumpLoadedClassList=$cds/classes.lst" "$SCRATCH/cmd" || fail "first start does not record the classes"
	grep -q -- "SharedArchiveFile" "$SCRATCH/cmd" && fail "no archive yet, but SharedArchiveFile given"

	# The first run recorded its classes; the next start dumps the archive and uses it.
	: >"$FAKE_LOG"
	echo "java/lang/Object" >"$cds/classes.lst"
	touch -d '2000-01-01' "$ROOT/usr/lib/ltemodem/ltemodem.jar" "$ROOT/usr/lib/ltemodem/jre/bin/java"
	start_service_cmd || fail "start_service failed"
	grep -qxF -- "-XX:SharedArchiveFile=$cds/app.jsa" "$SCRATCH/cmd" || fail "archive not made or not used"
	grep -q -- "DumpLoadedClassList" "$SCRATCH/cmd" && fail "archive present but classes recorded again"
	[ -s "$cds/app.jsa" ] || fail "no archive written"
	[ -e "$cds/classes.lst" ] && fail "class list kept after the dump"

	# Later starts use it as it is.
	: >"$FAKE_LOG"
	echo "not dumped again" >"$cds/app.jsa"
	start_service_cmd || fail "start_service failed"
	grep -qxF -- "-XX:SharedArchiveFile=$cds/app.jsa" "$SCRATCH/cmd" || fail "archive present but unused"
	assert_eq "$(cat "$cds/app.jsa")" "not dumped again" "archive dumped again"

	# A newer jar makes it stale: removed, and the classes are recorded again.
	: >"$FAKE_LOG"
	touch -d '2030-01-01' "$ROOT/usr/lib/ltemodem/ltemodem.jar"
	start_service_cmd || fail "start_service failed"
	grep -qxF -- "-XX:DumpLoadedClassList=$cds/classes.lst" "$SCRATCH/cmd" || fail "stale archive (older than the jar) kept"
	[ -e "$cds/app.jsa" ] && fail "stale archive not removed"
	return 0
}

t_init_appcds_dump_failure_records_again_and_says_so() {
	fresh cdsfail
	make_root 17
	cds="$ROOT/usr/lib/ltemodem/cds"
	mkdir -p "$cds"
	echo "java/lang/Object" >"$cds/classes.lst"
	touch -d '2000-01-01' "$ROOT/usr/lib/ltemodem/ltemodem.jar" "$ROOT/usr/lib/ltemodem/jre/bin/java"
	: >"$SCRATCH/dump-fails"
	start_service_cmd || fail "start_service failed"
	grep -qxF -- "-XX:DumpLoadedClassList=$cds/classes.lst" "$SCRATCH/cmd" || fail "no fallback to recording"
	grep -q -- "SharedArchiveFile" "$SCRATCH/cmd" && fail "archive flag without an archive"
	grep -q "^logger -t ltemodem -p daemon.warn could not make the CDS archive" "$FAKE_LOG" || fail "failure not logged"
	return 0
}

t_init_appcds_the_same_on_later_jdks() {
	fresh cds21
	make_root 21
	start_service_cmd || fail "start_service failed"
	grep -qxF -- "-XX:DumpLoadedClassList=$ROOT/usr/lib/ltemodem/cds/classes.lst" "$SCRATCH/cmd" || fail "not recording on 21"
	grep -q -- "AutoCreateSharedArchive\|ArchiveClassesAtExit" "$SCRATCH/cmd" && fail "archive written at exit on 21"
	return 0
}

t_init_without_java_logs_and_starts_nothing() {
	fresh nojava
	make_root
	rm "$ROOT/usr/lib/ltemodem/jre/bin/java"
	PATH="$SHELL_TESTS/fakebin:/nonexistent" init start_service && fail "start_service succeeded without java"
	assert_no_log "procd_open_instance"
	grep -q "^logger -t ltemodem -p daemon.err no Java runtime" "$FAKE_LOG" || fail "nothing logged"
}

t_init_reload_trigger_and_reload_through_ubus() {
	fresh reload
	reply ltemodem.reload '{}'
	init service_triggers reload_service
	assert_log "procd_add_reload_trigger network ltemodem"
	assert_log "ubus -t 10 call ltemodem reload"
	assert_no_log "^start"

	fresh reload_absent
	echo 4 >"$FAKE_UBUS/ltemodem.reload.rc"
	init reload_service
	assert_log "start"
}

# hotplug ACTION SUBSYSTEM DEVNAME DEVPATH [DEVTYPE]: one uevent through the usb, usbmisc or tty snippet.
# hotplug-call sources the snippet in a subshell with the uevent variables exported; running it as a script is
# the same. LTEMODEM_ROOT points the snippet at the source tree's helper.
hotplug() {
	ACTION="$1" SUBSYSTEM="$2" DEVNAME="$3" DEVPATH="$4" DEVTYPE="$5" LTEMODEM_ROOT="$TOP/files" \
		busybox ash "$TOP/files/etc/hotplug.d/$2/30-ltemodem"
}

t_hotplug_tells_the_daemon_about_modem_devices() {
	fresh hotplug
	reply ltemodem.hotplug '{}'
	hotplug add usbmisc cdc-wdm0 /devices/platform/1e1c0000.xhci/usb1/1-1/1-1:1.4/usbmisc/cdc-wdm0
	hotplug remove tty ttyUSB2 /devices/platform/1e1c0000.xhci/usb1/1-1/1-1:1.2/ttyUSB2/tty/ttyUSB2
	hotplug add usb bus/usb/001/002 /devices/platform/1e1c0000.xhci/usb1/1-1 usb_device
	assert_log 'ubus -t 1 call ltemodem hotplug {"action":"add","subsystem":"usbmisc","devname":"cdc-wdm0","devpath":"/devices/platform/1e1c0000.xhci/usb1/1-1/1-1:1.4/usbmisc/cdc-wdm0"}'
	assert_log 'ubus -t 1 call ltemodem hotplug {"action":"remove","subsystem":"tty","devname":"ttyUSB2","devpath":"/devices/platform/1e1c0000.xhci/usb1/1-1/1-1:1.2/ttyUSB2/tty/ttyUSB2"}'
	assert_log 'ubus -t 1 call ltemodem hotplug {"action":"add","subsystem":"usb","devname":"bus/usb/001/002","devpath":"/devices/platform/1e1c0000.xhci/usb1/1-1"}'
}

t_hotplug_ignores_other_devices_and_unsafe_names() {
	fresh hotplug_filter
	hotplug add usb bus/usb/001/002 /devices/usb1/1-1/1-1:1.0 usb_interface
	hotplug add tty ttyS0 /devices/platform/serial8250/tty/ttyS0
	hotplug bind usbmisc cdc-wdm0 /devices/usb1/1-1/1-1:1.4/usbmisc/cdc-wdm0
	hotplug add usbmisc 'cdc-wdm0",' '/devices/x'
	hotplug add tty ttyUSB0 '/devices/a b'
	assert_no_log "ubus"
}

t_hotplug_without_daemon_is_quiet_and_succeeds() {
	fresh hotplug_absent
	hotplug add usbmisc cdc-wdm0 /devices/usb1/1-1/1-1:1.4/usbmisc/cdc-wdm0 >"$OUT" 2>&1 ||
		fail "hotplug failed without the daemon"
	assert_log 'ubus -t 1 call ltemodem hotplug {"action":"add","subsystem":"usbmisc","devname":"cdc-wdm0","devpath":"/devices/usb1/1-1/1-1:1.4/usbmisc/cdc-wdm0"}'
	[ -s "$OUT" ] && fail "printed: $(cat "$OUT")"
	return 0
}

t_uci_defaults_adds_the_main_section_only_when_missing() {
	fresh ucidef
	mkdir -p "$SCRATCH/root/etc/config"
	LTEMODEM_ROOT="$SCRATCH/root" busybox ash "$TOP/files/etc/uci-defaults/90-ltemodem" || fail "exit status"
	assert_log "uci -q set ltemodem.main=ltemodem"
	assert_log "uci -q commit ltemodem"
	[ -e "$SCRATCH/root/etc/config/ltemodem" ] || fail "config file not created"

	fresh ucidef_present
	mkdir -p "$SCRATCH/root/etc/config"
	FAKE_UCI_HAVE=ltemodem.main LTEMODEM_ROOT="$SCRATCH/root" busybox ash "$TOP/files/etc/uci-defaults/90-ltemodem" ||
		fail "exit status"
	assert_no_log "uci -q set"
	assert_no_log "commit"
}

run_tests
