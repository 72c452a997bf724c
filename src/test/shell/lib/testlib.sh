# Tiny test harness for busybox ash. A test file sources this, defines functions named t_<name>, and ends with
# `run_tests`. Each test runs in a subshell with a fresh scratch directory, a fresh $FAKE_LOG (the record of
# every proto_*/json_*/ubus/sleep/ip call made through the stand-ins) and an empty $FAKE_UBUS reply directory.
# The file prints one line per test and, last, "RESULT <passed> <failed>" for the runner.

TOP="${TOP:?run through src/test/shell/run.sh}"
SHELL_TESTS="$TOP/src/test/shell"
PROTO_DIR="$TOP/files/lib/netifd/proto"
export LTEMODEM_ROOT="$SHELL_TESTS/fakeroot"
export PATH="$SHELL_TESTS/fakebin:$PATH"
# shellcheck source=src/test/shell/fakeroot/lib/fake-record.sh
. "$LTEMODEM_ROOT/lib/fake-record.sh"

fail() {
	echo "    $*" >&2
	exit 1
}

fresh() {
	SCRATCH="$TEST_TMP/$1"
	rm -rf "$SCRATCH"
	mkdir -p "$SCRATCH/ubus"
	export FAKE_LOG="$SCRATCH/calls.log" FAKE_UBUS="$SCRATCH/ubus"
	: >"$FAKE_LOG"
	OUT="$SCRATCH/out.txt"
}

# reply OBJECT.METHOD JSON [STATUS]: what the stand-in ubus answers to `ubus call OBJECT METHOD`.
reply() {
	printf '%s\n' "$2" >"$FAKE_UBUS/$1"
	[ -z "$3" ] || echo "$3" >"$FAKE_UBUS/$1.rc"
}

# run_proto ACTION INTERFACE CONFIG_JSON: runs the handler the way netifd does (cwd /lib/netifd/proto,
# argv: proto action interface config), with stdout+stderr (= netifd's log) in $OUT. Returns its status.
run_proto() {
	(cd "$PROTO_DIR" && busybox ash ./ltemodem.sh ltemodem "$@") >"$OUT" 2>&1
}

# Centiseconds since boot: busybox date has no sub-second format.
now_cs() {
	local up
	read -r up _ </proc/uptime
	echo "${up%.*}${up#*.}"
}

log_has() {
	grep -qxF -- "$1" "$FAKE_LOG"
}

assert_log() {
	log_has "$1" || fail "expected call: $1
$(sed 's/^/      | /' "$FAKE_LOG")"
}

assert_no_log() {
	! grep -q -- "$1" "$FAKE_LOG" || fail "unexpected call matching: $1
$(grep -- "$1" "$FAKE_LOG" | sed 's/^/      | /')"
}

# assert_before A B: the call A is recorded before the call B.
assert_before() {
	local a b
	a=$(grep -nxF -- "$1" "$FAKE_LOG" | head -n1 | cut -d: -f1)
	b=$(grep -nxF -- "$2" "$FAKE_LOG" | head -n1 | cut -d: -f1)
	if [ -z "$a" ] || [ -z "$b" ] || [ "$a" -ge "$b" ]; then
		fail "expected '$1' before '$2'"
	fi
}

assert_eq() {
	[ "$1" = "$2" ] || fail "${3:-values differ}: expected [$2], got [$1]"
}

assert_file_lacks() {
	! grep -qF -- "$2" "$1" || fail "$1 contains '$2'"
}

run_tests() {
	local passed=0 failed=0 t
	TEST_TMP="$(mktemp -d)"
	sed -n 's/^\(t_[A-Za-z0-9_]*\)() *{.*/\1/p' "$0" >"$TEST_TMP/tests"
	while read -r t; do
		if ("$t") </dev/null; then
			passed=$((passed + 1))
			echo "  ok   ${0##*/} ${t#t_}"
		else
			failed=$((failed + 1))
			echo "  FAIL ${0##*/} ${t#t_}"
		fi
	done <"$TEST_TMP/tests"
	rm -rf "$TEST_TMP"
	echo "RESULT $passed $failed"
}
