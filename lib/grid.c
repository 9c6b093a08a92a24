/*
 * grid.c: the journal grid, its cells (marks and absences), the rules on
 * every write and the remarks shown to the teacher (see grid.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "db.h"
#include "groups.h"
#include "screen.h"
#include "lesson.h"
#include "grid.h"
#include "objects.h"
#include "rules.h"
#include "scales.h"
#include "settings.h"
#include "sqlnames.h"
#include "timetable.h"

#define ABSENT	"н"

/* The grade of a group: its class's, for a stream its youngest member's. */
#define GROUP_GRADE_SQL(g) \
	"COALESCE((SELECT c.grade FROM class c WHERE c.id = " g ".class_id)," \
	" (SELECT MIN(c.grade) FROM group_student gs JOIN class_student cs" \
	"   ON cs.student_id = gs.student_id AND cs.left_on IS NULL" \
	"   JOIN class c ON c.id = cs.class_id WHERE gs.group_id = " g ".id))"

/*
 * The page is a fixed number of statements on few tables each, whatever
 * the number of students and lessons: the head, the periods (with the
 * holidays, the last bell and the scale's codes below pass), the
 * settings, the students, the lessons, their absences and individual
 * homework, the marks and the averages; one more only when a remark names
 * a student who has left the group.  No statement sorts or joins for the
 * remarks: C derives them (load_notes), which is why the lessons and
 * marks are read a little beyond the period: the lessons from the
 * long_absence_lessons-th before it, both up to retest_days after it.
 */
DB_STMT(q_head,
    "SELECT g.id AS group_id, g.name AS `group`, g.year_id, s.id AS"
    " subject_id, s.name AS subject, " GROUP_GRADE_SQL("g") " AS grade,"
    " (SELECT a.hours FROM assignment a WHERE a.group_id = g.id"
    "   AND a.subject_id = s.id ORDER BY a.id LIMIT 1) AS hours,"
    " CURDATE() AS today FROM `groups` g JOIN subject s"
    " ON s.school_id = g.school_id WHERE g.id = ? AND s.id = ?"
    " AND g.school_id = ?");
DB_STMT(q_periods,
    "SELECT p.id, p.name, p.starts_on, p.ends_on,"
    " (SELECT GROUP_CONCAT(h.ends_on) FROM holiday h WHERE h.year_id = ?"
    "   AND ? BETWEEN h.grade_from AND h.grade_to),"
    " (SELECT TIME_TO_SEC(MAX(b.ends_at)) FROM bell b WHERE b.year_id = ?),"
    " (SELECT GROUP_CONCAT(sv.code SEPARATOR ' ') FROM subject_scale ss"
    "   JOIN scale_value sv ON sv.scale_id = ss.scale_id AND sv.is_pass = 0"
    "   WHERE ss.subject_id = ? AND ss.grade = ?)"
    " FROM period p WHERE p.year_id = ? AND ? BETWEEN p.grade_from"
    " AND p.grade_to ORDER BY p.starts_on");
/*
 * In the order of their names (by parts, then id: the order of the whole
 * name, as names have no character that sorts before the space).
 */
DB_STMT(q_students,
    "SELECT p.id, " FULL_NAME("p")
    " FROM " GROUP_STUDENTS_SQL " gm JOIN person p ON p.id = gm.student_id"
    " ORDER BY p.last_name, p.first_name, p.middle_name, p.id");
/*
 * Names and their weights in the collation (hex: they sort as the names
 * do), for remarks on students who left the group: rarely needed.
 */
DB_STMT(q_people,
    "SELECT p.id, " FULL_NAME("p") ", HEX(WEIGHT_STRING(" FULL_NAME("p")
    ")) FROM person p WHERE p.id IN " DB_IDS);
/*
 * Each lesson with its columns (in C's order: sorting on the lesson's
 * columns only spares a temporary table), the day it was entered, when
 * its homework was set and the end of its bell: whether either was late
 * (R23) is rule_lesson_late and rule_homework_late.
 */
DB_STMT(q_lessons,
    "SELECT l.id, l.on_date, DATE_FORMAT(l.on_date, '%d.%m'), l.number,"
    " l.topic, l.covered, l.homework, lw.id, wk.short_name, wk.name,"
    " IF(l.substitute_for IS NULL, NULL, (SELECT " FULL_NAME("tp")
    "   FROM person tp WHERE tp.id = l.teacher_id)),"
    " DATE(l.created_at), l.homework_at, lw.sort, TIME_TO_SEC(b.ends_at)"
    " FROM lesson l LEFT JOIN lesson_work lw ON lw.lesson_id = l.id"
    " LEFT JOIN work_kind wk ON wk.id = lw.work_kind_id"
    " LEFT JOIN bell b ON b.year_id = l.year_id AND b.shift = 1"
    "   AND b.number = l.number"
    " WHERE l.group_id = ? AND l.subject_id = ? AND l.on_date <= ?"
    " AND l.on_date >= COALESCE((SELECT l6.on_date FROM lesson l6"
    "   WHERE l6.group_id = ? AND l6.subject_id = ? AND l6.on_date < ?"
    "   ORDER BY l6.on_date DESC, l6.id DESC LIMIT 1 OFFSET ?),"
    "   '1000-01-01')"
    " ORDER BY l.on_date, l.number, l.id");
/*
 * The absences (no text; the teacher's comment) and individual homework
 * (its text) of the lessons read: one cheap statement rather than a
 * subquery per lesson.
 */
DB_STMT(q_lesson_students,
    "SELECT a.lesson_id, a.student_id, NULL, a.comment FROM lesson l"
    " JOIN absence a ON a.lesson_id = l.id WHERE l.group_id = ?"
    " AND l.subject_id = ? AND l.on_date BETWEEN ? AND ?"
    " UNION ALL SELECT hs.lesson_id, hs.student_id,"
    " CONCAT(" FULL_NAME("hp") ", ': ', hs.text), NULL FROM lesson l"
    " JOIN homework_student hs ON hs.lesson_id = l.id"
    " JOIN person hp ON hp.id = hs.student_id WHERE l.group_id = ?"
    " AND l.subject_id = ? AND l.on_date BETWEEN ? AND ?");
/*
 * The marks, as they are stored: nothing joined or sorted for the
 * remarks, which C derives (below pass: the scale's codes read with the
 * periods; the names: the students', in their order; late: the day set,
 * rule_mark_late).
 */
DB_STMT(q_marks,
    "SELECT m.lesson_work_id, m.student_id, m.code, m.id, l.id,"
    " DATE(m.set_at), m.comment"
    " FROM lesson l JOIN lesson_work lw ON lw.lesson_id = l.id"
    " JOIN mark m ON m.lesson_work_id = lw.id"
    " WHERE l.group_id = ? AND l.subject_id = ?"
    " AND l.on_date BETWEEN ? AND ?");
/*
 * The journal's lessons drive (STRAIGHT_JOIN): left to itself MariaDB
 * sometimes started from the few forms of work and read every column of
 * a form by its key (19,944 or even 300,000 rows for one page instead of
 * a few hundred), depending on the statistics of the moment.
 */
DB_STMT(q_averages,
    "SELECT STRAIGHT_JOIN m.student_id,"
    " REPLACE(ROUND(" MARK_AVG("m") ", 2), '.', ','),"
    " REPLACE(ROUND(" MARK_WAVG("m", "w") ", 2), '.', ','), COUNT(*)"
    " FROM lesson l JOIN lesson_work lw ON lw.lesson_id = l.id"
    " JOIN mark m ON m.lesson_work_id = lw.id"
    " JOIN work_kind w ON w.id = lw.work_kind_id WHERE l.group_id = ?"
    " AND l.subject_id = ? AND l.on_date BETWEEN ? AND ?"
    " GROUP BY m.student_id");

/* A lesson read: inside the period, or around it for the remarks. */
struct jlesson {
	long long	 id;
	long		 day;
	int		 in;		/* inside the period */
	int		 row;		/* Lessons.row, or -1 */
	int		 number;	/* in the day, 0: not given */
	const char	*on_date;	/* YYYY-MM-DD */
	const char	*late;		/* entered late: when, or NULL */
	const char	*late_hw;	/* homework set late: when, or NULL */
};

/* A mark of the period the remarks may name: late, or below pass. */
struct jmark {
	long		 day;
	int		 lesson;	/* into jpage.ls */
	int		 col;		/* its column */
	long long	 student;
	int		 rank;		/* in the group's order, or INT_MAX */
	int		 bad;
	const char	*code, *late, *name;
	const char	*weight;	/* when one has left: all by weights */
};

/* Sorted (a, b) pairs: (student, day) of marks, (lesson, student) of
 * absences. */
struct pair {
	long long	 a, b;
};

/* The teacher's comment on an absence: (lesson index, student). */
struct abs_note {
	long long	 a, b;
	const char	*text;
};

static int
abs_note_cmp(const void *x, const void *y)
{
	const struct abs_note	*p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

/* A lesson of the timetable not entered (R19, R30): a greyed column. */
struct jplan {
	long		 day;
	int		 number;
	const char	*on_date;	/* YYYY-MM-DD */
};

/* What the remarks are derived from. */
struct jpage {
	struct jlesson	*ls;		/* in date order */
	int		 nls;
	struct rule_lesson *rl;		/* their days; absent: one student's */
	struct jmark	*ms;		/* by date, name, lesson and column */
	int		 nms;
	struct pair	*seen;		/* (student, day) of every mark read */
	size_t		 nseen;
	struct pair	*abs;		/* (lesson index, student) */
	size_t		 nabs;
	long		*hol;		/* last days of the holidays */
	int		 nhol;
	struct school_rules set;	/* long_absence_lessons >= 1 and
					 * min_marks_per_period for the
					 * subject's hours */
	long		 today;
	const char	**names;	/* the group's students, in order */
	long long	*count;		/* their marks in the period */
	int		 ns;
	struct jplan	*plan;		/* by day and number */
	int		 nplan;
};

static int
pair_cmp(const void *x, const void *y)
{
	const struct pair	*p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

/* The remarks' order: by date and name, then the lesson and column. */
static int
jmark_cmp(const void *x, const void *y)
{
	const struct jmark	*p = x, *q = y;
	int			 c;

	if (p->day != q->day)
		return p->day < q->day ? -1 : 1;
	if (p->weight != NULL && q->weight != NULL)
		c = strcmp(p->weight, q->weight);
	else
		c = p->rank < q->rank ? -1 : p->rank > q->rank;
	if (c != 0)
		return c;
	if (p->lesson != q->lesson)
		return p->lesson < q->lesson ? -1 : 1;
	return p->col < q->col ? -1 : p->col > q->col;
}

/* The index of the first pair not below (a, b), or n. */
static size_t
pair_lower(const struct pair *v, size_t n, long long a, long long b)
{
	size_t	 lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].a < a || (v[mid].a == a && v[mid].b < b))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
pair_has(const struct pair *v, size_t n, long long a, long long b)
{
	size_t	 i = pair_lower(v, n, a, b);

	return i < n && v[i].a == a && v[i].b == b;
}

/* Make room for element n of an arena array grown at powers of two. */
static void *
more(struct req *r, void *v, size_t n, size_t size)
{
	return arena_grow(&r->arena, v, n, size);
}

static const char *
dup(struct req *r, const char *s)
{
	return s != NULL ? arena_strdup(&r->arena, s) : NULL;
}

/* "YYYY-MM-DD" as "DD.MM.YYYY". */
static const char *
dmy(struct req *r, const char *ymd)
{
	return arena_printf(&r->arena, "%.2s.%.2s.%.4s", ymd + 8, ymd + 5,
	    ymd);
}

/* HDF without error chains: the only failure is out of memory. */
static HDF *
node(HDF *h, const char *name)
{
	HDF	*ret = NULL;
	NEOERR	*err = hdf_get_node(h, name, &ret);

	if (err != STATUS_OK) {
		nerr_ignore(&err);
		abort();
	}
	return ret;
}

static HDF *
node_n(HDF *h, const char *fmt, int n)
{
	char	 k[32];

	snprintf(k, sizeof(k), fmt, n);
	return node(h, k);
}

static void
put(HDF *h, const char *name, const char *value)
{
	NEOERR	*err = hdf_set_value(h, name, value != NULL ? value : "");

	nerr_ignore(&err);
}

static void
note_add(HDF *list, int *n, const char *kind, const char *date,
    const char *student, const char *code, const char *extra)
{
	HDF	*h = node_n(list, "%d", (*n)++);

	put(h, "kind", kind);
	put(h, "date", date);
	put(h, "student", student);
	put(h, "code", code);
	put(h, "extra", extra);
}

/*
 * R25: a mark below pass right after a long absence (rule_after_absence):
 * the lessons were read from the long_absence_lessons-th before the
 * period, so every one it looks at is here; pg->rl gets the student's
 * absences.
 */
static int
after_absence(const struct jpage *pg, const struct jmark *m)
{
	int	 i;

	for (i = 0; i < pg->nls; i++)
		pg->rl[i].absent = pair_has(pg->abs, pg->nabs, i, m->student);
	return rule_after_absence(pg->rl, (size_t)m->lesson,
	    pg->set.long_absence_lessons);
}

/* R25: ... right after holidays (rule_after_holiday). */
static int
after_holiday(const struct jpage *pg, const struct jmark *m)
{
	return rule_after_holiday(pg->rl, (size_t)m->lesson, pg->hol,
	    (size_t)pg->nhol);
}

/* R25: ... not re-tested (rule_no_retest): the student's next mark. */
static int
no_retest(const struct jpage *pg, const struct jmark *m)
{
	long	 day = pg->ls[m->lesson].day;
	size_t	 i;

	i = pair_lower(pg->seen, pg->nseen, m->student, day + 1);
	return rule_no_retest(day, i < pg->nseen && pg->seen[i].a ==
	    m->student ? (long)pg->seen[i].b : LONG_MAX, pg->today,
	    pg->set.retest_days);
}

/* R30: a past lesson of the timetable never entered: «не заполнено». */
static void
not_entered(struct req *r, HDF *h, int *n, const struct jpage *pg, int p)
{
	if (pg->plan[p].day < pg->today)
		note_add(h, n, "not_entered", dmy(r, pg->plan[p].on_date), "",
		    "", pg->plan[p].number > 0 ? arena_printf(&r->arena, "%d",
		    pg->plan[p].number) : "");
}

/*
 * The remarks (R23, R25, R27, R30) in the order the page gives them: the
 * marks' (MarkNotes) by date, kind and student; the lessons' (Notes) by
 * date and kind (the timetable's lessons not entered last), then the
 * students with too few marks (R27: at least
 * min_marks_per_period, one more for each weekly hour above one).
 */
static void
load_notes(struct req *r, const struct jpage *pg)
{
	static const char *const kinds[] = { "after_absence",
	    "after_holiday", "late_mark", "no_retest" };
	const struct jmark	*m;
	const struct jlesson	*ls = pg->ls;
	HDF			*h;
	int			 i, j, k, t, n = 0, hit, p;

	h = node(r->hdf, "MarkNotes");
	for (i = 0; i < pg->nms; i = j) {
		for (j = i; j < pg->nms && ls[pg->ms[j].lesson].day ==
		    ls[pg->ms[i].lesson].day; j++)
			;
		for (t = 0; t < 4; t++)
			for (k = i; k < j; k++) {
				m = &pg->ms[k];
				switch (t) {
				case 0:
					hit = m->bad && after_absence(pg, m);
					break;
				case 1:
					hit = m->bad && after_holiday(pg, m);
					break;
				case 2:
					hit = m->late != NULL;
					break;
				default:
					hit = m->bad && no_retest(pg, m);
					break;
				}
				if (hit)
					note_add(h, &n, kinds[t], dmy(r,
					    ls[m->lesson].on_date), m->name,
					    m->code, t == 2 ? m->late : "");
			}
	}

	h = node(r->hdf, "Notes");
	n = 0;
	p = 0;
	for (i = 0; i < pg->nls; i = j) {
		for (j = i; j < pg->nls && ls[j].day == ls[i].day; j++)
			;
		for (; p < pg->nplan && pg->plan[p].day < ls[i].day; p++)
			not_entered(r, h, &n, pg, p);
		for (k = i; k < j; k++)
			if (ls[k].in && ls[k].late_hw != NULL)
				note_add(h, &n, "late_homework",
				    dmy(r, ls[k].on_date), "", "",
				    ls[k].late_hw);
		for (k = i; k < j; k++)
			if (ls[k].in && ls[k].late != NULL)
				note_add(h, &n, "late_lesson",
				    dmy(r, ls[k].on_date), "", "", ls[k].late);
	}
	for (; p < pg->nplan; p++)
		not_entered(r, h, &n, pg, p);
	for (i = 0; i < pg->ns; i++)
		if (pg->count[i] < pg->set.min_marks_per_period)
			note_add(h, &n, "few_marks", "", pg->names[i],
			    arena_printf(&r->arena, "%lld", pg->count[i]),
			    arena_printf(&r->arena, "%lld",
			    pg->set.min_marks_per_period));
}

/* A period of the group's grade. */
struct jperiod {
	long long	 id;
	const char	*from, *to;
};

/* A column: a form of work of a lesson of the period, or a lesson of
 * the timetable not entered yet (plan >= 0, no work). */
struct jcol {
	long long	 work;
	int		 plan;		/* into jpage.plan, or -1 */
	int		 li;		/* into jpage.ls */
	int		 row;		/* into Lessons */
	int		 sort;		/* its place in the lesson */
	const char	*lesson, *shortname, *name, *date;
};

/* The columns in the lessons' order, each lesson's by its sort. */
static int
jcol_cmp(const void *x, const void *y)
{
	const struct jcol	*p = x, *q = y;

	if (p->li != q->li)
		return p->li < q->li ? -1 : 1;
	if (p->sort != q->sort)
		return p->sort < q->sort ? -1 : 1;
	return p->work < q->work ? -1 : p->work > q->work;
}

/*
 * Today.N (JOURNAL_TODAY_FORM): today's lessons of the timetable, with the
 * topic and homework of the lesson entered for it, else the plan's next
 * topic for the first not entered.  0, -1.
 */
static int
today_form(struct req *r, const struct jpage *pg, const struct tt_due *due,
    int ndue, const char *taken, const int *match, long long group_id,
    long long subject_id)
{
	const struct jlesson	*l;
	const char		*text, *hw;
	long long		 topic;
	HDF			*h, *row;
	int			 i, n = 0, proposed = 0, focus = 0;

	h = node(r->hdf, "Today");
	for (i = 0; i < ndue; i++) {
		if (due[i].day != pg->today)
			continue;
		row = node_n(h, "%d", n++);
		put(row, "day", due[i].date);
		put(row, "num", due[i].number > 0 ? arena_printf(&r->arena,
		    "%d", due[i].number) : "");
		hw = "";
		if (taken[i]) {
			l = &pg->ls[match[i]];
			put(row, "lesson", arena_printf(&r->arena, "%lld",
			    l->id));
			if (l->row >= 0) {
				put(row, "topic", req_get(r, arena_printf(
				    &r->arena, "Lessons.%d.topic", l->row), ""));
				hw = req_get(r, arena_printf(&r->arena,
				    "Lessons.%d.homework", l->row), "");
				put(row, "homework", hw);
			}
		} else if (!proposed) {
			proposed = 1;
			if (lesson_plan_topic(r, group_id, subject_id, &topic,
			    &text) == -1)
				return -1;
			put(row, "topic", text);
		}
		if (*hw == '\0' && !focus) {
			focus = 1;
			put(row, "focus", "1");
		}
	}
	return 0;
}

/*
 * The timetable's lessons of the period (from..to) not entered, into
 * pg->plan.  A lesson entered takes the timetable's of its number that
 * day, else (no number, or another) the first one left that day: the
 * remaining ones are due.  0, -1.
 */
static int
plan_load(struct req *r, struct jpage *pg, long long group_id,
    long long subject_id, const char *from, const char *to, unsigned flags)
{
	struct tt_due	*due;
	char		*taken;
	int		*match;
	int		 ndue, i, l, pass, hit;

	if ((ndue = db_tt_due_journal(r, group_id, subject_id, from, to,
	    &due)) <= 0)
		return ndue;
	taken = arena_alloc(&r->arena, (size_t)ndue + (size_t)pg->nls + 2);
	match = arena_alloc(&r->arena, (size_t)ndue * sizeof(*match));
	/* taken[ndue + l]: lesson l matched already. */
	for (pass = 0; pass < 2; pass++)
		for (l = 0; l < pg->nls; l++) {
			if (!pg->ls[l].in || taken[ndue + l])
				continue;
			for (i = 0, hit = -1; i < ndue && hit < 0; i++)
				if (!taken[i] && due[i].day == pg->ls[l].day &&
				    (pass == 1 ||
				    due[i].number == pg->ls[l].number))
					hit = i;
			if (hit >= 0) {
				taken[hit] = taken[ndue + l] = 1;
				match[hit] = l;
			}
		}
	pg->plan = arena_alloc(&r->arena, (size_t)ndue * sizeof(*pg->plan));
	for (i = 0; i < ndue; i++)
		if (!taken[i])
			pg->plan[pg->nplan++] = (struct jplan){ due[i].day,
			    due[i].number, due[i].date };
	if (flags & JOURNAL_TODAY_FORM)
		return today_form(r, pg, due, ndue, taken, match, group_id,
		    subject_id);
	return 0;
}

/*
 * The columns with the timetable's lessons not entered put in place: by
 * day, then number (a lesson without a number first).  The new array.
 */
static struct jcol *
plan_cols(struct req *r, const struct jpage *pg, struct jcol *cols,
    int *nc)
{
	struct jcol		*all;
	const struct jlesson	*l;
	int			 c = 0, p = 0, n = 0;

	if (pg->nplan == 0)
		return cols;
	all = arena_alloc(&r->arena, (size_t)(*nc + pg->nplan) *
	    sizeof(*all));
	while (c < *nc || p < pg->nplan) {
		l = c < *nc ? &pg->ls[cols[c].li] : NULL;
		if (l == NULL || (p < pg->nplan && (pg->plan[p].day < l->day ||
		    (pg->plan[p].day == l->day &&
		    pg->plan[p].number < l->number)))) {
			all[n].plan = p++;
			all[n++].li = -1;
		} else
			all[n++] = cols[c++];
	}
	*nc = n;
	return all;
}

/*
 * A greyed column: Cols.M.{planned,day,num,date,state} (state: past,
 * today, future), one column under its date.
 */
static void
plan_col(struct req *r, const struct jpage *pg, HDF *row, int p)
{
	const struct jplan	*j = &pg->plan[p];

	put(row, "planned", "1");
	put(row, "day", j->on_date);
	put(row, "num", j->number > 0 ? arena_printf(&r->arena, "%d",
	    j->number) : "");
	put(row, "date", arena_printf(&r->arena, "%.2s.%.2s", j->on_date + 8,
	    j->on_date + 5));
	put(row, "state", j->day < pg->today ? "past" : j->day == pg->today ?
	    "today" : "future");
	put(row, "first", "1");
	put(row, "span", "1");
}

int
journal_load(struct req *r, long long group_id, long long subject_id,
    long long period_id, unsigned flags, long long entry)
{
	const struct school_rules *sr;
	struct jpage	 pg;
	struct idindex	 sidx = { 0 }, widx = { 0 }, lidx = { 0 };
	struct jperiod	*per = NULL;
	struct rule_span *span_p = NULL;
	struct jcol	*cols = NULL;
	struct jlesson	*nl;
	const char	***cell, ***mid = NULL, ***cmt, *from, *to, *v;
	struct abs_note	*an = NULL, key, *hit;
	size_t		 nan = 0;
	const char	*holidays = NULL, *badcodes = NULL;
	const char	**badcode = NULL;
	struct jmark	*m;
	long long	*away = NULL;
	size_t		 naway = 0, nbad = 0, i;
	int		 bad, left = 0;
	long long	*sids = NULL, id, year_id;
	const char	**hw, *sp, *late, *sday;
	long		 fromd, tod, lastbell = -1, day;
	long long	 stamp;
	int		 rc, np = 0, ns = 0, nc = 0, nrows = 0, s, c, l;
	int		 grade, pick = -1, status = 500, entry_li = -1;
	int		*span = NULL;
	double		 hours;
	char		 k[32], toext[11];
	HDF		*h, *row;

	memset(&pg, 0, sizeof(pg));
	if (db_query(&q_head, "lll", group_id, subject_id,
	    r->sess.school_id) == -1 || (rc = db_next(&q_head)) == -1)
		return 500;
	if (rc == 0)
		return 404;
	db_row_to_hdf(r->hdf, "Journal", &q_head);
	year_id = db_int(&q_head, 2);
	grade = (int)db_int(&q_head, 5);
	hours = db_str(&q_head, 6) != NULL ? strtod(db_str(&q_head, 6),
	    NULL) : 1;
	rc = date_parse(db_str(&q_head, 7), &pg.today);
	db_done(&q_head);
	if (rc == -1)
		return 500;
	if ((sr = school_rules(r->sess.school_id)) == NULL)
		return 500;
	pg.set = *sr;
	/* R24: a grade without marks has no averages and no mark hints. */
	if (rule_no_marks(sr->no_marks_grades, grade))
		req_set(r, "Page.NoMarks", "1");

	/* The period: asked for, else today's, else the last begun. */
	if (db_query(&q_periods, "ldlldld", year_id, grade, year_id,
	    subject_id, grade, year_id, grade) == -1)
		return 500;
	h = node(r->hdf, "Periods");
	while ((rc = db_next(&q_periods)) == 1) {
		per = more(r, per, (size_t)np, sizeof(*per));
		per[np].id = db_int(&q_periods, 0);
		per[np].from = dup(r, db_str(&q_periods, 2));
		per[np].to = dup(r, db_str(&q_periods, 3));
		span_p = more(r, span_p, (size_t)np, sizeof(*span_p));
		if (date_parse(per[np].from, &span_p[np].from) == -1 ||
		    date_parse(per[np].to, &span_p[np].to) == -1) {
			db_done(&q_periods);
			return 500;
		}
		holidays = dup(r, db_str(&q_periods, 4));
		if (db_str(&q_periods, 5) != NULL)
			lastbell = (long)db_int(&q_periods, 5);
		badcodes = dup(r, db_str(&q_periods, 6));
		row = node_n(h, "%d", np);
		put(row, "id", db_str(&q_periods, 0));
		put(row, "name", db_str(&q_periods, 1));
		if (period_id != 0 && per[np].id == period_id)
			pick = np;
		np++;
	}
	if (rc == -1)
		return 500;
	if (period_id == 0)
		pick = rule_period_pick(span_p, (size_t)np, pg.today);
	if (pick == -1)
		return 404;
	from = per[pick].from;
	to = per[pick].to;
	fromd = span_p[pick].from;
	tod = span_p[pick].to;
	req_setf(r, "Journal.period_id", "%lld", per[pick].id);
	req_set(r, "Journal.period", req_get(r, arena_printf(&r->arena,
	    "Periods.%d.name", pick), ""));
	/* The last days of the holidays: "YYYY-MM-DD,YYYY-MM-DD". */
	for (v = holidays; v != NULL && strlen(v) >= 10; v += 11) {
		pg.hol = more(r, pg.hol, (size_t)pg.nhol, sizeof(*pg.hol));
		if (date_parse(v, &pg.hol[pg.nhol]) == -1)
			return 500;
		pg.nhol++;
		if (v[10] != ',')
			break;
	}

	/* The scale's codes below pass: "2 1" (codes have no spaces). */
	for (v = badcodes; v != NULL && *v != '\0'; v = *sp ? sp + 1 : sp) {
		sp = strchr(v, ' ') ? strchr(v, ' ') : v + strlen(v);
		badcode = more(r, badcode, nbad, sizeof(*badcode));
		badcode[nbad++] = arena_strndup(&r->arena, v, (size_t)(sp - v));
	}

	if (pg.set.long_absence_lessons < 1)
		pg.set.long_absence_lessons = 1;
	pg.set.min_marks_per_period = rule_min_marks(
	    pg.set.min_marks_per_period, hours);
	/* Lessons and marks after the period may answer a «2» in it. */
	date_format(tod + (long)pg.set.retest_days, toext);

	if (db_query(&q_students, "ll", group_id, group_id) == -1)
		goto out;
	h = node(r->hdf, "Students");
	while ((rc = db_next(&q_students)) == 1) {
		pg.names = more(r, pg.names, (size_t)ns, sizeof(*pg.names));
		sids = more(r, sids, (size_t)ns, sizeof(*sids));
		sids[ns] = db_int(&q_students, 0);
		pg.names[ns] = dup(r, db_str(&q_students, 1));
		idindex_add(&sidx, sids[ns], ns);
		row = node_n(h, "%d", ns);
		put(row, "id", db_str(&q_students, 0));
		put(row, "name", pg.names[ns]);
		ns++;
	}
	if (rc == -1)
		goto out;
	pg.ns = ns;

	/* Lessons (Lessons.N shows those of the period) and columns. */
	if (db_query(&q_lessons, "lls" "llsl",
	    group_id, subject_id, toext, group_id, subject_id, from,
	    pg.set.long_absence_lessons - 1) == -1)
		goto out;
	while ((rc = db_next(&q_lessons)) == 1) {
		id = db_int(&q_lessons, 0);
		if (pg.nls == 0 || pg.ls[pg.nls - 1].id != id) {
			pg.ls = more(r, pg.ls, (size_t)pg.nls, sizeof(*pg.ls));
			nl = &pg.ls[pg.nls];
			nl->id = id;
			nl->on_date = dup(r, db_str(&q_lessons, 1));
			if (date_parse(nl->on_date, &nl->day) == -1)
				goto out;
			nl->in = nl->day >= fromd && nl->day <= tod;
			nl->row = -1;
			nl->number = db_str(&q_lessons, 3) != NULL ?
			    (int)db_int(&q_lessons, 3) : 0;
			/* R23: entered after its day, homework set late. */
			nl->late = NULL;
			if ((v = db_str(&q_lessons, 11)) != NULL &&
			    date_parse(v, &day) == 0 &&
			    rule_lesson_late(nl->day, day))
				nl->late = dmy(r, v);
			nl->late_hw = NULL;
			if ((v = db_str(&q_lessons, 12)) != NULL &&
			    stamp_parse(v, &stamp) == 0 &&
			    rule_homework_late(stamp, nl->day,
			    db_str(&q_lessons, 14) != NULL ?
			    (long)db_int(&q_lessons, 14) : -1, lastbell,
			    pg.set.homework_deadline_hours))
				nl->late_hw = arena_printf(&r->arena,
				    "%s %.5s", dmy(r, v), v + 11);
			idindex_add(&lidx, id, pg.nls);
			if (nl->in && db_str(&q_lessons, 7) != NULL) {
				static const char *const f[] = { "id",
				    "on_date", "date", "number", "topic",
				    "covered", "homework" };

				row = node_n(r->hdf, "Lessons.%d", nrows);
				for (size_t i = 0; i < 7; i++)
					if ((v = db_str(&q_lessons,
					    (unsigned)i)) != NULL)
						put(row, f[i], v);
				if ((v = db_str(&q_lessons, 10)) != NULL)
					put(row, "substitute", v);
				if (id == entry)
					entry_li = pg.nls;
				span = more(r, span, (size_t)nrows,
				    sizeof(*span));
				span[nrows] = 0;
				nl->row = nrows++;
			}
			pg.nls++;
		}
		if ((l = pg.ls[pg.nls - 1].row) < 0)
			continue;
		cols = more(r, cols, (size_t)nc, sizeof(*cols));
		cols[nc].work = db_int(&q_lessons, 7);
		cols[nc].plan = -1;
		cols[nc].li = pg.nls - 1;
		cols[nc].row = l;
		cols[nc].sort = (int)db_int(&q_lessons, 13);
		cols[nc].lesson = dup(r, db_str(&q_lessons, 0));
		cols[nc].shortname = dup(r, db_str(&q_lessons, 8));
		cols[nc].name = dup(r, db_str(&q_lessons, 9));
		cols[nc].date = dup(r, db_str(&q_lessons, 2));
		span[l]++;
		nc++;
	}
	if (rc == -1)
		goto out;
	if (nc > 0)
		qsort(cols, (size_t)nc, sizeof(*cols), jcol_cmp);
	if (plan_load(r, &pg, group_id, subject_id, from, to, flags) == -1)
		goto out;
	cols = plan_cols(r, &pg, cols, &nc);
	h = node(r->hdf, "Cols");
	for (c = 0; c < nc; c++) {
		row = node_n(h, "%d", c);
		if (cols[c].plan >= 0) {
			plan_col(r, &pg, row, cols[c].plan);
			continue;
		}
		idindex_add(&widx, cols[c].work, c);
		put(row, "work", arena_printf(&r->arena, "%lld", cols[c].work));
		put(row, "lesson", cols[c].lesson);
		put(row, "short", cols[c].shortname);
		put(row, "name", cols[c].name);
		put(row, "date", cols[c].date);
		/* The first column of a lesson: its number of columns. */
		if (c == 0 || cols[c].li != cols[c - 1].li) {
			put(row, "first", "1");
			snprintf(k, sizeof(k), "%d", span[cols[c].row]);
			put(row, "span", k);
		}
	}

	/* Absences from the first lesson read (R25 looks back); individual
	 * homework "name: text; name: text" of the lessons shown. */
	if (db_query(&q_lesson_students, "llss" "llss", group_id, subject_id,
	    pg.nls > 0 ? pg.ls[0].on_date : from, to, group_id, subject_id,
	    from, to) == -1)
		goto out;
	hw = arena_alloc(&r->arena, (size_t)(pg.nls + 1) * sizeof(*hw));
	while ((rc = db_next(&q_lesson_students)) == 1) {
		if ((l = idindex_find(&lidx, db_int(&q_lesson_students,
		    0))) < 0)
			continue;	/* entered meanwhile */
		if ((v = db_str(&q_lesson_students, 2)) != NULL) {
			hw[l] = hw[l] == NULL ? dup(r, v) : arena_printf(
			    &r->arena, "%s; %s", hw[l], v);
			continue;
		}
		pg.abs = more(r, pg.abs, pg.nabs, sizeof(*pg.abs));
		pg.abs[pg.nabs].a = l;
		pg.abs[pg.nabs++].b = db_int(&q_lesson_students, 1);
		if ((v = db_str(&q_lesson_students, 3)) != NULL && *v != '\0') {
			an = more(r, an, nan, sizeof(*an));
			an[nan].a = l;
			an[nan].b = db_int(&q_lesson_students, 1);
			an[nan++].text = dup(r, v);
		}
	}
	if (rc == -1)
		goto out;
	if (pg.nabs > 0)
		qsort(pg.abs, pg.nabs, sizeof(*pg.abs), pair_cmp);
	if (nan > 0)
		qsort(an, nan, sizeof(*an), abs_note_cmp);
	for (l = 0; l < pg.nls; l++)
		if (hw[l] != NULL && pg.ls[l].row >= 0)
			put(node_n(r->hdf, "Lessons.%d", pg.ls[l].row),
			    "hw_own", hw[l]);

	if (entry_li >= 0) {
		req_setf(r, "Journal.entry", "%lld", entry);
		req_set(r, "Journal.entry_date", req_get(r, arena_printf(
		    &r->arena, "Lessons.%d.date", pg.ls[entry_li].row), ""));
	}

	cell = arena_alloc(&r->arena, (size_t)(ns + 1) * sizeof(*cell));
	cmt = arena_alloc(&r->arena, (size_t)(ns + 1) * sizeof(*cmt));
	if (flags & JOURNAL_MARK_IDS)
		mid = arena_alloc(&r->arena, (size_t)(ns + 1) * sizeof(*mid));
	pg.count = arena_alloc(&r->arena, (size_t)(ns + 1) *
	    sizeof(*pg.count));
	for (s = 0; s < ns; s++) {
		cell[s] = arena_alloc(&r->arena, (size_t)(nc + 1) *
		    sizeof(**cell));
		cmt[s] = arena_alloc(&r->arena, (size_t)(nc + 1) *
		    sizeof(**cmt));
		if (mid != NULL)
			mid[s] = arena_alloc(&r->arena, (size_t)(nc + 1) *
			    sizeof(**mid));
	}

	/* Marks: the cells, and what the remarks need. */
	if (db_query(&q_marks, "llss", group_id, subject_id, from,
	    toext) == -1)
		goto out;
	while ((rc = db_next(&q_marks)) == 1) {
		if ((l = idindex_find(&lidx, db_int(&q_marks, 4))) < 0)
			continue;	/* a lesson entered meanwhile */
		pg.seen = more(r, pg.seen, pg.nseen, sizeof(*pg.seen));
		pg.seen[pg.nseen].a = db_int(&q_marks, 1);
		pg.seen[pg.nseen++].b = pg.ls[l].day;
		if (!pg.ls[l].in ||
		    (c = idindex_find(&widx, db_int(&q_marks, 0))) < 0)
			continue;
		v = dup(r, db_str(&q_marks, 2));
		if ((s = idindex_find(&sidx, db_int(&q_marks, 1))) >= 0) {
			cell[s][c] = v;
			if ((sp = db_str(&q_marks, 6)) != NULL && *sp != '\0')
				cmt[s][c] = dup(r, sp);
			if (mid != NULL)
				mid[s][c] = dup(r, db_str(&q_marks, 3));
		}	/* else a student who left the group */
		/* A mark the remarks may name: late, or below pass. */
		bad = 0;
		for (i = 0; i < nbad && !bad; i++)
			bad = strcmp(badcode[i], v) == 0;
		late = NULL;
		if ((sday = db_str(&q_marks, 5)) != NULL &&
		    date_parse(sday, &day) == 0 &&
		    rule_mark_late(pg.ls[l].day, day, pg.set.mark_due_days))
			late = dmy(r, sday);
		if (late == NULL && !bad)
			continue;
		pg.ms = more(r, pg.ms, (size_t)pg.nms, sizeof(*pg.ms));
		m = &pg.ms[pg.nms++];
		m->day = pg.ls[l].day;
		m->lesson = l;
		m->col = c;
		m->student = db_int(&q_marks, 1);
		m->bad = bad;
		m->code = v;
		m->late = late;
		m->rank = s >= 0 ? s : INT_MAX;
		m->name = s >= 0 ? pg.names[s] : NULL;
		m->weight = NULL;
		left |= s < 0;
	}
	if (rc == -1)
		goto out;
	if (pg.nseen > 0)
		qsort(pg.seen, pg.nseen, sizeof(*pg.seen), pair_cmp);
	/*
	 * A remark on a student who left the group: their name, and every
	 * named student's weights, so that all sort by name as before.
	 */
	for (m = pg.ms; left && m < pg.ms + pg.nms; m++) {
		for (i = 0; i < naway && away[i] != m->student; i++)
			;
		if (i == naway) {
			away = more(r, away, naway, sizeof(*away));
			away[naway++] = m->student;
		}
	}
	for (i = 0; i < naway; i += DB_ID_SLOTS) {
		if (db_query(&q_people, "I", away + i, naway - i < DB_ID_SLOTS ?
		    naway - i : (size_t)DB_ID_SLOTS) == -1)
			goto out;
		while ((rc = db_next(&q_people)) == 1)
			for (m = pg.ms; m < pg.ms + pg.nms; m++)
				if (m->student == db_int(&q_people, 0)) {
					m->name = dup(r, db_str(&q_people, 1));
					m->weight = dup(r, db_str(&q_people, 2));
				}
		if (rc == -1)
			goto out;
	}
	for (m = pg.ms; m < pg.ms + pg.nms; m++)
		if (m->name == NULL || (left && m->weight == NULL))
			m->name = m->weight = "";	/* no such person */
	if (pg.nms > 0)
		qsort(pg.ms, (size_t)pg.nms, sizeof(*pg.ms), jmark_cmp);

	if (db_query(&q_averages, "llss", group_id, subject_id, from,
	    to) == -1)
		goto out;
	h = node(r->hdf, "Students");
	while ((rc = db_next(&q_averages)) == 1) {
		if ((s = idindex_find(&sidx, db_int(&q_averages, 0))) < 0)
			continue;
		row = node_n(h, "%d", s);
		if ((v = db_str(&q_averages, 1)) != NULL)
			put(row, "avg", v);
		if ((v = db_str(&q_averages, 2)) != NULL)
			put(row, "wavg", v);
		pg.count[s] = db_int(&q_averages, 3);
	}
	if (rc == -1)
		goto out;

	/* Students.N.C.M: the cell's value; .cm its comment, .m its mark,
	 * .w for entry. */
	for (s = 0; s < ns; s++) {
		row = node_n(h, "%d.C", s);
		for (c = 0; c < nc; c++) {
			v = cell[s][c];
			sp = cmt[s][c];
			if (cols[c].plan >= 0)
				;	/* not entered: empty */
			else if (v == NULL && pair_has(pg.abs, pg.nabs, cols[c].li,
			    sids[s])) {
				v = ABSENT;
				key.a = cols[c].li;
				key.b = sids[s];
				hit = nan == 0 ? NULL : bsearch(&key, an, nan,
				    sizeof(*an), abs_note_cmp);
				sp = hit != NULL ? hit->text : NULL;
			}
			snprintf(k, sizeof(k), "%d", c);
			put(row, k, v);
			if (sp != NULL) {
				snprintf(k, sizeof(k), "%d.cm", c);
				put(row, k, sp);
			}
			if (mid != NULL && mid[s][c] != NULL) {
				snprintf(k, sizeof(k), "%d.m", c);
				put(row, k, mid[s][c]);
			}
			if (cols[c].li == entry_li && cols[c].plan < 0) {
				snprintf(k, sizeof(k), "%d.w", c);
				put(row, k, arena_printf(&r->arena, "%lld",
				    cols[c].work));
			}
		}
	}
	pg.rl = arena_alloc(&r->arena, (size_t)(pg.nls + 1) *
	    sizeof(*pg.rl));
	for (l = 0; l < pg.nls; l++)
		pg.rl[l].day = pg.ls[l].day;
	load_notes(r, &pg);
	status = 200;
out:
	idindex_free(&sidx);
	idindex_free(&widx);
	idindex_free(&lidx);
	return status;
}

/*
 * Everything a cell write needs to decide, in one row.  The mark's stamps
 * come with the database's NOW(): they were written by it, in its time
 * zone, and the edit window (rule_mark_editable) compares them so.
 */
DB_STMT(q_cell_state,
    "SELECT l.id, l.group_id, l.subject_id, l.on_date,"
    " (SELECT c.grade FROM class_student cs JOIN class c"
    "   ON c.id = cs.class_id WHERE cs.student_id = ? AND c.year_id = l.year_id"
    "   ORDER BY cs.left_on IS NULL DESC LIMIT 1) AS grade,"
    " EXISTS (SELECT 1 FROM " GROUP_STUDENTS_SQL " gm"
    "   WHERE gm.student_id = ?) AS member,"
    " m.id, m.code, m.set_at, m.unlocked_until, NOW(),"
    " EXISTS (SELECT 1 FROM absence a WHERE a.lesson_id = l.id"
    "   AND a.student_id = ?) AS absent, m.comment,"
    " (SELECT a.comment FROM absence a WHERE a.lesson_id = l.id"
    "   AND a.student_id = ?) AS absence_comment"
    " FROM lesson_work lw JOIN lesson l ON l.id = lw.lesson_id"
    " LEFT JOIN mark m ON m.lesson_work_id = lw.id AND m.student_id = ?"
    " WHERE lw.id = ? AND l.school_id = ? FOR UPDATE");
/* The subject's scale in the grade, for rule_cell. */
DB_STMT(q_scale_values,
    "SELECT sv.code, sv.num, sv.is_plus_minus FROM subject_scale ss"
    " JOIN scale_value sv ON sv.scale_id = ss.scale_id"
    " WHERE ss.subject_id = ? AND ss.grade = ? ORDER BY sv.sort");
DB_STMT(q_mark_insert,
    "INSERT INTO mark (lesson_work_id, student_id, code, num, set_by,"
    " comment) VALUES (?, ?, ?, ?, ?, ?)");
DB_STMT(q_mark_update,
    "UPDATE mark SET code = ?, num = ?, set_by = ?, comment = ?,"
    " changed_at = NOW() WHERE id = ?");
DB_STMT(q_mark_comment,
    "UPDATE mark SET comment = ?, changed_at = NOW() WHERE id = ?");
DB_STMT(q_mark_delete, "DELETE FROM mark WHERE id = ?");
DB_STMT(q_absence_insert,
    "INSERT IGNORE INTO absence (lesson_id, student_id, set_by, comment)"
    " VALUES (?, ?, ?, ?)");
DB_STMT(q_absence_comment,
    "UPDATE absence SET comment = ? WHERE lesson_id = ? AND student_id = ?");
DB_STMT(q_absence_delete,
    "DELETE FROM absence WHERE lesson_id = ? AND student_id = ?");

/* «н», «Н» and the Latin n the keyboard may give: all mean absent. */
static int
is_absent(const char *v)
{
	return strcmp(v, ABSENT) == 0 || strcmp(v, "Н") == 0 ||
	    strcmp(v, "n") == 0 || strcmp(v, "N") == 0;
}

/*
 * The scale of subject in grade into c (for rule_cell) and *nums (the
 * values' numbers, NULL when not averaged).  0, or -1.
 */
static int
scale_load(struct req *r, long long subject_id, int grade,
    struct rule_cell *c, const char ***nums)
{
	struct rule_value	*v = NULL;
	const char		**n = NULL;
	size_t			 i = 0;
	int			 rc;

	if (db_query(&q_scale_values, "ld", subject_id, grade) == -1)
		return -1;
	while ((rc = db_next(&q_scale_values)) == 1) {
		v = more(r, v, i, sizeof(*v));
		n = more(r, n, i, sizeof(*n));
		v[i].code = dup(r, db_str(&q_scale_values, 0));
		n[i] = dup(r, db_str(&q_scale_values, 1));
		v[i].plus_minus = db_int(&q_scale_values, 2) == 1;
		i++;
	}
	c->scale = v;
	c->nscale = i;
	*nums = n;
	return rc;
}

const char *
cell_comment_check(const char *s)
{
	const unsigned char	*p;

	if (utf8_len(s) > CELL_COMMENT_MAX)
		return "Комментарий: не длиннее 200 символов.";
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return "Комментарий: одна строка, без управляющих"
			    " символов.";
	return NULL;
}

enum cell_res
cell_write(struct req *r, long long group_id, long long subject_id,
    const struct cell_in *in, struct cell_out *out)
{
	struct db_stmt	*q = &q_cell_state;
	struct rule_cell c;
	const char	*date, *cur, *code = NULL, *num = NULL, *allowed;
	const char	*value, *old, *mark_cm = "", *abs_cm = "", *cur_cm;
	const char	*now_cm, *cm;
	const char	**nums = NULL;
	long long	 sid = r->sess.school_id, lesson_id, mark_id = 0;
	long long	 edit_days, set_at = 0, until = 0, now = 0;
	long long	 work_id = in->work_id, student_id = in->student_id;
	const struct school_rules *sr;
	size_t		 at = 0, i;
	int		 grade, member, editable = 0, absent, rc, new_value, new_cm;
	enum obj_res	 ok;

	out->msg = NULL;
	out->value = out->comment = "";
	if ((sr = school_rules(sid)) == NULL)
		return CELL_ERROR;
	edit_days = sr->mark_edit_days;
	/* The membership is asked of the journal's group: a work of another
	 * group's lesson is CELL_MISSING below anyway. */
	if (db_query(q, "lllllllll", student_id, group_id, group_id,
	    student_id, student_id, student_id, student_id, work_id,
	    sid) == -1 || (rc = db_next(q)) == -1)
		return CELL_ERROR;
	if (rc == 0)
		return CELL_MISSING;
	lesson_id = db_int(q, 0);
	if (db_int(q, 1) != group_id || db_int(q, 2) != subject_id) {
		db_done(q);
		return CELL_MISSING;
	}
	date = arena_strdup(&r->arena, db_str(q, 3));
	grade = db_str(q, 4) != NULL ? (int)db_int(q, 4) : 0;
	member = db_int(q, 5) == 1;
	if (db_str(q, 6) != NULL) {
		mark_id = db_int(q, 6);
		code = arena_strdup(&r->arena, db_str(q, 7));
		if (stamp_parse(db_str(q, 8), &set_at) == -1 ||
		    (db_str(q, 9) != NULL &&
		    stamp_parse(db_str(q, 9), &until) == -1) ||
		    stamp_parse(db_str(q, 10), &now) == -1) {
			db_done(q);
			return CELL_ERROR;
		}
		editable = rule_mark_editable(set_at, until, now, edit_days);
		mark_cm = arena_strdup(&r->arena, db_str(q, 12) ?
		    db_str(q, 12) : "");
	}
	absent = db_int(q, 11) == 1;
	if (db_str(q, 13) != NULL)
		abs_cm = arena_strdup(&r->arena, db_str(q, 13));
	db_done(q);

	if ((ok = obj_journal_write(r, group_id, subject_id, date)) != OBJ_OK)
		return ok == OBJ_ERROR ? CELL_ERROR : ok == OBJ_MISSING ?
		    CELL_MISSING : CELL_DENIED;
	if (!member) {
		out->msg = "Этого ученика нет в группе.";
		return CELL_REFUSED;
	}
	cur = code != NULL ? code : absent ? ABSENT : "";
	cur_cm = code != NULL ? mark_cm : absent ? abs_cm : "";
	out->value = cur;
	out->comment = cur_cm;
	old = in->old != NULL ? in->old : "";
	if (is_absent(old))
		old = ABSENT;
	if (strcmp(old, cur) != 0) {
		out->msg = "Эту клетку уже изменили: показано текущее значение.";
		return CELL_CONFLICT;
	}
	/* A comment changed meanwhile: the same rule, unless the client
	 * asks for what is there already. */
	cm = in->comment;
	if (cm != NULL && strcmp(cm, cur_cm) != 0 && strcmp(in->comment_old !=
	    NULL ? in->comment_old : "", cur_cm) != 0) {
		out->msg = "Комментарий к этой клетке уже изменили: показан"
		    " текущий.";
		return CELL_CONFLICT;
	}
	if (cm != NULL && (out->msg = cell_comment_check(cm)) != NULL)
		return CELL_REFUSED;
	value = in->value != NULL ? in->value : "";
	if (is_absent(value))
		value = ABSENT;
	/*
	 * The comment belongs to the mark or to the absence the cell holds
	 * after the write: now_cm is what that row has now ("" for a row to
	 * be made), and a comment not sent stays as it is.
	 */
	if (*value == '\0')
		now_cm = "";
	else if (strcmp(value, ABSENT) == 0)
		now_cm = absent ? abs_cm : "";
	else
		now_cm = mark_id != 0 ? mark_cm : "";
	if (cm == NULL)
		cm = now_cm;
	if (*value == '\0' && *cm != '\0') {
		out->msg = "Комментарий можно оставить только к отметке или"
		    " «н».";
		return CELL_REFUSED;
	}
	new_value = strcmp(value, cur) != 0;
	new_cm = strcmp(cm, now_cm) != 0;
	if (!new_value && !new_cm)
		return CELL_OK;		/* nothing to change */

	/* The rules (R23 window, R24, the scale): rule_cell.  A mark's
	 * comment alone is a change of the mark too (the window). */
	memset(&c, 0, sizeof(c));
	c.mark = new_value && *value != '\0' && strcmp(value, ABSENT) != 0;
	c.has_mark = mark_id != 0;
	c.editable = editable;
	c.code = value;
	if (c.mark) {
		if (scale_load(r, subject_id, grade, &c, &nums) == -1)
			return CELL_ERROR;
		c.no_marks = rule_no_marks(sr->no_marks_grades, grade);
		c.plus_minus = sr->five_point_plus_minus;
	}
	switch (rule_cell(&c, &at)) {
	case RULE_CELL_LOCKED:
		out->msg = arena_printf(&r->arena, "Отметку можно исправить"
		    " только в течение %lld дн. после выставления; позже —"
		    " после разрешения администрации.", edit_days);
		return CELL_REFUSED;
	case RULE_CELL_NO_MARKS:
		out->msg = arena_printf(&r->arena, "В %d классе"
		    " отметки не ставятся.", grade);
		return CELL_REFUSED;
	case RULE_CELL_NO_SCALE:
		out->msg = "Для этого предмета в этой параллели не задана"
		    " шкала оценивания.";
		return CELL_REFUSED;
	case RULE_CELL_NOT_IN_SCALE:
		for (allowed = "", i = 0; i < c.nscale; i++)
			if (!c.scale[i].plus_minus || c.plus_minus)
				allowed = arena_printf(&r->arena, "%s%s%s",
				    allowed, *allowed ? ", " : "",
				    c.scale[i].code);
		out->msg = arena_printf(&r->arena, "Такой отметки нет в"
		    " шкале предмета. Допустимо: %s или «н».", allowed);
		return CELL_REFUSED;
	case RULE_CELL_OK:
		break;
	}
	if (!new_value) {
		/* The comment alone. */
		if (strcmp(value, ABSENT) == 0 ? db_exec(&q_absence_comment,
		    "sll", cm, lesson_id, student_id) < 0 :
		    db_exec(&q_mark_comment, "sl", cm, mark_id) < 0)
			return CELL_ERROR;
	} else if (c.mark) {
		num = nums[at];
		if (mark_id != 0) {
			if (db_exec(&q_mark_update, "sslsl", value, num,
			    r->sess.account_id, cm, mark_id) < 0)
				return CELL_ERROR;
		} else if (db_exec(&q_mark_insert, "llssls", work_id,
		    student_id, value, num, r->sess.account_id, cm) != 1)
			return CELL_ERROR;
		/* A student with a mark was at the lesson. */
		if (absent && db_exec(&q_absence_delete, "ll", lesson_id,
		    student_id) < 0)
			return CELL_ERROR;
	} else if (strcmp(value, ABSENT) == 0) {
		if ((mark_id != 0 && db_exec(&q_mark_delete, "l",
		    mark_id) < 0) || db_exec(&q_absence_insert, "llls",
		    lesson_id, student_id, r->sess.account_id, cm) < 0)
			return CELL_ERROR;
	} else if (mark_id != 0) {
		if (db_exec(&q_mark_delete, "l", mark_id) < 0)
			return CELL_ERROR;
	} else if (db_exec(&q_absence_delete, "ll", lesson_id,
	    student_id) < 0)
		return CELL_ERROR;
	if (new_value && audit_add(r, strcmp(value, ABSENT) == 0 ||
	    (code == NULL && *value == '\0') ? "absence" : "mark", "person",
	    student_id, cur, arena_printf(&r->arena, "%s (lesson %lld, work"
	    " %lld)", value, lesson_id, work_id)) == -1)
		return CELL_ERROR;
	if (new_cm && audit_add(r, strcmp(value, ABSENT) == 0 ?
	    "absence_comment" : "mark_comment", "person", student_id,
	    *now_cm != '\0' ? now_cm : NULL, arena_printf(&r->arena,
	    "%s (lesson %lld, work %lld)", cm, lesson_id, work_id)) == -1)
		return CELL_ERROR;
	out->value = value;
	out->comment = cm;
	return CELL_OK;
}

int
cell_writes_undo(void)
{
	if (db_in_trans() && db_rollback() == -1)
		return -1;
	return db_begin();
}

/* The stamps (raw: *_at_raw, now) decide locked, as in cell_write. */
DB_STMT(q_mark_get,
    "SELECT m.id, m.code, " FULL_NAME("p") " AS student, l.group_id,"
    " l.subject_id, DATE_FORMAT(l.on_date, '%d.%m.%Y') AS date,"
    " wk.name AS work, DATE_FORMAT(m.set_at, '%d.%m.%Y %H:%i') AS set_at,"
    " DATE_FORMAT(m.unlocked_until, '%d.%m.%Y %H:%i') AS unlocked_until,"
    " m.set_at AS set_at_raw, m.unlocked_until AS unlocked_at_raw,"
    " NOW() AS now, g.name AS `group`, s.name AS subject"
    " FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id"
    " JOIN work_kind wk ON wk.id = lw.work_kind_id"
    " JOIN lesson l ON l.id = lw.lesson_id JOIN person p ON p.id = m.student_id"
    " JOIN `groups` g ON g.id = l.group_id JOIN subject s ON s.id = l.subject_id"
    " WHERE m.id = ? AND l.school_id = ?");

int
db_mark_get(struct req *r, const char *prefix, long long mark_id,
    struct mark_head *out)
{
	const struct school_rules *sr;
	long long	 set_at, until = 0, now;
	const char	*v;
	int		 rc = -1, bad;

	if ((sr = school_rules(r->sess.school_id)) == NULL)
		return -1;
	if (db_query(&q_mark_get, "ll", mark_id, r->sess.school_id) == -1 ||
	    (rc = db_next(&q_mark_get)) != 1)
		return rc;
	db_row_to_hdf(r->hdf, prefix, &q_mark_get);
	out->id = mark_id;
	out->group_id = db_int(&q_mark_get, 3);
	out->subject_id = db_int(&q_mark_get, 4);
	v = db_str(&q_mark_get, 10);
	bad = stamp_parse(db_str(&q_mark_get, 9), &set_at) == -1 ||
	    (v != NULL && stamp_parse(v, &until) == -1) ||
	    stamp_parse(db_str(&q_mark_get, 11), &now) == -1;
	db_done(&q_mark_get);
	if (bad)
		return -1;
	out->locked = !rule_mark_editable(set_at, until, now,
	    sr->mark_edit_days);
	req_set(r, arena_printf(&r->arena, "%s.locked", prefix),
	    out->locked ? "1" : "0");
	return 1;
}

DB_STMT(q_mark_unlock,
    "UPDATE mark SET unlocked_until = NOW() + INTERVAL 1 DAY WHERE id = ?");

int
mark_unlock(struct req *r, long long mark_id, const char *reason)
{
	if (db_exec(&q_mark_unlock, "l", mark_id) < 0)
		return -1;
	return audit_add(r, "mark_unlock", "mark", mark_id, NULL,
	    arena_printf(&r->arena, "до завтра: %s", reason));
}
