#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/fuzz/replay.sh: make check's run of the fuzz targets: each target of
# tests/fuzz/corpus/NAME/ runs once over every file of its seed corpus and of
# tests/fuzz/regress/NAME/ (inputs that crashed it once). A plain build runs the
# standalone main, a --enable-fuzzing build libFuzzer's (given files, it runs each once);
# a crash, a sanitizer report or a leak fails the target's line.
. "$top_srcdir/tests/tap.sh"

fuzz_dir="$top_srcdir/tests/fuzz"
for dir in "$fuzz_dir"/corpus/*/; do
	name=$(basename "$dir")
	prog="$top_builddir/tests/fuzz/fuzz-$name"
	if [ ! -x "$prog" ]; then
		tap_fail "fuzz-$name: built" "no $prog"
		continue
	fi
	files=$(find "$dir" "$fuzz_dir/regress/$name" -type f ! -name '.*' 2>/dev/null | LC_ALL=C sort)
	count=$(printf '%s\n' "$files" | grep -c .)
	if [ "$count" -eq 0 ]; then
		tap_fail "fuzz-$name: has a seed corpus" "no files in $dir"
		continue
	fi
	# shellcheck disable=SC2086 # the file names of the repository have no spaces
	"$prog" $files >"$TMPD/$name.log" 2>&1
	st=$?
	if [ "$st" -eq 0 ]; then
		tap_ok "fuzz-$name replays $count inputs"
	else
		tap_fail "fuzz-$name replays $count inputs" "exit $st; last lines:
$(grep -v '^Running: ' "$TMPD/$name.log" | tail -25)"
	fi
done
# every target built has a corpus
for prog in "$top_builddir"/tests/fuzz/fuzz-*; do
	case $prog in *.o|*.log|*.trs) continue ;; esac
	[ -x "$prog" ] || continue
	name=${prog##*/fuzz-}
	[ -d "$fuzz_dir/corpus/$name" ] || tap_fail "fuzz-$name has a seed corpus" "no $fuzz_dir/corpus/$name"
done
tap_done
