/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kana.h: romaji -> kana, accepting every system of romaji.h, macrons and circumflexes,
 * IME spellings (nn, xtu, ltu, xya, -), passport "oh", and upper case. Table driven. */
#ifndef YAKUGO_KANA_H
#define YAKUGO_KANA_H

#include <stddef.h>

enum kana_flags {
	KANA_KATAKANA = 1 << 0, /* write katakana; long marks (ō, ô, -) become ー */
	KANA_OH_LONG = 1 << 1   /* read "oh" before a consonant as a long o (Ohno -> おおの) */
};

/* Converts romaji[0..len) (len (size_t)-1: NUL-terminated) to hiragana (or katakana).
 * Long marks become the kana spelling: ō -> おう, ā -> ああ, ū -> うう, ē -> ええ,
 * ī -> いい (ー in katakana). Apostrophes after n and hyphens inside words are
 * consumed; spaces are kept. Text that cannot be kana (English words, digits,
 * punctuation) passes through unchanged. When complete is not NULL it is set to 1 if
 * every Latin letter of the input became kana, else 0. Returns a malloc'd string the
 * caller frees, or NULL when out of memory. */
char *kana_from_romaji(const char *romaji, size_t len, unsigned flags, int *complete);

#endif
