# SPDX-License-Identifier: GPL-3.0-or-later
# src/mkromanize.awk: checks dict/romanize.tsv (the romanizer's word lists) and compiles
# it into C tables (src/romanize-data.c, declared in src/romanize-data.h), at `make`
# time, so that start-up pays nothing. A bad row stops the build with FILE:LINE:
# message on standard error and exit status 1.
# POSIX awk (run it with LC_ALL=C: lengths are in bytes), because the job is reading
# lines and printing C, and the build needs nothing compiled first:
#   LC_ALL=C awk -f src/mkromanize.awk dict/romanize.tsv >src/romanize-data.c
# Each section's columns are checked against its header line; fields are checked for
# emptiness, yes/no, known kinds and roles, readings in katakana (no Latin letters),
# duplicates, references to [numeral]; every section must be present and not empty.

function fail(msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg >"/dev/stderr"
	failed = 1
	exit 1
}

# The C string literal of s (the file is UTF-8; only " and \ need escaping).
function cstr(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	return "\"" s "\""
}

function need(i, what) {
	if ($i == "")
		fail("empty " what " (column " i ")")
}

function yesno(i, what) {
	if ($i == "yes")
		return 1
	if ($i == "no")
		return 0
	fail(what " must be yes or no, not '" $i "'")
}

# A reading: katakana words separated by single spaces (no Latin letters, digits or
# other ASCII, no leading, trailing or double space).
function reading(i, what) {
	need(i, what)
	if ($i ~ /[\001-\037!-~]/ || $i ~ /^ | $|  /)
		fail(what " '" $i "' is not katakana words separated by single spaces")
}

function dup(key, what) {
	if ((section, key) in seen)
		fail("duplicate " what " '" key "' in [" section "]")
	seen[section, key] = 1
}

BEGIN {
	FS = "\t"
	columns["counter"] = "surface\treading\tafter_tsu\tafter_n\tafter_4\ttsu_after_6"
	columns["head"] = "surface\treading\trole"
	columns["particle"] = "kana\tromaji\ttyped\tcite"
	columns["conj-joined"] = "surface"
	columns["punct"] = "in\tout\tkind"
	columns["day"] = "day\treading\tromaji\tafter_digits"
	columns["direction"] = "surface\treading"
	columns["length-word"] = "surface"
	columns["exception"] = "surface\treading\tinstead_of"
	columns["numeral"] = "kanji\tvalue\treading"
	columns["numeral-pair"] = "first\tsecond\tfirst_reading\tsecond_reading"
	columns["numeral-before"] = "numeral\tcounter\treading"
	columns["number-word"] = "value\tcounter\treading\tafter"
	nsections = split("counter numeral numeral-pair numeral-before number-word head particle conj-joined punct day direction length-word exception", order, " ")
	split("0 1 2 3 4 5 6 7 8 9 10 100 1000 10000 100000000 1000000000000 ?", vals, " ")
	for (k in vals)
		numeral_values[vals[k]] = 1
	kinds["pause"] = "ROMANIZE_PUNCT_PAUSE"
	kinds["stop"] = "ROMANIZE_PUNCT_STOP"
	kinds["open"] = "ROMANIZE_PUNCT_OPEN"
	kinds["close"] = "ROMANIZE_PUNCT_CLOSE"
	kinds["dash"] = "ROMANIZE_PUNCT_DASH"
	kinds["separator"] = "ROMANIZE_PUNCT_SEPARATOR"
	roles["split"] = roles["newspaper"] = roles["org"] = roles["name"] = roles["title"] = 1
}

/^#/ || /^$/ { next }

/\r$/ { fail("a carriage return at the end of the line (the file must use LF)") }

/^\[[a-z-]+\]$/ {
	section = substr($0, 2, length($0) - 2)
	if (!(section in columns))
		fail("unknown section [" section "]")
	if (section in started)
		fail("section [" section "] appears twice")
	started[section] = 1
	header = 1
	next
}

{
	if (section == "")
		fail("a row before the first [section]")
	if (header) {
		if ($0 != columns[section]) {
			want = columns[section]
			gsub(/\t/, ", ", want)
			fail("the columns of [" section "] must be: " want)
		}
		header = 0
		next
	}
	if (NF != split(columns[section], cols, "\t"))
		fail("[" section "] has " length(cols) " columns separated by tabs, this row has " NF)
	rows[section]++
	n = rows[section]
}

section == "counter" {
	need(1, "surface")
	dup($1, "counter")
	reading(2, "reading")
	reading(3, "after_tsu")
	reading(4, "after_n")
	reading(5, "after_4")
	six = yesno(6, "tsu_after_6")
	counter[n] = "\t{ " cstr($1) ", " cstr($2) ", " cstr($3) ", " cstr($4) ", " cstr($5) ", " six " },"
	next
}

# One character of UTF-8 (not ASCII).
function one_char(i, what) {
	need(i, what)
	if ($i !~ /^([\300-\337][\200-\277]|[\340-\357][\200-\277][\200-\277]|[\360-\367][\200-\277][\200-\277][\200-\277])$/)
		fail(what " '" $i "' is not one character")
}

# The index of the [numeral] row of column i, which must be one.
function numeral_ref(i, what) {
	need(i, what)
	if (!rows["numeral"])
		fail("[" section "] must come after [numeral]")
	if (!($i in numeral_index))
		fail(what " '" $i "' is not a kanji of [numeral]")
	return numeral_index[$i]
}

section == "numeral" {
	one_char(1, "kanji")
	dup($1, "numeral")
	need(2, "value")
	if (!($2 in numeral_values))
		fail("value must be a digit 0-9, 10, 100, 1000, 10000, 100000000, 1000000000000 or ? (a number not said), not '" $2 "'")
	reading(3, "reading")
	numeral_index[$1] = n - 1
	numeral_digit[$1] = $2 ~ /^[0-9]$/
	numeral[n] = "\t{ " cstr($1) ", " ($2 == "?" ? "-1" : $2 "LL") ", " cstr($3) " },"
	next
}

section == "numeral-pair" {
	a = numeral_ref(1, "first")
	b = numeral_ref(2, "second")
	dup($1 "\t" $2, "pair")
	if ($1 in pair_second)
		fail("'" $1 "' is second in a pair before (line " pair_second[$1] "): a kanji is first in pairs or second, not both")
	if ($2 in pair_first)
		fail("'" $2 "' is first in a pair before (line " pair_first[$2] "): a kanji is first in pairs or second, not both")
	pair_first[$1] = FNR
	pair_second[$2] = FNR
	reading(3, "first_reading")
	reading(4, "second_reading")
	pair[n] = "\t{ &romanize_numerals[" a "], &romanize_numerals[" b "], " cstr($3) ", " cstr($4) " },"
	next
}

section == "numeral-before" {
	a = numeral_ref(1, "numeral")
	if (!numeral_digit[$1])
		fail("'" $1 "' is not a digit (0-9) of [numeral]")
	need(2, "counter")
	dup($1 "\t" $2, "numeral and counter")
	reading(3, "reading")
	before[n] = "\t{ &romanize_numerals[" a "], " cstr($2) ", " cstr($3) " },"
	next
}

section == "number-word" {
	if ($1 !~ /^[1-9][0-9]?$/)
		fail("value must be a number from 1 to 99, not '" $1 "'")
	need(2, "counter")
	reading(3, "reading")
	if ($4 != "kanji" && $4 != "digits")
		fail("after must be kanji or digits, not '" $4 "'")
	if ($4 == "digits" && $2 == "つ" && $1 > 9)
		fail("つ after digits is read natively for one digit only")
	dup($1 "\t" $2 "\t" $4, "value, counter and after")
	word[n] = "\t{ " $1 ", " cstr($2) ", " cstr($3) ", " ($4 == "digits") " },"
	next
}

section == "head" {
	need(1, "surface")
	need(3, "role")
	dup($1 "\t" $2, "surface and reading")
	nr = split($3, rl, ",")
	is_split = 0
	for (k = 1; k <= nr; k++) {
		if (!(rl[k] in roles))
			fail("unknown role '" rl[k] "' (split, newspaper, org, name, title)")
		if ((($1, rl[k]) in has_role) && rl[k] != "split" && rl[k] != "newspaper")
			fail("'" $1 "' has the role " rl[k] " twice")
		has_role[$1, rl[k]] = 1
		if (rl[k] == "split" || rl[k] == "newspaper") {
			if (is_split)
				fail("split and newspaper together")
			is_split = 1
			reading(2, "reading (needed by " rl[k] ")")
			splits[++nsplit] = "\t{ " cstr($1) ", " cstr($2) ", " (rl[k] == "newspaper") " },"
		} else if (rl[k] == "org")
			orgs[++norg] = $1
		else if (rl[k] == "name")
			names[++nname] = $1
		else
			titles[++ntitle] = $1
	}
	if ($2 != "")
		reading(2, "reading")
	next
}

section == "particle" {
	need(1, "kana")
	if ($1 !~ /^(\343\201[\201-\277]|\343\202[\200-\226])+$/)
		fail("a particle's kana is hiragana, not '" $1 "'")
	dup($1, "particle")
	for (k = 2; k <= 3; k++)
		if ($k != "") {
			if ($k !~ /^[a-z]+$/)
				fail("a particle in romaji is lower-case ASCII letters, not '" $k "'")
			dup("romaji " $k, "romaji")
		}
	if ($3 != "" && $2 == "")
		fail("typed without a romaji")
	flags = 0
	nr = split($4, rl, ",")
	for (k = 1; k <= nr; k++) {
		if (rl[k] == "word" && flags % 2 == 0)
			flags += 1
		else if (rl[k] == "apart" && flags < 2)
			flags += 2
		else
			fail("cite must be word, apart or both (once each), not '" $4 "'")
	}
	if ($2 == "" && flags < 2)
		fail("a particle without a romaji is used only when cite divides it off (apart)")
	particles[n] = "\t{ " cstr($1) ", " (($2 == "") ? "NULL" : cstr($2)) ", " (($3 == "") ? "NULL" : cstr($3)) ", " flags " },"
	next
}

section == "conj-joined" || section == "length-word" {
	need(1, "surface")
	dup($1, "surface")
	if (section == "conj-joined")
		conj[n] = $1
	else
		lengths[n] = $1
	next
}

section == "punct" {
	need(1, "in")
	dup($1, "punctuation")
	if (!($3 in kinds))
		fail("unknown kind '" $3 "' (pause, stop, open, close, dash, separator)")
	punct[n] = "\t{ " cstr($1) ", " cstr($2) ", " kinds[$3] " },"
	next
}

section == "day" {
	if ($1 !~ /^[1-9][0-9]?$/ || $1 + 0 > 31)
		fail("day must be a day of the month (1-31), not '" $1 "'")
	dup($1, "day")
	reading(2, "reading")
	need(3, "romaji")
	if ($3 ~ /[ -]/)
		fail("the romaji of a day is one word")
	day[n] = "\t{ " $1 ", " cstr($2) ", " cstr($3) ", " yesno(4, "after_digits") " },"
	next
}

section == "direction" {
	need(1, "surface")
	dup($1, "direction")
	reading(2, "reading")
	direction[n] = "\t{ " cstr($1) ", " cstr($2) " },"
	next
}

section == "exception" {
	need(1, "surface")
	reading(2, "reading")
	if ($1 ~ /^ | $|  /)
		fail("surface words are separated by single spaces")
	if (split($1, sw, " ") != split($2, rw, " "))
		fail("surface and reading must have as many words")
	if ($3 != "") {
		reading(3, "instead_of")
		if ($1 ~ / /)
			fail("instead_of is for an exception of one word")
	}
	key = $1
	gsub(/ /, "", key)
	dup(key, "exception")
	exception[n] = "\t{ " cstr(key) ", " cstr($1) ", " cstr($2) ", " cstr($3) " },"
	next
}

function list(name, comment, arr, count,    k) {
	printf "\n/* %s */\nconst char *const %s[] = {\n", comment, name
	for (k = 1; k <= count; k++)
		printf "\t%s,\n", cstr(arr[k])
	printf "\tNULL\n};\n"
}

function table(type, name, arr, count, end,    k) {
	printf "\nconst struct %s %s[] = {\n", type, name
	for (k = 1; k <= count; k++)
		print arr[k]
	printf "\t%s\n};\n", end
}

END {
	if (failed)
		exit 1
	if (header)
		fail("section [" section "] has no rows")
	for (k = 1; k <= nsections; k++)
		if (!rows[order[k]]) {
			FNR = 0
			fail("section [" order[k] "] is missing or empty")
		}
	print "/* romanize-data.c: GENERATED by src/mkromanize.awk from dict/romanize.tsv; do not"
	print " * edit (edit the TSV). The tables are declared in romanize-data.h. */"
	print "#include \"config.h\""
	print ""
	print "#include \"romanize-data.h\""
	print ""
	print "#include <stddef.h>"
	table("romanize_counter", "romanize_counters", counter, rows["counter"], "{ NULL, NULL, NULL, NULL, NULL, 0 }")
	table("romanize_numeral", "romanize_numerals", numeral, rows["numeral"], "{ NULL, 0, NULL }")
	table("romanize_numeral_pair", "romanize_numeral_pairs", pair, rows["numeral-pair"], "{ NULL, NULL, NULL, NULL }")
	table("romanize_numeral_before", "romanize_numerals_before", before, rows["numeral-before"], "{ NULL, NULL, NULL }")
	table("romanize_number_word", "romanize_number_words", word, rows["number-word"], "{ 0, NULL, NULL, 0 }")
	table("romanize_head", "romanize_split_heads", splits, nsplit, "{ NULL, NULL, 0 }")
	list("romanize_org_heads", "role org", orgs, norg)
	list("romanize_name_heads", "role name", names, nname)
	list("romanize_person_titles", "role title", titles, ntitle)
	table("romanize_particle", "romanize_particles", particles, rows["particle"], "{ NULL, NULL, NULL, 0 }")
	list("romanize_conj_joined", "[conj-joined]", conj, rows["conj-joined"])
	table("romanize_punct", "romanize_puncts", punct, rows["punct"], "{ NULL, NULL, 0 }")
	table("romanize_day", "romanize_days", day, rows["day"], "{ 0, NULL, NULL, 0 }")
	table("romanize_direction", "romanize_directions", direction, rows["direction"], "{ NULL, NULL }")
	list("romanize_length_words", "[length-word]", lengths, rows["length-word"])
	table("romanize_exception", "romanize_exceptions", exception, rows["exception"], "{ NULL, NULL, NULL, NULL }")
}
