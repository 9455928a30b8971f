/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romanize-units.c: MeCab's tokens to the romanizer's units: glossary terms, kanji numerals
 * read whole with their counters' sound changes ([numeral], [numeral-pair],
 * [numeral-before], [number-word], [counter]), dates, token exceptions
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

/* The [numeral] row of the character at s[*i] (advancing *i past it), or NULL. */
static const struct romanize_numeral *numeral_at(const char *s, size_t n, size_t *i)
{
	const struct romanize_numeral *x;
	size_t b = *i, l;
	next_cp(s, n, i);
	l = *i - b;
	for (x = romanize_numerals; x->kanji; x++)
		if (x->kanji[0] == s[b] && strlen(x->kanji) == l && memcmp(x->kanji, s + b, l) == 0)
			return x;
	return NULL;
}

/* Whether x is said on its own in a numeral: a digit or a number not said (何). */
static int numeral_is_digit(const struct romanize_numeral *x)
{
	return x->value < 10;
}

/* What a numeral ending in x ends with. */
static enum num_end numeral_end(const struct romanize_numeral *x)
{
	if (x->value < 0)
		return NE_NAN;
	if (x->value == 0)
		return NE_ZERO;
	if (x->value < 10)
		return (enum num_end)(NE_D1 + x->value - 1);
	return x->value == 10 ? NE_TEN : x->value == 100 ? NE_HUNDRED
	       : x->value == 1000 ? NE_THOUSAND : NE_BIG;
}

/* The [numeral-pair] of first directly before second, or NULL. */
static const struct romanize_numeral_pair *numeral_pair(const struct romanize_numeral *first,
                                                        const struct romanize_numeral *second)
{
	const struct romanize_numeral_pair *p;
	for (p = romanize_numeral_pairs; p->first; p++)
		if (p->first == first && p->second == second)
			return p;
	return NULL;
}

/* How the last digit x of a number is read before counter t ([numeral-before]: 4 よ in
 * 四人 四時 四年 四円, し in 四月; 7 しち in 七月 七時 七人; 9 く in 九月 九時), or NULL. */
static const char *numeral_before(const struct romanize_numeral *x, const morph_token *t)
{
	const struct romanize_numeral_before *b;
	if (!t)
		return NULL;
	for (b = romanize_numerals_before; b->numeral; b++)
		if (b->numeral == x && surface_is(t, b->counter))
			return b->reading;
	return NULL;
}

/* The elements of a kanji numeral, as said: its digits (one before 十 百 千 is not said),
 * powers of ten and 何; *value is its value (-1 with 何 or 数, or 兆). Returns the
 * number of elements, or 0 when s[0..n) is not a numeral this reads (digits one by one:
 * 二〇二四; more than max elements). */
static size_t numeral_elements(const char *s, size_t n, const struct romanize_numeral **el,
                               size_t max, long *value)
{
	const struct romanize_numeral *pending = NULL;
	size_t m = 0, i = 0;
	long total = 0, group = 0;
	int nan = 0, last_big = 0;
	while (i < n) {
		const struct romanize_numeral *x = numeral_at(s, n, &i);
		if (!x || m + 2 > max)
			return 0;
		if (numeral_is_digit(x)) {
			if (pending)
				return 0; /* 二〇二四 */
			pending = x;
			continue;
		}
		if (x->value < 10000) { /* 十 百 千 */
			long d = pending && pending->value >= 0 ? pending->value : 1;
			if (pending && pending->value != 1)
				el[m++] = pending; /* 十, 百, 千 alone are not said with 一 */
			if (pending && pending->value < 0)
				nan = 1;
			group += d * x->value;
		} else { /* 万 億 兆 group the digits before them */
			if (pending) {
				el[m++] = pending;
				group += pending->value >= 0 ? pending->value : 1;
				nan |= pending->value < 0;
			}
			if (!group)
				group = 1;
			if (x->value <= 100000000)
				total += group * x->value;
			else
				last_big = 1;
			group = 0;
		}
		el[m++] = x;
		pending = NULL;
	}
	if (pending) {
		el[m++] = pending;
		group += pending->value >= 0 ? pending->value : 1;
		nan |= pending->value < 0;
	}
	*value = nan || last_big ? -1 : total + group;
	return m;
}

/* Reads the kanji numeral s[0..n) (counter t after it, or NULL) into r->arena in
 * katakana, with the sound changes inside it ([numeral-pair]: 三百 サンビャク, 六百
 * ロッピャク, 八千 ハッセン, 一兆 イッチョウ) and before the counter (一回 イッ|カイ:
 * the last kana becomes ッ; [numeral-before]: 四月 シ). *end tells what it ends with,
 * *value is its value (-1 with 何 or 数). Returns 0, or -1 when it is not a numeral
 * this reads (digits one by one: 二〇二四; too long; no room), leaving r->arena. */
static int read_kanji_number(romanizer *r, const char *s, size_t n, const morph_token *t,
                             enum num_end *end, long *value)
{
	const struct romanize_numeral *el[48];
	const struct romanize_counter *c = t ? counter_find(t) : NULL;
	size_t m = numeral_elements(s, n, el, sizeof el / sizeof el[0], value), k, bn = 0;
	enum num_end e = NE_NONE;
	char buf[256];

	if (!m)
		return -1;
	for (k = 0; k < m; k++) {
		const struct romanize_numeral_pair *p;
		const char *w = el[k]->reading, *b;
		size_t wl;
		int doubled;
		if (k > 0 && (p = numeral_pair(el[k - 1], el[k])))
			w = p->second_reading;
		if (k + 1 < m && (p = numeral_pair(el[k], el[k + 1])))
			w = p->first_reading;
		e = numeral_end(el[k]);
		doubled = k + 1 == m && counter_geminates(c, e);
		if (k + 1 == m && !doubled && (b = numeral_before(el[k], t)))
			w = b;
		wl = strlen(w);
		if (bn + wl >= sizeof buf)
			return -1;
		memcpy(buf + bn, w, wl);
		bn += wl;
		if (doubled && wl >= strlen("ッ")) /* 一回 イッカイ: the last kana becomes ッ */
			memcpy(buf + bn - strlen("ッ"), "ッ", strlen("ッ"));
	}
	if (r->arena.n + bn + 1 > r->arena.cap)
		return -1;
	memcpy(r->arena.s + r->arena.n, buf, bn);
	r->arena.n += bn;
	*end = e;
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

/* The [number-word] read for the number v before t (after Arabic digits or a kanji
 * numeral), or NULL. */
static const struct romanize_number_word *number_word(long v, const morph_token *t,
                                                      int after_digits)
{
	const struct romanize_number_word *w;
	for (w = romanize_number_words; w->value; w++)
		if (w->value == v && w->after_digits == after_digits && surface_is(t, w->counter))
			return w;
	return NULL;
}

/* Appends the romaji of kana in the chosen system to r->tmp. 0, or -1 out of memory. */
static int tmp_add_romaji(romanizer *r, const char *kana)
{
	char *s = romaji_from_kana(kana, (size_t)-1, r->o.sys, r->o.lng);
	int rc;
	if (!s)
		return -1;
	rc = str_buf_adds(&r->tmp, s);
	free(s);
	return rc;
}

/* The digits d[0..dn) (value v) before 日 or 日間 (t): a day of the month read as a word
 * ([day]: 1日 tsuitachi, 3日間 mikkakan), else -nichi or -ka (24日 24-ka); 1日 as a
 * length of time (!day_date) is ichinichi. Into r->tmp; 1, or -1 out of memory. */
static int digits_day(romanizer *r, const char *d, size_t dn, long v, const morph_token *t,
                      int day_date)
{
	int span = t->surface_len > strlen("日"); /* 3日間 mikkakan */
	const struct romanize_day *day = NULL;
	if (!(v == 1 && (span || !day_date))) /* 1日に3回, 1日間: ichinichi */
		day = day_find(v, 1);
	if (day) {
		if (r->o.sys == ROMAJI_KUNREI || r->o.sys == ROMAJI_NIHON
		    || r->o.sys == ROMAJI_PASSPORT || r->o.sys == ROMAJI_WAPURO
		    || r->o.lng != ROMAJI_LONG_DEFAULT) {
			/* spell it in the chosen system from kana */
			if (tmp_add_romaji(r, day->reading) != 0)
				return -1;
		} else if (str_buf_adds(&r->tmp, day->romaji) != 0)
			return -1;
		return span && str_buf_adds(&r->tmp, "kan") != 0 ? -1 : 1;
	}
	if (str_buf_add(&r->tmp, d, dn) != 0
	    || str_buf_adds(&r->tmp, (v % 10 == 4 && v <= 34) ? "-ka" : "-nichi") != 0
	    || (span && str_buf_adds(&r->tmp, "kan") != 0))
		return -1;
	return 1;
}

/* A counter's sound change shows after digits too (3本 3-bon, 1分 1-pun, 3階 3-gai); the
 * doubled consonant does not (1回 1-kai). Into r->tmp; 1, 0 when the counter t keeps
 * its own reading after v, -1 out of memory. */
static int digits_counter(romanizer *r, const char *d, size_t dn, long v, const morph_token *t)
{
	const struct romanize_counter *c = t->cls == MORPH_COUNTER ? counter_find(t) : NULL;
	enum num_end e;
	const char *rd;
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
	if (str_buf_add(&r->tmp, d, dn) != 0 || str_buf_adds(&r->tmp, "-") != 0
	    || tmp_add_romaji(r, rd) != 0)
		return -1;
	return 1;
}

/* Date and counter readings after Arabic numerals: 1日 tsuitachi ... 24日 24-ka,
 * 10月 10-gatsu, 1人 hitori, 2人 futari, 1つ hitotsu ([number-word]). Writes into
 * r->tmp the romaji or returns 0 when none applies. */
int romanize_digits_special(romanizer *r, const char *d, size_t dn, const morph_token *t,
                          int day_date)
{
	const struct romanize_number_word *w;
	long v = 0;
	size_t i;
	if (dn > 4)
		return 0;
	for (i = 0; i < dn; i++)
		v = v * 10 + (d[i] - '0');
	r->tmp.n = 0;
	if (surface_is(t, "日") || surface_is(t, "日間"))
		return digits_day(r, d, dn, v, t, day_date);
	if (surface_is(t, "月")) {
		if (str_buf_add(&r->tmp, d, dn) != 0 || str_buf_adds(&r->tmp, "-gatsu") != 0)
			return -1;
		return 1;
	}
	if (surface_is(t, "人") && (v == 1 || v == 2))
		return str_buf_adds(&r->tmp, v == 1 ? "hitori" : "futari") == 0 ? 1 : -1;
	if (d[0] != '0' && (w = number_word(v, t, 1))) /* 1つ hitotsu, not 01つ */
		return tmp_add_romaji(r, w->reading) == 0 ? 1 : -1;
	return digits_counter(r, d, dn, v, t);
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

/* Kanji digits written one by one (二〇二四年) are a number in Arabic numerals, as ALA-LC
 * writes it (2024-nen): toks[i] to the end of the numeral (end_off) is pushed as one
 * unit of its digits, made in r->arena. Returns 1, 0 when s[toks[i].offset..end_off)
 * is no such number (a kanji that is no digit, one digit, a leading 〇) with r->arena
 * as it was, -1 out of memory. */
static int push_digits(romanizer *r, const char *s, const morph_token *toks, size_t i,
                       size_t end_off)
{
	size_t p = toks[i].offset, nd = 0, at = r->arena.n;
	unit *u;
	while (p < end_off && r->arena.n + 2 <= r->arena.cap) {
		const struct romanize_numeral *x = numeral_at(s, end_off, &p);
		if (!x || x->value < 0 || x->value > 9)
			break;
		r->arena.s[r->arena.n++] = (char)('0' + x->value);
		nd++;
	}
	if (p < end_off || nd < 2 || r->arena.s[at] == '0') {
		r->arena.n = at;
		return 0;
	}
	if (!(u = romanize_unit_push(r)))
		return -1;
	u->tk = toks[i];
	u->tk.surface = r->arena.s + at;
	u->tk.surface_len = nd;
	u->tk.reading = NULL;
	u->tk.reading_len = 0;
	u->tk.pron = NULL;
	u->tk.pron_len = 0;
	u->space_before = toks[i].space_before;
	return 1;
}

/* The reading of the number v (toks[i] on) and its counter ct read as one word: a day
 * of the month ([day]; 一日 only after a month, as a date: 十月一日 tsuitachi) or a
 * [number-word] (一人 ヒトリ, 二十歳 ハタチ); NULL when there is none. *cr is set to the
 * counter's reading when it is not its own (一日 as a length: イチ|ニチ). */
static const char *numeral_word(const romanizer *r, const morph_token *toks, size_t i,
                                const morph_token *ct, long v, const char **cr)
{
	const struct romanize_number_word *w;
	if (ct && (surface_is(ct, "日") || surface_is(ct, "日間"))) {
		int date = r->n_units > 0 && !toks[i].space_before
		           && ends_with_str(r->units[r->n_units - 1].tk.surface,
		                            r->units[r->n_units - 1].tk.surface_len, "月");
		const struct romanize_day *day = day_find(v, 0);
		const char *whole = NULL;
		if (v == 1)
			whole = date && ct->surface_len == strlen("日") && day ? day->reading : NULL;
		else if (day)
			whole = day->reading;
		if (v == 1 && !whole)
			*cr = "ニチ";
		return whole;
	}
	if (ct && (w = number_word(v, ct, 0)))
		return w->reading;
	return NULL;
}

/* Pushes the number toks[i..] and its counter ct as one unit read whole (its surface to
 * the end of ct), 間 of 日間 read カン. Returns the tokens used (through ct), 0 when the
 * arena has no room, (size_t)-1 out of memory. */
static size_t push_numeral_word(romanizer *r, const morph_token *toks, size_t i, size_t j,
                                const morph_token *ct, const char *whole, size_t at)
{
	size_t wl = strlen(whole), extra = ct->surface_len > strlen("日") ? strlen("カン") : 0;
	unit *u;
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

/* Pushes the numeral toks[i..j) (read in r->arena from at, ending in e) as one unit and
 * its counter ct (or NULL) after it with the counter's sound change (三百人 サンビャク|ニン,
 * 一か月 イッ|カゲツ; cr: the counter's reading if not its own or its sound change).
 * Returns the tokens used, (size_t)-1 out of memory. */
static size_t push_numeral_counter(romanizer *r, const morph_token *toks, size_t i, size_t j,
                                   size_t end_off, const morph_token *ct, enum num_end e,
                                   const char *cr, size_t at)
{
	unit *u;
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

/* Kanji numerals: toks[i..) is a run of kanji numeral tokens (and a counter after
 * it) ending before byte lim (a glossary term). Pushes the numeral as one unit with its
 * reading and the counter with its sound change (push_numeral_counter), one unit for a
 * word of its own (push_numeral_word: 一人 ヒトリ, 二十日 ハツカ, 十月一日's 一日
 * ツイタチ), or digits one by one as Arabic digits (push_digits). Returns the tokens
 * used, 0 when this is no such numeral, (size_t)-1 out of memory. */
static size_t push_numeral(romanizer *r, const char *s, const morph_token *toks, size_t i,
                           size_t n, size_t lim)
{
	size_t j = i, at = r->arena.n, k = 0, end_off;
	const morph_token *ct = NULL;
	const char *whole, *cr = NULL;
	enum num_end e;
	long v;
	int rc;

	if (!numeral_at(toks[i].surface, toks[i].surface_len, &k))
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
		r->arena.n = at;
		rc = push_digits(r, s, toks, i, end_off);
		return rc < 0 ? (size_t)-1 : rc ? j - i : 0;
	}
	if ((whole = numeral_word(r, toks, i, ct, v, &cr)))
		return push_numeral_word(r, toks, i, j, ct, whole, at);
	return push_numeral_counter(r, toks, i, j, end_off, ct, e, cr, at);
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
