/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cite.c: the citation normaliser (see cite.h; the rules, and the evidence each change
 * needs, are written down in doc/citations.md).
 *
 * A citation is cut into fields: a quoted title (everything between “ ” or " "), or the
 * text between commas, semicolons, colons and brackets outside quotes; URLs, e-mail
 * addresses and DOIs end a field and are never looked at. Each Latin word of a field is
 * classed: Japanese (parses fully as romaji and is not an English word, or carries a
 * macron), ambiguous (romaji and English: to, no, Honda), other (English, foreign
 * names), neutral (digits, acronyms). A field is Japanese when it has a Japanese word
 * and no other words (or at least three Japanese words for each other one). In a
 * Japanese field: (1) the whole field, then every run of two or more words, is looked up
 * in the lexicon (its own romaji, variants and market names, by folded key; the whole
 * field also fuzzily); (2) every other word is read again from the reading index: a
 * dynamic programme covers its kana with dictionary readings, paying for each word used
 * and for each repair (a long vowel spelled ē for えい, a macron where there is none, つ
 * written for っ, a missing ん), and the cheapest cover is written in the chosen system
 * with ALA-LC word division (particles apart, place suffixes and counters hyphenated).
 * Personal names (name fields, a plain citation's author position) keep their spelling
 * unless --names alalc and the lexicon knows the person. */
#include "config.h"

#include "cite.h"
#include "str.h"
#include "kana.h"
#include "lexicon.h"
#include "match.h"
#include "readings.h"
#include "romaji.h"
#include "romanize-data.h"
#include "text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small buffers and maps ----------------------------------------------------- */

static int buf_str(str_buf *b, const char *s)
{
	return str_buf_add(b, s, strlen(s));
}

/* The value of key[0..n) in m as an int (the maps hold indexes), or -1. */
static int map_get(const str_map *m, const char *key, size_t n)
{
	size_t v = str_map_get(m, key, n);
	return v == STR_MAP_NONE ? -1 : (int)v;
}

/* Adds the NUL-terminated key with the index val (the first one wins). 0, or -1 out
 * of memory. */
static int map_put(str_map *m, const char *key, int val)
{
	return str_map_add(m, key, strlen(key), (size_t)val) < 0 ? -1 : 0;
}

/* ---- the normaliser ------------------------------------------------------------- */

typedef struct term {
	char *romaji, *market, *type, *ja, *en;
	char *key;     /* folded key of the canonical romaji */
	char **names;  /* English names (and the market name): written so, they stay */
	size_t n_names;
} term;

/* A cached word result: the rewritten word (or NULL: unchanged) and why. */
typedef struct word_result {
	char *out;
	const char *reason;
	double conf;
	unsigned first_flags, last_flags; /* classes of the first and last reading used */
	int segs;                          /* readings used (0: the word is unknown) */
	unsigned rep;                      /* the repairs made (enum repair) */
	int suggest;                       /* reported, never applied (a missing length mark) */
} word_result;

#define WORD_CACHE_MAX 16384

struct cite {
	cite_options o;
	readings *rd;
	str_map english;       /* lower-case English words */
	term *terms;
	size_t n_terms;
	str_map term_keys;     /* folded key -> term index */
	str_map term_own;      /* folded key of a term's own romaji -> term index (before
	                     * term_keys: JR Kyūshū is JR九州, not 九州旅客鉄道's market name) */
	str_map term_literal;  /* a variant exactly as written -> term index */
	str_map word_cache;    /* "flags|word" -> index into cache_v */
	word_result *cache_v;
	size_t cache_n;
	int depth;          /* word() inside word(): the stability check goes one deep */
};

static void term_clear(term *t)
{
	free(t->romaji);
	free(t->market);
	free(t->type);
	free(t->ja);
	free(t->en);
	free(t->key);
	while (t->n_names)
		free(t->names[--t->n_names]);
	free(t->names);
}

static char *dup_opt(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Adds the folded key of s as a key of term i (keys of two letters or less are not
 * worth a whole-run match). */
static int add_term_key(cite *c, const char *s, int i)
{
	char *k;
	int rc = 0;
	if (!s || !*s)
		return 0;
	k = match_romaji_key(s, (size_t)-1);
	if (!k)
		return 0; /* not UTF-8: ignore the spelling */
	if (strlen(k) > 2)
		rc = map_put(&c->term_keys, k, i);
	free(k);
	return rc;
}

static int load_term(const lexicon_entry *e, void *arg)
{
	cite *c = arg;
	term *t;
	size_t i;
	if (!e->romaji || !*e->romaji)
		return 0;
	if (c->n_terms % 256 == 0) {
		term *v = realloc(c->terms, (c->n_terms + 256) * sizeof *v);
		if (!v)
			return -1;
		c->terms = v;
	}
	t = &c->terms[c->n_terms];
	memset(t, 0, sizeof *t);
	t->romaji = strdup(e->romaji);
	t->market = e->market && *e->market ? strdup(e->market) : NULL;
	t->type = dup_opt(e->type);
	t->ja = dup_opt(e->ja);
	t->en = e->n_en ? strdup(e->en[0]) : NULL;
	t->key = match_romaji_key(e->romaji, (size_t)-1);
	c->n_terms++;
	if (!t->romaji || !t->key)
		return -1;
	t->names = calloc(e->n_en + 1, sizeof *t->names);
	if (!t->names)
		return -1;
	for (i = 0; i < e->n_en; i++)
		if (!(t->names[t->n_names++] = strdup(e->en[i])))
			return -1;
	if (t->market && !(t->names[t->n_names++] = strdup(t->market)))
		return -1;
	if (t->key && strlen(t->key) > 2 && map_put(&c->term_own, t->key, (int)c->n_terms - 1) != 0)
		return -1;
	if (add_term_key(c, e->romaji, (int)c->n_terms - 1) != 0 ||
	    add_term_key(c, t->market, (int)c->n_terms - 1) != 0)
		return -1;
	for (i = 0; i < e->n_variants; i++)
		if (match_scripts(e->variants[i]) == MATCH_LATIN &&
		    (add_term_key(c, e->variants[i], (int)c->n_terms - 1) != 0 ||
		     map_put(&c->term_literal, e->variants[i], (int)c->n_terms - 1) != 0))
			return -1;
	return 0;
}

static int load_english(cite *c, const char *path)
{
	FILE *fp;
	char line[256];
	if (!path)
		path = getenv("YAKUGO_WORDS");
	if (!path || !*path)
		path = "/usr/share/dict/american-english";
	fp = fopen(path, "r");
	if (!fp)
		return 0; /* no list: every romaji word counts as Japanese */
	while (fgets(line, sizeof line, fp)) {
		size_t n = strcspn(line, "\r\n"), i;
		line[n] = '\0';
		for (i = 0; i < n; i++)
			line[i] = (char)tolower((unsigned char)line[i]);
		if (n && map_put(&c->english, line, 1) != 0) {
			fclose(fp);
			return -1;
		}
	}
	fclose(fp);
	return 0;
}

cite *cite_new(lexicon *lex, readings *rd, const char *words_path, const cite_options *o,
               char **error)
{
	cite *c = calloc(1, sizeof *c);
	*error = NULL;
	if (!c)
		goto oom;
	if (o)
		c->o = *o;
	else
		c->o.threshold = CITE_THRESHOLD_DEFAULT;
	c->rd = rd;
	if (load_english(c, words_path) != 0)
		goto oom;
	if (lex) {
		unsigned mask = (1u << LEXICON_SEED) | (1u << LEXICON_USER) | (1u << LEXICON_TSV);
		int r = lexicon_foreach(lex, mask, load_term, c, error);
		if (r != 0) {
			if (!*error)
				goto oom;
			cite_free(c);
			return NULL;
		}
	}
	return c;
oom:
	cite_free(c);
	*error = strdup("out of memory");
	return NULL;
}

void cite_set_annotate(cite *c, unsigned annotate)
{
	c->o.annotate = annotate;
}

static void cache_clear(cite *c)
{
	size_t i;
	for (i = 0; i < c->cache_n; i++)
		free(c->cache_v[i].out);
	free(c->cache_v);
	c->cache_v = NULL;
	c->cache_n = 0;
	str_map_free(&c->word_cache);
}

void cite_free(cite *c)
{
	size_t i;
	if (!c)
		return;
	for (i = 0; i < c->n_terms; i++)
		term_clear(&c->terms[i]);
	free(c->terms);
	str_map_free(&c->term_keys);
	str_map_free(&c->term_own);
	str_map_free(&c->term_literal);
	str_map_free(&c->english);
	cache_clear(c);
	free(c);
}

void cite_changes_free(cite_change *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(v[i].before);
		free(v[i].after);
	}
	free(v);
}

/* ---- characters ------------------------------------------------------------------ */

static int is_marked_vowel(int32_t cp)
{
	switch (cp) {
	case 0x101: case 0x113: case 0x12B: case 0x14D: case 0x16B: /* ā ē ī ō ū */
	case 0x100: case 0x112: case 0x12A: case 0x14C: case 0x16A:
	case 0xE2: case 0xEA: case 0xEE: case 0xF4: case 0xFB:      /* â ê î ô û */
	case 0xC2: case 0xCA: case 0xCE: case 0xD4: case 0xDB:
		return 1;
	}
	return 0;
}

static int is_upper_ascii(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* Number of macron or circumflex vowels of s[0..n) / of the string s. */
static size_t count_marks_n(const char *s, size_t n)
{
	size_t i = 0, k = 0;
	while (i < n)
		if (is_marked_vowel(text_next_cp(s, n, &i)))
			k++;
	return k;
}

static size_t count_marks(const char *s)
{
	return count_marks_n(s, strlen(s));
}

/* Whether s[0..n) has a macron or circumflex vowel. */
static int has_marks(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n)
		if (is_marked_vowel(text_next_cp(s, n, &i)))
			return 1;
	return 0;
}

/* Whether the code point at s[i] starts an upper-case letter (ASCII or Ō Ā ...). */
static int starts_upper(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	if (!n)
		return 0;
	cp = text_next_cp(s, n, &i);
	return (cp >= 'A' && cp <= 'Z') || cp == 0x100 || cp == 0x112 || cp == 0x12A ||
	       cp == 0x14C || cp == 0x16A || cp == 0xC2 || cp == 0xCA || cp == 0xCE ||
	       cp == 0xD4 || cp == 0xDB;
}

/* Writes s with its first letter in upper case into b. */
static int add_capitalised(str_buf *b, const char *s)
{
	size_t i = 0, n = strlen(s);
	char *u;
	int rc;
	if (!n)
		return 0;
	text_next_cp(s, n, &i);
	u = text_upper(s, i);
	if (!u)
		return -1;
	rc = buf_str(b, u) || str_buf_add(b, s + i, n - i);
	free(u);
	return rc ? -1 : 0;
}

/* ---- words ------------------------------------------------------------------------ */

enum word_class { W_NEUTRAL, W_JAPANESE, W_AMBIGUOUS, W_OTHER };

typedef struct token {
	size_t b, e;          /* bytes in the line */
	enum word_class cls;
	int done;             /* already rewritten (by a lexicon run) */
	word_result r;        /* borrowed from the cache */
} token;

/* Whether the ASCII-lower-cased word s[0..n) is English. */
static int is_english(const cite *c, const char *s, size_t n)
{
	char low[64];
	size_t i;
	if (n >= sizeof low)
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	return map_get(&c->english, low, n) >= 0;
}

/* Whether s[0..n) parses fully as romaji (passport "oh" too). */
static int parses(const char *s, size_t n)
{
	int complete = 0;
	char *k = kana_from_romaji(s, n, 0, &complete);
	free(k);
	if (complete)
		return 1;
	k = kana_from_romaji(s, n, KANA_OH_LONG, &complete);
	free(k);
	return complete;
}

/* Length of an upper-case ASCII acronym prefix followed by a capitalised romaji word
 * (JRKyūshū -> 2), else 0. */
static size_t acronym_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && is_upper_ascii((unsigned char)s[i]))
		i++;
	if (i < 3 || i >= n)
		return 0;
	i--; /* the last capital starts the word */
	if (!starts_upper(s + i, n - i) || !parses(s + i, n - i))
		return 0;
	return i;
}

static size_t digit_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

static enum word_class classify(const cite *c, const char *s, size_t n)
{
	size_t i, upper = 0, d;
	int alpha = 0;
	for (i = 0; i < n; i++) {
		if (is_upper_ascii((unsigned char)s[i]))
			upper++;
		if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			alpha = 1;
	}
	if (!alpha)
		return W_NEUTRAL;
	d = digit_prefix(s, n);
	if (d) {
		if (d < n && parses(s + d, n - d) && !is_english(c, s + d, n - d))
			return W_JAPANESE;
		return W_NEUTRAL;
	}
	if (memchr(s, '-', n)) {
		/* AI-muke, Tōkyō-to: classed by its parts */
		size_t p = 0;
		int jp = 0;
		while (p < n) {
			size_t q = p;
			enum word_class k;
			while (q < n && s[q] != '-')
				q++;
			k = q > p ? classify(c, s + p, q - p) : W_NEUTRAL;
			if (k == W_OTHER)
				return W_OTHER;
			if (k == W_JAPANESE || k == W_AMBIGUOUS)
				jp = k == W_JAPANESE ? 2 : (jp ? jp : 1);
			p = q + 1;
		}
		return jp == 2 ? W_JAPANESE : jp ? W_AMBIGUOUS : W_NEUTRAL;
	}
	if (upper >= 2 && upper == n)
		return W_NEUTRAL; /* an acronym: AI, JR, NTT */
	for (i = 1; i < n && upper >= 2; i++)
		if (is_upper_ascii((unsigned char)s[i]) && islower((unsigned char)s[i - 1]))
			return W_NEUTRAL; /* camel case: OpenAI, iPhone, ChatGPT */
	if (upper >= 2 && acronym_prefix(s, n))
		return W_JAPANESE;
	if (upper >= 2 && !parses(s, n))
		return W_NEUTRAL; /* ChatGPT, OpenAI */
	if (!parses(s, n))
		return W_OTHER;
	if (has_marks(s, n))
		return W_JAPANESE;
	return is_english(c, s, n) ? W_AMBIGUOUS : W_JAPANESE;
}

/* ---- reading a word again ---------------------------------------------------------- */

/* Penalties of repairs (in the same units as a word). */
#define SEG_COST 5.0
#define PEN_RESPELL 2.0   /* a long vowel spelled otherwise: ē for えい */
#define PEN_ADD_LONG 5.0  /* a long vowel not marked at all */
#define PEN_DROP_LONG 1.5 /* a macron where there is no long vowel */
#define PEN_TSU 3.0       /* つ written for っ: jitsushō */
#define PEN_ADD_SOKUON 6.0
#define PEN_ADD_N 2.5     /* a missing ん: anai */
#define PEN_DROP 6.0      /* っ or ん written where there is none */
#define PEN_EQUIV 1.0     /* ぢ/じ, づ/ず, を/お */
#define PROPER_BONUS 4.0  /* a name starting a capitalised word */
#define PROPER_MALUS 3.0  /* a name inside a lower-case word */
#define INF 1e18

/* Confidences of changes (0..1; a change is applied when it reaches the threshold,
 * CITE_THRESHOLD_DEFAULT 0.6, and reported either way). */
#define CONF_LEXICON 0.95      /* the whole field is a lexicon term (its own romaji or a
                                * recorded variant, by folded key) */
#define CONF_LEXICON_RUN 0.9   /* a run of words inside a field is a lexicon term */
#define CONF_FUZZY 0.9         /* a field within a small edit distance of a term ... */
#define CONF_FUZZY_STEP 0.1    /* ... less this for each edit */
#define CONF_FUZZY_STEP_LONG 0.05 /* ... or this in a field of 24 bytes or more */
#define CONF_FUZZY_NAME 0.85   /* a short name with one non-romaji word (Asahi Shinbum) */
#define CONF_REPAIR 0.95       /* a word read again, before the factors of its repairs */
#define CONF_PARTICLE 0.9      /* wo, ha, he written as the particles o, wa, e */
#define CONF_DIVISION 0.9      /* 10gatsu -> 10-gatsu, JRKyūshū -> JR Kyūshū */
#define CONF_PLACE_SUFFIX 0.85 /* Tottori ken -> Tottori-ken */
#define CONF_CAPITALS 0.7      /* a title in title case made sentence case */
#define CONF_KUNREI_FIELD 0.85 /* Kunrei letters among other Japanese words (Mainiti Sinbun) */
#define CONF_WEAK 0.5          /* report only: Kunrei letters in a lone capitalised word
                                * (Sonatine), m before b/p (a style, not an error) */
/* Factors of repair_confidence, one for each repair a word needed. */
#define F_RESPELL 0.9          /* ē for えい */
#define F_ADD_LONG 0.6         /* a length never marked: reported, not applied */
#define F_DROP_LONG 0.85       /* a macron where the word has no long vowel */
#define F_TSU 0.85             /* つ for っ */
#define F_ADD_SOKUON 0.6
#define F_ADD_N 0.75
#define F_TWO_HEAVY 0.5        /* two っ/ん repairs in one word: more likely a word we lack */
#define F_HEAVY_PIECES 0.6     /* a っ/ん repair should make one real word, not fragments */
#define F_DROP 0.6             /* っ or ん dropped */
#define F_FRAGMENTS 0.6        /* a repair justified only by three or more fragments */
#define F_CAPITAL_PIECES 0.75  /* a capitalised word of two pieces: a name need not be made
                                * of dictionary words */
#define F_DIVIDED 0.9          /* the word was also divided */

enum repair {
	R_RESPELL = 1 << 0, R_ADD_LONG = 1 << 1, R_DROP_LONG = 1 << 2, R_TSU = 1 << 3,
	R_ADD_SOKUON = 1 << 4, R_ADD_N = 1 << 5, R_DROP = 1 << 6, R_EQUIV = 1 << 7,
	R_APOS = 1 << 8, /* にゃ read as ん'や */
	R_LOAN = 1 << 9, /* a vowel letter written where the reading has ー (Noruwei ノルウェー) */
	R_HEAVY = 1 << 16 /* added once per っ or ん repaired: the count is rep >> 16 */
};

/* The repairs of two pieces together (kinds ORed, っ/ん repairs counted). */
static unsigned repairs_join(unsigned a, unsigned b)
{
	return ((a | b) & 0xffffu) + (((a >> 16) + (b >> 16)) << 16);
}

static char vowel_code(unsigned char c)
{
	/* the same rows as readings.c, through the key: a syllable's vowel is the vowel of
	 * its last kana */
	static const char *tab = NULL;
	static char t[0x80];
	if (!tab) {
		static const char *rows[5] = {
			"あぁかがさざただなはばぱまやゃらわゎゕ", "いぃきぎしじちぢにひびぴみりゐ",
			"うぅくぐすずつづぬふぶぷむゆゅるゔ", "えぇけげせぜてでねへべぺめれゑゖ",
			"おぉこごそぞとどのほぼぽもよょろを"
		};
		int v;
		for (v = 0; v < 5; v++) {
			size_t i = 0, n = strlen(rows[v]);
			while (i < n) {
				unsigned char k = readings_code(text_next_cp(rows[v], n, &i));
				if (k)
					t[k] = "aiueo"[v];
			}
		}
		tab = t;
	}
	return c < 0x80 ? tab[c] : 0;
}

static int is_vowel_code(unsigned char c)
{
	int32_t cp = readings_cp(c);
	return cp == 0x3042 || cp == 0x3044 || cp == 0x3046 || cp == 0x3048 || cp == 0x304A;
}

/* Whether code c lengthens a syllable with vowel prev (ー always does). */
static int lengthening(char prev, unsigned char c)
{
	char v;
	if (c == READINGS_LONG)
		return prev != 0;
	if (!prev || !is_vowel_code(c))
		return 0;
	v = vowel_code(c);
	return v == prev || (prev == 'e' && v == 'i') || (prev == 'o' && v == 'u');
}

/* Whether two lengthening kana are the same long vowel in Hepburn (おう/おお -> ō). */
static int same_long(char prev, unsigned char a, unsigned char b)
{
	char va = a == READINGS_LONG ? prev : vowel_code(a);
	char vb = b == READINGS_LONG ? prev : vowel_code(b);
	if (va == vb)
		return 1;
	if (prev == 'o')
		return 1; /* おう, おお, オー: all ō */
	return 0;
}

/* The repairs that turn the written kana w[0..wn) into the reading r[0..rn)
 * (boundaries skipped). Returns the penalty (INF when they differ otherwise) and ORs
 * the repairs into *rep. */
static double penalty(const unsigned char *w, size_t wn, const unsigned char *r, size_t rn,
                      int allow_long, unsigned *rep)
{
	size_t i = 0, j = 0;
	double p = 0;
	char wp = 0, rp = 0; /* previous vowels */
	const unsigned char tsu = readings_code(0x3064), sokuon = readings_code(0x3063),
	                    nn = readings_code(0x3093);
	for (;;) {
		while (j < rn && r[j] == READINGS_BOUNDARY)
			j++;
		if (i >= wn && j >= rn)
			break;
		if (i < wn && j < rn && w[i] == r[j]) {
			wp = vowel_code(w[i]) ? vowel_code(w[i]) : (w[i] == READINGS_LONG ? wp : 0);
			rp = wp;
			i++;
			j++;
			continue;
		}
		if (j < rn && r[j] == sokuon) {
			if (!allow_long)
				return INF; /* repairs of っ and ん only where the writer marks length */
			if (i + 1 < wn && w[i] == tsu && !is_vowel_code(w[i + 1])) {
				p += PEN_TSU;
				*rep |= R_TSU;
				*rep += R_HEAVY;
				i++;
			} else {
				p += PEN_ADD_SOKUON;
				*rep |= R_ADD_SOKUON;
				*rep += R_HEAVY;
			}
			j++;
			continue;
		}
		if (j < rn && r[j] == nn) {
			if (!allow_long)
				return INF;
			p += PEN_ADD_N;
			*rep |= R_ADD_N;
			*rep += R_HEAVY;
			j++;
			rp = 0;
			continue;
		}
		if (i < wn && (w[i] == sokuon || w[i] == nn)) {
			if (!allow_long)
				return INF; /* a written っ or ん is the writer's: Kodansha is no Kodasha */
			p += PEN_DROP;
			*rep |= R_DROP;
			*rep += R_HEAVY;
			i++;
			continue;
		}
		{
			int wl = i < wn && lengthening(wp, w[i]);
			int rl = j < rn && lengthening(rp, r[j]);
			if (wl && rl) {
				if (!same_long(rp, w[i], r[j])) {
					p += PEN_RESPELL;
					*rep |= R_RESPELL;
					if (r[j] == READINGS_LONG)
						*rep |= R_LOAN;
				}
				i++;
				j++;
				continue;
			}
			if (rl) {
				if (!allow_long)
					return INF;
				p += PEN_ADD_LONG;
				*rep |= R_ADD_LONG;
				j++;
				continue;
			}
			if (wl) {
				p += PEN_DROP_LONG;
				*rep |= R_DROP_LONG;
				i++;
				continue;
			}
		}
		if (i < wn && j < rn) {
			int32_t a = readings_cp(w[i]), b = readings_cp(r[j]);
			if ((a == 0x3058 && b == 0x3062) || (a == 0x305A && b == 0x3065) ||
			    (a == 0x304A && b == 0x3092) || (b == 0x3058 && a == 0x3062) ||
			    (b == 0x305A && a == 0x3065) || (b == 0x304A && a == 0x3092)) {
				p += PEN_EQUIV;
				*rep |= R_EQUIV;
				wp = rp = vowel_code(r[j]);
				i++;
				j++;
				continue;
			}
		}
		return INF;
	}
	return p;
}

#define MAX_KANA 48
#define MAX_SPAN 20
#define MAX_HITS 96

typedef struct dp_cell {
	double score;
	size_t from;           /* start of the last reading */
	const unsigned char *kana;
	size_t len;
	unsigned flags, rep;
	int segs;
} dp_cell;

/* Encodes the hiragana of kana (UTF-8) as codes; 0 when something is not kana. */
static size_t to_codes(const char *kana, unsigned char *out, size_t max)
{
	size_t i = 0, n = strlen(kana), o = 0;
	while (i < n) {
		unsigned char c = readings_code(text_next_cp(kana, n, &i));
		if (!c || o >= max)
			return 0;
		out[o++] = c;
	}
	return o;
}

static const char *repair_reason(unsigned rep)
{
	if (rep & (R_TSU | R_ADD_SOKUON | R_ADD_N | R_DROP))
		return "missing sokuon or n";
	if (rep & R_DROP_LONG)
		return "macron without long vowel";
	if (rep & (R_RESPELL | R_ADD_LONG))
		return "long vowel";
	if (rep & R_APOS)
		return "n' before y";
	return "spelling";
}

static double repair_confidence(unsigned rep, int segs)
{
	double c = CONF_REPAIR;
	if (rep & R_RESPELL)
		c *= F_RESPELL;
	if (rep & R_ADD_LONG)
		c *= F_ADD_LONG;
	if (rep & R_DROP_LONG)
		c *= F_DROP_LONG;
	if (rep & R_TSU)
		c *= F_TSU;
	if (rep & R_ADD_SOKUON)
		c *= F_ADD_SOKUON;
	if (rep & R_ADD_N)
		c *= F_ADD_N;
	if ((rep >> 16) >= 2)
		c *= F_TWO_HEAVY;
	if ((rep >> 16) && segs >= 2)
		c *= F_HEAVY_PIECES;
	if (rep & R_DROP)
		c *= F_DROP;
	if (rep && segs >= 3)
		c *= F_FRAGMENTS;
	return c;
}

/* The particles are the romanizer's one list, dict/romanize.tsv [particle]: romaji,
 * typed (as a kana typist writes it: wo, ha, he), kana, and how cite uses each row
 * (ROMANIZE_CITE_WORD, ROMANIZE_CITE_APART). */
#define particles romanize_particles

/* Whether the particle reading k[0..n) may be written apart after a noun. */
static int separable_particle(const unsigned char *k, size_t n)
{
	unsigned char code[8];
	size_t i;
	for (i = 0; particles[i].kana; i++) {
		size_t m = to_codes(particles[i].kana, code, sizeof code);
		if ((particles[i].cite & ROMANIZE_CITE_APART) && m == n && !memcmp(code, k, n))
			return 1;
	}
	return 0;
}

/* The romaji of the particle that s[0..n) (lower case) writes as a kana typist does (wo
 * -> o, ha -> wa, he -> e), or NULL. */
static const char *typed_particle(const char *s, size_t n)
{
	size_t i;
	for (i = 0; particles[i].kana; i++)
		if ((particles[i].cite & ROMANIZE_CITE_WORD) && particles[i].typed &&
		    strlen(particles[i].typed) == n &&
		    !strncmp(particles[i].typed, s, n))
			return particles[i].romaji;
	return NULL;
}

/* Whether s[0..n) is a particle written as a word: its romaji (any case), or with
 * `typed` also as a kana typist writes it (wo, ha, he). */
static int particle_word(const char *s, size_t n, int typed)
{
	const struct romanize_particle *p;
	for (p = particles; p->kana; p++) {
		if (!(p->cite & ROMANIZE_CITE_WORD))
			continue;
		if ((p->romaji && strlen(p->romaji) == n && !strncasecmp(p->romaji, s, n)) ||
		    (typed && p->typed && strlen(p->typed) == n && !strncasecmp(p->typed, s, n)))
			return 1;
	}
	return 0;
}

/* Appends the kana codes k[0..n) as UTF-8 hiragana (boundaries as ROMAJI_MORPHEME). */
static int add_codes(str_buf *b, const unsigned char *k, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		char u[4];
		size_t m;
		if (k[i] == READINGS_BOUNDARY) {
			if (str_buf_add(b, ROMAJI_MORPHEME, 1))
				return -1;
			continue;
		}
		m = text_put_cp(u, readings_cp(k[i]) == 0x30FC ? 0x30FC : readings_cp(k[i]));
		if (str_buf_add(b, u, m))
			return -1;
	}
	return 0;
}

/* Whether the romaji s[0..n) has Kunrei or Nihon-shiki letters (si ti tu hu zi, sy ty
 * zy, di du). */
static int kunrei_letters(const char *s, size_t n)
{
	static const char *pairs[] = { "si", "ti", "tu", "hu", "zi", "sy", "ty", "zy", "di", "du",
	                               NULL };
	size_t i, k;
	for (i = 0; i + 1 < n; i++)
		for (k = 0; pairs[k]; k++)
			if (tolower((unsigned char)s[i]) == pairs[k][0] &&
			    tolower((unsigned char)s[i + 1]) == pairs[k][1] &&
			    (i == 0 || !strchr("sct", tolower((unsigned char)s[i - 1])) ||
			     pairs[k][0] != 's'))
				return 1;
	return 0;
}

/* Where a place name's reading k[0..n) ends in a place suffix (大阪府 おおさかふ ->
 * おおさか|ふ) whose stem is itself a place: the offset of the suffix, else 0. */
static size_t place_suffix_cut(cite *c, const unsigned char *k, size_t n)
{
	static const char *suffixes[] = { "ふ", "けん", "し", "く", "ちょう", "まち", "むら", "そん",
	                                  "ぐん", NULL };
	readings_hit hits[MAX_HITS];
	size_t i;
	for (i = 0; suffixes[i]; i++) {
		unsigned char suf[8], key[MAX_KANA];
		size_t m = to_codes(suffixes[i], suf, sizeof suf), kl, h, nh;
		if (m >= n || memcmp(k + n - m, suf, m))
			continue;
		kl = readings_key(k, n - m, key);
		nh = readings_lookup(c->rd, key, kl, hits, MAX_HITS);
		for (h = 0; h < nh; h++)
			if ((hits[h].flags & READINGS_PLACE) && hits[h].len == n - m &&
			    !memcmp(hits[h].kana, k, n - m))
				return n - m;
	}
	return 0;
}

/* The word s[0..n) written in the output system from its own kana (as written, lengths
 * and all): the letters change convention, the sounds do not (Sinpôsya -> Shinpōsha).
 * Sets r->out (NULL when that is s itself). Returns 0, -1 out of memory. */
static int literal(cite *c, const char *s, size_t n, const char *kana, word_result *r)
{
	char *rom = romaji_from_kana(kana, (size_t)-1, c->o.sys, ROMAJI_LONG_DEFAULT);
	str_buf res = { 0 };
	int rc = -1;
	if (!rom)
		return -1;
	if (starts_upper(s, n) ? add_capitalised(&res, rom) : buf_str(&res, rom))
		goto done;
	rc = 0;
	if (res.s && (res.n != n || memcmp(res.s, s, n))) {
		r->out = res.s;
		res.s = NULL;
		r->reason = kunrei_letters(s, n) ? "Kunrei letters" : "spelling";
		r->conf = CONF_REPAIR;
		if (kunrei_letters(s, n) && starts_upper(s, n))
			r->conf = CONF_WEAK; /* as reread: raised when the field is Japanese enough */
	}
done:
	free(rom);
	free(res.s);
	return rc;
}

/* Reads the word s[0..n) (romaji, no hyphen, no digits) again from the reading index.
 * Sets r (r->out NULL when the word stays as written). Returns 0, -1 out of memory. */
static int reread(cite *c, const char *s, size_t n, int allow_long, word_result *r)
{
	unsigned char w[MAX_KANA];
	dp_cell cell[MAX_KANA + 1];
	readings_hit hits[MAX_HITS];
	char *kana = NULL, *rom = NULL;
	size_t wn, i, j, k, nseg = 0;
	int complete = 0, rc = -1, capital = starts_upper(s, n), whole = 0, same, exact_cost = 0;
	dp_cell exact;
	size_t bounds[MAX_KANA + 1];
	str_buf out = { 0 }, res = { 0 };
	memset(r, 0, sizeof *r);
	if (!c->rd)
		return 0;
	kana = kana_from_romaji(s, n, 0, &complete);
	if (kana && !complete) {
		free(kana);
		kana = kana_from_romaji(s, n, KANA_OH_LONG, &complete);
	}
	if (!kana)
		return -1;
	if (!complete || !(wn = to_codes(kana, w, MAX_KANA))) {
		rc = 0;
		goto done;
	}
	memset(cell, 0, sizeof cell);
	memset(&exact, 0, sizeof exact);
	for (i = 0; i <= wn; i++)
		cell[i].score = INF;
	cell[0].score = 0;
	for (i = 0; i < wn; i++) {
		if (cell[i].score >= INF)
			continue;
		for (j = i + 1; j <= wn && j - i <= MAX_SPAN; j++) {
			unsigned char key[MAX_KANA], alt[MAX_KANA], ny[MAX_KANA], nykey[MAX_KANA];
			size_t kn = readings_key(w + i, j - i, key), an = 0, h, nh, pass, nyk;
			int nyn;
			/* つ before a consonant may stand for っ: look that key up too */
			const unsigned char tsu = readings_code(0x3064);
			for (k = i; k < j; k++)
				if (!(w[k] == tsu && k + 1 < j && !is_vowel_code(w[k + 1])))
					alt[an++] = w[k];
			an = an < j - i ? readings_key(alt, an, alt) : 0;
			/* "ny" may be ん before ya/yu/yo written without its apostrophe (bunya:
			 * bun'ya 分野, kinyū: kin'yū 金融): read にゃ as んや too */
			memcpy(ny, w + i, j - i);
			nyn = 0;
			for (k = 0; k + 1 < j - i; k++)
				if (readings_cp(ny[k]) == 0x306B && (readings_cp(ny[k + 1]) == 0x3083 ||
				    readings_cp(ny[k + 1]) == 0x3085 || readings_cp(ny[k + 1]) == 0x3087)) {
					ny[k] = readings_code(0x3093);
					ny[k + 1] = readings_code(readings_cp(ny[k + 1]) + 1);
					nyn = 1;
				}
			nyk = nyn ? readings_key(ny, j - i, nykey) : 0;
			for (pass = 0; pass < 3; pass++) {
				const unsigned char *kk = pass == 2 ? nykey : pass ? alt : key;
				size_t kl = pass == 2 ? nyk : pass ? an : kn;
				if (!kl || (pass == 1 && an == kn && !memcmp(alt, key, kn)))
					continue;
				nh = readings_lookup(c->rd, kk, kl, hits, MAX_HITS);
				for (h = 0; h < nh; h++) {
					unsigned rep = 0;
					double p = penalty(pass == 2 ? ny : w + i, j - i, hits[h].kana, hits[h].len,
					                   allow_long, &rep), sc;
					if (p >= INF)
						continue;
					if (pass == 2) {
						p += PEN_EQUIV; /* the apostrophe restored */
						rep |= R_APOS;
					}
					if (i == 0 && j == wn && p == 0)
						whole = 1; /* the word as written is a dictionary word */
					sc = cell[i].score + SEG_COST + (hits[h].cost > 0 ? hits[h].cost : 0) / 1500.0 + p;
					/* a capitalised word is most likely a name: 横須賀|市, not 横|透かし */
					if (capital && i == 0 && p == 0 && (hits[h].flags & READINGS_PROPER))
						sc -= PROPER_BONUS;
					/* a name's reading in a lower-case word is unlikely (あない: 案内) */
					if (!capital && (hits[h].flags & READINGS_PROPER))
						sc += PROPER_MALUS;
					/* a place suffix after a place name: 福岡|市, not 福|お菓子 */
					if ((hits[h].flags & READINGS_PLACE_SUFFIX) && (cell[i].flags & READINGS_PLACE))
						sc -= PROPER_BONUS;
					same = cell[j].score < INF && cell[j].from == i && hits[h].len == cell[j].len &&
					       !memcmp(hits[h].kana, cell[j].kana, cell[j].len);
					if (sc < cell[j].score) {
						unsigned keep = same ? cell[j].flags : 0;
						cell[j].score = sc;
						cell[j].from = i;
						cell[j].kana = hits[h].kana;
						cell[j].len = hits[h].len;
						cell[j].flags = hits[h].flags | keep;
						cell[j].rep = repairs_join(cell[i].rep, rep);
						cell[j].segs = cell[i].segs + 1;
					} else if (same)
						cell[j].flags |= hits[h].flags;
					if (i == 0 && j == wn && p == 0 &&
					    (capital || !(hits[h].flags & READINGS_PROPER)) &&
					    (!exact.len || hits[h].cost < exact_cost)) {
						exact.kana = hits[h].kana;
						exact.len = hits[h].len;
						exact.flags = hits[h].flags;
						exact_cost = hits[h].cost;
					}
				}
			}
		}
	}
	if (cell[wn].score >= INF) {
		rc = 0;
		goto done;
	}
	/* the word as written is a dictionary word: no repair beats it (tōshi is 投資, not
	 * a "stray macron" on 年 toshi) */
	if (exact.len && cell[wn].rep) {
		exact.score = 0;
		exact.from = 0;
		exact.rep = 0;
		exact.segs = 1;
		cell[wn] = exact;
	}
	/* the readings used, first to last; each gets the classes of every dictionary word
	 * with its reading (神奈川 is a place even when a cheaper homograph was chosen) */
	for (k = wn; k > 0; k = cell[k].from) {
		unsigned char key[MAX_KANA];
		size_t kl = readings_key(cell[k].kana, cell[k].len, key), h, nh;
		bounds[nseg++] = k;
		nh = readings_lookup(c->rd, key, kl, hits, MAX_HITS);
		for (h = 0; h < nh; h++)
			if (hits[h].len == cell[k].len && !memcmp(hits[h].kana, cell[k].kana, cell[k].len))
				cell[k].flags |= hits[h].flags;
	}
	r->segs = (int)nseg;
	r->first_flags = cell[bounds[nseg - 1]].flags;
	r->last_flags = cell[wn].flags;
	{
		int divided = 0;
		for (i = nseg; i-- > 0;) {
			const dp_cell *e = &cell[bounds[i]];
			if (i != nseg - 1) {
				const dp_cell *prev = &cell[bounds[i + 1]];
				if (!whole && nseg == 2 && (e->flags & READINGS_PLACE_SUFFIX) &&
				    (prev->flags & READINGS_PLACE) && starts_upper(s, n)) {
					if (str_buf_add(&out, "-", 1))
						goto done;
					divided = 1;
				} else if (!whole && nseg == 2 && (e->flags & READINGS_PARTICLE) &&
				           prev->len >= 2 && !capital && allow_long &&
				           !(prev->flags & (READINGS_PARTICLE | READINGS_INFLECTING)) &&
				           separable_particle(e->kana, e->len)) {
					if (str_buf_add(&out, " ", 1))
						goto done;
					divided = 1;
				} else if (str_buf_add(&out, ROMAJI_MORPHEME, 1))
					goto done;
			}
			if (nseg == 1 && (e->flags & READINGS_PLACE) && !(e->flags & READINGS_PERSON) &&
			    starts_upper(s, n)) {
				size_t cut = place_suffix_cut(c, e->kana, e->len);
				if (cut) {
					if (add_codes(&out, e->kana, cut) || str_buf_add(&out, "-", 1) ||
					    add_codes(&out, e->kana + cut, e->len - cut))
						goto done;
					divided = 1;
					continue;
				}
			}
			if (add_codes(&out, e->kana, e->len))
				goto done;
		}
		if (!out.s)
			goto done;
		rom = romaji_from_kana(out.s, out.n, c->o.sys, ROMAJI_LONG_DEFAULT);
		if (!rom)
			goto done;
		if (n > 1 && is_upper_ascii((unsigned char)s[0]) && is_upper_ascii((unsigned char)s[1])) {
			char *u = text_upper(rom, (size_t)-1);
			if (!u || buf_str(&res, u)) {
				free(u);
				goto done;
			}
			free(u);
		} else if (starts_upper(s, n) ? add_capitalised(&res, rom) : buf_str(&res, rom))
			goto done;
		if (res.n != n || memcmp(res.s, s, n)) {
			unsigned rep = cell[wn].rep;
			/* an apostrophe is the writer's own syllable boundary inside one word
			 * (San'ichi 三一 is no "San-ichi") */
			if (divided && memchr(s, '\'', n)) {
				rc = 0;
				goto done;
			}
			/* a katakana word's long vowel written with its vowel letter (Noruwei for
			 * ノルウェー; the title is ノルウェイの森): another valid kana spelling */
			if (rep & R_LOAN) {
				rc = 0;
				goto done;
			}
			/* a length the reading does not have: letters the writer typed (Taiichi,
			 * Ooe) are the word's own; marks are dropped only on a whole dictionary word
			 * (jīmīchī 地道, satōya 里親); over fragments of words (Sinpôsya: shin|po|sha)
			 * the marks stand and only the letters change convention (Shinpōsha) */
			if ((rep & R_DROP_LONG) || count_marks(res.s) < count_marks_n(s, n)) {
				if (!has_marks(s, n)) {
					rc = 0;
					goto done;
				}
				if (nseg >= 2) {
					rc = literal(c, s, n, kana, r);
					goto done;
				}
			}
			r->out = res.s;
			res.s = NULL;
			r->reason = divided ? "word division" : repair_reason(rep);
			if (!(rep & R_DROP_LONG) && count_marks(r->out) < count_marks_n(s, n)) {
				/* a long mark the readings split (satōya: sato|oya) */
				rep |= R_DROP_LONG;
				r->reason = "macron without long vowel";
				if (nseg >= 2)
					rep += R_HEAVY; /* split by segmentation only: weaker */
			}
			r->rep = rep;
			r->conf = repair_confidence(rep, (int)nseg);
			if (rep && nseg == 2 && capital)
				r->conf *= F_CAPITAL_PIECES; /* a name need not be made of dictionary words */
			if (divided)
				r->conf *= F_DIVIDED;
			/* Kunrei letters read into a capitalised word of several dictionary words
			 * (Sonatine -> "Sonachine") are weak evidence: report only */
			if (!rep && !divided && kunrei_letters(s, n)) {
				r->reason = "Kunrei letters";
				if (capital)
					r->conf = CONF_WEAK; /* raised by do_field when its field is Japanese enough */
			}
			/* m before b/m/p only (traditional Hepburn): a style, not an error */
			if (!rep && !divided && has_marks(s, n) == has_marks(r->out, strlen(r->out)) &&
			    memchr(s, 'm', n) && !memchr(s, 'h', n) == !strchr(r->out, 'h'))
				r->conf = CONF_WEAK;
		}
	}
	rc = 0;
done:
	free(kana);
	free(rom);
	free(out.s);
	free(res.s);
	return rc;
}

/* When the word s[0..n), written without marks, is a dictionary word that has a long
 * vowel the writer did not mark (Tsusho 通商 tsūshō, Soseki 漱石 Sōseki, hyomei 表明), and
 * it is no dictionary word as written with the same standing (a proper noun for a
 * capitalised word, a common one otherwise), sets r to that spelling as a suggestion:
 * reported with the reading as its evidence, never applied. Returns 0, -1 out of memory. */
static int length_suggestion(cite *c, const char *s, size_t n, word_result *r)
{
	readings_hit hits[MAX_HITS];
	unsigned char w[MAX_KANA], key[MAX_KANA];
	char *kana, *rom = NULL;
	size_t wn, kl, h, nh, best = (size_t)-1;
	int complete = 0, capital = starts_upper(s, n), rc = -1;
	str_buf out = { 0 }, res = { 0 };
	if (!c->rd)
		return 0;
	kana = kana_from_romaji(s, n, 0, &complete);
	if (!kana)
		return -1;
	wn = complete ? to_codes(kana, w, MAX_KANA) : 0;
	free(kana);
	if (!wn)
		return 0;
	kl = readings_key(w, wn, key);
	nh = readings_lookup(c->rd, key, kl, hits, MAX_HITS);
	for (h = 0; h < nh; h++) {
		unsigned rep = 0;
		int proper = (hits[h].flags & READINGS_PROPER) != 0;
		double p = penalty(w, wn, hits[h].kana, hits[h].len, 1, &rep);
		if (p >= INF)
			continue;
		if (!rep)
			return 0; /* a word as written (Soseki 礎石, Shoten 書店): nothing is missing */
		if (rep != R_ADD_LONG || (!capital && proper))
			continue;
		if (best == (size_t)-1 ||
		    (capital && proper && !(hits[best].flags & READINGS_PROPER)) ||
		    ((!capital || proper == !!(hits[best].flags & READINGS_PROPER)) &&
		     hits[h].cost < hits[best].cost))
			best = h;
	}
	if (best == (size_t)-1)
		return 0;
	if (add_codes(&out, hits[best].kana, hits[best].len) ||
	    !(rom = romaji_from_kana(out.s, out.n, c->o.sys, ROMAJI_LONG_DEFAULT)) ||
	    (capital ? add_capitalised(&res, rom) : buf_str(&res, rom)))
		goto done;
	rc = 0;
	if (res.s && (res.n != n || memcmp(res.s, s, n))) {
		r->out = res.s;
		res.s = NULL;
		r->reason = "length mark missing (not added)";
		r->rep = R_ADD_LONG;
		r->conf = repair_confidence(R_ADD_LONG, 1);
		r->suggest = 1;
		r->segs = 1;
		r->first_flags = r->last_flags = hits[best].flags;
	}
done:
	free(out.s);
	free(rom);
	free(res.s);
	return rc;
}

/* The result for the word s[0..n) as it stands in its field (cached). Handles acronym
 * and digit prefixes and hyphenated parts, then reread(). Returns a pointer into the
 * cache (valid until the next call), or NULL when out of memory. */
static const word_result *word(cite *c, const char *s, size_t n, int allow_long)
{
	char key[256];
	int idx;
	word_result r = { 0 };
	str_buf b = { 0 };
	size_t d;
	if (n + 2 >= sizeof key) {
		static word_result none;
		return &none;
	}
	key[0] = allow_long ? 'L' : 's';
	memcpy(key + 1, s, n);
	key[n + 1] = '\0';
	idx = map_get(&c->word_cache, key, n + 1);
	if (idx >= 0)
		return &c->cache_v[idx];
	if (c->cache_n >= WORD_CACHE_MAX)
		cache_clear(c);
	if ((d = acronym_prefix(s, n)) > 0 || (d = digit_prefix(s, n)) > 0 || memchr(s, '-', n)) {
		/* rewrite the parts, keep the separators */
		size_t p = 0;
		int changed = 0, first = 1;
		double conf = 1;
		const char *reason = NULL;
		if (d) {
			const word_result *w = NULL;
			int counter;
			word_result sub;
			if (str_buf_add(&b, s, d))
				goto oom;
			if (reread(c, s + d, n - d, allow_long, &sub))
				goto oom;
			counter = sub.segs == 1 && (sub.last_flags & READINGS_SUFFIX) && s[d - 1] >= '0' &&
			          s[d - 1] <= '9';
			(void)w;
			if (counter || !(s[d - 1] >= '0' && s[d - 1] <= '9')) {
				if (str_buf_add(&b, counter ? "-" : " ", 1))
					goto oom;
				changed = 1;
				reason = "word division";
				conf = CONF_DIVISION;
			}
			if (sub.out) {
				if (buf_str(&b, sub.out))
					goto oom;
				changed = 1;
				if (sub.conf < conf)
					conf = sub.conf;
				if (!reason)
					reason = sub.reason;
			} else if (str_buf_add(&b, s + d, n - d))
				goto oom;
			free(sub.out);
			p = n;
		}
		while (p < n) {
			size_t q = p;
			word_result sub;
			while (q < n && s[q] != '-')
				q++;
			if (!first && str_buf_add(&b, "-", 1))
				goto oom;
			first = 0;
			if (q > p && classify(c, s + p, q - p) != W_NEUTRAL) {
				if (reread(c, s + p, q - p, allow_long, &sub))
					goto oom;
			} else
				memset(&sub, 0, sizeof sub);
			if (sub.out) {
				if (buf_str(&b, sub.out))
					goto oom;
				changed = 1;
				if (sub.conf < conf)
					conf = sub.conf;
				if (!reason)
					reason = sub.reason;
				free(sub.out);
			} else if (str_buf_add(&b, s + p, q - p))
				goto oom;
			p = q + 1;
		}
		if (changed && (b.n != n || memcmp(b.s, s, n))) {
			r.out = b.s;
			b.s = NULL;
			r.reason = reason;
			r.conf = conf;
		}
		free(b.s);
	} else if (reread(c, s, n, allow_long, &r))
		goto oom;
	else if (!allow_long && (!r.out || (r.reason && !strcmp(r.reason, "word division")))) {
		/* a field without marks: a length the writer did not mark is never added, but a
		 * word the readings show to have one is reported (Tsusho: Tsūshō); and a particle
		 * divided off such a word is no particle (seikento: seikentō 政権党, not
		 * "seiken to") */
		word_result l = { 0 };
		if (length_suggestion(c, s, n, &l))
			goto oom;
		if (l.out) {
			free(r.out);
			r = l;
		}
	}
	if (r.out && !r.suggest && c->depth == 0) {
		/* a change is evident only if its result is read as right: when the rewritten
		 * word would be rewritten again (a second run would change it), report it and
		 * do not apply it, so that a second run changes nothing */
		const word_result *again;
		size_t on = strlen(r.out);
		c->depth++;
		again = word(c, r.out, on, allow_long || has_marks(r.out, on));
		c->depth--;
		if (!again)
			goto oom;
		if (again->out && !again->suggest)
			r.suggest = 1;
	}
	if (c->cache_n % 256 == 0) {
		word_result *v = realloc(c->cache_v, (c->cache_n + 256) * sizeof *v);
		if (!v)
			goto oom;
		c->cache_v = v;
	}
	c->cache_v[c->cache_n] = r;
	if (map_put(&c->word_cache, key, (int)c->cache_n) != 0) {
		free(r.out);
		return NULL;
	}
	return &c->cache_v[c->cache_n++];
oom:
	free(b.s);
	free(r.out);
	return NULL;
}

/* ---- lines, fields and edits --------------------------------------------------------- */

typedef struct edits {
	cite_change *v;
	size_t n;
} edits;

static int edit_add(edits *e, const char *s, size_t b, size_t end, const char *after,
                    const char *reason, double conf, double threshold)
{
	cite_change *ch;
	if (e->n % 16 == 0) {
		cite_change *v = realloc(e->v, (e->n + 16) * sizeof *v);
		if (!v)
			return -1;
		e->v = v;
	}
	ch = &e->v[e->n];
	ch->begin = b;
	ch->end = end;
	ch->before = strndup(s + b, end - b);
	ch->after = strdup(after);
	ch->reason = reason;
	ch->confidence = conf;
	ch->applied = conf >= threshold;
	e->n++;
	if (!ch->before || !ch->after)
		return -1;
	return 0;
}

/* Whether the publication type t keeps its English-market name by default. */
static int is_publication(const char *t)
{
	return t && (strstr(t, "news") || strstr(t, "paper") || strstr(t, "magazine") ||
	             strstr(t, "publi") || strstr(t, "media") || strstr(t, "journal") ||
	             strstr(t, "broadcast") || strstr(t, "agency"));
}

/* The replacement of a lexicon match. */
static const char *term_text(const cite *c, const term *t)
{
	if (!c->o.alalc && t->market && is_publication(t->type))
		return t->market;
	return t->romaji;
}

/* Whether the written name w[0..n) has its words in the order of the canonical romaji
 * (Hariya Kyoko -> Hariya Kyōko is a spelling fix; Kyoko Hariya is the English byline). */
static int person_order_kept(const char *w, size_t n, const char *romaji)
{
	const char *sp = strchr(romaji, ' ');
	size_t k;
	char *a, *b;
	int same;
	if (!sp)
		return 1;
	for (k = 0; k < n && w[k] != ' '; k++)
		;
	a = match_romaji_key(w, k);
	b = match_romaji_key(romaji, (size_t)(sp - romaji));
	same = a && b && !strcmp(a, b);
	free(a);
	free(b);
	return same;
}

/* Number of words of s[0..n) (separated by spaces or hyphens). */
static size_t count_words(const char *s, size_t n)
{
	size_t i, w = 0;
	int in = 0;
	for (i = 0; i < n; i++) {
		int sep = s[i] == ' ' || s[i] == '-';
		if (!sep && !in)
			w++;
		in = !sep;
	}
	return w;
}

/* Whether every word of s[0..n) starts with a capital. */
static int all_capitalised(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if ((i == 0 || s[i - 1] == ' ') && s[i] != ' ' && !starts_upper(s + i, n - i))
			return 0;
	return 1;
}

/* A copy of s with its first word (every word but particles when all) capitalised;
 * NULL when out of memory. */
static char *recapitalise(const char *s, int all)
{
	str_buf b = { 0 };
	size_t i = 0, n = strlen(s);
	int first = 1;
	while (i < n) {
		size_t j = i;
		int particle;
		while (j < n && s[j] != ' ')
			j++;
		particle = particle_word(s + i, j - i, 0);
		if ((first || (all && !particle)) && j > i) {
			char *w = strndup(s + i, j - i);
			int rc = !w || add_capitalised(&b, w);
			free(w);
			if (rc)
				goto oom;
		} else if (str_buf_add(&b, s + i, j - i))
			goto oom;
		first = 0;
		if (j < n && str_buf_add(&b, " ", 1))
			goto oom;
		i = j + 1;
	}
	return b.s ? b.s : strdup("");
oom:
	free(b.s);
	return NULL;
}

/* The Hepburn romaji s written again in sys: each word (between spaces, hyphens and
 * punctuation) through kana, its capital kept. NULL when out of memory. */
static char *restyle(const char *s, romaji_system sys)
{
	str_buf b = { 0 };
	size_t i = 0, n = strlen(s);
	while (i < n) {
		size_t j = i;
		while (j < n && (isalpha((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80 ||
		                 s[j] == '\''))
			j++;
		if (j > i && j - i >= 2 && is_upper_ascii((unsigned char)s[i]) &&
		    is_upper_ascii((unsigned char)s[i + 1])) {
			if (str_buf_add(&b, s + i, j - i)) /* an acronym: AI, JR */
				goto oom;
			i = j;
			continue;
		}
		if (j > i) {
			int complete = 0;
			char *k = kana_from_romaji(s + i, j - i, 0, &complete), *r = NULL;
			int rc = 0;
			if (!k)
				goto oom;
			if (complete && (r = romaji_from_kana(k, (size_t)-1, sys, ROMAJI_LONG_DEFAULT)))
				rc = starts_upper(s + i, j - i) ? add_capitalised(&b, r) : buf_str(&b, r);
			else if (complete)
				rc = -1;
			else
				rc = str_buf_add(&b, s + i, j - i);
			free(k);
			free(r);
			if (rc)
				goto oom;
			i = j;
			continue;
		}
		if (str_buf_add(&b, s + i, 1))
			goto oom;
		i++;
	}
	return b.s ? b.s : strdup("");
oom:
	free(b.s);
	return NULL;
}

/* Whether w[0..n) equals t but for commas and white space. */
static int same_but_commas(const char *w, size_t n, const char *t)
{
	size_t i = 0;
	for (;;) {
		while (i < n && (w[i] == ',' || w[i] == ' '))
			i++;
		while (*t == ',' || *t == ' ')
			t++;
		if (i >= n || !*t)
			return i >= n && !*t;
		if (w[i] != *t)
			return 0;
		i++;
		t++;
	}
}

/* A copy of s with its double quotes made single (‘ ’), for a title that sits inside
 * double quotes; NULL when out of memory. */
static char *nest_quotes(const char *s)
{
	str_buf b = { 0 };
	int open = 0;
	size_t i = 0, n = strlen(s);
	while (i < n) {
		size_t at = i;
		int32_t cp = text_next_cp(s, n, &i);
		if (cp == '"' || cp == 0x201C || cp == 0x201D) {
			if (buf_str(&b, (cp == 0x201C || (cp == '"' && !open)) ? "\u2018" : "\u2019")) {
				free(b.s);
				return NULL;
			}
			open = cp == 0x201C || (cp == '"' && !open);
			continue;
		}
		if (str_buf_add(&b, s + at, i - at)) {
			free(b.s);
			return NULL;
		}
	}
	return b.s ? b.s : strdup("");
}

/* Adds the edit for a lexicon match of s[b..e) (with its annotation). */
static int lexicon_edit(cite *c, edits *ed, const char *s, size_t len, size_t b, size_t e,
                        const term *t, const char *reason, double conf, int quoted)
{
	char *nested = NULL, *capital = NULL, *restyled = NULL;
	str_buf a = { 0 };
	const char *txt = term_text(c, t);
	int single = !memchr(s + b, ' ', e - b);
	int rc = -1;
	size_t i;
	for (i = 0; i < t->n_names; i++)
		if (strlen(t->names[i]) == e - b && !strncasecmp(t->names[i], s + b, e - b) &&
		    !(c->o.alalc && t->market && !strcmp(t->names[i], t->market) && is_publication(t->type) &&
		      count_words(t->market, strlen(t->market)) ==
		      count_words(t->romaji, strlen(t->romaji))))
			return 0; /* its English name (Fujitsu, Kyoko Hariya): not ours to change;
			           * but --style alalc writes a newspaper's romanized name strictly */
	if (same_but_commas(s + b, e - b, txt))
		return 0; /* "Ōkubo, Nao" is "Ōkubo Nao" inverted: the writer's form stands */
	if (t->type && strstr(t->type, "person") && !person_order_kept(s + b, e - b, t->romaji))
		return 0;
	if (single && strlen(txt) == e - b && !strncasecmp(txt, s + b, e - b)) {
		/* one word that differs only in case: the writer's capitals stand (Tsuzumi) */
		txt = NULL;
	}
	if (txt && !c->o.alalc && txt == t->market &&
	    count_words(txt, strlen(txt)) != count_words(s + b, e - b))
		txt = t->romaji; /* "Nihon Keizai Shinbun" is not to become "Nikkei" */
	if (txt && ((txt == t->romaji && !c->o.alalc && all_capitalised(s + b, e - b) &&
	             is_publication(t->type)) ||
	            (starts_upper(s + b, e - b) && !starts_upper(txt, strlen(txt))))) {
		/* the writer's capitals where the term has none of its own: a title's first
		 * word (Jinkō chinō), a newspaper's name in title case (Nihon Keizai Shinbun) */
		capital = recapitalise(txt, !c->o.alalc && all_capitalised(s + b, e - b) &&
		                            is_publication(t->type));
		if (!capital)
			goto done;
		txt = capital;
	}
	if (txt && txt != t->market && c->o.sys != ROMAJI_HEPBURN) {
		/* the lexicon's Hepburn in the chosen system, word by word */
		restyled = restyle(txt, c->o.sys);
		if (!restyled)
			goto done;
		txt = restyled;
	}
	if (txt && !starts_upper(t->romaji, strlen(t->romaji)) && strlen(txt) == e - b &&
	    !strncasecmp(txt, s + b, e - b)) {
		rc = 0; /* a common word differing in capitals only: the writer's stand */
		goto done;
	}
	if (txt && quoted) {
		nested = nest_quotes(txt);
		if (!nested)
			goto done;
		txt = nested;
	}
	if (txt && buf_str(&a, txt))
		goto done;
	if (!txt && str_buf_add(&a, s + b, e - b))
		goto done;
	if (c->o.annotate && (t->ja || t->en) &&
	    !(e + 2 <= len && s[e] == ' ' && s[e + 1] == '[')) {
		int both = (c->o.annotate & CITE_ANNOTATE_KANJI) && t->ja && *t->ja &&
		           (c->o.annotate & CITE_ANNOTATE_ENGLISH) && t->en;
		if (buf_str(&a, " ["))
			goto done;
		if ((c->o.annotate & CITE_ANNOTATE_KANJI) && t->ja && *t->ja && buf_str(&a, t->ja))
			goto done;
		if (both && buf_str(&a, "; "))
			goto done;
		if ((c->o.annotate & CITE_ANNOTATE_ENGLISH) && t->en && buf_str(&a, t->en))
			goto done;
		if (buf_str(&a, "]"))
			goto done;
	}
	rc = 0;
	if (a.n != e - b || memcmp(a.s, s + b, e - b))
		rc = edit_add(ed, s, b, e, a.s, reason, conf, c->o.threshold);
done:
	free(a.s);
	free(nested);
	free(capital);
	free(restyled);
	return rc;
}

/* The term whose key equals the folded key of s[b..e), or NULL. A spelling recorded as a
 * variant always matches; otherwise the words must correspond: a run must have as many
 * words as the term (so that "Tōkyō-to wo" is not taken for Tōkyō-to, its particle
 * folded away), a whole field nearly as many (word division changes the count). */
static const term *term_exact(const cite *c, const char *s, size_t b, size_t e, int run)
{
	char *k;
	int i;
	size_t wn, tn, slack;
	if ((i = map_get(&c->term_literal, s + b, e - b)) >= 0)
		return &c->terms[i];
	k = match_romaji_key(s + b, e - b);
	if (!k)
		return NULL;
	i = strlen(k) > 2 ? map_get(&c->term_own, k, strlen(k)) : -1;
	if (i < 0 && strlen(k) > 2)
		i = map_get(&c->term_keys, k, strlen(k));
	free(k);
	if (i < 0)
		return NULL;
	wn = count_words(s + b, e - b);
	tn = count_words(c->terms[i].romaji, strlen(c->terms[i].romaji));
	if (c->terms[i].market && count_words(c->terms[i].market, strlen(c->terms[i].market)) == wn)
		tn = wn;
	slack = run ? 0 : wn / 4;
	if ((wn > tn ? wn - tn : tn - wn) > slack)
		return NULL;
	return &c->terms[i];
}

/* The confidence of a fuzzy match at distance d of a field of n bytes. */
static double fuzzy_confidence(int d, size_t n)
{
	return CONF_FUZZY - (n >= 24 ? CONF_FUZZY_STEP_LONG : CONF_FUZZY_STEP) * d;
}

/* The closest term to s[b..e) within a small edit distance of the folded keys, or
 * NULL; *dist gets the distance. People's names are never matched fuzzily. */
static const term *term_fuzzy(const cite *c, const char *s, size_t b, size_t e, int *dist)
{
	char *k = match_romaji_key(s + b, e - b);
	const term *best = NULL;
	size_t kl, i;
	int max, bd;
	if (!k)
		return NULL;
	kl = strlen(k);
	max = match_max_distance(kl);
	if (max > (int)(kl / 6))
		max = (int)(kl / 6);
	if (kl >= 24)
		max = (int)(kl / 8); /* a long title is distinctive: several readings may be wrong */
	bd = max + 1;
	for (i = 0; kl >= 8 && i < c->n_terms; i++) {
		const term *t = &c->terms[i];
		size_t tl = strlen(t->key);
		int d;
		if (t->type && strstr(t->type, "person"))
			continue;
		if ((tl > kl ? tl - kl : kl - tl) > (size_t)max || t->key[0] != k[0])
			continue;
		d = match_distance(k, t->key, max);
		if (d >= 0 && d < bd) {
			bd = d;
			best = t;
		}
	}
	free(k);
	*dist = bd;
	return best;
}

static int is_sep_cp(int32_t cp)
{
	return cp == ',' || cp == ';' || cp == ':' || cp == '(' || cp == ')' || cp == '[' ||
	       cp == ']' || cp == 0x3001 || cp == 0x3002;
}

/* Whether the token s[b..e) (no white space) must never be touched. */
static int protected_token(const char *s, size_t b, size_t e)
{
	size_t i;
	if (e - b >= 4 && !strncasecmp(s + b, "www.", 4))
		return 1;
	if (e - b >= 4 && !strncasecmp(s + b, "doi:", 4))
		return 1;
	for (i = b; i + 2 < e; i++)
		if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
			return 1;
	if (memchr(s + b, '@', e - b))
		return 1;
	if (e - b > 3 && s[b] == '1' && s[b + 1] == '0' && s[b + 2] == '.' && memchr(s + b, '/', e - b))
		return 1;
	return 0;
}

/* Whether the romaji word s[0..n) (or each of its hyphenated parts) is, exactly as
 * written, a dictionary word that is not a proper noun (政策 Seisaku: a common noun;
 * 京都 Kyōto: a name). */
static int common_word(cite *c, const char *s, size_t n)
{
	readings_hit hits[MAX_HITS];
	unsigned char w[MAX_KANA], key[MAX_KANA];
	char *kana;
	size_t wn, kl, h, nh;
	int complete = 0, found = 0;
	if (!c->rd || memchr(s, '-', n))
		return 0;
	kana = kana_from_romaji(s, n, 0, &complete);
	if (!kana)
		return 0;
	wn = complete ? to_codes(kana, w, MAX_KANA) : 0;
	free(kana);
	if (!wn)
		return 0;
	kl = readings_key(w, wn, key);
	nh = readings_lookup(c->rd, key, kl, hits, MAX_HITS);
	for (h = 0; h < nh && !found; h++) {
		unsigned rep = 0;
		if (!(hits[h].flags & READINGS_PROPER) &&
		    penalty(w, wn, hits[h].kana, hits[h].len, 0, &rep) == 0)
			found = 1;
	}
	return found;
}

/* A copy of s[0..n) with its first letter in lower case; NULL when out of memory. */
static char *lower_first(const char *s, size_t n)
{
	size_t i = 0;
	char *low, *out;
	if (!n)
		return strdup("");
	text_next_cp(s, n, &i);
	low = text_casefold(s, i);
	if (!low)
		return NULL;
	out = malloc(strlen(low) + n - i + 1);
	if (out) {
		memcpy(out, low, strlen(low));
		memcpy(out + strlen(low), s + i, n - i);
		out[strlen(low) + n - i] = '\0';
	}
	free(low);
	return out;
}

/* The readings whose folded key is that of the romaji word s[0..n): the word's kana as
 * codes in w (*wn of them) and the hits (returned: how many). oh_long: when the word is
 * not all romaji as it is, it is read again with passport "oh" as a long o (Ohno).
 * 0 when the word is not romaji, has no kana or no reading index is loaded. */
static size_t romaji_hits(cite *c, const char *s, size_t n, int oh_long, unsigned char *w,
                          size_t *wn, readings_hit *hits)
{
	unsigned char key[MAX_KANA];
	char *kana;
	int complete = 0;
	*wn = 0;
	if (!c->rd)
		return 0;
	kana = kana_from_romaji(s, n, 0, &complete);
	if (oh_long && kana && !complete) {
		free(kana);
		kana = kana_from_romaji(s, n, KANA_OH_LONG, &complete);
	}
	*wn = kana && complete ? to_codes(kana, w, MAX_KANA) : 0;
	free(kana);
	if (!*wn)
		return 0;
	return readings_lookup(c->rd, key, readings_key(w, *wn, key), hits, MAX_HITS);
}

/* Whether the romaji word s[0..n) is, as written, a dictionary word (its kana equal a
 * reading: vowel length spelled any way but ē for えい, no repair). */
static int known_word(cite *c, const char *s, size_t n)
{
	readings_hit hits[MAX_HITS];
	unsigned char w[MAX_KANA];
	size_t wn, h, nh = romaji_hits(c, s, n, 0, w, &wn, hits);
	for (h = 0; h < nh; h++) {
		unsigned rep = 0;
		if (penalty(w, wn, hits[h].kana, hits[h].len, 0, &rep) == 0)
			return 1;
	}
	return 0;
}

/* Whether a Japanese word of the tokens tk[0..nt) is no dictionary word as written
 * (Mainchii, kōgiasha, Kēzai): the field may be a garbled term. Hyphenated and
 * digit-led words are taken as they are. */
static int garbled_field(cite *c, const char *s, const token *tk, size_t nt)
{
	size_t i;
	if (!c->rd)
		return 1; /* no readings: the lexicon is all the evidence there is */
	for (i = 0; i < nt; i++)
		if (tk[i].cls == W_JAPANESE && !memchr(s + tk[i].b, '-', tk[i].e - tk[i].b) &&
		    !(s[tk[i].b] >= '0' && s[tk[i].b] <= '9') && !known_word(c, s + tk[i].b, tk[i].e - tk[i].b))
			return 1;
	return 0;
}

/* Normalises the field s[fb..fe). */
static int do_field(cite *c, edits *ed, const char *s, size_t len, size_t fb, size_t fe,
                    int quoted)
{
	token tk[128];
	size_t nt = 0, i, j;
	int n_j = 0, n_o = 0, n_en = 0, allow_long, title_case = 0;
	size_t first = 0;
	const term *t;
	const char *p;
	int dist;
	/* trim white space and trailing punctuation (a hyphen left at the end too: it is the
	 * writer's, and a lexicon match must not swallow it) */
	while (fb < fe && (s[fb] == ' ' || s[fb] == '\t'))
		fb++;
	while (fe > fb && memchr(" \t\r,.;:-", s[fe - 1], 8))
		fe--;
	if (fb >= fe)
		return 0;
	/* words */
	i = fb;
	while (i < fe && nt < sizeof tk / sizeof *tk) {
		size_t b = i, k = i;
		int32_t cp = text_next_cp(s, fe, &k);
		if (!(text_is_latin(cp) || (cp >= '0' && cp <= '9'))) {
			i = k;
			continue;
		}
		i = k;
		while (i < fe) {
			size_t m = i;
			cp = text_next_cp(s, fe, &m);
			if (text_is_latin(cp) || (cp >= '0' && cp <= '9')) {
				i = m;
				continue;
			}
			/* an apostrophe or hyphen inside a word: kin'en, AI-muke */
			if ((cp == '\'' || cp == 0x2019 || cp == '-') && m < fe) {
				size_t q = m;
				int32_t nx = text_next_cp(s, fe, &q);
				if (text_is_latin(nx) || (cp == '-' && nx >= '0' && nx <= '9')) {
					i = m;
					continue;
				}
			}
			break;
		}
		tk[nt].b = b;
		tk[nt].e = i;
		tk[nt].done = 0;
		memset(&tk[nt].r, 0, sizeof tk[nt].r);
		tk[nt].cls = classify(c, s + b, i - b);
		if (tk[nt].cls == W_JAPANESE)
			n_j++;
		else if (tk[nt].cls == W_OTHER) {
			n_o++;
			if (is_english(c, s + b, i - b))
				n_en++;
		}
		nt++;
	}
	if (n_j && n_o == 1 && !n_en && nt >= 2 && nt <= 4 &&
	    (t = term_fuzzy(c, s, fb, fe, &dist)) != NULL)
		/* a typo that is not romaji at all (Asahi Shinbum) in a short name */
		return lexicon_edit(c, ed, s, len, fb, fe, t, "lexicon (fuzzy)",
		                    CONF_FUZZY_NAME - CONF_FUZZY_STEP * dist, quoted);
	if (!n_j || (n_o && (n_j < 3 || n_j < 3 * n_o)))
		return 0;
	/* (1) the whole field in the lexicon */
	if ((t = term_exact(c, s, fb, fe, 0)) != NULL)
		return lexicon_edit(c, ed, s, len, fb, fe, t, "lexicon", CONF_LEXICON, quoted);
	/* a fuzzy match of a short field only when a word is garbled: a short field of real
	 * words (Kakusa shakai 格差社会) is no typo of another term (Kokusai shakai); a long
	 * title near a known one is (kakugi kouki ... for kakugigo ..., footnote 11) */
	if (!n_o && nt >= 2 && (fe - fb >= 24 || garbled_field(c, s, tk, nt)) &&
	    (t = term_fuzzy(c, s, fb, fe, &dist)) != NULL)
		return lexicon_edit(c, ed, s, len, fb, fe, t, "lexicon (fuzzy)",
		                    fuzzy_confidence(dist, fe - fb), quoted);
	/* runs of two or more Japanese words */
	for (i = 0; i < nt; i++) {
		if (tk[i].cls != W_JAPANESE && tk[i].cls != W_AMBIGUOUS)
			continue;
		for (j = nt; j > i + 1; j--) {
			size_t k;
			int ok = 1;
			for (k = i; k < j && ok; k++)
				ok = (tk[k].cls == W_JAPANESE || tk[k].cls == W_AMBIGUOUS) &&
				     (k == i || (tk[k].b == tk[k - 1].e + 1 && s[tk[k - 1].e] == ' '));
			if (!ok)
				continue;
			if ((t = term_exact(c, s, tk[i].b, tk[j - 1].e, 1)) != NULL) {
				if (lexicon_edit(c, ed, s, len, tk[i].b, tk[j - 1].e, t, "lexicon",
				                 CONF_LEXICON_RUN, quoted))
					return -1;
				for (k = i; k < j; k++)
					tk[k].done = 1;
				i = j - 1;
				break;
			}
		}
	}
	/* (2) word by word */
	allow_long = has_marks(s + fb, fe - fb);
	/* a title in title case: every Japanese word capitalised, particles too */
	if (quoted) {
		size_t jp = 0, caps = 0, parts = 0;
		for (i = 0; i < nt; i++) {
			size_t n = tk[i].e - tk[i].b;
			if (tk[i].cls != W_JAPANESE && tk[i].cls != W_AMBIGUOUS)
				continue;
			if (!jp++)
				first = i;
			if (starts_upper(s + tk[i].b, n)) {
				caps++;
				if (particle_word(s + tk[i].b, n, 1))
					parts++;
			}
		}
		title_case = jp >= 3 && caps == jp && parts > 0;
	}
	for (i = 0; i < nt; i++) {
		const word_result *w;
		token *x = &tk[i];
		size_t n = x->e - x->b;
		if (x->done || (x->cls != W_JAPANESE && x->cls != W_AMBIGUOUS))
			continue;
		/* particles spelled as kana are typed: wo, ha, he (ha only before another word:
		 * a title may end in the word ha 歯, 葉) */
		if (i > 0 && tk[i - 1].cls != W_OTHER && (p = typed_particle(s + x->b, n)) &&
		    (strcmp(p, "wa") || i + 1 < nt)) {
			if (edit_add(ed, s, x->b, x->e, p, "particle", CONF_PARTICLE, c->o.threshold))
				return -1;
			continue;
		}
		/* a ken, shi, ku after a place name: Tottori ken -> Tottori-ken */
		if (i > 0 && tk[i - 1].r.segs && (tk[i - 1].r.last_flags & READINGS_PLACE) &&
		    x->b == tk[i - 1].e + 1 && s[tk[i - 1].e] == ' ' && !starts_upper(s + x->b, n)) {
			w = word(c, s + x->b, n, allow_long);
			if (!w)
				return -1;
			/* not to, no (particles) nor shi: a word of its own as often as a suffix
			 * (Nihon shi 日本史, Shōwa shi 昭和史 are not cities) */
			if (w->segs == 1 && (w->last_flags & READINGS_PLACE_SUFFIX) && (!w->out || w->suggest) &&
			    strncmp(s + x->b, "to", n) && strncmp(s + x->b, "no", n) &&
			    strncmp(s + x->b, "shi", n)) {
				if (edit_add(ed, s, tk[i - 1].e, x->e, "", "word division", CONF_PLACE_SUFFIX,
				             c->o.threshold))
					return -1;
				/* the replacement: the hyphen and the suffix as written */
				free(ed->v[ed->n - 1].after);
				ed->v[ed->n - 1].after = malloc(n + 2);
				if (!ed->v[ed->n - 1].after)
					return -1;
				ed->v[ed->n - 1].after[0] = '-';
				memcpy(ed->v[ed->n - 1].after + 1, s + x->b, n);
				ed->v[ed->n - 1].after[n + 1] = '\0';
				x->r = *w;
				continue;
			}
		}
		w = word(c, s + x->b, n, allow_long);
		if (!w)
			return -1;
		x->r = *w;
		if (w->suggest) {
			/* reported with its evidence (the reading's spelling), never applied */
			if (edit_add(ed, s, x->b, x->e, w->out, w->reason, w->conf, c->o.threshold))
				return -1;
			ed->v[ed->n - 1].applied = 0;
			x->r.out = NULL;
			w = &x->r;
		}
		if (title_case && i != first && (particle_word(s + x->b, n, 1) ||
		                                 common_word(c, s + x->b, n))) {
			/* a title written in title case: sentence case but for proper nouns */
			char *low = lower_first(w->out ? w->out : s + x->b, w->out ? strlen(w->out) : n);
			int rc;
			if (!low)
				return -1;
			rc = strlen(low) != n || memcmp(low, s + x->b, n)
			     ? edit_add(ed, s, x->b, x->e, low, w->out ? w->reason : "capitals",
			                w->out && w->conf < CONF_CAPITALS ? w->conf : CONF_CAPITALS,
			                c->o.threshold)
			     : 0;
			free(low);
			if (rc)
				return -1;
			continue;
		}
		if (w->out) {
			double conf = w->conf;
			/* a capitalised word in Kunrei letters alone (Sonatine) may be a foreign
			 * word; among other Japanese words (Mainiti Sinbun) it is ours */
			if (w->reason && !strcmp(w->reason, "Kunrei letters") && conf <= CONF_WEAK &&
			    n_j >= 2)
				conf = CONF_KUNREI_FIELD;
			if (edit_add(ed, s, x->b, x->e, w->out, w->reason, conf, c->o.threshold))
				return -1;
		}
	}
	return 0;
}

/* ---- personal names ---------------------------------------------------------------- */

/* How the romaji word s[0..n) reads as a personal name: 1 some reading of it is a
 * person's name in the reading index (IPAdic 人名: Ohno, Itoh, Taiichi, Kōno), -1 it has
 * readings and none is a name (Keizai, Sangyousho), 0 nothing is known of it. Vowel
 * length, っ and ん do not count (the index's folded key), so every convention's spelling
 * of a name finds it. */
static int name_evidence1(cite *c, const char *s, size_t n)
{
	readings_hit hits[MAX_HITS];
	unsigned char w[MAX_KANA];
	size_t wn, h, nh = romaji_hits(c, s, n, 1, w, &wn, hits);
	for (h = 0; h < nh; h++)
		if (hits[h].flags & READINGS_PERSON)
			return 1;
	return nh ? -1 : 0;
}

static int is_vowel_letter(int ch)
{
	return ch && strchr("aeiouAEIOU", ch) != NULL;
}

/* name_evidence1 of s[0..n), and of s with the apostrophe an n before a vowel or y may
 * have lost (Kenichi: Ken'ichi けんいち, Shinichi: Shin'ichi): evidence only, the word
 * itself is never rewritten from it. Cached with the word results. */
static int name_evidence(cite *c, const char *s, size_t n)
{
	char alt[96], key[96];
	size_t i, m = 0;
	int e, added = 0, idx;
	word_result r = { 0 };
	if (n + 8 >= sizeof alt)
		return name_evidence1(c, s, n);
	/* cached with the words (key "N" + word; the evidence + 1 kept in segs) */
	key[0] = 'N';
	memcpy(key + 1, s, n);
	key[n + 1] = '\0';
	if ((idx = map_get(&c->word_cache, key, n + 1)) >= 0)
		return c->cache_v[idx].segs - 1;
	e = name_evidence1(c, s, n);
	if (e != 1) {
		for (i = 0; i < n; i++) {
			alt[m++] = s[i];
			if ((s[i] == 'n' || s[i] == 'N') && i > 0 && is_vowel_letter(s[i - 1]) && i + 1 < n &&
			    (is_vowel_letter(s[i + 1]) || s[i + 1] == 'y') && added < 4) {
				alt[m++] = '\'';
				added++;
			}
		}
		if (added && name_evidence1(c, alt, m) == 1)
			e = 1;
	}
	if (c->cache_n >= WORD_CACHE_MAX)
		cache_clear(c);
	if (c->cache_n % 256 == 0) {
		word_result *v = realloc(c->cache_v, (c->cache_n + 256) * sizeof *v);
		if (!v)
			return e; /* not cached: still an answer */
		c->cache_v = v;
	}
	r.segs = e + 1;
	c->cache_v[c->cache_n] = r;
	if (map_put(&c->word_cache, key, (int)c->cache_n) == 0)
		c->cache_n++;
	return e;
}

/* Whether s[b..e) is shaped like a personal name: one to four words of letters between
 * spaces and commas ("Ohno, Taiichi"; an apostrophe or hyphen inside: Shin'ichi,
 * Jun-ichirō), each starting with a capital and not all capitals. In a name field that is enough unless every word reads only as other
 * words (name_evidence -1: Keizai Kikakuchou). With `need` (a plain citation's author
 * position, where the shape alone is weak evidence) a word must read as a name, and at
 * least as many words as read only as other words. */
static int name_shaped(cite *c, const char *s, size_t b, size_t e, int need)
{
	size_t i = b, words = 0, person = 0, other = 0;
	while (i < e) {
		size_t wb, we, k, lower = 0;
		while (i < e && (s[i] == ' ' || s[i] == ','))
			i++;
		if (i >= e)
			break;
		wb = i;
		while (i < e && s[i] != ' ' && s[i] != ',')
			i++;
		we = i;
		if (++words > 4 || !starts_upper(s + wb, we - wb))
			return 0;
		for (k = wb; k < we;) {
			int32_t cp = text_next_cp(s, we, &k);
			if (!text_is_latin(cp) && cp != '\'' && cp != 0x2019 && cp != '-')
				return 0;
			if (cp >= 'a' && cp <= 'z')
				lower++;
		}
		if (!lower)
			return 0; /* an acronym or an initial: not evidence of a name */
		switch (name_evidence(c, s + wb, we - wb)) {
		case 1:
			person++;
			break;
		case -1:
			other++;
			break;
		}
	}
	if (!words)
		return 0;
	return need ? person && person >= other : other < words;
}

/* The lexicon term for the name s[b..e): the field as written, else its two words the
 * other way round ("Taiichi Ohno", "Ohno, Taiichi" for Ōno Taiichi). *swapped is set when
 * the written order is the reverse of the term's. NULL when the lexicon has none. */
static const term *name_term(const cite *c, const char *s, size_t b, size_t e, int *swapped)
{
	const term *t;
	size_t i, w1e, w2b;
	char *rev;
	*swapped = 0;
	if ((t = term_exact(c, s, b, e, 0)) != NULL)
		return t;
	for (i = b; i < e && s[i] != ' ' && s[i] != ','; i++)
		;
	w1e = i;
	while (i < e && (s[i] == ' ' || s[i] == ','))
		i++;
	w2b = i;
	if (w1e == b || w2b >= e || memchr(s + w2b, ' ', e - w2b) || memchr(s + w2b, ',', e - w2b))
		return NULL; /* not two words */
	rev = malloc(e - b + 2);
	if (!rev)
		return NULL;
	memcpy(rev, s + w2b, e - w2b);
	rev[e - w2b] = ' ';
	memcpy(rev + e - w2b + 1, s + b, w1e - b);
	t = term_exact(c, rev, 0, e - w2b + 1 + w1e - b, 0);
	free(rev);
	if (t)
		*swapped = 1;
	return t;
}

static int is_person(const term *t)
{
	return t->type && strstr(t->type, "person");
}

/* The edit of --names alalc for the name s[b..e) that the lexicon knows as person t: its
 * words as the lexicon writes them, in the written order with the written separator
 * (Ohno, Taiichi -> Ōno, Taiichi; Taiichi Ohno -> Taiichi Ōno). */
static int name_alalc_edit(cite *c, edits *ed, const char *s, size_t b, size_t e,
                           const term *t, int swapped)
{
	const char *sp;
	str_buf a = { 0 };
	size_t i, w1e, w2b;
	int rc = -1;
	for (i = b; i < e && s[i] != ' ' && s[i] != ','; i++)
		;
	w1e = i;
	while (i < e && (s[i] == ' ' || s[i] == ','))
		i++;
	w2b = i;
	char *fam = NULL, *cap = recapitalise(t->romaji, 1); /* a name's words all capitalised */
	if (!cap)
		return -1;
	sp = strchr(cap, ' ');
	if (sp && !(fam = strndup(cap, (size_t)(sp - cap))))
		goto done;
	if (!sp || w2b >= e || strchr(sp + 1, ' ')) {
		if (swapped || buf_str(&a, cap)) /* one word, or more than two: as it stands */
			goto done;
	} else if (!swapped) {
		if (buf_str(&a, fam) || str_buf_add(&a, s + w1e, w2b - w1e) || buf_str(&a, sp + 1))
			goto done;
	} else if (buf_str(&a, sp + 1) || str_buf_add(&a, s + w1e, w2b - w1e) || buf_str(&a, fam))
		goto done;
	rc = 0;
	if (a.s && (a.n != e - b || memcmp(a.s, s + b, e - b)))
		rc = edit_add(ed, s, b, e, a.s, "lexicon (name)", CONF_LEXICON, c->o.threshold);
done:
	free(a.s);
	free(cap);
	free(fam);
	return rc;
}

/* The name rules for s[b..e) (doc/citations.md, "Personal names"). `author`: a piece of
 * a plain citation's author position, where the field is a name only when it is shaped
 * like one and a word reads as a name. Returns 0 (handled: a name, kept or written in
 * its ALA-LC form, or a corporate name the lexicon knows, normalised), 1 when s[b..e)
 * is not a name (the caller reads it as other text), -1 when out of memory. */
static int do_name(cite *c, edits *ed, const char *s, size_t len, size_t b, size_t e,
                   int author)
{
	const term *t;
	int swapped;
	while (b < e && (s[b] == ' ' || s[b] == '\t'))
		b++;
	while (e > b && memchr(" \t\r,.;:", s[e - 1], 7))
		e--;
	if (e - b >= 2 && s[b] == '{' && s[e - 1] == '}') {
		b++; /* a BibTeX group around the whole name: {Keizai Sangyosho} */
		e--;
	}
	if (b >= e)
		return 0;
	t = name_term(c, s, b, e, &swapped);
	if (t && !is_person(t))
		return author ? 1 : do_field(c, ed, s, len, b, e, 1);
	if (t)
		return c->o.names == CITE_NAMES_ALALC ? name_alalc_edit(c, ed, s, b, e, t, swapped) : 0;
	if (name_shaped(c, s, b, e, author))
		return 0;
	return author ? 1 : do_field(c, ed, s, len, b, e, 1);
}

/* A plain citation's author position: the field s[b..e) before the title, split into
 * names at " and " and "&". When every piece is a name (do_name), the name rules apply to
 * each and 0 is returned; else 1 (not names: the field is read as other text), -1 when
 * out of memory. Nothing is edited unless every piece is a name. */
static int author_field(cite *c, edits *ed, const char *s, size_t len, size_t b, size_t e)
{
	size_t cut[9], ncut = 0, i, p;
	edits tmp = { NULL, 0 };
	int rc = 0;
	for (i = b; i < e; i++)
		if ((unsigned char)s[i] < 0x80 && !isalpha((unsigned char)s[i]) &&
		    !memchr(" &'-.", s[i], 5))
			return 1; /* digits, brackets: not a list of names */
	if (c->o.names == CITE_NAMES_ALALC && e < len && s[e] == ',') {
		/* "Ohno, Taiichi": the family name's field and the given name's after it are one
		 * name for the lexicon */
		size_t wb = b, j = e + 1, k;
		const term *t;
		int swapped;
		while (wb < e && s[wb] == ' ')
			wb++;
		while (j < len && s[j] == ' ')
			j++;
		for (k = j; k < len && !memchr(" ,.;()\"", s[k], 8) && (unsigned char)s[k] != 0xE2; k++)
			;
		if (k > j && !memchr(s + wb, ' ', e - wb) && (t = name_term(c, s, wb, k, &swapped)) &&
		    is_person(t))
			return name_alalc_edit(c, ed, s, wb, k, t, swapped);
	}
	p = b;
	for (i = b; i <= e && ncut < 8; i++) {
		int sep_and = i + 5 <= e && !memcmp(s + i, " and ", 5);
		int sep_amp = i < e && s[i] == '&';
		if (i == e || sep_and || sep_amp) {
			cut[ncut++] = p;
			cut[ncut++] = i;
			if (i == e)
				break;
			p = i + (sep_and ? 5 : 1);
			i = p - 1;
		}
	}
	if (ncut < 2 || cut[ncut - 1] != e)
		return 1;
	for (i = 0; i < ncut && rc == 0; i += 2) {
		size_t pb = cut[i], pe = cut[i + 1];
		while (pb < pe && s[pb] == ' ')
			pb++;
		if (pb >= pe && ncut > 2)
			continue; /* "& Ito" after a comma: the empty piece before the & */
		rc = do_name(c, &tmp, s, len, pb, pe, 1);
	}
	if (rc == 0)
		for (i = 0; i < tmp.n && rc == 0; i++) {
			cite_change *x = &tmp.v[i];
			rc = edit_add(ed, s, x->begin, x->end, x->after, x->reason, x->confidence,
			              c->o.threshold);
		}
	cite_changes_free(tmp.v, tmp.n);
	return rc;
}

/* A field s[fb..fe) of a plain citation. In the author position (*authors: from the
 * start of a citation, or after a semicolon, to its title) a list of personal names
 * follows the name rules; the first field that is not one ends the author position and
 * is read as text, as is everything after it. A field without letters ([1], a year)
 * leaves the position as it was. Returns 0, -1 out of memory. */
static int text_field(cite *c, edits *ed, const char *s, size_t len, size_t fb, size_t fe,
                      int quoted, int *authors)
{
	size_t i;
	int r;
	if (quoted)
		*authors = 0;
	else if (*authors) {
		for (i = fb; i < fe && (unsigned char)s[i] < 0x80 && !isalpha((unsigned char)s[i]); i++)
			;
		if (i >= fe)
			return 0;
		r = author_field(c, ed, s, len, fb, fe);
		if (r <= 0)
			return r;
		*authors = 0;
	}
	return do_field(c, ed, s, len, fb, fe, quoted);
}

enum { WHOLE_LINE, WHOLE_VALUE, WHOLE_NAME };

/* Normalises s[0..len): a citation line, one field value or one personal name (whole:
 * WHOLE_LINE, WHOLE_VALUE, WHOLE_NAME). */
static char *normalise(cite *c, const char *s, size_t len, int whole, cite_change **changes,
                       size_t *n)
{
	edits ed = { NULL, 0 };
	str_buf out = { 0 };
	size_t i = 0, fb = 0, k;
	int dq = 0; /* inside double quotes: 1 curly, 2 straight */
	int authors = whole == WHOLE_LINE; /* in a citation's author position */
	*changes = NULL;
	*n = 0;
	if (whole != WHOLE_LINE)
		i = fb = len;
	while (i < len) {
		size_t at = i;
		int32_t cp;
		/* a token that must not be touched (URL, e-mail, DOI) ends the field */
		if (at == 0 || s[at - 1] == ' ' || s[at - 1] == '\t') {
			size_t e = at;
			while (e < len && s[e] != ' ' && s[e] != '\t')
				e++;
			if (e > at && protected_token(s, at, e)) {
				if (text_field(c, &ed, s, len, fb, at, dq != 0, &authors))
					goto oom;
				authors = 0;
				i = fb = e;
				continue;
			}
		}
		cp = text_next_cp(s, len, &i);
		if (cp == 0x201C || (cp == '"' && dq != 2) || cp == 0x300C || cp == 0x300E) {
			if (!dq) {
				if (text_field(c, &ed, s, len, fb, at, 0, &authors))
					goto oom;
				authors = 0;
				fb = i;
				dq = cp == '"' ? 2 : 1;
				continue;
			}
		}
		if ((cp == 0x201D && dq == 1) || (cp == '"' && dq == 2) ||
		    ((cp == 0x300D || cp == 0x300F) && dq == 1)) {
			if (do_field(c, &ed, s, len, fb, at, 1))
				goto oom;
			fb = i;
			dq = 0;
			continue;
		}
		if (!dq && (is_sep_cp(cp) || (cp == '.' && (i >= len || s[i] == ' ')))) {
			if (text_field(c, &ed, s, len, fb, at, 0, &authors))
				goto oom;
			if (cp == ';')
				authors = 1; /* a second citation in the same note */
			fb = i;
		}
	}
	if (whole == WHOLE_VALUE && do_field(c, &ed, s, len, 0, len, 1))
		goto oom;
	if (whole == WHOLE_NAME && do_name(c, &ed, s, len, 0, len, 0) < 0)
		goto oom;
	if (whole == WHOLE_LINE && text_field(c, &ed, s, len, fb, len, dq != 0, &authors))
		goto oom;
	/* apply the confident edits, in order (they never overlap) */
	{
		size_t pos = 0;
		for (k = 0; k < ed.n; k++) {
			size_t m, best = k;
			for (m = k + 1; m < ed.n; m++)
				if (ed.v[m].begin < ed.v[best].begin)
					best = m;
			if (best != k) {
				cite_change tmp = ed.v[k];
				ed.v[k] = ed.v[best];
				ed.v[best] = tmp;
			}
		}
		for (k = 0; k < ed.n; k++) {
			if (!ed.v[k].applied || ed.v[k].begin < pos)
				continue;
			if (str_buf_add(&out, s + pos, ed.v[k].begin - pos) || buf_str(&out, ed.v[k].after))
				goto oom;
			pos = ed.v[k].end;
		}
		if (str_buf_add(&out, s + pos, len - pos))
			goto oom;
	}
	if (!out.s && !(out.s = strdup("")))
		goto oom;
	*changes = ed.v;
	*n = ed.n;
	return out.s;
oom:
	cite_changes_free(ed.v, ed.n);
	free(out.s);
	return NULL;
}

char *cite_string(cite *c, const char *s, size_t len, cite_change **changes, size_t *n)
{
	return normalise(c, s, len, WHOLE_LINE, changes, n);
}

char *cite_value(cite *c, const char *s, size_t len, cite_change **changes, size_t *n)
{
	return normalise(c, s, len, WHOLE_VALUE, changes, n);
}

char *cite_name(cite *c, const char *s, size_t len, cite_change **changes, size_t *n)
{
	return normalise(c, s, len, WHOLE_NAME, changes, n);
}

int cite_note_seen(const char *notes, const char *value, const char *note)
{
	size_t nn = strlen(note);
	const char *p = notes;
	(void)value; /* the same term written two ways ({Keizai Sangyōshō}) is one note */
	while ((p = strstr(p, ": ")) != NULL) {
		p += 2;
		if (!strncmp(p, note, nn) && (p[nn] == '\0' || !strncmp(p + nn, " | ", 3)))
			return 1;
	}
	return 0;
}

char *cite_annotation(cite *c, const char *s, size_t len, unsigned annotate)
{
	const term *t;
	str_buf b = { 0 };
	size_t fb = 0, fe = len;
	while (fb < fe && (s[fb] == ' ' || s[fb] == '\t'))
		fb++;
	while (fe > fb && memchr(" \t\r,.;:", s[fe - 1], 7))
		fe--;
	if (fb >= fe || !(t = term_exact(c, s, fb, fe, 0)))
		return NULL;
	if ((annotate & CITE_ANNOTATE_KANJI) && t->ja && *t->ja && buf_str(&b, t->ja))
		goto oom;
	/* the English name adds nothing where it is the value itself (Asahi Shimbun) */
	if ((annotate & CITE_ANNOTATE_ENGLISH) && t->en && *t->en &&
	    !(strlen(t->en) == fe - fb && !strncmp(t->en, s + fb, fe - fb)) &&
	    ((b.n && buf_str(&b, "; ")) || buf_str(&b, t->en)))
		goto oom;
	return b.s;
oom:
	free(b.s);
	return NULL;
}
