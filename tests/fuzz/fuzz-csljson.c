/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csljson.c: fuzz target for CSL-JSON (csljson.h, jansson): the input is rewritten
 * as `yakugo cite --format json` does, with a fix function that replaces every other
 * value and a note added to every other item (--report's notes); output goes to
 * memory. Not JSON: the input comes out unchanged. csljson_sniff (the format detection
 * of `yakugo cite`) reads the same bytes. */
#include <config.h>

#include <stdio.h>

#include "csljson.h"
#include "fuzz.h"

static int fix(void *arg, const char *s, size_t len, size_t line, enum cite_field kind,
               char **out)
{
	unsigned *calls = arg;

	(void)line;
	(void)kind;
	*out = NULL;
	if ((*calls)++ % 2)
		return 0;
	if (!(*out = malloc(len + 2)))
		return -1;
	memcpy(*out, s, len);
	(*out)[len] = 'x';
	(*out)[len + 1] = 0;
	return 0;
}

static unsigned notes;

static char *note(void *arg)
{
	(void)arg;
	return notes++ % 2 ? strdup("fuzz note") : NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	csljson_set_note(note);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in = size ? fmemopen((void *)data, size, "r") : NULL, *out;
	char *text = NULL, *error = NULL;
	size_t text_len = 0, item = 0;
	unsigned calls = 0;
	int rc;

	FUZZ_ASSERT(csljson_sniff((const char *)data, size) == 0 ||
	            csljson_sniff((const char *)data, size) == 1);
	if (!in)
		return 0;
	if (!(out = open_memstream(&text, &text_len))) {
		fclose(in);
		return 0;
	}
	rc = csljson_rewrite(in, out, fix, &calls, &item, &error);
	fclose(out);
	FUZZ_ASSERT(rc == 0 || rc == 1 || rc == -1);
	if (rc == 1)
		FUZZ_ASSERT(text_len == size && memcmp(text, data, size) == 0);
	free(text);
	free(error);
	fclose(in);
	return 0;
}
