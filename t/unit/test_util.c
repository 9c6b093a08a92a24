/*
 * test_util.c: the arena, the output buffer and utf8_len.
 */
#include <stdint.h>
#include <string.h>

#include "tap.h"
#include "util.h"

static void
test_arena(void)
{
	struct arena	 a = { NULL }, b = { NULL };
	unsigned char	*p, *big, *small;
	char		*s;
	size_t		 sizes[] = { 0, 1, 7, 15, 16, 17, 100, 1000, 2047,
	    2048, 4096, 8000, 8192, 100000, 1 << 20 };
	size_t		 i, j;
	int		 aligned = 1, zeroed = 1, distinct = 1;
	unsigned char	*prev = NULL;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p = arena_alloc(&a, sizes[i]);
		if ((uintptr_t)p % 16 != 0)
			aligned = 0;
		for (j = 0; j < sizes[i]; j++)
			if (p[j] != 0)
				zeroed = 0;
		/* Scribble so a later overlapping block would show. */
		memset(p, 0xAB, sizes[i] == 0 ? 1 : sizes[i]);
		if (p == prev)
			distinct = 0;
		prev = p;
	}
	ok(aligned, "arena: every allocation is 16-byte aligned");
	ok(zeroed, "arena: every allocation is zeroed");
	ok(distinct, "arena: zero-byte allocations are distinct too");

	/* Many small allocations spanning blocks stay distinct. */
	aligned = zeroed = 1;
	for (i = 0; i < 10000; i++) {
		p = arena_alloc(&a, 24);
		if ((uintptr_t)p % 16 != 0)
			aligned = 0;
		for (j = 0; j < 24; j++)
			if (p[j] != 0)
				zeroed = 0;
		memset(p, 0xCD, 24);
	}
	ok(aligned && zeroed, "arena: 10000 small allocations aligned, zeroed");

	/* A big allocation does not waste the current block. */
	small = arena_alloc(&b, 16);
	big = arena_alloc(&b, 64 * 1024);
	p = arena_alloc(&b, 16);
	ok(p == small + 16, "arena: big block leaves the small block in use");
	big[64 * 1024 - 1] = 1;
	arena_free(&b);
	big = arena_alloc(&b, 64 * 1024);
	p = arena_alloc(&b, 16);
	ok(p != NULL && (p < big || p >= big + 64 * 1024),
	    "arena: big block first, then a small one");
	arena_free(&b);

	s = arena_strdup(&a, "журнал");
	is_str(s, "журнал", "arena_strdup");
	s = arena_strndup(&a, "abcdef", 3);
	is_str(s, "abc", "arena_strndup cuts");
	is_int(s[3], 0, "arena_strndup terminates");
	s = arena_strndup(&a, "", 0);
	is_str(s, "", "arena_strndup of nothing");
	s = arena_strndup(&a, "a\0b", 3);
	is_mem(s, 3, "a\0b", 3, "arena_strndup copies NULs");
	s = arena_printf(&a, "%d-%s-%05.1f", 42, "x", 3.14159);
	is_str(s, "42-x-003.1", "arena_printf");
	s = arena_printf(&a, "%s", "");
	is_str(s, "", "arena_printf empty");
	s = arena_printf(&a, "%0*d", 20000, 7);
	is_int(strlen(s), 20000, "arena_printf long output");
	is_int(s[19999], '7', "arena_printf long output ends right");

	arena_free(&a);
	ok(a.head == NULL, "arena_free empties the arena");
	s = arena_strdup(&a, "again");
	is_str(s, "again", "arena usable after arena_free");
	arena_free(&a);
	arena_free(&a);
	ok(a.head == NULL, "arena_free twice is harmless");
}

static void
test_buf(void)
{
	struct buf	b = { NULL, 0, 0 };
	size_t		i;
	int		good = 1;

	buf_append(&b, "", 0);
	ok(b.data != NULL && b.len == 0 && b.data[0] == '\0',
	    "buf: empty append gives an empty string");
	buf_puts(&b, "Привет");
	buf_append(&b, ", мир!xyz", 9);
	is_str(b.data, "Привет, мир!", "buf_puts + buf_append");
	is_int(b.len, strlen("Привет, мир!"), "buf len");
	buf_printf(&b, " %d/%s", 5, "5");
	is_str(b.data, "Привет, мир! 5/5", "buf_printf appends");
	buf_reset(&b);
	is_int(b.len, 0, "buf_reset length");
	is_str(b.data, "", "buf_reset string");
	ok(b.cap > 0, "buf_reset keeps memory");

	buf_append(&b, "a\0b", 3);
	is_mem(b.data, b.len, "a\0b", 3, "buf binary safe");
	is_int(b.data[3], 0, "buf NUL after binary data");
	buf_reset(&b);

	for (i = 0; i < 100000; i++)
		buf_append(&b, "x", 1);
	for (i = 0; i < b.len; i++)
		if (b.data[i] != 'x')
			good = 0;
	ok(good && b.len == 100000 && b.data[100000] == '\0',
	    "buf: 100000 single-byte appends");
	buf_reset(&b);
	buf_printf(&b, "%0*d", 50000, 1);
	ok(b.len == 50000 && strlen(b.data) == 50000 &&
	    b.data[49999] == '1', "buf_printf longer than the capacity");
	buf_free(&b);
	ok(b.data == NULL && b.len == 0 && b.cap == 0, "buf_free");

	/* A fresh buf_printf on a zeroed buffer. */
	buf_printf(&b, "%s", "");
	ok(b.data != NULL && b.len == 0 && b.data[0] == '\0',
	    "buf_printf empty on a fresh buffer");
	buf_free(&b);
	buf_free(&b);
	ok(b.data == NULL, "buf_free twice is harmless");
}

static void
test_utf8_len(void)
{
	static const struct {
		const char	*s;
		size_t		 n;
	} t[] = {
		{ "", 0 },
		{ "a", 1 },
		{ "abc", 3 },
		{ "я", 1 },
		{ "Ёлка", 4 },
		{ "Иванов И. И.", 12 },
		{ "€", 1 },
		{ "\xF0\x9F\x98\x80", 1 },	/* U+1F600 */
		{ "a\xF0\x9F\x98\x80z", 3 },
		{ "\xEF\xBB\xBFx", 2 },		/* BOM counts */
		{ "\t\r\n", 3 },
	};
	size_t	i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		is_int(utf8_len(t[i].s), t[i].n, "utf8_len row %zu", i);
}

/* Dates: round trips over four centuries, known weekdays, bad input. */
static void
test_dates(void)
{
	static const struct { const char *s; long z; } known[] = {
		{ "1970-01-01", 0 }, { "2026-11-23", 20780 },
		{ "2000-02-29", 11016 }, { "1969-12-31", -1 },
	};
	char	 buf[11];
	long	 z, bad = 0;
	int	 y, m, d;
	size_t	 i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		is_int(date_parse(known[i].s, &z), 0, "date_parse %s", known[i].s);
		is_int(z, known[i].z, "%s is day %ld", known[i].s, known[i].z);
		date_format(z, buf);
		is_str(buf, known[i].s, "date_format back to %s", known[i].s);
	}
	for (z = days_from_civil(1900, 1, 1); z < days_from_civil(2300, 1, 1);
	    z++) {
		civil_from_days(z, &y, &m, &d);
		if (days_from_civil(y, m, d) != z || m < 1 || m > 12 ||
		    d < 1 || d > 31)
			bad++;
	}
	is_int(bad, 0, "days and civil dates round-trip 1900-2300");
	is_int(date_parse("2026-13-01", &z), -1, "month 13 refused");
	is_int(date_parse("23.11.2026", &z), -1, "a Russian date is not ISO");
	is_int(date_parse(NULL, &z), -1, "NULL refused");
}

/* One decimal, comma or dot, as tenths within bounds. */
static void
test_tenths(void)
{
	static const struct { const char *s; int min, max, want; } t[] = {
		{ "1", 5, 400, 10 }, { "1,5", 5, 400, 15 }, { "1.5", 5, 400, 15 },
		{ "0,5", 5, 400, 5 }, { "40", 5, 400, 400 }, { "2.50", 1, 100, 25 },
		{ "0,4", 5, 400, -1 }, { "40,1", 5, 400, -1 }, { "1,55", 5, 400, -1 },
		{ "2,", 5, 400, -1 }, { ",5", 5, 400, -1 }, { "-1", 5, 400, -1 },
		{ "", 5, 400, -1 }, { "1 5", 5, 400, -1 }, { "1.5.", 5, 400, -1 },
		{ "99,9", 5, 990, -1 }, { "99", 5, 990, 990 },
		{ "9999999", 0, 2000000000, -1 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		is_int(tenths_parse(t[i].s, t[i].min, t[i].max), t[i].want,
		    "tenths_parse(\"%s\", %d, %d)", t[i].s, t[i].min, t[i].max);
}

int
main(void)
{
	test_dates();
	test_tenths();

	test_arena();
	test_buf();
	test_utf8_len();
	/* idindex: ids to rows, found after any order of adds. */
	{
		struct idindex	 ix = { 0 };
		int		 k, bad = 0;

		is_int(idindex_find(&ix, 5), -1, "idindex: empty finds nothing");
		for (k = 0; k < 1000; k++)	/* ids in a scrambled order */
			idindex_add(&ix, (long long)((k * 7919) % 1000) * 3, k);
		for (k = 0; k < 1000; k++)
			if (idindex_find(&ix, (long long)((k * 7919) % 1000) * 3) != k)
				bad++;
		is_int(bad, 0, "idindex: every id finds its row");
		is_int(idindex_find(&ix, 1), -1, "idindex: an absent id");
		idindex_add(&ix, 1, 1000);
		is_int(idindex_find(&ix, 1), 1000, "idindex: an id added after a find");
		idindex_free(&ix);
		is_int(idindex_find(&ix, 1), -1, "idindex: freed is empty");
	}
	return done_testing();
}
