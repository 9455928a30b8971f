/* bibtex.c: BibTeX through btparse (see bibtex.h). btparse validates each entry; since
 * it gives no byte positions, field values are located in the entry text by the same
 * grammar (name = {..} | ".." | number | macro, joined by #), which btparse has just
 * accepted. btparse writes its own messages to stderr; they are silenced while it
 * parses, and `yakugo cite` reports a rejected entry in its own words. The month macros
 * of the standard styles (jan ... dec) are defined first: btparse leaks a small string
 * for every use of an undefined macro. */
#include "config.h"

#include "bibtex.h"
#include "str.h"

#include <btparse.h>
#include <ctype.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct bibtex_reader {
	FILE *fp;
	char *name;
	char *buf;
	size_t cap, len;
	size_t line;      /* line of the next byte to read */
	int pending;      /* a byte read ahead, or EOF/-2 for none */
};

static int initialised;

bibtex_reader *bibtex_open(FILE *fp, const char *name)
{
	bibtex_reader *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->fp = fp;
	r->name = strdup(name ? name : "<stdin>");
	r->line = 1;
	r->pending = -2;
	if (!r->name) {
		free(r);
		return NULL;
	}
	if (!initialised) {
		static const char *months[12][2] = {
			{ "jan", "January" }, { "feb", "February" }, { "mar", "March" },
			{ "apr", "April" }, { "may", "May" }, { "jun", "June" }, { "jul", "July" },
			{ "aug", "August" }, { "sep", "September" }, { "oct", "October" },
			{ "nov", "November" }, { "dec", "December" }
		};
		int m;
		bt_initialize();
		for (m = 0; m < 12; m++)
			bt_add_macro_text((char *)months[m][0], (char *)months[m][1], NULL, 0);
		initialised = 1;
	}
	return r;
}

void bibtex_close(bibtex_reader *r)
{
	if (!r)
		return;
	if (initialised) {
		bt_cleanup(); /* btparse's macro table and strings */
		initialised = 0;
	}
	free(r->name);
	free(r->buf);
	free(r);
}

static int push(bibtex_reader *r, int c)
{
	if (r->len + 2 > r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 4096;
		char *p = realloc(r->buf, cap);
		if (!p)
			return -1;
		r->buf = p;
		r->cap = cap;
	}
	r->buf[r->len++] = (char)c;
	r->buf[r->len] = '\0';
	return 0;
}

static int get(bibtex_reader *r)
{
	int c;
	if (r->pending != -2) {
		c = r->pending;
		r->pending = -2;
	} else
		c = getc(r->fp);
	if (c == '\n')
		r->line++;
	return c;
}

/* Whether the entry in buf is accepted by btparse (its messages silenced). */
static int valid_entry(bibtex_reader *r, size_t line)
{
	boolean status = 0;
	AST *ast;
	int saved = dup(2), null = open("/dev/null", O_WRONLY);
	fflush(stderr);
	if (saved >= 0 && null >= 0)
		dup2(null, 2);
	ast = bt_parse_entry_s(r->buf, r->name, (int)line, BTO_MINIMAL, &status);
	fflush(stderr);
	if (saved >= 0) {
		dup2(saved, 2);
		close(saved);
	}
	if (null >= 0)
		close(null);
	if (ast)
		bt_free_ast(ast);
	bt_parse_entry_s(NULL, NULL, 0, 0, NULL); /* reset btparse's entry state */
	return ast != NULL && status;
}

int bibtex_next(bibtex_reader *r, const char **text, size_t *len, size_t *line,
                enum bibtex_chunk *kind)
{
	int c, depth = 0, open = 0, close = 0, started = 0, interrupted = 0;
	r->len = 0;
	*line = r->line;
	c = get(r);
	if (c == EOF)
		return ferror(r->fp) ? -1 : 0;
	if (c != '@') {
		/* text up to the next '@' at the start of a line (or after white space) */
		int prev = '\n';
		while (c != EOF) {
			if (c == '@' && (prev == '\n' || prev == ' ' || prev == '\t')) {
				r->pending = c;
				r->line -= 0;
				break;
			}
			if (push(r, c))
				return -1;
			prev = c;
			c = get(r);
		}
		*text = r->buf ? r->buf : "";
		*len = r->len;
		*kind = BIBTEX_TEXT;
		return 1;
	}
	/* an entry: up to the delimiter that closes the first one opened */
	if (push(r, c))
		return -1;
	while ((c = get(r)) != EOF) {
		if (c == '@' && r->len && r->buf[r->len - 1] == '\n') {
			/* an entry starting at the beginning of a line while this one is still
			 * open: this one is unbalanced; it ends here and the next one is read */
			r->pending = c;
			interrupted = 1;
			break;
		}
		if (push(r, c))
			return -1;
		if (!started) {
			if (c == '{' || c == '(') {
				started = 1;
				open = c;
				close = c == '{' ? '}' : ')';
				depth = 1;
			}
			continue;
		}
		if (c == '{' && open == '{')
			depth++;
		else if (c == '}' && open == '{')
			depth--;
		else if (open == '(' && c == '(')
			depth++;
		else if (open == '(' && c == ')')
			depth--;
		if (depth == 0 && c == close)
			break;
	}
	if (ferror(r->fp))
		return -1;
	*text = r->buf;
	*len = r->len;
	if (interrupted)
		*kind = BIBTEX_BAD;
	else if (!started || depth != 0)
		*kind = BIBTEX_TRUNCATED;
	else
		*kind = valid_entry(r, *line) ? BIBTEX_ENTRY : BIBTEX_BAD;
	return 1;
}

/* ---- rewriting an entry ---------------------------------------------------------- */

static int is_title_field(const char *name, size_t n)
{
	static const char *f[] = { "title", "booktitle", "journal", "journaltitle", "series",
	                           "shorttitle", "publisher", "institution", "organization",
	                           "school", "maintitle", "subtitle", NULL };
	size_t i;
	for (i = 0; f[i]; i++)
		if (strlen(f[i]) == n && !strncasecmp(f[i], name, n))
			return 1;
	return 0;
}

static int is_name_field(const char *name, size_t n)
{
	return (n == 6 && !strncasecmp(name, "author", 6)) ||
	       (n == 6 && !strncasecmp(name, "editor", 6));
}

static size_t line_at(const char *t, size_t upto, size_t line)
{
	size_t i;
	for (i = 0; i < upto; i++)
		if (t[i] == '\n')
			line++;
	return line;
}

/* Hands v[0..n) to fix (names: each name between " and " apart) and writes the result. */
static int fix_value(str_buf *o, const char *v, size_t n, int names, size_t line,
                     cite_fix_fn *fix, void *arg)
{
	size_t p = 0;
	if (memchr(v, '\\', n))
		return str_buf_add(o, v, n);
	while (p < n) {
		size_t q = n;
		char *rep = NULL;
		if (names) {
			size_t k;
			for (k = p; k + 5 <= n; k++)
				if (!strncmp(v + k, " and ", 5)) {
					q = k;
					break;
				}
		}
		if (fix(arg, v + p, q - p, line, names ? CITE_FIELD_NAME : CITE_FIELD_VALUE, &rep))
			return -1;
		if (rep) {
			int rc = str_buf_add(o, rep, strlen(rep));
			free(rep);
			if (rc)
				return -1;
		} else if (str_buf_add(o, v + p, q - p))
			return -1;
		if (q < n && str_buf_add(o, " and ", 5))
			return -1;
		p = q < n ? q + 5 : n;
	}
	return 0;
}

int bibtex_rewrite(const char *t, size_t len, size_t line, cite_fix_fn *fix, void *arg,
                   char **result)
{
	str_buf o = { NULL, 0, 0 };
	size_t i = 0, copied = 0;
	*result = NULL;
	/* skip "@type{key," (or a @string / @preamble: nothing to rewrite) */
	while (i < len && t[i] != '{' && t[i] != '(')
		i++;
	if (i + 1 < len && (!strncasecmp(t + 1, "string", 6) || !strncasecmp(t + 1, "preamble", 8) ||
	                    !strncasecmp(t + 1, "comment", 7)))
		i = len;
	while (i < len && t[i] != ',')
		i++;
	while (i < len) {
		size_t nb, ne;
		int want, names;
		i++; /* past ',' */
		while (i < len && isspace((unsigned char)t[i]))
			i++;
		nb = i;
		while (i < len && (isalnum((unsigned char)t[i]) || strchr("_-:.+/", t[i])))
			i++;
		ne = i;
		while (i < len && isspace((unsigned char)t[i]))
			i++;
		if (ne == nb || i >= len || t[i] != '=')
			break;
		i++;
		names = is_name_field(t + nb, ne - nb);
		want = names || is_title_field(t + nb, ne - nb);
		/* the value: pieces joined by # */
		for (;;) {
			while (i < len && isspace((unsigned char)t[i]))
				i++;
			if (i >= len)
				break;
			if (t[i] == '{' || t[i] == '"') {
				char q = t[i];
				size_t vb = ++i;
				int depth = 0;
				while (i < len) {
					if (t[i] == '{')
						depth++;
					else if (t[i] == '}') {
						if (depth == 0 && q == '{')
							break;
						depth--;
					} else if (t[i] == '"' && q == '"' && depth == 0)
						break;
					i++;
				}
				if (want && i > vb) {
					if (str_buf_add(&o, t + copied, vb - copied) ||
					    fix_value(&o, t + vb, i - vb, names, line_at(t, vb, line), fix, arg))
						goto oom;
					copied = i;
				}
				i++;
			} else
				while (i < len && !isspace((unsigned char)t[i]) && t[i] != '#' && t[i] != ',' &&
				       t[i] != '}' && t[i] != ')')
					i++;
			while (i < len && isspace((unsigned char)t[i]))
				i++;
			if (i < len && t[i] == '#') {
				i++;
				continue;
			}
			break;
		}
		while (i < len && t[i] != ',')
			i++;
	}
	if (str_buf_add(&o, t + copied, len - copied))
		goto oom;
	*result = o.s;
	return 0;
oom:
	free(o.s);
	return -1;
}

char *bibtex_add_field(const char *t, size_t len, const char *name, const char *value)
{
	str_buf o = { NULL, 0, 0 };
	size_t end = len, last;
	while (end > 0 && t[end - 1] != '}' && t[end - 1] != ')')
		end--;
	if (!end)
		return NULL;
	end--; /* the closing delimiter */
	last = end;
	while (last > 0 && (t[last - 1] == ' ' || t[last - 1] == '\t' || t[last - 1] == '\n' ||
	                    t[last - 1] == '\r'))
		last--;
	if (str_buf_add(&o, t, last) || (last > 0 && t[last - 1] != ',' && str_buf_add(&o, ",", 1)) ||
	    str_buf_add(&o, "\n  ", 3) || str_buf_add(&o, name, strlen(name)) || str_buf_add(&o, " = {", 4) ||
	    str_buf_add(&o, value, strlen(value)) || str_buf_add(&o, "}", 1) ||
	    (last > 0 && t[last - 1] == ',' && str_buf_add(&o, ",", 1)) ||
	    str_buf_add(&o, t + last, len - last)) {
		free(o.s);
		return NULL;
	}
	return o.s;
}
