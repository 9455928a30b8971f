/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romanize.c: the romanizer's API (romanize.h), its state, and its lines: a line is cut
 * into pieces at control characters (copied through) and, when long, at punctuation or
 * spaces; each piece is NFKC-folded when it needs it, read by the stages (romanize-terms.c,
 * romanize-units.c, romanize-names.c, romanize-out.c) and written. --literal too.
 * The rules are described in doc/romanization.md. */
#include "config.h"

#include "i18n.h"
#include "romanize-int.h"

#include <errno.h>

int romanize_style_parse(const char *name, romanize_style *out)
{
	static const char *names[] = { "alalc", "spaced", "title", "slug" };
	size_t i;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (romanize_style)i;
			return 0;
		}
	return -1;
}

romanizer *romanize_new(morph *m, const romanize_options *o)
{
	romanizer *r = calloc(1, sizeof *r);
	romanize_org_heads_init();
	if (!r)
		return NULL;
	r->m = m;
	if (o)
		r->o = *o;
	r->warned.max = ROMANIZE_MAX_WARNED;
	return r;
}

void romanize_free(romanizer *r)
{
	size_t i;
	if (!r)
		return;
	for (i = 0; i < r->n_terms; i++) {
		free(r->terms[i].key);
		free(r->terms[i].kana);
		free(r->terms[i].romaji);
	}
	free(r->terms);
	for (i = 0; i < ROMANIZE_BUCKETS; i++)
		free(r->buckets[i].idx);
	str_set_free(&r->warned);
	free(r->matches);
	free(r->units);
	free(r->out.s);
	free(r->wk.s);
	free(r->tmp.s);
	free(r->arena.s);
	free(r->error);
	free(r);
}

void romanize_set_unknown(romanizer *r, romanize_unknown_fn *fn, void *arg)
{
	r->unk = fn;
	r->unk_arg = arg;
}

/* Reports word once (bounded: after ROMANIZE_MAX_WARNED words, a new word is reported
 * every time it is seen). */
void romanize_report_unknown(romanizer *r, const char *w, size_t n)
{
	if (!r->unk)
		return;
	if (str_set_add(&r->warned, w, n) == 0)
		return; /* reported before */
	r->unk(w, n, r->unk_arg);
}

int romanize_is_kana_only(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int32_t cp = next_cp(s, n, &i);
		if (!text_is_hiragana(cp) && !text_is_katakana(cp))
			return 0;
	}
	return n > 0;
}

int romanize_is_katakana_only(const char *s, size_t n)
{
	size_t i = 0;
	/* katakana are E3 82 A0 .. E3 83 BF and E3 87 B0 ..: a quick look at the first */
	if (n < 3 || (unsigned char)s[0] != 0xE3
	    || !(((unsigned char)s[1] == 0x82 && (unsigned char)s[2] >= 0xA0)
	         || (unsigned char)s[1] == 0x83
	         || ((unsigned char)s[1] == 0x87 && (unsigned char)s[2] >= 0xB0)))
		return 0;
	while (i < n) {
		int32_t cp = next_cp(s, n, &i);
		if (!text_is_katakana(cp))
			return 0;
	}
	return n > 0;
}

/* ---- lines ------------------------------------------------------------------------ */

/* Whether s needs NFKC: anything but ASCII, kana, CJK unified ideographs and the
 * common Japanese punctuation is handed to ICU. */
static int needs_nfkc(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned char c = u[i];
		int32_t cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		/* s is valid UTF-8: kana first (E3 81..83 xx: U+3040..U+30FF), byte-wise,
		 * since this runs on every byte of --literal input */
		if (c == 0xE3 && i + 2 < n && (unsigned)(u[i + 1] - 0x81) < 3) {
			/* one bit per third byte: U+3041..U+3096, U+30A1..U+30FC */
			static const uint64_t kana_ok[3] = {
				0xFFFFFFFFFFFFFFFEu,                             /* E3 81 81..BF */
				((UINT64_C(1) << 23) - 1) | (~UINT64_C(0) << 33), /* E3 82 80..96, A1..BF */
				(UINT64_C(1) << 61) - 1                          /* E3 83 80..BC */
			};
			if ((kana_ok[u[i + 1] - 0x81] >> (u[i + 2] & 63)) & 1) {
				i += 3;
				continue;
			}
			return 1;
		}
		/* other three-byte sequences decoded inline; anything else goes to ICU */
		if ((c & 0xF0) != 0xE0 || i + 2 >= n)
			return 1;
		cp = ((int32_t)(c & 0x0F) << 12) | ((int32_t)(u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
		i += 3;
		if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA)
		    || cp == 0x30FC || (cp >= 0x4E00 && cp <= 0x9FFF)
		    || (cp >= 0x3001 && cp <= 0x3002) || (cp >= 0x300C && cp <= 0x300F)
		    || cp == 0x30FB)
			continue;
		return 1;
	}
	return 0;
}

static int is_break_cp(int32_t cp)
{
	return cp == ' ' || cp == 0x3002 || cp == 0x3001 || cp == 0xFF01 || cp == 0xFF1F
	       || cp == '.' || cp == ',' || cp == '!' || cp == '?' || cp == '\t' || cp == 0x3000;
}

static int is_combining(int32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x3099 || cp == 0x309A
	       || cp == 0xFF9E || cp == 0xFF9F || (cp >= 0xFE00 && cp <= 0xFE0F);
}

/* Where to cut s[0..n) (n > ROMANIZE_PIECE): after the last break character in the
 * piece, else at the last character boundary not followed by a combining mark. */
static size_t piece_end(const char *s, size_t n)
{
	size_t lim = ROMANIZE_PIECE, i = 0, last_break = 0, last_ok = 0;
	while (i < n && i < lim) {
		int32_t cp = next_cp(s, n, &i);
		if (is_break_cp(cp))
			last_break = i;
		if (i < n) {
			size_t j = i;
			int32_t nx = next_cp(s, n, &j);
			if (!is_combining(nx))
				last_ok = i;
		}
	}
	if (last_break)
		return last_break;
	return last_ok ? last_ok : i;
}

static int romanize_flush(romanizer *r, FILE *out)
{
	char *conv = NULL;
	const char *p = r->out.s;
	size_t n = r->out.n;
	int rc = 0;
	if (!n)
		return 0;
	if (r->o.style == ROMANIZE_SLUG) {
		/* into r->tmp, not in place: a hyphen owed by the previous flush makes the
		 * slug one byte longer than its letters */
		size_t i, cn;
		conv = text_strip_marks(r->out.s, r->out.n);
		if (!conv)
			return -1;
		cn = strlen(conv);
		r->tmp.n = 0;
		if (str_buf_reserve(&r->tmp, 2 * cn + 1) != 0) {
			free(conv);
			return -1;
		}
		for (i = 0; i < cn; i++) {
			char c = conv[i];
			if (c >= 'A' && c <= 'Z')
				c += 32;
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (r->slug_hyphen && r->slug_started)
					r->tmp.s[r->tmp.n++] = '-';
				r->tmp.s[r->tmp.n++] = c;
				r->slug_hyphen = 0;
				r->slug_started = 1;
			} else if (c != '\'')
				r->slug_hyphen = 1;
		}
		r->tmp.s[r->tmp.n] = '\0';
		p = r->tmp.s;
		n = r->tmp.n;
	} else if (r->o.sys == ROMAJI_PASSPORT) {
		conv = text_upper(r->out.s, r->out.n);
		if (!conv)
			return -1;
		p = conv;
		n = strlen(conv);
	}
	if (n && fwrite(p, 1, n, out) != n)
		rc = -1;
	free(conv);
	r->out.n = 0;
	return rc;
}

/* Finds the first control character (C0 with NUL and tab, DEL, C1) in s[pos..len):
 * sets *at to where it starts (len if none) and returns its length (0 if none). */
static size_t control_len(const char *s, size_t pos, size_t len, size_t *at)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;
	for (i = pos; i < len; i++) {
		if (u[i] < 0x20 || u[i] == 0x7F) {
			*at = i;
			return 1;
		}
		if (u[i] == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F) {
			*at = i;
			return 2;
		}
	}
	*at = len;
	return 0;
}

/* Romanizes s[0..n) (no control character in it) piece by piece, flushing each to out.
 * Returns 0, -1 when a stage failed (r->error may say why), -2 on a write error. */
static int write_segment(romanizer *r, const char *s, size_t n, FILE *out)
{
	while (n > 0) {
		size_t k = n > ROMANIZE_PIECE ? piece_end(s, n) : n, pn = k;
		char *norm = NULL;
		const char *p = s;
		int rc;
		if (needs_nfkc(p, pn)) {
			norm = text_nfkc(p, pn);
			if (!norm)
				return -1;
			p = norm;
			pn = strlen(norm);
		}
		rc = romanize_piece(r, p, pn);
		free(norm);
		if (rc != 0)
			return -1;
		if (romanize_flush(r, out) != 0)
			return -2;
		s += k;
		n -= k;
	}
	return 0;
}

/* The state of a new line. */
static void line_start(romanizer *r)
{
	r->line_empty = 1;
	r->sentence_start = 1;
	r->pending = 0;
	r->pk = P_START;
	r->pcls = MORPH_OTHER;
	r->pflags = 0;
	r->p_te = 0;
	r->p_single = 0;
	r->p_proper = 0;
	r->slug_hyphen = 0;
	r->slug_started = 0;
	r->out.n = 0;
	r->wk.n = 0;
}

int romanize_write(romanizer *r, const char *s, size_t len, FILE *out, char **error)
{
	size_t pos = 0, seg_end;
	int rc;

	*error = NULL;
	line_start(r);
	while (pos < len) {
		size_t ctl = control_len(s, pos, len, &seg_end);
		if ((rc = write_segment(r, s + pos, seg_end - pos, out)) == -1)
			goto fail;
		if (rc == -2)
			goto io;
		pos = seg_end;
		if (ctl) {
			/* a control character (NUL, tab, ...) is copied through as it is and
			 * separates words; MeCab never sees it */
			if (romanize_flush(r, out) != 0 || fwrite(s + pos, 1, ctl, out) != ctl)
				goto io;
			r->pk = P_OPEN;
			r->slug_hyphen = 0; /* a slug does not run on across it */
			r->slug_started = 0;
			pos += ctl;
		}
	}
	return 0;
io:
	*error = strdup(strerror(errno ? errno : EIO));
	return -1;
fail:
	if (r->error) {
		*error = r->error;
		r->error = NULL;
	} else
		*error = strdup(_("cannot romanize (out of memory, or an ICU failure reported above)"));
	return -1;
}

int romanize_literal_buf(const char *s, size_t len, romaji_system sys, romaji_long lng,
                         char **buf, size_t *cap, size_t *out_len)
{
	char *norm;
	int plain, rc;
	if (memchr(s, ROMAJI_MORPHEME_CHAR, len))
		return 1; /* romaji.h would read it as a morpheme boundary, not copy it */
	/* kana-only text is converted once; anything else is checked for NFKC after */
	if (romaji_from_kana_buf(s, len, sys, lng, buf, cap, out_len, &plain) != 0)
		return -1;
	if (plain || !needs_nfkc(s, len))
		return 0;
	if (memchr(s, '\0', len))
		return 1; /* ICU's NFKC output would end at the NUL */
	norm = text_nfkc(s, len);
	if (!norm)
		return -1;
	rc = romaji_from_kana_buf(norm, strlen(norm), sys, lng, buf, cap, out_len, NULL);
	free(norm);
	return rc;
}

char *romanize_string(romanizer *r, const char *s, size_t len, char **error)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&buf, &n);
	*error = NULL;
	if (!fp) {
		*error = strdup(strerror(errno));
		return NULL;
	}
	if (romanize_write(r, s, len, fp, error) != 0) {
		fclose(fp);
		free(buf);
		return NULL;
	}
	if (fclose(fp) != 0) {
		free(buf);
		*error = strdup(strerror(errno));
		return NULL;
	}
	return buf;
}
