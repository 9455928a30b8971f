/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-romaji.c: fuzz target for kana -> romaji (romaji.h) in every system and
 * long-vowel mode: the first byte selects them, the rest is the kana. The string and the
 * buffer forms must agree, and romaji_particle must hold on the same input. */
#include <config.h>

#include "fuzz.h"
#include "romaji.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned sel = fuzz_take(&data, &size);
	romaji_system sys = (romaji_system)(sel % 7);
	romaji_long lng = (romaji_long)((sel / 7) % 6);
	char *s = fuzz_strndup(data, size), *a, *buf = NULL;
	size_t cap = 0, out_len = 0;
	int plain = -1;

	if (!s)
		return 0;
	a = romaji_from_kana(s, size, sys, lng);
	if (romaji_from_kana_buf((const char *)data, size, sys, lng, &buf, &cap, &out_len,
	                         &plain) == 0) {
		FUZZ_ASSERT(plain == 0 || plain == 1);
		FUZZ_ASSERT(out_len < cap && buf[out_len] == 0);
		if (a && !memchr(s, 0, size))
			FUZZ_ASSERT(strlen(a) == out_len && memcmp(a, buf, out_len) == 0);
		if (text_utf8_check(s, size, NULL) == 0)
			FUZZ_ASSERT(text_utf8_check(buf, out_len, NULL) == 0);
	}
	(void)romaji_particle(s, sys);
	free(buf);
	free(a);
	free(s);
	return 0;
}
