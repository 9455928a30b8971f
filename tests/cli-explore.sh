#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-explore.sh: yakugo explore driven in a real terminal: tmux runs it, send-keys
# types, capture-pane reads the screen. Search as you type, the detail pane, Tab through
# the romaji systems, resize, a too-small terminal, add/edit/delete a user entry, help,
# NO_COLOR, the same walk in Japanese, and the refusal when stdout is not a terminal.
. "$top_srcdir/tests/tap.sh"

# not a terminal: a clear message and exit 2 (no tmux needed)
"$YAKUGO" explore </dev/null >"$TMPD/out" 2>"$TMPD/err"; st=$?
check "not a terminal: exit 2" 2 "$st"
check_match "not a terminal: says so" '^yakugo: explore needs a terminal' "$(cat "$TMPD/err")"
check "not a terminal: nothing on stdout" "" "$(cat "$TMPD/out")"
out=$("$YAKUGO" explore --help); st=$?
check "explore --help exits 0" 0 "$st"
check_match "explore --help shows the usage" '^Usage: yakugo explore' "$out"
check_status "explore with two queries: usage error" 2 "$YAKUGO" explore a b

if ! command -v tmux >/dev/null 2>&1; then
	tap_fail "tmux is installed (quickstart.sh installs it)"
	tap_done
	exit 1
fi

SOCK=yakugo-test-$$
T() { tmux -u -f /dev/null -L "$SOCK" "$@"; }
trap 'T kill-server >/dev/null 2>&1; rm -rf "$TMPD"' EXIT
XDG=$TMPD/xdg
unset YAKUGO_USER_DB

# start SESSION COLS ROWS ENV...: runs the explorer in a new tmux session; its exit
# status lands in $TMPD/SESSION.rc.
start() {
	s=$1 w=$2 h=$3
	shift 3
	T new-session -d -s "$s" -x "$w" -y "$h" \
		"env YAKUGO_DB='$YAKUGO_DB' XDG_DATA_HOME='$XDG' YAKUGO_LOCALEDIR='$YAKUGO_LOCALEDIR' LANGUAGE= $* '$YAKUGO' explore 2>'$TMPD/$s.err'; echo \$? >'$TMPD/$s.rc'"
}
# screen SESSION [LINE]: the pane's text (one line of it)
screen() {
	if [ -n "${2-}" ]; then
		T capture-pane -p -t "$1" 2>/dev/null | sed -n "$2p"
	else
		T capture-pane -p -t "$1" 2>/dev/null
	fi
}
# expect NAME SESSION LINE|"" MODE PATTERN: waits (10 s at most, polling) until the
# screen (or that line) matches PATTERN (MODE -E: extended regexp, -F: fixed string).
expect() {
	name=$1 s=$2 line=$3 mode=$4 pat=$5 i=0
	while [ $i -lt 100 ]; do
		scr=$(screen "$s" "$line")
		if printf '%s\n' "$scr" | grep -q "$mode" -- "$pat"; then
			tap_ok "$name"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	tap_fail "$name" "pattern ($mode): $pat
screen:
$(screen "$s")"
	return 1
}
# expect_rc NAME SESSION STATUS: waits until the explorer exited with STATUS
expect_rc() {
	i=0
	while [ $i -lt 100 ] && [ ! -s "$TMPD/$2.rc" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	check "$1" "$3" "$(cat "$TMPD/$2.rc" 2>/dev/null)"
}
keys() { s=$1; shift; T send-keys -t "$s" "$@"; }
type_text() { T send-keys -t "$1" -l "$2"; }

# ---- the walk in English --------------------------------------------------------
start en 120 40 LC_ALL=C.UTF-8 NO_COLOR=1
expect "explorer starts with a search line" en 2 -E '^ Search:'
expect "empty query lists the glossary" en 4 -E '[^ ]'
first=$(screen en 4)
keys en Escape NPage NPage
i=0
while [ $i -lt 50 ] && [ "$(screen en 4)" = "$first" ]; do sleep 0.1; i=$((i + 1)); done
if [ "$(screen en 4)" != "$first" ] && [ -n "$(screen en 4)" ]; then tap_ok "PgDn scrolls the list"; else tap_fail "PgDn scrolls the list" "$(screen en)"; fi
keys en PPage PPage
expect "PgUp scrolls back to the first entry" en 4 -F "$first"
keys en /
type_text en "毎日"
expect "typing the start of a written form (毎日) lists 毎日新聞" en "" -E '^ 毎日新聞 '
keys en C-u
type_text en "Sanuki"
expect "a term not yet in the glossary is not listed" en 2 -F 'Search: Sanuki'
sleep 0.3
check "...and 讃岐うどん is absent" "" "$(screen en | grep -F 讃岐うどん)"
keys en C-u
type_text en "Mainchii"
expect "typing Mainchii shows 毎日新聞 first" en 4 -E '^ 毎日新聞 '
expect "results count in the title bar" en 1 -E '[0-9]+ results?$'
expect "the list shows the Hepburn romaji" en 4 -F 'Mainichi shinbun'
keys en Enter
expect "Enter opens the detail pane: market name" en "" -E '^  Market name +Mainichi Shimbun$'
expect "detail pane: English names, separated by | as in the form" en "" -E '^  English +Mainichi Shimbun \| The Mainichi'
expect "detail pane: variants" en "" -F 'Mainchii shinbun'
expect "detail pane: origin" en "" -E '^  Origin +seed glossary'
expect "detail pane: romaji in every system" en "" -E '^  Kunrei +Mainiti sinbun'
expect "detail pane: seed footnotes" en "" -E '^  Seed footnotes +[0-9]'
keys en Tab Tab
expect "Tab Tab: the title bar names Kunrei" en 1 -F 'Romaji: Kunrei'
expect "Tab Tab: the list shows Kunrei romaji" en 4 -F 'Mainiti sinbun'
expect "Tab Tab: the detail pane marks Kunrei" en "" -E '^> Kunrei +Mainiti sinbun'
keys en BTab BTab
expect "Shift-Tab goes back to Hepburn" en 1 -F 'Romaji: Hepburn'

T resize-window -t en -x 80 -y 24
expect "resize: the status bar is on the new last line" en 24 -F 'q: quit'
expect "resize: the title bar fits the new width" en 1 -E '^.{60,80}$'
expect "resize: the detail pane is still there" en "" -F 'Mainichi Shimbun'
T resize-window -t en -x 10 -y 5
expect "10x5: a too-small message" en "" -F 'too small'
check "10x5: no list drawn into it" "" "$(screen en | grep -F 毎日)"
T resize-window -t en -x 120 -y 40
expect "back to 120x40: the list is redrawn" en 4 -E '^ 毎日新聞 '

# add a user entry: a wrong romaji is refused as `yakugo add` refuses it, then fixed
keys en a
expect "a opens the add form" en 1 -F 'Add a user entry'
type_text en "讃岐うどん"; keys en Tab
type_text en "さぬきうどん"; keys en Tab
type_text en "Sanuki odon"; keys en Tab
type_text en "term"; keys en Tab
type_text en "Sanuki udon"
keys en Enter
expect "a romaji that does not match the kana is refused" en "" -F "does not match the kana"
expect "...and the form stays open" en 1 -F 'Add a user entry'
keys en Up Up C-u
type_text en "Sanuki udon"
keys en Enter
expect "the entry is added" en "" -F 'Added 讃岐うどん.'
check "the user database was created under XDG_DATA_HOME" yes "$(test -f "$XDG/yakugo/user.db" && echo yes)"
keys en /
keys en C-u
type_text en "Sanuki"
expect "the new entry is findable at once" en 4 -E '^ 讃岐うどん '
keys en Enter
expect "its origin is the user" en "" -E '^  Origin +user entry'

# edit it
keys en e
expect "e opens the edit form" en 1 -F 'Edit a user entry'
expect "the form holds the entry" en "" -F 'さぬきうどん'
keys en Down Down Down Down C-u
type_text en "Sanuki noodles"
keys en Enter
expect "the entry is saved" en "" -F 'Saved 讃岐うどん.'
expect "the detail pane shows the edit" en "" -E '^  English +Sanuki noodles'

# delete it (asks first)
keys en d
expect "d asks first" en "" -F '(y/n)'
keys en n
expect "n keeps it" en "" -F 'Not deleted.'
keys en d
expect "d asks again" en "" -F '(y/n)'
keys en y
expect "y deletes it" en "" -F 'Deleted.'
sleep 0.3
check "the deleted entry is gone from the list" "" "$(screen en | grep -F 讃岐うどん)"

# a seed entry cannot be edited
keys en / C-u
type_text en "Mainchii"
expect "search again" en 4 -E '^ 毎日新聞 '
keys en Escape e
expect "e on a seed entry explains itself" en "" -F 'Only user entries can be edited'

keys en ?
expect "? shows the help" en "" -F 'Press any key to go back.'
keys en Space
expect "a key leaves the help" en 2 -E '^ Search:'
keys en q
expect_rc "q quits with status 0" en 0
check "no messages on stderr" "" "$(cat "$TMPD/en.err" 2>/dev/null)"

# ---- a terminal too small from the start -------------------------------------
start small 10 5 LC_ALL=C.UTF-8 NO_COLOR=1
expect "a 10x5 terminal gets a too-small message" small "" -F 'too small'
keys small q
expect_rc "q quits the too-small screen" small 0

# ---- a locale that does not exist: English, and Japanese text still drawn ----------
start nolocale 100 30 LC_ALL=xx_YY.UTF-8 NO_COLOR=1
expect "unknown locale: English labels" nolocale 2 -E '^ Search:'
type_text nolocale "Naikakufu"
expect "unknown locale: Japanese text drawn as UTF-8" nolocale 4 -E '^ 内閣府 '
keys nolocale Escape q
expect_rc "unknown locale: quits with status 0" nolocale 0

# ---- colours: NO_COLOR turns them off ------------------------------------------
esc=$(printf '\033')
start color 100 30 LC_ALL=C.UTF-8 TERM=screen NO_COLOR=
expect "colour run starts" color 2 -E '^ Search:'
check_match "without NO_COLOR the bars are coloured" "$esc\\[([0-9;]*;)?4[0-7](;[0-9;]*)?m" "$(T capture-pane -e -p -t color)"
keys color Escape q
expect_rc "colour run quits" color 0
start mono 100 30 LC_ALL=C.UTF-8 TERM=screen NO_COLOR=1
expect "NO_COLOR run starts" mono 2 -E '^ Search:'
scr=$(T capture-pane -e -p -t mono)
if printf '%s\n' "$scr" | grep -Eq "$esc\\[([0-9;]*;)?[34][0-7](;[0-9;]*)?m"; then
	tap_fail "NO_COLOR: no colour escapes" "$scr"
else
	tap_ok "NO_COLOR: no colour escapes"
fi
check_match "NO_COLOR: the title bar is in reverse video" "$esc\\[([0-9;]*;)?7(;[0-9;]*)?m" "$scr"
keys mono Escape q
expect_rc "NO_COLOR run quits" mono 0

# ---- long fields, glosses with ';', a long query, a dumb terminal (issue 13) ------------
XDG=$TMPD/xdg-long
note=$(printf 'あ%.0s' $(seq 200))   # 600 bytes
gloss="Taisei Corporation; formerly Okura Doboku, the builder of $(printf 'x%.0s' $(seq 480))" # > 511 bytes
entry() { "$YAKUGO" --db "$YAKUGO_DB" lookup -e --format json 大成建設 2>/dev/null | XDG_DATA_HOME=$XDG jq -c "$1"; }
start long 120 40 LC_ALL=C.UTF-8 NO_COLOR=1
expect "long: explorer starts" long 2 -E '^ Search:'
keys long Escape a
expect "long: the form says how English glosses are separated" long "" -F 'English (a | b)'
type_text long "大成建設"; keys long Tab
type_text long "たいせい けんせつ"; keys long Tab Tab
type_text long "company"; keys long Tab
type_text long "$gloss | Taisei"; keys long Tab Tab Tab
type_text long "$note"
keys long Enter
expect "long: the entry is added" long "" -F 'Added 大成建設.'
export XDG_DATA_HOME="$XDG"
check "long: two glosses, split at '|' only (';' and ',' are part of a gloss)" "[\"$gloss\",\"Taisei\"]" "$(entry .en)"
check "long: a 600-byte note is kept whole" 600 "$(entry '.note | utf8bytelength')"
# edit and save unchanged: nothing is cut or split on the way through the form
keys long / C-u
type_text long "大成建設"
expect "long: the entry is found" long 4 -E '^ 大成建設 '
keys long Escape e
expect "long: e opens the edit form" long 1 -F 'Edit a user entry'
keys long Enter
expect "long: saved unchanged" long "" -F 'Saved 大成建設.'
check "long: the glosses survive an edit" "[\"$gloss\",\"Taisei\"]" "$(entry .en)"
check "long: the note survives an edit" 600 "$(entry '.note | utf8bytelength')"
unset XDG_DATA_HOME
keys long q
expect_rc "long: q quits with status 0" long 0
check "long: no messages on stderr" "" "$(cat "$TMPD/long.err" 2>/dev/null)"

# a 600-byte query (200 kanji): never cut inside a character, no ICU error on the screen
q=$(printf '経済産業省%.0s' $(seq 40))
T new-session -d -s longq -x 120 -y 30 \
	"env YAKUGO_DB='$YAKUGO_DB' XDG_DATA_HOME='$XDG' LC_ALL=C.UTF-8 NO_COLOR=1 '$YAKUGO' explore '$q' 2>'$TMPD/longq.err'; echo \$? >'$TMPD/longq.rc'"
expect "600-byte query: the search line shows its end" longq 2 -E '経済産業省 *$'
sleep 0.3
check "600-byte query: no ICU error on the screen" "" "$(screen longq | grep -i 'ICU\|failed')"
keys longq q
expect_rc "600-byte query: q quits with status 0" longq 0
check "600-byte query: nothing on stderr" "" "$(cat "$TMPD/longq.err" 2>/dev/null)"
T new-session -d -s badq -x 80 -y 24 \
	"env YAKUGO_DB='$YAKUGO_DB' XDG_DATA_HOME='$XDG' LC_ALL=C.UTF-8 '$YAKUGO' explore \"\$(printf 'ab\\377')\" 2>'$TMPD/badq.err'; echo \$? >'$TMPD/badq.rc'"
expect_rc "a query that is not UTF-8: exit 2" badq 2
check_match "a query that is not UTF-8: says so" 'not valid UTF-8' "$(cat "$TMPD/badq.err")"

# TERM=dumb cannot move the cursor: a clear refusal, exit 2
start dumb 80 24 LC_ALL=C.UTF-8 TERM=dumb
expect_rc "TERM=dumb: exit 2" dumb 2
check_match "TERM=dumb: the message names the terminal type and what to do" \
	"^yakugo: the terminal type 'dumb' cannot move the cursor.*TERM=xterm" "$(cat "$TMPD/dumb.err")"
XDG=$TMPD/xdg

# ---- the same walk in Japanese ---------------------------------------------------------
# Each Japanese label is asserted only when po/ja.po translates its msgid (the catalogue
# is completed at the end); until then the assertion is skipped, never faked.
if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	ja() { TEXTDOMAINDIR="$YAKUGO_LOCALEDIR" LC_ALL=ja_JP.UTF-8 LANGUAGE= gettext yakugo "$1"; }
	# expect_ja NAME SESSION MSGID: the screen shows MSGID's Japanese translation
	expect_ja() {
		tr=$(ja "$3")
		if [ "$tr" = "$3" ]; then
			tap_ok "$1 # SKIP po/ja.po does not translate \"$3\" yet"
		else
			expect "$1" "$2" "" -F "$tr"
		fi
	}
	start ja 120 40 LC_ALL=ja_JP.UTF-8 NO_COLOR=1
	expect "Japanese: explorer starts" ja 4 -E '[^ ]'
	expect_ja "Japanese: search label" ja "Search:"
	expect_ja "Japanese: column heading" ja "Written"
	type_text ja "Mainchii"
	expect "Japanese: typing Mainchii shows 毎日新聞 first" ja 4 -E '^ 毎日新聞 '
	keys ja Enter
	expect "Japanese: the detail pane shows Mainichi Shimbun" ja "" -F 'Mainichi Shimbun'
	expect_ja "Japanese: detail label" ja "Market name"
	expect_ja "Japanese: romaji section" ja "Romaji in every system (Tab cycles):"
	keys ja Tab Tab
	expect "Japanese: Tab changes the romaji system" ja 4 -F 'Mainiti sinbun'
	expect_ja "Japanese: system name" ja "Kunrei"
	keys ja a
	expect_ja "Japanese: the add form" ja "Add a user entry"
	expect_ja "Japanese: the form's English field and its separator" ja "English (a | b)"
	keys ja Escape
	expect_ja "Japanese: the form's cancel message" ja "Cancelled."
	keys ja ?
	expect_ja "Japanese: the help" ja "Press any key to go back."
	keys ja Space q
	expect_rc "Japanese: q quits with status 0" ja 0
else
	tap_fail "ja_JP.UTF-8 locale present (quickstart.sh generates it)"
fi
tap_done
