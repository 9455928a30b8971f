/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tbx.c: TBX export (xmlTextWriter) and import (xmlTextReader, streaming) of lexicon
 * entries; the element layout is documented in tbx.h. */
#include "config.h"

#include "i18n.h"
#include "tbx.h"
#include "str.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#define X(s) ((const xmlChar *)(s))

struct tbx_writer {
	xmlTextWriterPtr w;
	unsigned long n;
	int failed;
};

/* libxml2's own messages (I/O errors on stdout, say) would not start with "yakugo:";
 * the callers report failures themselves. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

tbx_writer *tbx_writer_new(FILE *fp, char **error)
{
	xmlOutputBufferPtr out;
	tbx_writer *t = calloc(1, sizeof *t);
	*error = NULL;
	xmlSetGenericErrorFunc(NULL, quiet);
	if (!t)
		goto oom;
	out = xmlOutputBufferCreateFile(fp, NULL);
	if (!out)
		goto oom;
	t->w = xmlNewTextWriter(out); /* takes out, also on failure? no: free it then */
	if (!t->w) {
		xmlOutputBufferClose(out);
		goto oom;
	}
	xmlTextWriterSetIndent(t->w, 1);
	xmlTextWriterSetIndentString(t->w, X("  "));
	if (xmlTextWriterStartDocument(t->w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(t->w, X("tbx")) < 0 ||
	    xmlTextWriterWriteAttribute(t->w, X("type"), X("TBX-Basic")) < 0 ||
	    xmlTextWriterWriteAttribute(t->w, X("style"), X("dca")) < 0 ||
	    xmlTextWriterWriteAttribute(t->w, X("xml:lang"), X("en")) < 0 ||
	    xmlTextWriterWriteAttribute(t->w, X("xmlns"), X("urn:iso:std:iso:30042:ed-2")) < 0 ||
	    xmlTextWriterStartElement(t->w, X("tbxHeader")) < 0 ||
	    xmlTextWriterStartElement(t->w, X("fileDesc")) < 0 ||
	    xmlTextWriterStartElement(t->w, X("sourceDesc")) < 0 ||
	    xmlTextWriterWriteElement(t->w, X("p"), X("yakugo glossary export")) < 0 ||
	    xmlTextWriterEndElement(t->w) < 0 || xmlTextWriterEndElement(t->w) < 0 ||
	    xmlTextWriterEndElement(t->w) < 0 ||
	    xmlTextWriterStartElement(t->w, X("text")) < 0 ||
	    xmlTextWriterStartElement(t->w, X("body")) < 0) {
		*error = str_printf(_("cannot write TBX: %s"), strerror(errno ? errno : EIO));
		xmlFreeTextWriter(t->w);
		free(t);
		return NULL;
	}
	return t;
oom:
	free(t);
	*error = str_printf("%s", strerror(ENOMEM));
	return NULL;
}

/* Writes <NAME type="TYPE">TEXT</NAME> (type may be NULL) when text is set. */
static int typed(xmlTextWriterPtr w, const char *name, const char *type, const char *text)
{
	if (!text || !*text)
		return 0;
	if (xmlTextWriterStartElement(w, X(name)) < 0 ||
	    (type && xmlTextWriterWriteAttribute(w, X("type"), X(type)) < 0) ||
	    xmlTextWriterWriteString(w, X(text)) < 0 || xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

int tbx_writer_add(tbx_writer *t, const lexicon_entry *e)
{
	xmlTextWriterPtr w = t->w;
	char id[32];
	size_t i;
	int bad = 0;

	snprintf(id, sizeof id, "c%lu", ++t->n);
	bad |= xmlTextWriterStartElement(w, X("conceptEntry")) < 0;
	bad |= xmlTextWriterWriteAttribute(w, X("id"), X(id)) < 0;
	bad |= typed(w, "descrip", "entryType", e->type) < 0;
	bad |= typed(w, "descrip", "marketName", e->market) < 0;
	bad |= typed(w, "admin", "footnotes", e->footnotes) < 0;
	bad |= typed(w, "note", NULL, e->note) < 0;
	bad |= xmlTextWriterStartElement(w, X("langSec")) < 0;
	bad |= xmlTextWriterWriteAttribute(w, X("xml:lang"), X("ja")) < 0;
	bad |= xmlTextWriterStartElement(w, X("termSec")) < 0;
	bad |= xmlTextWriterWriteElement(w, X("term"), X(e->ja ? e->ja : "")) < 0;
	bad |= typed(w, "termNote", "pronunciation", e->kana) < 0;
	bad |= typed(w, "termNote", "transliteration", e->romaji) < 0;
	for (i = 0; i < e->n_variants; i++)
		bad |= typed(w, "termNote", "variant", e->variants[i]) < 0;
	bad |= typed(w, "termNote", "partOfSpeech", e->pos) < 0;
	if (e->common)
		bad |= typed(w, "termNote", "frequency", "common") < 0;
	bad |= xmlTextWriterEndElement(w) < 0; /* termSec */
	bad |= xmlTextWriterEndElement(w) < 0; /* langSec */
	if (e->n_en) {
		bad |= xmlTextWriterStartElement(w, X("langSec")) < 0;
		bad |= xmlTextWriterWriteAttribute(w, X("xml:lang"), X("en")) < 0;
		for (i = 0; i < e->n_en; i++) {
			bad |= xmlTextWriterStartElement(w, X("termSec")) < 0;
			bad |= xmlTextWriterWriteElement(w, X("term"), X(e->en[i])) < 0;
			bad |= xmlTextWriterEndElement(w) < 0;
		}
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	bad |= xmlTextWriterEndElement(w) < 0; /* conceptEntry */
	if (bad)
		t->failed = 1;
	return bad ? -1 : 0;
}

int tbx_writer_finish(tbx_writer *t)
{
	int rc;
	if (!t)
		return 0;
	/* closes body, text, tbx */
	if (xmlTextWriterEndDocument(t->w) < 0 || xmlTextWriterFlush(t->w) < 0)
		t->failed = 1;
	rc = t->failed ? -1 : 0;
	xmlFreeTextWriter(t->w);
	free(t);
	return rc;
}

/* ---- reading ----------------------------------------------------------------- */

/* A growable string list for en and variants. */
static int push(char ***v, size_t *n, char *s)
{
	char **nv = realloc(*v, (*n + 1) * sizeof *nv);
	if (!nv) {
		free(s);
		return -1;
	}
	nv[(*n)++] = s;
	*v = nv;
	return 0;
}

static void entry_free(lexicon_entry *e)
{
	size_t i;
	free(e->ja);
	free(e->kana);
	free(e->romaji);
	free(e->type);
	for (i = 0; i < e->n_en; i++)
		free(e->en[i]);
	free(e->en);
	free(e->market);
	for (i = 0; i < e->n_variants; i++)
		free(e->variants[i]);
	free(e->variants);
	free(e->footnotes);
	free(e->note);
	free(e->pos);
	free(e->source);
	memset(e, 0, sizeof *e);
}

/* Replaces *slot with s (taking it). */
static void set(char **slot, char *s)
{
	free(*slot);
	*slot = s;
}

struct read_state {
	const char *path;
	char *error;
};

static void on_error(void *arg, const char *msg, xmlParserSeverities severity,
                     xmlTextReaderLocatorPtr loc)
{
	struct read_state *st = arg;
	size_t k;
	if (st->error || (severity != XML_PARSER_SEVERITY_ERROR &&
	                  severity != XML_PARSER_SEVERITY_VALIDITY_ERROR))
		return;
	k = strlen(msg);
	while (k && (msg[k - 1] == '\n' || msg[k - 1] == ' '))
		k--;
	st->error = str_printf("%s:%d: %.*s", st->path, xmlTextReaderLocatorLineNumber(loc), (int)k, msg);
}

int tbx_read(const char *path, int (*fn)(const lexicon_entry *e, size_t line, void *arg),
             void *arg, char **error)
{
	struct read_state st = { path, NULL };
	xmlTextReaderPtr r;
	lexicon_entry e;
	char *lang = NULL;
	size_t line = 0;
	int in_entry = 0, seen_root = 0, got, rc = 0;

	*error = NULL;
	xmlSetGenericErrorFunc(NULL, quiet);
	memset(&e, 0, sizeof e);
	r = strcmp(path, "-") == 0 ? xmlReaderForFd(0, "<stdin>", NULL, XML_PARSE_NONET)
	                           : xmlReaderForFile(path, NULL, XML_PARSE_NONET);
	if (!r) {
		*error = str_printf("%s: %s", path, strerror(errno ? errno : EIO));
		return -1;
	}
	xmlTextReaderSetErrorHandler(r, on_error, &st);
	while ((got = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		const char *name = (const char *)xmlTextReaderConstLocalName(r);
		if (!name)
			continue;
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (in_entry && (!strcmp(name, "conceptEntry") || !strcmp(name, "termEntry"))) {
				e.origin = LEXICON_TSV;
				if (!e.ja && !(e.ja = strdup("")))
					goto oom;
				rc = fn(&e, line, arg);
				entry_free(&e);
				in_entry = 0;
				if (rc)
					break;
			} else if (!strcmp(name, "langSec") || !strcmp(name, "langSet")) {
				xmlFree(lang);
				lang = NULL;
			}
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (!seen_root) {
			seen_root = 1;
			if (strcmp(name, "tbx") != 0 && strcmp(name, "martif") != 0) {
				xmlNodePtr node = xmlTextReaderCurrentNode(r);
				*error = str_printf(_("%s:%ld: not TBX: the document is <%s>, not <tbx> or <martif>"),
				                    path, node ? xmlGetLineNo(node) : 0L, name);
				rc = -1;
				goto done;
			}
		}
		if (!strcmp(name, "conceptEntry") || !strcmp(name, "termEntry")) {
			entry_free(&e);
			in_entry = 1;
			{
				xmlNodePtr node = xmlTextReaderCurrentNode(r);
				long ln = node ? xmlGetLineNo(node) : -1;
				line = ln > 0 ? (size_t)ln : (size_t)xmlTextReaderGetParserLineNumber(r);
			}
			if (xmlTextReaderIsEmptyElement(r)) {
				in_entry = 0; /* an empty entry holds no term */
			}
			continue;
		}
		if (!in_entry)
			continue;
		if (!strcmp(name, "langSec") || !strcmp(name, "langSet")) {
			xmlFree(lang);
			lang = (char *)xmlTextReaderXmlLang(r);
			continue;
		}
		if (!strcmp(name, "term") || !strcmp(name, "termNote") || !strcmp(name, "descrip") ||
		    !strcmp(name, "admin") || !strcmp(name, "note")) {
			char *ty = (char *)xmlTextReaderGetAttribute(r, X("type"));
			char *text = (char *)xmlTextReaderReadString(r);
			char *s;
			int ja = lang && strncmp(lang, "ja", 2) == 0;
			if (!text)
				text = (char *)xmlStrdup(X(""));
			s = text ? strdup(text) : NULL;
			xmlFree(text);
			if (!s) {
				xmlFree(ty);
				goto oom;
			}
			if (!strcmp(name, "term")) {
				if (ja && !e.ja)
					e.ja = s;
				else if (lang && strncmp(lang, "en", 2) == 0 && *s) {
					if (push(&e.en, &e.n_en, s) < 0) {
						xmlFree(ty);
						goto oom;
					}
				} else
					free(s);
			} else if (!strcmp(name, "note")) {
				set(&e.note, s);
			} else if (!ty) {
				free(s);
			} else if (!strcmp(name, "termNote") && !strcmp(ty, "pronunciation")) {
				set(&e.kana, s);
			} else if (!strcmp(name, "termNote") && !strcmp(ty, "transliteration")) {
				set(&e.romaji, s);
			} else if (!strcmp(name, "termNote") && !strcmp(ty, "variant")) {
				if (push(&e.variants, &e.n_variants, s) < 0) {
					xmlFree(ty);
					goto oom;
				}
			} else if (!strcmp(name, "termNote") && !strcmp(ty, "partOfSpeech")) {
				set(&e.pos, s);
			} else if (!strcmp(name, "termNote") && !strcmp(ty, "frequency")) {
				e.common = !strcmp(s, "common");
				free(s);
			} else if (!strcmp(name, "descrip") && !strcmp(ty, "entryType")) {
				set(&e.type, s);
			} else if (!strcmp(name, "descrip") && !strcmp(ty, "marketName")) {
				set(&e.market, s);
			} else if (!strcmp(name, "admin") && !strcmp(ty, "footnotes")) {
				set(&e.footnotes, s);
			} else {
				free(s);
			}
			xmlFree(ty);
		}
	}
	if (got < 0 && !rc) {
		*error = st.error ? st.error : str_printf(_("%s: not well-formed XML"), path);
		st.error = NULL;
		rc = -1;
	}
	goto done;
oom:
	*error = str_printf("%s: %s", path, strerror(ENOMEM));
	rc = -1;
done:
	free(st.error);
	entry_free(&e);
	xmlFree(lang);
	xmlFreeTextReader(r);
	return rc;
}
