/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz.h: what the fuzz targets of tests/fuzz share: libFuzzer's entry points, the
 * input as a NUL-terminated copy, cutting it into lines, and one selector byte. */
#ifndef YAKUGO_FUZZ_H
#define YAKUGO_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A malloc'd copy of data[0..size) with a NUL after it (the callers' buffers are
 * NUL-terminated too), or NULL when out of memory. */
static inline char *fuzz_strndup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (s) {
		memcpy(s, data, size);
		s[size] = 0;
	}
	return s;
}

/* Takes the first byte of *data as a selector (0 when empty) and advances past it. */
static inline unsigned fuzz_take(const uint8_t **data, size_t *size)
{
	unsigned b = 0;
	if (*size) {
		b = (*data)[0];
		(*data)++;
		(*size)--;
	}
	return b;
}

/* The seed database the targets search: $YAKUGO_DB, else the build tree's (the targets
 * live in tests/fuzz/, so cli_db_path's look beside the program does not apply). */
static inline const char *fuzz_db_path(void)
{
	const char *env = getenv("YAKUGO_DB");
	return env && *env ? env : BUILD_DATADIR "/yakugo.db";
}

/* Aborts the run (a finding) when cond is false: a broken promise of a header. */
#define FUZZ_ASSERT(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond); \
	abort(); } } while (0)

/* The targets whose reader takes a path (TBX, PO) write each input to a file of their
 * own: fuzz_file_init makes it once (mkstemp in $TMPDIR, else /tmp; removed at exit)
 * and returns its path, or NULL; fuzz_file_write replaces its content with
 * data[0..size). Returns 0, or -1 on a write error. */
const char *fuzz_file_init(const char *suffix);
int fuzz_file_write(const uint8_t *data, size_t size);

#endif
