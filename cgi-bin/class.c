/*
 * class: the roster of one class: students with their guardians, logins
 * and the state of each guardian's consent (R6, R7).
 */
#include "classes.h"
#include "journal.h"
#include "objects.h"

enum { K_ID, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ID] = { "id", v_id, 0 },
};

static int
class_get(struct req *r)
{
	long long	 id;
	enum obj_res	 ok;

	if (req_str(r, K_ID) == NULL)
		return 400;
	id = r->fields[K_ID].num;
	if ((ok = obj_class_view(r, id)) != OBJ_OK)
		return (int)ok;
	if (db_class_get(r->hdf, "Class", id) != 1 ||
	    db_roster_list(r->hdf, "Students", id) == -1)
		return 500;
	req_setf(r, "Page.Title", "%s класс", req_get(r, "Class.name", ""));
	/* Links only for what the user may do here (the screens check again). */
	if ((ok = obj_class_issue(r, id)) == OBJ_ERROR)
		return 500;
	if (ok == OBJ_OK)
		req_set(r, "Page.CanIssue", "1");
	if (ok == OBJ_OK || (r->sess.roles & ROLE_SECRETARY))
		req_set(r, "Page.CanRecordConsent", "1");
	else if (r->sess.roles & (ROLE_MANAGEMENT | ROLE_INSPECTOR))
		req_set(r, "Page.CanViewConsent", "1");
	return 200;
}

static const struct screen screen = {
	.name = "class",
	.methods = M_GET,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "class.cs",
	.get = class_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
