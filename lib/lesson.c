/*
 * lesson.c: lessons of a journal (R19, R20, R22) and the teacher's list
 * of journals.  The caller has run obj_journal_write for the lesson's
 * group, subject and date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "groups.h"
#include "screen.h"
#include "lesson.h"
#include "plan.h"
#include "rules.h"
#include "sqlnames.h"
#include "timetable.h"

DB_STMT(q_lesson_get,
    "SELECT l.id, l.group_id, l.subject_id, l.on_date, l.number, l.topic,"
    " l.covered, l.homework, l.year_id FROM lesson l"
    " WHERE l.id = ? AND l.school_id = ?");
DB_STMT(q_lesson_works,
    "SELECT lw.work_kind_id, wk.name FROM lesson_work lw"
    " JOIN work_kind wk ON wk.id = lw.work_kind_id"
    " WHERE lw.lesson_id = ? ORDER BY lw.sort, lw.id");
DB_STMT(q_lesson_hw,
    "SELECT student_id, text FROM homework_student WHERE lesson_id = ?");

int
db_lesson_get(struct req *r, const char *prefix, long long lesson_id,
    struct lesson_head *out)
{
	int	 rc = -1;

	if (db_query(&q_lesson_get, "ll", lesson_id, r->sess.school_id) ==
	    -1 || (rc = db_next(&q_lesson_get)) != 1)
		return rc;
	db_row_to_hdf(r->hdf, prefix, &q_lesson_get);
	out->id = lesson_id;
	out->group_id = db_int(&q_lesson_get, 1);
	out->subject_id = db_int(&q_lesson_get, 2);
	snprintf(out->on_date, sizeof(out->on_date), "%s",
	    db_str(&q_lesson_get, 3) != NULL ? db_str(&q_lesson_get, 3) : "");
	db_done(&q_lesson_get);
	if (db_query_hdf(r->hdf, arena_printf(&r->arena, "%s.Works", prefix),
	    &q_lesson_works, "l", lesson_id) == -1 ||
	    db_query(&q_lesson_hw, "l", lesson_id) == -1)
		return -1;
	while ((rc = db_next(&q_lesson_hw)) == 1)
		req_set(r, arena_printf(&r->arena, "%s.Hw.%s", prefix,
		    db_str(&q_lesson_hw, 0)), db_str(&q_lesson_hw, 1));
	return rc == -1 ? -1 : 1;
}

static int	lesson_at(struct req *, long long, long long, const char *,
		    int, long long *, long long *);

/*
 * The timetable's lessons of the journal that day (with the day's
 * changes: lib/timetable.c), the first not entered yet; all entered: the
 * first.  0 when the timetable has none (or on an error: only a proposal).
 */
int
db_lesson_number_proposed(struct req *r, long long group_id,
    long long subject_id, const char *on_date)
{
	struct tt_due	*due;
	long long	 id, work_id;
	int		 n, i, first = 0;

	if ((n = db_tt_due_journal(r, group_id, subject_id, on_date, on_date,
	    &due)) <= 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (due[i].number == 0)
			continue;
		if (first == 0)
			first = due[i].number;
		if (lesson_at(r, group_id, subject_id, on_date, due[i].number,
		    &id, &work_id) == 0)
			return due[i].number;
	}
	return first;
}

/* The grade of a group: its class's, for a stream its youngest member's. */
#define GROUP_GRADE_SQL(g) \
	"COALESCE((SELECT c.grade FROM class c WHERE c.id = " g ".class_id)," \
	" (SELECT MIN(c.grade) FROM group_student gs JOIN class_student cs" \
	"   ON cs.student_id = gs.student_id AND cs.left_on IS NULL" \
	"   JOIN class c ON c.id = cs.class_id WHERE gs.group_id = " g ".id))"

/* The periods of the group's grade, for rule_lesson_day_ok. */
DB_STMT(q_date_periods,
    "SELECT p.starts_on, p.ends_on FROM `groups` g JOIN period p"
    " ON p.year_id = g.year_id WHERE g.id = ?"
    " AND " GROUP_GRADE_SQL("g") " BETWEEN p.grade_from AND p.grade_to");

int
db_lesson_date_ok(long long group_id, const char *on_date)
{
	struct rule_span	 p;
	long			 day, today = clock_today();
	int			 rc, ok = 0;

	if (date_parse(on_date, &day) == -1)
		return 0;
	if (db_query(&q_date_periods, "l", group_id) == -1)
		return -1;
	/* One period at a time: the date is fine in any of them. */
	while ((rc = db_next(&q_date_periods)) == 1)
		if (date_parse(db_str(&q_date_periods, 0), &p.from) == 0 &&
		    date_parse(db_str(&q_date_periods, 1), &p.to) == 0 &&
		    rule_lesson_day_ok(day, today, &p, 1))
			ok = 1;
	if (rc == -1)
		return -1;
	return ok;
}

DB_STMT(q_work_names,
    "SELECT name, short_name FROM work_kind WHERE school_id = ?");

/* Lowercase Russian and Latin letters in place (UTF-8, Cyrillic А-Я, Ё). */
static void
lower_ru(char *s)
{
	unsigned char	*p = (unsigned char *)s;

	for (; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p += 32;
		else if (p[0] == 0xD0 && p[1] >= 0x90 && p[1] <= 0x9F)
			p[1] += 0x20, p++;
		else if (p[0] == 0xD0 && p[1] >= 0xA0 && p[1] <= 0xAF)
			p[0] = 0xD1, p[1] -= 0x20, p++;
		else if (p[0] == 0xD0 && p[1] == 0x81)
			p[0] = 0xD1, p[1] = 0x91, p++;
		else if (p[0] >= 0xC0 && p[1] != 0)
			p++;
	}
}

/* Next word: letters only (ASCII or any multibyte character); NULL at end. */
static char *
next_word(char **sp)
{
	unsigned char	*p = (unsigned char *)*sp, *w;
	int		 n, i;

	while (*p && *p < 0x80 && !((*p >= 'a' && *p <= 'z')))
		p++;
	if (*p == 0)
		return NULL;
	w = p;
	while (*p && (*p >= 0x80 || (*p >= 'a' && *p <= 'z'))) {
		/* «№» (E2 84 96) and quotes are not letters. */
		if (*p == 0xE2 || *p == 0xC2)
			break;
		p++;
	}
	if (p == w) {	/* a non-letter multibyte character: skip it */
		p += *p == 0xE2 ? 3 : 2;
		*sp = (char *)p;
		return next_word(sp);
	}
	if (*p == 0xE2 || *p == 0xC2) {
		/* End the word without leaving half a character behind. */
		n = *p == 0xE2 ? 3 : 2;
		*p = 0;
		for (i = 1; i < n && p[i] != 0; i++)
			;
		p += i;
	} else if (*p)
		*p++ = 0;
	*sp = (char *)p;
	return (char *)w;
}

/* Words that name a work or its number, never its subject matter. */
static const char *const filler[] = {
	"по", "теме", "тема", "тему", "на", "номер", "вариант", "урок",
	"no", "n", "и", "к", "за", "четверть", "четверти", "полугодие",
	"итоговая", "входная", "входной", "итоговый", NULL
};

int
lesson_topic_meaningful(struct req *r, const char *topic)
{
	char		*t, *w, *names, *np, *nw;
	struct buf	 all = { 0 };
	size_t		 i;
	int		 rc, found, meaningful = 0;

	if (db_query(&q_work_names, "l", r->sess.school_id) == -1)
		return -1;
	while ((rc = db_next(&q_work_names)) == 1) {
		buf_printf(&all, " %s %s", db_str(&q_work_names, 0),
		    db_str(&q_work_names, 1));
	}
	if (rc == -1) {
		buf_free(&all);
		return -1;
	}
	names = arena_strdup(&r->arena, all.data != NULL ? all.data : "");
	buf_free(&all);
	lower_ru(names);
	t = arena_strdup(&r->arena, topic);
	lower_ru(t);
	while (!meaningful && (w = next_word(&t)) != NULL) {
		found = 0;
		for (i = 0; filler[i] != NULL && !found; i++)
			found = strcmp(w, filler[i]) == 0;
		np = arena_strdup(&r->arena, names);
		while (!found && (nw = next_word(&np)) != NULL)
			found = strcmp(w, nw) == 0;
		if (!found)
			meaningful = 1;
	}
	return meaningful;
}

DB_STMT(q_need_topic,
    "SELECT COUNT(*) FROM work_kind WHERE school_id = ? AND needs_topic = 1"
    " AND FIND_IN_SET(id, ?) > 0");

/* "1,2,3" of ids, for FIND_IN_SET (a parameter, never SQL text). */
static char *
id_list(struct req *r, const long long *ids, size_t n)
{
	char	*s = arena_strdup(&r->arena, "");
	size_t	 i;

	for (i = 0; i < n; i++)
		s = arena_printf(&r->arena, "%s%s%lld", s, i ? "," : "", ids[i]);
	return s;
}

int
db_work_kinds_need_topic(long long school_id, const long long *ids, size_t n)
{
	char	 buf[2048];
	size_t	 i, len = 0;
	int	 c;

	buf[0] = 0;
	for (i = 0; i < n && len < sizeof(buf) - 24; i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%lld",
		    i ? "," : "", ids[i]);
	if (db_query(&q_need_topic, "ls", school_id, buf) == -1 ||
	    db_next(&q_need_topic) != 1)
		return -1;
	c = db_int(&q_need_topic, 0) > 0;
	db_done(&q_need_topic);
	return c;
}

/* Whether the writer teaches it, else whom they replace that day (R22). */
DB_STMT(q_writer_role,
    "SELECT EXISTS (SELECT 1 FROM assignment a WHERE a.group_id = ?"
    "   AND a.subject_id = ? AND a.teacher_id = ?),"
    " (SELECT COALESCE(tc.absent_teacher_id, (SELECT a2.teacher_id"
    "   FROM assignment a2 WHERE a2.group_id = tc.group_id"
    "   AND a2.subject_id = tc.subject_id ORDER BY a2.id LIMIT 1))"
    "   FROM timetable_change tc WHERE tc.group_id = ? AND tc.subject_id = ?"
    "   AND tc.teacher_id = ? AND tc.is_cancelled = 0"
    "   AND COALESCE(tc.new_date, tc.on_date) = ? LIMIT 1)");
DB_STMT(q_lesson_insert,
    "INSERT INTO lesson (school_id, year_id, group_id, subject_id,"
    " teacher_id, substitute_for, on_date, number, topic, covered, homework,"
    " homework_at, created_by, plan_topic_id) SELECT g.school_id, g.year_id,"
    " g.id, ?, ?, NULLIF(?, 0), ?, NULLIF(?, 0), ?, ?, ?,"
    " IF(? <> '', NOW(), NULL), ?,"
    " (SELECT pt.id FROM plan_topic pt WHERE pt.id = ? AND pt.group_id = g.id"
    "   AND pt.subject_id = ?)"	/* a topic of this journal's plan only */
    " FROM `groups` g WHERE g.id = ?");
DB_STMT(q_lesson_update,
    "UPDATE lesson SET on_date = ?, number = NULLIF(?, 0), topic = ?,"
    " covered = ?, homework_at = IF(? = '', NULL, IF(homework = ?,"
    "   homework_at, COALESCE(homework_at, NOW()))), homework = ?"
    " WHERE id = ? AND school_id = ?");
DB_STMT(q_work_add,
    "INSERT INTO lesson_work (lesson_id, work_kind_id, topic, sort)"
    " SELECT ?, wk.id, IF(wk.needs_topic, ?, ''), ? FROM work_kind wk"
    " WHERE wk.id = ? AND wk.school_id = ? AND NOT EXISTS (SELECT 1"
    "   FROM lesson_work x WHERE x.lesson_id = ? AND x.work_kind_id = wk.id)");
DB_STMT(q_work_default,
    "INSERT INTO lesson_work (lesson_id, work_kind_id, topic, sort)"
    " SELECT ?, wk.id, '', 0 FROM work_kind wk WHERE wk.school_id = ?"
    " AND wk.is_archived = 0 AND NOT EXISTS (SELECT 1 FROM lesson_work x"
    "   WHERE x.lesson_id = ?) ORDER BY wk.sort LIMIT 1");
/* A column that holds marks stays: its marks must not vanish. */
DB_STMT(q_work_drop,
    "DELETE lw FROM lesson_work lw WHERE lw.lesson_id = ?"
    " AND FIND_IN_SET(lw.work_kind_id, ?) = 0"
    " AND NOT EXISTS (SELECT 1 FROM mark m WHERE m.lesson_work_id = lw.id)");
DB_STMT(q_work_topic,
    "UPDATE lesson_work lw JOIN work_kind wk ON wk.id = lw.work_kind_id"
    " SET lw.topic = ? WHERE lw.lesson_id = ? AND wk.needs_topic = 1");
DB_STMT(q_hw_clear, "DELETE FROM homework_student WHERE lesson_id = ?");
DB_STMT(q_hw_add,
    "INSERT INTO homework_student (lesson_id, student_id, text)"
    " SELECT l.id, m.student_id, ? FROM lesson l JOIN " GROUP_MEMBERS_SQL
    " m ON m.group_id = l.group_id WHERE l.id = ? AND m.student_id = ?");

long long
lesson_save(struct req *r, const struct lesson_in *in)
{
	long long	 id = in->id, absent = 0;
	const char	*list;
	size_t		 i;
	int		 teaches = 0, rc;

	if (db_query(&q_writer_role, "lllllls", in->group_id, in->subject_id,
	    r->sess.person_id, in->group_id, in->subject_id,
	    r->sess.person_id, in->on_date) == -1 ||
	    (rc = db_next(&q_writer_role)) != 1)
		return -1;
	teaches = db_int(&q_writer_role, 0) == 1;
	if (db_str(&q_writer_role, 1) != NULL)
		absent = db_int(&q_writer_role, 1);
	db_done(&q_writer_role);
	if (id == 0) {
		if (db_exec(&q_lesson_insert, "lllsdssssllll", in->subject_id,
		    r->sess.person_id, teaches ? (long long)0 : absent,
		    in->on_date, in->number, in->topic, in->covered,
		    in->homework, in->homework, r->sess.account_id,
		    in->plan_topic_id, in->subject_id, in->group_id) != 1)
			return -1;
		id = (long long)db_last_id();
	} else if (db_exec(&q_lesson_update, "sdsssssll", in->on_date,
	    in->number, in->topic, in->covered, in->homework, in->homework,
	    in->homework, id, r->sess.school_id) < 0)
		return -1;
	list = id_list(r, in->works, in->nworks);
	if (db_exec(&q_work_drop, "ls", id, list) < 0)
		return -1;
	for (i = 0; i < in->nworks; i++)
		if (db_exec(&q_work_add, "lsdlll", id, in->topic, (int)(i + 1),
		    in->works[i], r->sess.school_id, id) < 0)
			return -1;
	if (db_exec(&q_work_default, "lll", id, r->sess.school_id, id) < 0 ||
	    db_exec(&q_work_topic, "sl", in->topic, id) < 0 ||
	    db_exec(&q_hw_clear, "l", id) < 0)
		return -1;
	for (i = 0; i < in->nhw; i++)
		if (in->hw_texts[i] != NULL && in->hw_texts[i][0] != '\0' &&
		    db_exec(&q_hw_add, "sll", in->hw_texts[i], id,
		    in->hw_students[i]) < 0)
			return -1;
	if (audit_add(r, in->id ? "lesson_update" : "lesson_create", "lesson",
	    id, NULL, arena_printf(&r->arena, "%s %s%s", in->on_date,
	    in->topic, !teaches && absent ? " (замена)" : "")) == -1)
		return -1;
	return id;
}

DB_STMT(q_journals_by_teacher,
    "SELECT j.group_id, g.name AS `group`, j.subject_id, s.name AS subject,"
    " MIN(j.substitute) AS substitute FROM ("
    "  SELECT a.group_id, a.subject_id, 0 AS substitute FROM assignment a"
    "  JOIN current_year cy ON cy.year_id = a.year_id"
    "  WHERE a.school_id = ? AND a.teacher_id = ?"
    "  UNION ALL SELECT tc.group_id, tc.subject_id, 1 FROM timetable_change tc"
    "  JOIN current_year cy ON cy.year_id = tc.year_id"
    "  WHERE tc.school_id = ? AND tc.teacher_id = ? AND tc.is_cancelled = 0"
    "  UNION ALL SELECT l.group_id, l.subject_id, 1 FROM lesson l"
    "  JOIN current_year cy ON cy.year_id = l.year_id"
    "  WHERE l.school_id = ? AND l.teacher_id = ?"
    "  AND l.substitute_for IS NOT NULL) j"
    " JOIN `groups` g ON g.id = j.group_id JOIN subject s ON s.id = j.subject_id"
    " GROUP BY j.group_id, g.name, j.subject_id, s.name"
    " ORDER BY MIN(j.substitute), g.name, s.name");

int
db_journals_by_teacher(struct _hdf *hdf, const char *prefix,
    long long school_id, long long person_id)
{
	return db_query_hdf(hdf, prefix, &q_journals_by_teacher, "llllll",
	    school_id, person_id, school_id, person_id, school_id, person_id);
}

DB_STMT(q_group_students,
    "SELECT p.id, " FULL_NAME("p") " AS name FROM " GROUP_MEMBERS_SQL " gm"
    " JOIN person p ON p.id = gm.student_id WHERE gm.group_id = ?"
    " ORDER BY p.last_name, p.first_name, p.middle_name, p.id");

int
db_group_students(struct _hdf *hdf, const char *prefix, long long group_id)
{
	return db_query_hdf(hdf, prefix, &q_group_students, "l", group_id);
}

DB_STMT(q_journal_names,
    "SELECT g.name AS `group`, s.name AS subject,"
    " " GROUP_GRADE_SQL("g") " AS grade FROM `groups` g"
    " JOIN subject s ON s.school_id = g.school_id"
    " WHERE g.id = ? AND s.id = ? AND g.school_id = ?");

DB_STMT(q_group_grade,
    "SELECT " GROUP_GRADE_SQL("g") " FROM `groups` g"
    " WHERE g.id = ? AND g.school_id = ?");

int
db_group_grade(long long group_id, long long school_id)
{
	int	 rc, grade = 0;

	if (db_query(&q_group_grade, "ll", group_id, school_id) == -1 ||
	    (rc = db_next(&q_group_grade)) == -1)
		return -1;
	if (rc == 1) {
		if (db_str(&q_group_grade, 0) != NULL)
			grade = (int)db_int(&q_group_grade, 0);
		db_done(&q_group_grade);
	}
	return grade;
}

int
db_journal_names(struct _hdf *hdf, const char *prefix, long long group_id,
    long long subject_id, long long school_id)
{
	return db_row_hdf(hdf, prefix, &q_journal_names, "lll", group_id,
	    subject_id, school_id);
}

DB_STMT(q_journals_by_class_teacher,
    "SELECT DISTINCT a.group_id, g.name AS `group`, a.subject_id,"
    " s.name AS subject, " CLASS_NAME("c") " AS class FROM class c"
    " JOIN current_year cy ON cy.year_id = c.year_id"
    " JOIN " LED_CLASS_GROUPS_SQL " gc ON gc.class_id = c.id"
    " JOIN assignment a ON a.group_id = gc.group_id"
    " JOIN `groups` g ON g.id = a.group_id JOIN subject s ON s.id = a.subject_id"
    " WHERE c.school_id = ? AND c.teacher_id = ?"
    " ORDER BY c.grade, c.letter, s.name, g.name");

int
db_journals_by_class_teacher(struct _hdf *hdf, const char *prefix,
    long long school_id, long long person_id)
{
	return db_query_hdf(hdf, prefix, &q_journals_by_class_teacher, "llll",
	    person_id, person_id, school_id, person_id);
}

int
lesson_plan_topic(struct req *r, long long group_id, long long subject_id,
    long long *topic_id, const char **text)
{
	char	 buf[512];
	int	 rc;

	*topic_id = 0;
	*text = "";
	if ((rc = plan_next_topic(group_id, subject_id, r->sess.person_id,
	    topic_id, buf, sizeof(buf))) == 0)
		rc = plan_next_topic(group_id, subject_id, 0, topic_id, buf,
		    sizeof(buf));
	if (rc == 1)
		*text = arena_strdup(&r->arena, buf);
	return rc;
}

/*
 * Two saves of one new lesson at once (two cells typed into its column
 * before the first answer): the group's row is locked first, so the
 * second waits and then finds the first's lesson with a locking read
 * (which sees what was committed meanwhile, unlike the transaction's
 * snapshot).  Only writers of a lesson lock it, and only when none was
 * found without the lock.
 */
DB_STMT(q_group_lock,
    "SELECT id FROM `groups` WHERE id = ? AND school_id = ? FOR UPDATE");
/*
 * A join, not a subquery for the column: the whole statement is a locking
 * read, which sees what a concurrent cell's transaction committed while
 * this one waited for the group's lock (a subquery read the snapshot
 * taken before: the lesson without its column, and the cell failed).
 */
DB_STMT(q_lesson_at,
    "SELECT l.id, lw.id FROM lesson l"
    " LEFT JOIN lesson_work lw ON lw.lesson_id = l.id"
    " WHERE l.group_id = ? AND l.subject_id = ? AND l.on_date = ?"
    " AND l.number = ? AND l.school_id = ?"
    " ORDER BY l.id, lw.sort, lw.id LIMIT 1 FOR UPDATE");

/* The lesson at the slot and its first column: 1, 0 none, -1. */
static int
lesson_at(struct req *r, long long group_id, long long subject_id,
    const char *on_date, int number, long long *id, long long *work_id)
{
	int	 rc;

	if (db_query(&q_lesson_at, "llsdl", group_id, subject_id, on_date,
	    number, r->sess.school_id) == -1 ||
	    (rc = db_next(&q_lesson_at)) == -1)
		return -1;
	if (rc == 1) {
		*id = db_int(&q_lesson_at, 0);
		*work_id = db_str(&q_lesson_at, 1) != NULL ?
		    db_int(&q_lesson_at, 1) : 0;
		db_done(&q_lesson_at);
	}
	return rc;
}

int
lesson_slot_ok(struct req *r, long long group_id, long long subject_id,
    const char *on_date, int number)
{
	struct tt_due	*due;
	int		 n, i, rc;

	if ((rc = db_lesson_date_ok(group_id, on_date)) != 1)
		return rc;
	if ((n = db_tt_due_journal(r, group_id, subject_id, on_date, on_date,
	    &due)) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (due[i].number == number)
			return 1;
	return 0;
}

int
lesson_slot_taken(struct req *r, long long group_id, long long subject_id,
    const char *on_date, int number, long long except_id)
{
	long long	 id = 0, work_id;
	int		 rc;

	/* The lock lesson_ensure takes: a cell saved meanwhile waits. */
	if (db_query(&q_group_lock, "ll", group_id, r->sess.school_id) == -1 ||
	    (rc = db_next(&q_group_lock)) == -1)
		return -1;
	if (rc == 1)
		db_done(&q_group_lock);
	if ((rc = lesson_at(r, group_id, subject_id, on_date, number, &id,
	    &work_id)) == -1)
		return -1;
	return rc == 1 && id != except_id;
}

long long
lesson_ensure(struct req *r, long long group_id, long long subject_id,
    const char *on_date, int number, long long *work_id, int *created)
{
	struct lesson_in	 in;
	long long		 id = 0;
	int			 rc;

	*work_id = 0;
	*created = 0;
	if ((rc = lesson_slot_ok(r, group_id, subject_id, on_date,
	    number)) != 1)
		return rc;
	if (db_query(&q_group_lock, "ll", group_id, r->sess.school_id) == -1 ||
	    (rc = db_next(&q_group_lock)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	db_done(&q_group_lock);
	if ((rc = lesson_at(r, group_id, subject_id, on_date, number, &id,
	    work_id)) == -1)
		return -1;
	if (rc == 0) {
		/* New: the plan's next topic (R29), the default column. */
		memset(&in, 0, sizeof(in));
		in.group_id = group_id;
		in.subject_id = subject_id;
		in.on_date = on_date;
		in.number = number;
		in.covered = in.homework = "";
		if (lesson_plan_topic(r, group_id, subject_id,
		    &in.plan_topic_id, &in.topic) == -1)
			return -1;
		if ((id = lesson_save(r, &in)) == -1 ||
		    lesson_at(r, group_id, subject_id, on_date, number, &id,
		    work_id) != 1)
			return -1;
		*created = 1;
	}
	/* A lesson without columns (made before columns were kept): its
	 * default one. */
	if (*work_id == 0 && (db_exec(&q_work_default, "lll", id,
	    r->sess.school_id, id) < 0 || lesson_at(r, group_id, subject_id,
	    on_date, number, &id, work_id) != 1 || *work_id == 0))
		return -1;
	return id;
}

DB_STMT(q_lesson_head,
    "UPDATE lesson SET topic = ?, homework_at = IF(? = '', NULL,"
    "   IF(homework = ?, homework_at, COALESCE(homework_at, NOW()))),"
    " homework = ? WHERE id = ? AND school_id = ?");
DB_STMT(q_lesson_needs_topic,
    "SELECT EXISTS (SELECT 1 FROM lesson_work lw JOIN work_kind wk"
    "   ON wk.id = lw.work_kind_id WHERE lw.lesson_id = ?"
    "   AND wk.needs_topic = 1)");

int
lesson_head_save(struct req *r, long long id, const char *topic,
    const char *homework, const char **msg)
{
	int	 rc;

	*msg = NULL;
	/* R20: a lesson with a test names what the test is about. */
	if (db_query(&q_lesson_needs_topic, "l", id) == -1 ||
	    db_next(&q_lesson_needs_topic) != 1)
		return -1;
	rc = db_int(&q_lesson_needs_topic, 0) == 1;
	db_done(&q_lesson_needs_topic);
	if (rc && (rc = lesson_topic_meaningful(r, topic)) != 1) {
		if (rc == -1)
			return -1;
		*msg = "Тема должна говорить, о чём работа: например,"
		    " «Контрольная работа по теме „Дроби“».";
		return 0;
	}
	if (db_exec(&q_lesson_head, "ssssll", topic, homework, homework,
	    homework, id, r->sess.school_id) < 0 ||
	    db_exec(&q_work_topic, "sl", topic, id) < 0 ||
	    audit_add(r, "lesson_update", "lesson", id, NULL,
	    arena_printf(&r->arena, "%s; ДЗ: %s", topic, homework)) == -1)
		return -1;
	return 1;
}
