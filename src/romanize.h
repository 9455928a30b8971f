/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romanize.h: the text -> romaji pipeline (doc/romanization.md): NFKC, glossary terms
 * as single words (longest match, before MeCab), MeCab words and readings (morph.h),
 * ALA-LC word division, particles, dates and counters, capitals, and the romaji of
 * every system (romaji.h). Works on one line at a time, in bounded memory. */
#ifndef YAKUGO_ROMANIZE_H
#define YAKUGO_ROMANIZE_H

#include <stddef.h>
#include <stdio.h>

#include "morph.h"
#include "romaji.h"

typedef struct lexicon lexicon;

typedef enum romanize_style {
	ROMANIZE_ALALC = 0, /* ALA-LC word division, sentence case, proper nouns capitalised */
	ROMANIZE_SPACED,    /* one word per MeCab token (inflections kept on), lower case */
	ROMANIZE_TITLE,     /* as alalc, every word capitalised but particles */
	ROMANIZE_SLUG       /* lower-case ASCII words joined by hyphens, marks dropped */
} romanize_style;

typedef struct romanize_options {
	romaji_system sys;
	romaji_long lng;
	romanize_style style;
} romanize_options;

typedef struct romanizer romanizer;

/* Called once per distinct word that has no reading (its characters are written as
 * they are): word[0..len) is not NUL-terminated. */
typedef void romanize_unknown_fn(const char *word, size_t len, void *arg);

/* Parses a --style name ("alalc", "spaced", "title", "slug"). 0, or -1 if unknown. */
int romanize_style_parse(const char *name, romanize_style *out);

/* Creates a romanizer using m (borrowed: it must outlive the romanizer). o may be NULL
 * (hepburn, alalc). Returns NULL when out of memory. Romanizers created before threads
 * start may be used by different threads at the same time, one thread each. */
romanizer *romanize_new(morph *m, const romanize_options *o);

/* Frees r. NULL is allowed. */
void romanize_free(romanizer *r);

/* Sets the callback for words without a reading (NULL: none). */
void romanize_set_unknown(romanizer *r, romanize_unknown_fn *fn, void *arg);

/* Adds a glossary term: ja is its written form (matched after NFKC, longest first),
 * kana its reading (spaces between words), romaji its canonical ALA-LC romaji (used
 * as is, capitals included, with the hepburn system). Terms shorter than two
 * characters are ignored. Returns 0, or -1 when out of memory. */
int romanize_add_term(romanizer *r, const char *ja, const char *kana, const char *romaji);

/* Adds the terms of the seed glossary, user entries and the user's TSV imports of lex
 * (EDICT and ENAMDICT imports are too many to force as words). Returns 0, or -1 with
 * *error set (malloc'd, the caller frees). */
int romanize_load_lexicon(romanizer *r, lexicon *lex, char **error);

/* Romanizes one line s[0..len) (valid UTF-8; s[len] is never read, no NUL is needed
 * after it) and writes the result, without a newline, to out. Control characters (NUL,
 * tab, the rest of C0, DEL, C1) are copied through as they are and separate words; a
 * slug does not run on across them. Long lines are processed in pieces, so memory
 * stays bounded. Returns 0, or -1 with *error set (malloc'd: MeCab's own message when
 * MeCab failed). */
int romanize_write(romanizer *r, const char *s, size_t len, FILE *out, char **error);

/* As romanize_write, into a malloc'd NUL-terminated string the caller frees; NULL
 * with *error set on failure. */
char *romanize_string(romanizer *r, const char *s, size_t len, char **error);

/* --literal: kana (after NFKC when needed) straight to romaji with romaji_from_kana, no
 * MeCab, no word division, into *buf (a buffer of *cap bytes that the caller owns and
 * frees; NULL and 0 at first), setting *out_len; NUL bytes are copied through. Returns
 * 0, 1 when s holds ROMAJI_MORPHEME_CHAR, or needs NFKC and holds a NUL byte (call
 * again for each piece between such bytes, and copy them), or -1 when out of memory or
 * on an ICU failure. */
int romanize_literal_buf(const char *s, size_t len, romaji_system sys, romaji_long lng,
                         char **buf, size_t *cap, size_t *out_len);

#endif
