/*
 * test_scales.c: the parser of a new scale's lines «код;название;число;
 * зачёт»: what it accepts (and how it normalises numbers and names) and
 * the Russian message of every refusal, which must name the line.
 */
#include <stdio.h>
#include <string.h>

#include "scales.h"
#include "tap.h"
#include "util.h"

struct bad {
	const char	*what;
	const char	*text;
	const char	*msg;		/* a part of the message */
};

static const struct bad bads[] = {
	{ "one value", "5;отлично;5;да", "не меньше двух" },
	{ "nothing", "\n \n", "не меньше двух" },
	{ "a code twice", "5;a;5;да\n4;b;4;да\n5;c;3;да",
	    "Строка 3: код «5» уже есть" },
	{ "three fields", "5;a;5\n4;b;4;да", "Строка 1: нужно четыре поля" },
	{ "five fields", "5;a;5;да;x\n4;b;4;да", "больше четырёх полей" },
	{ "no code", ";a;5;да\n4;b;4;да", "нет кода" },
	{ "a long code", "123456789;a;5;да\n4;b;4;да", "не длиннее 8" },
	{ "a code with a space", "5 5;a;5;да\n4;b;4;да", "без пробелов" },
	{ "the code н", "н;a;5;да\n4;b;4;да", "занят" },
	{ "the code н/а", "5;a;5;да\nн/а;b;4;да", "Строка 2: код «н/а» занят" },
	{ "101", "5;a;101;да\n4;b;4;да", "от 0 до 100" },
	{ "100.5", "5;a;100.5;да\n4;b;4;да", "от 0 до 100" },
	{ "-1", "5;a;-1;да\n4;b;4;да", "от 0 до 100" },
	{ "1,234", "5;a;1,234;да\n4;b;4;да", "от 0 до 100" },
	{ "1.", "5;a;1.;да\n4;b;4;да", "от 0 до 100" },
	{ "five", "5;a;пять;да\n4;b;4;да", "от 0 до 100" },
	{ "pass maybe", "5;a;5;может\n4;b;4;да", "«да»" },
	{ "no satisfactory value", "2;a;2;нет\n1;b;1;нет",
	    "удовлетворительным" },
	{ "two bad lines", "5;a;5\n4;b;4\n3;c;3;да",
	    "Строка 1: нужно четыре поля через «;»: «код;название;число;"
	    "зачёт». Строка 2:" },
};

int
main(void)
{
	struct scale_value_in	 v[SCALE_VALUES_MAX];
	struct arena		 a = { 0 };
	struct buf		 big = { 0 };
	const char		*err;
	size_t			 i;
	int			 n;

	for (i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		err = NULL;
		n = scale_values_parse(&a, bads[i].text, v, SCALE_VALUES_MAX,
		    &err);
		is_int(n, -1, "%s: refused", bads[i].what);
		ok(err != NULL && strstr(err, bads[i].msg) != NULL,
		    "%s: the message says «%s» (got «%s»)", bads[i].what,
		    bads[i].msg, err ? err : "(null)");
	}

	/* Blank lines, CRLF, spaces around fields, ',' as the point. */
	err = NULL;
	n = scale_values_parse(&a, "\r\n A ; отлично ; 5 ; да \r\n\nB;;4,5;Да\n"
	    "C;плохо;;нет\nD;хуже;0.25;0\nE;100;100,00;1\n", v,
	    SCALE_VALUES_MAX, &err);
	is_int(n, 5, "five values accepted");
	ok(err == NULL, "... no message");
	if (n == 5) {
		is_str(v[0].code, "A", "codes are trimmed");
		is_str(v[0].name, "отлично", "names are trimmed");
		is_str(v[0].num, "5", "5 stays 5");
		is_int(v[0].is_pass, 1, "да is satisfactory");
		is_str(v[1].name, "B", "an empty name is the code");
		is_str(v[1].num, "4.5", "4,5 becomes 4.5");
		is_int(v[1].is_pass, 1, "Да is satisfactory");
		ok(v[2].num == NULL, "an empty number is NULL");
		is_int(v[2].is_pass, 0, "нет is not satisfactory");
		is_str(v[3].num, "0.25", "0.25");
		is_int(v[3].is_pass, 0, "0 is not satisfactory");
		is_str(v[4].num, "100.00", "100,00 is allowed");
	}

	/* More values than fit. */
	for (i = 0; i <= SCALE_VALUES_MAX; i++)
		buf_printf(&big, "v%zu;значение;%zu;да\n", i, i);
	buf_append(&big, "", 1);
	err = NULL;
	n = scale_values_parse(&a, big.data, v, SCALE_VALUES_MAX, &err);
	is_int(n, -1, "%d values are too many", SCALE_VALUES_MAX + 1);
	ok(err != NULL && strstr(err, "Не больше 20") != NULL,
	    "... «Не больше 20 значений»");

	buf_free(&big);
	arena_free(&a);
	return done_testing();
}
