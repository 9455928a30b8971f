/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-import.c: `yakugo import [--keep-going] edict|enamdict|tsv|tbx FILE`: reads a
 * dictionary or glossary into the user database in ONE transaction. Re-importing a
 * source (edict, enamdict, or the same TSV/TBX file) replaces it atomically; an error
 * (without --keep-going), SIGINT/SIGTERM or the process dying leaves the database
 * exactly as it was. */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "edict.h"
#include "glossary.h"
#include "i18n.h"
#include "lexicon.h"
#include "lines.h"
#include "progress.h"
#include "status.h"
#include "str.h"
#include "tbx.h"
#include "userdb.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void usage_help(void)
{
	printf(_("Usage: yakugo import [--keep-going] FORMAT FILE\n"));
	printf(_("Import a dictionary or glossary into your user database, in one transaction.\n"
	         "FORMAT is edict or enamdict (the EUC-JP files of the Debian packages, e.g.\n"
	         "/usr/share/edict/edict), tsv (the glossary format, see 'yakugo export') or\n"
	         "tbx (TBX, ISO 30042). Importing a source again replaces what it imported before;\n"
	         "an error or an interruption leaves the database as it was. FILE - is standard input.\n"));
	printf("\n%s\n", _("Options:"));
	printf("  -k, --keep-going  %s\n", _("report bad lines (FILE:LINE: problem) and skip them"));
	printf("  -h, --help        %s\n", _("show this help and exit"));
}

/* State shared by the readers. */
struct import {
	lexicon *lex;
	const char *file;
	lexicon_origin origin;
	int keep_going;
	size_t entries, skipped;
	progress *bar;
	size_t bytes;
	int status;      /* YK_OK, or why we stopped */
};

/* Adds one entry (copy with the import's origin). 0, or -1 (status set). */
static int add_entry(struct import *im, const lexicon_entry *e)
{
	lexicon_entry c = *e;
	char *err = NULL;
	c.origin = im->origin;
	if (lexicon_import_add(im->lex, &c, &err) != 0) {
		cli_error(YK_SYSTEM, "%s", err ? err : _("database error"));
		free(err);
		im->status = YK_SYSTEM;
		return -1;
	}
	im->entries++;
	return 0;
}

static int import_edict(struct import *im, edict_kind kind)
{
	lines *r = lines_open(im->file);
	char *line;
	size_t len;
	int got, header;

	if (!r) {
		im->status = cli_error(YK_SYSTEM, "%s: %s", im->file, strerror(errno));
		return -1;
	}
	while (!interrupted && (got = lines_next(r, &line, &len)) == 1) {
		char *u, *err = NULL;
		lexicon_entry *v = NULL;
		size_t n = 0, i;
		int bad = 0;

		im->bytes += len + 1;
		if ((im->entries & 1023) == 0)
			progress_update(im->bar, im->bytes, im->entries);
		u = len > EDICT_MAX_LINE ? NULL : edict_to_utf8(line, len);
		if (len > EDICT_MAX_LINE) {
			err = str_printf(_("the line is %zu bytes long, more than the %d a line may have"),
			                 len, EDICT_MAX_LINE);
			bad = 1;
		} else if (!u) {
			err = strdup(_("not valid EUC-JP"));
			bad = 1;
		} else if (lines_number(r) == 1 && (header = edict_is_header(u, strlen(u))) != 0) {
			free(u);
			if (header != 1 + (int)kind) {
				/* the other dictionary: every line would be wrong (or, worse, right) */
				progress_update(im->bar, im->bytes, im->entries);
				im->status = cli_error(YK_USAGE, _("%s:1: this is %s, not %s: use 'yakugo import %s'"),
				                       im->file, kind == EDICT_WORDS ? "ENAMDICT" : "EDICT",
				                       kind == EDICT_WORDS ? "EDICT" : "ENAMDICT",
				                       kind == EDICT_WORDS ? "enamdict" : "edict");
				lines_close(r);
				return -1;
			}
			continue;
		} else if (edict_parse_line(kind, u, strlen(u), &v, &n, &err) != 0) {
			bad = 1;
		}
		free(u);
		if (bad) {
			progress_update(im->bar, im->bytes, im->entries);
			fprintf(stderr, "yakugo: %s:%zu: %s\n", im->file, lines_number(r),
			        err ? err : _("out of memory"));
			free(err);
			if (!im->keep_going) {
				im->status = YK_USAGE;
				lines_close(r);
				return -1;
			}
			im->skipped++;
			continue;
		}
		for (i = 0; i < n; i++)
			if (add_entry(im, &v[i]) != 0)
				break;
		edict_entries_free(v, n);
		if (im->status != YK_OK) {
			lines_close(r);
			return -1;
		}
	}
	if (!interrupted && got < 0) {
		im->status = cli_error(YK_SYSTEM, "%s: %s", im->file, strerror(errno));
		lines_close(r);
		return -1;
	}
	lines_close(r);
	return 0;
}

static int add_cb(const lexicon_entry *e, void *arg)
{
	struct import *im = arg;
	if (interrupted)
		return 1;
	if ((im->entries & 255) == 0)
		progress_update(im->bar, 0, im->entries);
	return add_entry(im, e) != 0 ? 1 : 0;
}

/* TSV (glossary.h) and TBX (tbx.h) both collect problems while reading. */
static int import_tsv(struct import *im)
{
	glossary *g = glossary_new();
	size_t i, np;
	int rc;

	if (!g) {
		im->status = cli_error(YK_SYSTEM, "%s", strerror(ENOMEM));
		return -1;
	}
	rc = glossary_read(g, im->file, add_cb, im);
	np = glossary_problem_count(g);
	for (i = 0; i < np; i++)
		fprintf(stderr, "yakugo: %s\n", glossary_problem(g, i));
	glossary_free(g);
	if (im->status != YK_OK || interrupted)
		return -1;
	if (rc < 0) {
		im->status = YK_SYSTEM;
		return -1;
	}
	if (np && !im->keep_going) {
		im->status = YK_USAGE;
		return -1;
	}
	im->skipped += np;
	return 0;
}

/* A TBX entry is validated like a glossary row before it is added. */
static int tbx_cb(const lexicon_entry *e, size_t line, void *arg)
{
	struct import *im = arg;
	char *problem;
	if (interrupted)
		return 1;
	problem = glossary_check_entry(e);
	if (problem) {
		fprintf(stderr, "yakugo: %s:%zu: %s\n", im->file, line, problem);
		free(problem);
		if (!im->keep_going) {
			im->status = YK_USAGE;
			return 1;
		}
		im->skipped++;
		return 0;
	}
	return add_cb(e, arg);
}

static int import_tbx(struct import *im)
{
	char *err = NULL;
	int rc = tbx_read(im->file, tbx_cb, im, &err);
	if (rc < 0) {
		fprintf(stderr, "yakugo: %s\n", err ? err : _("out of memory"));
		free(err);
		im->status = YK_USAGE;
		return -1;
	}
	if (im->status != YK_OK || interrupted)
		return -1;
	return 0;
}

int cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "keep-going", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import im;
	struct sigaction sa, old_int, old_term;
	const char *format, *source, *kind_name;
	char *err = NULL, real[PATH_MAX];
	struct stat st;
	double t0;
	int opt, rc = YK_OK, began = 0;

	memset(&im, 0, sizeof im);
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "kh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'k':
			im.keep_going = 1;
			break;
		case 'h':
			usage_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "kh", longopts);
		}
	}
	if (argc - optind != 2)
		return cli_usage(_("import needs a FORMAT and a FILE"));
	format = argv[optind];
	im.file = argv[optind + 1];
	if (strcmp(format, "edict") == 0) {
		im.origin = LEXICON_EDICT;
		source = "edict";
		kind_name = "EDICT";
	} else if (strcmp(format, "enamdict") == 0) {
		im.origin = LEXICON_ENAMDICT;
		source = "enamdict";
		kind_name = "ENAMDICT";
	} else if (strcmp(format, "tsv") == 0 || strcmp(format, "tbx") == 0) {
		im.origin = LEXICON_TSV;
		kind_name = format[1] == 's' ? _("a glossary TSV file") : "TBX";
		/* the file is the source: importing it again replaces it */
		source = realpath(im.file, real) ? real : im.file;
	} else {
		return cli_usage(_("unknown import format '%s' (edict, enamdict, tsv or tbx)"), format);
	}
	memset(&st, 0, sizeof st); /* "-" (stdin) has no size: the bar shows no ETA */
	if (strcmp(im.file, "-") != 0 && stat(im.file, &st) != 0)
		return cli_error(YK_SYSTEM, "%s: %s", im.file, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return cli_error(YK_SYSTEM, "%s: %s", im.file, strerror(EISDIR));

	t0 = now();
	im.lex = userdb_open(0, &rc);
	if (!im.lex)
		return rc;
	/* SIGINT/SIGTERM: stop reading, roll back, then die of the signal. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);

	if (lexicon_import_begin(im.lex, im.origin, source, &err) != 0) {
		rc = cli_error(YK_SYSTEM, "%s", err ? err : _("database error"));
		free(err);
		goto cleanup;
	}
	began = 1;
	im.bar = progress_start(format, (size_t)st.st_size);
	if (im.origin == LEXICON_EDICT)
		rc = import_edict(&im, EDICT_WORDS);
	else if (im.origin == LEXICON_ENAMDICT)
		rc = import_edict(&im, EDICT_NAMES);
	else if (strcmp(format, "tsv") == 0)
		rc = import_tsv(&im);
	else
		rc = import_tbx(&im);
	progress_finish(im.bar);
	im.bar = NULL;
	if (interrupted) {
		rc = cli_error(YK_SYSTEM, _("interrupted: nothing was imported"));
		goto cleanup;
	}
	if (rc != 0) {
		rc = im.status ? im.status : YK_SYSTEM;
		cli_error(rc, _("%s: nothing was imported (the database is unchanged)"), im.file);
		goto cleanup;
	}
	/* An empty, cut-short-to-nothing or wrong file would replace the source with
	 * nothing: an import must import something. */
	if (im.entries == 0) {
		size_t had = lexicon_import_replacing(im.lex);
		if (had)
			rc = cli_error(YK_USAGE, _("%s: no entries found (is it really %s?); nothing was"
			                           " imported, and the %zu entries imported before are kept"),
			               im.file, kind_name, had);
		else
			rc = cli_error(YK_USAGE, _("%s: no entries found (is it really %s?); nothing was"
			                           " imported"), im.file, kind_name);
		goto cleanup;
	}
	if (lexicon_import_commit(im.lex, &err) != 0) {
		rc = cli_error(YK_SYSTEM, "%s", err ? err : _("database error"));
		free(err);
		goto cleanup;
	}
	began = 0;
	/* a signal that came during the commit is too late: everything is in */
	interrupted = 0;
	printf(ngettext("imported %zu entry from %s in %.1f s", "imported %zu entries from %s in %.1f s",
	                im.entries), im.entries, im.file, now() - t0);
	if (im.skipped)
		printf(ngettext(" (%zu bad line skipped)", " (%zu bad lines skipped)", im.skipped),
		       im.skipped);
	putchar('\n');
	rc = YK_OK;
cleanup:
	progress_finish(im.bar);
	if (began)
		lexicon_import_rollback(im.lex);
	lexicon_close(im.lex);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	if (interrupted) {
		int sig = interrupted;
		fflush(stdout);
		raise(sig); /* the default action now: die of the signal, as the shell expects */
	}
	return rc;
}
