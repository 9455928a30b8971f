/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romaji.h: kana -> romaji in every system of doc/romanization.md (hepburn, traditional,
 * kunrei, nihon, passport, wapuro, cabinet2025), table driven. Pure C: no library calls
 * beyond libc and text.h. The reverse direction is kana.h. */
#ifndef YAKUGO_ROMAJI_H
#define YAKUGO_ROMAJI_H

#include <stddef.h>

typedef enum romaji_system {
	ROMAJI_HEPBURN = 0,   /* modified Hepburn = ALA-LC letters (default) */
	ROMAJI_TRADITIONAL,   /* traditional Hepburn: m before b/m/p, を wo */
	ROMAJI_KUNREI,        /* ISO 3602 (Kunrei-shiki) */
	ROMAJI_NIHON,         /* ISO 3602 strict (Nihon-shiki): di du dya, wo */
	ROMAJI_PASSPORT,      /* passport Hepburn: m before b/m/p, long vowels dropped */
	ROMAJI_WAPURO,        /* kana as typed on an IME; round-trips */
	ROMAJI_CABINET2025    /* 2025 Cabinet Notice: macrons, cch */
} romaji_system;

typedef enum romaji_long {
	ROMAJI_LONG_DEFAULT = 0, /* the system's own spelling */
	ROMAJI_LONG_MACRON,      /* ā ī ū ē ō */
	ROMAJI_LONG_CIRCUMFLEX,  /* â î û ê ô */
	ROMAJI_LONG_DOUBLE,      /* aa ii uu ee oo */
	ROMAJI_LONG_H,           /* passport "oh" for o-long (Ohno); other lengths dropped */
	ROMAJI_LONG_NONE         /* dropped (Tokyo) */
} romaji_long;

/* Markers the caller may put in the kana input:
 *  - ' ' (space): a word boundary. Kept in the output; long vowels never merge across
 *    it; a stray っ before it is dropped; ん before it needs no apostrophe.
 *  - ROMAJI_MORPHEME ("\x1f"): a morpheme boundary inside one word. Not printed; long
 *    vowels never merge across it, but っ still doubles the next consonant and ん still
 *    takes n' before a vowel or y across it (行っ|た -> itta, 金|円 -> kin'en). */
#define ROMAJI_MORPHEME "\x1f"
#define ROMAJI_MORPHEME_CHAR '\x1f'

/* Romanizes kana[0..len) (len (size_t)-1: NUL-terminated). Hiragana, katakana
 * (incl. ー, small kana, ヴ, ヷ..ヺ) and half-width katakana (after NFKC) are converted;
 * within one morpheme おう/おお -> ō, うう -> ū, ああ -> ā, ええ -> ē (Hepburn family),
 * えい and いい stay ei / ii; katakana ー lengthens the previous vowel and is dropped when
 * there is none. Everything else (Latin, digits, kanji, punctuation) passes through
 * unchanged. Output is lower case. Returns a malloc'd UTF-8 string the caller frees, or
 * NULL when out of memory. */
char *romaji_from_kana(const char *kana, size_t len, romaji_system sys, romaji_long lng);

/* As romaji_from_kana (len is a length, NUL bytes are copied through), into *buf, a
 * buffer of *cap bytes that the caller owns and frees (NULL and 0 at first; grown with
 * realloc). Sets *out_len to the length of the NUL-terminated result and, when plain is
 * not NULL, *plain to 1 when kana held nothing but ASCII, the kana U+3041..U+3096
 * and U+30A1..U+30FC and the punctuation 、。「」『』 (text that NFKC leaves as it is),
 * else 0. Returns 0, or -1 when
 * out of memory (*buf stays valid for the caller to free). */
int romaji_from_kana_buf(const char *kana, size_t len, romaji_system sys, romaji_long lng,
                         char **buf, size_t *cap, size_t *out_len, int *plain);

/* The romaji of a particle token for sys: は -> "wa", へ -> "e", を -> "o" ("wo" in
 * traditional, nihon and wapuro). Returns a static string, or NULL when kana is not
 * one of these three (hiragana or katakana, NUL-terminated). */
const char *romaji_particle(const char *kana, romaji_system sys);

/* Parses a system name ("hepburn", "traditional", "kunrei", "nihon", "passport",
 * "wapuro", "cabinet2025"). Returns 0 and sets *out, or -1 for an unknown name. */
int romaji_system_parse(const char *name, romaji_system *out);
/* The canonical name of sys (static string). */
const char *romaji_system_name(romaji_system sys);
/* Parses a --long value ("macron", "circumflex", "double", "h", "none"). 0 or -1. */
int romaji_long_parse(const char *name, romaji_long *out);

#endif
