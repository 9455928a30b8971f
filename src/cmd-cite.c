/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd-cite.c: `yakugo cite [OPTION]... [FILE]...`: rewrites the romanized Japanese in
 * citations (plain text, BibTeX, CSL-JSON, RIS) into one correct style (cite.h), and
 * reports or checks the changes. The format comes from --format, else from the input's
 * first bytes (read ahead and given back through fopencookie, so a pipe loses nothing),
 * else from the file name. Plain text and RIS stream line by line, BibTeX entry by entry;
 * CSL-JSON is read whole. */
#define _GNU_SOURCE /* fopencookie */
#include "config.h"

#include "bibtex.h"
#include "cite.h"
#include "cli.h"
#include "outfile.h"
#include "commands.h"
#include "csljson.h"
#include "i18n.h"
#include "lexicon.h"
#include "lines.h"
#include "readings.h"
#include "ris.h"
#include "status.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

/* Lines longer than this are passed through and reported (the normaliser is meant for
 * citations, not for megabytes of text without a newline). */
#define MAX_LINE (1024 * 1024)

enum format { F_AUTO, F_TEXT, F_BIBTEX, F_CSLJSON, F_RIS };

typedef struct run {
	cite *c;
	int check;
	FILE *report;
	int report_json;
	size_t reported;
	const char *file;
	size_t item;         /* CSL-JSON item being rewritten */
	int changed;         /* something would change (applied changes) */
	int values;          /* structured format: each value is one field */
	unsigned annotate;   /* --annotate bits */
	char *notes;         /* annotations of the record being rewritten (structured) */
	size_t notes_len;
	int bad;             /* bad input seen */
	int write_failed;    /* a write to stdout failed: stop */
	int oom;
} run;

static void print_help(void)
{
	printf(_("Usage: yakugo cite [OPTION]... [FILE]...\n"));
	printf(_("Rewrite the romanized Japanese in citations (titles, names, publishers) into\n"
	         "one correct, consistent style; everything else is copied byte for byte.\n"
	         "Input is plain text (one citation a line), BibTeX, CSL-JSON or RIS, detected\n"
	         "from its content (files and standard input alike), else from the file name;\n"
	         "--format overrides both.\n"));
	printf("\n%s\n", _("Options:"));
	printf("  -f, --format=F     %s\n", _("text, bibtex, csljson or ris"));
	printf("  -s, --style=S      %s\n", _("hepburn (default: publications keep their English-market\n"
	                                     "                     name, e.g. Mainichi Shimbun) or alalc (strict\n"
	                                     "                     library forms: Mainichi shinbun)"));
	printf("      --system=SYS   %s\n", _("letters of the output: hepburn, traditional, kunrei, nihon,\n"
	                                     "                     passport, wapuro, cabinet2025"));
	printf("  -a, --annotate=A   %s\n", _("none, kanji, english or both: the written form and English\n"
	                                     "                     name of a recognised term: plain text after the span\n"
	                                     "                     [経済産業省; Ministry of ...]; BibTeX a yakugo-note field;\n"
	                                     "                     CSL-JSON the item's note; RIS an N1 line after the tag"));
	printf("  -r, --report=FILE  %s\n", _("write every change (file, line, before, after, reason,\n"
	                                     "                     confidence, applied) as TSV, or JSON if FILE ends in .json"));
	printf("  -c, --check        %s\n", _("change nothing, print nothing; exit 1 if something would change"));
	printf("  -t, --threshold=X  %s\n", _("apply only changes at least this confident (0..1, default 0.6);\n"
	                                     "                     the others are reported only"));
	printf("      --names=N      %s\n", _("keep (default: a personal name keeps the spelling it was\n"
	                                     "                     written with: Ohno, Itoh, Shinzo) or alalc (a name the\n"
	                                     "                     lexicon knows takes its ALA-LC form: Ōno, Taiichi)"));
	printf("  -o, --output=FILE  %s\n", _("write to FILE instead of standard output; FILE is replaced\n"
	                                     "                     only once everything was written"));
	printf("  -i, --in-place[=SUFFIX] %s\n", _("rewrite each FILE itself (a temporary beside it is\n"
	                                     "                     renamed over it; with SUFFIX the old file is kept\n"
	                                     "                     as FILE+SUFFIX); `cite refs.bib > refs.bib' would\n"
	                                     "                     empty it"));
	printf("  -h, --help         %s\n", _("show this help and exit"));
	printf("\n%s\n", _("Exit status: 0 done, 1 (--check) something would change, 2 usage error or bad\n"
	                   "input (the record is passed through unchanged and named FILE:LINE), 3 system error."));
}

/* Writes s as a JSON string: '"', '\\' and control characters escaped; the rest, UTF-8
 * included, as it is (valid UTF-8 in, valid JSON out). */
static void json_str(FILE *fp, const char *s)
{
	putc('"', fp);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			fprintf(fp, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", fp);
		else if (ch == '\t')
			fputs("\\t", fp);
		else if (ch < 0x20)
			fprintf(fp, "\\u%04x", ch);
		else
			putc(ch, fp);
	}
	putc('"', fp);
}

static void tsv_str(FILE *fp, const char *s)
{
	for (; *s; s++)
		putc(*s == '\t' || *s == '\n' ? ' ' : *s, fp);
}

/* Writes one change to the report. The confidence is written from its hundredths as
 * integers, not with printf's %f, whose decimal point follows LC_NUMERIC (0,95 under
 * de_DE would be invalid JSON); the JSON is written here rather than by jansson, which
 * csljson.c alone wraps. */
static void report_change(run *r, size_t line, const cite_change *ch)
{
	long hundredths;
	if (!r->report)
		return;
	hundredths = ch->confidence <= 0 ? 0 : ch->confidence >= 1 ? 100
	             : (long)(ch->confidence * 100 + 0.5);
	if (r->report_json) {
		fputs(r->reported ? ",\n  {" : "  {", r->report);
		fputs("\"file\": ", r->report);
		json_str(r->report, r->file);
		fprintf(r->report, ", \"%s\": %zu", r->item ? "item" : "line", r->item ? r->item : line);
		fputs(", \"before\": ", r->report);
		json_str(r->report, ch->before);
		fputs(", \"after\": ", r->report);
		json_str(r->report, ch->after);
		fputs(", \"reason\": ", r->report);
		json_str(r->report, ch->reason);
		fprintf(r->report, ", \"confidence\": %ld.%02ld, \"applied\": %s}", hundredths / 100,
		        hundredths % 100, ch->applied && !r->check ? "true" : "false");
	} else {
		tsv_str(r->report, r->file);
		fprintf(r->report, "\t%zu\t", r->item ? r->item : line);
		tsv_str(r->report, ch->before);
		putc('\t', r->report);
		tsv_str(r->report, ch->after);
		fprintf(r->report, "\t%s\t%ld.%02ld\t%s\n", ch->reason, hundredths / 100, hundredths % 100,
		        ch->applied && !r->check ? "yes" : "no");
	}
	r->reported++;
}

/* cite_fix_fn for every format: normalises s[0..len) and reports the changes. */
static int fix(void *arg, const char *s, size_t len, size_t line, enum cite_field kind,
               char **out)
{
	run *r = arg;
	cite_change *ch;
	size_t n, i;
	char *res;
	*out = NULL;
	if (text_utf8_check(s, len, NULL) != 0 || memchr(s, '\0', len))
		return 0;
	if (len > MAX_LINE) {
		cli_error(YK_USAGE, _("%s:%zu: %s (passed through unchanged)"), r->file, line,
		          _("value longer than 1 MiB"));
		r->bad = 1;
		return 0;
	}
	res = kind == CITE_FIELD_NAME ? cite_name(r->c, s, len, &ch, &n)
	      : kind == CITE_FIELD_VALUE ? cite_value(r->c, s, len, &ch, &n)
	                                 : cite_string(r->c, s, len, &ch, &n);
	if (!res) {
		r->oom = 1;
		return -1;
	}
	for (i = 0; i < n; i++) {
		report_change(r, line, &ch[i]);
		if (ch[i].applied)
			r->changed = 1;
	}
	cite_changes_free(ch, n);
	if (r->values && r->annotate) {
		char *note = cite_annotation(r->c, res, strlen(res), r->annotate);
		if (note && r->notes && cite_note_seen(r->notes, res, note)) {
			free(note); /* the same term in another field: one note is enough */
			note = NULL;
		}
		if (note) {
			size_t k = strlen(res), m = strlen(note);
			char *p = realloc(r->notes, r->notes_len + k + m + 6);
			if (!p) {
				free(note);
				free(res);
				r->oom = 1;
				return -1;
			}
			r->notes = p;
			r->notes_len += (size_t)sprintf(p + r->notes_len, "%s%s: %s",
			                                r->notes_len ? " | " : "", res, note);
			free(note);
		}
	}
	if (strlen(res) == len && !memcmp(res, s, len)) {
		free(res);
		return 0;
	}
	*out = res;
	return 0;
}

/* The annotations collected for the current record (malloc'd, NULL when none); the
 * collection starts again. Also a csljson_note_fn. */
static char *take_notes(void *arg)
{
	run *r = arg;
	char *n = r->notes;
	r->notes = NULL;
	r->notes_len = 0;
	return n;
}

/* Writes s[0..n) to stdout (nothing with --check). A failed write (EPIPE with SIGPIPE
 * ignored, a full disk) sets r->write_failed: the readers stop at the next record and
 * cli_finish reports the error (exit 3). */
static void write_out(run *r, const char *s, size_t n)
{
	if (!r->check && !r->write_failed && fwrite(s, 1, n, stdout) != n)
		r->write_failed = 1;
}

/* Whether no quote of s[0..len) is left open at its end (“ without ”, an odd number
 * of straight double quotes). A stray closing quote is a common slip and is allowed. */
static int quotes_balanced(const char *s, size_t len)
{
	size_t i = 0;
	int open = 0, straight = 0;
	while (i < len) {
		int32_t cp = text_next_cp(s, len, &i);
		if (cp == 0x201C)
			open = 1;
		else if (cp == 0x201D)
			open = 0;
		else if (cp == '"')
			straight ^= 1;
	}
	return open == 0 && !straight;
}

/* Writes the RIS note line *pending (and frees it) unless line[0..len) is that very
 * note line (a second run): then returns 1 and the line is to be written as it is. */
static int flush_note(run *r, char **pending, const char *line, size_t len)
{
	int same;
	if (!*pending)
		return 0;
	same = line && len == strlen(*pending) + 6 && !memcmp(line, "N1  - ", 6) &&
	       !memcmp(line + 6, *pending, len - 6);
	write_out(r, "N1  - ", 6);
	write_out(r, *pending, strlen(*pending));
	write_out(r, "\n", 1);
	free(*pending);
	*pending = NULL;
	return same;
}

/* Reports an RIS record that starts at line no and has no ER line. */
static void unclosed_record(run *r, size_t no)
{
	cli_error(YK_USAGE, _("%s:%zu: RIS record without an ER line (its fields were read)"), r->file, no);
	r->bad = 1;
}

/* Plain text and RIS, line by line. */
static int do_lines(run *r, FILE *fp, enum format f)
{
	char *pending = NULL;
	lines *in = lines_from_stream(fp, r->file);
	char *line;
	size_t len, record = 0; /* RIS: the TY line of the record not yet closed by ER */
	int got;
	if (!in)
		return cli_error(YK_SYSTEM, _("out of memory"));
	while ((got = lines_next(in, &line, &len)) == 1) {
		size_t no = lines_number(in), off = 0, bad;
		int is_name = 0;
		if (f == F_RIS && ris_is_tag(line, len)) {
			if (line[0] == 'T' && line[1] == 'Y') {
				if (record)
					unclosed_record(r, record);
				record = no;
			} else if (line[0] == 'E' && line[1] == 'R')
				record = 0;
		}
		if (flush_note(r, &pending, line, len))
			continue; /* the note is there already (a second run) */
		char *res = NULL;
		const char *problem = NULL;
		if (memchr(line, '\0', len))
			problem = _("NUL byte in the line");
		else if (text_utf8_check(line, len, &bad) != 0)
			problem = _("invalid UTF-8");
		else if (len > MAX_LINE)
			problem = _("line too long for a citation");
		else if (f == F_TEXT && !quotes_balanced(line, len))
			problem = _("unbalanced quotes");
		if (problem) {
			cli_error(YK_USAGE, _("%s:%zu: %s (passed through unchanged)"), r->file, no, problem);
			r->bad = 1;
		} else if (f == F_TEXT || ris_field(line, len, &off, &is_name)) {
			enum cite_field kind = f == F_TEXT ? CITE_FIELD_TEXT
			                       : is_name ? CITE_FIELD_NAME : CITE_FIELD_VALUE;
			if (fix(r, line + off, len - off, no, kind, &res) != 0) {
				lines_close(in);
				return cli_error(YK_SYSTEM, _("out of memory"));
			}
		}
		if (res) {
			write_out(r, line, off);
			write_out(r, res, strlen(res));
			free(res);
		} else
			write_out(r, line, len);
		if (lines_had_newline(in))
			write_out(r, "\n", 1);
		if (r->notes) /* RIS: a note line after the tag it explains (written below) */
			pending = take_notes(r);
		if (r->write_failed)
			break;
	}
	flush_note(r, &pending, NULL, 0);
	if (record && got == 0)
		unclosed_record(r, record);
	lines_close(in);
	free(pending);
	if (r->write_failed)
		return YK_SYSTEM; /* cli_finish says so */
	if (got < 0)
		return cli_error(YK_SYSTEM, _("%s: read error: %s"), r->file, strerror(errno));
	return YK_OK;
}

static int do_bibtex(run *r, FILE *fp)
{
	bibtex_reader *in = bibtex_open(fp, r->file);
	const char *text;
	size_t len, line;
	enum bibtex_chunk kind;
	int got, e;
	if (!in)
		return cli_error(YK_SYSTEM, _("out of memory"));
	while ((got = bibtex_next(in, &text, &len, &line, &kind)) == 1) {
		char *res = NULL;
		const char *problem = NULL;
		if (kind == BIBTEX_TEXT)
			;
		else if (memchr(text, '\0', len))
			problem = _("NUL byte in the BibTeX entry");
		else if (kind == BIBTEX_TOOLONG)
			problem = _("BibTeX entry longer than 1 MiB");
		else if (kind == BIBTEX_TRUNCATED)
			problem = _("BibTeX entry cut off at the end of the input");
		else if (kind == BIBTEX_BAD)
			problem = _("BibTeX entry not accepted by btparse");
		if (problem) {
			cli_error(YK_USAGE, _("%s:%zu: %s (passed through unchanged)"), r->file, line, problem);
			r->bad = 1;
		} else if (kind == BIBTEX_ENTRY) {
			if (text_utf8_check(text, len, NULL) != 0) {
				cli_error(YK_USAGE, _("%s:%zu: invalid UTF-8 (passed through unchanged)"),
				          r->file, line);
				r->bad = 1;
			} else if (bibtex_rewrite(text, len, line, fix, r, &res) != 0) {
				bibtex_close(in);
				return cli_error(YK_SYSTEM, _("out of memory"));
			}
			if (r->notes) {
				/* BibTeX: the annotations go to a field of their own */
				char *note = take_notes(r), *with;
				with = strstr(res ? res : text, "yakugo-note") ? NULL /* a second run */
				       : bibtex_add_field(res ? res : text, res ? strlen(res) : len,
				                          "yakugo-note", note);
				free(note);
				if (with) {
					free(res);
					res = with;
				}
			}
		}
		if (res) {
			write_out(r, res, strlen(res));
			free(res);
		} else
			write_out(r, text, len);
		if (r->write_failed)
			break;
	}
	e = errno; /* closing the reader ends its child: keep the reason of a failure */
	bibtex_close(in);
	if (r->write_failed)
		return YK_SYSTEM; /* cli_finish says so */
	if (got < 0)
		return cli_error(YK_SYSTEM, _("%s: read error: %s"), r->file, strerror(e));
	return YK_OK;
}

static int do_csljson(run *r, FILE *fp)
{
	char *error = NULL;
	int rc;
	FILE *out = r->check ? fopen("/dev/null", "w") : stdout;
	if (!out)
		return cli_error(YK_SYSTEM, "/dev/null: %s", strerror(errno));
	csljson_set_note(r->annotate ? take_notes : NULL);
	rc = csljson_rewrite(fp, out, fix, r, &r->item, &error);
	r->item = 0;
	if (out != stdout)
		fclose(out);
	if (rc == 1) {
		cli_error(YK_USAGE, _("%s:%s (passed through unchanged)"), r->file, error);
		r->bad = 1;
		rc = YK_OK;
	} else if (rc < 0)
		rc = cli_error(YK_SYSTEM, "%s: %s", r->file, error ? error : _("out of memory"));
	free(error);
	return rc;
}

/* ---- detecting the format from content ------------------------------------------ */

/* How many bytes are looked at: enough for the first record of every format. */
#define PEEK_MAX 65536

/* An input whose first bytes were read ahead: a stream (fopencookie) that gives back
 * head[0..n) and then the rest of fp, so detection loses nothing on a pipe. */
typedef struct peeked {
	FILE *fp;
	char head[PEEK_MAX];
	size_t n, at;
} peeked;

static ssize_t peeked_read(void *cookie, char *buf, size_t size)
{
	peeked *p = cookie;
	size_t k;
	if (p->at < p->n) {
		k = p->n - p->at < size ? p->n - p->at : size;
		memcpy(buf, p->head + p->at, k);
		p->at += k;
		return (ssize_t)k;
	}
	k = fread(buf, 1, size, p->fp);
	return k == 0 && ferror(p->fp) ? -1 : (ssize_t)k;
}

static int peeked_close(void *cookie)
{
	(void)cookie; /* the caller closes fp and frees the peeked */
	return 0;
}

/* Reads the head of p->fp: up to the end of the first line that holds more than white
 * space and % comments, or up to PEEK_MAX bytes when that line starts with '[' or '{'
 * (JSON is judged on more than one line). */
static void peek_head(peeked *p)
{
	int c, first = 0, bol = 1, comment = 0;
	while (p->n < PEEK_MAX && (c = getc(p->fp)) != EOF) {
		p->head[p->n++] = (char)c;
		if (c == '\n') {
			if (first && first != '[' && first != '{')
				break;
			bol = 1;
			comment = 0;
			continue;
		}
		if (bol && c == '%' && !first)
			comment = 1;
		else if (!first && !comment && c != ' ' && c != '\t' && c != '\r')
			first = c;
		bol = 0;
	}
}

/* The format of the content head[0..n), or F_AUTO when it is none in particular. */
static enum format detect_content(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	/* BibTeX: blank lines and % comments, then "@type{" or "@type(" */
	for (;;) {
		while (i < n && strchr(" \t\r\n", s[i]))
			i++;
		if (i < n && s[i] == '%') {
			while (i < n && s[i] != '\n')
				i++;
			continue;
		}
		break;
	}
	if (i < n && s[i] == '@') {
		size_t k = i + 1;
		while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '_' || s[k] == '-'))
			k++;
		if (k > i + 1) {
			while (k < n && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k < n && (s[k] == '{' || s[k] == '('))
				return F_BIBTEX;
		}
	}
	if (csljson_sniff(s, n))
		return F_CSLJSON;
	if (n - i >= 5 && !memcmp(s + i, "TY  -", 5))
		return F_RIS;
	return F_AUTO;
}

/* The format of an input: its content when that is recognisably BibTeX, CSL-JSON or
 * RIS, else its name's extension (.bib .json .ris), else plain text. */
static enum format detect(const char *path, const char *head, size_t n)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	enum format f = detect_content(head, n);
	if (f != F_AUTO)
		return f;
	if (dot && !strcmp(dot, ".bib"))
		return F_BIBTEX;
	if (dot && !strcmp(dot, ".json"))
		return F_CSLJSON;
	if (dot && !strcmp(dot, ".ris"))
		return F_RIS;
	return F_TEXT;
}

/* Whether fp is a directory (fopen opens one for reading; reads then fail). */
static int is_directory(FILE *fp)
{
	struct stat st;
	return fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode);
}

/* Parses a threshold: digits with at most one '.', the same in every locale (strtod
 * would take "nan", "inf", "" and, under de_DE, refuse "0.9"). 0 and *x in 0..1, or -1. */
static int parse_threshold(const char *s, double *x)
{
	double v = 0, scale = 1;
	int digits = 0, dot = 0;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (dot)
				v += (scale /= 10) * (*s - '0');
			else
				v = v * 10 + (*s - '0');
			digits++;
		} else if (*s == '.' && !dot)
			dot = 1;
		else
			return -1;
		if (v > 1)
			return -1;
	}
	if (!digits)
		return -1;
	*x = v;
	return 0;
}

/* The reading index next to the database (or $YAKUGO_READINGS, else the build tree's,
 * else the installed one). A missing index is allowed: *rd is NULL and a warning says
 * that words are not read again. A corrupt one is not: the output would silently
 * differ from a sound installation's, so it is an error (exit 2) that names the file;
 * rebuild it with `make` or point $YAKUGO_READINGS elsewhere. Returns YK_OK or YK_USAGE. */
static int open_readings(readings **rd)
{
	const char *env = getenv("YAKUGO_READINGS");
	char path[4096], *error = NULL;
	*rd = NULL;
	if (env && *env)
		snprintf(path, sizeof path, "%s", env);
	else {
		const char *db = cli_db_path(), *slash = strrchr(db, '/');
		if (slash)
			snprintf(path, sizeof path, "%.*s/readings.idx", (int)(slash - db), db);
		else
			snprintf(path, sizeof path, "readings.idx");
	}
	*rd = readings_open(path, &error);
	if (!*rd && errno == ENOENT && !(env && *env)) {
		/* the build tree's, then the installed one */
		const char *dirs[] = { BUILD_DATADIR, PKGDATADIR };
		size_t k;
		for (k = 0; k < 2 && !*rd && errno == ENOENT; k++) {
			snprintf(path, sizeof path, "%s/readings.idx", dirs[k]);
			free(error);
			error = NULL;
			*rd = readings_open(path, &error);
		}
	}
	if (!*rd && errno == EINVAL) {
		cli_error(YK_USAGE, "%s", error ? error : _("out of memory"));
		free(error);
		return YK_USAGE;
	}
	if (!*rd) {
		cli_warn(_("%s; words are not read again (only the lexicon is used)"),
		         error ? error : _("out of memory"));
		free(error);
	}
	return YK_OK;
}

/* Points standard output at o's temporary file (the formats all write to stdout).
 * Returns the saved descriptor of the real standard output, or -1 (errno set). */
static int stdout_to(outfile *o)
{
	int saved;
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	if (saved < 0)
		return -1;
	if (dup2(outfile_fd(o), STDOUT_FILENO) < 0) {
		close(saved);
		return -1;
	}
	return saved;
}

/* Flushes what stdio holds into the temporary and gives standard output back. Returns
 * 0, or -1 when a write failed (errno set; stdout's error flag stays for cli_finish). */
static int stdout_back(int saved)
{
	int rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : -1, e = errno;
	dup2(saved, STDOUT_FILENO);
	close(saved);
	errno = e;
	return rc;
}

int cmd_cite(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "style", required_argument, NULL, 's' },
		{ "system", required_argument, NULL, 'S' },
		{ "annotate", required_argument, NULL, 'a' },
		{ "report", required_argument, NULL, 'r' },
		{ "diff", required_argument, NULL, 'r' },
		{ "check", no_argument, NULL, 'c' },
		{ "threshold", required_argument, NULL, 't' },
		{ "names", required_argument, NULL, 'N' },
		{ "output", required_argument, NULL, 'o' },
		{ "in-place", optional_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	cite_options o = { ROMAJI_HEPBURN, 0, 0, CITE_THRESHOLD_DEFAULT, CITE_NAMES_KEEP };
	enum format fmt = F_AUTO;
	const char *report_path = NULL, *out_path = NULL, *backup_suffix = NULL;
	outfile *out = NULL;
	int in_place = 0, saved_stdout = -1;
	run r;
	lexicon *lex = NULL;
	readings *rd = NULL;
	char *error = NULL;
	peeked *peek = NULL;
	int opt, rc = YK_OK, i;

	memset(&r, 0, sizeof r);
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "f:s:a:r:ct:ho:i::", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = F_TEXT;
			else if (!strcmp(optarg, "bibtex"))
				fmt = F_BIBTEX;
			else if (!strcmp(optarg, "csljson"))
				fmt = F_CSLJSON;
			else if (!strcmp(optarg, "ris"))
				fmt = F_RIS;
			else
				return cli_usage(_("unknown format '%s'"), optarg);
			break;
		case 's':
			if (!strcmp(optarg, "alalc"))
				o.alalc = 1;
			else if (!strcmp(optarg, "hepburn"))
				o.alalc = 0;
			else
				return cli_usage(_("unknown style '%s'"), optarg);
			break;
		case 'S':
			if (romaji_system_parse(optarg, &o.sys) != 0)
				return cli_usage(_("unknown system '%s'"), optarg);
			break;
		case 'a':
			if (!strcmp(optarg, "none"))
				o.annotate = 0;
			else if (!strcmp(optarg, "kanji"))
				o.annotate = CITE_ANNOTATE_KANJI;
			else if (!strcmp(optarg, "english"))
				o.annotate = CITE_ANNOTATE_ENGLISH;
			else if (!strcmp(optarg, "both"))
				o.annotate = CITE_ANNOTATE_KANJI | CITE_ANNOTATE_ENGLISH;
			else
				return cli_usage(_("unknown annotation '%s'"), optarg);
			break;
		case 'r':
			report_path = optarg;
			break;
		case 'c':
			r.check = 1;
			break;
		case 't':
			if (parse_threshold(optarg, &o.threshold) != 0)
				return cli_usage(_("threshold must be a number from 0 to 1: '%s'"), optarg);
			break;
		case 'N':
			if (!strcmp(optarg, "keep"))
				o.names = CITE_NAMES_KEEP;
			else if (!strcmp(optarg, "alalc"))
				o.names = CITE_NAMES_ALALC;
			else
				return cli_usage(_("unknown name style '%s'"), optarg);
			break;
		case 'o':
			out_path = optarg;
			break;
		case 'i':
			in_place = 1;
			backup_suffix = optarg;
			break;
		case 'h':
			print_help();
			return YK_OK;
		default:
			return cli_bad_option(argv, "f:s:a:r:ct:ho:i::", longopts);
		}
	}

	if (in_place && out_path)
		return cli_usage(_("--in-place and --output cannot go together"));
	if ((in_place || out_path) && r.check)
		return cli_usage(_("--check writes nothing: it cannot go with --in-place or --output"));
	if (in_place) {
		if (optind >= argc)
			return cli_usage(_("--in-place needs the FILEs to rewrite"));
		for (i = optind; i < argc; i++)
			if (!strcmp(argv[i], "-"))
				return cli_usage(_("--in-place cannot rewrite standard input"));
	}

	lex = lexicon_open(cli_db_path(), cli_user_db_path(), cli_system_db_path(),
	                   LEXICON_READONLY, &error);
	if (!lex) {
		cli_warn(_("%s; titles and names are not looked up"), error ? error : _("out of memory"));
		free(error);
		error = NULL;
	}
	rc = open_readings(&rd);
	if (rc != YK_OK)
		goto done;
	r.annotate = o.annotate;
	r.c = cite_new(lex, rd, NULL, &o, &error);
	if (!r.c) {
		rc = cli_error(YK_SYSTEM, "%s", error ? error : _("out of memory"));
		goto done;
	}
	if (report_path) {
		size_t n = strlen(report_path);
		r.report = fopen(report_path, "w");
		if (!r.report) {
			rc = cli_error(YK_SYSTEM, _("%s: %s"), report_path, strerror(errno));
			goto done;
		}
		r.report_json = n > 5 && !strcmp(report_path + n - 5, ".json");
		if (r.report_json)
			fputs("[\n", r.report);
		else
			fputs("file\tline\tbefore\tafter\treason\tconfidence\tapplied\n", r.report);
	}
	if (out_path) {
		/* -o FILE: everything goes to a temporary that replaces FILE at the end */
		out = outfile_open(out_path, &error);
		if (!out || (saved_stdout = stdout_to(out)) < 0) {
			rc = cli_error(YK_SYSTEM, "%s", error ? error : strerror(errno));
			goto done;
		}
	}
	for (i = optind; i < argc || i == optind; i++) {
		const char *path = i < argc ? argv[i] : "-";
		FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin, *in = fp;
		enum format f = fmt;
		int frc;
		if (!fp || (fp != stdin && is_directory(fp))) {
			rc = cli_error(YK_SYSTEM, "%s: %s", path, strerror(fp ? EISDIR : errno));
			if (fp)
				fclose(fp);
			continue;
		}
		if (in_place) {
			/* the file's new text goes to a temporary beside it, renamed over it
			 * once the whole file was written */
			out = outfile_open(path, &error);
			if (!out || (saved_stdout = stdout_to(out)) < 0) {
				rc = cli_error(YK_SYSTEM, "%s", error ? error : strerror(errno));
				outfile_abort(out);
				out = NULL;
				free(error);
				error = NULL;
				fclose(fp);
				continue;
			}
		}
		r.file = fp == stdin ? "<stdin>" : path;
		if (f == F_AUTO) {
			/* peek at the head, then read through a stream that gives it back */
			static cookie_io_functions_t io = { peeked_read, NULL, NULL, peeked_close };
			if (!peek)
				peek = malloc(sizeof *peek);
			if (!peek) {
				rc = cli_error(YK_SYSTEM, _("out of memory"));
				if (fp != stdin)
					fclose(fp);
				break;
			}
			peek->fp = fp;
			peek->n = peek->at = 0;
			peek_head(peek);
			f = detect(fp == stdin ? NULL : path, peek->head, peek->n);
			in = fopencookie(peek, "r", io);
			if (!in) {
				rc = cli_error(YK_SYSTEM, _("out of memory"));
				if (fp != stdin)
					fclose(fp);
				break;
			}
		}
		r.values = f != F_TEXT;
		/* plain text: inline after the span; the structured formats: fields of their own */
		cite_set_annotate(r.c, f == F_TEXT ? o.annotate : 0);
		frc = f == F_BIBTEX ? do_bibtex(&r, in) : f == F_CSLJSON ? do_csljson(&r, in)
		                                         : do_lines(&r, in, f);
		if (in != fp)
			fclose(in);
		if (fp != stdin)
			fclose(fp);
		r.values = 0;
		if (in_place) {
			int back = stdout_back(saved_stdout);
			saved_stdout = -1;
			if (frc >= YK_SYSTEM || back != 0) {
				outfile_abort(out); /* the file stays as it was */
				if (frc < YK_SYSTEM)
					frc = cli_error(YK_SYSTEM, _("%s: write error: %s"), path, strerror(errno));
			} else if (outfile_commit(out, backup_suffix, &error) != 0) {
				frc = cli_error(YK_SYSTEM, "%s", error);
				free(error);
				error = NULL;
			}
			out = NULL;
		}
		if (frc > rc)
			rc = frc;
		if (frc == YK_SYSTEM)
			break;
	}
	if (out_path && out) {
		int back = stdout_back(saved_stdout);
		saved_stdout = -1;
		if (rc >= YK_SYSTEM || back != 0) {
			outfile_abort(out); /* FILE stays as it was */
			if (rc < YK_SYSTEM)
				rc = cli_error(YK_SYSTEM, _("%s: write error: %s"), out_path, strerror(errno));
		} else if (outfile_commit(out, NULL, &error) != 0)
			rc = cli_error(YK_SYSTEM, "%s", error);
		out = NULL;
	}
	if (r.report) {
		if (r.report_json)
			fputs(r.reported ? "\n]\n" : "]\n", r.report);
		if (fclose(r.report) != 0 && rc < YK_SYSTEM)
			rc = cli_error(YK_SYSTEM, _("%s: write error"), report_path);
		r.report = NULL;
	}
	if (rc == YK_OK && r.bad)
		rc = YK_USAGE;
	if (rc == YK_OK && r.check && r.changed)
		rc = YK_NOTFOUND;
done:
	if (saved_stdout >= 0)
		stdout_back(saved_stdout);
	outfile_abort(out);
	free(error);
	if (r.report)
		fclose(r.report);
	free(r.notes);
	free(peek);
	cite_free(r.c);
	readings_close(rd);
	lexicon_close(lex);
	return rc;
}
