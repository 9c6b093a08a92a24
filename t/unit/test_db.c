/*
 * lib/db.c against the real MariaDB of the test stack (JOURNAL_CONF names
 * its config; without it the test skips).  Needs no table: values are made
 * by the SELECTs themselves.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "config.h"
#include "db.h"
#include "tap.h"

/* Rows whose values grow and shrink: the buffers must follow. */
DB_STMT(q_growing,
    "SELECT n, REPEAT('ab', n), IF(n = 7, NULL, n * 2) FROM ("
    " SELECT 1 AS n UNION ALL SELECT 300 UNION ALL SELECT 7"
    " UNION ALL SELECT 40000 UNION ALL SELECT 2 UNION ALL SELECT 70000) t");
DB_STMT(q_params,
    "SELECT ?, ?, ? IS NULL, LENGTH(?), CHAR_LENGTH(?)");

int
main(void)
{
	const char	*v;
	long long	 n;
	int		 rc, rows, round;

	if (getenv("JOURNAL_CONF") == NULL) {
		printf("1..0 # SKIP no JOURNAL_CONF (run by make test)\n");
		return 0;
	}
	/* JOURNAL_CONF is given: a config that does not load is a failure. */
	if (sodium_init() < 0 || conf_load() != 0) {
		ok(0, "the config %s loads", getenv("JOURNAL_CONF"));
		return done_testing();
	}
	/* Twice: the second run reuses the grown buffers and the statement. */
	for (round = 0; round < 2; round++) {
		ok(db_query(&q_growing, "") == 0, "round %d: query runs", round);
		rows = 0;
		while ((rc = db_next(&q_growing)) == 1) {
			n = db_int(&q_growing, 0);
			v = db_str(&q_growing, 1);
			ok(v != NULL && (long long)strlen(v) == 2 * n &&
			    (n == 0 || (v[0] == 'a' && v[2 * n - 1] == 'b')),
			    "round %d: a value of %lld bytes arrives whole",
			    round, 2 * n);
			if (n == 7)
				ok(db_str(&q_growing, 2) == NULL,
				    "round %d: SQL NULL is NULL", round);
			else
				is_int(db_int(&q_growing, 2), 2 * n,
				    "round %d: the next column is intact", round);
			rows++;
		}
		is_int(rc, 0, "round %d: the rows end cleanly", round);
		is_int(rows, 6, "round %d: every row", round);
	}

	ok(db_query(&q_params, "dlsss", 42, 1LL << 40, (const char *)NULL,
	    "Привет", "Привет") == 0, "parameters bind");
	ok(db_next(&q_params) == 1, "one row");
	is_int(db_int(&q_params, 0), 42, "an int");
	is_int(db_int(&q_params, 1), 1LL << 40, "a long long");
	is_int(db_int(&q_params, 2), 1, "NULL binds as SQL NULL");
	is_int(db_int(&q_params, 3), 12, "UTF-8 arrives as 12 bytes");
	is_int(db_int(&q_params, 4), 6, "... which MariaDB counts as 6 letters");
	db_done(&q_params);
	ok(db_next(&q_params) == 0, "db_done ends the result");

	ok(db_begin() == 0 && db_in_trans(), "a transaction opens");
	ok(db_rollback() == 0 && !db_in_trans(), "and rolls back");
	ok(!db_gone(), "the connection is not marked gone");

	db_close();
	conf_free();
	return done_testing();
}
