/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-ris.c: fuzz target for the RIS line classifier (ris.h): every line of the input,
 * in a buffer of exactly its length; a value offset must lie inside the line. */
#include <config.h>

#include "fuzz.h"
#include "ris.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t start = 0;

	while (start <= size) {
		const uint8_t *nl = memchr(data + start, '\n', size - start);
		size_t len = nl ? (size_t)(nl - (data + start)) : size - start, value = (size_t)-1;
		char *line = malloc(len ? len : 1);
		int is_name = -1;

		if (!line)
			return 0;
		memcpy(line, data + start, len);
		if (ris_field(line, len, &value, &is_name)) {
			FUZZ_ASSERT(value <= len);
			FUZZ_ASSERT(is_name == 0 || is_name == 1);
			FUZZ_ASSERT(ris_is_tag(line, len));
		}
		free(line);
		start += len + 1;
	}
	return 0;
}
