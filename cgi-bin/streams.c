/*
 * streams: streams across classes (R14, R18): a group of students of
 * several classes (an elective, a profile group).  A stream belongs to no
 * class, so it has its own screen: the list of the year's streams and,
 * for the administration, a new stream made in two steps (the classes
 * first, ?stream_classes=5,6, then the students); a stream's page
 * (?id=N) with its members by class, and the forms to change them, to
 * rename it and to delete it.  A class teacher reads a stream that has a
 * student of their class (obj_stream); a class's page on /groups lists
 * the streams it takes part in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classes.h"
#include "db.h"
#include "groups.h"
#include "objects.h"
#include "screen.h"

enum { K_ID, K_ACTION, K_SUBJECT, K_NAME, K_M, K_SCLASSES, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ID] =	{ "id", v_id, 0 },
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_SUBJECT] =	{ "subject", v_id, 0 },
	[K_NAME] =	{ "name", v_line, 0 },
	[K_M] =		{ "m", v_id, KEY_MULTI },
	/* "5,6" in a link, or one value per checkbox of a GET form. */
	[K_SCLASSES] =	{ "stream_classes", v_line, KEY_MULTI },
};

#define STREAM_CLASSES_MAX	64	/* more classes than a school has */

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
			if (id_in(id, ids, *n))
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
	/* The classes to build a new stream from. */
	if (db_classes_list(r->hdf, "Classes", r->sess.school_id,
	    r->sess.person_id) == -1)
		return 500;
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
		twice += id_in(m[i], m, i);
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
	name = groups_check_name(r, K_NAME, "name");
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
	return req_redirect(r, arena_printf(&r->arena, "/streams?id=%lld",
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

	if ((name = groups_check_name(r, K_NAME, "name")) == NULL)
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
	return rc == 0 ? req_redirect(r, "/streams") : 500;
}

/* The actions on an existing stream (ctx: struct stream_post). */
static const struct action stream_actions[] = {
	{ "members",	act_stream_members,	0 },
	{ "rename",	act_stream_rename,	0 },
	{ "delete",	act_stream_delete,	0 },
};

static int
act_stream_create(struct req *r, NOCTX)
{
	int	 rc, open;

	if ((rc = stream_create(r)) != SCREEN_FORM(400))
		return rc;
	req_set(r, "Form.action", "create");
	return (open = stream_index(r)) != 200 ? open : rc;
}

/* A new stream: the one action of a form naming no class and no stream. */
static const struct action new_actions[] = {
	{ "create",	act_stream_create,	0 },
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

	id = s.id = r->fields[K_ID].num;
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
	return req_redirect(r, arena_printf(&r->arena, "/streams?id=%lld",
	    id));
}

static int
streams_get(struct req *r)
{
	if (r->fields[K_ID].raw != NULL) {
		if (req_str(r, K_ID) == NULL)
			return 400;
		return stream_load(r, r->fields[K_ID].num);
	}
	if (!(r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT |
	    ROLE_INSPECTOR))) {
		/* A class teacher opens a stream from the class's groups. */
		req_set(r, "Page.FromClass", "1");
		return 200;
	}
	return stream_index(r);
}

/* The form names a stream, or none (a new stream): each has its actions. */
static int
streams_post(struct req *r)
{
	const char	*action;

	if ((action = req_str(r, K_ACTION)) == NULL)
		return 400;
	if (r->fields[K_ID].raw != NULL) {
		if (req_str(r, K_ID) == NULL)
			return 400;
		return stream_post(r, action);
	}
	return new_stream_post(r, action);
}

static const struct screen screen = {
	.name = "streams",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "streams.cs",
	.get = streams_get,
	.post = streams_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
