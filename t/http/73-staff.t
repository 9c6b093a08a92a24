#!/usr/bin/perl
# Staff (R1-R5): the administrator and HR add staff; only the
# administrator grants roles and issues staff logins (printed as slips);
# the new login then opens exactly what its roles allow.  All audited.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();
my @made;
END {
	return unless var_dir() && base_url();
	for my $p (@made) {
		eval { sql("DELETE s FROM session s JOIN account a ON a.id = s.account_id WHERE a.person_id = $p") };
		eval { sql("DELETE ar FROM account_role ar JOIN account a ON a.id = ar.account_id WHERE a.person_id = $p") };
		eval { sql("DELETE FROM account WHERE person_id = $p") };
		eval { sql("DELETE FROM staff WHERE person_id = $p") };
		eval { sql("DELETE FROM person WHERE id = $p") };
	}
	eval { clear_attempts() };
}

my $a = account_of_role('admin');
my $admin = login_ok($a->{login}, $a->{password}, 'the administrator logs in');
my $h = account_of_role('hr');
my $hr = login_ok($h->{login}, $h->{password}, 'the HR specialist logs in');
sub post {
	my ($c, @pairs) = @_;
	my $csrf = csrf_of($c->get('/staff')->text);
	return $c->post_form('/staff', [ csrf => $csrf, @pairs ]);
}

{
	my $r = $admin->get('/staff');
	status_is($r, 200, '/staff opens for the administrator');
	like($r->text, qr/Новый сотрудник/, 'with the form to add');
	like($r->text, qr/Выдать логины/, 'and the logins button');
	like($r->text, qr/Классный руководитель/, 'roles are shown by their Russian names');
	$r = $hr->get('/staff');
	status_is($r, 200, 'HR opens /staff');
	unlike($r->text, qr/Выдать логины/, 'but issues no logins');
}

# HR adds a teacher.
my $r = post($hr, action => 'create', last_name => 'Штатная', first_name => 'Проверка',
    middle_name => 'Тестовна', sex => 'f', position => 'учитель географии',
    hired_on => '2026-08-28');
redirects_to($r, qr{^/staff$}, 'HR adds a staff member');
my $pid = sql_value("SELECT MAX(p.id) FROM person p JOIN staff s ON s.person_id = p.id"
    . " WHERE p.last_name = 'Штатная'");
push @made, $pid if $pid;
ok($pid, 'the person and the staff row exist');
is(sql_value("SELECT position FROM staff WHERE person_id = $pid"), 'учитель географии', 'with the position');
ok(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'staff_add' AND object_id = $pid"), 'audited');

# Only the administrator issues and grants.
status_is(post($hr, action => 'issue', person => $pid), 403, 'HR may not issue logins');
status_is(post($hr, action => 'roles', person => $pid, role => 'teacher'), 403,
    'HR may not grant roles');
{
	my $r = post($admin, action => 'roles', person => $pid, role => 'teacher');
	status_is($r, 400, 'roles before a login: refused');
	like($r->text, qr/Сначала выдайте/, '... saying why');
}
$r = post($admin, action => 'issue', person => $pid);
status_is($r, 200, 'the administrator issues a login');
my ($login) = $r->text =~ m{Логин:</dt><dd><code>([^<]+)</code>};
my ($password) = $r->text =~ m{Пароль:</dt><dd><code>([^<]+)</code>};
ok($login && $password, "a slip with login ($login) and password");
like($r->text, qr/Сотрудник школы/, 'the slip says staff');
is($login, 'shtatnaya.pt', 'the login is the transliterated name');
unlike(join(" ", map { $_->[0] // "" } sql("SELECT new_value FROM audit WHERE object_type = 'account'"
    . " ORDER BY id DESC LIMIT 3")), qr/\Q$password\E/, 'the password is not in the audit');

my $new = login_ok($login, $password, 'the new login works');
ok($new->{must_change}, 'the printed password is to be changed first (issue 21)');
redirects_to($new->get('/home'), qr{^/password$}, '... /home sends to /password');
my $own = 'Shtatnaya-svoy-parol-7';
redirects_to(change_password($new, $password, $own), qr{^/password\?done=1$}, '... changed');
$password = $own;
status_is($new->get('/home'), 200, 'and opens /home');
status_is($new->get('/classes'), 403, 'but nothing its (empty) roles do not allow');

$r = post($admin, action => 'roles', person => $pid, role => 'teacher', role => 'class_teacher');
redirects_to($r, qr{^/staff$}, 'the administrator grants teacher and class teacher');
is(join(',', account_roles($login)), 'class_teacher,teacher', 'the roles are stored');
ok(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'roles_set' AND object_id = $pid"
    . " AND new_value = 'teacher,class_teacher'"), 'audited old → new');
$new = login_ok($login, $password, 'log in again');
status_is($new->get('/classes'), 200, 'now the class-teacher screens open');

$r = post($admin, action => 'roles', person => $pid, role => 'parent');
status_is($r, 400, 'family roles are not given here');
$r = post($admin, action => 'roles', person => $pid, role => 'nosuch');
status_is($r, 400, 'unknown roles are refused');
{
	my $me = sql_value("SELECT person_id FROM account WHERE login = " . sq($a->{login}));
	my $r = post($admin, action => 'roles', person => $me, role => 'teacher');
	status_is($r, 400, 'the administrator cannot take away their own admin role');
	like($r->text, qr/самого себя/, '... with a message');
	is(join(',', account_roles($a->{login})) =~ /admin/ ? 1 : 0, 1, 'still admin');
}

# Validation on create.
for my $b ([ [ first_name => 'А', position => 'x' ], qr/фамилию/, 'no surname' ],
    [ [ last_name => 'А', first_name => 'Б' ], qr/должность/, 'no position' ],
    [ [ last_name => 'А', first_name => 'Б', position => 'x', hired_on => '2026-13-01' ],
      qr/ГГГГ-ММ-ДД|Такой даты/, 'a bad date' ],
    [ [ last_name => 'А', first_name => 'Б', position => 'x', sex => 'q' ], qr/Пол/, 'a bad sex' ]) {
	my ($f, $re, $what) = @$b;
	my $n = sql_value('SELECT COUNT(*) FROM staff');
	my $r = post($admin, action => 'create', @$f);
	status_is($r, 400, "refused: $what");
	like($r->text, $re, "... with a Russian message ($what)");
	is(sql_value('SELECT COUNT(*) FROM staff'), $n, "... nothing written ($what)");
}
status_is(post($admin, action => 'issue', person => 1 + sql_value('SELECT MAX(id) FROM person')),
    400, 'issuing to someone not on the staff: refused');
{
	my $ins = account_of_role('inspector');
	my $ic = login_ok($ins->{login}, $ins->{password}, 'the inspector logs in');
	status_is($ic->get('/staff'), 200, 'the inspector reads /staff');
	status_is(post($ic, action => 'create', last_name => 'А', first_name => 'Б', position => 'x'),
	    403, 'but writes nothing');
}

done_testing();
