/* Table tests of logins and first passwords (lib/credentials.c). */
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include <sodium.h>

#include "credentials.h"
#include "tap.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct {
	const char	*in;
	const char	*out;
} tr[] = {
	{ "Иванов", "ivanov" },
	{ "Пётр", "petr" },
	{ "Щукина", "shchukina" },
	{ "Юлия", "yuliya" },
	{ "Эдуардовна", "eduardovna" },
	{ "Ёлкин", "elkin" },
	{ "Жан", "zhan" },
	{ "Хасанович", "khasanovich" },
	{ "Цветаева", "tsvetaeva" },
	{ "Чайковский", "chaykovskiy" },
	{ "Шишкин", "shishkin" },
	{ "Подъячев", "podyachev" },
	{ "Ольга", "olga" },
	{ "Рыбаков", "rybakov" },
	{ "Майя", "mayya" },
	{ "Ксения", "kseniya" },
	{ "Соловьёв", "solovev" },
	{ "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
	    "abvgdeezhziyklmnoprstufkhtschshshchyeyuya" },
	{ "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
	    "abvgdeezhziyklmnoprstufkhtschshshchyeyuya" },
	{ "John Smith", "johnsmith" },
	{ "O'Brien", "obrien" },
	{ "Römer", "rmer" },
	{ "Римская-Корсакова", "rimskayakorsakova" },
	{ "МБОУ СОШ № 21", "mbousosh21" },
	{ "Agent 007", "agent007" },
	{ "", "" },
	{ "ъь", "" },
	{ "李明", "" },
	{ "\xf0\x9f\x98\x80Ян", "yan" },		/* an emoji first */
	{ "\xff\xfe\xd0\x98\xd0\xb2", "iv" },		/* stray bytes, then «Ив» */
	{ "\xd0\x98\xd0", "i" },			/* cut sequence at the end */
	{ "\xc1\x81\xe0\x81\x81x", "x" },		/* overlong 'A' twice */
	{ "\xed\xa0\x80z", "z" },			/* a surrogate */
	{ "\xd0z", "z" },				/* lead byte, no trail */
};

static const struct {
	const char	*last, *first, *middle;
	const char	*login;
} lb[] = {
	{ "Иванов", "Пётр", "Сергеевич", "ivanov.ps" },
	{ "Щукина", "Юлия", "Эдуардовна", "shchukina.ye" },
	{ "Ёлкин", "Жан", "Хасанович", "elkin.zk" },
	{ "Юрьев", "Юрий", "Юрьевич", "yurev.yy" },
	{ "Чернышёва", "Яна", "Цезаревна", "chernysheva.yt" },
	{ "Шевченко", "Анна", "", "shevchenko.a" },
	{ "Смирнова", "Мария", NULL, "smirnova.m" },
	{ "Иванов", "", "", "ivanov" },
	{ "Иванов", "李", "Сергеевич", "ivanov.s" },
	{ "Римская-Корсакова", "Надежда", "Андреевна",
	    "rimskaya-korsakova.na" },
	{ "Салтыков-Щедрин", "Михаил", "Евграфович",
	    "saltykov-shchedrin.me" },
	{ "Иванова--Петрова", "Ольга", "", "ivanova-petrova.o" },
	{ "Иванова – Петрова", "Ольга", "", "ivanova-petrova.o" },
	{ "-Иванова-", "Ольга", "", "ivanova.o" },
	{ "Иванова-李", "Ольга", "", "ivanova.o" },
	{ "Smith", "John", "", "smith.j" },
	{ "SMITH-JONES", "Mary", "Ann", "smith-jones.ma" },
	{ "O'Brien", "Mary", "", "obrien.m" },
	{ "Müller", "Hans", "", "mller.h" },
	{ "Ли", "Мин", "", "li.m" },
	{ "Ким", "Эльвира", "Ренатовна", "kim.er" },
	{ "Ъ", "Ь", "", "user" },
	{ "李", "明", "", "user" },
	{ "", "", "", "user" },
	{ NULL, NULL, NULL, "user" },
	{ "-", "-", "-", "user" },
	{ "李", "Пётр", "Сергеевич", "user.ps" },
};

static const struct {
	const char	*base;
	int		 n;
	const char	*login;
} lc[] = {
	{ "ivanov.ps", 1, "ivanov.ps" },
	{ "ivanov.ps", 2, "ivanov.ps2" },
	{ "ivanov.ps", 3, "ivanov.ps3" },
	{ "ivanov.ps", 10, "ivanov.ps10" },
	{ "ivanov.ps", 123, "ivanov.ps123" },
	{ "user", 2, "user2" },
	{ "rimskaya-korsakova.na", 2, "rimskaya-korsakova.na2" },
};

static int
login_chars_ok(const char *s)
{
	size_t	i, n = strlen(s);

	if (n == 0 || n > 64 || s[0] == '-' || s[0] == '.' ||
	    s[n - 1] == '-' || s[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		    s[i] == '-'))
			return 0;
	return strstr(s, "--") == NULL && strstr(s, "-.") == NULL &&
	    strstr(s, ".-") == NULL && strchr(s, '.') == strrchr(s, '.');
}

static void
test_translit(void)
{
	char	out[128], small[8];
	size_t	i, n;

	for (i = 0; i < NELEM(tr); i++) {
		n = translit(tr[i].in, out, sizeof(out));
		is_str(out, tr[i].out, "translit \"%s\"", tr[i].in);
		is_int(n, strlen(tr[i].out), "translit \"%s\": length",
		    tr[i].in);
	}

	/* Limits: at most outsz-1 bytes, and never a letter cut in half. */
	memset(small, '#', sizeof(small));
	is_int(translit("Иванов", small, 0), 0, "outsz 0: nothing written");
	is_int(small[0], '#', "outsz 0: the buffer is untouched");
	is_int(translit("Иванов", small, 1), 0, "outsz 1: length 0");
	is_str(small, "", "outsz 1: empty string");
	is_int(translit("Иванов", small, 4), 3, "outsz 4: length 3");
	is_str(small, "iva", "outsz 4: \"iva\"");
	is_int(translit("Щука", small, 4), 0, "outsz 4: \"shch\" does not fit");
	is_str(small, "", "outsz 4: nothing of \"shch\"");
	is_int(translit("Щука", small, 5), 4, "outsz 5: \"shch\" fits");
	is_str(small, "shch", "outsz 5: \"shch\"");
	is_int(translit("Ащ", small, 5), 1, "outsz 5: \"a\", then no room");
	is_str(small, "a", "outsz 5: \"a\"");
}

static void
test_login_base(void)
{
	char	out[65], name[512], want[65];
	size_t	i;

	for (i = 0; i < NELEM(lb); i++) {
		memset(out, '#', sizeof(out));
		login_base(lb[i].last, lb[i].first, lb[i].middle, out);
		is_str(out, lb[i].login, "login_base %s %s %s",
		    lb[i].last ? lb[i].last : "(null)",
		    lb[i].first ? lb[i].first : "(null)",
		    lb[i].middle ? lb[i].middle : "(null)");
	}

	/* A very long Latin surname keeps 61 letters, then the initials. */
	memset(name, 'a', 100);
	name[100] = '\0';
	login_base(name, "Пётр", "Сергеевич", out);
	memset(want, 'a', 61);
	memcpy(want + 61, ".ps", 4);
	is_str(out, want, "login_base: a 100-letter surname gives 64 chars");

	/* Twenty «Щ» give 80 letters; 15 whole "shch" fit in 61. */
	name[0] = '\0';
	for (i = 0; i < 20; i++)
		strcat(name, "Щ");
	login_base(name, "Пётр", "", out);
	want[0] = '\0';
	for (i = 0; i < 15; i++)
		strcat(want, "shch");
	strcat(want, ".p");
	is_str(out, want, "login_base: \"shch\" is never cut");

	/* A long double surname cut at the hyphen leaves no hyphen. */
	memset(name, 'b', 61);
	memcpy(name + 61, "-Петрова", sizeof("-Петрова"));
	login_base(name, "Анна", "", out);
	memset(want, 'b', 61);
	memcpy(want + 61, ".a", 3);
	is_str(out, want, "login_base: no hyphen left at the cut");
}

static void
test_login_candidate(void)
{
	char	out[65], base[80], want[65];
	size_t	i;
	int	n, bad;

	for (i = 0; i < NELEM(lc); i++) {
		login_candidate(lc[i].base, lc[i].n, out);
		is_str(out, lc[i].login, "login_candidate %s %d", lc[i].base,
		    lc[i].n);
	}

	/* A base of the full 64 characters: cut to fit the number. */
	memset(base, 'c', 61);
	memcpy(base + 61, ".ps", 4);
	login_candidate(base, 1, out);
	is_str(out, base, "64-char base, n 1: unchanged");
	login_candidate(base, 2, out);
	memcpy(want, base, 63);
	memcpy(want + 63, "2", 2);
	is_str(out, want, "64-char base, n 2: 63 + \"2\"");
	login_candidate(base, 10, out);
	memcpy(want, base, 61);
	memcpy(want + 61, "10", 3);
	is_str(out, want, "64-char base, n 10: the dot left at the cut goes");
	login_candidate(base, 100, out);
	memcpy(want, base, 61);
	memcpy(want + 61, "100", 4);
	is_str(out, want, "64-char base, n 100: 61 + \"100\"");
	login_candidate(base, INT_MAX, out);
	is_int(strlen(out), 64, "64-char base, n INT_MAX: 64 chars");
	ok(strcmp(out + 54, "2147483647") == 0,
	    "64-char base, n INT_MAX: ends with the number");

	/* A hyphen left at the cut is dropped with it. */
	memset(base, 'd', 62);
	memcpy(base + 62, "-e", 3);
	login_candidate(base, 2, out);
	memset(want, 'd', 62);
	memcpy(want + 62, "2", 2);
	is_str(out, want, "hyphen at the cut: dropped");

	/* An over-long base is cut to 64 even for n 1. */
	memset(base, 'f', 70);
	base[70] = '\0';
	login_candidate(base, 1, out);
	is_int(strlen(out), 64, "70-char base, n 1: 64 chars");

	bad = 0;
	for (n = 1; n <= 100000; n++) {
		login_candidate("ivanov.ps", n, out);
		if (n == 1)
			bad |= strcmp(out, "ivanov.ps") != 0;
		else {
			snprintf(want, sizeof(want), "ivanov.ps%d", n);
			bad |= strcmp(out, want) != 0;
		}
	}
	ok(!bad, "candidates 1..100000 are base and base N");
}

/* A random string of up to 59 pieces (stray bytes, Cyrillic, dashes...). */
static void
random_name(char *buf, size_t size)
{
	static const char *const parts[] = {
		"Щ", "ё", "Ъ", "-", "–", " ", "a", "Z", "9", "李", "\xff",
		"\xd0", "ь", "ы", "'", ".", "\xf0\x9f\x98\x80",
	};
	const char	*p;
	size_t		 len = 0, n;
	int		 k;

	buf[0] = '\0';
	for (k = (int)randombytes_uniform(60); k > 0; k--) {
		p = parts[randombytes_uniform(NELEM(parts))];
		n = strlen(p);
		if (n >= size - len)
			break;
		strcat(buf + len, p);
		len += n;
	}
}

/* Random names: always a sane login. */
static void
test_login_random(void)
{
	char	last[200], first[200], middle[200], out[65], cand[65];
	int	i, bad = 0;

	for (i = 0; i < 20000; i++) {
		random_name(last, sizeof(last));
		random_name(first, sizeof(first));
		random_name(middle, sizeof(middle));
		login_base(last, first, middle, out);
		bad |= !login_chars_ok(out);
		login_candidate(out, 1 + (int)randombytes_uniform(1000), cand);
		bad |= !login_chars_ok(cand);
	}
	ok(!bad, "20000 random names: logins of [a-z0-9.-], 1..64 chars, "
	    "one dot, no hyphen at an edge or doubled");
}

static void
test_password(void)
{
	static const char	 allowed[] =
	    "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
	char			 pw[1000][13], seen[256];
	int			 i, j, len_ok = 1, chars_ok = 1, shape_ok = 1;
	int			 all_equal = 1, distinct, dup;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < 1000; i++) {
		memset(pw[i], '#', sizeof(pw[i]));
		password_generate(pw[i]);
		len_ok &= strlen(pw[i]) == 12;
		for (j = 0; j < 12 && pw[i][j] != '\0'; j++) {
			chars_ok &= strchr(allowed, pw[i][j]) != NULL;
			seen[(unsigned char)pw[i][j]] = 1;
		}
		shape_ok &= pw[i][0] >= 'A' && pw[i][0] <= 'Z' &&
		    pw[i][6] >= 'A' && pw[i][6] <= 'Z' &&
		    pw[i][4] >= '2' && pw[i][4] <= '9' &&
		    pw[i][5] >= '2' && pw[i][5] <= '9' &&
		    pw[i][10] >= '2' && pw[i][10] <= '9' &&
		    pw[i][11] >= '2' && pw[i][11] <= '9';
		for (j = 1; j < 4; j++)
			shape_ok &= pw[i][j] >= 'a' && pw[i][j] <= 'z' &&
			    pw[i][6 + j] >= 'a' && pw[i][6 + j] <= 'z';
		all_equal &= strcmp(pw[i], pw[0]) == 0;
	}
	ok(len_ok, "1000 passwords: all 12 characters");
	ok(chars_ok, "1000 passwords: no 0, O, 1, l, I or other character");
	ok(!seen['0'] && !seen['O'] && !seen['1'] && !seen['l'] &&
	    !seen['I'], "1000 passwords: 0 O 1 l I never seen");
	ok(shape_ok, "1000 passwords: Xxxx99Xxxx99");
	ok(!all_equal, "1000 passwords: not all equal");
	distinct = 0;
	for (i = 0; i < 1000; i++) {
		dup = 0;
		for (j = 0; j < i && !dup; j++)
			dup = strcmp(pw[i], pw[j]) == 0;
		distinct += !dup;
	}
	ok(distinct >= 995, "1000 passwords: %d distinct", distinct);
	ok(seen['2'] && seen['9'] && seen['B'] && seen['Z'] && seen['y'] &&
	    seen['x'], "1000 passwords: the ends of each set are used");
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_translit();
	test_login_base();
	test_login_candidate();
	test_login_random();
	test_password();
	return done_testing();
}
