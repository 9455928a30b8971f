#!/bin/sh
# tests/cli-sysdict.sh: the system dictionary (dict/system.db: EDICT and ENAMDICT, built
# by make) serves lookup with no import, beside the seed glossary and the user's
# entries; YAKUGO_SYSTEM_DB; a damaged system.db is named. Skipped when configure
# found no EDICT or ENAMDICT.
. "$top_srcdir/tests/tap.sh"

SYSDB=$top_builddir/dict/system.db
if [ ! -f "$SYSDB" ]; then
	echo "1..0 # SKIP no system dictionary: configure found no EDICT or ENAMDICT"
	exit 0
fi
unset YAKUGO_SYSTEM_DB
YAKUGO_USER_DB=$TMPD/user.db
export YAKUGO_USER_DB

# first QUERY...: the written form of the best result
first() {
	"$YAKUGO" lookup --format tsv --limit 1 "$@" 2>&1 | sed -n 2p | cut -f1
}

check "lookup Yomiuri finds 読売新聞 with no import" "読売新聞" "$(first Yomiuri Shinbun)"
check_match "Yomiuri alone lists 読売新聞" "^読売新聞	" "$("$YAKUGO" lookup --format tsv Yomiuri)"
check "the seed glossary still comes first" "経済産業省" "$(first 'Keizai Sangyosho')"
check "an EDICT word" "少子化" "$(first --exact 少子化)"
out=$(YAKUGO_SYSTEM_DB=none "$YAKUGO" lookup --format json Yomiuri 2>&1)
check "YAKUGO_SYSTEM_DB=none: the seed glossary alone" "" "$(printf '%s\n' "$out" | grep -v '"origin":"seed"')"
check "YAKUGO_SYSTEM_DB=none: no EDICT word" "1" "$(YAKUGO_SYSTEM_DB=none "$YAKUGO" lookup --exact 少子化 >/dev/null 2>&1; echo $?)"
printf 'SQLite format 3\000 but cut short' > "$TMPD/bad.db"
out=$(YAKUGO_SYSTEM_DB=$TMPD/bad.db "$YAKUGO" lookup x 2>&1); st=$?
check "a damaged system.db: exit 2" 2 "$st"
check_match "a damaged system.db is named" "bad\.db: not a yakugo database" "$out"
tap_done
