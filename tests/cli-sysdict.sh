#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-sysdict.sh: `yakugo build --edict --enamdict --ipadic` on small samples (bad
# lines, evidence, a user's own import beside it), then the system dictionary make
# built (dict/system.db: EDICT and ENAMDICT): lookup finds its words with no import,
# beside the seed glossary and the user's entries; YAKUGO_SYSTEM_DB; a damaged
# system.db is named. That second part is skipped when configure found no EDICT.
. "$top_srcdir/tests/tap.sh"

YAKUGO_USER_DB=$TMPD/user.db
export YAKUGO_USER_DB

# first QUERY...: the written form of the best result
first() {
	"$YAKUGO" lookup --format tsv --limit 1 "$@" 2>&1 | sed -n 2p | cut -f1
}

# A system dictionary built from small samples (tests/data/sysdict-*: EUC-JP, written
# for these tests), with or without the Debian packages: bad lines are reported and
# skipped, and the evidence (IPAdic costs, full names) orders equal matches where id
# order would not (宰相 and 岸太 come first in the files).
D=$top_srcdir/tests/data
out=$("$YAKUGO" build --output "$TMPD/mini.db" --edict "$D/sysdict-edict.txt" \
	--enamdict "$D/sysdict-enamdict.txt" --ipadic "$D/sysdict-ipadic" 2>&1); st=$?
check "build a system dictionary: exit 0 with bad lines" 0 "$st"
check_match "a line that is not an entry: FILE:LINE, skipped" "sysdict-edict\.txt:7: missing ' /'" "$out"
check_match "bytes that are not EUC-JP: FILE:LINE, skipped" "sysdict-edict\.txt:9: not valid EUC-JP" "$out"
check_match "the skipped lines are counted" "mini\.db: 2 lines skipped" "$out"
check "the entries around them are there" "少子化" "$(YAKUGO_SYSTEM_DB=$TMPD/mini.db first --exact 少子化)"
check "full names: 岸田 (2 of them) before 岸太" "岸田" "$(YAKUGO_SYSTEM_DB=$TMPD/mini.db first Kishida)"
check "IPAdic cost: 首相 (3442) before 宰相 (5327)" "首相" "$(YAKUGO_SYSTEM_DB=$TMPD/mini.db first Prime Minister)"
check "two sources agree: 財務省 before 大蔵 (P)" "財務省" "$(YAKUGO_SYSTEM_DB=$TMPD/mini.db first Ministry of Finance)"
check "initials: SDF" "自衛隊" "$(YAKUGO_SYSTEM_DB=$TMPD/mini.db first SDF)"
check "a full name of a known surname and given name: Surname Given" "Kishida Fumio" \
	"$(YAKUGO_SYSTEM_DB=$TMPD/mini.db "$YAKUGO" lookup --format tsv --limit 1 岸田文雄 | sed -n 2p | cut -f3)"
check "its old spelling still finds it" "岸田文雄" "$(YAKUGO_SYSTEM_DB=$TMPD/mini.db first --exact Kishidafumio)"
check "a full name with no known given name keeps its romaji" "Kishidaichirō" \
	"$(YAKUGO_SYSTEM_DB=$TMPD/mini.db "$YAKUGO" lookup --format tsv --limit 1 岸田一郎 | sed -n 2p | cut -f3)"
"$YAKUGO" build --output "$TMPD/mini2.db" --edict "$D/sysdict-edict.txt" >/dev/null 2>&1
check "without --ipadic: no costs, so id order (宰相 first)" "宰相" "$(YAKUGO_SYSTEM_DB=$TMPD/mini2.db first Prime Minister)"
check_status "--ipadic alone is a usage error" 2 "$YAKUGO" build --output "$TMPD/x.db" --ipadic "$D/sysdict-ipadic"
check_status "a missing EDICT file: exit 3" 3 "$YAKUGO" build --output "$TMPD/y.db" --edict "$TMPD/none"
check "and no database is left" "no" "$([ -e "$TMPD/y.db" ] || [ -e "$TMPD/y.db.tmp" ] && echo yes || echo no)"

# A user's own import of a dictionary the system one has: the same word is one result,
# the user's copy
YAKUGO_SYSTEM_DB=$TMPD/mini.db "$YAKUGO" import enamdict "$D/sysdict-enamdict.txt" >/dev/null 2>&1
out=$(YAKUGO_SYSTEM_DB=$TMPD/mini.db "$YAKUGO" lookup --format tsv Kishida | sed 1d | cut -f1 | tr '\n' ,)
check "user import beside the system copy: each word once" "岸田,岸太,岸田文雄,岸田一郎," "$out"
rm -f "$YAKUGO_USER_DB"*

SYSDB=$top_builddir/dict/system.db
if [ ! -f "$SYSDB" ]; then
	echo "# SKIP the rest: no system dictionary (configure found no EDICT or ENAMDICT)"
	tap_done
	exit $?
fi
unset YAKUGO_SYSTEM_DB

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
