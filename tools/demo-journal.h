/*
 * demo-journal.h: the current period's journal: lessons, marks, absences, homework, some period marks (issue 4).
 * Included by demo-school.c after its data is built; writes SQL inside the
 * demo's transaction (before COMMIT).  Not written yet: nothing to add.
 */

static void
demo_journal(FILE *fp)
{
	(void)fp;
}
