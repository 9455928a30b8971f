#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli-i18n.sh: the message catalogue is complete: every source file with
# translatable strings is in po/POTFILES.in, and the template po/yakugo.pot has exactly
# the msgids xgettext finds today (so `make update-po` would not change it).
. "$top_srcdir/tests/tap.sh"

cd "$top_srcdir" || exit 1
listed=$(grep -v '^#' po/POTFILES.in | sed '/^[[:space:]]*$/d' | sort -u)

# 1. every file with _("...") / N_("...") / ngettext( is listed
missing=
for f in $(grep -l -E '(^|[^A-Za-z0-9_])N?_\("|ngettext \(|ngettext\(' src/*.c src/*.h 2>/dev/null); do
	printf '%s\n' "$listed" | grep -qx -F "$f" || missing="$missing $f"
done
check "every source file with _() is in po/POTFILES.in" "" "$missing"

# 2. every listed file exists (a stale entry breaks xgettext)
stale=
for f in $listed; do
	[ -f "$f" ] || stale="$stale $f"
done
check "every file in po/POTFILES.in exists" "" "$stale"

# 3. the template is up to date: xgettext now vs po/yakugo.pot (msgids and flags only)
opts=$(sed -n 's/^XGETTEXT_OPTIONS *= *//p' po/Makevars)
# shellcheck disable=SC2086
xgettext --default-domain=yakugo --directory="$top_srcdir" --add-comments=TRANSLATORS: \
	$opts --files-from=po/POTFILES.in -o "$TMPD/fresh.pot" 2>"$TMPD/xgettext.err"; st=$?
check "xgettext reads every file of po/POTFILES.in" 0 "$st"
pot=$top_builddir/po/yakugo.pot
[ -f "$pot" ] || pot=$top_srcdir/po/yakugo.pot
# msgids, plurals and flags in a canonical order, without the header entry
msgids() {
	msgcat --no-wrap --no-location --sort-output "$1" 2>/dev/null |
		sed -e '1,/^$/d' | grep -E '^(msgctxt|msgid|msgid_plural|#,|")'
}
msgids "$TMPD/fresh.pot" >"$TMPD/fresh.ids"
msgids "$pot" >"$TMPD/pot.ids"
check "the fresh template has msgids" yes "$(test -s "$TMPD/fresh.ids" && echo yes)"
if cmp -s "$TMPD/fresh.ids" "$TMPD/pot.ids"; then
	tap_ok "po/yakugo.pot is up to date (make update-po would not change it)"
else
	tap_fail "po/yakugo.pot is up to date (make update-po would not change it)" \
		"regenerate it: make -C po yakugo.pot-update (make update-po also merges ja.po)
$(diff "$TMPD/pot.ids" "$TMPD/fresh.ids" | head -40)"
fi

# 4. po/ja.po translates every message of the sources as they are now (merged with the
# fresh template, nothing is untranslated or fuzzy)
msgmerge --quiet -o "$TMPD/ja.po" "$top_srcdir/po/ja.po" "$TMPD/fresh.pot" 2>/dev/null
stats=$(msgattrib --no-obsolete "$TMPD/ja.po" 2>/dev/null | msgfmt --statistics -o /dev/null - 2>&1)
check_match "po/ja.po translates every message of the sources" '^[0-9]+ translated messages?\.$' "$stats"
tap_done
