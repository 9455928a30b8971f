/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.c: shared command-line plumbing: messages, database paths, colour, stdout checks. */
#include "config.h"

#include "cli.h"
#include "i18n.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *db_option;
static const char *command_name; /* the subcommand running, for usage errors */

static int running_from_build_tree(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;
	if (n <= 0)
		return 0;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return 0;
	*slash = '\0';
	/* libtool-free build: the binary sits directly in $(abs_top_builddir)/src. */
	return strcmp(exe, BUILD_SRCDIR) == 0;
}

void cli_init_locale(void)
{
	const char *localedir = getenv("YAKUGO_LOCALEDIR");
	if (!localedir || !*localedir)
		localedir = running_from_build_tree() ? BUILD_LOCALEDIR : LOCALEDIR;
	setlocale(LC_ALL, "");
	/* Messages, character classes and collation follow the user's locale; numbers do
	 * not: JSON, TSV and option values such as --threshold 0.9 are the same bytes under
	 * de_DE (comma decimals) as under C. */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain(PACKAGE, localedir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

void cli_set_command(const char *name)
{
	command_name = name;
}

int cli_usage(const char *fmt, ...)
{
	va_list ap;
	fputs("yakugo: ", stderr);
	if (command_name)
		fprintf(stderr, "%s: ", command_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (command_name)
		fprintf(stderr, _("Try 'yakugo %s --help' for more information.\n"), command_name);
	else
		fprintf(stderr, _("Try 'yakugo --help' for more information.\n"));
	return YK_USAGE;
}

int cli_bad_option(char **argv, const char *optstring, const struct option *longopts)
{
	const char *arg = optind > 0 ? argv[optind - 1] : NULL;
	const struct option *o;
	if (arg && arg[0] == '-' && arg[1] == '-' && arg[2]) {
		size_t n = strcspn(arg + 2, "=");
		for (o = longopts; o && o->name; o++)
			if (strlen(o->name) == n && !strncmp(o->name, arg + 2, n))
				break;
		if (o && o->name) {
			if (o->has_arg == no_argument && arg[2 + n] == '=')
				return cli_usage(_("option '--%s' doesn't allow an argument"), o->name);
			return cli_usage(_("option '--%s' requires an argument"), o->name);
		}
		/* an ambiguous abbreviation is "unrecognized" too */
		return cli_usage(_("unrecognized option '%.*s'"), (int)(n + 2), arg);
	}
	if (optopt && optopt != '?' && strchr(optstring, optopt))
		return cli_usage(_("option requires an argument -- '%c'"), optopt);
	if (optopt && optopt != '?')
		return cli_usage(_("invalid option -- '%c'"), optopt);
	return cli_usage(_("unrecognized option '%s'"), arg ? arg : "?");
}

int cli_error(int status, const char *fmt, ...)
{
	va_list ap;
	fputs("yakugo: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "yakugo: %s", _("warning: "));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_set_db_option(const char *path)
{
	db_option = path;
}

const char *cli_db_option(void)
{
	return db_option;
}

/* Whether this process runs the binary of the build tree (not an installed copy). */

const char *cli_db_path(void)
{
	const char *env;
	if (db_option)
		return db_option;
	env = getenv("YAKUGO_DB");
	if (env && *env)
		return env;
	if (running_from_build_tree())
		return BUILD_DATADIR "/yakugo.db";
	return PKGDATADIR "/yakugo.db";
}

const char *cli_user_db_path(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("YAKUGO_USER_DB");
	const char *home;
	int n;
	if (env && *env)
		return env;
	env = getenv("XDG_DATA_HOME");
	if (env && *env)
		n = snprintf(path, sizeof path, "%s/yakugo/user.db", env);
	else if ((home = getenv("HOME")) && *home)
		n = snprintf(path, sizeof path, "%s/.local/share/yakugo/user.db", home);
	else
		return NULL;
	if (n < 0 || (size_t)n >= sizeof path)
		return NULL;
	return path;
}

const char *cli_system_db_path(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("YAKUGO_SYSTEM_DB"), *seed, *slash;
	size_t dir;
	if (env && *env)
		return strcmp(env, "none") == 0 ? NULL : env;
	seed = cli_db_path();
	slash = strrchr(seed, '/');
	dir = slash ? (size_t)(slash - seed) + 1 : 0;
	if (dir + sizeof "system.db" > sizeof path)
		return NULL;
	memcpy(path, seed, dir);
	memcpy(path + dir, "system.db", sizeof "system.db");
	return path;
}

int cli_mkdirs_for(const char *path)
{
	char buf[PATH_MAX];
	size_t n = strlen(path);
	char *p;
	if (n >= sizeof buf) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, n + 1);
	p = strrchr(buf, '/');
	if (!p || p == buf)
		return 0;
	*p = '\0';
	for (p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(buf, 0700) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

/* --color: -1 auto (the default), 0 never, 1 always. */
static int color_mode = -1;

int cli_set_color(const char *when)
{
	if (!when || !strcmp(when, "always") || !strcmp(when, "yes") || !strcmp(when, "force"))
		color_mode = 1;
	else if (!strcmp(when, "never") || !strcmp(when, "no") || !strcmp(when, "none"))
		color_mode = 0;
	else if (!strcmp(when, "auto") || !strcmp(when, "tty") || !strcmp(when, "if-tty"))
		color_mode = -1;
	else
		return -1;
	return 0;
}

int cli_color(FILE *fp)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	if (color_mode >= 0)
		return color_mode;
	if (nc && *nc)
		return 0;
	if (!term || !*term || !strcmp(term, "dumb"))
		return 0;
	return isatty(fileno(fp));
}

int cli_finish(int status)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;
	if (fclose(stdout) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	if (bad) {
		fprintf(stderr, "yakugo: %s: %s\n", _("write error"), strerror(e));
		return YK_SYSTEM;
	}
	return status;
}
