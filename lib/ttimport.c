/*
 * ttimport.c: the timetable from CSV (see ttimport.h).  Everything the
 * check needs (classes, groups, load, subjects, teachers, the rows that
 * stay) is read with one query each into arrays; the rows are then
 * checked in C, so the check costs the same few queries for 30 rows or
 * 3000.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "csvimport.h"
#include "db.h"
#include "groups.h"
#include "screen.h"
#include "sqlnames.h"
#include "timetable.h"
#include "ttimport.h"

enum { C_CLASS, C_DAY, C_NUM, C_SUBJECT, C_TEACHER, C_ROOM, C_GROUP, C__MAX };

/* Header names, folded (csv_fold). */
static const char *const colnames[C__MAX][5] = {
	[C_CLASS] =	{ "класс", "классы", NULL },
	[C_DAY] =	{ "день недели", "день", NULL },
	[C_NUM] =	{ "номер урока", "урок", "№ урока", "номер", "№" },
	[C_SUBJECT] =	{ "предмет", "дисциплина", NULL },
	[C_TEACHER] =	{ "учитель", "преподаватель", "фио учителя", NULL },
	[C_ROOM] =	{ "кабинет", "аудитория", "каб", NULL },
	[C_GROUP] =	{ "группа", "подгруппа", NULL },
};

static int
column_of(const char *folded)
{
	int	 c, k;

	for (c = 0; c < C__MAX; c++)
		for (k = 0; k < 5 && colnames[c][k] != NULL; k++)
			if (strcmp(folded, colnames[c][k]) == 0)
				return c;
	return -1;
}

static int
known(struct arena *a, const char *field, void *arg)
{
	(void)arg;
	return column_of(csv_fold(a, field)) != -1;
}

struct t_class { long long id; const char *key; const char *name; };
struct t_group { long long id, class_id, subject_id; const char *key, *name,
    *kind; };
struct t_assign { long long teacher, subject, group; };
struct t_subject { long long id; const char *key, *skey, *name; };
struct t_teacher { long long id; const char *full, *brief, *name; };
struct t_stay { long long id, group_id, teacher_id, class_id; int weekday,
    number; const char *room, *kind, *group, *teacher; };
struct t_gclass { long long group_id, class_id; };

struct ctx {
	struct t_class	*cl;	size_t ncl;
	struct t_group	*gr;	size_t ngr;
	struct t_assign	*as;	size_t nas;
	struct t_subject *su;	size_t nsu;
	struct t_teacher *te;	size_t nte;
	struct t_stay	*st;	size_t nst;
	struct t_gclass	*gc;	size_t ngc;
};

/* Letters and digits only, folded: «Иванова А. Б.» and «Иванова А.Б.»
 * meet as «ивановааб». */
static const char *
squeeze(struct arena *a, const char *s)
{
	char	*f = csv_fold(a, s), *o = f, *p;

	for (p = f; *p != '\0'; p++)
		if (*p != ' ' && *p != '.' && *p != ',')
			*o++ = *p;
	*o = '\0';
	return f;
}

/* The first character (UTF-8) of s, folded, in the arena. */
static const char *
initial(struct arena *a, const char *s)
{
	const char	*f = csv_fold(a, s);
	size_t		 n = 1;

	if (*f == '\0')
		return "";
	if (((unsigned char)*f & 0xe0) == 0xc0)
		n = 2;
	else if (((unsigned char)*f & 0xf0) == 0xe0)
		n = 3;
	return arena_strndup(a, f, n);
}

#define GROW(arr, n, cap) do { \
	if ((n) == (cap)) { \
		void *nw_; \
		(cap) = (cap) ? (cap) * 2 : 64; \
		nw_ = arena_alloc(&r->arena, (cap) * sizeof(*(arr))); \
		if ((n) > 0) \
			memcpy(nw_, (arr), (n) * sizeof(*(arr))); \
		(arr) = nw_; \
	} \
} while (0)
#define DUP(q, i)	(db_str((q), (i)) ? arena_strdup(&r->arena, \
			    db_str((q), (i))) : "")

DB_STMT(q_tti_classes,
    "SELECT id, " CLASS_NAME("c") " FROM class c"
    " WHERE school_id = ? AND year_id = ?");
DB_STMT(q_tti_groups,
    "SELECT id, name, kind, IFNULL(class_id, 0), IFNULL(subject_id, 0)"
    " FROM `groups` WHERE school_id = ? AND year_id = ?");
DB_STMT(q_tti_assign,
    "SELECT teacher_id, subject_id, group_id FROM assignment"
    " WHERE school_id = ? AND year_id = ?");
DB_STMT(q_tti_subjects,
    "SELECT id, name, short_name FROM subject WHERE school_id = ?");
DB_STMT(q_tti_teachers,
    "SELECT DISTINCT p.id, p.last_name, p.first_name, p.middle_name,"
    " " FULL_NAME("p") " FROM staff st JOIN person p ON p.id = st.person_id"
    " JOIN account a ON a.person_id = p.id AND a.is_active = 1"
    " JOIN account_role ar ON ar.account_id = a.id AND ar.role = 'teacher'"
    " WHERE p.school_id = ? AND st.dismissed_on IS NULL");
DB_STMT(q_tti_gclasses,
    "SELECT gc.group_id, gc.class_id FROM " GROUP_CLASSES_SQL " gc"
    " JOIN `groups` g ON g.id = gc.group_id"
    " WHERE g.school_id = ? AND g.year_id = ?");
/* Every row valid on some day from..to: those that stay are picked in C. */
DB_STMT(q_tti_rows,
    "SELECT t.id, t.group_id, t.teacher_id, IFNULL(g.class_id, 0), t.weekday,"
    " t.number, t.room, g.kind, g.name, " FULL_NAME("p")
    " FROM timetable t JOIN `groups` g ON g.id = t.group_id"
    " JOIN person p ON p.id = t.teacher_id"
    " WHERE t.school_id = ? AND t.valid_to >= ? AND t.valid_from <= ?");

static int
load(struct req *r, struct ctx *x, long long year, const char *from,
    const char *to)
{
	struct arena	*a = &r->arena;
	long long	 school = r->sess.school_id;
	size_t		 cap;
	int		 rc;

	memset(x, 0, sizeof(*x));
	if (db_query(&q_tti_classes, "ll", school, year) == -1)
		return -1;
	for (cap = 0; (rc = db_next(&q_tti_classes)) == 1; x->ncl++) {
		GROW(x->cl, x->ncl, cap);
		x->cl[x->ncl].id = db_int(&q_tti_classes, 0);
		x->cl[x->ncl].name = DUP(&q_tti_classes, 1);
		x->cl[x->ncl].key = squeeze(a, x->cl[x->ncl].name);
	}
	if (rc == -1 || db_query(&q_tti_groups, "ll", school, year) == -1)
		return -1;
	for (cap = 0; (rc = db_next(&q_tti_groups)) == 1; x->ngr++) {
		GROW(x->gr, x->ngr, cap);
		x->gr[x->ngr].id = db_int(&q_tti_groups, 0);
		x->gr[x->ngr].name = DUP(&q_tti_groups, 1);
		x->gr[x->ngr].key = csv_fold(a, x->gr[x->ngr].name);
		x->gr[x->ngr].kind = DUP(&q_tti_groups, 2);
		x->gr[x->ngr].class_id = db_int(&q_tti_groups, 3);
		x->gr[x->ngr].subject_id = db_int(&q_tti_groups, 4);
	}
	if (rc == -1 || db_query(&q_tti_assign, "ll", school, year) == -1)
		return -1;
	for (cap = 0; (rc = db_next(&q_tti_assign)) == 1; x->nas++) {
		GROW(x->as, x->nas, cap);
		x->as[x->nas].teacher = db_int(&q_tti_assign, 0);
		x->as[x->nas].subject = db_int(&q_tti_assign, 1);
		x->as[x->nas].group = db_int(&q_tti_assign, 2);
	}
	if (rc == -1 || db_query(&q_tti_subjects, "l", school) == -1)
		return -1;
	for (cap = 0; (rc = db_next(&q_tti_subjects)) == 1; x->nsu++) {
		GROW(x->su, x->nsu, cap);
		x->su[x->nsu].id = db_int(&q_tti_subjects, 0);
		x->su[x->nsu].name = DUP(&q_tti_subjects, 1);
		x->su[x->nsu].key = csv_fold(a, x->su[x->nsu].name);
		x->su[x->nsu].skey = csv_fold(a, DUP(&q_tti_subjects, 2));
	}
	if (rc == -1 || db_query(&q_tti_teachers, "l", school) == -1)
		return -1;
	for (cap = 0; (rc = db_next(&q_tti_teachers)) == 1; x->nte++) {
		const char *l = DUP(&q_tti_teachers, 1),
		    *f = DUP(&q_tti_teachers, 2), *m = DUP(&q_tti_teachers, 3);

		GROW(x->te, x->nte, cap);
		x->te[x->nte].id = db_int(&q_tti_teachers, 0);
		x->te[x->nte].name = DUP(&q_tti_teachers, 4);
		x->te[x->nte].full = squeeze(a, arena_printf(a, "%s%s%s", l, f,
		    m));
		x->te[x->nte].brief = squeeze(a, arena_printf(a, "%s%s%s", l,
		    initial(a, f), initial(a, m)));
	}
	if (rc == -1 || db_query(&q_tti_gclasses, "ll", school, year) == -1)
		return -1;
	for (cap = 0; (rc = db_next(&q_tti_gclasses)) == 1; x->ngc++) {
		GROW(x->gc, x->ngc, cap);
		x->gc[x->ngc].group_id = db_int(&q_tti_gclasses, 0);
		x->gc[x->ngc].class_id = db_int(&q_tti_gclasses, 1);
	}
	if (rc == -1 || db_query(&q_tti_rows, "lss", school, from, to) == -1)
		return -1;
	for (cap = 0; (rc = db_next(&q_tti_rows)) == 1; x->nst++) {
		GROW(x->st, x->nst, cap);
		x->st[x->nst].id = db_int(&q_tti_rows, 0);
		x->st[x->nst].group_id = db_int(&q_tti_rows, 1);
		x->st[x->nst].teacher_id = db_int(&q_tti_rows, 2);
		x->st[x->nst].class_id = db_int(&q_tti_rows, 3);
		x->st[x->nst].weekday = (int)db_int(&q_tti_rows, 4);
		x->st[x->nst].number = (int)db_int(&q_tti_rows, 5);
		x->st[x->nst].room = DUP(&q_tti_rows, 6);
		x->st[x->nst].kind = DUP(&q_tti_rows, 7);
		x->st[x->nst].group = DUP(&q_tti_rows, 8);
		x->st[x->nst].teacher = DUP(&q_tti_rows, 9);
	}
	return rc == -1 ? -1 : 0;
}

/* Whether two groups can share a student: the same group, or classes in
 * common where one of them is the whole class or a stream. */
static int
groups_meet(const struct ctx *x, long long g1, const char *k1, long long g2,
    const char *k2)
{
	size_t	 i, j;

	if (g1 == g2)
		return 1;
	if (strcmp(k1, "class") != 0 && strcmp(k1, "stream") != 0 &&
	    strcmp(k2, "class") != 0 && strcmp(k2, "stream") != 0)
		return 0;	/* two parts of classes: halves, one student */
	for (i = 0; i < x->ngc; i++) {
		if (x->gc[i].group_id != g1)
			continue;
		for (j = 0; j < x->ngc; j++)
			if (x->gc[j].group_id == g2 &&
			    x->gc[j].class_id == x->gc[i].class_id)
				return 1;
	}
	return 0;
}

static int
weekday_of(struct arena *a, const char *s)
{
	static const struct { const char *p; int d; } days[] = {
		{ "пн", 1 }, { "по", 1 }, { "вт", 2 }, { "ср", 3 },
		{ "чт", 4 }, { "че", 4 }, { "пт", 5 }, { "пя", 5 },
		{ "сб", 6 }, { "су", 6 },
	};
	const char	*f = csv_fold(a, s);
	size_t		 i;

	if (f[0] >= '1' && f[0] <= '6' && f[1] == '\0')
		return f[0] - '0';
	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++)
		if (strncmp(f, days[i].p, 4) == 0)
			return days[i].d;
	return 0;
}

static void
row_error(struct req *r, struct tti_row *row, const char *msg)
{
	row->error = row->error == NULL ? arena_printf(&r->arena,
	    "Строка %zu: %s", row->line, msg) : arena_printf(&r->arena,
	    "%s; %s", row->error, msg);
}

static void
warn(struct req *r, struct tti *t, size_t *cap, const char *msg)
{
	GROW(t->h.warnings, t->h.nwarnings, *cap);
	t->h.warnings[t->h.nwarnings++] = (char *)msg;
}

static const char *const day_at[] = { "", "в понедельник", "во вторник",
    "в среду", "в четверг", "в пятницу", "в субботу" };

/* Resolve one record into row; errors into row->error. */
static void
resolve(struct req *r, struct tti *t, const struct ctx *x,
    const struct csv_row *rec, const int *col, struct tti_row *row,
    size_t *wcap)
{
	struct arena	*a = &r->arena;
	const char	*v[C__MAX], *key;
	size_t		 i, n;
	long long	 cand;
	int		 c;
	char		*end;

	for (c = 0; c < C__MAX; c++)
		v[c] = col[c] >= 0 && (size_t)col[c] < rec->n ?
		    rec->f[col[c]] : "";
	row->line = rec->line;
	row->class_name = v[C_CLASS];
	row->room = v[C_ROOM];
	/* Class, or a group named in the class column (a stream). */
	key = squeeze(a, v[C_CLASS]);
	for (i = 0; i < x->ncl && strcmp(x->cl[i].key, key) != 0; i++)
		;
	if (i < x->ncl)
		row->class_id = x->cl[i].id;
	else {
		key = csv_fold(a, v[C_CLASS]);
		for (i = 0; i < x->ngr && strcmp(x->gr[i].key, key) != 0; i++)
			;
		if (i == x->ngr || *key == '\0')
			row_error(r, row, arena_printf(a, "нет класса или "
			    "группы «%s»", v[C_CLASS]));
		else {
			row->group_id = x->gr[i].id;
			row->class_id = x->gr[i].class_id;
		}
	}
	if ((row->weekday = weekday_of(a, v[C_DAY])) == 0)
		row_error(r, row, arena_printf(a, "день недели «%s» не понят "
		    "(пн…сб или 1…6)", v[C_DAY]));
	row->number = (int)strtol(v[C_NUM], &end, 10);
	if (*v[C_NUM] == '\0' || *end != '\0' || row->number < 1 ||
	    row->number > 10) {
		row_error(r, row, arena_printf(a, "номер урока «%s»: нужно "
		    "число от 1 до 10", v[C_NUM]));
		row->number = 0;
	}
	key = csv_fold(a, v[C_SUBJECT]);
	for (i = 0; i < x->nsu && strcmp(x->su[i].key, key) != 0 &&
	    strcmp(x->su[i].skey, key) != 0; i++)
		;
	if (i == x->nsu)
		row_error(r, row, arena_printf(a, "нет предмета «%s»",
		    v[C_SUBJECT]));
	else {
		row->subject_id = x->su[i].id;
		row->subject = x->su[i].name;
	}
	key = squeeze(a, v[C_TEACHER]);
	for (i = 0, n = 0; i < x->nte; i++)
		if (*key != '\0' && (strcmp(x->te[i].full, key) == 0 ||
		    strcmp(x->te[i].brief, key) == 0)) {
			if (n++ == 0) {
				row->teacher_id = x->te[i].id;
				row->teacher = x->te[i].name;
			}
		}
	if (n == 0)
		row_error(r, row, arena_printf(a, "нет учителя «%s»",
		    v[C_TEACHER]));
	else if (n > 1) {
		row->teacher_id = 0;
		row_error(r, row, arena_printf(a, "учитель «%s» неоднозначен: "
		    "напишите фамилию, имя и отчество полностью",
		    v[C_TEACHER]));
	}
	if (utf8_len(row->room) > 20)
		row_error(r, row, "кабинет длиннее 20 символов");

	/* The group: named, or found through the load. */
	if (row->group_id == 0 && row->class_id != 0 && *v[C_GROUP] != '\0') {
		key = csv_fold(a, v[C_GROUP]);
		for (i = 0; i < x->ngr && !(strcmp(x->gr[i].key, key) == 0 &&
		    x->gr[i].class_id == row->class_id); i++)
			;
		if (i == x->ngr)
			row_error(r, row, arena_printf(a, "в классе «%s» нет "
			    "группы «%s»", v[C_CLASS], v[C_GROUP]));
		else
			row->group_id = x->gr[i].id;
	} else if (row->group_id == 0 && row->class_id != 0 &&
	    row->subject_id != 0 && row->teacher_id != 0) {
		cand = 0;
		for (i = 0, n = 0; i < x->nas; i++) {
			size_t g;

			if (x->as[i].teacher != row->teacher_id ||
			    x->as[i].subject != row->subject_id)
				continue;
			for (g = 0; g < x->ngr && x->gr[g].id !=
			    x->as[i].group; g++)
				;
			if (g == x->ngr || x->gr[g].class_id != row->class_id)
				continue;
			if (strcmp(x->gr[g].kind, "class") == 0) {
				cand = x->gr[g].id;
				n = 1;
				break;
			}
			if (n++ == 0)
				cand = x->gr[g].id;
		}
		if (n > 1)
			row_error(r, row, "у учителя несколько групп этого "
			    "класса по предмету: укажите группу в столбце "
			    "«группа»");
		else if (n == 1)
			row->group_id = cand;
		else {
			for (i = 0; i < x->ngr && !(x->gr[i].class_id ==
			    row->class_id && strcmp(x->gr[i].kind, "class") ==
			    0); i++)
				;
			if (i == x->ngr)
				row_error(r, row, "у класса нет группы «весь "
				    "класс»");
			else {
				row->group_id = x->gr[i].id;
				warn(r, t, wcap, arena_printf(a, "Строка %zu: "
				    "%s не ведёт «%s» в классе %s по нагрузке "
				    "(проверьте нагрузку)", row->line,
				    row->teacher, row->subject, v[C_CLASS]));
			}
		}
	}
	for (i = 0; row->group_id != 0 && i < x->ngr; i++)
		if (x->gr[i].id == row->group_id) {
			row->group = x->gr[i].name;
			row->kind = x->gr[i].kind;
		}
}

/* Whether the existing row stays (is not of a class or stream replaced). */
static int
stays(const struct tti *t, const struct t_stay *s)
{
	size_t	 i;

	if (strcmp(s->kind, "stream") == 0) {
		for (i = 0; i < t->nstreams; i++)
			if (t->streams[i] == s->group_id)
				return 0;
		return 1;
	}
	for (i = 0; i < t->nclasses; i++)
		if (t->classes[i] == s->class_id)
			return 0;
	return 1;
}

int
tti_check(struct req *r, struct tti *t, const char *data, size_t len,
    const char *from)
{
	struct arena	*a = &r->arena;
	struct ctx	 x;
	struct tti_row	*row, *o;
	const char	*starts;
	size_t		 line = 0, i, j, wcap = 0, ccap = 0, scap = 0;
	enum csv_res	 res;
	int		 col[C__MAX], c, open, rc;

	memset(t, 0, sizeof(*t));
	t->from = from;
	if ((rc = db_tt_year_by_date(r->sess.school_id, from, &t->year_id,
	    &starts, &t->to, &open, r)) == -1)
		return -1;
	if (rc == 0 || !open) {
		t->h.fatal = "На эту дату нет открытого учебного года.";
		return 0;
	}
	res = csv_parse(a, data, len, TTI_ROWS_MAX, known, NULL, &t->h.csv,
	    &line);
	if ((t->h.fatal = csvimport_fatal(a, res, line,
	    "«Класс; День; Урок; Предмет; Учитель; Кабинет»", "по уроку",
	    TTI_ROWS_MAX, "строк", "разделите его по классам")) != NULL)
		return 0;
	for (c = 0; c < C__MAX; c++)
		col[c] = -1;
	for (i = 0; i < t->h.csv.rows[0].n; i++)
		if ((c = column_of(csv_fold(a, t->h.csv.rows[0].f[i]))) != -1 &&
		    col[c] == -1)
			col[c] = (int)i;
	if (col[C_CLASS] < 0 || col[C_DAY] < 0 || col[C_NUM] < 0 ||
	    col[C_SUBJECT] < 0 || col[C_TEACHER] < 0) {
		t->h.fatal = "Нужны столбцы: класс; день недели; номер урока; "
		    "предмет; учитель (и, по желанию, кабинет, группа).";
		return 0;
	}
	if (load(r, &x, t->year_id, from, t->to) == -1)
		return -1;

	t->h.nrows = t->h.csv.nrows - 1;
	t->rows = arena_alloc(a, (t->h.nrows + 1) * sizeof(*t->rows));
	memset(t->rows, 0, (t->h.nrows + 1) * sizeof(*t->rows));
	for (i = 0; i < t->h.nrows; i++) {
		row = &t->rows[i];
		resolve(r, t, &x, &t->h.csv.rows[i + 1], col, row, &wcap);
		/* The classes (and streams) whose timetable is replaced. */
		if (row->class_id != 0 && row->kind != NULL &&
		    strcmp(row->kind, "stream") != 0) {
			for (j = 0; j < t->nclasses &&
			    t->classes[j] != row->class_id; j++)
				;
			if (j == t->nclasses) {
				GROW(t->classes, t->nclasses, ccap);
				t->classes[t->nclasses++] = row->class_id;
			}
		} else if (row->kind != NULL) {
			for (j = 0; j < t->nstreams &&
			    t->streams[j] != row->group_id; j++)
				;
			if (j == t->nstreams) {
				GROW(t->streams, t->nstreams, scap);
				t->streams[t->nstreams++] = row->group_id;
			}
		}
	}

	/* Conflicts: inside the file, then with the rows that stay. */
	for (i = 0; i < t->h.nrows; i++) {
		row = &t->rows[i];
		if (row->group_id == 0 || row->teacher_id == 0 ||
		    row->weekday == 0 || row->number == 0)
			continue;
		for (j = 0; j < i; j++) {
			o = &t->rows[j];
			if (o->group_id == 0 || o->teacher_id == 0 ||
			    o->weekday != row->weekday ||
			    o->number != row->number)
				continue;
			if (o->teacher_id == row->teacher_id)
				row_error(r, row, arena_printf(a, "учитель %s "
				    "уже ведёт урок %s, %d-й урок (строка %zu)",
				    row->teacher, day_at[row->weekday],
				    row->number, o->line));
			else if (*row->room != '\0' &&
			    strcmp(o->room, row->room) == 0)
				row_error(r, row, arena_printf(a, "кабинет %s "
				    "уже занят %s, %d-й урок (строка %zu)",
				    row->room, day_at[row->weekday],
				    row->number, o->line));
			else if (groups_meet(&x, row->group_id, row->kind,
			    o->group_id, o->kind))
				row_error(r, row, arena_printf(a, "у группы "
				    "«%s» уже есть урок %s, %d-й урок (строка "
				    "%zu)", row->group, day_at[row->weekday],
				    row->number, o->line));
			else
				continue;
			break;
		}
		for (j = 0; j < x.nst; j++) {
			const struct t_stay *s = &x.st[j];

			if (s->weekday != row->weekday ||
			    s->number != row->number || !stays(t, s))
				continue;
			if (s->teacher_id == row->teacher_id)
				row_error(r, row, arena_printf(a, "учитель %s "
				    "уже ведёт урок группы «%s» в расписании "
				    "(%s, %d-й урок)", row->teacher, s->group,
				    day_at[row->weekday], row->number));
			else if (*row->room != '\0' &&
			    strcmp(s->room, row->room) == 0)
				row_error(r, row, arena_printf(a, "кабинет %s "
				    "занят группой «%s» в расписании", row->room,
				    s->group));
			else if (groups_meet(&x, row->group_id, row->kind,
			    s->group_id, s->kind))
				row_error(r, row, arena_printf(a, "у учеников "
				    "уже есть урок группы «%s» в расписании",
				    s->group));
			else
				continue;
			break;
		}
	}
	for (i = 0; i < t->h.nrows; i++)
		if (t->rows[i].error != NULL)
			t->h.nerrors++;
	if (t->h.nrows == 0)
		t->h.fatal = "В файле нет строк с уроками.";
	return 0;
}

/* The rows of a class's own groups (class_id) or of one stream (id), and
 * their changes from the date, end or go. */
DB_STMT(q_tti_drop_changes,
    "DELETE c FROM timetable_change c JOIN timetable t ON t.id = c.timetable_id"
    " JOIN `groups` g ON g.id = t.group_id WHERE t.school_id = ?"
    " AND (g.class_id = ? OR g.id = ?)"
    " AND c.on_date >= ? AND t.valid_to >= ?");
DB_STMT(q_tti_end,
    "UPDATE timetable t JOIN `groups` g ON g.id = t.group_id"
    " SET t.valid_to = DATE_SUB(?, INTERVAL 1 DAY) WHERE t.school_id = ?"
    " AND (g.class_id = ? OR g.id = ?)"
    " AND t.valid_from < ? AND t.valid_to >= ?");
DB_STMT(q_tti_drop,
    "DELETE t FROM timetable t JOIN `groups` g ON g.id = t.group_id"
    " WHERE t.school_id = ? AND (g.class_id = ? OR g.id = ?)"
    " AND t.valid_from >= ?");
DB_STMT(q_tti_insert,
    "INSERT INTO timetable (school_id, year_id, group_id, subject_id,"
    " teacher_id, weekday, number, room, valid_from, valid_to)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

int
tti_commit(struct req *r, struct tti *t, long long *ended)
{
	long long	 school = r->sess.school_id, cls, grp, n;
	size_t		 i;
	int		 isclass;
	struct tti_row	*row;


	*ended = 0;
	/* Classes: their own groups, not the streams (isclass = 1);
	 * streams named in the file: that group only. */
	for (i = 0; i < t->nclasses + t->nstreams; i++) {
		isclass = i < t->nclasses;
		cls = isclass ? t->classes[i] : 0;
		grp = isclass ? 0 : t->streams[i - t->nclasses];
		if (db_exec(&q_tti_drop_changes, "lllss", school, cls, grp,
		    t->from, t->from) < 0 ||
		    (n = db_exec(&q_tti_end, "slllss", t->from, school, cls,
		    grp, t->from, t->from)) < 0)
			return -1;
		*ended += n;
		if ((n = db_exec(&q_tti_drop, "llls", school, cls, grp,
		    t->from)) < 0)
			return -1;
		*ended += n;
	}
	for (i = 0; i < t->h.nrows; i++) {
		row = &t->rows[i];
		if (db_exec(&q_tti_insert, "lllllddsss", school, t->year_id,
		    row->group_id, row->subject_id, row->teacher_id,
		    row->weekday, row->number, row->room, t->from, t->to) < 0)
			return -1;
	}
	return audit_add(r, "timetable.import", "timetable", 0, NULL,
	    arena_printf(&r->arena, "rows=%zu classes=%zu streams=%zu from=%s "
	    "replaced=%lld", t->h.nrows, t->nclasses, t->nstreams, t->from,
	    *ended));
}
