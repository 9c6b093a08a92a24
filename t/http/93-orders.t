#!/usr/bin/perl
# The book of orders and the movements of people (R16, R5): who reads and
# who writes the book, another school's objects (404), the number unique
# per school and calendar year, the dates; then each kind of movement on
# people the test makes itself: an enrolment puts a new student on the
# class roster, a transfer moves them between two classes of a grade, a
# withdrawal ends the diary logins of the student and of the guardian who
# has no other child here (the guardian with another child keeps theirs),
# a dismissal ends an employee's login; audit rows for each.
#
# Everything the test makes (orders, people, accounts, another school) is
# removed at the end; the demo's own people are never moved.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my $LOGIN_RE = qr{^/login(?:[?#]|$)};
my $tag = "t93-$$";
my $today = sql_value('SELECT CURDATE()');
my $year = substr($today, 0, 4);
my $last_year = sql_value('SELECT CURDATE() - INTERVAL 1 YEAR');
my $ahead31 = sql_value('SELECT CURDATE() + INTERVAL 31 DAY');
my $yesterday = sql_value('SELECT CURDATE() - INTERVAL 1 DAY');

# ------------------------------------------------------------ what we make
my (%made, $school2, $year2, $class2, $order2, $student2);
my $pmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM person');
END {
	if (var_dir() && base_url()) {
		eval {
			my @p = (keys %{ $made{person} // {} });
			push @p, sql_value("SELECT GROUP_CONCAT(id) FROM person WHERE id > $pmax"
			    . " AND last_name LIKE " . sq("%$tag%")) // ();
			@p = grep { /^\d+$/ } map { split /,/ } @p;
			my @o = keys %{ $made{order} // {} };
			push @o, $order2 if $order2;
			my $pl = join(',', @p) || 0;
			my $ol = join(',', @o) || 0;
			sql("DELETE FROM movement WHERE order_id IN ($ol) OR person_id IN ($pl)");
			sql("DELETE s FROM session s JOIN account a ON a.id = s.account_id WHERE a.person_id IN ($pl)");
			sql("DELETE ar FROM account_role ar JOIN account a ON a.id = ar.account_id WHERE a.person_id IN ($pl)");
			sql("UPDATE school_order SET created_by = NULL WHERE id IN ($ol)");
			sql("DELETE FROM account WHERE person_id IN ($pl)");
			sql("DELETE FROM guardian WHERE guardian_id IN ($pl) OR student_id IN ($pl)");
			sql("DELETE FROM class_student WHERE student_id IN ($pl)");
			sql("DELETE FROM staff WHERE person_id IN ($pl)");
			sql("DELETE FROM person WHERE id IN ($pl)");
			sql("DELETE FROM school_order WHERE id IN ($ol)");
			if ($school2) {
				sql("DELETE FROM class WHERE school_id = $school2");
				sql("DELETE FROM year WHERE school_id = $school2");
				# sql/013 gives every new school its work kinds (a trigger).
				drop_school($school2);
			}
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

# Another school with a class, a student and an order of its own.
sql("INSERT INTO school (name, short_name) VALUES ('Другая школа $tag', 'Другая $tag')");
$school2 = sql_value("SELECT id FROM school WHERE short_name = 'Другая $tag'");
sql("INSERT INTO year (school_id, name, starts_on, ends_on) VALUES ($school2, '2026/2027', '2026-09-01', '2027-05-31')");
$year2 = sql_value("SELECT id FROM year WHERE school_id = $school2");
sql("INSERT INTO class (school_id, year_id, grade, letter) VALUES ($school2, $year2, 5, 'А')");
$class2 = sql_value("SELECT id FROM class WHERE school_id = $school2");
$student2 = new_person($school2, "Чужой-$tag", 'Ученик', '2015-03-03');
sql("INSERT INTO class_student (class_id, student_id, joined_on) VALUES ($class2, $student2, '2026-09-01')");
sql("INSERT INTO school_order (school_id, number, dated, kind, title, text)"
    . " VALUES ($school2, '1-у', '2026-08-31', 'enrolment', 'Чужой приказ', '')");
$order2 = sql_value("SELECT id FROM school_order WHERE school_id = $school2");

sub new_person {
	my ($school, $last, $first, $birth) = @_;
	sql("INSERT INTO person (school_id, last_name, first_name, birth_date) VALUES"
	    . " ($school, " . sq($last) . ', ' . sq($first) . ', ' . sq($birth) . ')');
	my $id = sql_value('SELECT MAX(id) FROM person WHERE last_name = ' . sq($last));
	$made{person}{$id} = 1;
	return $id;
}

# A login for one of our people, with a demo account's password hash.
my $src = account_of_role('medic');
my $hash = sql_value('SELECT pw_hash FROM account WHERE login = ' . sq($src->{login}));
sub new_account {
	my ($pid, $login, @roles) = @_;
	sql("INSERT INTO account (person_id, school_id, login, pw_hash) VALUES"
	    . " ($pid, 1, " . sq($login) . ', ' . sq($hash) . ')');
	my $aid = account_id($login);
	sql("INSERT INTO account_role (account_id, role) VALUES ($aid, " . sq($_) . ')') for @roles;
	return { login => $login, password => $src->{password}, id => $aid, person_id => $pid };
}

# ------------------------------------------------------------ clients
my %client;
sub as {
	my ($label, $acc) = @_;
	return $client{$label} //= do {
		my $c = login($acc->{login}, $acc->{password});
		ok($c->{logged_in}, "log in as $label ($acc->{login})") or diag res_diag($c->{login_res});
		$c;
	};
}
my $cs = as('secretary', account_of_role('secretary'));
my $ca = as('admin', (accounts())[0]);
my $cm = as('management', account_of_role('management'));
my $ci = as('inspector', account_of_role('inspector'));
my $secretary_pid = sql_value('SELECT person_id FROM account WHERE login = '
    . sq(account_of_role('secretary')->{login}));

my $audits = sub {
	my ($action, $type, $id) = @_;
	return sql_value("SELECT COUNT(*) FROM audit WHERE action = " . sq($action)
	    . " AND object_type = " . sq($type) . " AND object_id = $id");
};
my $form_re = qr{<form\b[^>]*\baction="/orders"[^>]*method|<form\b[^>]*method="post"[^>]*action="/orders"}i;

# ------------------------------------------------------------ who may read
for my $who (['secretary', $cs, 1], ['admin', $ca, 1], ['management', $cm, 0], ['inspector', $ci, 0]) {
	my ($name, $c, $w) = @$who;
	my $r = $c->get('/orders');
	status_is($r, 200, "GET /orders as $name → 200");
	if ($w) {
		like($r->text, $form_re, "... with the form for a new order");
	} else {
		unlike($r->text, $form_re, "... without the form (read only)");
	}
}
{
	my $r = $cs->get('/orders');
	security_headers_ok($r, '/orders');
	russian_html_ok($r, '/orders', qr/Книга приказов/);
	no_inline_script_ok($r, '/orders');
	like(page_text($r->text), qr/О зачислении в 1 класс/, 'the demo book shows the enrolment order of 31.08');
	my $t = as('teacher', account_of_role('teacher'));
	status_is($t->get('/orders'), 403, 'GET /orders as a teacher → 403');
	status_is($t->get("/order?id=1"), 403, 'GET /order as a teacher → 403');
	redirects_to(client()->get('/orders'), $LOGIN_RE, 'GET /orders without a session → /login');
}

# ------------------------------------------------------------ new orders
my $orders_n = sub { sql_value('SELECT COUNT(*) FROM school_order') };
sub add_order {
	my ($c, %f) = @_;
	return $c->post_form('/orders', [number => $f{number}, dated => $f{dated} // $today,
	    kind => $f{kind}, title => $f{title} // "Тест $tag", text => $f{text} // '',
	    csrf => $c->session_csrf]);
}
sub order_id_of {
	my ($r) = @_;
	my ($id) = ($r->location // '') =~ m{^/order\?id=(\d+)$};
	$made{order}{$id} = 1 if $id;
	return $id;
}

my ($E, $T, $W, $D, $O);
{
	my $r = add_order($cs, number => "Т$$-1", kind => 'enrolment', title => "О зачислении $tag",
	    text => "Зачислить с $today.");
	redirects_to($r, qr{^/order\?id=\d+$}, 'the secretary enters an enrolment order → 303 /order?id=');
	$E = order_id_of($r);
	my ($row) = sql("SELECT school_id, number, dated, kind, title, created_by FROM school_order WHERE id = " . ($E // 0));
	is_deeply($row, [1, "Т$$-1", $today, 'enrolment', "О зачислении $tag",
	    account_id(account_of_role('secretary')->{login})], '... stored as typed, by the secretary');
	is($audits->('order_add', 'school_order', $E // 0), 1, '... one audit row order_add');

	my $n = $orders_n->();
	$r = add_order($ca, number => "т$$-1", kind => 'other');
	status_is($r, 400, 'the same number (other case) in the same year → 400');
	russian_html_ok($r, 'the duplicate', qr/уже есть в книге/);
	like($r->text, $form_re, '... the form again');
	is($orders_n->(), $n, '... nothing written');
	$r = add_order($ca, number => "Т$$-1", kind => 'other', dated => $last_year);
	redirects_to($r, qr{^/order\?id=\d+$}, '... but the same number a year earlier is another order → 303 (admin)');
	$O = order_id_of($r);

	for my $case (['a date 31 days ahead', { dated => $ahead31 }, qr/30 дней/],
	    ['no kind', { kind => undef }, qr/Выберите вид/],
	    ['a kind «graduation» (not an order kind)', { kind => 'graduation' }, qr/Выберите вид/],
	    ['no number', { number => undef }, qr/Укажите номер/],
	    ['a number of 21 characters', { number => 'Н' x 21 }, qr/не длиннее 20/],
	    ['no title', { title => '' }, qr/Укажите заголовок/],
	    ['a date as dd.mm.yyyy', { dated => '01.09.2026' }, qr/ГГГГ-ММ-ДД/]) {
		my ($what, $chg, $re) = @$case;
		my %f = (number => "Т$$-X", dated => $today, kind => 'other', title => 'Заголовок', %$chg);
		$r = $cs->post_form('/orders', [map({ defined $f{$_} ? ($_ => $f{$_}) : () } qw(number dated kind title)),
		    csrf => $cs->session_csrf]);
		status_is($r, 400, "a new order with $what → 400");
		russian_html_ok($r, "... ($what)", $re);
	}
	is($orders_n->(), $n + 1, 'no invalid order was written');

	for my $who (['management', $cm], ['inspector', $ci]) {
		$r = add_order($who->[1], number => "Т$$-Z", kind => 'other');
		status_is($r, 403, "POST /orders as $who->[0] (valid csrf) → 403");
	}
	$r = $cs->post_form('/orders', [number => "Т$$-Z", dated => $today, kind => 'other', title => 'x']);
	status_is($r, 403, 'POST /orders without csrf → 403');
	is($orders_n->(), $n + 1, '... none of them wrote an order');

	$T = order_id_of(add_order($cs, number => "Т$$-2", kind => 'transfer', title => "О переводе $tag"));
	$W = order_id_of(add_order($cs, number => "Т$$-3", kind => 'withdrawal', title => "Об отчислении $tag"));
	$D = order_id_of(add_order($cs, number => "Т$$-4", kind => 'dismissal', title => "Об увольнении $tag"));
	ok($E && $T && $W && $D && $O, 'orders of each kind entered') or BAIL_OUT('cannot enter orders');

	my $t = page_text($cs->get('/orders')->text);
	like($t, qr/Т$$-3.*Об отчислении \Q$tag\E/, 'the book lists the new orders');
	$t = page_text($cs->get('/orders?kind=dismissal')->text);
	ok($t =~ /Т$$-4/ && $t !~ /Т$$-3/, '... filtered by kind: only the dismissal');
	$t = page_text($cs->get("/orders?year=" . substr($last_year, 0, 4))->text);
	ok($t =~ /Т$$-1/ && $t !~ /Т$$-2/, '... filtered by year: only last year\'s order');
}

# ------------------------------------------------------------ objects
{
	status_is($cs->get("/order?id=$order2"), 404, "another school's order → 404");
	status_is($cs->get('/order?id=999999999'), 404, 'an unknown order → 404');
	status_is($cs->get('/order'), 400, '/order without id → 400');
	status_is($cs->get('/order?id=abc'), 400, '/order?id=abc → 400');
	my $r = $cs->post_form('/order', [id => $order2, student => $student2, csrf => $cs->session_csrf]);
	status_is($r, 404, "a movement in another school's order → 404");
	my $r2 = $cm->get("/order?id=$E");
	status_is($r2, 200, 'GET /order as management → 200');
	unlike($r2->text, qr/name="last_name"/, '... without the form');
	$r2 = $cm->post_form('/order', [id => $E, last_name => 'X', csrf => $cm->session_csrf]);
	status_is($r2, 403, 'POST /order as management → 403');
	$r2 = $ci->post_form('/order', [id => $E, last_name => 'X', csrf => $ci->session_csrf]);
	status_is($r2, 403, 'POST /order as inspector → 403');
}

# ------------------------------------------------------------ enrolment
my @five = grep { $_->{grade} == 5 } open_classes(1);
my ($X, $Y) = @five;
my ($Z) = grep { $_->{grade} == 3 } open_classes(1);
ok($X && $Y && $Z, "classes «$X->{name}», «$Y->{name}», «$Z->{name}»") or BAIL_OUT('no classes');
my $roster = sub {
	my ($k) = @_;
	return page_text($ca->get("/class?id=$k->{id}")->text);
};
my $movements = sub { sql_value("SELECT COUNT(*) FROM movement WHERE order_id = $_[0]") };
my ($A, $B);
{
	my $r = $cs->get("/order?id=$E");
	status_is($r, 200, 'GET /order (enrolment) as the secretary');
	like($r->text, qr/name="last_name"/, '... the form asks for the name');
	my @enrol = (id => $E, last_name => "Новиков-$tag", first_name => 'Артём',
	    middle_name => 'Петрович', sex => 'm', birth_date => '2015-05-05', class => $X->{id});
	my $n = $movements->($E);
	for my $case (['no last name', { last_name => undef }, qr/Укажите фамилию/],
	    ['no sex', { sex => undef }, qr/Выберите пол/],
	    ['a birth date 2 years ago', { birth_date => sql_value('SELECT CURDATE() - INTERVAL 2 YEAR') }, qr/от 5 до 20 лет/],
	    ['a date before the order', { on_date => $yesterday }, qr/раньше даты приказа/],
	    ['no class', { class => undef }, qr/Выберите класс/]) {
		my ($what, $chg, $re) = @$case;
		my %f = (@enrol, %$chg);
		$r = $cs->post_form('/order', [map({ defined $f{$_} ? ($_ => $f{$_}) : () } keys %f),
		    csrf => $cs->session_csrf]);
		status_is($r, 400, "enrolment with $what → 400");
		russian_html_ok($r, "... ($what)", $re);
	}
	my %f = (@enrol, class => $class2);
	$r = $cs->post_form('/order', [%f, csrf => $cs->session_csrf]);
	status_is($r, 404, "enrolment into another school's class → 404");
	is($movements->($E), $n, 'no refused enrolment wrote a movement');
	is(sql_value("SELECT COUNT(*) FROM person WHERE last_name = " . sq("Новиков-$tag")), 0, '... nor a person');

	$r = $cs->post_form('/order', [@enrol, note => 'заявление', csrf => $cs->session_csrf]);
	redirects_to($r, "/order?id=$E", 'the secretary enrols a new student → 303 back to the order');
	$A = sql_value("SELECT id FROM person WHERE last_name = " . sq("Новиков-$tag"));
	ok($A, '... the person exists') and $made{person}{$A} = 1;
	is_deeply([sql("SELECT class_id, joined_on, left_on FROM class_student WHERE student_id = " . ($A // 0))],
	    [[$X->{id}, $today, undef]], "... in «$X->{name}» from the order's date");
	is(sql_value("SELECT COUNT(*) FROM account WHERE person_id = " . ($A // 0)), 0, '... with no login yet');
	is($audits->('movement_add', 'movement', sql_value("SELECT MAX(id) FROM movement WHERE person_id = " . ($A // 0)) // 0),
	    1, '... one audit row movement_add');
	like($roster->($X), qr/Новиков-\Q$tag\E Артём Петрович/, "the roster of «$X->{name}» shows them");
	like(page_text($cs->get("/order?id=$E")->text), qr/Новиков-\Q$tag\E Артём Петрович/, 'the order lists them');

	$r = $ca->post_form('/order', [id => $E, last_name => "Новикова-$tag", first_name => 'Анна',
	    sex => 'f', birth_date => '2018-02-02', class => $Z->{id}, csrf => $ca->session_csrf]);
	redirects_to($r, "/order?id=$E", "the admin enrols her sister into «$Z->{name}» → 303");
	$B = sql_value("SELECT id FROM person WHERE last_name = " . sq("Новикова-$tag"));
	$made{person}{$B} = 1 if $B;
}

# The family: logins for A, a guardian of A only (G1), one of A and B (G2).
my $G1 = new_person(1, "Новикова-$tag", 'Мать', '1985-01-01');
my $G2 = new_person(1, "Новиков-$tag", 'Отец', '1983-01-01');
sql("INSERT INTO guardian (guardian_id, student_id) VALUES ($G1, $A), ($G2, $A), ($G2, $B)");
my $accA = new_account($A, "t93.$$.a", 'student');
my $accG1 = new_account($G1, "t93.$$.g1", 'parent');
my $accG2 = new_account($G2, "t93.$$.g2", 'parent');

# ------------------------------------------------------------ transfer
{
	my $n = $movements->($T);
	my $r = $cs->post_form('/order', [id => $T, student => $A, class => $X->{id}, csrf => $cs->session_csrf]);
	status_is($r, 400, 'a transfer into the class they are in → 400');
	russian_html_ok($r, '... ', qr/уже учится в этом классе/);
	$r = $cs->post_form('/order', [id => $T, student => $A, class => $class2, csrf => $cs->session_csrf]);
	status_is($r, 404, "a transfer into another school's class → 404");
	$r = $cs->post_form('/order', [id => $T, student => $student2, class => $Y->{id}, csrf => $cs->session_csrf]);
	status_is($r, 404, "a transfer of another school's student → 404");
	$r = $cs->post_form('/order', [id => $T, class => $Y->{id}, csrf => $cs->session_csrf]);
	status_is($r, 400, 'a transfer without a student → 400');
	is($movements->($T), $n, 'no refused transfer wrote a movement');

	$r = $cs->post_form('/order', [id => $T, student => $A, class => $Y->{id}, csrf => $cs->session_csrf]);
	redirects_to($r, "/order?id=$T", "the transfer «$X->{name}» → «$Y->{name}» → 303");
	is_deeply([sql("SELECT class_id, joined_on, left_on FROM class_student WHERE student_id = $A ORDER BY joined_on, class_id = $Y->{id}")],
	    [[$X->{id}, $today, $today], [$Y->{id}, $today, undef]], '... the old membership closed, a new one open');
	unlike($roster->($X), qr/Новиков-\Q$tag\E Артём/, "the roster of «$X->{name}» no longer has them");
	like($roster->($Y), qr/Новиков-\Q$tag\E Артём/, "the roster of «$Y->{name}» has them");
	my ($m) = sql("SELECT kind, from_class_id, to_class_id FROM movement WHERE order_id = $T");
	is_deeply($m, ['transfer', $X->{id}, $Y->{id}], '... the movement says from where to where');
	is(sql_value("SELECT is_active FROM account WHERE person_id = $A"), 1, '... the login stays');
}

# ------------------------------------------------------------ withdrawal
{
	my %sess;
	for my $acc ($accA, $accG1, $accG2) {
		my ($ok, $res, $c) = login_works($acc->{login}, $acc->{password});
		ok($ok, "before the withdrawal $acc->{login} logs in") or diag res_diag($res);
		$sess{ $acc->{login} } = $c;
	}
	my $r = $cs->post_form('/order', [id => $W, student => $student2, csrf => $cs->session_csrf]);
	status_is($r, 404, "withdrawing another school's student → 404");
	my $off = sql_value('SELECT COUNT(*) FROM account WHERE is_active = 0');
	$r = $cs->post_form('/order', [id => $W, student => $A, note => 'перевод в другую школу',
	    csrf => $cs->session_csrf]);
	redirects_to($r, "/order?id=$W", 'the secretary withdraws the student → 303');
	is(sql_value("SELECT left_on FROM class_student WHERE student_id = $A AND class_id = $Y->{id}"), $today,
	    '... their class membership ends today');
	unlike($roster->($Y), qr/Новиков-\Q$tag\E Артём/, "... and they are off the roster of «$Y->{name}»");
	is(sql_value("SELECT is_active FROM account WHERE person_id = $A"), 0, "... the student's login is off");
	is(sql_value("SELECT is_active FROM account WHERE person_id = $G1"), 0, '... so is that of the guardian with no other child');
	is(sql_value("SELECT is_active FROM account WHERE person_id = $G2"), 1, '... the guardian with a child in «' . $Z->{name} . '» keeps theirs');
	is(sql_value('SELECT COUNT(*) FROM account WHERE is_active = 0'), $off + 2, '... and no other login changed');
	is(session_count($accA->{id}) + session_count($accG1->{id}), 0, '... their sessions are gone');
	redirects_to($sess{ $accA->{login} }->get('/home'), $LOGIN_RE, "... the student's open session is over");
	status_is($sess{ $accG2->{login} }->get('/home'), 200, "... the other guardian's session goes on");
	for my $acc ($accA, $accG1) {
		my ($ok, $res) = login_works($acc->{login}, $acc->{password});
		ok(!$ok, "$acc->{login} can no longer log in");
		is($res->status, 401, '... 401');
	}
	ok(scalar login_works($accG2->{login}, $accG2->{password}), "$accG2->{login} still logs in");
	is($audits->('account_disable', 'account', $accA->{id}), 1, 'an audit row account_disable for the student');
	is($audits->('account_disable', 'account', $accG1->{id}), 1, '... and for the guardian');
	is(sql_value("SELECT COUNT(*) FROM movement WHERE order_id = $W AND person_id = $A AND kind = 'withdrawal'"
	    . " AND from_class_id = $Y->{id}"), 1, 'the movement records the class they left');
	is(sql_value("SELECT COUNT(*) FROM person WHERE id = $A"), 1, 'the person and their history stay');

	my $n = $movements->($W);
	$r = $cs->post_form('/order', [id => $W, student => $A, csrf => $cs->session_csrf]);
	status_is($r, 409, 'withdrawing them again → 409');
	russian_html_ok($r, '... ', qr/не числится ни в одном классе/);
	$r = $cs->post_form('/order', [id => $T, student => $A, class => $X->{id}, csrf => $cs->session_csrf]);
	status_is($r, 409, '... and transferring a withdrawn student → 409');
	is($movements->($W), $n, '... nothing written');
}

# ------------------------------------------------------------ dismissal
{
	my $S = new_person(1, "Увольняемый-$tag", 'Сотрудник', '1980-01-01');
	sql("INSERT INTO staff (person_id, position, hired_on) VALUES ($S, 'учитель черчения', '2020-09-01')");
	my $accS = new_account($S, "t93.$$.s", 'teacher');
	my ($ok, $res, $c) = login_works($accS->{login}, $accS->{password});
	ok($ok, "before the dismissal $accS->{login} logs in") or diag res_diag($res);

	my $r = $cs->get("/order?id=$D");
	like($r->text, qr/<option value="$S"/, 'the dismissal form lists the employee');
	$r = $cs->post_form('/order', [id => $D, staff => $student2, csrf => $cs->session_csrf]);
	status_is($r, 404, 'dismissing someone not on the staff here → 404');
	$r = $cs->post_form('/order', [id => $D, staff => $secretary_pid, csrf => $cs->session_csrf]);
	status_is($r, 400, 'the secretary dismissing herself → 400');
	$r = $cs->post_form('/order', [id => $D, staff => $X->{teacher_id}, csrf => $cs->session_csrf]);
	status_is($r, 409, "dismissing the class teacher of «$X->{name}» → 409");
	russian_html_ok($r, '... ', qr/классный руководитель/);
	is(sql_value("SELECT dismissed_on FROM staff WHERE person_id = $X->{teacher_id}"), undef, '... who stays on the staff');

	$r = $cs->post_form('/order', [id => $D, staff => $S, note => 'по собственному желанию', csrf => $cs->session_csrf]);
	redirects_to($r, "/order?id=$D", 'the secretary dismisses the employee → 303');
	is(sql_value("SELECT dismissed_on FROM staff WHERE person_id = $S"), $today, '... dismissed today');
	is(sql_value("SELECT is_active FROM account WHERE person_id = $S"), 0, '... the login is off');
	is(session_count($accS->{id}), 0, '... no session left');
	redirects_to($c->get('/home'), $LOGIN_RE, '... the open session is over');
	my ($ok2, $res2) = login_works($accS->{login}, $accS->{password});
	ok(!$ok2, '... and they cannot log in');
	is($res2->status, 401, '... 401');
	is($audits->('account_disable', 'account', $accS->{id}), 1, '... an audit row account_disable');
	is(sql_value("SELECT COUNT(*) FROM audit a JOIN movement m ON m.id = a.object_id"
	    . " WHERE a.action = 'movement_add' AND a.object_type = 'movement' AND m.order_id = $D"), 1,
	    '... and one movement_add');
	like(page_text($cs->get("/order?id=$D")->text), qr/Увольняемый-\Q$tag\E Сотрудник.*учитель черчения/,
	    'the order lists them with their position');
	$r = $cs->post_form('/order', [id => $D, staff => $S, csrf => $cs->session_csrf]);
	status_is($r, 409, 'dismissing them again → 409');
	russian_html_ok($r, '... ', qr/уже уволен/);
}

# ------------------------------------------------------------ other orders
{
	my $r = $cs->post_form('/order', [id => $O, student => $A, csrf => $cs->session_csrf]);
	status_is($r, 409, 'a movement in an order of kind «other» → 409');
	unlike($cs->get("/order?id=$O")->text, qr/name="on_date"/, '... whose page has no movement form');
}

done_testing();
