#!/usr/bin/perl
# The Debian package (debian/, make deb): it builds, lintian finds no error
# or warning, its files are in Debian's places, and it really installs on
# this machine (CI: a throwaway Debian 12, as root) the way an administrator
# installs it, non-interactively: dbconfig-common creates the database and
# the application's account in a MariaDB this test starts (its socket given
# to every client by MYSQL_UNIX_PORT, as /run/mysqld/mysqld.sock would be),
# the postinst applies the migrations; journal-new-school makes the school;
# a private Apache built from the system's enabled modules and the installed
# conf-available snippet serves /journal/, and the printed administrator
# logs in.  The nightly backup and the logrotate rule run too.  Then the
# package is purged, and the test checks that nothing it touched is left
# (files of the package, Apache's module and config state, debconf).
#
# Needs root (dpkg), no stack: it starts its own MariaDB (socket only) and
# Apache (port: the stack's web port + 5, else 8096).  One run at a time per
# machine (a lock), since the package is installed system-wide.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Cwd qw(abs_path);
use Encode qw(encode_utf8);
use Fcntl qw(:flock);
use File::Path qw(remove_tree);
use File::Temp qw(tempdir);
use IO::Socket::INET;
use Time::HiRes qw(time sleep);
use Test::More;
use JTest;

my $ROOT = abs_path(root_dir());
my $PKG  = 'school-journal';
my $WEB_PORT = 8096;
$WEB_PORT = $1 + 5 if ($ENV{JOURNAL_URL} // '') =~ m{:(\d+)(?:/|$)};

is($>, 0, 'runs as root (dpkg installs the package)') or BAIL_OUT('not root');

# One install at a time on this machine: an advisory lock on a file every
# Debian has and nobody else flocks (a lock file of our own would be left).
open(my $lockfh, '<', '/usr/bin/dpkg') or die "lock: $!\n";
flock($lockfh, LOCK_EX) or die "flock: $!\n";

my $pre = qx{dpkg-query -W -f='\${db:Status-Status}' $PKG 2>/dev/null} // '';
isnt($pre, 'installed', "$PKG is not installed before the test")
    or BAIL_OUT("$PKG is installed on this machine: the test would replace it");
ok(!-e '/etc/journal', '/etc/journal does not exist before the test')
    or BAIL_OUT('/etc/journal exists: the test would take it over');

my $tmp = tempdir('journal-deb-XXXXXX', TMPDIR => 1, CLEANUP => 0);
chmod 0755, $tmp;		# www-data reaches the fcgid socket dir
my %t;				# measured seconds

# ------------------------------------------------------------ global state
# What the install may touch outside the package's own files: listed now,
# and whatever is new at the end is removed (then compared again).
my @WATCH = qw(/etc/apache2/mods-enabled /etc/apache2/conf-enabled
    /etc/apache2/conf-available /var/lib/apache2 /etc/dbconfig-common
    /var/log/dbconfig-common /var/cache/dbconfig-common /etc/journal
    /var/log/school-journal /var/backups/journal /etc/cron.d /etc/logrotate.d
    /usr/lib/journal /usr/share/journal /usr/share/doc/school-journal);
sub snapshot {
	my %s;
	for my $d (@WATCH) {
		next unless -e $d || -l $d;
		for my $p (split /\n/, qx{find $d -print 2>/dev/null}) {
			$s{$p} = 1;
		}
	}
	return \%s;
}
my $before = snapshot();
my $made_policy = 0;
if (!-e '/usr/sbin/policy-rc.d') {
	# Keep the maintainer scripts from starting or reloading the system's
	# Apache (exit 101: "not allowed"), as scripts/deps.sh does.
	open(my $p, '>', '/usr/sbin/policy-rc.d') or die "policy-rc.d: $!\n";
	print {$p} "#!/bin/sh\n# temporary, from t/deb/10-package.t\nexit 101\n";
	close $p;
	chmod 0755, '/usr/sbin/policy-rc.d';
	$made_policy = 1;
}

my ($db_pid, $ap_pidfile);
my $installed = 0;
my $SOCK = "$tmp/mysqld.sock";
$ENV{MYSQL_UNIX_PORT} = $SOCK;	# every MariaDB client: dbconfig, migrate, the tools
$ENV{DEBIAN_FRONTEND} = 'noninteractive';
# The installed tools read the installed config, as the README runs them:
# not the test stack's, which scripts/test.sh names in JOURNAL_CONF.
delete $ENV{JOURNAL_CONF};

sub run_log {
	my ($cmd, $log) = @_;
	my $t0 = time;
	system(encode_utf8("$cmd >$log 2>&1"));
	my $rc = $? >> 8;
	return ($rc, time - $t0);
}
sub slurp { my ($f) = @_; open(my $h, '<:encoding(UTF-8)', $f) or return ''; local $/; return <$h> }
sub tail_of { my ($f) = @_; my @l = split /\n/, slurp($f); return join("\n", @l > 40 ? @l[-40 .. -1] : @l) }

sub cleanup {
	if ($ap_pidfile && -r $ap_pidfile) {
		chomp(my $p = slurp($ap_pidfile));
		if ($p =~ /^\d+$/) {
			kill 'TERM', $p;
			for (1 .. 100) { last unless kill 0, $p; sleep 0.1 }
		}
		$ap_pidfile = undef;
	}
	if ($installed) {
		system("dpkg --purge $PKG >$tmp/purge-cleanup.log 2>&1");
		$installed = 0;
	}
	if ($db_pid) {
		system("mariadb-admin --no-defaults -S $SOCK -uroot shutdown >/dev/null 2>&1");
		for (1 .. 300) { last unless kill 0, $db_pid; sleep 0.1 }
		kill 'KILL', $db_pid if kill 0, $db_pid;
		waitpid($db_pid, 0);
		$db_pid = undef;
	}
	# New entries of the watched places, deepest first (files, links, then
	# the directories they leave empty).
	my $after = snapshot();
	for my $p (sort { length($b) <=> length($a) } grep { !$before->{$_} } keys %$after) {
		if (-d $p && !-l $p) { rmdir $p } else { unlink $p }
	}
	unlink '/usr/sbin/policy-rc.d' if $made_policy;
	$made_policy = 0;
	remove_tree($tmp);
}
END { my $rc = $?; cleanup(); $? = $rc; }
$SIG{INT} = $SIG{TERM} = sub { exit 1 };

# ------------------------------------------------------------------- build
my ($rc, $dt) = run_log("make -C $ROOT deb", "$tmp/build.log");
$t{build} = $dt;
is($rc, 0, sprintf('make deb builds the package (%.0f s)', $dt))
    or do { diag(tail_of("$tmp/build.log")); BAIL_OUT('no package') };
my ($deb) = glob("$ROOT/build/deb/${PKG}_*.deb");
ok($deb && -f $deb, "the package is in build/deb/ (" . ($deb // 'none') . ')')
    or BAIL_OUT('no .deb');

# ----------------------------------------------------------------- lintian
($rc, $dt) = run_log("lintian -I --pedantic $deb", "$tmp/lintian.log");
my @lint = split /\n/, slurp("$tmp/lintian.log");
my @E = grep { /^E: / } @lint;
my @W = grep { /^W: / } @lint;
my @I = grep { /^[IPX]: / } @lint;
is(scalar @E, 0, 'lintian: no errors') or diag(join "\n", @E);
is(scalar @W, 0, 'lintian: no warnings') or diag(join "\n", @W);
my %itag; $itag{(split ' ', $_)[2]}++ for @I;
note("lintian info/pedantic tags: " . join(', ', map { "$_ ×$itag{$_}" } sort keys %itag));

# --------------------------------------------------------- the file list
my %files;
for (split /\n/, qx{dpkg-deb -c $deb}) {
	my @f = split ' ', $_, 6;
	(my $p = $f[5]) =~ s{^\./}{/};
	$p =~ s{ -> .*}{};
	$p =~ s{/$}{} unless $p eq '/';
	$files{$p} = $f[0];
}
my @want;
push @want, map { "/usr/lib/journal/cgi-bin/$_" }
    map { m{([^/]+)\.c$} } glob("$ROOT/cgi-bin/*.c");
push @want, map { m{(templates/[^/]+)$} ? "/usr/share/journal/$1" : () } glob("$ROOT/templates/*.cs");
push @want, map { m{(htdocs/.+)$} ? "/usr/share/journal/$1" : () }
    glob("$ROOT/htdocs/*.css $ROOT/htdocs/*.js $ROOT/htdocs/errors/*.html");
push @want, map { m{(sql/[^/]+)$} ? "/usr/share/journal/$1" : () } glob("$ROOT/sql/*.sql");
push @want, qw(/usr/sbin/journal-new-school /usr/sbin/journal-digest
    /usr/share/journal/scripts/migrate.sh /usr/share/journal/scripts/journal-backup
    /etc/journal/journal.hdf /etc/apache2/conf-available/school-journal.conf
    /etc/cron.d/school-journal /etc/logrotate.d/school-journal
    /usr/share/doc/school-journal/examples/nginx-journal.conf
    /usr/share/man/man8/journal-new-school.8.gz /usr/share/man/man8/journal-digest.8.gz);
my @missing = grep { !exists $files{$_} } @want;
is(scalar @missing, 0, scalar(@want) . ' expected files in the package (programs, templates, static, migrations, config, snippets)')
    or diag("missing: @missing");
like($files{'/usr/lib/journal/cgi-bin/login'} // '', qr/^-rwxr-xr-x/, 'the programs are executable');
like($files{'/etc/journal/journal.hdf'} // '', qr/^-rw-r-----/, 'journal.hdf is shipped 0640');
ok(!grep({ m{^/usr/local|^/var/log/journal} } keys %files), 'nothing under /usr/local or /var/log/journal (systemd-journald\'s)');
ok(!exists $files{'/usr/sbin/journal-upgrade'}, 'no journal-upgrade: the package upgrades with apt');
my $conffiles = qx{dpkg-deb -I $deb conffiles};
for my $c (qw(/etc/journal/journal.hdf /etc/apache2/conf-available/school-journal.conf
    /etc/cron.d/school-journal /etc/logrotate.d/school-journal)) {
	like($conffiles, qr/^\Q$c\E$/m, "$c is a conffile");
}
my $fields = qx{dpkg-deb -f $deb Depends Recommends};
like($fields, qr/dbconfig-mysql \| dbconfig-no-thanks/, 'depends on dbconfig-mysql (or dbconfig-no-thanks)');
like($fields, qr/libapache2-mod-fcgid/, 'recommends libapache2-mod-fcgid');

# ------------------------------------------- a MariaDB for dbconfig-common
mkdir "$tmp/db";
($rc) = run_log("mariadb-install-db --no-defaults --user=root --datadir=$tmp/db "
    . "--auth-root-authentication-method=normal --skip-test-db", "$tmp/install-db.log");
is($rc, 0, 'a fresh MariaDB data directory') or BAIL_OUT(tail_of("$tmp/install-db.log"));
$db_pid = fork() // die "fork: $!\n";
if ($db_pid == 0) {
	open(STDIN, '<', '/dev/null'); open(STDOUT, '>>', "$tmp/mariadb.log"); open(STDERR, '>&', \*STDOUT);
	setpgrp(0, 0);
	exec('mariadbd', '--no-defaults', '--user=root', "--datadir=$tmp/db", "--socket=$SOCK",
	    '--skip-networking', "--pid-file=$tmp/mysqld.pid", "--log-error=$tmp/mariadb.log",
	    '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci');
	exit 127;
}
my $up = 0;
for (1 .. 300) {
	if (system("mariadb-admin --no-defaults -S $SOCK -uroot ping >/dev/null 2>&1") == 0) { $up = 1; last }
	sleep 0.1;
}
ok($up, "MariaDB answers on $SOCK") or BAIL_OUT(tail_of("$tmp/mariadb.log"));
sub sql_root { my ($q) = @_; my $o = qx{mariadb --no-defaults -S $SOCK -uroot -N -B -e "$q" 2>&1}; chomp $o; return $o }

# --------------------------------------------------------------- install
my @mods = qw(alias headers rewrite fcgid);
my $t_inst = time;
($rc, $dt) = run_log("dpkg -i $deb", "$tmp/install.log");
$t{install} = $dt;
$installed = 1;
is($rc, 0, sprintf('dpkg -i installs and configures it non-interactively (%.1f s)', $dt))
    or diag(tail_of("$tmp/install.log"));
is(qx{dpkg-query -W -f='\${db:Status-Status}' $PKG}, 'installed', 'dpkg says installed');
my $log = slurp("$tmp/install.log");
like($log, qr/creating database journal: success/, 'dbconfig-common created the database');
like($log, qr/migrate: применено миграций: \d+/, 'the postinst applied the migrations');

my @sql = glob("$ROOT/sql/[0-9]*_*.sql");
my ($top) = sort { $b <=> $a } map { m{/0*(\d+)_[^/]+$} } @sql;
is(sql_root('SELECT COUNT(*), MAX(version) FROM journal.schema_version'), scalar(@sql) . "\t$top",
    'every migration is recorded in schema_version');
like(sql_root("SHOW GRANTS FOR 'journal'\@'localhost'"), qr/ON `journal`\.\*/,
    "the application's account journal\@localhost has the database");

sub stat_of { my @s = stat($_[0]) or return ''; return sprintf('%s:%s %04o', scalar getpwuid($s[4]), scalar getgrgid($s[5]), $s[2] & 07777) }
is(stat_of('/etc/journal/journal.hdf'), 'root:www-data 0640', 'journal.hdf is root:www-data 0640');
is(stat_of('/etc/journal/db.hdf'), 'root:www-data 0640', 'db.hdf (dbconfig-common) is root:www-data 0640');
my $dbhdf = slurp('/etc/journal/db.hdf');
my %dbc = map { /^\s*(\w+) = (.*)$/ ? ($1 => $2) : () } split /\n/, $dbhdf;
is("$dbc{name}/$dbc{user}/$dbc{host}", 'journal/journal/localhost', 'db.hdf names the database, the account, localhost');
ok(length($dbc{password} // '') >= 8, "db.hdf has dbconfig-common's generated password");
like(slurp('/etc/journal/journal.hdf'), qr{^#include "/etc/journal/db\.hdf"$}m, 'journal.hdf includes db.hdf');
is(stat_of('/var/log/school-journal'), 'www-data:adm 2750', 'the log directory /var/log/school-journal');
ok(-l '/etc/apache2/conf-enabled/school-journal.conf', 'the Apache snippet is enabled (conf-enabled)');
is(join(' ', grep { -e "/etc/apache2/mods-enabled/$_.load" } @mods), "@mods", "Apache modules enabled: @mods");

# ---------------------------------------------------- the first school
($rc) = run_log(q{journal-new-school --name 'МБОУ «Средняя общеобразовательная школа № 5»' }
    . q{--short 'МБОУ СОШ № 5' --admin 'Иванова Анна Петровна'}, "$tmp/new-school.log");
my $ns = slurp("$tmp/new-school.log");
is($rc, 0, 'journal-new-school creates the school with the installed config') or diag($ns);
my ($login) = $ns =~ /^Логин: (\S+)$/m;
my ($password) = $ns =~ /^Пароль: (\S+)$/m;
ok($login && $password, "it prints the administrator's login and password");

# ------------------------------------------ a private Apache, stock modules
mkdir "$tmp/ap"; chmod 0755, "$tmp/ap";
$ap_pidfile = "$tmp/ap/apache.pid";
open(my $hc, '>', "$tmp/ap/httpd.conf") or die;
print {$hc} <<EOF;
# The system's enabled modules and the package's enabled snippet, on a
# private port; only the runtime paths and the test's MariaDB socket differ.
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$WEB_PORT
PidFile $ap_pidfile
DefaultRuntimeDir $tmp/ap
ErrorLog $tmp/ap/error.log
User www-data
Group www-data
Mutex pthread default
# What /etc/apache2/envvars gives the stock configuration.
Define APACHE_LOG_DIR $tmp/ap
Define APACHE_RUN_DIR $tmp/ap
Define APACHE_LOCK_DIR $tmp/ap
Define APACHE_RUN_USER www-data
Define APACHE_RUN_GROUP www-data
TypesConfig /etc/mime.types
IncludeOptional /etc/apache2/mods-enabled/*.load
IncludeOptional /etc/apache2/mods-enabled/*.conf
FcgidIPCDir $tmp/ap/fcgid
FcgidProcessTableFile $tmp/ap/fcgid_shm
FcgidInitialEnv MYSQL_UNIX_PORT $SOCK
IncludeOptional /etc/apache2/conf-enabled/*.conf
EOF
close $hc;
ok(!IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $WEB_PORT, Timeout => 1),
    "port $WEB_PORT is free") or BAIL_OUT("port $WEB_PORT is taken");
($rc) = run_log("apache2 -f $tmp/ap/httpd.conf -k start", "$tmp/ap/start.log");
is($rc, 0, "Apache starts with the installed snippet (port $WEB_PORT)")
    or diag(slurp("$tmp/ap/start.log") . tail_of("$tmp/ap/error.log"));
my $listening = 0;
for (1 .. 100) {
	if (IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $WEB_PORT, Timeout => 1)) { $listening = 1; last }
	sleep 0.1;
}
ok($listening, 'Apache listens');

my $c = JTest::Client->new(base => "http://127.0.0.1:$WEB_PORT");
my $r = $c->get('/journal/');
is($r->status, 302, 'GET /journal/ → 302');
like($r->header('location') // '', qr{/journal/home$}, '... to /journal/home');
$r = $c->get('/journal/login');
status_is($r, 200, 'GET /journal/login → 200') or diag(tail_of('/var/log/school-journal/journal.log'));
like($r->text, qr{<form\b[^>]*\baction="/journal/login"}i, 'the login form posts to /journal/login');
like($r->text, qr{href="/journal/static/style\.css"}, 'the CSS is named under /journal/static');
status_is($c->get('/journal/static/style.css'), 200, 'GET /journal/static/style.css → 200');
status_is($c->get('/journal/nosuch-screen!'), 404, 'a name that is no screen → 404');
my $t0 = time;
$r = $c->post_form('/journal/login', [login => $login // '', password => $password // '',
    csrf => csrf_of($r->text) // '']);
$t{login} = time - $t0;
$t{first_login} = time - $t_inst;
is($r->status, 303, "the printed administrator logs in ($login)") or diag(res_diag($r));
# A printed password is changed at the first login (issue 21, item 8).
like($r->header('location') // '', qr{^(?:https?://[^/]+)?/journal/password$},
    '... and is sent to change the printed password under /journal/');
my $pw = $c->get('/journal/password');
$r = $c->post_form('/journal/password', [ csrf => csrf_of($pw->text) // '',
    current => $password // '', new => 'Свой-пароль-2026', new2 => 'Свой-пароль-2026' ]);
is($r->status, 303, '... which the administrator does') or diag(res_diag($r));
my $home = $c->get('/journal/home');
status_is($home, 200, 'GET /journal/home with the session → 200');
like($home->text, qr/Иванова/, "... the administrator's page");
like(slurp('/var/log/school-journal/journal.log'), qr/\Q$login\E/, 'the login is in /var/log/school-journal/journal.log');

# The nginx sample: nginx accepts it inside a server block (syntax only:
# it names the system's fcgiwrap socket).
open(my $nc, '>', "$tmp/nginx.conf") or die;
print {$nc} <<EOF;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { }
http {
    include /etc/nginx/mime.types;
    access_log off;
    server {
        listen 127.0.0.1:$WEB_PORT;
        include /usr/share/doc/school-journal/examples/nginx-journal.conf;
    }
}
EOF
close $nc;
($rc) = run_log("nginx -t -e $tmp/nginx-error.log -p $tmp -c $tmp/nginx.conf", "$tmp/nginx-t.log");
is($rc, 0, 'nginx -t accepts the nginx sample') or diag(slurp("$tmp/nginx-t.log"));

# An upgrade's path (the same version again): configure runs with the old
# version, dbconfig-common keeps its answers, the migrations are all there.
($rc, $dt) = run_log("dpkg -i $deb", "$tmp/reinstall.log");
is($rc, 0, sprintf('installing it again (the upgrade path) succeeds (%.1f s)', $dt))
    or diag(tail_of("$tmp/reinstall.log"));
like(slurp("$tmp/reinstall.log"), qr/migrate: схема актуальна \(версия $top\)/, '... and finds the schema up to date');
is(slurp('/etc/journal/db.hdf'), $dbhdf, '... db.hdf unchanged (the same password)');
status_is($c->get('/journal/home'), 200, '... the session still works');

# ----------------------------------------------- backup, logrotate, cron
my $bdir = "$tmp/backups";
mkdir $bdir;
open(my $old, '>', "$bdir/journal-2000-01-01.sql.gz") or die; close $old;
utime(946684800, 946684800, "$bdir/journal-2000-01-01.sql.gz");
($rc) = run_log("KEEP_DAYS=3 BACKUP_DIR=$bdir /usr/share/journal/scripts/journal-backup", "$tmp/backup.log");
is($rc, 0, 'journal-backup dumps the database') or diag(slurp("$tmp/backup.log"));
my @dumps = glob("$bdir/journal-*.sql.gz");
is(scalar @dumps, 1, '... one dump; the one older than KEEP_DAYS is deleted') or diag("@dumps");
my $dump = @dumps ? qx{zcat $dumps[0]} : '';
ok($dump =~ /CREATE TABLE `school`/, '... with the schema');
ok($dump =~ /INSERT INTO `school` VALUES\s*\(1,/, '... and the data (the school)');
($rc) = run_log('logrotate -d /etc/logrotate.d/school-journal', "$tmp/logrotate.log");
is($rc, 0, 'logrotate accepts /etc/logrotate.d/school-journal') or diag(slurp("$tmp/logrotate.log"));
my @cron = grep { /^\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+/ && !/^#|^\w+=/ } split /\n/, slurp('/etc/cron.d/school-journal');
is(scalar @cron, 2, 'cron.d: two jobs');
like($cron[0] // '', qr{^0 19 \* \* \*\s+www-data\s+.*journal-digest}, '... the digest as www-data');
like($cron[1] // '', qr{\sroot\s.*/usr/share/journal/scripts/journal-backup}, '... the backup as root');

# ----------------------------------------------------------------- purge
my ($ap_pid) = slurp($ap_pidfile) =~ /(\d+)/;
kill 'TERM', $ap_pid if $ap_pid;
for (1 .. 100) { last unless $ap_pid && kill 0, $ap_pid; sleep 0.1 }
ok(!($ap_pid && kill 0, $ap_pid), 'Apache stopped');
$ap_pidfile = undef;
($rc, $dt) = run_log("dpkg --purge $PKG", "$tmp/purge.log");
$t{purge} = $dt;
is($rc, 0, sprintf('dpkg --purge (%.1f s)', $dt)) or diag(tail_of("$tmp/purge.log"));
$installed = 0 if $rc == 0;
ok(!-e $_, "purge removes $_") for qw(/etc/journal /var/log/school-journal
    /etc/apache2/conf-enabled/school-journal.conf /etc/dbconfig-common/school-journal.conf
    /usr/lib/journal /usr/share/journal /etc/cron.d/school-journal);
is(qx{debconf-show $PKG 2>/dev/null}, '', 'purge leaves no debconf answers');
is(qx{grep -l school-journal /var/lib/ucf/registry 2>/dev/null}, '', 'nor a ucf registration');

cleanup();
my $left = snapshot();
my @left = sort grep { !$before->{$_} } keys %$left;
my @gone = sort grep { !$left->{$_} } keys %$before;
is("@left", '', 'nothing new is left in the watched places');
is("@gone", '', 'nothing that was there is gone');
note(sprintf('times: make deb %.0f s, dpkg -i %.1f s, from dpkg -i to the first login %.1f s, login POST %.2f s, purge %.1f s',
    $t{build} // 0, $t{install} // 0, $t{first_login} // 0, $t{login} // 0, $t{purge} // 0));

done_testing();
