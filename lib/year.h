/*
 * year.h: the school year and its structure (R12, R15): years of a
 * school, study periods per grade range, holidays, bell times, and the
 * coverage check that finds days of the year left in no period and no
 * holiday.
 *
 * Who may do what (the roles come from lib/roles.c, the school from here):
 *   see a year		admin, management, inspector: any year of their school
 *   change a year	admin, management: any year of their school, and only
 *			while it is open (a closed year is read-only: 409)
 *
 * Dates inside this module are day numbers (days since 1970-01-01, the
 * proleptic Gregorian calendar), so ranges compare and step as integers.
 */
#ifndef JOURNAL_YEAR_H
#define JOURNAL_YEAR_H

#include <stddef.h>

#include "objects.h"

struct _hdf;
struct req;

#define GRADE_MIN	1
#define GRADE_MAX	11
#define BELL_MAX	10	/* lesson numbers 1..10 */

/* ---------------------------------------------------------------- pure */

/* A span of days [from, to] applying to grades [grade_from, grade_to]. */
struct year_span {
	long	 from;
	long	 to;
	int	 grade_from;
	int	 grade_to;
};

/* Day numbers: days_from_civil / civil_from_days (util.h). */
/* Day number of "YYYY-MM-DD", or -1 when it is not one. */
long	year_day_iso(const char *);
/* "YYYY-MM-DD" of a day number into buf (at least 11 bytes). */
void	year_date_iso(long day, char *buf, size_t size);
/* "dd.mm.yyyy" of a day number into buf (at least 11 bytes). */
void	year_date_ru(long day, char *buf, size_t size);
/* Minutes since midnight of "HH:MM" (or "HH:MM:SS" with :00), or -1. */
int	year_hhmm(const char *);
/*
 * Whether "YYYY/YYYY" names two consecutive years (2000..2099 first);
 * *first gets the first year.
 */
int	year_name_ok(const char *, int *first);
/* Whether two spans share at least one day and one grade. */
int	year_spans_overlap(const struct year_span *, const struct year_span *);
/*
 * The days of [start, end] that no span applying to grade covers, as
 * spans in date order: at most max are written to gaps, the return value
 * is how many there are.
 */
size_t	year_gaps(long start, long end, const struct year_span *cover,
	    size_t n, int grade, struct year_span *gaps, size_t max);

/* ----------------------------------------------------------- objects */

/* A year of the user's school: OBJ_OK, OBJ_MISSING, OBJ_ERROR. */
enum obj_res	obj_year_view(const struct req *, long long year_id);
/*
 * The same, for changing it: OBJ_DENIED unless admin or management;
 * *is_open says whether the year is open (the caller answers 409).
 */
enum obj_res	obj_year_edit(const struct req *, long long year_id,
		    int *is_open);

/* ------------------------------------------------------------- queries */

/* prefix.N.{id,name,starts,ends,is_open,periods} of a school, newest first. */
int	db_years_list(struct _hdf *, const char *prefix, long long school_id);
/* prefix.{id,name,starts,ends,starts_on,ends_on,is_open}; 1, 0 or -1. */
int	db_year_get(struct _hdf *, const char *prefix, long long year_id);
/*
 * Periods grouped by grade range: prefix.N.{from,to,label} with
 * prefix.N.Periods.M.{id,name,kind,kind_name,starts,ends,sort}.  Row count
 * or -1.
 */
int	db_periods_list(struct _hdf *, const char *prefix, long long year_id);
/* prefix.N.{id,name,starts,ends,grade_from,grade_to,grades}. */
int	db_holidays_list(struct _hdf *, const char *prefix, long long year_id);
/*
 * prefix.S.{shift,count} for shifts 1 and 2 (S 0 and 1), each with
 * prefix.S.Rows.N.{number,starts_at,ends_at} ("HH:MM") for lessons 1..10,
 * times absent where the lesson has none.  Bells in all, or -1.
 */
int	db_bells_list(struct _hdf *, const char *prefix, long long year_id);
/*
 * The coverage check of a year as warnings: prefix.N.{grades,text}, e.g.
 * grades "5–9 классы", text "не покрыты даты 26.10.2026–03.11.2026".
 * Returns the number of warnings or -1.
 */
int	year_coverage(struct req *, const char *prefix, long long year_id);

/* ------------------------------------------------------------- changes */

/*
 * Each change writes its audit row; screen_main has opened the
 * transaction.  Returns 0, -1 on a database failure, DB_DUPLICATE (-2)
 * where a unique key refuses.
 */
int	year_create(struct req *, const char *name, const char *starts_on,
	    const char *ends_on, long long *id);
/* Open (1) or close (0); 0, -1, or 1 when it already was so. */
int	year_set_open(struct req *, long long year_id, int open);
/*
 * The period or holiday of the year that overlaps the span (and its
 * grades) as text («1 четверть», 1–9 классы, 01.09.2026–24.10.2026) into
 * buf: 1 found, 0 none, -1 failure.  Holidays conflict with holidays
 * only: a half-year contains the autumn holidays.
 */
int	period_conflict(long long year_id, const struct year_span *,
	    char *buf, size_t size);
int	holiday_conflict(long long year_id, const struct year_span *,
	    char *buf, size_t size);
int	period_add(struct req *, long long year_id, const char *name,
	    const char *kind, const struct year_span *, const char *starts_on,
	    const char *ends_on, long long *id);
/* 0, -1, or 1 when there is no such period in the year. */
int	period_delete(struct req *, long long year_id, long long period_id);
int	holiday_add(struct req *, long long year_id, const char *name,
	    const struct year_span *, const char *starts_on,
	    const char *ends_on, long long *id);
int	holiday_delete(struct req *, long long year_id, long long holiday_id);
/*
 * Replace the bells of a shift: starts[i]/ends[i] in minutes for lesson
 * i + 1, -1 for no such lesson.
 */
int	bells_set(struct req *, long long year_id, int shift,
	    const int *starts, const int *ends);

/* Russian name of a period kind ("четверть"), or NULL for an unknown kind. */
const char	*period_kind_name(const char *kind);
/* "5–9 классы", "1 класс", "1–11 классы" into buf. */
void	grades_label(int from, int to, char *buf, size_t size);

#endif
