/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/test-lexicon.c: the SQLite store (src/lexicon.c): building a seed database,
 * user entries (add, update, remove), imports (replace, rollback), ranking across
 * origins, and eight processes writing the user database at once. */
#include "config.h"

#include "lexicon.h"
#include "tap.h"
#include "text.h"

#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[] = "/tmp/yakugo-test-lexicon.XXXXXX";
static char seed[256], user[256];

static lexicon_entry make(const char *ja, const char *kana, const char *romaji, const char *type,
                          char **en, size_t n_en)
{
	lexicon_entry e;
	memset(&e, 0, sizeof e);
	e.ja = (char *)ja;
	e.kana = (char *)kana;
	e.romaji = (char *)romaji;
	e.type = (char *)type;
	e.en = en;
	e.n_en = n_en;
	return e;
}

static int count_fn(const lexicon_entry *e, void *arg)
{
	(void)e;
	(*(int *)arg)++;
	return 0;
}

static int count(lexicon *lex, unsigned mask)
{
	int n = 0;
	char *err = NULL;
	if (lexicon_foreach(lex, mask, count_fn, &n, &err) != 0) {
		free(err);
		return -1;
	}
	return n;
}

/* The written form and origin of the best result for q ("" when none). */
static void best(lexicon *lex, const char *q, int exact, char *ja, size_t size, int *origin,
                 const char **match)
{
	lexicon_query lq = { exact, 5 };
	lexicon_result *r = NULL;
	size_t n = 0;
	char *err = NULL;
	ja[0] = '\0';
	*origin = -1;
	if (lexicon_search(lex, q, &lq, &r, &n, &err) == 0 && n > 0) {
		snprintf(ja, size, "%s", r[0].entry.ja);
		*origin = (int)r[0].entry.origin;
		if (match)
			*match = r[0].match;
	}
	free(err);
	lexicon_results_free(r, n);
}

int main(void)
{
	char *err = NULL, ja[64];
	char *en_cao[] = { "Cabinet Office" };
	char *en_meti[] = { "Ministry of Economy, Trade and Industry", "METI" };
	char *en_tottori[] = { "Tottori" };
	char *en_udon[] = { "Sanuki udon" };
	char *variants[] = { "Kēzai sangyōshō" };
	lexicon *lex;
	lexicon_entry e;
	int64_t id = 0;
	int origin, i, st;
	const char *match = NULL;
	FILE *fp;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 99;
	}
	snprintf(seed, sizeof seed, "%s/seed.db", dir);
	snprintf(user, sizeof user, "%s/sub/user.db", dir);

	/* a seed database */
	lex = lexicon_create_seed(seed, &err);
	ok(lex != NULL, "seed database created");
	ok(lexicon_import_begin(lex, LEXICON_SEED, "glossary", &err) == 0, "seed import begins");
	e = make("内閣府", "ないかくふ", "Naikakufu", "ministry", en_cao, 1);
	ok(lexicon_import_add(lex, &e, &err) == 0, "seed entry added");
	e = make("経済産業省", "けいざい さんぎょうしょう", "Keizai Sangyōshō", "ministry", en_meti, 2);
	e.variants = variants;
	e.n_variants = 1;
	ok(lexicon_import_add(lex, &e, &err) == 0, "seed entry with a variant added");
	ok(lexicon_import_commit(lex, &err) == 0, "seed import committed");
	lexicon_close(lex);
	ok(lexicon_create_seed(seed, &err) == NULL && err && strstr(err, seed), "an existing file is not overwritten");
	free(err);
	err = NULL;

	/* the user database is created on first open (its directory is the caller's) */
	snprintf(ja, sizeof ja, "%s/sub", dir);
	ok(mkdir(ja, 0700) == 0, "user directory made");
	lex = lexicon_open(seed, user, NULL, 0, &err);
	ok(lex != NULL, "opened with a new user database: %s", err ? err : "");
	if (!lex)
		return tap_done();
	ok(access(user, F_OK) == 0, "user database created");
	ok(count(lex, ~0u) == 2, "two entries");
	e = make("讃岐うどん", "さぬきうどん", "Sanuki udon", "term", en_udon, 1);
	ok(lexicon_add(lex, &e, &id, &err) == 0 && id > 0, "user entry added");
	ok(count(lex, 1u << LEXICON_USER) == 1, "foreach by origin: one user entry");
	best(lex, "sanuki udon", 0, ja, sizeof ja, &origin, &match);
	ok(strcmp(ja, "讃岐うどん") == 0 && origin == LEXICON_USER, "user entry found at once");
	e.ja = "讃岐饂飩";
	ok(lexicon_update(lex, id, &e, &err) == 0, "user entry updated");
	best(lex, "さぬきうどん", 0, ja, sizeof ja, &origin, &match);
	is_str(ja, "讃岐饂飩", "update visible, keys rebuilt");
	is_str(match, "kana", "hiragana query matched the kana");
	ok(lexicon_update(lex, 9999, &e, &err) == 1, "update of a missing entry returns 1");
	ok(lexicon_remove(lex, id, &err) == 0, "user entry removed");
	ok(lexicon_remove(lex, id, &err) == 1, "removing it again returns 1");
	best(lex, "sanuki udon", 0, ja, sizeof ja, &origin, &match);
	is_str(ja, "", "removed entry is gone, keys too");

	/* imports: rollback leaves nothing, a second import replaces the first */
	ok(lexicon_import_begin(lex, LEXICON_EDICT, "edict", &err) == 0, "import begins");
	e = make("鳥取", "とっとり", "Tottori", "place", en_tottori, 1);
	ok(lexicon_import_add(lex, &e, &err) == 0, "import adds");
	lexicon_import_rollback(lex);
	ok(count(lex, 1u << LEXICON_EDICT) == 0, "rolled back import left nothing");
	for (i = 0; i < 2; i++) {
		lexicon_import_begin(lex, LEXICON_EDICT, "edict", &err);
		e = make("内閣府", "ないかくふ", "naikakufu", "term", en_cao, 1);
		lexicon_import_add(lex, &e, &err);
		e = make("鳥取", "とっとり", "Tottori", "place", en_tottori, 1);
		lexicon_import_add(lex, &e, &err);
		lexicon_import_commit(lex, &err);
	}
	ok(count(lex, 1u << LEXICON_EDICT) == 2, "a second import replaced the first");
	{
		/* a dictionary import rebuilds the full-text indexes at commit */
		lexicon_query lq = { 1, 10 };
		lexicon_result *r = NULL;
		size_t n = 0;
		/* the same word from two sources is one result: the seed's, with EDICT's
		 * senses beside it */
		ok(lexicon_search(lex, "cabinet office", &lq, &r, &n, &err) == 0 && n == 1 &&
		   r[0].entry.origin == LEXICON_SEED && r[0].n_also == 1 &&
		   r[0].also[0].origin == LEXICON_EDICT,
		   "English index has the imported entry once, merged into the seed's: %zu", n);
		lexicon_results_free(r, n);
	}

	/* ranking across origins */
	best(lex, "Naikakufu", 0, ja, sizeof ja, &origin, &match);
	ok(origin == LEXICON_SEED, "seed before an import matching equally");
	best(lex, "Tottori", 0, ja, sizeof ja, &origin, &match);
	ok(origin == LEXICON_EDICT && strcmp(match, "romaji") == 0, "an import's exact match");
	best(lex, "Kēzai sangyōshō", 0, ja, sizeof ja, &origin, &match);
	ok(strcmp(ja, "経済産業省") == 0 && strcmp(match, "variant") == 0, "variant matched exactly");
	best(lex, "Keizai Sangyosho", 1, ja, sizeof ja, &origin, &match);
	is_str(ja, "", "--exact: no normalised match");
	best(lex, "Kiezai Sangyosho", 0, ja, sizeof ja, &origin, &match);
	ok(strcmp(ja, "経済産業省") == 0 && strcmp(match, "fuzzy") == 0, "fuzzy match");
	lexicon_close(lex);

	/* eight processes adding at once lose nothing */
	for (i = 0; i < 8; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			char *perr = NULL;
			lexicon *l = lexicon_open(seed, user, NULL, 0, &perr);
			lexicon_entry pe = make("讃岐うどん", "さぬきうどん", "Sanuki udon", "term", en_udon, 1);
			int64_t pid64;
			_exit(l && lexicon_add(l, &pe, &pid64, &perr) == 0 ? 0 : 1);
		}
	}
	for (i = 0, st = 0; i < 8; i++) {
		int s;
		wait(&s);
		st |= !WIFEXITED(s) || WEXITSTATUS(s) != 0;
	}
	ok(st == 0, "eight concurrent writers succeeded");
	lex = lexicon_open(seed, user, NULL, LEXICON_READONLY, &err);
	ok(lex && count(lex, 1u << LEXICON_USER) == 8, "all eight entries are there");
	lexicon_close(lex);

	/* damaged files */
	fp = fopen(user, "r+b");
	if (fp) {
		ok(ftruncate(fileno(fp), 3000) == 0, "user database truncated");
		fclose(fp);
	}
	{
		char wal[300];
		snprintf(wal, sizeof wal, "%s-wal", user);
		unlink(wal);
		snprintf(wal, sizeof wal, "%s-shm", user);
		unlink(wal);
	}
	lex = lexicon_open(seed, user, NULL, LEXICON_READONLY, &err);
	ok(lex == NULL && err && strstr(err, "not a yakugo database"), "truncated database refused: %s",
	   err ? err : "");
	free(err);
	err = NULL;
	lexicon_close(lex);
	lex = lexicon_open("/nonexistent/seed.db", NULL, NULL, LEXICON_NO_USER, &err);
	ok(lex == NULL && err && strstr(err, "/nonexistent/seed.db"), "missing seed database named");
	free(err);

	{
		char cmd[600];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
	}
	text_cleanup();
	return tap_done();
}
