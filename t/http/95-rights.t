#!/usr/bin/perl
# Rights (R2, R5): the administrator widens or narrows a screen for a role
# or one user, optionally until a date; the inspector never writes; nobody
# can lock the administrators out of /rights.  Every rule is audited.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
my $school = sql_value('SELECT MIN(id) FROM school');
END {
	if (var_dir() && base_url()) {
		eval { sql("DELETE FROM access_rule WHERE reason LIKE 'jtest%'") };
		eval { clear_attempts() };
	}
}
clear_attempts();
sql("DELETE FROM access_rule WHERE reason LIKE 'jtest%'");

my $admin = login_ok(account_of_role('admin')->{login},
    account_of_role('admin')->{password}, 'the administrator logs in');
my $teacher_acc = account_of_role('teacher');
my $teacher = login_ok($teacher_acc->{login}, $teacher_acc->{password},
    'a subject teacher logs in');
my $class_id = sql_value('SELECT MIN(id) FROM class');

# Post a rule form as the administrator; returns the response.
sub add_rule {
	my (%f) = @_;
	my $page = $admin->get('/rights');
	my $csrf = csrf_of($page->text);
	return $admin->post_form('/rights', [ csrf => $csrf, action => 'add',
	    reason => 'jtest', %f ]);
}
sub rule_id {
	my ($where) = @_;
	return sql_value("SELECT MAX(id) FROM access_rule WHERE reason LIKE 'jtest%' AND $where");
}
sub delete_rule {
	my ($id) = @_;
	my $csrf = csrf_of($admin->get('/rights')->text);
	return $admin->post_form('/rights', [ csrf => $csrf, action => 'delete', rule => $id ]);
}

# ---------------------------------------------------------------- the page
{
	my $r = $admin->get('/rights');
	status_is($r, 200, '/rights opens for the administrator');
	like($r->text, qr/Права ролей по умолчанию/, 'it shows the defaults');
	like($r->text, qr{/slips}, 'the matrix lists the screens');
	status_is($teacher->get('/rights'), 403, 'a teacher may not open /rights');
}

# ---------------------------------------------------------------- a role widened
status_is($teacher->get('/classes'), 403, 'by default a teacher cannot open /classes');
redirects_to(add_rule(screen => 'classes', role => 'teacher', mode => 'read'),
    qr{^/rights$}, 'open /classes to teachers');
my $audits = sql_value("SELECT COUNT(*) FROM audit WHERE action = 'access_rule_add'");
ok($audits >= 1, 'the rule is audited');
status_is($teacher->get('/classes'), 200, 'now a teacher opens /classes');
status_is($teacher->get("/class?id=$class_id"), 403,
    '... but not /class: a rule opens one screen');
redirects_to(add_rule(screen => 'class', role => 'teacher', mode => 'read'),
    qr{^/rights$}, 'open /class to teachers too');
status_is($teacher->get("/class?id=$class_id"), 200,
    'a granted screen passes the object check like a school-wide role');
{
	my $csrf = csrf_of($teacher->get('/classes')->text);
	my $slips = $teacher->post_form('/consent', [ csrf => $csrf, guardian => 1,
	    class => $class_id, status => 'consent', signed_on => '2026-09-01' ]);
	status_is($slips, 403, 'reading rights do not let the teacher record consent');
}
for my $id (rule_id("screen IN ('classes')"), rule_id("screen = 'class'")) {
	redirects_to(delete_rule($id), qr{^/rights$}, "delete rule $id");
}
status_is($teacher->get('/classes'), 403, 'rules deleted: the default is back');
ok(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'access_rule_delete'") >= 2,
    'deletions are audited');

# ---------------------------------------------------------------- one user narrowed
my @medics = accounts_of_role('medic');
my $medic = login_ok($medics[0]{login}, $medics[0]{password}, 'a medic logs in');
status_is($medic->get('/classes'), 200, 'a medic opens /classes by default');
redirects_to(add_rule(screen => 'classes', login => $medics[0]{login}, mode => 'deny'),
    qr{^/rights$}, 'close /classes to this medic');
status_is($medic->get('/classes'), 403, 'closed for this user');
my $deny_id = rule_id("screen = 'classes' AND mode = 'deny'");
# The same rule, expired yesterday, no longer applies.
sql("UPDATE access_rule SET expires_on = CURDATE() - INTERVAL 1 DAY WHERE id = $deny_id");
status_is($medic->get('/classes'), 200, 'an expired rule no longer applies');
sql("UPDATE access_rule SET expires_on = CURDATE() WHERE id = $deny_id");
status_is($medic->get('/classes'), 403, 'a rule applies through its last day');
like($admin->get('/rights')->text, qr/\Q$medics[0]{login}\E/,
    'the rule is listed with the login');
delete_rule($deny_id);
status_is($medic->get('/classes'), 200, 'deleted: open again');

# ---------------------------------------------------------------- temporary write for one user
{
	my $ct = account_of_role('class_teacher');
	my $ctc = login_ok($ct->{login}, $ct->{password}, 'a class teacher logs in');
	my ($own) = map { $_->[0] } sql('SELECT c.id FROM class c JOIN account a'
	    . ' ON a.person_id = c.teacher_id WHERE a.login = ' . sq($ct->{login}));
	status_is($ctc->get("/slips?class=$own"), 200, 'a class teacher issues logins for their class');
	redirects_to(add_rule(screen => 'slips', role => 'class_teacher', mode => 'deny'),
	    qr{^/rights$}, 'close /slips to class teachers');
	status_is($ctc->get("/slips?class=$own"), 403, 'closed for the role');
	my $tomorrow = sql_value('SELECT CURDATE() + INTERVAL 1 DAY');
	redirects_to(add_rule(screen => 'slips', login => $ct->{login}, mode => 'write',
	    expires_on => $tomorrow), qr{^/rights$},
	    'open it again to this one class teacher until tomorrow');
	status_is($ctc->get("/slips?class=$own"), 200, 'a rule on the account beats the role rule');
	delete_rule(rule_id("screen = 'slips' AND mode = 'write'"));
	delete_rule(rule_id("screen = 'slips' AND mode = 'deny'"));
	status_is($ctc->get("/slips?class=$own"), 200, 'defaults back');
}

# ---------------------------------------------------------------- refusals
my $before = sql_value("SELECT COUNT(*) FROM access_rule");
my @bad = (
	[ { screen => 'nosuch', role => 'teacher', mode => 'read' }, qr/Выберите раздел/, 'unknown screen' ],
	[ { screen => 'login', role => 'teacher', mode => 'read' }, qr/Выберите раздел/, 'a public screen' ],
	[ { screen => 'classes', mode => 'read' }, qr/либо роль, либо логин/, 'no target' ],
	[ { screen => 'classes', role => 'teacher', login => $teacher_acc->{login}, mode => 'read' },
	    qr/либо роль, либо логин/, 'both targets' ],
	[ { screen => 'classes', login => 'no.such.user', mode => 'read' }, qr/нет пользователя/, 'unknown login' ],
	[ { screen => 'classes', role => 'teacher', mode => 'all' }, qr/Выберите, что сделать/, 'bad mode' ],
	[ { screen => 'consent', role => 'inspector', mode => 'write' }, qr/только\s+на чтение/, 'write for the inspector role' ],
	[ { screen => 'consent', login => account_of_role('inspector')->{login}, mode => 'write' },
	    qr/только\s+на чтение/, 'write for an inspector account' ],
	[ { screen => 'rights', role => 'admin', mode => 'deny' }, qr/Нельзя закрыть/, 'locking the administrators out' ],
	[ { screen => 'classes', role => 'teacher', mode => 'read', expires_on => '2020-01-01' },
	    qr/Срок уже прошёл/, 'an expiry in the past' ],
	[ { screen => 'classes', role => 'teacher', mode => 'read', expires_on => '2026-02-30' },
	    qr/Такой даты нет|ГГГГ-ММ-ДД/, 'an impossible date' ],
);
for my $b (@bad) {
	my ($f, $re, $what) = @$b;
	my $r = add_rule(%$f);
	status_is($r, 400, "refused: $what");
	like($r->text, $re, "... with a Russian message ($what)");
}
{
	my $page = $admin->get('/rights');
	my $r = $admin->post_form('/rights', [ csrf => csrf_of($page->text), action => 'add',
	    screen => 'classes', role => 'teacher', mode => 'read' ]);
	status_is($r, 400, 'refused: no reason');
	like($r->text, qr/Укажите основание/, '... asking for the reason');
	$r = $admin->post_form('/rights', [ action => 'add', screen => 'classes',
	    role => 'teacher', mode => 'read', reason => 'jtest' ]);
	status_is($r, 403, 'refused: no CSRF token');
	$r = $admin->post_form('/rights', [ csrf => csrf_of($page->text), action => 'delete', rule => 99999999 ]);
	status_is($r, 404, 'deleting a rule that does not exist → 404');
}
is(sql_value("SELECT COUNT(*) FROM access_rule"), $before, 'no refused rule was written');

# The inspector may read /classes; a write rule for the inspector role
# written straight into the table still does not let them write.
{
	my $insp = account_of_role('inspector');
	my $ic = login_ok($insp->{login}, $insp->{password}, 'the inspector logs in');
	sql("INSERT INTO access_rule (school_id, screen, role, mode, reason) VALUES"
	    . " ($school, 'consent', 'inspector', 'write', 'jtest forced')");
	my $csrf = csrf_of($ic->get('/classes')->text);
	my $r = $ic->post_form('/consent', [ csrf => $csrf, guardian => 1,
	    class => $class_id, status => 'consent', signed_on => '2026-09-01' ]);
	status_is($r, 403, 'the inspector never writes, whatever the rules say');
}

# A rule that opens /import to a role lets it import: /import keeps no
# role list of its own that would ignore the administrator's rules.
{
	my $m = account_of_role('management');
	my $mc = login_ok($m->{login}, $m->{password}, 'the deputy logs in');
	my $post = sub {
		my $csrf = csrf_of($mc->get('/home')->text);
		return $mc->post_raw('/import', multipart([ csrf => $csrf ], [ action => 'preview' ],
		    [ kind => 'staff' ], [ file => "Фамилия;Имя;Должность\nИванов;Иван;учитель\n", 'staff.csv' ]));
	};
	status_is($post->(), 403, 'by default the deputy may not import');
	redirects_to(add_rule(screen => 'import', role => 'management', mode => 'write'),
	    qr{^/rights$}, 'open /import to the administration');
	my $r = $post->();
	status_is($r, 200, 'now the deputy previews a staff file');
	like($r->text, qr/Предварительная проверка|Строк|Ошибок/, '... and sees the preview');
	redirects_to(delete_rule(rule_id("screen = 'import'")), qr{^/rights$}, 'the rule deleted');
	status_is($post->(), 403, 'and the deputy may not import again');
}

done_testing();
