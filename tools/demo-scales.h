/*
 * demo-scales.h: the demo school's part for issue 3's "scales" slice.  Included
 * by demo-school.c after its data is built; writes SQL inside the demo's
 * transaction (before COMMIT).  Use the generator's own data (persons[],
 * classes[], nclasses, families[], subjects[], SCHOOL_ID, YEAR_ID, the
 * batch_* and sql_* helpers) and its own deterministic random stream.
 *
 * The built-in scales are copied from the migration's scale_builtin tables
 * (one definition for the demo and the /scales screen), with fixed ids:
 * 1 five-point, 2 pass/fail, 3 ten-point.  Every subject gets a scale in
 * each grade the curriculum teaches it, except grade 1, where there are
 * no marks (R24).  Three more subjects show R18: two electives and an
 * extracurricular activity, with ids after subjects[].
 */
#define DEMO_SCALE_FIVE	1
#define DEMO_SCALE_PASS	2

struct demo_extra_subject {
	const char	*name;
	const char	*short_name;
	const char	*kind;
	int		 from, to;	/* grades with a pass/fail scale; 0: none */
};

static const struct demo_extra_subject demo_extra_subjects[] = {
	{ "Финансовая грамотность", "Фин. грамотность", "elective", 5, 9 },
	{ "Робототехника", "Робототехника", "elective", 5, 8 },
	{ "Школьный театр", "Театр", "extracurricular", 0, 0 },
};

/* Whether the curriculum teaches subjects[j] in grade g (any column). */
static int
demo_taught(size_t j, int g)
{
	if (g <= 9)
		return subjects[j].hours[g - 1] > 0;
	return subjects[j].hours[9 + (g - 10) * 2] > 0 ||
	    subjects[j].hours[10 + (g - 10) * 2] > 0;
}

/* Subjects marked «зачёт/незачёт» by the federal curriculum. */
static int
demo_pass_fail(const char *short_name)
{
	return strcmp(short_name, "ОРКСЭ") == 0 ||
	    strcmp(short_name, "ОДНКНР") == 0 ||
	    strcmp(short_name, "Инд. проект") == 0;
}

static void
demo_scales(FILE *fp)
{
	const struct demo_extra_subject *e;
	struct batch b;
	size_t j;
	int g;

	fprintf(fp, "INSERT INTO scale (id, school_id, name, kind, is_builtin)"
	    "\n  SELECT sort, %d, name, kind, 1 FROM scale_builtin"
	    " ORDER BY sort;\n", SCHOOL_ID);
	fprintf(fp, "INSERT INTO scale_value (scale_id, code, name, num,"
	    " is_pass, is_plus_minus, sort)\n  SELECT s.id, v.code, v.name,"
	    " v.num, v.is_pass, v.is_plus_minus, v.sort\n  FROM scale s JOIN"
	    " scale_builtin_value v ON v.kind = s.kind\n  WHERE s.school_id ="
	    " %d AND s.is_builtin = 1;\n\n", SCHOOL_ID);

	b = (struct batch){ fp, "INSERT INTO subject (id, school_id, name, "
	    "short_name, kind)", 0 };
	for (j = 0; j < NELEM(demo_extra_subjects); j++) {
		e = &demo_extra_subjects[j];
		batch_row(&b);
		fprintf(fp, "%zu, %d, ", NELEM(subjects) + j + 1, SCHOOL_ID);
		sql_str(fp, e->name);
		fputs(", ", fp);
		sql_str(fp, e->short_name);
		fprintf(fp, ", '%s')", e->kind);
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO subject_scale (school_id, "
	    "subject_id, grade, scale_id)", 0 };
	for (j = 0; j < NELEM(subjects); j++)
		for (g = 2; g <= 11; g++) {
			if (!demo_taught(j, g))
				continue;
			batch_row(&b);
			fprintf(fp, "%d, %zu, %d, %d)", SCHOOL_ID, j + 1, g,
			    demo_pass_fail(subjects[j].short_name) ?
			    DEMO_SCALE_PASS : DEMO_SCALE_FIVE);
		}
	for (j = 0; j < NELEM(demo_extra_subjects); j++) {
		e = &demo_extra_subjects[j];
		for (g = e->from; g > 0 && g <= e->to; g++) {
			batch_row(&b);
			fprintf(fp, "%d, %zu, %d, %d)", SCHOOL_ID,
			    NELEM(subjects) + j + 1, g, DEMO_SCALE_PASS);
		}
	}
	batch_end(&b);
}
