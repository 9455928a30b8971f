/* cmd-romanize.c: `yakugo romanize [OPTION]... [FILE]...`: Japanese text to romaji, one
 * output line per input line, streaming (memory bounded by the longest line). The
 * pipeline is romanize.h; --literal converts kana directly (romaji.h), without MeCab. */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "i18n.h"
#include "lexicon.h"
#include "lines.h"
#include "morph.h"
#include "romaji.h"
#include "romanize.h"
#include "status.h"
#include "text.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Literal conversion of one line; NUL bytes are copied through. *buf and *cap: a
 * buffer reused from line to line (the caller frees it). */
static int literal_line(const char *s, size_t len, romaji_system sys, romaji_long lng,
                        char **buf, size_t *cap)
{
	size_t pos = 0, n;
	while (pos <= len) {
		const char *nul = memchr(s + pos, '\0', len - pos);
		size_t seg = nul ? (size_t)(nul - (s + pos)) : len - pos;
		if (seg) {
			if (romanize_literal_buf(s + pos, seg, sys, lng, buf, cap, &n) != 0)
				return -1;
			fwrite(*buf, 1, n, stdout);
		}
		if (!nul)
			break;
		putchar('\0');
		pos += seg + 1;
	}
	return 0;
}

int cmd_romanize(int argc, char **argv)
{
	enum { OPT_LITERAL = 256, OPT_SYSTEM, OPT_STYLE, OPT_LONG, OPT_DICDIR, OPT_REPLACE,
	       OPT_WARN, OPT_NOGLOSS };
	static const struct option longopts[] = {
		{ "literal", no_argument, NULL, OPT_LITERAL },
		{ "system", required_argument, NULL, OPT_SYSTEM },
		{ "style", required_argument, NULL, OPT_STYLE },
		{ "long", required_argument, NULL, OPT_LONG },
		{ "dicdir", required_argument, NULL, OPT_DICDIR },
		{ "replace", no_argument, NULL, OPT_REPLACE },
		{ "warn-unknown", no_argument, NULL, OPT_WARN },
		{ "no-glossary", no_argument, NULL, OPT_NOGLOSS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	romanize_options o = { ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT, ROMANIZE_ALALC };
	int literal = 0, replace = 0, warn = 0, no_gloss = 0, opt, rc = YK_OK, fi;
	const char *dicdir = NULL;
	morph *m = NULL;
	romanizer *r = NULL;
	lexicon *lex = NULL;
	lines *in = NULL;
	char *err = NULL, *rbuf = NULL, *lbuf = NULL;
	size_t rcap = 0, lcap = 0;
	struct where where = { NULL, 0 };
	const char *stdin_only[] = { "-" };
	const char *const *files;
	int n_files;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
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
		case 'h':
			print_help();
			return YK_OK;
		default:
			if (optopt)
				return cli_usage(_("invalid option for romanize: '%s'"), argv[optind - 1]);
			return cli_usage(_("unknown option for romanize: '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc) {
		files = (const char *const *)argv + optind;
		n_files = argc - optind;
	} else {
		files = stdin_only;
		n_files = 1;
	}

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
			lex = lexicon_open(cli_db_path(), cli_user_db_path(), LEXICON_READONLY, &err);
			if (!lex) {
				rc = cli_error(YK_USAGE, _("%s (use --no-glossary to romanize without it)"),
				               err);
				goto done;
			}
			if (romanize_load_lexicon(r, lex, &err) != 0) {
				rc = cli_error(YK_USAGE, "%s", err);
				goto done;
			}
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
			rc = cli_error(YK_SYSTEM, _("%s: %s"), where.name, strerror(errno));
			goto done;
		}
		lines_close(in);
		in = NULL;
	}
done:
	lines_close(in);
	free(rbuf);
	free(lbuf);
	free(err);
	lexicon_close(lex);
	romanize_free(r);
	morph_close(m);
	return rc;
}
