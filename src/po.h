/* po.h: the glossary and gettext catalogues (the only module that includes gettext-po.h).
 * The glossary becomes a PO compendium (po_export); other programs' catalogues are filled
 * from it (po_fill) and checked against it (po_check). PO files are read and written with
 * libgettextpo, never by hand; a catalogue in a legacy encoding (EUC-JP, Shift_JIS, ...)
 * is converted to UTF-8 through text.h first. */
#ifndef YAKUGO_PO_H
#define YAKUGO_PO_H

#include <stddef.h>
#include <stdio.h>

#include "lexicon.h"

/* The language of one side of a catalogue. */
typedef enum po_lang {
	PO_LANG_AUTO = 0, /* from the catalogue's Language header (default: en -> ja) */
	PO_LANG_EN,
	PO_LANG_JA
} po_lang;

/* The glossary terms a catalogue is filled and checked with: a copy of the fields of
 * lexicon entries that matter here (written form, English names, romaji, type, market
 * name, variants). */
typedef struct po_glossary po_glossary;

/* Returns a new empty glossary, or NULL when out of memory. Free with po_glossary_free. */
po_glossary *po_glossary_new(void);

/* Copies the fields of e into g. Entries without a written form or without an English
 * name are skipped (they cannot map one language to the other). Returns 0, or -1 when
 * out of memory. Its signature fits lexicon_foreach (arg is the po_glossary). */
int po_glossary_add(const lexicon_entry *e, void *g);

/* Number of entries in g. */
size_t po_glossary_count(const po_glossary *g);

/* Frees g. NULL is allowed. */
void po_glossary_free(po_glossary *g);

/* Writes the glossary as a PO compendium to out_path ("-" or NULL: stdout): msgid in
 * `from`, msgstr in `to` (PO_LANG_AUTO: en -> ja), one message per distinct msgid (the
 * first entry wins: seed before user), with extracted comments giving the romaji, the
 * type and the market name. A file is written atomically (a temporary, then rename).
 * Returns 0, or an exit status (status.h) with *error set to a malloc'd message. */
int po_export(const po_glossary *g, po_lang from, po_lang to, const char *out_path,
              char **error);

/* What po_fill did. */
typedef struct po_fill_stats {
	size_t filled;     /* untranslated messages whose msgid is a term: now translated */
	size_t suggested;  /* untranslated messages containing terms: now fuzzy suggestions */
	size_t kept;       /* translated messages left untouched */
} po_fill_stats;

/* Reads the catalogue in_path, fills it from g and writes it to out_path ("-" or NULL:
 * stdout; a file is written atomically). An untranslated message whose msgid is a term
 * (exactly, or ignoring case and spacing) gets the term's translation; one whose msgid
 * merely contains terms gets a `#, fuzzy` suggestion (the terms replaced) and one
 * `# glossary: TERM → TRANSLATION` comment per term. Terms whose English is one plain
 * lower-case word ("for", "information": general vocabulary, not names) only match a
 * whole msgid, never inside a longer one (here and in po_check). Translated messages
 * are never changed. from/to give the direction (PO_LANG_AUTO: the Language header). Returns 0,
 * or an exit status with *error set (malloc'd): YK_USAGE for a malformed or
 * unconvertible catalogue (libgettextpo's FILE:LINE messages go to stderr), YK_SYSTEM
 * for I/O errors. st may be NULL. */
int po_fill(const po_glossary *g, const char *in_path, const char *out_path,
            po_lang from, po_lang to, po_fill_stats *st, char **error);

/* Checks the catalogue in_path against g: for each translated message whose msgid
 * contains a term, reports on `report` "FILE:LINE: TERM: problem" when the msgstr lacks
 * the preferred translation (on the Japanese side spaces are ignored) or uses a variant
 * the glossary marks as wrong. *n_problems gets the number of reports. Returns 0 (even
 * when problems were found), or an exit status with *error set as for po_fill. */
int po_check(const po_glossary *g, const char *in_path, po_lang from, po_lang to,
             FILE *report, size_t *n_problems, char **error);

/* Parses "en" or "ja" (case-insensitive). Returns 0 and sets *out, or -1. */
int po_lang_parse(const char *name, po_lang *out);

#endif
