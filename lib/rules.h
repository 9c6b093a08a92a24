/*
 * rules.h: the school's rules on marks (R23-R27, the scale, «н/а») as pure
 * functions, so that each lives in one place and is unit-tested on fixed
 * dates (t/unit/test_rules.c).  Nothing here reads the database, the
 * request, the settings or the clock: callers read the rows and the
 * school's settings and pass them in; these functions decide.
 *
 * Days are days since 1970-01-01 (days_from_civil in util.h).  Stamps
 * are seconds since 1970-01-01 00:00 of the local calendar (day * 86400
 * + seconds of the day, no time zone), as DATETIME columns hold them: so
 * that "N days after" is N * 86400, exactly MariaDB's INTERVAL N DAY.
 */
#ifndef JOURNAL_RULES_H
#define JOURNAL_RULES_H

#include <stddef.h>

#define RULE_DAY	86400LL

/* "YYYY-MM-DD HH:MM:SS" (a DATETIME as MariaDB prints it) as a stamp. */
int	 stamp_parse(const char *s, long long *t);

/* --- Cells: what a cell of the journal or the period marks accepts --- */

/*
 * R24: the grades with no marks (setting no_marks_grades: "1", "1, 2";
 * "" or "0" for none) as bits 1 << grade.  0, or -1 when the list is not
 * one of grades 0..11.
 */
int	 rule_grades_parse(const char *list, unsigned *mask);
/* Whether grade has no marks at all (R24). */
int	 rule_no_marks(unsigned mask, int grade);

/* A value of a subject's scale in a grade, as the rules see it. */
struct rule_value {
	const char	*code;
	int		 plus_minus;	/* «4+», «5−»: shown only when on */
};

enum rule_code {
	RULE_CODE_OK,
	RULE_NO_SCALE,		/* the subject has no scale in the grade */
	RULE_NOT_IN_SCALE	/* no such code, or a «+»/«−» one when off */
};
/*
 * Whether code is a mark of the scale v[n]; a «+»/«−» value only when
 * the school's five_point_plus_minus is on.  *at (when not NULL) gets the
 * value's index on RULE_CODE_OK.  Codes compare byte for byte, as the
 * utf8mb4_bin columns do.
 */
enum rule_code	rule_code(const struct rule_value *v, size_t n,
		    int plus_minus, const char *code, size_t *at);

/*
 * R23: a current mark may be corrected within edit_days of being set
 * (set_at later than now - edit_days), or while the management's unlock
 * holds (unlocked_until later than now; 0: never unlocked).  Stamps.
 */
int	 rule_mark_editable(long long set_at, long long unlocked_until,
	    long long now, long long edit_days);

/* A change of a journal cell, what it is decided on. */
struct rule_cell {
	int		 mark;		/* the value typed is a mark code */
	int		 has_mark;	/* the cell holds a mark now */
	int		 editable;	/* rule_mark_editable of that mark */
	int		 no_marks;	/* rule_no_marks of the student's grade */
	const struct rule_value *scale;	/* the subject's scale in the grade */
	size_t		 nscale;
	int		 plus_minus;	/* five_point_plus_minus */
	const char	*code;		/* the typed mark, when mark */
};

enum rule_cell_res {
	RULE_CELL_OK,
	RULE_CELL_LOCKED,	/* changes a mark past its edit window */
	RULE_CELL_NO_MARKS,	/* a mark in a grade with none (R24) */
	RULE_CELL_NO_SCALE,
	RULE_CELL_NOT_IN_SCALE
};
/*
 * Whether a journal cell may change (to a mark, «н» or empty), in this
 * order: a stored mark outside its window is never changed, not even to
 * «н» or cleared; then a mark needs a grade with marks and a code of the
 * scale.  *at: the value's index in scale on RULE_CELL_OK with a mark.
 */
enum rule_cell_res	rule_cell(const struct rule_cell *, size_t *at);

/* --- Lessons and periods --- */

/* A span of days, first and last included: a period, a holiday. */
struct rule_span {
	long	 from, to;
};

/*
 * The period a journal opens on: the one that contains today, else the
 * last begun, else the first.  Its index in p[n] (in date order), or -1
 * when n is 0.
 */
int	 rule_period_pick(const struct rule_span *p, size_t n, long today);
/*
 * A lesson may be dated day: not after today, and inside a period of the
 * group's grade p[n].
 */
int	 rule_lesson_day_ok(long day, long today, const struct rule_span *p,
	    size_t n);

/* --- Period marks (R23, R26) --- */

/* R23: the day period marks are due: lead_days before the period ends. */
long	 rule_period_mark_due(long period_end, long long lead_days);
/* Late: today is after that day (missing marks are then flagged). */
int	 rule_period_mark_late(long period_end, long long lead_days,
	    long today);

/* A student's numbers for «н/а» in a period (or the year). */
struct rule_na {
	long long	 marks;		/* current marks */
	long long	 lessons;	/* lessons held */
	long long	 absent;	/* lessons missed */
	long long	 max_marks;	/* na_max_marks */
	double		 share;		/* na_min_absent_share */
};
/*
 * R26: «н/а» only with fewer than max_marks current marks and more than
 * share of the lessons missed (none held: never).
 */
int	 rule_na_allowed(const struct rule_na *);
/* A period mark deferred for illness: the date must not have passed. */
int	 rule_defer_ok(long until, long today);

/* --- The journal's remarks (R23, R25, R27) --- */

/*
 * R23: a lesson entered after its day; a mark set more than due_days
 * after its lesson (mark_due_days).  Days.
 */
int	 rule_lesson_late(long lesson_day, long created_day);
int	 rule_mark_late(long lesson_day, long set_day, long long due_days);
/*
 * R23: homework set (stamp hw_at; 0: none) later than hours after the
 * end of the lesson: its own bell (seconds of the day; -1: none), else
 * the year's last bell (-1: none), else 23:59:59.  Simplification kept
 * from the first version: not the teacher's last lesson of the day.
 */
int	 rule_homework_late(long long hw_at, long lesson_day, long bell_end,
	    long last_bell, long long hours);

/*
 * A lesson as one student's remarks see it: the group's lessons read, in
 * date order, each with whether this student missed it.
 */
struct rule_lesson {
	long	 day;
	int	 absent;
};
/*
 * R25: a mark below pass on lesson ls[at] right after a long absence:
 * there are at least n (long_absence_lessons) lessons on earlier days,
 * and the student missed every lesson from the day of the n-th before it
 * on (all of that day's).  ls holds every lesson from that day on.
 */
int	 rule_after_absence(const struct rule_lesson *ls, size_t at,
	    long long n);
/*
 * R25: ... right after holidays: one ended (last day hol[i]) before the
 * lesson's day and on or after the day of the lesson before it (or there
 * is none).
 */
int	 rule_after_holiday(const struct rule_lesson *ls, size_t at,
	    const long *hol, size_t nhol);
/*
 * R25: a mark below pass on day not re-tested: retest_days have gone by
 * (day + retest_days before today) and the student's next mark after day
 * (next; LONG_MAX: none) is not within them.
 */
int	 rule_no_retest(long day, long next, long today,
	    long long retest_days);
/*
 * R27: the marks a period needs: min_marks (min_marks_per_period), one
 * more for each weekly hour above one (hours rounded up).
 */
long long rule_min_marks(long long min_marks, double hours);

#endif
