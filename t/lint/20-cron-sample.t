#!/usr/bin/perl
# The cron sample for journal-digest (conf/cron-journal) as `make install`
# writes it: every path in its job is where that same install put the
# program and the config, so copying it to /etc/cron.d works as it is
# (issue 21: the README's line named /etc/journal/ and no program path).
# Installs into a temporary DESTDIR with the build's own PREFIX.
use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname);
use File::Temp qw(tempdir);
use Test::More;

my $root = dirname(dirname(dirname(abs_path(__FILE__))));
my $dest = tempdir(CLEANUP => 1);

ok(-x "$root/build/tools/digest", 'journal-digest is built (make all)')
    or BAIL_OUT('no build');
my $out = `make -s -C "$root" install DESTDIR="$dest" 2>&1`;
is($?, 0, 'make install DESTDIR= succeeds') or diag($out);

my @samples = glob("$dest/*/share/journal/conf/cron-journal $dest/*/*/share/journal/conf/cron-journal");
is(scalar @samples, 1, 'the cron sample is installed with the other samples') or BAIL_OUT('no sample');
open(my $fh, '<', $samples[0]) or die;
my @jobs = grep { /^[0-9*]/ } <$fh>;
close $fh;
is(scalar @jobs, 1, 'one job in it');
my ($m, $h, $dom, $mon, $dow, $user, $cmd) = split ' ', $jobs[0] // '', 7;
is($user, 'www-data', 'run as the web server\'s user (/etc/cron.d format)');
my ($conf) = ($cmd // '') =~ /\bJOURNAL_CONF=(\S+)/;
my ($prog) = ($cmd // '') =~ /\bJOURNAL_CONF=\S+\s+(\S+)/;
like($conf // '', qr{^/}, "the config by its full path: $conf");
ok(defined $conf && -f "$dest$conf", '... where make install put journal.hdf');
like($prog // '', qr{^/.*/journal-digest$}, "the program by its full path: $prog");
ok(defined $prog && -x "$dest$prog", '... where make install put journal-digest');
like($cmd // '', qr/\|\s*logger -t journal-digest\s*$/, 'its report goes to the system journal, not to a mail that cannot leave');

done_testing();
