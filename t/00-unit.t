#!/usr/bin/perl
#
# 00-unit.t: run every C unit test binary, plain (build/t/test_*) and
# under ASan/UBSan (build-asan/t/test_*), and report one test per binary.
# A missing or empty build directory is a failure, not a skip: "make test"
# builds both, so their absence means the build broke.
#
use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname);
use TAP::Parser;
use Test::More;

my $root = dirname(dirname(abs_path(__FILE__)));

# Run one binary; returns (passed, tests run, diagnostics).
sub run_binary {
	my ($bin) = @_;
	my $parser = TAP::Parser->new({ exec => [$bin], merge => 1 });
	my (@failed, @other);

	while (my $r = $parser->next) {
		if ($r->is_test) {
			push @failed, $r->as_string
			    if !$r->is_ok;
		} elsif ($r->is_comment || $r->is_unknown) {
			# Failure details, sanitizer reports and the like.
			push @other, $r->as_string;
		}
	}
	my @diag;
	push @diag, "failed: $_" for @failed;
	push @diag, sprintf('exit status %d, wait status %d',
	    $parser->exit, $parser->wait)
	    if $parser->exit != 0 || $parser->wait != 0;
	push @diag, sprintf('planned %s, ran %d',
	    $parser->plan || 'nothing', $parser->tests_run)
	    if !$parser->is_good_plan;
	# A binary may skip on purpose ("1..0 # SKIP why"), e.g. the database
	# test outside make test; that is a pass with zero tests.
	return (1, 0, []) if $parser->skip_all && $parser->exit == 0;
	push @diag, 'no tests ran' if $parser->tests_run == 0;
	push @diag, 'parse errors: ' . join('; ', $parser->parse_errors)
	    if $parser->parse_errors;
	# Comments only matter when something went wrong.
	push @diag, @other if @diag;
	return (!@diag, scalar $parser->tests_run, \@diag);
}

for my $dir ('build/t', 'build-asan/t') {
	local $ENV{ASAN_OPTIONS} = 'detect_leaks=1:abort_on_error=0';
	local $ENV{UBSAN_OPTIONS} = 'print_stacktrace=1:halt_on_error=1';
	my @bins = grep { -f $_ && -x _ } glob("$root/$dir/test_*");

	if (!@bins) {
		fail("$dir: test binaries");
		diag("no test binaries in $root/$dir: did the build run?");
		next;
	}
	for my $bin (sort @bins) {
		my $name = "$dir/" . (split m{/}, $bin)[-1];
		my ($pass, $n, $diag) = run_binary($bin);

		ok($pass, $n ? "$name: $n tests" : "$name: skipped")
		    or diag(join("\n", @$diag));
	}
}

done_testing();
