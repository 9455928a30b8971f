/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-explore.c: `yakugo explore [QUERY]`: open the glossary (the user database
 * read-write, so entries can be added, edited and deleted) and run the full-screen
 * explorer (explore.c). */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "explore.h"
#include "i18n.h"
#include "lexicon.h"
#include "status.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void explore_help(void)
{
	printf(_("Usage: yakugo explore [QUERY]\n"));
	printf("%s\n", _("Browse the glossary full screen: search as you type in any script or\nromanization, see the romaji in every system, and add, edit or delete\nyour own entries. Press ? in the explorer for its keys."));
	printf("\n%s\n", _("Options:"));
	printf("  -h, --help  %s\n", _("show this help and exit"));
	printf("\n%s\n", _("Standard input and output must be a terminal (exit status 2 otherwise).\nNO_COLOR turns colours off."));
}

int cmd_explore(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *user, *query = NULL;
	char *err = NULL;
	lexicon *lex;
	int opt, rc;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			explore_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "h", longopts);
		}
	}
	if (argc - optind > 1)
		return cli_usage(_("explore takes at most one QUERY"));
	if (optind < argc)
		query = argv[optind];
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))
		return cli_error(YK_USAGE, "%s",
		                 _("explore needs a terminal: standard input and output must be a terminal"));
	user = cli_user_db_path();
	if (user && cli_mkdirs_for(user) != 0)
		return cli_error(YK_SYSTEM, _("cannot create the directory of %s: %s"), user,
		                 strerror(errno));
	lex = lexicon_open(cli_db_path(), user, cli_system_db_path(),
	                   user ? 0 : LEXICON_NO_USER, &err);
	if (!lex) {
		rc = cli_error(YK_USAGE, "%s", err ? err : _("cannot open the glossary"));
		free(err);
		return rc;
	}
	rc = explore_run(lex, query);
	lexicon_close(lex);
	return rc;
}
