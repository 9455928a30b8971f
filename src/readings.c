/* SPDX-License-Identifier: GPL-3.0-or-later */
/* readings.c: the reading index built from MeCab's IPAdic source (see readings.h).
 * File layout: "YKRIDX01", uint32 count, count uint32 record offsets (sorted by key),
 * then the records: u8 key length, key, u8 reading length, reading, int16 cost, u8 flags.
 * Integers are little-endian as written by this machine (the file is built at `make`). */
#include "config.h"

#include "i18n.h"
#include "readings.h"
#include "text.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "YKRIDX01"

/* Sets *error to a malloc'd formatted message (NULL when out of memory). */
static void set_error(char **error, const char *fmt, ...)
{
	va_list ap;
	int n;
	*error = NULL;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(*error = malloc((size_t)n + 1)))
		return;
	va_start(ap, fmt);
	vsnprintf(*error, (size_t)n + 1, fmt, ap);
	va_end(ap);
}

struct readings {
	const unsigned char *map;
	size_t size;
	uint32_t count;
	const uint32_t *offsets;
	const unsigned char *records;
};

unsigned char readings_code(int32_t cp)
{
	if (cp >= 0x30A1 && cp <= 0x30F6)
		cp -= 0x60;
	if (cp >= 0x3041 && cp <= 0x3096)
		return (unsigned char)(cp - 0x3040);
	if (cp == 0x30FC)
		return READINGS_LONG;
	return 0;
}

int32_t readings_cp(unsigned char code)
{
	if (code >= 1 && code <= 0x56)
		return 0x3040 + code;
	if (code == READINGS_LONG)
		return 0x30FC;
	return 0;
}

/* The vowel (a i u e o) of a kana code, or 0 (ん, っ, ー, others). */
static char vowel_of(unsigned char c)
{
	static const char *rows[5] = {
		"あぁかがさざただなはばぱまやゃらわゎゕ", "いぃきぎしじちぢにひびぴみりゐ",
		"うぅくぐすずつづぬふぶぷむゆゅるゔ", "えぇけげせぜてでねへべぺめれゑゖ",
		"おぉこごそぞとどのほぼぽもよょろを"
	};
	static char table[0x80];
	static int ready;
	int32_t cp = readings_cp(c);
	if (!ready) {
		int v;
		for (v = 0; v < 5; v++) {
			const char *s = rows[v];
			size_t i = 0, n = strlen(s);
			while (i < n) {
				int32_t k = text_next_cp(s, n, &i);
				unsigned char code = readings_code(k);
				if (code)
					table[code] = "aiueo"[v];
			}
		}
		ready = 1;
	}
	if (!cp || c >= 0x80)
		return 0;
	return table[c];
}

/* Whether code c is a plain vowel kana (あいうえお, small ones too). */
static int is_vowel_kana(unsigned char c)
{
	switch (readings_cp(c)) {
	case 0x3042: case 0x3044: case 0x3046: case 0x3048: case 0x304A:
	case 0x3041: case 0x3043: case 0x3045: case 0x3047: case 0x3049:
		return 1;
	}
	return 0;
}

/* Whether vowel kana c after a syllable with vowel prev makes it long (for the key). */
static int lengthens(char prev, unsigned char c)
{
	char v;
	if (!prev || !is_vowel_kana(c))
		return 0;
	v = vowel_of(c);
	return v == prev || (prev == 'e' && v == 'i') || (prev == 'o' && v == 'u');
}

size_t readings_key(const unsigned char *k, size_t n, unsigned char *out)
{
	size_t i, o = 0;
	char prev = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = k[i];
		int32_t cp = readings_cp(c);
		if (c == READINGS_BOUNDARY || c == READINGS_LONG)
			continue;
		if (cp == 0x3063 /* っ */)
			continue;
		if (cp == 0x3093 /* ん */) {
			prev = 0;
			continue;
		}
		if (cp == 0x3062)
			c = readings_code(0x3058); /* ぢ -> じ */
		else if (cp == 0x3065)
			c = readings_code(0x305A); /* づ -> ず */
		else if (cp == 0x3092)
			c = readings_code(0x304A); /* を -> お */
		if (lengthens(prev, c))
			continue;
		out[o++] = c;
		prev = vowel_of(c);
	}
	return o;
}

/* ---- build --------------------------------------------------------------------- */

typedef struct rec {
	unsigned char key[READINGS_MAX];
	unsigned char kana[READINGS_MAX * 2];
	unsigned char klen, len;
	int cost;
	unsigned flags;
} rec;

typedef struct recs {
	rec *v;
	size_t n, cap;
} recs;

/* Splits line into at most max comma-separated fields (in place). Returns the count. */
static size_t split_csv(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *p = line;
	while (n < max) {
		f[n++] = p;
		p = strchr(p, ',');
		if (!p)
			break;
		*p++ = '\0';
	}
	return n;
}

/* The class bits of an IPAdic part of speech, or -1 for words not worth indexing. */
static int pos_flags(char **f)
{
	const char *p1 = f[4], *p2 = f[5], *p3 = f[6];
	if (!strcmp(p1, "記号") || !strcmp(p1, "フィラー") || !strcmp(p1, "その他") ||
	    !strcmp(p1, "感動詞"))
		return -1;
	if (!strcmp(p1, "名詞")) {
		if (!strcmp(p2, "数"))
			return -1;
		if (!strcmp(p2, "固有名詞")) {
			int fl = READINGS_PROPER;
			if (!strcmp(p3, "地域"))
				fl |= READINGS_PLACE;
			else if (!strcmp(p3, "人名"))
				fl |= READINGS_PERSON;
			else if (!strcmp(p3, "組織"))
				fl |= READINGS_ORG;
			return fl;
		}
		if (!strcmp(p2, "接尾"))
			return !strcmp(p3, "地域") ? READINGS_PLACE_SUFFIX | READINGS_SUFFIX
			                           : READINGS_SUFFIX;
		return 0;
	}
	if (!strcmp(p1, "助詞"))
		return (!strcmp(p2, "格助詞") || !strcmp(p2, "係助詞") || !strcmp(p2, "副助詞") ||
		        !strcmp(p2, "並立助詞") || !strcmp(p2, "連体化")) ? READINGS_PARTICLE : 0;
	if (!strcmp(p1, "動詞") || !strcmp(p1, "形容詞") || !strcmp(p1, "助動詞"))
		return READINGS_INFLECTING;
	return 0;
}

/* Encodes a katakana string as kana codes; 0 when some character is not kana. */
static size_t encode(const char *s, unsigned char *out, size_t max)
{
	size_t i = 0, n = strlen(s), o = 0;
	while (i < n) {
		int32_t cp = text_next_cp(s, n, &i);
		unsigned char c = readings_code(cp);
		if (!c || o >= max)
			return 0;
		out[o++] = c;
	}
	return o;
}

/* Adds one CSV row. Returns 0, or -1 when out of memory. */
static int add_row(recs *rs, char *line)
{
	char *f[16];
	unsigned char r[READINGS_MAX], p[READINGS_MAX];
	size_t rn, pn, i;
	int fl;
	rec *e;
	if (split_csv(line, f, 16) < 13)
		return 0;
	fl = pos_flags(f);
	if (fl < 0)
		return 0;
	rn = encode(f[11], r, READINGS_MAX);
	pn = encode(f[12], p, READINGS_MAX);
	if (!rn)
		return 0;
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 65536;
		rec *v = realloc(rs->v, cap * sizeof *v);
		if (!v)
			return -1;
		rs->v = v;
		rs->cap = cap;
	}
	e = &rs->v[rs->n];
	memset(e, 0, sizeof *e);
	/* The reading, with a boundary where the pronunciation shows that two vowels stay
	 * apart (湖 ミズウミ / ミズウミ: mizu|umi; 思う オモウ: omo|u). Never after a small
	 * ゃゅょ: a contracted syllable and its う are one long Sino-Japanese vowel, whatever
	 * the pronunciation column says (研究者 has ケンキュウシャ there, not ケンキューシャ,
	 * and is kenkyūsha). */
	for (i = 0; i < rn; i++) {
		int32_t before = i > 0 ? readings_cp(r[i - 1]) : 0;
		if (i > 0 && pn == rn && p[i] == r[i] && is_vowel_kana(r[i]) &&
		    lengthens(vowel_of(r[i - 1]), r[i]) &&
		    before != 0x3083 && before != 0x3085 && before != 0x3087 &&
		    !(vowel_of(r[i - 1]) == 'e' && vowel_of(r[i]) == 'i') &&
		    !(vowel_of(r[i - 1]) == 'i' && vowel_of(r[i]) == 'i'))
			e->kana[e->len++] = READINGS_BOUNDARY;
		e->kana[e->len++] = r[i];
	}
	e->klen = (unsigned char)readings_key(r, rn, e->key);
	e->cost = atoi(f[3]);
	if (e->cost > 32767)
		e->cost = 32767;
	if (e->cost < -32768)
		e->cost = -32768;
	e->flags = (unsigned)fl;
	if (e->klen)
		rs->n++;
	return 0;
}

static int rec_cmp(const void *a, const void *b)
{
	const rec *x = a, *y = b;
	size_t m = x->klen < y->klen ? x->klen : y->klen;
	int c = memcmp(x->key, y->key, m);
	if (c)
		return c;
	if (x->klen != y->klen)
		return x->klen < y->klen ? -1 : 1;
	m = x->len < y->len ? x->len : y->len;
	c = memcmp(x->kana, y->kana, m);
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (x->flags != y->flags)
		return x->flags < y->flags ? -1 : 1;
	return (x->cost > y->cost) - (x->cost < y->cost);
}

/* Reads one CSV file of csv_dir into rs. 0, or -1 with *error set. */
static int read_csv(recs *rs, const char *dir, const char *name, char **error)
{
	char path[4096];
	FILE *fp = NULL;
	char *raw = NULL, *utf = NULL, *line, *next;
	long size;
	int rc = -1;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "rb");
	if (!fp) {
		set_error(error, "%s: %s", path, strerror(errno));
		goto done;
	}
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0)
		goto io;
	raw = malloc((size_t)size + 1);
	if (!raw || fread(raw, 1, (size_t)size, fp) != (size_t)size)
		goto io;
	utf = text_from_charset("EUC-JP", raw, (size_t)size, 1);
	if (!utf)
		goto io;
	for (line = utf; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (add_row(rs, line) != 0)
			goto io;
	}
	rc = 0;
	goto done;
io:
	set_error(error, "%s: cannot read (%s)", path, errno ? strerror(errno) : "conversion failed");
done:
	if (fp)
		fclose(fp);
	free(raw);
	free(utf);
	return rc;
}

int readings_build(const char *csv_dir, const char *out_path, char **error)
{
	static const char *files[] = {
		"Noun.csv", "Noun.adjv.csv", "Noun.adverbal.csv", "Noun.verbal.csv", "Noun.nai.csv",
		"Noun.demonst.csv", "Noun.name.csv", "Noun.org.csv", "Noun.place.csv",
		"Noun.proper.csv", "Noun.others.csv", "Suffix.csv", "Prefix.csv", "Postp.csv",
		"Postp-col.csv", "Auxil.csv", "Adverb.csv", "Adnominal.csv", "Conjunction.csv",
		"Adj.csv", "Verb.csv", NULL
	};
	recs rs = { NULL, 0, 0 };
	FILE *out = NULL;
	char tmp[4096];
	size_t i, n = 0;
	uint32_t off = 0;
	int rc = -1;
	*error = NULL;
	for (i = 0; files[i]; i++)
		if (read_csv(&rs, csv_dir, files[i], error) != 0)
			goto done;
	qsort(rs.v, rs.n, sizeof *rs.v, rec_cmp);
	/* Keep one record per (key, reading, class): the cheapest. */
	for (i = 0; i < rs.n; i++) {
		rec *p = n ? &rs.v[n - 1] : NULL, *e = &rs.v[i];
		if (p && p->klen == e->klen && p->len == e->len && p->flags == e->flags &&
		    !memcmp(p->key, e->key, e->klen) && !memcmp(p->kana, e->kana, e->len))
			continue;
		rs.v[n++] = *e;
	}
	snprintf(tmp, sizeof tmp, "%s.tmp", out_path);
	out = fopen(tmp, "wb");
	if (!out)
		goto io;
	{
		uint32_t count = (uint32_t)n;
		fwrite(MAGIC, 1, 8, out);
		fwrite(&count, 4, 1, out);
	}
	for (i = 0; i < n; i++) {
		fwrite(&off, 4, 1, out);
		off += 1u + rs.v[i].klen + 1u + rs.v[i].len + 3u;
	}
	for (i = 0; i < n; i++) {
		const rec *e = &rs.v[i];
		int16_t cost = (int16_t)e->cost;
		unsigned char fl = (unsigned char)e->flags;
		fputc(e->klen, out);
		fwrite(e->key, 1, e->klen, out);
		fputc(e->len, out);
		fwrite(e->kana, 1, e->len, out);
		fwrite(&cost, 2, 1, out);
		fputc(fl, out);
	}
	if (ferror(out) || fclose(out) != 0) {
		out = NULL;
		goto io;
	}
	out = NULL;
	if (rename(tmp, out_path) != 0)
		goto io;
	rc = 0;
	goto done;
io:
	set_error(error, "%s: %s", out_path, strerror(errno));
	if (out)
		fclose(out);
	unlink(tmp);
done:
	free(rs.v);
	return rc;
}

/* ---- run time ------------------------------------------------------------------- */

/* Checks every record of r once, so that lookups need no bounds checks: each offset
 * points at a whole record inside the file, and the keys are in order (the binary
 * search relies on it). Returns NULL, or a static description of the first fault. */
static const char *check_index(const readings *r, uint32_t *bad)
{
	size_t room = r->size - (size_t)(r->records - r->map);
	uint32_t i;
	for (i = 0; i < r->count; i++) {
		uint32_t off;
		const unsigned char *p;
		size_t kl, rl;
		memcpy(&off, &r->offsets[i], 4);
		*bad = i;
		if (off >= room || room - off < 2)
			return N_("offset past the end");
		p = r->records + off;
		kl = p[0];
		if (room - off < 1 + kl + 1)
			return N_("key past the end");
		rl = p[1 + kl];
		if (room - off < 1 + kl + 1 + rl + 2 + 1)
			return N_("reading past the end");
		if (i > 0) {
			const unsigned char *q = r->records + r->offsets[i - 1];
			size_t m = q[0] < kl ? q[0] : kl;
			int c = memcmp(q + 1, p + 1, m);
			if (c > 0 || (c == 0 && q[0] > kl))
				return N_("keys out of order");
		}
	}
	return NULL;
}

readings *readings_open(const char *path, char **error)
{
	readings *r = NULL;
	struct stat st;
	void *map = MAP_FAILED;
	const char *fault = NULL;
	uint32_t at = 0;
	int per_record = 0, fd = open(path, O_RDONLY);
	*error = NULL;
	if (fd < 0 || fstat(fd, &st) != 0)
		goto sys;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto sys;
	}
	if (st.st_size < 12) {
		fault = N_("shorter than its header");
		goto bad;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		goto sys;
	if (memcmp(map, MAGIC, 8) != 0) {
		fault = N_("wrong magic number");
		goto bad;
	}
	r = calloc(1, sizeof *r);
	if (!r)
		goto sys;
	r->map = map;
	r->size = (size_t)st.st_size;
	memcpy(&r->count, r->map + 8, 4);
	if ((size_t)r->count > (r->size - 12) / 4) {
		fault = N_("record count past the end");
		goto bad;
	}
	r->offsets = (const uint32_t *)(r->map + 12);
	r->records = r->map + 12 + (size_t)r->count * 4;
	fault = check_index(r, &at);
	if (fault) {
		per_record = 1;
		goto bad;
	}
	close(fd);
	return r;
bad:
	if (per_record)
		set_error(error, _("%s: corrupt reading index (%s at record %lu of %lu)"), path, _(fault),
		          (unsigned long)at + 1, (unsigned long)r->count);
	else
		set_error(error, _("%s: corrupt reading index (%s)"), path, _(fault));
	free(r);
	if (map != MAP_FAILED)
		munmap(map, (size_t)st.st_size);
	close(fd);
	errno = EINVAL;
	return NULL;
sys:
	at = (uint32_t)errno;
	set_error(error, "%s: %s", path, strerror((int)at));
	if (map != MAP_FAILED)
		munmap(map, (size_t)st.st_size);
	if (fd >= 0)
		close(fd);
	errno = (int)at;
	return NULL;
}

void readings_close(readings *r)
{
	if (!r)
		return;
	munmap((void *)r->map, r->size);
	free(r);
}

/* Compares the key of record i with key[0..n). */
static int key_cmp(const readings *r, uint32_t i, const unsigned char *key, size_t n)
{
	const unsigned char *p = r->records + r->offsets[i];
	size_t kl = p[0], m = kl < n ? kl : n;
	int c = memcmp(p + 1, key, m);
	if (c)
		return c;
	return (kl > n) - (kl < n);
}

size_t readings_lookup(const readings *r, const unsigned char *key, size_t n,
                       readings_hit *out, size_t max)
{
	uint32_t lo = 0, hi, i;
	size_t got = 0;
	if (!r || !n)
		return 0;
	hi = r->count;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (key_cmp(r, mid, key, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < r->count && got < max && key_cmp(r, i, key, n) == 0; i++) {
		const unsigned char *p = r->records + r->offsets[i];
		const unsigned char *q = p + 1 + p[0];
		int16_t cost;
		out[got].len = q[0];
		out[got].kana = q + 1;
		memcpy(&cost, q + 1 + q[0], 2);
		out[got].cost = cost;
		out[got].flags = q[1 + q[0] + 2];
		got++;
	}
	return got;
}
