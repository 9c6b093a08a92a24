#!/usr/bin/perl
# Forms of work (R19, R20): /workkinds lists the school's kinds with their
# weights; the administrator creates, edits, archives and deletes (only a
# kind no lesson uses: 409 otherwise); the management reads; every other
# role gets 403.  Bad input is refused with a Russian message and nothing
# is written; every change is audited old → new.
#
# Restores: the kinds it made or changed, its fixture lesson.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my %READ = (admin => 1, management => 1);
my %WRITE = (admin => 1);
my $admin = account_of_role('admin');
my $SCHOOL = sql_value('SELECT school_id FROM account WHERE login = ' . sq($admin->{login}));
my $max_kind = sql_value('SELECT COALESCE(MAX(id), 0) FROM work_kind');
my @kinds = sql("SELECT id, name, short_name, weight, needs_topic, is_test, sort, is_archived"
    . " FROM work_kind WHERE school_id = $SCHOOL");
ok(@kinds >= 10, 'the school starts with the built-in forms of work (' . scalar(@kinds) . ')');
my %made;

END {
	if (var_dir() && base_url()) {
		eval {
			if ($made{lesson}) {
				sql("DELETE FROM lesson_work WHERE lesson_id = $made{lesson}");
				sql("DELETE FROM lesson WHERE id = $made{lesson}");
			}
			sql("DELETE FROM work_kind WHERE id > $max_kind");
			for my $k (@kinds) {
				my ($id, $n, $s, $w, $t, $x, $o, $a) = @$k;
				sql('UPDATE work_kind SET name = ' . sq($n) . ', short_name = ' . sq($s)
				    . ", weight = $w, needs_topic = $t, is_test = $x, sort = $o,"
				    . " is_archived = $a WHERE id = $id");
			}
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

my %client;
sub as {
	my ($label, $acc) = @_;
	return $client{$label} //= do {
		my $c = login($acc->{login}, $acc->{password});
		ok($c->{logged_in}, "log in as $label ($acc->{login})") or diag res_diag($c->{login_res});
		$c;
	};
}
sub post {
	my ($c, @pairs) = @_;
	return $c->post_form('/workkinds', [@pairs, csrf => $c->session_csrf // '']);
}
sub audits { sql_value('SELECT COUNT(*) FROM audit WHERE action = ' . sq($_[0])) }

# ------------------------------------------------------------ roles
for my $role (ROLES) {
	my $acc = account_of_role($role) or next;
	my @roles = account_roles($acc->{login});
	my $read = grep { $READ{$_} } @roles;
	my $write = grep { $WRITE{$_} } @roles;
	my $c = as($role, $acc);
	my $r = $c->get('/workkinds');
	status_is($r, $read ? 200 : 403, "GET /workkinds as $role → " . ($read ? 200 : 403));
	if ($read) {
		russian_html_ok($r, "/workkinds as $role");
		no_inline_script_ok($r, "/workkinds as $role");
		my $forms = () = $r->text =~ m{<form method="post" action="/workkinds"}g;
		ok($write ? $forms > 0 : $forms == 0, "... $role " . ($write ? 'sees' : 'does not see') . ' the form');
	}
	next if $write;
	status_is(post($c, action => 'create', name => "Запрещённая $$", short_name => 'зап', weight => '1'),
	    403, "POST /workkinds as $role → 403");
}
is(sql_value("SELECT COUNT(*) FROM work_kind WHERE name = 'Запрещённая $$'"), 0, 'no refused POST made a kind');

my $ca = as('admin', $admin);
{
	my $t = page_text($ca->get('/workkinds')->text);
	like($t, qr/Контрольная работа к\/р 2,0 требует да/, 'the list shows a kind with its short name, weight, topic and test flags');
}

# ------------------------------------------------------------ validation
my $before = sql_value("SELECT COUNT(*) FROM work_kind WHERE school_id = $SCHOOL");
my $aud = audits('work_kind_create');
for my $case (
	[ 'no name', [ short_name => 'x', weight => '1' ], qr/Укажите название формы работы/ ],
	[ 'no short name', [ name => "Без сокращения $$", weight => '1' ], qr/Укажите сокращение/ ],
	[ 'a long short name', [ name => "Длинная $$", short_name => 'очень длинное сокр', weight => '1' ],
	    qr/Сокращение: не длиннее 12/ ],
	[ 'weight 0', [ name => "Нулевая $$", short_name => 'нуль', weight => '0' ], qr/Вес: число от 0,1 до 10/ ],
	[ 'weight 11', [ name => "Тяжёлая $$", short_name => 'тяж', weight => '11' ], qr/Вес: число от 0,1 до 10/ ],
	[ 'weight 1,55', [ name => "Точная $$", short_name => 'точн', weight => '1,55' ], qr/Вес: число от 0,1 до 10/ ],
	[ 'weight abc', [ name => "Буквы $$", short_name => 'букв', weight => 'abc' ], qr/Вес: число от 0,1 до 10/ ],
	[ 'sort -1', [ name => "Порядок $$", short_name => 'пор', weight => '1', sort => '-1' ], qr/Порядок: целое число/ ],
	[ 'a taken name', [ name => 'Диктант', short_name => 'д2', weight => '1' ], qr/с таким названием в школе уже есть/ ],
) {
	my ($label, $pairs, $re) = @$case;
	my $r = post($ca, action => 'create', @$pairs);
	status_is($r, 400, "create with $label → 400");
	like(page_text($r->text), $re, "... with the message");
}
is(sql_value("SELECT COUNT(*) FROM work_kind WHERE school_id = $SCHOOL"), $before, 'no refused create wrote a kind');
is(audits('work_kind_create'), $aud, '... nor an audit row');

# ------------------------------------------------------------ create, edit
my $r = post($ca, action => 'create', name => "Устный зачёт $$", short_name => 'у/з', weight => '1,5',
    needs_topic => 1, is_test => 1, sort => 125);
redirects_to($r, qr{^/workkinds$}, 'create a kind → 303 to the list');
my ($id, $w, $nt, $it, $so, $ar) = @{ (sql("SELECT id, weight, needs_topic, is_test, sort, is_archived"
    . " FROM work_kind WHERE school_id = $SCHOOL AND name = 'Устный зачёт $$'"))[0] // [] };
ok($id, "the kind is stored ($id)");
is_deeply([ $w, $nt, $it, $so, $ar ], [ '1.5', 1, 1, 125, 0 ], '... weight 1,5 → 1.5, with topic, a test, order 125');
is(audits('work_kind_create'), $aud + 1, '... audited');
like(page_text($ca->get('/workkinds')->text), qr/Устный зачёт $$ у\/з 1,5 требует да 125 0/, '... and listed');

my $upd = audits('work_kind_update');
$r = post($ca, action => 'update', id => $id, name => "Устный зачёт $$", short_name => 'уз', weight => '2',
    sort => 125, archived => 1);
redirects_to($r, qr{^/workkinds$}, 'edit and archive the kind → 303');
is_deeply([ @{ (sql("SELECT short_name, weight, needs_topic, is_test, is_archived FROM work_kind WHERE id = $id"))[0] } ],
    [ 'уз', '2.0', 0, 0, 1 ], '... stored: new short name and weight, flags off, archived');
is(audits('work_kind_update'), $upd + 1, '... one audit row');
like(sql_value("SELECT CONCAT(old_value, ' → ', new_value) FROM audit WHERE action = 'work_kind_update'"
    . " AND object_id = $id ORDER BY id DESC LIMIT 1"), qr/у\/з; вес 1\.5; с темой; контрольная.*→.*уз; вес 2\.0.*в архиве/,
    '... old → new');
$r = post($ca, action => 'update', id => $id, name => "Устный зачёт $$", short_name => 'уз', weight => '2',
    sort => 125, archived => 1);
is(audits('work_kind_update'), $upd + 1, 'saving it unchanged writes no audit row');
$r = post($ca, action => 'update', id => $id, name => 'Диктант', short_name => 'уз', weight => '2');
status_is($r, 400, 'renaming it to a taken name → 400');
like(page_text($r->text), qr/с таким названием в школе уже есть/, '... with the message');
status_is(post($ca, action => 'update', id => 4294967295, name => 'x', short_name => 'x', weight => '1'), 404,
    'editing a kind that does not exist → 404');
my $other = sql_value("SELECT MIN(id) FROM work_kind WHERE school_id <> $SCHOOL");
if ($other) {
	status_is(post($ca, action => 'update', id => $other, name => 'x', short_name => 'x', weight => '1'), 404,
	    "another school's kind → 404");
}
my $mg = as('management', account_of_role('management'));
like(page_text($mg->get("/workkinds?id=$id")->text), qr/вес 2,0; в архиве/, 'the management reads one kind');
status_is(post($mg, action => 'update', id => $id, name => 'x', short_name => 'x', weight => '1'), 403,
    '... but may not change it');

# ------------------------------------------------------------ delete
my $del = audits('work_kind_delete');
my $acc = account_of_role('class_teacher');
my ($group, $subject, $teacher, $year) = @{ (sql("SELECT a.group_id, a.subject_id, a.teacher_id, a.year_id"
    . " FROM assignment a WHERE a.school_id = $SCHOOL LIMIT 1"))[0] };
sql("INSERT INTO lesson (school_id, year_id, group_id, subject_id, teacher_id, on_date, topic)"
    . " VALUES ($SCHOOL, $year, $group, $subject, $teacher, '2027-05-20', 'Фикстура 86-workkinds')");
$made{lesson} = sql_value("SELECT MAX(id) FROM lesson WHERE topic = 'Фикстура 86-workkinds'");
sql("INSERT INTO lesson_work (lesson_id, work_kind_id) VALUES ($made{lesson}, $id)");
unlike($ca->get("/workkinds?id=$id")->text, qr/name="action" value="delete"/, 'a used kind shows no delete button');
$r = post($ca, action => 'delete', id => $id);
status_is($r, 409, 'deleting a kind a lesson uses → 409');
like(page_text($r->text), qr/её нельзя удалить, только отправить в архив/, '... with the message');
is(sql_value("SELECT COUNT(*) FROM work_kind WHERE id = $id"), 1, '... and it stays');
sql("DELETE FROM lesson_work WHERE lesson_id = $made{lesson}");
like($ca->get("/workkinds?id=$id")->text, qr/name="action" value="delete"/, 'unused again, it shows the delete button');
redirects_to(post($ca, action => 'delete', id => $id), qr{^/workkinds$}, 'deleting an unused kind → 303');
is(sql_value("SELECT COUNT(*) FROM work_kind WHERE id = $id"), 0, '... it is gone');
is(audits('work_kind_delete'), $del + 1, '... audited');

done_testing();
