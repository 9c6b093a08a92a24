#!/usr/bin/perl
# A printed password must be changed at the first login (issue 21).
#
# Whoever gets a password on paper (class slips, the school's slips, the
# staff screen, journal-new-school and its --reset-password: all through
# account_issue) is sent to /password at login, and until they set their
# own every other screen sends them there (GET) or refuses the form with a
# page that says so (POST: nothing is written).  /password and /logout stay
# open.  After the change everything works as before; slips printed again
# set the mark again.  The demo school's documented logins are not marked.
#
# Works on one guardian of the lowest grade; puts the account and the
# guardian's delivery choice back as they were.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

# ------------------------------------------------------------ the demo logins
for my $role (ROLES) {
	my $a = account_of_role($role) or next;
	my $c = login_ok($a->{login}, $a->{password}, "demo $role logs in");
	ok(!$c->{must_change}, "... straight home: the demo's documented password is not forced")
	    or diag res_diag($c->{login_res});
	status_is($c->get('/home'), 200, '... /home opens');
	is(sql_value('SELECT must_change_pw FROM account WHERE login = ' . sq($a->{login})), 0,
	    '... not marked');
}

# ------------------------------------------------------------ a parent's slip
my ($G, $CLASS) = @{ (sql("SELECT g.guardian_id, cs.class_id FROM guardian g"
    . " JOIN class_student cs ON cs.student_id = g.student_id AND cs.left_on IS NULL"
    . " JOIN class c ON c.id = cs.class_id JOIN current_year cy ON cy.year_id = c.year_id"
    . " JOIN account a ON a.person_id = g.guardian_id AND a.is_active = 1"
    . " JOIN account_role ar ON ar.account_id = a.id AND ar.role = 'parent'"
    . " JOIN consent cn ON cn.id = (SELECT MAX(k.id) FROM consent k WHERE k.guardian_id = g.guardian_id)"
    . "   AND cn.status = 'consent'"
    . " ORDER BY c.grade, c.letter, g.guardian_id LIMIT 1"))[0] // [] };
ok($G && $CLASS, "a consenting guardian with an account (person $G, class $CLASS)")
    or BAIL_OUT('no guardian to issue a slip to');
my $saved = save_accounts($G);
my @delivery0 = sql("SELECT mode, email, chosen_at, chosen_by FROM delivery WHERE guardian_id = $G");
END {
	if (var_dir() && base_url() && $G) {
		eval {
			sql("DELETE FROM delivery WHERE guardian_id = $G");
			sql('INSERT INTO delivery (guardian_id, mode, email, chosen_at, chosen_by) VALUES ('
			    . join(', ', $G, map { sq($_) } @{ $delivery0[0] }) . ')') if @delivery0;
			restore_accounts($saved) if $saved;
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

my $admin = account_of_role('admin');
my $ca = login_ok($admin->{login}, $admin->{password}, 'the admin logs in');
# The slip's login and password from POST /slips.
my $slip = sub {
	my $r = $ca->post_form('/slips', [ class => $CLASS, person => $G, csrf => $ca->session_csrf ]);
	status_is($r, 200, 'the admin prints the guardian a slip');
	my $t = page_text($r->text);
	my ($l) = $t =~ /Логин:\s*(\S+)/;
	my ($p) = $t =~ /Пароль:\s*(\S+)/;
	return ($l, $p);
};
my ($login, $printed) = $slip->();
ok($login && $printed, "... login $login and a password");
is(sql_value('SELECT must_change_pw FROM account WHERE login = ' . sq($login // '')), 1,
    '... the account is marked: its password was printed');

my $c = login($login, $printed);
ok($c->{logged_in}, 'the printed password logs in') or diag res_diag($c->{login_res});
redirects_to($c->{login_res}, qr{^/password$}, '... and the login sends it to /password');

# Every screen but /password and /logout sends it to /password (GET),
# the screens its role may not open too: the change comes first.
my (@walked, @wrong);
for my $p (cgi_programs()) {
	my ($d) = describe(cgi_bin_dir() . "/$p");
	next unless $d && !$d->{public} && grep { $_ eq 'GET' } @{ $d->{methods} };
	next if $d->{name} eq 'password' || $d->{name} eq 'logout';
	my $r = $c->get("/$d->{name}");
	push @walked, $d->{name};
	push @wrong, "$d->{name}: " . $r->status . ' ' . ($r->location // '')
	    unless $r->status == 303 && ($r->location // '') eq '/password';
}
ok(@walked >= 30, scalar(@walked) . ' screens walked');
is(scalar(@wrong), 0, 'every one of them (GET) redirects to /password') or diag join("\n", @wrong);
redirects_to($c->get('/diary?student=1&week=2026-11-23'), qr{^/password$}, '... with parameters too');
redirects_to($c->get('/login'), qr{^/home$}, '/login sends a signed-in account home (which sends it on)');

my $pw = $c->get('/password');
status_is($pw, 200, '/password opens');
like(page_text($pw->text), qr/Вы вошли с паролем, выданным на листке/, '... saying why it is shown');
my @menu = grep { m{^/[a-z]+$} } links_of($pw->text);
ok(!(grep { $_ eq '/delivery' || $_ eq '/diary' } @menu), '... its menu offers nothing that would not open')
    or diag "@menu";
status_is($c->get('/logout'), 200, '/logout opens');

# A form posted elsewhere: refused, said why, nothing written.
my $csrf = csrf_of($pw->text);
my $mode0 = @delivery0 ? $delivery0[0][0] : 'web';
my $mode = $mode0 eq 'paper' ? 'web' : 'paper';
my $acc = account_id($login);
my $audits = sql_value("SELECT COUNT(*) FROM audit WHERE account_id = $acc");
my $r = $c->post_form('/delivery', [ csrf => $csrf, mode => $mode ]);
status_is($r, 403, "POST /delivery (mode $mode) before the change → 403");
like(page_text($r->text), qr/Сначала смените пароль, выданный на листке/, '... saying to change the password first');
like(page_text($r->text), qr/Данные этой формы не сохранены/, '... and that nothing was saved');
ok((grep { $_ eq '/password' } links_of($r->text)), '... with a link to /password');
is(sql_value("SELECT COALESCE((SELECT mode FROM delivery WHERE guardian_id = $G), 'none')"),
    @delivery0 ? $mode0 : 'none', '... the choice is unchanged');
is(sql_value("SELECT COUNT(*) FROM audit WHERE account_id = $acc"), $audits, '... and nothing audited');

# The change: not to the printed password itself.
$r = change_password($c, $printed, $printed);
status_is($r, 400, 'the printed password as the new one: refused');
like(page_text($r->text), qr/должен отличаться от выданного/, '... saying it must differ');
my $own = "Roditel-$G-Sobstvenny";
redirects_to(change_password($c, $printed, $own), qr{^/password\?done=1$}, 'the own password is set');
is(sql_value("SELECT must_change_pw FROM account WHERE id = $acc"), 0, '... the mark is cleared');
unlike(page_text($c->get('/password?done=1')->text), qr/выданным на листке/, '... /password no longer says so');

# Then it works normally.
status_is($c->get('/home'), 200, '/home opens');
status_is($c->get('/delivery'), 200, '/delivery opens');
redirects_to($c->post_form('/delivery', [ csrf => $c->session_csrf, mode => $mode ]),
    qr{^/delivery\?saved=1$}, 'the same POST /delivery now saves');
is(sql_value("SELECT mode FROM delivery WHERE guardian_id = $G"), $mode, '... the choice is stored');
my $c2 = login($login, $own);
ok($c2->{logged_in} && !$c2->{must_change}, 'a new login with the own password goes home');

# Slips printed again mark the account again.
my ($login2, $printed2) = $slip->();
is($login2, $login, 'a second slip: the same login');
is(sql_value("SELECT must_change_pw FROM account WHERE id = $acc"), 1, '... marked again');
redirects_to($c2->get('/home'), qr{^/login(?:[?#]|$)}, '... its sessions are ended');
my $c3 = login($login, $printed2);
ok($c3->{logged_in} && $c3->{must_change}, '... and the new printed password must be changed first')
    or diag res_diag($c3->{login_res});
redirects_to($c3->get('/delivery'), qr{^/password$}, '... /delivery sends to /password again');

done_testing();
