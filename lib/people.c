#include <stddef.h>
#include <string.h>

#include "db.h"
#include "screen.h"
#include "people.h"
#include "sqlnames.h"

DB_STMT(q_children_by_guardian,
    "SELECT p.id, " FULL_NAME("p") " AS name, " CLASS_NAME("c") " AS class"
    " FROM guardian g JOIN person p ON p.id = g.student_id"
    " LEFT JOIN class_student cs ON cs.student_id = p.id"
    "   AND cs.left_on IS NULL"
    " LEFT JOIN class c ON c.id = cs.class_id"
    " WHERE g.guardian_id = ?"
    " ORDER BY c.grade DESC, p.first_name");
DB_STMT(q_class_by_student,
    "SELECT c.id, " CLASS_NAME("c") " AS name"
    " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " WHERE cs.student_id = ? AND cs.left_on IS NULL");
DB_STMT(q_classes_by_teacher,
    "SELECT c.id, " CLASS_NAME("c") " AS name,"
    " (SELECT COUNT(*) FROM class_student cs WHERE cs.class_id = c.id"
    "   AND cs.left_on IS NULL) AS students"
    " FROM class c JOIN current_year cy ON cy.year_id = c.year_id"
    " WHERE c.teacher_id = ? ORDER BY c.grade, c.letter");
DB_STMT(q_school_counts,
    "SELECT"
    " (SELECT COUNT(*) FROM class c JOIN current_year cy"
    "   ON cy.year_id = c.year_id WHERE c.school_id = ?) AS classes,"
    " (SELECT COUNT(*) FROM class_student cs JOIN class c"
    "   ON c.id = cs.class_id JOIN current_year cy ON cy.year_id = c.year_id"
    "   WHERE c.school_id = ? AND cs.left_on IS NULL)"
    "   AS students,"
    " (SELECT COUNT(*) FROM staff s"
    "   WHERE s.school_id = ? AND s.dismissed_on IS NULL) AS staff");

int
db_children_list_by_guardian(struct _hdf *hdf, const char *prefix,
    long long guardian_id)
{
	return db_query_hdf(hdf, prefix, &q_children_by_guardian, "l",
	    guardian_id);
}

int
db_children_by_guardian(struct req *r, const char *prefix,
    long long guardian_id, struct child **out)
{
	struct child	*c = NULL;
	int		 rc, n = 0, row = 0;

	*out = NULL;
	if (db_query(&q_children_by_guardian, "l", guardian_id) == -1)
		return -1;
	while ((rc = db_next(&q_children_by_guardian)) == 1) {
		db_row_to_hdf(r->hdf, arena_printf(&r->arena, "%s.%d", prefix,
		    row++), &q_children_by_guardian);
		if (db_str(&q_children_by_guardian, 2) == NULL)
			continue;	/* left the school */
		c = arena_grow(&r->arena, c, (size_t)n, sizeof(*c));
		c[n].id = db_int(&q_children_by_guardian, 0);
		c[n].name = arena_strdup(&r->arena,
		    db_str(&q_children_by_guardian, 1));
		c[n].class_name = arena_strdup(&r->arena,
		    db_str(&q_children_by_guardian, 2));
		n++;
	}
	if (rc == -1)
		return -1;
	*out = c;
	return n;
}

int
db_class_get_by_student(struct _hdf *hdf, const char *prefix,
    long long student_id)
{
	return db_row_hdf(hdf, prefix, &q_class_by_student, "l", student_id);
}

int
db_classes_list_by_teacher(struct _hdf *hdf, const char *prefix,
    long long teacher_id)
{
	return db_query_hdf(hdf, prefix, &q_classes_by_teacher, "l",
	    teacher_id);
}

int
db_classes_by_teacher(struct req *r, const char *prefix,
    long long teacher_id, long long **ids)
{
	long long	*v = NULL;
	int		 rc, n = 0;

	*ids = NULL;
	if (db_query(&q_classes_by_teacher, "l", teacher_id) == -1)
		return -1;
	while ((rc = db_next(&q_classes_by_teacher)) == 1) {
		db_row_to_hdf(r->hdf, arena_printf(&r->arena, "%s.%d", prefix,
		    n), &q_classes_by_teacher);
		v = arena_grow(&r->arena, v, (size_t)n, sizeof(*v));
		v[n++] = db_int(&q_classes_by_teacher, 0);
	}
	if (rc == -1)
		return -1;
	*ids = v;
	return n;
}

int
db_school_counts(struct _hdf *hdf, const char *prefix, long long school_id)
{
	return db_row_hdf(hdf, prefix, &q_school_counts, "lll", school_id,
	    school_id, school_id);
}

DB_STMT(q_person_get,
    "SELECT p.id, " FULL_NAME("p") " AS name, p.last_name FROM person p"
    " WHERE p.id = ? AND p.school_id = ?");
DB_STMT(q_person_insert,
    "INSERT INTO person (school_id, last_name, first_name, middle_name, sex)"
    " VALUES (?, ?, ?, ?, ?)");
DB_STMT(q_guardians_by_surname,
    "SELECT gp.id, " FULL_NAME("gp") " AS name,"
    " GROUP_CONCAT(" FULL_NAME("sp") " ORDER BY sp.last_name SEPARATOR ', ')"
    "   AS children"
    " FROM person gp JOIN guardian g ON g.guardian_id = gp.id"
    " JOIN person sp ON sp.id = g.student_id"
    " WHERE gp.school_id = ? AND gp.last_name LIKE CONCAT(LEFT(?, 4), '%')"
    " GROUP BY gp.id ORDER BY gp.last_name, gp.first_name LIMIT 50");
DB_STMT(q_guardian_check,
    "SELECT 1 FROM person gp WHERE gp.id = ? AND gp.school_id = ?"
    " AND EXISTS (SELECT 1 FROM guardian g WHERE g.guardian_id = gp.id)");
DB_STMT(q_guardian_link,
    "INSERT INTO guardian (guardian_id, student_id, kind) VALUES (?, ?, ?)");

int
db_person_get(struct _hdf *hdf, const char *prefix, long long school_id,
    long long person_id)
{
	return db_row_hdf(hdf, prefix, &q_person_get, "ll", person_id,
	    school_id);
}

int
db_person_insert(long long school_id, const char *last, const char *first,
    const char *middle, const char *sex, long long *id)
{
	if (db_exec(&q_person_insert, "lssss", school_id, last, first,
	    middle != NULL ? middle : "", sex) != 1)
		return -1;
	*id = (long long)db_last_id();
	return 0;
}

int
db_guardians_by_surname(struct _hdf *hdf, const char *prefix,
    long long school_id, const char *last_name)
{
	return db_query_hdf(hdf, prefix, &q_guardians_by_surname, "ls",
	    school_id, last_name);
}

int
db_guardian_check(long long school_id, long long guardian_id)
{
	int	 rc;

	if (db_query(&q_guardian_check, "ll", guardian_id, school_id) == -1 ||
	    (rc = db_next(&q_guardian_check)) == -1)
		return -1;
	db_done(&q_guardian_check);
	return rc;
}

int
db_guardian_link(long long guardian_id, long long student_id, const char *kind)
{
	long long	 rc;

	rc = db_exec(&q_guardian_link, "lls", guardian_id, student_id, kind);
	return rc == 1 ? 0 : rc == DB_DUPLICATE ? DB_DUPLICATE : -1;
}
