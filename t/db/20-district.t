#!/usr/bin/perl
# The benchmark's district dataset (scripts/bench/dataset.sh district, issue
# 7), made small: a copy of the test database cloned into 3 schools.  Every
# school's table counts equal the demo's, the copies refer to their own
# school's rows only (no dangling or cross-school reference under any
# foreign key), logins are unique, bench-accounts.tsv lists them, and the
# copies work: their parent, teacher, class teacher and administrator log
# in (the programs run as plain CGI against the copy) and see their own
# school only.  The stack's database is not changed.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use File::Temp ();
use Time::HiRes ();
my $T0 = Time::HiRes::time();
sub lap { diag(sprintf '%.1f s: %s', Time::HiRes::time() - $T0, $_[0]) if $ENV{DISTRICT_TIMES} }
use Test::More;
use JTest;

need_var();
my $var = var_dir();
my $root = root_dir();
my $conf = "$var/journal.hdf";
plan skip_all => "no $conf" unless -f $conf;
plan skip_all => 'no cgi-bin/login built' unless -x cgi_bin_dir() . '/login';

my $DB = 'jt_district';
my $N = 3;
my $sock = "$var/run/mysqld.sock";
my $tmp = File::Temp->newdir;
my $tconf = "$var/district-test.hdf";
my @GLOBAL = qw(schema_version role scale_builtin scale_builtin_value
    work_kind_builtin app_secret);
my @SKIPPED = qw(session login_attempt audit);

sub cleanup {
	eval { sql("DROP DATABASE IF EXISTS $DB") };
	eval {
		sql("REVOKE ALL PRIVILEGES ON $DB.* FROM 'journal'\@'localhost'")
		    if sql_value("SELECT COUNT(*) FROM mysql.db WHERE Db = '$DB'"
			. " AND User = 'journal'");
	};
	unlink $tconf;
}
END { cleanup() if $var }
cleanup();

# --- a copy of the test database: its schema (foreign keys, triggers, the
# view) and every row.  The school trigger fires on the copied school, so
# the copied forms of work replace what it made.
sql("CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
is(system('sh', '-c', "mariadb-dump --no-defaults -S '$sock' -uroot --no-data"
    . " --skip-comments journal | mariadb --no-defaults -S '$sock' -uroot $DB"),
    0, 'the schema is copied') or BAIL_OUT('no copy of the schema');
my @tables = map { $_->[0] } sql("SELECT table_name FROM information_schema.tables"
    . " WHERE table_schema = 'journal' AND table_type = 'BASE TABLE'"
    . " ORDER BY table_name = 'work_kind', table_name");
my @copy = ('SET foreign_key_checks = 0');
for my $t (@tables) {
	my $cols = join ', ', map { "`$_->[0]`" } sql("SELECT column_name FROM"
	    . " information_schema.columns WHERE table_schema = 'journal'"
	    . " AND table_name = " . sq($t) . " AND extra NOT LIKE '%GENERATED%'"
	    . ' ORDER BY ordinal_position');
	push @copy, "DELETE FROM $DB.work_kind" if $t eq 'work_kind';
	push @copy, "INSERT INTO $DB.`$t` ($cols) SELECT $cols FROM journal.`$t`";
}
sql(join ";\n", @copy);
lap('copied');
my %before = map { $_ => sql_value("SELECT COUNT(*) FROM $DB.`$_`") } @tables;
is(sql_value("SELECT COUNT(*) FROM $DB.school"), 1, 'the copy has the demo school');
my %demo_logins = map { $_->[0] => 1 } sql("SELECT login FROM $DB.account");

# --- the clone ------------------------------------------------------------
my $out = "$tmp";
my $rc = system('sh', '-c', 'VAR="$1" DB="$2" SCHOOLS="$3" OUT="$4" POOL_MB='
    . ' ANY_JOURNAL=1 sh "$5" district 2>"$4/log"', 'sh', $var, $DB, $N, $out,
    "$root/scripts/bench/dataset.sh");
is($rc, 0, "dataset.sh district makes $N schools") or do {
	open(my $lf, '<:encoding(UTF-8)', "$out/log");
	diag(join '', <$lf>) if $lf;
	BAIL_OUT('no district');
};

lap('cloned');
my @schools = map { $_->[0] } sql("SELECT id FROM $DB.school ORDER BY id");
is(scalar(@schools), $N, "$N schools");

# Every check below is a count that must be as named; they run as one
# query (a client a check would take seconds).
my @checks;	# [ name, SQL giving one number, the number wanted ]
my %global = map { $_ => 1 } @GLOBAL, @SKIPPED;
for my $t (@tables) {
	push @checks, [ $global{$t} ? "$t: not copied ($before{$t} rows)"
	    : "$t: $N × $before{$t} rows", "SELECT COUNT(*) FROM $DB.`$t`",
	    $global{$t} ? $before{$t} : $N * $before{$t} ];
}
# Per school, where a table says its school: as many rows in each.
my %has_school = map { $_->[0] => 1 } sql("SELECT table_name FROM"
    . " information_schema.columns WHERE table_schema = '$DB' AND column_name = 'school_id'");
for my $t (grep { $has_school{$_} && !$global{$_} } @tables) {
	push @checks, [ "$t: every school has as many rows as the demo",
	    "SELECT COUNT(DISTINCT n) FROM (SELECT s.id, (SELECT COUNT(*)"
	    . " FROM $DB.`$t` x WHERE x.school_id = s.id) AS n FROM $DB.school s) c", 1 ];
}
# No reference dangles, and none leads to another school.
my @fks = sql("SELECT table_name, column_name, referenced_table_name,"
    . " referenced_column_name FROM information_schema.key_column_usage"
    . " WHERE table_schema = '$DB' AND referenced_table_name IS NOT NULL");
ok(@fks > 50, scalar(@fks) . ' foreign keys');
for my $fk (@fks) {
	my ($t, $c, $r, $rc) = @$fk;
	push @checks, [ "$t.$c → $r: no dangling reference",
	    "SELECT COUNT(*) FROM $DB.`$t` x LEFT JOIN $DB.`$r` y ON y.`$rc` = x.`$c`"
	    . " WHERE x.`$c` IS NOT NULL AND y.`$rc` IS NULL", 0 ];
	next unless $has_school{$t} && $has_school{$r} && $r ne 'school';
	push @checks, [ "$t.$c → $r: the same school",
	    "SELECT COUNT(*) FROM $DB.`$t` x JOIN $DB.`$r` y ON y.`$rc` = x.`$c`"
	    . " WHERE y.school_id <> x.school_id", 0 ];
}
# Where a row's school shows only through two references.
my %same = (
	'mark: student and lesson' => 'mark m JOIN lesson_work lw ON lw.id ='
	    . ' m.lesson_work_id JOIN lesson l ON l.id = lw.lesson_id JOIN person p'
	    . ' ON p.id = m.student_id WHERE p.school_id <> l.school_id',
	'lesson_work: lesson and form of work' => 'lesson_work lw JOIN lesson l'
	    . ' ON l.id = lw.lesson_id JOIN work_kind w ON w.id = lw.work_kind_id'
	    . ' WHERE w.school_id <> l.school_id',
	'absence: student and lesson' => 'absence a JOIN lesson l ON l.id ='
	    . ' a.lesson_id JOIN person p ON p.id = a.student_id'
	    . ' WHERE p.school_id <> l.school_id',
	'guardian: guardian and child' => 'guardian g JOIN person a ON a.id ='
	    . ' g.guardian_id JOIN person b ON b.id = g.student_id'
	    . ' WHERE a.school_id <> b.school_id',
	'class_student: class and student' => 'class_student cs JOIN class c'
	    . ' ON c.id = cs.class_id JOIN person p ON p.id = cs.student_id'
	    . ' WHERE p.school_id <> c.school_id',
	'group_student: group and student' => 'group_student gs JOIN `groups` g'
	    . ' ON g.id = gs.group_id JOIN person p ON p.id = gs.student_id'
	    . ' WHERE p.school_id <> g.school_id',
	'class: a year of its school' => 'class c JOIN year y ON y.id = c.year_id'
	    . ' WHERE y.school_id <> c.school_id',
);
for my $k (sort keys %same) {
	push @checks, [ "$k: one school", "SELECT COUNT(*) FROM $same{$k}", 0 ];
}
my @got = do {
	local $ENV{JOURNAL_DB} = $DB;	# the unqualified names of %same
	sql(join ' UNION ALL ', map { "SELECT $_, ($checks[$_][1])" } 0 .. $#checks);
};
is(scalar(@got), scalar(@checks), scalar(@checks) . ' counts');
for my $g (@got) {
	my ($i, $n) = @$g;
	is($n, $checks[$i][2], $checks[$i][0]);
}

lap('counted');
# --- logins and the accounts file ------------------------------------------
is(sql_value("SELECT COUNT(*) - COUNT(DISTINCT login) FROM $DB.account"), 0,
    'logins are unique');
for my $s (@schools[1 .. $#schools]) {
	is(sql_value("SELECT COUNT(*) FROM $DB.account a WHERE a.school_id = $s"
	    . " AND NOT EXISTS (SELECT 1 FROM $DB.account o WHERE o.school_id = 1"
	    . " AND CONCAT(o.login, '.s$s') = a.login AND o.pw_hash = a.pw_hash)"),
	    0, "school $s: every login is a demo login + .s$s, with its password");
}
open(my $fh, '<:encoding(UTF-8)', "$out/bench-accounts.tsv") or die "$out/bench-accounts.tsv: $!";
my $head = <$fh>;
is($head, "role\tlogin\tpassword\tfull_name\tdetail\tschool_id\n", 'bench-accounts.tsv: its columns');
my (%file, @rows);
while (my $l = <$fh>) {
	chomp $l;
	my %r;
	@r{qw(role login password full_name detail school_id)} = split /\t/, $l, -1;
	push @rows, \%r;
	$file{$r{login}} = \%r;
}
close $fh;
is(scalar(@rows), $N * scalar(accounts()), "bench-accounts.tsv: $N × the demo's accounts");
my %db = map { $_->[0] => $_->[1] } sql("SELECT login, school_id FROM $DB.account");
is(scalar(grep { ($db{$_->{login}} // -1) != $_->{school_id} } @rows), 0,
    'bench-accounts.tsv: each login is an account of its school');

lap('accounts');
# --- the copies work: the programs as plain CGI against the copy ------------
sql("GRANT SELECT, INSERT, UPDATE, DELETE, EXECUTE ON $DB.* TO 'journal'\@'localhost'");
open(my $cf, '>', $tconf) or die "$tconf: $!";
print {$cf} "#include \"$conf\"\ndb.name = $DB\n";
close $cf;
chmod 0644, $tconf;

sub cgi {
	my ($prog, %r) = @_;
	my $method = $r{method} // 'GET';
	my $qs = $r{query} // '';
	my %env = (
		PATH => '/usr/local/bin:/usr/bin:/bin', GATEWAY_INTERFACE => 'CGI/1.1',
		SERVER_PROTOCOL => 'HTTP/1.1', SERVER_NAME => 'localhost',
		SERVER_ADDR => '127.0.0.1', SERVER_PORT => 80, HTTP_HOST => 'localhost',
		REMOTE_ADDR => '192.0.2.77', REMOTE_PORT => 40000 + int(rand 20000),
		REQUEST_METHOD => $method, SCRIPT_NAME => "/$prog",
		SCRIPT_FILENAME => cgi_bin_dir() . "/$prog",
		REQUEST_URI => "/$prog" . ($qs ne '' ? "?$qs" : ''), QUERY_STRING => $qs,
		JOURNAL_CONF => $tconf,
	);
	$env{HTTP_COOKIE} = $r{cookie} if defined $r{cookie};
	if (defined $r{body}) {
		$env{CONTENT_TYPE} = 'application/x-www-form-urlencoded';
		$env{CONTENT_LENGTH} = length $r{body};
	}
	return run_cgi(prog => cgi_bin_dir() . "/$prog", env => \%env, body => $r{body});
}

# Log in as the account of the file's row; returns "sid=..." or undef.
sub cgi_login {
	my ($a) = @_;
	my $r = cgi('login');
	my $csrf = csrf_of($r->text) // '';
	my $body = JTest::Client::form_encode([login => $a->{login},
	    password => $a->{password}, csrf => $csrf]);
	$r = cgi('login', method => 'POST', body => $body, cookie => "lcsrf=$csrf");
	my ($line) = grep { /^sid=/ } $r->headers_all('set-cookie');
	my (undef, $sid) = cookie_attrs($line // '');
	ok($r->status == 303 && $sid, "school $a->{school_id}: $a->{role} $a->{login} logs in")
	    or diag(res_diag($r));
	return $sid ? "sid=$sid" : undef;
}

my $S = $schools[-1];
my $short = sql_value("SELECT short_name FROM $DB.school WHERE id = $S");
my $short1 = sql_value("SELECT short_name FROM $DB.school WHERE id = 1");
isnt($short, $short1, "school $S has a name of its own ($short)");
my %school_of = map { $_->[0] => $_->[1] } sql("SELECT id, school_id FROM $DB.person");

# A parent of the last school: their own child's diary and marks, not the
# demo's child of the same name.
my ($parent) = grep { $_->{school_id} == $S && $_->{role} eq 'parent'
    && $_->{detail} ne '' } @rows;
my $pc = cgi_login($parent);
for my $page ('diary', 'marks', 'home') {
	my $r = cgi($page, cookie => $pc);
	status_is($r, 200, "school $S: parent: /$page");
	like($r->text, qr/\Q$short\E/, "school $S: parent: /$page shows the school");
	my @kids = $r->text =~ /[?&;]student=(\d+)/g;
	is(scalar(grep { ($school_of{$_} // 0) != $S } @kids), 0,
	    "school $S: parent: /$page links to children of school $S only (@kids)");
}
my @mine = map { $_->[0] } sql("SELECT g.student_id FROM $DB.guardian g JOIN $DB.account a"
    . " ON a.person_id = g.guardian_id WHERE a.login = " . sq($parent->{login}));
ok(@mine, 'the parent has children');
my $theirs = sql_value("SELECT g.student_id FROM $DB.guardian g JOIN $DB.account a"
    . " ON a.person_id = g.guardian_id WHERE a.login = "
    . sq($parent->{login} =~ s/\.s\d+$//r) . ' LIMIT 1');
my $r = cgi('diary', query => "student=$mine[0]", cookie => $pc);
status_is($r, 200, "school $S: parent: their child's diary");
$r = cgi('diary', query => "student=$theirs", cookie => $pc);
ok($r->status == 403 || $r->status == 404,
    "school $S: parent: the demo school's child of the same family is refused ("
    . $r->status . ')');

# A teacher of the last school: a journal of their own, not the demo's.
my ($t, $g, $sub, $per) = @{ (sql("SELECT a.login, l.group_id, l.subject_id, p.id"
    . " FROM $DB.lesson l JOIN $DB.account a ON a.person_id = l.teacher_id"
    . " JOIN $DB.`groups` g ON g.id = l.group_id JOIN $DB.class c ON c.id = g.class_id"
    . " JOIN $DB.period p ON p.year_id = l.year_id AND c.grade BETWEEN p.grade_from"
    . " AND p.grade_to AND l.on_date BETWEEN p.starts_on AND p.ends_on"
    . " WHERE l.school_id = $S AND a.is_active = 1 ORDER BY l.id LIMIT 1"))[0] // [] };
ok($t, "school $S has a teacher with lessons");
my $tc = cgi_login($file{$t});
$r = cgi('journal', query => "group=$g&subject=$sub&period=$per", cookie => $tc);
status_is($r, 200, "school $S: teacher: their journal");
like($r->text, qr/\Q$short\E/, "school $S: teacher: the journal shows the school");
my $g1 = sql_value("SELECT id FROM $DB.`groups` WHERE school_id = 1 AND name ="
    . " (SELECT name FROM $DB.`groups` WHERE id = $g)");
my $p1 = sql_value("SELECT id FROM $DB.period WHERE year_id = (SELECT id FROM $DB.year"
    . " WHERE school_id = 1) AND name = (SELECT name FROM $DB.period WHERE id = $per)"
    . " AND grade_from = (SELECT grade_from FROM $DB.period WHERE id = $per)");
my $s1 = sql_value("SELECT id FROM $DB.subject WHERE school_id = 1 AND name ="
    . " (SELECT name FROM $DB.subject WHERE id = $sub)");
$r = cgi('journal', query => "group=$g1&subject=$s1&period=$p1", cookie => $tc);
ok($r->status == 403 || $r->status == 404,
    "school $S: teacher: the demo school's same journal is refused (" . $r->status . ')');
$r = cgi('home', cookie => $tc);
status_is($r, 200, "school $S: teacher: /home");

# A class teacher of the last school: the weekly check of their class.
my ($ct) = grep { $_->{school_id} == $S && $_->{role} eq 'class_teacher' } @rows;
my $cls = sql_value("SELECT c.id FROM $DB.class c JOIN $DB.account a ON a.person_id ="
    . " c.teacher_id WHERE a.login = " . sq($ct->{login}));
is($school_of{ sql_value("SELECT teacher_id FROM $DB.class WHERE id = $cls") }, $S,
    "school $S: the class teacher's class is of school $S");
my $cc = cgi_login($ct);
$r = cgi('classcheck', query => "class=$cls", cookie => $cc);
status_is($r, 200, "school $S: class teacher: /classcheck of their class");
my $cls1 = sql_value("SELECT id FROM $DB.class WHERE school_id = 1 AND (grade, letter) ="
    . " (SELECT grade, letter FROM $DB.class WHERE id = $cls)");
$r = cgi('classcheck', query => "class=$cls1", cookie => $cc);
ok($r->status == 403 || $r->status == 404,
    "school $S: class teacher: the demo school's same class is refused (" . $r->status . ')');

# The administrator of the last school.
my ($admin) = grep { $_->{school_id} == $S && $_->{role} eq 'admin' } @rows;
my $ac = cgi_login($admin);
$r = cgi('home', cookie => $ac);
status_is($r, 200, "school $S: admin: /home");
like($r->text, qr/\Q$short\E/, "school $S: admin: /home shows the school");

lap('pages');
done_testing();
