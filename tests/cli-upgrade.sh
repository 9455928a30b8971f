#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-upgrade.sh: a user database of the previous schema (2: a rowid table of
# keys with its own index, positions in the English index; tests/data/schema2-user.db
# was made by that yakugo with `add` and `remove`) is read as it is by lookup, and
# upgraded in place by the next writing command: every kind of match still works
# before and after, and entries added, removed and imported afterwards behave.
. "$top_srcdir/tests/tap.sh"

cp "$top_srcdir/tests/data/schema2-user.db" "$TMPD/user.db"
chmod u+w "$TMPD/user.db"
YAKUGO_USER_DB=$TMPD/user.db
export YAKUGO_USER_DB
version() { sqlite3 "$YAKUGO_USER_DB" 'PRAGMA user_version'; }
have_sqlite3=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite3=1

# first QUERY: the written form, origin and match reason of the best result
first() {
	"$YAKUGO" lookup --format json --limit 1 "$@" 2>&1 |
		sed -n 's/^{"ja":"\([^"]*\)".*"origin":"\([a-z]*\)","match":"\([a-z]*\)".*/\1 \2 \3/p'
}

# every kind of match on the user's entries, WHEN (before or after the upgrade)
matches() {
	check "$1: English whole name" "試験建設 user english" "$(first 'test construction corporation')"
	check "$1: English words in a longer name" "架空新聞 user english" "$(first 'imaginary news')"
	check "$1: romaji" "試験建設 user romaji" "$(first 'Shiken Kensetsu')"
	check "$1: normalised romaji" "架空新聞 user normalised" "$(first 'kakuu sinbun')"
	check "$1: market name" "試験建設 user english" "$(first Shiken)"
	check "$1: kana" "架空新聞 user kana" "$(first かくうしんぶん)"
	check "$1: fuzzy" "試験建設 user fuzzy" "$(first 'Shiken Kensetzu')"
	check "$1: wildcard" "架空新聞 user wildcard" "$(first 'kakuu shinbu*')"
	check "$1: the seed is searched too" "経済産業省 seed ja" "$(first 経済産業省)"
	check_status "$1: a removed entry stays removed" 1 "$YAKUGO" lookup --exact 'Test University'
}

[ $have_sqlite3 = 1 ] && check "the fixture is schema 2" 2 "$(version)"
matches "schema 2, read as it is"
[ $have_sqlite3 = 1 ] && check "lookup does not upgrade it" 2 "$(version)"

id=$("$YAKUGO" add --ja 新試験 --kana 'しん しけん' --romaji 'Shin Shiken' --type term --en 'New Trial'); st=$?
check "a writing command upgrades it: exit 0" 0 "$st"
[ $have_sqlite3 = 1 ] && check "now schema 4" 4 "$(version)"
[ $have_sqlite3 = 1 ] && check "integrity check" ok "$(sqlite3 "$YAKUGO_USER_DB" 'PRAGMA integrity_check')"
matches "schema 4, upgraded"
check "the new entry is found" "新試験 user romaji" "$(first 'Shin Shiken')"
check "the new entry is found fuzzily" "新試験 user fuzzy" "$(first 'Shin Shikem')"

# removing an old entry removes its keys: no exact, normalised or fuzzy match is left
check_status "remove an entry of the old schema" 0 "$YAKUGO" remove 1
check_status "... gone by romaji" 1 "$YAKUGO" lookup --exact 'Shiken Kensetsu'
out=$("$YAKUGO" lookup --format json 'Shiken Kensetzu' 2>&1)
case $out in *試験建設*) tap_fail "... gone fuzzily" "$out" ;; *) tap_ok "... gone fuzzily" ;; esac
check_status "edit the new entry" 0 "$YAKUGO" edit "$id" --romaji 'Shin Shiken' --en 'Newer Trial'
check "... its new English name is found" "新試験 user english" "$(first 'newer trial')"
check_status "... its old one is gone" 1 "$YAKUGO" lookup --exact 'New Trial'
check "... its key was replaced, not doubled" 1 \
	"$("$YAKUGO" lookup --format json 'Shin Shiken' | grep -c '新試験')"

# a dictionary imported into the upgraded database, twice: the second replaces the first
ED=/usr/share/edict/edict
if [ -r "$ED" ]; then
	sed -n '1p;30000,30199p' "$ED" > "$TMPD/ed"
	w=$(sed -n 30100p "$ED" | iconv -f EUC-JP -t UTF-8 | cut -d' ' -f1)
	check_status "import edict into it" 0 "$YAKUGO" import edict "$TMPD/ed"
	check_status "... an imported word is found ($w)" 0 "$YAKUGO" lookup --exact "$w"
	n1=$("$YAKUGO" lookup --exact --format json "$w" | grep -c '"origin":"edict"')
	check_status "import it again" 0 "$YAKUGO" import edict "$TMPD/ed"
	check "... replaced, not doubled" "$n1" \
		"$("$YAKUGO" lookup --exact --format json "$w" | grep -c '"origin":"edict"')"
	check "... the user's entries are still there" "架空新聞 user romaji" "$(first 'Kakū Shinbun')"
	[ $have_sqlite3 = 1 ] && check "... integrity check" ok "$(sqlite3 "$YAKUGO_USER_DB" 'PRAGMA integrity_check')"
	[ $have_sqlite3 = 1 ] && check "... every key has its entry" 0 \
		"$(sqlite3 "$YAKUGO_USER_DB" 'SELECT count(*) FROM fold WHERE kid / 16 NOT IN (SELECT id FROM entry)')"
else
	tap_ok "# SKIP the Debian package edict is not installed"
fi
tap_done
