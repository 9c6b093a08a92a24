/*
 * timetable.c: the weekly timetable and its one-day changes (R15, R22,
 * R32).  A week is one query (the timetable rows of its days with the
 * day's change joined, UNION the lessons moved into it), plus one for the
 * bells and one for the holidays, whatever the number of lessons.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ClearSilver.h>

#include "clock.h"
#include "audit.h"
#include "db.h"
#include "groups.h"
#include "screen.h"
#include "sqlnames.h"
#include "timetable.h"
#include "util.h"

#define SHORT_NAME(p)	"CONCAT(" p ".last_name, ' ', LEFT(" p ".first_name, 1)," \
			" '.', IF(" p ".middle_name = '', '', CONCAT(" \
			"LEFT(" p ".middle_name, 1), '.')))"

int
tt_weekday(const char *date)
{
	long	 z;

	if (date_parse(date, &z) == -1)
		return 0;
	/* 1970-01-01 was a Thursday (4). */
	return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

int
tt_monday(const char *date, char buf[11])
{
	long	 z;

	if (date_parse(date, &z) == -1)
		return -1;
	date_format(z - (tt_weekday(date) - 1), buf);
	return 0;
}

void
tt_add_days(const char *date, int days, char buf[11])
{
	long	 z = 0;

	date_parse(date, &z);
	date_format(z + days, buf);
}

/* --- The week --- */

/*
 * Part A: the timetable rows valid on their day of the week, the day's
 * change joined; part B: the changes that put a lesson into the week at
 * another slot (moved) or add one.  Each part ends with its filter, which
 * takes one parameter.
 */
#define WEEK_DAY	"DATE_ADD(?, INTERVAL t.weekday - 1 DAY)"
#define WEEK_A \
	"SELECT t.id, IFNULL(c.id, 0), " WEEK_DAY ", t.weekday, t.number," \
	" t.group_id, g.name, g.kind, IFNULL(g.class_id, 0), t.subject_id," \
	" s.name, COALESCE(c.teacher_id, t.teacher_id), " SHORT_NAME("p") "," \
	" t.teacher_id, COALESCE(c.room, t.room), IFNULL(c.is_cancelled, 0)," \
	" (c.new_date IS NOT NULL OR c.new_number IS NOT NULL), 0, c.reason," \
	" NULL" \
	" FROM timetable t JOIN `groups` g ON g.id = t.group_id" \
	" JOIN subject s ON s.id = t.subject_id" \
	" LEFT JOIN timetable_change c ON c.timetable_id = t.id" \
	"   AND c.on_date = " WEEK_DAY \
	" JOIN person p ON p.id = COALESCE(c.teacher_id, t.teacher_id)" \
	" LEFT JOIN class cl ON cl.id = g.class_id" \
	" WHERE t.school_id = ? AND t.weekday <= 7" \
	" AND " WEEK_DAY " BETWEEN t.valid_from AND t.valid_to" \
	" AND NOT EXISTS (SELECT 1 FROM holiday h WHERE h.year_id = t.year_id" \
	"   AND " WEEK_DAY " BETWEEN h.starts_on AND h.ends_on" \
	"   AND IFNULL(cl.grade, 1) BETWEEN h.grade_from AND h.grade_to)" \
	" AND "
#define WEEK_B \
	" UNION ALL SELECT IFNULL(c.timetable_id, 0), c.id," \
	" COALESCE(c.new_date, c.on_date)," \
	" WEEKDAY(COALESCE(c.new_date, c.on_date)) + 1," \
	" COALESCE(c.new_number, t.number), c.group_id, g.name, g.kind," \
	" IFNULL(g.class_id, 0), c.subject_id, s.name," \
	" COALESCE(c.teacher_id, t.teacher_id), " SHORT_NAME("p") "," \
	" IFNULL(t.teacher_id, c.teacher_id), COALESCE(c.room, t.room, '')," \
	" 0, 0, c.timetable_id IS NOT NULL, c.reason," \
	" CONCAT(DATE_FORMAT(c.on_date, '%d.%m'), ', ', t.number, '-й урок')" \
	" FROM timetable_change c LEFT JOIN timetable t ON t.id = c.timetable_id" \
	" JOIN `groups` g ON g.id = c.group_id" \
	" JOIN subject s ON s.id = c.subject_id" \
	" JOIN person p ON p.id = COALESCE(c.teacher_id, t.teacher_id)" \
	" WHERE c.school_id = ? AND c.is_cancelled = 0" \
	" AND (c.timetable_id IS NULL OR c.new_date IS NOT NULL" \
	"   OR c.new_number IS NOT NULL)" \
	" AND COALESCE(c.new_date, c.on_date) BETWEEN ? AND" \
	"   DATE_ADD(?, INTERVAL 6 DAY) AND "
#define WEEK_END	" ORDER BY 3, 5, 7"

/*
 * A class's or a student's week: their groups' ids are looked up first
 * and given as a list (DB_IDS), which the optimizer reads as a range on
 * the group's index, where the group union as a subquery cost more to
 * plan than the week to read; holidays are taken out in C (the week's
 * holidays of the one grade are read anyway).  The timetable drives.
 */
#define WEEK_G \
	"SELECT STRAIGHT_JOIN t.id, IFNULL(c.id, 0), " WEEK_DAY ", t.weekday," \
	" t.number, t.group_id, g.name, g.kind, IFNULL(g.class_id, 0)," \
	" t.subject_id, s.name, COALESCE(c.teacher_id, t.teacher_id)," \
	" " SHORT_NAME("p") ", t.teacher_id, COALESCE(c.room, t.room)," \
	" IFNULL(c.is_cancelled, 0)," \
	" (c.new_date IS NOT NULL OR c.new_number IS NOT NULL), 0, c.reason," \
	" NULL" \
	" FROM timetable t LEFT JOIN timetable_change c ON c.timetable_id = t.id" \
	"   AND c.on_date = " WEEK_DAY \
	" JOIN `groups` g ON g.id = t.group_id" \
	" JOIN subject s ON s.id = t.subject_id" \
	" JOIN person p ON p.id = COALESCE(c.teacher_id, t.teacher_id)" \
	" WHERE t.group_id IN " DB_IDS " AND t.weekday <= 7" \
	" AND " WEEK_DAY " BETWEEN t.valid_from AND t.valid_to"

DB_STMT(q_week_groups, WEEK_G WEEK_B "c.group_id IN " DB_IDS WEEK_END);
/* The timetabled teacher sees a substituted lesson too (as replaced). */
DB_STMT(q_week_teacher, WEEK_A "? IN (t.teacher_id, c.teacher_id)"
    WEEK_B "COALESCE(c.teacher_id, t.teacher_id) = ?" WEEK_END);
DB_STMT(q_week_room, WEEK_A "? IN (t.room, c.room)"
    WEEK_B "COALESCE(c.room, t.room) = ?" WEEK_END);

/* The holidays touching the week that apply: to the class's (or the
 * student's class's) grade, else to every grade. */
DB_STMT(q_week_holidays,
    "SELECT h.name, h.starts_on, h.ends_on FROM holiday h"
    " JOIN year y ON y.id = h.year_id WHERE y.school_id = ?"
    " AND h.starts_on <= DATE_ADD(?, INTERVAL 6 DAY) AND h.ends_on >= ?"
    " AND CASE ? WHEN 1 THEN (SELECT cl.grade FROM class cl WHERE cl.id = ?)"
    "   BETWEEN h.grade_from AND h.grade_to"
    " WHEN 4 THEN (SELECT cl.grade FROM class_student cs JOIN class cl"
    "   ON cl.id = cs.class_id WHERE cs.student_id = ? AND cs.left_on IS NULL"
    "   LIMIT 1) BETWEEN h.grade_from AND h.grade_to"
    " ELSE h.grade_from = 1 AND h.grade_to = 11 END");

/* holiday[1..7]: the name of the holiday on that day of the week, or NULL. */
static int
week_holidays(struct req *r, enum tt_view view, long long id,
    const char *monday, const char *holiday[8])
{
	char	 d[11];
	int	 rc, i;

	for (i = 0; i < 8; i++)
		holiday[i] = NULL;
	if (db_query(&q_week_holidays, "lssdll", r->sess.school_id, monday,
	    monday, (int)view, id, id) == -1)
		return -1;
	while ((rc = db_next(&q_week_holidays)) == 1)
		for (i = 1; i <= 7; i++) {
			tt_add_days(monday, i - 1, d);
			if (strcmp(d, db_str(&q_week_holidays, 1)) >= 0 &&
			    strcmp(d, db_str(&q_week_holidays, 2)) <= 0)
				holiday[i] = arena_strdup(&r->arena,
				    db_str(&q_week_holidays, 0));
		}
	return rc;
}

/* The week's lessons; holiday[] filled when given (always read for a
 * class or a student, whose holidays are taken out here). */
static int
week_lessons(struct req *r, enum tt_view view, long long id,
    const char *room, const char *monday, struct tt_lesson **out,
    const char *holiday[8])
{
	struct db_stmt	*q;
	struct tt_lesson *a = NULL, *l;
	const char	*own[8];
	long long	 ids[DB_ID_SLOTS];
	size_t		 n = 0, cap = 0;
	long long	 school = r->sess.school_id;
	int		 rc, nids = 0, byids;

	*out = NULL;
	byids = view == TT_CLASS || view == TT_STUDENT;
	if (holiday == NULL && byids)
		holiday = own;
	if (holiday != NULL &&
	    week_holidays(r, view, id, monday, holiday) == -1)
		return -1;
	if (byids && (nids = view == TT_CLASS ? db_class_group_ids(id, ids) :
	    db_student_group_ids(id, ids)) == -1)
		return -1;
	if (view == TT_ROOM)
		rc = db_query(q = &q_week_room, "sslssslsss", monday, monday,
		    school, monday, monday, room, school, monday, monday, room);
	else if (view == TT_TEACHER)
		rc = db_query(q = &q_week_teacher, "sslssllssl", monday, monday,
		    school, monday, monday, id, school, monday, monday, id);
	else
		rc = db_query(q = &q_week_groups, "ssIslssI", monday, monday,
		    ids, (size_t)nids, monday, school, monday, monday, ids,
		    (size_t)nids);
	if (rc == -1)
		return -1;
	while ((rc = db_next(q)) == 1) {
		if (n == cap) {
			struct tt_lesson *b;

			cap = cap ? cap * 2 : 64;
			b = arena_alloc(&r->arena, cap * sizeof(*b));
			if (n > 0)
				memcpy(b, a, n * sizeof(*b));
			a = b;
		}
		l = &a[n];
		memset(l, 0, sizeof(*l));
#define S(i)	(db_str(q, i) ? arena_strdup(&r->arena, db_str(q, i)) : NULL)
		l->tt_id = db_int(q, 0);
		l->change_id = db_int(q, 1);
		l->date = S(2);
		l->weekday = (int)db_int(q, 3);
		l->number = (int)db_int(q, 4);
		l->group_id = db_int(q, 5);
		l->group = S(6);
		l->group_kind = S(7);
		l->class_id = db_int(q, 8);
		l->subject_id = db_int(q, 9);
		l->subject = S(10);
		l->teacher_id = db_int(q, 11);
		l->teacher = S(12);
		l->plan_teacher_id = db_int(q, 13);
		l->room = S(14);
		l->cancelled = db_int(q, 15) == 1;
		l->moved_out = db_int(q, 16) == 1;
		l->moved_in = db_int(q, 17) == 1;
		l->reason = S(18);
		l->moved_from = S(19);
#undef S
		/* No timetabled lesson on a holiday of the grade. */
		if (byids && !l->moved_in && l->tt_id != 0 &&
		    l->weekday >= 1 && l->weekday <= 7 &&
		    holiday[l->weekday] != NULL)
			continue;
		n++;
	}
	if (rc == -1)
		return -1;
	*out = a;
	return (int)n;
}

int
db_week_lessons(struct req *r, enum tt_view view, long long id,
    const char *room, const char *monday, struct tt_lesson **out)
{
	return week_lessons(r, view, id, room, monday, out, NULL);
}

/*
 * The lessons due (db_tt_missing): a few plain reads (the view's
 * timetable rows, the changes of the days, the years' calendar, the
 * lessons entered) and the days counted here.  One statement that did it
 * all over the Sequence engine's days was planned differently on every
 * execution of the prepared statement by MariaDB 10.11 (from 3 ms to
 * 150 ms for one teacher), and could not be re-executed at all in a
 * simpler form ("Unknown column ... in WHERE").
 */
#define DUE_GRADE	"IFNULL(cl.grade, 1)"
DB_STMT(q_due_rows_teacher,
    "SELECT t.id, t.group_id, t.subject_id, t.teacher_id, t.weekday,"
    " TO_DAYS(t.valid_from), TO_DAYS(t.valid_to), t.year_id, " DUE_GRADE ","
    " g.name, s.name, t.number"
    " FROM timetable t JOIN `groups` g ON g.id = t.group_id"
    " JOIN subject s ON s.id = t.subject_id"
    " LEFT JOIN class cl ON cl.id = g.class_id"
    " WHERE t.teacher_id = ? AND t.school_id = ?"
    " AND t.valid_from <= ? AND t.valid_to >= ?");
DB_STMT(q_due_rows_groups,
    "SELECT t.id, t.group_id, t.subject_id, t.teacher_id, t.weekday,"
    " TO_DAYS(t.valid_from), TO_DAYS(t.valid_to), t.year_id, " DUE_GRADE ","
    " g.name, s.name, t.number"
    " FROM timetable t JOIN `groups` g ON g.id = t.group_id"
    " JOIN subject s ON s.id = t.subject_id"
    " LEFT JOIN class cl ON cl.id = g.class_id"
    " WHERE t.group_id IN " DB_IDS " AND t.school_id = ?"
    " AND t.valid_from <= ? AND t.valid_to >= ?");
/* The changes of the days (by their day or their new day). */
DB_STMT(q_due_changes,
    "SELECT c.id, IFNULL(c.timetable_id, 0), TO_DAYS(c.on_date),"
    " IFNULL(TO_DAYS(c.new_date), 0), c.new_number IS NOT NULL,"
    " c.is_cancelled, c.group_id, c.subject_id, IFNULL(c.teacher_id, 0),"
    " IFNULL(t.teacher_id, 0), c.year_id, " DUE_GRADE ", g.name, s.name,"
    " COALESCE(c.new_number, t.number, 0)"
    " FROM timetable_change c LEFT JOIN timetable t ON t.id = c.timetable_id"
    " JOIN `groups` g ON g.id = c.group_id"
    " JOIN subject s ON s.id = c.subject_id"
    " LEFT JOIN class cl ON cl.id = g.class_id"
    " WHERE c.school_id = ? AND (c.on_date BETWEEN ? AND ?"
    "   OR c.new_date BETWEEN ? AND ?)");
/* The school's study periods and holidays by grade (p: 1, h: 0). */
DB_STMT(q_due_calendar,
    "SELECT 1, p.year_id, TO_DAYS(p.starts_on), TO_DAYS(p.ends_on),"
    " p.grade_from, p.grade_to FROM period p JOIN year y ON y.id = p.year_id"
    " WHERE y.school_id = ? AND p.kind <> 'year'"
    " AND p.starts_on <= ? AND p.ends_on >= ?"
    " UNION ALL SELECT 0, h.year_id, TO_DAYS(h.starts_on), TO_DAYS(h.ends_on),"
    " h.grade_from, h.grade_to FROM holiday h JOIN year y ON y.id = h.year_id"
    " WHERE y.school_id = ? AND h.starts_on <= ? AND h.ends_on >= ?");
DB_STMT(q_due_entered,
    "SELECT group_id, subject_id, TO_DAYS(on_date), COUNT(*) FROM lesson"
    " WHERE group_id IN " DB_IDS " AND on_date BETWEEN ? AND ?"
    " GROUP BY group_id, subject_id, on_date");

/* TO_DAYS('1970-01-01'): MariaDB's day numbers to lib/util.h's. */
#define TO_DAYS_EPOCH	719528L

struct due_span {
	long long	 year_id;
	long		 from, to;
	int		 grade_from, grade_to, study;
};

struct due {
	long long	 group_id, subject_id;
	long		 day;
	int		 count;
	const char	*group, *subject;
	int		 number;
};

static int
due_cmp(const void *x, const void *y)
{
	const struct due *a = x, *b = y;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->subject_id != b->subject_id)
		return a->subject_id < b->subject_id ? -1 : 1;
	if (a->group_id != b->group_id)
		return a->group_id < b->group_id ? -1 : 1;
	return 0;
}

/* A study day of the grade: in one of its periods, in none of its holidays. */
static int
school_day(const struct due_span *v, size_t n, long long year, int grade,
    long day)
{
	size_t	 i;
	int	 study = 0;

	for (i = 0; i < n; i++) {
		if (v[i].year_id != year || day < v[i].from || day > v[i].to ||
		    grade < v[i].grade_from || grade > v[i].grade_to)
			continue;
		if (!v[i].study)
			return 0;
		study = 1;
	}
	return study;
}

static struct due_span *
more_spans(struct req *r, struct due_span *v, size_t n)
{
	struct due_span	*b;

	if (n % 16 != 0)
		return v;
	b = arena_alloc(&r->arena, (n + 16) * sizeof(*b));
	if (n > 0)
		memcpy(b, v, n * sizeof(*b));
	return b;
}

static void
due_add(struct req *r, struct due **v, size_t *n, size_t *cap,
    long long group, long long subject, long day, int number,
    const char *gname, const char *sname)
{
	struct due	*b;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		b = arena_alloc(&r->arena, *cap * sizeof(*b));
		if (*n > 0)
			memcpy(b, *v, *n * sizeof(*b));
		*v = b;
	}
	(*v)[(*n)++] = (struct due){ group, subject, day, 1, gname, sname,
	    number };
}

/*
 * The lessons the timetable has with its changes on the school days
 * from..to (f, t: day numbers; YYYY-MM-DD in from, to) for a teacher
 * (TT_TEACHER: who gives it that day) or a list of groups (TT_CLASS,
 * TT_STUDENT: ids), one entry per lesson, unsorted.  Three statements.
 * 0 or -1.
 */
static int
due_list(struct req *r, enum tt_view view, long long id,
    const long long *ids, int nids, const char *from, const char *to,
    long f, long t, struct due **out, size_t *nout)
{
	struct due_span		*cal = NULL;
	struct due		*due = NULL;
	struct db_stmt		*q;
	long long		 school = r->sess.school_id;
	long long		 (*ch)[13] = NULL;
	const char		**chname = NULL;
	size_t			 ncal = 0, ndue = 0, capdue = 0, nch = 0;
	size_t			 i, k;
	long			 d, first, last, wd;
	const char		*gname, *sname;
	int			 rc, giver, w;

	*out = NULL;
	*nout = 0;

	/* The calendar of the days. */
	if (db_query(&q_due_calendar, "lsslss", school, to, from, school, to,
	    from) == -1)
		return -1;
	while ((rc = db_next(&q_due_calendar)) == 1) {
		cal = more_spans(r, cal, ncal);
		cal[ncal++] = (struct due_span){ db_int(&q_due_calendar, 1),
		    (long)db_int(&q_due_calendar, 2) - TO_DAYS_EPOCH,
		    (long)db_int(&q_due_calendar, 3) - TO_DAYS_EPOCH,
		    (int)db_int(&q_due_calendar, 4),
		    (int)db_int(&q_due_calendar, 5),
		    (int)db_int(&q_due_calendar, 0) };
	}
	if (rc == -1)
		return -1;

	/* The changes of the days, all of the school's (a few a week). */
	if (db_query(&q_due_changes, "lssss", school, from, to, from, to) == -1)
		return -1;
	while ((rc = db_next(&q_due_changes)) == 1) {
		if (nch % 16 == 0) {
			long long (*b)[13] = arena_alloc(&r->arena,
			    (nch + 16) * sizeof(*b));

			const char **nb = arena_alloc(&r->arena,
			    (nch + 16) * 2 * sizeof(*nb));

			if (nch > 0) {
				memcpy(b, ch, nch * sizeof(*b));
				memcpy(nb, chname, nch * 2 * sizeof(*nb));
			}
			ch = b;
			chname = nb;
		}
		chname[2 * nch] = arena_strdup(&r->arena,
		    db_str(&q_due_changes, 12));
		chname[2 * nch + 1] = arena_strdup(&r->arena,
		    db_str(&q_due_changes, 13));
		for (k = 0; k < 12; k++)
			ch[nch][k] = db_int(&q_due_changes, (unsigned)k);
		ch[nch][12] = db_int(&q_due_changes, 14);
		ch[nch][2] -= TO_DAYS_EPOCH;
		if (ch[nch][3] != 0)
			ch[nch][3] -= TO_DAYS_EPOCH;
		nch++;
	}
	if (rc == -1)
		return -1;
#define C_TT(c)		ch[c][1]
#define C_ON(c)		ch[c][2]
#define C_NEWDAY(c)	ch[c][3]
#define C_MOVED(c)	(ch[c][3] != 0 || ch[c][4] != 0)
#define C_CANCELLED(c)	(ch[c][5] != 0)
#define C_GROUP(c)	ch[c][6]
#define C_SUBJECT(c)	ch[c][7]
#define C_SUB(c)	ch[c][8]
#define C_TTEACHER(c)	ch[c][9]
#define C_YEAR(c)	ch[c][10]
#define C_GRADE(c)	((int)ch[c][11])
#define C_NUMBER(c)	((int)ch[c][12])

	/* The timetable's rows: each on its weekday of the days. */
	if (view == TT_TEACHER)
		rc = db_query(q = &q_due_rows_teacher, "llss", id, school, to,
		    from);
	else
		rc = db_query(q = &q_due_rows_groups, "Ilss", ids,
		    (size_t)nids, school, to, from);
	if (rc == -1)
		return -1;
	while ((rc = db_next(q)) == 1) {
		first = (long)db_int(q, 5) - TO_DAYS_EPOCH;
		last = (long)db_int(q, 6) - TO_DAYS_EPOCH;
		first = first < f ? f : first;
		last = last > t ? t : last;
		w = (int)db_int(q, 4);		/* 1 Monday .. 7 */
		gname = sname = NULL;		/* copied when first due */
		wd = (first + 3) % 7 + 1;	/* 1970-01-01: a Thursday */
		for (d = first + ((w - wd) % 7 + 7) % 7; d <= last; d += 7) {
			if (!school_day(cal, ncal, db_int(q, 7),
			    (int)db_int(q, 8), d))
				continue;
			giver = 1;
			for (k = 0; k < nch; k++) {
				if (C_TT(k) != db_int(q, 0) || C_ON(k) != d)
					continue;
				if (C_CANCELLED(k) || C_MOVED(k))
					giver = 0;	/* not here */
				else if (view == TT_TEACHER && C_SUB(k) != 0 &&
				    C_SUB(k) != id)
					giver = 0;	/* a substitute's */
			}
			if (giver) {
				if (gname == NULL) {
					gname = arena_strdup(&r->arena,
					    db_str(q, 9));
					sname = arena_strdup(&r->arena,
					    db_str(q, 10));
				}
				due_add(r, &due, &ndue, &capdue, db_int(q, 1),
				    db_int(q, 2), d, (int)db_int(q, 11), gname,
				    sname);
			}
		}
	}
	if (rc == -1)
		return -1;
	/* The changes that put a lesson on a day: moved or added, and (for
	 * a teacher) a substitution in another teacher's lesson. */
	for (k = 0; k < nch; k++) {
		if (C_CANCELLED(k))
			continue;
		d = C_NEWDAY(k) != 0 ? C_NEWDAY(k) : C_ON(k);
		if (d < f || d > t || !school_day(cal, ncal, C_YEAR(k),
		    C_GRADE(k), d))
			continue;
		if (view != TT_TEACHER) {
			if (C_TT(k) != 0 && !C_MOVED(k))
				continue;	/* counted with its row */
			for (i = 0; i < (size_t)nids && ids[i] != C_GROUP(k);
			    i++)
				continue;
			if (i == (size_t)nids)
				continue;
		} else {
			if ((C_SUB(k) != 0 ? C_SUB(k) : C_TTEACHER(k)) != id)
				continue;
			if (C_TT(k) != 0 && !C_MOVED(k) &&
			    C_TTEACHER(k) == id)
				continue;	/* counted with its row */
		}
		due_add(r, &due, &ndue, &capdue, C_GROUP(k), C_SUBJECT(k), d,
		    C_NUMBER(k), chname[2 * k], chname[2 * k + 1]);
	}
#undef C_TT
#undef C_ON
#undef C_NEWDAY
#undef C_MOVED
#undef C_CANCELLED
#undef C_GROUP
#undef C_SUBJECT
#undef C_SUB
#undef C_TTEACHER
#undef C_YEAR
#undef C_GRADE
#undef C_NUMBER
	*out = due;
	*nout = ndue;
	return 0;
}

int
db_tt_missing(struct req *r, enum tt_view view, long long id,
    const char *from, const char *to, struct tt_missing **out)
{
	struct due		*due = NULL;
	struct tt_missing	*m;
	long long		 ids[DB_ID_SLOTS], *ugroups;
	size_t			 ndue = 0, nug, i, j, k;
	long			 f, t;
	int			 rc, nids = 0, ngids, n;
	char			 day[11];

	*out = NULL;
	if (date_parse(from, &f) == -1 || date_parse(to, &t) == -1)
		return -1;
	if (t < f)
		return 0;
	if (view == TT_CLASS && (nids = db_class_group_ids(id, ids)) == -1)
		return -1;
	if (view != TT_CLASS && view != TT_TEACHER)
		abort();	/* no other view has journals */
	if (due_list(r, view, id, ids, nids, from, to, f, t, &due, &ndue) == -1)
		return -1;
	if (ndue == 0)
		return 0;

	/* One entry per group, subject and day. */
	qsort(due, ndue, sizeof(*due), due_cmp);
	for (i = 0, j = 0; i < ndue; i++)
		if (j > 0 && due_cmp(&due[j - 1], &due[i]) == 0)
			due[j - 1].count++;
		else
			due[j++] = due[i];
	ndue = j;

	/* Less the lessons entered, read by the groups, 32 at a time. */
	ugroups = arena_alloc(&r->arena, ndue * sizeof(*ugroups));
	for (i = 0, nug = 0; i < ndue; i++) {
		for (k = 0; k < nug && ugroups[k] != due[i].group_id; k++)
			continue;
		if (k == nug)
			ugroups[nug++] = due[i].group_id;
	}
	for (i = 0; i < nug; i += DB_ID_SLOTS) {
		ngids = nug - i < DB_ID_SLOTS ? (int)(nug - i) : DB_ID_SLOTS;
		if (db_query(&q_due_entered, "Iss", ugroups + i,
		    (size_t)ngids, from, to) == -1)
			return -1;
		while ((rc = db_next(&q_due_entered)) == 1) {
			struct due key = { db_int(&q_due_entered, 0),
			    db_int(&q_due_entered, 1),
			    (long)db_int(&q_due_entered, 2) - TO_DAYS_EPOCH, 0,
			    NULL, NULL, 0 };
			struct due *hit = bsearch(&key, due, ndue,
			    sizeof(*due), due_cmp);

			if (hit != NULL)
				hit->count -= (int)db_int(&q_due_entered, 3);
		}
		if (rc == -1)
			return -1;
	}

	for (i = 0, n = 0; i < ndue; i++)
		if (due[i].count > 0)
			n++;
	if (n == 0)
		return 0;
	m = arena_alloc(&r->arena, (size_t)n * sizeof(*m));
	for (i = 0, n = 0; i < ndue; i++) {
		if (due[i].count <= 0)
			continue;
		m[n].group_id = due[i].group_id;
		m[n].subject_id = due[i].subject_id;
		m[n].group = due[i].group;
		m[n].subject = due[i].subject;
		m[n].count = due[i].count;
		date_format(due[i].day, day);
		m[n].date = arena_strdup(&r->arena, day);
		m[n].day = arena_printf(&r->arena, "%.2s.%.2s", day + 8,
		    day + 5);
		n++;
	}
	*out = m;
	return n;
}

static int
slot_cmp(const void *x, const void *y)
{
	const struct tt_slot *a = x, *b = y;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->number != b->number)
		return a->number < b->number ? -1 : 1;
	if (a->subject_id != b->subject_id)
		return a->subject_id < b->subject_id ? -1 : 1;
	return a->group_id < b->group_id ? -1 : a->group_id > b->group_id;
}

int
db_tt_slots(struct req *r, const long long *groups, int ngroups,
    const char *from, const char *to, struct tt_slot **out)
{
	struct due	*due;
	struct tt_slot	*s;
	size_t		 n, i;
	long		 f, t;

	*out = NULL;
	if (date_parse(from, &f) == -1 || date_parse(to, &t) == -1)
		return -1;
	if (t < f || ngroups <= 0)
		return 0;
	if (due_list(r, TT_STUDENT, 0, groups, ngroups, from, to, f, t, &due,
	    &n) == -1)
		return -1;
	if (n == 0)
		return 0;
	s = arena_alloc(&r->arena, n * sizeof(*s));
	for (i = 0; i < n; i++)
		s[i] = (struct tt_slot){ due[i].day, due[i].number,
		    due[i].group_id, due[i].subject_id, due[i].subject };
	qsort(s, n, sizeof(*s), slot_cmp);
	*out = s;
	return (int)n;
}

static int
due_number_cmp(const void *x, const void *y)
{
	const struct due *a = x, *b = y;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return a->number < b->number ? -1 : a->number > b->number;
}

int
db_tt_due_journal(struct req *r, long long group_id, long long subject_id,
    const char *from, const char *to, struct tt_due **out)
{
	struct due	*due;
	struct tt_due	*v;
	size_t		 ndue, i, n;
	long		 f, t;
	char		 day[11];

	*out = NULL;
	if (date_parse(from, &f) == -1 || date_parse(to, &t) == -1)
		return -1;
	if (t < f)
		return 0;
	if (due_list(r, TT_STUDENT, 0, &group_id, 1, from, to, f, t, &due,
	    &ndue) == -1)
		return -1;
	if (ndue == 0)
		return 0;
	qsort(due, ndue, sizeof(*due), due_number_cmp);
	v = arena_alloc(&r->arena, ndue * sizeof(*v));
	for (i = 0, n = 0; i < ndue; i++) {
		/* The group's other subjects; and two rows at one slot (a
		 * timetable edited over a change): one lesson. */
		if (due[i].subject_id != subject_id || (n > 0 &&
		    v[n - 1].day == due[i].day &&
		    v[n - 1].number == due[i].number))
			continue;
		date_format(due[i].day, day);
		v[n].day = due[i].day;
		v[n].date = arena_strdup(&r->arena, day);
		v[n].number = due[i].number;
		n++;
	}
	*out = v;
	return (int)n;
}

DB_STMT(q_week_bells,
    "SELECT b.number, TIME_FORMAT(b.starts_at, '%H:%i'),"
    " TIME_FORMAT(b.ends_at, '%H:%i') FROM bell b JOIN year y ON y.id = b.year_id"
    " WHERE y.school_id = ? AND b.shift = 1 AND y.starts_on <= DATE_ADD(?,"
    " INTERVAL 6 DAY) AND y.ends_on >= ? ORDER BY y.starts_on DESC, b.number");
static const char *const day_names[] = { "", "Понедельник", "Вторник",
    "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье" };

const char *
tt_lesson_state(struct req *r, const struct tt_lesson *l, const char **note)
{
	if (l->cancelled) {
		*note = "отменён";
		return "cancelled";
	}
	if (l->moved_in) {
		*note = arena_printf(&r->arena, "перенесён с %s",
		    l->moved_from ? l->moved_from : "другого дня");
		return "moved_in";
	}
	if (l->teacher_id != l->plan_teacher_id) {
		*note = "замена";
		return "substitute";
	}
	if (l->change_id != 0 && l->reason != NULL) {
		*note = "изменение";
		return "changed";
	}
	*note = NULL;
	return "normal";
}

int
db_week_hdf(struct req *r, const char *prefix, enum tt_view view,
    long long id, const char *room, const char *monday)
{
	struct tt_lesson *ls;
	int		 n;

	return db_week_hdf_lessons(r, prefix, view, id, room, monday, &ls, &n);
}

int
db_week_hdf_lessons(struct req *r, const char *prefix, enum tt_view view,
    long long id, const char *room, const char *monday,
    struct tt_lesson **out, int *nout)
{
	struct tt_lesson *ls, *l;
	char		 d[11], key[160];
	const char	*state, *note, *holiday[8];
	int		 n, i, k, rc, maxnum = 0, days = 6;
	int		 count[8][11];

	*out = NULL;
	*nout = 0;
	if ((n = week_lessons(r, view, id, room, monday, &ls, holiday)) == -1)
		return -1;
	*out = ls;
	*nout = n;
	req_set(r, arena_printf(&r->arena, "%s.monday", prefix), monday);
	tt_add_days(monday, 6, d);
	req_set(r, arena_printf(&r->arena, "%s.sunday", prefix), d);
	tt_add_days(monday, -7, d);
	req_set(r, arena_printf(&r->arena, "%s.prev", prefix), d);
	tt_add_days(monday, 7, d);
	req_set(r, arena_printf(&r->arena, "%s.next", prefix), d);
	for (i = 0; i < n; i++)
		if (ls[i].weekday == 7 && !ls[i].moved_out)
			days = 7;
	for (i = 1; i <= days; i++) {
		tt_add_days(monday, i - 1, d);
		req_set(r, arena_printf(&r->arena, "%s.Days.%d.date", prefix, i),
		    d);
		req_set(r, arena_printf(&r->arena, "%s.Days.%d.name", prefix, i),
		    day_names[i]);
		req_setf(r, arena_printf(&r->arena, "%s.Days.%d.label", prefix,
		    i), "%.2s.%.2s", d + 8, d + 5);
	}

	/* Holidays: mark the days they cover. */
	for (i = 1; i <= days; i++)
		if (holiday[i] != NULL)
			req_set(r, arena_printf(&r->arena,
			    "%s.Days.%d.holiday", prefix, i), holiday[i]);

	/* Bells: the first year touching the week gives them. */
	if (db_query(&q_week_bells, "lss", r->sess.school_id, monday,
	    monday) == -1)
		return -1;
	while ((rc = db_next(&q_week_bells)) == 1) {
		k = (int)db_int(&q_week_bells, 0);
		if (k < 1 || k > 10 || k <= maxnum)
			continue;	/* an older year's bells */
		maxnum = k;
		snprintf(key, sizeof(key), "%s.Rows.%d", prefix, k);
		req_setf(r, arena_printf(&r->arena, "%s.number", key), "%d", k);
		req_set(r, arena_printf(&r->arena, "%s.starts", key),
		    db_str(&q_week_bells, 1));
		req_set(r, arena_printf(&r->arena, "%s.ends", key),
		    db_str(&q_week_bells, 2));
	}
	if (rc == -1)
		return -1;

	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++) {
		l = &ls[i];
		if (l->moved_out || l->weekday < 1 || l->weekday > 7 ||
		    l->number < 1 || l->number > 10)
			continue;
		if (l->number > maxnum) {
			for (k = maxnum + 1; k <= l->number; k++)
				req_setf(r, arena_printf(&r->arena,
				    "%s.Rows.%d.number", prefix, k), "%d", k);
			maxnum = l->number;
		}
		state = tt_lesson_state(r, l, &note);
		k = count[l->weekday][l->number]++;
		snprintf(key, sizeof(key), "%s.Rows.%d.Cells.%d.%d", prefix,
		    l->number, l->weekday, k);
#define SETS(f, v)	req_set(r, arena_printf(&r->arena, "%s.%s", key, f), v)
		req_setf(r, arena_printf(&r->arena, "%s.tt_id", key), "%lld",
		    l->tt_id);
		req_setf(r, arena_printf(&r->arena, "%s.change_id", key),
		    "%lld", l->change_id);
		req_setf(r, arena_printf(&r->arena, "%s.group_id", key),
		    "%lld", l->group_id);
		req_setf(r, arena_printf(&r->arena, "%s.teacher_id", key),
		    "%lld", l->teacher_id);
		SETS("date", l->date);
		SETS("group", l->group);
		SETS("kind", l->group_kind);
		SETS("subject", l->subject);
		SETS("teacher", l->teacher);
		SETS("room", l->room);
		SETS("state", state);
		if (note != NULL)
			SETS("note", note);
		if (l->reason != NULL)
			SETS("reason", l->reason);
#undef SETS
	}
	return 0;
}

/* --- Who sees which week --- */

#define OVERSEERS	(ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_INSPECTOR)

DB_STMT(q_week_class_rel,
    "SELECT c.teacher_id <=> ? FROM class c WHERE c.id = ? AND c.school_id = ?");
enum obj_res
obj_week_class(const struct req *r, long long class_id)
{
	int	 rc, mine;

	if (db_query(&q_week_class_rel, "lll", r->sess.person_id, class_id,
	    r->sess.school_id) == -1 || (rc = db_next(&q_week_class_rel)) == -1)
		return OBJ_ERROR;
	if (rc == 0)
		return OBJ_MISSING;
	mine = db_int(&q_week_class_rel, 0) == 1;
	db_done(&q_week_class_rel);
	if (r->sess.roles & (OVERSEERS | ROLE_TEACHER))
		return OBJ_OK;
	if ((r->sess.roles & ROLE_CLASS_TEACHER) && mine)
		return OBJ_OK;
	return OBJ_DENIED;
}

DB_STMT(q_week_teacher_rel,
    "SELECT 1 FROM staff sf JOIN person p ON p.id = sf.person_id"
    " WHERE p.id = ? AND p.school_id = ?");
enum obj_res
obj_week_teacher(const struct req *r, long long person_id)
{
	int	 rc;

	if (db_query(&q_week_teacher_rel, "ll", person_id,
	    r->sess.school_id) == -1 ||
	    (rc = db_next(&q_week_teacher_rel)) == -1)
		return OBJ_ERROR;
	if (rc == 0)
		return OBJ_MISSING;
	db_done(&q_week_teacher_rel);
	if (r->sess.roles & OVERSEERS)
		return OBJ_OK;
	if ((r->sess.roles & (ROLE_TEACHER | ROLE_CLASS_TEACHER)) &&
	    person_id == r->sess.person_id)
		return OBJ_OK;
	return OBJ_DENIED;
}

/* --- The editor --- */

DB_STMT(q_tt_year,
    "SELECT id, starts_on, ends_on, is_open FROM year WHERE school_id = ?"
    " AND starts_on <= ? AND ends_on >= ? ORDER BY starts_on DESC LIMIT 1");

int
db_tt_year_by_date(long long school_id, const char *date, long long *year_id,
    const char **starts, const char **ends, int *open, struct req *r)
{
	int	 rc;

	if (db_query(&q_tt_year, "lss", school_id, date, date) == -1 ||
	    (rc = db_next(&q_tt_year)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	*year_id = db_int(&q_tt_year, 0);
	*starts = arena_strdup(&r->arena, db_str(&q_tt_year, 1));
	*ends = arena_strdup(&r->arena, db_str(&q_tt_year, 2));
	*open = db_int(&q_tt_year, 3) == 1;
	db_done(&q_tt_year);
	return 1;
}

#define TT_COLUMNS \
	"t.id, t.group_id, g.name AS `group`, t.subject_id, s.name AS subject," \
	" t.teacher_id, " SHORT_NAME("p") " AS teacher, t.room, t.weekday," \
	" t.number, t.valid_from, t.valid_to, t.year_id"
#define TT_FROM \
	" FROM timetable t JOIN `groups` g ON g.id = t.group_id" \
	" JOIN subject s ON s.id = t.subject_id" \
	" JOIN person p ON p.id = t.teacher_id"

DB_STMT(q_tt_list_by_class,
    "SELECT " TT_COLUMNS TT_FROM
    " WHERE t.group_id IN (SELECT gc.group_id FROM " GROUP_CLASSES_SQL " gc"
    "   WHERE gc.class_id = ?) AND ? BETWEEN t.valid_from AND t.valid_to"
    " ORDER BY t.weekday, t.number, g.kind = 'class' DESC, g.name");

int
db_tt_list_by_class(struct _hdf *hdf, const char *prefix, long long class_id,
    const char *date)
{
	char		 key[128], num_s[8];
	int		 rc, n = 0, last_d = 0, last_n = 0, k = 0, d, num;
	int		 maxnum = 0;

	if (db_query(&q_tt_list_by_class, "ls", class_id, date) == -1)
		return -1;
	while ((rc = db_next(&q_tt_list_by_class)) == 1) {
		d = (int)db_int(&q_tt_list_by_class, 8);
		num = (int)db_int(&q_tt_list_by_class, 9);
		if (d != last_d || num != last_n)
			k = 0;
		last_d = d;
		last_n = num;
		snprintf(key, sizeof(key), "%s.%d.%d.%d", prefix, d, num, k++);
		db_row_to_hdf(hdf, key, &q_tt_list_by_class);
		if (num > maxnum)
			maxnum = num;
		n++;
	}
	/* The grid's last row: the last lesson, and one free row below it
	 * to add to (at least the usual 8). */
	snprintf(key, sizeof(key), "%s.rows", prefix);
	snprintf(num_s, sizeof(num_s), "%d", maxnum < 8 ? 8 : maxnum < 10 ?
	    maxnum + 1 : 10);
	hdf_set_value(hdf, key, num_s);
	return rc == -1 ? -1 : n;
}

DB_STMT(q_tt_get,
    "SELECT " TT_COLUMNS TT_FROM " WHERE t.id = ? AND t.school_id = ?");

int
db_tt_get(struct _hdf *hdf, const char *prefix, long long school_id,
    long long tt_id, long long *group_id)
{
	int	 rc = -1;

	if (db_query(&q_tt_get, "ll", tt_id, school_id) == -1 ||
	    (rc = db_next(&q_tt_get)) != 1)
		return rc;
	db_row_to_hdf(hdf, prefix, &q_tt_get);
	*group_id = db_int(&q_tt_get, 1);
	db_done(&q_tt_get);
	return 1;
}

/*
 * The first row in the way: same weekday and number, overlapping dates,
 * and the same teacher, the same (non-empty) room, the same group or a
 * group sharing a current student.  Which of them is said by the columns.
 */
DB_STMT(q_tt_conflict,
    "SELECT t.teacher_id = ?, t.room <> '' AND t.room = ?, t.group_id = ?,"
    " g.name, s.name, " FULL_NAME("p") ", t.room,"
    " DATE_FORMAT(GREATEST(t.valid_from, ?), '%d.%m.%Y')"
    TT_FROM
    " WHERE t.school_id = ? AND t.weekday = ? AND t.number = ?"
    " AND t.valid_from <= ? AND t.valid_to >= ? AND t.id <> ?"
    " AND (t.teacher_id = ? OR (t.room <> '' AND t.room = ?)"
    "   OR t.group_id = ? OR EXISTS (SELECT 1 FROM " GROUP_MEMBERS_SQL " ma"
    "   JOIN " GROUP_MEMBERS_SQL " mb ON mb.student_id = ma.student_id"
    "   WHERE ma.group_id = t.group_id AND mb.group_id = ?))"
    " ORDER BY t.valid_from LIMIT 1");

static const char *const day_in[] = { "", "в понедельник", "во вторник",
    "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье" };

int
db_tt_conflict(struct req *r, const struct tt_row *t, const char **msg)
{
	struct db_stmt	*q = &q_tt_conflict;
	const char	*what;
	int		 rc;

	*msg = NULL;
	if (db_query(q, "lslslddssllsll", t->teacher_id, t->room, t->group_id,
	    t->valid_from, r->sess.school_id, t->weekday, t->number,
	    t->valid_to, t->valid_from, t->id, t->teacher_id, t->room,
	    t->group_id, t->group_id) == -1 ||
	    (rc = db_next(q)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	if (db_int(q, 0) == 1)
		what = arena_printf(&r->arena, "у учителя %s уже есть урок",
		    db_str(q, 5));
	else if (db_int(q, 1) == 1)
		what = arena_printf(&r->arena, "кабинет %s уже занят",
		    db_str(q, 6));
	else if (db_int(q, 2) == 1)
		what = arena_printf(&r->arena, "у группы «%s» уже есть урок",
		    db_str(q, 3));
	else
		what = arena_printf(&r->arena, "ученики этой группы уже на "
		    "уроке группы «%s»", db_str(q, 3));
	*msg = arena_printf(&r->arena, "Конфликт расписания: %s %s, %d-й урок "
	    "(с %s): %s, %s, %s.", what, day_in[t->weekday], t->number,
	    db_str(q, 7), db_str(q, 4), db_str(q, 3), db_str(q, 5));
	db_done(q);
	return 1;
}

DB_STMT(q_tt_insert,
    "INSERT INTO timetable (school_id, year_id, group_id, subject_id,"
    " teacher_id, weekday, number, room, valid_from, valid_to)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
DB_STMT(q_tt_update,
    "UPDATE timetable SET group_id = ?, subject_id = ?, teacher_id = ?,"
    " weekday = ?, number = ?, room = ?, valid_from = ?, valid_to = ?"
    " WHERE id = ? AND school_id = ?");

long long
tt_save(struct req *r, const struct tt_row *t)
{
	const char	*val;
	long long	 id = t->id;

	val = arena_printf(&r->arena, "group=%lld subject=%lld teacher=%lld "
	    "weekday=%d number=%d room=%s %s..%s", t->group_id, t->subject_id,
	    t->teacher_id, t->weekday, t->number, t->room, t->valid_from,
	    t->valid_to);
	if (id == 0) {
		if (db_exec(&q_tt_insert, "lllllddsss", r->sess.school_id,
		    t->year_id, t->group_id, t->subject_id, t->teacher_id,
		    t->weekday, t->number, t->room, t->valid_from,
		    t->valid_to) < 0)
			return -1;
		id = (long long)db_last_id();
		if (audit_add(r, "timetable.add", "timetable", id, NULL,
		    val) == -1)
			return -1;
		return id;
	}
	if (db_exec(&q_tt_update, "lllddsssll", t->group_id, t->subject_id,
	    t->teacher_id, t->weekday, t->number, t->room, t->valid_from,
	    t->valid_to, id, r->sess.school_id) < 0 ||
	    audit_add(r, "timetable.change", "timetable", id, NULL, val) == -1)
		return -1;
	return id;
}

DB_STMT(q_tt_delete_changes,
    "DELETE FROM timetable_change WHERE timetable_id = ? AND school_id = ?");
DB_STMT(q_tt_delete,
    "DELETE FROM timetable WHERE id = ? AND school_id = ?");

int
tt_delete(struct req *r, long long tt_id)
{
	if (db_exec(&q_tt_delete_changes, "ll", tt_id, r->sess.school_id) < 0 ||
	    db_exec(&q_tt_delete, "ll", tt_id, r->sess.school_id) < 0 ||
	    audit_add(r, "timetable.delete", "timetable", tt_id, NULL,
	    NULL) == -1)
		return -1;
	return 0;
}

/* --- Changes --- */

DB_STMT(q_changes_by_date,
    "SELECT c.id, c.on_date, c.timetable_id, g.name AS `group`,"
    " s.name AS subject, IFNULL(t.number, c.new_number) AS number,"
    " " SHORT_NAME("pt") " AS teacher, " SHORT_NAME("ps") " AS substitute,"
    " c.is_cancelled AS cancelled, c.new_date, c.new_number, c.room,"
    " t.room AS plan_room, c.reason"
    " FROM timetable_change c LEFT JOIN timetable t ON t.id = c.timetable_id"
    " JOIN `groups` g ON g.id = c.group_id JOIN subject s ON s.id = c.subject_id"
    " LEFT JOIN person pt ON pt.id = t.teacher_id"
    " LEFT JOIN person ps ON ps.id = c.teacher_id"
    " WHERE c.school_id = ? AND (c.on_date = ? OR c.new_date = ?)"
    " ORDER BY t.number, g.name");

int
db_tt_changes_by_date(struct _hdf *hdf, const char *prefix,
    long long school_id, const char *date)
{
	return db_query_hdf(hdf, prefix, &q_changes_by_date, "lss", school_id,
	    date, date);
}

DB_STMT(q_change_row,
    "SELECT t.year_id, t.group_id, t.subject_id, t.teacher_id, t.number,"
    " t.room, y.is_open, ? BETWEEN y.starts_on AND y.ends_on"
    " FROM timetable t JOIN year y ON y.id = t.year_id"
    " WHERE t.id = ? AND t.school_id = ? AND t.weekday = ?"
    " AND ? BETWEEN t.valid_from AND t.valid_to");
DB_STMT(q_change_put,
    "INSERT INTO timetable_change (school_id, year_id, timetable_id, on_date,"
    " group_id, subject_id, teacher_id, absent_teacher_id, is_cancelled,"
    " new_date, new_number, room, reason, created_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
DB_STMT(q_change_drop,
    "DELETE FROM timetable_change WHERE timetable_id = ? AND on_date = ?");

/*
 * Whether the slot (date, number) is taken for this lesson's teacher, room
 * or class, by another lesson that really happens there.  The weeks come
 * from db_week_lessons, so moves and substitutions already count.
 */
static int
slot_busy(struct req *r, long long tt_id, const char *date, int number,
    long long teacher, int substitute, const char *room, long long group_id,
    const char *group_kind, long long class_id, const char **msg)
{
	struct tt_lesson *ls;
	char		 monday[11];
	int		 n, i, pass;

	if (tt_monday(date, monday) == -1)
		return -1;
	for (pass = 0; pass < 3; pass++) {
		if (pass == 1 && (room == NULL || *room == '\0'))
			continue;
		if (pass == 2 && class_id == 0)
			continue;
		n = pass == 0 ? db_week_lessons(r, TT_TEACHER, teacher, NULL,
		    monday, &ls) : pass == 1 ? db_week_lessons(r, TT_ROOM, 0,
		    room, monday, &ls) : db_week_lessons(r, TT_CLASS, class_id,
		    NULL, monday, &ls);
		if (n == -1)
			return -1;
		for (i = 0; i < n; i++) {
			/* A substitute who is away that day themselves. */
			if (pass == 0 && substitute && ls[i].tt_id != tt_id &&
			    ls[i].plan_teacher_id == teacher &&
			    ls[i].teacher_id != teacher && !ls[i].moved_in &&
			    strcmp(ls[i].date, date) == 0) {
				*msg = arena_printf(&r->arena, "Этот учитель "
				    "отсутствует %s: его уроки в этот день "
				    "заменены.", date);
				return 1;
			}
			if (ls[i].tt_id == tt_id || ls[i].cancelled ||
			    ls[i].moved_out || ls[i].number != number ||
			    strcmp(ls[i].date, date) != 0)
				continue;
			if (pass == 0 && ls[i].teacher_id != teacher)
				continue;	/* they were replaced */
			/* Two halves of a split class may share a slot. */
			if (pass == 2 && ls[i].group_id != group_id &&
			    strcmp(ls[i].group_kind, "class") != 0 &&
			    strcmp(group_kind, "class") != 0)
				continue;
			*msg = arena_printf(&r->arena, "%s %s, %d-й урок: %s, "
			    "%s, %s.", pass == 0 ? "Учитель занят" : pass == 1 ?
			    "Кабинет занят" : "У класса уже есть урок", date,
			    number, ls[i].subject, ls[i].group, ls[i].teacher);
			return 1;
		}
	}
	return 0;
}

DB_STMT(q_group_kind,
    "SELECT kind, IFNULL(class_id, 0) FROM `groups` WHERE id = ?");

long long
tt_change_save(struct req *r, const struct tt_change *c, const char **msg)
{
	long long	 year, group, subject, teacher, id, cls = 0;
	const char	*plan_room, *room, *date, *kind = "class";
	char		 buf[16], sub[24], absent[24];
	int		 rc, number, busy;

	*msg = NULL;
	if (db_query(&q_change_row, "sllds", c->new_date ? c->new_date :
	    c->on_date, c->tt_id, r->sess.school_id, tt_weekday(c->on_date),
	    c->on_date) == -1 ||
	    (rc = db_next(&q_change_row)) == -1)
		return -1;
	if (rc == 0) {
		*msg = "В этот день такого урока по расписанию нет.";
		return 0;
	}
	year = db_int(&q_change_row, 0);
	group = db_int(&q_change_row, 1);
	subject = db_int(&q_change_row, 2);
	teacher = db_int(&q_change_row, 3);
	number = (int)db_int(&q_change_row, 4);
	plan_room = arena_strdup(&r->arena, db_str(&q_change_row, 5));
	rc = (int)db_int(&q_change_row, 6);
	busy = (int)db_int(&q_change_row, 7);
	db_done(&q_change_row);
	if (rc != 1) {
		*msg = "Учебный год закрыт: расписание не меняется.";
		return 0;
	}
	if (busy != 1 || (c->new_date && tt_weekday(c->new_date) == 7)) {
		*msg = "Перенести урок можно на учебный день того же учебного "
		    "года (не на воскресенье).";
		return 0;
	}
	if (c->teacher_id == teacher) {
		*msg = "Замена: выберите другого учителя, не того, кто ведёт "
		    "урок по расписанию.";
		return 0;
	}
	if (db_query(&q_group_kind, "l", group) == -1 ||
	    db_next(&q_group_kind) != 1)
		return -1;
	kind = arena_strdup(&r->arena, db_str(&q_group_kind, 0));
	cls = db_int(&q_group_kind, 1);
	db_done(&q_group_kind);

	/* The old change of that lesson that day goes first: it must not
	 * count as a conflict of the new one. */
	if (db_exec(&q_change_drop, "ls", c->tt_id, c->on_date) < 0)
		return -1;
	if (!c->cancelled) {
		date = c->new_date ? c->new_date : c->on_date;
		room = c->room ? c->room : plan_room;
		busy = slot_busy(r, c->tt_id, date, c->new_number ?
		    c->new_number : number, c->teacher_id ? c->teacher_id :
		    teacher, c->teacher_id != 0, room, group, kind,
		    (c->new_date || c->new_number) ? cls : 0, msg);
		/* A substitute or room alone: only their side can clash. */
		if (busy != 0)
			return busy == -1 ? -1 : 0;
		if (c->teacher_id == 0 && c->new_date == NULL &&
		    c->new_number == 0 && c->room == NULL) {
			*msg = "Укажите, что меняется: замена, отмена, кабинет "
			    "или перенос.";
			return 0;
		}
	}
	snprintf(buf, sizeof(buf), "%d", c->new_number);
	snprintf(sub, sizeof(sub), "%lld", c->teacher_id);
	snprintf(absent, sizeof(absent), "%lld", c->absent_teacher_id);
	if (db_exec(&q_change_put, "lllsllssdssssl", r->sess.school_id, year,
	    c->tt_id, c->on_date, group, subject, c->teacher_id ? sub : NULL,
	    c->absent_teacher_id ? absent : NULL, c->cancelled,
	    c->new_date, c->new_number ? buf : NULL, c->room, c->reason,
	    r->sess.account_id) < 0)
		return -1;
	id = (long long)db_last_id();
	if (audit_add(r, "timetable_change.add", "timetable_change", id, NULL,
	    arena_printf(&r->arena, "lesson=%lld on=%s teacher=%lld "
	    "cancelled=%d new_date=%s new_number=%d room=%s reason=%s",
	    c->tt_id, c->on_date, c->teacher_id, c->cancelled,
	    c->new_date ? c->new_date : "", c->new_number,
	    c->room ? c->room : "", c->reason)) == -1)
		return -1;
	return id;
}

DB_STMT(q_change_delete,
    "DELETE FROM timetable_change WHERE id = ? AND school_id = ?");

int
tt_change_delete(struct req *r, long long change_id)
{
	long long	 n;

	if ((n = db_exec(&q_change_delete, "ll", change_id,
	    r->sess.school_id)) < 0)
		return -1;
	if (n == 0)
		return 0;
	if (audit_add(r, "timetable_change.delete", "timetable_change",
	    change_id, NULL, NULL) == -1)
		return -1;
	return 1;
}

/* --- Lists for the choosers --- */

DB_STMT(q_tt_rooms,
    "SELECT DISTINCT room AS name FROM timetable WHERE school_id = ?"
    " AND room <> '' AND ? BETWEEN valid_from AND valid_to"
    " ORDER BY LENGTH(room), room");

int
db_tt_rooms(struct _hdf *hdf, const char *prefix, long long school_id,
    const char *date)
{
	return db_query_hdf(hdf, prefix, &q_tt_rooms, "ls", school_id, date);
}

DB_STMT(q_tt_person,
    "SELECT p.id, " FULL_NAME("p") " AS name FROM person p"
    " WHERE p.id = ? AND p.school_id = ?");

int
db_tt_person_get(struct _hdf *hdf, const char *prefix, long long school_id,
    long long person_id)
{
	return db_row_hdf(hdf, prefix, &q_tt_person, "ll", person_id,
	    school_id);
}

void
tt_today(char buf[11])
{
	clock_iso(buf);
}

DB_STMT(q_tt_end,
    "UPDATE timetable SET valid_to = DATE_SUB(?, INTERVAL 1 DAY)"
    " WHERE id = ? AND school_id = ? AND valid_from < ?");

int
tt_remove(struct req *r, long long tt_id, const char *date)
{
	long long	 n;

	if ((n = db_exec(&q_tt_end, "slls", date, tt_id, r->sess.school_id,
	    date)) < 0)
		return -1;
	if (n == 0)
		return tt_delete(r, tt_id);
	return audit_add(r, "timetable.end", "timetable", tt_id, NULL,
	    arena_printf(&r->arena, "until the day before %s", date));
}

DB_STMT(q_tt_day,
    "SELECT t.id, t.number, g.name AS `group`, s.name AS subject,"
    " " SHORT_NAME("p") " AS teacher, t.teacher_id, t.room"
    TT_FROM " LEFT JOIN class cl ON cl.id = g.class_id"
    " WHERE t.school_id = ? AND t.weekday = ?"
    " AND ? BETWEEN t.valid_from AND t.valid_to"
    " ORDER BY cl.grade IS NULL, cl.grade, cl.letter, t.number, g.name");

int
db_tt_day_lessons(struct _hdf *hdf, const char *prefix, long long school_id,
    const char *date)
{
	return db_query_hdf(hdf, prefix, &q_tt_day, "lds", school_id,
	    tt_weekday(date), date);
}

DB_STMT(q_week_student_rel,
    "SELECT c.teacher_id <=> ?, " FULL_NAME("p") ", cs.class_id"
    " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " JOIN person p ON p.id = cs.student_id"
    " WHERE cs.student_id = ? AND cs.left_on IS NULL AND c.school_id = ?"
    " ORDER BY cs.class_id DESC LIMIT 1");

enum obj_res
obj_week_student(struct req *r, long long student_id)
{
	int	 rc, mine;

	if (db_query(&q_week_student_rel, "lll", r->sess.person_id,
	    student_id, r->sess.school_id) == -1 ||
	    (rc = db_next(&q_week_student_rel)) == -1)
		return OBJ_ERROR;
	if (rc == 0)
		return OBJ_MISSING;
	mine = db_int(&q_week_student_rel, 0) == 1;
	req_set(r, "Student.name", db_str(&q_week_student_rel, 1));
	req_set(r, "Student.class_id", db_str(&q_week_student_rel, 2));
	db_done(&q_week_student_rel);
	if (r->sess.roles & OVERSEERS)
		return OBJ_OK;
	if ((r->sess.roles & ROLE_CLASS_TEACHER) && mine)
		return OBJ_OK;
	return OBJ_DENIED;
}
