/*
 * schoolslips: logins and passwords for the whole school in one request
 * (R3, R4), for the administrator when the school is first filled in.
 * GET counts, class by class, who has a login and who has none; POST
 * issues a login to everyone who may have one and has none (students and
 * guardians of consenting families, staff), and new passwords to everyone
 * in the classes ticked for a reset (and to all staff if asked), all in
 * the request's one transaction, and prints the slips class by class.
 * Passwords exist in clear only in this response (no redirect, no-store).
 * Issued passwords are hashed cheaply (auth_hash_issued), so ~1,700
 * people take seconds, not minutes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "accounts.h"
#include "audit.h"
#include "screen.h"
#include "roles.h"

enum { K_RESET, K_RESET_STAFF, K__MAX };

static const struct key keys[K__MAX] = {
	[K_RESET] =		{ "reset", v_id, KEY_MULTI },
	[K_RESET_STAFF] =	{ "reset_staff", v_flag, 0 },
};

static int
by_id(const void *a, const void *b)
{
	long long	 x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/*
 * Count rows per class (rows come ordered by class) into Classes and
 * Staff; a guardian of children in two classes is counted in each, but
 * once in Page.Todo.
 */
/* The four counts of a class or of the staff, by parents? and login?. */
static const char *const bucket[4] = { "people", "people_login", "parents",
    "parents_login" };

static void
put_counts(struct req *r, const char *prefix, const int k[4])
{
	int	 b;

	for (b = 0; b < 4; b++)
		if (k[b] > 0)
			req_setf(r, arena_printf(&r->arena, "%s.%s", prefix,
			    bucket[b]), "%d", k[b]);
}

static void
counts(struct req *r, const struct issue_row *v, int n)
{
	long long	*ids, cur = -1;
	int		 i, c = -1, m = 0, todo = 0, b;
	int		 staff[4] = { 0 }, cls[4] = { 0 };

	ids = arena_alloc(&r->arena, (size_t)(n ? n : 1) * sizeof(*ids));

	for (i = 0; i < n; i++) {
		b = (strcmp(v[i].role, "parent") == 0) * 2 + !!v[i].has_login;
		if (v[i].class_id == 0)
			staff[b]++;
		else {
			if (v[i].class_id != cur) {
				if (c >= 0)
					put_counts(r, arena_printf(&r->arena,
					    "Classes.%d", c), cls);
				memset(cls, 0, sizeof(cls));
				cur = v[i].class_id;
				c++;
				req_setf(r, arena_printf(&r->arena,
				    "Classes.%d.id", c), "%lld", cur);
				req_set(r, arena_printf(&r->arena,
				    "Classes.%d.name", c), v[i].class_name);
			}
			cls[b]++;
		}
		if (!v[i].has_login)
			ids[m++] = v[i].person_id;
	}
	if (c >= 0)
		put_counts(r, arena_printf(&r->arena, "Classes.%d", c), cls);
	put_counts(r, "Staff", staff);
	qsort(ids, (size_t)m, sizeof(*ids), by_id);
	for (i = 0; i < m; i++)
		todo += i == 0 || ids[i] != ids[i - 1];
	req_setf(r, "Page.Todo", "%d", todo);
}

static int
load(struct req *r)
{
	struct issue_row	*v;
	int			 n;

	if ((n = db_issue_school_rows(r, &v)) == -1)
		return 500;
	counts(r, v, n);
	return 200;
}

static int
schoolslips_get(struct req *r)
{
	return load(r);
}

/* Row numbers ordered by person, then by row: the first is the owner. */
static const struct issue_row	*sort_rows;

static int
by_person(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	if (sort_rows[x].person_id != sort_rows[y].person_id)
		return sort_rows[x].person_id < sort_rows[y].person_id ? -1 : 1;
	return x - y;
}

static int
in(const long long *ids, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static int
refuse(struct req *r, const char *msg)
{
	int	 rc;

	req_set(r, "Form.Error", msg);
	return (rc = load(r)) == 200 ? SCREEN_FORM(400) : rc;
}

static int
schoolslips_post(struct req *r)
{
	struct issue_row	*v;
	struct timespec		 t0, t1;
	long long		*reset;
	size_t			 nreset, k;
	char			*issue;
	const char		*p;
	char			 login[65], password[13];
	int			*ix, n, i, j, g = -1, s = 0, total = 0, any;
	int			 reset_staff;
	long long		 cur = -1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((reset = req_ids(r, K_RESET, &nreset)) == NULL)
		return 400;
	reset_staff = req_str(r, K_RESET_STAFF) != NULL &&
	    r->fields[K_RESET_STAFF].num == 1;
	if ((n = db_issue_school_rows(r, &v)) == -1)
		return 500;
	for (k = 0; k < nreset; k++) {
		for (i = 0; i < n && v[i].class_id != reset[k]; i++)
			continue;
		if (i == n)
			return refuse(r, "Новые пароли можно выдать только "
			    "классам этого учебного года из списка.");
	}

	/*
	 * Who gets a slip: a person once (a guardian of children in two
	 * classes, a teacher who is also a parent), on their first row, if
	 * they have no login or one of their rows is to be reset.  Never the
	 * administrator themself: that would end their own session.
	 */
	ix = arena_alloc(&r->arena, (size_t)(n ? n : 1) * sizeof(*ix));
	issue = arena_alloc(&r->arena, (size_t)(n ? n : 1));
	for (i = 0; i < n; i++)
		ix[i] = i;
	sort_rows = v;
	qsort(ix, (size_t)n, sizeof(*ix), by_person);
	for (i = 0; i < n; i = j) {
		any = 0;
		for (j = i; j < n && v[ix[j]].person_id == v[ix[i]].person_id;
		    j++)
			any |= !v[ix[j]].has_login || (v[ix[j]].class_id != 0 ?
			    in(reset, nreset, v[ix[j]].class_id) : reset_staff);
		issue[ix[i]] = any && v[ix[i]].person_id != r->sess.person_id;
	}
	for (i = 0; i < n; i++)
		total += issue[i];
	if (total == 0)
		return refuse(r, "Всем, кому можно, логины уже выданы. Чтобы "
		    "выдать новые пароли, отметьте классы или сотрудников.");

	for (i = 0; i < n; i++) {
		if (!issue[i])
			continue;
		if (g == -1 || v[i].class_id != cur) {
			cur = v[i].class_id;
			g++;
			s = 0;
			p = arena_printf(&r->arena, "Groups.%d", g);
			if (cur != 0) {
				req_set(r, arena_printf(&r->arena, "%s.name",
				    p), arena_printf(&r->arena, "%s класс",
				    v[i].class_name));
				req_set(r, arena_printf(&r->arena, "%s.class",
				    p), v[i].class_name);
			} else
				req_set(r, arena_printf(&r->arena, "%s.name",
				    p), "Сотрудники");
		}
		if (account_issue(r, v[i].person_id,
		    strcmp(v[i].role, "staff") == 0 ? NULL : v[i].role, login,
		    password) == -1)
			return 500;
		p = arena_printf(&r->arena, "Groups.%d.Slips.%d", g, s++);
		req_set(r, arena_printf(&r->arena, "%s.name", p), v[i].name);
		req_set(r, arena_printf(&r->arena, "%s.role", p), v[i].role);
		if (v[i].children != NULL)
			req_set(r, arena_printf(&r->arena, "%s.children", p),
			    v[i].children);
		req_set(r, arena_printf(&r->arena, "%s.login", p), login);
		req_set(r, arena_printf(&r->arena, "%s.password", p),
		    password);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (audit_add(r, "credentials_issued_school", "school",
	    r->sess.school_id, NULL, arena_printf(&r->arena, "выдано: %d; "
	    "классов с новыми паролями: %zu; сотрудникам заново: %s", total,
	    nreset, reset_staff ? "да" : "нет")) == -1)
		return 500;
	req_setf(r, "Page.Issued", "%d", total);
	req_setf(r, "Page.Secs", "%.1f", (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	req_setf(r, "Page.LoginUrl", "%s/login", req_site_url(r));
	req_set(r, "Page.Back", "/schoolslips");
	r->template = "slips_print.cs";
	return 200;
}

static const struct screen screen = {
	.name = "schoolslips",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "schoolslips.cs",
	.get = schoolslips_get,
	.post = schoolslips_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
