/*
 * demo-plan.h: calendar-thematic plans of the teachers (issue 5, R29).
 * Included by demo-school.c after its data is built; writes SQL inside the
 * demo's transaction (before COMMIT), so it uses only TEMPORARY tables
 * (a CREATE TABLE would commit).
 *
 * Every assignment of the demo year gets a plan: N topics of 1 hour,
 * N = the assignment's hours a week × 34 (PLAN_WEEKS in lib/plan.h), so
 * the plan matches the load, except a few on purpose so that /plan shows
 * a difference: assignments whose id is a multiple of 29 are 2 hours
 * short, those whose id is a multiple of 31 have 3 hours too many.
 *
 * Topics follow a short list of themes per subject (dp_themes below; a
 * subject without one gets «Раздел K»), each theme spread over several
 * lessons; the last lesson of a theme is «Контрольная работа по теме …»
 * (is_test = 1) in the tested subjects from grade 2 on, which makes a test
 * every 2-4 weeks per subject; each plan's themes are shifted by a few
 * lessons (assignment id modulo half a theme) so that a class's subjects
 * do not all test on the same day, though some days still have two or
 * three tests and /tests warns about them.  Planned dates: topic n of N falls on the
 * study day FLOOR((n - 1) × D / N) + 1 + subject_id mod 3 (at most D; the
 * shift again spreads the subjects' tests) of the group's grade, where the
 * D study days are Monday-Friday inside a period of the grade and outside
 * its holidays (the year's calendar from demo-year.h).
 *
 * Finding the topics (for demo-journal.h, which links lessons to them in
 * order): plan_topic rows by (group_id, subject_id, teacher_id, number),
 * number 1..N in teaching order; e.g. the k-th lesson of an assignment
 * covers
 *   SELECT id FROM plan_topic WHERE group_id = ? AND subject_id = ?
 *     AND teacher_id = ? AND number = k
 * and the topic planned for a day is the one with that planned_on (or the
 * latest planned_on before it).  Ids are AUTO_INCREMENT, not fixed.
 */

#define DP_NUMBERS	400	/* > 6 h × 34 + 3 and > the days of a year */

static const struct {
	const char	*subject;
	const char	*themes;	/* separated by '|' */
} dp_themes[] = {
	{ "Русский язык", "Повторение изученного в начальной школе|Фонетика "
	    "и орфоэпия|Морфемика и словообразование|Лексикология|Имя "
	    "существительное|Имя прилагательное|Глагол|Синтаксис и "
	    "пунктуация|Текст и его строение|Орфография: правописание корней" },
	{ "Литературное чтение", "Устное народное творчество|Сказки "
	    "народов России|Поэзия о природе|Произведения А. С. Пушкина|"
	    "Басни И. А. Крылова|Рассказы о детях|Рассказы о животных|"
	    "Зарубежная литература для детей" },
	{ "Литература", "Мифология и фольклор|Древнерусская литература|"
	    "Литература XVIII века|А. С. Пушкин|М. Ю. Лермонтов|Н. В. Гоголь|"
	    "И. С. Тургенев|Л. Н. Толстой|А. П. Чехов|Поэзия XX века|"
	    "Литература о войне" },
	{ "Иностранный язык (английский)", "My family and friends|School "
	    "life|Free time and hobbies|Food and health|Travelling|The "
	    "world of nature|Cities and towns|Famous people|Shopping|Holidays "
	    "and traditions" },
	{ "Математика", "Натуральные числа и действия с ними|Делимость "
	    "чисел|Обыкновенные дроби|Десятичные дроби|Проценты|Отношения и "
	    "пропорции|Положительные и отрицательные числа|Координатная "
	    "плоскость|Наглядная геометрия|Решение текстовых задач" },
	{ "Алгебра", "Выражения и их преобразования|Линейные уравнения|"
	    "Линейная функция|Степень с натуральным показателем|Многочлены|"
	    "Формулы сокращённого умножения|Системы линейных уравнений|"
	    "Квадратные корни|Квадратные уравнения|Неравенства" },
	{ "Алгебра и начала математического анализа", "Действительные числа|"
	    "Степенная функция|Показательная функция|Логарифмы|"
	    "Тригонометрические функции|Тригонометрические уравнения|"
	    "Производная|Применение производной|Первообразная и интеграл" },
	{ "Геометрия", "Начальные геометрические сведения|Треугольники|"
	    "Параллельные прямые|Соотношения в треугольнике|"
	    "Четырёхугольники|Площадь|Подобные треугольники|Окружность|"
	    "Векторы" },
	{ "Вероятность и статистика", "Представление данных|Описательная "
	    "статистика|Случайная изменчивость|Случайные события|"
	    "Элементы комбинаторики|Графы" },
	{ "Информатика", "Информация и информационные процессы|Компьютер и "
	    "программное обеспечение|Системы счисления|Элементы алгебры "
	    "логики|Алгоритмы и исполнители|Программирование на Python|"
	    "Обработка текстов и таблиц|Компьютерные сети" },
	{ "Окружающий мир", "Человек и общество|Наша Родина — Россия|"
	    "Природа и её разнообразие|Растения|Животные|Правила безопасной "
	    "жизни|Здоровый образ жизни|Путешествие по городам России" },
	{ "История", "Первобытность|Древний Восток|Древняя Греция|Древний "
	    "Рим|Русь в IX—XII веках|Русские земли в XIII—XV веках|Россия в "
	    "XVI веке|Смутное время|Россия в XVII веке|Эпоха Петра I" },
	{ "Обществознание", "Человек и его социальное окружение|Общество и "
	    "его сферы|Экономика|Социальные отношения|Политика и власть|"
	    "Право|Гражданин и государство" },
	{ "География", "Земля во Вселенной|Изображение земной поверхности|"
	    "Литосфера|Гидросфера|Атмосфера|Биосфера|Природа России|"
	    "Население России|Хозяйство России" },
	{ "Биология", "Биология — наука о живой природе|Клетка|Ткани|"
	    "Растительный организм|Многообразие растений|Животный организм|"
	    "Человек и его здоровье|Экосистемы" },
	{ "Физика", "Физика и методы познания|Первоначальные сведения о "
	    "строении вещества|Движение и взаимодействие тел|Давление|Работа "
	    "и мощность|Тепловые явления|Электрические явления|"
	    "Электромагнитные явления|Световые явления" },
	{ "Химия", "Первоначальные химические понятия|Кислород и водород|"
	    "Вода и растворы|Основные классы неорганических соединений|"
	    "Периодический закон|Строение вещества|Химические реакции|"
	    "Неметаллы|Металлы" },
	{ "Астрономия", "Предмет астрономии|Основы практической астрономии|"
	    "Строение Солнечной системы|Солнце и звёзды|Галактики" },
	{ "Музыка", "Музыка моего края|Народное музыкальное творчество "
	    "России|Русская классическая музыка|Музыка народов мира|Духовная "
	    "музыка|Музыка театра и кино|Современная музыкальная культура" },
	{ "Изобразительное искусство", "Графика|Живопись|Скульптура|"
	    "Декоративно-прикладное искусство|Народные промыслы|Архитектура и "
	    "дизайн" },
	{ "Труд (технология)", "Технологии вокруг нас|Материалы и их "
	    "обработка|Чертёж и эскиз|Робототехника|Технологии обработки "
	    "пищевых продуктов|Проектная работа" },
	{ "Основы безопасности и защиты Родины", "Безопасность в быту|"
	    "Безопасность на транспорте|Безопасность в общественных местах|"
	    "Первая помощь|Безопасность в природной среде|Основы военной "
	    "подготовки" },
	{ "Физическая культура", "Лёгкая атлетика|Гимнастика с элементами "
	    "акробатики|Спортивные игры: баскетбол|Спортивные игры: "
	    "волейбол|Лыжная подготовка|Подвижные игры|Нормы ГТО" },
	{ "Робототехника", "Знакомство с конструктором|Датчики|Моторы и "
	    "передачи|Программирование движения|Соревновательный проект" },
};

/* Subjects in which the end of a theme is a test (not music, art, PE). */
#define DP_UNTESTED	"'Музыка', 'Изобразительное искусство', " \
			"'Физическая культура', 'Труд (технология)', " \
			"'Индивидуальный проект', 'Робототехника', " \
			"'Основы религиозных культур и светской этики', " \
			"'Основы духовно-нравственной культуры народов России'"

static void
demo_plan(FILE *fp)
{
	struct batch	 b;
	const char	*s, *e;
	size_t		 i;
	int		 k;

	fputs("CREATE TEMPORARY TABLE dp_n (n INT PRIMARY KEY);\n"
	    "CREATE TEMPORARY TABLE dp_g (grade INT PRIMARY KEY);\n"
	    "CREATE TEMPORARY TABLE dp_theme (subject VARCHAR(100),"
	    " k INT, theme VARCHAR(300), PRIMARY KEY (subject, k));\n"
	    "CREATE TEMPORARY TABLE dp_tcount (subject VARCHAR(100)"
	    " PRIMARY KEY, t INT);\n"
	    "CREATE TEMPORARY TABLE dp_day (grade INT, k INT, d DATE,"
	    " PRIMARY KEY (grade, k));\n"
	    "CREATE TEMPORARY TABLE dp_dcount (grade INT PRIMARY KEY,"
	    " days INT);\n\n", fp);
	b = (struct batch){ fp, "INSERT INTO dp_n (n)", 0 };
	for (k = 1; k <= DP_NUMBERS; k++) {
		batch_row(&b);
		fprintf(fp, "%d)", k);
	}
	batch_end(&b);
	b = (struct batch){ fp, "INSERT INTO dp_g (grade)", 0 };
	for (k = 1; k <= 11; k++) {
		batch_row(&b);
		fprintf(fp, "%d)", k);
	}
	batch_end(&b);
	b = (struct batch){ fp, "INSERT INTO dp_theme (subject, k, theme)", 0 };
	for (i = 0; i < sizeof(dp_themes) / sizeof(dp_themes[0]); i++)
		for (s = dp_themes[i].themes, k = 1; *s != '\0'; k++) {
			e = strchr(s, '|');
			if (e == NULL)
				e = s + strlen(s);
			batch_row(&b);
			sql_str(fp, dp_themes[i].subject);
			fprintf(fp, ", %d, '%.*s')", k, (int)(e - s), s);
			s = *e == '|' ? e + 1 : e;
		}
	batch_end(&b);

	fprintf(fp, "INSERT INTO dp_tcount SELECT subject, COUNT(*) FROM"
	    " dp_theme GROUP BY subject;\n"
	    "INSERT INTO dp_day SELECT g.grade, ROW_NUMBER() OVER (PARTITION"
	    " BY g.grade ORDER BY x.d), x.d FROM dp_g g JOIN (SELECT"
	    " y.starts_on + INTERVAL (n.n - 1) DAY AS d FROM year y JOIN dp_n n"
	    " ON n.n <= DATEDIFF(y.ends_on, y.starts_on) + 1 WHERE y.id = %d) x"
	    " WHERE WEEKDAY(x.d) < 5"
	    " AND EXISTS (SELECT 1 FROM period p WHERE p.year_id = %d"
	    "   AND g.grade BETWEEN p.grade_from AND p.grade_to"
	    "   AND x.d BETWEEN p.starts_on AND p.ends_on)"
	    " AND NOT EXISTS (SELECT 1 FROM holiday h WHERE h.year_id = %d"
	    "   AND g.grade BETWEEN h.grade_from AND h.grade_to"
	    "   AND x.d BETWEEN h.starts_on AND h.ends_on);\n"
	    "INSERT INTO dp_dcount SELECT grade, COUNT(*) FROM dp_day"
	    " GROUP BY grade;\n\n", YEAR_ID, YEAR_ID, YEAR_ID);

	/*
	 * x: one row per assignment with its grade, N topics (nt), T themes
	 * (t), D study days and an offset (off) that shifts its themes by a
	 * few lessons, so that the subjects of a class do not all end a theme
	 * (and write a test) on the same day.  Then one topic per n <= N.
	 */
#define DP_TI(n)	"LEAST(x.t, FLOOR((" n " - 1 + x.off) * x.t / x.nt) + 1)"
/* The end of a theme; the year's last lesson is a review, not a test, or
 * every subject would test on the last day. */
#define DP_LAST		"(n.n < x.nt AND " DP_TI("n.n + 1") " > " DP_TI("n.n") ")"
#define DP_THEME	"IFNULL(th.theme, CONCAT('Раздел ', " DP_TI("n.n") "))"
#define DP_FIRST	"GREATEST(1, CEIL((" DP_TI("n.n") " - 1) * x.nt / x.t)" \
			" - x.off + 1)"
	fprintf(fp, "INSERT INTO plan_topic (school_id, year_id, teacher_id,"
	    " subject_id, group_id, number, topic, hours, planned_on, is_test)\n"
	    "SELECT x.school_id, x.year_id, x.teacher_id, x.subject_id,"
	    " x.group_id, n.n,\n"
	    "  CASE WHEN n.n = x.nt THEN 'Итоговое повторение за год'\n"
	    "  WHEN x.tested AND " DP_LAST "\n"
	    "    THEN CONCAT('Контрольная работа по теме «', " DP_THEME ", '»')\n"
	    "  WHEN " DP_LAST "\n"
	    "    THEN CONCAT('Обобщение по теме «', " DP_THEME ", '»')\n"
	    "  ELSE CONCAT(" DP_THEME ", ': урок ', n.n - " DP_FIRST " + 1)"
	    " END,\n"
	    "  1.0, dd.d, x.tested AND " DP_LAST "\n"
	    "FROM (SELECT a.*, GREATEST(1, LEAST(IFNULL(tc.t, 8),"
	    " FLOOR(a.nt / 4))) AS t, dc.days, s.name AS subject,"
	    " COALESCE(c.grade, 5) AS grade,\n"
	    "    COALESCE(c.grade, 5) > 1 AND s.name NOT IN (" DP_UNTESTED ")"
	    " AS tested,\n"
	    "    a.id %% GREATEST(1, FLOOR(a.nt / GREATEST(1, LEAST(IFNULL(tc.t,"
	    " 8), FLOOR(a.nt / 4))) / 2)) AS off\n"
	    "  FROM (SELECT a.id, a.school_id, a.year_id, a.teacher_id,"
	    " a.subject_id, a.group_id, ROUND(a.hours * 34)"
	    " - IF(a.id %% 29 = 0, 2, 0) + IF(a.id %% 31 = 0, 3, 0) AS nt"
	    " FROM assignment a WHERE a.year_id = %d) a\n"
	    "  JOIN `groups` g ON g.id = a.group_id LEFT JOIN class c"
	    " ON c.id = g.class_id\n"
	    "  JOIN subject s ON s.id = a.subject_id\n"
	    "  LEFT JOIN dp_tcount tc ON tc.subject = s.name\n"
	    "  JOIN dp_dcount dc ON dc.grade = COALESCE(c.grade, 5)) x\n"
	    "JOIN dp_n n ON n.n <= x.nt\n"
	    "JOIN dp_day dd ON dd.grade = x.grade"
	    " AND dd.k = LEAST(x.days, FLOOR((n.n - 1) * x.days / x.nt) + 1"
	    " + x.subject_id %% 3)\n"
	    "LEFT JOIN dp_theme th ON th.subject = x.subject"
	    " AND th.k = " DP_TI("n.n") ";\n\n", YEAR_ID);
#undef DP_TI
#undef DP_LAST
#undef DP_THEME
#undef DP_FIRST
	fputs("DROP TEMPORARY TABLE dp_n, dp_g, dp_theme, dp_tcount, dp_day,"
	    " dp_dcount;\n\n", fp);
}
