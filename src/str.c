/* SPDX-License-Identifier: GPL-3.0-or-later */
/* str.c: small string helpers shared by the modules: allocating printf, growable buffer,
 * string set. */
#include "config.h"

#include "str.h"

#include <stdint.h>
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

int str_buf_reserve(str_buf *b, size_t n)
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
	return 0;
}

int str_buf_add(str_buf *b, const char *s, size_t n)
{
	if (str_buf_reserve(b, n) != 0)
		return -1;
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
	return 0;
}

int str_buf_adds(str_buf *b, const char *s)
{
	return str_buf_add(b, s, strlen(s));
}

static size_t str_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The slot of s[0..n) in set (cap > 0): where it is, or the empty slot it would take. */
static size_t str_set_slot(const str_set *set, const char *s, size_t n)
{
	size_t i = str_hash(s, n) & (set->cap - 1);
	while (set->slot[i] && !(strlen(set->slot[i]) == n && memcmp(set->slot[i], s, n) == 0))
		i = (i + 1) & (set->cap - 1);
	return i;
}

int str_set_has(const str_set *set, const char *s, size_t n)
{
	return set->cap && set->slot[str_set_slot(set, s, n)] != NULL;
}

int str_set_add(str_set *set, const char *s, size_t n)
{
	size_t i;
	char *copy;
	if (set->cap && set->slot[str_set_slot(set, s, n)])
		return 0;
	if (set->max && set->n >= set->max)
		return -1;
	if ((set->n + 1) * 2 > set->cap) { /* at most half full */
		size_t cap = set->cap ? set->cap * 2 : 64, k;
		str_set bigger = { NULL, 0, 0, 0 };
		bigger.slot = calloc(cap, sizeof *bigger.slot);
		if (!bigger.slot)
			return -1;
		bigger.cap = cap;
		for (k = 0; k < set->cap; k++)
			if (set->slot[k])
				bigger.slot[str_set_slot(&bigger, set->slot[k], strlen(set->slot[k]))] = set->slot[k];
		free(set->slot);
		set->slot = bigger.slot;
		set->cap = cap;
	}
	if (!(copy = malloc(n + 1)))
		return -1;
	memcpy(copy, s, n);
	copy[n] = '\0';
	i = str_set_slot(set, s, n);
	set->slot[i] = copy;
	set->n++;
	return 1;
}

void str_set_free(str_set *set)
{
	size_t k;
	if (!set)
		return;
	for (k = 0; k < set->cap; k++)
		free(set->slot[k]);
	free(set->slot);
	set->slot = NULL;
	set->n = set->cap = 0;
}
