/*
 * diary.c: the diary's pages for a student.  One query per kind of thing
 * (subjects, marks, averages, attendance, period marks), nested in C by
 * the subject's id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "clock.h"
#include "db.h"
#include "diary.h"
#include "groups.h"
#include "screen.h"
#include "objects.h"
#include "people.h"
#include "sqlnames.h"
#include "timetable.h"

/* «Иванова А. П.»: teachers as a diary names them. */
#define SHORT_NAME_SQL(p)	"CONCAT(" p ".last_name, ' ', LEFT(" p ".first_name, 1), '.'," \
			" IF(" p ".middle_name = '', '', CONCAT(' ', LEFT(" p ".middle_name, 1), '.')))"

DB_STMT(q_diary_student,
    "SELECT p.id, " FULL_NAME("p") " AS name, c.id AS class_id,"
    " " CLASS_NAME("c") " AS class, c.grade, c.year_id"
    " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " JOIN person p ON p.id = cs.student_id"
    " WHERE cs.student_id = ? AND cs.left_on IS NULL");
DB_STMT(q_diary_periods,
    "SELECT id, name, DATE_FORMAT(starts_on, '%Y-%m-%d') AS starts,"
    " DATE_FORMAT(ends_on, '%Y-%m-%d') AS ends,"
    " (CURDATE() BETWEEN starts_on AND ends_on) AS current"
    " FROM period WHERE year_id = ? AND ? BETWEEN grade_from AND grade_to"
    "   AND kind <> 'year'"
    " ORDER BY starts_on");

/* The subjects the student is taught this year, with their teachers. */
DB_STMT(q_diary_subjects,
    "SELECT s.id, s.name, GROUP_CONCAT(DISTINCT " FULL_NAME("t")
    "   ORDER BY t.last_name SEPARATOR ', ') AS teachers"
    " FROM assignment a JOIN subject s ON s.id = a.subject_id"
    " JOIN person t ON t.id = a.teacher_id"
    " WHERE a.group_id IN " DB_IDS " AND a.year_id = ?"
    " GROUP BY s.id, s.name ORDER BY s.name");
DB_STMT(q_diary_marks,
    "SELECT l.subject_id, DATE_FORMAT(l.on_date, '%d.%m') AS day,"
    " m.code, w.short_name AS work, w.name AS work_name, m.comment,"
    " m.num, DATEDIFF(l.on_date, ?) AS day_no"
    " FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
    " JOIN work_kind w ON w.id = lw.work_kind_id"
    " JOIN lesson l ON l.id = lw.lesson_id"
    " WHERE m.student_id = ? AND l.on_date BETWEEN ? AND ?"
    " ORDER BY l.subject_id, l.on_date, l.number, lw.sort");
DB_STMT(q_diary_averages,
    "SELECT l.subject_id, COUNT(*) AS count,"
    " ROUND(" MARK_AVG("m") ", 2) AS avg,"
    " ROUND(" MARK_WAVG("m", "w") ", 2) AS wavg,"
    " " MARK_FORECAST("m", "w") " AS forecast"
    " FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
    " JOIN work_kind w ON w.id = lw.work_kind_id"
    " JOIN lesson l ON l.id = lw.lesson_id"
    " WHERE m.student_id = ? AND l.on_date BETWEEN ? AND ?"
    " GROUP BY l.subject_id");
/* Lessons of the student's groups held in the period, and missed ones. */
DB_STMT(q_diary_attendance,
    "SELECT l.subject_id, COUNT(*) AS lessons, COUNT(a.student_id) AS missed,"
    " COALESCE(SUM(a.reason IN ('ill', 'excused')), 0) AS excused"
    " FROM lesson l"
    " LEFT JOIN absence a ON a.lesson_id = l.id AND a.student_id = ?"
    " WHERE l.group_id IN " DB_IDS " AND l.on_date BETWEEN ? AND ?"
    " GROUP BY l.subject_id");
/* The period's absences the teacher commented on (R32), by subject. */
DB_STMT(q_diary_absence_comments,
    "SELECT l.subject_id, DATE_FORMAT(l.on_date, '%d.%m') AS day,"
    " a.comment FROM absence a JOIN lesson l ON l.id = a.lesson_id"
    " WHERE a.student_id = ? AND a.comment <> ''"
    " AND l.on_date BETWEEN ? AND ?"
    " ORDER BY l.subject_id, l.on_date, l.number");
DB_STMT(q_diary_period_marks,
    "SELECT subject_id, kind, period_id,"
    " CASE WHEN code IS NOT NULL THEN code WHEN is_na = 1 THEN 'н/а'"
    "   ELSE CONCAT('отсрочка до ', DATE_FORMAT(deferred_until, '%d.%m'))"
    " END FROM period_mark WHERE student_id = ? AND year_id = ?");

#define CHART_W	200
#define CHART_H	40

int
db_diary_student(struct _hdf *hdf, const char *prefix, long long student_id,
    long long *year, int *grade)
{
	char	 name[128];
	int	 rc = -1;

	snprintf(name, sizeof(name), "%sStudent", prefix);
	if (db_query(&q_diary_student, "l", student_id) == -1 ||
	    (rc = db_next(&q_diary_student)) != 1)
		return rc;
	db_row_to_hdf(hdf, name, &q_diary_student);
	*grade = (int)db_int(&q_diary_student, 4);
	*year = db_int(&q_diary_student, 5);
	db_done(&q_diary_student);
	snprintf(name, sizeof(name), "%sPeriods", prefix);
	return db_diary_periods(hdf, name, *year, *grade) == -1 ? -1 : 1;
}

int
db_diary_periods(struct _hdf *hdf, const char *prefix, long long year,
    int grade)
{
	return db_query_hdf(hdf, prefix, &q_diary_periods, "ld", year, grade);
}

int
diary_periods(struct req *r, const char *prefix, long long year, int grade,
    struct diary_period **out)
{
	struct diary_period *p = NULL;
	int		 rc, n = 0;

	*out = NULL;
	if (db_query(&q_diary_periods, "ld", year, grade) == -1)
		return -1;
	while ((rc = db_next(&q_diary_periods)) == 1) {
		db_row_to_hdf(r->hdf, arena_printf(&r->arena, "%s.%d", prefix,
		    n), &q_diary_periods);
		p = arena_grow(&r->arena, p, (size_t)n, sizeof(*p));
		p[n].id = db_int(&q_diary_periods, 0);
		p[n].name = arena_strdup(&r->arena, db_str(&q_diary_periods, 1));
		p[n].starts = arena_strdup(&r->arena,
		    db_str(&q_diary_periods, 2));
		p[n].ends = arena_strdup(&r->arena, db_str(&q_diary_periods, 3));
		p[n].current = db_int(&q_diary_periods, 4) == 1;
		n++;
	}
	if (rc == -1)
		return -1;
	*out = p;
	return n;
}

int
diary_student_open(struct req *r, long long asked, long long *student,
    long long *year, int *grade)
{
	struct diary_student st;
	struct child	*kids = NULL;
	enum obj_res	 ok;
	int		 nkids = 0;

	*student = 0;
	if ((r->sess.roles & ROLE_PARENT) && (nkids = db_children_by_guardian(
	    r, "Children", r->sess.person_id, &kids)) == -1)
		return 500;
	if (asked != 0)
		*student = asked;
	else if (r->sess.roles & ROLE_STUDENT)
		*student = r->sess.person_id;
	else if (nkids > 0)
		*student = kids[0].id;	/* the first child at school now */
	if (*student == 0) {
		/* Staff open a student's pages from the class; a parent
		 * with no child at school now is told so. */
		req_set(r, "Page.NoStudent", "1");
		if (r->sess.roles & ROLE_PARENT)
			req_set(r, "Page.NoChild", "1");
		return 200;
	}
	if ((ok = obj_student_diary(r, *student, "Student", &st)) != OBJ_OK)
		return (int)ok;
	*year = st.year_id;
	*grade = st.grade;
	return 200;
}

static void
set(struct _hdf *hdf, const char *fmt_name, int row, const char *key,
    const char *value)
{
	char	 name[128];

	snprintf(name, sizeof(name), fmt_name, row, key);
	hdf_set_value(hdf, name, value != NULL ? value : "");
}

/* Copy columns 1.. of the current row to Subjects.<row>.<alias>. */
static void
columns(struct _hdf *hdf, struct db_stmt *q, int row, const char *const *names)
{
	unsigned	 i;

	for (i = 0; names[i] != NULL; i++)
		set(hdf, "Subjects.%d.%s", row, names[i], db_str(q, i + 1));
}

int
db_diary_marks(struct req *r, long long student_id, long long year_id,
    long long period_id, const char *starts, const char *ends)
{
	struct _hdf	*hdf = r->hdf;
	long long	 ids[DB_ID_SLOTS];
	int		 nids;
	static const char *const avg_cols[] = {
		"count", "avg", "wavg", "forecast", NULL
	};
	static const char *const att_cols[] = {
		"lessons", "missed", "excused", NULL
	};
	struct idindex	 byid = { 0 };
	struct buf	*points = NULL;
	int		*nmarks = NULL;
	char		 name[128], val[32];
	int		 rc, row, n = 0, i, ret = -1, days;
	double		 num, max = 5;

	(void)period_id;
	if ((nids = db_student_group_ids(student_id, ids)) == -1 ||
	    db_query(&q_diary_subjects, "Il", ids, (size_t)nids, year_id) == -1)
		return -1;
	while ((rc = db_next(&q_diary_subjects)) == 1) {
		snprintf(name, sizeof(name), "Subjects.%d", n);
		db_row_to_hdf(hdf, name, &q_diary_subjects);
		idindex_add(&byid, db_int(&q_diary_subjects, 0), n++);
	}
	if (rc == -1)
		goto out;
	if ((nmarks = calloc((size_t)n + 1, sizeof(*nmarks))) == NULL ||
	    (points = calloc((size_t)n + 1, sizeof(*points))) == NULL)
		abort();

	/* The period's length in days places each mark on the chart. */
	{
		long	 a, b;

		days = 1;
		if (date_parse(starts, &a) == 0 && date_parse(ends, &b) == 0 &&
		    b > a)
			days = (int)(b - a);
	}
	/* A ten-point scale has marks above 5: the chart's top follows. */
	if (db_query(&q_diary_marks, "slss", starts, student_id, starts,
	    ends) == -1)
		goto out;
	while ((rc = db_next(&q_diary_marks)) == 1) {
		if ((row = idindex_find(&byid, db_int(&q_diary_marks, 0))) < 0)
			continue;
		snprintf(name, sizeof(name), "Subjects.%d.Marks.%d", row,
		    nmarks[row]++);
		db_row_to_hdf(hdf, name, &q_diary_marks);
		if (db_str(&q_diary_marks, 6) != NULL &&
		    atof(db_str(&q_diary_marks, 6)) > max)
			max = 10;
	}
	if (rc == -1)
		goto out;
	/* Points: computed once every mark is read (max is known). */
	for (row = 0; row < n; row++) {
		for (i = 0; i < nmarks[row]; i++) {
			const char	*v, *d;
			double		 x, y;

			snprintf(name, sizeof(name), "Subjects.%d.Marks.%d.num",
			    row, i);
			if ((v = hdf_get_value(hdf, name, NULL)) == NULL)
				continue;	/* зачёт: no number */
			num = atof(v);
			snprintf(name, sizeof(name),
			    "Subjects.%d.Marks.%d.day_no", row, i);
			d = hdf_get_value(hdf, name, "0");
			x = 4 + (CHART_W - 8) * atof(d) / days;
			y = CHART_H - 4 - (CHART_H - 8) * num / max;
			buf_printf(&points[row], "%s%.0f,%.0f",
			    points[row].len ? " " : "", x, y);
			snprintf(val, sizeof(val), "%.0f", x);
			snprintf(name, sizeof(name), "Subjects.%d.Marks.%d.x",
			    row, i);
			hdf_set_value(hdf, name, val);
			snprintf(val, sizeof(val), "%.0f", y);
			snprintf(name, sizeof(name), "Subjects.%d.Marks.%d.y",
			    row, i);
			hdf_set_value(hdf, name, val);
		}
		if (points[row].len > 0) {
			buf_append(&points[row], "", 1);
			set(hdf, "Subjects.%d.%s", row, "points",
			    points[row].data);
		}
	}

	if (db_query(&q_diary_averages, "lss", student_id, starts, ends) == -1)
		goto out;
	while ((rc = db_next(&q_diary_averages)) == 1)
		if ((row = idindex_find(&byid,
		    db_int(&q_diary_averages, 0))) >= 0)
			columns(hdf, &q_diary_averages, row, avg_cols);
	if (rc == -1)
		goto out;
	if (db_query(&q_diary_attendance, "lIss", student_id, ids,
	    (size_t)nids, starts, ends) == -1)
		goto out;
	while ((rc = db_next(&q_diary_attendance)) == 1)
		if ((row = idindex_find(&byid,
		    db_int(&q_diary_attendance, 0))) >= 0)
			columns(hdf, &q_diary_attendance, row, att_cols);
	if (rc == -1)
		goto out;
	if (db_query(&q_diary_absence_comments, "lss", student_id, starts,
	    ends) == -1)
		goto out;
	/* The marks are placed: the counters now count the absences. */
	memset(nmarks, 0, ((size_t)n + 1) * sizeof(*nmarks));
	while ((rc = db_next(&q_diary_absence_comments)) == 1) {
		if ((row = idindex_find(&byid,
		    db_int(&q_diary_absence_comments, 0))) < 0)
			continue;
		snprintf(name, sizeof(name), "Subjects.%d.Absences.%d", row,
		    nmarks[row]++);
		db_row_to_hdf(hdf, name, &q_diary_absence_comments);
	}
	if (rc == -1)
		goto out;
	if (db_query(&q_diary_period_marks, "ll", student_id, year_id) == -1)
		goto out;
	while ((rc = db_next(&q_diary_period_marks)) == 1) {
		const char	*kind = db_str(&q_diary_period_marks, 1);

		if ((row = idindex_find(&byid,
		    db_int(&q_diary_period_marks, 0))) < 0)
			continue;
		if (strcmp(kind, "period") == 0)
			snprintf(name, sizeof(name), "Subjects.%d.PM.%s", row,
			    db_str(&q_diary_period_marks, 2));
		else
			snprintf(name, sizeof(name), "Subjects.%d.%s", row,
			    kind);
		hdf_set_value(hdf, name, db_str(&q_diary_period_marks, 3));
	}
	if (rc == -1)
		goto out;
	ret = n;
out:
	for (i = 0; points != NULL && i < n; i++)
		buf_free(&points[i]);
	free(points);
	free(nmarks);
	idindex_free(&byid);
	return ret;
}

/*
 * The due-day rule (R32): homework set at a lesson is due at the next
 * lesson of the same subject for the same group by the timetable with its
 * changes (db_tt_slots: a cancelled lesson is skipped, a moved one counts
 * on its new day), on a later day than it was set.  When the timetable
 * has no such lesson within HW_HORIZON days (the end of the year, a long
 * holiday, a subject that ended), it stays under the lesson it was set at,
 * marked «к следующему уроку»: the diary does not invent a day.
 */
#define HW_HORIZON	21

/*
 * What was held for the student's groups from the horizon before the week
 * to its Sunday, one row per mark (a lesson without marks: one row, mark
 * columns NULL), with the student's own homework and absence.  Before the
 * week only lessons with homework are wanted, and their marks and
 * absences are not joined.  Unsorted: sorting and a derived table made
 * MariaDB's plan cost more than the rows; C orders them.
 */
DB_STMT(q_diary_held,
    "SELECT l.id, DATE_FORMAT(l.on_date, '%Y-%m-%d'), IFNULL(l.number, 0),"
    " l.group_id, s.name, l.topic, l.homework, hs.text,"
    " " SHORT_NAME_SQL("t") ", l.substitute_for IS NOT NULL,"
    " lw.sort, lw.id, m.code, w.short_name, w.name, m.comment,"
    " CASE a.reason WHEN 'ill' THEN 'по болезни'"
    "   WHEN 'excused' THEN 'по уважительной причине'"
    "   WHEN 'unexcused' THEN 'без уважительной причины' ELSE '' END,"
    " a.student_id IS NOT NULL, a.comment, l.subject_id"
    " FROM lesson l JOIN subject s ON s.id = l.subject_id"
    " JOIN person t ON t.id = l.teacher_id"
    " LEFT JOIN homework_student hs ON hs.lesson_id = l.id"
    "   AND hs.student_id = ?"
    " LEFT JOIN absence a ON a.lesson_id = l.id AND a.student_id = ?"
    "   AND l.on_date >= ?"
    " LEFT JOIN lesson_work lw ON lw.lesson_id = l.id AND l.on_date >= ?"
    " LEFT JOIN mark m ON m.lesson_work_id = lw.id AND m.student_id = ?"
    " LEFT JOIN work_kind w ON w.id = lw.work_kind_id"
    " WHERE l.group_id IN " DB_IDS
    "   AND l.on_date BETWEEN ? AND ?"
    "   AND (l.on_date >= ? OR l.homework <> '' OR hs.text IS NOT NULL)");

struct held_mark {
	long long	 sort, id;
	const char	*code, *work, *work_name, *comment;
};

struct held {
	long long	 id, group_id, subject_id;
	long		 day;		/* of date, days since 1970-01-01 */
	const char	*date, *subject, *topic, *homework, *own, *teacher;
	const char	*absent;	/* the reason's text; NULL: present */
	const char	*absent_comment; /* the teacher's, or NULL */
	struct held_mark *marks;
	int		 number, substitute, used, nmarks;
	long		 due;		/* the day its homework is due, 0: none found */
	int		 hw_shown;	/* its homework is on the page */
	const char	*lkey;		/* its line on the page, or NULL */
};

/* A row of q_diary_held, kept until the rows are ordered. */
struct held_row {
	struct held	 h;
	struct held_mark m;
	int		 has_mark;
};

static int
held_row_cmp(const void *a, const void *b)
{
	const struct held_row	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->h.date, y->h.date)) != 0)
		return c;
	if (x->h.number != y->h.number)
		return x->h.number < y->h.number ? -1 : 1;
	if (x->h.id != y->h.id)
		return x->h.id < y->h.id ? -1 : 1;
	if (x->m.sort != y->m.sort)
		return x->m.sort < y->m.sort ? -1 : 1;
	return x->m.id < y->m.id ? -1 : x->m.id > y->m.id;
}

/*
 * The lessons held from..to in order, each with its marks (only those
 * from monday on carry marks and absences; earlier ones are there for
 * their homework): the count or -1.
 */
static int
held_lessons(struct req *r, long long student_id, const long long *ids,
    int nids, const char *from, const char *monday, const char *to,
    struct held **out)
{
	struct held_row	*rows = NULL, *x;
	struct held	*h;
	struct held_mark *marks;
	size_t		 n = 0, cap = 0, i, k, nm = 0;
	int		 rc, nh = 0;

	*out = NULL;
	if (db_query(&q_diary_held, "llssl" "Isss", student_id, student_id,
	    monday, monday, student_id, ids, (size_t)nids, from, to,
	    monday) == -1)
		return -1;
	while ((rc = db_next(&q_diary_held)) == 1) {
		if (n == cap) {
			struct held_row	*b;

			cap = cap ? cap * 2 : 64;
			b = arena_alloc(&r->arena, cap * sizeof(*b));
			if (n > 0)
				memcpy(b, rows, n * sizeof(*b));
			rows = b;
		}
		x = &rows[n++];
		memset(x, 0, sizeof(*x));
#define S(i)	(db_str(&q_diary_held, i) ? \
		    arena_strdup(&r->arena, db_str(&q_diary_held, i)) : NULL)
		x->h.id = db_int(&q_diary_held, 0);
		x->h.date = S(1);
		if (date_parse(x->h.date, &x->h.day) == -1)
			x->h.day = 0;
		x->h.number = (int)db_int(&q_diary_held, 2);
		x->h.group_id = db_int(&q_diary_held, 3);
		x->h.subject = S(4);
		x->h.topic = S(5);
		x->h.homework = S(6);
		x->h.own = S(7);
		x->h.teacher = S(8);
		x->h.substitute = db_int(&q_diary_held, 9) == 1;
		x->m.sort = db_int(&q_diary_held, 10);
		x->m.id = db_int(&q_diary_held, 11);
		x->has_mark = db_str(&q_diary_held, 12) != NULL;
		x->m.code = S(12);
		x->m.work = S(13);
		x->m.work_name = S(14);
		x->m.comment = S(15);
		if (db_int(&q_diary_held, 17) == 1) {
			x->h.absent = S(16);
			x->h.absent_comment = S(18);
		}
		x->h.subject_id = db_int(&q_diary_held, 19);
#undef S
	}
	if (rc == -1)
		return -1;
	if (n == 0)
		return 0;
	qsort(rows, n, sizeof(*rows), held_row_cmp);
	/* One array of marks, each lesson's a run of it. */
	h = arena_alloc(&r->arena, n * sizeof(*h));
	marks = arena_alloc(&r->arena, n * sizeof(*marks));
	for (i = 0; i < n; i = k) {
		h[nh] = rows[i].h;
		h[nh].marks = &marks[nm];
		h[nh].nmarks = 0;
		for (k = i; k < n && rows[k].h.id == rows[i].h.id; k++)
			if (rows[k].has_mark) {
				marks[nm++] = rows[k].m;
				h[nh].nmarks++;
			}
		nh++;
	}
	*out = h;
	return nh;
}

static int
has_homework(const struct held *x)
{
	return (x->homework != NULL && *x->homework != '\0') ||
	    (x->own != NULL && *x->own != '\0');
}

/*
 * The day homework set on day for group and subject is due: the first
 * lesson of slots (by day) after it within HW_HORIZON days, else 0.
 */
static long
due_day(const struct tt_slot *s, int n, long long group, long long subject,
    long day)
{
	int	 lo = 0, hi = n, mid;

	/* The first slot after day. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s[mid].day <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && s[lo].day <= day + HW_HORIZON; lo++)
		if (s[lo].group_id == group && s[lo].subject_id == subject)
			return s[lo].day;
	return 0;
}

/* Each held lesson's due day (x->due) from the slots. */
static void
held_due(struct held *h, int n, const struct tt_slot *s, int ns)
{
	int	 i;

	for (i = 0; i < n; i++)
		h[i].due = has_homework(&h[i]) ? due_day(s, ns, h[i].group_id,
		    h[i].subject_id, h[i].day) : 0;
}

/*
 * x's homework (the group's and the student's own) into list (e.g.
 * "Days.2.Lessons.3.Homework") from *k on: text, own, given (DD.MM, the
 * day it was set) and due (DD.MM; none: «к следующему уроку»).
 */
static void
homework_set(struct req *r, const char *list, int *k, const struct held *x)
{
	const char	*hkey;
	char		 d[11];
	int		 own;

	for (own = 0; own <= 1; own++) {
		const char *text = own ? x->own : x->homework;

		if (text == NULL || *text == '\0')
			continue;
		hkey = arena_printf(&r->arena, "%s.%d", list, (*k)++);
		req_set(r, arena_printf(&r->arena, "%s.text", hkey), text);
		req_setf(r, arena_printf(&r->arena, "%s.given", hkey),
		    "%.2s.%.2s", x->date + 8, x->date + 5);
		if (own)
			req_set(r, arena_printf(&r->arena, "%s.own", hkey), "1");
		if (x->due != 0) {
			date_format(x->due, d);
			req_setf(r, arena_printf(&r->arena, "%s.due", hkey),
			    "%.2s.%.2s", d + 8, d + 5);
		}
	}
}

/*
 * The homework due at a lesson of the page (group, subject, day): every
 * held lesson's whose due day it is, not yet shown, in the order set.
 */
static void
homework_due(struct req *r, const char *lkey, struct held *h, int n,
    long long group, long long subject, long day)
{
	int	 i, k = 0;

	for (i = 0; i < n; i++) {
		if (h[i].hw_shown || h[i].due != day ||
		    h[i].group_id != group || h[i].subject_id != subject)
			continue;
		h[i].hw_shown = 1;
		homework_set(r, arena_printf(&r->arena, "%s.Homework", lkey),
		    &k, &h[i]);
	}
}

/* A held lesson into the page at lkey: topic, marks, absence. */
static void
held_set(struct req *r, const char *lkey, struct held *x)
{
	const char	*mkey;
	int		 i;

	x->lkey = lkey;
	req_set(r, arena_printf(&r->arena, "%s.topic", lkey), x->topic);
	for (i = 0; i < x->nmarks; i++) {
		mkey = arena_printf(&r->arena, "%s.Marks.%d", lkey, i);
		req_set(r, arena_printf(&r->arena, "%s.code", mkey),
		    x->marks[i].code);
		req_set(r, arena_printf(&r->arena, "%s.work", mkey),
		    x->marks[i].work);
		req_set(r, arena_printf(&r->arena, "%s.work_name", mkey),
		    x->marks[i].work_name);
		req_set(r, arena_printf(&r->arena, "%s.comment", mkey),
		    x->marks[i].comment);
	}
	if (x->absent != NULL) {
		req_set(r, arena_printf(&r->arena, "%s.absent", lkey), "1");
		req_set(r, arena_printf(&r->arena, "%s.absent_reason", lkey),
		    x->absent);
		if (x->absent_comment != NULL && *x->absent_comment != '\0')
			req_set(r, arena_printf(&r->arena,
			    "%s.absent_comment", lkey), x->absent_comment);
	}
}

/* The held lesson for a timetable lesson: same day, group and subject,
 * the same number if there is one. */
static struct held *
held_for(struct held *h, int n, const struct tt_lesson *l)
{
	struct held	*any = NULL;
	int		 i;

	for (i = 0; i < n; i++) {
		if (h[i].used || h[i].group_id != l->group_id ||
		    h[i].subject_id != l->subject_id ||
		    strcmp(h[i].date, l->date) != 0)
			continue;
		if (h[i].number == l->number)
			return &h[i];
		if (any == NULL)
			any = &h[i];
	}
	return any;
}

/* A line of a day: a timetable lesson (with what was held) or a held
 * lesson outside the timetable. */
struct day_item {
	const struct tt_lesson	*tt;
	struct held		*held;
	int			 number;	/* 0: not known, last */
	int			 seq;		/* the order found in */
};

static int
day_item_cmp(const void *a, const void *b)
{
	const struct day_item	*x = a, *y = b;
	int			 nx = x->number ? x->number : 100;
	int			 ny = y->number ? y->number : 100;

	if (nx != ny)
		return nx < ny ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int
db_diary_week(struct req *r, const char *prefix, long long student_id,
    const char *monday)
{
	struct tt_lesson *tt;
	const struct tt_lesson *l;
	struct tt_slot	*slots;
	struct held	*h = NULL, *x;
	struct day_item	*items;
	long long	 ids[DB_ID_SLOTS];
	char		 key[160], from[11], to[11], sunday[11], date[11];
	char		*lkey;
	const char	*v, *state, *note;
	long		 mon;
	int		 n, ntt, nslots, nids, d, days = 6, i, k, ni;

	if (db_week_hdf_lessons(r, arena_printf(&r->arena, "%sWeek", prefix),
	    TT_STUDENT, student_id, NULL, monday, &tt, &ntt) == -1)
		return -1;
	if (date_parse(monday, &mon) == -1)
		return -1;
	date_format(mon - HW_HORIZON, from);
	date_format(mon + 6, sunday);
	date_format(mon + 6 + HW_HORIZON, to);
	if ((nids = db_student_group_ids(student_id, ids)) == -1 ||
	    (nslots = db_tt_slots(r, ids, nids, from, to, &slots)) == -1 ||
	    (n = held_lessons(r, student_id, ids, nids, from, monday, sunday,
	    &h)) == -1)
		return -1;
	held_due(h, n, slots, nslots);

	for (i = 0; i < ntt; i++)
		if (tt[i].weekday == 7 && !tt[i].moved_out)
			days = 7;
	items = arena_alloc(&r->arena, ((size_t)ntt + (size_t)n + 1) *
	    sizeof(*items));
	for (d = 1; d <= days; d++) {
		date_format(mon + d - 1, date);
		snprintf(key, sizeof(key), "%sDays.%d", prefix, d);
		req_set(r, arena_printf(&r->arena, "%s.date", key), date);
		req_set(r, arena_printf(&r->arena, "%s.name", key), req_get(r,
		    arena_printf(&r->arena, "%sWeek.Days.%d.name", prefix, d), ""));
		req_set(r, arena_printf(&r->arena, "%s.label", key), req_get(r,
		    arena_printf(&r->arena, "%sWeek.Days.%d.label", prefix, d), ""));
		if ((v = req_get(r, arena_printf(&r->arena,
		    "%sWeek.Days.%d.holiday", prefix, d), NULL)) != NULL)
			req_set(r, arena_printf(&r->arena, "%s.holiday", key), v);

		/* The day's lessons by number: the timetable's (moved ones
		 * at their new slot), and what was held outside it. */
		ni = 0;
		for (i = 0; i < ntt; i++) {
			l = &tt[i];
			if (l->moved_out || strcmp(l->date, date) != 0 ||
			    l->number < 1 || l->number > 10)
				continue;
			items[ni] = (struct day_item){ l, held_for(h, n, l),
			    l->number, ni };
			if (items[ni].held != NULL)
				items[ni].held->used = 1;
			ni++;
		}
		for (i = 0; i < n; i++) {
			if (h[i].used || strcmp(h[i].date, date) != 0)
				continue;
			h[i].used = 1;
			items[ni] = (struct day_item){ NULL, &h[i], h[i].number,
			    ni };
			ni++;
		}
		qsort(items, (size_t)ni, sizeof(*items), day_item_cmp);

		for (k = 0; k < ni; k++) {
			lkey = arena_printf(&r->arena, "%sDays.%d.Lessons.%d",
			    prefix, d, k);
			l = items[k].tt;
			x = items[k].held;
			if (items[k].number > 0)
				req_setf(r, arena_printf(&r->arena,
				    "%s.number", lkey), "%d", items[k].number);
#define SET(f, val)	req_set(r, arena_printf(&r->arena, "%s." f, lkey), val)
			if (l != NULL) {
				state = tt_lesson_state(r, l, &note);
				SET("subject", l->subject);
				SET("teacher", l->teacher);
				SET("room", l->room);
				SET("state", state);
				if (note != NULL)
					SET("note", note);
				if (l->reason != NULL)
					SET("reason", l->reason);
				SET("starts", req_get(r, arena_printf(
				    &r->arena, "%sWeek.Rows.%d.starts", prefix,
				    l->number), ""));
				SET("ends", req_get(r, arena_printf(&r->arena,
				    "%sWeek.Rows.%d.ends", prefix, l->number),
				    ""));
				/* A cancelled lesson has nothing due. */
				if (!l->cancelled)
					homework_due(r, lkey, h, n,
					    l->group_id, l->subject_id,
					    mon + d - 1);
			} else {
				SET("subject", x->subject);
				SET("teacher", x->teacher);
				SET("state", x->substitute ? "substitute" :
				    "normal");
				if (x->substitute)
					SET("note", "замена");
				homework_due(r, lkey, h, n, x->group_id,
				    x->subject_id, mon + d - 1);
			}
#undef SET
			if (x != NULL)
				held_set(r, lkey, x);
		}
	}

	/* Where the homework set this week is: a link to the lesson it is
	 * due at on this page, else its text here, with its day or «к
	 * следующему уроку». */
	for (i = 0; i < n; i++) {
		x = &h[i];
		if (x->lkey == NULL || !has_homework(x))
			continue;
		if (x->hw_shown) {
			date_format(x->due, date);
			req_setf(r, arena_printf(&r->arena, "%s.hw_due", x->lkey),
			    "%.2s.%.2s", date + 8, date + 5);
			req_set(r, arena_printf(&r->arena, "%s.hw_due_date",
			    x->lkey), date);
		} else {
			k = 0;
			homework_set(r, arena_printf(&r->arena, "%s.Given",
			    x->lkey), &k, x);
		}
	}
	return 0;
}

/* --- /home: the family's today and next school day --- */

/* The homework that may be due on the next school day: set since the
 * horizon before today, up to today (today's lessons may be held). */
DB_STMT(q_diary_next_homework,
    "SELECT l.id, TO_DAYS(l.on_date), DATE_FORMAT(l.on_date, '%d.%m'),"
    " l.group_id, l.subject_id, s.name, l.homework, hs.student_id, hs.text"
    " FROM lesson l JOIN subject s ON s.id = l.subject_id"
    " LEFT JOIN homework_student hs ON hs.lesson_id = l.id"
    "   AND hs.student_id IN " DB_IDS
    " WHERE l.group_id IN " DB_IDS " AND l.on_date BETWEEN ? AND ?"
    "   AND (l.homework <> '' OR hs.text IS NOT NULL)");
/* Marks set or changed since a time, and today's absences: the news. */
DB_STMT(q_diary_news,
    "SELECT 1, m.student_id, s.name, m.code, w.name,"
    " DATE_FORMAT(l.on_date, '%d.%m'), m.comment, l.on_date, l.number"
    " FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
    " JOIN lesson l ON l.id = lw.lesson_id"
    " JOIN subject s ON s.id = l.subject_id"
    " JOIN work_kind w ON w.id = lw.work_kind_id"
    " WHERE m.student_id IN " DB_IDS " AND m.changed_at >= ?"
    " UNION ALL SELECT 0, a.student_id, s.name, 'н',"
    " CASE a.reason WHEN 'ill' THEN 'по болезни'"
    "   WHEN 'excused' THEN 'по уважительной причине'"
    "   WHEN 'unexcused' THEN 'без уважительной причины' ELSE '' END,"
    " DATE_FORMAT(l.on_date, '%d.%m'), a.comment, l.on_date, l.number"
    " FROM absence a JOIN lesson l ON l.id = a.lesson_id"
    " JOIN subject s ON s.id = l.subject_id"
    " WHERE a.student_id IN " DB_IDS " AND l.on_date = ?"
    " ORDER BY 8, 9");

#define TO_DAYS_EPOCH	719528L		/* TO_DAYS('1970-01-01') */

static const char *const weekday_names[] = { "", "понедельник", "вторник",
    "среда", "четверг", "пятница", "суббота", "воскресенье" };

static int
in_ids(const long long *ids, int n, long long id)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

int
db_diary_today(struct req *r, const char *prefix, const long long *students,
    int n, const char *since)
{
	long long	(*gids)[DB_ID_SLOTS], all[DB_ID_SLOTS];
	long long	*seen;
	struct tt_slot	*slots;
	const char	*ckey, *key;
	char		 from[11], to[11], today[11], d[11];
	long		 now, *next;
	int		*ng, *nhw, *nmarks, *nabs, *nseen;
	int		 i, k, nall = 0, nslots, rc, first;
	int		 row, kind, cap;

	if (n <= 0)
		return 0;
	if (n > DB_ID_SLOTS)
		n = DB_ID_SLOTS;
	gids = arena_alloc(&r->arena, (size_t)n * sizeof(*gids));
	ng = arena_alloc(&r->arena, (size_t)n * sizeof(*ng));
	next = arena_alloc(&r->arena, (size_t)n * sizeof(*next));
	nhw = arena_alloc(&r->arena, (size_t)n * sizeof(*nhw));
	nmarks = arena_alloc(&r->arena, (size_t)n * sizeof(*nmarks));
	nabs = arena_alloc(&r->arena, (size_t)n * sizeof(*nabs));
	nseen = arena_alloc(&r->arena, (size_t)n * sizeof(*nseen));

	/* Each child's groups; all of them for one read of the timetable. */
	for (i = 0; i < n; i++) {
		if ((ng[i] = db_student_group_ids(students[i],
		    gids[i])) == -1)
			return -1;
		for (k = 0; k < ng[i]; k++)
			if (nall < DB_ID_SLOTS && !in_ids(all, nall, gids[i][k]))
				all[nall++] = gids[i][k];
	}
	now = clock_today();
	date_format(now, today);
	date_format(now - HW_HORIZON, from);
	date_format(now + HW_HORIZON, to);
	if ((nslots = db_tt_slots(r, all, nall, from, to, &slots)) == -1)
		return -1;

	/* The next school day of each child, its lessons and the first. */
	for (i = 0; i < n; i++) {
		ckey = arena_printf(&r->arena, "%s.%d", prefix, i);
		next[i] = 0;
		first = -1;
		rc = 0;
		for (k = 0; k < nslots; k++) {
			if (slots[k].day <= now ||
			    (next[i] != 0 && slots[k].day != next[i]) ||
			    !in_ids(gids[i], ng[i], slots[k].group_id))
				continue;
			next[i] = slots[k].day;
			if (first == -1)
				first = k;
			rc++;
		}
		if (next[i] == 0)
			continue;
		date_format(next[i], d);
		key = arena_printf(&r->arena, "%s.Next", ckey);
		req_set(r, arena_printf(&r->arena, "%s.date", key), d);
		req_setf(r, arena_printf(&r->arena, "%s.label", key),
		    "%s%s %.2s.%.2s", next[i] == now + 1 ? "завтра, " : "",
		    weekday_names[tt_weekday(d)], d + 8, d + 5);
		req_setf(r, arena_printf(&r->arena, "%s.count", key), "%d", rc);
		req_set(r, arena_printf(&r->arena, "%s.first_subject", key),
		    slots[first].subject);
		if (slots[first].number > 0)
			req_setf(r, arena_printf(&r->arena,
			    "%s.first_number", key), "%d", slots[first].number);
	}

	/* The homework due then: set at a lesson whose next lesson of the
	 * subject (the due-day rule of the diary's week) is that day. */
	date_format(now - HW_HORIZON, from);
	if (db_query(&q_diary_next_homework, "IIss", students, (size_t)n,
	    all, (size_t)nall, from, today) == -1)
		return -1;
	cap = 64;
	seen = arena_alloc(&r->arena, (size_t)n * (size_t)cap * sizeof(*seen));
	while ((rc = db_next(&q_diary_next_homework)) == 1) {
		struct db_stmt	*q = &q_diary_next_homework;
		long		 day = (long)db_int(q, 1) - TO_DAYS_EPOCH;
		long long	 lesson = db_int(q, 0), group = db_int(q, 3);
		long long	 own_for = db_int(q, 7);
		long		 due;

		for (i = 0; i < n; i++) {
			if (next[i] == 0 || !in_ids(gids[i], ng[i], group))
				continue;
			due = due_day(slots, nslots, group, db_int(q, 4), day);
			if (due != next[i])
				continue;
			ckey = arena_printf(&r->arena, "%s.%d.Homework", prefix,
			    i);
			/* The group's homework once per lesson (a row per
			 * child with their own). */
			if (*db_str(q, 6) != '\0') {
				for (k = 0; k < nseen[i] &&
				    seen[i * cap + k] != lesson; k++)
					continue;
				if (k == nseen[i]) {
					if (nseen[i] < cap)
						seen[i * cap + nseen[i]++] =
						    lesson;
					key = arena_printf(&r->arena, "%s.%d",
					    ckey, nhw[i]++);
					req_set(r, arena_printf(&r->arena,
					    "%s.subject", key), db_str(q, 5));
					req_set(r, arena_printf(&r->arena,
					    "%s.text", key), db_str(q, 6));
					req_set(r, arena_printf(&r->arena,
					    "%s.given", key), db_str(q, 2));
				}
			}
			if (own_for == students[i] && db_str(q, 8) != NULL) {
				key = arena_printf(&r->arena, "%s.%d", ckey,
				    nhw[i]++);
				req_set(r, arena_printf(&r->arena, "%s.subject",
				    key), db_str(q, 5));
				req_set(r, arena_printf(&r->arena, "%s.text",
				    key), db_str(q, 8));
				req_set(r, arena_printf(&r->arena, "%s.given",
				    key), db_str(q, 2));
				req_set(r, arena_printf(&r->arena, "%s.own",
				    key), "1");
			}
		}
	}
	if (rc == -1)
		return -1;

	/* Marks since the last visit (or today), today's absences. */
	if (db_query(&q_diary_news, "IsIs", students, (size_t)n, since,
	    students, (size_t)n, today) == -1)
		return -1;
	while ((rc = db_next(&q_diary_news)) == 1) {
		kind = (int)db_int(&q_diary_news, 0);
		for (i = 0; i < n && students[i] != db_int(&q_diary_news, 1);
		    i++)
			continue;
		if (i == n)
			continue;
		row = kind ? nmarks[i]++ : nabs[i]++;
		key = arena_printf(&r->arena, "%s.%d.%s.%d", prefix, i,
		    kind ? "Marks" : "Absences", row);
		req_set(r, arena_printf(&r->arena, "%s.subject", key),
		    db_str(&q_diary_news, 2));
		req_set(r, arena_printf(&r->arena, "%s.code", key),
		    db_str(&q_diary_news, 3));
		req_set(r, arena_printf(&r->arena, "%s.what", key),
		    db_str(&q_diary_news, 4));
		req_set(r, arena_printf(&r->arena, "%s.day", key),
		    db_str(&q_diary_news, 5));
		req_set(r, arena_printf(&r->arena, "%s.comment", key),
		    db_str(&q_diary_news, 6));
	}
	if (rc == -1)
		return -1;
	return n;
}
