/*
 * objects.c: one query per check says whether the object exists in the
 * user's school and whether it is the user's own (a class they lead, a
 * guardian of such a class); the role decides the rest.
 */
#include "db.h"
#include "screen.h"
#include "objects.h"
#include "rights.h"
#include "sqlnames.h"

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

/*
 * A journal: whether the group (of the user's school) is in an open year,
 * whether the user teaches the subject to it, substitutes for it (NULL:
 * never; 1: on the date, today when the date is NULL; 0: on other days),
 * and leads a class it teaches (its own class, or for a stream a class of
 * a member).
 */
DB_STMT(q_journal_relation,
    "SELECT y.is_open,"
    " EXISTS (SELECT 1 FROM assignment a WHERE a.group_id = g.id"
    "   AND a.subject_id = ? AND a.teacher_id = ?),"
    " (SELECT MAX(COALESCE(tc.new_date, tc.on_date) = COALESCE(?, CURDATE()))"
    "   FROM timetable_change tc WHERE tc.group_id = g.id"
    "   AND tc.subject_id = ? AND tc.teacher_id = ? AND tc.is_cancelled = 0),"
    " EXISTS (SELECT 1 FROM class c WHERE c.id = g.class_id"
    "   AND c.teacher_id = ?)"
    " OR EXISTS (SELECT 1 FROM group_student gs JOIN class_student cs"
    "   ON cs.student_id = gs.student_id AND cs.left_on IS NULL"
    "   JOIN class c ON c.id = cs.class_id"
    "   WHERE g.class_id IS NULL AND gs.group_id = g.id AND c.teacher_id = ?)"
    " FROM `groups` g JOIN year y ON y.id = g.year_id"
    " WHERE g.id = ? AND g.school_id = ? AND EXISTS (SELECT 1 FROM subject s"
    "   WHERE s.id = ? AND s.school_id = g.school_id)");

/* A current student of the school: is it the user, a child of the user,
 * in a class the user leads. */
DB_STMT(q_diary_relation,
    "SELECT cs.student_id = ?,"
    " EXISTS (SELECT 1 FROM guardian g WHERE g.student_id = cs.student_id"
    "   AND g.guardian_id = ?),"
    " c.teacher_id <=> ?,"
    " p.id, " FULL_NAME("p") " AS name, c.id AS class_id,"
    " " CLASS_NAME("c") " AS class, c.grade, c.year_id"
    " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " JOIN person p ON p.id = cs.student_id"
    " WHERE cs.student_id = ? AND cs.left_on IS NULL AND c.school_id = ?"
    " LIMIT 1");

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

/* Who reads every journal of the school (R8: never students or parents). */
#define JOURNAL_READERS	(ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_INSPECTOR)

enum journal_rel {
	JR_OPEN = 1, JR_TEACHES = 2, JR_SUBSTITUTES = 4, JR_LEADS = 8,
	JR_SUBSTITUTES_ON = 16		/* on the date asked about */
};

/* -1: error, 0: missing, else JR_* bits | 32 (exists).  date NULL: today. */
static int
journal_relation(const struct req *r, long long group_id,
    long long subject_id, const char *date)
{
	const struct session	*s = &r->sess;
	int			 rc, bits;

	if (db_query(&q_journal_relation, "llslllllll", subject_id,
	    s->person_id, date, subject_id, s->person_id, s->person_id,
	    s->person_id, group_id, s->school_id, subject_id) == -1 ||
	    (rc = db_next(&q_journal_relation)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	bits = 32;
	if (db_int(&q_journal_relation, 0) == 1)
		bits |= JR_OPEN;
	if (db_int(&q_journal_relation, 1) == 1)
		bits |= JR_TEACHES;
	if (db_str(&q_journal_relation, 2) != NULL)
		bits |= JR_SUBSTITUTES;
	if (db_int(&q_journal_relation, 2) == 1)
		bits |= JR_SUBSTITUTES_ON;
	if (db_int(&q_journal_relation, 3) == 1)
		bits |= JR_LEADS;
	db_done(&q_journal_relation);
	return bits;
}

static enum obj_res
journal_view(const struct req *r, int rel)
{
	if (rel == -1)
		return OBJ_ERROR;
	if (rel == 0)
		return OBJ_MISSING;
	if ((r->sess.roles & JOURNAL_READERS) || rights_granted(r, M_GET))
		return OBJ_OK;
	if (rel & (JR_TEACHES | JR_SUBSTITUTES))
		return OBJ_OK;
	if ((rel & JR_LEADS) && (r->sess.roles & ROLE_CLASS_TEACHER))
		return OBJ_OK;
	return OBJ_DENIED;
}

/* with_date: a substitution counts (on the date the relation was asked). */
static enum obj_res
journal_write(const struct req *r, int rel, int with_date)
{
	if (rel == -1)
		return OBJ_ERROR;
	if (rel == 0)
		return OBJ_MISSING;
	if (!(rel & JR_OPEN))
		return OBJ_DENIED;	/* a closed year is read-only */
	if (rel & JR_TEACHES)
		return OBJ_OK;
	if (with_date && (rel & JR_SUBSTITUTES_ON))
		return OBJ_OK;
	if (rights_granted(r, M_POST))
		return OBJ_OK;
	return OBJ_DENIED;
}

enum obj_res
obj_journal_view(const struct req *r, long long group_id,
    long long subject_id)
{
	return journal_view(r, journal_relation(r, group_id, subject_id,
	    NULL));
}

enum obj_res
obj_journal_open(const struct req *r, long long group_id,
    long long subject_id, enum obj_res *write_today)
{
	int	 rel = journal_relation(r, group_id, subject_id, NULL);

	*write_today = journal_write(r, rel, 1);
	return journal_view(r, rel);
}

enum obj_res
obj_journal_write(const struct req *r, long long group_id,
    long long subject_id, const char *date)
{
	/* Without a date a substitution never counts. */
	return journal_write(r, journal_relation(r, group_id, subject_id,
	    date != NULL ? date : "0000-00-00"), date != NULL);
}

enum obj_res
obj_student_diary(struct req *r, long long student_id, const char *prefix,
    struct diary_student *out)
{
#define NCOLS	6
	static const char *const cols[NCOLS] = { "id", "name", "class_id",
	    "class", "grade", "year_id" };
	const char		*row[NCOLS];
	const struct session	*s = &r->sess;
	enum obj_res		 res = OBJ_DENIED;
	int			 rc, self, child, leads;
	unsigned		 i;

	if (db_query(&q_diary_relation, "lllll", s->person_id, s->person_id,
	    s->person_id, student_id, s->school_id) == -1 ||
	    (rc = db_next(&q_diary_relation)) == -1)
		return OBJ_ERROR;
	if (rc == 0)
		return OBJ_MISSING;
	self = db_int(&q_diary_relation, 0) == 1;
	child = db_int(&q_diary_relation, 1) == 1;
	leads = db_int(&q_diary_relation, 2) == 1;
	/* The student's row comes with the check: one query, not two. */
	for (i = 0; i < NCOLS; i++)
		row[i] = db_str(&q_diary_relation, i + 3) != NULL ?
		    arena_strdup(&r->arena, db_str(&q_diary_relation, i + 3)) :
		    NULL;
	if (out != NULL) {
		out->id = db_int(&q_diary_relation, 3);
		out->class_id = db_int(&q_diary_relation, 5);
		out->grade = (int)db_int(&q_diary_relation, 7);
		out->year_id = db_int(&q_diary_relation, 8);
	}
	db_done(&q_diary_relation);
	if ((self && (s->roles & ROLE_STUDENT)) ||
	    (child && (s->roles & ROLE_PARENT)) ||
	    (leads && (s->roles & ROLE_CLASS_TEACHER)) ||
	    (s->roles & JOURNAL_READERS) || rights_granted(r, M_GET))
		res = OBJ_OK;
	for (i = 0; res == OBJ_OK && prefix != NULL && i < NCOLS; i++)
		req_set(r, arena_printf(&r->arena, "%s.%s", prefix, cols[i]),
		    row[i]);
	return res;
#undef NCOLS
}
