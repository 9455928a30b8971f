/* SPDX-License-Identifier: GPL-3.0-or-later */
/* match.c: romaji and kana folding keys, edit distance and wildcard matching, the
 * pure-computation half of fuzzy lookup (lexicon.c stores the keys and indexes them). */
#include "config.h"

#include "match.h"
#include "romaji.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- romaji key -------------------------------------------------------------- */

/* One rewrite rule of a pass: from -> to, tried in order at each position. */
struct rule {
	const char *from;
	const char *to;
};

/* Hepburn and Nihon-shiki letters to Kunrei ones, IME and traditional spellings. */
static const struct rule letter_rules[] = {
	{ "tch", "tty" }, { "cch", "tty" }, { "sh", "sy" }, { "ch", "ty" }, { "ts", "t" },
	{ "fu", "hu" }, { "j", "zy" }, { "dy", "zy" }, { "di", "zi" }, { "du", "zu" },
	{ "wo", "o" }, { NULL, NULL }
};
/* A y-glide before i is the plain syllable (shi -> syi -> si). */
static const struct rule yi_rules[] = {
	{ "syi", "si" }, { "tyi", "ti" }, { "zyi", "zi" }, { NULL, NULL }
};

/* Applies rules left to right over s (in place; the result is never longer, except
 * that "j" -> "zy" grows, so the output goes to a new buffer). Returns malloc'd or NULL. */
static char *rewrite(const char *s, const struct rule *rules)
{
	size_t n = strlen(s);
	char *out = malloc(2 * n + 1);
	size_t i = 0, o = 0;
	if (!out)
		return NULL;
	while (i < n) {
		const struct rule *r;
		for (r = rules; r->from; r++) {
			size_t fl = strlen(r->from);
			if (strncmp(s + i, r->from, fl) == 0) {
				size_t tl = strlen(r->to);
				memcpy(out + o, r->to, tl);
				o += tl;
				i += fl;
				break;
			}
		}
		if (!r->from)
			out[o++] = s[i++];
	}
	out[o] = '\0';
	return out;
}

static int is_vowel(int c)
{
	return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
}

/* Whether vowel c after vowel prev only lengthens it (aa, ii, ei, uu, ou, ee, oo). */
static int lengthens(int prev, int c)
{
	switch (c) {
	case 'a': return prev == 'a';
	case 'i': return prev == 'i' || prev == 'e';
	case 'u': return prev == 'u' || prev == 'o';
	case 'e': return prev == 'e';
	case 'o': return prev == 'o';
	default: return 0;
	}
}

/* m before b/m/p -> n; doubled consonants (nn included) -> one; long vowels -> one;
 * "oh" before a consonant or at the end -> o. In place. */
static void fold_sounds(char *s)
{
	size_t i, o = 0, n = strlen(s);
	int prev_vowel = 0;
	for (i = 0; i < n; i++) {
		int c = (unsigned char)s[i];
		int next = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		if (c == 'm' && (next == 'b' || next == 'p' || next == 'm'))
			c = 'n';
		if (c >= 'a' && c <= 'z' && !is_vowel(c) && o > 0 && (unsigned char)s[o - 1] == c)
			continue; /* doubled consonant (the first of the pair is already out) */
		if (is_vowel(c)) {
			if (prev_vowel && lengthens(prev_vowel, c))
				continue;
			prev_vowel = c;
		} else if (c == 'h' && prev_vowel == 'o' && o > 0 && s[o - 1] == 'o' &&
		           !is_vowel(next) && next != 'y') {
			continue; /* passport "oh" */
		} else {
			prev_vowel = 0;
		}
		s[o++] = (char)c;
	}
	s[o] = '\0';
}

static int has_kana(const char *s)
{
	size_t i = 0, n = strlen(s);
	while (i < n) {
		int32_t cp = text_next_cp(s, n, &i);
		if (cp >= 0 && (text_is_hiragana(cp) || text_is_katakana(cp)))
			return 1;
	}
	return 0;
}

/* The base letter of the accented vowels romaji uses (macrons, circumflexes), lower
 * case; 0 for any other code point. */
static int plain_vowel(int32_t cp)
{
	static const struct { int32_t cp; char c; } map[] = {
		{ 0x101, 'a' }, { 0x100, 'a' }, { 0x12B, 'i' }, { 0x12A, 'i' }, { 0x16B, 'u' },
		{ 0x16A, 'u' }, { 0x113, 'e' }, { 0x112, 'e' }, { 0x14D, 'o' }, { 0x14C, 'o' },
		{ 0xE2, 'a' }, { 0xC2, 'a' }, { 0xEE, 'i' }, { 0xCE, 'i' }, { 0xFB, 'u' },
		{ 0xDB, 'u' }, { 0xEA, 'e' }, { 0xCA, 'e' }, { 0xF4, 'o' }, { 0xD4, 'o' }
	};
	size_t i;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].cp == cp)
			return map[i].c;
	return 0;
}

/* Fast path for the common case, romaji in ASCII with macrons or circumflexes: writes
 * the lower-case letters and digits of s to out (n + 1 bytes) and returns 1, or returns
 * 0 when s has anything else non-ASCII (then ICU does the work). */
static int fold_simple(const char *s, size_t n, char *out)
{
	size_t i = 0, o = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		int v;
		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z')
				out[o++] = (char)(c + 32);
			else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				out[o++] = (char)c;
			i++;
			continue;
		}
		cp = text_next_cp(s, n, &i);
		if (cp == 0x2019 || cp == 0x2018 || cp == 0x2010 || cp == 0x2011)
			continue;
		v = plain_vowel(cp);
		if (!v)
			return 0;
		out[o++] = (char)v;
	}
	out[o] = '\0';
	return 1;
}

char *match_romaji_key(const char *s, size_t len)
{
	char *nfkc = NULL, *rom = NULL, *cf = NULL, *sm = NULL, *ascii = NULL;
	char *a = NULL, *b = NULL;
	size_t i, o = 0, n;

	if (len == (size_t)-1)
		len = strlen(s);
	if (text_utf8_check(s, len, NULL) != 0)
		return NULL;
	ascii = malloc(len + 1);
	if (!ascii)
		return NULL;
	if (fold_simple(s, len, ascii))
		goto fold;
	free(ascii);
	ascii = NULL;
	nfkc = text_nfkc(s, len);
	if (!nfkc)
		goto cleanup;
	if (has_kana(nfkc)) {
		rom = romaji_from_kana(nfkc, (size_t)-1, ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT);
		if (!rom)
			goto cleanup;
	}
	cf = text_casefold(rom ? rom : nfkc, (size_t)-1);
	if (!cf)
		goto cleanup;
	sm = text_strip_marks(cf, (size_t)-1);
	if (!sm)
		goto cleanup;
	n = strlen(sm);
	ascii = malloc(n + 1);
	if (!ascii)
		goto cleanup;
	/* Keep letters, digits and non-ASCII characters; drop ASCII spaces and punctuation
	 * and the typographic apostrophes and dashes. */
	for (i = 0; i < n;) {
		unsigned char c = (unsigned char)sm[i];
		if (c < 0x80) {
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				ascii[o++] = (char)c;
			i++;
			continue;
		}
		size_t start = i;
		int32_t cp = text_next_cp(sm, n, &i);
		if (cp == 0x2019 || cp == 0x2018 || cp == 0x2010 || cp == 0x2011 ||
		    cp == 0x2013 || cp == 0x2014 || cp == 0x30FB || cp == 0x3000)
			continue;
		memcpy(ascii + o, sm + start, i - start);
		o += i - start;
	}
	ascii[o] = '\0';
fold:
	a = rewrite(ascii, letter_rules);
	if (!a)
		goto cleanup;
	b = rewrite(a, yi_rules);
	if (!b)
		goto cleanup;
	fold_sounds(b);
cleanup:
	free(nfkc);
	free(rom);
	free(cf);
	free(sm);
	free(ascii);
	free(a);
	return b;
}

/* ---- kana key ---------------------------------------------------------------- */

/* Katakana -> hiragana by code point (the blocks are parallel), without ICU's
 * transliterator, whose creation costs more than a whole lookup. */
char *match_hiragana(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	while (i < n) {
		size_t start = i;
		int32_t cp = text_next_cp(s, n, &i);
		if ((cp >= 0x30A1 && cp <= 0x30F6) || cp == 0x30FD || cp == 0x30FE) {
			o += text_put_cp(out + o, cp - 0x60);
		} else {
			memcpy(out + o, s + start, i - start);
			o += i - start;
		}
	}
	out[o] = '\0';
	return out;
}

/* Vowel of each hiragana U+3041..U+3096 ('-' for っ and ん). */
static const char hira_vowels[] =
	"aaiiuueeoo" "aaiiuueeoo" "aaiiuueeoo" "aaii-uueeoo" "aiueo"
	"aaaiiiuuueeeooo" "aiueo" "aauuoo" "aiueo" "aaie" "o-uae";

static int hira_vowel(int32_t cp)
{
	if (cp < 0x3041 || cp > 0x3096)
		return 0;
	return hira_vowels[cp - 0x3041];
}

/* The plain vowel letter a kana stands for when it is a bare vowel, else 0. */
static int bare_vowel(int32_t cp)
{
	switch (cp) {
	case 0x3041: case 0x3042: return 'a';
	case 0x3043: case 0x3044: return 'i';
	case 0x3045: case 0x3046: return 'u';
	case 0x3047: case 0x3048: return 'e';
	case 0x3049: case 0x304A: return 'o';
	default: return 0;
	}
}

char *match_kana_key(const char *s, size_t len)
{
	char *nfkc = NULL, *hira = NULL, *out = NULL;
	size_t i = 0, o = 0, n;
	int prev = 0;

	if (len == (size_t)-1)
		len = strlen(s);
	if (text_utf8_check(s, len, NULL) != 0)
		return NULL;
	nfkc = text_nfkc(s, len);
	if (!nfkc)
		goto cleanup;
	hira = match_hiragana(nfkc);
	if (!hira)
		goto cleanup;
	n = strlen(hira);
	out = malloc(n + 1);
	if (!out)
		goto cleanup;
	while (i < n) {
		int32_t cp = text_next_cp(hira, n, &i);
		int v;
		if (cp < 0)
			continue;
		if (cp < 0x80) {
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
			if (!((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')))
				continue;
			prev = 0;
			out[o++] = (char)cp;
			continue;
		}
		if (cp == 0x3000 || cp == 0x30FB || cp == 0x30FC || cp == 0x3063 || cp == 0x30A0)
			continue; /* space, middle dot, long mark, small tsu */
		if (cp == 0x3062)
			cp = 0x3058; /* ぢ -> じ */
		else if (cp == 0x3065)
			cp = 0x305A; /* づ -> ず */
		else if (cp == 0x3092)
			cp = 0x304A; /* を -> お */
		else if (cp == 0x308E)
			cp = 0x308F; /* ゎ -> わ */
		v = bare_vowel(cp);
		if (v) {
			if (prev && lengthens(prev, v))
				continue;
			cp = 0x3042 + 2 * (strchr("aiueo", v) - "aiueo"); /* full-size vowel */
		}
		v = hira_vowel(cp);
		prev = v == '-' ? 0 : v;
		o += text_put_cp(out + o, cp);
	}
	out[o] = '\0';
cleanup:
	free(nfkc);
	free(hira);
	return out;
}

/* ---- plain form ---------------------------------------------------------------- */

char *match_plain(const char *s, size_t len)
{
	char *nfkc = NULL, *cf = NULL, *out = NULL;
	size_t i = 0, o = 0, n;

	if (len == (size_t)-1)
		len = strlen(s);
	if (text_utf8_check(s, len, NULL) != 0)
		return NULL;
	nfkc = text_nfkc(s, len);
	if (!nfkc)
		goto cleanup;
	cf = text_casefold(nfkc, (size_t)-1);
	if (!cf)
		goto cleanup;
	n = strlen(cf);
	out = malloc(n + 1);
	if (!out)
		goto cleanup;
	while (i < n) {
		size_t start = i;
		int32_t cp = text_next_cp(cf, n, &i);
		if (cp == ' ' || cp == '-' || cp == '\'' || cp == '.' || cp == 0x2019 ||
		    cp == 0x2010 || cp == 0x2011 || cp == 0x3000 || cp == '\t')
			continue;
		memcpy(out + o, cf + start, i - start);
		o += i - start;
	}
	out[o] = '\0';
cleanup:
	free(nfkc);
	free(cf);
	return out;
}

/* ---- distance and wildcards ------------------------------------------------------ */

/* Decodes s into a malloc'd array of code points; *n gets the count. */
static int32_t *decode(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0, k = 0;
	int32_t *cps = malloc((len + 1) * sizeof *cps);
	if (!cps)
		return NULL;
	while (i < len) {
		size_t start = i;
		int32_t cp = text_next_cp(s, len, &i);
		cps[k++] = cp < 0 ? -(int32_t)(unsigned char)s[start] - 1 : cp;
	}
	*n = k;
	return cps;
}

size_t match_length(const char *s)
{
	size_t len = strlen(s), i = 0, k = 0;
	while (i < len) {
		text_next_cp(s, len, &i);
		k++;
	}
	return k;
}

int match_max_distance(size_t n)
{
	if (n <= 3)
		return 0;
	if (n <= 6)
		return 1;
	if (n <= 11)
		return 2;
	if (n <= 20)
		return 3;
	return (int)(n / 6); /* long titles: about one edit in six letters */
}

static int distance(const char *a, const char *b, int max, int prefix);

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;
	return m < c ? m : c;
}

int match_distance(const char *a, const char *b, int max)
{
	return distance(a, b, max, 0);
}

int match_prefix_distance(const char *a, const char *b, int max)
{
	return distance(a, b, max, 1);
}

/* Damerau-Levenshtein (optimal string alignment) of a against b, or (prefix) against
 * the closest prefix of b: the minimum of the last row. */
static int distance(const char *a, const char *b, int max, int prefix)
{
	int32_t *x = NULL, *y = NULL;
	int *row0 = NULL, *row1 = NULL, *row2 = NULL;
	size_t n = 0, m = 0, i, j;
	int rc = -1;

	x = decode(a, &n);
	y = decode(b, &m);
	if (!x || !y)
		goto cleanup;
	if ((n > m ? n - m : prefix ? 0 : m - n) > (size_t)max) {
		rc = max + 1;
		goto cleanup;
	}
	row0 = malloc((m + 1) * sizeof *row0); /* i - 2 */
	row1 = malloc((m + 1) * sizeof *row1); /* i - 1 */
	row2 = malloc((m + 1) * sizeof *row2); /* i */
	if (!row0 || !row1 || !row2)
		goto cleanup;
	for (j = 0; j <= m; j++)
		row1[j] = (int)j;
	for (i = 1; i <= n; i++) {
		int best;
		int *t;
		row2[0] = (int)i;
		best = row2[0];
		for (j = 1; j <= m; j++) {
			int cost = x[i - 1] == y[j - 1] ? 0 : 1;
			int d = min3(row1[j] + 1, row2[j - 1] + 1, row1[j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
			    row0[j - 2] + 1 < d)
				d = row0[j - 2] + 1;
			row2[j] = d;
			if (d < best)
				best = d;
		}
		if (best > max) {
			rc = max + 1;
			goto cleanup;
		}
		t = row0;
		row0 = row1;
		row1 = row2;
		row2 = t;
	}
	rc = row1[m];
	if (prefix)
		for (j = 0; j < m; j++)
			if (row1[j] < rc)
				rc = row1[j];
	if (rc > max)
		rc = max + 1;
cleanup:
	free(x);
	free(y);
	free(row0);
	free(row1);
	free(row2);
	return rc;
}

static int is_star(int32_t cp)
{
	return cp == '*' || cp == 0xFF0A;
}

static int is_qmark(int32_t cp)
{
	return cp == '?' || cp == 0xFF1F;
}

int match_glob(const char *pattern, const char *text)
{
	int32_t *p = NULL, *t = NULL;
	size_t pn = 0, tn = 0, pi = 0, ti = 0, star = (size_t)-1, mark = 0;
	int rc = 0;

	p = decode(pattern, &pn);
	t = decode(text, &tn);
	if (!p || !t)
		goto cleanup;
	while (ti < tn) {
		if (pi < pn && (is_qmark(p[pi]) || p[pi] == t[ti])) {
			pi++;
			ti++;
		} else if (pi < pn && is_star(p[pi])) {
			star = pi++;
			mark = ti;
		} else if (star != (size_t)-1) {
			pi = star + 1;
			ti = ++mark;
		} else {
			goto cleanup;
		}
	}
	while (pi < pn && is_star(p[pi]))
		pi++;
	rc = pi == pn;
cleanup:
	free(p);
	free(t);
	return rc;
}

int match_has_wildcard(const char *s)
{
	return strchr(s, '*') || strchr(s, '?') || strstr(s, "\xef\xbc\x8a") ||
	       strstr(s, "\xef\xbc\x9f");
}

unsigned match_scripts(const char *s)
{
	size_t len = strlen(s), i = 0;
	unsigned bits = 0;
	while (i < len) {
		int32_t cp = text_next_cp(s, len, &i);
		if (cp < 0)
			continue;
		if (cp < 0x80) {
			if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
				bits |= MATCH_LATIN;
		} else if (text_is_hiragana(cp) || text_is_katakana(cp) ||
		           (cp >= 0xFF66 && cp <= 0xFF9F)) {
			bits |= MATCH_KANA;
		} else if (text_is_kanji(cp)) {
			bits |= MATCH_KANJI;
		} else if (text_is_latin(cp) || (cp >= 0xFF10 && cp <= 0xFF5A)) {
			bits |= MATCH_LATIN;
		} else if (!(cp >= 0x2000 && cp <= 0x206F) && !(cp >= 0x3000 && cp <= 0x303F) &&
		           !(cp >= 0xFF01 && cp <= 0xFF0F)) {
			bits |= MATCH_OTHER;
		}
	}
	return bits;
}
