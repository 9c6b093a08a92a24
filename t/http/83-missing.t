#!/usr/bin/perl
# Lessons of the timetable never entered in the journal (issue 12, R30):
# the teacher's /home counts and lists them (up to yesterday: today's may
# still be entered), and the class check (/classcheck) shows them per
# journal for the week.  A cancelled lesson is not due; a substituted one
# is the substitute's.  The demo's journal holds every timetabled lesson
# up to the test date, so nothing is flagged until a lesson is taken away
# (its date moved out of the year, restored afterwards).
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

# A lesson of a whole class on the school day before today, whose teacher
# and class teacher have demo logins, and the timetable row it was given by.
my ($lesson, $group, $subject, $teacher, $class, $day, $tt, $tlogin, $ctlogin) = @{ (sql(
    "SELECT l.id, l.group_id, l.subject_id, l.teacher_id, g.class_id, l.on_date, t.id, ta.login, ca.login"
    . " FROM lesson l JOIN `groups` g ON g.id = l.group_id AND g.kind = 'class'"
    . " JOIN class c ON c.id = g.class_id AND c.grade > 1"
    . " JOIN timetable t ON t.group_id = l.group_id AND t.subject_id = l.subject_id"
    . "   AND t.weekday = WEEKDAY(l.on_date) + 1 AND t.number = l.number"
    . " JOIN account ta ON ta.person_id = l.teacher_id AND ta.is_active = 1"
    . " JOIN account ca ON ca.person_id = c.teacher_id AND ca.is_active = 1"
    . " WHERE l.on_date = (SELECT MAX(on_date) FROM lesson WHERE on_date < CURDATE() AND WEEKDAY(on_date) < 5)"
    . " AND l.teacher_id <> c.teacher_id"
    . " AND (SELECT COUNT(*) FROM lesson x WHERE x.group_id = l.group_id AND x.subject_id = l.subject_id"
    . "   AND x.on_date = l.on_date) = 1"
    . " ORDER BY l.id LIMIT 1"))[0] // [] };
ok($lesson && $pw{$tlogin} && $pw{$ctlogin}, "a lesson ($lesson) of $day by $tlogin, class teacher $ctlogin")
    or BAIL_OUT('no lesson to take away');
my ($dd, $mm) = $day =~ /^\d{4}-(\d\d)-(\d\d)$/ ? ($2, $1) : ();
my $ddmm = "$dd.$mm";
my $monday = sql_value("SELECT '$day' - INTERVAL WEEKDAY('$day') DAY");
my $journal = "/journal?group=$group&amp;subject=$subject";

my @cleanup;
END {
	if (var_dir() && base_url()) {
		eval { sql($_) for reverse @cleanup; 1 } or diag("cleanup: $@");
	}
}

my $t = login_ok($tlogin, $pw{$tlogin}, 'the teacher logs in');
my $ct = login_ok($ctlogin, $pw{$ctlogin}, 'the class teacher logs in');
sub home_missing {
	my ($c) = @_;
	my $r = $c->get('/home');
	is($r->status, 200, '/home opens') or return undef;
	my ($m) = $r->text =~ m{<div class="missing" id="missing">(.*?)</div>}s;
	return $m // '';
}
sub check_row {
	my ($week) = @_;
	my $r = $ct->get("/classcheck?class=$class&week=$week");
	is($r->status, 200, "/classcheck of the week of $week opens") or return ('', '');
	my ($row) = $r->text =~ m{<tr data-group="$group" data-subject="$subject">(.*?)</tr>}s;
	my ($total) = $r->text =~ m{<td class="num t-missing">(\d+)</td>};
	return ($row // '', $total // '');
}

is(home_missing($t), '', 'the demo is complete: the teacher has nothing unentered');
my ($row, $total) = check_row($monday);
like($row, qr{<td class="c-missing"><span class="num">0</span>}, '... nor the class check for that journal');

# Take the lesson away: its date moves out of the school year.
sql("UPDATE lesson SET on_date = '2026-08-20' WHERE id = $lesson");
push @cleanup, "UPDATE lesson SET on_date = '$day' WHERE id = $lesson";
my $m = home_missing($t);
like($m, qr{Не заполнено: 1 урок по расписанию}, "/home: one lesson unentered");
like($m, qr{<a href="\Q$journal\E">\Q$ddmm\E — }, '... listed with its day and a link to its journal');
($row, $total) = check_row($monday);
like($row, qr{<td class="c-missing bad"><span class="num">1</span> <span class="meta">\Q$ddmm\E</span>},
    '/classcheck: the journal has one lesson unentered, on that day');
is($total, 1, '... and the week one in all');
my ($row2, $total2) = check_row($today);
is($total2, 0, "today's week: today's lessons, not yet entered, are not counted");

# Cancelled that day: no longer due.
sql("INSERT INTO timetable_change (school_id, year_id, timetable_id, on_date, group_id, subject_id,"
    . " is_cancelled, reason) SELECT school_id, year_id, id, '$day', group_id, subject_id, 1, 'jtest: отмена'"
    . " FROM timetable WHERE id = $tt");
my $change = sql_value('SELECT MAX(id) FROM timetable_change');
push @cleanup, "DELETE FROM timetable_change WHERE id = $change";
is(home_missing($t), '', 'a cancelled lesson is not due');
($row, $total) = check_row($monday);
is($total, 0, '... nor in the class check');

# Given by a substitute: theirs, not the timetable's teacher's.
my ($sub, $sublogin) = map { @$_ } grep { $pw{ $_->[1] } } sql("SELECT p.id, ac.login FROM staff sf"
    . " JOIN person p ON p.id = sf.person_id JOIN account ac ON ac.person_id = p.id AND ac.is_active = 1"
    . " JOIN account_role ar ON ar.account_id = ac.id AND ar.role = 'teacher'"
    . " WHERE p.id <> $teacher AND sf.dismissed_on IS NULL ORDER BY p.id");
ok($sublogin, "a substitute with a demo login ($sublogin)");
sql("UPDATE timetable_change SET is_cancelled = 0, teacher_id = $sub, absent_teacher_id = $teacher,"
    . " reason = 'jtest: замена' WHERE id = $change");
is(home_missing($t), '', 'a substituted lesson is not the absent teacher\'s');
my $s = login_ok($sublogin, $pw{$sublogin}, 'the substitute logs in');
like(home_missing($s), qr{\Q$ddmm\E — }, "... it is the substitute's to enter");
($row, $total) = check_row($monday);
is($total, 1, '... and still unentered in the class check');

# Entered again: nothing left.
sql($_) for reverse @cleanup;
@cleanup = ();
is(home_missing($t), '', 'the lesson back in the journal: nothing unentered');
($row, $total) = check_row($monday);
is($total, 0, '... and the class check is clean again');

done_testing();
