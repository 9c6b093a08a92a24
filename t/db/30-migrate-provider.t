#!/usr/bin/perl
# Migrations at a provider: a MariaDB with binary logging, a database owner
# without SUPER holding only the privileges the README grants, the password
# given as MYSQL_OPTS="... -p".  This test starts its own throwaway
# mariadbd (--log-bin, socket only, under a temp dir), and checks that
# scripts/migrate.sh
# - asks the password once (through a terminal: script(1) gives it one),
#   never passes it on a command line or in an environment (a mariadb shim
#   records every call), and removes its 0600 option file;
# - refuses before applying anything while the server would refuse the
#   triggers (ERROR 1419), naming the exact setting; then, with that
#   setting, applies every migration, to the stack's schema;
# - completes after an interrupted run: a half-applied 001 (the issue's
#   "Table 'school' already exists"), half-applied 014 and 024, a run
#   killed half-way, and every migration applied a second time.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;
use File::Temp qw(tempdir);
use IPC::Open2 qw(open2);
use IO::Select;
use POSIX qw(WNOHANG);
use Time::HiRes qw(time sleep);

need_var();

my $t_start = time;
my $root = root_dir();
my $migrate = "$root/scripts/migrate.sh";
my $dir = tempdir('journal-30-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $sock = "$dir/mysqld.sock";
my $log = "$dir/mariadb.log";
my $me = getpwuid($>);
local $ENV{PATH} = "$ENV{PATH}:/usr/sbin:/sbin";

sub run_quiet {
	my (@cmd) = @_;
	my $pid = fork() // die "fork: $!\n";
	if (!$pid) {
		open(STDIN, '<', '/dev/null');
		open(STDOUT, '>>', $log);
		open(STDERR, '>&', \*STDOUT);
		exec(@cmd) or exit 127;
	}
	waitpid($pid, 0);
	return $? >> 8;
}

# --- the throwaway server: as scripts/stack.sh starts the stack's, plus binlog
is(run_quiet('mariadb-install-db', '--no-defaults', "--user=$me", "--datadir=$dir/db",
    '--auth-root-authentication-method=normal', '--skip-test-db'), 0, 'mariadb-install-db')
    or BAIL_OUT('no datadir: ' . `tail -n 20 $log`);
my $server = fork() // die "fork: $!\n";
if (!$server) {
	POSIX::setsid();
	open(STDIN, '<', '/dev/null');
	open(STDOUT, '>>', $log);
	open(STDERR, '>&', \*STDOUT);
	exec('mariadbd', '--no-defaults', "--user=$me", "--datadir=$dir/db",
	    "--socket=$sock", '--skip-networking', "--pid-file=$dir/mysqld.pid",
	    "--log-error=$log", "--log-bin=$dir/binlog", '--server-id=1',
	    '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci')
	    or exit 127;
}
# However the test ends: shut the server down and reap it.
END {
	if ($server) {
		system('mariadb-admin', '--no-defaults', '-S', $sock, '-uroot', 'shutdown')
		    if -S $sock;
		my $i = 0;
		while (waitpid($server, WNOHANG) == 0) {
			kill('TERM', $server) if $i == 300;
			kill('KILL', $server) if $i == 600;
			sleep 0.1;
			$i++;
		}
	}
}
my $up = 0;
for (1 .. 300) {
	if (system("mariadb-admin --no-defaults -S '$sock' -uroot ping >/dev/null 2>&1") == 0) { $up = 1; last }
	last if waitpid($server, WNOHANG) != 0;
	sleep 0.1;
}
ok($up, 'the throwaway MariaDB answers') or BAIL_OUT('mariadbd: ' . `tail -n 20 $log`);

# SQL on the throwaway server as its root; rows joined by tabs and newlines.
sub tsql {
	my ($q, $db) = @_;
	utf8::encode($q);
	my @cmd = ('mariadb', '--no-defaults', '-S', $sock, '-uroot',
	    '--default-character-set=utf8mb4', '-N', '-B', ($db ? ($db) : ()), '-e', $q);
	open(my $fh, '-|', @cmd) or die "mariadb: $!\n";
	binmode $fh, ':encoding(UTF-8)';
	my $out = do { local $/; <$fh> } // '';
	close $fh or die "mariadb failed: $q\n";
	chomp $out;
	return $out;
}

is(tsql('SELECT @@log_bin, @@log_bin_trust_function_creators'), "1\t0",
    'binary logging is on, log_bin_trust_function_creators off (a provider\'s default)');

# --- the owner: the README's grants, nothing else -----------------------------
my $readme = do { local (@ARGV, $/) = ("$root/README"); <> };
my ($grant) = $readme =~ /^\s*(GRANT\s[^;]*?\sON\s+journal\.\*\s+TO\s+'journal_owner'\@'localhost')/m;
ok($grant, 'the README grants the migrating account journal_owner') or diag('no GRANT ... TO journal_owner in README');
$grant //= 'GRANT ALL ON journal.* TO journal_owner@localhost';
$grant =~ s/\s+/ /g;
# A password that needs quoting in an option file and is not a word.
my $pw = "Па\"ро ль\\x'1";
tsql("CREATE DATABASE journal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    . " CREATE DATABASE journal2 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    . " CREATE USER 'journal_owner'\@'localhost' IDENTIFIED BY " . sq($pw) . ";"
    . " $grant; " . ($grant =~ s/journal\.\*/journal2.*/r));
my $grants = tsql("SHOW GRANTS FOR 'journal_owner'\@'localhost'");
unlike($grants, qr/\b(SUPER|ALL PRIVILEGES|BINLOG)\b/, 'the owner has no SUPER') or diag($grants);
like($grants, qr/GRANT .*TRIGGER.* ON `journal`\.\*/, 'the owner may create triggers on journal (TRIGGER)');

# --- a shim for mariadb: records every call's arguments and environment ------
my $real = `sh -c 'command -v mariadb'`;
chomp $real;
mkdir "$dir/bin" or die;
open(my $sh, '>', "$dir/bin/mariadb") or die;
print $sh <<"EOF";
#!/bin/sh
{
	printf 'CALL'; for a in "\$@"; do printf ' %s' "\$a"; done; printf '\\n'
	env | sed 's/^/ENV /'
	case \$1 in --defaults-*file=*) printf 'MODE %s\\n' "\$(stat -c %a "\${1#*=}")" ;; esac
} >>'$dir/calls.log'
exec '$real' "\$@"
EOF
close $sh;
chmod 0755, "$dir/bin/mariadb";

# Run migrate.sh as the owner with MYSQL_OPTS="... -p" through a terminal:
# answer the password prompt when it appears.  Returns (exit code, output).
sub migrate_tty {
	my ($db) = @_;
	local $ENV{PATH} = "$dir/bin:$ENV{PATH}";
	local $ENV{MYSQL_OPTS} = "--no-defaults -S $sock -ujournal_owner -p";
	local $ENV{DB_NAME} = $db // 'journal';
	local $ENV{TMPDIR} = $dir;
	delete local $ENV{VAR};
	unlink "$dir/calls.log";
	my $pid = open2(my $out, my $in, 'script', '-qefc', "sh '$migrate'", '/dev/null');
	binmode $out;
	my $sel = IO::Select->new($out);
	my ($text, $answered, $deadline) = ('', 0, time + 60);
	while (time < $deadline) {
		next unless $sel->can_read(1);
		my $n = sysread($out, my $buf, 4096);
		last if !defined $n || $n == 0;
		$text .= $buf;
		my $seen = $text;
		utf8::decode($seen);
		if (!$answered && $seen =~ /пароль MariaDB/) {
			my $p = $pw;
			utf8::encode($p);
			print $in "$p\n";
			$in->flush;
			$answered = 1;
		}
	}
	close $in;
	close $out;
	waitpid($pid, 0);
	my $rc = $? >> 8;
	utf8::decode($text);
	$text =~ s/\r//g;
	return ($rc, $text);
}

# Run migrate.sh as the owner, the password on stdin (no terminal).
sub migrate_stdin {
	my ($db) = @_;
	local $ENV{MYSQL_OPTS} = "--no-defaults -S $sock -ujournal_owner --password";
	local $ENV{DB_NAME} = $db // 'journal';
	local $ENV{TMPDIR} = $dir;
	delete local $ENV{VAR};
	my $pid = open2(my $out, my $in, 'sh', '-c', "sh '$migrate' 2>&1");
	my $p = $pw;
	utf8::encode($p);
	print $in "$p\n";
	close $in;
	my $text = do { local $/; <$out> } // '';
	close $out;
	waitpid($pid, 0);
	utf8::decode($text);
	return ($? >> 8, $text);
}

my @files = sort glob("$root/sql/[0-9][0-9][0-9]_*.sql");
my $versions = join(',', map { m{/0*(\d+)_[^/]*$} } @files);
sub versions { tsql("SELECT IFNULL(GROUP_CONCAT(version ORDER BY version), '') FROM schema_version", $_[0] // 'journal') }

# --- 1. binlog on, not trusted: refused before anything is applied --------------
my ($rc, $out) = migrate_stdin();
isnt($rc, 0, 'refused while the server would refuse the triggers');
like($out, qr/SET GLOBAL log_bin_trust_function_creators = 1;/, 'it names the exact statement for the host');
like($out, qr/\[mariadbd\]\):\n\s+log_bin_trust_function_creators = 1\n/, 'and the line for the server\'s config');
like($out, qr/Ни одна миграция не применена/, 'and says nothing was applied');
unlike($out, qr/применяю/, 'no migration was tried');
is(versions(), '', 'no migration is recorded');
is(tsql("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'journal' AND TABLE_NAME <> 'schema_version'"),
    0, 'no table was created');

# --- 2. the host sets it: one run, one prompt ----------------------------------
tsql('SET GLOBAL log_bin_trust_function_creators = 1');
my $t0 = time;
($rc, $out) = migrate_tty();
my $t_full = time - $t0;
is($rc, 0, 'migrations applied as the owner without SUPER') or diag($out);
my @prompts = $out =~ /пароль MariaDB/g;
is(scalar(@prompts), 1, 'the password is asked once');
unlike($out, qr/Enter password/i, 'the client never asks');
unlike($out, qr/\QПа"ро ль\E/, 'the password is not echoed');
like($out, qr/применено миграций: ${\ scalar(@files)},/, 'every migration applied in this run');
is(versions(), $versions, 'every migration is recorded');

my $calls = do { local (@ARGV, $/) = ("$dir/calls.log"); <> } // '';
utf8::decode($calls);
my @ncalls = $calls =~ /^CALL /mg;
ok(@ncalls >= @files, scalar(@ncalls) . ' client calls');
is(index($calls, 'ро ль'), -1, 'the password is in no argument and no environment of a client call');
my @modes = $calls =~ /^MODE (\d+)$/mg;
is(scalar(@modes), scalar(@ncalls), 'every client call reads the option file first');
is_deeply([ grep { $_ ne '600' } @modes ], [], 'the option file is 0600');
my @left = glob("$dir/journal-migrate.*");
is(scalar(@left), 0, 'the option file is removed on exit');

# --- the schema is the stack's --------------------------------------------------
sub schema {
	my ($db, $socket) = @_;
	my @dump = ('mariadb-dump', '--no-defaults', '-S', $socket, '-uroot',
	    '--no-data', '--skip-dump-date', '--skip-comments', '--triggers', $db,
	    '--ignore-table=' . "$db.schema_version");
	open(my $fh, '-|', @dump) or die;
	my $s = do { local $/; <$fh> };
	close $fh or die "mariadb-dump $db failed\n";
	$s =~ s/ AUTO_INCREMENT=\d+//g;
	$s =~ s/DEFINER=`[^`]*`@`[^`]*`//g;
	# The seed rows of the built-in tables are schema too.
	for my $t (qw(role scale_builtin scale_builtin_value work_kind_builtin)) {
		open(my $q, '-|', 'mariadb', '--no-defaults', '-S', $socket, '-uroot', '-N', '-B',
		    $db, '-e', "SELECT * FROM $t ORDER BY 1, 2") or die;
		$s .= "-- $t\n" . do { local $/; <$q> };
		close $q or die;
	}
	return $s;
}
my $stack_db = $ENV{JOURNAL_DB} // 'journal';
my $stack = schema($stack_db, var_dir() . '/run/mysqld.sock');
ok(length($stack) > 10000, 'the stack\'s schema is read');
sub same_schema {
	my ($db, $what) = @_;
	my $mine = schema($db, $sock);
	my $ok = is($mine eq $stack ? 1 : 0, 1, $what);
	if (!$ok) {
		open(my $a, '>', "$dir/a.sql"); print $a $stack; close $a;
		open(my $b, '>', "$dir/b.sql"); print $b $mine; close $b;
		diag(`diff '$dir/a.sql' '$dir/b.sql' | head -n 30`);
	}
}
same_schema('journal', 'the schema is the stack\'s');
like(tsql("SELECT GROUP_CONCAT(TRIGGER_NAME ORDER BY TRIGGER_NAME) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'journal'"),
    qr/^audit_no_delete,audit_no_update,school_work_kinds,staff_school$/, 'with its four triggers');

# --- 3. interrupted migrations re-run -------------------------------------------
# The issue's case: 001 applied up to its triggers (which failed), not recorded.
my $f001 = do { local (@ARGV, $/) = ($files[0]); <> };
my ($before_triggers) = $f001 =~ /\A(.*?)^CREATE OR REPLACE TRIGGER/ms;
ok($before_triggers, '001 has a part before its triggers');
{
	open(my $p, '|-', 'mariadb', '--no-defaults', '-S', $sock, '-uroot', 'journal2') or die;
	print $p $before_triggers;
	close $p or die "part of 001 failed\n";
}
ok(tsql("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'journal2' AND TABLE_NAME = 'school'"),
    'journal2 has the half of 001 (school exists)');
($rc, $out) = migrate_stdin('journal2');
is($rc, 0, 'a half-applied 001 is re-run to the end') or diag($out);
is(versions('journal2'), $versions, 'and every migration after it');
same_schema('journal2', 'to the stack\'s schema');

# 014 and 024 half-applied: their keys and constraints taken back, rows gone.
tsql('ALTER TABLE movement DROP FOREIGN KEY movement_ibfk_7;'
    . ' ALTER TABLE movement DROP KEY to_group_id;'
    . ' ALTER TABLE mark DROP KEY work_cover;'
    . ' DELETE FROM schema_version WHERE version >= 14', 'journal');
($rc, $out) = migrate_stdin();
is($rc, 0, 'half-applied 014 and 024 re-run') or diag($out);
is(versions(), $versions, 'and are recorded');
same_schema('journal', 'the schema is whole again');

# A run killed half-way (after its first migration), then run again.
tsql('DROP DATABASE journal2; CREATE DATABASE journal2 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
{
	local $ENV{MYSQL_OPTS} = "--no-defaults -S $sock -ujournal_owner -p";
	local $ENV{DB_NAME} = 'journal2';
	local $ENV{TMPDIR} = $dir;
	delete local $ENV{VAR};
	my $pid = open2(my $o, my $i, 'sh', $migrate);
	binmode $o, ':encoding(UTF-8)';
	my $p = $pw;
	utf8::encode($p);
	print $i "$p\n";
	close $i;
	my $seen = '';
	while (my $l = <$o>) {
		$seen .= $l;
		# Killed while the second file is being applied.
		if ($seen =~ /готово\n.*применяю/s) { kill('TERM', $pid); last }
	}
	close $o;
	waitpid($pid, 0);
	isnt($?, 0, 'the run is killed half-way');
	my @left = glob("$dir/journal-migrate.*");
	is(scalar(@left), 0, 'a killed run removes its option file too');
}
my $n_before = tsql('SELECT COUNT(*) FROM schema_version', 'journal2');
ok($n_before >= 1 && $n_before < @files, "the killed run recorded $n_before migration(s)");
($rc, $out) = migrate_stdin('journal2');
is($rc, 0, 'the killed run completes when run again') or diag($out);
is(versions('journal2'), $versions, 'every migration recorded');
same_schema('journal2', 'to the stack\'s schema');

# Every migration applied a second time over a complete schema.
tsql('DELETE FROM schema_version', 'journal');
$t0 = time;
($rc, $out) = migrate_stdin();
my $t_twice = time - $t0;
is($rc, 0, 'every migration applies a second time') or diag($out);
is(versions(), $versions, 'and is recorded');
same_schema('journal', 'the schema stays the stack\'s');

# A password written into MYSQL_OPTS (-pSECRET) is moved into the option
# file too: it reaches no client's command line.  The caller's own option
# file (here: the account and the socket) is still read.
{
	tsql("CREATE USER 'journal_owner2'\@'localhost' IDENTIFIED BY 'Plain-pw_30'; "
	    . ($grant =~ s/'journal_owner'/'journal_owner2'/r));
	open(my $cnf, '>', "$dir/owner2.cnf") or die;
	print $cnf "[client]\nuser=journal_owner2\nsocket=$sock\n";
	close $cnf;
	local $ENV{PATH} = "$dir/bin:$ENV{PATH}";
	local $ENV{MYSQL_OPTS} = "--defaults-extra-file=$dir/owner2.cnf -pPlain-pw_30";
	local $ENV{TMPDIR} = $dir;
	delete local $ENV{VAR};
	unlink "$dir/calls.log";
	my $o = `sh '$migrate' </dev/null 2>&1`;
	my $rc2 = $?;
	utf8::decode($o);
	is($rc2, 0, 'a run with -pSECRET works') or diag($o);
	like($o, qr/схема актуальна \(версия \d+\)/, 'and finds the schema up to date');
	my $c = do { local (@ARGV, $/) = ("$dir/calls.log"); <> } // '';
	like($c, qr/^CALL --defaults-extra-file=/m, 'its clients read the option file');
	is(index($c, 'Plain-pw_30'), -1, 'the password is on no client\'s command line');
}

diag(sprintf('full migration run (terminal, %d files) %.2f s; second application %.2f s; test %.1f s',
    scalar(@files), $t_full, $t_twice, time - $t_start));

done_testing();
