#!/bin/sh
# tests/cli-kana.sh: `yakugo kana`: arguments, standard input, options, bad input.
. "$top_srcdir/tests/tap.sh"

check "argument converted" "とうきょう" "$("$YAKUGO" kana tōkyō)"
tap_done
