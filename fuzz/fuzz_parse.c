/*
 * fuzz_parse.c: libFuzzer harness for the request parsers and the
 * validators.  Not part of "make test"; build and run by hand:
 *
 *	clang -std=c11 -D_GNU_SOURCE -g -O1 \
 *	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
 *	    -Ilib -o build/fuzz_parse fuzz/fuzz_parse.c \
 *	    lib/parse.c lib/valid.c lib/util.c
 *	mkdir -p /tmp/corpus && build/fuzz_parse -max_total_time=60 \
 *	    -max_len=65536 /tmp/corpus
 *
 * Besides the sanitizers' checks, every result is checked against the
 * promises in parse.h and valid.h, and a broken one aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "parse.h"
#include "valid.h"

static const struct limits	lim = { 200, 64, 4096 };

static void
check_list(const struct kvlist *l)
{
	const struct kv	*v;
	size_t		 i;

	if (l->n > lim.params_max || l->n > l->cap)
		abort();
	for (i = 0; i < l->n; i++) {
		v = &l->v[i];
		if (v->key == NULL || v->val == NULL || v->key[0] == '\0' ||
		    strlen(v->key) > lim.key_max ||
		    !utf8_valid(v->key, strlen(v->key)) ||
		    v->val[v->vlen] != '\0')
			abort();
		if (v->filename == NULL && (v->vlen > lim.value_max ||
		    !utf8_valid(v->val, v->vlen)))
			abort();
	}
}

static void
run_validators(const char *s, size_t n)
{
	static const validator	 vs[] = { v_text, v_line, v_login,
	    v_password, v_id, v_int, v_date, v_token, v_flag };
	struct field		 f;
	size_t			 i;
	char			*copy;

	/* The framework hands over only UTF-8 without NUL. */
	if (!utf8_valid(s, n))
		return;
	for (i = 0; i < sizeof(vs) / sizeof(vs[0]); i++) {
		if ((copy = malloc(n + 1)) == NULL)
			abort();
		memcpy(copy, s, n);
		copy[n] = '\0';
		memset(&f, 0, sizeof(f));
		f.raw = copy;
		f.rawlen = n;
		if (vs[i](&f) == NULL && (f.str == NULL ||
		    !utf8_valid(f.str, strlen(f.str))))
			abort();
		if (strlen(f.raw) != f.rawlen)
			abort();
		free(copy);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a = { NULL };
	struct kvlist	 l;
	const char	*s = (const char *)data, *nl;
	char		*copy;
	size_t		 n;

	/* Exact-size copies, so ASan catches a read one byte too far. */
	if ((copy = malloc(size == 0 ? 1 : size)) == NULL)
		abort();
	memcpy(copy, s, size);

	memset(&l, 0, sizeof(l));
	parse_urlencoded(&a, copy, size, &lim, &l);
	check_list(&l);

	memset(&l, 0, sizeof(l));
	parse_multipart(&a, copy, size,
	    "multipart/form-data; boundary=XyZ", &lim, &l);
	check_list(&l);

	/* The first line as the Content-Type, the rest as the body. */
	if ((nl = memchr(copy, '\n', size)) != NULL) {
		char *ct = arena_strndup(&a, copy, (size_t)(nl - copy));

		memset(&l, 0, sizeof(l));
		parse_multipart(&a, nl + 1, size - (size_t)(nl - copy) - 1,
		    ct, &lim, &l);
		check_list(&l);
	}
	free(copy);

	/* Cookies come NUL-terminated; stop at the first NUL. */
	n = strnlen(s, size);
	if ((copy = malloc(n + 1)) == NULL)
		abort();
	memcpy(copy, s, n);
	copy[n] = '\0';
	memset(&l, 0, sizeof(l));
	parse_cookies(&a, copy, &lim, &l);
	check_list(&l);
	free(copy);

	if (size <= 4096)
		run_validators(s, size);
	arena_free(&a);
	return 0;
}
