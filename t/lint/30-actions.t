#!/usr/bin/perl
# A screen's POST actions are a declared table (struct action, run by
# screen_action or by screen_main from .actions), not a chain of
# strcmp(action, "...") in its handler: a second comparison of the action
# in one screen, or an "else if" on it, fails here.
use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname);
use Test::More;

my $root = dirname(dirname(dirname(abs_path(__FILE__))));
opendir(my $dh, "$root/cgi-bin") or die "cgi-bin: $!\n";
my @files = map { "cgi-bin/$_" } sort grep { /\.c$/ } readdir $dh;
closedir $dh;
ok(@files > 40, 'the screens are found (' . scalar(@files) . ')');

my $cmp = qr/strn?cmp\s*\(\s*action\s*,\s*"/;
my (@chains, $tables);
for my $f (@files) {
	open(my $fh, '<', "$root/$f") or die "$f: $!\n";
	local $/;
	my $src = <$fh>;
	close $fh;
	my $n = () = $src =~ /$cmp/g;
	push @chains, "$f ($n)" if $n > 1 || $src =~ /else\s+if\s*\(\s*$cmp/;
	$tables++ if $src =~ /struct action\s+\w+\[\]/;
}
is(scalar(@chains), 0, 'no screen dispatches its actions by a strcmp chain')
    or diag("chains in: @chains");
cmp_ok($tables // 0, '>=', 10, "the screens with actions declare them ($tables tables)");

my $sample = "if (strcmp(action, \"add\") == 0)\n\t\tx();\n\telse if (strcmp(action, \"delete\") == 0)";
ok($sample =~ /else\s+if\s*\(\s*$cmp/, 'the check finds a chain');

done_testing();
