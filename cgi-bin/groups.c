/*
 * groups: the groups of one class (R14): the whole class, the subgroups
 * of each split subject with their members, individual groups, and the
 * streams the class takes part in.  The administration splits a class for
 * a subject (every student in exactly one of the two subgroups), creates
 * a one-student group, edits members, and deletes a group no one teaches.
 *
 * Streams belong to no class: they have their own screen, /streams
 * (cgi-bin/streams.c); a class's page lists the streams it takes part in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classes.h"
#include "db.h"
#include "groups.h"
#include "screen.h"
#include "objects.h"

enum { K_CLASS, K_ACTION, K_SUBJECT, K_NAME_A, K_NAME_B, K_A, K_B, K_GROUP,
	K_STUDENT, K_NAME, K_M, K__MAX };

static const struct key keys[K__MAX] = {
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_SUBJECT] =	{ "subject", v_id, 0 },
	[K_NAME_A] =	{ "name_a", v_line, 0 },
	[K_NAME_B] =	{ "name_b", v_line, 0 },
	[K_A] =		{ "a", v_id, KEY_MULTI },
	[K_B] =		{ "b", v_id, KEY_MULTI },
	[K_GROUP] =	{ "group", v_id, 0 },
	[K_STUDENT] =	{ "student", v_id, 0 },
	[K_NAME] =	{ "name", v_line, 0 },
	[K_M] =		{ "m", v_id, KEY_MULTI },
};


static int
load(struct req *r, long long class_id)
{
	long long	 year_id;
	int		 open;

	if (db_class_get(r->hdf, "Class", class_id) != 1 ||
	    db_groups_list_by_class(r, "Groups", class_id) == -1 ||
	    db_groups_roster(r, "Students", class_id) == -1 ||
	    db_subjects_list(r->hdf, "Subjects", r->sess.school_id) == -1)
		return 500;
	req_setf(r, "Page.Title", "Группы: %s класс",
	    req_get(r, "Class.name", ""));
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT)) {
		if (obj_groups_edit(r, class_id, &year_id, &open) != OBJ_OK)
			return 500;
		if (open)
			req_set(r, "Page.CanEdit", "1");
	}
	return 200;
}


static int
groups_get(struct req *r)
{
	enum obj_res	 ok;

	if (r->fields[K_CLASS].raw == NULL) {
		/* No class: a list to choose from (own class for a class
		 * teacher, the screen checks again). */
		if (db_classes_list(r->hdf, "Classes", r->sess.school_id,
		    r->sess.person_id) == -1)
			return 500;
		if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT |
		    ROLE_INSPECTOR))
			req_set(r, "Page.AllClasses", "1");
		return 200;
	}
	if (req_str(r, K_CLASS) == NULL)
		return 400;
	if ((ok = obj_class_view(r, r->fields[K_CLASS].num)) != OBJ_OK)
		return (int)ok;
	return load(r, r->fields[K_CLASS].num);
}

static long long
check_subject(struct req *r, const char **name)
{
	int	 rc;

	*name = NULL;
	if (req_str(r, K_SUBJECT) == NULL) {
		req_field_error(r, "subject", "Выберите предмет.");
		return 0;
	}
	if ((rc = db_subject_name(r, r->fields[K_SUBJECT].num, name)) == -1)
		return -1;
	if (rc == 0) {
		req_field_error(r, "subject", "Такого предмета в школе нет.");
		return 0;
	}
	req_setf(r, "Form.subject", "%lld", r->fields[K_SUBJECT].num);
	return r->fields[K_SUBJECT].num;
}

/* The split of a class for a subject: a and b partition the students. */
static int
post_split(struct req *r, long long class_id, long long year_id)
{
	const char	*na, *nb, *subj;
	long long	*a, *b, *all, subject;
	size_t		 n_a, n_b, n_all, i, both = 0, neither = 0, alien = 0;
	int		 rc;

	if ((subject = check_subject(r, &subj)) == -1)
		return 500;
	na = groups_check_name(r, K_NAME_A, "name_a");
	nb = groups_check_name(r, K_NAME_B, "name_b");
	if (na != NULL && nb != NULL && strcmp(na, nb) == 0)
		req_field_error(r, "name_b",
		    "У подгрупп должны быть разные названия.");
	a = req_ids(r, K_A, &n_a);
	b = req_ids(r, K_B, &n_b);
	if ((all = db_class_student_ids(r, class_id, &n_all)) == NULL)
		return 500;
	if (a == NULL || b == NULL) {
		req_field_error(r, "members", "Неверный список учеников.");
		return SCREEN_FORM(400);
	}
	for (i = 0; i < n_a; i++) {
		req_set(r, arena_printf(&r->arena, "Form.A.%lld", a[i]), "1");
		alien += !id_in(a[i], all, n_all);
	}
	for (i = 0; i < n_b; i++) {
		req_set(r, arena_printf(&r->arena, "Form.B.%lld", b[i]), "1");
		alien += !id_in(b[i], all, n_all);
	}
	for (i = 0; i < n_all; i++) {
		both += id_in(all[i], a, n_a) && id_in(all[i], b, n_b);
		neither += !id_in(all[i], a, n_a) &&
		    !id_in(all[i], b, n_b);
	}
	if (alien > 0)
		req_field_error(r, "members",
		    "В списке есть ученики не из этого класса.");
	else if (both > 0 || neither > 0)
		req_field_error(r, "members", arena_printf(&r->arena,
		    "Каждый ученик должен быть ровно в одной подгруппе: "
		    "в обеих отмечено %zu, ни в одной — %zu.", both, neither));
	else if (n_a == 0 || n_b == 0)
		req_field_error(r, "members",
		    "В каждой подгруппе должен быть хотя бы один ученик.");
	if (req_has_errors(r))
		return SCREEN_FORM(400);
	rc = groups_split_save(r, class_id, year_id, subject, na, a, n_a, nb,
	    b, n_b);
	if (rc == DB_DUPLICATE) {
		req_field_error(r, "name_a",
		    "Группа с таким названием в этом году уже есть.");
		return SCREEN_FORM(400);
	}
	if (rc == -3)
		return 409;
	return rc == 0 ? 303 : 500;
}

static int
post_individual(struct req *r, long long class_id, long long year_id)
{
	const char	*name, *subj;
	long long	*all, subject, student;
	size_t		 n_all;
	int		 rc;

	if ((subject = check_subject(r, &subj)) == -1)
		return 500;
	name = groups_check_name(r, K_NAME, "name");
	if ((all = db_class_student_ids(r, class_id, &n_all)) == NULL)
		return 500;
	student = req_str(r, K_STUDENT) != NULL ? r->fields[K_STUDENT].num : 0;
	if (student == 0)
		req_field_error(r, "student", "Выберите ученика.");
	else if (!id_in(student, all, n_all))
		req_field_error(r, "student", "Это не ученик этого класса.");
	else
		req_setf(r, "Form.student", "%lld", student);
	if (req_has_errors(r))
		return SCREEN_FORM(400);
	rc = groups_individual_create(r, class_id, year_id, student, subject,
	    name);
	if (rc == DB_DUPLICATE) {
		req_field_error(r, "name",
		    "Группа с таким названием в этом году уже есть.");
		return SCREEN_FORM(400);
	}
	return rc == 0 ? 303 : 500;
}

static int
post_members(struct req *r, long long class_id)
{
	const char	*kind;
	long long	*m, *all, group;
	size_t		 n, n_all, i;
	enum obj_res	 ok;

	if (req_str(r, K_GROUP) == NULL)
		return 400;
	group = r->fields[K_GROUP].num;
	if ((ok = obj_group_of_class(r, group, class_id)) != OBJ_OK)
		return (int)ok;
	if (db_group_get(r->hdf, "Group", group) != 1)
		return 500;
	kind = req_get(r, "Group.kind", "");
	if (strcmp(kind, "stream") != 0 && strcmp(kind, "individual") != 0) {
		/* The whole class follows the class list; a subgroup is
		 * changed with its split, so that no student falls out. */
		req_field_error(r, "members", "Состав этой группы меняется "
		    "не здесь: у подгрупп — в форме разделения класса.");
		return SCREEN_FORM(400);
	}
	if ((m = req_ids(r, K_M, &n)) == NULL ||
	    (all = db_class_student_ids(r, class_id, &n_all)) == NULL)
		return m == NULL ? 400 : 500;
	for (i = 0; i < n; i++)
		if (!id_in(m[i], all, n_all)) {
			req_field_error(r, "members",
			    "В списке есть ученики не из этого класса.");
			return SCREEN_FORM(400);
		}
	if (strcmp(kind, "individual") == 0 && n != 1) {
		req_field_error(r, "members",
		    "В индивидуальной группе ровно один ученик.");
		return SCREEN_FORM(400);
	}
	return groups_members_save(r, group, class_id, m, n) == 0 ? 303 : 500;
}

static int
post_delete(struct req *r, long long class_id)
{
	enum obj_res	 ok;
	int		 rc;

	if (req_str(r, K_GROUP) == NULL)
		return 400;
	if ((ok = obj_group_of_class(r, r->fields[K_GROUP].num, class_id)) !=
	    OBJ_OK)
		return (int)ok;
	if ((rc = groups_delete(r, r->fields[K_GROUP].num)) == 1)
		return 409;	/* taught by someone, or the whole class */
	return rc == 0 ? 303 : 500;
}


/* What a class's POST found before its action. */
struct class_post {
	long long	 class_id;
	long long	 year_id;
};

static int
act_split(struct req *r, void *ctx)
{
	struct class_post *c = ctx;

	return post_split(r, c->class_id, c->year_id);
}

static int
act_individual(struct req *r, void *ctx)
{
	struct class_post *c = ctx;

	return post_individual(r, c->class_id, c->year_id);
}

static int
act_members(struct req *r, void *ctx)
{
	return post_members(r, ((struct class_post *)ctx)->class_id);
}

static int
act_delete(struct req *r, void *ctx)
{
	return post_delete(r, ((struct class_post *)ctx)->class_id);
}

static int
act_whole(struct req *r, void *ctx)
{
	struct class_post *c = ctx;

	if (db_class_get(r->hdf, "Class", c->class_id) != 1)
		return 500;
	return groups_whole_create(r, c->class_id, c->year_id,
	    req_get(r, "Class.name", "")) == 0 ? 303 : 500;
}

/* The actions on a class's groups (ctx: struct class_post). */
static const struct action class_actions[] = {
	{ "split",	act_split,	0 },
	{ "individual",	act_individual,	0 },
	{ "members",	act_members,	0 },
	{ "delete",	act_delete,	0 },
	{ "whole",	act_whole,	0 },
};

static int
groups_post(struct req *r)
{
	struct class_post c;
	const char	*action;
	long long	 class_id;
	enum obj_res	 ok;
	int		 open, rc;

	if ((action = req_str(r, K_ACTION)) == NULL ||
	    req_str(r, K_CLASS) == NULL)
		return 400;
	class_id = c.class_id = r->fields[K_CLASS].num;
	if ((ok = obj_groups_edit(r, class_id, &c.year_id, &open)) != OBJ_OK)
		return (int)ok;
	if (!open)
		return 409;	/* a closed year is read-only */
	rc = screen_action(r, ACTIONS(class_actions), action, &c);
	if (rc == SCREEN_FORM(400)) {
		req_set(r, "Form.action", action);
		if ((open = load(r, class_id)) != 200)
			return open;
		return rc;
	}
	if (rc != 303)
		return rc;
	return req_redirect(r, arena_printf(&r->arena, "/groups?class=%lld",
	    class_id));
}

static const struct screen screen = {
	.name = "groups",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "groups.cs",
	.get = groups_get,
	.post = groups_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
