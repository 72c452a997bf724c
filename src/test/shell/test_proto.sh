# The netifd proto handler files/lib/netifd/proto/ltemodem.sh, run as netifd runs it, against stand-ins for
# netifd's shell libraries (fakeroot/) and for ubus, sleep, ip and fw4 (fakebin/).
# shellcheck source=src/test/shell/lib/testlib.sh
. "$TOP/src/test/shell/lib/testlib.sh"

OPTIONS_JSON="$TOP/src/main/resources/io/ltemodem/config/options.json"
ERROR_CODES_JAVA="$TOP/src/main/java/io/ltemodem/model/ErrorCode.java"
CONFIG='{"proto":"ltemodem","device":"auto","apn":"internet","pdptype":"ipv4v6"}'

STATIC_REPLY='{"up":true,"netdev":"wwan0","mtu":1430,"dhcp":false,"dhcpv6":false,
 "ipv4":{"address":"10.64.1.2","prefix":30,"gateway":"10.64.1.1","dns":["10.0.0.1","10.0.0.2"]},
 "ipv6":{"address":"2a00:1:2:3::5","prefix":64,"gateway":"fe80::1","dns":["2a00::53"]}}'
DHCP_REPLY='{"up":true,"netdev":"usb0","dhcp":true,"dhcpv6":true,"ipv4":{},"ipv6":{}}'

# error_reply CODE: what connect answers when the modem cannot get online.
error_reply() {
	printf '{"up":false,"error":{"code":"%s","message":"test"},"netdev":"","dhcp":false,"dhcpv6":false}' "$1"
}

t_dump_declares_exactly_the_interface_options_of_options_json() {
	fresh dump
	(cd "$PROTO_DIR" && busybox ash ./ltemodem.sh '' dump) >"$OUT" 2>&1 || fail "dump failed: $(cat "$OUT")"
	node -e '
		const opts = require(process.argv[1]).interface;
		const t = { string: "string", enum: "string", int: "int", boolean: "boolean", list: "array" };
		const want = opts.map((o) => o.name + ":" + t[o.type])
			// proto_config_add_defaults: netifd'"'"'s own defaultroute, peerdns, renew, metric.
			.concat(["defaultroute:boolean", "peerdns:boolean", "renew:boolean", "metric:int"]).sort();
		const dump = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
		const got = dump.config.map((c) => c[0] + ":" + c[1]).sort();
		if (JSON.stringify(got) !== JSON.stringify(want)) {
			console.error("declared: " + got.join(" ") + "\noptions.json: " + want.join(" "));
			process.exit(1);
		}
		for (const f of ["available", "no-device", "renew-handler"])
			if (dump[f] !== true) { console.error(f + " is not set"); process.exit(1); }
	' "$OPTIONS_JSON" "$OUT" || fail "declarations differ from options.json"
}

t_setup_static_reports_addresses_routes_and_dns_to_netifd() {
	fresh static
	reply ltemodem.connect "$STATIC_REPLY"
	run_proto setup wwan "$CONFIG" || fail "setup failed: $(cat "$OUT")"
	assert_log "ubus -t 30 wait_for ltemodem"
	assert_log 'ubus -t 180 call ltemodem connect {"interface":"wwan"}'
	assert_log "ip link set dev wwan0 mtu 1430"
	assert_log "proto_init_update wwan0 1"
	assert_log "proto_add_ipv4_address 10.64.1.2 30"
	assert_log "proto_add_ipv4_route 10.64.1.1 32"
	assert_log "proto_add_ipv4_route 0.0.0.0 0 10.64.1.1"
	assert_log "proto_add_dns_server 10.0.0.1"
	assert_log "proto_add_dns_server 10.0.0.2"
	assert_log "proto_add_ipv6_address 2a00:1:2:3::5 128"
	assert_log "proto_add_ipv6_prefix 2a00:1:2:3::5/64"
	assert_log "proto_add_ipv6_route fe80::1 128"
	assert_log "proto_add_ipv6_route :: 0 fe80::1   2a00:1:2:3::5/64"
	assert_log "proto_add_dns_server 2a00::53"
	assert_log "proto_send_update wwan"
	assert_before "ubus -t 30 wait_for ltemodem" 'ubus -t 180 call ltemodem connect {"interface":"wwan"}'
	assert_before "proto_init_update wwan0 1" "proto_add_ipv4_address 10.64.1.2 30"
	assert_before "proto_add_dns_server 2a00::53" "proto_send_update wwan"
	assert_no_log "add_dynamic"
	assert_no_log "proto_notify_error"
	assert_no_log "^sleep"
}

t_setup_static_honours_defaultroute_peerdns_and_sourcefilter() {
	fresh static_options
	reply ltemodem.connect "$STATIC_REPLY"
	run_proto setup wwan '{"proto":"ltemodem","defaultroute":false,"peerdns":false}' || fail "setup failed"
	assert_no_log "proto_add_ipv4_route 0.0.0.0"
	assert_no_log "proto_add_ipv6_route :: 0"
	assert_no_log "proto_add_dns_server"
	assert_log "proto_add_ipv4_address 10.64.1.2 30"

	fresh sourcefilter
	reply ltemodem.connect "$STATIC_REPLY"
	run_proto setup wwan '{"proto":"ltemodem","sourcefilter":false}' || fail "setup failed"
	assert_log "proto_add_ipv6_route :: 0 fe80::1   "
}

t_setup_dhcp_adds_dynamic_4_and_6_subinterfaces() {
	fresh dhcp
	reply ltemodem.connect "$DHCP_REPLY"
	FAKE_ZONE=wan run_proto setup wwan '{"proto":"ltemodem","pdptype":"ipv4v6","metric":20,"ip4table":"100"}' ||
		fail "setup failed: $(cat "$OUT")"
	assert_log "proto_init_update usb0 1"
	assert_log "proto_send_update wwan"
	assert_no_log "proto_add_ipv4_address"
	assert_no_log "proto_add_ipv6_address"
	assert_log 'ubus -t 10 call network add_dynamic {"name":"wwan_4","ifname":"@wwan","proto":"dhcp","ip4table":"100","metric":20,"zone":"wan"}'
	assert_log 'ubus -t 10 call network add_dynamic {"name":"wwan_6","ifname":"@wwan","proto":"dhcpv6","extendprefix":"1","iface_464xlat":"0","metric":20,"zone":"wan"}'
	# The parent must be up (its L3 device known) before the children alias it.
	assert_before "proto_send_update wwan" 'ubus -t 10 call network add_dynamic {"name":"wwan_4","ifname":"@wwan","proto":"dhcp","ip4table":"100","metric":20,"zone":"wan"}'
}

t_setup_dhcpv6_464xlat_only_off_for_dual_stack() {
	fresh xlat_default
	reply ltemodem.connect "$DHCP_REPLY"
	run_proto setup wwan '{"proto":"ltemodem"}' || fail "setup failed"
	assert_log "json_add_string iface_464xlat 0"

	fresh xlat_v6only
	reply ltemodem.connect "$DHCP_REPLY"
	run_proto setup wwan '{"proto":"ltemodem","pdptype":"ipv6"}' || fail "setup failed"
	assert_no_log "iface_464xlat"
}

t_setup_mixed_static_ipv4_and_dhcpv6() {
	fresh mixed
	reply ltemodem.connect '{"up":true,"netdev":"wwan0","dhcp":false,"dhcpv6":true,
		"ipv4":{"address":"100.64.0.7","prefix":32,"gateway":"","dns":["1.1.1.1"]},"ipv6":{}}'
	run_proto setup wwan "$CONFIG" || fail "setup failed"
	assert_log "proto_add_ipv4_address 100.64.0.7 32"
	assert_log "proto_add_ipv4_route 0.0.0.0 0 "
	assert_no_log '"name":"wwan_4"'
	assert_log 'json_add_string name wwan_6'
}

# Every io.ltemodem.model.ErrorCode: reported as is; needsUser() ones block netifd's restart (no retry can
# help), the others sleep before returning so netifd's immediate restart cannot spin.
t_each_error_code_maps_to_notify_and_block_or_throttle() {
	local codes code needs_user
	codes=$(sed -nE 's/^ *([A-Z_]+)\((true|false),.*/\1:\2/p' "$ERROR_CODES_JAVA")
	[ "$(echo "$codes" | wc -l)" -ge 19 ] || fail "could not read ErrorCode.java"
	for entry in $codes; do
		code=${entry%:*} needs_user=${entry#*:}
		fresh "err_$code"
		reply ltemodem.connect "$(error_reply "$code")"
		if run_proto setup wwan "$CONFIG"; then fail "$code: setup succeeded"; fi
		assert_log "proto_notify_error wwan $code"
		assert_no_log "proto_init_update"
		if [ "$needs_user" = true ]; then
			assert_log "proto_block_restart wwan"
			assert_no_log "^sleep"
		else
			assert_no_log "proto_block_restart"
			case "$code" in
				QUARANTINE|DISABLED) assert_log "sleep 120" ;;
				*) assert_log "sleep 15" ;;
			esac
		fi
	done
}

t_pin_puk_and_sim_errors_block_restart() {
	for code in PIN_REQUIRED PIN_FAILED PUK_REQUIRED SIM_ABSENT SIM_FAILURE; do
		fresh "block_$code"
		reply ltemodem.connect "$(error_reply "$code")"
		run_proto setup wwan "$CONFIG" && fail "$code: setup succeeded"
		assert_log "proto_block_restart wwan"
		assert_before "proto_notify_error wwan $code" "proto_block_restart wwan"
	done
}

t_ubus_failures_map_to_codes() {
	for pair in 7:TIMEOUT 4:NO_DEVICE 10:CONNECT_FAILED 3:CONNECT_FAILED 2:CONFIG_INVALID; do
		fresh "ubus_${pair%:*}"
		reply ltemodem.connect '{}' "${pair%:*}"
		run_proto setup wwan "$CONFIG" && fail "status ${pair%:*}: setup succeeded"
		assert_log "proto_notify_error wwan ${pair#*:}"
	done
	# INVALID_ARGUMENT means the daemon rejected the settings: retrying cannot help.
	assert_log "proto_block_restart wwan"
}

t_unknown_code_and_garbage_reply_are_connect_failed() {
	fresh unknown
	reply ltemodem.connect '{"up":false,"error":{"code":"sim; rm -rf /","message":"x"}}'
	run_proto setup wwan "$CONFIG" && fail "setup succeeded"
	assert_log "proto_notify_error wwan CONNECT_FAILED"
	assert_log "sleep 15"

	fresh garbage
	reply ltemodem.connect 'this is not json'
	run_proto setup wwan "$CONFIG" && fail "setup succeeded"
	assert_log "proto_notify_error wwan CONNECT_FAILED"
	assert_log "sleep 15"
}

t_up_without_netdev_or_addresses_is_an_error() {
	fresh no_netdev
	reply ltemodem.connect '{"up":true,"netdev":"","dhcp":true}'
	run_proto setup wwan "$CONFIG" && fail "setup succeeded"
	assert_log "proto_notify_error wwan CONNECT_FAILED"

	fresh bad_netdev
	reply ltemodem.connect '{"up":true,"netdev":"wwan0;reboot","dhcp":true}'
	run_proto setup wwan "$CONFIG" && fail "setup succeeded"
	assert_log "proto_notify_error wwan CONNECT_FAILED"

	fresh no_ip
	reply ltemodem.connect '{"up":true,"netdev":"wwan0","dhcp":false,"dhcpv6":false,"ipv4":{},"ipv6":{}}'
	run_proto setup wwan "$CONFIG" && fail "setup succeeded"
	assert_log "proto_notify_error wwan NO_IP"
	assert_no_log "proto_init_update"
}

t_missing_daemon_is_reported_and_throttled() {
	fresh no_daemon
	echo 7 >"$FAKE_UBUS/wait_for.rc"
	run_proto setup wwan "$CONFIG" && fail "setup succeeded"
	assert_log "ubus -t 30 wait_for ltemodem"
	assert_log "proto_notify_error wwan NO_DAEMON"
	assert_log "sleep 15"
	assert_no_log "call ltemodem connect"
}

# With the real sleep: a transient failure holds the setup script back, so netifd's immediate restart cannot
# loop (seen with the real netifd: ~100 setups a second without it).
t_transient_error_throttles_netifd_restart_loop() {
	local start end
	fresh throttle
	reply ltemodem.connect "$(error_reply REGISTRATION_TIMEOUT)"
	start=$(now_cs)
	LTEMODEM_RETRY_DELAY=1 FAKE_REAL_SLEEP=1 run_proto setup wwan "$CONFIG" && fail "setup succeeded"
	end=$(now_cs)
	[ $((end - start)) -ge 100 ] || fail "setup returned after $((end - start)) cs; expected >= 100"
	assert_log "sleep 1"
}

t_teardown_disconnects_and_reports_link_down() {
	fresh teardown
	reply ltemodem.disconnect '{}'
	FAKE_REAL_SLEEP=1 run_proto teardown wwan "$CONFIG" || fail "teardown failed"
	assert_log 'ubus -t 3 call ltemodem disconnect {"interface":"wwan"}'
	assert_log "proto_kill_command wwan"
	assert_log "proto_init_update * 0"
	assert_log "proto_send_update wwan"
	assert_before 'ubus -t 3 call ltemodem disconnect {"interface":"wwan"}' "proto_init_update * 0"
}

# netifd SIGKILLs a teardown after 5 s; a stuck ubus (ignoring its own -t) must not take it there.
t_teardown_finishes_under_5s_when_ubus_hangs() {
	local start end
	fresh teardown_hang
	echo 30 >"$FAKE_UBUS/ltemodem.disconnect.hang"
	start=$(now_cs)
	FAKE_REAL_SLEEP=1 run_proto teardown wwan "$CONFIG"
	end=$(now_cs)
	[ $((end - start)) -lt 500 ] || fail "teardown took $((end - start)) cs"
	assert_log "proto_init_update * 0"
	assert_log "proto_send_update wwan"
}

t_teardown_without_daemon_still_reports_link_down() {
	fresh teardown_absent
	FAKE_REAL_SLEEP=1 run_proto teardown wwan "$CONFIG"
	assert_log "proto_init_update * 0"
	assert_log "proto_send_update wwan"
}

t_renew_reapplies_static_settings() {
	fresh renew
	reply ltemodem.connect "$STATIC_REPLY"
	run_proto renew wwan "$CONFIG" || fail "renew failed"
	assert_log 'ubus -t 30 call ltemodem connect {"interface":"wwan"}'
	assert_log "proto_init_update wwan0 1"
	assert_log "proto_add_ipv4_address 10.64.1.2 30"
	assert_log "proto_add_ipv6_address 2a00:1:2:3::5 128"
	assert_log "proto_send_update wwan"
	# One complete update without keep: what the daemon no longer reports is removed.
	assert_no_log "proto_set_keep"
	assert_no_log "wait_for"
}

t_renew_with_dhcp_renews_the_subinterfaces() {
	fresh renew_dhcp
	reply ltemodem.connect "$DHCP_REPLY"
	run_proto renew wwan "$CONFIG" || fail "renew failed"
	assert_log 'ubus -t 10 call network.interface renew {"interface":"wwan_4"}'
	assert_log 'ubus -t 10 call network.interface renew {"interface":"wwan_6"}'
}

t_renew_failure_reports_link_lost() {
	fresh renew_fail
	reply ltemodem.connect "$(error_reply DATA_PATH_DEAD)"
	run_proto renew wwan "$CONFIG" && fail "renew succeeded"
	assert_log "proto_notify_error wwan DATA_PATH_DEAD"
	assert_log "proto_init_update * 0"
	assert_no_log "proto_block_restart"

	fresh renew_puk
	reply ltemodem.connect "$(error_reply PUK_REQUIRED)"
	run_proto renew wwan "$CONFIG" && fail "renew succeeded"
	assert_log "proto_block_restart wwan"
	assert_log "proto_init_update * 0"
}

# netifd logs the handler's stdout/stderr and the ubus arguments show in `ps`: neither may carry the SIM PIN
# or the APN password, which netifd hands the script inside the config JSON.
t_secrets_are_never_printed_or_passed_on() {
	local cfg='{"proto":"ltemodem","apn":"internet","pincode":"4711","username":"user","password":"hunter2secret"}'
	for case in static error teardown renew dump; do
		fresh "secret_$case"
		case "$case" in
			static) reply ltemodem.connect "$STATIC_REPLY"; run_proto setup wwan "$cfg" ;;
			error) reply ltemodem.connect "$(error_reply PIN_FAILED)"; run_proto setup wwan "$cfg" ;;
			teardown) FAKE_REAL_SLEEP=1 run_proto teardown wwan "$cfg" ;;
			renew) reply ltemodem.connect "$DHCP_REPLY"; run_proto renew wwan "$cfg" ;;
			dump) (cd "$PROTO_DIR" && busybox ash ./ltemodem.sh '' dump) >"$OUT" 2>&1 ;;
		esac
		for secret in 4711 hunter2secret; do
			assert_file_lacks "$OUT" "$secret"
			assert_file_lacks "$FAKE_LOG" "$secret"
		done
	done
}

t_script_is_executable_in_git() {
	local mode
	mode=$(cd "$TOP" && git ls-files -s files/lib/netifd/proto/ltemodem.sh | cut -d' ' -f1)
	assert_eq "$mode" 100755 "git file mode of the proto script"
}

run_tests
