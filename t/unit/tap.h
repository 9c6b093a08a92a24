/*
 * tap.h: a tiny header-only TAP producer for the unit tests.
 *
 *	plan(n);			optional: "1..n" up front
 *	ok(cond, "name %d", i);		one test
 *	is_int(got, want, "name");	integers, with both values on failure
 *	is_str(got, want, "name");	strings (NULL allowed)
 *	is_mem(got, glen, want, wlen, "name");	byte strings
 *	diag("fmt", ...);		a "# " comment on stdout
 *	return done_testing();		"1..N" if no plan; the exit status
 *
 * The state lives in a function-local static so that including the
 * header in a file that uses only part of it compiles without warnings.
 */
#ifndef JOURNAL_TAP_H
#define JOURNAL_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct tap_state {
	int	planned;	/* -1: no plan yet */
	int	run;
	int	failed;
};

static inline struct tap_state *
tap_state(void)
{
	static struct tap_state s = { -1, 0, 0 };

	return &s;
}

static inline void
plan(int n)
{

	tap_state()->planned = n;
	printf("1..%d\n", n);
	fflush(stdout);
}

static inline void
diag(const char *fmt, ...)
{
	va_list	ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
}

static inline int
tap_vok(int cond, const char *file, int line, const char *fmt, va_list ap)
{
	struct tap_state	*s = tap_state();

	s->run++;
	if (!cond)
		s->failed++;
	printf("%sok %d - ", cond ? "" : "not ", s->run);
	vprintf(fmt, ap);
	fputc('\n', stdout);
	if (!cond)
		printf("#   Failed test at %s line %d.\n", file, line);
	fflush(stdout);
	return cond;
}

static inline int
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static inline int
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cond = tap_vok(cond, file, line, fmt, ap);
	va_end(ap);
	return cond;
}

static inline int
tap_is_int(long long got, long long want, const char *file, int line,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static inline int
tap_is_int(long long got, long long want, const char *file, int line,
    const char *fmt, ...)
{
	va_list	ap;
	int	cond = got == want;

	va_start(ap, fmt);
	tap_vok(cond, file, line, fmt, ap);
	va_end(ap);
	if (!cond) {
		printf("#          got: %lld\n", got);
		printf("#     expected: %lld\n", want);
	}
	return cond;
}

/* Print a byte string readably: printable ASCII as is, the rest \xNN. */
static inline void
tap_print_mem(const char *label, const char *p, size_t n)
{
	size_t	i;

	printf("# %12s: ", label);
	if (p == NULL) {
		fputs("NULL\n", stdout);
		return;
	}
	fputc('\'', stdout);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c >= 0x20 && c < 0x7F && c != '\\')
			fputc(c, stdout);
		else
			printf("\\x%02X", c);
	}
	fputs("'\n", stdout);
}

static inline int
tap_is_mem(const char *got, size_t glen, const char *want, size_t wlen,
    const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static inline int
tap_is_mem(const char *got, size_t glen, const char *want, size_t wlen,
    const char *file, int line, const char *fmt, ...)
{
	va_list	ap;
	int	cond;

	if (got == NULL || want == NULL)
		cond = got == want;
	else
		cond = glen == wlen && memcmp(got, want, glen) == 0;
	va_start(ap, fmt);
	tap_vok(cond, file, line, fmt, ap);
	va_end(ap);
	if (!cond) {
		tap_print_mem("got", got, glen);
		tap_print_mem("expected", want, wlen);
	}
	return cond;
}

static inline size_t
tap_strlen(const char *s)
{

	return s == NULL ? 0 : strlen(s);
}

/*
 * Exit status as Test::More has it: the number of failures (at most
 * 254), or 255 when the count run differs from the plan.
 */
static inline int
done_testing(void)
{
	struct tap_state	*s = tap_state();

	if (s->planned < 0)
		printf("1..%d\n", s->run);
	else if (s->planned != s->run)
		printf("# Planned %d tests but ran %d.\n", s->planned, s->run);
	if (s->failed > 0)
		printf("# Failed %d test%s of %d.\n", s->failed,
		    s->failed == 1 ? "" : "s", s->run);
	fflush(stdout);
	if (s->planned >= 0 && s->planned != s->run)
		return 255;
	return s->failed > 254 ? 254 : s->failed;
}

#define ok(cond, ...) \
	tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, ...) \
	tap_is_int((long long)(got), (long long)(want), __FILE__, __LINE__, \
	    __VA_ARGS__)
#define is_str(got, want, ...) \
	tap_is_mem((got), tap_strlen(got), (want), tap_strlen(want), \
	    __FILE__, __LINE__, __VA_ARGS__)
#define is_mem(got, glen, want, wlen, ...) \
	tap_is_mem((got), (glen), (want), (wlen), __FILE__, __LINE__, \
	    __VA_ARGS__)

#endif
