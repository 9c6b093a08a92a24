/*
 * home: the landing page after login, one section per role the user
 * holds: a parent sees their children, a student their class, a class
 * teacher their classes, the administration the school at a glance.
 */
#include <stdlib.h>

#include "clock.h"
#include "journal.h"
#include "lesson.h"
#include "people.h"
#include "personal.h"
#include "timetable.h"
#include "util.h"

/* Lessons of the list under the teacher's journals; the rest counted. */
#define MISSING_SHOWN	12

/*
 * The teacher's timetabled lessons of this school year, up to yesterday,
 * never entered in the journal (today's may still be): their number and
 * the first MISSING_SHOWN, each a link to its journal.
 */
static int
missing_lessons(struct req *r)
{
	struct tt_missing	*m;
	const char		*starts, *ends;
	char			 today[11], yesterday[11];
	long long		 year;
	int			 n, i, open, total = 0;

	clock_iso(today);
	date_format(clock_today() - 1, yesterday);
	if ((n = db_tt_year_by_date(r->sess.school_id, today, &year, &starts,
	    &ends, &open, r)) <= 0)
		return n;
	if ((n = db_tt_missing(r, TT_TEACHER, r->sess.person_id, starts,
	    yesterday, &m)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		total += m[i].count;
		if (i >= MISSING_SHOWN)
			continue;
		req_setf(r, arena_printf(&r->arena, "Missing.List.%d.group_id",
		    i), "%lld", m[i].group_id);
		req_setf(r, arena_printf(&r->arena,
		    "Missing.List.%d.subject_id", i), "%lld", m[i].subject_id);
		req_set(r, arena_printf(&r->arena, "Missing.List.%d.subject",
		    i), m[i].subject);
		req_set(r, arena_printf(&r->arena, "Missing.List.%d.group", i),
		    m[i].group);
		req_set(r, arena_printf(&r->arena, "Missing.List.%d.day", i),
		    m[i].day);
		req_setf(r, arena_printf(&r->arena, "Missing.List.%d.count",
		    i), "%d", m[i].count);
	}
	req_setf(r, "Missing.total", "%d", total);
	req_setf(r, "Missing.more", "%d", n > MISSING_SHOWN ?
	    n - MISSING_SHOWN : 0);
	return 0;
}

/*
 * The classes a class teacher leads, each with the number of students
 * whose personal data are not yet confirmed this quarter (R17).
 */
static int
led_classes(struct req *r)
{
	const char	*since;
	int		 i, n, k;

	if ((n = db_classes_list_by_teacher(r->hdf, "LedClasses",
	    r->sess.person_id)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_pd_since(r->hdf, "Scratch.Since", atoll(req_get(r,
		    arena_printf(&r->arena, "LedClasses.%d.id", i), "0"))) != 1)
			return -1;
		since = req_get(r, "Scratch.Since.since", "");
		if ((k = db_pd_unconfirmed(r->hdf, "Scratch.Unconfirmed",
		    atoll(req_get(r, arena_printf(&r->arena,
		    "LedClasses.%d.id", i), "0")), since)) == -1)
			return -1;
		req_setf(r, arena_printf(&r->arena, "LedClasses.%d.unconfirmed",
		    i), "%d", k);
	}
	return 0;
}

static int
home_get(struct req *r)
{
	const struct session	*s = &r->sess;

	if ((s->roles & ROLE_PARENT) && db_children_list_by_guardian(r->hdf,
	    "Children", s->person_id) == -1)
		return 500;
	if ((s->roles & ROLE_STUDENT) && db_class_get_by_student(r->hdf,
	    "MyClass", s->person_id) == -1)
		return 500;
	if ((s->roles & ROLE_CLASS_TEACHER) && led_classes(r) == -1)
		return 500;
	/* Issue 4: the teacher's journals and those they substitute in. */
	if ((s->roles & ROLE_TEACHER) && (db_journals_by_teacher(r->hdf,
	    "MyJournals", s->school_id, s->person_id) == -1 ||
	    missing_lessons(r) == -1))
		return 500;
	if ((s->roles & ROLE_CLASS_TEACHER) && db_journals_by_class_teacher(
	    r->hdf, "ClassJournals", s->school_id, s->person_id) == -1)
		return 500;
	if ((s->roles & (ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_INSPECTOR |
	    ROLE_SECRETARY)) && db_school_counts(r->hdf, "Counts",
	    s->school_id) == -1)
		return 500;
	return 200;
}

static const struct screen screen = {
	.name = "home",
	.methods = M_GET,
	.template = "home.cs",
	.get = home_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
