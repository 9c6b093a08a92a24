/*
 * util.h: per-request memory (an arena freed in one call), a growable
 * output buffer, and small string helpers.  Everything a request allocates
 * lives in its arena, so a FastCGI worker that serves thousands of requests
 * does not grow.
 */
#ifndef JOURNAL_UTIL_H
#define JOURNAL_UTIL_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block	*head;
};

/* Allocate n zeroed bytes from a; aborts on out-of-memory. */
void	*arena_alloc(struct arena *a, size_t n);
/* Copy n bytes of s into a NUL-terminated arena string. */
char	*arena_strndup(struct arena *a, const char *s, size_t n);
char	*arena_strdup(struct arena *a, const char *s);
/* printf into the arena. */
char	*arena_printf(struct arena *a, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * An array of n elements of size bytes, room for one more: v itself while
 * it has room, else a copy twice as large.  The capacity is implied (n
 * was 0 or a power of two when v was last made), so callers keep only n:
 *	v = arena_grow(a, v, n, sizeof(*v)); v[n++] = x;
 */
void	*arena_grow(struct arena *a, void *v, size_t n, size_t size);
/* Whether id is one of v[0..n). */
int	 id_in(long long id, const long long *v, size_t n);
/* Free every block; the arena may be used again afterwards. */
void	 arena_free(struct arena *a);

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_append(struct buf *b, const char *s, size_t n);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_reset(struct buf *b);	/* length 0, keeps the memory */
void	 buf_free(struct buf *b);

/*
 * An index from ids to row numbers, to nest the rows of a second query
 * under the rows of a first one (guardians under their students) without a
 * query per row.  Add every id, then find: sorting happens once, lazily.
 */
struct idindex {
	struct idrow	*v;
	size_t		 n, cap;
	int		 sorted;
};

void	 idindex_add(struct idindex *, long long id, int row);
/* The row of id, or -1. */
int	 idindex_find(struct idindex *, long long id);
void	 idindex_free(struct idindex *);

/* Number of UTF-8 code points in a valid UTF-8 string. */
size_t	 utf8_len(const char *s);

/*
 * Civil dates as days since 1970-01-01 (Howard Hinnant's algorithms):
 * date arithmetic without time zones or struct tm.
 */
long	 days_from_civil(int y, int m, int d);
void	 civil_from_days(long z, int *y, int *m, int *d);
/* "YYYY-MM-DD" to days: 0, or -1 when it is not one. */
int	 date_parse(const char *s, long *z);
/* Days to "YYYY-MM-DD" (a year of four digits). */
void	 date_format(long z, char buf[11]);

/*
 * A number with at most one decimal, «1», «1,5» or «1.5» (a trailing 0
 * as in «1.50» is allowed), as tenths, when min <= tenths <= max; else -1.
 * Hours of the load and of a plan, weights of forms of work.
 */
int	 tenths_parse(const char *s, int min, int max);

#endif
