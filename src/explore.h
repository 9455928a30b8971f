/* SPDX-License-Identifier: GPL-3.0-or-later */
/* explore.h: the full-screen glossary explorer (ncursesw; src/explore.c is the only file
 * that includes curses). A search line whose results update as you type, a result list
 * in columns aligned by display width, a detail pane with the romaji in every system,
 * and a form to add, edit and delete user entries. Every string it shows goes through
 * gettext. */
#ifndef YAKUGO_EXPLORE_H
#define YAKUGO_EXPLORE_H

#include "lexicon.h"

/* Runs the explorer on lex (opened read-write on the user database, so that `a`, `e` and
 * `d` can change user entries), starting with query in the search line (NULL: empty).
 * Standard input and output must be a terminal. Returns an exit status (status.h):
 * YK_OK when the user quits, YK_USAGE when stdout or stdin is not a terminal or the
 * terminal cannot be set up (a message has been printed), YK_SYSTEM on a database error
 * (printed after the screen is restored). */
int explore_run(lexicon *lex, const char *query);

#endif
