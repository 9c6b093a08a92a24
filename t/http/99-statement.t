#!/usr/bin/perl
# The weekly paper statements (000:II.3.8, R41, R6): one sheet per student
# of every family without consent or who chose paper, for the school, a
# class, or one student; what was held that week is on it; a class teacher
# prints only for the classes they lead.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my $consent = "EXISTS (SELECT 1 FROM guardian gc JOIN consent cc ON cc.id = (SELECT MAX(c3.id) FROM consent c3"
    . " WHERE c3.guardian_id = gc.guardian_id) WHERE gc.student_id = cs.student_id AND cc.status = 'consent')";
my $paper = "EXISTS (SELECT 1 FROM guardian gp JOIN delivery dp ON dp.guardian_id = gp.guardian_id AND dp.mode = 'paper'"
    . " WHERE gp.student_id = cs.student_id)";
sub want {
	my ($where) = @_;
	return sql_value("SELECT COUNT(*) FROM class_student cs JOIN class c ON c.id = cs.class_id"
	    . " JOIN current_year cy ON cy.year_id = c.year_id WHERE cs.left_on IS NULL AND c.school_id = 1"
	    . " AND (NOT $consent OR $paper) $where");
}
sub sheets { my @a = $_[0] =~ /<article class="statement">/g; return scalar @a }

my $a = account_of_role('admin');
my $admin = login_ok($a->{login}, $a->{password}, 'the administrator logs in');
my $n = want('');
ok($n > 0, "the demo has $n students with paper statements");
my $r = $admin->get('/statement?week=2026-11-16');
status_is($r, 200, 'the school batch opens');
is(sheets($r->text), $n, 'one sheet per student');
like($r->text, qr/16\.11 – 21\.11\.2026/, 'for the week asked');
like($admin->get('/paper')->text, qr{href="/statement"}, 'the paper list links to it');

# A family that chose paper joins the batch.
my ($guardian, $kid) = @{ (sql("SELECT g.guardian_id, cs.student_id FROM guardian g JOIN class_student cs"
    . " ON cs.student_id = g.student_id AND cs.left_on IS NULL JOIN class c ON c.id = cs.class_id"
    . " JOIN current_year cy ON cy.year_id = c.year_id WHERE $consent AND NOT $paper AND c.grade > 1"
    . " ORDER BY cs.student_id LIMIT 1"))[0] };
my $name = sql_value("SELECT CONCAT_WS(' ', last_name, first_name, NULLIF(middle_name, '')) FROM person WHERE id = $kid");
my @lessons;
END {
	eval {
		sql("DELETE FROM delivery WHERE guardian_id = $guardian") if $guardian;
		for my $l (@lessons) {
			sql("DELETE m FROM mark m JOIN lesson_work w ON w.id = m.lesson_work_id WHERE w.lesson_id = $l");
			sql("DELETE FROM lesson_work WHERE lesson_id = $l");
			sql("DELETE FROM lesson WHERE id = $l");
		}
		clear_attempts();
	} if var_dir();
}
unlike($admin->get('/statement?week=2026-11-16')->text, qr/\Q$name\E/, "$name is not in the batch before");
sql("INSERT INTO delivery (guardian_id, mode, chosen_at) VALUES ($guardian, 'paper', NOW())");
$r = $admin->get('/statement?week=2026-11-16');
is(sheets($r->text), $n + 1, 'a family that chose paper adds a sheet');
like($r->text, qr/\Q$name\E/, "$name is in it");

# What was held that week is on the sheet.
my ($class, $group, $year) = @{ (sql("SELECT c.id, g.id, c.year_id FROM class_student cs JOIN class c ON c.id = cs.class_id"
    . " JOIN `groups` g ON g.class_id = c.id AND g.kind = 'class' WHERE cs.student_id = $kid AND cs.left_on IS NULL"))[0] };
my ($subject, $teacher) = @{ (sql("SELECT subject_id, teacher_id FROM assignment WHERE group_id = $group ORDER BY subject_id LIMIT 1"))[0] };
sql("INSERT INTO lesson (school_id, year_id, group_id, subject_id, teacher_id, on_date, number, topic, homework)"
    . " VALUES (1, $year, $group, $subject, $teacher, '2026-11-18', 6, 'jtest: выписка', 'Стр. 42')");
push @lessons, sql_value('SELECT MAX(id) FROM lesson');
sql("INSERT INTO lesson_work (lesson_id, work_kind_id) SELECT $lessons[0], id FROM work_kind WHERE school_id = 1 AND name = 'Тест'");
sql("INSERT INTO mark (lesson_work_id, student_id, code, num) SELECT MAX(id), $kid, '4', 4 FROM lesson_work");
$r = $admin->get("/statement?student=$kid&week=2026-11-16");
status_is($r, 200, 'one student\'s sheet');
is(sheets($r->text), 1, 'exactly one');
like($r->text, qr{jtest: выписка</td>\s*<td>4 <span class="meta">тест</span>}, 'the lesson with its topic and mark');
like($r->text, qr/Стр\. 42/, 'and the homework');

# A class teacher: their classes only.
my ($ct, $ctclass) = @{ (sql("SELECT a.login, c.id FROM class c JOIN current_year cy ON cy.year_id = c.year_id"
    . " JOIN account a ON a.person_id = c.teacher_id WHERE c.school_id = 1 ORDER BY c.grade DESC, c.id LIMIT 1"))[0] };
my ($row) = grep { $_->{login} eq $ct } accounts();
my $t = login_ok($row->{login}, $row->{password}, 'a class teacher logs in');
my $mine = want("AND c.teacher_id = (SELECT person_id FROM account WHERE login = " . sq($ct) . ")");
is(sheets($t->get('/statement?week=2026-11-16')->text), $mine, "a class teacher's batch is their class ($mine)");
is(sheets($t->get("/statement?class=$ctclass&week=2026-11-16")->text), want("AND c.id = $ctclass"), 'their class by id');
my $other = sql_value("SELECT id FROM class WHERE school_id = 1 AND id <> $ctclass AND year_id = (SELECT year_id FROM class WHERE id = $ctclass) LIMIT 1");
status_is($t->get("/statement?class=$other"), 403, 'another class is refused');
status_is($t->get('/statement?week=nonsense'), 400, 'a broken week is refused');

done_testing();
