/*
 * years: the school's years (R15), newest first, with the forms to create
 * a year and to close or reopen one.  A closed year is read-only: /year
 * refuses to change it (409) until it is reopened here.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "screen.h"
#include "year.h"

enum { K_ACTION, K_ID, K_NAME, K_STARTS, K_ENDS, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_ID] =	{ "id", v_id, 0 },
	[K_NAME] =	{ "name", v_line, 0 },
	[K_STARTS] =	{ "starts_on", v_date, 0 },
	[K_ENDS] =	{ "ends_on", v_date, 0 },
};

static int
years_get(struct req *r)
{
	if (db_years_list(r->hdf, "Years", r->sess.school_id) == -1)
		return 500;
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT))
		req_set(r, "Page.CanEdit", "1");
	return 200;
}

/* The form again with what was typed and the messages already set. */
static int
again(struct req *r, int status)
{
	static const struct {
		size_t		 k;
		const char	*name;
	} keep[] = {
		{ K_NAME, "Form.name" },
		{ K_STARTS, "Form.starts_on" },
		{ K_ENDS, "Form.ends_on" },
	};
	size_t	 i;
	int	 rc;

	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (r->fields[keep[i].k].raw != NULL)
			req_set(r, keep[i].name, r->fields[keep[i].k].raw);
	return (rc = years_get(r)) == 200 ? SCREEN_FORM(status) : rc;
}

/*
 * A date field: required, a real date, and between lo and hi (YYYYMMDD).
 * Sets the field's error and returns 0 when it is not.
 */
static int
date_in(struct req *r, size_t k, const char *what, long long lo,
    long long hi, const char *range)
{
	const char	*name = r->screen->keys[k].name;

	if (r->fields[k].error != NULL)
		req_field_error(r, name, r->fields[k].error);
	else if (req_str(r, k) == NULL)
		req_field_error(r, name, arena_printf(&r->arena,
		    "Укажите дату %s.", what));
	else if (r->fields[k].num < lo || r->fields[k].num > hi)
		req_field_error(r, name, arena_printf(&r->arena,
		    "Дата %s: %s.", what, range));
	else
		return 1;
	return 0;
}

static int
create(struct req *r, NOCTX)
{
	const char	*name = req_str(r, K_NAME);
	long long	 id;
	int		 y = 0, rc;

	if (name == NULL)
		req_field_error(r, "name", "Укажите учебный год, например "
		    "«2027/2028».");
	else if (!year_name_ok(name, &y))
		req_field_error(r, "name", "Учебный год — два года подряд "
		    "через косую черту, например «2027/2028».");
	if (y != 0) {
		/* Russian schools start on 1 September; some set up in August. */
		date_in(r, K_STARTS, "начала", y * 10000LL + 801,
		    y * 10000LL + 930, arena_printf(&r->arena,
		    "год %s начинается в августе или сентябре %d года", name, y));
		date_in(r, K_ENDS, "окончания", (y + 1) * 10000LL + 501,
		    (y + 1) * 10000LL + 831, arena_printf(&r->arena,
		    "год %s заканчивается в мае–августе %d года", name, y + 1));
	}
	if (req_has_errors(r))
		return again(r, 400);
	rc = year_create(r, name, req_str(r, K_STARTS), req_str(r, K_ENDS),
	    &id);
	if (rc == DB_DUPLICATE) {
		req_field_error(r, "name", arena_printf(&r->arena,
		    "Учебный год «%s» в школе уже есть.", name));
		return again(r, 400);
	}
	if (rc == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "/year?id=%lld", id));
}

static int
set_open(struct req *r, int open)
{
	enum obj_res	 ok;
	int		 is_open, rc;

	if (req_str(r, K_ID) == NULL)
		return 400;
	if ((ok = obj_year_edit(r, r->fields[K_ID].num, &is_open)) != OBJ_OK)
		return (int)ok;
	if ((rc = year_set_open(r, r->fields[K_ID].num, open)) == -1)
		return 500;
	if (rc == 1) {
		/* Another window did it first: say so rather than pretend. */
		req_set(r, "Page.Message", open ? "Этот учебный год уже открыт." :
		    "Этот учебный год уже закрыт.");
		return (rc = years_get(r)) == 200 ? SCREEN_FORM(409) : rc;
	}
	return req_redirect(r, "/years");
}

static int
close_year(struct req *r, NOCTX)
{
	return set_open(r, 0);
}

static int
open_year(struct req *r, NOCTX)
{
	return set_open(r, 1);
}

static const struct action actions[] = {
	{ "create",	create,		0 },
	{ "close",	close_year,	0 },
	{ "open",	open_year,	0 },
};

static const struct screen screen = {
	.name = "years",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "years.cs",
	.get = years_get,
	.actions = actions,
	.nactions = sizeof(actions) / sizeof(actions[0]),
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
