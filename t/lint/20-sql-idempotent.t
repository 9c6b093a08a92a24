#!/usr/bin/perl
# Every statement of every migration (sql/NNN_*.sql) can be run twice.
# MariaDB commits each DDL statement at once, so a migration that fails
# half-way (ERROR 1419 at a provider, a lost connection, a killed run)
# leaves the statements before the failure applied; scripts/migrate.sh then
# runs the whole file again.  That works only if no statement fails or
# doubles something the second time: CREATE TABLE IF NOT EXISTS, CREATE OR
# REPLACE VIEW/TRIGGER, ADD COLUMN/KEY IF NOT EXISTS, named foreign keys
# with IF NOT EXISTS, DROP ... IF EXISTS, INSERT IGNORE for seed rows.
# This test refuses any other DDL form; t/db/30-migrate-provider.t applies
# the files twice on a real server.
use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname basename);
use Test::More;

my $root = dirname(dirname(dirname(abs_path(__FILE__))));

# Split SQL text into statements: comments removed, string literals and
# quoted names kept whole (a ';' or '--' inside them is not syntax).
sub statements {
	my ($text) = @_;
	my (@st, $cur);
	$cur = '';
	my $n = length $text;
	for (my $i = 0; $i < $n; $i++) {
		my $c = substr($text, $i, 1);
		if ($c eq "'" || $c eq '"' || $c eq '`') {
			my $j = $i + 1;
			while ($j < $n) {
				my $d = substr($text, $j, 1);
				if ($d eq '\\' && $c ne '`') { $j += 2; next }
				if ($d eq $c) {
					last unless substr($text, $j + 1, 1) eq $c;
					$j += 2;
					next;
				}
				$j++;
			}
			# Literals become '?' (keywords inside them are not syntax);
			# quoted names are kept (they are names).
			$cur .= $c eq '`' ? substr($text, $i, $j - $i + 1) : "'?'";
			$i = $j;
		} elsif ($c eq '-' && substr($text, $i, 3) =~ /^--(\s|$)/) {
			my $e = index($text, "\n", $i);
			$i = $e < 0 ? $n : $e;
			$cur .= ' ';
		} elsif ($c eq '#') {
			my $e = index($text, "\n", $i);
			$i = $e < 0 ? $n : $e;
			$cur .= ' ';
		} elsif ($c eq '/' && substr($text, $i, 2) eq '/*') {
			my $e = index($text, '*/', $i + 2);
			$i = $e < 0 ? $n : $e + 1;
			$cur .= ' ';
		} elsif ($c eq ';') {
			push @st, $cur;
			$cur = '';
		} else {
			$cur .= $c;
		}
	}
	push @st, $cur;
	return grep { /\S/ } map { s/\s+/ /gr =~ s/^ | $//gr } @st;
}

# The clauses of an ALTER TABLE: split at commas outside parentheses.
sub clauses {
	my ($s) = @_;
	my (@c, $cur, $depth);
	($cur, $depth) = ('', 0);
	for my $ch (split //, $s) {
		$depth++ if $ch eq '(';
		$depth-- if $ch eq ')';
		if ($ch eq ',' && $depth == 0) { push @c, $cur; $cur = ''; next }
		$cur .= $ch;
	}
	push @c, $cur;
	return map { s/^ +| +$//gr } @c;
}

my $NAME = qr/(?:`[^`]+`|\w+)/;
my $INE = qr/IF NOT EXISTS/i;

# Why statement $s cannot be run twice, or '' when it can.
sub refusal {
	my ($s) = @_;
	local $_ = $s;
	return 'DELIMITER: compound blocks are not allowed in migrations' if /^DELIMITER\b/i;
	if (/^CREATE (?:TEMPORARY )?TABLE\b/i) {
		return /^CREATE (?:TEMPORARY )?TABLE $INE /i ? '' : 'CREATE TABLE without IF NOT EXISTS';
	}
	if (/^CREATE (?:OR REPLACE )?(?:UNIQUE |FULLTEXT |SPATIAL )?INDEX\b/i) {
		return /^CREATE (?:OR REPLACE |(?:UNIQUE |FULLTEXT |SPATIAL )?INDEX $INE )/i
		    ? '' : 'CREATE INDEX without IF NOT EXISTS (or OR REPLACE)';
	}
	if (/^CREATE (.*?)\b(VIEW|TRIGGER|PROCEDURE|FUNCTION|EVENT|SEQUENCE)\b/i) {
		my ($pre, $what) = ($1, uc $2);
		return '' if $pre =~ /^OR REPLACE\b/i;
		return '' if /\b$what $INE\b/i;
		return "CREATE $what without OR REPLACE (or IF NOT EXISTS)";
	}
	return 'CREATE DATABASE/USER/ROLE: not a migration\'s business' if /^CREATE\b/i;
	if (/^DROP (TEMPORARY )?(TABLE|VIEW|TRIGGER|INDEX|PROCEDURE|FUNCTION|EVENT|SEQUENCE)\b/i) {
		return /^DROP (?:TEMPORARY )?\w+ IF EXISTS\b/i ? '' : "DROP \U$2\E without IF EXISTS";
	}
	return 'DROP DATABASE/USER/ROLE: not a migration\'s business' if /^DROP\b/i;
	return 'RENAME TABLE cannot be run twice (create the new table IF NOT EXISTS and copy)'
	    if /^RENAME\b/i;
	if (/^INSERT\b/i) {
		return '' if /^INSERT (?:LOW_PRIORITY |DELAYED |HIGH_PRIORITY )?IGNORE\b/i;
		return '' if /\bON DUPLICATE KEY UPDATE\b/i;
		return 'INSERT without IGNORE or ON DUPLICATE KEY UPDATE (a second run doubles or fails)';
	}
	return '' if /^(?:REPLACE|UPDATE|DELETE|SET|SELECT|TRUNCATE|ANALYZE|OPTIMIZE)\b/i;
	if (/^ALTER (?:ONLINE |IGNORE )*TABLE (?:IF EXISTS )?$NAME (.*)$/is) {
		my @why;
		my (%added, %dropped);
		for my $c (clauses($1)) {
			local $_ = $c;
			if (/^ADD COLUMN $INE ($NAME)/i) { $added{lc $1}++; next }
			if (/^ADD (?:UNIQUE |FULLTEXT |SPATIAL )?(?:KEY|INDEX) $INE ($NAME)/i) { $added{lc $1}++; next }
			# A foreign key: named (so that a second run finds it) and with
			# no separate index name (with one, MariaDB 10.11's IF NOT
			# EXISTS misses the constraint and the second run fails).
			if (/^ADD CONSTRAINT ($NAME) FOREIGN KEY $INE \(/i) { $added{lc $1}++; next }
			if (/^ADD CONSTRAINT $INE ($NAME) (?:CHECK|UNIQUE)\b/i) { $added{lc $1}++; next }
			if (/^ADD PARTITION $INE/i) { next }
			if (/^DROP (?:COLUMN |KEY |INDEX |FOREIGN KEY |CONSTRAINT |CHECK |PARTITION )?IF EXISTS ($NAME)/i) { $dropped{lc $1}++; next }
			if (/^(?:MODIFY|ALTER)\b/i) { next }
			if (/^CHANGE (?:COLUMN )?IF EXISTS\b/i) { next }
			if (/^(?:ALGORITHM|LOCK|ENGINE|FORCE|CONVERT TO|(?:DEFAULT )?(?:CHARACTER SET|CHARSET|COLLATE)|COMMENT|AUTO_INCREMENT|ROW_FORMAT)\b/i) { next }
			push @why, "ALTER TABLE clause \"$c\" cannot be run twice"
			    . ' (ADD ... IF NOT EXISTS with a name, DROP ... IF EXISTS, MODIFY, CHANGE IF EXISTS)';
		}
		# One ALTER that drops and adds the same name: ADD ... IF NOT
		# EXISTS sees the old one and adds nothing (split into two ALTERs).
		for my $n (sort keys %added) {
			push @why, "ALTER TABLE drops and adds $n in one statement: the add is skipped"
			    if $dropped{$n};
		}
		return join('; ', @why);
	}
	return 'ALTER of something else than a table' if /^ALTER\b/i;
	return "unknown statement form: " . substr($_, 0, 60);
}

# The test checks itself first: forms it must refuse and forms it must pass.
my @bad = (
	'CREATE TABLE school (id INT)',
	'create  view v AS SELECT 1',
	'CREATE TRIGGER t BEFORE UPDATE ON audit FOR EACH ROW SET @x = 1',
	'CREATE INDEX k ON t (a)',
	'CREATE UNIQUE INDEX k ON t (a)',
	'DROP TABLE t',
	'DROP TRIGGER t',
	'INSERT INTO role (code) VALUES (\'a\')',
	'ALTER TABLE t ADD COLUMN c INT',
	'ALTER TABLE t ADD c INT',
	'ALTER TABLE t ADD KEY k (a)',
	'ALTER TABLE t ADD INDEX (a)',
	'ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES s (id)',
	'ALTER TABLE t ADD FOREIGN KEY IF NOT EXISTS (a) REFERENCES s (id)',
	'ALTER TABLE t ADD CONSTRAINT t_ibfk_1 FOREIGN KEY IF NOT EXISTS a (a) REFERENCES s (id)',
	'ALTER TABLE t ADD PRIMARY KEY (a)',
	'ALTER TABLE t DROP KEY k',
	'ALTER TABLE t DROP COLUMN c',
	'ALTER TABLE t DROP FOREIGN KEY f',
	'ALTER TABLE t RENAME TO u',
	'ALTER TABLE t CHANGE a b INT',
	'ALTER TABLE t MODIFY a INT, ADD COLUMN b INT',
	'ALTER TABLE mark DROP KEY IF EXISTS w, ADD KEY IF NOT EXISTS w (a, b)',
	'RENAME TABLE t TO u',
	'CREATE DATABASE j',
);
my @good = (
	'CREATE TABLE IF NOT EXISTS school (id INT, name VARCHAR(9) DEFAULT \'a;b\')',
	'CREATE OR REPLACE VIEW v AS SELECT 1',
	'CREATE OR REPLACE TRIGGER t BEFORE UPDATE ON audit FOR EACH ROW SET @x = 1',
	'CREATE TRIGGER IF NOT EXISTS t BEFORE UPDATE ON audit FOR EACH ROW SET @x = 1',
	'CREATE INDEX IF NOT EXISTS k ON t (a)',
	'DROP TABLE IF EXISTS t',
	'INSERT IGNORE INTO role (code) VALUES (\'a\')',
	'INSERT INTO role (code) VALUES (\'a\') ON DUPLICATE KEY UPDATE code = code',
	'ALTER TABLE t MODIFY a INT NOT NULL, ADD COLUMN IF NOT EXISTS b INT AFTER a,'
	    . ' ADD KEY IF NOT EXISTS k (a, b),'
	    . ' ADD CONSTRAINT t_ibfk_2 FOREIGN KEY IF NOT EXISTS (b) REFERENCES s (id)',
	'ALTER TABLE t DROP KEY IF EXISTS k',
	'UPDATE staff s JOIN person p ON p.id = s.person_id SET s.school_id = p.school_id',
);
for my $s (@bad) {
	isnt(refusal($s), '', "the lint refuses: $s");
}
for my $s (@good) {
	is(refusal($s), '', "the lint passes: $s");
}
my @split = statements("-- a; comment\nCREATE TABLE IF NOT EXISTS t (a VARCHAR(9) DEFAULT 'x;--y');\n"
    . "/* b; */ INSERT IGNORE INTO t VALUES ('it''s; \\'q');\n");
is(scalar(@split), 2, 'statements are split at ; outside literals and comments')
    or diag(explain(\@split));

# The migrations.
my @files = sort glob("$root/sql/[0-9]*_*.sql");
ok(@files >= 19, scalar(@files) . ' migration files');
my $count = 0;
for my $f (@files) {
	open(my $fh, '<', $f) or die "$f: $!\n";
	my $text = do { local $/; <$fh> };
	close $fh;
	my @bad_here;
	for my $s (statements($text)) {
		$count++;
		my $why = refusal($s);
		push @bad_here, "$why: " . substr($s, 0, 100) if $why ne '';
	}
	is(scalar(@bad_here), 0, basename($f) . ': every statement can be run twice')
	    or diag(join("\n", @bad_here));
}
ok($count >= 60, "$count statements checked");

done_testing();
