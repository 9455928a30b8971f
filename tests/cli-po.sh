#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-po.sh: yakugo po export|fill|check against real gettext tools (msgmerge
# --compendium, msgfmt --check), in both directions, with bad input (malformed, EUC-JP).
. "$top_srcdir/tests/tap.sh"

D=$top_srcdir/tests/data
XDG_DATA_HOME=$TMPD/xdg
export XDG_DATA_HOME
unset YAKUGO_USER_DB

# A glossary of our own, so the expectations do not move with the seed.
"$YAKUGO" build -o "$TMPD/g.db" "$D/po-glossary.tsv" >"$TMPD/build.out" 2>&1; st=$?
check "test glossary builds" 0 "$st"
Y() { "$YAKUGO" --db "$TMPD/g.db" "$@"; }
# the msgstr line right after the msgid line MSGID in FILE
msgstr_of() { grep -A1 -x -F "msgid \"$2\"" "$1" | sed -n 2p; }

# ---- export -----------------------------------------------------------------
Y po export >"$TMPD/comp.po"; st=$?
check "export exits 0" 0 "$st"
check "export: English msgid, Japanese msgstr" 'msgstr "内閣府"' "$(msgstr_of "$TMPD/comp.po" "Cabinet Office")"
check "export: every English name is a msgid" 'msgstr "経済産業省"' "$(msgstr_of "$TMPD/comp.po" "METI")"
check_match "export: extracted comment with the romaji" '^#\. romaji: Keizai sangyōshō$' "$(cat "$TMPD/comp.po")"
check_match "export: extracted comment with the type" '^#\. type: newspaper$' "$(cat "$TMPD/comp.po")"
check_status "export passes msgfmt --check" 0 msgfmt --check -o /dev/null "$TMPD/comp.po"
Y po export --from ja --to en -o "$TMPD/comp-en.po"; st=$?
check "export -o (ja->en) exits 0" 0 "$st"
check "export ja->en: Japanese msgid, English msgstr" 'msgstr "Mainichi Shimbun"' "$(msgstr_of "$TMPD/comp-en.po" "毎日新聞")"
check_match "export ja->en: header says Language: en" '"Language: en\\n"' "$(cat "$TMPD/comp-en.po")"
check_status "export ja->en passes msgfmt --check" 0 msgfmt --check -o /dev/null "$TMPD/comp-en.po"
check_status "export --from ja --to ja is a usage error" 2 Y po export --from ja --to ja

# The compendium with the stock tool: msgmerge fills a new catalogue from it.
msgmerge -q --compendium "$TMPD/comp.po" -o "$TMPD/merged.po" /dev/null "$D/po-app.pot" 2>"$TMPD/mm.err"; st=$?
check "msgmerge --compendium accepts the export" 0 "$st"
check "msgmerge filled Cabinet Office from the compendium" 'msgstr "内閣府"' "$(msgstr_of "$TMPD/merged.po" "Cabinet Office")"

# ---- fill ---------------------------------------------------------------------
Y po fill "$D/po-app.pot" -o "$TMPD/filled.po"; st=$?
check "fill exits 0" 0 "$st"
F=$(cat "$TMPD/filled.po")
check "fill: untranslated term filled" 'msgstr "内閣府"' "$(msgstr_of "$TMPD/filled.po" "Cabinet Office")"
check "fill: normalised match (case, spacing)" 'msgstr "経済産業省"' "$(msgstr_of "$TMPD/filled.po" "ministry of economy,   trade and industry")"
check "fill: translated message untouched" 'msgstr "毎日新聞社"' "$(msgstr_of "$TMPD/filled.po" "Mainichi Shimbun")"
check "fill: message without terms stays untranslated" 'msgstr ""' "$(msgstr_of "$TMPD/filled.po" "Open file")"
check "fill: a longer word is not the term (Officer)" 'msgstr ""' "$(msgstr_of "$TMPD/filled.po" "Cabinet Officer")"
check "fill: a plain-word term fills a whole msgid" 'msgstr "情報"' "$(msgstr_of "$TMPD/filled.po" "Information")"
check "fill: a plain-word term is not looked for inside messages" 'msgstr ""' "$(msgstr_of "$TMPD/filled.po" "See the manual for more information.")"
sug=$(grep -B4 -F 'msgid "Report of the Cabinet Office on %s\n"' "$TMPD/filled.po")
check_match "fill: containing message becomes fuzzy" '^#, fuzzy, c-format$' "$sug"
check_match "fill: glossary translator comment" '^# glossary: Cabinet Office → 内閣府$' "$sug"
check "fill: suggestion substitutes the term" 'msgstr "Report of the 内閣府 on %s\n"' \
	"$(grep -A1 -F 'msgid "Report of the Cabinet Office on %s\n"' "$TMPD/filled.po" | sed -n 2p)"
check_match "fill: header now declares UTF-8" 'charset=UTF-8' "$F"
check_status "fill output passes msgfmt --check" 0 msgfmt --check -o /dev/null "$TMPD/filled.po"
Y po fill "$D/po-app.pot" >"$TMPD/filled-stdout.po"
check_status "fill to stdout equals fill -o" 0 cmp "$TMPD/filled.po" "$TMPD/filled-stdout.po"
Y po fill "$TMPD/filled.po" -o "$TMPD/filled2.po"
check "fill twice adds the glossary comment once" 1 "$(grep -c '^# glossary: Cabinet Office' "$TMPD/filled2.po")"
check_status "fill twice changes nothing" 0 cmp "$TMPD/filled.po" "$TMPD/filled2.po"
Y po fill --from ja "$D/po-check-en.po" -o "$TMPD/filled-en.po"; st=$?
check "fill ja->en exits 0" 0 "$st"
check "fill ja->en never overwrites a translation" 'msgstr "According to the Mainchii shinbun"' "$(msgstr_of "$TMPD/filled-en.po" "毎日新聞によると")"

# ---- check ------------------------------------------------------------------------
out=$(Y po check "$D/po-check-ja.po"); st=$?
check "check finds problems: exit 1" 1 "$st"
ln=$(grep -n -x -F 'msgid "Ask the Cabinet Office"' "$D/po-check-ja.po" | cut -d: -f1)
check_match "check: FILE:LINE: term: missing preferred translation" \
	"^$D/po-check-ja.po:$ln: Cabinet Office: .*内閣府" "$out"
ln=$(grep -n -x -F 'msgid "Quoted in the Mainichi Shimbun"' "$D/po-check-ja.po" | cut -d: -f1)
check_match "check: second problem on its own line (leftmost name of the term)" "^$D/po-check-ja.po:$ln: (The Mainichi|Mainichi Shimbun): .*毎日新聞" "$out"
check "check: exactly the two problems (spaces in Japanese ignored, untranslated skipped)" 2 "$(printf '%s\n' "$out" | grep -c .)"
out=$(Y po check "$D/po-clean-ja.po"); st=$?
check "check: clean catalogue exits 0" 0 "$st"
check "check: clean catalogue prints nothing" "" "$out"

out=$(Y po check "$D/po-check-en.po"); st=$?
check "check ja->en (from the Language header): exit 1" 1 "$st"
ln=$(grep -n -x -F 'msgid "毎日新聞によると"' "$D/po-check-en.po" | cut -d: -f1)
check_match "check ja->en: a variant marked wrong" "^$D/po-check-en.po:$ln: 毎日新聞: .*Mainchii shinbun" "$out"
ln=$(grep -n -x -F 'msgid "経済産業省の発表"' "$D/po-check-en.po" | cut -d: -f1)
check_match "check ja->en: line after an obsolete entry" "^$D/po-check-en.po:$ln: 経済産業省: .*Ministry of Economy" "$out"
check_match "check ja->en: the correct message is not reported" '^[^:]*:[0-9]+: 内閣府' "$out
x:1: 内閣府 sentinel"
check "check ja->en: three problems" 3 "$(printf '%s\n' "$out" | grep -c .)"
sed '/^"Language:/d' "$D/po-check-en.po" >"$TMPD/nolang.po"
out=$(Y po check --from ja --to en "$TMPD/nolang.po"); st=$?
check "check --from ja --to en without a Language header: exit 1" 1 "$st"
check "check --from ja --to en: same three problems" 3 "$(printf '%s\n' "$out" | grep -c .)"

# ---- terms matched as words ---------------------------------------------------------
W=$D/po-words-ja.po
out=$(Y po check "$W" 2>"$TMPD/words.err"); st=$?
check "words: exit 1 (four real problems)" 1 "$st"
check "words: exactly the four messages marked report" 4 "$(printf '%s\n' "$out" | grep -c .)"
for id in 'AI policy' 'The Cabinet Secretariat and the UN' 'US sanctions' 'Tottori'; do
	ln=$(grep -n -x -F "msgid \"$id\"" "$W" | cut -d: -f1)
	check_match "words: reported: $id" "^$W:$ln: " "$out"
done
check_match "words: the report names the term as the glossary writes it, and that an abbreviation may stay" ': AI: the translation lacks "人工知能" \(or AI as written\)$' "$out"
check_match "words: of two terms named Tottori, the report wants the one whose preferred name it is" ': Tottori: the translation lacks "鳥取"$' "$out"
check_match "words: a UN silenced by '# yakugo: ignore UN' is not reported" '^[^U]*$' "$(printf '%s\n' "$out" | grep -F ': UN:' || echo none)"
check_match "words: summary line on stderr with the counts" \
	"^po check: $W: 4 problems in 17 translated messages, 2 ignored by rules or comments$" "$(cat "$TMPD/words.err")"
# each "ok" message on its own, with everything else removed: nothing reported
printf '# known exceptions\n\nUS\nCabinet Secretariat\t and the UN\nartificial intelligence\tpolicy\n*\tTottori\n' >"$TMPD/ignore.txt"
out=$(Y po check --ignore "$TMPD/ignore.txt" "$W" 2>"$TMPD/ign.err"); st=$?
check "--ignore: every report silenced: exit 0" 0 "$st"
check "--ignore: nothing printed" "" "$out"
check_match "--ignore: the summary counts them" ' 0 problems in 17 translated messages, 6 ignored by rules or comments$' "$(cat "$TMPD/ign.err")"
printf '# comment\n\nUS\n\tno term\n' >"$TMPD/bad-ignore.txt"
err=$(Y po check --ignore "$TMPD/bad-ignore.txt" "$W" 2>&1 >/dev/null); st=$?
check "--ignore: a bad line is a usage error" 2 "$st"
check_match "--ignore: FILE:LINE and the problem" "^yakugo: $TMPD/bad-ignore.txt:4: the term is empty$" "$err"
check_status "--ignore: a missing file is exit 3" 3 Y po check --ignore "$TMPD/nope.txt" "$W"
check_status "--ignore belongs to check only" 2 Y po fill --ignore "$TMPD/ignore.txt" "$W"

# ja->en: Japanese written forms on ICU word boundaries (米国 is not in 北米国家)
printf 'msgid ""\nmsgstr "Language: en\\nContent-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "北米国家の計画"\nmsgstr "A plan of the North American states"\n\nmsgid "米国の計画"\nmsgstr "A plan"\n\nmsgid "米国 の 計画"\nmsgstr "A US plan"\n' >"$TMPD/ja-words.po"
out=$(Y po check "$TMPD/ja-words.po" 2>/dev/null); st=$?
check "ja words: exit 1" 1 "$st"
check "ja words: only 米国の計画 is reported (not 北米国家; US kept as an English name passes)" \
	"$TMPD/ja-words.po:7: 米国: the translation lacks \"United States\"" "$out"

# po fill: the same matcher, so no term is written inside another word
Y po fill "$D/po-words.pot" -o "$TMPD/words.po"; st=$?
check "fill words: exit 0" 0 "$st"
for id in 'Biržai' 'Cao Bằng' 'Nīcas novads' 'Ai' 'Ask the CAS about the IP'; do
	check "fill words: $id stays untranslated" 'msgstr ""' "$(msgstr_of "$TMPD/words.po" "$id")"
done
check "fill words: an abbreviation alone is only a suggestion" '#, fuzzy' "$(grep -B1 -x -F 'msgid "AI"' "$TMPD/words.po" | sed -n 1p)"
check "fill words: a name next to Bằng is replaced, Bằng kept" 'msgstr "人工知能 in Cao Bằng"' "$(msgstr_of "$TMPD/words.po" "Artificial intelligence in Cao Bằng")"
check "fill words: a whole name is filled" 'msgstr "内閣官房"' "$(msgstr_of "$TMPD/words.po" "Cabinet Secretariat")"
check "fill words: of two terms named Tottori, the one whose preferred name it is" 'msgstr "鳥取"' "$(msgstr_of "$TMPD/words.po" "Tottori")"
# the same names decomposed (NFD: z + U+030C, a + U+0306 + U+0300)
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Birz\314\214ai"\nmsgstr ""\n\nmsgid "Cao Ba\314\206\314\200ng"\nmsgstr ""\n' >"$TMPD/nfd.pot"
Y po fill "$TMPD/nfd.pot" -o "$TMPD/nfd.po"
check "fill words: decomposed Biržai stays untranslated" 0 "$(grep -c '人工知能\|内閣' "$TMPD/nfd.po")"
check_status "fill words: output passes msgfmt --check" 0 msgfmt --check -o /dev/null "$TMPD/words.po"

# ---- -o never replaces what is not a regular file (issue 13) ------------------------------
mkdir "$TMPD/out"
Y po fill "$D/po-app.pot" -o "$TMPD/out/real.po"
chmod 640 "$TMPD/out/real.po"
ln -s real.po "$TMPD/out/link.po"
Y po fill "$D/po-words.pot" -o "$TMPD/out/link.po"; st=$?
check "-o symlink: exit 0" 0 "$st"
check "-o symlink: still a symlink" yes "$(test -L "$TMPD/out/link.po" && echo yes)"
check "-o symlink: its target got the catalogue" 'msgstr "内閣官房"' "$(msgstr_of "$TMPD/out/real.po" "Cabinet Secretariat")"
check_match "-o symlink: the target keeps its mode" '^-rw-r-----' "$(ls -l "$TMPD/out/real.po")"
check "-o symlink: no temporary left" "link.po real.po" "$(ls "$TMPD/out" | tr '\n' ' ' | sed 's/ $//')"
ln -s new.po "$TMPD/out/dangling.po"
Y po fill "$D/po-words.pot" -o "$TMPD/out/dangling.po"; st=$?
check "-o dangling symlink: exit 0, the link kept" "0 yes" "$st $(test -L "$TMPD/out/dangling.po" && echo yes)"
check "-o dangling symlink: its target created" yes "$(test -f "$TMPD/out/new.po" && echo yes)"
mkfifo "$TMPD/out/fifo"
# the reader gives up after 20 s, so a writer that replaces the FIFO fails the test, not hangs it
timeout 20 cat "$TMPD/out/fifo" >"$TMPD/fifo.got" &
reader=$!
Y po fill "$D/po-words.pot" -o "$TMPD/out/fifo"; st=$?
test -p "$TMPD/out/fifo" || kill "$reader" 2>/dev/null
wait "$reader"
check "-o FIFO: exit 0" 0 "$st"
check "-o FIFO: still a FIFO" yes "$(test -p "$TMPD/out/fifo" && echo yes)"
check_status "-o FIFO: the reader got the catalogue" 0 cmp "$TMPD/fifo.got" "$TMPD/out/new.po"
if mknod "$TMPD/out/null" c 1 3 2>/dev/null; then
	Y po export -o "$TMPD/out/null"; st=$?
	check "-o character device: exit 0" 0 "$st"
	check "-o character device: still a character device" yes "$(test -c "$TMPD/out/null" && echo yes)"
	ln -s null "$TMPD/out/stdout-like"
	Y po export -o "$TMPD/out/stdout-like"; st=$?
	check "-o symlink to a device (like /dev/stdout): link and device kept" "0 yes yes" \
		"$st $(test -L "$TMPD/out/stdout-like" && echo yes) $(test -c "$TMPD/out/null" && echo yes)"
else
	tap_ok "-o character device # SKIP mknod needs root"
fi
err=$(Y po export -o "$TMPD/out" 2>&1); st=$?
check "-o a directory: exit 3" 3 "$st"
check_match "-o a directory: says so" 'cannot write .*/out: Is a directory' "$err"

# ---- bad input ----------------------------------------------------------------------
err=$(Y po check "$D/po-malformed.po" 2>&1 >/dev/null); st=$?
check "malformed PO: exit 2" 2 "$st"
check_match "malformed PO: FILE:LINE from libgettextpo" "^yakugo: $D/po-malformed.po:[0-9]+: " "$err"
check_status "malformed PO: fill exits 2 too" 2 Y po fill "$D/po-malformed.po" -o "$TMPD/never.po"
check "malformed PO: no output file written" "no" "$(test -e "$TMPD/never.po" && echo yes || echo no)"

# EUC-JP: converted to UTF-8, same findings, UTF-8 output.
iconv -f UTF-8 -t EUC-JP "$D/po-check-ja.po" | sed 's/charset=UTF-8/charset=EUC-JP/' >"$TMPD/euc.po"
out=$(Y po check "$TMPD/euc.po"); st=$?
check "EUC-JP catalogue: check exits 1" 1 "$st"
ln=$(grep -n -x -F 'msgid "Ask the Cabinet Office"' "$D/po-check-ja.po" | cut -d: -f1)
check_match "EUC-JP catalogue: same FILE:LINE report, in UTF-8" "^$TMPD/euc.po:$ln: Cabinet Office: .*内閣府" "$out"
Y po fill "$TMPD/euc.po" -o "$TMPD/euc-filled.po"; st=$?
check "EUC-JP catalogue: fill exits 0" 0 "$st"
check_match "EUC-JP catalogue: filled output declares UTF-8" 'charset=UTF-8' "$(cat "$TMPD/euc-filled.po")"
check "EUC-JP catalogue: filled output keeps the translations" 'msgstr "内閣官房に聞く"' "$(msgstr_of "$TMPD/euc-filled.po" "Ask the Cabinet Office")"
check_status "EUC-JP catalogue: filled output passes msgfmt --check" 0 msgfmt --check -o /dev/null "$TMPD/euc-filled.po"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=EUC-JP\\n"\n\nmsgid "a"\nmsgstr "\377\377"\n' >"$TMPD/badeuc.po"
err=$(Y po check "$TMPD/badeuc.po" 2>&1); st=$?
check "unconvertible bytes: exit 2" 2 "$st"
check_match "unconvertible bytes: FILE:LINE" 'badeuc.po:5: ' "$err"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=NO-SUCH-CHARSET\\n"\n\nmsgid "a"\nmsgstr "b"\n' >"$TMPD/nocs.po"
err=$(Y po check "$TMPD/nocs.po" 2>&1); st=$?
check "unknown charset: exit 2" 2 "$st"
check_match "unknown charset: says so" "nocs.po: unknown charset 'NO-SUCH-CHARSET'" "$err"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "\377"\n' >"$TMPD/badutf.po"
err=$(Y po check "$TMPD/badutf.po" 2>&1); st=$?
check "invalid UTF-8: exit 2" 2 "$st"
check_match "invalid UTF-8: FILE:LINE" "badutf.po:5: " "$err"

err=$(Y po check "$TMPD/missing.po" 2>&1); st=$?
check_match "missing file: named in the message" "^yakugo: .*missing.po" "$err"
check "missing file: exit 3" 3 "$st"
if [ -w /dev/full ]; then
	Y po export >/dev/full 2>"$TMPD/full.err"; st=$?
	check "export to a full disk: exit 3" 3 "$st"
	check "export to a full disk: one write error message" 1 "$(grep -c 'write error' "$TMPD/full.err")"
fi
err=$(Y po export -o "$TMPD/no/such/dir/x.po" 2>&1); st=$?
check "export -o into a missing directory: exit 3" 3 "$st"
check_match "export -o into a missing directory: names the file" 'cannot create .*no/such/dir/x.po:' "$err"
(umask 022 && Y po export -o "$TMPD/mode.po")
check_match "export -o: an ordinary file (mode from the umask, not 0600)" '^-rw-r--r--' "$(ls -l "$TMPD/mode.po")"
check_status "po without action: usage error" 2 Y po
check_status "po unknown action: usage error" 2 Y po frobnicate
check_status "po check without FILE: usage error" 2 Y po check
check_status "po --from xx: usage error" 2 Y po export --from xx
out=$(Y po --help); st=$?
check "po --help exits 0" 0 "$st"
check_match "po --help lists the actions" 'yakugo po fill FILE.po' "$out"
tap_done
