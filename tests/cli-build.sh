#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-build.sh: `yakugo build`: a good glossary compiles; a bad one lists every
# problem as FILE:LINE: message, exits 2 and leaves no database behind.
. "$top_srcdir/tests/tap.sh"

tab=$(printf '\t')
hdr="ja${tab}kana${tab}romaji${tab}type${tab}en${tab}market${tab}variants${tab}footnotes${tab}note"

cd "$TMPD" || exit 99
{
	echo "$hdr"
	echo "# comment"
	echo "内閣府${tab}ないかくふ${tab}Naikakufu${tab}ministry${tab}Cabinet Office${tab}${tab}${tab}body${tab}"
	echo "鳥取県${tab}とっとり けん${tab}Tottori-ken${tab}place${tab}Tottori Prefecture${tab}${tab}Totori-ken${tab}${tab}"
} >good.tsv
# a planted file at the name a predictable temporary file would have is left alone
echo victim > victim
ln -s victim good.db.tmp
"$YAKUGO" build --output good.db good.tsv 2>err; st=$?
check "good glossary builds" 0 "$st"
check "no message for a good glossary" "" "$(cat err)"
[ -f good.db ] && tap_ok "database written" || tap_fail "database written"
check "no temporary file left" "good.db good.db.tmp" "$(echo good.db*)"
check "the planted good.db.tmp is untouched" victim "$(cat good.db.tmp)"
check "the database is readable like any file made here (not mkstemp's 0600)" \
	"$(printf '%o' $((0666 & ~$(umask))))" "$(stat -c %a good.db)"
out=$("$YAKUGO" --db good.db lookup --format tsv Totori-ken 2>&1)
check_match "built database answers lookups" '^鳥取県	とっとり けん	Tottori-ken' "$out"

# A bad glossary: wrong romaji, missing field, 8 columns, duplicate, invalid UTF-8.
{
	echo "$hdr"
	echo "経済産業省${tab}けいざい さんぎょうしょう${tab}Keizai Sangyosho${tab}ministry${tab}${tab}${tab}${tab}${tab}"
	echo "外務省${tab}がいむしょう${tab}Gaimushō${tab}${tab}${tab}${tab}${tab}${tab}"
	echo "内閣府${tab}ないかくふ${tab}Naikakufu${tab}ministry${tab}${tab}${tab}${tab}"
	echo "内閣府${tab}ないかくふ${tab}Naikakufu${tab}ministry${tab}${tab}${tab}${tab}${tab}"
	echo "内閣府${tab}ないかくふ${tab}Naikakufu${tab}ministry${tab}${tab}${tab}${tab}${tab}"
	printf '毎日\tまいにち\tMainichi\tnewspaper\tThe \377\t\t\t\t\n'
} >bad.tsv
"$YAKUGO" build --output bad.db bad.tsv 2>err; st=$?
msgs=$(cat err)
check "bad glossary exits 2" 2 "$st"
check_match "wrong romaji as FILE:LINE" '^yakugo: bad\.tsv:2: romaji .Keizai Sangyosho. does not match' "$msgs"
check_match "missing field as FILE:LINE" '^yakugo: bad\.tsv:3: missing type' "$msgs"
check_match "8 columns as FILE:LINE" '^yakugo: bad\.tsv:4: expected 9 tab-separated columns, found 8' "$msgs"
check_match "duplicate as FILE:LINE" '^yakugo: bad\.tsv:6: duplicate entry.*bad\.tsv:5' "$msgs"
check_match "invalid UTF-8 as FILE:LINE with the byte" '^yakugo: bad\.tsv:7: invalid UTF-8 at byte 44' "$msgs"
check "all five problems listed" 5 "$(grep -c '^yakugo: bad\.tsv:[0-9]*: ' err)"
[ "$(echo bad.db*)" = 'bad.db*' ] && tap_ok "no output file for a bad glossary" \
	|| tap_fail "no output file for a bad glossary"

# An existing database is only replaced by a complete new one.
cp good.db keep.db
"$YAKUGO" build --output keep.db bad.tsv 2>/dev/null
cmp -s good.db keep.db && tap_ok "a failed build leaves the old database alone" \
	|| tap_fail "a failed build leaves the old database alone"
# Problems in two files are all reported.
"$YAKUGO" build --output two.db bad.tsv bad.tsv 2>err; st=$?
check "duplicates across files found too" 1 "$(grep -c 'bad\.tsv:2: duplicate entry' err)"
check_status "unreadable glossary exits 2" 2 "$YAKUGO" build --output x.db /nonexistent/g.tsv
check_status "no glossary is a usage error" 2 "$YAKUGO" build
out=$("$YAKUGO" build --help); st=$?
check "--help exits 0" 0 "$st"
check_match "--help shows usage" '^Usage: yakugo build' "$out"
tap_done
