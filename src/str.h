/* SPDX-License-Identifier: GPL-3.0-or-later */
/* str.h: small string helpers shared by the modules: allocating printf, a growable,
 * always NUL-terminated byte buffer, a set of strings and a map of strings to numbers
 * (the project's one hash table). */
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

/* Appends the NUL-terminated s to b. Returns 0, or -1 when out of memory (unchanged). */
int str_buf_adds(str_buf *b, const char *s);

/* Makes room for n more bytes and a NUL (b->cap >= b->n + n + 1; b->s is then not
 * NULL), so that pointers into b->s stay valid while no more than n are added. Returns
 * 0, or -1 when out of memory (b is unchanged). */
int str_buf_reserve(str_buf *b, size_t n);

/* A set of byte strings (FNV-1a hashing, open addressing); zero-initialise it
 * ({ 0 }), set max to bound the number of members (0: no bound), free it with
 * str_set_free. Members are copied. */
typedef struct str_set {
	char **slot;  /* cap slots, NULL when empty; each member NUL-terminated */
	size_t n, cap;
	size_t max;
} str_set;

/* Adds s[0..n) (no NUL byte in it). Returns 1 when it was added, 0 when it was there
 * already, -1 when it is not there and could not be added (out of memory, or the set
 * holds max members). */
int str_set_add(str_set *set, const char *s, size_t n);

/* Whether s[0..n) is a member. */
int str_set_has(const str_set *set, const char *s, size_t n);

/* Frees the members and the slots; set is empty again (max kept). NULL is allowed. */
void str_set_free(str_set *set);

/* A map from byte strings to size_t values (the hash of str_set); zero-initialise it
 * ({ 0 }), free it with str_map_free. Keys are copied; there is no removal. */
typedef struct str_map {
	char **key;   /* cap slots, NULL when empty; each key NUL-terminated */
	size_t *val;  /* the value of key[i] */
	size_t n, cap;
} str_map;

/* What str_map_get returns for a string that is no key (no value may be this). */
#define STR_MAP_NONE ((size_t)-1)

/* Adds the key s[0..n) (no NUL byte in it) with val. Returns 1 when it was added, 0 when
 * it was a key already (its value is kept: the first one wins), -1 when out of memory
 * (m is unchanged). */
int str_map_add(str_map *m, const char *s, size_t n, size_t val);

/* The value of the key s[0..n), or STR_MAP_NONE when it is no key. */
size_t str_map_get(const str_map *m, const char *s, size_t n);

/* Frees the keys and the slots; m is empty again. NULL is allowed. */
void str_map_free(str_map *m);

#endif
