#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-mkromanize.sh: src/mkromanize.awk, the generator of the romanizer's tables:
# dict/romanize.tsv compiles; each kind of bad row fails with FILE:LINE: message and
# exit 1, and writes no table.
. "$top_srcdir/tests/tap.sh"
gen() { LC_ALL=C ${AWK:-awk} -f "$top_srcdir/src/mkromanize.awk" "$@"; }
tsv=$top_srcdir/dict/romanize.tsv

gen "$tsv" >"$TMPD/ok.c"; st=$?
check "dict/romanize.tsv compiles: exit 0" 0 "$st"
check "every counter is a table row" "$(sed -n '/^\[counter\]/,/^$/p' "$tsv" | grep -vc -e '^\[' -e '^surface' -e '^$')" \
	"$(sed -n '/romanize_counters\[\]/,/^};/p' "$TMPD/ok.c" | grep -c '^	{ "')"
check_match "the org heads keep the file's order (本部 before 警察本部)" '"本部",.*"警察本部"' \
	"$(sed -n '/romanize_org_heads\[\]/,/^};/p' "$TMPD/ok.c" | tr -d '\n')"

# bad LINE-REPLACEMENT: the file with its line matching PATTERN replaced by TEXT (awk
# gsub-safe), must fail with "FILE:LINE: MESSAGE"
bad() { # bad NAME PATTERN TEXT MESSAGE-REGEX
	name=$1 pat=$2 text=$3 msg=$4
	awk -v pat="$pat" -v text="$text" 'done || $0 !~ pat { print; next } { print text; done = 1 }' \
		"$tsv" >"$TMPD/bad.tsv"
	line=$(grep -n -m 1 -e "$pat" "$tsv" | cut -d: -f1)
	gen "$TMPD/bad.tsv" >"$TMPD/bad.c" 2>"$TMPD/err"; st=$?
	check "$name: exit 1" 1 "$st"
	check_match "$name: FILE:LINE: message" "^$TMPD/bad.tsv:$line: .*$msg" "$(cat "$TMPD/err")"
}
tab=$(printf '\t')
bad "a counter row with a column missing" '^本	ホン' "本${tab}ホン${tab}ポン${tab}ボン${tab}ホン" 'has 6 columns'
bad "an empty reading" '^本	ホン' "本${tab}${tab}ポン${tab}ボン${tab}ホン${tab}yes" 'empty reading'
bad "a reading in romaji" '^本	ホン' "本${tab}hon${tab}ポン${tab}ボン${tab}ホン${tab}yes" "reading 'hon' is not katakana"
bad "tsu_after_6 not yes or no" '^本	ホン' "本${tab}ホン${tab}ポン${tab}ボン${tab}ホン${tab}1" 'tsu_after_6 must be yes or no'
bad "a duplicate counter" '^杯	ハイ' "本${tab}ホン${tab}ポン${tab}ボン${tab}ホン${tab}yes" "duplicate counter '本'"
bad "columns renamed" '^surface	reading	after_tsu' "surface${tab}reading${tab}gem${tab}n3${tab}n4${tab}six" 'the columns of \[counter\] must be'
bad "an unknown role" '^省		org' "省${tab}${tab}ministry" "unknown role 'ministry'"
bad "split without a reading" '^省		org' "省${tab}${tab}split" 'empty reading'
bad "an unknown punctuation kind" '^、	,	pause' "、${tab},${tab}comma" "unknown kind 'comma'"
bad "a day out of range" '^10	トオカ' "32${tab}ミソカ${tab}misoka${tab}yes" 'day must be a day of the month'
bad "an exception with more words than readings" '^株式 会社' "株式 会社${tab}カブシキガイシャ${tab}" 'as many words'
bad "instead_of on an exception of two words" '^株式 会社' "株式 会社${tab}カブシキ カイシャ${tab}カブシキガイシャ" 'instead_of is for an exception of one word'
bad "an unknown section" '^\[direction\]' '[directions]' 'unknown section \[directions\]'
bad "a particle not in romaji" '^は	wa' "は${tab}ワ${tab}ha${tab}word,apart" 'a particle in romaji is lower-case'
bad "a particle in katakana" '^は	wa' "ハ${tab}wa${tab}ha${tab}word,apart" "a particle's kana is hiragana"
bad "an unknown cite role of a particle" '^は	wa' "は${tab}wa${tab}ha${tab}word,title" 'cite must be word, apart or both'
bad "a particle nothing uses" '^では' "では${tab}${tab}${tab}word" 'used only when cite divides it off'
bad "a numeral of two characters" '^十	10	ジュウ' "十十${tab}10${tab}ジュウ" "kanji '十十' is not one character"
bad "a numeral value the reader does not know" '^十	10	ジュウ' "十${tab}20${tab}ジュウ" 'value must be a digit 0-9, 10, 100'
bad "a numeral reading in romaji" '^十	10	ジュウ' "十${tab}10${tab}juu" "reading 'juu' is not katakana"
bad "a pair of a kanji not in [numeral]" '^三	百	サン	ビャク' "三${tab}皕${tab}サン${tab}ビャク" "second '皕' is not a kanji of \\[numeral\\]"
bad "a kanji first and second in pairs" '^十	兆	ジュッ' "百${tab}兆${tab}ヒャク${tab}チョウ" "'百' is second in a pair before"
bad "a counter reading for a numeral that is no digit" '^四	月	シ$' "十${tab}月${tab}ジュウ" "'十' is not a digit"
bad "a number word after neither kanji nor digits" '^1	人	ヒトリ' "1${tab}人${tab}ヒトリ${tab}both" 'after must be kanji or digits'
printf '[counter]\nsurface\treading\tafter_tsu\tafter_n\tafter_4\ttsu_after_6\n' >"$TMPD/short.tsv"
gen "$TMPD/short.tsv" >"$TMPD/short.c" 2>"$TMPD/err"; st=$?
check "a file without most sections: exit 1" 1 "$st"
check_match "a file without most sections: says which" 'section \[counter\] is missing or empty' "$(cat "$TMPD/err")"
tap_done
