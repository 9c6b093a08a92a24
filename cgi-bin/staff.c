/*
 * staff: the school's staff with positions, roles and logins (R1-R5).
 * The administrator and the HR specialist add people; only the
 * administrator grants roles (R2) and issues staff logins (R3), printed as
 * slips like the families' ones.  Dismissal goes through an order.
 */
#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "audit.h"
#include "screen.h"
#include "people.h"
#include "roles.h"
#include "staff.h"

enum { K_ACTION, K_PERSON, K_LAST, K_FIRST, K_MIDDLE, K_SEX, K_POSITION,
    K_HIRED, K_ROLE, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_PERSON] =	{ "person", v_id, KEY_MULTI },
	[K_LAST] =	{ "last_name", v_line, 0 },
	[K_FIRST] =	{ "first_name", v_line, 0 },
	[K_MIDDLE] =	{ "middle_name", v_line, 0 },
	[K_SEX] =	{ "sex", v_line, 0 },
	[K_POSITION] =	{ "position", v_line, 0 },
	[K_HIRED] =	{ "hired_on", v_date, 0 },
	[K_ROLE] =	{ "role", v_line, KEY_MULTI },
};

static int
page(struct req *r)
{
	unsigned	 bit;
	int		 k;
	char		 key[64];

	if (db_staff_list(r->hdf, "Staff", r->sess.school_id) == -1)
		return 500;
	for (bit = 1, k = 0; bit < (1u << ROLE__COUNT); bit <<= 1) {
		if (bit & (ROLE_STUDENT | ROLE_PARENT))
			continue;	/* given with the families' slips */
		snprintf(key, sizeof(key), "RoleList.%d.code", k);
		req_set(r, key, role_code(bit));
		snprintf(key, sizeof(key), "RoleList.%d.name", k++);
		req_set(r, key, role_name(bit));
	}
	if (r->sess.roles & ROLE_ADMIN)
		req_set(r, "Page.IsAdmin", "1");
	if (r->sess.roles & (ROLE_ADMIN | ROLE_HR))
		req_set(r, "Page.CanAdd", "1");
	return 200;
}

static int
staff_get(struct req *r)
{
	return page(r);
}

static int
refuse(struct req *r, const char *field, const char *msg)
{
	size_t	 k;
	int	 rc;

	req_field_error(r, field, msg);
	for (k = K_LAST; k <= K_HIRED; k++)
		if (req_str(r, k) != NULL)
			req_set(r, arena_printf(&r->arena, "Form.%s",
			    keys[k].name), req_str(r, k));
	return (rc = page(r)) == 200 ? SCREEN_FORM(400) : rc;
}

static int
create(struct req *r, NOCTX)
{
	const char	*last, *first, *middle, *sex, *position;
	long long	 id;

	last = req_str(r, K_LAST);
	first = req_str(r, K_FIRST);
	middle = req_str(r, K_MIDDLE);
	sex = req_str(r, K_SEX);
	position = req_str(r, K_POSITION);
	if (last == NULL || utf8_len(last) > 100)
		return refuse(r, "last_name", "Укажите фамилию (до 100 символов).");
	if (first == NULL || utf8_len(first) > 100)
		return refuse(r, "first_name", "Укажите имя (до 100 символов).");
	if (middle != NULL && utf8_len(middle) > 100)
		return refuse(r, "middle_name", "Отчество: до 100 символов.");
	if (sex != NULL && strcmp(sex, "m") != 0 && strcmp(sex, "f") != 0)
		return refuse(r, "sex", "Пол: мужской или женский.");
	if (position == NULL || utf8_len(position) > 150)
		return refuse(r, "position", "Укажите должность (до 150 символов).");
	if (r->fields[K_HIRED].error != NULL)
		return refuse(r, "hired_on", r->fields[K_HIRED].error);
	if (db_person_insert(r->sess.school_id, last, first, middle, sex,
	    &id) == -1 || db_staff_insert(id, position,
	    req_str(r, K_HIRED)) == -1 ||
	    audit_add(r, "staff_add", "person", id, NULL, position) == -1)
		return 500;
	return req_redirect(r, "/staff");
}

/* The administrator sets a staff member's roles (R2). */
static int
set_roles(struct req *r, NOCTX)
{
	const struct kv	**v;
	long long	 *ids;
	unsigned	  roles = 0, bit;
	size_t		  n, i;
	char		  old[200], new[200];
	int		  rc;

	if (!(r->sess.roles & ROLE_ADMIN))
		return 403;	/* only the administrator grants roles */
	if ((ids = req_ids(r, K_PERSON, &n)) == NULL || n != 1)
		return 400;
	v = req_values(r, K_ROLE, &n);
	for (i = 0; i < n; i++) {
		if ((bit = role_bit(v[i]->val)) == 0 ||
		    (bit & (ROLE_STUDENT | ROLE_PARENT)))
			return 400;
		roles |= bit;
	}
	if ((rc = db_staff_check(r->sess.school_id, ids[0])) == -1)
		return 500;
	if (rc == 0)
		return 404;
	if (rc == 2 && roles != 0)
		return refuse(r, "roles", "Сотрудник уволен: роли ему не "
		    "выдаются.");
	if (ids[0] == r->sess.person_id && !(roles & ROLE_ADMIN))
		return refuse(r, "roles", "Нельзя снять роль администратора "
		    "с самого себя.");
	if ((rc = db_staff_roles_set(ids[0], roles, old, sizeof(old))) == -1)
		return 500;
	if (rc == 1)
		return refuse(r, "roles", "Сначала выдайте сотруднику логин: "
		    "роли привязаны к учётной записи.");
	new[0] = '\0';
	for (bit = 1; bit < (1u << ROLE__COUNT); bit <<= 1)
		if (roles & bit)
			snprintf(new + strlen(new), sizeof(new) - strlen(new),
			    "%s%s", new[0] ? "," : "", role_code(bit));
	if (audit_add(r, "roles_set", "person", ids[0], old, new) == -1)
		return 500;
	return req_redirect(r, "/staff");
}

/* The administrator issues staff logins (R3) and prints the slips. */
static int
issue(struct req *r, NOCTX)
{
	long long	*ids;
	size_t		 n, i;
	char		 key[64], login[65], password[13];
	int		 rc;

	if (!(r->sess.roles & ROLE_ADMIN))
		return 403;
	if ((ids = req_ids(r, K_PERSON, &n)) == NULL)
		return 400;
	if (n == 0)
		return refuse(r, "person", "Отметьте хотя бы одного сотрудника.");
	for (i = 0; i < n; i++) {
		if ((rc = db_staff_check(r->sess.school_id, ids[i])) == -1)
			return 500;
		if (rc != 1)
			return refuse(r, "person", "Логины выдаются только "
			    "работающим сотрудникам этой школы.");
	}
	for (i = 0; i < n; i++) {
		if (account_issue(r, ids[i], NULL, login, password) == -1 ||
		    db_person_get(r->hdf, arena_printf(&r->arena, "Slips.%zu",
		    i), r->sess.school_id, ids[i]) != 1)
			return 500;
		snprintf(key, sizeof(key), "Slips.%zu.login", i);
		req_set(r, key, login);
		snprintf(key, sizeof(key), "Slips.%zu.password", i);
		req_set(r, key, password);
		snprintf(key, sizeof(key), "Slips.%zu.role", i);
		req_set(r, key, "staff");
	}
	req_set(r, "Page.Back", "/staff");
	req_setf(r, "Page.LoginUrl", "%s/login", req_site_url(r));
	r->template = "slips_print.cs";
	return 200;
}

static const struct action actions[] = {
	{ "create",	create,		0 },
	{ "roles",	set_roles,	0 },
	{ "issue",	issue,		0 },
};

static const struct screen screen = {
	.name = "staff",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "staff.cs",
	.get = staff_get,
	.actions = actions,
	.nactions = sizeof(actions) / sizeof(actions[0]),
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
