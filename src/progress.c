/* SPDX-License-Identifier: GPL-3.0-or-later */
/* progress.c: the terminal progress bar of progress.h (stderr, ANSI erase-line). */
#include "config.h"

#include "i18n.h"
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct progress {
	char *label;
	size_t total;
	double start, last;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

progress *progress_start(const char *label, size_t total)
{
	progress *p;
	if (!isatty(STDERR_FILENO))
		return NULL;
	p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->label = strdup(label);
	if (!p->label) {
		free(p);
		return NULL;
	}
	p->total = total;
	p->start = p->last = now();
	return p;
}

void progress_update(progress *p, size_t done, size_t entries)
{
	double t, rate;
	char bar[21];
	size_t i, fill;
	if (!p)
		return;
	t = now();
	if (t - p->last < 0.1)
		return;
	p->last = t;
	rate = t > p->start ? (double)entries / (t - p->start) : 0;
	if (p->total == 0) {
		fputs("\r\033[K", stderr);
		fprintf(stderr, ngettext("%s: %zu entry, %.0f/s", "%s: %zu entries, %.0f/s", entries),
		        p->label, entries, rate);
		return;
	}
	if (done > p->total)
		done = p->total;
	fill = (size_t)(20.0 * (double)done / (double)p->total);
	for (i = 0; i < 20; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[20] = '\0';
	{
		double frac = (double)done / (double)p->total;
		double eta = frac > 0 ? (t - p->start) * (1 - frac) / frac : 0;
		fputs("\r\033[K", stderr);
		fprintf(stderr, ngettext("%s [%s] %3.0f%% %zu entry, %.0f/s, ETA %.0f s",
		                         "%s [%s] %3.0f%% %zu entries, %.0f/s, ETA %.0f s", entries),
		        p->label, bar, frac * 100, entries, rate, eta);
	}
}

void progress_finish(progress *p)
{
	if (!p)
		return;
	fputs("\r\033[K", stderr);
	free(p->label);
	free(p);
}
