#!/usr/bin/perl
# A 500 shows a Russian page with an incident number and nothing technical,
# and the same number is in the application log.  The failure is real: the
# templates folder the config names does not exist.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use File::Temp qw(tempdir);
use Test::More;
use JTest;

need_var();

my $dir = tempdir(CLEANUP => 1);
chmod 0755, $dir;
my $log = "$dir/journal.log";
my $conf = "$dir/broken.hdf";
open(my $fh, '>', $conf) or die "$conf: $!";
print {$fh} '#include "' . var_dir() . "/journal.hdf\"\n"
    . "paths.templates = $dir/no-such-templates\n"
    . "paths.log = $log\n";
close $fh;
# The program may run as the web server's user (see run_cgi).
open($fh, '>', $log) or die; close $fh;
chmod 0666, $log;
chmod 0644, $conf;

for my $bin (cgi_bin_dir() . '/login', ($ENV{JOURNAL_ASAN_ROOT}
    ? ("$ENV{JOURNAL_ASAN_ROOT}/cgi-bin/login") : ())) {
	my $r = run_cgi(prog => $bin, env => {
	    REQUEST_METHOD => 'GET', QUERY_STRING => '', REMOTE_ADDR => '127.0.0.1',
	    SERVER_NAME => '127.0.0.1', JOURNAL_CONF => $conf,
	    ASAN_OPTIONS => 'detect_leaks=1' });
	is($r->status, 500, "$bin: templates missing → 500");
	my $body = $r->text;
	my ($incident) = $body =~ /Номер обращения:\s*(?:<[^>]+>)*\s*([0-9A-F]{8})/;
	ok($incident, "$bin: the page shows an incident number")
	    or diag(substr($body, 0, 400));
	like($body, qr/Внутренняя ошибка/, "$bin: the page is Russian");
	unlike($body, qr/(?:\.cs\b|NEOERR|Traceback|no-such-templates|SELECT)/i,
	    "$bin: nothing technical on the page");
	open(my $lf, '<', $log) or die;
	my $text = do { local $/; <$lf> };
	like($text, qr/incident \Q$incident\E/, "$bin: the number is in the log")
	    if $incident;
	like($text, qr/no-such-templates|login\.cs|error\.cs/,
	    "$bin: the log says what failed");
	unlike($r->{stderr} // "", qr/Sanitizer|runtime error/, "$bin: no sanitizer report");
	is($r->{exit}, 0, "$bin: exit status 0") if $bin =~ /asan/;
}

done_testing();
