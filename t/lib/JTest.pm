# JTest: shared helpers for the HTTP, CGI and browser-side Perl tests.
#
# Core Perl only (HTTP::Tiny, JSON::PP, Encode, File::Temp, Time::Local).
# The environment comes from scripts/test.sh:
#   JOURNAL_URL     base URL of the running stack (http://127.0.0.1:8091)
#   JOURNAL_VAR     the stack's runtime directory (absolute)
#   JOURNAL_ROOT    the checkout root (default: the parent of t/)
#   JOURNAL_SERVER  apache | nginx (informational)
#
#   use lib 't/lib';   # or FindBin
#   use JTest;
#   need_stack();                       # skip_all without JOURNAL_URL/JOURNAL_VAR
#   clear_attempts();
#   my $c = login_ok($acc->{login}, $acc->{password});
#   my $r = $c->get('/home');
#   status_is($r, 200, 'home');
package JTest;

use strict;
use warnings;
use utf8;

use Encode ();
use Exporter 'import';
use File::Basename qw(dirname);
use File::Spec;
use HTTP::Tiny;
use JSON::PP ();
use Test::More ();

our @EXPORT = qw(
    base_url var_dir root_dir cgi_bin_dir need_stack need_var
    client login login_ok try_login change_password csrf_of hidden_of
    accounts account_of_role accounts_of_role account_id account_roles
    sql sql_value sq stack_today clear_attempts drop_school session_count audit_count
    log_path log_size log_since log_all
    describe cgi_programs run_cgi cgi_user ROLES
    status_is redirects_to security_headers_ok russian_html_ok res_diag
    set_cookie_line cookie_attrs
    open_classes class_by_name class_label class_name_re class_students
    guardians_of consent_state person_name tsv_account account_of_person
    page_text segment_of inputs_of links_of no_inline_script_ok login_works
    translit login_base save_accounts restore_accounts drop_person_account
    multipart
);

# Role codes, in the order of the role table.
use constant ROLES => qw(admin management teacher class_teacher student parent
    secretary medic psychologist hr inspector);

# Test::More prints names and diagnostics with Russian text in them.
{
	my $b = Test::More->builder;
	binmode $b->output,         ':encoding(UTF-8)';
	binmode $b->failure_output, ':encoding(UTF-8)';
	binmode $b->todo_output,    ':encoding(UTF-8)';
}

# ---------------------------------------------------------------- environment

sub base_url {
	my $u = $ENV{JOURNAL_URL} // return undef;
	$u =~ s{/+$}{};
	return $u;
}

sub var_dir { return $ENV{JOURNAL_VAR} }

sub root_dir {
	return $ENV{JOURNAL_ROOT} if $ENV{JOURNAL_ROOT};
	# t/lib/JTest.pm -> checkout root
	return File::Spec->rel2abs(dirname(__FILE__) . '/../..');
}

sub cgi_bin_dir { return root_dir() . '/build/cgi-bin' }

# skip_all unless there is a stack to talk to (URL and runtime directory).
sub need_stack {
	Test::More::plan(skip_all => 'no JOURNAL_URL (run through scripts/test.sh)')
	    unless base_url();
	need_var();
}

sub need_var {
	my $v = var_dir();
	Test::More::plan(skip_all => 'no JOURNAL_VAR (run through scripts/test.sh)')
	    unless $v && -d $v;
}

# ---------------------------------------------------------------- HTTP client

sub client { return JTest::Client->new(@_) }

# Fetch /login with client $c (for the csrf field and the lcsrf cookie) and
# post the form.  %extra: more fields, or csrf => undef to leave it out.
# Returns the response of the POST.
sub try_login {
	my ($c, $login, $password, %extra) = @_;
	my $form = $c->get('/login');
	if ($form->status == 303) {
		# Already logged in: /login sends the browser home.  Take the
		# form of another tab (a fresh client) and post it here, as a
		# stale login tab would.
		my $f = JTest::Client->new(base => $c->{base});
		$form = $f->get('/login');
		$c->set_cookie(lcsrf => $f->cookie('lcsrf'), '/login')
		    if defined $f->cookie('lcsrf');
	}
	my $csrf = csrf_of($form->text) // '';
	my @pairs = (login => $login, password => $password);
	if (exists $extra{csrf}) {
		my $v = delete $extra{csrf};
		push @pairs, csrf => $v if defined $v;
	} else {
		push @pairs, csrf => $csrf;
	}
	push @pairs, %extra;
	return $c->post_form('/login', \@pairs);
}

# Log in on a new client (or the one given as the third argument).  Returns
# the client; $c->{logged_in} is true on a 303 to /home, or to /password for
# a printed password that must be changed first ($c->{must_change} then
# true), and $c->{login_res} holds the response.  Never dies, so a broken
# login shows up as the failed checks of the test that follows it.
sub login {
	my ($login, $password, $c) = @_;
	$c //= client();
	my $r = try_login($c, $login, $password);
	$c->{login_res} = $r;
	my $to = $r->status == 303 ? $r->location // '' : '';
	$c->{logged_in} = ($to =~ m{^/(?:home|password)(?:[?#]|$)}
	    && defined $c->cookie('sid')) ? 1 : 0;
	$c->{must_change} = $c->{logged_in} && $to =~ m{^/password} ? 1 : 0;
	return $c;
}

# Change the password of a logged-in client on /password (the printed one
# must be changed before anything else opens).  Returns the response of
# the POST (303 to /password?done=1 when changed).
sub change_password {
	my ($c, $current, $new) = @_;
	my $page = $c->get('/password');
	return $c->post_form('/password', [ csrf => csrf_of($page->text) // '',
	    current => $current, new => $new, new2 => $new ]);
}

# login() plus one ok() line.
sub login_ok {
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my ($login, $password, $name) = @_;
	my $c = login($login, $password);
	Test::More::ok($c->{logged_in}, $name // "logged in as $login")
	    or Test::More::diag('login: ' . res_diag($c->{login_res}));
	return $c;
}

# A multipart/form-data body for post_raw: [name, value] text parts and
# [name, bytes, filename] files (the CSV imports).  Returns (body, type).
sub multipart {
	my @parts = @_;
	my $b = 'journal-test-' . int(rand(1e9));
	my $body = '';
	for my $p (@parts) {
		my ($n, $v, $fn) = @$p;
		$v = Encode::encode('UTF-8', $v) if utf8::is_utf8($v);
		$body .= "--$b\r\nContent-Disposition: form-data; name=\"$n\""
		    . (defined $fn ? "; filename=\"$fn\"\r\nContent-Type: text/csv" : '')
		    . "\r\n\r\n$v\r\n";
	}
	return ($body . "--$b--\r\n", "multipart/form-data; boundary=$b");
}

# The CSRF token of a page: <meta name="csrf" content="..."> or the hidden
# <input name="csrf" value="...">.  undef when the page has neither.
sub csrf_of {
	my ($html) = @_;
	return undef unless defined $html;
	for my $tag ($html =~ /<meta\b[^>]*>/gi) {
		next unless $tag =~ /\bname\s*=\s*["']?csrf["'\s>\/]/i;
		return $1 if $tag =~ /\bcontent\s*=\s*["']([^"']*)["']/i;
	}
	return hidden_of($html, 'csrf');
}

# The value of the <input> named $name (first one), or undef.
sub hidden_of {
	my ($html, $name) = @_;
	return undef unless defined $html;
	for my $tag ($html =~ /<input\b[^>]*>/gi) {
		next unless $tag =~ /\bname\s*=\s*["']?\Q$name\E["'\s>\/]/i;
		return $1 if $tag =~ /\bvalue\s*=\s*["']([^"']*)["']/i;
		return '';
	}
	return undef;
}

# ---------------------------------------------------------------- accounts

my @ACCOUNTS;

# The rows of JOURNAL_VAR/demo-accounts.tsv as hashrefs keyed by the header
# (role, login, password, full_name, detail), in file order.
sub accounts {
	return @ACCOUNTS if @ACCOUNTS;
	my $f = (var_dir() // '') . '/demo-accounts.tsv';
	open(my $fh, '<:encoding(UTF-8)', $f) or die "cannot read $f: $!\n";
	my $head = <$fh>;
	die "$f is empty\n" unless defined $head;
	$head =~ s/\r?\n\z//;
	my @cols = split /\t/, $head, -1;
	while (my $line = <$fh>) {
		$line =~ s/\r?\n\z//;
		next if $line eq '' || $line =~ /^#/;
		my @v = split /\t/, $line, -1;
		my %row;
		@row{@cols} = @v;
		push @ACCOUNTS, \%row;
	}
	close $fh;
	return @ACCOUNTS;
}

sub accounts_of_role { my ($role) = @_; return grep { $_->{role} eq $role } accounts() }

# The first account whose main role is $role, or undef.
sub account_of_role { my @a = accounts_of_role(@_); return $a[0] }

# ---------------------------------------------------------------- database

# Quote a string for SQL.
sub sq {
	my ($s) = @_;
	return 'NULL' unless defined $s;
	$s =~ s/\\/\\\\/g;
	$s =~ s/'/\\'/g;
	$s =~ s/\0/\\0/g;
	return "'$s'";
}

sub _unescape_batch {
	my ($v) = @_;
	return undef if $v eq 'NULL';
	$v =~ s/\\(.)/$1 eq 'n' ? "\n" : $1 eq 't' ? "\t" : $1 eq '0' ? "\0" : $1/ge;
	return $v;
}

# The stack's fixed date (scripts/stack.sh TODAY=, lib/clock.h), or undef
# when it runs on the real clock.
sub stack_today {
	return $ENV{JOURNAL_TODAY} if $ENV{JOURNAL_TODAY};
	my $env = (var_dir() // '') . '/stack.env';
	open(my $fh, '<', $env) or return undef;
	my $today;
	while (my $l = <$fh>) { $today = $1 if $l =~ /^TODAY=(\d{4}-\d\d-\d\d)$/ }
	return $today;
}

# Run SQL as MariaDB root over the stack's socket.  Returns the rows as
# arrayrefs of strings (undef for NULL).  Dies when the client fails.
# On a stack with a fixed date, CURDATE() and NOW() say what the program
# says (the time of day keeps running).
sub sql {
	my ($q) = @_;
	my $today = stack_today();
	$q = "SET timestamp = UNIX_TIMESTAMP(CONCAT('$today ', CURTIME(6))); $q"
	    if defined $today;
	my $sock = var_dir() . '/run/mysqld.sock';
	my @cmd = ('mariadb', '--no-defaults', '-S', $sock, '-uroot',
	    '--default-character-set=utf8mb4', $ENV{JOURNAL_DB} // 'journal',
	    '-N', '-B', '-e', $q);
	open(my $fh, '-|', @cmd) or die "cannot run mariadb: $!\n";
	binmode $fh, ':encoding(UTF-8)';
	my @rows;
	while (my $line = <$fh>) {
		chomp $line;
		push @rows, [ map { _unescape_batch($_) } split /\t/, $line, -1 ];
	}
	close $fh or die "mariadb failed (exit " . ($? >> 8) . "): $q\n";
	return @rows;
}

# The first column of the first row, or undef.
sub sql_value {
	my @rows = sql(@_);
	return @rows ? $rows[0][0] : undef;
}

sub clear_attempts { sql('DELETE FROM login_attempt') }

# Remove a school a test made (with what every school gets by itself: the
# forms of work of sql/013), after the test removed its own rows.
sub drop_school {
	my ($id) = @_;
	sql('DELETE FROM work_kind WHERE school_id = ' . int($id));
	sql('DELETE FROM school WHERE id = ' . int($id));
}

sub account_id {
	my ($login) = @_;
	return sql_value('SELECT id FROM account WHERE login = ' . sq($login));
}

# The role codes an account holds (from account_role), sorted.
sub account_roles {
	my ($login) = @_;
	return map { $_->[0] } sql('SELECT r.role FROM account_role r'
	    . ' JOIN account a ON a.id = r.account_id WHERE a.login = '
	    . sq($login) . ' ORDER BY r.role');
}

sub session_count {
	my ($account_id) = @_;
	return sql_value("SELECT COUNT(*) FROM session WHERE account_id = "
	    . int($account_id));
}

sub audit_count {
	my ($account_id, $action) = @_;
	my $q = 'SELECT COUNT(*) FROM audit WHERE account_id = ' . int($account_id);
	$q .= ' AND action = ' . sq($action) if defined $action;
	return sql_value($q);
}

# ---------------------------------------------------------------- classes

# The classes of the open year of the school, ordered by grade and letter:
# hashrefs { id, grade, letter, name («5 А»), teacher_id, school_id }.
sub open_classes {
	my ($school) = @_;
	my $q = 'SELECT c.id, c.grade, c.letter, c.teacher_id, c.school_id FROM class c'
	    . ' JOIN year y ON y.id = c.year_id AND y.is_open = 1';
	$q .= ' WHERE c.school_id = ' . int($school) if defined $school;
	$q .= ' ORDER BY c.school_id, c.grade, c.letter';
	return map { { id => $_->[0], grade => $_->[1], letter => $_->[2],
	    name => "$_->[1] $_->[2]", teacher_id => $_->[3], school_id => $_->[4] } } sql($q);
}

# The open class named «5 А», or undef.
sub class_by_name {
	my ($name) = @_;
	my ($c) = grep { $_->{name} eq $name } open_classes();
	return $c;
}

# «5 А» of a class id.
sub class_label {
	my ($id) = @_;
	my ($r) = sql('SELECT grade, letter FROM class WHERE id = ' . int($id));
	return $r ? "$r->[0] $r->[1]" : undef;
}

# A regexp for a class name in page text or HTML: «5 А», «5&nbsp;А»; not
# the «1 А» inside «11 А».
sub class_name_re {
	my ($name) = @_;
	my ($g, $l) = split / /, $name, 2;
	return qr/(?<!\d)\Q$g\E(?:\s|&nbsp;|&#160;|\x{a0})\Q$l\E(?!\p{L})/;
}

# «Фамилия Имя Отчество» (no trailing space without a middle name).
sub person_name {
	my ($last, $first, $middle) = @_;
	return join ' ', grep { defined && length } $last, $first, $middle;
}

my $PERSON_COLS = 'p.id, p.last_name, p.first_name, p.middle_name,'
    . " DATE_FORMAT(p.birth_date, '%d.%m.%Y'), a.id, a.login, a.is_active, a.issued_at";

sub _person_row {
	my ($r) = @_;
	return { id => $r->[0], last => $r->[1], first => $r->[2], middle => $r->[3],
	    full => person_name(@$r[1 .. 3]), birth => $r->[4], account_id => $r->[5],
	    login => $r->[6], active => $r->[7], issued_at => $r->[8] };
}

# The current students of a class, ordered by name: hashrefs { id, last,
# first, middle, full, birth (dd.mm.yyyy), account_id, login, active,
# issued_at } (the account fields undef without an account).
sub class_students {
	my ($class_id) = @_;
	return map { _person_row($_) } sql("SELECT $PERSON_COLS FROM class_student cs"
	    . ' JOIN person p ON p.id = cs.student_id'
	    . ' LEFT JOIN account a ON a.person_id = p.id'
	    . ' WHERE cs.class_id = ' . int($class_id) . ' AND cs.left_on IS NULL'
	    . ' ORDER BY p.last_name, p.first_name, p.middle_name, p.id');
}

# The guardians of a student: the same hashrefs plus kind and state (the
# current consent status: consent, refusal or undef).
sub guardians_of {
	my ($student_id) = @_;
	return map {
		my $h = _person_row($_);
		$h->{kind} = $_->[9];
		$h->{state} = $_->[10];
		$h;
	} sql("SELECT $PERSON_COLS, g.kind, (SELECT k.status FROM consent k"
	    . ' WHERE k.guardian_id = p.id ORDER BY k.id DESC LIMIT 1)'
	    . ' FROM guardian g JOIN person p ON p.id = g.guardian_id'
	    . ' LEFT JOIN account a ON a.person_id = p.id'
	    . ' WHERE g.student_id = ' . int($student_id) . ' ORDER BY p.id');
}

# The current consent state of a guardian: consent, refusal or undef (no
# statement): the newest row.
sub consent_state {
	my ($guardian_id) = @_;
	return sql_value('SELECT status FROM consent WHERE guardian_id = '
	    . int($guardian_id) . ' ORDER BY id DESC LIMIT 1');
}

# The TSV row of a login, or undef.
sub tsv_account {
	my ($login) = @_;
	return undef unless defined $login;
	my ($a) = grep { $_->{login} eq $login } accounts();
	return $a;
}

# The TSV row of the account of a person (e.g. the class teacher of a class,
# from class.teacher_id), or undef.
sub account_of_person {
	my ($person_id) = @_;
	return undef unless defined $person_id;
	return tsv_account(sql_value('SELECT login FROM account WHERE person_id = '
	    . int($person_id)));
}

# ---------------------------------------------------------------- pages

# The visible text of an HTML page: no tags, entities decoded, white space
# (and no-break spaces) collapsed to single spaces.
sub page_text {
	my ($html) = @_;
	my $t = $html // '';
	$t =~ s{<(script|style)\b.*?</\1\s*>}{ }gis;
	$t =~ s{<!--.*?-->}{ }gs;
	$t =~ s{<[^>]*>}{ }g;
	$t = _entities($t);
	$t =~ s/[\s\x{a0}]+/ /g;
	$t =~ s/^ | $//g;
	return $t;
}

# The part of $text from the first $name to the nearest following start of
# any of @names (other than $name), or to the end; undef without $name.
# With the roster's names this is one person's row: their state and login.
sub segment_of {
	my ($text, $name, @names) = @_;
	my $p = index($text, $name);
	return undef if $p < 0;
	my $end = length $text;
	for my $o (@names) {
		next if $o eq $name;
		my $q = index($text, $o, $p + 1);
		$end = $q if $q > $p && $q < $end;
	}
	return substr($text, $p, $end - $p);
}

sub _entities {
	my ($t) = @_;
	my %e = (amp => '&', lt => '<', gt => '>', quot => '"', apos => "'",
	    nbsp => "\x{a0}", laquo => "\x{ab}", raquo => "\x{bb}", mdash => "\x{2014}",
	    ndash => "\x{2013}");
	$t =~ s/&#x([0-9a-fA-F]+);/chr hex $1/ge;
	$t =~ s/&#(\d+);/chr $1/ge;
	$t =~ s/&(\w+);/exists $e{$1} ? $e{$1} : "&$1;"/ge;
	return $t;
}

# The <input> elements named $name: hashrefs { type, value, checked,
# disabled, tag } in page order (attribute values with entities decoded).
sub inputs_of {
	my ($html, $name) = @_;
	my @out;
	for my $tag (($html // '') =~ /<input\b[^>]*>/gi) {
		my %a;
		while ($tag =~ /\b([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g) {
			my $k = lc $1;
			next if $k eq 'input';
			$a{$k} = _entities($2 // $3 // $4 // '');
		}
		next unless defined $a{name} && $a{name} eq $name;
		push @out, { type => lc($a{type} // 'text'), value => $a{value},
		    checked => exists $a{checked} ? 1 : 0,
		    disabled => exists $a{disabled} ? 1 : 0, tag => $tag };
	}
	return @out;
}

# The href of every <a> of a page (entities decoded: &amp; -> &), in order.
sub links_of {
	my ($html) = @_;
	my $h = $html // '';
	my @out;
	push @out, _entities($1 // $2)
	    while $h =~ /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
	return @out;
}

# No inline script: every <script> has a src and no body, no on*= event
# attribute, no javascript: URL.  One ok() line.
sub no_inline_script_ok {
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my ($r, $what) = @_;
	my $h = ref $r ? $r->text : $r;
	my @bad;
	while ($h =~ /(<script\b[^>]*>)(.*?)<\/script\s*>/gis) {
		my ($open, $body) = ($1, $2);
		push @bad, $open if $open !~ /\bsrc\s*=/i || $body =~ /\S/;
	}
	push @bad, $1 while $h =~ /(<[a-z][^>]*\son[a-z]+\s*=[^>]*>)/gi;
	push @bad, $1 while $h =~ /((?:href|src|action)\s*=\s*["']?\s*javascript:[^>]*)/gi;
	my $ok = Test::More::ok(!@bad, "$what: no inline script");
	Test::More::diag("inline: $_") for @bad[0 .. ($#bad < 4 ? $#bad : 4)];
	return $ok;
}

# Whether $login/$password logs in now (303 to /home).  Returns (bool, the
# response).  A failed attempt is cleared from login_attempt so that the
# throttle of the shared 127.0.0.1 never trips over the tests' own probes.
sub login_works {
	my ($login, $password) = @_;
	my $c = login($login, $password);
	clear_attempts() unless $c->{logged_in};
	return wantarray ? ($c->{logged_in}, $c->{login_res}, $c) : $c->{logged_in};
}

# ---------------------------------------------------------------- logins

my %TR = (
	'а' => 'a', 'б' => 'b', 'в' => 'v', 'г' => 'g', 'д' => 'd', 'е' => 'e',
	'ё' => 'e', 'ж' => 'zh', 'з' => 'z', 'и' => 'i', 'й' => 'y', 'к' => 'k',
	'л' => 'l', 'м' => 'm', 'н' => 'n', 'о' => 'o', 'п' => 'p', 'р' => 'r',
	'с' => 's', 'т' => 't', 'у' => 'u', 'ф' => 'f', 'х' => 'kh', 'ц' => 'ts',
	'ч' => 'ch', 'ш' => 'sh', 'щ' => 'shch', 'ъ' => '', 'ы' => 'y', 'ь' => '',
	'э' => 'e', 'ю' => 'yu', 'я' => 'ya',
);

# Russian text to lowercase ASCII (lib/credentials.h); $keep: extra
# characters kept as they are (the hyphen of a double surname).
sub translit {
	my ($s, $keep) = @_;
	my $out = '';
	for my $ch (split //, lc($s // '')) {
		if (exists $TR{$ch})			{ $out .= $TR{$ch} }
		elsif ($ch =~ /^[a-z0-9]$/)		{ $out .= $ch }
		elsif (defined $keep && index($keep, $ch) >= 0) { $out .= $ch }
	}
	return $out;
}

# The base login of a person: ivanov.ps for «Иванов Пётр Сергеевич».
sub login_base {
	my ($last, $first, $middle) = @_;
	my $l = translit($last, '-');
	$l =~ s/^-+|-+$//g;
	$l =~ s/-{2,}/-/g;
	my $ini = substr(translit($first), 0, 1) . substr(translit($middle), 0, 1);
	return 'user' unless length $l || length $ini;
	return "$l.$ini";
}

# ---------------------------------------------------------------- undo

my @ACCOUNT_COLS = qw(id person_id school_id login pw_hash is_active
    pw_changed_at must_change_pw issued_at created_at);

# The account rows (with their roles) of some people, for
# restore_accounts(): { person_id => { col => value, roles => [...] } or
# undef when the person has no account }.
sub save_accounts {
	my (@persons) = @_;
	my %saved = map { $_ => undef } @persons;
	return \%saved unless @persons;
	my $cols = join ', ', @ACCOUNT_COLS;
	for my $r (sql("SELECT $cols FROM account WHERE person_id IN ("
	    . join(',', map { int } @persons) . ')')) {
		my %h;
		@h{@ACCOUNT_COLS} = @$r;
		$h{roles} = [ map { $_->[0] } sql('SELECT role FROM account_role'
		    . " WHERE account_id = $h{id} ORDER BY role") ];
		$saved{ $h{person_id} } = \%h;
	}
	return \%saved;
}

# Remove a person's account (sessions and roles first).  Returns the id it
# had, or undef.
sub drop_person_account {
	my ($person_id) = @_;
	my $id = sql_value('SELECT id FROM account WHERE person_id = ' . int($person_id));
	return undef unless $id;
	sql("DELETE FROM session WHERE account_id = $id;"
	    . " DELETE FROM account_role WHERE account_id = $id;"
	    . " DELETE FROM account WHERE id = $id");
	return $id;
}

# Put the accounts saved by save_accounts() back as they were: the same id,
# login, password hash, state and roles; an account made since for a person
# who had none is removed.  Sessions of a changed account are ended.
sub restore_accounts {
	my ($saved) = @_;
	for my $pid (sort { $a <=> $b } keys %$saved) {
		my $old = $saved->{$pid};
		my $cur = sql_value('SELECT id FROM account WHERE person_id = ' . int($pid));
		if (!$old) {
			drop_person_account($pid) if $cur;
			next;
		}
		if ($cur && $cur != $old->{id}) {
			drop_person_account($pid);
			$cur = undef;
		}
		my $set = join ', ', map { "$_ = " . sq($old->{$_}) }
		    grep { $_ ne 'id' } @ACCOUNT_COLS;
		if ($cur) {
			sql("DELETE FROM session WHERE account_id = $cur;"
			    . " UPDATE account SET $set WHERE id = $cur");
		} else {
			sql("INSERT INTO account SET id = $old->{id}, $set");
		}
		sql("DELETE FROM account_role WHERE account_id = $old->{id}");
		sql("INSERT INTO account_role (account_id, role) VALUES "
		    . join(', ', map { "($old->{id}, " . sq($_) . ')' } @{ $old->{roles} }))
		    if @{ $old->{roles} };
	}
}

# ---------------------------------------------------------------- the log

sub log_path { return var_dir() . '/log/journal.log' }

sub log_size { return -s log_path() // 0 }

# The log text written after byte offset $off (decoded as UTF-8).
sub log_since {
	my ($off) = @_;
	open(my $fh, '<:raw', log_path()) or return '';
	seek $fh, $off // 0, 0;
	local $/;
	my $t = <$fh> // '';
	close $fh;
	return Encode::decode('UTF-8', $t);
}

sub log_all { return log_since(0) }

# ---------------------------------------------------------------- programs

# The programs in build/cgi-bin (executables, sorted by name).
sub cgi_programs {
	my ($dir) = @_;
	$dir //= cgi_bin_dir();
	opendir(my $dh, $dir) or return ();
	my @p = sort grep { !/^\./ && -f "$dir/$_" && -x _ } readdir $dh;
	closedir $dh;
	return @p;
}

# Run "<program> --describe".  Returns (decoded JSON or undef, raw output,
# exit status).
sub describe {
	my ($path) = @_;
	my $out = '';
	my $pid = open(my $fh, '-|');
	die "fork: $!\n" unless defined $pid;
	if (!$pid) {
		open STDERR, '>&', \*STDOUT;
		exec $path, '--describe' or exit 127;
	}
	{ local $/; $out = <$fh> // '' }
	close $fh;
	my $rc = $?;
	my $json;
	if ($rc == 0 && $out =~ /\A\s*(\{.*\})\s*\z/s) {
		$json = eval { JSON::PP->new->utf8->decode($1) };
	}
	return ($json, $out, $rc);
}

# The user to run a program as plain CGI from the tests: the owner of the
# stack's log (the web server's workers), so that whatever the program
# creates or appends keeps the owner and mode the workers need.  Returns
# (uid, gid), or () to run as we are.
sub cgi_user {
	return () unless $> == 0 && var_dir();
	for my $f (log_path(), var_dir() . '/log') {
		my @st = stat $f or next;
		return () if $st[4] == 0;
		return ($st[4], $st[5]);
	}
	return ();
}

# Run a program once as plain CGI, the way fcgiwrap or a hosting provider's
# cgi-bin does: a fresh environment, the body on stdin (a file, so the
# program sees no socket and libfcgi picks CGI mode).
#   run_cgi(prog => PATH, env => { ... }, body => BYTES, timeout => 30)
# Returns { status, headers => { lc name => value or [values] }, body,
# stderr, exit, raw }.  status is 200 when the output has no Status line.
sub run_cgi {
	my (%a) = @_;
	require File::Temp;
	require POSIX;
	my $in = File::Temp->new;
	binmode $in;
	print {$in} $a{body} // '';
	close $in;
	my $out = File::Temp->new;
	my $err = File::Temp->new;
	my @cmd = ($a{prog});
	my @u = cgi_user();
	unshift @cmd, 'setpriv', "--reuid=$u[0]", "--regid=$u[1]", '--clear-groups' if @u;
	my $pid = fork;
	die "fork: $!\n" unless defined $pid;
	if (!$pid) {
		open STDIN, '<', $in->filename or POSIX::_exit(126);
		open STDOUT, '>&', $out or POSIX::_exit(126);
		open STDERR, '>&', $err or POSIX::_exit(126);
		%ENV = %{ $a{env} // {} };
		exec { $cmd[0] } @cmd or POSIX::_exit(127);
	}
	my $deadline = time + ($a{timeout} // 30);
	my $timed_out = 0;
	while (waitpid($pid, POSIX::WNOHANG()) == 0) {
		if (time > $deadline) {
			kill 'KILL', $pid;
			waitpid($pid, 0);
			$timed_out = 1;
			last;
		}
		select(undef, undef, undef, 0.05);
	}
	my $exit = $timed_out ? -1 : $?;
	my $slurp = sub {
		open(my $fh, '<:raw', $_[0]->filename) or return '';
		local $/;
		my $t = <$fh> // '';
		return $t;
	};
	my $raw = $slurp->($out);
	my $stderr = $slurp->($err);
	my ($head, $body) = split /\r?\n\r?\n/, $raw, 2;
	my %h;
	for (split /\r?\n/, $head // '') {
		my ($k, $v) = /^([^:\s]+):\s*(.*)$/ or next;
		$k = lc $k;
		$h{$k} = exists $h{$k} ? [ ref $h{$k} ? @{ $h{$k} } : $h{$k}, $v ] : $v;
	}
	my $status = 200;
	$status = $1 if defined $h{status} && !ref $h{status} && $h{status} =~ /^(\d{3})/;
	$stderr .= "\n(killed after the timeout)" if $timed_out;
	return JTest::Res->new({ status => $status, headers => \%h,
	    content => $body // '', stderr => $stderr, exit => $exit, raw => $raw }, '');
}

# ---------------------------------------------------------------- checks

# "status 400; Location ...; body: first 300 chars" for diagnostics.
sub res_diag {
	my ($r) = @_;
	return 'no response' unless $r;
	my $d = 'status ' . $r->status;
	$d .= ' (' . $r->{reason} . ')' if $r->{reason};
	my $loc = $r->header('location');
	$d .= "; Location: $loc" if defined $loc;
	my $t = $r->text;
	$t =~ s/\s+/ /g;
	$d .= '; body: ' . substr($t, 0, 300);
	return $d;
}

sub status_is {
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my ($r, $want, $name) = @_;
	my $ok = Test::More::is($r->status, $want, $name);
	Test::More::diag(res_diag($r)) unless $ok;
	return $ok;
}

# A 303 (the code of every redirect in the contract) whose Location path is
# $path (a string: matched exactly, query ignored unless $path has one; or a
# qr//).
sub redirects_to {
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my ($r, $path, $name) = @_;
	my $loc = $r->location // '';
	my $match = ref $path ? $loc =~ $path
	    : $path =~ /\?/ ? $loc eq $path
	    : ($loc =~ s/[?#].*//sr) eq $path;
	my $ok = Test::More::ok($r->status == 303 && $match, $name);
	Test::More::diag('want 303 to ' . $path . '; got ' . res_diag($r)) unless $ok;
	return $ok;
}

# The headers every dynamic response carries.  One ok() line per header,
# named "$what: header".
# With no_ctype => 1 the Content-Type is not checked (a redirect may have
# no body).
sub security_headers_ok {
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my ($r, $what, %opt) = @_;
	my $all = 1;
	my $check = sub {
		my ($h, $test, $descr) = @_;
		local $Test::Builder::Level = $Test::Builder::Level + 1;
		my $v = $r->header($h);
		my $ok = Test::More::ok(defined $v && $test->($v), "$what: $h $descr");
		Test::More::diag("$h: " . ($v // '(missing)') . '; ' . res_diag($r)) unless $ok;
		$all &&= $ok;
	};
	$check->('x-content-type-options', sub { lc($_[0]) eq 'nosniff' }, 'nosniff');
	$check->('x-frame-options', sub { uc($_[0]) eq 'DENY' }, 'DENY');
	$check->('content-security-policy', sub {
		$_[0] =~ /(?:^|;)\s*script-src\s+'self'(?:\s|;|$)/i
		    && $_[0] !~ /'unsafe-inline'/i
	}, "script-src 'self', no 'unsafe-inline'");
	$check->('referrer-policy', sub { lc($_[0]) eq 'same-origin' }, 'same-origin');
	$check->('cache-control', sub { $_[0] =~ /\bno-store\b/i }, 'no-store');
	$check->('content-type', sub { $_[0] =~ m{^text/html;\s*charset=utf-8$}i },
	    'text/html; charset=utf-8') unless $opt{no_ctype};
	return $all;
}

# An HTML page in Russian: text/html and some Cyrillic words (plus $re when
# given).
sub russian_html_ok {
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my ($r, $what, $re) = @_;
	my $ct = $r->header('content-type') // '';
	my $t = $r->text;
	my $ok = Test::More::ok($ct =~ m{^text/html}i && $t =~ /<html|<!doctype/i
	    && $t =~ /\p{Cyrillic}{3,}/ && (!$re || $t =~ $re),
	    "$what: Russian HTML page" . ($re ? " matching $re" : ''));
	Test::More::diag("Content-Type: $ct; " . res_diag($r)) unless $ok;
	return $ok;
}

# The Set-Cookie line (raw) that sets cookie $name to a value, or undef.
# A response may first clear a cookie and then set it anew (a login over an
# old session): the last line with a value wins, as in a browser.
sub set_cookie_line {
	my ($r, $name) = @_;
	my $found;
	for my $l ($r->headers_all('set-cookie')) {
		$found = $l if $l =~ /^\s*\Q$name\E=[^;\s]/;
	}
	return $found;
}

# Parse a Set-Cookie line: (name, value, { lc attr => value or 1 }).
sub cookie_attrs {
	my ($line) = @_;
	my ($nv, @attrs) = split /;\s*/, $line;
	my ($n, $v) = split /=/, $nv, 2;
	my %a;
	for (@attrs) {
		my ($k, $av) = split /=/, $_, 2;
		$a{lc $k} = defined $av ? $av : 1;
	}
	return ($n, $v, \%a);
}

# ================================================================= client

package JTest::Client;

use strict;
use warnings;

use Time::Local ();

sub new {
	my ($class, %opt) = @_;
	my $self = bless {
		base => $opt{base} // JTest::base_url(),
		jar  => {},		# name -> { value, path }
		http => HTTP::Tiny->new(
			max_redirect => 0,
			timeout      => $opt{timeout} // 30,
			agent        => 'journal-tests/1',
			keep_alive   => 0,
		),
	}, $class;
	return $self;
}

sub cookie {
	my ($self, $name) = @_;
	my $c = $self->{jar}{$name};
	return $c ? $c->{value} : undef;
}

sub set_cookie {
	my ($self, $name, $value, $path) = @_;
	$self->{jar}{$name} = { value => $value, path => $path // '/' };
}

sub drop_cookie { my ($self, $name) = @_; delete $self->{jar}{$name} }

sub _path_match {
	my ($req, $cp) = @_;
	return 1 if $req eq $cp;
	return 0 unless index($req, $cp) == 0;
	return 1 if $cp =~ m{/$};
	return substr($req, length $cp, 1) eq '/';
}

sub _cookie_header {
	my ($self, $path) = @_;
	$path =~ s/[?#].*//s;
	$path = '/' if $path eq '';
	my @c;
	for my $n (sort keys %{ $self->{jar} }) {
		my $c = $self->{jar}{$n};
		push @c, "$n=$c->{value}" if _path_match($path, $c->{path});
	}
	return @c ? join('; ', @c) : undef;
}

my %MON = (jan => 0, feb => 1, mar => 2, apr => 3, may => 4, jun => 5,
    jul => 6, aug => 7, sep => 8, oct => 9, nov => 10, dec => 11);

sub _expired {
	my ($a) = @_;
	return 1 if defined $a->{'max-age'} && $a->{'max-age'} =~ /^-?\d+$/
	    && $a->{'max-age'} <= 0;
	if (defined $a->{expires}
	    && $a->{expires} =~ /(\d{1,2})[ -](\w{3})[ -](\d{2,4}) (\d\d):(\d\d):(\d\d)/) {
		my $y = $3 < 100 ? $3 + ($3 < 70 ? 2000 : 1900) : $3;
		my $t = eval { Time::Local::timegm($6, $5, $4, $1,
		    $MON{ lc $2 } // 0, $y) };
		return 1 if defined $t && $t < time;
	}
	return 0;
}

sub _store_cookies {
	my ($self, $res) = @_;
	for my $line ($res->headers_all('set-cookie')) {
		my ($n, $v, $a) = JTest::cookie_attrs($line);
		next unless defined $n && $n ne '';
		if (_expired($a) || !defined $v || $v eq '') {
			delete $self->{jar}{$n};
			next;
		}
		my $p = $a->{path};
		$p = '/' unless defined $p && $p =~ m{^/};
		$self->{jar}{$n} = { value => $v, path => $p };
	}
}

# request(METHOD, PATH, { headers => {}, content => bytes })
sub request {
	my ($self, $method, $path, $opt) = @_;
	$opt //= {};
	my %h = %{ $opt->{headers} // {} };
	my $ck = $self->_cookie_header($path);
	$h{cookie} = $ck if defined $ck && !exists $h{cookie};
	my %args = (headers => \%h);
	$args{content} = $opt->{content} if defined $opt->{content};
	my $raw = $self->{http}->request($method, $self->{base} . $path, \%args);
	my $res = JTest::Res->new($raw, $self->{base});
	$self->_store_cookies($res);
	$self->{last} = $res;
	return $res;
}

sub get { my ($self, $path, $h) = @_; return $self->request('GET', $path, { headers => $h }) }

# Percent-encode for application/x-www-form-urlencoded (UTF-8).
sub form_encode {
	my ($pairs) = @_;
	my @p = ref $pairs eq 'HASH' ? map { ($_, $pairs->{$_}) } sort keys %$pairs : @$pairs;
	my @out;
	while (my ($k, $v) = splice @p, 0, 2) {
		push @out, _enc($k) . '=' . _enc($v // '');
	}
	return join '&', @out;
}

sub _enc {
	my ($s) = @_;
	$s = Encode::encode('UTF-8', $s) if utf8::is_utf8($s);
	$s =~ s/([^A-Za-z0-9\-._~ ])/sprintf('%%%02X', ord $1)/ge;
	$s =~ tr/ /+/;
	return $s;
}

# POST a form given as [k => v, ...] (order kept, repeats allowed) or {}.
sub post_form {
	my ($self, $path, $pairs, $h) = @_;
	return $self->post_raw($path, form_encode($pairs),
	    'application/x-www-form-urlencoded', $h);
}

# POST bytes as they are.
sub post_raw {
	my ($self, $path, $body, $ctype, $h) = @_;
	my %h = %{ $h // {} };
	$h{'content-type'} = $ctype // 'application/x-www-form-urlencoded';
	return $self->request('POST', $path, { headers => \%h, content => $body });
}

# The CSRF token of the session, read from /home.
sub session_csrf {
	my ($self) = @_;
	return JTest::csrf_of($self->get('/home')->text);
}

# A request over a plain socket that keeps going when the server stops
# reading the body (HTTP::Tiny gives up with a 599 then).  Returns a Res.
sub raw_request {
	my ($self, $method, $path, $headers, $body) = @_;
	require IO::Socket::INET;
	my ($host, $port) = $self->{base} =~ m{^https?://([^/:]+)(?::(\d+))?}
	    or die "bad base URL $self->{base}\n";
	$port //= 80;
	my $s = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port,
	    Proto => 'tcp', Timeout => 30)
	    or return JTest::Res->new({ status => 599, reason => "connect: $!",
		headers => {}, content => '' }, $self->{base});
	$body //= '';
	my %h = (host => "$host:$port", connection => 'close',
	    'content-length' => length $body, %{ $headers // {} });
	my $ck = $self->_cookie_header($path);
	$h{cookie} = $ck if defined $ck;
	my $req = "$method $path HTTP/1.1\r\n"
	    . join('', map { "$_: $h{$_}\r\n" } sort keys %h) . "\r\n";
	local $SIG{PIPE} = 'IGNORE';
	my $data = $req . $body;
	my $off = 0;
	while ($off < length $data) {
		my $n = syswrite($s, $data, 65536, $off);
		last unless $n;		# the server stopped reading: fine
		$off += $n;
	}
	my $resp = '';
	eval {
		local $SIG{ALRM} = sub { die "timeout\n" };
		alarm 30;
		while (1) {
			my $n = sysread($s, my $buf, 65536);
			last unless $n;
			$resp .= $buf;
		}
		alarm 0;
	};
	close $s;
	my ($head, $content) = split /\r\n\r\n/, $resp, 2;
	$head //= '';
	my ($status_line, @hl) = split /\r\n/, $head;
	my ($status, $reason) = ($status_line // '') =~ m{^HTTP/\S+\s+(\d+)\s*(.*)};
	my %hdr;
	for (@hl) {
		my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
		$k = lc $k;
		if (exists $hdr{$k}) {
			$hdr{$k} = [ ref $hdr{$k} ? @{ $hdr{$k} } : $hdr{$k}, $v ];
		} else {
			$hdr{$k} = $v;
		}
	}
	$content //= '';
	if (($hdr{'transfer-encoding'} // '') =~ /chunked/i) {
		my $out = '';
		while ($content =~ s/\A([0-9a-fA-F]+)[^\r\n]*\r\n//) {
			my $len = hex $1;
			last if $len == 0;
			$out .= substr($content, 0, $len, '');
			$content =~ s/\A\r\n//;
		}
		$content = $out;
	}
	return JTest::Res->new({ status => $status // 599,
	    reason => $status ? $reason : 'no response (' . length($resp) . ' bytes)',
	    headers => \%hdr, content => $content }, $self->{base});
}

# ================================================================= response

package JTest::Res;

use strict;
use warnings;

sub new {
	my ($class, $raw, $base) = @_;
	return bless { %$raw, base => $base }, $class;
}

sub status { $_[0]{status} }

# One header (lower-case name); several values are joined with ", ".
sub header {
	my ($self, $name) = @_;
	my $v = $self->{headers}{ lc $name };
	return ref $v ? join(', ', @$v) : $v;
}

sub headers_all {
	my ($self, $name) = @_;
	my $v = $self->{headers}{ lc $name };
	return () unless defined $v;
	return ref $v ? @$v : ($v);
}

sub content { $_[0]{content} // '' }

# The body decoded from UTF-8 (bad bytes become U+FFFD).
sub text {
	my ($self) = @_;
	$self->{text} //= Encode::decode('UTF-8', $self->content);
	return $self->{text};
}

# The Location header as a path (+query) on this site: the scheme and host
# of the stack are taken off an absolute URL.
sub location {
	my ($self) = @_;
	my $l = $self->header('location');
	return undef unless defined $l;
	my $b = $self->{base} // '';
	$l =~ s/^\Q$b\E// if $b;
	$l =~ s{^https?://[^/]+}{};
	return $l;
}

1;
