/*
 * settings.c: per-school rules, the school's row first, then the
 * application config's school_defaults, then the seeds' defaults of the
 * table below: the one place a rule's name, type and default are written.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "db.h"
#include "screen.h"
#include "log.h"
#include "rules.h"
#include "settings.h"

enum rule_type {
	RT_COUNT,	/* a whole number 0..max */
	RT_SHARE,	/* 0..1, with a comma or a point: "0,5" */
	RT_GRADES,	/* a list of grades 1..11: "1" or "1,2" */
	RT_FLAG		/* 0 or 1 */
};

static const struct rule_def {
	const char	*name;
	enum rule_type	 type;
	const char	*def;		/* the seeds' default */
	size_t		 off;
	long long	 max;		/* RT_COUNT */
} rule_defs[] = {
#define R(n, t, d, m) { #n, t, d, offsetof(struct school_rules, n), m }
	R(mark_edit_days,		RT_COUNT,  "14",  3650),
	R(homework_deadline_hours,	RT_COUNT,  "2",   24 * 365),
	R(mark_due_days,		RT_COUNT,  "7",   3650),
	R(period_mark_lead_days,	RT_COUNT,  "2",   365),
	R(na_max_marks,			RT_COUNT,  "3",   1000),
	R(na_min_absent_share,		RT_SHARE,  "0.5", 0),
	R(min_marks_per_period,		RT_COUNT,  "3",   1000),
	R(no_marks_grades,		RT_GRADES, "1",   0),
	R(five_point_plus_minus,	RT_FLAG,   "0",   0),
	R(retest_days,			RT_COUNT,  "4",   365),
	R(long_absence_lessons,		RT_COUNT,  "3",   1000),
	R(tests_per_day_max,		RT_COUNT,  "1",   100),
#undef R
};
#define NRULES	(sizeof(rule_defs) / sizeof(rule_defs[0]))

DB_STMT(q_settings_all,
    "SELECT name, value FROM school_setting WHERE school_id = ?");
DB_STMT(q_setting_put,
    "INSERT INTO school_setting (school_id, name, value) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE value = VALUES(value)");

/* What this request has read: the school's rules and its own values. */
static struct {
	long long		 school_id;	/* 0: nothing read */
	struct school_rules	 rules;
	char			*own[NRULES];	/* the school's text, or NULL */
} memo;

static const struct rule_def *
rule_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < NRULES; i++)
		if (strcmp(rule_defs[i].name, name) == 0)
			return &rule_defs[i];
	return NULL;
}

static int
parse(const struct rule_def *d, const char *s, struct school_rules *out)
{
	char		*end, buf[32], *p;
	void		*at = (char *)out + d->off;
	long long	 n;
	double		 x;
	unsigned	 mask;

	switch (d->type) {
	case RT_COUNT:
	case RT_FLAG:
		errno = 0;
		n = strtoll(s, &end, 10);
		if (s[0] == '\0' || *end != '\0' || errno != 0 || n < 0 ||
		    n > (d->type == RT_FLAG ? 1 : d->max))
			return -1;
		if (d->type == RT_FLAG)
			*(int *)at = (int)n;
		else
			*(long long *)at = n;
		return 0;
	case RT_SHARE:
		/* A Russian admin writes "0,5"; strtod would read 0. */
		if (snprintf(buf, sizeof(buf), "%s", s) >= (int)sizeof(buf))
			return -1;
		if ((p = strchr(buf, ',')) != NULL)
			*p = '.';
		errno = 0;
		x = strtod(buf, &end);
		if (buf[0] == '\0' || *end != '\0' || errno != 0 ||
		    !isfinite(x) || x < 0 || x > 1)
			return -1;
		*(double *)at = x;
		return 0;
	case RT_GRADES:
		if (rule_grades_parse(s, &mask) == -1)
			return -1;
		*(unsigned *)at = mask;
		return 0;
	}
	return -1;
}

void
school_rules_defaults(struct school_rules *out)
{
	size_t	 i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < NRULES; i++)
		if (parse(&rule_defs[i], rule_defs[i].def, out) == -1)
			abort();	/* the table itself is wrong */
}

int
school_rules_apply(struct school_rules *out, const char *name,
    const char *value)
{
	const struct rule_def *d;

	if ((d = rule_find(name)) == NULL)
		return 1;
	return parse(d, value != NULL ? value : "", out);
}

void
settings_request_end(void)
{
	size_t	 i;

	for (i = 0; i < NRULES; i++) {
		free(memo.own[i]);
		memo.own[i] = NULL;
	}
	memo.school_id = 0;
}

const struct school_rules *
school_rules(long long school_id)
{
	const struct rule_def *d;
	const char	*name, *val;
	char		 key[128];
	size_t		 i;
	int		 rc;

	if (memo.school_id == school_id && school_id != 0)
		return &memo.rules;
	settings_request_end();
	school_rules_defaults(&memo.rules);
	for (i = 0; i < NRULES; i++) {
		d = &rule_defs[i];
		snprintf(key, sizeof(key), "school_defaults.%s", d->name);
		if ((val = conf_str(key, NULL)) != NULL &&
		    parse(d, val, &memo.rules) == -1)
			log_msg("school_defaults.%s in the config is not valid:"
			    " \"%s\"; the default %s is used", d->name, val,
			    d->def);
	}
	if (db_query(&q_settings_all, "l", school_id) == -1)
		return NULL;
	while ((rc = db_next(&q_settings_all)) == 1) {
		name = db_str(&q_settings_all, 0);
		val = db_str(&q_settings_all, 1);
		if ((d = rule_find(name)) == NULL)
			continue;	/* a rule of another version */
		i = (size_t)(d - rule_defs);
		free(memo.own[i]);
		if ((memo.own[i] = strdup(val != NULL ? val : "")) == NULL)
			abort();
		if (parse(d, memo.own[i], &memo.rules) == -1)
			log_msg("setting %s of school %lld is not valid: \"%s\";"
			    " the default is used", name, school_id,
			    memo.own[i]);
	}
	if (rc == -1) {
		settings_request_end();
		return NULL;
	}
	memo.school_id = school_id;
	return &memo.rules;
}

int
setting_set(struct req *r, const char *name, const char *value)
{
	const struct rule_def *d;
	struct school_rules check;
	const char	*old;
	char		 key[128];

	if ((d = rule_find(name)) == NULL ||
	    parse(d, value, &check) == -1)
		return -2;
	if (school_rules(r->sess.school_id) == NULL)
		return -1;
	snprintf(key, sizeof(key), "school_defaults.%s", name);
	old = memo.own[d - rule_defs] != NULL ? memo.own[d - rule_defs] :
	    conf_str(key, d->def);
	old = arena_printf(&r->arena, "%s = %s", name, old);
	if (db_exec(&q_setting_put, "lss", r->sess.school_id, name,
	    value) < 0)
		return -1;
	settings_request_end();		/* read the new value when asked */
	return audit_add(r, "setting", "school", r->sess.school_id, old,
	    arena_printf(&r->arena, "%s = %s", name, value));
}
