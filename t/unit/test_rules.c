/*
 * test_rules.c: lib/rules.c, the school's rules on marks, on fixed dates
 * of the 2026/2027 year and at their edges: the first and last day of a
 * period, a holiday, a weekend, the day an edit window closes and the day
 * after, the thresholds of «н/а», +/- on and off, grade 1.
 */
#include <limits.h>
#include <string.h>

#include "rules.h"
#include "tap.h"
#include "util.h"

#define D(y, m, d)	days_from_civil((y), (m), (d))
/* A stamp: day and time of day. */
#define T(y, mo, d, h, mi, s) \
	((long long)D((y), (mo), (d)) * RULE_DAY + (h) * 3600 + (mi) * 60 + (s))

/* The quarters of grades 2-9; the autumn holidays 26.10-04.11. */
static struct rule_span q[4];

static void
setup(void)
{
	q[0].from = D(2026, 9, 1);	q[0].to = D(2026, 10, 25);
	q[1].from = D(2026, 11, 5);	q[1].to = D(2026, 12, 28);
	q[2].from = D(2027, 1, 11);	q[2].to = D(2027, 3, 21);
	q[3].from = D(2027, 3, 30);	q[3].to = D(2027, 5, 31);
}

static void
test_stamp(void)
{
	long long	 t = -1;

	is_int(stamp_parse("2026-09-01 08:30:15", &t), 0, "a DATETIME");
	ok(t == T(2026, 9, 1, 8, 30, 15), "... day * 86400 + seconds");
	is_int(stamp_parse("2026-09-01 00:00:00", &t), 0, "midnight");
	ok(t == T(2026, 9, 1, 0, 0, 0), "... the day's first second");
	is_int(stamp_parse("2026-09-01", &t), -1, "a date alone is no stamp");
	is_int(stamp_parse("2026-09-01 24:00:00", &t), -1, "hour 24");
	is_int(stamp_parse("2026-09-01T08:30:00", &t), -1, "ISO T");
	is_int(stamp_parse("2026-09-01 08:30:00.5", &t), -1, "fractions");
	is_int(stamp_parse("2026-09-01 8:30:150", &t), -1,
	    "a one-digit hour");
	is_int(stamp_parse(NULL, &t), -1, "NULL");
}

static void
test_grades(void)
{
	static const struct {
		const char	*in;
		int		 rc;
		unsigned	 mask;
	} t[] = {
		{ "1", 0, 1u << 1 }, { "1, 2", 0, 1u << 1 | 1u << 2 },
		{ "1;2", 0, 1u << 1 | 1u << 2 }, { "1,2,11", 0,
		    1u << 1 | 1u << 2 | 1u << 11 }, { "", 0, 0 }, { "0", 0, 0 },
		{ "12", -1, 0 }, { "-1", -1, 0 }, { "один", -1, 0 },
		{ "1 x", -1, 0 },
	};
	unsigned	 mask;
	size_t		 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		mask = 0xdead;
		is_int(rule_grades_parse(t[i].in, &mask), t[i].rc,
		    "no_marks_grades \"%s\"", t[i].in);
		if (t[i].rc == 0)
			is_int(mask, t[i].mask, "... grades 0x%x", t[i].mask);
	}
	ok(rule_no_marks(1u << 1, 1), "R24: grade 1 has no marks");
	ok(!rule_no_marks(1u << 1, 2), "grade 2 has");
	ok(!rule_no_marks(0, 1), "no grade listed: grade 1 has marks");
	ok(!rule_no_marks(~0u, 0), "grade 0 (no class) is never one");
	ok(!rule_no_marks(~0u, 12), "nor grade 12");
	ok(rule_no_marks(1u << 1 | 1u << 2, 2), "\"1, 2\": grade 2 too");
}

/* The five-point scale with some «+»/«−» values, in its order. */
static const struct rule_value five[] = {
	{ "5", 0 }, { "5-", 1 }, { "4+", 1 }, { "4", 0 }, { "4-", 1 },
	{ "3", 0 }, { "2", 0 }, { "1", 0 },
};
static const struct rule_value pass[] = { { "зач", 0 }, { "незач", 0 } };
#define N(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_code(void)
{
	size_t	 at = 99;

	is_int(rule_code(five, N(five), 0, "4", &at), RULE_CODE_OK, "«4»");
	is_int(at, 3, "... its index");
	is_int(rule_code(five, N(five), 0, "4+", NULL), RULE_NOT_IN_SCALE,
	    "«4+» with plus/minus off: not a mark");
	is_int(rule_code(five, N(five), 1, "4+", &at), RULE_CODE_OK,
	    "«4+» with plus/minus on");
	is_int(at, 2, "... its index");
	is_int(rule_code(five, N(five), 1, "6", NULL), RULE_NOT_IN_SCALE,
	    "«6» is in no scale");
	is_int(rule_code(five, N(five), 1, "", NULL), RULE_NOT_IN_SCALE,
	    "empty is no code");
	is_int(rule_code(five, 0, 1, "5", NULL), RULE_NO_SCALE,
	    "no scale for the subject in the grade");
	is_int(rule_code(pass, N(pass), 0, "зач", NULL), RULE_CODE_OK,
	    "pass/fail «зач»");
	is_int(rule_code(pass, N(pass), 0, "ЗАЧ", NULL), RULE_NOT_IN_SCALE,
	    "codes compare byte for byte (utf8mb4_bin)");
	is_int(rule_code(pass, N(pass), 0, "5", NULL), RULE_NOT_IN_SCALE,
	    "«5» is not a pass/fail mark");
}

static void
test_editable(void)
{
	long long	 set = T(2026, 10, 1, 10, 0, 0);

	/* A mark set on 01.10 at 10:00 with mark_edit_days 14: the
	 * window closes on 15.10 at 10:00. */
	ok(rule_mark_editable(set, 0, set, 14), "right after it is set");
	ok(rule_mark_editable(set, 0, T(2026, 10, 15, 9, 59, 59), 14),
	    "the day the window closes, a second before");
	ok(!rule_mark_editable(set, 0, T(2026, 10, 15, 10, 0, 0), 14),
	    "the day the window closes, at the hour it was set: locked");
	ok(!rule_mark_editable(set, 0, T(2026, 10, 16, 8, 0, 0), 14),
	    "the day after the window closes: locked");
	ok(rule_mark_editable(set, 0, T(2026, 10, 16, 8, 0, 0), 15),
	    "... open with mark_edit_days 15");
	ok(!rule_mark_editable(set, 0, set, 0), "mark_edit_days 0: never");
	ok(rule_mark_editable(set, T(2026, 11, 2, 9, 0, 0),
	    T(2026, 11, 1, 9, 0, 0), 14), "unlocked until tomorrow: open");
	ok(rule_mark_editable(set, T(2026, 11, 2, 9, 0, 0),
	    T(2026, 11, 2, 8, 59, 59), 14), "... a second before it ends");
	ok(!rule_mark_editable(set, T(2026, 11, 2, 9, 0, 0),
	    T(2026, 11, 2, 9, 0, 0), 14), "... locked again when it ends");
}

static void
test_cell(void)
{
	struct rule_cell	 c;
	size_t			 at;

	memset(&c, 0, sizeof(c));
	c.scale = five;
	c.nscale = N(five);
	c.mark = 1;
	c.code = "4";
	at = 99;
	is_int(rule_cell(&c, &at), RULE_CELL_OK, "a new «4»");
	is_int(at, 3, "... its value");

	c.has_mark = 1;
	c.editable = 1;
	is_int(rule_cell(&c, &at), RULE_CELL_OK, "a mark changed in its window");
	c.editable = 0;
	is_int(rule_cell(&c, &at), RULE_CELL_LOCKED,
	    "a mark changed after its window: locked");
	c.mark = 0;
	c.code = "н";
	is_int(rule_cell(&c, &at), RULE_CELL_LOCKED,
	    "... not even to «н»");
	c.code = "";
	is_int(rule_cell(&c, &at), RULE_CELL_LOCKED, "... nor cleared");
	c.has_mark = 0;
	is_int(rule_cell(&c, &at), RULE_CELL_OK,
	    "«н» or empty where no mark is: no window");

	c.mark = 1;
	c.code = "5-";
	is_int(rule_cell(&c, &at), RULE_CELL_NOT_IN_SCALE,
	    "«5-» with plus/minus off");
	c.plus_minus = 1;
	is_int(rule_cell(&c, &at), RULE_CELL_OK, "«5-» with plus/minus on");
	is_int(at, 1, "... its value");
	c.code = "0";
	is_int(rule_cell(&c, &at), RULE_CELL_NOT_IN_SCALE, "«0»");
	c.nscale = 0;
	is_int(rule_cell(&c, &at), RULE_CELL_NO_SCALE, "no scale");

	/* Grade 1 (R24): no marks, but absences. */
	c.nscale = N(five);
	c.code = "5";
	c.no_marks = 1;
	is_int(rule_cell(&c, &at), RULE_CELL_NO_MARKS, "R24: «5» in grade 1");
	c.nscale = 0;
	is_int(rule_cell(&c, &at), RULE_CELL_NO_MARKS,
	    "... before asking for a scale");
	c.mark = 0;
	c.code = "н";
	is_int(rule_cell(&c, &at), RULE_CELL_OK, "«н» in grade 1");
	c.mark = 1;
	c.code = "5";
	c.has_mark = 1;
	c.editable = 0;
	is_int(rule_cell(&c, &at), RULE_CELL_LOCKED,
	    "the window is asked first (an old mark in grade 1)");
}

static void
test_periods(void)
{
	is_int(rule_period_pick(q, 4, D(2026, 9, 1)), 0,
	    "the first day of the first quarter");
	is_int(rule_period_pick(q, 4, D(2026, 10, 25)), 0,
	    "its last day");
	is_int(rule_period_pick(q, 4, D(2026, 10, 26)), 0,
	    "a holiday after it: the last begun");
	is_int(rule_period_pick(q, 4, D(2026, 11, 4)), 0,
	    "the holidays' last day: still the first quarter");
	is_int(rule_period_pick(q, 4, D(2026, 11, 5)), 1,
	    "the first day of the second quarter");
	is_int(rule_period_pick(q, 4, D(2027, 3, 25)), 2,
	    "spring holidays: the third");
	is_int(rule_period_pick(q, 4, D(2026, 8, 20)), 0,
	    "before the year: the first");
	is_int(rule_period_pick(q, 4, D(2027, 6, 15)), 3,
	    "after the year: the last");
	is_int(rule_period_pick(q, 0, D(2026, 9, 1)), -1, "no periods");
	{
		/* Overlapping spans (a grade's half-years and a quarter):
		 * the later one that holds today. */
		struct rule_span o[] = { { D(2026, 9, 1), D(2026, 12, 28) },
		    { D(2026, 11, 5), D(2026, 12, 28) },
		    { D(2027, 1, 11), D(2027, 5, 31) } };

		is_int(rule_period_pick(o, 3, D(2026, 11, 10)), 1,
		    "two hold today: the later");
		is_int(rule_period_pick(o, 3, D(2026, 10, 1)), 0,
		    "one holds today, none later");
		o[1].from = D(2026, 9, 15);
		o[1].to = D(2026, 9, 30);
		is_int(rule_period_pick(o, 3, D(2026, 10, 1)), 0,
		    "a later one begun and over: the one that holds today");
	}

	/* A lesson's date: inside a quarter, not after today. */
	ok((D(2026, 11, 7) + 4) % 7 == 6, "07.11.2026 is a Saturday");
	ok(rule_lesson_day_ok(D(2026, 9, 1), D(2026, 11, 10), q, 4),
	    "the first day of a quarter");
	ok(rule_lesson_day_ok(D(2026, 10, 25), D(2026, 11, 10), q, 4),
	    "the last day of a quarter");
	ok(!rule_lesson_day_ok(D(2026, 10, 26), D(2026, 11, 10), q, 4),
	    "a day of the holidays");
	ok(!rule_lesson_day_ok(D(2026, 8, 31), D(2026, 11, 10), q, 4),
	    "the day before the year");
	ok(rule_lesson_day_ok(D(2026, 11, 7), D(2026, 11, 10), q, 4),
	    "a Saturday in a quarter (six-day weeks)");
	ok(rule_lesson_day_ok(D(2026, 11, 10), D(2026, 11, 10), q, 4),
	    "today");
	ok(!rule_lesson_day_ok(D(2026, 11, 11), D(2026, 11, 10), q, 4),
	    "tomorrow");
	ok(!rule_lesson_day_ok(D(2026, 9, 1), D(2026, 11, 10), q, 0),
	    "no periods for the grade");
}

static void
test_period_marks(void)
{
	struct rule_na	 na = { 2, 10, 6, 3, 0.5 };
	long		 end = D(2026, 10, 25);

	is_int(rule_period_mark_due(end, 2), D(2026, 10, 23),
	    "R23: due 2 days before the quarter ends");
	ok(!rule_period_mark_late(end, 2, D(2026, 10, 23)),
	    "the due day: not late");
	ok(rule_period_mark_late(end, 2, D(2026, 10, 24)),
	    "the day after: late");
	ok(!rule_period_mark_late(end, 0, end), "lead 0: the last day");
	ok(rule_period_mark_late(end, 0, end + 1), "... late the day after");

	ok(rule_na_allowed(&na), "R26: 2 marks, 6 of 10 missed");
	na.marks = 3;
	ok(!rule_na_allowed(&na), "exactly na_max_marks marks: refused");
	na.marks = 0;
	na.absent = 5;
	ok(!rule_na_allowed(&na), "exactly half missed: refused");
	na.absent = 6;
	ok(rule_na_allowed(&na), "no marks, 6 of 10 missed");
	na.absent = 10;
	na.lessons = 0;
	ok(!rule_na_allowed(&na), "no lessons held: refused");
	na.lessons = 10;
	na.share = 0.3;
	na.absent = 3;
	ok(!rule_na_allowed(&na), "share 0.3, exactly 3 of 10: refused");
	na.absent = 4;
	ok(rule_na_allowed(&na), "... 4 of 10");
	na.max_marks = 0;
	ok(!rule_na_allowed(&na), "na_max_marks 0: never");

	ok(rule_defer_ok(D(2026, 11, 10), D(2026, 11, 10)),
	    "a deferral to today");
	ok(rule_defer_ok(D(2026, 11, 11), D(2026, 11, 10)), "... tomorrow");
	ok(!rule_defer_ok(D(2026, 11, 9), D(2026, 11, 10)),
	    "... yesterday: passed");
}

static void
test_late(void)
{
	long	 day = D(2026, 9, 1);

	ok(!rule_lesson_late(day, day), "R23: a lesson entered on its day");
	ok(rule_lesson_late(day, day + 1), "... the day after: late");
	ok(!rule_lesson_late(day, day - 3), "... ahead (planned): not late");

	ok(!rule_mark_late(day, day + 7, 7), "a mark on day mark_due_days");
	ok(rule_mark_late(day, day + 8, 7), "... the day after: late");
	ok(!rule_mark_late(day, day, 0), "mark_due_days 0: the same day");

	/* The bell ends 09:15, homework_deadline_hours 2: 11:15:00. */
	ok(!rule_homework_late(T(2026, 9, 1, 11, 15, 0), day, 33300, -1, 2),
	    "homework at the deadline");
	ok(rule_homework_late(T(2026, 9, 1, 11, 15, 1), day, 33300, -1, 2),
	    "... a second after: late");
	ok(rule_homework_late(T(2026, 9, 1, 11, 15, 1), day, 33300, 54000, 2),
	    "... its own bell first, not the year's last");
	ok(!rule_homework_late(T(2026, 9, 1, 16, 0, 0), day, -1, 54000, 2),
	    "no bell of its own: the year's last (15:00) + 2 h");
	ok(rule_homework_late(T(2026, 9, 1, 17, 0, 1), day, -1, 54000, 2),
	    "... after 17:00: late");
	ok(!rule_homework_late(T(2026, 9, 2, 1, 59, 59), day, -1, -1, 2),
	    "no bells: 23:59:59 + 2 h, the next night");
	ok(rule_homework_late(T(2026, 9, 2, 2, 0, 0), day, -1, -1, 2),
	    "... and after it");
	ok(!rule_homework_late(0, day, 33300, -1, 2), "no homework");
}

static void
test_after_absence(void)
{
	/* Lessons on 1, 3, 8, 10 and 15 September. */
	struct rule_lesson	 l[] = { { D(2026, 9, 1), 1 },
	    { D(2026, 9, 3), 1 }, { D(2026, 9, 8), 1 },
	    { D(2026, 9, 10), 0 }, { D(2026, 9, 15), 0 } };
	/* Two lessons on 1 September, the first attended. */
	struct rule_lesson	 two[] = { { D(2026, 9, 1), 0 },
	    { D(2026, 9, 1), 1 }, { D(2026, 9, 3), 1 },
	    { D(2026, 9, 8), 1 }, { D(2026, 9, 10), 0 } };

	ok(rule_after_absence(l, 3, 3), "R25: 3 lessons missed before it");
	ok(!rule_after_absence(l, 4, 3), "... one attended between");
	ok(!rule_after_absence(l, 2, 3), "only 2 lessons before it");
	ok(rule_after_absence(l, 2, 2), "... enough with long_absence 2");
	l[1].absent = 0;
	ok(!rule_after_absence(l, 3, 3), "one of the 3 attended");
	ok(rule_after_absence(l, 3, 1), "long_absence 1: the lesson before");
	ok(!rule_after_absence(l, 3, 0),
	    "long_absence 0: no (journal_load clamps it to 1)");
	ok(!rule_after_absence(two, 4, 3),
	    "the n-th before shares its day with an attended lesson: no");
	two[0].absent = 1;
	ok(rule_after_absence(two, 4, 3), "... both of that day missed");
	/* The «2» in the second lesson of 08.09: the first of that day,
	 * attended, is not before it. */
	two[3].absent = 0;
	two[4].day = D(2026, 9, 8);
	ok(rule_after_absence(two, 4, 2),
	    "a mark in a day's second lesson: the earlier days count");
}

static void
test_after_holiday(void)
{
	/* The autumn holidays end on 04.11. */
	long			 hol[] = { D(2026, 11, 4), D(2027, 1, 10) };
	struct rule_lesson	 l[] = { { D(2026, 10, 22), 0 },
	    { D(2026, 11, 5), 0 }, { D(2026, 11, 5), 0 },
	    { D(2026, 11, 6), 0 } };
	struct rule_lesson	 first[] = { { D(2026, 11, 5), 0 } };
	struct rule_lesson	 on[] = { { D(2026, 11, 4), 0 },
	    { D(2026, 11, 5), 0 } };

	ok(rule_after_holiday(l, 1, hol, 2), "R25: the first lesson after");
	ok(rule_after_holiday(l, 2, hol, 2), "... the second of that day");
	ok(!rule_after_holiday(l, 3, hol, 2), "the next day: no");
	ok(!rule_after_holiday(l, 0, hol, 2), "before the holidays: no");
	ok(!rule_after_holiday(l, 1, hol, 0), "no holidays: no");
	ok(rule_after_holiday(first, 0, hol, 2),
	    "no lesson read before it: after the holidays");
	ok(!rule_after_holiday(on, 0, hol, 1),
	    "a lesson on the holidays' last day is not after them");
	ok(rule_after_holiday(on, 1, hol, 1),
	    "the one after it is (as the code reads: holiday end >= the"
	    " previous lesson's day)");
}

static void
test_retest(void)
{
	long	 d = D(2026, 9, 1);

	ok(!rule_no_retest(d, LONG_MAX, d + 4, 4),
	    "R25: on day retest_days there is still time");
	ok(rule_no_retest(d, LONG_MAX, d + 5, 4),
	    "the day after: no re-test");
	ok(!rule_no_retest(d, d + 4, d + 9, 4),
	    "a mark on day retest_days answers it");
	ok(rule_no_retest(d, d + 5, d + 9, 4),
	    "a mark on day retest_days + 1 is too late");
	ok(!rule_no_retest(d, d + 1, d + 30, 4), "a mark the next day");
	ok(!rule_no_retest(d, LONG_MAX, d, 4), "the day of the «2»");

	is_int(rule_min_marks(3, 1), 3, "R27: 3 marks at 1 hour a week");
	is_int(rule_min_marks(3, 2), 4, "4 at 2 hours");
	is_int(rule_min_marks(3, 1.5), 4, "4 at 1.5 hours (rounded up)");
	is_int(rule_min_marks(3, 5), 7, "7 at 5 hours");
	is_int(rule_min_marks(3, 0.5), 3, "3 at half an hour");
	is_int(rule_min_marks(2, 3), 4, "min_marks_per_period 2, 3 hours");
}

int
main(void)
{
	setup();
	test_stamp();
	test_grades();
	test_code();
	test_editable();
	test_cell();
	test_periods();
	test_period_marks();
	test_late();
	test_after_absence();
	test_after_holiday();
	test_retest();
	return done_testing();
}
