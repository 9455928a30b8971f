/* SPDX-License-Identifier: GPL-3.0-or-later */
/* progress.h: a one-line progress bar on stderr for long jobs (imports): entries done,
 * rate and ETA, redrawn at most a few times a second, only when stderr is a terminal;
 * quiet otherwise (pipes, logs, tests). */
#ifndef YAKUGO_PROGRESS_H
#define YAKUGO_PROGRESS_H

#include <stddef.h>

typedef struct progress progress;

/* Starts a bar labelled label (copied) for a job of total units (bytes read, say;
 * 0 when unknown: no ETA). Returns NULL when stderr is not a terminal or memory runs
 * out; every other function accepts NULL and then does nothing. */
progress *progress_start(const char *label, size_t total);

/* Reports that done units of the total are finished and that entries items were
 * produced so far. Cheap: redraws at most every 100 ms. */
void progress_update(progress *p, size_t done, size_t entries);

/* Erases the bar and frees p. NULL is allowed. */
void progress_finish(progress *p);

#endif
