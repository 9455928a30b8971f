/* SPDX-License-Identifier: GPL-3.0-or-later */
/* readings.h: the reading index (dict/readings.idx): every word of MeCab's IPAdic
 * source (its reading, pronunciation, cost and word class), keyed by a folded kana key
 * in which vowel length, っ and ん are ignored, so that a badly romanized word finds the
 * real readings it may stand for. Built once by readings_build (the mkreadings helper at
 * `make` time), then mapped read-only and searched by binary search. */
#ifndef YAKUGO_READINGS_H
#define YAKUGO_READINGS_H

#include <stddef.h>
#include <stdint.h>

/* Word classes of an entry (bits). */
enum readings_flags {
	READINGS_PROPER = 1 << 0,       /* 名詞,固有名詞 */
	READINGS_PLACE = 1 << 1,        /* a place name */
	READINGS_PERSON = 1 << 2,       /* a person's name */
	READINGS_PARTICLE = 1 << 3,     /* a particle that stands alone (で, は, を, の ...) */
	READINGS_PLACE_SUFFIX = 1 << 4, /* 県, 市, 区 ... */
	READINGS_SUFFIX = 1 << 5,       /* a noun suffix or counter (月 gatsu, 年, 日 ...) */
	READINGS_INFLECTING = 1 << 6,   /* verb, adjective or auxiliary verb */
	READINGS_ORG = 1 << 7           /* an organisation */
};

/* Kana are stored one byte each: hiragana U+3041..U+3096 as 0x01..0x56 (katakana are
 * folded to hiragana), ー as READINGS_LONG, and a morpheme boundary inside a reading
 * (where two vowels must not merge into a long one, 湖 mizu|umi) as READINGS_BOUNDARY. */
#define READINGS_LONG 0x60
#define READINGS_BOUNDARY 0x7f
#define READINGS_MAX 32 /* longest reading stored, in kana */

typedef struct readings readings;

typedef struct readings_hit {
	const unsigned char *kana; /* the reading (codes above), READINGS_BOUNDARY included */
	size_t len;
	int cost;                  /* IPAdic word cost: lower is more common */
	unsigned flags;
} readings_hit;

/* Encodes the hiragana/katakana code point cp as a kana code; 0 when cp is not kana. */
unsigned char readings_code(int32_t cp);
/* The hiragana code point of a kana code (READINGS_LONG: U+30FC); 0 for other bytes. */
int32_t readings_cp(unsigned char code);

/* The folded key of kana codes k[0..n): boundaries, ー, っ and ん are dropped, a vowel
 * that lengthens the previous syllable (o+u, o+o, e+i, e+e, a+a, i+i, u+u) is dropped,
 * ぢ づ を become じ ず お. Writes at most n bytes to out and returns the key length. */
size_t readings_key(const unsigned char *k, size_t n, unsigned char *out);

/* Builds the index file out_path from the IPAdic CSV files (EUC-JP) in csv_dir. Returns
 * 0, or -1 with *error set to a malloc'd message the caller frees. */
int readings_build(const char *csv_dir, const char *out_path, char **error);

/* Maps the index file at path and checks every record once (offsets inside the file,
 * keys in order), so a truncated or overwritten file cannot crash a lookup. Returns the
 * handle, or NULL with *error set (malloc'd) and errno: EINVAL for a file that is not a
 * whole, valid index ("PATH: corrupt reading index (...)"), else the system's error
 * (ENOENT when there is no such file). */
readings *readings_open(const char *path, char **error);

/* Unmaps the index. NULL is allowed. */
void readings_close(readings *r);

/* Finds the entries whose folded key equals key[0..n). Writes up to max hits to out
 * (pointers into the mapped file, valid until readings_close) and returns their number. */
size_t readings_lookup(const readings *r, const unsigned char *key, size_t n,
                       readings_hit *out, size_t max);

#endif
