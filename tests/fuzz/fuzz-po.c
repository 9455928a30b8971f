/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-po.c: fuzz target for the PO reader (po.c through libgettextpo): the input is
 * written to a file and checked against, or filled from, the seed glossary (loaded once
 * from the build tree's dict/yakugo.db, or $YAKUGO_DB). The first byte selects check or
 * fill, the direction and whether po_check gets exception rules (--ignore). */
#include <config.h>

#include <stdio.h>

#include "fuzz.h"
#include "po.h"

static const char *path;
static char out_path[4200];
static po_glossary *glossary;
static FILE *devnull;
static po_ignore *rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *error = NULL;
	lexicon *lex;

	(void)argc;
	(void)argv;
	path = fuzz_file_init(".po");
	lex = lexicon_open(fuzz_db_path(), NULL, NULL,
	                   LEXICON_NO_USER | LEXICON_NO_SYSTEM, &error);
	glossary = po_glossary_new();
	devnull = fopen("/dev/null", "w");
	rules = po_ignore_new();
	if (!path || !lex || !glossary || !devnull || !rules ||
	    po_ignore_add(rules, "Tokyo", NULL) != 0 || po_ignore_add(rules, "*", "ministry") != 0 ||
	    lexicon_foreach(lex, 1u << LEXICON_SEED, po_glossary_add, glossary, &error) != 0) {
		fprintf(stderr, "fuzz-po: %s\n", error ? error : "cannot start");
		exit(1);
	}
	lexicon_close(lex);
	snprintf(out_path, sizeof out_path, "%s.out.po", path);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned sel = fuzz_take(&data, &size);
	po_lang from = (po_lang)(sel % 3), to = (po_lang)((sel / 3) % 3);
	char *error = NULL;
	po_check_stats stats;
	int rc;

	if (fuzz_file_write(data, size) != 0)
		abort();
	if (sel & 0x80) {
		po_fill_stats st;
		rc = po_fill(glossary, path, out_path, from, to, &st, &error);
		remove(out_path);
	} else {
		rc = po_check(glossary, path, from, to, (sel & 0x40) ? rules : NULL, devnull, &stats,
		              &error);
	}
	FUZZ_ASSERT((rc == 0) == (error == NULL));
	free(error);
	return 0;
}
