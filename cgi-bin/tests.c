/*
 * tests: the tests schedule of a class (/tests?class=&from=&weeks=): by
 * day, the tests held (lessons with a test form of work, work_kind.
 * is_test) and those planned in the plans of the class's groups
 * (plan_topic.is_test with a date, not yet covered by a lesson), with a
 * warning on every day with more than the school's tests_per_day_max.
 * For the staff who plan tests: the administration, inspectors, class
 * teachers and teachers (any class: a teacher sets a test around the
 * others').  Students and parents will see theirs in the diary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "screen.h"
#include "groups.h"
#include "plan.h"
#include "settings.h"

enum { K_CLASS, K_FROM, K_WEEKS, K__MAX };

static const struct key keys[K__MAX] = {
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_FROM] =	{ "from", v_date, 0 },
	[K_WEEKS] =	{ "weeks", v_int, 0 },
};

#define WEEKS_DEFAULT	2
#define WEEKS_MAX	10

/* The Monday of the week of from (YYYYMMDD), plus days, as ISO. */
static void
monday(long long ymd, int plus, char out[11])
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = (int)(ymd / 10000) - 1900;
	tm.tm_mon = (int)(ymd / 100 % 100) - 1;
	tm.tm_mday = (int)(ymd % 100);
	tm.tm_hour = 12;
	mktime(&tm);
	tm.tm_mday -= (tm.tm_wday + 6) % 7 - plus;
	mktime(&tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static int
tests_get(struct req *r)
{
	char		 from[11], to[11], buf[11];
	const struct school_rules *sr;
	long long	 ymd, max = 1, weeks = WEEKS_DEFAULT, class_id;
	long long	 groups[DB_ID_SLOTS];
	enum obj_res	 ok;
	int		 rc, n;
	size_t		 i;
	const char	*mine;

	if (db_tests_classes(r->hdf, "Classes", r->sess.school_id,
	    r->sess.person_id) == -1)
		return 500;
	if (req_str(r, K_CLASS) == NULL) {
		/* A class teacher starts with their class. */
		for (i = 0; (mine = req_get(r, arena_printf(&r->arena,
		    "Classes.%zu.id", i), NULL)) != NULL; i++)
			if (strcmp(req_get(r, arena_printf(&r->arena,
			    "Classes.%zu.mine", i), "0"), "1") == 0)
				break;
		if (mine == NULL)
			return 200;	/* the class picker alone */
		class_id = strtoll(mine, NULL, 10);
	} else
		class_id = r->fields[K_CLASS].num;
	if ((ok = obj_tests_class(r, class_id)) != OBJ_OK)
		return (int)ok;
	if (req_str(r, K_WEEKS) != NULL) {
		weeks = r->fields[K_WEEKS].num;
		if (weeks < 1 || weeks > WEEKS_MAX)
			return 400;
	}
	if (req_str(r, K_FROM) != NULL)
		ymd = r->fields[K_FROM].num;
	else {
		ymd = clock_ymd();
	}
	monday(ymd, 0, from);
	monday(ymd, (int)weeks * 7 - 1, to);
	if ((sr = school_rules(r->sess.school_id)) == NULL)
		return 500;
	max = sr->tests_per_day_max;
	if ((n = db_class_group_ids(class_id, groups)) == -1 ||
	    (rc = tests_schedule(r, "Tests", groups, n, from, to, max)) == -1)
		return 500;
	req_setf(r, "Page.class", "%lld", class_id);
	req_setf(r, "Page.weeks", "%lld", weeks);
	req_setf(r, "Page.max", "%lld", max);
	req_set(r, "Page.from", from);
	req_setf(r, "Page.from_ru", "%.2s.%.2s.%.4s", from + 8, from + 5, from);
	req_setf(r, "Page.to_ru", "%.2s.%.2s.%.4s", to + 8, to + 5, to);
	monday(ymd, -7 * (int)weeks, buf);
	req_set(r, "Page.prev", buf);
	monday(ymd, 7 * (int)weeks, buf);
	req_set(r, "Page.next", buf);
	for (i = 0; (mine = req_get(r, arena_printf(&r->arena,
	    "Classes.%zu.id", i), NULL)) != NULL; i++)
		if (strtoll(mine, NULL, 10) == class_id)
			req_set(r, "Page.class_name", req_get(r, arena_printf(
			    &r->arena, "Classes.%zu.name", i), ""));
	return 200;
}

static const struct screen screen = {
	.name = "tests",
	.methods = M_GET,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "tests.cs",
	.get = tests_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
