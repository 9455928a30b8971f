/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-cite.c: fuzz target for the citation normaliser (cite.h) on one line at a time:
 * cite_string, cite_value, cite_name and cite_annotation, with the seed lexicon, the
 * reading index and the English word list as `yakugo cite` has them (the build tree's
 * dict/, or $YAKUGO_DB). The first byte selects the function, the system, ALA-LC and
 * the annotations, the second how names are written (--names); each line of the rest
 * (valid UTF-8, as the readers pass it) is handed over in a buffer of exactly its
 * length (cite.h promises no more: no NUL after it). */
#include <config.h>

#include <stdio.h>

#include "cite.h"
#include "fuzz.h"
#include "lexicon.h"
#include "readings.h"
#include "text.h"

static lexicon *lex;
static readings *rd;
static cite *by_options[7][2][2];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *error = NULL;
	const char *idx = getenv("YAKUGO_READINGS");

	(void)argc;
	(void)argv;
	lex = lexicon_open(fuzz_db_path(), NULL, NULL,
	                   LEXICON_NO_USER | LEXICON_NO_SYSTEM, &error);
	if (lex)
		rd = readings_open(idx ? idx : BUILD_DATADIR "/readings.idx", &error);
	if (!lex || !rd) {
		fprintf(stderr, "fuzz-cite: %s\n", error);
		exit(1);
	}
	return 0;
}

/* The normaliser for a system, ALA-LC and a names mode, made on first use. */
static cite *normaliser(unsigned sys, unsigned alalc, unsigned names)
{
	cite **c = &by_options[sys][alalc][names];

	if (!*c) {
		cite_options o = { (romaji_system)sys, (int)alalc, 0, CITE_THRESHOLD_DEFAULT,
		                   names ? CITE_NAMES_ALALC : CITE_NAMES_KEEP };
		char *error = NULL;
		*c = cite_new(lex, rd, NULL, &o, &error);
		if (!*c) {
			fprintf(stderr, "fuzz-cite: %s\n", error);
			exit(1);
		}
	}
	return *c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned sel = fuzz_take(&data, &size), sel2 = fuzz_take(&data, &size);
	cite *c = normaliser((sel >> 2) % 7, (sel >> 5) & 1, sel2 & 1);
	size_t start = 0;

	cite_set_annotate(c, (sel >> 6) & 3);
	while (start < size) {
		const uint8_t *nl = memchr(data + start, '\n', size - start);
		size_t len = nl ? (size_t)(nl - (data + start)) : size - start;
		cite_change *changes = NULL;
		size_t n = 0, i;
		char *line, *out;

		if (text_utf8_check((const char *)data + start, len, NULL) == 0 &&
		    (line = malloc(len ? len : 1)) != NULL) {
			memcpy(line, data + start, len);
			switch (sel & 3) {
			case 0: out = cite_string(c, line, len, &changes, &n); break;
			case 1: out = cite_value(c, line, len, &changes, &n); break;
			case 2: out = cite_name(c, line, len, &changes, &n); break;
			default: out = cite_annotation(c, line, len, CITE_ANNOTATE_KANJI |
			                               CITE_ANNOTATE_ENGLISH); break;
			}
			for (i = 0; i < n; i++)
				FUZZ_ASSERT(changes[i].begin <= changes[i].end && changes[i].end <= len);
			if (out && (sel & 3) != 3)
				FUZZ_ASSERT(text_utf8_check(out, strlen(out), NULL) == 0);
			cite_changes_free(changes, n);
			free(out);
			free(line);
		}
		start += len + 1;
	}
	return 0;
}
