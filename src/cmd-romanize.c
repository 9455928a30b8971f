/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-romanize.c: `yakugo romanize [OPTION]... [FILE]...`: Japanese text to romaji, one
 * output line per input line, streaming (memory bounded by the longest line). The
 * pipeline is romanize.h; --literal converts kana directly (romaji.h), without MeCab.
 * With --jobs N > 1, N threads romanize batches of lines (pipeline.h), each with its own
 * MeCab handle on the one dictionary and its own romanizer; output stays in input order. */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "i18n.h"
#include "lexicon.h"
#include "lines.h"
#include "morph.h"
#include "pipeline.h"
#include "romaji.h"
#include "romanize.h"
#include "status.h"
#include "text.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void print_help(void)
{
	printf(_("Usage: yakugo romanize [OPTION]... [FILE]...\n"));
	printf(_("Romanize Japanese text, one output line per input line (standard input when\n"
	         "no FILE is given). Words are read by MeCab, glossary terms are kept whole with\n"
	         "the glossary's romaji, and words are divided and capitalised as ALA-LC does.\n"
	         "A word that has no reading is written as it is (see --warn-unknown).\n"));
	printf("\n%s\n", _("Options:"));
	printf("      --literal        %s\n", _("convert kana letter by letter, without MeCab"));
	printf("      --system=S       %s\n", _("hepburn (default), traditional, kunrei, nihon,\n"
	       "                       passport, wapuro or cabinet2025"));
	printf("      --style=S        %s\n", _("alalc (default), spaced, title or slug"));
	printf("      --long=L         %s\n", _("long vowels: macron, circumflex, double, h or none"));
	printf("      --dicdir=DIR     %s\n", _("use the MeCab dictionary in DIR (ipadic, UniDic, JUMAN)"));
	printf("      --no-glossary    %s\n", _("do not use the glossary database"));
	printf("      --replace        %s\n", _("replace invalid UTF-8 with U+FFFD instead of stopping"));
	printf("      --warn-unknown   %s\n", _("report each word without a reading once on stderr"));
	printf("  -j, --jobs=N         %s\n", _("romanize with N threads (default: one per CPU, at most\n"
	       "                       4, one when reading a terminal or with --warn-unknown)"));
	printf("  -h, --help           %s\n", _("show this help and exit"));
	printf("\n%s\n", _("Exit status: 0 done, 2 usage error or invalid input (FILE:LINE is named),\n"
	                   "3 system error (no MeCab dictionary, a read or write error)."));
}

struct where {
	const char *name;
	size_t line;
};

static void report_unknown(const char *word, size_t len, void *arg)
{
	const struct where *w = arg;
	cli_warn(_("%s:%zu: no reading for '%.*s' (written as it is)"), w->name, w->line,
	         (int)len, word);
}

/* Copies s[0..len) into *buf with every ill-formed sequence replaced by U+FFFD. */
static int replace_invalid(const char *s, size_t len, char **buf, size_t *cap, size_t *out)
{
	size_t i = 0, n = 0;
	if (*cap < len * 3 + 1) {
		char *p = realloc(*buf, len * 3 + 1);
		if (!p)
			return -1;
		*buf = p;
		*cap = len * 3 + 1;
	}
	while (i < len) {
		size_t i0 = i;
		int32_t cp = text_next_cp(s, len, &i);
		if (cp < 0) {
			memcpy(*buf + n, "\xEF\xBF\xBD", 3);
			n += 3;
		} else {
			memcpy(*buf + n, s + i0, i - i0);
			n += i - i0;
		}
	}
	(*buf)[n] = '\0';
	*out = n;
	return 0;
}

/* One line through the romanizer ctx (pipeline_fn): the line's CR and newline are kept. */
static int romanize_line(void *ctx, const char *line, size_t len, int newline, FILE *out,
                         char **error)
{
	romanizer *r = ctx;
	int cr = len && line[len - 1] == '\r';
	if (romanize_write(r, line, len - (size_t)cr, out, error) != 0)
		return -1;
	if (cr)
		putc('\r', out);
	if (newline)
		putc('\n', out);
	return 0;
}

/* The default number of threads: one per CPU, at most 4. */
static long default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		return 1;
	return n > 4 ? 4 : n;
}

/* The first NUL or ROMAJI_MORPHEME_CHAR byte in s[0..n), or NULL. */
static const char *literal_stop(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] == '\0' || s[i] == ROMAJI_MORPHEME_CHAR)
			return s + i;
	return NULL;
}

/* Literal conversion of one line; NUL and U+001F bytes are copied through. *buf and
 * *cap: a buffer reused from line to line (the caller frees it). */
static int literal_line(const char *s, size_t len, romaji_system sys, romaji_long lng,
                        char **buf, size_t *cap)
{
	size_t pos = 0, n;
	int rc = romanize_literal_buf(s, len, sys, lng, buf, cap, &n);
	if (rc <= 0) {
		if (rc == 0)
			fwrite(*buf, 1, n, stdout);
		return rc;
	}
	while (pos <= len) {
		const char *nul = literal_stop(s + pos, len - pos);
		size_t seg = nul ? (size_t)(nul - (s + pos)) : len - pos;
		if (seg) {
			if (romanize_literal_buf(s + pos, seg, sys, lng, buf, cap, &n) != 0)
				return -1;
			fwrite(*buf, 1, n, stdout);
		}
		if (!nul)
			break;
		putchar(*nul);
		pos += seg + 1;
	}
	return 0;
}

/* Starts the threads of --jobs: r (already set up) is worker 0; the others get their
 * own MeCab handle on m's dictionary and their own romanizer with options o and the
 * glossary terms of lex (NULL: none), kept in wm[] and wr[] for the caller to free.
 * Returns the pipeline, or NULL with the error reported and *rc set. */
static pipeline *start_jobs(int jobs, morph *m, romanizer *r, const romanize_options *o,
                            lexicon *lex, morph **wm, romanizer **wr, int *rc)
{
	pipeline *pl;
	char *err = NULL;
	int w;
	wr[0] = r;
	for (w = 1; w < jobs; w++) {
		wm[w] = morph_open_shared(m, &err);
		if (!wm[w]) {
			*rc = cli_error(YK_SYSTEM, "%s", err);
			free(err);
			return NULL;
		}
		wr[w] = romanize_new(wm[w], o);
		if (!wr[w]) {
			*rc = cli_error(YK_SYSTEM, _("out of memory"));
			return NULL;
		}
		if (lex && romanize_load_lexicon(wr[w], lex, &err) != 0) {
			*rc = cli_error(YK_USAGE, "%s", err);
			free(err);
			return NULL;
		}
	}
	pl = pipeline_new((size_t)jobs, (void *const *)wr, romanize_line, stdout);
	if (!pl)
		*rc = cli_error(YK_SYSTEM, "%s", strerror(errno));
	return pl;
}

/* Reports the pipeline's failure; returns the exit status. */
static int pipeline_report(const pipeline *pl)
{
	const char *name = NULL, *msg = NULL;
	size_t line = 0;
	int e = 0;
	if (pipeline_failure(pl, &name, &line, &msg, &e)) {
		errno = e;
		return YK_SYSTEM; /* a write error: cli_finish reports it */
	}
	return cli_error(YK_SYSTEM, "%s:%zu: %s", name, line, msg);
}

int cmd_romanize(int argc, char **argv)
{
	enum { OPT_LITERAL = 256, OPT_SYSTEM, OPT_STYLE, OPT_LONG, OPT_DICDIR, OPT_REPLACE,
	       OPT_WARN, OPT_NOGLOSS };
	enum { MAX_JOBS = 64 };
	static const struct option longopts[] = {
		{ "literal", no_argument, NULL, OPT_LITERAL },
		{ "system", required_argument, NULL, OPT_SYSTEM },
		{ "style", required_argument, NULL, OPT_STYLE },
		{ "long", required_argument, NULL, OPT_LONG },
		{ "dicdir", required_argument, NULL, OPT_DICDIR },
		{ "replace", no_argument, NULL, OPT_REPLACE },
		{ "warn-unknown", no_argument, NULL, OPT_WARN },
		{ "no-glossary", no_argument, NULL, OPT_NOGLOSS },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	romanize_options o = { ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT, ROMANIZE_ALALC };
	int literal = 0, replace = 0, warn = 0, no_gloss = 0, opt, rc = YK_OK, fi;
	const char *dicdir = NULL;
	morph *m = NULL;
	romanizer *r = NULL;
	romanizer *wr[MAX_JOBS] = { NULL };
	morph *wm[MAX_JOBS] = { NULL };
	pipeline *pl = NULL;
	long jobs = 0;
	size_t seen = 0; /* bytes read before the threads start */
	int w;
	lexicon *lex = NULL;
	lines *in = NULL;
	char *err = NULL, *rbuf = NULL, *lbuf = NULL;
	size_t rcap = 0, lcap = 0;
	struct where where = { NULL, 0 };
	const char *stdin_only[] = { "-" };
	const char *const *files;
	int n_files;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
		switch (opt) {
		case OPT_LITERAL:
			literal = 1;
			break;
		case OPT_SYSTEM:
			if (romaji_system_parse(optarg, &o.sys) != 0)
				return cli_usage(_("unknown romanization system '%s'"), optarg);
			break;
		case OPT_STYLE:
			if (romanize_style_parse(optarg, &o.style) != 0)
				return cli_usage(_("unknown style '%s'"), optarg);
			break;
		case OPT_LONG:
			if (romaji_long_parse(optarg, &o.lng) != 0)
				return cli_usage(_("unknown long-vowel spelling '%s'"), optarg);
			break;
		case OPT_DICDIR:
			dicdir = optarg;
			break;
		case OPT_REPLACE:
			replace = 1;
			break;
		case OPT_WARN:
			warn = 1;
			break;
		case OPT_NOGLOSS:
			no_gloss = 1;
			break;
		case 'j': {
			char *end;
			errno = 0;
			jobs = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || jobs < 1 || jobs > MAX_JOBS)
				return cli_usage(_("--jobs wants a number from 1 to %d, not '%s'"),
				                 (int)MAX_JOBS, optarg);
			break;
		}
		case 'h':
			print_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "hj:", longopts);
		}
	}
	if (optind < argc) {
		files = (const char *const *)argv + optind;
		n_files = argc - optind;
	} else {
		files = stdin_only;
		n_files = 1;
	}

	if (!jobs)
		jobs = isatty(STDIN_FILENO) && optind >= argc ? 1 : default_jobs();
	if (literal || warn)
		jobs = 1; /* --literal is I/O-bound; warnings must name lines in order */

	if (!literal) {
		m = morph_open(dicdir, &err);
		if (!m) {
			rc = cli_error(dicdir ? YK_USAGE : YK_SYSTEM, "%s", err);
			goto done;
		}
		r = romanize_new(m, &o);
		if (!r) {
			rc = cli_error(YK_SYSTEM, _("out of memory"));
			goto done;
		}
		if (warn)
			romanize_set_unknown(r, report_unknown, &where);
		if (!no_gloss) {
			lex = lexicon_open(cli_db_path(), cli_user_db_path(), cli_system_db_path(),
			                   LEXICON_READONLY, &err);
			if (!lex) {
				/* a locked or unreadable database is a system error, a damaged one bad data */
				rc = cli_error(lexicon_error_is_system() ? YK_SYSTEM : YK_USAGE,
				               _("%s (use --no-glossary to romanize without it)"), err);
				goto done;
			}
			if (romanize_load_lexicon(r, lex, &err) != 0) {
				rc = cli_error(YK_USAGE, "%s", err);
				goto done;
			}
		}
		if (jobs == 1) {
			lexicon_close(lex);
			lex = NULL;
		}
	}
	for (fi = 0; fi < n_files && rc == YK_OK; fi++) {
		char *line;
		size_t len;
		int got;
		in = lines_open(files[fi]);
		if (!in) {
			rc = cli_error(YK_SYSTEM, _("%s: %s"), files[fi], strerror(errno));
			goto done;
		}
		where.name = lines_name(in);
		while ((got = lines_next(in, &line, &len)) == 1) {
			size_t bad, cr = 0;
			where.line = lines_number(in);
			if (text_utf8_check(line, len, &bad) != 0) {
				if (!replace) {
					/* the lines before it are written first */
					if (pl && pipeline_drain(pl) != 0) {
						rc = pipeline_report(pl);
						goto done;
					}
					rc = cli_error(YK_USAGE, _("%s:%zu: invalid UTF-8 at byte %zu"),
					               where.name, where.line, bad + 1);
					goto done;
				}
				if (replace_invalid(line, len, &rbuf, &rcap, &len) != 0) {
					rc = cli_error(YK_SYSTEM, _("out of memory"));
					goto done;
				}
				line = rbuf;
			}
			/* threads start once the input is more than one batch: a short input is
			 * not worth their start-up */
			if (jobs > 1 && !pl && !literal && (seen += len + 1) > PIPELINE_BATCH) {
				pl = start_jobs((int)jobs, m, r, &o, lex, wm, wr, &rc);
				if (!pl)
					goto done;
				lexicon_close(lex);
				lex = NULL;
			}
			if (pl) {
				if (pipeline_add(pl, line, len, lines_had_newline(in), where.name,
				                 where.line) != 0) {
					rc = pipeline_report(pl);
					goto done;
				}
				continue;
			}
			if (len && line[len - 1] == '\r')
				cr = 1;
			if (literal) {
				if (literal_line(line, len - cr, o.sys, o.lng, &lbuf, &lcap) != 0) {
					rc = cli_error(YK_SYSTEM, _("out of memory"));
					goto done;
				}
			} else if (romanize_write(r, line, len - cr, stdout, &err) != 0) {
				rc = cli_error(YK_SYSTEM, "%s:%zu: %s", where.name, where.line, err);
				goto done;
			}
			if (cr)
				putchar('\r');
			if (lines_had_newline(in))
				putchar('\n');
			if (ferror(stdout)) {
				rc = YK_SYSTEM; /* cli_finish reports the write error */
				goto done;
			}
		}
		if (got < 0) {
			int e = errno;
			if (pl && pipeline_drain(pl) != 0) {
				rc = pipeline_report(pl);
				goto done;
			}
			rc = cli_error(YK_SYSTEM, _("%s: %s"), where.name, strerror(e));
			goto done;
		}
		/* every line of this input is written before its name is freed */
		if (pl && pipeline_drain(pl) != 0) {
			rc = pipeline_report(pl);
			goto done;
		}
		lines_close(in);
		in = NULL;
	}
done:
	pipeline_free(pl);
	for (w = 1; w < MAX_JOBS; w++) {
		romanize_free(wr[w]);
		morph_close(wm[w]);
	}
	lines_close(in);
	free(rbuf);
	free(lbuf);
	free(err);
	lexicon_close(lex);
	romanize_free(r);
	morph_close(m);
	return rc;
}
