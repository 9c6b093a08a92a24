/*
 * classes.c: two queries for a roster (students, then all their guardians),
 * nested in C, instead of a query per student.
 */
#include <stdio.h>
#include <stdlib.h>

#include <ClearSilver.h>

#include "classes.h"
#include "db.h"
#include "sqlnames.h"
#include "util.h"

/* The guardian's newest statement is the current one. */
#define CURRENT_CONSENT(g) "(SELECT MAX(c2.id) FROM consent c2" \
			" WHERE c2.guardian_id = " g ")"

DB_STMT(q_classes_list,
    "SELECT c.id, " CLASS_NAME("c") " AS name, " FULL_NAME("t") " AS teacher,"
    " (SELECT COUNT(*) FROM class_student cs WHERE cs.class_id = c.id"
    "   AND cs.left_on IS NULL) AS students,"
    " (c.teacher_id <=> ?) AS own"
    " FROM class c JOIN current_year cy ON cy.year_id = c.year_id"
    " LEFT JOIN person t ON t.id = c.teacher_id"
    " WHERE c.school_id = ? ORDER BY c.grade, c.letter");
DB_STMT(q_class_get,
    "SELECT c.id, " CLASS_NAME("c") " AS name, c.grade, " FULL_NAME("t")
    " AS teacher FROM class c LEFT JOIN person t ON t.id = c.teacher_id"
    " WHERE c.id = ?");
DB_STMT(q_roster_students,
    "SELECT p.id, " FULL_NAME("p") " AS name,"
    " DATE_FORMAT(p.birth_date, '%d.%m.%Y') AS birth, a.login,"
    " a.is_active AS active, DATE_FORMAT(a.issued_at, '%d.%m.%Y') AS issued,"
    " EXISTS (SELECT 1 FROM guardian g JOIN consent cn"
    "   ON cn.id = " CURRENT_CONSENT("g.guardian_id")
    "   WHERE g.student_id = p.id AND cn.status = 'consent') AS eligible"
    " FROM class_student cs JOIN person p ON p.id = cs.student_id"
    " LEFT JOIN account a ON a.person_id = p.id"
    " WHERE cs.class_id = ? AND cs.left_on IS NULL"
    " ORDER BY p.last_name, p.first_name, p.middle_name, p.id");
DB_STMT(q_roster_guardians,
    "SELECT g.student_id, gp.id, " FULL_NAME("gp") " AS name, g.kind,"
    " a.login, a.is_active AS active,"
    " DATE_FORMAT(a.issued_at, '%d.%m.%Y') AS issued, cn.status,"
    " DATE_FORMAT(cn.signed_on, '%d.%m.%Y') AS signed, cn.document"
    " FROM class_student cs JOIN guardian g ON g.student_id = cs.student_id"
    " JOIN person gp ON gp.id = g.guardian_id"
    " LEFT JOIN account a ON a.person_id = gp.id"
    " LEFT JOIN consent cn ON cn.id = " CURRENT_CONSENT("gp.id")
    " WHERE cs.class_id = ? AND cs.left_on IS NULL"
    " ORDER BY g.student_id, gp.sex DESC, gp.last_name, gp.id");

DB_STMT(q_issue_candidate,
    "SELECT 'student' AS role, " FULL_NAME("p") " AS name,"
    " EXISTS (SELECT 1 FROM guardian g JOIN consent cn"
    "   ON cn.id = " CURRENT_CONSENT("g.guardian_id")
    "   WHERE g.student_id = p.id AND cn.status = 'consent') AS eligible,"
    " NULL AS children"
    " FROM class_student cs JOIN person p ON p.id = cs.student_id"
    " WHERE cs.class_id = ? AND cs.left_on IS NULL AND p.id = ?"
    " UNION ALL "
    "SELECT 'parent', " FULL_NAME("gp") ","
    " IFNULL(MAX(cn.status = 'consent'), 0),"
    " GROUP_CONCAT(" FULL_NAME("sp") " ORDER BY sp.last_name SEPARATOR ', ')"
    " FROM guardian g JOIN class_student cs ON cs.student_id = g.student_id"
    "   AND cs.left_on IS NULL AND cs.class_id = ?"
    " JOIN person gp ON gp.id = g.guardian_id"
    " JOIN person sp ON sp.id = g.student_id"
    " LEFT JOIN consent cn ON cn.id = " CURRENT_CONSENT("gp.id")
    " WHERE g.guardian_id = ? GROUP BY gp.id");

DB_STMT(q_year_open,
    "SELECT year_id FROM current_year WHERE school_id = ?");
#define ACTIVE_TEACHERS \
    " FROM staff st JOIN person p ON p.id = st.person_id" \
    " JOIN account a ON a.person_id = p.id AND a.is_active = 1" \
    " JOIN account_role ar ON ar.account_id = a.id AND ar.role = 'teacher'" \
    " WHERE st.school_id = ? AND st.dismissed_on IS NULL"
DB_STMT(q_teachers_list,
    "SELECT p.id, " FULL_NAME("p") " AS name" ACTIVE_TEACHERS
    " ORDER BY p.last_name, p.first_name");
DB_STMT(q_teacher_check, "SELECT 1" ACTIVE_TEACHERS " AND p.id = ?");
DB_STMT(q_class_insert,
    "INSERT INTO class (school_id, year_id, grade, letter, teacher_id)"
    " VALUES (?, ?, ?, ?, NULLIF(?, 0))");
DB_STMT(q_class_teacher_set,
    "UPDATE class SET teacher_id = NULLIF(?, 0) WHERE id = ?");
DB_STMT(q_class_teacher_role,
    "INSERT IGNORE INTO account_role (account_id, role)"
    " SELECT a.id, 'class_teacher' FROM account a WHERE a.person_id = ?");

long long
db_year_open_get(long long school_id)
{
	long long	 id;
	int		 rc;

	if (db_query(&q_year_open, "l", school_id) == -1 ||
	    (rc = db_next(&q_year_open)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	id = db_int(&q_year_open, 0);
	db_done(&q_year_open);
	return id;
}

int
db_teachers_list(struct _hdf *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_teachers_list, "l", school_id);
}

int
db_teacher_check(long long school_id, long long person_id)
{
	int	 rc;

	if (db_query(&q_teacher_check, "ll", school_id, person_id) == -1 ||
	    (rc = db_next(&q_teacher_check)) == -1)
		return -1;
	db_done(&q_teacher_check);
	return rc;
}

int
db_class_teacher_set(long long class_id, long long teacher_id)
{
	if (db_exec(&q_class_teacher_set, "ll", teacher_id, class_id) < 0)
		return -1;
	if (teacher_id != 0 &&
	    db_exec(&q_class_teacher_role, "l", teacher_id) < 0)
		return -1;
	return 0;
}

int
db_class_insert(long long school_id, long long year_id, int grade,
    const char *letter, long long teacher_id, long long *id)
{
	long long	 rc;

	rc = db_exec(&q_class_insert, "lldsl", school_id, year_id, grade,
	    letter, teacher_id);
	if (rc == DB_DUPLICATE)
		return DB_DUPLICATE;
	if (rc != 1)
		return -1;
	*id = (long long)db_last_id();
	if (teacher_id != 0 &&
	    db_exec(&q_class_teacher_role, "l", teacher_id) < 0)
		return -1;
	return 0;
}

int
db_issue_candidate(struct _hdf *hdf, const char *prefix, long long class_id,
    long long person_id)
{
	return db_row_hdf(hdf, prefix, &q_issue_candidate, "llll", class_id,
	    person_id, class_id, person_id);
}

int
db_classes_list(struct _hdf *hdf, const char *prefix, long long school_id,
    long long person_id)
{
	return db_query_hdf(hdf, prefix, &q_classes_list, "ll", person_id,
	    school_id);
}

int
db_class_get(struct _hdf *hdf, const char *prefix, long long class_id)
{
	return db_row_hdf(hdf, prefix, &q_class_get, "l", class_id);
}

int
db_roster_list(struct _hdf *hdf, const char *prefix, long long class_id)
{
	struct idindex	 byid = { 0 };
	int		*nguard = NULL;
	char		 name[128];
	int		 rc, row, n = 0, ret = -1;

	if (db_query(&q_roster_students, "l", class_id) == -1)
		return -1;
	while ((rc = db_next(&q_roster_students)) == 1) {
		snprintf(name, sizeof(name), "%s.%d", prefix, n);
		db_row_to_hdf(hdf, name, &q_roster_students);
		idindex_add(&byid, db_int(&q_roster_students, 0), n++);
	}
	if (rc == -1 || db_query(&q_roster_guardians, "l", class_id) == -1)
		goto out;
	/* Students are shown sorted by name; guardians find theirs by id. */
	if ((nguard = calloc((size_t)n + 1, sizeof(*nguard))) == NULL)
		abort();
	while ((rc = db_next(&q_roster_guardians)) == 1) {
		if ((row = idindex_find(&byid,
		    db_int(&q_roster_guardians, 0))) < 0)
			continue;
		snprintf(name, sizeof(name), "%s.%d.Guardians.%d", prefix,
		    row, nguard[row]++);
		db_row_to_hdf(hdf, name, &q_roster_guardians);
	}
	if (rc != -1)
		ret = n;
out:
	idindex_free(&byid);
	free(nguard);
	return ret;
}
