/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-edict.c: EDICT and ENAMDICT line parsing (edict.h) on lines in the real formats
 * of the Debian files: (P), parts of speech, several written forms, readings and
 * glosses, reading restrictions, name types, header lines, malformed lines and unknown
 * tags; and EUC-JP conversion. */
#include "config.h"

#include "edict.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static lexicon_entry *parse(edict_kind kind, const char *line, size_t *n, char **err)
{
	lexicon_entry *v = NULL;
	*err = NULL;
	if (edict_parse_line(kind, line, strlen(line), &v, n, err) != 0)
		return NULL;
	return v;
}

int main(void)
{
	lexicon_entry *v;
	size_t n;
	char *err, *u;

	/* a plain EDICT line with (P) and several glosses */
	v = parse(EDICT_WORDS, "経済 [けいざい] /(n) economy/business/finance/(P)/", &n, &err);
	ok(v && n == 1, "one entry from a simple line");
	if (v && n == 1) {
		is_str(v[0].ja, "経済", "written form");
		is_str(v[0].kana, "けいざい", "reading");
		is_str(v[0].romaji, "keizai", "romaji of the reading");
		is_str(v[0].type, "term", "EDICT entries are terms");
		is_str(v[0].pos, "n", "part of speech kept");
		ok(v[0].common == 1, "(P) marks the entry common");
		ok(v[0].n_en == 3, "three glosses (the (P) field is not a gloss)");
		if (v[0].n_en == 3) {
			is_str(v[0].en[0], "economy", "first gloss");
			is_str(v[0].en[2], "finance", "last gloss");
		}
		ok(v[0].origin == LEXICON_EDICT, "origin edict");
	}
	edict_entries_free(v, n);

	/* senses, tags, a rare entry */
	v = parse(EDICT_WORDS, "ＤＱＮ [ドキュン] /(n) (1) (sl) (derog) dumb-ass/person lacking "
	          "common sense/(n) (2) (sl) delinquent/", &n, &err);
	ok(v && n == 1, "senses with numbers and usage tags");
	if (v && n == 1) {
		is_str(v[0].pos, "n", "pos given twice is kept once");
		is_str(v[0].note, "sl, derog", "other tags go to the note");
		ok(v[0].n_en == 3 && strcmp(v[0].en[2], "delinquent") == 0, "glosses of both senses");
		ok(v[0].common == 0, "no (P): not common");
		is_str(v[0].romaji, "dokyun", "katakana reading romanized");
	}
	edict_entries_free(v, n);

	/* several written forms and readings, with a restriction and marks */
	v = parse(EDICT_WORDS, "日本;日本国(P) [にほん(P);にっぽん;やまと(日本)] /(n) Japan/EntL1582710X/",
	          &n, &err);
	ok(v && n == 5, "2 forms x 3 readings, one reading restricted: 5 entries (got %zu)",
	   v ? n : 0);
	if (v && n == 5) {
		is_str(v[0].ja, "日本", "first form");
		is_str(v[0].kana, "にほん", "first reading, restriction mark removed");
		ok(v[0].common == 1, "(P) on a reading");
		is_str(v[2].kana, "やまと", "restricted reading pairs with its form");
		is_str(v[3].ja, "日本国", "second form");
		ok(v[3].common == 1, "(P) on a written form");
		is_str(v[4].kana, "にっぽん", "second form, second reading");
		ok(v[0].n_en == 1, "the EntL field is not a gloss");
	}
	edict_entries_free(v, n);

	/* a kana-only entry, and free text in parentheses that is not a tag */
	v = parse(EDICT_WORDS, "ああ /(adv) (a) like that/(int) ah!/", &n, &err);
	ok(v && n == 1, "kana-only line");
	if (v && n == 1) {
		is_str(v[0].kana, "ああ", "the form is the reading");
		is_str(v[0].en[0], "(a) like that", "free parenthesised text stays in the gloss");
		is_str(v[0].pos, "adv,int", "parts of speech of both senses");
	}
	edict_entries_free(v, n);

	/* header lines */
	ok(edict_is_header("？？？？ /EDICT, EDICT_SUB(P), EDICT2 Japanese-English/",
	   strlen("？？？？ /EDICT, EDICT_SUB(P), EDICT2 Japanese-English/")) == 1 + EDICT_WORDS,
	   "EDICT header");
	ok(edict_is_header("　？？？ /ENAMDICT - Japanese Proper Name Dictionary File/",
	   strlen("　？？？ /ENAMDICT - Japanese Proper Name Dictionary File/")) == 1 + EDICT_NAMES,
	   "ENAMDICT header, told from EDICT's");
	ok(!edict_is_header("経済 [けいざい] /(n) economy/", strlen("経済 [けいざい] /(n) economy/")),
	   "an entry is not a header");

	/* malformed lines and unknown tags */
	v = parse(EDICT_WORDS, "経済 [けいざい] (n) economy", &n, &err);
	ok(!v && err && strstr(err, "' /'"), "no gloss part: %s", err ? err : "(none)");
	free(err);
	v = parse(EDICT_WORDS, "経済 [けいざい /(n) economy/", &n, &err);
	ok(!v && err && strstr(err, "'['"), "unclosed bracket: %s", err ? err : "(none)");
	free(err);
	v = parse(EDICT_WORDS, "４° [しど] /", &n, &err);
	ok(v && n == 1 && v[0].n_en == 0 && strcmp(v[0].kana, "しど") == 0,
	   "an empty gloss list (a real line of the Debian file) gives an entry without English");
	edict_entries_free(v, n);
	v = parse(EDICT_NAMES, "山田 [やまだ] /", &n, &err);
	ok(v && n == 1 && v[0].n_en == 0 && strcmp(v[0].type, "name") == 0,
	   "a name line without names: an unclassified name");
	edict_entries_free(v, n);
	v = parse(EDICT_WORDS, "経済 [けいざい] /(n) economy", &n, &err);
	ok(!v && err && strstr(err, "end with '/'"), "unterminated: %s", err ? err : "(none)");
	free(err);
	v = parse(EDICT_WORDS, "経済 [けいざい] /(zzz) economy/", &n, &err);
	ok(!v && err && strstr(err, "unknown tag 'zzz'"), "unknown tag: %s", err ? err : "(none)");
	free(err);
	v = parse(EDICT_WORDS, "経済 [けいざい] /(n,qq) economy/", &n, &err);
	ok(!v && err && strstr(err, "unknown tag 'qq'"), "unknown tag next to a known one: %s",
	   err ? err : "(none)");
	free(err);
	v = parse(EDICT_WORDS, "[けいざい] /(n) economy/", &n, &err);
	ok(!v && err && strstr(err, "empty written form"), "empty written form: %s",
	   err ? err : "(none)");
	free(err);
	v = parse(EDICT_WORDS, "経済 [けい\xffざい] /(n) economy/", &n, &err);
	ok(!v && err && strstr(err, "UTF-8"), "invalid UTF-8: %s", err ? err : "(none)");
	free(err);
	{
		/* 300 written forms x 300 readings: refused, not 90000 entries */
		char *big = malloc(300 * 8 + 300 * 8 + 64), *p = big;
		int k;
		for (k = 0; k < 300; k++)
			p += sprintf(p, "%s語", k ? ";" : "");
		p += sprintf(p, " [");
		for (k = 0; k < 300; k++)
			p += sprintf(p, "%sご", k ? ";" : "");
		sprintf(p, "] /(n) word/");
		v = parse(EDICT_WORDS, big, &n, &err);
		ok(!v && err && strstr(err, "too many"), "a line of 300 x 300 forms is refused: %s",
		   err ? err : "(none)");
		free(err);
		free(big);
	}
	v = parse(EDICT_WORDS, "   ", &n, &err);
	ok(v == NULL && n == 0 && err == NULL, "a blank line gives nothing and no error");

	/* ENAMDICT */
	v = parse(EDICT_NAMES, "〆谷 [しめたに] /(s) Shimetani/", &n, &err);
	ok(v && n == 1, "a surname");
	if (v && n == 1) {
		is_str(v[0].type, "surname", "(s) -> surname");
		ok(v[0].note == NULL, "a single type needs no note");
		is_str(v[0].romaji, "Shimetani", "names are capitalised");
		is_str(v[0].en[0], "Shimetani", "the name is the English form");
		ok(v[0].origin == LEXICON_ENAMDICT, "origin enamdict");
	}
	edict_entries_free(v, n);
	v = parse(EDICT_NAMES, "大野 [おおの] /(p,s) Oono/", &n, &err);
	ok(v && n == 1, "place and surname");
	if (v && n == 1) {
		is_str(v[0].type, "place", "first tag gives the type");
		is_str(v[0].note, "place name, surname", "all tags in the note");
		is_str(v[0].romaji, "Ōno", "long vowel with a capital macron");
	}
	edict_entries_free(v, n);
	v = parse(EDICT_NAMES, "ＡＢＣ [エービーシー] /(c) American Broadcasting Company/ABC/"
	          "(o) Audit Bureau of Circulations/ABC/(pr) ABC World Airways Guide/", &n, &err);
	ok(v && n == 3, "one entry per typed sense (got %zu)", v ? n : 0);
	if (v && n == 3) {
		is_str(v[0].type, "company", "(c) -> company");
		is_str(v[1].type, "organisation", "(o) -> organisation");
		is_str(v[2].type, "product", "(pr) -> product");
		ok(v[0].n_en == 2 && strcmp(v[0].en[1], "ABC") == 0, "names of the first sense");
		is_str(v[1].en[0], "Audit Bureau of Circulations", "names of the second sense");
	}
	edict_entries_free(v, n);
	v = parse(EDICT_NAMES, "あーみん /(f) A-min/", &n, &err);
	ok(v && n == 1 && strcmp(v[0].type, "given") == 0 && strcmp(v[0].kana, "あーみん") == 0,
	   "a kana-only female given name");
	if (v && n == 1)
		is_str(v[0].note, "female", "the note says female");
	edict_entries_free(v, n);
	v = parse(EDICT_NAMES, "渋谷 [しぶや] /(st) Shibuya Station/", &n, &err);
	ok(v && n == 1 && strcmp(v[0].type, "station") == 0, "(st) -> station");
	edict_entries_free(v, n);
	v = parse(EDICT_NAMES, "山田 [やまだ] /(zz) Yamada/", &n, &err);
	ok(!v && err && strstr(err, "unknown tag 'zz'"), "unknown name type: %s", err ? err : "(none)");
	free(err);
	/* a few lines of the Debian file have no type at all: an unclassified name */
	v = parse(EDICT_NAMES, "アマビエ /Amabie (Japanese folk monster)/", &n, &err);
	ok(v && n == 1 && strcmp(v[0].type, "name") == 0 &&
	   strcmp(v[0].en[0], "Amabie (Japanese folk monster)") == 0, "an untyped name");
	edict_entries_free(v, n);
	is_str(edict_name_type("wk"), "work", "wk -> work");
	is_str(edict_name_type("h"), "person", "h -> person");
	ok(edict_name_type("zz") == NULL, "unknown name type: NULL");

	/* EUC-JP conversion: 経済 [けいざい] /(n) economy/ in EUC-JP bytes */
	u = edict_to_utf8("\xb7\xd0\xba\xd1 [\xa4\xb1\xa4\xa4\xa4\xb6\xa4\xa4] /(n) economy/",
	                  strlen("\xb7\xd0\xba\xd1 [\xa4\xb1\xa4\xa4\xa4\xb6\xa4\xa4] /(n) economy/"));
	is_str(u, "経済 [けいざい] /(n) economy/", "EUC-JP to UTF-8");
	free(u);
	u = edict_to_utf8("\xb7\xd0\xba", 3);
	ok(u == NULL, "a truncated EUC-JP sequence is an error");
	free(u);
	return tap_done();
}
