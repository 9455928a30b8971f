# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-user.sh: the user's own entries: yakugo add (validated like the seed
# glossary), edit and remove taking effect at once in lookup, eight concurrent adds
# losing nothing, and export -> import round trips through TSV and TBX.
. "$top_srcdir/tests/tap.sh"

XDG_DATA_HOME=$TMPD/xdg
export XDG_DATA_HOME
unset YAKUGO_USER_DB

# entries the user owns: rows of `export` minus its header
count() { $YAKUGO export | sed 1d | wc -l | tr -d ' '; }

check "no user entries yet" 0 "$(count)"
id=$($YAKUGO add --ja 鹿島建設 --kana 'かじま けんせつ' --romaji 'Kajima Kensetsu' --type company \
	--en 'Kajima Test Corporation' --en Kajima --market Kajima --variant 'Kashima Kensetsu' \
	--note 'construction company'); st=$?
check "add: exit 0" 0 "$st"
check_match "add prints the new id" '^[0-9]+$' "$id"
out=$($YAKUGO lookup --exact 'Kajima Test Corporation')
check_match "the added entry is found at once by its English name" '鹿島建設.*user' "$out"
check_match "... and by its romaji" 'Kajima Test Corporation' "$($YAKUGO lookup --exact 'Kajima Kensetsu')"

# romaji must match the kana
out=$($YAKUGO add --ja 東京 --kana とうきょう --romaji Tokio --type place 2>&1); st=$?
check "add with romaji not matching the kana: exit 2" 2 "$st"
check_match "... with a clear message" "^yakugo: .*romaji 'Tokio'.*とうきょう" "$out"
check_status "add without --kana: usage error" 2 $YAKUGO add --ja 東京
check "nothing was added by the failures" 1 "$(count)"
id2=$($YAKUGO add --ja 東京 --kana とうきょう --type place --en 'Test Capital')
check_match "add without --romaji uses the Hepburn of the kana" 'tōkyō' \
	"$($YAKUGO export | grep '^東京')"

# edit
check_status "edit --en" 0 $YAKUGO edit "$id" --en 'Kajima Test Corp.' --note ''
out=$($YAKUGO export | grep '^鹿島建設')
check_match "edit replaced the English names" "	Kajima Test Corp\.	Kajima	Kashima Kensetsu		$" "$out"
check_status "the old English name is gone from lookup" 1 $YAKUGO lookup --exact 'Kajima Test Corporation'
check_status "the new one is found" 0 $YAKUGO lookup --exact 'Kajima Test Corp.'
out=$($YAKUGO edit "$id" --romaji 'Kashima Kensetsu' 2>&1); st=$?
check "edit to a wrong romaji: exit 2" 2 "$st"
check_match "edit to a wrong romaji: says why" 'romaji' "$out"
check_match "a refused edit changes nothing" 'Kajima Kensetsu' "$($YAKUGO export | grep '^鹿島建設')"
check_status "edit of a missing id: exit 1" 1 $YAKUGO edit 99999 --note x
check_status "edit of a bad id: exit 2" 2 $YAKUGO edit abc --note x

# export --ids lists the ids that edit and remove take
check_match "export --ids: the id comes first" "^$id2	東京	とうきょう	" "$($YAKUGO export --ids)"
check "export --ids: header" "id	ja" "$($YAKUGO export --ids | sed -n 1p | cut -f1,2)"

# remove
check_status "remove" 0 $YAKUGO remove "$id2"
check_status "a removed entry is gone from lookup" 1 $YAKUGO lookup --exact 'Test Capital'
check_status "removing it again: exit 1" 1 $YAKUGO remove "$id2"
check "one entry left" 1 "$(count)"

# eight processes adding at the same time lose nothing
pids=
for k in か き く け こ さ す せ; do
	$YAKUGO add --kana "$k" --type term --en "concurrent $k" >"$TMPD/add-$k.out" 2>&1 &
	pids="$pids $!"
done
fails=0
for p in $pids; do
	wait "$p" || fails=$((fails + 1))
done
check "eight concurrent adds all succeed" 0 "$fails"
check "eight concurrent adds: nothing lost" 9 "$(count)"
check "eight distinct ids" 8 "$(cat "$TMPD"/add-*.out | sort -u | grep -c '^[0-9][0-9]*$')"

# export TSV -> import TSV round trip (into another user database)
$YAKUGO export > "$TMPD/a.tsv"
check "export: header row" 'ja	kana	romaji	type	en	market	variants	footnotes	note' \
	"$(sed -n 1p "$TMPD/a.tsv")"
XDG_DATA_HOME=$TMPD/x2 $YAKUGO import tsv "$TMPD/a.tsv" >/dev/null 2>&1; st=$?
check "import tsv of the export: exit 0" 0 "$st"
XDG_DATA_HOME=$TMPD/x2 $YAKUGO export > "$TMPD/b.tsv"
if cmp -s "$TMPD/a.tsv" "$TMPD/b.tsv"; then tap_ok "TSV round trip is identical"
else tap_fail "TSV round trip is identical" "$(diff "$TMPD/a.tsv" "$TMPD/b.tsv")"; fi
check_status "the imported TSV entries are found" 0 env XDG_DATA_HOME="$TMPD/x2" \
	$YAKUGO lookup --exact 'Kajima Test Corp.'

# export TBX -> import TBX round trip
$YAKUGO export --format tbx > "$TMPD/a.tbx"; st=$?
check "export --format tbx: exit 0" 0 "$st"
if command -v xmllint >/dev/null 2>&1; then
	check_status "the TBX is well-formed XML (xmllint)" 0 xmllint --noout "$TMPD/a.tbx"
fi
check "one conceptEntry per entry" 9 "$(grep -c '<conceptEntry ' "$TMPD/a.tbx")"
check_match "the reading is a pronunciation termNote" \
	'<termNote type="pronunciation">かじま けんせつ</termNote>' "$(cat "$TMPD/a.tbx")"
XDG_DATA_HOME=$TMPD/x3 $YAKUGO import tbx "$TMPD/a.tbx" >/dev/null 2>&1; st=$?
check "import tbx of the export: exit 0" 0 "$st"
XDG_DATA_HOME=$TMPD/x3 $YAKUGO export --format tbx > "$TMPD/b.tbx"
if cmp -s "$TMPD/a.tbx" "$TMPD/b.tbx"; then tap_ok "TBX round trip is identical"
else tap_fail "TBX round trip is identical" "$(diff "$TMPD/a.tbx" "$TMPD/b.tbx")"; fi
XDG_DATA_HOME=$TMPD/x3 $YAKUGO export > "$TMPD/c.tsv"
if cmp -s "$TMPD/a.tsv" "$TMPD/c.tsv"; then tap_ok "TBX round trip keeps every field"
else tap_fail "TBX round trip keeps every field" "$(diff "$TMPD/a.tsv" "$TMPD/c.tsv")"; fi

# a TBX file that is not well-formed: FILE:LINE, nothing imported
printf '<tbx>\n<text><body>\n<conceptEntry id="c1">\n</body></text></tbx>\n' > "$TMPD/bad.tbx"
out=$(XDG_DATA_HOME=$TMPD/x3 $YAKUGO import tbx "$TMPD/bad.tbx" 2>&1); st=$?
check "malformed TBX: exit 2" 2 "$st"
check_match "malformed TBX: FILE:LINE" 'bad.tbx:[0-9]+: ' "$out"
check "malformed TBX: nothing changed" 9 "$(XDG_DATA_HOME=$TMPD/x3 $YAKUGO export | sed 1d | wc -l | tr -d ' ')"
# a TBX entry whose romaji does not match its kana
sed 's|<termNote type="transliteration">Kajima Kensetsu<|<termNote type="transliteration">Kashima Kensetsu<|' \
	"$TMPD/a.tbx" > "$TMPD/wrong.tbx"
out=$(XDG_DATA_HOME=$TMPD/x4 $YAKUGO import tbx "$TMPD/wrong.tbx" 2>&1); st=$?
check "TBX entry with wrong romaji: exit 2" 2 "$st"
check_match "TBX entry with wrong romaji: FILE:LINE" 'wrong.tbx:[0-9]+: .*romaji' "$out"

# a damaged user database: a data error naming the file, and the file is left alone
mkdir -p "$TMPD/x5/yakugo"
printf 'this is not an SQLite database, just text\n%.0s' 1 2 3 4 5 6 7 8 > "$TMPD/x5/yakugo/user.db"
cp "$TMPD/x5/yakugo/user.db" "$TMPD/damaged.copy"
out=$(XDG_DATA_HOME=$TMPD/x5 $YAKUGO add --kana か 2>&1); st=$?
check "damaged user database: add exits 2" 2 "$st"
check_match "damaged user database: the message names the file" "^yakugo: .*x5/yakugo/user.db" "$out"
check_status "damaged user database: import exits 2" 2 env XDG_DATA_HOME="$TMPD/x5" \
	$YAKUGO import tsv "$TMPD/a.tsv"
cmp -s "$TMPD/x5/yakugo/user.db" "$TMPD/damaged.copy" && tap_ok "damaged user database: left as it was" \
	|| tap_fail "damaged user database: left as it was"

# a negative id is a bad id, not an option (getopt called "-1" an invalid option)
for a in "remove -1" "remove 3 -12" "edit -1 --note x"; do
	out=$($YAKUGO $a 2>&1); st=$?
	check "$a: exit 2" 2 "$st"
	check_match "$a: 'is not an entry id'" "^yakugo: [a-z]+: '-[0-9]+' is not an entry id$" "$out"
done

check_status "add --help" 0 $YAKUGO add --help
check_status "export --format xml: usage error" 2 $YAKUGO export --format xml
tap_done
