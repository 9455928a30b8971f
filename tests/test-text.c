/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/test-text.c: unit tests of the ICU wrapper (src/text.c). */
#include "config.h"

#include "tap.h"
#include "text.h"

static void check(char *got, const char *want, const char *name)
{
	is_str(got, want, "%s", name);
	free(got);
}

int main(void)
{
	size_t off = 99;
	size_t i = 0;

	ok(text_utf8_check("abc 経済", 10, NULL) == 0, "valid UTF-8 accepted");
	ok(text_utf8_check("ab\xff" "cd", 5, &off) == -1 && off == 2, "invalid byte found at offset 2");
	ok(text_utf8_check("\xe7\xb5", 2, &off) == -1 && off == 0, "truncated sequence rejected");
	ok(text_utf8_check("\xed\xa0\x80", 3, &off) == -1, "surrogate rejected");
	ok(text_utf8_check("\xc0\xaf", 2, &off) == -1, "overlong rejected");
	ok(text_utf8_check("a\0b", 3, NULL) == 0, "NUL bytes are valid UTF-8");
	ok(text_next_cp("経", 3, &i) == 0x7D4C && i == 3, "decode one code point");

	check(text_nfkc("ＡＩ２０２４", (size_t)-1), "AI2024", "NFKC folds full-width Latin");
	check(text_nfkc("ｿﾌﾄﾊﾞﾝｸ", (size_t)-1), "ソフトバンク", "NFKC folds half-width katakana");
	check(text_to_hiragana("トウキョウ ビール", (size_t)-1), "とうきょう びーる", "katakana to hiragana keeps ー");
	check(text_to_katakana("けいざい", (size_t)-1), "ケイザイ", "hiragana to katakana");
	check(text_casefold("Keizai SANGYŌSHŌ", (size_t)-1), "keizai sangyōshō", "case folding keeps macrons");
	check(text_upper("tōkyō", (size_t)-1), "TŌKYŌ", "upper case keeps macrons");
	check(text_strip_marks("Kēzai sangyōshō Kyûshû がぎ", (size_t)-1), "Kezai sangyosho Kyushu がぎ",
	      "diacritics stripped from Latin only (dakuten stay)");
	check(text_from_charset("EUC-JP", "\xb7\xd0\xba\xd1", 4, 0), "経済", "EUC-JP converted");
	ok(text_from_charset("EUC-JP", "\xb7", 1, 0) == NULL, "truncated EUC-JP rejected");
	ok(text_width("経済 AI", (size_t)-1) == 7, "display width: CJK counts 2");
	ok(text_width("ｿﾌﾄ", (size_t)-1) == 3, "display width: half-width katakana counts 1");
	ok(text_is_kanji(0x7D4C) && !text_is_kanji(0x3042), "kanji class");
	ok(text_is_hiragana(0x3042) && text_is_katakana(0x30FC), "kana classes");
	ok(text_is_latin(0x014D) && !text_is_latin(0x3042), "Latin class includes ō");

	text_cleanup();
	return tap_done();
}
