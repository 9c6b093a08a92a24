/*
 * load.c: the curriculum and the teacher load (R15).  The page is three
 * queries: the cover of each class × subject of the curriculum, the
 * assignments by class and subject (nested into the cover rows in C),
 * and the load outside the curriculum.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "db.h"
#include "groups.h"
#include "screen.h"
#include "load.h"
#include "sqlnames.h"

/* What each current student of the class gets in a subject. */
#define GOT		"IFNULL(st.got, 0)"

DB_STMT(q_assignment_school,
    "SELECT 1 FROM assignment WHERE id = ? AND school_id = ?");

enum obj_res
obj_assignment(const struct req *r, long long assignment_id)
{
	int	 rc;

	if (db_query(&q_assignment_school, "ll", assignment_id,
	    r->sess.school_id) == -1 ||
	    (rc = db_next(&q_assignment_school)) == -1)
		return OBJ_ERROR;
	if (rc == 0)
		return OBJ_MISSING;
	db_done(&q_assignment_school);
	return OBJ_OK;
}

DB_STMT(q_cover,
    "SELECT cu.class_id, cu.subject_id, CONCAT(c.grade, ' ', c.letter)"
    " AS class, s.name AS subject, " HOURS_SQL("cu.hours") " AS plan,"
    " " HOURS_SQL("MIN(" GOT ")") " AS got_min,"
    " " HOURS_SQL("MAX(" GOT ")") " AS got_max,"
    " CAST(cu.hours * 10 AS SIGNED) AS plan10,"
    " CAST(MIN(" GOT ") * 10 AS SIGNED) AS min10,"
    " CAST(MAX(" GOT ") * 10 AS SIGNED) AS max10,"
    " (SELECT GROUP_CONCAT(g.name ORDER BY g.name SEPARATOR ', ')"
    "   FROM `groups` g WHERE g.class_id = cu.class_id"
    "   AND g.subject_id = cu.subject_id AND g.kind = 'subgroup'"
    "   AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.group_id = g.id"
    "     AND a.subject_id = g.subject_id)) AS orphans,"
    " SUM(" GOT " < cu.hours) AS short"
    " FROM curriculum cu JOIN class c ON c.id = cu.class_id"
    " JOIN subject s ON s.id = cu.subject_id"
    " LEFT JOIN class_student cs ON cs.class_id = cu.class_id"
    "   AND cs.left_on IS NULL"
    " LEFT JOIN (SELECT m.student_id, a.subject_id, SUM(a.hours) AS got"
    "   FROM assignment a JOIN " GROUP_MEMBERS_SQL " m"
    "   ON m.group_id = a.group_id WHERE a.year_id = ?"
    "   GROUP BY m.student_id, a.subject_id) st"
    "   ON st.student_id = cs.student_id AND st.subject_id = cu.subject_id"
    " WHERE c.year_id = ? AND c.school_id = ?"
    " GROUP BY cu.class_id, cu.subject_id"
    " ORDER BY c.grade, c.letter, cu.subject_id");
DB_STMT(q_cover_teachers,
    "SELECT gc.class_id, a.subject_id, a.id, " FULL_NAME("t") " AS teacher,"
    " g.name AS `group`, " HOURS_SQL("a.hours") " AS hours"
    " FROM assignment a JOIN `groups` g ON g.id = a.group_id"
    " JOIN person t ON t.id = a.teacher_id"
    " JOIN " GROUP_CLASSES_SQL " gc ON gc.group_id = a.group_id"
    " WHERE a.year_id = ? AND a.school_id = ?"
    " ORDER BY gc.class_id, a.subject_id, g.name, t.last_name, a.id");

struct cell {
	long long	 class_id, subject_id;
	int		 row, nteach;
};

static int
cell_cmp(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;

	if (x->class_id != y->class_id)
		return (x->class_id > y->class_id) - (x->class_id < y->class_id);
	return (x->subject_id > y->subject_id) - (x->subject_id < y->subject_id);
}

static void
warn(struct req *r, const char *warnings, int *nwarn, const char *text)
{
	req_set(r, arena_printf(&r->arena, "%s.%d.text", warnings, (*nwarn)++),
	    text);
}

int
db_load_list(struct req *r, const char *prefix, const char *warnings,
    long long year_id)
{
	struct db_stmt	*q = &q_cover;
	struct cell	*cells = NULL, key, *hit;
	size_t		 n = 0, cap = 0;
	const char	*cls, *subj, *orphans;
	char		 name[128];
	int		 rc, nwarn = 0, ret = -1;
	long long	 plan, lo, hi;

	if (db_query(q, "lll", year_id, year_id, r->sess.school_id) == -1)
		return -1;
	while ((rc = db_next(q)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((cells = realloc(cells, cap * sizeof(*cells))) ==
			    NULL)
				abort();
		}
		snprintf(name, sizeof(name), "%s.%zu", prefix, n);
		db_row_to_hdf(r->hdf, name, q);
		cells[n].class_id = db_int(q, 0);
		cells[n].subject_id = db_int(q, 1);
		cells[n].row = (int)n;
		cells[n].nteach = 0;
		cls = db_str(q, 2);
		subj = db_str(q, 3);
		plan = db_int(q, 7);
		lo = db_int(q, 8);
		hi = db_int(q, 9);
		orphans = db_str(q, 10);
		/* The worst case names the gap: nobody, a subgroup, hours. */
		if (hi == 0)
			warn(r, warnings, &nwarn, arena_printf(&r->arena,
			    "%s, %s: нет учителя (по плану %s ч в неделю).",
			    cls, subj, db_str(q, 4)));
		else if (orphans != NULL)
			warn(r, warnings, &nwarn, arena_printf(&r->arena,
			    "%s, %s: нет учителя у подгруппы %s.", cls, subj,
			    orphans));
		else if (lo < plan)
			warn(r, warnings, &nwarn, arena_printf(&r->arena,
			    "%s, %s: у %s уч. меньше часов, чем по плану "
			    "(%s ч из %s): они не в группе с учителем.", cls,
			    subj, db_str(q, 11), db_str(q, 5), db_str(q, 4)));
		if (hi == 0 || orphans != NULL || lo < plan)
			req_set(r, arena_printf(&r->arena, "%s.warn", name),
			    "1");
		n++;
	}
	if (rc == -1 || db_query(&q_cover_teachers, "ll", year_id,
	    r->sess.school_id) == -1)
		goto out;
	if (n > 0)
		qsort(cells, n, sizeof(*cells), cell_cmp);
	while ((rc = db_next(&q_cover_teachers)) == 1) {
		key.class_id = db_int(&q_cover_teachers, 0);
		key.subject_id = db_int(&q_cover_teachers, 1);
		if (n == 0 || (hit = bsearch(&key, cells, n, sizeof(*cells),
		    cell_cmp)) == NULL)
			continue;	/* outside the curriculum */
		snprintf(name, sizeof(name), "%s.%d.Teachers.%d", prefix,
		    hit->row, hit->nteach++);
		db_row_to_hdf(r->hdf, name, &q_cover_teachers);
	}
	if (rc != -1)
		ret = nwarn;
out:
	free(cells);
	return ret;
}

DB_STMT(q_load_other,
    "SELECT a.id, " FULL_NAME("t") " AS teacher, s.name AS subject,"
    " g.name AS `group`, " HOURS_SQL("a.hours") " AS hours"
    " FROM assignment a JOIN `groups` g ON g.id = a.group_id"
    " JOIN person t ON t.id = a.teacher_id"
    " JOIN subject s ON s.id = a.subject_id"
    " WHERE a.school_id = ? AND a.year_id = ? AND NOT EXISTS ("
    "   SELECT 1 FROM " GROUP_CLASSES_SQL " gc JOIN curriculum cu"
    "   ON cu.class_id = gc.class_id AND cu.subject_id = a.subject_id"
    "   WHERE gc.group_id = a.group_id)"
    " ORDER BY g.name, s.name, t.last_name");

int
db_load_other(struct _hdf *hdf, const char *prefix, long long school_id,
    long long year_id)
{
	return db_query_hdf(hdf, prefix, &q_load_other, "ll", school_id,
	    year_id);
}

/* Active staff of the school whose account holds the teacher role. */
#define TEACHERS_FROM \
	" FROM staff sf JOIN person p ON p.id = sf.person_id" \
	" JOIN account ac ON ac.person_id = p.id AND ac.is_active = 1" \
	" JOIN account_role ar ON ar.account_id = ac.id AND ar.role = 'teacher'" \
	" WHERE p.school_id = ? AND (sf.dismissed_on IS NULL" \
	"   OR sf.dismissed_on > CURDATE())"

DB_STMT(q_load_teachers,
    "SELECT p.id, " FULL_NAME("p") " AS name, sf.position,"
    " " HOURS_SQL("IFNULL((SELECT SUM(a.hours) FROM assignment a"
    "   WHERE a.teacher_id = p.id AND a.year_id = ?), 0.0)") " AS hours"
    TEACHERS_FROM " ORDER BY p.last_name, p.first_name, p.id");
DB_STMT(q_teacher_active,
    "SELECT 1" TEACHERS_FROM " AND p.id = ?");

int
db_load_teachers(struct _hdf *hdf, const char *prefix, long long school_id,
    long long year_id)
{
	return db_query_hdf(hdf, prefix, &q_load_teachers, "ll", year_id,
	    school_id);
}

int
db_teacher_active(long long school_id, long long person_id)
{
	int	 rc;

	if (db_query(&q_teacher_active, "ll", school_id, person_id) == -1 ||
	    (rc = db_next(&q_teacher_active)) == -1)
		return -1;
	if (rc == 1)
		db_done(&q_teacher_active);
	return rc;
}

DB_STMT(q_load_groups,
    "SELECT g.id, g.name, g.subject_id FROM `groups` g"
    " LEFT JOIN class c ON c.id = g.class_id"
    " WHERE g.school_id = ? AND g.year_id = ?"
    " ORDER BY c.grade IS NULL, c.grade, c.letter,"
    " FIELD(g.kind, 'class', 'subgroup', 'individual', 'stream'), g.name");
DB_STMT(q_group_in_year,
    "SELECT IFNULL(subject_id, 0) FROM `groups`"
    " WHERE id = ? AND school_id = ? AND year_id = ?");

int
db_load_groups(struct _hdf *hdf, const char *prefix, long long school_id,
    long long year_id)
{
	return db_query_hdf(hdf, prefix, &q_load_groups, "ll", school_id,
	    year_id);
}

int
db_group_in_year(long long school_id, long long year_id, long long group_id,
    long long *subject_id)
{
	int	 rc;

	*subject_id = 0;
	if (db_query(&q_group_in_year, "lll", group_id, school_id, year_id) ==
	    -1 || (rc = db_next(&q_group_in_year)) == -1)
		return -1;
	if (rc == 1) {
		*subject_id = db_int(&q_group_in_year, 0);
		db_done(&q_group_in_year);
	}
	return rc;
}

DB_STMT(q_assignment_insert,
    "INSERT INTO assignment (school_id, year_id, teacher_id, subject_id,"
    " group_id, hours) VALUES (?, ?, ?, ?, ?, ? / 10)");
DB_STMT(q_assignment_get,
    "SELECT CONCAT('учитель ', teacher_id, ', предмет ', subject_id,"
    " ', группа ', group_id, ', ', hours, ' ч') FROM assignment"
    " WHERE id = ?");
DB_STMT(q_assignment_delete,
    "DELETE FROM assignment WHERE id = ?");

int
assignment_add(struct req *r, long long year_id, long long teacher_id,
    long long subject_id, long long group_id, int tenths)
{
	long long	 rc;

	rc = db_exec(&q_assignment_insert, "llllld", r->sess.school_id,
	    year_id, teacher_id, subject_id, group_id, tenths);
	if (rc == DB_DUPLICATE)
		return DB_DUPLICATE;
	if (rc != 1)
		return -1;
	return audit_add(r, "assignment_add", "assignment",
	    (long long)db_last_id(), NULL, arena_printf(&r->arena,
	    "учитель %lld, предмет %lld, группа %lld, %d.%d ч", teacher_id,
	    subject_id, group_id, tenths / 10, tenths % 10));
}

int
assignment_remove(struct req *r, long long assignment_id)
{
	const char	*old;
	int		 rc;

	if (db_query(&q_assignment_get, "l", assignment_id) == -1 ||
	    (rc = db_next(&q_assignment_get)) != 1)
		return -1;
	old = arena_strdup(&r->arena, db_str(&q_assignment_get, 0));
	db_done(&q_assignment_get);
	if (db_exec(&q_assignment_delete, "l", assignment_id) != 1)
		return -1;
	return audit_add(r, "assignment_remove", "assignment", assignment_id,
	    old, NULL);
}

DB_STMT(q_class_in_year,
    "SELECT 1 FROM class WHERE id = ? AND school_id = ? AND year_id = ?");
DB_STMT(q_curriculum_get,
    "SELECT hours FROM curriculum WHERE class_id = ? AND subject_id = ?"
    " FOR UPDATE");
DB_STMT(q_curriculum_put,
    "INSERT INTO curriculum (class_id, subject_id, hours) VALUES (?, ?, ? / 10)"
    " ON DUPLICATE KEY UPDATE hours = VALUES(hours)");
DB_STMT(q_curriculum_delete,
    "DELETE FROM curriculum WHERE class_id = ? AND subject_id = ?");

int
db_class_in_year(long long school_id, long long year_id, long long class_id)
{
	int	 rc;

	if (db_query(&q_class_in_year, "lll", class_id, school_id,
	    year_id) == -1 || (rc = db_next(&q_class_in_year)) == -1)
		return -1;
	db_done(&q_class_in_year);
	return rc;
}

int
curriculum_set(struct req *r, long long class_id, long long subject_id,
    int tenths)
{
	const char	*old = NULL;
	int		 rc;

	if (db_query(&q_curriculum_get, "ll", class_id, subject_id) == -1 ||
	    (rc = db_next(&q_curriculum_get)) == -1)
		return -1;
	if (rc == 1) {
		old = arena_printf(&r->arena, "предмет %lld: %s ч", subject_id,
		    db_str(&q_curriculum_get, 0));
		db_done(&q_curriculum_get);
	}
	if (tenths == 0) {
		if (old == NULL)
			return 0;	/* nothing to remove */
		if (db_exec(&q_curriculum_delete, "ll", class_id,
		    subject_id) != 1)
			return -1;
	} else if (db_exec(&q_curriculum_put, "lld", class_id, subject_id,
	    tenths) < 0)
		return -1;
	return audit_add(r, "curriculum_set", "class", class_id, old,
	    tenths ? arena_printf(&r->arena, "предмет %lld: %d.%d ч",
	    subject_id, tenths / 10, tenths % 10) : NULL);
}
