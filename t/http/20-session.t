#!/usr/bin/perl
# The session: /home needs one; what /home shows (name, menu, logout form,
# the CSRF meta tag, per-role content); logout ends the session on the server
# and needs the session's CSRF token.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
END { eval { clear_attempts() } if var_dir() && base_url(); }
clear_attempts();

my $LOGIN_RE = qr{^/login(?:[?#]|$)};

# ------------------------------------------------------------ no session
redirects_to(client()->get('/home'), $LOGIN_RE, '/home without a session → 303 /login');
{
	my $c = client();
	$c->set_cookie(sid => 'A' x 43);
	redirects_to($c->get('/home'), $LOGIN_RE, '/home with an unknown sid → 303 /login');
	$c->set_cookie(sid => 'not a session id');
	redirects_to($c->get('/home'), $LOGIN_RE, '/home with a malformed sid → 303 /login');
}

# ------------------------------------------------------------ the home page
sub home_ok {
	my ($acc) = @_;
	my $what = "home of $acc->{role} $acc->{login}";
	my $c = login_ok($acc->{login}, $acc->{password}, "log in as $acc->{role}");
	my $r = $c->get('/home');
	status_is($r, 200, $what) or return ($c, $r);
	my $t = $r->text;
	like($t, qr/\Q$acc->{full_name}\E/, "$what: shows «$acc->{full_name}»");
	my ($head) = $t =~ m{<head\b.*?</head>}si ? ($&) : ('');
	my $meta = csrf_of($head);
	ok(defined $meta && length $meta >= 16, "$what: <meta name=\"csrf\"> in the head")
	    or diag res_diag($r);
	my ($form) = $t =~ m{(<form\b[^>]*\baction="/logout"[^>]*>.*?</form>)}si;
	ok(defined $form && $form =~ /\bmethod="post"/i, "$what: a logout form posting to /logout")
	    or diag res_diag($r);
	is(hidden_of($form // '', 'csrf'), $meta, "$what: the logout form carries the session's token");
	my @links = $t =~ m{<a\b[^>]*\bhref="(/[^"]*)"}gi;
	ok(scalar @links, "$what: a menu of links") or diag res_diag($r);
	return ($c, $r);
}

my @acc = accounts();
home_ok($acc[0]);

# A parent sees their children.
{
	my $p = account_of_role('parent');
	ok($p, 'the TSV has a parent');
	if ($p) {
		my (undef, $r) = home_ok($p);
		my @kids = sql('SELECT s.last_name, s.first_name FROM account a'
		    . ' JOIN guardian g ON g.guardian_id = a.person_id'
		    . ' JOIN person s ON s.id = g.student_id WHERE a.login = '
		    . sq($p->{login}) . ' ORDER BY s.last_name');
		ok(scalar @kids, "parent $p->{login} has children in the guardian table");
		for my $k (@kids) {
			like($r->text, qr/\Q$k->[0]\E/, "the parent's home lists $k->[0]");
			like($r->text, qr/\Q$k->[1]\E/, "... with the first name $k->[1]");
		}
	}
}

# A student sees their class.
{
	my $s = account_of_role('student');
	ok($s, 'the TSV has a student');
	if ($s) {
		my (undef, $r) = home_ok($s);
		my ($cls) = sql('SELECT c.grade, c.letter FROM account a'
		    . ' JOIN class_student cs ON cs.student_id = a.person_id AND cs.left_on IS NULL'
		    . ' JOIN class c ON c.id = cs.class_id WHERE a.login = ' . sq($s->{login})
		    . ' ORDER BY cs.joined_on DESC LIMIT 1');
		ok($cls, "student $s->{login} is in a class");
		if ($cls) {
			my ($g, $l) = @$cls;
			like($r->text, qr/(?<!\d)\Q$g\E\s*(?:&nbsp;|«|&laquo;|"|&quot;|-)?\s*\Q$l\E/,
			    "the student's home shows the class $g $l");
		}
	}
}

# ------------------------------------------------------------ logout
{
	my $acc = account_of_role('teacher') // $acc[0];
	my $id = account_id($acc->{login});
	my $a = login_ok($acc->{login}, $acc->{password}, 'session A');
	my $b = login_ok($acc->{login}, $acc->{password}, 'session B');
	my $csrf_a = $a->session_csrf;
	my $csrf_b = $b->session_csrf;
	ok($csrf_a && $csrf_b && $csrf_a ne $csrf_b, 'each session has its own CSRF token');
	my $n = session_count($id);

	my $r = $a->post_form('/logout', []);
	status_is($r, 403, 'POST /logout without csrf → 403');
	security_headers_ok($r, '403 page');
	russian_html_ok($r, '403 page');
	$r = $a->post_form('/logout', [csrf => 'x' x 43]);
	status_is($r, 403, 'POST /logout with a wrong csrf → 403');
	$r = $a->post_form('/logout', [csrf => $csrf_b]);
	status_is($r, 403, "POST /logout with another session's csrf → 403");
	is(session_count($id), $n, 'no session row was deleted');
	status_is($a->get('/home'), 200, 'the session still works');

	my $sid = $a->cookie('sid');
	$r = $a->post_form('/logout', [csrf => $csrf_a]);
	redirects_to($r, $LOGIN_RE, 'POST /logout with csrf → 303 /login');
	is(session_count($id), $n - 1, 'the session row is gone from the database');
	my $replay = client();
	$replay->set_cookie(sid => $sid);
	redirects_to($replay->get('/home'), $LOGIN_RE, 'the old sid cookie replayed → 303 /login');
	my $r2 = $replay->post_form('/logout', [csrf => $csrf_a]);
	ok($r2->status == 303 || $r2->status == 403,
	    'logging out again with the dead session does no harm (303 or 403)')
	    or diag res_diag($r2);
	status_is($b->get('/home'), 200, 'the other session of the same account still works');
}

done_testing();
