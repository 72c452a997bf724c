#!/bin/sh
# Runs shellcheck on every shell file of the OpenWrt integration, then each test_*.sh under busybox ash.
# Last line: "N passed, M failed"; exit status non-zero when anything failed.
set -u
TOP="$(cd "$(dirname "$0")/../../.." && pwd)"
export TOP
cd "$TOP" || exit 2

passed=0
failed=0

for tool in busybox shellcheck node; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "missing tool: $tool (apt-get install -y busybox shellcheck nodejs)"
		echo "0 passed, 1 failed"
		exit 1
	}
done

# Shell files: everything with a sh shebang or an .sh name under the three trees, plus the sourced hotplug
# snippets (no shebang: hotplug-call sources them).
shell_files() {
	find files openwrt-package src/test/shell -type f ! -name '*.js' ! -name '*.json' ! -name '*.md' \
		! -name 'Makefile' ! -name '*.mk' | sort | while read -r f; do
		case "$f" in
			*.sh|files/etc/hotplug.d/*) echo "$f" ;;
			*) head -n1 "$f" | grep -q '^#!.*sh' && echo "$f" ;;
		esac
	done
}

echo "shellcheck (POSIX sh, with -x):"
for f in $(shell_files); do
	# -s sh: OpenWrt's /bin/sh is busybox ash, which this shellcheck has no dialect for; .shellcheckrc
	# allows `local`, the one ash extension these scripts use.
	if out=$(shellcheck -x -s sh "$f" 2>&1); then
		passed=$((passed + 1))
		echo "  ok   shellcheck $f"
	else
		failed=$((failed + 1))
		echo "  FAIL shellcheck $f"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
done

log="$(mktemp)"
for t in src/test/shell/test_*.sh; do
	echo "${t##*/}:"
	busybox ash "$t" >"$log" 2>&1
	grep -v '^RESULT ' "$log"
	result=$(sed -n 's/^RESULT //p' "$log" | tail -n1)
	if [ -z "$result" ]; then
		failed=$((failed + 1))
		echo "  FAIL ${t##*/} did not finish"
		continue
	fi
	passed=$((passed + ${result% *}))
	failed=$((failed + ${result#* }))
done
rm -f "$log"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
