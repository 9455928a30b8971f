#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-ranking.sh: commonness in the ranking, against the real system dictionary
# (EDICT and ENAMDICT built by make): the lookups that ranked wrong without it (the
# usability audit's misses), the merge of one word from several sources, initials,
# stems and spacing. Skipped when configure found no EDICT or ENAMDICT.
. "$top_srcdir/tests/tap.sh"

if [ ! -f "$top_builddir/dict/system.db" ]; then
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
# rank WORD QUERY...: the place of WORD among the results (0: absent)
rank() {
	w=$1; shift
	"$YAKUGO" lookup --format tsv --limit 20 "$@" 2>/dev/null | sed 1d | cut -f1 |
		awk -v w="$w" '$0 == w { print NR; found = 1; exit } END { if (!found) print 0 }'
}
# before A B QUERY...: A ranks above B (both found)
before() {
	a=$1 b=$2; shift 2
	ra=$(rank "$a" "$@"); rb=$(rank "$b" "$@")
	if [ "$ra" -gt 0 ] && { [ "$rb" -eq 0 ] || [ "$ra" -lt "$rb" ]; }; then
		tap_ok "$*: $a ($ra) before $b ($rb)"
	else
		tap_fail "$*: $a ($ra) before $b ($rb)"
	fi
}

# names: how many ENAMDICT full names use a surname
check "Kishida: 岸田 first (30 full names), not 岸太" "岸田" "$(first Kishida)"
check "Kisida (Kunrei): 岸田 first" "岸田" "$(first Kisida)"
check "Ishiba: 石破 first, not 井芝 石羽 石場 石庭" "石破" "$(first Ishiba)"
# English: whole names, the life span of a person aside, macrons folded
check "Shinzo Abe: 安倍晋三 (Shinzō Abe (1954.9-)), not アベノミクス" "安倍晋三" "$(first Shinzo Abe)"
check "Abe Shinzo: the romaji of 安倍晋三" "安倍晋三" "$(first Abe Shinzo)"
check "安倍晋三 is romanized Surname Given" "Abe Shinzō" \
	"$("$YAKUGO" lookup --format tsv --limit 1 --exact 安倍晋三 | sed -n 2p | cut -f3)"
# commonness: IPAdic's cost (首相 3442, 宰相 5327), sources that agree
check "Prime Minister: 首相 first" "首相" "$(first Prime Minister)"
before 首相 宰相 Prime Minister
check "Ministry of Finance: 財務省 first (EDICT and ENAMDICT agree)" "財務省" "$(first Ministry of Finance)"
before 財務省 大蔵 Ministry of Finance
check "syusyou: 首相 first among しゅしょう" "首相" "$(first syusyou)"
# A of B = B A; initials; spacing, hyphens and plurals
check "University of Tokyo: 東京大学 (Tokyo University)" "東京大学" "$(first University of Tokyo)"
before 東京大学 山口東京理科大学 University of Tokyo
check "SDF: 自衛隊 (Self-Defense Force)" "自衛隊" "$(first SDF)"
check "sdf: initials in any case" "自衛隊" "$(first sdf)"
check "declining birthrate: 少子化 (declining birth rates)" "少子化" "$(first declining birthrate)"
check "Self Defense Force: spacing for a hyphen" "自衛隊" "$(first Self Defense Force)"
check "Self-Defense Forces: a plural" "自衛隊" "$(first Self-Defense Forces)"
before 出産率 少子高齢化 birth rate # 出産率 "birthrate": a whole name written solid

# one result per word: sources merged, each source's senses kept
out=$("$YAKUGO" lookup --limit 20 --format tsv Ministry of Finance | sed 1d | cut -f1 | grep -c '^財務省$')
check "財務省 is one result, not one per source" 1 "$out"
out=$("$YAKUGO" lookup --limit 1 Ministry of Finance)
check_match "text output names both sources" "\[term, edict\+enamdict, english\]" "$out"
check_match "and the other source's senses" "^    enamdict organisation: Ministry of Finance$" "$out"
out=$("$YAKUGO" lookup --limit 1 --format json Ministry of Finance)
check_match "JSON keeps the old keys" '^\{"ja":"財務省","kana":"ざいむしょう","romaji":"[^"]*","en":\["Ministry of Finance"\],"type":"term","origin":"edict",' "$out"
check_match "JSON lists the sources with their senses" '"sources":\[\{"origin":"edict","type":"term","en":\["Ministry of Finance"\],"note":null,"common":false\},\{"origin":"enamdict","type":"organisation","en":\["Ministry of Finance"\]' "$out"
# the seed glossary stays first for its own terms, with the dictionaries beside it
out=$("$YAKUGO" lookup --limit 1 'Keizai Sangyosho')
check_match "a seed term merged with its EDICT and ENAMDICT copies" "\[ministry, seed\+edict\+enamdict, variant\]" "$out"
tap_done
