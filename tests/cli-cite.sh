#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-cite.sh: `yakugo cite`: the seed article's footnotes (the six romanized ones
# corrected as doc/citations.md lists, the 24 English ones byte-identical), our own
# cases of every error class and English citations that must not change, idempotence,
# --check, --report (TSV and JSON), --style, --threshold, --annotate, BibTeX, CSL-JSON
# and RIS, bad input in every format, splitting the input, --help and usage errors.
. "$top_srcdir/tests/tap.sh"
D="$top_srcdir/tests/data"

# ---- the seed footnotes ---------------------------------------------------------------
"$YAKUGO" cite "$D/seed-footnotes.txt" >"$TMPD/seed.out" 2>"$TMPD/seed.err"; st=$?
check "seed footnotes: exit 0" 0 "$st"
if cmp -s "$D/seed-footnotes.expected" "$TMPD/seed.out"; then tap_ok "seed footnotes: as the spec lists"
else tap_fail "seed footnotes: as the spec lists" "$(diff "$D/seed-footnotes.expected" "$TMPD/seed.out")"; fi
check "seed footnotes: 30 lines out" 30 "$(wc -l <"$TMPD/seed.out" | tr -d ' ')"
check "seed footnotes: exactly 5 lines change (11 16 21 24 30; 8 is already right)" \
	"11 16 21 24 30" "$(diff "$D/seed-footnotes.txt" "$TMPD/seed.out" | sed -n 's/^> \[\([0-9]*\)\].*/\1/p' | tr '\n' ' ' | sed 's/ $//')"
check "seed footnotes: no warnings" "" "$(cat "$TMPD/seed.err")"
"$YAKUGO" cite "$TMPD/seed.out" >"$TMPD/seed2.out"
if cmp -s "$TMPD/seed.out" "$TMPD/seed2.out"; then tap_ok "seed footnotes: a second run changes nothing"
else tap_fail "seed footnotes: a second run changes nothing" "$(diff "$TMPD/seed.out" "$TMPD/seed2.out")"; fi
out=$("$YAKUGO" cite <"$D/seed-footnotes.txt" | sed -n 16p)
check_match "standard input is read as text" 'Mainichi Shimbun, September 26' "$out"

# ---- our own cases: every error class, and English that must not change ----------------
grep -v '^#' "$D/cite-cases.tsv" | cut -f1 >"$TMPD/cases.in"
grep -v '^#' "$D/cite-cases.tsv" | cut -f2 >"$TMPD/cases.want"
"$YAKUGO" cite "$TMPD/cases.in" >"$TMPD/cases.out"
n=0
while IFS= read -r want && IFS= read -r got <&3; do
	n=$((n + 1))
	check "case $n" "$want" "$got"
done <"$TMPD/cases.want" 3<"$TMPD/cases.out"
check "cases: as many lines out as in" "$(wc -l <"$TMPD/cases.in")" "$(wc -l <"$TMPD/cases.out")"
"$YAKUGO" cite "$TMPD/cases.out" >"$TMPD/cases2.out"
if cmp -s "$TMPD/cases.out" "$TMPD/cases2.out"; then tap_ok "cases: a second run changes nothing"
else tap_fail "cases: a second run changes nothing" "$(diff "$TMPD/cases.out" "$TMPD/cases2.out")"; fi

# ---- --check ---------------------------------------------------------------------------
out=$("$YAKUGO" cite --check "$D/seed-footnotes.txt"); st=$?
check "--check: exit 1 when something would change" 1 "$st"
check "--check: prints nothing" "" "$out"
check_status "--check: exit 0 on normalised input" 0 "$YAKUGO" cite --check "$D/seed-footnotes.expected"

# ---- --report --------------------------------------------------------------------------
"$YAKUGO" cite --report "$TMPD/r.tsv" "$D/seed-footnotes.txt" >/dev/null
check "--report: TSV header" "file	line	before	after	reason	confidence	applied" "$(head -n 1 "$TMPD/r.tsv")"
check_match "--report: line, before, after, reason, confidence" \
	'	16	Mainchii shinbun	Mainichi Shimbun	lexicon	0\.[0-9][0-9]	yes$' "$(cat "$TMPD/r.tsv")"
check_match "--report: the title of footnote 11" \
	'	11	Seisan kēzai .*	Nishimura Keizai Sangyō Daijin no kakugigo kisha kaiken no gaiyō	' "$(cat "$TMPD/r.tsv")"
"$YAKUGO" cite --report "$TMPD/r.json" "$D/seed-footnotes.txt" >/dev/null
check_match "--report FILE.json: JSON objects" \
	'"line": 24, "before": "Asahi Shinbun", "after": "Asahi Shimbun", "reason": "lexicon", "confidence": 0\.[0-9]+, "applied": true' \
	"$(cat "$TMPD/r.json")"
check "--report FILE.json: an array" "[" "$(head -n 1 "$TMPD/r.json")"
"$YAKUGO" cite --check --report "$TMPD/rc.tsv" "$D/seed-footnotes.txt" >/dev/null
check_match "--check --report: changes reported, not applied" '	no$' "$(sed -n 2p "$TMPD/rc.tsv")"

# ---- options -----------------------------------------------------------------------------
out=$(printf '“Tōkyō no AI,” Mainchii shinbun, 2023.\n' | "$YAKUGO" cite --style alalc)
check "--style alalc: the library form of a newspaper" "“Tōkyō no AI,” Mainichi shinbun, 2023." "$out"
out=$(printf '“AI,” Mainichi Shimbun, 2023. “AI,” Nikkei Asia, 2023.\n' | "$YAKUGO" cite --style alalc)
check "--style alalc: a market romanization becomes strict, an English name stays" \
	"“AI,” Mainichi shinbun, 2023. “AI,” Nikkei Asia, 2023." "$out"
out=$(printf '“Tōkyō no AI,” Mainchii shinbun, 2023.\n' | "$YAKUGO" cite)
check "default style: the paper's English-market name" "“Tōkyō no AI,” Mainichi Shimbun, 2023." "$out"
out=$(printf 'Kēzai sangyōshō, “Jouhou,” 2023.\n' | "$YAKUGO" cite --threshold 1 --report "$TMPD/t.tsv")
check "--threshold 1: nothing applied" "Kēzai sangyōshō, “Jouhou,” 2023." "$out"
check_match "--threshold 1: still reported" 'Kēzai sangyōshō	Keizai Sangyōshō	lexicon	.*	no$' "$(cat "$TMPD/t.tsv")"
out=$(printf 'Kēzai sangyōshō, “Jouhou,” 2023.\n' | "$YAKUGO" cite --annotate both)
check "--annotate both: kanji and English after the span" \
	"Keizai Sangyōshō [経済産業省; Ministry of Economy, Trade and Industry], “Jōhō,” 2023." "$out"
out2=$(printf '%s\n' "$out" | "$YAKUGO" cite --annotate both)
check "--annotate: a second run adds nothing" "$out" "$out2"
out=$(printf 'Kēzai sangyōshō, 2023.\n' | "$YAKUGO" cite --annotate kanji)
check "--annotate kanji" "Keizai Sangyōshō [経済産業省], 2023." "$out"
out=$(printf '“Mainiti no tuzumi,” 2023.\n' | "$YAKUGO" cite --system kunrei)
check_match "--system kunrei writes Kunrei letters" 'Mainiti' "$out"

out=$(printf 'Soumushou, 2024.\r\n' | "$YAKUGO" cite | od -An -c | tr -d '\n' | tr -s ' ')
check_match "CRLF: the carriage return is kept" 'S .* 2 0 2 4 \. \\r \\n' "$out"
printf 'TY  - RPRT\r\nPB  - Soumushou\r\nER  - \r\n' >"$TMPD/crlf.ris"
out=$("$YAKUGO" cite "$TMPD/crlf.ris" | od -An -c | tr -d '\n' | tr -s ' ')
check_match "CRLF RIS: the carriage return is kept" 'P B - S .* \\r \\n E R' "$out"

# ---- formats ---------------------------------------------------------------------------------
for f in cite.bib cite.json cite.ris; do
	"$YAKUGO" cite "$D/$f" >"$TMPD/$f.out" 2>"$TMPD/$f.err"; st=$?
	check "$f: exit 0" 0 "$st"
	if cmp -s "$D/$f.expected" "$TMPD/$f.out"; then tap_ok "$f: as expected"
	else tap_fail "$f: as expected" "$(diff "$D/$f.expected" "$TMPD/$f.out")"; fi
	cp "$TMPD/$f.out" "$TMPD/again-$f"
	"$YAKUGO" cite "$TMPD/again-$f" >"$TMPD/$f.out2"
	if cmp -s "$TMPD/$f.out" "$TMPD/$f.out2"; then tap_ok "$f: a second run changes nothing"
	else tap_fail "$f: a second run changes nothing" "$(diff "$TMPD/$f.out" "$TMPD/$f.out2")"; fi
done
"$YAKUGO" cite --format bibtex <"$D/cite.bib" >"$TMPD/stdin.bib"
if cmp -s "$D/cite.bib.expected" "$TMPD/stdin.bib"; then tap_ok "--format bibtex on standard input"
else tap_fail "--format bibtex on standard input"; fi
cp "$D/cite.ris" "$TMPD/noext"
"$YAKUGO" cite "$TMPD/noext" >"$TMPD/noext.out"
if cmp -s "$D/cite.ris.expected" "$TMPD/noext.out"; then tap_ok "RIS detected from its content"
else tap_fail "RIS detected from its content"; fi
check_match "bibtex: other fields byte for byte" 'note = \{Kēzai stays here' "$(cat "$TMPD/cite.bib.out")"
check_match "ris: other tags untouched" '^N1  - Kēzai: notes' "$(cat "$TMPD/cite.ris.out")"

for f in cite.bib cite.json cite.ris; do
	"$YAKUGO" cite --annotate both "$D/$f" >"$TMPD/an1-$f"
	"$YAKUGO" cite --annotate both "$TMPD/an1-$f" >"$TMPD/an2-$f"
	if cmp -s "$TMPD/an1-$f" "$TMPD/an2-$f"; then tap_ok "$f --annotate: a second run adds nothing"
	else tap_fail "$f --annotate: a second run adds nothing" "$(diff "$TMPD/an1-$f" "$TMPD/an2-$f")"; fi
done
check_match "bibtex --annotate: a yakugo-note field" \
	'^  yakugo-note = \{Keizai Sangyōshō: 経済産業省; Ministry of Economy, Trade and Industry \|' \
	"$(cat "$TMPD/an1-cite.bib")"
check_match "csljson --annotate: the item's note" \
	'"note": ".*Asahi Shimbun: 朝日新聞"' "$(cat "$TMPD/an1-cite.json")"
check "ris --annotate: an N1 line after the tag" "JO  - Mainichi Shimbun
N1  - Mainichi Shimbun: 毎日新聞" "$(sed -n 4,5p "$TMPD/an1-cite.ris")"
printf '@misc{m,\n  title = {Kēzai sangyōshō},\n  author = {{Kēzai sangyōshō}},\n}\n' >"$TMPD/twice.bib"
check "bibtex --annotate: a term in two fields is noted once" \
	"  yakugo-note = {Keizai Sangyōshō: 経済産業省; Ministry of Economy, Trade and Industry}," \
	"$("$YAKUGO" cite --annotate both "$TMPD/twice.bib" | grep yakugo-note)"

# ---- splitting the input at record boundaries gives the same bytes ---------------------------------
head -n 15 "$D/seed-footnotes.txt" >"$TMPD/part1"
tail -n 15 "$D/seed-footnotes.txt" >"$TMPD/part2"
{ "$YAKUGO" cite "$TMPD/part1"; "$YAKUGO" cite "$TMPD/part2"; } >"$TMPD/parts.out"
if cmp -s "$TMPD/seed.out" "$TMPD/parts.out"; then tap_ok "split input: same bytes as one run"
else tap_fail "split input: same bytes as one run"; fi

# ---- bad input ------------------------------------------------------------------------------------------
printf '[1] Kēzai sangyōshō, 2023.\n[2] \377\376 Kēzai\n[3] “Jouhou no gaiyou, 2024.\n[4] Soumushou, 2024.\n' >"$TMPD/bad.txt"
"$YAKUGO" cite "$TMPD/bad.txt" >"$TMPD/bad.out" 2>"$TMPD/bad.err"; st=$?
check "text: bad lines: exit 2" 2 "$st"
check "text: every line out" 4 "$(wc -l <"$TMPD/bad.out" | tr -d ' ')"
check_match "text: invalid UTF-8 named FILE:LINE" 'bad\.txt:2: invalid UTF-8' "$(cat "$TMPD/bad.err")"
check_match "text: unbalanced quotes named FILE:LINE" 'bad\.txt:3: unbalanced quotes' "$(cat "$TMPD/bad.err")"
check "text: the bad lines pass unchanged" "$(sed -n 2,3p "$TMPD/bad.txt")" "$(sed -n 2,3p "$TMPD/bad.out")"
check "text: the rest is processed" "[4] Sōmushō, 2024." "$(sed -n 4p "$TMPD/bad.out")"
{ printf '[1] Soumushou, 2024.\n'; head -c 10485760 /dev/zero | tr '\0' a; printf '\n[3] Soumushou, 2024.\n'; } >"$TMPD/long.txt"
"$YAKUGO" cite "$TMPD/long.txt" >"$TMPD/long.out" 2>"$TMPD/long.err"; st=$?
check "a 10 MB line: exit 2" 2 "$st"
check_match "a 10 MB line: named" 'long\.txt:2: line too long' "$(cat "$TMPD/long.err")"
check "a 10 MB line: passed through" "$(wc -c <"$TMPD/long.txt")" "$(wc -c <"$TMPD/long.out")"
check "a 10 MB line: the next line processed" "[3] Sōmushō, 2024." "$(tail -n 1 "$TMPD/long.out")"

printf '@article{a,\n  title = {Soumushou},\n}\n\n@article{b,\n  title = {Soumushou no gaiyou,\n  year = 2020,\n}\n\n@article{c title = {x}}\n@article{d,\n  title = {Soumushou},\n}\n@article{e,\n  title = {Soumushou},\n' >"$TMPD/bad.bib"
"$YAKUGO" cite "$TMPD/bad.bib" >"$TMPD/badbib.out" 2>"$TMPD/badbib.err"; st=$?
check "bibtex: bad entries: exit 2" 2 "$st"
check_match "bibtex: an unbalanced entry named" 'bad\.bib:5: BibTeX entry not accepted' "$(cat "$TMPD/badbib.err")"
check_match "bibtex: a malformed entry named" 'bad\.bib:10: BibTeX entry not accepted' "$(cat "$TMPD/badbib.err")"
check_match "bibtex: a truncated entry named" 'bad\.bib:14: BibTeX entry cut off' "$(cat "$TMPD/badbib.err")"
check "bibtex: every byte of the bad entries kept" "$(sed -n 5,10p "$TMPD/bad.bib"; sed -n 14,15p "$TMPD/bad.bib")" \
	"$(sed -n 5,10p "$TMPD/badbib.out"; sed -n 14,15p "$TMPD/badbib.out")"
check "bibtex: good entries around them processed" "  title = {Sōmushō},
  title = {Sōmushō}," "$(sed -n 2p "$TMPD/badbib.out"; sed -n 12p "$TMPD/badbib.out")"

printf '[{"title": "Soumushou"}, {"title": ]\n' >"$TMPD/bad.json"
"$YAKUGO" cite "$TMPD/bad.json" >"$TMPD/badjson.out" 2>"$TMPD/badjson.err"; st=$?
check "csljson: malformed JSON: exit 2" 2 "$st"
check_match "csljson: named FILE:LINE" 'bad\.json:1: ' "$(cat "$TMPD/badjson.err")"
if cmp -s "$TMPD/bad.json" "$TMPD/badjson.out"; then tap_ok "csljson: passed through unchanged"
else tap_fail "csljson: passed through unchanged"; fi

printf 'TY  - JOUR\nTI  - \377 Soumushou\nJO  - Mainchii shinbun\nER  - \n' >"$TMPD/bad.ris"
"$YAKUGO" cite "$TMPD/bad.ris" >"$TMPD/badris.out" 2>"$TMPD/badris.err"; st=$?
check "ris: invalid UTF-8: exit 2" 2 "$st"
check_match "ris: named FILE:LINE" 'bad\.ris:2: invalid UTF-8' "$(cat "$TMPD/badris.err")"
check "ris: the rest processed" "JO  - Mainichi Shimbun" "$(sed -n 3p "$TMPD/badris.out")"

# ---- issue 10: change only what is evidently wrong ------------------------------------------------
# must-not-change: Zotero/JabRef-style bibliographies (35 BibTeX, CSL-JSON and RIS entries and 16
# plain citations) with names in many conventions (Ohno, Ōno, Itoh, Ooe, Ohmae, Kenichi,
# Shin'ichi, Jun'ichirō, Shinzo Abe), correct titles with macrons, loanwords (Noruwei no mori),
# Shinpōsha, Shōwa shi and English titles. CSL-JSON is compared after a round trip through
# --threshold 1 (nothing applied), which keeps the file's layout once csljson edits in place.
for f in cite-keep.bib cite-keep.ris cite-keep.txt cite-keep.json; do
	"$YAKUGO" cite --report "$TMPD/$f.tsv" "$D/$f" >"$TMPD/$f.out" 2>"$TMPD/$f.err"; st=$?
	check "$f: exit 0" 0 "$st"
	case $f in
	*.json) "$YAKUGO" cite --threshold 1 "$D/$f" >"$TMPD/$f.same" ;;
	*) cp "$D/$f" "$TMPD/$f.same" ;;
	esac
	if cmp -s "$TMPD/$f.same" "$TMPD/$f.out"; then tap_ok "$f: nothing changes"
	else tap_fail "$f: nothing changes" "$(diff "$TMPD/$f.same" "$TMPD/$f.out")"; fi
	check "$f: no change applied in the report" "" "$(tail -n +2 "$TMPD/$f.tsv" | grep '	yes$')"
	check_status "$f: --check exits 0" 0 "$YAKUGO" cite --check "$D/$f"
done
# must-change: evidently wrong romanizations, each format
for f in cite-fix.bib cite-fix.ris cite-fix.json; do
	"$YAKUGO" cite "$D/$f" >"$TMPD/$f.out" 2>"$TMPD/$f.err"; st=$?
	check "$f: exit 0" 0 "$st"
	case $f in
	*.json) "$YAKUGO" cite --threshold 1 "$D/$f.expected" >"$TMPD/$f.want" ;;
	*) cp "$D/$f.expected" "$TMPD/$f.want" ;;
	esac
	if cmp -s "$TMPD/$f.want" "$TMPD/$f.out"; then tap_ok "$f: as expected"
	else tap_fail "$f: as expected" "$(diff "$TMPD/$f.want" "$TMPD/$f.out")"; fi
	cp "$TMPD/$f.out" "$TMPD/second-$f"
	"$YAKUGO" cite "$TMPD/second-$f" >"$TMPD/$f.out2"
	if cmp -s "$TMPD/$f.out" "$TMPD/$f.out2"; then tap_ok "$f: a second run changes nothing"
	else tap_fail "$f: a second run changes nothing" "$(diff "$TMPD/$f.out" "$TMPD/$f.out2")"; fi
done
check_match "bibtex: a corporate author's braces stay and its words are repaired" \
	'author = \{\{Keizai Sangyōshō\}\}' "$(cat "$TMPD/cite-fix.bib.out")"
check_match "Kunrei to Hepburn keeps the lengths the source marked" \
	'Tōyō Keizai Shinpōsha' "$(cat "$TMPD/cite-fix.bib.out")"

# the measured bibliographies (README): exactly the changes judged by hand are applied
for f in cite-measure-books.bib cite-measure-books.txt cite-measure-politics.ris; do
	"$YAKUGO" cite --report "$TMPD/$f.tsv" "$D/$f" >/dev/null 2>&1
	got=$(tail -n +2 "$TMPD/$f.tsv" | awk -F'\t' '$7 == "yes" { print $2 "\t" $3 "\t" $4 }')
	check "$f: the applied changes are the judged ones" "$(grep -v '^#' "$D/$f.applied")" "$got"
done

# names: kept by default in every position, --names alalc with the lexicon's evidence only
out=$(printf '%s\n' 'Ohno, Taiichi, “Toyota seisan hōshiki,” 1978.' 'Taiichi Ohno and Itoh Motoshige, “Kēzai,” 2001.' \
	'Kenichi Ohmae, “Kigyō sanbō,” 1975.' | "$YAKUGO" cite)
check "names keep their spelling; the title is repaired" 'Ohno, Taiichi, “Toyota seisan hōshiki,” 1978.
Taiichi Ohno and Itoh Motoshige, “Keizai,” 2001.
Kenichi Ohmae, “Kigyō sanbō,” 1975.' "$out"
out2=$(printf '%s\n' "$out" | "$YAKUGO" cite)
check "names: a second run changes nothing (Kenichi stays Kenichi)" "$out" "$out2"
YAKUGO_USER_DB="$TMPD/names.db"; export YAKUGO_USER_DB
"$YAKUGO" add --ja 大野耐一 --kana 'おおの たいいち' --romaji 'Ōno Taiichi' --type person >/dev/null
"$YAKUGO" add --ja 伊藤元重 --kana 'いとう もとしげ' --romaji 'Itō Motoshige' --type person >/dev/null
out=$(printf '%s\n' 'Ohno, Taiichi, “Toyota seisan hōshiki,” 1978.' 'Taiichi Ohno and Itoh Motoshige, “Kēzai,” 2001.' \
	'Kenichi Ohmae, “Kigyō sanbō,” 1975.' | "$YAKUGO" cite --names alalc)
check "--names alalc: the lexicon's form, in the written order; an unknown name stays" 'Ōno, Taiichi, “Toyota seisan hōshiki,” 1978.
Taiichi Ōno and Itō Motoshige, “Keizai,” 2001.
Kenichi Ohmae, “Kigyō sanbō,” 1975.' "$out"
printf '@book{o,\n  author = {Ohno, Taiichi and {Keizai Sangyosho} and Itoh, Motoshige},\n  title = {Kēzai},\n}\n' >"$TMPD/names.bib"
check "--names alalc in BibTeX; a corporate author is repaired either way" "  author = {Ōno, Taiichi and {Keizai Sangyōshō} and Itō, Motoshige}," \
	"$("$YAKUGO" cite --names alalc "$TMPD/names.bib" | sed -n 2p)"
check "--names keep (the default) in BibTeX" "  author = {Ohno, Taiichi and {Keizai Sangyōshō} and Itoh, Motoshige}," \
	"$("$YAKUGO" cite --names keep "$TMPD/names.bib" | sed -n 2p)"
unset YAKUGO_USER_DB
check_status "--names: an unknown value is a usage error" 2 "$YAKUGO" cite --names hepburn
check_match "--help documents --names" '--names=N .*keep' "$("$YAKUGO" cite --help)"

# a valid spelling is not an error; a missing length mark is reported, never added
out=$(printf '%s\n' '“Noruwei no mori,” 1987.' '“Taiichi no hon,” 2000.' '“Nihon shi,” 2000.' \
	'“Tsusho hakusho,” 2023.' | "$YAKUGO" cite --threshold 0 --report "$TMPD/len.tsv")
check "loanword spelling, letters' lengths, 'shi' and unmarked lengths stay (even at --threshold 0)" \
	'“Noruwei no mori,” 1987.
“Taiichi no hon,” 2000.
“Nihon shi,” 2000.
“Tsusho hakusho,” 2023.' "$out"
out=$(printf '%s\n' 'Kitaoka Shinichi, “Jiminto: seikento no 38 nen,” Yomiuri Shimbunsha, 1995.' \
	'Fukuzawa Yukichi, “Gakumon no susume,” Keio Gijuku, 1872.' 'Nakane Chie, “Tate shakai,” Kodansha, 1967.' |
	"$YAKUGO" cite --report "$TMPD/div.tsv")
check "no particle is divided off a word in a field without marks, nor off a capitalised word" \
	'Kitaoka Shinichi, “Jiminto: seikento no 38 nen,” Yomiuri Shimbunsha, 1995.
Fukuzawa Yukichi, “Gakumon no susume,” Keio Gijuku, 1872.
Nakane Chie, “Tate shakai,” Kodansha, 1967.' "$out"
check "a written n is the writer's: Kodansha is never proposed as Kodasha" "" "$(grep 'Kodasha' "$TMPD/div.tsv")"
out=$(printf '%s\n' 'Ōtake Hideo, “Gendai Nihon no seiji kenryoku,” San'"'"'ichi Shobō, 1979.' \
	'Tachibanaki Toshiaki, “Kakusa shakai,” Iwanami Shinsho, 2006.' | "$YAKUGO" cite)
check "an apostrophe's word is not divided; a short title of real words is no fuzzy typo of a term" \
	'Ōtake Hideo, “Gendai Nihon no seiji kenryoku,” San'"'"'ichi Shobō, 1979.
Tachibanaki Toshiaki, “Kakusa shakai,” Iwanami Shinsho, 2006.' "$out"
printf '“Tsusho hakusho,” 2023.\n' >"$TMPD/unmarked.txt"
check_status "--check: a missing length mark alone changes nothing (exit 0)" 0 "$YAKUGO" cite --check "$TMPD/unmarked.txt"
check_match "a missing length mark: an applied=no row with the reading's spelling" \
	'	4	Tsusho	Tsūshō	length mark missing \(not added\)	0\.[0-9]+	no$' "$(cat "$TMPD/len.tsv")"

# ---- issue 13: one-word glossary terms and hostile lines never crash cite -------------------------
# Every one-word romaji of the seed glossary, capitalised (Senryaku, Naikakufu, Gyōsei...), as a
# whole line, as a title and as an author in every format: a term with no market name once
# dereferenced NULL. Each run must exit 0 and give back every record.
awk -F'\t' '!/^#/ && NR > 1 && $3 != "" && $3 !~ / / { print $3 }' "$top_srcdir/dict/glossary.tsv" |
	sed 's/^a/A/;s/^b/B/;s/^c/C/;s/^d/D/;s/^e/E/;s/^f/F/;s/^g/G/;s/^h/H/;s/^i/I/;s/^j/J/;s/^k/K/;s/^m/M/;s/^n/N/;s/^o/O/;s/^p/P/;s/^r/R/;s/^s/S/;s/^t/T/;s/^u/U/;s/^w/W/;s/^y/Y/;s/^z/Z/' \
	>"$TMPD/words"
printf 'Senryaku\nGyōsei\n' >>"$TMPD/words"
nw=$(wc -l <"$TMPD/words" | tr -d ' ')
awk '{ print; print "Nikkei, “" $0 ",” 2023." }' "$TMPD/words" >"$TMPD/words.txt"
awk '{ printf "@misc{k%d,\n  author = {%s},\n  title = {%s},\n}\n\n", NR, $0, $0 }' "$TMPD/words" >"$TMPD/words.bib"
awk 'BEGIN { print "[" } { printf "%s{\"id\": \"k%d\", \"type\": \"book\", \"author\": [{\"literal\": \"%s\"}, {\"family\": \"%s\", \"given\": \"%s\"}], \"title\": \"%s\"}\n", (NR > 1 ? "," : ""), NR, $0, $0, $0, $0 } END { print "]" }' \
	"$TMPD/words" >"$TMPD/words.json"
awk '{ printf "TY  - BOOK\nAU  - %s\nTI  - %s\nPB  - %s\nER  - \n\n", $0, $0, $0 }' "$TMPD/words" >"$TMPD/words.ris"
for f in txt bib json ris; do
	"$YAKUGO" cite "$TMPD/words.$f" >"$TMPD/words.$f.out" 2>"$TMPD/words.$f.err"; st=$?
	check "$nw one-word terms, $f: exit 0 (no crash)" 0 "$st"
	check "$nw one-word terms, $f: every record out" "$(grep -o 'k[0-9][0-9]*\|^TY\|^[^@ ].*[a-z]' "$TMPD/words.$f" | wc -l)" \
		"$(grep -o 'k[0-9][0-9]*\|^TY\|^[^@ ].*[a-z]' "$TMPD/words.$f.out" | wc -l)"
done
check "Senryaku alone stays" "Senryaku" "$(echo Senryaku | "$YAKUGO" cite)"
check "a term's own romaji wins over another term's market name (JR Kyūshū is JR九州)" \
	'“AI,” JR Kyūshū, 2023.' "$(echo '“AI,” JR Kyūshū, 2023.' | "$YAKUGO" cite)"
check "a one-word title after a newspaper stays" 'Nikkei, “Gyōsei,” 2023.' \
	"$(echo 'Nikkei, “Gyōsei,” 2023.' | "$YAKUGO" cite)"
# hostile lines: lone punctuation, long runs, a NUL-free stream of random valid UTF-8
{ printf '%s\n' '“' '”' '"' ',' '“”' '[1]' '-' "'" "n'" 'Kēzai-' '-Kēzai' 'a-b-c-d-e-f' '10' '10gatsu-' \
	'“Senryaku' 'Senryaku”' '(Senryaku)' 'ā' 'Ō-' 'JR' 'JRA' 'JRKyūshū-'
  head -c 3000 /dev/zero | tr '\0' 'a'; echo
  head -c 3000 /dev/zero | tr '\0' 'n'; echo
  i=0; while [ $i -lt 400 ]; do printf 'Ōkubo Kēzai '; i=$((i + 1)); done; echo
  head -c 60000 "$top_srcdir/dict/glossary.tsv" | tr '\t' ' ' | tr -d '\r'; } >"$TMPD/hostile.txt"
"$YAKUGO" cite "$TMPD/hostile.txt" >"$TMPD/hostile.out" 2>"$TMPD/hostile.err"; st=$?
case $st in 0|2) tap_ok "hostile lines: exit 0 or 2 (no crash)" ;; *) tap_fail "hostile lines: exit 0 or 2 (no crash)" "exit $st" ;; esac
check "hostile lines: every line out" "$(wc -l <"$TMPD/hostile.txt" | tr -d ' ')" "$(wc -l <"$TMPD/hostile.out" | tr -d ' ')"
# lines from a random-word run whose first result was rewritten again by a second run
# (Āô -> Aō -> Aoo, êgatsurî -> ēgatsurii -> eigatsurī): a change whose result would change
# again is reported, not applied
printf '%s\n' 'Āô Ā)Taiichimjeshinbunz)Ckpmainchiirûn:,Bôkîshikēzaiohno]Sinpôsyay, Rtōkyōf' \
	'êgatsurî(' 'Ôsinpôsyak&Tōkyōkenichi)[&Tōkyōō.Gatsu'"'"'Kēzaigatsuuū(;Cr’Thtoūr'"'"'Ūōmainchii{,Āitatōkyōs)Kēzai&Wô' \
	>>"$TMPD/hostile.txt"
"$YAKUGO" cite "$TMPD/hostile.txt" >"$TMPD/hostile.out" 2>/dev/null
"$YAKUGO" cite "$TMPD/hostile.out" >"$TMPD/hostile.out2" 2>/dev/null
if cmp -s "$TMPD/hostile.out" "$TMPD/hostile.out2"; then tap_ok "hostile lines: a second run changes nothing"
else tap_fail "hostile lines: a second run changes nothing" "$(diff "$TMPD/hostile.out" "$TMPD/hostile.out2")"; fi

# ---- --help and usage --------------------------------------------------------------------------------
out=$("$YAKUGO" cite --help); st=$?
check "--help exits 0" 0 "$st"
check_match "--help prints usage" '^Usage: yakugo cite' "$out"
check_match "--help documents the threshold" 'default 0\.6' "$out"
check_status "unknown option: exit 2" 2 "$YAKUGO" cite --bogus
check_status "unknown format: exit 2" 2 "$YAKUGO" cite --format xml
check_status "bad threshold: exit 2" 2 "$YAKUGO" cite --threshold 2
check_status "missing file: exit 3" 3 "$YAKUGO" cite "$TMPD/no-such-file"
tap_done
