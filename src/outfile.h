/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outfile.h: a file's worth of output written so that nothing is lost: into a temporary
 * file made with mkstemp next to the target, renamed over it only when everything was
 * written (so an error, a full disk or an interruption leaves the old file whole), with
 * the old file's mode. A symbolic link is followed to the file it names (a dangling one:
 * its target is made); a device, FIFO or other non-regular file, and standard output, are
 * written through: the temporary is made in $TMPDIR and copied there at the end. Used by
 * `po fill|export -o` and `cite -o` / `cite --in-place`. */
#ifndef YAKUGO_OUTFILE_H
#define YAKUGO_OUTFILE_H

typedef struct outfile outfile;

/* Starts writing path ("-" or NULL: standard output). Returns the handle, or NULL with
 * *error set (malloc'd, the caller frees: "cannot write PATH: Is a directory", ...). */
outfile *outfile_open(const char *path, char **error);

/* The temporary file to write (for a library that takes a file name), and its open
 * descriptor (owned by o: not to be closed). */
const char *outfile_tmp_path(const outfile *o);
int outfile_fd(const outfile *o);

/* Puts what was written in place: renames the temporary over the target (keeping the
 * target's old file first as TARGET+backup_suffix when backup_suffix is not NULL or ""),
 * or copies it to standard output or the device. Frees o. Returns 0, or -1 with *error
 * set (malloc'd); the target is then as it was before outfile_open. */
int outfile_commit(outfile *o, const char *backup_suffix, char **error);

/* Gives up: removes the temporary, leaves the target as it was, frees o. NULL is
 * allowed. */
void outfile_abort(outfile *o);

#endif
