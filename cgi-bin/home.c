/*
 * home: the landing page after login, one section per role the user
 * holds: a parent sees a card per child and a student their own (R32:
 * the marks since the last visit, today's absences, the next school day
 * with its homework), a class teacher their classes, the administration
 * the school at a glance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "diary.h"
#include "digest.h"

#include "clock.h"
#include "screen.h"
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
	long long	*ids;
	int		 i, n, k;

	if ((n = db_classes_by_teacher(r, "LedClasses", r->sess.person_id,
	    &ids)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_pd_since(r->hdf, "Scratch.Since", ids[i]) != 1)
			return -1;
		since = req_get(r, "Scratch.Since.since", "");
		if ((k = db_pd_unconfirmed(r->hdf, "Scratch.Unconfirmed",
		    ids[i], since)) == -1)
			return -1;
		req_setf(r, arena_printf(&r->arena, "LedClasses.%d.unconfirmed",
		    i), "%d", k);
	}
	return 0;
}

/* How far back "since the last visit" goes at most. */
#define NEWS_DAYS	14

/*
 * The family's cards: the parent's children (found through the parent's
 * own person id, as the diary finds them) or the student themself.  The
 * marks are those set since the account's previous login, and always
 * today's; no earlier than NEWS_DAYS ago.
 */
static int
family(struct req *r)
{
	const struct session	*s = &r->sess;
	struct child		*kids = NULL;
	long long		*ids;
	char			 prev[20], since[20], d[11];
	int			 n = 0, i, rc;

	if ((s->roles & ROLE_PARENT) && (n = db_children_by_guardian(r,
	    "Children", s->person_id, &kids)) == -1)
		return -1;
	ids = arena_alloc(&r->arena, ((size_t)n + 1) * sizeof(*ids));
	for (i = 0; i < n; i++) {
		ids[i] = kids[i].id;
		req_set(r, arena_printf(&r->arena, "Family.%d.name", i),
		    kids[i].name);
		req_set(r, arena_printf(&r->arena, "Family.%d.class", i),
		    kids[i].class_name);
		req_setf(r, arena_printf(&r->arena, "Family.%d.id", i), "%lld",
		    kids[i].id);
	}
	if ((s->roles & ROLE_STUDENT) && !(s->roles & ROLE_PARENT)) {
		ids[0] = s->person_id;
		req_set(r, "Family.0.self", "1");
		req_setf(r, "Family.0.id", "%lld", s->person_id);
		n = 1;
	}
	if (n == 0)
		return 0;

	/* Today from midnight, or from the previous login if earlier. */
	clock_iso(d);
	snprintf(since, sizeof(since), "%s 00:00:00", d);
	if ((rc = db_login_previous(s->login, prev)) == -1)
		return -1;
	if (rc == 1 && strcmp(prev, since) < 0) {
		date_format(clock_today() - NEWS_DAYS, d);
		if (strncmp(prev, d, 10) < 0)
			snprintf(prev, sizeof(prev), "%s 00:00:00", d);
		memcpy(since, prev, sizeof(since));
		req_setf(r, "FamilySince", "%.2s.%.2s %.5s", prev + 8,
		    prev + 5, prev + 11);
	}
	return db_diary_today(r, "Family", ids, n, since) == -1 ? -1 : 0;
}

static int
home_get(struct req *r)
{
	const struct session	*s = &r->sess;

	if ((s->roles & (ROLE_PARENT | ROLE_STUDENT)) && family(r) == -1)
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
	/* The e-mail digests' trouble (no mail transport, letters given
	 * up): the administrator's home page is where it is seen. */
	if ((s->roles & ROLE_ADMIN) && db_digest_trouble(r->hdf, "Mail",
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
