/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kana.c: romaji -> kana. One table maps every accepted spelling (all systems of
 * romaji.h and the IME spellings) to hiragana; a scanner reads each Latin word with the
 * longest match and applies the rules that are not syllables: ん (n, n', nn, m before
 * b/m/p), っ (doubled consonants, tch, cch), long marks (ō ô, "-", passport "oh"). A word
 * that does not read as romaji in full is copied through unchanged. */
#include "config.h"

#include "kana.h"
#include "text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct kana_spelling {
	const char *romaji;
	const char *kana; /* hiragana */
};

#define YOON(r, k) { r "a", k "ゃ" }, { r "u", k "ゅ" }, { r "o", k "ょ" }

static const struct kana_spelling spellings[] = {
	{ "a", "あ" }, { "i", "い" }, { "u", "う" }, { "e", "え" }, { "o", "お" },
	{ "ka", "か" }, { "ki", "き" }, { "ku", "く" }, { "ke", "け" }, { "ko", "こ" },
	{ "ga", "が" }, { "gi", "ぎ" }, { "gu", "ぐ" }, { "ge", "げ" }, { "go", "ご" },
	{ "sa", "さ" }, { "si", "し" }, { "shi", "し" }, { "su", "す" }, { "se", "せ" },
	{ "so", "そ" },
	{ "za", "ざ" }, { "zi", "じ" }, { "ji", "じ" }, { "zu", "ず" }, { "ze", "ぜ" },
	{ "zo", "ぞ" },
	{ "ta", "た" }, { "ti", "ち" }, { "chi", "ち" }, { "tu", "つ" }, { "tsu", "つ" },
	{ "te", "て" }, { "to", "と" },
	{ "da", "だ" }, { "di", "ぢ" }, { "du", "づ" }, { "de", "で" }, { "do", "ど" },
	{ "na", "な" }, { "ni", "に" }, { "nu", "ぬ" }, { "ne", "ね" }, { "no", "の" },
	{ "ha", "は" }, { "hi", "ひ" }, { "hu", "ふ" }, { "fu", "ふ" }, { "he", "へ" },
	{ "ho", "ほ" },
	{ "ba", "ば" }, { "bi", "び" }, { "bu", "ぶ" }, { "be", "べ" }, { "bo", "ぼ" },
	{ "pa", "ぱ" }, { "pi", "ぴ" }, { "pu", "ぷ" }, { "pe", "ぺ" }, { "po", "ぽ" },
	{ "ma", "ま" }, { "mi", "み" }, { "mu", "む" }, { "me", "め" }, { "mo", "も" },
	{ "ya", "や" }, { "yu", "ゆ" }, { "yo", "よ" },
	{ "ra", "ら" }, { "ri", "り" }, { "ru", "る" }, { "re", "れ" }, { "ro", "ろ" },
	{ "wa", "わ" }, { "wo", "を" }, { "wyi", "ゐ" }, { "wye", "ゑ" },
	{ "wi", "うぃ" }, { "we", "うぇ" },
	{ "wha", "うぁ" }, { "whi", "うぃ" }, { "whe", "うぇ" }, { "who", "うぉ" },
	{ "vu", "ゔ" }, { "va", "ゔぁ" }, { "vi", "ゔぃ" }, { "ve", "ゔぇ" }, { "vo", "ゔぉ" },
	{ "vyu", "ゔゅ" },
	YOON("ky", "き"), YOON("gy", "ぎ"), YOON("ny", "に"), YOON("hy", "ひ"),
	YOON("by", "び"), YOON("py", "ぴ"), YOON("my", "み"), YOON("ry", "り"),
	YOON("sh", "し"), YOON("sy", "し"), { "she", "しぇ" }, { "sye", "しぇ" },
	YOON("j", "じ"), YOON("jy", "じ"), YOON("zy", "じ"),
	{ "je", "じぇ" }, { "jye", "じぇ" }, { "zye", "じぇ" },
	YOON("ch", "ち"), YOON("ty", "ち"), YOON("cy", "ち"), { "che", "ちぇ" }, { "tye", "ちぇ" },
	YOON("dy", "ぢ"),
	{ "ye", "いぇ" },
	{ "fa", "ふぁ" }, { "fi", "ふぃ" }, { "fe", "ふぇ" }, { "fo", "ふぉ" }, { "fyu", "ふゅ" },
	{ "tsa", "つぁ" }, { "tsi", "つぃ" }, { "tse", "つぇ" }, { "tso", "つぉ" },
	{ "thi", "てぃ" }, { "thu", "てゅ" }, { "dhi", "でぃ" }, { "dhu", "でゅ" },
	{ "twu", "とぅ" }, { "dwu", "どぅ" }, { "swi", "すぃ" }, { "zwi", "ずぃ" },
	{ "kwa", "くぁ" }, { "kwi", "くぃ" }, { "kwe", "くぇ" }, { "kwo", "くぉ" },
	{ "gwa", "ぐぁ" },
	/* IME spellings of small kana, x- or l-prefixed */
	{ "xa", "ぁ" }, { "xi", "ぃ" }, { "xu", "ぅ" }, { "xe", "ぇ" }, { "xo", "ぉ" },
	{ "la", "ぁ" }, { "li", "ぃ" }, { "lu", "ぅ" }, { "le", "ぇ" }, { "lo", "ぉ" },
	{ "xya", "ゃ" }, { "xyu", "ゅ" }, { "xyo", "ょ" },
	{ "lya", "ゃ" }, { "lyu", "ゅ" }, { "lyo", "ょ" },
	{ "xwa", "ゎ" }, { "lwa", "ゎ" }, { "xka", "ゕ" }, { "lka", "ゕ" },
	{ "xke", "ゖ" }, { "lke", "ゖ" },
	{ "xtu", "っ" }, { "ltu", "っ" }, { "xtsu", "っ" }, { "ltsu", "っ" }, { "xn", "ん" },
};
#define NSPELL (sizeof spellings / sizeof spellings[0])

/* Per first letter, the spellings ordered longest first. */
static unsigned short by_letter[26][NSPELL];
static unsigned short n_by_letter[26];
static unsigned char spell_len[NSPELL];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
	size_t i, L;
	for (i = 0; i < NSPELL; i++)
		spell_len[i] = (unsigned char)strlen(spellings[i].romaji);
	for (L = 4; L >= 1; L--) {
		for (i = 0; i < NSPELL; i++) {
			int f = spellings[i].romaji[0] - 'a';
			if (spell_len[i] == L)
				by_letter[f][n_by_letter[f]++] = (unsigned short)i;
		}
	}
}

/* ---- output buffer ---------------------------------------------------------------- */

struct out {
	char *p;
	size_t n, cap;
	int oom;
};

static int out_reserve(struct out *o, size_t k)
{
	if (o->n + k + 1 > o->cap) {
		size_t cap = o->cap * 2;
		char *p;
		if (cap < o->n + k + 1)
			cap = o->n + k + 1;
		p = realloc(o->p, cap);
		if (!p) {
			o->oom = 1;
			return -1;
		}
		o->p = p;
		o->cap = cap;
	}
	return 0;
}

static void out_put(struct out *o, const char *s, size_t k)
{
	if (out_reserve(o, k) == 0) {
		memcpy(o->p + o->n, s, k);
		o->n += k;
	}
}

/* Appends hiragana string k, as katakana when kata is set (U+3041..U+3096 + 0x60). */
static void out_kana(struct out *o, const char *k, int kata)
{
	size_t n = strlen(k), i;
	if (out_reserve(o, n) != 0)
		return;
	memcpy(o->p + o->n, k, n);
	if (kata) {
		for (i = 0; i + 2 < n; i += 3) {
			unsigned char *b = (unsigned char *)o->p + o->n + i;
			int cp = ((b[0] & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F);
			if (cp >= 0x3041 && cp <= 0x3096) {
				cp += 0x60;
				b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
				b[2] = (unsigned char)(0x80 | (cp & 0x3F));
			}
		}
	}
	o->n += n;
}

/* ---- words ------------------------------------------------------------------------ */

#define LONG_MARK '^'

static int is_vowel(int c)
{
	return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
}

/* A vowel with a macron or circumflex -> its letter; 0 when cp is not one. */
static int long_vowel(int32_t cp)
{
	switch (cp) {
	case 0x0101: case 0x0100: case 0x00E2: case 0x00C2: return 'a';
	case 0x012B: case 0x012A: case 0x00EE: case 0x00CE: return 'i';
	case 0x016B: case 0x016A: case 0x00FB: case 0x00DB: return 'u';
	case 0x0113: case 0x0112: case 0x00EA: case 0x00CA: return 'e';
	case 0x014D: case 0x014C: case 0x00F4: case 0x00D4: return 'o';
	default: return 0;
	}
}

/* Converts one normalised word w[0..n) (lower-case ASCII letters, LONG_MARK after a
 * long vowel, '\'' and '-') and appends its kana. Returns 0, or -1 when some part of it
 * is not romaji (the caller then rolls back). */
static int word_to_kana(const char *w, size_t n, unsigned flags, struct out *o)
{
	int kata = (flags & KANA_KATAKANA) != 0;
	int lv = 0; /* vowel ending the last syllable, for long marks */
	size_t p = 0;

	while (p < n) {
		int c = (unsigned char)w[p];
		int next = p + 1 < n ? (unsigned char)w[p + 1] : 0;
		int after = p + 2 < n ? (unsigned char)w[p + 2] : 0;
		size_t k;

		if (c == LONG_MARK || c == '-') {
			if (lv) {
				if (kata) {
					out_put(o, "ー", 3);
				} else if (c == LONG_MARK) {
					static const char *const vk[] = { "あ", "い", "う", "え", "う" };
					int iv = lv == 'a' ? 0 : lv == 'i' ? 1 : lv == 'u' ? 2 : lv == 'e' ? 3 : 4;
					out_kana(o, vk[iv], 0);
				}
			} else if (c == LONG_MARK) {
				return -1;
			}
			lv = 0;
			p++;
			continue;
		}
		if (c < 'a' || c > 'z')
			return -1;
		if (c == 'n' && !is_vowel(next) && next != 'y') {
			out_kana(o, "ん", kata);
			if (next == '\'')
				p += 2;
			else if (next == 'n' && !is_vowel(after) && after != 'y')
				p += 2; /* IME "nn" */
			else
				p += 1;
			lv = 0;
			continue;
		}
		if (c == 'm' && (next == 'b' || next == 'm' || next == 'p')) {
			out_kana(o, "ん", kata);
			p++;
			lv = 0;
			continue;
		}
		if ((c == next && strchr("bdfghjkprstvwyz", c)) ||
		    ((c == 't' || c == 'c') && next == 'c' && after == 'h')) {
			out_kana(o, "っ", kata);
			p++;
			lv = 0;
			continue;
		}
		for (k = 0; k < n_by_letter[c - 'a']; k++) {
			unsigned short s = by_letter[c - 'a'][k];
			size_t L = spell_len[s];
			if (L <= n - p && memcmp(w + p, spellings[s].romaji, L) == 0) {
				out_kana(o, spellings[s].kana, kata);
				lv = is_vowel(w[p + L - 1]) ? w[p + L - 1] : 0;
				p += L;
				if (lv == 'o' && (flags & KANA_OH_LONG) && p < n && w[p] == 'h' &&
				    (p + 1 >= n || (!is_vowel(w[p + 1]) && w[p + 1] != 'y'))) {
					/* passport "oh": Ohno おおの, Satoh さとう, Kohno こうの */
					if (kata)
						out_put(o, "ー", 3);
					else
						out_kana(o, p == 1 ? "お" : "う", 0);
					p++;
					lv = 0;
				}
				break;
			}
		}
		if (k == n_by_letter[c - 'a'])
			return -1;
	}
	return 0;
}

/* Decodes one code point (ASCII fast path). */
static int32_t next_cp(const char *s, size_t len, size_t *i)
{
	unsigned char b = (unsigned char)s[*i];
	if (b < 0x80) {
		(*i)++;
		return b;
	}
	return text_next_cp(s, len, i);
}

/* Whether cp can be part of a Latin word, and its normalised form appended to w. */
static int word_letter(int32_t cp, char *w, size_t *wn)
{
	int v;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
		w[(*wn)++] = (char)(cp | 0x20);
		return 1;
	}
	v = long_vowel(cp);
	if (v) {
		w[(*wn)++] = (char)v;
		w[(*wn)++] = LONG_MARK;
		return 1;
	}
	if (cp == 0x0304 || cp == 0x0302) { /* combining macron, circumflex */
		w[(*wn)++] = LONG_MARK;
		return 1;
	}
	if (cp >= 0x80 && text_is_latin(cp)) {
		w[(*wn)++] = '?'; /* a Latin letter that no romaji has: the word stays */
		return 1;
	}
	return 0;
}

char *kana_from_romaji(const char *romaji, size_t len, unsigned flags, int *complete)
{
	struct out o = { NULL, 0, 0, 0 };
	char *w = NULL;
	size_t i = 0;
	int all = 1;

	pthread_once(&index_once, build_index);
	if (len == (size_t)-1)
		len = strlen(romaji);
	if (len > SIZE_MAX / 4)
		return NULL;
	o.cap = len * 3 + 16;
	o.p = malloc(o.cap);
	w = malloc(len + 4);
	if (!o.p || !w)
		goto fail;

	while (i < len && !o.oom) {
		size_t start = i, wn = 0, mark;
		int32_t cp = next_cp(romaji, len, &i);
		if (cp < 0 || !word_letter(cp, w, &wn) || (wn == 1 && w[0] == LONG_MARK)) {
			out_put(&o, romaji + start, i - start);
			continue;
		}
		/* The word: letters, and ' ’ - between letters. */
		for (;;) {
			size_t j = i, k;
			char sep = 0;
			if (j >= len)
				break;
			cp = next_cp(romaji, len, &j);
			if (cp == '\'' || cp == 0x2019)
				sep = '\'';
			else if (cp == '-')
				sep = '-';
			if (sep) {
				k = j;
				if (k >= len)
					break;
				cp = next_cp(romaji, len, &k);
				mark = wn;
				if (cp < 0 || !word_letter(cp, w, &wn))
					break;
				wn = mark;
				w[wn++] = sep;
				i = j;
				continue;
			}
			if (cp < 0 || !word_letter(cp, w, &wn))
				break;
			i = j;
		}
		mark = o.n;
		if (word_to_kana(w, wn, flags, &o) != 0) {
			o.n = mark;
			all = 0;
			out_put(&o, romaji + start, i - start);
		}
	}
	if (o.oom || out_reserve(&o, 0) != 0)
		goto fail;
	o.p[o.n] = '\0';
	free(w);
	if (complete)
		*complete = all;
	return o.p;
fail:
	free(o.p);
	free(w);
	return NULL;
}
