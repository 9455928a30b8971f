/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tbx.c: TBX export and import (tbx.h): entries with every field (several English
 * names and variants, market, footnotes, note, part of speech, common, XML special
 * characters, an empty written form) are written and read back identically; TBX 2008
 * element names are read too; malformed XML is reported with FILE:LINE. */
#include "config.h"

#include "tap.h"
#include "tbx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *en1[] = { "Ministry of Economy, Trade and Industry", "METI", "<R&D> \"x\"" };
static char *var1[] = { "Kēzai sangyōshō", "Keizai Sangyosho" };
static char *en2[] = { "economy" };

static lexicon_entry want[] = {
	{ 0, LEXICON_TSV, "経済産業省", "けいざい さんぎょうしょう", "Keizai Sangyōshō", "ministry",
	  en1, 3, "METI market", var1, 2, "body,11", "a note & more", NULL, 0, NULL },
	{ 0, LEXICON_TSV, "経済", "けいざい", "keizai", "term", en2, 1, NULL, NULL, 0, NULL, NULL,
	  "n,adj-no", 1, NULL },
	{ 0, LEXICON_TSV, "", "にしむら やすとし", "Nishimura Yasutoshi", "person", NULL, 0, NULL,
	  NULL, 0, NULL, NULL, NULL, 0, NULL },
};
#define N_WANT (sizeof want / sizeof *want)

static int same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static int same_entry(const lexicon_entry *a, const lexicon_entry *b)
{
	size_t i;
	if (!same(a->ja, b->ja) || !same(a->kana, b->kana) || !same(a->romaji, b->romaji) ||
	    !same(a->type, b->type) || !same(a->market, b->market) ||
	    !same(a->footnotes, b->footnotes) || !same(a->note, b->note) ||
	    !same(a->pos, b->pos) || a->common != b->common || a->n_en != b->n_en ||
	    a->n_variants != b->n_variants || a->origin != b->origin)
		return 0;
	for (i = 0; i < a->n_en; i++)
		if (!same(a->en[i], b->en[i]))
			return 0;
	for (i = 0; i < a->n_variants; i++)
		if (!same(a->variants[i], b->variants[i]))
			return 0;
	return 1;
}

struct seen { size_t n, good; size_t line[8]; };

static int check_cb(const lexicon_entry *e, size_t line, void *arg)
{
	struct seen *s = arg;
	if (s->n < N_WANT && same_entry(e, &want[s->n]))
		s->good++;
	if (s->n < 8)
		s->line[s->n] = line;
	s->n++;
	return 0;
}

static int stop_cb(const lexicon_entry *e, size_t line, void *arg)
{
	(void)e;
	(void)line;
	(*(int *)arg)++;
	return 7;
}

static int write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	if (!fp)
		return -1;
	fputs(text, fp);
	return fclose(fp);
}

int main(void)
{
	char path[] = "/tmp/yakugo-test-tbx.XXXXXX";
	int fd = mkstemp(path), calls = 0;
	FILE *fp;
	tbx_writer *w;
	char *err = NULL;
	struct seen s = { 0, 0, { 0 } };
	size_t i;

	if (!ok(fd >= 0, "temporary file"))
		return tap_done();
	fp = fdopen(fd, "w");
	w = tbx_writer_new(fp, &err);
	ok(w != NULL, "writer created");
	for (i = 0; i < N_WANT; i++)
		ok(tbx_writer_add(w, &want[i]) == 0, "entry %zu written", i);
	ok(tbx_writer_finish(w) == 0, "document finished");
	fclose(fp);

	ok(tbx_read(path, check_cb, &s, &err) == 0, "read back: %s", err ? err : "ok");
	ok(s.n == N_WANT, "as many entries read as written (%zu)", s.n);
	ok(s.good == N_WANT, "every field reads back identically (%zu of %zu)", s.good, N_WANT);
	ok(s.line[0] > 0 && s.line[1] > s.line[0], "entries carry their line numbers");
	ok(tbx_read(path, stop_cb, &calls, &err) == 7 && calls == 1,
	   "a non-zero callback stops the reading and is returned");

	/* TBX 2008 names */
	write_file(path, "<?xml version='1.0'?>\n<martif type='TBX' xml:lang='en'><text><body>\n"
	           "<termEntry id='t1'><descrip type='entryType'>place</descrip>\n"
	           "<langSet xml:lang='ja'><tig><term>東京</term>"
	           "<termNote type='pronunciation'>とうきょう</termNote>"
	           "<termNote type='transliteration'>Tōkyō</termNote></tig></langSet>\n"
	           "<langSet xml:lang='en'><tig><term>Tokyo</term></tig></langSet>"
	           "<langSet xml:lang='de'><tig><term>Tokio</term></tig></langSet></termEntry>\n"
	           "</body></text></martif>\n");
	{
		static char *en[] = { "Tokyo" };
		lexicon_entry tokyo = { 0, LEXICON_TSV, "東京", "とうきょう", "Tōkyō", "place", en, 1,
		                        NULL, NULL, 0, NULL, NULL, NULL, 0, NULL };
		struct seen t = { 0, 0, { 0 } };
		lexicon_entry saved = want[0];
		want[0] = tokyo;
		ok(tbx_read(path, check_cb, &t, &err) == 0 && t.n == 1 && t.good == 1,
		   "TBX 2008 (martif, termEntry, langSet, tig) is read; German terms are skipped");
		ok(t.line[0] == 3, "its line number is 3 (got %zu)", t.line[0]);
		want[0] = saved;
	}

	/* not well-formed */
	write_file(path, "<tbx>\n<text><body>\n<conceptEntry id='c1'>\n</body></text></tbx>\n");
	ok(tbx_read(path, check_cb, &s, &err) == -1 && err, "malformed XML is an error");
	ok(err && strncmp(err, path, strlen(path)) == 0 && err[strlen(path)] == ':' &&
	   err[strlen(path) + 1] >= '1' && err[strlen(path) + 1] <= '9',
	   "reported as FILE:LINE: %s", err ? err : "(null)");
	free(err);
	err = NULL;
	/* well-formed XML that is not TBX: refused, so an import replaces nothing with it */
	write_file(path, "<?xml version='1.0'?>\n<html>\n<body><p>x</p></body></html>\n");
	ok(tbx_read(path, check_cb, &s, &err) == -1 && err && strstr(err, ":2: not TBX") &&
	   strstr(err, "<html>"), "another XML document is not TBX: %s", err ? err : "(null)");
	free(err);
	err = NULL;
	unlink(path);
	ok(tbx_read(path, check_cb, &s, &err) == -1 && err, "a missing file is an error");
	free(err);
	return tap_done();
}
