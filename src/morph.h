/* SPDX-License-Identifier: GPL-3.0-or-later */
/* morph.h: morphological analysis through MeCab (the only module that includes mecab.h):
 * a piece of Japanese text in, tokens out with surface, reading, pronunciation, part of
 * speech and a dictionary-independent word class. The dictionary's feature layout
 * (IPAdic / NAIST-jdic, UniDic 2.x, UniDic-cwj 3.x, JUMAN) is detected when it is
 * opened, so the reading always comes from the right field. */
#ifndef YAKUGO_MORPH_H
#define YAKUGO_MORPH_H

#include <stddef.h>

typedef struct morph morph;

/* A dictionary-independent word class (what romanize.c needs to divide words). */
typedef enum morph_class {
	MORPH_OTHER = 0,
	MORPH_NOUN,          /* common noun (incl. verbal nouns, adjectival stems) */
	MORPH_PROPER,        /* proper noun; see the MORPH_F_* flags for its kind */
	MORPH_PRONOUN,
	MORPH_NUMBER,        /* numeral (一, 二, 10, 万 ...) */
	MORPH_SUFFIX,        /* a noun suffix (的, 後, 語 ...) */
	MORPH_COUNTER,       /* a counter suffix (年, 人, 件 ...) */
	MORPH_PLACE_SUFFIX,  /* a place-name suffix (県, 市, 区 ...) */
	MORPH_PERSON_SUFFIX, /* さん, 氏, 様 ... */
	MORPH_NOUN_DEP,      /* dependent noun (こと, もの, の as nominaliser) */
	MORPH_PREFIX,
	MORPH_VERB,          /* independent verb */
	MORPH_VERB_DEP,      /* auxiliary-like verb after て (いる, しまう, くる) */
	MORPH_VERB_SUFFIX,   /* verb suffix (れる, せる after a stem) */
	MORPH_ADJECTIVE,
	MORPH_AUXVERB,       /* 助動詞: ます, た, ない, だ ... */
	MORPH_PARTICLE,      /* case, binding, adverbial, final particles */
	MORPH_CONJ_PARTICLE, /* 接続助詞: て, で, ば, が (but) ... */
	MORPH_ADVERB,
	MORPH_ADNOMINAL,     /* 連体詞 */
	MORPH_CONJUNCTION,
	MORPH_INTERJECTION,
	MORPH_SYMBOL,        /* punctuation, brackets, other symbols */
	MORPH_ALPHA          /* a run of Latin letters or digits */
} morph_class;

enum morph_flags {
	MORPH_F_UNKNOWN = 1 << 0, /* not in the dictionary (MeCab's unknown-word node) */
	MORPH_F_PERSON = 1 << 1,  /* proper noun: a person's name */
	MORPH_F_PLACE = 1 << 2,   /* proper noun: a place */
	MORPH_F_ORG = 1 << 3,     /* proper noun: an organisation */
	MORPH_F_DEP = 1 << 4,     /* a dependent (非自立) adjective or noun: やすい, ない */
	MORPH_F_COPULA = 1 << 5   /* the copula だ / です / である in any form */
};

/* One token. The pointers point into the handle's copy of the analysed text or into
 * MeCab's lattice; they stay valid until the next morph_parse on the same handle.
 * Strings are NOT NUL-terminated: always use the lengths. */
typedef struct morph_token {
	const char *surface;  /* the text of the token */
	size_t surface_len;
	size_t offset;        /* byte offset of surface in the analysed text */
	size_t space_before;  /* bytes of white space MeCab skipped before surface */
	const char *pos;      /* the feature fields of the part of speech, comma-separated */
	size_t pos_len;       /* (ipadic: "名詞,固有名詞,地域,一般") */
	const char *base;     /* dictionary (base) form, NULL if none */
	size_t base_len;
	const char *reading;  /* reading in katakana (hiragana for JUMAN), NULL if none */
	size_t reading_len;
	const char *pron;     /* pronunciation (long vowels as ー), NULL if none */
	size_t pron_len;
	morph_class cls;
	unsigned flags;       /* MORPH_F_* */
} morph_token;

/* Opens MeCab with the dictionary in dicdir (NULL: the configured default,
 * MECAB_DICDIR from config.h; it is always passed explicitly with -d, so /etc/mecabrc's
 * default dictionary is never used) and detects its feature layout. Returns the
 * handle, or NULL with *error set to a malloc'd message (naming the Debian package
 * mecab-ipadic-utf8 when the dictionary is missing) that the caller frees. */
morph *morph_open(const char *dicdir, char **error);

/* Opens a second handle on the dictionary base has open (MeCab's model is shared, the
 * tagger, lattice and word cache are the new handle's own), for use by another thread:
 * a handle is used by one thread at a time, the dictionary by any number. base must
 * outlive it. Returns the handle, or NULL with *error set (malloc'd, the caller frees). */
morph *morph_open_shared(const morph *base, char **error);

/* Closes the handle. NULL is allowed. */
void morph_close(morph *m);

/* A short name of the detected layout: "ipadic", "unidic", "unidic-cwj" or "juman". */
const char *morph_layout_name(const morph *m);

/* Constrains the next morph_parse: the bytes [begin, end) of the text must form one
 * token (used to keep glossary terms whole while MeCab reads the words around them).
 * Constraints are forgotten after each parse. Returns 0, or -1 when out of memory. */
int morph_constrain(morph *m, size_t begin, size_t end);

/* Analyses text[0..len) (valid UTF-8; text[len] is never read, the text is copied).
 * Whatever the text holds, MeCab cannot end the process on it: a control character
 * (C0 with NUL and tab, DEL, C1) never reaches the tagger but is a token of its own
 * (MORPH_SYMBOL, no reading); a constraint that spans one is dropped; a run of more than
 * 64 code points of one kind (Latin letters, digits, katakana, symbols) is analysed in
 * parts of 64, so that the time stays linear. Returns 0 and sets *tokens (an array
 * owned by m, valid until the next parse) and *n, or -1 with *error set to a malloc'd
 * message (MeCab's own, when MeCab fails) that the caller frees. */
int morph_parse(morph *m, const char *text, size_t len, const morph_token **tokens,
                size_t *n, char **error);

#endif
