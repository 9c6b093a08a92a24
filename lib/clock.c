/*
 * clock.c: now and today, real or on a fixed date (see clock.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "config.h"
#include "log.h"
#include "util.h"

static long	 fixed_day = -1;	/* days since the epoch, or -1 */

void
clock_init(void)
{
	const char	*s = getenv("JOURNAL_TODAY");
	long		 z;

	fixed_day = -1;
	/* The web servers pass no environment of their own choosing to
	 * every process model alike: a stack's config may carry the date. */
	if (s == NULL || *s == '\0')
		s = conf_str("clock.today", NULL);
	if (s == NULL || *s == '\0')
		return;
	if (conf_int("clock.settable", 0) != 1) {
		log_msg("clock: JOURNAL_TODAY ignored (clock.settable is not 1)");
		return;
	}
	if (date_parse(s, &z) == -1) {
		log_msg("clock: JOURNAL_TODAY=%s is not YYYY-MM-DD", s);
		return;
	}
	fixed_day = z;
}

void
clock_set_today(long day)
{
	fixed_day = day;
}

int
clock_fixed(void)
{
	return fixed_day >= 0;
}

/* The real local date of t, as days since the epoch. */
static long
local_day(time_t t)
{
	struct tm	 tm;

	localtime_r(&t, &tm);
	return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

time_t
clock_now(void)
{
	time_t	 t = time(NULL);

	if (fixed_day < 0)
		return t;
	/* The same time of day, on the fixed date (DST shifts aside). */
	return t + (time_t)(fixed_day - local_day(t)) * 86400;
}

long
clock_today(void)
{
	return local_day(clock_now());
}

void
clock_tm(struct tm *tm)
{
	time_t	 t = clock_now();

	localtime_r(&t, tm);
}

long long
clock_ymd(void)
{
	int	 y, m, d;

	civil_from_days(clock_today(), &y, &m, &d);
	return y * 10000LL + m * 100 + d;
}

void
clock_iso(char buf[11])
{
	date_format(clock_today(), buf);
}
