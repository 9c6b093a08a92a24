#!/usr/bin/perl
# Movements between groups and promotion at year end (R16).
#
#   POST /order?id=T  student, from_group, to_group  (a transfer order)
#       a student leaves one subgroup of their class for another of the
#       same subject; a movement of kind group_transfer
#   GET/POST /promotion?order=P  class, promote, leave  (a promotion order)
#       ticked students go to grade + 1 of the next year (the class is made
#       when missing), unticked ones stay in the same grade, 11th graders
#       and 9th graders ticked as leaving graduate (logins end, history
#       stays); one movement each, all in one transaction
#
# Works on classes «5 Я», «9 Я», «11 Я» of the current year and people it
# makes itself; removes everything (and the next year, if it made it).
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my $tag = "t93m-$$";
my $today = sql_value('SELECT CURDATE()');
my $Y = sql_value('SELECT year_id FROM current_year WHERE school_id = 1');
my $next_made;
my $next = sql_value("SELECT n.id FROM year y JOIN year n ON n.school_id = y.school_id AND n.starts_on > y.starts_on"
    . " WHERE y.id = $Y ORDER BY n.starts_on LIMIT 1");
my (%made, @classes);
END {
	if (var_dir() && base_url()) {
		eval {
			my $pl = join(',', keys %{ $made{person} // {} }) || 0;
			my $ol = join(',', keys %{ $made{order} // {} }) || 0;
			my $gl = join(',', keys %{ $made{group} // {} }) || 0;
			sql("DELETE FROM movement WHERE order_id IN ($ol) OR person_id IN ($pl);"
			    . " DELETE FROM group_student WHERE group_id IN ($gl) OR student_id IN ($pl);"
			    . " DELETE FROM `groups` WHERE id IN ($gl);"
			    . " DELETE s FROM session s JOIN account a ON a.id = s.account_id WHERE a.person_id IN ($pl);"
			    . " DELETE ar FROM account_role ar JOIN account a ON a.id = ar.account_id WHERE a.person_id IN ($pl);"
			    . " DELETE FROM account WHERE person_id IN ($pl);"
			    . " DELETE FROM guardian WHERE guardian_id IN ($pl) OR student_id IN ($pl);"
			    . " DELETE FROM class_student WHERE student_id IN ($pl);"
			    . " DELETE FROM person WHERE id IN ($pl);"
			    . " UPDATE school_order SET created_by = NULL WHERE id IN ($ol);"
			    . " DELETE FROM school_order WHERE id IN ($ol)");
			sql("DELETE FROM class WHERE letter = 'Я' AND year_id IN ($Y" . ($next ? ", $next" : '') . ')');
			sql("DELETE FROM year WHERE id = $next_made") if $next_made;
			1;
		} or warn "cleanup: $@";
		eval { clear_attempts() };
	}
}

sub new_person {
	my ($last, $first, $birth) = @_;
	$last .= "-$tag";
	sql("INSERT INTO person (school_id, last_name, first_name, birth_date) VALUES"
	    . " (1, " . sq($last) . ', ' . sq($first) . ', ' . sq($birth) . ')');
	my $id = sql_value('SELECT MAX(id) FROM person WHERE last_name = ' . sq($last));
	$made{person}{$id} = 1;
	return $id;
}
my $src = account_of_role('medic');
my $hash = sql_value('SELECT pw_hash FROM account WHERE login = ' . sq($src->{login}));
sub new_account {
	my ($pid, $role) = @_;
	my $login = "$tag-$pid";
	sql("INSERT INTO account (person_id, school_id, login, pw_hash) VALUES ($pid, 1, " . sq($login) . ', ' . sq($hash) . ')');
	my $aid = account_id($login);
	sql("INSERT INTO account_role (account_id, role) VALUES ($aid, " . sq($role) . ')');
	return { login => $login, password => $src->{password}, id => $aid };
}
sub new_class {
	my ($grade) = @_;
	my $teacher = sql_value('SELECT MIN(teacher_id) FROM class WHERE teacher_id IS NOT NULL');
	sql("INSERT INTO class (school_id, year_id, grade, letter, teacher_id) VALUES (1, $Y, $grade, 'Я', $teacher)");
	return sql_value("SELECT id FROM class WHERE year_id = $Y AND grade = $grade AND letter = 'Я'");
}
sub enrol { my ($c, $p) = @_; sql("INSERT INTO class_student (class_id, student_id, joined_on) VALUES ($c, $p, '2026-09-01')") }
sub new_group {
	my ($class, $name, $subject) = @_;
	sql("INSERT INTO `groups` (school_id, year_id, name, kind, class_id, subject_id) VALUES"
	    . " (1, $Y, " . sq("$name $tag") . ", 'subgroup', $class, $subject)");
	my $id = sql_value('SELECT id FROM `groups` WHERE name = ' . sq("$name $tag"));
	$made{group}{$id} = 1;
	return $id;
}
sub new_order {
	my ($kind, $number) = @_;
	sql("INSERT INTO school_order (school_id, number, dated, kind, title, text) VALUES"
	    . " (1, " . sq($number) . ", CURDATE(), " . sq($kind) . ", 'Тест $tag', '')");
	my $id = sql_value('SELECT MAX(id) FROM school_order WHERE number = ' . sq($number));
	$made{order}{$id} = 1;
	return $id;
}

my $C5 = new_class(5);
my $C9 = new_class(9);
my $C11 = new_class(11);
my $teacher5 = sql_value("SELECT teacher_id FROM class WHERE id = $C5");
my ($A, $B) = map { new_person($_, 'Пятый', '2015-02-02') } 'Аистов', 'Бобров';
my ($D, $E) = map { new_person($_, 'Девятый', '2011-02-02') } 'Дятлов', 'Ежов';
my ($F, $H) = map { new_person($_, 'Одиннадцатый', '2009-02-02') } 'Филин', 'Хорьков';
enrol($C5, $_) for $A, $B;
enrol($C9, $_) for $D, $E;
enrol($C11, $_) for $F, $H;
my $GF = new_person('Филина', 'Мать', '1980-01-01');
sql("INSERT INTO guardian (guardian_id, student_id, kind) VALUES ($GF, $F, 'parent')");
my $accF = new_account($F, 'student');
my $accGF = new_account($GF, 'parent');
my $accD = new_account($D, 'student');
my $accE = new_account($E, 'student');

my $subject = sql_value('SELECT MIN(id) FROM subject');
my $subject2 = sql_value("SELECT MIN(id) FROM subject WHERE id > $subject");
my $g1 = new_group($C5, '5 Я — англ. 1', $subject);
my $g2 = new_group($C5, '5 Я — англ. 2', $subject);
my $g3 = new_group($C5, '5 Я — информ. 1', $subject2);
my $g9 = new_group($C9, '9 Я — англ. 1', $subject);
sql("INSERT INTO group_student (group_id, student_id) VALUES ($g1, $A), ($g2, $B), ($g3, $A)");

my %client;
sub as {
	my ($role) = @_;
	return $client{$role} //= login_ok(account_of_role($role)->{login}, account_of_role($role)->{password}, "log in as $role");
}

# ------------------------------------------------------------ group transfers
my $T = new_order('transfer', "Т-$tag");
my $move = sub {
	my ($c, %f) = @_;
	return $c->post_form("/order?id=$T", [student => $f{student}, from_group => $f{from}, to_group => $f{to},
	    csrf => $c->session_csrf]);
};
my $in_group = sub { my ($g, $p) = @_; sql_value("SELECT COUNT(*) FROM group_student WHERE group_id = $g AND student_id = $p") };
my $moves = sub { sql_value("SELECT COUNT(*) FROM movement WHERE order_id = $_[0]") };

for my $role (qw(teacher class_teacher management inspector)) {
	status_is($move->(as($role), student => $A, from => $g1, to => $g2), 403, "$role may not move a student between groups");
}
my $r = as('secretary')->get("/order?id=$T");
status_is($r, 200, 'the secretary opens the transfer order');
like($r->text, qr/name="to_group"/, '... with the group transfer form');
like(page_text($r->text), qr/5 Я — англ\. 2 \Q$tag\E/, '... listing the subgroups');

$r = $move->(as('secretary'), student => $A, from => $g1, to => $g9);
status_is($r, 400, 'into a group of another class → 400');
like(page_text($r->text), qr/по одному предмету/, '... with the reason');
status_is($move->(as('secretary'), student => $A, from => $g1, to => $g3), 400, 'into a group of another subject → 400');
status_is($move->(as('secretary'), student => $A, from => $g1, to => $g1), 400, 'into the same group → 400');
$r = $move->(as('secretary'), student => $B, from => $g1, to => $g2);
status_is($r, 400, 'from a group the student is not in → 400');
like(page_text($r->text), qr/не состоит в этой группе/, '... with the reason');
status_is($move->(as('secretary'), student => $A, from => $g1, to => 4000000000), 404, 'a group that does not exist → 404');
is($moves->($T), 0, 'no movement was written by the refusals');
ok($in_group->($g1, $A) && !$in_group->($g2, $A), '... and the student is still in «англ. 1»');

my $audit0 = sql_value("SELECT COUNT(*) FROM audit WHERE action = 'movement_add'");
$r = $move->(as('secretary'), student => $A, from => $g1, to => $g2);
is($r->status, 303, 'the secretary moves the student from «англ. 1» to «англ. 2» → 303') or diag res_diag($r);
ok(!$in_group->($g1, $A), '... the student left «англ. 1»');
ok($in_group->($g2, $A), '... and is in «англ. 2»');
ok($in_group->($g3, $A), '... and still in the other subject\'s group');
is_deeply([ sql("SELECT kind, from_group_id, to_group_id, from_class_id, to_class_id FROM movement WHERE order_id = $T") ],
    [[ 'group_transfer', $g1, $g2, $C5, $C5 ]], '... one group_transfer movement with both groups');
is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'movement_add'") - $audit0, 1, '... audited');
like(page_text(as('secretary')->get("/order?id=$T")->text), qr/5 Я — англ\. 1 \Q$tag\E 5 Я — англ\. 2 \Q$tag\E/,
    'the order lists the movement from group to group');
status_is($move->(as('admin'), student => $A, from => $g1, to => $g2), 400, 'the same move again → 400 (not in the group now)');
sql("INSERT INTO group_student (group_id, student_id) VALUES ($g1, $B)");
is($move->(as('admin'), student => $B, from => $g1, to => $g2)->status, 409, 'into a group the student is already in → 409');

# ------------------------------------------------------------ promotion
my $cs = as('secretary');
$r = $cs->post_form('/orders', [number => "П-$tag", dated => $today, kind => 'promotion',
    title => 'О переводе в следующий класс', text => '', csrf => $cs->session_csrf]);
my ($P) = ($r->location // '') =~ m{^/order\?id=(\d+)$};
ok($P, 'the secretary enters an order «О переводе в следующий класс»') or diag res_diag($r);
$made{order}{$P} = 1 if $P;
$r = $cs->get("/order?id=$P");
like($r->text, qr{href="/promotion\?order=\Q$P\E"}, 'its page links to the promotion');
status_is(as('teacher')->get("/promotion?order=$P"), 403, 'a teacher may not open the promotion');
status_is(as('inspector')->get("/promotion?order=$P"), 200, 'an inspector may read it');
status_is($cs->get("/promotion?order=$T"), 404, 'a transfer order is not a promotion order → 404');

my @mine = (class => $C5, class => $C9, class => $C11);
my $promote = sub {
	my ($c, @f) = @_;
	return $c->post_form("/promotion?order=$P", [@f, csrf => $c->session_csrf]);
};
my @ticks = (@mine, promote => $A, promote => $D, promote => $E, promote => $F, leave => $D);
for my $role (qw(management inspector)) {
	status_is($promote->(as($role), @ticks), 403, "$role may not promote");
}
if (!$next) {
	$r = $promote->($cs, @ticks);
	status_is($r, 409, 'without a next year → 409');
	like(page_text($r->text), qr/Следующий учебный год ещё не создан/, '... saying so');
	sql("INSERT INTO year (school_id, name, starts_on, ends_on, is_open) VALUES (1, '2027/2028', '2027-09-01', '2028-05-31', 1)");
	$next = $next_made = sql_value("SELECT id FROM year WHERE school_id = 1 AND name = '2027/2028'");
}
my $next_start = sql_value("SELECT starts_on FROM year WHERE id = $next");
is(sql_value('SELECT year_id FROM current_year WHERE school_id = 1'), $Y, 'the current year is still the current one');
$r = $cs->get("/promotion?order=$P");
status_is($r, 200, 'the promotion form');
like($r->text, qr/name="promote" value="$A" checked/, '... every student ticked');
like($r->text, qr/name="leave" value="$D"/, '... a 9th grader may be marked as leaving');
unlike($r->text, qr/name="leave" value="$A"/, '... a 5th grader may not');

status_is($promote->($cs, class => 4000000000, promote => $A), 400, 'a class not of the list → 400');
status_is($promote->($cs, promote => $A), 400, 'no class ticked → 400');
is($moves->($P), 0, 'nothing moved by the refusals');

# One student joined after the order's date: the whole promotion is refused.
sql("UPDATE class_student SET joined_on = CURDATE() + INTERVAL 1 DAY WHERE student_id = $H");
$r = $promote->($cs, @ticks);
status_is($r, 409, 'a student who joined after the order date → 409');
like(page_text($r->text), qr/Хорьков.*Никто не переведён/, '... naming them');
is($moves->($P), 0, '... and nobody was moved');
is(sql_value("SELECT COUNT(*) FROM class_student WHERE class_id = $C5 AND left_on IS NULL"), 2, '... 5 Я keeps its students');
sql("UPDATE class_student SET joined_on = '2026-09-01' WHERE student_id = $H");

$audit0 = sql_value("SELECT COUNT(*) FROM audit WHERE action = 'movement_add'");
$r = $promote->($cs, @ticks);
is($r->status, 303, 'the secretary promotes 5 Я, 9 Я and 11 Я → 303') or diag res_diag($r);
my $where = sub {
	my ($p) = @_;
	my ($row) = sql("SELECT CONCAT(c.grade, ' ', c.letter), c.year_id, cs.joined_on FROM class_student cs"
	    . " JOIN class c ON c.id = cs.class_id WHERE cs.student_id = $p AND cs.left_on IS NULL");
	return $row ? "$row->[0] y$row->[1] $row->[2]" : 'none';
};
is($where->($A), "6 Я y$next $next_start", 'a ticked 5th grader is in 6 Я of the next year from its first day');
is($where->($B), "5 Я y$next $next_start", 'an unticked one stays in grade 5 (5 Я of the next year)');
is($where->($E), "10 Я y$next $next_start", 'a ticked 9th grader goes to 10 Я');
is($where->($D), 'none', 'a 9th grader marked as leaving has graduated');
is($where->($F), 'none', 'a ticked 11th grader has graduated');
is($where->($H), "11 Я y$next $next_start", 'an unticked 11th grader repeats grade 11');
is(sql_value("SELECT teacher_id FROM class WHERE year_id = $next AND grade = 6 AND letter = 'Я'"), $teacher5,
    'the new 6 Я keeps the class teacher of 5 Я');
is(sql_value("SELECT COUNT(*) FROM class_student WHERE class_id IN ($C5, $C9, $C11) AND left_on = CURDATE()"), 6,
    'every old membership ended on the order date (history kept)');
is_deeply([ map { "$_->[0]:$_->[1]" } sql("SELECT person_id, kind FROM movement WHERE order_id = $P ORDER BY person_id") ],
    [ map { "$_->[0]:$_->[1]" } sort { $a->[0] <=> $b->[0] } [$A, 'promotion'], [$B, 'repetition'],
      [$D, 'graduation'], [$E, 'promotion'], [$F, 'graduation'], [$H, 'repetition'] ],
    'one movement per student, of the right kind');
is(sql_value("SELECT COUNT(*) FROM audit WHERE action = 'movement_add'") - $audit0, 6, 'six movements audited');
is(sql_value("SELECT is_active FROM account WHERE id = $accF->{id}"), 0, "the graduate's login is ended");
is(sql_value("SELECT is_active FROM account WHERE id = $accGF->{id}"), 0, '... and their only child\'s guardian\'s too');
is(sql_value("SELECT is_active FROM account WHERE id = $accD->{id}"), 0, "the leaving 9th grader's login is ended");
is(sql_value("SELECT is_active FROM account WHERE id = $accE->{id}"), 1, 'a promoted student keeps theirs');
ok(!login_works($accF->{login}, $accF->{password}), 'the graduate can no longer log in');
like(page_text($cs->get("/order?id=$P")->text), qr/Аистов-\Q$tag\E Пятый .*5 Я.*6 Я/, 'the order lists the promotions');

my $n = $moves->($P);
$r = $promote->($cs, @ticks);
is($r->status, 303, 'promoting again (the classes are empty now) → 303');
is($moves->($P), $n, '... moves nobody twice');

done_testing();
