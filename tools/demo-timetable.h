/*
 * demo-timetable.h: the weekly timetable of every class and group, and a few one-day changes (issue 5).
 * Included by demo-school.c after its data is built; writes SQL inside the
 * demo's transaction (before COMMIT).  Not written yet: nothing to add.
 */

static void
demo_timetable(FILE *fp)
{
	(void)fp;
}
