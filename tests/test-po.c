/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/test-po.c: the po module on its own (no database): a glossary built from
 * entries in memory, exported and filled into a small catalogue written to a temporary
 * directory, read back and compared. */
#include "config.h"

#include "po.h"
#include "status.h"
#include "text.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/yakugo-test-po.XXXXXX";

/* dir/name in one of four rotating buffers (two may be arguments of one call). */
static char *path_in(const char *name)
{
	static char p[4][256];
	static int k;
	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
	return p[k];
}

static void write_file(const char *name, const char *text)
{
	FILE *fp = fopen(path_in(name), "w");
	if (!fp || fputs(text, fp) < 0 || fclose(fp) != 0) {
		perror(name);
		exit(99);
	}
}

/* The whole file (malloc'd). */
static char *read_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *s = NULL;
	size_t n = 0, cap = 0, r;
	if (!fp)
		return strdup("");
	do {
		cap += 4096;
		s = realloc(s, cap + 1);
		r = fread(s + n, 1, cap - n, fp);
		n += r;
	} while (r > 0);
	fclose(fp);
	s[n] = '\0';
	return s;
}

static void add(po_glossary *g, const char *ja, const char *kana, const char *romaji,
                const char *type, char **en, size_t n_en, char **variants, size_t n_var)
{
	lexicon_entry e;
	memset(&e, 0, sizeof e);
	e.ja = (char *)ja;
	e.kana = (char *)kana;
	e.romaji = (char *)romaji;
	e.type = (char *)type;
	e.en = en;
	e.n_en = n_en;
	e.variants = variants;
	e.n_variants = n_var;
	if (po_glossary_add(&e, g) != 0) {
		fprintf(stderr, "out of memory\n");
		exit(99);
	}
}

int main(void)
{
	char *en_cao[] = { "Cabinet Office", "CAO" };
	char *en_mai[] = { "Mainichi Shimbun" };
	char *var_mai[] = { "Mainchii shinbun" };
	char *en_none[] = { NULL };
	po_glossary *g = po_glossary_new();
	po_fill_stats st;
	po_lang lang;
	char *err = NULL, *text;
	int rc;

	if (!g || !mkdtemp(dir))
		return 99;
	add(g, "内閣府", "ないかくふ", "Naikakufu", "agency", en_cao, 2, NULL, 0);
	add(g, "毎日新聞", "まいにち しんぶん", "Mainichi shinbun", "newspaper", en_mai, 1,
	    var_mai, 1);
	add(g, "", "たなか", "Tanaka", "person", en_mai, 1, NULL, 0); /* no written form */
	add(g, "東京", "とうきょう", "Tōkyō", "place", en_none, 0, NULL, 0); /* no English */
	ok(po_glossary_count(g) == 2, "entries without a written form or English are skipped");

	ok(po_lang_parse("JA", &lang) == 0 && lang == PO_LANG_JA, "po_lang_parse ja");
	ok(po_lang_parse("fr", &lang) == -1, "po_lang_parse refuses fr");

	/* export en -> ja */
	rc = po_export(g, PO_LANG_EN, PO_LANG_JA, path_in("comp.po"), &err);
	ok(rc == YK_OK, "export returns 0 (%s)", err ? err : "");
	text = read_file(path_in("comp.po"));
	ok(strstr(text, "msgid \"Cabinet Office\"\nmsgstr \"内閣府\"") != NULL, "export: term");
	ok(strstr(text, "msgid \"CAO\"\nmsgstr \"内閣府\"") != NULL, "export: second English name");
	ok(strstr(text, "#. romaji: Naikakufu\n") != NULL, "export: romaji comment");
	ok(strstr(text, "Tanaka") == NULL, "export: skipped entry absent");
	free(text);

	/* fill */
	write_file("a.pot", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=CHARSET\\n\"\n\n"
	           "msgid \"cabinet office\"\nmsgstr \"\"\n\n"
	           "msgid \"Ask the Cabinet Office and the Mainichi Shimbun\"\nmsgstr \"\"\n\n"
	           "msgid \"CAO\"\nmsgstr \"既訳\"\n\n"
	           "msgid \"Cabinet Offices\"\nmsgstr \"\"\n");
	rc = po_fill(g, path_in("a.pot"), path_in("a.po"), PO_LANG_AUTO, PO_LANG_AUTO, &st, &err);
	ok(rc == YK_OK, "fill returns 0");
	ok(st.filled == 1 && st.suggested == 1 && st.kept == 1,
	   "fill stats: 1 filled, 1 suggested, 1 kept (got %zu %zu %zu)", st.filled,
	   st.suggested, st.kept);
	text = read_file(path_in("a.po"));
	ok(strstr(text, "msgid \"cabinet office\"\nmsgstr \"内閣府\"") != NULL, "fill: normalised");
	ok(strstr(text, "msgstr \"Ask the 内閣府 and the 毎日新聞\"") != NULL, "fill: suggestion");
	ok(strstr(text, "# glossary: Cabinet Office → 内閣府\n# glossary: Mainichi Shimbun → 毎日新聞\n")
	   != NULL, "fill: one comment per term, in order");
	ok(strstr(text, "msgid \"CAO\"\nmsgstr \"既訳\"") != NULL, "fill: translation kept");
	ok(strstr(text, "msgid \"Cabinet Offices\"\nmsgstr \"\"") != NULL, "fill: word boundary");
	ok(strstr(text, "charset=UTF-8") != NULL, "fill: header made UTF-8");
	free(text);

	/* text.c's word boundaries and classes, which the matcher stands on */
	{
		const char *ja = "毎日新聞によると北米国家";
		unsigned char b[64];
		size_t n = strlen(ja);
		ok(text_word_breaks(ja, n, b) == 0, "text_word_breaks runs");
		ok(b[0] && b[n], "text_word_breaks: both ends are boundaries");
		ok(b[strlen("毎日新聞")], "text_word_breaks: after 毎日新聞");
		ok(!b[strlen("毎日新聞によると北")], "text_word_breaks: no boundary inside 北米 (米国 is not in 北米国家)");
		ok(text_word_breaks("", 0, b) == 0 && b[0], "text_word_breaks: empty text");
	}
	ok(text_is_word_char('_') && text_is_word_char(0x17E) && text_is_word_char(0x030C)
	   && text_is_word_char(0x3042) && !text_is_word_char('-') && !text_is_word_char('%'),
	   "text_is_word_char: _, ž, a combining caron, あ; not - or %%");
	ok(text_is_upper('U') && !text_is_upper('u') && text_is_lower(0x1EB1) && !text_is_lower('5'),
	   "text_is_upper / text_is_lower");
	ok(text_fold_cp('A') == 'a' && text_fold_cp(0x0100) == 0x0101, "text_fold_cp");

	/* known exceptions: the rule file */
	{
		po_ignore *ign = po_ignore_new();
		write_file("ign.txt", "# comment\n\n Microsoft \nIP\tIP address\n*\t--help\n");
		ok(ign && po_ignore_load(ign, path_in("ign.txt"), &err) == YK_OK, "po_ignore_load reads rules");
		write_file("bad.txt", "IP\tIP address\textra\n");
		ok(po_ignore_load(ign, path_in("bad.txt"), &err) == YK_USAGE && err
		   && strstr(err, "bad.txt:1: "), "po_ignore_load: three fields are FILE:LINE, exit 2 (%s)",
		   err ? err : "");
		free(err);
		err = NULL;
		ok(po_ignore_add(ign, "US", NULL) == 0, "po_ignore_add");
		po_ignore_free(ign);
		unlink(path_in("ign.txt"));
		unlink(path_in("bad.txt"));
	}

	/* One catalogue read per process: libgettextpo leaks a little state from one read to
	 * the next, which ASan and valgrind rightly report. po_check, malformed and legacy
	 * charset catalogues are tested through the command line (tests/cli-po.sh). */
	po_glossary_free(g);
	unlink(path_in("comp.po"));
	unlink(path_in("a.pot"));
	unlink(path_in("a.po"));
	rmdir(dir);
	text_cleanup();
	return tap_done();
}
