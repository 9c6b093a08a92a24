/*
 * rights: who may open what (R2).  Shows the defaults of every role (the
 * access table) and the administrator's rules that widen or narrow them,
 * for a role or one user, optionally until a date (temporary access, R5).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "access_rules.h"
#include "audit.h"
#include "screen.h"
#include "roles.h"

enum { K_ACTION, K_SCREEN, K_ROLE, K_LOGIN, K_MODE, K_EXPIRES, K_REASON,
    K_RULE, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_SCREEN] =	{ "screen", v_line, 0 },
	[K_ROLE] =	{ "role", v_line, 0 },
	[K_LOGIN] =	{ "login", v_login, 0 },
	[K_MODE] =	{ "mode", v_line, 0 },
	[K_EXPIRES] =	{ "expires_on", v_date, 0 },
	[K_REASON] =	{ "reason", v_line, 0 },
	[K_RULE] =	{ "rule", v_id, 0 },
};

/* Screens a rule may name: not the public ones. */
static const struct access *
ruled_screen(const char *name)
{
	const struct access	*a;

	if (name == NULL || (a = access_find(name)) == NULL ||
	    (a->flags & (ACC_PUBLIC | ACC_NODB)))
		return NULL;
	return a;
}

/* The defaults as a matrix: Screens.N.{name,title,Roles.K.{code,mode}}. */
static void
defaults(struct req *r)
{
	const struct access	*a;
	unsigned		 bit;
	int			 n = 0, k;
	char			 key[96];

	for (bit = 1, k = 0; bit < (1u << ROLE__COUNT); bit <<= 1, k++) {
		snprintf(key, sizeof(key), "RoleList.%d.code", k);
		req_set(r, key, role_code(bit));
		snprintf(key, sizeof(key), "RoleList.%d.name", k);
		req_set(r, key, role_name(bit));
	}
	for (a = access_table; a->name != NULL; a++) {
		if (ruled_screen(a->name) == NULL)
			continue;
		snprintf(key, sizeof(key), "Screens.%d.name", n);
		req_set(r, key, a->name);
		snprintf(key, sizeof(key), "Screens.%d.title", n);
		req_set(r, key, a->title);
		for (bit = 1, k = 0; bit < (1u << ROLE__COUNT); bit <<= 1, k++) {
			snprintf(key, sizeof(key), "Screens.%d.Roles.%d", n, k);
			req_set(r, key, (((a->wroles ? a->wroles : a->roles) &
			    bit) && bit != ROLE_INSPECTOR) ? "write" :
			    (a->roles & bit) ? "read" : "");
		}
		n++;
	}
}

static int
page(struct req *r)
{
	defaults(r);
	return db_access_rules_list(r->hdf, "Rules", r->sess.school_id) == -1 ?
	    500 : 200;
}

static int
rights_get(struct req *r)
{
	return page(r);
}

static int
form_error(struct req *r, const char *field, const char *msg)
{
	int	 rc;

	req_field_error(r, field, msg);
	for (size_t k = K_SCREEN; k <= K_REASON; k++)
		if (req_str(r, k) != NULL)
			req_set(r, arena_printf(&r->arena, "Form.%s",
			    keys[k].name), req_str(r, k));
	return (rc = page(r)) == 200 ? SCREEN_FORM(400) : rc;
}

static int
add_rule(struct req *r, NOCTX)
{
	const struct access	*a;
	const char		*role, *login, *mode, *reason, *expires;
	long long		 account = 0, id, today;
	unsigned		 bits = 0;
	int			 rc;
	char			 what[200];

	if ((a = ruled_screen(req_str(r, K_SCREEN))) == NULL)
		return form_error(r, "screen", "Выберите раздел.");
	role = req_str(r, K_ROLE);
	login = req_str(r, K_LOGIN);
	if ((role == NULL) == (login == NULL))
		return form_error(r, "role",
		    "Укажите либо роль, либо логин пользователя.");
	if (role != NULL && (bits = role_bit(role)) == 0)
		return form_error(r, "role", "Нет такой роли.");
	if (r->fields[K_LOGIN].error != NULL)
		return form_error(r, "login", r->fields[K_LOGIN].error);
	if (login != NULL) {
		if ((rc = db_account_find(r->sess.school_id, login, &account,
		    &bits)) == -1)
			return 500;
		if (rc == 0)
			return form_error(r, "login",
			    "В школе нет пользователя с таким логином.");
	}
	mode = req_str(r, K_MODE);
	if (mode == NULL || (strcmp(mode, "read") != 0 &&
	    strcmp(mode, "write") != 0 && strcmp(mode, "deny") != 0))
		return form_error(r, "mode", "Выберите, что сделать с доступом.");
	if (strcmp(mode, "write") == 0 && (bits & ROLE_INSPECTOR))
		return form_error(r, "mode", "Инспектор имеет доступ только "
		    "на чтение: изменять данные ему открыть нельзя.");
	if (strcmp(mode, "deny") == 0 && strcmp(a->name, "rights") == 0 &&
	    ((bits & ROLE_ADMIN) || account == r->sess.account_id))
		return form_error(r, "mode", "Нельзя закрыть администратору "
		    "раздел прав доступа: его некому будет открыть.");
	if (r->fields[K_EXPIRES].error != NULL)
		return form_error(r, "expires_on", r->fields[K_EXPIRES].error);
	expires = req_str(r, K_EXPIRES);
	today = clock_ymd();
	if (expires != NULL && r->fields[K_EXPIRES].num < today)
		return form_error(r, "expires_on",
		    "Срок уже прошёл: укажите сегодняшнюю или будущую дату.");
	if ((reason = req_str(r, K_REASON)) == NULL)
		return form_error(r, "reason", "Укажите основание: заявление, "
		    "приказ, служебную записку.");

	if (db_access_rule_insert(r->sess.school_id, a->name, role, account,
	    mode, expires, reason, r->sess.account_id, &id) == -1)
		return 500;
	snprintf(what, sizeof(what), "%s %s %s%s%s", a->name,
	    role ? role : login, mode, expires ? " until " : "",
	    expires ? expires : "");
	if (audit_add(r, "access_rule_add", "access_rule", id, NULL,
	    what) == -1)
		return 500;
	return req_redirect(r, "/rights");
}

static int
delete_rule(struct req *r, NOCTX)
{
	char	 what[200];
	int	 rc;

	if (req_str(r, K_RULE) == NULL)
		return 400;
	if ((rc = db_access_rule_delete(r->sess.school_id,
	    r->fields[K_RULE].num, what, sizeof(what))) == -1)
		return 500;
	if (rc == 0)
		return 404;
	if (audit_add(r, "access_rule_delete", "access_rule",
	    r->fields[K_RULE].num, what, NULL) == -1)
		return 500;
	return req_redirect(r, "/rights");
}

static const struct action actions[] = {
	{ "add",	add_rule,	0 },
	{ "delete",	delete_rule,	0 },
};

static const struct screen screen = {
	.name = "rights",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "rights.cs",
	.get = rights_get,
	.actions = actions,
	.nactions = sizeof(actions) / sizeof(actions[0]),
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
