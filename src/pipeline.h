/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pipeline.h: an ordered parallel line pipeline. The caller's thread reads lines and
 * hands them in; worker threads apply a function to batches of lines, each worker with
 * its own context (a MeCab handle is not shared between threads); the caller's thread
 * writes the results in input order. Memory is bounded: a few batches per worker are in
 * flight, each of about PIPELINE_BATCH bytes of input (or one line, when a line is
 * longer: such a line is processed by the caller's thread, without a copy). */
#ifndef YAKUGO_PIPELINE_H
#define YAKUGO_PIPELINE_H

#include <stddef.h>
#include <stdio.h>

#define PIPELINE_BATCH 65536

/* Processes one line: line[0..len) (no "\n"; newline tells whether the input had one
 * after it) with the worker context ctx, writing the result to out. line[len] is a NUL
 * byte, as in the caller's line (romanize_write does not need it). Returns 0, or
 * -1 with *error set to a malloc'd message (the caller of the pipeline sees it). */
typedef int pipeline_fn(void *ctx, const char *line, size_t len, int newline, FILE *out,
                        char **error);

typedef struct pipeline pipeline;

/* Starts n_workers threads (n_workers >= 1); worker i uses ctx[i] (ctx[0] is also used
 * by the caller's thread for over-long lines, while every worker is idle). Results are
 * written to out. Returns NULL when out of memory or when a thread cannot be started
 * (errno is set). */
pipeline *pipeline_new(size_t n_workers, void *const *ctx, pipeline_fn *fn, FILE *out);

/* Adds a line (copied; line[len] must be a NUL byte) from the input named name
 * (borrowed until the next pipeline_drain), line number lineno. May block while the batches in flight are full,
 * and writes the results that are ready. Returns 0, or -1 once a line failed or the
 * output could not be written (see pipeline_failure); nothing after the failure is
 * written. */
int pipeline_add(pipeline *p, const char *line, size_t len, int newline, const char *name,
                 size_t lineno);

/* Hands in the last batch and waits until everything added has been written (or has
 * failed). Returns 0 or -1 as pipeline_add. */
int pipeline_drain(pipeline *p);

/* After a -1: whether the output failed (1: see errno's value in *err_no; the other
 * members are unset) or a line (0: *name, *lineno and *message, owned by p). */
int pipeline_failure(const pipeline *p, const char **name, size_t *lineno,
                     const char **message, int *err_no);

/* Stops the workers (the batches in flight are finished and discarded) and frees p.
 * NULL is allowed. */
void pipeline_free(pipeline *p);

#endif
