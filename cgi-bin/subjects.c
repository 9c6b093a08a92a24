/*
 * subjects: the school's subjects (R18: class subjects, electives,
 * extracurricular activities) and, per subject, the grading scale of
 * each grade 1..11 (R13) as one grid saved in one POST.  Grades without
 * marks (R24, setting no_marks_grades) take no scale.  ?id= is the form
 * that renames a subject, changes its kind or archives it.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "screen.h"
#include "objects.h"
#include "rights.h"
#include "roles.h"
#include "scales.h"
#include "settings.h"
#include "subjects.h"

enum { K_ID, K_ACTION, K_NAME, K_SHORT, K_KIND, K_ARCHIVED, K_CELL, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ID] =	{ "id", v_id, 0 },
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_NAME] =	{ "name", v_line, 0 },
	[K_SHORT] =	{ "short_name", v_line, 0 },
	[K_KIND] =	{ "kind", v_line, 0 },
	[K_ARCHIVED] =	{ "archived", v_flag, 0 },
	/* "subject:grade:scale", scale 0 for none; one per grid cell. */
	[K_CELL] =	{ "cell", v_line, KEY_MULTI },
};

/* See scales.c: forms only for those whose POST would be accepted. */
static int
may_write(const struct req *r)
{
	const struct access	*acc = access_find(r->screen->name);

	return acc != NULL && rights_allow(r, acc, M_POST);
}

static int
load_list(struct req *r)
{
	const struct school_rules *sr;
	unsigned	 no_marks;
	int		 g;

	if ((sr = school_rules(r->sess.school_id)) == NULL)
		return 500;
	no_marks = sr->no_marks_grades;
	if (db_scales_names(r->hdf, "Scales", r->sess.school_id) == -1 ||
	    db_subjects_grid(r->hdf, "Subjects", r->sess.school_id,
	    no_marks) == -1)
		return 500;
	for (g = 1; g <= GRADES; g++) {
		req_setf(r, arena_printf(&r->arena, "Grades.%d.n", g), "%d", g);
		if (no_marks & 1u << g)
			req_set(r, arena_printf(&r->arena,
			    "Grades.%d.no_marks", g), "1");
	}
	if (may_write(r))
		req_set(r, "Page.CanWrite", "1");
	return 200;
}

static int
load_one(struct req *r, long long id)
{
	if (db_subject_get(r->hdf, "Subject", id) != 1)
		return 500;
	if (may_write(r))
		req_set(r, "Page.CanWrite", "1");
	return 200;
}

static int
subjects_get(struct req *r)
{
	enum obj_res	 ok;

	if (r->fields[K_ID].error != NULL)
		return 400;
	if (req_str(r, K_ID) == NULL)
		return load_list(r);
	if ((ok = obj_subject(r, r->fields[K_ID].num)) != OBJ_OK)
		return (int)ok;
	return load_one(r, r->fields[K_ID].num);
}

/*
 * Check name, short name and kind, setting Form.* and Errors.*; the short
 * name defaults to the name when that is short enough.
 */
static void
check_fields(struct req *r, const char **name, const char **short_name,
    const char **kind)
{
	*name = req_str(r, K_NAME);
	*short_name = req_str(r, K_SHORT);
	*kind = req_str(r, K_KIND) != NULL ? req_str(r, K_KIND) : "class";
	if (*name != NULL)
		req_set(r, "Form.name", *name);
	if (*short_name != NULL)
		req_set(r, "Form.short_name", *short_name);
	req_set(r, "Form.kind", *kind);

	if (r->fields[K_NAME].error != NULL || (*name != NULL &&
	    utf8_len(*name) > SUBJECT_NAME_MAX))
		req_field_error(r, "name", "Название: не длиннее 150 "
		    "символов.");
	else if (*name == NULL)
		req_field_error(r, "name", "Укажите название предмета.");
	if (r->fields[K_SHORT].error != NULL || (*short_name != NULL &&
	    utf8_len(*short_name) > SUBJECT_SHORT_MAX))
		req_field_error(r, "short_name", "Краткое название: не "
		    "длиннее 30 символов.");
	else if (*short_name == NULL && *name != NULL) {
		if (utf8_len(*name) <= SUBJECT_SHORT_MAX)
			*short_name = *name;
		else
			req_field_error(r, "short_name", "Название длинное: "
			    "укажите краткое (до 30 символов), оно "
			    "пойдёт в заголовки журнала.");
	}
	if (!subject_kind_ok(*kind))
		req_field_error(r, "kind", "Выберите вид: предмет учебного "
		    "плана, элективный курс или внеурочная деятельность.");
}

static int
create(struct req *r, NOCTX)
{
	const char	*name, *short_name, *kind;
	long long	 id;
	int		 rc;

	check_fields(r, &name, &short_name, &kind);
	if (!req_has_errors(r)) {
		if ((rc = subject_create(r, name, short_name, kind, &id)) == 0)
			return req_redirect(r, "/subjects");
		if (rc != DB_DUPLICATE)
			return 500;
		req_field_error(r, "name", "Такой предмет в школе уже есть.");
	}
	rc = load_list(r);
	return rc == 200 ? SCREEN_FORM(400) : rc;
}

static int
update(struct req *r, NOCTX)
{
	const char	*name, *short_name, *kind;
	long long	 id;
	enum obj_res	 ok;
	int		 rc;

	if (req_str(r, K_ID) == NULL)
		return 400;
	id = r->fields[K_ID].num;
	if ((ok = obj_subject(r, id)) != OBJ_OK)
		return (int)ok;
	if (r->fields[K_ARCHIVED].error != NULL)
		return 400;
	check_fields(r, &name, &short_name, &kind);
	if (!req_has_errors(r)) {
		if ((rc = subject_update(r, id, name, short_name, kind,
		    req_str(r, K_ARCHIVED) != NULL &&
		    r->fields[K_ARCHIVED].num)) == 0)
			return req_redirect(r, "/subjects");
		if (rc != DB_DUPLICATE)
			return 500;
		req_field_error(r, "name", "Предмет с таким названием в школе "
		    "уже есть.");
	}
	req_set(r, "Form.Sent", "1");
	rc = load_one(r, id);
	return rc == 200 ? SCREEN_FORM(400) : rc;
}

/* "12:5:3" → subject 12, grade 5, scale 3; 0, or -1 when malformed. */
static int
parse_cell(const char *s, struct subject_cell *c)
{
	long long	 v[3];
	char		*end;
	int		 i;

	for (i = 0; i < 3; i++) {
		if (*s < '0' || *s > '9')
			return -1;
		v[i] = strtoll(s, &end, 10);
		if (end - s > 10 || *end != (i < 2 ? ':' : '\0'))
			return -1;
		s = end + (i < 2);
	}
	if (v[0] < 1 || v[0] > 4294967295LL || v[1] < 1 || v[1] > GRADES ||
	    v[2] > 4294967295LL)
		return -1;
	c->subject_id = v[0];
	c->grade = (int)v[1];
	c->scale_id = v[2];
	return 0;
}

static int
save_grid(struct req *r, NOCTX)
{
	const struct kv		**v;
	struct subject_cell	 *cells;
	const struct school_rules *sr;
	unsigned		  no_marks;
	size_t			  n, i, j;
	int			  changed, rc;

	v = req_values(r, K_CELL, &n);
	if (n == 0)
		return 400;
	if ((sr = school_rules(r->sess.school_id)) == NULL)
		return 500;
	no_marks = sr->no_marks_grades;
	cells = arena_alloc(&r->arena, n * sizeof(*cells));
	for (i = 0; i < n; i++) {
		if (parse_cell(arena_strndup(&r->arena, v[i]->val,
		    v[i]->vlen), &cells[i]) == -1)
			return 400;
		for (j = 0; j < i; j++)
			if (cells[j].subject_id == cells[i].subject_id &&
			    cells[j].grade == cells[i].grade)
				return 400;
		if (cells[i].scale_id != 0 && (no_marks & 1u << cells[i].grade))
			req_field_error(r, "grid", arena_printf(&r->arena,
			    "В %d классе отметок не ставят (настройка школы "
			    "«классы без отметок»): шкалу назначить нельзя.",
			    cells[i].grade));
	}
	if (req_has_errors(r)) {
		rc = load_list(r);
		return rc == 200 ? SCREEN_FORM(400) : rc;
	}
	if ((rc = subject_scales_save(r, cells, n, &changed)) == OBJ_MISSING)
		return 404;
	if (rc == -1)
		return 500;
	return req_redirect(r, "/subjects");
}

static const struct action actions[] = {
	{ "create",	create,		0 },
	{ "update",	update,		0 },
	{ "scales",	save_grid,	0 },
};

static const struct screen screen = {
	.name = "subjects",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "subjects.cs",
	.get = subjects_get,
	.actions = actions,
	.nactions = sizeof(actions) / sizeof(actions[0]),
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
