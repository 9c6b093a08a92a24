/*
 * diary.c: the diary's pages for a student.  One query per kind of thing
 * (subjects, marks, averages, attendance, period marks), nested in C by
 * the subject's id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "db.h"
#include "diary.h"
#include "groups.h"
#include "journal.h"
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
	int	 rc;

	snprintf(name, sizeof(name), "%sStudent", prefix);
	if ((rc = db_row_hdf(hdf, name, &q_diary_student, "l",
	    student_id)) != 1)
		return rc;
	snprintf(name, sizeof(name), "%sStudent.year_id", prefix);
	*year = atoll(hdf_get_value(hdf, name, "0"));
	snprintf(name, sizeof(name), "%sStudent.grade", prefix);
	*grade = atoi(hdf_get_value(hdf, name, "0"));
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
diary_student_open(struct req *r, long long asked, long long *student,
    long long *year, int *grade)
{
	enum obj_res	 ok;

	*student = 0;
	if ((r->sess.roles & ROLE_PARENT) && db_children_list_by_guardian(
	    r->hdf, "Children", r->sess.person_id) == -1)
		return 500;
	if (asked != 0)
		*student = asked;
	else if (r->sess.roles & ROLE_STUDENT)
		*student = r->sess.person_id;
	else if (r->sess.roles & ROLE_PARENT)
		*student = atoll(req_get(r, "Children.0.id", "0"));
	if (*student == 0) {
		/* Staff open a student's pages from the class; say so. */
		req_set(r, "Page.NoStudent", "1");
		return 200;
	}
	if ((ok = obj_student_diary(r, *student, "Student")) != OBJ_OK)
		return (int)ok;
	*year = atoll(req_get(r, "Student.year_id", "0"));
	*grade = atoi(req_get(r, "Student.grade", "0"));
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
	if ((nids = db_student_group_ids(r, student_id, ids)) == -1 ||
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
 * What was held in the week for the student's groups, one row per mark
 * (a lesson without marks: one row, mark columns NULL), with the
 * student's own homework and absence.  Unsorted: sorting and a derived
 * table made MariaDB's plan cost more than the rows; C orders them.
 */
DB_STMT(q_diary_held,
    "SELECT l.id, DATE_FORMAT(l.on_date, '%Y-%m-%d'), IFNULL(l.number, 0),"
    " l.group_id, s.name, l.topic, l.homework, hs.text,"
    " " SHORT_NAME_SQL("t") ", l.substitute_for IS NOT NULL,"
    " lw.sort, lw.id, m.code, w.short_name, w.name, m.comment,"
    " CASE a.reason WHEN 'ill' THEN 'по болезни'"
    "   WHEN 'excused' THEN 'по уважительной причине'"
    "   WHEN 'unexcused' THEN 'без уважительной причины' ELSE '' END,"
    " a.student_id IS NOT NULL, a.comment"
    " FROM lesson l JOIN subject s ON s.id = l.subject_id"
    " JOIN person t ON t.id = l.teacher_id"
    " LEFT JOIN homework_student hs ON hs.lesson_id = l.id"
    "   AND hs.student_id = ?"
    " LEFT JOIN absence a ON a.lesson_id = l.id AND a.student_id = ?"
    " LEFT JOIN lesson_work lw ON lw.lesson_id = l.id"
    " LEFT JOIN mark m ON m.lesson_work_id = lw.id AND m.student_id = ?"
    " LEFT JOIN work_kind w ON w.id = lw.work_kind_id"
    " WHERE l.group_id IN " DB_IDS
    "   AND l.on_date BETWEEN ? AND DATE_ADD(?, INTERVAL 6 DAY)");

struct held_mark {
	long long	 sort, id;
	const char	*code, *work, *work_name, *comment;
};

struct held {
	long long	 id, group_id;
	const char	*date, *subject, *topic, *homework, *own, *teacher;
	const char	*absent;	/* the reason's text; NULL: present */
	const char	*absent_comment; /* the teacher's, or NULL */
	struct held_mark *marks;
	int		 number, substitute, used, nmarks;
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

/* The week's held lessons in order, each with its marks: the count or -1. */
static int
held_lessons(struct req *r, long long student_id, const char *monday,
    struct held **out)
{
	struct held_row	*rows = NULL, *x;
	struct held	*h;
	struct held_mark *marks;
	long long	 ids[DB_ID_SLOTS];
	size_t		 n = 0, cap = 0, i, k, nm = 0;
	int		 nids, rc, nh = 0;

	*out = NULL;
	if ((nids = db_student_group_ids(r, student_id, ids)) == -1)
		return -1;
	if (db_query(&q_diary_held, "lllIss", student_id, student_id,
	    student_id, ids, (size_t)nids, monday, monday) == -1)
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

/* A held lesson into the page at lkey: topic, homework, marks, absence. */
static void
held_set(struct req *r, const char *lkey, const struct held *x)
{
	const char	*mkey;
	int		 i;

	req_set(r, arena_printf(&r->arena, "%s.topic", lkey), x->topic);
	req_set(r, arena_printf(&r->arena, "%s.homework", lkey), x->homework);
	if (x->own != NULL)
		req_set(r, arena_printf(&r->arena, "%s.own_homework", lkey),
		    x->own);
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

/* The held lesson for a timetable cell: same day, group and subject, the
 * same number if there is one. */
static struct held *
held_for(struct held *h, int n, const char *date, long long group,
    const char *subject, int number)
{
	struct held	*any = NULL;
	int		 i;

	for (i = 0; i < n; i++) {
		if (h[i].used || h[i].group_id != group ||
		    strcmp(h[i].date, date) != 0 ||
		    strcmp(h[i].subject, subject) != 0)
			continue;
		if (h[i].number == number)
			return &h[i];
		if (any == NULL)
			any = &h[i];
	}
	return any;
}

int
db_diary_week(struct req *r, const char *prefix, long long student_id,
    const char *monday)
{
	struct held	*h = NULL, *x;
	char		 key[160], *lkey;
	const char	*date, *v;
	int		 n, d, num, l, k;

	if (db_week_hdf(r, arena_printf(&r->arena, "%sWeek", prefix),
	    TT_STUDENT, student_id, NULL, monday) == -1)
		return -1;
	if ((n = held_lessons(r, student_id, monday, &h)) == -1)
		return -1;

	/* Each day's lessons in order: the timetable's cells, then what was
	 * held outside it. */
	for (d = 1; d <= 7; d++) {
		date = req_get(r, arena_printf(&r->arena, "%sWeek.Days.%d.date",
		    prefix, d), NULL);
		if (date == NULL)
			continue;
		snprintf(key, sizeof(key), "%sDays.%d", prefix, d);
		req_set(r, arena_printf(&r->arena, "%s.date", key), date);
		req_set(r, arena_printf(&r->arena, "%s.name", key), req_get(r,
		    arena_printf(&r->arena, "%sWeek.Days.%d.name", prefix, d), ""));
		req_set(r, arena_printf(&r->arena, "%s.label", key), req_get(r,
		    arena_printf(&r->arena, "%sWeek.Days.%d.label", prefix, d), ""));
		if ((v = req_get(r, arena_printf(&r->arena,
		    "%sWeek.Days.%d.holiday", prefix, d), NULL)) != NULL)
			req_set(r, arena_printf(&r->arena, "%s.holiday", key), v);
		k = 0;
		for (num = 1; num <= 10; num++)
			for (l = 0; ; l++) {
				const char	*c = arena_printf(&r->arena,
				    "%sWeek.Rows.%d.Cells.%d.%d", prefix, num, d,
				    l);
				const char	*subject;

				if ((subject = req_get(r, arena_printf(&r->arena,
				    "%s.subject", c), NULL)) == NULL)
					break;
				lkey = arena_printf(&r->arena,
				    "%sDays.%d.Lessons.%d", prefix, d, k);
				req_setf(r, arena_printf(&r->arena, "%s.number",
				    lkey), "%d", num);
#define COPY(f)	req_set(r, arena_printf(&r->arena, "%s." f, lkey), \
		    req_get(r, arena_printf(&r->arena, "%s." f, c), ""))
				COPY("subject");
				COPY("teacher");
				COPY("room");
				COPY("state");
				COPY("note");
				COPY("reason");
#undef COPY
				req_set(r, arena_printf(&r->arena, "%s.starts",
				    lkey), req_get(r, arena_printf(&r->arena,
				    "%sWeek.Rows.%d.starts", prefix, num), ""));
				req_set(r, arena_printf(&r->arena, "%s.ends",
				    lkey), req_get(r, arena_printf(&r->arena,
				    "%sWeek.Rows.%d.ends", prefix, num), ""));
				x = held_for(h, n, date, atoll(req_get(r,
				    arena_printf(&r->arena, "%s.group_id", c),
				    "0")), subject, num);
				if (x != NULL) {
					x->used = 1;
					held_set(r, lkey, x);
				}
				k++;
			}
		for (l = 0; l < n; l++) {
			x = &h[l];
			if (x->used || strcmp(x->date, date) != 0)
				continue;
			x->used = 1;
			lkey = arena_printf(&r->arena, "%sDays.%d.Lessons.%d",
			    prefix, d, k);
			if (x->number > 0)
				req_setf(r, arena_printf(&r->arena,
				    "%s.number", lkey), "%d", x->number);
			req_set(r, arena_printf(&r->arena, "%s.subject", lkey),
			    x->subject);
			req_set(r, arena_printf(&r->arena, "%s.teacher", lkey),
			    x->teacher);
			req_set(r, arena_printf(&r->arena, "%s.state", lkey),
			    x->substitute ? "substitute" : "normal");
			if (x->substitute)
				req_set(r, arena_printf(&r->arena, "%s.note",
				    lkey), "замена");
			held_set(r, lkey, x);
			k++;
		}
	}
	return 0;
}
