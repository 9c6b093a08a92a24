#!/usr/bin/perl
# Issue 12: under Apache + mod_fcgid no request of a single user waits for a
# FastCGI process.  mod_fcgid starts processes on demand and makes a request
# that finds all of a screen's processes busy sleep a whole second first, so
# scripts/stack.sh fills the pools when Apache starts (a process per screen,
# WARM_JOURNAL of /journal, which the grid calls several times at once).
#
# A teacher's browser burst right after the start: 6 connections of one
# session (a browser's limit per host) opening the journal at once, 3
# times each.  Asserted on mod_fcgid's own log lines in this test's window,
# not on wall times (a loaded CI box makes those noisy): no /journal process
# was started for the burst (every request found an idle one; a start means
# a request found none, and slept a second if another was busy), and no
# spawn was refused ("skip the spawn request").  Other servers have no
# pools to fill (fcgiwrap: a process per request; spawn-fcgi: fixed pools).
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
# t/apache/ is proved only against Apache + mod_fcgid (scripts/test.sh's
# first pass): on another server this is a mistake, not a case to skip.
is($ENV{JOURNAL_SERVER} // 'apache', 'apache', 'the stack runs Apache + mod_fcgid')
    or BAIL_OUT('t/apache/ needs JOURNAL_SERVER=apache');
my $elog = var_dir() . '/log/apache-error.log';
ok(-f $elog, "Apache's error log $elog exists") or BAIL_OUT("no $elog");
clear_attempts();

my %acc = map { $_->{login} => $_ } accounts();
my ($J) = grep { $_->{acct} } map { { group => $_->[0], subject => $_->[1],
	acct => $acc{ $_->[2] // '' } } } sql(
    "SELECT a.group_id, a.subject_id, ac.login FROM assignment a"
    . " JOIN `groups` g ON g.id = a.group_id JOIN class c ON c.id = g.class_id"
    . " JOIN current_year cy ON cy.year_id = c.year_id"
    . " JOIN account ac ON ac.person_id = a.teacher_id AND ac.is_active = 1"
    . " ORDER BY a.id");
ok($J, 'a journal whose teacher has a demo account') or BAIL_OUT('no journal');
my $c = login_ok($J->{acct}{login}, $J->{acct}{password});
my $path = "/journal?group=$J->{group}&subject=$J->{subject}";
status_is($c->get($path), 200, 'the teacher opens the journal');

my $mark = -s $elog;
my $conns = 6;
my $each = 3;
pipe(my $rd, my $wr) or die "pipe: $!";
my @kids;
for my $k (1 .. $conns) {
	my $pid = fork // die "fork: $!";
	if (!$pid) {
		close $rd;
		my $cl = client();
		$cl->set_cookie(sid => $c->cookie('sid'), '/');
		my @st = map { $cl->get($path)->status } 1 .. $each;
		syswrite $wr, join(' ', @st) . "\n";
		require POSIX;
		POSIX::_exit(0);	# no END blocks of the parent in the children
	}
	push @kids, $pid;
}
close $wr;
my @status = map { split ' ' } <$rd>;
waitpid $_, 0 for @kids;
is(scalar(grep { $_ == 200 } @status), $conns * $each,
    "$conns connections × $each journal pages of one session: all 200");

open(my $fh, '<', $elog) or die "$elog: $!";
seek $fh, $mark, 0;
my @lines = <$fh>;
close $fh;
my @started = grep { m{/journal\(\d+\) started} } @lines;
my @refused = grep { /skip the spawn request/ } @lines;
is(scalar @started, 0, 'no /journal process started for the burst: the pool was filled at start')
    or diag(@started);
is(scalar @refused, 0, 'no spawn refused') or diag(@refused);

done_testing();
