/*
 * lesson.h: one held lesson of a journal (R19, R20, R22): its date,
 * number, topic, homework and forms of work (the mark columns), and the
 * teacher's list of journals.  Marks and absences are in grid.h.
 */
#ifndef JOURNAL_LESSON_H
#define JOURNAL_LESSON_H

#include <stddef.h>

struct _hdf;
struct req;

/* What a lesson form carries. */
struct lesson_in {
	long long	 id;		/* 0: a new lesson */
	long long	 group_id;
	long long	 subject_id;
	const char	*on_date;	/* YYYY-MM-DD */
	int		 number;	/* 0: not given */
	const char	*topic;
	const char	*covered;
	const char	*homework;
	const long long	*works;		/* work_kind ids, one column each */
	size_t		 nworks;
	const long long	*hw_students;	/* individual homework */
	const char	**hw_texts;
	size_t		 nhw;
	long long	 plan_topic_id;	/* the КТП topic covered (R29), 0: none */
};

/*
 * prefix.{id,group_id,subject_id,on_date,number,topic,covered,homework,
 * year_id} of a lesson of the user's school, with prefix.Works.N.
 * {work_kind_id,name} and prefix.Hw.<student_id> = text, and its key
 * typed in *out.  1, 0, -1.
 */
struct lesson_head {
	long long	 id;
	long long	 group_id;
	long long	 subject_id;
	char		 on_date[11];	/* YYYY-MM-DD */
};
int	db_lesson_get(struct req *, const char *prefix, long long lesson_id,
	    struct lesson_head *out);
/*
 * The lesson number the timetable (with the day's changes) gives the
 * group's subject that day, the first not entered yet; or 0.
 */
int	db_lesson_number_proposed(struct req *, long long group_id,
	    long long subject_id, const char *on_date);
/*
 * Whether on_date is a school day of the group's year: inside a period
 * of the group's grade and not in the future.  1 yes, 0 no, -1 error.
 */
int	db_lesson_date_ok(long long group_id, const char *on_date);
/*
 * R20: whether a topic says what the work is about, not just the work's
 * name and a number («Контрольная работа № 1»).  The school's work names
 * are the words that do not count.  1 meaningful, 0 not, -1 error.
 */
int	lesson_topic_meaningful(struct req *, const char *topic);
/* Whether any of the work kinds needs a topic (R20): 1, 0, -1. */
int	db_work_kinds_need_topic(long long school_id, const long long *ids,
	    size_t n);
/*
 * Create or update a lesson with its columns (forms of work added; a
 * removed form keeps its column when it holds marks) and individual
 * homework; the writer's substitution (R22) sets substitute_for.
 * Returns the lesson id, or -1.
 */
long long	lesson_save(struct req *, const struct lesson_in *);
/*
 * The КТП's next topic for a new lesson of the journal (R29): the
 * writer's own plan, else the group's (a substitute follows the absent
 * teacher's).  1 with *topic_id and *text (the request's arena), 0 none
 * (*text ""), -1.
 */
int	lesson_plan_topic(struct req *, long long group_id,
	    long long subject_id, long long *topic_id, const char **text);
/*
 * Whether on_date and number are a lesson the timetable (with its
 * changes) gives the journal that day, on a study day not in the future:
 * 1, 0, -1.
 */
int	lesson_slot_ok(struct req *, long long group_id, long long subject_id,
	    const char *on_date, int number);
/*
 * The lesson of a timetable slot (lesson_slot_ok), entered on demand: the
 * one there, else a new one (R19) with the timetable's number, the plan's
 * next topic (R29) and the default column, audited.  Two requests at once
 * make one lesson (the group's row is locked).  *work_id gets its first
 * column, *created 1 when made here.  The caller has run
 * obj_journal_write for the day.  The lesson id, 0 when the slot is not
 * the timetable's, -1.
 */
/*
 * Whether the journal has a lesson (other than except_id) at that day
 * and number: 1, 0, -1.  Locks the group's row as lesson_ensure does, so
 * that the lesson form and a cell typed into a greyed column do not both
 * make the day's lesson.
 */
int		lesson_slot_taken(struct req *, long long group_id,
		    long long subject_id, const char *on_date, int number,
		    long long except_id);
long long	lesson_ensure(struct req *, long long group_id,
		    long long subject_id, const char *on_date, int number,
		    long long *work_id, int *created);
/*
 * Set a lesson's topic and homework (the journal's inline form), audited.
 * 1, 0 refused (*msg: R20, a test's topic says what it is about), -1.
 */
int	lesson_head_save(struct req *, long long lesson_id, const char *topic,
	    const char *homework, const char **msg);
/*
 * The teacher's journals: prefix.N.{group_id,group,subject_id,subject,
 * substitute} — their assignments of the current year, then the journals
 * they substitute in (a timetable change or a lesson given as substitute).
 */
int	db_journals_by_teacher(struct _hdf *, const char *prefix,
	    long long school_id, long long person_id);

/*
 * The journals of the classes a class teacher leads (read-only for them):
 * prefix.N.{group_id,group,subject_id,subject,class}.
 */
int	db_journals_by_class_teacher(struct _hdf *, const char *prefix,
	    long long school_id, long long person_id);
/* prefix.N.{id,name} of the group's current students. */
int	db_group_students(struct _hdf *, const char *prefix, long long group_id);
/*
 * The grade of a group of the school: its class's, for a stream its
 * youngest member's; 0 when none; -1 on an error.
 */
int	db_group_grade(long long group_id, long long school_id);
/* prefix.{group,subject} names of a journal of the user's school: 1, 0, -1. */
int	db_journal_names(struct _hdf *, const char *prefix, long long group_id,
	    long long subject_id, long long school_id);
#endif
