/*
 * scales: the school's grading scales (R13) with their values; the
 * administration adds its own scales, deletes an unused one of its own,
 * gives the school the built-in ones it lacks, and switches «+»/«−» on the
 * five-point scale (a school setting).  ?id= shows one scale and where
 * it is used.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "screen.h"
#include "objects.h"
#include "rights.h"
#include "roles.h"
#include "scales.h"
#include "settings.h"

enum { K_ID, K_ACTION, K_NAME, K_VALUES, K_PLUS_MINUS, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ID] =		{ "id", v_id, 0 },
	[K_ACTION] =		{ "action", v_line, 0 },
	[K_NAME] =		{ "name", v_line, 0 },
	[K_VALUES] =		{ "values", v_text, 0 },
	[K_PLUS_MINUS] =	{ "plus_minus", v_flag, 0 },
};

/*
 * Whether to show the forms: the same decision screen_main makes for a
 * POST (defaults and the administrator's rules), so nothing is offered
 * that would be refused.
 */
static int
may_write(const struct req *r)
{
	const struct access	*acc = access_find(r->screen->name);

	return acc != NULL && rights_allow(r, acc, M_POST);
}

/* The list page: scales, the setting, what is missing. */
static int
load(struct req *r)
{
	const struct school_rules *sr;
	int	 pm, missing;

	if ((sr = school_rules(r->sess.school_id)) == NULL)
		return 500;
	pm = sr->five_point_plus_minus;
	if ((missing = scales_builtin_missing(r->sess.school_id)) == -1 ||
	    db_scales_list(r->hdf, "Scales", r->sess.school_id, pm) == -1)
		return 500;
	req_set(r, "Page.PlusMinus", pm ? "1" : "0");
	if (missing > 0)
		req_setf(r, "Page.BuiltinMissing", "%d", missing);
	if (may_write(r))
		req_set(r, "Page.CanWrite", "1");
	return 200;
}

static int
scales_get(struct req *r)
{
	const struct school_rules *sr;
	enum obj_res	 ok;

	if (r->fields[K_ID].error != NULL)
		return 400;
	if (req_str(r, K_ID) == NULL)
		return load(r);
	if ((ok = obj_scale(r, r->fields[K_ID].num)) != OBJ_OK)
		return (int)ok;
	if ((sr = school_rules(r->sess.school_id)) == NULL ||
	    db_scale_get(r->hdf, "Scale", r->fields[K_ID].num,
	    sr->five_point_plus_minus) != 1)
		return 500;
	if (may_write(r))
		req_set(r, "Page.CanWrite", "1");
	return 200;
}

/* The list again with the form's error (400) or a refusal (409). */
static int
again(struct req *r, int status)
{
	int	 rc;

	if (req_str(r, K_NAME) != NULL)
		req_set(r, "Form.name", req_str(r, K_NAME));
	if (req_str(r, K_VALUES) != NULL)
		req_set(r, "Form.values", req_str(r, K_VALUES));
	rc = load(r);
	return rc == 200 ? SCREEN_FORM(status) : rc;
}

static int
create(struct req *r, NOCTX)
{
	struct scale_value_in	 v[SCALE_VALUES_MAX];
	const char		*name, *err = NULL;
	long long		 id;
	int			 n = -1, rc;

	name = req_str(r, K_NAME);
	if (r->fields[K_NAME].error != NULL || (name != NULL &&
	    utf8_len(name) > SCALE_NAME_MAX))
		req_field_error(r, "name", "Название шкалы: не длиннее 100 "
		    "символов.");
	else if (name == NULL)
		req_field_error(r, "name", "Укажите название шкалы.");
	if (r->fields[K_VALUES].error != NULL)
		req_field_error(r, "values", r->fields[K_VALUES].error);
	else if (req_str(r, K_VALUES) == NULL)
		req_field_error(r, "values", "Перечислите значения шкалы, "
		    "по одному в строке.");
	else if ((n = scale_values_parse(&r->arena, req_str(r, K_VALUES), v,
	    SCALE_VALUES_MAX, &err)) == -1)
		req_field_error(r, "values", err);
	if (req_has_errors(r))
		return again(r, 400);
	if ((rc = scale_create(r, name, v, (size_t)n, &id)) == DB_DUPLICATE) {
		req_field_error(r, "name", "Шкала с таким названием уже есть.");
		return again(r, 400);
	}
	if (rc == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "/scales?id=%lld", id));
}

static int
delete(struct req *r, NOCTX)
{
	enum obj_res	 ok;

	if (req_str(r, K_ID) == NULL)
		return 400;
	if ((ok = obj_scale(r, r->fields[K_ID].num)) != OBJ_OK)
		return (int)ok;
	switch (scale_delete(r, r->fields[K_ID].num)) {
	case SCALE_DELETED:
		return req_redirect(r, "/scales");
	case SCALE_IS_BUILTIN:
		req_field_error(r, "delete", "Встроенную шкалу удалить "
		    "нельзя.");
		return again(r, 409);
	case SCALE_IN_USE:
		req_field_error(r, "delete", "Шкалу нельзя удалить: она "
		    "назначена предметам. Сначала выберите для них другую "
		    "шкалу в разделе «Предметы».");
		return again(r, 409);
	default:
		return 500;
	}
}

static int
act_plus_minus(struct req *r, NOCTX)
{
	if (req_str(r, K_PLUS_MINUS) == NULL)
		return 400;
	if (setting_set(r, "five_point_plus_minus",
	    r->fields[K_PLUS_MINUS].num ? "1" : "0") != 0)
		return 500;
	return req_redirect(r, "/scales");
}

static int
act_builtin(struct req *r, NOCTX)
{
	int	 rc;

	if ((rc = scales_builtin_create(r)) == DB_DUPLICATE) {
		req_field_error(r, "builtin", "У школы уже есть своя шкала с "
		    "названием встроенной: сначала удалите её.");
		return again(r, 409);
	}
	return rc == -1 ? 500 : req_redirect(r, "/scales");
}

static const struct action actions[] = {
	{ "create",	create,		0 },
	{ "delete",	delete,		0 },
	{ "plus_minus",	act_plus_minus,	0 },
	{ "builtin",	act_builtin,	0 },
};

static const struct screen screen = {
	.name = "scales",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "scales.cs",
	.get = scales_get,
	.actions = actions,
	.nactions = sizeof(actions) / sizeof(actions[0]),
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
