/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romanize-out.c: the romanizer's units to text: ALA-LC word division (which morphemes
 * join, which stand apart, hyphens), particles, punctuation, capitals per style, and
 * the romaji of each word (romaji.h) (doc/romanization.md, "Words"). */
#include "config.h"

#include "romanize-int.h"

/* ---- output -------------------------------------------------------------------- */

/* Upper-cases the first letter of s in place (ASCII and the vowels with a macron or
 * a circumflex, the only non-ASCII letters romaji has). */
static void cap_first(char *s)
{
	unsigned char *u = (unsigned char *)s;
	for (; *u; u++) {
		if (*u >= 'a' && *u <= 'z') {
			*u -= 32;
			return;
		}
		if ((*u >= 'A' && *u <= 'Z') || (*u >= '0' && *u <= '9'))
			return;
		if (*u == 0xC4 || *u == 0xC5) { /* ā ē ī ō ū: U+0101.. odd -> even */
			if (u[1] & 1)
				u[1]--;
			return;
		}
		if (*u == 0xC3) { /* â ê î ô û: U+00E2.. -> U+00C2.. */
			if (u[1] >= 0xA0)
				u[1] -= 0x20;
			return;
		}
		if (*u >= 0x80)
			return;
	}
}

static void lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s += 32;
}

static int put_sep(romanizer *r)
{
	int rc = 0;
	if (!r->line_empty && r->pending)
		rc = str_buf_add(&r->out, &r->pending, 1);
	r->pending = 0;
	return rc;
}

/* Romanizes the word collected in wk and appends it. */
static int flush_word(romanizer *r)
{
	char *s;
	if (!r->wk.n)
		return 0;
	s = romaji_from_kana(r->wk.s, r->wk.n, r->o.sys, r->o.lng);
	r->wk.n = 0;
	if (!s)
		return -1;
	if (r->wk_cap)
		cap_first(s);
	if (str_buf_adds(&r->out, s) != 0) {
		free(s);
		return -1;
	}
	free(s);
	r->line_empty = 0;
	return 0;
}

/* Appends text as written (Latin, digits, a fixed romaji), starting a new word when
 * sep is not 0, else joined to the word before. */
static int put_fixed(romanizer *r, const char *s, size_t n, char sep, int cap)
{
	if (flush_word(r) != 0)
		return -1;
	if (sep && !r->pending)
		r->pending = sep;
	if (!sep)
		r->pending = 0;
	if (put_sep(r) != 0)
		return -1;
	if (cap) {
		size_t at = r->out.n;
		if (str_buf_add(&r->out, s, n) != 0)
			return -1;
		cap_first(r->out.s + at);
	} else if (str_buf_add(&r->out, s, n) != 0)
		return -1;
	r->line_empty = 0;
	return 0;
}

/* Adds kana as a morpheme: of a new word when newword (after the separator sep, if
 * any; cap: capitalise that word), else of the current word. */
static int put_kana(romanizer *r, const char *kana, size_t n, char sep, int cap, int newword)
{
	if (newword) {
		if (flush_word(r) != 0)
			return -1;
		if (sep && !r->pending)
			r->pending = sep;
		if (!sep)
			r->pending = 0;
		if (put_sep(r) != 0)
			return -1;
		r->wk_cap = cap;
	} else {
		r->pending = 0;
		if (r->wk.n && str_buf_add(&r->wk, ROMAJI_MORPHEME, 1) != 0)
			return -1;
		if (!r->wk.n)
			r->wk_cap = 0;
	}
	if (str_buf_add(&r->wk, kana, n) != 0)
		return -1;
	r->line_empty = 0; /* the word will be written */
	return 0;
}

/* ---- readings ------------------------------------------------------------------ */

static int is_vowel_kana(int32_t cp)
{
	switch (cp) {
	case 0x30A2: case 0x30A4: case 0x30A6: case 0x30A8: case 0x30AA: /* アイウエオ */
	case 0x3042: case 0x3044: case 0x3046: case 0x3048: case 0x304A: /* あいうえお */
		return 1;
	}
	return 0;
}

/* The kana of one token into r->tmp: its reading, with a morpheme boundary before
 * every vowel that the pronunciation does not lengthen (湖 ミズ|ウミ, 思う オモ|ウ,
 * but 東京 トウキョウ/トーキョー stays whole), and a final ハ read ワ (こんにちは). */
static int token_kana(romanizer *r, const morph_token *t)
{
	const char *rd = t->reading, *pr = t->pron;
	size_t rn = t->reading_len, pn = t->pron_len, i = 0, j = 0, n = 0;
	char *out;

	r->tmp.n = 0;
	if (!rd) {
		rd = t->surface;
		rn = t->surface_len;
		pr = NULL;
	}
	if (!pr || pr == rd)
		return str_buf_add(&r->tmp, rd, rn);
	/* at most a boundary byte per character is added (ワ is as long as ハ) */
	if (str_buf_reserve(&r->tmp, 2 * rn) != 0)
		return -1;
	out = r->tmp.s;
	while (i < rn && j < pn) {
		size_t i0 = i;
		int32_t a = next_cp(rd, rn, &i);
		int32_t b = next_cp(pr, pn, &j);
		if (i0 > 0 && is_vowel_kana(a) && b != 0x30FC)
			out[n++] = ROMAJI_MORPHEME_CHAR;
		if (a == 0x30CF && b == 0x30EF && i == rn && j == pn) { /* ハ read ワ */
			memcpy(out + n, "ワ", strlen("ワ"));
			n += strlen("ワ");
		} else {
			memcpy(out + n, rd + i0, i - i0);
			n += i - i0;
		}
	}
	if (i < rn || j < pn) /* not as many characters: the reading as it is */
		return str_buf_add(&r->tmp, rd, rn);
	r->tmp.n = n;
	out[n] = '\0';
	return 0;
}

/* あたり, 当たり ("per"): a word of its own after a number. */
static int is_atari(const morph_token *t)
{
	return surface_is(t, "あたり") || surface_is(t, "当たり") || surface_is(t, "当り");
}

/* ---- joining rules --------------------------------------------------------------- */

static int is_verbal(morph_class c)
{
	return c == MORPH_VERB || c == MORPH_VERB_DEP || c == MORPH_VERB_SUFFIX
	       || c == MORPH_ADJECTIVE || c == MORPH_AUXVERB;
}

/* The separator before a Japanese token t: 0 (same word), '-' or ' '. */
static char join_kana(const romanizer *r, const morph_token *t, size_t space_before)
{
	morph_class c = t->cls, p = r->pcls;
	if (r->pk == P_START || r->pk == P_OPEN)
		return 0;
	if (r->pk == P_PUNCT || space_before)
		return ' ';
	if (r->pk == P_LATIN || r->pk == P_DIGITS) {
		if (c == MORPH_SUFFIX || c == MORPH_PLACE_SUFFIX || c == MORPH_PERSON_SUFFIX
		    || c == MORPH_COUNTER || (r->pk == P_DIGITS && c == MORPH_NUMBER))
			return '-';
		return ' ';
	}
	if (p == MORPH_PREFIX && c != MORPH_PARTICLE && c != MORPH_SYMBOL)
		return c == MORPH_PROPER ? '-' : 0; /* Zen-Nihon, but shinseihin */
	if (r->p_single && c == MORPH_PROPER && cp_count(t->surface, t->surface_len) == 1) {
		if ((r->pflags & MORPH_F_PERSON) && !(r->pflags & MORPH_F_PLACE))
			return 0; /* a given name MeCab cut in two (聡|太): one word */
		return '-'; /* 日米 Nichi-Bei */
	}
	switch (c) {
	case MORPH_PARTICLE:
		return ' ';
	case MORPH_CONJ_PARTICLE: {
		const char *const *joined = romanize_conj_joined;
		size_t i;
		if (is_verbal(p))
			for (i = 0; joined[i]; i++)
				if (surface_is(t, joined[i]))
					return 0;
		return ' ';
	}
	case MORPH_AUXVERB:
		if (t->flags & MORPH_F_COPULA)
			return (p == MORPH_AUXVERB && (r->pflags & MORPH_F_COPULA)) ? 0 : ' ';
		return is_verbal(p) ? 0 : ' ';
	case MORPH_VERB_SUFFIX:
		return 0;
	case MORPH_VERB_DEP:
		return r->p_te ? ' ' : 0;
	case MORPH_VERB:
		return p == MORPH_VERB ? 0 : ' ';
	case MORPH_ADJECTIVE:
		return ((t->flags & MORPH_F_DEP) && is_verbal(p) && !r->p_te) ? 0 : ' ';
	case MORPH_SUFFIX:
		if (is_atari(t))
			return ' '; /* 1日あたり 1-nichi atari, as 一人当たり hitori atari */
		return (p == MORPH_PARTICLE || p == MORPH_CONJ_PARTICLE) ? ' ' : 0;
	case MORPH_PLACE_SUFFIX:
	case MORPH_PERSON_SUFFIX:
		return r->p_proper ? '-' : 0;
	case MORPH_COUNTER:
		return (p == MORPH_NUMBER || p == MORPH_NOUN || p == MORPH_SUFFIX) ? 0 : ' ';
	case MORPH_NUMBER:
		return p == MORPH_NUMBER ? 0 : ' ';
	default:
		return ' ';
	}
}

/* ---- punctuation ------------------------------------------------------------------ */

static int put_punct(romanizer *r, const morph_token *t, size_t space_before)
{
	const struct romanize_punct *p;
	for (p = romanize_puncts; p->in; p++)
		if (t->surface_len && t->surface[0] == p->in[0] && surface_is(t, p->in))
			break;
	if (!p->in) {
		/* any other symbol: as written, keeping the input's spacing */
		char sep = (space_before || r->pk == P_PUNCT) ? ' ' : 0;
		if (r->pk == P_KANA && !t->surface_len)
			sep = ' ';
		if (put_fixed(r, t->surface, t->surface_len, sep, 0) != 0)
			return -1;
		/* a colon or a semicolon (：, ； folded) is followed by a space, also before
		 * digits (資料：2024年 -> shiryō: 2024-nen), but not between digits (3:1, 10:30) */
		r->pk = (t->surface_len == 1 && (t->surface[0] == ':' || t->surface[0] == ';')
		         && r->pk != P_DIGITS && r->pk != P_LATIN) ? P_PUNCT : P_LATIN;
		r->pcls = MORPH_SYMBOL;
		return 0;
	}
	if (flush_word(r) != 0)
		return -1;
	switch (p->kind) {
	case ROMANIZE_PUNCT_PAUSE:
	case ROMANIZE_PUNCT_STOP:
	case ROMANIZE_PUNCT_CLOSE:
		r->pending = 0;
		if (str_buf_adds(&r->out, p->out) != 0)
			return -1;
		r->line_empty = 0;
		r->pk = P_PUNCT;
		if (p->kind == ROMANIZE_PUNCT_STOP)
			r->sentence_start = 1;
		break;
	case ROMANIZE_PUNCT_OPEN:
		if (r->pk != P_OPEN && !r->line_empty)
			r->pending = ' ';
		if (put_sep(r) != 0 || str_buf_adds(&r->out, p->out) != 0)
			return -1;
		r->line_empty = 0;
		r->pk = P_OPEN;
		break;
	case ROMANIZE_PUNCT_DASH:
		r->pending = 0;
		if (str_buf_adds(&r->out, p->out) != 0)
			return -1;
		r->line_empty = 0;
		r->pk = P_OPEN;
		break;
	case ROMANIZE_PUNCT_SEPARATOR:
		r->pk = P_PUNCT;
		break;
	}
	r->pcls = MORPH_SYMBOL;
	r->pflags = 0;
	r->p_proper = 0;
	r->p_te = 0;
	r->p_single = 0;
	return 0;
}

/* ---- one piece of text ------------------------------------------------------------- */

/* Glossary romaji in the chosen system: as written for hepburn, else the kana
 * romanized word by word, with the glossary's separators (space or hyphen) and
 * capitals when its words line up with the kana's. Into r->tmp. */
static int term_romaji(romanizer *r, const term *t)
{
	char *s;
	const char *g, *k;
	size_t nk = 1, ng = 1, i;
	int rc = -1;
	r->tmp.n = 0;
	if ((r->o.sys == ROMAJI_HEPBURN && r->o.lng == ROMAJI_LONG_DEFAULT) || !*t->kana)
		return str_buf_adds(&r->tmp, t->romaji);
	s = romaji_from_kana(t->kana, (size_t)-1, r->o.sys, r->o.lng);
	if (!s)
		return -1;
	for (i = 0; s[i]; i++)
		nk += s[i] == ' ';
	for (i = 0; t->romaji[i]; i++)
		ng += t->romaji[i] == ' ' || t->romaji[i] == '-';
	if (nk != ng) {
		rc = str_buf_adds(&r->tmp, s);
		free(s);
		return rc;
	}
	g = t->romaji;
	k = s;
	for (;;) {
		size_t kw = strcspn(k, " "), gw = strcspn(g, " -"), at = r->tmp.n;
		if (str_buf_add(&r->tmp, k, kw) != 0)
			goto done;
		if ((*g >= 'A' && *g <= 'Z') || (((unsigned char)*g == 0xC4
		    || (unsigned char)*g == 0xC5) && !((unsigned char)g[1] & 1)))
			cap_first(r->tmp.s + at);
		k += kw;
		g += gw;
		if (!*k || !*g)
			break;
		if (str_buf_add(&r->tmp, g, 1) != 0)
			goto done;
		k++;
		g++;
	}
	rc = 0;
done:
	free(s);
	return rc;
}

/* Whether w[0..n) is the romaji of a particle ([particle]: romaji or typed). */
static int is_particle_romaji(const char *w, size_t n)
{
	const struct romanize_particle *p;
	for (p = romanize_particles; p->kana; p++)
		if (p->romaji && ((strlen(p->romaji) == n && strncmp(w, p->romaji, n) == 0)
		                  || (p->typed && strlen(p->typed) == n && strncmp(w, p->typed, n) == 0)))
			return 1;
	return 0;
}

/* --style title on a glossary term: capitalise each word after a space but the
 * particles. */
static void title_words(char *s)
{
	char *w = s;
	while (*w) {
		size_t n = strcspn(w, " ");
		if (!is_particle_romaji(w, n) && w != s)
			cap_first(w);
		w += n;
		while (*w == ' ')
			w++;
	}
}

static int word_cap(const romanizer *r, morph_class c, int orgcap)
{
	switch (r->o.style) {
	case ROMANIZE_ALALC:
		return r->sentence_start || c == MORPH_PROPER || orgcap;
	case ROMANIZE_TITLE:
		return c != MORPH_PARTICLE && c != MORPH_CONJ_PARTICLE;
	default:
		return 0;
	}
}

/* What the word just written leaves for the next one's joining rules: its kind, class
 * and flags; no て, no one-kanji name, no sentence start (a caller sets p_proper, p_te
 * and p_single after this when its word is one). */
static void wrote(romanizer *r, enum prev_kind pk, morph_class cls, unsigned flags)
{
	r->pk = pk;
	r->pcls = cls;
	r->pflags = flags;
	r->p_te = 0;
	r->p_single = 0;
	r->sentence_start = 0;
}

/* Hyphens to spaces in r->tmp (--style spaced). */
static void tmp_unhyphen(romanizer *r)
{
	size_t k;
	for (k = 0; k < r->tmp.n; k++)
		if (r->tmp.s[k] == '-')
			r->tmp.s[k] = ' ';
}

/* A glossary term joins its neighbours as the token MeCab made of it (向け stays a
 * suffix: AI-muke), but is written as the glossary says. */
static int put_term(romanizer *r, const unit *u)
{
	morph_token tk = u->tk;
	int spaced = r->o.style == ROMANIZE_SPACED, cap;
	char sep;
	if (tk.surface_len != u->t->key_len || tk.cls == MORPH_SYMBOL
	    || tk.cls == MORPH_ALPHA || tk.cls == MORPH_NUMBER || tk.cls == MORPH_PARTICLE
	    || tk.cls == MORPH_CONJ_PARTICLE || tk.cls == MORPH_AUXVERB)
		tk.cls = u->t->proper ? MORPH_PROPER : MORPH_NOUN;
	sep = join_kana(r, &tk, u->space_before);
	if (spaced && sep == '-')
		sep = ' ';
	if (term_romaji(r, u->t) != 0)
		return -1;
	if (spaced || r->o.style == ROMANIZE_SLUG) {
		lower_ascii(r->tmp.s);
		tmp_unhyphen(r);
	}
	if (r->o.style == ROMANIZE_TITLE || (r->o.style == ROMANIZE_ALALC && u->orgcap))
		title_words(r->tmp.s);
	cap = (r->o.style == ROMANIZE_TITLE && sep != '-' && (sep || r->pk == P_START
	                                                      || r->pk == P_OPEN))
	      || (r->o.style == ROMANIZE_ALALC && (r->sentence_start || u->orgcap));
	if (put_fixed(r, r->tmp.s, r->tmp.n, sep, cap) != 0)
		return -1;
	if (sep || r->pk == P_START || r->pk == P_OPEN)
		r->p_proper = u->t->proper;
	wrote(r, P_KANA, tk.cls, 0);
	return 0;
}

/* Latin letters or Arabic digits (units[i]), as written; digits with a date or counter
 * reading after them (romanize_digits_special) take the next unit too (*i is then
 * advanced past it). */
static int put_latin(romanizer *r, size_t *i)
{
	const unit *u = &r->units[*i];
	const morph_token *t = &u->tk;
	int digits = t->cls == MORPH_NUMBER;
	char sep = ' ';
	if (r->pk == P_START || r->pk == P_OPEN)
		sep = 0;
	else if ((r->pk == P_LATIN || r->pk == P_DIGITS) && !u->space_before)
		sep = 0;
	if (digits && *i + 1 < r->n_units && !r->units[*i + 1].t
	    && !r->units[*i + 1].space_before) {
		int k = romanize_digits_special(r, t->surface, t->surface_len, &r->units[*i + 1].tk,
		                                romanize_day_is_date(r, *i));
		if (k < 0)
			return -1;
		if (k > 0) {
			if (r->o.style == ROMANIZE_SPACED)
				tmp_unhyphen(r);
			if (put_fixed(r, r->tmp.s, r->tmp.n, sep,
			              r->sentence_start && (r->o.style == ROMANIZE_ALALC
			                                    || r->o.style == ROMANIZE_TITLE)) != 0)
				return -1;
			r->p_proper = 0;
			wrote(r, P_KANA, MORPH_COUNTER, 0);
			(*i)++;
			return 0;
		}
	}
	if (put_fixed(r, t->surface, t->surface_len, sep, 0) != 0)
		return -1;
	r->p_proper = 0;
	wrote(r, digits ? P_DIGITS : P_LATIN, t->cls, t->flags);
	return 0;
}

/* The separator before the Japanese token of u: join_kana, then what the unit and the
 * style say (glued, apart, spaced: a space between tokens but inflections). */
static char kana_sep(const romanizer *r, const unit *u)
{
	const morph_token *t = &u->tk;
	int spaced = r->o.style == ROMANIZE_SPACED;
	char sep = u->glue ? 0 : join_kana(r, t, u->space_before);
	if (u->apart && !sep && r->pk == P_KANA)
		sep = ' ';
	if (spaced && sep && sep != ' ')
		sep = ' ';
	if (spaced && !sep && !u->glue && r->pk != P_START && r->pk != P_OPEN
	    && t->cls != MORPH_AUXVERB && t->cls != MORPH_VERB_SUFFIX
	    && t->cls != MORPH_CONJ_PARTICLE)
		sep = ' ';
	if (sep == ' ' && r->pk == P_KANA && r->pcls == MORPH_COUNTER && r->wk.n == 0
	    && t->cls == MORPH_SUFFIX && !is_atari(t))
		sep = 0;
	return sep;
}

/* A particle that starts a word (after sep): its romaji in the system (romaji_particle:
 * は wa), else its kana; a compound particle (について) is read as particle + word. */
static int put_particle(romanizer *r, const morph_token *t, char sep, int cap)
{
	const char *pr = NULL;
	char kana[16];
	size_t k = 0;
	if (t->surface_len < sizeof kana) {
		memcpy(kana, t->surface, t->surface_len);
		kana[t->surface_len] = '\0';
		pr = romaji_particle(kana, r->o.sys);
	}
	if (pr) {
		char buf[16];
		snprintf(buf, sizeof buf, "%s", pr);
		if (cap)
			cap_first(buf);
		return put_fixed(r, buf, strlen(buf), sep, 0);
	}
	if (token_kana(r, t) != 0)
		return -1;
	if (t->reading_len > 3 && t->pos_len > 0 && contains(t->pos, t->pos_len, "連語")) {
		next_cp(r->tmp.s, r->tmp.n, &k);
		if (put_kana(r, r->tmp.s, k, sep, cap, 1) != 0
		    || put_kana(r, r->tmp.s + k, r->tmp.n - k, ' ', 0, 1) != 0)
			return -1;
		return 0;
	}
	return put_kana(r, r->tmp.s, r->tmp.n, sep, cap, 1);
}

/* A Japanese token: a fixed romaji, its surface when it has no reading (reported), a
 * particle, or its kana as a morpheme of the current word or of a new one. */
static int put_japanese(romanizer *r, const unit *u)
{
	const morph_token *t = &u->tk;
	char sep = kana_sep(r, u);
	int has_reading = t->reading || romanize_is_kana_only(t->surface, t->surface_len);
	int newword = sep || r->pk == P_START || r->pk == P_OPEN;
	int cap = (sep == '-' && t->cls != MORPH_PROPER) ? 0 : word_cap(r, t->cls, u->orgcap);
	int rc;
	if (u->fixed)
		rc = put_fixed(r, u->fixed, strlen(u->fixed), sep, cap);
	else if (!has_reading) {
		romanize_report_unknown(r, t->surface, t->surface_len);
		rc = put_fixed(r, t->surface, t->surface_len, sep, 0);
	} else if (t->cls == MORPH_PARTICLE && sep)
		rc = put_particle(r, t, sep, cap);
	else
		rc = token_kana(r, t) != 0 ? -1 : put_kana(r, r->tmp.s, r->tmp.n, sep, cap, newword);
	if (rc != 0)
		return -1;
	if (newword)
		r->p_proper = t->cls == MORPH_PROPER;
	wrote(r, P_KANA, t->cls, t->flags);
	r->p_te = t->cls == MORPH_CONJ_PARTICLE && (surface_is(t, "て") || surface_is(t, "で"));
	r->p_single = t->cls == MORPH_PROPER && cp_count(t->surface, t->surface_len) == 1;
	return 0;
}

int romanize_piece(romanizer *r, const char *s, size_t len)
{
	size_t i;
	if (romanize_units(r, s, len) != 0)
		return -1;
	for (i = 0; i < r->n_units; i++) {
		const unit *u = &r->units[i];
		const morph_token *t = &u->tk;
		int rc;
		if (u->t)
			rc = put_term(r, u);
		else if (t->cls == MORPH_SYMBOL)
			rc = put_punct(r, t, u->space_before);
		else if (t->cls == MORPH_ALPHA
		         || (t->cls == MORPH_NUMBER && (unsigned char)t->surface[0] < 0x80))
			rc = put_latin(r, &i);
		else
			rc = put_japanese(r, u);
		if (rc != 0)
			return -1;
	}
	return flush_word(r);
}
