#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-lookup-batch.sh: `yakugo lookup -` answers one query a line of standard input
# from one process: each answer is the one the query alone gets, JSON results carry their
# query, TSV has a query column, bad lines are named and skipped, exit statuses as grep's.
. "$top_srcdir/tests/tap.sh"

YAKUGO_USER_DB=$TMPD/no-user.db
YAKUGO_SYSTEM_DB=none
export YAKUGO_USER_DB YAKUGO_SYSTEM_DB

qs='METI
Keidanren
Mainchii shinbun
けいだんれん'
batch=$(printf '%s\n' "$qs" | "$YAKUGO" lookup --format json --limit 2 -); st=$?
check "lookup -: exit 0 when something is found" 0 "$st"
want=$(printf '%s\n' "$qs" | while IFS= read -r q; do "$YAKUGO" lookup --format json --limit 2 "$q"; done)
check "lookup -: the same results as one lookup per query, in order" "$want" \
	"$(printf '%s\n' "$batch" | sed 's/^{"query":"[^"]*",/{/')"
qof() { printf '%s\n' "$1" | sed 's/^{"query":"\([^"]*\)".*/\1/' | uniq | tr '\n' '|'; }
check "lookup -: every JSON result carries its query" "METI|Keidanren|Mainchii shinbun|けいだんれん|" \
	"$(qof "$batch")"
out=$(printf 'METI\nKeidanren\n' | "$YAKUGO" lookup --format tsv --limit 1 -)
check "lookup - --format tsv: a query column first, one header" "query	ja
METI	経済産業省
Keidanren	経団連" "$(printf '%s\n' "$out" | cut -f1,2)"
out=$(printf 'METI\n\nKeidanren\n' | "$YAKUGO" lookup --limit 1 -)
check "lookup - (text): each answer under its heading, empty lines skipped" "==> METI <==

==> Keidanren <==" "$(printf '%s\n' "$out" | grep -v '^経' | sed '/^  /d')"
check_status "lookup -: exit 1 when nothing is found" 1 sh -c "printf 'zzqqxxj\n' | '$YAKUGO' lookup --exact -"
err=$(printf 'METI\n\377\376\nKeidanren\n' | "$YAKUGO" lookup --limit 1 - 2>&1 >"$TMPD/o"); st=$?
check "lookup -: a line that is not UTF-8 makes exit 2" 2 "$st"
check_match "... and is named" '^yakugo: <stdin>:2: ' "$err"
check "... and the others are answered" "2" "$(grep -c '^==> ' "$TMPD/o")"
check_status "lookup - on empty input: exit 1" 1 sh -c "'$YAKUGO' lookup - </dev/null"
tap_done
