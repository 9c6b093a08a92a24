#!/usr/bin/perl
# C never reads its own numbers back out of the page tree: lib/ returns
# typed values (struct school_rules, struct lesson_head, struct mark_head,
# struct diary_student, ...) and the HDF is only for the template.  A
# number parsed from req_get()/hdf_get_value() (atoi, atoll, atof,
# strtol, strtoll, strtod) fails here, also when the call is split over
# lines or the value passes through a variable named like the page's key.
use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname);
use Test::More;

my $root = dirname(dirname(dirname(abs_path(__FILE__))));
my @files;
for my $dir (qw(lib cgi-bin tools)) {
	opendir(my $dh, "$root/$dir") or die "$dir: $!\n";
	push @files, map { "$dir/$_" } sort grep { /\.c$/ } readdir $dh;
	closedir $dh;
}
ok(@files > 50, 'the C sources are found (' . scalar(@files) . ' files)');

my $conv = qr/\b(?:atoi|atol|atoll|atof|strtol|strtoll|strtoul|strtoull|strtod)\s*\(\s*/;
my $page = qr/(?:req_get|hdf_get_value)\s*\(/;
my @hits;
for my $f (@files) {
	open(my $fh, '<', "$root/$f") or die "$f: $!\n";
	local $/;
	my $src = <$fh>;
	close $fh;
	# Whitespace (newlines too) may sit between the conversion and the
	# page read: the pattern spans lines.
	while ($src =~ /$conv$page/g) {
		my $line = 1 + (substr($src, 0, pos($src)) =~ tr/\n//);
		push @hits, "$f:$line";
	}
}
is(scalar(@hits), 0, 'no number is read back out of the page')
    or diag("read back at: @hits");

# The check itself finds what it must (so that it cannot pass by
# matching nothing).
my $sample = "x = atoll(req_get(r,\n\t\"Journal.year_id\", \"0\"));";
ok($sample =~ /$conv$page/, 'the pattern finds a read-back split over lines');

done_testing();
