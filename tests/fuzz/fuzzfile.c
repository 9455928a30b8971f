/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzzfile.c: the input file of the fuzz targets whose reader takes a path (fuzz.h). */
#include <config.h>

#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"

static char fuzz_path[4096];
static int fuzz_fd = -1;

static void fuzz_file_remove(void)
{
	if (fuzz_path[0])
		unlink(fuzz_path);
}

const char *fuzz_file_init(const char *suffix)
{
	const char *dir = getenv("TMPDIR");

	if (fuzz_fd >= 0)
		return fuzz_path;
	snprintf(fuzz_path, sizeof fuzz_path, "%s/yakugo-fuzz-XXXXXX%s",
	         dir && *dir ? dir : "/tmp", suffix);
	fuzz_fd = mkstemps(fuzz_path, (int)strlen(suffix));
	if (fuzz_fd < 0) {
		perror(fuzz_path);
		fuzz_path[0] = 0;
		return NULL;
	}
	atexit(fuzz_file_remove);
	return fuzz_path;
}

int fuzz_file_write(const uint8_t *data, size_t size)
{
	size_t done = 0;

	if (fuzz_fd < 0 || ftruncate(fuzz_fd, 0) != 0)
		return -1;
	while (done < size) {
		ssize_t w = pwrite(fuzz_fd, data + done, size - done, (off_t)done);
		if (w <= 0)
			return -1;
		done += (size_t)w;
	}
	return 0;
}
