# The secrets scan `make test` runs over the suites' captured output: silent on clean output, loud (and masked) on a
# secret, and an error when there is nothing to scan (a scan of nothing proves nothing).
# shellcheck source=src/test/shell/lib/testlib.sh
. "$TOP/src/test/shell/lib/testlib.sh"

SCAN="$TOP/src/test/shell/secrets-scan.sh"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

t_clean_output_passes() {
	mkdir -p "$OUT/clean"
	echo "AT+CPIN=*** sent" > "$OUT/clean/a-output.txt"
	busybox ash "$SCAN" "$OUT/clean" >/dev/null 2>&1 || fail "clean output failed the scan"
}

t_a_secret_fails_the_scan_and_is_not_repeated() {
	mkdir -p "$OUT/leak"
	secret=$(grep -v '^#' "$TOP/src/test/resources/io/ltemodem/secrets.list" | head -n1)
	echo "AT+CPIN=\"$secret\"" > "$OUT/leak/b-output.txt"
	if busybox ash "$SCAN" "$OUT/leak" >"$OUT/leak.log" 2>&1; then fail "a secret passed the scan"; fi
	grep -q "b-output.txt:1" "$OUT/leak.log" || fail "the hit is not named"
	if grep -q "$secret" "$OUT/leak.log"; then fail "the scan printed the secret"; fi
	return 0
}

t_nothing_to_scan_is_an_error() {
	busybox ash "$SCAN" "$OUT/none" >/dev/null 2>&1
	rc=$?
	assert_eq "$rc" 2 "exit status without output to scan"
}

run_tests
