#!/bin/sh
# tests/cli-main.sh: the global command line: --help, --version, usage errors, Japanese.
. "$top_srcdir/tests/tap.sh"

out=$("$YAKUGO" --help); st=$?
check "--help exits 0" 0 "$st"
check_match "--help lists commands" '^Commands:' "$out"
out=$("$YAKUGO" --version)
check_match "--version prints the version" '^yakugo [0-9]+\.[0-9]+' "$out"
err=$("$YAKUGO" frobnicate 2>&1 >/dev/null); st=$?
check "unknown command exits 2" 2 "$st"
check_match "unknown command says so" "^yakugo: unknown command 'frobnicate'" "$err"
check_match "usage error points to --help" "Try 'yakugo --help'" "$err"
check_status "no command exits 2" 2 "$YAKUGO"
check_status "bad global option exits 2" 2 "$YAKUGO" --frob
if [ -w /dev/full ]; then
	"$YAKUGO" --help >/dev/full 2>"$TMPD/err"; st=$?
	check "write error on stdout exits 3" 3 "$st"
	check_match "write error reported" 'write error' "$(cat "$TMPD/err")"
fi
# Japanese: the catalogue from po/ja.po, under a Japanese locale.
if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	out=$(LC_ALL=ja_JP.UTF-8 "$YAKUGO" --help)
	check_match "--help in Japanese" '^使い方: yakugo' "$out"
	check_match "command list heading in Japanese" '^コマンド:' "$out"
	err=$(LC_ALL=ja_JP.UTF-8 "$YAKUGO" frobnicate 2>&1)
	check_match "usage error in Japanese" "不明なコマンド" "$err"
else
	tap_fail "ja_JP.UTF-8 locale present (quickstart.sh generates it)"
fi
out=$(LC_ALL=xx_YY.UTF-8 "$YAKUGO" --help 2>&1)
check_match "unknown locale falls back to English" '^Usage: yakugo' "$out"
tap_done
