/*
 * screen.c: the request loop every screen runs.  One request at a time per
 * process (ClearSilver does no locking); scale with processes.  Each
 * request's memory is its arena, its HDF tree and its buffers, all freed
 * before the next accept.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>
#include <sodium.h>
#include <ClearSilver.h>

#include "clock.h"
#include "config.h"
#include "db.h"
#include "screen.h"
#include "groups.h"
#include "log.h"
#include "render.h"
#include "request.h"
#include "rights.h"
#include "roles.h"
#include "session.h"
#include "settings.h"

#ifndef JOURNAL_TEMPLATES_DEFAULT
#define JOURNAL_TEMPLATES_DEFAULT "/usr/local/share/journal/templates"
#endif

static const char	*action_of(const struct req *);

static int	 configured;	/* conf_load succeeded */
static volatile sig_atomic_t stopping;

/*
 * SIGTERM (mod_fcgid, spawn-fcgi stopping a worker) ends the loop after
 * the current request, so the worker closes its database connection and
 * frees what it holds (and LeakSanitizer, in the test build, can tell a
 * leak from a cache).
 */
static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

/* `<screen> --describe`: what the screen declares, for the walk test. */
static int
describe(const struct screen *sc, const struct access *a)
{
	unsigned	 bit;
	const char	*sep = "";

	printf("{\"name\":\"%s\",\"methods\":[", sc->name);
	if (sc->methods & M_GET)
		printf("\"GET\"%s", (sc->methods & M_POST) ? "," : "");
	if (sc->methods & M_POST)
		printf("\"POST\"");
	printf("],\"roles\":[");
	for (bit = 1; bit < (1u << ROLE__COUNT); bit <<= 1)
		if (a->roles & bit) {
			printf("%s\"%s\"", sep, role_code(bit));
			sep = ",";
		}
	printf("],\"write_roles\":[");
	sep = "";
	if (sc->methods & M_POST)
		for (bit = 1; bit < (1u << ROLE__COUNT); bit <<= 1)
			if ((a->wroles ? a->wroles : a->roles) & bit) {
				printf("%s\"%s\"", sep, role_code(bit));
				sep = ",";
			}
	printf("],\"public\":%s,\"title\":\"%s\"}\n",
	    (a->flags & ACC_PUBLIC) ? "true" : "false", a->title);
	return 0;
}

/* The layout's data: school, user, roles and the menu for these roles. */
static void
layout(struct req *r, const struct access *here)
{
	const struct access	*a;
	unsigned		 bit;
	int			 n = 0;
	char			 key[64];

	req_set(r, "Page.Screen", r->screen->name);
	if (r->hdf != NULL && hdf_get_value(r->hdf, "Page.Title", NULL) == NULL)
		req_set(r, "Page.Title", here->title);
	req_set(r, "App.Name", conf_str("app.name", "Электронный журнал"));
	if (!r->sess.valid)
		return;
	req_set(r, "User.Name", r->sess.full_name);
	req_set(r, "User.Login", r->sess.login);
	req_set(r, "School.Name", r->sess.school_name);
	req_set(r, "CSRF", r->sess.csrf);
	if (r->sess.must_change)
		req_set(r, "User.MustChange", "1");
	for (bit = 1; bit < (1u << ROLE__COUNT); bit <<= 1)
		if (r->sess.roles & bit) {
			snprintf(key, sizeof(key), "User.Roles.%d.Code", n);
			req_set(r, key, role_code(bit));
			snprintf(key, sizeof(key), "User.Roles.%d.Name", n++);
			req_set(r, key, role_name(bit));
		}
	n = 0;
	for (a = access_table; a->name != NULL; a++) {
		/* Rules are loaded for this screen only: the menu shows the
		 * defaults (a granted screen is reached by its link). */
		if (!(a->flags & ACC_MENU) || (!(a->roles & r->sess.roles) &&
		    !(a->flags & ACC_ANYONE)))
			continue;
		/* Only what opens before a printed password is changed. */
		if (r->sess.must_change && !(a->flags & ACC_PWOPEN))
			continue;
		snprintf(key, sizeof(key), "Menu.%d.Href", n);
		req_setf(r, key, "/%s", a->name);
		snprintf(key, sizeof(key), "Menu.%d.Title", n);
		req_set(r, key, a->title);
		if (a == here) {
			snprintf(key, sizeof(key), "Menu.%d.Current", n);
			req_set(r, key, "1");
		}
		n++;
	}
}

/* Serve one request; returns after the response is written. */
static void
handle(struct req *r, const struct access *acc)
{
	const char	*tmpl, *token;
	char		 incident[9];
	int		 status, form = 0;
	NEOERR		*err;

	incident[0] = '\0';
	if ((err = hdf_init((HDF **)&r->hdf)) != STATUS_OK)
		abort();
	req_set(r, "hdf.loadpaths.0", conf_str("paths.templates",
	    JOURNAL_TEMPLATES_DEFAULT));
	req_paths(r);

	if (!configured) {
		status = 500;
		goto respond;
	}
	if ((status = req_read(r)) != 0 || (status = req_validate(r)) != 0)
		goto respond;

	if (!(acc->flags & ACC_NODB) && session_load(r) == -1) {
		status = 503;
		goto respond;
	}
	if (!(acc->flags & ACC_PUBLIC)) {
		if (!r->sess.valid) {
			status = req_redirect(r, "/login");
			goto respond;
		}
		/*
		 * A printed password (slips, new-school, the host's reset)
		 * was seen by someone else: until its owner sets their own,
		 * only /password and /logout open.  A GET is sent there; a
		 * POST is refused with a page that says why and that nothing
		 * was saved (a redirect would silently drop the write).
		 */
		if (r->sess.must_change && !(acc->flags & ACC_PWOPEN)) {
			if (r->method != M_POST) {
				status = req_redirect(r, "/password");
				goto respond;
			}
			log_msg("refused until the password is changed: "
			    "screen=%s account=%lld ip=%s", acc->name,
			    r->sess.account_id, r->ip);
			req_set(r, "Error.Text", "Сначала смените пароль, "
			    "выданный на листке: до этого журнал открывает "
			    "только страницу «Смена пароля». Данные этой "
			    "формы не сохранены.");
			status = 403;
			goto respond;
		}
		if (!rights_allow(r, acc, M_GET)) {
			log_msg("access refused: screen=%s account=%lld ip=%s",
			    acc->name, r->sess.account_id, r->ip);
			status = 403;
			goto respond;
		}
	}

	if (r->method == M_POST && !rights_allow(r, acc, M_POST)) {
		log_msg("access refused: screen=%s (POST) account=%lld ip=%s",
		    acc->name, r->sess.account_id, r->ip);
		status = 403;
		goto respond;
	}
	if (r->method == M_POST) {
		/* The login form has no session yet: it checks its own token. */
		token = NULL;
		for (size_t i = 0; i < r->params.n; i++)
			if (strcmp(r->params.v[i].key, "csrf") == 0)
				token = r->params.v[i].val;
		if (r->sess.valid && !(acc->flags & ACC_PUBLIC) &&
		    !session_csrf_ok(r, token)) {
			log_msg("csrf refused: screen=%s account=%lld ip=%s",
			    acc->name, r->sess.account_id, r->ip);
			status = 403;
			goto respond;
		}
		if (db_begin() == -1) {
			status = 503;
			goto respond;
		}
		status = r->screen->actions != NULL ? screen_action(r,
		    r->screen->actions, r->screen->nactions,
		    action_of(r), NULL) : r->screen->post(r);
	} else
		status = r->screen->get(r);

	if (status & 0x10000) {
		form = 1;
		status &= 0xffff;
	}
	if (db_in_trans()) {
		if (status < 400 || r->commit) {
			if (db_commit() == -1)
				status = 500;
		} else
			db_rollback();
	}

respond:
	if (status >= 500 && db_gone())
		status = 503;
	if (status == 500) {
		log_incident_id(incident);
		log_msg("incident %s: screen=%s account=%lld ip=%s",
		    incident, r->screen->name, r->sess.account_id, r->ip);
	}
	tmpl = r->template != NULL ? r->template : r->screen->template;
	if ((status == 200 || form) && tmpl != NULL) {
		layout(r, acc);
		if (render(r, tmpl) == -1) {
			status = 500;
			log_incident_id(incident);
			log_msg("incident %s: template %s failed", incident, tmpl);
		}
	}
	if (status >= 400 && !(form && status < 500)) {
		buf_reset(&r->headers);
		layout(r, acc);
		render_error(r, status, incident[0] ? incident : NULL);
	}
	req_respond(r, status);
}

static void
request_free(struct req *r)
{
	db_request_end();
	settings_request_end();
	groups_request_end();
	hdf_destroy((HDF **)&r->hdf);
	buf_free(&r->body);
	buf_free(&r->headers);
	arena_free(&r->arena);
	memset(r, 0, sizeof(*r));
}

/* The value of the screen's key "action" (a screen with .actions has one). */
static const char *
action_of(const struct req *r)
{
	size_t	 k;

	for (k = 0; k < r->screen->nkeys; k++)
		if (strcmp(r->screen->keys[k].name, "action") == 0)
			return req_str(r, k);
	return NULL;
}

int
screen_action(struct req *r, const struct action *v, size_t n,
    const char *name, void *ctx)
{
	size_t	 i;

	if (name == NULL)
		return 400;
	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0) {
			if (v[i].roles != 0 && !(r->sess.roles & v[i].roles))
				return 403;
			return v[i].run(r, ctx);
		}
	return 400;		/* a form of another version, or forged */
}

int
screen_main(const struct screen *sc, int argc, char *argv[])
{
	const struct access	*acc;
	FCGX_Request		 fr;
	struct req		 r;
	struct sigaction	 sa;

	if ((acc = access_find(sc->name)) == NULL) {
		fprintf(stderr, "%s: not in the access table\n", sc->name);
		abort();
	}
	if (argc > 1 && strcmp(argv[1], "--describe") == 0)
		return describe(sc, acc);
	if (sodium_init() < 0)
		abort();
	configured = conf_load() == 0;
	log_open();
	clock_init();

	memset(&r, 0, sizeof(r));
	if (FCGX_IsCGI()) {
		r.screen = sc;
		handle(&r, acc);
		request_free(&r);
		db_close();
		conf_free();
		return 0;
	}
	if (FCGX_Init() != 0 ||
	    FCGX_InitRequest(&fr, 0, FCGI_FAIL_ACCEPT_ON_INTR) != 0)
		return 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;	/* no SA_RESTART: accept() must return */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	while (!stopping && FCGX_Accept_r(&fr) >= 0) {
		r.screen = sc;
		r.fcgi = &fr;
		handle(&r, acc);
		FCGX_Finish_r(&fr);
		request_free(&r);
	}
	FCGX_Free(&fr, 1);
	db_close();
	conf_free();
	return 0;
}
