/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lines.h: a streaming line reader for files and stdin. Memory is bounded by the longest
 * line; lines may hold NUL bytes and be of any length. It keeps the line number for
 * error messages of the form FILE:LINE: message. */
#ifndef YAKUGO_LINES_H
#define YAKUGO_LINES_H

#include <stddef.h>
#include <stdio.h>

typedef struct lines lines;

/* Opens path for reading ("-" or NULL means stdin). Returns NULL and sets errno on
 * failure. The display name is "<stdin>" for stdin, else the path. */
lines *lines_open(const char *path);

/* Wraps an already open stream; name is used in messages (copied). Does not close fp. */
lines *lines_from_stream(FILE *fp, const char *name);

/* Reads the next line. Returns 1 and sets *line (NUL-terminated, without the final
 * "\n"; a "\r" before it is kept) and *len (bytes, NUL bytes included); 0 at end of
 * input; -1 on a read error (errno set). *line belongs to the reader and stays valid
 * until the next call. */
int lines_next(lines *r, char **line, size_t *len);

/* 1-based number of the line last returned (0 before the first). */
size_t lines_number(const lines *r);

/* Whether the line last returned ended with "\n" (only the last line of a file may
 * not), so output can be byte-exact. */
int lines_had_newline(const lines *r);

/* The display name given at open. */
const char *lines_name(const lines *r);

/* Closes the file (not a wrapped stream) and frees the reader. NULL is allowed. */
void lines_close(lines *r);

#endif
