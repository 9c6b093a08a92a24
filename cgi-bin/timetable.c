/*
 * timetable: the deputy director's editor of one class's weekly timetable
 * (R15): weekday × lesson number, each cell the lessons of the class's
 * groups valid on the date shown; add, change or remove an entry for a
 * span of dates.  A conflict (one teacher, room or group, or two groups
 * sharing students, in two places at once on overlapping dates) is
 * refused with a message naming it (409).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classes.h"
#include "groups.h"
#include "screen.h"
#include "timetable.h"

enum { K_CLASS, K_DATE, K_EDIT, K_ID, K_ACTION, K_GROUP, K_SUBJECT,
    K_TEACHER, K_WEEKDAY, K_NUMBER, K_ROOM, K_FROM, K_TO, K__MAX };

static const struct key keys[K__MAX] = {
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_DATE] =	{ "date", v_date, 0 },
	[K_EDIT] =	{ "edit", v_id, 0 },
	[K_ID] =	{ "id", v_id, 0 },
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_GROUP] =	{ "group", v_id, 0 },
	[K_SUBJECT] =	{ "subject", v_id, 0 },
	[K_TEACHER] =	{ "teacher", v_id, 0 },
	[K_WEEKDAY] =	{ "weekday", v_int, 0 },
	[K_NUMBER] =	{ "number", v_int, 0 },
	[K_ROOM] =	{ "room", v_line, 0 },
	[K_FROM] =	{ "valid_from", v_date, 0 },
	[K_TO] =	{ "valid_to", v_date, 0 },
};

struct ctx {
	long long	 class_id;
	long long	 year_id;
	const char	*date;
	const char	*starts, *ends;
	int		 open;
};

/* The class (object check), the date and its year. */
static int
begin(struct req *r, struct ctx *x)
{
	static char	 today[11];
	enum obj_res	 ok;
	int		 rc;

	if (r->fields[K_DATE].error != NULL || r->fields[K_CLASS].error)
		return 400;
	tt_today(today);
	x->date = req_str(r, K_DATE) ? req_str(r, K_DATE) : today;
	x->class_id = req_str(r, K_CLASS) ? r->fields[K_CLASS].num : 0;
	if (x->class_id != 0 && (ok = obj_week_class(r, x->class_id)) != OBJ_OK)
		return (int)ok;
	if ((rc = db_tt_year_by_date(r->sess.school_id, x->date, &x->year_id,
	    &x->starts, &x->ends, &x->open, r)) == -1)
		return 500;
	if (rc == 0)
		x->year_id = 0;
	return 200;
}

static int
load(struct req *r, struct ctx *x)
{
	if (db_classes_list(r->hdf, "Classes", r->sess.school_id,
	    r->sess.person_id) == -1)
		return 500;
	req_set(r, "Page.date", x->date);
	if (x->class_id == 0)
		return 200;
	if (db_class_get(r->hdf, "Class", x->class_id) != 1 ||
	    db_groups_list_by_class(r, "Groups", x->class_id) == -1 ||
	    db_subjects_list(r->hdf, "Subjects", r->sess.school_id) == -1 ||
	    db_teachers_list(r->hdf, "Teachers", r->sess.school_id) == -1 ||
	    db_tt_list_by_class(r->hdf, "Grid", x->class_id, x->date) == -1)
		return 500;
	if (x->year_id == 0)
		req_set(r, "Page.NoYear", "1");
	else if (x->open && (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT)))
		req_set(r, "Page.CanEdit", "1");
	if (req_get(r, "Form.valid_from", NULL) == NULL)
		req_set(r, "Form.valid_from", x->date);
	if (req_get(r, "Form.valid_to", NULL) == NULL && x->ends)
		req_set(r, "Form.valid_to", x->ends);
	return 200;
}

static int
timetable_get(struct req *r)
{
	struct ctx	 x;
	long long	 group;
	int		 rc;

	if ((rc = begin(r, &x)) != 200)
		return rc;
	if (req_str(r, K_EDIT) != NULL) {
		rc = db_tt_get(r->hdf, "Form", r->sess.school_id,
		    r->fields[K_EDIT].num, &group);
		if (rc == -1)
			return 500;
		if (rc == 0)
			return 404;
		if (x.class_id == 0 || obj_group_of_class(r, group,
		    x.class_id) != OBJ_OK)
			return 404;
	}
	return load(r, &x);
}

/* The posted entry into Form.* (to show it again) and *t. */
static void
read_row(struct req *r, struct tt_row *t)
{
	static const char *const f[] = { "group_id", "subject_id",
	    "teacher_id", "weekday", "number", "room", "valid_from",
	    "valid_to" };
	static const int k[] = { K_GROUP, K_SUBJECT, K_TEACHER, K_WEEKDAY,
	    K_NUMBER, K_ROOM, K_FROM, K_TO };
	size_t		 i;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		if (req_str(r, (size_t)k[i]) != NULL)
			req_set(r, arena_printf(&r->arena, "Form.%s", f[i]),
			    req_str(r, (size_t)k[i]));
	if (req_str(r, K_ID) != NULL)
		req_set(r, "Form.id", req_str(r, K_ID));
	memset(t, 0, sizeof(*t));
	t->id = req_str(r, K_ID) ? r->fields[K_ID].num : 0;
	t->group_id = req_str(r, K_GROUP) ? r->fields[K_GROUP].num : 0;
	t->subject_id = req_str(r, K_SUBJECT) ? r->fields[K_SUBJECT].num : 0;
	t->teacher_id = req_str(r, K_TEACHER) ? r->fields[K_TEACHER].num : 0;
	t->weekday = req_str(r, K_WEEKDAY) ? (int)r->fields[K_WEEKDAY].num : 0;
	t->number = req_str(r, K_NUMBER) ? (int)r->fields[K_NUMBER].num : 0;
	t->room = req_str(r, K_ROOM) ? req_str(r, K_ROOM) : "";
	t->valid_from = req_str(r, K_FROM);
	t->valid_to = req_str(r, K_TO);
}

/* What a POST found before its action: the class's context, the row. */
struct post {
	struct ctx	 x;
	struct tt_row	 t;
	char		 where[64];	/* the class's page, without a date */
};

static int
post_delete(struct req *r, void *ctx)
{
	struct post	*p = ctx;

	if (p->t.id == 0)
		return 400;
	if (tt_remove(r, p->t.id, p->x.date) == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "%s%s", p->where,
	    p->x.date));
}

static int
post_save(struct req *r, void *ctx)
{
	struct post	*p = ctx;
	struct ctx	*x = &p->x;
	struct tt_row	*t = &p->t;
	const char	*msg, *name;
	int		 rc;

	if (t->group_id == 0 || (rc = obj_group_of_class(r, t->group_id,
	    x->class_id)) == OBJ_MISSING || rc == OBJ_DENIED)
		req_field_error(r, "group", "Выберите группу этого класса.");
	else if (rc == OBJ_ERROR)
		return 500;
	if (t->subject_id == 0 ||
	    (rc = db_subject_name(r, t->subject_id, &name)) == 0)
		req_field_error(r, "subject", "Выберите предмет.");
	else if (rc == -1)
		return 500;
	if (t->teacher_id == 0 ||
	    (rc = db_teacher_check(r->sess.school_id, t->teacher_id)) == 0)
		req_field_error(r, "teacher", "Выберите учителя.");
	else if (rc == -1)
		return 500;
	if (t->weekday < 1 || t->weekday > 6)
		req_field_error(r, "weekday", "Выберите день недели.");
	if (t->number < 1 || t->number > 10)
		req_field_error(r, "number", "Номер урока: от 1 до 10.");
	if (r->fields[K_ROOM].error || utf8_len(t->room) > 20)
		req_field_error(r, "room", "Кабинет: не длиннее 20 символов.");
	if (t->valid_from == NULL || r->fields[K_FROM].error)
		req_field_error(r, "valid_from", "Укажите дату начала.");
	if (t->valid_to == NULL || r->fields[K_TO].error)
		req_field_error(r, "valid_to", "Укажите дату окончания.");
	if (t->valid_from != NULL && t->valid_to != NULL) {
		if (strcmp(t->valid_from, t->valid_to) > 0)
			req_field_error(r, "valid_to",
			    "Дата окончания раньше даты начала.");
		else if (strcmp(t->valid_from, x->starts) < 0 ||
		    strcmp(t->valid_to, x->ends) > 0)
			req_field_error(r, "valid_from", arena_printf(
			    &r->arena, "Даты должны быть внутри учебного года "
			    "(%s — %s).", x->starts, x->ends));
	}
	if (req_has_errors(r)) {
		rc = load(r, x);
		return rc == 200 ? SCREEN_FORM(400) : rc;
	}
	if ((rc = db_tt_conflict(r, t, &msg)) == -1)
		return 500;
	if (rc == 1) {
		req_field_error(r, "conflict", msg);
		rc = load(r, x);
		return rc == 200 ? SCREEN_FORM(409) : rc;
	}
	if (tt_save(r, t) == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "%s%s", p->where,
	    x->date));
}

static const struct action actions[] = {
	{ "delete",	post_delete,	0 },
	{ "save",	post_save,	0 },
};

static int
timetable_post(struct req *r)
{
	struct post	 p;
	long long	 group;
	int		 rc;

	if ((rc = begin(r, &p.x)) != 200)
		return rc;
	if (p.x.class_id == 0 || req_str(r, K_ACTION) == NULL)
		return 400;
	if (p.x.year_id == 0 || !p.x.open)
		return 409;
	read_row(r, &p.t);
	p.t.year_id = p.x.year_id;
	snprintf(p.where, sizeof(p.where), "/timetable?class=%lld&date=",
	    p.x.class_id);

	if (p.t.id != 0) {
		/* The entry must be this class's. */
		if ((rc = db_tt_get(r->hdf, "Old", r->sess.school_id,
		    p.t.id, &group)) == -1)
			return 500;
		if (rc == 0 || obj_group_of_class(r, group, p.x.class_id) !=
		    OBJ_OK)
			return 404;
	}
	return screen_action(r, ACTIONS(actions), req_str(r, K_ACTION), &p);
}

static const struct screen screen = {
	.name = "timetable",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "timetable.cs",
	.get = timetable_get,
	.post = timetable_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
