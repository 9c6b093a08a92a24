#!/usr/bin/perl
# Streams across classes (R14, R18): a deputy director creates a stream
# from the students of two classes on /streams, the stream shows on both
# classes' pages and, once a teacher has it, in /load among the groups
# outside the classes' curriculum; its page lists the members by class,
# adds and removes members, renames it, and deletes it only when no one
# teaches it (409 with a message).  Validation: a name, at least one
# student, only current students of the school's current year, none twice,
# a name not taken.  Who: admin and management change, the inspector
# reads, a class teacher reads a stream with a student of their class and
# changes nothing; another school's stream is 404.
#
# Everything the test makes (the stream, its load, another school, a
# student who left) is removed at the end.
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
my $tag = "t92s-$$";

# ------------------------------------------------------------ the demo
my $C = class_by_name('7 А') or BAIL_OUT('no 7 А in the demo');
my $D = class_by_name('7 Б') or BAIL_OUT('no 7 Б in the demo');
my $E = class_by_name('7 В') or BAIL_OUT('no 7 В in the demo');
my $F = class_by_name('1 А') or BAIL_OUT('no 1 А in the demo');
# A subject in neither class's curriculum: the stream's load is "outside".
my $SUBJ = sql_value('SELECT s.id FROM subject s WHERE s.school_id = 1 AND NOT EXISTS ('
    . "SELECT 1 FROM curriculum cu WHERE cu.subject_id = s.id AND cu.class_id IN ($C->{id}, $D->{id}, $E->{id}))"
    . ' ORDER BY s.name LIMIT 1') or BAIL_OUT('no subject outside the curriculum of the 7th grades');
my $SUBJ_NAME = sql_value("SELECT name FROM subject WHERE id = $SUBJ");
my $teacher = sql_value("SELECT p.id FROM staff s JOIN person p ON p.id = s.person_id"
    . " WHERE s.position = 'учитель русского языка и литературы' ORDER BY p.id LIMIT 1")
    or BAIL_OUT('no teacher');
my $demo_stream = sql_value("SELECT id FROM `groups` WHERE school_id = 1 AND kind = 'stream' ORDER BY id LIMIT 1")
    or BAIL_OUT('no demo stream');
my $demo_stream_name = sql_value("SELECT name FROM `groups` WHERE id = $demo_stream");
my $subgroup = sql_value("SELECT id FROM `groups` WHERE school_id = 1 AND kind = 'subgroup' LIMIT 1");

my @SC = class_students($C->{id});
my @SD = class_students($D->{id});
my @SE = class_students($E->{id});
ok(@SC >= 3 && @SD >= 3 && @SE >= 1, 'the classes have students') or BAIL_OUT('empty classes');
my @members = (map({ $_->{id} } @SC[0 .. 2]), map({ $_->{id} } @SD[0 .. 1]));

# ------------------------------------------------------------ what we make
my $gmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM `groups`');
my $amax = sql_value('SELECT COALESCE(MAX(id), 0) FROM assignment');
my $pmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM person');
my ($school2, $year2, $class2, $group2);
END {
	if (var_dir() && base_url()) {
		eval {
			sql("DELETE FROM assignment WHERE id > $amax");
			sql("DELETE FROM group_student WHERE group_id > $gmax");
			sql("DELETE FROM `groups` WHERE id > $gmax");
			sql("DELETE FROM class_student WHERE student_id > $pmax");
			sql("DELETE FROM person WHERE id > $pmax");
			if ($school2) {
				sql("DELETE FROM `groups` WHERE school_id = $school2");
				sql("DELETE FROM class WHERE school_id = $school2");
				sql("DELETE FROM year WHERE school_id = $school2");
				drop_school($school2);
			}
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

# Another school with a current year, a class, a student and a stream.
sql("INSERT INTO school (name, short_name) VALUES (" . sq("Школа $tag") . ", " . sq($tag) . ")");
$school2 = sql_value('SELECT id FROM school WHERE short_name = ' . sq($tag));
sql("INSERT INTO year (school_id, name, starts_on, ends_on) VALUES ($school2, '2026/2027', '2026-09-01', '2027-05-31')");
$year2 = sql_value("SELECT id FROM year WHERE school_id = $school2");
sql("INSERT INTO class (school_id, year_id, grade, letter) VALUES ($school2, $year2, 7, 'А')");
$class2 = sql_value("SELECT id FROM class WHERE school_id = $school2");
sql("INSERT INTO person (school_id, last_name, first_name) VALUES ($school2, 'Чужой', 'Ученик')");
my $alien = sql_value("SELECT id FROM person WHERE school_id = $school2");
sql("INSERT INTO class_student (class_id, student_id, joined_on) VALUES ($class2, $alien, '2026-09-01')");
sql("INSERT INTO `groups` (school_id, year_id, name, kind) VALUES ($school2, $year2, " . sq("Поток $tag") . ", 'stream')");
$group2 = sql_value("SELECT id FROM `groups` WHERE school_id = $school2");
sql("INSERT INTO group_student (group_id, student_id) VALUES ($group2, $alien)");
# A student of 7 А who has left.
sql("INSERT INTO person (school_id, last_name, first_name) VALUES (1, 'Выбывший', " . sq($tag) . ")");
my $left = sql_value("SELECT id FROM person WHERE school_id = 1 AND first_name = " . sq($tag));
sql("INSERT INTO class_student (class_id, student_id, joined_on, left_on) VALUES ($C->{id}, $left, '2026-09-01', '2026-10-01')");

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
my $cc = as("class teacher of $C->{name}", account_of_person($C->{teacher_id}) // BAIL_OUT('no class teacher'));
my $cf = as("class teacher of $F->{name}", account_of_person($F->{teacher_id}) // BAIL_OUT('no class teacher'));
my $ct = as('teacher', account_of_role('teacher'));

my $audits = sub { sql_value('SELECT COUNT(*) FROM audit WHERE action = ' . sq($_[0])) };
my $post = sub {
	my ($c, $url, @pairs) = @_;
	return $c->post_form($url, [@pairs, csrf => $c->session_csrf // '']);
};
my $made = sub { sql_value("SELECT COUNT(*) FROM `groups` WHERE id > $gmax AND school_id = 1") };
my $name = "Поток $tag";
my @create = (action => 'create', stream_classes => "$C->{id},$D->{id}", name => $name, subject => $SUBJ);
# The create form with some fields changed (a field given twice is a 400
# of its own, so replace rather than append).
my $with = sub {
	my %chg = @_;
	my %f = @create;
	@f{keys %chg} = values %chg;
	return map { ($_ => $f{$_}) } qw(action stream_classes name subject);
};
my $ms = sub { map { (m => $_) } @_ };

# ------------------------------------------------------------ the form
{
	like($ca->get('/groups')->text, qr{href="/streams"}, '/groups without a class links to /streams');
	my $r = $ca->get('/streams');
	status_is($r, 200, 'GET /streams as the admin');
	like(page_text($r->text), qr/Потоки.*\Q$demo_stream_name\E/s, '... lists the streams of the year');
	like($r->text, qr{href="/streams\?id=$demo_stream"}, '... each with a link to its page');
	like($r->text, qr{name="stream_classes" value="$C->{id}"}, '... and the classes to build a new one from');
	unlike($r->text, qr{value="create"}, '... the students come after the classes');
	$r = $ca->get("/streams?stream_classes=$C->{id},$D->{id}");
	status_is($r, 200, 'GET /streams?stream_classes=C,D');
	like($r->text, qr{value="create"}, '... the form to create a stream');
	like(page_text($r->text), qr/\Q$SC[0]{full}\E.*\Q$SD[0]{full}\E/s, '... with the students of both classes');
	unlike(page_text($r->text), qr/\Q$SE[0]{full}\E/, '... and not of a third class');
	like($ca->get("/streams?stream_classes=$C->{id}&stream_classes=$D->{id}")->text, qr/\Q$SD[0]{full}\E/,
	    '... the classes may come one per checkbox too');
	status_is($ca->get('/streams?stream_classes=5;drop'), 400, 'stream_classes=garbage → 400');
	my $i = $ci->get('/streams');
	status_is($i, 200, 'GET /streams as the inspector');
	like(page_text($i->text), qr/\Q$demo_stream_name\E/, '... sees the streams');
	unlike($ci->get("/streams?stream_classes=$C->{id}")->text, qr{value="create"|name="stream_classes"},
	    '... but no form to create one');
}

# ------------------------------------------------------------ validation
{
	my $n = $audits->('group_create');
	my @cases = (
		['no students', [], qr/хотя бы одного ученика/],
		["a student of another school", [@members, $alien], qr/не учатся в классах школы/],
		['a student who left', [@members, $left], qr/не учатся в классах школы/],
		['a student twice', [@members, $members[0]], qr/отмечен дважды/],
		['a member that is not an id', [@members, 'x'], qr/Неверный список/],
	);
	for my $case (@cases) {
		my ($what, $m, $re) = @$case;
		my $r = $post->($ca, '/streams', @create, $ms->(@$m));
		status_is($r, 400, "creating a stream with $what → 400");
		russian_html_ok($r, "... ($what)", $re);
	}
	my $r = $post->($ca, '/streams', $with->(name => ''), $ms->(@members));
	status_is($r, 400, 'a stream without a name → 400');
	russian_html_ok($r, '... no name', qr/Укажите название/);
	$r = $post->($ca, '/streams', $with->(subject => 999999), $ms->(@members));
	status_is($r, 400, 'an unknown subject → 400');
	russian_html_ok($r, '... unknown subject', qr/Такого предмета в школе нет/);
	$r = $post->($ca, '/streams', $with->(name => $demo_stream_name), $ms->(@members));
	status_is($r, 400, 'the name of an existing stream → 400');
	russian_html_ok($r, '... taken', qr/с таким названием в этом году уже есть/);
	like($r->text, qr{name="m" value="$members[0]" checked}, '... the form keeps the ticks');
	for my $who (['inspector', $ci], ["class teacher of $C->{name}", $cc], ['teacher', $ct]) {
		status_is($post->($who->[1], '/streams', @create, $ms->(@members)), 403,
		    "creating a stream as the $who->[0] → 403");
	}
	is($made->(), 0, 'no invalid post made a group');
	is($audits->('group_create'), $n, '... nor an audit row');
}

# ------------------------------------------------------------ create
my $S;
{
	my $n = $audits->('group_create');
	my $r = $post->($cm, '/streams', @create, $ms->(@members));
	$S = sql_value('SELECT id FROM `groups` WHERE name = ' . sq($name));
	ok($S, 'management creates the stream');
	redirects_to($r, "/streams?id=" . ($S // 0), '... → 303 to its page');
	is(sql_value("SELECT CONCAT_WS(' ', kind, IFNULL(class_id, '-'), subject_id, school_id) FROM `groups` WHERE id = $S"),
	    "stream - $SUBJ 1", '... a stream of no class, for the subject');
	is(sql_value("SELECT year_id FROM `groups` WHERE id = $S"),
	    sql_value('SELECT year_id FROM current_year WHERE school_id = 1'), '... in the current year');
	is(sql_value("SELECT GROUP_CONCAT(student_id ORDER BY student_id) FROM group_student WHERE group_id = $S"),
	    join(',', sort { $a <=> $b } @members), '... with the students chosen');
	is($audits->('group_create'), $n + 1, '... one audit row');
	status_is($post->($ca, '/streams', @create, $ms->(@members)), 400, 'the same name again → 400');
	is($made->(), 1, '... still one stream');
}

# ------------------------------------------------------------ where it shows
for my $K ($C, $D) {
	my $r = $ca->get("/groups?class=$K->{id}");
	like(page_text($r->text), qr/\Q$name\E/, "/groups?class= of $K->{name} lists the stream");
	like($r->text, qr{href="/streams\?id=$S"}, '... with a link to its page');
}
unlike(page_text($ca->get("/groups?class=$E->{id}")->text), qr/\Q$name\E/, "... $E->{name} does not");

# ------------------------------------------------------------ its page
my $page = "/streams?id=$S";
{
	my $r = $ca->get($page);
	status_is($r, 200, "GET $page as the admin");
	security_headers_ok($r, 'stream page');
	russian_html_ok($r, 'stream page');
	no_inline_script_ok($r, 'stream page');
	my $t = page_text($r->text);
	like($t, qr/\Q$C->{name}\E — 3 уч\..*\Q$SC[0]{full}\E.*\Q$D->{name}\E — 2 уч\..*\Q$SD[0]{full}\E/s,
	    '... the members by class');
	like($t, qr/\Q$SUBJ_NAME\E/, '... the subject');
	like($r->text, qr{value="members"}, '... the form for members');
	like($r->text, qr{value="delete"}, '... and for deleting');
	$r = $ca->get("$page&stream_classes=$E->{id}");
	like($r->text, qr{name="m" value="$SE[0]{id}"}, '... stream_classes shows a third class to add from');

	status_is($cm->get($page), 200, 'GET as management → 200');
	$r = $ci->get($page);
	status_is($r, 200, 'GET as the inspector → 200');
	like(page_text($r->text), qr/\Q$SC[0]{full}\E/, '... sees the members');
	unlike($r->text, qr{value="stream_(?:members|rename|delete)"}, '... and no forms');
	$r = $cc->get($page);
	status_is($r, 200, "GET as the class teacher of $C->{name} (their students are in it) → 200");
	unlike($r->text, qr{value="members"}, '... read only');
	status_is($cf->get($page), 403, "GET as the class teacher of $F->{name} → 403");
	status_is($ct->get($page), 403, 'GET as a subject teacher → 403');
	redirects_to(client()->get($page), $LOGIN_RE, 'GET without a session → /login');
	status_is($ca->get("/streams?id=$group2"), 404, "another school's stream → 404");
	status_is($ca->get("/streams?id=$subgroup"), 404, 'a subgroup as a stream → 404') if $subgroup;
	status_is($ca->get('/streams?id=abc'), 400, 'id=abc → 400');
}

# ------------------------------------------------------------ change it
{
	my $m = $audits->('group_members');
	my @new = (@members[1 .. $#members], $SE[0]{id});
	for my $who (['inspector', $ci], ["class teacher of $C->{name}", $cc]) {
		status_is($post->($who->[1], '/streams', id => $S, action => 'members', $ms->(@new)), 403,
		    "changing the members as the $who->[0] → 403");
	}
	status_is($post->($ca, '/streams', id => $group2, action => 'members', $ms->($alien)), 404,
	    "changing another school's stream → 404");
	status_is($post->($ca, '/streams', id => $S, action => 'members', $ms->(@new, $alien)), 400,
	    'a member of another school → 400');
	status_is($post->($ca, '/streams', id => $S, action => 'members'), 400, 'no members → 400');
	is($audits->('group_members'), $m, '... no audit row yet');
	my $r = $post->($ca, '/streams', id => $S, action => 'members', $ms->(@new));
	redirects_to($r, $page, "one of $C->{name} out, one of $E->{name} in → 303");
	is(sql_value("SELECT GROUP_CONCAT(student_id ORDER BY student_id) FROM group_student WHERE group_id = $S"),
	    join(',', sort { $a <=> $b } @new), '... the members changed');
	is($audits->('group_members'), $m + 1, '... one audit row');
	is(sql_value("SELECT CONCAT(old_value, ' → ', new_value) FROM audit WHERE action = 'group_members'"
	    . " AND object_id = $S ORDER BY id DESC LIMIT 1"), "$name: 5 → $name: 5", '... with the counts');
	like(page_text($ca->get("/groups?class=$E->{id}")->text), qr/\Q$name\E/, "... now on $E->{name}'s page");

	$r = $post->($ca, '/streams', id => $S, action => 'rename', name => $demo_stream_name);
	status_is($r, 400, 'renaming to a taken name → 400');
	russian_html_ok($r, '... taken', qr/уже есть/);
	$name = "Поток $tag (новый)";
	$r = $post->($cm, '/streams', id => $S, action => 'rename', name => $name);
	redirects_to($r, $page, 'renaming → 303');
	is(sql_value("SELECT name FROM `groups` WHERE id = $S"), $name, '... renamed');
	is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'group_rename' AND object_id = $S"), 1, '... audited');
}

# ------------------------------------------------------------ load, delete
{
	my $r = $post->($ca, '/load', action => 'add', teacher => $teacher, subject => $SUBJ, group => $S, hours => 1);
	redirects_to($r, '/load', 'a teacher gets the stream on /load → 303');
	my $t = page_text($ca->get('/load')->text);
	like($t, qr/Вне учебного плана классов.*\Q$name\E/s, '... /load lists it outside the classes\' curriculum');

	my $d = $audits->('group_delete');
	$r = $post->($ca, '/streams', id => $S, action => 'delete');
	status_is($r, 409, 'deleting a stream someone teaches → 409');
	russian_html_ok($r, '... with a message', qr/нельзя удалить: у него есть нагрузка/);
	ok(sql_value("SELECT COUNT(*) FROM `groups` WHERE id = $S"), '... the stream stays');
	like(page_text($ca->get($page)->text), qr/есть нагрузка учителей/, '... its page says why it cannot go');
	status_is($post->($cc, '/streams', id => $S, action => 'delete'), 403, '... a class teacher → 403');

	my $aid = sql_value("SELECT id FROM assignment WHERE group_id = $S");
	redirects_to($post->($ca, '/load', action => 'remove', id => $aid), '/load', 'the load is removed');
	$r = $post->($ca, '/streams', id => $S, action => 'delete');
	redirects_to($r, '/streams', 'deleting the stream no one teaches → 303');
	is(sql_value("SELECT COUNT(*) FROM `groups` WHERE id = $S"), 0, '... it is gone');
	is(sql_value("SELECT COUNT(*) FROM group_student WHERE group_id = $S"), 0, '... with its members');
	is($audits->('group_delete'), $d + 1, '... one audit row');
	status_is($ca->get($page), 404, '... and its page is 404');
	unlike(page_text($ca->get("/groups?class=$C->{id}")->text), qr/\Q$name\E/, "... gone from $C->{name}'s page");
}

done_testing();
