/*
 * csv.c: the CSV reader.  The file is made UTF-8 first (so that every
 * later step sees one encoding), then split into records in one pass;
 * each field is copied once into the arena.  Excel's habits are accepted
 * rather than refused: text after a closing quote, a quote inside an
 * unquoted field, rows of empty fields.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "csv.h"
#include "parse.h"
#include "util.h"

char *
csv_cp1251_to_utf8(struct arena *a, const char *s, size_t len,
    size_t *outlen)
{
	iconv_t	 cd;
	char	*out, *in, *o;
	size_t	 inleft, outleft, rc;

	if (memchr(s, '\0', len) != NULL)
		return NULL;
	if ((cd = iconv_open("UTF-8", "CP1251")) == (iconv_t)-1)
		return NULL;
	/* No Windows-1251 character takes more than 3 bytes in UTF-8. */
	out = arena_alloc(a, len * 3 + 1);
	in = (char *)s;
	inleft = len;
	o = out;
	outleft = len * 3;
	rc = iconv(cd, &in, &inleft, &o, &outleft);
	iconv_close(cd);
	if (rc == (size_t)-1 || inleft != 0)
		return NULL;
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

char *
csv_fold(struct arena *a, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			*out, *o;
	int			 blank = 0;

	out = o = arena_alloc(a, strlen(s) + 1);
	while (*p != '\0') {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' ||
		    (p[0] == 0xc2 && p[1] == 0xa0)) {
			p += *p == 0xc2 ? 2 : 1;
			blank = 1;
			continue;
		}
		if (blank && o > out)
			*o++ = ' ';
		blank = 0;
		if (*p >= 'A' && *p <= 'Z') {
			*o++ = (char)(*p++ + 'a' - 'A');
		} else if (p[0] == 0xd0 && p[1] >= 0x90 && p[1] <= 0x9f) {
			*o++ = (char)0xd0;		/* А..П -> а..п */
			*o++ = (char)(p[1] + 0x20);
			p += 2;
		} else if (p[0] == 0xd0 && p[1] >= 0xa0 && p[1] <= 0xaf) {
			*o++ = (char)0xd1;		/* Р..Я -> р..я */
			*o++ = (char)(p[1] - 0x20);
			p += 2;
		} else if ((p[0] == 0xd0 && p[1] == 0x81) ||
		    (p[0] == 0xd1 && p[1] == 0x91)) {
			*o++ = (char)0xd0;		/* Ё, ё -> е */
			*o++ = (char)0xb5;
			p += 2;
		} else
			*o++ = (char)*p++;
	}
	while (o > out && (o[-1] == '.' || o[-1] == ':' || o[-1] == '*' ||
	    o[-1] == ' '))
		o--;
	*o = '\0';
	return out;
}

/*
 * One record from p (not past end): fields into row, *next after its line
 * end.  Returns 0, or -1 for a quote never closed.  *nl counts the line
 * ends it consumed (a quoted field may hold some).
 */
static int
record(struct arena *a, const char *p, const char *end, char sep,
    struct csv_row *row, const char **next, size_t *nl)
{
	char		**f, **nf, *v;
	size_t		  cap = 8, n = 0, k;
	const char	 *s;

	f = arena_alloc(a, cap * sizeof(*f));
	for (;;) {
		/* Worst case the field is the rest of the file. */
		v = NULL;
		k = 0;
		if (p < end && *p == '"') {
			for (s = p + 1; s < end; s++) {
				if (*s == '"') {
					if (s + 1 < end && s[1] == '"') {
						s++;
						continue;
					}
					break;
				}
			}
			if (s >= end)
				return -1;
			v = arena_alloc(a, (size_t)(s - p) + 1);
			for (p++; p < s; p++) {
				if (*p == '\n')
					(*nl)++;
				v[k++] = *p;
				if (*p == '"')
					p++;	/* the second of "" */
			}
			p++;		/* the closing quote */
		}
		/* Unquoted text, or what Excel leaves after a closing quote. */
		for (s = p; s < end && *s != sep && *s != '\n'; s++)
			;
		if (v == NULL)
			v = arena_strndup(a, p, (size_t)(s - p));
		else if (s > p)
			v = arena_printf(a, "%.*s%.*s", (int)k, v,
			    (int)(s - p), p);
		else
			v[k] = '\0';
		p = s;
		if (n == cap) {
			nf = arena_alloc(a, cap * 2 * sizeof(*f));
			memcpy(nf, f, cap * sizeof(*f));
			f = nf;
			cap *= 2;
		}
		f[n++] = v;
		if (p < end && *p == sep) {
			p++;
			continue;
		}
		break;
	}
	/* A CR before the line end belongs to CRLF, not to the field. */
	k = strlen(f[n - 1]);
	if (k > 0 && f[n - 1][k - 1] == '\r')
		f[n - 1][k - 1] = '\0';
	if (p < end) {
		p++;		/* the '\n' */
		(*nl)++;
	}
	row->f = f;
	row->n = n;
	*next = p;
	return 0;
}

static int
all_empty(const struct csv_row *row)
{
	size_t	 i;

	for (i = 0; i < row->n; i++)
		if (row->f[i][0] != '\0')
			return 0;
	return 1;
}

/* How many of the header's fields known takes (or its field count). */
static size_t
score(struct arena *a, const char *p, const char *end, char sep,
    csv_known known, void *arg, size_t *fields)
{
	struct csv_row	 row;
	const char	*next;
	size_t		 i, n = 0, nl = 0;

	if (record(a, p, end, sep, &row, &next, &nl) == -1) {
		*fields = 0;
		return 0;
	}
	*fields = row.n;
	if (known != NULL)
		for (i = 0; i < row.n; i++)
			if (known(a, row.f[i], arg))
				n++;
	return n;
}

enum csv_res
csv_parse(struct arena *a, const char *data, size_t len, size_t max_rows,
    csv_known known, void *arg, struct csv *out, size_t *line)
{
	const char	*p, *end, *next;
	size_t		 cap, nl, at, fs, fc, ks, kc;

	memset(out, 0, sizeof(*out));
	*line = 0;
	if (utf8_valid(data, len)) {
		out->text = data;
		out->len = len;
	} else if ((out->text = csv_cp1251_to_utf8(a, data, len,
	    &out->len)) == NULL)
		return CSV_ENCODING;
	else
		out->cp1251 = 1;
	p = out->text;
	end = p + out->len;
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		out->text = p;
		out->len -= 3;
	}
	/* Leading blank lines are not the header. */
	at = 1;
	while (p < end && (*p == '\n' || *p == '\r')) {
		if (*p++ == '\n')
			at++;
	}
	if (p >= end)
		return CSV_EMPTY;

	ks = score(a, p, end, ';', known, arg, &fs);
	kc = score(a, p, end, ',', known, arg, &fc);
	out->sep = kc > ks || (kc == ks && fc > fs) ? ',' : ';';

	for (cap = 2, next = p; next < end; next++)
		if (*next == '\n')
			cap++;
	out->rows = arena_alloc(a, cap * sizeof(*out->rows));
	while (p < end) {
		nl = 0;
		if (record(a, p, end, out->sep, &out->rows[out->nrows], &next,
		    &nl) == -1) {
			*line = at;
			return CSV_QUOTE;
		}
		out->rows[out->nrows].line = at;
		at += nl;
		p = next;
		if (out->nrows > 0 && all_empty(&out->rows[out->nrows]))
			continue;
		if (out->nrows++ > max_rows)
			return CSV_TOO_MANY;
	}
	return out->nrows == 0 ? CSV_EMPTY : CSV_OK;
}

const char *
csv_encoding_name(int cp1251)
{
	return cp1251 ? "Windows-1251 (перекодирован в UTF-8)" : "UTF-8";
}

const char *
csv_sep_name(char sep)
{
	return sep == ';' ? "«;» (точка с запятой)" : "«,» (запятая)";
}
