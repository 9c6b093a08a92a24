#!/usr/bin/perl
# Personal files (R7, R17): the object check and its field groups (the
# table in lib/personal.h) for every role that opens /person, on a
# student's, a guardian's and a staff member's file, a field the role may
# not see absent from the HTML; edits with one audit row per changed
# field (documents and СНИЛС masked); validation in Russian; the class
# teacher's quarterly check on /pdcheck.  The walk test covers the roles
# of the screens themselves.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

# ------------------------------------------------------------ the objects
# A current student with every field filled, whose class teacher has a
# demo login, and another unconfirmed student of the same class.
my ($S, $C, $T) = @{ (sql("SELECT cs.student_id, c.id, c.teacher_id"
    . " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    . " JOIN person_file f ON f.person_id = cs.student_id"
    . " JOIN account ta ON ta.person_id = c.teacher_id AND ta.is_active = 1"
    . " WHERE cs.left_on IS NULL AND f.phone IS NOT NULL AND f.snils IS NOT NULL"
    . " AND f.health_notes IS NOT NULL AND f.documents IS NOT NULL"
    . " AND EXISTS (SELECT 1 FROM guardian g WHERE g.student_id = cs.student_id)"
    . " AND (SELECT COUNT(*) FROM class c2 WHERE c2.teacher_id = c.teacher_id) = 1"
    . " AND EXISTS (SELECT 1 FROM class_student s2 WHERE s2.class_id = c.id"
    . "   AND s2.left_on IS NULL AND s2.student_id <> cs.student_id"
    . "   AND NOT EXISTS (SELECT 1 FROM pd_check k WHERE k.person_id = s2.student_id"
    . "     AND k.checked_on > CURDATE() - INTERVAL 100 DAY))"
    . " ORDER BY c.grade DESC, cs.student_id LIMIT 1"))[0] // [] };
ok($S, "a student ($S) of class $C led by $T") or do { done_testing(); exit };
my $S2 = sql_value("SELECT s2.student_id FROM class_student s2 WHERE s2.class_id = $C"
    . " AND s2.left_on IS NULL AND s2.student_id <> $S AND NOT EXISTS (SELECT 1"
    . " FROM pd_check k WHERE k.person_id = s2.student_id"
    . " AND k.checked_on > CURDATE() - INTERVAL 100 DAY) ORDER BY s2.student_id LIMIT 1");
my $G = sql_value("SELECT guardian_id FROM guardian WHERE student_id = $S ORDER BY guardian_id LIMIT 1");
my ($C2, $T2) = @{ (sql("SELECT c.id, c.teacher_id FROM class c JOIN account a"
    . " ON a.person_id = c.teacher_id AND a.is_active = 1 WHERE c.id <> $C"
    . " AND c.teacher_id <> $T ORDER BY c.id LIMIT 1"))[0] };
# A staff member who is nobody's guardian and leads no class.
my $X = sql_value("SELECT s.person_id FROM staff s JOIN person_file f ON f.person_id = s.person_id"
    . " WHERE s.dismissed_on IS NULL AND f.documents IS NOT NULL AND f.phone IS NOT NULL"
    . " AND NOT EXISTS (SELECT 1 FROM guardian g WHERE g.guardian_id = s.person_id)"
    . " AND NOT EXISTS (SELECT 1 FROM class c WHERE c.teacher_id = s.person_id)"
    . " ORDER BY s.person_id LIMIT 1");
ok($S2 && $G && $C2 && $X, "another student $S2, a guardian $G, class $C2 (teacher $T2), staff $X");

sub file_of {
	my ($id) = @_;
	my ($r) = sql("SELECT phone, email, address_reg, address_live, documents, snils,"
	    . " health_group, health_notes FROM person_file WHERE person_id = $id");
	my %f;
	@f{qw(phone email address_reg address_live documents snils health_group health_notes)} = @$r;
	return \%f;
}
my %saved = map { $_ => file_of($_) } $S, $G, $X;
my $birth = sql_value("SELECT birth_date FROM person WHERE id = $S");
my $max_check = sql_value('SELECT IFNULL(MAX(id), 0) FROM pd_check');
my ($other_school, $stranger);
END {
	return unless var_dir() && base_url();
	for my $id (keys %saved) {
		my $f = $saved{$id};
		eval { sql("UPDATE person_file SET " . join(', ', map { "$_ = " . sq($f->{$_}) }
		    sort keys %$f) . " WHERE person_id = $id") };
	}
	eval { sql("UPDATE person SET birth_date = " . sq($birth) . " WHERE id = $S") } if $S;
	eval { sql("DELETE FROM pd_check WHERE id > $max_check") } if defined $max_check;
	eval { sql("DELETE FROM person WHERE id = $stranger") } if $stranger;
	eval { drop_school($other_school) } if $other_school;
	eval { clear_attempts() };
}

# The HTML form of a stored value (escaping is on by default).
sub h {
	my ($s) = @_;
	$s =~ s/&/&amp;/g;
	$s =~ s/</&lt;/g;
	$s =~ s/>/&gt;/g;
	$s =~ s/"/&quot;/g;
	return $s;
}
my $sf = $saved{$S};
# The first line of the documents (a textarea keeps the line break).
my ($sdoc) = split /\n/, $sf->{documents};
my %marker = (
	contacts  => h($sf->{phone}),
	documents => h($sdoc),
	snils     => h($sf->{snils}),
	health    => h($sf->{health_notes}),
);

my %pw = map { $_->{login} => $_->{password} } accounts();
my %who;
for my $role (qw(admin secretary management medic psychologist hr)) {
	my $a = account_of_role($role);
	$who{$role} = login_ok($a->{login}, $a->{password}, "$role logs in");
}
my $tl = account_of_person($T);
my $t2l = account_of_person($T2);
$who{own} = login_ok($tl->{login}, $tl->{password}, "the class teacher of $C logs in");
$who{other} = login_ok($t2l->{login}, $t2l->{password}, 'another class teacher logs in');

# Which groups a page shows: the stored values present or absent.
sub groups_are {
	my ($r, $want, $what) = @_;
	my $html = $r->text;
	for my $g (sort keys %marker) {
		my $has = index($html, $marker{$g}) >= 0 ? 1 : 0;
		is($has, ($want->{$g} ? 1 : 0), "$what: $g " . ($want->{$g} ? 'shown' : 'absent from the HTML'));
	}
}
my $page = "/person?id=$S&class=$C";
my $form_re = qr{<form method="post" action="/person\?id=};

# ------------------------------------------------------------ a student's file
for my $w (qw(admin secretary own)) {
	my $r = $who{$w}->get($page);
	status_is($r, 200, "student file as $w");
	groups_are($r, { contacts => 1, documents => 1, snils => 1, health => 1 }, "student as $w");
	like($r->text, $form_re, "$w gets the edit form");
	like($r->text, qr/name="documents"/, "... with the documents");
}
{
	my $r = $who{management}->get($page);
	status_is($r, 200, 'student file as management');
	groups_are($r, { contacts => 1 }, 'student as management');
	unlike($r->text, $form_re, 'management: no edit form');
	unlike($r->text, qr/СНИЛС|Свидетельство о рождении/, 'management: no document field at all');

	$r = $who{psychologist}->get($page);
	status_is($r, 200, 'student file as psychologist');
	groups_are($r, { contacts => 1 }, 'student as psychologist');

	$r = $who{medic}->get($page);
	status_is($r, 200, 'student file as medic');
	groups_are($r, { health => 1 }, 'student as medic');
	like($r->text, qr/<option value="\Q$sf->{health_group}\E" selected>/, 'medic: the health group');
	like($r->text, $form_re, 'medic: a form (for health only)');
	unlike($r->text, qr/name="phone"/, 'medic: no contact fields in it');

	status_is($who{hr}->get($page), 403, 'student file as hr: 403');
	status_is($who{hr}->get("/person?id=$S"), 403, '... also without a class');
	status_is($who{other}->get($page), 403, 'another class teacher: 403');
	status_is($who{other}->get("/person?id=$S&class=$C2"), 403,
	    '... also through their own class');
	status_is($who{admin}->get("/person?id=$S&class=$C2"), 403,
	    'a class the student is not in: 403');
	status_is($who{admin}->get('/person'), 400, 'no id: 400');
	status_is($who{admin}->get('/person?id=' . (1 + sql_value('SELECT MAX(id) FROM person'))),
	    404, 'no such person: 404');
}

# Another school's person: 404, not 403 (nothing said about them).
{
	sql("INSERT INTO school (name, short_name) VALUES ('Тестовая школа 96', 'ТШ 96')");
	$other_school = sql_value("SELECT MAX(id) FROM school WHERE short_name = 'ТШ 96'");
	sql("INSERT INTO person (school_id, last_name, first_name) VALUES ($other_school, 'Чужой', 'Ученик')");
	$stranger = sql_value("SELECT MAX(id) FROM person WHERE school_id = $other_school");
	status_is($who{admin}->get("/person?id=$stranger"), 404, "another school's person: 404");
	status_is($who{secretary}->get("/person?id=$stranger"), 404, '... for the secretary too');
}

# The roster links the names to the files.
like($who{admin}->get("/class?id=$C")->text, qr{href="/person\?id=$S&amp;class=$C"},
    'the roster links the student to the file');
like($who{admin}->get("/class?id=$C")->text, qr{href="/person\?id=$G&amp;class=$C"},
    '... and the guardian');

# ------------------------------------------------------------ a guardian's file
{
	my $gf = $saved{$G};
	my ($gdoc) = split /\n/, $gf->{documents};
	my $gp = "/person?id=$G&class=$C";
	for my $w (qw(own admin secretary)) {
		my $r = $who{$w}->get($gp);
		status_is($r, 200, "guardian file as $w");
		ok(index($r->text, h($gdoc)) >= 0, "$w sees the guardian's passport");
		unlike($r->text, qr/name="health_group"/, 'no health group for a guardian');
	}
	for my $w (qw(management psychologist medic)) {
		my $r = $who{$w}->get($gp);
		status_is($r, 200, "guardian file as $w");
		ok(index($r->text, h($gdoc)) < 0, "$w: the passport is absent");
		ok(!defined $gf->{phone} || index($r->text, h($gf->{phone})) >= 0, "$w: the phone is shown");
	}
	status_is($who{hr}->get($gp), 403, 'guardian file as hr: 403');
	status_is($who{other}->get($gp), 403, 'guardian file as another class teacher: 403');
}

# ------------------------------------------------------------ a staff file
{
	my $xf = $saved{$X};
	my ($xdoc) = split /\n/, $xf->{documents};
	my $xp = "/person?id=$X";
	for my $w (qw(hr admin)) {
		my $r = $who{$w}->get($xp);
		status_is($r, 200, "staff file as $w");
		ok(index($r->text, h($xdoc)) >= 0, "$w sees the staff member's passport");
		like($r->text, $form_re, "$w may edit it");
	}
	my $r = $who{management}->get($xp);
	status_is($r, 200, 'staff file as management');
	ok(index($r->text, h($xdoc)) < 0, 'management: the passport is absent');
	ok(index($r->text, h($xf->{phone})) >= 0, 'management: the phone is shown');
	unlike($r->text, $form_re, 'management: no edit form');
	for my $w (qw(secretary medic psychologist own)) {
		status_is($who{$w}->get($xp), 403, "staff file as $w: 403");
	}
}

# ------------------------------------------------------------ /pdcheck
{
	my $since_ok = sub {
		my ($c) = @_;
		return $c->get("/pdcheck?class=$C")->text;
	};
	my $r = $who{own}->get('/pdcheck');
	redirects_to($r, "/pdcheck?class=$C", 'a class teacher goes to their class');
	my $html = $since_ok->($who{own});
	like($html, qr{/person\?id=$S2&amp;class=$C}, 'the unconfirmed student is listed with a link to the file');
	like($html, qr/подтвердить/, '... and a button');
	my $n_before = () = $html =~ /name="student"/g;

	$r = $who{management}->get('/pdcheck');
	status_is($r, 200, 'management chooses a class');
	like($r->text, qr{/pdcheck\?class=$C"}, '... from the list');
	$html = $since_ok->($who{management});
	like($html, qr{/person\?id=$S2&amp;class=$C}, 'management sees the list');
	unlike($html, qr/подтвердить<\/button>/, '... without buttons');

	status_is($who{other}->get("/pdcheck?class=$C"), 403, 'another class teacher: 403 on the list');
	my $csrf = csrf_of($who{other}->get('/home')->text);
	status_is($who{other}->post_form('/pdcheck', [ csrf => $csrf, class => $C, student => $S2 ]),
	    403, 'another class teacher cannot confirm');
	status_is($who{other}->post_form('/pdcheck', [ csrf => $csrf, class => $C2, student => $S2 ]),
	    403, '... not through their own class either');
	$csrf = csrf_of($who{management}->get('/home')->text);
	status_is($who{management}->post_form('/pdcheck', [ csrf => $csrf, class => $C, student => $S2 ]),
	    403, 'management watches, does not confirm');
	is(sql_value("SELECT COUNT(*) FROM pd_check WHERE id > $max_check"), 0, 'nothing written');

	$csrf = csrf_of($who{own}->get("/pdcheck?class=$C")->text);
	$r = $who{own}->post_form('/pdcheck', [ csrf => $csrf, class => $C, student => $S2 ]);
	redirects_to($r, "/pdcheck?class=$C", 'the class teacher confirms');
	is(sql_value("SELECT COUNT(*) FROM pd_check WHERE id > $max_check AND person_id = $S2"
	    . " AND result = 'confirmed' AND checked_on = CURDATE()"), 1, 'a check row for today');
	ok(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'pd_check' AND object_id = $S2"
	    . " AND new_value = 'confirmed'"), 'audited');
	$html = $since_ok->($who{own});
	unlike($html, qr{/person\?id=$S2&amp;}, 'the student left the list');
	my $n_after = () = $html =~ /name="student"/g;
	is($n_after, $n_before - 1, 'one fewer to confirm');
	status_is($who{own}->post_form('/pdcheck', [ csrf => $csrf, class => $C ]), 400,
	    'no student: 400');
}

# ------------------------------------------------------------ edits
sub post_file {
	my ($c, $path, @pairs) = @_;
	my $csrf = csrf_of($c->get($path)->text);
	return $c->post_form($path, [ csrf => $csrf, @pairs ]);
}
sub audit_rows {
	my ($id, $since) = @_;
	return { map { $_->[0] => [ $_->[1], $_->[2] ] } sql("SELECT action, old_value, new_value"
	    . " FROM audit WHERE object_type = 'person' AND object_id = $id AND id > $since"
	    . " AND action LIKE 'person\\_file.%'") };
}
{
	my $a0 = sql_value('SELECT MAX(id) FROM audit');
	my $newdoc = 'Свидетельство о рождении II-ИЗ № 777123, выдано отделом ЗАГС г. Заречного 01.02.2015';
	my $r = post_file($who{own}, $page, phone => '+7 (912) 000-11-22', email => 'test96@mail.ru',
	    documents => $newdoc, snils => '112 233 445 95', address_reg => $sf->{address_reg});
	redirects_to($r, "/person?id=$S&class=$C&saved=1", 'the class teacher saves the file');
	my $f = file_of($S);
	is($f->{phone}, '+7 (912) 000-11-22', 'the phone changed');
	is($f->{email}, 'test96@mail.ru', 'the e-mail changed');
	is($f->{documents}, $newdoc, 'the documents changed');
	is($f->{snils}, '112-233-445 95', 'СНИЛС stored in its usual form');
	is($f->{health_notes}, $sf->{health_notes}, 'a field not in the form is left alone');
	my $au = audit_rows($S, $a0);
	is_deeply([ sort keys %$au ], [ map { "person_file.$_" } qw(documents email phone snils) ],
	    'one audit row per changed field (the unchanged address has none)');
	is_deeply($au->{'person_file.phone'}, [ $sf->{phone}, '+7 (912) 000-11-22' ], 'phone: old → new');
	is($au->{'person_file.email'}[1], 'test96@mail.ru', 'e-mail: new');
	is($au->{'person_file.documents'}[1], '…2015', 'documents: only the last 4 characters');
	is($au->{'person_file.documents'}[0], '…' . substr($sf->{documents}, -4), '... of the old value too');
	is($au->{'person_file.snils'}[1], '…5 95', 'СНИЛС masked');
	unlike(join(' ', map { $_ // '' } map { @$_ } values %$au), qr/777123|112-233-445/, 'no full number in the audit');
	ok(sql_value("SELECT COUNT(*) FROM pd_check WHERE id > $max_check AND person_id = $S"
	    . " AND result = 'changed'"), "the class teacher's correction counts as a check");
	like($who{own}->get("/person?id=$S&class=$C&saved=1")->text, qr/Изменения сохранены/,
	    'the page says so');

	# The birth date and the health group.
	$a0 = sql_value('SELECT MAX(id) FROM audit');
	$r = post_file($who{admin}, $page, birth_date => '2012-03-04', health_group => '5',
	    health_notes => 'Новая заметка');
	redirects_to($r, "/person?id=$S&class=$C&saved=1", 'the administrator saves birth date and health');
	is(sql_value("SELECT birth_date FROM person WHERE id = $S"), '2012-03-04', 'the birth date changed');
	is(file_of($S)->{health_group}, 5, 'the health group changed');
	$au = audit_rows($S, $a0);
	is($au->{'person_file.birth_date'}[1], '2012-03-04', 'birth date audited');
	is($au->{'person_file.health_notes'}[1], '(текст, 13 симв.)', 'health notes: only their length');

	# Validation: Russian messages, nothing written.
	my $before = file_of($S);
	my $a1 = sql_value('SELECT MAX(id) FROM audit');
	for my $b ([ [ phone => '12345' ], qr/Телефон: от 10 до 15 цифр/, 'a short phone' ],
	    [ [ phone => '+7 912 ABC-11-22' ], qr/Телефон/, 'letters in the phone' ],
	    [ [ email => 'ivanova@' ], qr/Адрес электронной почты указан неверно/, 'a broken e-mail' ],
	    [ [ email => 'a b@mail.ru' ], qr/электронной почты/, 'a blank in the e-mail' ],
	    [ [ address_live => 'д' x 256 ], qr/не длиннее 255 символов/, 'a long address' ],
	    [ [ snils => '112-233-445 96' ], qr/контрольное число/, 'a wrong СНИЛС control number' ],
	    [ [ snils => '12345' ], qr/СНИЛС: 11 цифр/, 'a short СНИЛС' ],
	    [ [ documents => 'я' x 1001 ], qr/Не длиннее 1000 символов/, 'long documents' ],
	    [ [ birth_date => '2099-01-01' ], qr/не в будущем/, 'a birth date in the future' ],
	    [ [ birth_date => '31.02.2015' ], qr/Такой даты нет/, 'no such date' ],
	    [ [ health_group => '7' ], qr/Группа здоровья: от 1 до 5/, 'health group 7' ],
	    [ [ phone => '+7 912 000-00-00', email => 'x@' ], qr/почты/, 'one good, one bad field' ]) {
		my ($f, $re, $what) = @$b;
		my $r = post_file($who{own}, $page, @$f);
		status_is($r, 400, "refused: $what");
		like($r->text, $re, "... with a Russian message ($what)");
	}
	is_deeply(file_of($S), $before, 'nothing was written');
	is(sql_value("SELECT COUNT(*) FROM audit WHERE id > $a1 AND object_type = 'person'"
	    . " AND object_id = $S"), 0, '... nor audited');

	# Who may not edit.
	my $csrf = csrf_of($who{management}->get('/home')->text);
	status_is($who{management}->post_form($page, [ csrf => $csrf, phone => '+7 912 111-11-11' ]),
	    403, 'management may not edit');
	status_is(post_file($who{medic}, $page, phone => '+7 912 111-11-11'), 403,
	    'the medic may not edit contacts');
	status_is(post_file($who{other}, "/person?id=$S", phone => '+7 912 111-11-11'), 403,
	    'another class teacher may not edit');
	status_is(post_file($who{hr}, "/person?id=$X", health_group => '2'), 403,
	    'a group the user may not edit (no health for staff): 403');
	is_deeply(file_of($S), $before, 'still nothing written');

	# HR edits a staff file.
	$a0 = sql_value('SELECT MAX(id) FROM audit');
	$r = post_file($who{hr}, "/person?id=$X", phone => '8 (8412) 55-66-77');
	redirects_to($r, "/person?id=$X&saved=1", 'hr saves a staff file');
	is(file_of($X)->{phone}, '8 (8412) 55-66-77', 'the phone changed');
	is_deeply(audit_rows($X, $a0)->{'person_file.phone'}, [ $saved{$X}{phone}, '8 (8412) 55-66-77' ],
	    'audited old → new');
	# The medic edits health (and nothing else), audited.
	my $hg = file_of($S)->{health_group};
	$a0 = sql_value('SELECT MAX(id) FROM audit');
	$r = post_file($who{medic}, $page, health_group => '2');
	redirects_to($r, qr{^/person\?id=$S\b.*saved=1}, 'the medic saves the health group');
	is(file_of($S)->{health_group}, 2, 'the health group changed');
	is_deeply(audit_rows($S, $a0)->{'person_file.health_group'}, [ $hg, '2' ],
	    'audited old → new');
	sql("UPDATE person_file SET health_group = " . (defined $hg ? $hg : 'NULL')
	    . " WHERE person_id = $S");
	# Emptying a field.
	$r = post_file($who{hr}, "/person?id=$X", email => '');
	redirects_to($r, "/person?id=$X&saved=1", 'hr empties the e-mail');
	ok(!defined file_of($X)->{email}, 'the e-mail is empty now');
}

done_testing();
