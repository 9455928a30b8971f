# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-faults.sh: faults that must lose nothing (issue 13). Empty and wrong
# sources refused by import; SIGKILL at several moments of an import; a full disk
# (a small tmpfs when the test may mount one, and RLIMIT_FSIZE); output errors (a full
# device, a closed stdout, SIGPIPE); 8 writers and 2 readers starting from no user
# database; read-only and unreadable databases; bad locales. The EDICT data is made
# here (EUC-JP kana words), so nothing depends on the Debian packages.
. "$top_srcdir/tests/tap.sh"

XDG_DATA_HOME=$TMPD/xdg
export XDG_DATA_HOME
unset YAKUGO_USER_DB
DB=$XDG_DATA_HOME/yakugo/user.db
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1

# gen N [START]: N EDICT lines in EUC-JP, four-syllable kana words numbered from START
gen() {
	LC_ALL=C awk -v n="$1" -v s="${2:-0}" 'BEGIN {
		split("162 164 166 168 170 171 173 175 177 179 181 183 185 187 189 191 193 196 198 200 202 203 204 205 206 207 210 213 216 219 222 223 224 225 226 233 234 235 236 237", b, " ")
		for (i = s; i < s + n; i++) {
			k = i; w = ""
			for (j = 0; j < 4; j++) { w = w sprintf("%c%c", 164, b[k % 40 + 1]); k = int(k / 40) }
			printf "%s /(n) generated word %d/\n", w, i
		}
	}'
}
# header KIND: the first line of the Debian EDICT or ENAMDICT file, in EUC-JP
header() { printf '？？？？ /%s - test header/\n' "$1" | iconv -f UTF-8 -t EUC-JP; }
# origin_count ORIGIN [DB]: entries of an origin (3 edict, 4 enamdict, 2 tsv/tbx) in
# the user database; without the sqlite3 CLI, from export (the generated EDICT glosses
# say "generated word", the ENAMDICT ones "Surname"; the TSV files here are the only
# entries export lists)
origin_count() {
	if [ "$have_sqlite" = 1 ]; then
		sqlite3 "${2:-$DB}" "SELECT count(*) FROM entry WHERE origin = $1" 2>&1
	else
		case $1 in
		2) YAKUGO_USER_DB=${2:-$DB} $YAKUGO export | sed 1d | wc -l | tr -d ' ' ;;
		3) YAKUGO_USER_DB=${2:-$DB} $YAKUGO export --all | cut -f5 | grep -c '^generated word' ;;
		4) YAKUGO_USER_DB=${2:-$DB} $YAKUGO export --all | cut -f5 | grep -c '^Surname' ;;
		esac
	fi
}
# integrity DB: "ok" when SQLite and FTS5 find the database sound (or no sqlite3 CLI)
integrity() {
	[ "$have_sqlite" = 1 ] || { echo ok; return; }
	r=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	f=$(sqlite3 "$1" "INSERT INTO en_fts(en_fts) VALUES ('integrity-check')" 2>&1)
	[ "$r" = ok ] && [ -z "$f" ] && echo ok || echo "$r $f"
}

# ---- empty and wrong sources ------------------------------------------------------
{ header EDICT; gen 300; } > "$TMPD/ed300"
out=$($YAKUGO import edict "$TMPD/ed300" 2>&1); st=$?
check "import of 300 generated EDICT lines: exit 0" 0 "$st"
check "300 edict entries" 300 "$(origin_count 3)"
: > "$TMPD/empty"
header EDICT > "$TMPD/header-only"
{ header ENAMDICT; gen 5 1000 | sed 's|/(n) generated word|/(s) Surname|'; } > "$TMPD/names"
for f in /dev/null empty header-only names; do
	case $f in /*) p=$f ;; *) p=$TMPD/$f ;; esac
	out=$($YAKUGO import edict "$p" 2>&1); st=$?
	check "import edict $f: refused with exit 2" 2 "$st"
	check "import edict $f: the 300 entries are kept" 300 "$(origin_count 3)"
done
out=$($YAKUGO import edict "$TMPD/empty" 2>&1)
check_match "an empty file: says so, and what is kept" \
	"^yakugo: .*empty: no entries found \(is it really EDICT\?\); nothing was imported, and the 300 entries imported before are kept$" "$out"
out=$($YAKUGO import edict "$TMPD/names" 2>&1)
check_match "ENAMDICT given to import edict: named at line 1" \
	"names:1: this is ENAMDICT, not EDICT: use 'yakugo import enamdict'" "$out"
out=$($YAKUGO import edict - < /dev/null 2>&1); st=$?
check "import edict - with empty stdin: exit 2" 2 "$st"
# a file cut in the middle of a line: the cut line is malformed, nothing changes
{ header EDICT; gen 50; } | head -c 1000 > "$TMPD/cut"
check_status "a file cut mid-line: exit 2" 2 $YAKUGO import edict "$TMPD/cut"
check "a file cut mid-line: the 300 entries are kept" 300 "$(origin_count 3)"
out=$($YAKUGO import --keep-going edict "$TMPD/names" 2>&1); st=$?
check "--keep-going does not make ENAMDICT an EDICT file (exit 2)" 2 "$st"

{ header ENAMDICT; gen 40 2000 | sed 's|/(n) generated word \([0-9]*\)/|/(s) Surname\1/|'; } > "$TMPD/en40"
check_status "import enamdict of 40 names: exit 0" 0 $YAKUGO import enamdict "$TMPD/en40"
check "40 enamdict entries" 40 "$(origin_count 4)"
for f in empty ed300; do
	out=$($YAKUGO import enamdict "$TMPD/$f" 2>&1); st=$?
	check "import enamdict $f: refused with exit 2" 2 "$st"
	check "import enamdict $f: the 40 names are kept" 40 "$(origin_count 4)"
done
check_match "EDICT given to import enamdict: named" "this is EDICT, not ENAMDICT" \
	"$($YAKUGO import enamdict "$TMPD/ed300" 2>&1)"
check "... and the EDICT entries are untouched" 300 "$(origin_count 3)"

printf 'ja\tkana\tromaji\ttype\ten\tmarket\tvariants\tfootnotes\tnote\n' > "$TMPD/g.tsv"
printf '東京\tとうきょう\tTōkyō\tplace\tTokyo\t\t\t\t\n' >> "$TMPD/g.tsv"
printf '大阪\tおおさか\tŌsaka\tplace\tOsaka\t\t\t\t\n' >> "$TMPD/g.tsv"
check_status "import tsv: exit 0" 0 $YAKUGO import tsv "$TMPD/g.tsv"
cp "$TMPD/g.tsv" "$TMPD/g.keep"
sed -n 1p "$TMPD/g.keep" > "$TMPD/g.tsv"
out=$($YAKUGO import tsv "$TMPD/g.tsv" 2>&1); st=$?
check "the same TSV file, now only its header: exit 2" 2 "$st"
check_match "... says the 2 entries are kept" "2 entries imported before are kept" "$out"
check "... and they are" 2 "$(origin_count 2)"
$YAKUGO export --format tbx > "$TMPD/g.tbx"
mkdir "$TMPD/t2"
XDG_DATA_HOME=$TMPD/t2 $YAKUGO import tbx "$TMPD/g.tbx" >/dev/null 2>&1
printf '<?xml version="1.0"?>\n<tbx type="TBX-Basic"><text><body/></text></tbx>\n' > "$TMPD/g.tbx"
out=$(XDG_DATA_HOME=$TMPD/t2 $YAKUGO import tbx "$TMPD/g.tbx" 2>&1); st=$?
check "the same TBX file, now without entries: exit 2" 2 "$st"
check "... the 2 entries are kept" 2 "$(origin_count 2 "$TMPD/t2/yakugo/user.db")"
printf '<?xml version="1.0"?>\n<html><body><p>x</p></body></html>\n' > "$TMPD/g.tbx"
out=$(XDG_DATA_HOME=$TMPD/t2 $YAKUGO import tbx "$TMPD/g.tbx" 2>&1); st=$?
check "an XML file that is not TBX: exit 2" 2 "$st"
check_match "... named as such" "g.tbx:2: not TBX: the document is <html>" "$out"
for fmt in edict enamdict tsv tbx; do
	out=$($YAKUGO import $fmt "$TMPD" 2>&1); st=$?
	check "import $fmt DIRECTORY: exit 3" 3 "$st"
	check "import $fmt DIRECTORY: Is a directory" "yakugo: $TMPD: Is a directory" "$out"
done
out=$($YAKUGO --db "$TMPD" lookup x 2>&1); st=$?
check "a directory as the seed database: exit 3, Is a directory" "3 yakugo: $TMPD: Is a directory" "$st $out"
out=$(YAKUGO_USER_DB=$TMPD $YAKUGO add --kana か 2>&1); st=$?
check "a directory as the user database: exit 3, Is a directory" "3 yakugo: $TMPD: Is a directory" "$st $out"

# ---- records past the limits: the one record fails, never the run ------------------
# a line of 2 MB (the limit is 1 MiB): reported with FILE:LINE; --keep-going skips it
X=$TMPD/lim
mkdir "$X"
aaa() { head -c "$1" /dev/zero | tr '\0' a; }
{ header EDICT; gen 2 5000; printf '\244\242 /(n) '; aaa 2000000; printf '/\n'; gen 2 5002; } > "$TMPD/long.ed"
out=$(XDG_DATA_HOME=$X $YAKUGO import edict "$TMPD/long.ed" 2>&1); st=$?
check "EDICT line of 2 MB: exit 2" 2 "$st"
check_match "... named" "long.ed:4: the line is 2000009 bytes long, more than the 1048576 a line may have" "$out"
out=$(XDG_DATA_HOME=$X $YAKUGO import --keep-going edict "$TMPD/long.ed" 2>&1); st=$?
check "... --keep-going imports the other 4 lines" "0 imported 4 entries" "$st $(echo "$out" | grep -o 'imported [0-9]* entr[a-z]*')"
{ header ENAMDICT; printf '\244\242 /(s) '; aaa 2000000; printf '/\n'; gen 1 6000 | sed 's|/(n) generated word|/(s) Surname|'; } > "$TMPD/long.en"
out=$(XDG_DATA_HOME=$X $YAKUGO import --keep-going enamdict "$TMPD/long.en" 2>&1); st=$?
check "ENAMDICT line of 2 MB: --keep-going skips it alone" "0 imported 1 entry" "$st $(echo "$out" | grep -o 'imported [0-9]* entr[a-z]*')"
{ sed -n 1,2p "$TMPD/g.keep"; printf '京都\tきょうと\tKyōto\tplace\t'; aaa 2000000; printf '\t\t\t\t\n'; sed -n 3p "$TMPD/g.keep"; } > "$TMPD/long.tsv"
out=$(XDG_DATA_HOME=$X $YAKUGO import tsv "$TMPD/long.tsv" 2>&1); st=$?
check "TSV row of 2 MB: exit 2" 2 "$st"
check_match "... named" "long.tsv:3: the row is 2000[0-9]* bytes long, more than the 1048576 a row may have" "$out"
out=$(XDG_DATA_HOME=$X $YAKUGO import --keep-going tsv "$TMPD/long.tsv" 2>&1); st=$?
check "... --keep-going imports the other 2 rows" "0 imported 2 entries" "$st $(echo "$out" | grep -o 'imported [0-9]* entr[a-z]*')"
# tbxfile N: a TBX file whose first entry has an English term of N bytes, then a good one
tbxfile() {
	printf '<?xml version="1.0"?>\n<tbx><text><body>\n<conceptEntry id="c1"><descrip type="entryType">place</descrip>'
	printf '<langSec xml:lang="ja"><termSec><term>東京</term><termNote type="pronunciation">とうきょう</termNote>'
	printf '<termNote type="transliteration">Tōkyō</termNote></termSec></langSec><langSec xml:lang="en"><termSec><term>'
	aaa "$1"
	printf '</term></termSec></langSec></conceptEntry>\n<conceptEntry id="c2"><descrip type="entryType">place</descrip>'
	printf '<langSec xml:lang="ja"><termSec><term>大阪</term><termNote type="pronunciation">おおさか</termNote>'
	printf '<termNote type="transliteration">Ōsaka</termNote></termSec></langSec></conceptEntry>\n</body></text></tbx>\n'
}
tbxfile 2000000 > "$TMPD/long.tbx"
out=$(XDG_DATA_HOME=$X $YAKUGO import tbx "$TMPD/long.tbx" 2>&1); st=$?
check "TBX entry with 2 MB of text: exit 2" 2 "$st"
check_match "... named" "long.tbx:3: the entry has 2000[0-9]* bytes of text, more than the 1048576 an entry may have" "$out"
out=$(XDG_DATA_HOME=$X $YAKUGO import --keep-going tbx "$TMPD/long.tbx" 2>&1); st=$?
check "... --keep-going imports the other entry" "0 imported 1 entry" "$st $(echo "$out" | grep -o 'imported [0-9]* entr[a-z]*')"
# libxml2 refuses a text node over 10,000,000 bytes: like any XML error, the whole file
tbxfile 12000000 > "$TMPD/huge.tbx"
out=$(XDG_DATA_HOME=$X $YAKUGO import --keep-going tbx "$TMPD/huge.tbx" 2>&1); st=$?
check "TBX text node of 12 MB: exit 2" 2 "$st"
check_match "... named with its line" "huge.tbx:3: .*huge text node" "$out"
rm -f "$TMPD/long.ed" "$TMPD/long.en" "$TMPD/long.tsv" "$TMPD/long.tbx" "$TMPD/huge.tbx"

gen 100000 > "$TMPD/big"
# ---- a full disk during an import -----------------------------------------------------
# (the user database holds 300 EDICT entries, 40 names and 2 TSV rows: a small file)
# RLIMIT_FSIZE with SIGXFSZ ignored: writes past the limit fail with EFBIG (the limit
# is 1 MB past the database's size in bash's 1024-byte blocks, in dash's 512 half that)
size=$(wc -c < "$DB")
out=$( (trap '' XFSZ; ulimit -f $((size / 1024 + 1024)); exec $YAKUGO import edict "$TMPD/big") 2>&1); st=$?
check "RLIMIT_FSIZE: import exits 3" 3 "$st"
check_match "RLIMIT_FSIZE: a clear message" "^yakugo: .*user.db: .*(File too large|I/O error|full|space)" "$out"
check "RLIMIT_FSIZE: the database is sound" ok "$(integrity "$DB")"
check "RLIMIT_FSIZE: the 300 entries are there" 300 "$(origin_count 3)"
check_status "RLIMIT_FSIZE: lookup still works" 0 $YAKUGO lookup --exact ああああ
# a tmpfs 1 MB larger than the database, where this process may mount one (root, in a mount namespace of its own)
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	mkdir "$TMPD/mnt"
	unshare -m sh -c '
		mnt=$1 db=$2 big=$3 out=$4
		mount -t tmpfs -o size=$(($(wc -c < "$db") / 1024 + 1024))k tmpfs "$mnt" || exit 1
		mkdir "$mnt/yakugo" && cp "$db" "$mnt/yakugo/user.db" || exit 1
		XDG_DATA_HOME=$mnt "$YAKUGO" import edict "$big" >/dev/null 2>"$out.err"
		echo $? > "$out.st"
		XDG_DATA_HOME=$mnt "$YAKUGO" lookup --exact ああああ >/dev/null 2>&1
		echo $? > "$out.lookup"
		cp "$mnt/yakugo/user.db" "$out.db"
		ls "$mnt/yakugo" > "$out.ls"' sh "$TMPD/mnt" "$DB" "$TMPD/big" "$TMPD/tmpfs"
	check "full tmpfs: import exits 3" 3 "$(cat "$TMPD/tmpfs.st" 2>&1)"
	check_match "full tmpfs: says the disk is full" "^yakugo: .*user.db: .*(full|No space left)" \
		"$(cat "$TMPD/tmpfs.err" 2>&1)"
	check "full tmpfs: lookup still works" 0 "$(cat "$TMPD/tmpfs.lookup" 2>&1)"
	check "full tmpfs: the database is sound" ok "$(integrity "$TMPD/tmpfs.db")"
	check "full tmpfs: the 300 entries are there" 300 "$(origin_count 3 "$TMPD/tmpfs.db")"
	# a full disk on the very first write leaves no user.db behind
	unshare -m sh -c '
		mnt=$1 out=$2
		mount -t tmpfs -o size=24k tmpfs "$mnt" || exit 1
		mkdir "$mnt/yakugo"
		XDG_DATA_HOME=$mnt "$YAKUGO" add --kana かな >/dev/null 2>"$out.err"
		echo $? > "$out.st"
		XDG_DATA_HOME=$mnt "$YAKUGO" lookup Naikakufu >/dev/null 2>&1
		echo $? > "$out.lookup"
		ls -A "$mnt/yakugo" > "$out.ls"' sh "$TMPD/mnt" "$TMPD/first"
	check "full disk at the first write: add exits 3" 3 "$(cat "$TMPD/first.st" 2>&1)"
	check "full disk at the first write: no user.db (nor temporary file) is left" "" \
		"$(cat "$TMPD/first.ls" 2>&1)"
	check "full disk at the first write: lookup still works" 0 "$(cat "$TMPD/first.lookup" 2>&1)"
else
	tap_ok "# SKIP a tmpfs needs root and unshare"
fi
# ---- SIGKILL during an import -------------------------------------------------------
# An uninterrupted import is timed first (T); then kills land at fractions of T: while
# reading, and late ones while the indexes are rebuilt at the commit.
ms() { date +%s%N | cut -c1-13; }
t0=$(ms)
check_status "a whole import of 100,000 lines succeeds" 0 $YAKUGO import edict "$TMPD/big"
T=$(($(ms) - t0))
check "... with all its entries" 100000 "$(origin_count 3)"
echo "# the whole import took $T ms"
mid=0
for f in 10 30 50 70 85 97; do
	$YAKUGO import edict "$TMPD/ed300" >/dev/null 2>&1
	$YAKUGO import edict "$TMPD/big" >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v t="$T" -v f="$f" 'BEGIN { printf "%.3f", t * f / 100000 }')"
	kill -s KILL $pid 2>/dev/null
	wait $pid 2>/dev/null; st=$?
	n=$(origin_count 3)
	check "SIGKILL at $f% of T: the database is sound" ok "$(integrity "$DB")"
	if [ "$n" = 300 ] || [ "$n" = 100000 ]; then
		tap_ok "SIGKILL at $f% of T: the old or the new content, complete ($n entries, exit $st)"
	else
		tap_fail "SIGKILL at $f% of T: the old or the new content, complete" "$n entries"
	fi
	[ "$n" = 300 ] && [ "$st" -ne 0 ] && mid=$((mid + 1))
	check_status "SIGKILL at $f% of T: lookup still works" 0 $YAKUGO lookup --exact ああああ
done
[ "$mid" -ge 3 ] && tap_ok "at least three kills landed in the middle of an import ($mid)" \
	|| tap_fail "at least three kills landed in the middle of an import" "$mid"
check_status "after the kills, the small file replaces the big one again" 0 \
	$YAKUGO import edict "$TMPD/ed300"
check "... 300 entries" 300 "$(origin_count 3)"

# ---- output errors ------------------------------------------------------------------------
# a full device made here (a container may lack /dev/full), a closed stdout, SIGPIPE
full=
if mknod "$TMPD/full" c 1 7 2>/dev/null; then full=$TMPD/full
elif [ -c /dev/full ]; then full=/dev/full; fi
iconv -f EUC-JP -t UTF-8 < "$TMPD/big" | sed -n '1,20000s/ .*//p' > "$TMPD/kana.txt"
sed 's/^/経済産業省、/' "$TMPD/kana.txt" > "$TMPD/ja.txt"
LC_ALL=C awk 'NR <= 3000 { print "Keizai Sangyōshō, Tsūshō hakusho " NR " (Tokyo, 2023)." }' \
	"$TMPD/kana.txt" > "$TMPD/cites.txt"
sed -n '1,20000s/^.*$/keizai sangyousho/p' "$TMPD/kana.txt" > "$TMPD/romaji.txt"
# run NAME: the command named, reading its input file (stdout is the caller's)
run() {
	case $1 in
	lookup) $YAKUGO lookup --limit 100000 'generated word' ;;
	export) $YAKUGO export --all ;;
	romanize) $YAKUGO romanize < "$TMPD/ja.txt" ;;
	kana) $YAKUGO kana < "$TMPD/romaji.txt" ;;
	cite) $YAKUGO cite < "$TMPD/cites.txt" ;;
	esac
}
for c in lookup export romanize kana cite; do
	if [ -n "$full" ]; then
		out=$(run $c 2>&1 > "$full"); st=$?
		check "$c to a full device: exit 3" 3 "$st"
		check_match "$c to a full device: says so" '^yakugo: .*No space left on device$' "$out"
	fi
	out=$(run $c 2>&1 >&-); st=$?
	check "$c to a closed stdout: exit 3" 3 "$st"
	check_match "$c to a closed stdout: says so" '^yakugo: write error: ' "$out"
	{ run $c 2>"$TMPD/pipe.err"; echo $? > "$TMPD/pipe.st"; } | head -n 1 > /dev/null
	st=$(cat "$TMPD/pipe.st")
	[ "$st" = 141 ] || [ "$st" = 0 ] && tap_ok "$c | head -1: killed by SIGPIPE or done ($st)" \
		|| tap_fail "$c | head -1: killed by SIGPIPE or done" "exit $st"
	check "$c | head -1: quiet" "" "$(cat "$TMPD/pipe.err")"
done

# ---- 8 writers and 2 readers, starting from no user database ------------------------
# every add either succeeds and is there, or fails only by the documented lock timeout
# (exit 3, "database is locked"); every lookup finds the seed entry
C=$TMPD/conc
mkdir "$C"
i=0
for w in 1 2 3 4 5 6 7 8; do
	(
		k=0
		while [ $k -lt 50 ]; do
			n=$(( (w - 1) * 50 + k + 1 ))
			kana=$(sed -n "${n}p" "$TMPD/kana.txt")
			XDG_DATA_HOME=$C $YAKUGO add --kana "$kana" --en "concurrent $n" \
				>>"$C/w$w.out" 2>>"$C/w$w.err" || echo "$n" >> "$C/w$w.fail"
			k=$((k + 1))
		done
	) &
done
for r in 1 2; do
	(
		k=0
		while [ $k -lt 50 ]; do
			XDG_DATA_HOME=$C $YAKUGO lookup --exact Naikakufu >/dev/null 2>>"$C/r$r.err" ||
				echo "$k $?" >> "$C/r$r.fail"
			k=$((k + 1))
		done
	) &
done
wait
fails=$(cat "$C"/w*.fail 2>/dev/null | wc -l | tr -d ' ')
check "8 writers x 50 adds: every add printed an id or failed" 400 \
	$(( $(cat "$C"/w*.out | grep -c '^[0-9][0-9]*$') + fails ))
check "... the only failures say the database is locked" "" \
	"$(cat "$C"/w*.err | grep -v 'database is locked')"
echo "# adds that timed out on the lock: $fails"
check "... every successful add is there" $((400 - fails)) \
	"$(XDG_DATA_HOME=$C $YAKUGO export | grep -c '	concurrent [0-9]*	')"
check "... 400 distinct ids for 400 successes" $((400 - fails)) "$(cat "$C"/w*.out | sort -u | wc -l | tr -d ' ')"
check "2 readers x 50 lookups: none failed" "" "$(cat "$C"/r*.fail "$C"/r*.err 2>/dev/null)"
check "no temporary file is left next to the user database" "" \
	"$(ls -A "$C/yakugo" | grep -v -x -e user.db -e user.db-shm -e user.db-wal)"
check "the user database is private (0600, made by mkstemp)" "-rw-------" \
	"$(ls -l "$C/yakugo/user.db" | cut -c1-10)"

# ---- permissions --------------------------------------------------------------------------
# A user database in a directory this user cannot write (0555; root ignores modes, so
# as root the commands run as nobody): read-only use works, a write says why (exit 3).
P=$TMPD/perm
mkdir -p "$P/yakugo"
XDG_DATA_HOME=$P $YAKUGO add --ja 許可語 --kana きょかご --en 'permission test word' >/dev/null
as_other=
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	   setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$YAKUGO" 2>/dev/null &&
	   setpriv --reuid=65534 --regid=65534 --clear-groups test -r "$YAKUGO_DB" 2>/dev/null; then
		as_other="setpriv --reuid=65534 --regid=65534 --clear-groups"
		chmod 755 "$TMPD"
		chown -R 65534:65534 "$P"
	else
		as_other=skip
	fi
fi
if [ "$as_other" = skip ]; then
	tap_ok "# SKIP root, and nobody cannot run this build (no setpriv, or a private build tree)"
else
	chmod 555 "$P/yakugo"
	out=$($as_other env XDG_DATA_HOME="$P" $YAKUGO lookup --exact 'permission test word' 2>&1); st=$?
	check "read-only user database directory: lookup exits 0" 0 "$st"
	check_match "... and finds the user's entry" '許可語.*user' "$out"
	out=$(echo 許可語 | $as_other env XDG_DATA_HOME="$P" $YAKUGO romanize 2>&1); st=$?
	check "read-only user database directory: romanize uses it (exit 0)" "0 Kyokago" "$st $out"
	out=$($as_other env XDG_DATA_HOME="$P" $YAKUGO export 2>&1); st=$?
	check "read-only user database directory: export exits 0" 0 "$st"
	out=$(echo 'Keizai Sangyōshō, Tsūshō hakusho (Tokyo, 2023).' |
		$as_other env XDG_DATA_HOME="$P" $YAKUGO cite 2>&1 >/dev/null); st=$?
	check "read-only user database directory: cite reads it (exit 0, no warning)" "0 " "$st $out"
	out=$($as_other env XDG_DATA_HOME="$P" $YAKUGO add --kana か 2>&1); st=$?
	check "read-only user database directory: add exits 3" 3 "$st"
	check_match "... and says why" "^yakugo: .*perm/yakugo/user.db: cannot write the database \(.*perm/yakugo: Permission denied\)$" "$out"
	check_status "read-only user database directory: import exits 3" 3 \
		$as_other env XDG_DATA_HOME="$P" $YAKUGO import edict "$TMPD/ed300"
	check "... and nothing was written next to it" "user.db" "$(ls -A "$P/yakugo" | tr '\n' ' ' | sed 's/ $//')"
	chmod 755 "$P/yakugo"
	cp "$YAKUGO_DB" "$TMPD/seed.db"
	chmod 000 "$TMPD/seed.db"
	out=$($as_other env YAKUGO_DB="$TMPD/seed.db" XDG_DATA_HOME="$P" $YAKUGO lookup x 2>&1); st=$?
	check "an unreadable seed database: lookup exits 3" 3 "$st"
	check "... naming the file" "yakugo: $TMPD/seed.db: Permission denied" "$out"
	out=$($as_other env YAKUGO_DB="$TMPD/seed.db" XDG_DATA_HOME="$P" $YAKUGO add --kana か 2>&1); st=$?
	check "an unreadable seed database: add exits 3" 3 "$st"
	out=$(echo 経済 | $as_other env YAKUGO_DB="$TMPD/seed.db" XDG_DATA_HOME="$P" $YAKUGO romanize 2>&1); st=$?
	check "an unreadable seed database: romanize exits 3 (a system error, not bad data)" 3 "$st"
	printf 'msgid ""\nmsgstr ""\n' > "$TMPD/empty.po" && chmod 644 "$TMPD/empty.po"
	check_status "an unreadable seed database: po check exits 3" 3 \
		$as_other env YAKUGO_DB="$TMPD/seed.db" XDG_DATA_HOME="$P" $YAKUGO po check "$TMPD/empty.po"
	chmod 644 "$TMPD/seed.db"
fi
# a read-only mount (root, in a mount namespace of its own)
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	unshare -m sh -c '
		p=$1 out=$2
		mount --bind "$p" "$p" && mount -o remount,bind,ro "$p" || exit 1
		XDG_DATA_HOME=$p "$YAKUGO" lookup --exact "permission test word" >/dev/null 2>"$out.lerr"
		echo $? > "$out.lookup"
		XDG_DATA_HOME=$p "$YAKUGO" add --kana か >/dev/null 2>"$out.err"
		echo $? > "$out.add"' sh "$P" "$TMPD/romount"
	check "read-only mount: lookup exits 0" "0" "$(cat "$TMPD/romount.lookup" "$TMPD/romount.lerr" 2>&1)"
	check "read-only mount: add exits 3" 3 "$(cat "$TMPD/romount.add" 2>&1)"
	check_match "... and says why" "cannot write the database \(Read-only file system\)" \
		"$(cat "$TMPD/romount.err" 2>&1)"
else
	tap_ok "# SKIP a read-only mount needs root and unshare"
fi

# ---- bad locales ----------------------------------------------------------------------
# Japanese in and out under C, POSIX and a locale that is not installed: the same bytes
# as under ja_JP.UTF-8 (or C.UTF-8 where that is not installed)
ref=C.UTF-8
locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\{0,1\}8$' && ref=ja_JP.UTF-8
sed -n 1,200p "$TMPD/ja.txt" > "$TMPD/ja200"
printf '%s\n' '経済産業省「通商白書」2023年。' 'Keizai Sangyōshō, Tsūshō hakusho (Tokyo, 2023).' > "$TMPD/cite2"
# outputs LOCALE-SETTING: every command's stdout and status, one file
outputs() {
	{
		env -u LC_ALL "$@" $YAKUGO lookup 経済産業省; echo "status $?"
		env -u LC_ALL "$@" $YAKUGO lookup 'keizai sangyousho'; echo "status $?"
		env -u LC_ALL "$@" $YAKUGO romanize < "$TMPD/ja200"; echo "status $?"
		env -u LC_ALL "$@" $YAKUGO kana 'Keizai Sangyōshō' kyōto; echo "status $?"
		env -u LC_ALL "$@" $YAKUGO cite < "$TMPD/cite2"; echo "status $?"
	} 2>/dev/null
}
outputs LC_ALL=$ref > "$TMPD/loc.ref"
check_match "the reference output ($ref) has Japanese in it" '経済産業省' "$(cat "$TMPD/loc.ref")"
for l in LANG=C LANG=POSIX LC_ALL=C LANG=xx_XX.UTF-8 LANG=ja_JP.EUC-JP; do
	outputs LANGUAGE= $l > "$TMPD/loc.out"
	if cmp -s "$TMPD/loc.ref" "$TMPD/loc.out"; then tap_ok "$l: the same bytes as $ref"
	else tap_fail "$l: the same bytes as $ref" "$(diff "$TMPD/loc.ref" "$TMPD/loc.out" | head -n 10)"; fi
done

tap_done
