/*
 * periodmarks.h: period, year, exam and final marks of a group's students
 * in a subject (R26-R28), with the forecast of each period from its
 * current marks (R35: the school's weighted average, MARK_FORECAST).
 *
 * The page is loaded into a struct pm_page with a fixed number of queries
 * (whatever the size of the group), rendered from it, and a save checks
 * every typed cell against it before anything is written.
 */
#ifndef JOURNAL_PERIODMARKS_H
#define JOURNAL_PERIODMARKS_H

#include <stddef.h>

struct req;

/* The columns after the periods: year, exam, final. */
enum { PM_YEAR, PM_EXAM, PM_FINAL, PM__EXTRA };

struct pm_value {
	const char	*code;
	double		 num;
	int		 has_num;
	int		 plus_minus;
};

struct pm_period {
	long long	 id;
	const char	*name;
	const char	*due;		/* DD.MM.YYYY: lead days before the end */
	int		 late;		/* today is after the due day */
	int		 lessons;
};

/* A student's numbers for one period (or, last, the whole year). */
struct pm_stat {
	int		 marks;
	int		 absent;
	const char	*wavg;		/* NULL: no numeric marks */
	long long	 forecast;	/* -1: none */
};

/* What is stored for one cell: a code, «н/а» or a deferral. */
struct pm_cell {
	int		 set;
	const char	*code;
	int		 is_na;
	const char	*until;		/* YYYY-MM-DD */
};

struct pm_page {
	long long	 group_id, subject_id, year_id;
	const char	*group_name, *subject_name, *year_name;
	int		 grade;
	int		 open;		/* the year is open */
	int		 no_marks;	/* the grade has no marks (R24) */
	int		 plus_minus;	/* five_point_plus_minus */
	long long	 na_max_marks;
	double		 na_share;
	struct pm_value	*values;
	size_t		 nvalues;
	struct pm_period *periods;
	size_t		 nperiods;
	long long	*students;
	const char	**names;
	size_t		 nstudents;
	/* [student * (nperiods + 1) + period]; the last is the year. */
	struct pm_stat	*stats;
	/* [student * ncols + col]; cols: periods, then year, exam, final. */
	struct pm_cell	*cells;
	size_t		 ncols;
};

/*
 * Load the page (the object check has run).  0; 1 when the group or the
 * subject is not the school's; -1 on failure.
 */
int	db_period_marks_load(struct req *, long long group_id,
	    long long subject_id, struct pm_page *);
/* The user's own journals of the current year: prefix.N.{group_id,
 * subject_id,group,subject}.  Rows or -1. */
int	db_period_marks_mine(struct req *, const char *prefix);
/* The page's data as Page.*, Columns.*, Students.*, Scale.*. */
void	period_marks_hdf(struct req *, const struct pm_page *);
/*
 * Save the typed cells: at[i] "student:col" (col: a period id as "pN",
 * "year", "exam", "final"), val[i] a scale code, «н/а» or "", until[i] a
 * deferral date or "".  Every cell is checked first (errors as CellErrors.N
 * and Typed.*, nothing written); then the changed ones are written, each
 * with an audit row old → new.  0 saved, 1 refused with messages, 400 a
 * malformed request, -1 failure.
 */
int	period_marks_save(struct req *, struct pm_page *, const char **at,
	    const char **val, const char **until, size_t n);

#endif
