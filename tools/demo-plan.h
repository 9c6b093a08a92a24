/*
 * demo-plan.h: calendar-thematic plans of the teachers (issue 5, R29).
 * Included by demo-school.c after its data is built; writes SQL inside the
 * demo's transaction (before COMMIT).  Not written yet: nothing to add.
 */

static void
demo_plan(FILE *fp)
{
	(void)fp;
}
