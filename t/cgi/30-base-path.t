#!/usr/bin/perl
# Under a provider's cgi-bin (plain CGI, SCRIPT_NAME=/cgi-bin/<screen>)
# every link, form action, redirect and cookie path starts with /cgi-bin,
# and the CSS and JS come from the static base (app.static); without a
# prefix (SCRIPT_NAME=/<screen>) the pages keep their root links.  Needs
# the stack's database and config (JOURNAL_VAR), not its web server.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use File::Temp;
use Test::More;
use JTest;

need_var();
my $conf = var_dir() . '/journal.hdf';
ok(-f $conf, "the stack's config $conf exists") or BAIL_OUT("no $conf");
my $dir = cgi_bin_dir();
ok(-x "$dir/login", "the programs are built ($dir)") or BAIL_OUT("no $dir/login");

my $IP = '192.0.2.11';		# TEST-NET-1: not the address of other tests
END { eval { clear_attempts() } if var_dir(); }
clear_attempts();
my $admin = (accounts())[0];

# The stack's config plus some lines (HDF: a later value wins).
sub conf_with {
	my ($extra) = @_;
	open(my $in, '<:raw', $conf) or die "$conf: $!\n";
	local $/;
	my $text = <$in>;
	close $in;
	my $t = File::Temp->new(SUFFIX => '.hdf');
	print {$t} $text, "\n", $extra, "\n";
	close $t;
	chmod 0644, $t->filename;
	return $t;
}

# Run cgi-bin/<prog> as plain CGI at the URL path $script.
sub cgi {
	my ($script, $prog, %r) = @_;
	my $method = $r{method} // 'GET';
	my %env = (
		PATH              => '/usr/local/bin:/usr/bin:/bin',
		GATEWAY_INTERFACE => 'CGI/1.1',
		SERVER_PROTOCOL   => 'HTTP/1.1',
		SERVER_NAME       => 'localhost',
		SERVER_PORT       => 80,
		HTTP_HOST         => 'localhost',
		REMOTE_ADDR       => $IP,
		REQUEST_METHOD    => $method,
		SCRIPT_NAME       => $script,
		SCRIPT_FILENAME   => "$dir/$prog",
		REQUEST_URI       => $script,
		QUERY_STRING      => '',
		JOURNAL_CONF      => $r{conf} // $conf,
	);
	$env{HTTP_COOKIE} = $r{cookie} if defined $r{cookie};
	if (defined $r{body}) {
		$env{CONTENT_TYPE} = 'application/x-www-form-urlencoded';
		$env{CONTENT_LENGTH} = length $r{body};
	}
	return run_cgi(prog => "$dir/$prog", env => \%env, body => $r{body});
}

# Every href, action and src of a page, entities decoded.
sub urls_of {
	my ($html) = @_;
	my @u;
	while ($html =~ /\b(?:href|action|src|data-url)\s*=\s*"([^"]*)"/gi) {
		(my $v = $1) =~ s/&amp;/&/g;
		push @u, $v;
	}
	return @u;
}

# One ok(): every URL of the page is under $base (or $static for the
# page's CSS and JS), a fragment, or an absolute external address.
sub urls_under_ok {
	my ($html, $base, $static, $what) = @_;
	my @u = urls_of($html);
	my @bad = grep {
		!(m{^\Q$base\E/[a-z]} || m{^\Q$static\E/[a-z]} || /^#/ ||
		  m{^(?:https?:)?//} || /^(?:mailto|data):/)
	} @u;
	ok(@u && !@bad, "$what: every href/action/src is under $base or $static")
	    or diag(@u ? "not: @bad" : 'no URLs at all');
}

# Log in at $base; returns the sid.
sub login_at {
	my ($base, $prog_path, %o) = @_;
	my $r = cgi("$base/login", 'login', %o);
	my $csrf = hidden_of($r->text, 'csrf') // '';
	my ($l) = grep { /^lcsrf=/ } $r->headers_all('set-cookie');
	my (undef, undef, $la) = cookie_attrs($l // '');
	is($la->{path}, ($base eq '' ? '' : $base) . '/login',
	    "login at '$base': the lcsrf cookie's Path is $base/login");
	my $body = JTest::Client::form_encode([login => $admin->{login},
	    password => $admin->{password}, csrf => $csrf]);
	$r = cgi("$base/login", 'login', %o, method => 'POST', body => $body,
	    cookie => "lcsrf=$csrf");
	status_is($r, 303, "POST $base/login → 303");
	like($r->header('location') // '', qr{^(?:https?://[^/]+)?\Q$base\E/home$},
	    "... to $base/home");
	my ($sid_line) = grep { /^sid=/ } $r->headers_all('set-cookie');
	my (undef, $sid, $attr) = cookie_attrs($sid_line // '');
	is($attr->{path}, $base eq '' ? '/' : $base,
	    "... the sid cookie's Path is " . ($base eq '' ? '/' : $base));
	clear_attempts();
	return $sid;
}

# ------------------------------------------- a provider's /cgi-bin/
my $static = conf_with('app.static = /journal-static');
my $r = cgi('/cgi-bin/login', 'login', conf => $static->filename);
status_is($r, 200, 'GET /cgi-bin/login → 200');
like($r->text, qr{<form\b[^>]*\baction="/cgi-bin/login"}i,
    'the login form posts to /cgi-bin/login');
like($r->text, qr{<link\b[^>]*href="/journal-static/style\.css"},
    'the CSS comes from app.static');
urls_under_ok($r->text, '/cgi-bin', '/journal-static', 'login page');

my $sid = login_at('/cgi-bin', 'login', conf => $static->filename);
for my $p ('home', 'classes', 'staff', 'years') {
	$r = cgi("/cgi-bin/$p", $p, conf => $static->filename, cookie => "sid=$sid");
	status_is($r, 200, "GET /cgi-bin/$p with the session → 200");
	{
		like($r->text, qr{<script\b[^>]*src="/journal-static/app\.js"},
		    "/cgi-bin/$p: the script comes from app.static");
		like($r->text, qr{<a\b[^>]*href="/cgi-bin/home"}, "/cgi-bin/$p: the home link");
		urls_under_ok($r->text, '/cgi-bin', '/journal-static', "/cgi-bin/$p");
	}
}
# Without app.static, htdocs/ is looked for under the base.
$r = cgi('/cgi-bin/home', 'home', cookie => "sid=$sid");
status_is($r, 200, 'GET /cgi-bin/home, no app.static → 200');
like($r->text, qr{<link\b[^>]*href="/cgi-bin/static/style\.css"},
    '... the CSS at /cgi-bin/static');
urls_under_ok($r->text, '/cgi-bin', '/cgi-bin/static', '/cgi-bin/home');
# No session: the way to the login form stays under the base.
$r = cgi('/cgi-bin/home', 'home');
status_is($r, 303, 'GET /cgi-bin/home without a session → 303');
like($r->header('location') // '', qr{^(?:https?://[^/]+)?/cgi-bin/login$}, '... to /cgi-bin/login');
# Logging out goes back to /cgi-bin/login and deletes the cookie there.
$r = cgi('/cgi-bin/home', 'home', cookie => "sid=$sid");
my ($lcsrf) = $r->text =~ m{action="/cgi-bin/logout".*?name="csrf" value="([^"]+)"}s;
$r = cgi('/cgi-bin/logout', 'logout', method => 'POST', cookie => "sid=$sid",
    body => 'csrf=' . ($lcsrf // ''));
status_is($r, 303, 'POST /cgi-bin/logout → 303');
like($r->header('location') // '', qr{^(?:https?://[^/]+)?/cgi-bin/login$}, '... to /cgi-bin/login');
my ($gone) = grep { /^sid=/ } $r->headers_all('set-cookie');
my (undef, undef, $ga) = cookie_attrs($gone // '');
is($ga->{path}, '/cgi-bin', '... the sid cookie deleted at Path=/cgi-bin');

# ------------------------------------------- app.base wins over SCRIPT_NAME
my $based = conf_with('app.base = /school');
$r = cgi('/login', 'login', conf => $based->filename);
like($r->text, qr{<form\b[^>]*\baction="/school/login"}i,
    'app.base = /school: the form posts to /school/login');
urls_under_ok($r->text, '/school', '/school/static', 'login page with app.base');

# ------------------------------------------- at the root: as before
$r = cgi('/login', 'login');
status_is($r, 200, 'GET /login → 200');
like($r->text, qr{<form\b[^>]*\baction="/login"}i, 'the login form posts to /login');
like($r->text, qr{<link\b[^>]*href="/static/style\.css"}, 'the CSS at /static');
urls_under_ok($r->text, '', '/static', 'login page at the root');
$sid = login_at('', 'login');
$r = cgi('/home', 'home', cookie => "sid=$sid");
status_is($r, 200, 'GET /home → 200');
urls_under_ok($r->text, '', '/static', '/home at the root');
unlike($r->text, qr{cgi-bin}, '... no trace of a base');
($lcsrf) = $r->text =~ m{action="/logout".*?name="csrf" value="([^"]+)"}s;
$r = cgi('/logout', 'logout', method => 'POST', cookie => "sid=$sid",
    body => 'csrf=' . ($lcsrf // ''));
like($r->header('location') // '', qr{^(?:https?://[^/]+)?/login$}, 'POST /logout → /login');

# A provider that runs only *.cgi files: /cgi-bin/login.cgi is the login
# screen in /cgi-bin (the screen is compiled in, not read from the name).
$r = cgi('/cgi-bin/login.cgi', 'login');
status_is($r, 200, 'GET /cgi-bin/login.cgi → 200');
like($r->text, qr{<form\b[^>]*\baction="/cgi-bin/login"}i,
    'SCRIPT_NAME /cgi-bin/login.cgi: the base is /cgi-bin');
urls_under_ok($r->text, '/cgi-bin', '/cgi-bin/static', 'login page as login.cgi');

# An odd SCRIPT_NAME (not ending in the screen's name) gives the root.
$r = cgi('/cgi-bin/journal-login', 'login');
like($r->text, qr{<form\b[^>]*\baction="/login"}i,
    'SCRIPT_NAME not ending in /login: root links (set app.base)');

done_testing();
