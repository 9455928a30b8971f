#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-main.sh: the global command line: --help, --version, usage errors, Japanese.
. "$top_srcdir/tests/tap.sh"

out=$("$YAKUGO" --help); st=$?
check "--help exits 0" 0 "$st"
check_match "--help lists commands" '^Commands:' "$out"
out=$("$YAKUGO" --version)
check_match "--version prints the version" '^yakugo [0-9]+\.[0-9]+' "$out"
check_match "--version names the licence (GNU format)" "^License GPLv3\+" "$out"
check_match "--version says there is no warranty" "NO WARRANTY" "$out"
check "the licence text is in the source tree" "GNU GENERAL PUBLIC LICENSE" "$(sed -n 1p "$top_srcdir/COPYING" | tr -s " " | sed "s/^ //")"
err=$("$YAKUGO" frobnicate 2>&1 >/dev/null); st=$?
check "unknown command exits 2" 2 "$st"
check_match "unknown command says so" "^yakugo: unknown command 'frobnicate'" "$err"
check_match "usage error points to --help" "Try 'yakugo --help'" "$err"
err=$("$YAKUGO" lokup METI 2>&1 >/dev/null); st=$?
check "a mistyped command exits 2" 2 "$st"
check_match "a mistyped command: did you mean" "unknown command 'lokup'; did you mean 'lookup'\?" "$err"
check_match "the beginning of one command: did you mean" "did you mean 'romanize'" "$("$YAKUGO" rom 2>&1)"
check_match "nothing close: no suggestion" "^yakugo: unknown command 'xx'\$" "$("$YAKUGO" xx 2>&1 | head -1)"
cmds=$("$YAKUGO" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
check "--help lists the commands sorted" "$(printf '%s\n' "$cmds" | LC_ALL=C sort)" "$cmds"
check_status "no command exits 2" 2 "$YAKUGO"
check_status "bad global option exits 2" 2 "$YAKUGO" --frob
if [ -w /dev/full ]; then
	"$YAKUGO" --help >/dev/full 2>"$TMPD/err"; st=$?
	check "write error on stdout exits 3" 3 "$st"
	check_match "write error reported" 'write error' "$(cat "$TMPD/err")"
fi
# Japanese: the catalogue from po/ja.po, under a Japanese locale.
if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	out=$(LC_ALL=ja_JP.UTF-8 "$YAKUGO" --help)
	check_match "--help in Japanese" '^使い方: yakugo' "$out"
	check_match "command list heading in Japanese" '^コマンド:' "$out"
	err=$(LC_ALL=ja_JP.UTF-8 "$YAKUGO" frobnicate 2>&1)
	check_match "usage error in Japanese" "不明なコマンド" "$err"
	# No variable needed: the build tree's yakugo finds the build tree's catalogue, as it
	# finds dict/yakugo.db.
	out=$(env -u YAKUGO_LOCALEDIR LC_ALL=ja_JP.UTF-8 "$YAKUGO" --help)
	check_match "the build tree's yakugo speaks Japanese without YAKUGO_LOCALEDIR" '^使い方: yakugo' "$out"
else
	tap_fail "ja_JP.UTF-8 locale present (quickstart.sh generates it)"
fi
# The program split (src/commands.h): every command --help lists runs, built in or as its
# helper program yakugo-NAME, and answers its own --help.
cmds=$("$YAKUGO" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
check "--help lists all 12 commands" 12 "$(printf '%s\n' $cmds | wc -l)"
for c in $cmds; do
	out=$("$YAKUGO" "$c" --help 2>&1); st=$?
	check "yakugo $c --help exits 0" 0 "$st"
	check_match "yakugo $c --help shows its usage" "^Usage: yakugo $c" "$out"
done
out=$(LC_ALL=ja_JP.UTF-8 "$YAKUGO" romanize --help 2>&1)
check_match "a helper speaks Japanese too" '^使い方: yakugo romanize' "$out"
# The global --db reaches a helper program (as $YAKUGO_DB, which --db overrides).
out=$(YAKUGO_DB=/nonexistent/none.db "$YAKUGO" --db "$YAKUGO_DB" po export 2>&1); st=$?
check "--db reaches a helper: exit 0" 0 "$st"
check_match "--db reaches a helper: the glossary is read" '^msgid "Ministry of Economy, Trade and Industry"' "$out"
# A missing helper program is named, with where yakugo looked.
mkdir "$TMPD/nolibexec"
err=$(YAKUGO_LIBEXECDIR="$TMPD/nolibexec" "$YAKUGO" romanize </dev/null 2>&1); st=$?
check "missing helper program exits 3" 3 "$st"
check_match "missing helper program is named" "^yakugo: the command 'romanize' needs the program yakugo-romanize, not found in $TMPD/nolibexec" "$err"
out=$(YAKUGO_LIBEXECDIR="$TMPD/nolibexec" "$YAKUGO" lookup METI 2>&1); st=$?
check "built-in commands need no helper" 0 "$st"
# The light commands start fast because yakugo itself loads no heavy library (glibc's
# loader lists what it would load; skipped where it does not).
libs=$(LD_TRACE_LOADED_OBJECTS=1 "$YAKUGO" 2>/dev/null)
if printf '%s\n' "$libs" | grep -q 'libsqlite3'; then
	heavy=$(printf '%s\n' "$libs" | grep -E 'libmecab|libncurses|libtinfo|libxml2|libjansson|libbtparse|libgettextpo' | awk '{ print $1 }' | tr '\n' ' ')
	check "yakugo links no heavy library" "" "$heavy"
else
	tap_ok "yakugo links no heavy library # SKIP no glibc loader trace"
fi

out=$(LC_ALL=xx_YY.UTF-8 "$YAKUGO" --help 2>&1)
check_match "unknown locale falls back to English" '^Usage: yakugo' "$out"
# One way to say a usage error, for every command: "yakugo: CMD: unrecognized option
# '--bogus'" then "Try 'yakugo CMD --help' for more information.", exit 2.
for c in $(LC_ALL=C "$YAKUGO" --help | sed -n 's/^  \([a-z][a-z]*\)  *[^ -].*/\1/p'); do
	err=$("$YAKUGO" "$c" --bogus </dev/null 2>&1 >/dev/null); st=$?
	check "$c --bogus: exit 2" 2 "$st"
	check "$c --bogus: the one wording" "yakugo: $c: unrecognized option '--bogus'
Try 'yakugo $c --help' for more information." "$err"
done
err=$("$YAKUGO" lookup --limit 2>&1 >/dev/null)
check "an option without its argument" "yakugo: lookup: option '--limit' requires an argument
Try 'yakugo lookup --help' for more information." "$err"
err=$("$YAKUGO" kana -z 2>&1 >/dev/null)
check "an unknown short option" "yakugo: kana: invalid option -- 'z'
Try 'yakugo kana --help' for more information." "$err"
err=$("$YAKUGO" lookup --exact=yes METI 2>&1 >/dev/null)
check "an argument to an option that takes none" "yakugo: lookup: option '--exact' doesn't allow an argument
Try 'yakugo lookup --help' for more information." "$err"
# Colour: lookup colours a terminal unless NO_COLOR or TERM=dumb; --color decides alone.
esc=$(printf '\033')
out=$("$YAKUGO" lookup --color=always --limit 1 METI)
check_match "--color=always colours a pipe" "$esc\\[" "$out"
out=$(env -u NO_COLOR "$YAKUGO" lookup --color=never --limit 1 METI)
case $out in *"$esc["*) tap_fail "--color=never: no escapes" "$out" ;; *) tap_ok "--color=never: no escapes" ;; esac
check_status "--color with another word is a usage error" 2 "$YAKUGO" lookup --color=sometimes METI
if command -v script >/dev/null 2>&1; then
	tty_out() { # tty_out ENV...: lookup METI on a pseudo-terminal
		script -qec "env $* '$YAKUGO' lookup --limit 1 METI" /dev/null 2>/dev/null
	}
	case $(tty_out -u NO_COLOR TERM=xterm) in *"$esc["*) tap_ok "a terminal gets colour" ;;
		*) tap_fail "a terminal gets colour" ;; esac
	case $(tty_out -u NO_COLOR TERM=dumb) in *"$esc["*) tap_fail "TERM=dumb gets no colour" ;;
		*) tap_ok "TERM=dumb gets no colour" ;; esac
	case $(tty_out NO_COLOR=1 TERM=xterm) in *"$esc["*) tap_fail "NO_COLOR gets no colour" ;;
		*) tap_ok "NO_COLOR gets no colour" ;; esac
fi
tap_done
