/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* How terms are found in a msgid (po_fill and po_check use the same matcher):
 * - English (Latin) names match at word boundaries, where a word is a run of letters,
 *   marks, digits and '_' of any script (Biržai, Bằng, ai_flags are whole words; a
 *   Japanese letter next to a name is a boundary: AIの). Letters compare by Unicode case
 *   folding, except in all-caps words (US, CAS, U.S., 5G), which match as written.
 * - Nothing matches inside code: format directives (%5g, %1$s, %-10s, %ld, %(name)s,
 *   %{name}, {0}, $HOME; ~a in a lisp- or scheme-format message), escapes (\dx),
 *   command-line options (-un, --ai), URLs, paths, e-mail addresses, dotted or scoped
 *   names (ai.flags, std::map), markup (<b>, &amp;).
 * - Japanese written forms match on ICU word boundaries (its word break iterator with
 *   the CJ dictionary): 米国 is not found in 北米国家. Spaces in the msgid are ignored.
 * - Terms whose English is one plain lower-case word ("for", "information": general
 *   vocabulary, not names) only match a whole msgid, never inside a longer one. */

/* Reads the catalogue in_path, fills it from g and writes it to out_path ("-" or NULL:
 * stdout; an existing regular file is replaced atomically, keeping its mode; a symlink
 * is followed; a device, FIFO or other non-regular file is written through). An
 * untranslated message whose msgid is a term (exactly, or ignoring case and spacing; an
 * abbreviation letter for letter) gets the term's translation -- as a `#, fuzzy`
 * suggestion when the term is an abbreviation; one whose msgid merely contains terms
 * gets a `#, fuzzy` suggestion (the terms replaced, abbreviations kept as written) and
 * one `# glossary: TERM → TRANSLATION` comment per term. Translated messages are never
 * changed. from/to give the direction (PO_LANG_AUTO: the Language header). Returns 0,
 * or an exit status with *error set (malloc'd): YK_USAGE for a malformed or
 * unconvertible catalogue (libgettextpo's FILE:LINE messages go to stderr), YK_SYSTEM
 * for I/O errors. st may be NULL. Callable any number of times in one process (a fuzz
 * harness may call it on a file it wrote); libgettextpo itself leaks one allocation per
 * msgctxt it reads (LeakSanitizer: leak:libgettextpo_xmalloc). */
int po_fill(const po_glossary *g, const char *in_path, const char *out_path,
            po_lang from, po_lang to, po_fill_stats *st, char **error);

/* Known exceptions for po_check: rules "TERM" (never report TERM) and "TERM<TAB>TEXT"
 * (not in messages whose msgid contains TEXT); TERM is a name as po_check prints it,
 * compared ignoring case and spacing, or "*" for every term. */
typedef struct po_ignore po_ignore;

/* Returns a new empty rule set, or NULL when out of memory. Free with po_ignore_free. */
po_ignore *po_ignore_new(void);
/* Adds one rule (text NULL or "": every message). 0, or -1 when out of memory. */
int po_ignore_add(po_ignore *ign, const char *term, const char *text);
/* Reads rules from the file at path: one a line, TERM or TERM<TAB>TEXT; blank lines and
 * lines starting with '#' are skipped; spaces around fields are trimmed. Returns 0, or
 * an exit status with *error set (malloc'd): YK_USAGE naming FILE:LINE for a bad line
 * (invalid UTF-8, an empty term, more than two fields), YK_SYSTEM when unreadable. */
int po_ignore_load(po_ignore *ign, const char *path, char **error);
/* Frees ign. NULL is allowed. */
void po_ignore_free(po_ignore *ign);

/* What po_check found. */
typedef struct po_check_stats {
	size_t problems;          /* reports written */
	size_t messages;          /* translated messages checked */
	size_t ignored;           /* problems silenced by a rule or a comment */
	size_t ignored_messages;  /* messages skipped by a "# yakugo: ignore" comment */
} po_check_stats;

/* Checks the catalogue in_path against g: for each translated message whose msgid
 * contains a term, reports on `report` "FILE:LINE: TERM: problem" when the msgstr lacks
 * a translation of it or uses a variant the glossary lists that is none of the term's
 * accepted forms. A translation is accepted when it keeps the source's name or
 * abbreviation as written (AI, NTT in a Japanese msgstr), or holds a written form or
 * kana (Japanese) or an English name, market name or romaji (English) of any term with
 * the same name (US: 米国 or アメリカ), or of a longer term whose name contains it. A
 * message with the translator comment "# yakugo: ignore" is skipped; "# yakugo: ignore
 * TERM, TERM" silences those terms; ign (NULL: none) silences more. stats (may be NULL)
 * gets the counts. Returns 0 (even when problems were found), or an exit status with
 * *error set as for po_fill. Callable any number of times in one process. */
int po_check(const po_glossary *g, const char *in_path, po_lang from, po_lang to,
             const po_ignore *ign, FILE *report, po_check_stats *stats, char **error);

/* Parses "en" or "ja" (case-insensitive). Returns 0 and sets *out, or -1. */
int po_lang_parse(const char *name, po_lang *out);

#endif
