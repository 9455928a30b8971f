/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c: the ICU wrapper. Every Unicode operation of yakugo goes through here; no other
 * file includes an ICU header. Strings cross the boundary as UTF-8. */
#include "config.h"

#include "text.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

static UTransliterator *kata_to_hira;
static UTransliterator *hira_to_kata;

static void report(const char *function, UErrorCode status)
{
	fprintf(stderr, _("yakugo: ICU %s failed: %s\n"), function, u_errorName(status));
}

int text_utf8_check(const char *s, size_t len, size_t *bad_offset)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* the common case of Japanese text, without ICU: three-byte sequences whose
		 * lead byte allows any continuation (E1..EC, EE, EF: no overlong form, no
		 * surrogate), tested a word at a time */
		while (i + 3 <= len) {
			uint32_t w = (uint32_t)(unsigned char)s[i] | ((uint32_t)(unsigned char)s[i + 1] << 8)
			    | ((uint32_t)(unsigned char)s[i + 2] << 16);
			if ((w & 0xC0C0F0u) != 0x8080E0u || (w & 0xFFu) == 0xE0u || (w & 0xFFu) == 0xEDu)
				break;
			i += 3;
		}
		/* anything else (or a sequence cut by the end): ICU decides */
		if (i >= len || (unsigned char)s[i] < 0x80)
			continue;
		size_t start = i;
		int32_t cp;
		U8_NEXT(s, i, (int64_t)len, cp);
		if (cp < 0) {
			if (bad_offset)
				*bad_offset = start;
			return -1;
		}
	}
	return 0;
}

int32_t text_next_cp(const char *s, size_t len, size_t *i)
{
	int32_t cp;
	size_t j = *i;
	U8_NEXT(s, j, (int64_t)len, cp);
	*i = j;
	return cp;
}

size_t text_put_cp(char *buf, int32_t cp)
{
	size_t n = 0;
	UBool err = 0;
	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	U8_APPEND((uint8_t *)buf, n, 4, cp, err);
	return err ? 0 : n;
}

/* UTF-8 -> newly malloc'd UTF-16; *out_len gets its length. NULL on error. */
static UChar *to_utf16(const char *s, size_t len, int32_t *out_len, const char **fail)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = 0;
	UChar *u;
	if (len == (size_t)-1)
		len = strlen(s);
	if (len > INT32_MAX / 2) {
		*fail = "u_strFromUTF8";
		return NULL;
	}
	u_strFromUTF8(NULL, 0, &n, s, (int32_t)len, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
		report("u_strFromUTF8", status);
		*fail = "";
		return NULL;
	}
	u = malloc(((size_t)n + 1) * sizeof *u);
	if (!u)
		return NULL;
	status = U_ZERO_ERROR;
	u_strFromUTF8(u, n + 1, NULL, s, (int32_t)len, &status);
	if (U_FAILURE(status)) {
		report("u_strFromUTF8", status);
		free(u);
		*fail = "";
		return NULL;
	}
	*out_len = n;
	return u;
}

/* UTF-16 -> newly malloc'd UTF-8. NULL on error. */
static char *to_utf8(const UChar *u, int32_t n)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t m = 0;
	char *s;
	u_strToUTF8(NULL, 0, &m, u, n, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
		report("u_strToUTF8", status);
		return NULL;
	}
	s = malloc((size_t)m + 1);
	if (!s)
		return NULL;
	status = U_ZERO_ERROR;
	u_strToUTF8(s, m + 1, NULL, u, n, &status);
	if (U_FAILURE(status)) {
		report("u_strToUTF8", status);
		free(s);
		return NULL;
	}
	s[m] = '\0';
	return s;
}

char *text_nfkc(const char *s, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
	const char *fail = NULL;
	UChar *src = NULL, *dst = NULL;
	int32_t n = 0, m;
	char *out = NULL;

	if (U_FAILURE(status)) {
		report("unorm2_getNFKCInstance", status);
		return NULL;
	}
	src = to_utf16(s, len, &n, &fail);
	if (!src)
		goto cleanup;
	m = unorm2_normalize(nfkc, src, n, NULL, 0, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
		report("unorm2_normalize", status);
		goto cleanup;
	}
	dst = malloc(((size_t)m + 1) * sizeof *dst);
	if (!dst)
		goto cleanup;
	status = U_ZERO_ERROR;
	m = unorm2_normalize(nfkc, src, n, dst, m + 1, &status);
	if (U_FAILURE(status)) {
		report("unorm2_normalize", status);
		goto cleanup;
	}
	out = to_utf8(dst, m);
cleanup:
	free(src);
	free(dst);
	return out;
}

/* Runs a cached transliterator over s. */
static char *transliterate(UTransliterator **cache, const char *id, const char *s, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	const char *fail = NULL;
	UChar uid[64];
	UChar *buf = NULL;
	int32_t n = 0, limit, cap;
	char *out = NULL;

	if (!*cache) {
		u_uastrcpy(uid, id);
		*cache = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
		if (U_FAILURE(status)) {
			report("utrans_openU", status);
			*cache = NULL;
			return NULL;
		}
	}
	buf = to_utf16(s, len, &n, &fail);
	if (!buf)
		return NULL;
	/* Kana<->kana never changes the length in UTF-16 units; leave headroom anyway. */
	cap = n * 2 + 16;
	{
		UChar *bigger = realloc(buf, (size_t)cap * sizeof *buf);
		if (!bigger)
			goto cleanup;
		buf = bigger;
	}
	limit = n;
	utrans_transUChars(*cache, buf, &n, cap, 0, &limit, &status);
	if (U_FAILURE(status)) {
		report("utrans_transUChars", status);
		goto cleanup;
	}
	out = to_utf8(buf, n);
cleanup:
	free(buf);
	return out;
}

char *text_to_hiragana(const char *s, size_t len)
{
	return transliterate(&kata_to_hira, "[[:Katakana:]-[ー]] Katakana-Hiragana", s, len);
}

char *text_to_katakana(const char *s, size_t len)
{
	return transliterate(&hira_to_kata, "Hiragana-Katakana", s, len);
}

typedef int32_t casemap_fn(const UCaseMap *, char *, int32_t, const char *, int32_t, UErrorCode *);

static char *casemap(casemap_fn *fn, const char *name, const char *s, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	UCaseMap *map;
	int32_t n;
	char *out = NULL;

	if (len == (size_t)-1)
		len = strlen(s);
	if (len > INT32_MAX / 4)
		return NULL;
	map = ucasemap_open("", U_FOLD_CASE_DEFAULT, &status);
	if (U_FAILURE(status)) {
		report("ucasemap_open", status);
		return NULL;
	}
	n = fn(map, NULL, 0, s, (int32_t)len, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
		report(name, status);
		goto cleanup;
	}
	out = malloc((size_t)n + 1);
	if (!out)
		goto cleanup;
	status = U_ZERO_ERROR;
	fn(map, out, n + 1, s, (int32_t)len, &status);
	if (U_FAILURE(status)) {
		report(name, status);
		free(out);
		out = NULL;
		goto cleanup;
	}
	out[n] = '\0';
cleanup:
	ucasemap_close(map);
	return out;
}

char *text_casefold(const char *s, size_t len)
{
	return casemap(ucasemap_utf8FoldCase, "ucasemap_utf8FoldCase", s, len);
}

char *text_upper(const char *s, size_t len)
{
	return casemap(ucasemap_utf8ToUpper, "ucasemap_utf8ToUpper", s, len);
}

char *text_strip_marks(const char *s, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
	size_t i = 0, o = 0;
	char *out;

	if (U_FAILURE(status)) {
		report("unorm2_getNFDInstance", status);
		return NULL;
	}
	if (len == (size_t)-1)
		len = strlen(s);
	out = malloc(len + 1); /* stripping never makes Latin text longer */
	if (!out)
		return NULL;
	while (i < len) {
		size_t start = i;
		int32_t cp = text_next_cp(s, len, &i);
		UChar dec[8];
		int32_t n, k;
		if (cp < 0 || cp < 0x80 || !text_is_latin(cp)) {
			memcpy(out + o, s + start, i - start);
			o += i - start;
			continue;
		}
		status = U_ZERO_ERROR;
		n = unorm2_getDecomposition(nfd, cp, dec, 8, &status);
		if (n <= 0 || U_FAILURE(status)) {
			memcpy(out + o, s + start, i - start);
			o += i - start;
			continue;
		}
		for (k = 0; k < n;) {
			UChar32 c;
			U16_NEXT(dec, k, n, c);
			if (u_charType(c) == U_NON_SPACING_MARK)
				continue;
			o += text_put_cp(out + o, c);
		}
	}
	out[o] = '\0';
	return out;
}

char *text_from_charset(const char *charset, const char *s, size_t len, int lenient)
{
	UErrorCode status = U_ZERO_ERROR;
	UConverter *conv = ucnv_open(charset, &status);
	UChar *u = NULL;
	int32_t n;
	char *out = NULL;

	if (U_FAILURE(status)) {
		report("ucnv_open", status);
		return NULL;
	}
	if (!lenient) {
		ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
		if (U_FAILURE(status)) {
			report("ucnv_setToUCallBack", status);
			goto cleanup;
		}
	}
	if (len > INT32_MAX / 2)
		goto cleanup;
	u = malloc((len * 2 + 1) * sizeof *u);
	if (!u)
		goto cleanup;
	n = ucnv_toUChars(conv, u, (int32_t)(len * 2 + 1), s, (int32_t)len, &status);
	if (U_FAILURE(status))
		goto cleanup; /* an unconvertible sequence: the caller reports where */
	out = to_utf8(u, n);
cleanup:
	free(u);
	ucnv_close(conv);
	return out;
}

int text_width(const char *s, size_t len)
{
	size_t i = 0;
	int w = 0;
	if (len == (size_t)-1)
		len = strlen(s);
	while (i < len) {
		int32_t cp = text_next_cp(s, len, &i);
		int type, eaw;
		if (cp < 0) {
			w++;
			continue;
		}
		type = u_charType(cp);
		if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR)
			continue;
		eaw = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
		w += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
	}
	return w;
}

int text_is_hiragana(int32_t cp)
{
	return cp >= 0x3041 && cp <= 0x309F;
}

int text_is_katakana(int32_t cp)
{
	return (cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF);
}

int text_is_kanji(int32_t cp)
{
	UErrorCode status = U_ZERO_ERROR;
	if (cp == 0x3005 || cp == 0x3006) /* 々 〆 */
		return 1;
	if (cp < 0x2E80)
		return 0;
	return uscript_getScript(cp, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

int text_is_latin(int32_t cp)
{
	UErrorCode status = U_ZERO_ERROR;
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	return uscript_getScript(cp, &status) == USCRIPT_LATIN && U_SUCCESS(status);
}

int text_is_alnum(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	return u_isalnum(cp) != 0;
}

int text_is_japanese(int32_t cp)
{
	return text_is_hiragana(cp) || text_is_katakana(cp) || text_is_kanji(cp);
}

int text_is_word_char(int32_t cp)
{
	int8_t t;
	if (cp < 0x80)
		return text_is_alnum(cp) || cp == '_';
	t = u_charType(cp);
	return u_isalnum(cp) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK
	       || t == U_ENCLOSING_MARK || t == U_CONNECTOR_PUNCTUATION;
}

int text_is_upper(int32_t cp)
{
	return u_isUUppercase(cp) || u_istitle(cp);
}

int text_is_lower(int32_t cp)
{
	return u_isULowercase(cp) != 0;
}

int32_t text_fold_cp(int32_t cp)
{
	return u_foldCase(cp, U_FOLD_CASE_DEFAULT);
}

int text_word_breaks(const char *s, size_t len, unsigned char *is_break)
{
	UErrorCode status = U_ZERO_ERROR;
	UText *ut = NULL;
	UBreakIterator *bi = NULL;
	int32_t b;
	int rc = -1;
	memset(is_break, 0, len + 1);
	if (len > INT32_MAX) {
		fprintf(stderr, _("yakugo: text too long for ICU (%zu bytes)\n"), len);
		return -1;
	}
	ut = utext_openUTF8(NULL, s, (int64_t)len, &status);
	if (U_FAILURE(status)) {
		report("utext_openUTF8", status);
		goto done;
	}
	status = U_ZERO_ERROR;
	/* the root locale's word rules with ICU's CJ dictionary for kanji and kana runs */
	bi = ubrk_open(UBRK_WORD, "ja", NULL, 0, &status);
	if (U_FAILURE(status)) {
		report("ubrk_open", status);
		goto done;
	}
	status = U_ZERO_ERROR;
	ubrk_setUText(bi, ut, &status);
	if (U_FAILURE(status)) {
		report("ubrk_setUText", status);
		goto done;
	}
	/* with a UTF-8 UText the iterator's indexes are byte offsets */
	for (b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
		if (b >= 0 && (size_t)b <= len)
			is_break[b] = 1;
	rc = 0;
done:
	if (bi)
		ubrk_close(bi);
	if (ut)
		utext_close(ut);
	return rc;
}

void text_cleanup(void)
{
	if (kata_to_hira)
		utrans_close(kata_to_hira);
	if (hira_to_kata)
		utrans_close(hira_to_kata);
	kata_to_hira = hira_to_kata = NULL;
}
