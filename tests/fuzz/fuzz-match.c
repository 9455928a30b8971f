/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-match.c: fuzz target for the folding keys, the edit distances and the glob of
 * match.h. The input is "A\tB": the keys are made of both, the distances measured
 * between them and B is matched against the pattern A. Distances must be symmetric and
 * zero to oneself. */
#include <config.h>

#include "fuzz.h"
#include "match.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned sel = fuzz_take(&data, &size);
	char *s = fuzz_strndup(data, size), *a, *b, *tab, *k;
	int max = (int)(sel % 8), d1, d2;

	if (!s)
		return 0;
	/* every key takes any bytes (NULL for invalid UTF-8) */
	free(match_romaji_key(s, size));
	free(match_kana_key(s, size));
	free(match_plain(s, size));
	if (text_utf8_check(s, size, NULL) != 0 || memchr(s, 0, size))
		goto out;
	free(match_hiragana(s));
	(void)match_scripts(s);
	(void)match_has_wildcard(s);
	(void)match_max_distance(match_length(s));
	a = s;
	tab = strchr(s, '\t');
	b = tab ? tab + 1 : s;
	if (tab)
		*tab = 0;
	(void)match_glob(a, b);
	d1 = match_distance(a, b, max);
	d2 = match_distance(b, a, max);
	FUZZ_ASSERT(d1 == d2);
	FUZZ_ASSERT(d1 >= 0 && d1 <= max + 1);
	FUZZ_ASSERT(match_distance(a, a, max) == 0);
	d1 = match_prefix_distance(a, b, max);
	FUZZ_ASSERT(d1 >= 0 && d1 <= max + 1);
	/* a key is valid UTF-8, and its distance to itself is 0 */
	if ((k = match_romaji_key(a, (size_t)-1)) != NULL) {
		FUZZ_ASSERT(text_utf8_check(k, strlen(k), NULL) == 0);
		FUZZ_ASSERT(match_distance(k, k, max) == 0);
		free(k);
	}
out:
	free(s);
	return 0;
}
