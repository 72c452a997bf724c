# Shared by the stand-ins under fakeroot/: appends one line per call to $FAKE_LOG.
# Format: the function name and its arguments separated by single spaces (tests grep whole lines).

_fake_record() {
	[ -n "$FAKE_LOG" ] || return 0
	local line="$1" arg
	shift
	for arg in "$@"; do
		line="$line $arg"
	done
	printf '%s\n' "$line" >>"$FAKE_LOG"
}
