#!/usr/bin/perl
# Hard limits of the request reader (413 for a large body; 400 for invalid
# UTF-8, NUL, a repeated parameter) and the security headers of every kind
# of dynamic page: a form, a page behind the session, a redirect, the error
# pages.
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

my $admin = (accounts())[0];

sub no_inline_script {
	my ($r, $what) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	unlike($r->text, qr{<script\b(?![^>]*\bsrc\s*=)[^>]*>}i,
	    "$what: no inline <script> (CSP would block it)");
	unlike($r->text, qr{<[a-z][^>]*\son[a-z]+\s*=}i, "$what: no inline event handlers");
	unlike($r->text, qr{href\s*=\s*["']?\s*javascript:}i, "$what: no javascript: links");
}

# ------------------------------------------------------------ the headers
{
	my $c = client();
	my $r = $c->get('/login');
	status_is($r, 200, 'GET /login');
	security_headers_ok($r, 'login page');
	no_inline_script($r, 'login page');

	$r = try_login(client(), $admin->{login}, "Wr0ng-$$");
	status_is($r, 401, 'a failed login');
	security_headers_ok($r, '401 page');

	$r = client()->get('/home');
	status_is($r, 303, '/home without a session');
	security_headers_ok($r, '303 redirect', no_ctype => 1);

	my $s = login_ok($admin->{login}, $admin->{password});
	$r = $s->get('/home');
	status_is($r, 200, '/home');
	security_headers_ok($r, 'home page');
	no_inline_script($r, 'home page');
	$r = $s->get('/password');
	status_is($r, 200, '/password');
	security_headers_ok($r, 'password page');
	no_inline_script($r, 'password page');
	clear_attempts();
}

# ------------------------------------------------------------ invalid input
my %bad = (
	'%FF'          => 'a byte that is never UTF-8',
	'%C0%AF'       => 'an overlong encoding of /',
	'%E0%80%AF'    => 'a three-byte overlong /',
	'%ED%A0%80'    => 'a UTF-16 surrogate',
	'%F4%90%80%80' => 'a code point above U+10FFFF',
	'%D0'          => 'a truncated sequence',
	'%00'          => 'NUL',
	'a%00b'        => 'NUL inside a value',
);
for my $v (sort keys %bad) {
	my $r = client()->get("/login?x=$v");
	status_is($r, 400, "GET /login?x=$v ($bad{$v}) → 400");
}
{
	my $r = client()->get('/login?%FF=1');
	status_is($r, 400, 'invalid UTF-8 in a parameter name → 400');
	russian_html_ok($r, '400 page');
	security_headers_ok($r, '400 page');

	$r = client()->get('/login?x=%D0%B0%D0%B1');
	status_is($r, 200, 'valid Cyrillic in a parameter is accepted (control)');

	my $c = client();
	my $csrf = hidden_of($c->get('/login')->text, 'csrf');
	$r = $c->post_raw('/login', "login=%FF&password=x&csrf=$csrf");
	status_is($r, 400, 'POST /login with invalid UTF-8 in the body → 400');
	russian_html_ok($r, '400 page of a POST');
	$r = $c->post_raw('/login', "login=ab%00cd&password=x&csrf=$csrf");
	status_is($r, 400, 'POST /login with NUL in the body → 400');
}

# ------------------------------------------------------------ duplicates
{
	my $c = client();
	my $csrf = hidden_of($c->get('/login')->text, 'csrf');
	my $r = $c->post_form('/login', [login => $admin->{login}, login => 'someone',
	    password => $admin->{password}, csrf => $csrf]);
	status_is($r, 400, 'POST /login with login given twice → 400');
	russian_html_ok($r, 'duplicate parameter page');
	ok(!defined set_cookie_line($r, 'sid'), '... and nobody is logged in');
	$r = $c->post_form('/login', [login => $admin->{login}, password => 'x',
	    password => $admin->{password}, csrf => $csrf]);
	status_is($r, 400, 'POST /login with password given twice → 400');
	ok(!defined set_cookie_line($r, 'sid'), '... and nobody is logged in');
	$r = $c->post_form('/login', [login => 'someone', password => 'x', csrf => $csrf]);
	status_is($r, 401, 'the same form without the repeat → 401 (control)');
	clear_attempts();
}

# ------------------------------------------------------------ a large body
{
	my $c = client();
	my $csrf = hidden_of($c->get('/login')->text, 'csrf');
	my $body = "csrf=$csrf&password=x&login=" . ('a' x (1536 * 1024));
	my $r = $c->raw_request('POST', '/login',
	    { 'content-type' => 'application/x-www-form-urlencoded' }, $body);
	status_is($r, 413, 'POST /login with 1.5 MiB → 413');
	russian_html_ok($r, '413 page');
	security_headers_ok($r, '413 page');
	$r = $c->get('/login');
	status_is($r, 200, 'the site still answers after a 413');
}

done_testing();
