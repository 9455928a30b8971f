/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-kana.c: `yakugo kana [--katakana] [--oh] [ROMAJI]...`: romaji in any system (and
 * IME spellings) to kana, one output line per argument, or per line of standard input
 * when there are no arguments. */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "i18n.h"
#include "kana.h"
#include "lines.h"
#include "status.h"
#include "text.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_help(void)
{
	printf(_("Usage: yakugo kana [--katakana] [--oh] [ROMAJI]...\n"));
	printf(_("Convert romaji to kana, one output line per argument (or per line of\n"
	         "standard input when no argument is given). Every romanization system is\n"
	         "read: Hepburn, Kunrei, Nihon-shiki, passport, wapuro and IME spellings\n"
	         "(nn, xtu, ltu, xya, -), with or without macrons or circumflexes, in any case.\n"
	         "Words that are not romaji are copied unchanged.\n"));
	printf("\n%s\n", _("Options:"));
	printf("  -k, --katakana  %s\n", _("write katakana; long vowels become ー"));
	printf("      --oh        %s\n", _("read passport \"oh\" as a long o (Ohno -> おおの)"));
	printf("  -h, --help      %s\n", _("show this help and exit"));
	printf("\n%s\n", _("Exit status: 0 all converted, 1 some word was not romaji, 2 usage error or\n"
	                   "invalid input (the line is named), 3 system error."));
}

/* Converts one line and prints it; *partial is set when a word stayed Latin.
 * Returns YK_OK, YK_USAGE for invalid UTF-8 (the line is copied unchanged), or YK_SYSTEM. */
static int convert(const char *s, size_t len, unsigned flags, const char *where, size_t lineno,
                   int *partial)
{
	size_t bad;
	int complete = 1;
	char *k;
	if (text_utf8_check(s, len, &bad) != 0) {
		if (lineno)
			cli_error(YK_USAGE, _("%s:%zu: invalid UTF-8 at byte %zu"), where, lineno, bad + 1);
		else
			cli_error(YK_USAGE, _("%s: invalid UTF-8 at byte %zu"), where, bad + 1);
		fwrite(s, 1, len, stdout);
		putchar('\n');
		return YK_USAGE;
	}
	k = kana_from_romaji(s, len, flags, &complete);
	if (!k)
		return cli_error(YK_SYSTEM, _("out of memory"));
	fwrite(k, 1, strlen(k), stdout);
	putchar('\n');
	free(k);
	if (!complete)
		*partial = 1;
	return YK_OK;
}

int cmd_kana(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "katakana", no_argument, NULL, 'k' },
		{ "oh", no_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned flags = 0;
	int opt, rc = YK_OK, partial = 0;

	opterr = 0; /* messages are ours, starting with "yakugo:" */
	while ((opt = getopt_long(argc, argv, "kh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'k':
			flags |= KANA_KATAKANA;
			break;
		case 'o':
			flags |= KANA_OH_LONG;
			break;
		case 'h':
			print_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "kh", longopts);
		}
	}

	/* a lone "-" is standard input, as for every command that reads */
	if (optind == argc - 1 && strcmp(argv[optind], "-") == 0)
		optind++;
	if (optind < argc) {
		int a;
		for (a = optind; a < argc && rc != YK_SYSTEM; a++) {
			char where[64];
			int r;
			snprintf(where, sizeof where, _("argument %d"), a - optind + 1);
			r = convert(argv[a], strlen(argv[a]), flags, where, 0, &partial);
			if (r > rc)
				rc = r;
		}
	} else {
		lines *in = lines_from_stream(stdin, "<stdin>");
		char *line;
		size_t len;
		int got;
		if (!in)
			return cli_error(YK_SYSTEM, _("out of memory"));
		while ((got = lines_next(in, &line, &len)) == 1) {
			int r = convert(line, len, flags, lines_name(in), lines_number(in), &partial);
			if (r > rc)
				rc = r;
			if (rc == YK_SYSTEM)
				break;
		}
		if (got < 0)
			rc = cli_error(YK_SYSTEM, _("%s: read error: %s"), lines_name(in), strerror(errno));
		lines_close(in);
	}
	if (rc == YK_OK && partial)
		rc = YK_NOTFOUND;
	return rc;
}
