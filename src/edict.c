/* SPDX-License-Identifier: GPL-3.0-or-later */
/* edict.c: parsers for EDICT and ENAMDICT lines (see edict.h for the formats and for
 * how a line becomes lexicon entries). EUC-JP conversion goes through text.h (ICU). */
#include "config.h"

#include "edict.h"
#include "str.h"
#include "i18n.h"
#include "romaji.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tags ---------------------------------------------------------------------- */

/* EDICT tags (the JMdict entities): 'p' part of speech, 'm' any other kept tag. */
struct tag { const char *name; char kind; };

static const struct tag edict_tags[] = {
	{ "Buddh", 'm' }, { "Christn", 'm' }, { "MA", 'm' }, { "P", 'c' }, { "Shinto", 'm' },
	{ "X", 'm' }, { "abbr", 'm' }, { "adj", 'p' }, { "adj-f", 'p' }, { "adj-i", 'p' },
	{ "adj-ix", 'p' }, { "adj-kari", 'p' }, { "adj-ku", 'p' }, { "adj-na", 'p' },
	{ "adj-nari", 'p' }, { "adj-no", 'p' }, { "adj-pn", 'p' }, { "adj-shiku", 'p' },
	{ "adj-t", 'p' }, { "adv", 'p' }, { "adv-to", 'p' }, { "agric", 'm' }, { "anat", 'm' },
	{ "arch", 'm' }, { "archeol", 'm' }, { "archit", 'm' }, { "art", 'm' },
	{ "astron", 'm' }, { "ateji", 'm' }, { "audvid", 'm' }, { "aux", 'p' },
	{ "aux-adj", 'p' }, { "aux-v", 'p' }, { "aviat", 'm' }, { "baseb", 'm' },
	{ "biochem", 'm' }, { "biol", 'm' }, { "bot", 'm' }, { "bra:", 'm' }, { "bus", 'm' },
	{ "cards", 'm' }, { "char", 'm' }, { "chem", 'm' }, { "chn", 'm' }, { "cloth", 'm' },
	{ "col", 'm' }, { "company", 'm' }, { "comp", 'm' }, { "conj", 'p' }, { "cop", 'p' },
	{ "creat", 'm' }, { "cryst", 'm' }, { "ctr", 'p' }, { "dated", 'm' }, { "dent", 'm' },
	{ "derog", 'm' }, { "doc", 'm' }, { "ecol", 'm' }, { "econ", 'm' }, { "ek", 'm' },
	{ "elec", 'm' }, { "electr", 'm' }, { "embryo", 'm' }, { "engr", 'm' }, { "ent", 'm' },
	{ "euph", 'm' }, { "exp", 'p' }, { "fam", 'm' }, { "fem", 'm' }, { "fem-sl", 'm' },
	{ "fict", 'm' }, { "film", 'm' }, { "finc", 'm' }, { "fish", 'm' }, { "food", 'm' },
	{ "form", 'm' }, { "gardn", 'm' }, { "genet", 'm' }, { "geogr", 'm' }, { "geol", 'm' },
	{ "geom", 'm' }, { "gikun", 'm' }, { "given", 'm' }, { "go", 'm' }, { "golf", 'm' },
	{ "gramm", 'm' }, { "group", 'm' }, { "grmyth", 'm' }, { "hanaf", 'm' }, { "hist", 'm' },
	{ "hob:", 'm' }, { "hon", 'm' }, { "horse", 'm' }, { "hum", 'm' }, { "iK", 'm' },
	{ "id", 'm' }, { "ik", 'm' }, { "int", 'p' }, { "io", 'm' }, { "joc", 'm' },
	{ "kabuki", 'm' }, { "ksb:", 'm' }, { "ktb:", 'm' }, { "kyb:", 'm' }, { "kyu:", 'm' },
	{ "law", 'm' }, { "leg", 'm' }, { "ling", 'm' }, { "logic", 'm' }, { "m-sl", 'm' },
	{ "mahj", 'm' }, { "male", 'm' }, { "male-sl", 'm' }, { "manga", 'm' }, { "math", 'm' },
	{ "mech", 'm' }, { "med", 'm' }, { "met", 'm' }, { "mil", 'm' }, { "mining", 'm' },
	{ "music", 'm' }, { "myth", 'm' }, { "n", 'p' }, { "n-adv", 'p' }, { "n-pr", 'p' },
	{ "n-pref", 'p' }, { "n-suf", 'p' }, { "n-t", 'p' }, { "nab:", 'm' }, { "net-sl", 'm' },
	{ "noh", 'm' }, { "num", 'p' }, { "oK", 'm' }, { "obj", 'm' }, { "obs", 'm' },
	{ "obsc", 'm' }, { "ok", 'm' }, { "on-mim", 'm' }, { "organization", 'm' },
	{ "ornith", 'm' }, { "osb:", 'm' }, { "oth", 'm' }, { "paleo", 'm' }, { "pathol", 'm' },
	{ "person", 'm' }, { "pharm", 'm' }, { "phil", 'm' }, { "photo", 'm' },
	{ "physics", 'm' }, { "physiol", 'm' }, { "place", 'm' }, { "pn", 'p' }, { "poet", 'm' },
	{ "pol", 'm' }, { "politics", 'm' }, { "pref", 'p' }, { "print", 'm' },
	{ "product", 'm' }, { "proverb", 'm' }, { "prt", 'p' }, { "psy", 'm' },
	{ "psyanal", 'm' }, { "psych", 'm' }, { "quote", 'm' }, { "rK", 'm' }, { "rail", 'm' },
	{ "rare", 'm' }, { "relig", 'm' }, { "rkb:", 'm' }, { "sK", 'm' }, { "sens", 'm' },
	{ "serv", 'm' }, { "ship", 'm' }, { "shogi", 'm' }, { "sk", 'm' }, { "ski", 'm' },
	{ "sl", 'm' }, { "sports", 'm' }, { "stat", 'm' }, { "station", 'm' }, { "stockm", 'm' },
	{ "suf", 'p' }, { "sumo", 'm' }, { "surname", 'm' }, { "telec", 'm' }, { "thb:", 'm' },
	{ "tradem", 'm' }, { "tsb:", 'm' }, { "tsug:", 'm' }, { "tv", 'm' }, { "uK", 'm' },
	{ "uk", 'm' }, { "unc", 'p' }, { "unclass", 'm' }, { "v-unspec", 'p' }, { "v1", 'p' },
	{ "v1-s", 'p' }, { "v2a-s", 'p' }, { "v2b-k", 'p' }, { "v2b-s", 'p' }, { "v2d-k", 'p' },
	{ "v2d-s", 'p' }, { "v2g-k", 'p' }, { "v2g-s", 'p' }, { "v2h-k", 'p' }, { "v2h-s", 'p' },
	{ "v2k-k", 'p' }, { "v2k-s", 'p' }, { "v2m-k", 'p' }, { "v2m-s", 'p' }, { "v2n-s", 'p' },
	{ "v2r-k", 'p' }, { "v2r-s", 'p' }, { "v2s-s", 'p' }, { "v2t-k", 'p' }, { "v2t-s", 'p' },
	{ "v2w-s", 'p' }, { "v2y-k", 'p' }, { "v2y-s", 'p' }, { "v2z-s", 'p' }, { "v4b", 'p' },
	{ "v4g", 'p' }, { "v4h", 'p' }, { "v4k", 'p' }, { "v4m", 'p' }, { "v4n", 'p' },
	{ "v4r", 'p' }, { "v4s", 'p' }, { "v4t", 'p' }, { "v5aru", 'p' }, { "v5b", 'p' },
	{ "v5g", 'p' }, { "v5k", 'p' }, { "v5k-s", 'p' }, { "v5m", 'p' }, { "v5n", 'p' },
	{ "v5r", 'p' }, { "v5r-i", 'p' }, { "v5s", 'p' }, { "v5t", 'p' }, { "v5u", 'p' },
	{ "v5u-s", 'p' }, { "v5uru", 'p' }, { "vi", 'p' }, { "vidg", 'm' }, { "vk", 'p' },
	{ "vn", 'p' }, { "vr", 'p' }, { "vs", 'p' }, { "vs-c", 'p' }, { "vs-i", 'p' },
	{ "vs-s", 'p' }, { "vt", 'p' }, { "vulg", 'm' }, { "vz", 'p' }, { "work", 'm' },
	{ "yoji", 'm' }, { "zool", 'm' },
};

/* ENAMDICT name types: the tag, the entry type, and the words for the note. */
struct name_tag { const char *tag; const char *type; const char *what; };

static const struct name_tag name_tags[] = {
	{ "c", "company", "company name" },
	{ "ch", "character", "character" },
	{ "char", "character", "character" },
	{ "company", "company", "company name" },
	{ "creat", "creature", "creature" },
	{ "dei", "deity", "deity" },
	{ "doc", "document", "document" },
	{ "ev", "event", "event" },
	{ "f", "given", "female given name" },
	{ "fem", "given", "female given name" },
	{ "fict", "fiction", "fiction" },
	{ "g", "given", "given name" },
	{ "given", "given", "given name" },
	{ "group", "group", "group" },
	{ "h", "person", "full name" },
	{ "leg", "legend", "legend" },
	{ "m", "given", "male given name" },
	{ "masc", "given", "male given name" },
	{ "myth", "myth", "mythology" },
	{ "o", "organisation", "organisation" },
	{ "obj", "object", "object" },
	{ "organization", "organisation", "organisation" },
	{ "oth", "name", "other" },
	{ "p", "place", "place name" },
	{ "person", "person", "full name" },
	{ "place", "place", "place name" },
	{ "pr", "product", "product name" },
	{ "product", "product", "product name" },
	{ "relig", "religion", "religion" },
	{ "s", "surname", "surname" },
	{ "serv", "service", "service" },
	{ "ship", "ship", "ship name" },
	{ "st", "station", "station name" },
	{ "station", "station", "station name" },
	{ "surname", "surname", "surname" },
	{ "u", "name", "unclassified name" },
	{ "unclass", "name", "unclassified name" },
	{ "wk", "work", "work of art, literature, music" },
	{ "work", "work", "work of art, literature, music" },
};

static int tag_cmp(const void *key, const void *elt)
{
	return strcmp(key, ((const struct tag *)elt)->name);
}

static int name_tag_cmp(const void *key, const void *elt)
{
	return strcmp(key, ((const struct name_tag *)elt)->tag);
}

static const struct tag *edict_tag(const char *name)
{
	return bsearch(name, edict_tags, sizeof edict_tags / sizeof *edict_tags,
	               sizeof *edict_tags, tag_cmp);
}

static const struct name_tag *name_tag(const char *tag)
{
	return bsearch(tag, name_tags, sizeof name_tags / sizeof *name_tags,
	               sizeof *name_tags, name_tag_cmp);
}

const char *edict_name_type(const char *tag)
{
	const struct name_tag *t = name_tag(tag);
	return t ? t->type : NULL;
}

/* ---- small helpers --------------------------------------------------------------- */

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* A growable list of strings (owned). */
struct strv { char **v; size_t n, cap; };

static int strv_push(struct strv *l, const char *s, size_t n)
{
	char *d;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	d = dupn(s, n);
	if (!d)
		return -1;
	l->v[l->n++] = d;
	return 0;
}

static int strv_has(const struct strv *l, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		if (strlen(l->v[i]) == n && memcmp(l->v[i], s, n) == 0)
			return 1;
	return 0;
}

static void strv_free(struct strv *l)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Joins the list with sep; NULL for an empty list (and when out of memory). */
static char *strv_join(const struct strv *l, const char *sep)
{
	size_t i, len = 0, k = strlen(sep);
	char *s, *p;
	if (l->n == 0)
		return NULL;
	for (i = 0; i < l->n; i++)
		len += strlen(l->v[i]) + k;
	s = p = malloc(len + 1);
	if (!s)
		return NULL;
	for (i = 0; i < l->n; i++) {
		size_t m = strlen(l->v[i]);
		if (i) {
			memcpy(p, sep, k);
			p += k;
		}
		memcpy(p, l->v[i], m);
		p += m;
	}
	*p = '\0';
	return s;
}

/* Duplicates a string list (NULL for n == 0). */
static char **strv_copy(char *const *v, size_t n, int *oom)
{
	char **d;
	size_t i;
	if (n == 0)
		return NULL;
	d = calloc(n, sizeof *d);
	if (!d) {
		*oom = 1;
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (!(d[i] = strdup(v[i])))
			*oom = 1;
	return d;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static void trim(const char **s, const char **e)
{
	while (*s < *e && is_space(**s))
		(*s)++;
	while (*e > *s && is_space((*e)[-1]))
		(*e)--;
	/* U+3000 IDEOGRAPHIC SPACE (E3 80 80) at either end */
	while (*e - *s >= 3 && memcmp(*s, "\xe3\x80\x80", 3) == 0)
		*s += 3;
	while (*e - *s >= 3 && memcmp(*e - 3, "\xe3\x80\x80", 3) == 0)
		*e -= 3;
}

/* Capitalises the first letter of every word (after a space or hyphen) of a lower-case
 * romaji string in place: ASCII letters and the five macron vowels. */
static void capitalise(char *s)
{
	int start = 1;
	unsigned char *p = (unsigned char *)s;
	while (*p) {
		if (start) {
			if (*p >= 'a' && *p <= 'z')
				*p = (unsigned char)(*p - 'a' + 'A');
			else if ((p[0] == 0xc4 || p[0] == 0xc5) && p[1]) {
				/* ā U+0101 ē U+0113 ī U+012B ō U+014D ū U+016B: upper case is cp - 1 */
				unsigned cp = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
				if (cp == 0x101 || cp == 0x113 || cp == 0x12b || cp == 0x14d || cp == 0x16b)
					p[1] = (unsigned char)(p[1] - 1);
			}
		}
		start = (*p == ' ' || *p == '-');
		p++;
	}
}

/* ---- public ---------------------------------------------------------------------- */

char *edict_to_utf8(const char *bytes, size_t len)
{
	size_t i;
	/* Pure ASCII needs no converter. */
	for (i = 0; i < len; i++)
		if ((unsigned char)bytes[i] >= 0x80)
			break;
	if (i == len)
		return dupn(bytes, len);
	return text_from_charset("EUC-JP", bytes, len, 0);
}

int edict_is_header(const char *line, size_t len)
{
	const char *s = line, *e = line + len;
	trim(&s, &e);
	/* "？" is U+FF1F (EF BC 9F); the Debian files start with four of them (or an
	 * ideographic space and three). */
	if (e - s < 3 || memcmp(s, "\xef\xbc\x9f", 3) != 0)
		return 0;
	while (s < e && *s != '/')
		s++;
	if (e - s >= 6 && memcmp(s, "/EDICT", 6) == 0)
		return 1 + EDICT_WORDS;
	if (e - s >= 9 && memcmp(s, "/ENAMDICT", 9) == 0)
		return 1 + EDICT_NAMES;
	return 0;
}

void edict_entries_free(lexicon_entry *v, size_t n)
{
	size_t i, j;
	if (!v)
		return;
	for (i = 0; i < n; i++) {
		lexicon_entry *e = &v[i];
		free(e->ja);
		free(e->kana);
		free(e->romaji);
		free(e->type);
		for (j = 0; j < e->n_en; j++)
			free(e->en[j]);
		free(e->en);
		free(e->market);
		for (j = 0; j < e->n_variants; j++)
			free(e->variants[j]);
		free(e->variants);
		free(e->footnotes);
		free(e->note);
		free(e->pos);
		free(e->source);
	}
	free(v);
}

/* A written form or reading with its marks: (P) sets common; a reading's other
 * parenthesised text restricts it to those written forms (";"-separated). */
struct form {
	char *text;
	struct strv only;  /* restriction (readings) */
	int common;
};

static void forms_free(struct form *f, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(f[i].text);
		strv_free(&f[i].only);
	}
	free(f);
}

/* Splits s..e on ';' outside parentheses into forms. Returns the count, or -1 with
 * *error set. */
static int parse_forms(const char *s, const char *e, const char *what, struct form **out,
                       size_t *n, char **error)
{
	struct form *v = NULL;
	size_t cnt = 0, cap = 0;
	const char *p = s;
	*out = NULL;
	*n = 0;
	while (p <= e) {
		const char *q = p, *ts, *te;
		int depth = 0;
		struct form f = { NULL, { NULL, 0, 0 }, 0 };
		while (q < e && (*q != ';' || depth > 0)) {
			if (*q == '(')
				depth++;
			else if (*q == ')' && depth > 0)
				depth--;
			q++;
		}
		ts = p;
		te = q;
		trim(&ts, &te);
		/* marks at the end: (P), (iK), (KANJI;KANJI) */
		while (te > ts && te[-1] == ')') {
			const char *o = te - 1;
			while (o > ts && *o != '(')
				o--;
			if (*o != '(')
				break;
			if (te - o == 3 && o[1] == 'P')
				f.common = 1;
			else if (te - o - 2 > 0) {
				char tag[16];
				size_t k = (size_t)(te - o - 2);
				int known = 0;
				if (k < sizeof tag) {
					memcpy(tag, o + 1, k);
					tag[k] = '\0';
					known = edict_tag(tag) != NULL;
				}
				if (!known) {
					/* a restriction: written forms separated by ';' */
					const char *r = o + 1;
					while (r < te - 1) {
						const char *rs = r, *re;
						while (r < te - 1 && *r != ';')
							r++;
						re = r;
						trim(&rs, &re);
						if (re > rs && strv_push(&f.only, rs, (size_t)(re - rs)) < 0)
							goto oom;
						r++;
					}
				}
			}
			te = o;
			while (te > ts && is_space(te[-1]))
				te--;
		}
		if (te == ts) {
			strv_free(&f.only);
			forms_free(v, cnt);
			*error = str_printf(_("empty %s"), what);
			return -1;
		}
		if (!(f.text = dupn(ts, (size_t)(te - ts))))
			goto oom;
		if (cnt == cap) {
			size_t nc = cap ? cap * 2 : 4;
			struct form *nv = realloc(v, nc * sizeof *nv);
			if (!nv) {
				free(f.text);
				goto oom;
			}
			v = nv;
			cap = nc;
		}
		v[cnt++] = f;
		p = q + 1;
		continue;
oom:
		strv_free(&f.only);
		forms_free(v, cnt);
		*error = str_printf(_("out of memory"));
		return -1;
	}
	*out = v;
	*n = cnt;
	return (int)cnt;
}

/* One sense of the gloss part: its glosses and tags (ENAMDICT: one per type group). */
struct sense {
	struct strv gloss;
	struct strv pos;
	struct strv misc;
	const struct name_tag *name[8];
	size_t n_name;
};

static void senses_free(struct sense *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		strv_free(&s[i].gloss);
		strv_free(&s[i].pos);
		strv_free(&s[i].misc);
	}
	free(s);
}

/* Whether s..e looks like a tag group: letters, digits, '-', ':' and ','. */
static int tag_like(const char *s, const char *e)
{
	if (s == e)
		return 0;
	for (; s < e; s++) {
		char c = *s;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == ':' || c == ','))
			return 0;
	}
	return 1;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* Parses the gloss part (between the first and the last '/'). Returns 0, or -1 with
 * *error set. *common is set by (P). */
static int parse_glosses(edict_kind kind, const char *s, const char *e, struct sense **out,
                         size_t *n_out, int *common, char **error)
{
	struct sense *sv = NULL;
	size_t n = 0, cap = 0;
	int first_group = 1;
	const char *p = s;

	*out = NULL;
	*n_out = 0;
	while (p < e) {
		const char *fs = p, *fe;
		while (p < e && *p != '/')
			p++;
		fe = p;
		p++; /* past '/' */
		trim(&fs, &fe);
		if (fe - fs >= 4 && memcmp(fs, "EntL", 4) == 0)
			continue;
		/* leading tag groups */
		while (fs < fe && *fs == '(') {
			const char *c = fs + 1, *ce = c;
			char tag[32];
			size_t known = 0, unknown = 0, k;
			const char *bad = NULL;
			size_t bad_len = 0;
			int new_sense = 0;
			const struct name_tag *nt[8];
			size_t n_nt = 0;
			while (ce < fe && *ce != ')')
				ce++;
			if (ce == fe || !tag_like(c, ce))
				break; /* ordinary parenthesised text: part of the gloss */
			/* classify each tag of the group */
			while (c < ce) {
				const char *ts = c;
				while (c < ce && *c != ',')
					c++;
				k = (size_t)(c - ts);
				c++;
				if (k == 0 || k >= sizeof tag) {
					unknown++;
					if (!bad) {
						bad = ts;
						bad_len = k;
					}
					continue;
				}
				memcpy(tag, ts, k);
				tag[k] = '\0';
				if (kind == EDICT_NAMES) {
					const struct name_tag *t = name_tag(tag);
					if (t) {
						known++;
						if (n_nt < 8)
							nt[n_nt++] = t;
					} else if (strcmp(tag, "P") == 0) {
						known++;
						*common = 1;
					} else {
						unknown++;
						if (!bad) {
							bad = ts;
							bad_len = k;
						}
					}
					continue;
				}
				if (all_digits(tag)) {
					known++;
					continue;
				}
				{
					const struct tag *t = edict_tag(tag);
					if (!t) {
						unknown++;
						if (!bad) {
							bad = ts;
							bad_len = k;
						}
						continue;
					}
					known++;
					if (t->kind == 'c') {
						*common = 1;
						continue;
					}
				}
			}
			if (unknown && (known || first_group)) {
				senses_free(sv, n);
				*error = str_printf(_("unknown tag '%.*s'"), (int)bad_len, bad);
				return -1;
			}
			if (unknown)
				break; /* free text such as "(a) meal": part of the gloss */
			first_group = 0;
			new_sense = kind == EDICT_NAMES ? n_nt > 0 : n == 0;
			if (new_sense || n == 0) {
				if (n == cap) {
					size_t nc = cap ? cap * 2 : 2;
					struct sense *nv = realloc(sv, nc * sizeof *nv);
					if (!nv)
						goto oom;
					sv = nv;
					cap = nc;
				}
				memset(&sv[n], 0, sizeof sv[n]);
				n++;
			}
			if (kind == EDICT_NAMES) {
				struct sense *cur = &sv[n - 1];
				for (k = 0; k < n_nt && cur->n_name < 8; k++)
					cur->name[cur->n_name++] = nt[k];
			} else {
				/* record the tags again, now that the sense exists */
				struct sense *cur = &sv[n - 1];
				c = fs + 1;
				while (c < ce) {
					const char *ts = c;
					const struct tag *t;
					while (c < ce && *c != ',')
						c++;
					k = (size_t)(c - ts);
					c++;
					memcpy(tag, ts, k);
					tag[k] = '\0';
					t = edict_tag(tag);
					if (!t || t->kind == 'c')
						continue;
					if (t->kind == 'p') {
						if (!strv_has(&cur->pos, ts, k) && strv_push(&cur->pos, ts, k) < 0)
							goto oom;
					} else if (!strv_has(&cur->misc, ts, k) &&
					           strv_push(&cur->misc, ts, k) < 0)
						goto oom;
				}
			}
			fs = ce + 1;
			while (fs < fe && is_space(*fs))
				fs++;
		}
		first_group = 0;
		if (fs == fe)
			continue;
		if (n == 0) {
			if (!(sv = calloc(1, sizeof *sv)))
				goto oom;
			cap = n = 1;
		}
		if (strv_push(&sv[n - 1].gloss, fs, (size_t)(fe - fs)) < 0)
			goto oom;
	}
	*out = sv;
	*n_out = n;
	return 0;
oom:
	senses_free(sv, n);
	*error = str_printf(_("out of memory"));
	return -1;
}

/* Builds one entry. Returns 0 or -1 (out of memory). */
static int make_entry(lexicon_entry *e, edict_kind kind, const struct form *w,
                      const struct form *r, const struct sense *sv, size_t n_sv,
                      int common)
{
	struct strv en = { NULL, 0, 0 }, pos = { NULL, 0, 0 }, misc = { NULL, 0, 0 };
	size_t i, j;
	int oom = 0;

	memset(e, 0, sizeof *e);
	e->origin = kind == EDICT_NAMES ? LEXICON_ENAMDICT : LEXICON_EDICT;
	e->common = common || w->common || r->common;
	e->ja = strdup(w->text);
	e->kana = strdup(r->text);
	e->romaji = romaji_from_kana(r->text, (size_t)-1, ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT);
	if (!e->ja || !e->kana || !e->romaji)
		oom = 1;
	else if (kind == EDICT_NAMES)
		capitalise(e->romaji);
	for (i = 0; i < n_sv && !oom; i++) {
		for (j = 0; j < sv[i].gloss.n && !oom; j++)
			if (!strv_has(&en, sv[i].gloss.v[j], strlen(sv[i].gloss.v[j])))
				oom = strv_push(&en, sv[i].gloss.v[j], strlen(sv[i].gloss.v[j])) < 0;
		for (j = 0; j < sv[i].pos.n && !oom; j++)
			if (!strv_has(&pos, sv[i].pos.v[j], strlen(sv[i].pos.v[j])))
				oom = strv_push(&pos, sv[i].pos.v[j], strlen(sv[i].pos.v[j])) < 0;
		for (j = 0; j < sv[i].misc.n && !oom; j++)
			if (!strv_has(&misc, sv[i].misc.v[j], strlen(sv[i].misc.v[j])))
				oom = strv_push(&misc, sv[i].misc.v[j], strlen(sv[i].misc.v[j])) < 0;
		/* a single type needs no note, except the sex of a given name; several
		 * types are all named ("place name, surname") */
		if (sv[i].n_name == 1 && (sv[i].name[0]->what[0] == 'f' ||
		                          sv[i].name[0]->what[0] == 'm') &&
		    strcmp(sv[i].name[0]->type, "given") == 0) {
			const char *sex = sv[i].name[0]->what[0] == 'f' ? "female" : "male";
			oom = strv_push(&misc, sex, strlen(sex)) < 0;
		}
		for (j = 0; sv[i].n_name > 1 && j < sv[i].n_name && !oom; j++)
			if (!strv_has(&misc, sv[i].name[j]->what, strlen(sv[i].name[j]->what)))
				oom = strv_push(&misc, sv[i].name[j]->what,
				                strlen(sv[i].name[j]->what)) < 0;
	}
	if (!oom) {
		if (kind == EDICT_NAMES)
			e->type = strdup(n_sv && sv[0].n_name ? sv[0].name[0]->type : "name");
		else
			e->type = strdup("term");
		if (!e->type)
			oom = 1;
	}
	if (!oom && pos.n && !(e->pos = strv_join(&pos, ",")))
		oom = 1;
	if (!oom && misc.n && !(e->note = strv_join(&misc, ", ")))
		oom = 1;
	if (!oom && en.n) {
		e->en = strv_copy(en.v, en.n, &oom);
		e->n_en = e->en ? en.n : 0;
	}
	strv_free(&en);
	strv_free(&pos);
	strv_free(&misc);
	return oom ? -1 : 0;
}

int edict_parse_line(edict_kind kind, const char *line, size_t len,
                     lexicon_entry **out, size_t *n, char **error)
{
	const char *s = line, *e = line + len, *head_end, *body, *rb, *re;
	struct form *words = NULL, *reads = NULL;
	size_t n_words = 0, n_reads = 0, n_sv = 0, i, j, k, cnt = 0, cap;
	struct sense *sv = NULL;
	lexicon_entry *v = NULL;
	int rc = -1, common = 0;

	*out = NULL;
	*n = 0;
	*error = NULL;
	if (memchr(line, '\0', len)) {
		*error = str_printf(_("NUL byte in line"));
		return -1;
	}
	if (text_utf8_check(line, len, NULL) != 0) {
		*error = str_printf(_("invalid UTF-8"));
		return -1;
	}
	trim(&s, &e);
	if (s == e)
		return 0;
	/* head: everything before the first " /" */
	head_end = s;
	while (head_end < e && !(*head_end == '/' && head_end > s && is_space(head_end[-1])))
		head_end++;
	if (head_end == e) {
		*error = str_printf(_("missing ' /' before the glosses"));
		return -1;
	}
	if (e[-1] != '/') {
		*error = str_printf(_("the line does not end with '/'"));
		return -1;
	}
	body = head_end + 1; /* "KANJI [KANA] /" has no gloss: body == e, nothing to read */
	/* written forms and readings */
	rb = memchr(s, '[', (size_t)(head_end - s));
	if (rb) {
		re = memchr(rb, ']', (size_t)(head_end - rb));
		if (!re) {
			*error = str_printf(_("'[' without ']'"));
			return -1;
		}
		if (parse_forms(s, rb, _("written form"), &words, &n_words, error) < 0)
			goto cleanup;
		if (parse_forms(rb + 1, re, _("reading"), &reads, &n_reads, error) < 0)
			goto cleanup;
	} else {
		if (memchr(s, ']', (size_t)(head_end - s))) {
			*error = str_printf(_("']' without '['"));
			return -1;
		}
		if (parse_forms(s, head_end, _("written form"), &words, &n_words, error) < 0)
			goto cleanup;
	}
	if (parse_glosses(kind, body, e - 1, &sv, &n_sv, &common, error) < 0)
		goto cleanup;
	/* k: glosses in all; a line without any still gives its entries (no English) */
	for (i = 0, k = 0; i < n_sv; i++)
		k += sv[i].gloss.n;

	/* pairs of written form x reading (restrictions respected), times senses for
	 * ENAMDICT */
	cap = (n_reads ? n_reads : 1) * n_words * (kind == EDICT_NAMES && k ? n_sv : 1);
	if (n_words > 256 || n_reads > 256 || n_sv > 256 || cap > 4096) {
		*error = str_printf(_("too many written forms, readings or senses in one line"));
		goto cleanup;
	}
	if (!(v = calloc(cap, sizeof *v))) {
		*error = str_printf(_("out of memory"));
		goto cleanup;
	}
	for (i = 0; i < n_words; i++) {
		for (j = 0; j < (n_reads ? n_reads : 1); j++) {
			const struct form *r = n_reads ? &reads[j] : &words[i];
			size_t m;
			if (n_reads && r->only.n && !strv_has(&r->only, words[i].text,
			                                      strlen(words[i].text)))
				continue;
			for (m = 0; m < (kind == EDICT_NAMES && k ? n_sv : 1); m++) {
				int err;
				if (kind == EDICT_NAMES && k && sv[m].gloss.n == 0)
					continue;
				err = kind == EDICT_NAMES && k ? make_entry(&v[cnt], kind, &words[i], r, &sv[m], 1, common)
					: make_entry(&v[cnt], kind, &words[i], r, sv, n_sv, common);
				cnt++;
				if (err < 0) {
					*error = str_printf(_("out of memory"));
					goto cleanup;
				}
			}
		}
	}
	if (cnt == 0) {
		*error = str_printf(_("no reading applies to any written form"));
		goto cleanup;
	}
	*out = v;
	*n = cnt;
	v = NULL;
	rc = 0;
cleanup:
	edict_entries_free(v, cnt);
	forms_free(words, n_words);
	forms_free(reads, n_reads);
	senses_free(sv, n_sv);
	if (rc < 0 && !*error)
		*error = str_printf(_("out of memory"));
	return rc;
}
