/* SPDX-License-Identifier: GPL-3.0-or-later */
/* match.h: folding keys and fuzzy matching for lookups. A folding key maps every
 * spelling people use for one Japanese word (any romanization system, macrons or
 * doubled vowels or none, IME spellings, kana of either script) to one string, so that
 * equal keys mean "the same word, spelled differently"; edit distance on keys measures
 * typos. Pure C over text.h and romaji.h; no database here. */
#ifndef YAKUGO_MATCH_H
#define YAKUGO_MATCH_H

#include <stddef.h>

/* The romaji folding key of s[0..len) (len (size_t)-1: NUL-terminated), which may be
 * romaji in any system or kana (kana is romanized first). Case, spaces, hyphens,
 * apostrophes and punctuation are dropped; macrons and circumflexes are stripped;
 * vowel length in every spelling folds to one vowel (ā â aa, ō ô ou oo oh, ū uu, ē ee
 * ei, ii); Hepburn letters fold to Kunrei ones (shi chi tsu fu ji sha cha ja -> si ti tu
 * hu zi sya tya zya; Nihon di du dya -> zi zu zya); m before b/m/p -> n; nn -> n;
 * doubled consonants -> one; wo -> o. Digits and characters that are neither Latin nor
 * kana pass through. Returns a malloc'd string the caller frees, or NULL for invalid
 * UTF-8 or out of memory. Example: "Kēzai Sangyoo-shoo" -> "kezaisangyosyo". */
char *match_romaji_key(const char *s, size_t len);

/* The kana folding key of s[0..len): NFKC, katakana -> hiragana, then vowel length (a
 * vowel kana lengthening the previous syllable, ー), small っ, spaces and middle dots
 * are dropped; ぢ -> じ, づ -> ず, を -> お, small vowels -> full ones. Latin letters are
 * case-folded, other characters pass through. Returns a malloc'd string, or NULL for
 * invalid UTF-8 or out of memory. Example: "ケーザイ" and "けいざい" -> "けざい". */
char *match_kana_key(const char *s, size_t len);

/* Katakana to hiragana (U+30A1..U+30F6, ヽ ヾ; ー and ヷ..ヺ are kept), everything else
 * copied; s must be valid UTF-8 (NFKC it first for half-width kana). Malloc'd, or NULL
 * when out of memory. */
char *match_hiragana(const char *s);

/* The "plain" form used to decide that a romaji match is exact rather than normalised:
 * NFKC, case folded, spaces, hyphens, apostrophes (' ’) and dots removed; macrons are
 * kept ("Keizai Sangyōshō" -> "keizaisangyōshō"). Malloc'd, or NULL (invalid UTF-8,
 * out of memory). */
char *match_plain(const char *s, size_t len);

/* Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
 * substitutions, transpositions of adjacent characters) between the UTF-8 strings a and
 * b, counted in code points. When the distance exceeds max, returns max + 1 early.
 * Returns -1 when out of memory. */
int match_distance(const char *a, const char *b, int max);

/* The edit distance (as match_distance) between a and the prefix of b closest to it:
 * how far a typed beginning is from the start of b ("mainti" and "mainitisinbun": 1).
 * max + 1 when beyond max, -1 when out of memory. */
int match_prefix_distance(const char *a, const char *b, int max);

/* The largest edit distance a fuzzy match of a key of n code points may have: 0 for up
 * to 3, 1 up to 6, 2 up to 11, 3 up to 20, then n / 6 (long romanized titles). */
int match_max_distance(size_t n);

/* Number of code points of the UTF-8 string s (an invalid byte counts as one). */
size_t match_length(const char *s);

/* Whether pattern matches all of text: `*` any run of characters, `?` exactly one
 * character (code points, not bytes); every other character stands for itself. */
int match_glob(const char *pattern, const char *text);

/* Whether s has a wildcard (`*` or `?`, also their full-width forms). */
int match_has_wildcard(const char *s);

/* Script classes present in s (bits of enum match_script). */
enum match_script {
	MATCH_LATIN = 1 << 0,   /* Latin letters or ASCII digits */
	MATCH_KANA = 1 << 1,    /* hiragana or katakana (incl. half-width, ー) */
	MATCH_KANJI = 1 << 2,   /* Han */
	MATCH_OTHER = 1 << 3    /* anything else that is not space or punctuation */
};
unsigned match_scripts(const char *s);

#endif
