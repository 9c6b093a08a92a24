/*
 * classweek.h: the class teacher's week (R21, R30): the absences of the
 * class's students with their reasons, and the completeness check of every
 * journal of the class.  The object check is obj_class_view (a class
 * teacher: their own class); each page is a fixed number of queries.
 */
#ifndef JOURNAL_CLASSWEEK_H
#define JOURNAL_CLASSWEEK_H

#include <stddef.h>

struct req;

#define ABSENCE_NOTE_MAX	255

/*
 * The classes the user may choose from, in the current year: all of the
 * school's with all != 0, else those the user leads.  prefix.N.{id,name}.
 * Rows or -1.
 */
int	db_classes_for_week(struct req *, const char *prefix, int all);
/*
 * Week.{class_id,class,grade,monday,sunday,from,to,prev,next} for the week
 * holding day (YYYY-MM-DD; NULL: today); Week.period* the class's period
 * holding that Monday, when there is one.  1, 0 (no such class), -1.
 */
int	db_class_week(struct req *, long long class_id, const char *day);
/*
 * The week's absences of the class's current students:
 * prefix.N.{lesson,student,name,day,number,subject,reason,note}.
 * Rows or -1.
 */
int	db_absences_week(struct req *, const char *prefix, long long class_id,
	    const char *monday);

/* One reason as the form sent it. */
struct absence_reason {
	long long	 lesson_id;
	long long	 student_id;
	const char	*reason;	/* "", ill, excused, unexcused */
	const char	*note;
};
/* Whether reason is one of the four. */
int	absence_reason_ok(const char *reason);
/*
 * Save reasons of the week's absences of the class (each must be one of
 * them: else 1 and nothing written), one audit row per changed absence.
 * *changed gets their count.  0, 1, -1.
 */
int	absences_save(struct req *, long long class_id, const char *monday,
	    const struct absence_reason *, size_t n, int *changed);

/*
 * The completeness check (R30): prefix.N.{group_id,group,subject_id,
 * subject,teachers,lessons,no_topic,no_homework,unexplained,unmarked,
 * unmarked_names} for every journal (group × subject of the load) that
 * teaches the class's students, counts for the week from monday and, for
 * unmarked, the period from period_from to period_to (NULL: none).
 * Totals.* the sums.  Rows or -1.
 */
int	db_class_check(struct req *, const char *prefix, long long class_id,
	    const char *monday, const char *period_from,
	    const char *period_to);

#endif
