/* SPDX-License-Identifier: GPL-3.0-or-later */
/* commands.h: the subcommand table. Each subcommand lives in its own src/cmd-NAME.c and
 * exports one function `int cmd_NAME(int argc, char **argv)` that parses its own options
 * (argv[0] is the subcommand name) and returns an exit status from status.h.
 *
 * The light commands (lookup, kana, build, add, edit, remove) are built into the yakugo
 * binary, which links only ICU and SQLite so that it starts fast. Each command that needs
 * a heavier library (MeCab, ncursesw, libxml2, jansson, btparse, libgettextpo) is a
 * program of its own, yakugo-NAME, installed in $(pkglibexecdir): src/helper-main.c plus
 * src/cmd-NAME.c, built by the am/ fragment of its area. yakugo execs it. */
#ifndef YAKUGO_COMMANDS_H
#define YAKUGO_COMMANDS_H

typedef int command_fn(int argc, char **argv);

struct command {
	const char *name;     /* as typed: "lookup" */
	command_fn *run;      /* built in; NULL: the program yakugo-NAME runs it */
	const char *synopsis; /* N_()-marked one-line usage, e.g. "lookup [OPTION]... QUERY..." */
	const char *summary;  /* N_()-marked one-line description */
};

/* The table of every command, built in or not, ending with an all-NULL entry. */
extern const struct command commands[];

/* Returns the command called name, or NULL. */
const struct command *commands_find(const char *name);

/* For a name that is no command: the command it most likely meant — the only command it
 * begins ("rom"), else the nearest within one typing slip (insertion, deletion,
 * substitution or swap of two letters) for names up to four letters, two for longer
 * ones — or NULL when none is that close. */
const struct command *commands_suggest(const char *name);

/* Runs the program yakugo-NAME of a command whose run is NULL, with argv (argv[0] is
 * replaced; argv must end with NULL). It looks in $YAKUGO_LIBEXECDIR alone when that is
 * set, else beside this binary (the build tree), then in $(pkglibexecdir). A --db option
 * (cli_db_option) is passed on as $YAKUGO_DB. Does not return on success; otherwise prints
 * "yakugo: ..." naming the program and where it looked, and returns YK_SYSTEM. */
int commands_exec(const struct command *c, char **argv);

/* One prototype per subcommand (keep in the order of the table). */
int cmd_lookup(int argc, char **argv);
int cmd_romanize(int argc, char **argv);
int cmd_kana(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_edit(int argc, char **argv);
int cmd_remove(int argc, char **argv);
int cmd_cite(int argc, char **argv);
int cmd_explore(int argc, char **argv);
int cmd_po(int argc, char **argv);
int cmd_build(int argc, char **argv);

#endif
