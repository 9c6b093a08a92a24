/*
 * util.c: the per-request arena, the growable output buffer and
 * utf8_len.  Out-of-memory is not an error a request can recover from
 * (the worker's state would be half-built), so every allocation failure
 * aborts and callers never check.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Alignment of every arena allocation: enough for any scalar type. */
#define ARENA_ALIGN	16
/* Bytes malloc()ed for an ordinary block, header included. */
#define ARENA_BLOCK	8192

struct arena_block {
	struct arena_block	*next;
	size_t			 cap;	/* bytes in data */
	size_t			 used;	/* bytes handed out, a multiple of 16 */
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

#define ARENA_PAYLOAD	(ARENA_BLOCK - sizeof(struct arena_block))

static struct arena_block *
block_new(size_t cap)
{
	struct arena_block	*b;

	if (cap > SIZE_MAX - sizeof(*b))
		abort();
	if ((b = malloc(sizeof(*b) + cap)) == NULL)
		abort();
	b->next = NULL;
	b->cap = cap;
	b->used = 0;
	return b;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block	*b;
	void			*p;

	/* A zero-byte request still gets a distinct, usable pointer. */
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - (ARENA_ALIGN - 1))
		abort();
	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);

	b = a->head;
	if (b != NULL && b->cap - b->used >= n) {
		p = b->data + b->used;
		b->used += n;
	} else if (n > ARENA_PAYLOAD / 4) {
		/*
		 * A big allocation gets a block of its own, linked behind
		 * the current one so the free space left in that block is
		 * not wasted on the next small allocations.
		 */
		b = block_new(n);
		b->used = n;
		if (a->head == NULL)
			a->head = b;
		else {
			b->next = a->head->next;
			a->head->next = b;
		}
		p = b->data;
	} else {
		b = block_new(ARENA_PAYLOAD);
		b->next = a->head;
		a->head = b;
		b->used = n;
		p = b->data;
	}
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	if (n == SIZE_MAX)
		abort();
	p = arena_alloc(a, n + 1);
	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
id_in(long long id, const long long *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i] == id)
			return 1;
	return 0;
}

void *
arena_grow(struct arena *a, void *v, size_t n, size_t size)
{
	void	*nw;

	if (n & (n - 1))
		return v;	/* not a power of two: room is left */
	nw = arena_alloc(a, (n ? 2 * n : 1) * size);
	if (n)
		memcpy(nw, v, n * size);
	return nw;
}

char *
arena_strdup(struct arena *a, const char *s)
{

	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap, ap2;
	int	 n;
	char	*p;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	/* Only a bad format or wide conversion fails: a programming error. */
	if (n < 0)
		abort();
	p = arena_alloc(a, (size_t)n + 1);
	if (vsnprintf(p, (size_t)n + 1, fmt, ap2) != n)
		abort();
	va_end(ap2);
	va_end(ap);
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_block	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

/*
 * Make room for n more bytes plus the terminating NUL.  Capacity
 * doubles so appending byte by byte stays linear.
 */
static void
buf_grow(struct buf *b, size_t n)
{
	size_t	 need, cap;
	char	*p;

	if (n > SIZE_MAX - b->len - 1)
		abort();
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	cap = b->cap > 0 ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if ((p = realloc(b->data, cap)) == NULL)
		abort();
	b->data = p;
	b->cap = cap;
}

void
buf_append(struct buf *b, const char *s, size_t n)
{

	buf_grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{

	buf_append(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	/* Try in place first: most output fits in what is left. */
	buf_grow(b, 0);
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	if ((size_t)n >= b->cap - b->len) {
		buf_grow(b, (size_t)n);
		va_start(ap, fmt);
		if (vsnprintf(b->data + b->len, b->cap - b->len,
		    fmt, ap) != n)
			abort();
		va_end(ap);
	}
	b->len += (size_t)n;
}

void
buf_reset(struct buf *b)
{

	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
buf_free(struct buf *b)
{

	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

size_t
utf8_len(const char *s)
{
	size_t	n = 0;

	/* Every code point has exactly one byte that is not 10xxxxxx. */
	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

struct idrow {
	long long	 id;
	int		 row;
};

static int
idrow_cmp(const void *a, const void *b)
{
	const struct idrow *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

void
idindex_add(struct idindex *ix, long long id, int row)
{
	if (ix->n == ix->cap) {
		ix->cap = ix->cap ? ix->cap * 2 : 32;
		if ((ix->v = realloc(ix->v, ix->cap * sizeof(*ix->v))) == NULL)
			abort();
	}
	ix->v[ix->n].id = id;
	ix->v[ix->n++].row = row;
	ix->sorted = 0;
}

int
idindex_find(struct idindex *ix, long long id)
{
	struct idrow	 key, *hit;

	if (ix->n == 0)
		return -1;
	if (!ix->sorted) {
		qsort(ix->v, ix->n, sizeof(*ix->v), idrow_cmp);
		ix->sorted = 1;
	}
	key.id = id;
	hit = bsearch(&key, ix->v, ix->n, sizeof(*ix->v), idrow_cmp);
	return hit == NULL ? -1 : hit->row;
}

void
idindex_free(struct idindex *ix)
{
	free(ix->v);
	ix->v = NULL;
	ix->n = ix->cap = 0;
	ix->sorted = 0;
}

long
days_from_civil(int y, int m, int d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
civil_from_days(long z, int *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
date_parse(const char *s, long *z)
{
	int	 y, m, d;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	*z = days_from_civil(y, m, d);
	return 0;
}

void
date_format(long z, char buf[11])
{
	int	 y, m, d;

	civil_from_days(z, &y, &m, &d);
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
}

int
tenths_parse(const char *s, int min, int max)
{
	long	 t = 0;
	int	 digits = 0;

	while (*s >= '0' && *s <= '9') {
		if (++digits > 6)
			return -1;
		t = t * 10 + (*s++ - '0');
	}
	if (digits == 0)
		return -1;
	t *= 10;
	if (*s == ',' || *s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return -1;		/* «2,» */
		t += *s++ - '0';
		if (*s == '0')
			s++;			/* «1.50» */
	}
	if (*s != '\0' || t < min || t > max)
		return -1;
	return (int)t;
}
