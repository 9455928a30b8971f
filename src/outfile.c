/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outfile.c: output files replaced whole or not at all (see outfile.h). */
#include "config.h"

#include "outfile.h"
#include "i18n.h"
#include "str.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct outfile {
	char *shown;    /* the name the user gave, for messages */
	char *target;   /* the file written (links resolved); NULL: standard output */
	char *tmp;      /* the temporary */
	int fd;         /* open on tmp */
	int through;    /* copy into target instead of renaming (a device, a FIFO) */
	mode_t mode;    /* the mode the result gets */
};

/* The file a write to path lands in: path itself, or the end of its chain of symbolic
 * links (also a dangling one). malloc'd, or NULL (errno set: ELOOP after 40 links). */
static char *resolve_links(const char *path)
{
	char *cur = strdup(path);
	int hops;
	for (hops = 0; cur && hops < 40; hops++) {
		struct stat st;
		char link[4096], *next;
		ssize_t n;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		if ((n = readlink(cur, link, sizeof link - 1)) < 0) {
			free(cur);
			return NULL;
		}
		link[n] = '\0';
		if (link[0] == '/' || !strchr(cur, '/')) {
			next = strdup(link);
		} else {
			/* relative to the directory of the link */
			const char *slash = strrchr(cur, '/');
			next = str_printf("%.*s/%s", (int)(slash - cur), cur, link);
		}
		free(cur);
		cur = next;
	}
	errno = cur ? ELOOP : ENOMEM;
	free(cur);
	return NULL;
}

static void outfile_free(outfile *o)
{
	if (!o)
		return;
	if (o->fd >= 0)
		close(o->fd);
	free(o->shown);
	free(o->target);
	free(o->tmp);
	free(o);
}

outfile *outfile_open(const char *path, char **error)
{
	const char *dir = getenv("TMPDIR");
	outfile *o = calloc(1, sizeof *o);
	struct stat st;
	mode_t mask = umask(0);

	umask(mask);
	*error = NULL;
	if (!o)
		goto nomem;
	o->fd = -1;
	o->mode = 0666 & ~mask;
	o->shown = strdup(path && strcmp(path, "-") ? path : _("standard output"));
	if (!o->shown)
		goto nomem;
	if (path && strcmp(path, "-") != 0) {
		if (!(o->target = resolve_links(path))) {
			*error = str_printf(_("cannot write %s: %s"), path, strerror(errno));
			goto fail;
		}
		if (stat(o->target, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				*error = str_printf(_("cannot write %s: %s"), path, strerror(EISDIR));
				goto fail;
			}
			o->through = !S_ISREG(st.st_mode);
			o->mode = st.st_mode & 07777;
		}
	}
	/* the temporary: next to the target (a rename is then atomic), or in $TMPDIR */
	o->tmp = !o->target || o->through
	         ? str_printf("%s/yakugo-out.XXXXXX", dir && *dir ? dir : "/tmp")
	         : str_printf("%s.XXXXXX", o->target);
	if (!o->tmp)
		goto nomem;
	if ((o->fd = mkstemp(o->tmp)) < 0) {
		/* named as the user named it (the temporary's name means nothing to them) */
		*error = str_printf(_("cannot create %s: %s"), o->target ? o->shown : o->tmp,
		                    strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		goto fail;
	}
	return o;
nomem:
	*error = str_printf("%s", _("out of memory"));
fail:
	outfile_free(o);
	return NULL;
}

const char *outfile_tmp_path(const outfile *o)
{
	return o->tmp;
}

int outfile_fd(const outfile *o)
{
	return o->fd;
}

/* Copies the file path to the descriptor fd. 0, or -1 with errno set. */
static int copy_to(const char *path, int fd)
{
	char b[65536];
	ssize_t n;
	int in = open(path, O_RDONLY), e = 0;
	if (in < 0)
		return -1;
	while ((n = read(in, b, sizeof b)) != 0) {
		char *p = b;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
			break;
		}
		while (n > 0) {
			ssize_t w = write(fd, p, (size_t)n);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				e = w < 0 ? errno : EIO;
				break;
			}
			p += w;
			n -= w;
		}
		if (e)
			break;
	}
	close(in);
	errno = e;
	return e ? -1 : 0;
}

int outfile_commit(outfile *o, const char *backup_suffix, char **error)
{
	int rc = 0;
	*error = NULL;
	/* what was written must be on disk before it replaces anything */
	if (fsync(o->fd) != 0 && errno != EINVAL) {
		*error = str_printf(_("cannot write %s: %s"), o->shown, strerror(errno));
		rc = -1;
	} else if (!o->target || o->through) {
		int fd;
		fflush(stdout); /* whatever stdio holds goes first */
		fd = o->target ? open(o->target, O_WRONLY | O_TRUNC) : STDOUT_FILENO;
		if (fd < 0 || copy_to(o->tmp, fd) != 0) {
			/* on standard output in the words cli_finish uses for stdio's errors */
			*error = o->target ? str_printf(_("cannot write %s: %s"), o->shown, strerror(errno))
			                   : str_printf(_("write error: %s"), strerror(errno));
			rc = -1;
		}
		if (o->target && fd >= 0 && close(fd) != 0 && rc == 0) {
			*error = str_printf(_("cannot write %s: %s"), o->shown, strerror(errno));
			rc = -1;
		}
	} else {
		char *backup = NULL;
		if (backup_suffix && *backup_suffix) {
			backup = str_printf("%s%s", o->target, backup_suffix);
			/* the old file keeps its name until the new one replaces it */
			if (!backup || ((unlink(backup) != 0 && errno != ENOENT) ||
			                link(o->target, backup) != 0)) {
				*error = backup ? str_printf(_("cannot keep %s as %s: %s"), o->shown, backup,
				                             strerror(errno))
				                : str_printf("%s", _("out of memory"));
				free(backup);
				outfile_abort(o);
				return -1;
			}
		}
		if (fchmod(o->fd, o->mode) != 0 || rename(o->tmp, o->target) != 0) {
			*error = str_printf(_("cannot rename %s to %s: %s"), o->tmp, o->target,
			                    strerror(errno));
			if (backup)
				unlink(backup);
			rc = -1;
		} else {
			free(o->tmp);
			o->tmp = NULL; /* renamed: nothing to remove */
		}
		free(backup);
	}
	if (o->tmp)
		unlink(o->tmp);
	outfile_free(o);
	return rc;
}

void outfile_abort(outfile *o)
{
	if (!o)
		return;
	if (o->tmp)
		unlink(o->tmp);
	outfile_free(o);
}
