#!/usr/bin/perl
# Groups and teacher load (R14, R15): who reads and who changes the groups
# of a class and the load; another school's class, group and assignment
# (404); the split of a class (every student in exactly one subgroup);
# individual groups; a group someone teaches cannot be deleted (409); the
# warnings of /load for the demo's two deliberate gaps (the second English
# subgroup of 5 А, literature in 11 Б), gone once the load is added;
# validation of an assignment; audit rows.
#
# Everything the test makes (groups, assignments, another school) is
# removed at the end; the demo's own groups and load are left as they were.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my $LOGIN_RE = qr{^/login(?:[?#]|$)};
my $tag = "t92-$$";

# ------------------------------------------------------------ the demo
my $C = class_by_name('5 А') or BAIL_OUT('no 5 А in the demo');
my $D = class_by_name('5 Б') or BAIL_OUT('no 5 Б in the demo');
my $L = class_by_name('11 Б') or BAIL_OUT('no 11 Б in the demo');
my $sid = sub { sql_value('SELECT id FROM subject WHERE school_id = 1 AND name = ' . sq($_[0])) };
my $ENG = $sid->('Иностранный язык (английский)');
my $LIT = $sid->('Литература');
my $TRUD = $sid->('Труд (технология)');
my $MATH = $sid->('Математика');
my $gid = sub { sql_value('SELECT id FROM `groups` WHERE name = ' . sq($_[0])) };
my $E1 = $gid->("$C->{name} — англ. 1");
my $E2 = $gid->("$C->{name} — англ. 2");
my $WHOLE_L = sql_value("SELECT id FROM `groups` WHERE class_id = $L->{id} AND kind = 'class'");
ok($ENG && $LIT && $TRUD && $E1 && $E2 && $WHOLE_L, 'the demo has the subjects and the groups of its gaps')
    or BAIL_OUT('demo groups missing');
my $english_teacher = sql_value('SELECT a.teacher_id FROM assignment a WHERE a.group_id = ' . $E1);
my $russian_teacher = sql_value("SELECT p.id FROM staff s JOIN person p ON p.id = s.person_id"
    . " WHERE s.position = 'учитель русского языка и литературы' ORDER BY p.id LIMIT 1");
my $secretary_pid = sql_value("SELECT a.person_id FROM account a JOIN account_role r"
    . " ON r.account_id = a.id AND r.role = 'secretary' LIMIT 1");

# ------------------------------------------------------------ what we make
my $gmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM `groups`');
my $amax = sql_value('SELECT COALESCE(MAX(id), 0) FROM assignment');
my ($school2, $year2, $class2, $group2, $subject2, $assign2);
END {
	if (var_dir() && base_url()) {
		eval {
			sql("DELETE FROM assignment WHERE id > $amax");
			sql("DELETE FROM group_student WHERE group_id > $gmax");
			sql("DELETE FROM `groups` WHERE id > $gmax");
			if ($school2) {
				sql("DELETE FROM assignment WHERE school_id = $school2");
				sql("DELETE FROM `groups` WHERE school_id = $school2");
				sql("DELETE FROM class WHERE school_id = $school2");
				sql("DELETE FROM subject WHERE school_id = $school2");
				sql("DELETE FROM year WHERE school_id = $school2");
				drop_school($school2);
			}
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

# Another school with a year, a class, a subject, a group and a load.
sql("INSERT INTO school (name, short_name) VALUES (" . sq("Школа $tag") . ", " . sq($tag) . ")");
$school2 = sql_value('SELECT id FROM school WHERE short_name = ' . sq($tag));
sql("INSERT INTO year (school_id, name, starts_on, ends_on) VALUES ($school2, '2026/2027', '2026-09-01', '2027-05-31')");
$year2 = sql_value("SELECT id FROM year WHERE school_id = $school2");
sql("INSERT INTO class (school_id, year_id, grade, letter) VALUES ($school2, $year2, 5, 'А')");
$class2 = sql_value("SELECT id FROM class WHERE school_id = $school2");
sql("INSERT INTO subject (school_id, name, short_name) VALUES ($school2, 'Математика', 'Мат.')");
$subject2 = sql_value("SELECT id FROM subject WHERE school_id = $school2");
sql("INSERT INTO `groups` (school_id, year_id, name, kind, class_id) VALUES ($school2, $year2, '5 А', 'class', $class2)");
$group2 = sql_value("SELECT id FROM `groups` WHERE school_id = $school2");
sql("INSERT INTO assignment (school_id, year_id, teacher_id, subject_id, group_id, hours)"
    . " VALUES ($school2, $year2, $russian_teacher, $subject2, $group2, 2)");
$assign2 = sql_value("SELECT id FROM assignment WHERE school_id = $school2");

my %client;
sub as {
	my ($label, $acc) = @_;
	return $client{$label} //= do {
		my $c = login($acc->{login}, $acc->{password});
		ok($c->{logged_in}, "log in as $label ($acc->{login})") or diag res_diag($c->{login_res});
		$c;
	};
}
my $ca = as('admin', (accounts())[0]);
my $cm = as('management', account_of_role('management'));
my $ci = as('inspector', account_of_role('inspector'));
my $CT = account_of_person($C->{teacher_id}) or BAIL_OUT('no class teacher of 5 А');
my $cc = as("class teacher of $C->{name}", $CT);
my $ct = as('teacher', account_of_role('teacher'));

my $audits = sub {
	my ($action) = @_;
	return sql_value('SELECT COUNT(*) FROM audit WHERE action = ' . sq($action));
};
my $post = sub {
	my ($c, $url, @pairs) = @_;
	return $c->post_form($url, [@pairs, csrf => $c->session_csrf // '']);
};
my $split_re = qr{name="action" value="split"};

# ------------------------------------------------------------ who may look
my $page = "/groups?class=$C->{id}";
{
	my $r = $ca->get($page);
	status_is($r, 200, "GET $page as the admin");
	security_headers_ok($r, '/groups');
	russian_html_ok($r, '/groups');
	no_inline_script_ok($r, '/groups');
	my $t = page_text($r->text);
	like($t, qr/\Q$C->{name} — англ. 1\E/, 'the page lists the English subgroup 1');
	like($t, qr/\Q$C->{name} — англ. 2\E/, '... and subgroup 2');
	like($t, qr/весь класс/, '... and the whole class');
	like($t, qr/Робототехника/, '... and the stream the class takes part in');
	like($r->text, $split_re, '... with the split form for the admin');
}
status_is($cm->get($page), 200, 'GET as management → 200');
like($cm->get($page)->text, $split_re, '... with the forms');
{
	my $r = $ci->get($page);
	status_is($r, 200, 'GET as the inspector → 200');
	unlike($r->text, $split_re, '... read only: no forms');
}
{
	my $r = $cc->get($page);
	status_is($r, 200, "GET as the class teacher of $C->{name} → 200");
	unlike($r->text, $split_re, '... read only');
	status_is($cc->get("/groups?class=$D->{id}"), 403, "... another class $D->{name} → 403");
}
status_is($ct->get($page), 403, 'GET as a (subject) teacher → 403');
redirects_to(client()->get($page), $LOGIN_RE, 'GET without a session → /login');
status_is($ca->get("/groups?class=$class2"), 404, "another school's class → 404");
status_is($ca->get('/groups?class=abc'), 400, 'class=abc → 400');
status_is($ca->get('/groups'), 200, 'no class: a list of classes');

# ------------------------------------------------------------ who may change
my @students = map { $_->{id} } class_students($D->{id});
my $half = int(@students / 2);
my @A = @students[0 .. $half - 1];
my @B = @students[$half .. $#students];
my @split = (class => $D->{id}, action => 'split', subject => $TRUD,
    name_a => "$D->{name} — труд $tag 1", name_b => "$D->{name} — труд $tag 2");
my $pairs = sub { my ($a, $b) = @_; return ((map { (a => $_) } @$a), (map { (b => $_) } @$b)) };
my $made = sub { sql_value("SELECT COUNT(*) FROM `groups` WHERE id > $gmax AND school_id = 1") };
{
	for my $who (['inspector', $ci], ["class teacher of $C->{name}", $cc], ['teacher', $ct]) {
		status_is($post->($who->[1], '/groups', @split, $pairs->(\@A, \@B)), 403,
		    "POST /groups as the $who->[0] → 403");
	}
	status_is($ca->post_form('/groups', [@split, $pairs->(\@A, \@B)]), 403, 'POST without csrf → 403');
	is($made->(), 0, 'no group was made');
}

# ------------------------------------------------------------ the split
{
	my $n = $audits->('group_create');
	my @both = (\@A, [@B, $A[0]]);
	my $r = $post->($ca, '/groups', @split, $pairs->(@both));
	status_is($r, 400, 'a split with a student in both subgroups → 400');
	russian_html_ok($r, '... in both', qr/ровно в одной подгруппе/);
	$r = $post->($ca, '/groups', @split, $pairs->([@A[1 .. $#A]], \@B));
	status_is($r, 400, 'a split with a student in neither → 400');
	like(page_text($r->text), qr/ни в одной — 1/, '... says one student is in neither');
	my $alien = (class_students($C->{id}))[0]{id};
	$r = $post->($ca, '/groups', @split, $pairs->([@A, $alien], \@B));
	status_is($r, 400, 'a split with a student of another class → 400');
	$r = $post->($ca, '/groups', @split, $pairs->(\@students, []));
	status_is($r, 400, 'a split with an empty subgroup → 400');
	$r = $post->($ca, '/groups', @split, subject => 999999, $pairs->(\@A, \@B));
	status_is($r, 400, 'a split for an unknown subject → 400');
	$r = $post->($ca, '/groups', @split, name_b => $split[9], $pairs->(\@A, \@B));
	status_is($r, 400, 'two subgroups of the same name → 400');
	is($made->(), 0, 'no invalid post made a group');
	is($audits->('group_create'), $n, '... nor an audit row');

	$r = $post->($ca, '/groups', @split, $pairs->(\@A, \@B));
	redirects_to($r, "/groups?class=$D->{id}", 'a valid split → 303 back to the groups');
	is($made->(), 2, 'two subgroups made');
	is($audits->('group_create'), $n + 2, '... with two audit rows');
	my $ga = $gid->($split[7]);
	my $gb = $gid->($split[9]);
	is(sql_value("SELECT COUNT(*) FROM group_student WHERE group_id = $ga"), scalar @A, '... A has its members');
	is(sql_value("SELECT COUNT(*) FROM group_student WHERE group_id = $gb"), scalar @B, '... B has its members');
	is(sql_value("SELECT CONCAT(kind, ' ', class_id, ' ', subject_id) FROM `groups` WHERE id = $ga"),
	    "subgroup $D->{id} $TRUD", '... a subgroup of the class for the subject');

	# Move one student from A to B: the same form again.
	my $m = $audits->('group_members');
	$r = $post->($ca, '/groups', @split, $pairs->([@A[1 .. $#A]], [@B, $A[0]]));
	redirects_to($r, "/groups?class=$D->{id}", 'moving a student between the subgroups → 303');
	is(sql_value("SELECT group_id FROM group_student WHERE student_id = $A[0] AND group_id IN ($ga, $gb)"),
	    $gb, '... the student is in B now, and only there');
	is($made->(), 2, '... no new groups');
	is($audits->('group_members'), $m + 2, '... two audit rows');
	like(page_text($ca->get("/groups?class=$D->{id}")->text), qr/\Q$split[7]\E/, 'the page lists the new subgroup');

	# Someone teaches subgroup A: the split cannot go.
	$r = $post->($ca, '/load', action => 'add', teacher => $russian_teacher, subject => $TRUD,
	    group => $ga, hours => 1);
	redirects_to($r, '/load', 'load for the new subgroup → 303');
	$r = $post->($ca, '/groups', class => $D->{id}, action => 'delete', group => $gb);
	status_is($r, 409, 'deleting a split one of whose subgroups is taught → 409');
	is($made->(), 2, '... both subgroups stay');
	sql("DELETE FROM assignment WHERE group_id = $ga");
	my $d = $audits->('group_delete');
	$r = $post->($ca, '/groups', class => $D->{id}, action => 'delete', group => $gb);
	redirects_to($r, "/groups?class=$D->{id}", 'deleting the unused split → 303');
	is($made->(), 0, '... both subgroups are gone');
	is(sql_value("SELECT COUNT(*) FROM group_student WHERE group_id IN ($ga, $gb)"), 0, '... with their members');
	is($audits->('group_delete'), $d + 2, '... two audit rows');
}

# ------------------------------------------------------------ delete, objects
{
	my $r = $post->($ca, '/groups', class => $C->{id}, action => 'delete', group => $E1);
	status_is($r, 409, "deleting «$C->{name} — англ. 1» (taught) → 409");
	russian_html_ok($r, '409');
	my $whole = sql_value("SELECT id FROM `groups` WHERE class_id = $C->{id} AND kind = 'class'");
	status_is($post->($ca, '/groups', class => $C->{id}, action => 'delete', group => $whole), 409,
	    'deleting the whole-class group → 409');
	status_is($post->($ca, '/groups', class => $C->{id}, action => 'delete', group => $group2), 404,
	    "another school's group → 404");
	status_is($post->($ca, '/groups', class => $class2, action => 'delete', group => $group2), 404,
	    "... named with its own class → 404");
	status_is($post->($ca, '/groups', class => $D->{id}, action => 'delete', group => $E1), 403,
	    "a group of $C->{name} through $D->{name} → 403");
	ok($gid->("$C->{name} — англ. 1"), 'the subgroup is still there');
}

# ------------------------------------------------------------ individual group
{
	my $s = $students[-1];
	my $alien = (class_students($C->{id}))[0]{id};
	my @ind = (class => $D->{id}, action => 'individual', subject => $MATH, name => "$D->{name} — инд. $tag");
	status_is($post->($cm, '/groups', @ind, student => $alien), 400, 'an individual group for a student of another class → 400');
	status_is($post->($cm, '/groups', @ind), 400, '... without a student → 400');
	my $r = $post->($cm, '/groups', @ind, student => $s);
	redirects_to($r, "/groups?class=$D->{id}", 'management makes an individual group → 303');
	my $g = $gid->($ind[7]);
	ok($g, '... it exists');
	is(sql_value("SELECT GROUP_CONCAT(student_id) FROM group_student WHERE group_id = " . ($g // 0)), $s, '... with the one student');
	status_is($post->($cm, '/groups', @ind, student => $s), 400, 'the same name again → 400');
	status_is($post->($cm, '/groups', class => $D->{id}, action => 'members', group => $g, m => $students[0], m => $s),
	    400, 'two members in an individual group → 400');
	$r = $post->($cm, '/groups', class => $D->{id}, action => 'members', group => $g, m => $students[0]);
	redirects_to($r, "/groups?class=$D->{id}", 'another student for it → 303');
	is(sql_value("SELECT GROUP_CONCAT(student_id) FROM group_student WHERE group_id = $g"), $students[0], '... changed');
	redirects_to($post->($cm, '/groups', class => $D->{id}, action => 'delete', group => $g),
	    "/groups?class=$D->{id}", 'and delete it → 303');
	ok(!$gid->($ind[7]), '... gone');
}

# ------------------------------------------------------------ /load
my $gap_eng = qr/\Q$C->{name}\E, Иностранный язык \(английский\): нет учителя у подгруппы \Q$C->{name}\E — англ\. 2/;
my $gap_lit = qr/\Q$L->{name}\E, Литература: нет учителя/;
my $warnings = sub {
	my ($r) = @_;
	my $t = page_text($r->text);
	return $t =~ /Нагрузка не покрывает учебный план.*?Назначить нагрузку/ ? $& : $t =~ /Нагрузка не покрывает.*/ ? $& : '';
};
{
	my $r = $ca->get('/load');
	status_is($r, 200, 'GET /load as the admin');
	russian_html_ok($r, '/load');
	no_inline_script_ok($r, '/load');
	my $w = $warnings->($r);
	like($w, $gap_eng, "a warning: the second English subgroup of $C->{name} has no teacher");
	like($w, $gap_lit, "a warning: literature in $L->{name} has no teacher");
	like($r->text, qr{name="action" value="add"}, '... and the form to add load');
	$r = $ci->get('/load');
	status_is($r, 200, 'GET /load as the inspector → 200');
	unlike($r->text, qr{name="action" value="add"}, '... without the form');
	like($warnings->($r), $gap_lit, '... with the warnings');
	status_is($cc->get('/load'), 403, 'GET /load as a class teacher → 403');
	status_is($post->($ci, '/load', action => 'add', teacher => $english_teacher, subject => $ENG,
	    group => $E2, hours => 3), 403, 'POST /load as the inspector → 403');
}
{
	my $n = $audits->('assignment_add');
	my @add = (action => 'add', teacher => $english_teacher, subject => $ENG, group => $E2, hours => 3);
	my $r = $post->($cm, '/load', @add);
	redirects_to($r, '/load', "management gives «$C->{name} — англ. 2» a teacher → 303");
	is($audits->('assignment_add'), $n + 1, '... one audit row');
	my $id = sql_value("SELECT id FROM assignment WHERE group_id = $E2 AND teacher_id = $english_teacher");
	ok($id, '... the assignment exists');
	is(sql_value("SELECT hours FROM assignment WHERE id = " . ($id // 0)), '3.0', '... 3 hours');
	my $w = $warnings->($ca->get('/load'));
	unlike($w, $gap_eng, '... and the warning is gone');
	like($w, $gap_lit, '... the other one stays');
	$r = $post->($cm, '/load', @add);
	status_is($r, 400, 'the same teacher, subject and group again → 400');
	russian_html_ok($r, 'duplicate', qr/уже ведёт этот предмет в этой группе/);

	$r = $post->($ca, '/load', action => 'add', teacher => $russian_teacher, subject => $LIT,
	    group => $WHOLE_L, hours => '3');
	redirects_to($r, '/load', "literature in $L->{name} gets a teacher → 303");
	unlike($warnings->($ca->get('/load')), $gap_lit, '... the literature warning is gone');

	my $rm = $audits->('assignment_remove');
	$r = $post->($ca, '/load', action => 'remove', id => $id);
	redirects_to($r, '/load', 'removing the English assignment → 303');
	is(sql_value("SELECT COUNT(*) FROM assignment WHERE id = $id"), 0, '... it is gone');
	is($audits->('assignment_remove'), $rm + 1, '... one audit row');
	like($warnings->($ca->get('/load')), $gap_eng, '... and the warning is back');
	status_is($post->($ca, '/load', action => 'remove', id => $assign2), 404, "removing another school's assignment → 404");
	is(sql_value("SELECT COUNT(*) FROM assignment WHERE id = $assign2"), 1, '... it stays');
	sql("DELETE FROM assignment WHERE id > $amax");
}

# ------------------------------------------------------------ assignment validation
{
	my $n = sql_value('SELECT COUNT(*) FROM assignment');
	my @good = (action => 'add', teacher => $english_teacher, subject => $ENG, group => $E2, hours => 3);
	my @cases = (
		['hours 0', { hours => '0' }, qr/от 0,5 до 40/],
		['hours 41', { hours => '41' }, qr/от 0,5 до 40/],
		['hours 0,25', { hours => '0,25' }, qr/от 0,5 до 40/],
		['hours «abc»', { hours => 'abc' }, qr/от 0,5 до 40/],
		['no hours', { hours => undef }, qr/Укажите часы/],
		['a secretary as the teacher', { teacher => $secretary_pid }, qr/с ролью учителя/],
		['an unknown teacher', { teacher => 999999 }, qr/с ролью учителя/],
		["another school's subject", { subject => $subject2 }, qr/Такого предмета в школе нет/],
		["another school's group", { group => $group2 }, qr/Такой группы/],
		['a subgroup of English for mathematics', { subject => $MATH }, qr/для другого предмета/],
		['no group', { group => undef }, qr/Выберите группу/],
	);
	for my $case (@cases) {
		my ($what, $chg, $msg) = @$case;
		my %f = @good;
		for (keys %$chg) {
			if (defined $chg->{$_}) { $f{$_} = $chg->{$_} } else { delete $f{$_} }
		}
		my @p = map { ($_ => $f{$_}) } grep { exists $f{$_} } qw(action teacher subject group hours);
		my $r = $post->($ca, '/load', @p);
		status_is($r, 400, "POST /load with $what → 400");
		russian_html_ok($r, "... ($what)", $msg);
	}
	is(sql_value('SELECT COUNT(*) FROM assignment'), $n, 'no invalid post wrote an assignment');
	my %g = (@good, hours => '1,5');
	my $r = $post->($ca, '/load', map { ($_ => $g{$_}) } qw(action teacher subject group hours));
	redirects_to($r, '/load', 'hours «1,5» are taken');
	is(sql_value("SELECT hours FROM assignment WHERE id > $amax ORDER BY id DESC LIMIT 1"), '1.5', '... as 1.5');
	sql("DELETE FROM assignment WHERE id > $amax");
}

done_testing();
