/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tap.h: a minimal TAP producer for the C unit tests (one "ok N - name" per assertion,
 * automake's tap-driver.sh counts them). Header-only; include once per test program. */
#ifndef YAKUGO_TAP_H
#define YAKUGO_TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

/* Records one assertion; returns cond. */
#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

static int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5), unused));

#include <stdarg.h>
static int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	tap_n++;
	printf("%s %d - ", cond ? "ok" : "not ok", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
	return cond;
}

/* Asserts that got (may be NULL) equals want; prints both on failure. */
#define is_str(got, want, ...) tap_is_str((got), (want), __FILE__, __LINE__, __VA_ARGS__)
static int tap_is_str(const char *got, const char *want, const char *file, int line,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6), unused));
static int tap_is_str(const char *got, const char *want, const char *file, int line,
                      const char *fmt, ...)
{
	va_list ap;
	int cond = got && want && strcmp(got, want) == 0;
	tap_n++;
	printf("%s %d - ", cond ? "ok" : "not ok", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond) {
		tap_failed++;
		printf("#   failed at %s:%d\n#   got:  '%s'\n#   want: '%s'\n", file, line,
		       got ? got : "(null)", want ? want : "(null)");
	}
	return cond;
}

/* Prints the plan and returns the exit status for main. */
static int tap_done(void) __attribute__((unused));
static int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
