/* SPDX-License-Identifier: GPL-3.0-or-later */
/* glossary.c: reads and validates glossary TSV (see glossary.h for the format):
 * splitting rows into lexicon entries, checking every rule, collecting all problems as
 * "FILE:LINE: message" so a build or an import can list them at once. */
#include "config.h"

#include "glossary.h"
#include "str.h"
#include "i18n.h"
#include "lines.h"
#include "romaji.h"
#include "text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char glossary_header[] = "ja\tkana\tromaji\ttype\ten\tmarket\tvariants\tfootnotes\tnote";

struct glossary {
	char **problems;
	size_t n_problems, cap_problems;
	str_map seen;    /* ja "\t" kana of each row seen -> its index in where */
	char **where;    /* "FILE:LINE" of each row seen */
	size_t n_where, cap_where;
	int oom;
};

glossary *glossary_new(void)
{
	return calloc(1, sizeof(glossary));
}

void glossary_free(glossary *g)
{
	size_t i;
	if (!g)
		return;
	for (i = 0; i < g->n_problems; i++)
		free(g->problems[i]);
	free(g->problems);
	str_map_free(&g->seen);
	for (i = 0; i < g->n_where; i++)
		free(g->where[i]);
	free(g->where);
	free(g);
}

size_t glossary_problem_count(const glossary *g)
{
	return g->n_problems;
}

const char *glossary_problem(const glossary *g, size_t i)
{
	return i < g->n_problems ? g->problems[i] : NULL;
}

/* Records "FILE:LINE: message" (or "FILE: message" when line is 0). */
static void problem(glossary *g, const char *file, size_t line, const char *f, ...)
	__attribute__((format(printf, 4, 5)));
static void problem(glossary *g, const char *file, size_t line, const char *f, ...)
{
	va_list ap;
	char *msg, *full;
	va_start(ap, f);
	msg = str_vprintf(f, ap);
	va_end(ap);
	if (!msg) {
		g->oom = 1;
		return;
	}
	full = line ? str_printf("%s:%zu: %s", file, line, msg) : str_printf("%s: %s", file, msg);
	free(msg);
	if (!full) {
		g->oom = 1;
		return;
	}
	if (g->n_problems == g->cap_problems) {
		size_t cap = g->cap_problems ? 2 * g->cap_problems : 16;
		char **np = realloc(g->problems, cap * sizeof *np);
		if (!np) {
			free(full);
			g->oom = 1;
			return;
		}
		g->problems = np;
		g->cap_problems = cap;
	}
	g->problems[g->n_problems++] = full;
}

/* Looks key up; when absent adds it with where and returns NULL, else returns the
 * "FILE:LINE" of the earlier row. Sets g->oom on failure. */
static const char *seen_check(glossary *g, const char *key, const char *where)
{
	size_t i = str_map_get(&g->seen, key, strlen(key));
	char *copy;
	if (i != STR_MAP_NONE)
		return g->where[i];
	if (g->n_where == g->cap_where) {
		size_t cap = g->cap_where ? 2 * g->cap_where : 256;
		char **nw = realloc(g->where, cap * sizeof *nw);
		if (!nw) {
			g->oom = 1;
			return NULL;
		}
		g->where = nw;
		g->cap_where = cap;
	}
	if (!(copy = strdup(where)) || str_map_add(&g->seen, key, strlen(key), g->n_where) < 0) {
		free(copy);
		g->oom = 1;
		return NULL;
	}
	g->where[g->n_where++] = copy;
	return NULL;
}

/* ---- romaji check ------------------------------------------------------------------ */

/* Whether cp is ignored when comparing romanizations: spaces, hyphens, apostrophes,
 * ASCII and CJK punctuation. */
static int ignorable(int32_t cp)
{
	if (cp < 0x80)
		return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
	return (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
	       cp == 0x30FB || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20);
}

/* NFKC, case folded, ignorable characters removed. Malloc'd or NULL. */
static char *comparable(const char *s)
{
	char *nfkc = text_nfkc(s, (size_t)-1), *cf = NULL, *out = NULL;
	size_t n, i = 0, o = 0;
	if (!nfkc)
		return NULL;
	cf = text_casefold(nfkc, (size_t)-1);
	free(nfkc);
	if (!cf)
		return NULL;
	n = strlen(cf);
	out = malloc(n + 1);
	if (out) {
		while (i < n) {
			size_t start = i;
			int32_t cp = text_next_cp(cf, n, &i);
			if (cp >= 0 && ignorable(cp))
				continue;
			memcpy(out + o, cf + start, i - start);
			o += i - start;
		}
		out[o] = '\0';
	}
	free(cf);
	return out;
}

/* The expected romaji of kana, segment by segment, separated by spaces. Malloc'd. */
static char *expected_romaji(const char *kana)
{
	size_t n = strlen(kana), i = 0, o = 0, cap = 4 * n + 16;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	while (i < n) {
		size_t e = i, l;
		char *seg, *r;
		const char *particle;
		while (e < n && kana[e] != ' ')
			e++;
		if (e == i) {
			i++;
			continue;
		}
		seg = malloc(e - i + 1);
		if (!seg)
			goto fail;
		memcpy(seg, kana + i, e - i);
		seg[e - i] = '\0';
		particle = romaji_particle(seg, ROMAJI_HEPBURN);
		r = particle ? strdup(particle) : romaji_from_kana(seg, (size_t)-1, ROMAJI_HEPBURN,
		                                                   ROMAJI_LONG_DEFAULT);
		free(seg);
		if (!r)
			goto fail;
		l = strlen(r);
		if (o + l + 2 > cap) {
			char *nb;
			cap = 2 * (o + l + 2);
			nb = realloc(out, cap);
			if (!nb) {
				free(r);
				goto fail;
			}
			out = nb;
		}
		if (o)
			out[o++] = ' ';
		memcpy(out + o, r, l);
		o += l;
		free(r);
		i = e;
	}
	out[o] = '\0';
	return out;
fail:
	free(out);
	return NULL;
}

char *glossary_check_romaji(const char *kana, const char *romaji)
{
	char *want = expected_romaji(kana), *a = NULL, *b = NULL, *msg = NULL;
	if (!want)
		return str_printf(_("out of memory"));
	a = comparable(want);
	b = comparable(romaji);
	if (!a || !b)
		msg = str_printf(_("romaji '%s' or kana '%s' cannot be compared (invalid text)"), romaji, kana);
	else if (strcmp(a, b) != 0)
		msg = str_printf(_("romaji '%s' does not match the kana '%s' (expected '%s')"), romaji, kana, want);
	free(want);
	free(a);
	free(b);
	return msg;
}

/* ---- rows ------------------------------------------------------------------------- */

/* Copies s[0..n) with surrounding spaces trimmed; NULL when out of memory. */
static char *trimmed(const char *s, size_t n)
{
	char *r;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	r = malloc(n + 1);
	if (r) {
		memcpy(r, s, n);
		r[n] = '\0';
	}
	return r;
}

/* Splits a field at " | " into trimmed, non-empty items. 0 or -1. */
static int split_items(const char *s, char ***items, size_t *n)
{
	size_t count = 1, k = 0;
	const char *p;
	char **v;
	*items = NULL;
	*n = 0;
	if (!*s)
		return 0;
	for (p = s; (p = strstr(p, " | ")); p += 3)
		count++;
	v = calloc(count, sizeof *v);
	if (!v)
		return -1;
	for (p = s;;) {
		const char *e = strstr(p, " | ");
		size_t l = e ? (size_t)(e - p) : strlen(p);
		char *item = trimmed(p, l);
		if (!item)
			goto fail;
		if (*item)
			v[k++] = item;
		else
			free(item);
		if (!e)
			break;
		p = e + 3;
	}
	*items = v;
	*n = k;
	return 0;
fail:
	while (k)
		free(v[--k]);
	free(v);
	return -1;
}

/* Whether the kana field holds a kanji (then it is not a reading). */
static int has_kanji(const char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		int32_t cp = text_next_cp(s, n, &i);
		if (cp >= 0 && text_is_kanji(cp))
			return 1;
	}
	return 0;
}

/* Nullable copy: "" becomes NULL. */
static int opt_field(char *s, char **out)
{
	if (!*s) {
		free(s);
		*out = NULL;
	} else {
		*out = s;
	}
	return 0;
}

int glossary_parse_row(glossary *g, const char *file, size_t lineno, const char *line,
                       size_t len, lexicon_entry *e)
{
	char *field[GLOSSARY_COLUMNS] = { NULL };
	size_t nf = 0, i, start = 0, bad = 0;
	size_t before = g->n_problems;
	char *msg = NULL, *key = NULL, *where = NULL;
	const char *dup;
	int rc = -1;

	memset(e, 0, sizeof *e);
	if (len && line[len - 1] == '\r')
		len--;
	if (len > GLOSSARY_MAX_RECORD) {
		problem(g, file, lineno, _("the row is %zu bytes long, more than the %d a row may have"),
		        len, GLOSSARY_MAX_RECORD);
		rc = 1;
		goto cleanup;
	}
	if (memchr(line, '\0', len)) {
		problem(g, file, lineno, _("NUL byte at byte %zu"),
		        (size_t)((const char *)memchr(line, '\0', len) - line) + 1);
		rc = 1;
		goto cleanup;
	}
	if (text_utf8_check(line, len, &bad) != 0) {
		problem(g, file, lineno, _("invalid UTF-8 at byte %zu"), bad + 1);
		rc = 1;
		goto cleanup;
	}
	for (i = 0; i <= len; i++) {
		if (i < len && line[i] != '\t')
			continue;
		if (nf < GLOSSARY_COLUMNS) {
			field[nf] = trimmed(line + start, i - start);
			if (!field[nf])
				goto cleanup;
		}
		nf++;
		start = i + 1;
	}
	if (nf != GLOSSARY_COLUMNS) {
		problem(g, file, lineno, _("expected %d tab-separated columns, found %zu"),
		        GLOSSARY_COLUMNS, nf);
		rc = 1;
		goto cleanup;
	}
	if (!*field[1])
		problem(g, file, lineno, _("missing kana (column 2)"));
	if (!*field[2])
		problem(g, file, lineno, _("missing romaji (column 3)"));
	if (!*field[3])
		problem(g, file, lineno, _("missing type (column 4)"));
	if (*field[1] && has_kanji(field[1]))
		problem(g, file, lineno, _("kana '%s' has kanji (the reading must be kana)"), field[1]);
	else if (*field[1] && *field[2]) {
		msg = glossary_check_romaji(field[1], field[2]);
		if (msg)
			problem(g, file, lineno, "%s", msg);
	}
	if (*field[1]) {
		key = str_printf("%s\t%s", field[0], field[1]);
		where = str_printf("%s:%zu", file, lineno);
		if (!key || !where)
			goto cleanup;
		dup = seen_check(g, key, where);
		if (dup)
			problem(g, file, lineno, _("duplicate entry: '%s' '%s' is already at %s"),
			        field[0], field[1], dup);
	}
	if (g->oom)
		goto cleanup;
	if (g->n_problems > before) {
		rc = 1;
		goto cleanup;
	}
	e->origin = LEXICON_SEED;
	e->ja = field[0];
	e->kana = field[1];
	e->romaji = field[2];
	e->type = field[3];
	field[0] = field[1] = field[2] = field[3] = NULL;
	if (split_items(field[4], &e->en, &e->n_en) != 0 ||
	    split_items(field[6], &e->variants, &e->n_variants) != 0)
		goto cleanup;
	opt_field(field[5], &e->market);
	opt_field(field[7], &e->footnotes);
	opt_field(field[8], &e->note);
	field[5] = field[7] = field[8] = NULL;
	e->source = where;
	where = NULL;
	rc = 0;
cleanup:
	if (rc != 0)
		lexicon_entry_clear(e);
	if (rc < 0)
		g->oom = 1;
	for (i = 0; i < GLOSSARY_COLUMNS; i++)
		free(field[i]);
	free(msg);
	free(key);
	free(where);
	return rc;
}

/* Whether the line is blank or a comment. */
static int skipped(const char *line, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++) {
		if (line[i] == '#')
			return 1;
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
			return 0;
	}
	return 1;
}

int glossary_read(glossary *g, const char *path,
                  int (*fn)(const lexicon_entry *e, void *arg), void *arg)
{
	lines *in = lines_open(path);
	char *line;
	size_t len;
	int r, header = 0, rc = 0;

	if (!in) {
		problem(g, path, 0, "%s", strerror(errno));
		return -1;
	}
	while ((r = lines_next(in, &line, &len)) == 1) {
		lexicon_entry e;
		size_t n = lines_number(in), hl = strlen(glossary_header);
		if (skipped(line, len))
			continue;
		if (!header) {
			header = 1;
			if (len && line[len - 1] == '\r')
				len--;
			if (len != hl || memcmp(line, glossary_header, hl) != 0)
				problem(g, lines_name(in), n,
				        _("the first row must be the header: ja, kana, romaji, type, en,"
				          " market, variants, footnotes, note (tab-separated)"));
			continue;
		}
		r = glossary_parse_row(g, lines_name(in), n, line, len, &e);
		if (r < 0) {
			rc = -1;
			break;
		}
		if (r == 0) {
			if (fn)
				rc = fn(&e, arg);
			lexicon_entry_clear(&e);
			if (rc)
				break;
		}
	}
	if (r < 0) {
		problem(g, lines_name(in), 0, "%s", strerror(errno));
		rc = -1;
	}
	if (!header && rc == 0)
		problem(g, lines_name(in), 0, _("empty glossary (no header row)"));
	if (g->oom) {
		problem(g, lines_name(in), 0, "%s", strerror(ENOMEM));
		rc = -1;
	}
	lines_close(in);
	return rc;
}

/* Appends "; " and a message to *acc (taking msg over). */
static void append(char **acc, char *msg)
{
	char *s;
	if (!msg)
		return;
	if (!*acc) {
		*acc = msg;
		return;
	}
	s = str_printf("%s; %s", *acc, msg);
	free(msg);
	if (s) {
		free(*acc);
		*acc = s;
	}
}

/* Checks one field: valid UTF-8, no tab or newline. */
static char *check_field(const char *name, const char *s)
{
	size_t bad = 0;
	if (!s)
		return NULL;
	if (text_utf8_check(s, strlen(s), &bad) != 0)
		return str_printf(_("%s: invalid UTF-8 at byte %zu"), name, bad + 1);
	if (strpbrk(s, "\t\n\r"))
		return str_printf(_("%s: tab or newline in the text"), name);
	return NULL;
}

char *glossary_check_entry(const lexicon_entry *e)
{
	char *acc = NULL;
	size_t i, total = 0;
	int bad_text = 0;
	const char *names[] = { "ja", "kana", "romaji", "type", "market", "footnotes", "note" };
	const char *vals[] = { e->ja, e->kana, e->romaji, e->type, e->market, e->footnotes, e->note };
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		total += vals[i] ? strlen(vals[i]) : 0;
	for (i = 0; i < e->n_en; i++)
		total += strlen(e->en[i]);
	for (i = 0; i < e->n_variants; i++)
		total += strlen(e->variants[i]);
	if (total > GLOSSARY_MAX_RECORD) /* the checks below would take long and say much */
		return str_printf(_("the entry has %zu bytes of text, more than the %d an entry may have"),
		                  total, GLOSSARY_MAX_RECORD);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *m = check_field(names[i], vals[i]);
		bad_text |= m != NULL;
		append(&acc, m);
	}
	for (i = 0; i < e->n_en; i++) {
		char *m = check_field("en", e->en[i]);
		bad_text |= m != NULL;
		append(&acc, m);
	}
	for (i = 0; i < e->n_variants; i++) {
		char *m = check_field("variants", e->variants[i]);
		bad_text |= m != NULL;
		append(&acc, m);
	}
	if (!e->kana || !*e->kana)
		append(&acc, str_printf(_("missing kana")));
	if (!e->romaji || !*e->romaji)
		append(&acc, str_printf(_("missing romaji")));
	if (!e->type || !*e->type)
		append(&acc, str_printf(_("missing type")));
	if (!bad_text && e->kana && *e->kana && e->romaji && *e->romaji) {
		if (has_kanji(e->kana))
			append(&acc, str_printf(_("kana '%s' has kanji (the reading must be kana)"), e->kana));
		else
			append(&acc, glossary_check_romaji(e->kana, e->romaji));
	}
	return acc;
}
