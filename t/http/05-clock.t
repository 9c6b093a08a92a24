#!/usr/bin/perl
# One notion of today (lib/clock.h) and a live demo (demo-school --today):
# the program, the database and the tests agree on the stack's date; the
# demo's journal is filled up to the school day before it, today's lessons
# are in the timetable and not yet entered, and the timetable's changes
# fall in its week.  The generator makes the same school for any year.
use strict;
use warnings;
use utf8;

use File::Temp qw(tempdir);
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my $today = stack_today();
ok($today, 'the test stack runs on a fixed date (scripts/test.sh)') or BAIL_OUT('no TODAY');
is(sql_value('SELECT CURDATE()'), $today, "the tests' SQL says CURDATE() = $today");

# The program's today: the lesson form proposes it as the lesson's date.
my ($group, $subject, $login) = @{ (sql("SELECT a.group_id, a.subject_id, ac.login FROM assignment a"
    . " JOIN account ac ON ac.person_id = a.teacher_id AND ac.is_active = 1"
    . " JOIN current_year cy ON cy.year_id = a.year_id ORDER BY a.id LIMIT 1"))[0] // [] };
my %pw = map { $_->{login} => $_->{password} } accounts();
my $c = login_ok($login, $pw{$login}, "a teacher ($login) logs in");
my $form = $c->get("/lesson?group=$group&subject=$subject");
status_is($form, 200, 'the new-lesson form opens');
my ($date) = $form->text =~ /name="on_date"[^>]*value="([^"]*)"/;
($date) = $form->text =~ /value="([^"]*)"[^>]*name="on_date"/ unless defined $date;
is($date, $today, 'the program proposes the fixed date as today');

# The demo is made for that day.
my $wd = sql_value("SELECT WEEKDAY('$today')");	# 0 = Monday
my $last = sql_value('SELECT MAX(on_date) FROM lesson');
ok($last lt $today, "the demo's journal stops before today ($last)");
my $school_day_before = sql_value("SELECT MAX(d) FROM (SELECT '$today' - INTERVAL n DAY AS d FROM"
    . " (SELECT 1 n UNION SELECT 2 UNION SELECT 3) x) y WHERE WEEKDAY(d) < 6");
is($last, $school_day_before, '... on the school day (Monday to Saturday) before it');
my $tt_today = sql_value("SELECT COUNT(*) FROM timetable WHERE weekday = $wd + 1"
    . " AND '$today' BETWEEN valid_from AND valid_to");
ok($tt_today > 0, "today's timetable has lessons ($tt_today)");
is(sql_value("SELECT COUNT(*) FROM lesson WHERE on_date = '$today'"), 0, '... none entered yet');
my ($cmin, $cmax) = @{ (sql('SELECT MIN(on_date), MAX(on_date) FROM timetable_change'))[0] };
my $monday = sql_value("SELECT '$today' - INTERVAL WEEKDAY('$today') DAY");
ok($cmin ge $monday && $cmax le sql_value("SELECT '$monday' + INTERVAL 11 DAY"),
    "the timetable's changes ($cmin..$cmax) fall in today's week or the next");
is(sql_value("SELECT COUNT(*) FROM pd_check WHERE checked_on > '$today'"), 0,
    'no personal-data check is dated after today');

# The generator: the same school in another year, dated for that year.
my $demo = root_dir() . '/build/tools/demo-school';
my $dir = tempdir(CLEANUP => 1);
my $out = `$demo --out $dir --today 2027-12-08 2>&1`;
is($?, 0, 'demo-school --today 2027-12-08 runs') or diag($out);
open(my $fh, '<:encoding(UTF-8)', "$dir/demo.sql") or die "$dir/demo.sql: $!";
my $sql = do { local $/; <$fh> };
like($sql, qr/\(1, 1, '2027\/2028', '2027-09-01', '2028-05-31', 1\)/, '... makes the year 2027/2028');
like($sql, qr/'3 четверть', 'quarter', 1, 9, '2028-01-12', '2028-03-21'/, '... with its periods');
like($sql, qr/'Зимние каникулы', 1, 11, '2027-12-29', '2028-01-11'/, '... and holidays');
like($sql, qr/'2027-12-07', \d+, \d+, \d+, \d+, \d, NULL, 'болезнь учителя'/,
    "... and the substitutions on the Tuesday of that day's week");
like($sql, qr/DATE '2027-09-01' \+ INTERVAL seq DAY AS d\s+FROM seq_81_to_97\b/,
    '... and its journal up to the day before (97 days after 1 September)');
$out = `$demo --out $dir --today 2027-12-08 --journal-until 2026-12-01 2>&1`;
isnt($?, 0, '--journal-until outside the demo year is refused');
like($out, qr/2027-09-01 to 2028-05-31/, '... naming the year');

done_testing();
