/*
 * valid.c: the validators declared in valid.h.  Each is a pure function
 * of its field: it trims the value in place (see valid.h), checks it,
 * and fills str and num, or returns a static message in Russian that the
 * form shows next to the field.  Their tables of good and bad inputs are
 * in t/unit/test_valid.c.
 */
#include <stddef.h>
#include <string.h>

#include "util.h"
#include "valid.h"

static const char	 msg_empty[] = "Заполните поле.";
static const char	 msg_ctrl[] = "Недопустимые управляющие символы.";

static int
is_blank(char c)
{

	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Trim blanks from both ends of f->raw in place; returns the trimmed
 * string (also left in f->raw, f->rawlen), or NULL if nothing was sent.
 */
static char *
trim(struct field *f)
{
	char	*s = f->raw;
	size_t	 n = f->rawlen;

	if (s == NULL)
		return NULL;
	while (n > 0 && is_blank(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	s[n] = '\0';
	f->raw = s;
	f->rawlen = n;
	return s;
}

/*
 * Returns 1 if s holds a control character other than those in allow:
 * C0 (below 0x20), DEL, or C1 (U+0080..U+009F, encoded C2 80..C2 9F),
 * none of which a person types into a form.
 */
static int
has_ctrl(const char *s, const char *allow)
{
	const unsigned char	*p = (const unsigned char *)s;
	const char		*a;

	for (; *p != '\0'; p++) {
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return 1;
		if (*p >= 0x20 && *p != 0x7F)
			continue;
		for (a = allow; *a != '\0' && (unsigned char)*a != *p; a++)
			continue;
		if (*a == '\0')
			return 1;
	}
	return 0;
}

/* Free text up to max characters, with the control characters allow. */
static const char *
text(struct field *f, size_t max, const char *allow, const char *toolong)
{
	const char	*s;

	if ((s = trim(f)) == NULL || *s == '\0')
		return msg_empty;
	if (utf8_len(s) > max)
		return toolong;
	if (has_ctrl(s, allow))
		return msg_ctrl;
	f->str = s;
	return NULL;
}

const char *
v_text(struct field *f)
{

	return text(f, 1000, "\t\r\n", "Не длиннее 1000 символов.");
}

const char *
v_line(struct field *f)
{

	return text(f, 255, "", "Не длиннее 255 символов.");
}

const char *
v_login(struct field *f)
{
	char	*s, *p;
	size_t	 n;

	if ((s = trim(f)) == NULL || *s == '\0')
		return msg_empty;
	n = f->rawlen;
	if (n < 3 || n > 64)
		goto bad;
	for (p = s; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
		else if (!((*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') ||
		    *p == '.' || *p == '-' || *p == '_'))
			goto bad;
	}
	f->str = s;
	return NULL;
bad:
	return "Логин: от 3 до 64 латинских букв, цифр, точек, дефисов "
	    "или подчёркиваний.";
}

const char *
v_password(struct field *f)
{
	size_t	n;

	/* Spaces may be part of a password: no trimming here. */
	if (f->raw == NULL || f->rawlen == 0)
		return msg_empty;
	n = utf8_len(f->raw);
	if (n < 1 || n > 128)
		return "Пароль: от 1 до 128 символов.";
	f->str = f->raw;
	return NULL;
}

/*
 * Read the decimal digits of s (at least one, nothing else) into *res,
 * refusing values above max before they could overflow.
 */
static int
digits(const char *s, long long max, long long *res)
{
	long long	v = 0;

	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
		if (v > max)
			return 0;
	}
	*res = v;
	return 1;
}

const char *
v_id(struct field *f)
{
	const char	*s;
	long long	 v = 0;

	if ((s = trim(f)) == NULL || *s == '\0')
		return msg_empty;
	if (!digits(s, 4294967295LL, &v) || v < 1)
		return "Неверный номер.";
	f->str = s;
	f->num = v;
	return NULL;
}

const char *
v_int(struct field *f)
{
	const char	*s, *d;
	long long	 v = 0;
	int		 neg;

	if ((s = trim(f)) == NULL || *s == '\0')
		return msg_empty;
	neg = *s == '-';
	d = s + neg;
	if (*d == '\0')
		return "Введите целое число.";
	/* Syntax first: "12x" is not a number, "99999999999" is too big. */
	for (; *d != '\0'; d++)
		if (*d < '0' || *d > '9')
			return "Введите целое число.";
	if (!digits(s + neg, neg ? 2147483648LL : 2147483647LL, &v))
		return "Число слишком велико.";
	f->str = s;
	f->num = neg ? -v : v;
	return NULL;
}

const char *
v_date(struct field *f)
{
	static const int	 mdays[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	const char		*s;
	long long		 y, m, d;
	int			 i;

	if ((s = trim(f)) == NULL || *s == '\0')
		return msg_empty;
	if (f->rawlen != 10 || s[4] != '-' || s[7] != '-')
		return "Введите дату в виде ГГГГ-ММ-ДД.";
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return "Введите дату в виде ГГГГ-ММ-ДД.";
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	/* The range of a MariaDB DATE: 1000-01-01 to 9999-12-31. */
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 &&
	    !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
		return "Такой даты нет в календаре.";
	f->str = s;
	f->num = y * 10000 + m * 100 + d;
	return NULL;
}

const char *
v_token(struct field *f)
{
	const char	*s, *p;

	if ((s = trim(f)) == NULL || *s == '\0')
		return msg_empty;
	if (f->rawlen > 128)
		goto bad;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			goto bad;
	f->str = s;
	return NULL;
bad:
	return "Неверный токен формы.";
}

const char *
v_flag(struct field *f)
{
	const char	*s;

	/* An unchecked box is not sent; "" counts as off all the same. */
	if ((s = trim(f)) == NULL)
		return msg_empty;
	if (s[0] == '\0' || (s[0] == '0' && s[1] == '\0'))
		f->num = 0;
	else if ((s[0] == '1' && s[1] == '\0') ||
	    (s[0] == 'o' && s[1] == 'n' && s[2] == '\0'))
		f->num = 1;
	else
		return "Неверное значение флажка.";
	f->str = s;
	return NULL;
}

/*
 * A class letter: 1 to 4 Russian letters, stored in capitals («б» -> «Б»,
 * «ё» -> «Ё»), as schools write «7 Б».
 */
const char *
v_letter(struct field *f)
{
	unsigned char	*p;
	char		*s;
	size_t		 n = 0;

	if ((s = trim(f)) == NULL)
		return msg_empty;
	for (p = (unsigned char *)s; *p != '\0'; p += 2, n++) {
		if (p[0] == 0xD0 && p[1] >= 0x90 && p[1] <= 0xAF)
			;			/* А..Я */
		else if (p[0] == 0xD0 && p[1] >= 0xB0 && p[1] <= 0xBF)
			p[1] -= 0x20;		/* а..п */
		else if (p[0] == 0xD1 && p[1] >= 0x80 && p[1] <= 0x8F) {
			p[0] = 0xD0;		/* р..я */
			p[1] += 0x20;
		} else if (p[0] == 0xD0 && p[1] == 0x81)
			;			/* Ё */
		else if (p[0] == 0xD1 && p[1] == 0x91) {
			p[0] = 0xD0;		/* ё */
			p[1] = 0x81;
		} else
			return "Буква класса: от 1 до 4 русских букв.";
	}
	if (n < 1 || n > 4)
		return "Буква класса: от 1 до 4 русских букв.";
	f->str = s;
	return NULL;
}

/* A deliberately loose check: one @, a dot in the domain, no blanks. */
const char *
email_check(const char *in)
{
	const char	*at, *p;

	at = strchr(in, '@');
	if (strlen(in) > 254 || at == NULL || at == in ||
	    strchr(at + 1, '@') != NULL || strchr(at + 1, '.') == NULL ||
	    at[1] == '.' || in[strlen(in) - 1] == '.')
		goto bad;
	for (p = in; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>()[],;:\"\\", *p))
			goto bad;
	return NULL;
bad:
	return "Адрес электронной почты указан неверно, например "
	    "ivanova@mail.ru (до 254 символов).";
}
