/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romanize-data.h: the romanizer's word lists, as C tables. Their source is
 * dict/romanize.tsv (what each list means is said there and in doc/romanization.md);
 * src/mkromanize.awk checks it and writes romanize-data.c at build time. Every table is
 * read-only, ends with a NULL entry, and keeps the order of the file. */
#ifndef YAKUGO_ROMANIZE_DATA_H
#define YAKUGO_ROMANIZE_DATA_H

/* [counter]: a counter and its readings (katakana) after a number: reading after most,
 * after_tsu after one ending in っ (1, 8, 10; 6 and 100 too when tsu_after_6), after_n
 * after 3, 何, 千 and 万, after_4 after 4. No member is NULL (but the last row's). */
struct romanize_counter {
	const char *surface, *reading, *after_tsu, *after_n, *after_4;
	int tsu_after_6;
};
extern const struct romanize_counter romanize_counters[];

/* [numeral]: a kanji numeral, its value (0-9, a power of ten; -1: a number not said,
 * 何 数) and its reading alone. */
struct romanize_numeral {
	const char *kanji;
	long long value;
	const char *reading;
};
extern const struct romanize_numeral romanize_numerals[];

/* [numeral-pair]: first directly before second (both rows of romanize_numerals) are read
 * first_reading second_reading (三百 サンビャク). No numeral is both a first and a
 * second. */
struct romanize_numeral_pair {
	const struct romanize_numeral *first, *second;
	const char *first_reading, *second_reading;
};
extern const struct romanize_numeral_pair romanize_numeral_pairs[];

/* [numeral-before]: the last digit numeral (a row of romanize_numerals, value 0-9) of a
 * kanji numeral before the word counter is read reading (四月 シ). */
struct romanize_numeral_before {
	const struct romanize_numeral *numeral;
	const char *counter, *reading;
};
extern const struct romanize_numeral_before romanize_numerals_before[];

/* [number-word]: the number value before counter is one word read reading (一人 ヒトリ),
 * after a kanji numeral, or after Arabic digits when after_digits. The last row has
 * value 0. */
struct romanize_number_word {
	long value;
	const char *counter, *reading;
	int after_digits;
};
extern const struct romanize_number_word romanize_number_words[];

/* [head] with the role split or newspaper: a head noun cut off the end of a proper-noun
 * token, when the token's reading ends with reading; newspaper: the name is a title. */
struct romanize_head {
	const char *surface, *reading;
	int newspaper;
};
extern const struct romanize_head romanize_split_heads[];
/* [head], role org: surfaces that end an organisation's name. */
extern const char *const romanize_org_heads[];
/* [head], role name: head nouns of a name after a proper noun kept apart from them. */
extern const char *const romanize_name_heads[];
/* [head], role title: a person's title after a name. */
extern const char *const romanize_person_titles[];

/* [particle]: the one list of particles (the romanizer's and cite's): kana, romaji as
 * ALA-LC writes it (NULL: a compound only cite divides off), typed as a kana typist
 * writes it (wo, ha, he; NULL if not so), cite: how cite uses it. */
enum {
	ROMANIZE_CITE_WORD = 1,  /* a particle written as a word (not capitalised in a title) */
	ROMANIZE_CITE_APART = 2  /* divided off after a noun (gyōmude -> gyōmu de) */
};
struct romanize_particle {
	const char *kana, *romaji, *typed;
	unsigned cite;
};
extern const struct romanize_particle romanize_particles[];

/* [conj-joined]: conjunctive particles that stay on their verb (て, ながら). */
extern const char *const romanize_conj_joined[];

/* [punct]: Japanese punctuation and its English form. */
enum romanize_punct_kind {
	ROMANIZE_PUNCT_PAUSE = 0, /* a space after it (、) */
	ROMANIZE_PUNCT_STOP,      /* ends a sentence (。) */
	ROMANIZE_PUNCT_OPEN,      /* an opening quote or bracket */
	ROMANIZE_PUNCT_CLOSE,     /* a closing one */
	ROMANIZE_PUNCT_DASH,      /* nothing after it */
	ROMANIZE_PUNCT_SEPARATOR  /* a space (・) */
};
struct romanize_punct {
	const char *in, *out;
	enum romanize_punct_kind kind;
};
extern const struct romanize_punct romanize_puncts[];

/* [day]: a day of the month read as a word (reading in katakana; romaji as written in
 * Hepburn after Arabic digits when after_digits). The last row has day 0. */
struct romanize_day {
	int day;
	const char *reading, *romaji;
	int after_digits;
};
extern const struct romanize_day romanize_days[];

/* [direction]: 北 南 東 西 and their readings. */
struct romanize_direction {
	const char *surface, *reading;
};
extern const struct romanize_direction romanize_directions[];

/* [length-word]: words after 日 that make a number of days a length of time. */
extern const char *const romanize_length_words[];

/* [exception]: a token read as written here. surface is the token, words its words
 * separated by one space, reading theirs (as many, separated by one space);
 * instead_of ("" if none): the reading MeCab gives the surface at the start of a longer
 * word, read as reading there. */
struct romanize_exception {
	const char *surface, *words, *reading, *instead_of;
};
extern const struct romanize_exception romanize_exceptions[];

#endif
