/*
 * demo-groups.h: the demo school's groups and teacher load (R14, R15, R18).
 * Included by demo-school.c after its data is built; writes SQL inside the
 * demo's transaction (before COMMIT).
 *
 * Groups: one whole-class group per class (members derived from
 * class_student, see sql/005_groups.sql); English split into two
 * subgroups in grades 2-11 where the class has 25 students or more (the
 * rule schools follow for foreign languages; with the demo's three English
 * teachers, splitting every class would need 46 hours a week from each),
 * the halves taken from the class list in order; one stream, the elective
 * «Робототехника» for the 5th grades; one individual group.
 *
 * Load: every class × subject of the curriculum goes to a teacher of the
 * right post; a primary teacher teaches their own class all but music and
 * physical education (English too, in this small school).  A class's
 * subjects of one field go together (Russian with literature, the
 * mathematics, history with social studies), largest first, each to the
 * least loaded teacher of the post who stays under 30 hours (or packed
 * first-fit when sharing evenly does not fit); some posts take a
 * neighbour subject to stay under it (see dg_fields[]).
 *
 * Two gaps are left on purpose, so that /load shows its warnings:
 *   1. Литература in 11 Б has no teacher (a vacancy);
 *   2. the second English subgroup of the first split class of grades
 *      5-11 (5 А with the default seed) has no teacher, while the first
 *      one has.
 */

#define DG_MAX_GROUPS	256
#define DG_MAX_UNITS	512
#define DG_MAX_LOAD	300	/* tenths of an hour: 30 h */
#define DG_ENGLISH	4	/* subjects[] index + 1 */
#define DG_LITERATURE	3
#define DG_INFORMATICS	10
#define DG_SPLIT_MIN	25

/* Which post teaches which subjects (ids), and in which grades. */
struct dg_field {
	const char	*position;
	int		 subjects[6];
	int		 from, to;	/* grades */
};

static const struct dg_field dg_fields[] = {
	/* Social studies of the 6th and 7th grades: the history teachers
	 * would have 33 hours each.  Before the history teachers' entry,
	 * since the first entry that matches wins. */
	{ "преподаватель-организатор основ безопасности и защиты Родины",
	    { 15 }, 6, 7 },
	{ "учитель русского языка и литературы", { 1, 3 }, 5, 11 },
	{ "учитель математики", { 5, 6, 7, 8, 9 }, 5, 11 },
	{ "учитель истории и обществознания", { 14, 15 }, 5, 11 },
	{ "учитель географии", { 16 }, 5, 11 },
	{ "учитель биологии", { 17 }, 5, 11 },
	{ "учитель химии", { 19 }, 5, 11 },
	/* Physics of the 7th grades goes to the informatics teacher below. */
	{ "учитель физики и астрономии", { 18, 20 }, 8, 11 },
	{ "учитель информатики", { 10, 18, 26 }, 5, 11 },
	{ "учитель музыки", { 21 }, 1, 11 },
	{ "учитель изобразительного искусства", { 22, 13 }, 5, 11 },
	{ "учитель труда (технологии)", { 23 }, 5, 11 },
	{ "учитель физической культуры", { 25 }, 1, 11 },
	{ "преподаватель-организатор основ безопасности и защиты Родины",
	    { 24 }, 5, 11 },
	/* Not by field: English goes by subgroup (see demo_groups). */
	{ "учитель английского языка", { 0 }, 0, 0 },
};

#define DG_FIELD_ENGLISH	((int)NELEM(dg_fields) - 1)

struct dg_group {
	unsigned	 id;
	const char	*kind;
	int		 klass;		/* classes[] index, -1 for a stream */
	int		 subject;	/* id, 0: none; -1: the elective */
	char		 name[160];
	int		 members[32];	/* person indices (not for kind class) */
	int		 n;
};

/* A piece of load: subjects of one class (or one group) for one teacher. */
struct dg_unit {
	int		 group;		/* dg_groups[] index */
	int		 subjects[12];	/* ids */
	int		 hours[12];	/* tenths */
	int		 nsub;
	int		 total;
	int		 field;		/* dg_fields[] index, -1: primary */
	int		 teacher;	/* person index */
};

static struct dg_group	dg_groups[DG_MAX_GROUPS];
static int		dg_ngroups;
static struct dg_unit	dg_units[DG_MAX_UNITS];
static int		dg_nunits;
static int		dg_load[MAX_PERSONS];	/* tenths */

static int
dg_new_group(const char *kind, int klass, int subject)
{
	struct dg_group *g;

	if (dg_ngroups == DG_MAX_GROUPS)
		abort();
	g = &dg_groups[dg_ngroups];
	g->id = (unsigned)dg_ngroups + 1;
	g->kind = kind;
	g->klass = klass;
	g->subject = subject;
	return dg_ngroups++;
}

static int
dg_field_of(int subject, int grade)
{
	size_t f;
	int k;

	for (f = 0; f < NELEM(dg_fields); f++) {
		if (grade < dg_fields[f].from || grade > dg_fields[f].to)
			continue;
		for (k = 0; k < 6 && dg_fields[f].subjects[k] != 0; k++)
			if (dg_fields[f].subjects[k] == subject)
				return (int)f;
	}
	return -1;
}

/* Add subject hours to the unit of (group, field), making it if needed. */
static void
dg_add(int group, int field, int subject, int tenths)
{
	struct dg_unit *u;
	int i;

	for (i = 0; i < dg_nunits; i++)
		if (dg_units[i].group == group && dg_units[i].field == field)
			break;
	if (i == dg_nunits) {
		if (dg_nunits == DG_MAX_UNITS)
			abort();
		dg_nunits++;
		dg_units[i].group = group;
		dg_units[i].field = field;
		dg_units[i].teacher = -1;
	}
	u = &dg_units[i];
	if (u->nsub == (int)NELEM(u->subjects))
		abort();
	u->subjects[u->nsub] = subject;
	u->hours[u->nsub++] = tenths;
	u->total += tenths;
}

static int
dg_cmp_unit(const void *a, const void *b)
{
	const struct dg_unit *x = a, *y = b;

	if (x->total != y->total)
		return y->total - x->total;
	return x->group != y->group ? x->group - y->group : x->field - y->field;
}

/*
 * balanced: the least loaded of the post's teachers who stays under 30
 * hours, so that the work is shared; else the first who does (packs
 * tighter).  When none does, the least loaded.
 */
static void
dg_place(struct dg_unit *u, int balanced)
{
	int i, best = -1;

	if (u->field < 0) {
		u->teacher = classes[dg_groups[u->group].klass].teacher;
		dg_load[u->teacher] += u->total;
		return;
	}
	for (i = 0; i < npersons; i++) {
		if (persons[i].kind != K_STAFF ||
		    strcmp(persons[i].position, dg_fields[u->field].position))
			continue;
		if (!balanced && dg_load[i] + u->total <= DG_MAX_LOAD) {
			best = i;
			break;
		}
		if (best == -1 || (dg_load[i] + u->total <= DG_MAX_LOAD &&
		    (dg_load[best] + u->total > DG_MAX_LOAD ||
		    dg_load[i] < dg_load[best])) ||
		    (dg_load[best] + u->total > DG_MAX_LOAD &&
		    dg_load[i] < dg_load[best]))
			best = i;
	}
	if (best == -1) {
		fprintf(stderr, "demo-school: no %s\n",
		    dg_fields[u->field].position);
		exit(1);
	}
	u->teacher = best;
	dg_load[best] += u->total;
}

static void
demo_groups(FILE *fp)
{
	struct batch b;
	struct klass *c;
	struct dg_group *g;
	struct dg_unit *u;
	int whole[MAX_CLASSES], k, i, j, s, h, col, half, gi, field;
	int gap_english = -1;
	size_t sj;

	/* The elective of the stream: a subject of its own (R18). */
	fputs("INSERT INTO subject (school_id, name, short_name) VALUES (", fp);
	fprintf(fp, "%d, ", SCHOOL_ID);
	sql_str(fp, "Робототехника");
	fputs(", ", fp);
	sql_str(fp, "Робототехника");
	fputs(") ON DUPLICATE KEY UPDATE id = id;\n"
	    "SET @robotics = (SELECT id FROM subject WHERE school_id = ", fp);
	fprintf(fp, "%d AND name = ", SCHOOL_ID);
	sql_str(fp, "Робототехника");
	fputs(");\n\n", fp);

	for (k = 0; k < nclasses; k++) {
		c = &classes[k];
		whole[k] = dg_new_group("class", k, 0);
		snprintf(dg_groups[whole[k]].name, sizeof(dg_groups[0].name),
		    "%d %s", c->grade, c->letter);
	}
	for (k = 0; k < nclasses; k++) {
		c = &classes[k];
		col = column_of(c);
		if (subjects[DG_ENGLISH - 1].hours[col] == 0 ||
		    c->n < DG_SPLIT_MIN)
			continue;
		half = (c->n + 1) / 2;
		for (j = 0; j < 2; j++) {
			gi = dg_new_group("subgroup", k, DG_ENGLISH);
			g = &dg_groups[gi];
			snprintf(g->name, sizeof(g->name), "%d %s — англ. %d",
			    c->grade, c->letter, j + 1);
			for (i = j ? half : 0; i < (j ? c->n : half); i++)
				g->members[g->n++] = c->students[i];
		}
	}
	/* The elective: the first five of each 5th grade's list. */
	gi = dg_new_group("stream", -1, -1);
	g = &dg_groups[gi];
	snprintf(g->name, sizeof(g->name), "Робототехника (5 классы)");
	for (k = 0; k < nclasses; k++)
		if (classes[k].grade == 5)
			for (i = 0; i < 5 && i < classes[k].n; i++)
				g->members[g->n++] = classes[k].students[i];
	/* Individual study of informatics for the last student of a 9th. */
	for (k = 0; k < nclasses && classes[k].grade != 9; k++)
		;
	if (k == nclasses || classes[k].n == 0)
		abort();
	gi = dg_new_group("individual", k, DG_INFORMATICS);
	g = &dg_groups[gi];
	g->members[g->n++] = classes[k].students[classes[k].n - 1];
	snprintf(g->name, sizeof(g->name), "%d %s — информатика, инд. (%s %.2s.)",
	    classes[k].grade, classes[k].letter, persons[g->members[0]].last,
	    persons[g->members[0]].first);

	/* The load units, class by class, subject by subject. */
	for (k = 0; k < nclasses; k++) {
		c = &classes[k];
		col = column_of(c);
		for (sj = 0; sj < NELEM(subjects); sj++) {
			s = (int)sj + 1;
			if ((h = subjects[sj].hours[col]) == 0)
				continue;
			/* Gap 1: no teacher of literature for 11 Б. */
			if (s == DG_LITERATURE && c->grade == 11 &&
			    strcmp(c->letter, "Б") == 0)
				continue;
			if (s != DG_ENGLISH) {
				field = dg_field_of(s, c->grade);
				if (field == -1 && c->grade > 4) {
					fprintf(stderr, "demo-school: nobody "
					    "teaches subject %d in grade %d\n",
					    s, c->grade);
					exit(1);
				}
				dg_add(whole[k], field, s, h * 10);
				continue;
			}
			field = c->grade > 4 ? DG_FIELD_ENGLISH : -1;
			/* English: per subgroup where split. */
			for (gi = 0, j = 0; gi < dg_ngroups; gi++) {
				g = &dg_groups[gi];
				if (g->klass != k || strcmp(g->kind,
				    "subgroup") != 0)
					continue;
				/* Gap 2: only the first subgroup has one. */
				if (j++ == 1 && gap_english == -1 &&
				    c->grade >= 5) {
					gap_english = gi;
					continue;
				}
				dg_add(gi, field, s, h * 10);
			}
			if (j == 0)
				dg_add(whole[k], field, s, h * 10);
		}
	}
	/* The stream and the individual group: two hours and one. */
	for (gi = 0; gi < dg_ngroups; gi++) {
		g = &dg_groups[gi];
		if (strcmp(g->kind, "stream") == 0)
			dg_add(gi, dg_field_of(23, 5), -1, 20);
		else if (strcmp(g->kind, "individual") == 0)
			dg_add(gi, dg_field_of(DG_INFORMATICS, 9),
			    DG_INFORMATICS, 10);
	}
	qsort(dg_units, (size_t)dg_nunits, sizeof(dg_units[0]), dg_cmp_unit);
	/* Shared evenly if that fits everyone under 30 hours, else packed. */
	for (j = 1; j >= 0; j--) {
		memset(dg_load, 0, sizeof(dg_load));
		for (i = 0; i < dg_nunits; i++)
			dg_place(&dg_units[i], j);
		for (i = 0; i < npersons && dg_load[i] <= DG_MAX_LOAD; i++)
			;
		if (i == npersons)
			break;
	}
	for (i = 0; i < npersons; i++)
		if (dg_load[i] > DG_MAX_LOAD)
			fprintf(stderr, "demo-school: warning: %s %s has "
			    "%d.%d hours a week\n", persons[i].last,
			    persons[i].first, dg_load[i] / 10,
			    dg_load[i] % 10);

	b = (struct batch){ fp, "INSERT INTO `groups` (id, school_id, year_id, "
	    "name, kind, class_id, subject_id)", 0 };
	for (gi = 0; gi < dg_ngroups; gi++) {
		g = &dg_groups[gi];
		batch_row(&b);
		fprintf(fp, "%u, %d, %d, ", g->id, SCHOOL_ID, YEAR_ID);
		sql_str(fp, g->name);
		fprintf(fp, ", '%s', ", g->kind);
		if (g->klass >= 0)
			fprintf(fp, "%u, ", classes[g->klass].id);
		else
			fputs("NULL, ", fp);
		if (g->subject > 0)
			fprintf(fp, "%d)", g->subject);
		else if (g->subject < 0)
			fputs("@robotics)", fp);
		else
			fputs("NULL)", fp);
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO group_student (group_id, "
	    "student_id)", 0 };
	for (gi = 0; gi < dg_ngroups; gi++)
		for (i = 0; i < dg_groups[gi].n; i++) {
			batch_row(&b);
			fprintf(fp, "%u, %u)", dg_groups[gi].id,
			    persons[dg_groups[gi].members[i]].id);
		}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO assignment (school_id, year_id, "
	    "teacher_id, subject_id, group_id, hours)", 0 };
	for (i = 0; i < dg_nunits; i++) {
		u = &dg_units[i];
		for (j = 0; j < u->nsub; j++) {
			batch_row(&b);
			fprintf(fp, "%d, %d, %u, ", SCHOOL_ID, YEAR_ID,
			    persons[u->teacher].id);
			if (u->subjects[j] < 0)
				fputs("@robotics", fp);
			else
				fprintf(fp, "%d", u->subjects[j]);
			fprintf(fp, ", %u, %d.%d)", dg_groups[u->group].id,
			    u->hours[j] / 10, u->hours[j] % 10);
		}
	}
	batch_end(&b);
}
