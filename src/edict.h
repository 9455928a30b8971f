/* SPDX-License-Identifier: GPL-3.0-or-later */
/* edict.h: parsers for the lines of EDICT and ENAMDICT, the Electronic Dictionary
 * Research and Development Group's Japanese-English and Japanese proper-name
 * dictionaries (Debian packages edict and enamdict, EUC-JP text, one entry a line).
 *
 * EDICT:    KANJI1;KANJI2 [READING1;READING2(KANJI1)] /(pos) gloss1/gloss2/(P)/EntLnnnnX/
 *           KANA /(pos) gloss/
 * ENAMDICT: KANJI [READING] /(type,type) Name/Name2/(type) Name3/
 *
 * One line gives one lexicon entry per written form × reading pair (a reading
 * restricted to some written forms with "(KANJI)" pairs only with those; a line without
 * a reading pairs each kana form with itself). EDICT: (P) anywhere sets `common`; part
 * of speech tags go to `pos` ("n,vs"); other tags (fields, usage) go to `note` ("comp,
 * sl"); sense numbers, EntL ids and the (P) fields are dropped; every gloss is kept in
 * `en`, in order; type is "term". ENAMDICT: each run of names after a type group is one
 * entry whose type comes from the group's first tag (s surname, p place, u name, g/f/m
 * given, h person, pr product, c company, o organisation, st station, wk work, ...);
 * `note` is "female" or "male" for a given name, names every tag of a group of several
 * ("place name, surname"), and is empty otherwise. Romaji is the modified
 * Hepburn of the reading (romaji_from_kana); names are capitalised word by word. A line
 * with an empty gloss list ("４° [しど] /", line 567 of Debian's EDICT) gives entries
 * without English.
 * Lines are UTF-8 (convert with edict_to_utf8 first). */
#ifndef YAKUGO_EDICT_H
#define YAKUGO_EDICT_H

#include <stddef.h>

#include "lexicon.h"

/* The longest line the importer takes (bytes), 1 MiB: over 500 times the longest line
 * of Debian's EDICT (1,816 bytes). A longer line is one bad line, reported and (with
 * --keep-going) skipped. */
#define EDICT_MAX_LINE (1024 * 1024)

typedef enum edict_kind {
	EDICT_WORDS = 0,  /* EDICT: the Japanese-English dictionary */
	EDICT_NAMES = 1   /* ENAMDICT: proper names */
} edict_kind;

/* Converts one EUC-JP line (without its newline) to UTF-8. Returns a malloc'd string
 * the caller frees, or NULL when the bytes are not valid EUC-JP (or out of memory). */
char *edict_to_utf8(const char *bytes, size_t len);

/* Whether the UTF-8 line is a dictionary's header line ("？？？？ /EDICT, ..." or
 * "？？？？ /ENAMDICT ...", the first line of the Debian files), which holds no entry,
 * and whose: 0 for any other line, 1 + EDICT_WORDS for EDICT's, 1 + EDICT_NAMES for
 * ENAMDICT's (so `yakugo import edict` can refuse ENAMDICT). */
int edict_is_header(const char *line, size_t len);

/* Parses one UTF-8 line of kind. Returns 0 and sets *out to a malloc'd array of *n
 * entries (origin LEXICON_EDICT or LEXICON_ENAMDICT, source NULL) that the caller frees
 * with edict_entries_free; an empty line gives *n = 0. Returns -1 for a malformed line
 * or an unknown tag, with *error a malloc'd message without the FILE:LINE prefix
 * ("unknown tag 'xyz'"), which the caller frees; *out is then NULL. */
int edict_parse_line(edict_kind kind, const char *line, size_t len,
                     lexicon_entry **out, size_t *n, char **error);

/* Frees an array from edict_parse_line and the strings of its n entries. NULL is allowed. */
void edict_entries_free(lexicon_entry *v, size_t n);

/* The entry type for an ENAMDICT name tag ("s" -> "surname", "pr" -> "product"), or NULL
 * for an unknown tag. The string is static. */
const char *edict_name_type(const char *tag);

#endif
