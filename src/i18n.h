/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.h: gettext macros. Every user-facing string is wrapped in _() (or N_() where it
 * is translated later); the catalogue is po/ja.po. */
#ifndef YAKUGO_I18N_H
#define YAKUGO_I18N_H

#include "config.h"
#include <libintl.h>

#define _(s) gettext(s)
/* Counts go through libintl's ngettext: singular, plural, then n (an unsigned long). */
#define N_(s) (s)

#endif
