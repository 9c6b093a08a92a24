/*
 * groups: the groups of one class (R14): the whole class, the subgroups
 * of each split subject with their members, individual groups, and the
 * streams the class takes part in.  The administration splits a class for
 * a subject (every student in exactly one of the two subgroups), creates
 * a one-student group, edits members, and deletes a group no one teaches.
 *
 * Streams have a page of their own (?stream=ID): a stream belongs to no
 * class, so creating it, its members from every class, its name and its
 * deletion live there and on the page without a class, where the deputy
 * director first picks the classes (?stream_classes=5,6) and then the
 * students.
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
	K_STUDENT, K_NAME, K_M, K_STREAM, K_SCLASSES, K__MAX };

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
	[K_STREAM] =	{ "stream", v_id, 0 },
	/* "5,6" in a link, or one value per checkbox of a GET form. */
	[K_SCLASSES] =	{ "stream_classes", v_line, KEY_MULTI },
};

#define NAME_MAX_CHARS	150
#define STREAM_CLASSES_MAX	64	/* more classes than a school has */

static int	in_list(long long, const long long *, size_t);
static const char *check_name(struct req *, size_t, const char *);

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

static int	stream_index(struct req *);
static int	stream_load(struct req *, long long);

static int
groups_get(struct req *r)
{
	enum obj_res	 ok;

	if (r->fields[K_STREAM].raw != NULL) {
		if (req_str(r, K_STREAM) == NULL)
			return 400;
		return stream_load(r, r->fields[K_STREAM].num);
	}
	if (r->fields[K_CLASS].raw == NULL) {
		/* No class: a list to choose from (own class for a class
		 * teacher, the screen checks again). */
		if (db_classes_list(r->hdf, "Classes", r->sess.school_id,
		    r->sess.person_id) == -1)
			return 500;
		if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT |
		    ROLE_INSPECTOR)) {
			req_set(r, "Page.AllClasses", "1");
			return stream_index(r);
		}
		return 200;
	}
	if (req_str(r, K_CLASS) == NULL)
		return 400;
	if ((ok = obj_class_view(r, r->fields[K_CLASS].num)) != OBJ_OK)
		return (int)ok;
	return load(r, r->fields[K_CLASS].num);
}

static int
in_list(long long id, const long long *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i] == id)
			return 1;
	return 0;
}

/* A group name: 1..150 characters. */
static const char *
check_name(struct req *r, size_t k, const char *field)
{
	const char	*s = req_str(r, k);

	if (r->fields[k].error != NULL || s == NULL) {
		req_field_error(r, field, "Укажите название группы.");
		return NULL;
	}
	if (utf8_len(s) > NAME_MAX_CHARS) {
		req_field_error(r, field,
		    "Название группы: не длиннее 150 символов.");
		return NULL;
	}
	req_set(r, arena_printf(&r->arena, "Form.%s", field), s);
	return s;
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
	na = check_name(r, K_NAME_A, "name_a");
	nb = check_name(r, K_NAME_B, "name_b");
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
		alien += !in_list(a[i], all, n_all);
	}
	for (i = 0; i < n_b; i++) {
		req_set(r, arena_printf(&r->arena, "Form.B.%lld", b[i]), "1");
		alien += !in_list(b[i], all, n_all);
	}
	for (i = 0; i < n_all; i++) {
		both += in_list(all[i], a, n_a) && in_list(all[i], b, n_b);
		neither += !in_list(all[i], a, n_a) &&
		    !in_list(all[i], b, n_b);
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
	name = check_name(r, K_NAME, "name");
	if ((all = db_class_student_ids(r, class_id, &n_all)) == NULL)
		return 500;
	student = req_str(r, K_STUDENT) != NULL ? r->fields[K_STUDENT].num : 0;
	if (student == 0)
		req_field_error(r, "student", "Выберите ученика.");
	else if (!in_list(student, all, n_all))
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
		if (!in_list(m[i], all, n_all)) {
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

static int	stream_post(struct req *, const char *);
static int	new_stream_post(struct req *, const char *);

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

	/* The form names its object: a stream, a class, or neither (a new
	 * stream); each has its own actions. */
	if ((action = req_str(r, K_ACTION)) == NULL)
		return 400;
	if (req_str(r, K_STREAM) != NULL)
		return stream_post(r, action);
	if (req_str(r, K_CLASS) == NULL)
		return new_stream_post(r, action);
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

/* --- Streams --- */

/*
 * The classes asked for in stream_classes: "5,6" or several values.
 * NULL on garbage; *n = 0 when none were asked for.
 */
static long long *
stream_classes(struct req *r, size_t *n)
{
	const struct kv	**v;
	long long	 *ids, id;
	size_t		  nv, i;
	const char	 *p, *end;
	char		 *e;

	v = req_values(r, K_SCLASSES, &nv);
	ids = arena_alloc(&r->arena, STREAM_CLASSES_MAX * sizeof(*ids));
	*n = 0;
	for (i = 0; i < nv; i++) {
		p = v[i]->val;
		end = p + v[i]->vlen;
		while (p < end) {
			if (*p == ',' || *p == ' ') {
				p++;
				continue;
			}
			if (*p < '0' || *p > '9')
				return NULL;
			id = strtoll(p, &e, 10);
			if (e > end || id < 1 || id > 4294967295LL)
				return NULL;
			p = e;
			if (in_list(id, ids, *n))
				continue;
			if (*n == STREAM_CLASSES_MAX)
				return NULL;
			ids[(*n)++] = id;
		}
	}
	for (i = 0; i < *n; i++)
		req_set(r, arena_printf(&r->arena, "Form.Chosen.%lld",
		    ids[i]), "1");
	req_set(r, "Form.stream_classes", "");
	for (i = 0; i < *n; i++)
		req_set(r, "Form.stream_classes", arena_printf(&r->arena,
		    "%s%s%lld", req_get(r, "Form.stream_classes", ""),
		    i > 0 ? "," : "", ids[i]));
	return ids;
}

/* The page without a class: the streams of the year and, for those who
 * change them, the form to create one from the classes picked. */
static int
stream_index(struct req *r)
{
	struct pupil	*all;
	long long	*cls, year_id;
	size_t		 ncls, nall;

	if ((year_id = db_year_open_get(r->sess.school_id)) == -1)
		return 500;
	if (year_id == 0)
		return 200;	/* no current year: nothing to list */
	if (db_streams_list(r->hdf, "Streams", r->sess.school_id, year_id) ==
	    -1)
		return 500;
	if (!(r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT)))
		return 200;
	req_set(r, "Page.CanEdit", "1");
	if ((cls = stream_classes(r, &ncls)) == NULL)
		return 400;
	if (ncls == 0)
		return 200;
	if (db_stream_pupils(r, year_id, 0, "Pick", cls, ncls, &all,
	    &nall) == -1 || db_subjects_list(r->hdf, "Subjects",
	    r->sess.school_id) == -1)
		return 500;
	return 200;
}

static int
stream_load(struct req *r, long long id)
{
	struct pupil	*all;
	long long	*cls, year_id;
	size_t		 ncls, nall;
	enum obj_res	 ok;
	int		 open;

	if ((ok = obj_stream(r, id, &year_id, &open)) != OBJ_OK)
		return (int)ok;
	if (db_stream_get(r->hdf, "Stream", id) != 1)
		return 500;
	req_setf(r, "Page.Title", "Поток: %s", req_get(r, "Stream.name", ""));
	if ((cls = stream_classes(r, &ncls)) == NULL)
		return 400;
	if (db_stream_pupils(r, year_id, id, "Members", cls, ncls, &all,
	    &nall) == -1)
		return 500;
	if ((r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT)) && open) {
		req_set(r, "Page.CanEdit", "1");
		if (db_classes_list(r->hdf, "Classes", r->sess.school_id,
		    r->sess.person_id) == -1)
			return 500;
	}
	return 200;
}

/*
 * The posted members: ids of current students of the year's classes, at
 * least one, none twice.  Marks them in Form.M for the form shown again.
 * NULL with the error set.
 */
static long long *
check_members(struct req *r, long long year_id, size_t *n)
{
	struct pupil	*all;
	long long	*m;
	size_t		 nall, i, j, alien = 0, twice = 0;
	int		 found;

	req_set(r, "Form.Posted", "1");
	if ((m = req_ids(r, K_M, n)) == NULL) {
		req_field_error(r, "members", "Неверный список учеников.");
		return NULL;
	}
	if (db_stream_pupils(r, year_id, 0, NULL, NULL, 0, &all, &nall) == -1)
		return NULL;
	for (i = 0; i < *n; i++) {
		req_set(r, arena_printf(&r->arena, "Form.M.%lld", m[i]), "1");
		twice += in_list(m[i], m, i);
		for (found = 0, j = 0; j < nall && !found; j++)
			found = all[j].id == m[i];
		alien += !found;
	}
	if (*n == 0)
		req_field_error(r, "members",
		    "Отметьте хотя бы одного ученика.");
	else if (alien > 0)
		req_field_error(r, "members", arena_printf(&r->arena,
		    "В списке есть ученики, которые не учатся в классах школы "
		    "в этом учебном году (%zu).", alien));
	else if (twice > 0)
		req_field_error(r, "members",
		    "Один и тот же ученик отмечен дважды.");
	return req_has_errors(r) ? NULL : m;
}

static int
stream_create(struct req *r)
{
	const char	*name, *subj = NULL;
	long long	*m, year_id, subject = 0, id;
	size_t		 n;
	int		 rc;

	if ((year_id = db_year_open_get(r->sess.school_id)) == -1)
		return 500;
	if (year_id == 0)
		return 409;	/* no current year to make it in */
	name = check_name(r, K_NAME, "name");
	if (r->fields[K_SUBJECT].raw != NULL && *r->fields[K_SUBJECT].raw !=
	    '\0') {
		/* Optional: a stream made for one subject (an elective). */
		if (req_str(r, K_SUBJECT) == NULL ||
		    (rc = db_subject_name(r, r->fields[K_SUBJECT].num,
		    &subj)) == 0)
			req_field_error(r, "subject",
			    "Такого предмета в школе нет.");
		else if (rc == -1)
			return 500;
		else {
			subject = r->fields[K_SUBJECT].num;
			req_setf(r, "Form.subject", "%lld", subject);
		}
	}
	m = check_members(r, year_id, &n);
	if (req_has_errors(r))
		return SCREEN_FORM(400);
	if (m == NULL)
		return 500;
	id = groups_stream_create(r, year_id, name, subject, m, n);
	if (id == DB_DUPLICATE) {
		req_field_error(r, "name",
		    "Группа или поток с таким названием в этом году уже есть.");
		return SCREEN_FORM(400);
	}
	if (id < 0)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "/groups?stream=%lld",
	    id));
}

/* What a stream's POST found before its action. */
struct stream_post {
	long long	 id;
	long long	 year_id;
};

static int
act_stream_members(struct req *r, void *ctx)
{
	struct stream_post *s = ctx;
	long long	*m;
	size_t		 n;

	if ((m = check_members(r, s->year_id, &n)) == NULL)
		return req_has_errors(r) ? SCREEN_FORM(400) : 500;
	return groups_stream_members(r, s->id, s->year_id, m, n) == 0 ? 303 :
	    500;
}

static int
act_stream_rename(struct req *r, void *ctx)
{
	struct stream_post *s = ctx;
	const char	*name;
	int		 rc;

	if ((name = check_name(r, K_NAME, "name")) == NULL)
		return SCREEN_FORM(400);
	if ((rc = groups_rename(r, s->id, name)) == DB_DUPLICATE) {
		req_field_error(r, "name", "Группа или поток с таким названием "
		    "в этом году уже есть.");
		return SCREEN_FORM(400);
	}
	return rc == 0 ? 303 : 500;
}

static int
act_stream_delete(struct req *r, void *ctx)
{
	struct stream_post *s = ctx;
	int		 rc;

	if ((rc = groups_delete(r, s->id)) == 1) {
		/* Say why on the stream's page, not a bare 409. */
		req_field_error(r, "delete", "Поток нельзя удалить: у него есть "
		    "нагрузка учителей. Сначала снимите её на странице "
		    "«Учебный план и нагрузка».");
		return SCREEN_FORM(409);
	}
	return rc == 0 ? req_redirect(r, "/groups") : 500;
}

/* The actions on an existing stream (ctx: struct stream_post). */
static const struct action stream_actions[] = {
	{ "stream_members",	act_stream_members,	0 },
	{ "stream_rename",	act_stream_rename,	0 },
	{ "stream_delete",	act_stream_delete,	0 },
};

static int
act_stream_create(struct req *r, NOCTX)
{
	int	 rc, open;

	if ((rc = stream_create(r)) != SCREEN_FORM(400))
		return rc;
	req_set(r, "Form.action", "stream_create");
	return (open = stream_index(r)) != 200 ? open : rc;
}

/* A new stream: the one action of a form naming no class and no stream. */
static const struct action new_actions[] = {
	{ "stream_create",	act_stream_create,	0 },
};

static int
new_stream_post(struct req *r, const char *action)
{
	return screen_action(r, ACTIONS(new_actions), action, NULL);
}

static int
stream_post(struct req *r, const char *action)
{
	struct stream_post s;
	long long	 id;
	enum obj_res	 ok;
	int		 open, rc;

	id = s.id = r->fields[K_STREAM].num;
	if ((ok = obj_stream(r, id, &s.year_id, &open)) != OBJ_OK)
		return (int)ok;
	if (!open)
		return 409;	/* a closed year is read-only */
	/* 303 without a place: back to the stream (delete names its own). */
	if ((rc = screen_action(r, ACTIONS(stream_actions), action, &s)) ==
	    303 && r->location != NULL)
		return rc;
	if (rc & 0x10000) {
		req_set(r, "Form.action", action);
		return (open = stream_load(r, id)) != 200 ? open : rc;
	}
	if (rc != 303)
		return rc;
	return req_redirect(r, arena_printf(&r->arena, "/groups?stream=%lld",
	    id));
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
