/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-edit.c: `yakugo edit ID --field value...`: changes fields of one of the user's
 * own entries (`yakugo add` prints ids, `yakugo export --ids` lists them). The changed
 * entry is validated like a new one (glossary.h); the seed glossary and imports are
 * read-only. */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "glossary.h"
#include "i18n.h"
#include "lexicon.h"
#include "status.h"
#include "userdb.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void edit_help(void)
{
	printf(_("Usage: yakugo edit ID [--FIELD VALUE]...\n"));
	printf(_("Change fields of your entry ID ('yakugo add' prints it, 'yakugo export --ids'\n"
	         "lists them). FIELD is ja, kana, romaji, type, market or note (an empty VALUE\n"
	         "clears an optional field), en or variant (repeat them: the values given\n"
	         "replace the whole list; an empty VALUE empties it). The entry is checked\n"
	         "again: the romaji must be the kana's.\n"));
	printf("\n%s\n", _("Options:"));
	printf("  -h, --help  %s\n", _("show this help and exit"));
}

static int set(char **slot, const char *s)
{
	free(*slot);
	*slot = strdup(s);
	return *slot ? 0 : -1;
}

static void list_clear(char ***v, size_t *n)
{
	size_t i;
	for (i = 0; i < *n; i++)
		free((*v)[i]);
	free(*v);
	*v = NULL;
	*n = 0;
}

/* Appends s (an empty s adds nothing). 0 or -1. */
static int push(char ***v, size_t *n, const char *s)
{
	char **nv;
	if (!*s)
		return 0;
	nv = realloc(*v, (*n + 1) * sizeof *nv);
	if (!nv)
		return -1;
	*v = nv;
	if (!(nv[*n] = strdup(s)))
		return -1;
	(*n)++;
	return 0;
}

/* Deep copy of the user entry with the wanted id, found by lexicon_foreach. */
struct find {
	int64_t id;
	lexicon_entry *out;
	int oom;
};

static char *dup_or_null(const char *s, int *oom)
{
	char *d;
	if (!s)
		return NULL;
	if (!(d = strdup(s)))
		*oom = 1;
	return d;
}

static int find_cb(const lexicon_entry *e, void *arg)
{
	struct find *f = arg;
	lexicon_entry *o = f->out;
	size_t i;
	if (e->id != f->id)
		return 0;
	*o = *e;
	o->ja = dup_or_null(e->ja, &f->oom);
	o->kana = dup_or_null(e->kana, &f->oom);
	o->romaji = dup_or_null(e->romaji, &f->oom);
	o->type = dup_or_null(e->type, &f->oom);
	o->market = dup_or_null(e->market, &f->oom);
	o->footnotes = dup_or_null(e->footnotes, &f->oom);
	o->note = dup_or_null(e->note, &f->oom);
	o->pos = dup_or_null(e->pos, &f->oom);
	o->source = dup_or_null(e->source, &f->oom);
	o->en = NULL;
	o->n_en = 0;
	o->variants = NULL;
	o->n_variants = 0;
	for (i = 0; i < e->n_en; i++)
		f->oom |= push(&o->en, &o->n_en, e->en[i]) != 0;
	for (i = 0; i < e->n_variants; i++)
		f->oom |= push(&o->variants, &o->n_variants, e->variants[i]) != 0;
	return 1;
}

int cmd_edit(int argc, char **argv)
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
	struct find f;
	char *err = NULL, *problem = NULL, *end;
	int en_given = 0, var_given = 0, oom = 0, opt, rc = YK_OK, got, first;
	long long id;

	memset(&e, 0, sizeof e);
	/* options may come before or after ID: find ID first */
	for (first = 1; first < argc; first++) {
		if (strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "-h") == 0) {
			edit_help();
			return YK_OK;
		}
	}
	if (argc < 2 || (argv[1][0] == '-' && !(argv[1][1] >= '0' && argv[1][1] <= '9'))) {
		/* an unknown option is reported as such, in the words every command uses */
		optind = 0;
		opterr = 0;
		while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1)
			if (opt == '?')
				return cli_bad_option(argv, "h", longopts);
		return cli_usage(_("edit needs an entry ID first"));
	}
	errno = 0;
	id = strtoll(argv[1], &end, 10);
	if (errno || *end || id <= 0)
		return cli_usage(_("'%s' is not an entry id"), argv[1]);
	lex = userdb_open(0, &rc);
	if (!lex)
		return rc;
	f.id = id;
	f.out = &e;
	f.oom = 0;
	got = lexicon_foreach(lex, 1u << LEXICON_USER, find_cb, &f, &err);
	if (got < 0) {
		rc = cli_error(YK_SYSTEM, "%s", err ? err : _("database error"));
		goto cleanup;
	}
	if (got == 0) {
		rc = cli_error(YK_NOTFOUND, _("no user entry %lld"), id);
		goto cleanup;
	}
	oom = f.oom;
	/* parse the options after ID: ID stands where getopt expects the program name */
	argc--;
	argv++;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (opt) {
		case O_JA: oom |= set(&e.ja, optarg); break;
		case O_KANA: oom |= set(&e.kana, optarg); break;
		case O_ROMAJI: oom |= set(&e.romaji, optarg); break;
		case O_TYPE: oom |= set(&e.type, optarg); break;
		case O_MARKET: oom |= set(&e.market, optarg); break;
		case O_NOTE: oom |= set(&e.note, optarg); break;
		case O_EN:
			if (!en_given++)
				list_clear(&e.en, &e.n_en);
			oom |= push(&e.en, &e.n_en, optarg);
			break;
		case O_VARIANT:
			if (!var_given++)
				list_clear(&e.variants, &e.n_variants);
			oom |= push(&e.variants, &e.n_variants, optarg);
			break;
		default:
			rc = cli_bad_option(argv, "h", longopts);
			goto cleanup;
		}
	}
	if (optind < argc) {
		rc = cli_usage(_("unexpected argument '%s'"), argv[optind]);
		goto cleanup;
	}
	if (oom) {
		rc = cli_error(YK_SYSTEM, "%s", strerror(ENOMEM));
		goto cleanup;
	}
	/* an empty optional field is no field */
	if (e.market && !*e.market) {
		free(e.market);
		e.market = NULL;
	}
	if (e.note && !*e.note) {
		free(e.note);
		e.note = NULL;
	}
	problem = glossary_check_entry(&e);
	if (problem) {
		rc = cli_error(YK_USAGE, _("invalid entry: %s"), problem);
		goto cleanup;
	}
	got = lexicon_update(lex, id, &e, &err);
	if (got < 0)
		rc = cli_error(YK_SYSTEM, "%s", err ? err : _("database error"));
	else if (got == 1)
		rc = cli_error(YK_NOTFOUND, _("no user entry %lld"), id);
cleanup:
	lexicon_close(lex);
	free(err);
	free(problem);
	lexicon_entry_clear(&e);
	return rc;
}
