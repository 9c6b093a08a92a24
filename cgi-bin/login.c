/*
 * login: the form and the login itself.  No session yet, so the form is
 * protected by a double-submit token: a random value in a cookie limited
 * to /login and the same value in the form.
 */
#include <string.h>

#include <sodium.h>

#include "audit.h"
#include "auth.h"
#include "screen.h"
#include "log.h"
#include "session.h"

enum { K_LOGIN, K_PASSWORD, K_CSRF, K__MAX };

static const struct key keys[K__MAX] = {
	[K_LOGIN] =	{ "login", v_line, 0 },
	[K_PASSWORD] =	{ "password", v_password, 0 },
	[K_CSRF] =	{ "csrf", v_token, 0 },
};

#define LOGIN_CSRF	"lcsrf"

static int
login_get(struct req *r)
{
	char	 token[44];

	if (r->sess.valid)
		return req_redirect(r, "/home");
	session_token(token);
	req_set_cookie(r, LOGIN_CSRF, token,
	    arena_printf(&r->arena, "%s/login", r->base), "Strict", -1);
	req_set(r, "Form.CSRF", token);
	return 200;
}

static int
login_post(struct req *r)
{
	const char	*cookie, *token, *login, *pw;
	long long	 id;

	cookie = req_cookie(r, LOGIN_CSRF);
	token = req_str(r, K_CSRF);
	if (cookie == NULL || token == NULL || strlen(cookie) != 43 ||
	    strlen(token) != 43 || sodium_memcmp(cookie, token, 43) != 0) {
		log_msg("csrf refused: screen=login ip=%s", r->ip);
		return 403;
	}
	req_set(r, "Form.CSRF", token);
	login = req_str(r, K_LOGIN);
	pw = req_str(r, K_PASSWORD);
	if (login != NULL)
		req_set(r, "Form.Login", login);
	if (login == NULL || pw == NULL) {
		req_set(r, "Form.Error", "Введите логин и пароль.");
		return SCREEN_FORM(400);
	}
	switch (auth_login(r, login, pw, &id)) {
	case AUTH_ERROR:
		return 500;
	case AUTH_THROTTLED:
		req_set(r, "Form.Error", "Слишком много неудачных попыток "
		    "входа. Подождите 15 минут и попробуйте снова или "
		    "обратитесь к тому, кто выдал вам пароль.");
		return SCREEN_FORM(429);
	case AUTH_FAIL:
		r->commit = 1;	/* the failed attempt must count */
		req_set(r, "Form.Error", "Неверный логин или пароль.");
		return SCREEN_FORM(401);
	case AUTH_OK:
		break;
	}
	if (session_create(r, id) == -1 ||
	    audit_add(r, "login", "account", id, NULL, NULL) == -1)
		return 500;
	req_set_cookie(r, LOGIN_CSRF, "",
	    arena_printf(&r->arena, "%s/login", r->base), "Strict", 0);
	/* A printed password: straight to the change (lib/screen.c keeps
	 * every other screen closed until then). */
	return req_redirect(r, r->sess.must_change ? "/password" : "/home");
}

static const struct screen screen = {
	.name = "login",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "login.cs",
	.get = login_get,
	.post = login_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
