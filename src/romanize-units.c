/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romanize-units.c: MeCab's tokens to the romanizer's units: glossary terms, kanji numerals
 * read whole with their counters' sound changes, dates, token exceptions
 * (dict/romanize.tsv [exception]) and the cases listed in romanize_units, then the
 * names stage (romanize-names.c) (doc/romanization.md, "Numbers, counters and dates"). */
#include "config.h"

#include "romanize-int.h"

/* ---- kanji numerals and counters ------------------------------------------------ */

/* MeCab reads a kanji numeral one character at a time (三 サン, 百 ヒャク) and a counter
 * in its dictionary form (本 ホン), so the sound changes are done here: 三百 sanbyaku,
 * 六百 roppyaku, 八千 hassen, 一か月 ikkagetsu, 三階 sangai, 一本 ippon, 三本 sanbon,
 * 一人 hitori, 二十歳 hatachi, 十月一日 jūgatsu tsuitachi. The readings are katakana. */

/* What the spoken number ends with, which decides the counter's sound change. */
enum num_end { NE_NONE = 0, NE_D1, NE_D2, NE_D3, NE_D4, NE_D5, NE_D6, NE_D7, NE_D8, NE_D9,
               NE_ZERO, NE_TEN, NE_HUNDRED, NE_THOUSAND, NE_BIG, NE_NAN };

static const struct romanize_counter *counter_find(const morph_token *t)
{
	const struct romanize_counter *c;
	for (c = romanize_counters; c->surface; c++)
		if (surface_is(t, c->surface))
			return c;
	return NULL;
}

/* The counter's reading after a number ending in e (NULL: its own reading). */
static const char *counter_reading(const struct romanize_counter *c, enum num_end e)
{
	if (!c)
		return NULL;
	switch (e) {
	case NE_D1: case NE_D8: case NE_TEN:
		return c->after_tsu;
	case NE_D6: case NE_HUNDRED:
		return c->tsu_after_6 ? c->after_tsu : c->reading;
	case NE_D3: case NE_NAN: case NE_THOUSAND: case NE_BIG:
		return c->after_n;
	case NE_D4:
		return c->after_4;
	default:
		return c->reading;
	}
}

/* Whether the number's last sound becomes っ before counter c. */
static int counter_geminates(const struct romanize_counter *c, enum num_end e)
{
	if (!c)
		return 0;
	return e == NE_D1 || e == NE_D8 || e == NE_TEN || ((e == NE_D6 || e == NE_HUNDRED) && c->tsu_after_6);
}

/* The value of a kanji digit (0-9), of 十 百 千 (10 100 1000), 万 億 兆 (-10 -11 -12),
 * 何 (-1), 数 (-2); -99 for anything else. */
static int kanji_num(int32_t cp)
{
	static const int32_t digits[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
	                                  0x4E03, 0x516B, 0x4E5D }; /* 〇一二三四五六七八九 */
	int k;
	for (k = 0; k < 10; k++)
		if (cp == digits[k])
			return k;
	switch (cp) {
	case 0x96F6: return 0;    /* 零 */
	case 0x5341: return 10;   /* 十 */
	case 0x767E: return 100;  /* 百 */
	case 0x5343: return 1000; /* 千 */
	case 0x4E07: return -10;  /* 万 */
	case 0x5104: return -11;  /* 億 */
	case 0x5146: return -12;  /* 兆 */
	case 0x4F55: return -1;   /* 何 */
	case 0x6570: return -2;   /* 数 */
	}
	return -99;
}

/* How the last digit d of a number sounds before counter t (4 よ in 四人 四時 四年 四円,
 * し in 四月; 7 しち in 七月 七時 七人; 9 く in 九月 九時). */
static const char *last_digit(int d, const morph_token *t)
{
	static const char *ones[] = { "ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ",
	                              "ハチ", "キュウ" };
	int month = t && (surface_is(t, "月") || surface_is(t, "月目"));
	int hour = t && (surface_is(t, "時") || surface_is(t, "時間") || surface_is(t, "時半"));
	if (!t)
		return ones[d];
	if (d == 4 && month)
		return "シ";
	if (d == 4 && (hour || surface_is(t, "人") || surface_is(t, "年") || surface_is(t, "円")
	               || surface_is(t, "年間") || surface_is(t, "年度")))
		return "ヨ";
	if (d == 7 && (month || hour || surface_is(t, "人")))
		return "シチ";
	if (d == 9 && (month || hour))
		return "ク";
	return ones[d];
}

/* Reads the kanji numeral s[0..n) (counter t after it, or NULL) into r->arena in
 * katakana, with the sound changes inside it (三百 サンビャク, 六百 ロッピャク, 八千
 * ハッセン, 一兆 イッチョウ) and before the counter (一回 イッ|カイ). *end tells what it
 * ends with, *value is its value (-1 with 何 or 数). Returns 0, or -1 when it is not a
 * numeral this reads (digits one by one: 二〇二四; too long; no room), leaving r->arena. */
static int read_kanji_number(romanizer *r, const char *s, size_t n, const morph_token *t,
                             enum num_end *end, long *value)
{
	static const char *ones[] = { "ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ",
	                              "ハチ", "キュウ" };
	int el[48];
	size_t m = 0, i = 0, k, at = r->arena.n;
	int pending = -99, last_big = 0;
	long total = 0, group = 0;
	int nan = 0;
	enum num_end e = NE_NONE;
	const struct romanize_counter *c = t ? counter_find(t) : NULL;
	char buf[256];
	size_t bn = 0;

	/* elements: digits 0-9 (said), 10 100 1000, -10 -11 -12, -1 何, -2 数 */
	while (i < n) {
		int v = kanji_num(next_cp(s, n, &i));
		if (v == -99 || m + 2 > sizeof el / sizeof el[0])
			return -1;
		if ((v >= 0 && v <= 9) || v == -1 || v == -2) {
			if (pending != -99)
				return -1; /* 二〇二四 */
			pending = v;
			continue;
		}
		if (v >= 10) {
			long d = pending >= 0 ? pending : 1;
			if (pending == -99 || pending == 1)
				; /* 十, 百, 千 alone */
			else
				el[m++] = pending;
			if (pending < 0 && pending != -99)
				nan = 1;
			group += d * v;
			el[m++] = v;
		} else {
			if (pending != -99)
				el[m++] = pending, group += pending >= 0 ? pending : 1, nan |= pending < 0;
			if (!group)
				group = 1;
			if (v == -10)
				total += group * 10000;
			else if (v == -11)
				total += group * 100000000;
			else
				last_big = 1;
			group = 0;
			el[m++] = v;
		}
		pending = -99;
	}
	if (pending != -99) {
		el[m++] = pending;
		group += pending >= 0 ? pending : 1;
		nan |= pending < 0;
	}
	if (!m)
		return -1;
	for (k = 0; k < m; k++) {
		int v = el[k], nx = k + 1 < m ? el[k + 1] : 0, pv = k ? el[k - 1] : 99;
		int lastel = k + 1 == m;
		const char *w;
		switch (v) {
		case 10:
			w = (nx == -12 || (lastel && counter_geminates(c, NE_TEN))) ? "ジュッ" : "ジュウ";
			e = NE_TEN;
			break;
		case 100:
			if (pv == 3 || pv == -1)
				w = lastel && counter_geminates(c, NE_HUNDRED) ? "ビャッ" : "ビャク";
			else if (pv == 6 || pv == 8)
				w = lastel && counter_geminates(c, NE_HUNDRED) ? "ピャッ" : "ピャク";
			else
				w = lastel && counter_geminates(c, NE_HUNDRED) ? "ヒャッ" : "ヒャク";
			e = NE_HUNDRED;
			break;
		case 1000:
			w = (pv == 3 || pv == -1) ? "ゼン" : "セン";
			e = NE_THOUSAND;
			break;
		case -10: w = "マン"; e = NE_BIG; break;
		case -11: w = "オク"; e = NE_BIG; break;
		case -12: w = "チョウ"; e = NE_BIG; break;
		case -1: w = "ナン"; e = NE_NAN; break;
		case -2: w = "スウ"; e = NE_NAN; break;
		default:
			if (nx == 100 && (v == 6 || v == 8))
				w = v == 6 ? "ロッ" : "ハッ";
			else if (nx == 1000 && v == 8)
				w = "ハッ";
			else if (nx == -12 && (v == 1 || v == 8))
				w = v == 1 ? "イッ" : "ハッ";
			else if (lastel) {
				e = v == 0 ? NE_ZERO : (enum num_end)(NE_D1 + v - 1);
				if (counter_geminates(c, e) && (v == 1 || v == 6 || v == 8))
					w = v == 1 ? "イッ" : v == 6 ? "ロッ" : "ハッ";
				else
					w = last_digit(v, t);
			} else
				w = ones[v];
			break;
		}
		if (bn + strlen(w) >= sizeof buf)
			return -1;
		memcpy(buf + bn, w, strlen(w));
		bn += strlen(w);
	}
	if (r->arena.n + bn + 1 > r->arena.cap)
		return -1;
	memcpy(r->arena.s + at, buf, bn);
	r->arena.n = at + bn;
	*end = e;
	*value = nan || last_big ? -1 : total + group;
	return 0;
}

/* The day of the month v read as a word ([day]; after_digits: only one used after
 * Arabic digits), or NULL. */
static const struct romanize_day *day_find(long v, int after_digits)
{
	const struct romanize_day *d;
	for (d = romanize_days; d->day; d++)
		if (d->day == v && (!after_digits || d->after_digits))
			return d;
	return NULL;
}

/* Date and counter readings after Arabic numerals: 1日 tsuitachi ... 24日 24-ka,
 * 10月 10-gatsu, 1人 hitori, 2人 futari. Writes into r->tmp the romaji (hepburn
 * letters are identical in every system for these) or returns 0 when none applies. */
int romanize_digits_special(romanizer *r, const char *d, size_t dn, const morph_token *t,
                          int day_date)
{
	long v = 0;
	size_t i;
	if (dn > 4)
		return 0;
	for (i = 0; i < dn; i++)
		v = v * 10 + (d[i] - '0');
	r->tmp.n = 0;
	if (surface_is(t, "日") || surface_is(t, "日間")) {
		int span = t->surface_len > strlen("日"); /* 3日間 mikkakan */
		const struct romanize_day *day = NULL;
		const char *w = NULL;
		if (v == 1 && (span || !day_date))
			w = NULL; /* 1日に3回, 1日間: ichinichi */
		else if ((day = day_find(v, 1)))
			w = day->romaji;
		if (w) {
			if (r->o.sys == ROMAJI_KUNREI || r->o.sys == ROMAJI_NIHON
			    || r->o.sys == ROMAJI_PASSPORT || r->o.sys == ROMAJI_WAPURO
			    || r->o.lng != ROMAJI_LONG_DEFAULT) {
				/* spell it in the chosen system from kana */
				char *s = romaji_from_kana(day->reading, (size_t)-1, r->o.sys, r->o.lng);
				if (!s)
					return -1;
				i = str_buf_adds(&r->tmp, s);
				free(s);
				if (i == 0 && span)
					i = str_buf_adds(&r->tmp, "kan");
				return i == 0 ? 1 : -1;
			}
			if (str_buf_adds(&r->tmp, w) != 0 || (span && str_buf_adds(&r->tmp, "kan") != 0))
				return -1;
			return 1;
		}
		if (str_buf_add(&r->tmp, d, dn) != 0
		    || str_buf_adds(&r->tmp, (v % 10 == 4 && v <= 34) ? "-ka" : "-nichi") != 0
		    || (span && str_buf_adds(&r->tmp, "kan") != 0))
			return -1;
		return 1;
	}
	if (surface_is(t, "月")) {
		if (str_buf_add(&r->tmp, d, dn) != 0 || str_buf_adds(&r->tmp, "-gatsu") != 0)
			return -1;
		return 1;
	}
	if (surface_is(t, "人") && (v == 1 || v == 2))
		return str_buf_adds(&r->tmp, v == 1 ? "hitori" : "futari") == 0 ? 1 : -1;
	if (surface_is(t, "つ") && v >= 1 && v <= 9 && dn == 1) {
		/* native numbers: 1つ hitotsu ... 9つ kokonotsu */
		static const char *tsu[] = { NULL, "ひとつ", "ふたつ", "みっつ", "よっつ", "いつつ",
		                             "むっつ", "ななつ", "やっつ", "ここのつ" };
		char *s = romaji_from_kana(tsu[v], (size_t)-1, r->o.sys, r->o.lng);
		if (!s)
			return -1;
		i = str_buf_adds(&r->tmp, s);
		free(s);
		return i == 0 ? 1 : -1;
	}
	{
		/* a counter's sound change shows after digits too (3本 3-bon, 1分 1-pun, 3階
		 * 3-gai); the doubled consonant does not (1回 1-kai) */
		const struct romanize_counter *c = t->cls == MORPH_COUNTER ? counter_find(t) : NULL;
		enum num_end e;
		const char *rd;
		char *s;
		if (!c)
			return 0;
		if (v % 10)
			e = (enum num_end)(NE_D1 + v % 10 - 1);
		else if (v == 0)
			e = NE_ZERO;
		else if (v % 100)
			e = NE_TEN;
		else if (v % 1000)
			e = NE_HUNDRED;
		else if (v % 10000)
			e = NE_THOUSAND;
		else
			e = NE_BIG;
		rd = counter_reading(c, e);
		if (!rd || strcmp(rd, c->reading) == 0)
			return 0;
		s = romaji_from_kana(rd, (size_t)-1, r->o.sys, r->o.lng);
		if (!s)
			return -1;
		i = str_buf_add(&r->tmp, d, dn) != 0 || str_buf_adds(&r->tmp, "-") != 0 || str_buf_adds(&r->tmp, s) != 0;
		free(s);
		return i ? -1 : 1;
	}
	return 0;
}

/* Whether the number of units[i] with 日 after it is a day of the month (1日
 * tsuitachi) rather than a length of time (1日に3回, 1日あたり: ichinichi): a month
 * before it makes it a date; a number, あたり, 中, 間, おき, ごと, も, で ... after it
 * a length; else a date (news: 岸田首相は1日、...). */
int romanize_day_is_date(const romanizer *r, size_t i)
{
	const char *const *lengths = romanize_length_words;
	const unit *nx;
	size_t k;
	if (i >= 1 && !r->units[i].space_before && !r->units[i - 1].t
	    && surface_is(&r->units[i - 1].tk, "月"))
		return 1;
	if (i + 2 >= r->n_units || r->units[i + 2].space_before || r->units[i + 2].t)
		return 1;
	nx = &r->units[i + 2];
	if (nx->tk.cls == MORPH_NUMBER)
		return 0;
	for (k = 0; lengths[k]; k++)
		if (surface_is(&nx->tk, lengths[k]))
			return 0;
	if (surface_is(&nx->tk, "に") && i + 3 < r->n_units && r->units[i + 3].tk.cls == MORPH_NUMBER)
		return 0; /* 1日に3回 */
	return 1;
}

unit *romanize_unit_push(romanizer *r)
{
	if (r->n_units == r->cap_units) {
		size_t cap = r->cap_units ? r->cap_units * 2 : 64;
		unit *p = realloc(r->units, cap * sizeof *p);
		if (!p)
			return NULL;
		r->units = p;
		r->cap_units = cap;
	}
	memset(&r->units[r->n_units], 0, sizeof r->units[0]);
	return &r->units[r->n_units++];
}

/* The token exception ([exception]) written s[0..n), or NULL. */
const struct romanize_exception *romanize_exception_find(const char *s, size_t n)
{
	const struct romanize_exception *x;
	/* the first byte first: this runs on every token */
	for (x = romanize_exceptions; x->surface; x++)
		if (n && x->surface[0] == s[0] && strlen(x->surface) == n && memcmp(x->surface, s, n) == 0)
			return x;
	return NULL;
}

/* Kanji numerals: toks[i..) is a run of kanji numeral tokens (and a counter after
 * it) ending before byte lim (a glossary term). Pushes the numeral as one unit with its
 * reading and the counter with its sound change (三百人 サンビャク|ニン, 一か月 イッ|カゲツ),
 * or one unit for a word of its own (一人 ヒトリ, 二十日 ハツカ, 十月一日's 一日 ツイタチ).
 * Returns the tokens used, 0 when this is no such numeral, (size_t)-1 out of memory. */
static size_t push_numeral(romanizer *r, const char *s, const morph_token *toks, size_t i,
                           size_t n, size_t lim)
{
	size_t j = i, at = r->arena.n, k = 0, end_off;
	const morph_token *ct = NULL;
	const char *whole = NULL, *cr = NULL;
	enum num_end e;
	long v;
	unit *u;

	if (kanji_num(next_cp(toks[i].surface, toks[i].surface_len, &k)) == -99)
		return 0;
	if (i > 0 && !toks[i].space_before && toks[i - 1].cls == MORPH_NUMBER
	    && (unsigned char)toks[i - 1].surface[0] < 0x80)
		return 0; /* 3万円: the Arabic number goes first */
	while (j < n && toks[j].cls == MORPH_NUMBER && toks[j].offset + toks[j].surface_len <= lim
	       && (j == i || !toks[j].space_before) && toks[j].surface_len
	       && (unsigned char)toks[j].surface[0] >= 0x80)
		j++;
	end_off = toks[j - 1].offset + toks[j - 1].surface_len;
	if (j < n && toks[j].cls == MORPH_COUNTER && !toks[j].space_before
	    && toks[j].offset + toks[j].surface_len <= lim)
		ct = &toks[j];
	if (read_kanji_number(r, s + toks[i].offset, end_off - toks[i].offset, ct, &e, &v) != 0) {
		/* digits written one by one (二〇二四年) are a number in Arabic numerals, as
		 * ALA-LC writes it: 2024-nen */
		size_t p = toks[i].offset, nd = 0;
		r->arena.n = at;
		while (p < end_off && r->arena.n + 2 <= r->arena.cap) {
			int d = kanji_num(next_cp(s, end_off, &p));
			if (d < 0 || d > 9)
				break;
			r->arena.s[r->arena.n++] = (char)('0' + d);
			nd++;
		}
		if (p < end_off || nd < 2 || r->arena.s[at] == '0') {
			r->arena.n = at;
			return 0;
		}
		if (!(u = romanize_unit_push(r)))
			return (size_t)-1;
		u->tk = toks[i];
		u->tk.surface = r->arena.s + at;
		u->tk.surface_len = nd;
		u->tk.reading = NULL;
		u->tk.reading_len = 0;
		u->tk.pron = NULL;
		u->tk.pron_len = 0;
		u->space_before = toks[i].space_before;
		return j - i;
	}
	if (ct && (surface_is(ct, "日") || surface_is(ct, "日間"))) {
		int date = r->n_units > 0 && !toks[i].space_before
		           && ends_with_str(r->units[r->n_units - 1].tk.surface,
		                            r->units[r->n_units - 1].tk.surface_len, "月");
		const struct romanize_day *day = day_find(v, 0);
		if (v == 1)
			whole = date && ct->surface_len == strlen("日") && day ? day->reading : NULL;
		else if (day)
			whole = day->reading;
		if (v == 1 && !whole)
			cr = "ニチ";
	} else if (ct && surface_is(ct, "人") && (v == 1 || v == 2))
		whole = v == 1 ? "ヒトリ" : "フタリ";
	else if (ct && (surface_is(ct, "歳") || surface_is(ct, "才")) && v == 20)
		whole = "ハタチ";
	if (whole) {
		size_t wl = strlen(whole), extra = ct->surface_len > strlen("日") ? strlen("カン") : 0;
		r->arena.n = at;
		if (r->arena.n + wl + extra + 1 > r->arena.cap)
			return 0;
		memcpy(r->arena.s + at, whole, wl);
		if (extra)
			memcpy(r->arena.s + at + wl, "カン", extra);
		r->arena.n = at + wl + extra;
		if (!(u = romanize_unit_push(r)))
			return (size_t)-1;
		u->tk = toks[i];
		u->tk.surface_len = ct->offset + ct->surface_len - toks[i].offset;
		u->tk.reading = r->arena.s + at;
		u->tk.reading_len = wl + extra;
		u->tk.pron = NULL;
		u->tk.pron_len = 0;
		u->tk.cls = MORPH_NUMBER;
		u->space_before = toks[i].space_before;
		return j - i + 1;
	}
	if (!(u = romanize_unit_push(r)))
		return (size_t)-1;
	u->tk = toks[i];
	u->tk.surface_len = end_off - toks[i].offset;
	u->tk.reading = r->arena.s + at;
	u->tk.reading_len = r->arena.n - at;
	u->tk.pron = NULL;
	u->tk.pron_len = 0;
	u->space_before = toks[i].space_before;
	if (!ct)
		return j - i;
	/* 第 before a number and its counter is a word of its own (Dai sankai, as Dai
	 * 3-kai); 第一 alone stays one word (Fukushima daiichi) */
	u->apart = r->n_units >= 2 && r->units[r->n_units - 2].tk.cls == MORPH_PREFIX
	           && surface_is(&r->units[r->n_units - 2].tk, "第");
	if (!(u = romanize_unit_push(r)))
		return (size_t)-1;
	u->tk = *ct;
	/* a number ending in っ is one word with its counter in every style (ikkagetsu) */
	u->glue = ends_with_str(r->arena.s + at, r->arena.n - at, "ッ");
	if (!cr)
		cr = counter_reading(counter_find(ct), e);
	if (cr) {
		u->tk.reading = cr;
		u->tk.reading_len = strlen(cr);
		u->tk.pron = NULL;
		u->tk.pron_len = 0;
	}
	return j - i + 1;
}

/* A token exception ([exception]): one word takes the exception's reading (ALA-LC reads
 * 日本 Nihon; 日本銀行 is one token, another), several are words of their own,
 * but for --style spaced (Kabushiki Kaisha, two words of the name). Returns 1 when it
 * pushed the units, 0 when the exception does not apply, -1 when out of memory. */
static int push_exception(romanizer *r, const morph_token *tok,
                          const struct romanize_exception *x)
{
	const char *w = x->words, *rd = x->reading;
	size_t off = 0;
	unit *u;
	if (!strchr(x->words, ' ')) {
		morph_token tk = *tok;
		if (!tok->reading)
			return 0;
		tk.reading = tk.pron = x->reading;
		tk.reading_len = tk.pron_len = strlen(x->reading);
		if (!(u = romanize_unit_push(r)))
			return -1;
		u->tk = tk;
		u->space_before = tk.space_before;
		return 1;
	}
	if (r->o.style == ROMANIZE_SPACED)
		return 0;
	while (*w) {
		size_t wl = strcspn(w, " "), rl = strcspn(rd, " ");
		if (!(u = romanize_unit_push(r)))
			return -1;
		u->tk = *tok;
		u->tk.surface += off;
		u->tk.surface_len = wl;
		u->tk.offset += off;
		u->tk.reading = rd;
		u->tk.reading_len = rl;
		u->tk.pron = NULL;
		u->tk.pron_len = 0;
		u->tk.cls = MORPH_NOUN; /* capitalised in a name (romanize_mark_org_runs) */
		if (off) {
			u->tk.space_before = 0;
			u->space_before = 0;
		} else
			u->space_before = tok->space_before;
		off += wl;
		w += wl + (w[wl] == ' ');
		rd += rl + (rd[rl] == ' ');
	}
	return 1;
}

/* What a case of romanize_units looks at: the piece s[0..len), MeCab's tokens of it,
 * and the first glossary match not before the token (mi). */
struct unit_input {
	const char *s;
	size_t len;
	const morph_token *toks;
	size_t n, mi;
};

/* A case looks at toks[*ip] (and the tokens after it, setting *ip to the last it used).
 * Returns 1 when it pushed the units, 0 when it does not apply (nothing pushed), -1
 * when out of memory. */
typedef int unit_case_fn(romanizer *r, const struct unit_input *c, size_t *ip);

/* A kanji numeral and the counter after it, read whole (push_numeral). */
static int case_numeral(romanizer *r, const struct unit_input *c, size_t *ip)
{
	const morph_token *toks = c->toks;
	size_t i = *ip, n = c->n, mi = c->mi, len = c->len;
	const char *s = c->s;
	if (toks[i].cls == MORPH_NUMBER && toks[i].surface_len >= 3) {
		size_t lim = mi < r->n_matches ? r->matches[mi].b : len;
		size_t used = push_numeral(r, s, toks, i, n, lim);
		if (used == (size_t)-1)
			return -1;
		if (used) {
			*ip = i + used - 1;
			return 1;
		}
	}
	return 0;
}

/* MeCab's 県知事, 都議会 after a place: the place suffix is a unit of its own,
 * hyphenated (Hyōgo-ken chiji, Tōkyō-to Gikai). */
static int case_place_suffix(romanizer *r, const struct unit_input *c, size_t *ip)
{
	const morph_token *toks = c->toks;
	size_t i = *ip;
	unit *u;
	if (toks[i].cls == MORPH_NOUN && i > 0 && !toks[i].space_before && toks[i].reading
	    && toks[i - 1].cls == MORPH_PROPER && (toks[i - 1].flags & MORPH_F_PLACE)
	    && toks[i].surface_len == 9
	    && (ends_with_str(toks[i].surface, 9, "知事") || ends_with_str(toks[i].surface, 9, "議会"))
	    && (memcmp(toks[i].surface, "県", 3) == 0 || memcmp(toks[i].surface, "都", 3) == 0
	        || memcmp(toks[i].surface, "府", 3) == 0)) {
		/* MeCab's 県知事, 都議会 after a place: the place suffix is hyphenated
		 * (Hyōgo-ken chiji, Tōkyō-to Gikai) */
		static const char *suf[][2] = { { "県", "ケン" }, { "都", "ト" }, { "府", "フ" } };
		size_t k, kl;
		for (k = 0; memcmp(toks[i].surface, suf[k][0], 3) != 0; k++)
			;
		kl = strlen(suf[k][1]);
		if (toks[i].reading_len > kl && memcmp(toks[i].reading, suf[k][1], kl) == 0) {
			if (!(u = romanize_unit_push(r)))
				return -1;
			u->tk = toks[i];
			u->tk.surface_len = 3;
			u->tk.reading_len = kl;
			u->tk.pron = NULL;
			u->tk.pron_len = 0;
			u->tk.cls = MORPH_PLACE_SUFFIX;
			if (!(u = romanize_unit_push(r)))
				return -1;
			u->tk = toks[i];
			u->tk.surface += 3;
			u->tk.surface_len -= 3;
			u->tk.offset += 3;
			u->tk.space_before = 0;
			u->tk.reading += kl;
			u->tk.reading_len -= kl;
			u->tk.pron = NULL;
			u->tk.pron_len = 0;
			return 1;
		}
	}
	return 0;
}

/* A word that starts with a token exception whose reading MeCab gives as instead_of
 * ([exception]): that start is read as the exception says (日本人 ニッポンジン: Nihonjin,
 * 日本海 Nihonkai), but an organisation keeps its own reading (日本銀行 Nippon Ginkō). */
static int case_exception_in_word(romanizer *r, const struct unit_input *c, size_t *ip)
{
	const morph_token *toks = c->toks;
	const struct romanize_exception *x;
	size_t i = *ip;
	for (x = romanize_exceptions; x->surface; x++) {
		size_t sl, il, rl;
		morph_token tk;
		char *rd;
		/* the first bytes first: this runs on every token */
		if (!x->instead_of[0] || !toks[i].surface_len || toks[i].surface[0] != x->surface[0])
			continue;
		sl = strlen(x->surface);
		il = strlen(x->instead_of);
		rl = strlen(x->reading);
		tk = toks[i];
		if (tk.surface_len <= sl || memcmp(tk.surface, x->surface, sl) != 0
		    || tk.reading_len <= il || memcmp(tk.reading, x->instead_of, il) != 0
		    || (tk.cls == MORPH_PROPER && (tk.flags & MORPH_F_ORG))
		    || r->arena.n + tk.reading_len + 1 > r->arena.cap)
			continue;
		rd = r->arena.s + r->arena.n;
		memcpy(rd, x->reading, rl);
		memcpy(rd + rl, tk.reading + il, tk.reading_len - il);
		tk.reading = rd;
		tk.reading_len = tk.reading_len - il + rl;
		r->arena.n += tk.reading_len;
		tk.pron = NULL;
		tk.pron_len = 0;
		if (romanize_push_token(r, &tk) != 0)
			return -1;
		return 1;
	}
	return 0;
}

/* A token exception of dict/romanize.tsv (株式会社, 日本): push_exception. */
static int case_exception(romanizer *r, const struct unit_input *c, size_t *ip)
{
	const morph_token *toks = c->toks;
	size_t i = *ip;
	const struct romanize_exception *x;
	if ((x = romanize_exception_find(toks[i].surface, toks[i].surface_len))) {
		int rc = push_exception(r, &toks[i], x);
		if (rc < 0)
			return -1;
		if (rc > 0)
			return 1;
	}
	return 0;
}

/* MeCab cuts 京都大学 as 京都大|学: one name with 大学. */
static int case_daigaku(romanizer *r, const struct unit_input *c, size_t *ip)
{
	const morph_token *toks = c->toks;
	size_t i = *ip, n = c->n, mi = c->mi;
	if (toks[i].cls == MORPH_PROPER && toks[i].reading && i + 1 < n
	    && ends_with_str(toks[i].surface, toks[i].surface_len, "大")
	    && ends_with_str(toks[i].reading, toks[i].reading_len, "ダイ")
	    && surface_is(&toks[i + 1], "学") && !toks[i + 1].space_before
	    && (mi >= r->n_matches || toks[i + 1].offset < r->matches[mi].b)
	    && r->arena.n + toks[i].reading_len + strlen("ガク") + 1 <= r->arena.cap) {
		/* MeCab cuts 京都大学 as 京都大|学: read it as one name with 大学 */
		morph_token tk = toks[i];
		char *rd = r->arena.s + r->arena.n;
		memcpy(rd, tk.reading, tk.reading_len);
		memcpy(rd + tk.reading_len, "ガク", strlen("ガク"));
		tk.reading = rd;
		tk.reading_len += strlen("ガク");
		r->arena.n += tk.reading_len;
		tk.pron = NULL;
		tk.pron_len = 0;
		tk.surface_len += toks[i + 1].surface_len;
		if (romanize_push_token(r, &tk) != 0) /* tk is a proper noun with a reading */
			return -1;
		*ip = i + 1;
		return 1;
	}
	return 0;
}

/* An unknown name with ・ in it (アイ・ホールディングス): its words apart. */
static int case_dotted_name(romanizer *r, const struct unit_input *c, size_t *ip)
{
	const morph_token *toks = c->toks;
	size_t i = *ip;
	unit *u;
	if ((toks[i].flags & MORPH_F_UNKNOWN) && !toks[i].reading
	    && contains(toks[i].surface, toks[i].surface_len, "・")) {
		/* an unknown name with ・ in it (アイ・ホールディングス): words apart */
		size_t b = 0, dot = strlen("・");
		while (b <= toks[i].surface_len) {
			size_t e = b;
			while (e < toks[i].surface_len
			       && !(e + dot <= toks[i].surface_len
			            && memcmp(toks[i].surface + e, "・", dot) == 0))
				e++;
			if (e > b) {
				if (!(u = romanize_unit_push(r)))
					return -1;
				u->tk = toks[i];
				u->tk.surface += b;
				u->tk.offset += b;
				u->tk.surface_len = e - b;
				u->space_before = b == 0 ? toks[i].space_before : 0;
			}
			if (e >= toks[i].surface_len)
				break;
			if (!(u = romanize_unit_push(r)))
				return -1;
			u->tk = toks[i];
			u->tk.surface += e;
			u->tk.offset += e;
			u->tk.surface_len = dot;
			u->tk.cls = MORPH_SYMBOL;
			u->space_before = 0;
			b = e + dot;
		}
		return 1;
	}
	return 0;
}

/* A country named with a direction is two words (北朝鮮 Kita Chōsen, 南アフリカ
 * Minami Afurika), a city one (北九州, 南相馬). */
static int case_direction_country(romanizer *r, const struct unit_input *c, size_t *ip)
{
	const morph_token *toks = c->toks;
	size_t i = *ip;
	unit *u;
	if (toks[i].cls == MORPH_PROPER && (toks[i].flags & MORPH_F_PLACE) && toks[i].reading
	    && toks[i].surface_len > 6) {
		/* a country named with a direction is two words (北朝鮮 Kita Chōsen, 南アフリカ
		 * Minami Afurika, 東ティモール Higashi Timōru), a city one (北九州, 南相馬) */
		const morph_token *t = &toks[i];
		const struct romanize_direction *d;
		size_t dl = 0;
		for (d = romanize_directions; d->surface; d++) {
			dl = strlen(d->surface);
			if (t->surface_len > dl && memcmp(t->surface, d->surface, dl) == 0
			    && t->reading_len > strlen(d->reading)
			    && memcmp(t->reading, d->reading, strlen(d->reading)) == 0)
				break;
		}
		if (d->surface && (contains(t->pos, t->pos_len, "地域,国")
		                   || romanize_is_katakana_only(t->surface + dl, t->surface_len - dl))) {
			size_t kl = strlen(d->reading);
			if (!(u = romanize_unit_push(r)))
				return -1;
			u->tk = *t;
			u->tk.surface_len = dl;
			u->tk.reading_len = kl;
			u->tk.pron = NULL;
			u->tk.pron_len = 0;
			u->space_before = t->space_before;
			if (!(u = romanize_unit_push(r)))
				return -1;
			u->tk = *t;
			u->tk.surface += dl;
			u->tk.surface_len -= dl;
			u->tk.offset += dl;
			u->tk.space_before = 0;
			u->tk.reading += kl;
			u->tk.reading_len -= kl;
			u->tk.pron = NULL;
			u->tk.pron_len = 0;
			u->apart = 1;
			return 1;
		}
	}
	return 0;
}

/* The special cases of romanize_units, tried in this order on a token that is not part
 * of a glossary term: the first that applies makes its units; when none does, the token
 * is pushed as it is (romanize_push_token). */
static const struct unit_case {
	const char *name;
	unit_case_fn *fn;
} unit_cases[] = {
	{ "numeral", case_numeral },
	{ "place suffix", case_place_suffix },
	{ "exception in word", case_exception_in_word },
	{ "exception", case_exception },
	{ "daigaku", case_daigaku },
	{ "dotted name", case_dotted_name },
	{ "direction country", case_direction_country },
};

/* Reads the piece s[0..len) into r->units: glossary terms, MeCab's tokens through the
 * cases of unit_cases, then the names stage. */
int romanize_units(romanizer *r, const char *s, size_t len)
{
	const morph_token *toks;
	size_t n, i, k, mi = 0;
	char *err = NULL;
	struct unit_input in;

	if (romanize_find_terms(r, s, len) != 0)
		return -1;
	if (morph_parse(r->m, s, len, &toks, &n, &err) != 0) {
		free(r->error);
		r->error = err; /* MeCab's own words reach the user (romanize_write) */
		return -1;
	}
	in.s = s;
	in.len = len;
	in.toks = toks;
	in.n = n;
	r->n_units = 0;
	r->arena.n = 0;
	if (str_buf_reserve(&r->arena, 8 * len + 64) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		unit *u;
		while (mi < r->n_matches && r->matches[mi].e <= toks[i].offset)
			mi++;
		if (mi < r->n_matches && toks[i].offset >= r->matches[mi].b) {
			if (r->n_units && r->units[r->n_units - 1].t == r->matches[mi].t
			    && toks[i].offset > r->matches[mi].b)
				continue; /* the rest of a term */
			if (!(u = romanize_unit_push(r)))
				return -1;
			u->tk = toks[i];
			u->t = r->matches[mi].t;
			u->space_before = toks[i].space_before;
			continue;
		}
		in.mi = mi;
		for (k = 0; k < sizeof unit_cases / sizeof unit_cases[0]; k++) {
			int rc = unit_cases[k].fn(r, &in, &i);
			if (rc < 0)
				return -1;
			if (rc > 0)
				break;
		}
		if (k == sizeof unit_cases / sizeof unit_cases[0]
		    && romanize_push_token(r, &toks[i]) != 0)
			return -1;
	}
	romanize_mark_loanwords(r, s);
	romanize_mark_org_runs(r, s);
	return 0;
}
