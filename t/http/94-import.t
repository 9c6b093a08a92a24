#!/usr/bin/perl
# Import from CSV (issue 3, R16): who may import what; a preview that lists
# every row error in Russian and writes nothing; a commit that writes all
# rows in one transaction or nothing; Windows-1251 and «,» files; siblings
# sharing one guardian; duplicates; staff; 5,000 students timed.  The
# imported students show on the class rosters and on the order.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Digest::SHA qw(sha256_hex);
use Encode ();
use Test::More;
use Time::HiRes qw(time);
use JTest;

need_stack();
clear_attempts();

my $data = "$FindBin::Bin/../data";
my @surnames = qw(Проверкин Проверкина Ёжикова Ёжиков Щеглов Щеглова Запятаев
    Запятаева Кадрова Штатов);
my $max_person = sql_value('SELECT COALESCE(MAX(id), 0) FROM person');
my ($order, $other_order);

END {
	return unless var_dir() && base_url();
	return unless defined $max_person;
	my $made = "p.id > $max_person AND (p.last_name IN ("
	    . join(',', map { sq($_) } @surnames) . ") OR p.last_name LIKE 'Массов%')";
	my @ids = map { $_->[0] } eval { sql("SELECT p.id FROM person p WHERE $made") };
	while (my @chunk = splice @ids, 0, 1000) {
		my $in = join ',', @chunk;
		eval { sql("DELETE FROM guardian WHERE student_id IN ($in) OR guardian_id IN ($in)") };
		eval { sql("DELETE FROM class_student WHERE student_id IN ($in)") };
		eval { sql("DELETE FROM movement WHERE person_id IN ($in)") };
		eval { sql("DELETE FROM staff WHERE person_id IN ($in)") };
		eval { sql("DELETE FROM person WHERE id IN ($in)") };
	}
	eval { sql("DELETE FROM school_order WHERE id = $order") } if $order;
	eval { clear_attempts() };
}

sub slurp { my ($f) = @_; open(my $fh, '<:raw', "$data/$f") or die "$f: $!"; local $/; return <$fh> }

# POST /import with a file: (client, bytes, field => value, ...).
sub upload {
	my ($c, $bytes, %f) = @_;
	my $csrf = csrf_of($c->get('/import')->text);
	my @parts = ([ csrf => $csrf ], map { [ $_ => $f{$_} ] } sort keys %f);
	push @parts, [ file => $bytes, 'people.csv' ] if defined $bytes;
	return $c->post_raw('/import', multipart(@parts));
}

sub persons { return sql_value('SELECT COUNT(*) FROM person') }

my $a = account_of_role('admin');
my $admin = login_ok($a->{login}, $a->{password}, 'the administrator logs in');
my $s = account_of_role('secretary');
my $sec = login_ok($s->{login}, $s->{password}, 'the secretary logs in');
my $h = account_of_role('hr');
my $hr = login_ok($h->{login}, $h->{password}, 'the HR specialist logs in');
my $t = account_of_role('teacher');
my $teacher = login_ok($t->{login}, $t->{password}, 'a teacher logs in');
my $school = sql_value('SELECT school_id FROM account WHERE login = ' . sq($a->{login}));

# An enrolment order of today for the test, and an order of another kind.
sql("INSERT INTO school_order (school_id, number, dated, kind, title, text) VALUES ($school,"
    . sq("имп-$$") . ", CURDATE(), 'enrolment', 'О зачислении (тест импорта)', 'тест')");
$order = sql_value("SELECT id FROM school_order WHERE school_id = $school AND number = " . sq("имп-$$"));
ok($order, 'a test enrolment order');
$other_order = sql_value("SELECT id FROM school_order WHERE school_id = $school AND kind <> 'enrolment' LIMIT 1");

# --- Who may open and import what.
{
	my $r = $admin->get('/import');
	status_is($r, 200, '/import opens for the administrator');
	like($r->text, qr/учеников/, 'with students');
	like($r->text, qr/сотрудников/, 'and staff to choose');
	like($r->text, qr/больший файл разделите/, 'the size limit is explained');
	no_inline_script_ok($r, "/import");
	$r = $sec->get('/import');
	status_is($r, 200, 'the secretary opens /import');
	unlike($r->text, qr/value="staff"/, '... students only');
	$r = $hr->get('/import');
	status_is($r, 200, 'HR opens /import');
	unlike($r->text, qr/value="students"/, '... staff only');
	status_is($teacher->get('/import'), 403, 'a teacher may not');
	my $staff = slurp('import-staff.csv');
	status_is(upload($sec, $staff, action => 'preview', kind => 'staff'), 403,
	    'the secretary may not import staff');
	status_is(upload($hr, slurp('import-broken.csv'), action => 'preview', kind => 'students',
	    order => $order), 403, 'HR may not import students');
}

# --- A file with broken rows: every error, nothing written.
my $broken = slurp('import-broken.csv');
{
	my $n = persons();
	my $r = upload($sec, $broken, action => 'preview', kind => 'students', order => $order);
	status_is($r, 200, 'preview of a broken file');
	my $text = $r->text;
	like($text, qr/Строка 3: нет такого класса «5Д»/, 'an unknown class');
	like($text, qr/Строка 4: дата рождения 31\.02\.2015 не существует/, 'an impossible date');
	like($text, qr/Строка 5: повторяет строку 2/, 'a repeated row');
	like($text, qr/Строка 6: нет фамилии/, 'a missing surname');
	like($text, qr/Строка 7: пол «х»/, 'a wrong sex');
	like($text, qr/Строка 8: дата рождения «2015\/01\/01»: нужна дата в виде ДД\.ММ\.ГГГГ/,
	    'a date in another form');
	like($text, qr/Строка 9: дата рождения 01\.01\.2001: ученику должно быть от 5 до 20 лет/,
	    'out of school age');
	unlike($text, qr/Строка (2|10):/, 'good rows have no error');
	like($text, qr/Строк с ошибками: 7/, 'seven rows with errors');
	like($text, qr/Примечание/, 'the unknown column is listed as not used');
	like($text, qr/UTF-8/, 'the encoding is shown');
	like($text, qr/точка с запятой/, 'the separator is shown');
	unlike($text, qr/name="action" value="commit"/, 'no commit button with errors');
	is(persons(), $n, 'nothing written by the preview');

	my $sum = sha256_hex($broken);
	$r = upload($sec, $broken, action => 'commit', kind => 'students', order => $order,
	    checksum => $sum);
	status_is($r, 400, 'commit with errors: refused');
	like($r->text, qr/Ничего не загружено/, '... saying nothing was loaded');
	like($r->text, qr/Строка 3: нет такого класса/, '... with the errors');
	is(persons(), $n, '... and nothing written');
	is(sql_value("SELECT COUNT(*) FROM movement WHERE order_id = $order"), 0, 'no movement');
}

# --- File-level refusals.
{
	my $r = upload($sec, "Фамилия;Имя;Класс\nА;Б;5А\n", action => 'preview', kind => 'students',
	    order => $order);
	status_is($r, 200, 'a file without required columns: preview');
	like($r->text, qr/нет обязательных столбцов: «Пол», «Дата рождения»/, '... one clear error');
	$r = upload($sec, "a\0b", action => 'preview', kind => 'students', order => $order);
	like($r->text, qr/не похож на CSV/, 'a binary file is refused');
	$r = upload($sec, $broken, action => 'preview', kind => 'students');
	status_is($r, 400, 'students without an order');
	like($r->text, qr/Выберите приказ о зачислении/, '... asks for the order');
	if ($other_order) {
		$r = upload($sec, $broken, action => 'preview', kind => 'students', order => $other_order);
		status_is($r, 400, 'an order of another kind');
		like($r->text, qr/не о зачислении/, '... is refused');
	}
	$r = upload($sec, undef, action => 'preview', kind => 'students', order => $order);
	status_is($r, 400, 'no file');
	like($r->text, qr/Выберите файл/, '... asks for one');
}

# --- Windows-1251, siblings sharing a guardian.
my $cp = slurp('import-1251.csv');
{
	my $r = upload($sec, $cp, action => 'preview', kind => 'students', order => $order);
	status_is($r, 200, 'a Windows-1251 file: preview');
	like($r->text, qr/Windows-1251/, '... the encoding is recognised');
	like($r->text, qr/Ёжиков Артём Андреевич/, '... Cyrillic shown right');
	unlike($r->text, qr/Строк с ошибками/, '... no errors');
	my $sum = sha256_hex($cp);
	like($r->text, qr/value="\Q$sum\E"/, '... the checksum is carried');

	$r = upload($sec, $cp . "x", action => 'commit', kind => 'students', order => $order,
	    checksum => $sum);
	status_is($r, 400, 'a different file at commit: refused');
	like($r->text, qr/не тот файл/, '... saying why');
	$r = upload($sec, $cp, action => 'commit', kind => 'students', order => $order);
	status_is($r, 400, 'a commit without a preview: refused');

	$r = upload($sec, $cp, action => 'commit', kind => 'students', order => $order,
	    checksum => $sum);
	status_is($r, 200, 'the Windows-1251 file is imported');
	like($r->text, qr/Зачислено учеников: <strong>4<\/strong>/, '4 students');
	like($r->text, qr/добавлено: <strong>2<\/strong>/, '2 guardians (one shared by siblings)');
	my ($p) = sql("SELECT p.id, p.first_name, p.middle_name, p.sex, p.birth_date FROM person p"
	    . " WHERE p.id > $max_person AND p.last_name = 'Ёжиков'");
	ok($p, 'Ёжиков exists');
	is($p->[1], 'Артём', '... with ё in his name');
	is($p->[3], 'm', '... «Мужской» is m');
	is($p->[4], '2014-02-02', '... born 2014-02-02');
	is(sql_value("SELECT CONCAT(c.grade, c.letter) FROM class_student cs JOIN class c ON c.id = cs.class_id"
	    . " WHERE cs.student_id = $p->[0] AND cs.left_on IS NULL"), '5Б', '... in 5Б («5 Б»)');
	is(sql_value("SELECT COUNT(*) FROM movement WHERE person_id = $p->[0] AND order_id = $order"
	    . " AND kind = 'enrolment'"), 1, '... with an enrolment movement of the order');
	my @g = sql("SELECT g.guardian_id, g.kind, gp.sex FROM guardian g JOIN person gp ON gp.id = g.guardian_id"
	    . " JOIN person sp ON sp.id = g.student_id WHERE sp.id > $max_person AND sp.last_name IN ('Ёжиков', 'Ёжикова')");
	is(scalar @g, 2, 'both Ёжиковы have a guardian');
	is($g[0][0], $g[1][0], '... the same one');
	is($g[0][2], 'f', '... «мать» is a woman');
	is(sql_value("SELECT kind FROM guardian g JOIN person sp ON sp.id = g.student_id"
	    . " WHERE sp.id > $max_person AND sp.last_name = 'Щеглов'"), 'parent', 'отец is a parent');
	ok(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'import' AND object_id = $order"),
	    'an import audit row');
	is(sql_value("SELECT COUNT(*) FROM audit a JOIN person p ON p.id = a.object_id"
	    . " WHERE a.action = 'import_add' AND a.object_type = 'person' AND p.id > $max_person"
	    . " AND p.last_name IN ('Ёжиков', 'Ёжикова', 'Щеглов', 'Щеглова')"), 6,
	    'one audit row per created person');

	# The same file again: the students are already here.
	my $n = persons();
	$r = upload($sec, $cp, action => 'preview', kind => 'students', order => $order);
	like($r->text, qr/Строка 2: Ёжикова Софья Андреевна уже учится в школе — в классе 3 А/,
	    'importing the same students twice: an error');
	is(persons(), $n, 'nothing written');
}

# --- A «,» file with a BOM, ФИО in one column, quoted fields.
{
	my $comma = slurp('import-comma.csv');
	my $r = upload($admin, $comma, action => 'preview', kind => 'students', order => $order);
	status_is($r, 200, 'a «,» file: preview');
	like($r->text, qr/«,» \(запятая\)/, '... the separator is recognised');
	unlike($r->text, qr/Строк с ошибками/, '... no errors');
	$r = upload($admin, $comma, action => 'commit', kind => 'students', order => $order,
	    checksum => sha256_hex($comma));
	status_is($r, 200, 'the administrator imports it');
	my @kids = sql("SELECT p.first_name, p.middle_name, CONCAT(c.grade, c.letter), g.kind"
	    . " FROM person p JOIN class_student cs ON cs.student_id = p.id JOIN class c ON c.id = cs.class_id"
	    . " JOIN guardian g ON g.student_id = p.id WHERE p.id > $max_person AND p.last_name LIKE 'Запятаев%'"
	    . " ORDER BY p.first_name");
	is(scalar @kids, 2, 'two students');
	is_deeply([ map { "$_->[0]|$_->[1]|$_->[2]|$_->[3]" } @kids ],
	    [ 'Игорь|Олегович|4Б|guardian', 'Лилия||4Б|guardian' ], '... split from ФИО, in 4Б, with their guardian');
}

# --- Staff, by HR.
{
	my $staff = slurp('import-staff.csv');
	my $r = upload($hr, $staff, action => 'preview', kind => 'staff');
	status_is($r, 200, 'HR previews staff');
	like($r->text, qr/учитель физической культуры; тренер/, 'a quoted «;» inside a field');
	like($r->text, qr/Класс/, 'the class column is not used for staff');
	$r = upload($hr, $staff, action => 'commit', kind => 'staff', checksum => sha256_hex($staff));
	status_is($r, 200, 'HR imports staff');
	like($r->text, qr/Добавлено сотрудников: <strong>2<\/strong>/, '2 staff');
	is(sql_value("SELECT CONCAT(s.position, '|', s.hired_on) FROM staff s JOIN person p ON p.id = s.person_id"
	    . " WHERE p.id > $max_person AND p.last_name = 'Кадрова'"), 'учитель химии|2020-09-01',
	    'position and date of hiring');
	is(sql_value("SELECT COUNT(*) FROM account a JOIN person p ON p.id = a.person_id"
	    . " WHERE p.id > $max_person AND p.last_name IN ('Кадрова', 'Штатов')"), 0, 'no logins made');
	$r = upload($hr, $staff, action => 'preview', kind => 'staff');
	like($r->text, qr/Строка 2: Кадрова Инна Павловна уже работает в школе/, 'twice: an error');
}

# --- 5,000 students in one transaction.
{
	my @classes = grep { $_->{grade} >= 1 } open_classes($school);
	my @first_m = qw(Александр Максим Иван Артём Дмитрий Никита Михаил Егор Андрей Кирилл);
	my @first_f = qw(Анна Мария Софья Алиса Виктория Полина Елизавета Дарья Ксения Варвара);
	my @abc = split //, 'абвгдежзиклмнопрстуфхцчшэюя';
	my $year = (localtime)[5] + 1900;
	my $csv = "Фамилия;Имя;Отчество;Пол;Дата рождения;Класс;Фамилия представителя;Имя представителя;Кем приходится\r\n";
	for my $i (0 .. 4999) {
		my $suffix = join '', map { $abc[ int($i / @abc ** $_) % @abc ] } 0 .. 2;
		my $c = $classes[ $i % @classes ];
		my $f = $i % 2;
		my $family = int($i / 2);
		my $fs = join '', map { $abc[ int($family / @abc ** $_) % @abc ] } 0 .. 2;
		$csv .= join(';', ($f ? "Массова$suffix" : "Массов$suffix"),
		    ($f ? $first_f[ $i % 10 ] : $first_m[ $i % 10 ]), '', ($f ? 'ж' : 'м'),
		    sprintf('%02d.%02d.%04d', 1 + $i % 28, 1 + $i % 12, $year - $c->{grade} - 7),
		    $c->{grade} . $c->{letter}, "Массова$fs", 'Ольга', 'мать') . "\r\n";
	}
	my $bytes = Encode::encode('UTF-8', $csv);
	ok(length($bytes) < 1048576, 'the 5,000-row file is under 1 MiB (' . length($bytes) . ' bytes)');
	my $n = persons();
	my $t0 = time;
	my $r = upload($sec, $bytes, action => 'preview', kind => 'students', order => $order);
	my $t1 = time;
	status_is($r, 200, '5,000 rows: preview');
	like($r->text, qr/Строк с данными<\/dt><dd>5000/, '... 5000 rows counted');
	unlike($r->text, qr/Строк с ошибками/, '... no errors');
	like($r->text, qr/ещё строк: 4950/, '... 50 shown in the table');
	$r = upload($sec, $bytes, action => 'commit', kind => 'students', order => $order,
	    checksum => sha256_hex($bytes));
	my $t2 = time;
	status_is($r, 200, '5,000 rows: committed');
	diag(sprintf('5,000 students + 2,500 guardians: preview %.2f s, commit %.2f s (whole requests)',
	    $t1 - $t0, $t2 - $t1));
	ok($t2 - $t1 < 30, 'the commit takes seconds, not minutes');
	is(persons() - $n, 7500, '5,000 students and 2,500 guardians written');
	is(sql_value("SELECT COUNT(*) FROM movement WHERE order_id = $order"), 5000 + 4 + 2,
	    'a movement per student on the order');
	my $tx = sql_value("SELECT COUNT(DISTINCT DATE_FORMAT(a.at, '%Y%m%d%H%i%s')) > 0 FROM audit a"
	    . " WHERE a.action = 'import' AND a.object_id = $order");
	ok($tx, 'audited');

	# The rosters and the order show them.
	my $c = $classes[0];
	my $rc = $admin->get("/class?id=$c->{id}");
	status_is($rc, 200, "the roster of $c->{name}");
	like($rc->text, qr/Массовааа/, '... lists an imported student');
	my $ro = $sec->get("/order?id=$order");
	status_is($ro, 200, 'the order');
	like($ro->text, qr/Массовааа/, '... lists the imported students');
}

done_testing();
