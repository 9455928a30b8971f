/* SPDX-License-Identifier: GPL-3.0-or-later */
/* po.c: the glossary as a gettext compendium, and filling and checking other programs'
 * catalogues with it. The only file that includes gettext-po.h: every PO file is read
 * and written by libgettextpo. Catalogues in a legacy charset are converted to UTF-8
 * (text_from_charset) before they are parsed, so every string here is UTF-8. */
#include "config.h"

#include "po.h"
#include "outfile.h"
#include "i18n.h"
#include "lines.h"
#include "status.h"
#include "str.h"
#include "text.h"

#include <errno.h>
#include <gettext-po.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the glossary ------------------------------------------------------------ */

struct po_term {
	char *ja;
	char *kana;
	char **en;
	size_t n_en;
	char *romaji;
	char *type;
	char *market;
	char **variants;
	size_t n_variants;
};

struct po_glossary {
	struct po_term *t;
	size_t n, cap;
};

static char *xstrdup_opt(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void term_clear(struct po_term *t)
{
	size_t i;
	free(t->ja);
	free(t->kana);
	for (i = 0; i < t->n_en; i++)
		free(t->en[i]);
	free(t->en);
	free(t->romaji);
	free(t->type);
	free(t->market);
	for (i = 0; i < t->n_variants; i++)
		free(t->variants[i]);
	free(t->variants);
	memset(t, 0, sizeof *t);
}

static char **copy_strv(char *const *v, size_t n, size_t *out_n)
{
	char **r = calloc(n ? n : 1, sizeof *r);
	size_t i, k = 0;
	if (!r)
		return NULL;
	for (i = 0; i < n; i++) {
		if (!v[i] || !*v[i])
			continue;
		if (!(r[k] = strdup(v[i]))) {
			while (k)
				free(r[--k]);
			free(r);
			return NULL;
		}
		k++;
	}
	*out_n = k;
	return r;
}

po_glossary *po_glossary_new(void)
{
	return calloc(1, sizeof(po_glossary));
}

int po_glossary_add(const lexicon_entry *e, void *arg)
{
	po_glossary *g = arg;
	struct po_term t;
	memset(&t, 0, sizeof t);
	if (!e->ja || !*e->ja || e->n_en == 0 || !e->en[0] || !*e->en[0])
		return 0;
	if (g->n == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 64;
		struct po_term *nt = realloc(g->t, cap * sizeof *nt);
		if (!nt)
			return -1;
		g->t = nt;
		g->cap = cap;
	}
	t.ja = strdup(e->ja);
	t.kana = xstrdup_opt(e->kana);
	t.romaji = xstrdup_opt(e->romaji);
	t.type = xstrdup_opt(e->type);
	t.market = xstrdup_opt(e->market);
	t.en = copy_strv(e->en, e->n_en, &t.n_en);
	t.variants = copy_strv(e->variants, e->n_variants, &t.n_variants);
	if (!t.ja || (e->kana && !t.kana) || (e->romaji && !t.romaji) || (e->type && !t.type)
	    || (e->market && !t.market) || !t.en || !t.variants || t.n_en == 0) {
		int oom = !(t.en && t.n_en == 0);
		term_clear(&t);
		return oom ? -1 : 0;
	}
	g->t[g->n++] = t;
	return 0;
}

size_t po_glossary_count(const po_glossary *g)
{
	return g ? g->n : 0;
}

void po_glossary_free(po_glossary *g)
{
	size_t i;
	if (!g)
		return;
	for (i = 0; i < g->n; i++)
		term_clear(&g->t[i]);
	free(g->t);
	free(g);
}

int po_lang_parse(const char *name, po_lang *out)
{
	if (strcasecmp(name, "en") == 0)
		*out = PO_LANG_EN;
	else if (strcasecmp(name, "ja") == 0)
		*out = PO_LANG_JA;
	else
		return -1;
	return 0;
}

/* ---- small helpers ---------------------------------------------------------- */

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* A growable string. */
struct buf {
	char *s;
	size_t len, cap;
	int oom;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *ns;
		while (cap < b->len + n + 1)
			cap *= 2;
		if (!(ns = realloc(b->s, cap))) {
			b->oom = 1;
			return;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Length of a U+3000 ideographic space at s, else 0. */
static size_t ideo_space(const char *s)
{
	return (unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80
	       && (unsigned char)s[2] == 0x80 ? 3 : 0;
}

/* Whether s holds a Japanese letter. */
static int has_japanese(const char *s)
{
	size_t i = 0, n = strlen(s);
	while (i < n) {
		int32_t cp = text_next_cp(s, n, &i);
		if (cp >= 0 && text_is_japanese(cp))
			return 1;
	}
	return 0;
}

/* The code point that ends before byte pos of s (-1 at the start or on a bad byte). */
static int32_t prev_cp(const char *s, size_t pos, size_t *start)
{
	size_t b = pos, i;
	if (pos == 0)
		return -1;
	do
		b--;
	while (b > 0 && pos - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80);
	i = b;
	if (start)
		*start = b;
	return text_next_cp(s, pos, &i);
}

/* Whether a Latin term can neither begin right after nor end right before cp: a letter,
 * mark, digit or '_' of the same word. Japanese letters are a boundary (AIの, 米国US). */
static int latin_glue(int32_t cp)
{
	return cp >= 0 && text_is_word_char(cp) && !text_is_japanese(cp);
}

/* ---- where a Latin term may not be found ----------------------------------------- */

/* Format directives, escapes, identifiers, options, URLs, paths and markup are code,
 * not prose: protect_latin marks their bytes in p (1 = protected). Compiled catalogues
 * (msgunfmt) have lost their flags, so the directive syntaxes that cannot be prose are
 * protected in every message; the ones that can (~a of Lisp and Scheme) only in a
 * message flagged with that format. */

/* Length of a printf-like directive at s[0] == '%' (C, Python %(name)s, Ruby %{name}
 * and %<name>, Qt/KDE %1, gcc-internal %<...%>), or 0. */
static size_t printf_directive(const char *s, size_t n)
{
	size_t i = 1;
	if (n < 2)
		return 0;
	if (s[1] == '%')
		return 2;
	if (s[1] == '(' || s[1] == '{' || s[1] == '<') {
		char close = s[1] == '(' ? ')' : s[1] == '{' ? '}' : '>';
		for (i = 2; i < n && i < 64 && s[i] != close && s[i] != '\n'; i++)
			;
		if (i >= n || s[i] != close)
			return 0;
		i++;
		if (close == ')' && i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			i++;
		return i;
	}
	/* %1$, flags, width, precision, length, conversion */
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > 1 && i < n && s[i] == '$')
		i++;
	else if (i > 1 && (i >= n || !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
		return i; /* Qt, KDE, Smalltalk: %1 */
	while (i < n && strchr("-+ #0'I", s[i]))
		i++;
	if (i < n && s[i] == '*')
		i++;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i < n && s[i] == '.') {
		i++;
		if (i < n && s[i] == '*')
			i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	while (i < n && strchr("hlLqjzZt", s[i]))
		i++;
	if (i + 4 < n && strncmp(s + i, "<PRI", 4) == 0) { /* <PRIu64> of gettext's C */
		const char *e = memchr(s + i, '>', n - i);
		return e ? (size_t)(e - s) + 1 : 0;
	}
	if (i < n && strchr("diouxXeEfFgGaAcsSpnmCbBrRyYkKD", s[i]))
		return i + 1;
	return 0;
}

/* Whether s[0..n) contains the NUL-terminated needle. */
static int has_sub(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle), i;
	for (i = 0; i + m <= n; i++)
		if (memcmp(s + i, needle, m) == 0)
			return 1;
	return 0;
}

/* Whether s[0..n) is a code-like token: an option (-un, --ai), a URL, a path, an e-mail
 * address, a dotted or scoped name (ai.flags, std::string), a word with '_' inside
 * (IP_PKTINFO, America/Los_Angeles). s has no white space. */
static int code_token(const char *s, size_t n)
{
	size_t i, slashes = 0;
	if (n >= 2 && s[0] == '-' && (text_is_alnum((unsigned char)s[1]) || s[1] == '-'))
		return n > 2 || s[1] != '-';
	if (has_sub(s, n, "://") || (n > 4 && strncasecmp(s, "www.", 4) == 0)
	    || (n > 7 && strncasecmp(s, "mailto:", 7) == 0))
		return 1;
	if (s[0] == '/' || s[0] == '\\' || (n > 1 && s[0] == '~' && s[1] == '/')
	    || (n > 1 && s[0] == '.' && (s[1] == '/' || s[1] == '.')))
		return 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned char b = i ? (unsigned char)s[i - 1] : 0;
		unsigned char a = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		slashes += c == '/';
		if (c == '\\' || (c == '@' && text_is_alnum(b) && text_is_alnum(a)))
			return 1;
		/* an identifier, a time zone, an environment variable (a leading '_' is a
		 * menu mnemonic: _IP) */
		if (c == '_' && i > 0 && s[i - 1] != '_')
			return 1;
		if (c == ':' && a == ':' && text_is_alnum(b))
			return 1;
		/* a dot inside a word, unless both sides are capitals (U.S., U.S.A.) */
		if (c == '.' && text_is_alnum(b) && text_is_alnum(a)
		    && !((b >= 'A' && b <= 'Z') && (a >= 'A' && a <= 'Z')))
			return 1;
	}
	return slashes >= 2;
}

/* Marks the protected bytes of msgid s[0..n) in p (n bytes); m gives the flags. */
static void protect_latin(const char *s, size_t n, po_message_t m, unsigned char *p)
{
	int tilde = m && (po_message_is_format(m, "lisp-format")
	                  || po_message_is_format(m, "scheme-format"));
	size_t i = 0, len;
	memset(p, 0, n);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		len = 0;
		if (c == '%')
			len = printf_directive(s + i, n - i);
		else if (c == '\\')
			for (len = 1; i + len < n && text_is_alnum((unsigned char)s[i + len]); len++)
				;
		else if (c == '$' && i + 1 < n && (s[i + 1] == '{' || s[i + 1] == '_'
		                                   || text_is_alnum((unsigned char)s[i + 1]))) {
			if (s[i + 1] == '{') {
				const char *e = memchr(s + i, '}', n - i);
				len = e ? (size_t)(e - (s + i)) + 1 : 0;
			} else {
				for (len = 1; i + len < n && (s[i + len] == '_'
				                              || text_is_alnum((unsigned char)s[i + len])); len++)
					;
			}
		} else if (c == '{') {
			/* {0}, {name}, {0:.2f}: a placeholder has no white space */
			size_t j;
			for (j = i + 1; j < n && j - i < 64 && s[j] != '}' && !is_space((unsigned char)s[j])
			                && s[j] != '{'; j++)
				;
			if (j < n && s[j] == '}')
				len = j - i + 1;
		} else if (c == '<' && i + 1 < n && (s[i + 1] == '/' || s[i + 1] == '!'
		                                     || text_is_alnum((unsigned char)s[i + 1]))) {
			/* markup: <b>, </a>, <br/>, <a href="..."> */
			size_t j;
			for (j = i + 1; j < n && j - i < 256 && s[j] != '>' && s[j] != '<'; j++)
				;
			if (j < n && s[j] == '>')
				len = j - i + 1;
		} else if (c == '&' && i + 1 < n && text_is_alnum((unsigned char)s[i + 1])) {
			size_t j;
			for (j = i + 1; j < n && j - i < 12 && text_is_alnum((unsigned char)s[j]); j++)
				;
			if (j < n && s[j] == ';')
				len = j - i + 1;
		} else if (c == '~' && tilde && i + 1 < n) {
			len = 2;
		}
		if (len) {
			memset(p + i, 1, len);
			i += len;
		} else {
			i++;
		}
	}
	/* code-like tokens: split at white space, without the quotes, brackets and
	 * sentence punctuation around them */
	for (i = 0; i < n;) {
		size_t a, b;
		while (i < n && is_space((unsigned char)s[i]))
			i++;
		a = i;
		while (i < n && !is_space((unsigned char)s[i]))
			i++;
		b = i;
		while (a < b && strchr("\"'`([{<", s[a]))
			a++;
		while (b > a && strchr("\"'`)]}>,;:!?", s[b - 1]))
			b--;
		if (b > a + 1 && s[b - 1] == '.' && code_token(s + a, b - a - 1))
			memset(p + a, 1, b - a);
		else if (b > a && code_token(s + a, b - a))
			memset(p + a, 1, b - a);
	}
}

/* ---- matching a key at one place ------------------------------------------------- */

/* A key: one name of a term in the source language, as it is looked for in msgids. */
struct po_key {
	const char *text;
	size_t len;
	char *norm;          /* normalised for whole-msgid comparison and grouping */
	unsigned char *cs;   /* per byte of text: 1 where case matters (an all-caps word) */
	int abbrev;          /* the whole key is an abbreviation (AI, U.S., 5G) */
	size_t idx;          /* the term */
	int contain;         /* also looked for inside longer msgids */
	size_t group_end;    /* keys [this, group_end) have the same norm (set on the first) */
	size_t group;        /* the first key of this key's group */
	size_t *longer;      /* terms with a longer key that contains this one (lazy) */
	size_t n_longer;
	int longer_done;
	int primary;         /* the term's first (preferred) name in this language */
	int32_t first;       /* the first code point, and its case folding */
	int32_t first_fold;
};

/* An all-caps word: no lower-case letter, an upper-case one, and two letters or a digit
 * (US, CAS, U.S., 5G; not "A"). */
static int caps_word(const char *w, size_t n)
{
	size_t i = 0;
	int upper = 0, digit = 0;
	while (i < n) {
		int32_t cp = text_next_cp(w, n, &i);
		if (cp < 0 || text_is_lower(cp))
			return 0;
		upper += text_is_upper(cp);
		digit |= cp >= '0' && cp <= '9';
	}
	return upper >= 2 || (upper && digit);
}

/* The case mask of a Latin key (malloc'd, one byte per byte of key) and whether every
 * word of it is all caps. NULL when out of memory. */
static unsigned char *case_mask(const char *key, size_t n, int *all_caps)
{
	unsigned char *cs = calloc(n + 1, 1);
	size_t i = 0, words = 0, caps = 0;
	if (!cs)
		return NULL;
	while (i < n) {
		size_t a;
		while (i < n && is_space((unsigned char)key[i]))
			i++;
		a = i;
		while (i < n && !is_space((unsigned char)key[i]))
			i++;
		if (i > a) {
			words++;
			if (caps_word(key + a, i - a)) {
				caps++;
				memset(cs + a, 1, i - a);
			}
		}
	}
	*all_caps = words > 0 && caps == words;
	return cs;
}

/* Latin matching: does key match text at byte pos? Letters are compared by case folding
 * except in the key's all-caps words (US is not "us", CAS is not "CAs"); a run of white
 * space matches a run of white space; a key that begins (ends) with a letter or digit
 * must not be preceded (followed) by a letter, mark, digit or '_' of the same word
 * (Biržai, Bằng, ai_flags), a leading '_' of a menu mnemonic (_IP) excepted. prot, when
 * not NULL, marks bytes where nothing matches. Returns the matched length, or 0. */
static size_t latin_match_at(const char *text, size_t tlen, size_t pos, const struct po_key *key,
                             const unsigned char *prot)
{
	size_t i = pos, k = 0, j, ps;
	int32_t kc, tc;
	if (prot && prot[pos])
		return 0;
	j = 0;
	kc = text_next_cp(key->text, key->len, &j);
	if (kc >= 0 && text_is_word_char(kc)) {
		tc = prev_cp(text, pos, &ps);
		if (tc == '_') {
			/* a mnemonic underscore starts a word; an identifier's is inside one */
			if (latin_glue(prev_cp(text, ps, NULL)))
				return 0;
		} else if (latin_glue(tc)) {
			return 0;
		}
	}
	while (k < key->len) {
		size_t k0 = k;
		if (is_space((unsigned char)key->text[k])) {
			if (i >= tlen || !is_space((unsigned char)text[i]))
				return 0;
			while (k < key->len && is_space((unsigned char)key->text[k]))
				k++;
			while (i < tlen && is_space((unsigned char)text[i]))
				i++;
			continue;
		}
		if (i >= tlen || (prot && prot[i]))
			return 0;
		kc = text_next_cp(key->text, key->len, &k);
		tc = text_next_cp(text, tlen, &i);
		if (kc < 0 || tc < 0)
			return 0;
		if (kc != tc && (key->cs[k0] || text_fold_cp(kc) != text_fold_cp(tc)))
			return 0;
	}
	kc = prev_cp(key->text, key->len, NULL);
	if (kc >= 0 && text_is_word_char(kc) && i < tlen) {
		j = i;
		if (latin_glue(text_next_cp(text, tlen, &j)))
			return 0;
	}
	return i - pos;
}

/* Japanese matching: byte equality, ignoring spaces in text (ASCII and U+3000). When
 * breaks is not NULL, the match must begin and end on a word boundary (breaks[i] != 0).
 * Returns the matched length, or 0. */
static size_t ja_match_at(const char *text, size_t tlen, size_t pos, const char *key,
                          const unsigned char *breaks)
{
	size_t i = pos, k = 0, sp;
	if (breaks && !breaks[pos])
		return 0;
	while (key[k]) {
		if (is_space((unsigned char)key[k])) {
			k++;
			continue;
		}
		if ((sp = ideo_space(key + k))) {
			k += sp;
			continue;
		}
		while (i < tlen && (is_space((unsigned char)text[i]) || ideo_space(text + i)))
			i += is_space((unsigned char)text[i]) ? 1 : 3;
		if (i >= tlen || text[i] != key[k])
			return 0;
		i++;
		k++;
	}
	if (breaks && !breaks[i])
		return 0;
	return i - pos;
}

/* A Latin key made on the fly for a form that is not a key (a translation, a variant).
 * Free with tmpkey_free. 0 or -1 (out of memory). */
static int tmpkey_init(struct po_key *k, const char *s)
{
	memset(k, 0, sizeof *k);
	k->text = s;
	k->len = strlen(s);
	k->cs = case_mask(s, k->len, &k->abbrev);
	return k->cs ? 0 : -1;
}

static void tmpkey_free(struct po_key *k)
{
	free(k->cs);
	k->cs = NULL;
}

/* Whether form occurs in text: Japanese (has_japanese) ignoring spaces, anywhere;
 * otherwise as a Latin word (see latin_match_at). Out of memory counts as absent. */
static int contains(const char *text, const char *form)
{
	size_t n = strlen(text), i;
	struct po_key k;
	int found = 0;
	if (!*form)
		return 0;
	if (has_japanese(form)) {
		for (i = 0; i < n; i++)
			if (ja_match_at(text, n, i, form, NULL))
				return 1;
		return 0;
	}
	if (tmpkey_init(&k, form) != 0)
		return 0;
	for (i = 0; i < n && !found; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80 && latin_match_at(text, n, i, &k, NULL))
			found = 1;
	tmpkey_free(&k);
	return found;
}

/* The normalised form of a whole msgid or key: Latin is case-folded with white space
 * collapsed and trimmed; Japanese is NFKC with spaces removed. NULL when out of memory
 * or invalid UTF-8. */
static char *normalise(const char *s, int ja)
{
	char *f = ja ? text_nfkc(s, (size_t)-1) : text_casefold(s, (size_t)-1);
	char *w, *r;
	int space = 0;
	if (!f)
		return NULL;
	for (r = w = f; *r; r++) {
		size_t sp = ideo_space(r);
		if (is_space((unsigned char)*r) || sp) {
			space = 1;
			r += sp ? sp - 1 : 0;
			continue;
		}
		if (space && !ja && w != f)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
	return f;
}

/* ---- keys of the source language ------------------------------------------- */

/* One entry of the index of keys by their first character. */
struct key_first {
	int32_t fold;   /* the key's first code point, case-folded */
	size_t key;     /* index into the keyset (longest first) */
};

struct keyset {
	struct po_key *k;
	size_t n;
	int ja;                  /* source language is Japanese */
	struct key_first *first; /* the keys sorted by first character, then longest first */
};

/* A term found in a msgid. */
struct po_hit {
	size_t start, len;
	size_t key;   /* index into the keyset */
};

/* Whether s is one plain lower-case English word ("for", "information"): a gloss of
 * general vocabulary, not a name. Such terms fill a msgid that is exactly them, but are
 * not looked for inside longer messages (every "for" is not 向け). */
static int is_plain_word(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || *s == '-' || *s == '\''))
			return 0;
	return 1;
}

/* Longest first; one norm's keys together, in term order. */
static int key_cmp(const void *a, const void *b)
{
	const struct po_key *x = a, *y = b;
	int c;
	if (x->len != y->len)
		return x->len < y->len ? 1 : -1;
	if ((c = strcmp(x->norm, y->norm)) != 0)
		return c;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* By first character, then in keyset order (longest first). */
static int key_first_cmp(const void *a, const void *b)
{
	const struct key_first *x = a, *y = b;
	if (x->fold != y->fold)
		return x->fold < y->fold ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

static void keyset_free(struct keyset *ks)
{
	size_t i;
	free(ks->first);
	ks->first = NULL;
	for (i = 0; i < ks->n; i++) {
		free(ks->k[i].norm);
		free(ks->k[i].cs);
		free(ks->k[i].longer);
	}
	free(ks->k);
	ks->k = NULL;
	ks->n = 0;
}

/* Builds the keys for msgids in language from: the written forms (ja) or all English
 * names (en), longest first. 0 or -1 (out of memory). */
static int keyset_build(struct keyset *ks, const po_glossary *g, po_lang from)
{
	size_t i, j, j2, total = 0;
	ks->ja = from == PO_LANG_JA;
	ks->n = 0;
	for (i = 0; i < g->n; i++)
		total += ks->ja ? 1 : g->t[i].n_en;
	ks->k = calloc(total ? total : 1, sizeof *ks->k);
	if (!ks->k)
		return -1;
	for (i = 0; i < g->n; i++) {
		size_t m = ks->ja ? 1 : g->t[i].n_en;
		for (j = 0; j < m; j++) {
			struct po_key *k = &ks->k[ks->n];
			k->text = ks->ja ? g->t[i].ja : g->t[i].en[j];
			k->len = strlen(k->text);
			k->idx = i;
			k->contain = !is_plain_word(ks->ja ? g->t[i].en[0] : k->text);
			k->primary = j == 0;
			if (text_utf8_check(k->text, k->len, NULL) != 0)
				continue; /* never matches */
			k->norm = normalise(k->text, ks->ja);
			k->cs = case_mask(k->text, k->len, &k->abbrev);
			if (!k->norm || !k->cs) {
				free(k->norm);
				free(k->cs);
				memset(k, 0, sizeof *k);
				keyset_free(ks);
				return -1;
			}
			if (ks->ja) {
				k->abbrev = 0;
				memset(k->cs, 1, k->len);
			}
			j2 = 0;
			k->first = text_next_cp(k->text, k->len, &j2);
			k->first_fold = text_fold_cp(k->first);
			ks->n++;
		}
	}
	qsort(ks->k, ks->n, sizeof *ks->k, key_cmp);
	for (i = 0; i < ks->n; i = j) {
		for (j = i; j < ks->n && strcmp(ks->k[j].norm, ks->k[i].norm) == 0; j++)
			ks->k[j].group = i;
		ks->k[i].group_end = j;
	}
	if (!(ks->first = calloc(ks->n ? ks->n : 1, sizeof *ks->first))) {
		keyset_free(ks);
		return -1;
	}
	for (i = 0; i < ks->n; i++) {
		ks->first[i].fold = ks->k[i].first_fold;
		ks->first[i].key = i;
	}
	qsort(ks->first, ks->n, sizeof *ks->first, key_first_cmp);
	return 0;
}

/* The key that equals msgid as a whole, or NULL: after normalisation, and for an
 * abbreviation letter for letter (the msgid "us" is not US). Of several terms with that
 * name, the first whose preferred name it is wins (Tottori: 鳥取, not 鳥取県, whose
 * preferred name is Tottori Prefecture), else the first. */
static const struct po_key *keyset_exact(const struct keyset *ks, const char *msgid)
{
	char *norm = normalise(msgid, ks->ja);
	const struct po_key *r = NULL;
	size_t i, n = strlen(msgid);
	if (!norm)
		return NULL;
	for (i = 0; i < ks->n && !(r && r->primary); i++) {
		const struct po_key *k = &ks->k[i];
		if (strcmp(k->norm, norm) != 0)
			continue;
		if (!ks->ja && latin_match_at(msgid, n, strspn(msgid, " \t\r\n"), k, NULL) == 0)
			continue;
		if (!r || k->primary)
			r = k;
	}
	free(norm);
	return r;
}

/* Finds the terms in text (the msgid of m), longest first, without overlaps, left to
 * right: Latin keys outside code (protect_latin) at word boundaries, Japanese keys on
 * ICU word boundaries. Returns the number of hits (*out malloc'd, free it), or
 * (size_t)-1 when out of memory or on an ICU failure. */
static size_t keyset_find(const struct keyset *ks, const char *text, po_message_t m,
                          struct po_hit **out)
{
	size_t tlen = strlen(text), pos = 0, n = 0, cap = 0, i;
	struct po_hit *h = NULL;
	unsigned char *map = malloc(tlen + 1);
	*out = NULL;
	if (!map)
		return (size_t)-1;
	if (ks->ja) {
		if (text_word_breaks(text, tlen, map) != 0) {
			free(map);
			return (size_t)-1;
		}
	} else {
		protect_latin(text, tlen, m, map);
	}
	while (pos < tlen) {
		size_t len = 0;
		const struct po_key *k = NULL;
		size_t j = pos, lo = 0, hi = ks->n;
		int32_t cp = text_next_cp(text, tlen, &j), fold = cp >= 0 ? text_fold_cp(cp) : -1;
		/* the keys that begin with this character (folded), longest first */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (ks->first[mid].fold < fold)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (i = lo; cp >= 0 && i < ks->n && ks->first[i].fold == fold; i++) {
			const struct po_key *c = &ks->k[ks->first[i].key];
			if (!c->contain || (c->cs[0] && c->first != cp))
				continue;
			len = ks->ja ? ja_match_at(text, tlen, pos, c->text, map)
			             : latin_match_at(text, tlen, pos, c, map);
			if (len) {
				k = c;
				break;
			}
		}
		if (!k) {
			/* next character */
			pos++;
			while (pos < tlen && ((unsigned char)text[pos] & 0xC0) == 0x80)
				pos++;
			continue;
		}
		if (n == cap) {
			struct po_hit *nh = realloc(h, (cap = cap ? 2 * cap : 4) * sizeof *nh);
			if (!nh) {
				free(h);
				free(map);
				return (size_t)-1;
			}
			h = nh;
		}
		h[n].start = pos;
		h[n].len = len;
		h[n].key = (size_t)(k - ks->k);
		n++;
		pos += len;
	}
	free(map);
	*out = h;
	return n;
}

/* The preferred translation of term t into language to. */
static const char *term_target(const struct po_term *t, po_lang to)
{
	return to == PO_LANG_JA ? t->ja : t->en[0];
}

/* ---- reading and writing PO files ----------------------------------------- */

/* libgettextpo's handler has no user pointer: the state of the current read or write. */
static size_t po_errors;

static void handle_xerror(int severity, po_message_t message, const char *filename,
                          size_t lineno, size_t column, int multiline_p, const char *text)
{
	(void)message;
	(void)column;
	(void)multiline_p;
	if (severity != PO_SEVERITY_WARNING)
		po_errors++;
	if (filename && lineno != (size_t)-1)
		fprintf(stderr, "yakugo: %s:%zu: %s%s\n", filename, lineno,
		        severity == PO_SEVERITY_WARNING ? _("warning: ") : "", text);
	else if (filename)
		fprintf(stderr, "yakugo: %s: %s%s\n", filename,
		        severity == PO_SEVERITY_WARNING ? _("warning: ") : "", text);
	else
		fprintf(stderr, "yakugo: %s%s\n",
		        severity == PO_SEVERITY_WARNING ? _("warning: ") : "", text);
}

static void handle_xerror2(int severity, po_message_t m1, const char *f1, size_t l1,
                           size_t c1, int ml1, const char *t1, po_message_t m2,
                           const char *f2, size_t l2, size_t c2, int ml2, const char *t2)
{
	handle_xerror(severity, m1, f1, l1, c1, ml1, t1);
	/* the second message is reported as a note, not a second error */
	if (f2 && l2 != (size_t)-1)
		fprintf(stderr, "yakugo: %s:%zu: %s\n", f2, l2, t2);
	(void)m2;
	(void)c2;
	(void)ml2;
}

static const struct po_xerror_handler handler = { handle_xerror, handle_xerror2 };

/* A catalogue read into memory. */
struct catalog {
	po_file_t file;
	const char *name;      /* as the user gave it */
	char *tmp;             /* the UTF-8 copy of a converted catalogue, or NULL */
	size_t *msg_lines;     /* line of the n-th non-obsolete msgid keyword */
	char **ignore;         /* its "# yakugo: ignore" comment: NULL none, "" the whole
	                        * message, else the terms (read from the file: libgettextpo's
	                        * po_message_comments leaks its result) */
	size_t n_msg_lines;
};

static void catalog_close(struct catalog *c)
{
	if (c->file)
		po_file_free(c->file);
	if (c->tmp) {
		unlink(c->tmp);
		free(c->tmp);
	}
	if (c->ignore) {
		size_t i;
		for (i = 0; i < c->n_msg_lines; i++)
			free(c->ignore[i]);
		free(c->ignore);
	}
	free(c->msg_lines);
	memset(c, 0, sizeof *c);
}

/* The header message (msgid "") of the default domain, or NULL. */
static po_message_t header_message(po_file_t file)
{
	po_message_iterator_t it = po_message_iterator(file, NULL);
	po_message_t m, r = NULL;
	while ((m = po_next_message(it)))
		if (!po_message_is_obsolete(m) && !po_message_msgctxt(m) && !*po_message_msgid(m)) {
			r = m;
			break;
		}
	po_message_iterator_free(it);
	return r;
}

static int charset_is_utf8(const char *cs)
{
	return !cs || strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0
	       || strcasecmp(cs, "ASCII") == 0 || strcasecmp(cs, "US-ASCII") == 0
	       || strcmp(cs, "CHARSET") == 0;
}

/* Reads the whole file (malloc'd, NUL-terminated) or NULL with errno set. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *s = NULL, *ns;
	size_t cap = 0, n = 0, r;
	if (!fp)
		return NULL;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = cap ? 2 * cap : 8192;
			if (!(ns = realloc(s, cap))) {
				free(s);
				fclose(fp);
				errno = ENOMEM;
				return NULL;
			}
			s = ns;
		}
		r = fread(s + n, 1, cap - n - 1, fp);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(fp)) {
		int e = errno;
		free(s);
		fclose(fp);
		errno = e ? e : EIO;
		return NULL;
	}
	fclose(fp);
	s[n] = '\0';
	*len = n;
	return s;
}

/* Writes s to a new temporary file; returns its malloc'd name or NULL. */
static char *write_temp(const char *s, size_t len)
{
	const char *dir = getenv("TMPDIR");
	char *name = xasprintf("%s/yakugo-po.XXXXXX", dir && *dir ? dir : "/tmp");
	int fd;
	FILE *fp;
	if (!name)
		return NULL;
	if ((fd = mkstemp(name)) < 0) {
		free(name);
		return NULL;
	}
	if (!(fp = fdopen(fd, "wb"))) {
		close(fd);
		unlink(name);
		free(name);
		return NULL;
	}
	if (fwrite(s, 1, len, fp) != len || fclose(fp) != 0) {
		unlink(name);
		free(name);
		return NULL;
	}
	return name;
}

/* The text after "yakugo: ignore" when line is that translator comment ("# yakugo:
 * ignore [TERM, ...]"), trimmed; else NULL. */
static const char *ignore_comment(const char *line, size_t len)
{
	static const char tag[] = "yakugo: ignore";
	size_t i = 1, t = sizeof tag - 1;
	if (len < 1 || line[0] != '#' || (len > 1 && line[1] != ' ' && line[1] != '\t'))
		return NULL;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (len - i < t || strncmp(line + i, tag, t) != 0
	    || (len - i > t && line[i + t] != ' ' && line[i + t] != '\t' && line[i + t] != '\r'))
		return NULL;
	for (i += t; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
		;
	return line + i;
}

/* Records the line of every non-obsolete "msgid" keyword of path, in order, and the
 * "# yakugo: ignore" comment before it: libgettextpo keeps messages in file order but
 * not their line numbers. 0, or -1 with errno set. */
static int scan_msg_lines(struct catalog *c, const char *path)
{
	lines *r = lines_open(path);
	char *line, *pending = NULL;
	const char *ign;
	size_t len, cap = 0;
	int got;
	if (!r)
		return -1;
	while ((got = lines_next(r, &line, &len)) == 1) {
		if ((ign = ignore_comment(line, len))) {
			size_t n = len - (size_t)(ign - line);
			while (n && (ign[n - 1] == ' ' || ign[n - 1] == '\t' || ign[n - 1] == '\r'))
				n--;
			free(pending);
			if (!(pending = strndup(ign, n)))
				goto oom;
			continue;
		}
		if (strncmp(line, "#~", 2) == 0) {
			free(pending); /* an obsolete entry's comment */
			pending = NULL;
			continue;
		}
		if (strncmp(line, "msgid", 5) != 0 || (line[5] != ' ' && line[5] != '\t'))
			continue;
		if (c->n_msg_lines == cap) {
			size_t ncap = cap ? 2 * cap : 64;
			size_t *nl = realloc(c->msg_lines, ncap * sizeof *nl);
			char **ni;
			if (!nl)
				goto oom;
			c->msg_lines = nl;
			if (!(ni = realloc(c->ignore, ncap * sizeof *ni)))
				goto oom;
			c->ignore = ni;
			cap = ncap;
		}
		c->ignore[c->n_msg_lines] = pending;
		pending = NULL;
		c->msg_lines[c->n_msg_lines++] = lines_number(r);
	}
	free(pending);
	lines_close(r);
	return got < 0 ? -1 : 0;
oom:
	free(pending);
	lines_close(r);
	errno = ENOMEM;
	return -1;
}

/* The charset named by the header entry of the raw catalogue text (malloc'd), or NULL
 * when there is none. The header is the entry with msgid "" before any other msgid;
 * only its charset= is looked at, so that libgettextpo reads every catalogue once, in
 * UTF-8 (it keeps state between reads of catalogues in other charsets). */
static char *sniff_charset(const char *raw)
{
	const char *h = strstr(raw, "msgid \"\"");
	const char *end, *p, *e;
	if (!h || (h != raw && h[-1] != '\n'))
		return NULL;
	for (end = h + 1; (end = strstr(end, "\nmsgid \"")); end++)
		if (end[8] != '"')
			break;
	p = strstr(h, "charset=");
	if (!p || (end && p > end))
		return NULL;
	p += strlen("charset=");
	for (e = p; *e && !is_space((unsigned char)*e) && *e != ';' && *e != '\\' && *e != '"'; e++)
		;
	return e > p ? strndup(p, (size_t)(e - p)) : NULL;
}

/* Opens a catalogue; a legacy charset is converted to UTF-8 first (the header then says
 * UTF-8). Returns 0, or an exit status with *error set. */
static int catalog_open(struct catalog *c, const char *path, char **error)
{
	char *charset = NULL, *raw = NULL, *conv = NULL, *fixed = NULL, *p;
	size_t len = 0, bad;
	int rc = YK_OK;

	memset(c, 0, sizeof *c);
	c->name = path;
	if (!(raw = slurp(path, &len))) {
		*error = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		rc = YK_SYSTEM;
		goto done;
	}
	charset = sniff_charset(raw);
	if (!charset_is_utf8(charset)) {
		char *probe = text_from_charset(charset, "a", 1, 0);
		if (!probe) {
			*error = xasprintf(_("%s: unknown charset '%s' in the header"), path, charset);
			rc = YK_USAGE;
			goto done;
		}
		free(probe);
		conv = text_from_charset(charset, raw, len, 0);
		if (!conv) {
			/* find the first line that does not convert, for FILE:LINE */
			size_t line = 1, start = 0, i;
			for (i = 0; i <= len; i++) {
				if (i < len && raw[i] != '\n')
					continue;
				char *one = text_from_charset(charset, raw + start, i - start, 0);
				if (!one)
					break;
				free(one);
				line++;
				start = i + 1;
			}
			*error = xasprintf(_("%s:%zu: cannot convert from %s to UTF-8"), path, line,
			                   charset);
			rc = YK_USAGE;
			goto done;
		}
		/* the header must now say UTF-8: replace the first charset=NAME */
		p = strstr(conv, "charset=");
		if (p) {
			size_t pre = (size_t)(p - conv) + strlen("charset="), old = strlen(charset);
			fixed = xasprintf("%.*sUTF-8%s", (int)pre, conv, conv + pre + old);
			if (!fixed) {
				*error = xasprintf(_("out of memory"));
				rc = YK_SYSTEM;
				goto done;
			}
		}
		c->tmp = write_temp(fixed ? fixed : conv, strlen(fixed ? fixed : conv));
		if (!c->tmp) {
			*error = xasprintf(_("cannot write a temporary file: %s"), strerror(errno));
			rc = YK_SYSTEM;
			goto done;
		}
	} else if (text_utf8_check(raw, len, &bad) != 0) {
		size_t line = 1, i;
		for (i = 0; i < bad; i++)
			line += raw[i] == '\n';
		*error = xasprintf(_("%s:%zu: invalid UTF-8 (the header says %s)"), path, line,
		                   charset ? charset : "UTF-8");
		rc = YK_USAGE;
		goto done;
	}
	po_errors = 0;
	errno = 0;
	c->file = po_file_read(c->tmp ? c->tmp : path, &handler);
	if (!c->file) {
		*error = xasprintf(_("cannot read %s: %s"), path, strerror(errno ? errno : EIO));
		rc = YK_SYSTEM;
		goto done;
	}
	if (po_errors) {
		if (c->tmp)
			*error = xasprintf(_("%s: not a valid PO file (after conversion from %s)"),
			                   path, charset);
		else
			*error = xasprintf(_("%s: not a valid PO file"), path);
		rc = YK_USAGE;
		goto done;
	}
	if (scan_msg_lines(c, c->tmp ? c->tmp : path) != 0) {
		*error = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		rc = YK_SYSTEM;
		goto done;
	}
done:
	if (rc != YK_OK)
		catalog_close(c);
	free(charset);
	free(raw);
	free(conv);
	free(fixed);
	return rc;
}

/* Writes file to out ("-" or NULL: stdout) through outfile.h: a named file is replaced
 * whole or not at all (a temporary next to it, renamed over it, with its old mode), a
 * link is followed, a device or FIFO written through. Returns 0 or an exit status with
 * *error. */
static int catalog_write(po_file_t file, const char *out, char **error)
{
	outfile *o = outfile_open(out, error);
	int rc = YK_OK;
	if (!o)
		return YK_SYSTEM;
	po_errors = 0;
	if (!po_file_write(file, outfile_tmp_path(o), &handler) || po_errors) {
		*error = xasprintf(_("cannot write %s"), out && strcmp(out, "-") ? out
		                                                                 : _("standard output"));
		outfile_abort(o);
		return YK_SYSTEM;
	}
	if (outfile_commit(o, NULL, error) != 0)
		rc = YK_SYSTEM;
	return rc;
}

/* Resolves the direction: explicit languages win, then the header's Language (a
 * Japanese catalogue translates from English, an English one from Japanese), then en->ja. */
static void resolve_direction(po_file_t file, po_lang *from, po_lang *to)
{
	if (*from == PO_LANG_AUTO && *to != PO_LANG_AUTO)
		*from = *to == PO_LANG_JA ? PO_LANG_EN : PO_LANG_JA;
	if (*from == PO_LANG_AUTO && file) {
		po_message_t h = header_message(file);
		char *lang = h ? po_header_field(po_message_msgstr(h), "Language") : NULL;
		if (lang && strncasecmp(lang, "en", 2) == 0)
			*from = PO_LANG_JA;
		free(lang);
	}
	if (*from == PO_LANG_AUTO)
		*from = PO_LANG_EN;
	if (*to == PO_LANG_AUTO)
		*to = *from == PO_LANG_JA ? PO_LANG_EN : PO_LANG_JA;
}

/* Sets the header's Content-Type to UTF-8 (every string here is UTF-8). */
static void header_set_utf8(po_file_t file)
{
	po_message_t h = header_message(file);
	char *nh;
	if (!h)
		return;
	nh = po_header_set_field(po_message_msgstr(h), "Content-Type",
	                         "text/plain; charset=UTF-8");
	if (nh) {
		po_message_set_msgstr(h, nh);
		free(nh);
	}
}

/* ---- export ------------------------------------------------------------------ */

int po_export(const po_glossary *g, po_lang from, po_lang to, const char *out_path,
              char **error)
{
	po_file_t file = po_file_create();
	po_message_iterator_t it = po_message_iterator(file, NULL);
	str_set seen = { NULL, 0, 0, 0 }; /* the msgids written */
	po_message_t m;
	size_t i, j;
	int rc = YK_OK;
	char *header = NULL;

	resolve_direction(NULL, &from, &to);
	header = xasprintf("Project-Id-Version: yakugo glossary %s\n"
	                   "Report-Msgid-Bugs-To: \n"
	                   "PO-Revision-Date: 2026-01-01 00:00+0000\n"
	                   "Last-Translator: yakugo po export\n"
	                   "Language-Team: none\n"
	                   "Language: %s\n"
	                   "MIME-Version: 1.0\n"
	                   "Content-Type: text/plain; charset=UTF-8\n"
	                   "Content-Transfer-Encoding: 8bit\n",
	                   PACKAGE_VERSION, to == PO_LANG_JA ? "ja" : "en");
	if (!header)
		goto oom;
	m = po_message_create();
	po_message_set_msgid(m, "");
	po_message_set_msgstr(m, header);
	po_message_insert(it, m);

	for (i = 0; i < g->n; i++) {
		const struct po_term *t = &g->t[i];
		size_t nid = from == PO_LANG_JA ? 1 : t->n_en;
		for (j = 0; j < nid; j++) {
			const char *id = from == PO_LANG_JA ? t->ja : t->en[j];
			struct buf c = { NULL, 0, 0, 0 };
			int added;
			if (!*id || strchr(id, '\n') || text_utf8_check(id, strlen(id), NULL) != 0)
				continue;
			if ((added = str_set_add(&seen, id, strlen(id))) < 0)
				goto oom;
			if (!added)
				continue;
			if (t->romaji && *t->romaji) {
				buf_str(&c, "romaji: ");
				buf_str(&c, t->romaji);
				buf_str(&c, "\n");
			}
			if (t->kana && *t->kana) {
				buf_str(&c, "kana: ");
				buf_str(&c, t->kana);
				buf_str(&c, "\n");
			}
			if (t->type && *t->type) {
				buf_str(&c, "type: ");
				buf_str(&c, t->type);
				buf_str(&c, "\n");
			}
			if (t->market && *t->market) {
				buf_str(&c, "market: ");
				buf_str(&c, t->market);
				buf_str(&c, "\n");
			}
			if (c.oom) {
				free(c.s);
				goto oom;
			}
			m = po_message_create();
			po_message_set_msgid(m, id);
			po_message_set_msgstr(m, term_target(t, to));
			if (c.s)
				po_message_set_extracted_comments(m, c.s);
			free(c.s);
			po_message_insert(it, m);
		}
	}
	po_message_iterator_free(it);
	it = NULL;
	rc = catalog_write(file, out_path, error);
	goto done;
oom:
	*error = xasprintf(_("out of memory"));
	rc = YK_SYSTEM;
done:
	if (it)
		po_message_iterator_free(it);
	po_file_free(file);
	str_set_free(&seen);
	free(header);
	return rc;
}

/* ---- fill -------------------------------------------------------------------- */

/* Whether a message is one to fill or check (not the header, not obsolete). */
static int is_content(po_message_t m)
{
	return !po_message_is_obsolete(m) && (po_message_msgctxt(m) || *po_message_msgid(m));
}

static int is_translated(po_message_t m)
{
	if (po_message_msgid_plural(m)) {
		const char *s;
		int i;
		for (i = 0; (s = po_message_msgstr_plural(m, i)); i++)
			if (*s)
				return 1;
		return 0;
	}
	return *po_message_msgstr(m) != '\0';
}

/* Appends "glossary: TERM → TRANSLATION" lines for hits to the translator comments,
 * once each. */
static int add_glossary_comments(po_message_t m, const po_glossary *g,
                                 const struct keyset *ks, const struct po_hit *h, size_t n,
                                 po_lang to)
{
	const char *old = po_message_comments(m);
	struct buf b = { NULL, 0, 0, 0 };
	size_t i;
	buf_str(&b, old ? old : "");
	for (i = 0; i < n; i++) {
		const struct po_key *k = &ks->k[h[i].key];
		char *line = xasprintf("glossary: %s \u2192 %s\n", k->text,
		                       term_target(&g->t[k->idx], to));
		if (!line)
			b.oom = 1;
		else if (!b.s || !strstr(b.s, line))
			buf_str(&b, line);
		free(line);
	}
	if (b.oom) {
		free(b.s);
		return -1;
	}
	po_message_set_comments(m, b.s ? b.s : "");
	free(b.s);
	return 0;
}

/* msgid with every hit replaced by its translation (malloc'd) or NULL. */
static char *substitute(const char *msgid, const po_glossary *g, const struct keyset *ks,
                        const struct po_hit *h, size_t n, po_lang to)
{
	struct buf b = { NULL, 0, 0, 0 };
	size_t i, pos = 0;
	for (i = 0; i < n; i++) {
		buf_add(&b, msgid + pos, h[i].start - pos);
		buf_str(&b, term_target(&g->t[ks->k[h[i].key].idx], to));
		pos = h[i].start + h[i].len;
	}
	buf_str(&b, msgid + pos);
	if (b.oom) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

/* Drops the hits of abbreviations (IP, US, UN: often another word of the same letters,
 * and a translation may keep them as written); returns how many hits are left. */
static size_t drop_abbreviations(const struct keyset *ks, struct po_hit *h, size_t n)
{
	size_t i, k = 0;
	for (i = 0; i < n; i++)
		if (!ks->k[h[i].key].abbrev)
			h[k++] = h[i];
	return k;
}

int po_fill(const po_glossary *g, const char *in_path, const char *out_path,
            po_lang from, po_lang to, po_fill_stats *st, char **error)
{
	struct catalog c;
	struct keyset ks = { NULL, 0, 0, NULL };
	po_fill_stats s = { 0, 0, 0 };
	po_message_iterator_t it = NULL;
	po_message_t m;
	int rc;

	if ((rc = catalog_open(&c, in_path, error)) != YK_OK)
		return rc;
	resolve_direction(c.file, &from, &to);
	header_set_utf8(c.file);
	if (keyset_build(&ks, g, from) != 0)
		goto oom;
	it = po_message_iterator(c.file, NULL);
	while ((m = po_next_message(it))) {
		const char *id = po_message_msgid(m);
		const struct po_key *k;
		struct po_hit *h = NULL;
		size_t n;
		if (!is_content(m))
			continue;
		if (is_translated(m)) {
			s.kept++;
			continue;
		}
		if (po_message_msgid_plural(m))
			continue; /* a plural needs a grammar the glossary does not have */
		if ((k = keyset_exact(&ks, id))) {
			/* an abbreviation alone may mean something else: only a suggestion */
			struct po_hit one = { 0, strlen(id), (size_t)(k - ks.k) };
			if (k->abbrev && add_glossary_comments(m, g, &ks, &one, 1, to) != 0)
				goto oom;
			po_message_set_msgstr(m, term_target(&g->t[k->idx], to));
			po_message_set_fuzzy(m, k->abbrev);
			if (k->abbrev)
				s.suggested++;
			else
				s.filled++;
			continue;
		}
		n = keyset_find(&ks, id, m, &h);
		if (n == (size_t)-1)
			goto oom;
		n = drop_abbreviations(&ks, h, n);
		if (n > 0) {
			char *sug = substitute(id, g, &ks, h, n, to);
			if (!sug || add_glossary_comments(m, g, &ks, h, n, to) != 0) {
				free(sug);
				free(h);
				goto oom;
			}
			po_message_set_msgstr(m, sug);
			po_message_set_fuzzy(m, 1);
			free(sug);
			s.suggested++;
		}
		free(h);
	}
	po_message_iterator_free(it);
	it = NULL;
	rc = catalog_write(c.file, out_path, error);
	goto done;
oom:
	*error = xasprintf(_("out of memory"));
	rc = YK_SYSTEM;
done:
	if (it)
		po_message_iterator_free(it);
	keyset_free(&ks);
	catalog_close(&c);
	if (st)
		*st = s;
	return rc;
}

/* ---- known exceptions ------------------------------------------------------------ */

/* One line of an ignore file: TERM, or TERM<TAB>TEXT; "*" is every term. */
struct po_ignore_rule {
	char *norm_en, *norm_ja;   /* the term normalised both ways; NULL for "*" */
	char *text;                /* the msgid must contain it; NULL: every message */
};

struct po_ignore {
	struct po_ignore_rule *r;
	size_t n;
};

void po_ignore_free(po_ignore *ign)
{
	size_t i;
	if (!ign)
		return;
	for (i = 0; i < ign->n; i++) {
		free(ign->r[i].norm_en);
		free(ign->r[i].norm_ja);
		free(ign->r[i].text);
	}
	free(ign->r);
	free(ign);
}

/* s without its leading and trailing spaces and tabs, in place. */
static char *trim(char *s)
{
	size_t n;
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

int po_ignore_add(po_ignore *ign, const char *term, const char *text)
{
	struct po_ignore_rule *nr = realloc(ign->r, (ign->n + 1) * sizeof *nr), *r;
	if (!nr)
		return -1;
	ign->r = nr;
	r = &ign->r[ign->n];
	memset(r, 0, sizeof *r);
	if (strcmp(term, "*") != 0) {
		r->norm_en = normalise(term, 0);
		r->norm_ja = normalise(term, 1);
	}
	r->text = text && *text ? strdup(text) : NULL;
	if ((strcmp(term, "*") != 0 && (!r->norm_en || !r->norm_ja)) || (text && *text && !r->text)) {
		free(r->norm_en);
		free(r->norm_ja);
		free(r->text);
		return -1;
	}
	ign->n++;
	return 0;
}

po_ignore *po_ignore_new(void)
{
	return calloc(1, sizeof(po_ignore));
}

int po_ignore_load(po_ignore *ign, const char *path, char **error)
{
	lines *r = lines_open(path);
	char *line;
	size_t len;
	int got, rc = YK_OK;
	if (!r) {
		*error = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		return YK_SYSTEM;
	}
	while ((got = lines_next(r, &line, &len)) == 1) {
		char *s, *tab, *term, *text = NULL;
		if (text_utf8_check(line, len, NULL) != 0 || memchr(line, '\0', len)) {
			*error = xasprintf(_("%s:%zu: invalid UTF-8"), path, lines_number(r));
			rc = YK_USAGE;
			break;
		}
		s = line;
		if (!*trim(s) || *trim(s) == '#')
			continue;
		if ((tab = strchr(s, '\t'))) {
			*tab = '\0';
			text = trim(tab + 1);
			if (!*text || strchr(text, '\t')) {
				*error = xasprintf(_("%s:%zu: expected TERM or TERM<TAB>TEXT"), path,
				                   lines_number(r));
				rc = YK_USAGE;
				break;
			}
		}
		term = trim(s);
		if (!*term) {
			*error = xasprintf(_("%s:%zu: the term is empty"), path, lines_number(r));
			rc = YK_USAGE;
			break;
		}
		if (po_ignore_add(ign, term, text) != 0) {
			*error = xasprintf(_("out of memory"));
			rc = YK_SYSTEM;
			break;
		}
	}
	if (rc == YK_OK && got < 0) {
		*error = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		rc = YK_SYSTEM;
	}
	lines_close(r);
	return rc;
}

/* Whether norm is a name of the term of key k (any of its keys). */
static int names_term(const struct keyset *ks, const struct po_key *k, const char *norm)
{
	size_t i;
	if (strcmp(norm, k->norm) == 0)
		return 1;
	for (i = 0; i < ks->n; i++)
		if (ks->k[i].idx == k->idx && strcmp(norm, ks->k[i].norm) == 0)
			return 1;
	return 0;
}

/* Whether the term of key k is in list (the comma-separated terms of a "yakugo: ignore"
 * comment; NULL: all). */
static int comment_lists(const char *list, const struct keyset *ks, const struct po_key *k)
{
	int ja = ks->ja;
	char *copy, *tok, *save = NULL;
	int found = 0;
	if (!list)
		return 1;
	if (!(copy = strdup(list)))
		return 0;
	for (tok = strtok_r(copy, ",", &save); tok && !found; tok = strtok_r(NULL, ",", &save)) {
		char *n = normalise(trim(tok), ja);
		found = n && names_term(ks, k, n);
		free(n);
	}
	free(copy);
	return found;
}

/* Whether an ignore file rule silences key k in msgid. */
static int rules_ignore(const po_ignore *ign, const struct keyset *ks, const struct po_key *k,
                        const char *msgid)
{
	size_t i;
	for (i = 0; ign && i < ign->n; i++) {
		const struct po_ignore_rule *r = &ign->r[i];
		const char *norm = ks->ja ? r->norm_ja : r->norm_en;
		if (norm && !names_term(ks, k, norm))
			continue;
		if (r->text && !strstr(msgid, r->text))
			continue;
		return 1;
	}
	return 0;
}

/* ---- check ------------------------------------------------------------------- */

/* Short forms of written forms (dict/po-short-forms.tsv): 米 for 米国 in 米ドル. */
static const struct { const char *ja, *short_form; } short_forms[] = {
#include "src/po-short-forms.h"
	{ NULL, NULL }
};

/* Whether msgstr holds a form of term t in language to: (ja) its written form, kana or
 * a short form, (en) an English name, the market name or the romaji. */
static int term_present(const struct po_term *t, po_lang to, const char *msgstr)
{
	size_t j;
	if (to == PO_LANG_JA) {
		if (contains(msgstr, t->ja) || (t->kana && contains(msgstr, t->kana)))
			return 1;
		for (j = 0; short_forms[j].ja; j++)
			if (strcmp(short_forms[j].ja, t->ja) == 0 && strstr(msgstr, short_forms[j].short_form))
				return 1;
		return 0;
	}
	for (j = 0; j < t->n_en; j++)
		if (contains(msgstr, t->en[j]))
			return 1;
	return (t->market && contains(msgstr, t->market)) || (t->romaji && contains(msgstr, t->romaji));
}

/* Fills the lazily computed list of terms with a longer key containing key i. 0 or -1. */
static int longer_terms(struct keyset *ks, size_t i)
{
	struct po_key *k = &ks->k[i];
	size_t j, cap = 0;
	if (k->longer_done)
		return 0;
	for (j = 0; j < ks->n && ks->k[j].len > k->len; j++) {
		if (!contains(ks->k[j].text, k->text))
			continue;
		if (k->n_longer == cap) {
			size_t *nl = realloc(k->longer, (cap = cap ? 2 * cap : 4) * sizeof *nl);
			if (!nl)
				return -1;
			k->longer = nl;
		}
		k->longer[k->n_longer++] = ks->k[j].idx;
	}
	k->longer_done = 1;
	return 0;
}

/* Whether the translation msgstr is acceptable for hit h of msgid: it keeps the source's
 * name or abbreviation as written (AI, NTT in a Japanese msgstr), or holds a form of a
 * term with the same key (US: 米国 or アメリカ), or the translation of a longer term
 * that contains the key. -1 when out of memory. */
static int accepted(const po_glossary *g, struct keyset *ks, const struct po_hit *h,
                    const char *msgid, const char *msgstr, po_lang to)
{
	const struct po_key *k = &ks->k[h->key];
	size_t i;
	if (!ks->ja) {
		struct po_key kept;
		char *as_written = strndup(msgid + h->start, h->len);
		int found = 0;
		size_t n = strlen(msgstr);
		if (!as_written || tmpkey_init(&kept, as_written) != 0) {
			free(as_written);
			return -1;
		}
		memset(kept.cs, 1, kept.len);
		for (i = 0; i < n && !found; i++)
			found = latin_match_at(msgstr, n, i, &kept, NULL) != 0;
		tmpkey_free(&kept);
		free(as_written);
		if (found)
			return 1;
	}
	for (i = k->group; i < ks->k[k->group].group_end; i++)
		if (term_present(&g->t[ks->k[i].idx], to, msgstr))
			return 1;
	if (longer_terms(ks, k->group) != 0)
		return -1;
	for (i = 0; i < ks->k[k->group].n_longer; i++)
		if (term_present(&g->t[ks->k[k->group].longer[i]], to, msgstr))
			return 1;
	return 0;
}

/* Whether variant v is one of the accepted forms of the terms of key group k (then it is
 * not wrong), or part of one that msgstr has. */
static int variant_ok(const po_glossary *g, const struct keyset *ks, const struct po_key *k,
                      const char *v, po_lang to, const char *msgstr)
{
	size_t i, j;
	for (i = k->group; i < ks->k[k->group].group_end; i++) {
		const struct po_term *t = &g->t[ks->k[i].idx];
		const char *forms[64];
		size_t nf = 0;
		forms[nf++] = t->ja;
		forms[nf++] = t->kana;
		forms[nf++] = t->romaji;
		forms[nf++] = t->market;
		for (j = 0; j < t->n_en && nf < 64; j++)
			forms[nf++] = t->en[j];
		for (j = 0; j < nf; j++) {
			if (!forms[j])
				continue;
			if (strcasecmp(forms[j], v) == 0)
				return 1;
			if (contains(forms[j], v) && contains(msgstr, forms[j]))
				return 1;
		}
	}
	(void)to;
	return 0;
}

/* Checks one msgstr against the hits of its msgid; prints and counts problems. */
static int check_one(const po_glossary *g, struct keyset *ks, const struct catalog *c,
                     size_t line, const char *msgid, const char *msgstr,
                     const struct po_hit *h, size_t n, po_lang to, const po_ignore *ign,
                     int has_list, const char *list, FILE *report, po_check_stats *st)
{
	size_t i, j, k;
	for (i = 0; i < n; i++) {
		const struct po_key *key = &ks->k[h[i].key];
		const struct po_term *t = &g->t[key->idx];
		const char *want;
		/* of several terms with this name, the one whose preferred name it is */
		for (k = key->group; k < ks->k[key->group].group_end; k++)
			if (ks->k[k].primary) {
				t = &g->t[ks->k[k].idx];
				break;
			}
		want = term_target(t, to);
		int dup = 0, ok, silenced;
		size_t first;
		for (k = 0; k < i; k++)
			dup |= ks->k[h[k].key].group == key->group;
		if (dup)
			continue;
		silenced = (has_list && comment_lists(list, ks, key)) || rules_ignore(ign, ks, key, msgid);
		if ((ok = accepted(g, ks, &h[i], msgid, msgstr, to)) < 0)
			return -1;
		if (!ok) {
			if (silenced) {
				st->ignored++;
			} else if (key->abbrev) {
				/* an abbreviation may also be kept (and may mean something else) */
				fprintf(report, _("%s:%zu: %s: the translation lacks \"%s\" (or %s as "
				                  "written)\n"),
				        c->name, line, key->text, want, key->text);
				st->problems++;
			} else {
				fprintf(report, _("%s:%zu: %s: the translation lacks \"%s\"\n"), c->name,
				        line, key->text, want);
				st->problems++;
			}
		}
		first = key->group;
		for (k = first; k < ks->k[first].group_end; k++) {
			const struct po_term *vt = &g->t[ks->k[k].idx];
			for (j = 0; j < vt->n_variants; j++) {
				const char *v = vt->variants[j];
				if (!contains(msgstr, v) || variant_ok(g, ks, key, v, to, msgstr))
					continue;
				if (silenced) {
					st->ignored++;
					continue;
				}
				fprintf(report, _("%s:%zu: %s: the translation uses the variant \"%s\" "
				                  "(the glossary has \"%s\")\n"),
				        c->name, line, key->text, v, term_target(vt, to));
				st->problems++;
			}
		}
	}
	return 0;
}

int po_check(const po_glossary *g, const char *in_path, po_lang from, po_lang to,
             const po_ignore *ign, FILE *report, po_check_stats *stats, char **error)
{
	struct catalog c;
	struct keyset ks = { NULL, 0, 0, NULL };
	po_message_iterator_t it = NULL;
	po_message_t m;
	po_check_stats st = { 0, 0, 0, 0 };
	size_t idx = 0;
	int rc;

	if ((rc = catalog_open(&c, in_path, error)) != YK_OK) {
		if (stats)
			*stats = st;
		return rc;
	}
	resolve_direction(c.file, &from, &to);
	if (keyset_build(&ks, g, from) != 0)
		goto oom;
	it = po_message_iterator(c.file, NULL);
	while ((m = po_next_message(it))) {
		struct po_hit *h = NULL;
		const char *msgid = po_message_msgid(m), *list = NULL;
		size_t n, line;
		int has_list, bad = 0;
		if (po_message_is_obsolete(m))
			continue;
		line = idx < c.n_msg_lines ? c.msg_lines[idx] : 0;
		list = idx < c.n_msg_lines ? c.ignore[idx] : NULL;
		idx++;
		if (!is_content(m) || !is_translated(m))
			continue;
		st.messages++;
		has_list = list != NULL;
		if (has_list && !*list) {
			st.ignored_messages++;
			continue;
		}
		n = keyset_find(&ks, msgid, m, &h);
		if (n == (size_t)-1)
			goto oom;
		if (n > 0) {
			if (po_message_msgid_plural(m)) {
				const char *s;
				int i;
				for (i = 0; (s = po_message_msgstr_plural(m, i)) && !bad; i++)
					if (*s)
						bad = check_one(g, &ks, &c, line, msgid, s, h, n, to, ign,
						                has_list, list, report, &st);
			} else {
				bad = check_one(g, &ks, &c, line, msgid, po_message_msgstr(m), h, n, to,
				                ign, has_list, list, report, &st);
			}
		}
		free(h);
		if (bad)
			goto oom;
	}
	goto done;
oom:
	*error = xasprintf(_("out of memory"));
	rc = YK_SYSTEM;
done:
	if (it)
		po_message_iterator_free(it);
	keyset_free(&ks);
	catalog_close(&c);
	if (stats)
		*stats = st;
	return rc;
}
