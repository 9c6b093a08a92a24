/*
 * demo-journal.h: the journal of the demo year (issue 4): the lessons of
 * the timetable from 1 September to the day before the demo's today
 * (demo-school --journal-until moves the end, up to the end of the year
 * for the benchmark's full year), with the timetable's changes, on the
 * days of the grade's study periods only,
 * skipping the holidays; topics, homework, one or two forms of work, marks with a
 * believable spread on the subject's scale (none in grade 1), about 5%
 * absences with reasons, and the first quarter's period marks of grades
 * 5 and 7.  Included by demo-school.c after its data is built; writes
 * SQL inside the demo's transaction (before COMMIT).
 *
 * Everything is a few INSERT ... SELECT statements over the rows already
 * written (the Sequence engine's seq_* tables give the days), so the
 * whole journal loads in about a second.  Chance is a hash of the row's
 * ids (CRC32), so the demo is the same at every load.
 */
#define DJ_MEMBERS \
	"(SELECT g.id AS group_id, cs.student_id, c.grade FROM `groups` g" \
	" JOIN class_student cs ON cs.class_id = g.class_id AND cs.left_on IS NULL" \
	" JOIN class c ON c.id = cs.class_id WHERE g.kind = 'class'" \
	" UNION ALL SELECT gs.group_id, gs.student_id, c.grade" \
	" FROM group_student gs JOIN `groups` g ON g.id = gs.group_id" \
	" JOIN class_student cs ON cs.student_id = gs.student_id" \
	"   AND cs.left_on IS NULL" \
	"   AND (g.class_id IS NULL OR cs.class_id = g.class_id)" \
	" JOIN class c ON c.id = cs.class_id)"
#define DJ_GRADE(g) \
	"COALESCE((SELECT c.grade FROM class c WHERE c.id = " g ".class_id)," \
	" (SELECT MIN(c.grade) FROM group_student gs JOIN class_student cs" \
	"   ON cs.student_id = gs.student_id JOIN class c ON c.id = cs.class_id" \
	"   WHERE gs.group_id = " g ".id))"

/* The chance of a mark's value: 0..99 from the cell's ids (for printf). */
#define DJ_H	"(CRC32(CONCAT('v', lw.id, '-', m.student_id)) %% 100)"

/* The journal's first and last day (days since 1970-01-01). */
#define DJ_FIRST	DD(2026, 9, 1)
#define DJ_UNTIL	DD(2026, 11, 20)	/* the parts' split: see dj_part */
#define DJ_LAST		DD(2027, 5, 31)	/* the year's end */

static long	dj_until;	/* set by main(): the day before demo_today
				 * (at most DJ_LAST) unless told */

/*
 * The lessons of the days first..last (days since 1 September) with their
 * forms of work, absences and marks.  The journal is written in two such
 * parts, up to 20 November and after it, so that a longer journal
 * (--journal-until) begins with exactly the default demo's lessons and
 * marks: the ids, which the chance hashes depend on, come out the same.
 */
static void
dj_part(FILE *fp, long first, long last)
{
	/* The later part's rows only (the first part's statements are
	 * left as they were: a filter would change the plan, and the ids). */
	const char *lsn = first > 0 ? " AND l.id > @dj_lesson0" : "";
	const char *lwk = first > 0 ? " AND lw.id > @dj_work0" : "";

	fputs("SET @dj_lesson0 = (SELECT COALESCE(MAX(id), 0) FROM lesson),"
	    " @dj_work0 = (SELECT COALESCE(MAX(id), 0) FROM lesson_work);\n",
	    fp);
	/*
	 * Lessons: the timetable's, on the days of one of the year's periods
	 * of the group's grade and not of its holidays, with the day's
	 * changes (a substitute teaches it, a cancelled one is not held), so
	 * that the journal has every lesson the timetable had before today
	 * and none other.  Topic numbers go on from the earlier part.
	 */
	fprintf(fp,
	    "INSERT INTO lesson (school_id, year_id, group_id, subject_id,"
	    " teacher_id, substitute_for, on_date, number, topic, covered,"
	    " homework, homework_at, created_at)\n"
	    "SELECT t.school_id, t.year_id, t.group_id, t.subject_id,"
	    " COALESCE(tc.teacher_id, t.teacher_id),"
	    " IF(tc.teacher_id IS NULL, NULL, t.teacher_id), d.d, t.number,"
	    " CONCAT('Тема ', ROW_NUMBER() OVER (PARTITION BY t.group_id,"
	    " t.subject_id, t.teacher_id ORDER BY d.d, t.number)"
	    " + (SELECT COUNT(*) FROM lesson x WHERE x.group_id = t.group_id"
	    " AND x.subject_id = t.subject_id AND x.teacher_id = t.teacher_id),"
	    " ': ', s.name, ' — ', ELT(1 + (t.id + d.seq) %% 8,"
	    " 'введение', 'новый материал', 'практикум', 'закрепление',"
	    " 'решение задач', 'повторение', 'обобщение', 'разбор ошибок')),"
	    " 'Объяснение, работа с учебником, упражнения',"
	    " CONCAT('§ ', 1 + d.seq DIV 3, ', упр. ', 1 + (t.id * 7 + d.seq) %% 40),"
	    " TIMESTAMP(d.d, '14:30:00') + INTERVAL"
	    "   IF(CRC32(CONCAT('h', t.id, d.d)) %% 50 = 0, 30, 0) HOUR,"
	    " TIMESTAMP(d.d, '14:00:00') + INTERVAL"
	    "   IF(CRC32(CONCAT('c', t.id, d.d)) %% 40 = 0, 2, 0) DAY\n"
	    "FROM timetable t JOIN `groups` g ON g.id = t.group_id"
	    " JOIN subject s ON s.id = t.subject_id"
	    " JOIN (SELECT seq, DATE '%s' + INTERVAL seq DAY AS d"
	    "   FROM seq_%ld_to_%ld) d"
	    "   ON WEEKDAY(d.d) + 1 = t.weekday"
	    "   AND d.d BETWEEN t.valid_from AND t.valid_to"
	    " LEFT JOIN timetable_change tc ON tc.timetable_id = t.id"
	    "   AND tc.on_date = d.d"
	    " WHERE t.year_id = %d AND NOT (tc.is_cancelled <=> 1)"
	    " AND NOT EXISTS (SELECT 1 FROM holiday h"
	    "   WHERE h.year_id = t.year_id AND d.d BETWEEN h.starts_on"
	    "   AND h.ends_on AND " DJ_GRADE("g") " BETWEEN h.grade_from"
	    "   AND h.grade_to) AND EXISTS (SELECT 1 FROM period p"
	    "   WHERE p.year_id = t.year_id AND d.d BETWEEN p.starts_on"
	    "   AND p.ends_on AND " DJ_GRADE("g") " BETWEEN p.grade_from"
	    "   AND p.grade_to)"
	    " ORDER BY d.d, t.number, t.id;\n", DISO(2026, 9, 1), first, last,
	    YEAR_ID);
	/* Every lesson an answer column; every fifth a written work too. */
	fprintf(fp, "INSERT INTO lesson_work (lesson_id, work_kind_id, topic,"
	    " sort)\n"
	    "SELECT l.id, wk.id, '', 1 FROM lesson l JOIN work_kind wk"
	    " ON wk.school_id = l.school_id AND wk.name = 'Ответ на уроке'"
	    "%s;\n"
	    "INSERT INTO lesson_work (lesson_id, work_kind_id, topic, sort)\n"
	    "SELECT l.id, wk.id, IF(wk.needs_topic, l.topic, ''), 2 FROM lesson l"
	    " JOIN work_kind wk ON wk.school_id = l.school_id"
	    " AND wk.name = IF(l.id %% 10 = 0, 'Контрольная работа',"
	    "   'Самостоятельная работа') WHERE l.id %% 5 = 0%s;\n", lsn, lsn);
	/* About 5% absences, with reasons. */
	fprintf(fp, "INSERT INTO absence (lesson_id, student_id, reason,"
	    " set_at)\n"
	    "SELECT l.id, m.student_id, ELT(1 + CRC32(CONCAT('r', l.id,"
	    " m.student_id)) %% 3, 'ill', 'excused', 'unexcused'),"
	    " TIMESTAMP(l.on_date, '15:00:00') FROM lesson l JOIN " DJ_MEMBERS
	    " m ON m.group_id = l.group_id"
	    " WHERE CRC32(CONCAT('a', l.id, '-', m.student_id)) %% 100 < 5%s;\n",
	    lsn);
	/*
	 * Marks: a quarter of the class answers, nearly all write; five-point
	 * 5/4/3/2 as 30/42/21/7 %, pass/fail 92% «зач»; never in grade 1.
	 */
	fprintf(fp, "INSERT INTO mark (lesson_work_id, student_id, code, num,"
	    " set_at, changed_at)\n"
	    "SELECT STRAIGHT_JOIN lw.id, m.student_id, sv.code, sv.num,"
	    " TIMESTAMP(l.on_date, '15:30:00'), TIMESTAMP(l.on_date, '15:30:00')"
	    " FROM lesson_work lw JOIN lesson l ON l.id = lw.lesson_id"
	    " JOIN " DJ_MEMBERS " m ON m.group_id = l.group_id"
	    " JOIN subject_scale ss ON ss.subject_id = l.subject_id"
	    "   AND ss.grade = m.grade JOIN scale sc ON sc.id = ss.scale_id"
	    " JOIN scale_value sv ON sv.scale_id = ss.scale_id AND sv.code ="
	    " CASE sc.kind WHEN 'pass' THEN IF(" DJ_H " < 92, 'зач', 'незач')"
	    " WHEN 'ten' THEN CAST(10 - " DJ_H " DIV 15 AS CHAR)"
	    " ELSE IF(" DJ_H " < 30, '5', IF(" DJ_H " < 72, '4',"
	    "   IF(" DJ_H " < 93, '3', '2'))) END"
	    " WHERE m.grade > 1 AND CRC32(CONCAT('p', lw.id, '-', m.student_id))"
	    "   %% 100 < IF(lw.sort = 1, 25, 95)"
	    " AND NOT EXISTS (SELECT 1 FROM absence a WHERE a.lesson_id = l.id"
	    "   AND a.student_id = m.student_id)%s;\n", lwk);
}

static void
demo_journal(FILE *fp)
{
	long split = DJ_UNTIL < dj_until ? DJ_UNTIL : dj_until;

	/* On 1 September itself there is no journal yet. */
	if (dj_until >= DJ_FIRST)
		dj_part(fp, 0, split - DJ_FIRST);
	if (dj_until > split)
		dj_part(fp, split + 1 - DJ_FIRST, dj_until - DJ_FIRST);
	/* The first quarter's marks of grades 5 and 7, from the averages,
	 * once the quarter is over. */
	fprintf(fp, "INSERT INTO period_mark (school_id, year_id, student_id,"
	    " subject_id, kind, period_id, code, set_at)\n"
	    "SELECT STRAIGHT_JOIN l.school_id, l.year_id, mk.student_id,"
	    " l.subject_id, 'period', p.id, CAST(LEAST(5, GREATEST(2, FLOOR(SUM(mk.num *"
	    " wk.weight) / SUM(wk.weight) + 0.5))) AS CHAR),"
	    " TIMESTAMP(p.ends_on - INTERVAL 3 DAY, '16:00:00')"
	    " FROM class c JOIN `groups` g ON g.class_id = c.id"
	    " JOIN period p ON p.year_id = c.year_id AND p.name = '1 четверть'"
	    "   AND c.grade BETWEEN p.grade_from AND p.grade_to"
	    " JOIN lesson l ON l.group_id = g.id"
	    " JOIN lesson_work lw ON lw.lesson_id = l.id"
	    " JOIN work_kind wk ON wk.id = lw.work_kind_id"
	    " JOIN mark mk ON mk.lesson_work_id = lw.id"
	    " JOIN subject_scale ss ON ss.subject_id = l.subject_id"
	    "   AND ss.grade = c.grade JOIN scale sc ON sc.id = ss.scale_id"
	    "   AND sc.kind = 'five'"
	    " WHERE c.grade IN (5, 7) AND l.on_date BETWEEN p.starts_on AND p.ends_on"
	    " AND mk.num IS NOT NULL"
	    " AND p.ends_on < '%s'"
	    " GROUP BY l.school_id, l.year_id, mk.student_id, l.subject_id, p.id,"
	    " p.ends_on;\n", demo_iso(demo_today));
	/* Each assignment's lessons cover its КТП in order (R29): the k-th
	 * lesson takes topic k of the teacher's plan (tools/demo-plan.h). */
	fputs("UPDATE lesson l JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY"
	    " group_id, subject_id, teacher_id ORDER BY on_date, number, id) AS k"
	    " FROM lesson) x ON x.id = l.id"
	    " JOIN plan_topic pt ON pt.group_id = l.group_id"
	    "   AND pt.subject_id = l.subject_id AND pt.teacher_id = l.teacher_id"
	    "   AND pt.number = x.k"
	    " SET l.plan_topic_id = pt.id, l.topic = pt.topic;\n", fp);
}
