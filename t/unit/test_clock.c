/*
 * test_clock.c: lib/clock.c, the one notion of today: a fixed date is
 * taken only when the config allows it, keeps the time of day running,
 * and every form of "today" (days, YYYYMMDD, ISO, struct tm) agrees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"
#include "clock.h"
#include "config.h"
#include "util.h"

/* Load a config made of text (written to a temporary file). */
static void
load(const char *text)
{
	char	 path[] = "/tmp/test_clock.XXXXXX";
	int	 fd;
	FILE	*fp;

	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL)
		abort();
	fputs(text, fp);
	fclose(fp);
	conf_free();
	setenv("JOURNAL_CONF", path, 1);
	if (conf_load() != 0)
		abort();
	unlink(path);
}

int
main(void)
{
	struct tm	 tm;
	char		 iso[11];
	long		 real;
	time_t		 t;

	/* The real clock: today is the local date of time(). */
	t = time(NULL);
	localtime_r(&t, &tm);
	real = days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);

	unsetenv("JOURNAL_TODAY");
	load("db.name = x\n");
	clock_init();
	ok(!clock_fixed(), "no date given: the real clock");
	/* (a test run across midnight could see the next day) */
	ok(clock_today() - real <= 1 && clock_today() >= real,
	    "the real clock's today is the local date");

	/* A date in the config or the environment, but not allowed. */
	load("clock.today = 2026-11-23\n");
	clock_init();
	ok(!clock_fixed(), "clock.today without clock.settable is ignored");
	setenv("JOURNAL_TODAY", "2026-11-23", 1);
	clock_init();
	ok(!clock_fixed(), "JOURNAL_TODAY without clock.settable is ignored");
	load("clock.settable = 0\n");
	clock_init();
	ok(!clock_fixed(), "JOURNAL_TODAY with clock.settable = 0 is ignored");

	/* Allowed: the environment wins over the config. */
	load("clock.settable = 1\nclock.today = 2027-02-28\n");
	clock_init();
	ok(clock_fixed(), "JOURNAL_TODAY with clock.settable = 1 is taken");
	is_int(clock_today(), days_from_civil(2026, 11, 23),
	    "today is JOURNAL_TODAY");
	is_int(clock_ymd(), 20261123, "... as YYYYMMDD");
	clock_iso(iso);
	is_str(iso, "2026-11-23", "... as YYYY-MM-DD");
	clock_tm(&tm);
	ok(tm.tm_year == 126 && tm.tm_mon == 10 && tm.tm_mday == 23 &&
	    tm.tm_wday == 1, "... as struct tm, a Monday");
	t = time(NULL);
	ok(labs((long)(clock_now() - t) - (long)(days_from_civil(2026, 11, 23)
	    - real) * 86400) <= 2 * 3600 + 5,
	    "now keeps the time of day (within a DST shift)");

	unsetenv("JOURNAL_TODAY");
	clock_init();
	is_int(clock_today(), days_from_civil(2027, 2, 28),
	    "without the environment, the config's clock.today");

	setenv("JOURNAL_TODAY", "23.11.2026", 1);
	clock_init();
	ok(!clock_fixed(), "a date not in YYYY-MM-DD is refused");

	/* Tools and unit tests set the date directly. */
	clock_set_today(days_from_civil(2026, 9, 1));
	is_int(clock_ymd(), 20260901, "clock_set_today fixes the date");
	clock_set_today(-1);
	ok(!clock_fixed(), "clock_set_today(-1) returns to the real clock");
	conf_free();
	return done_testing();
}
