/*
 * groups.h: groups of students (R14): the whole class, subgroups that
 * split a class for one subject, streams across classes, individual
 * groups.  The whole-class group's members are derived from class_student;
 * group_student holds the members of the other kinds (sql/005_groups.sql).
 *
 * Object checks come first (obj_*), then the loaders; the writers add
 * their audit rows and run inside the POST's transaction.
 */
#ifndef JOURNAL_GROUPS_H
#define JOURNAL_GROUPS_H

#include <stddef.h>

#include "db.h"
#include "objects.h"

struct _hdf;
struct req;

/*
 * (group_id, student_id) of every group: a whole-class group's current
 * students and the stored members still in the group's class (any class
 * for a stream).  A derived table for FROM/JOIN.
 */
#define GROUP_MEMBERS_SQL \
	"(SELECT gw.id AS group_id, cw.student_id FROM `groups` gw" \
	" JOIN class_student cw ON cw.class_id = gw.class_id" \
	"   AND cw.left_on IS NULL WHERE gw.kind = 'class'" \
	" UNION ALL SELECT gm.group_id, cm.student_id FROM group_student gm" \
	" JOIN `groups` go ON go.id = gm.group_id" \
	" JOIN class_student cm ON cm.student_id = gm.student_id" \
	"   AND cm.left_on IS NULL" \
	"   AND (go.class_id IS NULL OR cm.class_id = go.class_id))"
/*
 * The groups of ONE student (group_id), filtered inside: give the
 * student's id twice.  Use it instead of GROUP_MEMBERS_SQL ... WHERE
 * student_id = ? on hot pages: MariaDB does not push a prepared
 * statement's condition into that union and reads every lesson instead
 * (6 ms against 0.3 ms on the demo's diary).
 */
#define STUDENT_GROUPS_SQL \
	"(SELECT gw.id AS group_id FROM class_student cw" \
	" JOIN `groups` gw ON gw.class_id = cw.class_id AND gw.kind = 'class'" \
	" WHERE cw.student_id = ? AND cw.left_on IS NULL" \
	" UNION ALL SELECT gm.group_id FROM group_student gm" \
	" JOIN `groups` go ON go.id = gm.group_id" \
	" JOIN class_student cm ON cm.student_id = gm.student_id" \
	"   AND cm.left_on IS NULL" \
	"   AND (go.class_id IS NULL OR cm.class_id = go.class_id)" \
	" WHERE gm.student_id = ?)"
/*
 * The students (student_id) of ONE group, filtered inside: give the
 * group's id twice.  The same members as GROUP_MEMBERS_SQL, without
 * reading every group's.
 */
#define GROUP_STUDENTS_SQL \
	"(SELECT cw.student_id FROM `groups` gw" \
	" JOIN class_student cw ON cw.class_id = gw.class_id" \
	"   AND cw.left_on IS NULL WHERE gw.id = ? AND gw.kind = 'class'" \
	" UNION ALL SELECT cm.student_id FROM group_student gm" \
	" JOIN `groups` go ON go.id = gm.group_id" \
	" JOIN class_student cm ON cm.student_id = gm.student_id" \
	"   AND cm.left_on IS NULL" \
	"   AND (go.class_id IS NULL OR cm.class_id = go.class_id)" \
	" WHERE gm.group_id = ?)"
/*
 * The groups that teach ONE class (group_id): give the class id twice.
 * A stream is "COALESCE(gn.class_id, 0) = 0" here and below, not "IS
 * NULL": MariaDB reads that by the class_id key, every stream of every
 * school for each student, instead of the one group by its id.
 */
#define CLASS_GROUPS_SQL \
	"(SELECT gk.id AS group_id FROM `groups` gk WHERE gk.class_id = ?" \
	" UNION SELECT gs.group_id FROM group_student gs" \
	" JOIN `groups` gn ON gn.id = gs.group_id" \
	"   AND COALESCE(gn.class_id, 0) = 0" \
	" JOIN class_student cs ON cs.student_id = gs.student_id" \
	"   AND cs.left_on IS NULL WHERE cs.class_id = ?)"
/*
 * (group_id, student_id): ONE class's current students in the groups that
 * teach them (the same pairs as GROUP_MEMBERS_SQL for the class's
 * students), filtered inside: give the class id twice.
 */
#define CLASS_MEMBERS_SQL \
	"(SELECT gk.id AS group_id, ck.student_id FROM `groups` gk" \
	" JOIN class_student ck ON ck.class_id = gk.class_id" \
	"   AND ck.left_on IS NULL WHERE gk.class_id = ? AND gk.kind = 'class'" \
	" UNION ALL SELECT gm.group_id, cm.student_id FROM class_student cm" \
	" JOIN group_student gm ON gm.student_id = cm.student_id" \
	" JOIN `groups` go ON go.id = gm.group_id" \
	"   AND (go.class_id IS NULL OR go.class_id = cm.class_id)" \
	" WHERE cm.class_id = ? AND cm.left_on IS NULL)"
/* (group_id, class_id): the classes a group teaches (a stream: several). */
#define GROUP_CLASSES_SQL \
	"(SELECT gk.id AS group_id, gk.class_id FROM `groups` gk" \
	" WHERE gk.class_id IS NOT NULL" \
	" UNION SELECT gs.group_id, cs.class_id FROM group_student gs" \
	" JOIN `groups` gn ON gn.id = gs.group_id" \
	"   AND COALESCE(gn.class_id, 0) = 0" \
	" JOIN class_student cs ON cs.student_id = gs.student_id" \
	"   AND cs.left_on IS NULL)"
/*
 * The same pairs for the classes ONE class teacher leads (class.teacher_id):
 * give the person's id twice.  GROUP_CLASSES_SQL joined with WHERE
 * c.teacher_id = ? reads every school's groups (MariaDB does not push a
 * prepared statement's condition into a union).
 */
#define LED_CLASS_GROUPS_SQL \
	"(SELECT gk.id AS group_id, gk.class_id FROM class ck" \
	" JOIN `groups` gk ON gk.class_id = ck.id WHERE ck.teacher_id = ?" \
	" UNION SELECT gs.group_id, cs.class_id FROM class ck" \
	" JOIN class_student cs ON cs.class_id = ck.id AND cs.left_on IS NULL" \
	" JOIN group_student gs ON gs.student_id = cs.student_id" \
	" JOIN `groups` gn ON gn.id = gs.group_id" \
	"   AND COALESCE(gn.class_id, 0) = 0" \
	" WHERE ck.teacher_id = ?)"

/*
 * The ids of the groups a current student learns in (their class's own
 * group and the subgroups, streams and individual groups of that class's
 * year), or that teach one class, for a DB_IDS list: the count, or -1
 * (also when there are more than DB_ID_SLOTS, logged).  A student's are
 * read once per request (the diary's week and its lessons both ask).
 */
int	db_student_group_ids(long long student_id, long long *ids);
/*
 * The name typed in key k of a group or stream form: 1..150 characters,
 * kept in Form.<field>; NULL with the field's error set (/groups,
 * /streams).
 */
const char	*groups_check_name(struct req *, size_t k, const char *field);
/* Between requests (screen.c): forget the memo of db_student_group_ids. */
void	groups_request_end(void);
int	db_class_group_ids(long long class_id, long long *ids);

/* A DECIMAL(3,1) of hours as Russian text: 3, 1,5. */
#define HOURS_SQL(x)	"REPLACE(TRIM(TRAILING '.0' FROM " x "), '.', ',')"

/*
 * Changing the groups of a class: the class is in the user's school (the
 * role was checked by the access table).  OBJ_OK, OBJ_MISSING, OBJ_ERROR;
 * *open = 1 when the class's year is open, *year_id its year.
 */
enum obj_res	obj_groups_edit(const struct req *, long long class_id,
		    long long *year_id, int *open);
/*
 * A group reached through a class: OBJ_OK when it is in the user's school
 * and belongs to the class (a stream: has a current student of it),
 * OBJ_DENIED when it is the school's but not the class's, OBJ_MISSING
 * when it is not the school's.
 */
enum obj_res	obj_group_of_class(const struct req *, long long group_id,
		    long long class_id);

/* prefix.{id,name,kind,class_id,subject_id} of a group; 1, 0, -1. */
int	db_group_get(struct _hdf *, const char *prefix, long long group_id);

/*
 * The groups of a class: prefix.N.{id,name,kind,subject_id,subject,used,
 * teachers,members,here}: used = its assignments, members = all its
 * students, here = those of this class.  Splits.N.{subject_id,subject,
 * a,a_name,b,b_name} pairs the subgroups of one subject.  Returns the
 * number of groups or -1.
 */
int	db_groups_list_by_class(struct req *, const char *prefix,
	    long long class_id);
/*
 * The class's current students, prefix.N.{id,name}, each with
 * prefix.N.In.<group_id> = 1 for the stored groups they are in.  Returns
 * the number of students or -1.
 */
int	db_groups_roster(struct req *, const char *prefix, long long class_id);
/* Ids of the class's current students in the arena; NULL on error. */
long long *db_class_student_ids(struct req *, long long class_id, size_t *n);
/* prefix.N.{id,name} of the school's subjects. */
int	db_subjects_list(struct _hdf *, const char *prefix, long long school_id);
/* The subject's name in *name (arena) when it is the school's: 1, 0, -1. */
int	db_subject_name(struct req *, long long subject_id, const char **name);

/*
 * Create the split of a class for a subject into two subgroups, or when
 * it exists, rename its subgroups and replace their members.  a and b
 * partition the class's students (the caller checked).  Returns 0,
 * DB_DUPLICATE (a name taken), -3 (the class has a broken split: not two
 * subgroups), -1.
 */
int	groups_split_save(struct req *, long long class_id, long long year_id,
	    long long subject_id, const char *name_a, const long long *a,
	    size_t na, const char *name_b, const long long *b, size_t nb);
/* The whole-class group, when the class has none.  0, -1. */
int	groups_whole_create(struct req *, long long class_id,
	    long long year_id, const char *name);
/* A one-student group.  0, DB_DUPLICATE (name taken), -1. */
int	groups_individual_create(struct req *, long long class_id,
	    long long year_id, long long student_id, long long subject_id,
	    const char *name);
/*
 * Replace the members from class_id of a stream or an individual group
 * (kind checked by the caller) with ids.  0, -1.
 */
int	groups_members_save(struct req *, long long group_id,
	    long long class_id, const long long *ids, size_t n);
/*
 * Delete a group with no assignment; a subgroup takes its whole split
 * with it (the other half alone would leave students in no subgroup).
 * Returns 0, 1 (used, or the whole class: refuse with 409), -1.
 */
int	groups_delete(struct req *, long long group_id);

/* --- Streams: one group across classes of a year (kind 'stream') --- */

/*
 * A stream of the user's school: OBJ_OK; OBJ_MISSING when it is another
 * school's or not a stream; OBJ_DENIED for a user who is not an overseer
 * (a class teacher) unless a current student of a class they lead is in
 * it.  *year_id its year, *open = 1 when the year is open.
 */
enum obj_res	obj_stream(const struct req *, long long group_id,
		    long long *year_id, int *open);
/* prefix.{id,name,subject_id,subject,year,used,teachers,members}; 1, 0, -1. */
int	db_stream_get(struct _hdf *, const char *prefix, long long group_id);
/* prefix.N.{id,name,subject,members,classes,used} of the school's streams
 * in the year.  Rows or -1. */
int	db_streams_list(struct _hdf *, const char *prefix, long long school_id,
	    long long year_id);

/* A current student of a class of the year. */
struct pupil {
	long long	 id;
	long long	 class_id;
	int		 member;	/* in the stream asked about */
};
/*
 * The current students of the school's classes of year_id, each with
 * member = 1 when in group_id (0: none), into *all (arena), *n their
 * count.  With prefix, the classes listed in show (or holding a member)
 * go to prefix.N.{id,name,members,Students.M.{id,name,member}}.
 * Returns 0 or -1.
 */
int	db_stream_pupils(struct req *, long long year_id, long long group_id,
	    const char *prefix, const long long *show, size_t nshow,
	    struct pupil **all, size_t *n);

/* A new stream with its members.  The id, DB_DUPLICATE (name taken), -1. */
long long	groups_stream_create(struct req *, long long year_id,
		    const char *name, long long subject_id,
		    const long long *ids, size_t n);
/*
 * Replace the stream's members who are current students of the year with
 * ids (rows of students who left stay, as history).  0, -1.
 */
int	groups_stream_members(struct req *, long long group_id,
	    long long year_id, const long long *ids, size_t n);
/* Rename a group.  0, DB_DUPLICATE, -1. */
int	groups_rename(struct req *, long long group_id, const char *name);

#endif
