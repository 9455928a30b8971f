/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/test-match.c: folding keys, edit distance and wildcards (src/match.c). */
#include "config.h"

#include "match.h"
#include "tap.h"
#include "text.h"

/* Every spelling in the list must fold to want. */
static void same_key(const char *want, const char *const *spellings)
{
	for (; *spellings; spellings++) {
		char *k = match_romaji_key(*spellings, (size_t)-1);
		is_str(k, want, "romaji key of '%s'", *spellings);
		free(k);
	}
}

static void kana_key(const char *s, const char *want)
{
	char *k = match_kana_key(s, (size_t)-1);
	is_str(k, want, "kana key of '%s'", s);
	free(k);
}

static void differ(const char *a, const char *b)
{
	char *x = match_romaji_key(a, (size_t)-1), *y = match_romaji_key(b, (size_t)-1);
	ok(x && y && strcmp(x, y) != 0, "'%s' and '%s' keep different keys (%s, %s)", a, b,
	   x ? x : "(null)", y ? y : "(null)");
	free(x);
	free(y);
}

int main(void)
{
	static const char *const meti[] = {
		"Keizai Sangyōshō", "Keizai Sangyosho", "keizaisangyoushou", "Kēzai sangyōshō",
		"Keizai Sangyoo-shoo", "KEIZAI SANGYÔSHÔ", "Keizai Sangyohsho", "Keezai sangyoushou",
		"けいざい さんぎょうしょう", "ケイザイサンギョウショウ", "ｹｲｻﾞｲｻﾝｷﾞｮｳｼｮｳ", NULL
	};
	static const char *const mainichi[] = {
		"Mainichi Shinbun", "Mainichi Shimbun", "mainiti sinbun", "MAINICHI-SHIMBUN",
		"mainichi shinnbunn", "Mainichi Shin'bun", "まいにちしんぶん", NULL
	};
	static const char *const tottori[] = { "Tottori-ken", "Totori-ken", "tottoriken", "Tottori Ken", NULL };
	static const char *const keidanren[] = { "Keidanren", "Keidannren", "Kêdanren", "Keidan'ren", NULL };
	static const char *const tokyo[] = { "Tōkyō", "Tokyo", "Toukyou", "Tookyoo", "Tohkyoh", "Tôkyô", "とうきょう", NULL };
	static const char *const ohno[] = { "Ōno", "Ohno", "Oono", "Ono", NULL };
	static const char *const kunrei[] = { "shichi tsu fu ji", "siti tu hu zi", "sichi tsu fu di", NULL };
	static const char *const yoon[] = { "sha cha ja", "sya tya zya", "sya tya dya", NULL };
	static const char *const matcha[] = { "matcha", "maccha", "mattya", "matya", NULL };
	static const char *const nanba[] = { "Namba", "Nanba", "nannba", NULL };
	static const char *const honmachi[] = { "Hommachi", "Honmachi", "honmati", "ほんまち", NULL };
	static const char *const kinen[] = { "kin'en", "kinen", "kin-en", NULL };
	static const char *const wo[] = { "hon wo yomu", "hon o yomu", NULL };
	static const char *const long_u[] = { "yūki", "yuuki", "yuki", "yûki", NULL };
	static const char *const long_a[] = { "okāsan", "okaasan", "okâsan", NULL };
	static const char *const long_e[] = { "onēsan", "oneesan", "oneisan", NULL };

	same_key("kezaisangyosyo", meti);
	same_key("mainitisinbun", mainichi);
	same_key("totoriken", tottori);
	same_key("kedanren", keidanren);
	same_key("tokyo", tokyo);
	same_key("ono", ohno);
	same_key("sitituhuzi", kunrei);
	same_key("syatyazya", yoon);
	same_key("matya", matcha);
	same_key("nanba", nanba);
	same_key("honmati", honmachi);
	same_key("kinen", kinen);
	same_key("honoyomu", wo);
	same_key("yuki", long_u);
	same_key("okasan", long_a);
	same_key("onesan", long_e);
	differ("Ohara", "Ora");          /* h before a vowel is a consonant */
	differ("Kajima", "Kashima");     /* a real difference stays for edit distance */
	differ("Keizai", "Kaizai");

	kana_key("けいざい", "けざい");
	kana_key("ケーザイ", "けざい");
	kana_key("とっとり", "ととり");
	kana_key("ちぢむ", "ちじむ");
	kana_key("つづく", "つずく");
	kana_key("ほんをよむ", "ほんおよむ");
	kana_key("ﾄｳｷｮｳ", "ときょ");
	kana_key("とうきょう", "ときょ");
	kana_key("トーキョー", "ときょ");
	kana_key("おおの", "おの");
	kana_key("まいにち しんぶん", "まいにちしんぶん");

	ok(match_distance("mainitisinbun", "maintisinbun", 3) == 1, "deletion costs 1");
	ok(match_distance("kasima", "kazima", 3) == 1, "substitution costs 1");
	ok(match_distance("keizai", "kiezai", 3) == 1, "transposition costs 1 (Damerau)");
	ok(match_distance("abc", "abc", 3) == 0, "equal strings: 0");
	ok(match_distance("tokyo", "osaka", 2) == 3, "beyond max returns max + 1");
	ok(match_distance("けいざい", "けいさい", 2) == 1, "distance counts code points, not bytes");
	ok(match_distance("", "abc", 5) == 3, "empty string: length of the other");
	ok(match_prefix_distance("mainti", "mainitisinbun", 2) == 1, "prefix distance: a mistyped beginning");
	ok(match_prefix_distance("mainit", "mainitisinbun", 2) == 0, "prefix distance: an exact beginning is 0");
	ok(match_prefix_distance("tokyo", "mainitisinbun", 2) == 3, "prefix distance beyond max");
	ok(match_distance("mainit", "mainitisinbun", 2) == 3, "whole-key distance of a beginning is large");
	ok(match_max_distance(3) == 0 && match_max_distance(5) == 1 && match_max_distance(9) == 2 &&
	   match_max_distance(14) == 3 && match_max_distance(42) == 7,
	   "allowed distance grows with the key length");

	ok(match_glob("毎日*", "毎日新聞"), "* after kanji");
	ok(match_glob("*新聞", "毎日新聞"), "* before kanji");
	ok(match_glob("毎?新聞", "毎日新聞"), "? is one character, not one byte");
	ok(!match_glob("毎?聞", "毎日新聞"), "? is exactly one character");
	ok(match_glob("kei*ai", "keizai"), "* in the middle");
	ok(!match_glob("kei*x", "keizai"), "non-match");
	ok(match_glob("＊新聞", "毎日新聞"), "full-width * is a wildcard");
	ok(match_has_wildcard("Keiz*") && match_has_wildcard("毎？") && !match_has_wildcard("METI"),
	   "wildcards detected");

	ok(match_scripts("Keizai") == MATCH_LATIN, "Latin query");
	ok(match_scripts("けいざい") == MATCH_KANA, "kana query");
	ok(match_scripts("経済産業省") == MATCH_KANJI, "kanji query");
	ok(match_scripts("生成AI") == (MATCH_KANJI | MATCH_LATIN), "mixed query");

	{
		char *p = match_plain("Keizai Sangyō-shō", (size_t)-1);
		is_str(p, "keizaisangyōshō", "plain form keeps macrons, drops case, spaces, hyphens");
		free(p);
	}
	ok(match_romaji_key("ab\xff", 3) == NULL, "invalid UTF-8 gives NULL");
	text_cleanup();
	return tap_done();
}
