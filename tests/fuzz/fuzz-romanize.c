/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-romanize.c: fuzz target for romanize_string (romanize.h) in every style, system
 * and long-vowel mode, with MeCab (morph.h, the configured dictionary) opened once and
 * the seed glossary's terms loaded (the build tree's dict/yakugo.db, or $YAKUGO_DB); also
 * romanize_literal_buf. The first two bytes select the options; each line of the rest
 * (valid UTF-8, NUL-terminated as the command's line reader gives it) is romanized. */
#include <config.h>

#include <stdio.h>

#include "fuzz.h"
#include "lexicon.h"
#include "morph.h"
#include "romanize.h"
#include "text.h"

static morph *m;
static lexicon *lex;
static romanizer *by_options[4][7][6];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *error = NULL;

	(void)argc;
	(void)argv;
	m = morph_open(NULL, &error);
	if (m)
		lex = lexicon_open(fuzz_db_path(), NULL, NULL,
		                   LEXICON_NO_USER | LEXICON_NO_SYSTEM, &error);
	if (!m || !lex) {
		fprintf(stderr, "fuzz-romanize: %s\n", error);
		exit(1);
	}
	return 0;
}

/* The romanizer for one set of options, made (with the glossary) on first use. */
static romanizer *romanizer_for(unsigned style, unsigned sys, unsigned lng)
{
	romanizer **r = &by_options[style][sys][lng];

	if (!*r) {
		romanize_options o = { (romaji_system)sys, (romaji_long)lng, (romanize_style)style };
		char *error = NULL;
		*r = romanize_new(m, &o);
		if (!*r || romanize_load_lexicon(*r, lex, &error) != 0) {
			fprintf(stderr, "fuzz-romanize: %s\n", error ? error : "out of memory");
			exit(1);
		}
	}
	return *r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned a = fuzz_take(&data, &size), b = fuzz_take(&data, &size);
	romanizer *r = romanizer_for(a % 4, (a / 4) % 7, b % 6);
	size_t start = 0;

	while (start < size) {
		const uint8_t *nl = memchr(data + start, '\n', size - start);
		size_t len = nl ? (size_t)(nl - (data + start)) : size - start;
		char *line, *out, *error = NULL;

		if (text_utf8_check((const char *)data + start, len, NULL) == 0 &&
		    (line = fuzz_strndup(data + start, len)) != NULL) {
			out = NULL;
			if (b & 0x80) {
				size_t cap = 0, out_len = 0;
				if (romanize_literal_buf(line, len, (romaji_system)((a / 4) % 7),
				                         (romaji_long)(b % 6), &out, &cap, &out_len) == 0)
					FUZZ_ASSERT(out_len < cap && out[out_len] == 0);
			} else {
				out = romanize_string(r, line, len, &error);
			}
			if (out && !memchr(line, 0, len))
				FUZZ_ASSERT(text_utf8_check(out, strlen(out), NULL) == 0);
			free(out);
			free(error);
			free(line);
		}
		start += len + 1;
	}
	return 0;
}
