/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-po.c: `yakugo po export|fill|check`: the glossary as a gettext compendium, and
 * filling and checking other programs' catalogues with it (the work is in po.c). */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "i18n.h"
#include "lexicon.h"
#include "po.h"
#include "status.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void po_help(void)
{
	printf(_("Usage: yakugo po export [--from en|ja] [--to ja|en] [-o OUT]\n"
	         "   or: yakugo po fill FILE.po [--from en|ja] [--to ja|en] [-o OUT]\n"
	         "   or: yakugo po check FILE.po [--from en|ja] [--to ja|en] [--ignore FILE]\n"));
	printf("%s\n", _("Use the glossary (seed, user and TSV entries) with gettext catalogues."));
	printf("\n");
	printf("  export    %s\n", _("write the glossary as a compendium for msgmerge"));
	printf("  fill      %s\n", _("translate term messages; fuzzy suggestions where terms occur"));
	printf("  check     %s\n", _("report translations missing a term or using a wrong variant"));
	printf("\n%s\n", _("Options:"));
	printf("  --from LANG        %s\n", _("msgid language, en or ja (default: the Language header)"));
	printf("  --to LANG          %s\n", _("msgstr language"));
	printf("  -o, --output OUT   %s\n", _("write to OUT instead of standard output"));
	printf("  --ignore FILE      %s\n", _("check: known exceptions, one a line: TERM, or TERM<TAB>TEXT\n"
	                                        "                     (TERM is not reported in messages containing TEXT)"));
	printf("  -h, --help         %s\n", _("show this help and exit"));
	printf("\n%s\n", _("A translator comment \"# yakugo: ignore\" skips a message in check;\n"
	                    "\"# yakugo: ignore TERM, TERM\" silences those terms only."));
	printf("\n%s\n", _("Exit status: 0 done (check: clean), 1 check found problems,\n2 usage error or malformed catalogue, 3 system error."));
}

/* Loads the glossary terms (seed, user, tsv) into g. Returns 0 or an exit status. */
static int load_glossary(po_glossary *g)
{
	const char *user = cli_user_db_path();
	char *err = NULL;
	lexicon *lex = lexicon_open(cli_db_path(), user, cli_system_db_path(),
	                            LEXICON_READONLY | (user ? 0 : LEXICON_NO_USER), &err);
	int rc = YK_OK;
	if (!lex) {
		rc = cli_error(lexicon_error_is_system() ? YK_SYSTEM : YK_USAGE, "%s",
		               err ? err : _("cannot open the glossary"));
		free(err);
		return rc;
	}
	if (lexicon_foreach(lex, (1u << LEXICON_SEED) | (1u << LEXICON_USER) | (1u << LEXICON_TSV),
	                    po_glossary_add, g, &err) != 0) {
		rc = cli_error(YK_SYSTEM, "%s", err ? err : _("out of memory"));
		free(err);
	}
	lexicon_close(lex);
	return rc;
}

/* The closing line of po check, on standard error (standard output holds only the
 * FILE:LINE reports): "po check: FILE: N problems in M messages (K ignored)". */
static void print_summary(const char *file, const po_check_stats *st)
{
	char problems[96], messages[96], ignored[160];
	fflush(stdout);
	snprintf(problems, sizeof problems, ngettext("%zu problem", "%zu problems", st->problems),
	         st->problems);
	snprintf(messages, sizeof messages,
	         ngettext("%zu translated message", "%zu translated messages", st->messages),
	         st->messages);
	snprintf(ignored, sizeof ignored,
	         ngettext("%zu ignored by a rule or comment", "%zu ignored by rules or comments",
	                  st->ignored + st->ignored_messages),
	         st->ignored + st->ignored_messages);
	/* TRANSLATORS: po check's summary: FILE, "N problems", "M translated messages",
	   "K ignored by rules or comments" */
	fprintf(stderr, _("po check: %s: %s in %s, %s\n"), file, problems, messages, ignored);
}

int cmd_po(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "ignore", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	po_lang from = PO_LANG_AUTO, to = PO_LANG_AUTO;
	const char *out = NULL, *action, *ignore_path = NULL;
	po_glossary *g = NULL;
	po_ignore *ign = NULL;
	po_check_stats st;
	char *err = NULL;
	int opt, rc;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (po_lang_parse(optarg, &from) != 0)
				return cli_usage(_("unknown language '%s' (use en or ja)"), optarg);
			break;
		case 't':
			if (po_lang_parse(optarg, &to) != 0)
				return cli_usage(_("unknown language '%s' (use en or ja)"), optarg);
			break;
		case 'o':
			out = optarg;
			break;
		case 'i':
			ignore_path = optarg;
			break;
		case 'h':
			po_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "ho:", longopts);
		}
	}
	if (from != PO_LANG_AUTO && from == to)
		return cli_usage(_("--from and --to name the same language"));
	if (optind >= argc)
		return cli_usage(_("missing action (export, fill or check)"));
	action = argv[optind++];
	if (strcmp(action, "export") == 0) {
		if (optind != argc)
			return cli_usage(_("po export takes no file"));
		if (ignore_path)
			return cli_usage(_("--ignore is an option of po check"));
	} else if (strcmp(action, "fill") == 0 || strcmp(action, "check") == 0) {
		if (optind + 1 != argc)
			return cli_usage(_("po %s: give exactly one FILE.po"), action);
		if (strcmp(action, "check") == 0 && out)
			return cli_usage(_("po check writes no file (-o)"));
		if (strcmp(action, "check") != 0 && ignore_path)
			return cli_usage(_("--ignore is an option of po check"));
	} else {
		return cli_usage(_("unknown action '%s' (export, fill or check)"), action);
	}

	if (!(g = po_glossary_new()))
		return cli_error(YK_SYSTEM, "%s", _("out of memory"));
	if (ignore_path) {
		if (!(ign = po_ignore_new())) {
			rc = cli_error(YK_SYSTEM, "%s", _("out of memory"));
			goto done;
		}
		if ((rc = po_ignore_load(ign, ignore_path, &err)) != YK_OK)
			goto fail;
	}
	if ((rc = load_glossary(g)) != YK_OK)
		goto done;
	if (strcmp(action, "export") == 0) {
		rc = po_export(g, from, to, out, &err);
	} else if (strcmp(action, "fill") == 0) {
		rc = po_fill(g, argv[optind], out, from, to, NULL, &err);
	} else {
		rc = po_check(g, argv[optind], from, to, ign, stdout, &st, &err);
		if (rc == YK_OK) {
			print_summary(argv[optind], &st);
			if (st.problems)
				rc = YK_NOTFOUND;
		}
	}
fail:
	if (err)
		cli_error(rc, "%s", err);
done:
	free(err);
	po_ignore_free(ign);
	po_glossary_free(g);
	return rc;
}
