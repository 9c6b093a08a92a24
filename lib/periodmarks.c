/*
 * periodmarks.c: the period marks page in seven queries whatever the size
 * of the group: the group with its year and grade, the scale of the
 * subject in that grade, the grade's periods, the students, every count and
 * average (one UNION over marks, absences and lessons), and the stored
 * period marks; nested in C by index.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "audit.h"
#include "db.h"
#include "groups.h"
#include "screen.h"
#include "periodmarks.h"
#include "rules.h"
#include "scales.h"
#include "settings.h"
#include "sqlnames.h"

/* The lowest grade a group teaches (a stream may span grades). */
DB_STMT(q_pm_head,
    "SELECT g.name, g.year_id, y.is_open, y.name, s.name,"
    " (SELECT MIN(c.grade) FROM " GROUP_CLASSES_SQL " gc"
    "  JOIN class c ON c.id = gc.class_id WHERE gc.group_id = g.id)"
    " FROM `groups` g JOIN year y ON y.id = g.year_id"
    " JOIN subject s ON s.id = ? AND s.school_id = g.school_id"
    " WHERE g.id = ? AND g.school_id = ?");
DB_STMT(q_pm_scale,
    "SELECT sv.code, sv.num, sv.is_plus_minus FROM subject_scale ss"
    " JOIN scale_value sv ON sv.scale_id = ss.scale_id"
    " WHERE ss.subject_id = ? AND ss.grade = ? ORDER BY sv.sort");
/* The due day and whether it is past: rule_period_mark_due, _late. */
DB_STMT(q_pm_periods,
    "SELECT id, name, ends_on FROM period WHERE year_id = ?"
    " AND ? BETWEEN grade_from AND grade_to ORDER BY starts_on");
DB_STMT(q_pm_students,
    "SELECT p.id, " FULL_NAME("p") " FROM " GROUP_MEMBERS_SQL " gm"
    " JOIN person p ON p.id = gm.student_id WHERE gm.group_id = ?"
    " ORDER BY p.last_name, p.first_name, p.middle_name, p.id");
/* The periods of the grade, for the joins of q_pm_stats. */
#define PM_PERIOD_JOIN \
    " JOIN period p ON p.year_id = ? AND ? BETWEEN p.grade_from" \
    " AND p.grade_to AND l.on_date BETWEEN p.starts_on AND p.ends_on"
#define PM_MARK_JOIN \
    " JOIN lesson_work lw ON lw.lesson_id = l.id" \
    " JOIN work_kind w ON w.id = lw.work_kind_id" \
    " JOIN mark m ON m.lesson_work_id = lw.id"
/*
 * m: marks per student and period, with the weighted average and the
 * forecast; y: the same over the year; a: absences; l: lessons held.
 * STRAIGHT_JOIN: from the group's lessons outwards, as the indexes want;
 * with stale statistics (right after a bulk load) the optimizer started
 * from the periods and read every mark of the school.
 */
DB_STMT(q_pm_stats,
    "SELECT STRAIGHT_JOIN 'm', m.student_id, p.id, COUNT(m.id),"
    " ROUND(" MARK_WAVG("m", "w") ", 2), " MARK_FORECAST("m", "w")
    " FROM lesson l" PM_PERIOD_JOIN PM_MARK_JOIN
    " WHERE l.group_id = ? AND l.subject_id = ?"
    " GROUP BY m.student_id, p.id"
    " UNION ALL SELECT STRAIGHT_JOIN 'y', m.student_id, 0, COUNT(m.id),"
    " ROUND(" MARK_WAVG("m", "w") ", 2), " MARK_FORECAST("m", "w")
    " FROM lesson l" PM_PERIOD_JOIN PM_MARK_JOIN
    " WHERE l.group_id = ? AND l.subject_id = ?"
    " GROUP BY m.student_id"
    " UNION ALL SELECT STRAIGHT_JOIN 'a', a.student_id, p.id, COUNT(*),"
    " NULL, NULL"
    " FROM lesson l" PM_PERIOD_JOIN
    " JOIN absence a ON a.lesson_id = l.id"
    " WHERE l.group_id = ? AND l.subject_id = ?"
    " GROUP BY a.student_id, p.id"
    " UNION ALL SELECT 'l', 0, p.id, COUNT(*), NULL, NULL"
    " FROM lesson l" PM_PERIOD_JOIN
    " WHERE l.group_id = ? AND l.subject_id = ? GROUP BY p.id");
DB_STMT(q_pm_marks,
    "SELECT pm.student_id, pm.kind, IFNULL(pm.period_id, 0), pm.code,"
    " pm.is_na, pm.deferred_until FROM period_mark pm"
    " WHERE pm.subject_id = ? AND pm.year_id = ? AND pm.student_id IN"
    " (SELECT gm.student_id FROM " GROUP_MEMBERS_SQL " gm"
    "  WHERE gm.group_id = ?)");
DB_STMT(q_pm_mine,
    "SELECT a.group_id, a.subject_id, g.name AS `group`, s.name AS subject"
    " FROM assignment a JOIN current_year cy ON cy.year_id = a.year_id"
    " JOIN `groups` g ON g.id = a.group_id"
    " JOIN subject s ON s.id = a.subject_id"
    " WHERE a.school_id = ? AND a.teacher_id = ? ORDER BY s.name, g.name");
DB_STMT(q_pm_put,
    "INSERT INTO period_mark (school_id, year_id, student_id, subject_id,"
    " kind, period_id, code, is_na, deferred_until, set_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
    " code = VALUES(code), is_na = VALUES(is_na),"
    " deferred_until = VALUES(deferred_until), set_by = VALUES(set_by),"
    " set_at = CURRENT_TIMESTAMP");
DB_STMT(q_pm_id,
    "SELECT id FROM period_mark WHERE student_id = ? AND subject_id = ?"
    " AND year_id = ? AND kind = ? AND period_key = ?");
DB_STMT(q_pm_delete,
    "DELETE FROM period_mark WHERE id = ?");

int
db_period_marks_mine(struct req *r, const char *prefix)
{
	return db_query_hdf(r->hdf, prefix, &q_pm_mine, "ll",
	    r->sess.school_id, r->sess.person_id);
}

static const char *const extra_kind[PM__EXTRA] = { "year", "exam", "final" };
static const char *const extra_name[PM__EXTRA] = { "Год", "Экзамен",
    "Итог" };

static int
student_index(const struct pm_page *pg, long long id)
{
	size_t	 i;

	for (i = 0; i < pg->nstudents; i++)
		if (pg->students[i] == id)
			return (int)i;
	return -1;
}

static int
period_index(const struct pm_page *pg, long long id)
{
	size_t	 i;

	for (i = 0; i < pg->nperiods; i++)
		if (pg->periods[i].id == id)
			return (int)i;
	return -1;
}

static struct pm_stat *
stat_of(const struct pm_page *pg, size_t student, size_t period)
{
	return &pg->stats[student * (pg->nperiods + 1) + period];
}

static struct pm_cell *
cell_of(const struct pm_page *pg, size_t student, size_t col)
{
	return &pg->cells[student * pg->ncols + col];
}

/* Rows of a query into an arena array that grows by doubling. */
static void *
grow(struct req *r, void *v, size_t n, size_t *cap, size_t size)
{
	void	*nv;

	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	nv = arena_alloc(&r->arena, *cap * size);
	memset(nv, 0, *cap * size);
	if (n > 0)
		memcpy(nv, v, n * size);
	return nv;
}

static const char *
dup(struct req *r, const char *s)
{
	return s != NULL ? arena_strdup(&r->arena, s) : NULL;
}

static int
load_settings(struct req *r, struct pm_page *pg, long long *lead)
{
	const struct school_rules *sr;

	if ((sr = school_rules(r->sess.school_id)) == NULL)
		return -1;
	pg->na_max_marks = sr->na_max_marks;
	pg->na_share = sr->na_min_absent_share;
	pg->plus_minus = sr->five_point_plus_minus;
	pg->no_marks = rule_no_marks(sr->no_marks_grades, pg->grade);
	*lead = sr->period_mark_lead_days;
	return 0;
}

int
db_period_marks_load(struct req *r, long long group_id, long long subject_id,
    struct pm_page *pg)
{
	size_t		 cap;
	long long	 lead, sid;
	long		 end, due, today = clock_today();
	int		 y, m, d;
	int		 rc, si, pi, col;
	const char	*kind;

	memset(pg, 0, sizeof(*pg));
	pg->group_id = group_id;
	pg->subject_id = subject_id;
	if (db_query(&q_pm_head, "lll", subject_id, group_id,
	    r->sess.school_id) == -1 || (rc = db_next(&q_pm_head)) == -1)
		return -1;
	if (rc == 0)
		return 1;
	pg->group_name = dup(r, db_str(&q_pm_head, 0));
	pg->year_id = db_int(&q_pm_head, 1);
	pg->open = (int)db_int(&q_pm_head, 2);
	pg->year_name = dup(r, db_str(&q_pm_head, 3));
	pg->subject_name = dup(r, db_str(&q_pm_head, 4));
	pg->grade = db_str(&q_pm_head, 5) != NULL ?
	    (int)db_int(&q_pm_head, 5) : 0;
	db_done(&q_pm_head);
	if (load_settings(r, pg, &lead) == -1)
		return -1;

	cap = 0;
	if (db_query(&q_pm_scale, "ld", subject_id, pg->grade) == -1)
		return -1;
	while ((rc = db_next(&q_pm_scale)) == 1) {
		pg->values = grow(r, pg->values, pg->nvalues, &cap,
		    sizeof(*pg->values));
		pg->values[pg->nvalues].code = dup(r, db_str(&q_pm_scale, 0));
		pg->values[pg->nvalues].has_num = db_str(&q_pm_scale, 1) !=
		    NULL;
		if (pg->values[pg->nvalues].has_num)
			pg->values[pg->nvalues].num =
			    strtod(db_str(&q_pm_scale, 1), NULL);
		pg->values[pg->nvalues].plus_minus =
		    (int)db_int(&q_pm_scale, 2);
		pg->nvalues++;
	}
	if (rc == -1)
		return -1;

	cap = 0;
	if (db_query(&q_pm_periods, "ld", pg->year_id, pg->grade) == -1)
		return -1;
	while ((rc = db_next(&q_pm_periods)) == 1) {
		pg->periods = grow(r, pg->periods, pg->nperiods, &cap,
		    sizeof(*pg->periods));
		pg->periods[pg->nperiods].id = db_int(&q_pm_periods, 0);
		pg->periods[pg->nperiods].name = dup(r,
		    db_str(&q_pm_periods, 1));
		if (date_parse(db_str(&q_pm_periods, 2), &end) == -1) {
			db_done(&q_pm_periods);
			return -1;
		}
		due = rule_period_mark_due(end, lead);
		civil_from_days(due, &y, &m, &d);
		pg->periods[pg->nperiods].due = arena_printf(&r->arena,
		    "%02d.%02d.%04d", d, m, y);
		pg->periods[pg->nperiods].late = rule_period_mark_late(end,
		    lead, today);
		pg->nperiods++;
	}
	if (rc == -1)
		return -1;
	pg->ncols = pg->nperiods + PM__EXTRA;

	cap = 0;
	if (db_query(&q_pm_students, "l", group_id) == -1)
		return -1;
	while ((rc = db_next(&q_pm_students)) == 1) {
		if (pg->nstudents == cap) {
			size_t	 ocap = cap;

			pg->students = grow(r, pg->students, pg->nstudents,
			    &cap, sizeof(*pg->students));
			pg->names = grow(r, pg->names, pg->nstudents, &ocap,
			    sizeof(*pg->names));
		}
		pg->students[pg->nstudents] = db_int(&q_pm_students, 0);
		pg->names[pg->nstudents] = dup(r, db_str(&q_pm_students, 1));
		pg->nstudents++;
	}
	if (rc == -1)
		return -1;
	pg->stats = arena_alloc(&r->arena, (pg->nstudents + 1) *
	    (pg->nperiods + 1) * sizeof(*pg->stats));
	memset(pg->stats, 0, (pg->nstudents + 1) * (pg->nperiods + 1) *
	    sizeof(*pg->stats));
	for (si = 0; si < (int)((pg->nstudents + 1) * (pg->nperiods + 1));
	    si++)
		pg->stats[si].forecast = -1;
	pg->cells = arena_alloc(&r->arena, (pg->nstudents + 1) * pg->ncols *
	    sizeof(*pg->cells));
	memset(pg->cells, 0, (pg->nstudents + 1) * pg->ncols *
	    sizeof(*pg->cells));

	if (db_query(&q_pm_stats, "ldllldllldllldll",
	    pg->year_id, pg->grade, group_id, subject_id,
	    pg->year_id, pg->grade, group_id, subject_id,
	    pg->year_id, pg->grade, group_id, subject_id,
	    pg->year_id, pg->grade, group_id, subject_id) == -1)
		return -1;
	while ((rc = db_next(&q_pm_stats)) == 1) {
		struct pm_stat	*st;

		kind = db_str(&q_pm_stats, 0);
		pi = *kind == 'y' ? (int)pg->nperiods :
		    period_index(pg, db_int(&q_pm_stats, 2));
		if (pi == -1)
			continue;
		if (*kind == 'l') {
			pg->periods[pi].lessons = (int)db_int(&q_pm_stats, 3);
			continue;
		}
		if ((si = student_index(pg, db_int(&q_pm_stats, 1))) == -1)
			continue;	/* a student who left the group */
		st = stat_of(pg, (size_t)si, (size_t)pi);
		if (*kind == 'a') {
			st->absent = (int)db_int(&q_pm_stats, 3);
			continue;
		}
		st->marks = (int)db_int(&q_pm_stats, 3);
		st->wavg = dup(r, db_str(&q_pm_stats, 4));
		if (db_str(&q_pm_stats, 5) != NULL)
			st->forecast = db_int(&q_pm_stats, 5);
	}
	if (rc == -1)
		return -1;
	/* The year's absences: the sum of its periods'. */
	for (si = 0; si < (int)pg->nstudents; si++)
		for (pi = 0; pi < (int)pg->nperiods; pi++)
			stat_of(pg, (size_t)si, pg->nperiods)->absent +=
			    stat_of(pg, (size_t)si, (size_t)pi)->absent;

	if (db_query(&q_pm_marks, "lll", subject_id, pg->year_id,
	    group_id) == -1)
		return -1;
	while ((rc = db_next(&q_pm_marks)) == 1) {
		struct pm_cell	*c;

		sid = db_int(&q_pm_marks, 0);
		kind = db_str(&q_pm_marks, 1);
		if ((si = student_index(pg, sid)) == -1)
			continue;
		if (strcmp(kind, "period") == 0) {
			if ((pi = period_index(pg, db_int(&q_pm_marks, 2))) ==
			    -1)
				continue;
			col = pi;
		} else {
			for (col = 0; col < PM__EXTRA; col++)
				if (strcmp(kind, extra_kind[col]) == 0)
					break;
			if (col == PM__EXTRA)
				continue;
			col += (int)pg->nperiods;
		}
		c = cell_of(pg, (size_t)si, (size_t)col);
		c->set = 1;
		c->code = dup(r, db_str(&q_pm_marks, 3));
		c->is_na = (int)db_int(&q_pm_marks, 4);
		c->until = dup(r, db_str(&q_pm_marks, 5));
	}
	return rc == -1 ? -1 : 0;
}

/* The scale code nearest to the forecast (a «+»/«−» code never). */
static const char *
forecast_code(const struct pm_page *pg, long long f)
{
	const char	*best = NULL;
	double		 d, bestd = 0;
	size_t		 i;

	if (f < 0)
		return NULL;
	for (i = 0; i < pg->nvalues; i++) {
		if (!pg->values[i].has_num || pg->values[i].plus_minus)
			continue;
		d = pg->values[i].num - (double)f;
		if (d < 0)
			d = -d;
		if (best == NULL || d < bestd) {
			best = pg->values[i].code;
			bestd = d;
		}
	}
	return best;
}

static const char *
col_key(struct req *r, const struct pm_page *pg, size_t col)
{
	if (col < pg->nperiods)
		return arena_printf(&r->arena, "p%lld", pg->periods[col].id);
	return extra_kind[col - pg->nperiods];
}

/* "12.05.2027" from "2027-05-12". */
static const char *
date_ru(struct req *r, const char *iso)
{
	if (iso == NULL || strlen(iso) != 10)
		return iso;
	return arena_printf(&r->arena, "%.2s.%.2s.%.4s", iso + 8, iso + 5,
	    iso);
}

static const char *
cell_text(struct req *r, const struct pm_cell *c)
{
	if (!c->set)
		return NULL;
	if (c->code != NULL)
		return c->code;
	if (c->is_na)
		return "н/а";
	return arena_printf(&r->arena, "отсрочка до %s", date_ru(r, c->until));
}

void
period_marks_hdf(struct req *r, const struct pm_page *pg)
{
	const struct pm_stat	*st;
	const struct pm_cell	*c;
	const char		*p, *code;
	size_t			 s, col, i, missing;

	req_setf(r, "Group.id", "%lld", pg->group_id);
	req_set(r, "Group.name", pg->group_name);
	req_setf(r, "Subject.id", "%lld", pg->subject_id);
	req_set(r, "Subject.name", pg->subject_name);
	req_set(r, "Year.name", pg->year_name);
	req_setf(r, "Page.grade", "%d", pg->grade);
	if (!pg->open)
		req_set(r, "Page.closed", "1");
	if (pg->no_marks)
		req_set(r, "Page.no_marks", "1");
	if (pg->nvalues == 0)
		req_set(r, "Page.no_scale", "1");
	for (i = 0; i < pg->nvalues; i++)
		if (!pg->values[i].plus_minus || pg->plus_minus)
			req_set(r, arena_printf(&r->arena, "Scale.%zu.code", i),
			    pg->values[i].code);
	req_setf(r, "Page.na_max_marks", "%lld", pg->na_max_marks);
	req_setf(r, "Page.na_share", "%d", (int)(pg->na_share * 100 + 0.5));
	for (col = 0; col < pg->ncols; col++) {
		p = arena_printf(&r->arena, "Columns.%zu", col);
		req_set(r, arena_printf(&r->arena, "%s.key", p),
		    col_key(r, pg, col));
		if (col >= pg->nperiods) {
			req_set(r, arena_printf(&r->arena, "%s.name", p),
			    extra_name[col - pg->nperiods]);
			continue;
		}
		req_set(r, arena_printf(&r->arena, "%s.name", p),
		    pg->periods[col].name);
		req_set(r, arena_printf(&r->arena, "%s.due", p),
		    pg->periods[col].due);
		req_setf(r, arena_printf(&r->arena, "%s.lessons", p), "%d",
		    pg->periods[col].lessons);
		for (missing = 0, s = 0; s < pg->nstudents; s++)
			missing += !cell_of(pg, s, col)->set;
		req_setf(r, arena_printf(&r->arena, "%s.missing", p), "%zu",
		    missing);
		if (pg->periods[col].late && missing > 0)
			req_set(r, arena_printf(&r->arena, "%s.late", p), "1");
	}
	for (s = 0; s < pg->nstudents; s++) {
		p = arena_printf(&r->arena, "Students.%zu", s);
		req_setf(r, arena_printf(&r->arena, "%s.id", p), "%lld",
		    pg->students[s]);
		req_set(r, arena_printf(&r->arena, "%s.name", p),
		    pg->names[s]);
		for (col = 0; col < pg->ncols; col++) {
			const char *q = arena_printf(&r->arena, "%s.Cells.%zu",
			    p, col);

			c = cell_of(pg, s, col);
			req_set(r, arena_printf(&r->arena, "%s.at", q),
			    arena_printf(&r->arena, "%lld:%s", pg->students[s],
			    col_key(r, pg, col)));
			req_set(r, arena_printf(&r->arena, "%s.tkey", q),
			    arena_printf(&r->arena, "%lld_%s", pg->students[s],
			    col_key(r, pg, col)));
			if (c->set) {
				req_set(r, arena_printf(&r->arena, "%s.text",
				    q), cell_text(r, c));
				if (c->code != NULL)
					req_set(r, arena_printf(&r->arena,
					    "%s.code", q), c->code);
				else if (c->is_na)
					req_set(r, arena_printf(&r->arena,
					    "%s.code", q), "н/а");
				if (c->until != NULL)
					req_set(r, arena_printf(&r->arena,
					    "%s.until", q), c->until);
			}
			if (col > pg->nperiods)
				continue;	/* exam, final: no forecast */
			st = stat_of(pg, s, col);
			req_setf(r, arena_printf(&r->arena, "%s.marks", q),
			    "%d", st->marks);
			if (st->wavg != NULL)
				req_set(r, arena_printf(&r->arena, "%s.wavg",
				    q), st->wavg);
			if ((code = forecast_code(pg, st->forecast)) != NULL)
				req_set(r, arena_printf(&r->arena,
				    "%s.forecast", q), code);
			if (col < pg->nperiods && pg->periods[col].lessons > 0)
				req_setf(r, arena_printf(&r->arena,
				    "%s.missed", q), "%d",
				    st->absent * 100 / pg->periods[col].lessons);
		}
	}
}

/* Lessons of the year: the sum of its periods'. */
static int
year_lessons(const struct pm_page *pg)
{
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < pg->nperiods; i++)
		n += pg->periods[i].lessons;
	return n;
}

/* "17:p3" → student index, column; -1 when malformed or not of the page. */
static int
parse_at(const struct pm_page *pg, const char *at, size_t *s, size_t *col)
{
	char		*end;
	long long	 id;
	int		 i;

	id = strtoll(at, &end, 10);
	if (end == at || *end != ':' || (i = student_index(pg, id)) == -1)
		return -1;
	*s = (size_t)i;
	at = end + 1;
	if (*at == 'p') {
		id = strtoll(at + 1, &end, 10);
		if (end == at + 1 || *end != '\0' ||
		    (i = period_index(pg, id)) == -1)
			return -1;
		*col = (size_t)i;
		return 0;
	}
	for (i = 0; i < PM__EXTRA; i++)
		if (strcmp(at, extra_kind[i]) == 0) {
			*col = pg->nperiods + (size_t)i;
			return 0;
		}
	return -1;
}

static int
is_na_text(const char *v)
{
	return strcmp(v, "н/а") == 0 || strcmp(v, "Н/А") == 0 ||
	    strcmp(v, "н/a") == 0 || strcmp(v, "Н/а") == 0;
}

/* "2026-12-20", a real date; 0 with *day (days_from_civil), or -1. */
static int
parse_date(const char *s, long *day)
{
	int	 y, m, d, n = 0;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) !=
	    3 || n != 10 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    y < 2000 || y > 2100 || (m == 2 && d == 29 && (y % 4 != 0 ||
	    (y % 100 == 0 && y % 400 != 0))))
		return -1;
	*day = days_from_civil(y, m, d);
	return 0;
}

static void
cell_error(struct req *r, size_t *nerr, const struct pm_page *pg, size_t s,
    size_t col, const char *msg)
{
	const char	*colname = col < pg->nperiods ? pg->periods[col].name :
	    extra_name[col - pg->nperiods];

	req_set(r, arena_printf(&r->arena, "CellErrors.%zu", (*nerr)++),
	    arena_printf(&r->arena, "%s, %s: %s", pg->names[s], colname, msg));
}

/* Check one typed cell into *want; NULL when accepted, else a message. */
static const char *
check_cell(struct req *r, const struct pm_page *pg, size_t s, size_t col,
    const char *v, const char *until, long today, struct pm_cell *want)
{
	const struct pm_stat	*st;
	struct rule_value	*sv;
	struct rule_na		 na;
	size_t			 i;
	long			 day;
	int			 lessons;

	memset(want, 0, sizeof(*want));
	if (*v == '\0' && *until == '\0')
		return NULL;	/* cleared */
	if (pg->no_marks)
		return arena_printf(&r->arena, "в %d классе отметок не "
		    "ставят.", pg->grade);
	want->set = 1;
	if (*v == '\0') {
		if (parse_date(until, &day) == -1)
			return "дата отсрочки — в виде ГГГГ-ММ-ДД.";
		if (!rule_defer_ok(day, today))
			return "дата отсрочки уже прошла.";
		want->until = until;
		return NULL;
	}
	if (*until != '\0')
		return "либо отметка, либо отсрочка с датой, не то и другое "
		    "сразу.";
	if (is_na_text(v)) {
		/* R26: few marks and most lessons missed, else refused. */
		st = stat_of(pg, s, col < pg->nperiods ? col : pg->nperiods);
		lessons = col < pg->nperiods ? pg->periods[col].lessons :
		    year_lessons(pg);
		na.marks = st->marks;
		na.lessons = lessons;
		na.absent = st->absent;
		na.max_marks = pg->na_max_marks;
		na.share = pg->na_share;
		if (!rule_na_allowed(&na))
			return arena_printf(&r->arena, "«н/а» ставится только "
			    "при менее чем %lld текущих отметках и пропуске "
			    "более %d%% уроков; у ученика отметок: %d, "
			    "пропущено уроков: %d из %d.", pg->na_max_marks,
			    (int)(pg->na_share * 100 + 0.5), st->marks,
			    st->absent, lessons);
		want->is_na = 1;
		return NULL;
	}
	sv = arena_alloc(&r->arena, (pg->nvalues + 1) * sizeof(*sv));
	for (i = 0; i < pg->nvalues; i++) {
		sv[i].code = pg->values[i].code;
		sv[i].plus_minus = pg->values[i].plus_minus;
	}
	switch (rule_code(sv, pg->nvalues, pg->plus_minus, v, &i)) {
	case RULE_NO_SCALE:
		return arena_printf(&r->arena, "у предмета в %d классе нет "
		    "шкалы оценивания.", pg->grade);
	case RULE_NOT_IN_SCALE:
		return arena_printf(&r->arena, "«%s» — не отметка шкалы "
		    "предмета.", v);
	case RULE_CODE_OK:
		break;
	}
	want->code = pg->values[i].code;
	return NULL;
}

static int
same_cell(const struct pm_cell *a, const struct pm_cell *b)
{
	if (a->set != b->set)
		return 0;
	if (!a->set)
		return 1;
	return a->is_na == b->is_na &&
	    (a->code == NULL ? b->code == NULL :
	    b->code != NULL && strcmp(a->code, b->code) == 0) &&
	    (a->until == NULL ? b->until == NULL :
	    b->until != NULL && strcmp(a->until, b->until) == 0);
}

/* Whether the typed cell is what is stored (as the form shows it). */
static int
unchanged(const struct pm_cell *c, const char *v, const char *until)
{
	if (!c->set)
		return *v == '\0' && *until == '\0';
	if (c->code != NULL)
		return strcmp(v, c->code) == 0 && *until == '\0';
	if (c->is_na)
		return strcmp(v, "н/а") == 0 && *until == '\0';
	return *v == '\0' && c->until != NULL && strcmp(until, c->until) == 0;
}

int
period_marks_save(struct req *r, struct pm_page *pg, const char **at,
    const char **val, const char **until, size_t n)
{
	struct pm_cell	*want, *old;
	const char	*msg, *kind, *tkey;
	size_t		*ss, *cols, i, j, nerr = 0;
	long long	 period, id;
	long		 today;
	int		 rc;

	today = clock_today();
	want = arena_alloc(&r->arena, (n + 1) * sizeof(*want));
	ss = arena_alloc(&r->arena, (n + 1) * sizeof(*ss));
	cols = arena_alloc(&r->arena, (n + 1) * sizeof(*cols));
	for (i = 0; i < n; i++) {
		if (parse_at(pg, at[i], &ss[i], &cols[i]) == -1)
			return 400;
		for (j = 0; j < i; j++)
			if (ss[j] == ss[i] && cols[j] == cols[i])
				return 400;
		tkey = arena_printf(&r->arena, "Typed.%lld_%s",
		    pg->students[ss[i]], col_key(r, pg, cols[i]));
		req_set(r, arena_printf(&r->arena, "%s.v", tkey), val[i]);
		req_set(r, arena_printf(&r->arena, "%s.u", tkey), until[i]);
		req_set(r, arena_printf(&r->arena, "%s.sent", tkey), "1");
		/* A cell sent back as stored is not checked again: an old
		 * «4+» or «н/а» stays valid after the rules change. */
		if (unchanged(cell_of(pg, ss[i], cols[i]), val[i], until[i])) {
			want[i] = *cell_of(pg, ss[i], cols[i]);
			continue;
		}
		if ((msg = check_cell(r, pg, ss[i], cols[i], val[i], until[i],
		    today, &want[i])) != NULL)
			cell_error(r, &nerr, pg, ss[i], cols[i], msg);
	}
	if (nerr > 0) {
		req_field_error(r, "cells", "Отметки не сохранены: исправьте "
		    "ошибки.");
		return 1;
	}
	for (i = 0; i < n; i++) {
		old = cell_of(pg, ss[i], cols[i]);
		if (same_cell(old, &want[i]))
			continue;
		if (cols[i] < pg->nperiods) {
			kind = "period";
			period = pg->periods[cols[i]].id;
		} else {
			kind = extra_kind[cols[i] - pg->nperiods];
			period = 0;
		}
		id = 0;
		if (db_query(&q_pm_id, "lllsl", pg->students[ss[i]],
		    pg->subject_id, pg->year_id, kind, period) == -1 ||
		    (rc = db_next(&q_pm_id)) == -1)
			return -1;
		if (rc == 1)
			id = db_int(&q_pm_id, 0);
		db_done(&q_pm_id);
		if (!want[i].set) {
			if (id != 0 && db_exec(&q_pm_delete, "l", id) == -1)
				return -1;
		} else {
			if (db_exec(&q_pm_put, "llllsssdsl", r->sess.school_id,
			    pg->year_id, pg->students[ss[i]], pg->subject_id,
			    kind, period != 0 ? arena_printf(&r->arena, "%lld",
			    period) : NULL, want[i].code, want[i].is_na,
			    want[i].until, r->sess.account_id) < 0)
				return -1;
			if (id == 0)
				id = (long long)db_last_id();
		}
		if (audit_add(r, "period_mark_set", "period_mark", id,
		    arena_printf(&r->arena, "ученик %lld, %s: %s",
		    pg->students[ss[i]], col_key(r, pg, cols[i]),
		    old->set ? cell_text(r, old) : "—"),
		    want[i].set ? cell_text(r, &want[i]) : NULL) == -1)
			return -1;
		*old = want[i];
	}
	return 0;
}
