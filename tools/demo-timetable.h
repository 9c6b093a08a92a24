/*
 * demo-timetable.h: the weekly timetable of every class and group, and a
 * few one-day changes (issue 5, R15, R22, R32).  Included by
 * demo-school.c after demo-groups.h; writes SQL inside the demo's
 * transaction (before COMMIT).
 *
 * From the teacher load (dg_units): every hour a week of every assignment
 * becomes a lesson, Monday to Friday, numbers 1..7 (Saturday for what
 * does not fit, as in six-day schools).  The two English
 * subgroups of a class take the same slot when they have two teachers
 * (each in their room; one teacher teaches the halves one after another); the elective stream and the individual group are
 * placed first, at the end of the day.  Placement is greedy: the free slot with
 * the lowest number, a subject at most once a day where possible, the
 * classes taken in turns so that teachers are shared fairly.  Every
 * teacher has a room of their own (PE teachers a gym each), so a slot
 * free for the teacher is free for the room: no conflicts by construction.
 *
 * Changes, in the demo's current week (today is Monday 2026-11-23): a
 * mathematics teacher is ill on Tuesday 24 November, their lessons given
 * by free colleagues (cancelled where nobody is free); one lesson of a
 * 7th grade cancelled on Wednesday 25 November (an excursion); one lesson
 * in the assembly hall on Thursday 26 November.
 */

#define DT_DAYS		6	/* Saturday only when the week is full */
#define DT_NUMS		7
#define DT_MAX_ITEMS	1200

struct dt_item {
	int		 klass;		/* classes[] index; -1: a stream */
	int		 kind;		/* 0 class lesson, 1 last (stream, individual) */
	int		 nparts;
	int		 group[2];	/* dg_groups[] index */
	int		 teacher[2];	/* person index */
	int		 subject[2];	/* id; -1: the elective */
	unsigned	 tt[2];		/* timetable ids */
	int		 day, num;	/* placed: 1.., 1..; 0: not */
};

static struct dt_item	dt_items[DT_MAX_ITEMS];
static int		dt_nitems;
static unsigned char	dt_cbusy[MAX_CLASSES][DT_DAYS + 1][DT_NUMS + 1];
static unsigned char	dt_tbusy[MAX_PERSONS][DT_DAYS + 1][DT_NUMS + 1];
static int		dt_csubj[MAX_CLASSES][DT_DAYS + 1][32];
static char		dt_room[MAX_PERSONS][32];

static struct dt_item *
dt_new(int klass, int kind)
{
	struct dt_item *it;

	if (dt_nitems == DT_MAX_ITEMS)
		abort();
	it = &dt_items[dt_nitems++];
	memset(it, 0, sizeof(*it));
	it->klass = klass;
	it->kind = kind;
	return it;
}

/* The classes an item occupies: its own, or the classes of the stream. */
static int
dt_classes(const struct dt_item *it, int *out)
{
	const struct dg_group *g = &dg_groups[it->group[0]];
	int n = 0, i, k, j;

	if (it->klass >= 0) {
		out[0] = it->klass;
		return 1;
	}
	for (i = 0; i < g->n; i++) {
		k = persons[g->members[i]].klass;
		for (j = 0; j < n && out[j] != k; j++)
			;
		if (j == n)
			out[n++] = k;
	}
	return n;
}

static int
dt_subject_slot(int subject)
{
	return subject > 0 && subject < 32 ? subject : 0;
}

/* Score of a free slot for the item, or -1 when it does not fit. */
static int
dt_score(const struct dt_item *it, int day, int num)
{
	int cls[MAX_CLASSES], n, i, first, score;

	n = dt_classes(it, cls);
	for (i = 0; i < n; i++)
		if (dt_cbusy[cls[i]][day][num])
			return -1;
	for (i = 0; i < it->nparts; i++)
		if (dt_tbusy[it->teacher[i]][day][num])
			return -1;
	/* The elective and the individual lesson go after the class's. */
	score = it->kind == 0 ? num * 4 : (DT_NUMS - num) * 4;
	if (it->kind == 0) {
		/* Keep the class's day without windows. */
		for (first = 1; first <= DT_NUMS &&
		    dt_cbusy[cls[0]][day][first]; first++)
			;
		if (num > first)
			score += 30 * (num - first);
		if (dt_csubj[cls[0]][day][dt_subject_slot(it->subject[0])])
			score += 60;
	}
	if (day == 6)
		score += 500;
	return score;
}

static void
dt_place(struct dt_item *it)
{
	int cls[MAX_CLASSES], n, i, d, k, s, best = -1, bd = 0, bk = 0;

	for (d = 1; d <= DT_DAYS; d++)
		for (k = 1; k <= DT_NUMS; k++)
			if ((s = dt_score(it, d, k)) >= 0 &&
			    (best == -1 || s < best)) {
				best = s;
				bd = d;
				bk = k;
			}
	if (best == -1) {
		fprintf(stderr, "demo-school: warning: no slot for a lesson of "
		    "%s\n", dg_groups[it->group[0]].name);
		return;
	}
	it->day = bd;
	it->num = bk;
	n = dt_classes(it, cls);
	for (i = 0; i < n; i++)
		dt_cbusy[cls[i]][bd][bk] = 1;
	if (it->klass >= 0)
		dt_csubj[it->klass][bd][dt_subject_slot(it->subject[0])]++;
	for (i = 0; i < it->nparts; i++)
		dt_tbusy[it->teacher[i]][bd][bk] = 1;
}

static const struct dt_item *
dt_find(int day, int pred(const struct dt_item *, int), int arg)
{
	int i;

	for (i = 0; i < dt_nitems; i++)
		if (dt_items[i].day == day && pred(&dt_items[i], arg))
			return &dt_items[i];
	return NULL;
}

static int
dt_of_grade(const struct dt_item *it, int grade)
{
	return it->klass >= 0 && it->nparts == 1 && it->kind == 0 &&
	    classes[it->klass].grade == grade;
}

static void
demo_timetable(FILE *fp)
{
	struct batch b;
	struct dt_item *it;
	const struct dt_item *c;
	struct dg_unit *u;
	struct dg_group *g;
	int i, j, h, k, round, more, gym = 0, room = 0, ill = -1, best, sub;
	int order_of[MAX_CLASSES], per[MAX_CLASSES];
	unsigned id = 0;

	/* A room per teacher: gyms for PE, cabinets for the rest. */
	for (i = 0; i < npersons; i++) {
		if (persons[i].kind != K_STAFF)
			continue;
		if (persons[i].position != NULL && strstr(persons[i].position,
		    "физической культуры") != NULL)
			snprintf(dt_room[i], sizeof(dt_room[i]), "Спортзал %d",
			    ++gym);
		else {
			/* 101..120 on the first floor, then 201.. */
			k = room++;
			snprintf(dt_room[i], sizeof(dt_room[i]), "%d",
			    k < 20 ? 101 + k : 181 + k);
		}
	}

	/* Items: one per hour; the halves of a split class share one. */
	for (i = 0; i < dg_nunits; i++) {
		u = &dg_units[i];
		g = &dg_groups[u->group];
		for (j = 0; j < u->nsub; j++)
			for (h = 0; h < u->hours[j] / 10; h++) {
				if (strcmp(g->kind, "subgroup") == 0) {
					/* Join the sibling's free item. */
					for (k = 0; k < dt_nitems; k++) {
						it = &dt_items[k];
						if (it->nparts == 1 &&
						    it->klass == g->klass &&
						    it->subject[0] ==
						    u->subjects[j] &&
						    it->group[0] != u->group &&
						    it->teacher[0] != u->teacher &&
						    strcmp(dg_groups[it->group[0]]
						    .kind, "subgroup") == 0)
							break;
					}
					if (k < dt_nitems) {
						it->group[1] = u->group;
						it->teacher[1] = u->teacher;
						it->subject[1] = u->subjects[j];
						it->nparts = 2;
						continue;
					}
				}
				it = dt_new(g->klass, strcmp(g->kind, "class") &&
				    strcmp(g->kind, "subgroup"));
				it->group[0] = u->group;
				it->teacher[0] = u->teacher;
				it->subject[0] = u->subjects[j];
				it->nparts = 1;
			}
	}

	/* The elective and the individual lessons first, at the end of
	 * the day; then class lessons in turns, class by class. */
	for (i = 0; i < dt_nitems; i++)
		if (dt_items[i].kind == 1)
			dt_place(&dt_items[i]);
	for (k = 0; k < nclasses; k++)
		order_of[k] = per[k] = 0;
	for (round = 0, more = 1; more; round++) {
		more = 0;
		for (k = 0; k < nclasses; k++) {
			/* The class's next unplaced lesson, subjects
			 * interleaved by taking every item in turn. */
			for (i = order_of[k]; i < dt_nitems; i++)
				if (dt_items[i].klass == k &&
				    dt_items[i].kind == 0)
					break;
			order_of[k] = i + 1;
			if (i >= dt_nitems)
				continue;
			more = 1;
			dt_place(&dt_items[i]);
			per[k]++;
		}
	}

	b = (struct batch){ fp, "INSERT INTO timetable (id, school_id, year_id, "
	    "group_id, subject_id, teacher_id, weekday, number, room, "
	    "valid_from, valid_to)", 0 };
	for (i = 0; i < dt_nitems; i++) {
		it = &dt_items[i];
		if (it->day == 0)
			continue;
		for (j = 0; j < it->nparts; j++) {
			it->tt[j] = ++id;
			batch_row(&b);
			fprintf(fp, "%u, %d, %d, %u, ", id, SCHOOL_ID, YEAR_ID,
			    dg_groups[it->group[j]].id);
			if (it->subject[j] < 0)
				fputs("@robotics", fp);
			else
				fprintf(fp, "%d", it->subject[j]);
			fprintf(fp, ", %u, %d, %d, ", persons[it->teacher[j]].id,
			    it->day, it->num);
			sql_str(fp, dt_room[it->teacher[j]]);
			fprintf(fp, ", '%s', '%s')", DISO(2026, 9, 1),
			    DISO(2027, 5, 31));
		}
	}
	batch_end(&b);

	/* The ill teacher: the first mathematics teacher with three or more
	 * lessons on Tuesday. */
	for (i = 0; i < npersons && ill == -1; i++) {
		if (persons[i].kind != K_STAFF || persons[i].position == NULL ||
		    strcmp(persons[i].position, "учитель математики") != 0)
			continue;
		for (k = 0, j = 1; j <= DT_NUMS; j++)
			k += dt_tbusy[i][2][j];
		if (k >= 3)
			ill = i;
	}
	b = (struct batch){ fp, "INSERT INTO timetable_change (school_id, "
	    "year_id, timetable_id, on_date, group_id, subject_id, teacher_id, "
	    "absent_teacher_id, is_cancelled, room, reason)", 0 };
	for (i = 0; ill >= 0 && i < dt_nitems; i++) {
		it = &dt_items[i];
		if (it->day != 2 || it->nparts != 1 || it->teacher[0] != ill)
			continue;
		/* A free colleague of the same post, else any free teacher
		 * of grades 5-11, else cancelled. */
		for (best = -1, round = 0; round < 2 && best == -1; round++)
			for (j = 0; j < npersons && best == -1; j++) {
				if (j == ill || persons[j].kind != K_STAFF ||
				    dg_load[j] == 0 ||
				    dt_tbusy[j][2][it->num] ||
				    (round == 0 && strcmp(persons[j].position,
				    persons[ill].position) != 0))
					continue;
				best = j;
			}
		sub = best;
		if (sub >= 0)
			dt_tbusy[sub][2][it->num] = 1;
		batch_row(&b);
		fprintf(fp, "%d, %d, %u, '%s', %u, %d, ", SCHOOL_ID,
		    YEAR_ID, it->tt[0], demo_iso(dt_week + 1),
		    dg_groups[it->group[0]].id,
		    it->subject[0]);
		if (sub >= 0)
			fprintf(fp, "%u, %u, 0, NULL, ", persons[sub].id,
			    persons[ill].id);
		else
			fprintf(fp, "NULL, %u, 1, NULL, ", persons[ill].id);
		sql_str(fp, "болезнь учителя");
		fputc(')', fp);
	}
	/* An excursion of a 7th grade: its Wednesday lesson cancelled. */
	if ((c = dt_find(3, dt_of_grade, 7)) != NULL) {
		batch_row(&b);
		fprintf(fp, "%d, %d, %u, '%s', %u, %d, NULL, NULL, 1, "
		    "NULL, ", SCHOOL_ID, YEAR_ID, c->tt[0],
		    demo_iso(dt_week + 2),
		    dg_groups[c->group[0]].id, c->subject[0]);
		sql_str(fp, "экскурсия класса");
		fputc(')', fp);
	}
	/* A 9th grade lesson in the assembly hall on Thursday. */
	if ((c = dt_find(4, dt_of_grade, 9)) != NULL) {
		batch_row(&b);
		fprintf(fp, "%d, %d, %u, '%s', %u, %d, NULL, NULL, 0, ",
		    SCHOOL_ID, YEAR_ID, c->tt[0], demo_iso(dt_week + 3),
		    dg_groups[c->group[0]].id,
		    c->subject[0]);
		sql_str(fp, "Актовый зал");
		fputs(", ", fp);
		sql_str(fp, "ремонт кабинета");
		fputc(')', fp);
	}
	batch_end(&b);
}
