/*
 * load.h: the curriculum against the teacher load (R15).  The curriculum
 * is per class and subject; the load (assignment) per teacher, subject and
 * group.  A student gets, in a subject, the sum of the hours taught to
 * the groups they are in; a class's plan is covered when every current
 * student gets its hours (sql/005_groups.sql).
 */
#ifndef JOURNAL_LOAD_H
#define JOURNAL_LOAD_H

#include "objects.h"

struct _hdf;
struct req;

/* An assignment of the user's school: OBJ_OK, OBJ_MISSING, OBJ_ERROR. */
enum obj_res	obj_assignment(const struct req *, long long assignment_id);

/*
 * The year's curriculum with its cover: prefix.N.{class_id,subject_id,
 * class,subject,plan,got_min,got_max,warn} and prefix.N.Teachers.K.{id,
 * teacher,group,hours} (id: the assignment), and the warnings in Russian
 * as warnings.N.text: a subject with no teacher, a subgroup with none,
 * hours short.  Returns the number of warnings or -1.
 */
int	db_load_list(struct req *, const char *prefix, const char *warnings,
	    long long year_id);
/* prefix.N.{id,teacher,subject,group,hours}: load outside the curriculum
 * (electives, individual groups of a subject the class has no plan for). */
int	db_load_other(struct _hdf *, const char *prefix, long long school_id,
	    long long year_id);
/* prefix.N.{id,name,position,hours}: active staff with the teacher role. */
int	db_load_teachers(struct _hdf *, const char *prefix, long long school_id,
	    long long year_id);
/* prefix.N.{id,name,subject_id}: the groups of the year, by class. */
int	db_load_groups(struct _hdf *, const char *prefix, long long school_id,
	    long long year_id);

/* Whether a person is active staff of the school with the teacher role. */
int	db_teacher_active(long long school_id, long long person_id);
/*
 * A group of the school in the year: 1 (*subject_id its subject, 0 for
 * any), 0, -1.
 */
int	db_group_in_year(long long school_id, long long year_id,
	    long long group_id, long long *subject_id);

/* Add an assignment (hours in tenths).  0, DB_DUPLICATE, -1. */
int	assignment_add(struct req *, long long year_id, long long teacher_id,
	    long long subject_id, long long group_id, int tenths);
/* Remove one.  0, -1. */
int	assignment_remove(struct req *, long long assignment_id);
/* Whether class_id is a class of the school in year_id: 1, 0 or -1. */
int	db_class_in_year(long long school_id, long long year_id,
	    long long class_id);
/*
 * The curriculum (R15): set a class's hours a week in a subject (tenths;
 * 0 removes the subject from the class's plan), audited old -> new.
 * 0 or -1.
 */
int	curriculum_set(struct req *, long long class_id, long long subject_id,
	    int tenths);

#endif
