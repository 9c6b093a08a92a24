#!/usr/bin/perl
# The class list and the class roster (R7: who may see which class).
#
#   /classes       the open year's classes in order (grade, letter) with the
#                  class teacher and the number of students; links to
#                  /class?id=N (a class teacher: only to their own class)
#   /class?id=N    the roster: every current student (name, birth date,
#                  login or «нет входа») and under each their guardians (name,
#                  consent state, login or «нет входа»)
#
# School-wide roles (admin, management, secretary, inspector, medic,
# psychologist) see every class of their school, a class teacher only their
# own; everyone else gets 403.  A missing or malformed id is 400, an unknown
# class or another school's 404.
#
# The test adds for its own use, and removes at the end: a second school
# with one class (for the 404), and in «5 А» a student without an account
# (with a guardian without one) and a student who has left the class.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my %WIDE = map { $_ => 1 } qw(admin management secretary inspector medic psychologist);
my $STATE_RE = qr/согласие|отказ|нет заявления/;
my $LOGIN_RE = qr{^/login(?:[?#]|$)};

my @classes = open_classes(1);
ok(@classes >= 2, 'the demo school has at least two open classes') or BAIL_OUT('no classes');

# ------------------------------------------------------------ fixtures
my %made;		# what to remove at the end
sub cleanup {
	my @p = grep { defined } @made{qw(student left guardian)};
	eval {
		sql('DELETE FROM guardian WHERE guardian_id IN (' . join(',', @p) . ')'
		    . ' OR student_id IN (' . join(',', @p) . ')') if @p;
		sql('DELETE FROM class_student WHERE student_id IN (' . join(',', @p) . ')') if @p;
		sql("DELETE FROM consent WHERE guardian_id IN (" . join(',', @p) . ')') if @p;
		sql('DELETE FROM person WHERE id IN (' . join(',', @p) . ')') if @p;
		sql("DELETE FROM class WHERE id = $made{fclass}") if $made{fclass};
		sql("DELETE FROM year WHERE id = $made{fyear}") if $made{fyear};
		sql("DELETE FROM person WHERE school_id = $made{fschool}") if $made{fschool};
		drop_school($made{fschool}) if $made{fschool};
		1;
	} or warn "cleanup: $@";
	%made = ();
}
END {
	if (var_dir() && base_url()) {
		cleanup();
		eval { clear_attempts() };
	}
}

# Another school with an open year and a class: its class is 404 for everyone
# here.
{
	sql("INSERT INTO school (name, short_name) VALUES ('Тестовая школа $$', 'Тест $$')");
	$made{fschool} = sql_value("SELECT id FROM school WHERE short_name = 'Тест $$'");
	sql("INSERT INTO year (school_id, name, starts_on, ends_on, is_open) VALUES"
	    . " ($made{fschool}, '2026/2027', '2026-09-01', '2027-05-31', 1)");
	$made{fyear} = sql_value("SELECT id FROM year WHERE school_id = $made{fschool}");
	sql("INSERT INTO class (school_id, year_id, grade, letter) VALUES"
	    . " ($made{fschool}, $made{fyear}, 5, 'Я')");
	$made{fclass} = sql_value("SELECT id FROM class WHERE year_id = $made{fyear}");
	ok($made{fclass}, "a class of another school (id $made{fclass})");
}

# «5 А» (or the first class) and its class teacher; another class of the
# same grade (or any other class) for the refusals.
my $own = class_by_name('5 А') // $classes[0];
my ($other) = grep { $_->{grade} == $own->{grade} && $_->{id} != $own->{id} } @classes;
($other) = grep { $_->{id} != $own->{id} } @classes unless $other;
my $ct = account_of_person($own->{teacher_id});
ok($ct, "the class teacher of «$own->{name}» is a demo account") or BAIL_OUT('no class teacher');
is($ct->{detail}, $own->{name}, "$ct->{login}: the TSV detail is the class «$own->{name}»");
my $ct_person = sql_value('SELECT person_id FROM account WHERE login = ' . sq($ct->{login}));

# A student with no account and a guardian with no account; a student who
# left the class yesterday.
{
	my $sch = $own->{school_id};
	sql("INSERT INTO person (school_id, last_name, first_name, middle_name, birth_date) VALUES"
	    . " ($sch, 'Безлогинова', 'Проверка', 'Тестовна', '2014-03-07')");
	$made{student} = sql_value("SELECT MAX(id) FROM person WHERE last_name = 'Безлогинова'");
	sql("INSERT INTO person (school_id, last_name, first_name, middle_name) VALUES"
	    . " ($sch, 'Безлогинов', 'Опекун', 'Тестович')");
	$made{guardian} = sql_value("SELECT MAX(id) FROM person WHERE last_name = 'Безлогинов'");
	sql("INSERT INTO person (school_id, last_name, first_name, middle_name, birth_date) VALUES"
	    . " ($sch, 'Выбывшая', 'Проверка', 'Тестовна', '2014-04-08')");
	$made{left} = sql_value("SELECT MAX(id) FROM person WHERE last_name = 'Выбывшая'");
	sql("INSERT INTO class_student (class_id, student_id, joined_on) VALUES"
	    . " ($own->{id}, $made{student}, '2026-09-01');"
	    . " INSERT INTO class_student (class_id, student_id, joined_on, left_on) VALUES"
	    . " ($own->{id}, $made{left}, '2026-09-01', CURDATE() - INTERVAL 1 DAY);"
	    . " INSERT INTO guardian (guardian_id, student_id, kind) VALUES"
	    . " ($made{guardian}, $made{student}, 'guardian')");
}

# ------------------------------------------------------------ role matrix
# One account of every role: /classes and /class?id= of the first class
# teacher's class (every viewer may see it) and of another class, and the
# menu link on /home.
my $first_ct = account_of_role('class_teacher');
my $ct1_person = sql_value('SELECT person_id FROM account WHERE login = ' . sq($first_ct->{login}));
my ($ct1_class) = grep { ($_->{teacher_id} // 0) == $ct1_person } @classes;
ok($ct1_class, "$first_ct->{login} is the class teacher of a class") or BAIL_OUT('no class');
my ($elsewhere) = grep { $_->{id} != $ct1_class->{id} } reverse @classes;

for my $role (ROLES) {
	my $acc = account_of_role($role);
	ok($acc, "the TSV has a $role") or next;
	my @roles = account_roles($acc->{login});
	my $pid = sql_value('SELECT person_id FROM account WHERE login = ' . sq($acc->{login}));
	my $wide = grep { $WIDE{$_} } @roles;
	my $is_ct = grep { $_ eq 'class_teacher' } @roles;
	my $c = login($acc->{login}, $acc->{password});
	ok($c->{logged_in}, "log in as $role ($acc->{login})")
	    or do { diag res_diag($c->{login_res}); next };

	my $may_list = ($wide || $is_ct) ? 200 : 403;
	my $r = $c->get('/classes');
	status_is($r, $may_list, "/classes as $role (@roles) → $may_list");
	russian_html_ok($r, "/classes as $role") if $r->status == 403;

	for my $k ($ct1_class, $elsewhere) {
		my $want = ($wide || ($is_ct && ($k->{teacher_id} // 0) == $pid)) ? 200 : 403;
		$r = $c->get("/class?id=$k->{id}");
		status_is($r, $want, "/class?id=$k->{id} («$k->{name}») as $role → $want");
	}

	my $home = $c->get('/home');
	my $menu = grep { $_ eq '/classes' } links_of($home->text);
	ok($may_list == 200 ? $menu : !$menu,
	    "/home as $role: " . ($may_list == 200 ? 'a' : 'no') . ' menu link to /classes');
}

# ------------------------------------------------------------ /classes (admin)
my $admin = (accounts())[0];
my $ca = login_ok($admin->{login}, $admin->{password}, 'log in as the admin');
{
	my $r = $ca->get('/classes');
	status_is($r, 200, '/classes as the admin');
	security_headers_ok($r, '/classes');
	russian_html_ok($r, '/classes');
	no_inline_script_ok($r, '/classes');
	unlike($r->text, qr/\$argon2/, '/classes: no password hash');
	my $html = $r->text;
	my $text = page_text($html);
	like($html, qr/<table\b/i, '/classes: a table');

	# In order (grade, letter).
	my $pos = -1;
	my $in_order = 1;
	for my $k (@classes) {
		my $re = class_name_re($k->{name});
		if ($text =~ /$re/g) {
			my $p = pos($text);
			if ($p <= $pos) {
				$in_order = 0;
				diag("«$k->{name}» comes before the class listed ahead of it");
			}
			$pos = $p;
		} else {
			$in_order = 0;
			diag("«$k->{name}» is missing (after position $pos)");
		}
		pos($text) = undef;
	}
	ok($in_order, 'every open class is listed, in the order grade, letter');

	my %links = map { $_ => 1 } grep { m{^/class\?id=\d+$} } links_of($html);
	is_deeply([ sort keys %links ], [ sort map { "/class?id=$_->{id}" } @classes ],
	    '/classes: a link /class?id=N to each class of the school, and to nothing else');
	ok(!$links{"/class?id=$made{fclass}"}, "no link to the other school's class");

	# Each row: the class, the teacher's full name, the number of students.
	my @rows = $html =~ /(<tr\b.*?<\/tr\s*>)/gis;
	my $rows_ok = 1;
	for my $k (@classes) {
		my ($row) = grep { m{href="/class\?id=$k->{id}"} } @rows;
		my $n = sql_value("SELECT COUNT(*) FROM class_student WHERE class_id = $k->{id}"
		    . ' AND left_on IS NULL');
		my $teacher = $k->{teacher_id} ? person_name(@{ (sql('SELECT last_name, first_name,'
		    . " middle_name FROM person WHERE id = $k->{teacher_id}"))[0] }) : undef;
		my $rt = page_text($row // '');
		my $re = class_name_re($k->{name});
		unless ($row && $rt =~ $re && (!$teacher || index($rt, $teacher) >= 0)
		    && $rt =~ /(?<![\d.])\Q$n\E(?![\d.])/) {
			$rows_ok = 0;
			diag("row of «$k->{name}» (teacher " . ($teacher // '-') . ", $n students): "
			    . ($row ? $rt : 'no <tr> with its link'));
		}
	}
	ok($rows_ok, '/classes: each row has the class, its teacher\'s full name and the number of current students');
}

# ------------------------------------------------------------ /classes (class teacher)
my $cc = login_ok($ct->{login}, $ct->{password}, "log in as $ct->{login}, class teacher of «$own->{name}»");
{
	my $r = $cc->get('/classes');
	status_is($r, 200, "/classes as the class teacher of «$own->{name}»");
	my @links = grep { m{^/class\?id=} } links_of($r->text);
	my %u = map { $_ => 1 } @links;
	is_deeply([ sort keys %u ], ["/class?id=$own->{id}"],
	    '... links only to their own class') or diag "links: @links";
	like(page_text($r->text), class_name_re($own->{name}), "... shows «$own->{name}»");

	$r = $cc->get("/class?id=$own->{id}");
	status_is($r, 200, "/class of their own class «$own->{name}» → 200");
	my @l = links_of($r->text);
	ok((grep { $_ eq "/slips?class=$own->{id}" } @l), '... with a link to the slips of the class');
	ok((grep { m{^/consent\?guardian=\d+&class=$own->{id}$} } @l),
	    '... and links to the consent of guardians');

	$r = $cc->get("/class?id=$other->{id}");
	status_is($r, 403, "/class of another class «$other->{name}» → 403");
	russian_html_ok($r, '403 page');
	unlike($r->text, qr/\Q$other->{name}\E класс|<table\b[^>]*roster/i,
	    '... and the 403 page shows no roster');
	status_is($cc->get("/class?id=$made{fclass}"), 404,
	    "/class of another school's class → 404 (not 403: nothing to tell)");
}

# ------------------------------------------------------------ bad ids
for my $q ('', '?id=', '?id=abc', '?id=9x', '?id=-1', '?id=1.5', '?id=%00', '?x=1') {
	my $r = $ca->get("/class$q");
	status_is($r, 400, "/class$q → 400");
	russian_html_ok($r, "/class$q");
}
for my $id (999999, $made{fclass}) {
	my $r = $ca->get("/class?id=$id");
	status_is($r, 404, "/class?id=$id " . ($id == 999999 ? '(no such class)' : "(another school's)") . ' → 404');
	russian_html_ok($r, "/class?id=$id");
}

# ------------------------------------------------------------ the roster
{
	my $r = $ca->get("/class?id=$own->{id}");
	status_is($r, 200, "/class?id=$own->{id} («$own->{name}») as the admin");
	security_headers_ok($r, '/class');
	russian_html_ok($r, '/class', class_name_re($own->{name}));
	no_inline_script_ok($r, '/class');
	unlike($r->text, qr/\$argon2/, '/class: no password hash');
	unlike($r->text, qr/pw_hash|\$argon2id\$v=/, '... nor anything like one');
	my $html = $r->text;
	my $text = page_text($html);

	my @students = class_students($own->{id});
	my $n_db = sql_value("SELECT COUNT(*) FROM class_student WHERE class_id = $own->{id} AND left_on IS NULL");
	is(scalar @students, $n_db, "the class has $n_db current students in the DB");
	my %guardians;
	my @names;
	for my $s (@students) {
		push @names, $s->{full};
		$s->{guardians} = [ guardians_of($s->{id}) ];
		for my $g (@{ $s->{guardians} }) {
			$guardians{ $g->{id} } = $g;
			push @names, $g->{full};
		}
	}
	# The text from a person's name to the next name of the page.
	my $segment = sub { segment_of($text, $_[0], @names) };

	my (@missing, @bad_birth, @bad_login, @bad_g);
	my $found = 0;
	for my $s (@students) {
		my $seg = $segment->($s->{full});
		unless (defined $seg) { push @missing, $s->{full}; next }
		$found++;
		push @bad_birth, "$s->{full} ($s->{birth})"
		    if defined $s->{birth} && index($seg, $s->{birth}) < 0;
		my $want = $s->{login} // 'нет входа';
		push @bad_login, "$s->{full}: want «$want» in «$seg»" if index($seg, $want) < 0;
		for my $g (@{ $s->{guardians} }) {
			my $gs = $segment->($g->{full});
			my $st = !defined $g->{state} ? 'нет заявления'
			    : $g->{state} eq 'consent' ? 'согласие' : 'отказ';
			my $gl = $g->{login} // 'нет входа';
			push @bad_g, "$g->{full} (state $st, login $gl): " . ($gs // 'not on the page')
			    unless defined $gs && index($gs, $st) >= 0 && index($gs, $gl) >= 0;
		}
	}
	is($found, $n_db, "the roster names all $n_db current students") or diag "missing: @missing";
	ok(!@bad_birth, 'each student\'s birth date (dd.mm.yyyy) is shown with the name')
	    or diag "@bad_birth";
	ok(!@bad_login, 'each student\'s login (or «нет входа») is shown') or diag join("\n", @bad_login[0 .. ($#bad_login < 4 ? $#bad_login : 4)]);
	ok(scalar(keys %guardians) > 0, 'the students of the class have guardians in the DB');
	ok(!@bad_g, 'under the students: every guardian with their consent state and login (or «нет входа»)')
	    or diag join("\n", @bad_g[0 .. ($#bad_g < 4 ? $#bad_g : 4)]);

	# The student and the guardian without accounts.
	my $seg = $segment->('Безлогинова Проверка Тестовна') // '';
	like($seg, qr/нет входа/, 'a student without an account: «нет входа»');
	like($seg, qr/07\.03\.2014/, '... and the birth date 07.03.2014');
	$seg = $segment->('Безлогинов Опекун Тестович') // '';
	like($seg, qr/нет входа/, 'a guardian without an account: «нет входа»');
	like($seg, qr/нет заявления/, '... and no statement: «нет заявления»');

	unlike($text, qr/Выбывшая Проверка/, 'a student who has left the class is not on the roster');
	my ($stranger) = grep { my $f = $_->{full}; !grep { $_ eq $f } @names } class_students($other->{id});
	unlike($text, qr/\Q$stranger->{full}\E/, "a student of «$other->{name}» is not on the roster")
	    if $stranger;

	my @l = links_of($html);
	ok((grep { $_ eq "/slips?class=$own->{id}" } @l), 'the admin has a link to the slips of the class');
	my @cl = grep { m{^/consent\?guardian=\d+&class=$own->{id}$} } @l;
	my %cg = map { m{guardian=(\d+)} ? ($1 => 1) : () } @cl;
	is_deeply([ sort { $a <=> $b } keys %cg ], [ sort { $a <=> $b } keys %guardians ],
	    'the admin has a consent link for every guardian of the class (and only for them)');
}

# ------------------------------------------------------------ links by role
# Only those who manage the class get its links: the secretary records
# consent but prints no slips; the others only look.  Whatever link a page
# does show must open for the one who sees it (no link into a 403).
for my $role (qw(secretary management inspector medic psychologist)) {
	my $acc = account_of_role($role) or next;
	my $c = login($acc->{login}, $acc->{password});
	ok($c->{logged_in}, "log in as $role") or next;
	my $r = $c->get("/class?id=$own->{id}");
	status_is($r, 200, "/class as $role");
	my @l = links_of($r->text);
	ok(!(grep { m{^/slips} } @l), "$role: no link to the slips");
	my @consent = grep { m{^/consent\?} } @l;
	ok(@consent, 'secretary: links to record consent') if $role eq 'secretary';
	if (@consent) {
		my $cr = $c->get($consent[0]);
		is($cr->status, 200, "$role: the consent link on the roster ($consent[0]) opens")
		    or diag res_diag($cr);
	} else {
		pass("$role: no consent links");
	}
	unlike($r->text, qr/\$argon2/, "$role: no password hash on the page");
}

# ------------------------------------------------------------ anonymous
redirects_to(client()->get("/classes"), $LOGIN_RE, '/classes without a session → /login');
redirects_to(client()->get("/class?id=$own->{id}"), $LOGIN_RE, '/class without a session → /login');

done_testing();
