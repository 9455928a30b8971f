/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/test-kana.c: romaji -> kana (src/kana.c): every system's spellings, IME forms,
 * long marks, doubled consonants, ん, passport "oh", upper case, pass-through and the
 * complete flag. */
#include "config.h"

#include "kana.h"
#include "romaji.h"
#include "tap.h"
#include "text.h"

/* Converts romaji with flags; wants the kana and the complete flag. */
static void check_c(const char *romaji, unsigned flags, const char *want, int want_complete)
{
	int complete = -1;
	char *got = kana_from_romaji(romaji, (size_t)-1, flags, &complete);
	if (is_str(got, want, "%s%s -> %s", romaji, flags & KANA_KATAKANA ? " (katakana)" : "", want))
		ok(complete == want_complete, "%s: complete=%d", romaji, want_complete);
	else
		ok(0, "%s: complete not checked", romaji);
	free(got);
}

static void check(const char *romaji, const char *want)
{
	check_c(romaji, 0, want, 1);
}

static void kata(const char *romaji, const char *want)
{
	check_c(romaji, KANA_KATAKANA, want, 1);
}

/* Every spelling of each system reads back. */
static const struct {
	const char *romaji, *kana;
} spellings[] = {
	{ "shi si", "し し" }, { "chi ti", "ち ち" }, { "tsu tu", "つ つ" }, { "fu hu", "ふ ふ" },
	{ "ji zi", "じ じ" }, { "di du", "ぢ づ" }, { "sha sya", "しゃ しゃ" },
	{ "shu syu sho syo", "しゅ しゅ しょ しょ" }, { "cha tya cya", "ちゃ ちゃ ちゃ" },
	{ "chu tyu cho tyo", "ちゅ ちゅ ちょ ちょ" }, { "ja zya jya", "じゃ じゃ じゃ" },
	{ "ju zyu jyu jo zyo", "じゅ じゅ じゅ じょ じょ" }, { "dya dyu dyo", "ぢゃ ぢゅ ぢょ" },
	{ "wo", "を" }, { "wyi wye", "ゐ ゑ" }, { "vu va vi ve vo", "ゔ ゔぁ ゔぃ ゔぇ ゔぉ" },
	{ "fa fi fe fo", "ふぁ ふぃ ふぇ ふぉ" }, { "thi dhi twu dwu", "てぃ でぃ とぅ どぅ" },
	{ "she je che ye", "しぇ じぇ ちぇ いぇ" }, { "whi whe who", "うぃ うぇ うぉ" },
	{ "tsa kwa gwa", "つぁ くぁ ぐぁ" }, { "kya gyu nyo hya byu pyo myo ryu", "きゃ ぎゅ にょ ひゃ びゅ ぴょ みょ りゅ" },
	/* IME spellings of small kana */
	{ "xa li xu le xo", "ぁ ぃ ぅ ぇ ぉ" }, { "xya lyu xyo", "ゃ ゅ ょ" },
	{ "xtu ltu xtsu ltsu", "っ っ っ っ" }, { "xwa xka lke", "ゎ ゕ ゖ" },
};

/* Random strings of romaji pieces, marks, capitals, separators and broken bytes: the
 * output is valid UTF-8 whenever the input is, and a complete result has no Latin letter
 * left. */
static void test_random(void)
{
	static const char *const pool[] = {
		"ka", "n", "N", "'", "-", "ō", "Â", "tt", "ch", "sh", "y", "x", "l", "oh", "m",
		"b", "a", "i", "u", "e", "o", "q", " ", "1", "\xe2\x80\x99", "\xcc\x84", "é",
		"\xff", "\xc5", "経",
	};
	unsigned long seed = 999;
	int i, bad = 0, completes = 0;
	char in[128];
	for (i = 0; i < 5000 && bad < 3; i++) {
		size_t n = 0, k, len;
		int complete = -1, in_ok;
		char *r;
		for (k = 0; k < 10; k++) {
			const char *f;
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			f = pool[(seed >> 33) % (sizeof pool / sizeof pool[0])];
			len = strlen(f);
			memcpy(in + n, f, len);
			n += len;
		}
		in_ok = text_utf8_check(in, n, NULL) == 0;
		r = kana_from_romaji(in, n, (unsigned)i & 3, &complete);
		if (!r || (in_ok && text_utf8_check(r, strlen(r), NULL) != 0)) {
			printf("# random input %d: %s\n", i, r ? r : "(null)");
			bad++;
		} else if (complete == 1) {
			const char *p;
			completes++;
			for (p = r; *p; p++)
				if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
					break;
			if (*p) {
				printf("# random input %d: complete but %s\n", i, r);
				bad++;
			}
		}
		free(r);
	}
	ok(bad == 0 && completes > 0, "5000 random strings: valid UTF-8, complete means all kana");
}

int main(void)
{
	size_t i;
	char *k;
	int complete;

	for (i = 0; i < sizeof spellings / sizeof spellings[0]; i++)
		check(spellings[i].romaji, spellings[i].kana);

	/* Words from the spec in each system. */
	check("shinbun", "しんぶん");
	check("shimbun", "しんぶん");
	check("sinbun", "しんぶん");
	check("homma", "ほんま");
	check("sampo", "さんぽ");
	check("kin'en", "きんえん");
	check("kin\xe2\x80\x99" "en", "きんえん");
	check("gen'in", "げんいん");
	check("hon'ya", "ほんや");
	check("kin'yū", "きんゆう");
	check("konnichiwa", "こんにちわ");
	check("konnnichiha", "こんにちは");
	check("honn", "ほん");
	check("xn", "ん");
	check("onna", "おんな");
	check("onnna", "おんな");
	check("kitte", "きって");
	check("zasshi", "ざっし");
	check("zassi", "ざっし");
	check("ippai", "いっぱい");
	check("hakkiri", "はっきり");
	check("matcha", "まっちゃ");
	check("maccha", "まっちゃ");
	check("mattya", "まっちゃ");
	check("kotchi", "こっち");
	check("nicchoku", "にっちょく");
	check("mittsu", "みっつ");
	check("mittu", "みっつ");
	check("beddo", "べっど");
	check("ltsu", "っ");

	/* Long marks. */
	check("tōkyō", "とうきょう");
	check("ōsaka", "おうさか");
	check("okāsan", "おかあさん");
	check("yūki", "ゆうき");
	check("onēsan", "おねえさん");
	check("bīru", "びいる");
	check("tôkyô", "とうきょう");
	check("Kyûshû", "きゅうしゅう");
	check("to\xcc\x84kyo\xcc\x84", "とうきょう"); /* combining macrons */
	check("toukyou", "とうきょう");
	check("tookyoo", "とおきょお");
	kata("tōkyō", "トーキョー");
	kata("bīru", "ビール");
	kata("bi-ru", "ビール");
	kata("sūpā", "スーパー");
	kata("kôhî", "コーヒー");
	kata("ra-men", "ラーメン");
	kata("chatto", "チャット");
	kata("vaiorin", "ヴァイオリン");
	kata("thi-shatsu", "ティーシャツ");
	kata("xka", "ヵ");
	check("Tōkyō-to", "とうきょうと");
	check("Tottori-ken", "とっとりけん");

	/* Upper case. */
	check("TOKYO", "ときょ");
	check("SHIMBUN", "しんぶん");
	check("ŌSAKA", "おうさか");
	check("KYŪSHŪ", "きゅうしゅう");
	check("KIN'EN", "きんえん");
	check("Keizai Sangyōshō", "けいざい さんぎょうしょう");

	/* Passport "oh". */
	check_c("Ohno", KANA_OH_LONG, "おおの", 1);
	check_c("Satoh", KANA_OH_LONG, "さとう", 1);
	check_c("Kohno", KANA_OH_LONG, "こうの", 1);
	check_c("Ohtani", KANA_OH_LONG | KANA_KATAKANA, "オータニ", 1);
	check_c("Ohashi", KANA_OH_LONG, "おはし", 1);
	check_c("Ohno", 0, "Ohno", 0);

	/* Pass-through, and the complete flag. */
	check_c("ChatGPT", 0, "ChatGPT", 0);
	check_c("hello", 0, "hello", 0);
	check_c("Chatto GPT", 0, "ちゃっと GPT", 0);
	check_c("café", 0, "café", 0);
	check_c("o'clock", 0, "o'clock", 0);
	check("10gatsu", "10がつ");
	check("2024", "2024");
	check("AI senryaku kaigi", "あい せんりゃく かいぎ");
	check("東京 tokyo, 2024.", "東京 ときょ, 2024.");
	check("hon'", "ほん'");
	check("-", "-");
	check("", "");
	check("ō", "おう");
	check_c("\xff" "ka", 0, "\xff" "か", 1);

	k = kana_from_romaji("kakiku", 4, 0, NULL);
	is_str(k, "かき", "len limits the input; complete may be NULL");
	free(k);
	k = kana_from_romaji("ka\0ki", 5, 0, &complete);
	ok(k && memcmp(k, "か\0き", 8) == 0 && complete == 1, "NUL bytes pass through");
	free(k);

	/* Every system's output reads back as the kana it came from. */
	{
		static const char *const words[] = { "しんぶん", "きんえん", "まっちゃ", "ざっし",
		                                     "ちゅうがっこう", "じょうほう", "ほんや" };
		static const romaji_system systems[] = { ROMAJI_HEPBURN, ROMAJI_TRADITIONAL,
		                                          ROMAJI_KUNREI, ROMAJI_NIHON,
		                                          ROMAJI_WAPURO, ROMAJI_CABINET2025 };
		size_t w, s;
		for (s = 0; s < sizeof systems / sizeof systems[0]; s++) {
			int bad = 0;
			for (w = 0; w < sizeof words / sizeof words[0]; w++) {
				char *r = romaji_from_kana(words[w], (size_t)-1, systems[s], ROMAJI_LONG_DEFAULT);
				char *back = r ? kana_from_romaji(r, (size_t)-1, 0, NULL) : NULL;
				if (!back || strcmp(back, words[w]) != 0) {
					printf("# %s: %s -> %s -> %s\n", romaji_system_name(systems[s]), words[w],
					       r ? r : "(null)", back ? back : "(null)");
					bad++;
				}
				free(r);
				free(back);
			}
			ok(bad == 0, "%s output reads back as kana", romaji_system_name(systems[s]));
		}
	}

	test_random();
	text_cleanup();
	return tap_done();
}
