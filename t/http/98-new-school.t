#!/usr/bin/perl
# A new school from nothing (issue 3, "done when"): the new-school command
# creates the school and its administrator; the administrator then sets the
# school up through the screens (a year, a class, a teacher), and the two
# schools never see each other's data.
#
# Issue 21: a second run refuses while a school exists (the stack has the
# demo school) unless --another-school says a district server wants one; a
# run that fails half-way leaves nothing; the printed password must be
# changed at the first login; --reset-password LOGIN gives a lost
# administrator password back, printed, sessions ended, audited.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(decode);
use Test::More;
use JTest;

need_stack();
clear_attempts();
my $school;
END {
	eval { sql("DROP USER IF EXISTS 'jt_newschool'\@'localhost'") } if var_dir();
	return unless $school && var_dir();
	eval {
		sql("DELETE s FROM session s JOIN account a ON a.id = s.account_id WHERE a.school_id = $school");
		sql("DELETE ar FROM account_role ar JOIN account a ON a.id = ar.account_id WHERE a.school_id = $school");
		sql("DELETE FROM account WHERE school_id = $school");
		sql("DELETE st FROM staff st JOIN person p ON p.id = st.person_id WHERE p.school_id = $school");
		sql("DELETE FROM class WHERE school_id = $school");
		sql("DELETE FROM year WHERE school_id = $school");
		sql("DELETE FROM person WHERE school_id = $school");
		# sql/013 gives every new school its work kinds (a trigger).
		drop_school($school);
		clear_attempts();
	};
	diag("cleanup: $@") if $@;
}

my $tool = root_dir() . '/build/tools/new-school';
ok(-x $tool, 'the new-school command is built');
my $conf = var_dir() . '/journal.hdf';
# Run the tool with JOURNAL_CONF=$cf; (exit code, its output decoded).
sub tool {
	my ($cf, @args) = @_;
	my $out = decode('UTF-8', scalar qx{JOURNAL_CONF='$cf' '$tool' @{[ map { "'$_'" } @args ]} 2>&1});
	return ($? >> 8, $out);
}
my @NEW = ('--name' => 'МБОУ «Средняя общеобразовательная школа № 77»',
    '--short' => 'МБОУ СОШ № 77', '--admin' => 'Новикова Ольга Тестовна');
my $schools = sub { sql_value('SELECT COUNT(*) FROM school') };
my $n0 = $schools->();
ok($n0 >= 1, "the stack has a school already ($n0)");

# A second run: refused, nothing made.
my ($rc, $out) = tool($conf, @NEW);
is($rc, 3, 'a run while a school exists is refused (exit 3)') or diag($out);
like($out, qr/уже есть школ: $n0; новая не создана/, '... saying so in Russian');
like($out, qr/--another-school/, '... and naming the option for a district server');
like($out, qr/--reset-password/, '... and the way back into a lost administrator account');
is($schools->(), $n0, '... the count of schools is unchanged');
my $demo_short = sql_value('SELECT short_name FROM school ORDER BY id LIMIT 1');
($rc, $out) = tool($conf, '--name' => 'Другое полное название', '--short' => $demo_short,
    '--admin' => 'Новикова Ольга Тестовна', '--another-school');
is($rc, 3, 'even with --another-school, a school of the same name is refused') or diag($out);
like($out, qr/уже есть; ничего не создано/, '... saying so');
is($schools->(), $n0, '... the count of schools is unchanged');

# One transaction: a run that fails after the school row leaves nothing.
# The database account may insert a school and nothing else, so the
# administrator's person row fails.
my $pw = 'Jt-ns-' . int(rand(1e9));
my $tconf = var_dir() . '/new-school-test.hdf';
sql("DROP USER IF EXISTS 'jt_newschool'\@'localhost';"
    . " CREATE USER 'jt_newschool'\@'localhost' IDENTIFIED BY '$pw';"
    . " GRANT SELECT ON journal.* TO 'jt_newschool'\@'localhost';"
    . " GRANT INSERT ON journal.school TO 'jt_newschool'\@'localhost'");
open(my $cf, '>', $tconf) or die "$tconf: $!";
print {$cf} "#include \"$conf\"\ndb.user = jt_newschool\ndb.password = $pw\n";
close $cf;
my $wk0 = sql_value('SELECT COUNT(*) FROM work_kind');
my $audit0 = sql_value('SELECT COUNT(*) FROM audit');
($rc, $out) = tool($tconf, @NEW, '--another-school');
is($rc, 1, 'a run that fails half-way (no right to add the person) exits 1') or diag($out);
like($out, qr/ничего не создано/, '... saying nothing was made');
is($schools->(), $n0, '... no school row is left');
is(sql_value('SELECT COUNT(*) FROM work_kind'), $wk0, "... nor the school trigger's forms of work");
is(sql_value('SELECT COUNT(*) FROM audit'), $audit0, '... nor an audit row');
sql("DROP USER IF EXISTS 'jt_newschool'\@'localhost'");
unlink $tconf;

# The district's explicit option: a second school.
($rc, $out) = tool($conf, @NEW, '--another-school');
is($rc, 0, 'with --another-school it succeeds') or diag($out);
is($schools->(), $n0 + 1, '... one school more');
($school) = $out =~ /\(id (\d+)\)/;
my ($login) = $out =~ /Логин: (\S+)/;
my ($password) = $out =~ /Пароль: (\S+)/;
ok($school && $login && $password, "school $school, administrator $login");
is(sql_value("SELECT short_name FROM school WHERE id = " . ($school // 0)), 'МБОУ СОШ № 77', 'the school row');
is(join(',', account_roles($login // '')), 'admin', 'the administrator holds the admin role');
ok(sql_value("SELECT COUNT(*) FROM audit WHERE school_id = " . ($school // 0)
    . " AND action = 'credentials_issued'"), 'the issue is audited');
unlike(join(' ', map { $_->[0] // '' } sql("SELECT new_value FROM audit WHERE school_id = " . ($school // 0))),
    qr/\Q$password\E/, 'the password is not in the audit');
qx{'$tool' --name x 2>&1};
is($? >> 8, 2, 'missing arguments: usage, exit 2');
qx{'$tool' --reset-password x --admin 'А Б' 2>&1};
is($? >> 8, 2, '--reset-password with the options of a new school: usage, exit 2');

# The administrator logs in, must change the printed password, and then
# finds an empty school.
my $c = login_ok($login, $password, 'the new administrator logs in');
ok($c->{must_change}, '... and is sent to /password: the printed password is changed first');
redirects_to($c->get('/home'), qr{^/password$}, '... /home sends there too');
like($c->get('/password')->text, qr/выданным на листке/, '... which says why');
my $own = 'Novaya-shkola-77-Zk9';
redirects_to(change_password($c, $password, $own), qr{^/password\?done=1$}, 'the password is changed');
is(sql_value('SELECT must_change_pw FROM account WHERE login = ' . sq($login)), 0, '... and no longer must be');
my $home = $c->get('/home');
like($home->text, qr/МБОУ СОШ № 77/, 'the header names the new school');
like($c->get('/classes')->text, qr/классов нет/, 'no classes yet');
my $form = sub {
	my ($page, $path, @pairs) = @_;
	return $c->post_form($path, [ csrf => csrf_of($c->get($page)->text), @pairs ]);
};
{
	my $r = $form->('/classes', '/classes', grade => 1, letter => 'А');
	status_is($r, 400, 'a class before any year: refused');
	like($r->text, qr/Нет открытого учебного года/, '... saying to open a year first');
}

# A year, then a class with a class teacher added through /staff.
redirects_to($form->('/years', '/years', action => 'create', name => '2026/2027',
    starts_on => '2026-09-01', ends_on => '2027-05-31'), qr{^/year\?id=\d+$}, 'a year is created');
redirects_to($form->('/staff', '/staff', action => 'create', last_name => 'Учителева',
    first_name => 'Мария', middle_name => 'Ивановна', sex => 'f', position => 'учитель начальных классов'),
    qr{^/staff$}, 'a teacher is added');
my $teacher = sql_value("SELECT id FROM person WHERE school_id = $school AND last_name = 'Учителева'");
my $slips = $form->('/staff', '/staff', action => 'issue', person => $teacher);
status_is($slips, 200, 'her login is issued');
redirects_to($form->('/staff', '/staff', action => 'roles', person => $teacher, role => 'teacher'),
    qr{^/staff$}, 'and she is made a teacher');
my $r = $form->('/classes', '/classes', grade => 1, letter => 'А', teacher => $teacher);
redirects_to($r, qr{^/class\?id=\d+$}, 'the first class is created');
my ($class) = ($r->location // '') =~ /id=(\d+)/;
like($c->get('/classes')->text, qr/1 А.*Учителева Мария Ивановна/s, 'it is listed with its class teacher');
is(sql_value("SELECT school_id FROM class WHERE id = " . ($class // 0)), $school, 'in the new school');

# The two schools see nothing of each other.
my $demo_class = sql_value("SELECT MIN(id) FROM class WHERE school_id <> $school");
status_is($c->get("/class?id=$demo_class"), 404, "the new school cannot open another school's class");
my $a = account_of_role('admin');
my $demo = login_ok($a->{login}, $a->{password}, 'the demo administrator logs in');
status_is($demo->get("/class?id=$class"), 404, "and the demo school cannot open the new one's");
unlike($demo->get('/staff')->text, qr/Учителева/, "nor see its staff");

# The administrator's password is lost: the host resets it.
{
	status_is($c->get('/home'), 200, 'the administrator is logged in');
	my $acc = account_id($login);
	my $n = sql_value("SELECT COUNT(*) FROM audit WHERE object_type = 'account' AND object_id = $acc"
	    . " AND action = 'credentials_issued' AND ip = 'new-school --reset-password'");
	my ($rc, $out) = tool($conf, '--reset-password', uc $login);
	is($rc, 0, '--reset-password LOGIN (in capitals: logins ignore case) succeeds') or diag($out);
	my ($l2) = $out =~ /Логин: (\S+)/;
	my ($p2) = $out =~ /Пароль: (\S+)/;
	is($l2, $login, '... prints the login');
	ok($p2 && $p2 ne $own && $p2 ne $password, '... and a new password');
	like($out, qr/при первом входе журнал попросит его сменить/, '... saying it is to be changed');
	is(sql_value("SELECT COUNT(*) FROM audit WHERE object_type = 'account' AND object_id = $acc"
	    . " AND action = 'credentials_issued' AND ip = 'new-school --reset-password'"
	    . " AND school_id = $school"), $n + 1, '... audited in the school, by the command line');
	unlike(join(' ', map { $_->[0] // '' } sql("SELECT new_value FROM audit WHERE object_id = $acc"
	    . " AND object_type = 'account'")), qr/\Q$p2\E/, '... without the password');
	is(session_count($acc), 0, '... the sessions are ended');
	redirects_to($c->get('/home'), qr{^/login(?:[?#]|$)}, '... the open session is gone');
	ok(!login_works($login, $own), '... the old password no longer logs in');
	my $c2 = login_ok($login, $p2, 'the reset password logs in');
	ok($c2->{must_change}, '... and must be changed first');
	redirects_to($c2->get('/classes'), qr{^/password$}, '... /classes sends to /password');
	redirects_to(change_password($c2, $p2, $own . '-2'), qr{^/password\?done=1$}, '... changed');
	status_is($c2->get('/classes'), 200, '... then the school opens again');

	($rc, $out) = tool($conf, '--reset-password', 'no.such.login');
	is($rc, 3, 'an unknown login: refused, exit 3');
	like($out, qr/нет учётной записи с логином «no\.such\.login»/, '... saying so');
	sql("UPDATE account SET is_active = 0 WHERE id = $acc");
	my $h = sql_value("SELECT pw_hash FROM account WHERE id = $acc");
	($rc, $out) = tool($conf, '--reset-password', $login);
	is($rc, 3, 'a disabled account: refused, exit 3');
	like($out, qr/отключена; пароль не изменён/, '... saying so');
	is(sql_value("SELECT pw_hash FROM account WHERE id = $acc"), $h, '... the hash is unchanged');
	sql("UPDATE account SET is_active = 1 WHERE id = $acc");
}

done_testing();
