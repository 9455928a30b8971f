/* SPDX-License-Identifier: GPL-3.0-or-later */
/* commands.c: the one table of subcommands, sorted by name as --help lists them, and how yakugo
 * runs a command that is a program of its own (yakugo-NAME, see commands.h). */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "i18n.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* run NULL: a heavy command, built as its own program yakugo-NAME (see commands.h). */
const struct command commands[] = {
	/* COMMAND TABLE: one line per subcommand, sorted by name (--help lists them in this order; keep this marker). */
	{ "add", cmd_add, N_("add --kana KANA [--ja WRITTEN] [--romaji ROMAJI] [OPTION]..."), N_("add a term to your user database") },
	{ "build", cmd_build, N_("build [--output DB] GLOSSARY.tsv..."), N_("validate a glossary and compile it into a database") },
	{ "cite", NULL, N_("cite [OPTION]... [FILE]..."), N_("normalise the romanized Japanese in citations") },
	{ "edit", cmd_edit, N_("edit ID [--FIELD VALUE]..."), N_("change one of your own entries") },
	{ "explore", NULL, N_("explore [QUERY]"), N_("browse the glossary full screen, in English or Japanese") },
	{ "export", NULL, N_("export [--format tsv|tbx] [--all]"), N_("write your own entries as a glossary TSV or TBX file") },
	{ "import", NULL, N_("import [--keep-going] edict|enamdict|tsv|tbx FILE"), N_("import a dictionary or glossary into your user database") },
	{ "kana", cmd_kana, N_("kana [--katakana] [--oh] [ROMAJI]..."), N_("convert romaji in any system to kana") },
	{ "lookup", cmd_lookup, N_("lookup [OPTION]... QUERY..."), N_("find terms in any script or romanization") },
	{ "po", NULL, N_("po export|fill|check [OPTION]... [FILE.po]"), N_("use the glossary with gettext catalogues") },
	{ "remove", cmd_remove, N_("remove ID..."), N_("remove your own entries") },
	{ "romanize", NULL, N_("romanize [OPTION]... [FILE]..."), N_("romanize Japanese text (ALA-LC words, any system)") },
	{ NULL, NULL, NULL, NULL }
};

/* The Damerau (optimal string alignment) distance between a and b, both short. */
static size_t name_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t d[17][17];
	if (la > 16 || lb > 16)
		return (size_t)-1;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

const struct command *commands_suggest(const char *name)
{
	const struct command *c, *best = NULL, *prefix = NULL;
	size_t n = strlen(name), best_d, prefixes = 0;
	/* a slip in a short name is another word: one edit up to four letters, else two */
	best_d = n <= 4 ? 2 : 3;
	for (c = commands; c->name; c++) {
		size_t d = name_distance(name, c->name);
		if (n >= 2 && strncmp(c->name, name, n) == 0) {
			prefix = c;
			prefixes++;
		}
		if (d < best_d) {
			best_d = d;
			best = c;
		}
	}
	/* the beginning of exactly one command ("rom") names it */
	return prefixes == 1 ? prefix : best;
}

const struct command *commands_find(const char *name)
{
	const struct command *c;
	for (c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Fills path with DIR/yakugo-NAME; 0, or -1 when it does not fit. */
static int program_path(char *path, size_t size, const char *dir, const char *name)
{
	int n = snprintf(path, size, "%s/" PACKAGE "-%s", dir, name);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int commands_exec(const struct command *c, char **argv)
{
	const char *env = getenv("YAKUGO_LIBEXECDIR");
	const char *db = cli_db_option();
	const char *dirs[2];
	char *arg0 = argv[0];
	char self[PATH_MAX], path[PATH_MAX];
	ssize_t n;
	char *slash;
	int i, ndirs = 0;

	if (env && *env) {
		dirs[ndirs++] = env;
	} else {
		/* Beside this binary first: the build tree keeps every program in src/. */
		n = readlink("/proc/self/exe", self, sizeof self - 1);
		if (n > 0) {
			self[n] = '\0';
			slash = strrchr(self, '/');
			if (slash && slash != self) {
				*slash = '\0';
				dirs[ndirs++] = self;
			}
		}
		dirs[ndirs++] = PKGLIBEXECDIR;
	}
	/* --db reaches the program as $YAKUGO_DB, which it ranks just as --db: first. */
	if (db && setenv("YAKUGO_DB", db, 1) != 0)
		return cli_error(YK_SYSTEM, _("cannot run %s: %s"), c->name, strerror(errno));

	for (i = 0; i < ndirs; i++) {
		if (program_path(path, sizeof path, dirs[i], c->name) != 0)
			continue;
		argv[0] = path;
		execv(path, argv);
		argv[0] = arg0; /* path does not outlive this call */
		if (errno != ENOENT && errno != ENOTDIR)
			return cli_error(YK_SYSTEM, _("cannot run %s: %s"), path, strerror(errno));
	}
	if (ndirs == 2)
		return cli_error(YK_SYSTEM, _("the command '%s' needs the program %s-%s, found neither in %s nor in %s"),
		                 c->name, PACKAGE, c->name, dirs[0], dirs[1]);
	return cli_error(YK_SYSTEM, _("the command '%s' needs the program %s-%s, not found in %s"),
	                 c->name, PACKAGE, c->name, dirs[0]);
}
