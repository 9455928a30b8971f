/* SPDX-License-Identifier: GPL-3.0-or-later */
/* morph.c: the MeCab wrapper. One model and one tagger per handle, a lattice reused for
 * every parse; node surfaces are not NUL-terminated, so everything is (pointer, length).
 * The dictionary layout is detected from the number of feature fields of a probe word:
 *   ipadic / NAIST-jdic: 9 fields, reading 7, pronunciation 8
 *   UniDic 2.x (unidic-mecab): 17 fields, pronunciation 9 (no surface reading field)
 *   UniDic-cwj 3.x: 21+ fields, kana 20, pronunciation 9
 *   JUMAN: 7 fields, reading 5 (hiragana), no pronunciation */
#include "config.h"

#include "morph.h"

#include "i18n.h"
#include "text.h"

#include <errno.h>
#include <mecab.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The longest run of code points of one kind (Latin letters, digits, katakana, symbols,
 * another script) that the tagger gets at once: MeCab groups such a run into an unknown
 * word from every position where a word ends, which costs the square of its length. */
#define MORPH_MAX_RUN 64
#define MORPH_MAX_SKIPS 16

typedef enum morph_layout {
	LAYOUT_IPADIC,
	LAYOUT_UNIDIC,
	LAYOUT_UNIDIC_CWJ,
	LAYOUT_JUMAN
} morph_layout;

struct morph {
	mecab_model_t *model;
	int owns_model;    /* 0: borrowed from the handle morph_open_shared was given */
	mecab_t *tagger;
	mecab_lattice_t *lattice;
	morph_layout layout;
	int reading_field; /* -1: none */
	int pron_field;    /* -1: none */
	int base_field;    /* -1: none */
	int conj_field;    /* conjugation type, -1: none */
	morph_token *tokens;
	size_t n_tokens, cap_tokens;
	size_t *cons;      /* pairs begin,end */
	size_t n_cons, cap_cons;
	char *text;        /* the text being parsed, NUL-terminated (MeCab calls strlen) */
	size_t text_cap;
	int32_t skips[MORPH_MAX_SKIPS]; /* code points the tagger skips as white space */
	int n_skips;
	struct feat *cache; /* MORPH_CACHE slots, open addressing by feature pointer */
	size_t n_cache;
};

/* What morph_fill derives from a feature string alone, cached per feature pointer.
 * A node's feature points into the dictionary MeCab has mapped (sys.dic, unk.dic, a
 * user dictionary) or to the tagger's own unk-feature string: the text at a pointer
 * never changes while the model is open, so the pointer is a sound key for known and
 * unknown words alike (yakugo sets no feature constraints, the one case where MeCab
 * would hand out a caller's string). Offsets are relative to the feature string. */
struct feat {
	const char *feature; /* NULL: an empty slot */
	uint16_t pos_len, reading_off, reading_len, base_off, base_len, pron_off, pron_len;
	unsigned char cls, flags, has;
};
#define FEAT_READING 1u
#define FEAT_BASE 2u
#define FEAT_PRON 4u
/* Slots (a power of two): some 40k distinct words fill 60% of it. The table is allocated
 * and touched once, so memory does not grow with the input; when it is 3/4 full, new
 * words are no longer cached (they are still analysed, only not remembered). */
#define MORPH_CACHE (1u << 16)

#define MORPH_MAX_FIELDS 32

typedef struct fields {
	const char *p[MORPH_MAX_FIELDS];
	size_t len[MORPH_MAX_FIELDS];
	int n;
} fields;

static void fields_split(const char *feature, fields *f)
{
	const char *s = feature, *c;
	f->n = 0;
	while (f->n < MORPH_MAX_FIELDS) {
		c = strchr(s, ',');
		f->p[f->n] = s;
		f->len[f->n] = c ? (size_t)(c - s) : strlen(s);
		f->n++;
		if (!c)
			break;
		s = c + 1;
	}
}

static int field_is_n(const fields *f, int i, const char *want, size_t n)
{
	return i < f->n && f->len[i] == n && memcmp(f->p[i], want, n) == 0;
}
/* want is a string literal: its length is known at compile time */
#define field_is(f, i, want) field_is_n((f), (i), (want), sizeof(want) - 1)

static int field_has(const fields *f, int i)
{
	return i >= 0 && i < f->n && f->len[i] > 0 && !(f->len[i] == 1 && f->p[i][0] == '*');
}

static char *morph_strdup_printf(const char *fmt, const char *a, const char *b)
{
	size_t n = strlen(fmt) + strlen(a) + (b ? strlen(b) : 0) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, fmt, a, b ? b : "");
	return s;
}

static void morph_classify_ipadic(const fields *f, morph_token *t)
{
	if (field_is(f, 0, "名詞")) {
		if (field_is(f, 1, "固有名詞")) {
			t->cls = MORPH_PROPER;
			if (field_is(f, 2, "人名"))
				t->flags |= MORPH_F_PERSON;
			else if (field_is(f, 2, "地域"))
				t->flags |= MORPH_F_PLACE;
			else if (field_is(f, 2, "組織"))
				t->flags |= MORPH_F_ORG;
		} else if (field_is(f, 1, "代名詞"))
			t->cls = MORPH_PRONOUN;
		else if (field_is(f, 1, "数"))
			t->cls = MORPH_NUMBER;
		else if (field_is(f, 1, "接尾")) {
			if (field_is(f, 2, "助数詞"))
				t->cls = MORPH_COUNTER;
			else if (field_is(f, 2, "地域"))
				t->cls = MORPH_PLACE_SUFFIX;
			else if (field_is(f, 2, "人名"))
				t->cls = MORPH_PERSON_SUFFIX;
			else
				t->cls = MORPH_SUFFIX;
		} else if (field_is(f, 1, "非自立"))
			t->cls = MORPH_NOUN_DEP;
		else
			t->cls = MORPH_NOUN;
	} else if (field_is(f, 0, "接頭詞"))
		t->cls = MORPH_PREFIX;
	else if (field_is(f, 0, "動詞"))
		t->cls = field_is(f, 1, "非自立") ? MORPH_VERB_DEP
		       : field_is(f, 1, "接尾") ? MORPH_VERB_SUFFIX : MORPH_VERB;
	else if (field_is(f, 0, "形容詞")) {
		t->cls = MORPH_ADJECTIVE;
		if (field_is(f, 1, "非自立"))
			t->flags |= MORPH_F_DEP;
	} else if (field_is(f, 0, "助動詞"))
		t->cls = MORPH_AUXVERB;
	else if (field_is(f, 0, "助詞"))
		t->cls = field_is(f, 1, "接続助詞") ? MORPH_CONJ_PARTICLE : MORPH_PARTICLE;
	else if (field_is(f, 0, "副詞"))
		t->cls = MORPH_ADVERB;
	else if (field_is(f, 0, "連体詞"))
		t->cls = MORPH_ADNOMINAL;
	else if (field_is(f, 0, "接続詞"))
		t->cls = MORPH_CONJUNCTION;
	else if (field_is(f, 0, "感動詞") || field_is(f, 0, "フィラー"))
		t->cls = MORPH_INTERJECTION;
	else if (field_is(f, 0, "記号"))
		t->cls = MORPH_SYMBOL;
}

static void morph_classify_unidic(const fields *f, morph_token *t)
{
	if (field_is(f, 0, "名詞")) {
		if (field_is(f, 1, "固有名詞")) {
			t->cls = MORPH_PROPER;
			if (field_is(f, 2, "人名"))
				t->flags |= MORPH_F_PERSON;
			else if (field_is(f, 2, "地名"))
				t->flags |= MORPH_F_PLACE;
		} else if (field_is(f, 1, "数詞"))
			t->cls = MORPH_NUMBER;
		else
			t->cls = MORPH_NOUN;
	} else if (field_is(f, 0, "代名詞"))
		t->cls = MORPH_PRONOUN;
	else if (field_is(f, 0, "形状詞"))
		t->cls = MORPH_NOUN;
	else if (field_is(f, 0, "接尾辞")) {
		if (field_is(f, 2, "助数詞"))
			t->cls = MORPH_COUNTER;
		else if (field_is(f, 1, "動詞的"))
			t->cls = MORPH_VERB_SUFFIX;
		else
			t->cls = MORPH_SUFFIX;
	} else if (field_is(f, 0, "接頭辞"))
		t->cls = MORPH_PREFIX;
	else if (field_is(f, 0, "動詞"))
		t->cls = MORPH_VERB;
	else if (field_is(f, 0, "形容詞"))
		t->cls = MORPH_ADJECTIVE;
	else if (field_is(f, 0, "助動詞"))
		t->cls = MORPH_AUXVERB;
	else if (field_is(f, 0, "助詞"))
		t->cls = field_is(f, 1, "接続助詞") ? MORPH_CONJ_PARTICLE : MORPH_PARTICLE;
	else if (field_is(f, 0, "副詞"))
		t->cls = MORPH_ADVERB;
	else if (field_is(f, 0, "連体詞"))
		t->cls = MORPH_ADNOMINAL;
	else if (field_is(f, 0, "接続詞"))
		t->cls = MORPH_CONJUNCTION;
	else if (field_is(f, 0, "感動詞"))
		t->cls = MORPH_INTERJECTION;
	else if (field_is(f, 0, "補助記号") || field_is(f, 0, "記号") || field_is(f, 0, "空白"))
		t->cls = MORPH_SYMBOL;
}

static void morph_classify_juman(const fields *f, morph_token *t)
{
	if (field_is(f, 0, "名詞")) {
		if (field_is(f, 1, "固有名詞") || field_is(f, 1, "人名") || field_is(f, 1, "地名")
		    || field_is(f, 1, "組織名")) {
			t->cls = MORPH_PROPER;
			if (field_is(f, 1, "人名"))
				t->flags |= MORPH_F_PERSON;
			else if (field_is(f, 1, "地名"))
				t->flags |= MORPH_F_PLACE;
			else if (field_is(f, 1, "組織名"))
				t->flags |= MORPH_F_ORG;
		} else if (field_is(f, 1, "数詞"))
			t->cls = MORPH_NUMBER;
		else if (field_is(f, 1, "形式名詞"))
			t->cls = MORPH_NOUN_DEP;
		else
			t->cls = MORPH_NOUN;
	} else if (field_is(f, 0, "接尾辞")) {
		if (field_is(f, 1, "名詞性名詞助数辞"))
			t->cls = MORPH_COUNTER;
		else if (field_is(f, 1, "動詞性接尾辞"))
			t->cls = MORPH_VERB_SUFFIX;
		else
			t->cls = MORPH_SUFFIX;
	} else if (field_is(f, 0, "接頭辞"))
		t->cls = MORPH_PREFIX;
	else if (field_is(f, 0, "動詞"))
		t->cls = MORPH_VERB;
	else if (field_is(f, 0, "形容詞"))
		t->cls = MORPH_ADJECTIVE;
	else if (field_is(f, 0, "助動詞") || field_is(f, 0, "判定詞"))
		t->cls = MORPH_AUXVERB;
	else if (field_is(f, 0, "助詞"))
		t->cls = field_is(f, 1, "接続助詞") ? MORPH_CONJ_PARTICLE : MORPH_PARTICLE;
	else if (field_is(f, 0, "副詞"))
		t->cls = MORPH_ADVERB;
	else if (field_is(f, 0, "連体詞") || field_is(f, 0, "指示詞"))
		t->cls = MORPH_ADNOMINAL;
	else if (field_is(f, 0, "接続詞"))
		t->cls = MORPH_CONJUNCTION;
	else if (field_is(f, 0, "感動詞"))
		t->cls = MORPH_INTERJECTION;
	else if (field_is(f, 0, "特殊"))
		t->cls = MORPH_SYMBOL;
}

/* Non-Japanese surfaces are classified by their characters, whatever the dictionary
 * says (ipadic calls "," a verbal noun and "AI" an organisation). */
static int morph_classify_surface(morph_token *t)
{
	const unsigned char *u = (const unsigned char *)t->surface;
	size_t i = 0;
	int alnum = 0, digits_only = 1;
	/* most words start with kana (U+3041..U+30FF) or a CJK unified ideograph
	 * (U+4E00..U+9FFF, all Han): decided by their UTF-8 bytes, without ICU */
	if (t->surface_len >= 3 && u[0] == 0xE3
	    && (u[1] == 0x82 || u[1] == 0x83 || (u[1] == 0x81 && u[2] >= 0x81)))
		return 0;
	if (t->surface_len >= 3 && ((u[0] == 0xE4 && u[1] >= 0xB8) || (u[0] >= 0xE5 && u[0] <= 0xE9))) {
		if (t->cls == MORPH_SYMBOL)
			t->cls = MORPH_NOUN; /* an unknown rare kanji, not punctuation */
		return 0;
	}
	while (i < t->surface_len) {
		int32_t cp = text_next_cp(t->surface, t->surface_len, &i);
		if (cp < 0 || text_is_japanese(cp)) {
			if (t->cls == MORPH_SYMBOL && text_is_kanji(cp))
				t->cls = MORPH_NOUN; /* an unknown rare kanji, not punctuation */
			return 0;
		}
		if ((cp >= '0' && cp <= '9'))
			alnum = 1;
		else if ((cp < 128 && ((cp | 32) >= 'a' && (cp | 32) <= 'z')) || text_is_latin(cp))
			alnum = 1, digits_only = 0;
		else
			digits_only = 0;
	}
	if (!alnum)
		t->cls = MORPH_SYMBOL;
	else if (digits_only)
		t->cls = MORPH_NUMBER;
	else
		t->cls = MORPH_ALPHA;
	t->flags &= ~(unsigned)(MORPH_F_PERSON | MORPH_F_PLACE | MORPH_F_ORG);
	return 1;
}

/* The fields of one feature string: part of speech, reading, base form, pronunciation,
 * word class and the flags that come from the dictionary (not from the surface). */
static void morph_feature(const morph *m, const char *feature, morph_token *t)
{
	fields f;
	fields_split(feature, &f);
	t->pos = f.p[0];
	t->pos_len = f.n >= 4 ? (size_t)(f.p[3] + f.len[3] - f.p[0])
	           : (size_t)(f.p[f.n - 1] + f.len[f.n - 1] - f.p[0]);
	if (field_has(&f, m->reading_field)) {
		t->reading = f.p[m->reading_field];
		t->reading_len = f.len[m->reading_field];
	}
	if (field_has(&f, m->base_field)) {
		t->base = f.p[m->base_field];
		t->base_len = f.len[m->base_field];
	}
	if (field_has(&f, m->conj_field)) {
		static const char *copulas[] = { "特殊・ダ", "特殊・デス", "助動詞-ダ", "助動詞-デス",
		                                 "判定詞", NULL };
		size_t c;
		for (c = 0; copulas[c]; c++)
			if (f.len[m->conj_field] >= strlen(copulas[c])
			    && memcmp(f.p[m->conj_field], copulas[c], strlen(copulas[c])) == 0)
				t->flags |= MORPH_F_COPULA;
	}
	if (field_has(&f, m->pron_field)) {
		t->pron = f.p[m->pron_field];
		t->pron_len = f.len[m->pron_field];
	}
	switch (m->layout) {
	case LAYOUT_IPADIC:
		morph_classify_ipadic(&f, t);
		break;
	case LAYOUT_UNIDIC:
	case LAYOUT_UNIDIC_CWJ:
		morph_classify_unidic(&f, t);
		break;
	case LAYOUT_JUMAN:
		morph_classify_juman(&f, t);
		break;
	}
}

static inline size_t feat_slot(const char *feature)
{
	return (size_t)(((uint64_t)(uintptr_t)feature * 0x9E3779B97F4A7C15u) >> 48) & (MORPH_CACHE - 1);
}

/* The cached analysis of feature, computed (and remembered while there is room) on a
 * miss. Writes the feature-derived members of *t. */
static void morph_feature_cached(morph *m, const char *feature, morph_token *t)
{
	struct feat *e;
	size_t i;
	if (!m->cache) {
		morph_feature(m, feature, t);
		return;
	}
	i = feat_slot(feature);
	while (m->cache[i].feature && m->cache[i].feature != feature)
		i = (i + 1) & (MORPH_CACHE - 1);
	e = &m->cache[i];
	if (!e->feature) {
		morph_feature(m, feature, t);
		if (m->n_cache >= MORPH_CACHE / 4 * 3 || t->pos_len > UINT16_MAX
		    || (t->reading && (size_t)(t->reading - feature) + t->reading_len > UINT16_MAX)
		    || (t->base && (size_t)(t->base - feature) + t->base_len > UINT16_MAX)
		    || (t->pron && (size_t)(t->pron - feature) + t->pron_len > UINT16_MAX))
			return;
		e->pos_len = (uint16_t)t->pos_len;
		e->has = 0;
		if (t->reading) {
			e->has |= FEAT_READING;
			e->reading_off = (uint16_t)(t->reading - feature);
			e->reading_len = (uint16_t)t->reading_len;
		}
		if (t->base) {
			e->has |= FEAT_BASE;
			e->base_off = (uint16_t)(t->base - feature);
			e->base_len = (uint16_t)t->base_len;
		}
		if (t->pron) {
			e->has |= FEAT_PRON;
			e->pron_off = (uint16_t)(t->pron - feature);
			e->pron_len = (uint16_t)t->pron_len;
		}
		e->cls = (unsigned char)t->cls;
		e->flags = (unsigned char)t->flags;
		e->feature = feature;
		m->n_cache++;
		return;
	}
	t->pos = feature;
	t->pos_len = e->pos_len;
	if (e->has & FEAT_READING) {
		t->reading = feature + e->reading_off;
		t->reading_len = e->reading_len;
	}
	if (e->has & FEAT_BASE) {
		t->base = feature + e->base_off;
		t->base_len = e->base_len;
	}
	if (e->has & FEAT_PRON) {
		t->pron = feature + e->pron_off;
		t->pron_len = e->pron_len;
	}
	t->cls = (morph_class)e->cls;
	t->flags |= e->flags;
}

static void morph_fill(morph *m, const mecab_node_t *node, const char *text, morph_token *t)
{
	memset(t, 0, sizeof *t);
	t->surface = node->surface;
	t->surface_len = node->length;
	t->offset = (size_t)(node->surface - text);
	t->space_before = node->rlength > node->length ? (size_t)(node->rlength - node->length) : 0;
	if (node->feature)
		morph_feature_cached(m, node->feature, t);
	else
		morph_feature(m, "", t);
	if (node->stat == MECAB_UNK_NODE)
		t->flags |= MORPH_F_UNKNOWN;
	morph_classify_surface(t);
}

static void morph_cache_new(morph *m);
static void morph_probe_skips(morph *m);

static int morph_detect(morph *m, char **error)
{
	static const char probe[] = "東京";
	const mecab_node_t *node;
	fields f;
	int rc = -1;

	mecab_lattice_set_sentence2(m->lattice, probe, sizeof probe - 1);
	if (!mecab_parse_lattice(m->tagger, m->lattice)) {
		*error = morph_strdup_printf(_("MeCab cannot parse: %s"),
		                             mecab_lattice_strerror(m->lattice), NULL);
		goto done;
	}
	node = mecab_lattice_get_bos_node(m->lattice);
	while (node && (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE))
		node = node->next;
	fields_split(node && node->feature ? node->feature : "", &f);
	if (f.n >= 21) {
		m->layout = LAYOUT_UNIDIC_CWJ;
		m->reading_field = 20;
		m->pron_field = 9;
		m->base_field = 10;
		m->conj_field = 4;
	} else if (f.n >= 17) {
		m->layout = LAYOUT_UNIDIC;
		m->reading_field = 9;
		m->pron_field = 9;
		m->base_field = 10;
		m->conj_field = 4;
	} else if (f.n >= 9) {
		m->layout = LAYOUT_IPADIC;
		m->reading_field = 7;
		m->pron_field = 8;
		m->base_field = 6;
		m->conj_field = 4;
	} else if (f.n == 7) {
		m->layout = LAYOUT_JUMAN;
		m->reading_field = 5;
		m->pron_field = -1;
		m->base_field = 4;
		m->conj_field = 0;
	} else {
		*error = morph_strdup_printf(_("unknown MeCab dictionary layout (%s)"),
		                             node && node->feature ? node->feature : "?", NULL);
		goto done;
	}
	rc = 0;
done:
	mecab_lattice_clear(m->lattice);
	return rc;
}

morph *morph_open(const char *dicdir, char **error)
{
	morph *m = NULL;
	char *arg = NULL, *path = NULL;
	struct stat st;
	const char *dir = dicdir && *dicdir ? dicdir : MECAB_DICDIR;

	*error = NULL;
	path = morph_strdup_printf("%s/sys.dic", dir, NULL);
	if (!path)
		goto oom;
	if (stat(path, &st) != 0) {
		if (dicdir && *dicdir)
			*error = morph_strdup_printf(_("no MeCab dictionary in %s (%s)"), dir,
			                             strerror(errno));
		else
			*error = morph_strdup_printf(_("no MeCab dictionary in %s: install the "
			                               "Debian package mecab-ipadic-utf8 (%s)"),
			                             dir, strerror(errno));
		goto fail;
	}
	/* -r /dev/null: never read /etc/mecabrc (its default dictionary may be UniDic). */
	arg = morph_strdup_printf("mecab -r /dev/null -d %s%s", dir, "");
	if (!arg)
		goto oom;
	m = calloc(1, sizeof *m);
	if (!m)
		goto oom;
	m->model = mecab_model_new2(arg);
	m->owns_model = 1;
	if (!m->model) {
		*error = morph_strdup_printf(_("cannot open the MeCab dictionary in %s: %s"), dir,
		                             mecab_strerror(NULL));
		goto fail;
	}
	m->tagger = mecab_model_new_tagger(m->model);
	m->lattice = mecab_model_new_lattice(m->model);
	if (!m->tagger || !m->lattice)
		goto oom;
	if (morph_detect(m, error) != 0)
		goto fail;
	morph_probe_skips(m);
	morph_cache_new(m);
	free(arg);
	free(path);
	return m;
oom:
	if (!*error)
		*error = morph_strdup_printf("%s", strerror(ENOMEM), NULL);
fail:
	free(arg);
	free(path);
	morph_close(m);
	return NULL;
}

/* The word cache: touched now (calloc could leave it unmapped), so that memory does
 * not grow later; without it every word is analysed afresh. */
static void morph_cache_new(morph *m)
{
	m->cache = malloc(MORPH_CACHE * sizeof *m->cache);
	if (m->cache)
		memset(m->cache, 0, MORPH_CACHE * sizeof *m->cache);
}

morph *morph_open_shared(const morph *base, char **error)
{
	morph *m = calloc(1, sizeof *m);
	*error = NULL;
	if (!m)
		goto oom;
	m->model = base->model;
	m->layout = base->layout;
	m->reading_field = base->reading_field;
	m->pron_field = base->pron_field;
	m->base_field = base->base_field;
	m->conj_field = base->conj_field;
	memcpy(m->skips, base->skips, sizeof m->skips);
	m->n_skips = base->n_skips;
	m->tagger = mecab_model_new_tagger(m->model);
	m->lattice = mecab_model_new_lattice(m->model);
	if (!m->tagger || !m->lattice)
		goto oom;
	morph_cache_new(m);
	return m;
oom:
	*error = morph_strdup_printf("%s", strerror(ENOMEM), NULL);
	morph_close(m);
	return NULL;
}

void morph_close(morph *m)
{
	if (!m)
		return;
	if (m->lattice)
		mecab_lattice_destroy(m->lattice);
	if (m->tagger)
		mecab_destroy(m->tagger);
	if (m->model && m->owns_model)
		mecab_model_destroy(m->model);
	free(m->tokens);
	free(m->cons);
	free(m->text);
	free(m->cache);
	free(m);
}

const char *morph_layout_name(const morph *m)
{
	switch (m->layout) {
	case LAYOUT_IPADIC: return "ipadic";
	case LAYOUT_UNIDIC: return "unidic";
	case LAYOUT_UNIDIC_CWJ: return "unidic-cwj";
	case LAYOUT_JUMAN: return "juman";
	}
	return "?";
}

int morph_constrain(morph *m, size_t begin, size_t end)
{
	if (end <= begin)
		return 0;
	if (m->n_cons + 2 > m->cap_cons) {
		size_t cap = m->cap_cons ? m->cap_cons * 2 : 16;
		size_t *p = realloc(m->cons, cap * sizeof *p);
		if (!p)
			return -1;
		m->cons = p;
		m->cap_cons = cap;
	}
	m->cons[m->n_cons++] = begin;
	m->cons[m->n_cons++] = end;
	return 0;
}

/* Whether the code point is a control character (C0 with NUL and tab, DEL, C1): the
 * tagger never sees one (MeCab skips tab, LF and VT as white space, and a glossary
 * constraint right after one leaves no possible word: MeCab then calls exit()). */
static int morph_is_control(int32_t cp)
{
	return (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp <= 0x9F);
}

/* The kind of a code point for the run limit (MORPH_MAX_RUN): 0 (no limit: kanji,
 * hiragana, white space), 1 Latin letter, 2 digit, 3 katakana, 4 anything else. */
static int morph_run_kind(int32_t cp)
{
	if (cp < 0x80) {
		if (cp >= '0' && cp <= '9')
			return 2;
		if ((cp | 32) >= 'a' && (cp | 32) <= 'z')
			return 1;
		return cp == ' ' ? 0 : 4;
	}
	if ((cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF)
	    || (cp >= 0xFF66 && cp <= 0xFF9F))
		return 3;
	if ((cp >= 0x3040 && cp <= 0x309F) || text_is_kanji(cp) || cp == 0x3000)
		return 0;
	return text_is_latin(cp) ? 1 : 4;
}

/* Where the tagger's next part of text[pos..len) ends: *end is the end of the part, and
 * *next where the one after it starts ([*end, *next) is a control character, or empty
 * where a long run is cut). */
static void morph_next_cut(const char *text, size_t len, size_t pos, size_t *end, size_t *next)
{
	size_t i = pos, run = 0;
	int kind = 0;
	while (i < len) {
		size_t at = i;
		int32_t cp;
		int k;
		if ((unsigned char)text[i] < 0x80 && (unsigned char)text[i] >= 0x20
		    && text[i] != 0x7F && text[i] != ' ') {
			/* printable ASCII, the common case, without a call */
			unsigned char c = (unsigned char)text[i];
			cp = c;
			i++;
			k = (c >= '0' && c <= '9') ? 2 : ((c | 32) >= 'a' && (c | 32) <= 'z') ? 1 : 4;
		} else {
			cp = text_next_cp(text, len, &i);
			if (morph_is_control(cp)) {
				*end = at;
				*next = i;
				return;
			}
			k = morph_run_kind(cp);
		}
		if (k && k == kind) {
			if (++run > MORPH_MAX_RUN) {
				*end = *next = at;
				return;
			}
		} else {
			kind = k;
			run = 1;
		}
	}
	*end = *next = len;
}

/* Whether the code point that ends before text[pos] is one the tagger skips as white
 * space; sets *start to where it starts. */
static int morph_skip_before(const morph *m, const char *text, size_t pos, size_t *start)
{
	size_t i = pos, j;
	int32_t cp;
	int k;
	if (pos == 0)
		return 0;
	do
		i--;
	while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80);
	j = i;
	cp = text_next_cp(text, pos, &j);
	for (k = 0; k < m->n_skips; k++)
		if (m->skips[k] == cp) {
			*start = i;
			return 1;
		}
	return 0;
}

/* Learns which white space the dictionary makes MeCab skip (char.def's SPACE class):
 * a glossary constraint must begin before it, or no word can start there. */
static void morph_probe_skips(morph *m)
{
	static const int32_t cands[] = { 0x20, 0xA0, 0xD0, 0x1680, 0x2000, 0x2001, 0x2002,
	                                 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
	                                 0x200A, 0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
	                                 0xFEFF };
	size_t c;
	m->n_skips = 0;
	for (c = 0; c < sizeof cands / sizeof cands[0] && m->n_skips < MORPH_MAX_SKIPS; c++) {
		char buf[16];
		size_t n = 0, covered = 0;
		const mecab_node_t *node;
		memcpy(buf, "ア", 3);
		n = 3 + text_put_cp(buf + 3, cands[c]);
		memcpy(buf + n, "ア", 3);
		n += 3;
		buf[n] = '\0';
		mecab_lattice_set_sentence2(m->lattice, buf, n);
		if (!mecab_parse_lattice(m->tagger, m->lattice))
			continue;
		for (node = mecab_lattice_get_bos_node(m->lattice); node; node = node->next)
			if (node->stat != MECAB_BOS_NODE && node->stat != MECAB_EOS_NODE)
				covered += node->length;
		if (covered < n)
			m->skips[m->n_skips++] = cands[c];
	}
	mecab_lattice_clear(m->lattice);
}

static int morph_grow_tokens(morph *m)
{
	if (m->n_tokens == m->cap_tokens) {
		size_t cap = m->cap_tokens ? m->cap_tokens * 2 : 64;
		morph_token *p = realloc(m->tokens, cap * sizeof *p);
		if (!p)
			return -1;
		m->tokens = p;
		m->cap_tokens = cap;
	}
	return 0;
}

/* The space MeCab skipped before byte pos, after the last token. */
static size_t morph_gap(const morph *m, size_t pos)
{
	const morph_token *t = m->n_tokens ? &m->tokens[m->n_tokens - 1] : NULL;
	size_t end = t ? t->offset + t->surface_len : 0;
	return pos > end ? pos - end : 0;
}

/* Has the tagger analyse m->text[b..e) (the constraints inside it apply) and appends
 * its tokens. Returns 0, or -1 with *error set. */
static int morph_parse_part(morph *m, size_t b, size_t e, char **error)
{
	const mecab_node_t *node;
	char *seg = m->text + b, save = m->text[e];
	size_t i, k;
	int rc = -1;

	m->text[e] = '\0'; /* MeCab calls strlen on a text that ends in white space */
	mecab_lattice_set_sentence2(m->lattice, seg, e - b);
	for (i = 0; i + 1 < m->n_cons; i += 2) {
		size_t cb = m->cons[i], ce = m->cons[i + 1], at;
		if (cb < b || ce > e || ce <= cb)
			continue; /* a constraint across a control character or a long run */
		cb -= b;
		ce -= b;
		/* MeCab puts white space at the start of the token that follows it: a
		 * boundary right after a space would leave no possible token (and abort). */
		while (morph_skip_before(m, seg, cb, &at))
			cb = at;
		mecab_lattice_set_boundary_constraint(m->lattice, cb, MECAB_TOKEN_BOUNDARY);
		mecab_lattice_set_boundary_constraint(m->lattice, ce, MECAB_TOKEN_BOUNDARY);
		for (k = cb + 1; k < ce; k++)
			mecab_lattice_set_boundary_constraint(m->lattice, k, MECAB_INSIDE_TOKEN);
	}
	if (!mecab_parse_lattice(m->tagger, m->lattice)) {
		*error = morph_strdup_printf(_("MeCab cannot parse: %s"),
		                             mecab_lattice_strerror(m->lattice), NULL);
		goto done;
	}
	/* the words' cache slots and feature strings are scattered through memory: ask
	 * for all of them before reading any */
	if (m->cache)
		for (node = mecab_lattice_get_bos_node(m->lattice); node; node = node->next)
			if (node->feature) {
				__builtin_prefetch(&m->cache[feat_slot(node->feature)]);
				__builtin_prefetch(node->feature);
				__builtin_prefetch(node->feature + 64);
			}
	for (node = mecab_lattice_get_bos_node(m->lattice); node; node = node->next) {
		if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE)
			continue;
		if (morph_grow_tokens(m) != 0) {
			*error = morph_strdup_printf("%s", strerror(ENOMEM), NULL);
			goto done;
		}
		morph_fill(m, node, m->text, &m->tokens[m->n_tokens++]);
	}
	rc = 0;
done:
	m->text[e] = save;
	return rc;
}

int morph_parse(morph *m, const char *text, size_t len, const morph_token **tokens,
                size_t *n, char **error)
{
	size_t pos = 0;
	int rc = -1;

	*error = NULL;
	m->n_tokens = 0;
	if (len + 1 > m->text_cap) {
		size_t cap = m->text_cap ? m->text_cap : 4096;
		char *p;
		while (cap < len + 1)
			cap *= 2;
		if (!(p = realloc(m->text, cap)))
			goto oom;
		m->text = p;
		m->text_cap = cap;
	}
	memcpy(m->text, text, len);
	m->text[len] = '\0';
	while (pos < len) {
		size_t end, next;
		morph_next_cut(m->text, len, pos, &end, &next);
		if (end > pos && morph_parse_part(m, pos, end, error) != 0)
			goto done;
		if (next > end) {
			/* a control character: a token of its own, never the tagger's */
			morph_token *t;
			if (morph_grow_tokens(m) != 0)
				goto oom;
			t = &m->tokens[m->n_tokens];
			memset(t, 0, sizeof *t);
			t->surface = m->text + end;
			t->surface_len = next - end;
			t->offset = end;
			t->space_before = morph_gap(m, end);
			t->pos = "";
			t->cls = MORPH_SYMBOL;
			m->n_tokens++;
		}
		pos = next;
	}
	*tokens = m->tokens;
	*n = m->n_tokens;
	rc = 0;
	goto done;
oom:
	*error = morph_strdup_printf("%s", strerror(ENOMEM), NULL);
done:
	m->n_cons = 0;
	return rc;
}
