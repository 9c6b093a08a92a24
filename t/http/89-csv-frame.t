#!/usr/bin/perl
# The one frame of the three CSV imports (lib/csvimport.h): /import of
# people, /ttimport of the timetable and /plan of a subject's plan refuse
# the same broken files with the same Russian words (not UTF-8 or
# Windows-1251, a quote never closed, no file), take a commit only with
# the checksum of the previewed file, answer a broken action 400, and
# write nothing on any of these.  The imports' own rows and checks are
# tested in 94-import.t, 87-ttimport.t and 88-plan.t.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();
END { eval { clear_attempts() } if var_dir(); }

# A plan of a teacher with an active account, as 88-plan.t finds one.
my ($group, $subject, $teacher) = @{ (sql(
    "SELECT a.group_id, a.subject_id, a.teacher_id FROM assignment a"
    . " JOIN current_year cy ON cy.year_id = a.year_id"
    . " JOIN account ta ON ta.person_id = a.teacher_id AND ta.is_active = 1"
    . " WHERE a.school_id = 1 AND (SELECT COUNT(*) FROM assignment a2"
    . "   WHERE a2.group_id = a.group_id AND a2.subject_id = a.subject_id) = 1"
    . " ORDER BY a.id LIMIT 1"))[0] // [] };
ok($group, "a teacher's plan: group $group, subject $subject") or BAIL_OUT('no assignment');

my $admin = login_ok(account_of_role('admin')->{login}, account_of_role('admin')->{password});
my $m = account_of_role('management');
my $mgmt = login_ok($m->{login}, $m->{password});
my $t = account_of_person($teacher);
my $tc = login_ok($t->{login}, $t->{password}, 'the plan\'s teacher logs in');

# Each import: who posts, where, its own fields, its commit action.
my @imports = (
	{ name => '/import', c => $admin, path => '/import', commit => 'commit',
	  fields => [ [ kind => 'staff' ] ] },
	{ name => '/ttimport', c => $mgmt, path => '/ttimport', commit => 'commit',
	  fields => [ [ valid_from => '2026-11-23' ] ] },
	{ name => '/plan', c => $tc, path => '/plan', commit => 'import',
	  fields => [ [ group => $group ], [ subject => $subject ] ] },
);

# What the imports' tables hold: none of the refused posts may change it.
sub state {
	return join ',', map { sql_value($_) } ('SELECT COUNT(*) FROM person',
	    'SELECT COUNT(*) FROM timetable', 'SELECT COUNT(*) FROM plan_topic',
	    'SELECT COALESCE(MAX(id), 0) FROM audit');
}

sub post {
	my ($im, $bytes, @more) = @_;
	my $csrf = csrf_of($im->{c}->get('/home')->text);
	my @parts = ([ csrf => $csrf ], @{ $im->{fields} }, @more);
	push @parts, [ file => $bytes, 'file.csv' ] if defined $bytes;
	return $im->{c}->post_raw($im->{path}, multipart(@parts));
}

my $before = state();
my $utf16 = "\xff\xfe" . join('', map { "$_\0" } split //, "a;b\r\n");
my $quote = "Фамилия;Имя\n\"Иванов;Иван\nПетров;Пётр\n";
my $fine = "Фамилия;Имя\nИванов;Иван\n";
for my $im (@imports) {
	my $n = $im->{name};
	my $r = post($im, $utf16, [ action => 'preview' ]);
	status_is($r, 200, "$n: a UTF-16 file is previewed");
	like($r->text, qr/Файл не похож на CSV в кодировке UTF-8 или Windows-1251 \(может быть, это \.xlsx\)/,
	    "$n: ... refused as not UTF-8 or Windows-1251, in the frame's words");

	$r = post($im, $quote, [ action => 'preview' ]);
	like($r->text, qr/Строка 2: кавычка открыта и не закрыта до конца файла\./,
	    "$n: a quote never closed is named with its line");

	$r = post($im, undef, [ action => 'preview' ]);
	status_is($r, 400, "$n: no file is a form error");
	like($r->text, qr/Выберите файл CSV\./, "$n: ... asking for one");

	$r = post($im, $fine, [ action => $im->{commit} ]);
	status_is($r, 400, "$n: a commit without the preview's checksum is refused");
	like($r->text, qr/Сначала проверьте файл/, "$n: ... asking to check the file first");

	$r = post($im, $fine, [ action => $im->{commit} ], [ checksum => 'a' x 64 ]);
	status_is($r, 400, "$n: a commit of another file than the previewed one is refused");
	like($r->text, qr/Это не тот файл, что был проверен/, "$n: ... saying why");

	$r = post($im, $fine, [ action => 'upload' ]);
	status_is($r, 400, "$n: an unknown action is a broken request");

}
is(state(), $before, 'nothing was written by any of the refused posts');

done_testing();
