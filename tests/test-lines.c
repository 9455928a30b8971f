/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/test-lines.c: unit tests of the streaming line reader (src/lines.c). */
#include "config.h"

#include "lines.h"
#include "tap.h"

int main(void)
{
	static const char data[] = "one\r\ntwo\0two\n\nlast";
	FILE *fp = fmemopen((void *)data, sizeof data - 1, "rb");
	lines *r = lines_from_stream(fp, "mem");
	char *line;
	size_t len;

	ok(lines_next(r, &line, &len) == 1 && len == 4 && memcmp(line, "one\r", 4) == 0, "CR kept");
	ok(lines_next(r, &line, &len) == 1 && len == 7 && line[3] == '\0', "NUL byte kept in line");
	ok(lines_number(r) == 2, "line number counted");
	ok(lines_next(r, &line, &len) == 1 && len == 0 && lines_had_newline(r), "empty line");
	ok(lines_next(r, &line, &len) == 1 && strcmp(line, "last") == 0 && !lines_had_newline(r),
	   "last line without newline");
	ok(lines_next(r, &line, &len) == 0, "end of input");
	is_str(lines_name(r), "mem", "name kept");
	lines_close(r);
	fclose(fp);

	{ /* a 3 MB line */
		size_t big = 3u << 20, k;
		char *buf = malloc(big + 1);
		for (k = 0; k < big; k++)
			buf[k] = 'x';
		buf[big] = '\n';
		fp = fmemopen(buf, big + 1, "rb");
		r = lines_from_stream(fp, "big");
		ok(lines_next(r, &line, &len) == 1 && len == big, "3 MB line read whole");
		lines_close(r);
		fclose(fp);
		free(buf);
	}
	ok(lines_open("/nonexistent/file") == NULL, "missing file gives NULL");
	return tap_done();
}
