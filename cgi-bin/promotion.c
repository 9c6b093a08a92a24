/*
 * promotion: promotion to the next grade at year end (R16), by an order
 * of kind promotion («О переводе в следующий класс»).  GET lists the
 * current year's classes with their students, everyone ticked; POST moves
 * the students of the ticked classes into the next year in one
 * transaction: a ticked student to grade + 1 (an 11th grader graduates),
 * an unticked one stays in the same grade (repetition), a 9th grader
 * ticked as leaving graduates.  One movement row each; graduates lose
 * their access as on withdrawal, their history stays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "screen.h"
#include "orders.h"

enum { K_ORDER, K_CLASS, K_PROMOTE, K_LEAVE, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ORDER] =	{ "order", v_id, 0 },
	[K_CLASS] =	{ "class", v_id, KEY_MULTI },
	[K_PROMOTE] =	{ "promote", v_id, KEY_MULTI },
	[K_LEAVE] =	{ "leave", v_id, KEY_MULTI },
};

static int
in(const long long *ids, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* The order (a promotion order of this school), the next year, the list. */
static int
load(struct req *r, long long *order, long long *next, char starts[11],
    struct promo_class **cls, int *ncls)
{
	enum obj_res	 ok;
	int		 rc;

	if (req_str(r, K_ORDER) == NULL)
		return 400;
	*order = r->fields[K_ORDER].num;
	if ((ok = obj_order(r, *order)) != OBJ_OK)
		return (int)ok;
	if (db_order_get(r->hdf, "Order", *order) != 1)
		return 500;
	if (strcmp(req_get(r, "Order.kind", ""), "promotion") != 0)
		return 404;
	if ((rc = db_year_next(r->sess.school_id, next, starts)) == -1 ||
	    (*ncls = db_promotion_list(r, "Classes", cls)) == -1)
		return 500;
	if (rc == 1)
		req_set(r, "Page.NextStarts", starts);
	else
		*next = 0;
	return 200;
}

static int
promotion_get(struct req *r)
{
	struct promo_class *cls;
	long long	 order, next;
	char		 starts[11];
	int		 ncls;

	return load(r, &order, &next, starts, &cls, &ncls);
}

static int
conflict(struct req *r, const char *msg)
{
	req_set(r, "Form.Error", msg);
	return SCREEN_FORM(409);
}

static int
promotion_post(struct req *r)
{
	struct promo_class *cls;
	long long	*classes, *promote, *leave, order, next, sid;
	size_t		 nc, np, nl, k;
	char		 starts[11];
	const char	*on, *since = "", *name;
	enum promo_kind	 kind;
	enum move_res	 res;
	int		 rc, i, j, ncls, moved = 0, found;

	if ((rc = load(r, &order, &next, starts, &cls, &ncls)) != 200)
		return rc;
	if ((classes = req_ids(r, K_CLASS, &nc)) == NULL ||
	    (promote = req_ids(r, K_PROMOTE, &np)) == NULL ||
	    (leave = req_ids(r, K_LEAVE, &nl)) == NULL)
		return 400;
	if (next == 0)
		return conflict(r, "Следующий учебный год ещё не создан: "
		    "сначала создайте его на странице «Учебные годы».");
	if (nc == 0) {
		req_set(r, "Form.Error", "Отметьте хотя бы один класс.");
		return SCREEN_FORM(400);
	}
	for (k = 0; k < nc; k++) {
		found = 0;
		for (i = 0; !found && i < ncls; i++)
			found = cls[i].id == classes[k];
		if (!found) {
			req_set(r, "Form.Error", "Переводить можно только "
			    "классы текущего учебного года из списка.");
			return SCREEN_FORM(400);
		}
	}
	on = req_get(r, "Order.dated_iso", "");

	for (i = 0; i < ncls; i++) {
		if (!in(classes, nc, cls[i].id))
			continue;
		for (j = 0; j < cls[i].nstudents; j++) {
			sid = cls[i].students[j].id;
			if (cls[i].grade == 9 && in(leave, nl, sid))
				kind = PROMO_GRADUATE;
			else if (in(promote, np, sid))
				kind = PROMO_UP;
			else
				kind = PROMO_REPEAT;
			res = movement_promote(r, order, sid, kind, next,
			    starts, on, &since);
			if (res == MOVE_ERROR)
				return 500;
			name = cls[i].students[j].name;
			if (res == MOVE_TOO_EARLY)
				return conflict(r, arena_printf(&r->arena,
				    "%s учится в классе с %s: приказ о переводе "
				    "не может быть раньше. Никто не переведён.",
				    name, since));
			if (res != MOVE_OK)
				return conflict(r, arena_printf(&r->arena,
				    "%s уже не числится в классе этого года. "
				    "Никто не переведён.", name));
			moved++;
		}
	}
	if (audit_add(r, "promotion", "school_order", order, NULL,
	    arena_printf(&r->arena, "классов: %zu, учеников: %d", nc,
	    moved)) == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "/order?id=%lld",
	    order));
}

static const struct screen screen = {
	.name = "promotion",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "promotion.cs",
	.get = promotion_get,
	.post = promotion_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
