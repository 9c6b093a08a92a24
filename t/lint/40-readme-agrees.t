#!/usr/bin/perl
# The README says what the scripts do (issue 21, item 11): its apt-get line
# for the build dependencies is scripts/packages.txt's `build` list, in
# order; and every place that lists the application account's grants
# (README, the sample config, migrate.sh; not the owner's, with DDL) gives
# the ones scripts/stack.sh grants.
use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname);
use Test::More;

my $root = dirname(dirname(dirname(abs_path(__FILE__))));

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:encoding(UTF-8)', "$root/$f") or die "$f: $!\n";
	local $/;
	return <$fh>;
}

# --- the build dependencies -------------------------------------------------
my @build;
for (split /\n/, slurp('scripts/packages.txt')) {
	next if /^\s*(#|$)/;
	my ($tag, $pkg) = split ' ';
	push @build, $pkg if $tag eq 'build';
}
ok(@build >= 5, 'scripts/packages.txt has build packages (' . scalar(@build) . ')');
my $readme = slurp('README');
my @lines = grep { /^\s*apt-get install\b/ && /\blibfcgi-dev\b/ } split /\n/, $readme;
is(scalar @lines, 1, 'README has one apt-get line for the build dependencies');
my @words = grep { !/^-/ } split ' ', ($lines[0] // '') =~ s/^\s*apt-get install//r;
is("@words", "@build", "README's apt-get line is packages.txt's build list");

# --- the application account's grants ------------------------------------------
my ($grant) = slurp('scripts/stack.sh') =~ /^GRANT (.+?) ON journal\.\*/m;
ok($grant, "scripts/stack.sh grants: $grant");
my $n = 0;
for my $f ('README', 'conf/journal.hdf', 'scripts/migrate.sh') {
	my $t = slurp($f);
	# A list that starts with SELECT, INSERT and goes on over comment
	# line breaks; compare the privileges only.
	while ($t =~ /\b(SELECT,\s+(?:#\s*)?INSERT(?:,\s+(?:#\s*)?(?:and\s+)?[A-Z]{4,})*)/g) {
		my $list = $1 =~ s/#//gr =~ s/\band\b//gr =~ s/\s+/ /gr =~ s/ ,/,/gr;
		$list =~ s/^\s+|\s+$//g;
		# The owner's grants (DDL, for the migrations) are another list.
		next if $list =~ /\b(?:CREATE|DROP|ALTER)\b/;
		is($list, $grant, "$f lists the same grants as stack.sh");
		$n++;
	}
}
ok($n >= 2, "the grants are listed in README and the samples ($n places)");

done_testing();
