/* SPDX-License-Identifier: GPL-3.0-or-later */
/* str.c: small string helpers shared by the modules: allocating printf, growable buffer,
 * string set and string map (the one FNV-1a open-addressing hash of the project). */
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

/* The slot of s[0..n) in slot[0..cap) (cap a power of two, at most half full): where it
 * is, or the empty slot it would take. */
static size_t slot_of(char *const *slot, size_t cap, const char *s, size_t n)
{
	size_t i = str_hash(s, n) & (cap - 1);
	while (slot[i] && !(strlen(slot[i]) == n && memcmp(slot[i], s, n) == 0))
		i = (i + 1) & (cap - 1);
	return i;
}

static size_t str_set_slot(const str_set *set, const char *s, size_t n)
{
	return slot_of(set->slot, set->cap, s, n);
}

/* A copy of s[0..n), NUL-terminated, or NULL. */
static char *copy_of(const char *s, size_t n)
{
	char *copy = malloc(n + 1);
	if (copy) {
		memcpy(copy, s, n);
		copy[n] = '\0';
	}
	return copy;
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
	if (!(copy = copy_of(s, n)))
		return -1;
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

/* Doubles m (at least 64 slots), rehashing its keys. 0, or -1 out of memory (m as it
 * was). */
static int str_map_grow(str_map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64, k;
	char **key = calloc(cap, sizeof *key);
	size_t *val = calloc(cap, sizeof *val);
	if (!key || !val) {
		free(key);
		free(val);
		return -1;
	}
	for (k = 0; k < m->cap; k++)
		if (m->key[k]) {
			size_t i = slot_of(key, cap, m->key[k], strlen(m->key[k]));
			key[i] = m->key[k];
			val[i] = m->val[k];
		}
	free(m->key);
	free(m->val);
	m->key = key;
	m->val = val;
	m->cap = cap;
	return 0;
}

int str_map_add(str_map *m, const char *s, size_t n, size_t val)
{
	size_t i;
	char *copy;
	if (m->cap && m->key[slot_of(m->key, m->cap, s, n)])
		return 0;
	if ((m->n + 1) * 2 > m->cap && str_map_grow(m) != 0) /* at most half full */
		return -1;
	if (!(copy = copy_of(s, n)))
		return -1;
	i = slot_of(m->key, m->cap, s, n);
	m->key[i] = copy;
	m->val[i] = val;
	m->n++;
	return 1;
}

size_t str_map_get(const str_map *m, const char *s, size_t n)
{
	size_t i;
	if (!m->cap)
		return STR_MAP_NONE;
	i = slot_of(m->key, m->cap, s, n);
	return m->key[i] ? m->val[i] : STR_MAP_NONE;
}

void str_map_free(str_map *m)
{
	size_t k;
	if (!m)
		return;
	for (k = 0; k < m->cap; k++)
		free(m->key[k]);
	free(m->key);
	free(m->val);
	m->key = NULL;
	m->val = NULL;
	m->n = m->cap = 0;
}
