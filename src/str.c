/* str.c: small string helpers shared by the modules (allocating printf). */
#include "config.h"

#include "str.h"

#include <stdio.h>
#include <stdlib.h>

char *str_vprintf(const char *f, va_list ap)
{
	va_list aq;
	int n;
	char *s;
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, f, aq);
	va_end(aq);
	if (n < 0)
		return NULL;
	s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, f, ap);
	return s;
}

char *str_printf(const char *f, ...)
{
	va_list ap;
	char *s;
	va_start(ap, f);
	s = str_vprintf(f, ap);
	va_end(ap);
	return s;
}
