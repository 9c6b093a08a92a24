/*
 * diary.c: the diary's pages for a student.  One query per kind of thing
 * (subjects, marks, averages, attendance, period marks), nested in C by
 * the subject's id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ClearSilver.h>

#include "db.h"
#include "diary.h"
#include "groups.h"
#include "journal.h"
#include "sqlnames.h"

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
    " FROM " GROUP_MEMBERS_SQL " gm"
    " JOIN assignment a ON a.group_id = gm.group_id AND a.year_id = ?"
    " JOIN subject s ON s.id = a.subject_id"
    " JOIN person t ON t.id = a.teacher_id"
    " WHERE gm.student_id = ?"
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
    " FROM " GROUP_MEMBERS_SQL " gm"
    " JOIN lesson l ON l.group_id = gm.group_id"
    "   AND l.on_date BETWEEN ? AND ?"
    " LEFT JOIN absence a ON a.lesson_id = l.id"
    "   AND a.student_id = gm.student_id"
    " WHERE gm.student_id = ? GROUP BY l.subject_id");
DB_STMT(q_diary_period_marks,
    "SELECT subject_id, kind, period_id,"
    " CASE WHEN code IS NOT NULL THEN code WHEN is_na = 1 THEN 'н/а'"
    "   ELSE CONCAT('отсрочка до ', DATE_FORMAT(deferred_until, '%d.%m'))"
    " END FROM period_mark WHERE student_id = ? AND year_id = ?");

#define CHART_W	200
#define CHART_H	40

int
db_diary_student(struct _hdf *hdf, long long student_id, long long *year,
    int *grade)
{
	int	 rc;

	if ((rc = db_row_hdf(hdf, "Student", &q_diary_student, "l",
	    student_id)) != 1)
		return rc;
	*year = atoll(hdf_get_value(hdf, "Student.year_id", "0"));
	*grade = atoi(hdf_get_value(hdf, "Student.grade", "0"));
	if (db_query_hdf(hdf, "Periods", &q_diary_periods, "ld", *year,
	    *grade) == -1)
		return -1;
	return 1;
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
db_diary_marks(struct _hdf *hdf, long long student_id, long long year_id,
    long long period_id, const char *starts, const char *ends)
{
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
	if (db_query(&q_diary_subjects, "ll", year_id, student_id) == -1)
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
	days = 1;
	{
		struct tm	 a = { 0 }, b = { 0 };

		if (sscanf(starts, "%d-%d-%d", &a.tm_year, &a.tm_mon,
		    &a.tm_mday) == 3 && sscanf(ends, "%d-%d-%d", &b.tm_year,
		    &b.tm_mon, &b.tm_mday) == 3) {
			a.tm_year -= 1900, b.tm_year -= 1900;
			a.tm_mon--, b.tm_mon--;
			a.tm_hour = b.tm_hour = 12;
			days = (int)((timegm(&b) - timegm(&a)) / 86400);
			if (days < 1)
				days = 1;
		}
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
	if (db_query(&q_diary_attendance, "ssl", starts, ends,
	    student_id) == -1)
		goto out;
	while ((rc = db_next(&q_diary_attendance)) == 1)
		if ((row = idindex_find(&byid,
		    db_int(&q_diary_attendance, 0))) >= 0)
			columns(hdf, &q_diary_attendance, row, att_cols);
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
