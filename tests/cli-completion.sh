#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-completion.sh: the bash completion (completion/yakugo) run in bash with
# bash-completion's own library: commands, options from each command's --help, the
# values of --system/--style/--format/..., subcommands of po and import, files. Every
# fixed value it offers must be one the command's --help names.
. "$top_srcdir/tests/tap.sh"

lib=/usr/share/bash-completion/bash_completion
if [ ! -r "$lib" ]; then
	echo "1..0 # SKIP bash-completion is not installed (quickstart.sh installs it)"
	exit 0
fi
PATH=$(dirname "$YAKUGO"):$PATH
export PATH

# complete WORDS...: what completing the last word of "yakugo WORDS..." offers, sorted
complete_line() {
	bash -c '
		. "$1"; . "$2"; shift 2
		COMP_WORDS=(yakugo "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
		COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
		_yakugo yakugo "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}" | sort' sh "$lib" "$top_srcdir/completion/yakugo" "$@"
}

check "commands" "$(LC_ALL=C "$YAKUGO" --help | sed -n 's/^  \([a-z][a-z]*\)  *[^ -].*/\1/p' | sort)" \
	"$(complete_line '')"
check "a command by its beginning" "romanize" "$(complete_line rom)"
check "global options" "--db
--help
--version" "$(complete_line --)"
check "romanize --system" "hepburn" "$(complete_line romanize --system he)"
check "romanize --style" "alalc
slug
spaced
title" "$(complete_line romanize --style '')"
check "cite --format=" "bibtex" "$(complete_line cite --format=bi)"
check "po subcommands" "check
export
fill" "$(complete_line po '')"
check "import formats" "edict
enamdict" "$(complete_line import e)"
check_match "lookup options come from its --help" "^--exact$" "$(complete_line lookup --ex)"
check_match "romanize options come from its --help" "^--literal$" "$(complete_line romanize --li)"
mkdir -p "$TMPD/d" && : > "$TMPD/d/refs.bib"
check "files for cite" "$TMPD/d/refs.bib" "$(complete_line cite "$TMPD/d/re")"

# Every fixed value the completion offers is named by that command's --help.
values=$(sed -n '/^_yakugo_values()/,/^}/p' "$top_srcdir/completion/yakugo" |
	sed -n 's/^\t\([a-z]*\):\(--[a-z]*\)[|)].*/\1 \2/p')
for pair in $(printf '%s\n' "$values" | tr ' ' ':'); do
	cmd=${pair%%:*} opt=${pair#*:}
	help=$(LC_ALL=C "$YAKUGO" "$cmd" --help 2>&1)
	words=$(bash -c '. "$1"; _yakugo_values "$2" "$3"' sh "$top_srcdir/completion/yakugo" "$cmd" "$opt")
	missing=
	for w in $words; do
		printf '%s\n' "$help" | grep -qw -- "$w" || missing="$missing $w"
	done
	check "$cmd $opt: every value offered is in '$cmd --help'" "" "$missing"
done
tap_done
