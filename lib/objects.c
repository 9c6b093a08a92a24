/*
 * objects.c: one query per check says whether the object exists in the
 * user's school and whether it is the user's own (a class they lead, a
 * guardian of such a class); the role decides the rest.
 */
#include "db.h"
#include "journal.h"
#include "objects.h"
#include "rights.h"

DB_STMT(q_class_relation,
    "SELECT c.teacher_id <=> ? FROM class c"
    " WHERE c.id = ? AND c.school_id = ?");
/* Whether the guardian has a child in the class, and in a class the
 * user leads; no row: not a guardian of a current student here. */
DB_STMT(q_guardian_relation,
    "SELECT MAX(cs.class_id = ?), MAX(cs.class_id = ? AND"
    " c.teacher_id <=> ?) FROM guardian g"
    " JOIN class_student cs ON cs.student_id = g.student_id"
    "   AND cs.left_on IS NULL"
    " JOIN class c ON c.id = cs.class_id"
    " WHERE g.guardian_id = ? AND c.school_id = ?");

/* The same for a student: current in the class, and in one the user leads. */
DB_STMT(q_student_relation,
    "SELECT MAX(cs.class_id = ?), MAX(cs.class_id = ? AND"
    " c.teacher_id <=> ?) FROM class_student cs"
    " JOIN class c ON c.id = cs.class_id"
    " WHERE cs.student_id = ? AND cs.left_on IS NULL AND c.school_id = ?");

#define SCHOOL_VIEWERS	(ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_SECRETARY | \
			 ROLE_INSPECTOR | ROLE_MEDIC | ROLE_PSYCHOLOGIST)

/*
 * -1: error, 0: missing, 1: exists, 2: exists and led by the user,
 * 3: exists but not in the class given (guardians and students).
 */
static int
relation(struct db_stmt *q, const struct req *r, long long id,
    long long class_id)
{
	const struct session	*s = &r->sess;
	int			 rc;

	if (q == &q_class_relation)
		rc = db_query(q, "lll", s->person_id, id, s->school_id);
	else	/* guardian or student: the same shape */
		rc = db_query(q, "lllll", class_id, class_id, s->person_id,
		    id, s->school_id);
	if (rc == -1 || (rc = db_next(q)) == -1)
		return -1;
	if (rc == 0 || db_str(q, 0) == NULL)
		rc = 0;		/* no row, or MAX over no rows */
	else if (q != &q_class_relation && db_int(q, 0) != 1)
		rc = 3;
	else
		rc = db_int(q, q == &q_class_relation ? 0 : 1) == 1 ? 2 : 1;
	db_done(q);
	return rc;
}

/*
 * any_roles see every such object of their school; so does a user to whom
 * the administrator opened the screen by a rule (rights.h), for reading or
 * for changes as write says.
 */
static enum obj_res
decide(int rel, const struct req *r, unsigned any_roles, int write)
{
	if (rel == -1)
		return OBJ_ERROR;
	if (rel == 0)
		return OBJ_MISSING;
	if (rel == 3)
		return OBJ_DENIED;	/* not reachable through this class */
	if ((r->sess.roles & any_roles) ||
	    rights_granted(r, write ? M_POST : M_GET))
		return OBJ_OK;
	if (rel == 2 && (r->sess.roles & ROLE_CLASS_TEACHER))
		return OBJ_OK;
	return OBJ_DENIED;
}

enum obj_res
obj_class_view(const struct req *r, long long class_id)
{
	return decide(relation(&q_class_relation, r, class_id, 0), r,
	    SCHOOL_VIEWERS, 0);
}

enum obj_res
obj_class_issue(const struct req *r, long long class_id)
{
	return decide(relation(&q_class_relation, r, class_id, 0), r,
	    ROLE_ADMIN, 1);
}

enum obj_res
obj_guardian_view(const struct req *r, long long guardian_id,
    long long class_id)
{
	return decide(relation(&q_guardian_relation, r, guardian_id,
	    class_id), r, ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_SECRETARY |
	    ROLE_INSPECTOR, 0);
}

enum obj_res
obj_guardian_record(const struct req *r, long long guardian_id,
    long long class_id)
{
	return decide(relation(&q_guardian_relation, r, guardian_id,
	    class_id), r, ROLE_ADMIN | ROLE_SECRETARY, 1);
}

enum obj_res
obj_student_edit(const struct req *r, long long student_id, long long class_id)
{
	return decide(relation(&q_student_relation, r, student_id, class_id),
	    r, ROLE_ADMIN | ROLE_SECRETARY, 1);
}
