/*
 * plan.h: the calendar-thematic plan (КТП, R29) and the tests schedule.
 *
 * A plan belongs to one assignment: a teacher, a subject, a group
 * (sql/012_plan.sql).  Its topics are numbered 1..N in the order they are
 * taught; a topic is done when a lesson refers to it
 * (lesson.plan_topic_id), which is how the plan knows how far the group
 * has got.
 *
 * The hours the plan must add up to: the assignment's hours a week times
 * PLAN_WEEKS, the 34 study weeks of the federal curriculum for grades
 * 2-11 (ФОП), whatever the year's calendar says.  The assignment (not the
 * class's curriculum row) because two teachers may share one group and
 * subject, each with their own plan for their own hours; /load already
 * checks that the assignments cover the curriculum.
 */
#ifndef JOURNAL_PLAN_H
#define JOURNAL_PLAN_H

#include <stddef.h>

#include "csvimport.h"
#include "objects.h"

struct _hdf;
struct req;

#define PLAN_WEEKS	34
/* Rows after the header in an imported plan. */
#define PLAN_IMPORT_MAX	1000

/* Whose plan: the assignment. */
struct plan_key {
	long long	 school_id;
	long long	 year_id;
	long long	 group_id;
	long long	 subject_id;
	long long	 teacher_id;
};

/* What the page shows under the topics. */
struct plan_totals {
	int	 topics;
	int	 done;		/* topics a lesson refers to */
	int	 tests;		/* topics marked «контрольная» */
	int	 undated;	/* topics with no planned date */
	int	 tenths;	/* the plan's hours, in tenths */
	int	 required;	/* assignment hours × PLAN_WEEKS, in tenths */
	int	 due;		/* topics planned up to today */
	int	 ahead;		/* done - due: > 0 ahead, < 0 behind */
};

/*
 * The plan of group × subject the user looks at: the teacher of the
 * assignment asked for (want, 0: any), preferring the user's own, else the
 * first teacher by id.  Fills key (school of the session, year of the
 * group).  1 found, 0 no such assignment in the user's school, -1 error.
 * Run after obj_journal_view(): it only picks whose plan.
 */
int	plan_key_find(const struct req *, long long group_id,
	    long long subject_id, long long want, struct plan_key *key);

/*
 * The plan: prefix.Topics.N.{id,number,topic,hours,planned_on (ISO),
 * planned (ДД.ММ.ГГГГ),is_test,done_on,lessons,overdue}, prefix.Teachers
 * (the other plans of the same group and subject: id, name) and the
 * totals as prefix.Total.* (hours as «68» or «67,5»).  0 or -1.
 */
int	plan_load(struct req *, const char *prefix, const struct plan_key *,
	    struct plan_totals *);

/*
 * The topic the journal's lesson form proposes for the next lesson: the
 * lowest-numbered topic of the plan no lesson refers to yet.  teacher_id
 * 0 takes the plan of the first teacher of the assignment (by id), for a
 * substitute who has no plan of their own.  1 with *topic_id and text
 * (truncated to size) set, 0 when every topic is used or there is no
 * plan, -1 on a database failure.
 */
int	plan_next_topic(long long group_id, long long subject_id,
	    long long teacher_id, long long *topic_id, char *text,
	    size_t size);

/* One topic as entered; hours in tenths, planned_on ISO or NULL. */
struct plan_topic_in {
	long long	 number;	/* 0: at the end */
	const char	*topic;
	int		 tenths;
	const char	*planned_on;
	int		 is_test;
	size_t		 line;		/* import: the file's line */
};

/* Add a topic at in->number (later ones move down), or at the end.  The
 * new id, or -1. */
long long	plan_topic_add(struct req *, const struct plan_key *,
		    const struct plan_topic_in *);
/* Change a topic's text, hours, date and flag.  1, 0 not in this plan,
 * -1. */
int	plan_topic_update(struct req *, const struct plan_key *,
	    long long topic_id, const struct plan_topic_in *);
/* Delete an unused topic and close the gap.  1, 0 not in this plan,
 * 2 a lesson refers to it (nothing done), -1. */
int	plan_topic_delete(struct req *, const struct plan_key *,
	    long long topic_id);
/* Swap with the neighbour above (dir -1) or below (+1).  1, 0 not in
 * this plan or already first/last, -1. */
int	plan_topic_move(struct req *, const struct plan_key *,
	    long long topic_id, int dir);
/* Number the topics 1..N in their order, closing gaps.  0 or -1. */
int	plan_renumber(struct req *, const struct plan_key *);
/* One topic of the plan into prefix.{id,number,topic,hours,planned_on,
 * is_test}: 1, 0 not in this plan, -1. */
int	plan_topic_get(struct _hdf *, const char *prefix,
	    const struct plan_key *, long long topic_id);
/* The year's first and last day (ISO) for checking planned dates. */
int	plan_year_span(long long year_id, char from[11], char to[11]);

/* An imported plan, checked before anything is written. */
struct plan_import {
	struct csvimport_head	 h;	/* the file, its refusal, counts */
	struct plan_topic_in	*rows;	/* h.nrows, in the order of numbers */
	char			**errors; /* h.nerrors of «Строка N: ...» */
	int			 tenths;	/* the file's total hours */
};

/*
 * Read a CSV plan (number; topic; hours; date optional; «контрольная»
 * optional; header row; UTF-8 or Windows-1251; «;» or «,») and check
 * every row; dates must fall in [from, to].  Writes nothing.  0, or -1
 * (out of memory is not possible: the arena aborts).
 */
int	plan_import_check(struct req *, struct plan_import *,
	    const char *data, size_t len, const char *from, const char *to);
/*
 * Replace the whole plan by the checked rows (nerrors must be 0): only
 * while no topic of the plan is used by a lesson.  1 done, 2 refused
 * (a lesson refers to a topic; nothing written), -1.
 */
int	plan_replace(struct req *, const struct plan_key *,
	    const struct plan_import *);

/* Plans the user may read, with their state: prefix.N.{group_id,
 * subject_id,teacher_id,class,group,subject,teacher,weekly,required,
 * hours,topics,done,due,diff,state}; all for the overseers, else the
 * user's own assignments and those of the classes they lead.  0 or -1. */
int	plan_list(struct req *, const char *prefix, int all);

/*
 * The class is of the user's school and the current year: OBJ_OK,
 * OBJ_MISSING, OBJ_ERROR.  Every role that reaches /tests may see every
 * class's tests (teachers plan their own around them), so nothing is
 * denied.
 */
enum obj_res	obj_tests_class(const struct req *, long long class_id);
/* Classes of the current year: prefix.N.{id,name}; the user's own
 * (led) first when lead_first. */
int	db_tests_classes(struct _hdf *, const char *prefix,
	    long long school_id, long long person_id);
/*
 * The tests of a set of groups (a class's, a student's: DB_IDS ids from
 * db_class_group_ids / db_student_group_ids) from..to (ISO) by day:
 * prefix.Days.N.{date,day,count,over} with .Items.K.{kind ('held'|
 * 'planned'),subject,group,what,teacher}; a day is over when its count
 * exceeds max.  The count is of distinct subjects (two English subgroups
 * writing the same test is one test for each student).  Returns the
 * number of days over, or -1.
 */
int	tests_schedule(struct req *, const char *prefix,
	    const long long *groups, int ngroups, const char *from,
	    const char *to, long long max);

#endif
