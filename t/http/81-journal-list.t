#!/usr/bin/perl
# /journal with no group and subject (issue 21, item 11): the user's own
# journals, as /home lists them, not a 400; a role with no journals of its
# own gets a page that says where journals are opened.
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

# The journal links of a page (group and subject), as a sorted list.
sub journal_links {
	my ($html) = @_;
	my %seen;
	for (links_of($html)) {
		$seen{"$1/$2"} = 1 if m{/journal\?group=(\d+)&subject=(\d+)$};
	}
	return [ sort keys %seen ];
}

# A teacher: the same journals as /home's «Мои журналы».
my $t = account_of_role('teacher');
my $c = login_ok($t->{login}, $t->{password}, 'a teacher logs in');
my @others = ('Журналы моего класса', 'Классное руководство');
my $home = journal_links(segment_of($c->get('/home')->text, 'Мои журналы', @others) // '');
my $r = $c->get('/journal');
status_is($r, 200, 'teacher: GET /journal without parameters → 200, not 400');
like($r->text, qr{<h1>Мои журналы</h1>}, 'teacher: the page is the list of journals');
my $list = journal_links(segment_of($r->text, 'Журналы, которые я веду', @others) // '');
ok(@$home > 0, 'teacher: /home lists journals') or diag('home: none');
is_deeply($list, $home, 'teacher: /journal lists the same journals as /home');
my $count = sql_value('SELECT COUNT(DISTINCT a.group_id, a.subject_id) FROM assignment a'
    . ' JOIN current_year cy ON cy.year_id = a.year_id JOIN account ac ON ac.person_id = a.teacher_id'
    . ' WHERE ac.login = ' . sq($t->{login}));
cmp_ok(scalar @$list, '>=', $count, "teacher: at least the $count journals of the teaching load");
# Each link opens its journal.
if (@$list) {
	my ($g, $s) = split m{/}, $list->[0];
	status_is($c->get("/journal?group=$g&subject=$s"), 200, 'teacher: the first link opens the journal');
}
# Half a journal's address is still a bad request.
status_is($c->get('/journal?group=1'), 400, 'group without subject → 400');

# A class teacher: the class's journals.
my $ct = account_of_role('class_teacher');
$c = login_ok($ct->{login}, $ct->{password}, 'a class teacher logs in');
$r = $c->get('/journal');
status_is($r, 200, 'class teacher: GET /journal → 200');
like($r->text, qr{Журналы моего класса}, 'class teacher: the class journals section');
ok(@{ journal_links($r->text) } > 0, 'class teacher: journal links');

# The management: no journals of their own, told where to look.
my $m = account_of_role('management');
$c = login_ok($m->{login}, $m->{password}, 'the management logs in');
$r = $c->get('/journal');
status_is($r, 200, 'management: GET /journal → 200');
like(page_text($r->text), qr{Своих журналов у вас нет}, 'management: a clear "no journals" page');
ok((grep { m{/classcheck$} } links_of($r->text)), 'management: a link to the class journal check');

# Not logged in: the login page, as for every screen.
redirects_to(client()->get('/journal'), '/login', 'anonymous: → /login');

done_testing();
