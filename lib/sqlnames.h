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

#endif
