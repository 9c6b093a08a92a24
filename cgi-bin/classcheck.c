/*
 * classcheck: the class teacher's weekly check of the class journal
 * (R30): every journal that teaches the class (the whole class, its
 * subgroups, streams with its students; group × subject of the load), with
 * a link to it, and for the chosen week the lessons with no topic or no
 * homework, the absences with no reason, and the students of the class
 * with no mark in the period.  The administration sees any class, a class
 * teacher their own.  Without ?class= the classes to choose from.
 */
#include "classweek.h"
#include "screen.h"
#include "objects.h"
#include "roles.h"

enum { K_CLASS, K_WEEK, K__MAX };

static const struct key keys[K__MAX] = {
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_WEEK] =	{ "week", v_date, 0 },
};

static int
classcheck_get(struct req *r)
{
	enum obj_res	 ok;
	long long	 class_id;
	int		 rc;

	if (r->fields[K_CLASS].error != NULL || r->fields[K_WEEK].error != NULL)
		return 400;
	if (req_str(r, K_CLASS) == NULL)
		return db_classes_for_week(r, "Classes", (r->sess.roles &
		    (ROLE_ADMIN | ROLE_MANAGEMENT)) != 0) == -1 ? 500 : 200;
	class_id = r->fields[K_CLASS].num;
	if ((ok = obj_class_view(r, class_id)) != OBJ_OK)
		return (int)ok;
	if ((rc = db_class_week(r, class_id, req_str(r, K_WEEK))) == -1)
		return 500;
	if (rc == 0)
		return 404;
	if (db_class_check(r, "Journals", class_id,
	    req_get(r, "Week.monday", ""), req_get(r, "Week.period_from", NULL),
	    req_get(r, "Week.period_to", NULL)) == -1)
		return 500;
	return 200;
}

static const struct screen screen = {
	.name = "classcheck",
	.methods = M_GET,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "classcheck.cs",
	.get = classcheck_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
