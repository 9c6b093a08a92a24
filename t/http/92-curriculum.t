#!/usr/bin/perl
# The curriculum in the browser (R15): the administration sets a class's
# hours a week in a subject on /load, changes them, removes them with 0;
# every change audited old → new; the inspector only reads.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();
my $class = sql_value('SELECT MIN(c.id) FROM class c JOIN current_year cy ON cy.year_id = c.year_id'
    . ' WHERE c.school_id = 1');
# A subject the class does not have in its plan.
my $subject = sql_value("SELECT MIN(s.id) FROM subject s WHERE s.school_id = 1 AND NOT EXISTS"
    . " (SELECT 1 FROM curriculum cu WHERE cu.class_id = $class AND cu.subject_id = s.id)");
END { eval { sql("DELETE FROM curriculum WHERE class_id = $class AND subject_id = $subject") }
    if var_dir() && $class && $subject; eval { clear_attempts() } if var_dir(); }
ok($class && $subject, "class $class, subject $subject not in its plan");

my $a = account_of_role('admin');
my $c = login_ok($a->{login}, $a->{password}, 'the administrator logs in');
my $plan = sub {
	my ($who, @pairs) = @_;
	my $csrf = csrf_of($who->get('/load')->text);
	return $who->post_form('/load', [ csrf => $csrf, action => 'plan', @pairs ]);
};
like($c->get('/load')->text, qr/Учебный план класса/, 'the plan form is on /load');

redirects_to($plan->($c, class => $class, subject => $subject, hours => '2'), qr{^/load$}, 'set 2 hours');
is(sql_value("SELECT hours FROM curriculum WHERE class_id = $class AND subject_id = $subject"), '2.0', 'stored');
redirects_to($plan->($c, class => $class, subject => $subject, hours => '1,5'), qr{^/load$}, 'change to 1,5');
is(sql_value("SELECT hours FROM curriculum WHERE class_id = $class AND subject_id = $subject"), '1.5', 'changed');
my ($old, $new) = @{ (sql("SELECT old_value, new_value FROM audit WHERE action = 'curriculum_set'"
    . " AND object_id = $class ORDER BY id DESC LIMIT 1"))[0] };
like($old, qr/2\.0 ч/, 'audited: old value');
like($new, qr/1\.5 ч/, 'audited: new value');
redirects_to($plan->($c, class => $class, subject => $subject, hours => '0'), qr{^/load$}, '0 removes it');
is(sql_value("SELECT COUNT(*) FROM curriculum WHERE class_id = $class AND subject_id = $subject"), 0, 'removed');

for my $b ([ [ class => $class, subject => $subject, hours => '50' ], qr/от 0,5 до 40/, '50 hours' ],
    [ [ class => $class, subject => $subject, hours => 'два' ], qr/Часы/, 'words' ],
    [ [ class => 999999, subject => $subject, hours => '1' ], qr/Такого класса/, 'an unknown class' ],
    [ [ class => $class, subject => 999999, hours => '1' ], qr/Такого предмета/, 'an unknown subject' ],
    [ [ subject => $subject, hours => '1' ], qr/Выберите класс/, 'no class' ]) {
	my ($f, $re, $what) = @$b;
	my $r = $plan->($c, @$f);
	status_is($r, 400, "refused: $what");
	like($r->text, $re, "... with a Russian message ($what)");
}
is(sql_value("SELECT COUNT(*) FROM curriculum WHERE class_id = $class AND subject_id = $subject"), 0,
    'nothing written by the refusals');

my $i = account_of_role('inspector');
my $ic = login_ok($i->{login}, $i->{password}, 'the inspector logs in');
unlike($ic->get('/load')->text, qr/Учебный план класса/, 'the inspector sees no form');
status_is($plan->($ic, class => $class, subject => $subject, hours => '2'), 403, 'and may not post');

done_testing();
