/*
 * year.c: the school year, its periods, holidays and bells.  The date
 * arithmetic and the coverage check are pure functions on day numbers
 * (t/unit/test_year.c); the rest is one query per list, nested in C.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "db.h"
#include "screen.h"
#include "util.h"
#include "year.h"

#define DATE_RU(c)	"DATE_FORMAT(" c ", '%d.%m.%Y')"
/* How many gaps of one grade a warning lists before «и ещё N». */
#define GAPS_SHOWN	6

/* ---------------------------------------------------------------- pure */

long
year_day_iso(const char *s)
{
	int	 y, m, d, yy, mm, dd, i;
	long	 z;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	z = days_from_civil(y, m, d);
	/* 31 February comes back as 3 March: not a date. */
	civil_from_days(z, &yy, &mm, &dd);
	return yy == y && mm == m && dd == d ? z : -1;
}

void
year_date_iso(long z, char *buf, size_t size)
{
	int	 y, m, d;

	civil_from_days(z, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

void
year_date_ru(long z, char *buf, size_t size)
{
	int	 y, m, d;

	civil_from_days(z, &y, &m, &d);
	snprintf(buf, size, "%02d.%02d.%04d", d, m, y);
}

int
year_hhmm(const char *s)
{
	int	 h, m;

	if (s == NULL)
		return -1;
	/* "8:30" as a browser never sends it, but a person types it. */
	if (s[0] >= '0' && s[0] <= '9' && s[1] == ':') {
		h = s[0] - '0';
		s += 2;
	} else if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' &&
	    s[1] <= '9' && s[2] == ':') {
		h = (s[0] - '0') * 10 + (s[1] - '0');
		s += 3;
	} else
		return -1;
	if (s[0] < '0' || s[0] > '5' || s[1] < '0' || s[1] > '9')
		return -1;
	m = (s[0] - '0') * 10 + (s[1] - '0');
	/* MariaDB's TIME comes back as HH:MM:SS; seconds are always 00 here. */
	if (s[2] != '\0' && strcmp(s + 2, ":00") != 0)
		return -1;
	if (h > 23)
		return -1;
	return h * 60 + m;
}

int
year_name_ok(const char *s, int *first)
{
	int	 a, b, i;

	if (s == NULL || strlen(s) != 9 || s[4] != '/')
		return 0;
	for (i = 0; i < 9; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return 0;
	a = atoi(s);
	b = atoi(s + 5);
	if (a < 2000 || a > 2099 || b != a + 1)
		return 0;
	if (first != NULL)
		*first = a;
	return 1;
}

int
year_spans_overlap(const struct year_span *a, const struct year_span *b)
{
	return a->from <= b->to && b->from <= a->to &&
	    a->grade_from <= b->grade_to && b->grade_from <= a->grade_to;
}

/*
 * A sweep without sorting: from the cursor, jump to the furthest end of
 * the spans that cover it; when none does, a gap runs to the day before
 * the nearest span that starts later.  Quadratic, but a year has a few
 * dozen spans and the caller needs no scratch memory.
 */
size_t
year_gaps(long start, long end, const struct year_span *cover, size_t n,
    int grade, struct year_span *gaps, size_t max)
{
	const struct year_span	*c;
	size_t			 i, count = 0;
	long			 cur = start, reach, next;

	while (cur <= end) {
		reach = cur - 1;
		next = end + 1;
		for (i = 0; i < n; i++) {
			c = &cover[i];
			if (grade < c->grade_from || grade > c->grade_to)
				continue;
			if (c->from <= cur && c->to > reach)
				reach = c->to;
			else if (c->from > cur && c->from < next)
				next = c->from;
		}
		if (reach >= cur) {
			cur = reach + 1;
			continue;
		}
		if (count < max) {
			gaps[count].from = cur;
			gaps[count].to = next - 1;
			gaps[count].grade_from = grade;
			gaps[count].grade_to = grade;
		}
		count++;
		cur = next;
	}
	return count;
}

const char *
period_kind_name(const char *kind)
{
	static const struct {
		const char	*code;
		const char	*name;
	} kinds[] = {
		{ "quarter", "четверть" },
		{ "trimester", "триместр" },
		{ "half", "полугодие" },
		{ "year", "учебный год" },
	};
	size_t	 i;

	if (kind == NULL)
		return NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kind, kinds[i].code) == 0)
			return kinds[i].name;
	return NULL;
}

void
grades_label(int from, int to, char *buf, size_t size)
{
	if (from == to)
		snprintf(buf, size, "%d класс", from);
	else
		snprintf(buf, size, "%d–%d классы", from, to);
}

/* ----------------------------------------------------------- objects */

DB_STMT(q_year_relation,
    "SELECT y.is_open FROM year y WHERE y.id = ? AND y.school_id = ?");

/* -1: error, 0: not in the user's school, 1: closed, 2: open. */
static int
relation(const struct req *r, long long year_id)
{
	int	 rc;

	if (db_query(&q_year_relation, "ll", year_id, r->sess.school_id) == -1 ||
	    (rc = db_next(&q_year_relation)) == -1)
		return -1;
	if (rc == 1)
		rc = db_int(&q_year_relation, 0) == 1 ? 2 : 1;
	db_done(&q_year_relation);
	return rc;
}

enum obj_res
obj_year_view(const struct req *r, long long year_id)
{
	int	 rel;

	if ((rel = relation(r, year_id)) == -1)
		return OBJ_ERROR;
	if (rel == 0)
		return OBJ_MISSING;
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_INSPECTOR))
		return OBJ_OK;
	return OBJ_DENIED;
}

enum obj_res
obj_year_edit(const struct req *r, long long year_id, int *is_open)
{
	int	 rel;

	*is_open = 0;
	if ((rel = relation(r, year_id)) == -1)
		return OBJ_ERROR;
	if (rel == 0)
		return OBJ_MISSING;
	*is_open = rel == 2;
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT))
		return OBJ_OK;
	return OBJ_DENIED;
}

/* ------------------------------------------------------------- queries */

DB_STMT(q_years_list,
    "SELECT y.id, y.name, " DATE_RU("y.starts_on") " AS starts, "
    DATE_RU("y.ends_on") " AS ends, y.is_open,"
    " (SELECT COUNT(*) FROM period p WHERE p.year_id = y.id) AS periods"
    " FROM year y WHERE y.school_id = ? ORDER BY y.starts_on DESC, y.id");
DB_STMT(q_year_get,
    "SELECT y.id, y.name, " DATE_RU("y.starts_on") " AS starts, "
    DATE_RU("y.ends_on") " AS ends, y.starts_on, y.ends_on, y.is_open"
    " FROM year y WHERE y.id = ?");
DB_STMT(q_periods_list,
    "SELECT p.id, p.name, p.kind, p.grade_from, p.grade_to,"
    " " DATE_RU("p.starts_on") " AS starts, " DATE_RU("p.ends_on")
    " AS ends, p.sort FROM period p WHERE p.year_id = ?"
    " ORDER BY p.grade_from, p.grade_to, p.starts_on, p.id");
DB_STMT(q_holidays_list,
    "SELECT h.id, h.name, " DATE_RU("h.starts_on") " AS starts, "
    DATE_RU("h.ends_on") " AS ends, h.grade_from, h.grade_to,"
    " DATEDIFF(h.ends_on, h.starts_on) + 1 AS days"
    " FROM holiday h WHERE h.year_id = ?"
    " ORDER BY h.starts_on, h.grade_from, h.id");
DB_STMT(q_bells_list,
    "SELECT b.shift, b.number, TIME_FORMAT(b.starts_at, '%H:%i') AS starts_at,"
    " TIME_FORMAT(b.ends_at, '%H:%i') AS ends_at FROM bell b"
    " WHERE b.year_id = ? ORDER BY b.shift, b.number");
/* Everything that covers days of the year, for the coverage check. */
DB_STMT(q_cover,
    "SELECT 1, p.starts_on, p.ends_on, p.grade_from, p.grade_to"
    " FROM period p WHERE p.year_id = ?"
    " UNION ALL SELECT 0, h.starts_on, h.ends_on, h.grade_from, h.grade_to"
    " FROM holiday h WHERE h.year_id = ?");

static void
hset(struct _hdf *hdf, const char *name, const char *value)
{
	NEOERR	*err;

	err = hdf_set_value(hdf, name, value);
	nerr_ignore(&err);
}

int
db_years_list(struct _hdf *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_years_list, "l", school_id);
}

int
db_year_get(struct _hdf *hdf, const char *prefix, long long year_id)
{
	return db_row_hdf(hdf, prefix, &q_year_get, "l", year_id);
}

int
db_periods_list(struct _hdf *hdf, const char *prefix, long long year_id)
{
	char		 name[128], label[32];
	const char	*kind;
	int		 rc, from, to, lastfrom = 0, lastto = 0, ranges = -1;
	int		 rows = 0, m = 0;

	if (db_query(&q_periods_list, "l", year_id) == -1)
		return -1;
	while ((rc = db_next(&q_periods_list)) == 1) {
		from = (int)db_int(&q_periods_list, 3);
		to = (int)db_int(&q_periods_list, 4);
		/* A table per grade range: the rows come sorted by range. */
		if (ranges == -1 || from != lastfrom || to != lastto) {
			ranges++;
			m = 0;
			lastfrom = from;
			lastto = to;
			snprintf(name, sizeof(name), "%s.%d.from", prefix, ranges);
			hset(hdf, name, db_str(&q_periods_list, 3));
			snprintf(name, sizeof(name), "%s.%d.to", prefix, ranges);
			hset(hdf, name, db_str(&q_periods_list, 4));
			grades_label(from, to, label, sizeof(label));
			snprintf(name, sizeof(name), "%s.%d.label", prefix, ranges);
			hset(hdf, name, label);
		}
		snprintf(name, sizeof(name), "%s.%d.Periods.%d", prefix, ranges,
		    m++);
		db_row_to_hdf(hdf, name, &q_periods_list);
		kind = period_kind_name(db_str(&q_periods_list, 2));
		snprintf(name, sizeof(name), "%s.%d.Periods.%d.kind_name",
		    prefix, ranges, m - 1);
		hset(hdf, name, kind != NULL ? kind : "");
		rows++;
	}
	return rc == -1 ? -1 : rows;
}

int
db_holidays_list(struct _hdf *hdf, const char *prefix, long long year_id)
{
	char	 name[128], label[32];
	int	 rc, rows = 0;

	if (db_query(&q_holidays_list, "l", year_id) == -1)
		return -1;
	while ((rc = db_next(&q_holidays_list)) == 1) {
		snprintf(name, sizeof(name), "%s.%d", prefix, rows);
		db_row_to_hdf(hdf, name, &q_holidays_list);
		grades_label((int)db_int(&q_holidays_list, 4),
		    (int)db_int(&q_holidays_list, 5), label, sizeof(label));
		snprintf(name, sizeof(name), "%s.%d.grades", prefix, rows);
		hset(hdf, name, label);
		rows++;
	}
	return rc == -1 ? -1 : rows;
}

/*
 * Both shifts with all lesson numbers, so that the form has a row for each
 * whether or not it has times yet.
 */
int
db_bells_list(struct _hdf *hdf, const char *prefix, long long year_id)
{
	char	 name[128], num[16];
	int	 counts[2] = { 0, 0 }, s, n, rc, rows = 0;

	for (s = 0; s < 2; s++) {
		snprintf(num, sizeof(num), "%d", s + 1);
		snprintf(name, sizeof(name), "%s.%d.shift", prefix, s);
		hset(hdf, name, num);
		for (n = 0; n < BELL_MAX; n++) {
			snprintf(num, sizeof(num), "%d", n + 1);
			snprintf(name, sizeof(name), "%s.%d.Rows.%d.number",
			    prefix, s, n);
			hset(hdf, name, num);
		}
	}
	if (db_query(&q_bells_list, "l", year_id) == -1)
		return -1;
	while ((rc = db_next(&q_bells_list)) == 1) {
		s = (int)db_int(&q_bells_list, 0) - 1;
		n = (int)db_int(&q_bells_list, 1) - 1;
		if (s < 0 || s > 1 || n < 0 || n >= BELL_MAX)
			continue;	/* the table's checks keep this out */
		snprintf(name, sizeof(name), "%s.%d.Rows.%d", prefix, s, n);
		db_row_to_hdf(hdf, name, &q_bells_list);
		counts[s]++;
		rows++;
	}
	for (s = 0; s < 2; s++) {
		snprintf(num, sizeof(num), "%d", counts[s]);
		snprintf(name, sizeof(name), "%s.%d.count", prefix, s);
		hset(hdf, name, num);
	}
	return rc == -1 ? -1 : rows;
}

/* What the coverage check knows about one grade. */
struct grade_cover {
	int			 periods;	/* any period applies */
	size_t			 ngaps;
	struct year_span	 gaps[GAPS_SHOWN];
};

static int
same_cover(const struct grade_cover *a, const struct grade_cover *b)
{
	size_t	 i;

	if (a->periods != b->periods || a->ngaps != b->ngaps)
		return 0;
	if (!a->periods)
		return 1;	/* "no periods" is the whole message */
	for (i = 0; i < a->ngaps && i < GAPS_SHOWN; i++)
		if (a->gaps[i].from != b->gaps[i].from ||
		    a->gaps[i].to != b->gaps[i].to)
			return 0;
	return 1;
}

/* The warning text of a grade's coverage into b ("" when all is well). */
static void
cover_text(const struct grade_cover *c, struct buf *b)
{
	char	 d1[16], d2[16];
	size_t	 i;

	if (!c->periods) {
		buf_puts(b, "нет ни одного учебного периода");
		return;
	}
	if (c->ngaps == 0)
		return;
	buf_puts(b, c->ngaps == 1 && c->gaps[0].from == c->gaps[0].to ?
	    "не покрыта дата " : "не покрыты даты ");
	for (i = 0; i < c->ngaps && i < GAPS_SHOWN; i++) {
		year_date_ru(c->gaps[i].from, d1, sizeof(d1));
		year_date_ru(c->gaps[i].to, d2, sizeof(d2));
		if (i > 0)
			buf_puts(b, ", ");
		if (c->gaps[i].from == c->gaps[i].to)
			buf_puts(b, d1);
		else
			buf_printf(b, "%s–%s", d1, d2);
	}
	if (c->ngaps > GAPS_SHOWN)
		buf_printf(b, " и ещё %zu", c->ngaps - GAPS_SHOWN);
}

int
year_coverage(struct req *r, const char *prefix, long long year_id)
{
	struct grade_cover	 g[GRADE_MAX + 1];
	struct year_span	*s = NULL;
	struct buf		 text = { 0 };
	size_t			 n = 0, cap = 0;
	long			 start, end;
	char			 label[32];
	int			 rc, k, first, warnings = 0, ret = -1;

	if (db_query(&q_year_get, "l", year_id) == -1)
		return -1;
	if ((rc = db_next(&q_year_get)) != 1)
		return -1;
	start = year_day_iso(db_str(&q_year_get, 4));
	end = year_day_iso(db_str(&q_year_get, 5));
	db_done(&q_year_get);

	if (db_query(&q_cover, "ll", year_id, year_id) == -1)
		return -1;
	memset(g, 0, sizeof(g));
	while ((rc = db_next(&q_cover)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((s = realloc(s, cap * sizeof(*s))) == NULL)
				abort();
		}
		s[n].from = year_day_iso(db_str(&q_cover, 1));
		s[n].to = year_day_iso(db_str(&q_cover, 2));
		s[n].grade_from = (int)db_int(&q_cover, 3);
		s[n].grade_to = (int)db_int(&q_cover, 4);
		if (db_int(&q_cover, 0) == 1)
			for (k = s[n].grade_from; k <= s[n].grade_to &&
			    k <= GRADE_MAX; k++)
				if (k >= GRADE_MIN)
					g[k].periods = 1;
		n++;
	}
	if (rc == -1)
		goto out;
	for (k = GRADE_MIN; k <= GRADE_MAX; k++)
		g[k].ngaps = year_gaps(start, end, s, n, k, g[k].gaps,
		    GAPS_SHOWN);

	/* Neighbouring grades with the same result make one warning. */
	for (k = GRADE_MIN; k <= GRADE_MAX; k = first) {
		for (first = k + 1; first <= GRADE_MAX &&
		    same_cover(&g[k], &g[first]); first++)
			continue;
		buf_reset(&text);
		cover_text(&g[k], &text);
		if (text.len == 0)
			continue;
		grades_label(k, first - 1, label, sizeof(label));
		req_set(r, arena_printf(&r->arena, "%s.%d.grades", prefix,
		    warnings), label);
		req_set(r, arena_printf(&r->arena, "%s.%d.text", prefix,
		    warnings), text.data);
		warnings++;
	}
	ret = warnings;
out:
	free(s);
	buf_free(&text);
	return ret;
}

/* ------------------------------------------------------------- changes */

DB_STMT(q_year_insert,
    "INSERT INTO year (school_id, name, starts_on, ends_on, is_open)"
    " VALUES (?, ?, ?, ?, 1)");
DB_STMT(q_year_set_open,
    "UPDATE year SET is_open = ? WHERE id = ? AND school_id = ?"
    " AND is_open <> ?");
DB_STMT(q_period_conflict,
    "SELECT p.name, p.grade_from, p.grade_to, p.starts_on, p.ends_on"
    " FROM period p WHERE p.year_id = ? AND p.grade_from <= ?"
    " AND p.grade_to >= ? AND p.starts_on <= ? AND p.ends_on >= ?"
    " ORDER BY p.starts_on, p.id LIMIT 1");
DB_STMT(q_holiday_conflict,
    "SELECT h.name, h.grade_from, h.grade_to, h.starts_on, h.ends_on"
    " FROM holiday h WHERE h.year_id = ? AND h.grade_from <= ?"
    " AND h.grade_to >= ? AND h.starts_on <= ? AND h.ends_on >= ?"
    " ORDER BY h.starts_on, h.id LIMIT 1");
DB_STMT(q_period_insert,
    "INSERT INTO period (year_id, name, kind, grade_from, grade_to,"
    " starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?, ?)");
/* Periods are numbered by date within their grade range (1..4 quarters). */
DB_STMT(q_period_renumber,
    "UPDATE period p JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY"
    " grade_from, grade_to ORDER BY starts_on, id) AS n FROM period"
    " WHERE year_id = ?) x ON x.id = p.id SET p.sort = x.n");
DB_STMT(q_period_get,
    "SELECT p.name, p.kind, p.grade_from, p.grade_to, p.starts_on,"
    " p.ends_on FROM period p WHERE p.id = ? AND p.year_id = ?");
DB_STMT(q_period_delete,
    "DELETE FROM period WHERE id = ? AND year_id = ?");
DB_STMT(q_holiday_insert,
    "INSERT INTO holiday (year_id, name, grade_from, grade_to, starts_on,"
    " ends_on) VALUES (?, ?, ?, ?, ?, ?)");
DB_STMT(q_holiday_get,
    "SELECT h.name, h.grade_from, h.grade_to, h.starts_on, h.ends_on"
    " FROM holiday h WHERE h.id = ? AND h.year_id = ?");
DB_STMT(q_holiday_delete,
    "DELETE FROM holiday WHERE id = ? AND year_id = ?");
DB_STMT(q_bells_of_shift,
    "SELECT b.number, TIME_FORMAT(b.starts_at, '%H:%i'),"
    " TIME_FORMAT(b.ends_at, '%H:%i') FROM bell b"
    " WHERE b.year_id = ? AND b.shift = ? ORDER BY b.number");
DB_STMT(q_bells_delete,
    "DELETE FROM bell WHERE year_id = ? AND shift = ?");
DB_STMT(q_bell_insert,
    "INSERT INTO bell (year_id, shift, number, starts_at, ends_at)"
    " VALUES (?, ?, ?, ?, ?)");

int
year_create(struct req *r, const char *name, const char *starts_on,
    const char *ends_on, long long *id)
{
	long long	 rc;

	rc = db_exec(&q_year_insert, "lsss", r->sess.school_id, name,
	    starts_on, ends_on);
	if (rc == DB_DUPLICATE)
		return DB_DUPLICATE;
	if (rc != 1)
		return -1;
	*id = (long long)db_last_id();
	return audit_add(r, "year_create", "year", *id, NULL,
	    arena_printf(&r->arena, "%s %s..%s", name, starts_on, ends_on));
}

int
year_set_open(struct req *r, long long year_id, int open)
{
	long long	 rc;

	rc = db_exec(&q_year_set_open, "dlld", open, year_id,
	    r->sess.school_id, open);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return 1;
	return audit_add(r, open ? "year_open" : "year_close", "year",
	    year_id, open ? "closed" : "open", open ? "open" : "closed");
}

/* "«name» (5–9 классы, 01.09.2026–24.10.2026)" of a conflict row. */
static int
conflict(struct db_stmt *q, long long year_id, const struct year_span *sp,
    char *buf, size_t size)
{
	char	 from[16], to[16], label[32];
	int	 rc;

	year_date_iso(sp->from, from, sizeof(from));
	year_date_iso(sp->to, to, sizeof(to));
	if (db_query(q, "lddss", year_id, sp->grade_to, sp->grade_from, to,
	    from) == -1 || (rc = db_next(q)) == -1)
		return -1;
	if (rc == 1) {
		grades_label((int)db_int(q, 1), (int)db_int(q, 2), label,
		    sizeof(label));
		year_date_ru(year_day_iso(db_str(q, 3)), from, sizeof(from));
		year_date_ru(year_day_iso(db_str(q, 4)), to, sizeof(to));
		snprintf(buf, size, "«%s» (%s, %s–%s)", db_str(q, 0), label,
		    from, to);
	}
	db_done(q);
	return rc;
}

int
period_conflict(long long year_id, const struct year_span *sp, char *buf,
    size_t size)
{
	return conflict(&q_period_conflict, year_id, sp, buf, size);
}

int
holiday_conflict(long long year_id, const struct year_span *sp, char *buf,
    size_t size)
{
	return conflict(&q_holiday_conflict, year_id, sp, buf, size);
}

int
period_add(struct req *r, long long year_id, const char *name,
    const char *kind, const struct year_span *sp, const char *starts_on,
    const char *ends_on, long long *id)
{
	long long	 rc;

	rc = db_exec(&q_period_insert, "lssddss", year_id, name, kind,
	    sp->grade_from, sp->grade_to, starts_on, ends_on);
	if (rc == DB_DUPLICATE)
		return DB_DUPLICATE;
	if (rc != 1)
		return -1;
	*id = (long long)db_last_id();
	if (db_exec(&q_period_renumber, "l", year_id) < 0)
		return -1;
	return audit_add(r, "period_add", "period", *id, NULL,
	    arena_printf(&r->arena, "year %lld: %s (%s), grades %d-%d, %s..%s",
	    year_id, name, kind, sp->grade_from, sp->grade_to, starts_on,
	    ends_on));
}

int
period_delete(struct req *r, long long year_id, long long period_id)
{
	const char	*old;
	int		 rc;

	if (db_query(&q_period_get, "ll", period_id, year_id) == -1 ||
	    (rc = db_next(&q_period_get)) == -1)
		return -1;
	if (rc == 0)
		return 1;
	old = arena_printf(&r->arena, "year %lld: %s (%s), grades %s-%s, %s..%s",
	    year_id, db_str(&q_period_get, 0), db_str(&q_period_get, 1),
	    db_str(&q_period_get, 2), db_str(&q_period_get, 3),
	    db_str(&q_period_get, 4), db_str(&q_period_get, 5));
	db_done(&q_period_get);
	if (db_exec(&q_period_delete, "ll", period_id, year_id) != 1 ||
	    db_exec(&q_period_renumber, "l", year_id) < 0)
		return -1;
	return audit_add(r, "period_delete", "period", period_id, old, NULL);
}

int
holiday_add(struct req *r, long long year_id, const char *name,
    const struct year_span *sp, const char *starts_on, const char *ends_on,
    long long *id)
{
	if (db_exec(&q_holiday_insert, "lsddss", year_id, name,
	    sp->grade_from, sp->grade_to, starts_on, ends_on) != 1)
		return -1;
	*id = (long long)db_last_id();
	return audit_add(r, "holiday_add", "holiday", *id, NULL,
	    arena_printf(&r->arena, "year %lld: %s, grades %d-%d, %s..%s",
	    year_id, name, sp->grade_from, sp->grade_to, starts_on, ends_on));
}

int
holiday_delete(struct req *r, long long year_id, long long holiday_id)
{
	const char	*old;
	int		 rc;

	if (db_query(&q_holiday_get, "ll", holiday_id, year_id) == -1 ||
	    (rc = db_next(&q_holiday_get)) == -1)
		return -1;
	if (rc == 0)
		return 1;
	old = arena_printf(&r->arena, "year %lld: %s, grades %s-%s, %s..%s",
	    year_id, db_str(&q_holiday_get, 0), db_str(&q_holiday_get, 1),
	    db_str(&q_holiday_get, 2), db_str(&q_holiday_get, 3),
	    db_str(&q_holiday_get, 4));
	db_done(&q_holiday_get);
	if (db_exec(&q_holiday_delete, "ll", holiday_id, year_id) != 1)
		return -1;
	return audit_add(r, "holiday_delete", "holiday", holiday_id, old,
	    NULL);
}

int
bells_set(struct req *r, long long year_id, int shift, const int *starts,
    const int *ends)
{
	struct buf	 was = { 0 }, now = { 0 };
	char		 a[16], b[16];
	int		 i, rc, ret = -1;

	/* The old schedule, for the audit row. */
	if (db_query(&q_bells_of_shift, "ld", year_id, shift) == -1)
		goto out;
	while ((rc = db_next(&q_bells_of_shift)) == 1)
		buf_printf(&was, "%s%s %s-%s", was.len ? "; " : "",
		    db_str(&q_bells_of_shift, 0), db_str(&q_bells_of_shift, 1),
		    db_str(&q_bells_of_shift, 2));
	if (rc == -1 || db_exec(&q_bells_delete, "ld", year_id, shift) < 0)
		goto out;
	for (i = 0; i < BELL_MAX; i++) {
		if (starts[i] < 0)
			continue;
		snprintf(a, sizeof(a), "%02d:%02d", starts[i] / 60,
		    starts[i] % 60);
		snprintf(b, sizeof(b), "%02d:%02d", ends[i] / 60, ends[i] % 60);
		if (db_exec(&q_bell_insert, "lddss", year_id, shift, i + 1, a,
		    b) != 1)
			goto out;
		buf_printf(&now, "%s%d %s-%s", now.len ? "; " : "", i + 1, a,
		    b);
	}
	ret = audit_add(r, "bells_set", "year", year_id,
	    arena_printf(&r->arena, "shift %d: %s", shift,
	    was.len ? was.data : "-"),
	    arena_printf(&r->arena, "shift %d: %s", shift,
	    now.len ? now.data : "-"));
out:
	buf_free(&was);
	buf_free(&now);
	return ret;
}
