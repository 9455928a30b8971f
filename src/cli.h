/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h: what every subcommand shares: error and usage messages ("yakugo: ..."), the
 * exit-code discipline, database paths, colour, and checking stdout for write errors. */
#ifndef YAKUGO_CLI_H
#define YAKUGO_CLI_H

#include <stdio.h>

#include "status.h"

/* Sets the locale from the environment, except LC_NUMERIC which stays "C" (printed and
 * parsed numbers never depend on the locale), and binds the message catalogue: from
 * $YAKUGO_LOCALEDIR when set, else the build tree's locale/ when this binary runs from
 * its build tree (as cli_db_path finds dict/), else the configured localedir. Call
 * first in main(). */
void cli_init_locale(void);

/* Names the subcommand that is running (main and helper-main call it before handing
 * over), so that usage errors name it and point at its own --help. */
void cli_set_command(const char *name);

/* Prints "yakugo: CMD: MESSAGE" and "Try 'yakugo CMD --help' for more information." to
 * stderr (without "CMD: " and with 'yakugo --help' before a command is chosen). Returns
 * YK_USAGE so callers can write `return cli_usage(...)`. Every usage error goes here. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct option;

/* The one report of a bad option, for getopt_long's '?' (call getopt_long with opterr 0,
 * then `return cli_bad_option(argv, optstring, longopts);`): "unrecognized option
 * '--x'", "option '--limit' requires an argument", "invalid option -- 'x'" ... from the
 * getopt state (optind, optopt), through cli_usage. Returns YK_USAGE. */
int cli_bad_option(char **argv, const char *optstring, const struct option *longopts);

/* Prints "yakugo: MESSAGE" (a newline is added) to stderr and returns status. */
int cli_error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "yakugo: warning: MESSAGE" to stderr. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The global --db option: main sets it; cli_db_option() returns it, or NULL. */
void cli_set_db_option(const char *path);
const char *cli_db_option(void);

/* The seed/main database to open: --db, else $YAKUGO_DB, else the build tree's
 * dict/yakugo.db when this binary runs from its build tree, else the installed
 * $(pkgdatadir)/yakugo.db. Never NULL; the string is static. */
const char *cli_db_path(void);

/* The user's database: $YAKUGO_USER_DB, else $XDG_DATA_HOME/yakugo/user.db, else
 * ~/.local/share/yakugo/user.db. Returns a static string, or NULL when no home is known.
 * Does not create anything. */
const char *cli_user_db_path(void);

/* The system dictionary (EDICT and ENAMDICT, built by make): $YAKUGO_SYSTEM_DB ("none":
 * no system dictionary, NULL), else system.db beside the seed database (cli_db_path).
 * A static string, or NULL; the file need not exist (lexicon_open then goes without). */
const char *cli_system_db_path(void);

/* Creates the directories leading to path (mode 0700 for new ones). 0 or -1 (errno). */
int cli_mkdirs_for(const char *path);

/* Sets the --color choice: "always" (also NULL, for a bare --color, "yes", "force"),
 * "never" ("no", "none") or "auto" ("tty", "if-tty"), as grep and ls read it. Returns 0,
 * or -1 for any other word (the caller reports the usage error). */
int cli_set_color(const char *when);

/* Whether to use colour on fp: --color=always or never when given; else (auto) only on a
 * terminal whose TERM is set and not "dumb", with NO_COLOR unset or empty. */
int cli_color(FILE *fp);

/* Flushes and checks stdout; on a write error prints "yakugo: write error: ..." and
 * returns YK_SYSTEM, otherwise returns status unchanged. Call once at the end. */
int cli_finish(int status);

#endif
