#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-kana.sh: `yakugo kana`: arguments, standard input, --katakana, --oh, --help,
# usage errors, words that are not romaji, invalid UTF-8, write errors.
. "$top_srcdir/tests/tap.sh"

out=$("$YAKUGO" kana tōkyō shimbun "kin'en"); st=$?
check "arguments: one line each" "とうきょう
しんぶん
きんえん" "$out"
check "arguments: exit 0" 0 "$st"
out=$("$YAKUGO" kana "Keizai Sangyōshō")
check "an argument with spaces stays one line" "けいざい さんぎょうしょう" "$out"
out=$(printf 'matcha\nKYÛSHÛ\n\nkonnnichiha\n' | "$YAKUGO" kana); st=$?
check "stdin: one line per line, empty lines kept" "まっちゃ
きゅうしゅう

こんにちは" "$out"
check "stdin: exit 0" 0 "$st"
out=$(printf 'nicchoku' | "$YAKUGO" kana)
check "stdin: last line without newline" "にっちょく" "$out"
out=$("$YAKUGO" kana --katakana bi-ru sūpā)
check "--katakana: long marks become ー" "ビール
スーパー" "$out"
out=$("$YAKUGO" kana -k chatto)
check "-k is --katakana" "チャット" "$out"
out=$("$YAKUGO" kana --oh Ohno Satoh)
check "--oh reads passport oh" "おおの
さとう" "$out"
out=$("$YAKUGO" kana ChatGPT kaigi); st=$?
check "a word that is not romaji is copied" "ChatGPT
かいぎ" "$out"
check "a word that is not romaji: exit 1" 1 "$st"
out=$(printf '' | "$YAKUGO" kana); st=$?
check "empty stdin: no output" "" "$out"
check "empty stdin: exit 0" 0 "$st"

out=$("$YAKUGO" kana --help); st=$?
check "--help exits 0" 0 "$st"
check_match "--help prints usage" '^Usage: yakugo kana' "$out"
check_match "--help names --katakana" '--katakana' "$out"
err=$("$YAKUGO" kana --frob 2>&1 >/dev/null); st=$?
check "bad option exits 2" 2 "$st"
check_match "bad option message" "^yakugo: .*--frob" "$err"
check_match "bad option points to kana --help" "Try 'yakugo kana --help'" "$err"

printf 'kana\nbad \377 line\ntoo\n' | "$YAKUGO" kana >"$TMPD/out" 2>"$TMPD/err"; st=$?
check "invalid UTF-8 on stdin exits 2" 2 "$st"
check_match "invalid UTF-8: the line is named" '^yakugo: <stdin>:2: invalid UTF-8' "$(cat "$TMPD/err")"
check "invalid UTF-8: the other lines are converted" "かな
とお" "$(sed -n '1p;3p' "$TMPD/out")"
check "invalid UTF-8: nothing is lost (the line is copied)" 3 "$(wc -l <"$TMPD/out" | tr -d ' ')"
"$YAKUGO" kana ka "$(printf 'x\377')" >/dev/null 2>"$TMPD/err"; st=$?
check "invalid UTF-8 argument exits 2" 2 "$st"
check_match "invalid UTF-8 argument is named" '^yakugo: argument 2: invalid UTF-8' "$(cat "$TMPD/err")"
if [ -w /dev/full ]; then
	"$YAKUGO" kana tōkyō >/dev/full 2>/dev/null; st=$?
	check "write error exits 3" 3 "$st"
fi
check "kana - reads standard input (it printed \"-\")" "しんぶん" "$(echo shinbun | "$YAKUGO" kana -)"
tap_done
