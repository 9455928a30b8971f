/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-build.c: `yakugo build [--output DB] GLOSSARY.tsv...`: compiles the seed glossary
 * into a new SQLite database. Every row of every file is validated first; any problem
 * is listed as FILE:LINE: message (all of them) and no database is written. The
 * database is written to a temporary file that mkstemp makes next to DB (DB.XXXXXX),
 * which is renamed into place, so DB is either the old file or the complete new one.
 * `make` runs this on dict/glossary.tsv.
 * `yakugo build --output DB --edict FILE --enamdict FILE` compiles the system
 * dictionary instead (EDICT and ENAMDICT, EUC-JP, as the Debian packages install
 * them): a line that cannot be read is reported as FILE:LINE: message and skipped,
 * never the end of the build; `make` builds dict/system.db so. With --ipadic DIR
 * (MeCab's IPAdic source, CSV in EUC-JP) every entry with the written form and reading
 * of an IPAdic word gets its cost, and ENAMDICT's names their use in full names:
 * the commonness evidence of the ranking (lexicon_evidence_*). */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "edict.h"
#include "glossary.h"
#include "i18n.h"
#include "lexicon.h"
#include "lines.h"
#include "status.h"
#include "str.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void print_help(void)
{
	printf(_("Usage: yakugo build [--output DB] GLOSSARY.tsv...\n"));
	printf(_("   or: yakugo build [--output DB] [--edict FILE] [--enamdict FILE]\n"));
	printf(_("Validate glossary files and compile them into a new seed database.\n"
	         "Every problem is reported as FILE:LINE: message; when there is any, no\n"
	         "database is written.\n"));
	printf("\n%s\n", _("Options:"));
	printf("  -o, --output DB       %s\n", _("write the database DB (default: yakugo.db)"));
	printf("      --edict FILE     %s\n", _("build a system dictionary from EDICT (EUC-JP)"));
	printf("      --enamdict FILE  %s\n", _("build a system dictionary from ENAMDICT (EUC-JP)"));
	printf("      --ipadic DIR     %s\n", _("with word costs from IPAdic's CSV source in DIR"));
	printf("  -h, --help            %s\n", _("show this help and exit"));
	printf("\n%s\n", _("Exit status: 0 built, 2 usage error or invalid glossary, 3 system error."));
}

struct build {
	lexicon *lex;
	char *error;
};

static int add_entry(const lexicon_entry *e, void *arg)
{
	struct build *b = arg;
	return lexicon_import_add(b->lex, e, &b->error) != 0;
}

/* Imports the EDICT or ENAMDICT file path into the database being built, in one
 * transaction; a line that is not EUC-JP or not an entry is reported and skipped
 * (counted in *skipped). 0, or a YK_ status for a read or database error. */
static int build_dict(lexicon *lex, const char *path, edict_kind kind, size_t *entries,
                      size_t *skipped)
{
	lines *r = NULL;
	char *line, *err = NULL;
	size_t len;
	int got, rc = YK_SYSTEM;
	lexicon_origin origin = kind == EDICT_WORDS ? LEXICON_EDICT : LEXICON_ENAMDICT;

	r = lines_open(path);
	if (!r)
		return cli_error(YK_SYSTEM, "%s: %s", path, strerror(errno));
	if (lexicon_import_begin(lex, origin, kind == EDICT_WORDS ? "edict" : "enamdict", &err) != 0)
		goto dberr;
	while ((got = lines_next(r, &line, &len)) == 1) {
		char *u = edict_to_utf8(line, len), *perr = NULL;
		lexicon_entry *v = NULL;
		size_t n = 0, i;
		if (u && lines_number(r) == 1 && edict_is_header(u, strlen(u))) {
			free(u);
			continue;
		}
		if (!u || edict_parse_line(kind, u, strlen(u), &v, &n, &perr) != 0) {
			cli_warn("%s:%zu: %s", path, lines_number(r),
			         perr ? perr : u ? _("out of memory") : _("not valid EUC-JP"));
			free(perr);
			free(u);
			(*skipped)++;
			continue;
		}
		free(u);
		for (i = 0; i < n; i++) {
			v[i].origin = origin;
			if (lexicon_import_add(lex, &v[i], &err) != 0)
				break;
		}
		edict_entries_free(v, n);
		if (i < n)
			goto dberr;
		*entries += n;
	}
	if (got < 0) {
		rc = cli_error(YK_SYSTEM, "%s: %s", path, strerror(errno));
		goto cleanup;
	}
	if (lexicon_import_commit(lex, &err) != 0)
		goto dberr;
	rc = YK_OK;
	goto cleanup;
dberr:
	rc = cli_error(lexicon_error_is_system() ? YK_SYSTEM : YK_USAGE, "%s",
	               err ? err : _("cannot build the database"));
cleanup:
	if (rc != YK_OK)
		lexicon_import_rollback(lex);
	free(err);
	lines_close(r);
	return rc;
}

/* Reads one IPAdic CSV file (EUC-JP: surface,left,right,cost,pos...,base,reading,
 * pronunciation) into the evidence of the database being built. A line that cannot be
 * read is counted in *skipped. 0, or a YK_ status. */
static int read_ipadic_file(lexicon *lex, const char *path, size_t *skipped)
{
	lines *r = lines_open(path);
	char *line, *err = NULL;
	size_t len;
	int got, rc = YK_OK;
	if (!r)
		return cli_error(YK_SYSTEM, "%s: %s", path, strerror(errno));
	while ((got = lines_next(r, &line, &len)) == 1) {
		char *u = edict_to_utf8(line, len), *f[13], *p;
		int n = 0;
		if (!u) {
			(*skipped)++;
			continue;
		}
		for (p = u, f[n++] = u; *p && n < 13; p++)
			if (*p == ',') {
				*p = '\0';
				f[n++] = p + 1;
			}
		if (n >= 12 && *f[0] && *f[11] && strcmp(f[11], "*") != 0) {
			if (n == 13 && (p = strchr(f[12], ',')) != NULL)
				*p = '\0';
			int cost = atoi(f[3]);
			/* a cost of 0 or less (the commonest words) is stored as 1: 0 is "none" */
			if (lexicon_evidence_cost(lex, f[0], f[11], cost > 0 ? cost : 1, &err) != 0) {
				free(u);
				rc = cli_error(YK_SYSTEM, "%s", err ? err : _("cannot build the database"));
				break;
			}
		} else {
			(*skipped)++;
		}
		free(u);
	}
	if (rc == YK_OK && got < 0)
		rc = cli_error(YK_SYSTEM, "%s: %s", path, strerror(errno));
	free(err);
	lines_close(r);
	return rc;
}

/* The commonness evidence: IPAdic's costs from the CSV files of dir (none when dir is
 * NULL), then the names counts. 0, or a YK_ status. */
static int build_evidence(lexicon *lex, const char *dir)
{
	char *err = NULL;
	DIR *d = NULL;
	struct dirent *de;
	size_t skipped = 0, files = 0;
	int rc = YK_SYSTEM;
	if (lexicon_evidence_begin(lex, &err) != 0)
		goto dberr;
	if (dir) {
		d = opendir(dir);
		if (!d) {
			rc = cli_error(YK_SYSTEM, "%s: %s", dir, strerror(errno));
			goto cleanup;
		}
		while ((de = readdir(d)) != NULL) {
			size_t l = strlen(de->d_name);
			char *path;
			if (l < 5 || strcmp(de->d_name + l - 4, ".csv") != 0)
				continue;
			path = str_printf("%s/%s", dir, de->d_name);
			if (!path) {
				rc = cli_error(YK_SYSTEM, _("out of memory"));
				goto cleanup;
			}
			rc = read_ipadic_file(lex, path, &skipped);
			free(path);
			if (rc != YK_OK)
				goto cleanup;
			files++;
		}
		if (!files)
			cli_warn(_("%s: no IPAdic CSV files: no word costs in the ranking"), dir);
		if (skipped)
			cli_warn(ngettext("%s: %zu line skipped", "%s: %zu lines skipped", skipped), dir, skipped);
	}
	if (lexicon_evidence_commit(lex, &err) != 0)
		goto dberr;
	rc = YK_OK;
	goto cleanup;
dberr:
	rc = cli_error(lexicon_error_is_system() ? YK_SYSTEM : YK_USAGE, "%s",
	               err ? err : _("cannot build the database"));
cleanup:
	if (rc != YK_OK)
		lexicon_import_rollback(lex);
	if (d)
		closedir(d);
	free(err);
	return rc;
}

/* Prints every problem of g; returns their number. */
static size_t report(const glossary *g)
{
	size_t i, n = glossary_problem_count(g);
	for (i = 0; i < n; i++)
		cli_error(YK_USAGE, "%s", glossary_problem(g, i));
	return n;
}

int cmd_build(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "edict", required_argument, NULL, 'E' },
		{ "enamdict", required_argument, NULL, 'N' },
		{ "ipadic", required_argument, NULL, 'I' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = "yakugo.db", *edict = NULL, *enamdict = NULL, *ipadic = NULL;
	char *tmp = NULL;
	size_t entries = 0, skipped = 0;
	glossary *g = NULL;
	struct build b = { NULL, NULL };
	int opt, i, rc = YK_SYSTEM, failed = 0, fd, made = 0;
	mode_t mask;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			output = optarg;
			break;
		case 'E':
			edict = optarg;
			break;
		case 'N':
			enamdict = optarg;
			break;
		case 'I':
			ipadic = optarg;
			break;
		case 'h':
			print_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "o:h", longopts);
		}
	}
	if (ipadic && !edict && !enamdict)
		return cli_usage(_("--ipadic goes with --edict or --enamdict"));
	if ((edict || enamdict) && optind < argc)
		return cli_usage(_("a glossary and a system dictionary are built apart"));
	if (optind >= argc && !edict && !enamdict)
		return cli_usage(_("no glossary file given"));
	if (edict || enamdict)
		goto write;

	/* Pass 1: validate everything, writing nothing. */
	g = glossary_new();
	if (!g)
		return cli_error(YK_SYSTEM, _("out of memory"));
	for (i = optind; i < argc; i++)
		if (glossary_read(g, argv[i], NULL, NULL) < 0)
			failed = 1;
	if (report(g) > 0) {
		rc = YK_USAGE; /* unreadable files included: bad input */
		if (!failed)
			cli_error(YK_USAGE, ngettext("%s not written: %zu problem in the glossary",
			                             "%s not written: %zu problems in the glossary",
			                             glossary_problem_count(g)),
			          output, glossary_problem_count(g));
		goto cleanup;
	}
	glossary_free(g);
	g = NULL;

write:
	/* Pass 2: write DB.XXXXXX (mkstemp: no name another process can guess and plant)
	 * in one transaction, then rename it over DB. */
	tmp = str_printf("%s.XXXXXX", output);
	if (!tmp) {
		rc = cli_error(YK_SYSTEM, _("out of memory"));
		goto cleanup;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = cli_error(YK_SYSTEM, "%s: %s", tmp, strerror(errno));
		goto cleanup;
	}
	made = 1;
	mask = umask(0);
	umask(mask);
	/* readable like any file made here (mkstemp makes it 0600) */
	if (fchmod(fd, 0666 & ~mask) != 0 || close(fd) != 0) {
		rc = cli_error(YK_SYSTEM, "%s: %s", tmp, strerror(errno));
		goto cleanup;
	}
	b.lex = lexicon_create_seed(tmp, &b.error);
	if (b.lex && (edict || enamdict)) {
		if ((edict && (rc = build_dict(b.lex, edict, EDICT_WORDS, &entries, &skipped)) != YK_OK) ||
		    (enamdict && (rc = build_dict(b.lex, enamdict, EDICT_NAMES, &entries, &skipped)) != YK_OK))
			goto cleanup;
		if (skipped)
			cli_warn(ngettext("%s: %zu line skipped", "%s: %zu lines skipped", skipped), output,
			         skipped);
		if ((rc = build_evidence(b.lex, ipadic)) != YK_OK)
			goto cleanup;
		goto commit;
	}
	if (!b.lex || lexicon_import_begin(b.lex, LEXICON_SEED, "glossary", &b.error) != 0) {
		rc = cli_error(YK_SYSTEM, "%s", b.error ? b.error : _("cannot create the database"));
		goto cleanup;
	}
	g = glossary_new();
	if (!g) {
		rc = cli_error(YK_SYSTEM, _("out of memory"));
		goto cleanup;
	}
	for (i = optind; i < argc; i++) {
		if (glossary_read(g, argv[i], add_entry, &b) != 0) {
			report(g);
			rc = cli_error(YK_SYSTEM, "%s", b.error ? b.error : _("cannot build the database"));
			goto cleanup;
		}
	}
	if (lexicon_import_commit(b.lex, &b.error) != 0) {
		rc = cli_error(YK_SYSTEM, "%s", b.error);
		goto cleanup;
	}
commit:
	lexicon_close(b.lex);
	b.lex = NULL;
	if (rename(tmp, output) != 0) {
		rc = cli_error(YK_SYSTEM, _("cannot rename %s to %s: %s"), tmp, output, strerror(errno));
		goto cleanup;
	}
	rc = YK_OK;
cleanup:
	lexicon_close(b.lex);
	if (rc != YK_OK && made)
		unlink(tmp);
	free(b.error);
	free(tmp);
	glossary_free(g);
	return rc;
}
