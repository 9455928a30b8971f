/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/test-romaji.c: kana -> romaji (src/romaji.c): every system's column of
 * doc/romanization.md, long vowels and every --long option, っ, ん, small-kana
 * combinations, boundaries, pass-through, particles, names, and the wapuro round trip
 * (kana -> wapuro -> kana is the identity) over every syllable, generated. */
#include "config.h"

#include "kana.h"
#include "romaji.h"
#include "tap.h"
#include "text.h"

#define NSYS 7
#define D ROMAJI_LONG_DEFAULT

static void check(const char *kana, romaji_system sys, romaji_long lng, const char *want)
{
	char *got = romaji_from_kana(kana, (size_t)-1, sys, lng);
	is_str(got, want, "%s/%d: %s -> %s", romaji_system_name(sys), (int)lng, kana, want);
	free(got);
}

static void hep(const char *kana, const char *want)
{
	check(kana, ROMAJI_HEPBURN, D, want);
}

/* One kana line per row, and its romaji in each system, in enum order: hepburn,
 * traditional, kunrei, nihon, passport, wapuro, cabinet2025. */
struct row {
	const char *kana;
	const char *want[NSYS];
};

#define ALL(s) { s, s, s, s, s, s, s }
#define HKNW(h, k, n, w) { h, h, k, n, h, w, h }

static const struct row rows[] = {
	{ "あ い う え お", ALL("a i u e o") },
	{ "か き く け こ", ALL("ka ki ku ke ko") },
	{ "さ し す せ そ", HKNW("sa shi su se so", "sa si su se so", "sa si su se so", "sa shi su se so") },
	{ "た ち つ て と", HKNW("ta chi tsu te to", "ta ti tu te to", "ta ti tu te to", "ta chi tsu te to") },
	{ "な に ぬ ね の", ALL("na ni nu ne no") },
	{ "は ひ ふ へ ほ", HKNW("ha hi fu he ho", "ha hi hu he ho", "ha hi hu he ho", "ha hi fu he ho") },
	{ "ま み む め も", ALL("ma mi mu me mo") },
	{ "や ゆ よ", ALL("ya yu yo") },
	{ "ら り る れ ろ", ALL("ra ri ru re ro") },
	{ "わ ゐ ゑ を", { "wa i e o", "wa i e wo", "wa i e o", "wa wi we wo", "wa i e o",
	                  "wa wyi wye wo", "wa i e o" } },
	{ "ん", ALL("n") },
	{ "が ぎ ぐ げ ご", ALL("ga gi gu ge go") },
	{ "ざ じ ず ぜ ぞ", HKNW("za ji zu ze zo", "za zi zu ze zo", "za zi zu ze zo", "za ji zu ze zo") },
	{ "だ ぢ づ で ど", HKNW("da ji zu de do", "da zi zu de do", "da di du de do", "da di du de do") },
	{ "ば び ぶ べ ぼ", ALL("ba bi bu be bo") },
	{ "ぱ ぴ ぷ ぺ ぽ", ALL("pa pi pu pe po") },
	{ "ゔ ヴ", ALL("vu vu") },
	{ "ぁ ぃ ぅ ぇ ぉ", HKNW("a i u e o", "a i u e o", "a i u e o", "xa xi xu xe xo") },
	{ "ゃ ゅ ょ ゎ ゕ ゖ", HKNW("ya yu yo wa ka ke", "ya yu yo wa ka ke", "ya yu yo wa ka ke",
	                          "xya xyu xyo xwa xka xke") },
	{ "きゃ きゅ きょ", ALL("kya kyu kyo") },
	{ "ぎゃ ぎゅ ぎょ", ALL("gya gyu gyo") },
	{ "しゃ しゅ しょ", HKNW("sha shu sho", "sya syu syo", "sya syu syo", "sha shu sho") },
	{ "じゃ じゅ じょ", HKNW("ja ju jo", "zya zyu zyo", "zya zyu zyo", "ja ju jo") },
	{ "ちゃ ちゅ ちょ", HKNW("cha chu cho", "tya tyu tyo", "tya tyu tyo", "cha chu cho") },
	{ "ぢゃ ぢゅ ぢょ", HKNW("ja ju jo", "zya zyu zyo", "dya dyu dyo", "dya dyu dyo") },
	{ "にゃ ひゃ みゃ りゃ びゃ ぴゃ", ALL("nya hya mya rya bya pya") },
	{ "キャ シュ チョ ギョ リュ", HKNW("kya shu cho gyo ryu", "kya syu tyo gyo ryu",
	                                   "kya syu tyo gyo ryu", "kya shu cho gyo ryu") },
	{ "ティ ディ トゥ ドゥ デュ", HKNW("ti di tu du dyu", "ti di tu du dyu", "ti di tu du dyu",
	                                   "thi dhi twu dwu dhu") },
	{ "ファ フィ フェ フォ フュ", ALL("fa fi fe fo fyu") },
	{ "ヴァ ヴィ ヴェ ヴォ", ALL("va vi ve vo") },
	{ "ウィ ウェ ウォ", HKNW("wi we wo", "wi we wo", "wi we wo", "whi whe who") },
	{ "シェ ジェ チェ イェ", HKNW("she je che ye", "sye zye tye ye", "sye zye tye ye",
	                             "she je che ye") },
	{ "ツァ ツィ ツェ ツォ", ALL("tsa tsi tse tso") },
	{ "クァ クィ クェ クォ グァ", ALL("kwa kwi kwe kwo gwa") },
	{ "ヷ ヸ ヹ ヺ", ALL("va vi ve vo") },
	/* っ before ch, and the long vowel column of the spec's table */
	{ "まっちゃ", { "matcha", "matcha", "mattya", "mattya", "matcha", "maccha", "maccha" } },
	{ "にっちょく", { "nitchoku", "nitchoku", "nittyoku", "nittyoku", "nitchoku", "nicchoku",
	                "nicchoku" } },
	{ "ざっし", HKNW("zasshi", "zassi", "zassi", "zasshi") },
	{ "みっつ", HKNW("mittsu", "mittu", "mittu", "mittsu") },
	{ "しんぶん", { "shinbun", "shimbun", "sinbun", "sinbun", "shimbun", "shinbun", "shinbun" } },
	{ "きんえん", { "kin'en", "kin'en", "kin'en", "kin'en", "kinen", "kin'en", "kin'en" } },
	{ "とうきょう", { "tōkyō", "tōkyō", "tôkyô", "tôkyô", "tokyo", "toukyou", "tōkyō" } },
	{ "おおさか", { "ōsaka", "ōsaka", "ôsaka", "ôsaka", "osaka", "oosaka", "ōsaka" } },
	{ "ビール", { "bīru", "bīru", "bîru", "bîru", "biru", "biiru", "bīru" } },
	{ "ぢづ", HKNW("jizu", "zizu", "didu", "didu") },
	{ "ゆうき", { "yūki", "yūki", "yûki", "yûki", "yuki", "yuuki", "yūki" } },
};

/* Hiragana that the wapuro round trip covers: every syllable but っ (a final っ is
 * dropped) and ゝ ゞ (they repeat). */
static int roundtrip_single(int32_t cp)
{
	return cp >= 0x3041 && cp <= 0x3096 && cp != 0x3063;
}

static const char *const combos[] = {
	"きゃ", "きゅ", "きょ", "ぎゃ", "ぎゅ", "ぎょ", "しゃ", "しゅ", "しょ", "しぇ", "じゃ",
	"じゅ", "じょ", "じぇ", "ちゃ", "ちゅ", "ちょ", "ちぇ", "ぢゃ", "ぢゅ", "ぢょ", "にゃ",
	"にゅ", "にょ", "ひゃ", "ひゅ", "ひょ", "びゃ", "びゅ", "びょ", "ぴゃ", "ぴゅ", "ぴょ",
	"みゃ", "みゅ", "みょ", "りゃ", "りゅ", "りょ", "いぇ", "うぁ", "うぃ", "うぇ", "うぉ",
	"ゔぁ", "ゔぃ", "ゔぇ", "ゔぉ", "ゔゅ", "ふぁ", "ふぃ", "ふぇ", "ふぉ", "ふゅ", "つぁ",
	"つぃ", "つぇ", "つぉ", "てぃ", "てゅ", "でぃ", "でゅ", "とぅ", "どぅ", "すぃ", "ずぃ",
	"くぁ", "くぃ", "くぇ", "くぉ", "ぐぁ",
};
#define NCOMBOS (sizeof combos / sizeof combos[0])

/* kana -> wapuro -> kana; returns 1 when it is the identity (else prints a diagnostic). */
static int roundtrip(const char *kana, unsigned flags)
{
	int complete = 0, same;
	char *r = romaji_from_kana(kana, (size_t)-1, ROMAJI_WAPURO, D);
	char *k = r ? kana_from_romaji(r, (size_t)-1, flags, &complete) : NULL;
	same = k && complete && strcmp(k, kana) == 0;
	if (!same)
		printf("# round trip: %s -> %s -> %s\n", kana, r ? r : "(null)", k ? k : "(null)");
	free(r);
	free(k);
	return same;
}

/* The syllable list: every single kana and combination, in hiragana or katakana. */
static size_t syllables(char list[][8], int kata)
{
	size_t n = 0, i;
	int32_t cp;
	for (cp = 0x3041; cp <= 0x3096; cp++) {
		if (!roundtrip_single(cp))
			continue;
		list[n][text_put_cp(list[n], kata ? cp + 0x60 : cp)] = '\0';
		n++;
	}
	for (i = 0; i < NCOMBOS; i++) {
		size_t at = 0, o = 0, len = strlen(combos[i]);
		while (at < len) {
			cp = text_next_cp(combos[i], len, &at);
			o += text_put_cp(list[n] + o, kata ? cp + 0x60 : cp);
		}
		list[n++][o] = '\0';
	}
	return n;
}

static void test_roundtrip(int kata)
{
	static char list[200][8];
	size_t n = syllables(list, kata), i, j, bad = 0, pairs = 0;
	const char *script = kata ? "katakana" : "hiragana";
	char buf[64];

	for (i = 0; i < n; i++)
		if (!roundtrip(list[i], kata ? KANA_KATAKANA : 0))
			bad++;
	ok(bad == 0 && n > 150, "wapuro round trip of %zu %s syllables (%zu failed)", n, script, bad);

	/* Every pair: ん before vowels, y and n; small kana after every syllable. */
	bad = 0;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			snprintf(buf, sizeof buf, "%.7s%.7s", list[i], list[j]);
			pairs++;
			if (!roundtrip(buf, kata ? KANA_KATAKANA : 0) && ++bad > 5)
				break;
		}
	}
	ok(bad == 0, "wapuro round trip of %zu %s pairs", pairs, script);

	/* っ before every syllable that starts with a consonant. */
	bad = 0;
	pairs = 0;
	for (j = 0; j < n; j++) {
		char *r = romaji_from_kana(list[j], (size_t)-1, ROMAJI_WAPURO, D);
		int consonant = r && strchr("aiueox", r[0]) == NULL && strcmp(r, "n") != 0;
		free(r);
		if (!consonant)
			continue;
		snprintf(buf, sizeof buf, kata ? "ア%s%.7sア" : "あ%s%.7sあ", kata ? "ッ" : "っ", list[j]);
		pairs++;
		if (!roundtrip(buf, kata ? KANA_KATAKANA : 0))
			bad++;
	}
	ok(bad == 0 && pairs > 100, "wapuro round trip of っ before %zu %s syllables", pairs, script);
}

/* Random strings of kana, marks, Latin, kanji, boundaries and broken bytes: the output
 * must be valid UTF-8 whenever the input is, and never keep a morpheme marker. */
static void test_random(void)
{
	static const char *const pool[] = {
		"か", "ゃ", "っ", "ッ", "ん", "ン", "ー", "う", "お", "ぃ", "ゔ", "ゝ", "ゞ", "ヷ",
		"ｶ", "ﾞ", "ﾟ", "ｯ", "ｰ", "\xe3\x82\x99", "ㇰ", "ヿ", "ぢ", "て", "ち", "は", "え",
		"経", "A", "n", " ", ROMAJI_MORPHEME, "、", "\xff", "\xe3\x81", "\xc4",
	};
	unsigned long seed = 12345;
	int i, bad = 0, invalid = 0;
	char in[128];
	for (i = 0; i < 3000 && bad < 3; i++) {
		size_t n = 0, k, len = 0;
		int sys;
		for (k = 0; k < 12; k++) {
			const char *f;
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			f = pool[(seed >> 33) % (sizeof pool / sizeof pool[0])];
			len = strlen(f);
			memcpy(in + n, f, len);
			n += len;
		}
		for (sys = 0; sys < NSYS; sys++) {
			char *r = romaji_from_kana(in, n, (romaji_system)sys, (romaji_long)(i % 6));
			int in_ok = text_utf8_check(in, n, NULL) == 0;
			invalid += !in_ok;
			if (!r || (in_ok && text_utf8_check(r, strlen(r), NULL) != 0) ||
			    (in_ok && strchr(r, ROMAJI_MORPHEME_CHAR))) {
				printf("# random input %d, system %d: %s\n", i, sys, r ? r : "(null)");
				bad++;
			}
			free(r);
		}
	}
	ok(bad == 0 && invalid > 0, "3000 random strings: valid UTF-8 out, no marker left");
}

int main(void)
{
	size_t i;
	int s;
	romaji_system sys;
	romaji_long lng;

	/* Each system's column of the tables. */
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
		for (s = 0; s < NSYS; s++)
			check(rows[i].kana, (romaji_system)s, D, rows[i].want[s]);

	/* Long vowels within a morpheme. */
	hep("おおさか", "ōsaka");
	hep("おかあさん", "okāsan");
	hep("おねえさん", "onēsan");
	hep("こおり", "kōri");
	hep("きゅうしゅう", "kyūshū");
	hep("せんせい", "sensei");
	hep("けいざい", "keizai");
	hep("おにいさん", "oniisan");
	hep("いいだ", "iida");
	hep("スーパー", "sūpā");
	hep("コーヒー", "kōhī");
	hep("ケーキ", "kēki");
	hep("トーキョー", "tōkyō");
	hep("らーめん", "rāmen");
	hep("ー", "");
	hep("ーあ", "a");
	hep("ンー", "n");
	hep("ラーー", "rā");
	hep("AIー", "AI");
	hep("おおお", "ōo");
	/* ... and across boundaries nothing merges. */
	hep("みず" ROMAJI_MORPHEME "うみ", "mizuumi");
	hep("あと" ROMAJI_MORPHEME "おし", "atooshi");
	hep("さと" ROMAJI_MORPHEME "おや", "satooya");
	hep("おも" ROMAJI_MORPHEME "う", "omou");
	hep("さと おや", "sato oya");
	hep("こう こう", "kō kō");
	hep("ケー" ROMAJI_MORPHEME "ー", "kē");

	/* Every --long option. */
	{
		static const char *const want[][3] = {
			{ "tōkyō", "bīru", "okāsan" }, { "tôkyô", "bîru", "okâsan" },
			{ "tookyoo", "biiru", "okaasan" }, { "tohkyoh", "biru", "okasan" },
			{ "tokyo", "biru", "okasan" },
		};
		static const char *const names[] = { "macron", "circumflex", "double", "h", "none" };
		for (i = 0; i < 5; i++) {
			ok(romaji_long_parse(names[i], &lng) == 0 && lng == (romaji_long)(i + 1),
			   "--long=%s parses", names[i]);
			check("とうきょう", ROMAJI_HEPBURN, lng, want[i][0]);
			check("ビール", ROMAJI_HEPBURN, lng, want[i][1]);
			check("おかあさん", ROMAJI_HEPBURN, lng, want[i][2]);
		}
		check("とうきょう", ROMAJI_KUNREI, ROMAJI_LONG_MACRON, "tōkyō");
		check("とうきょう", ROMAJI_WAPURO, ROMAJI_LONG_MACRON, "tōkyō");
		check("とうきょう", ROMAJI_CABINET2025, ROMAJI_LONG_DOUBLE, "tookyoo");
		ok(romaji_long_parse("long", &lng) == -1, "unknown --long value rejected");
	}
	/* Passport: long vowels dropped, ii kept, "oh" with --long=h. */
	check("さとう", ROMAJI_PASSPORT, D, "sato");
	check("おおの", ROMAJI_PASSPORT, D, "ono");
	check("いいだ", ROMAJI_PASSPORT, D, "iida");
	check("さとう", ROMAJI_PASSPORT, ROMAJI_LONG_H, "satoh");
	check("おおの", ROMAJI_PASSPORT, ROMAJI_LONG_H, "ohno");
	check("ゆうこ", ROMAJI_PASSPORT, ROMAJI_LONG_H, "yuko");
	check("いいだ", ROMAJI_PASSPORT, ROMAJI_LONG_H, "iida");
	check("ほんま", ROMAJI_PASSPORT, D, "homma");
	/* Wapuro spells long vowels as the kana. */
	check("せんせい", ROMAJI_WAPURO, D, "sensei");
	check("スーパー", ROMAJI_WAPURO, D, "suupaa");
	check("コーヒー", ROMAJI_WAPURO, D, "koohii");

	/* っ */
	hep("きって", "kitte");
	hep("いっぱい", "ippai");
	hep("はっきり", "hakkiri");
	hep("こっち", "kotchi");
	hep("いっ" ROMAJI_MORPHEME "た", "itta");
	hep("あっ", "a");
	hep("っ", "");
	hep("あっ か", "a ka");
	hep("あっ。", "a。");
	hep("っあ", "a");
	hep("っん", "n");
	hep("ベッド", "beddo");
	hep("バッハ", "bahha");
	hep("っふぁ", "ffa");
	hep("ッヴ", "vvu");
	check("っじ", ROMAJI_KUNREI, D, "zzi");
	check("っな", ROMAJI_WAPURO, D, "xtuna");
	check("っま", ROMAJI_WAPURO, D, "xtuma");
	hep("っま", "mma");
	/* ん */
	hep("げんいん", "gen'in");
	hep("かんい", "kan'i");
	hep("ほんや", "hon'ya");
	hep("きんゆう", "kin'yū");
	hep("きん" ROMAJI_MORPHEME "えん", "kin'en");
	hep("きん えん", "kin en");
	hep("ほんま", "honma");
	hep("さんぽ", "sanpo");
	hep("こんにちは", "konnichiha");
	hep("ほん", "hon");
	hep("ほん。", "hon。");
	check("ほんま", ROMAJI_TRADITIONAL, D, "homma");
	check("さんぽ", ROMAJI_TRADITIONAL, D, "sampo");
	check("きんゆう", ROMAJI_PASSPORT, D, "kinyu");
	check("こんにちは", ROMAJI_WAPURO, D, "konnnichiha");
	check("ほんや", ROMAJI_WAPURO, D, "hon'ya");
	check("んん", ROMAJI_WAPURO, D, "nnn");

	/* Half-width katakana, voicing marks, iteration marks, rare kana. */
	hep("ｿﾌﾄﾊﾞﾝｸ", "sofutobanku");
	hep("ｷﾞｬﾙ", "gyaru");
	hep("ｺｰﾋｰ", "kōhī");
	hep("ﾊﾟﾝ", "pan");
	hep("ｶｯﾌﾟ", "kappu");
	hep("か\xe3\x82\x99", "ga");
	hep("は\xe3\x82\x9a", "pa");
	hep("ウ\xe3\x82\x99ァ", "va");
	hep("すゝき", "susuki");
	hep("いすゞ", "isuzu");
	hep("こゞえ", "kogoe");
	hep("ゝ", "ゝ");
	hep("ヿ", "koto");
	hep("ㇰ", "ku");

	/* Everything that is not kana passes through unchanged. */
	hep("AI戦略会議", "AI戦略会議");
	hep("ChatGPTとは", "ChatGPTtoha");
	hep("東京タワー", "東京tawā");
	hep("2024ねん", "2024nen");
	hep("「かな」、カナ。", "「kana」、kana。");
	hep("", "");
	hep("\xff" "か\xe3", "\xff" "ka\xe3");
	{
		char *r = romaji_from_kana("かきく", 6, ROMAJI_HEPBURN, D);
		is_str(r, "kaki", "len limits the input");
		free(r);
		r = romaji_from_kana("か\0き", 7, ROMAJI_HEPBURN, D);
		ok(r && memcmp(r, "ka\0ki", 6) == 0, "NUL bytes pass through");
		free(r);
	}

	/* Particles. */
	is_str(romaji_particle("は", ROMAJI_HEPBURN), "wa", "particle は");
	is_str(romaji_particle("ハ", ROMAJI_KUNREI), "wa", "particle ハ");
	is_str(romaji_particle("へ", ROMAJI_HEPBURN), "e", "particle へ");
	is_str(romaji_particle("を", ROMAJI_HEPBURN), "o", "particle を hepburn");
	is_str(romaji_particle("を", ROMAJI_TRADITIONAL), "wo", "particle を traditional");
	is_str(romaji_particle("を", ROMAJI_NIHON), "wo", "particle を nihon");
	is_str(romaji_particle("ヲ", ROMAJI_WAPURO), "wo", "particle ヲ wapuro");
	is_str(romaji_particle("を", ROMAJI_KUNREI), "o", "particle を kunrei");
	is_str(romaji_particle("を", ROMAJI_PASSPORT), "o", "particle を passport");
	ok(romaji_particle("か", ROMAJI_HEPBURN) == NULL, "か is no particle");
	ok(romaji_particle("はは", ROMAJI_HEPBURN) == NULL, "はは is no particle");

	/* Names. */
	{
		static const char *const names[NSYS] = { "hepburn", "traditional", "kunrei", "nihon",
		                                         "passport", "wapuro", "cabinet2025" };
		for (s = 0; s < NSYS; s++)
			ok(romaji_system_parse(names[s], &sys) == 0 && sys == (romaji_system)s &&
			       strcmp(romaji_system_name(sys), names[s]) == 0,
			   "system %s parses and prints", names[s]);
		ok(romaji_system_parse("hebon", &sys) == -1, "unknown system rejected");
	}

	/* kana -> wapuro -> kana is the identity. */
	test_roundtrip(0);
	test_roundtrip(1);
	ok(roundtrip("がっこう と ちゅうがっこう", 0), "round trip: a sentence with long vowels and っ");
	ok(roundtrip("きんえん、ほんや。", 0), "round trip: ん before vowel and y");
	ok(roundtrip("まっちゃ を のむ", 0), "round trip: っち and を");

	test_random();
	text_cleanup();
	return tap_done();
}
