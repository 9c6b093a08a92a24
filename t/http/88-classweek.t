#!/usr/bin/perl
# The class teacher's week (R21, R30):
#   /absences?class=&week=    the week's absences of the class with their
#                             reasons, all saved in one POST
#   /classcheck?class=&week=  every journal of the class with the week's
#                             lessons with no topic / no homework, absences
#                             with no reason, and the students with no mark
#                             in the period
# Fixtures (removed afterwards): three lessons of the class this week in a
# subject of its load, three absences (one with a reason), one mark.  The
# counts are checked as the difference the fixtures make, so that the
# journal's own demo data does not matter.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my %tsv = map { $_->{login} => $_ } accounts();
my $admin = account_of_role('admin');
my $SCHOOL = sql_value('SELECT school_id FROM account WHERE login = ' . sq($admin->{login}));

# A class teacher of a class in grades 2-9 and another of another class.
my @cts = grep { $_->{role} eq 'class_teacher' } accounts();
my ($ct, $class, $ct2, $class2);
for my $a (@cts) {
	my $c = sql_value("SELECT c.id FROM class c JOIN account ac ON ac.person_id = c.teacher_id"
	    . " JOIN current_year cy ON cy.year_id = c.year_id WHERE ac.login = " . sq($a->{login})
	    . " AND c.grade BETWEEN 2 AND 9 ORDER BY c.id LIMIT 1") or next;
	if (!$ct) { ($ct, $class) = ($a->{login}, $c) } elsif ($c != $class) { ($ct2, $class2) = ($a->{login}, $c); last }
}
ok($ct && $ct2, "class teachers $ct (class $class) and $ct2 (class $class2)") or BAIL_OUT('no class teachers');
my ($group, $subject, $teacher, $year) = @{ (sql("SELECT a.group_id, a.subject_id, a.teacher_id, a.year_id"
    . " FROM assignment a JOIN `groups` g ON g.id = a.group_id AND g.kind = 'class' AND g.class_id = $class"
    . " ORDER BY a.id LIMIT 1"))[0] // [] };
ok($group, "the class group $group teaches subject $subject");
my @st = map { $_->[0] } sql("SELECT student_id FROM class_student WHERE class_id = $class AND left_on IS NULL"
    . " ORDER BY student_id LIMIT 3");
my $other_student = sql_value("SELECT student_id FROM class_student WHERE class_id = $class2 AND left_on IS NULL LIMIT 1");
my $monday = sql_value('SELECT DATE_SUB(CURDATE(), INTERVAL WEEKDAY(CURDATE()) DAY)');
my $kind = sql_value("SELECT id FROM work_kind WHERE school_id = $SCHOOL ORDER BY sort LIMIT 1");

my @lessons;
END {
	if (var_dir() && base_url()) {
		eval {
			if (@lessons) {
				my $in = join(',', @lessons);
				sql("DELETE m FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id WHERE lw.lesson_id IN ($in)");
				sql("DELETE FROM lesson_work WHERE lesson_id IN ($in)");
				sql("DELETE FROM absence WHERE lesson_id IN ($in)");
				sql("DELETE FROM lesson WHERE id IN ($in)");
			}
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

my %client;
sub as {
	my ($login) = @_;
	return $client{$login} //= do {
		my $acc = $tsv{$login} or die "no demo account $login";
		my $c = login($acc->{login}, $acc->{password});
		ok($c->{logged_in}, "log in as $login") or diag res_diag($c->{login_res});
		$c;
	};
}
my $CHECK = "/classcheck?class=$class&week=$monday";
my $ABS = "/absences?class=$class&week=$monday";
# The counts of the journal's row of the check.
sub row_counts {
	my ($html) = @_;
	my ($row) = $html =~ m{<tr data-group="$group" data-subject="$subject">(.*?)</tr>}s or return {};
	my %n;
	for my $c (qw(lessons no-topic no-homework unexplained)) {
		($n{$c}) = $row =~ m{class="num c-\Q$c\E[^"]*">(\d+)<};
	}
	($n{unmarked}) = $row =~ m{class="c-unmarked[^"]*"><span class="num">(\d+)<};
	$n{link} = $row =~ m{href="/journal\?group=$group&amp;subject=$subject"} ? 1 : 0;
	return \%n;
}

# ------------------------------------------------------------ before the fixtures
my $cc = as($ct);
my $r = $cc->get($CHECK);
status_is($r, 200, "the class teacher opens the check of their class");
russian_html_ok($r, '/classcheck');
no_inline_script_ok($r, '/classcheck');
my $before = row_counts($r->text);
ok(defined $before->{lessons}, "the journal (group $group, subject $subject) is listed") or diag $r->text;
is($before->{link}, 1, '... with a link to /journal?group=&subject=');
my $journals = sql_value("SELECT COUNT(DISTINCT a.group_id, a.subject_id) FROM assignment a"
    . " JOIN `groups` g ON g.id = a.group_id WHERE g.class_id = $class OR (g.class_id IS NULL AND EXISTS"
    . " (SELECT 1 FROM group_student gs JOIN class_student cs ON cs.student_id = gs.student_id"
    . "  AND cs.class_id = $class AND cs.left_on IS NULL WHERE gs.group_id = g.id))");
my $rows = () = $r->text =~ m{<tr data-group=}g;
is($rows, $journals, "every journal of the class is listed ($journals: the class, its subgroups and streams)");

# ------------------------------------------------------------ fixtures
for my $spec ([ 0, '', '' ], [ 1, 'Фикстура 88-classweek', 'Упр. 1' ], [ 1, 'Фикстура 88-classweek 3', '' ]) {
	my ($day, $topic, $hw) = @$spec;
	sql("INSERT INTO lesson (school_id, year_id, group_id, subject_id, teacher_id, on_date, number, topic, homework)"
	    . " VALUES ($SCHOOL, $year, $group, $subject, $teacher, DATE_ADD('$monday', INTERVAL $day DAY), "
	    . (7 + @lessons) . ', ' . sq($topic) . ', ' . sq($hw) . ')');
	push @lessons, sql_value("SELECT id FROM lesson WHERE group_id = $group AND subject_id = $subject"
	    . " AND on_date = DATE_ADD('$monday', INTERVAL $day DAY) AND number = " . (7 + @lessons));
}
is(scalar(grep { $_ } @lessons), 3, "three fixture lessons this week (@lessons)");
sql("INSERT INTO absence (lesson_id, student_id, reason) VALUES ($lessons[0], $st[0], ''),"
    . " ($lessons[1], $st[1], ''), ($lessons[2], $st[2], 'ill')");
my $had_mark = sql_value("SELECT COUNT(*) FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
    . " JOIN lesson l ON l.id = lw.lesson_id JOIN period p ON p.year_id = l.year_id AND l.on_date BETWEEN"
    . " p.starts_on AND p.ends_on AND CURDATE() BETWEEN p.starts_on AND p.ends_on"
    . " WHERE l.group_id = $group AND l.subject_id = $subject AND m.student_id = $st[0]");
sql("INSERT INTO lesson_work (lesson_id, work_kind_id) VALUES ($lessons[1], $kind)");
sql("INSERT INTO mark (lesson_work_id, student_id, code, num) SELECT id, $st[0], '5', 5 FROM lesson_work"
    . " WHERE lesson_id = $lessons[1]");

my $after = row_counts($cc->get($CHECK)->text);
is($after->{lessons} - $before->{lessons}, 3, 'the check counts the three lessons of the week');
is($after->{'no-topic'} - $before->{'no-topic'}, 1, '... one with no topic');
is($after->{'no-homework'} - $before->{'no-homework'}, 2, '... two with no homework');
is($after->{unexplained} - $before->{unexplained}, 2, '... two absences with no reason (the third has one)');
is($before->{unmarked} - $after->{unmarked}, $had_mark ? 0 : 1,
    '... and one student fewer with no mark in the period (' . ($had_mark ? 'had one already' : 'the new mark') . ')');
my $prev = row_counts($cc->get("/classcheck?class=$class&week="
    . sql_value("SELECT DATE_SUB('$monday', INTERVAL 7 DAY)"))->text);
my $prev_lessons = sql_value("SELECT COUNT(*) FROM lesson WHERE group_id = $group AND subject_id = $subject"
    . " AND on_date BETWEEN DATE_SUB('$monday', INTERVAL 7 DAY) AND DATE_SUB('$monday', INTERVAL 1 DAY)");
is($prev->{lessons}, $prev_lessons, "the week before counts its own lessons ($prev_lessons)");

# ------------------------------------------------------------ absences: roles
$r = $cc->get($ABS);
status_is($r, 200, 'the class teacher opens the absences of their class');
russian_html_ok($r, '/absences');
no_inline_script_ok($r, '/absences');
like($r->text, qr{<form method="post" action="/absences"}, '... with the form');
like($r->text, qr{name="at" value="$lessons[0]:$st[0]"}, '... listing the fixture absence');
{
	my $c = as($ct2);
	status_is($c->get($ABS), 403, "the class teacher of another class ($ct2) → 403");
	status_is($c->post_form('/absences', [ csrf => $c->session_csrf // '', class => $class, week => $monday,
	    at => "$lessons[0]:$st[0]", reason => 'ill', note => '' ]), 403, '... and a crafted POST → 403');
	status_is($c->get($CHECK), 403, '... and the check of that class → 403');
}
for my $role (qw(teacher student parent)) {
	my $c = as(account_of_role($role)->{login});
	status_is($c->get($ABS), 403, "$role: /absences → 403");
	status_is($c->get($CHECK), 403, "$role: /classcheck → 403");
}
{
	my $c = as(account_of_role('inspector')->{login});
	my $x = $c->get($ABS);
	status_is($x, 200, 'the inspector reads the absences');
	unlike($x->text, qr{<form method="post" action="/absences"}, '... without the form');
	status_is($c->post_form('/absences', [ csrf => $c->session_csrf // '', class => $class, week => $monday,
	    at => "$lessons[0]:$st[0]", reason => 'ill', note => '' ]), 403, '... a POST → 403');
	status_is($c->get($CHECK), 403, '... the check → 403');
	my $m = as(account_of_role('management')->{login});
	status_is($m->get($CHECK), 200, 'the management opens the check of any class');
	like($m->get($ABS)->text, qr{<form method="post" action="/absences"}, '... and may fill in the absences');
}
is(sql_value("SELECT IF(reason = '', 'none', reason) FROM absence WHERE lesson_id = $lessons[0] AND student_id = $st[0]"), 'none',
    'no refused POST gave a reason');

# ------------------------------------------------------------ absences: saving
sub form_pairs {
	my ($html, %change) = @_;
	my @out;
	my @at = $html =~ m{name="at" value="([^"]*)"}g;
	my @sel = $html =~ m{<select name="reason"[^>]*>(.*?)</select>}gs;
	my @note = $html =~ m{<input type="text" name="note"[^>]*value="([^"]*)"}g;
	for my $i (0 .. $#at) {
		my ($reason) = $sel[$i] =~ m{<option value="([^"]*)" selected};
		my ($rs, $nt) = @{ $change{ $at[$i] } // [ $reason // '', $note[$i] ] };
		push @out, at => $at[$i], reason => $rs, note => $nt;
	}
	return @out;
}
my $aud = sql_value("SELECT COUNT(*) FROM audit WHERE action = 'absence_reason'");
my $csrf = $cc->session_csrf;
$r = $cc->post_form('/absences', [ csrf => $csrf, class => $class, week => $monday,
    form_pairs($cc->get($ABS)->text, "$lessons[0]:$st[0]" => [ 'ill', 'справка от врача' ],
    "$lessons[1]:$st[1]" => [ 'excused', '' ]) ]);
redirects_to($r, qr{^/absences\?class=$class&week=$monday&saved=2$}, 'saving two reasons in one POST → 303');
is_deeply([ map { @$_ } sql("SELECT reason, note FROM absence WHERE lesson_id IN ($lessons[0], $lessons[1])"
    . " ORDER BY lesson_id") ], [ 'ill', 'справка от врача', 'excused', '' ], '... both stored');
is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'absence_reason'"), $aud + 2, '... two audit rows');
like(page_text($cc->get($r->location)->text), qr/Сохранено изменений: 2/, '... the page says so');
is(row_counts($cc->get($CHECK)->text)->{unexplained}, $before->{unexplained},
    '... and the check no longer counts them');
$r = $cc->post_form('/absences', [ csrf => $csrf, class => $class, week => $monday,
    at => "$lessons[0]:$st[0]", reason => 'sick', note => '' ]);
status_is($r, 400, 'an unknown reason → 400');
$r = $cc->post_form('/absences', [ csrf => $csrf, class => $class, week => $monday,
    at => "$lessons[0]:$st[0]", reason => 'unexcused', note => '',
    at => "$lessons[0]:$other_student", reason => 'ill', note => '' ]);
status_is($r, 409, 'a student of another class in the list → 409');
is(sql_value("SELECT reason FROM absence WHERE lesson_id = $lessons[0] AND student_id = $st[0]"), 'ill',
    '... and nothing of that POST is written');
$r = $cc->post_form('/absences', [ csrf => $csrf, class => $class, week => $monday,
    at => "$lessons[0]:$st[0]", reason => 'ill', note => 'х' x 256 ]);
status_is($r, 400, 'a note longer than 255 → 400');
like(page_text($r->text), qr/не длиннее 255 символов/, '... with the message');

# ------------------------------------------------------------ choosers
like($cc->get('/classcheck')->text, qr{href="/classcheck\?class=$class"}, '/classcheck without a class lists the class teacher\'s class');
unlike($cc->get('/absences')->text, qr{href="/absences\?class=$class2"}, '/absences without a class does not list another class');

done_testing();
