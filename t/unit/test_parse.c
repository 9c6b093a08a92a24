/*
 * test_parse.c: tables of good and bad request data for parse.c.
 *
 * Every input is copied into a malloc()ed buffer of exactly its length,
 * without a terminating NUL, so that under ASan a parser reading one
 * byte too far fails the run.  Results are written out as one string,
 * "key=value|key2{file}<type>=value2", with bytes below 0x20, DEL and
 * backslash as \xNN, and compared with the table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"
#include "util.h"
#include "parse.h"

/* A literal with its length, NULs included. */
#define B(s)	(s), sizeof(s) - 1

static const struct limits	lim_small = { 10, 16, 32 };

static const char *
res_name(enum parse_res r)
{

	switch (r) {
	case PARSE_OK:
		return "OK";
	case PARSE_BAD:
		return "BAD";
	case PARSE_TOO_MANY:
		return "TOO_MANY";
	case PARSE_TOO_LONG:
		return "TOO_LONG";
	}
	return "?";
}

static void
put_esc(struct buf *b, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7F || c == '\\')
			buf_printf(b, "\\x%02X", c);
		else
			buf_append(b, &s[i], 1);
	}
}

/* Write out a list as described at the top; checks NUL termination. */
static void
dump(struct buf *b, const struct kvlist *l)
{
	size_t	i;

	buf_reset(b);
	buf_append(b, "", 0);
	for (i = 0; i < l->n; i++) {
		const struct kv *v = &l->v[i];

		if (i > 0)
			buf_puts(b, "|");
		put_esc(b, v->key, strlen(v->key));
		if (v->filename != NULL) {
			buf_puts(b, "{");
			put_esc(b, v->filename, strlen(v->filename));
			buf_puts(b, "}");
		}
		if (v->ctype != NULL) {
			buf_puts(b, "<");
			put_esc(b, v->ctype, strlen(v->ctype));
			buf_puts(b, ">");
		}
		buf_puts(b, "=");
		put_esc(b, v->val, v->vlen);
		if (v->val[v->vlen] != '\0')
			buf_puts(b, "!NONUL");
	}
}

/* A copy of s[0..n) in a buffer of exactly n bytes (one if n is 0). */
static char *
exact_copy(const char *s, size_t n)
{
	char	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		abort();
	if (n > 0)
		memcpy(p, s, n);
	else
		p[0] = 'X';	/* not a NUL: nothing may read it */
	return p;
}

static void
test_utf8(void)
{
	static const struct {
		const char	*s;
		size_t		 len;
		int		 valid;
		const char	*what;
	} t[] = {
		{ B(""), 1, "empty" },
		{ B("plain ASCII"), 1, "ASCII" },
		{ B("\x7F"), 1, "DEL is valid UTF-8" },
		{ B("Журнал"), 1, "Cyrillic" },
		{ B("ёЁ"), 1, "yo" },
		{ B("\xC2\x80"), 1, "U+0080, smallest 2-byte" },
		{ B("\xDF\xBF"), 1, "U+07FF, largest 2-byte" },
		{ B("\xE0\xA0\x80"), 1, "U+0800, smallest 3-byte" },
		{ B("\xED\x9F\xBF"), 1, "U+D7FF, below the surrogates" },
		{ B("\xEE\x80\x80"), 1, "U+E000, above the surrogates" },
		{ B("\xEF\xBF\xBF"), 1, "U+FFFF" },
		{ B("\xEF\xBB\xBF"), 1, "BOM" },
		{ B("\xF0\x90\x80\x80"), 1, "U+10000, smallest 4-byte" },
		{ B("\xF0\x9F\x98\x80"), 1, "emoji" },
		{ B("\xF4\x8F\xBF\xBF"), 1, "U+10FFFF, the last" },
		{ B("a\x00" "b"), 0, "NUL inside" },
		{ B("\x00"), 0, "NUL alone" },
		{ B("abc\x00"), 0, "NUL at the end" },
		{ B("\x80"), 0, "lone continuation byte" },
		{ B("\xBF"), 0, "lone continuation byte BF" },
		{ B("a\x80z"), 0, "continuation byte inside ASCII" },
		{ B("\xC0\xAF"), 0, "overlong '/' (C0 AF)" },
		{ B("\xC0\x80"), 0, "overlong NUL (C0 80)" },
		{ B("\xC1\xBF"), 0, "overlong C1" },
		{ B("\xE0\x80\xAF"), 0, "overlong 3-byte '/'" },
		{ B("\xE0\x9F\xBF"), 0, "overlong U+07FF in 3 bytes" },
		{ B("\xF0\x80\x80\xAF"), 0, "overlong 4-byte '/'" },
		{ B("\xF0\x8F\xBF\xBF"), 0, "overlong U+FFFF in 4 bytes" },
		{ B("\xED\xA0\x80"), 0, "surrogate U+D800" },
		{ B("\xED\xAF\xBF"), 0, "surrogate U+DBFF" },
		{ B("\xED\xB0\x80"), 0, "surrogate U+DC00" },
		{ B("\xED\xBF\xBF"), 0, "surrogate U+DFFF" },
		{ B("\xED\xA0\xBD\xED\xB8\x80"), 0, "CESU-8 surrogate pair" },
		{ B("\xF4\x90\x80\x80"), 0, "U+110000" },
		{ B("\xF5\x80\x80\x80"), 0, "F5 lead byte" },
		{ B("\xF7\xBF\xBF\xBF"), 0, "F7 lead byte" },
		{ B("\xF8\x88\x80\x80\x80"), 0, "5-byte form" },
		{ B("\xFC\x84\x80\x80\x80\x80"), 0, "6-byte form" },
		{ B("\xFE"), 0, "FE" },
		{ B("\xFF"), 0, "FF" },
		{ B("\xC2"), 0, "truncated 2-byte at end" },
		{ B("\xD0"), 0, "truncated Cyrillic" },
		{ B("\xE0\xA0"), 0, "truncated 3-byte" },
		{ B("\xE2\x82"), 0, "truncated euro sign" },
		{ B("\xF0\x9F\x98"), 0, "truncated emoji" },
		{ B("\xF0"), 0, "lone 4-byte lead" },
		{ B("\xC2" "a"), 0, "2-byte lead then ASCII" },
		{ B("\xE2\x82" "a"), 0, "3-byte with ASCII third" },
		{ B("\xF0\x9F\x98" "a"), 0, "4-byte with ASCII fourth" },
		{ B("\xE2\xC2\x82"), 0, "lead byte as continuation" },
		{ B("\xCF\xF0\xE8\xE2\xE5\xF2"), 0, "Windows-1251 text" },
		{ B("\xE8\xE0"), 0, "Windows-1251 pair" },
	};
	size_t	 i;
	char	*p;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		p = exact_copy(t[i].s, t[i].len);
		is_int(utf8_valid(p, t[i].len), t[i].valid,
		    "utf8_valid: %s", t[i].what);
		free(p);
	}
	/* A length shorter than the string: only that prefix counts. */
	is_int(utf8_valid("ab\xFF", 2), 1, "utf8_valid: only len bytes");
	is_int(utf8_valid("\xD0\xB0", 1), 0, "utf8_valid: cut by len");
}

static void
test_urlencoded(struct arena *a, struct buf *b)
{
	static const char	k16[] = "kkkkkkkkkkkkkkkk";
	static const struct {
		const char	*s;
		size_t		 len;
		enum parse_res	 rc;
		const char	*want;	/* dump of the list if PARSE_OK */
	} t[] = {
		{ B(""), PARSE_OK, "" },
		{ B("a=1"), PARSE_OK, "a=1" },
		{ B("a=1&b=2"), PARSE_OK, "a=1|b=2" },
		{ B("a"), PARSE_OK, "a=" },
		{ B("a="), PARSE_OK, "a=" },
		{ B("a&b"), PARSE_OK, "a=|b=" },
		{ B("a=1&&b=2"), PARSE_OK, "a=1|b=2" },
		{ B("&a=1&"), PARSE_OK, "a=1" },
		{ B("&&&"), PARSE_OK, "" },
		{ B("=1&b=2"), PARSE_OK, "b=2" },
		{ B("="), PARSE_OK, "" },
		{ B("=%G1"), PARSE_OK, "" },
		{ B("a=b=c"), PARSE_OK, "a=b=c" },
		{ B("a=1&a=2"), PARSE_OK, "a=1|a=2" },
		{ B("a=1;b=2"), PARSE_OK, "a=1;b=2" },
		{ B("a+b=c+d"), PARSE_OK, "a b=c d" },
		{ B("a=++"), PARSE_OK, "a=  " },
		{ B("+=1"), PARSE_OK, " =1" },
		{ B("a=%41%42"), PARSE_OK, "a=AB" },
		{ B("a=%4a%4A"), PARSE_OK, "a=JJ" },
		{ B("a=%2B+"), PARSE_OK, "a=+ " },
		{ B("a=%25"), PARSE_OK, "a=%" },
		{ B("a=%2541"), PARSE_OK, "a=%41" },
		{ B("a=%26b%3Dc"), PARSE_OK, "a=&b=c" },
		{ B("%61=1"), PARSE_OK, "a=1" },
		{ B("a=%0D%0A%09"), PARSE_OK, "a=\\x0D\\x0A\\x09" },
		{ B("a=%D0%B0"), PARSE_OK, "a=а" },
		{ B("a=%d0%b0"), PARSE_OK, "a=а" },
		{ B("%D0%BA%D0%BB=%D1%8F"), PARSE_OK, "кл=я" },
		{ B("a=%E2%82%AC"), PARSE_OK, "a=€" },
		{ B("a=%F0%9F%98%80"), PARSE_OK, "a=\xF0\x9F\x98\x80" },
		{ B("a=\xD0\xB0"), PARSE_OK, "a=а" },
		{ B("name=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2+%D0%98.%D0%98."),
		    PARSE_OK, "name=Иванов И.И." },
		{ B("a=%G1"), PARSE_BAD, NULL },
		{ B("a=%1G"), PARSE_BAD, NULL },
		{ B("a=%4"), PARSE_BAD, NULL },
		{ B("a=%"), PARSE_BAD, NULL },
		{ B("a=%%41"), PARSE_BAD, NULL },
		{ B("a=% 41"), PARSE_BAD, NULL },
		{ B("a=%4&b=1"), PARSE_BAD, NULL },
		{ B("%zz=1"), PARSE_BAD, NULL },
		{ B("%=1"), PARSE_BAD, NULL },
		{ B("a=x&b=%G1"), PARSE_BAD, NULL },
		{ B("a=%00"), PARSE_BAD, NULL },
		{ B("%00=1"), PARSE_BAD, NULL },
		{ B("a=\x00"), PARSE_BAD, NULL },
		{ B("a=%C0%AF"), PARSE_BAD, NULL },
		{ B("a=%C0%80"), PARSE_BAD, NULL },
		{ B("a=%ED%A0%80"), PARSE_BAD, NULL },
		{ B("a=%F4%90%80%80"), PARSE_BAD, NULL },
		{ B("a=%D0"), PARSE_BAD, NULL },
		{ B("a=%D0&b=%B0"), PARSE_BAD, NULL },
		{ B("a=%FF"), PARSE_BAD, NULL },
		{ B("a=%CF%F0%E8"), PARSE_BAD, NULL },
		{ B("a=\xFF"), PARSE_BAD, NULL },
		{ B("\xC0\xAF=1"), PARSE_BAD, NULL },
		/* lim_small: 10 parameters, keys 16 bytes, values 32. */
		{ B("kkkkkkkkkkkkkkkk=1"), PARSE_OK, "kkkkkkkkkkkkkkkk=1" },
		{ B("kkkkkkkkkkkkkkkkk=1"), PARSE_TOO_LONG, NULL },
		{ B("kkkkkkkkkkkkkkkkk"), PARSE_TOO_LONG, NULL },
		{ B("%6B%6B%6B%6B%6B%6B%6B%6B%6B%6B%6B%6B%6B%6B%6B%6B=1"),
		    PARSE_OK, "kkkkkkkkkkkkkkkk=1" },
		{ B("a=vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"), PARSE_OK,
		    "a=vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv" },
		{ B("a=vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"), PARSE_TOO_LONG,
		    NULL },
		{ B("a=%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0"
		    "%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0"),
		    PARSE_OK, "a=аааааааааааааааа" },
		{ B("a=%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0"
		    "%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0%D0%B0x"),
		    PARSE_TOO_LONG, NULL },
		{ B("a&b&c&d&e&f&g&h&i&j"), PARSE_OK,
		    "a=|b=|c=|d=|e=|f=|g=|h=|i=|j=" },
		{ B("a&b&c&d&e&f&g&h&i&j&k"), PARSE_TOO_MANY, NULL },
		{ B("a&b&c&d&e&f&g&h&i&j&&&=1&=2"), PARSE_OK,
		    "a=|b=|c=|d=|e=|f=|g=|h=|i=|j=" },
	};
	struct kvlist	 l;
	enum parse_res	 rc;
	size_t		 i;
	char		*p;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		memset(&l, 0, sizeof(l));
		p = exact_copy(t[i].s, t[i].len);
		rc = parse_urlencoded(a, p, t[i].len, &lim_small, &l);
		free(p);
		is_str(res_name(rc), res_name(t[i].rc),
		    "urlencoded row %zu: result", i);
		if (t[i].rc == PARSE_OK) {
			dump(b, &l);
			is_str(b->data, t[i].want, "urlencoded row %zu: "
			    "values", i);
		}
	}

	/* Parameters already in the list count against params_max. */
	memset(&l, 0, sizeof(l));
	rc = parse_urlencoded(a, B("a&b&c&d&e&f&g&h&i"), &lim_small, &l);
	is_int(l.n, 9, "urlencoded: 9 parameters from the query");
	rc = parse_urlencoded(a, B("j=1"), &lim_small, &l);
	is_str(res_name(rc), "OK", "urlencoded: a tenth from the body");
	rc = parse_urlencoded(a, B("k=1"), &lim_small, &l);
	is_str(res_name(rc), "TOO_MANY", "urlencoded: an eleventh is too many");

	/* Only len bytes are read. */
	memset(&l, 0, sizeof(l));
	rc = parse_urlencoded(a, "a=1&b=2", 3, &lim_small, &l);
	dump(b, &l);
	ok(rc == PARSE_OK && strcmp(b->data, "a=1") == 0,
	    "urlencoded: stops at len");
	memset(&l, 0, sizeof(l));
	rc = parse_urlencoded(a, "a=%41", 4, &lim_small, &l);
	is_str(res_name(rc), "BAD", "urlencoded: escape cut by len");
	memset(&l, 0, sizeof(l));
	rc = parse_urlencoded(a, k16, 0, &lim_small, &l);
	ok(rc == PARSE_OK && l.n == 0, "urlencoded: zero length");

	/* The list grows past its first allocation. */
	{
		struct limits	 big = { 100000, 16, 32 };
		struct buf	 in = { NULL, 0, 0 };
		int		 good = 1;

		for (i = 0; i < 5000; i++)
			buf_printf(&in, "%sk%zu=%zu", i ? "&" : "", i, i * 7);
		memset(&l, 0, sizeof(l));
		rc = parse_urlencoded(a, in.data, in.len, &big, &l);
		for (i = 0; i < l.n; i++) {
			char	want[64];

			snprintf(want, sizeof(want), "k%zu", i);
			if (strcmp(l.v[i].key, want) != 0)
				good = 0;
			snprintf(want, sizeof(want), "%zu", i * 7);
			if (strcmp(l.v[i].val, want) != 0)
				good = 0;
		}
		ok(rc == PARSE_OK && l.n == 5000 && good,
		    "urlencoded: 5000 parameters in order");
		buf_free(&in);
	}
}

static void
test_cookies(struct arena *a, struct buf *b)
{
	static const struct {
		const char	*hdr;
		enum parse_res	 rc;
		const char	*want;
	} t[] = {
		{ "", PARSE_OK, "" },
		{ "a=1", PARSE_OK, "a=1" },
		{ "a=1; b=2", PARSE_OK, "a=1|b=2" },
		{ "a=1;b=2", PARSE_OK, "a=1|b=2" },
		{ "  a = 1 ;  b=2  ", PARSE_OK, "a=1|b=2" },
		{ "a=1\t;\tb=2", PARSE_OK, "a=1|b=2" },
		{ "a=1; junk; b=2", PARSE_OK, "a=1|b=2" },
		{ "junk", PARSE_OK, "" },
		{ "=1; b=2", PARSE_OK, "b=2" },
		{ " =1", PARSE_OK, "" },
		{ "a=; b=2", PARSE_OK, "a=|b=2" },
		{ "a=%41", PARSE_OK, "a=%41" },
		{ "a=x+y", PARSE_OK, "a=x+y" },
		{ "a=b=c", PARSE_OK, "a=b=c" },
		{ "a=\"q\"", PARSE_OK, "a=\"q\"" },
		{ ";;;", PARSE_OK, "" },
		{ "; a=1;", PARSE_OK, "a=1" },
		{ "sid=abc; sid=def", PARSE_OK, "sid=abc|sid=def" },
		{ "a=\xFF; b=2", PARSE_OK, "b=2" },
		{ "\xC0\xAF=1; b=2", PARSE_OK, "b=2" },
		{ "a=\xED\xA0\x80; b=2", PARSE_OK, "b=2" },
		{ "a=\xD0; b=2", PARSE_OK, "b=2" },
		{ "имя=значение", PARSE_OK, "имя=значение" },
		{ "sid=0123456789abcdef0123456789abcdef", PARSE_OK,
		    "sid=0123456789abcdef0123456789abcdef" },
		{ "sid=0123456789abcdef0123456789abcdefX", PARSE_TOO_LONG,
		    NULL },
		{ "kkkkkkkkkkkkkkkk=1", PARSE_OK, "kkkkkkkkkkkkkkkk=1" },
		{ "kkkkkkkkkkkkkkkkk=1", PARSE_TOO_LONG, NULL },
		{ "kkkkkkkkkkkkkkkkk", PARSE_OK, "" },
		{ "a=1;b=1;c=1;d=1;e=1;f=1;g=1;h=1;i=1;j=1", PARSE_OK,
		    "a=1|b=1|c=1|d=1|e=1|f=1|g=1|h=1|i=1|j=1" },
		{ "a=1;b=1;c=1;d=1;e=1;f=1;g=1;h=1;i=1;j=1;k=1",
		    PARSE_TOO_MANY, NULL },
		{ "a=1;b=1;c=1;d=1;e=1;f=1;g=1;h=1;i=1;j=1;k;;=2",
		    PARSE_OK, "a=1|b=1|c=1|d=1|e=1|f=1|g=1|h=1|i=1|j=1" },
	};
	struct kvlist	 l;
	enum parse_res	 rc;
	size_t		 i;
	char		*p;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		memset(&l, 0, sizeof(l));
		/* Exactly strlen + 1 bytes, so ASan sees reads past NUL. */
		p = exact_copy(t[i].hdr, strlen(t[i].hdr) + 1);
		rc = parse_cookies(a, p, &lim_small, &l);
		free(p);
		is_str(res_name(rc), res_name(t[i].rc),
		    "cookies row %zu: result", i);
		if (t[i].rc == PARSE_OK) {
			dump(b, &l);
			is_str(b->data, t[i].want, "cookies row %zu: values",
			    i);
		}
	}
	memset(&l, 0, sizeof(l));
	rc = parse_cookies(a, NULL, &lim_small, &l);
	ok(rc == PARSE_OK && l.n == 0, "cookies: no header");
	memset(&l, 0, sizeof(l));
	rc = parse_urlencoded(a, B("a&b&c&d&e&f&g&h&i"), &lim_small, &l);
	rc = parse_cookies(a, "sid=1; x=2", &lim_small, &l);
	is_str(res_name(rc), "TOO_MANY", "cookies: count with the query");
}

#define CT	"multipart/form-data; boundary=XyZ"
#define CD	"Content-Disposition: form-data; "

static void
test_multipart(struct arena *a, struct buf *b)
{
	static const struct {
		const char	*ctype;
		const char	*body;
		size_t		 len;
		enum parse_res	 rc;
		const char	*want;
	} t[] = {
		/* A text field and a binary file in Windows-1251. */
		{ CT, B("--XyZ\r\n"
		    CD "name=\"title\"\r\n"
		    "\r\n"
		    "Привет, мир\r\n"
		    "--XyZ\r\n"
		    CD "name=\"f\"; filename=\"оценки.csv\"\r\n"
		    "Content-Type: text/csv\r\n"
		    "\r\n"
		    "\x00\xFF;\xCF\xF0\xE8\xE2\xE5\xF2\r\n\r\n--Xy\r\n"
		    "--XyZ--\r\n"), PARSE_OK,
		    "title=Привет, мир|f{оценки.csv}<text/csv>="
		    "\\x00\xFF;\xCF\xF0\xE8\xE2\xE5\xF2\\x0D\\x0A\\x0D\\x0A"
		    "--Xy" },
		/* No final CRLF, preamble and epilogue. */
		{ CT, B("This is a preamble.\r\n--XyZ\r\n"
		    CD "name=\"a\"\r\n\r\n1\r\n--XyZ--"), PARSE_OK, "a=1" },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ--\r\n"
		    "epilogue\r\n--XyZ\r\n" CD "name=\"b\"\r\n\r\n2\r\n"),
		    PARSE_OK, "a=1" },
		/* Quoted boundary with a space; parameters in any case. */
		{ "multipart/form-data; boundary=\"a b:c\"",
		    B("--a b:c\r\n" CD "name=\"a\"\r\n\r\n1\r\n--a b:c--"),
		    PARSE_OK, "a=1" },
		{ "Multipart/Form-Data; charset=utf-8; BOUNDARY=q",
		    B("--q\r\n" CD "name=\"a\"\r\n\r\n1\r\n--q--"),
		    PARSE_OK, "a=1" },
		{ "multipart/form-data;boundary=q",
		    B("--q\r\n" CD "name=\"a\"\r\n\r\n1\r\n--q--"),
		    PARSE_OK, "a=1" },
		{ "multipart/form-data ; boundary = \"q\" ",
		    B("--q\r\n" CD "name=\"a\"\r\n\r\n1\r\n--q--"),
		    PARSE_OK, "a=1" },
		/* A real browser boundary. */
		{ "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
		    B("------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
		    CD "name=\"x\"\r\n\r\nv\r\n"
		    "------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n"),
		    PARSE_OK, "x=v" },
		/* The final boundary is missing. */
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n"), PARSE_BAD,
		    NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ\r\n"),
		    PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ"),
		    PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ-"),
		    PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n1"), PARSE_BAD,
		    NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n"), PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n"), PARSE_BAD, NULL },
		{ CT, B("--XyZ"), PARSE_BAD, NULL },
		{ CT, B(""), PARSE_BAD, NULL },
		{ CT, B("no boundary here"), PARSE_BAD, NULL },
		/* Only the close delimiter: no parts at all. */
		{ CT, B("--XyZ--\r\n"), PARSE_OK, "" },
		{ CT, B("--XyZ--"), PARSE_OK, "" },
		/* Parts nobody can ask for are skipped. */
		{ CT, B("--XyZ\r\n" CD "filename=\"x.txt\"\r\n\r\n1\r\n"
		    "--XyZ\r\n" CD "name=\"b\"\r\n\r\n2\r\n--XyZ--"),
		    PARSE_OK, "b=2" },
		{ CT, B("--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n"
		    "--XyZ\r\n" CD "name=\"b\"\r\n\r\n2\r\n--XyZ--"),
		    PARSE_OK, "b=2" },
		{ CT, B("--XyZ\r\n" CD "name=\"\"\r\n\r\n1\r\n"
		    "--XyZ\r\n" CD "name=\"b\"\r\n\r\n2\r\n--XyZ--"),
		    PARSE_OK, "b=2" },
		{ CT, B("--XyZ\r\nContent-Disposition: attachment; "
		    "name=\"a\"\r\n\r\n1\r\n--XyZ--"), PARSE_OK, "" },
		{ CT, B("--XyZ\r\n\r\nno headers\r\n--XyZ--"), PARSE_OK, "" },
		{ CT, B("--XyZ\r\n\r\n--XyZ--"), PARSE_OK, "" },
		/* No file chosen: filename="" and nothing in it. */
		{ CT, B("--XyZ\r\n" CD "name=\"f\"; filename=\"\"\r\n"
		    "Content-Type: application/octet-stream\r\n\r\n"
		    "\r\n--XyZ--\r\n"), PARSE_OK,
		    "f{}<application/octet-stream>=" },
		/* Header spelling. */
		{ CT, B("--XyZ\r\ncontent-disposition: FORM-DATA; NAME=\"a\""
		    "\r\n\r\n1\r\n--XyZ--"), PARSE_OK, "a=1" },
		{ CT, B("--XyZ\r\nContent-Disposition:form-data;name=a\r\n"
		    "\r\n1\r\n--XyZ--"), PARSE_OK, "a=1" },
		{ CT, B("--XyZ\r\n" CD "filename=\"a.txt\"; name=\"f\"\r\n"
		    "\r\n1\r\n--XyZ--"), PARSE_OK, "f{a.txt}=1" },
		{ CT, B("--XyZ\r\nX-Other: whatever\r\n" CD "name=\"a\"\r\n"
		    "\r\n1\r\n--XyZ--"), PARSE_OK, "a=1" },
		/* Windows paths keep their backslashes. */
		{ CT, B("--XyZ\r\n" CD "name=\"f\"; "
		    "filename=\"C:\\dir\\file.txt\"\r\n\r\nx\r\n--XyZ--"),
		    PARSE_OK, "f{C:\\x5Cdir\\x5Cfile.txt}=x" },
		/* Transport padding after the delimiter. */
		{ CT, B("--XyZ \t\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ  \r\n"
		    CD "name=\"b\"\r\n\r\n2\r\n--XyZ--"), PARSE_OK,
		    "a=1|b=2" },
		/* Content that looks a bit like a boundary. */
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\nx--XyZ\r\n--Xy"
		    "\r\n--XyZ--"), PARSE_OK, "a=x--XyZ\\x0D\\x0A--Xy" },
		/* The blank line's CRLF starts a delimiter: no blank line. */
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n--XyZ\r\n--XyZ--"),
		    PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n\r\n--XyZ--"),
		    PARSE_OK, "a=" },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n\r\n\r\n\r\n--XyZ--"),
		    PARSE_OK, "a=\\x0D\\x0A\\x0D\\x0A" },
		/* The boundary inside content is malformed. */
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\nx\r\n--XyZx\r\n"
		    "--XyZ--"), PARSE_BAD, NULL },
		/* Text values must be UTF-8 without NUL. */
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n\xCF\xF0\xE8\r\n"
		    "--XyZ--"), PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\na\x00z\r\n--XyZ--"),
		    PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n\xC0\xAF\r\n"
		    "--XyZ--"), PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"\xFF\"\r\n\r\n1\r\n--XyZ--"),
		    PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"f\"; filename=\"\xE8.csv\"\r\n"
		    "\r\n1\r\n--XyZ--"), PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\nContent-Type: \xFF\r\n"
		    "\r\n1\r\n--XyZ--"), PARSE_BAD, NULL },
		/* Broken headers. */
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\nbroken\r\n\r\n1\r\n"
		    "--XyZ--"), PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n1\r\n--XyZ--"),
		    PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\r\n\r\n1\r\n--XyZ--"),
		    PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name\r\n\r\n1\r\n--XyZ--"),
		    PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\" x\r\n\r\n1\r\n--XyZ--"),
		    PARSE_BAD, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n" CD "name=\"b\"\r\n"
		    "\r\n1\r\n--XyZ--"), PARSE_BAD, NULL },
		{ CT, B("--XyZ\n" CD "name=\"a\"\n\n1\n--XyZ--"), PARSE_BAD,
		    NULL },
		{ CT, B("--XyZx\r\n" CD "name=\"a\"\r\n\r\n1\r\n--XyZ--"),
		    PARSE_BAD, NULL },
		/* Bad Content-Type headers. */
		{ NULL, B("--XyZ--"), PARSE_BAD, NULL },
		{ "", B("--XyZ--"), PARSE_BAD, NULL },
		{ "multipart/form-data", B("--XyZ--"), PARSE_BAD, NULL },
		{ "multipart/form-data; boundary=", B("----"), PARSE_BAD,
		    NULL },
		{ "multipart/form-data; boundary=\"\"", B("----"), PARSE_BAD,
		    NULL },
		{ "multipart/form-data; boundary=\"XyZ", B("--XyZ--"),
		    PARSE_BAD, NULL },
		{ "multipart/mixed; boundary=XyZ", B("--XyZ--"), PARSE_BAD,
		    NULL },
		{ "application/x-www-form-urlencoded", B("a=1"), PARSE_BAD,
		    NULL },
		{ "multipart/form-data; boundary=a\"b", B("--a\"b--"),
		    PARSE_BAD, NULL },
		{ "multipart/form-data; boundary=\"ab \"", B("--ab --"),
		    PARSE_BAD, NULL },
		{ "multipart/form-data; boundary=\"a\r\nb\"", B("--a\r\nb--"),
		    PARSE_BAD, NULL },
		{ "multipart/form-data; boundary="
		    "1234567890123456789012345678901234567890"
		    "123456789012345678901234567890",
		    B("--1234567890123456789012345678901234567890"
		    "123456789012345678901234567890--"), PARSE_OK, "" },
		{ "multipart/form-data; boundary="
		    "1234567890123456789012345678901234567890"
		    "1234567890123456789012345678901",
		    B("--1234567890123456789012345678901234567890"
		    "1234567890123456789012345678901--"), PARSE_BAD, NULL },
		/* Limits (lim_small: 10, 16, 32). */
		{ CT, B("--XyZ\r\n" CD "name=\"kkkkkkkkkkkkkkkk\"\r\n\r\n"
		    "1\r\n--XyZ--"), PARSE_OK, "kkkkkkkkkkkkkkkk=1" },
		{ CT, B("--XyZ\r\n" CD "name=\"kkkkkkkkkkkkkkkkk\"\r\n\r\n"
		    "1\r\n--XyZ--"), PARSE_TOO_LONG, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n"
		    "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\r\n--XyZ--"), PARSE_OK,
		    "a=vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv" },
		{ CT, B("--XyZ\r\n" CD "name=\"a\"\r\n\r\n"
		    "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\r\n--XyZ--"),
		    PARSE_TOO_LONG, NULL },
		{ CT, B("--XyZ\r\n" CD "name=\"f\"; filename=\"a\"\r\n\r\n"
		    "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\r\n"
		    "--XyZ--"), PARSE_OK,
		    "f{a}=vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv" },
		{ CT, B("--XyZ\r\n" CD "name=\"f\"; filename=\""
		    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn\"\r\n"
		    "\r\n1\r\n--XyZ--"), PARSE_TOO_LONG, NULL },
		{ CT, B("--XyZ\r\n" CD "name=a\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=b\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=c\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=d\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=e\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=f\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=g\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=h\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=i\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=j\r\n\r\n\r\n--XyZ\r\n"
		    CD "filename=k\r\n\r\n\r\n--XyZ--"), PARSE_OK,
		    "a=|b=|c=|d=|e=|f=|g=|h=|i=|j=" },
		{ CT, B("--XyZ\r\n" CD "name=a\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=b\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=c\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=d\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=e\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=f\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=g\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=h\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=i\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=j\r\n\r\n\r\n--XyZ\r\n"
		    CD "name=k\r\n\r\n\r\n--XyZ--"), PARSE_TOO_MANY, NULL },
	};
	struct kvlist	 l;
	enum parse_res	 rc;
	size_t		 i;
	char		*p;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		memset(&l, 0, sizeof(l));
		p = exact_copy(t[i].body, t[i].len);
		rc = parse_multipart(a, p, t[i].len, t[i].ctype, &lim_small,
		    &l);
		free(p);
		is_str(res_name(rc), res_name(t[i].rc),
		    "multipart row %zu: result", i);
		if (t[i].rc == PARSE_OK) {
			dump(b, &l);
			is_str(b->data, t[i].want, "multipart row %zu: values",
			    i);
		}
	}

	/* The first row field by field, as a screen would use it. */
	memset(&l, 0, sizeof(l));
	rc = parse_multipart(a, t[0].body, t[0].len, t[0].ctype, &lim_small,
	    &l);
	if (ok(rc == PARSE_OK && l.n == 2, "multipart: two parts")) {
		is_str(l.v[0].key, "title", "text part: name");
		is_str(l.v[0].val, "Привет, мир", "text part: value");
		ok(l.v[0].filename == NULL && l.v[0].ctype == NULL,
		    "text part: no filename, no type");
		is_int(l.v[1].vlen, 17, "file part: length with NUL and FF");
		is_mem(l.v[1].val, 3, "\x00\xFF;", 3, "file part: bytes");
		is_int(l.v[1].val[17], 0, "file part: NUL after the bytes");
	}

	/* Parts already in the list count against params_max. */
	memset(&l, 0, sizeof(l));
	rc = parse_urlencoded(a, B("a&b&c&d&e&f&g&h&i"), &lim_small, &l);
	rc = parse_multipart(a, B("--XyZ\r\n" CD "name=\"j\"\r\n\r\n1\r\n"
	    "--XyZ--"), CT, &lim_small, &l);
	is_str(res_name(rc), "OK", "multipart: tenth parameter");
	rc = parse_multipart(a, B("--XyZ\r\n" CD "name=\"k\"\r\n\r\n1\r\n"
	    "--XyZ--"), CT, &lim_small, &l);
	is_str(res_name(rc), "TOO_MANY", "multipart: eleventh parameter");
}

/*
 * Hostile bodies of 1 MiB: each must be refused or parsed in well under
 * a second (a quadratic parser takes minutes on these).
 */
static void
test_hostile(struct arena *a)
{
	static const struct limits	lim = { 100000, 64, 2 << 20 };
	static const char	 ca[] = "multipart/form-data; boundary="
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab";
	static const struct {
		const char	*ctype;
		const char	*head;	/* once */
		const char	*pat;	/* repeated up to 1 MiB */
		const char	*tail;	/* once */
		enum parse_res	 rc;
	} t[] = {
		/* Delimiters that never complete a part. */
		{ CT, "--XyZ\r\n" CD "name=\"a\"; filename=\"f\"\r\n\r\n",
		    "\r\n--XyZ", "", PARSE_BAD },
		/* Near misses of the delimiter in a file. */
		{ CT, "--XyZ\r\n" CD "name=\"a\"; filename=\"f\"\r\n\r\n",
		    "\r\n--Xy", "\r\n--XyZ--", PARSE_OK },
		{ CT, "--XyZ\r\n" CD "name=\"a\"; filename=\"f\"\r\n\r\n",
		    "-", "\r\n--XyZ--", PARSE_OK },
		{ CT, "--XyZ\r\n" CD "name=\"a\"; filename=\"f\"\r\n\r\n",
		    "\r\n", "\r\n--XyZ--", PARSE_OK },
		/* Headers without end, then with one. */
		{ CT, "--XyZ\r\n", "X-A: b\r\n", "\r\n--XyZ--", PARSE_BAD },
		{ CT, "--XyZ\r\n", "X-A: b\r\n", "\r\n1\r\n--XyZ--",
		    PARSE_OK },
		{ CT, "--XyZ\r\n" CD "name=\"a\"", "; x=\"y\"",
		    "\r\n\r\n1\r\n--XyZ--", PARSE_OK },
		/* Headerless parts, each skipped. */
		{ CT, "", "--XyZ\r\n\r\n\r\n", "--XyZ--", PARSE_OK },
		/* A periodic boundary in a periodic body. */
		{ ca, "", "a", "", PARSE_BAD },
		{ ca, "--aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaab\r\n" CD "name=\"a\"; filename=\"f\"\r\n"
		    "\r\n", "\r\n--aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		    "", PARSE_BAD },
	};
	const size_t	 size = 1 << 20;
	struct kvlist	 l;
	struct buf	 body = { NULL, 0, 0 };
	enum parse_res	 rc;
	clock_t		 t0;
	double		 secs;
	size_t		 i, n;
	char		*p;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		buf_reset(&body);
		buf_puts(&body, t[i].head);
		while (body.len < size)
			buf_puts(&body, t[i].pat);
		buf_puts(&body, t[i].tail);
		memset(&l, 0, sizeof(l));
		p = exact_copy(body.data, body.len);
		t0 = clock();
		rc = parse_multipart(a, p, body.len, t[i].ctype, &lim, &l);
		secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
		free(p);
		ok(rc == t[i].rc && secs < 1.0,
		    "hostile multipart %zu: %s in %.3f s", i, res_name(rc),
		    secs);
	}

	/* Many small parts: the list grows, all in linear time. */
	buf_reset(&body);
	for (n = 0; n < 20000; n++)
		buf_printf(&body, "--XyZ\r\n" CD "name=\"p%zu\"\r\n\r\n%zu\r\n",
		    n, n);
	buf_puts(&body, "--XyZ--\r\n");
	memset(&l, 0, sizeof(l));
	t0 = clock();
	rc = parse_multipart(a, body.data, body.len, CT, &lim, &l);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ok(rc == PARSE_OK && l.n == 20000 &&
	    strcmp(l.v[19999].key, "p19999") == 0 &&
	    strcmp(l.v[19999].val, "19999") == 0 && secs < 1.0,
	    "multipart: 20000 parts in %.3f s", secs);

	/* A long urlencoded body of escapes and separators. */
	buf_reset(&body);
	while (body.len < size)
		buf_puts(&body, "%41%42&&==&");
	memset(&l, 0, sizeof(l));
	t0 = clock();
	rc = parse_urlencoded(a, body.data, body.len, &lim, &l);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ok(rc == PARSE_OK && secs < 1.0, "hostile urlencoded: %s in %.3f s",
	    res_name(rc), secs);
	buf_free(&body);
}

int
main(void)
{
	struct arena	a = { NULL };
	struct buf	b = { NULL, 0, 0 };

	test_utf8();
	test_urlencoded(&a, &b);
	arena_free(&a);
	test_cookies(&a, &b);
	arena_free(&a);
	test_multipart(&a, &b);
	arena_free(&a);
	test_hostile(&a);
	arena_free(&a);
	buf_free(&b);
	return done_testing();
}
