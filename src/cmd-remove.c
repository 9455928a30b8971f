/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-remove.c: `yakugo remove ID...`: deletes the user's own entries (the seed
 * glossary and imported dictionaries are not touched; re-import to change those). */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "i18n.h"
#include "lexicon.h"
#include "status.h"
#include "userdb.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void remove_help(void)
{
	printf(_("Usage: yakugo remove ID...\n"));
	printf(_("Remove your entries ID... ('yakugo add' prints them, 'yakugo export --ids'\n"
	         "lists them) from your user database.\n"
	         "Exit status 1 when one of them does not exist.\n"));
	printf("\n%s\n", _("Options:"));
	printf("  -h, --help  %s\n", _("show this help and exit"));
}

int cmd_remove(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	lexicon *lex;
	char *err = NULL, *end;
	int opt, i, rc = YK_OK;

	/* a negative number is a bad id, not an option: remove -1 */
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (argv[i][0] == '-' && argv[i][1] >= '0' && argv[i][1] <= '9')
			return cli_usage(_("'%s' is not an entry id"), argv[i]);
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			remove_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "h", longopts);
		}
	}
	if (optind >= argc)
		return cli_usage(_("remove needs an entry ID"));
	for (i = optind; i < argc; i++) {
		long long id;
		errno = 0;
		id = strtoll(argv[i], &end, 10);
		if (errno || *end || id <= 0)
			return cli_usage(_("'%s' is not an entry id"), argv[i]);
	}
	lex = userdb_open(0, &rc);
	if (!lex)
		return rc;
	for (i = optind; i < argc; i++) {
		int got = lexicon_remove(lex, strtoll(argv[i], NULL, 10), &err);
		if (got < 0) {
			rc = cli_error(YK_SYSTEM, "%s", err ? err : _("database error"));
			free(err);
			err = NULL;
			break;
		}
		if (got == 1) {
			cli_error(YK_NOTFOUND, _("no user entry %s"), argv[i]);
			if (rc == YK_OK)
				rc = YK_NOTFOUND;
		}
	}
	lexicon_close(lex);
	return rc;
}
