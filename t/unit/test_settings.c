/*
 * test_settings.c: lib/settings.c, the one table of the school's rules:
 * the seeds' defaults, how each type of value is read (a count, a share
 * written with a comma, a list of grades, a flag), that a bad value
 * leaves the rule alone, and that conf/journal.hdf's school_defaults
 * names exactly the table's rules with valid values.
 */
#include <ClearSilver.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "tap.h"

static void
test_defaults(void)
{
	struct school_rules s;

	school_rules_defaults(&s);
	is_int(s.mark_edit_days, 14, "R23: a mark is corrected within 14 days");
	is_int(s.homework_deadline_hours, 2, "R23: homework within 2 hours");
	is_int(s.mark_due_days, 7, "R23: marks within 7 days");
	is_int(s.period_mark_lead_days, 2, "R23: period marks 2 days ahead");
	is_int(s.na_max_marks, 3, "R26: «н/а» below 3 marks...");
	ok(s.na_min_absent_share == 0.5, "... and above half missed");
	is_int(s.min_marks_per_period, 3, "R27: 3 marks a period");
	is_int(s.no_marks_grades, 1u << 1, "R24: grade 1 has no marks");
	is_int(s.five_point_plus_minus, 0, "«+»/«−» off");
	is_int(s.retest_days, 4, "R25: a re-test within 4 days");
	is_int(s.long_absence_lessons, 3, "R25: 3 missed lessons");
	is_int(s.tests_per_day_max, 1, "one test a day");
}

static void
test_apply(void)
{
	struct school_rules s;

	school_rules_defaults(&s);
	is_int(school_rules_apply(&s, "na_min_absent_share", "0,75"), 0,
	    "a share with a comma");
	ok(s.na_min_absent_share == 0.75, "... is 0.75, not 0");
	is_int(school_rules_apply(&s, "na_min_absent_share", "0.25"), 0,
	    "a share with a point");
	ok(s.na_min_absent_share == 0.25, "... is 0.25");
	is_int(school_rules_apply(&s, "na_min_absent_share", "1,5"), -1,
	    "a share above 1 is refused");
	is_int(school_rules_apply(&s, "na_min_absent_share", "половина"), -1,
	    "words are refused");
	ok(s.na_min_absent_share == 0.25, "... and the share stays");

	is_int(school_rules_apply(&s, "mark_edit_days", "10"), 0, "a count");
	is_int(s.mark_edit_days, 10, "... is set");
	is_int(school_rules_apply(&s, "mark_edit_days", "-1"), -1,
	    "a negative count is refused");
	is_int(school_rules_apply(&s, "mark_edit_days", "7 дней"), -1,
	    "trailing words are refused");
	is_int(school_rules_apply(&s, "mark_edit_days", ""), -1,
	    "an empty value is refused");
	is_int(school_rules_apply(&s, "mark_edit_days", "3651"), -1,
	    "more than ten years is refused");
	is_int(s.mark_edit_days, 10, "... and the count stays");

	is_int(school_rules_apply(&s, "five_point_plus_minus", "1"), 0,
	    "a flag on");
	is_int(s.five_point_plus_minus, 1, "... is 1");
	is_int(school_rules_apply(&s, "five_point_plus_minus", "2"), -1,
	    "a flag is 0 or 1");
	is_int(s.five_point_plus_minus, 1, "... and stays");

	is_int(school_rules_apply(&s, "no_marks_grades", "1, 2"), 0,
	    "a list of grades");
	is_int(s.no_marks_grades, (1u << 1) | (1u << 2), "... grades 1 and 2");
	is_int(school_rules_apply(&s, "no_marks_grades", "0"), 0,
	    "\"0\": no grade without marks");
	is_int(s.no_marks_grades, 0, "... none");
	is_int(school_rules_apply(&s, "no_marks_grades", "12"), -1,
	    "grade 12 does not exist");
	is_int(s.no_marks_grades, 0, "... and the list stays");

	is_int(school_rules_apply(&s, "no_such_rule", "1"), 1,
	    "an unknown rule is told apart");
	is_int(school_rules_apply(&s, "mark_edit_days", NULL), -1,
	    "no value is refused");
}

/* conf/journal.hdf's school_defaults: the table's rules, valid values. */
static void
test_sample_config(void)
{
	static const char *const names[] = {
		"mark_edit_days", "homework_deadline_hours", "mark_due_days",
		"period_mark_lead_days", "na_max_marks", "na_min_absent_share",
		"min_marks_per_period", "no_marks_grades",
		"five_point_plus_minus", "retest_days", "long_absence_lessons",
		"tests_per_day_max",
	};
	struct school_rules s, d;
	HDF		*hdf, *node;
	NEOERR		*err;
	size_t		 i, n = 0;
	int		 bad = 0;

	school_rules_defaults(&d);
	if ((err = hdf_init(&hdf)) != STATUS_OK ||
	    (err = hdf_read_file(hdf, "conf/journal.hdf")) != STATUS_OK) {
		nerr_ignore(&err);
		ok(0, "conf/journal.hdf is read (run from the source root)");
		return;
	}
	school_rules_defaults(&s);
	for (node = hdf_obj_child(hdf_get_obj(hdf, "school_defaults"));
	    node != NULL; node = hdf_obj_next(node)) {
		n++;
		if (school_rules_apply(&s, hdf_obj_name(node),
		    hdf_obj_value(node)) != 0) {
			diag("school_defaults.%s = %s", hdf_obj_name(node),
			    hdf_obj_value(node));
			bad++;
		}
	}
	is_int(bad, 0, "every school_defaults key is a rule, validly set");
	is_int(n, sizeof(names) / sizeof(names[0]),
	    "the sample names every rule once");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		ok(hdf_get_value(hdf, strcat(strcpy((char[64]){ 0 },
		    "school_defaults."), names[i]), NULL) != NULL,
		    "the sample sets %s", names[i]);
	ok(memcmp(&s, &d, sizeof(s)) == 0,
	    "the sample's values are the seeds' defaults of the table");
	hdf_destroy(&hdf);
}

int
main(void)
{
	test_defaults();
	test_apply();
	test_sample_config();
	return done_testing();
}
