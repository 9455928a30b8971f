/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-kana.c: fuzz target for romaji -> kana (kana.h) with every flag: the first byte
 * selects the flags, the rest is the romaji, given with its length and NUL-terminated. */
#include <config.h>

#include "fuzz.h"
#include "kana.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned flags = fuzz_take(&data, &size) & (KANA_KATAKANA | KANA_OH_LONG);
	char *s = fuzz_strndup(data, size), *a = NULL, *b = NULL;
	int complete = -1;

	if (!s)
		return 0;
	a = kana_from_romaji(s, size, flags, &complete);
	b = kana_from_romaji(s, (size_t)-1, flags, NULL);
	FUZZ_ASSERT(complete == 0 || complete == 1);
	/* valid UTF-8 in, valid UTF-8 out; with no NUL inside, both calls agree */
	if (a && text_utf8_check(s, size, NULL) == 0)
		FUZZ_ASSERT(text_utf8_check(a, strlen(a), NULL) == 0);
	if (a && b && !memchr(s, 0, size))
		FUZZ_ASSERT(strcmp(a, b) == 0);
	free(a);
	free(b);
	free(s);
	return 0;
}
