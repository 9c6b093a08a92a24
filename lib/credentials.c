/*
 * credentials.c: logins from names and readable first passwords.
 *
 * The letter table is the common «passport» practice that Russian schools
 * and services use for logins (й -> y, х -> kh, ц -> ts, щ -> shch,
 * ю -> yu, я -> ya, ъ and ь dropped).  Strictly it is neither ГОСТ 7.79-2000
 * system B (й -> j, х -> x, ц -> cz, щ -> shh, ы -> y`) nor the current
 * ICAO passport rule (й -> i, ю -> iu, я -> ia, ъ -> ie): both give logins
 * a child cannot type, so they are not used.
 *
 * This file depends on libsodium only: tools/demo-school.c compiles it
 * without the rest of lib/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "credentials.h"

#define LOGIN_MAX	64		/* account.login is VARCHAR(64) */

/* а..я in code point order (U+0430..U+044F). */
static const char *const ru[32] = {
	"a", "b", "v", "g", "d", "e", "zh", "z",
	"i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch",
	"sh", "shch", "", "y", "", "e", "yu", "ya",
};

/*
 * Decode one code point at *s and advance past it.  An invalid or overlong
 * sequence yields 0xFFFD and advances one byte; the NUL is never passed.
 */
static unsigned
utf8_next(const char **s)
{
	const unsigned char	*p = (const unsigned char *)*s;
	unsigned		 c, min;
	int			 n, i;

	if (p[0] < 0x80) {
		*s += 1;
		return p[0];
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 1;
		c = p[0] & 0x1fU;
		min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 2;
		c = p[0] & 0x0fU;
		min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 3;
		c = p[0] & 0x07U;
		min = 0x10000;
	} else
		goto bad;
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto bad;
		c = c << 6 | (p[i] & 0x3fU);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*s += n + 1;
	return c;
bad:
	*s += 1;
	return 0xfffd;
}

/*
 * The Latin spelling of one code point: a static string, "" for ъ and ь,
 * or NULL for anything that is dropped.  one holds a kept ASCII character.
 */
static const char *
letter(unsigned c, char one[2])
{
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
		one[0] = (char)c;
		one[1] = '\0';
		return one;
	}
	if (c >= 0x410 && c <= 0x42f)		/* А..Я */
		c += 0x20;
	if (c >= 0x430 && c <= 0x44f)
		return ru[c - 0x430];
	if (c == 0x401 || c == 0x451)		/* Ё ё */
		return "e";
	return NULL;
}

/* An ASCII hyphen or a Unicode hyphen or dash (U+2010..U+2014). */
static int
is_hyphen(unsigned c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2014);
}

/*
 * translit() with, if hyphens, a hyphen kept between two transliterated
 * parts (never first, last or doubled).  Stops before a letter that does
 * not fit whole, so "shch" is never cut.
 */
static size_t
xlat(const char *in, char *out, size_t outsz, int hyphens)
{
	const char	*t;
	char		 one[2];
	size_t		 len = 0, n, need;
	unsigned	 c;
	int		 pending = 0;

	if (outsz == 0)
		return 0;
	while (*in != '\0') {
		c = utf8_next(&in);
		if (hyphens && is_hyphen(c)) {
			pending = len > 0;
			continue;
		}
		if ((t = letter(c, one)) == NULL || *t == '\0')
			continue;
		n = strlen(t);
		need = n + (pending ? 1 : 0);
		if (len + need > outsz - 1)
			break;
		if (pending)
			out[len++] = '-';
		memcpy(out + len, t, n);
		len += n;
		pending = 0;
	}
	out[len] = '\0';
	return len;
}

size_t
translit(const char *in, char *out, size_t outsz)
{
	return xlat(in, out, outsz, 0);
}

/* The first character of translit(name): «Юрий» -> 'y', «Жан» -> 'z'. */
static char
initial(const char *name)
{
	char	buf[8];

	if (name == NULL)
		return '\0';
	xlat(name, buf, sizeof(buf), 0);
	return buf[0];
}

/*
 * The surname keeps up to 61 characters, leaving room for "." and two
 * initials.  With no transliterable letter in the surname, "user" stands
 * in for it; with none in the first and middle names, the dot and the
 * initials are left out: «Иванов» alone -> ivanov, no letters -> user.
 */
void
login_base(const char *last, const char *first, const char *middle,
    char out[65])
{
	size_t	len;
	char	a, b;

	len = xlat(last != NULL ? last : "", out, LOGIN_MAX - 3 + 1, 1);
	if (len == 0) {
		memcpy(out, "user", sizeof("user"));
		len = strlen("user");
	}
	a = initial(first);
	b = initial(middle);
	if (a != '\0' || b != '\0')
		out[len++] = '.';
	if (a != '\0')
		out[len++] = a;
	if (b != '\0')
		out[len++] = b;
	out[len] = '\0';
}

/*
 * For n > 1 the base is cut so that base and number fit 64 characters,
 * and a "." or "-" left at the cut is dropped as well.
 */
void
login_candidate(const char *base, int n, char out[65])
{
	char	suffix[16];
	size_t	len, slen;

	if (n < 1)
		abort();
	len = strlen(base);
	if (n == 1) {
		if (len > LOGIN_MAX)
			len = LOGIN_MAX;
		memcpy(out, base, len);
		out[len] = '\0';
		return;
	}
	slen = (size_t)snprintf(suffix, sizeof(suffix), "%d", n);
	if (len > LOGIN_MAX - slen) {
		len = LOGIN_MAX - slen;
		while (len > 0 && (base[len - 1] == '.' || base[len - 1] == '-'))
			len--;
	}
	memcpy(out, base, len);
	memcpy(out + len, suffix, slen + 1);
}

/*
 * Two groups of a capitalised consonant-vowel pair twice and two digits,
 * «Muvi47Basu29»: no 0, O, 1, l or I (nor o), so a child can copy it from
 * a paper slip.  About 38 bits: enough for a first password that login
 * throttling protects and the owner changes.
 */
void
password_generate(char out[13])
{
	static const char	 cons[] = "bcdfghjkmnprstvwxz";
	static const char	 vow[] = "aeiuy";
	static const char	 dig[] = "23456789";
	int			 g, k = 0;

#define PICK(s)	((s)[randombytes_uniform(sizeof(s) - 1)])
	for (g = 0; g < 2; g++) {
		out[k++] = (char)(PICK(cons) - 'a' + 'A');
		out[k++] = PICK(vow);
		out[k++] = PICK(cons);
		out[k++] = PICK(vow);
		out[k++] = PICK(dig);
		out[k++] = PICK(dig);
	}
#undef PICK
	out[k] = '\0';
}
