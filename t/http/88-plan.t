#!/usr/bin/perl
# The calendar-thematic plan (R29) on /plan: the teacher of an assignment
# edits their plan (add, insert, move, edit, delete, renumber), the page
# compares its hours with the load × 34 weeks, counts done topics against
# those planned up to today and proposes the next topic; the CSV import is
# all or nothing and refused once lessons use the plan; who may read and
# write.  The plan of the assignment used is saved first and put back.
use strict;
use warnings;
use utf8;

use Encode ();
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

# A whole-class group of grades 5-9 with a teacher that has a login, and a
# class teacher with one.
my ($aid, $group, $subject, $teacher, $weekly10, $class, $lead) = @{ (sql(
    "SELECT a.id, a.group_id, a.subject_id, a.teacher_id, CAST(a.hours * 10 AS SIGNED),"
    . " c.id, c.teacher_id FROM assignment a JOIN current_year cy ON cy.year_id = a.year_id"
    . " JOIN `groups` g ON g.id = a.group_id AND g.kind = 'class'"
    . " JOIN class c ON c.id = g.class_id AND c.grade BETWEEN 5 AND 9"
    . " JOIN account ta ON ta.person_id = a.teacher_id AND ta.is_active = 1"
    . " JOIN account la ON la.person_id = c.teacher_id AND la.is_active = 1"
    . " WHERE a.school_id = 1 AND a.teacher_id <> c.teacher_id"
    . " AND (SELECT COUNT(*) FROM assignment a2 WHERE a2.group_id = a.group_id"
    . "   AND a2.subject_id = a.subject_id) = 1"
    . " ORDER BY a.id LIMIT 1"))[0] };
ok($aid, "assignment $aid: group $group, subject $subject, teacher $teacher");
my $K = "group_id = $group AND subject_id = $subject AND teacher_id = $teacher";
my @saved = sql("SELECT id, school_id, year_id, number, topic, hours, IFNULL(planned_on, 'NULL'),"
    . " is_test FROM plan_topic WHERE $K");
my $year = sql_value("SELECT year_id FROM assignment WHERE id = $aid");
# The demo's lessons that cover topics of the plan: unlinked while the
# test runs, linked again at the end.
my $PK = "pt.group_id = $group AND pt.subject_id = $subject AND pt.teacher_id = $teacher";
my @links = sql("SELECT l.id, l.plan_topic_id FROM lesson l JOIN plan_topic pt ON pt.id = l.plan_topic_id WHERE $PK");
my @lessons;	# fixture lessons, removed first
my $setting_had;

END {
	if (var_dir() && $aid) {
		for my $l (@lessons) {
			eval { sql("DELETE FROM lesson_work WHERE lesson_id = $l") };
			eval { sql("DELETE FROM lesson WHERE id = $l") };
		}
		eval { sql("DELETE FROM plan_topic WHERE $K") };
		for my $r (@saved) {
			my ($id, $sch, $y, $n, $t, $h, $d, $test) = @$r;
			eval { sql("INSERT INTO plan_topic (id, school_id, year_id, teacher_id, subject_id,"
			    . " group_id, number, topic, hours, planned_on, is_test) VALUES ($id, $sch, $y,"
			    . " $teacher, $subject, $group, $n, " . sq($t) . ", $h, "
			    . ($d eq 'NULL' ? 'NULL' : sq($d)) . ", $test)") };
		}
		eval { sql("UPDATE lesson SET plan_topic_id = CASE id "
		    . join(' ', map { "WHEN $_->[0] THEN $_->[1]" } @links) . " END WHERE id IN ("
		    . join(',', map { $_->[0] } @links) . ")") } if @links;
		eval { sql("DELETE FROM school_setting WHERE school_id = 1 AND name = 'tests_per_day_max'") }
		    unless defined $setting_had;
	}
	eval { clear_attempts() } if var_dir();
}
ok(@saved > 0, 'the demo gave the assignment a plan (' . scalar(@saved) . ' topics)');
sql("UPDATE lesson l JOIN plan_topic pt ON pt.id = l.plan_topic_id SET l.plan_topic_id = NULL WHERE $PK") if @links;
sql("DELETE FROM plan_topic WHERE $K");

my $login_of = sub { sql_value("SELECT login FROM account WHERE person_id = $_[0] AND is_active = 1") };
my $t = tsv_account($login_of->($teacher));
my $tc = login_ok($t->{login}, $t->{password}, 'the teacher of the assignment logs in');
my $url = "/plan?group=$group&subject=$subject";
my $topics = sub { sql_value("SELECT COUNT(*) FROM plan_topic WHERE $K") };
my $post = sub {
	my ($c, @pairs) = @_;
	my $csrf = csrf_of($c->get('/home')->text);
	return $c->post_form('/plan', [ csrf => $csrf, group => $group, subject => $subject, @pairs ]);
};
my $hours = sub {	# tenths as the page writes hours
	my ($x) = @_;
	my $s = abs($x) % 10 ? sprintf('%d,%d', int(abs($x) / 10), abs($x) % 10) : int(abs($x) / 10);
	return $s;
};

# The list of own plans.
my $list = $tc->get('/plan');
status_is($list, 200, '/plan lists the teacher\'s plans');
like($list->content, qr/group=$group&amp;subject=$subject/, '... with a link to this one');

my $page = $tc->get($url);
status_is($page, 200, 'the empty plan opens');
like($page->text, qr/В плане нет тем/, '... says it is empty');
like($page->text, qr/Новая тема/, '... with the form for its teacher');

# Adding topics; one to insert at the top.
redirects_to($post->($tc, action => 'add', topic => 'Тема второй очереди', hours => '1',
    planned_on => '2026-09-10'), qr{^/plan\?}, 'a topic added');
redirects_to($post->($tc, action => 'add', topic => 'Контрольная работа по теме «Проверка»',
    hours => '1,5', planned_on => '2026-09-17', is_test => '1'), qr{^/plan\?}, 'a test topic added');
redirects_to($post->($tc, action => 'add', topic => 'Тема на будущее', hours => '2',
    planned_on => '2027-04-20'), qr{^/plan\?}, 'a future topic added');
redirects_to($post->($tc, action => 'add', topic => 'Самая первая тема', hours => '1',
    planned_on => '2026-09-03', number => '1'), qr{^/plan\?}, 'a topic inserted as № 1');
is(join('|', map { $_->[0] } sql("SELECT topic FROM plan_topic WHERE $K ORDER BY number")),
    'Самая первая тема|Тема второй очереди|Контрольная работа по теме «Проверка»|Тема на будущее',
    'the order: the inserted one first, the others moved down');
is(join(',', map { $_->[0] } sql("SELECT number FROM plan_topic WHERE $K ORDER BY number")), '1,2,3,4',
    'numbers 1..4');
is(sql_value("SELECT is_test FROM plan_topic WHERE $K AND number = 3"), 1, 'the test flag stored');
is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'plan_topic_add' AND object_id IN"
    . " (SELECT id FROM plan_topic WHERE $K)"), 4, 'additions audited');

# Hours against the load × 34: 1 + 1 + 1,5 + 2 = 5,5.
my $required = $weekly10 * 34;
my $text = page_text($tc->get($url)->text);
like($text, qr/Часов в плане: 5,5\s*; по нагрузке: ${\ $hours->($required)} /, 'plan hours and the load × 34');
like($text, qr/Разница: −${\ $hours->($required - 55)} ч \(меньше нормы\)/, 'the difference shown');

# Refusals: nothing written.
for my $b ([ [ topic => '', hours => '1' ], qr/Напишите тему/, 'no topic' ],
    [ [ topic => 'Тема', hours => 'много' ], qr/Часы: число от 0,5 до 99/, 'hours in words' ],
    [ [ topic => 'Тема', hours => '1', planned_on => '2030-01-10' ], qr/в пределах учебного года/,
	'a date outside the year' ],
    [ [ topic => 'Тема', hours => '1', planned_on => '2026-02-31' ], qr/дат/i, 'no such day' ]) {
	my ($f, $re, $what) = @$b;
	my $r = $post->($tc, action => 'add', @$f);
	status_is($r, 400, "refused: $what");
	like($r->text, $re, "... with a Russian message ($what)");
}
is($topics->(), 4, 'nothing written by the refusals');

# Move, edit, delete, renumber.
my %id = map { $_->[1] => $_->[0] } sql("SELECT id, number FROM plan_topic WHERE $K");
redirects_to($post->($tc, action => 'down', id => $id{1}), qr{^/plan\?}, 'move № 1 down');
is(sql_value("SELECT number FROM plan_topic WHERE id = $id{1}"), 2, '... it is № 2');
is(sql_value("SELECT number FROM plan_topic WHERE id = $id{2}"), 1, '... and its neighbour № 1');
redirects_to($post->($tc, action => 'up', id => $id{1}), qr{^/plan\?}, 'and back up');
is(sql_value("SELECT number FROM plan_topic WHERE id = $id{1}"), 1, '... № 1 again');
redirects_to($post->($tc, action => 'edit', id => $id{4}, topic => 'Тема на будущее, исправленная',
    hours => '1', planned_on => '2027-04-21'), qr{^/plan\?}, 'a topic edited');
is_deeply((sql("SELECT topic, hours, planned_on FROM plan_topic WHERE id = $id{4}"))[0],
    [ 'Тема на будущее, исправленная', '1.0', '2027-04-21' ], '... text, hours and date changed');
like($tc->get("$url&edit=$id{4}")->text, qr/Изменить тему № 4/, 'the edit form opens');
redirects_to($post->($tc, action => 'delete', id => $id{2}), qr{^/plan\?}, 'an unused topic deleted');
is(join(',', map { $_->[0] } sql("SELECT number FROM plan_topic WHERE $K ORDER BY number")), '1,2,3',
    'the gap closed');
sql("UPDATE plan_topic SET number = number + 10 WHERE $K ORDER BY number DESC");
redirects_to($post->($tc, action => 'renumber'), qr{^/plan\?}, 'renumbered');
is(join(',', map { $_->[0] } sql("SELECT number FROM plan_topic WHERE $K ORDER BY number")), '1,2,3',
    '... 1..N again');

# Done, ahead or behind: a lesson on topic 1.  Due: topics planned up to
# today, as the database counts it.
my $first = sql_value("SELECT id FROM plan_topic WHERE $K AND number = 1");
my $second = sql_value("SELECT topic FROM plan_topic WHERE $K AND number = 2");
sql("INSERT INTO lesson (school_id, year_id, group_id, subject_id, teacher_id, on_date, topic,"
    . " plan_topic_id) VALUES (1, $year, $group, $subject, $teacher, '2026-09-03', 'Фикстура', $first)");
push @lessons, sql_value('SELECT MAX(id) FROM lesson');
my $due = sql_value("SELECT COUNT(*) FROM plan_topic WHERE $K AND planned_on <= CURDATE()");
$text = page_text($tc->get($url)->text);
like($text, qr/Пройдено тем: 1\s*; по плану к \d\d\.\d\d\.\d{4} — $due\s*:/, 'done 1, due as planned');
my $pace = 1 - $due;
like($text, $pace < 0 ? qr/отставание, тем: ${\ -$pace}\b/ : $pace > 0 ? qr/опережение, тем: $pace\b/
    : qr/по плану/, 'ahead or behind by the difference');
like($text, qr/Следующая тема: \Q$second\E/, 'the next topic is the first unused one');
my $r = $post->($tc, action => 'delete', id => $first);
status_is($r, 409, 'a used topic cannot be deleted');
like($r->text, qr/урок журнала уже ссылается/, '... with the reason');
is(sql_value("SELECT COUNT(*) FROM plan_topic WHERE id = $first"), 1, '... it is still there');

# CSV: refused while a lesson uses the plan.
my $upload = sub {
	my ($c, $bytes, %f) = @_;
	my $csrf = csrf_of($c->get('/home')->text);
	return $c->post_raw('/plan', multipart([ csrf => $csrf ], [ group => $group ],
	    [ subject => $subject ], map({ [ $_ => $f{$_} ] } sort keys %f), [ file => $bytes, 'plan.csv' ]));
};
my $checksum = sub { $_[0] =~ /name="checksum" value="([0-9a-f]{64})"/ ? $1 : undef };
my $good = Encode::encode('cp1251', "№,Тема,Часы,Дата,Контрольная\r\n"
    . "2,Вторая тема из файла,1,15.09.2026,\r\n1,Первая тема из файла,\"1,5\",08.09.2026,\r\n"
    . "3,Контрольная работа из файла,1,22.09.2026,да\r\n");
$r = $upload->($tc, $good, action => 'preview');
status_is($r, 200, 'a good file previewed');
like($r->text, qr/Тем в файле: 3, часов: 3,5.*Windows-1251.*Ошибок: 0/s, '... read as Windows-1251, no errors');
my $sum = $checksum->($r->content);
$r = $upload->($tc, $good, action => 'import', checksum => $sum);
status_is($r, 409, 'the import is refused while a lesson uses a topic');
like($r->text, qr/уроки журнала ссылаются на его темы/, '... with the reason');
is($topics->(), 3, '... and the plan is as it was');
for my $l (@lessons) { sql("DELETE FROM lesson WHERE id = $l") }
@lessons = ();

my $bad = "№;Тема;Часы;Дата;Контрольная\n1;Тема;1;;\n2;;1;;\n3;Тема три;много;;\n3;Повтор номера;1;;\n"
    . "5;Дата не та;1;01.01.2031;\n6;Флаг;1;;может быть\n";
$r = $upload->($tc, $bad, action => 'preview');
status_is($r, 200, 'a broken file previewed');
my $pt = $r->text;
like($pt, qr/Строка 3: нет темы/, 'error: no topic, with its line');
like($pt, qr/Строка 4: часы/, 'error: hours');
like($pt, qr/Строка 5: номер 3 уже был в строке 4/, 'error: a repeated number');
like($pt, qr/Строка 6: дата вне учебного года/, 'error: a date outside the year');
like($pt, qr/Строка 7: «Контрольная»/, 'error: the test flag');
unlike($pt, qr/Заменить план/, 'no import button');
$r = $upload->($tc, $bad, action => 'import', checksum => $checksum->($r->content) // 'x');
status_is($r, 400, 'importing the broken file is refused');
is($topics->(), 3, '... nothing written');
$r = $upload->($tc, $good, action => 'import', checksum => $sum);
redirects_to($r, qr{^/plan\?}, 'the good file replaces the plan');
is_deeply([ map { join '|', @$_ } sql("SELECT number, topic, hours, planned_on, is_test FROM plan_topic"
    . " WHERE $K ORDER BY number") ],
    [ '1|Первая тема из файла|1.5|2026-09-08|0', '2|Вторая тема из файла|1.0|2026-09-15|0',
      '3|Контрольная работа из файла|1.0|2026-09-22|1' ], '... in the order of the numbers');

# Roles.  Another teacher: neither teaching this nor leading the class.
my ($other) = grep { my $p = sql_value("SELECT person_id FROM account WHERE login = " . sq($_->{login}));
	$p && $p != $teacher && $p != $lead && !sql_value("SELECT COUNT(*) FROM assignment WHERE"
	    . " group_id = $group AND subject_id = $subject AND teacher_id = $p")
	    && !sql_value("SELECT COUNT(*) FROM class WHERE teacher_id = $p") } accounts_of_role('teacher');
my $oc = login_ok($other->{login}, $other->{password}, 'another teacher logs in');
status_is($oc->get($url), 403, 'another teacher may not read the plan');
status_is($post->($oc, action => 'add', topic => 'Чужая тема', hours => '1'), 403,
    'nor add to it by a crafted POST');
status_is($post->($oc, action => 'delete', id => $first), 403, 'nor delete from it');
is($topics->(), 3, 'nothing written by them');
unlike($oc->get('/plan')->content, qr/group=$group&amp;subject=$subject&amp;teacher=$teacher"/,
    'their list does not have it');

my $l = tsv_account($login_of->($lead));
my $lc = login_ok($l->{login}, $l->{password}, 'the class teacher logs in');
$page = $lc->get($url);
status_is($page, 200, 'the class teacher reads the plan of their class');
like($page->text, qr/Вторая тема из файла/, '... its topics');
unlike($page->text, qr/Новая тема/, '... without the form');
status_is($post->($lc, action => 'add', topic => 'Тема руководителя', hours => '1'), 403,
    'the class teacher may not write to it');
like($lc->get('/plan')->content, qr/group=$group&amp;subject=$subject/, 'their list has the class\'s plans');

for my $role (qw(management inspector admin)) {
	my $x = account_of_role($role);
	my $xc = login_ok($x->{login}, $x->{password}, "$role logs in");
	like($xc->get('/plan')->content, qr/group=$group&amp;subject=$subject/, "$role: every plan listed");
	status_is($xc->get($url), 200, "$role reads the plan");
}
my $m = account_of_role('management');
my $mc = login_ok($m->{login}, $m->{password}, 'management again');
status_is($post->($mc, action => 'add', topic => 'Тема завуча', hours => '1'), 403,
    'management may not write to a teacher\'s plan');
for my $role (qw(student parent)) {
	my $x = account_of_role($role);
	my $xc = login_ok($x->{login}, $x->{password}, "$role logs in");
	status_is($xc->get($url), 403, "$role: refused");
	status_is($xc->get('/plan'), 403, "$role: no list either");
}
is($topics->(), 3, 'the plan is as the teacher left it');

# The tests schedule: a Saturday of the year (the demo plans none on
# Saturdays); one planned test of this plan, then a held test in another
# subject of the class: over the school's limit of one.
my $sat = sql_value("SELECT DATE_ADD('2026-10-03', INTERVAL 7 * n DAY) FROM (SELECT 0 n UNION SELECT 1"
    . " UNION SELECT 2) w WHERE NOT EXISTS (SELECT 1 FROM plan_topic WHERE is_test = 1 AND planned_on ="
    . " DATE_ADD('2026-10-03', INTERVAL 7 * n DAY)) ORDER BY n LIMIT 1");
my ($sat_ru) = $sat =~ /^(\d{4})-(\d\d)-(\d\d)$/ ? ("$3.$2.$1") : ();
$setting_had = sql_value("SELECT value FROM school_setting WHERE school_id = 1 AND name = 'tests_per_day_max'");
plan skip_all => 'the school has its own tests_per_day_max' if defined $setting_had;
sql("UPDATE plan_topic SET planned_on = '$sat' WHERE $K AND number = 3");
my $tests = "/tests?class=$class&from=$sat&weeks=1";
$text = page_text($tc->get($tests)->text);
like($text, qr/\Q$sat_ru\E, суббота Русский|\Q$sat_ru\E, суббота [^,]*Контрольная работа из файла по плану/, 'the planned test is on the schedule');
like($text, qr/Контрольная работа из файла \S+ \S+ \S+ по плану/, '... as planned');
unlike($text, qr/\Q$sat_ru\E, суббота Больше/, 'one test: no warning on that day');
my ($osub, $ogroup, $oteacher) = @{ (sql("SELECT a.subject_id, a.group_id, a.teacher_id FROM assignment a"
    . " JOIN `groups` g ON g.id = a.group_id WHERE g.class_id = $class AND a.subject_id <> $subject"
    . " ORDER BY a.id LIMIT 1"))[0] };
sql("INSERT INTO lesson (school_id, year_id, group_id, subject_id, teacher_id, on_date, topic)"
    . " VALUES (1, $year, $ogroup, $osub, $oteacher, '$sat', 'Фикстура: контрольная')");
push @lessons, sql_value('SELECT MAX(id) FROM lesson');
sql("INSERT INTO lesson_work (lesson_id, work_kind_id, topic) SELECT $lessons[-1], id, 'Дроби'"
    . " FROM work_kind WHERE school_id = 1 AND name = 'Контрольная работа'");
$text = page_text($tc->get($tests)->text);
like($text, qr/Контрольная работа: Дроби \S+ \S+ \S+ проведена/, 'the held test is on the schedule');
like($text, qr/\Q$sat_ru\E, суббота Больше 1 в день: 2 /, 'two tests that day: the warning');
sql("INSERT INTO school_setting (school_id, name, value) VALUES (1, 'tests_per_day_max', '2')");
unlike(page_text($tc->get($tests)->text), qr/\Q$sat_ru\E, суббота Больше/, 'with the school\'s limit of 2: no warning that day');
sql("DELETE FROM school_setting WHERE school_id = 1 AND name = 'tests_per_day_max'");
status_is($lc->get($tests), 200, 'the class teacher sees the schedule');
status_is($oc->get($tests), 200, 'so does any teacher');
for my $role (qw(student parent)) {
	my $x = account_of_role($role);
	my $xc = login_ok($x->{login}, $x->{password}, "$role logs in");
	status_is($xc->get($tests), 403, "$role: no tests schedule yet");
}
status_is($tc->get('/tests?class=999999'), 404, 'an unknown class: 404');

done_testing();
