#!/usr/bin/perl
# Import of the timetable from CSV (R15): a file with broken rows is
# previewed with every error in Russian (unknown class, subject, teacher,
# a bad weekday, conflicts inside the file and with the timetable that
# stays), a teacher with no load is only a warning, and committing it
# writes nothing (all or nothing); the whole demo school's timetable,
# written out as a timetable tool would, goes back in from a date in one
# POST, replacing the old rows from that date (the time it takes is
# printed); who may import.
#
# The timetable is restored at the end: the imported rows go, the rows
# ended by the import get their end date back.
use strict;
use warnings;
use utf8;

use Digest::SHA ();
use Encode ();
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Time::HiRes ();
use JTest;

need_stack();
clear_attempts();

my $tmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM timetable');
my %valid_to = map { $_->[0] => $_->[1] } sql('SELECT id, valid_to FROM timetable');
my @changes = sql('SELECT id FROM timetable_change');
END {
	if (var_dir() && base_url()) {
		eval {
			sql("DELETE FROM timetable_change WHERE timetable_id > $tmax");
			sql("DELETE FROM timetable WHERE id > $tmax");
			my %now = map { $_->[0] => $_->[1] } sql('SELECT id, valid_to FROM timetable');
			for my $id (keys %valid_to) {
				sql("UPDATE timetable SET valid_to = '$valid_to{$id}' WHERE id = $id")
				    if ($now{$id} // '') ne $valid_to{$id};
			}
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

sub upload {
	my ($c, $bytes, %f) = @_;
	my $csrf = csrf_of($c->get('/ttimport')->text);
	my @parts = ([ csrf => $csrf ], map { [ $_ => $f{$_} ] } sort keys %f);
	push @parts, [ file => $bytes, 'timetable.csv' ] if defined $bytes;
	return $c->post_raw('/ttimport', multipart(@parts));
}
sub checksum_of { return hidden_of($_[0], 'checksum') }

my $m = account_of_role('management');
my $mgmt = login_ok($m->{login}, $m->{password});
my $rows = sub { sql_value('SELECT COUNT(*) FROM timetable') };

# ------------------------------------------------------------ broken rows
# Real lessons to build on: 5 А's Monday first lesson, and a teacher of
# 6 А with the lesson they give on Monday at some number.
my $C = class_by_name('5 А');
my ($L) = sql("SELECT s.name, CONCAT_WS(' ', p.last_name, p.first_name, NULLIF(p.middle_name, '')), t.room, t.number"
    . " FROM timetable t JOIN `groups` g ON g.id = t.group_id JOIN subject s ON s.id = t.subject_id"
    . " JOIN person p ON p.id = t.teacher_id WHERE g.class_id = $C->{id} AND g.kind = 'class'"
    . " AND t.weekday = 1 ORDER BY t.number LIMIT 1");
my ($subj, $teacher, $room, $num) = @$L;
my $E = class_by_name('6 А');
my ($O) = sql("SELECT CONCAT_WS(' ', p.last_name, p.first_name, NULLIF(p.middle_name, '')), t.number, s.name"
    . " FROM timetable t JOIN `groups` g ON g.id = t.group_id JOIN person p ON p.id = t.teacher_id"
    . " JOIN subject s ON s.id = t.subject_id"
    . " WHERE g.class_id = $E->{id} AND g.kind = 'class' AND t.weekday = 2 ORDER BY t.number LIMIT 1");
my ($busy_teacher, $busy_num, $busy_subj) = @$O;
my ($short_last, $fi, $mi) = $teacher =~ /^(\S+) (\S)\S* (\S)/;
# A teacher with no load at all in 5 А's subject... any teacher with no
# assignment of that subject.
my $noload = sql_value("SELECT CONCAT_WS(' ', p.last_name, p.first_name, NULLIF(p.middle_name, ''))"
    . " FROM person p JOIN staff sf ON sf.person_id = p.id JOIN account a ON a.person_id = p.id"
    . " JOIN account_role r ON r.account_id = a.id AND r.role = 'teacher'"
    . " WHERE p.id NOT IN (SELECT teacher_id FROM timetable WHERE weekday = 6 AND number = 8)"
    . " AND p.id NOT IN (SELECT teacher_id FROM assignment WHERE subject_id = (SELECT id FROM subject WHERE name = "
    . sq($subj) . ")) ORDER BY p.id LIMIT 1");

my @lines = (
	'Класс,День недели,Номер урока,Предмет,Учитель,Кабинет',
	"5А,пн,$num,$subj,$short_last $fi.$mi.,$room",		# 2: fine (short name)
	"12Я,пн,2,$subj,$teacher,1",				# 3: no class
	"5 А,вс,3,$subj,$teacher,1",				# 4: no Sunday
	"5 А,вт,1,Алхимия,$teacher,1",				# 5: no subject
	"5 А,вт,2,$subj,Пушкин А.С.,1",				# 6: no teacher
	"5 Б,пн,$num,$subj,$teacher,t87",			# 7: same teacher as line 2
	"5 А,вт,$busy_num,$busy_subj,$busy_teacher,t87b",	# 8: teaches 6 А then
	"5 А,сб,8,$subj,$noload,t87c",				# 9: no load: a warning
);
my $bad = Encode::encode('cp1251', join("\r\n", @lines) . "\r\n");
my $before = $rows->();
my $r = upload($mgmt, $bad, action => 'preview', valid_from => '2026-12-07');
status_is($r, 200, 'preview of a file with broken rows');
my $text = page_text($r->text);
like($text, qr/Кодировка Windows-1251/, 'read as Windows-1251');
like($text, qr/Строк с ошибками: 6/, 'six rows with errors');
like($text, qr/Строка 3: нет класса или группы «12Я»/, 'unknown class');
like($text, qr/Строка 4: день недели «вс» не понят/, 'bad weekday');
like($text, qr/Строка 5: нет предмета «Алхимия»/, 'unknown subject');
like($text, qr/Строка 6: нет учителя «Пушкин А\.С\.»/, 'unknown teacher');
like($text, qr/Строка 7: учитель \Q$teacher\E уже ведёт урок в понедельник, $num-й урок \(строка 2\)/,
    'a conflict inside the file, naming the other line');
like($text, qr/Строка 8: учитель \Q$busy_teacher\E уже ведёт урок группы «6 А» в расписании/,
    'a conflict with the timetable that stays');
like($text, qr/Строка 9: \Q$noload\E не ведёт «\Q$subj\E» в классе 5 А по нагрузке/,
    'a teacher with no load: a warning');
unlike($text, qr/Строка 9: [^П]*;/, 'which is no error');
unlike($text, qr/Строка 2:/, 'the short form of a name is understood');
is($rows->(), $before, 'the preview writes nothing');
# No commit form is offered with errors; post the file's own checksum.
unlike($r->text, qr/name="checksum"/, 'no commit form with errors');
my $sum = Digest::SHA::sha256_hex($bad);
$r = upload($mgmt, $bad, action => 'commit', valid_from => '2026-12-07', checksum => $sum);
status_is($r, 400, 'committing a file with errors: 400');
like(page_text($r->text), qr/Ничего не загружено/, 'says nothing was loaded');
is($rows->(), $before, 'and nothing was');
is(sql_value("SELECT COUNT(*) FROM timetable WHERE valid_to = '2026-12-06'"), 0, 'nothing was ended either');

# A checksum of another file is refused.
$r = upload($mgmt, Encode::encode('UTF-8', "$lines[0]\n$lines[1]\n"), action => 'commit',
    valid_from => '2026-12-07', checksum => $sum);
status_is($r, 400, 'a file other than the one previewed: 400');

# ------------------------------------------------------------ whole school
# The demo's timetable as a tool would export it: the class (or, for a
# stream and an individual group, the group), the subgroup in its column.
my @tt = sql("SELECT CONCAT(c.grade, c.letter), g.kind, g.name, t.weekday, t.number, s.name,"
    . " CONCAT_WS(' ', p.last_name, p.first_name, NULLIF(p.middle_name, '')), t.room"
    . " FROM timetable t JOIN `groups` g ON g.id = t.group_id JOIN subject s ON s.id = t.subject_id"
    . " JOIN person p ON p.id = t.teacher_id LEFT JOIN class c ON c.id = g.class_id"
    . " WHERE '2026-11-30' BETWEEN t.valid_from AND t.valid_to ORDER BY t.id");
my @days = qw(- пн вт ср чт пт сб);
my $csv = "Класс;День недели;Номер урока;Предмет;Учитель;Кабинет;Группа\n";
for my $t (@tt) {
	my ($cls, $kind, $gname, $wd, $n, $s, $te, $rm) = @$t;
	my $first = $kind eq 'stream' || $kind eq 'individual' ? $gname : $cls;
	my $grp = $kind eq 'subgroup' ? $gname : '';
	$csv .= join(';', $first, $days[$wd], $n, $s, $te, $rm, $grp) . "\n";
}
my $bytes = Encode::encode('UTF-8', $csv);
my $n = scalar @tt;
ok($n > 700, "the whole school's timetable: $n lessons a week");
my $t0 = Time::HiRes::time();
$r = upload($mgmt, $bytes, action => 'preview', valid_from => '2026-11-30');
my $t_preview = Time::HiRes::time() - $t0;
status_is($r, 200, 'its preview');
$text = page_text($r->text);
unlike($text, qr/Строк с ошибками/, 'no errors') or diag(join "\n", ($r->text =~ /<li>(Строка[^<]*)/g)[0 .. 9]);
like($text, qr/Уроков в файле $n /, 'every lesson read');
$t0 = Time::HiRes::time();
$r = upload($mgmt, $bytes, action => 'commit', valid_from => '2026-11-30', checksum => checksum_of($r->text));
my $t_commit = Time::HiRes::time() - $t0;
status_is($r, 200, 'the commit');
like(page_text($r->text), qr/Загружено Уроков в неделю: $n ?, классов: 27/, 'reports what was loaded');
my ($secs) = page_text($r->text) =~ /Время обработки: ([\d.]+) с/;
diag(sprintf('whole-school timetable import, %d lessons: preview %.2f s, commit %.2f s over HTTP'
    . ' (server check + write %s s)', $n, $t_preview, $t_commit, $secs // '?'));
is(sql_value("SELECT COUNT(*) FROM timetable WHERE id > $tmax AND valid_from = '2026-11-30'"
    . " AND valid_to = '2027-05-31'"), $n, 'every lesson is in, from that date to the end of the year');
is(sql_value("SELECT COUNT(*) FROM timetable WHERE id <= $tmax AND valid_to = '2026-11-29'"), $n,
    'the old rows end the day before');
is(sql_value("SELECT COUNT(*) FROM timetable t1 JOIN timetable t2 ON t2.id > $tmax"
    . " AND t1.id <= $tmax AND t1.group_id = t2.group_id AND t1.subject_id = t2.subject_id"
    . " AND t1.teacher_id = t2.teacher_id AND t1.weekday = t2.weekday AND t1.number = t2.number"
    . " AND t1.room = t2.room"), $n, 'each new row matches an old one (groups resolved right)');
is(scalar(() = sql('SELECT id FROM timetable_change')), scalar @changes,
    'the changes of the week before stay');
my $w = $mgmt->get("/week?class=$C->{id}&date=2026-11-30");
my $w0 = $mgmt->get("/week?class=$C->{id}&date=2026-11-23");
my @new = $w->text =~ /class="lesson /g;
my @old = $w0->text =~ /class="lesson /g;
is(scalar @new, scalar(@old), "5 А's week from the date has as many lessons as before");
ok((grep { $_ > $tmax } ($w->text =~ /data-tt="(\d+)"/g)) == @new, 'all of them the imported rows');

# ------------------------------------------------------------ roles
for my $role (qw(teacher inspector secretary)) {
	my $a = account_of_role($role);
	my $c = login($a->{login}, $a->{password});
	status_is($c->get('/ttimport'), 403, "$role may not import a timetable");
}
my $ad = account_of_role('admin');
status_is(login($ad->{login}, $ad->{password})->get('/ttimport'), 200, 'the administrator may');

done_testing();
