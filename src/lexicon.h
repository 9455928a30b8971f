/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lexicon.h: the SQLite store of terms (the only module that includes sqlite3.h).
 *
 * Three database files are opened together: the seed database (built by `make` from
 * dict/glossary.tsv, installed read-only under $(pkgdatadir)), the system dictionary
 * beside it (system.db: EDICT and ENAMDICT, built by `make` from the Debian packages
 * when they are installed, read-only) and the user's database
 * ($XDG_DATA_HOME/yakugo/user.db: user entries and the user's own imports). All have
 * the same schema. Results rank seed, then user, then system entries where the
 * evidence is equal. Every write is a transaction; an interrupted one leaves the old
 * data intact. Query strings only ever reach SQLite as bound parameters. */
#ifndef YAKUGO_LEXICON_H
#define YAKUGO_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef struct lexicon lexicon;

/* Where an entry came from; also the precedence order of results (lower first). */
typedef enum lexicon_origin {
	LEXICON_SEED = 0,     /* dict/glossary.tsv, the project's own glossary */
	LEXICON_USER = 1,     /* yakugo add / edit */
	LEXICON_TSV = 2,      /* yakugo import tsv (a user's own glossary file) */
	LEXICON_EDICT = 3,    /* yakugo import edict */
	LEXICON_ENAMDICT = 4  /* yakugo import enamdict */
} lexicon_origin;

/* One term with its four faces. Strings are UTF-8, owned by the entry (free with
 * lexicon_entry_clear); optional ones may be NULL. */
typedef struct lexicon_entry {
	int64_t id;           /* row id within its database (0 for a new entry) */
	lexicon_origin origin;
	char *ja;             /* written form; "" when unknown (a person whose kanji is unknown) */
	char *kana;           /* reading (hiragana, or katakana for loanwords); spaces at word boundaries */
	char *romaji;         /* canonical romaji: modified Hepburn, ALA-LC capitals and word division */
	char *type;           /* ministry, agency, company, newspaper, place, person, title, term, ... */
	char **en;            /* English names and glosses, preferred first */
	size_t n_en;
	char *market;         /* the organisation's own English-market romaji/name (Mainichi Shimbun) */
	char **variants;      /* spellings seen in the wild (Kēzai sangyōshō) */
	size_t n_variants;
	char *footnotes;      /* seed footnote numbers, "body" for the article body: "body,11" */
	char *note;
	char *pos;            /* parts of speech (EDICT), or NULL */
	int common;           /* EDICT's (P) mark */
	char *source;         /* "FILE:LINE" the entry was read from, or NULL */
} lexicon_entry;

/* Frees the strings of e and zeroes it (e itself is not freed). NULL is allowed. */
void lexicon_entry_clear(lexicon_entry *e);

/* Flags of lexicon_open. */
enum lexicon_open_flags {
	LEXICON_READONLY = 1 << 0,  /* open the user database read-only (missing or without
	                               schema yet: no user entries) */
	LEXICON_NO_USER = 1 << 1,   /* do not open the user database at all */
	LEXICON_NO_SYSTEM = 1 << 2  /* do not open the system dictionary */
};

/* Opens the seed database (read-only; it must exist and be a yakugo database), unless
 * LEXICON_NO_USER the user database at user_path, and unless LEXICON_NO_SYSTEM the
 * system dictionary at system_path (read-only; none when system_path is NULL or the
 * file does not exist). Unless LEXICON_READONLY, a missing user database is created with its
 * schema, atomically (a mkstemp file next to it, linked into place); its directory must
 * exist (the caller makes it). A database opened read-only that SQLite cannot open for
 * its -shm file (a read-only directory or mount, a full disk) is opened immutable when
 * no -wal file is pending. Waits for a locked database (busy timeout, 5 s), then fails.
 * Returns the handle, or NULL with *error set to a malloc'd message naming the file and
 * the problem ("not a database", "locked", "cannot write the database (DIR: Permission
 * denied)", ...), which the caller frees; lexicon_error_is_system() then tells a system
 * error from bad data. */
lexicon *lexicon_open(const char *seed_path, const char *user_path, const char *system_path,
                     unsigned flags, char **error);

/* Closes the databases. NULL is allowed. errno is left as it was. */
void lexicon_close(lexicon *lex);

/* Whether the last error a lexicon function of this process reported is a system
 * error — a database still locked after the busy timeout, an I/O error, a full disk,
 * out of memory, a database that cannot be read or written for lack of permission or a
 * read-only file system — rather than bad data (damaged, foreign or missing database):
 * the caller's exit status is then 3 (YK_SYSTEM), else 2. */
int lexicon_error_is_system(void);

/* ---- search ----------------------------------------------------------------- */

typedef struct lexicon_query {
	int exact;        /* --exact: no fuzzy or normalised matches */
	size_t limit;     /* at most this many results (0: 20) */
} lexicon_query;

typedef struct lexicon_result {
	lexicon_entry entry;
	const char *match; /* why it matched (static): "ja", "kana", "romaji", "variant",
	                      "english", "initials", "normalised", "prefix", "fuzzy",
	                      "wildcard" */
	int distance;      /* edit distance for fuzzy matches, else 0 */
	double score;      /* higher is better; results are sorted by it */
	lexicon_entry *also; /* the same written form and reading from other sources (or
	                        other sense groups of the same one), each with its own
	                        senses, best first; owned by the result */
	size_t n_also;
} lexicon_result;

/* Finds entries for query in any script: written form, kana (hiragana, katakana and
 * half-width equal), romaji in any system (macrons, case, spaces, hyphens ignored),
 * English (FTS5, whole names first; stems, spacing and initials), fuzzily unless
 * q->exact; `*` and `?` are wildcards. Results are ranked (README "Ranking"); one
 * written form and reading found in several sources is one result. Returns 0 and sets *out (malloc'd
 * array, free with lexicon_results_free) and *n (0 when nothing matched); -1 on a
 * database error with *error set (malloc'd). */
int lexicon_search(lexicon *lex, const char *query, const lexicon_query *q,
                   lexicon_result **out, size_t *n, char **error);

/* Frees an array of results from lexicon_search (with their also entries). */
void lexicon_results_free(lexicon_result *r, size_t n);

/* Calls fn for every entry whose origin bit (1u << origin) is in origin_mask, in id
 * order, seed first, then user, then system (read only when origin_mask has the bit
 * of LEXICON_EDICT or LEXICON_ENAMDICT). Stops early when fn returns non-zero and returns that value;
 * returns 0 when done, -1 on a database error (*error set). */
int lexicon_foreach(lexicon *lex, unsigned origin_mask,
                    int (*fn)(const lexicon_entry *e, void *arg), void *arg, char **error);

/* ---- writes (user database) ---------------------------------------------------- */

/* Adds e (origin LEXICON_USER) to the user database in one transaction; *id gets the
 * new id. Returns 0, or -1 with *error set. Validation is the caller's (glossary.h). */
int lexicon_add(lexicon *lex, const lexicon_entry *e, int64_t *id, char **error);

/* Replaces user entry id with e. 0, 1 when there is no such user entry, -1 on error. */
int lexicon_update(lexicon *lex, int64_t id, const lexicon_entry *e, char **error);

/* Removes user entry id. 0, 1 when there is no such user entry, -1 on error. */
int lexicon_remove(lexicon *lex, int64_t id, char **error);

/* Bulk import: begin replaces everything of `origin` from `source` (a name such as
 * "edict") inside one transaction; add inserts entries; commit makes it visible
 * atomically; rollback (or closing without commit, or the process dying) leaves the
 * database exactly as before. Each returns 0 or -1 with *error set. */
int lexicon_import_begin(lexicon *lex, lexicon_origin origin, const char *source, char **error);
int lexicon_import_add(lexicon *lex, const lexicon_entry *e, char **error);
int lexicon_import_commit(lexicon *lex, char **error);
void lexicon_import_rollback(lexicon *lex);

/* Commonness evidence for a database lexicon_create_seed is making, after its imports
 * (the system dictionary): begin starts one transaction; cost records IPAdic's word
 * cost for a written form and reading (any kana script; the lowest of several is
 * kept); commit stores it on the entries of the same written form and reading, counts
 * for each short ENAMDICT name how many ENAMDICT full names begin or end with it in
 * writing and reading alike, romanizes each ENAMDICT full name that splits into a
 * known surname and given name "Surname Given" (岸田文雄 Kishida Fumio), and commits. Each returns 0 or -1 with *error set (the
 * transaction is then rolled back). */
int lexicon_evidence_begin(lexicon *lex, char **error);
int lexicon_evidence_cost(lexicon *lex, const char *ja, const char *kana, int cost, char **error);
int lexicon_evidence_commit(lexicon *lex, char **error);

/* How many entries the running import replaces: what its origin and source held when
 * lexicon_import_begin ran (0 when no import is running), so a caller can refuse to
 * replace them with nothing. */
size_t lexicon_import_replacing(const lexicon *lex);

/* Creates a new seed database at path (which must not exist, or be an empty regular
 * file such as mkstemp makes) with the schema, for
 * `make` (yakugo build). Writes go through lexicon_import_* with origin LEXICON_SEED.
 * Returns a handle on it, or NULL with *error set. */
lexicon *lexicon_create_seed(const char *path, char **error);

#endif
