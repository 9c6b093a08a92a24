/*
 * db.h: MariaDB access through prepared statements only.
 *
 * A statement is declared once, next to the functions of its entity
 * (sqlbox style), and prepared lazily on the process's one connection:
 *
 *	DB_STMT(q_account_by_login,
 *	    "SELECT id, pw_hash FROM account WHERE login = ?");
 *	if (db_query(&q_account_by_login, "s", login) < 0) ...
 *	while ((rc = db_next(&q_account_by_login)) == 1) ... db_str(..., 0)
 *	db_done(&q_account_by_login);
 *
 * Parameters are described by a format string: 'd' int, 'l' long long,
 * 's' const char * (NULL binds SQL NULL), 'b' const void *, size_t,
 * 'I' a list of ids, const long long *, size_t, written DB_IDS in the SQL
 * text ("col IN " DB_IDS): DB_ID_SLOTS placeholders, the unused ones bound
 * to 0, which no row has.  A fixed text keeps the statement prepared once;
 * a list of constants is what the range optimizer reads best, where a
 * derived table of the same ids costs MariaDB more to plan than to run.
 * Results come back as strings (NULL for SQL NULL), which is what pages
 * and HDF want.  The connection is kept across requests; when MariaDB went
 * away (restart), the next statement outside a transaction reconnects,
 * re-prepares and retries once.  When it cannot, db_gone() is true and the
 * request answers 503.
 */
#ifndef JOURNAL_DB_H
#define JOURNAL_DB_H

#include <stddef.h>

#include <mysql.h>

struct _hdf;

struct db_stmt {
	const char	*sql;
	MYSQL_STMT	*st;		/* prepared on connection generation gen */
	unsigned	 gen;
	struct db_stmt	*next;		/* registry of prepared statements */
	int		 registered;
	unsigned	 ncols;
	MYSQL_BIND	*res;		/* result binds, buffers grow as needed */
	unsigned long	*lens;
	my_bool		*nulls;
	my_bool		*errs;
	unsigned long	*caps;
	MYSQL_RES	*meta;
	int		 active;	/* a result is being read */
};

/* The most ids one 'I' parameter takes (a student's groups in a year). */
#define DB_ID_SLOTS	32
#define DB_IDS_8	"?,?,?,?,?,?,?,?"
#define DB_IDS		"(" DB_IDS_8 "," DB_IDS_8 "," DB_IDS_8 "," DB_IDS_8 ")"

#define DB_STMT(name, text) static struct db_stmt name = { .sql = (text) }

/* Returned by db_exec for a duplicate key: an ordinary outcome. */
#define DB_DUPLICATE	(-2)

/* Affected rows (>= 0), DB_DUPLICATE, or -1 on a database failure. */
long long	 db_exec(struct db_stmt *, const char *fmt, ...);
/* Runs a SELECT: 0, or -1 on failure.  Read rows with db_next. */
int		 db_query(struct db_stmt *, const char *fmt, ...);
/* 1: a row is ready; 0: no more rows (result freed); -1: failure. */
int		 db_next(struct db_stmt *);
const char	*db_str(const struct db_stmt *, unsigned col);
long long	 db_int(const struct db_stmt *, unsigned col);
/* Free a result not read to the end.  Harmless when none is open. */
void		 db_done(struct db_stmt *);

/*
 * Run a SELECT and copy every row into hdf as prefix.N.<column name>
 * (N from 0; SQL NULL columns are left out).  Returns the row count or -1.
 */
int		 db_query_hdf(struct _hdf *, const char *prefix,
		    struct db_stmt *, const char *fmt, ...);
/* The same for at most one row, as prefix.<column>; returns 1, 0 or -1. */
int		 db_row_hdf(struct _hdf *, const char *prefix,
		    struct db_stmt *, const char *fmt, ...);

/* Copy the current row (after db_next returned 1) into hdf at name. */
void		 db_row_to_hdf(struct _hdf *, const char *name,
		    struct db_stmt *);

unsigned long long db_last_id(void);

int		 db_begin(void);
int		 db_commit(void);
int		 db_rollback(void);
int		 db_in_trans(void);

/* The last failure was a lost or refused connection (answer 503). */
int		 db_gone(void);
/* Called between requests: frees open results, rolls back, clears state. */
void		 db_request_end(void);
void		 db_close(void);

#endif
