/* SPDX-License-Identifier: GPL-3.0-or-later */
/* romanize-names.c: names in the romanizer's units: proper nouns cut before their head
 * nouns (東京|大学), organisation names capitalised up to their head, katakana loanwords
 * told from names by their neighbours, directions before places, 中 and 日 as suffix
 * and prefix (doc/romanization.md, "Names and capitals"). */
#include "config.h"

#include "romanize-int.h"

/* The split head ([head] role split) that ends the proper noun t, surface and reading,
 * or NULL. */
static const struct romanize_head *split_head_of(const morph_token *t)
{
	const struct romanize_head *h;
	for (h = romanize_split_heads; h->surface; h++) {
		size_t sn = strlen(h->surface), rn = strlen(h->reading);
		if (ends_with(t->surface, t->surface_len, h->surface, sn)
		    && ends_with(t->reading, t->reading_len, h->reading, rn))
			return h;
	}
	return NULL;
}

/* Cuts the head h off the end of *rest and returns it as a token of its own, read as
 * the exception x says when there is one (ALA-LC: Nihon); the pronunciation is cut
 * after as many characters as the reading when it has as many, else dropped. */
static morph_token cut_head(morph_token *rest, const struct romanize_head *h,
                            const struct romanize_exception *x)
{
	morph_token head = *rest;
	size_t sn = strlen(h->surface), rn = strlen(h->reading);
	size_t rcp = cp_count(rest->reading, rest->reading_len);
	head.surface = rest->surface + rest->surface_len - sn;
	head.surface_len = sn;
	head.offset = rest->offset + rest->surface_len - sn;
	head.space_before = 0;
	head.reading = rest->reading + rest->reading_len - rn;
	head.reading_len = rn;
	head.pron = NULL;
	head.pron_len = 0;
	if (x) {
		head.reading = x->reading;
		head.reading_len = strlen(x->reading);
	}
	if (rest->pron && cp_count(rest->pron, rest->pron_len) == rcp) {
		size_t keep = rcp - cp_count(h->reading, rn), i = 0, c;
		for (c = 0; c < keep; c++)
			next_cp(rest->pron, rest->pron_len, &i);
		head.pron = rest->pron + i;
		head.pron_len = rest->pron_len - i;
		rest->pron_len = i;
	} else
		rest->pron = NULL;
	rest->surface_len -= sn;
	rest->reading_len -= rn;
	return head;
}

/* Cuts a proper-noun token before a known head noun, repeatedly (日本経済新聞社 ->
 * 日本 経済 新聞社): a head MeCab keeps in one proper-noun token with the name before
 * it (東京大学, 毎日新聞) is cut off, so that ALA-LC's words appear (Tōkyō Daigaku).
 * Pushes the units; returns 0, or -1 when out of memory. */
static int push_proper(romanizer *r, const morph_token *tok, size_t space_before)
{
	morph_token parts[4];
	int np = 0, title = 0, k;
	morph_token rest = *tok;

	while (np < 3 && rest.reading) {
		const struct romanize_head *h = split_head_of(&rest);
		/* a head with a reading of its own (日本 Nihon) is cut off after one character
		 * too (東日本 Higashi Nihon) */
		const struct romanize_exception *x =
			h ? romanize_exception_find(h->surface, strlen(h->surface)) : NULL;
		if (!h || (cp_count(rest.surface, rest.surface_len - strlen(h->surface)) < 2 && !x))
			break;
		if (np == 0 && h->newspaper)
			title = 1;
		parts[np++] = cut_head(&rest, h, x);
	}
	if (np == 0 || !rest.surface_len || !rest.reading_len) {
		unit *u = romanize_unit_push(r);
		if (!u)
			return -1;
		u->tk = *tok;
		u->space_before = space_before;
		return 0;
	}
	parts[np++] = rest;
	for (k = np - 1; k >= 0; k--) {
		unit *u = romanize_unit_push(r);
		if (!u)
			return -1;
		u->tk = parts[k];
		u->space_before = k == np - 1 ? space_before : 0;
		if (k != np - 1) {
			u->tk.cls = title ? MORPH_NOUN : MORPH_PROPER;
			u->tk.flags &= ~(unsigned)MORPH_F_UNKNOWN;
		}
	}
	return 0;
}

/* Pushes one token as the next word(s): a proper noun with a reading is split into its
 * name and head words (push_proper) unless the style is spaced; anything else becomes
 * one unit. Returns 0, or -1 when out of memory. */
int romanize_push_token(romanizer *r, const morph_token *tk)
{
	unit *u;
	if (tk->cls == MORPH_PROPER && tk->reading && r->o.style != ROMANIZE_SPACED)
		return push_proper(r, tk, tk->space_before);
	if (!(u = romanize_unit_push(r)))
		return -1;
	u->tk = *tk;
	u->space_before = tk->space_before;
	return 0;
}

#define org_heads romanize_org_heads

/* The length of org_heads[k] (lengths kept for the first ORG_LENS heads). */
#define ORG_LENS 256
static size_t org_lens[ORG_LENS];

static size_t org_head_len(size_t k)
{
	return k < ORG_LENS ? org_lens[k] : strlen(org_heads[k]);
}

/* Whether some organisation head ends with byte c (a quick filter). */
static unsigned char org_tail_set[4096 / 8];

/* Fills the tables of organisation heads (their lengths, their last two bytes). Called by
 * romanize_new, before any thread works. */
void romanize_org_heads_init(void)
{
	static int done;
	size_t k;
	if (done)
		return;
	done = 1;
	for (k = 0; org_heads[k]; k++) {
		const unsigned char *h = (const unsigned char *)org_heads[k];
		size_t n = strlen(org_heads[k]);
		if (k < ORG_LENS)
			org_lens[k] = n;
		unsigned v = ((unsigned)(h[n - 2] & 0x3F) << 6) | (h[n - 1] & 0x3F);
		org_tail_set[v >> 3] |= (unsigned char)(1u << (v & 7));
	}
}

/* Whether some organisation head ends with the bytes a b (a quick filter). */
static int org_tail(unsigned char a, unsigned char b)
{
	unsigned v = ((unsigned)(a & 0x3F) << 6) | (b & 0x3F);
	return org_tail_set[v >> 3] & (1u << (v & 7));
}

static int is_run_class(morph_class c)
{
	return c == MORPH_NOUN || c == MORPH_PROPER || c == MORPH_SUFFIX || c == MORPH_PREFIX
	       || c == MORPH_PLACE_SUFFIX || c == MORPH_ALPHA; /* 三菱UFJ銀行 */
}

/* Latin letters that are no part of a name: with a digit or after one (5G, G7), or a
 * single letter. */
static int alpha_not_name(const romanizer *r, size_t i)
{
	const morph_token *t = &r->units[i].tk;
	size_t k;
	if (t->cls != MORPH_ALPHA)
		return 0;
	if (t->surface_len < 2 || (i > 0 && !r->units[i].space_before
	                           && r->units[i - 1].tk.cls == MORPH_NUMBER))
		return 1;
	for (k = 0; k < t->surface_len; k++)
		if (t->surface[k] >= '0' && t->surface[k] <= '9')
			return 1;
	return 0;
}

/* Whether the units of units[b..e) that begin before byte head are all prefixes
 * (新, 同, 前): what comes before an organisation head (内閣, 委員会) is then no name. */
static int only_prefixes(const romanizer *r, size_t b, size_t e, size_t head)
{
	for (; b < e && r->units[b].tk.offset < head; b++)
		if (r->units[b].t || r->units[b].tk.cls != MORPH_PREFIX)
			return 0;
	return 1;
}

/* Whether units[b..e) hold a name: a proper noun, Latin letters or a glossary term. */
static int run_has_name(const romanizer *r, size_t b, size_t e)
{
	for (; b < e; b++)
		if ((r->units[b].t && r->units[b].t->proper) || r->units[b].tk.cls == MORPH_PROPER
		    || r->units[b].tk.cls == MORPH_ALPHA)
			return 1;
	return 0;
}

/* The end of the organisation name in the noun run units[start..end): after its last
 * unit that ends with an organisation head (人工知能学会 in 人工知能学会全国大会), or
 * start when there is none. */
static size_t org_head_upto(const romanizer *r, const char *s, size_t start, size_t end)
{
	size_t b = r->units[start].tk.offset, j, upto = 0, k;
	for (j = start; j < end; j++) {
		const morph_token *last = &r->units[j].tk;
		size_t e = last->offset + last->surface_len;
		if (e < 2 || !org_tail((unsigned char)s[e - 2], (unsigned char)s[e - 1]))
			continue;
		for (k = 0; org_heads[k]; k++) {
			size_t n = org_head_len(k);
			if (e - b > n && s[e - 1] == org_heads[k][n - 1]
			    && memcmp(s + e - n, org_heads[k], n) == 0)
				break;
		}
		/* a one-kanji head only as a token of its own after a name of two
		 * words or more (経済産業省, 日本政府観光局; not 基地局, 放送局) */
		/* a head after nothing but a prefix is no name (新内閣, 同委員会) */
		if (org_heads[k] && only_prefixes(r, start, j + 1, e - org_head_len(k)))
			continue;
		/* a katakana head (グループ) only after a name (ソニーグループ; not
		 * 研究グループ) */
		if (org_heads[k] && romanize_is_katakana_only(org_heads[k], org_head_len(k))
		    && !run_has_name(r, start, j))
			continue;
		if (org_heads[k] && (cp_count(org_heads[k], org_head_len(k)) > 1
		                     || last->cls == MORPH_PROPER
		                     || (last->surface_len == org_head_len(k)
		                         && j + 1 - start >= (strcmp(org_heads[k], "局") ? 2u : 3u))))
			upto = j + 1;
	}
	return upto;
}

/* The end of a name in units[start..end) made by a head noun of a name (電力, 銀行, 大学)
 * right after a proper noun that the glossary or MeCab keeps apart from it (九州|電力,
 * 東京|電力), or upto when there is none further on. */
static size_t name_head_upto(const romanizer *r, size_t start, size_t end, size_t upto)
{
	const char *const *name_heads = romanize_name_heads;
	size_t j, h;
	for (j = start + 1; j < end; j++) {
		const unit *pv = &r->units[j - 1];
		if (r->units[j].t || !r->units[j].tk.reading
		    || !((pv->t && pv->t->proper) || (!pv->t && pv->tk.cls == MORPH_PROPER)))
			continue;
		for (h = 0; name_heads[h]; h++)
			if (surface_is(&r->units[j].tk, name_heads[h]))
				break;
		if (name_heads[h] && j + 1 > upto)
			upto = j + 1;
	}
	return upto;
}

/* Marks noun runs ending in an organisation head (文部科学省, 日本政府観光局). */
void romanize_mark_org_runs(romanizer *r, const char *s)
{
	size_t i = 0, start, upto, k;
	while (i < r->n_units) {
		start = i;
		while (i < r->n_units && (r->units[i].t || (is_run_class(r->units[i].tk.cls)
		                                            && !alpha_not_name(r, i)))
		       && (i == start || !r->units[i].space_before))
			i++;
		if (i == start) {
			i++;
			continue;
		}
		upto = name_head_upto(r, start, i, org_head_upto(r, s, start, i));
		/* 株式会社 before a name: the whole run is the name (Kabushiki Kaisha
		 * Hitachi Seisakusho) */
		if (i - start >= 3 && !r->units[start].t
		    && (surface_is(&r->units[start].tk, "株式")
		        || surface_is(&r->units[start].tk, "有限"))
		    && surface_is(&r->units[start + 1].tk, "会社"))
			upto = i;
		for (k = start; k < upto; k++)
			r->units[k].orgcap = 1;
	}
}

static int unit_is_katakana(const unit *u)
{
	return !u->t && romanize_is_katakana_only(u->tk.surface, u->tk.surface_len);
}

/* Whether the neighbours of units[b..e) show a name: a one-kanji country before it
 * (米グーグル), a country and の (カナダのテンストレント), 大手 (半導体大手キオクシア), a place
 * or person suffix, 社 or a title after it (エヌビディア社, トランプ氏, バイデン大統領),
 * 株式会社 on either side. */
static int loan_is_name(const romanizer *r, const char *s, size_t b, size_t e)
{
	const unit *prev = b > 0 && !r->units[b].space_before ? &r->units[b - 1] : NULL;
	const unit *next = e < r->n_units && !r->units[e].space_before ? &r->units[e] : NULL;
	size_t off = r->units[b].tk.offset;
	if (prev && !prev->t && prev->tk.cls == MORPH_PROPER && (prev->tk.flags & MORPH_F_PLACE)
	    && cp_count(prev->tk.surface, prev->tk.surface_len) == 1)
		return 1;
	if (prev && b >= 2 && !prev->t && !prev->space_before && prev->tk.cls == MORPH_PARTICLE
	    && surface_is(&prev->tk, "の") && !r->units[b - 2].t
	    && r->units[b - 2].tk.cls == MORPH_PROPER
	    && contains(r->units[b - 2].tk.pos, r->units[b - 2].tk.pos_len, "地域,国"))
		return 1;
	/* a major company: 半導体大手(の)キオクシア */
	if (prev && ends_with_str(prev->tk.surface, prev->tk.surface_len, "大手"))
		return 1;
	if (prev && b >= 2 && !prev->space_before && surface_is(&prev->tk, "の")
	    && ends_with_str(r->units[b - 2].tk.surface, r->units[b - 2].tk.surface_len, "大手"))
		return 1;
	if (next && !next->t
	    && (next->tk.cls == MORPH_PLACE_SUFFIX || next->tk.cls == MORPH_PERSON_SUFFIX
	        || surface_is(&next->tk, "社") || surface_is(&next->tk, "株式")))
		return 1;
	if (next && !next->t && (next->tk.cls == MORPH_PREFIX || surface_is(&next->tk, "次期")
	                         || surface_is(&next->tk, "前") || surface_is(&next->tk, "元"))
	    && e + 1 < r->n_units && !r->units[e + 1].space_before)
		next = &r->units[e + 1]; /* ハリス副大統領, トランプ次期大統領 */
	if (next && !next->t && !romanize_is_katakana_only(next->tk.surface, next->tk.surface_len)) {
		/* a person's title after the name: バイデン大統領, ゼレンスキー氏 */
		const char *const *titles = romanize_person_titles;
		size_t k;
		for (k = 0; titles[k]; k++)
			if (surface_is(&next->tk, titles[k]))
				return 1;
	}
	return prev && off >= strlen("会社")
	       && memcmp(s + off - strlen("会社"), "会社", strlen("会社")) == 0;
}

/* Whether t is a direction (北 南 東 西). */
static int is_direction(const morph_token *t)
{
	const struct romanize_direction *d;
	for (d = romanize_directions; d->surface; d++)
		if (surface_is(t, d->surface))
			return 1;
	return 0;
}

/* A step of romanize_mark_loanwords looks at units[*i] (next: the unit right after it,
 * NULL if there is none or a space comes between) and returns 1 when it dealt with it
 * (no later step looks at it; it may set *i to the last unit it used), else 0. */
typedef int name_step_fn(romanizer *r, const char *s, size_t *i, unit *next);

/* 日 before a country in k or t (日中 Nit-Chū, 日韓 Nik-Kan, 日朝 Nit-Chō): its ち is っ,
 * written with the next consonant before the hyphen. */
static int step_nichi_country(romanizer *r, const char *s, size_t *i, unit *next)
{
	static const char *kt[][2] = { { "カ", "nik" }, { "キ", "nik" }, { "ク", "nik" },
	                               { "ケ", "nik" }, { "コ", "nik" }, { "タ", "nit" },
	                               { "チ", "nit" }, { "ツ", "nit" }, { "テ", "nit" },
	                               { "ト", "nit" } };
	unit *u = &r->units[*i];
	size_t k;
	(void)s;
	if (u->t || !next || next->t || !surface_is(&u->tk, "日") || u->tk.cls != MORPH_PROPER
	    || next->tk.cls != MORPH_PROPER || next->tk.surface_len != 3 || !next->tk.reading
	    || next->tk.reading_len < 3)
		return 0;
	for (k = 0; k < sizeof kt / sizeof kt[0]; k++)
		if (memcmp(next->tk.reading, kt[k][0], 3) == 0)
			break;
	if (k < sizeof kt / sizeof kt[0] && r->o.sys != ROMAJI_KUNREI
	    && r->o.sys != ROMAJI_NIHON && r->o.sys != ROMAJI_WAPURO)
		u->fixed = kt[k][1];
	return 1;
}

/* One kanji that IPAdic calls a proper noun of no kind (創 in 地方創生): a piece of a word
 * MeCab cut wrongly, not a name. */
static int step_one_kanji_noun(romanizer *r, const char *s, size_t *i, unit *next)
{
	unit *u = &r->units[*i];
	morph_token *tk = &u->tk;
	(void)s;
	(void)next;
	if (u->t || tk->cls != MORPH_PROPER || tk->surface_len != 3
	    || (tk->flags & (MORPH_F_PERSON | MORPH_F_PLACE | MORPH_F_ORG))
	    || (unsigned char)tk->surface[0] < 0xE4)
		return 0;
	tk->cls = MORPH_NOUN;
	return 1;
}

/* 中 right after a noun is a suffix, never naka or China: jū after a year, a day or a
 * place (一日中 ichinichijū, 今年中, 日本中 Nihonjū), else chū (午前中 gozenchū, 工事中). */
static int step_naka_suffix(romanizer *r, const char *s, size_t *i, unit *next)
{
	unit *u = &r->units[*i];
	morph_token *tk = &u->tk;
	const morph_token *pt;
	int ju;
	(void)s;
	(void)next;
	if (u->t || *i == 0 || u->space_before || !surface_is(tk, "中"))
		return 0;
	pt = &r->units[*i - 1].tk;
	if (!(pt->cls == MORPH_NOUN || pt->cls == MORPH_PROPER || pt->cls == MORPH_COUNTER
	      || pt->cls == MORPH_SUFFIX)
	    || (pt->cls == MORPH_PROPER && pt->surface_len <= 3)) /* 日中 Nichi-Chū */
		return 0;
	ju = ends_with_str(pt->surface, pt->surface_len, "年")
	     || ends_with_str(pt->surface, pt->surface_len, "日")
	     || (pt->cls == MORPH_PROPER && (pt->flags & MORPH_F_PLACE))
	     || ends_with_str(pt->surface, pt->surface_len, "世界");
	tk->reading = ju ? "ジュウ" : "チュウ";
	tk->reading_len = strlen(tk->reading);
	tk->pron = NULL;
	tk->pron_len = 0;
	tk->cls = MORPH_SUFFIX;
	tk->flags &= ~(unsigned)(MORPH_F_PERSON | MORPH_F_PLACE | MORPH_F_ORG);
	return 1;
}

/* A direction before a place: two words before 日本, a country or a foreign place
 * (Higashi Nihon, Minami Sūdan), else one city's name (南|相馬 Minamisōma, 北|九州
 * Kitakyūshū, where the glossary's 九州 cut it). */
static int step_direction_place(romanizer *r, const char *s, size_t *i, unit *next)
{
	unit *u = &r->units[*i];
	morph_token *tk = &u->tk;
	int apart;
	(void)s;
	if (u->t || !next || tk->cls != MORPH_NOUN || !is_direction(tk)
	    || !((next->t && next->t->proper && next->tk.reading)
	         || (!next->t && next->tk.cls == MORPH_PROPER && (next->tk.flags & MORPH_F_PLACE))))
		return 0;
	apart = surface_is(&next->tk, "日本") || contains(next->tk.pos, next->tk.pos_len, "地域,国")
	        || romanize_is_katakana_only(next->tk.surface, next->tk.surface_len);
	tk->cls = MORPH_PROPER;
	tk->flags |= MORPH_F_PLACE;
	if (!apart) {
		next->t = NULL;
		next->glue = 1;
		next->tk.cls = MORPH_PROPER;
		next->tk.flags |= MORPH_F_PLACE;
		(*i)++;
	}
	return 1;
}

/* The words of a name joined by ・ before units[i] are all the name (カマラ・ハリス). */
static void dotted_name_before(romanizer *r, size_t i)
{
	while (i >= 2 && r->units[i - 1].tk.cls == MORPH_SYMBOL
	       && surface_is(&r->units[i - 1].tk, "・") && !r->units[i - 2].t
	       && romanize_is_katakana_only(r->units[i - 2].tk.surface, r->units[i - 2].tk.surface_len)) {
		r->units[i - 2].tk.cls = MORPH_PROPER;
		i -= 2;
	}
}

/* A katakana word: a known surname joined to the katakana noun after it, a known noun
 * before a person suffix, or a word MeCab does not know, judged by loan_is_name. */
static int step_katakana_word(romanizer *r, const char *s, size_t *i, unit *next)
{
	unit *u = &r->units[*i];
	morph_token *tk = &u->tk;
	if (u->t || tk->cls == MORPH_SYMBOL)
		return 1;
	/* only three kinds of token matter here: look at the class first */
	if (!((tk->flags & MORPH_F_UNKNOWN) && !tk->reading)
	    && !(tk->cls == MORPH_PROPER && (tk->flags & MORPH_F_PERSON))
	    && !(tk->cls == MORPH_NOUN && next && next->tk.cls == MORPH_PERSON_SUFFIX))
		return 1;
	if (!romanize_is_katakana_only(tk->surface, tk->surface_len))
		return 1;
	if (tk->cls == MORPH_PROPER && (tk->flags & MORPH_F_PERSON) && next
	    && (next->tk.cls == MORPH_NOUN || next->tk.cls == MORPH_PROPER)
	    && unit_is_katakana(next)) {
		int name = loan_is_name(r, s, *i, *i + 2);
		tk->cls = next->tk.cls = name ? MORPH_PROPER : MORPH_NOUN;
		tk->flags &= ~(unsigned)(MORPH_F_PERSON | MORPH_F_PLACE | MORPH_F_ORG);
		next->tk.flags = tk->flags;
		next->glue = 1;
		(*i)++;
		return 1;
	}
	if (tk->cls == MORPH_NOUN && !(tk->flags & MORPH_F_UNKNOWN) && next && !next->t
	    && next->tk.cls == MORPH_PERSON_SUFFIX) {
		tk->cls = MORPH_PROPER;
		return 1;
	}
	if (!(tk->flags & MORPH_F_UNKNOWN) || tk->reading)
		return 1;
	tk->cls = loan_is_name(r, s, *i, *i + 1) ? MORPH_PROPER : MORPH_NOUN;
	tk->flags &= ~(unsigned)(MORPH_F_PERSON | MORPH_F_PLACE | MORPH_F_ORG);
	if (tk->cls == MORPH_PROPER)
		dotted_name_before(r, *i);
	return 1;
}

/* The steps of romanize_mark_loanwords, in order. */
static name_step_fn *const name_steps[] = {
	step_nichi_country, step_one_kanji_noun, step_naka_suffix, step_direction_place,
	step_katakana_word
};

/* Loanwords. MeCab tags a katakana word it does not know (アプリ, マイナンバーカード,
 * テンストレント) by cost alone, as a common noun in one sentence and an organisation in
 * the next, so its tag says nothing: such a word is a common noun (lower case, as ALA-LC
 * writes loanwords) unless its neighbours show a name (loan_is_name). A known katakana
 * surname directly followed by another katakana noun is the first part of one word
 * (スマート|フォン, アリ|ババ): the two are joined and judged the same way. A known
 * katakana common noun before a person suffix is a name (トランプ氏). Before that, the
 * steps of name_steps for 日, one-kanji names, 中 and directions. */
void romanize_mark_loanwords(romanizer *r, const char *s)
{
	size_t i, k;
	for (i = 0; i < r->n_units; i++) {
		unit *next = i + 1 < r->n_units && !r->units[i + 1].space_before ? &r->units[i + 1] : NULL;
		for (k = 0; k < sizeof name_steps / sizeof name_steps[0]; k++)
			if (name_steps[k](r, s, &i, next))
				break;
	}
}
