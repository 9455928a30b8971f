/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pipeline.c: the ordered parallel line pipeline (see pipeline.h). A ring of slots, each
 * holding one batch: the caller fills the slot at `submitted`, workers take slots in
 * order (`taken`), and the caller writes finished slots in order (`written`), so
 * written <= taken <= submitted <= written + n_slots at all times. One mutex guards the
 * counters and the slots' states; a slot's contents belong to whoever moved it last
 * (the caller while FREE or DONE, one worker while RUNNING). */
#include "config.h"

#include "pipeline.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define PIPELINE_MAX_LINES 4096 /* lines per batch */
#define PIPELINE_SLOTS_PER_WORKER 2

enum slot_state { SLOT_FREE, SLOT_QUEUED, SLOT_RUNNING, SLOT_DONE };

struct line_info {
	size_t off, len;
	int newline;
};

typedef struct slot {
	enum slot_state state;
	char *in;                /* the lines' bytes, one after another */
	size_t in_len, in_cap;
	struct line_info *li;
	size_t n, cap;
	const char *name;        /* of the input the lines come from */
	size_t first_line;       /* line number of li[0] */
	char *out;               /* the results (open_memstream) */
	size_t out_len;
	int failed;              /* 1: li[failed_at] failed with message err; -1: no memory */
	size_t failed_at;
	char *err;
} slot;

struct pipeline {
	pthread_mutex_t mu;
	pthread_cond_t work;     /* a slot was queued, or quit */
	pthread_cond_t done;     /* a slot is DONE */
	pthread_t *threads;
	size_t n_threads;        /* started */
	void **ctx;
	pipeline_fn *fn;
	FILE *out;
	slot *slots;
	size_t n_slots;
	size_t submitted, taken, written;
	int quit;
	int failed;              /* 1: a line failed; 2: the output failed */
	const char *fail_name;
	size_t fail_line;
	char *fail_msg;
	int fail_errno;
};

typedef struct worker_arg {
	pipeline *p;
	size_t i;
} worker_arg;

/* Runs the batch in s with context ctx (no lock held). */
static void slot_process(pipeline *p, void *ctx, slot *s)
{
	FILE *f;
	size_t i;
	s->out = NULL;
	s->out_len = 0;
	s->failed = 0;
	f = open_memstream(&s->out, &s->out_len);
	if (!f) {
		s->failed = -1;
		return;
	}
	for (i = 0; i < s->n; i++) {
		char *err = NULL;
		if (p->fn(ctx, s->in + s->li[i].off, s->li[i].len, s->li[i].newline, f, &err) != 0) {
			s->failed = 1;
			s->failed_at = i;
			s->err = err;
			break;
		}
	}
	if (fclose(f) != 0 && !s->failed)
		s->failed = -1;
}

static void *worker_main(void *arg)
{
	worker_arg *wa = arg;
	pipeline *p = wa->p;
	void *ctx = p->ctx[wa->i];
	free(wa);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		slot *s;
		while (!p->quit && p->taken == p->submitted)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->taken == p->submitted)
			break; /* quit, and nothing left */
		s = &p->slots[p->taken++ % p->n_slots];
		s->state = SLOT_RUNNING;
		pthread_mutex_unlock(&p->mu);
		slot_process(p, ctx, s);
		pthread_mutex_lock(&p->mu);
		s->state = SLOT_DONE;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void stop_workers(pipeline *p)
{
	size_t i;
	pthread_mutex_lock(&p->mu);
	p->quit = 1;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (i = 0; i < p->n_threads; i++)
		pthread_join(p->threads[i], NULL);
	p->n_threads = 0;
}

void pipeline_free(pipeline *p)
{
	size_t i;
	if (!p)
		return;
	stop_workers(p);
	for (i = 0; i < p->n_slots; i++) {
		free(p->slots[i].in);
		free(p->slots[i].li);
		free(p->slots[i].out);
		free(p->slots[i].err);
	}
	free(p->slots);
	free(p->threads);
	free(p->ctx);
	free(p->fail_msg);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	pthread_mutex_destroy(&p->mu);
	free(p);
}

pipeline *pipeline_new(size_t n_workers, void *const *ctx, pipeline_fn *fn, FILE *out)
{
	pipeline *p = calloc(1, sizeof *p);
	size_t i;
	int e;
	if (!p)
		return NULL;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	p->fn = fn;
	p->out = out;
	p->n_slots = n_workers * PIPELINE_SLOTS_PER_WORKER;
	p->slots = calloc(p->n_slots, sizeof *p->slots);
	p->threads = calloc(n_workers, sizeof *p->threads);
	p->ctx = calloc(n_workers, sizeof *p->ctx);
	if (!p->slots || !p->threads || !p->ctx) {
		pipeline_free(p);
		errno = ENOMEM;
		return NULL;
	}
	for (i = 0; i < n_workers; i++) {
		worker_arg *wa = malloc(sizeof *wa);
		p->ctx[i] = ctx[i];
		if (!wa) {
			pipeline_free(p);
			errno = ENOMEM;
			return NULL;
		}
		wa->p = p;
		wa->i = i;
		e = pthread_create(&p->threads[i], NULL, worker_main, wa);
		if (e != 0) {
			free(wa);
			pipeline_free(p);
			errno = e;
			return NULL;
		}
		p->n_threads++;
	}
	return p;
}

/* Writes the finished slot s (the caller's thread, no lock held): its output, then its
 * failure if any. Returns 0 or -1. */
static int slot_write(pipeline *p, slot *s)
{
	int rc = 0;
	if (s->out_len && fwrite(s->out, 1, s->out_len, p->out) != s->out_len) {
		p->failed = 2;
		p->fail_errno = errno ? errno : EIO;
		rc = -1;
	} else if (s->failed) {
		p->failed = 1;
		p->fail_name = s->name;
		p->fail_line = s->first_line + (s->failed > 0 ? s->failed_at : 0);
		free(p->fail_msg);
		p->fail_msg = s->failed > 0 ? s->err : strdup(strerror(ENOMEM));
		s->err = NULL;
		rc = -1;
	} else if (ferror(p->out)) {
		p->failed = 2;
		p->fail_errno = errno ? errno : EIO;
		rc = -1;
	}
	free(s->out);
	s->out = NULL;
	s->out_len = 0;
	return rc;
}

/* Writes finished slots in order; with all, waits for every submitted slot, else only
 * until a slot is free for the caller to fill. Returns 0 or -1. */
static int write_ready(pipeline *p, int all)
{
	pthread_mutex_lock(&p->mu);
	while (p->written < p->submitted) {
		slot *s = &p->slots[p->written % p->n_slots];
		if (s->state != SLOT_DONE) {
			if (!all && p->submitted < p->written + p->n_slots)
				break; /* the next slot to fill is free */
			pthread_cond_wait(&p->done, &p->mu);
			continue;
		}
		pthread_mutex_unlock(&p->mu);
		if (slot_write(p, s) != 0)
			return -1; /* p->written stays: nothing more is written */
		pthread_mutex_lock(&p->mu);
		s->state = SLOT_FREE;
		p->written++;
	}
	pthread_mutex_unlock(&p->mu);
	return 0;
}

/* Queues the slot being filled, if it holds lines. Returns 0 or -1. */
static int submit(pipeline *p)
{
	slot *s = &p->slots[p->submitted % p->n_slots];
	if (!s->n)
		return 0;
	pthread_mutex_lock(&p->mu);
	s->state = SLOT_QUEUED;
	p->submitted++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
	/* the next slot to fill must be free (written) before the caller touches it */
	if (write_ready(p, 0) != 0)
		return -1;
	s = &p->slots[p->submitted % p->n_slots];
	s->n = 0;
	s->in_len = 0;
	return 0;
}

int pipeline_add(pipeline *p, const char *line, size_t len, int newline, const char *name,
                 size_t lineno)
{
	slot *s;
	if (p->failed)
		return -1;
	if (len >= PIPELINE_BATCH) {
		/* an over-long line: written by this thread once everything before it is */
		char *err = NULL;
		if (pipeline_drain(p) != 0)
			return -1;
		if (p->fn(p->ctx[0], line, len, newline, p->out, &err) != 0) {
			p->failed = 1;
			p->fail_name = name;
			p->fail_line = lineno;
			free(p->fail_msg);
			p->fail_msg = err;
			return -1;
		}
		return 0;
	}
	s = &p->slots[p->submitted % p->n_slots];
	if (s->n && (s->in_len + len + 1 > PIPELINE_BATCH || s->n == PIPELINE_MAX_LINES)) {
		if (submit(p) != 0)
			return -1;
		s = &p->slots[p->submitted % p->n_slots];
	}
	if (s->in_len + len + 1 > s->in_cap) {
		size_t cap = s->in_len + len + 1 > PIPELINE_BATCH ? s->in_len + len + 1 : PIPELINE_BATCH;
		char *q = realloc(s->in, cap);
		if (!q)
			goto oom;
		s->in = q;
		s->in_cap = cap;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		struct line_info *q = realloc(s->li, cap * sizeof *q);
		if (!q)
			goto oom;
		s->li = q;
		s->cap = cap;
	}
	if (!s->n) {
		s->name = name;
		s->first_line = lineno;
	}
	memcpy(s->in + s->in_len, line, len);
	s->in[s->in_len + len] = '\0'; /* see pipeline_fn */
	s->li[s->n].off = s->in_len;
	s->li[s->n].len = len;
	s->li[s->n].newline = newline;
	s->in_len += len + 1;
	s->n++;
	return 0;
oom:
	p->failed = 1;
	p->fail_name = name;
	p->fail_line = lineno;
	free(p->fail_msg);
	p->fail_msg = strdup(strerror(ENOMEM));
	return -1;
}

int pipeline_drain(pipeline *p)
{
	if (p->failed)
		return -1;
	if (submit(p) != 0)
		return -1;
	return write_ready(p, 1);
}

int pipeline_failure(const pipeline *p, const char **name, size_t *lineno,
                     const char **message, int *err_no)
{
	if (p->failed == 2) {
		*err_no = p->fail_errno;
		return 1;
	}
	*name = p->fail_name;
	*lineno = p->fail_line;
	*message = p->fail_msg ? p->fail_msg : strerror(ENOMEM);
	return 0;
}
