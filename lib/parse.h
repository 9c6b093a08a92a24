/*
 * parse.h: pure parsers of request data (query strings, urlencoded and
 * multipart bodies, cookie headers).  No I/O, no globals: they are unit
 * tested with tables and fuzzed.  Every string they return is copied into
 * the caller's arena and NUL-terminated.
 */
#ifndef JOURNAL_PARSE_H
#define JOURNAL_PARSE_H

#include <stddef.h>

struct arena;

/* One parameter: from a query string, a body or a cookie. */
struct kv {
	char	*key;
	char	*val;		/* decoded value, NUL-terminated */
	size_t	 vlen;		/* its length (a file part may hold NULs) */
	char	*filename;	/* multipart file parts only, else NULL */
	char	*ctype;		/* multipart part Content-Type, else NULL */
};

struct kvlist {
	struct kv	*v;	/* arena-allocated, grows by doubling */
	size_t		 n;
	size_t		 cap;
};

struct limits {
	size_t	params_max;	/* parameters in one request, all sources */
	size_t	key_max;	/* bytes in a key */
	size_t	value_max;	/* bytes in a non-file value */
};

enum parse_res {
	PARSE_OK = 0,
	PARSE_BAD,		/* malformed, invalid UTF-8 or NUL: HTTP 400 */
	PARSE_TOO_MANY,		/* more than params_max parameters: 400 */
	PARSE_TOO_LONG		/* a key or value over its limit: 400 */
};

/*
 * Returns 1 if s[0..len) is well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF) and contains no NUL byte, else 0.
 */
int	utf8_valid(const char *s, size_t len);

/*
 * application/x-www-form-urlencoded (also query strings): "a=1&b=%D0%B0+b".
 * '+' is a space; %XX is decoded; a key without '=' has the value "".
 * Empty pairs ("a=1&&b=2") are skipped.  Decoded keys and values must be
 * valid UTF-8 without NUL (else PARSE_BAD).  Appends to out.
 */
enum parse_res	parse_urlencoded(struct arena *a, const char *s, size_t len,
		    const struct limits *lim, struct kvlist *out);

/*
 * A Cookie header: "a=1; b=2".  Values are not decoded; a malformed pair
 * is skipped (browsers send what they have).  Appends to out.
 */
enum parse_res	parse_cookies(struct arena *a, const char *hdr,
		    const struct limits *lim, struct kvlist *out);

/*
 * multipart/form-data with the boundary taken from content_type.  Parts
 * with a filename keep their bytes as they are (a CSV in Windows-1251 is
 * fine) and are not subject to value_max; other parts must be valid UTF-8
 * without NUL.  Appends to out.
 */
enum parse_res	parse_multipart(struct arena *a, const char *body, size_t len,
		    const char *content_type, const struct limits *lim,
		    struct kvlist *out);

#endif
