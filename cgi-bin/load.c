/*
 * load: the curriculum against the teacher load of the open year (R15):
 * for each class and subject the hours of the plan, the hours every
 * student gets, the teachers; warnings where the load does not cover the
 * plan; forms to add and remove an assignment (teacher × subject × group).
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "groups.h"
#include "classes.h"
#include "screen.h"
#include "load.h"
#include "objects.h"

enum { K_ACTION, K_TEACHER, K_SUBJECT, K_GROUP, K_HOURS, K_ID, K_CLASS,
    K__MAX };

/* Hours a week: 0,5..40 with at most one decimal; num gets tenths. */
static const char *
v_hours(struct field *f)
{
	int	 t;

	if (v_line(f) != NULL || (t = tenths_parse(f->str, 5, 400)) == -1)
		return "Часы: число от 0,5 до 40, например 2 или 1,5.";
	f->num = t;
	return NULL;
}

static const struct key keys[K__MAX] = {
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_TEACHER] =	{ "teacher", v_id, 0 },
	[K_SUBJECT] =	{ "subject", v_id, 0 },
	[K_GROUP] =	{ "group", v_id, 0 },
	[K_HOURS] =	{ "hours", v_hours, 0 },
	[K_ID] =	{ "id", v_id, 0 },
	[K_CLASS] =	{ "class", v_id, 0 },
};

static int
load(struct req *r, long long year_id)
{
	int	 nwarn;

	if ((nwarn = db_load_list(r, "Rows", "Warnings", year_id)) == -1 ||
	    db_load_other(r->hdf, "Other", r->sess.school_id, year_id) == -1 ||
	    db_load_teachers(r->hdf, "Teachers", r->sess.school_id,
	    year_id) == -1 ||
	    db_subjects_list(r->hdf, "Subjects", r->sess.school_id) == -1 ||
	    db_load_groups(r->hdf, "Groups", r->sess.school_id, year_id) == -1 ||
	    db_classes_list(r->hdf, "Classes", r->sess.school_id, 0) == -1)
		return 500;
	req_setf(r, "Page.Warnings", "%d", nwarn);
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT))
		req_set(r, "Page.CanEdit", "1");
	return 200;
}

static int
load_get(struct req *r)
{
	long long	 year_id;

	if ((year_id = db_year_open_get(r->sess.school_id)) == -1)
		return 500;
	if (year_id == 0)
		return 200;	/* the page says there is no open year */
	req_set(r, "Page.Year", "1");
	return load(r, year_id);
}

static int
post_add(struct req *r, void *ctx)
{
	long long	 year_id = *(long long *)ctx;
	const char	*subj;
	long long	 teacher = 0, subject = 0, group = 0, group_subject;
	int		 rc;

	if (req_str(r, K_TEACHER) == NULL)
		req_field_error(r, "teacher", "Выберите учителя.");
	else if ((rc = db_teacher_active(r->sess.school_id,
	    (teacher = r->fields[K_TEACHER].num))) == -1)
		return 500;
	else if (rc == 0)
		req_field_error(r, "teacher", "Это не работающий в школе "
		    "сотрудник с ролью учителя.");
	if (req_str(r, K_SUBJECT) == NULL)
		req_field_error(r, "subject", "Выберите предмет.");
	else if ((rc = db_subject_name(r, (subject =
	    r->fields[K_SUBJECT].num), &subj)) == -1)
		return 500;
	else if (rc == 0)
		req_field_error(r, "subject", "Такого предмета в школе нет.");
	if (req_str(r, K_GROUP) == NULL)
		req_field_error(r, "group", "Выберите группу.");
	else if ((rc = db_group_in_year(r->sess.school_id, year_id,
	    (group = r->fields[K_GROUP].num), &group_subject)) == -1)
		return 500;
	else if (rc == 0)
		req_field_error(r, "group",
		    "Такой группы в открытом учебном году нет.");
	else if (group_subject != 0 && subject != 0 &&
	    group_subject != subject)
		req_field_error(r, "group",
		    "Эта группа создана для другого предмета.");
	if (r->fields[K_HOURS].error != NULL)
		req_field_error(r, "hours", r->fields[K_HOURS].error);
	else if (req_str(r, K_HOURS) == NULL)
		req_field_error(r, "hours", "Укажите часы в неделю.");
	if (req_has_errors(r))
		return SCREEN_FORM(400);
	rc = assignment_add(r, year_id, teacher, subject, group,
	    (int)r->fields[K_HOURS].num);
	if (rc == DB_DUPLICATE) {
		req_field_error(r, "group", "Этот учитель уже ведёт этот "
		    "предмет в этой группе: измените часы, сняв старую "
		    "нагрузку.");
		return SCREEN_FORM(400);
	}
	return rc == 0 ? 303 : 500;
}

/* The curriculum of a class: hours a week in a subject; «0» removes it. */
static int
post_plan(struct req *r, void *ctx)
{
	long long	 year_id = *(long long *)ctx;
	long long	 class_id = 0, subject = 0;
	const char	*subj, *h;
	int		 rc, tenths = 0;

	if (req_str(r, K_CLASS) == NULL)
		req_field_error(r, "class", "Выберите класс.");
	else if ((rc = db_class_in_year(r->sess.school_id, year_id,
	    (class_id = r->fields[K_CLASS].num))) == -1)
		return 500;
	else if (rc == 0)
		req_field_error(r, "class", "Такого класса в учебном году нет.");
	if (req_str(r, K_SUBJECT) == NULL)
		req_field_error(r, "subject", "Выберите предмет.");
	else if ((rc = db_subject_name(r, (subject =
	    r->fields[K_SUBJECT].num), &subj)) == -1)
		return 500;
	else if (rc == 0)
		req_field_error(r, "subject", "Такого предмета в школе нет.");
	h = r->fields[K_HOURS].raw;
	if (h != NULL && strcmp(h, "0") == 0)
		tenths = 0;
	else if (r->fields[K_HOURS].error != NULL)
		req_field_error(r, "hours", r->fields[K_HOURS].error);
	else if (req_str(r, K_HOURS) == NULL)
		req_field_error(r, "hours", "Укажите часы в неделю (0 — убрать "
		    "предмет из плана).");
	else
		tenths = (int)r->fields[K_HOURS].num;
	if (req_has_errors(r))
		return SCREEN_FORM(400);
	return curriculum_set(r, class_id, subject, tenths) == 0 ? 303 : 500;
}

static int
post_remove(struct req *r, NOCTX)
{
	enum obj_res	 ok;

	if (req_str(r, K_ID) == NULL)
		return 400;
	if ((ok = obj_assignment(r, r->fields[K_ID].num)) != OBJ_OK)
		return (int)ok;
	return assignment_remove(r, r->fields[K_ID].num) == 0 ? 303 : 500;
}

/* The actions on the open year's load (ctx: the year's id). */
static const struct action actions[] = {
	{ "add",	post_add,	0 },
	{ "plan",	post_plan,	0 },
	{ "remove",	post_remove,	0 },
};

static int
load_post(struct req *r)
{
	const char	*action;
	long long	 year_id;
	int		 rc;

	if ((action = req_str(r, K_ACTION)) == NULL)
		return 400;
	if ((year_id = db_year_open_get(r->sess.school_id)) == -1)
		return 500;
	if (year_id == 0)
		return 409;
	rc = screen_action(r, ACTIONS(actions), action, &year_id);
	if (rc == SCREEN_FORM(400)) {
		/* The form again, with what was typed. */
		if (req_str(r, K_TEACHER) != NULL)
			req_set(r, "Form.teacher", req_str(r, K_TEACHER));
		if (req_str(r, K_SUBJECT) != NULL)
			req_set(r, "Form.subject", req_str(r, K_SUBJECT));
		if (req_str(r, K_GROUP) != NULL)
			req_set(r, "Form.group", req_str(r, K_GROUP));
		if (req_str(r, K_CLASS) != NULL)
			req_set(r, "Form.class", req_str(r, K_CLASS));
		req_set(r, "Form.action", action);
		if (r->fields[K_HOURS].raw != NULL)
			req_set(r, "Form.hours", r->fields[K_HOURS].raw);
		req_set(r, "Page.Year", "1");
		return load(r, year_id) == 200 ? rc : 500;
	}
	if (rc != 303)
		return rc;
	return req_redirect(r, "/load");
}

static const struct screen screen = {
	.name = "load",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "load.cs",
	.get = load_get,
	.post = load_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
