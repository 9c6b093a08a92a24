/*
 * groups.c: groups of a class and their members (R14).  A page needs the
 * groups, then the members of the stored groups; both are one query each,
 * nested in C by the student's row (as db_roster_list does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "db.h"
#include "groups.h"
#include "screen.h"
#include "log.h"
#include "sqlnames.h"

#define SHORT_NAME(p)	"CONCAT(" p ".last_name, ' ', LEFT(" p ".first_name, 1)," \
			" '.', IF(" p ".middle_name = '', '', CONCAT(" \
			"LEFT(" p ".middle_name, 1), '.')))"

DB_STMT(q_student_group_ids,
    "SELECT gw.id FROM class_student cw JOIN `groups` gw"
    "   ON gw.class_id = cw.class_id AND gw.kind = 'class'"
    " WHERE cw.student_id = ? AND cw.left_on IS NULL"
    " UNION ALL SELECT gm.group_id FROM class_student cm"
    " JOIN class cc ON cc.id = cm.class_id"
    " JOIN group_student gm ON gm.student_id = cm.student_id"
    " JOIN `groups` go ON go.id = gm.group_id AND go.year_id = cc.year_id"
    "   AND (go.class_id IS NULL OR go.class_id = cm.class_id)"
    " WHERE cm.student_id = ? AND cm.left_on IS NULL");
DB_STMT(q_class_group_ids,
    "SELECT cg.group_id FROM " CLASS_GROUPS_SQL " cg");

static int
group_ids(struct db_stmt *q, long long id, long long *ids)
{
	int	 n = 0, rc;

	if (db_query(q, "ll", id, id) == -1)
		return -1;
	while ((rc = db_next(q)) == 1) {
		if (n == DB_ID_SLOTS) {
			log_msg("groups: more than %d groups for %lld",
			    DB_ID_SLOTS, id);
			db_done(q);
			return -1;
		}
		ids[n++] = db_int(q, 0);
	}
	return rc == -1 ? -1 : n;
}

/* The last student's groups this request (a diary page asks 2-3 times). */
static struct {
	long long	 student;	/* 0: none */
	int		 n;
	long long	 ids[DB_ID_SLOTS];
} memo;

void
groups_request_end(void)
{
	memo.student = 0;
}

int
db_student_group_ids(long long student_id, long long *ids)
{
	int	 n;

	if (memo.student != 0 && memo.student == student_id) {
		memcpy(ids, memo.ids, (size_t)memo.n * sizeof(*ids));
		return memo.n;
	}
	if ((n = group_ids(&q_student_group_ids, student_id, ids)) == -1)
		return -1;
	memcpy(memo.ids, ids, (size_t)n * sizeof(*ids));
	memo.student = student_id;
	memo.n = n;
	return n;
}

int
db_class_group_ids(long long class_id, long long *ids)
{
	return group_ids(&q_class_group_ids, class_id, ids);
}

DB_STMT(q_groups_edit,
    "SELECT c.year_id, y.is_open FROM class c JOIN year y ON y.id = c.year_id"
    " WHERE c.id = ? AND c.school_id = ?");
/* In the school; and of the class: its own, or a stream with a member
 * who is a current student of the class. */
DB_STMT(q_group_of_class,
    "SELECT g.class_id <=> ? OR (g.kind = 'stream' AND EXISTS ("
    "   SELECT 1 FROM group_student gs JOIN class_student cs"
    "   ON cs.student_id = gs.student_id AND cs.left_on IS NULL"
    "   WHERE gs.group_id = g.id AND cs.class_id = ?))"
    " FROM `groups` g WHERE g.id = ? AND g.school_id = ?");
enum obj_res
obj_groups_edit(const struct req *r, long long class_id, long long *year_id,
    int *open)
{
	int	 rc;

	*year_id = 0;
	*open = 0;
	if (db_query(&q_groups_edit, "ll", class_id, r->sess.school_id) == -1 ||
	    (rc = db_next(&q_groups_edit)) == -1)
		return OBJ_ERROR;
	if (rc == 0)
		return OBJ_MISSING;
	*year_id = db_int(&q_groups_edit, 0);
	*open = db_int(&q_groups_edit, 1) == 1;
	db_done(&q_groups_edit);
	return OBJ_OK;
}

enum obj_res
obj_group_of_class(const struct req *r, long long group_id,
    long long class_id)
{
	int	 rc, mine;

	if (db_query(&q_group_of_class, "llll", class_id, class_id, group_id,
	    r->sess.school_id) == -1 || (rc = db_next(&q_group_of_class)) == -1)
		return OBJ_ERROR;
	if (rc == 0)
		return OBJ_MISSING;
	mine = db_int(&q_group_of_class, 0) == 1;
	db_done(&q_group_of_class);
	return mine ? OBJ_OK : OBJ_DENIED;
}

DB_STMT(q_group_get,
    "SELECT id, name, kind, class_id, subject_id FROM `groups` WHERE id = ?");

int
db_group_get(struct _hdf *hdf, const char *prefix, long long group_id)
{
	return db_row_hdf(hdf, prefix, &q_group_get, "l", group_id);
}

DB_STMT(q_groups_list,
    "SELECT g.id, g.name, g.kind, g.subject_id, s.name AS subject,"
    " (SELECT COUNT(*) FROM assignment a WHERE a.group_id = g.id) AS used,"
    " (SELECT GROUP_CONCAT(CONCAT(" SHORT_NAME("t") ", ' — ', sa.short_name,"
    "   ', ', " HOURS_SQL("a.hours") ", ' ч') ORDER BY t.last_name"
    "   SEPARATOR '; ') FROM assignment a JOIN person t ON t.id = a.teacher_id"
    "   JOIN subject sa ON sa.id = a.subject_id WHERE a.group_id = g.id)"
    "   AS teachers,"
    " (SELECT COUNT(*) FROM " GROUP_MEMBERS_SQL " m"
    "   WHERE m.group_id = g.id) AS members,"
    " (SELECT COUNT(*) FROM " GROUP_MEMBERS_SQL " m"
    "   JOIN class_student ch ON ch.student_id = m.student_id"
    "   AND ch.left_on IS NULL AND ch.class_id = ?"
    "   WHERE m.group_id = g.id) AS here"
    " FROM `groups` g LEFT JOIN subject s ON s.id = g.subject_id"
    " WHERE g.class_id = ? OR (g.class_id IS NULL AND EXISTS ("
    "   SELECT 1 FROM group_student gs JOIN class_student cs"
    "   ON cs.student_id = gs.student_id AND cs.left_on IS NULL"
    "   WHERE gs.group_id = g.id AND cs.class_id = ?))"
    " ORDER BY FIELD(g.kind, 'class', 'subgroup', 'individual', 'stream'),"
    " s.name, g.name, g.id");

int
db_groups_list_by_class(struct req *r, const char *prefix, long long class_id)
{
	char		 name[128];
	const char	*kind;
	long long	 subj, last_subj = 0;
	int		 rc, n = 0, nsplit = 0, half = 0;

	if (db_query(&q_groups_list, "lll", class_id, class_id, class_id) == -1)
		return -1;
	while ((rc = db_next(&q_groups_list)) == 1) {
		snprintf(name, sizeof(name), "%s.%d", prefix, n++);
		db_row_to_hdf(r->hdf, name, &q_groups_list);
		kind = db_str(&q_groups_list, 2);
		if (kind == NULL || strcmp(kind, "subgroup") != 0)
			continue;
		/* Subgroups come ordered by subject: pair them. */
		subj = db_int(&q_groups_list, 3);
		if (subj != last_subj || half == 2) {
			if (last_subj != 0)
				nsplit++;
			half = 0;
			last_subj = subj;
			req_setf(r, arena_printf(&r->arena, "Splits.%d.subject_id",
			    nsplit), "%lld", subj);
			req_set(r, arena_printf(&r->arena, "Splits.%d.subject",
			    nsplit), db_str(&q_groups_list, 4));
		}
		req_set(r, arena_printf(&r->arena, "Splits.%d.%s", nsplit,
		    half == 0 ? "a" : "b"), db_str(&q_groups_list, 0));
		req_set(r, arena_printf(&r->arena, "Splits.%d.%s_name", nsplit,
		    half == 0 ? "a" : "b"), db_str(&q_groups_list, 1));
		half++;
	}
	return rc == -1 ? -1 : n;
}

DB_STMT(q_roster,
    "SELECT p.id, " FULL_NAME("p") " AS name FROM class_student cs"
    " JOIN person p ON p.id = cs.student_id"
    " WHERE cs.class_id = ? AND cs.left_on IS NULL"
    " ORDER BY p.last_name, p.first_name, p.middle_name, p.id");
DB_STMT(q_roster_groups,
    "SELECT gs.student_id, gs.group_id FROM group_student gs"
    " JOIN class_student cs ON cs.student_id = gs.student_id"
    "   AND cs.left_on IS NULL AND cs.class_id = ?"
    " ORDER BY gs.student_id");

int
db_groups_roster(struct req *r, const char *prefix, long long class_id)
{
	struct idindex	 byid = { 0 };
	char		 name[128];
	int		 rc, row, n = 0, ret = -1;

	if (db_query(&q_roster, "l", class_id) == -1)
		return -1;
	while ((rc = db_next(&q_roster)) == 1) {
		snprintf(name, sizeof(name), "%s.%d", prefix, n);
		db_row_to_hdf(r->hdf, name, &q_roster);
		idindex_add(&byid, db_int(&q_roster, 0), n++);
	}
	if (rc == -1 || db_query(&q_roster_groups, "l", class_id) == -1)
		goto out;
	while ((rc = db_next(&q_roster_groups)) == 1) {
		if ((row = idindex_find(&byid, db_int(&q_roster_groups, 0))) < 0)
			continue;
		req_set(r, arena_printf(&r->arena, "%s.%d.In.%lld", prefix,
		    row, db_int(&q_roster_groups, 1)), "1");
	}
	if (rc != -1)
		ret = n;
out:
	idindex_free(&byid);
	return ret;
}

long long *
db_class_student_ids(struct req *r, long long class_id, size_t *n)
{
	long long	*ids = NULL, *grown;
	size_t		 cap = 0;
	int		 rc;

	*n = 0;
	if (db_query(&q_roster, "l", class_id) == -1)
		return NULL;
	while ((rc = db_next(&q_roster)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			grown = arena_alloc(&r->arena, cap * sizeof(*ids));
			if (*n > 0)
				memcpy(grown, ids, *n * sizeof(*ids));
			ids = grown;
		}
		ids[(*n)++] = db_int(&q_roster, 0);
	}
	if (rc == -1)
		return NULL;
	return ids != NULL ? ids : arena_alloc(&r->arena, sizeof(*ids));
}

DB_STMT(q_subjects_list,
    "SELECT id, name FROM subject WHERE school_id = ? ORDER BY name");
DB_STMT(q_subject_name,
    "SELECT name FROM subject WHERE id = ? AND school_id = ?");

int
db_subjects_list(struct _hdf *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_subjects_list, "l", school_id);
}

int
db_subject_name(struct req *r, long long subject_id, const char **name)
{
	int	 rc;

	*name = NULL;
	if (db_query(&q_subject_name, "ll", subject_id, r->sess.school_id) ==
	    -1 || (rc = db_next(&q_subject_name)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	*name = arena_strdup(&r->arena, db_str(&q_subject_name, 0));
	db_done(&q_subject_name);
	return 1;
}

/* --- Writers --- */

DB_STMT(q_group_insert,
    "INSERT INTO `groups` (school_id, year_id, name, kind, class_id,"
    " subject_id) VALUES (?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0))");
DB_STMT(q_group_rename,
    "UPDATE `groups` SET name = ? WHERE id = ?");
DB_STMT(q_split_ids,
    "SELECT id, name, (SELECT COUNT(*) FROM group_student gs"
    "   WHERE gs.group_id = g.id) FROM `groups` g"
    " WHERE g.class_id = ? AND g.kind = 'subgroup' AND g.subject_id = ?"
    " ORDER BY g.id");
DB_STMT(q_member_insert,
    "INSERT INTO group_student (group_id, student_id) VALUES (?, ?)");
DB_STMT(q_members_clear,
    "DELETE FROM group_student WHERE group_id = ?");
/* Only this class's students: a stream keeps the other classes'. */
DB_STMT(q_members_clear_class,
    "DELETE gs FROM group_student gs JOIN class_student cs"
    " ON cs.student_id = gs.student_id AND cs.class_id = ?"
    " WHERE gs.group_id = ?");
DB_STMT(q_whole_exists,
    "SELECT COUNT(*) FROM `groups` WHERE class_id = ? AND kind = 'class'");

static int
members_add(long long group_id, const long long *ids, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (db_exec(&q_member_insert, "ll", group_id, ids[i]) != 1)
			return -1;
	return 0;
}

static long long
group_insert(struct req *r, long long year_id, const char *name,
    const char *kind, long long class_id, long long subject_id)
{
	long long	 rc;

	rc = db_exec(&q_group_insert, "llssll", r->sess.school_id, year_id,
	    name, kind, class_id, subject_id);
	if (rc == DB_DUPLICATE)
		return DB_DUPLICATE;
	if (rc != 1)
		return -1;
	return (long long)db_last_id();
}

int
groups_split_save(struct req *r, long long class_id, long long year_id,
    long long subject_id, const char *name_a, const long long *a, size_t na,
    const char *name_b, const long long *b, size_t nb)
{
	long long	 id[2], rc;
	const char	*old[2];
	long long	 oldn[2];
	int		 n = 0, next;

	if (db_query(&q_split_ids, "ll", class_id, subject_id) == -1)
		return -1;
	while ((next = db_next(&q_split_ids)) == 1) {
		if (n < 2) {
			id[n] = db_int(&q_split_ids, 0);
			old[n] = arena_strdup(&r->arena,
			    db_str(&q_split_ids, 1));
			oldn[n] = db_int(&q_split_ids, 2);
		}
		n++;
	}
	if (next == -1)
		return -1;
	if (n != 0 && n != 2)
		return -3;
	if (n == 0) {
		if ((id[0] = group_insert(r, year_id, name_a, "subgroup",
		    class_id, subject_id)) < 0)
			return (int)id[0];
		if ((id[1] = group_insert(r, year_id, name_b, "subgroup",
		    class_id, subject_id)) < 0)
			return (int)id[1];
	} else {
		/* Rename through a free name, so a swap of names works. */
		if ((rc = db_exec(&q_group_rename, "sl", arena_printf(&r->arena,
		    "#%lld", id[0]), id[0])) < 0 ||
		    (rc = db_exec(&q_group_rename, "sl", name_b, id[1])) < 0 ||
		    (rc = db_exec(&q_group_rename, "sl", name_a, id[0])) < 0)
			return rc == DB_DUPLICATE ? DB_DUPLICATE : -1;
		if (db_exec(&q_members_clear, "l", id[0]) < 0 ||
		    db_exec(&q_members_clear, "l", id[1]) < 0)
			return -1;
	}
	if (members_add(id[0], a, na) == -1 || members_add(id[1], b, nb) == -1)
		return -1;
	if (audit_add(r, n == 0 ? "group_create" : "group_members", "group",
	    id[0], n == 0 ? NULL : arena_printf(&r->arena, "%s: %lld", old[0],
	    oldn[0]), arena_printf(&r->arena, "%s: %zu", name_a, na)) == -1 ||
	    audit_add(r, n == 0 ? "group_create" : "group_members", "group",
	    id[1], n == 0 ? NULL : arena_printf(&r->arena, "%s: %lld", old[1],
	    oldn[1]), arena_printf(&r->arena, "%s: %zu", name_b, nb)) == -1)
		return -1;
	return 0;
}

int
groups_whole_create(struct req *r, long long class_id, long long year_id,
    const char *name)
{
	long long	 id;
	int		 rc;

	if (db_query(&q_whole_exists, "l", class_id) == -1 ||
	    (rc = db_next(&q_whole_exists)) != 1)
		return -1;
	rc = db_int(&q_whole_exists, 0) > 0;
	db_done(&q_whole_exists);
	if (rc)
		return 0;	/* already there: nothing to do */
	if ((id = group_insert(r, year_id, name, "class", class_id, 0)) < 0)
		return -1;	/* the name of a class is its own */
	return audit_add(r, "group_create", "group", id, NULL, name);
}

int
groups_individual_create(struct req *r, long long class_id,
    long long year_id, long long student_id, long long subject_id,
    const char *name)
{
	long long	 id;

	if ((id = group_insert(r, year_id, name, "individual", class_id,
	    subject_id)) < 0)
		return (int)id;
	if (members_add(id, &student_id, 1) == -1)
		return -1;
	return audit_add(r, "group_create", "group", id, NULL,
	    arena_printf(&r->arena, "%s: ученик %lld", name, student_id));
}

int
groups_members_save(struct req *r, long long group_id, long long class_id,
    const long long *ids, size_t n)
{
	long long	 gone;

	if ((gone = db_exec(&q_members_clear_class, "ll", class_id,
	    group_id)) < 0 || members_add(group_id, ids, n) == -1)
		return -1;
	return audit_add(r, "group_members", "group", group_id,
	    arena_printf(&r->arena, "класс %lld: %lld", class_id, gone),
	    arena_printf(&r->arena, "класс %lld: %zu", class_id, n));
}

DB_STMT(q_group_for_delete,
    "SELECT g.kind, g.class_id, g.subject_id, g.name FROM `groups` g"
    " WHERE g.id = ?");
/* The groups that go together: the split of a subgroup, else itself. */
DB_STMT(q_delete_set,
    "SELECT g.id, g.name, (SELECT COUNT(*) FROM assignment a"
    "   WHERE a.group_id = g.id) FROM `groups` g"
    " WHERE g.id = ? OR (? = 'subgroup' AND g.kind = 'subgroup'"
    "   AND g.class_id = ? AND g.subject_id = ?) ORDER BY g.id");
DB_STMT(q_group_delete,
    "DELETE FROM `groups` WHERE id = ?");

int
groups_delete(struct req *r, long long group_id)
{
	const char	*kind;
	long long	 class_id, subject_id, ids[8];
	const char	*names[8];
	int		 rc, n = 0, used = 0, i;

	if (db_query(&q_group_for_delete, "l", group_id) == -1 ||
	    (rc = db_next(&q_group_for_delete)) == -1)
		return -1;
	if (rc == 0)
		return -1;	/* the object check found it */
	kind = arena_strdup(&r->arena, db_str(&q_group_for_delete, 0));
	class_id = db_int(&q_group_for_delete, 1);
	subject_id = db_int(&q_group_for_delete, 2);
	db_done(&q_group_for_delete);
	if (strcmp(kind, "class") == 0)
		return 1;
	if (db_query(&q_delete_set, "lsll", group_id, kind, class_id,
	    subject_id) == -1)
		return -1;
	while ((rc = db_next(&q_delete_set)) == 1) {
		if (n < 8) {
			ids[n] = db_int(&q_delete_set, 0);
			names[n++] = arena_strdup(&r->arena,
			    db_str(&q_delete_set, 1));
		}
		used |= db_int(&q_delete_set, 2) > 0;
	}
	if (rc == -1)
		return -1;
	if (used)
		return 1;
	for (i = 0; i < n; i++)
		if (db_exec(&q_members_clear, "l", ids[i]) < 0 ||
		    db_exec(&q_group_delete, "l", ids[i]) != 1 ||
		    audit_add(r, "group_delete", "group", ids[i], names[i],
		    NULL) == -1)
			return -1;
	return 0;
}

/* --- Streams --- */

/*
 * An overseer passes on the school alone; anyone else (a class teacher:
 * the access table lets no other role in) needs a member from a class
 * they lead, so that they see the streams their students are in.
 */
DB_STMT(q_stream_obj,
    "SELECT g.year_id, y.is_open, ? OR EXISTS (SELECT 1 FROM group_student gs"
    "   JOIN class_student cs ON cs.student_id = gs.student_id"
    "   AND cs.left_on IS NULL JOIN class c ON c.id = cs.class_id"
    "   AND c.teacher_id = ? WHERE gs.group_id = g.id)"
    " FROM `groups` g JOIN year y ON y.id = g.year_id"
    " WHERE g.id = ? AND g.school_id = ? AND g.kind = 'stream'");

enum obj_res
obj_stream(const struct req *r, long long group_id, long long *year_id,
    int *open)
{
	int	 rc, mine, overseer;

	*year_id = 0;
	*open = 0;
	overseer = (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT |
	    ROLE_INSPECTOR)) != 0;
	if (db_query(&q_stream_obj, "dlll", overseer, r->sess.person_id,
	    group_id, r->sess.school_id) == -1 ||
	    (rc = db_next(&q_stream_obj)) == -1)
		return OBJ_ERROR;
	if (rc == 0)
		return OBJ_MISSING;
	*year_id = db_int(&q_stream_obj, 0);
	*open = db_int(&q_stream_obj, 1) == 1;
	mine = db_int(&q_stream_obj, 2) == 1;
	db_done(&q_stream_obj);
	return mine ? OBJ_OK : OBJ_DENIED;
}

#define STREAM_COLS \
    "g.id, g.name, g.subject_id, s.name AS subject," \
    " (SELECT COUNT(*) FROM assignment a WHERE a.group_id = g.id) AS used," \
    " (SELECT COUNT(*) FROM " GROUP_MEMBERS_SQL " m" \
    "   WHERE m.group_id = g.id) AS members"

DB_STMT(q_stream_get,
    "SELECT " STREAM_COLS ", y.name AS year,"
    " (SELECT GROUP_CONCAT(CONCAT(" SHORT_NAME("t") ", ' — ', sa.short_name,"
    "   ', ', " HOURS_SQL("a.hours") ", ' ч') ORDER BY t.last_name"
    "   SEPARATOR '; ') FROM assignment a JOIN person t ON t.id = a.teacher_id"
    "   JOIN subject sa ON sa.id = a.subject_id WHERE a.group_id = g.id)"
    "   AS teachers"
    " FROM `groups` g JOIN year y ON y.id = g.year_id"
    " LEFT JOIN subject s ON s.id = g.subject_id"
    " WHERE g.id = ? AND g.kind = 'stream'");
DB_STMT(q_streams_list,
    "SELECT " STREAM_COLS ","
    " (SELECT GROUP_CONCAT(DISTINCT " CLASS_NAME("c") " ORDER BY c.grade,"
    "   c.letter SEPARATOR ', ') FROM " GROUP_CLASSES_SQL " gc"
    "   JOIN class c ON c.id = gc.class_id WHERE gc.group_id = g.id)"
    "   AS classes"
    " FROM `groups` g LEFT JOIN subject s ON s.id = g.subject_id"
    " WHERE g.school_id = ? AND g.year_id = ? AND g.kind = 'stream'"
    " ORDER BY g.name, g.id");

int
db_stream_get(struct _hdf *hdf, const char *prefix, long long group_id)
{
	return db_row_hdf(hdf, prefix, &q_stream_get, "l", group_id);
}

int
db_streams_list(struct _hdf *hdf, const char *prefix, long long school_id,
    long long year_id)
{
	return db_query_hdf(hdf, prefix, &q_streams_list, "ll", school_id,
	    year_id);
}

DB_STMT(q_stream_pupils,
    "SELECT p.id, " FULL_NAME("p") " AS name, c.id, " CLASS_NAME("c")
    " AS class, gs.student_id IS NOT NULL AS member"
    " FROM class c JOIN class_student cs ON cs.class_id = c.id"
    "   AND cs.left_on IS NULL"
    " JOIN person p ON p.id = cs.student_id"
    " LEFT JOIN group_student gs ON gs.group_id = ? AND gs.student_id = p.id"
    " WHERE c.school_id = ? AND c.year_id = ?"
    " ORDER BY c.grade, c.letter, c.id, p.last_name, p.first_name,"
    " p.middle_name, p.id");

/*
 * One query for the whole year (a school has some hundreds of students):
 * the same rows validate a posted list and draw the checkboxes, and the
 * classes to draw are known only once the members are.
 */
int
db_stream_pupils(struct req *r, long long year_id, long long group_id,
    const char *prefix, const long long *show, size_t nshow,
    struct pupil **all, size_t *n)
{
	struct pupil	*v = NULL, *grown;
	const char	**name = NULL, **cname = NULL, **gn;
	size_t		 cap = 0, i, j, end;
	int		 rc, nc = 0, ns, nm, shown;

	*n = 0;
	if (db_query(&q_stream_pupils, "lll", group_id, r->sess.school_id,
	    year_id) == -1)
		return -1;
	while ((rc = db_next(&q_stream_pupils)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			grown = arena_alloc(&r->arena, cap * sizeof(*v));
			if (*n > 0)
				memcpy(grown, v, *n * sizeof(*v));
			v = grown;
			if (prefix != NULL) {
				gn = arena_alloc(&r->arena, cap * sizeof(*gn));
				if (*n > 0)
					memcpy(gn, name, *n * sizeof(*gn));
				name = gn;
				gn = arena_alloc(&r->arena, cap * sizeof(*gn));
				if (*n > 0)
					memcpy(gn, cname, *n * sizeof(*gn));
				cname = gn;
			}
		}
		v[*n].id = db_int(&q_stream_pupils, 0);
		v[*n].class_id = db_int(&q_stream_pupils, 2);
		v[*n].member = db_int(&q_stream_pupils, 4) == 1;
		if (prefix != NULL) {
			name[*n] = arena_strdup(&r->arena,
			    db_str(&q_stream_pupils, 1));
			cname[*n] = arena_strdup(&r->arena,
			    db_str(&q_stream_pupils, 3));
		}
		(*n)++;
	}
	if (rc == -1)
		return -1;
	if (v == NULL)
		v = arena_alloc(&r->arena, sizeof(*v));
	*all = v;
	if (prefix == NULL)
		return 0;

	/* Rows come grouped by class: [i, end) is one class. */
	for (i = 0; i < *n; i = end) {
		shown = 0;
		nm = 0;
		for (end = i; end < *n && v[end].class_id == v[i].class_id;
		    end++)
			nm += v[end].member;
		for (j = 0; j < nshow && !shown; j++)
			shown = show[j] == v[i].class_id;
		if (!shown && nm == 0)
			continue;
		req_setf(r, arena_printf(&r->arena, "%s.%d.id", prefix, nc),
		    "%lld", v[i].class_id);
		req_set(r, arena_printf(&r->arena, "%s.%d.name", prefix, nc),
		    cname[i]);
		req_setf(r, arena_printf(&r->arena, "%s.%d.members", prefix,
		    nc), "%d", nm);
		for (ns = 0, j = i; j < end; j++, ns++) {
			req_setf(r, arena_printf(&r->arena,
			    "%s.%d.Students.%d.id", prefix, nc, ns), "%lld",
			    v[j].id);
			req_set(r, arena_printf(&r->arena,
			    "%s.%d.Students.%d.name", prefix, nc, ns), name[j]);
			req_set(r, arena_printf(&r->arena,
			    "%s.%d.Students.%d.member", prefix, nc, ns),
			    v[j].member ? "1" : "0");
		}
		nc++;
	}
	return 0;
}

DB_STMT(q_stream_count,
    "SELECT COUNT(*) FROM " GROUP_MEMBERS_SQL " m WHERE m.group_id = ?");
/* The rows of the year's current students only: who left stays recorded. */
DB_STMT(q_stream_clear_year,
    "DELETE gs FROM group_student gs JOIN class_student cs"
    " ON cs.student_id = gs.student_id AND cs.left_on IS NULL"
    " JOIN class c ON c.id = cs.class_id AND c.year_id = ?"
    " WHERE gs.group_id = ?");
DB_STMT(q_group_name,
    "SELECT name FROM `groups` WHERE id = ?");

long long
groups_stream_create(struct req *r, long long year_id, const char *name,
    long long subject_id, const long long *ids, size_t n)
{
	long long	 id;

	if ((id = group_insert(r, year_id, name, "stream", 0,
	    subject_id)) < 0)
		return id;
	if (members_add(id, ids, n) == -1 ||
	    audit_add(r, "group_create", "group", id, NULL,
	    arena_printf(&r->arena, "%s: поток, %zu уч.", name, n)) == -1)
		return -1;
	return id;
}

static const char *
group_name(struct req *r, long long group_id)
{
	const char	*s;
	int		 rc;

	if (db_query(&q_group_name, "l", group_id) == -1 ||
	    (rc = db_next(&q_group_name)) != 1)
		return NULL;
	s = arena_strdup(&r->arena, db_str(&q_group_name, 0));
	db_done(&q_group_name);
	return s;
}

int
groups_stream_members(struct req *r, long long group_id, long long year_id,
    const long long *ids, size_t n)
{
	const char	*name;
	long long	 old;
	int		 rc;

	if ((name = group_name(r, group_id)) == NULL ||
	    db_query(&q_stream_count, "l", group_id) == -1 ||
	    (rc = db_next(&q_stream_count)) != 1)
		return -1;
	old = db_int(&q_stream_count, 0);
	db_done(&q_stream_count);
	if (db_exec(&q_stream_clear_year, "ll", year_id, group_id) < 0 ||
	    members_add(group_id, ids, n) == -1)
		return -1;
	return audit_add(r, "group_members", "group", group_id,
	    arena_printf(&r->arena, "%s: %lld", name, old),
	    arena_printf(&r->arena, "%s: %zu", name, n));
}

int
groups_rename(struct req *r, long long group_id, const char *name)
{
	const char	*old;
	long long	 rc;

	if ((old = group_name(r, group_id)) == NULL)
		return -1;
	if (strcmp(old, name) == 0)
		return 0;
	if ((rc = db_exec(&q_group_rename, "sl", name, group_id)) < 0)
		return rc == DB_DUPLICATE ? DB_DUPLICATE : -1;
	return audit_add(r, "group_rename", "group", group_id, old, name);
}

#define NAME_MAX_CHARS	150

const char *
groups_check_name(struct req *r, size_t k, const char *field)
{
	const char	*s = req_str(r, k);

	if (r->fields[k].error != NULL || s == NULL) {
		req_field_error(r, field, "Укажите название группы.");
		return NULL;
	}
	if (utf8_len(s) > NAME_MAX_CHARS) {
		req_field_error(r, field,
		    "Название группы: не длиннее 150 символов.");
		return NULL;
	}
	req_set(r, arena_printf(&r->arena, "Form.%s", field), s);
	return s;
}
