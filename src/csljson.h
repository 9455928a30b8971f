/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csljson.h: CSL-JSON (Zotero's export) for `yakugo cite`, validated by jansson and
 * edited in place through jsmn's token offsets: the string fields title, title-short,
 * container-title, container-title-short, collection-title, original-title, publisher,
 * event and the names (author, editor, ...: family, given, literal) of every item are
 * handed to the normaliser, and a value that changes is replaced in the original text;
 * every other byte (indentation, key order, line breaks, escapes) is kept. */
#ifndef YAKUGO_CSLJSON_H
#define YAKUGO_CSLJSON_H

#include <stdio.h>

#include "cite.h"

/* The largest document csljson_rewrite edits (it is read whole: memory is the document,
 * jansson's tree while validating, then 16 bytes per JSON token). A larger one is
 * passed through unchanged and reported. */
#define CSLJSON_MAX (64 * 1024 * 1024)

/* Reads the whole JSON document from in, rewrites it and writes it to out. fix gets the
 * value's line and the item's 1-based index is available as *item during the call.
 * Returns 0; 1 when the input is not JSON or is larger than CSLJSON_MAX (nothing is
 * rewritten: the input bytes are copied to out and *error, malloc'd, says where:
 * "LINE: message"); -1 when out of memory or on a write error (*error set). */
int csljson_rewrite(FILE *in, FILE *out, cite_fix_fn *fix, void *arg, size_t *item,
                    char **error);

/* Set before csljson_rewrite to have a note added to each item: after an item's fields
 * are fixed, note(arg) is called; a malloc'd string it returns is appended (after a
 * newline) to the item's "note" field, which is created when missing. NULL: no notes. */
typedef char *csljson_note_fn(void *arg);
void csljson_set_note(csljson_note_fn *note);

/* Whether s[0..n), the first bytes of an input, look like CSL-JSON: an array of objects
 * (or an empty one) or an object, which jsmn reads without error as far as it goes (a
 * "[1] Footnote" line is not). */
int csljson_sniff(const char *s, size_t n);

#endif
