/* SPDX-License-Identifier: GPL-3.0-or-later */
/* glossary.h: the glossary TSV format (dict/glossary.tsv, `yakugo import tsv`, `yakugo
 * add`): parsing rows into lexicon entries and validating them. A file is UTF-8,
 * tab-separated, a header row first, `#` comment lines and blank lines ignored, and
 * exactly nine columns per row:
 *   ja  kana  romaji  type  en  market  variants  footnotes  note
 * en and variants hold several items separated by " | ". kana, romaji and type are
 * required; romaji must be the modified Hepburn romanization of the kana (glossary_
 * check_romaji); a (ja, kana) pair appears once. Every problem is collected (none stops
 * the reading) as "FILE:LINE: message". */
#ifndef YAKUGO_GLOSSARY_H
#define YAKUGO_GLOSSARY_H

#include <stddef.h>

#include "lexicon.h"

#define GLOSSARY_COLUMNS 9

/* The most bytes a row may have, and the most text an entry may have in all its fields
 * (yakugo add, edit, import tsv and tbx): 1 MiB, over 500 times the longest line of
 * Debian's EDICT (1,816 bytes) or of dict/glossary.tsv (604). Past it the one row or
 * entry is a problem like any other. */
#define GLOSSARY_MAX_RECORD (1024 * 1024)

/* The header row, tab-separated (without newline). */
extern const char glossary_header[];

/* A reading session: the problems found so far and the (ja, kana) pairs seen, so
 * duplicates are caught across rows and files. */
typedef struct glossary glossary;

/* A new session, or NULL when out of memory. Free with glossary_free. */
glossary *glossary_new(void);
/* Frees g and everything it holds. NULL is allowed. */
void glossary_free(glossary *g);

/* Parses one data row line[0..len) (without its newline; a final "\r" is ignored) read
 * from file:lineno into *e (origin LEXICON_SEED, source "FILE:LINE"; the caller sets
 * origin). Checks UTF-8 (the byte offset of a bad sequence is reported), the column
 * count, required fields, romaji against kana, and duplicates of earlier rows of this
 * session, and the row's length (at most GLOSSARY_MAX_RECORD bytes). Returns 0 when the
 * row is good (e filled; free with lexicon_entry_clear),
 * 1 when it has problems (all recorded in g; e is left empty), -1 when out of memory. */
int glossary_parse_row(glossary *g, const char *file, size_t lineno, const char *line,
                       size_t len, lexicon_entry *e);

/* Reads a whole glossary file (path "-" is stdin): the header, comments and every row.
 * Calls fn (when not NULL) for each good row, in order; fn returning non-zero stops
 * the reading and is returned. Returns 0 when done (check glossary_problem_count for
 * bad rows), or -1 when the file cannot be read or memory runs out (recorded as a
 * problem "FILE: reason"). */
int glossary_read(glossary *g, const char *path,
                  int (*fn)(const lexicon_entry *e, void *arg), void *arg);

/* Number of problems recorded, and the i-th one ("FILE:LINE: message", owned by g). */
size_t glossary_problem_count(const glossary *g);
const char *glossary_problem(const glossary *g, size_t i);

/* Checks that romaji is the romanization of kana: romaji_from_kana(segment,
 * ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT) for each space-separated kana segment (a segment
 * that is just は, へ or を is the particle wa, e, o), compared ignoring case, spaces,
 * hyphens, apostrophes and punctuation. Returns NULL when they agree, else a malloc'd
 * message naming the expected romaji (the caller frees it). */
char *glossary_check_romaji(const char *kana, const char *romaji);

/* Validates one entry built elsewhere (yakugo add/edit, a TBX entry): required fields,
 * UTF-8, no tab or newline in a field, at most GLOSSARY_MAX_RECORD bytes of text in all,
 * romaji against kana. Returns NULL when valid, else a
 * malloc'd message listing every problem, separated by "; ". */
char *glossary_check_entry(const lexicon_entry *e);

#endif
