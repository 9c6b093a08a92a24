#!/usr/bin/perl
# Consent to personal data processing (R6): who may see and who may record a
# guardian's statement, validation, CSRF, the audit, and what a refusal does
# to the family's logins: the guardian loses theirs at once (sessions end),
# and so does each child left with no consenting guardian; a child whose
# other guardian consents keeps it.
#
# The test works on one family of the highest grades (a child with exactly
# two guardians, each with only this child, all three with demo accounts);
# at the end it removes the statements it made and puts the three accounts
# back as they were (active, same passwords).
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my $BAD = 'Неверный логин или пароль';
my $LOGIN_RE = qr{^/login(?:[?#]|$)};

# ------------------------------------------------------------ the family
my @classes = reverse open_classes(1);		# highest grade first
my %avoid = map { $_->{login} => 1 } grep { defined }
    account_of_role('student'), account_of_role('parent');
my ($C, $S, $G1, $G2, $CT);
CLASS: for my $k (@classes) {
	my $ct = account_of_person($k->{teacher_id}) or next;
	for my $s (class_students($k->{id})) {
		next unless $s->{active} && tsv_account($s->{login}) && !$avoid{ $s->{login} };
		my @g = guardians_of($s->{id});
		next unless @g == 2;
		next if grep { !$_->{active} || !tsv_account($_->{login}) || $avoid{ $_->{login} }
		    || ($_->{state} // '') eq 'refusal' } @g;
		next if grep { sql_value("SELECT COUNT(*) FROM guardian WHERE guardian_id = $_->{id}") != 1 } @g;
		($C, $S, $G1, $G2, $CT) = ($k, $s, @g, $ct);
		last CLASS;
	}
}
ok($S, 'a family: one child, two guardians with only this child, all with demo accounts')
    or BAIL_OUT('no such family in the demo');
note("class «$C->{name}» (id $C->{id}), child $S->{full} ($S->{login}), guardians"
    . " $G1->{full} ($G1->{login}) and $G2->{full} ($G2->{login}); class teacher $CT->{login}");

my $cmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM consent');
my $saved = save_accounts($S->{id}, $G1->{id}, $G2->{id});
END {
	if (var_dir() && base_url()) {
		eval {
			sql("DELETE FROM consent WHERE id > $cmax AND guardian_id IN ($G1->{id}, $G2->{id})")
			    if $G1;
			restore_accounts($saved) if $saved;
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

my %pw = map { $_->{login} => tsv_account($_->{login})->{password} } $S, $G1, $G2;
my $today = sql_value("SELECT CURDATE()");
my $tomorrow = sql_value("SELECT CURDATE() + INTERVAL 1 DAY");
my $three_ago = sql_value("SELECT CURDATE() - INTERVAL 3 DAY");
my $ddmm = sub { my ($d) = @_; $d =~ /^(\d{4})-(\d\d)-(\d\d)$/ ? "$3.$2.$1" : $d };

my $consents = sub {
	my ($g) = @_;
	return sql_value("SELECT COUNT(*) FROM consent WHERE guardian_id = $g");
};
my $audits = sub {
	my ($g) = @_;
	return sql_value("SELECT COUNT(*) FROM audit WHERE action = 'consent'"
	    . " AND object_type = 'person' AND object_id = $g");
};
my $active = sub {
	my ($pid) = @_;
	return sql_value("SELECT is_active FROM account WHERE person_id = $pid");
};
my $sessions = sub {
	my ($pid) = @_;
	return sql_value("SELECT COUNT(*) FROM session s JOIN account a ON a.id = s.account_id"
	    . " WHERE a.person_id = $pid");
};

my %client;		# role/label -> logged-in client
sub as {
	my ($label, $acc) = @_;
	return $client{$label} //= do {
		my $c = login($acc->{login}, $acc->{password});
		ok($c->{logged_in}, "log in as $label ($acc->{login})") or diag res_diag($c->{login_res});
		$c;
	};
}

my $admin = (accounts())[0];
my $ca = as('admin', $admin);
my $cs = as('secretary', account_of_role('secretary'));
my $cc = as("class teacher of «$C->{name}»", $CT);
my ($other_ct) = grep { $_->{login} ne $CT->{login} } accounts_of_role('class_teacher');
my $other_pid = sql_value('SELECT person_id FROM account WHERE login = ' . sq($other_ct->{login}));
my ($other_class) = grep { ($_->{teacher_id} // 0) == $other_pid } open_classes(1);
my $co = as('another class teacher', $other_ct);

my $page = "/consent?guardian=$G1->{id}&class=$C->{id}";
my $form_re = qr{<form\b[^>]*\baction="/consent"}i;

# ------------------------------------------------------------ who may look
{
	my $r = $ca->get($page);
	status_is($r, 200, "GET $page as the admin");
	security_headers_ok($r, '/consent');
	russian_html_ok($r, '/consent');
	no_inline_script_ok($r, '/consent');
	my $t = page_text($r->text);
	like($t, qr/\Q$G1->{full}\E/, "the page names the guardian $G1->{full}");
	like($t, qr/\Q$S->{full}\E/, "... and their child $S->{full}");
	like($r->text, $form_re, '... and has the form for the admin');
	my @st = inputs_of($r->text, 'status');
	ok((grep { ($_->{value} // '') eq 'consent' } @st) && (grep { ($_->{value} // '') eq 'refusal' } @st),
	    '... with a choice of consent and refusal') or diag explain \@st;
	ok(defined hidden_of($r->text, 'csrf') || defined csrf_of($r->text), '... and a csrf token');
	unlike($r->text, qr/\$argon2/, '... and no password hash');
}
for my $who (['secretary', $cs, 1], ["class teacher of «$C->{name}»", $cc, 1]) {
	my $r = $who->[1]->get($page);
	status_is($r, 200, "GET /consent as the $who->[0] → 200");
	like($r->text, $form_re, "... with the form");
}
for my $role (qw(management inspector)) {
	my $c = as($role, account_of_role($role));
	my $r = $c->get($page);
	status_is($r, 200, "GET /consent as $role → 200 (read only)");
	unlike($r->text, $form_re, "... without the form");
}
for my $role (qw(teacher hr student parent medic psychologist)) {
	my $acc = account_of_role($role);
	my @roles = account_roles($acc->{login});
	next if grep { /^(?:admin|management|secretary|inspector|class_teacher)$/ } @roles;
	my $r = as($role, $acc)->get($page);
	status_is($r, 403, "GET /consent as $role → 403");
}
status_is($co->get($page), 403, "GET /consent as the class teacher of «$other_class->{name}» → 403");
status_is($co->get("/consent?guardian=$G1->{id}&class=$other_class->{id}"), 403,
    '... and with their own class but a guardian not of it → 403');
redirects_to(client()->get($page), $LOGIN_RE, 'GET /consent without a session → /login');
for my $q ('', "?guardian=$G1->{id}", "?class=$C->{id}", "?guardian=abc&class=$C->{id}",
    "?guardian=$G1->{id}&class=x") {
	my $r = $ca->get("/consent$q");
	status_is($r, 400, "GET /consent$q → 400");
	russian_html_ok($r, "/consent$q");
}
{
	my $r = $ca->get("/consent?guardian=999999&class=$C->{id}");
	ok($r->status == 404 || $r->status == 403, 'an unknown guardian → 404 (or 403)') or diag res_diag($r);
	$r = $ca->get("/consent?guardian=$G1->{id}&class=999999");
	ok($r->status == 404 || $r->status == 403, 'an unknown class → 404 (or 403)') or diag res_diag($r);
}

# ------------------------------------------------------------ who may write
my @good = (guardian => $G1->{id}, class => $C->{id}, status => 'consent',
    signed_on => $three_ago, document => "ПДн-$$");
{
	my ($n, $a) = ($consents->($G1->{id}), $audits->($G1->{id}));
	for my $role (qw(management inspector medic psychologist teacher hr parent student)) {
		my $acc = account_of_role($role);
		my $c = as($role, $acc);
		my $csrf = $c->session_csrf;
		my $r = $c->post_form('/consent', [@good, csrf => $csrf // '']);
		status_is($r, 403, "POST /consent as $role (with a valid csrf) → 403");
	}
	my $r = $co->post_form('/consent', [@good, csrf => $co->session_csrf // '']);
	status_is($r, 403, "POST /consent as the class teacher of «$other_class->{name}» → 403");
	my @g = @good;
	$g[3] = $other_class->{id};
	$r = $co->post_form('/consent', [@g, csrf => $co->session_csrf // '']);
	status_is($r, 403, '... and naming their own class for a guardian not of it → 403');

	$r = $ca->post_form('/consent', [@good]);
	status_is($r, 403, 'POST /consent as the admin without csrf → 403');
	$r = $ca->post_form('/consent', [@good, csrf => 'A' x 43]);
	status_is($r, 403, 'POST /consent as the admin with a wrong csrf → 403');
	$r = $ca->post_form('/consent', [@good, csrf => $cs->session_csrf // '']);
	status_is($r, 403, "POST /consent with another session's csrf → 403");
	$r = client()->post_form('/consent', [@good]);
	redirects_to($r, $LOGIN_RE, 'POST /consent without a session → /login');
	is($consents->($G1->{id}), $n, 'none of the refused posts wrote a statement');
	is($audits->($G1->{id}), $a, '... nor an audit row');
	is($active->($G1->{id}), 1, '... and the account is as it was');
}

# ------------------------------------------------------------ validation
{
	my $csrf = $cs->session_csrf;
	my ($n, $a) = ($consents->($G1->{id}), $audits->($G1->{id}));
	my @cases = (
		[ 'a date in the future', { signed_on => $tomorrow }, qr/Дата не может быть в будущем/ ],
		[ 'status «maybe»', { status => 'maybe' }, qr/\p{Cyrillic}/ ],
		[ 'no status', { status => undef }, qr/\p{Cyrillic}/ ],
		[ 'no date', { signed_on => undef }, qr/\p{Cyrillic}/ ],
		[ 'an impossible date 2026-13-45', { signed_on => '2026-13-45' }, qr/\p{Cyrillic}/ ],
		[ 'a date as dd.mm.yyyy', { signed_on => $ddmm->($three_ago) }, qr/\p{Cyrillic}/ ],
		[ 'a document number of 65 characters', { document => 'Д' x 65 }, qr/\p{Cyrillic}/ ],
	);
	for my $case (@cases) {
		my ($what, $chg, $msg) = @$case;
		my %f = @good;
		for (keys %$chg) {
			if (defined $chg->{$_}) { $f{$_} = $chg->{$_} } else { delete $f{$_} }
		}
		my @pairs = map { ($_ => $f{$_}) } grep { exists $f{$_} } qw(guardian class status signed_on document);
		my $r = $cs->post_form('/consent', [@pairs, csrf => $csrf]);
		status_is($r, 400, "POST /consent with $what → 400");
		russian_html_ok($r, "... ($what)", $msg);
		like($r->text, $form_re, "... the form again ($what)");
	}
	for my $bad (['no guardian', [class => $C->{id}]], ['no class', [guardian => $G1->{id}]],
	    ['guardian=abc', [guardian => 'abc', class => $C->{id}]]) {
		my %f = @good;
		delete @f{qw(guardian class)};
		my $r = $cs->post_form('/consent', [@{ $bad->[1] }, %f, csrf => $csrf]);
		status_is($r, 400, "POST /consent with $bad->[0] → 400");
	}
	is($consents->($G1->{id}), $n, 'no invalid post wrote a statement');
	is($audits->($G1->{id}), $a, '... nor an audit row');
}

# ------------------------------------------------------------ consent
my $secretary_id = account_id(account_of_role('secretary')->{login});
my $ct_id = account_id($CT->{login});
my $admin_id = account_id($admin->{login});
my @names = map { ($_->{full}, map { $_->{full} } guardians_of($_->{id})) } class_students($C->{id});
my $state_on_roster = sub {
	my ($g) = @_;
	my $r = $ca->get("/class?id=$C->{id}");
	return segment_of(page_text($r->text), $g->{full}, @names) // '(not on the roster)';
};

{
	my ($n, $a) = ($consents->($G1->{id}), $audits->($G1->{id}));
	my $doc = "ПДн-$$-" . ('я' x 20);
	my $r = $cs->post_form('/consent', [guardian => $G1->{id}, class => $C->{id},
	    status => 'consent', signed_on => $three_ago, document => $doc,
	    csrf => $cs->session_csrf]);
	redirects_to($r, "/class?id=$C->{id}", "the secretary records consent of $G1->{full} → 303 /class?id=$C->{id}");
	is($consents->($G1->{id}), $n + 1, 'one statement more');
	my ($row) = sql("SELECT status, signed_on, document, recorded_by FROM consent"
	    . " WHERE guardian_id = $G1->{id} ORDER BY id DESC LIMIT 1");
	is_deeply($row, ['consent', $three_ago, $doc, $secretary_id],
	    '... consent, the date, the document number, recorded by the secretary');
	is($audits->($G1->{id}), $a + 1, "one audit row 'consent' for person $G1->{id}");
	is(sql_value("SELECT account_id FROM audit WHERE action = 'consent' AND object_type = 'person'"
	    . " AND object_id = $G1->{id} ORDER BY id DESC LIMIT 1"), $secretary_id, '... by the secretary');
	is($active->($G1->{id}), 1, 'consent leaves the account active');
	my $seg = $state_on_roster->($G1);
	like($seg, qr/согласие/, "the roster shows «согласие» for $G1->{full}") or diag $seg;
	unlike($seg, qr/нет заявления|отказ/, '... and not another state');

	$r = $ca->get($page);
	my $t = page_text($r->text);
	like($t, qr/\Q$doc\E/, 'the history on /consent shows the document number');
	like($t, qr/\Q${\ $ddmm->($three_ago)}\E/, '... and the date as dd.mm.yyyy');

	# The second guardian, by the class teacher.
	$r = $cc->post_form('/consent', [guardian => $G2->{id}, class => $C->{id},
	    status => 'consent', signed_on => $today, csrf => $cc->session_csrf]);
	redirects_to($r, "/class?id=$C->{id}", "the class teacher records consent of $G2->{full} → 303");
	is(consent_state($G2->{id}), 'consent', '... the current state is consent');
	is(sql_value("SELECT recorded_by FROM consent WHERE guardian_id = $G2->{id} ORDER BY id DESC LIMIT 1"),
	    $ct_id, '... recorded by the class teacher');
	like($state_on_roster->($G2), qr/согласие/, "the roster shows «согласие» for $G2->{full}");
}
# Whatever happened above, the refusal checks need both guardians consenting.
for my $g ($G1, $G2) {
	next if (consent_state($g->{id}) // '') eq 'consent';
	sql("INSERT INTO consent (guardian_id, status, signed_on) VALUES ($g->{id}, 'consent', CURDATE())");
}

# ------------------------------------------------------------ refusal
my %sess;
for my $p ($S, $G1, $G2) {
	my ($ok, $res, $c) = login_works($p->{login}, $pw{ $p->{login} });
	ok($ok, "before the refusals $p->{login} logs in") or diag res_diag($res);
	$sess{ $p->{id} } = $c;
}
my $inactive = sub { sql_value('SELECT COUNT(*) FROM account WHERE is_active = 0') };
{
	my ($a) = $audits->($G1->{id});
	my $off = $inactive->();
	my $r = $cc->post_form('/consent', [guardian => $G1->{id}, class => $C->{id},
	    status => 'refusal', signed_on => $today, document => "отказ-$$",
	    csrf => $cc->session_csrf]);
	redirects_to($r, "/class?id=$C->{id}", "the class teacher records the refusal of $G1->{full} → 303");
	is(consent_state($G1->{id}), 'refusal', '... the current state is refusal');
	is($audits->($G1->{id}), $a + 1, '... one audit row');
	is($active->($G1->{id}), 0, "$G1->{login}: the account is deactivated");
	is($inactive->(), $off + 1, '... and no other account');
	is($sessions->($G1->{id}), 0, '... and has no session left');
	redirects_to($sess{ $G1->{id} }->get('/home'), $LOGIN_RE, '... their open session is over');
	my ($ok, $res) = login_works($G1->{login}, $pw{ $G1->{login} });
	ok(!$ok, "... $G1->{login} can no longer log in");
	is($res->status, 401, '... 401');
	like($res->text, qr/\Q$BAD\E/, "... «$BAD»");

	is($active->($S->{id}), 1, "the child $S->{login} keeps the login: the other guardian consents");
	status_is($sess{ $S->{id} }->get('/home'), 200, '... the child\'s session goes on');
	ok(scalar login_works($S->{login}, $pw{ $S->{login} }), '... and the child logs in');
	is($active->($G2->{id}), 1, "$G2->{login} is untouched");
	status_is($sess{ $G2->{id} }->get('/home'), 200, "... $G2->{login}'s session goes on");
	my $seg = $state_on_roster->($G1);
	like($seg, qr/отказ/, "the roster shows «отказ» for $G1->{full}") or diag $seg;

	my $t = page_text($ca->get($page)->text);
	ok($t =~ /согласие/ && $t =~ /отказ/, 'the history on /consent keeps the consent and the refusal');
}
{
	my $off = $inactive->();
	my $r = $ca->post_form('/consent', [guardian => $G2->{id}, class => $C->{id},
	    status => 'refusal', signed_on => $today, csrf => $ca->session_csrf]);
	redirects_to($r, "/class?id=$C->{id}", "the admin records the refusal of $G2->{full} → 303");
	is(sql_value("SELECT recorded_by FROM consent WHERE guardian_id = $G2->{id} ORDER BY id DESC LIMIT 1"),
	    $admin_id, '... recorded by the admin');
	is($active->($G2->{id}), 0, "$G2->{login}: deactivated");
	is($sessions->($G2->{id}), 0, '... no session left');
	is($active->($S->{id}), 0, "the child $S->{login}: deactivated (no consenting guardian left)");
	is($inactive->(), $off + 2, '... these two accounts and no other');
	is($sessions->($S->{id}), 0, '... no session left');
	redirects_to($sess{ $S->{id} }->get('/home'), $LOGIN_RE, "... the child's open session is over");
	my ($ok, $res) = login_works($S->{login}, $pw{ $S->{login} });
	ok(!$ok, '... the child can no longer log in');
	is($res->status, 401, '... 401');
	($ok, $res) = login_works($G2->{login}, $pw{ $G2->{login} });
	ok(!$ok, "$G2->{login} can no longer log in");
	like($res->text, qr/\Q$BAD\E/, "... «$BAD»");
}

done_testing();
