/*
 * workkinds: the school's forms of work (R19) — name, the short name that
 * heads a mark column, the weight in the weighted average, «требует темы»
 * (R20), «контрольная» (the tests schedule), the order; archive or delete
 * (only a kind no lesson uses).  ?id= is the form for one kind.
 */
#include <string.h>

#include "db.h"
#include "screen.h"
#include "rights.h"
#include "roles.h"
#include "workkinds.h"

enum { K_ID, K_ACTION, K_NAME, K_SHORT, K_WEIGHT, K_TOPIC, K_TEST, K_SORT,
    K_ARCHIVED, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ID] =	{ "id", v_id, 0 },
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_NAME] =	{ "name", v_line, 0 },
	[K_SHORT] =	{ "short_name", v_line, 0 },
	[K_WEIGHT] =	{ "weight", v_line, 0 },
	[K_TOPIC] =	{ "needs_topic", v_flag, 0 },
	[K_TEST] =	{ "is_test", v_flag, 0 },
	[K_SORT] =	{ "sort", v_int, 0 },
	[K_ARCHIVED] =	{ "archived", v_flag, 0 },
};

static int
may_write(const struct req *r)
{
	const struct access	*acc = access_find(r->screen->name);

	return acc != NULL && rights_allow(r, acc, M_POST);
}

static int
load(struct req *r, long long id)
{
	if (id != 0 ? db_work_kind_get(r->hdf, "Kind", id) != 1 :
	    db_work_kinds_list(r->hdf, "Kinds", r->sess.school_id) == -1)
		return 500;
	if (may_write(r))
		req_set(r, "Page.CanWrite", "1");
	return 200;
}

static int
workkinds_get(struct req *r)
{
	enum obj_res	 ok;

	if (r->fields[K_ID].error != NULL)
		return 400;
	if (req_str(r, K_ID) == NULL)
		return load(r, 0);
	if ((ok = obj_work_kind(r, r->fields[K_ID].num)) != OBJ_OK)
		return (int)ok;
	return load(r, r->fields[K_ID].num);
}

static int
flag(const struct req *r, size_t k)
{
	return req_str(r, k) != NULL && r->fields[k].num != 0;
}

/* Validate the form into *k (weight into wbuf), echoing it as Form.*. */
static void
check_fields(struct req *r, struct work_kind *k, char *wbuf, size_t wsize)
{
	const char	*w = req_str(r, K_WEIGHT);

	memset(k, 0, sizeof(*k));
	k->name = req_str(r, K_NAME);
	k->short_name = req_str(r, K_SHORT);
	k->needs_topic = flag(r, K_TOPIC);
	k->is_test = flag(r, K_TEST);
	k->archived = flag(r, K_ARCHIVED);
	req_set(r, "Form.Sent", "1");
	req_set(r, "Form.name", k->name != NULL ? k->name : "");
	req_set(r, "Form.short_name", k->short_name != NULL ?
	    k->short_name : "");
	req_set(r, "Form.weight", w != NULL ? w : "");
	req_set(r, "Form.sort", req_str(r, K_SORT) != NULL ?
	    req_str(r, K_SORT) : "");
	req_setf(r, "Form.needs_topic", "%d", k->needs_topic);
	req_setf(r, "Form.is_test", "%d", k->is_test);
	req_setf(r, "Form.archived", "%d", k->archived);

	if (r->fields[K_NAME].error != NULL || (k->name != NULL &&
	    utf8_len(k->name) > WORK_NAME_MAX))
		req_field_error(r, "name", "Название: не длиннее 100 символов.");
	else if (k->name == NULL)
		req_field_error(r, "name", "Укажите название формы работы.");
	if (r->fields[K_SHORT].error != NULL || (k->short_name != NULL &&
	    utf8_len(k->short_name) > WORK_SHORT_MAX))
		req_field_error(r, "short_name", "Сокращение: не длиннее 12 "
		    "символов (это заголовок столбца журнала).");
	else if (k->short_name == NULL)
		req_field_error(r, "short_name", "Укажите сокращение для "
		    "заголовка столбца журнала, например «к/р».");
	if (r->fields[K_WEIGHT].error != NULL || w == NULL ||
	    work_weight_parse(w, wbuf, wsize) == -1)
		req_field_error(r, "weight", "Вес: число от 0,1 до 10 с одним "
		    "знаком после запятой, например 1,5.");
	else
		k->weight = wbuf;
	if (r->fields[K_SORT].error != NULL || (req_str(r, K_SORT) != NULL &&
	    (r->fields[K_SORT].num < 0 || r->fields[K_SORT].num > 9999)))
		req_field_error(r, "sort", "Порядок: целое число от 0 до 9999.");
	else
		k->sort = req_str(r, K_SORT) != NULL ?
		    (int)r->fields[K_SORT].num : 0;
	if (r->fields[K_TOPIC].error != NULL || r->fields[K_TEST].error !=
	    NULL || r->fields[K_ARCHIVED].error != NULL)
		req_field_error(r, "flags", "Неверное значение отметки.");
}

static int
save(struct req *r, long long id)
{
	struct work_kind k;
	char		 w[16];
	long long	 new_id;
	int		 rc;

	check_fields(r, &k, w, sizeof(w));
	if (!req_has_errors(r)) {
		rc = id == 0 ? work_kind_create(r, &k, &new_id) :
		    work_kind_update(r, id, &k);
		if (rc == 0)
			return req_redirect(r, "/workkinds");
		if (rc != DB_DUPLICATE)
			return 500;
		req_field_error(r, "name", "Форма работы с таким названием в "
		    "школе уже есть.");
	}
	rc = load(r, id);
	return rc == 200 ? SCREEN_FORM(400) : rc;
}

static int
act_create(struct req *r, NOCTX)
{
	return save(r, 0);
}

/* The form of work of an update or a delete: 200 with *id, or a status. */
static int
which(struct req *r, long long *id)
{
	enum obj_res	 ok;

	if (req_str(r, K_ID) == NULL)
		return 400;
	*id = r->fields[K_ID].num;
	return (ok = obj_work_kind(r, *id)) == OBJ_OK ? 200 : (int)ok;
}

static int
act_update(struct req *r, NOCTX)
{
	long long	 id;
	int		 rc;

	return (rc = which(r, &id)) != 200 ? rc : save(r, id);
}

static int
act_delete(struct req *r, NOCTX)
{
	long long	 id;
	int		 rc;

	if ((rc = which(r, &id)) != 200)
		return rc;
	if ((rc = work_kind_delete(r, id)) == -1)
		return 500;
	if (rc == 1) {
		req_field_error(r, "delete", "Эту форму работы уже выбирали на "
		    "уроках: её нельзя удалить, только отправить в архив.");
		rc = load(r, id);
		return rc == 200 ? SCREEN_FORM(409) : rc;
	}
	return req_redirect(r, "/workkinds");
}

static const struct action actions[] = {
	{ "create",	act_create,	0 },
	{ "update",	act_update,	0 },
	{ "delete",	act_delete,	0 },
};

static const struct screen screen = {
	.name = "workkinds",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "workkinds.cs",
	.get = workkinds_get,
	.actions = actions,
	.nactions = sizeof(actions) / sizeof(actions[0]),
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
