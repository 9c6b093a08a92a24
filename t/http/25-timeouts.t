#!/usr/bin/perl
# Session timeouts (conf session.idle_minutes = 60, absolute_hours = 12):
# a session idle too long or too old no longer opens a page; an active one
# is kept alive by its requests (seen_at is refreshed, at most once a minute).
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

my $acc = account_of_role('medic') or BAIL_OUT('no medic in the demo accounts');
my $id = account_id($acc->{login});
my $LOGIN_RE = qr{^/login(?:[?#]|$)};

# Move the newest session of the account back in time.
sub age_session {
	my ($seen_minutes, $created_minutes) = @_;
	sql("UPDATE session SET seen_at = NOW() - INTERVAL $seen_minutes MINUTE,"
	    . " created_at = NOW() - INTERVAL $created_minutes MINUTE"
	    . " WHERE account_id = $id ORDER BY created_at DESC LIMIT 1");
}

sql("DELETE FROM session WHERE account_id = $id");

{
	my $c = login_ok($acc->{login}, $acc->{password}, 'log in');
	age_session(59, 59);
	status_is($c->get('/home'), 200, 'idle 59 minutes: still in');
	my $seen = sql_value("SELECT TIMESTAMPDIFF(SECOND, seen_at, NOW())"
	    . " FROM session WHERE account_id = $id");
	cmp_ok($seen, '<', 5, 'the request refreshed seen_at');
	age_session(61, 61);
	redirects_to($c->get('/home'), $LOGIN_RE, 'idle 61 minutes: sent to /login');
}

{
	my $c = login_ok($acc->{login}, $acc->{password}, 'log in again');
	age_session(0, 11 * 60 + 50);
	status_is($c->get('/home'), 200, 'active, 11 h 50 min old: still in');
	age_session(0, 12 * 60 + 1);
	redirects_to($c->get('/home'), $LOGIN_RE,
	    'active but 12 h 1 min old: sent to /login');
}

{
	# Expired rows are swept at the next login, not kept forever.
	age_session(24 * 60, 24 * 60);
	my $c = login_ok($acc->{login}, $acc->{password}, 'a third login');
	is(sql_value("SELECT COUNT(*) FROM session WHERE account_id = $id"
	    . " AND seen_at < NOW() - INTERVAL 60 MINUTE"), 0,
	    'expired sessions are deleted at login');
}

sql("DELETE FROM session WHERE account_id = $id");
done_testing();
