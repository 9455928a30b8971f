/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cite.h: the citation normaliser: finds the romanized Japanese in one citation string
 * (a footnote, a BibTeX/RIS/CSL field) and writes it again in one correct style, leaving
 * every other byte as it was. Knowledge comes from the lexicon (whole titles, names,
 * publications, fuzzily), the reading index built from MeCab's dictionary (readings.h,
 * word by word) and an English word list (what is not ours). The rules it follows, and
 * the evidence each kind of change needs, are in doc/citations.md. */
#ifndef YAKUGO_CITE_H
#define YAKUGO_CITE_H

#include <stddef.h>

#include "romaji.h"

typedef struct lexicon lexicon;
typedef struct readings readings;
typedef struct cite cite;

enum cite_annotate {
	CITE_ANNOTATE_KANJI = 1 << 0,   /* add the written form: [経済産業省] */
	CITE_ANNOTATE_ENGLISH = 1 << 1  /* add the English name: [Ministry of ...] */
};

/* What becomes of a personal name (doc/citations.md, "Personal names"). */
enum cite_names {
	CITE_NAMES_KEEP = 0, /* default: a name keeps the spelling its bearer or writer gave it */
	CITE_NAMES_ALALC     /* a name the lexicon knows is written in its ALA-LC form */
};

typedef struct cite_options {
	romaji_system sys;   /* letters of the output (default hepburn) */
	int alalc;           /* strict library forms: "Mainichi shinbun", not the market name */
	unsigned annotate;   /* bits of enum cite_annotate (text output only) */
	double threshold;    /* changes less confident than this are reported, not applied */
	enum cite_names names; /* personal names: kept (default) or the lexicon's ALA-LC form */
} cite_options;

/* The default threshold of confidence (documented in --help and README). */
#define CITE_THRESHOLD_DEFAULT 0.6

/* One change the normaliser found, in bytes of the input string. */
typedef struct cite_change {
	size_t begin, end;   /* the span replaced in the input */
	char *before;        /* the input text of the span (malloc'd) */
	char *after;         /* its replacement (malloc'd) */
	const char *reason;  /* static: "lexicon", "lexicon (fuzzy)", "long vowel", ... */
	double confidence;   /* 0..1 */
	int applied;         /* 1 when confidence >= threshold */
} cite_change;

/* Creates a normaliser. lex and rd are borrowed (either may be NULL: less knowledge);
 * the seed, user and TSV entries of lex are read into memory once here. words_path is
 * the English word list (NULL: $YAKUGO_WORDS, else /usr/share/dict/american-english;
 * a missing list is allowed). o may be NULL (defaults). Returns NULL with *error set
 * (malloc'd, the caller frees) on a database error or when out of memory. */
cite *cite_new(lexicon *lex, readings *rd, const char *words_path, const cite_options *o,
               char **error);

/* Frees c. NULL is allowed. */
void cite_free(cite *c);

/* Changes the inline annotation of recognised terms (bits of enum cite_annotate; 0 for
 * none): the structured formats put annotations in fields of their own instead. */
void cite_set_annotate(cite *c, unsigned annotate);

/* Normalises one citation s[0..len) (valid UTF-8, no newline). Returns the result as a
 * malloc'd NUL-terminated string (the caller frees), with *changes (malloc'd array,
 * free with cite_changes_free; NULL when none) and *n set; NULL when out of memory. */
char *cite_string(cite *c, const char *s, size_t len, cite_change **changes, size_t *n);

/* As cite_string, for the value of a structured field (a BibTeX title, a CSL-JSON
 * author's family name, an RIS TI line): the whole value is one field, commas and all,
 * and no quotes or URLs are looked for in it. */
char *cite_value(cite *c, const char *s, size_t len, cite_change **changes, size_t *n);

/* The annotation of a value the lexicon recognises as a whole (after normalising):
 * "経済産業省; Ministry of Economy, Trade and Industry" with the parts that `annotate`
 * (bits of enum cite_annotate) asks for. Returns a malloc'd string the caller frees, or
 * NULL when the value is not a known term or has nothing to add (or out of memory). */
char *cite_annotation(cite *c, const char *s, size_t len, unsigned annotate);

/* Whether the annotations notes ("value: note | value: note ...", as the format modules
 * collect them for a record) already have this note, for this value or another spelling
 * of the same term (one note per term and record). */
int cite_note_seen(const char *notes, const char *value, const char *note);

/* As cite_value, for a personal name (a BibTeX author/editor name between "and"s, a
 * CSL-JSON family/given/literal, an RIS AU/A1-A4/ED value, "Family, Given" or
 * "Given Family" or one part). A name keeps its spelling (CITE_NAMES_KEEP) or, with
 * CITE_NAMES_ALALC, becomes the lexicon's form of the person it names, in the order and
 * with the comma it was written with; a value the lexicon knows as something else (a
 * corporate author: Keizai Sangyosho) or whose words read only as common words is read
 * as cite_value reads it. See doc/citations.md, "Personal names". */
char *cite_name(cite *c, const char *s, size_t len, cite_change **changes, size_t *n);

/* Frees the array from cite_string. NULL is allowed. */
void cite_changes_free(cite_change *v, size_t n);

/* What a value handed to the normaliser is: which of cite_string, cite_value and
 * cite_name reads it. */
enum cite_field {
	CITE_FIELD_TEXT = 0,  /* a whole citation (a plain-text line) */
	CITE_FIELD_VALUE,     /* a title-like field of a structured record */
	CITE_FIELD_NAME       /* a personal name field of a structured record */
};

/* How the format modules (bibtex.h, csljson.h, ris.h) hand one field value to the
 * normaliser: s[0..len) is the value, line its line in the input (0 when unknown), kind
 * what it is. Sets *out to a malloc'd replacement, or NULL when the value stays.
 * Returns 0, or -1 when out of memory. */
typedef int cite_fix_fn(void *arg, const char *s, size_t len, size_t line,
                        enum cite_field kind, char **out);

#endif
