/*
 * marks: the diary's marks page (R32, R35): every subject of a period
 * with its marks (date, form of work, comment), the simple and weighted
 * average, the forecast of the period mark, a small chart, attendance,
 * and the period, year, exam and final marks.  A student sees their own,
 * a parent switches between their children; the object check is one
 * query (obj_student_diary) whatever id the URL carries.
 */
#include <stdlib.h>
#include <string.h>

#include "diary.h"
#include "screen.h"
#include "rules.h"
#include "scales.h"
#include "settings.h"

enum { K_STUDENT, K_PERIOD, K__MAX };

static const struct key keys[K__MAX] = {
	[K_STUDENT] =	{ "student", v_id, 0 },
	[K_PERIOD] =	{ "period", v_id, 0 },
};

/* The period asked for, else the current one, else the last begun. */
static int
choose_period(struct req *r, const struct diary_period *p, int n,
    long long want, const struct diary_period **out)
{
	int	 i, pick = -1;

	for (i = 0; i < n; i++)
		if (want != 0 ? p[i].id == want : p[i].current)
			pick = i;
	if (pick == -1 && want != 0)
		return 404;
	if (pick == -1)
		pick = n - 1;	/* between periods or after the last one */
	if (pick < 0)
		return 0;	/* no periods set up for the grade */
	req_setf(r, "Period.id", "%lld", p[pick].id);
	req_set(r, "Period.name", p[pick].name);
	*out = &p[pick];
	return 200;
}

static int
marks_get(struct req *r)
{
	struct diary_period *periods;
	const struct diary_period *pick = NULL;
	long long	 student = 0, year;
	const struct school_rules *sr;
	int		 grade, rc, np;

	/* A broken id or date is a broken link, not "the default". */
	for (size_t k = 0; k < K__MAX; k++)
		if (r->fields[k].error != NULL)
			return 400;
	rc = diary_student_open(r, req_str(r, K_STUDENT) != NULL ?
	    r->fields[K_STUDENT].num : 0, &student, &year, &grade);
	if (rc != 200 || student == 0)
		return rc;
	if ((np = diary_periods(r, "Periods", year, grade, &periods)) == -1)
		return 500;
	/* Grade 1 has no marks at all (R24): say so instead of dashes. */
	if ((sr = school_rules(r->sess.school_id)) == NULL)
		return 500;
	if (rule_no_marks(sr->no_marks_grades, grade))
		req_set(r, "Page.NoMarks", "1");
	rc = choose_period(r, periods, np, req_str(r, K_PERIOD) != NULL ?
	    r->fields[K_PERIOD].num : 0, &pick);
	if (rc != 200)
		return rc == 0 ? 200 : rc;
	if (db_diary_marks(r, student, year, pick->id, pick->starts,
	    pick->ends) == -1)
		return 500;
	return 200;
}

static const struct screen screen = {
	.name = "marks",
	.methods = M_GET,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "marks.cs",
	.get = marks_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
