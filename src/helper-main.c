/* SPDX-License-Identifier: GPL-3.0-or-later */
/* helper-main.c: main() of the helper programs yakugo-NAME, one per heavy subcommand
 * (commands.h), installed in $(pkglibexecdir) and run by `yakugo NAME`. The build compiles
 * this file once per helper with -DYK_COMMAND=NAME; argv holds the subcommand's own
 * arguments, and a global --db arrives as $YAKUGO_DB. */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "text.h"

#ifndef YK_COMMAND
#error "compile with -DYK_COMMAND=NAME (the subcommand this program runs)"
#endif
#define YK_PASTE(a, b) a##b
#define YK_RUN(name) YK_PASTE(cmd_, name)
#define YK_STR_(name) #name
#define YK_STR(name) YK_STR_(name)

int main(int argc, char **argv)
{
	static char name[] = YK_STR(YK_COMMAND);
	int rc;

	cli_init_locale();
	argv[0] = name; /* the subcommands expect their own name first */
	cli_set_command(name);
	rc = YK_RUN(YK_COMMAND)(argc, argv);
	text_cleanup();
	return cli_finish(rc);
}
