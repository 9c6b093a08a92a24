/*
 * db.c: one connection per process, prepared statements cached on it.
 * Connector/C's own auto-reconnect is off (and deprecated): a reconnect
 * silently loses the transaction and every prepared statement, so we do
 * it ourselves, only between transactions, and re-prepare.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>
#include <ClearSilver.h>

#include "clock.h"
#include "config.h"
#include "db.h"
#include "log.h"

#define DB_MAX_PARAMS	128
#define DB_MIN_BUF	64

static MYSQL		*conn;
static unsigned		 gen;		/* bumped at every new connection */
static struct db_stmt	*prepared;	/* statements prepared on conn */
static int		 in_trans;
static int		 gone;
static int		 clock_synced;	/* SET timestamp done this request */

static void	*xrealloc(void *, size_t);

/* HDF setters only fail on out-of-memory; consume the error chain. */
static void
ign(NEOERR *err)
{
	nerr_ignore(&err);
}

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL)
		abort();
	return p;
}

static int
is_gone_errno(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == ER_CONNECTION_KILLED || e == ER_SERVER_SHUTDOWN ||
	    e == CR_SERVER_LOST_EXTENDED || e == CR_COMMANDS_OUT_OF_SYNC;
}

static void
stmt_release(struct db_stmt *s)
{
	if (s->meta != NULL)
		mysql_free_result(s->meta);
	s->meta = NULL;
	if (s->st != NULL)
		mysql_stmt_close(s->st);
	s->st = NULL;
	s->active = 0;
}

void
db_close(void)
{
	struct db_stmt	*s, *next;

	for (s = prepared; s != NULL; s = next) {
		next = s->next;
		stmt_release(s);
		s->next = NULL;
		s->registered = 0;
	}
	prepared = NULL;
	if (conn != NULL)
		mysql_close(conn);
	conn = NULL;
	in_trans = 0;
}

static int
db_open(void)
{
	unsigned int	 timeout = 3;
	const char	*host, *sock;

	if (conn != NULL)
		return 0;
	if ((conn = mysql_init(NULL)) == NULL)
		abort();
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	sock = conf_str("db.socket", NULL);
	host = conf_str("db.host", sock != NULL ? "localhost" : "127.0.0.1");
	if (mysql_real_connect(conn, host, conf_str("db.user", "journal"),
	    conf_str("db.password", ""), conf_str("db.name", "journal"),
	    (unsigned)conf_int("db.port", 0), sock, 0) == NULL) {
		log_msg("db: cannot connect: %s", mysql_error(conn));
		mysql_close(conn);
		conn = NULL;
		gone = 1;
		return -1;
	}
	gen++;
	clock_synced = 0;
	return 0;
}

/*
 * On a fixed date (tests, demos: clock.h) the database's NOW() and
 * CURDATE() must say what clock_now() says: set the connection's
 * timestamp once per request, before its first statement.  On the real
 * clock this costs nothing.
 */
static int
clock_sync(void)
{
	char	 sql[48];

	if (clock_synced || !clock_fixed())
		return 0;
	snprintf(sql, sizeof(sql), "SET timestamp = %lld",
	    (long long)clock_now());
	if (mysql_real_query(conn, sql, strlen(sql)) != 0) {
		log_msg("db: %s: %s", sql, mysql_error(conn));
		return -1;
	}
	clock_synced = 1;
	return 0;
}

static int
stmt_prepare(struct db_stmt *s)
{
	my_bool		 one = 1;

	if (s->st != NULL && s->gen == gen)
		return 0;
	if (s->st != NULL)
		stmt_release(s);
	if ((s->st = mysql_stmt_init(conn)) == NULL)
		abort();
	mysql_stmt_attr_set(s->st, STMT_ATTR_UPDATE_MAX_LENGTH, &one);
	if (mysql_stmt_prepare(s->st, s->sql, strlen(s->sql)) != 0)
		return -1;
	s->gen = gen;
	if (!s->registered) {
		s->next = prepared;
		prepared = s;
		s->registered = 1;
	}
	return 0;
}

/*
 * Prepare (if needed), bind and execute, reconnecting once when the
 * server went away and no transaction is open.  Returns 0 or -1.
 */
static int
stmt_run(struct db_stmt *s, const char *fmt, va_list ap0)
{
	MYSQL_BIND	 p[DB_MAX_PARAMS];
	long long	 ll[DB_MAX_PARAMS];
	unsigned long	 len[DB_MAX_PARAMS];
	my_bool		 isnull[DB_MAX_PARAMS];
	va_list		 ap;
	size_t		 n, i, k, nids;
	unsigned	 e;
	const char	*str, *f;
	const long long	*ids;
	int		 attempt;

	/* Placeholders: one per letter, DB_ID_SLOTS per 'I'. */
	for (n = 0, f = fmt; *f != '\0'; f++)
		n += *f == 'I' ? DB_ID_SLOTS : 1;
	if (n > DB_MAX_PARAMS)
		abort();
	db_done(s);
	gone = 0;
	for (attempt = 0; attempt < 2; attempt++) {
		if (db_open() == -1)
			return -1;
		if (clock_sync() == -1 || stmt_prepare(s) == -1)
			goto fail;
		if (mysql_stmt_param_count(s->st) != n) {
			log_msg("db: %zu parameters given for: %s", n, s->sql);
			abort();
		}
		memset(p, 0, sizeof(p));
		va_copy(ap, ap0);
		for (i = 0, f = fmt; *f != '\0'; i++, f++) {
			isnull[i] = 0;
			p[i].is_null = &isnull[i];
			switch (*f) {
			case 'I':
				ids = va_arg(ap, const long long *);
				nids = va_arg(ap, size_t);
				if (nids > DB_ID_SLOTS)
					abort();	/* callers check */
				for (k = 0; k < DB_ID_SLOTS; k++, i++) {
					isnull[i] = 0;
					p[i].is_null = &isnull[i];
					ll[i] = k < nids ? ids[k] : 0;
					p[i].buffer_type = MYSQL_TYPE_LONGLONG;
					p[i].buffer = &ll[i];
				}
				i--;
				break;
			case 'd':
				ll[i] = va_arg(ap, int);
				goto integer;
			case 'l':
				ll[i] = va_arg(ap, long long);
			integer:
				p[i].buffer_type = MYSQL_TYPE_LONGLONG;
				p[i].buffer = &ll[i];
				break;
			case 's':
				str = va_arg(ap, const char *);
				p[i].buffer_type = MYSQL_TYPE_STRING;
				if (str == NULL) {
					isnull[i] = 1;
					break;
				}
				p[i].buffer = (void *)str;
				len[i] = strlen(str);
				p[i].buffer_length = len[i];
				p[i].length = &len[i];
				break;
			case 'b':
				p[i].buffer_type = MYSQL_TYPE_BLOB;
				p[i].buffer = (void *)va_arg(ap, const void *);
				len[i] = va_arg(ap, size_t);
				p[i].buffer_length = len[i];
				p[i].length = &len[i];
				break;
			default:
				abort();
			}
		}
		va_end(ap);
		if (n > 0 && mysql_stmt_bind_param(s->st, p) != 0)
			goto fail;
		if (mysql_stmt_execute(s->st) == 0)
			return 0;
	fail:
		e = s->st != NULL ? mysql_stmt_errno(s->st) : 0;
		if (e == 0)
			e = mysql_errno(conn);
		if (!is_gone_errno(e)) {
			if (e != ER_DUP_ENTRY)
				log_msg("db: error %u: %s; in: %s", e,
				    s->st != NULL ? mysql_stmt_error(s->st) :
				    mysql_error(conn), s->sql);
			return e == ER_DUP_ENTRY ? DB_DUPLICATE : -1;
		}
		log_msg("db: connection lost (%u), %s", e,
		    in_trans ? "inside a transaction" : "reconnecting");
		db_close();
		gone = 1;
		if (in_trans)
			return -1;
	}
	return -1;
}

long long
db_exec(struct db_stmt *s, const char *fmt, ...)
{
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	rc = stmt_run(s, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	return (long long)mysql_stmt_affected_rows(s->st);
}

/* Bind every result column as a string with a buffer that can grow. */
static int
result_bind(struct db_stmt *s)
{
	unsigned	 i, n;

	if ((s->meta = mysql_stmt_result_metadata(s->st)) == NULL)
		return -1;
	n = mysql_num_fields(s->meta);
	if (n > s->ncols) {
		s->res = xrealloc(s->res, n * sizeof(*s->res));
		s->lens = xrealloc(s->lens, n * sizeof(*s->lens));
		s->nulls = xrealloc(s->nulls, n * sizeof(*s->nulls));
		s->errs = xrealloc(s->errs, n * sizeof(*s->errs));
		s->caps = xrealloc(s->caps, n * sizeof(*s->caps));
		for (i = s->ncols; i < n; i++) {
			memset(&s->res[i], 0, sizeof(s->res[i]));
			s->caps[i] = 0;
		}
		s->ncols = n;
	}
	for (i = 0; i < n; i++) {
		if (s->caps[i] < DB_MIN_BUF) {
			s->res[i].buffer = xrealloc(s->res[i].buffer,
			    DB_MIN_BUF);
			s->caps[i] = DB_MIN_BUF;
		}
		s->res[i].buffer_type = MYSQL_TYPE_STRING;
		s->res[i].buffer_length = s->caps[i] - 1;
		s->res[i].length = &s->lens[i];
		s->res[i].is_null = &s->nulls[i];
		s->res[i].error = &s->errs[i];
	}
	if (mysql_stmt_bind_result(s->st, s->res) != 0 ||
	    mysql_stmt_store_result(s->st) != 0)
		return -1;
	s->active = 1;
	return 0;
}

int
db_query(struct db_stmt *s, const char *fmt, ...)
{
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	rc = stmt_run(s, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return -1;
	if (result_bind(s) == -1) {
		log_msg("db: result: %s; in: %s", mysql_stmt_error(s->st),
		    s->sql);
		db_done(s);
		return -1;
	}
	return 0;
}

int
db_next(struct db_stmt *s)
{
	unsigned	 i;
	int		 rc, grown = 0;

	if (!s->active)
		return 0;
	rc = mysql_stmt_fetch(s->st);
	if (rc == MYSQL_NO_DATA) {
		db_done(s);
		return 0;
	}
	if (rc == 1) {
		log_msg("db: fetch: %s", mysql_stmt_error(s->st));
		db_done(s);
		return -1;
	}
	for (i = 0; i < s->ncols && s->meta != NULL &&
	    i < mysql_num_fields(s->meta); i++) {
		if (s->nulls[i])
			continue;
		/* Too long for the buffer: grow it and fetch the column again. */
		if (s->lens[i] >= s->caps[i]) {
			grown = 1;
			s->caps[i] = s->lens[i] + 1;
			s->res[i].buffer = xrealloc(s->res[i].buffer,
			    s->caps[i]);
			s->res[i].buffer_length = s->caps[i] - 1;
			if (mysql_stmt_fetch_column(s->st, &s->res[i], i,
			    0) != 0) {
				db_done(s);
				return -1;
			}
		}
		((char *)s->res[i].buffer)[s->lens[i]] = '\0';
	}
	/*
	 * The library keeps its own copy of the binds: without this, the
	 * next fetch would write into the buffers realloc just freed.
	 */
	if (grown && mysql_stmt_bind_result(s->st, s->res) != 0) {
		db_done(s);
		return -1;
	}
	return 1;
}

const char *
db_str(const struct db_stmt *s, unsigned col)
{
	if (col >= s->ncols || s->nulls[col])
		return NULL;
	return s->res[col].buffer;
}

long long
db_int(const struct db_stmt *s, unsigned col)
{
	const char	*v;

	v = db_str(s, col);
	return v == NULL ? 0 : strtoll(v, NULL, 10);
}

void
db_done(struct db_stmt *s)
{
	if (s->meta != NULL) {
		mysql_free_result(s->meta);
		s->meta = NULL;
	}
	/*
	 * The result was stored client-side: freeing it is enough to run
	 * the statement again (mysql_stmt_reset would cost a round trip).
	 */
	if (s->active && s->st != NULL)
		mysql_stmt_free_result(s->st);
	s->active = 0;
}

/* Copy the current row into node as <column name> = value. */
static void
row_to_hdf(struct db_stmt *s, HDF *node)
{
	MYSQL_FIELD	*f;
	unsigned	 i, n;

	n = mysql_num_fields(s->meta);
	f = mysql_fetch_fields(s->meta);
	for (i = 0; i < n; i++) {
		if (s->nulls[i])
			continue;
		ign(hdf_set_value(node, f[i].name,
		    s->res[i].buffer));
	}
}

void
db_row_to_hdf(HDF *hdf, const char *name, struct db_stmt *s)
{
	HDF	*node = NULL;

	ign(hdf_get_node(hdf, name, &node));
	if (node == NULL)
		abort();
	row_to_hdf(s, node);
}

static int
query_hdf(HDF *hdf, const char *prefix, struct db_stmt *s, int one,
    const char *fmt, va_list ap)
{
	HDF		*node;
	char		 name[256];
	int		 rows = 0, rc;

	if (stmt_run(s, fmt, ap) < 0)
		return -1;
	if (result_bind(s) == -1) {
		db_done(s);
		return -1;
	}
	while ((rc = db_next(s)) == 1) {
		if (one)
			snprintf(name, sizeof(name), "%s", prefix);
		else
			snprintf(name, sizeof(name), "%s.%d", prefix, rows);
		node = NULL;
		ign(hdf_get_node(hdf, name, &node));
		if (node == NULL)
			abort();
		row_to_hdf(s, node);
		rows++;
		if (one) {
			db_done(s);
			break;
		}
	}
	return rc < 0 ? -1 : rows;
}

int
db_query_hdf(HDF *hdf, const char *prefix, struct db_stmt *s,
    const char *fmt, ...)
{
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	rc = query_hdf(hdf, prefix, s, 0, fmt, ap);
	va_end(ap);
	return rc;
}

int
db_row_hdf(HDF *hdf, const char *prefix, struct db_stmt *s,
    const char *fmt, ...)
{
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	rc = query_hdf(hdf, prefix, s, 1, fmt, ap);
	va_end(ap);
	return rc;
}

unsigned long long
db_last_id(void)
{
	return conn == NULL ? 0 : mysql_insert_id(conn);
}

static int
simple(const char *sql)
{
	unsigned	 e;
	int		 attempt;

	gone = 0;
	for (attempt = 0; attempt < 2; attempt++) {
		if (db_open() == -1)
			return -1;
		if (clock_sync() == 0 &&
		    mysql_real_query(conn, sql, strlen(sql)) == 0)
			return 0;
		e = mysql_errno(conn);
		log_msg("db: %s: %u %s", sql, e, mysql_error(conn));
		if (!is_gone_errno(e))
			return -1;
		gone = 1;
		/* Only BEGIN may retry: COMMIT on a new connection is a lie. */
		if (in_trans) {
			db_close();
			return -1;
		}
		db_close();
	}
	return -1;
}

int
db_begin(void)
{
	if (in_trans)
		abort();
	if (simple("START TRANSACTION") == -1)
		return -1;
	in_trans = 1;
	return 0;
}

int
db_commit(void)
{
	int	 rc;

	rc = simple("COMMIT");
	in_trans = 0;
	return rc;
}

int
db_rollback(void)
{
	int	 rc;

	if (!in_trans)
		return 0;
	rc = conn == NULL ? -1 : simple("ROLLBACK");
	in_trans = 0;
	return rc;
}

int
db_in_trans(void)
{
	return in_trans;
}

int
db_gone(void)
{
	return gone;
}

void
db_request_end(void)
{
	struct db_stmt	*s;

	for (s = prepared; s != NULL; s = s->next)
		db_done(s);
	if (in_trans)
		db_rollback();
	gone = 0;
	clock_synced = 0;
}
