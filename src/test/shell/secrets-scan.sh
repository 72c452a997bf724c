#!/bin/sh
# The secrets check over everything the suites printed: the distinctive PIN, PUK and password the tests use where
# secrets flow (src/test/resources/io/ltemodem/secrets.list) must appear in no captured output — the JUnit classes'
# output and reports (the daemon's log at debug level) and the shell and node suites' logs.
# Usage: secrets-scan.sh DIR... ; exit 1 naming file and line when a secret shows, 2 when there is nothing to scan.
set -eu
list="$(dirname "$0")/../resources/io/ltemodem/secrets.list"
patterns=$(mktemp)
trap 'rm -f "$patterns"' EXIT
grep -v -e '^#' -e '^[[:space:]]*$' "$list" > "$patterns"

files=0
for d in "$@"; do
	[ -d "$d" ] || continue
	files=$((files + $(find "$d" -type f | wc -l)))
done
if [ "$files" -eq 0 ]; then
	echo "secrets-scan: no captured output in: $*" >&2
	exit 2
fi
# -F: fixed strings; -r: every file below; -n: line numbers. A hit is printed with the secret masked.
if hits=$(grep -rnF -f "$patterns" "$@" 2>/dev/null); then
	echo "secrets-scan: a secret appears in captured output:" >&2
	printf '%s\n' "$hits" | while IFS= read -r line; do
		masked=$line
		while IFS= read -r s; do masked=$(printf '%s' "$masked" | awk -v s="$s" '{ while ((i = index($0, s)) > 0) $0 = substr($0, 1, i - 1) "***" substr($0, i + length(s)); print }'); done < "$patterns"
		printf '  %s\n' "$masked" | cut -c1-240 >&2
	done
	exit 1
fi
echo "secrets-scan: $files files, no secret in any"
