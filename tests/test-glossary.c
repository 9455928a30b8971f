/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/test-glossary.c: the glossary TSV reader and validator (src/glossary.c). */
#include "config.h"

#include "glossary.h"
#include "tap.h"
#include "text.h"

#include <stdio.h>
#include <unistd.h>

static char dir[] = "/tmp/yakugo-test-glossary.XXXXXX";

/* Writes text to a file in the temporary directory; returns its malloc'd path. */
static char *write_file(const char *name, const char *text, size_t len)
{
	char *path = malloc(strlen(dir) + strlen(name) + 2);
	FILE *fp;
	sprintf(path, "%s/%s", dir, name);
	fp = fopen(path, "wb");
	if (fp) {
		fwrite(text, 1, len, fp);
		fclose(fp);
	}
	return path;
}

static int count_rows(const lexicon_entry *e, void *arg)
{
	(void)e;
	(*(int *)arg)++;
	return 0;
}

/* Whether some problem of g contains want. */
static int has_problem(const glossary *g, const char *want)
{
	size_t i;
	for (i = 0; i < glossary_problem_count(g); i++)
		if (strstr(glossary_problem(g, i), want))
			return 1;
	return 0;
}

#define HEADER "ja\tkana\tromaji\ttype\ten\tmarket\tvariants\tfootnotes\tnote\n"

int main(void)
{
	static const char good[] = HEADER
		"# a comment\n"
		"\n"
		"経済産業省\tけいざい さんぎょうしょう\tKeizai Sangyōshō\tministry\t"
		"Ministry of Economy, Trade and Industry | METI\t\tKēzai sangyōshō\tbody,11\t\n"
		"鳥取県\tとっとり けん\tTottori-ken\tplace\tTottori Prefecture\t\t\t\t\r\n"
		"\tすずき たろう\tSuzuki Tarō\tperson\t\t\t\t\tkanji unknown\n";
	static const char bad[] = HEADER
		"経済産業省\tけいざい さんぎょうしょう\tKeizai Sangyosho\tministry\t\t\t\t\t\n" /* 2 */
		"外務省\tがいむしょう\tGaimushō\t\tMinistry of Foreign Affairs\t\t\t\t\n"     /* 3 */
		"内閣府\tないかくふ\tNaikakufu\tministry\tCabinet Office\t\t\t\n"              /* 4 */
		"内閣府\tないかくふ\tNaikakufu\tministry\tCabinet Office\t\t\t\t\n"            /* 5 */
		"内閣府\tないかくふ\tNaikakufu\tministry\tCabinet Office\t\t\t\t\n"            /* 6 */
		"毎日\tまいにち\tMainichi\tnewspaper\tThe \xff Mainichi\t\t\t\t\n"             /* 7 */
		"毎日新聞\t\t\tnewspaper\t\t\t\t\t\n";                                          /* 8 */
	glossary *g;
	char *path, *msg;
	int rows = 0;
	lexicon_entry e;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 99;
	}

	/* a good file */
	path = write_file("good.tsv", good, sizeof good - 1);
	g = glossary_new();
	ok(glossary_read(g, path, count_rows, &rows) == 0, "good file read");
	ok(glossary_problem_count(g) == 0, "good file has no problems (%zu: %s)",
	   glossary_problem_count(g), glossary_problem_count(g) ? glossary_problem(g, 0) : "");
	ok(rows == 3, "three rows (comments and blank lines skipped, CRLF accepted): %d", rows);
	glossary_free(g);
	unlink(path);
	free(path);

	/* one row parsed into an entry */
	g = glossary_new();
	{
		const char *row = "経済産業省\tけいざい さんぎょうしょう\tKeizai Sangyōshō\tministry\t"
		                  "Ministry of Economy, Trade and Industry | METI\t\tKēzai sangyōshō | Keizai-sho\tbody,11\tnote";
		ok(glossary_parse_row(g, "x.tsv", 2, row, strlen(row), &e) == 0, "row parsed");
		is_str(e.ja, "経済産業省", "ja");
		is_str(e.kana, "けいざい さんぎょうしょう", "kana");
		is_str(e.romaji, "Keizai Sangyōshō", "romaji");
		is_str(e.type, "ministry", "type");
		ok(e.n_en == 2, "two English names");
		is_str(e.n_en == 2 ? e.en[1] : NULL, "METI", "second English name is the abbreviation");
		ok(e.n_variants == 2, "two variants");
		ok(e.market == NULL, "empty market is NULL");
		is_str(e.footnotes, "body,11", "footnotes");
		is_str(e.source, "x.tsv:2", "source names FILE:LINE");
		lexicon_entry_clear(&e);
	}
	glossary_free(g);

	/* a bad file: every problem, with its line */
	path = write_file("bad.tsv", bad, sizeof bad - 1);
	g = glossary_new();
	rows = 0;
	ok(glossary_read(g, path, count_rows, &rows) == 0, "bad file read to the end");
	ok(has_problem(g, "bad.tsv:2: romaji 'Keizai Sangyosho' does not match"), "wrong romaji on line 2");
	ok(has_problem(g, "expected 'keizai sangyōshō'"), "the expected romaji is named");
	ok(has_problem(g, "bad.tsv:3: missing type"), "missing field on line 3");
	ok(has_problem(g, "bad.tsv:4: expected 9 tab-separated columns, found 8"), "8 columns on line 4");
	ok(has_problem(g, "bad.tsv:6: duplicate entry"), "duplicate on line 6");
	ok(has_problem(g, "already at ") && has_problem(g, "bad.tsv:5"), "the duplicate names the first line");
	ok(has_problem(g, "bad.tsv:7: invalid UTF-8 at byte "), "invalid UTF-8 on line 7");
	ok(has_problem(g, "bad.tsv:7: invalid UTF-8 at byte 44"), "the (1-based) byte offset is reported");
	ok(has_problem(g, "bad.tsv:8: missing kana") && has_problem(g, "bad.tsv:8: missing romaji"),
	   "two problems of one line both reported");
	ok(rows == 1, "only the good row (line 5) is passed on: %d", rows);
	ok(glossary_problem_count(g) == 7, "all problems at once: %zu", glossary_problem_count(g));
	glossary_free(g);
	unlink(path);
	free(path);

	/* header and missing files */
	path = write_file("nohead.tsv", "内閣府\tないかくふ\tNaikakufu\tministry\t\t\t\t\t\n", 45);
	g = glossary_new();
	glossary_read(g, path, NULL, NULL);
	ok(has_problem(g, "nohead.tsv:1: the first row must be the header"), "missing header reported");
	glossary_free(g);
	unlink(path);
	free(path);
	g = glossary_new();
	ok(glossary_read(g, "/nonexistent/g.tsv", NULL, NULL) == -1 &&
	   has_problem(g, "/nonexistent/g.tsv: "), "unreadable file reported");
	glossary_free(g);

	/* the romaji rule */
	ok(glossary_check_romaji("けいざい さんぎょうしょう", "Keizai Sangyōshō") == NULL, "Hepburn with macrons");
	ok(glossary_check_romaji("とっとり けん", "Tottori-ken") == NULL, "hyphen ignored");
	ok(glossary_check_romaji("ほん を よむ", "hon o yomu") == NULL, "を segment is the particle o");
	ok(glossary_check_romaji("こんにち は", "konnichi wa") == NULL, "は segment is the particle wa");
	ok(glossary_check_romaji("チャット GPT", "Chatto GPT") == NULL, "Latin letters pass through");
	msg = glossary_check_romaji("けいざい", "Kēzai");
	ok(msg != NULL, "ei is not ē: %s", msg ? msg : "");
	free(msg);
	msg = glossary_check_romaji("とうきょう", "Tokyo");
	ok(msg != NULL, "a dropped macron is wrong");
	free(msg);

	/* entries from yakugo add */
	memset(&e, 0, sizeof e);
	e.kana = "ないかくふ";
	e.romaji = "Naikakufu";
	msg = glossary_check_entry(&e);
	ok(msg && strstr(msg, "missing type"), "entry without a type rejected: %s", msg ? msg : "");
	free(msg);
	e.type = "ministry";
	msg = glossary_check_entry(&e);
	ok(msg == NULL, "valid entry accepted");
	free(msg);
	e.romaji = "Naikakuhu";
	msg = glossary_check_entry(&e);
	ok(msg && strstr(msg, "does not match"), "entry with wrong romaji rejected");
	free(msg);

	rmdir(dir);
	text_cleanup();
	return tap_done();
}
