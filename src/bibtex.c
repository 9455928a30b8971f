/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bibtex.c: BibTeX through btparse (see bibtex.h), with btparse contained in a child
 * process.
 *
 * Why contained and not replaced: btparse is the parser behind Text::BibTeX and so
 * behind biber; "btparse accepts it" is the same test the user's own toolchain applies
 * later, which a reader of our own could only imitate. But btparse can end the process:
 * it calls exit() from its usage_error (`@t""{}`), it hands input text to its error
 * reporter as a printf format (`@m{{%s%s...}}` crashes, `%n` aborts), and some inputs
 * crash it in strlen. So btparse runs only in a child process (forked on first use,
 * stdin/stdout/stderr on /dev/null) that validates one entry per request over a socket
 * pair. An entry the child rejects, crashes or hangs on (BIBTEX_WAIT_MS) is reported by
 * the caller and passed through; the child is replaced after every entry it did not
 * accept, since btparse's error path is where input can overwrite memory (%n), so every
 * entry is judged by a child that has only ever seen valid entries. A crash costs one
 * entry, never the run.
 *
 * btparse gives no byte positions, so field values are located in the entry text by the
 * same grammar (name = {..} | ".." | number | macro, joined by #), which btparse has
 * just accepted. The month macros of the standard styles (jan ... dec) are defined in
 * the child: btparse leaks a small string for every use of an undefined macro. */
#include "config.h"

#include "bibtex.h"
#include "str.h"
#include "text.h"

#include <btparse.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* How long the child may take over one entry before it is killed (btparse is linear;
 * a megabyte entry takes milliseconds). */
#define BIBTEX_WAIT_MS 10000

struct bibtex_reader {
	FILE *fp;
	char *name;
	char *buf;
	size_t cap, len;
	size_t line;      /* line of the next byte to read */
	int pending;      /* a byte read ahead, or EOF/-2 for none */
	pid_t child;      /* the btparse process, or 0 */
	int sock;         /* our end of its socket pair, or -1 */
};

bibtex_reader *bibtex_open(FILE *fp, const char *name)
{
	bibtex_reader *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->fp = fp;
	r->name = strdup(name ? name : "<stdin>");
	r->line = 1;
	r->pending = -2;
	r->sock = -1;
	if (!r->name) {
		free(r);
		return NULL;
	}
	return r;
}

/* Ends the child (killed if still running) and reaps it. */
static void stop_child(bibtex_reader *r)
{
	if (r->sock >= 0)
		close(r->sock);
	r->sock = -1;
	if (r->child > 0) {
		int status;
		kill(r->child, SIGKILL);
		while (waitpid(r->child, &status, 0) < 0 && errno == EINTR)
			;
	}
	r->child = 0;
}

void bibtex_close(bibtex_reader *r)
{
	if (!r)
		return;
	stop_child(r);
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

/* Reads or writes exactly n bytes; 0, or -1 on an error or end of file. */
static int read_all(int fd, void *p, size_t n)
{
	char *b = p;
	while (n > 0) {
		ssize_t k = read(fd, b, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		b += k;
		n -= (size_t)k;
	}
	return 0;
}

static int send_all(int fd, const void *p, size_t n)
{
	const char *b = p;
	while (n > 0) {
		ssize_t k = send(fd, b, n, MSG_NOSIGNAL);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		b += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Registered in the child: btparse's exit() ends the child here, before the C library
 * closes the streams inherited from the parent (closing a read stream moves the file
 * offset that parent and child share, and the parent would read its input again). */
static void child_exit_now(void)
{
	_exit(1);
}

/* The child: requests are uint32 line, uint32 length, the entry; the answer is one
 * byte, 1 accepted, 0 rejected (then the child ends). Never returns. */
static void child_main(int fd, const char *name, int input)
{
	static const char *months[12][2] = {
		{ "jan", "January" }, { "feb", "February" }, { "mar", "March" },
		{ "apr", "April" }, { "may", "May" }, { "jun", "June" }, { "jul", "July" },
		{ "aug", "August" }, { "sep", "September" }, { "oct", "October" },
		{ "nov", "November" }, { "dec", "December" }
	};
	char *fname = strdup(name);
	int m, null = open("/dev/null", O_RDWR);
	atexit(child_exit_now);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		if (input > 2)
			dup2(null, input); /* the parent's input is none of the child's business */
		if (null > 2)
			close(null);
	}
	bt_initialize();
	for (m = 0; m < 12; m++)
		bt_add_macro_text((char *)months[m][0], (char *)months[m][1], NULL, 0);
	for (;;) {
		uint32_t head[2];
		char *text, ok;
		boolean status = 0;
		AST *ast;
		if (read_all(fd, head, sizeof head) != 0)
			_exit(0);
		text = malloc((size_t)head[1] + 1);
		if (!text || read_all(fd, text, head[1]) != 0)
			_exit(0);
		text[head[1]] = '\0';
		ast = bt_parse_entry_s(text, fname, (int)head[0], BTO_MINIMAL, &status);
		ok = ast != NULL && status;
		if (ast)
			bt_free_ast(ast);
		bt_parse_entry_s(NULL, NULL, 0, 0, NULL); /* reset btparse's entry state */
		free(text);
		if (send_all(fd, &ok, 1) != 0 || !ok)
			_exit(0);
	}
}

/* Starts the child. 0, or -1 (fork or socketpair failed). */
static int start_child(bibtex_reader *r)
{
	int sv[2];
	pid_t pid;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return -1;
	fflush(NULL); /* nothing buffered may be written twice by the child's exit() */
	pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if (pid == 0) {
		close(sv[0]);
		child_main(sv[1], r->name, fileno(r->fp));
	}
	close(sv[1]);
	r->child = pid;
	r->sock = sv[0];
	return 0;
}

/* Whether btparse accepts the entry in buf: 1 yes, 0 no (rejected, or btparse crashed
 * or hung on it), -1 when no child could be started. */
static int valid_entry(bibtex_reader *r, size_t line)
{
	uint32_t head[2];
	struct pollfd pfd;
	char ok = 0;
	int n;
	if (r->len > UINT32_MAX || memchr(r->buf, '\0', r->len))
		return 0;
	if (!r->child && start_child(r) != 0)
		return -1;
	head[0] = line > INT32_MAX ? INT32_MAX : (uint32_t)line;
	head[1] = (uint32_t)r->len;
	pfd.fd = r->sock;
	pfd.events = POLLIN;
	if (send_all(r->sock, head, sizeof head) != 0 || send_all(r->sock, r->buf, r->len) != 0)
		goto dead;
	do
		n = poll(&pfd, 1, BIBTEX_WAIT_MS);
	while (n < 0 && errno == EINTR);
	if (n <= 0 || read_all(r->sock, &ok, 1) != 0)
		goto dead;
	if (!ok)
		stop_child(r); /* it ends itself; a fresh one judges the next entry */
	return ok ? 1 : 0;
dead:
	stop_child(r);
	return 0;
}

int bibtex_next(bibtex_reader *r, const char **text, size_t *len, size_t *line,
                enum bibtex_chunk *kind)
{
	int c, depth = 0, open = 0, close = 0, started = 0, interrupted = 0, toolong = 0;
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
			if (r->len >= BIBTEX_MAX_CHUNK)
				break; /* the rest is another chunk of text */
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
		if (r->len >= BIBTEX_MAX_CHUNK) {
			toolong = 1;
			break;
		}
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
	if (toolong)
		*kind = BIBTEX_TOOLONG;
	else if (interrupted)
		*kind = BIBTEX_BAD;
	else if (!started || depth != 0)
		*kind = BIBTEX_TRUNCATED;
	else {
		int v = valid_entry(r, *line);
		if (v < 0)
			return -1;
		*kind = v ? BIBTEX_ENTRY : BIBTEX_BAD;
	}
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

/* ---- braces: structure the normaliser does not see ----------------------------------
 * A value's braces protect case ({AI}) or make a name corporate ({Keizai Sangyosho}).
 * The normaliser gets the text without them; its result is aligned with that text code
 * point by code point (longest common subsequence of the part between the common prefix
 * and suffix) and every brace goes back between the same characters. A brace that falls
 * inside a changed stretch has no place to go: the value is then left as it was. */

/* The longest middle (in code points) that is aligned; a longer one with a brace inside
 * is left as it was. */
#define ALIGN_MAX 1024

typedef struct brace {
	size_t at; /* code point index of the plain text before which it stood */
	char c;
} brace;

/* Code point starts of s[0..n): *v (malloc'd) gets n+1 entries at most; returns the count
 * (the last entry is n). */
static size_t cp_starts(const char *s, size_t n, size_t **v)
{
	size_t i = 0, k = 0;
	*v = malloc((n + 1) * sizeof **v);
	if (!*v)
		return (size_t)-1;
	while (i < n) {
		(*v)[k++] = i;
		text_next_cp(s, n, &i);
	}
	(*v)[k] = n;
	return k;
}

static int cp_eq(const char *a, const size_t *ao, size_t i, const char *b, const size_t *bo, size_t j)
{
	size_t la = ao[i + 1] - ao[i], lb = bo[j + 1] - bo[j];
	return la == lb && !memcmp(a + ao[i], b + bo[j], la);
}

/* The case of the code point s[0..n): 1 upper, -1 lower, 0 neither (or out of memory). */
static int case_of(const char *s, size_t n)
{
	char *up = text_upper(s, n), *low = text_casefold(s, n);
	int c = 0;
	if (up && low && strcmp(up, low)) {
		if (strlen(up) == n && !memcmp(up, s, n))
			c = 1;
		else if (strlen(low) == n && !memcmp(low, s, n))
			c = -1;
	}
	free(up);
	free(low);
	return c;
}

/* Appends the replacement r[0..rn) of p[0..pn) inside a protected group ({...}): its
 * first letter keeps the case of p's first letter (BibTeX styles do not change the case
 * of protected text, so neither does the normaliser). 0, or -1 when out of memory. */
static int add_keeping_case(str_buf *o, const char *p, size_t pn, const char *r, size_t rn)
{
	size_t pi = 0, ri = 0;
	int pc, rc;
	char *fixed;
	if (!pn || !rn)
		return str_buf_add(o, r, rn);
	text_next_cp(p, pn, &pi);
	text_next_cp(r, rn, &ri);
	pc = case_of(p, pi);
	rc = case_of(r, ri);
	if (!pc || !rc || pc == rc)
		return str_buf_add(o, r, rn);
	fixed = pc > 0 ? text_upper(r, ri) : text_casefold(r, ri);
	if (!fixed)
		return -1;
	rc = str_buf_add(o, fixed, strlen(fixed)) || str_buf_add(o, r + ri, rn - ri) ? -1 : 0;
	free(fixed);
	return rc;
}

/* Writes rep with the braces of the plain text put back (see above). Returns 0, 1 when a
 * brace has no place (nothing written), or -1 when out of memory. */
static int put_braces(str_buf *o, const char *plain, size_t pn, const char *rep, size_t rn,
                      const brace *br, size_t nb)
{
	size_t *po = NULL, *ro = NULL, np, nr, pre = 0, suf = 0, i, j, k = 0, mp, mr;
	uint16_t *dp = NULL;
	char *ops = NULL; /* 'm' match, 'd' plain only, 'i' rep only */
	size_t nops = 0;
	int rc = -1;
	np = cp_starts(plain, pn, &po);
	nr = cp_starts(rep, rn, &ro);
	if (np == (size_t)-1 || nr == (size_t)-1)
		goto done;
	while (pre < np && pre < nr && cp_eq(plain, po, pre, rep, ro, pre))
		pre++;
	while (suf < np - pre && suf < nr - pre && cp_eq(plain, po, np - 1 - suf, rep, ro, nr - 1 - suf))
		suf++;
	mp = np - pre - suf;
	mr = nr - pre - suf;
	ops = malloc(np + nr + 1);
	if (!ops)
		goto done;
	for (i = 0; i < pre; i++)
		ops[nops++] = 'm';
	if (mp && mr) {
		int inside = 0;
		for (k = 0; k < nb; k++)
			if (br[k].at > pre && br[k].at < pre + mp)
				inside = 1;
		if (!inside) {
			for (i = 0; i < mp; i++)
				ops[nops++] = 'd';
			for (j = 0; j < mr; j++)
				ops[nops++] = 'i';
		} else if (mp > ALIGN_MAX || mr > ALIGN_MAX) {
			rc = 1;
			goto done;
		} else {
			/* dp[i][j]: LCS of the middles' suffixes from i and j */
			size_t w = mr + 1;
			dp = calloc((mp + 1) * w, sizeof *dp);
			if (!dp)
				goto done;
			for (i = mp; i-- > 0;)
				for (j = mr; j-- > 0;)
					dp[i * w + j] = cp_eq(plain, po, pre + i, rep, ro, pre + j)
					                ? (uint16_t)(dp[(i + 1) * w + j + 1] + 1)
					                : dp[(i + 1) * w + j] > dp[i * w + j + 1] ? dp[(i + 1) * w + j]
					                                                          : dp[i * w + j + 1];
			i = j = 0;
			while (i < mp || j < mr) {
				if (i < mp && j < mr && cp_eq(plain, po, pre + i, rep, ro, pre + j) &&
				    dp[i * w + j] == dp[(i + 1) * w + j + 1] + 1) {
					ops[nops++] = 'm';
					i++;
					j++;
				} else if (i < mp && (j >= mr || dp[(i + 1) * w + j] >= dp[i * w + j + 1])) {
					ops[nops++] = 'd';
					i++;
				} else {
					ops[nops++] = 'i';
					j++;
				}
			}
		}
	} else {
		for (i = 0; i < mp; i++)
			ops[nops++] = 'd';
		for (j = 0; j < mr; j++)
			ops[nops++] = 'i';
	}
	for (i = 0; i < suf; i++)
		ops[nops++] = 'm';
	/* replay: hunks are runs of d/i between matches */
	{
		str_buf out = { NULL, 0, 0 };
		size_t op = 0;
		int depth = 0;
		i = j = k = 0;
		if (str_buf_add(&out, "", 0))
			goto done;
		while (op <= nops) {
			if (op == nops || ops[op] == 'm') {
				/* braces standing right here, between two matched characters */
				while (k < nb && br[k].at == i) {
					depth += br[k].c == '{' ? 1 : -1;
					if (str_buf_add(&out, &br[k++].c, 1))
						goto oom_out;
				}
				if (op == nops)
					break;
				if (str_buf_add(&out, rep + ro[j], ro[j + 1] - ro[j]))
					goto oom_out;
				i++;
				j++;
				op++;
			} else {
				size_t a = i, b = i, c = j, d = j, e;
				while (op < nops && ops[op] != 'm') {
					if (ops[op] == 'd')
						b++;
					else
						d++;
					op++;
				}
				while (k < nb && br[k].at == a && (a < b || br[k].c == '}')) {
					depth += br[k].c == '{' ? 1 : -1;
					if (str_buf_add(&out, &br[k++].c, 1))
						goto oom_out;
				}
				if (k < nb && br[k].at > a && br[k].at < b) {
					free(out.s);
					rc = 1;
					goto done;
				}
				if (depth > 0 ? add_keeping_case(&out, plain + po[a], po[b] - po[a], rep + ro[c],
				                                 ro[d] - ro[c])
				              : str_buf_add(&out, rep + ro[c], ro[d] - ro[c]))
					goto oom_out;
				if (a == b) /* an insertion: an opening brace after it */
					while (k < nb && br[k].at == a) {
						depth += br[k].c == '{' ? 1 : -1;
						if (str_buf_add(&out, &br[k++].c, 1))
							goto oom_out;
					}
				e = b;
				i = e;
				j = d;
			}
		}
		if (str_buf_add(o, out.s, out.n)) {
		oom_out:
			free(out.s);
			goto done;
		}
		free(out.s);
	}
	rc = 0;
done:
	free(po);
	free(ro);
	free(dp);
	free(ops);
	return rc;
}

/* Hands one piece v[0..n) (a whole value, or one name of a list) to fix, without its
 * braces, and writes the result with them. A piece that is one brace group {...} is a
 * corporate name in a name list: it is read as a value, not a personal name. */
static int fix_piece(str_buf *o, const char *v, size_t n, enum cite_field kind, size_t line,
                     cite_fix_fn *fix, void *arg)
{
	str_buf plain = { NULL, 0, 0 };
	brace *br = NULL;
	size_t nb = 0, i, cps = 0;
	char *rep = NULL;
	int rc = -1, depth = 0, whole = n >= 2 && v[0] == '{';
	if (!memchr(v, '{', n) && !memchr(v, '}', n)) {
		if (fix(arg, v, n, line, kind, &rep))
			return -1;
		rc = rep ? str_buf_add(o, rep, strlen(rep)) : str_buf_add(o, v, n);
		free(rep);
		return rc;
	}
	br = malloc(n * sizeof *br);
	if (!br || str_buf_add(&plain, "", 0))
		goto done;
	for (i = 0; i < n;) {
		if (v[i] == '{' || v[i] == '}') {
			depth += v[i] == '{' ? 1 : -1;
			if (depth == 0 && i + 1 < n)
				whole = 0; /* the first group closes before the end */
			br[nb].at = cps;
			br[nb++].c = v[i++];
			continue;
		}
		{
			size_t b = i;
			text_next_cp(v, n, &i);
			if (str_buf_add(&plain, v + b, i - b))
				goto done;
			cps++;
		}
	}
	if (whole && kind == CITE_FIELD_NAME)
		kind = CITE_FIELD_VALUE;
	if (fix(arg, plain.s, plain.n, line, kind, &rep))
		goto done;
	if (rep) {
		size_t at = o->n;
		rc = put_braces(o, plain.s, plain.n, rep, strlen(rep), br, nb);
		if (rc == 1) { /* a brace inside a changed stretch: leave the piece */
			o->n = at;
			rc = str_buf_add(o, v, n);
		}
	} else
		rc = str_buf_add(o, v, n);
done:
	free(rep);
	free(br);
	free(plain.s);
	return rc;
}

/* Hands v[0..n) to fix (names: each name between " and " at brace depth 0 apart) and
 * writes the result. */
static int fix_value(str_buf *o, const char *v, size_t n, int names, size_t line,
                     cite_fix_fn *fix, void *arg)
{
	size_t p = 0;
	if (memchr(v, '\\', n))
		return str_buf_add(o, v, n);
	while (p < n) {
		size_t q = n;
		if (names) {
			size_t k;
			int depth = 0;
			for (k = p; k < n; k++) {
				if (v[k] == '{')
					depth++;
				else if (v[k] == '}')
					depth--;
				else if (depth == 0 && k + 5 <= n && !strncasecmp(v + k, " and ", 5)) {
					q = k;
					break;
				}
			}
		}
		if (fix_piece(o, v + p, q - p, names ? CITE_FIELD_NAME : CITE_FIELD_VALUE, line, fix, arg))
			return -1;
		if (q < n && str_buf_add(o, v + q, 5))
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
