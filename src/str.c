/* str.c: small string helpers shared by the modules: allocating printf, growable buffer. */
#include "config.h"

#include "str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int str_buf_add(str_buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *p;
		while (b->n + n + 1 > cap)
			cap *= 2;
		p = realloc(b->s, cap);
		if (!p)
			return -1;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
	return 0;
}
