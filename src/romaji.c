/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romaji.c: kana -> romaji in every system of doc/romanization.md, driven by two tables
 * (single kana and small-kana combinations, one spelling column per family of systems)
 * and one table of per-system rules (ん, っ before ch, を, long vowels). A small state
 * machine applies the rules that look ahead: ん (n', m), っ (doubling), long vowels
 * (merging within a morpheme, ー). No allocation besides the one output buffer. */
#include "config.h"

#include "romaji.h"

#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Spelling columns: each system reads one of them. NULL in a row means "as hepburn". */
enum { COL_HEP, COL_KUN, COL_NIH, COL_WAP, NCOL };

struct kana_row {
	const char *kana;      /* the kana, for readers and for the tests */
	const char *col[NCOL]; /* hepburn, kunrei, nihon, wapuro */
};

/* Internal kana index: 0x00..0x55 are U+3041..U+3096 (hiragana; katakana by offset),
 * 0x56..0x59 are ヷ ヸ ヹ ヺ, 0x5A is ヿ (koto). */
#define IDX_VA 0x56
#define IDX_KOTO 0x5A
#define NIDX 0x5B
#define H(cp) ((cp) - 0x3041)   /* hiragana code point -> index */
#define IDX_SOKUON H(0x3063)    /* っ */
#define IDX_N H(0x3093)         /* ん */
#define IDX_WO H(0x3092)        /* を */

/* One row per index, in code-point order (build_tables asserts it; the tests spell every
 * row in every system). */
static const struct kana_row single[NIDX] = {
	{ "ぁ", { "a", NULL, NULL, "xa" } },     { "あ", { "a" } },
	{ "ぃ", { "i", NULL, NULL, "xi" } },     { "い", { "i" } },
	{ "ぅ", { "u", NULL, NULL, "xu" } },     { "う", { "u" } },
	{ "ぇ", { "e", NULL, NULL, "xe" } },     { "え", { "e" } },
	{ "ぉ", { "o", NULL, NULL, "xo" } },     { "お", { "o" } },
	{ "か", { "ka" } }, { "が", { "ga" } }, { "き", { "ki" } }, { "ぎ", { "gi" } },
	{ "く", { "ku" } }, { "ぐ", { "gu" } }, { "け", { "ke" } }, { "げ", { "ge" } },
	{ "こ", { "ko" } }, { "ご", { "go" } }, { "さ", { "sa" } }, { "ざ", { "za" } },
	{ "し", { "shi", "si", "si", "shi" } },  { "じ", { "ji", "zi", "zi", "ji" } },
	{ "す", { "su" } }, { "ず", { "zu" } }, { "せ", { "se" } }, { "ぜ", { "ze" } },
	{ "そ", { "so" } }, { "ぞ", { "zo" } }, { "た", { "ta" } }, { "だ", { "da" } },
	{ "ち", { "chi", "ti", "ti", "chi" } },  { "ぢ", { "ji", "zi", "di", "di" } },
	{ "っ", { "" } },
	{ "つ", { "tsu", "tu", "tu", "tsu" } },  { "づ", { "zu", "zu", "du", "du" } },
	{ "て", { "te" } }, { "で", { "de" } }, { "と", { "to" } }, { "ど", { "do" } },
	{ "な", { "na" } }, { "に", { "ni" } }, { "ぬ", { "nu" } }, { "ね", { "ne" } },
	{ "の", { "no" } }, { "は", { "ha" } }, { "ば", { "ba" } }, { "ぱ", { "pa" } },
	{ "ひ", { "hi" } }, { "び", { "bi" } }, { "ぴ", { "pi" } },
	{ "ふ", { "fu", "hu", "hu", "fu" } },    { "ぶ", { "bu" } }, { "ぷ", { "pu" } },
	{ "へ", { "he" } }, { "べ", { "be" } }, { "ぺ", { "pe" } },
	{ "ほ", { "ho" } }, { "ぼ", { "bo" } }, { "ぽ", { "po" } },
	{ "ま", { "ma" } }, { "み", { "mi" } }, { "む", { "mu" } }, { "め", { "me" } },
	{ "も", { "mo" } },
	{ "ゃ", { "ya", NULL, NULL, "xya" } },   { "や", { "ya" } },
	{ "ゅ", { "yu", NULL, NULL, "xyu" } },   { "ゆ", { "yu" } },
	{ "ょ", { "yo", NULL, NULL, "xyo" } },   { "よ", { "yo" } },
	{ "ら", { "ra" } }, { "り", { "ri" } }, { "る", { "ru" } }, { "れ", { "re" } },
	{ "ろ", { "ro" } },
	{ "ゎ", { "wa", NULL, NULL, "xwa" } },   { "わ", { "wa" } },
	{ "ゐ", { "i", "i", "wi", "wyi" } },     { "ゑ", { "e", "e", "we", "wye" } },
	{ "を", { "o", "o", "wo", "wo" } },      { "ん", { "n" } },
	{ "ゔ", { "vu" } },
	{ "ゕ", { "ka", NULL, NULL, "xka" } },   { "ゖ", { "ke", NULL, NULL, "xke" } },
	{ "ヷ", { "va" } }, { "ヸ", { "vi" } }, { "ヹ", { "ve" } }, { "ヺ", { "vo" } },
	{ "ヿ", { "koto" } },
};

/* A full-size kana followed by a small one. */
struct combo_row {
	const char *kana;      /* two kana, hiragana */
	const char *col[NCOL];
};

#define YOON(k, r) \
	{ k "ゃ", { r "ya" } }, { k "ゅ", { r "yu" } }, { k "ょ", { r "yo" } }

static const struct combo_row combos[] = {
	YOON("き", "k"), YOON("ぎ", "g"), YOON("に", "n"), YOON("ひ", "h"),
	YOON("び", "b"), YOON("ぴ", "p"), YOON("み", "m"), YOON("り", "r"),
	{ "しゃ", { "sha", "sya", "sya", "sha" } }, { "しゅ", { "shu", "syu", "syu", "shu" } },
	{ "しょ", { "sho", "syo", "syo", "sho" } }, { "しぇ", { "she", "sye", "sye", "she" } },
	{ "じゃ", { "ja", "zya", "zya", "ja" } },   { "じゅ", { "ju", "zyu", "zyu", "ju" } },
	{ "じょ", { "jo", "zyo", "zyo", "jo" } },   { "じぇ", { "je", "zye", "zye", "je" } },
	{ "ちゃ", { "cha", "tya", "tya", "cha" } }, { "ちゅ", { "chu", "tyu", "tyu", "chu" } },
	{ "ちょ", { "cho", "tyo", "tyo", "cho" } }, { "ちぇ", { "che", "tye", "tye", "che" } },
	{ "ぢゃ", { "ja", "zya", "dya", "dya" } },  { "ぢゅ", { "ju", "zyu", "dyu", "dyu" } },
	{ "ぢょ", { "jo", "zyo", "dyo", "dyo" } },
	{ "いぇ", { "ye" } },
	{ "うぁ", { "wa", NULL, NULL, "wha" } },    { "うぃ", { "wi", NULL, NULL, "whi" } },
	{ "うぇ", { "we", NULL, NULL, "whe" } },    { "うぉ", { "wo", NULL, NULL, "who" } },
	{ "ゔぁ", { "va" } }, { "ゔぃ", { "vi" } }, { "ゔぇ", { "ve" } }, { "ゔぉ", { "vo" } },
	{ "ゔゅ", { "vyu" } },
	{ "ふぁ", { "fa" } }, { "ふぃ", { "fi" } }, { "ふぇ", { "fe" } }, { "ふぉ", { "fo" } },
	{ "ふゅ", { "fyu" } },
	{ "つぁ", { "tsa" } }, { "つぃ", { "tsi" } }, { "つぇ", { "tse" } }, { "つぉ", { "tso" } },
	{ "てぃ", { "ti", NULL, NULL, "thi" } },    { "てゅ", { "tyu", NULL, NULL, "thu" } },
	{ "でぃ", { "di", NULL, NULL, "dhi" } },    { "でゅ", { "dyu", NULL, NULL, "dhu" } },
	{ "とぅ", { "tu", NULL, NULL, "twu" } },    { "どぅ", { "du", NULL, NULL, "dwu" } },
	{ "すぃ", { "si", NULL, NULL, "swi" } },    { "ずぃ", { "zi", NULL, NULL, "zwi" } },
	{ "くぁ", { "kwa" } }, { "くぃ", { "kwi" } }, { "くぇ", { "kwe" } }, { "くぉ", { "kwo" } },
	{ "ぐぁ", { "gwa" } },
};
#define NCOMBO (sizeof combos / sizeof combos[0])

/* The per-system rules. */
struct system_rules {
	const char *name;
	int col;              /* spelling column */
	char n_bmp;           /* ん before b/m/p: 'm' or 'n' */
	const char *n_vowel;  /* ん before a vowel or y */
	char tch;             /* っ before ch: 't' (matcha) or 'c' (maccha) */
	int wo;               /* を is "wo" */
	romaji_long lng;      /* default long-vowel spelling; DEFAULT here means "as kana" */
};

static const struct system_rules systems[] = {
	[ROMAJI_HEPBURN] = { "hepburn", COL_HEP, 'n', "n'", 't', 0, ROMAJI_LONG_MACRON },
	[ROMAJI_TRADITIONAL] = { "traditional", COL_HEP, 'm', "n'", 't', 1, ROMAJI_LONG_MACRON },
	[ROMAJI_KUNREI] = { "kunrei", COL_KUN, 'n', "n'", 't', 0, ROMAJI_LONG_CIRCUMFLEX },
	[ROMAJI_NIHON] = { "nihon", COL_NIH, 'n', "n'", 't', 1, ROMAJI_LONG_CIRCUMFLEX },
	[ROMAJI_PASSPORT] = { "passport", COL_HEP, 'm', "n", 't', 0, ROMAJI_LONG_NONE },
	[ROMAJI_WAPURO] = { "wapuro", COL_WAP, 'n', "n'", 'c', 1, ROMAJI_LONG_DEFAULT },
	[ROMAJI_CABINET2025] = { "cabinet2025", COL_HEP, 'n', "n'", 'c', 0, ROMAJI_LONG_MACRON },
};
#define NSYS (sizeof systems / sizeof systems[0])

static const char *const long_names[] = {
	[ROMAJI_LONG_MACRON] = "macron", [ROMAJI_LONG_CIRCUMFLEX] = "circumflex",
	[ROMAJI_LONG_DOUBLE] = "double", [ROMAJI_LONG_H] = "h", [ROMAJI_LONG_NONE] = "none",
};

/* Half-width katakana U+FF66..U+FF9D -> full-width katakana. */
static const uint16_t halfwidth[] = {
	0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3,
	0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1,
	0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6,
	0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8,
	0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9,
	0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3,
};
/* Small katakana for Ainu, U+31F0..U+31FF -> the hiragana they are small forms of. */
static const uint16_t small_ainu[] = {
	0x304F, 0x3057, 0x3059, 0x3068, 0x306C, 0x306F, 0x3072, 0x3075, 0x3078, 0x307B,
	0x3080, 0x3089, 0x308A, 0x308B, 0x308C, 0x308D,
};

/* ---- the compiled tables (built once) -------------------------------------------- */

struct spell {
	char s[7];
	unsigned char n;
};

static struct spell single_spell[NCOL][NIDX];
static struct spell combo_spell[NCOL][NCOMBO];
static unsigned char combo_base[NCOMBO], combo_small[NCOMBO];
/* For each base index, the first combo row with that base, or 0xFF. Combos of one base
 * are contiguous in combos[] (rows are grouped by base). */
static unsigned char combo_first[NIDX];
/* The kana index (or K_*) of every code point U+3040..U+30FF by its last two UTF-8
 * bytes (E3 81..83 xx), so that kana are read without decoding. */
static signed char kana3[3 * 64];
static signed char voiced_of[NIDX], semivoiced_of[NIDX], unvoiced_of[NIDX];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static int kana_index_of_utf8(const char *s);
static int classify(int32_t cp);
static inline int is_vowel(char ch);
static inline int is_simple(int k);

static void set_spell(struct spell *sp, const char *s)
{
	size_t n = strlen(s);
	memcpy(sp->s, s, n);
	sp->n = (unsigned char)n;
}

static void voicing(int from, int to, signed char *map)
{
	map[from] = (signed char)to;
	if (unvoiced_of[to] < 0)
		unvoiced_of[to] = (signed char)from;
}

static void build_tables(void)
{
	size_t i;
	int c, k;
	for (k = 0; k < NIDX; k++)
		voiced_of[k] = semivoiced_of[k] = unvoiced_of[k] = -1;
	for (c = 0; c < NCOL; c++) {
		for (k = 0; k < NIDX; k++)
			set_spell(&single_spell[c][k], single[k].col[c] ? single[k].col[c] : single[k].col[COL_HEP]);
		for (i = 0; i < NCOMBO; i++)
			set_spell(&combo_spell[c][i], combos[i].col[c] ? combos[i].col[c] : combos[i].col[COL_HEP]);
	}
	for (k = 0; k < IDX_VA; k++)
		assert(kana_index_of_utf8(single[k].kana) == k);
	for (k = 0; k < 3 * 64; k++)
		kana3[k] = (signed char)classify(0x3040 + k);
	for (c = 0; c < NCOL; c++)
		for (k = 0; k < NIDX; k++)
			assert(!is_simple(k) || (single_spell[c][k].n
			                         && is_vowel(single_spell[c][k].s[single_spell[c][k].n - 1])));
	memset(combo_first, 0xFF, sizeof combo_first);
	for (i = NCOMBO; i-- > 0;) {
		combo_base[i] = (unsigned char)kana_index_of_utf8(combos[i].kana);
		combo_small[i] = (unsigned char)kana_index_of_utf8(combos[i].kana + 3);
		/* rows of one base are contiguous */
		assert(combo_first[combo_base[i]] == 0xFF || combo_first[combo_base[i]] == i + 1);
		combo_first[combo_base[i]] = (unsigned char)i;
	}
	/* か..ぢ and つ て と voice to the next code point; は行 take ゛ and ゜. */
	for (k = H(0x304B); k <= H(0x3061); k += 2)
		voicing(k, k + 1, voiced_of);
	for (k = H(0x3064); k <= H(0x3068); k += 2)
		voicing(k, k + 1, voiced_of);
	for (k = H(0x306F); k <= H(0x307B); k += 3) {
		voicing(k, k + 1, voiced_of);
		voicing(k, k + 2, semivoiced_of);
	}
	voicing(H(0x3046), H(0x3094), voiced_of);     /* う -> ゔ */
	voicing(H(0x308F), IDX_VA, voiced_of);        /* わ -> ヷ */
	voicing(H(0x3090), IDX_VA + 1, voiced_of);    /* ゐ -> ヸ */
	voicing(H(0x3091), IDX_VA + 2, voiced_of);    /* ゑ -> ヹ */
	voicing(H(0x3092), IDX_VA + 3, voiced_of);    /* を -> ヺ */
}

static void ensure_tables(void)
{
	pthread_once(&tables_once, build_tables);
}

/* ---- decoding -------------------------------------------------------------------- */

enum {
	K_NONE = -1,   /* not kana: copy through */
	K_CHOON = -2,  /* ー */
	K_ITER = -3,   /* ゝ ヽ */
	K_ITER_V = -4, /* ゞ ヾ */
	K_DAKU = -5,   /* a voicing mark on its own: ゛ ゙ ﾞ */
	K_HANDAKU = -6
};

/* Decodes the code point at s[i] when it is a 3-byte sequence (everything kana is);
 * returns -1 otherwise and sets *n to the bytes it covers. */
static inline int32_t decode3(const unsigned char *s, size_t len, size_t i, size_t *n)
{
	unsigned char b0 = s[i];
	if ((b0 == 0xE3 || b0 == 0xEF) && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
	    (s[i + 2] & 0xC0) == 0x80) {
		*n = 3;
		return ((int32_t)(b0 & 0x0F) << 12) | ((int32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
	}
	*n = 1;
	return -1;
}

/* The kana index (or K_*) of a code point. */
static int classify(int32_t cp)
{
	if (cp >= 0x3041 && cp <= 0x3096)
		return cp - 0x3041;
	if (cp >= 0x30A1 && cp <= 0x30F6)
		return cp - 0x30A1;
	if (cp >= 0x30F7 && cp <= 0x30FA)
		return IDX_VA + (cp - 0x30F7);
	switch (cp) {
	case 0x30FF: return IDX_KOTO;
	case 0x30FC: case 0xFF70: return K_CHOON;
	case 0x309D: case 0x30FD: return K_ITER;
	case 0x309E: case 0x30FE: return K_ITER_V;
	case 0x3099: case 0x309B: case 0xFF9E: return K_DAKU;
	case 0x309A: case 0x309C: case 0xFF9F: return K_HANDAKU;
	default: break;
	}
	if (cp >= 0x31F0 && cp <= 0x31FF)
		return small_ainu[cp - 0x31F0] - 0x3041;
	if (cp >= 0xFF66 && cp <= 0xFF9D) {
		int32_t k = halfwidth[cp - 0xFF66];
		return k == 0x30FC ? K_CHOON : k - 0x30A1;
	}
	return K_NONE;
}

static int kana_index_of_utf8(const char *s)
{
	size_t n;
	return classify(decode3((const unsigned char *)s, strlen(s), 0, &n));
}

/* Reads one kana at s[*i] with the voicing marks that follow it; returns its index or
 * K_*, advancing *i. Sets *odd when it consumed a voicing mark. */
static inline int read_kana(const unsigned char *s, size_t len, size_t *i, int *odd)
{
	size_t n;
	int32_t cp;
	int k;
	if (s[*i] == 0xE3 && *i + 2 < len && (unsigned)(s[*i + 1] - 0x81) < 3
	    && (s[*i + 2] & 0xC0) == 0x80) {
		k = kana3[(s[*i + 1] - 0x81) * 64 + (s[*i + 2] & 0x3F)];
		n = 3;
	} else {
		cp = decode3(s, len, *i, &n);
		k = cp < 0 ? K_NONE : classify(cp);
	}
	if (k == K_NONE)
		return K_NONE;
	*i += n;
	while (k >= 0 && *i + 2 < len) {
		int m;
		/* Fast exit unless a voicing mark follows: U+3099..U+309C or U+FF9E..U+FF9F. */
		if (!(s[*i] == 0xE3 && s[*i + 1] == 0x82 && s[*i + 2] >= 0x99 && s[*i + 2] <= 0x9C) &&
		    !(s[*i] == 0xEF && s[*i + 1] == 0xBE && (s[*i + 2] == 0x9E || s[*i + 2] == 0x9F)))
			break;
		cp = decode3(s, len, *i, &n);
		m = cp < 0 ? K_NONE : classify(cp);
		if (m == K_DAKU && voiced_of[k] >= 0)
			k = voiced_of[k];
		else if (m == K_HANDAKU && semivoiced_of[k] >= 0)
			k = semivoiced_of[k];
		else
			break;
		*i += n;
		*odd = 1; /* a combining voicing mark: NFKC would compose it */
	}
	return k;
}

/* ---- output ---------------------------------------------------------------------- */

struct conv {
	char *p;
	size_t n, cap;
	int oom;
	const struct system_rules *sys;
	romaji_long lng;   /* DEFAULT: spelled as the kana (wapuro) */
	int col;
	int pend_n;        /* a ん waits for the next syllable */
	int pend_tsu;      /* a っ waits for the next syllable */
	char vch;          /* vowel ending the last syllable (it may lengthen), or 0 */
	size_t vpos;       /* its offset in p */
	int last;          /* index of the last kana (for ゝ), or -1 */
	int odd;           /* met something besides ASCII and plain kana (romaji_plain) */
};

/* Makes room for k more bytes (plus slack for 8-byte spelling copies). */
static inline int reserve(struct conv *c, size_t k)
{
	if (c->n + k + 8 > c->cap) {
		size_t cap = c->cap * 2;
		char *p;
		if (cap < c->n + k + 8)
			cap = c->n + k + 8;
		p = realloc(c->p, cap);
		if (!p) {
			c->oom = 1;
			return -1;
		}
		c->p = p;
		c->cap = cap;
	}
	return 0;
}

static inline void put(struct conv *c, const char *s, size_t k)
{
	if (reserve(c, k) == 0) {
		memcpy(c->p + c->n, s, k);
		c->n += k;
	}
}

static inline int is_vowel(char ch)
{
	return ch == 'a' || ch == 'i' || ch == 'u' || ch == 'e' || ch == 'o';
}

/* Writes the long form of vowel v (replacing the short one at c->vpos). */
static void put_long(struct conv *c, char v)
{
	static const char *const macron[] = { "\xC4\x81", "\xC4\xAB", "\xC5\xAB", "\xC4\x93", "\xC5\x8D" };
	static const char *const circ[] = { "\xC3\xA2", "\xC3\xAE", "\xC3\xBB", "\xC3\xAA", "\xC3\xB4" };
	int iv = v == 'a' ? 0 : v == 'i' ? 1 : v == 'u' ? 2 : v == 'e' ? 3 : 4;
	c->n = c->vpos;
	switch (c->lng) {
	case ROMAJI_LONG_MACRON:
		put(c, macron[iv], 2);
		break;
	case ROMAJI_LONG_CIRCUMFLEX:
		put(c, circ[iv], 2);
		break;
	case ROMAJI_LONG_H:
		put(c, v == 'o' ? "oh" : &v, v == 'o' ? 2 : 1);
		break;
	case ROMAJI_LONG_NONE:
		put(c, &v, 1);
		break;
	case ROMAJI_LONG_DOUBLE:
	case ROMAJI_LONG_DEFAULT:
		put(c, &v, 1);
		put(c, &v, 1);
		break;
	}
	c->vch = 0;
}

/* Settles a waiting ん given the first letter of what follows (0: a word boundary). */
static void flush_n(struct conv *c, char next)
{
	if (!c->pend_n)
		return;
	c->pend_n = 0;
	if (next && (is_vowel(next) || next == 'y'))
		put(c, c->sys->n_vowel, strlen(c->sys->n_vowel));
	else if (next == 'b' || next == 'm' || next == 'p')
		put(c, &c->sys->n_bmp, 1);
	else if (next == 'n' && c->col == COL_WAP)
		put(c, "nn", 2);
	else
		put(c, "n", 1);
}

/* Writes a syllable spelled sp; bare is 1 when it is a full-size vowel kana. */
static inline void syllable(struct conv *c, const struct spell *sp, int bare)
{
	char first = sp->s[0];
	if (bare && c->vch && c->lng != ROMAJI_LONG_DEFAULT && !c->pend_n && !c->pend_tsu) {
		char v = c->vch;
		if ((v == 'o' && (first == 'u' || first == 'o')) || (v == first && v != 'i' && first != 'i')) {
			put_long(c, v);
			return;
		}
	}
	flush_n(c, first);
	if (c->pend_tsu) {
		c->pend_tsu = 0;
		if ((first == 'n' || first == 'm') && c->col == COL_WAP)
			put(c, "xtu", 3); /* "nn" and "mm" would read as ん */
		else if (!is_vowel(first) && first != 'x') {
			char d = (first == 'c' && sp->s[1] == 'h') ? c->sys->tch : first;
			put(c, &d, 1);
		}
	}
	if (reserve(c, sizeof sp->s) != 0)
		return;
	memcpy(c->p + c->n, sp->s, sizeof sp->s);
	c->n += sp->n;
	if (sp->n && is_vowel(sp->s[sp->n - 1])) {
		c->vch = sp->s[sp->n - 1];
		c->vpos = c->n - 1;
	} else {
		c->vch = 0;
	}
}

/* A boundary: a word boundary or anything that is not kana. */
static void boundary(struct conv *c)
{
	flush_n(c, 0);
	c->pend_tsu = 0;
	c->vch = 0;
	c->last = -1;
}

static inline int is_bare_vowel(int k)
{
	return k == H(0x3042) || k == H(0x3044) || k == H(0x3046) || k == H(0x3048) || k == H(0x304A);
}

static inline int is_small(int k)
{
	return k == H(0x3041) || k == H(0x3043) || k == H(0x3045) || k == H(0x3047) ||
	       k == H(0x3049) || k == H(0x3083) || k == H(0x3085) || k == H(0x3087) || k == H(0x308E);
}

/* Whether kana index k is spelled on its own whatever surrounds it, as long as no ん or
 * っ is waiting and no small kana or voicing mark follows: every kana but っ, ん, を
 * and the bare vowels (which may lengthen the vowel before). */
static inline int is_simple(int k)
{
	return k != IDX_SOKUON && k != IDX_N && k != IDX_WO && !is_bare_vowel(k);
}

/* One kana (index k) at the current position; may consume a following small kana. */
static inline void kana(struct conv *c, int k, const unsigned char *s, size_t len, size_t *i)
{
	if (k == IDX_SOKUON) {
		flush_n(c, 'k');
		c->pend_tsu = 1;
		c->vch = 0;
		c->last = -1;
		return;
	}
	if (k == IDX_N) {
		if (c->pend_n)
			flush_n(c, 'n');
		c->pend_tsu = 0;
		c->pend_n = 1;
		c->vch = 0;
		c->last = k;
		return;
	}
	c->last = k;
	if (combo_first[k] != 0xFF && *i < len) {
		size_t j = *i;
		int m = read_kana(s, len, &j, &c->odd);
		if (m >= 0 && is_small(m)) {
			size_t r;
			for (r = combo_first[k]; r < NCOMBO && combo_base[r] == k; r++) {
				if (combo_small[r] == m) {
					*i = j;
					syllable(c, &combo_spell[c->col][r], 0);
					return;
				}
			}
		}
	}
	if (k == IDX_WO && c->sys->wo) {
		static const struct spell wo = { "wo", 2 };
		syllable(c, &wo, 0);
		return;
	}
	syllable(c, &single_spell[c->col][k], is_bare_vowel(k));
}

/* Whether the character at s[i] (non-ASCII) is plain: a kana U+3041..U+3096 or
 * U+30A1..U+30FC, or 、。「」『』; one bit per third UTF-8 byte. */
static inline int plain_kana(const unsigned char *s, size_t len, size_t i)
{
	static const uint64_t ok[4] = {
		UINT64_C(0xF006),                                /* E3 80 81 82 8C..8F */
		0xFFFFFFFFFFFFFFFEu,                             /* E3 81 81..BF */
		((UINT64_C(1) << 23) - 1) | (~UINT64_C(0) << 33), /* E3 82 80..96, A1..BF */
		(UINT64_C(1) << 61) - 1                          /* E3 83 80..BC */
	};
	return s[i] == 0xE3 && i + 2 < len && (unsigned)(s[i + 1] - 0x80) < 4
	       && (s[i + 2] & 0xC0) == 0x80 && ((ok[s[i + 1] - 0x80] >> (s[i + 2] & 63)) & 1);
}

/* Converts s[0..len) into c (set up by the caller with a buffer of c->cap bytes). */
static void convert(struct conv *c, const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len && !c->oom) {
		unsigned char b = s[i];
		if (b < 0x80) {
			size_t j = i;
			if (b == ROMAJI_MORPHEME_CHAR) {
				c->vch = 0;
				i++;
				continue;
			}
			boundary(c);
			while (j < len && s[j] < 0x80 && s[j] != ROMAJI_MORPHEME_CHAR)
				j++;
			put(c, (const char *)s + i, j - i);
			i = j;
			continue;
		}
		if (b == 0xE3 && i + 2 < len && (unsigned)(s[i + 1] - 0x81) < 3
		    && (s[i + 2] & 0xC0) == 0x80 && !c->pend_n && !c->pend_tsu) {
			/* the fast path: a plain kana spelled on its own (see is_simple), when
			 * what follows is ASCII, the end, or a kana that is neither small after
			 * a kana that combines nor a voicing mark */
			int k = kana3[(s[i + 1] - 0x81) * 64 + (s[i + 2] & 0x3F)];
			size_t j = i + 3;
			if (k >= 0 && is_simple(k)) {
				int ok = j >= len || s[j] < 0x80;
				if (!ok && s[j] == 0xE3 && j + 2 < len && (unsigned)(s[j + 1] - 0x81) < 3
				    && (s[j + 2] & 0xC0) == 0x80) {
					int m = kana3[(s[j + 1] - 0x81) * 64 + (s[j + 2] & 0x3F)];
					ok = m != K_DAKU && m != K_HANDAKU
					     && (combo_first[k] == 0xFF || m < 0 || !is_small(m));
				}
				if (ok) {
					const struct spell *sp = &single_spell[c->col][k];
					if (reserve(c, sizeof sp->s) != 0)
						break;
					memcpy(c->p + c->n, sp->s, sizeof sp->s);
					c->n += sp->n;
					c->vch = sp->s[sp->n - 1]; /* every such spelling ends in a vowel */
					c->vpos = c->n - 1;
					c->last = k;
					i = j;
					continue;
				}
			}
		}
		if (!plain_kana(s, len, i))
			c->odd = 1;
		size_t j = i;
		int k = read_kana(s, len, &j, &c->odd);
		if (k >= 0) {
			i = j;
			kana(c, k, s, len, &i);
		} else if (k == K_CHOON) {
			i = j;
			if (c->vch)
				put_long(c, c->vch);
		} else if ((k == K_ITER || k == K_ITER_V) && c->last >= 0 && c->last != IDX_N) {
			int r = c->last;
			if (k == K_ITER && unvoiced_of[r] >= 0)
				r = unvoiced_of[r];
			else if (k == K_ITER_V && voiced_of[r] >= 0)
				r = voiced_of[r];
			i = j;
			kana(c, r, s, len, &i);
		} else if (k == K_DAKU || k == K_HANDAKU) {
			i = j; /* a voicing mark with nothing to voice */
		} else {
			size_t n;
			boundary(c);
			decode3(s, len, i, &n);
			put(c, (const char *)s + i, n);
			i += n;
		}
	}
	boundary(c);
	if (!c->oom && reserve(c, 1) == 0)
		c->p[c->n] = '\0';
}

static void conv_init(struct conv *c, romaji_system sys, romaji_long lng)
{
	ensure_tables();
	if ((unsigned)sys >= NSYS)
		sys = ROMAJI_HEPBURN;
	memset(c, 0, sizeof *c);
	c->sys = &systems[sys];
	c->col = c->sys->col;
	c->lng = lng == ROMAJI_LONG_DEFAULT ? c->sys->lng : lng;
	c->last = -1;
}

char *romaji_from_kana(const char *kana_in, size_t len, romaji_system sys, romaji_long lng)
{
	struct conv c;

	if (len == (size_t)-1)
		len = strlen(kana_in);
	if (len > SIZE_MAX / 4)
		return NULL;
	conv_init(&c, sys, lng);
	c.cap = len + len / 2 + 16;
	c.p = malloc(c.cap);
	if (!c.p)
		return NULL;
	convert(&c, (const unsigned char *)kana_in, len);
	if (c.oom) {
		free(c.p);
		return NULL;
	}
	return c.p;
}

int romaji_from_kana_buf(const char *kana_in, size_t len, romaji_system sys, romaji_long lng,
                         char **buf, size_t *cap, size_t *out_len, int *plain)
{
	struct conv c;

	if (len > SIZE_MAX / 4)
		return -1;
	conv_init(&c, sys, lng);
	if (*cap < len + len / 2 + 16) {
		char *p = realloc(*buf, len + len / 2 + 16);
		if (!p)
			return -1;
		*buf = p;
		*cap = len + len / 2 + 16;
	}
	c.p = *buf;
	c.cap = *cap;
	convert(&c, (const unsigned char *)kana_in, len);
	*buf = c.p; /* reserve may have moved it, even on failure */
	*cap = c.cap;
	if (c.oom)
		return -1;
	*out_len = c.n;
	if (plain)
		*plain = !c.odd;
	return 0;
}

const char *romaji_particle(const char *kana_in, romaji_system sys)
{
	int k;
	size_t n = strlen(kana_in);
	size_t used;
	if (n != 3)
		return NULL;
	k = classify(decode3((const unsigned char *)kana_in, n, 0, &used));
	if (k == H(0x306F))
		return "wa";
	if (k == H(0x3078))
		return "e";
	if (k == IDX_WO)
		return ((unsigned)sys < NSYS && systems[sys].wo) ? "wo" : "o";
	return NULL;
}

int romaji_system_parse(const char *name, romaji_system *out)
{
	size_t i;
	for (i = 0; i < NSYS; i++) {
		if (strcmp(name, systems[i].name) == 0) {
			*out = (romaji_system)i;
			return 0;
		}
	}
	return -1;
}

const char *romaji_system_name(romaji_system sys)
{
	return (unsigned)sys < NSYS ? systems[sys].name : systems[ROMAJI_HEPBURN].name;
}

int romaji_long_parse(const char *name, romaji_long *out)
{
	size_t i;
	for (i = 1; i < sizeof long_names / sizeof long_names[0]; i++) {
		if (strcmp(name, long_names[i]) == 0) {
			*out = (romaji_long)i;
			return 0;
		}
	}
	return -1;
}
