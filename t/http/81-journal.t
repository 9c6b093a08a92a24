#!/usr/bin/perl
# The teachers' journal (R19-R25): who reads and who writes a journal
# (teacher of the assignment, a substitute on the day only, the readers
# without inputs, students and parents never), the lesson form (R20
# topics, dates inside the period), every rule on a cell write (scale
# codes, plus/minus, grade 1, the edit window and the management's
# unlock, conflicts answered 409 with the current value), a lesson column
# posted as one form, the remarks panel, the home page's list, and the
# number of SQL statements per journal page not growing with its size.
#
# Works on lessons it creates itself today (and one dated back); removes
# them, their marks, absences, the timetable change and the settings it
# added at the end.
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

# ------------------------------------------------------------ the journal
# A whole-class group of grades 5-9 on the five-point scale whose teacher
# and class teacher (another person) have demo accounts.
my ($J) = map { { group => $_->[0], subject => $_->[1], teacher => $_->[2],
    class => $_->[3], ct => $_->[4], grade => $_->[5] } } grep {
	acct_of_person($_->[2]) && acct_of_person($_->[4])
} sql("SELECT a.group_id, a.subject_id, a.teacher_id, c.id, c.teacher_id, c.grade"
    . " FROM assignment a JOIN `groups` g ON g.id = a.group_id AND g.kind = 'class'"
    . " JOIN class c ON c.id = g.class_id JOIN current_year cy ON cy.year_id = c.year_id"
    . " JOIN subject_scale ss ON ss.subject_id = a.subject_id AND ss.grade = c.grade"
    . " JOIN scale s ON s.id = ss.scale_id AND s.kind = 'five'"
    . " WHERE c.grade BETWEEN 5 AND 9 AND c.teacher_id <> a.teacher_id"
    . " AND (SELECT COUNT(*) FROM assignment a2 WHERE a2.group_id = a.group_id"
    . "   AND a2.subject_id = a.subject_id) = 1"
    . " ORDER BY c.grade, a.id");
ok($J, 'a journal of grades 5-9 with a teacher and a class teacher') or BAIL_OUT('no journal');
my $T = acct_of_person($J->{teacher});
my $CT = acct_of_person($J->{ct});
# Another teacher: teaches neither this journal nor leads this class.
my ($T2) = grep { $_ } map { acct_of_person($_->[0]) } sql("SELECT DISTINCT a.teacher_id"
    . " FROM assignment a WHERE a.teacher_id NOT IN ($J->{teacher}, $J->{ct})"
    . " AND NOT EXISTS (SELECT 1 FROM class c WHERE c.teacher_id = a.teacher_id)"
    . " ORDER BY a.teacher_id");
# A class teacher of another class who does not teach this journal.
my ($CT2) = grep { $_ } map { acct_of_person($_->[0]) } sql("SELECT c.teacher_id FROM class c"
    . " JOIN current_year cy ON cy.year_id = c.year_id WHERE c.id <> $J->{class}"
    . " AND c.teacher_id NOT IN ($J->{teacher}) AND NOT EXISTS (SELECT 1 FROM assignment a"
    . "   WHERE a.teacher_id = c.teacher_id AND a.group_id = $J->{group})"
    . " ORDER BY c.grade DESC, c.id");
my $MG = account_of_role('management');
my $IN = account_of_role('inspector');
my $ST = account_of_role('student');
my $PA = account_of_role('parent');
ok($T2 && $CT2 && $MG && $IN && $ST && $PA, 'the other accounts') or BAIL_OUT('accounts');
note("journal group $J->{group} subject $J->{subject}; teacher $T->{login},"
    . " class teacher $CT->{login}, other teacher $T2->{login}, other class teacher $CT2->{login}");

my @students = map { $_->[0] } sql("SELECT cs.student_id FROM class_student cs"
    . " JOIN person p ON p.id = cs.student_id WHERE cs.class_id = $J->{class}"
    . " AND cs.left_on IS NULL ORDER BY p.last_name, p.first_name, p.id");
my ($S1, $S2, $S3) = @students;
my $today = sql_value('SELECT CURDATE()');
my $lmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM lesson');
my %kind = map { $_->[1] => $_->[0] } sql('SELECT id, name FROM work_kind WHERE school_id = 1');
my @extra_cleanup;

END {
	if (var_dir() && base_url()) {
		eval {
			my $ls = "SELECT id FROM lesson WHERE id > $lmax";
			sql("DELETE m FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
			    . " WHERE lw.lesson_id > $lmax");
			sql("DELETE FROM absence WHERE lesson_id > $lmax");
			sql("DELETE FROM homework_student WHERE lesson_id > $lmax");
			sql("DELETE FROM lesson_work WHERE lesson_id > $lmax");
			sql("DELETE FROM lesson WHERE id > $lmax");
			sql("DELETE FROM timetable_change WHERE reason = 'тест журнала'");
			sql("DELETE FROM school_setting WHERE name = 'five_point_plus_minus'");
			sql($_) for @extra_cleanup;
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

my %c;
for my $a ($T, $T2, $CT, $CT2, $MG, $IN, $ST, $PA) {
	$c{ $a->{login} } //= login_ok($a->{login}, $a->{password});
}
my $jpath = "/journal?group=$J->{group}&subject=$J->{subject}";

# ------------------------------------------------------------ who reads
{
	my $r = $c{ $T->{login} }->get($jpath);
	status_is($r, 200, 'the teacher opens the journal');
	like($r->content, qr/<table class="journal-grid editable" data-csrf="[^"]+" data-url="\/journal" data-group="$J->{group}"/,
	    '... with cells to type into (journal.js makes them inputs)');
	like($r->text, qr{<tr class="entry-row">.*href="/journal\?group=$J->{group}&amp;subject=$J->{subject}&amp;period=\d+&amp;lesson=\d+"[^>]*>ввести</a>}s,
	    '... and a link under each date to enter a lesson without JavaScript');
	unlike($r->content, qr/<input[^>]+name="(?:v|cell)"/, '... but no input per cell in the page');
	like($r->text, qr/Замечания/, '... and the remarks panel');
	no_inline_script_ok($r->content, 'journal page') if defined &no_inline_script_ok;
	for my $a ($MG, $IN, $CT) {
		$r = $c{ $a->{login} }->get($jpath);
		status_is($r, 200, "$a->{role} $a->{login} reads the journal");
		unlike($r->content, qr/data-csrf=|class="entry-row"|name="v"/, "... without inputs");
	}
	status_is($c{ $T2->{login} }->get($jpath), 403, 'another teacher: 403');
	status_is($c{ $CT2->{login} }->get($jpath), 403, 'the class teacher of another class: 403');
	for my $a ($ST, $PA) {
		status_is($c{ $a->{login} }->get($jpath), 403, "$a->{role}: journal 403");
		status_is($c{ $a->{login} }->get("/lesson?group=$J->{group}&subject=$J->{subject}"),
		    403, "$a->{role}: lesson 403");
	}
	$r = $c{ $T->{login} }->get('/home');
	like($r->content, qr{href="/journal\?group=$J->{group}&amp;subject=$J->{subject}"},
	    'the teacher\'s home page lists the journal');
	$r = $c{ $CT->{login} }->get('/home');
	like($r->text, qr{Журналы моего класса.*href="/journal\?group=$J->{group}&amp;subject=$J->{subject}"}s,
	    'the class teacher\'s home page lists the journals of their class');
	unlike($c{ $CT2->{login} }->get('/home')->text,
	    qr{Журналы моего класса.*href="/journal\?group=$J->{group}&amp;subject=$J->{subject}"}s,
	    '... and another class teacher\'s does not');
}

# ------------------------------------------------------------ lessons
sub post_lesson {
	my ($cl, %f) = @_;
	my @works = @{ delete $f{works} // [] };
	my $csrf = $cl->session_csrf;
	return $cl->post_form('/lesson', [ csrf => $csrf, group => $J->{group},
	    subject => $J->{subject}, %f, map { (work => $_) } @works ]);
}
my $answer = $kind{'Ответ на уроке'};
my $test = $kind{'Контрольная работа'};
my $self = $kind{'Самостоятельная работа'};
{
	my $r = $c{ $T->{login} }->get("/lesson?group=$J->{group}&subject=$J->{subject}");
	status_is($r, 200, 'the lesson form');
	is(hidden_of($r->content, 'on_date') // ($r->content =~ /name="on_date"[^>]*value="([^"]*)"/)[0],
	    $today, 'the date defaults to today');

	# The number in the day comes from the timetable when it has the lesson.
	# The demo's own rows for today move to Sunday while this runs.
	my @own = map { $_->[0] } sql("SELECT id FROM timetable WHERE group_id = $J->{group}"
	    . " AND subject_id = $J->{subject} AND weekday = WEEKDAY(CURDATE()) + 1");
	if (@own) {
		my $ids = join(',', @own);
		my $wd = sql_value('SELECT WEEKDAY(CURDATE()) + 1');
		sql("UPDATE timetable SET weekday = 7 WHERE id IN ($ids)");
		push @extra_cleanup, "UPDATE timetable SET weekday = $wd WHERE id IN ($ids)";
		$r = $c{ $T->{login} }->get("/lesson?group=$J->{group}&subject=$J->{subject}");
	}
	unlike($r->content, qr/name="number"[^>]*value="\d/, 'no timetable row: no number proposed');
	sql("INSERT INTO timetable (school_id, year_id, group_id, subject_id, teacher_id, weekday,"
	    . " number, room, valid_from, valid_to) SELECT 1, year_id, $J->{group}, $J->{subject},"
	    . " $J->{teacher}, WEEKDAY(CURDATE()) + 1, 6, 'тест журнала', CURDATE() - INTERVAL 7 DAY,"
	    . " CURDATE() + INTERVAL 7 DAY FROM `groups` WHERE id = $J->{group}");
	push @extra_cleanup, "DELETE FROM timetable WHERE room = 'тест журнала'";
	$r = $c{ $T->{login} }->get("/lesson?group=$J->{group}&subject=$J->{subject}");
	like($r->content, qr/name="number"[^>]*value="6"/, 'the number is proposed from the timetable');
	sql("DELETE FROM timetable WHERE room = 'тест журнала'");
	sql($_) for grep { /^UPDATE timetable/ } @extra_cleanup;	# the demo's rows back

	$r = post_lesson($c{ $T->{login} }, on_date => $today, topic => 'Контрольная работа № 1',
	    works => [ $test ]);
	status_is($r, 400, 'R20: a test named only by its number is refused');
	like($r->text, qr/Тема должна говорить, о чём работа/, '... with the Russian message');
	is(sql_value("SELECT COUNT(*) FROM lesson WHERE id > $lmax"), 0, '... and nothing written');

	$r = post_lesson($c{ $T->{login} }, on_date => $today, topic => 'к/р №2', works => [ $test ]);
	status_is($r, 400, 'R20: «к/р №2» refused too');
	$r = post_lesson($c{ $T->{login} }, on_date => $today, topic => 'Лабораторная работа «№3»',
	    works => [ $kind{'Лабораторная работа'} ]);
	status_is($r, 400, 'R20: «Лабораторная работа «№3»» refused');
	is(sql_value("SELECT COUNT(*) FROM lesson WHERE id > $lmax"), 0, '... nothing written');

	$r = post_lesson($c{ $T->{login} }, on_date => '2026-10-28', topic => 'Повторение дробей');
	status_is($r, 400, 'a date in the holidays (outside the periods) is refused');
	like($r->text, qr/Дата вне учебного периода/, '... with the message');
	my $future = sql_value('SELECT CURDATE() + INTERVAL 3 DAY');
	status_is(post_lesson($c{ $T->{login} }, on_date => $future, topic => 'Будущее'),
	    400, 'a future date is refused');
	status_is(post_lesson($c{ $T->{login} }, on_date => $today), 400, 'a topic is required');

	$r = post_lesson($c{ $T->{login} }, on_date => $today,
	    topic => 'Контрольная работа по теме «Дроби»', homework => '§ 12, № 5',
	    works => [ $answer, $test ], hw_student => $S1, hw_text => 'Карточка 3');
	redirects_to($r, '/journal', 'a lesson with a meaningful test topic is saved');
	status_is(post_lesson($c{ $T2->{login} }, on_date => $today, topic => 'Чужой урок'),
	    403, 'another teacher cannot create a lesson in this journal');
	for my $a ($MG, $IN) {
		status_is(post_lesson($c{ $a->{login} }, on_date => $today, topic => 'Проверка'),
		    403, "$a->{role}: lesson POST refused");
	}
}
my ($L) = sql("SELECT id, substitute_for, homework_at IS NOT NULL FROM lesson WHERE id > $lmax");
ok($L, 'the lesson row') or BAIL_OUT('no lesson');
my $LID = $L->[0];
ok(!defined $L->[1], '... not a substitution');
ok($L->[2], '... homework_at set');
my @W = map { $_->[0] } sql("SELECT id FROM lesson_work WHERE lesson_id = $LID ORDER BY sort");
is(scalar @W, 2, 'two forms of work → two columns');
is(sql_value("SELECT topic FROM lesson_work WHERE lesson_id = $LID AND work_kind_id = $test"),
    'Контрольная работа по теме «Дроби»', 'the test column carries its topic');
is(sql_value("SELECT text FROM homework_student WHERE lesson_id = $LID AND student_id = $S1"),
    'Карточка 3', 'individual homework stored');
{
	my $n1 = sql_value("SELECT CONCAT_WS(' ', last_name, first_name, NULLIF(middle_name, ''))"
	    . " FROM person WHERE id = $S1");
	like($c{ $T->{login} }->get($jpath)->text,
	    qr{<td>Контрольная работа по теме «Дроби»</td><td></td><td>§ 12, № 5<br><span class="meta">Индивидуально: \Q$n1\E: Карточка 3</span>},
	    '... and shown with the lesson in the journal');
}

# ------------------------------------------------------------ cells
sub cell {
	my ($cl, $work, $student, $value, $old, %x) = @_;
	my $r = $cl->post_form('/journal', [ csrf => $cl->session_csrf, ajax => 1,
	    group => $x{group} // $J->{group}, subject => $x{subject} // $J->{subject},
	    work => $work, student => $student, value => $value, old => $old ]);
	my ($state) = $r->text =~ /data-state="([^"]*)"/;
	my ($val) = $r->text =~ /data-value="([^"]*)"/;
	my ($msg) = $r->text =~ /<p id="cell"[^>]*>([^<]*)</;
	return ($r, $state // '', $val // '', $msg // '');
}
# The text of the cell of a form of work (column) and a student (row).
sub cell_text {
	my ($html, $work, $student) = @_;
	my @w = $html =~ /<th class="work" data-w="(\d+)"/g;
	my ($i) = grep { $w[$_] == $work } 0 .. $#w;
	my ($row) = $html =~ m{<tr data-s="$student">(.*?)</tr>}s;
	return undef unless defined $i && defined $row;
	my @td = $row =~ m{<td(?: class="absent")?>(.*?)</td>}gs;
	return undef unless defined $td[$i];
	(my $t = $td[$i]) =~ s/<[^>]*>//g;
	return $t;
}
sub mark_of {
	my ($w, $s) = @_;
	return sql_value("SELECT code FROM mark WHERE lesson_work_id = $w AND student_id = $s");
}
{
	my $tc = $c{ $T->{login} };
	my ($r, $st, $v) = cell($tc, $W[0], $S1, '5', '');
	status_is($r, 200, 'a mark saved');
	is($st, 'saved', '... state saved');
	is(mark_of($W[0], $S1), '5', '... in the database');
	is(sql_value("SELECT num FROM mark WHERE lesson_work_id = $W[0] AND student_id = $S1"),
	    '5.00', '... with num from the scale');

	my $aud = sql_value("SELECT COUNT(*) FROM audit WHERE action = 'mark'");
	($r, $st, $v) = cell($tc, $W[0], $S1, '4', '');
	status_is($r, 409, 'a stale old value: 409');
	is($v, '5', '... with the current value');
	is(mark_of($W[0], $S1), '5', '... and nothing changed');
	is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'mark'"), $aud, '... no audit row');

	($r, $st, $v) = cell($tc, $W[0], $S1, '4', '5');
	status_is($r, 200, 'changed with the right old value');
	is(mark_of($W[0], $S1), '4', '... to 4');
	is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'mark'"), $aud + 1, '... audited');

	my $msg;
	($r, $st, $v, $msg) = cell($tc, $W[0], $S2, '7', '');
	status_is($r, 400, 'a code outside the scale: 400');
	like($msg, qr/Такой отметки нет в шкале/, '... with the Russian message');
	ok(!defined mark_of($W[0], $S2), '... nothing written');

	($r, $st, $v, $msg) = cell($tc, $W[0], $S2, '5-', '');
	status_is($r, 400, '«5-» refused while five_point_plus_minus is off');
	sql("INSERT INTO school_setting (school_id, name, value) VALUES (1, 'five_point_plus_minus', '1')");
	($r) = cell($tc, $W[0], $S2, '5-', '');
	status_is($r, 200, '«5-» accepted with the setting on');
	is(sql_value("SELECT num FROM mark WHERE lesson_work_id = $W[0] AND student_id = $S2"),
	    '4.75', '... counted as 4.75');
	sql("DELETE FROM school_setting WHERE name = 'five_point_plus_minus'");

	($r) = cell($tc, $W[0], $S2, 'н', '5-');
	status_is($r, 200, '«н» over a mark');
	ok(!defined mark_of($W[0], $S2), '... the mark is cleared');
	is(sql_value("SELECT COUNT(*) FROM absence WHERE lesson_id = $LID AND student_id = $S2"), 1,
	    '... the absence recorded');
	($r, $st, $v) = cell($tc, $W[1], $S2, 'н', '');
	status_is($r, 409, 'the other column of the lesson shows «н» too (old "" is stale)');
	is($v, 'н', '... its current value is «н»');
	($r) = cell($tc, $W[1], $S2, '', 'н');
	status_is($r, 200, 'clearing «н»');
	is(sql_value("SELECT COUNT(*) FROM absence WHERE lesson_id = $LID AND student_id = $S2"), 0,
	    '... deletes the absence');

	# Refused writers, by crafted POSTs.
	($r) = cell($c{ $T2->{login} }, $W[0], $S3, '5', '');
	status_is($r, 403, 'another teacher: crafted POST 403');
	ok(!defined mark_of($W[0], $S3), '... nothing written');
	for my $a ($MG, $IN, $CT) {
		next if $a->{login} eq $T->{login};
		($r) = cell($c{ $a->{login} }, $W[0], $S3, '5', '');
		status_is($r, 403, "$a->{role} $a->{login}: POST refused");
	}
	ok(!defined mark_of($W[0], $S3), 'no reader wrote anything');
	# A work of this journal posted as another journal's.
	my ($og, $os) = @{ (sql("SELECT group_id, subject_id FROM assignment WHERE teacher_id ="
	    . " $J->{teacher} AND (group_id, subject_id) <> ($J->{group}, $J->{subject}) LIMIT 1"))[0] // [] };
	if ($og) {
		($r) = cell($tc, $W[0], $S3, '5', '', group => $og, subject => $os);
		status_is($r, 404, 'a work posted under another journal of the teacher: 404');
	}
}

# ------------------------------------------------------------ two writers at once
# Two sessions of the teacher (two tabs, two devices) write one empty cell
# at the same moment: one wins, the other gets 409 with the winner's value.
{
	my $S7 = $students[6];
	my @cl = ($c{ $T->{login} }, login_ok($T->{login}, $T->{password}, 'a second session'));
	my @tok = map { $_->session_csrf } @cl;
	my @kids;
	for my $i (0, 1) {
		pipe(my $rd, my $wr) or die "pipe: $!";
		my $pid = fork() // die "fork: $!";
		if ($pid == 0) {
			close $rd;
			my $r = $cl[$i]->post_form('/journal', [ csrf => $tok[$i], ajax => 1,
			    group => $J->{group}, subject => $J->{subject}, work => $W[0],
			    student => $S7, value => $i ? '3' : '5', old => '' ]);
			my ($v) = $r->text =~ /data-value="([^"]*)"/;
			print $wr $r->status, ' ', $v // '', "\n";
			close $wr;
			require POSIX;
			POSIX::_exit(0);
		}
		close $wr;
		push @kids, [ $pid, $rd ];
	}
	my @res;
	for my $k (@kids) {
		my $line = readline($k->[1]) // '';
		chomp $line;
		push @res, [ split / /, $line, 2 ];
		waitpid($k->[0], 0);
	}
	my $stored = mark_of($W[0], $S7) // '';
	my @won = grep { $_->[0] == 200 } @res;
	my @lost = grep { $_->[0] == 409 } @res;
	ok(@won == 1 && @lost == 1, 'simultaneous writes: one 200, one 409 (' . join(', ', map { "@$_" } @res) . ')');
	is($lost[0][1], $stored, '... the 409 carries the stored value') if @lost;
	is($won[0][1], $stored, '... which is the winner\'s') if @won;
}

# ------------------------------------------------------------ the edit window
{
	my $tc = $c{ $T->{login} };
	my $mid = sql_value("SELECT id FROM mark WHERE lesson_work_id = $W[0] AND student_id = $S1");
	sql("UPDATE mark SET set_at = NOW() - INTERVAL 15 DAY WHERE id = $mid");
	my ($r, $st, $v, $msg) = cell($tc, $W[0], $S1, '3', '4');
	status_is($r, 400, 'after mark_edit_days the mark is locked');
	like($msg, qr/только в течение 14 дн/, '... with the message');
	($r) = cell($tc, $W[0], $S1, '', '4');
	status_is($r, 400, '... and cannot be cleared either');
	is(mark_of($W[0], $S1), '4', '... still 4');

	my $r2 = $c{ $MG->{login} }->get($jpath);
	like($r2->content, qr{href="/unlock\?mark=$mid"}, 'the management sees an unlock link');
	status_is($c{ $T->{login} }->get("/unlock?mark=$mid"), 403, 'a teacher cannot open /unlock');
	my $mc = $c{ $MG->{login} };
	$r = $mc->get("/unlock?mark=$mid");
	status_is($r, 200, 'the management opens /unlock');
	unlike($r->text, qr/Учитель пока может исправить/, '... which says the mark is locked');
	$r = $mc->post_form('/unlock', [ csrf => $mc->session_csrf, mark => $mid ]);
	status_is($r, 400, 'unlock without a reason: 400');
	$r = $mc->post_form('/unlock', [ csrf => $mc->session_csrf, mark => $mid,
	    reason => 'ошибка при выставлении' ]);
	redirects_to($r, '/journal', 'the management unlocks with a reason');
	ok(sql_value("SELECT unlocked_until > NOW() + INTERVAL 23 HOUR FROM mark WHERE id = $mid"),
	    '... for a day');
	is(sql_value("SELECT new_value FROM audit WHERE action = 'mark_unlock' AND object_id = $mid"
	    . " ORDER BY id DESC LIMIT 1"), 'до завтра: ошибка при выставлении', '... audited');
	like($mc->get("/unlock?mark=$mid")->text, qr/Учитель пока может исправить/,
	    '... and /unlock says the teacher may correct it now');
	($r) = cell($tc, $W[0], $S1, '3', '4');
	status_is($r, 200, 'the unlocked mark can be changed');
	is(mark_of($W[0], $S1), '3', '... to 3');
}

# ------------------------------------------------------------ grade 1 (R24)
{
	my ($g1) = grep { acct_of_person($_->[2]) } sql("SELECT a.group_id, a.subject_id,"
	    . " a.teacher_id, g.class_id FROM assignment a JOIN `groups` g ON g.id = a.group_id"
	    . " JOIN class c ON c.id = g.class_id AND c.grade = 1 JOIN current_year cy"
	    . " ON cy.year_id = c.year_id WHERE g.kind = 'class' ORDER BY a.id");
	{
		ok($g1, 'precondition: the demo has a grade 1 journal') or last;
		my $a1 = acct_of_person($g1->[2]);
		my $c1 = $c{ $a1->{login} } //= login_ok($a1->{login}, $a1->{password});
		my $r = $c1->post_form('/lesson', [ csrf => $c1->session_csrf, group => $g1->[0],
		    subject => $g1->[1], on_date => $today, topic => 'Звуки и буквы' ]);
		redirects_to($r, '/journal', 'a grade 1 lesson');
		my $w = sql_value("SELECT lw.id FROM lesson_work lw JOIN lesson l ON l.id = lw.lesson_id"
		    . " WHERE l.id > $lmax AND l.group_id = $g1->[0] LIMIT 1");
		my $s = sql_value("SELECT student_id FROM class_student WHERE class_id = $g1->[3]"
		    . " AND left_on IS NULL LIMIT 1");
		my ($r2, $st, $v, $msg) = cell($c1, $w, $s, '5', '', group => $g1->[0], subject => $g1->[1]);
		status_is($r2, 400, 'R24: no marks in grade 1');
		like($msg, qr/В 1 классе отметки не ставятся/, '... with the message');
		($r2) = cell($c1, $w, $s, 'н', '', group => $g1->[0], subject => $g1->[1]);
		status_is($r2, 200, '... but attendance is kept');
		# No mark columns or mark hints where there are no marks (issue 12).
		my $page = $c1->get("/journal?group=$g1->[0]&subject=$g1->[1]");
		status_is($page, 200, 'the grade 1 journal opens');
		my ($head) = $page->text =~ m{<thead>(.*?)</thead>}s;
		ok(defined $head && $head =~ /Ученик/, '... with its grid');
		unlike($head // '', qr/Ср\.|Средн/, '... and no average columns (Ср., Ср. взв.)');
		unlike($page->text, qr{class="num (?:avg|wavg)"}, '... nor average cells');
		unlike($page->text, qr/Введите отметк|введите отметки|Ввести оценки/, '... nor a hint to enter marks');
		like($page->text, qr/В 1 классе отметки не ставятся/, '... but says there are none');
		my $form = $c1->get("/lesson?group=$g1->[0]&subject=$g1->[1]");
		status_is($form, 200, 'the grade 1 new-lesson form opens');
		unlike($form->text, qr/колонк\S* отметок|Колонку с отметками/, '... with no mark columns to choose');
		# A journal with marks keeps its averages.
		like($c{ $T->{login} }->get("/journal?group=$J->{group}&subject=$J->{subject}")->text,
		    qr{title="Средний балл">Ср\.</th>.*title="Средневзвешенный балл">Ср\. взв\.</th>}s,
		    'a grade 5-9 journal still shows Ср. and Ср. взв.');
	}
}

# ------------------------------------------------------------ a column as one form
{
	my $tc = $c{ $T->{login} };
	my $csrf = $tc->session_csrf;
	my $cur1 = mark_of($W[1], $S1) // '';
	my $r = $tc->post_form('/journal', [ csrf => $csrf, group => $J->{group},
	    subject => $J->{subject}, lesson => $LID,
	    cell => "$W[1].$S1.$cur1", v => '5', cell => "$W[1].$S2.", v => '9' ]);
	status_is($r, 400, 'a column with one bad cell: 400');
	like($r->text, qr/Колонка не сохранена/, '... with the message on the page');
	ok(!defined mark_of($W[1], $S1), '... and the good cell is not kept either (one transaction)');
	$r = $tc->post_form('/journal', [ csrf => $csrf, group => $J->{group},
	    subject => $J->{subject}, lesson => $LID,
	    cell => "$W[1].$S1.", v => '5', cell => "$W[1].$S2.", v => '4', cell => "$W[1].$S3.", v => 'н' ]);
	redirects_to($r, '/journal', 'a whole column posted without JavaScript');
	is(mark_of($W[1], $S1), '5', '... first cell');
	is(mark_of($W[1], $S2), '4', '... second cell');
	is(sql_value("SELECT COUNT(*) FROM absence WHERE lesson_id = $LID AND student_id = $S3"), 1,
	    '... and the absence');
	$r = $tc->post_form('/journal', [ csrf => $csrf, group => $J->{group},
	    subject => $J->{subject}, lesson => $LID, cell => "$W[1].$S1.", v => '3' ]);
	status_is($r, 409, 'a column with a stale cell: 409');
	is(mark_of($W[1], $S1), '5', '... unchanged');
	$r = $tc->get($jpath);
	is(cell_text($r->text, $W[1], $S1), '5', 'the page shows the cell with its mark');
	is(cell_text($r->text, $W[1], $S3), 'н', '... and the absence in its row');

	# The entry form of one lesson: its columns as inputs, one form.
	$r = $tc->get("$jpath&lesson=$LID");
	status_is($r, 200, 'the lesson\'s entry form (no JavaScript)');
	like($r->content, qr{<form id="col" method="post" action="/journal"}, '... one form');
	like($r->content, qr{<input type="hidden" name="lesson" value="$LID">}, '... for the lesson');
	my @cells = $r->content =~ /<input type="hidden" name="cell" form="col" value="([^"]*)">/g;
	is(scalar @cells, 2 * scalar @students, '... an input per student in each of its two columns');
	ok((grep { $_ eq "$W[1].$S1.5" } @cells), '... each with the value it shows (work.student.old)');
	like($r->content, qr{name="cell" form="col" value="$W[1]\.$S1\.5"><input class="cell" name="v" form="col" value="5"},
	    '... and the input of the value');
	unlike($r->content, qr/data-csrf=/, '... not the cell-by-cell entry');
	unlike($c{ $MG->{login} }->get("$jpath&lesson=$LID")->content, qr/<form id="col"/,
	    'a reader gets no entry form');
	# Posted from it, a stale cell keeps the form, with the reason.
	$r = $tc->post_form('/journal', [ csrf => $csrf, group => $J->{group},
	    subject => $J->{subject}, lesson => $LID, cell => "$W[1].$S2.", v => '3' ]);
	status_is($r, 409, 'a stale cell posted from the entry form: 409');
	like($r->text, qr/Колонка не сохранена.*<form id="col"/s, '... the form again, with the message');
	is(mark_of($W[1], $S2), '4', '... nothing written');
}

# ------------------------------------------------------------ averages
{
	my $page = $c{ $T->{login} }->get($jpath)->text;
	my $name = sql_value("SELECT CONCAT_WS(' ', last_name, first_name, NULLIF(middle_name, ''))"
	    . " FROM person WHERE id = $S1");
	my ($avg, $wavg) = $page =~ m{<th class="who">\Q$name\E</th>.*?<td class="num avg">([^<]*)</td><td class="num wavg">([^<]*)</td>}s;
	my ($ea, $ew) = @{ (sql("SELECT REPLACE(ROUND(AVG(m.num), 2), '.', ','),"
	    . " REPLACE(ROUND(SUM(m.num * w.weight) / SUM(w.weight), 2), '.', ',')"
	    . " FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
	    . " JOIN work_kind w ON w.id = lw.work_kind_id JOIN lesson l ON l.id = lw.lesson_id"
	    . " JOIN period p ON p.year_id = l.year_id AND CURDATE() BETWEEN p.starts_on AND p.ends_on"
	    . "  AND $J->{grade} BETWEEN p.grade_from AND p.grade_to"
	    . " WHERE m.student_id = $S1 AND l.group_id = $J->{group} AND l.subject_id = $J->{subject}"
	    . " AND l.on_date BETWEEN p.starts_on AND p.ends_on AND m.num IS NOT NULL"))[0] };
	is($avg, $ea, "the simple average of a student ($ea)");
	is($wavg, $ew, "the weighted average ($ew)");
}

# ------------------------------------------------------------ editing a lesson
{
	my $tc = $c{ $T->{login} };
	status_is($tc->get("/lesson?id=$LID"), 200, 'the lesson form of an existing lesson');
	like($tc->get("/lesson?id=$LID")->text, qr/value="Контрольная работа по теме «Дроби»"/,
	    '... filled in');
	my $r = $tc->post_form('/lesson', [ csrf => $tc->session_csrf, id => $LID, on_date => $today,
	    topic => 'Контрольная работа по теме «Дроби и проценты»', homework => '§ 13', work => $answer ]);
	redirects_to($r, '/journal', 'the lesson is edited') or diag(join ' | ', $r->text =~ /field-error">([^<]*)/g);
	is(sql_value("SELECT topic FROM lesson WHERE id = $LID"), 'Контрольная работа по теме «Дроби и проценты»',
	    '... topic changed');
	is(sql_value("SELECT COUNT(*) FROM lesson_work WHERE lesson_id = $LID"), 2,
	    '... the test column holding marks stays although unticked');
	$r = post_lesson($tc, on_date => $today, topic => 'Решение уравнений', works => [ $answer, $self ]);
	redirects_to($r, '/journal', 'another lesson with two forms of work');
	my $l2 = sql_value("SELECT MAX(id) FROM lesson WHERE id > $lmax");
	is(sql_value("SELECT COUNT(*) FROM lesson_work WHERE lesson_id = $l2"), 2, '... two columns');
	$r = $tc->post_form('/lesson', [ csrf => $tc->session_csrf, id => $l2, on_date => $today,
	    topic => 'Решение уравнений', work => $answer ]);
	redirects_to($r, '/journal', '... edited to one form');
	is(sql_value("SELECT COUNT(*) FROM lesson_work WHERE lesson_id = $l2"), 1,
	    '... the empty column is gone');
	$r = $c{ $T2->{login} }->post_form('/lesson', [ csrf => $c{ $T2->{login} }->session_csrf,
	    id => $l2, on_date => $today, topic => 'Чужая правка' ]);
	status_is($r, 403, 'another teacher cannot edit it');
	is(sql_value("SELECT topic FROM lesson WHERE id = $l2"), 'Решение уравнений', '... unchanged');
}

# ------------------------------------------------------------ substitution (R22)
{
	my $absent = $J->{teacher};
	sql("INSERT INTO timetable_change (school_id, year_id, on_date, group_id, subject_id,"
	    . " teacher_id, absent_teacher_id, reason) SELECT 1, year_id, CURDATE(), $J->{group},"
	    . " $J->{subject}, (SELECT person_id FROM account WHERE login = " . sq($T2->{login})
	    . "), $absent, 'тест журнала' FROM `groups` WHERE id = $J->{group}");
	my $sc = $c{ $T2->{login} };
	status_is($sc->get($jpath), 200, 'the substitute opens the journal');
	# S3 is absent from the column test: the cell shows «н».
	my ($r) = cell($sc, $W[0], $S3, '4', 'н');
	status_is($r, 200, 'the substitute writes today\'s lesson');
	my $old = sql_value("SELECT id FROM lesson WHERE group_id = $J->{group} AND subject_id ="
	    . " $J->{subject} AND on_date < CURDATE() AND id <= $lmax ORDER BY on_date DESC LIMIT 1");
	my $ow = sql_value("SELECT id FROM lesson_work WHERE lesson_id = $old LIMIT 1");
	my $cur = sql_value("SELECT COALESCE((SELECT code FROM mark WHERE lesson_work_id = $ow"
	    . " AND student_id = $S3), IF(EXISTS (SELECT 1 FROM absence WHERE lesson_id = $old"
	    . " AND student_id = $S3), 'н', ''))") // '';
	($r) = cell($sc, $ow, $S3, $cur eq '5' ? '4' : '5', $cur);
	status_is($r, 403, '... but not a lesson of another day');
	$r = $sc->post_form('/lesson', [ csrf => $sc->session_csrf, group => $J->{group},
	    subject => $J->{subject}, on_date => $today, topic => 'Урок на замене' ]);
	redirects_to($r, '/journal', 'the substitute enters a lesson');
	is(sql_value("SELECT substitute_for FROM lesson WHERE id > $lmax AND topic = 'Урок на замене'"),
	    $absent, '... stored with substitute_for = the absent teacher');
	like($sc->get("/home")->text, qr{href="/journal\?group=$J->{group}&amp;subject=$J->{subject}"[^<]*</a> <span class="meta">замена}
	    , '... and it is in the substitute\'s list');
	sql("DELETE FROM timetable_change WHERE reason = 'тест журнала'");
	($r) = cell($sc, $W[0], $S3, '5', '4');
	status_is($r, 403, 'without the change the substitute is refused');
}

# ------------------------------------------------------------ remarks (R23, R25, R27)
{
	# A lesson ten days back entered today, with a late homework and a
	# late «2» nobody re-tested.
	my $back = sql_value("SELECT MAX(on_date) FROM lesson WHERE group_id = $J->{group} AND"
	    . " subject_id = $J->{subject} AND on_date < CURDATE() - INTERVAL 8 DAY AND on_date"
	    . " >= (SELECT p.starts_on FROM period p JOIN `groups` g ON g.year_id = p.year_id"
	    . "  WHERE g.id = $J->{group} AND CURDATE() BETWEEN p.starts_on AND p.ends_on"
	    . "  AND $J->{grade} BETWEEN p.grade_from AND p.grade_to)");
	{
		ok($back, 'precondition: a lesson 8 days back in this period (the test date)') or last;
		my $tc = $c{ $T->{login} };
		my $r = $tc->post_form('/lesson', [ csrf => $tc->session_csrf, group => $J->{group},
		    subject => $J->{subject}, on_date => $back, topic => 'Запоздалый урок',
		    homework => '№ 1' ]);
		redirects_to($r, '/journal', 'a lesson of an earlier day');
		my $bl = sql_value("SELECT id FROM lesson WHERE id > $lmax AND topic = 'Запоздалый урок'");
		my $bw = sql_value("SELECT id FROM lesson_work WHERE lesson_id = $bl");
		my $s4 = $students[3];
		# retest_days = 0: no mark can follow in time, so the «2» is reported.
		sql("INSERT INTO school_setting (school_id, name, value) VALUES (1, 'retest_days', '0')");
		push @extra_cleanup, "DELETE FROM school_setting WHERE name = 'retest_days'";
		my ($c2) = cell($tc, $bw, $s4, '2', '');
		status_is($c2, 200, 'a «2» on that lesson');
		my $page = $tc->get($jpath)->text;
		like($page, qr/Урок \d\d\.\d\d\.\d{4} внесён позже дня урока/, 'reported: lesson entered late');
		like($page, qr/Домашнее задание к уроку \d\d\.\d\d\.\d{4} задано поздно/,
		    'reported: homework set late');
		like($page, qr/отметка «2» за \d\d\.\d\d\.\d{4} выставлена поздно/, 'reported: mark set late');
		like($page, qr/после неудовлетворительной отметки «2» за \d\d\.\d\d\.\d{4} нет повторной/,
		    'reported: no re-test after a «2» within retest_days');
		# A student with a «2» who then leaves the class: out of the grid,
		# still named in the remarks.
		my $s8 = $students[7];
		my $n8 = sql_value("SELECT CONCAT_WS(' ', last_name, first_name, NULLIF(middle_name, ''))"
		    . " FROM person WHERE id = $s8");
		my ($c8) = cell($tc, $bw, $s8, '2', '');
		status_is($c8, 200, 'a «2» for another student');
		sql("UPDATE class_student SET left_on = CURDATE() WHERE class_id = $J->{class}"
		    . " AND student_id = $s8");
		push @extra_cleanup, "UPDATE class_student SET left_on = NULL WHERE class_id = $J->{class}"
		    . " AND student_id = $s8";
		my $r8 = $tc->get($jpath);
		unlike($r8->content, qr/<tr data-s="$s8">/, 'a student who left the class is not in the grid');
		like($r8->text, qr/\Q$n8\E: после неудовлетворительной отметки «2» за \d\d\.\d\d\.\d{4} нет повторной/,
		    '... but the remarks still name their «2»');
		sql("UPDATE class_student SET left_on = NULL WHERE class_id = $J->{class} AND student_id = $s8");
		sql("DELETE FROM school_setting WHERE name = 'retest_days'");
		like($page, qr/отметок в периоде \d+, нужно не меньше \d+/, 'reported: too few marks');
	}
}

# R25: a «2» right after long_absence_lessons missed lessons, or right after
# the holidays (the first lesson of the second quarter).
{
	my @q2 = map { $_->[0] } sql("SELECT l.id FROM lesson l WHERE l.group_id = $J->{group}"
	    . " AND l.subject_id = $J->{subject} AND l.id <= $lmax AND l.on_date BETWEEN"
	    . " (SELECT MIN(h.ends_on) FROM holiday h JOIN `groups` g ON g.year_id = h.year_id"
	    . "  WHERE g.id = $J->{group} AND h.ends_on > '2026-10-01') AND CURDATE() - INTERVAL 1 DAY"
	    . " ORDER BY l.on_date, l.id");
	{
		ok(@q2 >= 4, 'precondition: 4 lessons after the autumn holidays (the test date)') or last;
		my ($s5, $s6) = @students[4, 5];
		my $mmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM mark');
		my @had = map { $_->[0] } sql("SELECT lesson_id FROM absence WHERE student_id = $s5"
		    . " AND lesson_id IN ($q2[0], $q2[1], $q2[2])");
		my %had = map { $_ => 1 } @had;
		push @extra_cleanup, map { "DELETE FROM absence WHERE lesson_id = $_ AND student_id = $s5" }
		    grep { !$had{$_} } @q2[0 .. 2];
		push @extra_cleanup, "DELETE FROM mark WHERE id > $mmax";
		sql("INSERT IGNORE INTO absence (lesson_id, student_id) VALUES ($_, $s5)") for @q2[0 .. 2];
		my $free = sub {
			my ($l, $s) = @_;
			return sql_value("SELECT lw.id FROM lesson_work lw WHERE lw.lesson_id = $l AND NOT"
			    . " EXISTS (SELECT 1 FROM mark m WHERE m.lesson_work_id = lw.id AND m.student_id = $s)"
			    . " LIMIT 1");
		};
		my $w3 = $free->($q2[3], $s5);
		my $w0 = $free->($q2[0], $s6);
		ok($w3 && $w0 && !sql_value("SELECT COUNT(*) FROM absence WHERE lesson_id = $q2[0] AND student_id = $s6"), 'precondition: free cells in those lessons') or last;
		my $page = $c{ $T->{login} }->get($jpath)->text;
		my $name5 = sql_value("SELECT CONCAT_WS(' ', last_name, first_name, NULLIF(middle_name, ''))"
		    . " FROM person WHERE id = $s5");
		my $name6 = sql_value("SELECT CONCAT_WS(' ', last_name, first_name, NULLIF(middle_name, ''))"
		    . " FROM person WHERE id = $s6");
		unlike($page, qr/\Q$name5\E: неудовлетворительная отметка «2» [\d.]+ сразу после длительного/,
		    'before: no long-absence remark');
		sql("INSERT INTO mark (lesson_work_id, student_id, code, num) VALUES ($w3, $s5, '2', 2),"
		    . " ($w0, $s6, '2', 2)");
		$page = $c{ $T->{login} }->get($jpath)->text;
		like($page, qr/\Q$name5\E: неудовлетворительная отметка «2» [\d.]+ сразу после длительного пропуска/,
		    'reported: a «2» right after three missed lessons');
		like($page, qr/\Q$name6\E: неудовлетворительная отметка «2» [\d.]+ сразу после каникул/,
		    'reported: a «2» right after the holidays');
		unlike($page, qr/\Q$name6\E: неудовлетворительная отметка «2» [\d.]+ сразу после длительного/,
		    '... but not as after a long absence');
	}
}

# ------------------------------------------------------------ statements per page
# The number of statements of a journal page does not grow with its size:
# the demo's biggest and smallest journals, and four made here (10 and 40
# students × 5 and 60 lessons in one period), each read by the management
# and by its teacher (who gets the entry links and the editable grid).
sub stmts {
	my ($cl, $p) = @_;
	$cl->get($p);	# warm: statements prepared, process started
	my ($a) = (sql("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'"))[0][1];
	my $r = $cl->get($p);
	my ($b) = (sql("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'"))[0][1];
	return ($r, $b - $a);
}
{
	my $mc = $c{ $MG->{login} };
	my @j = sql("SELECT a.group_id, a.subject_id, (SELECT COUNT(*) FROM lesson l"
	    . " WHERE l.group_id = a.group_id AND l.subject_id = a.subject_id) n"
	    . " FROM assignment a JOIN current_year cy ON cy.year_id = a.year_id"
	    . " ORDER BY n DESC");
	my ($big, $small) = ($j[0], (grep { $_->[2] > 0 } @j)[-1]);
	my ($rb, $nb) = stmts($mc, "/journal?group=$big->[0]&subject=$big->[1]");
	my ($rs, $ns) = stmts($mc, "/journal?group=$small->[0]&subject=$small->[1]");
	status_is($rb, 200, "the biggest journal ($big->[2] lessons)");
	status_is($rs, 200, "the smallest journal ($small->[2] lessons)");
	my $cb = () = $rb->content =~ /<td(?: class="absent")?>/g;
	my $cs = () = $rs->content =~ /<td(?: class="absent")?>/g;
	cmp_ok($cb, '>', $cs, "the big page has more cells ($cb > $cs)");
	ok($nb > 5 && $nb == $ns, "the same number of statements for both ($nb, $ns)");
}
{
	# Two streams of the journal's grade (10 and 40 students) taught two
	# subjects by the journal's teacher: 5 lessons of one, 60 of the other,
	# in the grade's first period, with marks (some «2»), absences and
	# lessons entered late, so that every part of the page has rows.
	my $year = sql_value("SELECT year_id FROM `groups` WHERE id = $J->{group}");
	my @pool = map { $_->[0] } sql("SELECT cs.student_id FROM class_student cs"
	    . " JOIN class c ON c.id = cs.class_id WHERE c.year_id = $year AND c.grade = $J->{grade}"
	    . " AND cs.left_on IS NULL ORDER BY cs.student_id LIMIT 40");
	my ($per, $start) = @{ (sql("SELECT id, starts_on FROM period WHERE year_id = $year"
	    . " AND $J->{grade} BETWEEN grade_from AND grade_to ORDER BY starts_on LIMIT 1"))[0] // [] };
	my @subj = map { $_->[0] } sql("SELECT id FROM subject WHERE school_id = 1"
	    . " AND id <> $J->{subject} ORDER BY id LIMIT 2");
	{
		ok(@pool == 40 && $per && @subj == 2, 'precondition: 40 students in the grade, a period and two subjects') or last;
		my %g;
		for my $n (10, 40) {
			sql("INSERT INTO `groups` (school_id, year_id, name, kind) VALUES (1, $year,"
			    . " 'тест 81: $n учеников', 'stream')");
			$g{$n} = sql_value("SELECT id FROM `groups` WHERE year_id = $year"
			    . " AND name = 'тест 81: $n учеников'");
			push @extra_cleanup, "DELETE FROM assignment WHERE group_id = $g{$n}",
			    "DELETE FROM group_student WHERE group_id = $g{$n}",
			    "DELETE FROM `groups` WHERE id = $g{$n}";
			sql("INSERT INTO group_student (group_id, student_id) VALUES "
			    . join(', ', map { "($g{$n}, $_)" } @pool[0 .. $n - 1]));
			for my $s (@subj) {
				sql("INSERT INTO assignment (school_id, year_id, teacher_id, subject_id,"
				    . " group_id, hours) VALUES (1, $year, $J->{teacher}, $s, $g{$n}, 2)");
			}
		}
		my %lessons = ($subj[0] => 5, $subj[1] => 60);
		for my $gid (values %g) {
			for my $s (@subj) {
				sql("INSERT INTO lesson (school_id, year_id, group_id, subject_id, teacher_id,"
				    . " on_date, number, topic, homework) VALUES "
				    . join(', ', map { "(1, $year, $gid, $s, $J->{teacher}, '$start' + INTERVAL "
				    . int($_ / 2) . " DAY, " . (1 + $_ % 2) . ", 'Тема $_', '§ $_')" }
				    0 .. $lessons{$s} - 1));
			}
		}
		my $ids = join(', ', values %g);
		sql("INSERT INTO lesson_work (lesson_id, work_kind_id) SELECT id, $answer FROM lesson"
		    . " WHERE id > $lmax AND group_id IN ($ids)");
		sql("INSERT INTO mark (lesson_work_id, student_id, code, num) SELECT lw.id, gs.student_id,"
		    . " ELT(1 + (lw.id + gs.student_id) % 4, '5', '4', '3', '2'),"
		    . " 5 - (lw.id + gs.student_id) % 4 FROM lesson_work lw JOIN lesson l ON l.id = lw.lesson_id"
		    . " JOIN group_student gs ON gs.group_id = l.group_id WHERE l.id > $lmax"
		    . " AND l.group_id IN ($ids) AND (lw.id + gs.student_id) % 3 = 0");
		sql("INSERT INTO absence (lesson_id, student_id) SELECT l.id, gs.student_id FROM lesson l"
		    . " JOIN group_student gs ON gs.group_id = l.group_id WHERE l.id > $lmax"
		    . " AND l.group_id IN ($ids) AND (l.id + gs.student_id) % 7 = 1");
		my (%n, %rows, %cols);
		for my $a ($MG, $T) {
			for my $k (10, 40) {
				for my $s (@subj) {
					my $key = "$a->{role} $k×$lessons{$s}";
					my ($r, $n) = stmts($c{ $a->{login} },
					    "/journal?group=$g{$k}&subject=$s&period=$per");
					status_is($r, 200, "$key: the page") or next;
					$n{$key} = $n;
					$rows{$key} = () = $r->content =~ /<tr data-s="/g;
					$cols{$key} = () = $r->content =~ /<th class="work"/g;
				}
			}
		}
		is(join(' ', map { "$rows{$_}×$cols{$_}" } sort keys %rows),
		    join(' ', map { my $a = $_; map { my $k = $_; map { "$k×$lessons{$_}" } @subj } 10, 40 }
		    sort map { $_->{role} } $MG, $T),
		    'the pages have 10 and 40 rows, 5 and 60 columns');
		my %distinct = map { $_ => 1 } values %n;
		ok(keys %distinct == 1 && (values %n)[0] > 5,
		    'the same number of statements at 10 and 40 students, 5 and 60 lessons: '
		    . join(', ', map { "$_: $n{$_}" } sort keys %n));
	}
}

done_testing();
