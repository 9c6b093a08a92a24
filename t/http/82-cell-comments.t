#!/usr/bin/perl
# Comments on marks and absences (R32, R38): the teacher writes a short
# comment on a cell of the journal with the same POST as the cell
# (journal.js: comment_set, comment, comment_old; the entry form: cm and
# cmo beside each cell), under the same rules: CSRF, the object check of
# the lesson's day, validation with a Russian message (200 characters,
# one line, only on a mark or «н»), conflicts answered 409, the mark's
# edit window, one transaction with an audit row.  The journal shows a
# marker; the family reads the comment beside the mark or «н» in the
# diary and on the marks page at once, and nobody else's.
#
# Works on two lessons it creates today; removes them, their marks and
# absences at the end.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my %acc = map { $_->{login} => $_ } accounts();
sub acct_of_person {
	my ($pid) = @_;
	my $l = sql_value("SELECT login FROM account WHERE person_id = $pid AND is_active = 1");
	return defined $l && $acc{$l} ? $acc{$l} : undef;
}

# A whole-class journal of grades 5-9 on the five-point scale with a
# teacher account and a demo parent of a child in the class.
my ($J, $P, $KID);
for my $row (sql("SELECT a.group_id, a.subject_id, a.teacher_id, c.id"
    . " FROM assignment a JOIN `groups` g ON g.id = a.group_id AND g.kind = 'class'"
    . " JOIN class c ON c.id = g.class_id JOIN current_year cy ON cy.year_id = c.year_id"
    . " JOIN subject_scale ss ON ss.subject_id = a.subject_id AND ss.grade = c.grade"
    . " JOIN scale s ON s.id = ss.scale_id AND s.kind = 'five'"
    . " WHERE c.grade BETWEEN 5 AND 9 AND (SELECT COUNT(*) FROM assignment a2"
    . "   WHERE a2.group_id = a.group_id AND a2.subject_id = a.subject_id) = 1"
    . " ORDER BY c.grade, a.id")) {
	next unless acct_of_person($row->[2]);
	for my $a (accounts_of_role('parent')) {
		my $kid = sql_value("SELECT cs.student_id FROM account ac JOIN guardian g"
		    . " ON g.guardian_id = ac.person_id JOIN class_student cs ON cs.student_id = g.student_id"
		    . " AND cs.left_on IS NULL AND cs.class_id = $row->[3] WHERE ac.login = " . sq($a->{login})
		    . " ORDER BY cs.student_id LIMIT 1");
		if ($kid) {
			($J, $P, $KID) = ({ group => $row->[0], subject => $row->[1],
			    teacher => $row->[2], class => $row->[3] }, $a, $kid);
			last;
		}
	}
	last if $J;
}
ok($J, 'a journal with a teacher and a parent of a child in the class') or BAIL_OUT('no journal');
my $T = acct_of_person($J->{teacher});
# A teacher of another subject who does not teach this journal.
my ($T2) = grep { $_ } map { acct_of_person($_->[0]) } sql("SELECT DISTINCT a.teacher_id"
    . " FROM assignment a WHERE a.teacher_id <> $J->{teacher} AND a.subject_id <> $J->{subject}"
    . " AND NOT EXISTS (SELECT 1 FROM assignment x WHERE x.teacher_id = a.teacher_id"
    . "   AND x.group_id = $J->{group} AND x.subject_id = $J->{subject})"
    . " AND NOT EXISTS (SELECT 1 FROM class c WHERE c.teacher_id = a.teacher_id)"
    . " ORDER BY a.teacher_id");
# A parent with no child in this class.
my ($P2) = grep {
	!sql_value("SELECT COUNT(*) FROM account ac JOIN guardian g ON g.guardian_id = ac.person_id"
	    . " JOIN class_student cs ON cs.student_id = g.student_id AND cs.class_id = $J->{class}"
	    . " WHERE ac.login = " . sq($_->{login}))
} accounts_of_role('parent');
my $MG = account_of_role('management');
ok($T2 && $P2 && $MG, 'another subject\'s teacher, another family, the management') or BAIL_OUT('accounts');
note("journal group $J->{group} subject $J->{subject}; teacher $T->{login}, parent $P->{login}"
    . " (child $KID), other teacher $T2->{login}, other parent $P2->{login}");

my $S2 = sql_value("SELECT cs.student_id FROM class_student cs WHERE cs.class_id = $J->{class}"
    . " AND cs.left_on IS NULL AND cs.student_id <> $KID ORDER BY cs.student_id LIMIT 1");
my $today = sql_value('SELECT CURDATE()');
my $lmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM lesson');
my $answer = sql_value("SELECT id FROM work_kind WHERE school_id = 1 AND name = 'Ответ на уроке'");

END {
	if (var_dir() && base_url() && defined $lmax) {
		eval {
			sql("DELETE m FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
			    . " WHERE lw.lesson_id > $lmax");
			sql("DELETE FROM absence WHERE lesson_id > $lmax");
			sql("DELETE FROM lesson_work WHERE lesson_id > $lmax");
			sql("DELETE FROM lesson WHERE id > $lmax");
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

my $tc = login_ok($T->{login}, $T->{password});
my $jpath = "/journal?group=$J->{group}&subject=$J->{subject}";
my @L;
for my $topic ('Комментарии: отметка', 'Комментарии: пропуск') {
	my $r = $tc->post_form('/lesson', [ csrf => $tc->session_csrf, group => $J->{group},
	    subject => $J->{subject}, on_date => $today, topic => $topic, work => $answer ]);
	redirects_to($r, '/journal', "a lesson today: $topic");
	push @L, sql_value("SELECT id FROM lesson WHERE id > $lmax AND topic = " . sq($topic));
}
my ($W1, $W2) = map { sql_value("SELECT id FROM lesson_work WHERE lesson_id = $_") } @L;
ok($W1 && $W2, 'their columns') or BAIL_OUT('no lessons');

# One cell POST as journal.js sends it; a comment when given (undef: none).
my %csrf;
sub cell {
	my ($cl, $work, $student, $value, $old, $comment, $comment_old, %x) = @_;
	my @c = defined $comment ? (comment_set => 1, comment => $comment,
	    comment_old => $comment_old // '') : ();
	my $token = $x{csrf} // ($csrf{$cl} //= $cl->session_csrf);
	my $r = $cl->post_form('/journal', [ csrf => $token, ajax => 1,
	    group => $J->{group}, subject => $J->{subject}, work => $work, student => $student,
	    value => $value, old => $old, @c ]);
	my ($state) = $r->text =~ /data-state="([^"]*)"/;
	my ($cm) = $r->text =~ /data-comment="([^"]*)"/;
	my ($msg) = $r->text =~ /<p id="cell"[^>]*>([^<]*)</;
	return ($r, $state // '', $cm // '', $msg // '');
}
sub mark_cm { sql_value("SELECT comment FROM mark WHERE lesson_work_id = $_[0] AND student_id = $_[1]") }
sub abs_cm { sql_value("SELECT comment FROM absence WHERE lesson_id = $_[0] AND student_id = $_[1]") }
sub audits { sql_value("SELECT COUNT(*) FROM audit WHERE action = " . sq($_[0]) . " AND object_id = $_[1]") }

my $X = 'Отлично ответил у доски, но забыл вывод';
my $Y = 'Ответ у доски: молодец';
my $N = 'Ушёл с урока к врачу, с запиской';
{
	my ($ma, $ca) = (audits('mark', $KID), audits('mark_comment', $KID));
	my ($r, $st, $cm) = cell($tc, $W1, $KID, '5', '', $X, '');
	status_is($r, 200, 'a mark with a comment in one POST');
	is($st, 'saved', '... saved');
	is($cm, $X, '... the answer carries the comment');
	is(mark_cm($W1, $KID), $X, '... stored with the mark');
	is(audits('mark', $KID), $ma + 1, '... the mark audited');
	is(audits('mark_comment', $KID), $ca + 1, '... and the comment audited');

	($r, $st, $cm) = cell($tc, $W1, $KID, '5', '5', $Y, $X);
	status_is($r, 200, 'the comment alone changed');
	is(mark_cm($W1, $KID), $Y, '... stored');
	is(sql_value("SELECT new_value FROM audit WHERE action = 'mark_comment' AND object_id = $KID"
	    . " ORDER BY id DESC LIMIT 1"), "$Y (lesson $L[0], work $W1)", '... audited with the new text');
	is(sql_value("SELECT old_value FROM audit WHERE action = 'mark_comment' AND object_id = $KID"
	    . " ORDER BY id DESC LIMIT 1"), $X, '... and the old one');
	is(audits('mark', $KID), $ma + 1, '... the mark itself not audited again');
	is(sql_value("SELECT code FROM mark WHERE lesson_work_id = $W1 AND student_id = $KID"), '5',
	    '... the mark unchanged');

	$ca = audits('mark_comment', $KID);
	my $msg;
	($r, $st, $cm, $msg) = cell($tc, $W1, $KID, '5', '5', 'Другой текст', $X);
	status_is($r, 409, 'a comment changed meanwhile: 409');
	is($cm, $Y, '... with the current comment');
	like($msg, qr/Комментарий к этой клетке уже изменили/, '... and the Russian message');
	is(mark_cm($W1, $KID), $Y, '... nothing written');
	($r, $st, $cm, $msg) = cell($tc, $W1, $KID, '5', '5', 'я' x 201, $Y);
	status_is($r, 400, 'a comment of 201 characters: 400');
	like($msg, qr/Комментарий: не длиннее 200 символов/, '... with the Russian message');
	is(mark_cm($W1, $KID), $Y, '... nothing written');
	($r) = cell($tc, $W1, $KID, '5', '5', 'я' x 200, $Y);
	status_is($r, 200, '200 characters are accepted');
	($r) = cell($tc, $W1, $KID, '5', '5', $Y, 'я' x 200);
	($r, $st, $cm, $msg) = cell($tc, $W1, $KID, '5', '5', "две\nстроки", $Y);
	status_is($r, 400, 'a comment of two lines: 400');
	like($msg, qr/одна строка/, '... with the Russian message');
	($r, $st, $cm, $msg) = cell($tc, $W1, $S2, '', '', 'К пустой клетке', '');
	status_is($r, 400, 'a comment on an empty cell: 400');
	like($msg, qr/только к отметке или «н»/, '... with the Russian message');
	ok(!defined sql_value("SELECT id FROM mark WHERE lesson_work_id = $W1 AND student_id = $S2"),
	    '... nothing written');
	is(audits('mark_comment', $KID), $ca + 2, 'only the accepted changes were audited');

	# Without the CSRF token, or by a teacher of another subject: refused.
	($r) = cell($tc, $W1, $KID, '5', '5', 'Без токена', $Y, csrf => 'x' x 43);
	status_is($r, 403, 'without the CSRF token: 403');
	my $t2 = login_ok($T2->{login}, $T2->{password});
	($r) = cell($t2, $W1, $KID, '5', '5', 'Чужой комментарий', $Y);
	status_is($r, 403, 'a teacher of another subject cannot comment: 403');
	is(mark_cm($W1, $KID), $Y, '... nothing written');

	# The mark's edit window (R23) covers its comment.
	my $set = sql_value("SELECT set_at FROM mark WHERE lesson_work_id = $W1 AND student_id = $KID");
	sql("UPDATE mark SET set_at = NOW() - INTERVAL 60 DAY WHERE lesson_work_id = $W1 AND student_id = $KID");
	($r, $st, $cm, $msg) = cell($tc, $W1, $KID, '5', '5', 'Поздно', $Y);
	status_is($r, 400, 'the comment of a mark past its edit window: 400');
	like($msg, qr/Отметку можно исправить только в течение/, '... with the window\'s message');
	sql("UPDATE mark SET set_at = " . sq($set) . " WHERE lesson_work_id = $W1 AND student_id = $KID");
	is(mark_cm($W1, $KID), $Y, '... nothing written');

	# «н» with a comment, then the comment cleared and set again.
	my $aa = audits('absence_comment', $KID);
	($r, $st, $cm) = cell($tc, $W2, $KID, 'н', '', $N, '');
	status_is($r, 200, '«н» with a comment');
	is(abs_cm($L[1], $KID), $N, '... stored with the absence');
	is(audits('absence_comment', $KID), $aa + 1, '... audited');
	($r, $st, $cm) = cell($tc, $W2, $KID, 'н', 'н', '', $N);
	status_is($r, 200, 'the comment cleared (comment_set with an empty comment)');
	is(sql_value("SELECT CONCAT('[', comment, ']') FROM absence WHERE lesson_id = $L[1]"
	    . " AND student_id = $KID"), '[]', '... cleared, the «н» kept');
	($r) = cell($tc, $W2, $KID, 'н', 'н', $N, '');
	status_is($r, 200, '... and set again');
	($r, $st, $cm) = cell($tc, $W2, $KID, 'н', 'н');
	is($cm, $N, 'a value sent without a comment leaves the comment alone');
	is(abs_cm($L[1], $KID), $N, '... stored as it was');
}

# The journal: a marker and the comment as the cell's title, for the
# teacher and for the readers.
{
	for my $cl ($tc, login_ok($MG->{login}, $MG->{password})) {
		my $h = $cl->get($jpath)->text;
		my ($row) = $h =~ m{<tr data-s="$KID">(.*?)</tr>}s;
		like($row // '', qr{<td class="has-comment" title="\Q$Y\E">}, 'the journal marks the commented mark');
		like($row // '', qr{<td class="absent has-comment" title="\Q$N\E">н</td>}, '... and the commented «н»');
	}
}

# The family: the diary and the marks page at once, their child only.
{
	my $pc = login_ok($P->{login}, $P->{password});
	my $t = $pc->get("/diary?student=$KID")->text;
	like($t, qr{<p class="comment"><span class="meta">Ответ на уроке, 5:</span> \Q$Y\E</p>},
	    'the diary shows the mark\'s comment beside it');
	like($t, qr{<p class="comment"><span class="meta">Пропуск, «н»:</span> \Q$N\E</p>},
	    '... and the comment on the «н»');
	$t = $pc->get("/marks?student=$KID")->text;
	like($t, qr{<b class="mark">5</b> <small>[\d.]+ отв</small> <small class="comment">\Q$Y\E</small>},
	    'the marks page shows the mark\'s comment');
	like($t, qr{<b class="absent">н</b> <small>[\d.]+</small> <small class="comment">\Q$N\E</small>},
	    '... and the comment on the «н»');
	my ($r) = cell($tc, $W1, $KID, '5', '5', $X, $Y);
	status_is($r, 200, 'the teacher changes the comment');
	like($pc->get("/diary?student=$KID")->text, qr/\Q$X\E/, 'the family\'s next load shows the new comment');
	like($pc->get("/marks?student=$KID")->text, qr/\Q$X\E/, '... on the marks page too');

	my $p2 = login_ok($P2->{login}, $P2->{password});
	status_is($p2->get("/diary?student=$KID"), 403, 'another family cannot open that diary');
	status_is($p2->get("/marks?student=$KID"), 403, '... nor the marks');
	unlike($p2->get('/diary')->text . $p2->get('/marks')->text, qr/\Q$X\E|\Q$N\E/,
	    '... and their own pages show none of these comments');
}

# The entry form without JavaScript: a comment field under each cell; a
# comment left as shown is not touched, a changed one is saved, a bad one
# refuses the whole column.
{
	my $h = $tc->get("$jpath&lesson=$L[0]")->text;
	my ($row) = $h =~ m{<tr data-s="$KID">(.*?)</tr>}s;
	like($row // '', qr{<input class="cell-note" name="cm" form="col" value="\Q$X\E"},
	    'the entry form shows the comment in a field under the cell');
	my $csrf = $tc->session_csrf;
	my @s = ($KID, $S2);
	my $form = sub {
		my (@cm) = @_;
		return $tc->post_form('/journal', [ csrf => $csrf, group => $J->{group},
		    subject => $J->{subject}, lesson => $L[0],
		    map { (cell => "$W1.$s[$_]." . ($_ == 0 ? '5' : ''), v => ($_ == 0 ? '5' : '4'),
		    cm => $cm[$_], cmo => ($_ == 0 ? $X : '')) } 0 .. 1 ]);
	};
	my $r = $form->('я' x 201, 'Хорошо');
	status_is($r, 400, 'a comment too long in the form: the column is refused');
	like($r->text, qr/Колонка не сохранена: Комментарий: не длиннее 200 символов/, '... with the message');
	ok(!defined sql_value("SELECT id FROM mark WHERE lesson_work_id = $W1 AND student_id = $S2"),
	    '... nothing of the column kept');
	my $ca = audits('mark_comment', $KID);
	$r = $form->($X, 'Хорошо');
	redirects_to($r, '/journal', 'the column with a new comment is saved');
	is(mark_cm($W1, $S2), 'Хорошо', '... the new mark has its comment');
	is(mark_cm($W1, $KID), $X, '... the untouched comment stays');
	is(audits('mark_comment', $KID), $ca, '... and is not audited');
}

done_testing();
