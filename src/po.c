/* po.c: the glossary as a gettext compendium, and filling and checking other programs'
 * catalogues with it. The only file that includes gettext-po.h: every PO file is read
 * and written by libgettextpo. Catalogues in a legacy charset are converted to UTF-8
 * (text_from_charset) before they are parsed, so every string here is UTF-8. */
#include "config.h"

#include "po.h"
#include "i18n.h"
#include "lines.h"
#include "status.h"
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

/* A key to look for in msgids: one name of term idx in the source language. */
struct po_key {
	const char *text;
	size_t len;
	char *norm;      /* normalised for whole-msgid comparison */
	size_t idx;
	int contain;     /* also looked for inside longer msgids */
};

struct po_hit {
	size_t start, len, idx;
	const char *key;
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

static int is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
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

/* Latin matching: does key match text at byte pos? ASCII case is ignored, a run of
 * white space matches a run of white space, and the match must start and end at a word
 * boundary. Returns the matched length in text, or 0. */
static size_t latin_match_at(const char *text, size_t tlen, size_t pos, const char *key)
{
	size_t i = pos, k = 0;
	if (pos > 0 && is_ascii_alnum((unsigned char)text[pos - 1]))
		return 0;
	while (key[k]) {
		unsigned char kc = (unsigned char)key[k];
		if (is_space(kc)) {
			if (i >= tlen || !is_space((unsigned char)text[i]))
				return 0;
			while (key[k] && is_space((unsigned char)key[k]))
				k++;
			while (i < tlen && is_space((unsigned char)text[i]))
				i++;
			continue;
		}
		if (i >= tlen)
			return 0;
		unsigned char tc = (unsigned char)text[i];
		if (kc < 0x80 && tc < 0x80) {
			if (((kc >= 'A' && kc <= 'Z') ? kc | 0x20 : kc)
			    != ((tc >= 'A' && tc <= 'Z') ? tc | 0x20 : tc))
				return 0;
		} else if (kc != tc) {
			return 0;
		}
		i++;
		k++;
	}
	if (i < tlen && is_ascii_alnum((unsigned char)text[i])
	    && is_ascii_alnum((unsigned char)key[k ? k - 1 : 0]))
		return 0;
	return i - pos;
}

/* Japanese matching: byte equality, ignoring spaces in text (ASCII and U+3000). */
static size_t ja_match_at(const char *text, size_t tlen, size_t pos, const char *key)
{
	size_t i = pos, k = 0, sp;
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
	return i - pos;
}

static size_t match_at(const char *text, size_t tlen, size_t pos, const char *key, int ja)
{
	return ja ? ja_match_at(text, tlen, pos, key) : latin_match_at(text, tlen, pos, key);
}

/* Whether key occurs in text (ja: spaces ignored; otherwise ASCII case ignored, at word
 * boundaries). */
static int contains(const char *text, const char *key, int ja)
{
	size_t n = strlen(text), i;
	if (!*key)
		return 0;
	for (i = 0; i < n; i++)
		if (match_at(text, n, i, key, ja))
			return 1;
	return 0;
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

struct keyset {
	struct po_key *k;
	size_t n;
	int ja;       /* source language is Japanese */
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

static int key_cmp(const void *a, const void *b)
{
	const struct po_key *x = a, *y = b;
	if (x->len != y->len)
		return x->len < y->len ? 1 : -1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static void keyset_free(struct keyset *ks)
{
	size_t i;
	for (i = 0; i < ks->n; i++)
		free(ks->k[i].norm);
	free(ks->k);
	ks->k = NULL;
	ks->n = 0;
}

/* Builds the keys for msgids in language from: the written forms (ja) or all English
 * names (en), longest first. 0 or -1 (out of memory). */
static int keyset_build(struct keyset *ks, const po_glossary *g, po_lang from)
{
	size_t i, j, total = 0;
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
			k->norm = normalise(k->text, ks->ja);
			if (!k->norm)
				continue; /* not valid UTF-8: never matches */
			ks->n++;
		}
	}
	qsort(ks->k, ks->n, sizeof *ks->k, key_cmp);
	return 0;
}

/* The term whose key equals msgid after normalisation, or NULL. */
static const struct po_key *keyset_exact(const struct keyset *ks, const char *msgid)
{
	char *norm = normalise(msgid, ks->ja);
	const struct po_key *r = NULL;
	size_t i;
	if (!norm)
		return NULL;
	for (i = 0; i < ks->n && !r; i++)
		if (strcmp(ks->k[i].norm, norm) == 0)
			r = &ks->k[i];
	free(norm);
	return r;
}

/* Finds the terms in text, longest first, without overlaps, left to right. Returns the
 * number of hits (*out malloc'd, free it), or (size_t)-1 when out of memory. */
static size_t keyset_find(const struct keyset *ks, const char *text, struct po_hit **out)
{
	size_t tlen = strlen(text), pos = 0, n = 0, cap = 0, i;
	struct po_hit *h = NULL;
	while (pos < tlen) {
		size_t len = 0;
		const struct po_key *k = NULL;
		for (i = 0; i < ks->n; i++) {
			if (!ks->k[i].contain)
				continue;
			if ((len = match_at(text, tlen, pos, ks->k[i].text, ks->ja))) {
				k = &ks->k[i];
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
				return (size_t)-1;
			}
			h = nh;
		}
		h[n].start = pos;
		h[n].len = len;
		h[n].idx = k->idx;
		h[n].key = k->text;
		n++;
		pos += len;
	}
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

/* Records the line of every non-obsolete "msgid" keyword of path, in order: libgettextpo
 * keeps messages in file order but not their line numbers. */
static int scan_msg_lines(struct catalog *c, const char *path)
{
	lines *r = lines_open(path);
	char *line;
	size_t len, cap = 0;
	int got;
	if (!r)
		return -1;
	while ((got = lines_next(r, &line, &len)) == 1) {
		if (strncmp(line, "msgid", 5) != 0 || (line[5] != ' ' && line[5] != '\t'))
			continue;
		if (c->n_msg_lines == cap) {
			size_t *nl = realloc(c->msg_lines, (cap = cap ? 2 * cap : 64) * sizeof *nl);
			if (!nl) {
				lines_close(r);
				return -1;
			}
			c->msg_lines = nl;
		}
		c->msg_lines[c->n_msg_lines++] = lines_number(r);
	}
	lines_close(r);
	return got < 0 ? -1 : 0;
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

/* Copies the file at path to stdout. 0 or -1. */
static int copy_to_stdout(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char b[8192];
	size_t n;
	int rc = 0;
	if (!fp)
		return -1;
	while ((n = fread(b, 1, sizeof b, fp)) > 0)
		if (fwrite(b, 1, n, stdout) != n) {
			rc = -1;
			break;
		}
	if (ferror(fp))
		rc = -1;
	fclose(fp);
	return rc;
}

/* The process's umask (mkstemp makes files 0600; a catalogue is an ordinary file). */
static mode_t current_umask(void)
{
	mode_t m = umask(0);
	umask(m);
	return m;
}

/* Writes file to out ("-" or NULL: stdout) through a temporary file (for a named file,
 * in its directory, then renamed over it). Returns 0 or an exit status with *error. */
static int catalog_write(po_file_t file, const char *out, char **error)
{
	int to_stdout = !out || strcmp(out, "-") == 0;
	const char *dir = getenv("TMPDIR");
	char *tmp = to_stdout ? xasprintf("%s/yakugo-po.XXXXXX", dir && *dir ? dir : "/tmp")
	                      : xasprintf("%s.XXXXXX", out);
	int fd, rc = YK_OK;
	if (!tmp) {
		*error = xasprintf(_("out of memory"));
		return YK_SYSTEM;
	}
	if ((fd = mkstemp(tmp)) < 0) {
		*error = xasprintf(_("cannot create %s: %s"), to_stdout ? tmp : out, strerror(errno));
		free(tmp);
		return YK_SYSTEM;
	}
	close(fd);
	po_errors = 0;
	if (!po_file_write(file, tmp, &handler) || po_errors) {
		*error = xasprintf(_("cannot write %s"), to_stdout ? _("standard output") : out);
		rc = YK_SYSTEM;
	} else if (to_stdout) {
		/* a failed write to stdout is reported once, by cli_finish */
		if (copy_to_stdout(tmp) != 0)
			rc = YK_SYSTEM;
	} else if (chmod(tmp, 0666 & ~current_umask()) != 0 || rename(tmp, out) != 0) {
		*error = xasprintf(_("cannot rename %s to %s: %s"), tmp, out, strerror(errno));
		rc = YK_SYSTEM;
	}
	if (to_stdout || rc != YK_OK)
		unlink(tmp);
	free(tmp);
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

/* A set of strings (open addressing, FNV-1a) for distinct msgids. */
struct strset {
	const char **slot;
	size_t cap, n;
};

static uint64_t fnv(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

/* Adds s (not copied). Returns 1 when added, 0 when present, -1 out of memory. */
static int strset_add(struct strset *set, const char *s)
{
	size_t i;
	if (2 * (set->n + 1) > set->cap) {
		size_t cap = set->cap ? 2 * set->cap : 256, j;
		const char **ns = calloc(cap, sizeof *ns);
		if (!ns)
			return -1;
		for (j = 0; j < set->cap; j++)
			if (set->slot[j]) {
				i = fnv(set->slot[j]) & (cap - 1);
				while (ns[i])
					i = (i + 1) & (cap - 1);
				ns[i] = set->slot[j];
			}
		free(set->slot);
		set->slot = ns;
		set->cap = cap;
	}
	i = fnv(s) & (set->cap - 1);
	while (set->slot[i]) {
		if (strcmp(set->slot[i], s) == 0)
			return 0;
		i = (i + 1) & (set->cap - 1);
	}
	set->slot[i] = s;
	set->n++;
	return 1;
}

int po_export(const po_glossary *g, po_lang from, po_lang to, const char *out_path,
              char **error)
{
	po_file_t file = po_file_create();
	po_message_iterator_t it = po_message_iterator(file, NULL);
	struct strset seen = { NULL, 0, 0 };
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
			if ((added = strset_add(&seen, id)) < 0)
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
	free(seen.slot);
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
                                 const struct po_hit *h, size_t n, po_lang to)
{
	const char *old = po_message_comments(m);
	struct buf b = { NULL, 0, 0, 0 };
	size_t i;
	buf_str(&b, old ? old : "");
	for (i = 0; i < n; i++) {
		char *line = xasprintf("glossary: %s \u2192 %s\n", h[i].key,
		                       term_target(&g->t[h[i].idx], to));
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
static char *substitute(const char *msgid, const po_glossary *g, const struct po_hit *h,
                        size_t n, po_lang to)
{
	struct buf b = { NULL, 0, 0, 0 };
	size_t i, pos = 0;
	for (i = 0; i < n; i++) {
		buf_add(&b, msgid + pos, h[i].start - pos);
		buf_str(&b, term_target(&g->t[h[i].idx], to));
		pos = h[i].start + h[i].len;
	}
	buf_str(&b, msgid + pos);
	if (b.oom) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

int po_fill(const po_glossary *g, const char *in_path, const char *out_path,
            po_lang from, po_lang to, po_fill_stats *st, char **error)
{
	struct catalog c;
	struct keyset ks = { NULL, 0, 0 };
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
			po_message_set_msgstr(m, term_target(&g->t[k->idx], to));
			po_message_set_fuzzy(m, 0);
			s.filled++;
			continue;
		}
		n = keyset_find(&ks, id, &h);
		if (n == (size_t)-1)
			goto oom;
		if (n > 0) {
			char *sug = substitute(id, g, h, n, to);
			if (!sug || add_glossary_comments(m, g, h, n, to) != 0) {
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

/* ---- check ------------------------------------------------------------------- */

/* Whether the translation of term t into `to` is present in msgstr. */
static int has_translation(const struct po_term *t, po_lang to, const char *msgstr)
{
	if (to == PO_LANG_JA)
		return contains(msgstr, t->ja, 1);
	return contains(msgstr, t->en[0], 0) || (t->market && contains(msgstr, t->market, 0));
}

/* Checks one msgstr against the hits of its msgid; prints and counts problems. */
static void check_one(const po_glossary *g, const struct catalog *c, size_t line,
                      const char *msgstr, const struct po_hit *h, size_t n, po_lang to,
                      FILE *report, size_t *problems)
{
	size_t i, j, k;
	for (i = 0; i < n; i++) {
		const struct po_term *t = &g->t[h[i].idx];
		const char *want = term_target(t, to);
		int dup = 0;
		for (k = 0; k < i; k++)
			dup |= h[k].idx == h[i].idx;
		if (dup)
			continue;
		if (!has_translation(t, to, msgstr)) {
			fprintf(report, _("%s:%zu: %s: the translation lacks \"%s\"\n"), c->name, line,
			        h[i].key, want);
			++*problems;
		}
		for (j = 0; j < t->n_variants; j++) {
			const char *v = t->variants[j];
			int vja = has_japanese(v);
			/* a variant that is part of the preferred form is not wrong by itself */
			if (contains(want, v, vja) && has_translation(t, to, msgstr))
				continue;
			if (contains(msgstr, v, vja)) {
				fprintf(report, _("%s:%zu: %s: the translation uses the variant \"%s\" "
				                  "(the glossary has \"%s\")\n"),
				        c->name, line, h[i].key, v, want);
				++*problems;
			}
		}
	}
}

int po_check(const po_glossary *g, const char *in_path, po_lang from, po_lang to,
             FILE *report, size_t *n_problems, char **error)
{
	struct catalog c;
	struct keyset ks = { NULL, 0, 0 };
	po_message_iterator_t it = NULL;
	po_message_t m;
	size_t idx = 0, problems = 0;
	int rc;

	if ((rc = catalog_open(&c, in_path, error)) != YK_OK)
		return rc;
	resolve_direction(c.file, &from, &to);
	if (keyset_build(&ks, g, from) != 0)
		goto oom;
	it = po_message_iterator(c.file, NULL);
	while ((m = po_next_message(it))) {
		struct po_hit *h = NULL;
		size_t n, line;
		if (po_message_is_obsolete(m))
			continue;
		line = idx < c.n_msg_lines ? c.msg_lines[idx] : 0;
		idx++;
		if (!is_content(m) || !is_translated(m))
			continue;
		n = keyset_find(&ks, po_message_msgid(m), &h);
		if (n == (size_t)-1)
			goto oom;
		if (n > 0) {
			if (po_message_msgid_plural(m)) {
				const char *s;
				int i;
				for (i = 0; (s = po_message_msgstr_plural(m, i)); i++)
					if (*s)
						check_one(g, &c, line, s, h, n, to, report, &problems);
			} else {
				check_one(g, &c, line, po_message_msgstr(m), h, n, to, report,
				          &problems);
			}
		}
		free(h);
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
	*n_problems = problems;
	return rc;
}
