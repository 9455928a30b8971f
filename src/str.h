/* str.h: small string helpers shared by the modules (allocating printf). */
#ifndef YAKUGO_STR_H
#define YAKUGO_STR_H

#include <stdarg.h>

/* Formats like printf into a newly malloc'd string the caller frees; NULL when out of
 * memory or on a formatting error. */
char *str_printf(const char *f, ...) __attribute__((format(printf, 1, 2)));

/* The va_list form of str_printf; ap is consumed as by vsnprintf. */
char *str_vprintf(const char *f, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
