#!/usr/bin/perl
# Period, year, exam and final marks (R26-R28, R35): /periodmarks?group=&subject=
#
# Fixtures (removed afterwards): five lessons of one class group in one
# subject in the grade's last period, two forms of work of weights 1 and 2,
# marks and absences of four students:
#   A  5 (weight 1) and 3 (weight 2): forecast 3.67 → 4, two marks
#   B  absent from 4 of 5 lessons, no marks: «н/а» allowed
#   C  absent from 1 of 5, no marks: «н/а» refused (too few lessons missed)
#   D  absent from 3 of 5 (60%) but 3 marks: «н/а» refused (enough marks)
# The teacher of the assignment writes (scale codes only, «+»/«−» only with
# the setting, a deferral date, clearing); another teacher gets 403 even for
# a crafted POST; the class teacher, the management and the inspector
# read; students and parents get 403.  Every change is audited old → new.
# The page makes the same number of statements for groups of any size.
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

# ------------------------------------------------------------ the assignment
# A plain teacher's whole-class group in grades 2-9 on the five-point scale,
# whose class teacher is someone else.
my ($teacher_login, $group, $subject, $year, $teacher, $class, $grade, $ct) = ();
for my $acc (accounts_of_role('teacher')) {
	my @row = sql("SELECT a.group_id, a.subject_id, a.year_id, a.teacher_id, c.id, c.grade, c.teacher_id"
	    . " FROM assignment a JOIN account ac ON ac.person_id = a.teacher_id"
	    . " JOIN `groups` g ON g.id = a.group_id AND g.kind = 'class'"
	    . " JOIN class c ON c.id = g.class_id AND c.grade BETWEEN 2 AND 9"
	    . " JOIN current_year cy ON cy.year_id = a.year_id"
	    . " JOIN subject_scale ss ON ss.subject_id = a.subject_id AND ss.grade = c.grade"
	    . " JOIN scale s ON s.id = ss.scale_id AND s.kind = 'five'"
	    . " WHERE ac.login = " . sq($acc->{login}) . " AND c.teacher_id <> a.teacher_id"
	    . " AND NOT EXISTS (SELECT 1 FROM assignment a2 WHERE a2.group_id = a.group_id"
	    . "  AND a2.subject_id = a.subject_id AND a2.teacher_id = c.teacher_id)"
	    . " ORDER BY a.id LIMIT 1");
	next unless @row;
	($group, $subject, $year, $teacher, $class, $grade, $ct) = @{ $row[0] };
	$teacher_login = $acc->{login};
	last;
}
ok($teacher_login, "a teacher ($teacher_login) with a class group $group in subject $subject (grade $grade)")
    or BAIL_OUT('no assignment to test');
my $ct_login = sql_value("SELECT login FROM account WHERE person_id = $ct");
my ($other_login) = grep { $_ ne $teacher_login && !sql_value("SELECT COUNT(*) FROM assignment a"
    . " JOIN account ac ON ac.person_id = a.teacher_id WHERE ac.login = " . sq($_)
    . " AND a.group_id = $group AND a.subject_id = $subject") } map { $_->{login} } accounts_of_role('teacher');
ok($ct_login && $other_login, "the class teacher ($ct_login) and another teacher ($other_login)");
my ($period, $pstart) = @{ (sql("SELECT id, starts_on FROM period WHERE year_id = $year"
    . " AND $grade BETWEEN grade_from AND grade_to ORDER BY starts_on DESC LIMIT 1"))[0] };
my @st = map { $_->[0] } sql("SELECT cs.student_id FROM class_student cs WHERE cs.class_id = $class"
    . " AND cs.left_on IS NULL ORDER BY cs.student_id LIMIT 4");
is(scalar @st, 4, "four students of the class (@st), the last period $period from $pstart");
my ($A, $B, $C, $D) = @st;
my ($k1, $k2) = map { sql_value("SELECT id FROM work_kind WHERE school_id = $SCHOOL AND weight = $_"
    . " AND is_archived = 0 ORDER BY sort LIMIT 1") } ('1.0', '2.0');
ok($k1 && $k2, "forms of work of weight 1 ($k1) and 2 ($k2)");

# ------------------------------------------------------------ fixtures and restore
my $max_pm = sql_value('SELECT COALESCE(MAX(id), 0) FROM period_mark');
my @lessons;
my %setting = map { $_->[0] => $_->[1] } sql("SELECT name, value FROM school_setting"
    . " WHERE school_id = $SCHOOL AND name = 'five_point_plus_minus'");
sub cleanup {
	eval {
		sql("DELETE FROM period_mark WHERE id > $max_pm");
		if (@lessons) {
			my $in = join(',', @lessons);
			sql("DELETE m FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id WHERE lw.lesson_id IN ($in)");
			sql("DELETE FROM lesson_work WHERE lesson_id IN ($in)");
			sql("DELETE FROM absence WHERE lesson_id IN ($in)");
			sql("DELETE FROM lesson WHERE id IN ($in)");
		}
		sql("DELETE FROM school_setting WHERE school_id = $SCHOOL AND name = 'five_point_plus_minus'");
		sql("INSERT INTO school_setting (school_id, name, value) VALUES ($SCHOOL, 'five_point_plus_minus', "
		    . sq($setting{five_point_plus_minus}) . ')') if exists $setting{five_point_plus_minus};
		1;
	} or warn "cleanup: $@";
}
END {
	if (var_dir() && base_url()) {
		cleanup();
		eval { clear_attempts() };
	}
}
sql("DELETE FROM school_setting WHERE school_id = $SCHOOL AND name = 'five_point_plus_minus'");
for my $n (1 .. 5) {
	sql("INSERT INTO lesson (school_id, year_id, group_id, subject_id, teacher_id, on_date, number, topic)"
	    . " VALUES ($SCHOOL, $year, $group, $subject, $teacher, DATE_ADD('$pstart', INTERVAL $n DAY), 2,"
	    . " 'Фикстура 87-periodmarks $$ $n')");
}
@lessons = map { $_->[0] } sql("SELECT id FROM lesson WHERE topic LIKE 'Фикстура 87-periodmarks $$ %' ORDER BY topic");
is(scalar @lessons, 5, 'five fixture lessons');
my %w;
for my $spec ([ W1 => 0, $k1 ], [ W2 => 1, $k2 ], [ W4a => 3, $k1 ], [ W4b => 3, $k1 ]) {
	my ($name, $li, $k) = @$spec;
	sql("INSERT INTO lesson_work (lesson_id, work_kind_id, sort) VALUES ($lessons[$li], $k, "
	    . scalar(keys %w) . ")");
	$w{$name} = sql_value("SELECT MAX(id) FROM lesson_work WHERE lesson_id = $lessons[$li]");
}
for my $m ([ $A, W1 => '5' ], [ $A, W2 => '3' ], [ $D, W1 => '4' ], [ $D, W4a => '4' ], [ $D, W4b => '5' ]) {
	my ($s, $wk, $code) = @$m;
	sql("INSERT INTO mark (lesson_work_id, student_id, code, num) VALUES ($w{$wk}, $s, '$code', $code)");
}
for my $a ([ $B, 0, 1, 2, 3 ], [ $C, 0 ], [ $D, 1, 2, 4 ]) {
	my ($s, @li) = @$a;
	sql("INSERT INTO absence (lesson_id, student_id) VALUES ($lessons[$_], $s)") for @li;
}

# ------------------------------------------------------------ helpers
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
my $PAGE = "/periodmarks?group=$group&subject=$subject";
# The form as a browser sends it, with some cells changed: at => [val, until].
sub form_post {
	my ($c, %change) = @_;
	my $html = $c->get($PAGE)->text;
	my @pairs;
	while ($html =~ m{<input[^>]*\bname="(at|val|until)"[^>]*\bvalue="([^"]*)"}g) {
		push @pairs, [ $1, $2 ];
	}
	my (@out, $at);
	for my $p (@pairs) {
		$at = $p->[1] if $p->[0] eq 'at';
		my $v = $p->[1];
		if ($p->[0] ne 'at' && exists $change{$at}) {
			$v = $p->[0] eq 'val' ? $change{$at}[0] : $change{$at}[1] // '';
		}
		push @out, $p->[0] => $v;
	}
	return $c->post_form('/periodmarks', [ csrf => $c->session_csrf // '', group => $group,
	    subject => $subject, @out ]);
}
sub cell_html {
	my ($html, $at) = @_;
	return $html =~ m{data-at="\Q$at\E">(.*?)</td>}s ? $1 : '';
}
sub stored {
	my ($s, $kind, $p) = @_;
	my $pk = $p // 0;
	my @r = sql("SELECT IFNULL(code, ''), is_na, IFNULL(deferred_until, '') FROM period_mark"
	    . " WHERE student_id = $s AND subject_id = $subject AND year_id = $year AND kind = '$kind'"
	    . " AND period_key = $pk");
	return @r ? join('|', @{ $r[0] }) : 'none';
}
sub audits { sql_value("SELECT COUNT(*) FROM audit WHERE action = 'period_mark_set'") }

# ------------------------------------------------------------ roles
my $ct_c = as($teacher_login);
my $r = $ct_c->get($PAGE);
status_is($r, 200, 'the teacher of the assignment opens the page');
russian_html_ok($r, 'the period marks page');
no_inline_script_ok($r, 'the period marks page');
like($r->text, qr{<form method="post" action="/periodmarks"}, '... with the form');
for my $role (qw(management inspector)) {
	my $acc = account_of_role($role);
	my $c = as($acc->{login});
	my $x = $c->get($PAGE);
	status_is($x, 200, "$role reads the page");
	unlike($x->text, qr{<form method="post" action="/periodmarks"}, "... without the form");
	status_is($c->post_form('/periodmarks', [ csrf => $c->session_csrf // '', group => $group, subject => $subject,
	    at => "$A:p$period", val => '5', until => '' ]), 403, "... a POST as $role → 403");
}
{
	my $c = as($ct_login);
	my $x = $c->get($PAGE);
	status_is($x, 200, 'the class teacher of the class reads the page');
	unlike($x->text, qr{<form method="post" action="/periodmarks"}, '... without the form');
	status_is($c->post_form('/periodmarks', [ csrf => $c->session_csrf // '', group => $group, subject => $subject,
	    at => "$A:p$period", val => '5', until => '' ]), 403, '... a crafted POST → 403');
}
{
	my $c = as($other_login);
	status_is($c->get($PAGE), 403, "a teacher of other groups ($other_login) → 403");
	status_is($c->post_form('/periodmarks', [ csrf => $c->session_csrf // '', group => $group, subject => $subject,
	    at => "$A:p$period", val => '5', until => '' ]), 403, '... and a crafted POST → 403');
}
for my $role (qw(student parent)) {
	my $acc = account_of_role($role);
	my $c = as($acc->{login});
	status_is($c->get($PAGE), 403, "$role → 403");
}
is(stored($A, 'period', $period), 'none', 'no refused POST wrote a mark');
status_is($ct_c->get("/periodmarks?group=$group"), 400, "no subject → 400");
like($ct_c->get("/periodmarks")->text, qr{href="/periodmarks\?group=$group&amp;subject=$subject"}, "/periodmarks alone lists the teacher's own journals");
status_is($ct_c->get("/periodmarks?group=4294967295&subject=$subject"), 404, 'no such group → 404');

# ------------------------------------------------------------ the forecast
{
	my $html = $ct_c->get($PAGE)->text;
	my ($wavg) = sql_value("SELECT ROUND(SUM(m.num * w.weight) / SUM(w.weight), 2) FROM mark m"
	    . " JOIN lesson_work lw ON lw.id = m.lesson_work_id JOIN work_kind w ON w.id = lw.work_kind_id"
	    . " JOIN lesson l ON l.id = lw.lesson_id JOIN period p ON p.id = $period"
	    . " AND l.on_date BETWEEN p.starts_on AND p.ends_on"
	    . " WHERE m.student_id = $A AND l.group_id = $group AND l.subject_id = $subject");
	is($wavg, '3.67', 'the fixture: 5 (weight 1) and 3 (weight 2) average 3.67');
	my $f = int($wavg + 0.5);
	my $cell = cell_html($html, "$A:p$period");
	like($cell, qr{прогноз <b class="pm-forecast">\Q$f\E</b> \(\Q$wavg\E\)}, "A's forecast: $f ($wavg)");
	like($cell, qr{отметок <span class="pm-count">2</span>}, "... from 2 marks");
	my $lessons = sql_value("SELECT COUNT(*) FROM lesson l JOIN period p ON p.id = $period"
	    . " AND l.on_date BETWEEN p.starts_on AND p.ends_on WHERE l.group_id = $group AND l.subject_id = $subject");
	my $share = int(4 * 100 / $lessons);
	like(cell_html($html, "$B:p$period"), qr{пропущено <span class="pm-missed">$share%</span>},
	    "B missed $share% of the period's $lessons lessons");
	like(cell_html($html, "$A:year"), qr{прогноз <b class="pm-forecast">\Q$f\E</b>}, "... and A's year forecast is $f too");
}

# ------------------------------------------------------------ entry
my $aud = audits();
$r = form_post($ct_c, "$A:p$period" => [ '4' ]);
redirects_to($r, qr{^/periodmarks\?group=$group&subject=$subject$}, 'a scale code for A → 303');
is(stored($A, 'period', $period), '4|0|', '... stored');
is(audits(), $aud + 1, '... one audit row');
like(sql_value("SELECT CONCAT(old_value, ' → ', new_value) FROM audit WHERE action = 'period_mark_set'"
    . " ORDER BY id DESC LIMIT 1"), qr/^ученик $A, p$period: — → 4$/, '... old → new');
like(cell_html($ct_c->get($PAGE)->text, "$A:p$period"), qr{name="val"[^>]*value="4"}, '... shown in the form');

$r = form_post($ct_c, "$A:p$period" => [ '7' ], "$B:exam" => [ '5' ]);
status_is($r, 400, 'a code not of the scale → 400');
like(page_text($r->text), qr/«7» — не отметка шкалы предмета/, '... with the message');
like($r->text, qr{data-at="\Q$A:p$period\E">.*?name="val"[^>]*value="7"}s, '... the typed value is shown again');
is(stored($A, 'period', $period), '4|0|', '... the old mark stays');
is(stored($B, 'exam'), 'none', '... and the valid cell of the same POST is not written either');

$r = form_post($ct_c, "$A:p$period" => [ '4+' ]);
status_is($r, 400, '«4+» without the setting five_point_plus_minus → 400');
sql("INSERT INTO school_setting (school_id, name, value) VALUES ($SCHOOL, 'five_point_plus_minus', '1')");
redirects_to(form_post($ct_c, "$A:p$period" => [ '4+' ]), qr{^/periodmarks}, '... with it → 303');
is(stored($A, 'period', $period), '4+|0|', '... stored');
sql("DELETE FROM school_setting WHERE school_id = $SCHOOL AND name = 'five_point_plus_minus'");

# R26
redirects_to(form_post($ct_c, "$B:p$period" => [ 'н/а' ]), qr{^/periodmarks}, '«н/а» for B (80% missed, no marks) → 303');
is(stored($B, 'period', $period), '|1|', '... stored as н/а');
$r = form_post($ct_c, "$C:p$period" => [ 'н/а' ]);
status_is($r, 400, '«н/а» for C (20% missed) → 400');
like(page_text($r->text), qr/«н\/а» ставится только при менее чем 3 текущих отметках и пропуске более 50% уроков; у ученика отметок: 0, пропущено уроков: 1 из \d+/,
    '... with the message');
$r = form_post($ct_c, "$D:p$period" => [ 'н/а' ]);
status_is($r, 400, '«н/а» for D (60% missed but 3 marks) → 400');
like(page_text($r->text), qr/у ученика отметок: 3, пропущено уроков: 3 из/, '... with the numbers');
is(stored($C, 'period', $period) . stored($D, 'period', $period), 'nonenone', '... neither stored');

# R28: deferral
my $later = sql_value('SELECT DATE_ADD(CURDATE(), INTERVAL 20 DAY)');
my $past = sql_value('SELECT DATE_SUB(CURDATE(), INTERVAL 1 DAY)');
redirects_to(form_post($ct_c, "$C:final" => [ '', $later ]), qr{^/periodmarks}, "a deferral for C until $later → 303");
is(stored($C, 'final'), "|0|$later", '... stored with no code');
like(cell_html($ct_c->get(($PAGE))->text, "$C:final"), qr{name="until"[^>]*value="$later"}, '... shown');
status_is(form_post($ct_c, "$D:final" => [ '', $past ]), 400, 'a deferral date in the past → 400');
status_is(form_post($ct_c, "$D:final" => [ '5', $later ]), 400, 'a mark and a deferral at once → 400');
redirects_to(form_post($ct_c, "$C:final" => [ '5', '' ]), qr{^/periodmarks}, 'the final mark after the deferral → 303');
is(stored($C, 'final'), '5|0|', '... replaces it');

# clearing
$aud = audits();
redirects_to(form_post($ct_c, "$A:p$period" => [ '' ]), qr{^/periodmarks}, 'clearing A\'s mark → 303');
is(stored($A, 'period', $period), 'none', '... deleted');
is(audits(), $aud + 1, '... audited');
like(sql_value("SELECT CONCAT(old_value, ' → ', IFNULL(new_value, 'NULL')) FROM audit"
    . " WHERE action = 'period_mark_set' ORDER BY id DESC LIMIT 1"), qr/4\+ → NULL$/, '... old → nothing');

# crafted cells
my $csrf = $ct_c->session_csrf;
status_is($ct_c->post_form('/periodmarks', [ csrf => $csrf, group => $group, subject => $subject,
    at => "1:p$period", val => '5', until => '' ]), 400, 'a student not of the group → 400');
status_is($ct_c->post_form('/periodmarks', [ csrf => $csrf, group => $group, subject => $subject,
    at => "$A:p4294967295", val => '5', until => '' ]), 400, 'a period not of the grade → 400');
status_is($ct_c->post_form('/periodmarks', [ csrf => $csrf, group => $group, subject => $subject,
    at => "$A:year", val => '5' ]), 400, 'lists of different lengths → 400');

# ------------------------------------------------------------ a fixed number of queries
{
	my $q = "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'COM_STMT_EXECUTE'";
	my @groups = sql("SELECT a.group_id, a.subject_id, COUNT(*) FROM assignment a"
	    . " JOIN `groups` g ON g.id = a.group_id JOIN class c ON c.id = g.class_id"
	    . " JOIN class_student cs ON cs.class_id = c.id AND cs.left_on IS NULL"
	    . " JOIN account ac ON ac.person_id = a.teacher_id AND ac.login = " . sq($teacher_login)
	    . " WHERE g.kind = 'class' AND c.grade BETWEEN 2 AND 9 GROUP BY a.group_id, a.subject_id ORDER BY COUNT(*)");
	my %n;
	for my $g ($groups[0], $groups[-1]) {
		my $path = "/periodmarks?group=$g->[0]&subject=$g->[1]";
		$ct_c->get($path);	# warm: statements prepared
		my $b = sql_value($q);
		status_is($ct_c->get($path), 200, "GET $path ($g->[2] students)");
		$n{$g->[2]} = sql_value($q) - $b;
	}
	my @v = values %n;
	ok(@v == 1 || $v[0] == $v[1], 'the same number of statements for groups of '
	    . join(' and ', sort keys %n) . ' students (' . join(', ', @v) . ')');
	$n{fixture} = do { my $b = sql_value($q); $ct_c->get($PAGE); sql_value($q) - $b };
	is($n{fixture}, $v[0], "... and for the fixture group with its marks ($n{fixture})");
}

# ------------------------------------------------------------ grade 1: no marks (R24)
{
	my ($login, $g1, $s1, $p1, $st1) = @{ (sql("SELECT ac.login, a.group_id, a.subject_id, p.id, cs.student_id"
	    . " FROM assignment a JOIN account ac ON ac.person_id = a.teacher_id"
	    . " JOIN `groups` g ON g.id = a.group_id AND g.kind = 'class'"
	    . " JOIN class c ON c.id = g.class_id AND c.grade = 1"
	    . " JOIN current_year cy ON cy.year_id = a.year_id"
	    . " JOIN period p ON p.year_id = a.year_id AND 1 BETWEEN p.grade_from AND p.grade_to"
	    . " JOIN class_student cs ON cs.class_id = c.id AND cs.left_on IS NULL"
	    . " ORDER BY a.id, p.starts_on, cs.student_id LIMIT 1"))[0] // [] };
	{
		ok($login && $tsv{$login}, 'precondition: a grade-1 assignment with a demo login') or last;
		my $c = as($login);
		my $x = $c->get("/periodmarks?group=$g1&subject=$s1");
		status_is($x, 200, "the teacher of a grade-1 group ($login) opens its page");
		like(page_text($x->text), qr/В 1 классе отметок не ставят/, '... which says there are no marks');
		unlike($x->text, qr{<form method="post" action="/periodmarks"}, '... with no form');
		my $before = sql_value("SELECT COUNT(*) FROM period_mark WHERE subject_id = $s1");
		status_is($c->post_form('/periodmarks', [ csrf => $c->session_csrf // '', group => $g1, subject => $s1,
		    at => "$st1:p$p1", val => '5', until => '' ]), 400, '... and a crafted POST of a mark → 400');
		is(sql_value("SELECT COUNT(*) FROM period_mark WHERE subject_id = $s1"), $before, '... writing nothing');
	}
}

# ------------------------------------------------------------ lateness (R23): shown, not refused
# The test date (scripts/test.sh) is in the second quarter: the first one
# ended weeks ago.  One student's mark of it is taken away, so the page
# must count it as late, and a late mark must still be accepted.
{
	my ($p1, $pname, $late) = @{ (sql("SELECT id, name, CURDATE() > DATE_SUB(ends_on, INTERVAL 2 DAY) FROM period"
	    . " WHERE year_id = $year AND $grade BETWEEN grade_from AND grade_to ORDER BY starts_on LIMIT 1"))[0] };
	ok($late, "$pname ended more than two days before the test date");
	sql("DELETE FROM period_mark WHERE student_id = $A AND subject_id = $subject AND kind = 'period'"
	    . " AND period_id = $p1");
	my $students = sql_value("SELECT COUNT(*) FROM class_student WHERE class_id = $class AND left_on IS NULL");
	my $set = sql_value("SELECT COUNT(*) FROM period_mark pm JOIN class_student cs ON cs.student_id = pm.student_id"
	    . " AND cs.class_id = $class AND cs.left_on IS NULL WHERE pm.subject_id = $subject AND pm.kind = 'period'"
	    . " AND pm.period_id = $p1");
	my $html = $ct_c->get($PAGE)->text;
	my ($th) = $html =~ m{<th>\Q$pname\E(.*?)</th>}s;
	like($th, qr/просрочено: не выставлено @{[ $students - $set ]}/, "$pname is past its due day: the missing marks are shown as late");
	redirects_to(form_post($ct_c, "$A:p$p1" => [ '5' ]), qr{^/periodmarks}, '... and a late mark is still accepted');
	is(stored($A, 'period', $p1), '5|0|', '... stored');
}

done_testing();
