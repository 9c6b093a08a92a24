/*
 * sqlnames.h: how names are written, as SQL fragments, so that a person
 * or a class reads the same on every page.  p and c are table aliases.
 */
#ifndef JOURNAL_SQLNAMES_H
#define JOURNAL_SQLNAMES_H

/* «Иванов Пётр Сергеевич» (no trailing space without a patronymic). */
#define FULL_NAME(p)	"CONCAT_WS(' ', " p ".last_name, " p ".first_name, " \
			"NULLIF(" p ".middle_name, ''))"
/* «7 Б»: the grade, a space and the letter, as schools write it. */
#define CLASS_NAME(c)	"CONCAT(" c ".grade, ' ', " c ".letter)"

/*
 * Averages of marks, one definition for the journal, the period marks
 * forecast, the diary and the reports.  m is a mark, w its work_kind; an
 * aggregate over the marks of one student in one subject and period.
 * Marks with no number (зачёт) do not count.  The weighted average weighs
 * each mark by its form of work (R19, the school's weights).
 */
#define MARK_AVG(m)	"AVG(" m ".num)"
#define MARK_WAVG(m, w)	"(SUM(" m ".num * " w ".weight) / NULLIF(SUM(IF(" \
			m ".num IS NULL, 0, " w ".weight)), 0))"
/*
 * The forecast of a period mark (R35) from the weighted average: rounded
 * half up, 4.5 → 5, in the student's favour as schools do; NULL with no
 * marks.  Only for numeric scales; the caller maps it to a scale code.
 */
#define MARK_FORECAST(m, w)	"FLOOR(" MARK_WAVG(m, w) " + 0.5)"

#endif
