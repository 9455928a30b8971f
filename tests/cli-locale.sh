#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-locale.sh: output never depends on the locale. Under a comma-decimal locale
# (de_DE.UTF-8, which quickstart.sh generates) the JSON, TSV and report numbers are the
# bytes written under C, and numeric options are read the same way; Japanese input works
# under C and POSIX too.
. "$top_srcdir/tests/tap.sh"

YAKUGO_USER_DB=$TMPD/no-user.db
export YAKUGO_USER_DB
unset LANGUAGE

if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	echo "1..0 # SKIP no de_DE.UTF-8 locale (quickstart.sh generates it)"
	exit 0
fi
# Make sure the locale really writes comma decimals here, or the test proves nothing.
check "de_DE.UTF-8 writes comma decimals (so this test can fail)" "0,5" \
	"$(LC_ALL=de_DE.UTF-8 awk 'BEGIN { printf "%.1f", 0.5 }')"

for q in METI 'Mainchii shinbun' 'Kēzai sangyōshō' けいだんれん; do
	c=$(LC_ALL=C.UTF-8 "$YAKUGO" lookup --format json --limit 3 "$q")
	d=$(LC_ALL=de_DE.UTF-8 "$YAKUGO" lookup --format json --limit 3 "$q")
	check "lookup --format json '$q': same bytes under de_DE as under C" "$c" "$d"
	check_match "lookup --format json '$q': the score has a decimal point" \
		'"score":[0-9]+(\.[0-9]+)?[,}]' "$d"
	c=$(LC_ALL=C.UTF-8 "$YAKUGO" lookup --format tsv --limit 3 "$q")
	d=$(LC_ALL=de_DE.UTF-8 "$YAKUGO" lookup --format tsv --limit 3 "$q")
	check "lookup --format tsv '$q': same bytes under de_DE" "$c" "$d"
done

cite='[11] Kēzai sangyōshō, "Seisan kēzai sangyō daijin no kakugi kōgiasha kaiken no gaiyou," July 7, 2023.'
for fmt in json tsv; do
	printf '%s\n' "$cite" | LC_ALL=C.UTF-8 "$YAKUGO" cite --report "$TMPD/c.$fmt" >/dev/null 2>&1
	printf '%s\n' "$cite" | LC_ALL=de_DE.UTF-8 "$YAKUGO" cite --report "$TMPD/d.$fmt" >/dev/null 2>&1
	if [ -s "$TMPD/c.$fmt" ] && cmp -s "$TMPD/c.$fmt" "$TMPD/d.$fmt"; then
		tap_ok "cite --report x.$fmt: same bytes under de_DE as under C"
	else
		tap_fail "cite --report x.$fmt: same bytes under de_DE as under C" "$(diff "$TMPD/c.$fmt" "$TMPD/d.$fmt" 2>&1 | head -5)"
	fi
done
check_match "cite --report x.json: confidence with a decimal point" \
	'"confidence": ?[01](\.[0-9]+)?[,}]' "$(cat "$TMPD/d.json")"

out=$(printf '%s\n' "$cite" | LC_ALL=de_DE.UTF-8 "$YAKUGO" cite --threshold 0.9 2>&1); st=$?
check "cite --threshold 0.9 is read under de_DE" 0 "$st"
out=$(printf '%s\n' "$cite" | LC_ALL=C.UTF-8 "$YAKUGO" cite --threshold 0.9 2>&1)
check "cite --threshold 0.9: same result under de_DE and C" "$out" \
	"$(printf '%s\n' "$cite" | LC_ALL=de_DE.UTF-8 "$YAKUGO" cite --threshold 0.9 2>&1)"
check_status "cite --threshold 0,9 is refused under de_DE too" 2 \
	env LC_ALL=de_DE.UTF-8 "$YAKUGO" cite --threshold 0,9 /dev/null

# Japanese input under the C and POSIX locales and a locale that is not installed: the
# same bytes as under ja_JP.UTF-8.
for loc in C POSIX xx_YY.UTF-8; do
	want=$(echo 経済産業省 | LC_ALL=ja_JP.UTF-8 "$YAKUGO" romanize)
	check "romanize under LC_ALL=$loc" "$want" "$(echo 経済産業省 | LC_ALL=$loc "$YAKUGO" romanize 2>/dev/null)"
	want=$(LC_ALL=ja_JP.UTF-8 LANGUAGE=C "$YAKUGO" lookup --format tsv 経済産業省)
	check "lookup 経済産業省 under LC_ALL=$loc" "$want" "$(LC_ALL=$loc "$YAKUGO" lookup --format tsv 経済産業省 2>/dev/null)"
	want=$(echo 'Kēzai sangyōshō' | LC_ALL=ja_JP.UTF-8 "$YAKUGO" cite)
	check "cite under LC_ALL=$loc" "$want" "$(echo 'Kēzai sangyōshō' | LC_ALL=$loc "$YAKUGO" cite 2>/dev/null)"
	check "kana under LC_ALL=$loc" "けいざい" "$(LC_ALL=$loc "$YAKUGO" kana keizai 2>/dev/null)"
done
tap_done
