# `make package`: the .ipk files built by the real package Makefiles through openwrt-package/sdk-stub, checked
# the way opkg and sysupgrade will see them.
# shellcheck source=src/test/shell/lib/testlib.sh
. "$TOP/src/test/shell/lib/testlib.sh"

IPKS="$(mktemp -d)"
trap 'rm -rf "$IPKS"' EXIT

# The jar comes from Maven; without Maven an existing jar is used as is, and without either the package
# tests are skipped (visibly).
build_packages() {
	local dir="$1"
	if command -v mvn >/dev/null 2>&1; then
		make -C "$TOP" --no-print-directory package IPK_DIR="$dir" >"$dir.log" 2>&1
	elif [ -f "$TOP/target/ltemodem.jar" ]; then
		make -C "$TOP" --no-print-directory -o target/ltemodem.jar package IPK_DIR="$dir" >"$dir.log" 2>&1
	else
		return 2
	fi
}

build_packages "$IPKS/a"
BUILD=$?
if [ "$BUILD" -eq 2 ]; then
	echo "  SKIP test_package.sh: neither mvn nor target/ltemodem.jar (run 'make build' first)"
	echo "RESULT 0 0"
	exit 0
fi

LTEMODEM_IPK="$(ls "$IPKS"/a/ltemodem_*_all.ipk 2>/dev/null)"
LUCI_IPK="$(ls "$IPKS"/a/luci-proto-ltemodem_*_all.ipk 2>/dev/null)"

# unpack IPK DIR: the outer archive, then control.tar.gz into DIR/control and the data listing into DIR/data.lst.
unpack() {
	mkdir -p "$2/control"
	tar -xzf "$1" -C "$2"
	tar -xzf "$2/control.tar.gz" -C "$2/control"
	tar -tzvf "$2/data.tar.gz" >"$2/data.lst"
}

# has_entry LISTING MODE PATH: `tar -tv` line for PATH with MODE, owned by 0/0.
has_entry() {
	grep -qE "^$2 0/0 +[0-9]+ [0-9-]+ [0-9:]+ \\./$3\$" "$1" || fail "no '$2 0/0 ./$3' in the data listing:
$(grep -F "./$3" "$1" | sed 's/^/      | /')"
}

t_make_package_builds_both_ipks() {
	[ "$BUILD" -eq 0 ] || fail "make package failed: $(tail -n 20 "$IPKS/a.log")"
	[ -f "$LTEMODEM_IPK" ] || fail "no ltemodem .ipk in $(ls "$IPKS/a")"
	[ -f "$LUCI_IPK" ] || fail "no luci-proto-ltemodem .ipk in $(ls "$IPKS/a")"
}

# OpenWrt's opkg reads a gzipped outer tar only (no ar): debian-binary, data.tar.gz, control.tar.gz.
t_ipk_has_opkg_layout() {
	fresh layout
	[ "$(head -c2 "$LTEMODEM_IPK" | od -An -tx1 | tr -d ' ')" = 1f8b ] || fail "outer archive is not gzip"
	tar -tzf "$LTEMODEM_IPK" >"$OUT"
	assert_eq "$(tr '\n' ' ' <"$OUT")" "./debian-binary ./data.tar.gz ./control.tar.gz " "outer members"
	assert_eq "$(tar -xzOf "$LTEMODEM_IPK" ./debian-binary)" "2.0" "debian-binary"
}

t_ltemodem_data_has_the_files_with_their_modes() {
	fresh data
	unpack "$LTEMODEM_IPK" "$SCRATCH/x"
	lst="$SCRATCH/x/data.lst"
	has_entry "$lst" -rwxr-xr-x lib/netifd/proto/ltemodem.sh
	has_entry "$lst" -rwxr-xr-x etc/init.d/ltemodem
	has_entry "$lst" -rw------- etc/config/ltemodem
	has_entry "$lst" -rwxr-xr-x etc/uci-defaults/90-ltemodem
	has_entry "$lst" -rwxr-xr-x usr/libexec/ltemodem-hotplug
	for sub in usb usbmisc tty; do
		has_entry "$lst" -rwxr-xr-x "etc/hotplug.d/$sub/30-ltemodem"
	done
	has_entry "$lst" -rw-r--r-- usr/share/rpcd/acl.d/luci-proto-ltemodem.json
	has_entry "$lst" -rw-r--r-- usr/lib/ltemodem/ltemodem.jar
	has_entry "$lst" drwxr-xr-x etc/ltemodem/
	has_entry "$lst" -rw-r--r-- lib/upgrade/keep.d/ltemodem
	grep -v ' 0/0 ' "$lst" && fail "entries not owned by root"
	grep -q 'sysupgrade.conf' "$lst" && fail "the package ships /etc/sysupgrade.conf (the user's file)"
	# Installed unchanged from files/.
	tar -xzf "$SCRATCH/x/data.tar.gz" -C "$SCRATCH/x" ./lib/netifd/proto/ltemodem.sh ./lib/upgrade/keep.d/ltemodem
	cmp -s "$SCRATCH/x/lib/netifd/proto/ltemodem.sh" "$TOP/files/lib/netifd/proto/ltemodem.sh" ||
		fail "packaged proto script differs from files/"
	assert_eq "$(cat "$SCRATCH/x/lib/upgrade/keep.d/ltemodem")" "/etc/ltemodem/" "keep.d entry"
}

t_ltemodem_control_files() {
	fresh control
	unpack "$LTEMODEM_IPK" "$SCRATCH/x"
	c="$SCRATCH/x/control"
	grep -qx 'Package: ltemodem' "$c/control" || fail "Package"
	grep -qE '^Version: [0-9]+\.[0-9]+\.[0-9]+-[0-9]+$' "$c/control" || fail "Version"
	grep -qx 'Architecture: all' "$c/control" || fail "Architecture"
	grep -q '^Maintainer: .' "$c/control" || fail "Maintainer"
	grep -q '^Description: .' "$c/control" || fail "Description"
	for dep in ltemodem-jre kmod-usb-serial-option kmod-usb-acm kmod-usb-net-qmi-wwan kmod-usb-net-cdc-mbim \
		kmod-usb-net-cdc-ncm kmod-usb-net-huawei-cdc-ncm kmod-usb-net-cdc-ether kmod-usb-net-rndis; do
		grep -q "^Depends: .*\\b$dep\\(,\\|\$\\)" "$c/control" || fail "Depends lacks $dep: $(grep Depends "$c/control")"
	done
	assert_eq "$(cat "$c/conffiles")" "/etc/config/ltemodem" "conffiles"
	grep -q '^default_postinst ' "$c/postinst" || fail "postinst does not run default_postinst"
	grep -q '^default_prerm ' "$c/prerm" || fail "prerm does not run default_prerm"
	[ -x "$c/postinst-pkg" ] || fail "no executable postinst-pkg"
	grep -qF "if [ -z \"\${IPKG_INSTROOT}\" ]; then" "$c/postinst-pkg" || fail "postinst not guarded by IPKG_INSTROOT"
	grep -q '/etc/init.d/network restart' "$c/postinst-pkg" || fail "postinst does not restart netifd"
	# While an image is assembled (IPKG_INSTROOT set) it does nothing and succeeds.
	IPKG_INSTROOT=/nonexistent sh "$c/postinst-pkg" >"$OUT" 2>&1 || fail "postinst failed in an image build"
	[ -s "$OUT" ] && fail "postinst printed: $(cat "$OUT")"
	grep -rq 'sysupgrade.conf' "$c" && fail "a maintainer script touches /etc/sysupgrade.conf"
	return 0
}

t_luci_ipk_installs_the_protocol_page() {
	fresh luci
	unpack "$LUCI_IPK" "$SCRATCH/x"
	has_entry "$SCRATCH/x/data.lst" -rw-r--r-- www/luci-static/resources/protocol/ltemodem.js
	grep -qx 'Package: luci-proto-ltemodem' "$SCRATCH/x/control/control" || fail "Package"
	grep -qx 'Depends: libc, ltemodem' "$SCRATCH/x/control/control" || fail "Depends: $(grep Depends "$SCRATCH/x/control/control")"
	grep -qx 'Architecture: all' "$SCRATCH/x/control/control" || fail "Architecture"
}

t_packages_are_reproducible() {
	build_packages "$IPKS/b" || fail "second build failed"
	for f in "$IPKS"/a/*.ipk; do
		cmp -s "$f" "$IPKS/b/${f##*/}" || fail "${f##*/} differs between two builds"
	done
}

# ltemodem-jre from a stand-in runtime: where the runtime and the natives land, arch-specific, and a clear
# error without them.
t_jre_package_from_a_jlink_image() {
	fresh jre
	mkdir -p "$SCRATCH/rt/bin" "$SCRATCH/rt/lib" "$SCRATCH/natives"
	printf '#!/bin/sh\n' >"$SCRATCH/rt/bin/java"
	chmod 755 "$SCRATCH/rt/bin/java"
	echo 'JAVA_VERSION="17.0.9"' >"$SCRATCH/rt/release"
	: >"$SCRATCH/rt/lib/modules"
	: >"$SCRATCH/natives/libjnidispatch.so"
	: >"$SCRATCH/natives/libjSerialComm.so"
	make -C "$TOP" --no-print-directory package-jre IPK_DIR="$SCRATCH/ipk" STUB_ARCH=aarch64_cortex-a53 \
		LTEMODEM_JRE_DIR="$SCRATCH/rt" LTEMODEM_NATIVE_DIR="$SCRATCH/natives" >"$OUT" 2>&1 ||
		fail "package-jre failed: $(tail -n 5 "$OUT")"
	ipk="$(ls "$SCRATCH"/ipk/ltemodem-jre_*_aarch64_cortex-a53.ipk)" || fail "no arch-specific ipk"
	unpack "$ipk" "$SCRATCH/x"
	has_entry "$SCRATCH/x/data.lst" -rwxr-xr-x usr/lib/ltemodem/jre/bin/java
	has_entry "$SCRATCH/x/data.lst" -rw-r--r-- usr/lib/ltemodem/jre/release
	has_entry "$SCRATCH/x/data.lst" -rw-r--r-- usr/lib/ltemodem/libjnidispatch.so
	has_entry "$SCRATCH/x/data.lst" -rw-r--r-- usr/lib/ltemodem/libjSerialComm.so
	grep -qx 'Architecture: aarch64_cortex-a53' "$SCRATCH/x/control/control" || fail "Architecture"

	make -C "$TOP" --no-print-directory package-jre IPK_DIR="$SCRATCH/ipk2" >"$OUT" 2>&1 &&
		fail "package-jre succeeded without a runtime"
	grep -q 'set LTEMODEM_JRE_DIR' "$OUT" || fail "no hint: $(cat "$OUT")"
}

run_tests
