/* SPDX-License-Identifier: GPL-3.0-or-later */
/* userdb.c: opening the user database for the import/export/add/edit/remove commands
 * (see userdb.h). */
#include "config.h"

#include "cli.h"
#include "i18n.h"
#include "status.h"
#include "userdb.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

lexicon *userdb_open(int readonly, int *status)
{
	const char *user_path = cli_user_db_path();
	char *err = NULL;
	lexicon *lex;

	if (!user_path) {
		*status = cli_error(YK_SYSTEM, _("no user database: set XDG_DATA_HOME or HOME"));
		return NULL;
	}
	if (!readonly && cli_mkdirs_for(user_path) != 0) {
		*status = cli_error(YK_SYSTEM, "%s: %s", user_path, strerror(errno));
		return NULL;
	}
	/* the user's own entries: the system dictionary is not theirs (export --all would
	 * dump its million entries), so it is not opened */
	lex = lexicon_open(cli_db_path(), user_path, NULL, readonly ? LEXICON_READONLY : 0, &err);
	if (!lex) {
		*status = lexicon_error_is_system() ? YK_SYSTEM : YK_USAGE;
		cli_error(*status, "%s", err ? err : _("cannot open the database"));
	}
	free(err);
	return lex;
}
