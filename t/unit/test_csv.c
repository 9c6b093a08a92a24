/*
 * test_csv.c: lib/csv.c: quoting, separators, BOM, line ends, Windows-1251,
 * ragged rows, limits, and the folding of header names.
 */
#include <string.h>

#include "csv.h"
#include "import.h"
#include "tap.h"
#include "util.h"

static struct arena	 A;

static enum csv_res
parse(const char *s, size_t max, struct csv *c, size_t *line)
{
	return csv_parse(&A, s, strlen(s), max, NULL, NULL, c, line);
}

/* A known column is one of these (folded), for separator detection. */
static int
known(struct arena *a, const char *f, void *arg)
{
	(void)arg;
	f = csv_fold(a, f);
	return strcmp(f, "фамилия") == 0 || strcmp(f, "имя") == 0 ||
	    strcmp(f, "класс") == 0;
}

static void
test_basic(void)
{
	struct csv	 c;
	size_t		 line;

	is_int(parse("Фамилия;Имя\nИванов;Иван\n", 10, &c, &line), CSV_OK,
	    "a plain file");
	is_int(c.nrows, 2, "header and one row");
	is_int(c.sep, ';', "';' found");
	is_int(c.cp1251, 0, "UTF-8 kept");
	is_str(c.rows[1].f[0], "Иванов", "field 1");
	is_str(c.rows[1].f[1], "Иван", "field 2");
	is_int(c.rows[1].line, 2, "line numbers from 1 with the header");

	is_int(parse("a;b\r\n1;2\r\n3;4", 10, &c, &line), CSV_OK, "CRLF, "
	    "no final line end");
	is_int(c.nrows, 3, "three records");
	is_str(c.rows[1].f[1], "2", "CR is not part of the field");
	is_str(c.rows[2].f[1], "4", "the last line without an end");

	is_int(parse("\xef\xbb\xbf" "a;b\n1;2\n", 10, &c, &line), CSV_OK,
	    "BOM");
	is_str(c.rows[0].f[0], "a", "the BOM is not part of the first name");

	is_int(parse("a;b\n\"x;y\";\"he said \"\"hi\"\"\"\n", 10, &c, &line),
	    CSV_OK, "quoted fields");
	is_str(c.rows[1].f[0], "x;y", "a separator inside quotes");
	is_str(c.rows[1].f[1], "he said \"hi\"", "\"\" is a quote");

	is_int(parse("a;b\n\"two\r\nlines\";z\r\nnext;1\r\n", 10, &c, &line),
	    CSV_OK, "a line end inside quotes");
	is_str(c.rows[1].f[0], "two\r\nlines", "kept in the field");
	is_int(c.rows[2].line, 4, "the next record's line counts it");

	is_int(parse("a;b\n\"\";x\n", 10, &c, &line), CSV_OK, "empty quoted");
	is_str(c.rows[1].f[0], "", "is empty");
	is_int(parse("a;b\n\"5\" А;x\n", 10, &c, &line), CSV_OK,
	    "text after a closing quote (Excel)");
	is_str(c.rows[1].f[0], "5 А", "is kept");
	is_int(parse("a;b\n5 \"А\";x\n", 10, &c, &line), CSV_OK,
	    "a quote inside an unquoted field");
	is_str(c.rows[1].f[0], "5 \"А\"", "is literal");

	is_int(parse("a;b\n\"open;x\n1;2\n", 10, &c, &line), CSV_QUOTE,
	    "a quote never closed");
	is_int(line, 2, "on line 2");
}

static void
test_ragged(void)
{
	struct csv	 c;
	size_t		 line;

	is_int(parse("a;b;c\n1\n1;2;3;4\n;;\n\n5;6;7\n", 10, &c, &line),
	    CSV_OK, "ragged rows");
	is_int(c.nrows, 4, "empty rows and ';;' rows are skipped");
	is_int(c.rows[1].n, 1, "a short row has its fields");
	is_int(c.rows[2].n, 4, "a long row too");
	is_int(c.rows[3].line, 6, "line numbers keep skipped rows");
	is_int(parse("\n\na;b\n1;2\n", 10, &c, &line), CSV_OK,
	    "blank lines before the header");
	is_int(c.rows[0].line, 3, "the header is on line 3");
	is_int(parse("", 10, &c, &line), CSV_EMPTY, "an empty file");
	is_int(parse("\r\n\n", 10, &c, &line), CSV_EMPTY, "blank lines only");
	is_int(parse("a\n1\n2\n3\n", 3, &c, &line), CSV_OK, "3 rows, limit 3");
	is_int(parse("a\n1\n2\n3\n4\n", 3, &c, &line), CSV_TOO_MANY,
	    "4 rows, limit 3");
}

static void
test_separator(void)
{
	struct csv	 c;
	size_t		 line;
	const char	*s;

	s = "Фамилия,Имя,Класс\nИванов,Иван,5А\n";
	is_int(csv_parse(&A, s, strlen(s), 10, known, NULL, &c, &line), CSV_OK,
	    "',' file");
	is_int(c.sep, ',', "',' detected by known columns");
	is_str(c.rows[1].f[2], "5А", "and split by it");
	s = "Фамилия;Имя;Примечание, если есть\nИванов;Иван;x, y\n";
	is_int(csv_parse(&A, s, strlen(s), 10, known, NULL, &c, &line), CSV_OK,
	    "';' file with a comma in a header");
	is_int(c.sep, ';', "';' detected");
	s = "x,y,z\n1,2,3\n";
	is_int(csv_parse(&A, s, strlen(s), 10, known, NULL, &c, &line), CSV_OK,
	    "no known column");
	is_int(c.sep, ',', "then more fields wins");
	s = "x\n1\n";
	is_int(csv_parse(&A, s, strlen(s), 10, known, NULL, &c, &line), CSV_OK,
	    "one column");
	is_int(c.sep, ';', "';' on a tie");
}

static void
test_cp1251(void)
{
	struct csv	 c;
	size_t		 line, n;
	/* «Фамилия;Имя\nЁжиков;Пётр №1\n» in Windows-1251. */
	const char	 s[] = "\xd4\xe0\xec\xe8\xeb\xe8\xff;\xc8\xec\xff\n"
	    "\xa8\xe6\xe8\xea\xee\xe2;\xcf\xb8\xf2\xf0 \xb9" "1\n";
	char		*u;

	is_int(csv_parse(&A, s, sizeof(s) - 1, 10, known, NULL, &c, &line),
	    CSV_OK, "a Windows-1251 file");
	is_int(c.cp1251, 1, "is converted");
	is_int(c.sep, ';', "its separator is found after conversion");
	is_str(c.rows[0].f[0], "Фамилия", "the header in Cyrillic");
	is_str(c.rows[1].f[0], "Ёжиков", "Ё");
	is_str(c.rows[1].f[1], "Пётр №1", "ё and №");
	u = csv_cp1251_to_utf8(&A, "\x98", 1, &n);
	ok(u == NULL, "0x98 has no character");
	u = csv_cp1251_to_utf8(&A, "a\0b", 3, &n);
	ok(u == NULL, "NUL is refused");
	is_int(csv_parse(&A, "a\0;b\n", 5, 10, NULL, NULL, &c, &line),
	    CSV_ENCODING, "a file with NUL (UTF-16, xlsx) is refused");
	u = csv_cp1251_to_utf8(&A, "", 0, &n);
	ok(u != NULL && n == 0, "empty converts to empty");
}

static void
test_fold(void)
{
	is_str(csv_fold(&A, "  Дата  приёма:"), "дата приема", "fold 1");
	is_str(csv_fold(&A, "ФАМИЛИЯ*"), "фамилия", "fold 2");
	is_str(csv_fold(&A, "ЁЖ Class."), "еж class", "fold 3");
	is_str(csv_fold(&A, "Имя\xc2\xa0представителя"), "имя представителя",
	    "no-break space");
	is_str(csv_fold(&A, "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"),
	    "абвгдежзийклмнопрстуфхцчшщъыьэюя", "the whole alphabet");
	is_str(csv_fold(&A, ""), "", "empty");
}

/* The value parsers of lib/import.c (pure, so tested here too). */
static void
test_import_values(void)
{
	const char	*letter;
	int		 grade;

	is_int(import_date("01.09.2015"), 20150901, "ДД.ММ.ГГГГ");
	is_int(import_date("1.9.2015"), 20150901, "Д.М.ГГГГ");
	is_int(import_date("2015-09-01"), 20150901, "ГГГГ-ММ-ДД");
	is_int(import_date("01.09.2015 0:00:00"), 20150901, "Excel's time");
	is_int(import_date("29.02.2016"), 20160229, "a leap day");
	is_int(import_date("29.02.2015"), -2, "no leap day in 2015");
	is_int(import_date("31.02.2015"), -2, "31 February");
	is_int(import_date("00.01.2015"), -2, "day 0");
	is_int(import_date("01.13.2015"), -2, "month 13");
	is_int(import_date("01.09.15"), -1, "a two-digit year");
	is_int(import_date("2015/09/01"), -1, "slashes");
	is_int(import_date("2015-09-01x"), -1, "trailing text");
	is_int(import_date(""), -1, "empty");
	is_str(import_sex(&A, "М"), "m", "М");
	is_str(import_sex(&A, "Мужской"), "m", "Мужской");
	is_str(import_sex(&A, "жен."), "f", "жен.");
	ok(import_sex(&A, "х") == NULL, "х is no sex");
	is_str(import_guardian_kind(&A, "Мать"), "parent", "мать");
	is_str(import_guardian_kind(&A, "отец"), "parent", "отец");
	is_str(import_guardian_kind(&A, ""), "parent", "empty: parent");
	is_str(import_guardian_kind(&A, "Опекун"), "guardian", "опекун");
	is_str(import_guardian_kind(&A, "усыновитель"), "adoptive",
	    "усыновитель");
	is_str(import_guardian_kind(&A, "Приёмный родитель"), "adoptive",
	    "приёмный родитель");
	ok(import_guardian_kind(&A, "тётя") == NULL, "тётя is none of them");
	ok(import_class_label(&A, "5А", &grade, &letter) == 0 && grade == 5 &&
	    strcmp(letter, "а") == 0, "5А");
	ok(import_class_label(&A, "10 Б", &grade, &letter) == 0 &&
	    grade == 10 && strcmp(letter, "б") == 0, "10 Б");
	ok(import_class_label(&A, "5-а", &grade, &letter) == 0 &&
	    strcmp(letter, "а") == 0, "5-а");
	ok(import_class_label(&A, "11 «В» класс", &grade, &letter) == 0 &&
	    grade == 11 && strcmp(letter, "в") == 0, "11 «В» класс");
	ok(import_class_label(&A, "12А", &grade, &letter) == -1, "grade 12");
	ok(import_class_label(&A, "А5", &grade, &letter) == -1, "letter first");
	ok(import_class_label(&A, "5", &grade, &letter) == -1, "no letter");
}

int
main(void)
{
	test_basic();
	test_ragged();
	test_separator();
	test_cp1251();
	test_fold();
	test_import_values();
	arena_free(&A);
	return done_testing();
}
