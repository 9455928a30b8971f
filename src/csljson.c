/* csljson.c: CSL-JSON through jansson (see csljson.h). */
#include "config.h"

#include "csljson.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static csljson_note_fn *note_fn;

void csljson_set_note(csljson_note_fn *note)
{
	note_fn = note;
}

/* Appends the note of the item just fixed. 0, or -1 when out of memory. */
static int add_note(json_t *item, void *arg)
{
	json_t *old;
	char *note = note_fn ? note_fn(arg) : NULL, *both;
	int rc;
	if (!note)
		return 0;
	old = json_object_get(item, "note");
	if (json_is_string(old) && strstr(json_string_value(old), note)) {
		free(note); /* there already (a second run) */
		return 0;
	}
	if (json_is_string(old) && json_string_length(old)) {
		size_t a = json_string_length(old), b = strlen(note);
		both = malloc(a + b + 2);
		if (!both) {
			free(note);
			return -1;
		}
		memcpy(both, json_string_value(old), a);
		both[a] = '\n';
		memcpy(both + a + 1, note, b + 1);
		free(note);
		note = both;
	}
	rc = json_object_set_new(item, "note", json_string(note));
	free(note);
	return rc;
}

static int is_text_key(const char *k)
{
	static const char *keys[] = { "title", "title-short", "shortTitle", "container-title",
	                              "container-title-short", "collection-title", "original-title",
	                              "publisher", "event", "event-title", NULL };
	size_t i;
	for (i = 0; keys[i]; i++)
		if (!strcmp(keys[i], k))
			return 1;
	return 0;
}

static int is_name_key(const char *k)
{
	static const char *keys[] = { "author", "editor", "translator", "container-author",
	                              "collection-editor", "director", "interviewer", "recipient",
	                              "reviewed-author", "composer", NULL };
	size_t i;
	for (i = 0; keys[i]; i++)
		if (!strcmp(keys[i], k))
			return 1;
	return 0;
}

/* Rewrites the string value of key in obj. 0, or -1 when out of memory. */
static int fix_string(json_t *obj, const char *key, enum cite_field kind, cite_fix_fn *fix,
                      void *arg)
{
	json_t *v = json_object_get(obj, key);
	char *rep = NULL;
	if (!json_is_string(v))
		return 0;
	if (fix(arg, json_string_value(v), json_string_length(v), 0, kind, &rep))
		return -1;
	if (rep) {
		int rc = json_string_set(v, rep);
		free(rep);
		if (rc)
			return -1;
	}
	return 0;
}

static int fix_item(json_t *item, cite_fix_fn *fix, void *arg)
{
	const char *key;
	json_t *value;
	json_object_foreach(item, key, value) {
		if (is_text_key(key)) {
			if (fix_string(item, key, CITE_FIELD_VALUE, fix, arg))
				return -1;
		} else if (is_name_key(key) && json_is_array(value)) {
			size_t i;
			json_t *name;
			json_array_foreach(value, i, name) {
				if (!json_is_object(name))
					continue;
				if (fix_string(name, "family", CITE_FIELD_NAME, fix, arg) ||
				    fix_string(name, "given", CITE_FIELD_NAME, fix, arg) ||
				    fix_string(name, "literal", CITE_FIELD_NAME, fix, arg))
					return -1;
			}
		}
	}
	return 0;
}

static int copy_through(const char *s, size_t n, FILE *out)
{
	return fwrite(s, 1, n, out) == n ? 0 : -1;
}

int csljson_rewrite(FILE *in, FILE *out, cite_fix_fn *fix, void *arg, size_t *item,
                    char **error)
{
	char *text = NULL, *dump = NULL;
	size_t len = 0, cap = 0, got;
	json_t *root = NULL;
	json_error_t jerr;
	int rc = -1;
	*error = NULL;
	*item = 0;
	/* the bytes are kept so that a document jansson rejects is passed through whole */
	for (;;) {
		if (len + 65536 > cap) {
			char *p = realloc(text, cap = cap ? cap * 2 : 65536 * 2);
			if (!p)
				goto oom;
			text = p;
		}
		got = fread(text + len, 1, cap - len - 1, in);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(in)) {
		*error = strdup("read error");
		goto done;
	}
	root = json_loadb(text, len, JSON_DECODE_ANY, &jerr);
	if (!root || !(json_is_array(root) || json_is_object(root))) {
		char msg[300];
		snprintf(msg, sizeof msg, "%d: %s", root ? 1 : jerr.line,
		         root ? "not a CSL-JSON array of items" : jerr.text);
		*error = strdup(msg);
		if (copy_through(text, len, out))
			goto done;
		rc = 1;
		goto done;
	}
	if (json_is_object(root)) {
		*item = 1;
		if (fix_item(root, fix, arg) || add_note(root, arg))
			goto oom;
	} else {
		size_t i;
		json_t *it;
		json_array_foreach(root, i, it) {
			*item = i + 1;
			if (json_is_object(it) && (fix_item(it, fix, arg) || add_note(it, arg)))
				goto oom;
		}
	}
	dump = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (!dump)
		goto oom;
	if (fputs(dump, out) == EOF || putc('\n', out) == EOF) {
		*error = strdup("write error");
		goto done;
	}
	rc = 0;
	goto done;
oom:
	*error = strdup("out of memory");
done:
	free(text);
	free(dump);
	if (root)
		json_decref(root);
	return rc;
}
