/*
 * marks.c: the journal grid, its cells (marks and absences), the rules on
 * every write and the remarks shown to the teacher (see marks.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "db.h"
#include "groups.h"
#include "journal.h"
#include "marks.h"
#include "objects.h"
#include "settings.h"
#include "sqlnames.h"

#define ABSENT	"н"

/* The grade of a group: its class's, for a stream its youngest member's. */
#define GROUP_GRADE_SQL(g) \
	"COALESCE((SELECT c.grade FROM class c WHERE c.id = " g ".class_id)," \
	" (SELECT MIN(c.grade) FROM group_student gs JOIN class_student cs" \
	"   ON cs.student_id = gs.student_id AND cs.left_on IS NULL" \
	"   JOIN class c ON c.id = cs.class_id WHERE gs.group_id = " g ".id))"

DB_STMT(q_head,
    "SELECT g.id AS group_id, g.name AS `group`, g.year_id, s.id AS"
    " subject_id, s.name AS subject, " GROUP_GRADE_SQL("g") " AS grade,"
    " (SELECT a.hours FROM assignment a WHERE a.group_id = g.id"
    "   AND a.subject_id = s.id ORDER BY a.id LIMIT 1) AS hours,"
    " CURDATE() AS today FROM `groups` g JOIN subject s"
    " ON s.school_id = g.school_id WHERE g.id = ? AND s.id = ?"
    " AND g.school_id = ?");
DB_STMT(q_periods,
    "SELECT p.id, p.name, p.starts_on, p.ends_on,"
    " CURDATE() BETWEEN p.starts_on AND p.ends_on AS now,"
    " p.starts_on <= CURDATE() AS begun"
    " FROM period p WHERE p.year_id = ? AND ? BETWEEN p.grade_from"
    " AND p.grade_to ORDER BY p.starts_on");
DB_STMT(q_students,
    "SELECT p.id, " FULL_NAME("p") " AS name FROM " GROUP_MEMBERS_SQL " gm"
    " JOIN person p ON p.id = gm.student_id WHERE gm.group_id = ?"
    " ORDER BY p.last_name, p.first_name, p.middle_name, p.id");
DB_STMT(q_lessons,
    "SELECT l.id, l.on_date, DATE_FORMAT(l.on_date, '%d.%m'), l.number,"
    " l.topic, l.covered, l.homework, lw.id, wk.short_name, wk.name,"
    " l.substitute_for IS NOT NULL, " FULL_NAME("tp") ","
    " (SELECT GROUP_CONCAT(CONCAT(" FULL_NAME("hp") ", ': ', hs.text)"
    "   SEPARATOR '; ') FROM homework_student hs JOIN person hp"
    "   ON hp.id = hs.student_id WHERE hs.lesson_id = l.id)"
    " FROM lesson l JOIN lesson_work lw ON lw.lesson_id = l.id"
    " JOIN work_kind wk ON wk.id = lw.work_kind_id"
    " JOIN person tp ON tp.id = l.teacher_id"
    " WHERE l.group_id = ? AND l.subject_id = ?"
    " AND l.on_date BETWEEN ? AND ?"
    " ORDER BY l.on_date, l.number, l.id, lw.sort, lw.id");
DB_STMT(q_marks,
    "SELECT m.lesson_work_id, m.student_id, m.code, m.id"
    " FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
    " JOIN lesson l ON l.id = lw.lesson_id WHERE l.group_id = ?"
    " AND l.subject_id = ? AND l.on_date BETWEEN ? AND ?");
DB_STMT(q_absences,
    "SELECT a.lesson_id, a.student_id FROM absence a"
    " JOIN lesson l ON l.id = a.lesson_id WHERE l.group_id = ?"
    " AND l.subject_id = ? AND l.on_date BETWEEN ? AND ?");
DB_STMT(q_averages,
    "SELECT m.student_id, REPLACE(ROUND(" MARK_AVG("m") ", 2), '.', ','),"
    " REPLACE(ROUND(" MARK_WAVG("m", "w") ", 2), '.', ','), COUNT(*)"
    " FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
    " JOIN work_kind w ON w.id = lw.work_kind_id"
    " JOIN lesson l ON l.id = lw.lesson_id WHERE l.group_id = ?"
    " AND l.subject_id = ? AND l.on_date BETWEEN ? AND ?"
    " GROUP BY m.student_id");

/*
 * The remarks (R23, R25, R27), one query.  Simplification of R23's
 * homework deadline: homework_at is compared with the end of the lesson's
 * own bell (the day's last bell when the lesson has no number) plus
 * homework_deadline_hours, not with the teacher's last lesson of the day.
 * R27: the minimum is min_marks_per_period for up to 1 hour a week, plus
 * one mark for each further hour.
 */
#define NOTE_LESSONS \
	" FROM lesson l WHERE l.group_id = ? AND l.subject_id = ?" \
	" AND l.on_date BETWEEN ? AND ?"
#define NOTE_MARKS \
	" FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id" \
	" JOIN lesson l ON l.id = lw.lesson_id" \
	" JOIN person p ON p.id = m.student_id" \
	" WHERE l.group_id = ? AND l.subject_id = ?" \
	" AND l.on_date BETWEEN ? AND ?"
#define NOTE_BAD \
	" AND EXISTS (SELECT 1 FROM subject_scale ss JOIN scale_value sv" \
	"   ON sv.scale_id = ss.scale_id AND sv.code = m.code" \
	"   WHERE ss.subject_id = l.subject_id AND ss.grade = ?" \
	"   AND sv.is_pass = 0)"
DB_STMT(q_notes_lessons,
    "SELECT 'late_lesson' AS kind, l.on_date AS d,"
    " DATE_FORMAT(l.on_date, '%d.%m.%Y') AS date, '' AS student,"
    " '' AS code, DATE_FORMAT(l.created_at, '%d.%m.%Y') AS extra"
    NOTE_LESSONS " AND DATE(l.created_at) > l.on_date"
    " UNION ALL SELECT 'late_homework', l.on_date,"
    " DATE_FORMAT(l.on_date, '%d.%m.%Y'), '', '',"
    " DATE_FORMAT(l.homework_at, '%d.%m.%Y %H:%i')" NOTE_LESSONS
    " AND l.homework_at > TIMESTAMP(l.on_date, COALESCE((SELECT b.ends_at"
    "   FROM bell b WHERE b.year_id = l.year_id AND b.shift = 1"
    "   AND b.number = l.number), (SELECT MAX(b2.ends_at) FROM bell b2"
    "   WHERE b2.year_id = l.year_id), '23:59:59')) + INTERVAL ? HOUR"
    " UNION ALL SELECT 'few_marks', '9999-12-31', '', " FULL_NAME("p") ","
    " COUNT(x.id), ?"
    " FROM " GROUP_MEMBERS_SQL " gm JOIN person p ON p.id = gm.student_id"
    " LEFT JOIN (SELECT m.id, m.student_id FROM mark m JOIN lesson_work lw"
    "   ON lw.id = m.lesson_work_id JOIN lesson l ON l.id = lw.lesson_id"
    "   WHERE l.group_id = ? AND l.subject_id = ?"
    "   AND l.on_date BETWEEN ? AND ?) x ON x.student_id = gm.student_id"
    " WHERE gm.group_id = ? GROUP BY p.id, p.last_name, p.first_name,"
    " p.middle_name HAVING COUNT(x.id) < ?"
    " ORDER BY d, kind, student");
DB_STMT(q_notes_marks,
    "SELECT 'late_mark' AS kind, l.on_date AS d,"
    " DATE_FORMAT(l.on_date, '%d.%m.%Y') AS date, " FULL_NAME("p") " AS student,"
    " m.code AS code,"
    " DATE_FORMAT(m.set_at, '%d.%m.%Y') AS extra" NOTE_MARKS
    " AND DATE(m.set_at) > l.on_date + INTERVAL ? DAY"
    " UNION ALL SELECT 'no_retest', l.on_date,"
    " DATE_FORMAT(l.on_date, '%d.%m.%Y'), " FULL_NAME("p") ", m.code, ''"
    NOTE_MARKS NOTE_BAD " AND l.on_date + INTERVAL ? DAY < CURDATE()"
    /* From the journal's own lessons of the next days (index group,
     * subject, date), not from all the student's marks: 54 ms → 1 ms. */
    " AND NOT EXISTS (SELECT 1 FROM lesson l2 JOIN lesson_work lw2"
    "   ON lw2.lesson_id = l2.id JOIN mark m2 ON m2.lesson_work_id = lw2.id"
    "   AND m2.student_id = m.student_id"
    "   WHERE l2.group_id = l.group_id AND l2.subject_id = l.subject_id"
    "   AND l2.on_date > l.on_date"
    "   AND l2.on_date <= l.on_date + INTERVAL ? DAY)"
    " UNION ALL SELECT 'after_absence', l.on_date,"
    " DATE_FORMAT(l.on_date, '%d.%m.%Y'), " FULL_NAME("p") ", m.code, ''"
    /* Missed each of the last N lessons before this one: the N-th
     * previous lesson's date by the (group, subject, date) index, then
     * no lesson from it on without an absence (0.5 ms a bad mark less). */
    NOTE_MARKS NOTE_BAD " AND (SELECT l6.on_date FROM lesson l6"
    "   WHERE l6.group_id = l.group_id AND l6.subject_id = l.subject_id"
    "   AND l6.on_date < l.on_date ORDER BY l6.on_date DESC, l6.id DESC"
    "   LIMIT 1 OFFSET ?) IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM lesson l4 WHERE l4.group_id = l.group_id"
    "   AND l4.subject_id = l.subject_id AND l4.on_date < l.on_date"
    "   AND l4.on_date >= (SELECT l7.on_date FROM lesson l7"
    "     WHERE l7.group_id = l.group_id AND l7.subject_id = l.subject_id"
    "     AND l7.on_date < l.on_date ORDER BY l7.on_date DESC, l7.id DESC"
    "     LIMIT 1 OFFSET ?)"
    "   AND NOT EXISTS (SELECT 1 FROM absence a4 WHERE a4.lesson_id = l4.id"
    "     AND a4.student_id = m.student_id))"
    " UNION ALL SELECT 'after_holiday', l.on_date,"
    " DATE_FORMAT(l.on_date, '%d.%m.%Y'), " FULL_NAME("p") ", m.code, ''"
    NOTE_MARKS NOTE_BAD " AND EXISTS (SELECT 1 FROM holiday h"
    "   WHERE h.year_id = l.year_id AND ? BETWEEN h.grade_from AND h.grade_to"
    "   AND h.ends_on < l.on_date AND h.ends_on >= COALESCE((SELECT"
    "     MAX(l5.on_date) FROM lesson l5 WHERE l5.group_id = l.group_id"
    "     AND l5.subject_id = l.subject_id AND l5.on_date < l.on_date),"
    "     h.starts_on))"
    " ORDER BY d, kind, student");

/* A setting as a number, with the seeds' default when set nowhere. */
static long long
rule(long long school_id, const char *name, long long def)
{
	long long	 v = def;

	if (setting_int(school_id, name, &v) == -1)
		return def;
	return v;
}

struct col {
	long long	 work_id;
	int		 lesson;	/* index into lessons */
};

static int
load_notes(struct req *r, long long group_id, long long subject_id,
    const char *from, const char *to, int grade, double hours)
{
	long long	 sid = r->sess.school_id, need, absent_offset;

	/* The N-th lesson back is OFFSET N - 1 (N at least 1). */
	absent_offset = rule(sid, "long_absence_lessons", 3) - 1;
	if (absent_offset < 0)
		absent_offset = 0;
	need = rule(sid, "min_marks_per_period", 3);
	if (hours > 1)
		need += (long long)(hours + 0.99) - 1;
	if (db_query_hdf(r->hdf, "Notes", &q_notes_lessons,
	    "llss" "llssl" "l" "llssll",
	    group_id, subject_id, from, to,
	    group_id, subject_id, from, to,
	    rule(sid, "homework_deadline_hours", 2),
	    need,
	    group_id, subject_id, from, to, group_id, need) == -1)
		return -1;
	return db_query_hdf(r->hdf, "MarkNotes", &q_notes_marks,
	    "llssl" "llssdll" "llssdll" "llssdd",
	    group_id, subject_id, from, to, rule(sid, "mark_due_days", 7),
	    group_id, subject_id, from, to, grade,
	    rule(sid, "retest_days", 4), rule(sid, "retest_days", 4),
	    group_id, subject_id, from, to, grade, absent_offset, absent_offset,
	    group_id, subject_id, from, to, grade, grade);
}

int
journal_load(struct req *r, long long group_id, long long subject_id,
    long long period_id)
{
	struct idindex	 sidx = { 0 }, widx = { 0 }, lidx = { 0 };
	struct col	*cols = NULL;
	const char	***cell = NULL, ***mid = NULL;
	char		**absent = NULL;
	const char	*from = NULL, *to = NULL, *v;
	long long	 lastl = 0, id;
	int		 rc, n, ns = 0, nc = 0, nl = 0, grade, s, c, l, pick = -1;
	int		 status = 500, first;
	double		 hours;

	if ((rc = db_row_hdf(r->hdf, "Journal", &q_head, "lll", group_id,
	    subject_id, r->sess.school_id)) != 1)
		return rc == 0 ? 404 : 500;
	grade = atoi(req_get(r, "Journal.grade", "0"));
	hours = atof(req_get(r, "Journal.hours", "1"));
	/* The period: asked for, else today's, else the last begun. */
	if ((n = db_query_hdf(r->hdf, "Periods", &q_periods, "ld",
	    atoll(req_get(r, "Journal.year_id", "0")), grade)) == -1)
		return 500;
	for (c = 0; c < n; c++) {
		const char *k = arena_printf(&r->arena, "Periods.%d.", c);
		id = atoll(req_get(r, arena_printf(&r->arena, "%sid", k), "0"));
		if (period_id != 0 ? id == period_id :
		    (pick == -1 || strcmp(req_get(r, arena_printf(&r->arena,
		    "%snow", k), "0"), "1") == 0 ||
		    (strcmp(req_get(r, arena_printf(&r->arena, "%sbegun", k),
		    "0"), "1") == 0 && strcmp(req_get(r, arena_printf(
		    &r->arena, "Periods.%d.now", pick), "0"), "1") != 0)))
			pick = c;
	}
	if (pick == -1)
		return 404;
	from = req_get(r, arena_printf(&r->arena, "Periods.%d.starts_on",
	    pick), "");
	to = req_get(r, arena_printf(&r->arena, "Periods.%d.ends_on", pick),
	    "");
	req_set(r, "Journal.period_id", req_get(r, arena_printf(&r->arena,
	    "Periods.%d.id", pick), ""));
	req_set(r, "Journal.period", req_get(r, arena_printf(&r->arena,
	    "Periods.%d.name", pick), ""));

	/* Students. */
	if (db_query(&q_students, "l", group_id) == -1)
		goto out;
	while ((rc = db_next(&q_students)) == 1) {
		idindex_add(&sidx, db_int(&q_students, 0), ns);
		req_set(r, arena_printf(&r->arena, "Students.%d.id", ns),
		    db_str(&q_students, 0));
		req_set(r, arena_printf(&r->arena, "Students.%d.name", ns),
		    db_str(&q_students, 1));
		ns++;
	}
	if (rc == -1)
		goto out;

	/* Lessons with their columns, nested in C. */
	if (db_query(&q_lessons, "llss", group_id, subject_id, from, to) == -1)
		goto out;
	while ((rc = db_next(&q_lessons)) == 1) {
		id = db_int(&q_lessons, 0);
		first = id != lastl;
		if (first) {
			const char *k = arena_printf(&r->arena, "Lessons.%d.",
			    nl);
			static const char *const names[] = { "id", "on_date",
			    "date", "number", "topic", "covered", "homework" };
			for (size_t i = 0; i < 7; i++)
				if ((v = db_str(&q_lessons, (unsigned)i)) != NULL)
					req_set(r, arena_printf(&r->arena,
					    "%s%s", k, names[i]), v);
			if (db_int(&q_lessons, 10) == 1)
				req_set(r, arena_printf(&r->arena,
				    "%ssubstitute", k), db_str(&q_lessons, 11));
			if ((v = db_str(&q_lessons, 12)) != NULL)
				req_set(r, arena_printf(&r->arena, "%shw_own",
				    k), v);
			idindex_add(&lidx, id, nl);
			lastl = id;
			nl++;
		}
		req_setf(r, arena_printf(&r->arena, "Lessons.%d.works", nl - 1),
		    "%d", atoi(req_get(r, arena_printf(&r->arena,
		    "Lessons.%d.works", nl - 1), "0")) + 1);
		if ((nc & (nc - 1)) == 0 || nc == 0) {
			struct col *nw = arena_alloc(&r->arena,
			    (size_t)(nc ? nc * 2 : 1) * sizeof(*nw));
			if (nc)
				memcpy(nw, cols, (size_t)nc * sizeof(*nw));
			cols = nw;
		}
		cols[nc].work_id = db_int(&q_lessons, 7);
		cols[nc].lesson = nl - 1;
		idindex_add(&widx, cols[nc].work_id, nc);
		const char *k = arena_printf(&r->arena, "Cols.%d.", nc);
		req_set(r, arena_printf(&r->arena, "%swork", k),
		    db_str(&q_lessons, 7));
		req_set(r, arena_printf(&r->arena, "%slesson", k),
		    db_str(&q_lessons, 0));
		req_set(r, arena_printf(&r->arena, "%sshort", k),
		    db_str(&q_lessons, 8));
		req_set(r, arena_printf(&r->arena, "%sname", k),
		    db_str(&q_lessons, 9));
		req_set(r, arena_printf(&r->arena, "%sdate", k),
		    db_str(&q_lessons, 2));
		if (first)
			req_set(r, arena_printf(&r->arena, "%sfirst", k), "1");
		nc++;
	}
	if (rc == -1)
		goto out;
	/* The number of columns of each lesson, on its first column. */
	for (c = 0; c < nc; c++)
		if (c == 0 || cols[c].lesson != cols[c - 1].lesson)
			req_set(r, arena_printf(&r->arena, "Cols.%d.span", c),
			    req_get(r, arena_printf(&r->arena,
			    "Lessons.%d.works", cols[c].lesson), "1"));

	cell = arena_alloc(&r->arena, (size_t)(ns + 1) * sizeof(*cell));
	mid = arena_alloc(&r->arena, (size_t)(ns + 1) * sizeof(*mid));
	absent = arena_alloc(&r->arena, (size_t)(ns + 1) * sizeof(*absent));
	for (s = 0; s < ns; s++) {
		cell[s] = arena_alloc(&r->arena, (size_t)(nc + 1) *
		    sizeof(**cell));
		mid[s] = arena_alloc(&r->arena, (size_t)(nc + 1) *
		    sizeof(**mid));
		absent[s] = arena_alloc(&r->arena, (size_t)nl + 1);
		memset(cell[s], 0, (size_t)(nc + 1) * sizeof(**cell));
		memset(mid[s], 0, (size_t)(nc + 1) * sizeof(**mid));
		memset(absent[s], 0, (size_t)nl + 1);
	}
	if (db_query(&q_marks, "llss", group_id, subject_id, from, to) == -1)
		goto out;
	while ((rc = db_next(&q_marks)) == 1) {
		c = idindex_find(&widx, db_int(&q_marks, 0));
		s = idindex_find(&sidx, db_int(&q_marks, 1));
		if (c < 0 || s < 0)
			continue;	/* a student who left the group */
		cell[s][c] = arena_strdup(&r->arena, db_str(&q_marks, 2));
		mid[s][c] = arena_strdup(&r->arena, db_str(&q_marks, 3));
	}
	if (rc == -1 || db_query(&q_absences, "llss", group_id, subject_id,
	    from, to) == -1)
		goto out;
	while ((rc = db_next(&q_absences)) == 1) {
		l = idindex_find(&lidx, db_int(&q_absences, 0));
		s = idindex_find(&sidx, db_int(&q_absences, 1));
		if (l >= 0 && s >= 0)
			absent[s][l] = 1;
	}
	if (rc == -1 || db_query(&q_averages, "llss", group_id, subject_id,
	    from, to) == -1)
		goto out;
	while ((rc = db_next(&q_averages)) == 1) {
		if ((s = idindex_find(&sidx, db_int(&q_averages, 0))) < 0)
			continue;
		if ((v = db_str(&q_averages, 1)) != NULL)
			req_set(r, arena_printf(&r->arena, "Students.%d.avg",
			    s), v);
		if ((v = db_str(&q_averages, 2)) != NULL)
			req_set(r, arena_printf(&r->arena, "Students.%d.wavg",
			    s), v);
		req_set(r, arena_printf(&r->arena, "Students.%d.count", s),
		    db_str(&q_averages, 3));
	}
	if (rc == -1)
		goto out;
	for (s = 0; s < ns; s++)
		for (c = 0; c < nc; c++) {
			const char *k = arena_printf(&r->arena,
			    "Students.%d.C.%d.", s, c);
			v = cell[s][c] != NULL ? cell[s][c] :
			    absent[s][cols[c].lesson] ? ABSENT : NULL;
			req_set(r, arena_printf(&r->arena, "%sw", k),
			    req_get(r, arena_printf(&r->arena, "Cols.%d.work",
			    c), ""));
			req_set(r, arena_printf(&r->arena, "%sl", k),
			    req_get(r, arena_printf(&r->arena,
			    "Cols.%d.lesson", c), ""));
			if (v != NULL)
				req_set(r, arena_printf(&r->arena, "%sv", k),
				    v);
			if (mid[s][c] != NULL)
				req_set(r, arena_printf(&r->arena, "%sm", k),
				    mid[s][c]);
		}
	if (load_notes(r, group_id, subject_id, from, to, grade, hours) == -1)
		goto out;
	status = 200;
out:
	idindex_free(&sidx);
	idindex_free(&widx);
	idindex_free(&lidx);
	return status;
}

/* Everything a cell write needs to decide, in one row. */
DB_STMT(q_cell_state,
    "SELECT l.id, l.group_id, l.subject_id, l.on_date,"
    " (SELECT c.grade FROM class_student cs JOIN class c"
    "   ON c.id = cs.class_id WHERE cs.student_id = ? AND c.year_id = l.year_id"
    "   ORDER BY cs.left_on IS NULL DESC LIMIT 1) AS grade,"
    " EXISTS (SELECT 1 FROM " GROUP_MEMBERS_SQL " gm WHERE gm.group_id ="
    "   l.group_id AND gm.student_id = ?) AS member,"
    " m.id, m.code, (m.set_at > NOW() - INTERVAL ? DAY"
    "   OR m.unlocked_until > NOW()) AS editable,"
    " EXISTS (SELECT 1 FROM absence a WHERE a.lesson_id = l.id"
    "   AND a.student_id = ?) AS absent"
    " FROM lesson_work lw JOIN lesson l ON l.id = lw.lesson_id"
    " LEFT JOIN mark m ON m.lesson_work_id = lw.id AND m.student_id = ?"
    " WHERE lw.id = ? AND l.school_id = ? FOR UPDATE");
DB_STMT(q_scale_value,
    "SELECT sv.num, sv.is_plus_minus, (SELECT GROUP_CONCAT(v2.code"
    "   ORDER BY v2.sort SEPARATOR ', ') FROM scale_value v2"
    "   WHERE v2.scale_id = ss.scale_id AND (v2.is_plus_minus = 0 OR ? = 1))"
    " FROM subject_scale ss LEFT JOIN scale_value sv"
    " ON sv.scale_id = ss.scale_id AND sv.code = ?"
    " WHERE ss.subject_id = ? AND ss.grade = ?");
DB_STMT(q_mark_insert,
    "INSERT INTO mark (lesson_work_id, student_id, code, num, set_by)"
    " VALUES (?, ?, ?, ?, ?)");
DB_STMT(q_mark_update,
    "UPDATE mark SET code = ?, num = ?, set_by = ?, changed_at = NOW()"
    " WHERE id = ?");
DB_STMT(q_mark_delete, "DELETE FROM mark WHERE id = ?");
DB_STMT(q_absence_insert,
    "INSERT IGNORE INTO absence (lesson_id, student_id, set_by)"
    " VALUES (?, ?, ?)");
DB_STMT(q_absence_delete,
    "DELETE FROM absence WHERE lesson_id = ? AND student_id = ?");

/* «н», «Н» and the Latin n the keyboard may give: all mean absent. */
static int
is_absent(const char *v)
{
	return strcmp(v, ABSENT) == 0 || strcmp(v, "Н") == 0 ||
	    strcmp(v, "n") == 0 || strcmp(v, "N") == 0;
}

enum cell_res
cell_write(struct req *r, long long group_id, long long subject_id,
    long long work_id, long long student_id, const char *value,
    const char *old, const char **current, const char **msg)
{
	struct db_stmt	*q = &q_cell_state;
	const char	*date, *cur, *code = NULL, *num = NULL, *allowed;
	char		 nomarks[64], gradestr[8];
	long long	 sid = r->sess.school_id, lesson_id, mark_id = 0;
	long long	 edit_days, plusminus;
	int		 grade, member, editable, absent, rc;
	enum obj_res	 ok;

	*msg = NULL;
	*current = "";
	edit_days = rule(sid, "mark_edit_days", 14);
	if (db_query(q, "llllll" "l", student_id, student_id, edit_days,
	    student_id, student_id, work_id, sid) == -1 ||
	    (rc = db_next(q)) == -1)
		return CELL_ERROR;
	if (rc == 0)
		return CELL_MISSING;
	lesson_id = db_int(q, 0);
	if (db_int(q, 1) != group_id || db_int(q, 2) != subject_id) {
		db_done(q);
		return CELL_MISSING;
	}
	date = arena_strdup(&r->arena, db_str(q, 3));
	grade = db_str(q, 4) != NULL ? (int)db_int(q, 4) : 0;
	member = db_int(q, 5) == 1;
	if (db_str(q, 6) != NULL) {
		mark_id = db_int(q, 6);
		code = arena_strdup(&r->arena, db_str(q, 7));
	}
	editable = db_int(q, 8) == 1;
	absent = db_int(q, 9) == 1;
	db_done(q);

	if ((ok = obj_journal_write(r, group_id, subject_id, date)) != OBJ_OK)
		return ok == OBJ_ERROR ? CELL_ERROR : ok == OBJ_MISSING ?
		    CELL_MISSING : CELL_DENIED;
	if (!member) {
		*msg = "Этого ученика нет в группе.";
		return CELL_REFUSED;
	}
	cur = code != NULL ? code : absent ? ABSENT : "";
	*current = cur;
	if (old == NULL)
		old = "";
	if (is_absent(old))
		old = ABSENT;
	if (strcmp(old, cur) != 0) {
		*msg = "Эту клетку уже изменили: показано текущее значение.";
		return CELL_CONFLICT;
	}
	if (value == NULL)
		value = "";
	if (is_absent(value))
		value = ABSENT;
	if (strcmp(value, cur) == 0)
		return CELL_OK;		/* nothing to change */
	/* Changing or clearing a mark: only within the window (R23). */
	if (mark_id != 0 && !editable) {
		*msg = arena_printf(&r->arena, "Отметку можно исправить только"
		    " в течение %lld дн. после выставления; позже — после"
		    " разрешения администрации.", edit_days);
		return CELL_REFUSED;
	}
	if (*value != '\0' && strcmp(value, ABSENT) != 0) {
		/* R24: grades with no marks at all. */
		if (setting_str(sid, "no_marks_grades", nomarks,
		    sizeof(nomarks)) == -1)
			return CELL_ERROR;
		snprintf(gradestr, sizeof(gradestr), "%d", grade);
		for (char *t = nomarks, *tok; (tok = strsep(&t, ", ")) != NULL;)
			if (*tok != '\0' && strcmp(tok, gradestr) == 0) {
				*msg = arena_printf(&r->arena, "В %d классе"
				    " отметки не ставятся.", grade);
				return CELL_REFUSED;
			}
		plusminus = rule(sid, "five_point_plus_minus", 0);
		if (db_query(&q_scale_value, "lsld", plusminus, value,
		    subject_id, grade) == -1 ||
		    (rc = db_next(&q_scale_value)) == -1)
			return CELL_ERROR;
		if (rc == 0) {
			*msg = "Для этого предмета в этой параллели не задана"
			    " шкала оценивания.";
			return CELL_REFUSED;
		}
		allowed = arena_strdup(&r->arena, db_str(&q_scale_value, 2) ?
		    db_str(&q_scale_value, 2) : "");
		rc = db_str(&q_scale_value, 1) != NULL &&
		    (db_int(&q_scale_value, 1) == 0 || plusminus == 1);
		if (db_str(&q_scale_value, 0) != NULL)
			num = arena_strdup(&r->arena, db_str(&q_scale_value, 0));
		db_done(&q_scale_value);
		if (!rc) {
			*msg = arena_printf(&r->arena, "Такой отметки нет в"
			    " шкале предмета. Допустимо: %s или «н».", allowed);
			return CELL_REFUSED;
		}
		if (mark_id != 0) {
			if (db_exec(&q_mark_update, "ssll", value, num,
			    r->sess.account_id, mark_id) < 0)
				return CELL_ERROR;
		} else if (db_exec(&q_mark_insert, "llssl", work_id,
		    student_id, value, num, r->sess.account_id) != 1)
			return CELL_ERROR;
		/* A student with a mark was at the lesson. */
		if (absent && db_exec(&q_absence_delete, "ll", lesson_id,
		    student_id) < 0)
			return CELL_ERROR;
	} else if (strcmp(value, ABSENT) == 0) {
		if ((mark_id != 0 && db_exec(&q_mark_delete, "l",
		    mark_id) < 0) || db_exec(&q_absence_insert, "lll",
		    lesson_id, student_id, r->sess.account_id) < 0)
			return CELL_ERROR;
	} else if (mark_id != 0) {
		if (db_exec(&q_mark_delete, "l", mark_id) < 0)
			return CELL_ERROR;
	} else if (db_exec(&q_absence_delete, "ll", lesson_id,
	    student_id) < 0)
		return CELL_ERROR;
	if (audit_add(r, strcmp(value, ABSENT) == 0 || (code == NULL &&
	    *value == '\0') ? "absence" : "mark", "person", student_id, cur,
	    arena_printf(&r->arena, "%s (lesson %lld, work %lld)", value,
	    lesson_id, work_id)) == -1)
		return CELL_ERROR;
	*current = value;
	return CELL_OK;
}

int
cell_writes_undo(void)
{
	if (db_in_trans() && db_rollback() == -1)
		return -1;
	return db_begin();
}

DB_STMT(q_mark_get,
    "SELECT m.id, m.code, " FULL_NAME("p") " AS student, l.group_id,"
    " l.subject_id, DATE_FORMAT(l.on_date, '%d.%m.%Y') AS date,"
    " wk.name AS work, DATE_FORMAT(m.set_at, '%d.%m.%Y %H:%i') AS set_at,"
    " DATE_FORMAT(m.unlocked_until, '%d.%m.%Y %H:%i') AS unlocked_until,"
    " NOT (m.set_at > NOW() - INTERVAL ? DAY OR m.unlocked_until > NOW())"
    " AS locked, g.name AS `group`, s.name AS subject"
    " FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
    " JOIN work_kind wk ON wk.id = lw.work_kind_id"
    " JOIN lesson l ON l.id = lw.lesson_id JOIN person p ON p.id = m.student_id"
    " JOIN `groups` g ON g.id = l.group_id JOIN subject s ON s.id = l.subject_id"
    " WHERE m.id = ? AND l.school_id = ?");

int
db_mark_get(struct req *r, const char *prefix, long long mark_id)
{
	return db_row_hdf(r->hdf, prefix, &q_mark_get, "lll",
	    rule(r->sess.school_id, "mark_edit_days", 14), mark_id,
	    r->sess.school_id);
}

DB_STMT(q_mark_unlock,
    "UPDATE mark SET unlocked_until = NOW() + INTERVAL 1 DAY WHERE id = ?");

int
mark_unlock(struct req *r, long long mark_id, const char *reason)
{
	if (db_exec(&q_mark_unlock, "l", mark_id) < 0)
		return -1;
	return audit_add(r, "mark_unlock", "mark", mark_id, NULL,
	    arena_printf(&r->arena, "до завтра: %s", reason));
}
