#!/usr/bin/perl
# Login: the form and its double-submit CSRF token, success and failure,
# cookie flags, a new session id at every login, throttling (per typed login,
# per IP, the 15-minute window), login_attempt rows, and what the log may and
# may not contain.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();

my $BAD  = 'Неверный логин или пароль';
my $MANY = 'Слишком много неудачных попыток входа';

# Every attempt comes from 127.0.0.1, so the per-IP counter is shared by all
# test files: start clean and leave clean, even when a check dies.
END { eval { clear_attempts() } if var_dir() && base_url(); }
clear_attempts();

my @acc = accounts();
my $admin = $acc[0];
ok($admin && $admin->{role} eq 'admin', 'the first account of the TSV is an admin')
    or diag explain $admin;
# Two more accounts for throttling, so that the admin is never locked out.
my ($t1, $t2) = grep { $_->{login} ne $admin->{login} } @acc;
ok($t1 && $t2, 'the TSV has at least three accounts') or BAIL_OUT('too few accounts');

my @secrets;		# must never appear in the log
my $log0 = log_size();
my $wrong = "Wr0ng-pass-$$-" . int(rand 1e6);
push @secrets, $admin->{password}, $wrong;

# ------------------------------------------------------------------ the form
{
	my $c = client();
	my $r = $c->get('/login');
	status_is($r, 200, 'GET /login');
	my $t = $r->text;
	like($t, qr{<form\b[^>]*\bmethod="post"[^>]*\baction="/login"|<form\b[^>]*\baction="/login"[^>]*\bmethod="post"}i,
	    'the form posts to /login');
	like($t, qr{<input\b[^>]*\bname="login"}i, 'a login field');
	like($t, qr{<input\b[^>]*\btype="password"[^>]*\bname="password"|<input\b[^>]*\bname="password"[^>]*\btype="password"}i,
	    'a password field of type password');
	my $csrf = hidden_of($t, 'csrf');
	ok(defined $csrf && length $csrf >= 16, 'a hidden csrf field with a token')
	    or diag res_diag($r);
	my $line = set_cookie_line($r, 'lcsrf');
	ok(defined $line, 'Set-Cookie lcsrf') or diag res_diag($r);
	my ($n, $v, $a) = cookie_attrs($line // '');
	is($v, $csrf, 'the lcsrf cookie holds the same token as the form');
	is($a->{path}, '/login', 'lcsrf: Path=/login');
	ok($a->{httponly}, 'lcsrf: HttpOnly');
	is(lc($a->{samesite} // ''), 'strict', 'lcsrf: SameSite=Strict');

	# The double-submit check.
	my $c2 = client();
	$c2->get('/login');
	$c2->drop_cookie('lcsrf');
	$r = $c2->post_form('/login', [login => $admin->{login},
	    password => $admin->{password}, csrf => $csrf]);
	status_is($r, 403, 'POST /login with the field but no lcsrf cookie → 403');
	ok(!defined set_cookie_line($r, 'sid'), '... and no session cookie');

	$r = try_login(client(), $admin->{login}, $admin->{password}, csrf => undef);
	status_is($r, 403, 'POST /login with the cookie but no csrf field → 403');

	$r = try_login(client(), $admin->{login}, $admin->{password},
	    csrf => 'A' x 43);
	status_is($r, 403, 'POST /login with a csrf field not matching the cookie → 403');
	ok(!defined set_cookie_line($r, 'sid'), '... and no session cookie');
}
clear_attempts();	# in case a refused form counted as a failure

# ------------------------------------------------------------------ success
my ($c, $sid1, $myip, $skew);
{
	my $admin_id = account_id($admin->{login});
	ok($admin_id, "account $admin->{login} exists");
	my $before = session_count($admin_id);
	my $audit_before = audit_count($admin_id, 'login');
	my $off = log_size();

	$c = client();
	my $r = try_login($c, $admin->{login}, $admin->{password});
	redirects_to($r, '/home', 'the right password → 303 to /home');
	my $line = set_cookie_line($r, 'sid');
	ok(defined $line, 'Set-Cookie sid') or diag res_diag($r);
	my ($n, $v, $a) = cookie_attrs($line // '');
	$sid1 = $v;
	push @secrets, $sid1 if defined $sid1;
	like($v // '', qr/^[A-Za-z0-9_-]{43}$/, 'sid is 43 characters of base64url');
	is($a->{path}, '/', 'sid: Path=/');
	ok($a->{httponly}, 'sid: HttpOnly');
	is(lc($a->{samesite} // ''), 'lax', 'sid: SameSite=Lax');
	ok(!$a->{secure}, 'sid: no Secure over plain HTTP (the browser would drop it)');
	is(session_count($admin_id), $before + 1, 'one session row more for the account');
	is(audit_count($admin_id, 'login'), $audit_before + 1, 'one audit row «login» for the account');

	$r = $c->get('/home');
	status_is($r, 200, '/home with the new session');
	like($r->text, qr/\Q$admin->{full_name}\E/, "/home shows «$admin->{full_name}»");
	push @secrets, csrf_of($r->text) // ();

	my @rows = sql('SELECT ok, ip, TIMESTAMPDIFF(SECOND, NOW(), at) FROM login_attempt WHERE login = '
	    . sq($admin->{login}));
	is(scalar @rows, 1, 'one login_attempt row for the successful login');
	is($rows[0][0], 1, '... with ok = 1') if @rows;
	($myip, $skew) = @rows ? ($rows[0][1], $rows[0][2]) : ('127.0.0.1', 0);
	like($myip, qr/^(?:127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/, "... from this machine ($myip)");

	my $log = log_since($off);
	like($log, qr/\Q$admin->{login}\E/, 'the log has a line about the successful login');
}

# ------------------------------------------------------------------ failure
{
	my $off = log_size();
	my $unknown = "nosuch-$$-" . int(rand 1e6);

	my $r1 = try_login(client(), $admin->{login}, $wrong);
	status_is($r1, 401, 'a wrong password → 401');
	like($r1->text, qr/\Q$BAD\E/, "... «$BAD»");
	like($r1->text, qr{<form\b[^>]*\baction="/login"}i, '... with the form again');
	ok(defined hidden_of($r1->text, 'csrf'), '... which has a csrf field');
	ok(!defined set_cookie_line($r1, 'sid'), '... and no session cookie');

	my $r2 = try_login(client(), $unknown, $wrong);
	status_is($r2, 401, 'an unknown login → 401');
	like($r2->text, qr/\Q$BAD\E/, "... the same «$BAD»");
	ok(!defined set_cookie_line($r2, 'sid'), '... and no session cookie');

	# Nothing on the page may tell an unknown login from a wrong password.
	my $norm = sub {
		my ($r, $login) = @_;
		my $t = $r->text;
		$t =~ s/\Q$login\E/LOGIN/g;
		for my $tok (grep { defined } csrf_of($t), hidden_of($t, 'csrf')) {
			$t =~ s/\Q$tok\E/TOKEN/g if length $tok;
		}
		return $t;
	};
	is($norm->($r2, $unknown), $norm->($r1, $admin->{login}),
	    'the pages for an unknown login and a wrong password are the same');

	my %ok = map { $_->[0] => $_->[1] } sql('SELECT login, MAX(ok) FROM login_attempt WHERE login IN ('
	    . sq($admin->{login}) . ', ' . sq($unknown) . ') AND ok = 0 GROUP BY login');
	ok(exists $ok{ $admin->{login} }, 'a failed login_attempt row for the wrong password');
	ok(exists $ok{$unknown}, 'a failed login_attempt row for the unknown login, as typed');

	like(log_since($off), qr/\Q$admin->{login}\E/, 'the log has a line about the failed login');
}
clear_attempts();

# ------------------------------------------------------ a new id at each login
{
	my $r = try_login($c, $admin->{login}, $admin->{password});
	redirects_to($r, '/home', 'logging in again with a session cookie → 303');
	my $sid2 = $c->cookie('sid');
	push @secrets, $sid2 if defined $sid2;
	ok(defined $sid2 && defined $sid1 && $sid2 ne $sid1, 'the session id has changed');
	status_is($c->get('/home'), 200, 'the new id works');

	my $old = client();
	$old->set_cookie(sid => $sid1);
	redirects_to($old->get('/home'), qr{^/login(?:[?#]|$)}, 'the old id no longer works → 303 /login');

	# An id planted by someone else is never taken over.
	my $planted = join '', map { ('A' .. 'Z', 'a' .. 'z', 0 .. 9, '-', '_')[rand 64] } 1 .. 43;
	my $p = client();
	$p->set_cookie(sid => $planted);
	$r = try_login($p, $admin->{login}, $admin->{password});
	redirects_to($r, '/home', 'logging in with a planted sid cookie → 303');
	my $got = $p->cookie('sid');
	ok(defined $got && $got ne $planted, 'the planted id is replaced');
	push @secrets, $got if defined $got;
	my $pl = client();
	$pl->set_cookie(sid => $planted);
	redirects_to($pl->get('/home'), qr{^/login(?:[?#]|$)}, 'the planted id gives no session');
}

# ------------------------------------------------------------------ throttling
# The time of the application's rows, as an SQL expression (the app may write
# UTC while the server's NOW() is local time).
my $AT = 'NOW() + INTERVAL ' . int($skew // 0) . ' SECOND';

sub fail_n {
	my ($login, $n, $what) = @_;
	for my $i (1 .. $n) {
		my $r = try_login(client(), $login, $wrong);
		status_is($r, 401, "$what: failure $i → 401");
	}
}

sub seed {
	my ($login, $ip, $minutes_ago) = @_;
	sql("INSERT INTO login_attempt (login, ip, at, ok) VALUES ("
	    . sq($login) . ', ' . sq($ip) . ", $AT - INTERVAL " . int($minutes_ago // 0)
	    . ' MINUTE, 0)');
}

sub throttled {
	my ($r, $what) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	status_is($r, 429, "$what → 429");
	like($r->text, qr/\Q$MANY\E/, "... «$MANY»");
	ok(!defined set_cookie_line($r, 'sid'), '... and no session cookie');
}

{
	clear_attempts();
	fail_n($t1->{login}, 4, 'four failures');
	my $r = try_login(client(), $t1->{login}, $t1->{password});
	redirects_to($r, '/home', 'after four failures the right password still works');

	clear_attempts();
	fail_n($t1->{login}, 5, 'existing login');
	$r = try_login(client(), $t1->{login}, $t1->{password});
	throttled($r, 'the sixth attempt, with the right password,');
	is(sql_value('SELECT COUNT(*) FROM login_attempt WHERE ok = 0 AND login = ' . sq($t1->{login})),
	    5, 'five failed attempts were recorded') ;
	$r = try_login(client(), $t2->{login}, $t2->{password});
	throttled($r, 'another account from the same IP');
	security_headers_ok($r, '429 page');

	clear_attempts();
	my $unknown = "nosuch-$$-" . int(rand 1e6);
	fail_n($unknown, 5, 'unknown login');
	$r = try_login(client(), $unknown, $wrong);
	throttled($r, 'the sixth attempt for an unknown login');

	# Per login only: five failures from five other addresses.
	clear_attempts();
	seed($t1->{login}, "198.51.100.$_") for 1 .. 5;
	$r = try_login(client(), $t1->{login}, $t1->{password});
	throttled($r, 'five failures of a login from other IPs, then the right password');
	$r = try_login(client(), $t2->{login}, $t2->{password});
	redirects_to($r, '/home', '... while another login from this IP gets in');

	# Per IP only: five failures of five other logins from this address.
	clear_attempts();
	seed("jtest-other-$_", $myip) for 1 .. 5;
	$r = try_login(client(), $t1->{login}, $t1->{password});
	throttled($r, 'five failures of other logins from this IP, then the right password');

	# The window is 15 minutes.
	clear_attempts();
	seed($t1->{login}, "198.51.100.$_", 16) for 1 .. 5;
	seed("jtest-other-$_", $myip, 16) for 1 .. 5;
	$r = try_login(client(), $t1->{login}, $t1->{password});
	redirects_to($r, '/home', 'failures older than 15 minutes do not count');
	clear_attempts();
}

# ------------------------------------------------------------------ the log
{
	my $log = log_since($log0);
	ok(length $log, 'the log grew during this test') or diag 'log: ' . log_path();
	for my $s (grep { defined && length >= 6 } @secrets) {
		my $shown = substr($s, 0, 4) . '…';
		unlike($log, qr/\Q$s\E/, "the log does not contain the secret $shown");
	}
	unlike(log_all(), qr/\Q$admin->{password}\E/, 'the whole log never has the admin password')
	    if length $admin->{password} >= 6 && index($admin->{login}, $admin->{password}) < 0;
}

done_testing();
