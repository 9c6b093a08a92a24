/*
 * classweek.c: the class teacher's weekly pages.  The check is three
 * queries (the journals, the week's counts per journal, the students with
 * no mark in the period per journal) joined in C by group and subject.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "classweek.h"
#include "clock.h"
#include "db.h"
#include "groups.h"
#include "screen.h"
#include "sqlnames.h"
#include "timetable.h"
#include "util.h"

DB_STMT(q_week_classes,
    "SELECT c.id, " CLASS_NAME("c") " AS name FROM class c"
    " JOIN current_year cy ON cy.year_id = c.year_id"
    " WHERE c.school_id = ? AND (? = 1 OR c.teacher_id = ?)"
    " ORDER BY c.grade, c.letter");
DB_STMT(q_class_week,
    "SELECT c.id AS class_id, " CLASS_NAME("c") " AS class, c.grade,"
    " w.monday, DATE_ADD(w.monday, INTERVAL 6 DAY) AS sunday,"
    " DATE_FORMAT(w.monday, '%d.%m.%Y') AS `from`,"
    " DATE_FORMAT(DATE_ADD(w.monday, INTERVAL 6 DAY), '%d.%m.%Y') AS `to`,"
    " DATE_SUB(w.monday, INTERVAL 7 DAY) AS prev,"
    " DATE_ADD(w.monday, INTERVAL 7 DAY) AS next,"
    " p.name AS period, p.starts_on AS period_from, p.ends_on AS period_to"
    " FROM class c"
    " JOIN (SELECT DATE_SUB(d, INTERVAL WEEKDAY(d) DAY) AS monday FROM"
    "  (SELECT COALESCE(CAST(? AS DATE), CURDATE()) AS d) dd) w"
    " LEFT JOIN period p ON p.year_id = c.year_id"
    "  AND c.grade BETWEEN p.grade_from AND p.grade_to"
    "  AND w.monday BETWEEN DATE_SUB(p.starts_on, INTERVAL 6 DAY)"
    "  AND p.ends_on"
    " WHERE c.id = ? AND c.school_id = ?"
    " ORDER BY p.starts_on LIMIT 1");
/* The week's absences of the class's current students, in any group. */
#define WEEK_ABSENCES \
    " FROM class_student cs JOIN absence a ON a.student_id = cs.student_id" \
    " JOIN lesson l ON l.id = a.lesson_id" \
    " WHERE cs.class_id = ? AND cs.left_on IS NULL AND l.school_id = ?" \
    " AND l.on_date BETWEEN ? AND DATE_ADD(?, INTERVAL 6 DAY)"
DB_STMT(q_absences_week,
    "SELECT a.lesson_id AS lesson, a.student_id AS student,"
    " " FULL_NAME("p") " AS name, DATE_FORMAT(l.on_date, '%d.%m') AS day,"
    " l.number, s.name AS subject, a.reason, a.note"
    " FROM class_student cs JOIN absence a ON a.student_id = cs.student_id"
    " JOIN lesson l ON l.id = a.lesson_id"
    " JOIN subject s ON s.id = l.subject_id"
    " JOIN person p ON p.id = a.student_id"
    " WHERE cs.class_id = ? AND cs.left_on IS NULL AND l.school_id = ?"
    " AND l.on_date BETWEEN ? AND DATE_ADD(?, INTERVAL 6 DAY)"
    " ORDER BY p.last_name, p.first_name, p.id, l.on_date, l.number");
DB_STMT(q_absences_lock,
    "SELECT a.lesson_id, a.student_id, a.reason, a.note" WEEK_ABSENCES
    " FOR UPDATE");
DB_STMT(q_absence_update,
    "UPDATE absence SET reason = ?, note = ?, set_by = ?"
    " WHERE lesson_id = ? AND student_id = ?");

/*
 * The journals: assignments of groups teaching the class.  Every query of
 * the check reads the class's groups and members filtered inside
 * (CLASS_GROUPS_SQL, CLASS_MEMBERS_SQL), not the school's.
 */
DB_STMT(q_check_journals,
    "SELECT a.group_id, g.name AS `group`, a.subject_id, s.name AS subject,"
    " GROUP_CONCAT(DISTINCT " FULL_NAME("t") " ORDER BY t.last_name"
    "  SEPARATOR ', ') AS teachers"
    " FROM " CLASS_GROUPS_SQL " gc"
    " JOIN assignment a ON a.group_id = gc.group_id"
    " JOIN `groups` g ON g.id = a.group_id"
    " JOIN subject s ON s.id = a.subject_id"
    " JOIN person t ON t.id = a.teacher_id"
    " WHERE a.school_id = ?"
    " GROUP BY a.group_id, g.name, a.subject_id, s.name"
    " ORDER BY s.name, g.name");
/* The week's lessons of those journals, with the class's absences. */
DB_STMT(q_check_week,
    "SELECT l.group_id, l.subject_id, COUNT(*),"
    " SUM(l.topic = ''), SUM(l.homework = ''),"
    " SUM((SELECT COUNT(*) FROM absence a JOIN class_student cs"
    "  ON cs.student_id = a.student_id AND cs.class_id = ?"
    "  AND cs.left_on IS NULL WHERE a.lesson_id = l.id AND a.reason = ''))"
    " FROM lesson l"
    " WHERE l.school_id = ? AND l.on_date BETWEEN ? AND"
    " DATE_ADD(?, INTERVAL 6 DAY) AND l.group_id IN"
    " (SELECT gc.group_id FROM " CLASS_GROUPS_SQL " gc)"
    " GROUP BY l.group_id, l.subject_id");
/*
 * Students of the class in each journal with no mark in the period: the
 * period's lessons of the class's journals once (pl), then a probe per
 * student and journal among them, which stops at the first mark.  (A
 * probe by the lesson index alone walks every lesson of the year.)
 */
DB_STMT(q_check_unmarked,
    "WITH pl AS (SELECT l.id, l.group_id, l.subject_id FROM lesson l"
    "  WHERE l.on_date BETWEEN ? AND ? AND l.group_id IN"
    "  (SELECT cg.group_id FROM " CLASS_GROUPS_SQL " cg))"
    " SELECT a.group_id, a.subject_id, COUNT(*),"
    " GROUP_CONCAT(" FULL_NAME("p") " ORDER BY p.last_name, p.first_name"
    "  SEPARATOR ', ')"
    " FROM " CLASS_MEMBERS_SQL " gm"
    " JOIN (SELECT DISTINCT group_id, subject_id FROM assignment"
    "  WHERE school_id = ?) a ON a.group_id = gm.group_id"
    " JOIN person p ON p.id = gm.student_id"
    " WHERE NOT EXISTS (SELECT 1 FROM pl"
    "  JOIN lesson_work lw ON lw.lesson_id = pl.id"
    "  JOIN mark m ON m.lesson_work_id = lw.id"
    "  WHERE pl.group_id = a.group_id AND pl.subject_id = a.subject_id"
    "  AND m.student_id = gm.student_id)"
    " GROUP BY a.group_id, a.subject_id");

int
db_classes_for_week(struct req *r, const char *prefix, int all)
{
	return db_query_hdf(r->hdf, prefix, &q_week_classes, "ldl",
	    r->sess.school_id, all ? 1 : 0, r->sess.person_id);
}

int
db_class_week(struct req *r, long long class_id, const char *day)
{
	return db_row_hdf(r->hdf, "Week", &q_class_week, "sll", day,
	    class_id, r->sess.school_id);
}

int
db_absences_week(struct req *r, const char *prefix, long long class_id,
    const char *monday)
{
	return db_query_hdf(r->hdf, prefix, &q_absences_week, "llss",
	    class_id, r->sess.school_id, monday, monday);
}

int
absence_reason_ok(const char *reason)
{
	return reason != NULL && (*reason == '\0' ||
	    strcmp(reason, "ill") == 0 || strcmp(reason, "excused") == 0 ||
	    strcmp(reason, "unexcused") == 0);
}

struct stored {
	long long	 lesson, student;
	char		*reason, *note;
};

int
absences_save(struct req *r, long long class_id, const char *monday,
    const struct absence_reason *v, size_t n, int *changed)
{
	struct stored	*st = NULL, *hit;
	size_t		 ns = 0, cap = 0, i, j;
	int		 rc, ret = -1;

	*changed = 0;
	if (db_query(&q_absences_lock, "llss", class_id, r->sess.school_id,
	    monday, monday) == -1)
		return -1;
	while ((rc = db_next(&q_absences_lock)) == 1) {
		if (ns == cap) {
			cap = cap ? cap * 2 : 32;
			if ((st = realloc(st, cap * sizeof(*st))) == NULL)
				abort();
		}
		st[ns].lesson = db_int(&q_absences_lock, 0);
		st[ns].student = db_int(&q_absences_lock, 1);
		st[ns].reason = arena_strdup(&r->arena,
		    db_str(&q_absences_lock, 2));
		st[ns].note = arena_strdup(&r->arena,
		    db_str(&q_absences_lock, 3));
		ns++;
	}
	if (rc == -1)
		goto out;
	/* All checked before the first write. */
	for (i = 0; i < n; i++) {
		for (j = 0; j < ns; j++)
			if (st[j].lesson == v[i].lesson_id &&
			    st[j].student == v[i].student_id)
				break;
		if (j == ns) {
			ret = 1;
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < ns; j++)
			if (st[j].lesson == v[i].lesson_id &&
			    st[j].student == v[i].student_id)
				break;
		hit = &st[j];
		if (strcmp(hit->reason, v[i].reason) == 0 &&
		    strcmp(hit->note, v[i].note) == 0)
			continue;
		if (db_exec(&q_absence_update, "sslll", v[i].reason, v[i].note,
		    r->sess.account_id, v[i].lesson_id, v[i].student_id) < 0 ||
		    audit_add(r, "absence_reason", "absence", v[i].lesson_id,
		    arena_printf(&r->arena, "ученик %lld: %s; %s",
		    v[i].student_id, *hit->reason ? hit->reason : "не указана",
		    hit->note),
		    arena_printf(&r->arena, "ученик %lld: %s; %s",
		    v[i].student_id, *v[i].reason ? v[i].reason : "не указана",
		    v[i].note)) == -1)
			goto out;
		(*changed)++;
	}
	ret = 0;
out:
	db_done(&q_absences_lock);
	free(st);
	return ret;
}

/* Rows of the check, found by group and subject. */
static int
find_row(long long *keys, size_t n, long long g, long long s)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (keys[2 * i] == g && keys[2 * i + 1] == s)
			return (int)i;
	return -1;
}

int
db_class_check(struct req *r, const char *prefix, long long class_id,
    const char *monday, const char *period_from, const char *period_to)
{
	long long	*keys = NULL, tot[6] = { 0, 0, 0, 0, 0, 0 };
	struct tt_missing *miss;
	size_t		 n = 0, cap = 0;
	char		 name[160], last[11];
	long		 mon;
	int		 rc, row, c, i, nmiss, ret = -1;
	static const char *const cols[6] = { "lessons", "no_topic",
	    "no_homework", "unexplained", "unmarked", "missing" };

	if (db_query(&q_check_journals, "lll", class_id, class_id,
	    r->sess.school_id) == -1)
		return -1;
	while ((rc = db_next(&q_check_journals)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((keys = realloc(keys, 2 * cap * sizeof(*keys))) ==
			    NULL)
				abort();
		}
		keys[2 * n] = db_int(&q_check_journals, 0);
		keys[2 * n + 1] = db_int(&q_check_journals, 2);
		snprintf(name, sizeof(name), "%s.%zu", prefix, n);
		db_row_to_hdf(r->hdf, name, &q_check_journals);
		for (c = 0; c < 6; c++) {
			snprintf(name, sizeof(name), "%s.%zu.%s", prefix, n,
			    cols[c]);
			hdf_set_value(r->hdf, name, "0");
		}
		n++;
	}
	if (rc == -1)
		goto out;
	if (db_query(&q_check_week, "llssll", class_id, r->sess.school_id,
	    monday, monday, class_id, class_id) == -1)
		goto out;
	while ((rc = db_next(&q_check_week)) == 1) {
		if ((row = find_row(keys, n, db_int(&q_check_week, 0),
		    db_int(&q_check_week, 1))) == -1)
			continue;	/* a lesson outside the load */
		for (c = 0; c < 4; c++) {
			snprintf(name, sizeof(name), "%s.%d.%s", prefix, row,
			    cols[c]);
			hdf_set_value(r->hdf, name, db_str(&q_check_week,
			    2 + (unsigned)c));
			tot[c] += db_int(&q_check_week, 2 + (unsigned)c);
		}
	}
	if (rc == -1)
		goto out;
	if (period_from != NULL && period_to != NULL) {
		if (db_query(&q_check_unmarked, "ssll" "lll", period_from,
		    period_to, class_id, class_id, class_id, class_id,
		    r->sess.school_id) == -1)
			goto out;
		while ((rc = db_next(&q_check_unmarked)) == 1) {
			if ((row = find_row(keys, n,
			    db_int(&q_check_unmarked, 0),
			    db_int(&q_check_unmarked, 1))) == -1)
				continue;
			snprintf(name, sizeof(name), "%s.%d.unmarked", prefix,
			    row);
			hdf_set_value(r->hdf, name,
			    db_str(&q_check_unmarked, 2));
			snprintf(name, sizeof(name), "%s.%d.unmarked_names",
			    prefix, row);
			hdf_set_value(r->hdf, name,
			    db_str(&q_check_unmarked, 3));
			tot[4] += db_int(&q_check_unmarked, 2);
		}
		if (rc == -1)
			goto out;
	}
	/* The week's timetabled lessons never entered, up to yesterday
	 * (today's may still be): a week with nothing entered is not all
	 * zeros. */
	if (date_parse(monday, &mon) == 0 && mon < clock_today()) {
		date_format(mon + 6 < clock_today() - 1 ? mon + 6 :
		    clock_today() - 1, last);
		if ((nmiss = db_tt_missing(r, TT_CLASS, class_id, monday, last,
		    &miss)) == -1)
			goto out;
		for (i = 0; i < nmiss; i++) {
			if ((row = find_row(keys, n, miss[i].group_id,
			    miss[i].subject_id)) == -1)
				continue;
			snprintf(name, sizeof(name), "%s.%d.missing", prefix,
			    row);
			hdf_set_int_value(r->hdf, name, hdf_get_int_value(
			    r->hdf, name, 0) + miss[i].count);
			snprintf(name, sizeof(name), "%s.%d.missing_days",
			    prefix, row);
			hdf_set_valuef(r->hdf, "%s=%s%s%s", name,
			    hdf_get_value(r->hdf, name, ""),
			    *hdf_get_value(r->hdf, name, "") ? ", " : "",
			    miss[i].day);
			tot[5] += miss[i].count;
		}
	}
	for (c = 0; c < 6; c++) {
		snprintf(name, sizeof(name), "Totals.%s", cols[c]);
		hdf_set_int_value(r->hdf, name, (int)tot[c]);
	}
	ret = (int)n;
out:
	free(keys);
	return ret;
}
