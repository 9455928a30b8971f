#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-cite-output.sh: `cite -o FILE` and `cite --in-place[=SUFFIX]`: the file gets
# exactly what standard output would have, is replaced whole (through a link, keeping
# its mode) or not at all (a write that fails leaves it as it was), the old file is kept
# under SUFFIX, and the combinations that make no sense are usage errors.
. "$top_srcdir/tests/tap.sh"

YAKUGO_USER_DB=$TMPD/no-user.db
YAKUGO_SYSTEM_DB=none
export YAKUGO_USER_DB YAKUGO_SYSTEM_DB
src=$top_srcdir/tests/data/cite-fix.bib
want=$("$YAKUGO" cite "$src" 2>/dev/null)

cp "$src" "$TMPD/a.bib"
"$YAKUGO" cite -o "$TMPD/out.bib" "$TMPD/a.bib" >"$TMPD/stdout" 2>/dev/null; st=$?
check "-o FILE: exit 0" 0 "$st"
check "-o FILE: the file has what standard output would" "$want" "$(cat "$TMPD/out.bib")"
check "-o FILE: nothing on standard output" "" "$(cat "$TMPD/stdout")"
check "-o FILE: the input is untouched" "" "$(cmp "$src" "$TMPD/a.bib" 2>&1)"

cp "$src" "$TMPD/b.bib" && chmod 640 "$TMPD/b.bib" && ln -s b.bib "$TMPD/link.bib"
"$YAKUGO" cite --in-place=.orig "$TMPD/link.bib" >"$TMPD/stdout" 2>/dev/null; st=$?
check "--in-place: exit 0" 0 "$st"
check "--in-place: the file is rewritten" "$want" "$(cat "$TMPD/b.bib")"
check "--in-place: through the link, which stays a link" "b.bib" "$(readlink "$TMPD/link.bib")"
check "--in-place: the file keeps its mode" "640" "$(stat -c %a "$TMPD/b.bib")"
check "--in-place=SUFFIX: the old file is kept beside it" "" "$(cmp "$src" "$TMPD/b.bib.orig" 2>&1)"
check "--in-place: nothing on standard output" "" "$(cat "$TMPD/stdout")"
check "--in-place: no temporary left behind" "b.bib b.bib.orig link.bib" \
	"$(cd "$TMPD" && ls b.* link.* | tr '\n' ' ' | sed 's/ $//')"
"$YAKUGO" cite --in-place "$TMPD/b.bib" 2>/dev/null
check "--in-place again: nothing changes (idempotent)" "$want" "$(cat "$TMPD/b.bib")"

# A write that fails (a file size limit, as a full disk would) leaves the file whole.
big=$TMPD/big.txt
i=0; while [ $i -lt 3000 ]; do echo "[$i] Kēzai sangyōshō, “Tsūshō hakusho,” 2023."; i=$((i + 1)); done > "$big"
cp "$big" "$TMPD/big.orig"
(trap '' XFSZ; ulimit -f 64; "$YAKUGO" cite --in-place "$big") >/dev/null 2>"$TMPD/err"; st=$?
check "--in-place past a file size limit: exit 3" 3 "$st"
check_match "... says so" "write error|File too large" "$(cat "$TMPD/err")"
check "... and the file is as it was" "" "$(cmp "$TMPD/big.orig" "$big" 2>&1)"
check "... and no temporary is left" "big.orig big.txt" "$(cd "$TMPD" && ls big.* | tr '\n' ' ' | sed 's/ $//')"

check_status "--in-place without FILE: usage error" 2 "$YAKUGO" cite --in-place
check_status "--in-place on standard input: usage error" 2 "$YAKUGO" cite --in-place -
check_status "--in-place with -o: usage error" 2 "$YAKUGO" cite --in-place -o "$TMPD/x" "$TMPD/a.bib"
check_status "--check with -o: usage error" 2 "$YAKUGO" cite --check -o "$TMPD/x" "$TMPD/a.bib"
check_status "-o into a directory: exit 3" 3 "$YAKUGO" cite -o "$TMPD" "$TMPD/a.bib"
tap_done
