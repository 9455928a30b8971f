#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-lookup.sh: `yakugo lookup` on the real seed database: every kind of query
# finds the right entry first, output formats, --exact, wildcards, FTS5 syntax in
# queries, and bad input (invalid UTF-8, missing, truncated or foreign databases).
. "$top_srcdir/tests/tap.sh"

YAKUGO_USER_DB=$TMPD/no-user.db
export YAKUGO_USER_DB

# first QUERY: the written form of the best result (tsv: header, then rows)
first() {
	"$YAKUGO" lookup --format tsv --limit 1 "$@" 2>&1 | sed -n 2p | cut -f1
}
# why QUERY: the match reason of the best result
why() {
	"$YAKUGO" lookup --format json --limit 1 "$@" | sed -n 's/.*"match":"\([a-z]*\)".*/\1/p'
}

# The examples of the issues, each must find its entry first.
check "written form" "経済産業省" "$(first 経済産業省)"
check "romaji without macrons" "経済産業省" "$(first 'Keizai Sangyosho')"
check "romaji as typed on an IME" "経済産業省" "$(first keizaisangyoushou)"
check "hyphenated romaji" "内閣府" "$(first Naikaku-fu)"
check "ē written for ei" "経済産業省" "$(first 'Kēzai sangyōshō')"
check "doubled vowels for long ones" "経済産業省" "$(first 'Keizai Sangyoo-shoo')"
check "listed variant" "毎日新聞" "$(first 'Mainchii shinbun')"
check "Kunrei-shiki" "毎日新聞" "$(first 'mainiti sinbun')"
check "market name with m before b" "毎日新聞" "$(first 'Mainichi Shimbun')"
check "nn for n" "経団連" "$(first Keidannren)"
check "single consonant for double" "鳥取県" "$(first Totori-ken)"
check "English whole name" "内閣府" "$(first 'Cabinet Office')"
check "English, any case" "内閣府" "$(first 'cabinet office')"
check "English abbreviation" "経済産業省" "$(first METI)"
check "words of the query split over arguments" "内閣府" "$(first Cabinet Office)"
check "hiragana" "経団連" "$(first けいだんれん)"
check "katakana" "経団連" "$(first ケイダンレン)"
check "half-width katakana" "経団連" "$(first ｹｲﾀﾞﾝﾚﾝ)"
check "romaji in capitals" "鳥取県" "$(first TOTTORI-KEN)"
check "fuzzy: one letter off" "鹿島建設" "$(first 'Kajma Kensetsu')"
check "fuzzy: transposed letters" "経済産業省" "$(first 'Kiezai Sangyosho')"
check "prefix, as typed so far" "毎日新聞" "$(first Mainich)"
check "a mistyped beginning" "毎日新聞" "$(first Mainchi)"

# Why each matched.
check "match: ja" "ja" "$(why 経済産業省)"
check "match: kana" "kana" "$(why けいだんれん)"
check "match: romaji" "romaji" "$(why 'Tottori ken')"
check "match: variant" "variant" "$(why 'Mainchii shinbun')"
check "match: normalised" "normalised" "$(why 'Keizai Sangyohsho')"
check "match: english" "english" "$(why METI)"
check "match: fuzzy" "fuzzy" "$(why 'Kiezai Sangyosho')"
check "match: prefix" "prefix" "$(why 'Keizai Sangyo')"
check "match: wildcard" "wildcard" "$(why '毎日*')"

# JSON Lines: one object per result with the documented keys.
out=$("$YAKUGO" lookup --format json METI); st=$?
check "json exits 0" 0 "$st"
line=$(printf '%s\n' "$out" | sed -n 1p)
for key in ja kana romaji en type origin match score market variants note footnotes; do
	check_match "json key $key" "\"$key\":" "$line"
done
check_match "json en is an array with the abbreviation" '"en":\[[^]]*"METI"' "$line"
check_match "json origin is seed" '"origin":"seed"' "$line"
check "json: one line per result" "$(printf '%s\n' "$out" | grep -c '^{')" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')"
check "--limit" 1 "$("$YAKUGO" lookup --format json --limit 1 'Keizai*' | wc -l | tr -d ' ')"

# text: the four faces, no colour when not a terminal
out=$("$YAKUGO" lookup 'Cabinet Office')
check_match "text shows the four faces" '^内閣府 +ないかくふ +Naikakufu +Cabinet Office' "$out"
esc=$(printf '\033')
case $out in *"$esc"*) tap_fail "no colour when not a terminal" ;; *) tap_ok "no colour when not a terminal" ;; esac
out=$("$YAKUGO" lookup --limit 2 METI)
c1=$(printf '%s\n' "$out" | sed -n 1p | awk -F 'Keizai' '{ print $1 }' | wc -m)
c2=$(printf '%s\n' "$out" | sed -n 2p | awk -F 'Keizai' '{ print $1 }' | wc -m)
# Row 1: 経済産業省 (5 wide characters) + けいざい さんぎょうしょう (12 wide + 1 space, 25
# columns); row 2: 経済産業大臣 (6) + けいざい さんぎょう だいじん (13 wide + 2 spaces, 28).
# Aligned by display width, row 1 needs 2 + 3 spaces of padding to row 2's none, so
# 5 + 13 + 5 characters against 6 + 15: two characters more before the romaji.
check "columns aligned by display width" "$((c2 + 2))" "$c1"

# --exact: no normalised or fuzzy matches
check_status "--exact finds the exact romaji" 0 "$YAKUGO" lookup --exact 'Keizai Sangyōshō'
check_status "--exact: no normalised match" 1 "$YAKUGO" lookup --exact 'Keizai Sangyohsho'
check_status "--exact: no fuzzy match" 1 "$YAKUGO" lookup --exact 'Kiezai Sangyosho'
check_status "--exact finds English whole names" 0 "$YAKUGO" lookup --exact METI

# wildcards in any script
check "wildcard after kanji" "毎日新聞" "$(first '毎日*')"
check "? is one character" "鳥取県" "$(first '鳥?県')"
check "wildcard in romaji" "鳥取県" "$(first 'Tottori-k*')"
check_match "wildcard in English" '内閣府' "$("$YAKUGO" lookup 'cabinet off*')"

# FTS5 syntax in a query is text: never an error, never an operator.
for q in '"' '""' 'NEAR' 'NEAR(cabinet office)' 'cabinet -office' '-' ':' 'en:cabinet' \
	'cabinet OR fuji' 'cabinet AND' '^cabinet' 'cab"inet' '(' 'office)' '{en}: cabinet' '+' \
	'cabinet’s office' 'cabinet—office' 'cabinet off**' '*' 'ＮＥＡＲ（cabinet）'; do
	"$YAKUGO" lookup "$q" >/dev/null 2>"$TMPD/err"; st=$?
	if [ "$st" -le 1 ] && [ ! -s "$TMPD/err" ]; then tap_ok "FTS syntax is text: $q"
	else tap_fail "FTS syntax is text: $q" "exit $st: $(cat "$TMPD/err")"; fi
done
check_status "OR is not an operator" 1 "$YAKUGO" lookup --exact 'cabinet OR fujitsu'
check_status "NEAR is not an operator" 1 "$YAKUGO" lookup --exact 'NEAR(cabinet office)'

# Exit statuses and bad input
check_status "nothing found exits 1" 1 "$YAKUGO" lookup 'zzqxj vvkw'
check_status "no query is a usage error" 2 "$YAKUGO" lookup
check_status "bad --format" 2 "$YAKUGO" lookup --format xml METI
check_status "bad --limit" 2 "$YAKUGO" lookup --limit -3 METI
err=$("$YAKUGO" lookup "$(printf 'Kei\377zai')" 2>&1); st=$?
check "invalid UTF-8 in a query exits 2" 2 "$st"
check_match "invalid UTF-8 reported with its byte" '^yakugo: .*invalid UTF-8.* 4$' "$err"
err=$(YAKUGO_DB=$TMPD/missing.db "$YAKUGO" lookup METI 2>&1); st=$?
check "missing database exits 2" 2 "$st"
check_match "missing database named" "^yakugo: $TMPD/missing.db: No such file" "$err"
size=$(wc -c <"$YAKUGO_DB")
head -c $((size / 2)) "$YAKUGO_DB" >"$TMPD/half.db"
err=$(YAKUGO_DB=$TMPD/half.db "$YAKUGO" lookup METI 2>&1); st=$?
check "truncated database exits 2" 2 "$st"
check_match "truncated database: clear message" "^yakugo: $TMPD/half.db: not a yakugo database" "$err"
printf 'ja\tkana\n' >"$TMPD/text.db"
err=$(YAKUGO_DB=$TMPD/text.db "$YAKUGO" lookup METI 2>&1); st=$?
check "a text file as database exits 2" 2 "$st"
check_match "not a database: clear message" "not a yakugo database \(file is not a database\)" "$err"
err=$("$YAKUGO" --db "$TMPD" lookup METI 2>&1); st=$?
check "a directory as database exits 3 (a system error, as for any file argument)" 3 "$st"
check "a directory: clear message" "yakugo: $TMPD: Is a directory" "$err"
if [ "$(id -u)" != 0 ]; then
	cp "$YAKUGO_DB" "$TMPD/locked.db" && chmod 000 "$TMPD/locked.db"
	check_status "unreadable database exits 3 (permission: a system error)" 3 \
		env YAKUGO_DB="$TMPD/locked.db" "$YAKUGO" lookup METI
fi
# a locked database: another process holds an exclusive lock on the seed database;
# lookup waits (busy timeout), then says so and exits 3 like the writing commands
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$YAKUGO_DB" "$TMPD/busy.db"
	check_locked "locked database" "^yakugo: $TMPD/busy.db: database is locked" "$TMPD/busy.db" \
		env YAKUGO_DB="$TMPD/busy.db" "$YAKUGO" lookup METI
	check_status "the database answers once the lock is gone" 0 env YAKUGO_DB="$TMPD/busy.db" "$YAKUGO" lookup METI
else
	tap_ok "# SKIP sqlite3 CLI not installed"
fi
cp "$YAKUGO_DB" "$TMPD/user.db"
check_status "a user database is searched too" 0 env YAKUGO_USER_DB="$TMPD/user.db" "$YAKUGO" lookup METI

# English ranking on the entry's text: a whole name, then the words as a phrase in a
# longer name, then the words scattered in it (the added entries are all user entries)
E=$TMPD/english.db
# (added scattered first, so that id order alone would put it first)
for args in "しけん さん|Shiken San|Sciences and Testing" \
	"しけん いち|Shiken Ichi|Quarterly Review of Testing Sciences" \
	"しけん に|Shiken Ni|Testing Sciences Quarterly"; do
	kana=${args%%|*}; rest=${args#*|}; romaji=${rest%%|*}; en=${rest#*|}
	YAKUGO_USER_DB=$E "$YAKUGO" add --ja 試験 --kana "$kana" --romaji "$romaji" --type term --en "$en" >/dev/null
done
order=$(YAKUGO_USER_DB=$E "$YAKUGO" lookup --format tsv 'testing sciences' | sed 1d | cut -f3 | tr '\n' ',')
check "English: phrase in a longer name before scattered words" "Shiken Ichi,Shiken Ni,Shiken San," "$order"
order=$(YAKUGO_USER_DB=$E "$YAKUGO" lookup --format tsv 'Testing Sciences Quarterly' | sed 1d | cut -f3 | tr '\n' ',')
check "English: the whole name first" "Shiken Ni,Shiken Ichi," "$order"
check "English: the whole name is exact" english \
	"$(YAKUGO_USER_DB=$E "$YAKUGO" lookup --exact --format json 'testing  sciences, quarterly' | sed -n 's/.*"match":"\([a-z]*\)".*/\1/p')"
head -c 5000 "$YAKUGO_DB" >"$TMPD/baduser.db"
check_status "a damaged user database is an error" 2 env YAKUGO_USER_DB="$TMPD/baduser.db" "$YAKUGO" lookup METI
# a query of 15,000 words: FTS5 is given each distinct word once, 32 at most (it read a
# doclist per word: 83 MB for "ministry" 15,000 times beside the seed alone, 164 MB
# beside EDICT); 100 MB of address space is plenty (not under ASan, which needs more)
if grep -q __asan_init "$YAKUGO" 2>/dev/null; then
	tap_ok "# SKIP a memory limit under ASan"
else
	out=$( (ulimit -v 100000; "$YAKUGO" lookup --limit 1 $(yes ministry | head -n 15000)) 2>&1); st=$?
	check "15,000 words in 100 MB: exit 0 (names with the word), no error" 0 "$st"
	check_match "... the result, no message" 'Ministry of' "$out"
	out=$( (ulimit -v 100000; "$YAKUGO" lookup --limit 1 Ministry of Economy, Trade and Industry \
		$(yes Industry | head -n 15000)) 2>&1); st=$?
	check "... and repeated words still find the name" 0 "$st"
fi
# more than 32 distinct words: a name that has them all, whole or as a phrase, is found
long=$(seq 1 40 | sed 's/^/word/' | tr '\n' ' ' | sed 's/ $//')
YAKUGO_USER_DB=$TMPD/long.db "$YAKUGO" add --kana ながい --en "$long" --en "the $long too" >/dev/null
out=$(YAKUGO_USER_DB=$TMPD/long.db "$YAKUGO" lookup --format json "$long")
check_match "a 40-word name is found whole" '"match":"english","score":300' "$out"
out=$(YAKUGO_USER_DB=$TMPD/long.db "$YAKUGO" lookup --format tsv "word40 $(seq 1 39 | sed 's/^/word/' | tr '\n' ' ')")
check "its 40 words in another order: nothing (past 32 words only names and phrases count)" "" "$out"
out=$("$YAKUGO" lookup --help); st=$?
check "--help exits 0" 0 "$st"
check_match "--help shows usage" '^Usage: yakugo lookup' "$out"
tap_done
