#!/usr/bin/perl
# MariaDB goes away under a running site: a page that needs it answers 503
# with a Russian page, and once MariaDB is back the same session works again
# without restarting the web server or the FastCGI workers.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Time::HiRes qw(sleep time);
use JTest;

need_stack();
my $stack = root_dir() . '/scripts/stack.sh';
plan skip_all => "no $stack" unless -f $stack;

sub stack {
	my ($cmd) = @_;
	local $ENV{VAR} = var_dir();
	my $out = `sh '$stack' $cmd 2>&1`;
	my $rc = $? >> 8;
	diag("stack.sh $cmd exited $rc: $out") if $rc;
	return $rc == 0;
}

my $stopped = 0;
END {
	# Whatever happened above, leave MariaDB running for the tests after us.
	if ($stopped) {
		my $rc = $?;
		stack('db-start') or warn "could not restart MariaDB\n";
		$? = $rc;
	}
}

clear_attempts();
my $admin = (accounts())[0];
my $s = login_ok($admin->{login}, $admin->{password});
status_is($s->get('/home'), 200, '/home before MariaDB stops');
status_is($s->get('/home'), 200, '/home again (warm workers with a connection)');

$stopped = 1;
ok(stack('db-stop'), 'stack.sh db-stop');
{
	open(my $save, '>&', \*STDERR);
	open(STDERR, '>', '/dev/null');
	my $up = eval { sql('SELECT 1'); 1 };
	open(STDERR, '>&', $save);
	ok(!$up, 'MariaDB is really down');
}

my $r = $s->get('/home');
status_is($r, 503, '/home with MariaDB down → 503');
russian_html_ok($r, '503 page', qr/недоступ/i);
security_headers_ok($r, '503 page');
unlike($r->text, qr/mysql|mariadb|sql|errno|\.c:\d+/i, '... with no technical details');
$r = $s->get('/home');
status_is($r, 503, 'and again → 503 (no crash, no hang)');

ok(stack('db-start'), 'stack.sh db-start');
$stopped = 0;

# The first request after the restart may be the one that reconnects.
my $t0 = time;
my $got;
my $tries = 0;
while (time - $t0 < 8) {
	$r = $s->get('/home');
	$tries++;
	last if ($got = $r->status) == 200;
	sleep 0.5;
}
is($got, 200, sprintf('/home with the same session → 200 again (%d tries, %.1f s)',
    $tries, time - $t0)) or diag res_diag($r);
like($r->text, qr/\Q$admin->{full_name}\E/, '... showing the user');

# Every worker must have reconnected, not only the one that answered first.
my @st = map { $s->get('/home')->status } 1 .. 6;
is_deeply(\@st, [(200) x 6], 'six more requests → 200 each') or diag "@st";
my $c = login($admin->{login}, $admin->{password});
ok($c->{logged_in}, 'logging in works after the restart') or diag res_diag($c->{login_res});
clear_attempts();

done_testing();
