/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-romanize.c: the romanize pipeline with real MeCab + ipadic: every row of the
 * spec's footnote table (with the seed glossary, and again with its title entries left
 * out so the word-level analysis is what is tested), the hard cases of the spec (long
 * vowels across morphemes, っ, ん, particles, dates, NFKC), styles, systems, the
 * dictionary layout, glossary terms as words, and unknown words. */
#include "config.h"

#include "lexicon.h"
#include "morph.h"
#include "romanize.h"
#include "str.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static morph *m;

static char *run(romanizer *r, const char *s)
{
	char *err = NULL;
	char *out = romanize_string(r, s, strlen(s), &err);
	if (!out) {
		printf("# error: %s\n", err ? err : "?");
		free(err);
	}
	return out;
}

static void check(romanizer *r, const char *in, const char *want, const char *what)
{
	char *got = run(r, in);
	is_str(got, want, "%s: %s", what, in);
	free(got);
}

static romanizer *make(romaji_system sys, romaji_long lng, romanize_style style)
{
	romanize_options o;
	o.sys = sys;
	o.lng = lng;
	o.style = style;
	return romanize_new(m, &o);
}

/* The spec's table: original -> yakugo column. */
static const char *const spec_rows[][2] = {
	{ "経済産業省", "Keizai Sangyōshō" },
	{ "西村経済産業大臣の閣議後記者会見の概要",
	  "Nishimura Keizai Sangyō Daijin no kakugigo kisha kaiken no gaiyō" },
	{ "AI駅員を10月から実証実験 JR九州、多言語で案内対応",
	  "AI ekiin o 10-gatsu kara jisshō jikken JR Kyūshū, tagengo de annai taiō" },
	{ "チャットGPT、横須賀市が試験導入 文書作成や誤字チェックに",
	  "Chatto GPT, Yokosuka-shi ga shiken dōnyū bunsho sakusei ya goji chekku ni" },
	{ "鳥取県、業務ではChatGPT禁止 知事「ちゃんと地道に」",
	  "Tottori-ken, gyōmu de wa ChatGPT kinshi chiji \"chanto jimichi ni\"" },
	{ "ラピダス、AI向け半導体の生産受託 カナダのテンストレントと協業",
	  "Rapidasu, AI-muke handōtai no seisan jutaku Kanada no Tensutorento to kyōgyō" },
	{ "内閣府, AI戦略会議", "Naikakufu, AI senryaku kaigi" },
	{ "毎日新聞", "Mainichi shinbun" },
};

struct filter {
	romanizer *r;
	int titles;
	int added;
};

static int add_entry(const lexicon_entry *e, void *arg)
{
	struct filter *f = arg;
	if (!f->titles && e->type && strcmp(e->type, "title") == 0)
		return 0;
	if (romanize_add_term(f->r, e->ja, e->kana, e->romaji) != 0)
		return -1;
	f->added++;
	return 0;
}

static void spec_table(void)
{
	const char *db = getenv("YAKUGO_DB");
	char *err = NULL;
	lexicon *lex;
	int pass;
	size_t i;

	lex = db ? lexicon_open(db, NULL, NULL, LEXICON_NO_USER, &err) : NULL;
	ok(lex != NULL, "the seed glossary opens (%s)", err ? err : db ? db : "YAKUGO_DB unset");
	free(err);
	for (pass = 0; pass < 3; pass++) {
		romanizer *r = make(ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT, ROMANIZE_ALALC);
		struct filter f = { r, pass == 0, 0 };
		const char *what = pass == 0 ? "glossary" : pass == 1 ? "glossary without titles"
		                 : "no glossary";
		if (pass < 2 && lex) {
			ok(lexicon_foreach(lex, 1u << LEXICON_SEED, add_entry, &f, &err) == 0,
			   "%s: entries load", what);
			ok(f.added > 0, "%s: %d entries", what, f.added);
		}
		for (i = 0; i < sizeof spec_rows / sizeof spec_rows[0]; i++)
			check(r, spec_rows[i][0], spec_rows[i][1], what);
		/* the full-width space of the glossary's original is folded by NFKC */
		check(r, "鳥取県、業務ではChatGPT禁止　知事「ちゃんと地道に」",
		      "Tottori-ken, gyōmu de wa ChatGPT kinshi chiji \"chanto jimichi ni\"", what);
		romanize_free(r);
	}
	lexicon_close(lex);
}

static void hard_cases(void)
{
	static const char *const cases[][2] = {
		{ "東京", "Tōkyō" },          { "湖", "Mizuumi" },       { "後押し", "Atooshi" },
		{ "里親", "Satooya" },        { "思う", "Omou" },        { "こんにちは", "Konnichiwa" },
		{ "学校へ行く", "Gakkō e iku" }, { "本を読む", "Hon o yomu" }, { "切手", "Kitte" },
		{ "抹茶", "Matcha" },         { "禁煙", "Kin'en" },      { "本屋", "Hon'ya" },
		{ "1日", "Tsuitachi" },       { "2日", "Futsuka" },      { "20日", "Hatsuka" },
		{ "24日", "24-ka" },          { "10月", "10-gatsu" },    { "15日", "15-nichi" },
		{ "2024年10月24日", "2024-nen 10-gatsu 24-ka" },
		{ "ＡＩ２０２４", "AI2024" },  { "ｿﾌﾄﾊﾞﾝｸ", "Sofutobanku" },
		{ "東京都千代田区", "Tōkyō-to Chiyoda-ku" }, { "新橋駅", "Shinbashi-eki" },
		{ "大阪府", "Ōsaka-fu" },     { "横須賀市", "Yokosuka-shi" },
		{ "行った", "Itta" },         { "勉強します", "Benkyō shimasu" },
		{ "読んでいる", "Yonde iru" }, { "経済", "Keizai" },     { "先生", "Sensei" },
		{ "おかあさん", "Okāsan" },    { "ビール", "Bīru" },      { "コーヒー", "Kōhī" },
		{ "日米", "Nichi-Bei" },       { "第3回会議", "Dai 3-kai kaigi" },
		{ "2024年度", "2024-nendo" },  { "3ヶ月", "3-kagetsu" },
		{ "これは本です。それも本です。", "Kore wa hon desu. Sore mo hon desu." },
		{ "東京大学", "Tōkyō Daigaku" }, { "日本銀行", "Nippon Ginkō" },
		{ "日本の政府", "Nihon no seifu" },
		{ "", "" },
	};
	romanizer *r = make(ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT, ROMANIZE_ALALC);
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check(r, cases[i][0], cases[i][1], "hard case");
	romanize_free(r);
}

static void styles_and_systems(void)
{
	static const char *in = "鳥取県の新聞は東京へ行った";
	struct { romaji_system sys; romaji_long lng; romanize_style st; const char *want; } c[] = {
		{ ROMAJI_HEPBURN, 0, ROMANIZE_ALALC, "Tottori-ken no shinbun wa Tōkyō e itta" },
		{ ROMAJI_HEPBURN, 0, ROMANIZE_SPACED, "tottori ken no shinbun wa tōkyō e itta" },
		{ ROMAJI_HEPBURN, 0, ROMANIZE_TITLE, "Tottori-ken no Shinbun wa Tōkyō e Itta" },
		{ ROMAJI_HEPBURN, 0, ROMANIZE_SLUG, "tottori-ken-no-shinbun-wa-tokyo-e-itta" },
		{ ROMAJI_TRADITIONAL, 0, ROMANIZE_ALALC, "Tottori-ken no shimbun wa Tōkyō e itta" },
		{ ROMAJI_KUNREI, 0, ROMANIZE_ALALC, "Tottori-ken no sinbun wa Tôkyô e itta" },
		{ ROMAJI_NIHON, 0, ROMANIZE_ALALC, "Tottori-ken no sinbun wa Tôkyô e itta" },
		{ ROMAJI_PASSPORT, 0, ROMANIZE_ALALC, "TOTTORI-KEN NO SHIMBUN WA TOKYO E ITTA" },
		{ ROMAJI_WAPURO, 0, ROMANIZE_ALALC, "Tottori-ken no shinbun wa Toukyou e itta" },
		{ ROMAJI_CABINET2025, 0, ROMANIZE_ALALC, "Tottori-ken no shinbun wa Tōkyō e itta" },
		{ ROMAJI_HEPBURN, ROMAJI_LONG_DOUBLE, ROMANIZE_ALALC,
		  "Tottori-ken no shinbun wa Tookyoo e itta" },
		{ ROMAJI_HEPBURN, ROMAJI_LONG_NONE, ROMANIZE_ALALC,
		  "Tottori-ken no shinbun wa Tokyo e itta" },
	};
	size_t i;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		romanizer *r = make(c[i].sys, c[i].lng, c[i].st);
		char what[64];
		snprintf(what, sizeof what, "%s/%d/%d", romaji_system_name(c[i].sys), (int)c[i].lng,
		         (int)c[i].st);
		check(r, in, c[i].want, what);
		romanize_free(r);
	}
	{
		romanizer *r = make(ROMAJI_NIHON, 0, ROMANIZE_ALALC);
		check(r, "本を読む", "Hon wo yomu", "nihon-shiki を");
		romanize_free(r);
		r = make(ROMAJI_WAPURO, 0, ROMANIZE_ALALC);
		check(r, "抹茶", "Maccha", "wapuro っち");
		romanize_free(r);
	}
}

static int unknown_count;
static char unknown_word[64];

static void on_unknown(const char *w, size_t n, void *arg)
{
	(void)arg;
	unknown_count++;
	snprintf(unknown_word, sizeof unknown_word, "%.*s", (int)n, w);
}

static void glossary_and_unknown(void)
{
	romanizer *r = make(ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT, ROMANIZE_ALALC);
	char *s;
	ok(romanize_add_term(r, "経団連", "けいだんれん", "Keidanren") == 0, "add a term");
	ok(romanize_add_term(r, "ＡＩ戦略会議", "AI せんりゃく かいぎ", "AI senryaku kaigi") == 0,
	   "add a term with full-width letters (matched after NFKC)");
	ok(romanize_add_term(r, "個人情報保護委員会", "こじん じょうほう ほご いいんかい",
	                     "Kojin Jōhō Hogo Iinkai") == 0, "add an organisation");
	check(r, "経団連がAI戦略会議に参加", "Keidanren ga AI senryaku kaigi ni sanka",
	      "glossary terms are words");
	check(r, "政府と個人情報保護委員会は", "Seifu to Kojin Jōhō Hogo Iinkai wa",
	      "glossary capitals kept mid-sentence");
	check(r, "XAI戦略会議", "XAI senryaku kaigi", "a term never starts inside a Latin word");
	romanize_free(r);

	r = make(ROMAJI_KUNREI, ROMAJI_LONG_DEFAULT, ROMANIZE_ALALC);
	romanize_add_term(r, "個人情報保護委員会", "こじん じょうほう ほご いいんかい",
	                  "Kojin Jōhō Hogo Iinkai");
	check(r, "個人情報保護委員会", "Kozin Zyôhô Hogo Iinkai",
	      "glossary term in another system keeps its capitals");
	romanize_free(r);

	r = make(ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT, ROMANIZE_ALALC);
	romanize_set_unknown(r, on_unknown, NULL);
	s = run(r, "鱻と鱻");
	ok(s && strstr(s, "鱻") != NULL, "a character without a reading is written as it is: %s",
	   s ? s : "(null)");
	ok(unknown_count == 1, "reported once per word (%d)", unknown_count);
	is_str(unknown_word, "鱻", "the unknown word is named");
	free(s);
	/* NUL bytes are copied through and the text around them is romanized */
	{
		static const char in[] = "東京\0大阪";
		char *err = NULL;
		s = romanize_string(r, in, sizeof in - 1, &err);
		ok(s && strcmp(s, "Tōkyō") == 0 && strcmp(s + strlen(s) + 1, "Ōsaka") == 0,
		   "NUL bytes pass through");
		free(s);
		free(err);
	}
	romanize_free(r);
}

static void long_line(void)
{
	/* 2 MB on one line: processed in pieces, the output is complete */
	size_t n = 2u << 20, i, unit = strlen("東京へ行く。"), count = 0;
	char *in = malloc(n + 1), *out, *p;
	romanizer *r = make(ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT, ROMANIZE_ALALC);
	for (i = 0; i + unit <= n; i += unit)
		memcpy(in + i, "東京へ行く。", unit);
	in[i] = '\0';
	out = run(r, in);
	for (p = out; p && (p = strstr(p, "kyō e iku.")); p++)
		count++;
	ok(out && count == i / unit, "a long line comes out whole (%zu of %zu)", count, i / unit);
	free(out);
	free(in);
	romanize_free(r);
}

/* Odd inputs in every style, system and long-vowel mode, each in a buffer of exactly its
 * length (no NUL after it: under the sanitizers a read past the end fails the test):
 * control characters before and after glossary terms, NUL bytes, lone combining marks,
 * text ending in white space, pieces ending in punctuation. Each must be romanized
 * (never an error, never MeCab's exit()), with its control characters kept. */
#define ODD(x) { x, sizeof x - 1 }
static void odd_inputs(void)
{
	static const struct { const char *s; size_t n; } inputs[] = {
		ODD("東京\v経済産業省"), ODD("\v経済産業省"), ODD("経済産業省\v"), ODD("a\t経済産業省"),
		ODD("\f\r\x1b東京"), ODD("a.\0b"), ODD("東京 "), ODD("日本\t"), ODD("\xcc\x80"),
		ODD("ア\xcc\x80ア\xe3\x82\x99"), ODD("\x7f\xc2\x85\xc2\x9f"), ODD("ｱﾞ\x01ｲ"), ODD("ー"),
		ODD("、"), ODD("。\0。"), ODD("\x1f\x1fとう\x1fきょう"), ODD("経済産業省 経済産業省"),
	};
	size_t i, k, fails = 0, lost = 0, runs = 0;
	int st, sy, lg;
	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		size_t n = inputs[i].n, ctl_in = 0;
		char *in = malloc(n);
		memcpy(in, inputs[i].s, n);
		for (k = 0; k < n; k++)
			ctl_in += (unsigned char)in[k] < 0x20;
		for (st = 0; st <= ROMANIZE_SLUG; st++)
			for (sy = 0; sy <= ROMAJI_CABINET2025; sy++)
				for (lg = 0; lg <= ROMAJI_LONG_NONE; lg++) {
					romanizer *r = make((romaji_system)sy, (romaji_long)lg, (romanize_style)st);
					char *err = NULL, *out = NULL;
					size_t on = 0, ctl_out = 0;
					FILE *fp = open_memstream(&out, &on);
					romanize_add_term(r, "経済産業省", "ケイザイ サンギョウショウ",
					                  "Keizai Sangyōshō");
					runs++;
					if (romanize_write(r, in, n, fp, &err) != 0) {
						if (!fails++)
							printf("# %zu: %s\n", i, err ? err : "?");
						free(err);
					}
					fclose(fp);
					for (k = 0; k < on; k++)
						ctl_out += (unsigned char)out[k] < 0x20;
					if (ctl_in != ctl_out && !lost++)
						printf("# control characters: %zu in, %zu out (style %d, system %d, "
						       "long %d, input %zu)\n", ctl_in, ctl_out, st, sy, lg, i);
					free(out);
					romanize_free(r);
				}
		free(in);
	}
	ok(fails == 0, "odd inputs: romanized in every style, system and long mode (%zu of %zu failed)",
	   fails, runs);
	ok(lost == 0, "odd inputs: every control character kept (%zu runs lost some)", lost);
}

/* str_set (the set of words already reported): members, growth past its first 64
 * slots, the max bound, bytes compared by length. */
static void string_set(void)
{
	str_set set = { NULL, 0, 0, 0 };
	char w[16];
	int i, added = 0, again = 0;
	for (i = 0; i < 1000; i++) {
		snprintf(w, sizeof w, "w%d", i);
		added += str_set_add(&set, w, strlen(w)) == 1;
	}
	for (i = 0; i < 1000; i++) {
		snprintf(w, sizeof w, "w%d", i);
		again += str_set_add(&set, w, strlen(w)) == 0 && str_set_has(&set, w, strlen(w));
	}
	ok(added == 1000 && again == 1000 && set.n == 1000, "str_set: 1000 added once each (%d, %d)",
	   added, again);
	ok(!str_set_has(&set, "w1", 1) && str_set_has(&set, "w10xyz", 3), "str_set: compares s[0..n)");
	str_set_free(&set);
	set.max = 2;
	ok(str_set_add(&set, "a", 1) == 1 && str_set_add(&set, "b", 1) == 1
	   && str_set_add(&set, "c", 1) == -1 && str_set_add(&set, "a", 1) == 0,
	   "str_set: max bounds the members, a member is still found");
	str_set_free(&set);
}

/* str_map (cite's, glossary's and po's tables): values kept, the first one wins, growth,
 * bytes compared by length, STR_MAP_NONE for no key. */
static void string_map(void)
{
	str_map m = { NULL, NULL, 0, 0 };
	char w[16];
	int i, added = 0, kept = 0, got = 0;
	ok(str_map_get(&m, "x", 1) == STR_MAP_NONE, "str_map: an empty map has no key");
	for (i = 0; i < 5000; i++) {
		snprintf(w, sizeof w, "k%d", i);
		added += str_map_add(&m, w, strlen(w), (size_t)i * 3) == 1;
	}
	for (i = 0; i < 5000; i++) {
		snprintf(w, sizeof w, "k%d", i);
		kept += str_map_add(&m, w, strlen(w), 7) == 0;
		got += str_map_get(&m, w, strlen(w)) == (size_t)i * 3;
	}
	ok(added == 5000 && kept == 5000 && got == 5000 && m.n == 5000,
	   "str_map: 5000 keys, each value kept over a second add (%d, %d, %d)", added, kept, got);
	ok(str_map_get(&m, "k12", 2) == 3 && str_map_get(&m, "k5000", 5) == STR_MAP_NONE
	   && str_map_get(&m, "", 0) == STR_MAP_NONE, "str_map: compares s[0..n)");
	str_map_free(&m);
	ok(m.n == 0 && str_map_get(&m, "k1", 2) == STR_MAP_NONE && str_map_add(&m, "", 0, 0) == 1
	   && str_map_get(&m, "", 0) == 0, "str_map: empty after free, usable again");
	str_map_free(&m);
	str_map_free(NULL);
}

int main(void)
{
	char *err = NULL;
	morph *bad;
	m = morph_open(NULL, &err);
	if (!ok(m != NULL, "MeCab opens with the default dictionary (%s)", err ? err : "ok"))
		return tap_done();
	is_str(morph_layout_name(m), "ipadic", "ipadic layout detected");
	bad = morph_open("/nonexistent/dic", &err);
	ok(bad == NULL && err && strstr(err, "/nonexistent/dic"), "a missing dictionary is named");
	free(err);
	err = NULL;
	{
		const morph_token *t;
		size_t n;
		ok(morph_parse(m, "鳥取県", strlen("鳥取県"), &t, &n, &err) == 0 && n == 2,
		   "two tokens in 鳥取県");
		ok(n == 2 && t[0].cls == MORPH_PROPER && (t[0].flags & MORPH_F_PLACE)
		   && t[1].cls == MORPH_PLACE_SUFFIX, "a place and its suffix");
		ok(n == 2 && t[0].reading_len == strlen("トットリ")
		   && memcmp(t[0].reading, "トットリ", t[0].reading_len) == 0, "reading from field 7");
		ok(morph_constrain(m, 0, strlen("鳥取県")) == 0
		   && morph_parse(m, "鳥取県", strlen("鳥取県"), &t, &n, &err) == 0 && n == 1,
		   "a constraint keeps a span whole");
	}
	spec_table();
	hard_cases();
	styles_and_systems();
	glossary_and_unknown();
	long_line();
	odd_inputs();
	string_set();
	string_map();
	morph_close(m);
	return tap_done();
}
