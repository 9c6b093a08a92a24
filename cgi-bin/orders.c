/*
 * orders: the electronic book of orders (R16): the school's orders,
 * newest first, filtered by kind and calendar year, and the form that
 * enters a new one.  The secretary keeps the book; the administration and
 * the inspector read it.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "screen.h"
#include "orders.h"
#include "roles.h"

enum { K_KIND, K_YEAR, K_NUMBER, K_DATED, K_TITLE, K_TEXT, K__MAX };

static const struct key keys[K__MAX] = {
	[K_KIND] =	{ "kind", v_line, 0 },
	[K_YEAR] =	{ "year", v_int, 0 },
	[K_NUMBER] =	{ "number", v_line, 0 },
	[K_DATED] =	{ "dated", v_date, 0 },
	[K_TITLE] =	{ "title", v_line, 0 },
	[K_TEXT] =	{ "text", v_text, 0 },
};

/* How far ahead an order may be dated: one signed for the next month. */
#define AHEAD_DAYS	30

/* Whether the access table lets the user write here (shows the form). */
static int
can_write(const struct req *r)
{
	const struct access	*a = access_find("orders");

	return a != NULL && (r->sess.roles & (a->wroles ? a->wroles :
	    a->roles)) != 0;
}

/* The book with the filters of the query string. */
static int
load(struct req *r)
{
	const char	*kind = req_str(r, K_KIND);
	int		 year = 0;

	if (r->method == M_POST || !order_kind_valid(kind))
		kind = NULL;		/* an unknown kind: the whole book */
	if (r->method == M_GET && req_str(r, K_YEAR) != NULL &&
	    r->fields[K_YEAR].num >= 1900 && r->fields[K_YEAR].num <= 9999)
		year = (int)r->fields[K_YEAR].num;
	if (kind != NULL)
		req_set(r, "Filter.kind", kind);
	if (year != 0)
		req_setf(r, "Filter.year", "%d", year);
	if (db_orders_list(r->hdf, "Orders", r->sess.school_id, kind,
	    year) == -1 ||
	    db_order_years(r->hdf, "Years", r->sess.school_id) == -1)
		return 500;
	if (can_write(r))
		req_set(r, "Page.CanWrite", "1");
	return 200;
}

static int
orders_get(struct req *r)
{
	long long	 t = orders_day(0);

	req_setf(r, "Form.dated", "%04lld-%02lld-%02lld", t / 10000,
	    t / 100 % 100, t % 100);
	return load(r);
}

/* A field's message: the validator's, or ours when it was not sent. */
static int
need(struct req *r, size_t k, const char *name, const char *missing)
{
	if (r->fields[k].error != NULL) {
		req_field_error(r, name, r->fields[k].error);
		return 0;
	}
	if (req_str(r, k) == NULL) {
		req_field_error(r, name, missing);
		return 0;
	}
	return 1;
}

static int
orders_post(struct req *r)
{
	static const char *const names[] = {
		[K_KIND] = "kind", [K_NUMBER] = "number", [K_DATED] = "dated",
		[K_TITLE] = "title", [K_TEXT] = "text",
	};
	const char	*number, *dated, *kind, *title, *text;
	long long	 id;
	size_t		 k;
	int		 rc;

	if (need(r, K_NUMBER, "number", "Укажите номер приказа.") &&
	    utf8_len(req_str(r, K_NUMBER)) > 20)
		req_field_error(r, "number",
		    "Номер приказа: не длиннее 20 символов.");
	if (need(r, K_DATED, "dated", "Укажите дату приказа.")) {
		if (r->fields[K_DATED].num > orders_day(AHEAD_DAYS))
			req_field_error(r, "dated", "Дата приказа не может "
			    "быть позже чем через 30 дней от сегодняшней.");
		else if (r->fields[K_DATED].num < 20000101)
			req_field_error(r, "dated", "Проверьте год приказа.");
	}
	kind = req_str(r, K_KIND);
	if (!order_kind_valid(kind))
		req_field_error(r, "kind", "Выберите вид приказа.");
	need(r, K_TITLE, "title", "Укажите заголовок приказа: «О зачислении "
	    "…», «Об отчислении …».");
	if (r->fields[K_TEXT].error != NULL)
		req_field_error(r, "text", "Текст приказа: не длиннее 1000 "
		    "символов, без управляющих символов.");

	number = req_str(r, K_NUMBER);
	dated = req_str(r, K_DATED);
	title = req_str(r, K_TITLE);
	text = req_str(r, K_TEXT) != NULL ? req_str(r, K_TEXT) : "";
	if (!req_has_errors(r)) {
		id = order_add(r, number, dated, kind, title, text);
		if (id == -1)
			return 500;
		if (id != DB_DUPLICATE)
			return req_redirect(r, arena_printf(&r->arena,
			    "/order?id=%lld", id));
		req_field_error(r, "number", arena_printf(&r->arena,
		    "Приказ № %s за %.4s год уже есть в книге: у каждого "
		    "приказа года свой номер.", number, dated));
	}
	/* The form again, with what was typed. */
	for (k = 0; k < K__MAX; k++)
		if (k < sizeof(names) / sizeof(names[0]) && names[k] != NULL &&
		    r->fields[k].raw != NULL)
			req_set(r, arena_printf(&r->arena, "Form.%s", names[k]),
			    r->fields[k].raw);
	rc = load(r);
	return rc == 200 ? SCREEN_FORM(400) : rc;
}

static const struct screen screen = {
	.name = "orders",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "orders.cs",
	.get = orders_get,
	.post = orders_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
