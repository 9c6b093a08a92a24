/*
 * password: change one's own password.  The current password is required;
 * the new one must pass password_refusal(); every other session of the
 * user ends, so a stolen session dies with the old password.  An account
 * whose password was printed is sent here until it sets its own
 * (lib/screen.c); the change clears the mark (auth_set_password).
 */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "screen.h"
#include "password.h"
#include "session.h"

enum { K_CURRENT, K_NEW, K_NEW2, K_DONE, K__MAX };

static const struct key keys[K__MAX] = {
	[K_CURRENT] =	{ "current", v_password, 0 },
	[K_NEW] =	{ "new", v_password, 0 },
	[K_NEW2] =	{ "new2", v_password, 0 },
	[K_DONE] =	{ "done", v_flag, 0 },
};

static int
password_get(struct req *r)
{
	if (r->fields[K_DONE].ok && r->fields[K_DONE].num)
		req_set(r, "Form.Done", "1");
	return 200;
}

static int
password_post(struct req *r)
{
	const char	*cur, *pw, *pw2, *why;
	int		 rc;

	cur = req_str(r, K_CURRENT);
	pw = req_str(r, K_NEW);
	pw2 = req_str(r, K_NEW2);
	if (cur == NULL)
		req_field_error(r, "current", "Введите текущий пароль.");
	else if ((rc = auth_check_password(r->sess.account_id, cur)) == -1)
		return 500;
	else if (rc == 0)
		req_field_error(r, "current", "Неверный текущий пароль.");
	if (pw == NULL)
		req_field_error(r, "new", "Введите новый пароль.");
	else if ((why = password_refusal(r->sess.login, pw)) != NULL)
		req_field_error(r, "new", why);
	else if (r->sess.must_change && cur != NULL && strcmp(pw, cur) == 0)
		/* The printed one was seen by whoever printed or handed it. */
		req_field_error(r, "new", "Новый пароль должен отличаться от "
		    "выданного.");
	else if (pw2 == NULL || strcmp(pw, pw2) != 0)
		req_field_error(r, "new2", "Пароли не совпадают.");
	if (req_has_errors(r))
		return SCREEN_FORM(400);

	if (auth_set_password(r->sess.account_id, pw) == -1 ||
	    session_end_others(r) == -1 ||
	    audit_add(r, "password_change", "account", r->sess.account_id,
	    NULL, NULL) == -1)
		return 500;
	return req_redirect(r, "/password?done=1");
}

static const struct screen screen = {
	.name = "password",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "password.cs",
	.get = password_get,
	.post = password_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
