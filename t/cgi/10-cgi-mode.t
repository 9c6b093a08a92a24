#!/usr/bin/perl
# The binaries run as plain CGI (no web server, no FastCGI manager), the way
# fcgiwrap or a hosting provider's cgi-bin runs them: a crafted environment,
# the body on stdin, the answer on stdout.  Needs the stack's database and
# config (JOURNAL_VAR), not its web server.
#
# With JOURNAL_ASAN_ROOT=<dir with cgi-bin/> the same cases run again against
# that sanitizer build with leak detection on, and any sanitizer report fails.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_var();
my $conf = var_dir() . '/journal.hdf';
plan skip_all => "no $conf" unless -f $conf;

my $IP = '192.0.2.10';		# TEST-NET-1: not the address of the HTTP tests
END { eval { clear_attempts() } if var_dir(); }
clear_attempts();

my $admin = (accounts())[0];

my @builds = ([ 'build', cgi_bin_dir(), {} ]);
if ($ENV{JOURNAL_ASAN_ROOT}) {
	push @builds, [ 'asan', "$ENV{JOURNAL_ASAN_ROOT}/cgi-bin", {
		ASAN_OPTIONS  => 'detect_leaks=1:abort_on_error=0:exitcode=23',
		LSAN_OPTIONS  => 'exitcode=23',
		UBSAN_OPTIONS => 'print_stacktrace=1:halt_on_error=1',
	} ];
}

# Run cgi-bin/<prog> of a build.  %r: method, query, body, ctype, cookie,
# https, length (CONTENT_LENGTH when it must differ from the body's).
sub cgi {
	my ($build, $prog, $what, %r) = @_;
	my ($name, $dir, $san) = @$build;
	my $method = $r{method} // 'GET';
	my $qs = $r{query} // '';
	my %env = (
		PATH              => '/usr/local/bin:/usr/bin:/bin',
		GATEWAY_INTERFACE => 'CGI/1.1',
		SERVER_PROTOCOL   => 'HTTP/1.1',
		SERVER_SOFTWARE   => 'journal-tests',
		SERVER_NAME       => 'localhost',
		SERVER_ADDR       => '127.0.0.1',
		SERVER_PORT       => $r{https} ? 443 : 80,
		HTTP_HOST         => 'localhost',
		REMOTE_ADDR       => $IP,
		REMOTE_PORT       => 40000 + int(rand 20000),
		REQUEST_METHOD    => $method,
		SCRIPT_NAME       => "/$prog",
		SCRIPT_FILENAME   => "$dir/$prog",
		REQUEST_URI       => "/$prog" . ($qs ne '' ? "?$qs" : ''),
		QUERY_STRING      => $qs,
		JOURNAL_CONF      => $conf,
		%$san,
	);
	$env{HTTPS} = 'on' if $r{https};
	$env{HTTP_COOKIE} = $r{cookie} if defined $r{cookie};
	if (defined $r{body} || defined $r{length}) {
		$env{CONTENT_TYPE} = $r{ctype} // 'application/x-www-form-urlencoded';
		$env{CONTENT_LENGTH} = $r{length} // length($r{body} // '');
	}
	my $res = run_cgi(prog => "$dir/$prog", env => \%env, body => $r{body});
	my $tag = "[$name] $what";
	fail("[$name] $dir/$prog is missing") unless -x "$dir/$prog";
	ok(exists $res->{headers}{'content-type'}, "$tag: a CGI answer with a Content-Type")
	    or diag("exit $res->{exit}; stdout: " . substr($res->{raw}, 0, 300)
		. "; stderr: " . substr($res->{stderr}, 0, 500));
	is($res->{exit}, 0, "$tag: exit status 0");
	if (%$san) {
		unlike($res->{stderr}, qr/ERROR: \w*Sanitizer|runtime error:|\bSUMMARY: \w*Sanitizer/,
		    "$tag: no sanitizer report") or diag($res->{stderr});
	}
	return $res;
}

for my $b (@builds) {
	my $name = $b->[0];
	my ($dir) = $b->[1];
	unless (-x "$dir/login") {
		fail("[$name] $dir/login is built");
		next;
	}

	# ---------------------------------------------------- GET /login
	my $r = cgi($b, 'login', 'GET /login');
	status_is($r, 200, "[$name] GET /login → 200 (Status line or none)");
	like($r->text, qr{<form\b[^>]*\baction="/login"}i, "[$name] the login form");
	security_headers_ok($r, "[$name] login page");
	my $csrf = hidden_of($r->text, 'csrf');
	my ($l) = grep { /^lcsrf=/ } $r->headers_all('set-cookie');
	my (undef, $lv) = cookie_attrs($l // '');
	ok($csrf && defined $lv && $lv eq $csrf, "[$name] lcsrf cookie = csrf field");

	# ---------------------------------------------------- login over HTTPS
	$r = cgi($b, 'login', 'GET /login over HTTPS', https => 1);
	$csrf = hidden_of($r->text, 'csrf') // '';
	my $body = JTest::Client::form_encode([login => $admin->{login},
	    password => $admin->{password}, csrf => $csrf]);
	$r = cgi($b, 'login', 'POST /login over HTTPS', method => 'POST', https => 1,
	    body => $body, cookie => "lcsrf=$csrf");
	status_is($r, 303, "[$name] login over HTTPS → 303");
	like($r->header('location') // '', qr{^(?:https://[^/]+)?/home(?:[?#]|$)}, "[$name] ... to /home");
	my ($sid_line) = grep { /^sid=/ } $r->headers_all('set-cookie');
	my ($n, $sid, $attr) = cookie_attrs($sid_line // '');
	ok($attr->{secure}, "[$name] sid over HTTPS: Secure") or diag($sid_line // 'no sid cookie');
	ok($attr->{httponly}, "[$name] sid over HTTPS: HttpOnly");
	is(lc($attr->{samesite} // ''), 'lax', "[$name] sid over HTTPS: SameSite=Lax");
	is(sql_value('SELECT COUNT(*) FROM login_attempt WHERE ok = 1 AND ip = ' . sq($IP)
	    . ' AND login = ' . sq($admin->{login})), 1,
	    "[$name] the attempt is recorded with REMOTE_ADDR $IP");
	if (-x "$dir/home" && $sid) {
		$r = cgi($b, 'home', 'GET /home with the session', https => 1, cookie => "sid=$sid");
		status_is($r, 200, "[$name] /home with that session → 200");
		like($r->text, qr/\Q$admin->{full_name}\E/, "[$name] ... shows the user");
	}
	clear_attempts();

	# ---------------------------------------------------- limits
	my $big = 'login=' . ('a' x (1536 * 1024));
	$r = cgi($b, 'login', 'POST of 1.5 MiB', method => 'POST', body => $big);
	status_is($r, 413, "[$name] POST of 1.5 MiB → 413");
	russian_html_ok($r, "[$name] 413 page");
	$r = cgi($b, 'login', 'CONTENT_LENGTH of 10 GiB', method => 'POST', body => 'login=a',
	    length => 10 * 1024 * 1024 * 1024);
	status_is($r, 413, "[$name] CONTENT_LENGTH of 10 GiB (nothing that large sent) → 413");

	for my $q ('x=%FF', 'x=%C0%AF', 'x=%00') {
		$r = cgi($b, 'login', "GET /login?$q", query => $q);
		status_is($r, 400, "[$name] GET /login?$q → 400");
	}
	russian_html_ok($r, "[$name] 400 page");
	security_headers_ok($r, "[$name] 400 page");
}

done_testing();
