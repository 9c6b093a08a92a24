/*
 * slips: logins and passwords for the students and guardians of a class,
 * printed as slips (R3, R4).  GET chooses who; POST issues and shows the
 * slips at once: passwords are kept only as hashes, so this response is
 * the one place they are ever seen (no redirect, no-store).
 */
#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "classes.h"
#include "screen.h"
#include "objects.h"

enum { K_CLASS, K_PERSON, K__MAX };

static const struct key keys[K__MAX] = {
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_PERSON] =	{ "person", v_id, KEY_MULTI },
};

/* Drop repeated ids, keeping the first of each; returns the new count. */
static size_t
unique(long long *ids, size_t n)
{
	size_t	 i, j, m = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < m && ids[j] != ids[i]; j++)
			continue;
		if (j == m)
			ids[m++] = ids[i];
	}
	return m;
}

static int
form(struct req *r, long long class_id)
{
	if (db_class_get(r->hdf, "Class", class_id) != 1 ||
	    db_roster_list(r->hdf, "Students", class_id) == -1)
		return 500;
	return 200;
}

static int
slips_get(struct req *r)
{
	enum obj_res	 ok;

	if (req_str(r, K_CLASS) == NULL)
		return 400;
	if ((ok = obj_class_issue(r, r->fields[K_CLASS].num)) != OBJ_OK)
		return (int)ok;
	return form(r, r->fields[K_CLASS].num);
}

static int
slips_post(struct req *r)
{
	long long	*ids, class_id;
	size_t		 n, i;
	char		 key[64], login[65], password[13];
	const char	*role;
	enum obj_res	 ok;
	int		 rc;

	if (req_str(r, K_CLASS) == NULL)
		return 400;
	class_id = r->fields[K_CLASS].num;
	if ((ok = obj_class_issue(r, class_id)) != OBJ_OK)
		return (int)ok;
	if ((ids = req_ids(r, K_PERSON, &n)) == NULL)
		return 400;
	n = unique(ids, n);	/* a parent of two pupils is listed twice */
	if (n == 0) {
		req_set(r, "Form.Error", "Отметьте хотя бы одного человека.");
		return (rc = form(r, class_id)) == 200 ? SCREEN_FORM(400) : rc;
	}
	/* Every person first, so that nothing is issued when one is wrong. */
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "Slips.%zu", i);
		if ((rc = db_issue_candidate(r->hdf, key, class_id,
		    ids[i])) == -1)
			return 500;
		snprintf(key, sizeof(key), "Slips.%zu.eligible", i);
		if (rc == 0 || strcmp(req_get(r, key, "0"), "1") != 0) {
			req_set(r, "Form.Error", "Выберите учеников и "
			    "родителей этого класса, давших согласие на "
			    "обработку персональных данных.");
			return (rc = form(r, class_id)) == 200 ?
			    SCREEN_FORM(400) : rc;
		}
	}
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "Slips.%zu.role", i);
		role = req_get(r, key, "student");
		if (account_issue(r, ids[i], role, login, password) == -1)
			return 500;
		snprintf(key, sizeof(key), "Slips.%zu.login", i);
		req_set(r, key, login);
		snprintf(key, sizeof(key), "Slips.%zu.password", i);
		req_set(r, key, password);
	}
	if (db_class_get(r->hdf, "Class", class_id) != 1)
		return 500;
	req_setf(r, "Page.LoginUrl", "%s/login", req_site_url(r));
	req_setf(r, "Page.Back", "/class?id=%lld", class_id);
	r->template = "slips_print.cs";
	return 200;
}

static const struct screen screen = {
	.name = "slips",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "slips.cs",
	.get = slips_get,
	.post = slips_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
