/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csljson.c: CSL-JSON edited in place (see csljson.h). jansson validates the document
 * (and names the line of a syntax error); jsmn, which gives each token's byte offsets,
 * finds the string values to hand to the normaliser. A value that changes is replaced
 * in the original text, re-encoded minimally (only '"', '\\' and control characters
 * escaped); every other byte, indentation, key order and line breaks included, is
 * copied. Nesting depth is bounded by jansson (2048), so the walk may recurse. */
#include "config.h"

#include "csljson.h"
#include "str.h"

#define JSMN_STATIC
#define JSMN_STRICT
#include <jansson.h>
#include <jsmn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static csljson_note_fn *note_fn;

void csljson_set_note(csljson_note_fn *note)
{
	note_fn = note;
}

/* One replacement of text[begin..end) by s (malloc'd). */
typedef struct edit {
	size_t begin, end;
	char *s;
} edit;

typedef struct doc {
	const char *text;
	size_t len;
	jsmntok_t *t;
	int nt;
	edit *e;
	size_t ne, cap;
	size_t line, line_at; /* the line of byte line_at (counted forward) */
	cite_fix_fn *fix;
	void *arg;
} doc;

static int is_text_key(const char *k, size_t n)
{
	static const char *keys[] = { "title", "title-short", "shortTitle", "container-title",
	                              "container-title-short", "collection-title", "original-title",
	                              "publisher", "event", "event-title", NULL };
	size_t i;
	for (i = 0; keys[i]; i++)
		if (strlen(keys[i]) == n && !memcmp(keys[i], k, n))
			return 1;
	return 0;
}

static int is_name_key(const char *k, size_t n)
{
	static const char *keys[] = { "author", "editor", "translator", "container-author",
	                              "collection-editor", "director", "interviewer", "recipient",
	                              "reviewed-author", "composer", NULL };
	size_t i;
	for (i = 0; keys[i]; i++)
		if (strlen(keys[i]) == n && !memcmp(keys[i], k, n))
			return 1;
	return 0;
}

/* Whether token i is the string key k. */
static int key_is(const doc *d, int i, const char *k)
{
	size_t n = strlen(k);
	return d->t[i].type == JSMN_STRING && (size_t)(d->t[i].end - d->t[i].start) == n &&
	       !memcmp(d->text + d->t[i].start, k, n);
}

/* The index of the token after the subtree at i. */
static int skip(const doc *d, int i)
{
	int j = i + 1, k;
	for (k = 0; k < d->t[i].size; k++)
		j = skip(d, j);
	return j;
}

static int hex4(const char *s, uint32_t *v)
{
	int k;
	*v = 0;
	for (k = 0; k < 4; k++) {
		char c = s[k];
		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (uint32_t)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

/* Decodes the JSON string body s[0..n) (escapes already validated by jansson) into o.
 * 0, or -1 when out of memory. */
static int unescape(const char *s, size_t n, str_buf *o)
{
	size_t i = 0;
	o->n = 0;
	if (str_buf_add(o, "", 0))
		return -1;
	while (i < n) {
		size_t j = i;
		char u[4];
		uint32_t cp, lo;
		while (j < n && s[j] != '\\')
			j++;
		if (str_buf_add(o, s + i, j - i))
			return -1;
		if (j >= n)
			break;
		i = j + 2;
		switch (s[j + 1]) {
		case 'b': u[0] = '\b'; break;
		case 'f': u[0] = '\f'; break;
		case 'n': u[0] = '\n'; break;
		case 'r': u[0] = '\r'; break;
		case 't': u[0] = '\t'; break;
		case 'u':
			if (j + 6 > n || hex4(s + j + 2, &cp))
				return 0; /* cannot happen after jansson */
			i = j + 6;
			if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= n && s[i] == '\\' && s[i + 1] == 'u' &&
			    !hex4(s + i + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				i += 6;
			}
			if (cp < 0x80) {
				u[0] = (char)cp;
				if (str_buf_add(o, u, 1))
					return -1;
			} else if (cp < 0x800) {
				u[0] = (char)(0xC0 | cp >> 6);
				u[1] = (char)(0x80 | (cp & 0x3F));
				if (str_buf_add(o, u, 2))
					return -1;
			} else if (cp < 0x10000) {
				u[0] = (char)(0xE0 | cp >> 12);
				u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
				u[2] = (char)(0x80 | (cp & 0x3F));
				if (str_buf_add(o, u, 3))
					return -1;
			} else {
				u[0] = (char)(0xF0 | cp >> 18);
				u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
				u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
				u[3] = (char)(0x80 | (cp & 0x3F));
				if (str_buf_add(o, u, 4))
					return -1;
			}
			continue;
		default: u[0] = s[j + 1]; break; /* " \ / */
		}
		if (str_buf_add(o, u, 1))
			return -1;
	}
	return 0;
}

/* Encodes s as a JSON string body: only '"', '\\' and control characters escaped.
 * Returns a malloc'd string, or NULL when out of memory. */
static char *escape(const char *s)
{
	str_buf o = { NULL, 0, 0 };
	if (str_buf_add(&o, "", 0))
		return NULL;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char e[8];
		const char *add = e;
		size_t n = 2;
		e[0] = '\\';
		if (c == '"' || c == '\\')
			e[1] = (char)c;
		else if (c == '\n')
			e[1] = 'n';
		else if (c == '\t')
			e[1] = 't';
		else if (c == '\r')
			e[1] = 'r';
		else if (c == '\b')
			e[1] = 'b';
		else if (c == '\f')
			e[1] = 'f';
		else if (c < 0x20)
			n = (size_t)snprintf(e, sizeof e, "\\u%04x", c);
		else {
			add = s;
			n = 1;
		}
		if (str_buf_add(&o, add, n)) {
			free(o.s);
			return NULL;
		}
	}
	return o.s;
}

static int add_edit(doc *d, size_t begin, size_t end, char *s)
{
	if (d->ne == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		edit *p = realloc(d->e, cap * sizeof *p);
		if (!p) {
			free(s);
			return -1;
		}
		d->e = p;
		d->cap = cap;
	}
	d->e[d->ne].begin = begin;
	d->e[d->ne].end = end;
	d->e[d->ne].s = s;
	d->ne++;
	return 0;
}

/* The line of byte at (at only grows during the walk, except for notes). */
static size_t line_of(doc *d, size_t at)
{
	if (at < d->line_at) {
		d->line = 1;
		d->line_at = 0;
	}
	for (; d->line_at < at; d->line_at++)
		if (d->text[d->line_at] == '\n')
			d->line++;
	return d->line;
}

/* Hands the string token i to the normaliser; a replacement becomes an edit. */
static int fix_token(doc *d, int i, enum cite_field kind, str_buf *tmp)
{
	const jsmntok_t *t = &d->t[i];
	const char *s = d->text + t->start;
	size_t n = (size_t)(t->end - t->start);
	char *rep = NULL, *enc;
	if (memchr(s, '\\', n)) {
		if (unescape(s, n, tmp))
			return -1;
		s = tmp->s;
		n = tmp->n;
		if (memchr(s, '\0', n))
			return 0; /* a \u0000 inside: not a citation */
	}
	if (d->fix(d->arg, s, n, line_of(d, (size_t)t->start), kind, &rep))
		return -1;
	if (!rep)
		return 0;
	enc = escape(rep);
	free(rep);
	if (!enc)
		return -1;
	return add_edit(d, (size_t)t->start, (size_t)t->end, enc);
}

static int cmp_edit(const void *a, const void *b)
{
	const edit *x = a, *y = b;
	return (x->begin > y->begin) - (x->begin < y->begin);
}

/* Adds the note for the item object at token i (whose last token is before end). */
static int add_note(doc *d, int i, int end, str_buf *tmp)
{
	char *note = note_fn ? note_fn(d->arg) : NULL, *both, *enc;
	int j = i + 1, k, last_key = -1, last_val = -1, note_val = -1;
	size_t at;
	str_buf o = { NULL, 0, 0 };
	if (!note)
		return 0;
	for (k = 0; k < d->t[i].size && j < end; k++) {
		if (key_is(d, j, "note") && d->t[j + 1].type == JSMN_STRING)
			note_val = j + 1;
		last_key = j;
		last_val = j + 1;
		j = skip(d, j + 1);
	}
	if (note_val >= 0) {
		const jsmntok_t *t = &d->t[note_val];
		if (unescape(d->text + t->start, (size_t)(t->end - t->start), tmp)) {
			free(note);
			return -1;
		}
		if (strstr(tmp->s, note)) {
			free(note); /* there already (a second run) */
			return 0;
		}
		both = str_printf("%s%s%s", tmp->s, tmp->n ? "\n" : "", note);
		free(note);
		enc = both ? escape(both) : NULL;
		free(both);
		return enc ? add_edit(d, (size_t)t->start, (size_t)t->end, enc) : -1;
	}
	enc = escape(note);
	free(note);
	if (!enc)
		return -1;
	if (last_key < 0) {
		/* an empty object: right after its '{' */
		at = (size_t)d->t[i].start + 1;
		both = str_printf("\"note\": \"%s\"", enc);
	} else {
		/* after the last member, indented like it */
		size_t kb = (size_t)d->t[last_key].start - 1, ls = kb; /* the key's opening quote */
		const jsmntok_t *v = &d->t[last_val];
		at = (size_t)v->end + (v->type == JSMN_STRING);
		while (ls > 0 && (d->text[ls - 1] == ' ' || d->text[ls - 1] == '\t'))
			ls--;
		if (ls > 0 && d->text[ls - 1] == '\n') {
			int crlf = ls > 1 && d->text[ls - 2] == '\r';
			if (str_buf_add(&o, crlf ? ",\r\n" : ",\n", crlf ? 3 : 2) ||
			    str_buf_add(&o, d->text + ls, kb - ls)) {
				free(o.s);
				free(enc);
				return -1;
			}
		} else if (str_buf_add(&o, ", ", 2)) {
			free(enc);
			return -1;
		}
		both = str_printf("%s\"note\": \"%s\"", o.s, enc);
		free(o.s);
	}
	free(enc);
	return both ? add_edit(d, at, at, both) : -1;
}

/* The fields of the item object at token i. */
static int fix_item(doc *d, int i, str_buf *tmp)
{
	int j = i + 1, k, first = (int)d->ne, end = skip(d, i);
	for (k = 0; k < d->t[i].size; k++) {
		const jsmntok_t *key = &d->t[j], *val = &d->t[j + 1];
		const char *name = d->text + key->start;
		size_t n = (size_t)(key->end - key->start);
		if (val->type == JSMN_STRING && is_text_key(name, n)) {
			if (fix_token(d, j + 1, CITE_FIELD_VALUE, tmp))
				return -1;
		} else if (val->type == JSMN_ARRAY && is_name_key(name, n)) {
			int a = j + 2, m;
			for (m = 0; m < val->size; m++) {
				if (d->t[a].type == JSMN_OBJECT) {
					int p = a + 1, q;
					for (q = 0; q < d->t[a].size; q++) {
						if ((key_is(d, p, "family") || key_is(d, p, "given") ||
						     key_is(d, p, "literal")) && d->t[p + 1].type == JSMN_STRING &&
						    fix_token(d, p + 1, CITE_FIELD_NAME, tmp))
							return -1;
						p = skip(d, p + 1);
					}
				}
				a = skip(d, a);
			}
		}
		j = skip(d, j + 1);
	}
	if (add_note(d, i, end, tmp))
		return -1;
	/* the note may come before the fields it explains */
	if (d->ne > (size_t)first + 1)
		qsort(d->e + first, d->ne - (size_t)first, sizeof *d->e, cmp_edit);
	return 0;
}

int csljson_sniff(const char *s, size_t n)
{
	jsmn_parser p;
	size_t i = 0;
	int r;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && strchr(" \t\r\n", s[i]))
		i++;
	if (i >= n || (s[i] != '[' && s[i] != '{'))
		return 0;
	{
		/* an array of objects (or empty), or an object with a key: not "[1] Footnote" */
		size_t k = i + 1;
		while (k < n && strchr(" \t\r\n", s[k]))
			k++;
		if (k < n && !(s[i] == '[' ? s[k] == '{' || s[k] == ']' : s[k] == '"' || s[k] == '}'))
			return 0;
	}
	jsmn_init(&p);
	r = jsmn_parse(&p, s + i, n - i, NULL, 0);
	return r >= 0 || r == JSMN_ERROR_PART;
}

static int copy_through(const char *s, size_t n, FILE *out)
{
	return fwrite(s, 1, n, out) == n ? 0 : -1;
}

int csljson_rewrite(FILE *in, FILE *out, cite_fix_fn *fix, void *arg, size_t *item,
                    char **error)
{
	char *text = NULL;
	size_t len = 0, cap = 0, got, k;
	json_t *root = NULL;
	json_error_t jerr;
	doc d;
	str_buf tmp = { NULL, 0, 0 };
	jsmn_parser p;
	int rc = -1, n;
	memset(&d, 0, sizeof d);
	*error = NULL;
	*item = 0;
	/* the bytes are kept so that a document jansson rejects is passed through whole */
	for (;;) {
		if (len == cap) {
			char *q;
			if (cap >= CSLJSON_MAX)
				break;
			cap = cap ? cap * 2 : 65536;
			if (cap > CSLJSON_MAX)
				cap = CSLJSON_MAX;
			q = realloc(text, cap + 1);
			if (!q)
				goto oom;
			text = q;
		}
		got = fread(text + len, 1, cap - len, in);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(in)) {
		*error = strdup("read error");
		goto done;
	}
	if (len >= CSLJSON_MAX && !feof(in) && (got = (size_t)getc(in)) != (size_t)EOF) {
		/* too large: pass everything through */
		char buf[65536];
		buf[0] = (char)got;
		if (copy_through(text, len, out) || copy_through(buf, 1, out))
			goto werr;
		while ((got = fread(buf, 1, sizeof buf, in)) > 0)
			if (copy_through(buf, got, out))
				goto werr;
		if (ferror(in)) {
			*error = strdup("read error");
			goto done;
		}
		*error = str_printf("1: CSL-JSON document larger than %d MiB", CSLJSON_MAX >> 20);
		rc = *error ? 1 : -1;
		goto done;
	}
	root = json_loadb(text, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
	if (!root || !(json_is_array(root) || json_is_object(root))) {
		*error = str_printf("%d: %s", root ? 1 : jerr.line,
		                    root ? "not a CSL-JSON array of items" : jerr.text);
		if (copy_through(text, len, out))
			goto werr;
		rc = *error ? 1 : -1;
		goto done;
	}
	json_decref(root); /* valid: from here on jsmn's offsets are used */
	root = NULL;
	jsmn_init(&p);
	n = jsmn_parse(&p, text, len, NULL, 0);
	if (n <= 0) {
		*error = str_printf("1: %s", "JSON that jsmn does not read");
		if (copy_through(text, len, out))
			goto werr;
		rc = *error ? 1 : -1;
		goto done;
	}
	d.t = malloc((size_t)n * sizeof *d.t);
	if (!d.t)
		goto oom;
	jsmn_init(&p);
	d.nt = jsmn_parse(&p, text, len, d.t, (unsigned)n);
	d.text = text;
	d.len = len;
	d.fix = fix;
	d.arg = arg;
	d.line = 1;
	if (d.t[0].type == JSMN_OBJECT) {
		*item = 1;
		if (fix_item(&d, 0, &tmp))
			goto oom;
	} else {
		int i = 1, m;
		for (m = 0; m < d.t[0].size; m++) {
			*item = (size_t)m + 1;
			if (d.t[i].type == JSMN_OBJECT && fix_item(&d, i, &tmp))
				goto oom;
			i = skip(&d, i);
		}
	}
	/* the text with the edits */
	{
		size_t at = 0;
		for (k = 0; k < d.ne; k++) {
			if (copy_through(text + at, d.e[k].begin - at, out) ||
			    copy_through(d.e[k].s, strlen(d.e[k].s), out))
				goto werr;
			at = d.e[k].end;
		}
		if (copy_through(text + at, len - at, out))
			goto werr;
	}
	rc = 0;
	goto done;
werr:
	free(*error);
	*error = strdup("write error");
	rc = -1;
	goto done;
oom:
	*error = strdup("out of memory");
done:
	for (k = 0; k < d.ne; k++)
		free(d.e[k].s);
	free(d.e);
	free(d.t);
	free(tmp.s);
	free(text);
	if (root)
		json_decref(root);
	return rc;
}
