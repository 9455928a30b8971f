/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-tbx.c: fuzz target for the TBX reader (tbx.h, libxml2's reader): the input is
 * written to a file and read as `yakugo import tbx` reads it; every entry handed over
 * must have its required fields. */
#include <config.h>

#include "fuzz.h"
#include "tbx.h"

static const char *path;

static int on_entry(const lexicon_entry *e, size_t line, void *arg)
{
	size_t i;

	(void)line;
	(*(size_t *)arg)++;
	FUZZ_ASSERT(e->ja != NULL);
	for (i = 0; i < e->n_en; i++)
		FUZZ_ASSERT(e->en[i] != NULL);
	for (i = 0; i < e->n_variants; i++)
		FUZZ_ASSERT(e->variants[i] != NULL);
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	path = fuzz_file_init(".tbx");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *error = NULL;
	size_t n = 0;
	int rc;

	if (!path || fuzz_file_write(data, size) != 0)
		abort();
	rc = tbx_read(path, on_entry, &n, &error);
	FUZZ_ASSERT(rc == 0 || rc == -1);
	FUZZ_ASSERT((rc == -1) == (error != NULL));
	free(error);
	return 0;
}
