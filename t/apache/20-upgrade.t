#!/usr/bin/perl
# scripts/upgrade.sh (issue 21, item 7) against a throwaway copy: a second
# database in the stack's MariaDB migrated to an older release, its own
# config lacking two keys of the new sample, and spawn-fcgi workers whose
# binaries were replaced under them (as `make install` does).  It must
# leave a dated backup that restores to the data before the upgrade,
# migrate the database to the newest version, list the missing keys with
# the sample's values (and the unknown one), and replace the workers (new
# pids, none running a deleted binary).  Then the same against the stack's
# Apache: a graceful restart ends every mod_fcgid process.  Proved on
# Apache only (t/apache/); the stack's pools are filled again at the end
# (stack.sh warm) for the tests after this one.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(decode);
use File::Temp qw(tempdir);
use IO::Socket::UNIX;
use Time::HiRes qw(time sleep);
use Test::More;
use JTest;

need_stack();
my $root = root_dir();
my $var = var_dir();
my $sock = "$var/run/mysqld.sock";
my $db = 'journal_upg' . ($$ % 100000);
my $rdb = "${db}_r";
my $tmp = tempdir('upgrade-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my @spawned;

sub alive {
	my ($p) = @_;
	open(my $fh, '<', "/proc/$p/stat") or return 0;
	my $st = <$fh> // '';
	return $st =~ /\) ([A-Za-z])/ && $1 !~ /[ZXx]/;
}
sub pids_in { my ($f) = @_; open(my $fh, '<', $f) or return (); local $/; return grep { /^\d+$/ } split /\s+/, <$fh> }
sub sh_out { my $o = qx{$_[0] 2>&1}; return ($? >> 8, $o) }
sub root_sql { my ($d, $q) = @_; local $ENV{JOURNAL_DB} = $d; return sql($q) }

END {
	kill 'TERM', grep { alive($_) } @spawned, map { pids_in($_) } glob("$tmp/fcgi/*.pid") if $tmp;
	eval { sql("DROP DATABASE IF EXISTS `$db`"); sql("DROP DATABASE IF EXISTS `$rdb`") } if $var;
}

# --- an older release's database ------------------------------------------------
my @migrations = sort { ($a =~ m{/(\d+)_})[0] <=> ($b =~ m{/(\d+)_})[0] } glob("$root/sql/[0-9]*_*.sql");
my ($newest) = $migrations[-1] =~ m{/0*(\d+)_};
mkdir "$tmp/sql-old";
symlink($_, "$tmp/sql-old/" . ($_ =~ s{.*/}{}r)) for @migrations[0 .. $#migrations - 2];
my ($old) = $migrations[-3] =~ m{/0*(\d+)_};
sql("DROP DATABASE IF EXISTS `$db`");
sql("CREATE DATABASE `$db` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
my ($rc, $out) = sh_out("VAR='$var' DB_NAME='$db' SQLDIR='$tmp/sql-old' sh '$root/scripts/migrate.sh'");
is($rc, 0, "the throwaway database migrated to the older release (version $old)") or diag($out);
root_sql($db, "CREATE TABLE upgrade_marker (v VARCHAR(40)) ENGINE=InnoDB;"
    . " INSERT INTO upgrade_marker VALUES ('перед обновлением')");

# --- its config: the sample without two keys, with one unknown key ---------------
open(my $in, '<:encoding(UTF-8)', "$root/conf/journal.hdf") or die $!;
my $conf_text = do { local $/; <$in> };
close $in;
$conf_text =~ s/^\s*hello = 0\n//m or die 'no app.hello in the sample';
$conf_text =~ s/^\s*max_attempts = 8\n//m or die 'no mail.max_attempts in the sample';
$conf_text .= "db.name = $db\napp.old_key = 1\n";
open(my $o, '>:encoding(UTF-8)', "$tmp/journal.hdf") or die $!;
print {$o} $conf_text;
close $o;

# --- spawn-fcgi workers, then their binaries replaced (make install) -------------
mkdir "$tmp/bin";
mkdir "$tmp/fcgi";
my $build = cgi_bin_dir();
system('install', '-m', '0755', "$build/$_", "$tmp/bin/$_") == 0 or die "install $_" for qw(hello login);
my %procs = (hello => 2, login => 1);
for my $name (sort keys %procs) {
	($rc, $out) = sh_out("env -i PATH=/usr/bin:/bin JOURNAL_CONF='$var/journal.hdf' spawn-fcgi"
	    . " -s '$tmp/fcgi/$name.sock' -M 0660 -F $procs{$name} -P '$tmp/fcgi/$name.pid' -- '$tmp/bin/$name'");
	is($rc, 0, "spawn-fcgi started $name") or diag($out);
	push @spawned, pids_in("$tmp/fcgi/$name.pid");
}
is(scalar(grep { alive($_) } @spawned), 3, 'three old workers run');
system('install', '-m', '0755', "$build/$_", "$tmp/bin/$_") == 0 or die "install $_" for qw(hello login);
is(scalar(grep { (readlink("/proc/$_/exe") // '') =~ / \(deleted\)$/ } @spawned), 3,
    'after the new install they run deleted binaries');

# --- the upgrade -----------------------------------------------------------------------
my $t0 = time;
($rc, $out) = sh_out("VAR='$var' CONF='$tmp/journal.hdf' BACKUP_DIR='$tmp/backups' BINDIR='$tmp/bin'"
    . " WORKERS=spawn SPAWN_DIR='$tmp/fcgi' INSTALL=0 sh '$root/scripts/upgrade.sh'");
my $took = time - $t0;
my $up = decode('UTF-8', $out);
is($rc, 0, sprintf('upgrade.sh succeeds (%.1f s)', $took)) or diag($up);
note($up);

# The backup: dated, private, and it restores to the data before the upgrade.
my @backups = glob("$tmp/backups/$db-*.sql.gz");
is(scalar @backups, 1, 'one backup file') or diag(`ls -l $tmp/backups`);
like($backups[0] // '', qr{/\Q$db\E-\d{8}-\d{6}\.sql\.gz$}, 'named by the database and the time');
is(sprintf('%o', (stat($backups[0] // ''))[2] & 0777), '600', 'readable by its owner only');
sql("DROP DATABASE IF EXISTS `$rdb`");
sql("CREATE DATABASE `$rdb` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
($rc, $out) = sh_out("gunzip -c '$backups[0]' | mariadb --no-defaults -S '$sock' -uroot '$rdb'");
is($rc, 0, 'the backup restores') or diag($out);
is((root_sql($rdb, 'SELECT v FROM upgrade_marker'))[0][0], 'перед обновлением', 'the restored copy has the data');
is((root_sql($rdb, 'SELECT MAX(version) FROM schema_version'))[0][0], $old, "... at the version before the upgrade ($old)");
is((root_sql($db, 'SELECT MAX(version) FROM schema_version'))[0][0], $newest, "the database is migrated to $newest");

# The config keys.
like($up, qr/^\s+app\.hello = 0$/m, 'missing key listed with the sample value: app.hello = 0');
like($up, qr/^\s+mail\.max_attempts = 8$/m, 'missing key listed: mail.max_attempts = 8');
unlike($up, qr/^\s+db\.name = /m, 'a key the config has is not listed');
like($up, qr/^\s+app\.old_key$/m, 'the key the sample does not know is named');
unlike(do { open(my $f, '<', "$tmp/journal.hdf"); local $/; <$f> }, qr/max_attempts/, 'the config file is not rewritten');

# The workers: new pids, the old ones gone, none on a deleted binary.
my @new;
for my $name (sort keys %procs) {
	my @p = pids_in("$tmp/fcgi/$name.pid");
	is(scalar @p, $procs{$name}, "$name: as many new workers as before ($procs{$name})");
	push @new, @p;
	open(my $f, '<', "$tmp/fcgi/$name.pid") or die $!;
	my $pf = do { local $/; <$f> };
	like($pf, qr/\n\z/, "$name: the pid file ends with a newline");
	ok(IO::Socket::UNIX->new(Peer => "$tmp/fcgi/$name.sock"), "$name: its socket accepts connections");
}
push @spawned, @new;
is(scalar(grep { alive($_) } @new), 3, 'the new workers run');
my %was = map { $_ => 1 } @spawned[0 .. 2];
is(scalar(grep { $was{$_} } @new), 0, 'they are new processes (pids changed)');
is(scalar(grep { alive($_) } keys %was), 0, 'the old workers are gone');
is(scalar(grep { (readlink("/proc/$_/exe") // '') !~ m{^\Q$tmp\E/bin/\w+$} } @new), 0,
    'the new workers run the installed (not deleted) binaries');

# A second run: nothing to migrate, a second backup, still fine.
($rc, $out) = sh_out("DRY_RUN=1 VAR='$var' CONF='$tmp/journal.hdf' BACKUP_DIR='$tmp/backups' BINDIR='$tmp/bin'"
    . " WORKERS=spawn SPAWN_DIR='$tmp/fcgi' INSTALL=0 sh '$root/scripts/upgrade.sh'");
is($rc, 0, 'a dry run succeeds') or diag($out);
is(scalar(() = glob("$tmp/backups/$db-*.sql.gz")), 2, '... and makes its backup too');
is(join(' ', sort map { pids_in($_) } glob("$tmp/fcgi/*.pid")), join(' ', sort @new), '... but restarts nothing');

# --- Apache + mod_fcgid: a graceful restart replaces every process -------------------
my $c = client();
status_is($c->get('/login'), 200, 'the stack serves /login');
my @fcgid;
for my $d (glob('/proc/[0-9]*')) {
	push @fcgid, $d =~ s{/proc/}{}r if (readlink("$d/exe") // '') =~ m{^\Q$build\E/};
}
ok(@fcgid > 0, scalar(@fcgid) . ' mod_fcgid processes before');
$t0 = time;
($rc, $out) = sh_out("VAR='$var' CONF='$tmp/journal.hdf' BACKUP_DIR='$tmp/backups' BINDIR='$build'"
    . " WORKERS=apache APACHE_RESTART='apache2 -f $var/apache/httpd.conf -k graceful' INSTALL=0"
    . " PATH=\$PATH:/usr/sbin:/sbin sh '$root/scripts/upgrade.sh'");
is($rc, 0, sprintf('upgrade.sh with a graceful Apache restart (%.1f s)', time - $t0)) or diag($out);
is(scalar(grep { alive($_) && (readlink("/proc/$_/exe") // '') =~ m{^\Q$build\E/} } @fcgid), 0,
    'no mod_fcgid process of before is left');
status_is($c->get('/login'), 200, 'the stack serves /login after it');

# Fill the pools again, as the stack started them, for the tests after this one.
($rc, $out) = sh_out("VAR='$var' sh '$root/scripts/stack.sh' warm");
is($rc, 0, 'the pools filled again') or diag($out);

done_testing();
