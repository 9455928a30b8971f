/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mkreadings.c: the build-time helper that compiles MeCab's IPAdic CSV source into the
 * reading index dict/readings.idx used by `yakugo cite` (readings.h).
 * Usage: mkreadings IPADIC_CSV_DIR OUTPUT */
#include "config.h"

#include "readings.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	char *error = NULL;
	if (argc != 3) {
		fprintf(stderr, "usage: mkreadings IPADIC_CSV_DIR OUTPUT\n");
		return 2;
	}
	if (readings_build(argv[1], argv[2], &error) != 0) {
		fprintf(stderr, "mkreadings: %s\n", error ? error : "out of memory");
		free(error);
		return 2;
	}
	return 0;
}
