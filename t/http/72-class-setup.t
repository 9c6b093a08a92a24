#!/usr/bin/perl
# Setting up a class in the browser: the administration creates a class
# with its class teacher (who gets the class_teacher role), changes the
# class teacher, and guardians are added to students (new, or a sibling's
# parent so one guardian has several children, R37).  Every change audited.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();
my $school = sql_value('SELECT MIN(id) FROM school');
my @made_classes;
my @made_people;
END {
	return unless var_dir() && base_url();
	for my $p (@made_people) {
		eval { sql("DELETE FROM guardian WHERE guardian_id = $p") };
		eval { sql("DELETE FROM person WHERE id = $p") };
	}
	for my $c (@made_classes) {
		eval { sql("DELETE FROM class WHERE id = $c") };
	}
	# The appointed teacher had no class_teacher role before the test.
	our $appointed;
	eval { sql("DELETE ar FROM account_role ar JOIN account a ON a.id = ar.account_id"
	    . " WHERE a.person_id = $appointed AND ar.role = 'class_teacher'") } if $appointed;
	eval { clear_attempts() };
}

my $admin_acc = account_of_role('admin');
my $admin = login_ok($admin_acc->{login}, $admin_acc->{password}, 'the administrator logs in');
sub form_post {
	my ($c, $page, $path, @pairs) = @_;
	my $csrf = csrf_of($c->get($page)->text);
	return $c->post_form($path, [ csrf => $csrf, @pairs ]);
}

# A teacher who leads no class yet, to appoint.
my ($teacher_id, $teacher_login) = @{ (sql("SELECT p.id, a.login FROM staff st"
    . " JOIN person p ON p.id = st.person_id JOIN account a ON a.person_id = p.id"
    . " JOIN account_role ar ON ar.account_id = a.id AND ar.role = 'teacher'"
    . " WHERE a.is_active = 1 AND st.dismissed_on IS NULL AND NOT EXISTS"
    . " (SELECT 1 FROM class c WHERE c.teacher_id = p.id)"
    . " AND NOT EXISTS (SELECT 1 FROM account_role r2 WHERE r2.account_id = a.id"
    . " AND r2.role = 'class_teacher') ORDER BY p.id LIMIT 1"))[0] // [] };
ok($teacher_id, "a teacher without a class: $teacher_login");
our $appointed = $teacher_id;

# ------------------------------------------------------------ create a class
my $letter = 'Я';
sql("DELETE FROM class WHERE grade = 11 AND letter = '$letter'");
{
	my $r = $admin->get('/classes');
	like($r->text, qr/Новый класс/, 'the administrator sees the form');
	like($r->text, qr/name="teacher"/, '... with a choice of class teacher');
	my $n = sql_value('SELECT COUNT(*) FROM class');
	$r = form_post($admin, '/classes', '/classes', grade => 11, letter => 'я',
	    teacher => $teacher_id);
	my $id = sql_value("SELECT id FROM class WHERE grade = 11 AND letter = '$letter'");
	push @made_classes, $id if $id;
	redirects_to($r, qr{^/class\?id=\d+$}, 'a class is created');
	is(sql_value('SELECT COUNT(*) FROM class'), $n + 1, 'one class more');
	is(sql_value("SELECT teacher_id FROM class WHERE id = " . ($id // 0)), $teacher_id,
	    'with its class teacher');
	is(sql_value("SELECT COUNT(*) FROM account_role ar JOIN account a ON a.id = ar.account_id"
	    . " WHERE a.person_id = $teacher_id AND ar.role = 'class_teacher'"), 1,
	    'who now holds the class_teacher role');
	ok(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'class_create' AND object_id = "
	    . ($id // 0)), 'audited');
	like($admin->get("/class?id=$id")->text, qr/11 Я класс/, 'its roster opens (empty)');

	# Refusals.
	my @bad = (
		[ [ grade => 11, letter => 'я' ], qr/уже есть/, 'the same class twice' ],
		[ [ grade => 12, letter => 'А' ], qr/от 1 до 11/, 'grade 12' ],
		[ [ grade => 5, letter => 'B' ], qr/русских букв/, 'a Latin letter' ],
		[ [ grade => 5 ], qr/Укажите букву/, 'no letter' ],
		[ [ grade => 5, letter => 'Ю', teacher => 1 + sql_value('SELECT MAX(id) FROM person') ],
		    qr/работающий учитель/, 'a teacher who does not exist' ],
	);
	for my $b (@bad) {
		my ($f, $re, $what) = @$b;
		my $before = sql_value('SELECT COUNT(*) FROM class');
		my $r = form_post($admin, '/classes', '/classes', @$f);
		status_is($r, 400, "refused: $what");
		like($r->text, $re, "... with a Russian message ($what)");
		is(sql_value('SELECT COUNT(*) FROM class'), $before, "... nothing written ($what)");
	}

	# Only the administration creates classes.
	my $ct = account_of_role('class_teacher');
	my $ctc = login_ok($ct->{login}, $ct->{password}, 'a class teacher logs in');
	unlike($ctc->get('/classes')->text, qr/Новый класс/, 'a class teacher sees no form');
	status_is(form_post($ctc, '/classes', '/classes', grade => 9, letter => 'Ю'), 403,
	    'and may not create a class');

	# The class teacher of the new class sees it and only it among those they lead.
	my $tc = account_of_person($teacher_id);
	ok($tc, 'the appointed teacher has an account');

	# Change the class teacher: nobody, then back.
	my $r2 = form_post($admin, "/class?id=$id", "/class?id=$id");
	redirects_to($r2, qr{^/class\?id=$id$}, 'unset the class teacher');
	ok(!defined sql_value("SELECT teacher_id FROM class WHERE id = $id"), 'nobody leads it now');
	$r2 = form_post($admin, "/class?id=$id", "/class?id=$id", teacher => $teacher_id);
	redirects_to($r2, qr{^/class\?id=$id$}, 'appoint again');
	is(sql_value("SELECT teacher_id FROM class WHERE id = $id"), $teacher_id, 'appointed');
	ok(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'class_teacher_set' AND object_id = $id") >= 2,
	    'both changes audited');
	status_is(form_post($ctc, '/classes', "/class?id=$id", teacher => $teacher_id), 403,
	    'a class teacher may not appoint class teachers');
}

# ------------------------------------------------------------ guardians
{
	# A student with a sibling in another class whose parent we link.
	my ($student, $class_id, $sibling_parent) = @{ (sql(
	    "SELECT cs.student_id, cs.class_id, g2.guardian_id FROM class_student cs"
	    . " JOIN person p ON p.id = cs.student_id"
	    . " JOIN guardian g2 ON g2.guardian_id IN (SELECT gp.id FROM person gp"
	    . "   WHERE gp.last_name = p.last_name)"
	    . " WHERE cs.left_on IS NULL AND NOT EXISTS (SELECT 1 FROM guardian g3"
	    . "   WHERE g3.student_id = cs.student_id AND g3.guardian_id = g2.guardian_id)"
	    . " ORDER BY cs.student_id LIMIT 1"))[0] // [] };
	ok($student, "a student ($student) and a parent of the same surname ($sibling_parent)");
	my $page = "/guardian?student=$student&class=$class_id";
	my $r = $admin->get($page);
	status_is($r, 200, 'the guardian form opens');
	like($r->text, qr/Уже есть в школе/, 'guardians of the same surname are offered');

	my $n = sql_value("SELECT COUNT(*) FROM guardian WHERE student_id = $student");
	$r = form_post($admin, $page, $page, last_name => 'Тестова', first_name => 'Анна',
	    middle_name => 'Петровна', sex => 'f', kind => 'guardian');
	redirects_to($r, qr{^/class\?id=$class_id$}, 'a new guardian is added');
	my $new = sql_value("SELECT MAX(g.guardian_id) FROM guardian g JOIN person p"
	    . " ON p.id = g.guardian_id WHERE g.student_id = $student AND p.last_name = 'Тестова'");
	push @made_people, $new if $new;
	is(sql_value("SELECT COUNT(*) FROM guardian WHERE student_id = $student"), $n + 1,
	    'the student has one guardian more');
	is(sql_value("SELECT kind FROM guardian WHERE guardian_id = $new"), 'guardian', 'of the kind chosen');
	like($admin->get("/class?id=$class_id")->text, qr/Тестова Анна Петровна/,
	    'the roster shows them');
	like($admin->get("/class?id=$class_id")->text, qr/Тестова Анна Петровна.*?нет заявления/s,
	    '... without consent yet');

	$r = form_post($admin, $page, $page, existing => $sibling_parent, kind => 'parent');
	redirects_to($r, qr{^/class\?id=$class_id$}, "a sibling's parent is linked");
	is(sql_value("SELECT COUNT(*) FROM guardian WHERE guardian_id = $sibling_parent"
	    . " AND student_id = $student"), 1, 'the link exists');
	ok(sql_value("SELECT COUNT(*) FROM guardian WHERE guardian_id = $sibling_parent") >= 2,
	    'one guardian, several children');
	$r = form_post($admin, $page, $page, existing => $sibling_parent, kind => 'parent');
	status_is($r, 400, 'linking twice is refused');
	like($r->text, qr/уже указан/, '... with a message');
	sql("DELETE FROM guardian WHERE guardian_id = $sibling_parent AND student_id = $student");

	for my $b ([ [ first_name => 'Анна', kind => 'parent' ], qr/фамилию/, 'no surname' ],
	    [ [ last_name => 'Т', first_name => 'А', kind => 'uncle' ], qr/Кем приходится/, 'bad kind' ],
	    [ [ last_name => 'Т', first_name => 'А', sex => 'x', kind => 'parent' ], qr/Пол/, 'bad sex' ],
	    [ [ existing => 999999999, kind => 'parent' ], qr/нет/, 'unknown guardian' ]) {
		my ($f, $re, $what) = @$b;
		my $r = form_post($admin, $page, $page, @$f);
		status_is($r, 400, "refused: $what");
		like($r->text, $re, "... with a Russian message ($what)");
	}

	# Object checks: the class teacher of this class may, another may not.
	my ($own_login) = map { $_->[0] } sql("SELECT a.login FROM class c JOIN account a"
	    . " ON a.person_id = c.teacher_id WHERE c.id = $class_id");
	my ($other_login) = map { $_->[0] } sql("SELECT a.login FROM class c JOIN account a"
	    . " ON a.person_id = c.teacher_id WHERE c.id <> $class_id AND a.is_active = 1 LIMIT 1");
	my %pw = map { $_->{login} => $_->{password} } accounts();
	SKIP: {
		skip 'the class has no class teacher with a demo password', 2
		    unless $own_login && $pw{$own_login};
		my $own = login_ok($own_login, $pw{$own_login}, 'the class teacher of the class logs in');
		status_is($own->get($page), 200, 'their own class: the form opens');
	}
	my $other = login_ok($other_login, $pw{$other_login}, 'another class teacher logs in');
	status_is($other->get($page), 403, 'another class: 403');
	status_is($admin->get("/guardian?student=$student&class=" . ($class_id + 1)), 403,
	    'a student named with a class that is not theirs: 403');
	status_is($admin->get("/guardian?student=$student"), 400, 'no class: 400');
}

done_testing();
