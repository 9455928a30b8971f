/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romanize-int.h: what the stages of the romanizer share (SQLite's sqliteInt.h pattern):
 * its state (struct romanizer), the unit a token becomes, small inline helpers, and the
 * functions one stage calls in another. Private to src/romanize*.c.
 * The pipeline: a line is cut into pieces of a few KB (at control characters and, in
 * very long lines, at punctuation or spaces), each piece is NFKC-folded,
 * glossary terms are found by longest match and constrained to be single MeCab tokens,
 * MeCab reads the rest, and the tokens are grouped into ALA-LC words:
 *  - the morphemes of one word are joined with ROMAJI_MORPHEME, so long vowels merge
 *    only inside a morpheme (the pronunciation field tells which vowels are long) while
 *    っ and ん work across morphemes;
 *  - particles stand alone (は/へ/を -> wa/e/o), inflections stay on their verb, place
 *    and person suffixes and counters after Arabic numerals are hyphenated, dates are
 *    read as dates (1日 tsuitachi, 24日 24-ka, 10月 10-gatsu);
 *  - Latin letters and digits pass through; Japanese punctuation becomes English;
 *  - kanji numerals are read whole, with the sound changes of the counter after them
 *    (三百 sanbyaku, 一か月 ikkagetsu, 一人 hitori);
 *  - capitals: sentence case, proper nouns (MeCab's tag; an unknown katakana word only
 *    when its neighbours show a name), organisation names up to their head noun and
 *    glossary terms as the glossary writes them.
 * Words without a reading are written as they are and reported once each. */
#ifndef YAKUGO_ROMANIZE_INT_H
#define YAKUGO_ROMANIZE_INT_H

#include "romanize.h"

#include "romanize-data.h"
#include "str.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ROMANIZE_PIECE 4096     /* bytes of input analysed at once */
#define ROMANIZE_BUCKETS 4096   /* glossary index: buckets by first code point */
#define ROMANIZE_MAX_WARNED 65536

/* Decodes the code point at s[*i] of valid UTF-8 (the input is checked before it gets
 * here; MeCab's fields are UTF-8) without a function call; -1 and one byte on a
 * truncated sequence. */
static inline int32_t next_cp(const char *str, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)str + *i;
	size_t left = len - *i;
	if (u[0] < 0x80) {
		*i += 1;
		return u[0];
	}
	if (u[0] < 0xE0 && left >= 2) {
		*i += 2;
		return ((int32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	}
	if (u[0] < 0xF0 && left >= 3) {
		*i += 3;
		return ((int32_t)(u[0] & 0x0F) << 12) | ((int32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	}
	if (left >= 4) {
		*i += 4;
		return ((int32_t)(u[0] & 0x07) << 18) | ((int32_t)(u[1] & 0x3F) << 12)
		       | ((int32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
	}
	*i += 1;
	return -1;
}

typedef struct term {
	char *key;      /* NFKC written form */
	size_t key_len;
	char *kana;
	char *romaji;
	int proper;     /* the romaji starts with a capital */
	int short_key;  /* the written form is two characters or one */
} term;

typedef struct bucket {
	size_t *idx;    /* term indexes, longest key first */
	size_t n, cap;
} bucket;

/* What the previous piece of output was, for the joining rules. */
enum prev_kind {
	P_START = 0, /* nothing yet on this line */
	P_KANA,      /* a Japanese word (kana, glossary term, unknown characters) */
	P_LATIN,     /* Latin letters, digits or ASCII symbols, as written */
	P_DIGITS,    /* Arabic numerals */
	P_PUNCT,     /* Japanese punctuation: a space follows */
	P_OPEN       /* an opening quote or bracket, a dash: nothing follows */
};

typedef struct match {
	size_t b, e;
	const term *t;
} match;

typedef struct unit {
	morph_token tk;       /* the token (readings and class possibly adjusted) */
	const term *t;        /* or a glossary term */
	size_t space_before;
	int orgcap;           /* part of an organisation's name: capitalise each word */
	int glue;             /* one word with the unit before (スマート|フォン) */
	int apart;            /* a word of its own (三回 after 第: Dai sankai) */
	const char *fixed;    /* romaji to write as it is (日 before 中: Nit) */
} unit;

struct romanizer {
	morph *m;
	romanize_options o;
	term *terms;
	size_t n_terms, cap_terms;
	bucket buckets[ROMANIZE_BUCKETS];
	romanize_unknown_fn *unk;
	void *unk_arg;
	str_set warned;       /* words already reported (at most ROMANIZE_MAX_WARNED) */
	match *matches;
	size_t n_matches, cap_matches;
	unit *units;
	size_t n_units, cap_units;
	str_buf out, wk, tmp;
	/* The arena of the piece: readings made up while reading it (kanji numerals, 日本
	 * in a word, 京都大学). Units keep pointers into it until the piece is written, so
	 * it is reserved once per piece (romanize_units: 8 bytes per input byte) and must
	 * never grow after that: a rule that finds no room does not apply. */
	str_buf arena;
	/* state of the current line */
	int wk_cap;           /* capitalise the word in wk */
	int line_empty;       /* nothing written on this line yet */
	int sentence_start;
	char pending;         /* separator owed before the next word: 0, ' ', '-' */
	enum prev_kind pk;
	morph_class pcls;
	unsigned pflags;
	int p_te;             /* the previous token was the conjunctive て/で */
	int p_proper;         /* the previous word is a proper noun */
	int p_single;         /* the previous token was a one-kanji proper noun (日, 米) */
	int slug_hyphen;      /* slug: a hyphen is owed */
	int slug_started;
	char *error;          /* why the last step failed (malloc'd), NULL: out of memory */
};

static inline size_t cp_count(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	while (i < len) {
		next_cp(s, len, &i);
		n++;
	}
	return n;
}

static inline int contains(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i;
	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return 1;
	return 0;
}

static inline int surface_is(const morph_token *t, const char *s)
{
	/* the first byte first: most calls compare against a table of words */
	return t->surface_len && t->surface[0] == s[0] && t->surface_len == strlen(s)
	       && memcmp(t->surface, s, t->surface_len) == 0;
}

static inline int ends_with(const char *s, size_t n, const char *w, size_t wn)
{
	return n > wn && memcmp(s + n - wn, w, wn) == 0;
}

static inline int ends_with_str(const char *s, size_t n, const char *w)
{
	size_t wn = strlen(w);
	return n >= wn && memcmp(s + n - wn, w, wn) == 0;
}

/* ---- shared between the stages ------------------------------------------------ */

/* romanize.c */

/* Reports word once (bounded: after ROMANIZE_MAX_WARNED words every one is reported). */
void romanize_report_unknown(romanizer *r, const char *w, size_t n);

int romanize_is_kana_only(const char *s, size_t n);

int romanize_is_katakana_only(const char *s, size_t n);

/* romanize-terms.c */

/* Finds glossary terms in s[0..len), longest first, left to right. */
int romanize_find_terms(romanizer *r, const char *s, size_t len);

/* romanize-out.c */

int romanize_piece(romanizer *r, const char *s, size_t len);

/* romanize-units.c */

/* Date and counter readings after Arabic numerals: 1日 tsuitachi ... 24日 24-ka,
 * 10月 10-gatsu, 1人 hitori, 2人 futari. Writes into r->tmp the romaji (hepburn
 * letters are identical in every system for these) or returns 0 when none applies. */
int romanize_digits_special(romanizer *r, const char *d, size_t dn, const morph_token *t,
                          int day_date);

/* Whether the number of units[i] with 日 after it is a day of the month (1日
 * tsuitachi) rather than a length of time (1日に3回, 1日あたり: ichinichi): a month
 * before it makes it a date; a number, あたり, 中, 間, おき, ごと, も, で ... after it
 * a length; else a date (news: 岸田首相は1日、...). */
int romanize_day_is_date(const romanizer *r, size_t i);

unit *romanize_unit_push(romanizer *r);

/* The token exception ([exception]) written s[0..n), or NULL. */
const struct romanize_exception *romanize_exception_find(const char *s, size_t n);

/* Reads the piece s[0..len) (NFKC-folded, no control characters) into r->units, the
 * readings it makes up in r->arena: glossary terms, kanji numerals, the special cases
 * of romanize-units.c, then names (romanize-names.c). Returns 0, or -1 with r->error
 * set to MeCab's message, or left NULL when out of memory. */
int romanize_units(romanizer *r, const char *s, size_t len);

/* romanize-names.c */

/* Pushes one token as the next word(s): a proper noun with a reading is split into its
 * name and head words (push_proper) unless the style is spaced; anything else becomes
 * one unit. Returns 0, or -1 when out of memory. */
int romanize_push_token(romanizer *r, const morph_token *tk);

/* Fills the tables of organisation heads (their lengths, their last two bytes). Called by
 * romanize_new, before any thread works. */
void romanize_org_heads_init(void);

/* Marks noun runs ending in an organisation head (文部科学省, 日本政府観光局). */
void romanize_mark_org_runs(romanizer *r, const char *s);

/* Loanwords. MeCab tags a katakana word it does not know (アプリ, マイナンバーカード,
 * テンストレント) by cost alone, as a common noun in one sentence and an organisation in
 * the next, so its tag says nothing: such a word is a common noun (lower case, as ALA-LC
 * writes loanwords) unless its neighbours show a name (loan_is_name). A known katakana
 * surname directly followed by another katakana noun is the first part of one word
 * (スマート|フォン, アリ|ババ): the two are joined and judged the same way. A known
 * katakana common noun before a person suffix is a name (トランプ氏). */
void romanize_mark_loanwords(romanizer *r, const char *s);

#endif
