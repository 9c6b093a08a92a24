/*
 * test_plan.c: lib/plan.c's reading of a plan from CSV: columns by their
 * header names, rows sorted by number, hours, dates within the year, the
 * test flag, and one message per broken row with its line.
 */
#include <string.h>

#include "screen.h"
#include "plan.h"
#include "tap.h"

static struct req	 R;

static void
check(const char *csv, struct plan_import *im)
{
	is_int(plan_import_check(&R, im, csv, strlen(csv), "2026-09-01",
	    "2027-05-31"), 0, "checked");
}

static void
test_good(void)
{
	struct plan_import	 im;

	check("\xef\xbb\xbf№ п/п;Тема урока;Кол-во часов;Дата проведения;"
	    "К/р\r\n2;Дроби;1,5;15.09.2026;\r\n1;Числа;;2026-09-08;нет\r\n"
	    "3;Контрольная по дробям;1;22.09.2026;да\r\n;;;;\r\n", &im);
	ok(im.h.fatal == NULL, "no fatal error");
	is_int(im.h.nerrors, 0, "no row errors");
	is_int(im.h.nrows, 3, "three topics (the empty row skipped)");
	is_int(im.tenths, 35, "hours: 1,5 + 1 + 1 for the empty cell");
	is_str(im.rows[0].topic, "Числа", "sorted by number");
	is_int(im.rows[0].tenths, 10, "empty hours: one lesson");
	is_str(im.rows[0].planned_on, "2026-09-08", "ISO date kept");
	is_int(im.rows[0].is_test, 0, "«нет»: not a test");
	is_int(im.rows[1].tenths, 15, "«1,5» hours");
	is_str(im.rows[1].planned_on, "2026-09-15", "ДД.ММ.ГГГГ read");
	is_int(im.rows[2].is_test, 1, "«да»: a test");

	check("N,Тема,Часы\n1,\"Тема, с запятой\",2\n", &im);
	is_int(im.h.nerrors, 0, "«,» file without dates: fine");
	is_int(im.h.csv.sep, ',', "«,» found");
	is_str(im.rows[0].topic, "Тема, с запятой", "quoted comma kept");
	ok(im.rows[0].planned_on == NULL, "no date: NULL");

	check("\xb9;\xd2\xe5\xec\xe0;\xd7\xe0\xf1\xfb\n1;\xc4\xf0\xee\xe1\xe8;1\n",
	    &im);
	is_int(im.h.csv.cp1251, 1, "Windows-1251 recognised");
	is_int(im.h.nerrors, 0, "... and read");
	is_str(im.rows[0].topic, "Дроби", "... as UTF-8");
}

static void
test_bad(void)
{
	static const struct {
		const char	*row;
		const char	*error;
	} rows[] = {
		{ "x;Тема;1", "Строка 2: номер — целое число от 1." },
		{ "0;Тема;1", "Строка 2: номер — целое число от 1." },
		{ "1;;1", "Строка 2: нет темы." },
		{ "1;Тема;0", "Строка 2: часы — число от 0,5 до 99, например 1 "
		    "или 1,5." },
		{ "1;Тема;100", "Строка 2: часы — число от 0,5 до 99, например "
		    "1 или 1,5." },
		{ "1;Тема;1;2026/09/08", "Строка 2: дата — в виде ДД.ММ.ГГГГ." },
		{ "1;Тема;1;31.08.2026", "Строка 2: дата вне учебного года." },
		{ "1;Тема;1;01.06.2027", "Строка 2: дата вне учебного года." },
		{ "1;Тема;1;;может", "Строка 2: «Контрольная» — «да» или "
		    "пусто." },
		{ ";;1;xx", "Строка 2: номер — целое число от 1; нет темы; "
		    "дата — в виде ДД.ММ.ГГГГ." },
	};
	struct plan_import	 im;
	const char		*csv;
	size_t			 i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		csv = arena_printf(&R.arena, "№;Тема;Часы;Дата;Контрольная\n"
		    "%s\n", rows[i].row);
		check(csv, &im);
		is_int(im.h.nerrors, 1, "«%s» refused", rows[i].row);
		if (im.h.nerrors == 1)
			is_str(im.errors[0], rows[i].error, "... %s",
			    rows[i].error);
	}
	check("№;Тема;Часы\n1;А;1\n2;Б;1\n1;В;1\n", &im);
	is_int(im.h.nerrors, 1, "a repeated number");
	is_str(im.errors[0], "Строка 4: номер 1 уже был в строке 2.",
	    "... names the first line");

	check("№;Тема\n1;А\n", &im);
	ok(im.h.fatal != NULL && strstr(im.h.fatal, "«Часы»") != NULL,
	    "no hours column: the file is refused");
	check("№;Тема;Часы\n", &im);
	ok(im.h.fatal != NULL && strstr(im.h.fatal, "только строка заголовков"),
	    "a header alone: refused");
	check("", &im);
	ok(im.h.fatal != NULL && strstr(im.h.fatal, "пуст") != NULL,
	    "an empty file: refused");
}

int
main(void)
{
	test_good();
	test_bad();
	arena_free(&R.arena);
	return done_testing();
}
