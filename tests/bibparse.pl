#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/bibparse.pl FILE: how btparse (through Text::BibTeX, the reader biber uses) reads a
# BibTeX file, one line per field: KEY, FIELD, the value's brace skeleton (its braces
# only), the parts of each name (first/von/last/jr token counts) and the value. Used by
# tests/cli-cite-formats.sh to check that `yakugo cite` changes words, never structure.
use strict;
use warnings;
use Text::BibTeX;

binmode STDOUT, ':raw';
my $file = Text::BibTeX::File->new($ARGV[0]) or die "$ARGV[0]: $!\n";
while (my $e = Text::BibTeX::Entry->new($file)) {
	next unless $e->parse_ok && $e->metatype == BTE_REGULAR;
	my $key = $e->key // '';
	print join("\t", $key, '@type', '', '', $e->type), "\n";
	for my $f ($e->fieldlist) {
		my $v = $e->get($f) // '';
		(my $skel = $v) =~ s/[^{}]//g;
		my $parts = '';
		if ($f eq 'author' || $f eq 'editor') {
			$parts = join(';', map {
				my $n = $_;
				join(",", map { my @t = $n->part($_); scalar(grep { defined } @t) } qw(first von last jr))
			} $e->names($f));
		}
		print join("\t", $key, $f, $skel, $parts, $v), "\n";
	}
}
