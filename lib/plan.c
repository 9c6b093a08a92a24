/*
 * plan.c: the calendar-thematic plan (R29) and the tests schedule.  See
 * plan.h for what the hours are compared with and what "done" means.
 * Numbers stay 1..N without gaps: every change that moves topics does it
 * with one UPDATE ... ORDER BY, in the order that never makes two topics
 * share a number (the unique key would refuse it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "csv.h"
#include "csvimport.h"
#include "db.h"
#include "groups.h"
#include "import.h"
#include "screen.h"
#include "plan.h"
#include "sqlnames.h"

#define KEY_WHERE	" group_id = ? AND subject_id = ? AND teacher_id = ?"
#define KEY_ARGS(k)	(k)->group_id, (k)->subject_id, (k)->teacher_id

/* «68», «67,5», «−3»; buf of 16. */
static const char *
hours_str(char *buf, size_t size, int tenths)
{
	int	 a = tenths < 0 ? -tenths : tenths;

	if (a % 10 == 0)
		snprintf(buf, size, "%s%d", tenths < 0 ? "−" : "", a / 10);
	else
		snprintf(buf, size, "%s%d,%d", tenths < 0 ? "−" : "", a / 10,
		    a % 10);
	return buf;
}

/* --- Whose plan --- */

DB_STMT(q_key_find,
    "SELECT a.teacher_id, g.year_id FROM assignment a"
    " JOIN `groups` g ON g.id = a.group_id"
    " WHERE a.group_id = ? AND a.subject_id = ? AND a.school_id = ?"
    " AND (? = 0 OR a.teacher_id = ?)"
    " ORDER BY a.teacher_id = ? DESC, a.teacher_id LIMIT 1");

int
plan_key_find(const struct req *r, long long group_id, long long subject_id,
    long long want, struct plan_key *key)
{
	int	 rc;

	memset(key, 0, sizeof(*key));
	if (db_query(&q_key_find, "llllll", group_id, subject_id,
	    r->sess.school_id, want, want, r->sess.person_id) == -1 ||
	    (rc = db_next(&q_key_find)) == -1)
		return -1;
	if (rc == 1) {
		key->school_id = r->sess.school_id;
		key->group_id = group_id;
		key->subject_id = subject_id;
		key->teacher_id = db_int(&q_key_find, 0);
		key->year_id = db_int(&q_key_find, 1);
		db_done(&q_key_find);
	}
	return rc;
}

/* --- Reading --- */

DB_STMT(q_plan_head,
    "SELECT g.id AS group_id, g.name AS `group`, s.id AS subject_id,"
    " s.name AS subject, t.id AS teacher_id, " FULL_NAME("t") " AS teacher,"
    " " HOURS_SQL("a.hours") " AS weekly,"
    " CAST(a.hours * 10 AS SIGNED) AS weekly10, y.name AS year, y.is_open,"
    " (SELECT " HOURS_SQL("cu.hours") " FROM curriculum cu"
    "   WHERE cu.class_id = g.class_id AND cu.subject_id = s.id)"
    "   AS curriculum,"
    " DATE_FORMAT(CURDATE(), '%d.%m.%Y') AS today"
    " FROM assignment a JOIN `groups` g ON g.id = a.group_id"
    " JOIN subject s ON s.id = a.subject_id"
    " JOIN person t ON t.id = a.teacher_id JOIN year y ON y.id = g.year_id"
    " WHERE a.group_id = ? AND a.subject_id = ? AND a.teacher_id = ?");
DB_STMT(q_plan_teachers,
    "SELECT t.id, " FULL_NAME("t") " AS name FROM assignment a"
    " JOIN person t ON t.id = a.teacher_id"
    " WHERE a.group_id = ? AND a.subject_id = ? ORDER BY t.id");
DB_STMT(q_plan_topics,
    "SELECT pt.id, pt.number, pt.topic, " HOURS_SQL("pt.hours") " AS hours,"
    " CAST(pt.hours * 10 AS SIGNED) AS tenths, pt.planned_on,"
    " DATE_FORMAT(pt.planned_on, '%d.%m.%Y') AS planned, pt.is_test,"
    " DATE_FORMAT(u.first, '%d.%m.%Y') AS done_on, IFNULL(u.n, 0) AS lessons,"
    " IFNULL(pt.planned_on <= CURDATE(), 0) AS due"
    " FROM plan_topic pt LEFT JOIN (SELECT l.plan_topic_id,"
    "   MIN(l.on_date) AS first, COUNT(*) AS n FROM lesson l"
    "   WHERE l.group_id = ? AND l.subject_id = ?"
    "   AND l.plan_topic_id IS NOT NULL GROUP BY l.plan_topic_id) u"
    "   ON u.plan_topic_id = pt.id"
    " WHERE pt.group_id = ? AND pt.subject_id = ? AND pt.teacher_id = ?"
    " ORDER BY pt.number");

int
plan_load(struct req *r, const char *prefix, const struct plan_key *k,
    struct plan_totals *t)
{
	char		 buf[16];
	const char	*p;
	size_t		 n = 0;
	int		 rc, done, due;

	memset(t, 0, sizeof(*t));
	if (db_query(&q_plan_head, "lll", KEY_ARGS(k)) == -1 ||
	    db_next(&q_plan_head) != 1)
		return -1;
	db_row_to_hdf(r->hdf, prefix, &q_plan_head);
	t->required = (int)db_int(&q_plan_head, 7) * PLAN_WEEKS;
	db_done(&q_plan_head);
	if (db_query_hdf(r->hdf, arena_printf(&r->arena, "%s.Teachers",
	    prefix), &q_plan_teachers, "ll", k->group_id,
	    k->subject_id) == -1)
		return -1;
	if (db_query(&q_plan_topics, "lllll", k->group_id, k->subject_id,
	    KEY_ARGS(k)) == -1)
		return -1;
	while ((rc = db_next(&q_plan_topics)) == 1) {
		p = arena_printf(&r->arena, "%s.Topics.%zu", prefix, n++);
		db_row_to_hdf(r->hdf, p, &q_plan_topics);
		done = db_str(&q_plan_topics, 8) != NULL;
		due = db_int(&q_plan_topics, 10) == 1;
		t->topics++;
		t->done += done;
		t->due += due;
		t->tests += db_int(&q_plan_topics, 7) == 1;
		t->undated += db_str(&q_plan_topics, 5) == NULL;
		t->tenths += (int)db_int(&q_plan_topics, 4);
		if (due && !done)
			req_set(r, arena_printf(&r->arena, "%s.overdue", p),
			    "1");
	}
	if (rc == -1)
		return -1;
	t->ahead = t->done - t->due;

#define TOTAL(name, fmt, v)	req_setf(r, arena_printf(&r->arena, \
	"%s.Total.%s", prefix, (name)), fmt, (v))
	TOTAL("topics", "%d", t->topics);
	TOTAL("done", "%d", t->done);
	TOTAL("tests", "%d", t->tests);
	TOTAL("undated", "%d", t->undated);
	TOTAL("due", "%d", t->due);
	TOTAL("ahead", "%d", t->ahead);
	TOTAL("ahead_abs", "%d", t->ahead < 0 ? -t->ahead : t->ahead);
	TOTAL("weeks", "%d", PLAN_WEEKS);
	TOTAL("hours", "%s", hours_str(buf, sizeof(buf), t->tenths));
	TOTAL("required", "%s", hours_str(buf, sizeof(buf), t->required));
	TOTAL("diff10", "%d", t->tenths - t->required);
	TOTAL("diff_abs", "%s", hours_str(buf, sizeof(buf),
	    abs(t->tenths - t->required)));
#undef TOTAL
	return 0;
}

/*
 * teacher_id 0: the plan of the lowest teacher id that has one for the
 * group and subject (a substitute proposes the absent teacher's topic).
 */
DB_STMT(q_next_topic,
    "SELECT pt.id, pt.topic FROM plan_topic pt"
    " WHERE pt.group_id = ? AND pt.subject_id = ?"
    " AND pt.teacher_id = IF(? = 0, (SELECT MIN(p2.teacher_id)"
    "   FROM plan_topic p2 WHERE p2.group_id = pt.group_id"
    "   AND p2.subject_id = pt.subject_id), ?)"
    " AND NOT EXISTS (SELECT 1 FROM lesson l WHERE l.plan_topic_id = pt.id)"
    " ORDER BY pt.number LIMIT 1");

int
plan_next_topic(long long group_id, long long subject_id,
    long long teacher_id, long long *topic_id, char *text, size_t size)
{
	int	 rc;

	if (db_query(&q_next_topic, "llll", group_id, subject_id, teacher_id,
	    teacher_id) == -1 || (rc = db_next(&q_next_topic)) == -1)
		return -1;
	if (rc == 1) {
		*topic_id = db_int(&q_next_topic, 0);
		if (size > 0)
			snprintf(text, size, "%s", db_str(&q_next_topic, 1));
		db_done(&q_next_topic);
	}
	return rc;
}

DB_STMT(q_topic_get,
    "SELECT id, number, topic, " HOURS_SQL("hours") " AS hours, planned_on,"
    " is_test, EXISTS (SELECT 1 FROM lesson l WHERE l.plan_topic_id ="
    "   plan_topic.id) AS used"
    " FROM plan_topic WHERE id = ? AND" KEY_WHERE);

int
plan_topic_get(struct _hdf *hdf, const char *prefix, const struct plan_key *k,
    long long topic_id)
{
	return db_row_hdf(hdf, prefix, &q_topic_get, "llll", topic_id,
	    KEY_ARGS(k));
}

DB_STMT(q_year_span,
    "SELECT starts_on, ends_on FROM year WHERE id = ?");

int
plan_year_span(long long year_id, char from[11], char to[11])
{
	int	 rc;

	if (db_query(&q_year_span, "l", year_id) == -1 ||
	    (rc = db_next(&q_year_span)) != 1)
		return -1;
	snprintf(from, 11, "%s", db_str(&q_year_span, 0));
	snprintf(to, 11, "%s", db_str(&q_year_span, 1));
	db_done(&q_year_span);
	return 0;
}

/* --- Changing --- */

DB_STMT(q_max_number,
    "SELECT IFNULL(MAX(number), 0) FROM plan_topic WHERE" KEY_WHERE
    " FOR UPDATE");
DB_STMT(q_shift_down,
    "UPDATE plan_topic SET number = number + 1 WHERE" KEY_WHERE
    " AND number >= ? ORDER BY number DESC");
DB_STMT(q_shift_up,
    "UPDATE plan_topic SET number = number - 1 WHERE" KEY_WHERE
    " AND number > ? ORDER BY number");
DB_STMT(q_topic_insert,
    "INSERT INTO plan_topic (school_id, year_id, teacher_id, subject_id,"
    " group_id, number, topic, hours, planned_on, is_test)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ? / 10, ?, ?)");
DB_STMT(q_topic_update,
    "UPDATE plan_topic SET topic = ?, hours = ? / 10, planned_on = ?,"
    " is_test = ? WHERE id = ? AND" KEY_WHERE);
/* What a topic was, for the audit; locks it against a parallel lesson. */
DB_STMT(q_topic_lock,
    "SELECT number, CONCAT(number, '. ', topic, ', ', hours, ' ч',"
    " IFNULL(CONCAT(', ', planned_on), ''), IF(is_test, ', к/р', '')),"
    " EXISTS (SELECT 1 FROM lesson l WHERE l.plan_topic_id ="
    "   plan_topic.id)"
    " FROM plan_topic WHERE id = ? AND" KEY_WHERE " FOR UPDATE");
DB_STMT(q_topic_delete,
    "DELETE FROM plan_topic WHERE id = ?");
DB_STMT(q_neighbour_up,
    "SELECT id, number FROM plan_topic WHERE" KEY_WHERE " AND number < ?"
    " ORDER BY number DESC LIMIT 1 FOR UPDATE");
DB_STMT(q_neighbour_down,
    "SELECT id, number FROM plan_topic WHERE" KEY_WHERE " AND number > ?"
    " ORDER BY number LIMIT 1 FOR UPDATE");
DB_STMT(q_set_number,
    "UPDATE plan_topic SET number = ? WHERE id = ?");
DB_STMT(q_renumber_start, "SET @plan_n = 0");
DB_STMT(q_renumber,
    "UPDATE plan_topic SET number = (@plan_n := @plan_n + 1)"
    " WHERE" KEY_WHERE " ORDER BY number");
DB_STMT(q_plan_used,
    "SELECT COUNT(*) FROM plan_topic pt JOIN lesson l"
    " ON l.plan_topic_id = pt.id WHERE pt.group_id = ? AND"
    " pt.subject_id = ? AND pt.teacher_id = ?");
DB_STMT(q_plan_delete,
    "DELETE FROM plan_topic WHERE" KEY_WHERE);

static const char *
topic_what(struct req *r, const struct plan_topic_in *in, long long number)
{
	char	 buf[16];

	return arena_printf(&r->arena, "%lld. %s, %s ч%s%s%s", number,
	    in->topic, hours_str(buf, sizeof(buf), in->tenths),
	    in->planned_on != NULL ? ", " : "",
	    in->planned_on != NULL ? in->planned_on : "",
	    in->is_test ? ", к/р" : "");
}

/* The topic's number, what it was and whether it is used: 1, 0, -1. */
static int
topic_lock(const struct plan_key *k, long long id, long long *number,
    char *what, size_t size, int *used)
{
	int	 rc;

	if (db_query(&q_topic_lock, "llll", id, KEY_ARGS(k)) == -1 ||
	    (rc = db_next(&q_topic_lock)) == -1)
		return -1;
	if (rc == 1) {
		*number = db_int(&q_topic_lock, 0);
		snprintf(what, size, "%s", db_str(&q_topic_lock, 1));
		*used = db_int(&q_topic_lock, 2) == 1;
		db_done(&q_topic_lock);
	}
	return rc;
}

static long long
max_number(const struct plan_key *k)
{
	long long	 n;

	if (db_query(&q_max_number, "lll", KEY_ARGS(k)) == -1 ||
	    db_next(&q_max_number) != 1)
		return -1;
	n = db_int(&q_max_number, 0);
	db_done(&q_max_number);
	return n;
}

static long long
insert(const struct plan_key *k, long long number,
    const struct plan_topic_in *in)
{
	if (db_exec(&q_topic_insert, "llllllslsd", k->school_id, k->year_id,
	    k->teacher_id, k->subject_id, k->group_id, number, in->topic,
	    (long long)in->tenths, in->planned_on, in->is_test) != 1)
		return -1;
	return (long long)db_last_id();
}

long long
plan_topic_add(struct req *r, const struct plan_key *k,
    const struct plan_topic_in *in)
{
	long long	 max, number, id;

	if ((max = max_number(k)) == -1)
		return -1;
	number = in->number;
	if (number <= 0 || number > max)
		number = max + 1;
	else if (db_exec(&q_shift_down, "llll", KEY_ARGS(k), number) < 0)
		return -1;
	if ((id = insert(k, number, in)) == -1)
		return -1;
	if (audit_add(r, "plan_topic_add", "plan_topic", id, NULL,
	    topic_what(r, in, number)) == -1)
		return -1;
	return id;
}

int
plan_topic_update(struct req *r, const struct plan_key *k, long long id,
    const struct plan_topic_in *in)
{
	char		 old[700];
	long long	 number;
	int		 rc, used;

	if ((rc = topic_lock(k, id, &number, old, sizeof(old), &used)) != 1)
		return rc;
	if (db_exec(&q_topic_update, "slsdllll", in->topic,
	    (long long)in->tenths, in->planned_on, in->is_test, id,
	    KEY_ARGS(k)) < 0)
		return -1;
	return audit_add(r, "plan_topic_edit", "plan_topic", id, old,
	    topic_what(r, in, number)) == -1 ? -1 : 1;
}

int
plan_topic_delete(struct req *r, const struct plan_key *k, long long id)
{
	char		 old[700];
	long long	 number;
	int		 rc, used;

	if ((rc = topic_lock(k, id, &number, old, sizeof(old), &used)) != 1)
		return rc;
	if (used)
		return 2;
	if (db_exec(&q_topic_delete, "l", id) != 1 ||
	    db_exec(&q_shift_up, "llll", KEY_ARGS(k), number) < 0)
		return -1;
	return audit_add(r, "plan_topic_delete", "plan_topic", id, old,
	    NULL) == -1 ? -1 : 1;
}

int
plan_topic_move(struct req *r, const struct plan_key *k, long long id,
    int dir)
{
	struct db_stmt	*q = dir < 0 ? &q_neighbour_up : &q_neighbour_down;
	char		 old[700];
	long long	 number, other, onum;
	int		 rc, used;

	if ((rc = topic_lock(k, id, &number, old, sizeof(old), &used)) != 1)
		return rc;
	if (db_query(q, "llll", KEY_ARGS(k), number) == -1 ||
	    (rc = db_next(q)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	other = db_int(q, 0);
	onum = db_int(q, 1);
	db_done(q);
	/* 0 is never a topic's number: the free slot of the swap. */
	if (db_exec(&q_set_number, "ll", 0LL, id) != 1 ||
	    db_exec(&q_set_number, "ll", number, other) != 1 ||
	    db_exec(&q_set_number, "ll", onum, id) != 1)
		return -1;
	return audit_add(r, "plan_topic_move", "plan_topic", id,
	    arena_printf(&r->arena, "№ %lld", number),
	    arena_printf(&r->arena, "№ %lld", onum)) == -1 ? -1 : 1;
}

int
plan_renumber(struct req *r, const struct plan_key *k)
{
	if (db_exec(&q_renumber_start, "") < 0 ||
	    db_exec(&q_renumber, "lll", KEY_ARGS(k)) < 0)
		return -1;
	return audit_add(r, "plan_renumber", "group", k->group_id,
	    NULL, arena_printf(&r->arena, "предмет %lld, учитель %lld",
	    k->subject_id, k->teacher_id));
}

int
plan_replace(struct req *r, const struct plan_key *k,
    const struct plan_import *im)
{
	long long	 used, removed, id;
	size_t		 i;
	char		 buf[16];

	if (db_query(&q_plan_used, "lll", KEY_ARGS(k)) == -1 ||
	    db_next(&q_plan_used) != 1)
		return -1;
	used = db_int(&q_plan_used, 0);
	db_done(&q_plan_used);
	if (used > 0)
		return 2;
	if ((removed = db_exec(&q_plan_delete, "lll", KEY_ARGS(k))) < 0)
		return -1;
	for (i = 0; i < im->h.nrows; i++)
		if ((id = insert(k, (long long)i + 1, &im->rows[i])) == -1)
			return -1;
	if (audit_add(r, "plan_import", "group", k->group_id,
	    arena_printf(&r->arena, "%lld тем", removed),
	    arena_printf(&r->arena, "предмет %lld, учитель %lld: %zu тем, "
	    "%s ч", k->subject_id, k->teacher_id, im->h.nrows,
	    hours_str(buf, sizeof(buf), im->tenths))) == -1)
		return -1;
	return 1;
}

/* --- Import --- */

enum pcol { P_NUMBER, P_TOPIC, P_HOURS, P_DATE, P_TEST, P__MAX };

static const char *const pcol_names[P__MAX][8] = {
	[P_NUMBER] = { "№", "номер", "№ п/п", "n", "номер урока", "№ урока",
	    "no" },
	[P_TOPIC] = { "тема", "тема урока", "наименование темы",
	    "тема занятия", "наименование раздела, темы", "раздел, тема" },
	[P_HOURS] = { "часы", "часов", "кол-во часов", "количество часов",
	    "ч" },
	[P_DATE] = { "дата", "дата проведения", "планируемая дата",
	    "дата по плану", "плановая дата" },
	[P_TEST] = { "контрольная", "к/р", "контроль", "контрольная работа",
	    "вид контроля" },
};

static int
pcol_of(const char *folded)
{
	size_t	 c, i;

	for (c = 0; c < P__MAX; c++)
		for (i = 0; i < 8 && pcol_names[c][i] != NULL; i++)
			if (strcmp(folded, pcol_names[c][i]) == 0)
				return (int)c;
	return -1;
}

static int
pknown(struct arena *a, const char *field, void *arg)
{
	(void)arg;
	return pcol_of(csv_fold(a, field)) != -1;
}

/* «да», «+», «1», «к/р», «x» -> 1; «», «нет», «0», «-» -> 0; else -1. */
static int
parse_flag(struct arena *a, const char *s)
{
	static const char *const yes[] = { "да", "+", "1", "к/р", "x", "х",
	    "кр", "контрольная", "контрольная работа", "v", "есть" };
	static const char *const no[] = { "", "нет", "0", "-", "—" };
	const char	*f = csv_fold(a, s);
	size_t		 i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(f, yes[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (strcmp(f, no[i]) == 0)
			return 0;
	return -1;
}

static long long
iso_num(const char *iso)
{
	int	 y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	return y * 10000LL + m * 100 + d;
}

static int
by_number(const void *a, const void *b)
{
	const struct plan_topic_in	*x = a, *y = b;

	return x->number < y->number ? -1 : x->number > y->number;
}

int
plan_import_check(struct req *r, struct plan_import *im, const char *data,
    size_t len, const char *from, const char *to)
{
	struct arena		*a = &r->arena;
	const struct csv_row	*rec;
	struct plan_topic_in	*row;
	const char		*v, *msg;
	char			*e;
	long long		 lo = iso_num(from), hi = iso_num(to), d, num;
	size_t			 i, j, line;
	enum csv_res		 res;
	int			 col[P__MAX], c, flag;

	memset(im, 0, sizeof(*im));
	res = csv_parse(a, data, len, PLAN_IMPORT_MAX, pknown, NULL,
	    &im->h.csv, &line);
	if ((im->h.fatal = csvimport_fatal(a, res, line,
	    "«№; Тема; Часы; Дата; Контрольная»", "по теме",
	    PLAN_IMPORT_MAX, "тем", "это не похоже на план одного "
	    "предмета")) != NULL)
		return 0;
	for (c = 0; c < P__MAX; c++)
		col[c] = -1;
	for (i = 0; i < im->h.csv.rows[0].n; i++) {
		c = pcol_of(csv_fold(a, im->h.csv.rows[0].f[i]));
		if (c != -1 && col[c] == -1)
			col[c] = (int)i;
	}
	if (col[P_TOPIC] == -1 || col[P_NUMBER] == -1 || col[P_HOURS] == -1) {
		im->h.fatal = "В первой строке нужны столбцы «№», «Тема» и "
		    "«Часы» (а также, если есть, «Дата» и «Контрольная»).";
		return 0;
	}
	if (im->h.csv.nrows < 2) {
		im->h.fatal = "В файле только строка заголовков: нет ни одной "
		    "темы.";
		return 0;
	}
	im->h.nrows = im->h.csv.nrows - 1;
	im->rows = arena_alloc(a, im->h.nrows * sizeof(*im->rows));
	im->errors = arena_alloc(a, im->h.nrows * sizeof(*im->errors));
	memset(im->rows, 0, im->h.nrows * sizeof(*im->rows));
#define CELL(k)	(col[k] >= 0 && (size_t)col[k] < rec->n ? rec->f[col[k]] : "")
	for (i = 0; i < im->h.nrows; i++) {
		rec = &im->h.csv.rows[i + 1];
		row = &im->rows[i];
		row->line = rec->line;
		e = NULL;
#define ERR(m)	(e = arena_printf(a, "%s%s%s", e ? e : "", e ? "; " : "", (m)))
		v = CELL(P_NUMBER);
		num = strtoll(v, NULL, 10);
		if (*v == '\0' || strspn(v, "0123456789 ") != strlen(v) ||
		    num < 1 || num > 9999)
			ERR("номер — целое число от 1");
		row->number = num;
		v = CELL(P_TOPIC);
		while (*v == ' ')
			v++;
		if (*v == '\0')
			ERR("нет темы");
		else if (utf8_len(v) > 500)
			ERR("тема длиннее 500 символов");
		row->topic = v;
		v = CELL(P_HOURS);
		if (*v == '\0')
			row->tenths = 10;	/* one lesson */
		else if ((row->tenths = tenths_parse(v, 5, 990)) == -1)
			ERR("часы — число от 0,5 до 99, например 1 или 1,5");
		if (row->tenths > 0)
			im->tenths += row->tenths;
		v = CELL(P_DATE);
		if (*v != '\0') {
			d = import_date(v);
			msg = NULL;
			if (d < 0)
				msg = "дата — в виде ДД.ММ.ГГГГ";
			else if (d < lo || d > hi)
				msg = "дата вне учебного года";
			if (msg != NULL)
				ERR(msg);
			else
				row->planned_on = arena_printf(a,
				    "%04lld-%02lld-%02lld", d / 10000,
				    d / 100 % 100, d % 100);
		}
		if ((flag = parse_flag(a, CELL(P_TEST))) == -1)
			ERR("«Контрольная» — «да» или пусто");
		row->is_test = flag == 1;
		for (j = 0; j < i && e == NULL; j++)
			if (im->rows[j].number == row->number)
				ERR(arena_printf(a, "номер %lld уже был в "
				    "строке %zu", num, im->rows[j].line));
		if (e != NULL)
			im->errors[im->h.nerrors++] = arena_printf(a,
			    "Строка %zu: %s.", rec->line, e);
#undef ERR
	}
#undef CELL
	if (im->h.nerrors == 0)
		qsort(im->rows, im->h.nrows, sizeof(*im->rows), by_number);
	return 0;
}

/* --- Lists --- */

/*
 * One row per assignment of the current year, with its plan's state.
 * The plans are aggregated once (a derived table), not per row.
 */
DB_STMT(q_plan_list,
    "SELECT a.group_id, a.subject_id, a.teacher_id,"
    " " CLASS_NAME("c") " AS class, g.name AS `group`, s.name AS subject,"
    " " FULL_NAME("t") " AS teacher, " HOURS_SQL("a.hours") " AS weekly,"
    " " HOURS_SQL("a.hours * ?") " AS required,"
    " " HOURS_SQL("IFNULL(p.hours, 0.0)") " AS hours,"
    " IFNULL(p.topics, 0) AS topics, IFNULL(p.done, 0) AS done,"
    " IFNULL(p.due, 0) AS due,"
    " CAST((IFNULL(p.hours, 0) - a.hours * ?) * 10 AS SIGNED) AS diff10,"
    " " HOURS_SQL("ABS(IFNULL(p.hours, 0) - a.hours * ?)") " AS diff_abs,"
    " CAST(IFNULL(p.done, 0) - IFNULL(p.due, 0) AS SIGNED) AS ahead,"
    " ABS(CAST(IFNULL(p.done, 0) - IFNULL(p.due, 0) AS SIGNED)) AS ahead_abs,"
    " a.teacher_id = ? AS mine"
    " FROM assignment a JOIN current_year cy ON cy.year_id = a.year_id"
    "   AND cy.school_id = a.school_id"
    " JOIN `groups` g ON g.id = a.group_id LEFT JOIN class c"
    "   ON c.id = g.class_id"
    " JOIN subject s ON s.id = a.subject_id"
    " JOIN person t ON t.id = a.teacher_id"
    " LEFT JOIN (SELECT pt.group_id, pt.subject_id, pt.teacher_id,"
    "   SUM(pt.hours) AS hours, COUNT(*) AS topics,"
    "   SUM(u.plan_topic_id IS NOT NULL) AS done,"
    "   SUM(IFNULL(pt.planned_on <= CURDATE(), 0)) AS due"
    "   FROM plan_topic pt LEFT JOIN (SELECT DISTINCT l.plan_topic_id"
    "     FROM lesson l WHERE l.school_id = ?"
    "     AND l.plan_topic_id IS NOT NULL) u ON u.plan_topic_id = pt.id"
    "   WHERE pt.school_id = ? GROUP BY pt.group_id, pt.subject_id,"
    "   pt.teacher_id) p ON p.group_id = a.group_id"
    "   AND p.subject_id = a.subject_id AND p.teacher_id = a.teacher_id"
    " WHERE a.school_id = ? AND (? = 1 OR a.teacher_id = ?"
    "   OR EXISTS (SELECT 1 FROM " GROUP_CLASSES_SQL " gc"
    "     JOIN class c2 ON c2.id = gc.class_id"
    "     WHERE gc.group_id = a.group_id AND c2.teacher_id = ?))"
    " ORDER BY a.teacher_id = ? DESC, c.grade IS NULL, c.grade, c.letter,"
    " g.name, s.id, t.last_name, t.id");

int
plan_list(struct req *r, const char *prefix, int all)
{
	long long	 me = r->sess.person_id, sch = r->sess.school_id;

	return db_query_hdf(r->hdf, prefix, &q_plan_list, "lllllllllll",
	    (long long)PLAN_WEEKS, (long long)PLAN_WEEKS,
	    (long long)PLAN_WEEKS, me, sch, sch, sch, (long long)all, me, me,
	    me) == -1 ? -1 : 0;
}

/* --- The tests schedule --- */

DB_STMT(q_tests_class,
    "SELECT 1 FROM class c JOIN current_year cy ON cy.year_id = c.year_id"
    " WHERE c.id = ? AND c.school_id = ?");

enum obj_res
obj_tests_class(const struct req *r, long long class_id)
{
	int	 rc;

	if (db_query(&q_tests_class, "ll", class_id, r->sess.school_id) == -1
	    || (rc = db_next(&q_tests_class)) == -1)
		return OBJ_ERROR;
	db_done(&q_tests_class);
	return rc == 1 ? OBJ_OK : OBJ_MISSING;
}

DB_STMT(q_tests_classes,
    "SELECT c.id, " CLASS_NAME("c") " AS name, c.teacher_id <=> ? AS mine"
    " FROM class c JOIN current_year cy ON cy.year_id = c.year_id"
    " WHERE c.school_id = ? ORDER BY c.grade, c.letter");

int
db_tests_classes(struct _hdf *hdf, const char *prefix, long long school_id,
    long long person_id)
{
	return db_query_hdf(hdf, prefix, &q_tests_classes, "ll", person_id,
	    school_id);
}


/*
 * Held: a lesson with a test form of work.  Planned: a test topic of a
 * plan not covered by a lesson yet (once covered, the lesson's own forms
 * of work say whether a test was written).  A plain UNION ALL ordered by
 * position: as a derived table it cost MariaDB more to plan than to run.
 */
DB_STMT(q_tests,
    "SELECT STRAIGHT_JOIN l.on_date AS d,"
    "   DATE_FORMAT(l.on_date, '%d.%m.%Y') AS day, DAYOFWEEK(l.on_date),"
    "   'held' AS kind, s.id AS subject_id, s.name AS subject, g.name AS grp,"
    "   CONCAT(wk.name, IF(lw.topic <> '', CONCAT(': ', lw.topic),"
    "   CONCAT(': ', l.topic))) AS what, " FULL_NAME("t") " AS teacher"
    /* Driven by the groups' lessons (lesson's group_date key). */
    "   FROM lesson l"
    "   JOIN lesson_work lw ON lw.lesson_id = l.id"
    "   JOIN work_kind wk ON wk.id = lw.work_kind_id AND wk.is_test = 1"
    "   JOIN `groups` g ON g.id = l.group_id"
    "   JOIN subject s ON s.id = l.subject_id"
    "   JOIN person t ON t.id = l.teacher_id"
    "   WHERE l.group_id IN " DB_IDS " AND l.on_date BETWEEN ? AND ?"
    " UNION ALL"
    " SELECT STRAIGHT_JOIN pt.planned_on,"
    "   DATE_FORMAT(pt.planned_on, '%d.%m.%Y'), DAYOFWEEK(pt.planned_on),"
    "   'planned', s.id, s.name, g.name, pt.topic, " FULL_NAME("t")
    "   FROM plan_topic pt"
    "   JOIN `groups` g ON g.id = pt.group_id"
    "   JOIN subject s ON s.id = pt.subject_id"
    "   JOIN person t ON t.id = pt.teacher_id"
    /* An anti-join by the index per topic: as NOT EXISTS the optimizer
     * materialized every covered topic of the school (2.5 ms a page). */
    "   LEFT JOIN lesson l2 ON l2.plan_topic_id = pt.id"
    "   WHERE pt.group_id IN " DB_IDS " AND pt.planned_on BETWEEN ? AND ?"
    "   AND pt.is_test = 1 AND l2.id IS NULL"
    " ORDER BY 1, 6, 4, 7");

int
tests_schedule(struct req *r, const char *prefix, const long long *groups,
    int ngroups, const char *from, const char *to, long long max)
{
	static const char *const dows[] = { "", "воскресенье", "понедельник",
	    "вторник", "среда", "четверг", "пятница", "суббота" };
	struct db_stmt	*q = &q_tests;
	char		 last[11] = "";
	const char	*day = NULL, *it;
	long long	 subj[64];
	size_t		 nday = 0, nitem = 0, nsubj = 0, i;
	int		 rc, over = 0, dow;

	if (db_query(q, "Iss" "Iss", groups, (size_t)ngroups, from, to,
	    groups, (size_t)ngroups, from, to) == -1)
		return -1;
#define CLOSE_DAY() do { if (day != NULL) { \
	req_setf(r, arena_printf(&r->arena, "%s.count", day), "%zu", nsubj); \
	if ((long long)nsubj > max) { over++; \
	req_set(r, arena_printf(&r->arena, "%s.over", day), "1"); } } } while (0)
	while ((rc = db_next(q)) == 1) {
		if (strcmp(last, db_str(q, 0)) != 0) {
			CLOSE_DAY();
			snprintf(last, sizeof(last), "%s", db_str(q, 0));
			day = arena_printf(&r->arena, "%s.Days.%zu", prefix,
			    nday++);
			req_set(r, arena_printf(&r->arena, "%s.date", day),
			    db_str(q, 1));
			/* dd.mm of dd.mm.yyyy, for short lists (the diary). */
			req_setf(r, arena_printf(&r->arena, "%s.short", day),
			    "%.5s", db_str(q, 1));
			dow = (int)db_int(q, 2);
			req_set(r, arena_printf(&r->arena, "%s.dow", day),
			    dow >= 1 && dow <= 7 ? dows[dow] : "");
			nitem = nsubj = 0;
		}
		for (i = 0; i < nsubj && subj[i] != db_int(q, 4); i++)
			;
		if (i == nsubj && nsubj < sizeof(subj) / sizeof(subj[0]))
			subj[nsubj++] = db_int(q, 4);
		it = arena_printf(&r->arena, "%s.Items.%zu", day, nitem++);
		req_set(r, arena_printf(&r->arena, "%s.kind", it),
		    db_str(q, 3));
		req_set(r, arena_printf(&r->arena, "%s.subject", it),
		    db_str(q, 5));
		req_set(r, arena_printf(&r->arena, "%s.group", it),
		    db_str(q, 6));
		req_set(r, arena_printf(&r->arena, "%s.what", it),
		    db_str(q, 7));
		req_set(r, arena_printf(&r->arena, "%s.teacher", it),
		    db_str(q, 8));
	}
	if (rc == -1)
		return -1;
	CLOSE_DAY();
#undef CLOSE_DAY
	req_setf(r, arena_printf(&r->arena, "%s.over", prefix), "%d", over);
	req_setf(r, arena_printf(&r->arena, "%s.days", prefix), "%zu", nday);
	return over;
}
