#!/usr/bin/perl
# The source install as README's Deployment section tells an administrator
# to do it, on a stock Debian Apache:
# - `make install PREFIX=/usr SYSCONFDIR=/etc DESTDIR=<clean root>` (a copy
#   of the sources, so build/ of the checkout is left alone) puts every file
#   where README says, the config group www-data 0640, the log directory
#   /var/log/school-journal owned by www-data, the samples with the
#   installed paths filled in and no /usr/local left anywhere;
# - Debian's /etc/apache2, copied into a temporary ServerRoot, with the
#   shipped site (apache-journal.conf) enabled by a2enmod/a2ensite exactly
#   as README says, serves the installed programs through mod_fcgid, and a
#   user logs in (GET /login, POST with csrf, /home shows the name);
# - the same tree with the plain-CGI snippet (apache-journal-cgi.conf, mod_cgid)
#   serves them under /cgi-bin/ with the static files under /journal-static,
#   and the user logs in there too (links and cookie path under /cgi-bin).
# Only what a test must change differs from README: ports, pid/log/socket
# paths in the temporary directory, and the installed paths relocated under
# DESTDIR.  Needs root (Apache switches to www-data, files get www-data's
# group), the stack's database (its db.* settings) and its ports: the two
# Apaches listen on the stack's web port + 3 and + 4.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use File::Path ();
use File::Temp qw(tempdir);
use HTTP::Tiny;
use IO::Socket::INET;
use Time::HiRes qw(time sleep);
use Test::More;
use JTest;

need_stack();
is($>, 0, 'run as root (make test runs as root): Apache must switch to www-data')
    or BAIL_OUT('not root');

my $root = root_dir();
my ($stack_port) = base_url() =~ m{:(\d+)$} or BAIL_OUT('no port in JOURNAL_URL');
my $FCGI_PORT = $stack_port + 3;
my $CGI_PORT = $stack_port + 4;
my $www_uid = getpwnam('www-data') // BAIL_OUT('no user www-data');
my $www_gid = getgrnam('www-data') // BAIL_OUT('no group www-data');

my $top = tempdir('journal-install-XXXXXX', TMPDIR => 1, CLEANUP => !$ENV{KEEP});
chmod 0755, $top;		# www-data walks into it
my $R = "$top/root";		# DESTDIR
my @started;			# Apache ServerRoots to stop
END {
	local $?;
	stop_apache($_) for @started;
}

sub sh {
	my ($cmd) = @_;
	my $out = `$cmd 2>&1`;
	utf8::decode($out);
	return ($? == 0, $out);
}

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:raw', $f) or return undef;
	local $/;
	my $t = <$fh>;
	return $t;
}

sub spew {
	my ($f, $t) = @_;
	open(my $fh, '>:raw', $f) or die "$f: $!\n";
	print {$fh} $t;
	close $fh or die "$f: $!\n";
}

# ------------------------------------------------------------ make install
my $src = "$top/src";
mkdir $src or die "$src: $!\n";
my ($ok, $out) = sh("cd '$root' && cp -a Makefile lib cgi-bin tools templates htdocs sql scripts conf '$src'/");
ok($ok, 'the sources are copied') or diag($out);
my $t0 = time;
($ok, $out) = sh("cd '$src' && make -s -j2 install PREFIX=/usr SYSCONFDIR=/etc DESTDIR='$R'");
ok($ok, 'make install PREFIX=/usr SYSCONFDIR=/etc DESTDIR=... succeeds')
    or diag($out);
note(sprintf('build and install: %.1f s', time - $t0));

# Without SYSCONFDIR, PREFIX=/usr puts the config in /etc (no /usr/etc).
($ok, $out) = sh("cd '$src' && make -n install PREFIX=/usr DESTDIR='$top/dry'");
ok($ok && $out =~ m{\Q$top\E/dry/etc/journal/journal\.hdf} && $out !~ m{/usr/etc},
    'make install PREFIX=/usr: the config in /etc/journal') or diag($out);

my @screens = map { m{/([a-z0-9_]+)\.c$} ? $1 : () } glob("$root/cgi-bin/*.c");
my $bindir = "$R/usr/lib/journal/cgi-bin";
my @missing = grep { !-x "$bindir/$_" } @screens;
ok(@screens > 30 && !@missing, scalar(@screens) . " programs in /usr/lib/journal/cgi-bin")
    or diag("missing: @missing");
ok(-x "$R/usr/sbin/$_", "/usr/sbin/$_") for qw(journal-new-school journal-digest);
my $share = "$R/usr/share/journal";
ok(-f "$share/templates/login.cs" || glob("$share/templates/*.cs"), 'templates in /usr/share/journal/templates');
ok(-f "$share/htdocs/style.css" && -f "$share/htdocs/errors/404.html", 'static files and error pages in /usr/share/journal/htdocs');
ok(scalar(() = glob("$share/sql/*.sql")) >= 1 && -x "$share/scripts/migrate.sh", 'migrations and migrate.sh');

# The config: the database password is in it, the workers (www-data) read it.
my $conf = "$R/etc/journal/journal.hdf";
my @st = stat $conf;
ok(@st, '/etc/journal/journal.hdf installed') or BAIL_OUT("no $conf");
is(sprintf('%04o', $st[2] & 07777), '0640', 'journal.hdf mode 0640');
is($st[4], 0, 'journal.hdf owned by root');
is($st[5], $www_gid, 'journal.hdf group www-data: the web server reads it at once');
my $ctext = slurp($conf);
unlike($ctext, qr{/usr/local}, 'no /usr/local path in the config of a PREFIX=/usr install');
like($ctext, qr{^\s*log = /var/log/school-journal/journal\.log$}m, 'the log under /var/log/school-journal');
unlike($ctext, qr{/var/log/journal/}, "not in systemd-journald's /var/log/journal");
# The compiled-in defaults follow PREFIX and SYSCONFDIR.
my $bin = slurp("$bindir/login") // '';
ok(index($bin, '/etc/journal/journal.hdf') >= 0 && index($bin, '/usr/share/journal/templates') >= 0,
    'the programs default to /etc/journal/journal.hdf and /usr/share/journal/templates');
ok(index($bin, '/usr/local/') < 0, 'no /usr/local compiled into the programs');

my $logdir = "$R/var/log/school-journal";
@st = stat $logdir;
ok(@st && -d _, '/var/log/school-journal created');
is($st[4], $www_uid, 'the log directory belongs to www-data');
is(sprintf('%04o', $st[2] & 07777), '0750', 'the log directory mode 0750');

for my $f (qw(apache-journal.conf apache-journal-cgi.conf nginx-journal.conf
    nginx-spawn-fcgi.conf logrotate-journal journal.hdf.sample)) {
	my $t = slurp("$share/conf/$f");
	ok(defined $t, "sample conf/$f installed") or next;
	unlike($t, qr{/usr/local|\@[A-Z_]+\@},
	    "conf/$f: the installed paths filled in");
}
my $site = slurp("$share/conf/apache-journal.conf") // '';
like($site, qr{^\s*ServerName \S+}m, 'the Apache site names its ServerName');
like($site, qr{AliasMatch .*"/usr/lib/journal/cgi-bin/\$1"}, 'the site points at /usr/lib/journal/cgi-bin');
like(slurp("$share/conf/logrotate-journal") // '', qr{^/var/log/school-journal/\*\.log \{}m,
    'the logrotate sample rotates /var/log/school-journal');

# A second install keeps the administrator's config (and its group), and
# says so when it names the templates of an install with another PREFIX.
my $orig = slurp($conf);
spew($conf, $orig . "# edited by the administrator\npaths.templates = /usr/local/share/journal/templates\n");
($ok, $out) = sh("cd '$src' && make -s install PREFIX=/usr SYSCONFDIR=/etc DESTDIR='$R'");
ok($ok && slurp($conf) =~ /edited by the administrator/ && (stat $conf)[5] == $www_gid,
    'make install again keeps the edited journal.hdf, group www-data') or diag($out);
like($out, qr{ВНИМАНИЕ: \S+journal\.hdf называет другой каталог шаблонов},
    'make install warns of /usr/local templates kept in the config of a PREFIX=/usr install');
spew($conf, $orig);

# The installed config, as the administrator fills it (README step 2): the
# stack's database; the paths relocated under DESTDIR (the test's only change).
my $stack_conf = slurp($ENV{JOURNAL_CONF} // var_dir() . '/journal.hdf') // BAIL_OUT('no stack config');
my @db = $stack_conf =~ /^(db\.\w+ = .*)$/mg;
ok(@db >= 3, 'db.* settings of the stack') or BAIL_OUT('no db settings');
spew($conf, slurp($conf) . join("\n", '# test: the stack\'s database, paths under DESTDIR', @db,
    "paths.templates = $share/templates", "paths.log = $logdir/journal.log", ''));

# ------------------------------------------------------------ Apache
# Relocate the installed paths of a sample under DESTDIR.
sub relocate {
	my ($t) = @_;
	$t =~ s{(?<![\w/])(/usr/lib/journal|/usr/share/journal|/etc/journal)\b}{$R$1}g;
	return $t;
}

# Debian's /etc/apache2 copied as it is; only its ports and the paths of
# pid, logs and sockets changed to the temporary directory.
sub stock_apache {
	my ($name, $port) = @_;
	my $A = "$top/$name";
	mkdir $A or die "$A: $!\n";
	my ($ok, $out) = sh("cp -a /etc/apache2 '$A/apache2'");
	ok($ok, "$name: Debian's /etc/apache2 copied") or diag($out);
	mkdir "$A/$_" for qw(run lock log state);
	spew("$A/apache2/envvars", slurp("$A/apache2/envvars") . <<EOF);
# test: pid, logs and sockets in the temporary directory
export APACHE_PID_FILE=$A/run/apache2.pid
export APACHE_RUN_DIR=$A/run
export APACHE_LOCK_DIR=$A/lock
export APACHE_LOG_DIR=$A/log
EOF
	my $ports = slurp("$A/apache2/ports.conf");
	$ports =~ s/^Listen 80$/Listen 127.0.0.1:$port/m or die "no Listen 80 in ports.conf\n";
	spew("$A/apache2/ports.conf", $ports);
	my $def = "$A/apache2/sites-available/000-default.conf";
	my $d = slurp($def);
	$d =~ s/<VirtualHost \*:80>/<VirtualHost *:$port>/;
	spew($def, $d);
	# mod_fcgid's sockets and table (default /var/lib/apache2/fcgid) too.
	spew("$A/apache2/mods-available/fcgid.conf",
	    slurp("$A/apache2/mods-available/fcgid.conf")
	    . "FcgidIPCDir $A/fcgid\nFcgidProcessTableFile $A/fcgid_shm\n");
	return $A;
}

# Run a2enmod & co. on the copy (they honour APACHE_CONFDIR).
sub a2 {
	my ($A, $cmd) = @_;
	my ($ok, $out) = sh("APACHE_CONFDIR='$A/apache2' APACHE_STATE_DIRECTORY='$A/state' $cmd");
	ok($ok, "$cmd") or diag($out);
	return $out;
}

sub apache_env { my ($A) = @_; return "APACHE_CONFDIR='$A/apache2' && . '$A/apache2/envvars' && export APACHE_CONFDIR" }

sub start_apache {
	my ($A, $port) = @_;
	my ($ok, $out) = sh(apache_env($A) . " && apache2 -d '$A/apache2' -t");
	ok($ok, 'apache2 -t: the configuration is valid') or diag($out);
	($ok, $out) = sh(apache_env($A) . " && apache2 -d '$A/apache2' -k start");
	ok($ok, "Apache starts on port $port") or diag($out, slurp("$A/log/error.log") // '');
	push @started, $A if $ok;
	# Wait until it answers.
	my $up = 0;
	for (1 .. 100) {
		my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port, Timeout => 1);
		if ($s) { $up = 1; close $s; last }
		sleep 0.05;
	}
	ok($up, "port $port answers");
}

sub stop_apache {
	my ($A) = @_;
	my $pidf = "$A/run/apache2.pid";
	my $pid = (slurp($pidf) // '') =~ /(\d+)/ ? $1 : undef;
	system('sh', '-c', apache_env($A) . " && apache2 -d '$A/apache2' -k stop >/dev/null 2>&1");
	return unless $pid;
	for (1 .. 100) {
		last unless kill 0, $pid;
		sleep 0.05;
	}
	kill 'KILL', $pid if kill 0, $pid;
	# mod_fcgid's or mod_cgid's children of that server.
	for my $d (glob '/proc/[0-9]*') {
		my $st = slurp("$d/stat") // next;
		my ($ppid) = $st =~ /\) \S (\d+)/;
		kill 'KILL', substr($d, 6) if defined $ppid && $ppid == $pid;
	}
	@started = grep { $_ ne $A } @started;
}

# GET /login, POST it with the csrf, follow to home: the user's name shown.
sub login_through {
	my ($label, $port, $prefix, $acct, $host) = @_;
	# The name of the site's ServerName: sent as a proxy request's absolute
	# URI (HTTP::Tiny sets Host from the URL), which Apache serves itself.
	my $c = client(base => "http://$host:$port");
	$c->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 30,
	    keep_alive => 0, proxy => "http://127.0.0.1:$port");
	my $form = $c->get("$prefix/login");
	is($form->status, 200, "$label: GET $prefix/login") or diag(res_diag($form));
	my $csrf = csrf_of($form->text);
	ok(defined $csrf && $csrf ne '', "$label: the login form has its csrf");
	like($form->text, qr{<form[^>]+action="\Q$prefix\E/login"}, "$label: the form posts to $prefix/login");
	my $r = $c->post_form("$prefix/login",
	    [login => $acct->{login}, password => $acct->{password}, csrf => $csrf // '']);
	is($r->status, 303, "$label: POST $prefix/login answers 303") or diag(res_diag($r));
	like($r->location // '', qr{^\Q$prefix\E/home(?:[?#]|$)}, "$label: to $prefix/home");
	my $line = set_cookie_line($r, 'sid');
	ok($line, "$label: a session cookie") or return $c;
	my (undef, undef, $a) = cookie_attrs($line);
	is($a->{path}, $prefix eq '' ? '/' : $prefix, "$label: its Path is " . ($prefix || '/'));
	my $home = $c->get("$prefix/home");
	is($home->status, 200, "$label: GET $prefix/home") or diag(res_diag($home));
	my $name = $acct->{full_name};
	ok(index($home->text, $name) >= 0, "$label: /home shows $name");
	# For the record: a page's time in this setup (10 GET /home).
	my $t = time;
	$c->get("$prefix/home") for 1 .. 10;
	note(sprintf('%s: GET %s/home %.1f ms on average', $label, $prefix, (time - $t) * 100));
	return $c;
}

clear_attempts();
my $acct = (accounts())[0];

# --- 1. Apache + mod_fcgid: README step 3, first variant.
{
	my $A = stock_apache('fcgid', $FCGI_PORT);
	my $s = relocate(slurp("$share/conf/apache-journal.conf"));
	# "set ServerName to the journal's host name" (and the test's port)
	$s =~ s/^(\s*ServerName) journal\.example\.ru$/$1 journal.test/m or fail('ServerName journal.example.ru in the sample');
	$s =~ s/<VirtualHost \*:80>/<VirtualHost *:$FCGI_PORT>/ or fail('VirtualHost *:80 in the sample');
	spew("$A/apache2/sites-available/journal.conf", $s);
	a2($A, 'a2enmod headers rewrite fcgid');
	a2($A, 'a2ensite journal');
	start_apache($A, $FCGI_PORT);

	my $c = login_through('mod_fcgid', $FCGI_PORT, '', $acct, 'journal.test');
	my $css = $c->get('/static/style.css');
	is($css->status, 200, 'mod_fcgid: /static/style.css');
	is($css->header('x-content-type-options'), 'nosniff', 'mod_fcgid: mod_headers works on the static files');
	my $nf = $c->get('/no/such/page');
	is($nf->status, 404, 'mod_fcgid: an unknown URL is a 404 (mod_rewrite/alias rules)');
	like($nf->text, qr{Страница не найдена}, "mod_fcgid: the journal's own 404 page");
	# Another host name reaches Debian's default site, not the journal: the
	# ServerName is what selects it.
	my $other = client(base => "http://127.0.0.1:$FCGI_PORT")->get('/login');
	is($other->status, 404, "mod_fcgid: another host name gets Debian's 000-default (no /login there)");
	my @lst = stat "$logdir/journal.log";
	ok(@lst && $lst[4] == $www_uid, 'the application log is written by www-data in /var/log/school-journal');
	stop_apache($A);

	# The logrotate sample, as /etc/logrotate.d/journal would run it.
	my $lr = slurp("$share/conf/logrotate-journal");
	$lr =~ s{/var/log/school-journal}{$logdir}g;
	spew("$top/logrotate-journal", $lr);
	my $size = -s "$logdir/journal.log";
	my ($ok, $out) = sh("logrotate -f -s '$top/logrotate.state' '$top/logrotate-journal'");
	ok($ok && $out !~ /error/i, 'logrotate runs the sample without an error') or diag($out);
	ok($size && (-s "$logdir/journal.log.1" // 0) == $size && -z "$logdir/journal.log",
	    "the log rotated: journal.log.1 has its $size bytes, journal.log emptied in place");
}

# --- 2. Plain CGI under /cgi-bin/: README step 3, the CGI variant.
{
	# "and in journal.hdf: app.static = /journal-static"
	spew($conf, slurp($conf) . "app.static = /journal-static\n");
	my $A = stock_apache('cgi', $CGI_PORT);
	spew("$A/apache2/conf-available/journal-cgi.conf",
	    relocate(slurp("$share/conf/apache-journal-cgi.conf")));
	my $msg = a2($A, 'a2enmod cgi');
	a2($A, 'a2disconf serve-cgi-bin');
	a2($A, 'a2enconf journal-cgi');
	# A provider's user cgi-bin that runs only *.cgi files, with
	# AllowOverride for the customer's .htaccess (the provider's part).
	my $pc = "$top/provider/cgi-bin";
	File::Path::make_path($pc, { mode => 0755 });
	chmod 0755, "$top/provider";
	spew("$A/apache2/conf-available/provider.conf", <<EOF);
Alias "/school/cgi-bin/" "$pc/"
<Directory "$pc">
    Options +ExecCGI
    AddHandler cgi-script .cgi
    AllowOverride FileInfo
    Require all granted
</Directory>
EOF
	a2($A, 'a2enconf provider');
	a2($A, 'a2enmod rewrite');
	# The customer's part, as README says: each program as NAME.cgi, the
	# .htaccess mapping the plain names to them and naming the config.
	my $n = 0;
	for my $p (glob "$bindir/*") {
		my ($b) = $p =~ m{([^/]+)$};
		$n++ if system('cp', '-p', $p, "$pc/$b.cgi") == 0;
	}
	is($n, scalar @screens, 'the programs copied as NAME.cgi');
	spew("$pc/.htaccess", <<EOF);
SetEnv JOURNAL_CONF $conf
RewriteEngine On
RewriteBase /school/cgi-bin/
RewriteRule ^([a-z][a-z0-9_]*)\$ \$1.cgi [L]
ErrorDocument 404 /journal-static/errors/404.html
EOF
	chmod 0644, "$pc/.htaccess";
	ok(-e "$A/apache2/mods-enabled/cgid.load" || -e "$A/apache2/mods-enabled/cgi.load",
	    'mod_cgi or mod_cgid enabled') or diag($msg);
	start_apache($A, $CGI_PORT);

	my $c = login_through('CGI', $CGI_PORT, '/cgi-bin', $acct, '127.0.0.1');
	my $home = $c->get('/cgi-bin/home');
	my @links = $home->text =~ /\b(?:href|action|src)="(\/[^"]*)"/g;
	my @outside = grep { !m{^/cgi-bin/|^/journal-static/} } @links;
	ok(@links > 3 && !@outside, 'CGI: every link of /home is under /cgi-bin or /journal-static')
	    or diag("outside: @outside");
	like($home->text, qr{href="/journal-static/style\.css"}, 'CGI: the CSS from app.static');
	my $css = $c->get('/journal-static/style.css');
	is($css->status, 200, 'CGI: /journal-static/style.css served');
	my $root_login = $c->get('/login');
	is($root_login->status, 404, 'CGI: nothing of the journal at the root');
	my $nf = $c->get('/cgi-bin/nosuch');
	is($nf->status, 404, 'CGI: no such program: 404');
	like($nf->text, qr{Страница не найдена.*href="home"}s,
	    "CGI: the journal's 404 page, its link relative (/cgi-bin/home)");

	# The *.cgi provider.
	my $pcl = login_through('*.cgi', $CGI_PORT, '/school/cgi-bin', $acct, '127.0.0.1');
	my $ph = $pcl->get('/school/cgi-bin/home');
	@links = $ph->text =~ /\b(?:href|action|src)="(\/[^"]*)"/g;
	@outside = grep { !m{^/school/cgi-bin/|^/journal-static/} } @links;
	ok(@links > 3 && !@outside, '*.cgi: every link of /home is under /school/cgi-bin or /journal-static')
	    or diag("outside: @outside");
	is($pcl->get('/school/cgi-bin/home.cgi')->status, 200, '*.cgi: home.cgi itself answers too');
	$nf = $pcl->get('/school/cgi-bin/nosuch');
	ok($nf->status == 404 && $nf->text =~ /Страница не найдена/,
	    "*.cgi: no such program: the journal's 404 page (.htaccess ErrorDocument)");
	stop_apache($A);
}

ok(!@started, 'every Apache started here is stopped');
clear_attempts();
done_testing();
