/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lexicon.c: the SQLite store of terms: schema and migrations, opening and sanity
 * checks, transactions, bulk imports, and the search that ranks entries for a query in
 * any script. The only file that includes sqlite3.h.
 *
 * Schema (PRAGMA user_version = LEXICON_SCHEMA):
 *   entry(id, origin, source, ja, kana, romaji, type, en, market, variants, footnotes,
 *         note, pos, common, loc, names,  one row per term; en and variants hold their
 *         cost)                           items separated by "\n"; names and cost are
 *                                         commonness evidence (schema 4)
 *   fold(k, kid, kind)                    folding keys of an entry, WITHOUT ROWID keyed
 *                                         by (k, kid): kid = id * 16 + slot; exact and
 *                                         normalised lookups are ranges of the key; the
 *                                         initials of English names ("=sdf") too
 *   gram                                  contentless FTS5 trigram index over the romaji
 *                                         keys, rowid kid (fuzzy candidates without
 *                                         scanning every entry)
 *   en_fts                                FTS5 over English names and market names
 *                                         (external content entry, no positions,
 *                                         porter stems)
 * Triggers keep gram and en_fts in step with fold and entry; deleting an entry deletes
 * its keys here (delete_keys). A dictionary import instead rebuilds gram, en_fts and
 * the index entry_ja once at its commit (table bulk, schema 2): faster, and the index
 * comes out packed. Schema 3 made the store small (about 2.7x the text of EDICT and
 * ENAMDICT): no rowid table beside the key index, no positions, no stored source for
 * the dictionaries.
 *
 * Ranking (README "Ranking" quotes this): every result has a tier and a score.
 *   tier 0  exact: the written form, the kana (hiragana, katakana, half-width equal),
 *           the romaji or a listed variant ignoring only case, spaces, hyphens and
 *           apostrophes, or a whole English name, abbreviation or market name (also
 *           loosely: function words, plurals, spacing, "A of B" = "B A", diacritics and
 *           a person's life span aside);
 *   tier 1  normalised: equal folding keys (match.h: macrons, long vowels, any
 *           romanization system, IME spellings), initials of an English name ("SDF"),
 *           English words or phrases inside a longer name, wildcard matches;
 *   tier 2  fuzzy: folding keys within a small edit distance (1 for keys up to 6
 *           letters, 2 up to 11, 3 up to 20, then one in six letters); keys that begin with the query's key
 *           ("prefix", search as you type) count as distance 1, and keys whose
 *           beginning is within that distance of it as one more than that distance.
 *           Fuzzy candidates are looked for only when no tier 0 or 1 match was found.
 *   score = 300 - 100 * tier - 10 * distance - 5 * (imported) + (up to 1 for the kind
 *           of match within a tier) + min(3.9, commonness)
 *   commonness = 1 * (EDICT's (P)) + min(1, (9000 - IPAdic cost) / 6000)
 *           + min(1.2, 0.4 * log2(1 + full names using it)) + 2 * (other sources of the
 *           same written form and reading)
 * The same written form and reading from several sources is one result (the best
 * ranked entry, with the others' senses beside it). Results are sorted by score,
 * then seed before user before imports, then id. So: exact before normalised before
 * fuzzy; smaller edit distance first; seed and user entries before imported
 * dictionaries (commonness never makes up the 5); common before rare. Each result
 * names why it matched ("ja", "kana", "romaji", "variant", "english", "initials",
 * "normalised", "prefix", "fuzzy", "wildcard"). */
#include "config.h"

#include "lexicon.h"
#include "str.h"
#include "i18n.h"
#include "match.h"
#include "text.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#define LEXICON_SCHEMA 4
#define LEXICON_READABLE 1 /* the oldest schema a read-only open still reads */
#define BUSY_TIMEOUT_MS 5000
#define KEY_SLOTS 16          /* keys per entry: kid = id * KEY_SLOTS + slot */
#define MAX_POSTINGS 60000    /* fuzzy: trigram postings read at most */
#define MAX_VERIFY 1200       /* fuzzy: candidate keys verified by edit distance at most */
#define FTS_MAX_TERMS 32      /* English: distinct words of a query given to FTS5 at most */

/* Kinds of folding keys (fold.kind); kinds >= KIND_ROMAJI are in the trigram index.
 * Kana is folded through its romaji key (match_romaji_key romanizes kana), which
 * absorbs everything the kana key does, so only romaji keys are stored; the kana key
 * ranks kana matches among them. */
enum { KIND_INITIALS = 1, KIND_ROMAJI = 2, KIND_VARIANT = 3, KIND_MARKET = 4 };

/* Initials keys (KIND_INITIALS, not in the trigram index) start with this byte, so that
 * they never equal a romaji key: "Self-Defense Force" -> "=sdf". */
#define INITIALS_MARK '='
#define EVIDENCE_CAP 3.9 /* commonness never lifts an import above a curated entry */

/* The triggers that keep the full-text indexes up to date row by row except inside a
 * bulk import (while the table bulk has a row), as created by schema steps 2 and 3
 * (step 3 recreates them after rebuilding the tables they watch). */
#define BULK_AWARE_TRIGGERS \
	"CREATE TRIGGER entry_ai AFTER INSERT ON entry WHEN NOT EXISTS (SELECT 1 FROM bulk) BEGIN" \
	" INSERT INTO en_fts(rowid, en, market) VALUES (new.id, new.en, new.market); END;" \
	"CREATE TRIGGER entry_ad_fts AFTER DELETE ON entry WHEN NOT EXISTS (SELECT 1 FROM bulk) BEGIN" \
	" INSERT INTO en_fts(en_fts, rowid, en, market) VALUES ('delete', old.id, old.en, old.market); END;" \
	"CREATE TRIGGER fold_ai AFTER INSERT ON fold" \
	" WHEN new.kind >= 2 AND NOT EXISTS (SELECT 1 FROM bulk) BEGIN" \
	" INSERT INTO gram(rowid, k) VALUES (new.kid, new.k); END;" \
	"CREATE TRIGGER fold_ad AFTER DELETE ON fold" \
	" WHEN old.kind >= 2 AND NOT EXISTS (SELECT 1 FROM bulk) BEGIN" \
	" INSERT INTO gram(gram, rowid, k) VALUES ('delete', old.kid, old.k); END;"

/* The migrations: migrations[i] takes a database from version i to i + 1. */
static const char *const migrations[LEXICON_SCHEMA] = {
	"CREATE TABLE entry("
	" id INTEGER PRIMARY KEY,"
	" origin INTEGER NOT NULL,"
	" source TEXT NOT NULL DEFAULT '',"
	" ja TEXT NOT NULL DEFAULT '',"
	" kana TEXT NOT NULL,"
	" romaji TEXT NOT NULL,"
	" type TEXT NOT NULL,"
	" en TEXT NOT NULL DEFAULT '',"
	" market TEXT NOT NULL DEFAULT '',"
	" variants TEXT NOT NULL DEFAULT '',"
	" footnotes TEXT, note TEXT, pos TEXT,"
	" common INTEGER NOT NULL DEFAULT 0,"
	" loc TEXT);"
	"CREATE INDEX entry_ja ON entry(ja);"
	"CREATE TABLE fold(kid INTEGER PRIMARY KEY, kind INTEGER NOT NULL, k TEXT NOT NULL);"
	"CREATE INDEX fold_k ON fold(k);"
	"CREATE VIRTUAL TABLE en_fts USING fts5(en, market, content='entry', content_rowid='id',"
	" tokenize='unicode61 remove_diacritics 2', columnsize=0);"
	"CREATE VIRTUAL TABLE gram USING fts5(k, content='fold', content_rowid='kid',"
	" tokenize='trigram', detail='none', columnsize=0);"
	"CREATE TRIGGER entry_ai AFTER INSERT ON entry BEGIN"
	" INSERT INTO en_fts(rowid, en, market) VALUES (new.id, new.en, new.market); END;"
	"CREATE TRIGGER entry_ad AFTER DELETE ON entry BEGIN"
	" INSERT INTO en_fts(en_fts, rowid, en, market) VALUES ('delete', old.id, old.en, old.market);"
	" DELETE FROM fold WHERE kid BETWEEN old.id * 16 AND old.id * 16 + 15; END;"
	"CREATE TRIGGER fold_ai AFTER INSERT ON fold WHEN new.kind >= 2 BEGIN"
	" INSERT INTO gram(rowid, k) VALUES (new.kid, new.k); END;"
	"CREATE TRIGGER fold_ad AFTER DELETE ON fold WHEN old.kind >= 2 BEGIN"
	" INSERT INTO gram(gram, rowid, k) VALUES ('delete', old.kid, old.k); END;",

	/* 2: bulk imports. While the table bulk has a row (only inside an import's
	 * transaction) the full-text indexes are not kept row by row; the import rebuilds
	 * them at commit, which is several times faster for a dictionary. */
	"CREATE TABLE bulk(x INTEGER);"
	"DROP TRIGGER entry_ai; DROP TRIGGER entry_ad; DROP TRIGGER fold_ai; DROP TRIGGER fold_ad;"
	"CREATE TRIGGER entry_ad AFTER DELETE ON entry BEGIN"
	" DELETE FROM fold WHERE kid BETWEEN old.id * 16 AND old.id * 16 + 15; END;"
	BULK_AWARE_TRIGGERS,

	/* 3: smaller (issue 4: a million entries in at most 3x their text). fold is keyed
	 * by (k, kid) without a rowid, so the table is its own index on k; gram is
	 * contentless (fuzzy verification reads the keys' entries); en_fts keeps no
	 * positions (phrases and whole names are checked on the entry's text); the
	 * dictionaries' source is their origin, stored as ''. Entry deletes remove their
	 * keys in lexicon.c (a trigger could only find them by scanning fold). */
	"DROP TRIGGER entry_ai; DROP TRIGGER entry_ad; DROP TRIGGER entry_ad_fts;"
	"DROP TRIGGER fold_ai; DROP TRIGGER fold_ad;"
	"DROP TABLE gram; DROP TABLE en_fts;"
	"CREATE TABLE fold3(k TEXT NOT NULL, kid INTEGER NOT NULL, kind INTEGER NOT NULL,"
	" PRIMARY KEY(k, kid)) WITHOUT ROWID;"
	"INSERT INTO fold3(k, kid, kind) SELECT k, kid, kind FROM fold ORDER BY k, kid;"
	"DROP TABLE fold;"
	"ALTER TABLE fold3 RENAME TO fold;"
	"CREATE VIRTUAL TABLE gram USING fts5(k, content='', tokenize='trigram', detail='none',"
	" columnsize=0);"
	"INSERT INTO gram(rowid, k) SELECT kid, k FROM fold WHERE kind >= 2 ORDER BY kid;"
	"CREATE VIRTUAL TABLE en_fts USING fts5(en, market, content='entry', content_rowid='id',"
	" tokenize='unicode61 remove_diacritics 2', columnsize=0, detail='none');"
	"INSERT INTO en_fts(en_fts) VALUES ('rebuild');"
	"UPDATE entry SET source = '' WHERE origin IN (3, 4) AND source != '';"
	BULK_AWARE_TRIGGERS,

	/* 4: commonness and English stems (issue 11). names: how many of ENAMDICT's full
	 * names begin with this surname or end with this given name (same kanji, same
	 * reading); cost: IPAdic's word cost of the same written form and reading (0:
	 * none); both computed when the system dictionary is built (lexicon_evidence_*).
	 * en_fts stems English words (porter: forces = force, declining = decline).
	 * Initials keys (KIND_INITIALS) come with entries written from now on. */
	"ALTER TABLE entry ADD COLUMN names INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE entry ADD COLUMN cost INTEGER NOT NULL DEFAULT 0;"
	"DROP TRIGGER entry_ai; DROP TRIGGER entry_ad_fts; DROP TRIGGER fold_ai; DROP TRIGGER fold_ad;"
	"DROP TABLE en_fts;"
	"CREATE VIRTUAL TABLE en_fts USING fts5(en, market, content='entry', content_rowid='id',"
	" tokenize='porter unicode61 remove_diacritics 2', columnsize=0, detail='none');"
	"INSERT INTO en_fts(en_fts) VALUES ('rebuild');"
	BULK_AWARE_TRIGGERS
};

struct lexicon {
	sqlite3 *seed;          /* the seed database, or the one lexicon_create_seed makes */
	sqlite3 *user;          /* the user database, or NULL */
	sqlite3 *sys;           /* the system dictionary (EDICT, ENAMDICT), or NULL */
	char *seed_path;
	char *user_path;
	char *sys_path;
	int creating;           /* made by lexicon_create_seed: imports go to seed */
	sqlite3 *import_db;     /* the database of the running import, or NULL */
	lexicon_origin import_origin;
	char *import_source;
	size_t import_replacing; /* entries of the source that the running import replaces */
	sqlite3_stmt *ins_entry;
	sqlite3_stmt *ins_fold;
	sqlite3_stmt *ins_cost; /* lexicon_evidence_cost */
	int bulk;               /* the running import rebuilds the full-text indexes */
	int ready[3];           /* search set-up done on seed, user, system */
};

/* ---- small helpers -------------------------------------------------------------- */

static int last_error_system;
static int last_error_code; /* the SQLite primary result code of the last db_error */

static void set_error(char **error, char *msg)
{
	last_error_system = 0;
	if (error) {
		free(*error);
		*error = msg;
	} else {
		free(msg);
	}
}

/* Out of memory: a system error. */
static void nomem_error(char **error)
{
	set_error(error, str_printf("%s", strerror(ENOMEM)));
	last_error_system = 1;
}

/* last_error_system: the class of the last error reported; the lexicon is used by one
 * thread. */
int lexicon_error_is_system(void)
{
	return last_error_system;
}

/* A failed system call on path (errno e): a system error, except a missing file, which
 * is the caller's data problem (a missing database). */
static void errno_error(char **error, const char *path, int e)
{
	set_error(error, str_printf("%s: %s", path, strerror(e)));
	last_error_system = e != ENOENT && e != ENOTDIR;
}

/* Why path, or else the directory holding it, cannot be written, for a message:
 * "Permission denied", or "DIR: Read-only file system"; NULL when both can be. The
 * string is in a static buffer. */
static const char *why_not_writable(const char *path)
{
	static char why[4200];
	char dir[4096];
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 1;
	if (access(path, W_OK) != 0 && errno != ENOENT)
		return strerror(errno);
	if (n >= sizeof dir)
		return NULL;
	if (slash && n == 0)
		n = 1; /* "/user.db" */
	memcpy(dir, slash ? path : ".", n);
	dir[n] = '\0';
	if (access(dir, W_OK) == 0)
		return NULL;
	snprintf(why, sizeof why, "%s: %s", dir, strerror(errno));
	return why;
}

/* Sets *error from the last SQLite error of db, naming path. A database that cannot be
 * written or opened for lack of permission or space is a system error (exit 3), and so
 * is an I/O error, named with the operating system's reason. */
static void db_error(char **error, sqlite3 *db, const char *path)
{
	int code = db ? sqlite3_errcode(db) & 0xff : SQLITE_NOMEM;
	const char *m = db ? sqlite3_errmsg(db) : "out of memory";
	int sys = db ? sqlite3_system_errno(db) : 0;
	const char *why;
	last_error_code = code;
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		set_error(error, str_printf(_("%s: database is locked (another process is writing it)"), path));
	else if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
		set_error(error, str_printf(_("%s: not a yakugo database (%s)"), path, m));
	else if ((code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM) &&
	         (why = why_not_writable(path)) != NULL)
		set_error(error, str_printf(_("%s: cannot write the database (%s)"), path, why));
	else if ((code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN) && sys)
		set_error(error, str_printf("%s: %s (%s)", path, m, strerror(sys)));
	else
		set_error(error, str_printf("%s: %s", path, m));
	last_error_system = code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_IOERR ||
	                    code == SQLITE_FULL || code == SQLITE_NOMEM || code == SQLITE_READONLY ||
	                    code == SQLITE_CANTOPEN || code == SQLITE_PERM;
}

static const char *path_of(const lexicon *lex, sqlite3 *db)
{
	return db == lex->user ? lex->user_path : db == lex->sys ? lex->sys_path : lex->seed_path;
}

/* Joins items with "\n" (malloc'd; "" for none). */
static char *join_lines(char **items, size_t n)
{
	size_t i, len = 1;
	char *s, *p;
	for (i = 0; i < n; i++)
		len += strlen(items[i]) + 1;
	s = malloc(len);
	if (!s)
		return NULL;
	p = s;
	for (i = 0; i < n; i++) {
		size_t l = strlen(items[i]);
		if (i)
			*p++ = '\n';
		memcpy(p, items[i], l);
		p += l;
	}
	*p = '\0';
	return s;
}

/* Splits s at "\n" into a malloc'd array of malloc'd strings; 0 or -1. */
static int split_lines(const char *s, char ***items, size_t *n)
{
	size_t count = 0, k = 0;
	const char *p;
	char **v;
	*items = NULL;
	*n = 0;
	if (!s || !*s)
		return 0;
	for (p = s, count = 1; *p; p++)
		if (*p == '\n')
			count++;
	v = calloc(count, sizeof *v);
	if (!v)
		return -1;
	for (p = s; k < count; k++) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		v[k] = malloc(l + 1);
		if (!v[k])
			goto fail;
		memcpy(v[k], p, l);
		v[k][l] = '\0';
		p += l + (e ? 1 : 0);
	}
	*items = v;
	*n = count;
	return 0;
fail:
	while (k > 0)
		free(v[--k]);
	free(v);
	return -1;
}

static void free_list(char **v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void lexicon_entry_clear(lexicon_entry *e)
{
	if (!e)
		return;
	free(e->ja);
	free(e->kana);
	free(e->romaji);
	free(e->type);
	free_list(e->en, e->n_en);
	free(e->market);
	free_list(e->variants, e->n_variants);
	free(e->footnotes);
	free(e->note);
	free(e->pos);
	free(e->source);
	memset(e, 0, sizeof *e);
}

/* ---- opening ---------------------------------------------------------------------- */

/* Cheap structural check of a database file before SQLite reads it: the magic string
 * and, when the header's page count is valid and no -wal file exists (a checkpoint
 * writes page 1 before it extends the file), that the file is not shorter than it says
 * (a truncated copy). A 0-byte file passes: a database nobody has written yet. Returns
 * 0, or -1 with *error set. */
static int check_file(const char *path, char **error)
{
	unsigned char h[100];
	struct stat st;
	FILE *fp = fopen(path, "rb");
	size_t got;
	unsigned long page_size, pages, counter, valid_for;
	char *wal = NULL;
	int rc = -1, has_wal;

	if (!fp) {
		errno_error(error, path, errno);
		return -1;
	}
	if (fstat(fileno(fp), &st) != 0) {
		errno_error(error, path, errno);
		goto cleanup;
	}
	if (S_ISDIR(st.st_mode)) {
		errno_error(error, path, EISDIR);
		goto cleanup;
	}
	if (st.st_size == 0) {
		rc = 0;
		goto cleanup;
	}
	got = fread(h, 1, sizeof h, fp);
	if (ferror(fp)) {
		errno_error(error, path, errno);
		goto cleanup;
	}
	if (got < sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
		set_error(error, str_printf(_("%s: not a yakugo database (file is not a database)"), path));
		goto cleanup;
	}
	wal = str_printf("%s-wal", path);
	if (!wal) {
		nomem_error(error);
		goto cleanup;
	}
	has_wal = access(wal, F_OK) == 0;
	page_size = (unsigned long)h[16] << 8 | h[17];
	if (page_size == 1)
		page_size = 65536;
	counter = (unsigned long)h[24] << 24 | (unsigned long)h[25] << 16 | h[26] << 8 | h[27];
	pages = (unsigned long)h[28] << 24 | (unsigned long)h[29] << 16 | h[30] << 8 | h[31];
	valid_for = (unsigned long)h[92] << 24 | (unsigned long)h[93] << 16 | h[94] << 8 | h[95];
	if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
	    (unsigned long long)st.st_size % page_size != 0 ||
	    (!has_wal && pages && counter == valid_for &&
	     (unsigned long long)st.st_size < (unsigned long long)pages * page_size)) {
		set_error(error, str_printf(_("%s: not a yakugo database (file is truncated or damaged)"), path));
		goto cleanup;
	}
	rc = 0;
cleanup:
	free(wal);
	fclose(fp);
	return rc;
}

static int exec(sqlite3 *db, const char *path, const char *sql, char **error)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_error(error, db, path);
		return -1;
	}
	return 0;
}

/* Reads PRAGMA user_version and whether the database has the entry table (1), no table
 * at all (0) or only other tables (-1). 0 or -1. */
static int schema_state(sqlite3 *db, const char *path, int *version, int *tables, char **error)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
	                           " AND name = 'entry' UNION ALL SELECT count(*) FROM"
	                           " sqlite_master", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	*tables = sqlite3_column_int(st, 0) ? 1 : 0;
	if (sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	if (!*tables && sqlite3_column_int(st, 0) > 0)
		*tables = -1; /* some other database */
	rc = 0;
	goto cleanup;
fail:
	db_error(error, db, path);
cleanup:
	sqlite3_finalize(st);
	return rc;
}

/* Brings a writable database to LEXICON_SCHEMA in one transaction; a database already
 * there costs one read and no write lock. 0 or -1. */
static int migrate(sqlite3 *db, const char *path, char **error)
{
	int version = 0, tables = 0, i;
	char *sql = NULL;
	if (schema_state(db, path, &version, &tables, error) != 0)
		return -1;
	if (version == LEXICON_SCHEMA && tables == 1)
		return 0;
	if (exec(db, path, "BEGIN IMMEDIATE", error) != 0)
		return -1;
	/* again under the write lock: another process may have migrated it meanwhile */
	if (schema_state(db, path, &version, &tables, error) != 0)
		goto fail;
	if (version == 0 && tables != 0) {
		set_error(error, str_printf(_("%s: not a yakugo database (it has other tables)"), path));
		goto fail;
	}
	if (version > LEXICON_SCHEMA) {
		set_error(error, str_printf(_("%s: made by a newer yakugo (schema %d, this one knows %d)"),
		                     path, version, LEXICON_SCHEMA));
		goto fail;
	}
	for (i = version; i < LEXICON_SCHEMA; i++)
		if (exec(db, path, migrations[i], error) != 0)
			goto fail;
	sql = str_printf("PRAGMA user_version = %d", LEXICON_SCHEMA);
	if (!sql || exec(db, path, sql, error) != 0)
		goto fail;
	free(sql);
	return exec(db, path, "COMMIT", error);
fail:
	free(sql);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Checks that a database opened read-only is a yakugo database of this schema.
 * Returns 0, 1 when it has no schema at all (no table, version 0: a 0-byte file, or
 * one another process is creating), or -1 with *error set. */
static int check_schema(sqlite3 *db, const char *path, char **error)
{
	int version = 0, tables = 0;
	if (schema_state(db, path, &version, &tables, error) != 0)
		return -1;
	if (tables == 0 && version == 0)
		return 1;
	if (tables != 1 || version < 1) {
		set_error(error, str_printf(_("%s: not a yakugo database (no yakugo tables)"), path));
		return -1;
	}
	if (version < LEXICON_READABLE || version > LEXICON_SCHEMA) {
		set_error(error, str_printf(_("%s: schema version %d, this yakugo needs %d"
		                       " (rebuild it, or open it once with a writing command)"),
		                     path, version, LEXICON_SCHEMA));
		return -1;
	}
	return 0;
}

static void glob_list_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv);

/* A database of schema 1 to 3 opened read-only (a user's lookup before any writing
 * command upgraded it) has no evidence columns: a temporary view of the same name,
 * which SQLite finds before the table, gives them as 0. 0 or -1 with *error set. */
static int compat_view(sqlite3 *db, const char *path, char **error)
{
	int version = 0, tables = 0;
	if (schema_state(db, path, &version, &tables, error) != 0)
		return -1;
	if (version >= 4)
		return 0;
	return exec(db, path, "CREATE TEMP VIEW entry AS SELECT *, 0 AS names, 0 AS cost"
	                      " FROM main.entry", error);
}

/* "file:PATH?immutable=1" with PATH percent-encoded (malloc'd), for sqlite3_open_v2
 * with SQLITE_OPEN_URI; NULL when out of memory. */
static char *immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path), i, o = 0;
	char *u = malloc(5 + 3 * n + sizeof "?immutable=1");
	if (!u)
		return NULL;
	memcpy(u, "file:", 5);
	o = 5;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '/' || c == '.' || c == '_' || c == '-' || c == '~') {
			u[o++] = (char)c;
		} else {
			u[o++] = '%';
			u[o++] = hex[c >> 4];
			u[o++] = hex[c & 15];
		}
	}
	memcpy(u + o, "?immutable=1", sizeof "?immutable=1");
	return u;
}

/* Opens one database file (which must exist) and sets it up; immutable: as a URI with
 * immutable=1 (no locks, no -shm). 0, 1 when a read-only database has no schema yet,
 * or -1 with *error set; *out gets the handle on 0 and 1. */
static int open_file(const char *path, int writable, int immutable, sqlite3 **out, char **error)
{
	sqlite3 *db = NULL;
	char *uri = NULL;
	int flags = (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX;
	int rc = -1;

	*out = NULL;
	if (immutable && !(uri = immutable_uri(path))) {
		nomem_error(error);
		return -1;
	}
	if (sqlite3_open_v2(uri ? uri : path, &db, flags | (uri ? SQLITE_OPEN_URI : 0), NULL) !=
	    SQLITE_OK) {
		db_error(error, db, path);
		goto cleanup;
	}
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	if (sqlite3_create_function(db, "yk_glob_list", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	                            NULL, glob_list_fn, NULL, NULL) != SQLITE_OK) {
		db_error(error, db, path);
		goto cleanup;
	}
	/* no mmap: with SQLite's own bounded page cache a lookup in a million entries
	 * stays near 12 MB resident (mmap'd pages count too and were no faster) */
	sqlite3_exec(db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
	if (writable) {
		if (exec(db, path, "PRAGMA journal_mode = WAL", error) != 0 ||
		    exec(db, path, "PRAGMA synchronous = NORMAL", error) != 0 ||
		    migrate(db, path, error) != 0)
			goto cleanup;
		rc = 0;
	} else {
		rc = check_schema(db, path, error);
		if (rc < 0)
			goto cleanup;
		/* an old schema read as it is: its missing columns from a temporary view */
		if (rc == 0 && compat_view(db, path, error) != 0) {
			rc = -1;
			goto cleanup;
		}
	}
	*out = db;
	db = NULL;
cleanup:
	sqlite3_close(db);
	free(uri);
	return rc;
}

/* Opens one existing database file. Read-only, when SQLite cannot open it — a WAL
 * database needs to create or write its -shm file, which a read-only mount, a 0555
 * directory or a full disk refuses — and its -wal file is missing or empty (every
 * committed change is in the database file itself), it is opened immutable instead.
 * Returns as open_file. */
static int open_db(const char *path, int writable, sqlite3 **out, char **error)
{
	struct stat st;
	char *wal;
	int rc, code;

	if (check_file(path, error) != 0)
		return -1;
	rc = open_file(path, writable, 0, out, error);
	if (rc >= 0 || writable)
		return rc;
	code = last_error_code;
	if (code != SQLITE_CANTOPEN && code != SQLITE_READONLY && code != SQLITE_IOERR &&
	    code != SQLITE_FULL && code != SQLITE_PERM)
		return rc;
	wal = str_printf("%s-wal", path);
	if (!wal) {
		nomem_error(error);
		return -1;
	}
	if (stat(wal, &st) != 0 || st.st_size == 0) {
		rc = open_file(path, 0, 1, out, error);
		if (rc >= 0 && error) {
			/* the first attempt's message is no error after all */
			free(*error);
			*error = NULL;
		}
	}
	free(wal);
	return rc;
}

/* Creates the database path with the schema, atomically: the schema is written into a
 * temporary file that mkstemp makes next to path (mode 0600), which is then linked to
 * path. So no process ever sees path without its schema, a full disk or a crash leaves
 * no half-made path behind (at most the temporary file, after a crash), and of two
 * processes creating it at once one wins and the other uses its database (link fails
 * with EEXIST, where a rename would replace a database already written to). The
 * directory's file system must have hard links. Returns 0, or -1 with *error set. */
static int create_db(const char *path, char **error)
{
	char *tmp = str_printf("%s.XXXXXX", path), *journal = NULL;
	sqlite3 *db = NULL;
	int fd, rc = -1;

	if (!tmp) {
		nomem_error(error);
		return -1;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		const char *why = strerror(errno);
		set_error(error, str_printf(_("%s: cannot create the database (%s)"), path, why));
		last_error_system = 1;
		free(tmp);
		return -1;
	}
	close(fd);
	journal = str_printf("%s-journal", tmp);
	if (!journal) {
		nomem_error(error);
		goto cleanup;
	}
	/* the schema in one transaction with a rollback journal (synchronous FULL: on disk
	 * at COMMIT), then the switch to WAL, which only rewrites the header */
	if (sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		db_error(error, db, path);
		goto cleanup;
	}
	if (migrate(db, path, error) != 0 ||
	    exec(db, path, "PRAGMA journal_mode = WAL", error) != 0)
		goto cleanup;
	if (sqlite3_close(db) != SQLITE_OK) {
		db_error(error, db, path);
		goto cleanup;
	}
	db = NULL;
	if (link(tmp, path) != 0 && errno != EEXIST) {
		const char *why = strerror(errno);
		set_error(error, str_printf(_("%s: cannot create the database (%s)"), path, why));
		last_error_system = 1;
		goto cleanup;
	}
	rc = 0; /* EEXIST: another process made it first; we use theirs */
cleanup:
	sqlite3_close(db);
	unlink(tmp);
	if (journal) {
		unlink(journal);
		/* "-journal" and "-wal" have the same length: the WAL's and its index's names */
		memcpy(journal + strlen(tmp), "-wal", 5);
		unlink(journal);
		memcpy(journal + strlen(tmp), "-shm", 5);
		unlink(journal);
	}
	free(journal);
	free(tmp);
	return rc;
}

lexicon *lexicon_open(const char *seed_path, const char *user_path, const char *system_path,
                     unsigned flags, char **error)
{
	lexicon *lex = calloc(1, sizeof *lex);
	struct stat st;
	int rc, exists;
	if (!lex) {
		nomem_error(error);
		return NULL;
	}
	lex->seed_path = strdup(seed_path);
	if (!lex->seed_path)
		goto nomem;
	rc = open_db(seed_path, 0, &lex->seed, error);
	if (rc != 0) {
		if (rc > 0)
			set_error(error, str_printf(_("%s: not a yakugo database (no yakugo tables)"), seed_path));
		goto fail;
	}
	if (!(flags & LEXICON_NO_USER) && user_path) {
		lex->user_path = strdup(user_path);
		if (!lex->user_path)
			goto nomem;
		exists = stat(user_path, &st) == 0;
		if (!exists && errno != ENOENT) {
			errno_error(error, user_path, errno);
			goto fail;
		}
		if (flags & LEXICON_READONLY) {
			/* missing, or no schema yet: no user entries */
			if (exists) {
				rc = open_db(user_path, 0, &lex->user, error);
				if (rc < 0)
					goto fail;
				if (rc > 0) {
					sqlite3_close(lex->user);
					lex->user = NULL;
				}
			}
		} else {
			if (!exists && create_db(user_path, error) != 0)
				goto fail;
			if (open_db(user_path, 1, &lex->user, error) != 0)
				goto fail;
		}
	}
	/* the system dictionary beside the seed database: read-only, absent when the
	 * build had no EDICT (then the seed glossary and the user's entries serve alone) */
	if (!(flags & LEXICON_NO_SYSTEM)) {
		if (system_path && stat(system_path, &st) == 0) {
			lex->sys_path = strdup(system_path);
			if (!lex->sys_path)
				goto nomem;
			rc = open_db(lex->sys_path, 0, &lex->sys, error);
			if (rc > 0)
				set_error(error, str_printf(_("%s: not a yakugo database (no yakugo tables)"),
				                            lex->sys_path));
			if (rc != 0)
				goto fail;
		}
	}
	return lex;
nomem:
	nomem_error(error);
fail:
	lexicon_close(lex);
	return NULL;
}

lexicon *lexicon_create_seed(const char *path, char **error)
{
	lexicon *lex = NULL;
	struct stat st;
	sqlite3 *db = NULL;
	if (stat(path, &st) == 0 && (!S_ISREG(st.st_mode) || st.st_size != 0)) {
		set_error(error, str_printf("%s: %s", path, strerror(EEXIST)));
		return NULL;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		db_error(error, db, path);
		sqlite3_close(db);
		return NULL;
	}
	lex = calloc(1, sizeof *lex);
	if (!lex || !(lex->seed_path = strdup(path))) {
		nomem_error(error);
		goto fail;
	}
	lex->seed = db;
	lex->creating = 1;
	db = NULL;
	if (exec(lex->seed, path, "PRAGMA journal_mode = DELETE", error) != 0 ||
	    exec(lex->seed, path, "PRAGMA synchronous = OFF", error) != 0 ||
	    migrate(lex->seed, path, error) != 0)
		goto fail;
	return lex;
fail:
	sqlite3_close(db);
	lexicon_close(lex);
	return NULL;
}

void lexicon_close(lexicon *lex)
{
	int e = errno;
	if (!lex)
		return;
	if (lex->import_db)
		lexicon_import_rollback(lex);
	sqlite3_close(lex->seed);
	sqlite3_close(lex->user);
	sqlite3_close(lex->sys);
	free(lex->seed_path);
	free(lex->user_path);
	free(lex->sys_path);
	free(lex);
	/* closing a read-only WAL database tries a write lock that fails (EBADF): a caller
	 * reporting an earlier failure (a write error on stdout) still has its errno */
	errno = e;
}

/* ---- reading entries ------------------------------------------------------------ */

#define ENTRY_COLUMNS "id, origin, ja, kana, romaji, type, en, market, variants, footnotes," \
	" note, pos, common, loc"

static char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

/* Fills e from a row of ENTRY_COLUMNS. 0 or -1 (out of memory). */
static int row_entry(sqlite3_stmt *st, lexicon_entry *e)
{
	const char *en, *variants;
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	e->origin = (lexicon_origin)sqlite3_column_int(st, 1);
	e->ja = col_text(st, 2);
	e->kana = col_text(st, 3);
	e->romaji = col_text(st, 4);
	e->type = col_text(st, 5);
	en = (const char *)sqlite3_column_text(st, 6);
	e->market = col_text(st, 7);
	variants = (const char *)sqlite3_column_text(st, 8);
	e->footnotes = col_text(st, 9);
	e->note = col_text(st, 10);
	e->pos = col_text(st, 11);
	e->common = sqlite3_column_int(st, 12);
	e->source = col_text(st, 13);
	if (e->market && !*e->market) {
		free(e->market);
		e->market = NULL;
	}
	if (!e->ja || !e->kana || !e->romaji || !e->type ||
	    split_lines(en, &e->en, &e->n_en) != 0 ||
	    split_lines(variants, &e->variants, &e->n_variants) != 0) {
		lexicon_entry_clear(e);
		return -1;
	}
	return 0;
}

int lexicon_foreach(lexicon *lex, unsigned origin_mask,
                    int (*fn)(const lexicon_entry *e, void *arg), void *arg, char **error)
{
	sqlite3 *dbs[3] = { lex->seed, lex->user, lex->sys };
	unsigned dicts = (1u << LEXICON_EDICT) | (1u << LEXICON_ENAMDICT);
	int d, rc = 0;
	for (d = 0; d < 3 && rc == 0; d++) {
		sqlite3_stmt *st = NULL;
		int s;
		/* the system database holds dictionaries only: not read for other origins */
		if (!dbs[d] || (d == 2 && !(origin_mask & dicts)))
			continue;
		if (sqlite3_prepare_v2(dbs[d], "SELECT " ENTRY_COLUMNS " FROM entry"
		                       " WHERE ((1 << origin) & ?1) != 0 ORDER BY id",
		                       -1, &st, NULL) != SQLITE_OK) {
			db_error(error, dbs[d], path_of(lex, dbs[d]));
			return -1;
		}
		sqlite3_bind_int64(st, 1, origin_mask);
		while ((s = sqlite3_step(st)) == SQLITE_ROW) {
			lexicon_entry e;
			if (row_entry(st, &e) != 0) {
				nomem_error(error);
				rc = -1;
				break;
			}
			rc = fn(&e, arg);
			lexicon_entry_clear(&e);
			if (rc)
				break;
		}
		if (rc == 0 && s != SQLITE_DONE) {
			db_error(error, dbs[d], path_of(lex, dbs[d]));
			rc = -1;
		}
		sqlite3_finalize(st);
	}
	return rc;
}

/* ---- writing entries ------------------------------------------------------------- */

static int bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* The folding keys of e, at most KEY_SLOTS, duplicates dropped. */
struct keyset {
	int kind[KEY_SLOTS];
	char *k[KEY_SLOTS];
	size_t n;
};

static void keyset_free(struct keyset *ks)
{
	size_t i;
	for (i = 0; i < ks->n; i++)
		free(ks->k[i]);
	ks->n = 0;
}

/* Adds key k (taken over; NULL is ignored) unless empty or already there. */
static void keyset_add(struct keyset *ks, int kind, char *k)
{
	size_t i;
	if (!k)
		return;
	if (!*k || ks->n == KEY_SLOTS)
		goto drop;
	for (i = 0; i < ks->n; i++)
		if (strcmp(ks->k[i], k) == 0)
			goto drop;
	ks->kind[ks->n] = kind;
	ks->k[ks->n++] = k;
	return;
drop:
	free(k);
}

/* Whether the lower-case ASCII word w[0..n) is a function word that initials and
 * English whole-name comparisons may leave out ("Ministry of Finance": MF or MOF). */
static int stop_word(const char *w, size_t n)
{
	static const char *const stop[] = { "a", "an", "and", "at", "by", "for", "in", "of",
	                                    "on", "the", "to" };
	size_t i, j;
	for (i = 0; i < sizeof stop / sizeof *stop; i++) {
		if (strlen(stop[i]) != n)
			continue;
		for (j = 0; j < n && (w[j] | 0x20) == stop[i][j]; j++)
			;
		if (j == n)
			return 1;
	}
	return 0;
}

/* Adds the initials keys of one English name s[0..len): its words are split at spaces,
 * hyphens and slashes; a name of 3 to 8 words of ASCII letters, with no parentheses,
 * gives the initials of all its words and of its words without function words, when
 * they are 3 letters or more ("Self-Defense Force" -> "=sdf"; "Ministry of Foreign
 * Affairs" -> "=mofa", "=mfa"). */
static void initials_of(const char *s, size_t len, struct keyset *ks)
{
	char all[12], content[12];
	size_t i = 0, na = 0, nc = 0, words = 0;
	while (i < len) {
		size_t b;
		while (i < len && (s[i] == ' ' || s[i] == '-' || s[i] == '/'))
			i++;
		if (i == len)
			break;
		b = i;
		while (i < len && s[i] != ' ' && s[i] != '-' && s[i] != '/') {
			char c = s[i];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
				return; /* digits, punctuation, parentheses, non-ASCII: no initials */
			i++;
		}
		if (++words > 8)
			return;
		all[1 + na++] = (char)(s[b] | 0x20);
		if (!stop_word(s + b, i - b))
			content[1 + nc++] = (char)(s[b] | 0x20);
	}
	if (na < 3)
		return;
	all[0] = content[0] = INITIALS_MARK;
	all[1 + na] = content[1 + nc] = '\0';
	if (na >= 3)
		keyset_add(ks, KIND_INITIALS, strdup(all));
	if (nc >= 3 && nc != na)
		keyset_add(ks, KIND_INITIALS, strdup(content));
}

/* The folding keys of an entry in slot order — its romaji, its kana, each of its
 * variants ("\n"-separated), its market name, then the initials of its English names
 * (en, "\n"-separated; NULL: none) — empty and repeated keys dropped, and only until
 * slot `upto` is filled (the fuzzy search needs one key of a candidate). */
static void keys_of(const char *romaji, const char *kana, const char *variants,
                    const char *market, const char *en, size_t upto, struct keyset *ks)
{
	const char *p;
	ks->n = 0;
	keyset_add(ks, KIND_ROMAJI, match_romaji_key(romaji ? romaji : "", (size_t)-1));
	if (ks->n > upto)
		return;
	keyset_add(ks, KIND_ROMAJI, match_romaji_key(kana ? kana : "", (size_t)-1));
	for (p = variants; p && *p && ks->n <= upto;) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		keyset_add(ks, KIND_VARIANT, match_romaji_key(p, l));
		p += l + (e ? 1 : 0);
	}
	if (market && *market && ks->n <= upto)
		keyset_add(ks, KIND_MARKET, match_romaji_key(market, (size_t)-1));
	for (p = en; p && *p && ks->n <= upto;) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		initials_of(p, l, ks);
		p += l + (e ? 1 : 0);
	}
}

static const char ins_entry_sql[] =
	"INSERT INTO entry(id, origin, source, ja, kana, romaji, type, en, market, variants,"
	" footnotes, note, pos, common, loc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	" ?11, ?12, ?13, ?14, ?15)";
static const char ins_fold_sql[] = "INSERT INTO fold(kid, kind, k) VALUES (?1, ?2, ?3)";

/* Inserts e (with id when id > 0) and its keys through the prepared statements.
 * *new_id gets the row id. 0 or -1 with *error set. */
static int insert_entry(sqlite3 *db, const char *path, sqlite3_stmt *ins, sqlite3_stmt *insf,
                        const lexicon_entry *e, lexicon_origin origin, const char *source,
                        int64_t id, int64_t *new_id, char **error)
{
	char *en = NULL, *variants = NULL;
	struct keyset ks = { .n = 0 };
	size_t i;
	int rc = -1;

	en = join_lines(e->en, e->n_en);
	variants = join_lines(e->variants, e->n_variants);
	if (!en || !variants) {
		nomem_error(error);
		goto cleanup;
	}
	sqlite3_reset(ins);
	sqlite3_clear_bindings(ins);
	if (id > 0)
		sqlite3_bind_int64(ins, 1, id);
	sqlite3_bind_int(ins, 2, (int)origin);
	bind_text(ins, 3, source ? source : "");
	bind_text(ins, 4, e->ja ? e->ja : "");
	bind_text(ins, 5, e->kana ? e->kana : "");
	bind_text(ins, 6, e->romaji ? e->romaji : "");
	bind_text(ins, 7, e->type ? e->type : "");
	bind_text(ins, 8, en);
	bind_text(ins, 9, e->market ? e->market : "");
	bind_text(ins, 10, variants);
	bind_text(ins, 11, e->footnotes);
	bind_text(ins, 12, e->note);
	bind_text(ins, 13, e->pos);
	sqlite3_bind_int(ins, 14, e->common ? 1 : 0);
	bind_text(ins, 15, e->source);
	if (sqlite3_step(ins) != SQLITE_DONE) {
		db_error(error, db, path);
		goto cleanup;
	}
	id = sqlite3_last_insert_rowid(db);
	keys_of(e->romaji, e->kana, variants, e->market, en, KEY_SLOTS, &ks);
	for (i = 0; i < ks.n; i++) {
		sqlite3_reset(insf);
		sqlite3_bind_int64(insf, 1, id * KEY_SLOTS + (int64_t)i);
		sqlite3_bind_int(insf, 2, ks.kind[i]);
		bind_text(insf, 3, ks.k[i]);
		if (sqlite3_step(insf) != SQLITE_DONE) {
			db_error(error, db, path);
			goto cleanup;
		}
	}
	if (new_id)
		*new_id = id;
	rc = 0;
cleanup:
	sqlite3_reset(ins);
	sqlite3_reset(insf);
	keyset_free(&ks);
	free(en);
	free(variants);
	return rc;
}

/* Deletes the folding keys of entry id (their trigger keeps gram in step): fold is
 * keyed by the key, so this reads it whole — a few milliseconds for a user's entries,
 * some 100 ms beside a million imported ones. 0 or -1 with *error set. */
static int delete_keys(sqlite3 *db, const char *path, int64_t id, char **error)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (sqlite3_prepare_v2(db, "DELETE FROM fold WHERE kid BETWEEN ?1 AND ?2", -1, &st,
	                       NULL) != SQLITE_OK)
		goto dberr;
	sqlite3_bind_int64(st, 1, id * KEY_SLOTS);
	sqlite3_bind_int64(st, 2, id * KEY_SLOTS + KEY_SLOTS - 1);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto dberr;
	rc = 0;
	goto cleanup;
dberr:
	db_error(error, db, path);
cleanup:
	sqlite3_finalize(st);
	return rc;
}

/* Runs insert_entry in its own transaction on the user database. */
static int write_user(lexicon *lex, const lexicon_entry *e, int64_t id, int64_t *new_id,
                      int replace, char **error)
{
	sqlite3_stmt *ins = NULL, *insf = NULL, *del = NULL;
	sqlite3 *db = lex->user;
	int rc = -1;
	if (!db) {
		set_error(error, str_printf(_("no user database is open")));
		return -1;
	}
	if (exec(db, lex->user_path, "BEGIN IMMEDIATE", error) != 0)
		return -1;
	if (replace) {
		if (sqlite3_prepare_v2(db, "DELETE FROM entry WHERE id = ?1 AND origin = ?2",
		                       -1, &del, NULL) != SQLITE_OK)
			goto dberr;
		sqlite3_bind_int64(del, 1, id);
		sqlite3_bind_int(del, 2, LEXICON_USER);
		if (sqlite3_step(del) != SQLITE_DONE)
			goto dberr;
		if (sqlite3_changes(db) == 0) {
			rc = 1;
			goto rollback;
		}
		if (delete_keys(db, lex->user_path, id, error) != 0)
			goto rollback;
	}
	if (e) {
		if (sqlite3_prepare_v2(db, ins_entry_sql, -1, &ins, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(db, ins_fold_sql, -1, &insf, NULL) != SQLITE_OK)
			goto dberr;
		if (insert_entry(db, lex->user_path, ins, insf, e, LEXICON_USER, "user", id,
		                 new_id, error) != 0)
			goto rollback;
	}
	if (exec(db, lex->user_path, "COMMIT", error) != 0)
		goto rollback;
	rc = 0;
	goto cleanup;
dberr:
	db_error(error, db, lex->user_path);
rollback:
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
cleanup:
	sqlite3_finalize(ins);
	sqlite3_finalize(insf);
	sqlite3_finalize(del);
	return rc;
}

int lexicon_add(lexicon *lex, const lexicon_entry *e, int64_t *id, char **error)
{
	return write_user(lex, e, 0, id, 0, error);
}

int lexicon_update(lexicon *lex, int64_t id, const lexicon_entry *e, char **error)
{
	return write_user(lex, e, id, NULL, 1, error);
}

int lexicon_remove(lexicon *lex, int64_t id, char **error)
{
	return write_user(lex, NULL, id, NULL, 1, error);
}

int lexicon_import_begin(lexicon *lex, lexicon_origin origin, const char *source, char **error)
{
	sqlite3 *db = lex->creating ? lex->seed : lex->user;
	sqlite3_stmt *del = NULL;
	const char *path = lex->creating ? lex->seed_path : lex->user_path;
	if (!db) {
		set_error(error, str_printf(_("no user database is open")));
		return -1;
	}
	if (lex->import_db) {
		set_error(error, str_printf(_("%s: an import is already running"), path));
		return -1;
	}
	/* a dictionary's source is its origin: importing EDICT again replaces EDICT, from
	 * whatever file (the name is not stored, a million times) */
	if (origin == LEXICON_EDICT || origin == LEXICON_ENAMDICT)
		source = "";
	lex->import_source = strdup(source ? source : "");
	if (!lex->import_source) {
		nomem_error(error);
		return -1;
	}
	/* A bulk import touches every index page: a 64 MB page cache keeps them in memory
	 * instead of spilling the transaction to disk again and again. */
	if (exec(db, path, "PRAGMA cache_size = -65536", error) != 0 ||
	    exec(db, path, "BEGIN IMMEDIATE", error) != 0)
		goto fail;
	lex->import_db = db;
	lex->import_origin = origin;
	/* dictionaries: bulk mode (full-text indexes rebuilt once at commit) */
	lex->bulk = origin == LEXICON_EDICT || origin == LEXICON_ENAMDICT;
	if (lex->bulk && exec(db, path, "INSERT INTO bulk VALUES (1)", error) != 0) {
		lexicon_import_rollback(lex);
		return -1;
	}
	/* the entries this source imported before, and their keys (one pass over fold);
	 * a dictionary's index on the written form is built again at commit, packed */
	if (lex->bulk && exec(db, path, "DROP INDEX IF EXISTS entry_ja", error) != 0) {
		lexicon_import_rollback(lex);
		return -1;
	}
	if (sqlite3_prepare_v2(db, "DELETE FROM fold WHERE kid / 16 IN"
	                       " (SELECT id FROM entry WHERE origin = ?1 AND source = ?2)",
	                       -1, &del, NULL) != SQLITE_OK)
		goto dberr;
	sqlite3_bind_int(del, 1, (int)origin);
	bind_text(del, 2, lex->import_source);
	if (sqlite3_step(del) != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(del);
	if (sqlite3_prepare_v2(db, "DELETE FROM entry WHERE origin = ?1 AND source = ?2",
	                       -1, &del, NULL) != SQLITE_OK)
		goto dberr;
	sqlite3_bind_int(del, 1, (int)origin);
	bind_text(del, 2, lex->import_source);
	if (sqlite3_step(del) != SQLITE_DONE)
		goto dberr;
	lex->import_replacing = (size_t)sqlite3_changes64(db);
	sqlite3_finalize(del);
	if (sqlite3_prepare_v2(db, ins_entry_sql, -1, &lex->ins_entry, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, ins_fold_sql, -1, &lex->ins_fold, NULL) != SQLITE_OK) {
		db_error(error, db, path);
		lexicon_import_rollback(lex);
		return -1;
	}
	return 0;
dberr:
	db_error(error, db, path);
	sqlite3_finalize(del);
	lexicon_import_rollback(lex);
	return -1;
fail:
	free(lex->import_source);
	lex->import_source = NULL;
	return -1;
}

int lexicon_import_add(lexicon *lex, const lexicon_entry *e, char **error)
{
	if (!lex->import_db) {
		set_error(error, str_printf(_("no import is running")));
		return -1;
	}
	return insert_entry(lex->import_db, path_of(lex, lex->import_db), lex->ins_entry,
	                    lex->ins_fold, e, lex->import_origin, lex->import_source, 0, NULL, error);
}

int lexicon_import_commit(lexicon *lex, char **error)
{
	sqlite3 *db = lex->import_db;
	const char *path;
	if (!db) {
		set_error(error, str_printf(_("no import is running")));
		return -1;
	}
	path = path_of(lex, db);
	sqlite3_finalize(lex->ins_entry);
	sqlite3_finalize(lex->ins_fold);
	lex->ins_entry = lex->ins_fold = NULL;
	if (lex->bulk &&
	    (exec(db, path, "DELETE FROM bulk", error) != 0 ||
	     exec(db, path, "INSERT INTO en_fts(en_fts) VALUES ('rebuild')", error) != 0 ||
	     exec(db, path, "INSERT INTO gram(gram) VALUES ('delete-all')", error) != 0 ||
	     exec(db, path, "INSERT INTO gram(rowid, k) SELECT kid, k FROM fold WHERE kind >= 2"
	                    " ORDER BY kid", error) != 0 ||
	     exec(db, path, "CREATE INDEX IF NOT EXISTS entry_ja ON entry(ja)", error) != 0)) {
		lexicon_import_rollback(lex);
		return -1;
	}
	if (lex->creating &&
	    (exec(db, path, "INSERT INTO en_fts(en_fts) VALUES ('optimize')", error) != 0 ||
	     exec(db, path, "INSERT INTO gram(gram) VALUES ('optimize')", error) != 0)) {
		lexicon_import_rollback(lex);
		return -1;
	}
	if (exec(db, path, "COMMIT", error) != 0) {
		lexicon_import_rollback(lex);
		return -1;
	}
	lex->import_db = NULL;
	lex->bulk = 0;
	free(lex->import_source);
	lex->import_source = NULL;
	return 0;
}

size_t lexicon_import_replacing(const lexicon *lex)
{
	return lex && lex->import_db ? lex->import_replacing : 0;
}

void lexicon_import_rollback(lexicon *lex)
{
	if (!lex || !lex->import_db)
		return;
	sqlite3_finalize(lex->ins_entry);
	sqlite3_finalize(lex->ins_fold);
	sqlite3_finalize(lex->ins_cost);
	lex->ins_entry = lex->ins_fold = lex->ins_cost = NULL;
	sqlite3_exec(lex->import_db, "ROLLBACK", NULL, NULL, NULL);
	lex->import_db = NULL;
	lex->bulk = 0;
	free(lex->import_source);
	lex->import_source = NULL;
}

/* ---- commonness evidence (system dictionary build) -------------------------------- */

/* SQL yk_hira(kana): the plain hiragana form (hira_plain). */
static char *hira_plain(const char *s);
static void hira_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	char *h;
	(void)argc;
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	h = hira_plain(t);
	if (!h) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, h, -1, free);
}

/* SQL yk_rev(text): the code points of text in reverse order (suffix ranges). */
static void rev_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	size_t n, i = 0;
	char *r;
	(void)argc;
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	n = strlen(t);
	r = malloc(n + 1);
	if (!r) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	while (i < n) {
		size_t b = i;
		text_next_cp(t, n, &i);
		memcpy(r + n - i, t + b, i - b);
	}
	r[n] = '\0';
	sqlite3_result_text(ctx, r, (int)n, free);
}

int lexicon_evidence_begin(lexicon *lex, char **error)
{
	sqlite3 *db = lex->seed;
	const char *path = lex->seed_path;
	if (!lex->creating || lex->import_db) {
		set_error(error, str_printf(_("%s: no database is being built"), path));
		return -1;
	}
	if (sqlite3_create_function(db, "yk_hira", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                            hira_fn, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(db, "yk_rev", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                            rev_fn, NULL, NULL) != SQLITE_OK) {
		db_error(error, db, path);
		return -1;
	}
	if (exec(db, path, "BEGIN IMMEDIATE", error) != 0)
		return -1;
	lex->import_db = db;
	if (exec(db, path, "CREATE TEMP TABLE ipadic(ja TEXT NOT NULL, kana TEXT NOT NULL,"
	                   " cost INTEGER NOT NULL, PRIMARY KEY(ja, kana)) WITHOUT ROWID", error) != 0)
		goto fail;
	if (sqlite3_prepare_v2(db, "INSERT INTO temp.ipadic VALUES (?1, yk_hira(?2), ?3)"
	                       " ON CONFLICT DO UPDATE SET cost = min(cost, excluded.cost)",
	                       -1, &lex->ins_cost, NULL) != SQLITE_OK) {
		db_error(error, db, path);
		goto fail;
	}
	return 0;
fail:
	lexicon_import_rollback(lex);
	return -1;
}

int lexicon_evidence_cost(lexicon *lex, const char *ja, const char *kana, int cost, char **error)
{
	if (!lex->ins_cost) {
		set_error(error, str_printf(_("no import is running")));
		return -1;
	}
	sqlite3_reset(lex->ins_cost);
	bind_text(lex->ins_cost, 1, ja);
	bind_text(lex->ins_cost, 2, kana);
	sqlite3_bind_int(lex->ins_cost, 3, cost);
	if (sqlite3_step(lex->ins_cost) != SQLITE_DONE) {
		db_error(error, lex->seed, lex->seed_path);
		return -1;
	}
	return 0;
}

int lexicon_evidence_commit(lexicon *lex, char **error)
{
	sqlite3 *db = lex->seed;
	const char *path = lex->seed_path;
	if (!lex->ins_cost) {
		set_error(error, str_printf(_("no import is running")));
		return -1;
	}
	sqlite3_finalize(lex->ins_cost);
	lex->ins_cost = NULL;
	/* IPAdic's cost of the same written form and reading */
	if (exec(db, path, "UPDATE entry SET cost = coalesce((SELECT i.cost FROM temp.ipadic i"
	                   " WHERE i.ja = entry.ja AND i.kana = yk_hira(entry.kana)), 0)"
	                   " WHERE ja IN (SELECT ja FROM temp.ipadic)", error) != 0 ||
	    exec(db, path, "DROP TABLE temp.ipadic", error) != 0)
		goto fail;
	/* names: ENAMDICT's full names that begin with the entry (a surname) or end with
	 * it (a given name), in writing and in reading alike (岸田文雄 きしだふみお counts
	 * for 岸田 きしだ and 文雄 ふみお, not for 岸田 きした) */
	if (exec(db, path, "CREATE TEMP TABLE full(ja TEXT, kana TEXT, rja TEXT, rkana TEXT);"
	                   "INSERT INTO temp.full SELECT ja, yk_hira(kana), yk_rev(ja),"
	                   " yk_rev(yk_hira(kana)) FROM entry WHERE origin = 4 AND type = 'person'"
	                   " AND ja != '';"
	                   "CREATE INDEX temp.full_ja ON full(ja);"
	                   "CREATE INDEX temp.full_rja ON full(rja);", error) != 0 ||
	    exec(db, path, "UPDATE entry SET names ="
	                   " (SELECT count(*) FROM temp.full f WHERE f.ja > entry.ja"
	                   "  AND f.ja < entry.ja || char(1114111)"
	                   "  AND substr(f.kana, 1, length(yk_hira(entry.kana))) = yk_hira(entry.kana))"
	                   " + (SELECT count(*) FROM temp.full f WHERE f.rja > yk_rev(entry.ja)"
	                   "  AND f.rja < yk_rev(entry.ja) || char(1114111)"
	                   "  AND substr(f.rkana, 1, length(yk_hira(entry.kana)))"
	                   "   = yk_rev(yk_hira(entry.kana)))"
	                   " WHERE origin = 4 AND type != 'person' AND ja != '' AND length(ja) <= 4",
	         error) != 0 ||
	    exec(db, path, "DROP TABLE temp.full", error) != 0)
		goto fail;
	/* a full name whose parts are known, a surname then a given name of the same
	 * writing and reading, is romanized "Surname Given" (岸田文雄 Kishida Fumio, was
	 * Kishidafumio); its folding keys do not change (spaces and case are not in them),
	 * so every spelling that found it still does. The longest surname wins. */
	if (exec(db, path, "CREATE TEMP TABLE sur AS SELECT DISTINCT ja, yk_hira(kana) AS kana, romaji"
	                   " FROM entry WHERE origin = 4 AND ja != '' AND length(ja) <= 4 AND"
	                   " (type = 'surname' OR note LIKE '%surname%');"
	                   "CREATE INDEX temp.sur_ja ON sur(ja);"
	                   "CREATE TEMP TABLE giv AS SELECT DISTINCT ja, yk_hira(kana) AS kana, romaji"
	                   " FROM entry WHERE origin = 4 AND ja != '' AND"
	                   " (type = 'given' OR note LIKE '%given name%');"
	                   "CREATE INDEX temp.giv_ja ON giv(ja, kana);", error) != 0 ||
	    exec(db, path, "UPDATE entry SET romaji = split.r FROM"
	                   " (SELECT p.id AS id, (SELECT s.romaji || ' ' || g.romaji FROM temp.sur s"
	                   "   JOIN temp.giv g ON g.ja = substr(p.ja, length(s.ja) + 1)"
	                   "   AND g.kana = substr(p.kana, length(s.kana) + 1)"
	                   "   WHERE s.ja IN (substr(p.ja, 1, 1), substr(p.ja, 1, 2), substr(p.ja, 1, 3),"
	                   "                  substr(p.ja, 1, 4)) AND length(s.ja) < length(p.ja)"
	                   "   AND s.kana = substr(p.kana, 1, length(s.kana))"
	                   "   ORDER BY length(s.ja) DESC, length(s.kana) DESC LIMIT 1) AS r"
	                   "  FROM (SELECT id, ja, yk_hira(kana) AS kana FROM entry"
	                   "   WHERE origin = 4 AND type = 'person' AND ja != '') p) AS split"
	                   " WHERE entry.id = split.id AND split.r IS NOT NULL", error) != 0 ||
	    exec(db, path, "DROP TABLE temp.sur; DROP TABLE temp.giv", error) != 0 ||
	    exec(db, path, "COMMIT", error) != 0)
		goto fail;
	lex->import_db = NULL;
	return 0;
fail:
	lexicon_import_rollback(lex);
	return -1;
}

/* ---- search ----------------------------------------------------------------------- */

/* One candidate result while searching. */
struct hit {
	int db;            /* 0 seed, 1 user, 2 system */
	int64_t id;
	int tier;          /* 0 exact, 1 normalised, 2 fuzzy */
	int distance;
	double bonus;      /* 0..1 within a tier */
	const char *match;
	int origin;
	double ev;         /* commonness evidence (evidence()) */
	double score;
};

/* The query in the forms the searches need. */
struct qforms {
	const char *raw;
	char *nfkc;        /* NFKC, trimmed */
	char *plain;       /* match_plain */
	char *rkey;        /* romaji folding key ("" when none) */
	char *kkey;        /* kana folding key, when the query has kana */
	char *hira;        /* hiragana plain form, when the query has kana */
	char *words;       /* English words (en_words) */
	char *ejoined;     /* its loose forms (loose_forms) */
	char *einverted;
	unsigned scripts;
	int wildcard;
	int exact;
};

struct search {
	lexicon *lex;
	struct qforms *q;
	struct hit *hits;
	size_t n, cap;
	size_t *slot;        /* hash of (db, id) -> index into hits + 1 (0: empty) */
	size_t nslot;        /* a power of two, at least twice cap */
	sqlite3 *db;
	int dbi;
	sqlite3_stmt *info;  /* origin, common, kana, romaji, variants, en, market by id */
	char **error;
};

/* Lower-case ASCII words (non-ASCII bytes kept as letters) joined by one space. */
static char *words_of(const char *s)
{
	size_t n = strlen(s), i, o = 0;
	char *w = malloc(n + 1);
	int in = 0;
	if (!w)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int letter = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		             (c >= 'A' && c <= 'Z');
		if (letter) {
			if (!in && o > 0)
				w[o++] = ' ';
			w[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			in = 1;
		} else {
			in = 0;
		}
	}
	w[o] = '\0';
	return w;
}

/* Plain hiragana form of kana text (spaces, dots removed). */
static char *hira_plain(const char *s)
{
	char *nfkc = text_nfkc(s, (size_t)-1), *h = NULL, *p = NULL;
	if (nfkc)
		h = match_hiragana(nfkc);
	if (h)
		p = match_plain(h, (size_t)-1);
	free(nfkc);
	free(h);
	return p;
}

static void qforms_free(struct qforms *q)
{
	free(q->nfkc);
	free(q->plain);
	free(q->rkey);
	free(q->kkey);
	free(q->hira);
	free(q->words);
	free(q->ejoined);
	free(q->einverted);
}

static char *en_words(const char *s, size_t len);
static int loose_forms(const char *words, char **joined, char **inverted);

static int qforms_make(struct qforms *q, const char *query, int exact)
{
	size_t b, e;
	memset(q, 0, sizeof *q);
	q->raw = query;
	q->exact = exact;
	q->nfkc = text_nfkc(query, (size_t)-1);
	if (!q->nfkc)
		return -1;
	/* trim spaces */
	for (b = 0; q->nfkc[b] == ' ' || q->nfkc[b] == '\t'; b++)
		;
	e = strlen(q->nfkc);
	while (e > b && (q->nfkc[e - 1] == ' ' || q->nfkc[e - 1] == '\t'))
		e--;
	memmove(q->nfkc, q->nfkc + b, e - b);
	q->nfkc[e - b] = '\0';
	q->scripts = match_scripts(q->nfkc);
	q->wildcard = match_has_wildcard(q->nfkc);
	q->plain = match_plain(q->nfkc, (size_t)-1);
	q->rkey = match_romaji_key(q->nfkc, (size_t)-1);
	q->words = en_words(q->plain ? q->nfkc : "", q->plain ? strlen(q->nfkc) : 0);
	if (!q->plain || !q->rkey || !q->words || loose_forms(q->words, &q->ejoined, &q->einverted) != 0)
		return -1;
	if (q->scripts & MATCH_KANA) {
		q->kkey = match_kana_key(q->nfkc, (size_t)-1);
		q->hira = hira_plain(q->nfkc);
		if (!q->kkey || !q->hira)
			return -1;
	}
	return 0;
}

static int64_t hit_rank_origin(int origin)
{
	return origin <= LEXICON_USER ? 0 : 1;
}

/* Commonness from an entry's evidence (README "Ranking"): 1 for EDICT's (P); IPAdic's
 * cost c of the same written form and reading, (9000 - c) / 6000 up to 1 (a cost of
 * 3000 or less is an everyday word); and the full names that use a surname or given
 * name, 0.4 * log2(1 + names) up to 1.2. */
static double evidence(int common, int64_t names, int64_t cost)
{
	double ev = common ? 1 : 0, c;
	if (cost > 0 && cost < 9000) {
		c = (9000 - (double)cost) / 6000;
		ev += c > 1 ? 1 : c;
	}
	if (names > 0) {
		c = 0.4 * log2(1 + (double)names);
		ev += c > 1.2 ? 1.2 : c;
	}
	return ev;
}

/* The evidence of a row whose columns col, col + 1, col + 2 are common, names, cost. */
static double row_evidence(sqlite3_stmt *st, int col)
{
	return evidence(sqlite3_column_int(st, col), sqlite3_column_int64(st, col + 1),
	                sqlite3_column_int64(st, col + 2));
}

/* The score of a hit (README "Ranking"); commonness is capped at EVIDENCE_CAP, so an
 * imported entry never passes a seed or user entry of the same tier and distance. */
static double hit_score(int tier, int distance, int origin, double bonus, double ev)
{
	return 300 - 100 * tier - 10 * distance - 5 * (double)hit_rank_origin(origin) + bonus +
	       (ev > EVIDENCE_CAP ? EVIDENCE_CAP : ev);
}

/* The slot of (db, id) in the hash of hits: where it is, or the empty slot where it
 * goes (linear probing); 0 before the first hit (no hash yet). */
static size_t hit_slot(const struct search *s, int db, int64_t id)
{
	size_t mask = s->nslot - 1, j;
	if (!s->nslot)
		return 0;
	j = (size_t)(((uint64_t)id * 2 + (uint64_t)db) * 0x9E3779B97F4A7C15ULL >> 17) & mask;
	while (s->slot[j]) {
		const struct hit *h = &s->hits[s->slot[j] - 1];
		if (h->id == id && h->db == db)
			break;
		j = (j + 1) & mask;
	}
	return j;
}

/* Records a hit (keeping the better one per entry); ev is the entry's evidence(). */
static int add_hit(struct search *s, int64_t id, int tier, int distance, double bonus,
                   const char *match, int origin, double ev)
{
	size_t i, j;
	double score;
	if (s->q->exact && tier > 0)
		return 0;
	score = hit_score(tier, distance, origin, bonus, ev);
	j = hit_slot(s, s->dbi, id);
	if (s->nslot && s->slot[j]) {
		struct hit *h = &s->hits[s->slot[j] - 1];
		if (score > h->score) {
			h->tier = tier;
			h->distance = distance;
			h->bonus = bonus;
			h->match = match;
			h->score = score;
		}
		return 0;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 32, nslot = 4 * cap;
		struct hit *nh = realloc(s->hits, cap * sizeof *nh);
		size_t *ns = calloc(nslot, sizeof *ns);
		if (!nh || !ns) {
			if (nh)
				s->hits = nh;
			free(ns);
			nomem_error(s->error);
			return -1;
		}
		s->hits = nh;
		s->cap = cap;
		free(s->slot);
		s->slot = ns;
		s->nslot = nslot;
		for (i = 0; i < s->n; i++)
			s->slot[hit_slot(s, s->hits[i].db, s->hits[i].id)] = i + 1;
		j = hit_slot(s, s->dbi, id);
	}
	s->slot[j] = s->n + 1;
	s->hits[s->n++] = (struct hit){ s->dbi, id, tier, distance, bonus, match, origin, ev, score };
	return 0;
}

static sqlite3_stmt *prep(struct search *s, const char *sql);

/* Facts about entry id needed to classify a match. Strings point into s->info and are
 * valid until the next call. Returns 1 found, 0 not, -1 error. */
struct info {
	int origin;
	double ev;
	const char *kana, *romaji, *variants, *en, *market;
};

static int get_info(struct search *s, int64_t id, struct info *in)
{
	int r;
	/* prepared at the first use: a search in the written form alone needs none */
	if (!s->info && !(s->info = prep(s, "SELECT origin, common, names, cost, kana, romaji,"
	                                     " variants, en, market FROM entry WHERE id = ?1")))
		return -1;
	sqlite3_reset(s->info);
	sqlite3_bind_int64(s->info, 1, id);
	r = sqlite3_step(s->info);
	if (r == SQLITE_DONE)
		return 0;
	if (r != SQLITE_ROW) {
		db_error(s->error, s->db, path_of(s->lex, s->db));
		return -1;
	}
	in->origin = sqlite3_column_int(s->info, 0);
	in->ev = row_evidence(s->info, 1);
	in->kana = (const char *)sqlite3_column_text(s->info, 4);
	in->romaji = (const char *)sqlite3_column_text(s->info, 5);
	in->variants = (const char *)sqlite3_column_text(s->info, 6);
	in->en = (const char *)sqlite3_column_text(s->info, 7);
	in->market = (const char *)sqlite3_column_text(s->info, 8);
	return 1;
}

/* Whether one of the "\n"-separated items of list has the plain form plain. */
static int list_has_plain(const char *list, const char *plain)
{
	char **v = NULL;
	size_t n = 0, i;
	int found = 0;
	if (!list || split_lines(list, &v, &n) != 0)
		return 0;
	for (i = 0; i < n && !found; i++) {
		char *p = match_plain(v[i], (size_t)-1);
		found = p && strcmp(p, plain) == 0;
		free(p);
	}
	free_list(v, n);
	return found;
}

/* Whether words (lower-case words joined by one space) occur in w, a string of the
 * same form, as whole words. */
static int has_words(const char *w, const char *words)
{
	size_t n = strlen(words);
	const char *p = w;
	if (!n)
		return 0;
	while ((p = strstr(p, words)) != NULL) {
		if ((p == w || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
		p++;
	}
	return 0;
}

/* English words for comparison: diacritics stripped (Shinzō = Shinzo), case folded,
 * a life span in parentheses at the end dropped ("Shinzō Abe (1954.9-)": an open range
 * of digits; a closed one, "(1869-2001)", says the name is no longer current and stays),
 * then lower-case words joined by one space (words_of). Malloc'd, or NULL. */
static char *en_words(const char *s, size_t len)
{
	char *item = malloc(len + 1), *sm = NULL, *cf = NULL, *w;
	size_t i, n = len;
	if (!item)
		return NULL;
	memcpy(item, s, len);
	item[len] = '\0';
	while (n > 0 && item[n - 1] == ' ')
		n--;
	if (n > 2 && item[n - 1] == ')' && item[n - 2] == '-') {
		for (i = n - 2; i > 0 && ((item[i - 1] >= '0' && item[i - 1] <= '9') ||
		                          item[i - 1] == '.' || item[i - 1] == '-'); i--)
			;
		if (i > 0 && item[i - 1] == '(' && i < n - 2)
			item[i - 1] = '\0';
	}
	for (i = 0; item[i] && (unsigned char)item[i] < 0x80; i++)
		;
	if (item[i]) { /* non-ASCII: strip marks and case-fold first (words_of lowers ASCII) */
		sm = text_strip_marks(item, (size_t)-1);
		cf = sm ? text_casefold(sm, (size_t)-1) : NULL;
	}
	{
		/* every code point that is not a letter or digit separates words (’ —),
		 * as FTS5's tokenizer has it: a quoted word is then one token */
		char *t = cf ? cf : item;
		size_t tl = strlen(t), k = 0;
		while (k < tl) {
			size_t b = k;
			int32_t cp = text_next_cp(t, tl, &k);
			if (cp >= 0x80 && !text_is_alnum(cp))
				memset(t + b, ' ', k - b);
		}
		w = words_of(t);
	}
	free(item);
	free(sm);
	free(cf);
	return w;
}

/* The forms of English words (en_words) that compare names loosely: the content
 * words (without function words), each stemmed (a plural's s dropped: forces = force,
 * rates = rate, policies = policy), joined without spaces (birth rate = birthrate,
 * Self-Defense = Self Defense) into *joined; and when the words are "A of B" (one "of"),
 * the same of "B A" into *inverted (University of Tokyo = Tokyo University; else "").
 * Malloc'd; 0, or -1 out of memory. */
static int loose_forms(const char *words, char **joined, char **inverted)
{
	size_t n = strlen(words), nw = 0, i, o = 0, of = 0, nof = 0;
	char *copy = strdup(words), **v = calloc(n / 2 + 2, sizeof *v), *p;
	*joined = malloc(n + 1);
	*inverted = malloc(n + 1);
	if (!copy || !v || !*joined || !*inverted) {
		free(copy);
		free(v);
		free(*joined);
		free(*inverted);
		*joined = *inverted = NULL;
		return -1;
	}
	for (p = strtok(copy, " "); p; p = strtok(NULL, " ")) {
		size_t l = strlen(p);
		if (strcmp(p, "of") == 0) {
			of = nw;
			nof++;
		}
		if (l > 4 && strcmp(p + l - 3, "ies") == 0)
			strcpy(p + l - 3, "y");
		else if (l > 3 && p[l - 1] == 's' && p[l - 2] != 's' && p[l - 2] != 'u' &&
		         p[l - 2] != 'i')
			p[l - 1] = '\0';
		v[nw++] = p;
	}
	for (i = 0; i < nw; i++) {
		if (stop_word(v[i], strlen(v[i])))
			continue;
		strcpy(*joined + o, v[i]);
		o += strlen(v[i]);
	}
	(*joined)[o] = '\0';
	o = 0;
	if (nof == 1 && of > 0 && of + 1 < nw)
		for (i = 0; i < nw; i++) {
			const char *w = v[(of + 1 + i) % nw]; /* B..., then A... */
			if (stop_word(w, strlen(w)))
				continue;
			strcpy(*inverted + o, w);
			o += strlen(w);
		}
	(*inverted)[o] = '\0';
	free(copy);
	free(v);
	return 0;
}

/* How well the English query fits a "\n"-separated list of names: 3 an item has
 * exactly its words (a whole name or abbreviation: case, punctuation, diacritics and a
 * life span aside); 2 an item has the same content words, loosely (loose_forms:
 * function words, plurals, spacing, "A of B" = "B A" aside); 1 an item has the query's words
 * as a phrase; 0 none. -1 out of memory. */
static int english_fit(const char *list, const struct qforms *q)
{
	int best = 0;
	const char *p = list;
	while (p && *p && best < 3) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		char *w = en_words(p, l), *j = NULL, *so = NULL;
		if (!w)
			return -1;
		if (strcmp(w, q->words) == 0) {
			best = 3;
		} else if (best < 2 && *q->ejoined) {
			if (loose_forms(w, &j, &so) != 0) {
				free(w);
				return -1;
			}
			if (strcmp(j, q->ejoined) == 0 || (*so && strcmp(so, q->ejoined) == 0) ||
			    (*q->einverted && strcmp(j, q->einverted) == 0))
				best = 2;
		}
		if (best < 1 && has_words(w, q->words))
			best = 1;
		free(w);
		free(j);
		free(so);
		p += l + (e ? 1 : 0);
	}
	return best;
}
/* An FTS5 query for the entries that have every word of text (words separated by
 * spaces): each word split at every character that is not a letter or a digit, each
 * piece a string of its own ("ministry" "of" "economy", implicitly ANDed). A piece of
 * letters and digits is one token, so nothing of the query is FTS5 syntax and no
 * string is a phrase (en_fts keeps no positions). stars: a word that ends in `*` ends
 * in a prefix query ("off" *). A piece is used once, and at most FTS_MAX_TERMS
 * pieces are: FTS5 reads a doclist for each (15,000 words took 164 MB, the same word
 * 15,000 times 400 MB); *capped is set when pieces were left out, so the query finds
 * a superset that the caller must check. Malloc'd; NULL when out of memory or no piece. */
static char *fts_and_query(const char *text, int stars, int *capped)
{
	size_t n = strlen(text), i = 0, o = 0, at_piece[FTS_MAX_TERMS], len_piece[FTS_MAX_TERMS];
	size_t pieces = 0, k;
	char *q = malloc(3 * n + 8);
	*capped = 0;
	if (!q)
		return NULL;
	while (i < n) {
		size_t start = i, begin = o, piece = 0;
		int32_t cp = text_next_cp(text, n, &i);
		if (cp > 0 && text_is_alnum(cp)) {
			if (o)
				q[o++] = ' ';
			begin = o;
			q[o++] = '"';
			memcpy(q + o, text + start, i - start);
			o += i - start;
			while (i < n) {
				size_t at = i;
				cp = text_next_cp(text, n, &i);
				if (cp <= 0 || !text_is_alnum(cp)) {
					i = at;
					break;
				}
				memcpy(q + o, text + at, i - at);
				o += i - at;
			}
			q[o++] = '"';
			piece = 1;
		}
		if (stars && piece && i < n && text[i] == '*') {
			size_t j = i;
			while (j < n && text[j] == '*')
				j++;
			if (j == n || text[j] == ' ') {
				memcpy(q + o, " *", 2);
				o += 2;
			}
		}
		if (!piece)
			continue;
		for (k = 0; k < pieces; k++)
			if (len_piece[k] == o - begin && memcmp(q + at_piece[k], q + begin, o - begin) == 0)
				break;
		if (k < pieces || pieces == FTS_MAX_TERMS) {
			/* a repeat, or one too many: take it back (with its space) */
			if (k == pieces)
				*capped = 1;
			o = begin > 0 ? begin - 1 : 0;
			continue;
		}
		at_piece[pieces] = begin;
		len_piece[pieces++] = o - begin;
	}
	q[o] = '\0';
	if (!o) {
		free(q);
		return NULL;
	}
	return q;
}

/* Prepares sql on the search's database, setting the error on failure. */
static sqlite3_stmt *prep(struct search *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(s->error, s->db, path_of(s->lex, s->db));
		return NULL;
	}
	return st;
}

static int step_error(struct search *s, int r)
{
	if (r == SQLITE_DONE)
		return 0;
	db_error(s->error, s->db, path_of(s->lex, s->db));
	return -1;
}

/* Written form equal to the query. */
static int search_ja(struct search *s)
{
	sqlite3_stmt *st = prep(s, "SELECT e.id, e.origin, e.common, e.names, e.cost FROM entry e"
	                           " WHERE e.ja = ?1");
	int r, rc = 0;
	if (!st)
		return -1;
	bind_text(st, 1, s->q->nfkc);
	while ((r = sqlite3_step(st)) == SQLITE_ROW && rc == 0)
		rc = add_hit(s, sqlite3_column_int64(st, 0), 0, 0, 1, "ja",
		             sqlite3_column_int(st, 1), row_evidence(st, 2));
	if (rc == 0)
		rc = step_error(s, r);
	sqlite3_finalize(st);
	return rc;
}

/* Classifies a hit on folding key kind of entry id and records it. */
static int classify_key(struct search *s, int64_t id, int kind)
{
	struct info in;
	int r = get_info(s, id, &in);
	const struct qforms *q = s->q;
	char *p;
	if (r <= 0)
		return r;
	switch (kind) {
	case KIND_ROMAJI:
		if (q->hira) { /* a kana query: its kana, or its kana key, equal to the entry's */
			p = hira_plain(in.kana);
			r = p && strcmp(p, q->hira) == 0;
			free(p);
			if (r)
				return add_hit(s, id, 0, 0, 0.9, "kana", in.origin, in.ev);
			p = match_kana_key(in.kana, (size_t)-1);
			r = p && strcmp(p, q->kkey) == 0;
			free(p);
			return add_hit(s, id, 1, 0, r ? 0.85 : 0.8, "normalised", in.origin, in.ev);
		}
		p = match_plain(in.romaji, (size_t)-1);
		r = p && strcmp(p, q->plain) == 0;
		free(p);
		/* a variant or market name with the same key is stored once, as this key */
		if (!r && list_has_plain(in.variants, q->plain))
			return add_hit(s, id, 0, 0, 0.8, "variant", in.origin, in.ev);
		if (!r && list_has_plain(in.market, q->plain))
			return add_hit(s, id, 0, 0, 0.7, "english", in.origin, in.ev);
		return add_hit(s, id, r ? 0 : 1, 0, r ? 0.9 : 0.8, r ? "romaji" : "normalised",
		               in.origin, in.ev);
	case KIND_VARIANT:
		r = list_has_plain(in.variants, q->plain);
		return add_hit(s, id, r ? 0 : 1, 0, r ? 0.8 : 0.7, r ? "variant" : "normalised",
		               in.origin, in.ev);
	case KIND_MARKET:
		r = list_has_plain(in.market, q->plain);
		return add_hit(s, id, r ? 0 : 1, 0, r ? 0.7 : 0.7, r ? "english" : "normalised",
		               in.origin, in.ev);
	default:
		return 0;
	}
}

/* Entries whose folding key equals the query's (an index lookup). */
static int search_keys(struct search *s)
{
	sqlite3_stmt *st;
	int r = SQLITE_DONE, rc = 0;
	if (!*s->q->rkey)
		return 0;
	st = prep(s, "SELECT kid, kind FROM fold WHERE k = ?1");
	if (!st)
		return -1;
	bind_text(st, 1, s->q->rkey);
	while (rc == 0 && (r = sqlite3_step(st)) == SQLITE_ROW)
		rc = classify_key(s, sqlite3_column_int64(st, 0) / KEY_SLOTS, sqlite3_column_int(st, 1));
	if (rc == 0)
		rc = step_error(s, r);
	sqlite3_finalize(st);
	return rc;
}

/* Appends an FTS5 string token: "text" with " doubled, so no query syntax survives. */
static char *fts_quote(const char *text)
{
	size_t n = strlen(text), i, o = 0;
	char *q = malloc(2 * n + 3);
	if (!q)
		return NULL;
	q[o++] = '"';
	for (i = 0; i < n; i++) {
		if (text[i] == '"')
			q[o++] = '"';
		q[o++] = text[i];
	}
	q[o++] = '"';
	q[o] = '\0';
	return q;
}

/* Appends text[0..n) to b (str_buf_add), or a quoted FTS5 string "text" when quote;
 * out of memory sets *bad. */
static void sb_add(str_buf *b, const char *text, size_t n, int quote, int *bad)
{
	if (quote && str_buf_add(b, "\"", 1) != 0)
		*bad = 1;
	if (str_buf_add(b, text, n) != 0)
		*bad = 1;
	if (quote && str_buf_add(b, "\"", 1) != 0)
		*bad = 1;
}

/* Appends the FTS5 alternatives of one query word to b: the word itself, or, for a word
 * of 6 ASCII letters or more, also the word split in two ("birthrate" OR ("birth" AND
 * "rate") OR ...), so that a query written solid finds names written apart. */
static void fts_word(str_buf *b, const char *w, size_t l, int *bad)
{
	size_t i;
	int ascii = 1;
	for (i = 0; i < l; i++)
		ascii &= (unsigned char)w[i] < 0x80;
	if (!ascii || l < 6) {
		sb_add(b, w, l, 1, bad);
		return;
	}
	sb_add(b, "(", 1, 0, bad);
	sb_add(b, w, l, 1, bad);
	for (i = 3; i + 3 <= l; i++) {
		sb_add(b, " OR (", 5, 0, bad);
		sb_add(b, w, i, 1, bad);
		sb_add(b, " AND ", 5, 0, bad);
		sb_add(b, w + i, l - i, 1, bad);
		sb_add(b, ")", 1, 0, bad);
	}
	sb_add(b, ")", 1, 0, bad);
}

/* The FTS5 query for the English query words (lower-case, letters and digits, one
 * space apart, so nothing in them is FTS5 syntax): every content word (function words
 * are left out unless there is nothing else, so "University of Tokyo" finds "Tokyo
 * University"), ANDed, each with its split forms; join (>= 0): words join and join + 1
 * written as one word (the query written apart finds a name written solid). A word is
 * used once, and at most FTS_MAX_TERMS words are: FTS5 reads a doclist for each (15,000
 * words took 164 MB); *capped is set when words were left out, so the query finds a
 * superset the caller must check. Malloc'd, or NULL (no word, or out of memory). */
static char *fts_english_query(const char *words, int join, int *capped)
{
	str_buf b = { NULL, 0, 0 };
	const char *p, *used[FTS_MAX_TERMS];
	size_t used_len[FTS_MAX_TERMS], nused = 0, u;
	int content = 0, k = 0, first = 1, bad = 0;
	*capped = 0;
	for (p = words; *p;) {
		size_t l = strcspn(p, " ");
		content += !stop_word(p, l);
		p += l + (p[l] == ' ');
	}
	for (p = words; *p; k++) {
		size_t l = strcspn(p, " ");
		const char *w = p;
		int joined;
		p += l + (p[l] == ' ');
		joined = k == join && *p;
		if (!joined && content && stop_word(w, l))
			continue;
		if (!joined) {
			for (u = 0; u < nused; u++)
				if (used_len[u] == l && !memcmp(used[u], w, l))
					break;
			if (u < nused)
				continue; /* a repeat adds nothing to an AND */
			if (nused == FTS_MAX_TERMS) {
				*capped = 1;
				continue;
			}
			used[nused] = w;
			used_len[nused++] = l;
		}
		if (!first)
			sb_add(&b, " AND ", 5, 0, &bad);
		first = 0;
		if (joined) {
			size_t l2 = strcspn(p, " ");
			sb_add(&b, "\"", 1, 0, &bad);
			sb_add(&b, w, l, 0, &bad);
			sb_add(&b, p, l2, 0, &bad);
			sb_add(&b, "\"", 1, 0, &bad);
			p += l2 + (p[l2] == ' ');
			k++;
			continue;
		}
		fts_word(&b, w, l, &bad);
	}
	if (bad || !b.s) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

/* English names through FTS5 (porter stems: forces = force): candidates with every
 * content word of the query (fts_english_query; also with each pair of neighbouring
 * words joined, up to 5 words), each then classified on its text (english_fit): a
 * whole name or abbreviation, then the same content words loosely, are exact; the
 * query as a phrase in a longer name ranks above its words scattered. At most 2000
 * candidates (in id order) are read per FTS5 query, so a query of the commonest words
 * stays cheap. */
static int search_english(struct search *s)
{
	const struct qforms *q = s->q;
	sqlite3_stmt *st = NULL;
	int r = SQLITE_DONE, rc = 0, join, nwords = 1, capped = 0;
	const char *p;

	if (!*q->words)
		return 0;
	for (p = q->words; *p; p++)
		nwords += *p == ' ';
	st = prep(s, "SELECT e.id, e.origin, e.common, e.names, e.cost, e.en, e.market FROM en_fts"
	             " JOIN entry e ON e.id = en_fts.rowid WHERE en_fts MATCH ?1 LIMIT 2000");
	if (!st)
		return -1;
	for (join = -1; rc == 0 && join < (nwords <= 5 ? nwords - 1 : 0); join++) {
		char *fq = fts_english_query(q->words, join, &capped);
		if (!fq) {
			nomem_error(s->error);
			rc = -1;
			break;
		}
		sqlite3_reset(st);
		bind_text(st, 1, fq);
		free(fq);
		while (rc == 0 && (r = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);
			int fit, fm;
			fit = english_fit((const char *)sqlite3_column_text(st, 5), q);
			fm = fit < 3 ? english_fit((const char *)sqlite3_column_text(st, 6), q) : 0;
			if (fit < 0 || fm < 0) {
				nomem_error(s->error);
				rc = -1;
				break;
			}
			if (fm > fit)
				fit = fm;
			if (capped && fit == 0)
				continue; /* FTS5 saw only some of the words: scattered ones are unchecked */
			rc = add_hit(s, id, fit >= 2 ? 0 : 1, 0,
			             fit == 3 ? 0.7 : fit == 2 ? 0.65 : fit ? 0.5 : 0.2, "english",
			             sqlite3_column_int(st, 1), row_evidence(st, 2));
		}
		if (rc == 0 && r != SQLITE_DONE) {
			/* a word FTS5 cannot take (a bare digit run is fine; this is a real
			 * error) */
			rc = step_error(s, r);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Initials: a query of 3 to 8 ASCII letters finds the names whose words begin with
 * them ("SDF": Self-Defense Force; initials_of), ranked as normalised matches. */
static int search_initials(struct search *s)
{
	const char *w = s->q->nfkc;
	size_t n = strlen(w), i;
	char key[10];
	sqlite3_stmt *st;
	int r = SQLITE_DONE, rc = 0;
	if (n < 3 || n > 8)
		return 0;
	key[0] = INITIALS_MARK;
	for (i = 0; i < n; i++) {
		if (!((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z')))
			return 0;
		key[i + 1] = (char)(w[i] | 0x20);
	}
	key[n + 1] = '\0';
	st = prep(s, "SELECT kid FROM fold WHERE k = ?1 AND kind = 1 LIMIT 500");
	if (!st)
		return -1;
	bind_text(st, 1, key);
	while (rc == 0 && (r = sqlite3_step(st)) == SQLITE_ROW) {
		struct info in;
		int64_t id = sqlite3_column_int64(st, 0) / KEY_SLOTS;
		int g = get_info(s, id, &in);
		if (g < 0)
			rc = -1;
		else if (g > 0)
			rc = add_hit(s, id, 1, 0, 0.6, "initials", in.origin, in.ev);
	}
	if (rc == 0)
		rc = step_error(s, r);
	sqlite3_finalize(st);
	return rc;
}

struct gram_count {
	char g[16];
	int64_t docs;
};

/* Keys that begin with the query's key (an index range; search as you type):
 * ranked with fuzzy matches at distance 1. */
static int search_prefix(struct search *s)
{
	sqlite3_stmt *st;
	char *hi;
	size_t n = strlen(s->q->rkey);
	int r = SQLITE_DONE, rc = 0;
	if (n < 3)
		return 0;
	hi = malloc(n + 5);
	if (!hi) {
		nomem_error(s->error);
		return -1;
	}
	memcpy(hi, s->q->rkey, n);
	/* a half-typed digraph (sh, ch, j fold to sy, ty, zy) continues with a vowel
	 * that replaces the y: "mainich" must reach "mainiti..." */
	if (hi[n - 1] == 'y' && !strchr("aiueo", hi[n - 2]))
		n--;
	hi[n] = '\0';
	memcpy(hi + n, "\xf4\x8f\xbf\xbf", 5); /* U+10FFFF: above every continuation */
	st = prep(s, "SELECT kid, kind FROM fold WHERE k >= ?1 AND k < ?2 ORDER BY k LIMIT 500");
	if (!st) {
		free(hi);
		return -1;
	}
	sqlite3_bind_text(st, 1, hi, (int)n, SQLITE_TRANSIENT);
	bind_text(st, 2, hi);
	while (rc == 0 && (r = sqlite3_step(st)) == SQLITE_ROW) {
		struct info in;
		int64_t id = sqlite3_column_int64(st, 0) / KEY_SLOTS;
		int g = get_info(s, id, &in);
		if (g < 0)
			rc = -1;
		else if (g > 0)
			rc = add_hit(s, id, 2, 1, 0.45, "prefix", in.origin, in.ev);
	}
	if (rc == 0)
		rc = step_error(s, r);
	sqlite3_finalize(st);
	free(hi);
	return rc;
}

static int cmp_gram(const void *a, const void *b)
{
	const struct gram_count *x = a, *y = b;
	return x->docs < y->docs ? -1 : x->docs > y->docs;
}

/* A fuzzy candidate: a key row and how many of the query's trigrams it has. */
struct cand {
	int64_t kid;
	int count;
};

/* Most shared trigrams first; in key order within a count (neighbouring entries share
 * database pages). */
static int cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->kid < y->kid ? -1 : x->kid > y->kid;
}

/* Fuzzy: candidates from the trigram index, verified by edit distance on the keys.
 * The posting lists of the query key's trigrams (rarest first, at most MAX_POSTINGS
 * rows; each list in key order) are merged, which gives each candidate key the number
 * of trigrams it shares with the query. A key within distance k shares at least t - 3k
 * of the query's t trigrams (one edit touches at most three), so keys below that are
 * skipped; the rest are verified best-shared first, at most MAX_VERIFY of them, so the
 * cost stays bounded at a million entries. Once a key within distance 1 is found, keys
 * that cannot be within 1 (sharing fewer than t - 3) are not verified: they would rank
 * below it. */
static int search_fuzzy(struct search *s)
{
	const char *key = s->q->rkey;
	size_t len = strlen(key), ncp = match_length(key), i, ng = 0, nc = 0, capc = 0, nu = 0;
	struct gram_count *grams = NULL;
	int64_t *posts = NULL;
	struct cand *cands = NULL;
	sqlite3_stmt *vocab = NULL, *post = NULL;
	int maxd = match_max_distance(ncp), r = SQLITE_DONE, rc = -1, need, found1 = 0, skipped = 0;
	size_t starts[256], lstart[257], nl = 0;

	if (maxd == 0 || ncp < 3 || ncp > 200)
		return 0;
	/* byte offsets of the code points */
	for (i = 0, ng = 0; i < len && ng < 256; ng++) {
		starts[ng] = i;
		text_next_cp(key, len, &i);
	}
	grams = calloc(ncp, sizeof *grams);
	if (!grams)
		goto nomem;
	for (i = 0, ng = 0; i + 2 < ncp; i++) {
		size_t b = starts[i], e = i + 3 < ncp ? starts[i + 3] : len, j;
		int dup = 0;
		if (e - b >= sizeof grams[0].g)
			continue;
		for (j = 0; j < ng && !dup; j++)
			dup = strncmp(grams[j].g, key + b, e - b) == 0 && grams[j].g[e - b] == '\0';
		if (dup)
			continue;
		memcpy(grams[ng].g, key + b, e - b);
		grams[ng].g[e - b] = '\0';
		ng++;
	}
	need = (int)ng - 3 * maxd;
	if (need < 1)
		need = 1;
	/* the vocabulary table, once per connection; a schema change needs an idle
	 * connection, so the one open statement is reset first */
	if (s->info)
		sqlite3_reset(s->info);
	if (!s->lex->ready[s->dbi]) {
		if (sqlite3_exec(s->db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.gram_vocab"
		                 " USING fts5vocab(main, gram, row)", NULL, NULL, NULL) != SQLITE_OK) {
			db_error(s->error, s->db, path_of(s->lex, s->db));
			goto cleanup;
		}
		s->lex->ready[s->dbi] = 1;
	}
	vocab = prep(s, "SELECT doc FROM temp.gram_vocab WHERE term = ?1");
	post = prep(s, "SELECT rowid FROM gram WHERE gram MATCH ?1");
	if (!vocab || !post)
		goto cleanup;
	for (i = 0; i < ng; i++) {
		sqlite3_reset(vocab);
		bind_text(vocab, 1, grams[i].g);
		r = sqlite3_step(vocab);
		grams[i].docs = r == SQLITE_ROW ? sqlite3_column_int64(vocab, 0) : 0;
		if (r != SQLITE_ROW && r != SQLITE_DONE) {
			db_error(s->error, s->db, path_of(s->lex, s->db));
			goto cleanup;
		}
	}
	qsort(grams, ng, sizeof *grams, cmp_gram);
	for (i = 0; i < ng; i++) {
		char *fq;
		lstart[nl] = nc;
		if (grams[i].docs == 0)
			continue;
		if (nc + (size_t)grams[i].docs > MAX_POSTINGS) {
			/* the commonest trigrams add little and cost most: a key may lack
			 * them and still be as close, so the thresholds drop by their number */
			for (; i < ng; i++)
				skipped += grams[i].docs > 0;
			need = need - skipped < 1 ? 1 : need - skipped;
			break;
		}
		fq = fts_quote(grams[i].g);
		if (!fq)
			goto nomem;
		sqlite3_reset(post);
		bind_text(post, 1, fq);
		free(fq);
		while ((r = sqlite3_step(post)) == SQLITE_ROW) {
			if (nc == capc) {
				size_t cap = capc ? 2 * capc : 1024;
				int64_t *nb = realloc(posts, cap * sizeof *nb);
				if (!nb)
					goto nomem;
				posts = nb;
				capc = cap;
			}
			posts[nc++] = sqlite3_column_int64(post, 0);
		}
		if (r != SQLITE_DONE) {
			db_error(s->error, s->db, path_of(s->lex, s->db));
			goto cleanup;
		}
		if (nc > lstart[nl])
			nl++;
	}
	lstart[nl] = nc;
	rc = 0;
	if (nc == 0)
		goto cleanup;
	/* merge the sorted lists: each key once, with the number of lists it is in; keep
	 * those sharing at least `need` trigrams */
	{
		size_t head[256], l, capu = 0;
		memcpy(head, lstart, nl * sizeof *head);
		for (;;) {
			int64_t min = INT64_MAX;
			int count = 0;
			for (l = 0; l < nl; l++)
				if (head[l] < lstart[l + 1] && posts[head[l]] < min)
					min = posts[head[l]];
			if (min == INT64_MAX)
				break;
			for (l = 0; l < nl; l++)
				if (head[l] < lstart[l + 1] && posts[head[l]] == min) {
					head[l]++;
					count++;
				}
			if (count < need)
				continue;
			if (nu == capu) {
				size_t cap = capu ? 2 * capu : 256;
				struct cand *nb = realloc(cands, cap * sizeof *nb);
				if (!nb)
					goto nomem;
				cands = nb;
				capu = cap;
			}
			cands[nu].kid = min;
			cands[nu++].count = count;
		}
		/* the best-sharing MAX_VERIFY of them, found by their counts (a count is at
		 * most 256: one per trigram), then only those sorted */
		if (nu > MAX_VERIFY) {
			size_t bucket[257] = { 0 }, kept = 0, j, o = 0;
			int c, cut = 0;
			for (j = 0; j < nu; j++)
				bucket[cands[j].count > 256 ? 256 : cands[j].count]++;
			for (c = 256; c > 0 && kept + bucket[c] <= MAX_VERIFY; c--)
				kept += bucket[c];
			cut = c; /* all above cut, and the first of cut's until MAX_VERIFY */
			for (j = 0; j < nu && o < MAX_VERIFY; j++)
				if (cands[j].count > cut || (cands[j].count == cut && kept < MAX_VERIFY &&
				                             ++kept))
					cands[o++] = cands[j];
			nu = o;
		}
		if (nu > 1)
			qsort(cands, nu, sizeof *cands, cmp_cand);
	}
	/* verify: most shared trigrams first */
	for (i = 0; i < nu && rc == 0; i++) {
		int d, pd, kind, g;
		size_t slot = (size_t)(cands[i].kid % KEY_SLOTS);
		int64_t id = cands[i].kid / KEY_SLOTS;
		struct keyset ks = { .n = 0 };
		struct info in;
		if (found1 && cands[i].count < (int)ng - 3 - skipped)
			break; /* cannot be within distance 1 of the query */
		/* the key is not stored by kid: it is the entry's key of that slot */
		g = get_info(s, id, &in);
		if (g <= 0) {
			rc = g;
			continue;
		}
		keys_of(in.romaji, in.kana, in.variants, in.market, NULL, slot, &ks);
		if (ks.n <= slot) {
			keyset_free(&ks);
			continue;
		}
		kind = ks.kind[slot];
		d = match_distance(key, ks.k[slot], maxd);
		pd = d > maxd ? match_prefix_distance(key, ks.k[slot], maxd) : maxd + 1;
		keyset_free(&ks);
		if (d < 0 || pd < 0)
			goto nomem;
		if (d > 0 && d <= maxd)
			rc = add_hit(s, id, 2, d, kind == KIND_ROMAJI ? 0.5 : 0.4, "fuzzy", in.origin,
			             in.ev);
		else if (pd <= maxd) /* the beginning of the key, mistyped: a step further */
			rc = add_hit(s, id, 2, pd + 1, 0.3, pd ? "fuzzy" : "prefix", in.origin, in.ev);
		if (d == 1)
			found1 = 1;
	}
	goto cleanup;
nomem:
	nomem_error(s->error);
	rc = -1;
cleanup:
	sqlite3_finalize(vocab);
	sqlite3_finalize(post);
	free(grams);
	free(posts);
	free(cands);
	return rc;
}

/* SQL function yk_glob_list(pattern, list): whether the lower-cased pattern matches one
 * "\n"-separated item of list, lower-cased (ASCII). */
static void glob_list_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *pat = (const char *)sqlite3_value_text(argv[0]);
	const char *list = (const char *)sqlite3_value_text(argv[1]);
	char *copy, *p, *item;
	int found = 0;
	(void)argc;
	if (!pat || !list || !*list) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	copy = strdup(list);
	if (!copy) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	for (p = copy; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 32;
	for (item = copy; item && !found;) {
		char *nl = strchr(item, '\n');
		if (nl)
			*nl = '\0';
		found = match_glob(pat, item);
		item = nl ? nl + 1 : NULL;
	}
	free(copy);
	sqlite3_result_int(ctx, found);
}

/* Folds each literal run of a wildcard pattern with fold (romaji or kana key) and keeps
 * the wildcards: "Keizai*" -> "kezai*". Malloc'd or NULL. */
static char *fold_pattern(const char *pat, char *(*fold)(const char *, size_t))
{
	size_t n = strlen(pat), i = 0, o = 0, run = 0;
	char *out = malloc(4 * n + 8);
	if (!out)
		return NULL;
	while (1) {
		size_t start = i;
		int32_t cp = i < n ? text_next_cp(pat, n, &i) : 0;
		int wild = cp == '*' || cp == '?' || cp == 0xFF0A || cp == 0xFF1F;
		if (cp == 0 || wild) {
			if (start > run) {
				char *f = fold(pat + run, start - run);
				size_t fl;
				if (!f) {
					free(out);
					return NULL;
				}
				fl = strlen(f);
				if (o + fl + 2 > 4 * n + 8) {
					free(f);
					free(out);
					return NULL;
				}
				memcpy(out + o, f, fl);
				o += fl;
				free(f);
			}
			if (cp == 0)
				break;
			out[o++] = cp == '*' || cp == 0xFF0A ? '*' : '?';
			run = i;
		}
	}
	out[o] = '\0';
	return out;
}

/* When every `*` of an English wildcard pattern ends a word and there is no `?` or
 * leading `*` ("cabinet off*"), the FTS5 query that finds its candidates
 * ("cabinet" "off" *), else NULL (then the names are scanned). Malloc'd. */
static char *prefix_query(const char *pat)
{
	size_t n = strlen(pat), i;
	int capped; /* a superset: yk_glob_list checks every candidate */
	if (!n || pat[0] == '*' || strchr(pat, '?') || strstr(pat, "\xef\xbc\x9f"))
		return NULL;
	for (i = 0; i < n; i++)
		if (pat[i] == '*' && i + 1 < n && pat[i + 1] != ' ' && pat[i + 1] != '*')
			return NULL;
	return fts_and_query(pat, 1, &capped);
}

/* Wildcards: the written form and kana with GLOB, the folding keys with GLOB (an index
 * range when the pattern starts with letters), English names with yk_glob_list. */
static int search_wildcard(struct search *s)
{
	const struct qforms *q = s->q;
	sqlite3_stmt *st = NULL;
	char *jpat = NULL, *rpat = NULL, *epat = NULL, *fts = NULL, *like = NULL;
	size_t n = strlen(q->nfkc), i, o = 0;
	int r = SQLITE_DONE, rc = -1;

	/* written form: GLOB with '[' escaped, full-width wildcards made ASCII */
	jpat = malloc(3 * n + 1);
	if (!jpat)
		goto nomem;
	for (i = 0; i < n;) {
		size_t start = i;
		int32_t cp = text_next_cp(q->nfkc, n, &i);
		if (cp == '[') {
			memcpy(jpat + o, "[[]", 3);
			o += 3;
		} else if (cp == 0xFF0A || cp == 0xFF1F) {
			jpat[o++] = cp == 0xFF0A ? '*' : '?';
		} else {
			memcpy(jpat + o, q->nfkc + start, i - start);
			o += i - start;
		}
	}
	jpat[o] = '\0';
	rpat = fold_pattern(q->nfkc, match_romaji_key);
	epat = text_casefold(jpat, (size_t)-1);
	if (!rpat || !epat)
		goto nomem;
	/* ja */
	st = prep(s, "SELECT id, origin, common, names, cost FROM entry WHERE ja GLOB ?1 LIMIT 1000");
	if (!st)
		goto cleanup;
	bind_text(st, 1, jpat);
	rc = 0;
	while (rc == 0 && (r = sqlite3_step(st)) == SQLITE_ROW)
		rc = add_hit(s, sqlite3_column_int64(st, 0), 1, 0, 0.9, "wildcard",
		             sqlite3_column_int(st, 1), row_evidence(st, 2));
	if (rc == 0)
		rc = step_error(s, r);
	sqlite3_finalize(st);
	st = NULL;
	if (rc != 0)
		goto cleanup;
	/* folding keys (romaji, and kana through its romaji); a pattern of wildcards only
	 * matches through the written form and English */
	st = prep(s, "SELECT kid, kind FROM fold WHERE k GLOB ?1 LIMIT 1000");
	if (!st) {
		rc = -1;
		goto cleanup;
	}
	if (strspn(rpat, "*?") < strlen(rpat)) {
		bind_text(st, 1, rpat);
		while (rc == 0 && (r = sqlite3_step(st)) == SQLITE_ROW) {
			struct info in;
			int g = get_info(s, sqlite3_column_int64(st, 0) / KEY_SLOTS, &in);
			if (g < 0)
				rc = -1;
			else if (g > 0)
				rc = add_hit(s, sqlite3_column_int64(st, 0) / KEY_SLOTS, 1, 0, 0.8,
				             "wildcard", in.origin, in.ev);
		}
		if (rc == 0)
			rc = step_error(s, r);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != 0 || !(q->scripts & MATCH_LATIN))
		goto cleanup;
	/* English names */
	fts = prefix_query(epat);
	if (fts)
		st = prep(s, "SELECT e.id, e.origin, e.common, e.names, e.cost FROM en_fts JOIN entry e"
		             " ON e.id = en_fts.rowid WHERE en_fts MATCH ?2 AND"
		             " (yk_glob_list(?1, e.en) OR yk_glob_list(?1, e.market)) LIMIT 1000");
	else /* every name read: LIKE (no allocation) lets few rows reach yk_glob_list */
		st = prep(s, "SELECT id, origin, common, names, cost FROM entry WHERE"
		             " (en LIKE ?2 ESCAPE '\\' OR market LIKE ?2 ESCAPE '\\') AND"
		             " (yk_glob_list(?1, en) OR yk_glob_list(?1, market)) LIMIT 1000");
	if (!st) {
		rc = -1;
		goto cleanup;
	}
	bind_text(st, 1, epat);
	if (fts) {
		bind_text(st, 2, fts);
	} else {
		/* the pattern as LIKE's, inside any text: a necessary condition (LIKE ignores
		 * the case of ASCII letters, as yk_glob_list does, and no other) */
		size_t m = strlen(epat), j;
		like = malloc(2 * m + 3);
		if (!like)
			goto nomem;
		o = 0;
		like[o++] = '%';
		for (j = 0; j < m; j++) {
			char c = epat[j];
			if (c == '*') {
				like[o++] = '%';
			} else if (c == '?') {
				like[o++] = '_';
			} else {
				if (c == '%' || c == '_' || c == '\\')
					like[o++] = '\\';
				like[o++] = c;
			}
		}
		like[o++] = '%';
		like[o] = '\0';
		bind_text(st, 2, like);
	}
	while (rc == 0 && (r = sqlite3_step(st)) == SQLITE_ROW)
		rc = add_hit(s, sqlite3_column_int64(st, 0), 1, 0, 0.6, "wildcard",
		             sqlite3_column_int(st, 1), row_evidence(st, 2));
	if (rc == 0)
		rc = step_error(s, r);
	goto cleanup;
nomem:
	nomem_error(s->error);
	rc = -1;
cleanup:
	sqlite3_finalize(st);
	free(jpat);
	free(rpat);
	free(epat);
	free(fts);
	free(like);
	return rc;
}

/* Whether a hit so far is exact or normalised (tier 0 or 1). */
static int have_close_hit(const struct search *s)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		if (s->hits[i].tier <= 1)
			return 1;
	return 0;
}

/* One phase of the search on one database: phase 0 every indexed search (written
 * form, keys, English, prefixes, wildcards), phase 1 the fuzzy search. */
static int search_db(struct search *s, sqlite3 *db, int dbi, size_t limit, int phase)
{
	int rc = 0;
	unsigned keyed = s->q->scripts & (MATCH_LATIN | MATCH_KANA);
	s->db = db;
	s->dbi = dbi;
	s->info = NULL;
	if (phase == 1) {
		rc = search_fuzzy(s);
	} else if (s->q->wildcard) {
		rc = search_wildcard(s);
	} else {
		rc = search_ja(s);
		if (rc == 0 && keyed)
			rc = search_keys(s);
		if (rc == 0 && (s->q->scripts & MATCH_LATIN))
			rc = search_english(s);
		if (rc == 0 && (s->q->scripts & MATCH_LATIN))
			rc = search_initials(s);
		if (rc == 0 && !s->q->exact && s->n < limit && keyed)
			rc = search_prefix(s);
	}
	sqlite3_finalize(s->info);
	s->info = NULL;
	return rc;
}

static int cmp_hit(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->origin != y->origin)
		return x->origin < y->origin ? -1 : 1;
	if (x->db != y->db)
		return x->db < y->db ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* A result while merging: the entries of one written form and reading. */
struct merged {
	lexicon_result r;
	char *key;          /* written form TAB plain hiragana reading; NULL: not merged */
	int db;             /* the database of r.entry */
	unsigned origins;   /* bits 1 << origin of its entries */
	unsigned in_db[3];  /* the same, per database */
	double base, ev;    /* the best hit's score without its evidence, and the evidence */
	size_t order;       /* rank before merging */
};

/* Adds hit h with its entry e (taken over) to the merged results mg[0..*nm): into the
 * result of the same written form and reading (README "Ranking": one result per word,
 * each source's senses kept in also), else as a new one. An entry of a source the
 * result already has from another database (the user's own import of EDICT beside the
 * system dictionary's) is that copy: the user's copy is shown, one copy kept. 0, or
 * -1 out of memory (e freed). */
static int merge_hit(struct merged *mg, size_t *nm, const struct hit *h, lexicon_entry *e)
{
	char *key = NULL, *hira;
	unsigned bit = 1u << e->origin;
	size_t g;
	if (*e->ja) {
		hira = hira_plain(e->kana);
		key = hira ? str_printf("%s\t%s", e->ja, hira) : NULL;
		free(hira);
		if (!key) {
			lexicon_entry_clear(e);
			return -1;
		}
		for (g = 0; g < *nm; g++)
			if (mg[g].key && strcmp(mg[g].key, key) == 0)
				break;
		if (g < *nm) {
			struct merged *x = &mg[g];
			lexicon_entry *v;
			free(key);
			if ((x->origins & bit) && !(x->in_db[h->db] & bit)) {
				/* a copy of a source from another database */
				if (h->db == 1 && x->db == 2 && x->r.entry.origin == e->origin) {
					lexicon_entry_clear(&x->r.entry);
					x->r.entry = *e;
					x->db = 1;
					x->in_db[1] |= bit;
				} else {
					lexicon_entry_clear(e);
				}
				return 0;
			}
			v = realloc(x->r.also, (x->r.n_also + 1) * sizeof *v);
			if (!v) {
				lexicon_entry_clear(e);
				return -1;
			}
			x->r.also = v;
			v[x->r.n_also++] = *e;
			x->origins |= bit;
			x->in_db[h->db] |= bit;
			return 0;
		}
	}
	memset(&mg[*nm], 0, sizeof mg[*nm]);
	mg[*nm].r.entry = *e;
	mg[*nm].r.match = h->match;
	mg[*nm].r.distance = h->distance;
	mg[*nm].key = key;
	mg[*nm].db = h->db;
	mg[*nm].origins = bit;
	mg[*nm].in_db[h->db] = bit;
	mg[*nm].ev = h->ev;
	mg[*nm].base = h->score - (h->ev > EVIDENCE_CAP ? EVIDENCE_CAP : h->ev);
	mg[*nm].order = *nm;
	(*nm)++;
	return 0;
}

static int cmp_merged(const void *a, const void *b)
{
	const struct merged *x = a, *y = b;
	if (x->r.score != y->r.score)
		return x->r.score > y->r.score ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

int lexicon_search(lexicon *lex, const char *query, const lexicon_query *q,
                   lexicon_result **out, size_t *n, char **error)
{
	struct qforms forms;
	struct search s;
	size_t limit = q && q->limit ? q->limit : 20, i, j, k = 0, m, nm = 0;
	struct merged *mg = NULL;
	lexicon_result *res = NULL;
	sqlite3_stmt *get[3] = { NULL, NULL, NULL };
	sqlite3 *dbs[3] = { lex->seed, lex->user, lex->sys };
	int rc = -1, begun[3] = { 0, 0, 0 };

	*out = NULL;
	*n = 0;
	memset(&s, 0, sizeof s);
	s.lex = lex;
	s.error = error;
	s.q = &forms;
	if (qforms_make(&forms, query, q ? q->exact : 0) != 0) {
		set_error(error, str_printf(_("invalid query (not UTF-8, or out of memory)")));
		goto cleanup;
	}
	if (!*forms.nfkc) {
		rc = 0;
		goto cleanup;
	}
	/* one read transaction per database for the whole search: one lock and one check
	 * of the journal or WAL instead of one per statement, and the page cache stays
	 * valid between the statements */
	for (i = 0; i < 3; i++) {
		if (!dbs[i])
			continue;
		if (sqlite3_exec(dbs[i], "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
			db_error(error, dbs[i], path_of(lex, dbs[i]));
			goto cleanup;
		}
		begun[i] = 1;
	}
	for (i = 0; i < 3; i++)
		if (dbs[i] && search_db(&s, dbs[i], (int)i, limit, 0) != 0)
			goto cleanup;
	/* fuzzy matches only for a query nothing matched exactly or after normalisation
	 * (a misspelling): they would rank below every such match, and they are the
	 * costly search at a million entries */
	if (!forms.exact && !forms.wildcard && s.n < limit && !have_close_hit(&s) &&
	    (forms.scripts & (MATCH_LATIN | MATCH_KANA)))
		for (i = 0; i < 3; i++)
			if (dbs[i] && search_db(&s, dbs[i], (int)i, limit, 1) != 0)
				goto cleanup;
	if (s.n)
		qsort(s.hits, s.n, sizeof *s.hits, cmp_hit);
	/* the best hits' entries, a few more than asked for: merging may free places */
	m = s.n < limit * 3 + 30 ? s.n : limit * 3 + 30;
	mg = calloc(m ? m : 1, sizeof *mg);
	if (!mg) {
		nomem_error(error);
		goto cleanup;
	}
	for (i = 0; i < m; i++) {
		struct hit *h = &s.hits[i];
		sqlite3 *db = dbs[h->db];
		lexicon_entry e;
		int r;
		if (!get[h->db] && sqlite3_prepare_v2(db, "SELECT " ENTRY_COLUMNS " FROM entry"
		                                      " WHERE id = ?1", -1, &get[h->db], NULL) != SQLITE_OK) {
			db_error(error, db, path_of(lex, db));
			goto cleanup;
		}
		sqlite3_reset(get[h->db]);
		sqlite3_bind_int64(get[h->db], 1, h->id);
		r = sqlite3_step(get[h->db]);
		if (r != SQLITE_ROW) {
			db_error(error, db, path_of(lex, db));
			goto cleanup;
		}
		if (row_entry(get[h->db], &e) != 0 || merge_hit(mg, &nm, h, &e) != 0) {
			nomem_error(error);
			goto cleanup;
		}
	}
	/* sources that agree add to the commonness: 2 for each other dictionary */
	for (i = 0; i < nm; i++) {
		unsigned o = mg[i].origins;
		double ev = mg[i].ev;
		for (o &= o - 1; o; o &= o - 1)
			ev += 2;
		mg[i].r.score = mg[i].base + (ev > EVIDENCE_CAP ? EVIDENCE_CAP : ev);
	}
	if (nm > 1)
		qsort(mg, nm, sizeof *mg, cmp_merged);
	if (nm < limit)
		limit = nm;
	res = calloc(limit ? limit : 1, sizeof *res);
	if (!res) {
		nomem_error(error);
		goto cleanup;
	}
	for (k = 0; k < limit; k++) {
		res[k] = mg[k].r;
		memset(&mg[k].r, 0, sizeof mg[k].r);
	}
	*out = res;
	*n = k;
	res = NULL;
	rc = 0;
cleanup:
	lexicon_results_free(res, k);
	for (i = 0; i < nm; i++) {
		free(mg[i].key);
		lexicon_entry_clear(&mg[i].r.entry);
		for (j = 0; j < mg[i].r.n_also; j++)
			lexicon_entry_clear(&mg[i].r.also[j]);
		free(mg[i].r.also);
	}
	free(mg);
	for (i = 0; i < 3; i++)
		sqlite3_finalize(get[i]);
	for (i = 0; i < 3; i++)
		if (begun[i])
			sqlite3_exec(dbs[i], "COMMIT", NULL, NULL, NULL); /* reads only */
	free(s.hits);
	free(s.slot);
	qforms_free(&forms);
	return rc;
}

void lexicon_results_free(lexicon_result *r, size_t n)
{
	size_t i, j;
	if (!r)
		return;
	for (i = 0; i < n; i++) {
		lexicon_entry_clear(&r[i].entry);
		for (j = 0; j < r[i].n_also; j++)
			lexicon_entry_clear(&r[i].also[j]);
		free(r[i].also);
	}
	free(r);
}
