/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-lookup.c: `yakugo lookup [--format text|json|tsv] [--limit N] [--exact] QUERY...`:
 * finds terms in the seed and user databases by written form, kana, romaji in any
 * system, English or wildcard, and prints each with its four faces (lexicon.c ranks
 * them: see "Ranking" there). The words of QUERY are one query ("Cabinet Office"). */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "glossary.h"
#include "i18n.h"
#include "lexicon.h"
#include "status.h"
#include "lines.h"
#include "text.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_TSV };

static void print_help(void)
{
	printf(_("Usage: yakugo lookup [--format text|json|tsv] [--limit N] [--exact] QUERY...\n"));
	printf(_("Find terms by their written form, kana (hiragana, katakana or half-width),\n"
	         "romaji in any system (with or without macrons; case, spaces and hyphens do\n"
	         "not matter) or English name or abbreviation. Misspellings are found too,\n"
	         "unless --exact. '*' and '?' are wildcards in any script.\n"));
	printf(_("QUERY - reads one query a line from standard input and answers each in turn\n"
	         "(text: under a '==> QUERY <==' heading; JSON: every result carries its \"query\";\n"
	         "TSV: a query column first).\n"));
	printf("\n%s\n", _("Options:"));
	printf("  -f, --format FMT  %s\n", _("text (default), json (JSON Lines) or tsv"));
	printf("  -n, --limit N     %s\n", _("print at most N results (default 20)"));
	printf("  -e, --exact       %s\n", _("exact matches only: no normalised or fuzzy ones"));
	printf("      --color[=WHEN] %s\n", _("colour the text output: auto (default), always or never"));
	printf("  -h, --help        %s\n", _("show this help and exit"));
	printf("\n%s\n", _("Examples:"));
	printf("  yakugo lookup Keizai Sangyosho\n");
	printf("  yakugo lookup 'Kēzai sangyōshō'\n");
	printf("  yakugo lookup --format json METI\n");
	printf("  yakugo lookup '毎日*'\n");
	printf("  printf 'METI\\nKeidanren\\n' | yakugo lookup --format json -\n");
	printf("\n%s\n", _("Exit status: 0 found, 1 nothing found, 2 usage error, invalid query or\n"
	                   "missing or damaged database, 3 system error."));
}

static const char *origin_name(lexicon_origin o)
{
	switch (o) {
	case LEXICON_SEED: return "seed";
	case LEXICON_USER: return "user";
	case LEXICON_TSV: return "tsv";
	case LEXICON_EDICT: return "edict";
	case LEXICON_ENAMDICT: return "enamdict";
	}
	return "unknown";
}

/* ---- JSON Lines ----------------------------------------------------------------- */

static void json_str(const char *s)
{
	putchar('"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void json_opt(const char *key, const char *s)
{
	printf(",\"%s\":", key);
	if (s && *s)
		json_str(s);
	else
		fputs("null", stdout);
}

static void json_list(const char *key, char **v, size_t n)
{
	size_t i;
	printf(",\"%s\":[", key);
	for (i = 0; i < n; i++) {
		if (i)
			putchar(',');
		json_str(v[i]);
	}
	putchar(']');
}

/* One result as a JSON object on a line; query (NULL: none) is the query it answers,
 * written first (lookup -, where the queries are many). */
static void print_json(const lexicon_result *r, const char *query)
{
	const lexicon_entry *e = &r->entry;
	size_t i;
	if (query) {
		fputs("{\"query\":", stdout);
		json_str(query);
		fputs(",\"ja\":", stdout);
	} else
		fputs("{\"ja\":", stdout);
	json_str(e->ja);
	fputs(",\"kana\":", stdout);
	json_str(e->kana);
	fputs(",\"romaji\":", stdout);
	json_str(e->romaji);
	json_list("en", e->en, e->n_en);
	fputs(",\"type\":", stdout);
	json_str(e->type);
	printf(",\"origin\":\"%s\",\"match\":\"%s\",\"score\":%.1f,\"distance\":%d",
	       origin_name(e->origin), r->match, r->score, r->distance);
	json_opt("market", e->market);
	json_list("variants", e->variants, e->n_variants);
	json_opt("note", e->note);
	json_opt("footnotes", e->footnotes);
	printf(",\"common\":%s", e->common ? "true" : "false");
	/* every source of the word, this entry first, each with its own senses */
	fputs(",\"sources\":[", stdout);
	for (i = 0; i <= r->n_also; i++) {
		const lexicon_entry *x = i ? &r->also[i - 1] : e;
		printf("%s{\"origin\":\"%s\",\"type\":", i ? "," : "", origin_name(x->origin));
		json_str(x->type);
		json_list("en", x->en, x->n_en);
		json_opt("note", x->note);
		printf(",\"common\":%s}", x->common ? "true" : "false");
	}
	fputs("]}\n", stdout);
}

/* ---- TSV (the glossary's own columns, so results can be imported again) ---------- */

static void tsv_field(const char *s)
{
	for (; s && *s; s++)
		putchar(*s == '\t' || *s == '\n' ? ' ' : *s);
}

static void tsv_list(char **v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (i)
			fputs(" | ", stdout);
		tsv_field(v[i]);
	}
}

static void print_tsv(const lexicon_result *r)
{
	const lexicon_entry *e = &r->entry;
	tsv_field(e->ja);
	putchar('\t');
	tsv_field(e->kana);
	putchar('\t');
	tsv_field(e->romaji);
	putchar('\t');
	tsv_field(e->type);
	putchar('\t');
	tsv_list(e->en, e->n_en);
	putchar('\t');
	tsv_field(e->market);
	putchar('\t');
	tsv_list(e->variants, e->n_variants);
	putchar('\t');
	tsv_field(e->footnotes);
	putchar('\t');
	tsv_field(e->note);
	putchar('\n');
}

/* ---- text --------------------------------------------------------------------------- */

#define MAX_COL 40 /* columns wider than this are not padded to */

static int width(const char *s)
{
	return s ? text_width(s, strlen(s)) : 0;
}

/* Prints s padded with spaces to w display columns, in colour sgr when color. */
static void cell(const char *s, int w, const char *sgr, int color)
{
	int pad = w - width(s);
	if (color)
		printf("\033[%sm%s\033[0m", sgr, s);
	else
		fputs(s, stdout);
	while (pad-- > 0)
		putchar(' ');
	fputs("  ", stdout);
}

/* Whether s is one of the n strings of v. */
static int listed(const char *s, char **v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(s, v[i]) == 0)
			return 1;
	return 0;
}

/* Whether the origin of r's also entry j is r's own or an earlier also entry's. */
static int origin_listed(const lexicon_result *r, size_t j)
{
	size_t k;
	if (r->also[j].origin == r->entry.origin)
		return 1;
	for (k = 0; k < j; k++)
		if (r->also[k].origin == r->also[j].origin)
			return 1;
	return 0;
}

static void print_text(const lexicon_result *r, size_t n, int color)
{
	int w[3] = { 0, 0, 0 };
	size_t i, j;
	for (i = 0; i < n; i++) {
		const lexicon_entry *e = &r[i].entry;
		const char *f[3] = { *e->ja ? e->ja : "-", e->kana, e->romaji };
		for (j = 0; j < 3; j++) {
			int x = width(f[j]);
			if (x > w[j] && x <= MAX_COL)
				w[j] = x;
		}
	}
	for (i = 0; i < n; i++) {
		const lexicon_entry *e = &r[i].entry;
		cell(*e->ja ? e->ja : "-", w[0], "1", color);
		cell(e->kana, w[1], "32", color);
		cell(e->romaji, w[2], "36", color);
		for (j = 0; j < e->n_en; j++)
			printf("%s%s", j ? "; " : "", e->en[j]);
		if (e->market && !listed(e->market, e->en, e->n_en))
			printf("%s%s", e->n_en ? "; " : "", e->market);
		if (color)
			fputs("  \033[2m", stdout);
		else
			fputs("  ", stdout);
		printf("[%s, %s", e->type, origin_name(e->origin));
		for (j = 0; j < r[i].n_also; j++) /* the other sources of the same word */
			if (!origin_listed(&r[i], j))
				printf("+%s", origin_name(r[i].also[j].origin));
		if (r[i].distance)
			printf(", %s %d]", r[i].match, r[i].distance);
		else
			printf(", %s]", r[i].match);
		if (color)
			fputs("\033[0m", stdout);
		putchar('\n');
		/* their senses, one line each, under the result */
		for (j = 0; j < r[i].n_also; j++) {
			const lexicon_entry *x = &r[i].also[j];
			size_t k;
			printf("    %s %s:", origin_name(x->origin), x->type);
			for (k = 0; k < x->n_en; k++)
				printf("%s%s", k ? "; " : " ", x->en[k]);
			putchar('\n');
		}
	}
}

/* Looks query up and prints its results in format; batch: one of many queries (text: a
 * "==> QUERY <==" heading first; TSV: a query column first, the header written once).
 * *found gets the number of results. Returns 0, or -1 after reporting a database
 * error (its status: lexicon_error_is_system). */
static int answer(lexicon *lex, const char *query, const lexicon_query *q, enum format format,
                  int batch, size_t *found)
{
	static int header_done;
	lexicon_result *res = NULL;
	char *error = NULL;
	size_t n = 0, i;
	*found = 0;
	if (lexicon_search(lex, query, q, &res, &n, &error) != 0) {
		cli_error(lexicon_error_is_system() ? YK_SYSTEM : YK_USAGE, "%s",
		          error ? error : _("search failed"));
		free(error);
		return -1;
	}
	if (format == FORMAT_TEXT) {
		if (batch)
			printf("%s==> %s <==\n", header_done++ ? "\n" : "", query);
		print_text(res, n, cli_color(stdout));
	} else if (format == FORMAT_TSV && n > 0 && !header_done++)
		printf("%s%s\n", batch ? "query\t" : "", glossary_header);
	for (i = 0; i < n; i++) {
		if (format == FORMAT_JSON)
			print_json(&res[i], batch ? query : NULL);
		else if (format == FORMAT_TSV) {
			if (batch) {
				tsv_field(query);
				putchar('\t');
			}
			print_tsv(&res[i]);
		}
	}
	lexicon_results_free(res, n);
	*found = n;
	return 0;
}

/* `lookup -`: one query a line of standard input, each answered in turn from this one
 * process. A line that is not valid UTF-8 (or holds a NUL) is reported as
 * <stdin>:LINE and skipped; empty lines are skipped. Returns the exit status: 0 when
 * some query found something, 1 when none did, 2 after a bad line, 3 on a system error. */
static int answer_lines(lexicon *lex, const lexicon_query *q, enum format format)
{
	lines *in = lines_from_stream(stdin, "<stdin>");
	char *line;
	size_t len, found, total = 0, bad;
	int got, rc = YK_OK, any = 0;
	if (!in)
		return cli_error(YK_SYSTEM, _("out of memory"));
	while ((got = lines_next(in, &line, &len)) == 1) {
		if (len && line[len - 1] == '\r')
			line[--len] = '\0';
		if (memchr(line, '\0', len) || text_utf8_check(line, len, &bad) != 0) {
			cli_error(YK_USAGE, _("%s:%zu: not a valid query (invalid UTF-8 or a NUL byte); skipped"),
			          "<stdin>", lines_number(in));
			rc = YK_USAGE;
			continue;
		}
		if (!len)
			continue;
		if (answer(lex, line, q, format, 1, &found) != 0) {
			rc = lexicon_error_is_system() ? YK_SYSTEM : YK_USAGE;
			break;
		}
		any = 1;
		total += found;
	}
	if (got < 0 && rc != YK_SYSTEM)
		rc = cli_error(YK_SYSTEM, _("%s: read error: %s"), "<stdin>", strerror(errno));
	lines_close(in);
	if (rc == YK_OK && (!any || !total))
		rc = YK_NOTFOUND;
	return rc;
}

int cmd_lookup(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "limit", required_argument, NULL, 'n' },
		{ "exact", no_argument, NULL, 'e' },
		{ "color", optional_argument, NULL, 'C' },
		{ "colour", optional_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum format format = FORMAT_TEXT;
	lexicon_query q = { 0, 20 };
	lexicon *lex = NULL;
	size_t n = 0, len = 0;
	char *query = NULL, *error = NULL, *end;
	int opt, a, rc = YK_SYSTEM;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "f:n:eh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				format = FORMAT_JSON;
			else if (strcmp(optarg, "tsv") == 0)
				format = FORMAT_TSV;
			else
				return cli_usage(_("unknown format '%s' (text, json or tsv)"), optarg);
			break;
		case 'n': {
			unsigned long v = strtoul(optarg, &end, 10);
			if (!*optarg || *end || v == 0 || v > 100000 || optarg[0] == '-')
				return cli_usage(_("--limit needs a number from 1 to 100000, not '%s'"), optarg);
			q.limit = v;
			break;
		}
		case 'e':
			q.exact = 1;
			break;
		case 'C':
			if (cli_set_color(optarg) != 0)
				return cli_usage(_("--color takes auto, always or never, not '%s'"), optarg);
			break;
		case 'h':
			print_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "f:n:eh", longopts);
		}
	}
	if (optind >= argc)
		return cli_usage(_("no query given"));
	for (a = optind; a < argc; a++) {
		size_t bad;
		if (text_utf8_check(argv[a], strlen(argv[a]), &bad) != 0)
			return cli_error(YK_USAGE, _("lookup: invalid UTF-8 in the query at byte %zu"), bad + 1);
		len += strlen(argv[a]) + 1;
	}
	query = malloc(len + 1);
	if (!query)
		return cli_error(YK_SYSTEM, _("out of memory"));
	query[0] = '\0';
	for (a = optind; a < argc; a++) {
		if (a > optind)
			strcat(query, " ");
		strcat(query, argv[a]);
	}

	lex = lexicon_open(cli_db_path(), cli_user_db_path(), cli_system_db_path(),
	                   LEXICON_READONLY, &error);
	if (!lex) {
		rc = cli_error(lexicon_error_is_system() ? YK_SYSTEM : YK_USAGE, "%s",
		               error ? error : _("cannot open the database"));
		goto cleanup;
	}
	if (strcmp(query, "-") == 0) {
		rc = answer_lines(lex, &q, format);
		goto cleanup;
	}
	if (answer(lex, query, &q, format, 0, &n) != 0) {
		rc = YK_SYSTEM;
		goto cleanup;
	}
	rc = n ? YK_OK : YK_NOTFOUND;
cleanup:
	lexicon_close(lex);
	free(error);
	free(query);
	return rc;
}
