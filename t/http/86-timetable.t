#!/usr/bin/perl
# The timetable and its changes (R15, R22, R32): the editor refuses
# conflicts of a teacher, a room, a group, and of a class with its own
# subgroup, on overlapping dates only; a one-day change (substitute, moved
# lesson) shows at once in the week of the class and of both teachers and
# not in another class's week; a busy substitute is refused; "teacher
# absent for the day" records all the substitutes in one POST or none;
# who may see and change each screen; the print view.
#
# The substitute's right to write the journal for that lesson on that day
# (obj_journal_write) is not reachable through these screens: the journal
# (issue 4) tests it.
#
# Everything made here (timetable rows, changes, a group) is removed at the
# end; a class teacher's teacher role, taken away for one check, is given
# back.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my $tag = "t86-$$";
my $C = class_by_name('5 А') or BAIL_OUT('no 5 А in the demo');
my $D = class_by_name('5 Б') or BAIL_OUT('no 5 Б in the demo');
my $WHOLE_C = sql_value("SELECT id FROM `groups` WHERE class_id = $C->{id} AND kind = 'class'");
my $E1 = sql_value('SELECT id FROM `groups` WHERE name = ' . sq("$C->{name} — англ. 1"));
ok($WHOLE_C && $E1, 'the demo has 5 А and its first English subgroup') or BAIL_OUT('groups');
ok(sql_value('SELECT COUNT(*) FROM timetable') > 500, 'the demo has a timetable')
    or BAIL_OUT('no demo timetable');

my $tmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM timetable');
my $cmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM timetable_change');
my ($group_t, $stripped);
END {
	if (var_dir() && base_url()) {
		eval {
			sql("DELETE FROM timetable_change WHERE id > $cmax");
			sql("DELETE FROM timetable_change WHERE timetable_id > $tmax");
			sql("DELETE FROM timetable WHERE id > $tmax");
			sql("DELETE FROM `groups` WHERE id = $group_t") if $group_t;
			sql("INSERT IGNORE INTO account_role (account_id, role) VALUES ($stripped, 'teacher')")
			    if $stripped;
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

# An empty subgroup of 5 Б: it shares no student, so only the teacher and
# the room can clash with it.
sql("INSERT INTO `groups` (school_id, year_id, name, kind, class_id) SELECT 1, year_id, "
    . sq("5 Б — $tag") . ", 'subgroup', $D->{id} FROM class WHERE id = $D->{id}");
$group_t = sql_value('SELECT id FROM `groups` WHERE name = ' . sq("5 Б — $tag"));

my $MATH = sql_value("SELECT id FROM subject WHERE school_id = 1 AND name = 'Математика'");
# Active teachers (staff with the teacher role), and who is busy when.
my @teachers = map { $_->[0] } sql("SELECT DISTINCT p.id FROM person p JOIN staff sf ON sf.person_id = p.id"
    . " JOIN account a ON a.person_id = p.id AND a.is_active = 1"
    . " JOIN account_role r ON r.account_id = a.id AND r.role = 'teacher'"
    . " WHERE p.school_id = 1 AND sf.dismissed_on IS NULL ORDER BY p.id");
# A teacher with no lesson at (weekday, number) and no change on date.
sub free_teacher {
	my ($wd, $n, $date, @not) = @_;
	my %busy = map { $_->[0] => 1 } sql("SELECT teacher_id FROM timetable WHERE weekday = $wd AND number = $n"
	    . " UNION SELECT teacher_id FROM timetable_change WHERE teacher_id IS NOT NULL"
	    . "   AND '$date' IN (on_date, new_date)"
	    . " UNION SELECT absent_teacher_id FROM timetable_change WHERE absent_teacher_id IS NOT NULL"
	    . "   AND on_date = '$date'");
	$busy{$_} = 1 for @not;
	my ($t) = grep { !$busy{$_} } @teachers;
	return $t;
}
sub short_name {
	my ($pid) = @_;
	return sql_value("SELECT CONCAT(last_name, ' ', LEFT(first_name, 1), '.',"
	    . " IF(middle_name = '', '', CONCAT(LEFT(middle_name, 1), '.'))) FROM person WHERE id = $pid");
}
sub full_name {
	return sql_value("SELECT CONCAT_WS(' ', last_name, first_name, NULLIF(middle_name, ''))"
	    . " FROM person WHERE id = " . int($_[0]));
}

my $mgmt = login_ok(account_of_role('management')->{login}, account_of_role('management')->{password});

# Post the timetable editor's form for class $class.
sub tt_post {
	my ($c, $class, %f) = @_;
	my $page = $c->get("/timetable?class=$class&date=2026-11-23");
	my %all = (valid_from => '2026-11-23', valid_to => '2027-05-31', %f);
	return $c->post_form('/timetable', [csrf => csrf_of($page->text), class => $class,
	    date => '2026-11-23', action => 'save', %all]);
}

# ------------------------------------------------------------ conflicts
# A lesson of the whole 5 А on Monday, and its teacher and room.
my ($L) = sql("SELECT id, number, teacher_id, room, subject_id FROM timetable"
    . " WHERE group_id = $WHOLE_C AND weekday = 1 ORDER BY number LIMIT 1");
my ($lid, $ln, $lteacher, $lroom) = @$L;
my $free = free_teacher(1, $ln, '2026-11-23');
ok($free, 'a teacher free at that lesson');

my $r = tt_post($mgmt, $C->{id}, group => $WHOLE_C, subject => $MATH, teacher => $free,
    weekday => 1, number => $ln, room => "$tag-a");
status_is($r, 409, 'the same group twice at one lesson: 409');
like(page_text($r->text), qr/Конфликт расписания: у группы «\Q$C->{name}\E» уже есть урок в понедельник, $ln-й урок/,
    'the message names the group, the day and the number');

$r = tt_post($mgmt, $C->{id}, group => $E1, subject => $MATH, teacher => $free,
    weekday => 1, number => $ln, room => "$tag-a");
status_is($r, 409, 'a subgroup at a lesson of its whole class: 409');
like(page_text($r->text), qr/ученики этой группы уже на уроке группы «\Q$C->{name}\E»/,
    'the message says the students are at the class lesson');

$r = tt_post($mgmt, $D->{id}, group => $group_t, subject => $MATH, teacher => $lteacher,
    weekday => 1, number => $ln, room => "$tag-a");
status_is($r, 409, 'a teacher in two places at one lesson: 409');
my $lname = full_name($lteacher);
like(page_text($r->text), qr/у учителя \Q$lname\E уже есть урок/, 'the message names the teacher')
    or diag(page_text($r->text) =~ /(Конфликт[^.]*)/);

$r = tt_post($mgmt, $D->{id}, group => $group_t, subject => $MATH, teacher => $free,
    weekday => 1, number => $ln, room => $lroom);
status_is($r, 409, 'a room taken twice at one lesson: 409');
like(page_text($r->text), qr/кабинет \Q$lroom\E уже занят/, 'the message names the room');
is(sql_value("SELECT COUNT(*) FROM timetable WHERE id > $tmax"), 0, 'nothing was written by the refusals');

# Dates: the same teacher and slot on spans that do not overlap are fine.
$r = tt_post($mgmt, $D->{id}, group => $group_t, subject => $MATH, teacher => $free,
    weekday => 6, number => 8, room => "$tag-b", valid_from => '2026-12-01');
redirects_to($r, '/timetable', 'a free slot is saved');
my $new = sql_value("SELECT id FROM timetable WHERE group_id = $group_t AND weekday = 6 AND number = 8");
ok($new, 'the row is in the timetable');
is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'timetable.add' AND object_id = " . ($new // 0)), 1,
    'audited');
$r = tt_post($mgmt, $D->{id}, group => $group_t, subject => $MATH, teacher => $free,
    weekday => 6, number => 8, room => "$tag-c", valid_to => '2026-11-30');
redirects_to($r, '/timetable', 'the same teacher and slot before that span: saved');
$r = tt_post($mgmt, $D->{id}, group => $group_t, subject => $MATH, teacher => $free,
    weekday => 6, number => 8, room => "$tag-d", valid_from => '2026-11-28', valid_to => '2026-12-05');
status_is($r, 409, 'a span overlapping both: 409');
$r = tt_post($mgmt, $D->{id}, group => $group_t, subject => $MATH, teacher => $free,
    weekday => 6, number => 8, room => "$tag-d", valid_from => '2027-06-01', valid_to => '2027-06-05');
status_is($r, 400, 'dates outside the school year: 400');
$r = tt_post($mgmt, $D->{id}, group => $E1, subject => $MATH, teacher => $free,
    weekday => 6, number => 9, room => "$tag-e");
status_is($r, 400, 'a group of another class: 400');

# The editor shows the new row; removing it from a date ends it there.
my $page = $mgmt->get("/timetable?class=$D->{id}&date=2026-12-07");
like($page->text, qr/data-tt="$new"/, 'the editor lists the row valid on the date shown');
$r = $mgmt->post_form('/timetable', [csrf => csrf_of($page->text), class => $D->{id},
    date => '2026-12-07', id => $new, action => 'delete']);
redirects_to($r, '/timetable', 'remove from a date');
is(sql_value("SELECT valid_to FROM timetable WHERE id = $new"), '2026-12-06',
    'a row that had started ends the day before');

# Changing a row: its own slot is no conflict with itself; moving its
# dates over the other row of that teacher and slot is.
$r = tt_post($mgmt, $D->{id}, id => $new, group => $group_t, subject => $MATH, teacher => $free,
    weekday => 6, number => 8, room => "$tag-f", valid_from => '2026-12-01', valid_to => '2026-12-06');
redirects_to($r, '/timetable', 'a row changed in place');
is(sql_value("SELECT room FROM timetable WHERE id = $new"), "$tag-f", 'its new room is stored');
$r = tt_post($mgmt, $D->{id}, id => $new, group => $group_t, subject => $MATH, teacher => $free,
    weekday => 6, number => 8, room => "$tag-f", valid_from => '2026-11-23', valid_to => '2026-12-06');
status_is($r, 409, 'changed to overlap the other row: 409');
is(sql_value("SELECT valid_from FROM timetable WHERE id = $new"), '2026-12-01', 'and left as it was');
my ($other_class_row) = map { $_->[0] } sql("SELECT id FROM timetable WHERE group_id = $WHOLE_C LIMIT 1");
$r = tt_post($mgmt, $D->{id}, id => $other_class_row, group => $group_t, subject => $MATH, teacher => $free,
    weekday => 6, number => 9, room => "$tag-g");
status_is($r, 404, "another class's row through this class: 404");

# ------------------------------------------------------------ one-day change
# A lesson of the whole 5 А on Thursday 26 November, given by a substitute.
my ($T) = sql("SELECT t.id, t.number, t.teacher_id FROM timetable t WHERE t.group_id = $WHOLE_C"
    . " AND t.weekday = 4 AND t.id NOT IN (SELECT timetable_id FROM timetable_change"
    . "   WHERE timetable_id IS NOT NULL) ORDER BY t.number LIMIT 1");
my ($tid, $tn, $tteacher) = @$T;
my $sub = free_teacher(4, $tn, '2026-11-26', $tteacher);
ok($sub, 'a free substitute');
sub change_post {
	my ($c, %f) = @_;
	my $p = $c->get("/changes?date=$f{date}");
	return $c->post_form('/changes', [csrf => csrf_of($p->text), action => 'save', %f]);
}
$r = change_post($mgmt, date => '2026-11-26', lesson => $tid, teacher => $sub, reason => "курсы $tag");
redirects_to($r, '/changes', 'a substitute is recorded');
my $cid = sql_value("SELECT id FROM timetable_change WHERE timetable_id = $tid AND on_date = '2026-11-26'");
ok($cid, 'the change is stored');
is(sql_value("SELECT teacher_id FROM timetable_change WHERE id = " . ($cid // 0)), $sub, 'with the substitute');

my $sname = short_name($sub);
my $wc = $mgmt->get("/week?class=$C->{id}&date=2026-11-26");
status_is($wc, 200, "5 А's week");
like($wc->text, qr/class="lesson lesson-substitute" data-tt="$tid">.*?\Q$sname\E/s,
    "the class's week shows the substitute at once");
my $wd = $mgmt->get("/week?class=$D->{id}&date=2026-11-26");
unlike($wd->text, qr/data-tt="$tid"/, "another class's week does not show it");
my $ws = $mgmt->get("/week?teacher=$sub&date=2026-11-26");
like($ws->text, qr/data-tt="$tid"/, "the substitute's week shows the lesson");
my $wt = $mgmt->get("/week?teacher=$tteacher&date=2026-11-26");
like($wt->text, qr/lesson-substitute" data-tt="$tid"/, "the timetabled teacher's week shows it as replaced");
my $wn = $mgmt->get("/week?class=$C->{id}&date=2026-12-03");
like($wn->text, qr/lesson-normal" data-tt="$tid"/, 'the next week the lesson is as timetabled');
like(page_text($mgmt->get('/changes?date=2026-11-26')->text), qr/замена: \Q$sname\E курсы \Q$tag\E/,
    'the changes of the day list it with the reason');

# The substitute is now busy at that number that day.
my ($B) = sql("SELECT id FROM timetable WHERE weekday = 4 AND number = $tn AND teacher_id <> $sub"
    . " AND group_id <> $WHOLE_C AND id NOT IN (SELECT timetable_id FROM timetable_change"
    . "   WHERE timetable_id IS NOT NULL) LIMIT 1");
$r = change_post($mgmt, date => '2026-11-26', lesson => $B->[0], teacher => $sub, reason => $tag);
status_is($r, 409, 'a substitute who already teaches at that number: 409');
like(page_text($r->text), qr/Учитель занят 2026-11-26, $tn-й урок/, 'the message says so');
is(sql_value("SELECT COUNT(*) FROM timetable_change WHERE timetable_id = $B->[0]"), 0, 'nothing recorded');

$r = change_post($mgmt, date => '2026-11-26', lesson => $tid, teacher => $sub, reason => '');
status_is($r, 400, 'a change without a reason: 400');
$r = change_post($mgmt, date => '2026-11-27', lesson => $tid, teacher => $sub, reason => $tag);
status_is($r, 409, 'a lesson that is not on that day: 409');
$r = change_post($mgmt, date => '2026-11-26', lesson => $tid, teacher => $tteacher, reason => $tag);
status_is($r, 409, 'the timetabled teacher as their own substitute: 409');
$r = change_post($mgmt, date => '2026-11-26', lesson => $tid, new_date => '2026-11-29', reason => $tag);
status_is($r, 409, 'moved to a Sunday: 409');
like(page_text($r->text), qr/не на воскресенье/, 'says why');
is(sql_value("SELECT teacher_id FROM timetable_change WHERE timetable_id = $tid AND on_date = '2026-11-26'"),
    $sub, 'the refused changes left the recorded one as it was');

# A moved lesson leaves its slot and appears in the new one.
my ($M) = sql("SELECT id, number FROM timetable WHERE group_id = $WHOLE_C AND weekday = 3"
    . " AND id NOT IN (SELECT timetable_id FROM timetable_change WHERE timetable_id IS NOT NULL)"
    . " ORDER BY number DESC LIMIT 1");
$r = change_post($mgmt, date => '2026-11-25', lesson => $M->[0], new_date => '2026-11-28',
    new_number => 8, reason => "перенос $tag");
redirects_to($r, '/changes', 'a lesson moved to Saturday, 8th');
$wc = $mgmt->get("/week?class=$C->{id}&date=2026-11-25");
my @hits = $wc->text =~ /data-tt="$M->[0]"/g;
is(scalar @hits, 1, 'the moved lesson shows once in the week');
like($wc->text, qr/lesson-moved_in" data-tt="$M->[0]">.*?перенесён с 25\.11, $M->[1]-й урок/s,
    'in its new slot, saying where from');

# ------------------------------------------------------------ a student's week
# A student of the first English half of a split class whose halves both
# have lessons (5 А's second half has no teacher in the demo): their week
# has that half's lessons and the whole class's, never the other half's.
my ($SP) = sql("SELECT g1.id, g2.id, g1.class_id FROM `groups` g1 JOIN `groups` g2"
    . " ON g2.class_id = g1.class_id AND g2.kind = 'subgroup' AND g2.id > g1.id"
    . " WHERE g1.kind = 'subgroup' AND EXISTS (SELECT 1 FROM timetable WHERE group_id = g1.id)"
    . " AND EXISTS (SELECT 1 FROM timetable WHERE group_id = g2.id) ORDER BY g1.id LIMIT 1");
my ($H1, $H2, $HC) = @$SP;
my $HWHOLE = sql_value("SELECT id FROM `groups` WHERE class_id = $HC AND kind = 'class'");
my $pupil = sql_value("SELECT gs.student_id FROM group_student gs JOIN class_student cs"
    . " ON cs.student_id = gs.student_id AND cs.class_id = $HC AND cs.left_on IS NULL"
    . " WHERE gs.group_id = $H1 ORDER BY gs.student_id LIMIT 1");
my @e1 = map { $_->[0] } sql("SELECT id FROM timetable WHERE group_id = $H1");
my @e2 = map { $_->[0] } sql("SELECT id FROM timetable WHERE group_id = $H2");
my ($wholeone) = map { $_->[0] } sql("SELECT id FROM timetable WHERE group_id = $HWHOLE AND weekday = 1"
    . " ORDER BY number LIMIT 1");
ok($pupil && @e1 && @e2, 'a student of the first half; both halves have lessons');
my $wp = $mgmt->get("/week?student=$pupil&date=2026-11-23");
status_is($wp, 200, "a student's week");
my %in = map { $_ => 1 } $wp->text =~ /data-tt="(\d+)"/g;
is(scalar(grep { $in{$_} } @e1), scalar @e1, 'has every lesson of their half');
is(scalar(grep { $in{$_} } @e2), 0, 'and none of the other half');
ok($in{$wholeone}, 'and the lessons of the whole class');

# ------------------------------------------------------------ absent teacher
# A teacher with two to five lessons on Friday 27 November (so with free
# numbers too) and no changes then.
my ($A) = sql("SELECT teacher_id FROM timetable WHERE weekday = 5 GROUP BY teacher_id"
    . " HAVING COUNT(*) BETWEEN 2 AND 5 ORDER BY COUNT(*) DESC, teacher_id LIMIT 1");
my $absent = $A->[0];
my @al = sql("SELECT id, number FROM timetable WHERE teacher_id = $absent AND weekday = 5 ORDER BY number");
$page = $mgmt->get("/changes?date=2026-11-27&absent=$absent");
status_is($page, 200, "the absent teacher's day");
my @shown = $page->text =~ /name="l" value="(\d+)"/g;
is_deeply([sort @shown], [sort map { $_->[0] } @al], 'lists every lesson of theirs that day');
my (@pairs, %used);
for my $l (@al) {
	my $s = free_teacher(5, $l->[1], '2026-11-27', $absent);
	push @pairs, l => $l->[0], s => $s;
}
# First, one substitute who is busy: nothing at all is recorded.
my $busy = sql_value("SELECT teacher_id FROM timetable WHERE weekday = 5 AND number = $al[0][1]"
    . " AND teacher_id <> $absent LIMIT 1");
my @bad = @pairs;
$bad[3] = $busy;
$r = $mgmt->post_form('/changes', [csrf => csrf_of($page->text), action => 'absent',
    date => '2026-11-27', absent => $absent, reason => "болезнь $tag", @bad]);
status_is($r, 409, 'one busy substitute: 409');
like(page_text($r->text), qr/Замены не сохранены\. $al[0][1]-й урок: Учитель занят/, 'naming the lesson');
is(sql_value("SELECT COUNT(*) FROM timetable_change WHERE absent_teacher_id = $absent AND on_date = '2026-11-27'"),
    0, 'and none of the substitutes is recorded');
$r = $mgmt->post_form('/changes', [csrf => csrf_of($page->text), action => 'absent',
    date => '2026-11-27', absent => $absent, reason => "болезнь $tag", @pairs]);
redirects_to($r, '/changes', 'all substitutes in one POST');
is(sql_value("SELECT COUNT(*) FROM timetable_change WHERE absent_teacher_id = $absent AND on_date = '2026-11-27'"
    . " AND teacher_id IS NOT NULL"), scalar @al, 'one change per lesson, each with a substitute');
$wt = $mgmt->get("/week?teacher=$pairs[3]&date=2026-11-27");
like($wt->text, qr/data-tt="$al[0][0]"/, "a substitute's week shows the lesson");
# The absent teacher cannot substitute anyone that day.
my %their = map { $_->[1] => 1 } @al;
my ($freeslot) = grep { !$their{$_} } 1 .. 7;
my ($X) = sql("SELECT id FROM timetable WHERE weekday = 5 AND number = $freeslot AND teacher_id <> $absent"
    . " AND id NOT IN (SELECT timetable_id FROM timetable_change WHERE timetable_id IS NOT NULL) LIMIT 1");
$r = change_post($mgmt, date => '2026-11-27', lesson => $X->[0], teacher => $absent, reason => $tag);
status_is($r, 409, 'an absent teacher as a substitute the same day: 409');
like(page_text($r->text), qr/отсутствует 2026-11-27/, 'says they are away');

# ------------------------------------------------------------ roles
my %acc = map { $_ => account_of_role($_) } qw(admin inspector teacher class_teacher student parent secretary);
my %cl;
$cl{$_} = login($acc{$_}{login}, $acc{$_}{password}) for keys %acc;
ok($cl{$_}{logged_in}, "$_ logged in") for sort keys %cl;
for my $role (qw(student parent secretary)) {
	status_is($cl{$role}->get("/week?class=$C->{id}"), 403, "$role: no week");
	status_is($cl{$role}->get("/timetable?class=$C->{id}"), 403, "$role: no editor");
	status_is($cl{$role}->get('/changes'), 403, "$role: no changes");
}
for my $role (qw(admin inspector)) {
	status_is($cl{$role}->get("/week?class=$C->{id}"), 200, "$role: any class's week");
	status_is($cl{$role}->get("/week?teacher=$sub"), 200, "$role: any teacher's week");
	status_is($cl{$role}->get("/timetable?class=$C->{id}"), 200, "$role: the editor");
	status_is($cl{$role}->get('/changes'), 200, "$role: the changes");
}
unlike($cl{inspector}->get("/timetable?class=$C->{id}")->text, qr/name="action" value="save"/,
    'the inspector gets no form');
$page = $cl{inspector}->get("/timetable?class=$C->{id}");
status_is($cl{inspector}->post_form('/timetable', [csrf => csrf_of($page->text), class => $C->{id},
    action => 'save', group => $group_t]), 403, 'the inspector may not change the timetable');

my $tpid = sql_value('SELECT person_id FROM account WHERE login = ' . sq($acc{teacher}{login}));
my $own = $cl{teacher}->get('/week?date=2026-11-23');
status_is($own, 200, 'a teacher: their own week by default');
like(page_text($own->text), qr/Расписание: \Q${\ full_name($tpid)}\E/, 'titled with their name');
status_is($cl{teacher}->get("/week?teacher=$sub"), $sub == $tpid ? 200 : 403, "a teacher: not another teacher's week");
status_is($cl{teacher}->get("/week?class=$D->{id}"), 200, "a teacher: any class's week");
status_is($cl{teacher}->get("/timetable?class=$C->{id}"), 403, 'a teacher: no editor');
status_is($cl{teacher}->get("/week?student=$pupil"), 403, "a teacher: no student's week");
status_is($cl{teacher}->get('/changes'), 403, 'a teacher: no changes');

# A class teacher without the teacher role: their own class only.
my $ct = account_of_person(sql_value("SELECT teacher_id FROM class WHERE id = $C->{id}"));
$stripped = account_id($ct->{login});
sql("DELETE FROM account_role WHERE account_id = $stripped AND role = 'teacher'");
my $ctc = login($ct->{login}, $ct->{password});
ok($ctc->{logged_in}, 'the class teacher of 5 А logged in (class teacher role only)');
status_is($ctc->get("/week?class=$C->{id}"), 200, 'a class teacher: their class');
status_is($ctc->get("/week?class=$D->{id}"), 403, 'a class teacher: not another class');
status_is($ctc->get("/week?room=$lroom"), 403, 'a class teacher: no room weeks');
my $own_pupil = sql_value("SELECT student_id FROM class_student WHERE class_id = $C->{id} AND left_on IS NULL LIMIT 1");
status_is($ctc->get("/week?student=$own_pupil"), 200, "a class teacher: a student of their class");
my $other_pupil = sql_value("SELECT student_id FROM class_student WHERE class_id = $D->{id} AND left_on IS NULL LIMIT 1");
status_is($ctc->get("/week?student=$other_pupil"), 403, 'a class teacher: not a student of another class');
sql("INSERT IGNORE INTO account_role (account_id, role) VALUES ($stripped, 'teacher')");
$stripped = undef;

status_is($mgmt->get('/week?class=999999'), 404, 'a class that does not exist: 404');
status_is($mgmt->get('/week?teacher=999999'), 404, 'a teacher who does not exist: 404');
status_is($mgmt->get('/timetable?class=999999'), 404, 'the editor of a class that does not exist: 404');
status_is($mgmt->get("/week?class=$C->{id}&date=2026-02-30"), 400, 'a date that does not exist: 400');
status_is($mgmt->get("/week?student=$lteacher"), 404, "a staff member's id as a student: 404");
$page = $mgmt->get('/changes?date=2026-11-26');
status_is($mgmt->post_form('/changes', [csrf => csrf_of($page->text), action => 'delete', change => 999999999,
    date => '2026-11-26']), 404, 'deleting a change that does not exist: 404');

# ------------------------------------------------------------ room, print
my $wr = $mgmt->get("/week?room=$lroom&date=2026-11-23");
status_is($wr, 200, "a room's week");
like($wr->text, qr/data-tt="$lid"/, 'shows the lessons in that room');
like($wc->text, qr/<button type="button" data-print>/, 'the week has a print button');
like($wc->text, qr/rel="next"/, 'and week navigation');
my $css = client()->get('/static/style.css');
like($css->text, qr/Issue 5.*\@media print \{.*?form\.tt-bar[^{]*\{ display: none/s,
    'the print CSS hides the choosers');
# Holidays instead of lessons: the autumn holidays' week.
my $wh = $mgmt->get("/week?class=$C->{id}&date=2026-11-02");
like(page_text($wh->text), qr/Осенние каникулы/, 'a holiday week says so');
unlike($wh->text, qr/data-tt="$lid"/, 'and has no lessons on the holiday days');

# Undoing a change puts the lesson back as timetabled.
$page = $mgmt->get('/changes?date=2026-11-26');
like($page->text, qr/data-change="$cid"/, 'the change is listed with its undo form');
$r = $mgmt->post_form('/changes', [csrf => csrf_of($page->text), action => 'delete', change => $cid,
    date => '2026-11-26']);
redirects_to($r, '/changes', 'a change undone');
is(sql_value("SELECT COUNT(*) FROM timetable_change WHERE id = $cid"), 0, 'it is gone');
is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'timetable_change.delete' AND object_id = $cid"), 1,
    'audited');
like($mgmt->get("/week?class=$C->{id}&date=2026-11-26")->text, qr/lesson-normal" data-tt="$tid"/,
    'the week shows the lesson as timetabled again');

done_testing();
