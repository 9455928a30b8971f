/* i18n.h: gettext macros. Every user-facing string is wrapped in _() (or N_() where it
 * is translated later); the catalogue is po/ja.po. */
#ifndef YAKUGO_I18N_H
#define YAKUGO_I18N_H

#include "config.h"
#include <libintl.h>

#define _(s) gettext(s)
/* Counts use ngettext (singular, plural, n) from libintl.h; n is an unsigned long. */
#define N_(s) (s)

#endif
