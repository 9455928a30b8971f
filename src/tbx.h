/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tbx.h: TBX (ISO 30042:2019, the TermBase eXchange format) export and import of
 * lexicon entries, through libxml2 (the only module that includes its headers).
 *
 * One conceptEntry per entry:
 *   <conceptEntry id="c1">
 *     <descrip type="entryType">ministry</descrip>
 *     <descrip type="marketName">...</descrip>      (market, when set)
 *     <admin type="footnotes">body,11</admin>       (when set)
 *     <note>...</note>                              (when set)
 *     <langSec xml:lang="ja"><termSec>
 *       <term>経済産業省</term>
 *       <termNote type="pronunciation">けいざい さんぎょうしょう</termNote>  (kana)
 *       <termNote type="transliteration">Keizai Sangyōshō</termNote>       (romaji)
 *       <termNote type="variant">Kēzai sangyōshō</termNote>               (each variant)
 *       <termNote type="partOfSpeech">n</termNote>                        (pos, when set)
 *       <termNote type="frequency">common</termNote>                      (EDICT (P))
 *     </termSec></langSec>
 *     <langSec xml:lang="en"><termSec><term>Ministry of ...</term></termSec>...</langSec>
 *   </conceptEntry>
 * The reader also accepts the TBX 2008 names (martif, termEntry, langSet, tig); terms
 * in languages other than ja and en are skipped. */
#ifndef YAKUGO_TBX_H
#define YAKUGO_TBX_H

#include <stdio.h>

#include "lexicon.h"

typedef struct tbx_writer tbx_writer;

/* Starts a TBX document on fp (which stays the caller's to close). Returns the writer,
 * or NULL with *error set (malloc'd, the caller frees). */
tbx_writer *tbx_writer_new(FILE *fp, char **error);

/* Writes one entry. Returns 0, or -1 on a write error. */
int tbx_writer_add(tbx_writer *w, const lexicon_entry *e);

/* Ends the document, flushes and frees w (NULL is allowed). Returns 0, or -1 when a
 * write failed at any point. */
int tbx_writer_finish(tbx_writer *w);

/* Reads the TBX file path ("-" is stdin) and calls fn for each concept entry with the
 * entry (origin LEXICON_TSV; valid until fn returns) and the line it starts on.
 * fn returning non-zero stops the reading and is returned. Returns 0 when done, or -1
 * when the file cannot be read, is not well-formed XML or is not TBX (its root element
 * is neither tbx nor martif), with *error set to a malloc'd
 * "FILE:LINE: problem" (the caller frees). */
int tbx_read(const char *path, int (*fn)(const lexicon_entry *e, size_t line, void *arg),
             void *arg, char **error);

#endif
