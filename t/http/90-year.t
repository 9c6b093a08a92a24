#!/usr/bin/perl
# The school year (R12, R15): /years lists the school's years and creates,
# closes and reopens them; /year?id= shows one year's periods (a table per
# grade range), holidays and bells, with the coverage check as warnings,
# and changes them.  Who may see and change, the objects (a year of another
# school is not found), validation with Russian messages, overlapping
# periods refused, a gap warning that goes when the missing holidays are
# added, a closed year refusing changes with 409, and the audit rows.
#
# The demo year is only read.  The changes go to a year the test creates
# (2098/2099) and to a year of a second school it creates; both are removed
# at the end, with everything attached to them.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my $NEW = '2098/2099';
my $LOGIN_RE = qr{^/login(?:[?#]|$)};

my $admin = (accounts())[0];
my $school = sql_value('SELECT school_id FROM account WHERE login = ' . sq($admin->{login}));
my $Y = sql_value("SELECT id FROM year WHERE school_id = $school AND name = '2026/2027'");
ok($Y, "the demo year 2026/2027 (id $Y)") or BAIL_OUT('no demo year');
BAIL_OUT("$NEW exists already: a run of this test did not clean up")
    if sql_value("SELECT COUNT(*) FROM year WHERE name = " . sq($NEW));

# A second school with a year of its own, for the object checks.
sql("INSERT INTO school (name, short_name) VALUES ('Школа для проверки 90-year', 'Школа 90')");
my $other_school = sql_value("SELECT MAX(id) FROM school");
sql("INSERT INTO year (school_id, name, starts_on, ends_on) VALUES ($other_school, '2026/2027', '2026-09-01', '2027-05-31')");
my $OTHER = sql_value("SELECT id FROM year WHERE school_id = $other_school");

my $N;		# the year this test creates
END {
	if (var_dir() && base_url()) {
		eval {
			my @years = grep { defined } ($OTHER, $N,
			    sql_value("SELECT id FROM year WHERE name = " . sq($NEW)));
			for my $id (@years) {
				sql("DELETE FROM $_ WHERE year_id = $id") for qw(bell holiday period);
				sql("DELETE FROM year WHERE id = $id");
			}
			drop_school($other_school) if $other_school;
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
my $ca = as('admin', $admin);
my $cm = as('management', account_of_role('management'));
my $ci = as('inspector', account_of_role('inspector'));

my $audits = sub {
	my ($action, $type, $id) = @_;
	return sql_value("SELECT COUNT(*) FROM audit WHERE action = " . sq($action)
	    . " AND object_type = " . sq($type) . " AND object_id = " . int($id));
};
my $years_form = qr{<form\b[^>]*\baction="/years"}i;
my $year_form = qr{<form\b[^>]*\baction="/year"}i;

# ------------------------------------------------------------ who may look
{
	my $r = $ca->get('/years');
	status_is($r, 200, 'GET /years as the admin');
	security_headers_ok($r, '/years');
	russian_html_ok($r, '/years');
	no_inline_script_ok($r, '/years');
	my $t = page_text($r->text);
	like($t, qr/2026\/2027 01\.09\.2026 31\.05\.2027 \d+ открыт/, '... the demo year, its dates, open');
	like($r->text, qr{href="/year\?id=$Y"}, '... linked to /year');
	like($r->text, $years_form, '... the forms for the admin');
	like($cm->get('/years')->text, $years_form, '/years for management has the forms too');
	$r = $ci->get('/years');
	status_is($r, 200, 'GET /years as the inspector → 200');
	like(page_text($r->text), qr/2026\/2027/, '... sees the year');
	unlike($r->text, $years_form, '... without a form');
}
{
	my $r = $ca->get("/year?id=$Y");
	status_is($r, 200, "GET /year?id=$Y as the admin");
	security_headers_ok($r, '/year');
	russian_html_ok($r, '/year');
	no_inline_script_ok($r, '/year');
	my $t = page_text($r->text);
	like($t, qr/1–9 классы № Период Вид Начало Окончание 1 1 четверть четверть 01\.09\.2026 24\.10\.2026/,
	    'the demo quarters in a table of 1–9 классы');
	like($t, qr/10–11 классы .*1 полугодие полугодие 01\.09\.2026 28\.12\.2026/, '... half-years of 10–11 классы');
	like($t, qr/Дополнительные каникулы для первоклассников 1 класс 16\.02\.2027 22\.02\.2027 7/,
	    'the February holidays of the first grade');
	like($t, qr/Каждый день года у каждого класса/, 'the demo calendar has no gaps');
	unlike($r->text, qr/class="warning"/, '... and no warning');
	my @st = inputs_of($r->text, 'starts_at');
	is(scalar(@st), 20, 'the bell form: 10 lessons for each of 2 shifts');
	is(join(' ', map { $_->{value} // '' } @st[0 .. 7]),
	    '08:30 09:25 10:30 11:35 12:30 13:25 14:20 ', '... the demo bells of shift 1');
	like($r->text, $year_form, '... the forms for the admin');

	$r = $ci->get("/year?id=$Y");
	status_is($r, 200, "GET /year?id=$Y as the inspector → 200");
	unlike($r->text, $year_form, '... without a form');
	like(page_text($r->text), qr/1 08:30 09:15 2 09:25 10:10/, '... the bell times as text');
	like(page_text($r->text), qr/1 четверть/, '... and the periods');
}
for my $role (qw(teacher secretary parent student)) {
	my $acc = account_of_role($role) or next;
	next if grep { /^(?:admin|management|inspector)$/ } account_roles($acc->{login});
	status_is(as($role, $acc)->get("/year?id=$Y"), 403, "GET /year?id=$Y as $role → 403");
}
redirects_to(client()->get("/year?id=$Y"), $LOGIN_RE, 'GET /year without a session → /login');
for my $q ('', '?id=abc', '?id=0') {
	my $r = $ca->get("/year$q");
	status_is($r, 400, "GET /year$q → 400");
	russian_html_ok($r, "/year$q");
}
status_is($ca->get('/year?id=999999'), 404, 'an unknown year → 404');
status_is($ca->get("/year?id=$OTHER"), 404, "a year of another school (id $OTHER) → 404");
status_is($ci->get("/year?id=$OTHER"), 404, '... for the inspector too');
unlike(page_text($ca->get('/years')->text), qr/Школа 90/, "/years does not list the other school's year");
{
	my $r = $ca->post_form('/year', [id => $OTHER, action => 'holiday_add', name => 'Чужие каникулы',
	    starts_on => '2026-10-26', ends_on => '2026-10-30', csrf => $ca->session_csrf]);
	status_is($r, 404, "POST to a year of another school → 404");
	$r = $ca->post_form('/years', [id => $OTHER, action => 'close', csrf => $ca->session_csrf]);
	status_is($r, 404, "closing a year of another school → 404");
	is(sql_value("SELECT COUNT(*) FROM holiday WHERE year_id = $OTHER"), 0, '... nothing added');
	is(sql_value("SELECT is_open FROM year WHERE id = $OTHER"), 1, '... nor closed');
}

# ------------------------------------------------------------ who may write
{
	my $n = sql_value('SELECT COUNT(*) FROM year');
	my @create = (action => 'create', name => $NEW, starts_on => '2098-09-01', ends_on => '2099-05-31');
	status_is($ci->post_form('/years', [@create, csrf => $ci->session_csrf]), 403,
	    'POST /years as the inspector (valid csrf) → 403');
	status_is($ci->post_form('/year', [id => $Y, action => 'holiday_add', name => 'X',
	    starts_on => '2026-10-26', ends_on => '2026-10-27', csrf => $ci->session_csrf]), 403,
	    'POST /year as the inspector → 403');
	status_is($ci->post_form('/years', [id => $Y, action => 'close', csrf => $ci->session_csrf]), 403,
	    'closing a year as the inspector → 403');
	status_is($ca->post_form('/years', [@create]), 403, 'POST /years without csrf → 403');
	status_is($ca->post_form('/years', [@create, csrf => $cm->session_csrf]), 403,
	    "POST /years with another session's csrf → 403");
	redirects_to(client()->post_form('/years', [@create]), $LOGIN_RE, 'POST /years without a session → /login');
	is(sql_value('SELECT COUNT(*) FROM year'), $n, 'none of them created a year');
	is(sql_value("SELECT is_open FROM year WHERE id = $Y"), 1, '... or closed the demo year');
}

# ------------------------------------------------------------ creating a year
{
	my $csrf = $ca->session_csrf;
	my @cases = (
		[ 'not consecutive years', [name => '2098/2100'], qr/два года подряд/ ],
		[ 'a dash for the slash', [name => '2098-2099'], qr/два года подряд/ ],
		[ 'no name', [name => ''], qr/Укажите учебный год/ ],
		[ 'a start in July', [starts_on => '2098-07-01'], qr/начинается в августе или сентябре 2098 года/ ],
		[ 'an end a year late', [ends_on => '2100-05-31'], qr/заканчивается в мае–августе 2099 года/ ],
		[ 'an impossible date', [ends_on => '2099-02-30'], qr/\p{Cyrillic}/ ],
		[ 'no end', [ends_on => ''], qr/Укажите дату окончания/ ],
	);
	for my $case (@cases) {
		my ($what, $chg, $msg) = @$case;
		my %f = (action => 'create', name => $NEW, starts_on => '2098-09-01', ends_on => '2099-05-31', @$chg);
		my $r = $ca->post_form('/years', [%f, csrf => $csrf]);
		status_is($r, 400, "creating a year with $what → 400");
		russian_html_ok($r, "... ($what)", $msg);
		like($r->text, $years_form, "... the form again ($what)");
	}
	is(sql_value("SELECT COUNT(*) FROM year WHERE name = " . sq($NEW)), 0, 'no invalid post created the year');

	my $r = $ca->post_form('/years', [action => 'create', name => '2026/2027', starts_on => '2026-09-01',
	    ends_on => '2027-05-31', csrf => $csrf]);
	status_is($r, 400, 'creating 2026/2027 again → 400');
	russian_html_ok($r, '... duplicate', qr/Учебный год «2026\/2027» в школе уже есть/);
	is(sql_value("SELECT COUNT(*) FROM year WHERE school_id = $school AND name = '2026/2027'"), 1, '... still one');

	$r = $ca->post_form('/years', [action => 'create', name => $NEW, starts_on => '2098-09-01',
	    ends_on => '2099-05-31', csrf => $csrf]);
	$N = sql_value("SELECT id FROM year WHERE school_id = $school AND name = " . sq($NEW));
	ok($N, "the admin creates $NEW") or BAIL_OUT('no year created');
	redirects_to($r, "/year?id=$N", "... → 303 /year?id=$N");
	is_deeply([ sql("SELECT starts_on, ends_on, is_open FROM year WHERE id = $N") ],
	    [[ '2098-09-01', '2099-05-31', 1 ]], '... with its dates, open');
	is($audits->('year_create', 'year', $N), 1, '... one audit row year_create');
	like(page_text($ca->get('/years')->text), qr/2098\/2099 01\.09\.2098 31\.05\.2099 0 открыт/,
	    '... listed on /years');
}

# ------------------------------------------------------------ closing
{
	my $r = $cm->post_form('/years', [action => 'close', id => $N, csrf => $cm->session_csrf]);
	redirects_to($r, '/years', 'management closes the new year → 303 /years');
	is(sql_value("SELECT is_open FROM year WHERE id = $N"), 0, '... is_open = 0');
	is($audits->('year_close', 'year', $N), 1, '... one audit row year_close');
	like(page_text($ca->get('/years')->text), qr/2098\/2099 .*? закрыт/, '... shown as closed');
	$r = $cm->post_form('/years', [action => 'close', id => $N, csrf => $cm->session_csrf]);
	status_is($r, 409, 'closing it again → 409');
	russian_html_ok($r, '... ', qr/уже закрыт/);

	$r = $ca->get("/year?id=$N");
	status_is($r, 200, 'a closed year can be read');
	unlike($r->text, $year_form, '... but has no forms');
	like(page_text($r->text), qr/закрыт, только чтение/, '... and says it is read-only');

	my $csrf = $ca->session_csrf;
	for my $post ([ 'adding a period', [action => 'period_add', name => '1 четверть', kind => 'quarter',
	    grade_from => 1, grade_to => 9, starts_on => '2098-09-01', ends_on => '2098-10-24'] ],
	    [ 'adding a holiday', [action => 'holiday_add', name => 'Осенние каникулы',
	    starts_on => '2098-10-25', ends_on => '2098-11-04'] ],
	    [ 'setting the bells', [action => 'bells_set', shift => 1, starts_at => '08:30', ends_at => '09:15'] ]) {
		my ($what, $f) = @$post;
		$r = $ca->post_form('/year', [id => $N, @$f, csrf => $csrf]);
		status_is($r, 409, "$what to a closed year → 409");
		russian_html_ok($r, "... ($what)", qr/Учебный год закрыт/);
	}
	is(sql_value("SELECT (SELECT COUNT(*) FROM period WHERE year_id = $N)"
	    . " + (SELECT COUNT(*) FROM holiday WHERE year_id = $N)"
	    . " + (SELECT COUNT(*) FROM bell WHERE year_id = $N)"), 0, '... none of them wrote a row');

	$r = $ca->post_form('/years', [action => 'open', id => $N, csrf => $csrf]);
	redirects_to($r, '/years', 'the admin reopens it → 303');
	is(sql_value("SELECT is_open FROM year WHERE id = $N"), 1, '... is_open = 1');
	is($audits->('year_open', 'year', $N), 1, '... one audit row year_open');
}

# ------------------------------------------------------------ periods
my $page = sub { page_text($ca->get("/year?id=$N")->text) };
my $post = sub {
	my ($c, @f) = @_;
	return $c->post_form('/year', [id => $N, @f, csrf => $c->session_csrf]);
};
my $pid = sub {
	my ($name, $from) = @_;
	return sql_value("SELECT id FROM period WHERE year_id = $N AND name = " . sq($name)
	    . " AND grade_from = $from");
};
{
	like($page->(), qr/1–11 классы: нет ни одного учебного периода/, 'an empty year: a warning for 1–11');

	my @q1 = (action => 'period_add', name => '1 четверть', kind => 'quarter', grade_from => 1,
	    grade_to => 9, starts_on => '2098-09-01', ends_on => '2098-10-24');
	my %bad = (
		'dates outside the year' => [ [starts_on => '2098-08-31'], qr/внутри учебного года: с 01\.09\.2098 по 31\.05\.2099/ ],
		'the end before the start' => [ [ends_on => '2098-08-01', starts_on => '2098-09-10'], qr/\p{Cyrillic}/ ],
		'grade 12' => [ [grade_to => 12], qr/от 1 до 11/ ],
		'grades 9 to 1' => [ [grade_from => 9, grade_to => 1], qr/больше/ ],
		'no grades' => [ [grade_from => '', grade_to => ''], qr/Укажите классы/ ],
		'a kind «week»' => [ [kind => 'week'], qr/Выберите вид периода/ ],
		'no name' => [ [name => ''], qr/Укажите название периода/ ],
		'a name of 51 characters' => [ [name => 'ч' x 51], qr/не длиннее 50/ ],
		'no start' => [ [starts_on => ''], qr/Укажите дату начала/ ],
	);
	for my $what (sort keys %bad) {
		my ($chg, $msg) = @{ $bad{$what} };
		my %f = (@q1, @$chg);
		my $r = $post->($ca, %f);
		status_is($r, 400, "a period with $what → 400");
		russian_html_ok($r, "... ($what)", $msg);
	}
	is(sql_value("SELECT COUNT(*) FROM period WHERE year_id = $N"), 0, 'no invalid period was written');

	my $r = $post->($ca, @q1);
	redirects_to($r, "/year?id=$N", 'the admin adds «1 четверть» for 1–9 → 303');
	my $q1 = $pid->('1 четверть', 1);
	ok($q1, '... the row');
	is_deeply([ sql("SELECT kind, grade_from, grade_to, starts_on, ends_on, sort FROM period WHERE id = $q1") ],
	    [[ 'quarter', 1, 9, '2098-09-01', '2098-10-24', 1 ]], '... quarter, 1–9, its dates, number 1');
	is($audits->('period_add', 'period', $q1), 1, '... one audit row period_add');
	my $t = $page->();
	like($t, qr/1–9 классы: не покрыты даты 25\.10\.2098–31\.05\.2099/, '... the rest of the year is a gap for 1–9');
	like($t, qr/10–11 классы: нет ни одного учебного периода/, '... and 10–11 have no periods');

	# Overlaps: a half-year for 5–11 that runs into the first quarter.
	$r = $post->($ca, action => 'period_add', name => '1 полугодие', kind => 'half', grade_from => 5,
	    grade_to => 11, starts_on => '2098-10-01', ends_on => '2098-12-28');
	status_is($r, 400, 'a half-year for 5–11 overlapping the quarter of 1–9 → 400');
	russian_html_ok($r, '... naming the period in the way',
	    qr/пересекается с периодом «1 четверть» \(1–9 классы, 01\.09\.2098–24\.10\.2098\)/);
	$r = $post->($cm, action => 'period_add', name => '2 четверть', kind => 'quarter', grade_from => 1,
	    grade_to => 9, starts_on => '2098-10-24', ends_on => '2098-12-28');
	status_is($r, 400, 'a quarter sharing one day with the first → 400');
	$r = $post->($ca, action => 'period_add', name => '1 четверть', kind => 'quarter', grade_from => 1,
	    grade_to => 9, starts_on => '2098-11-05', ends_on => '2098-11-06');
	status_is($r, 400, 'a second «1 четверть» for 1–9 → 400');
	russian_html_ok($r, '... ', qr/Период «1 четверть» для диапазона «1–9 классы» уже есть/);
	is(sql_value("SELECT COUNT(*) FROM period WHERE year_id = $N"), 1, 'none of them was written');

	# The rest of the calendar, by management.
	for my $p (['2 четверть', 'quarter', 1, 9, '2098-11-05', '2099-05-31'],
	    ['1 полугодие', 'half', 10, 11, '2098-09-01', '2098-12-31'],
	    ['2 полугодие', 'half', 10, 11, '2099-01-01', '2099-05-31']) {
		$r = $post->($cm, action => 'period_add', name => $p->[0], kind => $p->[1], grade_from => $p->[2],
		    grade_to => $p->[3], starts_on => $p->[4], ends_on => $p->[5]);
		redirects_to($r, "/year?id=$N", "management adds «$p->[0]» for $p->[2]–$p->[3] → 303");
	}
	is(sql_value("SELECT sort FROM period WHERE id = " . $pid->('2 полугодие', 10)), 2,
	    '«2 полугодие» is number 2 of its range');
	$t = $page->();
	like($t, qr/1–9 классы: не покрыты даты 25\.10\.2098–04\.11\.2098/, 'the autumn week is a gap for 1–9');
	unlike($t, qr/10–11 классы:/, '... and 10–11 have no warning');
	like($t, qr/10–11 классы № Период Вид Начало Окончание 1 1 полугодие полугодие 01\.09\.2098 31\.12\.2098 (?:Удалить )?2 2 полугодие/,
	    'the half-years in a table of 10–11 классы');
}

# ------------------------------------------------------------ holidays
{
	my @autumn = (action => 'holiday_add', name => 'Осенние каникулы', starts_on => '2098-10-25',
	    ends_on => '2098-11-04');
	my $r = $post->($ca, @autumn, grade_from => 0);
	status_is($r, 400, 'holidays for grade 0 → 400');
	russian_html_ok($r, '... ', qr/от 1 до 11/);
	$r = $post->($ca, %{{ @autumn, ends_on => '2099-06-10' }});
	status_is($r, 400, 'holidays past the end of the year → 400');
	russian_html_ok($r, '... ', qr/внутри учебного года/);

	$r = $post->($ca, @autumn);
	redirects_to($r, "/year?id=$N", 'the admin adds the autumn holidays (no grades: all) → 303');
	my $h = sql_value("SELECT id FROM holiday WHERE year_id = $N AND name = 'Осенние каникулы'");
	is_deeply([ sql("SELECT grade_from, grade_to, starts_on, ends_on FROM holiday WHERE id = $h") ],
	    [[ 1, 11, '2098-10-25', '2098-11-04' ]], '... for 1–11, with its dates');
	is($audits->('holiday_add', 'holiday', $h), 1, '... one audit row holiday_add');
	my $t = $page->();
	like($t, qr/Каждый день года у каждого класса/, '... and the gap warning is gone');
	unlike($t, qr/не покрыт/, '... no gap left');

	$r = $post->($cm, action => 'holiday_add', name => 'Ещё каникулы', grade_from => 5, grade_to => 5,
	    starts_on => '2098-11-04', ends_on => '2098-11-08');
	status_is($r, 400, 'holidays for grade 5 overlapping the autumn ones → 400');
	russian_html_ok($r, '... naming them', qr/пересекаются с каникулами «Осенние каникулы» \(1–11 классы/);
	$r = $post->($cm, action => 'holiday_add', name => 'Дополнительные каникулы', grade_from => 1,
	    grade_to => 1, starts_on => '2099-02-16', ends_on => '2099-02-22');
	redirects_to($r, "/year?id=$N", 'management adds the February week for grade 1 → 303');
	like($page->(), qr/Дополнительные каникулы 1 класс 16\.02\.2099 22\.02\.2099 7/, '... listed for «1 класс»');

	$r = $post->($ca, action => 'holiday_delete', holiday => $h);
	redirects_to($r, "/year?id=$N", 'deleting the autumn holidays → 303');
	is(sql_value("SELECT COUNT(*) FROM holiday WHERE id = $h"), 0, '... gone');
	is($audits->('holiday_delete', 'holiday', $h), 1, '... one audit row holiday_delete');
	like($page->(), qr/1–9 классы: не покрыты даты 25\.10\.2098–04\.11\.2098/, '... and the gap is back');
	status_is($post->($ca, action => 'holiday_delete', holiday => $h), 404, 'deleting it again → 404');
	my $demo_h = sql_value("SELECT MIN(id) FROM holiday WHERE year_id = $Y");
	status_is($post->($ca, action => 'holiday_delete', holiday => $demo_h), 404,
	    "a holiday of another year through this one → 404");
	is(sql_value("SELECT COUNT(*) FROM holiday WHERE id = $demo_h"), 1, '... not deleted');

	my $q2 = $pid->('2 четверть', 1);
	$r = $post->($ca, action => 'period_delete', period => $q2);
	redirects_to($r, "/year?id=$N", 'deleting «2 четверть» → 303');
	is(sql_value("SELECT COUNT(*) FROM period WHERE id = $q2"), 0, '... gone');
	is($audits->('period_delete', 'period', $q2), 1, '... one audit row period_delete');
	$t = $page->();
	like($t, qr/2–9 классы: не покрыты даты 25\.10\.2098–31\.05\.2099/, '... its days are a gap again for 2–9');
	like($t, qr/1 класс: не покрыты даты 25\.10\.2098–15\.02\.2099, 23\.02\.2099–31\.05\.2099/,
	    '... and for grade 1 around its February week');
}

# ------------------------------------------------------------ bells
{
	my @ten = map { ('', '') } 1 .. 10;
	my $bells = sub {
		my (%t) = @_;		# number => [start, end]
		my (@s, @e);
		for my $n (1 .. 10) {
			push @s, $t{$n} ? $t{$n}[0] : '';
			push @e, $t{$n} ? $t{$n}[1] : '';
		}
		return ((map { (starts_at => $_) } @s), (map { (ends_at => $_) } @e));
	};
	my %bad = (
		'a time 25:00' => [ { 1 => ['25:00', '25:45'] }, qr/ЧЧ:ММ/ ],
		'an end before the start' => [ { 1 => ['09:15', '08:30'] }, qr/конец не позже начала/ ],
		'overlapping lessons' => [ { 1 => ['08:30', '09:15'], 2 => ['09:10', '09:55'] }, qr/Урок 2 начинается раньше, чем кончается урок 1/ ],
		'a start without an end' => [ { 3 => ['10:30', ''] }, qr/Урок 3: укажите и начало, и конец/ ],
	);
	for my $what (sort keys %bad) {
		my ($t, $msg) = @{ $bad{$what} };
		my $r = $post->($ca, action => 'bells_set', shift => 1, $bells->(%$t));
		status_is($r, 400, "bells with $what → 400");
		russian_html_ok($r, "... ($what)", $msg);
	}
	status_is($post->($ca, action => 'bells_set', shift => 3, $bells->(1 => ['08:30', '09:15'])), 400,
	    'shift 3 → 400');
	is(sql_value("SELECT COUNT(*) FROM bell WHERE year_id = $N"), 0, 'no invalid bells were written');

	my $r = $post->($cm, action => 'bells_set', shift => 1,
	    $bells->(1 => ['08:00', '08:45'], 2 => ['08:55', '09:40'], 3 => ['10:00', '10:45']));
	redirects_to($r, "/year?id=$N", 'management sets three lessons of shift 1 → 303');
	is_deeply([ sql("SELECT shift, number, starts_at, ends_at FROM bell WHERE year_id = $N ORDER BY number") ],
	    [[1, 1, '08:00:00', '08:45:00'], [1, 2, '08:55:00', '09:40:00'], [1, 3, '10:00:00', '10:45:00']],
	    '... the rows');
	is($audits->('bells_set', 'year', $N), 1, '... one audit row bells_set');
	$r = $post->($ca, action => 'bells_set', shift => 2, $bells->(1 => ['13:30', '14:15']));
	redirects_to($r, "/year?id=$N", 'the admin sets shift 2 → 303');
	$r = $post->($ca, action => 'bells_set', shift => 1, $bells->(1 => ['08:30', '09:15']));
	redirects_to($r, "/year?id=$N", 'the admin replaces shift 1 with one lesson → 303');
	is_deeply([ sql("SELECT shift, number, starts_at FROM bell WHERE year_id = $N ORDER BY shift, number") ],
	    [[1, 1, '08:30:00'], [2, 1, '13:30:00']], '... shift 1 has one lesson, shift 2 is untouched');
	my @st = inputs_of($ca->get("/year?id=$N")->text, 'starts_at');
	is(($st[0]{value} // '') . ' ' . ($st[10]{value} // ''), '08:30 13:30', 'the form shows both shifts');
	is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'bells_set' AND object_id = $N"
	    . " AND new_value LIKE 'shift 1: 1 08:30-09:15' AND old_value LIKE 'shift 1: 1 08:00-08:45; 2%'"), 1,
	    '... and the audit row has the old and the new times');
}

# ------------------------------------------------------------ bad requests
{
	status_is($post->($ca, action => 'fly'), 400, 'an unknown action → 400');
	status_is($post->($ca, action => 'period_delete'), 400, 'period_delete without a period → 400');
	status_is($ca->post_form('/years', [action => 'close', csrf => $ca->session_csrf]), 400,
	    'closing without an id → 400');
	status_is($ca->post_form('/years', [action => 'close', id => 999999, csrf => $ca->session_csrf]), 404,
	    'closing an unknown year → 404');
}

done_testing();
