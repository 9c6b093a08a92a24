#!/usr/bin/perl
# A new school from nothing (issue 3, "done when"): the new-school command
# creates the school and its administrator; the administrator then sets the
# school up through the screens (a year, a class, a teacher), and the two
# schools never see each other's data.
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
my $out = decode('UTF-8', scalar qx{JOURNAL_CONF='@{[ var_dir() ]}/journal.hdf' '$tool' --name 'МБОУ «Средняя общеобразовательная школа № 77»' --short 'МБОУ СОШ № 77' --admin 'Новикова Ольга Тестовна' 2>&1});
is($? >> 8, 0, 'it succeeds') or diag($out);
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

# The administrator logs in and finds an empty school.
my $c = login_ok($login, $password, 'the new administrator logs in');
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

done_testing();
