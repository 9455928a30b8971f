#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-cite-formats.sh: `yakugo cite`'s format layer: btparse contained (inputs that
# crash it or make it call exit() cost one entry, never the run), BibTeX braces kept as
# structure (checked with Text::BibTeX, btparse's reader, out of process), CSL-JSON
# edited in place, the format detected from content on files and standard input, the
# report in every locale, a corrupt reading index, idempotence and bad input per format.
. "$top_srcdir/tests/tap.sh"
D="$top_srcdir/tests/data"

# ---- btparse never ends the run --------------------------------------------------------------
{
	for k in 1 2 3; do printf '@article{a%d,\n  title = {Soumushou},\n}\n' "$k"; done
	printf '@m{{%%s%%s%%s%%s%%s%%s%%s%%s%%s%%s}}\n'   # line 10: a format string (SIGSEGV in btparse)
	printf '@m{{%%n%%n%%n}}\n'                        # line 11: %n (SIGABRT in btparse)
	printf '@t""{}\n'                                 # line 12: btparse calls exit(1)
	printf '@c""{}\n'                                 # line 13
	printf '@article{z,\n  title = {Soumushou},\n}\n' # line 14
} >"$TMPD/crash.bib"
"$YAKUGO" cite "$TMPD/crash.bib" >"$TMPD/crash.out" 2>"$TMPD/crash.err"; st=$?
check "btparse crashes: exit 2" 2 "$st"
for l in 10 11 12 13; do
	check_match "btparse crashes: line $l named" "crash\\.bib:$l: BibTeX entry not accepted by btparse \\(passed through unchanged\\)" "$(cat "$TMPD/crash.err")"
done
check "btparse crashes: the bad entries pass through byte for byte" "$(sed -n 10,13p "$TMPD/crash.bib")" "$(sed -n 10,13p "$TMPD/crash.out")"
check "btparse crashes: the entries before and after are processed" "4" "$(grep -c 'title = {Sōmushō}' "$TMPD/crash.out")"
check "btparse crashes: every line out" "$(wc -l <"$TMPD/crash.bib")" "$(wc -l <"$TMPD/crash.out")"
"$YAKUGO" cite --format bibtex <"$TMPD/crash.bib" >"$TMPD/crash-stdin.out" 2>/dev/null
check "btparse crashes on standard input: the same output (the input is not read twice)" \
	"$(cat "$TMPD/crash.out")" "$(cat "$TMPD/crash-stdin.out")"

head -c 1048576 /dev/urandom >"$TMPD/random.bib"
"$YAKUGO" cite "$TMPD/random.bib" >"$TMPD/random.out" 2>"$TMPD/random.err"; st=$?
check_match "1 MB of random bytes: exit 0 or 2" '^[02]$' "$st"
if cmp -s "$TMPD/random.bib" "$TMPD/random.out"; then tap_ok "1 MB of random bytes: every byte comes out"
else tap_fail "1 MB of random bytes: every byte comes out" "$(cmp "$TMPD/random.bib" "$TMPD/random.out" 2>&1)"; fi
check "1 MB of random bytes: every message names FILE:LINE" "" \
	"$(grep -v '^yakugo: .*random\.bib:[0-9]*: .* (passed through unchanged)$' "$TMPD/random.err")"
{
	i=0
	while [ $i -lt 200 ]; do printf '@t""{}\n@m{{%%n}}\n@article{k%d, title = {Soumushou}}\n' $i; i=$((i + 1)); done
} >"$TMPD/many.bib"
"$YAKUGO" cite "$TMPD/many.bib" >"$TMPD/many.out" 2>/dev/null
check "400 entries that kill btparse among 200 good ones: all good ones processed" 200 "$(grep -c 'Sōmushō' "$TMPD/many.out")"

# ---- the report in every locale, numbers, directories, write errors ------------------------------
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	printf 'Kēzai sangyōshō, “Jouhou,” 2023.\n' | LC_ALL=de_DE.UTF-8 "$YAKUGO" cite --threshold 0.9 --report "$TMPD/de.json" >/dev/null; st=$?
	check "de_DE: --threshold 0.9 accepted" 0 "$st"
	check_match "de_DE: --report FILE.json writes a decimal point" '"confidence": 0\.[0-9]+,' "$(cat "$TMPD/de.json")"
	if jq . "$TMPD/de.json" >/dev/null 2>&1; then tap_ok "de_DE: --report FILE.json is valid JSON"
	else tap_fail "de_DE: --report FILE.json is valid JSON" "$(cat "$TMPD/de.json")"; fi
	printf 'Kēzai sangyōshō, 2023.\n' | LC_ALL=de_DE.UTF-8 "$YAKUGO" cite --report "$TMPD/de.tsv" >/dev/null
	check_match "de_DE: --report TSV writes a decimal point" '	[01]\.[0-9][0-9]	yes$' "$(cat "$TMPD/de.tsv")"
else
	tap_ok "# SKIP no de_DE.UTF-8 locale (quickstart.sh generates it)"
fi
for t in nan '' inf -0.1 1.5 0,5 1e0 ' 0.5'; do
	check_status "--threshold '$t' refused" 2 "$YAKUGO" cite --threshold "$t" /dev/null
done
for t in 0 1 0.95 .5 1.0; do
	check_status "--threshold '$t' accepted" 0 "$YAKUGO" cite --threshold "$t" /dev/null
done
mkdir -p "$TMPD/adir"
out=$("$YAKUGO" cite "$TMPD/adir" 2>&1); st=$?
check "a directory: exit 3" 3 "$st"
check_match "a directory: 'Is a directory'" 'adir: Is a directory$' "$out"
i=0; while [ $i -lt 20000 ]; do echo "[$i] Soumushou, 2024."; i=$((i + 1)); done >"$TMPD/big.txt"
( trap '' PIPE; "$YAKUGO" cite --report "$TMPD/epipe.tsv" "$TMPD/big.txt" 2>"$TMPD/epipe.err"; echo $? >"$TMPD/epipe.rc" ) | head -n 1 >/dev/null
check "SIGPIPE ignored, output closed: exit 3" 3 "$(cat "$TMPD/epipe.rc")"
check_match "SIGPIPE ignored: write error named" 'write error' "$(cat "$TMPD/epipe.err")"
n=$(wc -l <"$TMPD/epipe.tsv")
if [ "$n" -lt 10000 ]; then tap_ok "SIGPIPE ignored: stops at the first write error ($n of 20000 lines reported)"
else tap_fail "SIGPIPE ignored: stops at the first write error" "$n lines reported"; fi

# ---- a corrupt reading index: named, exit 2, no crash ------------------------------------------
IDX="$top_builddir/dict/readings.idx"
size=$(wc -c <"$IDX")
head -c $((size / 2)) "$IDX" >"$TMPD/trunc.idx"
head -c 1000 "$IDX" >"$TMPD/short.idx"
cp "$IDX" "$TMPD/over.idx"
printf '\377\377\377\177' | dd of="$TMPD/over.idx" bs=1 seek=100 conv=notrunc 2>/dev/null
cp "$IDX" "$TMPD/zero.idx"
dd if=/dev/zero of="$TMPD/zero.idx" bs=1 seek=$((size / 3)) count=65536 conv=notrunc 2>/dev/null
for k in trunc short over zero; do
	out=$(echo 'Soumushou no Shisou' | YAKUGO_READINGS="$TMPD/$k.idx" "$YAKUGO" cite 2>&1); st=$?
	check "corrupt reading index ($k): exit 2" 2 "$st"
	check_match "corrupt reading index ($k): named" "^yakugo: .*$k\\.idx: corrupt reading index \\(" "$out"
done
check_status "the sound reading index still opens" 0 env YAKUGO_READINGS="$IDX" "$YAKUGO" cite /dev/null

# ---- CSL-JSON edited in place --------------------------------------------------------------------
L="$D/cite-layout.json"
"$YAKUGO" cite "$L" >"$TMPD/layout.out" 2>"$TMPD/layout.err"; st=$?
check "csljson layout: exit 0" 0 "$st"
check "csljson layout: as many lines out as in" "$(wc -l <"$L")" "$(wc -l <"$TMPD/layout.out")"
check "csljson layout: tabs, spacing and one-line items kept (lines without a fixed value are identical)" \
	"$(sed -n '1p;5p;7p;9p;10p' "$L")" "$(sed -n '1p;5p;7p;9p;10p' "$TMPD/layout.out")"
check "csljson layout: a value replaced in place, the fields around it as they were" \
	'	{"id": "a", "type": "report", "title": "Jōhō tsūshin hakusho no gaiyō", "publisher": "Sōmushō",' \
	"$(sed -n 2p "$TMPD/layout.out")"
check "csljson layout: escapes elsewhere kept, a value with escaped quotes re-encoded" \
	'	{"type":"article-newspaper","id":"b","container-title":"Mainichi Shimbun","title":"AI \"ekiin\" o 10-gatsu kara","note":"keep\\tthis \\u00e9"},' \
	"$(sed -n 4p "$TMPD/layout.out")"
check "csljson layout: a \\u escape decoded for the normaliser (gaiyō is right: unchanged)" \
	"$(sed -n 5p "$L")" "$(sed -n 5p "$TMPD/layout.out")"
check "csljson layout: the output is JSON with the same keys in the same order" \
	"$(jq -c '[.[] | keys_unsorted]' "$L")" "$(jq -c '[.[] | keys_unsorted]' "$TMPD/layout.out")"
check "csljson layout: a non-title field untouched" "Soumushou stays: not a title field" "$(jq -r '.[4].abstract' "$TMPD/layout.out")"
"$YAKUGO" cite "$TMPD/layout.out" >"$TMPD/layout2.out"
if cmp -s "$TMPD/layout.out" "$TMPD/layout2.out"; then tap_ok "csljson layout: a second run changes nothing"
else tap_fail "csljson layout: a second run changes nothing" "$(diff "$TMPD/layout.out" "$TMPD/layout2.out")"; fi
"$YAKUGO" cite --annotate both "$L" >"$TMPD/layout-an.out"
printf '[\n  {\n    "id": "x",\n    "publisher": "Soumushou"\n  }\n]\n' >"$TMPD/indent.json"
check "csljson --annotate: a new note after the last member, indented like it" '[
  {
    "id": "x",
    "publisher": "Sōmushō",
    "note": "Sōmushō: 総務省; Ministry of Internal Affairs and Communications"
  }
]' "$("$YAKUGO" cite --annotate both "$TMPD/indent.json")"
check_match "csljson --annotate: a one-line item gets its note on the same line, each annotation once" \
	'"issued": \{"date-parts": \[\[2023\]\]\}, "note": "Sōmushō: 総務省; Ministry of Internal Affairs and Communications"\},$' \
	"$(sed -n 3p "$TMPD/layout-an.out")"
check_match "csljson --annotate: an existing note extended" '"note":"keep\\\\tthis \\\\u00e9\\nMainichi Shimbun: ' "$(sed -n 4p "$TMPD/layout-an.out")"
if jq . "$TMPD/layout-an.out" >/dev/null 2>&1; then tap_ok "csljson --annotate: valid JSON"
else tap_fail "csljson --annotate: valid JSON"; fi
"$YAKUGO" cite --annotate both "$TMPD/layout-an.out" >"$TMPD/layout-an2.out"
if cmp -s "$TMPD/layout-an.out" "$TMPD/layout-an2.out"; then tap_ok "csljson --annotate: a second run adds nothing"
else tap_fail "csljson --annotate: a second run adds nothing" "$(diff "$TMPD/layout-an.out" "$TMPD/layout-an2.out")"; fi
printf '[{"title": "Soumushou"}, {"title": "\\u0000 Soumushou"}]\r\n' >"$TMPD/nul.json"
check "csljson: a \\u0000 value left alone, the rest fixed, CRLF kept" \
	"$(printf '[{"title": "Sōmushō"}, {"title": "\\u0000 Soumushou"}]\r')" "$("$YAKUGO" cite "$TMPD/nul.json")"

# ---- the format from content, on files and standard input ---------------------------------------
for f in cite.bib cite.json cite.ris; do
	"$YAKUGO" cite <"$D/$f" >"$TMPD/detect-$f" 2>"$TMPD/detect-$f.err"
	if cmp -s "$D/$f.expected" "$TMPD/detect-$f"; then tap_ok "$f on standard input: detected from content"
	else tap_fail "$f on standard input: detected from content" "$(diff "$D/$f.expected" "$TMPD/detect-$f")"; fi
	cp "$D/$f" "$TMPD/refs-$f.txt"
	"$YAKUGO" cite "$TMPD/refs-$f.txt" >"$TMPD/detect-txt-$f" 2>/dev/null
	if cmp -s "$D/$f.expected" "$TMPD/detect-txt-$f"; then tap_ok "$f as a .txt file: detected from content"
	else tap_fail "$f as a .txt file: detected from content" "$(diff "$D/$f.expected" "$TMPD/detect-txt-$f")"; fi
done
printf '%% a comment\n%% another\n\n@book{k,\n  title = {Soumushou},\n  keywords = {Soumushou},\n}\n' >"$TMPD/comments.txt"
check "bibtex after %% comments, in a .txt: a keywords value stays" "  keywords = {Soumushou}," \
	"$(cat "$TMPD/comments.txt" | "$YAKUGO" cite | sed -n 6p)"
check "plain text starting with [1] stays text" "[1] Sōmushō, 2024." "$(printf '[1] Soumushou, 2024.\n' | "$YAKUGO" cite)"
out=$(printf '{x} Soumushou, 2024.\n' | "$YAKUGO" cite 2>&1); st=$?
check "plain text starting with {braces} stays text (no JSON error)" "0 {x} Soumushou, 2024." "$st $out"
check "plain text with an @handle stays text" "@meti Sōmushō, 2024." "$(printf '@meti Soumushou, 2024.\n' | "$YAKUGO" cite)"
check "--format text overrides the content (as BibTeX the title would change)" "@book{k, title = {Soumushou}}" \
	"$(printf '@book{k, title = {Soumushou}}\n' | "$YAKUGO" cite --format text)"
check "a .json file that is not JSON is reported as CSL-JSON" 2 \
	"$(printf '[{"title": ]\n' >"$TMPD/broken.json"; "$YAKUGO" cite "$TMPD/broken.json" >/dev/null 2>&1; echo $?)"
printf '\n\n  TY  - JOUR\nTI  - Soumushou\nER  - \n' >"$TMPD/ris-lead"
check "RIS after blank lines, no extension" "TI  - Sōmushō" "$("$YAKUGO" cite <"$TMPD/ris-lead" | sed -n 4p)"

# ---- BibTeX braces are structure -----------------------------------------------------------------
B="$D/cite-braces.bib"
"$YAKUGO" cite "$B" >"$TMPD/braces.out" 2>"$TMPD/braces.err"; st=$?
check "braces: exit 0" 0 "$st"
check "braces: a corporate author keeps its inner braces" "  author = {{Keizai Sangyōshō}}," "$(sed -n 6p "$TMPD/braces.out")"
check "braces: protected groups stay, words inside them fixed" "  title = {{AI} to {Keizai Sangyōshō} no seisaku}," "$(sed -n 7p "$TMPD/braces.out")"
check "braces: two corporate names in a list" "	author    = {{Sōmushō} and {Naikaku Kanbō}}," "$(sed -n 14p "$TMPD/braces.out")"
check "braces: a protected word's capital kept" "	title     = {{Jōhō} tsūshin hakusho}," "$(sed -n 15p "$TMPD/braces.out")"
check "braces: a word split next to a brace" "  title = {{Yokosuka}-shi no {ChatGPT}}," "$(sed -n 44p "$TMPD/braces.out")"
check "braces: only the lines with repaired words differ" "6-7 14-16 22-23 44" \
	"$(diff "$B" "$TMPD/braces.out" | sed -n 's/^\([0-9]*\)c.*/\1/p; s/^\([0-9]*\),\([0-9]*\)c.*/\1-\2/p' | tr '\n' ' ' | sed 's/ $//')"
"$YAKUGO" cite "$TMPD/braces.out" >"$TMPD/braces2.out"
if cmp -s "$TMPD/braces.out" "$TMPD/braces2.out"; then tap_ok "braces: a second run changes nothing"
else tap_fail "braces: a second run changes nothing" "$(diff "$TMPD/braces.out" "$TMPD/braces2.out")"; fi
if perl -MText::BibTeX -e 1 2>/dev/null; then
	perl "$top_srcdir/tests/bibparse.pl" "$B" >"$TMPD/braces-in.dump" 2>/dev/null
	perl "$top_srcdir/tests/bibparse.pl" "$TMPD/braces.out" >"$TMPD/braces-out.dump" 2>/dev/null
	check "Text::BibTeX: the same entries and fields" "$(wc -l <"$TMPD/braces-in.dump")" "$(wc -l <"$TMPD/braces-out.dump")"
	check "Text::BibTeX: every value's braces and every name's parts read as before" \
		"$(cut -f1-4 "$TMPD/braces-in.dump")" "$(cut -f1-4 "$TMPD/braces-out.dump")"
	check "Text::BibTeX: values differ only in fields cite rewrites" "" \
		"$(paste "$TMPD/braces-in.dump" "$TMPD/braces-out.dump" | awk -F'\t' '$5 != $10 && $2 !~ /^(author|editor|title|booktitle|journal|publisher|institution|organization|series)$/')"
	check "Text::BibTeX: the corporate author is one last name, not a person" "0,0,1,0" \
		"$(awk -F'\t' '$1 == "meti2023" && $2 == "author" { print $4 }' "$TMPD/braces-out.dump")"
	perl "$top_srcdir/tests/bibparse.pl" "$D/cite.bib" >"$TMPD/citebib-in.dump" 2>/dev/null
	perl "$top_srcdir/tests/bibparse.pl" "$D/cite.bib.expected" >"$TMPD/citebib-out.dump" 2>/dev/null
	check "Text::BibTeX: cite.bib's structure as before" \
		"$(cut -f1-4 "$TMPD/citebib-in.dump")" "$(cut -f1-4 "$TMPD/citebib-out.dump")"
else
	tap_ok "# SKIP Text::BibTeX (Debian libtext-bibtex-perl, installed by quickstart.sh) is missing"
fi

# ---- bad input, per format: named FILE:LINE, passed through, the rest processed, exit 2 ----------
# bad_case NAME FILE PATTERN GOODLINE WANT: runs cite on FILE; checks exit 2, the message,
# that line GOODLINE of the output is WANT, and that the bad record's bytes all come out.
bad_case() {
	"$YAKUGO" cite "$2" >"$TMPD/bad-case.out" 2>"$TMPD/bad-case.err"; st=$?
	check "$1: exit 2" 2 "$st"
	check_match "$1: named FILE:LINE" "$3" "$(cat "$TMPD/bad-case.err")"
	check "$1: the rest processed" "$5" "$(sed -n "$4p" "$TMPD/bad-case.out")"
}
printf '@book{a,\n  title = {Soumushou \377},\n}\n@book{b,\n  title = {Soumushou},\n}\n' >"$TMPD/utf8.bib"
bad_case "bibtex: invalid UTF-8" "$TMPD/utf8.bib" 'utf8\.bib:1: invalid UTF-8 \(passed through unchanged\)' 5 "  title = {Sōmushō},"
check "bibtex: invalid UTF-8: the entry's bytes kept" "$(sed -n 1,3p "$TMPD/utf8.bib")" "$(sed -n 1,3p "$TMPD/bad-case.out")"
printf '@book{a,\n  title = {Soumushou \000},\n}\n@book{b,\n  title = {Soumushou},\n}\n' >"$TMPD/nul.bib"
bad_case "bibtex: a NUL byte" "$TMPD/nul.bib" 'nul\.bib:1: NUL byte in the BibTeX entry' 5 "  title = {Sōmushō},"
check "bibtex: a NUL byte: every byte out" "$(wc -c <"$TMPD/nul.bib")" "$(wc -c <"$TMPD/bad-case.out")"
{ printf '@book{a,\n  title = {'; head -c 2000000 /dev/zero | tr '\0' a; printf '},\n}\n@book{b,\n  title = {Soumushou},\n}\n'; } >"$TMPD/huge.bib"
bad_case "bibtex: a 2 MB field" "$TMPD/huge.bib" 'huge\.bib:1: BibTeX entry longer than 1 MiB' 5 "  title = {Sōmushō},"
check "bibtex: a 2 MB field: every byte out" "$(wc -c <"$TMPD/huge.bib")" "$(wc -c <"$TMPD/bad-case.out")"
printf '@book{a,\n  title = "Soumushou,\n}\n@book{b,\n  title = {Soumushou},\n}\n' >"$TMPD/string.bib"
bad_case "bibtex: an unterminated string" "$TMPD/string.bib" 'string\.bib:1: BibTeX entry not accepted by btparse' 5 "  title = {Sōmushō},"
printf '@book{b,\n  title = {Soumushou},\n}\n@book{a,\n  title = {Soumushou},\n' >"$TMPD/open.bib"
bad_case "bibtex: an unterminated entry" "$TMPD/open.bib" 'open\.bib:4: BibTeX entry cut off at the end of the input' 2 "  title = {Sōmushō},"
check "bibtex: an unterminated entry: its bytes kept" "$(sed -n 4,5p "$TMPD/open.bib")" "$(sed -n 4,5p "$TMPD/bad-case.out")"

printf '[\n {"title": "Soumushou"},\n {"title": "\377"}\n]\n' >"$TMPD/utf8.json"
for k in utf8; do
	"$YAKUGO" cite "$TMPD/$k.json" >"$TMPD/bj.out" 2>"$TMPD/bj.err"; st=$?
	check "csljson: invalid UTF-8: exit 2" 2 "$st"
	check_match "csljson: invalid UTF-8: named FILE:LINE" 'utf8\.json:3: .*\(passed through unchanged\)' "$(cat "$TMPD/bj.err")"
	if cmp -s "$TMPD/$k.json" "$TMPD/bj.out"; then tap_ok "csljson: invalid UTF-8: the document passed through"
	else tap_fail "csljson: invalid UTF-8: the document passed through"; fi
done
printf '[\n {"title": "Soumushou"},\n {"title": "a\000b"}\n]\n' >"$TMPD/nul2.json"
"$YAKUGO" cite "$TMPD/nul2.json" >"$TMPD/bj.out" 2>"$TMPD/bj.err"; st=$?
check "csljson: a NUL byte: exit 2, named, passed through" "2 1" \
	"$st $(grep -c 'nul2\.json:3: ' "$TMPD/bj.err")$(cmp -s "$TMPD/nul2.json" "$TMPD/bj.out" || echo ' differs')"
printf '[\n {"title": "Soumushou"},\n {"title": "abc\n]\n' >"$TMPD/open.json"
"$YAKUGO" cite "$TMPD/open.json" >"$TMPD/bj.out" 2>"$TMPD/bj.err"; st=$?
check "csljson: an unterminated string: exit 2, named, passed through" "2 1" \
	"$st $(grep -c 'open\.json:3: ' "$TMPD/bj.err")$(cmp -s "$TMPD/open.json" "$TMPD/bj.out" || echo ' differs')"
{ printf '[{"title": "'; head -c 2000000 /dev/zero | tr '\0' a; printf '"},\n {"title": "Soumushou"}]\n'; } >"$TMPD/huge.json"
bad_case "csljson: a 2 MB value" "$TMPD/huge.json" 'huge\.json:1: value longer than 1 MiB \(passed through unchanged\)' 2 ' {"title": "Sōmushō"}]'
check "csljson: a 2 MB value: every byte out" "$(wc -c <"$TMPD/huge.json")" "$(wc -c <"$TMPD/bad-case.out")"

printf 'TY  - JOUR\nTI  - \000 Soumushou\nPB  - Soumushou\nER  - \n' >"$TMPD/nul.ris"
bad_case "ris: a NUL byte" "$TMPD/nul.ris" 'nul\.ris:2: NUL byte in the line \(passed through unchanged\)' 3 "PB  - Sōmushō"
{ printf 'TY  - JOUR\nTI  - '; head -c 2000000 /dev/zero | tr '\0' a; printf '\nPB  - Soumushou\nER  - \n'; } >"$TMPD/huge.ris"
bad_case "ris: a 2 MB line" "$TMPD/huge.ris" 'huge\.ris:2: line too long' 3 "PB  - Sōmushō"
check "ris: a 2 MB line: every byte out" "$(wc -c <"$TMPD/huge.ris")" "$(wc -c <"$TMPD/bad-case.out")"
printf 'TY  - JOUR\nTI  - Soumushou\nTY  - BOOK\nPB  - Soumushou\nER  - \n' >"$TMPD/open.ris"
bad_case "ris: a record without ER" "$TMPD/open.ris" 'open\.ris:1: RIS record without an ER line' 4 "PB  - Sōmushō"
printf 'TY  - BOOK\nPB  - Soumushou\n' >"$TMPD/open2.ris"
bad_case "ris: a record cut off at the end" "$TMPD/open2.ris" 'open2\.ris:1: RIS record without an ER line' 2 "PB  - Sōmushō"
printf '[1] Soumushou, 2024.\n[2] \000 Soumushou\n[3] Soumushou, 2024.\n' >"$TMPD/nul.txt"
bad_case "text: a NUL byte" "$TMPD/nul.txt" 'nul\.txt:2: NUL byte in the line' 3 "[3] Sōmushō, 2024."

# ---- idempotent in every format ---------------------------------------------------------------------
for f in "$D/cite.bib" "$D/cite-braces.bib" "$D/cite.json" "$D/cite-layout.json" "$D/cite.ris" "$D/seed-footnotes.txt"; do
	b=$(basename "$f")
	for a in none both; do
		"$YAKUGO" cite --annotate $a "$f" >"$TMPD/idem1-$b" 2>/dev/null
		cp "$TMPD/idem1-$b" "$TMPD/idem-in-$b"
		"$YAKUGO" cite --annotate $a "$TMPD/idem-in-$b" >"$TMPD/idem2-$b" 2>/dev/null
		if cmp -s "$TMPD/idem1-$b" "$TMPD/idem2-$b"; then tap_ok "$b --annotate $a: a second run changes nothing"
		else tap_fail "$b --annotate $a: a second run changes nothing" "$(diff "$TMPD/idem1-$b" "$TMPD/idem2-$b")"; fi
		check_status "$b --annotate $a: --check on the output: nothing would change" 0 "$YAKUGO" cite --check "$TMPD/idem-in-$b"
	done
done

tap_done
