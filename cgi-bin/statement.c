/*
 * statement: the weekly paper statement (000:II.3.8, R41): a student's
 * week as the diary shows it, printed on A4, one student a page, for the
 * families without consent (R6) or who chose paper.  ?student= prints
 * one; ?class= the class's paper families; neither: every paper family
 * of the school (a class teacher: of the classes they lead).
 */
#include <stdlib.h>
#include <string.h>

#include "delivery.h"
#include "diary.h"
#include "screen.h"
#include "objects.h"
#include "timetable.h"

enum { K_STUDENT, K_CLASS, K_WEEK, K__MAX };

static const struct key keys[K__MAX] = {
	[K_STUDENT] =	{ "student", v_id, 0 },
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_WEEK] =	{ "week", v_date, 0 },
};

/* One student's page under S.<n>. */
static int
one(struct req *r, int n, long long student, const char *monday)
{
	const char	*prefix = arena_printf(&r->arena, "S.%d.", n);
	long long	 year;
	int		 grade, rc;

	if ((rc = db_diary_student(r->hdf, prefix, student, &year,
	    &grade)) != 1)
		return rc;
	return db_diary_week(r, prefix, student, monday) == -1 ? -1 : 1;
}

static int
statement_get(struct req *r)
{
	char		 monday[11], today[11], d[11];
	long long	*ids = NULL, teacher = 0, class_id = 0;
	enum obj_res	 ok;
	int		 n, i, k = 0, rc = 500;

	for (size_t f = 0; f < K__MAX; f++)
		if (r->fields[f].error != NULL)
			return 400;
	tt_today(today);
	/* The week just ended is what a Monday's statement tells. */
	if (req_str(r, K_WEEK) != NULL) {
		if (tt_monday(req_str(r, K_WEEK), monday) == -1)
			return 400;
	} else {
		tt_add_days(today, -7, d);
		if (tt_monday(d, monday) == -1)
			return 500;
	}
	tt_add_days(monday, 5, d);
	req_setf(r, "Page.Span", "%.2s.%.2s – %.2s.%.2s.%.4s", monday + 8,
	    monday + 5, d + 8, d + 5, d);
	req_set(r, "Page.Monday", monday);

	if (req_str(r, K_STUDENT) != NULL) {
		if ((ok = obj_student_diary(r, r->fields[K_STUDENT].num,
		    NULL, NULL)) != OBJ_OK)
			return (int)ok;
		if ((n = one(r, 0, r->fields[K_STUDENT].num, monday)) == -1)
			return 500;
		return n == 0 ? 404 : 200;
	}
	if (req_str(r, K_CLASS) != NULL) {
		class_id = r->fields[K_CLASS].num;
		if ((ok = obj_class_view(r, class_id)) != OBJ_OK)
			return (int)ok;
		req_setf(r, "Page.Class", "%lld", class_id);
	} else if (!(r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT)))
		teacher = r->sess.person_id;	/* the classes they lead */
	if ((n = db_paper_students(r->sess.school_id, class_id, teacher,
	    &ids)) == -1)
		return 500;
	for (i = 0; i < n; i++) {
		if ((rc = one(r, k, ids[i], monday)) == -1)
			goto out;
		k += rc;
	}
	req_setf(r, "Page.Count", "%d", k);
	rc = 200;
out:
	free(ids);
	return rc == -1 ? 500 : rc;
}

static const struct screen screen = {
	.name = "statement",
	.methods = M_GET,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "statement.cs",
	.get = statement_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
