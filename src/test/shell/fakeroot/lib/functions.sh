# Stand-in for OpenWrt's /lib/functions.sh: only what netifd-proto.sh and ltemodem's scripts use.
# shellcheck source=src/test/shell/fakeroot/lib/fake-record.sh
. "$LTEMODEM_ROOT/lib/fake-record.sh"

# Same contract as the real one: append VAR VALUE [SEPARATOR] (default separator: a space).
append() {
	eval "$1=\${$1:+\${$1}\${3:- }}\$2"
}
