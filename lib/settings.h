/*
 * settings.h: per-school rules (design.md, "School rules as settings").
 * Every rule is a line of one table in settings.c: {name, type, the
 * seeds' default}.  In force for a school is its own row of
 * school_setting, else school_defaults.<name> of the application config,
 * else the table's default; a value that does not parse is logged and
 * the next one down is kept (a broken rule must not be guessed).
 * Readers get them as one typed struct, read with one query per request.
 */
#ifndef JOURNAL_SETTINGS_H
#define JOURNAL_SETTINGS_H

#include <stddef.h>

struct req;

struct school_rules {
	long long	 mark_edit_days;	/* R23: a mark may be corrected */
	long long	 homework_deadline_hours; /* R23: after the lesson */
	long long	 mark_due_days;		/* R23: after the work */
	long long	 period_mark_lead_days;	/* R23: before the period ends */
	long long	 na_max_marks;		/* R26: «н/а» below this... */
	double		 na_min_absent_share;	/* ...and above this missed */
	long long	 min_marks_per_period;	/* R27: 1 hour a week */
	unsigned	 no_marks_grades;	/* R24: bit g: grade g no marks */
	int		 five_point_plus_minus;	/* «+»/«−» on the 5-point scale */
	long long	 retest_days;		/* R25: re-test after a «2» */
	long long	 long_absence_lessons;	/* R25: a «2» after missing */
	long long	 tests_per_day_max;	/* tests of a class on a day */
};

/*
 * The rules in force for the school.  The first call in a request reads
 * them (one query); later calls return the same struct until
 * settings_request_end().  NULL on a database failure.
 */
const struct school_rules *school_rules(long long school_id);
/* Between requests (screen.c): forget what was read. */
void	settings_request_end(void);

/* The seeds' defaults (the table), no config and no database. */
void	school_rules_defaults(struct school_rules *);
/*
 * Parse value as the rule name into rules: 0 set; 1 no such rule; -1 not
 * a valid value for it (rules left alone).  Pure: the unit tests call it.
 */
int	school_rules_apply(struct school_rules *, const char *name,
	    const char *value);

/*
 * Give the user's school its own value, with an audit row 'setting'
 * (object: the school) old → new, where old is the value in force before
 * (the school's, else the default).  0, -1 on failure, -2 when value is
 * not valid for the rule or there is no such rule.
 */
int	setting_set(struct req *, const char *name, const char *value);

#endif
