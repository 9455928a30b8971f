/* cmd-build.c: `yakugo build [--output DB] GLOSSARY.tsv...`: compiles the seed glossary
 * into a new SQLite database. Every row of every file is validated first; any problem
 * is listed as FILE:LINE: message (all of them) and no database is written. The
 * database is written to a temporary file that mkstemp makes next to DB (DB.XXXXXX),
 * which is renamed into place, so DB is either the old file or the complete new one. `make` runs this on dict/glossary.tsv. */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "glossary.h"
#include "i18n.h"
#include "lexicon.h"
#include "status.h"
#include "str.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void print_help(void)
{
	printf(_("Usage: yakugo build [--output DB] GLOSSARY.tsv...\n"));
	printf(_("Validate glossary files and compile them into a new seed database.\n"
	         "Every problem is reported as FILE:LINE: message; when there is any, no\n"
	         "database is written.\n"));
	printf("\n%s\n", _("Options:"));
	printf("  -o, --output DB  %s\n", _("write the database DB (default: yakugo.db)"));
	printf("  -h, --help       %s\n", _("show this help and exit"));
	printf("\n%s\n", _("Exit status: 0 built, 2 usage error or invalid glossary, 3 system error."));
}

struct build {
	lexicon *lex;
	char *error;
};

static int add_entry(const lexicon_entry *e, void *arg)
{
	struct build *b = arg;
	return lexicon_import_add(b->lex, e, &b->error) != 0;
}

/* Prints every problem of g; returns their number. */
static size_t report(const glossary *g)
{
	size_t i, n = glossary_problem_count(g);
	for (i = 0; i < n; i++)
		cli_error(YK_USAGE, "%s", glossary_problem(g, i));
	return n;
}

int cmd_build(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = "yakugo.db";
	char *tmp = NULL;
	glossary *g = NULL;
	struct build b = { NULL, NULL };
	int opt, i, rc = YK_SYSTEM, failed = 0, fd, made = 0;
	mode_t mask;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			output = optarg;
			break;
		case 'h':
			print_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "o:h", longopts);
		}
	}
	if (optind >= argc)
		return cli_usage(_("no glossary file given"));

	/* Pass 1: validate everything, writing nothing. */
	g = glossary_new();
	if (!g)
		return cli_error(YK_SYSTEM, _("out of memory"));
	for (i = optind; i < argc; i++)
		if (glossary_read(g, argv[i], NULL, NULL) < 0)
			failed = 1;
	if (report(g) > 0) {
		rc = YK_USAGE; /* unreadable files included: bad input */
		if (!failed)
			cli_error(YK_USAGE, _("%s not written: %zu problem(s) in the glossary"), output,
			          glossary_problem_count(g));
		goto cleanup;
	}
	glossary_free(g);
	g = NULL;

	/* Pass 2: write DB.XXXXXX (mkstemp: no name another process can guess and plant)
	 * in one transaction, then rename it over DB. */
	tmp = str_printf("%s.XXXXXX", output);
	if (!tmp) {
		rc = cli_error(YK_SYSTEM, _("out of memory"));
		goto cleanup;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = cli_error(YK_SYSTEM, "%s: %s", tmp, strerror(errno));
		goto cleanup;
	}
	made = 1;
	mask = umask(0);
	umask(mask);
	/* readable like any file made here (mkstemp makes it 0600) */
	if (fchmod(fd, 0666 & ~mask) != 0 || close(fd) != 0) {
		rc = cli_error(YK_SYSTEM, "%s: %s", tmp, strerror(errno));
		goto cleanup;
	}
	b.lex = lexicon_create_seed(tmp, &b.error);
	if (!b.lex || lexicon_import_begin(b.lex, LEXICON_SEED, "glossary", &b.error) != 0) {
		rc = cli_error(YK_SYSTEM, "%s", b.error ? b.error : _("cannot create the database"));
		goto cleanup;
	}
	g = glossary_new();
	if (!g) {
		rc = cli_error(YK_SYSTEM, _("out of memory"));
		goto cleanup;
	}
	for (i = optind; i < argc; i++) {
		if (glossary_read(g, argv[i], add_entry, &b) != 0) {
			report(g);
			rc = cli_error(YK_SYSTEM, "%s", b.error ? b.error : _("cannot build the database"));
			goto cleanup;
		}
	}
	if (lexicon_import_commit(b.lex, &b.error) != 0) {
		rc = cli_error(YK_SYSTEM, "%s", b.error);
		goto cleanup;
	}
	lexicon_close(b.lex);
	b.lex = NULL;
	if (rename(tmp, output) != 0) {
		rc = cli_error(YK_SYSTEM, _("cannot rename %s to %s: %s"), tmp, output, strerror(errno));
		goto cleanup;
	}
	rc = YK_OK;
cleanup:
	lexicon_close(b.lex);
	if (rc != YK_OK && made)
		unlink(tmp);
	free(b.error);
	free(tmp);
	glossary_free(g);
	return rc;
}
