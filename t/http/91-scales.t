#!/usr/bin/perl
# Grading scales and subjects (R13, R18, R24).
#
#   /scales          the school's scales with their values; a custom scale
#                    from lines «код;название;число;зачёт»; deleting an
#                    unused custom scale (a built-in or a used one: 409);
#                    the setting «+»/«−» of the five-point scale
#   /scales?id=N     one scale and where it is used
#   /subjects        subjects (name, short name, kind) with the scale of
#                    each grade 1..11 as one form; grade 1 has no marks
#   /subjects?id=N   rename, change the kind, archive
#
# The administration (admin, management) writes, the inspector reads, the
# rest get 403; another school's scale or subject is 404 (both ways: the
# test makes a second school with its own admin account).  Every change is
# audited old → new.
#
# The test restores what it changes: the demo school's grid of scales and
# its settings, the subjects and scales it made, the second school.
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
my %WRITE = map { $_ => 1 } qw(admin management);
my %READ = (%WRITE, inspector => 1);

my $admin = account_of_role('admin');
my $SCHOOL = sql_value('SELECT school_id FROM account WHERE login = ' . sq($admin->{login}));
ok($SCHOOL, "the demo admin $admin->{login} belongs to school $SCHOOL") or BAIL_OUT('no school');

# ------------------------------------------------------------ what to restore
my $grid = [ sql("SELECT subject_id, grade, scale_id FROM subject_scale WHERE school_id = $SCHOOL") ];
ok(@$grid > 50, 'the demo has a grid of scales (' . scalar(@$grid) . ' cells)');
my %setting = map { $_->[0] => $_->[1] } sql("SELECT name, value FROM school_setting"
    . " WHERE school_id = $SCHOOL AND name IN ('five_point_plus_minus', 'no_marks_grades')");
my $max_scale = sql_value('SELECT COALESCE(MAX(id), 0) FROM scale');
my $max_subject = sql_value('SELECT COALESCE(MAX(id), 0) FROM subject');
my %subject_names = map { $_->[0] => [ @$_[1 .. 4] ] }
    sql("SELECT id, name, short_name, kind, is_archived FROM subject WHERE school_id = $SCHOOL");
my %made;		# the second school: school, subject, scale, person, account

sub restore {
	eval {
		sql("DELETE FROM subject_scale WHERE school_id = $SCHOOL");
		for (my $i = 0; $i < @$grid; $i += 200) {
			my $end = $i + 199 < $#$grid ? $i + 199 : $#$grid;
			sql('INSERT INTO subject_scale (school_id, subject_id, grade, scale_id) VALUES '
			    . join(', ', map { "($SCHOOL, $_->[0], $_->[1], $_->[2])" } @$grid[$i .. $end]));
		}
		sql("DELETE FROM school_setting WHERE school_id = $SCHOOL AND name IN"
		    . " ('five_point_plus_minus', 'no_marks_grades')");
		sql("INSERT INTO school_setting (school_id, name, value) VALUES ($SCHOOL, "
		    . sq($_) . ', ' . sq($setting{$_}) . ')') for keys %setting;
		for my $id (keys %subject_names) {
			my ($n, $s, $k, $arch) = @{ $subject_names{$id} };
			sql('UPDATE subject SET name = ' . sq($n) . ', short_name = ' . sq($s)
			    . ', kind = ' . sq($k) . ", is_archived = $arch WHERE id = $id");
		}
		sql("DELETE FROM subject_scale WHERE subject_id > $max_subject OR scale_id > $max_scale");
		sql("DELETE FROM scale_value WHERE scale_id > $max_scale");
		sql("DELETE FROM scale WHERE id > $max_scale");
		sql("DELETE FROM subject WHERE id > $max_subject");
		if ($made{account}) {
			sql("DELETE FROM session WHERE account_id = $made{account};"
			    . " DELETE FROM account_role WHERE account_id = $made{account};"
			    . " DELETE FROM account WHERE id = $made{account}");
		}
		if ($made{school}) {
			sql("DELETE FROM person WHERE school_id = $made{school}");
			sql("DELETE FROM school_setting WHERE school_id = $made{school}");
			drop_school($made{school});
		}
		1;
	} or warn "cleanup: $@";
}
END {
	if (var_dir() && base_url()) {
		restore();
		eval { clear_attempts() };
	}
}

# ------------------------------------------------------------ helpers
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
	my ($c, $path, @pairs) = @_;
	return $c->post_form($path, [@pairs, csrf => $c->session_csrf // '']);
}
my $audits = sub {
	my ($action) = @_;
	return sql_value("SELECT COUNT(*) FROM audit WHERE action = " . sq($action));
};
# The grid form as a browser would send it: every select's chosen option.
sub grid_of {
	my ($html) = @_;
	my @cells;
	while ($html =~ m{<select name="cell"[^>]*>(.*?)</select>}gs) {
		my $sel = $1;
		my @opt = $sel =~ m{<option value="([^"]*)"}g;
		my ($chosen) = $sel =~ m{<option value="([^"]*)" selected}g;
		push @cells, $chosen // $opt[0];
	}
	return @cells;
}
sub scale_id_of {
	my ($kind) = @_;
	return sql_value("SELECT id FROM scale WHERE school_id = $SCHOOL AND kind = '$kind' AND is_builtin = 1");
}

my ($FIVE, $PASS, $TEN) = map { scale_id_of($_) } qw(five pass ten);
ok($FIVE && $PASS && $TEN, "the demo school has the three built-in scales ($FIVE, $PASS, $TEN)")
    or BAIL_OUT('no built-in scales');

# ------------------------------------------------------------ the second school
{
	sql("INSERT INTO school (name, short_name) VALUES ('Шкальная школа $$', 'Шкалы $$')");
	$made{school} = sql_value("SELECT id FROM school WHERE short_name = 'Шкалы $$'");
	sql("INSERT INTO subject (school_id, name, short_name) VALUES ($made{school}, 'Чужая физика', 'Физ.')");
	$made{subject} = sql_value("SELECT id FROM subject WHERE school_id = $made{school}");
	sql("INSERT INTO scale (school_id, name, kind) VALUES ($made{school}, 'Чужая шкала', 'custom')");
	$made{scale} = sql_value("SELECT id FROM scale WHERE school_id = $made{school}");
	sql("INSERT INTO scale_value (scale_id, code, name, num, is_pass, sort) VALUES"
	    . " ($made{scale}, 'x', 'икс', 1, 1, 1), ($made{scale}, 'y', 'игрек', 0, 0, 2)");
	my $hash = sql_value('SELECT pw_hash FROM account WHERE login = ' . sq($admin->{login}));
	my $login = "jtest-scales-$$";
	sql("INSERT INTO person (school_id, last_name, first_name) VALUES ($made{school}, 'Шкалов', 'Тест');"
	    . " INSERT INTO account (person_id, school_id, login, pw_hash) VALUES"
	    . " (LAST_INSERT_ID(), $made{school}, " . sq($login) . ', ' . sq($hash) . ');'
	    . " INSERT INTO account_role (account_id, role) VALUES (LAST_INSERT_ID(), 'admin')");
	$made{account} = account_id($login);
	$made{login} = $login;
	ok($made{subject} && $made{scale} && $made{account},
	    "a second school $made{school} with a subject, a scale and an admin");
}

# ------------------------------------------------------------ roles
my $ca = as('admin', $admin);
for my $role (ROLES) {
	my $acc = account_of_role($role) or next;
	my @roles = account_roles($acc->{login});
	my $read = grep { $READ{$_} } @roles;
	my $write = grep { $WRITE{$_} } @roles;
	my $c = as($role, $acc);
	for my $p ('/scales', '/subjects') {
		my $r = $c->get($p);
		status_is($r, $read ? 200 : 403, "GET $p as $role → " . ($read ? 200 : 403));
		next unless $read;
		russian_html_ok($r, "$p as $role");
		no_inline_script_ok($r, "$p as $role");
		my $forms = () = $r->text =~ m{<form method="post" action="\Q$p\E"}g;
		if ($write) {
			ok($forms > 0, "... $role sees the forms of $p");
		} else {
			is($forms, 0, "... $role sees no form on $p (read only)");
		}
	}
	next if $write;
	for my $p ('/scales', '/subjects') {
		my $r = post($c, $p, action => 'create', name => "Запрещённое $$", values => "a;а;1;да\nb;б;0;нет",
		    short_name => 'Запр.');
		status_is($r, 403, "POST $p as $role (valid csrf) → 403");
	}
}
redirects_to(client()->get('/scales'), $LOGIN_RE, 'GET /scales without a session → /login');
is(sql_value("SELECT COUNT(*) FROM scale WHERE name = 'Запрещённое $$'"), 0, 'no refused POST made a scale');
is(sql_value("SELECT COUNT(*) FROM subject WHERE name = 'Запрещённое $$'"), 0, '... nor a subject');

# ------------------------------------------------------------ the demo content
{
	my $t = page_text($ca->get('/scales')->text);
	like($t, qr/Пятибалльная.*Зачёт\/незачёт.*Десятибалльная/s, '/scales lists the three built-in scales');
	like($t, qr/зач зачёт — да/, '... pass/fail: «зач», no number, satisfactory');
	my $r = $ca->get('/subjects');
	$t = page_text($r->text);
	like($t, qr/Финансовая грамотность.*элективный курс/, '/subjects: an elective');
	like($t, qr/Школьный театр.*внеурочная деятельность/, '... and an extracurricular activity');
	like($t, qr/без отметок/, '... grade 1 shows «без отметок»');
	unlike($r->text, qr/<option value="\d+:1:/, '... and has no select for grade 1');
	my $orkse = sql_value("SELECT id FROM subject WHERE school_id = $SCHOOL AND short_name = 'ОРКСЭ'");
	is(sql_value("SELECT scale_id FROM subject_scale WHERE subject_id = $orkse AND grade = 4"), $PASS,
	    'the demo: ОРКСЭ in grade 4 is pass/fail');
	is(sql_value("SELECT COUNT(*) FROM subject_scale WHERE school_id = $SCHOOL AND grade = 1"), 0,
	    '... and no subject has a scale in grade 1');
}

# ------------------------------------------------------------ objects of another school
{
	for my $q ("/scales?id=$made{scale}", "/subjects?id=$made{subject}", '/scales?id=999999',
	    '/subjects?id=999999') {
		status_is($ca->get($q), 404, "GET $q as the demo admin → 404");
	}
	for my $q ('/scales?id=abc', '/subjects?id=0') {
		status_is($ca->get($q), 400, "GET $q → 400");
	}
	my $r = post($ca, '/scales', action => 'delete', id => $made{scale});
	status_is($r, 404, 'POST delete of another school\'s scale → 404');
	is(sql_value("SELECT COUNT(*) FROM scale WHERE id = $made{scale}"), 1, '... it is still there');
	$r = post($ca, '/subjects', action => 'update', id => $made{subject}, name => 'Захвачено', kind => 'class');
	status_is($r, 404, 'POST update of another school\'s subject → 404');
	is(sql_value("SELECT name FROM subject WHERE id = $made{subject}"), 'Чужая физика', '... its name is unchanged');
	my $own = (keys %subject_names)[0];
	my $n = $audits->('subject_scale');
	$r = post($ca, '/subjects', action => 'scales', cell => "$own:5:$FIVE", cell => "$made{subject}:5:$FIVE");
	status_is($r, 404, 'POST grid with a cell of another school\'s subject → 404');
	$r = post($ca, '/subjects', action => 'scales', cell => "$own:5:$made{scale}");
	status_is($r, 404, '... with another school\'s scale → 404');
	is(sql_value("SELECT COUNT(*) FROM subject_scale WHERE scale_id = $made{scale} OR subject_id = $made{subject}"),
	    0, '... nothing written');
	is($audits->('subject_scale'), $n, '... nor audited');
	for my $bad ("$own:12:$FIVE", "$own:5", "x:5:$FIVE", "$own:5:$FIVE:1") {
		status_is(post($ca, '/subjects', action => 'scales', cell => $bad), 400, "POST grid with cell «$bad» → 400");
	}
	status_is(post($ca, '/subjects', action => 'scales', cell => "$own:5:$FIVE", cell => "$own:5:$TEN"), 400,
	    'POST grid with one cell twice → 400');

	# The other school's admin sees only its own, and lacks the built-ins.
	my $cf = as('the second school\'s admin', { login => $made{login}, password => $admin->{password} });
	$r = $cf->get('/scales');
	status_is($r, 200, 'GET /scales as the second school\'s admin');
	my $t = page_text($r->text);
	like($t, qr/Чужая шкала/, '... shows its own scale');
	unlike($t, qr/Пятибалльная/, '... and not the demo school\'s');
	like($t, qr/нет части встроенных шкал/, '... and says the built-in scales are missing');
	status_is($cf->get("/scales?id=$FIVE"), 404, "... the demo school's scale $FIVE → 404");
	status_is($cf->get('/subjects?id=' . $own), 404, "... the demo school's subject $own → 404");
	unlike(page_text($cf->get('/subjects')->text), qr/Русский язык/, '... /subjects has no demo subject');
	my $nb = $audits->('scale_builtin');
	redirects_to(post($cf, '/scales', action => 'builtin'), '/scales', 'it adds the built-in scales → 303');
	is(sql_value("SELECT COUNT(*) FROM scale WHERE school_id = $made{school} AND is_builtin = 1"), 3,
	    '... three built-in scales');
	is(sql_value("SELECT COUNT(*) FROM scale_value v JOIN scale s ON s.id = v.scale_id"
	    . " WHERE s.school_id = $made{school} AND s.is_builtin = 1"), 22, '... with their 22 values');
	is($audits->('scale_builtin'), $nb + 1, '... one audit row');
	unlike(page_text($cf->get('/scales')->text), qr/нет части встроенных шкал/, '... nothing is missing now');
	redirects_to(post($cf, '/scales', action => 'builtin'), '/scales', 'adding them again → 303');
	is(sql_value("SELECT COUNT(*) FROM scale WHERE school_id = $made{school}"), 4, '... and adds nothing');
}

# ------------------------------------------------------------ a custom scale
my $SCALE;
{
	my $n = sql_value("SELECT COUNT(*) FROM scale WHERE school_id = $SCHOOL");
	my $before = $audits->('scale_create');
	my @cases = (
		[ 'a code twice', "A;отлично;5;да\nB;хорошо;4;да\nA;снова;3;да", qr/повторяться/ ],
		[ 'one value', "A;отлично;5;да", qr/не меньше двух/ ],
		[ 'a number of 150', "A;отлично;150;да\nB;плохо;1;нет", qr/от 0 до 100/ ],
		[ 'three decimals', "A;отлично;4,125;да\nB;плохо;1;нет", qr/от 0 до 100/ ],
		[ 'no pass field', "A;отлично;5\nB;плохо;1;нет", qr/четыре поля/ ],
		[ 'pass «может быть»', "A;отлично;5;может быть\nB;плохо;1;нет", qr/«да»/ ],
		[ 'the code «н»', "н;отлично;5;да\nB;плохо;1;нет", qr/занят/ ],
		[ 'a code of 9 characters', "ABCDEFGHI;отлично;5;да\nB;плохо;1;нет", qr/не длиннее 8/ ],
		[ 'no satisfactory value', "A;плохо;2;нет\nB;совсем плохо;1;нет", qr/удовлетворительным/ ],
	);
	for my $case (@cases) {
		my ($what, $values, $msg) = @$case;
		my $r = post($ca, '/scales', action => 'create', name => "Тестовая $$", values => $values);
		status_is($r, 400, "a custom scale with $what → 400");
		russian_html_ok($r, "... ($what)", $msg);
		like($r->text, qr/Строка|значени/, '... the message names the line or the values');
	}
	my $r = post($ca, '/scales', action => 'create', values => "A;а;1;да\nB;б;0;нет");
	status_is($r, 400, 'a custom scale without a name → 400');
	russian_html_ok($r, '... (no name)', qr/Укажите название шкалы/);
	is(sql_value("SELECT COUNT(*) FROM scale WHERE school_id = $SCHOOL"), $n, 'no invalid post made a scale');
	is($audits->('scale_create'), $before, '... nor an audit row');

	$r = post($ca, '/scales', action => 'create', name => "Тестовая $$",
	    values => "A;отлично;5;да\r\nB;хорошо;4,5;да\n\n C ; плохо ; ; нет \n");
	redirects_to($r, qr{^/scales\?id=\d+$}, 'a valid custom scale → 303 /scales?id=N');
	($SCALE) = ($r->location // '') =~ /id=(\d+)/;
	is_deeply([ sql("SELECT code, name, num, is_pass, is_plus_minus FROM scale_value WHERE scale_id = "
	    . ($SCALE // 0) . " ORDER BY sort") ],
	    [ [ 'A', 'отлично', '5.00', 1, 0 ], [ 'B', 'хорошо', '4.50', 1, 0 ], [ 'C', 'плохо', undef, 0, 0 ] ],
	    '... its values: codes, names, numbers (4,5 → 4.50; empty → NULL), pass flags');
	is(sql_value("SELECT CONCAT(school_id, ' ', kind, ' ', is_builtin) FROM scale WHERE id = " . ($SCALE // 0)),
	    "$SCHOOL custom 0", '... a custom scale of the school');
	is($audits->('scale_create'), $before + 1, '... one audit row');
	like(sql_value("SELECT new_value FROM audit WHERE action = 'scale_create' ORDER BY id DESC LIMIT 1"),
	    qr/Тестовая $$:.*A.*B.*C/, '... naming the scale and its values');
	my $t = page_text($ca->get("/scales?id=$SCALE")->text);
	like($t, qr/A отлично 5 да B хорошо 4,5 да C плохо — нет/, '/scales?id= shows it, 4,5 with a comma');
	like($t, qr/Ни одному предмету/, '... unused');

	$r = post($ca, '/scales', action => 'create', name => "Тестовая $$", values => "X;а;1;да\nY;б;0;нет");
	status_is($r, 400, 'a second scale of the same name → 400');
	russian_html_ok($r, '... (duplicate name)', qr/уже есть/);
}

# ------------------------------------------------------------ the grid
my $PHYS = sql_value("SELECT id FROM subject WHERE school_id = $SCHOOL AND name = 'Физика'");
ok($PHYS, "«Физика» is subject $PHYS");
{
	my $r = $ca->get('/subjects');
	my @cells = grid_of($r->text);
	ok(@cells > 100, 'the grid form has a select per subject and grade (' . scalar(@cells) . ')');
	ok((grep { $_ eq "$PHYS:7:$FIVE" } @cells), "... Физика in grade 7 is five-point");

	my $before = $audits->('subject_scale');
	$r = $ca->post_form('/subjects', [action => 'scales', (map { (cell => $_) } @cells),
	    csrf => $ca->session_csrf]);
	redirects_to($r, '/subjects', 'saving the grid unchanged → 303 /subjects');
	is($audits->('subject_scale'), $before, '... and writes no audit row');

	my @changed = map { $_ eq "$PHYS:7:$FIVE" ? "$PHYS:7:$TEN" : $_ eq "$PHYS:8:$FIVE" ? "$PHYS:8:0" : $_ } @cells;
	$r = $ca->post_form('/subjects', [action => 'scales', (map { (cell => $_) } @changed),
	    csrf => $ca->session_csrf]);
	redirects_to($r, '/subjects', 'the admin changes Физика 7 to ten-point and removes Физика 8 → 303');
	is(sql_value("SELECT scale_id FROM subject_scale WHERE subject_id = $PHYS AND grade = 7"), $TEN,
	    '... Физика 7 is ten-point');
	is(sql_value("SELECT COUNT(*) FROM subject_scale WHERE subject_id = $PHYS AND grade = 8"), 0,
	    '... Физика 8 has no scale');
	is($audits->('subject_scale'), $before + 2, '... two audit rows, one per changed cell');
	my @rows = sql("SELECT object_type, object_id, old_value, new_value FROM audit"
	    . " WHERE action = 'subject_scale' ORDER BY id DESC LIMIT 2");
	is_deeply([ sort { ($a->[2] // '') cmp ($b->[2] // '') } @rows ],
	    [ [ 'subject', $PHYS, '7 класс: Пятибалльная', '7 класс: Десятибалльная' ],
	      [ 'subject', $PHYS, '8 класс: Пятибалльная', undef ] ],
	    '... old → new: «7 класс: Пятибалльная» → «7 класс: Десятибалльная», grade 8 → none');
	is(sql_value("SELECT account_id FROM audit WHERE action = 'subject_scale' ORDER BY id DESC LIMIT 1"),
	    account_id($admin->{login}), '... by the admin');

	# Management writes too: back as it was.
	my $cm = as('management', account_of_role('management'));
	$r = $cm->post_form('/subjects', [action => 'scales', cell => "$PHYS:7:$FIVE", cell => "$PHYS:8:$FIVE",
	    csrf => $cm->session_csrf]);
	redirects_to($r, '/subjects', 'management puts Физика 7 and 8 back (two cells only) → 303');
	is(sql_value("SELECT GROUP_CONCAT(scale_id ORDER BY grade) FROM subject_scale WHERE subject_id = $PHYS"
	    . " AND grade IN (7, 8)"), "$FIVE,$FIVE", '... both five-point again; the other cells untouched');
	is(sql_value("SELECT COUNT(*) FROM subject_scale WHERE school_id = $SCHOOL"), scalar(@$grid),
	    '... the grid has as many cells as at the start');
}

# ------------------------------------------------------------ grade 1 (R24)
{
	my $before = $audits->('subject_scale');
	my $r = post($ca, '/subjects', action => 'scales', cell => "$PHYS:1:$FIVE");
	status_is($r, 400, 'a scale in grade 1 → 400');
	russian_html_ok($r, '... (grade 1)', qr/В 1 классе отметок не ставят/);
	is(sql_value("SELECT COUNT(*) FROM subject_scale WHERE subject_id = $PHYS AND grade = 1"), 0, '... not written');
	is($audits->('subject_scale'), $before, '... nor audited');
	redirects_to(post($ca, '/subjects', action => 'scales', cell => "$PHYS:1:0"), '/subjects',
	    '... while «none» in grade 1 is accepted (nothing to do)');

	# A school that gives marks in grade 1 says so in its settings.
	sql("REPLACE INTO school_setting (school_id, name, value) VALUES ($SCHOOL, 'no_marks_grades', '')");
	$r = $ca->get('/subjects');
	like($r->text, qr/<option value="$PHYS:1:$FIVE"/, 'with no_marks_grades empty, grade 1 has a select');
	redirects_to(post($ca, '/subjects', action => 'scales', cell => "$PHYS:1:$FIVE"), '/subjects',
	    '... and takes a scale → 303');
	is(sql_value("SELECT scale_id FROM subject_scale WHERE subject_id = $PHYS AND grade = 1"), $FIVE, '... written');
	sql("REPLACE INTO school_setting (school_id, name, value) VALUES ($SCHOOL, 'no_marks_grades', '1, 2')");
	$r = post($ca, '/subjects', action => 'scales', cell => "$PHYS:2:$TEN");
	status_is($r, 400, 'with no_marks_grades «1, 2», a scale in grade 2 → 400');
	like(page_text($ca->get('/subjects')->text), qr/1 кл\. 2 кл\. — без отметок/, '... the page says so');
	sql("DELETE FROM school_setting WHERE school_id = $SCHOOL AND name = 'no_marks_grades'");
	sql("DELETE FROM subject_scale WHERE subject_id = $PHYS AND grade = 1");
}

# ------------------------------------------------------------ deleting scales
{
	my $r = post($ca, '/scales', action => 'delete', id => $FIVE);
	status_is($r, 409, 'deleting the built-in five-point scale → 409');
	russian_html_ok($r, '... (built-in)', qr/Встроенную шкалу удалить нельзя/);
	is(sql_value("SELECT COUNT(*) FROM scale WHERE id = $FIVE"), 1, '... it is still there');

	my $subj = sql_value("SELECT id FROM subject WHERE school_id = $SCHOOL AND name = 'Робототехника'");
	redirects_to(post($ca, '/subjects', action => 'scales', cell => "$subj:9:$SCALE"), '/subjects',
	    "Робототехника 9 gets the custom scale");
	like(page_text($ca->get("/scales?id=$SCALE")->text), qr/Робототехника: 9 кл\./, '/scales?id= shows where it is used');
	my $d = $audits->('scale_delete');
	$r = post($ca, '/scales', action => 'delete', id => $SCALE);
	status_is($r, 409, 'deleting the custom scale while a subject uses it → 409');
	russian_html_ok($r, '... (used)', qr/назначена предметам/);
	is(sql_value("SELECT COUNT(*) FROM scale_value WHERE scale_id = $SCALE"), 3, '... it keeps its values');
	redirects_to(post($ca, '/subjects', action => 'scales', cell => "$subj:9:0"), '/subjects', '... unassigned');
	redirects_to(post($ca, '/scales', action => 'delete', id => $SCALE), '/scales', '... then deleted → 303');
	is(sql_value("SELECT COUNT(*) FROM scale WHERE id = $SCALE"), 0, '... gone');
	is(sql_value("SELECT COUNT(*) FROM scale_value WHERE scale_id = $SCALE"), 0, '... with its values');
	is($audits->('scale_delete'), $d + 1, '... one audit row');
	like(sql_value("SELECT old_value FROM audit WHERE action = 'scale_delete' ORDER BY id DESC LIMIT 1"),
	    qr/^Тестовая $$: A B C$/, '... with what was deleted');
}

# ------------------------------------------------------------ subjects
{
	my $r = post($ca, '/subjects', action => 'create', name => 'Русский язык', short_name => 'Рус.');
	status_is($r, 400, 'a second «Русский язык» → 400');
	russian_html_ok($r, '... (duplicate)', qr/Такой предмет в школе уже есть/);
	$r = post($ca, '/subjects', action => 'create', name => "Шахматы $$", kind => 'sport');
	status_is($r, 400, 'kind «sport» → 400');
	russian_html_ok($r, '... (kind)', qr/Выберите вид/);
	$r = post($ca, '/subjects', action => 'create', name => 'Очень длинное название предмета без краткого');
	status_is($r, 400, 'a long name without a short one → 400');
	$r = post($ca, '/subjects', action => 'create', kind => 'class');
	status_is($r, 400, 'no name → 400');

	my $before = $audits->('subject_create');
	$r = post($ca, '/subjects', action => 'create', name => "Шахматы $$", kind => 'extracurricular');
	redirects_to($r, '/subjects', "«Шахматы $$», extracurricular → 303");
	my ($row) = sql("SELECT id, short_name, kind, is_archived FROM subject WHERE school_id = $SCHOOL"
	    . " AND name = 'Шахматы $$'");
	ok($row, '... created');
	is_deeply([ @$row[1 .. 3] ], [ "Шахматы $$", 'extracurricular', 0 ], '... short name = name, the kind');
	is($audits->('subject_create'), $before + 1, '... one audit row');
	my $id = $row->[0];
	like(page_text($ca->get('/subjects')->text), qr/Шахматы $$ внеурочная деятельность/, '... listed with its kind');

	$r = post($ca, '/subjects', action => 'update', id => $id, name => 'Физика', short_name => 'Ф', kind => 'class');
	status_is($r, 400, 'renaming it to «Физика» → 400');
	russian_html_ok($r, '... (duplicate)', qr/уже есть/);
	my $u = $audits->('subject_update');
	$r = post($ca, '/subjects', action => 'update', id => $id, name => "Шахматный клуб $$", short_name => 'Шахм.',
	    kind => 'elective', archived => 1);
	redirects_to($r, '/subjects', 'renamed, made an elective, archived → 303');
	is_deeply([ sql("SELECT name, short_name, kind, is_archived FROM subject WHERE id = $id") ],
	    [ [ "Шахматный клуб $$", 'Шахм.', 'elective', 1 ] ], '... saved');
	my ($old, $new) = @{ (sql("SELECT old_value, new_value FROM audit WHERE action = 'subject_update'"
	    . " AND object_id = $id ORDER BY id DESC LIMIT 1"))[0] // [] };
	is($audits->('subject_update'), $u + 1, '... one audit row');
	is($old, "Шахматы $$ (Шахматы $$; extracurricular)", '... old');
	is($new, "Шахматный клуб $$ (Шахм.; elective; в архиве)", '... new');
	my $t = $ca->get('/subjects')->text;
	unlike($t, qr/<option value="$id:/, 'an archived subject has no selects in the grid');
	status_is($ca->get("/subjects?id=$id"), 200, "GET /subjects?id=$id → 200");
	my $ci = as('inspector', account_of_role('inspector'));
	$r = $ci->get("/subjects?id=$id");
	status_is($r, 200, '... as the inspector too');
	unlike($r->text, qr/name="action"/, '... without a form');
}

# ------------------------------------------------------------ «+» and «−»
{
	my $pm = qr{<code class="mark-code">4\+</code>};
	my $on = sql_value("SELECT value FROM school_setting WHERE school_id = $SCHOOL AND name = 'five_point_plus_minus'");
	sql("DELETE FROM school_setting WHERE school_id = $SCHOOL AND name = 'five_point_plus_minus'");
	my $r = $ca->get('/scales');
	unlike($r->text, $pm, 'by default (the config: 0) /scales shows no «4+»');
	like(page_text($r->text), qr/Сейчас: выключены/, '... and says «выключены»');
	my $before = $audits->('setting');
	redirects_to(post($ca, '/scales', action => 'plus_minus', plus_minus => 1), '/scales', 'the admin switches «+»/«−» on → 303');
	is(sql_value("SELECT value FROM school_setting WHERE school_id = $SCHOOL AND name = 'five_point_plus_minus'"), '1',
	    '... school_setting five_point_plus_minus = 1');
	is($audits->('setting'), $before + 1, '... one audit row');
	is_deeply([ sql("SELECT object_type, object_id, old_value, new_value FROM audit WHERE action = 'setting'"
	    . ' ORDER BY id DESC LIMIT 1') ], [ [ 'school', $SCHOOL, 'five_point_plus_minus = 0',
	    'five_point_plus_minus = 1' ] ], '... old → new');
	$r = $ca->get('/scales');
	like($r->text, $pm, '... /scales now shows «4+»');
	like($r->text, qr{<code class="mark-code">5-</code>}, '... and «5-»');
	like(page_text($r->text), qr/Сейчас: включены/, '... and says «включены»');
	like(as('inspector', account_of_role('inspector'))->get('/scales')->text, $pm, '... the inspector sees them too');
	status_is(post($ca, '/scales', action => 'plus_minus', plus_minus => 'maybe'), 400, 'plus_minus=maybe → 400');
	status_is(post($ca, '/scales', action => 'plus_minus'), 400, 'plus_minus missing → 400');
	status_is(post($ca, '/scales', action => 'explode'), 400, 'an unknown action → 400');
	redirects_to(post($ca, '/scales', action => 'plus_minus', plus_minus => 0), '/scales', 'switched off again → 303');
	unlike($ca->get('/scales')->text, $pm, '... «4+» is hidden again');
	is(sql_value("SELECT COUNT(*) FROM scale_value WHERE scale_id = $FIVE AND code = '4+'"), 1,
	    '... but still stored');
}

done_testing();
