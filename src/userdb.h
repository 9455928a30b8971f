/* SPDX-License-Identifier: GPL-3.0-or-later */
/* userdb.h: opening the databases for the commands that read or change the user's own
 * entries (import, export, add, edit, remove): the user database's path, its directory,
 * and the exit status of a failure (a locked database is a system error, a damaged one
 * a data error), printed the same way by all of them. */
#ifndef YAKUGO_USERDB_H
#define YAKUGO_USERDB_H

#include "lexicon.h"

/* Opens the seed database and the user database (cli_user_db_path()), not the system
 * dictionary (the entries are the user's own); unless readonly,
 * the user database and its directories are created when missing. Returns the handle
 * (close with lexicon_close), or NULL after printing "yakugo: ..." to stderr, with
 * *status set to YK_SYSTEM (no home directory, a directory that cannot be made, a
 * database locked beyond the busy timeout) or YK_USAGE (a damaged or foreign database). */
lexicon *userdb_open(int readonly, int *status);

#endif
