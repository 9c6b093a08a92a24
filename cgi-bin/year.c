/*
 * year: one school year (R12, R15): its study periods, a table per grade
 * range; its holidays; its bell times; and the coverage check, shown as
 * warnings because the administrator builds the periods one by one.
 * Every change is refused with 409 while the year is closed.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "screen.h"
#include "year.h"

enum {
	K_ID, K_ACTION, K_PERIOD, K_HOLIDAY, K_NAME, K_KIND, K_FROM, K_TO,
	K_STARTS, K_ENDS, K_SHIFT, K_BSTART, K_BEND, K__MAX
};

static const struct key keys[K__MAX] = {
	[K_ID] =	{ "id", v_id, 0 },
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_PERIOD] =	{ "period", v_id, 0 },
	[K_HOLIDAY] =	{ "holiday", v_id, 0 },
	[K_NAME] =	{ "name", v_line, 0 },
	[K_KIND] =	{ "kind", v_line, 0 },
	[K_FROM] =	{ "grade_from", v_int, 0 },
	[K_TO] =	{ "grade_to", v_int, 0 },
	[K_STARTS] =	{ "starts_on", v_date, 0 },
	[K_ENDS] =	{ "ends_on", v_date, 0 },
	[K_SHIFT] =	{ "shift", v_int, 0 },
	/* One per lesson number, in order; read with req_values. */
	[K_BSTART] =	{ "starts_at", v_line, KEY_MULTI },
	[K_BEND] =	{ "ends_at", v_line, KEY_MULTI },
};

/* The page: the year, its periods, holidays, bells and warnings. */
static int
load(struct req *r, long long id)
{
	int	 rc;

	if ((rc = db_year_get(r->hdf, "Year", id)) != 1)
		return rc == 0 ? 404 : 500;
	if (db_periods_list(r->hdf, "Ranges", id) == -1 ||
	    db_holidays_list(r->hdf, "Holidays", id) == -1 ||
	    db_bells_list(r->hdf, "Bells", id) == -1 ||
	    year_coverage(r, "Warnings", id) == -1)
		return 500;
	if (strcmp(req_get(r, "Year.is_open", "0"), "1") == 0 &&
	    (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT)))
		req_set(r, "Page.CanEdit", "1");
	return 200;
}

static int
year_get(struct req *r)
{
	enum obj_res	 ok;

	if (req_str(r, K_ID) == NULL)
		return 400;
	if ((ok = obj_year_view(r, r->fields[K_ID].num)) != OBJ_OK)
		return (int)ok;
	return load(r, r->fields[K_ID].num);
}

/* The page again, with what was typed into the form of action. */
static int
again(struct req *r, const char *action, int status)
{
	static const struct {
		size_t		 k;
		const char	*name;
	} keep[] = {
		{ K_NAME, "name" }, { K_KIND, "kind" }, { K_FROM, "grade_from" },
		{ K_TO, "grade_to" }, { K_STARTS, "starts_on" },
		{ K_ENDS, "ends_on" }, { K_SHIFT, "shift" },
	};
	const struct kv	**v;
	size_t		  i, n;
	int		  rc, shift;

	if ((rc = load(r, r->fields[K_ID].num)) != 200)
		return rc;
	req_set(r, "Page.Form", action);
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (r->fields[keep[i].k].raw != NULL)
			req_set(r, arena_printf(&r->arena, "Form.%s",
			    keep[i].name), r->fields[keep[i].k].raw);
	if (strcmp(action, "bells_set") == 0) {
		shift = r->fields[K_SHIFT].num == 2 ? 2 : 1;
		v = req_values(r, K_BSTART, &n);
		for (i = 0; i < n && i < BELL_MAX; i++)
			req_set(r, arena_printf(&r->arena,
			    "Bells.%d.Rows.%zu.starts_at", shift - 1, i),
			    v[i]->val);
		v = req_values(r, K_BEND, &n);
		for (i = 0; i < n && i < BELL_MAX; i++)
			req_set(r, arena_printf(&r->arena,
			    "Bells.%d.Rows.%zu.ends_at", shift - 1, i),
			    v[i]->val);
	}
	return SCREEN_FORM(status);
}

/* A grade field: def when left empty, -1 when not a grade 1..11. */
static int
grade_of(const struct req *r, size_t k, int def)
{
	const struct field	*f = &r->fields[k];

	if (f->raw == NULL || *f->raw == '\0')
		return def;
	if (f->error != NULL || f->num < GRADE_MIN || f->num > GRADE_MAX)
		return -1;
	return (int)f->num;
}

/*
 * The span of the period or holiday form: grades (default 1..11 when
 * optional), dates inside the year, start not after end.  Messages go to
 * the fields; returns 0 when any is wrong.
 */
static int
span_of(struct req *r, struct year_span *sp, int grades_required)
{
	long	 ys, ye;
	char	 a[16], b[16];
	int	 from, to;

	ys = year_day_iso(req_get(r, "Year.starts_on", ""));
	ye = year_day_iso(req_get(r, "Year.ends_on", ""));
	from = grade_of(r, K_FROM, grades_required ? 0 : GRADE_MIN);
	to = grade_of(r, K_TO, grades_required ? 0 : GRADE_MAX);
	if (from == -1 || to == -1)
		req_field_error(r, "grades", "Классы — числа от 1 до 11.");
	else if (from == 0 || to == 0)
		req_field_error(r, "grades", "Укажите классы: с какого по "
		    "какой.");
	else if (from > to)
		req_field_error(r, "grades", "Первый класс диапазона больше "
		    "последнего.");
	if (r->fields[K_STARTS].error != NULL)
		req_field_error(r, "starts_on", r->fields[K_STARTS].error);
	else if (req_str(r, K_STARTS) == NULL)
		req_field_error(r, "starts_on", "Укажите дату начала.");
	if (r->fields[K_ENDS].error != NULL)
		req_field_error(r, "ends_on", r->fields[K_ENDS].error);
	else if (req_str(r, K_ENDS) == NULL)
		req_field_error(r, "ends_on", "Укажите дату окончания.");
	if (req_has_errors(r))
		return 0;
	sp->grade_from = from;
	sp->grade_to = to;
	sp->from = year_day_iso(req_str(r, K_STARTS));
	sp->to = year_day_iso(req_str(r, K_ENDS));
	year_date_ru(ys, a, sizeof(a));
	year_date_ru(ye, b, sizeof(b));
	if (sp->from > sp->to)
		req_field_error(r, "ends_on", "Дата окончания раньше даты "
		    "начала.");
	else if (sp->from < ys || sp->to > ye)
		req_field_error(r, "starts_on", arena_printf(&r->arena,
		    "Даты должны быть внутри учебного года: с %s по %s.", a, b));
	return !req_has_errors(r);
}

static int
name_of(struct req *r, size_t max, const char *empty)
{
	const char	*name = req_str(r, K_NAME);

	if (name == NULL)
		req_field_error(r, "name", empty);
	else if (utf8_len(name) > max)
		req_field_error(r, "name", arena_printf(&r->arena,
		    "Название: не длиннее %zu символов.", max));
	else
		return 1;
	return 0;
}

static int
add_period(struct req *r, long long id)
{
	const char		*kind = req_str(r, K_KIND);
	struct year_span	 sp;
	char			 what[256], label[32];
	long long		 pid;
	int			 rc;

	name_of(r, 50, "Укажите название периода, например «1 четверть».");
	if (period_kind_name(kind) == NULL)
		req_field_error(r, "kind", "Выберите вид периода: четверть, "
		    "триместр, полугодие или год.");
	if (!span_of(r, &sp, 1) || req_has_errors(r))
		return again(r, "period_add", 400);
	if ((rc = period_conflict(id, &sp, what, sizeof(what))) == -1)
		return 500;
	if (rc == 1) {
		req_field_error(r, "starts_on", arena_printf(&r->arena,
		    "Период пересекается с периодом %s: у классов одного "
		    "диапазона периоды не должны накладываться.", what));
		return again(r, "period_add", 400);
	}
	rc = period_add(r, id, req_str(r, K_NAME), kind, &sp,
	    req_str(r, K_STARTS), req_str(r, K_ENDS), &pid);
	if (rc == DB_DUPLICATE) {
		grades_label(sp.grade_from, sp.grade_to, label, sizeof(label));
		req_field_error(r, "name", arena_printf(&r->arena,
		    "Период «%s» для диапазона «%s» уже есть.",
		    req_str(r, K_NAME), label));
		return again(r, "period_add", 400);
	}
	return rc == -1 ? 500 : 303;
}

static int
add_holiday(struct req *r, long long id)
{
	struct year_span	 sp;
	char			 what[256];
	long long		 hid;
	int			 rc;

	name_of(r, 100, "Укажите название каникул, например «Осенние "
	    "каникулы».");
	if (!span_of(r, &sp, 0) || req_has_errors(r))
		return again(r, "holiday_add", 400);
	if ((rc = holiday_conflict(id, &sp, what, sizeof(what))) == -1)
		return 500;
	if (rc == 1) {
		req_field_error(r, "starts_on", arena_printf(&r->arena,
		    "Каникулы пересекаются с каникулами %s.", what));
		return again(r, "holiday_add", 400);
	}
	if (holiday_add(r, id, req_str(r, K_NAME), &sp, req_str(r, K_STARTS),
	    req_str(r, K_ENDS), &hid) == -1)
		return 500;
	return 303;
}

/* The bell form: up to BELL_MAX lessons, each both times or neither. */
static int
set_bells(struct req *r, long long id)
{
	const struct kv	**st, **en;
	size_t		  ns, ne, i;
	int		  starts[BELL_MAX], ends[BELL_MAX], shift, last = -1;
	const char	 *err = NULL;

	shift = req_str(r, K_SHIFT) == NULL ? 1 : (int)r->fields[K_SHIFT].num;
	if (shift != 1 && shift != 2)
		return 400;
	st = req_values(r, K_BSTART, &ns);
	en = req_values(r, K_BEND, &ne);
	if (ns != ne || ns > BELL_MAX)
		return 400;
	for (i = 0; i < BELL_MAX; i++)
		starts[i] = ends[i] = -1;
	for (i = 0; i < ns && err == NULL; i++) {
		if (*st[i]->val == '\0' && *en[i]->val == '\0')
			continue;
		if (*st[i]->val == '\0' || *en[i]->val == '\0')
			err = arena_printf(&r->arena, "Урок %zu: укажите и "
			    "начало, и конец.", i + 1);
		else if ((starts[i] = year_hhmm(st[i]->val)) == -1 ||
		    (ends[i] = year_hhmm(en[i]->val)) == -1)
			err = arena_printf(&r->arena, "Урок %zu: время в виде "
			    "ЧЧ:ММ, например 08:30.", i + 1);
		else if (starts[i] >= ends[i])
			err = arena_printf(&r->arena, "Урок %zu: конец не "
			    "позже начала.", i + 1);
		else if (last >= 0 && starts[i] < ends[last])
			err = arena_printf(&r->arena, "Урок %zu начинается "
			    "раньше, чем кончается урок %d.", i + 1, last + 1);
		last = (int)i;
	}
	if (err != NULL) {
		req_field_error(r, "bells", err);
		return again(r, "bells_set", 400);
	}
	return bells_set(r, id, shift, starts, ends) == -1 ? 500 : 303;
}

/* The actions on an open year (ctx: its id). */
static int
act_period_add(struct req *r, void *ctx)
{
	return add_period(r, *(long long *)ctx);
}

static int
act_holiday_add(struct req *r, void *ctx)
{
	return add_holiday(r, *(long long *)ctx);
}

static int
act_bells_set(struct req *r, void *ctx)
{
	return set_bells(r, *(long long *)ctx);
}

static int
act_period_delete(struct req *r, void *ctx)
{
	int	 rc;

	if (req_str(r, K_PERIOD) == NULL)
		return 400;
	rc = period_delete(r, *(long long *)ctx, r->fields[K_PERIOD].num);
	return rc == -1 ? 500 : rc == 1 ? 404 : 303;
}

static int
act_holiday_delete(struct req *r, void *ctx)
{
	int	 rc;

	if (req_str(r, K_HOLIDAY) == NULL)
		return 400;
	rc = holiday_delete(r, *(long long *)ctx, r->fields[K_HOLIDAY].num);
	return rc == -1 ? 500 : rc == 1 ? 404 : 303;
}

static const struct action actions[] = {
	{ "period_add",		act_period_add,		0 },
	{ "holiday_add",	act_holiday_add,	0 },
	{ "bells_set",		act_bells_set,		0 },
	{ "period_delete",	act_period_delete,	0 },
	{ "holiday_delete",	act_holiday_delete,	0 },
};

static int
year_post(struct req *r)
{
	const char	*action = req_str(r, K_ACTION);
	enum obj_res	 ok;
	long long	 id;
	int		 is_open, rc;

	if (req_str(r, K_ID) == NULL || action == NULL)
		return 400;
	id = r->fields[K_ID].num;
	if ((ok = obj_year_edit(r, id, &is_open)) != OBJ_OK)
		return (int)ok;
	if (!is_open) {
		if ((rc = load(r, id)) != 200)
			return rc;
		req_set(r, "Page.Message", "Учебный год закрыт: его периоды, "
		    "каникулы и звонки изменить нельзя. Чтобы внести "
		    "изменения, откройте год на странице «Учебные годы».");
		return SCREEN_FORM(409);
	}
	if (db_year_get(r->hdf, "Year", id) != 1)
		return 500;
	rc = screen_action(r, ACTIONS(actions), action, &id);
	if (rc == 303)
		return req_redirect(r, arena_printf(&r->arena,
		    "/year?id=%lld", id));
	return rc;
}

static const struct screen screen = {
	.name = "year",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "year.cs",
	.get = year_get,
	.post = year_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
