#!/bin/sh
# netifd protocol handler for `option proto 'ltemodem'`.
#
# The ltemodem daemon does the modem work (SIM, registration, bearer, recovery) and reads the interface's UCI
# options itself; this script only asks it to connect and hands the result to netifd, because only netifd may
# put addresses, routes and DNS on the system (so ip4table/ip6table, zones and ifstatus keep working).
#
# Every wait below has a bound. netifd re-runs a failed setup at once (~100 times a second), so failures are
# either blocked (a person must act) or slowed down before the script returns.
#
# LTEMODEM_ROOT is empty on a router; the tests point it at stand-ins for netifd's shell libraries.

[ -n "$INCLUDE_ONLY" ] || {
	# shellcheck source=src/test/shell/fakeroot/lib/functions.sh
	. "$LTEMODEM_ROOT/lib/functions.sh"
	# shellcheck source=src/test/shell/fakeroot/lib/netifd/netifd-proto.sh
	. "$LTEMODEM_ROOT/lib/netifd/netifd-proto.sh"
	init_proto "$@"
}

# Bounds in seconds. netifd starts handlers with a bare environment, so these defaults are what runs on a router.
: "${LTEMODEM_WAIT_TIMEOUT:=30}"       # for the daemon's ubus object: the JVM may still be starting at boot
: "${LTEMODEM_CONNECT_TIMEOUT:=180}"   # connect blocks until online or error; the daemon's own deadline is shorter
: "${LTEMODEM_RENEW_TIMEOUT:=30}"      # when online, connect answers at once with the current settings
: "${LTEMODEM_TEARDOWN_TIMEOUT:=3}"    # netifd SIGKILLs a teardown after 5 s; disconnect itself answers in < 1 s
: "${LTEMODEM_RETRY_DELAY:=15}"        # pause before a failed setup returns: netifd restarts setup immediately
: "${LTEMODEM_SLOW_RETRY_DELAY:=120}"  # the daemon is throttling itself (QUARANTINE) or is switched off (DISABLED)

# Declares exactly the interface options in src/main/resources/io/ltemodem/config/options.json (a test compares).
# The script reads few of them -- the daemon reads UCI itself -- but netifd passes only declared options, shows
# them in `ubus call network get_proto_handlers`, and re-runs setup on `reload` only when a declared one changed.
proto_ltemodem_init_config() {
	# Read by netifd-proto.sh's dump, not here.
	# shellcheck disable=SC2034
	{
		available=1      # the daemon finds the modem; netifd need not wait for a hotplug event
		no_device=1      # `device` names the modem (node, sysfs path or auto), not a netdev netifd should claim
		renew_handler=1  # the daemon asks netifd to renew when the bearer's IP settings change
	}
	proto_config_add_string device
	proto_config_add_string apn
	proto_config_add_string pdptype
	proto_config_add_string auth
	proto_config_add_string username
	proto_config_add_string password
	proto_config_add_string pincode
	proto_config_add_string protocol
	proto_config_add_boolean allow_roaming
	proto_config_add_int profile
	proto_config_add_int mtu
	proto_config_add_boolean dhcp
	proto_config_add_boolean dhcpv6
	proto_config_add_boolean sourcefilter
	proto_config_add_defaults
}

_ltemodem_log() {
	echo "ltemodem: $*"
}

# UCI section names are [A-Za-z0-9_], so the interface name needs no JSON escaping.
_ltemodem_arg() {
	printf '{"interface":"%s"}' "$1"
}

# ubus CLI exit status (enum ubus_msg_status) -> the code reported to netifd.
_ltemodem_ubus_code() {
	case "$1" in
		2) echo CONFIG_INVALID ;;    # INVALID_ARGUMENT: the daemon rejected this interface's settings
		4) echo NO_DEVICE ;;         # NOT_FOUND: the daemon has no modem for this interface (yet)
		7) echo TIMEOUT ;;
		*) echo CONNECT_FAILED ;;
	esac
}

# Tells netifd why setup failed. Returns 0 when netifd was also told not to retry: for SIM, PIN and PUK
# problems, a denied registration or an invalid configuration no retry can help -- retrying a wrong PIN
# would even use up the SIM's tries. The codes are io.ltemodem.model.ErrorCode names (needsUser() = blocked),
# plus NO_DAEMON from this script; LuCI translates them (protocol/ltemodem.js).
_ltemodem_report() {
	local interface="$1" code="$2" message="$3"

	case "$code" in
		''|*[!A-Z0-9_]*) code=CONNECT_FAILED ;;
	esac
	_ltemodem_log "$interface: $code${message:+ ($message)}"
	proto_notify_error "$interface" "$code"
	case "$code" in
		SIM_ABSENT|SIM_FAILURE|PIN_REQUIRED|PIN_FAILED|PIN_TRIES_BELOW_LIMIT|PUK_REQUIRED|SIM_LOCKED_OTHER|\
		REGISTRATION_DENIED|CONFIG_INVALID)
			_ltemodem_log "$interface: not retrying until the configuration changes or the interface is brought up"
			proto_block_restart "$interface"
			return 0
			;;
	esac
	return 1
}

# Slows down netifd's immediate restart after a transient failure.
_ltemodem_throttle() {
	local delay="$LTEMODEM_RETRY_DELAY"

	case "$1" in
		QUARANTINE|DISABLED) delay="$LTEMODEM_SLOW_RETRY_DELAY" ;;
	esac
	_ltemodem_log "retrying in ${delay}s"
	sleep "$delay"
}

# Parses a connect reply into _lm_* variables. Done before any proto_init_update: jshn has one state, and
# proto_init_update starts a new JSON document in it.
_ltemodem_parse() {
	_lm_up='' _lm_netdev='' _lm_mtu='' _lm_dhcp='' _lm_dhcpv6='' _lm_code='' _lm_message=''
	_lm_v4_address='' _lm_v4_prefix='' _lm_v4_gateway='' _lm_v4_dns=''
	_lm_v6_address='' _lm_v6_prefix='' _lm_v6_gateway='' _lm_v6_dns=''

	json_init
	json_load "$1"
	json_get_var _lm_up up
	json_get_var _lm_netdev netdev
	json_get_var _lm_mtu mtu
	json_get_var _lm_dhcp dhcp
	json_get_var _lm_dhcpv6 dhcpv6
	if json_select error 2>/dev/null; then
		json_get_var _lm_code code
		json_get_var _lm_message message
		json_select ..
	fi
	_ltemodem_parse_family 4
	_ltemodem_parse_family 6
	# Numbers end up in arithmetic tests below; anything else is dropped.
	case "$_lm_mtu" in ''|*[!0-9]*) _lm_mtu= ;; esac
	case "$_lm_v4_prefix" in ''|*[!0-9]*) _lm_v4_prefix= ;; esac
	case "$_lm_v6_prefix" in ''|*[!0-9]*) _lm_v6_prefix= ;; esac
	return 0
}

# ipv4 / ipv6 {address, prefix, gateway, dns[]} of the reply into _lm_v4_* / _lm_v6_*.
_ltemodem_parse_family() {
	json_select "ipv$1" 2>/dev/null || return 0
	json_get_var "_lm_v$1_address" address
	json_get_var "_lm_v$1_prefix" prefix
	json_get_var "_lm_v$1_gateway" gateway
	json_get_values "_lm_v$1_dns" dns 2>/dev/null
	json_select ..
}

# Returns 1 (with _lm_code set) when an "up" reply cannot be applied.
_ltemodem_check() {
	case "$_lm_netdev" in
		''|*[!A-Za-z0-9._-]*)
			_lm_code=CONNECT_FAILED _lm_message="no usable network device in the reply"
			return 1
			;;
	esac
	[ "$_lm_dhcp" = 1 ] || [ "$_lm_dhcpv6" = 1 ] || [ -n "$_lm_v4_address" ] || [ -n "$_lm_v6_address" ] || {
		_lm_code=NO_IP _lm_message="neither addresses nor DHCP in the reply"
		return 1
	}
	return 0
}

_ltemodem_zone() {
	# fw4 answers the same query as fw3 did; without either, the dynamic interface simply gets no zone.
	if command -v fw4 >/dev/null 2>&1; then
		fw4 -q network "$1" 2>/dev/null
	elif command -v fw3 >/dev/null 2>&1; then
		fw3 -q network "$1" 2>/dev/null
	fi
}

# DHCP on the modem's netdev runs in a dynamic child interface (${interface}_4 / _6) that follows the parent's
# L3 device through the "@$interface" alias, as the upstream qmi/mbim/ncm handlers do.
_ltemodem_add_dynamic() {
	local interface="$1" family="$2" action="$3" zone
	zone="$(_ltemodem_zone "$interface")"

	json_init
	json_add_string name "${interface}_$family"
	json_add_string ifname "@$interface"
	if [ "$family" = 4 ]; then
		json_add_string proto dhcp
		[ -n "$ip4table" ] && json_add_string ip4table "$ip4table"
	else
		json_add_string proto dhcpv6
		# RFC 7278: share the mobile /64 with the LAN.
		json_add_string extendprefix 1
		# Dual stack has native IPv4: no 464XLAT. (ipv4v6 is the option's default.)
		[ "${pdptype:-ipv4v6}" = ipv4v6 ] && json_add_string iface_464xlat 0
		[ "$sourcefilter" = 0 ] && json_add_boolean sourcefilter 0
		[ -n "$ip6table" ] && json_add_string ip6table "$ip6table"
	fi
	proto_add_dynamic_defaults
	[ -n "$zone" ] && json_add_string zone "$zone"
	ubus -t 10 call network add_dynamic "$(json_dump)"

	# On renew the child already exists (add_dynamic only updates it); its DHCP client must ask again,
	# since the modem may have handed out new addresses.
	[ "$action" = renew ] && ubus -t 10 call network.interface renew "$(_ltemodem_arg "${interface}_$family")"
	return 0
}

# Hands the parsed settings to netifd. One update carries everything that is static, so it replaces whatever
# the previous setup or renew reported (keep is not set).
_ltemodem_apply() {
	local interface="$1" action="$2" server source

	[ -n "$_lm_mtu" ] && [ "$_lm_mtu" -gt 0 ] && ip link set dev "$_lm_netdev" mtu "$_lm_mtu"

	proto_init_update "$_lm_netdev" 1
	if [ "$_lm_dhcp" != 1 ] && [ -n "$_lm_v4_address" ]; then
		proto_add_ipv4_address "$_lm_v4_address" "${_lm_v4_prefix:-32}"
		# The gateway of a mobile bearer often lies outside the assigned prefix: reach it on-link first.
		[ -n "$_lm_v4_gateway" ] && proto_add_ipv4_route "$_lm_v4_gateway" 32
		[ "$defaultroute" = 0 ] || proto_add_ipv4_route 0.0.0.0 0 "$_lm_v4_gateway"
		if [ "$peerdns" != 0 ]; then
			for server in $_lm_v4_dns; do
				proto_add_dns_server "$server"
			done
		fi
	fi
	if [ "$_lm_dhcpv6" != 1 ] && [ -n "$_lm_v6_address" ]; then
		proto_add_ipv6_address "$_lm_v6_address" 128
		[ "${_lm_v6_prefix:-128}" -le 64 ] && proto_add_ipv6_prefix "$_lm_v6_address/$_lm_v6_prefix"
		[ -n "$_lm_v6_gateway" ] && proto_add_ipv6_route "$_lm_v6_gateway" 128
		if [ "$defaultroute" != 0 ]; then
			# Source-specific unless sourcefilter is 0: some targets lack CONFIG_IPV6_SUBTREES.
			source=
			[ "$sourcefilter" = 0 ] || source="$_lm_v6_address/${_lm_v6_prefix:-128}"
			proto_add_ipv6_route "::" 0 "$_lm_v6_gateway" "" "" "$source"
		fi
		if [ "$peerdns" != 0 ]; then
			for server in $_lm_v6_dns; do
				proto_add_dns_server "$server"
			done
		fi
	fi
	proto_send_update "$interface"

	[ "$_lm_dhcp" = 1 ] && _ltemodem_add_dynamic "$interface" 4 "$action"
	[ "$_lm_dhcpv6" = 1 ] && _ltemodem_add_dynamic "$interface" 6 "$action"
	return 0
}

# Calls connect and leaves the parsed reply in _lm_*. Returns 1 with _lm_code set when not online.
_ltemodem_connect() {
	local interface="$1" timeout="$2" reply rc=0

	reply="$(ubus -t "$timeout" call ltemodem connect "$(_ltemodem_arg "$interface")" 2>/dev/null)" || rc=$?
	if [ "$rc" -ne 0 ]; then
		_lm_code="$(_ltemodem_ubus_code "$rc")" _lm_message="ubus status $rc"
		return 1
	fi
	_ltemodem_parse "$reply"
	[ "$_lm_up" = 1 ] || {
		[ -n "$_lm_code" ] || _lm_code=CONNECT_FAILED
		return 1
	}
	_ltemodem_check
}

proto_ltemodem_setup() {
	local interface="$1"
	# Options netifd-proto.sh's helpers and the reporting below need; json_get_vars reads the config JSON,
	# which is gone once the reply is loaded.
	local defaultroute peerdns metric sourcefilter pdptype ip4table ip6table
	json_get_vars defaultroute peerdns metric sourcefilter pdptype ip4table ip6table

	if ! ubus -t "$LTEMODEM_WAIT_TIMEOUT" wait_for ltemodem >/dev/null 2>&1; then
		_ltemodem_report "$interface" NO_DAEMON "the ltemodem daemon is not running: /etc/init.d/ltemodem start" ||
			_ltemodem_throttle NO_DAEMON
		return 1
	fi

	if ! _ltemodem_connect "$interface" "$LTEMODEM_CONNECT_TIMEOUT"; then
		_ltemodem_report "$interface" "$_lm_code" "$_lm_message" || _ltemodem_throttle "$_lm_code"
		return 1
	fi
	_ltemodem_log "$interface: online on $_lm_netdev"
	_ltemodem_apply "$interface" setup
}

# The daemon calls `network.interface renew` when the bearer's settings change; connect then answers at once.
proto_ltemodem_renew() {
	local interface="$1"
	local defaultroute peerdns metric sourcefilter pdptype ip4table ip6table
	json_get_vars defaultroute peerdns metric sourcefilter pdptype ip4table ip6table

	if ! _ltemodem_connect "$interface" "$LTEMODEM_RENEW_TIMEOUT"; then
		_ltemodem_report "$interface" "$_lm_code" "$_lm_message"
		# Link lost: netifd tears down and runs setup, which waits and throttles as it should.
		proto_init_update "*" 0
		proto_send_update "$interface"
		return 1
	fi
	_ltemodem_apply "$interface" renew
}

# Runs `ubus "$@"` for at most $1 seconds even when ubus itself hangs (ubusd stuck): the CLI's -t bounds only
# the call, not connecting to ubusd. Output is discarded, so a killed ubus leaves no pipe open.
_ltemodem_ubus_bounded() {
	local limit="$1" pid watchdog rc=0
	shift
	ubus -t "$limit" "$@" >/dev/null 2>&1 &
	pid=$!
	(sleep "$((limit + 1))"; kill "$pid" 2>/dev/null) >/dev/null 2>&1 &
	watchdog=$!
	wait "$pid" || rc=$?
	kill "$watchdog" 2>/dev/null
	return "$rc"
}

proto_ltemodem_teardown() {
	local interface="$1"

	# Fast by contract: the daemon replies at once and finishes the disconnect on its own.
	_ltemodem_ubus_bounded "$LTEMODEM_TEARDOWN_TIMEOUT" call ltemodem disconnect "$(_ltemodem_arg "$interface")" ||
		_ltemodem_log "$interface: disconnect not confirmed by the daemon"
	# No proto task is started today; this stops one should a future version run one (e.g. pppd).
	proto_kill_command "$interface"
	proto_init_update "*" 0
	proto_send_update "$interface"
}

[ -n "$INCLUDE_ONLY" ] || add_protocol ltemodem
