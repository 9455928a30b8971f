/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romanize-terms.c: the glossary index of the romanizer: terms by their first code point,
 * longest first; in a piece, the terms found left to right become MeCab constraints, so
 * that each is one token (doc/romanization.md, "Glossary terms"). */
#include "config.h"

#include "lexicon.h"
#include "romanize-int.h"

#include <errno.h>

/* ---- the glossary index ------------------------------------------------------ */

static size_t first_cp_bucket(const char *s, size_t len)
{
	size_t i = 0;
	int32_t cp = next_cp(s, len, &i);
	return (size_t)(cp < 0 ? 0 : cp) % ROMANIZE_BUCKETS;
}

int romanize_add_term(romanizer *r, const char *ja, const char *kana, const char *romaji)
{
	term t;
	bucket *b;
	size_t i;

	if (!ja || !*ja || !romaji || !*romaji)
		return 0;
	memset(&t, 0, sizeof t);
	t.key = text_nfkc(ja, (size_t)-1);
	if (!t.key)
		return -1;
	t.key_len = strlen(t.key);
	if (cp_count(t.key, t.key_len) < 2) {
		free(t.key);
		return 0;
	}
	t.kana = strdup(kana ? kana : "");
	t.romaji = strdup(romaji);
	if (!t.kana || !t.romaji)
		goto oom;
	t.proper = romaji[0] >= 'A' && romaji[0] <= 'Z';
	t.short_key = cp_count(t.key, t.key_len) <= 2;
	if ((unsigned char)romaji[0] == 0xC4 || (unsigned char)romaji[0] == 0xC5)
		t.proper = ((unsigned char)romaji[1] & 1) == 0; /* Ā Ē Ī Ō Ū are even */
	if (r->n_terms == r->cap_terms) {
		size_t cap = r->cap_terms ? r->cap_terms * 2 : 256;
		term *p = realloc(r->terms, cap * sizeof *p);
		if (!p)
			goto oom;
		r->terms = p;
		r->cap_terms = cap;
	}
	b = &r->buckets[first_cp_bucket(t.key, t.key_len)];
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4;
		size_t *p = realloc(b->idx, cap * sizeof *p);
		if (!p)
			goto oom;
		b->idx = p;
		b->cap = cap;
	}
	/* Keep the bucket longest first; an equal key added later does not replace. */
	for (i = b->n; i > 0 && r->terms[b->idx[i - 1]].key_len < t.key_len; i--)
		b->idx[i] = b->idx[i - 1];
	b->idx[i] = r->n_terms;
	b->n++;
	r->terms[r->n_terms++] = t;
	return 0;
oom:
	free(t.key);
	free(t.kana);
	free(t.romaji);
	return -1;
}

static int romanize_lexicon_entry(const lexicon_entry *e, void *arg)
{
	romanizer *r = arg;
	return romanize_add_term(r, e->ja, e->kana, e->romaji) != 0 ? -2 : 0;
}

int romanize_load_lexicon(romanizer *r, lexicon *lex, char **error)
{
	unsigned mask = (1u << LEXICON_SEED) | (1u << LEXICON_USER) | (1u << LEXICON_TSV);
	int rc;
	*error = NULL;
	rc = lexicon_foreach(lex, mask, romanize_lexicon_entry, r, error);
	if (rc == -2) {
		*error = strdup(strerror(ENOMEM));
		return -1;
	}
	return rc == 0 ? 0 : -1;
}

static int is_ascii_alnum(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
}

/* A CJK ideograph or 々 (a quick range test, no ICU call). */
static int is_kanji_quick(int32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3005
	       || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

static int cp_before(const char *s, size_t pos, int32_t *cp)
{
	size_t i = pos;
	if (pos == 0)
		return 0;
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	*cp = next_cp(s, pos, &i);
	return 1;
}

/* Finds glossary terms in s[0..len), longest first, left to right. */
int romanize_find_terms(romanizer *r, const char *s, size_t len)
{
	size_t pos = 0;
	r->n_matches = 0;
	if (!r->n_terms)
		return 0;
	while (pos < len) {
		size_t next = pos, k;
		int32_t cp = next_cp(s, len, &next), before;
		const bucket *b = &r->buckets[(size_t)(cp < 0 ? 0 : cp) % ROMANIZE_BUCKETS];
		const term *found = NULL;
		if (!b->n) {
			pos = next;
			continue;
		}
		if (is_ascii_alnum(cp) && cp_before(s, pos, &before) && is_ascii_alnum(before))
			b = NULL; /* never start inside a Latin word */
		for (k = 0; b && k < b->n; k++) {
			const term *t = &r->terms[b->idx[k]];
			size_t j = pos + t->key_len;
			int32_t last = 0, after;
			if (t->key_len > len - pos || memcmp(s + pos, t->key, t->key_len) != 0)
				continue;
			cp_before(s, j, &last);
			if (j < len && is_ascii_alnum(last)) {
				size_t jj = j;
				after = next_cp(s, len, &jj);
				if (is_ascii_alnum(after))
					continue; /* never end inside a Latin word */
			}
			if (t->short_key) {
				/* a term of two characters next to another kanji is likely a part
				 * of a longer word MeCab knows (日本海 Nihonkai, 北九州 Kitakyūshū,
				 * 会議室 kaigishitsu): MeCab reads it there */
				size_t jj = j;
				if (cp_before(s, pos, &before) && is_kanji_quick(before))
					continue;
				if (j < len && is_kanji_quick(next_cp(s, len, &jj)))
					continue;
			}
			found = t;
			break;
		}
		if (found) {
			if (r->n_matches == r->cap_matches) {
				size_t cap = r->cap_matches ? r->cap_matches * 2 : 16;
				match *p = realloc(r->matches, cap * sizeof *p);
				if (!p)
					return -1;
				r->matches = p;
				r->cap_matches = cap;
			}
			r->matches[r->n_matches].b = pos;
			r->matches[r->n_matches].e = pos + found->key_len;
			r->matches[r->n_matches].t = found;
			r->n_matches++;
			if (morph_constrain(r->m, pos, pos + found->key_len) != 0)
				return -1;
			pos += found->key_len;
		} else
			pos = next;
	}
	return 0;
}
