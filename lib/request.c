/*
 * request.c: input within hard limits, declared keys, and the response
 * with the security headers every page carries.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fcgiapp.h>
#include <ClearSilver.h>

#include "config.h"
#include "screen.h"
#include "log.h"
#include "request.h"

/* No inline script anywhere: scripts come from /static only. */
#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; " \
	"img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; " \
	"base-uri 'none'; object-src 'none'"

const char *
req_env(const struct req *r, const char *name)
{
	if (r->fcgi != NULL)
		return FCGX_GetParam(name, ((FCGX_Request *)r->fcgi)->envp);
	return getenv(name);
}

/*
 * Whether a path may be put in links and headers as it is: empty, or "/"
 * and then letters, digits and "/._~-" only, not ending in "/" and not
 * "//..." (a host).  The server sets SCRIPT_NAME, but a value outside
 * this set would have to be escaped in a Location or Set-Cookie header.
 */
static int
plain_path(const char *p, size_t n)
{
	size_t	 i;

	if (n == 0)
		return 1;
	if (p[0] != '/' || (n > 1 && p[1] == '/') || p[n - 1] == '/')
		return 0;
	for (i = 0; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= 'A' && p[i] <= 'Z') ||
		    (p[i] >= '0' && p[i] <= '9') || strchr("/._~-", p[i])))
			return 0;
	return 1;
}

void
req_paths(struct req *r)
{
	const char	*base, *stat, *script;
	size_t		 n, len;

	base = conf_str("app.base", NULL);
	if (base != NULL && strcmp(base, "/") == 0)
		base = "";
	if (base != NULL && !plain_path(base, strlen(base))) {
		log_msg("app.base \"%s\" is not a plain path: ignored", base);
		base = NULL;
	}
	if (base == NULL) {
		/*
		 * /cgi-bin/login: the directory the programs are in.  Some
		 * providers run only files named *.cgi: /cgi-bin/login.cgi
		 * (reached as /cgi-bin/login through their rewrite) counts
		 * the same.  The screen itself is compiled in, never taken
		 * from the file's name.
		 */
		base = "";
		script = req_env(r, "SCRIPT_NAME");
		n = strlen(r->screen->name);
		len = script != NULL ? strlen(script) : 0;
		if (len > 4 && strcmp(script + len - 4, ".cgi") == 0)
			len -= 4;
		if (script != NULL && len > n &&
		    script[len - n - 1] == '/' &&
		    strncmp(script + len - n, r->screen->name, n) == 0 &&
		    plain_path(script, len - n - 1))
			base = arena_strndup(&r->arena, script, len - n - 1);
	}
	stat = conf_str("app.static", NULL);
	if (stat != NULL && !plain_path(stat, strlen(stat))) {
		log_msg("app.static \"%s\" is not a plain path: ignored",
		    stat);
		stat = NULL;
	}
	if (stat == NULL)
		stat = arena_printf(&r->arena, "%s/static", base);
	r->base = base;
	r->static_url = stat;
	req_set(r, "Base", base);
	req_set(r, "Static", stat);
}

const char *
req_cookie(const struct req *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->cookies.n; i++)
		if (strcmp(r->cookies.v[i].key, name) == 0)
			return r->cookies.v[i].val;
	return NULL;
}

/* Read exactly n bytes of body; returns 0 or -1 on a short read. */
static int
read_body(struct req *r, char *buf, size_t n)
{
	size_t	 got = 0;
	int	 k;

	while (got < n) {
		if (r->fcgi != NULL) {
			k = FCGX_GetStr(buf + got, (int)(n - got),
			    ((FCGX_Request *)r->fcgi)->in);
		} else
			k = (int)fread(buf + got, 1, n - got, stdin);
		if (k <= 0)
			return -1;
		got += (size_t)k;
	}
	return 0;
}

/* Read and discard n bytes of body (or until it ends). */
static void
drain_body(struct req *r, size_t n)
{
	char	 buf[16384];
	size_t	 want;
	int	 k;

	while (n > 0) {
		want = n < sizeof(buf) ? n : sizeof(buf);
		if (r->fcgi != NULL)
			k = FCGX_GetStr(buf, (int)want,
			    ((FCGX_Request *)r->fcgi)->in);
		else
			k = (int)fread(buf, 1, want, stdin);
		if (k <= 0)
			break;
		n -= (size_t)k;
	}
}

static int
parse_status(enum parse_res pr)
{
	return pr == PARSE_OK ? 0 : 400;
}

int
req_read(struct req *r)
{
	struct limits	 lim;
	const char	*m, *q, *ct, *cl, *ck, *https;
	char		*body, *end;
	long long	 len, max;
	enum parse_res	 pr;

	lim.params_max = (size_t)conf_int("limits.params_max", 1000);
	lim.key_max = (size_t)conf_int("limits.key_max", 128);
	lim.value_max = (size_t)conf_int("limits.value_max", 65536);
	max = conf_int("limits.body_max", 1048576);

	r->ip = req_env(r, "REMOTE_ADDR");
	if (r->ip == NULL)
		r->ip = "";
	https = req_env(r, "HTTPS");
	r->https = https != NULL && (strcasecmp(https, "on") == 0 ||
	    strcmp(https, "1") == 0);

	m = req_env(r, "REQUEST_METHOD");
	if (m != NULL && (strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0))
		r->method = M_GET;
	else if (m != NULL && strcmp(m, "POST") == 0)
		r->method = M_POST;
	else
		return 405;
	if ((r->screen->methods & r->method) == 0)
		return 405;

	if ((ck = req_env(r, "HTTP_COOKIE")) != NULL &&
	    parse_cookies(&r->arena, ck, &lim, &r->cookies) != PARSE_OK)
		return 400;
	if ((q = req_env(r, "QUERY_STRING")) != NULL &&
	    (pr = parse_urlencoded(&r->arena, q, strlen(q), &lim,
	    &r->params)) != PARSE_OK)
		return parse_status(pr);
	if (r->method != M_POST)
		return 0;

	cl = req_env(r, "CONTENT_LENGTH");
	len = (cl == NULL || *cl == '\0') ? 0 : strtoll(cl, &end, 10);
	if (cl != NULL && *cl != '\0' && (*end != '\0' || len < 0))
		return 400;
	if (len > max) {
		/*
		 * Read what was sent before answering: fcgiwrap turns an
		 * unread body into a 502.  The web server bounds it (2 MiB
		 * in the samples); past a hard cap we stop reading.
		 */
		drain_body(r, len < 16 * max ? (size_t)len : (size_t)(16 * max));
		return 413;
	}
	if (len == 0)
		return 0;
	body = arena_alloc(&r->arena, (size_t)len + 1);
	if (read_body(r, body, (size_t)len) == -1)
		return 400;
	ct = req_env(r, "CONTENT_TYPE");
	if (ct == NULL)
		return 400;
	if (strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0)
		pr = parse_urlencoded(&r->arena, body, (size_t)len, &lim,
		    &r->params);
	else if (strncasecmp(ct, "multipart/form-data", 19) == 0)
		pr = parse_multipart(&r->arena, body, (size_t)len, ct, &lim,
		    &r->params);
	else
		return 400;
	return parse_status(pr);
}

/* Whitespace the framework trims around text values. */
static int
is_trim(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int
req_validate(struct req *r)
{
	const struct screen	*sc = r->screen;
	const struct kv		*first;
	struct field		*f;
	size_t			 k, i, seen;
	char			*v, *e;

	r->fields = arena_alloc(&r->arena, (sc->nkeys + 1) * sizeof(*f));
	for (k = 0; k < sc->nkeys; k++) {
		f = &r->fields[k];
		first = NULL;
		seen = 0;
		for (i = 0; i < r->params.n; i++) {
			if (strcmp(r->params.v[i].key, sc->keys[k].name) != 0)
				continue;
			if (seen++ == 0)
				first = &r->params.v[i];
		}
		if (first == NULL)
			continue;
		if (seen > 1 && !(sc->keys[k].flags & KEY_MULTI))
			return 400;
		if (sc->keys[k].flags & KEY_FILE) {
			f->raw = first->val;
			f->rawlen = first->vlen;
			f->str = first->val;
			f->ok = first->filename != NULL &&
			    first->filename[0] != '\0';
			continue;
		}
		/* A writable copy the validator may trim and rewrite. */
		v = arena_strndup(&r->arena, first->val, first->vlen);
		f->raw = v;
		f->rawlen = first->vlen;
		e = v + strlen(v);
		while (is_trim(*v))
			v++;
		while (e > v && is_trim(e[-1]))
			e--;
		if (e == v)
			continue;	/* empty means not sent */
		if (sc->keys[k].valid == v_password)
			v = f->raw;	/* passwords are taken as typed */
		else
			*e = '\0';
		f->raw = v;
		f->rawlen = strlen(v);
		if ((f->error = sc->keys[k].valid(f)) == NULL)
			f->ok = 1;
	}
	return 0;
}

const char *
req_str(const struct req *r, size_t k)
{
	if (k >= r->screen->nkeys || !r->fields[k].ok)
		return NULL;
	return r->fields[k].str;
}

const struct kv **
req_values(struct req *r, size_t k, size_t *n)
{
	const struct kv	**out;
	size_t		  i;

	out = arena_alloc(&r->arena, (r->params.n + 1) * sizeof(*out));
	*n = 0;
	for (i = 0; i < r->params.n; i++)
		if (strcmp(r->params.v[i].key, r->screen->keys[k].name) == 0)
			out[(*n)++] = &r->params.v[i];
	return out;
}

long long *
req_ids(struct req *r, size_t k, size_t *n)
{
	const struct kv	**v;
	struct field	  f;
	long long	 *ids;
	size_t		  i;

	v = req_values(r, k, n);
	ids = arena_alloc(&r->arena, (*n + 1) * sizeof(*ids));
	for (i = 0; i < *n; i++) {
		memset(&f, 0, sizeof(f));
		f.raw = arena_strndup(&r->arena, v[i]->val, v[i]->vlen);
		f.rawlen = v[i]->vlen;
		if (f.rawlen == 0 || v_id(&f) != NULL)
			return NULL;
		ids[i] = f.num;
	}
	return ids;
}

const char *
req_site_url(struct req *r)
{
	const char	*url, *host;

	if ((url = conf_str("app.url", NULL)) != NULL)
		return url;
	host = req_env(r, "HTTP_HOST");
	return arena_printf(&r->arena, "%s://%s%s", r->https ? "https" :
	    "http", host != NULL ? host : "localhost", r->base);
}

const char *
req_get(const struct req *r, const char *key, const char *def)
{
	return hdf_get_value(r->hdf, key, def);
}

void
req_set_cookie(struct req *r, const char *name, const char *value,
    const char *path, const char *samesite, long max_age)
{
	buf_printf(&r->headers, "Set-Cookie: %s=%s; Path=%s; HttpOnly; "
	    "SameSite=%s", name, value, path, samesite);
	if (max_age >= 0)
		buf_printf(&r->headers, "; Max-Age=%ld", max_age);
	if (r->https)
		buf_puts(&r->headers, "; Secure");
	buf_puts(&r->headers, "\r\n");
}

int
req_redirect(struct req *r, const char *location)
{
	if (location[0] == '/' && location[1] != '/')
		r->location = arena_printf(&r->arena, "%s%s", r->base,
		    location);
	else
		r->location = arena_strdup(&r->arena, location);
	return 303;
}

void
req_set(struct req *r, const char *key, const char *value)
{
	NEOERR	*err;

	err = hdf_set_value(r->hdf, key, value);
	nerr_ignore(&err);
}

void
req_setf(struct req *r, const char *key, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	req_set(r, key, s);
	free(s);
}

void
req_field_error(struct req *r, const char *key, const char *msg)
{
	char	 name[160];

	snprintf(name, sizeof(name), "Errors.%s", key);
	req_set(r, name, msg);
	req_set(r, "Errors.Any", "1");
}

int
req_has_errors(const struct req *r)
{
	return hdf_get_value(r->hdf, "Errors.Any", NULL) != NULL;
}

const char *
req_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default:  return "Internal Server Error";
	}
}

static void
out(struct req *r, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (r->fcgi != NULL)
		FCGX_PutStr(s, (int)n, ((FCGX_Request *)r->fcgi)->out);
	else
		fwrite(s, 1, n, stdout);
}

void
req_respond(struct req *r, int status)
{
	struct buf	 h = { 0 };
	const char	*m;

	buf_printf(&h, "Status: %d %s\r\n", status, req_reason(status));
	buf_puts(&h, "Content-Type: text/html; charset=utf-8\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Content-Security-Policy: " CSP "\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "Cache-Control: no-store\r\n");
	if (status == 405)
		buf_printf(&h, "Allow: %s\r\n",
		    (r->screen->methods & M_POST) ?
		    ((r->screen->methods & M_GET) ? "GET, HEAD, POST" : "POST")
		    : "GET, HEAD");
	if (status == 303 && r->location != NULL)
		buf_printf(&h, "Location: %s\r\n", r->location);
	if (r->headers.len > 0)
		buf_append(&h, r->headers.data, r->headers.len);
	buf_printf(&h, "Content-Length: %zu\r\n\r\n", r->body.len);
	out(r, h.data, h.len);
	m = req_env(r, "REQUEST_METHOD");
	if (m == NULL || strcmp(m, "HEAD") != 0)
		out(r, r->body.data, r->body.len);
	if (r->fcgi == NULL)
		fflush(stdout);
	buf_free(&h);
}
