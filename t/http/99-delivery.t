#!/usr/bin/perl
# How families get the diary's news (R36, R41): a parent's choice with its
# date and validation; the e-mail digest built by journal-digest, read
# with a real MIME parser (Email::MIME): Date on the stack's day,
# Message-ID, the Russian subject and body decoded, the one-click
# unsubscribe headers of RFC 8058; nothing sent twice, a failed send
# retried and given up after mail.max_attempts, nothing tried and nothing
# lost without a mail transport (exit 4, shown to the administrator), no
# letter for a family without an active account; the unsubscribe link
# that works without logging in (a provider's one-click POST included),
# cannot be forged, and stops the letters.
use strict;
use warnings;
use utf8;

use Email::MIME;
use Encode ();
use File::Temp qw(tempdir);
use Time::Local qw(timegm);
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

# The tool's own config: the stack's, with a sender of the school's domain
# and a small limit of attempts.
my $myconf = "$maildir/journal.hdf";
{
	open my $fh, '>:encoding(UTF-8)', $myconf or die;
	print $fh "#include \"$conf\"\nmail.from = Электронный журнал <journal\@school21.example>\nmail.max_attempts = 2\n";
	close $fh;
}

sub run_digest {
	my (%o) = @_;
	local $ENV{JOURNAL_CONF} = $o{conf} // $myconf;
	local $ENV{FAKE_MAIL_DIR} = $maildir;
	local $ENV{FAKE_SENDMAIL_FAIL} = $o{fail} if $o{fail};
	my $sm = $o{sendmail} // $fake;
	my $args = $o{args} // '';
	my $out = `"$tool" $args --sendmail "$sm" --url https://journal.example/ 2>&1`;
	return ($? >> 8, Encode::decode("UTF-8", $out));
}
sub letters { my @l = sort grep { !/\.args$/ } glob("$maildir/mail.*"); return @l }
sub nletters { my @l = letters(); return scalar @l }
sub raw_of { my ($f) = @_; local $/; open my $fh, '<:raw', $f or die "$f: $!"; return scalar <$fh> }
# The next window is due: the last letter's window ends a day earlier.
sub next_day { sql("UPDATE digest SET covers_to = covers_to - INTERVAL 25 HOUR, covers_from = covers_from - INTERVAL 25 HOUR WHERE guardian_id = $guardian") }
sub last_row { return @{ (sql("SELECT id, status, attempts, last_error FROM digest WHERE guardian_id = $guardian ORDER BY id DESC LIMIT 1"))[0] // [] } }
sub admin_trouble {
	my ($sec) = $admin->get('/home')->text =~ m{<section class="card warnings" id="mail-trouble">(.*?)</section>}s;
	return $sec // '';
}

my $l1 = lesson_with_mark('4', 'Учебник, № 245, 247');
my ($rc, $out) = run_digest();
is($rc, 0, 'journal-digest runs') or diag($out);
is(nletters(), 0, 'nothing is due on the day of the choice');

# Three days later: the window since the choice is due, and overdue: the
# administrator is told that the tool does not run.
sql("UPDATE delivery SET chosen_at = NOW() - INTERVAL 3 DAY WHERE guardian_id = $guardian");
like(admin_trouble(), qr/Письма не формируются: .*: 1, .* Похоже, journal-digest не запускается/,
    'a digest days overdue: the administrator\'s home page says the tool does not run');
sql("UPDATE mark m JOIN lesson_work w ON w.id = m.lesson_work_id SET m.changed_at = NOW() - INTERVAL 1 HOUR WHERE w.lesson_id = $l1");
($rc, $out) = run_digest();
is($rc, 0, 'journal-digest runs again') or diag($out);
like($out, qr/в очередь: писем 1\b.*отправлено: 1\b/s, 'it reports one letter queued and sent') or diag($out);
my @l = letters();
is(scalar @l, 1, 'one letter went to sendmail');
my $raw = raw_of($l[0]);
my $args = raw_of("$l[0].args");
is($args, "-i -f journal\@school21.example -- roditel\@example.ru\n",
    'the recipient on the command line, the envelope sender is mail.from\'s address (SPF)');
# RFC 5322: 78 characters a line (List-Unsubscribe aside: a URL is not
# folded), 998 at most.
my @long = grep { length($_) > 78 && !/^List-Unsubscribe: <[^ ]+>$/ } split /\r?\n/, $raw;
is(scalar @long, 0, 'no line of the letter is longer than 78 characters') or diag(join "\n", @long);

my $em = Email::MIME->new($raw);
my $row = (sql("SELECT id FROM digest WHERE guardian_id = $guardian AND status = 'sent'"))[0][0];
is($em->header_str('To'), 'roditel@example.ru', 'addressed to the guardian');
like($em->header_str('From'), qr/^"?Электронный журнал"? <journal\@school21\.example>$/, 'from the school, its Russian name decoded');
is($em->header_str('Subject'), 'Электронный дневник: новые отметки и задания', 'the Russian subject decodes');
like($em->header_raw('Subject'), qr/^=\?UTF-8\?B\?/, '... from RFC 2047 encoded words');
# Date: RFC 5322, on the stack's day (lib/clock.h), the right weekday.
my $date = $em->header_str('Date') // '';
my ($dow, $dd, $mon, $yyyy) = $date =~ /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) \d\d:\d\d:\d\d [+-]\d{4}$/;
ok($dow, "an RFC 5322 Date: $date");
my ($ty, $tm, $td) = stack_today() =~ /^(\d{4})-(\d\d)-(\d\d)$/;
my @mons = qw(Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec);
is(sprintf('%s %d %s %d', $dow // '', $dd // 0, $mon // '', $yyyy // 0),
    sprintf('%s %d %s %d', (qw(Sun Mon Tue Wed Thu Fri Sat))[(gmtime timegm(0, 0, 12, $td, $tm - 1, $ty))[6]],
    $td, $mons[$tm - 1], $ty), 'dated on the stack\'s day (' . stack_today() . ')');
my $mid = $em->header_str('Message-ID') // '';
like($mid, qr/^<digest\.$row\.[A-Za-z0-9_-]{22}\@school21\.example>$/, "a Message-ID at the sender's domain: $mid");
is($em->header_str('MIME-Version'), '1.0', 'MIME-Version 1.0');
is($em->content_type, 'text/plain; charset=UTF-8', 'UTF-8 plain text');
is($em->header_str('Content-Transfer-Encoding'), 'base64', 'in base64 (safe without 8BITMIME, any line length)');
my $body = $em->body_str;
like($body, qr/^Здравствуйте, /, 'the Russian body decodes');
like($body, qr/\Q$child_name\E/, 'it names the child');
like($body, qr/\Q$subject_name\E — 4 \(Контрольная работа\): молодец/, 'the new mark with its form of work and comment');
like($body, qr/Учебник, № 245, 247/, 'the homework');
my $lu = $em->header_str('List-Unsubscribe') // '';
my ($link) = $lu =~ m{^<(https://journal\.example/unsubscribe\?g=$guardian&t=[A-Za-z0-9_-]{43})>$};
ok($link, "List-Unsubscribe: an https link with the family's token: $lu");
is($em->header_str('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click', 'List-Unsubscribe-Post: one click (RFC 8058)');
like($body, qr/Отписаться от писем: \Q$link\E/, 'the same link at the foot of the letter');
is(sql_value("SELECT GROUP_CONCAT(status) FROM digest WHERE guardian_id = $guardian"), 'sent', 'the queue row is sent');
is(admin_trouble(), '', 'once it ran, the warning is gone');

($rc, $out) = run_digest();
is(nletters(), 1, 'a second run sends nothing twice');
is(sql_value("SELECT COUNT(*) FROM digest WHERE guardian_id = $guardian"), 1, '... and queues nothing new');

# The next day's letter fails at sendmail and is retried later.
next_day();
my $l2 = lesson_with_mark('5', '');
($rc, $out) = run_digest(fail => 75);
is($rc, 3, 'a failed send makes journal-digest exit 3');
is(nletters(), 1, 'no letter was kept');
my (undef, $st, $att) = last_row();
is("$st $att", 'failed 1', 'the letter is failed once');
($rc, $out) = run_digest();
is(nletters(), 1, 'not retried before its time');
sql("UPDATE digest SET next_try_at = NOW() WHERE guardian_id = $guardian AND status = 'failed'");
($rc, $out) = run_digest();
is($rc, 0, 'the retry succeeds') or diag($out);
@l = letters();
is(scalar @l, 2, 'the retried letter is sent, once');
is(sql_value("SELECT GROUP_CONCAT(status ORDER BY id) FROM digest WHERE guardian_id = $guardian"), 'sent,sent', 'both rows sent');
my $mid2 = Email::MIME->new(raw_of($l[1]))->header_str('Message-ID') // '';
isnt($mid2, $mid, 'each letter its own Message-ID');

# No mail transport (Debian has no sendmail by default): nothing is tried,
# the letter waits with the reason, the administrator sees it.
next_day();
lesson_with_mark('3', '');
($rc, $out) = run_digest(sendmail => "$maildir/no-such-sendmail");
is($rc, 4, 'without the sendmail program journal-digest exits 4') or diag($out);
like($out, qr/почта не настроена: нет программы отправки писем \Q$maildir\E\/no-such-sendmail/, '... saying so in Russian') or diag($out);
like($out, qr/Ничего не отправлено; писем ждут отправки: 1\b/, '... and that the letter waits') or diag($out);
is(nletters(), 2, 'nothing was sent');
my ($wait_id, $wst, $watt, $werr) = last_row();
is("$wst $watt", 'queued 0', 'the letter is still queued, no attempt counted');
like($werr, qr/^почта не настроена/, 'the reason is recorded on it');
like(admin_trouble(), qr/Писем ждут отправки: 1\. Причина: почта не настроена: нет программы отправки писем/,
    'the administrator\'s home page says mail is not configured');
open my $nx, '>', "$maildir/not-executable" or die;
close $nx;
chmod 0644, "$maildir/not-executable";
($rc, $out) = run_digest(sendmail => "$maildir/not-executable");
is($rc, 4, 'a sendmail that cannot be run: exit 4 too');
like($out, qr/не исполняемая/, '... saying why');
# The transport back: the first run clears the reason, even on a letter
# not yet due, and sends what is due.
sql("UPDATE digest SET next_try_at = NOW() + INTERVAL 1 HOUR WHERE id = $wait_id");
($rc, $out) = run_digest(args => '--send');
is($rc, 0, 'a run with the transport back') or diag($out);
is(admin_trouble(), '', 'clears the warning from the home page');
is(nletters(), 2, 'a letter not yet due waits');
sql("UPDATE digest SET next_try_at = NOW() WHERE id = $wait_id");
($rc, $out) = run_digest();
is($rc, 0, 'with the transport back the waiting letter goes') or diag($out);
is(nletters(), 3, 'it is sent');
is(sql_value("SELECT CONCAT(status, ' ', attempts) FROM digest WHERE id = $wait_id"), 'sent 0', 'with no attempt counted against it');

# Given up after mail.max_attempts (2 in this config) failures.
next_day();
lesson_with_mark('2', '');
($rc, $out) = run_digest(fail => 75);
is($rc, 3, 'the first failure');
my ($gid, $gst, $gatt) = last_row();
is("$gst $gatt", 'failed 1', 'failed once, to be retried');
sql("UPDATE digest SET next_try_at = NOW() WHERE id = $gid");
($rc, $out) = run_digest(fail => 75);
is($rc, 3, 'the second failure');
like($out, qr/не отправлено после 2 попыток \(больше не повторяется\): 1/, 'the tool reports the letter given up') or diag($out);
(undef, $gst, $gatt) = last_row();
is("$gst $gatt", 'abandoned 2', 'the letter is given up for good');
sql("UPDATE digest SET next_try_at = NOW() WHERE id = $gid");
($rc, $out) = run_digest();
is(nletters(), 3, 'a given-up letter is never retried');
is(sql_value("SELECT status FROM digest WHERE id = $gid"), 'abandoned', '... and stays given up');
like(admin_trouble(), qr/больше не отправляется: 1\b.*roditel\@example\.ru: попыток 2, последняя ошибка «sendmail: exit 75»/s,
    'the administrator\'s home page lists it');

# A family whose account is switched off (withdrawal, refusal) gets nothing.
my $rows = sql_value("SELECT COUNT(*) FROM digest WHERE guardian_id = $guardian");
next_day();
sql("UPDATE account SET is_active = 0 WHERE person_id = $guardian");
($rc, $out) = run_digest();
sql("UPDATE account SET is_active = 1 WHERE person_id = $guardian");
is(sql_value("SELECT COUNT(*) FROM digest WHERE guardian_id = $guardian"), $rows, 'no letter for a family without an active account');

# ------------------------------------------------------------ unsubscribe

my $anon = client();
(my $path = $link) =~ s{^https://journal\.example}{};
my ($g, $t) = $path =~ /g=(\d+)&t=([\w-]+)/;
$r = $anon->get($path);
status_is($r, 200, 'the link opens without logging in');
like($r->text, qr/<button type="submit">Отписаться<\/button>/, 'with a button');
is(sql_value("SELECT mode FROM delivery WHERE guardian_id = $guardian"), 'email_daily', 'opening the link changes nothing');
my $other = sql_value("SELECT guardian_id FROM guardian WHERE guardian_id <> $guardian LIMIT 1");
my $audit_u = audit_rows();
$r = $anon->post_raw("/unsubscribe?g=$other&t=$t", 'List-Unsubscribe=One-Click');
status_is($r, 400, 'a one-click POST with the token of another family is refused');
like($r->text, qr/Ссылка неполная или повреждена/, '... and the page says so');
$r = $anon->post_raw("/unsubscribe?g=$g&t=" . ('A' x 43), 'List-Unsubscribe=One-Click');
status_is($r, 400, 'a forged token is refused');
is(sql_value("SELECT mode FROM delivery WHERE guardian_id = $guardian"), 'email_daily', 'neither changed anything');
is(audit_rows(), $audit_u, 'nor audited anything');

# A letter queued before the one-click is not sent after it.
next_day();
lesson_with_mark('5', '');
($rc, $out) = run_digest(args => '--queue');
my ($qid, $qst) = last_row();
is($qst, 'queued', 'a letter is queued');
$r = $anon->post_raw($path, 'List-Unsubscribe=One-Click');
status_is($r, 200, 'the provider\'s one-click POST (no session, no CSRF token) unsubscribes, answered 200');
like($r->text, qr/писем больше не будет/, '... with the page that says it is done');
is(sql_value("SELECT CONCAT(mode, ' ', chosen_by IS NULL) FROM delivery WHERE guardian_id = $guardian"), 'web 1',
    'back to the web diary, recorded as done by the link');
is(audit_rows(), $audit_u + 1, 'audited');
my $sent_before = nletters();
($rc, $out) = run_digest();
is(nletters(), $sent_before, 'the next digest run sends that family nothing');
is(sql_value("SELECT status FROM digest WHERE id = $qid"), 'cancelled', 'the letter queued before is dropped');
next_day();
lesson_with_mark('4', '');
($rc, $out) = run_digest();
is(sql_value("SELECT COUNT(*) FROM digest WHERE guardian_id = $guardian AND id > $qid"), 0, 'and nothing new is queued for it');

# The button of the page (a browser's POST) does the same and redirects.
status_is($c->post_form('/delivery', [ csrf => $csrf, mode => 'email_daily', email => 'roditel@example.ru' ]), 303,
    'the parent subscribes again');
$audit_u = audit_rows();
$r = $anon->post_form('/unsubscribe', [ g => $g, t => $t ]);
status_is($r, 303, 'the page\'s button unsubscribes');
like($anon->get($r->location)->text, qr/писем больше не будет/, 'and says it is done');
is(sql_value("SELECT mode FROM delivery WHERE guardian_id = $guardian"), 'web', 'back to the web diary');
is(audit_rows(), $audit_u + 1, 'audited');
like($anon->get('/unsubscribe')->text, qr/по ссылке в конце письма/, 'without a link the page explains how');

done_testing();
