/* romanize.c: the text -> romaji pipeline. A line is cut into pieces of a few KB (at NUL
 * bytes and, in very long lines, at punctuation or spaces), each piece is NFKC-folded,
 * glossary terms are found by longest match and constrained to be single MeCab tokens,
 * MeCab reads the rest, and the tokens are grouped into ALA-LC words:
 *  - the morphemes of one word are joined with ROMAJI_MORPHEME, so long vowels merge
 *    only inside a morpheme (the pronunciation field tells which vowels are long) while
 *    っ and ん work across morphemes;
 *  - particles stand alone (は/へ/を -> wa/e/o), inflections stay on their verb, place
 *    and person suffixes and counters after Arabic numerals are hyphenated, dates are
 *    read as dates (1日 tsuitachi, 24日 24-ka, 10月 10-gatsu);
 *  - Latin letters and digits pass through; Japanese punctuation becomes English;
 *  - kanji numerals are read whole, with the sound changes of the counter after them
 *    (三百 sanbyaku, 一か月 ikkagetsu, 一人 hitori);
 *  - capitals: sentence case, proper nouns (MeCab's tag; an unknown katakana word only
 *    when its neighbours show a name), organisation names up to their head noun and
 *    glossary terms as the glossary writes them.
 * Words without a reading are written as they are and reported once each. */
#include "config.h"

#include "romanize.h"

#include "i18n.h"
#include "lexicon.h"
#include "romanize-data.h"
#include "text.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ROMANIZE_PIECE 4096     /* bytes of input analysed at once */
#define ROMANIZE_BUCKETS 4096   /* glossary index: buckets by first code point */
#define ROMANIZE_MAX_WARNED 65536

/* Decodes the code point at s[*i] of valid UTF-8 (the input is checked before it gets
 * here; MeCab's fields are UTF-8) without a function call; -1 and one byte on a
 * truncated sequence. */
static inline int32_t next_cp(const char *str, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)str + *i;
	size_t left = len - *i;
	if (u[0] < 0x80) {
		*i += 1;
		return u[0];
	}
	if (u[0] < 0xE0 && left >= 2) {
		*i += 2;
		return ((int32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	}
	if (u[0] < 0xF0 && left >= 3) {
		*i += 3;
		return ((int32_t)(u[0] & 0x0F) << 12) | ((int32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	}
	if (left >= 4) {
		*i += 4;
		return ((int32_t)(u[0] & 0x07) << 18) | ((int32_t)(u[1] & 0x3F) << 12)
		       | ((int32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
	}
	*i += 1;
	return -1;
}

typedef struct sbuf {
	char *p;
	size_t n, cap;
} sbuf;

static int sb_reserve(sbuf *b, size_t k)
{
	if (b->n + k + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *p;
		while (cap < b->n + k + 1)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p)
			return -1;
		b->p = p;
		b->cap = cap;
	}
	return 0;
}

static int sb_add(sbuf *b, const char *s, size_t k)
{
	if (sb_reserve(b, k) != 0)
		return -1;
	memcpy(b->p + b->n, s, k);
	b->n += k;
	b->p[b->n] = '\0';
	return 0;
}

static int sb_adds(sbuf *b, const char *s)
{
	return sb_add(b, s, strlen(s));
}

typedef struct term {
	char *key;      /* NFKC written form */
	size_t key_len;
	char *kana;
	char *romaji;
	int proper;     /* the romaji starts with a capital */
	int short_key;  /* the written form is two characters or one */
} term;

typedef struct bucket {
	size_t *idx;    /* term indexes, longest key first */
	size_t n, cap;
} bucket;

/* What the previous piece of output was, for the joining rules. */
enum prev_kind {
	P_START = 0, /* nothing yet on this line */
	P_KANA,      /* a Japanese word (kana, glossary term, unknown characters) */
	P_LATIN,     /* Latin letters, digits or ASCII symbols, as written */
	P_DIGITS,    /* Arabic numerals */
	P_PUNCT,     /* Japanese punctuation: a space follows */
	P_OPEN       /* an opening quote or bracket, a dash: nothing follows */
};

typedef struct match {
	size_t b, e;
	const term *t;
} match;

typedef struct unit {
	morph_token tk;       /* the token (readings and class possibly adjusted) */
	const term *t;        /* or a glossary term */
	size_t space_before;
	int orgcap;           /* part of an organisation's name: capitalise each word */
	int glue;             /* one word with the unit before (スマート|フォン) */
	int apart;            /* a word of its own (三回 after 第: Dai sankai) */
	const char *fixed;    /* romaji to write as it is (日 before 中: Nit) */
} unit;

struct romanizer {
	morph *m;
	romanize_options o;
	term *terms;
	size_t n_terms, cap_terms;
	bucket buckets[ROMANIZE_BUCKETS];
	romanize_unknown_fn *unk;
	void *unk_arg;
	char **warned;        /* open-addressing set of words already reported */
	size_t n_warned, cap_warned;
	match *matches;
	size_t n_matches, cap_matches;
	unit *units;
	size_t n_units, cap_units;
	sbuf out, wk, tmp;
	/* The arena of the piece: readings made up while reading it (kanji numerals, 日本
	 * in a word, 京都大学). Units keep pointers into it until the piece is written, so
	 * it is reserved once per piece (romanize_units: 8 bytes per input byte) and must
	 * never grow after that: a rule that finds no room does not apply. */
	sbuf arena;
	/* state of the current line */
	int wk_cap;           /* capitalise the word in wk */
	int line_empty;       /* nothing written on this line yet */
	int sentence_start;
	char pending;         /* separator owed before the next word: 0, ' ', '-' */
	enum prev_kind pk;
	morph_class pcls;
	unsigned pflags;
	int p_te;             /* the previous token was the conjunctive て/で */
	int p_proper;         /* the previous word is a proper noun */
	int p_single;         /* the previous token was a one-kanji proper noun (日, 米) */
	int slug_hyphen;      /* slug: a hyphen is owed */
	int slug_started;
	char *error;          /* why the last step failed (malloc'd), NULL: out of memory */
};

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

static void org_heads_init(void);

romanizer *romanize_new(morph *m, const romanize_options *o)
{
	romanizer *r = calloc(1, sizeof *r);
	org_heads_init();
	if (!r)
		return NULL;
	r->m = m;
	if (o)
		r->o = *o;
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
	for (i = 0; i < r->cap_warned; i++)
		free(r->warned[i]);
	free(r->warned);
	free(r->matches);
	free(r->units);
	free(r->out.p);
	free(r->wk.p);
	free(r->tmp.p);
	free(r->arena.p);
	free(r->error);
	free(r);
}

void romanize_set_unknown(romanizer *r, romanize_unknown_fn *fn, void *arg)
{
	r->unk = fn;
	r->unk_arg = arg;
}

static uint32_t hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* Reports word once (bounded: after ROMANIZE_MAX_WARNED words every one is reported). */
static void romanize_report_unknown(romanizer *r, const char *w, size_t n)
{
	size_t i;
	if (!r->unk)
		return;
	if (r->n_warned * 2 >= r->cap_warned && r->cap_warned < ROMANIZE_MAX_WARNED * 2) {
		size_t cap = r->cap_warned ? r->cap_warned * 2 : 64, k;
		char **nw = calloc(cap, sizeof *nw);
		if (nw) {
			for (k = 0; k < r->cap_warned; k++) {
				char *s = r->warned[k];
				if (!s)
					continue;
				i = hash_bytes(s, strlen(s)) & (cap - 1);
				while (nw[i])
					i = (i + 1) & (cap - 1);
				nw[i] = s;
			}
			free(r->warned);
			r->warned = nw;
			r->cap_warned = cap;
		}
	}
	if (r->cap_warned && r->n_warned * 2 < r->cap_warned) {
		i = hash_bytes(w, n) & (r->cap_warned - 1);
		while (r->warned[i]) {
			if (strlen(r->warned[i]) == n && memcmp(r->warned[i], w, n) == 0)
				return;
			i = (i + 1) & (r->cap_warned - 1);
		}
		r->warned[i] = malloc(n + 1);
		if (r->warned[i]) {
			memcpy(r->warned[i], w, n);
			r->warned[i][n] = '\0';
			r->n_warned++;
		}
	}
	r->unk(w, n, r->unk_arg);
}

/* ---- the glossary index ------------------------------------------------------ */

static size_t first_cp_bucket(const char *s, size_t len)
{
	size_t i = 0;
	int32_t cp = next_cp(s, len, &i);
	return (size_t)(cp < 0 ? 0 : cp) % ROMANIZE_BUCKETS;
}

static size_t cp_count(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	while (i < len) {
		next_cp(s, len, &i);
		n++;
	}
	return n;
}

int romanize_add_term(romanizer *r, const char *ja, const char *kana, const char *romaji)
{
	term t;
	bucket *b;
	size_t i;

	if (!ja || !*ja || !romaji || !*romaji)
		return 0;
	memset(&t, 0, sizeof t);
	t.key = text_nfkc(ja, (size_t)-1);
	if (!t.key)
		return -1;
	t.key_len = strlen(t.key);
	if (cp_count(t.key, t.key_len) < 2) {
		free(t.key);
		return 0;
	}
	t.kana = strdup(kana ? kana : "");
	t.romaji = strdup(romaji);
	if (!t.kana || !t.romaji)
		goto oom;
	t.proper = romaji[0] >= 'A' && romaji[0] <= 'Z';
	t.short_key = cp_count(t.key, t.key_len) <= 2;
	if ((unsigned char)romaji[0] == 0xC4 || (unsigned char)romaji[0] == 0xC5)
		t.proper = ((unsigned char)romaji[1] & 1) == 0; /* Ā Ē Ī Ō Ū are even */
	if (r->n_terms == r->cap_terms) {
		size_t cap = r->cap_terms ? r->cap_terms * 2 : 256;
		term *p = realloc(r->terms, cap * sizeof *p);
		if (!p)
			goto oom;
		r->terms = p;
		r->cap_terms = cap;
	}
	b = &r->buckets[first_cp_bucket(t.key, t.key_len)];
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4;
		size_t *p = realloc(b->idx, cap * sizeof *p);
		if (!p)
			goto oom;
		b->idx = p;
		b->cap = cap;
	}
	/* Keep the bucket longest first; an equal key added later does not replace. */
	for (i = b->n; i > 0 && r->terms[b->idx[i - 1]].key_len < t.key_len; i--)
		b->idx[i] = b->idx[i - 1];
	b->idx[i] = r->n_terms;
	b->n++;
	r->terms[r->n_terms++] = t;
	return 0;
oom:
	free(t.key);
	free(t.kana);
	free(t.romaji);
	return -1;
}

static int romanize_lexicon_entry(const lexicon_entry *e, void *arg)
{
	romanizer *r = arg;
	return romanize_add_term(r, e->ja, e->kana, e->romaji) != 0 ? -2 : 0;
}

int romanize_load_lexicon(romanizer *r, lexicon *lex, char **error)
{
	unsigned mask = (1u << LEXICON_SEED) | (1u << LEXICON_USER) | (1u << LEXICON_TSV);
	int rc;
	*error = NULL;
	rc = lexicon_foreach(lex, mask, romanize_lexicon_entry, r, error);
	if (rc == -2) {
		*error = strdup(strerror(ENOMEM));
		return -1;
	}
	return rc == 0 ? 0 : -1;
}

static int is_ascii_alnum(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
}

/* A CJK ideograph or 々 (a quick range test, no ICU call). */
static int is_kanji_quick(int32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3005
	       || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

static int cp_before(const char *s, size_t pos, int32_t *cp)
{
	size_t i = pos;
	if (pos == 0)
		return 0;
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	*cp = next_cp(s, pos, &i);
	return 1;
}

/* Finds glossary terms in s[0..len), longest first, left to right. */
static int romanize_find_terms(romanizer *r, const char *s, size_t len)
{
	size_t pos = 0;
	r->n_matches = 0;
	if (!r->n_terms)
		return 0;
	while (pos < len) {
		size_t next = pos, k;
		int32_t cp = next_cp(s, len, &next), before;
		const bucket *b = &r->buckets[(size_t)(cp < 0 ? 0 : cp) % ROMANIZE_BUCKETS];
		const term *found = NULL;
		if (!b->n) {
			pos = next;
			continue;
		}
		if (is_ascii_alnum(cp) && cp_before(s, pos, &before) && is_ascii_alnum(before))
			b = NULL; /* never start inside a Latin word */
		for (k = 0; b && k < b->n; k++) {
			const term *t = &r->terms[b->idx[k]];
			size_t j = pos + t->key_len;
			int32_t last = 0, after;
			if (t->key_len > len - pos || memcmp(s + pos, t->key, t->key_len) != 0)
				continue;
			cp_before(s, j, &last);
			if (j < len && is_ascii_alnum(last)) {
				size_t jj = j;
				after = next_cp(s, len, &jj);
				if (is_ascii_alnum(after))
					continue; /* never end inside a Latin word */
			}
			if (t->short_key) {
				/* a term of two characters next to another kanji is likely a part
				 * of a longer word MeCab knows (日本海 Nihonkai, 北九州 Kitakyūshū,
				 * 会議室 kaigishitsu): MeCab reads it there */
				size_t jj = j;
				if (cp_before(s, pos, &before) && is_kanji_quick(before))
					continue;
				if (j < len && is_kanji_quick(next_cp(s, len, &jj)))
					continue;
			}
			found = t;
			break;
		}
		if (found) {
			if (r->n_matches == r->cap_matches) {
				size_t cap = r->cap_matches ? r->cap_matches * 2 : 16;
				match *p = realloc(r->matches, cap * sizeof *p);
				if (!p)
					return -1;
				r->matches = p;
				r->cap_matches = cap;
			}
			r->matches[r->n_matches].b = pos;
			r->matches[r->n_matches].e = pos + found->key_len;
			r->matches[r->n_matches].t = found;
			r->n_matches++;
			if (morph_constrain(r->m, pos, pos + found->key_len) != 0)
				return -1;
			pos += found->key_len;
		} else
			pos = next;
	}
	return 0;
}

/* ---- output -------------------------------------------------------------------- */

/* Upper-cases the first letter of s in place (ASCII and the vowels with a macron or
 * a circumflex, the only non-ASCII letters romaji has). */
static void cap_first(char *s)
{
	unsigned char *u = (unsigned char *)s;
	for (; *u; u++) {
		if (*u >= 'a' && *u <= 'z') {
			*u -= 32;
			return;
		}
		if ((*u >= 'A' && *u <= 'Z') || (*u >= '0' && *u <= '9'))
			return;
		if (*u == 0xC4 || *u == 0xC5) { /* ā ē ī ō ū: U+0101.. odd -> even */
			if (u[1] & 1)
				u[1]--;
			return;
		}
		if (*u == 0xC3) { /* â ê î ô û: U+00E2.. -> U+00C2.. */
			if (u[1] >= 0xA0)
				u[1] -= 0x20;
			return;
		}
		if (*u >= 0x80)
			return;
	}
}

static void lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s += 32;
}

static int put_sep(romanizer *r)
{
	int rc = 0;
	if (!r->line_empty && r->pending)
		rc = sb_add(&r->out, &r->pending, 1);
	r->pending = 0;
	return rc;
}

/* Romanizes the word collected in wk and appends it. */
static int flush_word(romanizer *r)
{
	char *s;
	if (!r->wk.n)
		return 0;
	s = romaji_from_kana(r->wk.p, r->wk.n, r->o.sys, r->o.lng);
	r->wk.n = 0;
	if (!s)
		return -1;
	if (r->wk_cap)
		cap_first(s);
	if (sb_adds(&r->out, s) != 0) {
		free(s);
		return -1;
	}
	free(s);
	r->line_empty = 0;
	return 0;
}

/* Appends text as written (Latin, digits, a fixed romaji), starting a new word when
 * sep is not 0, else joined to the word before. */
static int put_fixed(romanizer *r, const char *s, size_t n, char sep, int cap)
{
	if (flush_word(r) != 0)
		return -1;
	if (sep && !r->pending)
		r->pending = sep;
	if (!sep)
		r->pending = 0;
	if (put_sep(r) != 0)
		return -1;
	if (cap) {
		size_t at = r->out.n;
		if (sb_add(&r->out, s, n) != 0)
			return -1;
		cap_first(r->out.p + at);
	} else if (sb_add(&r->out, s, n) != 0)
		return -1;
	r->line_empty = 0;
	return 0;
}

/* Adds kana as a morpheme: of a new word when newword (after the separator sep, if
 * any; cap: capitalise that word), else of the current word. */
static int put_kana(romanizer *r, const char *kana, size_t n, char sep, int cap, int newword)
{
	if (newword) {
		if (flush_word(r) != 0)
			return -1;
		if (sep && !r->pending)
			r->pending = sep;
		if (!sep)
			r->pending = 0;
		if (put_sep(r) != 0)
			return -1;
		r->wk_cap = cap;
	} else {
		r->pending = 0;
		if (r->wk.n && sb_add(&r->wk, ROMAJI_MORPHEME, 1) != 0)
			return -1;
		if (!r->wk.n)
			r->wk_cap = 0;
	}
	if (sb_add(&r->wk, kana, n) != 0)
		return -1;
	r->line_empty = 0; /* the word will be written */
	return 0;
}

/* ---- readings ------------------------------------------------------------------ */

static int is_vowel_kana(int32_t cp)
{
	switch (cp) {
	case 0x30A2: case 0x30A4: case 0x30A6: case 0x30A8: case 0x30AA: /* アイウエオ */
	case 0x3042: case 0x3044: case 0x3046: case 0x3048: case 0x304A: /* あいうえお */
		return 1;
	}
	return 0;
}

static int is_kana_only(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int32_t cp = next_cp(s, n, &i);
		if (!text_is_hiragana(cp) && !text_is_katakana(cp))
			return 0;
	}
	return n > 0;
}

static int is_katakana_only(const char *s, size_t n)
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

/* The kana of one token into r->tmp: its reading, with a morpheme boundary before
 * every vowel that the pronunciation does not lengthen (湖 ミズ|ウミ, 思う オモ|ウ,
 * but 東京 トウキョウ/トーキョー stays whole), and a final ハ read ワ (こんにちは). */
static int token_kana(romanizer *r, const morph_token *t)
{
	const char *rd = t->reading, *pr = t->pron;
	size_t rn = t->reading_len, pn = t->pron_len, i = 0, j = 0, n = 0;
	char *out;

	r->tmp.n = 0;
	if (!rd) {
		rd = t->surface;
		rn = t->surface_len;
		pr = NULL;
	}
	if (!pr || pr == rd)
		return sb_add(&r->tmp, rd, rn);
	/* at most a boundary byte per character is added (ワ is as long as ハ) */
	if (sb_reserve(&r->tmp, 2 * rn) != 0)
		return -1;
	out = r->tmp.p;
	while (i < rn && j < pn) {
		size_t i0 = i;
		int32_t a = next_cp(rd, rn, &i);
		int32_t b = next_cp(pr, pn, &j);
		if (i0 > 0 && is_vowel_kana(a) && b != 0x30FC)
			out[n++] = ROMAJI_MORPHEME_CHAR;
		if (a == 0x30CF && b == 0x30EF && i == rn && j == pn) { /* ハ read ワ */
			memcpy(out + n, "ワ", strlen("ワ"));
			n += strlen("ワ");
		} else {
			memcpy(out + n, rd + i0, i - i0);
			n += i - i0;
		}
	}
	if (i < rn || j < pn) /* not as many characters: the reading as it is */
		return sb_add(&r->tmp, rd, rn);
	r->tmp.n = n;
	out[n] = '\0';
	return 0;
}

static int contains(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i;
	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return 1;
	return 0;
}

static inline int surface_is(const morph_token *t, const char *s)
{
	/* the first byte first: most calls compare against a table of words */
	return t->surface_len && t->surface[0] == s[0] && t->surface_len == strlen(s)
	       && memcmp(t->surface, s, t->surface_len) == 0;
}

/* あたり, 当たり ("per"): a word of its own after a number. */
static int is_atari(const morph_token *t)
{
	return surface_is(t, "あたり") || surface_is(t, "当たり") || surface_is(t, "当り");
}

/* ---- joining rules --------------------------------------------------------------- */

static int is_verbal(morph_class c)
{
	return c == MORPH_VERB || c == MORPH_VERB_DEP || c == MORPH_VERB_SUFFIX
	       || c == MORPH_ADJECTIVE || c == MORPH_AUXVERB;
}

/* The separator before a Japanese token t: 0 (same word), '-' or ' '. */
static char join_kana(const romanizer *r, const morph_token *t, size_t space_before)
{
	morph_class c = t->cls, p = r->pcls;
	if (r->pk == P_START || r->pk == P_OPEN)
		return 0;
	if (r->pk == P_PUNCT || space_before)
		return ' ';
	if (r->pk == P_LATIN || r->pk == P_DIGITS) {
		if (c == MORPH_SUFFIX || c == MORPH_PLACE_SUFFIX || c == MORPH_PERSON_SUFFIX
		    || c == MORPH_COUNTER || (r->pk == P_DIGITS && c == MORPH_NUMBER))
			return '-';
		return ' ';
	}
	if (p == MORPH_PREFIX && c != MORPH_PARTICLE && c != MORPH_SYMBOL)
		return c == MORPH_PROPER ? '-' : 0; /* Zen-Nihon, but shinseihin */
	if (r->p_single && c == MORPH_PROPER && cp_count(t->surface, t->surface_len) == 1) {
		if ((r->pflags & MORPH_F_PERSON) && !(r->pflags & MORPH_F_PLACE))
			return 0; /* a given name MeCab cut in two (聡|太): one word */
		return '-'; /* 日米 Nichi-Bei */
	}
	switch (c) {
	case MORPH_PARTICLE:
		return ' ';
	case MORPH_CONJ_PARTICLE: {
		const char *const *joined = romanize_conj_joined;
		size_t i;
		if (is_verbal(p))
			for (i = 0; joined[i]; i++)
				if (surface_is(t, joined[i]))
					return 0;
		return ' ';
	}
	case MORPH_AUXVERB:
		if (t->flags & MORPH_F_COPULA)
			return (p == MORPH_AUXVERB && (r->pflags & MORPH_F_COPULA)) ? 0 : ' ';
		return is_verbal(p) ? 0 : ' ';
	case MORPH_VERB_SUFFIX:
		return 0;
	case MORPH_VERB_DEP:
		return r->p_te ? ' ' : 0;
	case MORPH_VERB:
		return p == MORPH_VERB ? 0 : ' ';
	case MORPH_ADJECTIVE:
		return ((t->flags & MORPH_F_DEP) && is_verbal(p) && !r->p_te) ? 0 : ' ';
	case MORPH_SUFFIX:
		if (is_atari(t))
			return ' '; /* 1日あたり 1-nichi atari, as 一人当たり hitori atari */
		return (p == MORPH_PARTICLE || p == MORPH_CONJ_PARTICLE) ? ' ' : 0;
	case MORPH_PLACE_SUFFIX:
	case MORPH_PERSON_SUFFIX:
		return r->p_proper ? '-' : 0;
	case MORPH_COUNTER:
		return (p == MORPH_NUMBER || p == MORPH_NOUN || p == MORPH_SUFFIX) ? 0 : ' ';
	case MORPH_NUMBER:
		return p == MORPH_NUMBER ? 0 : ' ';
	default:
		return ' ';
	}
}

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
	memcpy(r->arena.p + at, buf, bn);
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
static int digits_special(romanizer *r, const char *d, size_t dn, const morph_token *t,
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
				i = sb_adds(&r->tmp, s);
				free(s);
				if (i == 0 && span)
					i = sb_adds(&r->tmp, "kan");
				return i == 0 ? 1 : -1;
			}
			if (sb_adds(&r->tmp, w) != 0 || (span && sb_adds(&r->tmp, "kan") != 0))
				return -1;
			return 1;
		}
		if (sb_add(&r->tmp, d, dn) != 0
		    || sb_adds(&r->tmp, (v % 10 == 4 && v <= 34) ? "-ka" : "-nichi") != 0
		    || (span && sb_adds(&r->tmp, "kan") != 0))
			return -1;
		return 1;
	}
	if (surface_is(t, "月")) {
		if (sb_add(&r->tmp, d, dn) != 0 || sb_adds(&r->tmp, "-gatsu") != 0)
			return -1;
		return 1;
	}
	if (surface_is(t, "人") && (v == 1 || v == 2))
		return sb_adds(&r->tmp, v == 1 ? "hitori" : "futari") == 0 ? 1 : -1;
	if (surface_is(t, "つ") && v >= 1 && v <= 9 && dn == 1) {
		/* native numbers: 1つ hitotsu ... 9つ kokonotsu */
		static const char *tsu[] = { NULL, "ひとつ", "ふたつ", "みっつ", "よっつ", "いつつ",
		                             "むっつ", "ななつ", "やっつ", "ここのつ" };
		char *s = romaji_from_kana(tsu[v], (size_t)-1, r->o.sys, r->o.lng);
		if (!s)
			return -1;
		i = sb_adds(&r->tmp, s);
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
		i = sb_add(&r->tmp, d, dn) != 0 || sb_adds(&r->tmp, "-") != 0 || sb_adds(&r->tmp, s) != 0;
		free(s);
		return i ? -1 : 1;
	}
	return 0;
}

/* Whether the number of units[i] with 日 after it is a day of the month (1日
 * tsuitachi) rather than a length of time (1日に3回, 1日あたり: ichinichi): a month
 * before it makes it a date; a number, あたり, 中, 間, おき, ごと, も, で ... after it
 * a length; else a date (news: 岸田首相は1日、...). */
static int day_is_date(const romanizer *r, size_t i)
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

/* ---- punctuation ------------------------------------------------------------------ */


static int put_punct(romanizer *r, const morph_token *t, size_t space_before)
{
	const struct romanize_punct *p;
	for (p = romanize_puncts; p->in; p++)
		if (t->surface_len && t->surface[0] == p->in[0] && surface_is(t, p->in))
			break;
	if (!p->in) {
		/* any other symbol: as written, keeping the input's spacing */
		char sep = (space_before || r->pk == P_PUNCT) ? ' ' : 0;
		if (r->pk == P_KANA && !t->surface_len)
			sep = ' ';
		if (put_fixed(r, t->surface, t->surface_len, sep, 0) != 0)
			return -1;
		/* a colon or a semicolon (：, ； folded) is followed by a space, also before
		 * digits (資料：2024年 -> shiryō: 2024-nen), but not between digits (3:1, 10:30) */
		r->pk = (t->surface_len == 1 && (t->surface[0] == ':' || t->surface[0] == ';')
		         && r->pk != P_DIGITS && r->pk != P_LATIN) ? P_PUNCT : P_LATIN;
		r->pcls = MORPH_SYMBOL;
		return 0;
	}
	if (flush_word(r) != 0)
		return -1;
	switch (p->kind) {
	case ROMANIZE_PUNCT_PAUSE:
	case ROMANIZE_PUNCT_STOP:
	case ROMANIZE_PUNCT_CLOSE:
		r->pending = 0;
		if (sb_adds(&r->out, p->out) != 0)
			return -1;
		r->line_empty = 0;
		r->pk = P_PUNCT;
		if (p->kind == ROMANIZE_PUNCT_STOP)
			r->sentence_start = 1;
		break;
	case ROMANIZE_PUNCT_OPEN:
		if (r->pk != P_OPEN && !r->line_empty)
			r->pending = ' ';
		if (put_sep(r) != 0 || sb_adds(&r->out, p->out) != 0)
			return -1;
		r->line_empty = 0;
		r->pk = P_OPEN;
		break;
	case ROMANIZE_PUNCT_DASH:
		r->pending = 0;
		if (sb_adds(&r->out, p->out) != 0)
			return -1;
		r->line_empty = 0;
		r->pk = P_OPEN;
		break;
	case ROMANIZE_PUNCT_SEPARATOR:
		r->pk = P_PUNCT;
		break;
	}
	r->pcls = MORPH_SYMBOL;
	r->pflags = 0;
	r->p_proper = 0;
	r->p_te = 0;
	r->p_single = 0;
	return 0;
}

/* ---- one piece of text ------------------------------------------------------------- */

/* Glossary romaji in the chosen system: as written for hepburn, else the kana
 * romanized word by word, with the glossary's separators (space or hyphen) and
 * capitals when its words line up with the kana's. Into r->tmp. */
static int term_romaji(romanizer *r, const term *t)
{
	char *s;
	const char *g, *k;
	size_t nk = 1, ng = 1, i;
	int rc = -1;
	r->tmp.n = 0;
	if ((r->o.sys == ROMAJI_HEPBURN && r->o.lng == ROMAJI_LONG_DEFAULT) || !*t->kana)
		return sb_adds(&r->tmp, t->romaji);
	s = romaji_from_kana(t->kana, (size_t)-1, r->o.sys, r->o.lng);
	if (!s)
		return -1;
	for (i = 0; s[i]; i++)
		nk += s[i] == ' ';
	for (i = 0; t->romaji[i]; i++)
		ng += t->romaji[i] == ' ' || t->romaji[i] == '-';
	if (nk != ng) {
		rc = sb_adds(&r->tmp, s);
		free(s);
		return rc;
	}
	g = t->romaji;
	k = s;
	for (;;) {
		size_t kw = strcspn(k, " "), gw = strcspn(g, " -"), at = r->tmp.n;
		if (sb_add(&r->tmp, k, kw) != 0)
			goto done;
		if ((*g >= 'A' && *g <= 'Z') || (((unsigned char)*g == 0xC4
		    || (unsigned char)*g == 0xC5) && !((unsigned char)g[1] & 1)))
			cap_first(r->tmp.p + at);
		k += kw;
		g += gw;
		if (!*k || !*g)
			break;
		if (sb_add(&r->tmp, g, 1) != 0)
			goto done;
		k++;
		g++;
	}
	rc = 0;
done:
	free(s);
	return rc;
}

/* --style title on a glossary term: capitalise each word after a space but the
 * particles. */
static void title_words(char *s)
{
	const char *const *particles = romanize_particles;
	char *w = s;
	while (*w) {
		size_t n = strcspn(w, " "), k;
		for (k = 0; particles[k]; k++)
			if (strlen(particles[k]) == n && strncmp(w, particles[k], n) == 0)
				break;
		if (!particles[k] && w != s)
			cap_first(w);
		w += n;
		while (*w == ' ')
			w++;
	}
}

static int word_cap(const romanizer *r, morph_class c, int orgcap)
{
	switch (r->o.style) {
	case ROMANIZE_ALALC:
		return r->sentence_start || c == MORPH_PROPER || orgcap;
	case ROMANIZE_TITLE:
		return c != MORPH_PARTICLE && c != MORPH_CONJ_PARTICLE;
	default:
		return 0;
	}
}

static unit *unit_push(romanizer *r)
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
static const struct romanize_exception *exception_find(const char *s, size_t n)
{
	const struct romanize_exception *x;
	for (x = romanize_exceptions; x->surface; x++)
		if (strlen(x->surface) == n && memcmp(x->surface, s, n) == 0)
			return x;
	return NULL;
}

static int ends_with(const char *s, size_t n, const char *w, size_t wn)
{
	return n > wn && memcmp(s + n - wn, w, wn) == 0;
}

static int ends_with_str(const char *s, size_t n, const char *w)
{
	size_t wn = strlen(w);
	return n >= wn && memcmp(s + n - wn, w, wn) == 0;
}

/* Cuts a proper-noun token before a known head noun, repeatedly (日本経済新聞社 ->
 * 日本 経済 新聞社). Pushes the units; returns 0, or -1 when out of memory. */
static int push_proper(romanizer *r, const morph_token *tok, size_t space_before)
{
	morph_token parts[4];
	const struct romanize_exception *x;
	int np = 0, title = 0, k;
	morph_token rest = *tok;

	while (np < 3 && rest.reading) {
		const struct romanize_head *h;
		/* a head noun MeCab keeps in one proper-noun token with the name before it
		 * (東京大学, 毎日新聞): cut off, so that ALA-LC's words appear (Tōkyō Daigaku) */
		for (h = romanize_split_heads; h->surface; h++) {
			size_t sn = strlen(h->surface), rn = strlen(h->reading);
			if (ends_with(rest.surface, rest.surface_len, h->surface, sn)
			    && ends_with(rest.reading, rest.reading_len, h->reading, rn))
				break;
		}
		/* a head with a reading of its own (日本 Nihon) is cut off after one character
		 * too (東日本 Higashi Nihon) */
		x = h->surface ? exception_find(h->surface, strlen(h->surface)) : NULL;
		if (!h->surface || (cp_count(rest.surface, rest.surface_len - strlen(h->surface)) < 2
		                    && !x))
			break;
		{
			morph_token head = rest;
			size_t sn = strlen(h->surface), rn = strlen(h->reading);
			size_t rcp = cp_count(rest.reading, rest.reading_len);
			head.surface = rest.surface + rest.surface_len - sn;
			head.surface_len = sn;
			head.offset = rest.offset + rest.surface_len - sn;
			head.space_before = 0;
			head.reading = rest.reading + rest.reading_len - rn;
			head.reading_len = rn;
			head.pron = NULL;
			head.pron_len = 0;
			if (x) {
				head.reading = x->reading; /* ALA-LC: Nihon */
				head.reading_len = strlen(x->reading);
			}
			if (rest.pron && cp_count(rest.pron, rest.pron_len) == rcp) {
				/* cut the pronunciation after as many characters as the reading */
				size_t keep = rcp - cp_count(h->reading, rn), i = 0, c;
				for (c = 0; c < keep; c++)
					next_cp(rest.pron, rest.pron_len, &i);
				head.pron = rest.pron + i;
				head.pron_len = rest.pron_len - i;
				rest.pron_len = i;
			} else
				rest.pron = NULL;
			rest.surface_len -= sn;
			rest.reading_len -= rn;
			if (np == 0 && h->newspaper)
				title = 1;
			parts[np++] = head;
		}
	}
	if (np == 0 || !rest.surface_len || !rest.reading_len) {
		unit *u = unit_push(r);
		if (!u)
			return -1;
		u->tk = *tok;
		u->space_before = space_before;
		return 0;
	}
	parts[np++] = rest;
	for (k = np - 1; k >= 0; k--) {
		unit *u = unit_push(r);
		if (!u)
			return -1;
		u->tk = parts[k];
		u->space_before = k == np - 1 ? space_before : 0;
		if (k != np - 1) {
			u->tk.cls = title ? MORPH_NOUN : MORPH_PROPER;
			u->tk.flags &= ~(unsigned)MORPH_F_UNKNOWN;
		}
	}
	return 0;
}

/* Pushes one token as the next word(s): a proper noun with a reading is split into its
 * name and head words (push_proper) unless the style is spaced; anything else becomes
 * one unit. Returns 0, or -1 when out of memory. */
static int push_token(romanizer *r, const morph_token *tk)
{
	unit *u;
	if (tk->cls == MORPH_PROPER && tk->reading && r->o.style != ROMANIZE_SPACED)
		return push_proper(r, tk, tk->space_before);
	if (!(u = unit_push(r)))
		return -1;
	u->tk = *tk;
	u->space_before = tk->space_before;
	return 0;
}


#define org_heads romanize_org_heads

/* The length of org_heads[k] (lengths kept for the first ORG_LENS heads). */
#define ORG_LENS 256
static size_t org_lens[ORG_LENS];

static size_t org_head_len(size_t k)
{
	return k < ORG_LENS ? org_lens[k] : strlen(org_heads[k]);
}

/* Whether some organisation head ends with byte c (a quick filter). */
static unsigned char org_tail_set[4096 / 8];

/* Fills the tables of organisation heads (their lengths, their last two bytes). Called by
 * romanize_new, before any thread works. */
static void org_heads_init(void)
{
	static int done;
	size_t k;
	if (done)
		return;
	done = 1;
	for (k = 0; org_heads[k]; k++) {
		const unsigned char *h = (const unsigned char *)org_heads[k];
		size_t n = strlen(org_heads[k]);
		if (k < ORG_LENS)
			org_lens[k] = n;
		unsigned v = ((unsigned)(h[n - 2] & 0x3F) << 6) | (h[n - 1] & 0x3F);
		org_tail_set[v >> 3] |= (unsigned char)(1u << (v & 7));
	}
}

/* Whether some organisation head ends with the bytes a b (a quick filter). */
static int org_tail(unsigned char a, unsigned char b)
{
	unsigned v = ((unsigned)(a & 0x3F) << 6) | (b & 0x3F);
	return org_tail_set[v >> 3] & (1u << (v & 7));
}

static int is_run_class(morph_class c)
{
	return c == MORPH_NOUN || c == MORPH_PROPER || c == MORPH_SUFFIX || c == MORPH_PREFIX
	       || c == MORPH_PLACE_SUFFIX || c == MORPH_ALPHA; /* 三菱UFJ銀行 */
}

/* Latin letters that are no part of a name: with a digit or after one (5G, G7), or a
 * single letter. */
static int alpha_not_name(const romanizer *r, size_t i)
{
	const morph_token *t = &r->units[i].tk;
	size_t k;
	if (t->cls != MORPH_ALPHA)
		return 0;
	if (t->surface_len < 2 || (i > 0 && !r->units[i].space_before
	                           && r->units[i - 1].tk.cls == MORPH_NUMBER))
		return 1;
	for (k = 0; k < t->surface_len; k++)
		if (t->surface[k] >= '0' && t->surface[k] <= '9')
			return 1;
	return 0;
}

/* Whether the units of units[b..e) that begin before byte head are all prefixes
 * (新, 同, 前): what comes before an organisation head (内閣, 委員会) is then no name. */
static int only_prefixes(const romanizer *r, size_t b, size_t e, size_t head)
{
	for (; b < e && r->units[b].tk.offset < head; b++)
		if (r->units[b].t || r->units[b].tk.cls != MORPH_PREFIX)
			return 0;
	return 1;
}

/* Whether units[b..e) hold a name: a proper noun, Latin letters or a glossary term. */
static int run_has_name(const romanizer *r, size_t b, size_t e)
{
	for (; b < e; b++)
		if ((r->units[b].t && r->units[b].t->proper) || r->units[b].tk.cls == MORPH_PROPER
		    || r->units[b].tk.cls == MORPH_ALPHA)
			return 1;
	return 0;
}

/* Marks noun runs ending in an organisation head (文部科学省, 日本政府観光局). */
static void mark_org_runs(romanizer *r, const char *s)
{
	size_t i = 0, start;
	while (i < r->n_units) {
		start = i;
		while (i < r->n_units && (r->units[i].t || (is_run_class(r->units[i].tk.cls)
		                                            && !alpha_not_name(r, i)))
		       && (i == start || !r->units[i].space_before))
			i++;
		if (i > start) {
			/* the run is capitalised up to its last unit that ends an organisation's
			 * name (人工知能学会 in 人工知能学会全国大会) */
			size_t b = r->units[start].tk.offset, j, upto = 0, k;
			for (j = start; j < i; j++) {
				const morph_token *last = &r->units[j].tk;
				size_t e = last->offset + last->surface_len;
				if (e < 2 || !org_tail((unsigned char)s[e - 2], (unsigned char)s[e - 1]))
					continue;
				for (k = 0; org_heads[k]; k++) {
					size_t n = org_head_len(k);
					if (e - b > n && s[e - 1] == org_heads[k][n - 1]
					    && memcmp(s + e - n, org_heads[k], n) == 0)
						break;
				}
				/* a one-kanji head only as a token of its own after a name of two
				 * words or more (経済産業省, 日本政府観光局; not 基地局, 放送局) */
				/* a head after nothing but a prefix is no name (新内閣, 同委員会) */
				if (org_heads[k] && only_prefixes(r, start, j + 1, e - org_head_len(k)))
					continue;
				/* a katakana head (グループ) only after a name (ソニーグループ; not
				 * 研究グループ) */
				if (org_heads[k] && is_katakana_only(org_heads[k], org_head_len(k))
				    && !run_has_name(r, start, j))
					continue;
				if (org_heads[k] && (cp_count(org_heads[k], org_head_len(k)) > 1
				                     || last->cls == MORPH_PROPER
				                     || (last->surface_len == org_head_len(k)
				                         && j + 1 - start >= (strcmp(org_heads[k], "局") ? 2u : 3u))))
					upto = j + 1;
			}
			/* a head noun of a name (電力, 銀行, 大学) right after a proper noun that
			 * the glossary or MeCab keeps apart from it (九州|電力, 東京|電力) */
			for (j = start + 1; j < i; j++) {
				const char *const *name_heads = romanize_name_heads;
				const unit *pv = &r->units[j - 1];
				size_t h;
				if (r->units[j].t || !r->units[j].tk.reading
				    || !((pv->t && pv->t->proper) || (!pv->t && pv->tk.cls == MORPH_PROPER)))
					continue;
				for (h = 0; name_heads[h]; h++)
					if (surface_is(&r->units[j].tk, name_heads[h]))
						break;
				if (name_heads[h] && j + 1 > upto)
					upto = j + 1;
			}
			/* 株式会社 before a name: the whole run is the name (Kabushiki Kaisha
			 * Hitachi Seisakusho) */
			if (i - start >= 3 && !r->units[start].t
			    && (surface_is(&r->units[start].tk, "株式")
			        || surface_is(&r->units[start].tk, "有限"))
			    && surface_is(&r->units[start + 1].tk, "会社"))
				upto = i;
			for (k = start; k < upto; k++)
				r->units[k].orgcap = 1;
		} else
			i++;
	}
}

static int unit_is_katakana(const unit *u)
{
	return !u->t && is_katakana_only(u->tk.surface, u->tk.surface_len);
}

/* Whether the neighbours of units[b..e) show a name: a one-kanji country before it
 * (米グーグル), a country and の (カナダのテンストレント), 大手 (半導体大手キオクシア), a place
 * or person suffix, 社 or a title after it (エヌビディア社, トランプ氏, バイデン大統領),
 * 株式会社 on either side. */
static int loan_is_name(const romanizer *r, const char *s, size_t b, size_t e)
{
	const unit *prev = b > 0 && !r->units[b].space_before ? &r->units[b - 1] : NULL;
	const unit *next = e < r->n_units && !r->units[e].space_before ? &r->units[e] : NULL;
	size_t off = r->units[b].tk.offset;
	if (prev && !prev->t && prev->tk.cls == MORPH_PROPER && (prev->tk.flags & MORPH_F_PLACE)
	    && cp_count(prev->tk.surface, prev->tk.surface_len) == 1)
		return 1;
	if (prev && b >= 2 && !prev->t && !prev->space_before && prev->tk.cls == MORPH_PARTICLE
	    && surface_is(&prev->tk, "の") && !r->units[b - 2].t
	    && r->units[b - 2].tk.cls == MORPH_PROPER
	    && contains(r->units[b - 2].tk.pos, r->units[b - 2].tk.pos_len, "地域,国"))
		return 1;
	/* a major company: 半導体大手(の)キオクシア */
	if (prev && ends_with_str(prev->tk.surface, prev->tk.surface_len, "大手"))
		return 1;
	if (prev && b >= 2 && !prev->space_before && surface_is(&prev->tk, "の")
	    && ends_with_str(r->units[b - 2].tk.surface, r->units[b - 2].tk.surface_len, "大手"))
		return 1;
	if (next && !next->t
	    && (next->tk.cls == MORPH_PLACE_SUFFIX || next->tk.cls == MORPH_PERSON_SUFFIX
	        || surface_is(&next->tk, "社") || surface_is(&next->tk, "株式")))
		return 1;
	if (next && !next->t && (next->tk.cls == MORPH_PREFIX || surface_is(&next->tk, "次期")
	                         || surface_is(&next->tk, "前") || surface_is(&next->tk, "元"))
	    && e + 1 < r->n_units && !r->units[e + 1].space_before)
		next = &r->units[e + 1]; /* ハリス副大統領, トランプ次期大統領 */
	if (next && !next->t && !is_katakana_only(next->tk.surface, next->tk.surface_len)) {
		/* a person's title after the name: バイデン大統領, ゼレンスキー氏 */
		const char *const *titles = romanize_person_titles;
		size_t k;
		for (k = 0; titles[k]; k++)
			if (surface_is(&next->tk, titles[k]))
				return 1;
	}
	return prev && off >= strlen("会社")
	       && memcmp(s + off - strlen("会社"), "会社", strlen("会社")) == 0;
}

/* Whether t is a direction (北 南 東 西). */
static int is_direction(const morph_token *t)
{
	const struct romanize_direction *d;
	for (d = romanize_directions; d->surface; d++)
		if (surface_is(t, d->surface))
			return 1;
	return 0;
}

/* Loanwords. MeCab tags a katakana word it does not know (アプリ, マイナンバーカード,
 * テンストレント) by cost alone, as a common noun in one sentence and an organisation in
 * the next, so its tag says nothing: such a word is a common noun (lower case, as ALA-LC
 * writes loanwords) unless its neighbours show a name (loan_is_name). A known katakana
 * surname directly followed by another katakana noun is the first part of one word
 * (スマート|フォン, アリ|ババ): the two are joined and judged the same way. A known
 * katakana common noun before a person suffix is a name (トランプ氏). */
static void mark_loanwords(romanizer *r, const char *s)
{
	size_t i;
	for (i = 0; i < r->n_units; i++) {
		unit *u = &r->units[i], *next = NULL;
		morph_token *tk = &u->tk;
		if (i + 1 < r->n_units && !r->units[i + 1].space_before)
			next = &r->units[i + 1];
		if (!u->t && next && !next->t && surface_is(tk, "日") && tk->cls == MORPH_PROPER
		    && next->tk.cls == MORPH_PROPER && next->tk.surface_len == 3 && next->tk.reading
		    && next->tk.reading_len >= 3) {
			/* 日 before a country in k or t (日中 Nit-Chū, 日韓 Nik-Kan, 日朝 Nit-Chō):
			 * its ち is っ, written with the next consonant before the hyphen */
			static const char *kt[][2] = { { "カ", "nik" }, { "キ", "nik" }, { "ク", "nik" },
			                               { "ケ", "nik" }, { "コ", "nik" }, { "タ", "nit" },
			                               { "チ", "nit" }, { "ツ", "nit" }, { "テ", "nit" },
			                               { "ト", "nit" } };
			size_t k;
			for (k = 0; k < sizeof kt / sizeof kt[0]; k++)
				if (memcmp(next->tk.reading, kt[k][0], 3) == 0)
					break;
			if (k < sizeof kt / sizeof kt[0] && r->o.sys != ROMAJI_KUNREI
			    && r->o.sys != ROMAJI_NIHON && r->o.sys != ROMAJI_WAPURO)
				u->fixed = kt[k][1];
			continue;
		}
		if (!u->t && tk->cls == MORPH_PROPER && tk->surface_len == 3
		    && !(tk->flags & (MORPH_F_PERSON | MORPH_F_PLACE | MORPH_F_ORG))
		    && (unsigned char)tk->surface[0] >= 0xE4) {
			/* one kanji that IPAdic calls a proper noun of no kind (創 in 地方創生): a
			 * piece of a word MeCab cut wrongly, not a name */
			tk->cls = MORPH_NOUN;
			continue;
		}
		if (!u->t && i > 0 && !u->space_before && surface_is(tk, "中")) {
			/* 中 right after a noun is a suffix, never naka or China: jū after a year,
			 * a day or a place (一日中 ichinichijū, 今年中, 日本中 Nihonjū), else chū
			 * (午前中 gozenchū, 工事中) */
			const morph_token *pt = &r->units[i - 1].tk;
			if ((pt->cls == MORPH_NOUN || pt->cls == MORPH_PROPER || pt->cls == MORPH_COUNTER
			     || pt->cls == MORPH_SUFFIX)
			    && !(pt->cls == MORPH_PROPER && pt->surface_len <= 3)) { /* 日中 Nichi-Chū */
				int ju = ends_with_str(pt->surface, pt->surface_len, "年")
				         || ends_with_str(pt->surface, pt->surface_len, "日")
				         || (pt->cls == MORPH_PROPER && (pt->flags & MORPH_F_PLACE))
				         || ends_with_str(pt->surface, pt->surface_len, "世界");
				tk->reading = ju ? "ジュウ" : "チュウ";
				tk->reading_len = strlen(tk->reading);
				tk->pron = NULL;
				tk->pron_len = 0;
				tk->cls = MORPH_SUFFIX;
				tk->flags &= ~(unsigned)(MORPH_F_PERSON | MORPH_F_PLACE | MORPH_F_ORG);
				continue;
			}
		}
		if (!u->t && next && tk->cls == MORPH_NOUN && is_direction(tk)
		    && ((next->t && next->t->proper && next->tk.reading)
		        || (!next->t && next->tk.cls == MORPH_PROPER && (next->tk.flags & MORPH_F_PLACE)))) {
			/* a direction before a place: two words before 日本, a country or a
			 * foreign place (Higashi Nihon, Minami Sūdan), else one city's name
			 * (南|相馬 Minamisōma, 北|九州 Kitakyūshū, where the glossary's 九州 cut it) */
			int apart = surface_is(&next->tk, "日本")
			            || contains(next->tk.pos, next->tk.pos_len, "地域,国")
			            || is_katakana_only(next->tk.surface, next->tk.surface_len);
			tk->cls = MORPH_PROPER;
			tk->flags |= MORPH_F_PLACE;
			if (!apart) {
				next->t = NULL;
				next->glue = 1;
				next->tk.cls = MORPH_PROPER;
				next->tk.flags |= MORPH_F_PLACE;
				i++;
			}
			continue;
		}
		if (u->t || tk->cls == MORPH_SYMBOL)
			continue;
		/* only three kinds of token matter below: look at the class first */
		if (!((tk->flags & MORPH_F_UNKNOWN) && !tk->reading)
		    && !(tk->cls == MORPH_PROPER && (tk->flags & MORPH_F_PERSON))
		    && !(tk->cls == MORPH_NOUN && next && next->tk.cls == MORPH_PERSON_SUFFIX))
			continue;
		if (!is_katakana_only(tk->surface, tk->surface_len))
			continue;
		if (tk->cls == MORPH_PROPER && (tk->flags & MORPH_F_PERSON) && next
		    && (next->tk.cls == MORPH_NOUN || next->tk.cls == MORPH_PROPER)
		    && unit_is_katakana(next)) {
			int name = loan_is_name(r, s, i, i + 2);
			tk->cls = next->tk.cls = name ? MORPH_PROPER : MORPH_NOUN;
			tk->flags &= ~(unsigned)(MORPH_F_PERSON | MORPH_F_PLACE | MORPH_F_ORG);
			next->tk.flags = tk->flags;
			next->glue = 1;
			i++;
			continue;
		}
		if (tk->cls == MORPH_NOUN && !(tk->flags & MORPH_F_UNKNOWN) && next && !next->t
		    && next->tk.cls == MORPH_PERSON_SUFFIX) {
			tk->cls = MORPH_PROPER;
			continue;
		}
		if (!(tk->flags & MORPH_F_UNKNOWN) || tk->reading)
			continue;
		tk->cls = loan_is_name(r, s, i, i + 1) ? MORPH_PROPER : MORPH_NOUN;
		tk->flags &= ~(unsigned)(MORPH_F_PERSON | MORPH_F_PLACE | MORPH_F_ORG);
		if (tk->cls == MORPH_PROPER) {
			/* the words of a name joined by ・ are all the name (カマラ・ハリス) */
			size_t k = i;
			while (k >= 2 && r->units[k - 1].tk.cls == MORPH_SYMBOL
			       && surface_is(&r->units[k - 1].tk, "・") && !r->units[k - 2].t
			       && is_katakana_only(r->units[k - 2].tk.surface, r->units[k - 2].tk.surface_len)) {
				r->units[k - 2].tk.cls = MORPH_PROPER;
				k -= 2;
			}
		}
	}
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
			r->arena.p[r->arena.n++] = (char)('0' + d);
			nd++;
		}
		if (p < end_off || nd < 2 || r->arena.p[at] == '0') {
			r->arena.n = at;
			return 0;
		}
		if (!(u = unit_push(r)))
			return (size_t)-1;
		u->tk = toks[i];
		u->tk.surface = r->arena.p + at;
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
		memcpy(r->arena.p + at, whole, wl);
		if (extra)
			memcpy(r->arena.p + at + wl, "カン", extra);
		r->arena.n = at + wl + extra;
		if (!(u = unit_push(r)))
			return (size_t)-1;
		u->tk = toks[i];
		u->tk.surface_len = ct->offset + ct->surface_len - toks[i].offset;
		u->tk.reading = r->arena.p + at;
		u->tk.reading_len = wl + extra;
		u->tk.pron = NULL;
		u->tk.pron_len = 0;
		u->tk.cls = MORPH_NUMBER;
		u->space_before = toks[i].space_before;
		return j - i + 1;
	}
	if (!(u = unit_push(r)))
		return (size_t)-1;
	u->tk = toks[i];
	u->tk.surface_len = end_off - toks[i].offset;
	u->tk.reading = r->arena.p + at;
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
	if (!(u = unit_push(r)))
		return (size_t)-1;
	u->tk = *ct;
	/* a number ending in っ is one word with its counter in every style (ikkagetsu) */
	u->glue = ends_with_str(r->arena.p + at, r->arena.n - at, "ッ");
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
 * 日本 Nihon, except in names: 日本銀行 is one token), several are words of their own,
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
		if (!(u = unit_push(r)))
			return -1;
		u->tk = tk;
		u->space_before = tk.space_before;
		return 1;
	}
	if (r->o.style == ROMANIZE_SPACED)
		return 0;
	while (*w) {
		size_t wl = strcspn(w, " "), rl = strcspn(rd, " ");
		if (!(u = unit_push(r)))
			return -1;
		u->tk = *tok;
		u->tk.surface += off;
		u->tk.surface_len = wl;
		u->tk.offset += off;
		u->tk.reading = rd;
		u->tk.reading_len = rl;
		u->tk.pron = NULL;
		u->tk.pron_len = 0;
		u->tk.cls = MORPH_NOUN; /* capitalised in a name (mark_org_runs) */
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

static int romanize_units(romanizer *r, const char *s, size_t len)
{
	const struct romanize_exception *x;
	const morph_token *toks;
	size_t n, i, mi = 0;
	char *err = NULL;

	if (romanize_find_terms(r, s, len) != 0)
		return -1;
	if (morph_parse(r->m, s, len, &toks, &n, &err) != 0) {
		free(r->error);
		r->error = err; /* MeCab's own words reach the user (romanize_write) */
		return -1;
	}
	r->n_units = 0;
	r->arena.n = 0;
	if (sb_reserve(&r->arena, 8 * len + 64) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		unit *u;
		while (mi < r->n_matches && r->matches[mi].e <= toks[i].offset)
			mi++;
		if (mi < r->n_matches && toks[i].offset >= r->matches[mi].b) {
			if (r->n_units && r->units[r->n_units - 1].t == r->matches[mi].t
			    && toks[i].offset > r->matches[mi].b)
				continue; /* the rest of a term */
			if (!(u = unit_push(r)))
				return -1;
			u->tk = toks[i];
			u->t = r->matches[mi].t;
			u->space_before = toks[i].space_before;
			continue;
		}
		if (toks[i].cls == MORPH_NUMBER && toks[i].surface_len >= 3) {
			size_t lim = mi < r->n_matches ? r->matches[mi].b : len;
			size_t used = push_numeral(r, s, toks, i, n, lim);
			if (used == (size_t)-1)
				return -1;
			if (used) {
				i += used - 1;
				continue;
			}
		}
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
				if (!(u = unit_push(r)))
					return -1;
				u->tk = toks[i];
				u->tk.surface_len = 3;
				u->tk.reading_len = kl;
				u->tk.pron = NULL;
				u->tk.pron_len = 0;
				u->tk.cls = MORPH_PLACE_SUFFIX;
				if (!(u = unit_push(r)))
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
				continue;
			}
		}
		if (toks[i].surface_len > 6 && memcmp(toks[i].surface, "日本", 6) == 0
		    && toks[i].reading_len > strlen("ニッポン")
		    && memcmp(toks[i].reading, "ニッポン", strlen("ニッポン")) == 0
		    && !(toks[i].cls == MORPH_PROPER && (toks[i].flags & MORPH_F_ORG))
		    && r->arena.n + toks[i].reading_len + 1 <= r->arena.cap) {
			/* ALA-LC reads 日本 Nihon in words too (日本人 Nihonjin, 日本海 Nihonkai),
			 * but an organisation keeps its own reading (日本銀行 Nippon Ginkō) */
			morph_token tk = toks[i];
			char *rd = r->arena.p + r->arena.n;
			size_t nl = strlen("ニッポン");
			memcpy(rd, "ニホン", strlen("ニホン"));
			memcpy(rd + strlen("ニホン"), tk.reading + nl, tk.reading_len - nl);
			tk.reading = rd;
			tk.reading_len = tk.reading_len - nl + strlen("ニホン");
			r->arena.n += tk.reading_len;
			tk.pron = NULL;
			tk.pron_len = 0;
			if (push_token(r, &tk) != 0)
				return -1;
			continue;
		}
		if ((x = exception_find(toks[i].surface, toks[i].surface_len))) {
			int rc = push_exception(r, &toks[i], x);
			if (rc < 0)
				return -1;
			if (rc > 0)
				continue;
		}
		if (toks[i].cls == MORPH_PROPER && toks[i].reading && i + 1 < n
		    && ends_with_str(toks[i].surface, toks[i].surface_len, "大")
		    && ends_with_str(toks[i].reading, toks[i].reading_len, "ダイ")
		    && surface_is(&toks[i + 1], "学") && !toks[i + 1].space_before
		    && (mi >= r->n_matches || toks[i + 1].offset < r->matches[mi].b)
		    && r->arena.n + toks[i].reading_len + strlen("ガク") + 1 <= r->arena.cap) {
			/* MeCab cuts 京都大学 as 京都大|学: read it as one name with 大学 */
			morph_token tk = toks[i];
			char *rd = r->arena.p + r->arena.n;
			memcpy(rd, tk.reading, tk.reading_len);
			memcpy(rd + tk.reading_len, "ガク", strlen("ガク"));
			tk.reading = rd;
			tk.reading_len += strlen("ガク");
			r->arena.n += tk.reading_len;
			tk.pron = NULL;
			tk.pron_len = 0;
			tk.surface_len += toks[i + 1].surface_len;
			if (push_token(r, &tk) != 0) /* tk is a proper noun with a reading */
				return -1;
			i++;
			continue;
		}
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
					if (!(u = unit_push(r)))
						return -1;
					u->tk = toks[i];
					u->tk.surface += b;
					u->tk.offset += b;
					u->tk.surface_len = e - b;
					u->space_before = b == 0 ? toks[i].space_before : 0;
				}
				if (e >= toks[i].surface_len)
					break;
				if (!(u = unit_push(r)))
					return -1;
				u->tk = toks[i];
				u->tk.surface += e;
				u->tk.offset += e;
				u->tk.surface_len = dot;
				u->tk.cls = MORPH_SYMBOL;
				u->space_before = 0;
				b = e + dot;
			}
			continue;
		}
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
			                   || is_katakana_only(t->surface + dl, t->surface_len - dl))) {
				size_t kl = strlen(d->reading);
				if (!(u = unit_push(r)))
					return -1;
				u->tk = *t;
				u->tk.surface_len = dl;
				u->tk.reading_len = kl;
				u->tk.pron = NULL;
				u->tk.pron_len = 0;
				u->space_before = t->space_before;
				if (!(u = unit_push(r)))
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
				continue;
			}
		}
		if (push_token(r, &toks[i]) != 0)
			return -1;
	}
	mark_loanwords(r, s);
	mark_org_runs(r, s);
	return 0;
}

static int romanize_piece(romanizer *r, const char *s, size_t len)
{
	size_t i;
	int spaced = r->o.style == ROMANIZE_SPACED;

	if (romanize_units(r, s, len) != 0)
		return -1;
	for (i = 0; i < r->n_units; i++) {
		const unit *u = &r->units[i];
		const morph_token *t = &u->tk;
		char sep;
		int cap;

		if (u->t) {
			/* A glossary term joins its neighbours as the token MeCab made of it
			 * (向け stays a suffix: AI-muke), but is written as the glossary says. */
			morph_token tk = *t;
			size_t k;
			if (tk.surface_len != u->t->key_len || tk.cls == MORPH_SYMBOL
			    || tk.cls == MORPH_ALPHA || tk.cls == MORPH_NUMBER || tk.cls == MORPH_PARTICLE
			    || tk.cls == MORPH_CONJ_PARTICLE || tk.cls == MORPH_AUXVERB)
				tk.cls = u->t->proper ? MORPH_PROPER : MORPH_NOUN;
			sep = join_kana(r, &tk, u->space_before);
			if (spaced && sep == '-')
				sep = ' ';
			if (term_romaji(r, u->t) != 0)
				return -1;
			if (spaced || r->o.style == ROMANIZE_SLUG) {
				lower_ascii(r->tmp.p);
				for (k = 0; k < r->tmp.n; k++)
					if (r->tmp.p[k] == '-')
						r->tmp.p[k] = ' ';
			}
			if (r->o.style == ROMANIZE_TITLE || (r->o.style == ROMANIZE_ALALC && u->orgcap))
				title_words(r->tmp.p);
			cap = (r->o.style == ROMANIZE_TITLE && sep != '-' && (sep || r->pk == P_START
			                                                      || r->pk == P_OPEN))
			      || (r->o.style == ROMANIZE_ALALC && (r->sentence_start || u->orgcap));
			if (put_fixed(r, r->tmp.p, r->tmp.n, sep, cap) != 0)
				return -1;
			if (sep || r->pk == P_START || r->pk == P_OPEN)
				r->p_proper = u->t->proper;
			r->pk = P_KANA;
			r->pcls = tk.cls;
			r->pflags = 0;
			r->p_te = 0;
			r->p_single = 0;
			r->sentence_start = 0;
			continue;
		}
		if (t->cls == MORPH_SYMBOL) {
			if (put_punct(r, t, u->space_before) != 0)
				return -1;
			continue;
		}
		if (t->cls == MORPH_ALPHA || (t->cls == MORPH_NUMBER && (unsigned char)t->surface[0] < 0x80)) {
			int digits = t->cls == MORPH_NUMBER;
			sep = ' ';
			if (r->pk == P_START || r->pk == P_OPEN)
				sep = 0;
			else if ((r->pk == P_LATIN || r->pk == P_DIGITS) && !u->space_before)
				sep = 0;
			if (digits && i + 1 < r->n_units && !r->units[i + 1].t
			    && !r->units[i + 1].space_before) {
				int k = digits_special(r, t->surface, t->surface_len, &r->units[i + 1].tk,
				                       day_is_date(r, i));
				if (k < 0)
					return -1;
				if (k > 0) {
					if (spaced)
						for (k = 0; (size_t)k < r->tmp.n; k++)
							if (r->tmp.p[k] == '-')
								r->tmp.p[k] = ' ';
					if (put_fixed(r, r->tmp.p, r->tmp.n, sep,
					              r->sentence_start && (r->o.style == ROMANIZE_ALALC
					                                    || r->o.style == ROMANIZE_TITLE)) != 0)
						return -1;
					r->pk = P_KANA;
					r->pcls = MORPH_COUNTER;
					r->pflags = 0;
					r->p_proper = 0;
					r->p_te = 0;
					r->p_single = 0;
					r->sentence_start = 0;
					i++;
					continue;
				}
			}
			if (put_fixed(r, t->surface, t->surface_len, sep, 0) != 0)
				return -1;
			r->pk = digits ? P_DIGITS : P_LATIN;
			r->pcls = t->cls;
			r->pflags = t->flags;
			r->p_proper = 0;
			r->p_te = 0;
			r->p_single = 0;
			r->sentence_start = 0;
			continue;
		}
		/* a Japanese token */
		sep = u->glue ? 0 : join_kana(r, t, u->space_before);
		if (u->apart && !sep && r->pk == P_KANA)
			sep = ' ';
		if (spaced && sep && sep != ' ')
			sep = ' ';
		if (spaced && !sep && !u->glue && r->pk != P_START && r->pk != P_OPEN
		    && t->cls != MORPH_AUXVERB && t->cls != MORPH_VERB_SUFFIX
		    && t->cls != MORPH_CONJ_PARTICLE)
			sep = ' ';
		if (sep == ' ' && r->pk == P_KANA && r->pcls == MORPH_COUNTER && r->wk.n == 0
		    && t->cls == MORPH_SUFFIX && !is_atari(t))
			sep = 0;
		{
			int has_reading = t->reading || is_kana_only(t->surface, t->surface_len);
			int newword = sep || r->pk == P_START || r->pk == P_OPEN;
			cap = (sep == '-' && t->cls != MORPH_PROPER) ? 0 : word_cap(r, t->cls, u->orgcap);
			if (u->fixed) {
				if (put_fixed(r, u->fixed, strlen(u->fixed), sep, cap) != 0)
					return -1;
			} else if (!has_reading) {
				romanize_report_unknown(r, t->surface, t->surface_len);
				if (put_fixed(r, t->surface, t->surface_len, sep, 0) != 0)
					return -1;
			} else if (t->cls == MORPH_PARTICLE && sep) {
				const char *pr;
				char kana[16];
				pr = NULL;
				if (t->surface_len < sizeof kana) {
					memcpy(kana, t->surface, t->surface_len);
					kana[t->surface_len] = '\0';
					pr = romaji_particle(kana, r->o.sys);
				}
				if (pr) {
					char buf[16];
					snprintf(buf, sizeof buf, "%s", pr);
					if (cap)
						cap_first(buf);
					if (put_fixed(r, buf, strlen(buf), sep, 0) != 0)
						return -1;
				} else {
					if (token_kana(r, t) != 0)
						return -1;
					/* compound particles (について) read as particle + word */
					if (t->reading_len > 3 && t->pos_len > 0
					    && contains(t->pos, t->pos_len, "連語")) {
						size_t k = 0;
						next_cp(r->tmp.p, r->tmp.n, &k);
						if (put_kana(r, r->tmp.p, k, sep, cap, 1) != 0
						    || put_kana(r, r->tmp.p + k, r->tmp.n - k, ' ', 0, 1) != 0)
							return -1;
					} else if (put_kana(r, r->tmp.p, r->tmp.n, sep, cap, 1) != 0)
						return -1;
				}
			} else {
				if (token_kana(r, t) != 0)
					return -1;
				if (put_kana(r, r->tmp.p, r->tmp.n, sep, cap, newword) != 0)
					return -1;
			}
			if (newword)
				r->p_proper = t->cls == MORPH_PROPER;
		}
		r->pk = P_KANA;
		r->pcls = t->cls;
		r->pflags = t->flags;
		r->p_te = t->cls == MORPH_CONJ_PARTICLE && (surface_is(t, "て") || surface_is(t, "で"));
		r->p_single = t->cls == MORPH_PROPER && cp_count(t->surface, t->surface_len) == 1;
		r->sentence_start = 0;
	}
	return flush_word(r);
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
	const char *p = r->out.p;
	size_t n = r->out.n;
	int rc = 0;
	if (!n)
		return 0;
	if (r->o.style == ROMANIZE_SLUG) {
		/* into r->tmp, not in place: a hyphen owed by the previous flush makes the
		 * slug one byte longer than its letters */
		size_t i, cn;
		conv = text_strip_marks(r->out.p, r->out.n);
		if (!conv)
			return -1;
		cn = strlen(conv);
		r->tmp.n = 0;
		if (sb_reserve(&r->tmp, 2 * cn + 1) != 0) {
			free(conv);
			return -1;
		}
		for (i = 0; i < cn; i++) {
			char c = conv[i];
			if (c >= 'A' && c <= 'Z')
				c += 32;
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (r->slug_hyphen && r->slug_started)
					r->tmp.p[r->tmp.n++] = '-';
				r->tmp.p[r->tmp.n++] = c;
				r->slug_hyphen = 0;
				r->slug_started = 1;
			} else if (c != '\'')
				r->slug_hyphen = 1;
		}
		r->tmp.p[r->tmp.n] = '\0';
		p = r->tmp.p;
		n = r->tmp.n;
	} else if (r->o.sys == ROMAJI_PASSPORT) {
		conv = text_upper(r->out.p, r->out.n);
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

int romanize_write(romanizer *r, const char *s, size_t len, FILE *out, char **error)
{
	size_t pos = 0, seg_end;
	int rc = -1;

	*error = NULL;
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
	while (pos < len) {
		size_t ctl = control_len(s, pos, len, &seg_end), seg = seg_end - pos;
		while (seg > 0) {
			size_t k = seg > ROMANIZE_PIECE ? piece_end(s + pos, seg) : seg;
			char *norm = NULL;
			const char *p = s + pos;
			size_t pn = k;
			if (needs_nfkc(p, pn)) {
				norm = text_nfkc(p, pn);
				if (!norm)
					goto fail;
				p = norm;
				pn = strlen(norm);
			}
			if (romanize_piece(r, p, pn) != 0) {
				free(norm);
				goto fail;
			}
			free(norm);
			if (romanize_flush(r, out) != 0)
				goto io;
			pos += k;
			seg -= k;
		}
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
	rc = 0;
	goto done;
io:
	*error = strdup(strerror(errno ? errno : EIO));
	goto done;
fail:
	if (r->error) {
		*error = r->error;
		r->error = NULL;
	} else
		*error = strdup(_("cannot romanize (out of memory, or an ICU failure reported above)"));
done:
	return rc;
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
