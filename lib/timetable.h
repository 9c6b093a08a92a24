/*
 * timetable.h: the weekly timetable and its one-day changes (R15, R22,
 * R32), sql/011_timetable.sql.  The one place that knows how a week of
 * lessons is put together: the timetable rows valid on each day, with the
 * day's change applied (cancelled, substitute, room, moved), holidays
 * instead of lessons, bell times per number.  The diary and the journal
 * take the week from here.
 */
#ifndef JOURNAL_TIMETABLE_H
#define JOURNAL_TIMETABLE_H

#include "objects.h"

struct _hdf;
struct req;

/* Whose week. */
enum tt_view {
	TT_CLASS = 1,		/* the lessons of every group of a class */
	TT_TEACHER = 2,		/* given (or substituted) by a teacher */
	TT_ROOM = 3,		/* in a room */
	TT_STUDENT = 4		/* of the groups a student is in */
};

/* One lesson of a week as it really happens (or is cancelled). */
struct tt_lesson {
	long long	 tt_id;		/* timetable row; 0 for an extra lesson */
	long long	 change_id;	/* the day's change, 0: none */
	const char	*date;		/* YYYY-MM-DD */
	int		 weekday;	/* 1 Monday .. 7 */
	int		 number;
	long long	 group_id;
	const char	*group;
	const char	*group_kind;
	long long	 class_id;	/* 0 for a stream */
	long long	 subject_id;
	const char	*subject;
	long long	 teacher_id;	/* who gives it */
	const char	*teacher;
	long long	 plan_teacher_id; /* who the timetable names */
	const char	*room;
	int		 cancelled;
	int		 moved_out;	/* shown nowhere: it happens elsewhere */
	int		 moved_in;	/* here instead of its timetabled slot */
	const char	*reason;
	const char	*moved_from;	/* «24.11, 3-й урок» */
};

/*
 * The lessons of the week starting on monday (YYYY-MM-DD) for a class,
 * teacher, student (id) or room (room; id unused), in the request's
 * arena, by date and number; lessons on a holiday of their class are left
 * out, moved-out ones are kept with moved_out = 1.  One query whatever
 * the size of the week.  Returns the count or -1.
 */
int	db_week_lessons(struct req *, enum tt_view, long long id,
	    const char *room, const char *monday, struct tt_lesson **out);
/*
 * The whole week into the page: prefix.{monday,sunday,prev,next,title},
 * prefix.Days.D.{date,name,label,holiday} for D = 1..6,
 * prefix.Rows.N.{number,starts,ends} and
 * prefix.Rows.N.Cells.D.L.{tt_id,change_id,group,subject,teacher,room,
 * state,note} (state: normal, substitute, cancelled, moved_in; the
 * moved-out ones are not shown).  Bells and holidays: one query each.
 * Returns 0 or -1.
 */
int	db_week_hdf(struct req *, const char *prefix, enum tt_view,
	    long long id, const char *room, const char *monday);
/* The same, with the week's lessons (db_week_lessons) in *out, *n. */
int	db_week_hdf_lessons(struct req *, const char *prefix, enum tt_view,
	    long long id, const char *room, const char *monday,
	    struct tt_lesson **out, int *n);
/*
 * A lesson's state as the week shows it: cancelled, moved_in, substitute,
 * changed or normal, with *note its Russian note (NULL when normal).
 */
const char	*tt_lesson_state(struct req *, const struct tt_lesson *,
		    const char **note);

/*
 * Lessons the timetable had (with its changes: a cancelled one is not
 * due, a moved one is due on its new day, a substitute's is theirs) on the
 * school days from..to (YYYY-MM-DD, at most a year apart) that were never
 * entered in the journal: per group, subject and day, how many more the
 * timetable had than the journal holds.  For a teacher (TT_TEACHER: who
 * gives it that day) or a class (TT_CLASS: its groups).  Days of the
 * grade's holidays and outside its study periods are not school days.
 * Rows by day; returns their number or -1.
 */
struct tt_missing {
	long long	 group_id;
	const char	*group;
	long long	 subject_id;
	const char	*subject;
	const char	*date;		/* YYYY-MM-DD */
	const char	*day;		/* DD.MM */
	int		 count;
};
int	db_tt_missing(struct req *, enum tt_view, long long id,
	    const char *from, const char *to, struct tt_missing **out);

/*
 * One lesson the timetable (with its changes) gives a group on a school
 * day: what the diary's homework walks to find the lesson it is due for.
 */
struct tt_slot {
	long		 day;		/* days since 1970-01-01 */
	int		 number;	/* 0: not known */
	long long	 group_id;
	long long	 subject_id;
	const char	*subject;
};
/*
 * The lessons of the groups (ids, at most DB_ID_SLOTS) on the school days
 * from..to (YYYY-MM-DD) as db_tt_missing counts them: a cancelled lesson
 * is not there, a moved one is on its new day and number, an added one
 * too; holidays and days outside the grade's periods have none.  By day,
 * number, subject and group.  Three statements whatever the span.
 * Returns the count or -1.
 */
int	db_tt_slots(struct req *, const long long *groups, int ngroups,
	    const char *from, const char *to, struct tt_slot **out);

/*
 * One journal's lessons in the timetable: those the timetable (with its
 * changes) gives group_id's subject_id on the study days from..to,
 * whether entered or not, by day and number (a moved lesson on its new
 * day and number, a cancelled one not at all).  Three plain statements.
 * Returns their number or -1.
 */
struct tt_due {
	const char	*date;		/* YYYY-MM-DD */
	long		 day;		/* days since 1970-01-01 */
	int		 number;	/* in the day; 0: not given */
};
int	db_tt_due_journal(struct req *, long long group_id,
	    long long subject_id, const char *from, const char *to,
	    struct tt_due **out);

/* The Monday on or before date (YYYY-MM-DD) into buf[11]; 0 or -1. */
int	tt_monday(const char *date, char buf[11]);
/* date + days into buf[11]. */
void	tt_add_days(const char *date, int days, char buf[11]);
/* 1 Monday .. 7 Sunday. */
int	tt_weekday(const char *date);
/* Today (the server's clock) into buf[11]. */
void	tt_today(char buf[11]);

/* prefix.N.name: the rooms of the timetable valid on date. */
int	db_tt_rooms(struct _hdf *, const char *prefix, long long school_id,
	    const char *date);
/* prefix.{id,name} of a person of the school; 1, 0, -1. */
int	db_tt_person_get(struct _hdf *, const char *prefix,
	    long long school_id, long long person_id);

/* --- Who sees which week (SQL, like lib/objects.c) --- */

/* A class's week: overseers, teachers any class; a class teacher theirs. */
enum obj_res	obj_week_class(const struct req *, long long class_id);
/* A teacher's week: overseers any staff of the school; a teacher their own. */
enum obj_res	obj_week_teacher(const struct req *, long long person_id);

/*
 * A current student's own week (their groups): overseers; the class
 * teacher of their class.  Sets Student.{name,class_id} when found.
 */
enum obj_res	obj_week_student(struct req *, long long student_id);

/* --- The timetable editor --- */

/* The school's year containing date (or the current one): id, 1/0/-1. */
int	db_tt_year_by_date(long long school_id, const char *date,
	    long long *year_id, const char **starts, const char **ends,
	    int *open, struct req *);
/*
 * The class's timetable rows valid on date: prefix.D.N.L.{id,group,
 * group_id,subject,subject_id,teacher,teacher_id,room,valid_from,valid_to}
 * by weekday D and number N; prefix.rows the number of rows to show.
 * Rows or -1.
 */
int	db_tt_list_by_class(struct _hdf *, const char *prefix,
	    long long class_id, const char *date);
/* prefix.{...} of one row of the school, its group in *group_id; 1, 0, -1. */
int	db_tt_get(struct _hdf *, const char *prefix, long long school_id,
	    long long tt_id, long long *group_id);

/* A timetable row to add or change. */
struct tt_row {
	long long	 id;		/* 0: new */
	long long	 year_id;
	long long	 group_id;
	long long	 subject_id;
	long long	 teacher_id;
	int		 weekday;
	int		 number;
	const char	*room;
	const char	*valid_from;
	const char	*valid_to;
};
/*
 * The first existing row in the way of row: the same teacher, the same
 * room, the same group or a group sharing a student, at the same weekday
 * and number on overlapping dates.  *msg gets the Russian message naming
 * it.  Returns 1 (conflict), 0 (none), -1.
 */
int	db_tt_conflict(struct req *, const struct tt_row *, const char **msg);
/* Insert (row->id == 0) or update, with its audit row.  The id or -1. */
long long	tt_save(struct req *, const struct tt_row *);
/* Delete a row with its changes, audited.  0, -1. */
int	tt_delete(struct req *, long long tt_id);
/*
 * Remove a row from date on: a row that started before ends the day
 * before (the weeks already taught keep it), a later one is deleted.
 * 0, -1.
 */
int	tt_remove(struct req *, long long tt_id, const char *date);

/* --- Changes --- */

/* prefix.N.{...} of the changes of the school on date (on or moved to). */
int	db_tt_changes_by_date(struct _hdf *, const char *prefix,
	    long long school_id, const char *date);
/*
 * prefix.N.{id,number,group,subject,teacher,teacher_id,room}: the
 * timetabled lessons of the school on date, by class and number.
 */
int	db_tt_day_lessons(struct _hdf *, const char *prefix,
	    long long school_id, const char *date);
/* A one-day change to record.  teacher_id/new_number 0, strings NULL: as
 * timetabled. */
struct tt_change {
	long long	 tt_id;
	const char	*on_date;
	long long	 teacher_id;
	long long	 absent_teacher_id;
	int		 cancelled;
	const char	*new_date;
	int		 new_number;
	const char	*room;
	const char	*reason;
};
/*
 * Check and record (replacing the day's earlier change of that lesson).
 * Returns the change id, 0 with *msg set when refused (not a lesson of
 * that day, a busy substitute, a busy slot), -1.
 */
long long	tt_change_save(struct req *, const struct tt_change *,
		    const char **msg);
/* Delete a change of the school, audited.  1, 0 (none), -1. */
int	tt_change_delete(struct req *, long long change_id);

#endif
