#!/usr/bin/perl
# The schema as migrated: every migration recorded once, utf8mb4 everywhere,
# InnoDB everywhere (transactions), the audit table append-only, and the
# application's database account limited to data statements.
use strict;
use warnings;
use utf8;

use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JTest;

need_var();

# Every sql/NNN_*.sql is recorded in schema_version, once.
my $root = root_dir();
my @files = sort glob("$root/sql/[0-9][0-9][0-9]_*.sql");
ok(@files > 0, 'there are migrations in sql/');
for my $f (@files) {
	my ($n) = $f =~ m{/(\d{3})_[^/]+\.sql$};
	is(sql_value('SELECT COUNT(*) FROM schema_version WHERE version = ' . int($n)),
	    1, "migration $n is recorded once");
}

# utf8mb4 and InnoDB for every table of the application.
my @tables = sql("SELECT table_name, engine, table_collation FROM"
    . " information_schema.tables WHERE table_schema = 'journal'"
    . " AND table_type = 'BASE TABLE'");
ok(@tables >= 10, scalar(@tables) . ' tables');
for my $t (@tables) {
	my ($name, $engine, $coll) = @$t;
	is($engine, 'InnoDB', "$name is InnoDB");
	like($coll, qr/^utf8mb4_/, "$name defaults to utf8mb4");
}
my @cols = sql("SELECT CONCAT(table_name, '.', column_name), character_set_name"
    . " FROM information_schema.columns WHERE table_schema = 'journal'"
    . " AND character_set_name IS NOT NULL AND character_set_name <> 'utf8mb4'");
# ASCII-only columns (codes, hashes, logins, IPs) are deliberate; nothing else.
my @bad = grep { $_->[1] ne 'ascii' } @cols;
is(scalar(@bad), 0, 'every text column is utf8mb4 or deliberately ascii')
    or diag(join ', ', map { "$_->[0]=$_->[1]" } @bad);

# Russian text goes in and comes out unchanged.
is(sql_value("SELECT name FROM role WHERE code = 'class_teacher'"),
    'Классный руководитель', 'Cyrillic round-trips through the database');

# Run $code with stderr sent to /dev/null (the refusals below are expected).
sub quietly {
	my ($code) = @_;
	open(my $saved, '>&', \*STDERR) or die;
	open(STDERR, '>', '/dev/null') or die;
	my $ok = eval { $code->(); 1 };
	open(STDERR, '>&', $saved) or die;
	return $ok;
}

# The audit is append-only, for everyone (root included).
sql("INSERT INTO audit (action, object_type, ip) VALUES ('test_probe', 'test', '127.0.0.1')");
my $id = sql_value("SELECT MAX(id) FROM audit WHERE action = 'test_probe'");
ok($id, 'an audit row can be added');
ok(!quietly(sub { sql("UPDATE audit SET action = 'changed' WHERE id = $id") }),
    'an audit row cannot be changed');
ok(!quietly(sub { sql("DELETE FROM audit WHERE id = $id") }),
    'an audit row cannot be deleted');
is(sql_value("SELECT action FROM audit WHERE id = $id"), 'test_probe',
    'the row is still there, unchanged');

# The application's account may only read and write data.
my @grants = map { $_->[0] } sql("SHOW GRANTS FOR 'journal'\@'localhost'");
my ($db) = grep { /ON `journal`\.\*/ } @grants;
ok($db, 'the application account has grants on journal.*') or diag(join "\n", @grants);
for my $p (qw(SELECT INSERT UPDATE DELETE)) {
	like($db // '', qr/\b$p\b/, "it may $p");
}
for my $p ('DROP', 'ALTER', 'CREATE', 'GRANT OPTION', 'ALL PRIVILEGES') {
	unlike(join("\n", @grants), qr/\b\Q$p\E\b/, "it may not $p");
}

# The current year (010): the latest open year that has started; before
# any has started, the earliest open one.
{
	my $school = sql_value('SELECT MIN(id) FROM school');
	my $cur = sql_value("SELECT year_id FROM current_year WHERE school_id = $school");
	ok($cur, "the school has a current year ($cur)");
	sql("INSERT INTO year (school_id, name, starts_on, ends_on) VALUES"
	    . " ($school, 'jtest-next', CURDATE() + INTERVAL 300 DAY, CURDATE() + INTERVAL 600 DAY),"
	    . " ($school, 'jtest-old', CURDATE() - INTERVAL 800 DAY, CURDATE() - INTERVAL 500 DAY)");
	is(sql_value("SELECT year_id FROM current_year WHERE school_id = $school"), $cur,
	    'an open next year and an open old year do not change it');
	is(sql_value("SELECT COUNT(*) FROM current_year WHERE school_id = $school"), 1,
	    'exactly one current year');
	sql("UPDATE year SET is_open = 0 WHERE id = $cur");
	is(sql_value("SELECT y.name FROM current_year cy JOIN year y ON y.id = cy.year_id"
	    . " WHERE cy.school_id = $school"), 'jtest-old',
	    'with this year closed, the latest started open year is current');
	sql("UPDATE year SET is_open = 0 WHERE name = 'jtest-old' AND school_id = $school");
	is(sql_value("SELECT y.name FROM current_year cy JOIN year y ON y.id = cy.year_id"
	    . " WHERE cy.school_id = $school"), 'jtest-next',
	    'with none started, the earliest open year is current');
	sql("UPDATE year SET is_open = 1 WHERE id = $cur");
	sql("DELETE FROM year WHERE name IN ('jtest-next', 'jtest-old') AND school_id = $school");
	is(sql_value("SELECT year_id FROM current_year WHERE school_id = $school"), $cur, 'restored');
}

done_testing();
