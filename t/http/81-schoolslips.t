#!/usr/bin/perl
# Logins and passwords for the whole school in one request (R3, R4).
#
#   GET  /schoolslips          counts class by class: with and without login
#   POST /schoolslips          csrf [, reset=<class id>...] [, reset_staff=1]
#                              → 200: slips grouped by class, staff last; a
#                              login for everyone eligible who has none, new
#                              passwords for the ticked classes (and staff),
#                              never for the administrator themself
#
# Only the administrator may open it.  Takes away a few accounts, issues,
# then resets the whole school (timed), and at the end puts every account
# and role back from a copy made at the start.
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

sub slips_of {
	my ($html) = @_;
	my @pos;
	push @pos, $-[0] while $html =~ /<section class="slip">/g;
	my @out;
	for my $i (0 .. $#pos) {
		my $t = page_text(substr($html, $pos[$i], ($i < $#pos ? $pos[$i + 1] : length $html) - $pos[$i]));
		my ($l) = $t =~ /Логин:\s*(\S+)/;
		my ($p) = $t =~ /Пароль:\s*(\S+)/;
		push @out, { text => $t, login => $l, password => $p };
	}
	return @out;
}

# ------------------------------------------------------------ copy, restore
sql('DROP TABLE IF EXISTS jtest_ss_account, jtest_ss_role;'
    . ' CREATE TABLE jtest_ss_account AS SELECT * FROM account;'
    . ' CREATE TABLE jtest_ss_role AS SELECT * FROM account_role');
END {
	if (var_dir() && base_url()) {
		eval {
			sql('DELETE FROM session WHERE account_id NOT IN (SELECT id FROM jtest_ss_account);'
			    . ' DELETE FROM account_role WHERE account_id NOT IN (SELECT id FROM jtest_ss_account);'
			    . ' DELETE FROM account WHERE id NOT IN (SELECT id FROM jtest_ss_account);'
			    . ' INSERT INTO account SELECT * FROM jtest_ss_account b WHERE b.id NOT IN (SELECT id FROM account);'
			    . ' UPDATE account a JOIN jtest_ss_account b ON b.id = a.id SET a.login = b.login,'
			    . ' a.pw_hash = b.pw_hash, a.is_active = b.is_active, a.pw_changed_at = b.pw_changed_at,'
			    . ' a.must_change_pw = b.must_change_pw, a.issued_at = b.issued_at;'
			    . ' DELETE ar FROM account_role ar LEFT JOIN jtest_ss_role b ON b.account_id = ar.account_id'
			    . '   AND b.role = ar.role WHERE b.account_id IS NULL;'
			    . ' INSERT IGNORE INTO account_role SELECT * FROM jtest_ss_role;'
			    . ' DROP TABLE jtest_ss_account, jtest_ss_role');
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

# ------------------------------------------------------------ who may
my $admin = account_of_role('admin');
my $issued0 = sql_value("SELECT COUNT(*) FROM audit WHERE action LIKE 'credentials_issued%'");
for my $role (grep { $_ ne 'admin' } ROLES) {
	my $a = account_of_role($role) or next;
	my $c = login_ok($a->{login}, $a->{password}, "$role logs in");
	status_is($c->get('/schoolslips'), 403, "$role: GET /schoolslips → 403");
	status_is($c->post_form('/schoolslips', [csrf => $c->session_csrf]), 403, "$role: POST → 403");
}
is(sql_value("SELECT COUNT(*) FROM audit WHERE action LIKE 'credentials_issued%'"), $issued0,
    'nobody was issued anything by the refused requests');

# ------------------------------------------------------------ people without a login
my $consent = "(SELECT k.status FROM consent k WHERE k.guardian_id = %s ORDER BY k.id DESC LIMIT 1) = 'consent'";
my $cur = 'SELECT cs.student_id FROM class_student cs JOIN class c ON c.id = cs.class_id'
    . ' JOIN current_year cy ON cy.year_id = c.year_id WHERE cs.left_on IS NULL AND c.school_id = 1';
my $eligible_sql = "SELECT p.id FROM person p WHERE p.school_id = 1 AND ("
    . " (p.id IN ($cur) AND EXISTS (SELECT 1 FROM guardian g WHERE g.student_id = p.id AND "
    . sprintf($consent, 'g.guardian_id') . "))"
    . " OR (EXISTS (SELECT 1 FROM guardian g WHERE g.guardian_id = p.id AND g.student_id IN ($cur)) AND "
    . sprintf($consent, 'p.id') . ")"
    . " OR EXISTS (SELECT 1 FROM staff s WHERE s.person_id = p.id AND s.dismissed_on IS NULL))";
my $todo = sub { sql_value("SELECT COUNT(*) FROM ($eligible_sql) e WHERE NOT EXISTS"
    . " (SELECT 1 FROM account a WHERE a.person_id = e.id AND a.is_active = 1)") };

# A consenting family of some class, a teacher, a student of a paper family.
my ($S, $G) = @{ (sql("SELECT g.student_id, g.guardian_id FROM guardian g WHERE g.student_id IN ($cur)"
    . " AND " . sprintf($consent, 'g.guardian_id') . ' ORDER BY g.student_id DESC LIMIT 1'))[0] };
my ($T) = sql_value("SELECT s.person_id FROM staff s JOIN account a ON a.person_id = s.person_id"
    . " JOIN account_role ar ON ar.account_id = a.id AND ar.role = 'teacher'"
    . " WHERE s.dismissed_on IS NULL AND a.is_active = 1 ORDER BY s.person_id DESC LIMIT 1");
my ($N) = sql_value("SELECT p.id FROM person p WHERE p.id IN ($cur) AND NOT EXISTS (SELECT 1 FROM guardian g"
    . " WHERE g.student_id = p.id AND " . sprintf($consent, 'g.guardian_id') . ') ORDER BY p.id LIMIT 1');
ok($S && $G && $T && $N, "fixtures: student $S, guardian $G, teacher $T, paper student $N");
my %name = map { $_->[0] => $_->[1] } sql("SELECT id, CONCAT_WS(' ', last_name, first_name, middle_name)"
    . " FROM person WHERE id IN ($S, $G, $T, $N)");
drop_person_account($_) for $S, $G, $N;
# The teacher's account has records behind it: switched off instead.
sql("UPDATE account SET is_active = 0 WHERE person_id = $T");
my $before = $todo->();
ok($before >= 3, "people eligible and without a login: $before");

my $ca = login_ok($admin->{login}, $admin->{password}, 'the admin logs in');
my $r = $ca->get('/schoolslips');
status_is($r, 200, 'admin: GET /schoolslips');
my $text = page_text($r->text);
like($text, qr/Без логина сейчас: \Q$before\E\b/, "... says $before without a login");
my $nclasses = sql_value('SELECT COUNT(*) FROM class c JOIN current_year cy ON cy.year_id = c.year_id'
    . " WHERE c.school_id = 1 AND EXISTS (SELECT 1 FROM class_student cs WHERE cs.class_id = c.id"
    . " AND cs.left_on IS NULL AND cs.student_id IN ($eligible_sql))");
my @boxes = $r->text =~ /name="reset" value="(\d+)"/g;
is(scalar @boxes, $nclasses, "a reset box for each of the $nclasses classes with eligible people");

# ------------------------------------------------------------ issue the missing ones
my $audit0 = sql_value("SELECT COUNT(*) FROM audit WHERE action = 'credentials_issued'");
$r = $ca->post_form('/schoolslips', [csrf => $ca->session_csrf]);
status_is($r, 200, 'POST: the missing logins are issued');
my @slips = slips_of($r->text);
is(scalar @slips, $before, "one slip for each of the $before");
is($todo->(), 0, 'nobody eligible is left without a login');
is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'credentials_issued'") - $audit0, $before,
    'one audit row per person');
my %by = map { my $s = $_; map { $_ => $s } grep { index($s->{text}, $name{$_}) >= 0 } keys %name } @slips;
ok($by{$S} && $by{$G} && $by{$T}, 'the student, the guardian and the teacher each have a slip');
ok(!$by{$N}, 'the student of a paper family has none');
is(sql_value("SELECT COUNT(*) FROM account WHERE person_id = $N"), 0, '... nor an account');
like($by{$T}{text}, qr/Сотрудник школы/, "the teacher's slip says staff");
like($by{$G}{text}, qr/Законный представитель/, "the guardian's slip says guardian");
is(sql_value("SELECT login FROM account WHERE person_id = $S"), $by{$S}{login}, "the student's login is the account's");
like(sql_value("SELECT pw_hash FROM account WHERE person_id = $S"), qr/^\$argon2id\$v=19\$m=8192,t=1,/,
    'an issued password is hashed with the cheap Argon2id');
my ($ok, $res, $sc) = login_works($by{$S}{login}, $by{$S}{password});
ok($ok, "the student's printed password logs in") or diag res_diag($res);
ok($ok && $sc->{must_change}, '... and is sent to /password to be changed first (issue 21)');
is(sql_value("SELECT COUNT(*) FROM account WHERE must_change_pw = 0 AND person_id IN ("
    . join(',', $S, $G, $T) . ')'), 0, '... as is every account on the slips');
like(sql_value("SELECT pw_hash FROM account WHERE person_id = $S"), qr/^\$argon2id\$v=19\$m=65536,t=2,/,
    '... and the first login re-hashes it at full cost');
my @groups = $r->text =~ /<h2 class="slips-class">([^<]*)</g;
is($groups[-1], 'Сотрудники', 'the staff slips come last, in their own group');
my %seen;
ok(!(grep { $seen{$_}++ } @groups), 'each class once (a page break between classes)');

$r = $ca->post_form('/schoolslips', [csrf => $ca->session_csrf]);
status_is($r, 400, 'POST again with nothing to issue → 400');
like(page_text($r->text), qr/логины уже выданы/, '... with a Russian message');

$r = $ca->post_form('/schoolslips', [csrf => $ca->session_csrf, reset => 4000000000]);
status_is($r, 400, 'a reset of a class not in the list → 400');

# ------------------------------------------------------------ the whole school again
my $total = sql_value("SELECT COUNT(*) FROM ($eligible_sql) e");
my $self = sql_value("SELECT person_id FROM account WHERE login = " . sq($admin->{login}));
my $admin_hash = sql_value("SELECT pw_hash FROM account WHERE person_id = $self");
my $t0 = Time::HiRes::time();
$r = $ca->post_form('/schoolslips', [csrf => $ca->session_csrf, (map { (reset => $_) } @boxes), reset_staff => 1]);
my $secs = Time::HiRes::time() - $t0;
status_is($r, 200, 'POST: new passwords for every class and all staff');
@slips = slips_of($r->text);
is(scalar @slips, $total - 1, "a slip for everyone eligible but the admin ($total - 1)");
diag(sprintf('whole school: %d people issued in %.2f s (%.1f ms each)', scalar @slips, $secs,
    1000 * $secs / (@slips || 1)));
ok($secs < 60, 'in one request of under a minute');
my %logins;
ok(!(grep { $logins{ $_->{login} // '' }++ } @slips), 'every slip has its own login');
is(sql_value("SELECT pw_hash FROM account WHERE person_id = $self"), $admin_hash, "the admin's own password is kept");
is(sql_value("SELECT must_change_pw FROM account WHERE person_id = $self"), 0, '... and not marked to be changed');
is(sql_value("SELECT COUNT(*) FROM account WHERE must_change_pw = 1 AND login IN ("
    . join(',', map { sq($_->{login} // '') } @slips) . ')'), scalar @slips,
    'every account on the slips must change its printed password');
status_is($ca->get('/home'), 200, "... and the admin's session goes on");
is(sql_value('SELECT COUNT(*) FROM (SELECT login FROM account GROUP BY login HAVING COUNT(*) > 1) d'), 0,
    'logins stay unique');
($ok) = login_works($slips[0]{login}, $slips[0]{password});
ok($ok, 'the first printed password logs in');
is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'credentials_issued_school'") > 0, 1,
    'the whole-school issue is audited');

# ------------------------------------------------------------ two at the same time
# Two administrators' sessions issue the whole school at once: S and G have
# no login again.  Each person still has one account with one login, and
# both pages show that login.
drop_person_account($_) for $S, $G;
my @c = map { login_ok($admin->{login}, $admin->{password}, "admin session $_") } 1 .. 2;
$_->{csrf} = $_->session_csrf for @c;
my $start = Time::HiRes::time() + 1;
my @kids;
for my $c (@c) {
	my $tmp = File::Temp->new;
	my $pid = fork;
	die "fork: $!" unless defined $pid;
	if (!$pid) {
		eval {
			Time::HiRes::sleep(0.001) while Time::HiRes::time() < $start;
			my $r = $c->post_form('/schoolslips', [csrf => $c->{csrf}]);
			my @s = map { $_->{login} } grep { index($_->{text}, $name{$S}) >= 0 } slips_of($r->text);
			open(my $fh, '>', $tmp->filename) or POSIX::_exit(2);
			print {$fh} JSON::PP->new->utf8->encode({ status => $r->status, diag => res_diag($r), s => \@s });
			close $fh;
			1;
		} or print STDERR "child: $@";
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
# The later one finds nothing left to issue (400) or, if it read before the
# first committed, issues the same people again under their one login.
my @ok = grep { ($_->{status} // 0) == 200 } @res;
ok(@ok >= 1 && !(grep { ($_->{status} // 0) != 200 && ($_->{status} // 0) != 400 } @res),
    'two simultaneous whole-school POSTs: 200, and 200 or 400 (' . join(', ', map { $_->{status} // '?' } @res) . ')')
    or diag join("\n", map { $_->{diag} // 'no result' } @res);
is(sql_value("SELECT COUNT(*) FROM account WHERE person_id = $S"), 1, 'the student has exactly one account');
is(sql_value("SELECT COUNT(*) FROM account WHERE person_id = $G"), 1, 'the guardian has exactly one account');
my $loginS = sql_value("SELECT login FROM account WHERE person_id = $S");
is_deeply([ map { @{ $_->{s} // [] } } @ok ], [ ($loginS) x @ok ], "every page issued shows the student's one login");
is(sql_value('SELECT COUNT(*) FROM (SELECT login FROM account GROUP BY login HAVING COUNT(*) > 1) d'), 0,
    'logins stay unique');

done_testing();
