/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-edict.c: fuzz target for EDICT and ENAMDICT lines (edict.h): the first byte
 * selects the dictionary and whether the line is EUC-JP (converted with edict_to_utf8,
 * as `yakugo import` does) or already UTF-8. Every line of the input is parsed. */
#include <config.h>

#include <stdio.h>

#include "edict.h"
#include "fuzz.h"
#include "lines.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned sel = fuzz_take(&data, &size);
	edict_kind kind = (sel & 1) ? EDICT_NAMES : EDICT_WORDS;
	FILE *fp = size ? fmemopen((void *)data, size, "r") : NULL;
	lines *in = NULL;
	char *line;
	size_t len;

	if (!fp || !(in = lines_from_stream(fp, "fuzz")))
		goto out;
	while (lines_next(in, &line, &len) == 1) {
		char *utf8 = NULL, *error = NULL;
		lexicon_entry *v = NULL;
		size_t n = 0, i;
		int rc;

		if (sel & 2) {
			utf8 = edict_to_utf8(line, len);
			if (!utf8)
				continue;
			line = utf8;
			len = strlen(utf8);
		} else if (text_utf8_check(line, len, NULL) != 0) {
			continue; /* the contract: lines are UTF-8 */
		}
		if (edict_is_header(line, len)) {
			free(utf8);
			continue;
		}
		rc = edict_parse_line(kind, line, len, &v, &n, &error);
		FUZZ_ASSERT(rc == 0 || rc == -1);
		if (rc == 0) {
			FUZZ_ASSERT(n == 0 || v != NULL);
			for (i = 0; i < n; i++)
				FUZZ_ASSERT(v[i].kana != NULL);
		} else {
			FUZZ_ASSERT(error != NULL && v == NULL);
		}
		edict_entries_free(v, n);
		free(error);
		free(utf8);
	}
out:
	lines_close(in);
	if (fp)
		fclose(fp);
	return 0;
}
