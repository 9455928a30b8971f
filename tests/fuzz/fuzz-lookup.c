/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-lookup.c: fuzz target for the lookup query (lexicon_search: the script and
 * wildcard analysis, the FTS5 queries built from the words and the wildcard patterns
 * (GLOB, LIKE and their escaping), fuzzy matching) on the seed database of the build
 * tree (dict/yakugo.db, built by make from dict/glossary.tsv; or $YAKUGO_DB), opened
 * once, read-only, without a user database. The first byte selects --exact and the
 * limit; the rest (NUL-terminated, as a command-line argument) is the query. A query
 * must never give a database error: SQLite only ever sees it as bound parameters. */
#include <config.h>

#include <stdio.h>

#include "fuzz.h"
#include "lexicon.h"
#include "text.h"

static lexicon *lex;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *error = NULL;

	(void)argc;
	(void)argv;
	lex = lexicon_open(fuzz_db_path(), NULL, NULL,
	                   LEXICON_NO_USER | LEXICON_NO_SYSTEM, &error);
	if (!lex) {
		fprintf(stderr, "fuzz-lookup: %s\n", error);
		exit(1);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned sel = fuzz_take(&data, &size);
	lexicon_query q = { (int)(sel & 1), (sel >> 1) % 4 ? (sel >> 1) % 64 : 0 };
	lexicon_result *res = NULL;
	char *query, *error = NULL;
	size_t n = 0, i;
	int rc;

	/* a query is one command-line argument: valid UTF-8 (checked by the command) */
	if (size > 4096 || memchr(data, 0, size) || text_utf8_check((const char *)data, size, NULL))
		return 0;
	if (!(query = fuzz_strndup(data, size)))
		return 0;
	rc = lexicon_search(lex, query, &q, &res, &n, &error);
	if (rc != 0)
		fprintf(stderr, "fuzz-lookup: %s\n", error);
	FUZZ_ASSERT(rc == 0);
	FUZZ_ASSERT(n <= (q.limit ? q.limit : 20));
	for (i = 0; i < n; i++)
		FUZZ_ASSERT(res[i].match != NULL && res[i].entry.kana != NULL);
	lexicon_results_free(res, n);
	free(query);
	return 0;
}
