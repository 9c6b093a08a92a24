#!/usr/bin/perl
# /hello, the benchmark's ceiling page (issue 21, item 11): it answers only
# where the config enables it (app.hello = 1, as scripts/stack.sh's test
# and benchmark stacks do); a school's config (the sample says 0, and a
# missing key means 0) gets a 404, so no stray public page.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use File::Temp qw(tempdir);
use Test::More;
use JTest;

need_stack();
my $conf = var_dir() . '/journal.hdf';

# The stack enables it: the page answers through the web server.
my $r = client()->get('/hello');
status_is($r, 200, 'GET /hello on the test stack (app.hello = 1) → 200');
like($r->text, qr{<p>Привет</p>}, '... the ceiling page');
open(my $fh, '<', $conf) or die "$conf: $!";
my $stack_conf = do { local $/; <$fh> };
close $fh;
like($stack_conf, qr/^app\.hello = 1$/m, 'the stack config sets app.hello = 1');

# The sample config disables it.
my $sample = root_dir() . '/conf/journal.hdf';
open($fh, '<', $sample) or die "$sample: $!";
my $s = do { local $/; <$fh> };
close $fh;
like($s, qr/^app \{.*?^\s*hello = 0$/ms, 'conf/journal.hdf: app.hello = 0');

# The same program with app.hello = 0, and with no such key: 404, as
# plain CGI against a config that includes the stack's and overrides it.
my $dir = tempdir('hello-XXXXXX', TMPDIR => 1, CLEANUP => 1);
chmod 0755, $dir;
my %env = (PATH => '/usr/bin:/bin', GATEWAY_INTERFACE => 'CGI/1.1',
    SERVER_PROTOCOL => 'HTTP/1.1', SERVER_NAME => 'localhost',
    SERVER_PORT => 80, HTTP_HOST => 'localhost', REMOTE_ADDR => '192.0.2.11',
    REQUEST_METHOD => 'GET', SCRIPT_NAME => '/hello', REQUEST_URI => '/hello',
    QUERY_STRING => '');
my $prog = cgi_bin_dir() . '/hello';
for my $case ([ 'app.hello = 0', "app.hello = 0\n" ],
    [ 'app.hello = 1', "app.hello = 1\n" ],
    [ 'no app.hello key', '' ]) {
	my ($what, $extra) = @$case;
	my $f = "$dir/" . ($what =~ tr/a-z0-9/_/cr) . '.hdf';
	# The stack's file with its own app.hello taken out, then the case's.
	my $body = $stack_conf =~ s/^app\.hello = .*\n//mr;
	# The sample (included first) sets hello = 0; for "no key" leave it
	# out altogether by including nothing but the stack's own lines.
	$body =~ s/^#include .*\n//m if $what eq 'no app.hello key';
	open(my $o, '>', $f) or die "$f: $!";
	print {$o} $body, $extra;
	close $o;
	chmod 0644, $f;
	my $res = run_cgi(prog => $prog, env => { %env, JOURNAL_CONF => $f });
	my $want = $what eq 'app.hello = 1' ? 200 : 404;
	status_is($res, $want, "plain CGI /hello with $what → $want")
	    or diag($res->{stderr});
}

done_testing();
