/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lines.c: the streaming line reader (getline underneath: any length, NUL-safe). */
#include "config.h"

#include "lines.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

struct lines {
	FILE *fp;
	int owned;
	char *name;
	char *buf;
	size_t cap;
	size_t number;
	int newline;
};

lines *lines_from_stream(FILE *fp, const char *name)
{
	lines *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->fp = fp;
	r->name = strdup(name ? name : "<stdin>");
	if (!r->name) {
		free(r);
		return NULL;
	}
	return r;
}

lines *lines_open(const char *path)
{
	FILE *fp;
	lines *r;
	if (!path || strcmp(path, "-") == 0)
		return lines_from_stream(stdin, "<stdin>");
	fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	r = lines_from_stream(fp, path);
	if (!r) {
		int e = errno;
		fclose(fp);
		errno = e;
		return NULL;
	}
	r->owned = 1;
	return r;
}

int lines_next(lines *r, char **line, size_t *len)
{
	ssize_t n;
	errno = 0;
	n = getline(&r->buf, &r->cap, r->fp);
	if (n < 0) {
		if (ferror(r->fp))
			return -1;
		return 0;
	}
	r->number++;
	r->newline = n > 0 && r->buf[n - 1] == '\n';
	if (r->newline)
		r->buf[--n] = '\0';
	*line = r->buf;
	*len = (size_t)n;
	return 1;
}

size_t lines_number(const lines *r)
{
	return r->number;
}

int lines_had_newline(const lines *r)
{
	return r->newline;
}

const char *lines_name(const lines *r)
{
	return r->name;
}

void lines_close(lines *r)
{
	if (!r)
		return;
	if (r->owned)
		fclose(r->fp);
	free(r->name);
	free(r->buf);
	free(r);
}
