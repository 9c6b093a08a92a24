/*
 * diary: the week of a student as in a paper diary (R32, R33): each day's
 * lessons from the timetable with its changes (substitutions, moved and
 * cancelled lessons, holidays), the topic, homework for the class and the
 * student's own, marks with their form of work and the teacher's comment,
 * absences.  Read straight from the tables on every request (R33: what a
 * teacher saves is here on the next load; pages are never cached).  A
 * parent switches between children; the object check is one query.
 */
#include <stdlib.h>
#include <string.h>

#include "diary.h"
#include "groups.h"
#include "screen.h"
#include "plan.h"
#include "timetable.h"

enum { K_STUDENT, K_WEEK, K__MAX };

static const struct key keys[K__MAX] = {
	[K_STUDENT] =	{ "student", v_id, 0 },
	[K_WEEK] =	{ "week", v_date, 0 },
};

static int
diary_get(struct req *r)
{
	char		 monday[11], today[11], d[11];
	long long	 student = 0, year, groups[DB_ID_SLOTS];
	int		 grade, rc, n;

	/* A broken id or date is a broken link, not "the default". */
	for (size_t k = 0; k < K__MAX; k++)
		if (r->fields[k].error != NULL)
			return 400;
	rc = diary_student_open(r, req_str(r, K_STUDENT) != NULL ?
	    r->fields[K_STUDENT].num : 0, &student, &year, &grade);
	if (rc != 200 || student == 0)
		return rc;

	tt_today(today);
	if (tt_monday(req_str(r, K_WEEK) != NULL ? req_str(r, K_WEEK) : today,
	    monday) == -1)
		return 400;
	req_set(r, "Page.Monday", monday);
	tt_add_days(monday, -7, d);
	req_set(r, "Page.Prev", d);
	tt_add_days(monday, 7, d);
	req_set(r, "Page.Next", d);
	tt_add_days(monday, 5, d);
	req_setf(r, "Page.Span", "%.2s.%.2s – %.2s.%.2s.%.4s", monday + 8,
	    monday + 5, d + 8, d + 5, d);
	req_set(r, "Page.Today", today);
	if (db_diary_week(r, "", student, monday) == -1)
		return 500;
	/* The tests of the student's groups in the next two weeks (R32),
	 * held or planned (not the other half's of a split class); no
	 * limit: the warning is for the staff's schedule. */
	tt_add_days(today, 14, d);
	if ((n = db_student_group_ids(student, groups)) == -1 ||
	    tests_schedule(r, "Tests", groups, n, today, d, 1000) == -1)
		return 500;
	return 200;
}

static const struct screen screen = {
	.name = "diary",
	.methods = M_GET,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "diary.cs",
	.get = diary_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
