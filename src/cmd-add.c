/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-add.c: `yakugo add --ja 経済産業省 --kana 'けいざい さんぎょうしょう' --romaji
 * 'Keizai Sangyōshō' --type ministry --en '...' ...`: adds one entry to the user
 * database after validating it like a seed glossary row (glossary.h: the romaji must
 * be the kana's), and prints its id. It is visible to lookup at once. */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "glossary.h"
#include "i18n.h"
#include "lexicon.h"
#include "romaji.h"
#include "status.h"
#include "userdb.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_help(void)
{
	printf(_("Usage: yakugo add --kana KANA [--ja WRITTEN] [--romaji ROMAJI] [OPTION]...\n"));
	printf(_("Add a term to your user database and print its id. It is checked like the\n"
	         "seed glossary: the romaji must be the modified Hepburn of the kana.\n"));
	printf("\n%s\n", _("Options:"));
	printf("  --ja TEXT        %s\n", _("written form (kanji or kana)"));
	printf("  --kana TEXT      %s\n", _("reading; spaces at word boundaries (required)"));
	printf("  --romaji TEXT    %s\n", _("romaji (default: the Hepburn of the kana)"));
	printf("  --type TYPE      %s\n", _("ministry, company, place, person, term, ... (default term)"));
	printf("  --en TEXT        %s\n", _("an English name; repeat for more, preferred first"));
	printf("  --market TEXT    %s\n", _("the organisation's own English-market name"));
	printf("  --variant TEXT   %s\n", _("a spelling seen in the wild; repeat for more"));
	printf("  --note TEXT      %s\n", _("a note"));
	printf("  -h, --help       %s\n", _("show this help and exit"));
}

static int push(char ***v, size_t *n, const char *s)
{
	char **nv = realloc(*v, (*n + 1) * sizeof *nv);
	if (!nv)
		return -1;
	*v = nv;
	if (!(nv[*n] = strdup(s)))
		return -1;
	(*n)++;
	return 0;
}

static int set(char **slot, const char *s)
{
	free(*slot);
	*slot = strdup(s);
	return *slot ? 0 : -1;
}

int cmd_add(int argc, char **argv)
{
	enum { O_JA = 256, O_KANA, O_ROMAJI, O_TYPE, O_EN, O_MARKET, O_VARIANT, O_NOTE };
	static const struct option longopts[] = {
		{ "ja", required_argument, NULL, O_JA },
		{ "kana", required_argument, NULL, O_KANA },
		{ "romaji", required_argument, NULL, O_ROMAJI },
		{ "type", required_argument, NULL, O_TYPE },
		{ "en", required_argument, NULL, O_EN },
		{ "market", required_argument, NULL, O_MARKET },
		{ "variant", required_argument, NULL, O_VARIANT },
		{ "note", required_argument, NULL, O_NOTE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	lexicon_entry e;
	lexicon *lex = NULL;
	char *err = NULL, *problem = NULL;
	int64_t id = 0;
	int opt, rc = YK_OK, oom = 0;

	memset(&e, 0, sizeof e);
	e.origin = LEXICON_USER;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (opt) {
		case O_JA: oom |= set(&e.ja, optarg); break;
		case O_KANA: oom |= set(&e.kana, optarg); break;
		case O_ROMAJI: oom |= set(&e.romaji, optarg); break;
		case O_TYPE: oom |= set(&e.type, optarg); break;
		case O_EN: oom |= push(&e.en, &e.n_en, optarg); break;
		case O_MARKET: oom |= set(&e.market, optarg); break;
		case O_VARIANT: oom |= push(&e.variants, &e.n_variants, optarg); break;
		case O_NOTE: oom |= set(&e.note, optarg); break;
		case 'h':
			add_help();
			lexicon_entry_clear(&e);
			return YK_OK;
		default:
			lexicon_entry_clear(&e);
			return cli_bad_option(argv, "h", longopts);
		}
	}
	if (optind < argc) {
		rc = cli_usage(_("unexpected argument '%s'"), argv[optind]);
		goto cleanup;
	}
	if (!e.kana) {
		rc = cli_usage(_("add needs --kana"));
		goto cleanup;
	}
	if (!oom && !e.ja)
		oom |= set(&e.ja, "");
	if (!oom && !e.type)
		oom |= set(&e.type, "term");
	if (!oom && !e.romaji &&
	    !(e.romaji = romaji_from_kana(e.kana, (size_t)-1, ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT)))
		oom = 1;
	if (oom) {
		rc = cli_error(YK_SYSTEM, "%s", strerror(ENOMEM));
		goto cleanup;
	}
	problem = glossary_check_entry(&e);
	if (problem) {
		rc = cli_error(YK_USAGE, _("invalid entry: %s"), problem);
		goto cleanup;
	}
	lex = userdb_open(0, &rc);
	if (!lex)
		goto cleanup;
	if (lexicon_add(lex, &e, &id, &err) != 0) {
		rc = cli_error(YK_SYSTEM, "%s", err ? err : _("database error"));
		goto cleanup;
	}
	printf("%" PRId64 "\n", id);
cleanup:
	lexicon_close(lex);
	free(err);
	free(problem);
	lexicon_entry_clear(&e);
	return rc;
}
