/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-bibtex.c: fuzz target for the BibTeX reader (bibtex.h, btparse): the input is read
 * chunk by chunk with bibtex_next, as `yakugo cite --format bibtex` reads a file, and each
 * entry is rewritten with bibtex_rewrite and grown with bibtex_add_field. The fix
 * function replaces every other value (upper-cased ASCII), so both paths are taken. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>

#include "bibtex.h"
#include "fuzz.h"

static int fix(void *arg, const char *s, size_t len, size_t line, enum cite_field kind,
               char **out)
{
	unsigned *calls = arg;
	size_t i;

	(void)line;
	FUZZ_ASSERT(kind == CITE_FIELD_TEXT || kind == CITE_FIELD_VALUE || kind == CITE_FIELD_NAME);
	*out = NULL;
	if ((*calls)++ % 2)
		return 0;
	if (!(*out = malloc(len + 1)))
		return -1;
	for (i = 0; i < len; i++)
		(*out)[i] = (char)toupper((unsigned char)s[i]);
	(*out)[len] = 0;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp = size ? fmemopen((void *)data, size, "r") : NULL;
	bibtex_reader *r = NULL;
	const char *text;
	size_t len, line, total = 0;
	enum bibtex_chunk kind;
	unsigned calls = 0;
	int got;

	if (!fp || !(r = bibtex_open(fp, "fuzz.bib")))
		goto out;
	while ((got = bibtex_next(r, &text, &len, &line, &kind)) == 1) {
		total += len;
		FUZZ_ASSERT(total <= size);
		if (kind == BIBTEX_ENTRY) {
			char *res = NULL, *grown;
			FUZZ_ASSERT(bibtex_rewrite(text, len, line, fix, &calls, &res) == 0);
			grown = bibtex_add_field(res ? res : text, res ? strlen(res) : len,
			                         "note", "fuzz");
			free(grown);
			free(res);
		}
	}
	FUZZ_ASSERT(got == 0 || got == -1);
	/* nothing is lost: the chunks are the input */
	if (got == 0)
		FUZZ_ASSERT(total == size);
out:
	bibtex_close(r);
	if (fp)
		fclose(fp);
	return 0;
}
