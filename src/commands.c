/* commands.c: the one table of subcommands, in the order --help lists them. */
#include "config.h"

#include "commands.h"
#include "i18n.h"

#include <string.h>

const struct command commands[] = {
	/* COMMAND TABLE: add one line per subcommand here (keep this marker). */
	{ "cite", cmd_cite, N_("cite [OPTION]... [FILE]..."), N_("normalise the romanized Japanese in citations") },
	{ "export", cmd_export, N_("export [--format tsv|tbx] [--all]"), N_("write your own entries as a glossary TSV or TBX file") },
	{ "add", cmd_add, N_("add --kana KANA [--ja WRITTEN] [--romaji ROMAJI] [OPTION]..."), N_("add a term to your user database") },
	{ "edit", cmd_edit, N_("edit ID [--FIELD VALUE]..."), N_("change one of your own entries") },
	{ "remove", cmd_remove, N_("remove ID..."), N_("remove your own entries") },
	{ "romanize", cmd_romanize, N_("romanize [OPTION]... [FILE]..."), N_("romanize Japanese text (ALA-LC words, any system)") },
	{ "import", cmd_import, N_("import [--keep-going] edict|enamdict|tsv|tbx FILE"), N_("import a dictionary or glossary into your user database") },
	{ "explore", cmd_explore, N_("explore [QUERY]"), N_("browse the glossary full screen, in English or Japanese") },
	{ "po", cmd_po, N_("po export|fill|check [OPTION]... [FILE.po]"), N_("use the glossary with gettext catalogues") },
	{ "lookup", cmd_lookup, N_("lookup [OPTION]... QUERY..."), N_("find terms in any script or romanization") },
	{ "build", cmd_build, N_("build [--output DB] GLOSSARY.tsv..."), N_("validate a glossary and compile it into a database") },
	{ "kana", cmd_kana, N_("kana [--katakana] [--oh] [ROMAJI]..."), N_("convert romaji in any system to kana") },
	{ NULL, NULL, NULL, NULL }
};

const struct command *commands_find(const char *name)
{
	const struct command *c;
	for (c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
