# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-import.sh: `yakugo import` on slices of the real Debian EDICT and ENAMDICT
# files (EUC-JP bytes cut with sed, never re-encoded): counts, lookups of imported
# words, seed entries ranked before imports, re-import replacing a source, malformed
# lines (FILE:LINE, rollback, --keep-going), unknown tags, SIGINT and SIGKILL in the
# middle of an import, a locked database, and TSV rows with a missing field.
. "$top_srcdir/tests/tap.sh"

ED=/usr/share/edict/edict
EN=/usr/share/edict/enamdict
if [ ! -r "$ED" ] || [ ! -r "$EN" ]; then
	echo "1..0 # SKIP the Debian packages edict and enamdict are not installed"
	exit 0
fi
XDG_DATA_HOME=$TMPD/xdg
export XDG_DATA_HOME
unset YAKUGO_USER_DB
DB=$XDG_DATA_HOME/yakugo/user.db

# all entries visible (seed + user + imports): rows of `export --all` minus its header
count() { $YAKUGO export --all | sed 1d | wc -l | tr -d ' '; }
# the written form on line N of an EUC-JP dictionary file, in UTF-8
word_at() { sed -n "$2p" "$1" | iconv -f EUC-JP -t UTF-8 | cut -d' ' -f1; }

# slices: the header, 1000 lines,
# and the line of 経済産業省, which the seed glossary has too
sed -n '1p;20000,20999p;121957p' "$ED" > "$TMPD/ed1"
sed -n '1p;5000,5499p' "$ED" > "$TMPD/ed2"
sed -n '1p;2000,2999p' "$EN" > "$TMPD/en1"
w1=$(word_at "$ED" 20100)
w2=$(word_at "$ED" 5100)
n1=$(word_at "$EN" 2500)

base=$(count)
out=$($YAKUGO import edict "$TMPD/ed1" 2>&1); st=$?
check "import edict slice: exit 0" 0 "$st"
check_match "import reports the count and the time" '^imported 1001 entries from .*ed1 in [0-9.]+ s$' "$out"
check "every line became an entry" $((base + 1001)) "$(count)"
test -f "$DB" && tap_ok "the user database was created" || tap_fail "the user database was created" "$DB"
out=$($YAKUGO lookup --exact "$w1"); st=$?
check "lookup finds an imported word ($w1)" 0 "$st"
check_match "... and says it comes from edict" 'edict' "$out"
out=$($YAKUGO lookup 経済産業省 | head -n 1)
check_match "the seed entry ranks before the imported one" 'seed' "$out"
check_match "the imported 経済産業省 is found too" 'edict' "$($YAKUGO lookup --limit 5 経済産業省)"

out=$($YAKUGO import enamdict "$TMPD/en1" 2>&1); st=$?
check "import enamdict slice: exit 0" 0 "$st"
check_match "enamdict count" '^imported [0-9]+ entries' "$out"
check_status "lookup finds an imported name ($n1)" 0 $YAKUGO lookup --exact "$n1"
after_en=$(count)

# re-importing a source replaces it
out=$($YAKUGO import edict "$TMPD/ed2" 2>&1); st=$?
check "re-import edict: exit 0" 0 "$st"
check "re-import replaced the 1001 entries with 500" $((after_en - 1001 + 500)) "$(count)"
check_status "a word of the old slice is gone" 1 $YAKUGO lookup --exact "$w1"
check_status "a word of the new slice is found" 0 $YAKUGO lookup --exact "$w2"
check_status "enamdict entries are untouched" 0 $YAKUGO lookup --exact "$n1"
good=$(count)

# a malformed line: FILE:LINE, exit 2, nothing imported
{ sed -n 1,9p "$TMPD/ed1"; printf 'BROKEN LINE WITHOUT GLOSSES\n'; sed -n '10,$p' "$TMPD/ed1"; } > "$TMPD/bad"
out=$($YAKUGO import edict "$TMPD/bad" 2>&1); st=$?
check "malformed line: exit 2" 2 "$st"
check_match "malformed line: FILE:LINE: message" "^yakugo: $TMPD/bad:10: " "$out"
check "malformed line: rolled back (count unchanged)" "$good" "$(count)"
check_status "malformed line: the old data still answers" 0 $YAKUGO lookup --exact "$w2"
out=$($YAKUGO import --keep-going edict "$TMPD/bad" 2>&1); st=$?
check "--keep-going: exit 0" 0 "$st"
check_match "--keep-going reports the line" "bad:10: " "$out"
check_match "--keep-going counts the skipped line" 'imported 1001 entries .*1 bad line skipped' "$out"
check "--keep-going imported the rest" $((good - 500 + 1001)) "$(count)"
good=$(count)

# an unknown tag (経済 [けいざい] /(zzz) economy/ in EUC-JP)
{ sed -n 1,4p "$TMPD/ed1"; printf '\267\320\272\321 [\244\261\244\244\244\266\244\244] /(zzz) economy/\n'; } > "$TMPD/tag"
out=$($YAKUGO import edict "$TMPD/tag" 2>&1); st=$?
check "unknown tag: exit 2" 2 "$st"
check_match "unknown tag: FILE:LINE names the tag" "tag:5: unknown tag 'zzz'" "$out"
check "unknown tag: rolled back" "$good" "$(count)"
# bytes that are not EUC-JP
{ sed -n 1,2p "$TMPD/ed1"; printf '\377\376 /(n) x/\n'; } > "$TMPD/enc"
out=$($YAKUGO import edict "$TMPD/enc" 2>&1); st=$?
check "invalid EUC-JP: exit 2" 2 "$st"
check_match "invalid EUC-JP: FILE:LINE" "enc:3: not valid EUC-JP" "$out"

# interrupted imports leave the database exactly as before
# (the whole of ENAMDICT: long enough to be in the middle of it after 2 s anywhere)
cp "$EN" "$TMPD/big"
for sig in INT KILL; do
	$YAKUGO import enamdict "$TMPD/big" >/dev/null 2>"$TMPD/sig.err" &
	pid=$!
	sleep 2
	if kill -s $sig $pid 2>/dev/null; then
		tap_ok "SIG$sig: sent while the import runs"
	else
		tap_fail "SIG$sig: sent while the import runs" "the import ended within 2 s"
	fi
	wait $pid; st=$?
	[ "$st" -ne 0 ] && tap_ok "SIG$sig: the import did not succeed (exit $st)" \
		|| tap_fail "SIG$sig: the import did not succeed" "exit $st"
	check "SIG$sig: same count as before" "$good" "$(count)"
	check_status "SIG$sig: old enamdict entries still answer" 0 $YAKUGO lookup --exact "$n1"
	check_status "SIG$sig: old edict entries still answer" 0 $YAKUGO lookup --exact "$w1"
done

# a locked database: another process holds the write lock; import waits, then says so
if command -v sqlite3 >/dev/null 2>&1; then
	check_locked "locked database" 'locked|busy' "$DB" $YAKUGO import edict "$TMPD/ed2"
	check "locked database: nothing changed" "$good" "$(count)"
else
	tap_ok "# SKIP sqlite3 CLI not installed"
fi

# TSV: a row with a missing field
printf 'ja\tkana\tromaji\ttype\ten\tmarket\tvariants\tfootnotes\tnote\n' > "$TMPD/g.tsv"
printf '東京\tとうきょう\tTōkyō\tplace\tTokyo\t\t\t\t\n' >> "$TMPD/g.tsv"
printf '大阪\tおおさか\tŌsaka\tplace\tOsaka\t\t\t\n' >> "$TMPD/g.tsv"
out=$($YAKUGO import tsv "$TMPD/g.tsv" 2>&1); st=$?
check "TSV missing field: exit 2" 2 "$st"
check_match "TSV missing field: FILE:LINE" "g.tsv:3: " "$out"
check "TSV missing field: nothing imported" "$good" "$(count)"
out=$($YAKUGO import --keep-going tsv "$TMPD/g.tsv" 2>&1); st=$?
check "TSV --keep-going: exit 0" 0 "$st"
check "TSV --keep-going: the good row is in" $((good + 1)) "$(count)"
check_match "TSV entry is found" 'Tokyo' "$($YAKUGO lookup --exact 東京)"
# the same file again, now with both rows good: it replaces its first import
sed '3s/$/	/' "$TMPD/g.tsv" > "$TMPD/g2.tsv" && mv "$TMPD/g2.tsv" "$TMPD/g.tsv"
out=$($YAKUGO import tsv "$TMPD/g.tsv" 2>&1); st=$?
check "TSV re-import of the fixed file: exit 0" 0 "$st"
check "TSV re-import replaced the file's entries (2, not 1 + 2)" $((good + 2)) "$(count)"

# line 567 of the Debian EDICT has an empty gloss list ("４° [しど] /"): still an entry
sed -n '1p;560,570p' "$ED" > "$TMPD/ed567"
out=$(XDG_DATA_HOME=$TMPD/x567 $YAKUGO import edict "$TMPD/ed567" 2>&1); st=$?
check "the gloss-less line 567 of EDICT imports (exit 0)" 0 "$st"
check_match "... as an entry of its own" '^imported 11 entries' "$out"

check_status "unknown format: usage error" 2 $YAKUGO import xml "$TMPD/g.tsv"
check_status "missing file: exit 3" 3 $YAKUGO import edict "$TMPD/nonexistent"
check_status "import --help" 0 $YAKUGO import --help
tap_done
