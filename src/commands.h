/* commands.h: the subcommand table. Each subcommand lives in its own src/cmd-NAME.c and
 * exports one function `int cmd_NAME(int argc, char **argv)` that parses its own options
 * (argv[0] is the subcommand name) and returns an exit status from status.h. */
#ifndef YAKUGO_COMMANDS_H
#define YAKUGO_COMMANDS_H

typedef int command_fn(int argc, char **argv);

struct command {
	const char *name;     /* as typed: "lookup" */
	command_fn *run;
	const char *synopsis; /* N_()-marked one-line usage, e.g. "lookup [OPTION]... QUERY..." */
	const char *summary;  /* N_()-marked one-line description */
};

/* The table, ending with an all-NULL entry. */
extern const struct command commands[];

/* Returns the command called name, or NULL. */
const struct command *commands_find(const char *name);

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
