#!/usr/bin/perl
# The diary as families expect it (issue 12, R32): homework shows under the
# lesson it is due at, the next lesson of its subject by the timetable with
# its changes (across a weekend; past a cancelled lesson), marked «задано
# DD.MM»; a day's lessons are in timetable order, held and moved ones at
# their slot; /home has a card per child with the marks since the last
# visit (always today's), today's absences and the homework due on the next
# school day, for the family's own children only, and a student's own card.
# Runs on the stack's fixed date, Monday 2026-11-23.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my $today = '2026-11-23';
is(sql_value('SELECT CURDATE()') eq $today ? $today : (($ENV{JOURNAL_TODAY} // '') eq $today ? $today : ''),
    $today, 'the stack runs on Monday 23.11.2026');

# A student with an account, a guardian with an account, in a class of
# grade 5 or more with no timetable change (the test makes its own).
my %acc = map { ($_->{login} => $_) } accounts();
my ($kid, $class, $group, $year, $student, $parent);
for my $row (sql("SELECT cs.student_id, c.id, g.id, c.year_id, sa.login, pa.login FROM class_student cs"
    . " JOIN class c ON c.id = cs.class_id JOIN current_year cy ON cy.year_id = c.year_id"
    . " JOIN `groups` g ON g.class_id = c.id AND g.kind = 'class'"
    . " JOIN account sa ON sa.person_id = cs.student_id AND sa.is_active = 1"
    . " JOIN guardian gu ON gu.student_id = cs.student_id"
    . " JOIN account pa ON pa.person_id = gu.guardian_id AND pa.is_active = 1"
    . " WHERE cs.left_on IS NULL AND c.school_id = 1 AND c.grade >= 5"
    . " AND NOT EXISTS (SELECT 1 FROM timetable_change tc JOIN `groups` x ON x.id = tc.group_id WHERE x.class_id = c.id)"
    . " ORDER BY c.grade, c.id, cs.student_id")) {
	next unless $acc{$row->[4]} && $acc{$row->[5]};
	($kid, $class, $group, $year) = @$row[0 .. 3];
	($student, $parent) = ($acc{$row->[4]}, $acc{$row->[5]});
	last;
}
ok($kid, 'a student and a parent with logins in a class without changes') or BAIL_OUT('no family');

# The class group's timetable: subject => [[weekday, number], ...].
my %tt;
for my $r (sql("SELECT subject_id, weekday, number, id, teacher_id FROM timetable WHERE group_id = $group"
    . " AND '$today' BETWEEN valid_from AND valid_to ORDER BY weekday, number")) {
	push @{ $tt{$r->[0]} }, { wd => $r->[1], num => $r->[2], id => $r->[3], teacher => $r->[4] };
}
my %name = map { ($_->[0] => $_->[1]) } sql('SELECT id, name FROM subject WHERE school_id = 1');
sub days_of { my %d = map { ($_->{wd} => 1) } @{ $tt{$_[0]} }; return \%d }

my (@lessons, @changes, @attempts);
END {
	eval {
		for my $l (@lessons) {
			sql("DELETE m FROM mark m JOIN lesson_work w ON w.id = m.lesson_work_id WHERE w.lesson_id = $l");
			sql("DELETE FROM absence WHERE lesson_id = $l");
			sql("DELETE FROM homework_student WHERE lesson_id = $l");
			sql("DELETE FROM lesson_work WHERE lesson_id = $l");
			sql("DELETE FROM lesson WHERE id = $l");
		}
		sql("DELETE FROM timetable_change WHERE id = $_") for @changes;
		clear_attempts();
	} if var_dir();
}
sub lesson {
	my ($subject, $date, $number, $topic, $homework) = @_;
	my $teacher = $tt{$subject} ? $tt{$subject}[0]{teacher}
	    : sql_value("SELECT teacher_id FROM assignment WHERE group_id = $group AND subject_id = $subject LIMIT 1");
	sql("INSERT INTO lesson (school_id, year_id, group_id, subject_id, teacher_id, on_date, number, topic, homework)"
	    . " VALUES (1, $year, $group, $subject, $teacher, '$date', " . ($number // 'NULL') . ", " . sq($topic)
	    . ", " . sq($homework) . ")");
	push @lessons, sql_value('SELECT MAX(id) FROM lesson');
	return $lessons[-1];
}

sub day {
	my ($html, $date) = @_;
	my ($d) = $html =~ m{<section class="card diary-day[^"]*" id="day-$date">(.*?)</section>}s;
	return $d // '';
}
sub items { my ($day) = @_; return $day =~ m{(<li class="lesson-.*?</li>)}sg }
# The first lesson of a subject on a day of the page.
sub lesson_li {
	my ($html, $date, $subject) = @_;
	my ($li) = grep { m{<strong>\Q$name{$subject}\E</strong>} } items(day($html, $date));
	return $li // '';
}
sub numbers { my ($day) = @_; return map { m{<span class="dl-num">(\d*)</span>} ? ($1 eq '' ? 99 : $1) : 99 } items($day) }

my $c = login_ok($parent->{login}, $parent->{password}, 'the parent logs in');

# --- Across a weekend: set on Friday 20.11, due on Monday 23.11.
my ($weekend) = grep { my $d = days_of($_); $d->{5} && $d->{1} && !$d->{6} && !$d->{7} } sort { $a <=> $b } keys %tt;
ok($weekend, 'a subject on Fridays and Mondays, none at the weekend') or BAIL_OUT('timetable');
my ($fri) = grep { $_->{wd} == 5 } @{ $tt{$weekend} };
lesson($weekend, '2026-11-20', $fri->{num}, 'jtest: пятница', 'jtest-due: выходные');
my $week = $c->get("/diary?student=$kid&week=$today")->text;
like(lesson_li($week, $today, $weekend), qr{Домашнее задание \(задано 20\.11\):</span> jtest-due: выходные},
    "Friday's homework shows under Monday's $name{$weekend}, «задано 20.11»");
my $last = $c->get("/diary?student=$kid&week=2026-11-16")->text;
my ($given) = grep { /jtest: пятница/ } items(day($last, '2026-11-20'));
like($given // '', qr{Задано на дом к 23\.11:</span> jtest-due: выходные},
    'the Friday lesson says when it is due');
unlike(day($last, '2026-11-20'), qr{\(задано 20\.11\):</span> jtest-due}, 'and it is not due on Friday');

# --- A cancelled next lesson: set on Monday, the next lesson is cancelled,
# it is due at the one after.
my ($cs) = grep {
	my @after = grep { $_->{wd} > 1 && $_->{wd} <= 5 } @{ $tt{$_} };
	my %d; $d{$_->{wd}}++ for @after;
	days_of($_)->{1} && (keys %d) >= 2 && $_ != $weekend
} sort { $a <=> $b } keys %tt;
ok($cs, 'a subject on Monday and on two more days of the week') or BAIL_OUT('timetable');
my ($mon) = grep { $_->{wd} == 1 } @{ $tt{$cs} };
my @after = grep { $_->{wd} > 1 } @{ $tt{$cs} };
my ($next, $then) = ($after[0], (grep { $_->{wd} > $after[0]{wd} } @after)[0]);
my $date_of = sub { sprintf('2026-11-%02d', 22 + $_[0]) };
my $l = lesson($cs, $today, $mon->{num}, 'jtest: понедельник', 'jtest-due: отмена');
sql("INSERT INTO homework_student (lesson_id, student_id, text) VALUES ($l, $kid, 'jtest-due: лично')");
$week = $c->get("/diary?student=$kid&week=$today")->text;
like(lesson_li($week, $date_of->($next->{wd}), $cs), qr{\(задано 23\.11\):</span> jtest-due: отмена},
    "Monday's homework is due at the next $name{$cs}");
like(lesson_li($week, $date_of->($next->{wd}), $cs), qr{Лично \(задано 23\.11\):</span> jtest-due: лично},
    "the child's own homework too");
like(lesson_li($week, $today, $cs), qr{Задано на дом — к <a href="#day-\Q@{[ $date_of->($next->{wd}) ]}\E">},
    'Monday links to the day it is due');
sql("INSERT INTO timetable_change (school_id, year_id, timetable_id, on_date, group_id, subject_id, is_cancelled, reason)"
    . " VALUES (1, $year, $next->{id}, '" . $date_of->($next->{wd}) . "', $group, $cs, 1, 'jtest: экскурсия')");
push @changes, sql_value('SELECT MAX(id) FROM timetable_change');
$week = $c->get("/diary?student=$kid&week=$today")->text;
my ($cancelled) = grep { m{<strong>\Q$name{$cs}\E</strong>} } items(day($week, $date_of->($next->{wd})));
like($cancelled // '', qr{^<li class="lesson-cancelled">}, 'the next lesson is cancelled');
unlike($cancelled // '', qr{jtest-due}, 'nothing is due at it');
like(lesson_li($week, $date_of->($then->{wd}), $cs), qr{\(задано 23\.11\):</span> jtest-due: отмена},
    "it is due at the $name{$cs} after");

# --- Timetable order: an extra lesson held at the 1st slot of a day and a
# lesson moved to a later slot of another day sit at their numbers.
my ($extra) = grep { !days_of($_)->{5} } sort { $a <=> $b } keys %tt;
lesson($extra, '2026-11-20', 1, 'jtest: дополнительный урок', '');
$last = $c->get("/diary?student=$kid&week=2026-11-16")->text;
my @n = numbers(day($last, '2026-11-20'));
is_deeply(\@n, [sort { $a <=> $b } @n], "Friday's lessons are in timetable order (@n)");
my @fri = items(day($last, '2026-11-20'));
my ($x) = grep { $fri[$_] =~ /jtest: дополнительный урок/ } 0 .. $#fri;
ok(defined $x && $fri[$x] =~ m{<span class="dl-num">1</span>} && $fri[$x + 1] =~ m{<span class="dl-num">2</span>},
    'the extra lesson is at the 1st slot, before the 2nd');
my ($wed1) = sort { $a->{num} <=> $b->{num} } grep { $_->{wd} == 3 && $_->{id} != $next->{id} } map { @$_ } values %tt;
my $thu_max = (sort { $b <=> $a } map { $_->{num} } grep { $_->{wd} == 4 } map { @$_ } values %tt)[0];
my $slot = $thu_max < 10 ? $thu_max + 1 : 10;
sql("INSERT INTO timetable_change (school_id, year_id, timetable_id, on_date, group_id, subject_id, is_cancelled,"
    . " new_date, new_number, reason) VALUES (1, $year, $wed1->{id}, '2026-11-25', $group,"
    . " (SELECT subject_id FROM timetable WHERE id = $wed1->{id}), 0, '2026-11-26', $slot, 'jtest: перенос')");
push @changes, sql_value('SELECT MAX(id) FROM timetable_change');
$week = $c->get("/diary?student=$kid&week=$today")->text;
@n = numbers(day($week, '2026-11-26'));
is_deeply(\@n, [sort { $a <=> $b } @n], "Thursday's lessons are in timetable order (@n)");
like((items(day($week, '2026-11-26')))[-1], qr{<li class="lesson-moved_in">.*<span class="dl-num">$slot</span>}s,
    "the moved lesson is at its new slot, the $slot-th");

# --- /home: the child's card.
my ($tue) = grep { days_of($_)->{2} && $_ != $cs && $_ != $weekend } sort { $a <=> $b } keys %tt;
ok($tue, 'a subject on Tuesdays');
my ($tmon) = grep { $_->{wd} == 1 } @{ $tt{$tue} };
my $hl = lesson($tue, $today, $tmon ? $tmon->{num} : undef, 'jtest: сегодня', 'jtest-home: на завтра');
my $work = sql_value("SELECT id FROM work_kind WHERE school_id = 1 ORDER BY id LIMIT 1");
sql("INSERT INTO lesson_work (lesson_id, work_kind_id) VALUES ($hl, $work)");
my $w = sql_value('SELECT MAX(id) FROM lesson_work');
sql("INSERT INTO mark (lesson_work_id, student_id, code, num, comment, set_at, changed_at)"
    . " VALUES ($w, $kid, '5', 5, 'jtest-home: сегодня', '$today 10:00:00', '$today 10:00:00')");
sql("INSERT INTO absence (lesson_id, student_id, reason) VALUES ($hl, $kid, 'ill')");
# A mark from Sunday: news only to a family last here before it.
my $old = lesson($weekend, '2026-11-20', undef, 'jtest: старое', '');
sql("INSERT INTO lesson_work (lesson_id, work_kind_id) VALUES ($old, $work)");
$w = sql_value('SELECT MAX(id) FROM lesson_work');
sql("INSERT INTO mark (lesson_work_id, student_id, code, num, comment, set_at, changed_at)"
    . " VALUES ($w, $kid, '3', 3, 'jtest-home: воскресенье', '2026-11-22 12:00:00', '2026-11-22 12:00:00')");

sub card { my ($html, $id) = @_; my ($s) = $html =~ m{<section class="card family" id="child-$id">(.*?)</section>}s; return $s }
my $home = $c->get('/home')->text;
my $card = card($home, $kid);
ok(defined $card, "the parent's /home has a card for the child");
$card //= '';
like($card, qr{<h3>Отметки за сегодня</h3>}, 'no earlier login: the marks of today');
like($card, qr{<b class="mark"[^>]*>5</b> \Q$name{$tue}\E.*jtest-home: сегодня}s, "today's mark with its subject and comment");
unlike($card, qr{jtest-home: воскресенье}, "Sunday's mark is not today's news");
like($card, qr{<ul class="list news-absences">.*\Q$name{$tue}\E <span class="meta">по болезни</span>}s, "today's absence");
like($card, qr{На завтра, вторник 24\.11}, 'the next school day is tomorrow');
like($card, qr{<strong>\Q$name{$tue}\E</strong>: jtest-home: на завтра <span class="meta">\(задано 23\.11\)</span>},
    'the homework due tomorrow, «задано 23.11»');
unlike($card, qr{jtest-due: отмена}, 'not what is due on another day');
my @mine = map { $_->[0] } sql("SELECT g.student_id FROM guardian g JOIN account a ON a.person_id = g.guardian_id"
    . " JOIN class_student cs ON cs.student_id = g.student_id AND cs.left_on IS NULL WHERE a.login = " . sq($parent->{login}));
my @cards = $home =~ m{<section class="card family" id="child-(\d+)">}g;
is_deeply([sort @cards], [sort @mine], 'a card for each of the family\'s children and no other');

# The previous login was on Saturday: Sunday's mark is news.
sql("INSERT INTO login_attempt (login, ip, at, ok) VALUES (" . sq($parent->{login}) . ", '127.0.0.1', '2026-11-21 10:00:00', 1)");
$card = card($c->get('/home')->text, $kid) // '';
like($card, qr{Отметки с 21\.11 10:00 <span class="meta">\(с прошлого входа\)</span>}, 'since the previous login');
like($card, qr{jtest-home: воскресенье}, "Sunday's mark is news now");
like($card, qr{jtest-home: сегодня}, "and today's");

# Another family sees nothing of this child.
my $other = sql_value("SELECT a.login FROM account a JOIN guardian g ON g.guardian_id = a.person_id"
    . " JOIN class_student cs ON cs.student_id = g.student_id AND cs.left_on IS NULL"
    . " WHERE cs.class_id = $class AND g.student_id <> $kid AND a.is_active = 1"
    . " AND NOT EXISTS (SELECT 1 FROM guardian x WHERE x.guardian_id = a.person_id AND x.student_id = $kid)"
    . " AND a.login IN (" . join(', ', map { sq($_->{login}) } accounts_of_role('parent')) . ") ORDER BY a.login LIMIT 1");
SKIP: {
	skip 'no other family of the class has a login', 3 unless $other;
	my $c2 = login_ok($other, $acc{$other}{password}, 'a parent of a classmate logs in');
	my $h2 = $c2->get('/home')->text;
	ok(!defined card($h2, $kid), 'no card for the other family\'s child');
	unlike($h2, qr{jtest-home: сегодня|jtest-home: воскресенье}, 'nor its marks');
}

# The student sees their own card.
my $cst = login_ok($student->{login}, $student->{password}, 'the student logs in');
my $hs = $cst->get('/home')->text;
$card = card($hs, $kid) // '';
like($card, qr{<h2>Мой день <span class="meta">[^<]+ класс</span></h2>}, 'the student has their own card, with their class');
like($card, qr{jtest-home: сегодня}, 'with today\'s mark');
like($card, qr{jtest-home: на завтра}, 'and tomorrow\'s homework');
my @sc = $hs =~ m{<section class="card family" id="child-(\d+)">}g;
is_deeply(\@sc, [$kid], 'and no other');

done_testing();
