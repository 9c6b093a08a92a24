/*
 * person: one personal file (R7, R17): the field groups the user may see,
 * and a form for those they may edit.  Which groups is decided once, by
 * obj_person_view() (the table in lib/personal.h); the page never gets a
 * field of another group.
 */
#include <stdio.h>
#include <string.h>

#include "classes.h"
#include "screen.h"
#include "objects.h"
#include "personal.h"

enum { K_ID, K_CLASS, K_SAVED, K_FIELD0, K__MAX = K_FIELD0 + PF__MAX };

/* The field keys in the order of enum pf_field; checked by pf_check. */
static const struct key keys[K__MAX] = {
	[K_ID] =	{ "id", v_id, 0 },
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_SAVED] =	{ "saved", v_flag, 0 },
	[K_FIELD0 + PF_BIRTH_DATE] =	{ "birth_date", v_line, 0 },
	[K_FIELD0 + PF_PHONE] =		{ "phone", v_text, 0 },
	[K_FIELD0 + PF_EMAIL] =		{ "email", v_text, 0 },
	[K_FIELD0 + PF_ADDRESS_REG] =	{ "address_reg", v_text, 0 },
	[K_FIELD0 + PF_ADDRESS_LIVE] =	{ "address_live", v_text, 0 },
	[K_FIELD0 + PF_DOCUMENTS_TEXT] = { "documents", v_text, 0 },
	[K_FIELD0 + PF_SNILS] =		{ "snils", v_text, 0 },
	[K_FIELD0 + PF_HEALTH_GROUP] =	{ "health_group", v_line, 0 },
	[K_FIELD0 + PF_HEALTH_NOTES] =	{ "health_notes", v_text, 0 },
};

static const char *const group_names[] = {
	"basic", "contacts", "documents", "health",
};

/* The object from the query; 0 when the user may open it, else a status. */
static int
target(struct req *r, long long *id, long long *class_id, struct pf_access *a)
{
	enum obj_res	 ok;

	if (req_str(r, K_ID) == NULL || r->fields[K_CLASS].error != NULL)
		return 400;
	*id = r->fields[K_ID].num;
	*class_id = req_str(r, K_CLASS) != NULL ? r->fields[K_CLASS].num : 0;
	ok = obj_person_view(r, *id, *class_id, a);
	return ok == OBJ_OK ? 0 : (int)ok;
}

static int
page(struct req *r, long long id, long long class_id,
    const struct pf_access *a)
{
	const char	*v;
	char		 key[64];
	size_t		 g, f;

	if (db_person_file_get(r->hdf, "Person", id, a->see) != 1 ||
	    (class_id != 0 && db_class_get(r->hdf, "Class", class_id) != 1))
		return 500;
	for (g = 0; g < sizeof(group_names) / sizeof(group_names[0]); g++) {
		if (a->see & (1u << g)) {
			snprintf(key, sizeof(key), "Page.See.%s",
			    group_names[g]);
			req_set(r, key, "1");
		}
		if (a->edit & (1u << g)) {
			snprintf(key, sizeof(key), "Page.Edit.%s",
			    group_names[g]);
			req_set(r, key, "1");
			req_set(r, "Page.CanEdit", "1");
		}
	}
	/* The form starts from the stored values (or what was sent). */
	for (f = 0; f < PF__MAX; f++) {
		if (!(a->edit & pf_group((enum pf_field)f)))
			continue;
		snprintf(key, sizeof(key), "Form.%s", pf_name((enum pf_field)f));
		if (req_get(r, key, NULL) != NULL)
			continue;
		snprintf(key, sizeof(key), "Person.File.%s",
		    pf_name((enum pf_field)f));
		if ((v = req_get(r, key, NULL)) == NULL)
			continue;
		snprintf(key, sizeof(key), "Form.%s", pf_name((enum pf_field)f));
		req_set(r, key, v);
	}
	if (a->kind & PK_STUDENT)
		req_set(r, "Page.IsStudent", "1");
	if (a->kind & PK_GUARDIAN)
		req_set(r, "Page.IsGuardian", "1");
	if (a->kind & PK_STAFF)
		req_set(r, "Page.IsStaff", "1");
	if (req_str(r, K_SAVED) != NULL && r->fields[K_SAVED].num == 1)
		req_set(r, "Page.Saved", "1");
	req_setf(r, "Page.Title", "Личное дело: %s",
	    req_get(r, "Person.name", ""));
	return 200;
}

static int
person_get(struct req *r)
{
	struct pf_access a;
	long long	 id, class_id;
	int		 rc;

	if ((rc = target(r, &id, &class_id, &a)) != 0)
		return rc;
	return page(r, id, class_id, &a);
}

static int
person_post(struct req *r)
{
	struct pf_access a;
	const char	*vals[PF__MAX], *msg;
	struct field	*fl;
	long long	 id, class_id;
	unsigned	 changed;
	int		 set[PF__MAX], rc;
	size_t		 f;
	char		 key[64];

	if ((rc = target(r, &id, &class_id, &a)) != 0)
		return rc;
	if (a.edit == 0)
		return 403;
	memset(set, 0, sizeof(set));
	for (f = 0; f < PF__MAX; f++) {
		vals[f] = NULL;
		fl = &r->fields[K_FIELD0 + f];
		if (fl->raw == NULL)
			continue;	/* not in the form: left as it is */
		/* A crafted form with a group the user may not edit. */
		if (!(a.edit & pf_group((enum pf_field)f)))
			return 403;
		snprintf(key, sizeof(key), "Form.%s", pf_name((enum pf_field)f));
		req_set(r, key, fl->raw);
		if ((msg = fl->error) == NULL)
			msg = pf_check(r, (enum pf_field)f, req_str(r,
			    K_FIELD0 + f), &vals[f]);
		if (msg != NULL)
			req_field_error(r, pf_name((enum pf_field)f), msg);
		set[f] = 1;
	}
	if (req_has_errors(r))
		return (rc = page(r, id, class_id, &a)) == 200 ?
		    SCREEN_FORM(400) : rc;
	if (person_file_save(r, id, vals, set, &changed) == -1)
		return 500;
	/* Data corrected by whoever checks them counts as this quarter's
	 * check (R17); the health group is the medic's, not a check. */
	if ((changed & ~PF_HEALTH) && a.confirm &&
	    pd_check_add(r, id, "changed") == -1)
		return 500;
	if (class_id != 0)
		return req_redirect(r, arena_printf(&r->arena,
		    "/person?id=%lld&class=%lld&saved=1", id, class_id));
	return req_redirect(r, arena_printf(&r->arena,
	    "/person?id=%lld&saved=1", id));
}

static const struct screen screen = {
	.name = "person",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "person.cs",
	.get = person_get,
	.post = person_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
