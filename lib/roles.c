/*
 * roles.c: role codes and the access table.  Defaults follow R1 and R7:
 * students and parents reach only their own screens (the diary), staff
 * screens list exactly the roles that need them.
 */
#include <stddef.h>
#include <string.h>

#include "screen.h"
#include "roles.h"

static const struct {
	const char	*code;
	const char	*name;
} roles[ROLE__COUNT] = {
	{ "admin",		"Администратор" },
	{ "management",		"Администрация" },
	{ "teacher",		"Учитель" },
	{ "class_teacher",	"Классный руководитель" },
	{ "student",		"Ученик" },
	{ "parent",		"Родитель" },
	{ "secretary",		"Секретарь" },
	{ "medic",		"Медицинский работник" },
	{ "psychologist",	"Психолог, социальный педагог" },
	{ "hr",			"Специалист по кадрам" },
	{ "inspector",		"Инспектор" },
};

/* Who may see every class of the school (R7: summary forms only for
 * staff who need them); a class teacher sees their own class. */
#define CLASS_VIEWERS	(ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_SECRETARY | \
			 ROLE_INSPECTOR | ROLE_MEDIC | ROLE_PSYCHOLOGIST | \
			 ROLE_CLASS_TEACHER)

/* The administration runs the school year (R15); inspectors read it. */
#define ADMINISTRATION	(ROLE_ADMIN | ROLE_MANAGEMENT)
#define OVERSEERS	(ADMINISTRATION | ROLE_INSPECTOR)

const struct access access_table[] = {
	{ "login",	"Вход",			ROLES_ALL, 0, ACC_PUBLIC },
	{ "hello",	"Проверка",		ROLES_ALL, 0, ACC_PUBLIC | ACC_NODB },
	{ "home",	"Главная",		ROLES_ALL, 0, ACC_MENU | ACC_ANYONE },
	{ "classes",	"Классы",		CLASS_VIEWERS,
	    ROLE_ADMIN | ROLE_MANAGEMENT, ACC_MENU },
	{ "class",	"Класс",		CLASS_VIEWERS,
	    ROLE_ADMIN | ROLE_MANAGEMENT, 0 },
	{ "guardian",	"Законный представитель",
	    ROLE_ADMIN | ROLE_SECRETARY | ROLE_CLASS_TEACHER, 0, 0 },
	{ "consent",	"Согласие на обработку персональных данных",
	    ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_SECRETARY | ROLE_INSPECTOR |
	    ROLE_CLASS_TEACHER,
	    ROLE_ADMIN | ROLE_SECRETARY | ROLE_CLASS_TEACHER, 0 },
	{ "slips",	"Логины и пароли",	ROLE_ADMIN | ROLE_CLASS_TEACHER, 0, 0 },
	{ "paper",	"Бумажные выписки",
	    ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_SECRETARY | ROLE_CLASS_TEACHER,
	    0, ACC_MENU },
	/* Issue 3: the school year and its structure. */
	{ "years",	"Учебные годы",		OVERSEERS, ADMINISTRATION, ACC_MENU },
	{ "year",	"Учебный год",		OVERSEERS, ADMINISTRATION, 0 },
	{ "scales",	"Шкалы оценивания",	OVERSEERS, ADMINISTRATION, ACC_MENU },
	{ "subjects",	"Предметы",		OVERSEERS, ADMINISTRATION, ACC_MENU },
	{ "groups",	"Группы",		OVERSEERS | ROLE_CLASS_TEACHER,
	    ADMINISTRATION, 0 },
	{ "streams",	"Потоки",		OVERSEERS | ROLE_CLASS_TEACHER,
	    ADMINISTRATION, 0 },
	{ "load",	"Учебный план и нагрузка", OVERSEERS, ADMINISTRATION,
	    ACC_MENU },
	/* Issue 3: the book of orders and movements of students (R16). */
	{ "orders",	"Книга приказов",	OVERSEERS | ROLE_SECRETARY,
	    ROLE_ADMIN | ROLE_SECRETARY, ACC_MENU },
	{ "order",	"Приказ",		OVERSEERS | ROLE_SECRETARY,
	    ROLE_ADMIN | ROLE_SECRETARY, 0 },
	/* Issue 3: staff, their positions and roles (R1, R2, R3). */
	{ "staff",	"Сотрудники",
	    ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_HR | ROLE_INSPECTOR,
	    ROLE_ADMIN | ROLE_HR, ACC_MENU },
	/* Issue 3: bulk import from CSV (students, guardians, staff). */
	{ "import",	"Импорт из CSV",
	    ROLE_ADMIN | ROLE_SECRETARY | ROLE_HR, 0, ACC_MENU },
	/* Issue 3: personal files (R7, R17). */
	{ "person",	"Личное дело",
	    ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_SECRETARY | ROLE_CLASS_TEACHER |
	    ROLE_MEDIC | ROLE_PSYCHOLOGIST | ROLE_HR,
	    ROLE_ADMIN | ROLE_SECRETARY | ROLE_HR | ROLE_CLASS_TEACHER |
	    ROLE_MEDIC, 0 },	/* the medic edits health only (personal.h) */
	{ "pdcheck",	"Проверка персональных данных",
	    ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_CLASS_TEACHER, 0, ACC_MENU },
	/* Issue 5: the timetable and its changes (R15, R22, R32). */
	{ "week",	"Расписание на неделю",
	    OVERSEERS | ROLE_TEACHER | ROLE_CLASS_TEACHER, 0, ACC_MENU },
	{ "timetable",	"Редактор расписания",	OVERSEERS, ADMINISTRATION,
	    ACC_MENU },
	{ "changes",	"Замены и переносы",	OVERSEERS, ADMINISTRATION,
	    ACC_MENU },
	{ "ttimport",	"Импорт расписания",	ADMINISTRATION, ADMINISTRATION,
	    ACC_MENU },

	/* Issue 5: the calendar-thematic plan (R29) and the tests schedule. */
	{ "plan",	"Тематическое планирование (КТП)",
	    OVERSEERS | ROLE_TEACHER | ROLE_CLASS_TEACHER, ROLE_TEACHER,
	    ACC_MENU },
	{ "tests",	"График контрольных работ",
	    OVERSEERS | ROLE_TEACHER | ROLE_CLASS_TEACHER, 0, ACC_MENU },

	/* Issue 4: the journal: lessons, marks, absences (R19-R25). */
	{ "journal",	"Журнал",		ROLE_TEACHER | ROLE_CLASS_TEACHER |
	    OVERSEERS, ROLE_TEACHER, 0 },
	{ "lesson",	"Урок",			ROLE_TEACHER | ROLE_CLASS_TEACHER |
	    OVERSEERS, ROLE_TEACHER, 0 },
	{ "unlock",	"Исправление отметки",	ROLE_MANAGEMENT, ROLE_MANAGEMENT, 0 },

	/* Issue 4: period marks, forms of work, the class teacher's checks. */
	{ "workkinds",	"Формы работы",		ADMINISTRATION, ROLE_ADMIN, ACC_MENU },
	{ "periodmarks",	"Итоговые отметки",
	    OVERSEERS | ROLE_TEACHER | ROLE_CLASS_TEACHER,
	    ROLE_TEACHER | ROLE_CLASS_TEACHER, ACC_MENU },
	{ "absences",	"Причины пропусков",
	    OVERSEERS | ROLE_CLASS_TEACHER,
	    ADMINISTRATION | ROLE_CLASS_TEACHER, ACC_MENU },
	{ "classcheck",	"Проверка журнала класса",
	    ADMINISTRATION | ROLE_CLASS_TEACHER, 0, ACC_MENU },

	/* Issue 3: whole-school logins, promotion. */
	{ "schoolslips",	"Логины и пароли всей школы", ROLE_ADMIN, 0, ACC_MENU },
	{ "promotion",	"Перевод в следующий класс", OVERSEERS | ROLE_SECRETARY,
	    ROLE_ADMIN | ROLE_SECRETARY, 0 },
	/* Issue 3: rights (R2). */
	{ "rights",	"Права доступа",	ROLE_ADMIN, 0, ACC_MENU },
	/* Issue 6: the diary (R32, R35): students, parents; the class
	 * teacher and the administration may open a student's pages. */
	{ "diary",	"Дневник",
	    ROLE_STUDENT | ROLE_PARENT | ROLE_CLASS_TEACHER | ROLE_ADMIN |
	    ROLE_MANAGEMENT | ROLE_INSPECTOR, 0, ACC_MENU },
	{ "marks",	"Отметки",
	    ROLE_STUDENT | ROLE_PARENT | ROLE_CLASS_TEACHER | ROLE_ADMIN |
	    ROLE_MANAGEMENT | ROLE_INSPECTOR, 0, ACC_MENU },
	/* The weekly paper statements of the paper families (R41, R6). */
	{ "statement",	"Бумажные выписки за неделю",
	    ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_CLASS_TEACHER, 0, 0 },
	/* Issue 6: how families get the diary's news (R36, R41). */
	{ "delivery",	"Рассылка",		ROLE_PARENT, 0, ACC_MENU },
	{ "unsubscribe", "Отписка от писем",	ROLES_ALL, 0, ACC_PUBLIC },
	{ "password",	"Смена пароля",		ROLES_ALL, 0,
	    ACC_MENU | ACC_ANYONE | ACC_PWOPEN },
	{ "logout",	"Выход",		ROLES_ALL, 0, ACC_ANYONE | ACC_PWOPEN },
	{ NULL,		NULL,			0, 0, 0 },
};

const struct access *
access_find(const char *name)
{
	const struct access	*a;

	for (a = access_table; a->name != NULL; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

unsigned
role_bit(const char *code)
{
	size_t	 i;

	for (i = 0; i < ROLE__COUNT; i++)
		if (strcmp(roles[i].code, code) == 0)
			return 1u << i;
	return 0;
}

static int
bit_index(unsigned bit)
{
	int	 i;

	for (i = 0; i < ROLE__COUNT; i++)
		if (bit == 1u << i)
			return i;
	return -1;
}

const char *
role_code(unsigned bit)
{
	int	 i = bit_index(bit);

	return i < 0 ? NULL : roles[i].code;
}

const char *
role_name(unsigned bit)
{
	int	 i = bit_index(bit);

	return i < 0 ? NULL : roles[i].name;
}

unsigned
role_bits(const char *codes)
{
	char		 code[33];
	const char	*p, *e;
	unsigned	 bits = 0;
	size_t		 n;

	for (p = codes; p != NULL && *p != '\0'; p = *e ? e + 1 : e) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		n = (size_t)(e - p);
		if (n < sizeof(code)) {
			memcpy(code, p, n);
			code[n] = '\0';
			bits |= role_bit(code);
		}
	}
	return bits;
}
