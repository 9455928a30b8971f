/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bibtex.h: BibTeX for `yakugo cite`, through btparse: the input is cut into chunks (an
 * entry "@type{...}" with its balanced braces, or the text between entries), each entry
 * is checked with btparse in a child process (it can end the process it runs in), and the values of its title-like and name fields are located
 * in the entry's own text so that everything else is copied byte for byte. */
#ifndef YAKUGO_BIBTEX_H
#define YAKUGO_BIBTEX_H

#include <stddef.h>
#include <stdio.h>

#include "cite.h"

typedef struct bibtex_reader bibtex_reader;

enum bibtex_chunk {
	BIBTEX_TEXT = 0,      /* text between entries (comments, blank lines) */
	BIBTEX_ENTRY,         /* an entry btparse accepts */
	BIBTEX_BAD,           /* an entry btparse rejects: pass it through */
	BIBTEX_TRUNCATED,     /* an entry cut off by the end of the input */
	BIBTEX_TOOLONG        /* the first BIBTEX_MAX_CHUNK bytes of a longer entry: pass
	                       * them through; the rest comes as text */
};

/* The longest chunk: text between entries is cut into pieces of this size, an entry
 * longer than this is not read as an entry. */
#define BIBTEX_MAX_CHUNK (1024 * 1024)

/* Wraps fp (not closed by bibtex_close); name is used in messages. NULL when out of
 * memory. The btparse child is started on the first entry. */
bibtex_reader *bibtex_open(FILE *fp, const char *name);

/* Reads the next chunk: *text (owned by the reader, valid until the next call) of *len
 * bytes, *line its first line. Returns 1 and the kind in *kind (an entry btparse
 * rejects, crashes or hangs on, or one holding a NUL byte, is BIBTEX_BAD); 0 at the
 * end; -1 on a read error, when out of memory or when the btparse child cannot be
 * started (fork failed; errno says why). Memory is bounded by BIBTEX_MAX_CHUNK. */
int bibtex_next(bibtex_reader *r, const char **text, size_t *len, size_t *line,
                enum bibtex_chunk *kind);

/* Frees the reader and ends its btparse child. NULL is allowed. */
void bibtex_close(bibtex_reader *r);

/* Rewrites an entry: the values of title, booktitle, journal, journaltitle, series,
 * shorttitle, publisher, institution, organization, school, maintitle, subtitle and the
 * name lists (author, editor: each name between "and"s at brace depth 0 apart; a name
 * that is one brace group, {Keizai Sangyosho}, is corporate and read as a value) are
 * handed to fix without their braces, and the braces are put back between the same
 * characters of the result; inside a group the first letter of a changed word keeps its
 * case. A value whose brace would fall inside a changed stretch is left as it was, and
 * values holding a backslash (TeX commands) are left alone. line is the entry's first
 * line. Writes the entry to *out (malloc'd). Returns 0, or -1 when out of memory. */
int bibtex_rewrite(const char *text, size_t len, size_t line, cite_fix_fn *fix, void *arg,
                   char **out);

/* Adds the field `name = {value}` at the end of the entry text[0..len) (before its
 * closing brace, with a comma after the last field when it has none). Returns the new
 * entry (malloc'd), or NULL when out of memory. */
char *bibtex_add_field(const char *text, size_t len, const char *name, const char *value);

#endif
