/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-glossary.c: fuzz target for the glossary TSV rows (glossary.h), read through the
 * line reader (lines.h) as `yakugo build` and `import tsv` read them: every line of the
 * input is a row of one session, so duplicates across rows are reached too. */
#include <config.h>

#include <stdio.h>

#include "fuzz.h"
#include "glossary.h"
#include "lines.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp = size ? fmemopen((void *)data, size, "r") : NULL;
	glossary *g = glossary_new();
	lines *in = NULL;
	char *line;
	size_t len, i;

	if (!fp || !g || !(in = lines_from_stream(fp, "fuzz.tsv")))
		goto out;
	while (lines_next(in, &line, &len) == 1) {
		lexicon_entry e = { 0 };
		int rc = glossary_parse_row(g, "fuzz.tsv", lines_number(in), line, len, &e);
		FUZZ_ASSERT(rc == 0 || rc == 1);
		if (rc == 0) {
			char *problem = glossary_check_entry(&e);
			free(problem);
			FUZZ_ASSERT(e.kana && e.romaji && e.type);
		}
		lexicon_entry_clear(&e);
	}
	for (i = 0; i < glossary_problem_count(g); i++)
		FUZZ_ASSERT(glossary_problem(g, i) != NULL);
out:
	lines_close(in);
	if (fp)
		fclose(fp);
	glossary_free(g);
	return 0;
}
