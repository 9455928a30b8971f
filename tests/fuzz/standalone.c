/* SPDX-License-Identifier: GPL-3.0-or-later */
/* standalone.c: the main of a fuzz target built without libFuzzer (LLVM's
 * StandaloneFuzzTargetMain.c, in short): feeds each file named on the command line, and
 * each file of each directory named, to LLVMFuzzerTestOneInput once, so that make check
 * replays the seed corpora and the regression inputs in every build (plain or
 * sanitizer). Arguments starting with '-' (libFuzzer's options) are ignored. Exit 0
 * when every input ran, 3 when one could not be read; a crash is the sanitizer's. */
#include <config.h>

#ifndef YK_FUZZING
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

/* Runs the file at path through the target. Returns 0, or -1 when it cannot be read. */
static int run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, got;
	int rc = -1;

	if (!fp)
		goto out;
	for (;;) {
		if (len == cap) {
			unsigned char *nb = realloc(buf, cap ? cap * 2 : 4096);
			if (!nb)
				goto out;
			buf = nb;
			cap = cap ? cap * 2 : 4096;
		}
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(fp))
		goto out;
	/* an exact-size copy, so that ASan sees a read one past the input */
	{
		unsigned char *exact = malloc(len ? len : 1);
		if (!exact)
			goto out;
		memcpy(exact, buf, len);
		fprintf(stderr, "Running: %s (%zu bytes)\n", path, len);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	rc = 0;
out:
	if (rc != 0)
		fprintf(stderr, "%s: %s\n", path, strerror(errno ? errno : EIO));
	if (fp)
		fclose(fp);
	free(buf);
	return rc;
}

int main(int argc, char **argv)
{
	int status = 0, i;
	size_t runs = 0;

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		struct stat st;
		if (argv[i][0] == '-')
			continue;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			status = 3;
		} else if (S_ISDIR(st.st_mode)) {
			struct dirent **names = NULL;
			int n = scandir(argv[i], &names, NULL, alphasort), j;
			if (n < 0) {
				fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
				status = 3;
				continue;
			}
			for (j = 0; j < n; j++) {
				char *path;
				if (names[j]->d_name[0] != '.' &&
				    (path = malloc(strlen(argv[i]) + strlen(names[j]->d_name) + 2))) {
					sprintf(path, "%s/%s", argv[i], names[j]->d_name);
					if (run_file(path) != 0)
						status = 3;
					else
						runs++;
					free(path);
				}
				free(names[j]);
			}
			free(names);
		} else if (run_file(argv[i]) != 0) {
			status = 3;
		} else {
			runs++;
		}
	}
	fprintf(stderr, "Executed %zu inputs\n", runs);
	return status;
}
#endif
