/* csljson.h: CSL-JSON (Zotero's export) for `yakugo cite`, through jansson: the string
 * fields title, title-short, container-title, container-title-short, collection-title,
 * original-title, publisher, event and the names (author, editor, ...: family, given,
 * literal) of every item are handed to the normaliser; the document is written back
 * with the same structure and key order (two-space indentation, UTF-8). */
#ifndef YAKUGO_CSLJSON_H
#define YAKUGO_CSLJSON_H

#include <stdio.h>

#include "cite.h"

/* Reads the whole JSON document from in (jansson has no streaming parser, so memory
 * grows with the document), rewrites it and writes it to out. fix gets line 0 and the
 * item's 1-based index is available as *item during the call. Returns 0; 1 when the
 * input is not JSON (nothing is rewritten: the input bytes are copied to out and *error
 * says where: "LINE: message"); -1 when out of memory or on a write error (*error set). */
int csljson_rewrite(FILE *in, FILE *out, cite_fix_fn *fix, void *arg, size_t *item,
                    char **error);

/* Set before csljson_rewrite to have a note added to each item: after an item's fields
 * are fixed, note(arg) is called; a malloc'd string it returns is appended (after a
 * newline) to the item's "note" field, which is created when missing. NULL: no notes. */
typedef char *csljson_note_fn(void *arg);
void csljson_set_note(csljson_note_fn *note);

#endif
