#!/usr/bin/perl
# The class teacher's home page counts the students whose personal data
# are not confirmed this quarter (R17), the same number /pdcheck lists, and
# the count drops when one is confirmed.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();
my $max = sql_value('SELECT COALESCE(MAX(id), 0) FROM pd_check');
END { eval { sql("DELETE FROM pd_check WHERE id > $max") } if var_dir() && defined $max;
    eval { clear_attempts() } if var_dir(); }

my $ct = account_of_role('class_teacher');
my $c = login_ok($ct->{login}, $ct->{password}, 'a class teacher logs in');
my ($class) = map { $_->[0] } sql('SELECT c.id FROM class c JOIN account a ON a.person_id = c.teacher_id'
    . ' WHERE a.login = ' . sq($ct->{login}));
my $list = $c->get("/pdcheck?class=$class")->text;
my @students = $list =~ /name="student" value="(\d+)"/g;
my $home = $c->get('/home')->text;
if (@students) {
	like($home, qr/не подтверждены персональные данные: @{[ scalar @students ]}</,
	    'home shows the same count as /pdcheck (' . scalar(@students) . ')');
	like($home, qr{href="/pdcheck\?class=$class"}, 'with a link to the list');
	my $csrf = csrf_of($list);
	redirects_to($c->post_form('/pdcheck', [ csrf => $csrf, class => $class,
	    student => $students[0] ]), qr{^/pdcheck}, 'confirm one');
	my $n = @students - 1;
	if ($n > 0) {
		like($c->get('/home')->text, qr/не подтверждены персональные данные: $n</,
		    'the count drops by one');
	} else {
		unlike($c->get('/home')->text, qr/не подтверждены/, 'nothing left to confirm');
	}
} else {
	# The demo confirms about 70 % of students, so every class has some left.
	fail('the class has students to confirm (the demo leaves ~30 % unconfirmed)');
}

done_testing();
