/*
 * consent: one guardian's statements of consent or refusal to personal
 * data processing (R6), with the form to record a new one.  Reached from
 * a class roster, so the class is part of the object check.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "classes.h"
#include "consent.h"
#include "screen.h"
#include "objects.h"
#include "people.h"

enum { K_GUARDIAN, K_CLASS, K_STATUS, K_SIGNED, K_DOCUMENT, K__MAX };

static const struct key keys[K__MAX] = {
	[K_GUARDIAN] =	{ "guardian", v_id, 0 },
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_STATUS] =	{ "status", v_line, 0 },
	[K_SIGNED] =	{ "signed_on", v_date, 0 },
	[K_DOCUMENT] =	{ "document", v_line, 0 },
};

/* The page: guardian, their children, the class, the history. */
static int
load(struct req *r, long long guardian, long long class_id)
{
	enum obj_res	 ok;

	if ((ok = obj_guardian_record(r, guardian, class_id)) == OBJ_ERROR)
		return 500;
	if (ok == OBJ_OK)
		req_set(r, "Page.CanRecord", "1");
	if (db_guardian_get(r->hdf, "Guardian", guardian) != 1 ||
	    db_class_get(r->hdf, "Class", class_id) != 1 ||
	    db_children_list_by_guardian(r->hdf, "Children", guardian) == -1 ||
	    db_consent_history(r->hdf, "History", guardian) == -1)
		return 500;
	return 200;
}

static int
consent_get(struct req *r)
{
	enum obj_res	 ok;

	if (req_str(r, K_GUARDIAN) == NULL || req_str(r, K_CLASS) == NULL)
		return 400;
	if ((ok = obj_guardian_view(r, r->fields[K_GUARDIAN].num,
	    r->fields[K_CLASS].num)) != OBJ_OK)
		return (int)ok;
	return load(r, r->fields[K_GUARDIAN].num, r->fields[K_CLASS].num);
}

static int
consent_post(struct req *r)
{
	const char	*status, *doc;
	long long	 guardian, class_id, today;
	enum obj_res	 ok;
	int		 disabled, rc;

	if (req_str(r, K_GUARDIAN) == NULL || req_str(r, K_CLASS) == NULL)
		return 400;
	guardian = r->fields[K_GUARDIAN].num;
	class_id = r->fields[K_CLASS].num;
	if ((ok = obj_guardian_record(r, guardian, class_id)) != OBJ_OK)
		return (int)ok;

	status = req_str(r, K_STATUS);
	if (status == NULL || (strcmp(status, "consent") != 0 &&
	    strcmp(status, "refusal") != 0))
		req_field_error(r, "status", "Выберите: согласие или отказ.");
	today = clock_ymd();
	if (r->fields[K_SIGNED].error != NULL)
		req_field_error(r, "signed_on", r->fields[K_SIGNED].error);
	else if (req_str(r, K_SIGNED) == NULL)
		req_field_error(r, "signed_on", "Укажите дату заявления.");
	else if (r->fields[K_SIGNED].num > today)
		req_field_error(r, "signed_on", "Дата не может быть в будущем.");
	else if (r->fields[K_SIGNED].num < 20000101)
		req_field_error(r, "signed_on", "Проверьте год заявления.");
	doc = req_str(r, K_DOCUMENT);
	if (r->fields[K_DOCUMENT].error != NULL ||
	    (doc != NULL && utf8_len(doc) > 64))
		req_field_error(r, "document",
		    "Номер документа: не длиннее 64 символов.");
	if (req_has_errors(r)) {
		if (status != NULL)
			req_set(r, "Form.status", status);
		if (req_str(r, K_SIGNED) != NULL)
			req_set(r, "Form.signed_on", req_str(r, K_SIGNED));
		if (doc != NULL)
			req_set(r, "Form.document", doc);
		rc = load(r, guardian, class_id);
		return rc == 200 ? SCREEN_FORM(400) : rc;
	}
	if (consent_record(r, guardian, status, req_str(r, K_SIGNED),
	    doc != NULL ? doc : "", &disabled) == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "/class?id=%lld",
	    class_id));
}

static const struct screen screen = {
	.name = "consent",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "consent.cs",
	.get = consent_get,
	.post = consent_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
