/*
 * test_valid.c: tables of good and bad values for every validator.
 *
 * Each value is given to the validator the way the framework does: a
 * writable, NUL-terminated copy of exactly its length.  Afterwards raw
 * and rawlen must still agree, and on success str and num must be as
 * the table says.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util.h"
#include "valid.h"

#define E_EMPTY	"Заполните поле."
#define E_CTRL	"Недопустимые управляющие символы."
#define E_TEXT	"Не длиннее 1000 символов."
#define E_LINE	"Не длиннее 255 символов."
#define E_LOGIN	"Логин: от 3 до 64 латинских букв, цифр, точек, дефисов " \
		"или подчёркиваний."
#define E_PASS	"Пароль: от 1 до 128 символов."
#define E_ID	"Неверный номер."
#define E_INT	"Введите целое число."
#define E_BIG	"Число слишком велико."
#define E_DATEF	"Введите дату в виде ГГГГ-ММ-ДД."
#define E_DATE	"Такой даты нет в календаре."
#define E_TOKEN	"Неверный токен формы."
#define E_FLAG	"Неверное значение флажка."

struct row {
	validator	 v;
	const char	*vname;
	const char	*in;
	const char	*err;	/* NULL: accepted */
	const char	*str;	/* accepted value */
	long long	 num;	/* expected, or NONUM */
};

/* num is not checked (and must not be set) when the table says NONUM. */
#define NONUM	(-1099511627776LL)

#define V(f)	f, #f

static const struct row	rows[] = {
	/* v_text */
	{ V(v_text), "Домашнее задание: §12, упр. 3", NULL,
	    "Домашнее задание: §12, упр. 3", NONUM },
	{ V(v_text), "  строка 1\r\nстрока 2\n\tотступ  \r\n", NULL,
	    "строка 1\r\nстрока 2\n\tотступ", NONUM },
	{ V(v_text), "a\tb", NULL, "a\tb", NONUM },
	{ V(v_text), "x", NULL, "x", NONUM },
	{ V(v_text), "\xF0\x9F\x98\x80", NULL, "\xF0\x9F\x98\x80", NONUM },
	{ V(v_text), "a\x01" "b", E_CTRL, NULL, NONUM },
	{ V(v_text), "a\x1B[31m", E_CTRL, NULL, NONUM },
	{ V(v_text), "a\x7F", E_CTRL, NULL, NONUM },
	{ V(v_text), "a\x0B" "b", E_CTRL, NULL, NONUM },
	{ V(v_text), "a\x0C" "b", E_CTRL, NULL, NONUM },
	{ V(v_text), "a\xC2\x85" "b", E_CTRL, NULL, NONUM },
	{ V(v_text), "a\xC2\x9F" "b", E_CTRL, NULL, NONUM },
	{ V(v_text), "a\xC2\xA0" "b", NULL, "a\xC2\xA0" "b", NONUM },
	{ V(v_text), " \t\r\n ", E_EMPTY, NULL, NONUM },
	/* v_line */
	{ V(v_line), "Иванов Иван Иванович", NULL, "Иванов Иван Иванович",
	    NONUM },
	{ V(v_line), "  5 «А» класс \t", NULL, "5 «А» класс", NONUM },
	{ V(v_line), "\r\nтрим\r\n", NULL, "трим", NONUM },
	{ V(v_line), "a\tb", E_CTRL, NULL, NONUM },
	{ V(v_line), "a\nb", E_CTRL, NULL, NONUM },
	{ V(v_line), "a\rb", E_CTRL, NULL, NONUM },
	{ V(v_line), "a\x7F", E_CTRL, NULL, NONUM },
	{ V(v_line), "\xC2\x80", E_CTRL, NULL, NONUM },
	{ V(v_line), "\x1F", E_CTRL, NULL, NONUM },
	{ V(v_line), "   ", E_EMPTY, NULL, NONUM },
	/* v_login */
	{ V(v_login), "ivanov", NULL, "ivanov", NONUM },
	{ V(v_login), "IvAnOv", NULL, "ivanov", NONUM },
	{ V(v_login), "  Petrov.A-1_b  ", NULL, "petrov.a-1_b", NONUM },
	{ V(v_login), "abc", NULL, "abc", NONUM },
	{ V(v_login), "a.b", NULL, "a.b", NONUM },
	{ V(v_login), "007", NULL, "007", NONUM },
	{ V(v_login), "ab", E_LOGIN, NULL, NONUM },
	{ V(v_login), "a", E_LOGIN, NULL, NONUM },
	{ V(v_login), " ab ", E_LOGIN, NULL, NONUM },
	{ V(v_login), "iv anov", E_LOGIN, NULL, NONUM },
	{ V(v_login), "иванов", E_LOGIN, NULL, NONUM },
	{ V(v_login), "ivanov@school", E_LOGIN, NULL, NONUM },
	{ V(v_login), "ivan+ov", E_LOGIN, NULL, NONUM },
	{ V(v_login), "ivan'--", E_LOGIN, NULL, NONUM },
	{ V(v_login), "iva\tnov", E_LOGIN, NULL, NONUM },
	{ V(v_login), "ab\xC3\xA9", E_LOGIN, NULL, NONUM },
	/* v_password: nothing trimmed, anything printable or not */
	{ V(v_password), "secret", NULL, "secret", NONUM },
	{ V(v_password), "  с пробелами  ", NULL, "  с пробелами  ", NONUM },
	{ V(v_password), " ", NULL, " ", NONUM },
	{ V(v_password), "x", NULL, "x", NONUM },
	{ V(v_password), "tab\there", NULL, "tab\there", NONUM },
	{ V(v_password), "", E_EMPTY, NULL, NONUM },
	/* v_id */
	{ V(v_id), "1", NULL, "1", 1 },
	{ V(v_id), "42", NULL, "42", 42 },
	{ V(v_id), " 42\r\n", NULL, "42", 42 },
	{ V(v_id), "007", NULL, "007", 7 },
	{ V(v_id), "4294967295", NULL, "4294967295", 4294967295LL },
	{ V(v_id), "00000000004294967295", NULL, "00000000004294967295",
	    4294967295LL },
	{ V(v_id), "4294967296", E_ID, NULL, NONUM },
	{ V(v_id), "99999999999999999999999999", E_ID, NULL, NONUM },
	{ V(v_id), "0", E_ID, NULL, NONUM },
	{ V(v_id), "000", E_ID, NULL, NONUM },
	{ V(v_id), "-1", E_ID, NULL, NONUM },
	{ V(v_id), "+1", E_ID, NULL, NONUM },
	{ V(v_id), "12a", E_ID, NULL, NONUM },
	{ V(v_id), "1 2", E_ID, NULL, NONUM },
	{ V(v_id), "1.0", E_ID, NULL, NONUM },
	{ V(v_id), "0x10", E_ID, NULL, NONUM },
	{ V(v_id), "1e3", E_ID, NULL, NONUM },
	{ V(v_id), "\xEF\xBC\x91", E_ID, NULL, NONUM },
	{ V(v_id), "٣", E_ID, NULL, NONUM },
	/* v_int */
	{ V(v_int), "0", NULL, "0", 0 },
	{ V(v_int), "-0", NULL, "-0", 0 },
	{ V(v_int), "5", NULL, "5", 5 },
	{ V(v_int), " -7 ", NULL, "-7", -7 },
	{ V(v_int), "2147483647", NULL, "2147483647", 2147483647LL },
	{ V(v_int), "-2147483648", NULL, "-2147483648", -2147483648LL },
	{ V(v_int), "2147483648", E_BIG, NULL, NONUM },
	{ V(v_int), "-2147483649", E_BIG, NULL, NONUM },
	{ V(v_int), "99999999999999999999999999", E_BIG, NULL, NONUM },
	{ V(v_int), "-", E_INT, NULL, NONUM },
	{ V(v_int), "--1", E_INT, NULL, NONUM },
	{ V(v_int), "+5", E_INT, NULL, NONUM },
	{ V(v_int), "1.5", E_INT, NULL, NONUM },
	{ V(v_int), "1,5", E_INT, NULL, NONUM },
	{ V(v_int), "5-", E_INT, NULL, NONUM },
	{ V(v_int), "- 5", E_INT, NULL, NONUM },
	{ V(v_int), "пять", E_INT, NULL, NONUM },
	{ V(v_int), "99999999999999999999x", E_INT, NULL, NONUM },
	/* v_date */
	{ V(v_date), "2024-09-01", NULL, "2024-09-01", 20240901 },
	{ V(v_date), " 2024-09-01\t", NULL, "2024-09-01", 20240901 },
	{ V(v_date), "2024-02-29", NULL, "2024-02-29", 20240229 },
	{ V(v_date), "2028-02-29", NULL, "2028-02-29", 20280229 },
	{ V(v_date), "2000-02-29", NULL, "2000-02-29", 20000229 },
	{ V(v_date), "2027-02-28", NULL, "2027-02-28", 20270228 },
	{ V(v_date), "2024-04-30", NULL, "2024-04-30", 20240430 },
	{ V(v_date), "2024-12-31", NULL, "2024-12-31", 20241231 },
	{ V(v_date), "2025-01-31", NULL, "2025-01-31", 20250131 },
	{ V(v_date), "1000-01-01", NULL, "1000-01-01", 10000101 },
	{ V(v_date), "9999-12-31", NULL, "9999-12-31", 99991231 },
	{ V(v_date), "2027-02-29", E_DATE, NULL, NONUM },
	{ V(v_date), "2100-02-29", E_DATE, NULL, NONUM },
	{ V(v_date), "1900-02-29", E_DATE, NULL, NONUM },
	{ V(v_date), "2024-02-30", E_DATE, NULL, NONUM },
	{ V(v_date), "2024-04-31", E_DATE, NULL, NONUM },
	{ V(v_date), "2024-06-31", E_DATE, NULL, NONUM },
	{ V(v_date), "2024-09-31", E_DATE, NULL, NONUM },
	{ V(v_date), "2024-11-31", E_DATE, NULL, NONUM },
	{ V(v_date), "2024-01-32", E_DATE, NULL, NONUM },
	{ V(v_date), "2024-13-01", E_DATE, NULL, NONUM },
	{ V(v_date), "2024-00-10", E_DATE, NULL, NONUM },
	{ V(v_date), "2024-01-00", E_DATE, NULL, NONUM },
	{ V(v_date), "0999-12-31", E_DATE, NULL, NONUM },
	{ V(v_date), "0000-01-01", E_DATE, NULL, NONUM },
	{ V(v_date), "2024-1-01", E_DATEF, NULL, NONUM },
	{ V(v_date), "2024-01-1", E_DATEF, NULL, NONUM },
	{ V(v_date), "24-01-01", E_DATEF, NULL, NONUM },
	{ V(v_date), "2024/01/01", E_DATEF, NULL, NONUM },
	{ V(v_date), "01.09.2024", E_DATEF, NULL, NONUM },
	{ V(v_date), "2024-01-01x", E_DATEF, NULL, NONUM },
	{ V(v_date), "2024-01-01 00:00", E_DATEF, NULL, NONUM },
	{ V(v_date), "+024-01-01", E_DATEF, NULL, NONUM },
	{ V(v_date), "2024-+1-01", E_DATEF, NULL, NONUM },
	{ V(v_date), "2024-01--1", E_DATEF, NULL, NONUM },
	{ V(v_date), "20240101", E_DATEF, NULL, NONUM },
	{ V(v_date), "сегодня", E_DATEF, NULL, NONUM },
	/* v_token */
	{ V(v_token), "abc_DEF-123", NULL, "abc_DEF-123", NONUM },
	{ V(v_token), " tok ", NULL, "tok", NONUM },
	{ V(v_token), "-", NULL, "-", NONUM },
	{ V(v_token), "a b", E_TOKEN, NULL, NONUM },
	{ V(v_token), "a+b", E_TOKEN, NULL, NONUM },
	{ V(v_token), "a/b=", E_TOKEN, NULL, NONUM },
	{ V(v_token), "a.b", E_TOKEN, NULL, NONUM },
	{ V(v_token), "токен", E_TOKEN, NULL, NONUM },
	/* v_letter */
	{ V(v_letter), "Б", NULL, "Б", NONUM },
	{ V(v_letter), "б", NULL, "Б", NONUM },
	{ V(v_letter), " я ", NULL, "Я", NONUM },
	{ V(v_letter), "ё", NULL, "Ё", NONUM },
	{ V(v_letter), "аб", NULL, "АБ", NONUM },
	{ V(v_letter), "МАТЕ", NULL, "МАТЕ", NONUM },
	{ V(v_letter), "МАТЕМ", "Буква класса: от 1 до 4 русских букв.", NULL, NONUM },
	{ V(v_letter), "B", "Буква класса: от 1 до 4 русских букв.", NULL, NONUM },
	{ V(v_letter), "Б1", "Буква класса: от 1 до 4 русских букв.", NULL, NONUM },
	{ V(v_letter), "Б-", "Буква класса: от 1 до 4 русских букв.", NULL, NONUM },
	{ V(v_letter), "\xC3\x84", "Буква класса: от 1 до 4 русских букв.", NULL, NONUM },
	/* v_flag */
	{ V(v_flag), "1", NULL, "1", 1 },
	{ V(v_flag), "on", NULL, "on", 1 },
	{ V(v_flag), " on ", NULL, "on", 1 },
	{ V(v_flag), "0", NULL, "0", 0 },
	{ V(v_flag), "", NULL, "", 0 },
	{ V(v_flag), "   ", NULL, "", 0 },
	{ V(v_flag), "yes", E_FLAG, NULL, NONUM },
	{ V(v_flag), "ON", E_FLAG, NULL, NONUM },
	{ V(v_flag), "2", E_FLAG, NULL, NONUM },
	{ V(v_flag), "10", E_FLAG, NULL, NONUM },
	{ V(v_flag), "onn", E_FLAG, NULL, NONUM },
	{ V(v_flag), "o", E_FLAG, NULL, NONUM },
};

/*
 * Run one validator on a copy of in[0..len); check the message, and on
 * success str and num; raw and rawlen must agree whatever happened.
 */
static void
check(validator v, const char *vname, const char *in, size_t len,
    const char *err, const char *str, long long num, const char *label)
{
	struct field	 f;
	const char	*got;
	char		*copy;

	if ((copy = malloc(len + 1)) == NULL)
		abort();
	memcpy(copy, in, len);
	copy[len] = '\0';
	memset(&f, 0, sizeof(f));
	f.raw = copy;
	f.rawlen = len;
	f.num = NONUM;
	got = v(&f);
	is_str(got, err, "%s %s: message", vname, label);
	ok(f.raw != NULL && strlen(f.raw) == f.rawlen,
	    "%s %s: raw and rawlen agree", vname, label);
	if (err == NULL) {
		is_str(f.str, str, "%s %s: value", vname, label);
		is_int(f.num, num, "%s %s: number", vname, label);
	}
	free(copy);
}

/* n copies of s in a malloc()ed string. */
static char *
rep(const char *s, size_t n)
{
	size_t	 l = strlen(s), i;
	char	*p;

	if ((p = malloc(l * n + 1)) == NULL)
		abort();
	for (i = 0; i < n; i++)
		memcpy(p + i * l, s, l);
	p[l * n] = '\0';
	return p;
}

/* Length limits count characters, so test them with 1, 2 and 4 bytes. */
static void
test_lengths(void)
{
	static const struct {
		validator	 v;
		const char	*vname;
		const char	*unit;
		size_t		 max;
		const char	*err;
	} t[] = {
		{ V(v_text), "a", 1000, E_TEXT },
		{ V(v_text), "я", 1000, E_TEXT },
		{ V(v_text), "\xF0\x9F\x98\x80", 1000, E_TEXT },
		{ V(v_line), "a", 255, E_LINE },
		{ V(v_line), "я", 255, E_LINE },
		{ V(v_line), "\xE2\x82\xAC", 255, E_LINE },
		{ V(v_login), "a", 64, E_LOGIN },
		{ V(v_password), "a", 128, E_PASS },
		{ V(v_password), "ё", 128, E_PASS },
		{ V(v_password), " ", 128, E_PASS },
		{ V(v_token), "A", 128, E_TOKEN },
	};
	size_t	 i;
	char	*s;
	char	 label[64];

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		s = rep(t[i].unit, t[i].max);
		snprintf(label, sizeof(label), "%zu x '%s'", t[i].max,
		    t[i].unit);
		check(t[i].v, t[i].vname, s, strlen(s), NULL, s, NONUM,
		    label);
		free(s);
		s = rep(t[i].unit, t[i].max + 1);
		snprintf(label, sizeof(label), "%zu x '%s'", t[i].max + 1,
		    t[i].unit);
		check(t[i].v, t[i].vname, s, strlen(s), t[i].err, NULL,
		    NONUM, label);
		free(s);
	}
}

int
main(void)
{
	struct field	 f;
	size_t		 i;
	char		 label[32];
	char		 buf[] = "  AbC  ";

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		snprintf(label, sizeof(label), "row %zu", i);
		check(rows[i].v, rows[i].vname, rows[i].in,
		    strlen(rows[i].in), rows[i].err, rows[i].str,
		    rows[i].num, label);
	}
	test_lengths();

	/* Trimming happens in place, inside the framework's copy. */
	memset(&f, 0, sizeof(f));
	f.raw = buf;
	f.rawlen = strlen(buf);
	ok(v_login(&f) == NULL && f.str == buf + 2 && f.raw == buf + 2 &&
	    f.rawlen == 3 && strcmp(buf + 2, "abc") == 0,
	    "v_login trims and lowercases in place");

	/* Not sent at all: a validator refuses rather than crashes. */
	memset(&f, 0, sizeof(f));
	is_str(v_line(&f), E_EMPTY, "v_line: raw NULL");
	is_str(v_password(&f), E_EMPTY, "v_password: raw NULL");
	is_str(v_id(&f), E_EMPTY, "v_id: raw NULL");
	return done_testing();
}
