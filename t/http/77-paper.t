#!/usr/bin/perl
# The families without consent (R6): the school's list for the
# administration, a class teacher's own classes only; a consent recorded
# takes the family off the list.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();
my $added_consent;
END {
	eval { sql("DELETE FROM consent WHERE document = 'jtest-paper'") } if var_dir();
	eval { clear_attempts() } if var_dir();
}

# The same list computed independently: current students of the current
# year with no guardian whose newest statement is a consent.
my $want = sql_value("SELECT COUNT(*) FROM class_student cs JOIN class c ON c.id = cs.class_id"
    . " JOIN current_year cy ON cy.year_id = c.year_id WHERE cs.left_on IS NULL AND c.school_id = 1"
    . " AND NOT EXISTS (SELECT 1 FROM guardian g WHERE g.student_id = cs.student_id AND"
    . " (SELECT k.status FROM consent k WHERE k.guardian_id = g.guardian_id ORDER BY k.id DESC LIMIT 1) = 'consent')");
ok($want > 0, "the demo has families without consent ($want)");

my $a = account_of_role('admin');
my $admin = login_ok($a->{login}, $a->{password}, 'the administrator logs in');
my $r = $admin->get('/paper');
status_is($r, 200, '/paper opens');
like($r->text, qr/Учеников: $want\b/, "it counts $want students");
my @rows = $r->text =~ m{<tr><td><a href="/class\?id=\d+">}g;
is(scalar @rows, $want, 'one row per student');
like($r->text, qr/отказ от \d\d\.\d\d\.\d{4}/, 'refusals are shown with their date');
like($r->text, qr/нет заявления/, 'missing statements are shown');
like($admin->get('/home')->text, qr{href="/paper"}, 'it is in the menu');

# A class teacher sees only their own classes.
my $ct = account_of_role('class_teacher');
my ($own) = map { $_->[0] } sql("SELECT c.id FROM class c JOIN account a ON a.person_id = c.teacher_id"
    . " WHERE a.login = " . sq($ct->{login}));
my $ctc = login_ok($ct->{login}, $ct->{password}, 'a class teacher logs in');
my $t = $ctc->get('/paper')->text;
my @classes = $t =~ m{<a href="/class\?id=(\d+)">}g;
ok(!grep({ $_ != $own } @classes), 'a class teacher sees only their own class');

# Consent for one family takes it off the list.
my ($student, $guardian) = @{ (sql("SELECT cs.student_id, g.guardian_id FROM class_student cs"
    . " JOIN class c ON c.id = cs.class_id JOIN guardian g ON g.student_id = cs.student_id"
    . " WHERE cs.left_on IS NULL AND c.school_id = 1 AND NOT EXISTS (SELECT 1 FROM guardian g2"
    . " WHERE g2.student_id = cs.student_id AND (SELECT k.status FROM consent k"
    . " WHERE k.guardian_id = g2.guardian_id ORDER BY k.id DESC LIMIT 1) = 'consent')"
    . " ORDER BY cs.student_id LIMIT 1"))[0] };
my $name = sql_value("SELECT CONCAT_WS(' ', last_name, first_name) FROM person WHERE id = $student");
like($admin->get('/paper')->text, qr/\Q$name\E/, "$name is on the list");
sql("INSERT INTO consent (guardian_id, status, signed_on, document) VALUES ($guardian, 'consent', CURDATE(), 'jtest-paper')");
$r = $admin->get('/paper');
unlike($r->text, qr/\Q$name\E/, 'after a consent the family is off the list');
like($r->text, qr/Учеников: @{[ $want - 1 ]}\b/, 'the count drops by one');

my $t2 = account_of_role('teacher');
status_is(login_ok($t2->{login}, $t2->{password}, 'a subject teacher logs in')->get('/paper'), 403,
    'a subject teacher may not see the list');

done_testing();
