#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-romanize.sh: `yakugo romanize` from the command line: the spec's footnote
# table with the seed glossary, real headlines (tests/romanize-cases.tsv), options,
# --literal, and bad input (invalid UTF-8, --replace, NUL bytes, empty input, CRLF,
# a 20 MB line in bounded memory, a missing dictionary).
. "$top_srcdir/tests/tap.sh"

out=$("$YAKUGO" romanize --help); st=$?
check "--help exits 0" 0 "$st"
check_match "--help shows the usage" '^Usage: yakugo romanize' "$out"

# The spec's table, with the seed glossary.
cat >"$TMPD/spec.in" <<'EOF'
経済産業省
西村経済産業大臣の閣議後記者会見の概要
AI駅員を10月から実証実験　JR九州、多言語で案内対応
チャットGPT、横須賀市が試験導入　文書作成や誤字チェックに
鳥取県、業務ではChatGPT禁止　知事「ちゃんと地道に」
ラピダス、AI向け半導体の生産受託　カナダのテンストレントと協業
内閣府, AI戦略会議
毎日新聞
EOF
cat >"$TMPD/spec.want" <<'EOF'
Keizai Sangyōshō
Nishimura Keizai Sangyō Daijin no kakugigo kisha kaiken no gaiyō
AI ekiin o 10-gatsu kara jisshō jikken JR Kyūshū, tagengo de annai taiō
Chatto GPT, Yokosuka-shi ga shiken dōnyū bunsho sakusei ya goji chekku ni
Tottori-ken, gyōmu de wa ChatGPT kinshi chiji "chanto jimichi ni"
Rapidasu, AI-muke handōtai no seisan jutaku Kanada no Tensutorento to kyōgyō
Naikakufu, AI senryaku kaigi
Mainichi shinbun
EOF
"$YAKUGO" romanize "$TMPD/spec.in" >"$TMPD/spec.out"; st=$?
check "spec table: exit 0" 0 "$st"
n=0
while IFS= read -r want; do
	n=$((n + 1))
	got=$(sed -n "${n}p" "$TMPD/spec.out")
	check "spec table row $n" "$want" "$got"
done <"$TMPD/spec.want"
# Glossary terms are single words with the glossary's capitals.
check "glossary term Keidanren" "Keidanren no kaichō" "$(echo '経団連の会長' | "$YAKUGO" romanize)"
# A name the glossary cuts (九州 is a term) keeps its capitals; a common noun does not.
check "glossary place + name head" "Kyūshū Denryoku ga genpatsu o saikadō" "$(echo '九州電力が原発を再稼働' | "$YAKUGO" romanize)"
check "glossary place + common noun" "Nihon keizai no kaifuku" "$(echo '日本経済の回復' | "$YAKUGO" romanize)"
check "glossary place inside a city's name" "Kitakyūshū-shi" "$(echo '北九州市' | "$YAKUGO" romanize)"
check "glossary 日本 after a direction" "JR Higashi Nihon" "$(echo 'JR東日本' | "$YAKUGO" romanize)"
check "glossary: a ministry's short name MeCab misreads" "Kōrōshō ga kōhyō" "$(echo '厚労省が公表' | "$YAKUGO" romanize)"
check "a two-character term does not cut a longer word" "Nihonkaigawa de ōyuki" "$(echo '日本海側で大雪' | "$YAKUGO" romanize)"

# Real headlines and titles, without the glossary (MeCab and the rules alone).
grep -v '^#' "$top_srcdir/tests/romanize-cases.tsv" | cut -f1 >"$TMPD/cases.in"
grep -v '^#' "$top_srcdir/tests/romanize-cases.tsv" | cut -f2 >"$TMPD/cases.want"
"$YAKUGO" romanize --no-glossary <"$TMPD/cases.in" >"$TMPD/cases.out"; st=$?
check "headlines: exit 0" 0 "$st"
check "headlines: one line out per line in" "$(wc -l <"$TMPD/cases.in")" "$(wc -l <"$TMPD/cases.out")"
n=0
while IFS= read -r want; do
	n=$((n + 1))
	got=$(sed -n "${n}p" "$TMPD/cases.out")
	check "headline $n: $(sed -n "${n}p" "$TMPD/cases.in")" "$want" "$got"
done <"$TMPD/cases.want"

# Styles and systems.
in='鳥取県の新聞は東京へ行った'
check "--style alalc" "Tottori-ken no shinbun wa Tōkyō e itta" "$(echo "$in" | "$YAKUGO" romanize --style alalc)"
check "--style spaced" "tottori ken no shinbun wa tōkyō e itta" "$(echo "$in" | "$YAKUGO" romanize --style spaced)"
check "--style title" "Tottori-ken no Shinbun wa Tōkyō e Itta" "$(echo "$in" | "$YAKUGO" romanize --style title)"
check "--style spaced keeps っ with its counter" "ikkagetsu buri no saikai" "$(echo '一か月ぶりの再開' | "$YAKUGO" romanize --style spaced)"
check "--style slug" "tottori-ken-no-shinbun-wa-tokyo-e-itta" "$(echo "$in" | "$YAKUGO" romanize --style slug)"
check "--system kunrei" "Tottori-ken no sinbun wa Tôkyô e itta" "$(echo "$in" | "$YAKUGO" romanize --system kunrei)"
check "--system passport" "TOTTORI-KEN NO SHIMBUN WA TOKYO E ITTA" "$(echo "$in" | "$YAKUGO" romanize --system passport)"
check "--system wapuro" "Tottori-ken no shinbun wa Toukyou e itta" "$(echo "$in" | "$YAKUGO" romanize --system wapuro)"
check "--long none" "Tottori-ken no shinbun wa Tokyo e itta" "$(echo "$in" | "$YAKUGO" romanize --long none)"
check "numerals and counters in kunrei" "Hassenman'en, ikkagetu, mikkakan, 1-pon" "$(echo '八千万円、一か月、3日間、1本' | "$YAKUGO" romanize --system kunrei)"
check "glossary term in kunrei" "Keizai Sangyôsyô" "$(echo '経済産業省' | "$YAKUGO" romanize --system kunrei)"
check "--style title: the particle は of a glossary term, spelled from its kana, stays lower case" \
	'Tottori-ken, Gyômu de ha ChatGPT Kinsi Tizi "Tyanto Zimiti Ni"' \
	"$(echo '鳥取県、業務ではChatGPT禁止　知事「ちゃんと地道に」' | "$YAKUGO" romanize --system kunrei --style title)"
check_status "unknown system: exit 2" 2 "$YAKUGO" romanize --system klingon
check_status "unknown style: exit 2" 2 "$YAKUGO" romanize --style loud
check_status "unknown option: exit 2" 2 "$YAKUGO" romanize --frobnicate

# --literal: kana letter by letter, no MeCab.
check "--literal hiragana" "tōkyō e iku" "$(echo 'とうきょう え いく' | "$YAKUGO" romanize --literal)"
check "--literal half-width katakana" "sofutobanku" "$(echo 'ｿﾌﾄﾊﾞﾝｸ' | "$YAKUGO" romanize --literal)"
check "--literal kunrei" "mattya" "$(echo 'まっちゃ' | "$YAKUGO" romanize --literal --system kunrei)"

# Files, several of them, and a missing one.
printf '東京\n' >"$TMPD/a.txt"; printf '大阪\n' >"$TMPD/b.txt"
check "two files in order" "Tōkyō
Ōsaka" "$("$YAKUGO" romanize "$TMPD/a.txt" "$TMPD/b.txt")"
check_status "missing file: exit 3" 3 "$YAKUGO" romanize "$TMPD/nonexistent"

# Bad input.
printf '東京\n\343\201ab\n大阪\n' >"$TMPD/bad.txt"
out=$("$YAKUGO" romanize "$TMPD/bad.txt" 2>"$TMPD/err"); st=$?
check "invalid UTF-8: exit 2" 2 "$st"
check "invalid UTF-8: message names file, line and byte" \
	"yakugo: $TMPD/bad.txt:2: invalid UTF-8 at byte 1" "$(cat "$TMPD/err")"
check "invalid UTF-8: the lines before are written" "Tōkyō" "$out"
out=$("$YAKUGO" romanize --replace "$TMPD/bad.txt"); st=$?
check "--replace: exit 0" 0 "$st"
check "--replace: U+FFFD and carry on" "Tōkyō
�ab
Ōsaka" "$out"
printf '東京\000大阪\n' | "$YAKUGO" romanize >"$TMPD/nul.out"; st=$?
check "NUL byte: exit 0" 0 "$st"
check "NUL byte: copied through" "Tōkyō
Ōsaka" "$(tr '\000' '\n' <"$TMPD/nul.out")"
out=$("$YAKUGO" romanize </dev/null); st=$?
check "empty input: exit 0" 0 "$st"
check "empty input: no output" "" "$out"
check "CRLF kept" "Tōkyō$(printf '\r')" "$(printf '東京\r\n' | "$YAKUGO" romanize)"
check "no final newline kept (14 bytes)" 14 "$(printf '東京\n大阪' | "$YAKUGO" romanize | wc -c | tr -d ' ')"
out=$(printf '鱻と鱻\n' | "$YAKUGO" romanize --warn-unknown 2>"$TMPD/err")
check "unknown kanji written as they are" "鱻 to 鱻" "$out"
check "--warn-unknown: once per word" "1" "$(grep -c "no reading for '鱻'" "$TMPD/err")"
check_match "--warn-unknown names the line" '^yakugo: warning: <stdin>:1: ' "$(cat "$TMPD/err")"
err=$("$YAKUGO" romanize --dicdir "$TMPD/nodic" </dev/null 2>&1); st=$?
check "missing dictionary: exit 2" 2 "$st"
check_match "missing dictionary: named" "no MeCab dictionary in $TMPD/nodic" "$err"

# Control characters never reach MeCab (a vertical tab before a glossary term made
# libmecab call exit(): every later line was lost); each is copied through as it is and
# separates words.
check "VT before a glossary term: copied, the term read" "Tōkyō$(printf '\v')Keizai Sangyōshō" \
	"$(printf '東京\v経済産業省\n' | "$YAKUGO" romanize)"
check "tab kept" "Tōkyō$(printf '\t')Ōsaka" "$(printf '東京\t大阪\n' | "$YAKUGO" romanize)"
check "C0, DEL and C1 kept" "$(printf 'Tōkyō\001Kyōto\177a\302\205b')" \
	"$(printf '東京\001京都\177a\302\205b\n' | "$YAKUGO" romanize)"
check "U+001F kept by --literal (romaji.h's morpheme mark)" "$(printf 'tō\037kyō')" \
	"$(printf 'とう\037きょう\n' | "$YAKUGO" romanize --literal)"
awk 'BEGIN { for (i = 0; i < 20000; i++) {
	k = i % 7
	if (k == 0) printf "東京\v経済産業省の%d\n", i
	else if (k == 1) printf "\001大阪\t経済産業省\n"
	else if (k == 2) printf "経済産業省\037%c日本\n", 127
	else if (k == 3) printf "\v\v経済産業省\f\n"
	else if (k == 4) printf "AI\b経済産業省 \033[1m太字\033[0m\n"
	else if (k == 5) printf "一\x02か月\n"
	else printf "東京へ行く。\n"
} }' >"$TMPD/ctl.in"
"$YAKUGO" romanize "$TMPD/ctl.in" >"$TMPD/ctl.out"; st=$?
check "20,000 lines with control characters: exit 0" 0 "$st"
check "20,000 lines with control characters: 20,000 lines out" 20000 "$(wc -l <"$TMPD/ctl.out" | tr -d ' ')"
check "20,000 lines with control characters: every VT kept" \
	"$(tr -cd '\v' <"$TMPD/ctl.in" | wc -c)" "$(tr -cd '\v' <"$TMPD/ctl.out" | wc -c)"
check "20,000 lines with control characters: every term read" 14286 \
	"$(grep -c 'Keizai Sangyōshō' "$TMPD/ctl.out")"
"$YAKUGO" romanize --jobs 2 --style slug "$TMPD/ctl.in" >"$TMPD/ctl.slug"; st=$?
check "20,000 lines with control characters, --style slug --jobs 2: 20,000 lines out" \
	"0 20000" "$st $(wc -l <"$TMPD/ctl.slug" | tr -d ' ')"

# --style slug: a hyphen owed by one piece of output is written before the next piece
# (it overflowed its buffer); a control character ends the slug before it.
printf 'a.\000b\n' | "$YAKUGO" romanize --style slug >"$TMPD/slug.out"; st=$?
check "slug, NUL after punctuation: exit 0" 0 "$st"
check "slug, NUL after punctuation: a NUL b" "a b" "$(tr '\000' ' ' <"$TMPD/slug.out")"
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "a. "; printf "\n" }' >"$TMPD/slug.in"
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "%sa", i ? "-" : ""; printf "\n" }' >"$TMPD/slug.want"
"$YAKUGO" romanize --style slug "$TMPD/slug.in" >"$TMPD/slug.out"; st=$?
check "slug, a 9 KB line of pieces ending in punctuation: exit 0" 0 "$st"
check "slug, a 9 KB line of pieces ending in punctuation: a-a-...-a" "" \
	"$(cmp "$TMPD/slug.want" "$TMPD/slug.out" 2>&1)"

# Long runs of Latin letters or digits are read in linear time (MeCab's grouping of
# unknown words costs the square of a run's length): 2 MB of letters and 1 MB of digits
# come back as they are.
awk 'BEGIN { s = "aaaaaaaaaaaaaaaa"; for (i = 0; i < 131072; i++) printf "%s", s; printf "\n" }' >"$TMPD/run.in"
"$YAKUGO" romanize "$TMPD/run.in" >"$TMPD/run.out"; st=$?
check "2 MB of one letter: exit 0" 0 "$st"
check "2 MB of one letter: as it is" "" "$(cmp "$TMPD/run.in" "$TMPD/run.out" 2>&1)"
tr a 7 <"$TMPD/run.in" | head -c 1048576 >"$TMPD/digits.in"; echo >>"$TMPD/digits.in"
"$YAKUGO" romanize "$TMPD/digits.in" >"$TMPD/digits.out"; st=$?
check "1 MB of digits: exit 0" 0 "$st"
check "1 MB of digits: as they are (1048577 bytes)" "1048577" "$(cmp "$TMPD/digits.in" "$TMPD/digits.out" 2>&1)$(wc -c <"$TMPD/digits.out" | tr -d ' ')"

# --jobs: the same output whatever the number of threads, in input order, with the
# headlines repeated into many batches, a line longer than a batch among them, and a
# bad line at the end (the lines before it are all written, its number is right).
# (lines ending in spaces among them: MeCab reads past the end of a text that ends in white
# space, so morph_parse gives it a NUL-terminated copy)
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	cat "$TMPD/cases.in"; printf '東京 \n大阪府  \n京都　\n'
done >"$TMPD/many.in"
cat "$TMPD/many.in" "$TMPD/many.in" | awk '{ printf "%s　", $0 } END { printf "\n" }' >"$TMPD/long.in"
cat "$TMPD/long.in" "$TMPD/long.in" "$TMPD/cases.in" >>"$TMPD/many.in"
"$YAKUGO" romanize --jobs 1 "$TMPD/many.in" >"$TMPD/many.1"; st1=$?
"$YAKUGO" romanize --jobs 3 "$TMPD/many.in" >"$TMPD/many.3"; st3=$?
check "--jobs 1 and --jobs 3: exit 0" "0 0" "$st1 $st3"
check "--jobs 3: as --jobs 1, byte for byte" "" "$(cmp "$TMPD/many.1" "$TMPD/many.3" 2>&1)"
check "--jobs 3: one line out per line in" "$(wc -l <"$TMPD/many.in")" "$(wc -l <"$TMPD/many.3")"
n=$(wc -l <"$TMPD/many.in")
printf '\343\201ab\n' >>"$TMPD/many.in"
"$YAKUGO" romanize --jobs 2 "$TMPD/many.in" >"$TMPD/many.2" 2>"$TMPD/err"; st=$?
check "--jobs 2, invalid UTF-8: exit 2" 2 "$st"
check "--jobs 2, invalid UTF-8: the line is named" \
	"yakugo: $TMPD/many.in:$((n + 1)): invalid UTF-8 at byte 1" "$(cat "$TMPD/err")"
check "--jobs 2, invalid UTF-8: every line before it is written" "" "$(cmp "$TMPD/many.1" "$TMPD/many.2" 2>&1)"
check_status "--jobs 0: exit 2" 2 "$YAKUGO" romanize --jobs 0 </dev/null
check_status "--jobs x: exit 2" 2 "$YAKUGO" romanize -j x </dev/null

# A 20 MB line: bounded memory (the line, its output and MeCab's lattice for one piece).
awk 'BEGIN { s = "東京へ行く。"; for (i = 0; i < 1200000; i++) printf "%s", s; printf "\n" }' >"$TMPD/big.txt"
# (not under AddressSanitizer, whose quarantine keeps freed memory on purpose)
if [ -x /usr/bin/time ] && ! grep -qa __asan_init "$YAKUGO"; then
	/usr/bin/time -f %M -o "$TMPD/rss" "$YAKUGO" romanize --no-glossary "$TMPD/big.txt" >"$TMPD/big.out"; st=$?
	rss=$(tail -n 1 "$TMPD/rss")
	check "20 MB line: exit 0" 0 "$st"
	check "20 MB line: whole output" 1200000 "$(grep -o 'kyō e iku\.' "$TMPD/big.out" | wc -l | tr -d ' ')"
	if [ "$rss" -lt 160000 ]; then tap_ok "20 MB line: peak RSS ${rss} KB < 160 MB"
	else tap_fail "20 MB line: peak RSS ${rss} KB < 160 MB"; fi
else
	"$YAKUGO" romanize --no-glossary "$TMPD/big.txt" >"$TMPD/big.out"; st=$?
	check "20 MB line: exit 0" 0 "$st"
fi
tap_done
