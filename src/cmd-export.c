/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-export.c: `yakugo export [--format tsv|tbx] [--all]`: writes the user's own
 * entries (yakugo add, and imported TSV/TBX glossaries) to stdout, as a glossary TSV
 * file (glossary.h; `yakugo import tsv` reads it back) or as TBX (tbx.h). --all adds
 * the seed glossary and the imported dictionaries. */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "glossary.h"
#include "i18n.h"
#include "lexicon.h"
#include "status.h"
#include "tbx.h"
#include "userdb.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void export_help(void)
{
	printf(_("Usage: yakugo export [--format tsv|tbx] [--all] [--ids]\n"));
	printf(_("Write your own entries (added, or imported from TSV or TBX files) to standard\n"
	         "output as a glossary TSV file (read back by 'yakugo import tsv') or as TBX\n"
	         "(ISO 30042, read back by 'yakugo import tbx').\n"));
	printf("\n%s\n", _("Options:"));
	printf("  -f, --format FMT  %s\n", _("tsv (default) or tbx"));
	printf("  -a, --all         %s\n", _("also the seed glossary and imported dictionaries"));
	printf("  -i, --ids         %s\n", _("TSV: an id column first (for edit and remove; not for import)"));
	printf("  -h, --help        %s\n", _("show this help and exit"));
}

static void put_field(const char *s)
{
	if (s)
		fputs(s, stdout);
}

static void put_list(char *const *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (i)
			fputs(" | ", stdout);
		fputs(v[i], stdout);
	}
}

static int with_ids;

static int tsv_cb(const lexicon_entry *e, void *arg)
{
	size_t *count = arg;
	if (with_ids)
		printf("%lld\t", (long long)e->id);
	put_field(e->ja);
	putchar('\t');
	put_field(e->kana);
	putchar('\t');
	put_field(e->romaji);
	putchar('\t');
	put_field(e->type);
	putchar('\t');
	put_list(e->en, e->n_en);
	putchar('\t');
	put_field(e->market);
	putchar('\t');
	put_list(e->variants, e->n_variants);
	putchar('\t');
	put_field(e->footnotes);
	putchar('\t');
	put_field(e->note);
	putchar('\n');
	(*count)++;
	return ferror(stdout) ? 1 : 0;
}

static int tbx_cb(const lexicon_entry *e, void *arg)
{
	return tbx_writer_add(arg, e) != 0 ? 1 : 0;
}

int cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "all", no_argument, NULL, 'a' },
		{ "ids", no_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *format = "tsv";
	unsigned mask = 1u << LEXICON_USER | 1u << LEXICON_TSV;
	lexicon *lex;
	char *err = NULL;
	size_t count = 0;
	int opt, rc = YK_OK, got;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "f:aih", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			format = optarg;
			break;
		case 'a':
			mask = ~0u;
			break;
		case 'i':
			with_ids = 1;
			break;
		case 'h':
			export_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "f:aih", longopts);
		}
	}
	if (optind < argc)
		return cli_usage(_("unexpected argument '%s'"), argv[optind]);
	if (strcmp(format, "tsv") != 0 && strcmp(format, "tbx") != 0)
		return cli_usage(_("unknown export format '%s' (tsv or tbx)"), format);
	lex = userdb_open(1, &rc);
	if (!lex)
		return rc;
	if (strcmp(format, "tsv") == 0) {
		printf("%s%s\n", with_ids ? "id\t" : "", glossary_header);
		got = lexicon_foreach(lex, mask, tsv_cb, &count, &err);
	} else {
		tbx_writer *w = tbx_writer_new(stdout, &err);
		if (!w) {
			rc = cli_error(YK_SYSTEM, "%s", err ? err : _("cannot write TBX"));
			goto cleanup;
		}
		got = lexicon_foreach(lex, mask, tbx_cb, w, &err);
		if (tbx_writer_finish(w) != 0 && got == 0)
			got = 1;
	}
	if (got < 0)
		rc = cli_error(YK_SYSTEM, "%s", err ? err : _("database error"));
	else if (got > 0)
		rc = YK_SYSTEM; /* a write error: cli_finish names it */
cleanup:
	free(err);
	lexicon_close(lex);
	return rc;
}
