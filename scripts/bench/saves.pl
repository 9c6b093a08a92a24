#!/usr/bin/perl
# A teacher typing into the journal grid at machine speed, as
# htdocs/journal.js posts it: one session, a lesson of today, a mark for
# every student of the group saved by a POST /journal each (ajax=1), then
# the same cells back to empty.  Run right after a stack starts: it shows
# whether any request waited for a FastCGI process (mod_fcgid's one-second
# sleep).
#
#   JOURNAL_URL=http://127.0.0.1:8121 JOURNAL_VAR=$PWD/var/me \
#       perl scripts/bench/saves.pl [--conns N] [--rounds R]
#
# --conns 1 (the default): the saves one after another, each waiting for
# the previous answer (a client with no think time); --conns N: N
# keep-alive connections of the same session firing at once (a browser
# sends a save per Enter without waiting, on up to 6 connections).  Every
# request (login and pages too) is timed; the report gives the saves'
# p50/p99/max, how many took 500 ms or more, and the same for all
# requests.  The lesson it creates is removed at the end.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../../t/lib";
use Getopt::Long;
use HTTP::Tiny;
use IO::Handle;
use JTest;
use Socket qw(IPPROTO_TCP TCP_NODELAY);
use Time::HiRes qw(time);

# HTTP::Tiny writes a POST's head and body separately: without TCP_NODELAY
# Nagle's algorithm and the server's delayed ACK add 40 ms to each POST,
# which a browser does not have.
{
	no warnings 'redefine';
	my $connect = \&HTTP::Tiny::Handle::connect;
	*HTTP::Tiny::Handle::connect = sub {
		my $h = $connect->(@_);
		setsockopt($h->{fh}, IPPROTO_TCP, TCP_NODELAY, 1);
		return $h;
	};
}

my $conns = 1;
my $rounds = 1;
GetOptions('conns=i' => \$conns, 'rounds=i' => \$rounds) or die "usage\n";
binmode STDOUT, ':encoding(UTF-8)';
die "JOURNAL_URL and JOURNAL_VAR, please\n" unless base_url() && var_dir();

my @times;		# [ what, ms, status ]
sub timed {
	my ($what, $code) = @_;
	my $t0 = time;
	my $r = $code->();
	push @times, [ $what, (time - $t0) * 1000, $r->status ];
	return $r;
}
sub keepalive {
	my ($c) = @_;
	$c->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 30,
	    agent => 'journal-saves/1', keep_alive => 1);
	return $c;
}

# A whole-class group of grades 5-9 whose teacher has a demo account, with
# the most students.
my %acc = map { $_->{login} => $_ } accounts();
my ($J) = grep { $_->{acct} } map { {
	group => $_->[0], subject => $_->[1], n => $_->[3],
	acct => $acc{ $_->[2] // '' } } } sql(
    "SELECT a.group_id, a.subject_id, ac.login, (SELECT COUNT(*) FROM class_student cs"
    . "  WHERE cs.class_id = c.id AND cs.left_on IS NULL) n"
    . " FROM assignment a JOIN `groups` g ON g.id = a.group_id AND g.kind = 'class'"
    . " JOIN class c ON c.id = g.class_id JOIN current_year cy ON cy.year_id = c.year_id"
    . " JOIN subject_scale ss ON ss.subject_id = a.subject_id AND ss.grade = c.grade"
    . " JOIN scale s ON s.id = ss.scale_id AND s.kind = 'five'"
    . " JOIN account ac ON ac.person_id = a.teacher_id AND ac.is_active = 1"
    . " WHERE c.grade BETWEEN 5 AND 9 ORDER BY n DESC, a.id");
die "no journal with a demo teacher\n" unless $J;
clear_attempts();
my $lmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM lesson');
END {
	if (defined $lmax) {
		sql("DELETE m FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
		    . " WHERE lw.lesson_id > $lmax");
		sql("DELETE FROM absence WHERE lesson_id > $lmax");
		sql("DELETE FROM lesson_work WHERE lesson_id > $lmax");
		sql("DELETE FROM lesson WHERE id > $lmax");
	}
}

my $c = keepalive(client());
my $form = timed('GET /login', sub { $c->get('/login') });
my $r = timed('POST /login', sub { $c->post_form('/login', [ login => $J->{acct}{login},
    password => $J->{acct}{password}, csrf => csrf_of($form->text) // '' ]) });
die 'login: ' . res_diag($r) . "\n" unless $r->status == 303;
my $csrf = csrf_of(timed('GET /home', sub { $c->get('/home') })->text);
my $jpath = "/journal?group=$J->{group}&subject=$J->{subject}";
timed('GET /journal', sub { $c->get($jpath) });
my $today = sql_value('SELECT CURDATE()');
my $answer = sql_value("SELECT id FROM work_kind WHERE school_id = 1 AND name = 'Ответ на уроке'");
$r = timed('POST /lesson', sub { $c->post_form('/lesson', [ csrf => $csrf,
    group => $J->{group}, subject => $J->{subject}, on_date => $today,
    topic => 'Повторение: машинная скорость', work => $answer ]) });
die 'lesson: ' . res_diag($r) . "\n" unless $r->status == 303;
my $page = timed('GET /journal', sub { $c->get($jpath) })->content;
my ($W) = sql("SELECT lw.id FROM lesson_work lw WHERE lw.lesson_id > $lmax");
my @S = $page =~ /<tr data-s="(\d+)"/g;
die "no lesson column or students\n" unless $W && @S;

# The saves: each round a mark for every student, then the cells back to
# empty (old = what the cell showed), like a teacher fixing a column.
my @plan;
for my $round (1 .. $rounds) {
	push @plan, map { [ $_, (5, 4, 3)[$_ % 3], '' ] } @S;
	push @plan, map { [ $_, '', (5, 4, 3)[$_ % 3] ] } @S;
}
sub save {
	my ($cl, $p) = @_;
	my ($s, $v, $old) = @$p;
	my $r = timed('POST /journal', sub { $cl->post_form('/journal', [ csrf => $csrf,
	    ajax => 1, group => $J->{group}, subject => $J->{subject}, work => $W->[0],
	    student => $s, value => $v, old => $old ]) });
	my ($state) = $r->text =~ /data-state="([^"]*)"/;
	$times[-1][2] .= '/' . ($state // '-');
}
my $t0 = time;
if ($conns <= 1) {
	save($c, $_) for @plan;
} else {
	# N connections of the same session; connection k saves the cells of
	# students k, k+N, ... (so a cell's set and clear stay in order).
	my @kids;
	pipe(my $rd, my $wr) or die "pipe: $!";
	for my $k (0 .. $conns - 1) {
		my $pid = fork // die "fork: $!";
		if (!$pid) {
			close $rd;
			my $cl = keepalive(client());
			$cl->set_cookie($_ => $c->cookie($_), '/') for grep { defined $c->cookie($_) } qw(sid);
			@times = ();
			my %mine = map { $S[$_] => 1 } grep { $_ % $conns == $k } 0 .. $#S;
			save($cl, $_) for grep { $mine{ $_->[0] } } @plan;
			$wr->autoflush(1);
			print $wr join("\t", @$_), "\n" for @times;
			close $wr;
			$lmax = undef;	# the parent cleans up
			exit 0;
		}
		push @kids, $pid;
	}
	close $wr;
	while (my $line = <$rd>) {
		chomp $line;
		push @times, [ split /\t/, $line ];
	}
	waitpid $_, 0 for @kids;
}
my $wall = time - $t0;

sub pct {
	my ($p, @v) = @_;
	@v = sort { $a <=> $b } @v;
	return 0 unless @v;
	my $i = int($p / 100 * @v + 0.999999) - 1;
	$i = 0 if $i < 0;
	return $v[$i];
}
sub summary {
	my ($name, @rows) = @_;
	my @ms = map { $_->[1] } @rows;
	my $slow = grep { $_ >= 500 } @ms;
	printf "%-28s n=%3d  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  >= 500 ms: %d\n",
	    $name, scalar @ms, pct(50, @ms), pct(99, @ms), pct(100, @ms), $slow;
}
my @saves = grep { $_->[0] eq 'POST /journal' } @times;
my @bad = grep { $_->[2] !~ m{^200/saved$} } @saves;
printf "journal group %d subject %d, teacher %s, %d students, %d saves on %d connection(s) in %.2f s\n",
    $J->{group}, $J->{subject}, $J->{acct}{login}, scalar @S, scalar @saves, $conns, $wall;
summary('saves (POST /journal)', @saves);
summary('all requests', @times);
printf "slow: %s\n", join(', ', map { sprintf '%s %.0f ms', $_->[0], $_->[1] }
    grep { $_->[1] >= 500 } @times) || 'none';
printf "NOT SAVED: %d (%s)\n", scalar @bad, join(' ', map { $_->[2] } @bad[0 .. ($#bad < 4 ? $#bad : 4)]) if @bad;
