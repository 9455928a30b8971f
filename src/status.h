/* SPDX-License-Identifier: GPL-3.0-or-later */
/* status.h: the exit codes of yakugo, one named enum shared by every subcommand. */
#ifndef YAKUGO_STATUS_H
#define YAKUGO_STATUS_H

/* Exit statuses (documented in README and the man page). */
enum yk_status {
	YK_OK = 0,        /* success; for a search: something was found */
	YK_NOTFOUND = 1,  /* nothing found, or (--check) something would change */
	YK_USAGE = 2,     /* usage error or bad data (invalid UTF-8, malformed row, corrupt db) */
	YK_SYSTEM = 3     /* system error: out of memory, I/O error, a locked database */
};

#endif
