/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the entry point of yakugo. It sets up the locale and message catalogue, parses
 * the global options, and hands over to the subcommand: a built-in one, or the program
 * yakugo-NAME of a heavy one (commands.h); nothing else lives here. */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "i18n.h"
#include "status.h"
#include "text.h"

#include <getopt.h>
#include <stdio.h>

static void print_help(void)
{
	const struct command *c;
	printf(_("Usage: yakugo [--db PATH] COMMAND [OPTION]... [ARG]...\n"));
	printf(_("A Japanese/English glossary: look up terms in any script or romanization,\n"
	         "romanize Japanese text, and normalise romanized Japanese in citations.\n"));
	printf("\n%s\n", _("Commands:"));
	for (c = commands; c->name; c++)
		printf("  %-10s %s\n", c->name, _(c->summary));
	printf("\n%s\n", _("Global options:"));
	printf("  --db PATH   %s\n", _("use the glossary database PATH (also $YAKUGO_DB)"));
	printf("  -h, --help  %s\n", _("show this help and exit"));
	printf("  --version   %s\n", _("show the version and exit"));
	printf("\n%s\n", _("Run 'yakugo COMMAND --help' for the options of one command."));
	printf("%s\n", _("Exit status: 0 found or done, 1 nothing found, 2 usage or data error, 3 system error."));
}

/* --version in the GNU format: version, copyright, licence, no warranty. */
static void print_version(void)
{
	printf("yakugo %s\n", PACKAGE_VERSION);
	printf("Copyright (C) 2026 %s\n", _("the yakugo authors"));
	printf(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	         "This is free software: you are free to change and redistribute it.\n"
	         "There is NO WARRANTY, to the extent permitted by law.\n"));
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct command *cmd;
	int opt, rc;

	cli_init_locale();

	/* '+': stop at the first non-option, which is the subcommand. */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			cli_set_db_option(optarg);
			break;
		case 'h':
			print_help();
			return cli_finish(YK_OK);
		case 'V':
			print_version();
			return cli_finish(YK_OK);
		default:
			return cli_bad_option(argv, "+h", longopts);
		}
	}
	if (optind >= argc)
		return cli_usage(_("no command given"));
	cmd = commands_find(argv[optind]);
	if (!cmd) {
		const struct command *near = commands_suggest(argv[optind]);
		if (near)
			return cli_usage(_("unknown command '%s'; did you mean '%s'?"), argv[optind],
			                 near->name);
		return cli_usage(_("unknown command '%s'"), argv[optind]);
	}

	cli_set_command(cmd->name);
	argc -= optind;
	argv += optind;
	optind = 0; /* let the subcommand's getopt_long start afresh */
	rc = cmd->run ? cmd->run(argc, argv) : commands_exec(cmd, argv);
	text_cleanup();
	return cli_finish(rc);
}
