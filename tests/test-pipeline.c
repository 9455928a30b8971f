/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/test-pipeline.c: unit tests of the ordered parallel line pipeline (src/pipeline.c):
 * results in input order with several workers, lines longer than a batch, the NUL after
 * each line, a failing line (everything before it written, nothing after, its name and
 * number reported), several inputs one after another. */
#include "config.h"

#include "pipeline.h"
#include "tap.h"

#include <stdlib.h>

/* The line's length, ':', the line, the newline if it had one; "FAIL" fails, and a line
 * not followed by a NUL byte fails too. */
static int transform(void *ctx, const char *line, size_t len, int newline, FILE *out,
                     char **error)
{
	(void)ctx;
	if (line[len] != '\0') {
		*error = strdup("no NUL after the line");
		return -1;
	}
	if (len == 4 && memcmp(line, "FAIL", 4) == 0) {
		*error = strdup("boom");
		return -1;
	}
	fprintf(out, "%zu:", len);
	fwrite(line, 1, len, out);
	if (newline)
		putc('\n', out);
	return 0;
}

/* Line i of the test input (in buf, NUL-terminated); every 997th is longer than a batch. */
static size_t make_line(size_t i, char *buf)
{
	size_t len = i % 997 == 5 ? PIPELINE_BATCH + i % 7 : (i * 7919) % 300, k;
	for (k = 0; k < len; k++)
		buf[k] = (char)('a' + (i + k) % 26);
	buf[len] = '\0';
	return len;
}

int main(void)
{
	enum { LINES = 6000 };
	int ids[3] = { 0, 1, 2 };
	void *ctx[3] = { &ids[0], &ids[1], &ids[2] };
	char *line = malloc(PIPELINE_BATCH + 16);
	char *got = NULL, *want = NULL, *err = NULL;
	size_t got_n = 0, want_n = 0, i, n, lineno = 0;
	const char *name = NULL, *msg = NULL;
	int e = 0;
	FILE *fg, *fw;
	pipeline *p;

	/* many lines, three workers: the same bytes as one thread writes, in order */
	fg = open_memstream(&got, &got_n);
	fw = open_memstream(&want, &want_n);
	p = pipeline_new(3, ctx, transform, fg);
	ok(p != NULL, "pipeline with 3 workers");
	for (i = 0; i < LINES; i++) {
		n = make_line(i, line);
		if (pipeline_add(p, line, n, i + 1 < LINES, "in", i + 1) != 0)
			break;
		transform(NULL, line, n, i + 1 < LINES, fw, &err);
	}
	ok(i == LINES, "every line added");
	ok(pipeline_drain(p) == 0, "drained");
	fclose(fg);
	fclose(fw);
	ok(got_n == want_n && memcmp(got, want, got_n) == 0,
	   "output in input order, as one thread writes it (%zu bytes)", got_n);
	free(got);
	free(want);
	got = want = NULL;

	/* a second and a third input after a drain */
	fg = open_memstream(&got, &got_n);
	pipeline_free(p);
	p = pipeline_new(2, ctx, transform, fg);
	ok(pipeline_add(p, "a", 1, 1, "one", 1) == 0 && pipeline_drain(p) == 0
	   && pipeline_add(p, "bc", 2, 0, "two", 1) == 0 && pipeline_drain(p) == 0, "two inputs");
	fclose(fg);
	is_str(got, "1:a\n2:bc", "two inputs in order");
	free(got);
	got = NULL;
	pipeline_free(p);

	/* a failing line: the lines before it written, none after, the failure named */
	fg = open_memstream(&got, &got_n);
	p = pipeline_new(2, ctx, transform, fg);
	for (i = 0; i < 3000; i++) {
		const char *s = i == 2500 ? "FAIL" : "ok";
		if (pipeline_add(p, s, strlen(s), 1, "bad.txt", i + 1) != 0)
			break;
	}
	ok(pipeline_drain(p) == -1, "the failure is reported");
	ok(pipeline_failure(p, &name, &lineno, &msg, &e) == 0, "a line failed, not the output");
	is_str(name, "bad.txt", "failure: input name");
	ok(lineno == 2501, "failure: line number 2501 (got %zu)", lineno);
	is_str(msg, "boom", "failure: message");
	ok(pipeline_add(p, "x", 1, 1, "bad.txt", 3001) == -1, "nothing added after a failure");
	fflush(fg);
	{
		size_t k, lines = 0;
		for (k = 0; k < got_n; k++)
			lines += got[k] == '\n';
		ok(lines == 2500, "the 2500 lines before the failure written, none after (%zu)", lines);
	}
	pipeline_free(p);
	fclose(fg);
	free(got);
	free(line);
	return tap_done();
}
