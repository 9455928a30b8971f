/* SPDX-License-Identifier: GPL-3.0-or-later */
/* explore.c: the full-screen explorer, the only file that includes curses (ncursesw).
 * Layout, top to bottom: a title bar (result count, romaji system), the search line, the
 * column headings, the result list (written form, kana, romaji, English, aligned by
 * display width), the detail pane of the selected entry (when open), and a status line.
 * Text is measured with text_width (CJK is double width) and cut only between
 * characters. Every label, prompt and message goes through gettext. */
#include "config.h"

#define _XOPEN_SOURCE_EXTENDED 1
#include "explore.h"
#include "glossary.h"
#include "i18n.h"
#include "romaji.h"
#include "status.h"
#include "str.h"
#include "text.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

/* The smallest screen the explorer draws in; below it, a message. */
#define MIN_COLS 40
#define MIN_LINES 10
/* Results kept for one query, and entries listed for an empty query. */
#define RESULT_LIMIT 200

/* The English names and variants of an entry are shown and edited as items separated
 * by '|' (spaces around it are dropped), as in dict/glossary.tsv; ';' and ',' belong to
 * an item ("Taisei Corporation; formerly Okura Doboku" is one gloss). */
#define LIST_SEP '|'
#define LIST_JOIN " | "
#define KEY_ESC 27
#define KEY_CTRL(c) ((c) & 0x1f)

/* Colour pairs (when colour is on). */
enum { PAIR_BAR = 1, PAIR_SEL, PAIR_LABEL, PAIR_MSG };

static const romaji_system systems[] = {
	ROMAJI_HEPBURN, ROMAJI_TRADITIONAL, ROMAJI_KUNREI, ROMAJI_NIHON,
	ROMAJI_PASSPORT, ROMAJI_WAPURO, ROMAJI_CABINET2025
};
#define N_SYSTEMS (sizeof systems / sizeof systems[0])

/* Display names of the systems, in the order of romaji_system. */
static const char *const system_names[] = {
	N_("Hepburn"), N_("Traditional Hepburn"), N_("Kunrei"), N_("Nihon"),
	N_("Passport"), N_("Wapuro"), N_("Cabinet 2025")
};

static const char *origin_name(lexicon_origin o)
{
	switch (o) {
	case LEXICON_SEED: return _("seed glossary");
	case LEXICON_USER: return _("user entry");
	case LEXICON_TSV: return _("imported TSV");
	case LEXICON_EDICT: return _("EDICT");
	case LEXICON_ENAMDICT: return _("ENAMDICT");
	}
	return "?";
}

struct explorer {
	lexicon *lex;
	str_buf query;          /* the search line (any length) */
	lexicon_entry *items;   /* the results (own copies), RESULT_LIMIT slots */
	size_t n, sel, top;
	int list_focus;         /* 0: typing in the search line; 1: moving in the list */
	int detail;             /* the detail pane is open */
	size_t sys;             /* index into systems[] */
	int color;
	int list_rows;          /* rows of the list in the last drawing (for PgUp/PgDn) */
	char msg[512];          /* a message for the status line, until the next key */
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* ---- strings ---------------------------------------------------------------- */

static void set_msg(struct explorer *ex, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_msg(struct explorer *ex, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ex->msg, sizeof ex->msg, fmt, ap);
	va_end(ap);
}

/* Byte length of the UTF-8 character at s (1 for a stray byte). */
static size_t cp_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1, i;
	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* The text of b ("" when nothing was typed). The search line and the form's fields are
 * str_bufs: of any length, never cut. */
static const char *fs(const str_buf *b)
{
	return b->s ? b->s : "";
}

/* Replaces the text of b by s (NULL: empty). 0, or -1 when out of memory. */
static int field_set(str_buf *b, const char *s)
{
	b->n = 0;
	if (b->s)
		b->s[0] = '\0';
	return s && *s ? str_buf_add(b, s, strlen(s)) : 0;
}

/* Removes the last character of b. */
static void field_drop_last(str_buf *b)
{
	while (b->n > 0) {
		b->n--;
		if (((unsigned char)b->s[b->n] & 0xC0) != 0x80)
			break;
	}
	if (b->s)
		b->s[b->n] = '\0';
}

/* Appends the character ch (UCS-4). 0, or -1 (not a character, out of memory). */
static int field_append(str_buf *b, wint_t ch)
{
	char t[4];
	size_t k = text_put_cp(t, (int32_t)ch);
	return k ? str_buf_add(b, t, k) : -1;
}

/* Writes s at (y, x) in at most w columns, cut between characters, control characters
 * shown as spaces; pads with spaces to w columns when pad. Returns the columns used. */
static int put_width(int y, int x, const char *s, int w, int pad)
{
	char out[1024];
	size_t i = 0, o = 0, n = s ? strlen(s) : 0;
	int used = 0;
	while (i < n && o + 5 < sizeof out) {
		size_t k = cp_len(s + i);
		int cw;
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
			cw = 1;
			if (used + cw > w)
				break;
			out[o++] = ' ';
		} else {
			cw = text_width(s + i, k);
			if (used + cw > w)
				break;
			memcpy(out + o, s + i, k);
			o += k;
		}
		used += cw;
		i += k;
	}
	while (pad && used < w && o + 1 < sizeof out) {
		out[o++] = ' ';
		used++;
	}
	out[o] = '\0';
	mvaddstr(y, x, out);
	return used;
}

/* Fills row y with text after one space (a title or status bar). */
static void put_bar(int y, const char *text)
{
	put_width(y, 0, " ", 1, 0);
	put_width(y, 1, text, COLS - 1, 1);
}

/* Splits s into lines of at most w columns, breaking at spaces when it can and between
 * characters otherwise. Calls put_width for each line from row y, at most max_rows.
 * Returns the rows used. */
static int put_wrapped(int y, int x, const char *s, int w, int max_rows)
{
	size_t n = strlen(s), start = 0;
	int rows = 0;
	if (w <= 0)
		return 0;
	while (start < n && rows < max_rows) {
		size_t i = start, brk = 0;
		int used = 0;
		char line[1024];
		while (i < n && s[i] != '\n') {
			size_t k = cp_len(s + i);
			int cw = (unsigned char)s[i] < 0x20 ? 1 : text_width(s + i, k);
			if (used + cw > w)
				break;
			if (s[i] == ' ')
				brk = i;
			used += cw;
			i += k;
		}
		if (i < n && s[i] != '\n' && brk > start && s[i] != ' ')
			i = brk;
		if (i - start >= sizeof line) {
			i = start + sizeof line - 1;
			while (i > start && ((unsigned char)s[i] & 0xC0) == 0x80)
				i--; /* never inside a character */
		}
		memcpy(line, s + start, i - start);
		line[i - start] = '\0';
		put_width(y + rows, x, line, w, 0);
		rows++;
		start = i;
		while (start < n && (s[start] == ' ' || s[start] == '\n'))
			start++;
	}
	return rows;
}

/* s with the first letter of each word upper-cased where the same word of model starts
 * with a capital (ALA-LC capitals of the canonical romaji carried over to another
 * system); when the word counts differ, only the first word follows model. Returns a
 * malloc'd string, or NULL when out of memory. */
static char *capitalise_like(const char *s, const char *model)
{
	size_t ws = 1, wm = 1, i, o = 0, word = 0;
	int cap[64] = { 0 };
	char *r;
	const char *p;
	if (!model || !*model)
		return strdup(s);
	for (p = s; *p; p++)
		ws += *p == ' ';
	for (p = model; *p; p++)
		wm += *p == ' ';
	for (p = model, i = 0; *p && i < 64; i++) {
		size_t k = cp_len(p);
		char *low = text_casefold(p, k);
		cap[i] = low && (strlen(low) != k || memcmp(low, p, k) != 0);
		free(low);
		p = strchr(p, ' ');
		if (!p)
			break;
		p++;
	}
	if (ws != wm)
		for (i = 1; i < 64; i++)
			cap[i] = 0;
	r = malloc(strlen(s) * 2 + 8);
	if (!r)
		return NULL;
	for (p = s; *p;) {
		size_t k = cp_len(p);
		int first = p == s || p[-1] == ' ';
		if (first && word < 64 && cap[word]) {
			char *up = text_upper(p, k);
			if (up && strlen(up) <= 4) {
				memcpy(r + o, up, strlen(up));
				o += strlen(up);
			} else {
				memcpy(r + o, p, k);
				o += k;
			}
			free(up);
		} else {
			memcpy(r + o, p, k);
			o += k;
		}
		if (*p == ' ')
			word++;
		p += k;
	}
	r[o] = '\0';
	return r;
}

/* The romaji of e in system sys (malloc'd), capitalised like the canonical romaji;
 * the canonical romaji itself for Hepburn; NULL when there is no reading. */
static char *entry_romaji(const lexicon_entry *e, romaji_system sys)
{
	char *raw, *r;
	if (sys == ROMAJI_HEPBURN && e->romaji && *e->romaji)
		return strdup(e->romaji);
	if (!e->kana || !*e->kana)
		return e->romaji && *e->romaji ? strdup(e->romaji) : NULL;
	raw = romaji_from_kana(e->kana, (size_t)-1, sys, ROMAJI_LONG_DEFAULT);
	if (!raw)
		return NULL;
	r = capitalise_like(raw, e->romaji);
	free(raw);
	return r;
}

/* ---- results ----------------------------------------------------------------- */

static const lexicon_entry *entry_at(const struct explorer *ex, size_t i)
{
	return i < ex->n ? &ex->items[i] : NULL;
}

static void results_free(struct explorer *ex)
{
	size_t i;
	for (i = 0; i < ex->n; i++)
		lexicon_entry_clear(&ex->items[i]);
	free(ex->items);
	ex->items = NULL;
	ex->n = 0;
}

static char **strv_dup(char *const *v, size_t n)
{
	char **r = calloc(n ? n : 1, sizeof *r);
	size_t i;
	if (!r)
		return NULL;
	for (i = 0; i < n; i++)
		if (v[i] && !(r[i] = strdup(v[i]))) {
			while (i)
				free(r[--i]);
			free(r);
			return NULL;
		}
	return r;
}

/* Deep copy of e into d. 0, or -1 when out of memory (d cleared). */
static int entry_copy(lexicon_entry *d, const lexicon_entry *e)
{
	memset(d, 0, sizeof *d);
	d->id = e->id;
	d->origin = e->origin;
	d->common = e->common;
#define DUP(f) if (e->f && !(d->f = strdup(e->f))) goto oom
	DUP(ja); DUP(kana); DUP(romaji); DUP(type); DUP(market);
	DUP(footnotes); DUP(note); DUP(pos); DUP(source);
#undef DUP
	if (!(d->en = strv_dup(e->en, e->n_en)))
		goto oom;
	d->n_en = e->n_en;
	if (!(d->variants = strv_dup(e->variants, e->n_variants)))
		goto oom;
	d->n_variants = e->n_variants;
	return 0;
oom:
	lexicon_entry_clear(d);
	return -1;
}

static int browse_one(const lexicon_entry *e, void *arg)
{
	struct explorer *ex = arg;
	if (ex->n >= RESULT_LIMIT)
		return 1;
	if (entry_copy(&ex->items[ex->n], e) != 0)
		return -1;
	ex->n++;
	return 0;
}

/* Appends the results of query q that are not listed yet. 0, or -1 with *err set. */
static int add_results(struct explorer *ex, const char *q, char **err)
{
	lexicon_query lq = { 0, RESULT_LIMIT };
	lexicon_result *r = NULL;
	size_t n = 0, i, k;
	if (lexicon_search(ex->lex, q, &lq, &r, &n, err) != 0)
		return -1;
	for (i = 0; i < n && ex->n < RESULT_LIMIT; i++) {
		const lexicon_entry *e = &r[i].entry;
		int seen = 0;
		for (k = 0; k < ex->n && !seen; k++)
			seen = ex->items[k].origin == e->origin && ex->items[k].id == e->id;
		if (seen)
			continue;
		if (entry_copy(&ex->items[ex->n], e) != 0) {
			lexicon_results_free(r, n);
			return -1;
		}
		ex->n++;
	}
	lexicon_results_free(r, n);
	return 0;
}

/* Runs the query (lexicon_search also finds the entries it begins, so results follow
 * the typing); an empty query lists the glossary's first entries. Keeps the selection on the
 * entry (origin, id) when it is still there, else the first. */
static void search(struct explorer *ex, lexicon_origin keep_origin, int64_t keep_id)
{
	char *err = NULL;
	size_t i;
	int rc;
	results_free(ex);
	ex->sel = ex->top = 0;
	ex->items = calloc(RESULT_LIMIT, sizeof *ex->items);
	if (!ex->items) {
		set_msg(ex, "%s", _("out of memory"));
		return;
	}
	if (ex->query.n) {
		rc = add_results(ex, fs(&ex->query), &err);
		if (rc == 0 && ex->n == 0 && !strpbrk(fs(&ex->query), "*?")) {
			/* nothing yet (a written form typed halfway: 毎日): what it begins */
			char *prefix = str_printf("%s*", fs(&ex->query));
			rc = prefix ? add_results(ex, prefix, &err) : -1;
			free(prefix);
		}
	} else {
		rc = lexicon_foreach(ex->lex, (1u << LEXICON_SEED) | (1u << LEXICON_USER)
		                     | (1u << LEXICON_TSV), browse_one, ex, &err);
		rc = rc < 0 ? -1 : 0;
	}
	if (rc != 0) {
		set_msg(ex, _("search failed: %s"), err ? err : _("out of memory"));
		free(err);
		return;
	}
	for (i = 0; i < ex->n && keep_id; i++) {
		const lexicon_entry *e = entry_at(ex, i);
		if (e->origin == keep_origin && e->id == keep_id) {
			ex->sel = i;
			break;
		}
	}
}

static void move_sel(struct explorer *ex, long delta)
{
	long s = (long)ex->sel + delta;
	if (ex->n == 0)
		return;
	if (s < 0)
		s = 0;
	if (s >= (long)ex->n)
		s = (long)ex->n - 1;
	ex->sel = (size_t)s;
}

/* ---- drawing -------------------------------------------------------------------- */

static void style_on(struct explorer *ex, int pair, attr_t plain)
{
	if (ex->color)
		attron(COLOR_PAIR(pair));
	else
		attron(plain);
}

static void style_off(struct explorer *ex, int pair, attr_t plain)
{
	if (ex->color)
		attroff(COLOR_PAIR(pair));
	else
		attroff(plain);
}

static int too_small(void)
{
	return COLS < MIN_COLS || LINES < MIN_LINES;
}

static void draw_too_small(void)
{
	char need[128];
	int rows;
	erase();
	rows = put_wrapped(0, 0, _("Terminal too small"), COLS, LINES);
	snprintf(need, sizeof need, _("need %dx%d; q quits"), MIN_COLS, MIN_LINES);
	if (rows < LINES)
		put_wrapped(rows, 0, need, COLS, LINES - rows);
	refresh();
}

static int text_w(const char *s)
{
	return s ? text_width(s, strlen(s)) : 0;
}

/* The column widths of the list for the current results. */
static void column_widths(const struct explorer *ex, int w[4])
{
	int max[4] = { 0, 0, 0, 0 }, cap[4], i, avail = COLS - 2 - 3 * 2;
	size_t k;
	max[0] = text_w(_("Written"));
	max[1] = text_w(_("Kana"));
	max[2] = text_w(_("Romaji"));
	for (k = 0; k < ex->n; k++) {
		const lexicon_entry *e = entry_at(ex, k);
		char *r = entry_romaji(e, systems[ex->sys]);
		int a = text_w(e->ja), b = text_w(e->kana), c = text_w(r);
		free(r);
		if (a > max[0]) max[0] = a;
		if (b > max[1]) max[1] = b;
		if (c > max[2]) max[2] = c;
	}
	cap[0] = avail * 22 / 100;
	cap[1] = avail * 22 / 100;
	cap[2] = avail * 26 / 100;
	for (i = 0; i < 3; i++)
		w[i] = max[i] < cap[i] ? max[i] : cap[i];
	w[3] = avail - w[0] - w[1] - w[2];
	if (w[3] < 1)
		w[3] = 1;
}

static void draw_row(int y, const int w[4], const char *c0, const char *c1, const char *c2,
                     const char *c3)
{
	int x = 1;
	put_width(y, 0, " ", 1, 0);
	x += put_width(y, x, c0, w[0], 1) + 2;
	put_width(y, x - 2, "  ", 2, 0);
	x += put_width(y, x, c1, w[1], 1) + 2;
	put_width(y, x - 2, "  ", 2, 0);
	x += put_width(y, x, c2, w[2], 1) + 2;
	put_width(y, x - 2, "  ", 2, 0);
	put_width(y, x, c3, COLS - x, 1);
}

/* Joins v with sep (malloc'd). */
static char *join(char *const *v, size_t n, const char *sep)
{
	size_t len = 1, i;
	char *r;
	for (i = 0; i < n; i++)
		len += (v[i] ? strlen(v[i]) : 0) + strlen(sep);
	if (!(r = malloc(len)))
		return NULL;
	r[0] = '\0';
	for (i = 0; i < n; i++) {
		if (!v[i] || !*v[i])
			continue;
		if (r[0])
			strcat(r, sep);
		strcat(r, v[i]);
	}
	return r;
}

/* "body,11" -> "article body, 11" (malloc'd). */
static char *footnotes_text(const char *f)
{
	size_t cap = strlen(f) * 2 + strlen(_("article body")) * 4 + 8;
	char *r = malloc(cap), *copy = strdup(f), *tok, *save = NULL;
	if (!r || !copy) {
		free(r);
		free(copy);
		return NULL;
	}
	r[0] = '\0';
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		if (r[0])
			strncat(r, ", ", cap - strlen(r) - 1);
		strncat(r, strcmp(tok, "body") == 0 ? _("article body") : tok, cap - strlen(r) - 1);
	}
	free(copy);
	return r;
}

/* Draws one "label  value" row (value wrapped); returns the rows used. */
static int draw_field(struct explorer *ex, int y, int rows, int lw, const char *label,
                      const char *value, int mark)
{
	int used;
	if (!value || !*value || rows <= 0)
		return 0;
	style_on(ex, PAIR_LABEL, A_BOLD);
	put_width(y, 0, mark ? ">" : " ", 1, 0);
	put_width(y, 2, label, lw, 1);
	style_off(ex, PAIR_LABEL, A_BOLD);
	used = put_wrapped(y, 2 + lw + 2, value, COLS - lw - 5, rows);
	return used ? used : 1;
}

static void draw_detail(struct explorer *ex, int y, int rows)
{
	const lexicon_entry *e = entry_at(ex, ex->sel);
	const char *labels[] = { _("Written form"), _("Kana"), _("Romaji"), _("English"),
	                         _("Market name"), _("Variants"), _("Type"), _("Note"),
	                         _("Seed footnotes"), _("Origin"), _("Source"),
	                         _("Part of speech") };
	int lw = 0, end = y + rows;
	size_t i;
	char *s;
	if (!e || rows <= 0)
		return;
	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (text_w(labels[i]) > lw)
			lw = text_w(labels[i]);
	for (i = 0; i < N_SYSTEMS; i++)
		if (text_w(_(system_names[i])) > lw)
			lw = text_w(_(system_names[i]));
	if (lw > COLS / 3)
		lw = COLS / 3;

	y += draw_field(ex, y, end - y, lw, labels[0], e->ja, 0);
	y += draw_field(ex, y, end - y, lw, labels[1], e->kana, 0);
	y += draw_field(ex, y, end - y, lw, labels[2], e->romaji, 0);
	s = join(e->en, e->n_en, LIST_JOIN);
	y += draw_field(ex, y, end - y, lw, labels[3], s, 0);
	free(s);
	y += draw_field(ex, y, end - y, lw, labels[4], e->market, 0);
	if (y < end) {
		style_on(ex, PAIR_LABEL, A_BOLD);
		put_width(y++, 2, _("Romaji in every system (Tab cycles):"), COLS - 3, 0);
		style_off(ex, PAIR_LABEL, A_BOLD);
	}
	for (i = 0; i < N_SYSTEMS && y < end; i++) {
		char *r = entry_romaji(e, systems[i]);
		int mark = i == ex->sys;
		if (mark)
			attron(A_BOLD);
		y += draw_field(ex, y, end - y, lw, _(system_names[i]), r ? r : "-", mark);
		if (mark)
			attroff(A_BOLD);
		free(r);
	}
	s = join(e->variants, e->n_variants, LIST_JOIN);
	y += draw_field(ex, y, end - y, lw, labels[5], s, 0);
	free(s);
	y += draw_field(ex, y, end - y, lw, labels[6], e->type, 0);
	y += draw_field(ex, y, end - y, lw, labels[11], e->pos, 0);
	y += draw_field(ex, y, end - y, lw, labels[7], e->note, 0);
	if (e->footnotes && *e->footnotes) {
		s = footnotes_text(e->footnotes);
		y += draw_field(ex, y, end - y, lw, labels[8], s, 0);
		free(s);
	}
	y += draw_field(ex, y, end - y, lw, labels[9], origin_name(e->origin), 0);
	y += draw_field(ex, y, end - y, lw, labels[10], e->source, 0);
}

static void draw(struct explorer *ex)
{
	char line[512];
	int w[4], list_rows, y, detail_rows = 0;
	size_t i;

	if (too_small()) {
		draw_too_small();
		return;
	}
	erase();
	/* title bar */
	style_on(ex, PAIR_BAR, A_REVERSE);
	if (ex->query.n)
		snprintf(line, sizeof line, " %s   %s: %s", _("yakugo explore"), _("Romaji"),
		         _(system_names[ex->sys]));
	else
		snprintf(line, sizeof line, " %s   %s   %s: %s", _("yakugo explore"),
		         _("(all entries)"), _("Romaji"), _(system_names[ex->sys]));
	{
		char count[64];
		int cw;
		snprintf(count, sizeof count, ngettext("%zu result", "%zu results", ex->n), ex->n);
		cw = text_w(count);
		put_width(0, 0, "", COLS, 1);
		put_width(0, 0, line, COLS - cw - 2, 0);
		put_width(0, COLS - cw - 1, count, cw, 0);
	}
	style_off(ex, PAIR_BAR, A_REVERSE);
	/* search line */
	style_on(ex, PAIR_LABEL, A_BOLD);
	y = put_width(1, 1, _("Search:"), COLS / 3, 0) + 2;
	style_off(ex, PAIR_LABEL, A_BOLD);
	{
		/* show the end of a query longer than the line */
		const char *q = fs(&ex->query);
		while (text_w(q) > COLS - y - 2)
			q += cp_len(q);
		put_width(1, y, q, COLS - y - 1, 0);
		y += text_w(q);
	}
	int cursor_x = y;
	/* layout of list and detail */
	list_rows = LINES - 4;
	if (ex->detail && ex->n) {
		list_rows = (LINES - 5) * 2 / 5;
		if (list_rows < 3)
			list_rows = 3;
		if ((size_t)list_rows > ex->n)
			list_rows = (int)ex->n; /* the rest is the detail pane's */
		detail_rows = LINES - 5 - list_rows;
	}
	ex->list_rows = list_rows;
	if (ex->sel < ex->top)
		ex->top = ex->sel;
	if (ex->sel >= ex->top + (size_t)list_rows)
		ex->top = ex->sel - (size_t)list_rows + 1;
	column_widths(ex, w);
	style_on(ex, PAIR_LABEL, A_BOLD | A_UNDERLINE);
	draw_row(2, w, _("Written"), _("Kana"), _("Romaji"), _("English"));
	style_off(ex, PAIR_LABEL, A_BOLD | A_UNDERLINE);
	for (i = ex->top; i < ex->n && i < ex->top + (size_t)list_rows; i++) {
		const lexicon_entry *e = entry_at(ex, i);
		char *r = entry_romaji(e, systems[ex->sys]);
		char *en = join(e->en, e->n_en, LIST_JOIN);
		int sel = i == ex->sel;
		if (sel)
			style_on(ex, PAIR_SEL, A_REVERSE);
		draw_row(3 + (int)(i - ex->top), w, e->ja && *e->ja ? e->ja : "-", e->kana,
		         r ? r : "", en);
		if (sel)
			style_off(ex, PAIR_SEL, A_REVERSE);
		free(r);
		free(en);
	}
	if (ex->n == 0 && ex->query.n)
		put_width(3, 1, _("No entry matches."), COLS - 2, 0);
	if (detail_rows > 0) {
		mvhline(3 + list_rows, 0, ACS_HLINE, COLS);
		draw_detail(ex, 4 + list_rows, detail_rows - 1);
	}
	/* status line */
	if (ex->msg[0]) {
		style_on(ex, PAIR_MSG, A_BOLD);
		put_bar(LINES - 1, ex->msg);
		style_off(ex, PAIR_MSG, A_BOLD);
	} else {
		style_on(ex, PAIR_BAR, A_REVERSE);
		put_bar(LINES - 1, ex->list_focus
		          ? _("q: quit  ?: help  j/k: move  Enter: details  /: search  Tab: romaji  a/e/d: add/edit/delete")
		          : _("Type to search  Enter: details  Tab: romaji  Esc: list  F1: help"));
		style_off(ex, PAIR_BAR, A_REVERSE);
	}
	if (ex->list_focus) {
		curs_set(0);
	} else {
		curs_set(1);
		move(1, cursor_x < COLS ? cursor_x : COLS - 1);
	}
	refresh();
}

/* Waits for a key; returns get_wch's code (ERR when interrupted by a signal). */
static int read_key(wint_t *ch)
{
	int r;
	do
		r = get_wch(ch);
	while (r == ERR && !interrupted && errno == EINTR);
	return r;
}

static void show_help(struct explorer *ex)
{
	/* key names stay as they are on the keyboard; what they do is translated */
	static const struct { const char *key, *what; } help[] = {
		{ "", N_("type to search (any script or romanization, fuzzy)") },
		{ "Up/Down, j/k", N_("move in the list") },
		{ "PgUp/PgDn", N_("a page up or down") },
		{ "Enter", N_("open or close the detail pane") },
		{ "Tab, Shift-Tab", N_("next or previous romanization system") },
		{ "/", N_("back to the search line") },
		{ "Esc", N_("from the search line to the list; close the details") },
		{ "a", N_("add a user entry") },
		{ "e", N_("edit the selected user entry") },
		{ "d", N_("delete the selected user entry (asks first)") },
		{ "?, F1", N_("this help") },
		{ "q", N_("quit") },
	};
	wint_t ch;
	int r;
	for (;;) {
		size_t i;
		if (too_small()) {
			draw_too_small();
		} else {
			erase();
			curs_set(0);
			style_on(ex, PAIR_BAR, A_REVERSE);
			put_bar(0, _("yakugo explore: help"));
			style_off(ex, PAIR_BAR, A_REVERSE);
			put_width(2, 1, _("Keys"), COLS - 2, 0);
			for (i = 0; i < sizeof help / sizeof help[0] && (int)i + 3 < LINES - 2; i++) {
				put_width((int)i + 3, 3, help[i].key, 16, 0);
				put_width((int)i + 3, 20, _(help[i].what), COLS - 21, 0);
			}
			if ((int)i + 4 < LINES)
				put_width((int)i + 4, 1, _("Press any key to go back."), COLS - 2, 0);
			refresh();
		}
		r = read_key(&ch);
		if (r == ERR && interrupted)
			return;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		return;
	}
}

/* ---- the add/edit form ------------------------------------------------------------- */

enum { F_JA, F_KANA, F_ROMAJI, F_TYPE, F_EN, F_MARKET, F_VARIANTS, F_NOTE, N_FIELDS };

static const char *const field_labels[N_FIELDS] = {
	N_("Written form"), N_("Kana"), N_("Romaji (empty: from the kana)"), N_("Type"),
	N_("English (a | b)"), N_("Market name"), N_("Variants (a | b)"), N_("Note")
};


/* Splits "a | b" into a malloc'd vector of trimmed non-empty strings. */
static char **split_list(const char *s, size_t *n)
{
	size_t cap = 1, k = 0;
	const char *p;
	char **v;
	for (p = s; *p; p++)
		cap += *p == LIST_SEP;
	if (!(v = calloc(cap, sizeof *v)))
		return NULL;
	for (p = s; *p || p == s;) {
		const char *e = strchr(p, LIST_SEP);
		size_t len;
		if (!e)
			e = p + strlen(p);
		while (p < e && *p == ' ')
			p++;
		len = (size_t)(e - p);
		while (len && p[len - 1] == ' ')
			len--;
		if (len && !(v[k++] = strndup(p, len))) {
			while (k)
				free(v[--k]);
			free(v);
			return NULL;
		}
		if (!*e)
			break;
		p = e + 1;
	}
	*n = k;
	return v;
}

/* Trimmed copy of s, or NULL for an empty field. */
static char *field_value(const char *s)
{
	size_t len;
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len && s[len - 1] == ' ')
		len--;
	return len ? strndup(s, len) : NULL;
}

/* Builds an entry from the form. 0, or -1 when out of memory. */
static int form_entry(const str_buf *f, lexicon_entry *e)
{
	memset(e, 0, sizeof *e);
	e->origin = LEXICON_USER;
	e->ja = field_value(fs(&f[F_JA]));
	if (!e->ja && !(e->ja = strdup("")))
		return -1;
	e->kana = field_value(fs(&f[F_KANA]));
	e->romaji = field_value(fs(&f[F_ROMAJI]));
	e->type = field_value(fs(&f[F_TYPE]));
	e->market = field_value(fs(&f[F_MARKET]));
	e->note = field_value(fs(&f[F_NOTE]));
	e->en = split_list(fs(&f[F_EN]), &e->n_en);
	e->variants = split_list(fs(&f[F_VARIANTS]), &e->n_variants);
	if (!e->en || !e->variants) {
		lexicon_entry_clear(e);
		return -1;
	}
	return 0;
}

static void form_draw(struct explorer *ex, const char *title, const str_buf *f,
                      int cur, const char *err)
{
	int lw = 0, i, x;
	if (too_small()) {
		draw_too_small();
		return;
	}
	erase();
	style_on(ex, PAIR_BAR, A_REVERSE);
	put_bar(0, title);
	style_off(ex, PAIR_BAR, A_REVERSE);
	for (i = 0; i < N_FIELDS; i++)
		if (text_w(_(field_labels[i])) > lw)
			lw = text_w(_(field_labels[i]));
	if (lw > COLS / 3)
		lw = COLS / 3;
	for (i = 0; i < N_FIELDS && 2 + i < LINES - 3; i++) {
		style_on(ex, PAIR_LABEL, A_BOLD);
		put_width(2 + i, 1, _(field_labels[i]), lw, 1);
		style_off(ex, PAIR_LABEL, A_BOLD);
		const char *v = fs(&f[i]);
		if (i == cur) {
			/* the end of a field longer than the line, where the cursor is */
			while (*v && text_w(v) > COLS - lw - 5)
				v += cp_len(v);
			style_on(ex, PAIR_SEL, A_REVERSE);
		}
		put_width(2 + i, lw + 3, v, COLS - lw - 4, 1);
		if (i == cur)
			style_off(ex, PAIR_SEL, A_REVERSE);
	}
	if (err && *err) {
		style_on(ex, PAIR_MSG, A_BOLD);
		put_wrapped(3 + N_FIELDS, 1, err, COLS - 2, LINES - 5 - N_FIELDS);
		style_off(ex, PAIR_MSG, A_BOLD);
	}
	style_on(ex, PAIR_BAR, A_REVERSE);
	put_bar(LINES - 1, _("Tab/Down: next field  Up: previous  Enter: save  Esc: cancel"));
	style_off(ex, PAIR_BAR, A_REVERSE);
	{
		const char *v = fs(&f[cur]);
		while (*v && text_w(v) > COLS - lw - 5)
			v += cp_len(v);
		x = lw + 3 + text_w(v);
	}
	curs_set(1);
	move(2 + cur, x < COLS ? x : COLS - 1);
	refresh();
}

/* Validates the form (as `yakugo add` does) and adds or updates the entry. Returns 1
 * when saved (the results are refreshed and select it), 0 with errbuf set otherwise. */
static int form_save(struct explorer *ex, const str_buf *f,
                     const lexicon_entry *edit, char *errbuf, size_t errsize)
{
	lexicon_entry e;
	char *gerr = NULL, *derr = NULL;
	int64_t id = 0;
	int rc;
	if (form_entry(f, &e) != 0) {
		snprintf(errbuf, errsize, "%s", _("out of memory"));
		return 0;
	}
	if (!e.romaji && e.kana) {
		/* an empty romaji field: the Hepburn of the kana, as a convenience */
		char *r = romaji_from_kana(e.kana, (size_t)-1, ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT);
		e.romaji = r ? capitalise_like(r, "X") : NULL;
		free(r);
	}
	if ((gerr = glossary_check_entry(&e))) {
		snprintf(errbuf, errsize, "%s", gerr);
		free(gerr);
		lexicon_entry_clear(&e);
		return 0;
	}
	if (edit) {
		rc = lexicon_update(ex->lex, edit->id, &e, &derr);
		id = edit->id;
	} else {
		rc = lexicon_add(ex->lex, &e, &id, &derr);
	}
	if (rc != 0) {
		snprintf(errbuf, errsize, "%s", derr ? derr : _("the entry is no longer there"));
		free(derr);
		lexicon_entry_clear(&e);
		return 0;
	}
	set_msg(ex, edit ? _("Saved %s.") : _("Added %s."),
	        e.ja && *e.ja ? e.ja : e.kana ? e.kana : "");
	lexicon_entry_clear(&e);
	search(ex, LEXICON_USER, id);
	return 1;
}

/* The add/edit form: edit (NULL to add) is the user entry to change. */
static void form_run(struct explorer *ex, const lexicon_entry *edit)
{
	str_buf f[N_FIELDS];
	char errbuf[1024] = "";
	const char *title = edit ? _("Edit a user entry") : _("Add a user entry");
	int cur = 0, r;
	wint_t ch;

	memset(f, 0, sizeof f);
	if (edit) {
		char *en = join(edit->en, edit->n_en, LIST_JOIN);
		char *va = join(edit->variants, edit->n_variants, LIST_JOIN);
		int bad = !en || !va || field_set(&f[F_JA], edit->ja) || field_set(&f[F_KANA], edit->kana)
		          || field_set(&f[F_ROMAJI], edit->romaji) || field_set(&f[F_TYPE], edit->type)
		          || field_set(&f[F_EN], en) || field_set(&f[F_MARKET], edit->market)
		          || field_set(&f[F_VARIANTS], va) || field_set(&f[F_NOTE], edit->note);
		free(en);
		free(va);
		if (bad) {
			set_msg(ex, "%s", _("out of memory"));
			goto done;
		}
	}
	for (;;) {
		form_draw(ex, title, f, cur, errbuf);
		r = read_key(&ch);
		if (r == ERR) {
			if (interrupted)
				goto done;
			continue;
		}
		if (r == KEY_CODE_YES) {
			switch (ch) {
			case KEY_DOWN:
				cur = (cur + 1) % N_FIELDS;
				break;
			case KEY_UP:
			case KEY_BTAB:
				cur = (cur + N_FIELDS - 1) % N_FIELDS;
				break;
			case KEY_BACKSPACE:
				field_drop_last(&f[cur]);
				break;
			case KEY_ENTER:
				if (form_save(ex, f, edit, errbuf, sizeof errbuf))
					goto done;
				break;
			default:
				break;
			}
			continue;
		}
		if (ch == KEY_ESC) {
			set_msg(ex, "%s", _("Cancelled."));
			goto done;
		}
		if (ch == '\t') {
			cur = (cur + 1) % N_FIELDS;
		} else if (ch == '\n' || ch == '\r') {
			if (form_save(ex, f, edit, errbuf, sizeof errbuf))
				goto done;
		} else if (ch == 127 || ch == 8) {
			field_drop_last(&f[cur]);
		} else if (ch == KEY_CTRL('u')) {
			field_set(&f[cur], NULL);
		} else if (ch >= 0x20 && field_append(&f[cur], ch) != 0) {
			snprintf(errbuf, sizeof errbuf, "%s", _("out of memory"));
		}
	}
done:
	for (cur = 0; cur < N_FIELDS; cur++)
		free(f[cur].s);
}

/* Asks "Delete ...? (y/n)" on the status line and removes the selected user entry. */
static void delete_selected(struct explorer *ex)
{
	const lexicon_entry *e = entry_at(ex, ex->sel);
	char *err = NULL;
	wint_t ch;
	int r;
	if (!e)
		return;
	if (e->origin != LEXICON_USER) {
		set_msg(ex, _("Only user entries can be deleted; this one comes from the %s."),
		        origin_name(e->origin));
		return;
	}
	for (;;) {
		set_msg(ex, _("Delete the user entry %s? (y/n)"),
		        e->ja && *e->ja ? e->ja : e->kana ? e->kana : "");
		draw(ex);
		r = read_key(&ch);
		if (r == ERR && interrupted)
			return;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		break;
	}
	if (r != OK || (ch != 'y' && ch != 'Y')) {
		set_msg(ex, "%s", _("Not deleted."));
		return;
	}
	r = lexicon_remove(ex->lex, e->id, &err);
	if (r != 0) {
		set_msg(ex, _("Not deleted: %s"), err ? err : _("the entry is no longer there"));
		free(err);
		return;
	}
	set_msg(ex, "%s", _("Deleted."));
	search(ex, LEXICON_SEED, 0);
}

/* ---- the main loop ------------------------------------------------------------------ */

static void next_system(struct explorer *ex, int dir)
{
	ex->sys = (ex->sys + N_SYSTEMS + (size_t)(dir > 0 ? 1 : N_SYSTEMS - 1)) % N_SYSTEMS;
}

/* Handles a key in either focus; returns 1 to quit. */
static int handle_key(struct explorer *ex, int r, wint_t ch)
{
	const lexicon_entry *e;
	long page = ex->list_rows > 1 ? ex->list_rows - 1 : 1;
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_RESIZE:
			clearok(stdscr, TRUE);
			return 0;
		case KEY_DOWN: move_sel(ex, 1); ex->list_focus = 1; return 0;
		case KEY_UP: move_sel(ex, -1); return 0;
		case KEY_NPAGE: move_sel(ex, page); return 0;
		case KEY_PPAGE: move_sel(ex, -page); return 0;
		case KEY_HOME: if (ex->list_focus) ex->sel = 0; return 0;
		case KEY_END: if (ex->list_focus && ex->n) ex->sel = ex->n - 1; return 0;
		case KEY_BTAB: next_system(ex, -1); return 0;
		case KEY_F(1): show_help(ex); return 0;
		case KEY_ENTER: ex->list_focus = 1; ex->detail = !ex->detail; return 0;
		case KEY_BACKSPACE:
			if (!ex->list_focus && ex->query.n) {
				field_drop_last(&ex->query);
				search(ex, LEXICON_SEED, 0);
			}
			return 0;
		default: return 0;
		}
	}
	if (too_small())
		return ch == 'q' || ch == KEY_ESC;
	if (ch == '\t') {
		next_system(ex, 1);
		return 0;
	}
	if (ch == '\n' || ch == '\r') {
		if (!ex->list_focus) {
			ex->list_focus = 1;
			ex->detail = 1;
		} else {
			ex->detail = !ex->detail;
		}
		return 0;
	}
	if (!ex->list_focus) {
		if (ch == KEY_ESC) {
			ex->list_focus = 1;
		} else if (ch == 127 || ch == 8) {
			field_drop_last(&ex->query);
			search(ex, LEXICON_SEED, 0);
		} else if (ch == KEY_CTRL('u')) {
			field_set(&ex->query, NULL);
			search(ex, LEXICON_SEED, 0);
		} else if (ch >= 0x20 && ch != 0x7f) {
			if (field_append(&ex->query, ch) == 0)
				search(ex, LEXICON_SEED, 0);
			else
				set_msg(ex, "%s", _("out of memory"));
		}
		return 0;
	}
	switch (ch) {
	case 'q': return 1;
	case 'j': move_sel(ex, 1); break;
	case 'k': move_sel(ex, -1); break;
	case 'g': ex->sel = 0; break;
	case 'G': if (ex->n) ex->sel = ex->n - 1; break;
	case KEY_CTRL('f'): move_sel(ex, page); break;
	case KEY_CTRL('b'): move_sel(ex, -page); break;
	case '/': ex->list_focus = 0; break;
	case KEY_ESC: ex->detail = 0; break;
	case '?': show_help(ex); break;
	case 'a': form_run(ex, NULL); break;
	case 'e':
		e = entry_at(ex, ex->sel);
		if (!e)
			break;
		if (e->origin != LEXICON_USER) {
			set_msg(ex, _("Only user entries can be edited; this one comes from the %s."),
			        origin_name(e->origin));
			break;
		}
		{
			lexicon_entry copy;
			if (entry_copy(&copy, e) != 0) {
				set_msg(ex, "%s", _("out of memory"));
				break;
			}
			form_run(ex, &copy);
			lexicon_entry_clear(&copy);
		}
		break;
	case 'd': delete_selected(ex); break;
	default: break;
	}
	return 0;
}

int explore_run(lexicon *lex, const char *query)
{
	struct explorer ex;
	struct sigaction sa, old_int, old_term, old_hup;
	SCREEN *scr;
	const char *nc = getenv("NO_COLOR");
	wint_t ch;
	int r;

	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		fprintf(stderr, "yakugo: %s\n",
		        _("explore needs a terminal: standard input and output must be a terminal"));
		return YK_USAGE;
	}
	memset(&ex, 0, sizeof ex);
	ex.lex = lex;
	if (query && text_utf8_check(query, strlen(query), NULL) != 0) {
		fprintf(stderr, "yakugo: %s\n", _("explore: the query is not valid UTF-8"));
		return YK_USAGE;
	}
	if (field_set(&ex.query, query) != 0) {
		fprintf(stderr, "yakugo: %s\n", _("out of memory"));
		return YK_SYSTEM;
	}
	ex.list_focus = query && *query;

	/* Japanese needs a UTF-8 character type even when the user's locale does not exist
	 * (messages then stay in English, quietly). */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		const char *term = getenv("TERM");
		fprintf(stderr, _("yakugo: cannot use the terminal type '%s'\n"), term ? term : "");
		free(ex.query.s);
		return YK_USAGE;
	}
	set_term(scr);
	{
		/* a terminal that cannot move the cursor (TERM=dumb, unknown) cannot show a
		 * full screen: refuse, instead of drawing blanks */
		char *cup = tigetstr("cup");
		if (!cup || cup == (char *)-1) {
			const char *term = getenv("TERM");
			endwin();
			delscreen(scr);
			free(ex.query.s);
			fprintf(stderr, _("yakugo: the terminal type '%s' cannot move the cursor; explore needs a full-screen terminal (for example TERM=xterm-256color)\n"),
			        term ? term : "");
			return YK_USAGE;
		}
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	if (has_colors() && !(nc && *nc)) {
		start_color();
		use_default_colors();
		init_pair(PAIR_BAR, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_SEL, COLOR_BLACK, COLOR_YELLOW);
		init_pair(PAIR_LABEL, COLOR_CYAN, -1);
		init_pair(PAIR_MSG, COLOR_RED, -1);
		ex.color = 1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);

	search(&ex, LEXICON_SEED, 0);
	while (!interrupted) {
		draw(&ex);
		r = read_key(&ch);
		if (r == ERR)
			continue;
		if (!(r == KEY_CODE_YES && ch == KEY_RESIZE))
			ex.msg[0] = '\0';
		if (handle_key(&ex, r, ch))
			break;
	}
	endwin();
	delscreen(scr);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	results_free(&ex);
	free(ex.query.s);
	return YK_OK;
}
