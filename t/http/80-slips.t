#!/usr/bin/perl
# Credential slips (R3, R4, R6): a class teacher (or the admin) issues logins
# and passwords to the students and parents of the class who may have them
# (a student with a consenting guardian; a guardian who consents), and gets
# a printable page of slips, once.
#
#   GET /slips?class=N    the form: a checkbox per eligible person (checked
#                         for those never issued), the others under «бумажная
#                         выписка» without a checkbox
#   POST /slips           class, person (repeated), csrf → 200 with the slips;
#                         a new account (login from the name) or a new
#                         password; old sessions end; one audit row each
#
# Works on one class of the highest grade (not the one 75-consent.t takes):
# makes some of its families consent, removes a few accounts, and at the end
# puts every account of the class's people back as it was (same ids, logins
# and passwords) and removes the statements it added.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;
use File::Temp ();
use JSON::PP ();
use POSIX ();
use Time::HiRes ();

need_stack();
clear_attempts();

my $LOGIN_RE = qr{^/login(?:[?#]|$)};
my $BAD = 'Неверный логин или пароль';

my @classes = reverse open_classes(1);
my $C = $classes[1] // $classes[0];
my $CT = account_of_person($C->{teacher_id});
ok($CT, "«$C->{name}» (id $C->{id}) has a class teacher with a demo account ($CT->{login})")
    or BAIL_OUT('no class teacher');
my $admin = (accounts())[0];

# ------------------------------------------------------------ the class's people
my @students = class_students($C->{id});
$_->{guardians} = [ guardians_of($_->{id}) ] for @students;
my %people = map { ($_->{id} => $_, map { $_->{id} => $_ } @{ $_->{guardians} }) } @students;
my $cmax = sql_value('SELECT COALESCE(MAX(id), 0) FROM consent');
my $saved = save_accounts(keys %people);
my $log0 = log_size();
END {
	if (var_dir() && base_url()) {
		eval {
			sql("DELETE FROM consent WHERE id > $cmax AND guardian_id IN ("
			    . join(',', keys %people) . ')') if %people;
			restore_accounts($saved) if $saved;
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

# Families to work with: students whose guardians have made no refusal and
# who have demo accounts; their guardians consent from now on.
my @pick = grep {
	my $s = $_;
	@{ $s->{guardians} } && $s->{active} && tsv_account($s->{login})
	    && !grep { ($_->{state} // '') eq 'refusal' } @{ $s->{guardians} }
} @students;
ok(@pick >= 5, 'at least five families of the class without a refusal') or BAIL_OUT('too few families');
my ($S1, $S2, $P1, $P2) = @pick[0 .. 3];
for my $s ($S1, $S2, $P1, $P2) {
	for my $g (@{ $s->{guardians} }) {
		next if (consent_state($g->{id}) // '') eq 'consent';
		sql("INSERT INTO consent (guardian_id, status, signed_on, document)"
		    . " VALUES ($g->{id}, 'consent', CURDATE(), 'jtest-slips')");
	}
}
my $G1 = $S1->{guardians}[0];
my %picked_g = map { $_->{id} => 1 } map { @{ $_->{guardians} } } $S1, $S2, $P1, $P2;
my %picked_s = map { $_->{id} => 1 } $S1, $S2, $P1, $P2;

# A paper family: a student with no consenting guardian, sharing no guardian
# with the families above (if every such family consents, one refuses now).
my @others = grep { !$picked_s{ $_->{id} } && @{ $_->{guardians} }
    && !grep { $picked_g{ $_->{id} } } @{ $_->{guardians} } } reverse @students;
my ($SP) = grep { !grep { ($_->{state} // '') eq 'consent' } @{ $_->{guardians} } } @others;
unless ($SP) {
	$SP = $others[0];
	for my $g (@{ $SP->{guardians} }) {
		sql("INSERT INTO consent (guardian_id, status, signed_on, document)"
		    . " VALUES ($g->{id}, 'refusal', CURDATE(), 'jtest-slips')");
	}
}

# The state of everyone now; who may have a login.
my %state;
for my $p (values %people) { $state{ $p->{id} } = consent_state($p->{id}) }
my %elig;
for my $s (@students) {
	my @g = grep { ($state{ $_->{id} } // '') eq 'consent' } @{ $s->{guardians} };
	$elig{ $s->{id} } = 1 if @g;
	$elig{ $_->{id} } = 1 for @g;
}
ok($SP && !$elig{ $SP->{id} }, "a student without a consenting guardian: " . ($SP ? $SP->{full} : 'none'));
my ($GP) = grep { !$elig{ $_->{id} } } @{ $SP->{guardians} };

# A student of another class.
my ($OC) = grep { $_->{id} != $C->{id} } @classes;
my ($SO) = grep { $_->{account_id} } class_students($OC->{id});

# Accounts to take away: S1, G1, P1, P2 get theirs anew.
my %pw = map { $_->{login} => tsv_account($_->{login})->{password} } $S2;
drop_person_account($_->{id}) for $S1, $G1, $P1, $P2;
is(sql_value("SELECT COUNT(*) FROM account WHERE person_id IN ($S1->{id}, $G1->{id}, $P1->{id}, $P2->{id})"),
    0, "$S1->{full}, $G1->{full}, $P1->{full} and $P2->{full} have no account now");

my $issued = sub {
	my ($person) = @_;
	return sql_value("SELECT COUNT(*) FROM audit u JOIN account a ON a.id = u.object_id"
	    . " WHERE u.action = 'credentials_issued' AND u.object_type = 'account'"
	    . " AND a.person_id = $person");
};
my $all_issued = sub { sql_value("SELECT COUNT(*) FROM audit WHERE action = 'credentials_issued'") };
my $fingerprint = sub {
	# Everything a wrongful POST could have changed in the class's accounts.
	return join '|', map { join ',', map { $_ // '' } @$_ }
	    sql('SELECT id, person_id, login, pw_hash, is_active, issued_at FROM account'
	    . ' WHERE person_id IN (' . join(',', keys %people, $SO ? $SO->{id} : ()) . ') ORDER BY id');
};

# The slips of a page: { html, text, login, password } per element with
# class "slip".
sub slips_of {
	my ($html) = @_;
	my @pos;
	while ($html =~ /<\w+\b[^>]*\bclass\s*=\s*"(?:[^"]*\s)?slip(?:\s[^"]*)?"/g) {
		push @pos, $-[0];
	}
	my @out;
	for my $i (0 .. $#pos) {
		my $chunk = substr($html, $pos[$i], ($i < $#pos ? $pos[$i + 1] : length $html) - $pos[$i]);
		my $t = page_text($chunk);
		my ($l) = $t =~ /Логин:\s*(\S+)/;
		my ($p) = $t =~ /Пароль:\s*(\S+)/;
		push @out, { html => $chunk, text => $t, login => $l, password => $p };
	}
	return @out;
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
my $ct = as("class teacher of «$C->{name}»", $CT);
my ($other_ct) = grep { $_->{login} ne $CT->{login} } accounts_of_role('class_teacher');
my $co = as('another class teacher', $other_ct);
my $page = "/slips?class=$C->{id}";

# ------------------------------------------------------------ who may
status_is($ca->get($page), 200, "GET $page as the admin");
status_is($ct->get($page), 200, "GET $page as the class teacher of «$C->{name}»");
status_is($co->get($page), 403, "GET $page as the class teacher of another class → 403");
for my $role (qw(management secretary inspector medic psychologist teacher hr student parent)) {
	my $acc = account_of_role($role);
	my @roles = account_roles($acc->{login});
	next if grep { /^(?:admin|class_teacher)$/ } @roles;
	status_is(as($role, $acc)->get($page), 403, "GET /slips as $role → 403");
}
redirects_to(client()->get($page), $LOGIN_RE, 'GET /slips without a session → /login');
for my $q ('', '?class=', '?class=abc', '?class=-2', '?id=5') {
	my $r = $ca->get("/slips$q");
	status_is($r, 400, "GET /slips$q → 400");
	russian_html_ok($r, "/slips$q");
}
status_is($ca->get('/slips?class=999999'), 404, 'GET /slips?class=999999 → 404');
{
	my $fp = $fingerprint->();
	my $n = $all_issued->();
	for my $role (qw(management secretary inspector medic)) {
		my $c = as($role, account_of_role($role));
		my $r = $c->post_form('/slips', [class => $C->{id}, person => $S2->{id},
		    csrf => $c->session_csrf // '']);
		status_is($r, 403, "POST /slips as $role (valid csrf) → 403");
	}
	my $r = $co->post_form('/slips', [class => $C->{id}, person => $S2->{id},
	    csrf => $co->session_csrf // '']);
	status_is($r, 403, 'POST /slips as the class teacher of another class → 403');
	$r = $ct->post_form('/slips', [class => $C->{id}, person => $S2->{id}]);
	status_is($r, 403, 'POST /slips without csrf → 403');
	$r = $ct->post_form('/slips', [class => $C->{id}, person => $S2->{id}, csrf => 'x' x 43]);
	status_is($r, 403, 'POST /slips with a wrong csrf → 403');
	is($fingerprint->(), $fp, 'no refused post changed an account');
	is($all_issued->(), $n, '... nor wrote an audit row');
}

# ------------------------------------------------------------ the form
{
	my $r = $ct->get($page);
	my $html = $r->text;
	security_headers_ok($r, '/slips');
	russian_html_ok($r, '/slips', class_name_re($C->{name}));
	no_inline_script_ok($r, '/slips');
	unlike($html, qr/\$argon2/, '/slips: no password hash');
	like($html, qr{<form\b[^>]*\bmethod="post"[^>]*\baction="/slips"|<form\b[^>]*\baction="/slips"[^>]*\bmethod="post"}i,
	    'a form posting to /slips');
	is(hidden_of($html, 'class'), $C->{id}, 'with the class as a hidden field');
	ok(length(hidden_of($html, 'csrf') // csrf_of($html) // '') >= 16, '... and a csrf token');

	my @boxes = inputs_of($html, 'person');
	ok(!grep({ $_->{type} ne 'checkbox' } @boxes), 'the people are checkboxes named person')
	    or diag explain [ map { $_->{tag} } @boxes ];
	my %box;
	for my $b (@boxes) { push @{ $box{ $b->{value} // '' } }, $b }
	is_deeply([ sort { $a <=> $b } keys %box ], [ sort { $a <=> $b } keys %elig ],
	    'a checkbox for every eligible person (a student with a consenting guardian, a consenting guardian) and no one else')
	    or diag('eligible: ' . join(' ', map { "$_ $people{$_}{full}" } sort { $a <=> $b } keys %elig));
	my @wrong;
	for my $id (keys %box) {
		my $p = $people{$id} or next;
		my ($acct) = sql("SELECT is_active, issued_at FROM account WHERE person_id = $id");
		next if $acct && !$acct->[0];		# an inactive account: either way
		my $want = (!$acct || !defined $acct->[1]) ? 1 : 0;
		push @wrong, "$p->{full}: checked=$_->{checked}, want $want"
		    for grep { $_->{checked} != $want } @{ $box{$id} };
	}
	ok(!@wrong, 'checked by default exactly for those never issued credentials') or diag "@wrong";
	ok($box{ $S1->{id} } && $box{ $S1->{id} }[0]{checked}, "$S1->{full} (no account) is checked");

	my $text = page_text($html);
	my $h = index($text, 'бумажн');
	ok($h >= 0, 'a section «... бумажн...» (paper statements) for families without consent');
	my $sp = rindex($text, $SP->{full});
	ok($h >= 0 && $sp > $h, "$SP->{full} is listed in it") or diag "heading at $h, name at $sp";
	ok(!$box{ $SP->{id} }, '... without a checkbox');
	ok(!$GP || !$box{ $GP->{id} }, '... nor one for their guardian without consent');
}

# ------------------------------------------------------------ refused posts
{
	my $fp = $fingerprint->();
	my $n = $all_issued->();
	my $csrf = $ct->session_csrf;
	my $r = $ct->post_form('/slips', [class => $C->{id}, csrf => $csrf]);
	status_is($r, 400, 'POST /slips with nobody → 400');
	russian_html_ok($r, '... ', qr/Отметьте хотя бы одного человека/);
	for my $case (
		[ "a student of «$OC->{name}» among them", [person => $S2->{id}, person => $SO->{id}] ],
		[ "a student without consent ($SP->{full})", [person => $S2->{id}, person => $SP->{id}] ],
		($GP ? [ 'a guardian without consent', [person => $GP->{id}] ] : ()),
		[ 'person=abc', [person => $S2->{id}, person => 'abc'] ],
		[ 'an unknown person', [person => 999999] ],
	) {
		$r = $ct->post_form('/slips', [class => $C->{id}, @{ $case->[1] }, csrf => $csrf]);
		status_is($r, 400, "POST /slips with $case->[0] → 400");
		is(scalar slips_of($r->text), 0, '... and no slip');
	}
	$r = $ct->post_form('/slips', [class => 'abc', person => $S2->{id}, csrf => $csrf]);
	status_is($r, 400, 'POST /slips with class=abc → 400');
	$r = $ct->post_form('/slips', [person => $S2->{id}, csrf => $csrf]);
	status_is($r, 400, 'POST /slips without a class → 400');
	$r = $ca->post_form('/slips', [class => $OC->{id}, person => $S2->{id}, csrf => $ca->session_csrf]);
	status_is($r, 400, "POST /slips as the admin for «$OC->{name}» with a student of «$C->{name}» → 400");
	is($fingerprint->(), $fp, 'no refused post changed or made an account');
	is($all_issued->(), $n, '... nor wrote an audit row');
}

# ------------------------------------------------------------ new accounts
my $ct_id = account_id($CT->{login});
{
	my $n = $all_issued->();
	my $r = $ct->post_form('/slips', [class => $C->{id}, person => $S1->{id},
	    person => $G1->{id}, csrf => $ct->session_csrf]);
	status_is($r, 200, "POST /slips for $S1->{full} and $G1->{full} (no accounts) → 200, not a redirect");
	security_headers_ok($r, 'the slips');
	no_inline_script_ok($r, 'the slips');
	my @slips = slips_of($r->text);
	is(scalar @slips, 2, 'two slips (elements with class="slip")');
	for my $p ([$S1, 'student'], [$G1, 'parent']) {
		my ($who, $role) = @$p;
		my ($slip) = grep { index($_->{text}, $who->{full}) >= 0 } @slips;
		ok($slip, "a slip for $who->{full}") or next;
		my $base = login_base($who->{last}, $who->{first}, $who->{middle});
		like($slip->{login} // '', qr/^\Q$base\E\d*$/, "... «Логин:» $base or $base with a digit");
		like($slip->{password} // '', qr/^\S{8,}$/, '... «Пароль:» a password');
		like($slip->{text}, class_name_re($C->{name}), "... the class «$C->{name}»");
		like($slip->{text}, qr{https?://\S+/login}, '... the login address');
		my ($acc) = sql("SELECT id, login, is_active, TIMESTAMPDIFF(SECOND, issued_at, NOW()),"
		    . " pw_hash FROM account WHERE person_id = $who->{id}");
		ok($acc, '... an account now exists') or next;
		is($acc->[1], $slip->{login}, '... with the login on the slip');
		is($acc->[2], 1, '... active');
		ok(defined $acc->[3] && $acc->[3] >= 0 && $acc->[3] < 120, '... issued_at = now')
		    or diag "issued $acc->[3] s ago";
		unlike($acc->[4], qr/\Q$slip->{password}\E/, '... the password is stored only as a hash');
		is_deeply([ account_roles($acc->[1]) ], [$role], "... with the role $role");
		my @a = sql("SELECT account_id, COALESCE(old_value, ''), COALESCE(new_value, '') FROM audit"
		    . " WHERE action = 'credentials_issued' AND object_type = 'account' AND object_id = $acc->[0]");
		is(scalar @a, 1, '... one audit row credentials_issued for the account');
		is($a[0][0], $ct_id, '... by the class teacher') if @a;
		ok(!grep({ index("$_->[1] $_->[2]", $slip->{password}) >= 0 } @a), '... without the password in it');

		my ($ok, $res, $c) = login_works($slip->{login}, $slip->{password});
		ok($ok, '... the printed password logs in') or diag res_diag($res);
		ok($ok && $c->{must_change}, '... straight to /password: a printed password is changed first');
		redirects_to($ok ? $c->get('/home') : $res, qr{^/password$}, '... /home sends it there too');
		my $own = "Moy-parol-$who->{id}-Zk9";
		redirects_to($ok ? change_password($c, $slip->{password}, $own) : $res,
		    qr{^/password\?done=1$}, '... the password is changed');
		my $home = $ok ? $c->get('/home') : $res;
		status_is($home, 200, '... then /home');
		like($home->text, qr/\Q$who->{full}\E/, "... shows «$who->{full}»");
		unlike(log_since($log0), qr/\Q$slip->{password}\E/, '... the password is not in the log');
	}
	is($all_issued->(), $n + 2, 'two audit rows credentials_issued in all');
	is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'credentials_issued' AND"
	    . " (COALESCE(old_value, '') LIKE '%\$argon2%' OR COALESCE(new_value, '') LIKE '%\$argon2%')"), 0,
	    'no audit row holds a password hash');

	my @b = grep { $_->{value} == $S1->{id} } inputs_of($ct->get($page)->text, 'person');
	ok(@b && !$b[0]{checked}, "on the form again, $S1->{full} (issued now) is not checked");
}

# ------------------------------------------------------------ a new password
{
	my $old_pw = $pw{ $S2->{login} };
	my ($ok, $res, $old) = login_works($S2->{login}, $old_pw);
	ok($ok, "$S2->{login} logs in with the demo password") or diag res_diag($res);
	my $id0 = account_id($S2->{login});
	my $n = $issued->($S2->{id});
	my $r = $ca->post_form('/slips', [class => $C->{id}, person => $S2->{id}, csrf => $ca->session_csrf]);
	status_is($r, 200, "the admin issues $S2->{full} a new password → 200");
	my ($slip) = slips_of($r->text);
	ok($slip && index($slip->{text}, $S2->{full}) >= 0, '... a slip with the name');
	is($slip->{login}, $S2->{login}, '... and the same login');
	isnt($slip->{password}, $old_pw, '... and a new password');
	is(account_id($S2->{login}), $id0, 'the account is the same');
	is($issued->($S2->{id}), $n + 1, 'one audit row');
	is(session_count($id0), 0, 'the old session rows are gone');
	redirects_to($old->get('/home'), $LOGIN_RE, 'the open session ends');
	($ok, $res) = login_works($S2->{login}, $old_pw);
	ok(!$ok, 'the old password no longer logs in');
	is($res->status, 401, '... 401');
	($ok, $res) = login_works($S2->{login}, $slip->{password} // '');
	ok($ok, 'the new password logs in') or diag res_diag($res);
}

# ------------------------------------------------------------ at the same time
{
	my @who = (['class teacher', $CT], ['admin', $admin], ['class teacher', $CT], ['admin', $admin]);
	my @c;
	for my $w (@who) {
		my $c = login($w->[1]{login}, $w->[1]{password});
		ok($c->{logged_in}, "session " . (@c + 1) . " ($w->[0])");
		$c->{csrf} = $c->session_csrf;
		push @c, $c;
	}
	my $n = $all_issued->();
	my $start = Time::HiRes::time() + 1;
	my @kids;
	for my $i (0 .. $#c) {
		my $tmp = File::Temp->new;
		my $pid = fork;
		die "fork: $!" unless defined $pid;
		if (!$pid) {
			# The child must never run the END block (the restore).
			eval {
			Time::HiRes::sleep(0.001) while Time::HiRes::time() < $start;
			my $r = $c[$i]->post_form('/slips', [class => $C->{id}, person => $P1->{id},
			    person => $P2->{id}, csrf => $c[$i]{csrf}]);
			my @s = map { { login => $_->{login}, password => $_->{password},
			    p1 => index($_->{text}, $P1->{full}) >= 0 ? 1 : 0 } } slips_of($r->text);
			open(my $fh, '>', $tmp->filename) or POSIX::_exit(2);
			print {$fh} JSON::PP->new->utf8->encode({ status => $r->status,
			    diag => res_diag($r), slips => \@s });
			close $fh;
			1;
			} or print STDERR "child $i: $@";
			POSIX::_exit(0);
		}
		push @kids, [$pid, $tmp];
	}
	my @res;
	for my $k (@kids) {
		waitpid($k->[0], 0);
		open(my $fh, '<', $k->[1]->filename) or die;
		local $/;
		push @res, JSON::PP->new->utf8->decode(<$fh> // '{}');
	}
	my @ok = grep { ($_->{status} // 0) == 200 } @res;
	is(scalar @ok, 4, 'four simultaneous POSTs for the same two people: all 200')
	    or diag join("\n", map { $_->{diag} // 'no result' } @res);
	is(sql_value("SELECT COUNT(*) FROM account WHERE person_id = $P1->{id}"), 1, "exactly one account for $P1->{full}");
	is(sql_value("SELECT COUNT(*) FROM account WHERE person_id = $P2->{id}"), 1, "exactly one account for $P2->{full}");
	my @dup = sql('SELECT login, COUNT(*) FROM account GROUP BY login HAVING COUNT(*) > 1');
	is(scalar @dup, 0, 'every login is unique') or diag join(' ', map { "$_->[0]×$_->[1]" } @dup);
	my (%l1, %l2, @p1);
	for my $r (@ok) {
		is(scalar @{ $r->{slips} }, 2, '... two slips on each page');
		for my $s (@{ $r->{slips} }) {
			if ($s->{p1}) { $l1{ $s->{login} // '' }++; push @p1, $s->{password} }
			else { $l2{ $s->{login} // '' }++ }
		}
	}
	is_deeply([ keys %l1 ], [ sql_value("SELECT login FROM account WHERE person_id = $P1->{id}") ],
	    "every page shows $P1->{full} the one login of the account");
	is_deeply([ keys %l2 ], [ sql_value("SELECT login FROM account WHERE person_id = $P2->{id}") ],
	    "every page shows $P2->{full} the one login of the account");
	is($all_issued->(), $n + 2 * @ok, 'an audit row for each person on each page (' . (2 * @ok) . ')');
	is($issued->($P1->{id}), scalar @ok, "... $P1->{full}: " . scalar(@ok));
	my ($login1) = keys %l1;
	my $works = grep { scalar login_works($login1, $_) } @p1;
	is($works, 1, 'exactly one of the printed passwords (the last one issued) logs in');
}

done_testing();
