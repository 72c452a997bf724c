# Stand-in for netifd's scripts/netifd-proto.sh (written for these tests): the same functions with the same
# arguments, but each proto_* call is recorded to $FAKE_LOG instead of being sent to netifd as
# `ubus call network.interface notify_proto`. init_proto/add_protocol follow the real dispatch: `dump` prints the
# handler description (flags and declared options), the actions load the config JSON and call proto_<name>_<action>.

# shellcheck source=src/test/shell/fakeroot/usr/share/libubox/jshn.sh
. "$LTEMODEM_ROOT/usr/share/libubox/jshn.sh"

# Read by handlers (json_get_vars ... $PROTO_DEFAULT_OPTIONS), as with the real library.
# shellcheck disable=SC2034
PROTO_DEFAULT_OPTIONS="defaultroute peerdns metric"
_FAKE_DECLS=

_fake_declare() {
	_FAKE_DECLS="${_FAKE_DECLS:+$_FAKE_DECLS }${2%%:*}:$1"
}

proto_config_add_string() { _fake_declare string "$1"; }
proto_config_add_int() { _fake_declare int "$1"; }
proto_config_add_boolean() { _fake_declare boolean "$1"; }
proto_config_add_array() { _fake_declare array "$1"; }

proto_config_add_defaults() {
	proto_config_add_boolean "defaultroute"
	proto_config_add_boolean "peerdns"
	proto_config_add_boolean "renew"
	proto_config_add_int "metric"
}

# Real semantics: reads the caller's $defaultroute/$peerdns/$metric into the JSON being built.
proto_add_dynamic_defaults() {
	_fake_record proto_add_dynamic_defaults
	[ -n "$defaultroute" ] && json_add_boolean defaultroute "$defaultroute"
	[ -n "$peerdns" ] && json_add_boolean peerdns "$peerdns"
	[ -n "$metric" ] && json_add_int metric "$metric"
}

proto_init_update() { _fake_record proto_init_update "$@"; }
proto_set_keep() { _fake_record proto_set_keep "$@"; }
proto_add_data() { _fake_record proto_add_data; }
proto_close_data() { _fake_record proto_close_data; }
proto_add_dns_server() { _fake_record proto_add_dns_server "$@"; }
proto_add_dns_search() { _fake_record proto_add_dns_search "$@"; }
proto_add_ipv4_address() { _fake_record proto_add_ipv4_address "$@"; }
proto_add_ipv6_address() { _fake_record proto_add_ipv6_address "$@"; }
proto_add_ipv4_route() { _fake_record proto_add_ipv4_route "$@"; }
proto_add_ipv6_route() { _fake_record proto_add_ipv6_route "$@"; }
proto_add_ipv6_prefix() { _fake_record proto_add_ipv6_prefix "$@"; }
proto_send_update() { _fake_record proto_send_update "$@"; }
proto_export() { _fake_record proto_export "$@"; }
proto_run_command() { _fake_record proto_run_command "$@"; }
proto_kill_command() { _fake_record proto_kill_command "$@"; }
proto_notify_error() { _fake_record proto_notify_error "$@"; }
proto_block_restart() { _fake_record proto_block_restart "$@"; }
proto_set_available() { _fake_record proto_set_available "$@"; }
proto_add_host_dependency() { _fake_record proto_add_host_dependency "$@"; }
proto_setup_failed() { _fake_record proto_setup_failed "$@"; }

# `dump`: what netifd learns about the handler at start-up (flags and declared options), as JSON.
_fake_dump_protocol() {
	local decl
	no_device=0
	no_device_config=0
	no_proto_task=0
	available=0
	renew_handler=0
	restart_handler=0
	lasterror=0
	teardown_on_l3_link_down=0
	"proto_$1_init_config"

	_FJ_QUIET=1
	json_init
	json_add_string name "$1"
	json_add_array config
	for decl in $_FAKE_DECLS; do
		json_add_array ""
		json_add_string "" "${decl%%:*}"
		json_add_string "" "${decl#*:}"
		json_close_array
	done
	json_close_array
	json_add_boolean no-device "$no_device"
	json_add_boolean no-device-config "$no_device_config"
	json_add_boolean no-proto-task "$no_proto_task"
	json_add_boolean available "$available"
	json_add_boolean renew-handler "$renew_handler"
	json_add_boolean restart-handler "$restart_handler"
	json_add_boolean lasterror "$lasterror"
	json_add_boolean teardown-on-l3-link-down "$teardown_on_l3_link_down"
	json_dump
	_FJ_QUIET=
}

# setup/teardown/renew/restart: load the config JSON, call proto_<name>_<action> <interface> <ifname>.
_fake_run_protocol() {
	[ "$_FAKE_PROTO" = "$1" ] || return 0
	_FJ_QUIET=1
	json_init
	json_load "$_FAKE_DATA"
	_FJ_QUIET=
	"proto_$1_$_FAKE_CMD" "$_FAKE_INTERFACE" "$_FAKE_IFNAME"
}

init_proto() {
	_FAKE_PROTO="$1" _FAKE_CMD="$2" _FAKE_INTERFACE="$3" _FAKE_DATA="$4" _FAKE_IFNAME="$5"
}

add_protocol() {
	case "$_FAKE_CMD" in
		dump) _fake_dump_protocol "$1" ;;
		setup|teardown|renew|restart) _fake_run_protocol "$1" ;;
	esac
}
