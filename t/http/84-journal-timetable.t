#!/usr/bin/perl
# The timetable's lessons in the journal (issue 12; R19, R23, R29, R30):
# the lessons of the shown period that the timetable has and the journal
# does not are greyed columns, dated and numbered; a value typed into one
# makes the lesson (the timetable's number, the plan's next topic, the
# default column) with the cell, in one transaction, audited; a second
# cell, or two at once, make no second lesson; a refused value makes none;
# a teacher who does not write the journal that day cannot.  Past ones are
# «не заполнено» in the remarks.  Today's lesson form above the grid sets
# the topic and homework (making the lesson too).
#
# Works on today's timetabled lesson of a journal (the demo's journal is
# filled up to yesterday) and on one past lesson taken away (its date moved
# out of the year); restores both.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my %pw = map { $_->{login} => $_->{password} } accounts();
my $today = sql_value('SELECT CURDATE()');
my ($ty, $tm, $td) = split /-/, $today;

# A whole-class journal of grades 5-9 (five-point scale) timetabled once
# today and not entered yet, whose teacher has a demo login and a plan
# with unused topics, with a lesson entered on an earlier school day (at
# the timetable's number, alone that day) to take away.
my @cand = grep { $pw{ $_->[4] } } sql(
    "SELECT t.group_id, t.subject_id, t.number, t.teacher_id, ac.login, g.class_id"
    . " FROM timetable t JOIN `groups` g ON g.id = t.group_id AND g.kind = 'class'"
    . " JOIN class c ON c.id = g.class_id AND c.grade BETWEEN 5 AND 9"
    . " JOIN subject_scale ss ON ss.subject_id = t.subject_id AND ss.grade = c.grade"
    . " JOIN scale s ON s.id = ss.scale_id AND s.kind = 'five'"
    . " JOIN account ac ON ac.person_id = t.teacher_id AND ac.is_active = 1"
    . " WHERE t.weekday = WEEKDAY(CURDATE()) + 1 AND CURDATE() BETWEEN t.valid_from AND t.valid_to"
    . " AND (SELECT COUNT(*) FROM timetable t2 WHERE t2.group_id = t.group_id"
    . "   AND t2.subject_id = t.subject_id AND t2.weekday = t.weekday) = 1"
    . " AND NOT EXISTS (SELECT 1 FROM lesson l WHERE l.group_id = t.group_id"
    . "   AND l.subject_id = t.subject_id AND l.on_date = CURDATE())"
    . " AND NOT EXISTS (SELECT 1 FROM timetable_change tc WHERE tc.group_id = t.group_id)"
    . " AND EXISTS (SELECT 1 FROM plan_topic pt WHERE pt.group_id = t.group_id"
    . "   AND pt.subject_id = t.subject_id AND pt.teacher_id = t.teacher_id"
    . "   AND NOT EXISTS (SELECT 1 FROM lesson l WHERE l.plan_topic_id = pt.id))"
    . " ORDER BY c.grade, t.id");
my ($group, $subject, $num, $teacher, $tlogin, $class) = @{ $cand[0] // [] };
ok($group, "a journal timetabled today: group $group, subject $subject, lesson $num, $tlogin")
    or BAIL_OUT('no journal timetabled today');
my ($plan_id, $plan_topic) = @{ (sql("SELECT pt.id, pt.topic FROM plan_topic pt WHERE pt.group_id = $group"
    . " AND pt.subject_id = $subject AND pt.teacher_id = $teacher"
    . " AND NOT EXISTS (SELECT 1 FROM lesson l WHERE l.plan_topic_id = pt.id)"
    . " ORDER BY pt.number LIMIT 1"))[0] };
my ($past, $pday, $pnum) = @{ (sql("SELECT l.id, l.on_date, l.number FROM lesson l"
    . " JOIN timetable t ON t.group_id = l.group_id AND t.subject_id = l.subject_id"
    . "   AND t.weekday = WEEKDAY(l.on_date) + 1 AND t.number = l.number"
    . " WHERE l.group_id = $group AND l.subject_id = $subject AND l.on_date < CURDATE()"
    . " AND l.on_date >= (SELECT p.starts_on FROM period p JOIN `groups` g ON g.year_id = p.year_id"
    . "   WHERE g.id = $group AND CURDATE() BETWEEN p.starts_on AND p.ends_on"
    . "   AND p.kind <> 'year' ORDER BY p.starts_on DESC LIMIT 1)"
    . " AND (SELECT COUNT(*) FROM lesson x WHERE x.group_id = l.group_id"
    . "   AND x.subject_id = l.subject_id AND x.on_date = l.on_date) = 1"
    . " ORDER BY l.on_date DESC LIMIT 1"))[0] // [] };
ok($past, "a past lesson of the period to take away ($pday, lesson $pnum)") or BAIL_OUT('no past lesson');
my ($pd, $pm, $py) = (substr($pday, 8, 2), substr($pday, 5, 2), substr($pday, 0, 4));
my @students = map { $_->[0] } sql("SELECT cs.student_id FROM class_student cs JOIN person p"
    . " ON p.id = cs.student_id WHERE cs.class_id = $class AND cs.left_on IS NULL"
    . " ORDER BY p.last_name, p.first_name, p.id");
my ($S1, $S2, $S3) = @students;
# A teacher who does not teach this journal.
my ($other) = grep { $pw{$_} } map { $_->[0] } sql("SELECT DISTINCT ac.login FROM assignment a"
    . " JOIN account ac ON ac.person_id = a.teacher_id AND ac.is_active = 1"
    . " WHERE a.teacher_id <> $teacher AND NOT EXISTS (SELECT 1 FROM assignment a2"
    . "   WHERE a2.teacher_id = a.teacher_id AND a2.group_id = $group)"
    . " AND NOT EXISTS (SELECT 1 FROM class c WHERE c.teacher_id = a.teacher_id)"
    . " ORDER BY ac.login");
ok($other, "another teacher ($other)");
my $lmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM lesson');
my $amax = sql_value('SELECT COALESCE(MAX(id), 0) FROM audit');

my @cleanup;
END {
	if (var_dir() && base_url()) {
		eval {
			sql("DELETE m FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
			    . " WHERE lw.lesson_id > $lmax");
			sql("DELETE FROM absence WHERE lesson_id > $lmax");
			sql("DELETE FROM lesson_work WHERE lesson_id > $lmax");
			sql("DELETE FROM lesson WHERE id > $lmax");
			sql($_) for reverse @cleanup;
			1;
		} or diag("cleanup: $@");
	}
}

my $t = login_ok($tlogin, $pw{$tlogin}, 'the teacher logs in');
my $o = login_ok($other, $pw{$other}, 'the other teacher logs in');
my $jpath = "/journal?group=$group&subject=$subject";
my $csrf = $t->session_csrf;

sub journal { my $r = $t->get($jpath); is($r->status, 200, 'the journal opens'); return $r->text }
sub greyed_re {
	my ($day, $n) = @_;
	return qr{<th class="work planned" data-w="" data-day="\Q$day\E" data-num="$n" data-open="1"};
}
sub cell {
	my ($cl, %f) = @_;
	my $r = $cl->post_form('/journal', [ csrf => $cl->session_csrf, ajax => 1, group => $group,
	    subject => $subject, old => '', %f ]);
	my ($state) = $r->text =~ /data-state="([^"]*)"/;
	my ($work) = $r->text =~ /data-work="(\d+)"/;
	my ($msg) = $r->text =~ /<p id="cell"[^>]*>([^<]*)</;
	return ($r, $state // '', $work, $msg // '');
}
sub lessons_on { my ($day) = @_; return sql_value("SELECT COUNT(*) FROM lesson WHERE group_id = $group"
    . " AND subject_id = $subject AND on_date = '$day'") }

# ------------------------------------------------------------ the columns
my $h = journal();
like($h, greyed_re($today, $num), "today's timetabled lesson is a greyed column, numbered, open for entry");
like($h, qr{<th class="day planned today" data-day="\Q$today\E" data-num="$num" title="По расписанию, $num-й урок: ещё не внесён"><a href="/lesson\?group=$group&amp;subject=$subject&amp;on_date=\Q$today\E&amp;number=$num">\Q$td.$tm\E</a></th>},
    '... dated, the date opens the lesson form with the day and number');
like($h, qr{<a href="/lesson\?group=$group&amp;subject=$subject&amp;on_date=\Q$today\E&amp;number=$num" title="[^"]*">ввести</a>},
    '... and «ввести» does too (without JavaScript)');
my ($row) = $h =~ m{<tr data-s="$S1">(.*?)</tr>}s;
like($row // '', qr{<td class="planned"></td>}, '... with an empty greyed cell per student');
like($h, qr{<form method="post" action="/journal" class="today-lesson" data-day="\Q$today\E" data-num="$num" data-focus="1">.*?<input name="topic"[^>]*value="\Q$plan_topic\E"}s,
    "today's lesson form proposes the plan's next topic");
unlike($h, qr{note-not_entered}, 'nothing unentered in the remarks: the demo is filled up to yesterday');
unlike($h, qr{planned (?:past|today)" data-day="(?!\Q$today\E)}, '... and no other greyed column up to today');
my $fut = () = $h =~ /<th class="day planned future"/g;
cmp_ok($fut, '>', 0, "the period's lessons to come are greyed too ($fut)");
my $open = () = $h =~ /<th class="work planned"[^>]*data-open="1"/g;
is($open, 1, '... but take no input: only today\'s does');

my $r = $t->get("/lesson?group=$group&subject=$subject&on_date=$today&number=$num");
like($r->text, qr{<input id="number" name="number" type="number" min="1" max="10" value="$num">},
    'the lesson form opened from the column has its number');

# Take a past lesson away: «не заполнено».
sql("UPDATE lesson SET on_date = '2026-08-20' WHERE id = $past");
push @cleanup, "UPDATE lesson SET on_date = '$pday' WHERE id = $past";
$h = journal();
like($h, qr{<th class="day planned past" data-day="\Q$pday\E" data-num="$pnum" title="По расписанию, $pnum-й урок: не заполнено">},
    'a past lesson not entered: a greyed column «не заполнено»');
like($h, qr{<li class="note-not_entered">Урок \Q$pd.$pm.$py\E \($pnum-й по расписанию\) не внесён в журнал: не заполнено\.</li>},
    '... and a remark');

# ------------------------------------------------------------ entry
my ($res, $state, $work, $msg) = cell($t, day => $today, number => $num, student => $S1, value => '7');
is($res->status, 400, 'a value not in the scale is refused');
like($msg, qr/Такой отметки нет в шкале/, '... with the reason');
is(lessons_on($today), 0, '... and no lesson is made');
is(sql_value("SELECT COUNT(*) FROM audit WHERE id > $amax AND action = 'lesson_create'"), 0, '... nor audited');

($res) = cell($o, day => $today, number => $num, student => $S1, value => '5');
is($res->status, 403, 'another teacher cannot');
($res, $state, $work, $msg) = cell($t, day => $today, number => $num + 1, student => $S1, value => '5');
is($res->status, 400, 'a number the timetable does not have today is refused');
like($msg, qr/Такого урока в расписании/, '... with the reason');
is(lessons_on($today), 0, 'no lesson made by either');

($res, $state, $work) = cell($t, day => $today, number => $num, student => $S1, value => '5');
is($res->status, 200, 'a mark typed into the greyed column');
is($state, 'saved', '... is saved');
ok($work, "... and the answer names the new column ($work)");
my @l = sql("SELECT l.id, l.number, l.topic, l.plan_topic_id, l.teacher_id, lw.id, wk.name FROM lesson l"
    . " JOIN lesson_work lw ON lw.lesson_id = l.id JOIN work_kind wk ON wk.id = lw.work_kind_id"
    . " WHERE l.group_id = $group AND l.subject_id = $subject AND l.on_date = '$today'");
is(scalar @l, 1, 'one lesson with one column');
my ($lesson) = @{ $l[0] // [] };
is($l[0][1], $num, "... numbered from the timetable ($num)");
is($l[0][2], $plan_topic, "... with the plan's next topic");
is($l[0][3], $plan_id, '... which it covers (R29)');
is($l[0][4], $teacher, '... given by the teacher');
is($l[0][5], $work, '... its column is the one answered');
is($l[0][6], 'Ответ на уроке', '... «Ответ на уроке»');
is(sql_value("SELECT code FROM mark WHERE lesson_work_id = $work AND student_id = $S1"), '5', 'the mark is stored');
my @audit = map { $_->[0] } sql("SELECT action FROM audit WHERE id > $amax AND action IN"
    . " ('lesson_create', 'mark', 'absence') ORDER BY id");
is("@audit", 'lesson_create mark', 'audited: the lesson and the mark');

($res, $state, my $work2) = cell($t, day => $today, number => $num, student => $S2, value => 'н');
is($state, 'saved', 'a second cell sent with the day and number (before the page knew the column)');
is($work2, $work, '... goes to the same column');
is(lessons_on($today), 1, '... no second lesson');
is(sql_value("SELECT COUNT(*) FROM absence WHERE lesson_id = $lesson AND student_id = $S2"), 1, '... the «н» is stored');

# The lesson form (without JavaScript) cannot make the day's lesson again.
my $lf = $t->post_form('/lesson', [ csrf => $t->session_csrf, group => $group, subject => $subject,
    on_date => $today, number => $num, topic => 'jtest: тот же урок ещё раз' ]);
is($lf->status, 400, 'the lesson form for the same day and number is refused');
like(page_text($lf->text), qr/Этот урок в этот день уже записан в журнале/, '... saying the lesson is there');
is(lessons_on($today), 1, '... and makes no second lesson');

$h = journal();
unlike($h, greyed_re($today, $num), 'entered: the greyed column is gone');
like($h, qr{<th class="work" data-w="$work" data-l="$lesson"}, '... the lesson\'s column is there');
like($h, qr{<form method="post" action="/journal" class="today-lesson" data-day="\Q$today\E" data-num="$num" data-lesson="$lesson" data-focus="1">}s,
    "today's form now edits the lesson");

# Today's form: topic and homework.
$res = $t->post_form('/journal', [ csrf => $csrf, head => 1, group => $group, subject => $subject,
    day => $today, number => $num, topic => "$plan_topic (повторение)", homework => '§ 5, № 1-3' ]);
is($res->status, 303, "today's form saves without JavaScript and shows the journal again");
is_deeply([ @{ (sql("SELECT topic, homework, homework_at IS NOT NULL FROM lesson WHERE id = $lesson"))[0] } ],
    [ "$plan_topic (повторение)", '§ 5, № 1-3', 1 ], '... the topic and homework are the lesson\'s');
is(lessons_on($today), 1, '... still one lesson');
is(sql_value("SELECT COUNT(*) FROM audit WHERE id > $amax AND action = 'lesson_update'"
    . " AND object_id = $lesson"), 1, '... audited');
$res = $t->post_form('/journal', [ csrf => $csrf, head => 1, ajax => 1, group => $group,
    subject => $subject, day => $today, number => $num, topic => '' ]);
like($res->text, qr{data-state="failed"[^>]*>Укажите тему урока\.}, 'a topic is required');
$res = $o->post_form('/journal', [ csrf => $o->session_csrf, head => 1, ajax => 1, group => $group,
    subject => $subject, day => $today, number => $num, topic => 'Чужая тема' ]);
is($res->status, 403, '... and another teacher cannot');

# The past lesson: two cells at once make one lesson.
# (Each with its own connection and session.)
my @pids;
my @two = map { login_ok($tlogin, $pw{$tlogin}, "the teacher logs in again ($_)") } 1, 2;
for my $i (0, 1) {
	my $pid = fork();
	die "fork: $!" unless defined $pid;
	if ($pid == 0) {
		my ($rr) = cell($two[$i], day => $pday, number => $pnum, student => ($S1, $S3)[$i],
		    value => '4');
		require POSIX;
		POSIX::_exit($rr->status == 200 ? 0 : 1);
	}
	push @pids, $pid;
}
my $fails = 0;
for (@pids) { waitpid($_, 0); $fails++ if $? != 0 }
is($fails, 0, 'two cells of a past greyed column saved at once');
is(lessons_on($pday), 1, '... make one lesson');
is(sql_value("SELECT COUNT(*) FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
    . " JOIN lesson l ON l.id = lw.lesson_id WHERE l.group_id = $group AND l.subject_id = $subject"
    . " AND l.on_date = '$pday'"), 2, '... with both marks');
is(sql_value("SELECT number FROM lesson WHERE group_id = $group AND subject_id = $subject"
    . " AND on_date = '$pday'"), $pnum, '... at the timetable\'s number');
$h = journal();
unlike($h, qr{note-not_entered}, 'entered late: no longer «не заполнено»');
like($h, qr{<li class="note-late_lesson">Урок \Q$pd.$pm.$py\E внесён позже дня урока}, '... but entered late (R23)');

done_testing();
