#!/usr/bin/perl
# How families get the diary's news (R36, R41): a parent's choice with its
# date and validation; the e-mail digest built by journal-digest (content,
# nothing sent twice, a failed send retried, no letter for a family
# without an active account); the unsubscribe link that works without
# logging in and cannot be forged.
use strict;
use warnings;
use utf8;

use Encode ();
use File::Temp qw(tempdir);
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_stack();
clear_attempts();

my $root = root_dir();
my $tool = "$root/build/tools/digest";
my $fake = "$root/t/bin/fake-sendmail";
my $conf = $ENV{JOURNAL_CONF} // var_dir() . '/journal.hdf';
my $maildir = tempdir(CLEANUP => 1);

# A demo parent with a child at school past grade 1 (grade 1 has no marks).
my ($p, $guardian, $child, $class, $group);
for my $a (accounts_of_role('parent')) {
	my $gid = sql_value('SELECT person_id FROM account WHERE login = ' . sq($a->{login}));
	my $row = (sql("SELECT cs.student_id, cs.class_id, g.id FROM guardian gu"
	    . " JOIN class_student cs ON cs.student_id = gu.student_id AND cs.left_on IS NULL"
	    . " JOIN `groups` g ON g.class_id = cs.class_id AND g.kind = 'class'"
	    . " JOIN class c ON c.id = cs.class_id AND c.grade > 1"
	    . " WHERE gu.guardian_id = $gid ORDER BY cs.student_id LIMIT 1"))[0];
	next unless $row;
	($p, $guardian, $child, $class, $group) = ($a, $gid, @$row);
	last;
}
ok($child, "a demo parent has a child at school past grade 1") or BAIL_OUT('no fixture');
my $subject = sql_value("SELECT subject_id FROM curriculum WHERE class_id = $class ORDER BY subject_id LIMIT 1");
my $subject_name = sql_value("SELECT name FROM subject WHERE id = $subject");
my $teacher = sql_value("SELECT person_id FROM staff ORDER BY person_id LIMIT 1");
my $year = sql_value("SELECT year_id FROM class WHERE id = $class");
my $work = sql_value("SELECT id FROM work_kind WHERE school_id = 1 AND name = 'Контрольная работа'");
my $child_name = sql_value("SELECT CONCAT_WS(' ', last_name, first_name) FROM person WHERE id = $child");

my @lessons;
sub audit_rows { sql_value("SELECT COUNT(*) FROM audit WHERE action = 'delivery' AND object_id = $guardian") }
END {
	if (var_dir()) {
		eval {
			sql("DELETE FROM digest WHERE guardian_id IN ($guardian)");
			sql("DELETE FROM delivery WHERE guardian_id = $guardian");
			for my $l (@lessons) {
				sql("DELETE m FROM mark m JOIN lesson_work w ON w.id = m.lesson_work_id WHERE w.lesson_id = $l");
				sql("DELETE FROM absence WHERE lesson_id = $l");
				sql("DELETE FROM lesson_work WHERE lesson_id = $l");
				sql("DELETE FROM lesson WHERE id = $l");
			}
		};
		eval { clear_attempts() };
	}
}
sql("DELETE FROM digest WHERE guardian_id = $guardian");
sql("DELETE FROM delivery WHERE guardian_id = $guardian");

# ------------------------------------------------------------ the choice

my $c = login_ok($p->{login}, $p->{password}, 'the parent logs in');
like($c->get('/home')->text, qr{href="/delivery"}, 'the choice is in the parent\'s menu');
my $r = $c->get('/delivery');
status_is($r, 200, '/delivery opens');
like($r->text, qr/value="web" checked/, 'no choice yet means the web diary only');
my $csrf = csrf_of($r->text);

my $audit = audit_rows();
$r = $c->post_form('/delivery', [ csrf => $csrf, mode => 'email_daily', email => 'не адрес' ]);
status_is($r, 400, 'a broken address is refused');
like($r->text, qr/Адрес электронной почты указан неверно/, '... with the reason in Russian');
$r = $c->post_form('/delivery', [ csrf => $csrf, mode => 'email_weekly', email => '' ]);
status_is($r, 400, 'an e-mail choice without an address is refused');
like($r->text, qr/укажите адрес электронной почты/, '... saying what is missing');
$r = $c->post_form('/delivery', [ csrf => $csrf, mode => 'pigeon' ]);
status_is($r, 400, 'an unknown way is refused');
is(sql_value("SELECT COUNT(*) FROM delivery WHERE guardian_id = $guardian"), 0, 'nothing was written');
is(audit_rows(), $audit, 'and nothing audited');

$r = $c->post_form('/delivery', [ csrf => $csrf, mode => 'email_daily', email => 'roditel@example.ru' ]);
status_is($r, 303, 'a daily digest to an address is saved');
my ($mode, $email, $at) = @{ (sql("SELECT mode, email, chosen_at >= NOW() - INTERVAL 1 MINUTE FROM delivery WHERE guardian_id = $guardian"))[0] };
is("$mode $email $at", 'email_daily roditel@example.ru 1', 'recorded with the address and its date');
is(audit_rows(), $audit + 1, 'one audit row');
like($c->get('/delivery?saved=1')->text, qr/value="email_daily" checked.*roditel\@example\.ru/s, 'the page shows the choice');
status_is($c->post_form('/delivery', [ mode => 'paper' ]), 403, 'a POST without the CSRF token is refused');

# Paper: the family is on the school's list of paper statements.
my $adm = account_of_role('admin');
my $admin = login_ok($adm->{login}, $adm->{password}, 'the administrator logs in');
my ($chosen) = $admin->get('/paper')->text =~ m{<table class="grid" id="chosen-paper">(.*?)</table>}s;
unlike($chosen // '', qr/\Q$child_name\E/, 'a family with an e-mail choice is not on the paper list');
status_is($c->post_form('/delivery', [ csrf => $csrf, mode => 'paper', email => 'roditel@example.ru' ]), 303, 'the parent chooses paper');
is(sql_value("SELECT CONCAT(mode, ' ', email IS NULL) FROM delivery WHERE guardian_id = $guardian"), 'paper 1',
    'paper keeps no e-mail address');
($chosen) = $admin->get('/paper')->text =~ m{<table class="grid" id="chosen-paper">(.*?)</table>}s;
like($chosen // '', qr/\Q$child_name\E/, 'the child is on the paper list');
status_is($c->post_form('/delivery', [ csrf => $csrf, mode => 'email_daily', email => 'roditel@example.ru' ]), 303,
    'and back to the daily e-mail');
$audit += 2;

# ------------------------------------------------------------ the digest

sub lesson_with_mark {
	my ($code, $homework) = @_;
	sql("INSERT INTO lesson (school_id, year_id, group_id, subject_id, teacher_id, on_date, number, topic, homework, homework_at)"
	    . " VALUES (1, $year, $group, $subject, $teacher, CURDATE(), 2, 'Дроби: сложение', " . sq($homework) . ", NOW())");
	my $l = sql_value('SELECT MAX(id) FROM lesson');
	push @lessons, $l;
	sql("INSERT INTO lesson_work (lesson_id, work_kind_id, topic) VALUES ($l, $work, 'Контрольная работа по теме «Дроби»')");
	my $w = sql_value('SELECT MAX(id) FROM lesson_work');
	sql("INSERT INTO mark (lesson_work_id, student_id, code, num, comment) VALUES ($w, $child, " . sq($code) . ", 4, 'молодец')");
	return $l;
}

sub run_digest {
	my (%env) = @_;
	local $ENV{JOURNAL_CONF} = $conf;
	local $ENV{FAKE_MAIL_DIR} = $maildir;
	local $ENV{FAKE_SENDMAIL_FAIL} = $env{fail} if $env{fail};
	my $out = `"$tool" --sendmail "$fake" --url http://journal.example/ 2>&1`;
	return ($? >> 8, Encode::decode("UTF-8", $out));
}
sub letters { my @l = sort grep { !/\.args$/ } glob("$maildir/mail.*"); return @l }
sub nletters { my @l = letters(); return scalar @l }

my $l1 = lesson_with_mark('4', 'Учебник, № 245, 247');
my ($rc, $out) = run_digest();
is($rc, 0, 'journal-digest runs') or diag($out);
is(nletters(), 0, 'nothing is due on the day of the choice');

# A day later: the window since the choice is due.
sql("UPDATE delivery SET chosen_at = NOW() - INTERVAL 25 HOUR WHERE guardian_id = $guardian");
sql("UPDATE mark m JOIN lesson_work w ON w.id = m.lesson_work_id SET m.changed_at = NOW() - INTERVAL 1 HOUR WHERE w.lesson_id = $l1");
($rc, $out) = run_digest();
is($rc, 0, 'journal-digest runs again') or diag($out);
like($out, qr/в очередь: писем 1\b.*отправлено: 1\b/s, 'it reports one letter queued and sent') or diag($out);
my @l = letters();
is(scalar @l, 1, 'one letter went to sendmail');
my $mail = do { local $/; open my $fh, '<:encoding(UTF-8)', $l[0] or die; <$fh> };
my $args = do { local $/; open my $fh, '<', "$l[0].args" or die; <$fh> };
like($args, qr/^-i -- roditel\@example\.ru$/m, 'the recipient is the chosen address, on the command line');
like($mail, qr/^To: roditel\@example\.ru$/m, 'addressed to the guardian');
like($mail, qr/^Subject: =\?UTF-8\?B\?[A-Za-z0-9+\/=]+\?=$/m, 'the Russian subject is MIME-encoded');
like($mail, qr/^Content-Type: text\/plain; charset=UTF-8$/m, 'the body is UTF-8 text');
like($mail, qr/\Q$child_name\E/, 'it names the child');
like($mail, qr/\Q$subject_name\E — 4 \(Контрольная работа\): молодец/, 'the new mark with its form of work and comment');
like($mail, qr/Учебник, № 245, 247/, 'the homework');
my ($link) = $mail =~ m{(http://journal\.example/unsubscribe\?g=\d+&t=[A-Za-z0-9_-]+)};
ok($link, 'an unsubscribe link') or diag($mail);
like($mail, qr/^List-Unsubscribe: <\Q$link\E>$/m, 'also as the List-Unsubscribe header');
is(sql_value("SELECT GROUP_CONCAT(status) FROM digest WHERE guardian_id = $guardian"), 'sent', 'the queue row is sent');

($rc, $out) = run_digest();
is(nletters(), 1, 'a second run sends nothing twice');
is(sql_value("SELECT COUNT(*) FROM digest WHERE guardian_id = $guardian"), 1, '... and queues nothing new');

# The next day's letter fails at sendmail and is retried later.
sql("UPDATE digest SET covers_to = covers_to - INTERVAL 25 HOUR, covers_from = covers_from - INTERVAL 25 HOUR WHERE guardian_id = $guardian");
my $l2 = lesson_with_mark('5', '');
($rc, $out) = run_digest(fail => 75);
is($rc, 3, 'a failed send makes journal-digest exit 3');
is(nletters(), 1, 'no letter was kept');
my ($st, $att) = @{ (sql("SELECT status, attempts FROM digest WHERE guardian_id = $guardian ORDER BY id DESC LIMIT 1"))[0] };
is("$st $att", 'failed 1', 'the letter is failed once');
($rc, $out) = run_digest();
is(nletters(), 1, 'not retried before its time');
sql("UPDATE digest SET next_try_at = NOW() WHERE guardian_id = $guardian AND status = 'failed'");
($rc, $out) = run_digest();
is($rc, 0, 'the retry succeeds') or diag($out);
@l = letters();
is(scalar @l, 2, 'the retried letter is sent, once');
is(sql_value("SELECT GROUP_CONCAT(status ORDER BY id) FROM digest WHERE guardian_id = $guardian"), 'sent,sent', 'both rows sent');

# A family whose account is switched off (withdrawal, refusal) gets nothing.
sql("UPDATE digest SET covers_to = covers_to - INTERVAL 25 HOUR WHERE guardian_id = $guardian");
sql("UPDATE account SET is_active = 0 WHERE person_id = $guardian");
($rc, $out) = run_digest();
sql("UPDATE account SET is_active = 1 WHERE person_id = $guardian");
is(sql_value("SELECT COUNT(*) FROM digest WHERE guardian_id = $guardian"), 2, 'no letter for a family without an active account');

# ------------------------------------------------------------ unsubscribe

my $anon = client();
(my $path = $link) =~ s{^http://journal\.example}{};
$r = $anon->get($path);
status_is($r, 200, 'the link opens without logging in');
like($r->text, qr/Отписаться/, 'with a button');
is(sql_value("SELECT mode FROM delivery WHERE guardian_id = $guardian"), 'email_daily', 'opening the link changes nothing');
my ($g, $t) = $path =~ /g=(\d+)&t=([\w-]+)/;
my $other = sql_value("SELECT guardian_id FROM guardian WHERE guardian_id <> $guardian LIMIT 1");
$r = $anon->post_form('/unsubscribe', [ g => $other, t => $t ]);
status_is($r, 400, 'the token does not fit another guardian');
like($r->text, qr/Ссылка неполная или повреждена/, '... and the page says so');
$r = $anon->post_form('/unsubscribe', [ g => $g, t => 'A' x 43 ]);
status_is($r, 400, 'a forged token is refused');
$audit = audit_rows();
$r = $anon->post_form('/unsubscribe', [ g => $g, t => $t ]);
status_is($r, 303, 'the right token unsubscribes');
like($anon->get($r->location)->text, qr/писем больше не будет/, 'and says it is done');
is(sql_value("SELECT CONCAT(mode, ' ', chosen_by IS NULL) FROM delivery WHERE guardian_id = $guardian"), 'web 1',
    'back to the web diary, recorded as done by the link');
is(audit_rows(), $audit + 1, 'audited');
like($anon->get('/unsubscribe')->text, qr/по ссылке в конце письма/, 'without a link the page explains how');

done_testing();
