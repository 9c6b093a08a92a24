/*
 * parse.c: the request data parsers declared in parse.h.
 *
 * Everything here runs on bytes straight from the network, so every
 * function works on (pointer, length) pairs, never reads past the end,
 * and does work linear in its input: a 1 MiB hostile body must cost no
 * more than a 1 MiB honest one.  Results are copied into the caller's
 * arena; on an error the list may already hold some parameters, which
 * does not matter because the request is refused as a whole.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* memmem(3) */
#endif
#include <stdint.h>
#include <string.h>

#include "util.h"
#include "parse.h"

/* A piece of the input: not NUL-terminated. */
struct span {
	const char	*p;
	size_t		 n;
};

int
utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, need;
	unsigned char		 c, lo, hi;

	/*
	 * Table 3-7 of the Unicode standard: the second byte's range
	 * depends on the first so that overlong forms (C0, C1, E0 80..9F,
	 * F0 80..8F), surrogates (ED A0..BF) and code points above
	 * U+10FFFF (F4 90.., F5..FF) are all refused.
	 */
	while (i < len) {
		c = p[i];
		if (c == 0x00)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else
			return 0;
		if (len - i - 1 < need)
			return 0;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return 0;
		if (need >= 2 && (p[i + 2] & 0xC0) != 0x80)
			return 0;
		if (need >= 3 && (p[i + 3] & 0xC0) != 0x80)
			return 0;
		i += need + 1;
	}
	return 1;
}

/*
 * Append one parameter, growing the array by doubling (the old array
 * stays in the arena until the request ends: at most as big again).
 * Returns PARSE_TOO_MANY when the list already holds params_max.
 */
static enum parse_res
kv_add(struct arena *a, const struct limits *lim, struct kvlist *out,
    char *key, char *val, size_t vlen, char *filename, char *ctype)
{
	struct kv	*v;
	size_t		 cap;

	if (out->n >= lim->params_max)
		return PARSE_TOO_MANY;
	if (out->n == out->cap) {
		cap = out->cap == 0 ? 16 : out->cap * 2;
		v = arena_alloc(a, cap * sizeof(*v));
		if (out->n > 0)
			memcpy(v, out->v, out->n * sizeof(*v));
		out->v = v;
		out->cap = cap;
	}
	v = &out->v[out->n++];
	v->key = key;
	v->val = val;
	v->vlen = vlen;
	v->filename = filename;
	v->ctype = ctype;
	return PARSE_OK;
}

static int
hexval(unsigned char c)
{

	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode one urlencoded key or value into a fresh arena string.
 * Returns PARSE_BAD on a broken %-escape or a result that is not UTF-8
 * (or holds a NUL), PARSE_TOO_LONG when it decodes to more than max.
 */
static enum parse_res
url_decode(struct arena *a, struct span in, size_t max, char **res,
    size_t *reslen)
{
	const unsigned char	*p = (const unsigned char *)in.p;
	char			*d;
	size_t			 i, n = 0;
	int			 h, l;

	/* Decoding only shrinks, so the raw length bounds the work. */
	d = arena_alloc(a, in.n + 1);
	for (i = 0; i < in.n; i++) {
		if (p[i] == '+')
			d[n++] = ' ';
		else if (p[i] != '%')
			d[n++] = (char)p[i];
		else {
			if (in.n - i < 3 ||
			    (h = hexval(p[i + 1])) < 0 ||
			    (l = hexval(p[i + 2])) < 0)
				return PARSE_BAD;
			d[n++] = (char)(h << 4 | l);
			i += 2;
		}
	}
	d[n] = '\0';
	if (n > max)
		return PARSE_TOO_LONG;
	if (!utf8_valid(d, n))
		return PARSE_BAD;
	*res = d;
	*reslen = n;
	return PARSE_OK;
}

enum parse_res
parse_urlencoded(struct arena *a, const char *s, size_t len,
    const struct limits *lim, struct kvlist *out)
{
	const char	*end = s + len, *amp, *eq;
	struct span	 k, v;
	char		*key, *val;
	size_t		 klen, vlen;
	enum parse_res	 rc = PARSE_OK;

	while (s < end && rc == PARSE_OK) {
		if ((amp = memchr(s, '&', (size_t)(end - s))) == NULL)
			amp = end;
		k.p = s;
		if ((eq = memchr(s, '=', (size_t)(amp - s))) == NULL) {
			k.n = (size_t)(amp - s);
			v.p = amp;
			v.n = 0;
		} else {
			k.n = (size_t)(eq - s);
			v.p = eq + 1;
			v.n = (size_t)(amp - eq - 1);
		}
		s = amp + (amp < end);
		/* "a=1&&b" and "=x" carry nothing a screen could ask for. */
		if (k.n == 0)
			continue;
		if ((rc = url_decode(a, k, lim->key_max, &key, &klen)) !=
		    PARSE_OK)
			break;
		if ((rc = url_decode(a, v, lim->value_max, &val, &vlen)) !=
		    PARSE_OK)
			break;
		rc = kv_add(a, lim, out, key, val, vlen, NULL, NULL);
	}
	return rc;
}

static int
is_ows(char c)
{

	return c == ' ' || c == '\t';
}

/* Strip spaces and tabs from both ends of a span. */
static struct span
span_trim(struct span s)
{

	while (s.n > 0 && is_ows(s.p[0])) {
		s.p++;
		s.n--;
	}
	while (s.n > 0 && is_ows(s.p[s.n - 1]))
		s.n--;
	return s;
}

enum parse_res
parse_cookies(struct arena *a, const char *hdr, const struct limits *lim,
    struct kvlist *out)
{
	const char	*end, *semi, *eq;
	struct span	 pair, k, v;
	char		*key, *val;
	enum parse_res	 rc = PARSE_OK;

	if (hdr == NULL)
		return PARSE_OK;
	end = hdr + strlen(hdr);
	while (hdr < end && rc == PARSE_OK) {
		if ((semi = memchr(hdr, ';', (size_t)(end - hdr))) == NULL)
			semi = end;
		pair.p = hdr;
		pair.n = (size_t)(semi - hdr);
		hdr = semi + (semi < end);
		pair = span_trim(pair);
		/*
		 * Other applications on the same host may set cookies we
		 * cannot read; skip those instead of refusing the request.
		 */
		if ((eq = memchr(pair.p, '=', pair.n)) == NULL)
			continue;
		k.p = pair.p;
		k.n = (size_t)(eq - pair.p);
		v.p = eq + 1;
		v.n = pair.n - k.n - 1;
		k = span_trim(k);
		v = span_trim(v);
		if (k.n == 0 || !utf8_valid(k.p, k.n) ||
		    !utf8_valid(v.p, v.n))
			continue;
		if (k.n > lim->key_max || v.n > lim->value_max) {
			rc = PARSE_TOO_LONG;
			break;
		}
		key = arena_strndup(a, k.p, k.n);
		val = arena_strndup(a, v.p, v.n);
		rc = kv_add(a, lim, out, key, val, v.n, NULL, NULL);
	}
	return rc;
}

/* Case-insensitive comparison of a span with a lowercase ASCII word. */
static int
span_is(struct span s, const char *word)
{
	size_t	i, n = strlen(word);
	char	c;

	if (s.n != n)
		return 0;
	for (i = 0; i < n; i++) {
		c = s.p[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return 0;
	}
	return 1;
}

/*
 * Read the next "; name=value" parameter of a header value from *pp
 * (before end).  A value is a token or a quoted string; backslashes in a
 * quoted string are kept as they are, because browsers send Windows
 * paths unescaped and percent-encode quotes instead (HTML "multipart/
 * form-data encoding algorithm").  Returns 1 with name and value set, 0
 * at the end, -1 when malformed.
 */
static int
next_param(const char **pp, const char *end, struct span *name,
    struct span *val)
{
	const char	*p = *pp, *q;

	while (p < end && is_ows(*p))
		p++;
	if (p == end)
		return 0;
	if (*p++ != ';')
		return -1;
	while (p < end && is_ows(*p))
		p++;
	name->p = p;
	while (p < end && *p != '=' && *p != ';' && !is_ows(*p))
		p++;
	name->n = (size_t)(p - name->p);
	while (p < end && is_ows(*p))
		p++;
	if (name->n == 0 || p == end || *p != '=')
		return -1;
	p++;
	while (p < end && is_ows(*p))
		p++;
	if (p < end && *p == '"') {
		p++;
		if ((q = memchr(p, '"', (size_t)(end - p))) == NULL)
			return -1;
		val->p = p;
		val->n = (size_t)(q - p);
		p = q + 1;
	} else {
		val->p = p;
		while (p < end && *p != ';' && !is_ows(*p))
			p++;
		val->n = (size_t)(p - val->p);
	}
	*pp = p;
	return 1;
}

/*
 * Take the boundary out of "multipart/form-data; boundary=...".  RFC
 * 2046 allows 1..70 characters of a small set, the last not a space;
 * anything else is refused, so the boundary can hold no CR or LF.
 */
static int
get_boundary(const char *ct, struct span *bnd)
{
	const char	*p, *end;
	struct span	 type, name, val;
	size_t		 i;
	int		 rc, found = 0;

	if (ct == NULL)
		return 0;
	end = ct + strlen(ct);
	p = ct;
	while (p < end && is_ows(*p))
		p++;
	type.p = p;
	while (p < end && *p != ';' && !is_ows(*p))
		p++;
	type.n = (size_t)(p - type.p);
	if (!span_is(type, "multipart/form-data"))
		return 0;
	while ((rc = next_param(&p, end, &name, &val)) == 1)
		if (!found && span_is(name, "boundary")) {
			*bnd = val;
			found = 1;
		}
	if (rc < 0 || !found || bnd->n < 1 || bnd->n > 70 ||
	    bnd->p[bnd->n - 1] == ' ')
		return 0;
	for (i = 0; i < bnd->n; i++)
		if (strchr("0123456789"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		    "'()+_,-./:=? ", bnd->p[i]) == NULL)
			return 0;
	return 1;
}

/* The first CRLF in [p, end), or end. */
static const char *
find_crlf(const char *p, const char *end)
{
	const char	*cr;

	while ((cr = memchr(p, '\r', (size_t)(end - p))) != NULL) {
		if (end - cr >= 2 && cr[1] == '\n')
			return cr;
		p = cr + 1;
	}
	return end;
}

/* What the headers of one part say. */
struct part_hdr {
	int		has_disp;	/* a form-data Content-Disposition */
	struct span	name;
	int		has_file;	/* filename= was given, maybe "" */
	struct span	filename;
	int		has_ctype;
	struct span	ctype;
};

/*
 * Parse the header block of one part, [p, end) without the blank line.
 * Unknown headers are ignored; a line without a colon, a second
 * Content-Disposition or a broken parameter list is PARSE_BAD.
 */
static enum parse_res
part_headers(const char *p, const char *end, struct part_hdr *h)
{
	const char	*eol, *colon, *vp;
	struct span	 line, hname, hval, type, pname, pval;
	int		 rc;

	memset(h, 0, sizeof(*h));
	while (p < end) {
		eol = find_crlf(p, end);
		line.p = p;
		line.n = (size_t)(eol - p);
		p = eol == end ? end : eol + 2;
		if ((colon = memchr(line.p, ':', line.n)) == NULL)
			return PARSE_BAD;
		hname.p = line.p;
		hname.n = (size_t)(colon - line.p);
		hval.p = colon + 1;
		hval.n = line.n - hname.n - 1;
		hval = span_trim(hval);
		if (span_is(hname, "content-type")) {
			h->has_ctype = 1;
			h->ctype = hval;
			continue;
		}
		if (!span_is(hname, "content-disposition"))
			continue;
		if (h->has_disp)
			return PARSE_BAD;
		vp = hval.p;
		type.p = vp;
		while (vp < hval.p + hval.n && *vp != ';' && !is_ows(*vp))
			vp++;
		type.n = (size_t)(vp - type.p);
		/* Only form-data names a field; other parts are skipped. */
		if (!span_is(type, "form-data"))
			continue;
		h->has_disp = 1;
		while ((rc = next_param(&vp, hval.p + hval.n,
		    &pname, &pval)) == 1) {
			if (span_is(pname, "name") && h->name.p == NULL)
				h->name = pval;
			else if (span_is(pname, "filename") && !h->has_file) {
				h->has_file = 1;
				h->filename = pval;
			}
		}
		if (rc < 0)
			return PARSE_BAD;
	}
	return PARSE_OK;
}

/* Store one part: [body, body + blen) is its content. */
static enum parse_res
part_add(struct arena *a, const struct part_hdr *h, const char *body,
    size_t blen, const struct limits *lim, struct kvlist *out)
{
	char	*key, *val, *filename = NULL, *ctype = NULL;

	/* Like an empty urlencoded key: nothing a screen could ask for. */
	if (!h->has_disp || h->name.n == 0)
		return PARSE_OK;
	if (h->name.n > lim->key_max)
		return PARSE_TOO_LONG;
	if (!utf8_valid(h->name.p, h->name.n))
		return PARSE_BAD;
	/* Names, file names and types may reach a page, so UTF-8 too. */
	if (h->has_file) {
		if (h->filename.n > lim->value_max)
			return PARSE_TOO_LONG;
		if (!utf8_valid(h->filename.p, h->filename.n))
			return PARSE_BAD;
		filename = arena_strndup(a, h->filename.p, h->filename.n);
	} else {
		if (blen > lim->value_max)
			return PARSE_TOO_LONG;
		if (!utf8_valid(body, blen))
			return PARSE_BAD;
	}
	if (h->has_ctype) {
		if (h->ctype.n > lim->value_max)
			return PARSE_TOO_LONG;
		if (!utf8_valid(h->ctype.p, h->ctype.n))
			return PARSE_BAD;
		ctype = arena_strndup(a, h->ctype.p, h->ctype.n);
	}
	key = arena_strndup(a, h->name.p, h->name.n);
	val = arena_strndup(a, body, blen);
	return kv_add(a, lim, out, key, val, blen, filename, ctype);
}

/*
 * After a delimiter at p: "--" ends the body (returns 2), optional
 * transport padding and CRLF start a part (returns 1, *pp past the
 * CRLF), anything else is malformed (returns 0).
 */
static int
after_delim(const char **pp, const char *end)
{
	const char	*p = *pp;

	if (end - p >= 2 && p[0] == '-' && p[1] == '-')
		return 2;
	while (p < end && is_ows(*p))
		p++;
	if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
		return 0;
	*pp = p + 2;
	return 1;
}

enum parse_res
parse_multipart(struct arena *a, const char *body, size_t len,
    const char *content_type, const struct limits *lim, struct kvlist *out)
{
	const char	*end = body + len, *p, *next, *hend, *content;
	char		*delim;
	size_t		 dlen;
	struct span	 bnd = { NULL, 0 };
	struct part_hdr	 h;
	enum parse_res	 rc = PARSE_OK;
	int		 st;

	if (body == NULL || !get_boundary(content_type, &bnd))
		return PARSE_BAD;
	/* The delimiter is CRLF "--" boundary; the CRLF is not content. */
	delim = arena_printf(a, "\r\n--%.*s", (int)bnd.n, bnd.p);
	dlen = bnd.n + 4;

	/* The first delimiter may open the body, without its CRLF. */
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		p = body + dlen - 2;
	else if ((p = memmem(body, len, delim, dlen)) != NULL)
		p += dlen;
	else
		return PARSE_BAD;

	/*
	 * Each search starts where the previous one stopped, and memmem
	 * is linear, so the whole body is scanned about twice.
	 */
	while ((st = after_delim(&p, end)) == 1) {
		if ((next = memmem(p, (size_t)(end - p), delim, dlen)) ==
		    NULL) {
			rc = PARSE_BAD;	/* no final boundary */
			break;
		}
		if (next == p) {
			/* An empty part: no headers, so no name; skip it. */
			p = next + dlen;
			continue;
		}
		if (next - p >= 2 && p[0] == '\r' && p[1] == '\n') {
			hend = p;	/* no headers at all */
			content = p + 2;
		} else if ((hend = memmem(p, (size_t)(next - p),
		    "\r\n\r\n", 4)) != NULL)
			content = hend + 4;
		else {
			rc = PARSE_BAD;
			break;
		}
		if ((rc = part_headers(p, hend, &h)) != PARSE_OK)
			break;
		rc = part_add(a, &h, content, (size_t)(next - content),
		    lim, out);
		if (rc != PARSE_OK)
			break;
		p = next + dlen;
	}
	if (rc == PARSE_OK && st != 2)
		rc = PARSE_BAD;
	return rc;
}
