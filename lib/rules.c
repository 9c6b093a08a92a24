/*
 * rules.c: the school's rules on marks as pure functions (see rules.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "util.h"

int
stamp_parse(const char *s, long long *t)
{
	long	 day;
	int	 h, mi, sec, n = 0;

	if (s == NULL || strlen(s) != 19 || date_parse(s, &day) == -1 ||
	    sscanf(s + 10, " %2d:%2d:%2d%n", &h, &mi, &sec, &n) != 3 ||
	    n != 9 || h > 23 || mi > 59 || sec > 59 || h < 0 || mi < 0 ||
	    sec < 0)
		return -1;
	*t = day * RULE_DAY + h * 3600 + mi * 60 + sec;
	return 0;
}

int
rule_grades_parse(const char *list, unsigned *mask)
{
	const char	*p;
	char		*end;
	long		 g;

	*mask = 0;
	for (p = list; *p != '\0'; ) {
		if (*p == ',' || *p == ' ' || *p == ';') {
			p++;
			continue;
		}
		g = strtol(p, &end, 10);
		if (end == p || g < 0 || g > 11)
			return -1;
		if (g > 0)
			*mask |= 1u << g;
		p = end;
	}
	return 0;
}

int
rule_no_marks(unsigned mask, int grade)
{
	return grade >= 1 && grade <= 11 && (mask & 1u << grade) != 0;
}

enum rule_code
rule_code(const struct rule_value *v, size_t n, int plus_minus,
    const char *code, size_t *at)
{
	size_t	 i;

	if (n == 0)
		return RULE_NO_SCALE;
	for (i = 0; i < n; i++)
		if (strcmp(v[i].code, code) == 0)
			break;
	if (i == n || (v[i].plus_minus && !plus_minus))
		return RULE_NOT_IN_SCALE;
	if (at != NULL)
		*at = i;
	return RULE_CODE_OK;
}

int
rule_mark_editable(long long set_at, long long unlocked_until,
    long long now, long long edit_days)
{
	return set_at > now - edit_days * RULE_DAY || unlocked_until > now;
}

enum rule_cell_res
rule_cell(const struct rule_cell *c, size_t *at)
{
	if (c->has_mark && !c->editable)
		return RULE_CELL_LOCKED;
	if (!c->mark)
		return RULE_CELL_OK;
	if (c->no_marks)
		return RULE_CELL_NO_MARKS;
	switch (rule_code(c->scale, c->nscale, c->plus_minus, c->code, at)) {
	case RULE_NO_SCALE:
		return RULE_CELL_NO_SCALE;
	case RULE_NOT_IN_SCALE:
		return RULE_CELL_NOT_IN_SCALE;
	default:
		return RULE_CELL_OK;
	}
}

int
rule_period_pick(const struct rule_span *p, size_t n, long today)
{
	size_t	 i;
	int	 pick = -1, now, pnow = 0;

	/* The periods are in date order: a later one begun wins, unless
	 * the one picked holds today. */
	for (i = 0; i < n; i++) {
		now = p[i].from <= today && today <= p[i].to;
		if (pick == -1 || now || (p[i].from <= today && !pnow)) {
			pick = (int)i;
			pnow = now;
		}
	}
	return pick;
}

int
rule_lesson_day_ok(long day, long today, const struct rule_span *p,
    size_t n)
{
	size_t	 i;

	if (day > today)
		return 0;
	for (i = 0; i < n; i++)
		if (p[i].from <= day && day <= p[i].to)
			return 1;
	return 0;
}

long
rule_period_mark_due(long period_end, long long lead_days)
{
	return period_end - (long)lead_days;
}

int
rule_period_mark_late(long period_end, long long lead_days, long today)
{
	return today > rule_period_mark_due(period_end, lead_days);
}

int
rule_na_allowed(const struct rule_na *a)
{
	/* A share, as the setting is one: 0.5 is "more than 50%". */
	return a->marks < a->max_marks && a->lessons > 0 &&
	    (double)a->absent / (double)a->lessons > a->share;
}

int
rule_defer_ok(long until, long today)
{
	return until >= today;
}

int
rule_lesson_late(long lesson_day, long created_day)
{
	return created_day > lesson_day;
}

int
rule_mark_late(long lesson_day, long set_day, long long due_days)
{
	return set_day > lesson_day + due_days;
}

int
rule_homework_late(long long hw_at, long lesson_day, long bell_end,
    long last_bell, long long hours)
{
	long	 end;

	if (hw_at == 0)
		return 0;
	end = bell_end >= 0 ? bell_end : last_bell >= 0 ? last_bell :
	    23 * 3600 + 59 * 60 + 59;
	return hw_at > lesson_day * RULE_DAY + end + hours * 3600;
}

/* The index of the first lesson on the day of ls[at]. */
static size_t
day_first(const struct rule_lesson *ls, size_t at)
{
	while (at > 0 && ls[at - 1].day == ls[at].day)
		at--;
	return at;
}

int
rule_after_absence(const struct rule_lesson *ls, size_t at, long long n)
{
	size_t	 k = day_first(ls, at), i;

	if (n < 1 || (long long)k < n)
		return 0;
	for (i = day_first(ls, k - (size_t)n); i < k; i++)
		if (!ls[i].absent)
			return 0;
	return 1;
}

int
rule_after_holiday(const struct rule_lesson *ls, size_t at,
    const long *hol, size_t nhol)
{
	size_t	 k = day_first(ls, at), i;
	long	 day = ls[at].day;

	for (i = 0; i < nhol; i++)
		if (hol[i] < day && (k == 0 || hol[i] >= ls[k - 1].day))
			return 1;
	return 0;
}

int
rule_no_retest(long day, long next, long today, long long retest_days)
{
	if (!(day + retest_days < today))
		return 0;
	return !(next <= day + retest_days);
}

long long
rule_min_marks(long long min_marks, double hours)
{
	/* 1.5 hours a week: one more; tenths only, so + 0.99 rounds up. */
	if (hours > 1)
		min_marks += (long long)(hours + 0.99) - 1;
	return min_marks;
}
