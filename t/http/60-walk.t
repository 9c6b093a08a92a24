#!/usr/bin/perl
# Walks every program of build/cgi-bin: its --describe line, then a GET as
# nobody and as one account of every role.  What each should get follows
# from the description alone:
#   GET not among the methods        → 405
#   public                           → 200 (logged in: or 303 to /home)
#   nobody, not public               → 303 to /login
#   any of the account's roles (from account_role) among the screen's →
#       200, or 400 with a Russian page (a screen that needs a parameter,
#       /class?id=), or a 303 that does not go to /login
#   otherwise                        → exactly 403
# And for a screen that takes POST: an account none of whose roles is among
# its write_roles gets 403 for a POST with a valid csrf token.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
END { eval { clear_attempts() } if var_dir() && base_url(); }
clear_attempts();

my %SKIP = (hello => 'a benchmark stub');
my $dir = cgi_bin_dir();
my @progs = grep { !$SKIP{$_} } cgi_programs($dir);
ok(scalar @progs, "programs to walk in $dir") or do { done_testing(); exit };
my %known = map { $_ => 1 } ROLES;

# ------------------------------------------------------------ --describe
my %desc;
for my $p (@progs) {
	my ($j, $out, $rc) = describe("$dir/$p");
	ok($rc == 0 && $j && ref $j eq 'HASH', "$p --describe gives a JSON object")
	    or do { diag("exit " . ($rc >> 8) . ": " . substr($out, 0, 300)); next };
	like($out, qr/\A[^\n]*\n?\z/, "$p --describe is one line");
	is($j->{name}, $p, "$p: the name is the program's");
	my $m = $j->{methods};
	ok(ref $m eq 'ARRAY' && @$m && !grep({ !/^(?:GET|POST)$/ } @$m),
	    "$p: methods are GET and/or POST") or diag explain $m;
	my $roles = $j->{roles};
	ok(ref $roles eq 'ARRAY' && !grep({ !$known{$_} } @$roles), "$p: roles are known codes")
	    or diag explain $roles;
	my $w = $j->{write_roles};
	ok(ref $w eq 'ARRAY' && !grep({ !$known{$_} } @$w), "$p: write_roles are known codes")
	    or diag explain $w;
	ok(ref $w eq 'ARRAY' && (@$w == 0 || (ref $m eq 'ARRAY' && grep { $_ eq 'POST' } @$m)),
	    "$p: write_roles only for a screen that takes POST") or diag explain $w;
	ok(exists $j->{public} && JSON::PP::is_bool($j->{public}), "$p: public is a boolean");
	ok($j->{public} || @{ $roles // [] }, "$p: a private screen names at least one role");
	$desc{$p} = $j if ref $m eq 'ARRAY' && ref $roles eq 'ARRAY';
}

sub expect {
	my ($d, @roles) = @_;
	my %has = map { $_ => 1 } @roles;
	return 405 unless grep { $_ eq 'GET' } @{ $d->{methods} };
	return 200 if $d->{public};
	return 303 unless @roles;		# nobody
	return (grep { $has{$_} } @{ $d->{roles} }) ? 200 : 403;
}

sub check {
	my ($c, $p, $who, @roles) = @_;
	my $want = expect($desc{$p}, @roles);
	my $r = $c->get("/$p");
	my $ok;
	if ($want == 200 && $desc{$p}{public} && @roles) {
		# A public screen (the login form) may send a logged-in user home.
		$ok = ok($r->status == 200 || ($r->status == 303
		    && ($r->location // '') =~ m{^/home(?:[?#]|$)}),
		    "$p as $who → 200 (or 303 /home)");
	} elsif ($want == 200 && @roles) {
		# A screen that needs a parameter says so with 400; one may also
		# send the user on (but never to the login form: they are in).
		my $st = $r->status;
		$ok = ok($st == 200 || $st == 400
		    || ($st == 303 && ($r->location // '') !~ m{^/login(?:[?#]|$)}),
		    "$p as $who → 200, 400 or 303 elsewhere than /login (got $st)");
		$ok &&= russian_html_ok($r, "$p as $who: the 400 page") if $st == 400;
	} else {
		$ok = is($r->status, $want, "$p as $who → $want");
	}
	if ($ok && $want == 303) {
		$ok = like($r->location // '', qr{^/login(?:[?#]|$)}, "$p as $who: to /login");
	}
	diag("$p as $who (roles: @roles): " . res_diag($r)) unless $ok;
}

# A POST with the session's own csrf token from an account that may not
# write there: 403.
sub check_write {
	my ($c, $p, $who, @roles) = @_;
	my $d = $desc{$p};
	return if $d->{public} || !grep { $_ eq 'POST' } @{ $d->{methods} };
	my %w = map { $_ => 1 } @{ $d->{write_roles} // [] };
	return if grep { $w{$_} } @roles;
	my $csrf = $c->{csrf} //= $c->session_csrf;
	my $r = $c->post_form("/$p", [csrf => $csrf // '']);
	is($r->status, 403, "POST /$p as $who (not among write_roles, valid csrf) → 403")
	    or diag("$p as $who (roles: @roles): " . res_diag($r));
}

# ------------------------------------------------------------ nobody
check(client(), $_, 'nobody') for sort keys %desc;

# ------------------------------------------------------------ every role
for my $role (ROLES) {
	my $acc = account_of_role($role);
	ok($acc, "the TSV has an account whose main role is $role") or next;
	my @roles = account_roles($acc->{login});
	ok(grep({ $_ eq $role } @roles), "$acc->{login} holds $role in account_role")
	    or diag "account_role: @roles";
	my $c = login($acc->{login}, $acc->{password});
	ok($c->{logged_in}, "log in as $role ($acc->{login})")
	    or do { diag res_diag($c->{login_res}); next };
	check($c, $_, $role, @roles) for sort keys %desc;
	check_write($c, $_, $role, @roles) for sort keys %desc;
}

done_testing();
