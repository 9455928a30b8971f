/* str.h: small string helpers shared by the modules: allocating printf and a growable,
 * always NUL-terminated byte buffer. */
#ifndef YAKUGO_STR_H
#define YAKUGO_STR_H

#include <stdarg.h>
#include <stddef.h>

/* Formats like printf into a newly malloc'd string the caller frees; NULL when out of
 * memory or on a formatting error. */
char *str_printf(const char *f, ...) __attribute__((format(printf, 1, 2)));

/* The va_list form of str_printf; ap is consumed as by vsnprintf. */
char *str_vprintf(const char *f, va_list ap) __attribute__((format(printf, 1, 0)));

/* A growable byte buffer; zero-initialise it ({ 0 }), free s when done. s is always
 * NUL-terminated once something was added (n excludes the NUL). */
typedef struct str_buf {
	char *s;
	size_t n, cap;
} str_buf;

/* Appends s[0..n) to b. Returns 0, or -1 when out of memory (b is unchanged). */
int str_buf_add(str_buf *b, const char *s, size_t n);

#endif
