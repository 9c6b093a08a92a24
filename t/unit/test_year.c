/*
 * test_year.c: the pure part of lib/year.c: day numbers, the parsers of
 * names, dates and times, and the coverage check on the demo calendar.
 */
#include <string.h>

#include "tap.h"
#include "util.h"
#include "year.h"

#define D(y, m, d)	days_from_civil((y), (m), (d))

static void
test_days(void)
{
	char	 buf[16];
	long	 z;
	int	 y, m, d, ok = 1;

	is_int(D(1970, 1, 1), 0, "day 0 is 1970-01-01");
	is_int(D(2026, 9, 1) - D(2026, 8, 31), 1, "days step over a month");
	is_int(D(2028, 3, 1) - D(2028, 2, 28), 2, "2028 is a leap year");
	is_int(D(2027, 3, 1) - D(2027, 2, 28), 1, "2027 is not");
	for (z = D(1999, 12, 1); z < D(2101, 1, 1); z++) {
		civil_from_days(z, &y, &m, &d);
		if (D(y, m, d) != z)
			ok = 0;
	}
	ok(ok, "civil_from_days inverts days_from_civil for a century");

	is_int(year_day_iso("2026-09-01"), D(2026, 9, 1), "ISO date");
	is_int(year_day_iso("2028-02-29"), D(2028, 2, 29), "29 February 2028");
	is_int(year_day_iso("2027-02-29"), -1, "29 February 2027 is no date");
	is_int(year_day_iso("2026-13-01"), -1, "month 13");
	is_int(year_day_iso("2026-9-01"), -1, "one-digit month");
	is_int(year_day_iso("01.09.2026"), -1, "dd.mm.yyyy is not ISO");
	is_int(year_day_iso(""), -1, "empty");
	is_int(year_day_iso(NULL), -1, "NULL");

	year_date_ru(D(2026, 10, 26), buf, sizeof(buf));
	is_str(buf, "26.10.2026", "year_date_ru");
	year_date_iso(D(2027, 1, 5), buf, sizeof(buf));
	is_str(buf, "2027-01-05", "year_date_iso");
}

static void
test_parsers(void)
{
	static const struct {
		const char	*in;
		int		 want;
	} times[] = {
		{ "08:30", 510 }, { "8:30", 510 }, { "00:00", 0 },
		{ "23:59", 1439 }, { "08:30:00", 510 }, { "24:00", -1 },
		{ "08:60", -1 }, { "08:30:15", -1 }, { "0830", -1 },
		{ "08:3", -1 }, { "", -1 }, { "ab:cd", -1 }, { "08:30 ", -1 },
	};
	static const struct {
		const char	*in;
		int		 ok, first;
	} names[] = {
		{ "2026/2027", 1, 2026 }, { "2099/2100", 1, 2099 },
		{ "2026/2028", 0, 0 }, { "2027/2026", 0, 0 },
		{ "2026-2027", 0, 0 }, { "1999/2000", 0, 0 },
		{ "2026/27", 0, 0 }, { " 2026/2027", 0, 0 }, { "", 0, 0 },
	};
	size_t	 i;
	int	 first;

	for (i = 0; i < sizeof(times) / sizeof(times[0]); i++)
		is_int(year_hhmm(times[i].in), times[i].want,
		    "year_hhmm(\"%s\")", times[i].in);
	is_int(year_hhmm(NULL), -1, "year_hhmm(NULL)");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		first = 0;
		is_int(year_name_ok(names[i].in, &first), names[i].ok,
		    "year_name_ok(\"%s\")", names[i].in);
		if (names[i].ok)
			is_int(first, names[i].first, "... first year %d",
			    names[i].first);
	}
}

static void
test_overlap(void)
{
	struct year_span	 q1 = { D(2026, 9, 1), D(2026, 10, 24), 1, 9 };
	struct year_span	 h1 = { D(2026, 9, 1), D(2026, 12, 28), 10, 11 };
	struct year_span	 x = { D(2026, 10, 24), D(2026, 11, 1), 9, 10 };
	struct year_span	 y = { D(2026, 10, 25), D(2026, 11, 1), 1, 9 };

	ok(!year_spans_overlap(&q1, &h1), "quarters of 1-9 and halves of "
	    "10-11 do not overlap");
	ok(year_spans_overlap(&q1, &x), "one shared day and grade overlap");
	ok(year_spans_overlap(&x, &h1), "... either way");
	ok(!year_spans_overlap(&q1, &y), "the day after the end does not");
}

/* The demo calendar of tools/demo-year.h. */
static struct year_span demo[] = {
	{ 0, 0, 1, 9 }, { 0, 0, 1, 9 }, { 0, 0, 1, 9 }, { 0, 0, 1, 9 },
	{ 0, 0, 10, 11 }, { 0, 0, 10, 11 },
	{ 0, 0, 1, 11 }, { 0, 0, 1, 11 }, { 0, 0, 1, 1 }, { 0, 0, 1, 11 },
	{ 0, 0, 1, 11 },
};

static void
demo_dates(void)
{
	static const int	 dates[][6] = {
		{ 2026, 9, 1, 2026, 10, 24 }, { 2026, 11, 5, 2026, 12, 28 },
		{ 2027, 1, 12, 2027, 3, 21 }, { 2027, 3, 30, 2027, 5, 26 },
		{ 2026, 9, 1, 2026, 12, 28 }, { 2027, 1, 12, 2027, 5, 26 },
		{ 2026, 10, 25, 2026, 11, 4 }, { 2026, 12, 29, 2027, 1, 11 },
		{ 2027, 2, 16, 2027, 2, 22 }, { 2027, 3, 22, 2027, 3, 29 },
		{ 2027, 5, 27, 2027, 5, 31 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(demo) / sizeof(demo[0]); i++) {
		demo[i].from = D(dates[i][0], dates[i][1], dates[i][2]);
		demo[i].to = D(dates[i][3], dates[i][4], dates[i][5]);
	}
}

static void
test_gaps(void)
{
	struct year_span	 gaps[4], cut[16];
	long			 ys = D(2026, 9, 1), ye = D(2027, 5, 31);
	size_t			 n = sizeof(demo) / sizeof(demo[0]), k, i;
	int			 g, clean = 1;

	demo_dates();
	for (g = 1; g <= 11; g++)
		if (year_gaps(ys, ye, demo, n, g, gaps, 4) != 0)
			clean = 0;
	ok(clean, "the demo calendar leaves no gaps in grades 1-11");
	is_int(year_gaps(ys, ye, demo, n, 12, gaps, 4), 1,
	    "grade 12 has no spans: one gap");
	ok(gaps[0].from == ys && gaps[0].to == ye, "... the whole year");

	/* Without the autumn holidays: 1-9 have a gap, 10-11 do not. */
	memcpy(cut, demo, sizeof(demo));
	cut[6] = cut[10];
	k = year_gaps(ys, ye, cut, n - 1, 5, gaps, 4);
	is_int(k, 1, "no autumn holidays: grade 5 has one gap");
	ok(k == 1 && gaps[0].from == D(2026, 10, 25) &&
	    gaps[0].to == D(2026, 11, 4), "... 25.10.2026-04.11.2026");
	is_int(year_gaps(ys, ye, cut, n - 1, 10, gaps, 4), 0,
	    "... grade 10's half-year covers it");

	/* Without the February week: only grade 1 misses nothing more, as
	 * the third quarter covers it; without the third quarter, grade 1
	 * has two gaps around its February holidays. */
	memcpy(cut, demo, sizeof(demo));
	cut[2] = cut[10];
	k = year_gaps(ys, ye, cut, n - 1, 1, gaps, 4);
	is_int(k, 2, "no third quarter: grade 1 has two gaps");
	ok(k == 2 && gaps[0].from == D(2027, 1, 12) &&
	    gaps[0].to == D(2027, 2, 15) && gaps[1].from == D(2027, 2, 23) &&
	    gaps[1].to == D(2027, 3, 21), "... 12.01-15.02 and 23.02-21.03");
	is_int(year_gaps(ys, ye, cut, n - 1, 2, gaps, 4), 1,
	    "... grade 2 has one: 12.01-21.03");

	/* Overlapping and nested spans, and a gap of one day at each end. */
	cut[0] = (struct year_span){ ys + 1, ys + 100, 1, 11 };
	cut[1] = (struct year_span){ ys + 10, ys + 20, 1, 11 };
	cut[2] = (struct year_span){ ys + 50, ye - 1, 1, 11 };
	k = year_gaps(ys, ye, cut, 3, 7, gaps, 4);
	ok(k == 2 && gaps[0].from == ys && gaps[0].to == ys &&
	    gaps[1].from == ye && gaps[1].to == ye,
	    "nested and overlapping spans; one-day gaps at both ends");

	/* More gaps than room: all are counted, max are written. */
	for (i = 0; i < 16; i++)
		cut[i] = (struct year_span){ ys + 2 * (long)i, ys + 2 * (long)i,
		    1, 11 };
	k = year_gaps(ys, ys + 31, cut, 16, 3, gaps, 4);
	is_int(k, 16, "every other day covered: 16 gaps counted");
	ok(gaps[3].from == ys + 7 && gaps[3].to == ys + 7,
	    "... the first four written");
	is_int(year_gaps(ys, ys - 1, cut, 16, 3, gaps, 4), 0,
	    "an empty range has no gaps");
}

static void
test_labels(void)
{
	char	 buf[32];

	grades_label(5, 9, buf, sizeof(buf));
	is_str(buf, "5–9 классы", "grades_label 5-9");
	grades_label(1, 1, buf, sizeof(buf));
	is_str(buf, "1 класс", "grades_label 1");
	is_str(period_kind_name("quarter"), "четверть", "period_kind_name");
	ok(period_kind_name("week") == NULL, "an unknown kind has no name");
}

int
main(void)
{
	test_days();
	test_parsers();
	test_overlap();
	test_gaps();
	test_labels();
	return done_testing();
}
