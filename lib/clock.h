/*
 * clock.h: the program's one notion of "now" and "today".
 *
 * Every rule that depends on the date (the edit window, the current
 * period, "today's lessons", the diary's week) asks this module, never
 * time(), localtime_r() or its own CURDATE().  SQL may still say NOW()
 * and CURDATE(): when the clock is fixed, lib/db.c sets the connection's
 * timestamp to clock_now() before a request's first statement, so the
 * database and C agree on the day.
 *
 * A fixed date is for tests and demos only: the environment variable
 * JOURNAL_TODAY=YYYY-MM-DD, else the config's clock.today, is honoured
 * only when the configuration says clock.settable = 1 (never in a
 * school's config; scripts/stack.sh writes both for TODAY=).  The time of
 * day keeps running; only the date is replaced.
 */
#ifndef JOURNAL_CLOCK_H
#define JOURNAL_CLOCK_H

#include <time.h>

/* Read JOURNAL_TODAY if the config allows it (after conf_load). */
void	 clock_init(void);
/* Fix the date (days since 1970-01-01), or -1 for the real one; tools, unit tests. */
void	 clock_set_today(long day);
/* Now, in seconds since the epoch (on the fixed date when fixed). */
time_t	 clock_now(void);
/* Today as days since 1970-01-01, local calendar. */
long	 clock_today(void);
/* Today as the number YYYYMMDD (what the validators' dates are). */
long long clock_ymd(void);
/* Today as "YYYY-MM-DD". */
void	 clock_iso(char buf[11]);
/* Now as local broken-down time. */
void	 clock_tm(struct tm *);
/* 1 when a fixed date is in force. */
int	 clock_fixed(void);

#endif
