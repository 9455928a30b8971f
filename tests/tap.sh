# SPDX-License-Identifier: GPL-3.0-or-later
# tests/tap.sh: TAP helpers for the command-line tests (sourced by tests/*.sh).
# Each check prints "ok N - name" or "not ok N - name" with a diagnostic; call
# tap_done at the end. The environment comes from Makefile.am (YAKUGO, YAKUGO_DB, ...).
tap_n=0
tap_failed=0
: "${YAKUGO:?run through make check}"
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/yakugo-test.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT

tap_ok() { # tap_ok NAME: record a pass
	tap_n=$((tap_n + 1)); echo "ok $tap_n - $1"
}
tap_fail() { # tap_fail NAME [DIAG]: record a failure
	tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $1"
	[ -n "${2-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'
	return 0
}
# check NAME EXPECTED ACTUAL: string equality
check() {
	if [ "$2" = "$3" ]; then tap_ok "$1"; else tap_fail "$1" "want: $2
got:  $3"; fi
}
# check_status NAME EXPECTED_STATUS COMMAND...: exit status of a command (output discarded)
check_status() {
	name=$1 want=$2; shift 2
	"$@" >/dev/null 2>&1; got=$?
	if [ "$got" = "$want" ]; then tap_ok "$name"; else tap_fail "$name" "want exit $want, got $got: $*"; fi
}
# check_match NAME PATTERN TEXT: TEXT matches the grep -E PATTERN
check_match() {
	if printf '%s\n' "$3" | grep -Eq -- "$2"; then tap_ok "$1"; else tap_fail "$1" "pattern: $2
text: $3"; fi
}
# check_locked NAME PATTERN DB COMMAND...: while another process holds an exclusive lock
# on the SQLite database DB for 8 s, COMMAND must wait (busy timeout: at least 3 s), then
# exit 3 with a message matching PATTERN; returns once the lock is released
check_locked() {
	name=$1 pat=$2 db=$3; shift 3
	{ echo 'BEGIN EXCLUSIVE;'; echo 'DELETE FROM entry WHERE 0;'; sleep 8; echo 'COMMIT;'; } |
		sqlite3 "$db" >/dev/null 2>&1 &
	lock_pid=$!
	sleep 1
	t0=$(date +%s)
	out=$("$@" 2>&1); st=$?
	secs=$(($(date +%s) - t0))
	check "$name: exit 3" 3 "$st"
	check_match "$name: says so" "$pat" "$out"
	[ "$secs" -ge 3 ] && tap_ok "$name: waited before failing" \
		|| tap_fail "$name: waited before failing" "gave up after $secs s"
	wait "$lock_pid"
}
tap_done() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
