/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h: everything Unicode, through ICU (the only module that includes ICU headers):
 * UTF-8 validation, NFKC, width folding, hiragana<->katakana, case folding, diacritic
 * stripping, display width, character classes, and legacy charset conversion. */
#ifndef YAKUGO_TEXT_H
#define YAKUGO_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Checks that s[0..len) is well-formed UTF-8 (no surrogates, no overlongs; NUL bytes are
 * valid). Returns 0 when valid; otherwise -1 and, when bad_offset is not NULL, the byte
 * offset of the first bad sequence. */
int text_utf8_check(const char *s, size_t len, size_t *bad_offset);

/* Decodes the code point at s[*i] (s has len bytes) and advances *i past it.
 * Returns the code point, or -1 for an ill-formed sequence (then *i moves one byte). */
int32_t text_next_cp(const char *s, size_t len, size_t *i);

/* Appends the UTF-8 encoding of cp to buf (which has room for 4 bytes); returns the
 * number of bytes written (0 when cp is not a valid scalar value). */
size_t text_put_cp(char *buf, int32_t cp);

/* The following each return a newly malloc'd NUL-terminated UTF-8 string the caller
 * frees, or NULL on error (invalid UTF-8 input, out of memory, ICU failure: the ICU
 * function and u_errorName are then reported on stderr). len may be (size_t)-1 for a
 * NUL-terminated input. */

/* NFKC: folds full-width Latin and digits (ＡＩ２０２４ -> AI2024) and half-width
 * katakana (ｿﾌﾄﾊﾞﾝｸ -> ソフトバンク). */
char *text_nfkc(const char *s, size_t len);
/* Katakana -> hiragana (ー is kept as is). */
char *text_to_hiragana(const char *s, size_t len);
/* Hiragana -> katakana. */
char *text_to_katakana(const char *s, size_t len);
/* Unicode full case folding (lower case, locale-independent). */
char *text_casefold(const char *s, size_t len);
/* Upper case (locale-independent; ō -> Ō). */
char *text_upper(const char *s, size_t len);
/* Removes diacritics from Latin letters (ō ô -> o) after NFD; other scripts untouched. */
char *text_strip_marks(const char *s, size_t len);
/* Converts legacy-encoded bytes (charset is an ICU converter name such as "EUC-JP") to
 * UTF-8. Returns NULL on an unconvertible sequence unless lenient is non-zero, in which
 * case it is replaced with U+FFFD. */
char *text_from_charset(const char *charset, const char *s, size_t len, int lenient);

/* Display width in terminal columns of a UTF-8 string: East Asian Wide and Fullwidth
 * characters count 2, combining marks 0, others 1. Invalid bytes count 1. */
int text_width(const char *s, size_t len);

/* Character classes of one code point. */
int text_is_hiragana(int32_t cp);   /* U+3041..U+309F (incl. ゝゞ) */
int text_is_katakana(int32_t cp);   /* U+30A0..U+30FF and U+31F0..U+31FF, incl. ー */
int text_is_kanji(int32_t cp);      /* Han script, incl. 々 〆 */
int text_is_latin(int32_t cp);      /* Latin script letters (incl. ā ō) */
int text_is_alnum(int32_t cp);      /* a letter (L*) or decimal digit (Nd) of any script */
/* Japanese letter: hiragana, katakana or kanji. */
int text_is_japanese(int32_t cp);

/* A character that continues a word: a letter or mark or decimal digit of any script,
 * or connector punctuation ('_'), so that ai_flags, Biržai and a decomposed ž are each
 * one word. */
int text_is_word_char(int32_t cp);
/* Upper-case (or title-case) and lower-case letters, any script. */
int text_is_upper(int32_t cp);
int text_is_lower(int32_t cp);
/* The simple case folding of one code point (locale-independent; 'A' -> 'a'). */
int32_t text_fold_cp(int32_t cp);

/* Word boundaries of s[0..len) (UTF-8) by ICU's word break iterator, which segments runs
 * of kanji and kana with its Japanese dictionary: sets is_break[i] to 1 for every byte
 * offset i (0..len) at a boundary, 0 elsewhere; is_break has len + 1 bytes. Returns 0, or
 * -1 on an ICU failure (reported on stderr; is_break is then all 0). */
int text_word_breaks(const char *s, size_t len, unsigned char *is_break);

/* Releases ICU objects cached by this module (transliterators). Safe to call twice. */
void text_cleanup(void);

#endif
