/*
 * subjects.c: subjects and their grid of scales per grade.  The grid is
 * two queries (subjects, then every cell of the school) nested in C; a
 * save loads the school's subjects, scales and cells once, checks every
 * cell against them, then writes only what changed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "db.h"
#include "screen.h"
#include "subjects.h"

DB_STMT(q_subject_in_school,
    "SELECT 1 FROM subject WHERE id = ? AND school_id = ?");
/* Class subjects first, in the order they were entered (the curriculum's). */
DB_STMT(q_subjects_list,
    "SELECT id, name, short_name, kind, is_archived FROM subject"
    " WHERE school_id = ? ORDER BY is_archived, kind, id");
DB_STMT(q_subject_cells,
    "SELECT subject_id, grade, scale_id FROM subject_scale"
    " WHERE school_id = ?");
DB_STMT(q_subject_get,
    "SELECT id, name, short_name, kind, is_archived FROM subject"
    " WHERE id = ?");
DB_STMT(q_subject_insert,
    "INSERT INTO subject (school_id, name, short_name, kind)"
    " VALUES (?, ?, ?, ?)");
DB_STMT(q_subject_lock,
    "SELECT name, short_name, kind, is_archived FROM subject"
    " WHERE id = ? AND school_id = ? FOR UPDATE");
DB_STMT(q_subject_update,
    "UPDATE subject SET name = ?, short_name = ?, kind = ?, is_archived = ?"
    " WHERE id = ? AND school_id = ?");

DB_STMT(q_save_subjects,
    "SELECT id FROM subject WHERE school_id = ?");
DB_STMT(q_save_scales,
    "SELECT id, name FROM scale WHERE school_id = ?");
/* Locked: two saves of the grid at once apply one after the other. */
DB_STMT(q_save_cells,
    "SELECT subject_id, grade, scale_id FROM subject_scale"
    " WHERE school_id = ? FOR UPDATE");
DB_STMT(q_cell_put,
    "INSERT INTO subject_scale (school_id, subject_id, grade, scale_id)"
    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE scale_id = VALUES(scale_id)");
DB_STMT(q_cell_delete,
    "DELETE FROM subject_scale WHERE subject_id = ? AND grade = ?");

enum obj_res
obj_subject(const struct req *r, long long subject_id)
{
	int	 rc;

	if (db_query(&q_subject_in_school, "ll", subject_id,
	    r->sess.school_id) == -1 ||
	    (rc = db_next(&q_subject_in_school)) == -1)
		return OBJ_ERROR;
	db_done(&q_subject_in_school);
	return rc == 1 ? OBJ_OK : OBJ_MISSING;
}

/* An id with something attached: a row number, a name, a scale. */
struct pair {
	long long	 id;
	long long	 val;
	const char	*name;
};

static int
pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static struct pair *
pair_find(struct pair *v, size_t n, long long id)
{
	struct pair	 key = { .id = id };

	return n == 0 ? NULL : bsearch(&key, v, n, sizeof(*v), pair_cmp);
}

static void
pair_add(struct pair **v, size_t *n, size_t *cap, long long id,
    long long val, const char *name)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		if ((*v = realloc(*v, *cap * sizeof(**v))) == NULL)
			abort();
	}
	(*v)[*n].id = id;
	(*v)[*n].val = val;
	(*v)[*n].name = name;
	(*n)++;
}

/* A cell as one key: subject and grade. */
#define CELL_KEY(s, g)	((s) * 16 + (g))

int
db_subjects_grid(HDF *hdf, const char *prefix, long long school_id,
    unsigned no_marks)
{
	struct pair	*rows = NULL, *hit;
	size_t		 n = 0, cap = 0;
	char		 name[128];
	int		 rc, g, ret = -1;

	if (db_query(&q_subjects_list, "l", school_id) == -1)
		return -1;
	while ((rc = db_next(&q_subjects_list)) == 1) {
		snprintf(name, sizeof(name), "%s.%zu", prefix, n);
		db_row_to_hdf(hdf, name, &q_subjects_list);
		for (g = 1; g <= GRADES; g++) {
			snprintf(name, sizeof(name), "%s.%zu.Cells.%d.grade",
			    prefix, n, g);
			hdf_set_int_value(hdf, name, g);
			if (no_marks & 1u << g) {
				snprintf(name, sizeof(name),
				    "%s.%zu.Cells.%d.no_marks", prefix, n, g);
				hdf_set_value(hdf, name, "1");
			}
		}
		pair_add(&rows, &n, &cap, db_int(&q_subjects_list, 0),
		    (long long)n, NULL);
	}
	if (rc == -1 || db_query(&q_subject_cells, "l", school_id) == -1)
		goto out;
	if (n > 0)
		qsort(rows, n, sizeof(*rows), pair_cmp);
	while ((rc = db_next(&q_subject_cells)) == 1) {
		g = (int)db_int(&q_subject_cells, 1);
		if ((hit = pair_find(rows, n, db_int(&q_subject_cells, 0))) ==
		    NULL || g < 1 || g > GRADES)
			continue;
		snprintf(name, sizeof(name), "%s.%lld.Cells.%d.scale", prefix,
		    hit->val, g);
		hdf_set_value(hdf, name, db_str(&q_subject_cells, 2));
	}
	if (rc != -1)
		ret = (int)n;
out:
	free(rows);
	return ret;
}

int
db_subject_get(HDF *hdf, const char *prefix, long long subject_id)
{
	return db_row_hdf(hdf, prefix, &q_subject_get, "l", subject_id);
}

int
subject_kind_ok(const char *kind)
{
	return kind != NULL && (strcmp(kind, "class") == 0 ||
	    strcmp(kind, "elective") == 0 ||
	    strcmp(kind, "extracurricular") == 0);
}

int
subject_create(struct req *r, const char *name, const char *short_name,
    const char *kind, long long *id)
{
	long long	 rc;

	if ((rc = db_exec(&q_subject_insert, "lsss", r->sess.school_id, name,
	    short_name, kind)) != 1)
		return rc == DB_DUPLICATE ? DB_DUPLICATE : -1;
	*id = (long long)db_last_id();
	return audit_add(r, "subject_create", "subject", *id, NULL,
	    arena_printf(&r->arena, "%s (%s; %s)", name, short_name, kind));
}

int
subject_update(struct req *r, long long id, const char *name,
    const char *short_name, const char *kind, int archived)
{
	const char	*old, *new;
	long long	 rc;

	if (db_query(&q_subject_lock, "ll", id, r->sess.school_id) == -1 ||
	    db_next(&q_subject_lock) != 1)
		return -1;
	old = arena_printf(&r->arena, "%s (%s; %s%s)",
	    db_str(&q_subject_lock, 0), db_str(&q_subject_lock, 1),
	    db_str(&q_subject_lock, 2),
	    db_int(&q_subject_lock, 3) ? "; в архиве" : "");
	db_done(&q_subject_lock);
	new = arena_printf(&r->arena, "%s (%s; %s%s)", name, short_name, kind,
	    archived ? "; в архиве" : "");
	if (strcmp(old, new) == 0)
		return 0;
	if ((rc = db_exec(&q_subject_update, "sssdll", name, short_name, kind,
	    archived ? 1 : 0, id, r->sess.school_id)) < 0)
		return rc == DB_DUPLICATE ? DB_DUPLICATE : -1;
	return audit_add(r, "subject_update", "subject", id, old, new);
}

/* "7 класс: Пятибалльная", or NULL for no scale. */
static const char *
cell_text(struct req *r, int grade, struct pair *scales, size_t nscales,
    long long scale_id)
{
	struct pair	*s;

	if (scale_id == 0)
		return NULL;
	s = pair_find(scales, nscales, scale_id);
	return arena_printf(&r->arena, "%d класс: %s", grade,
	    s != NULL ? s->name : "?");
}

int
subject_scales_save(struct req *r, const struct subject_cell *cells,
    size_t n, int *changed)
{
	struct pair	*subj = NULL, *scales = NULL, *cur = NULL, *hit;
	size_t		 nsubj = 0, csubj = 0, nscales = 0, cscales = 0;
	size_t		 ncur = 0, ccur = 0, i;
	long long	 school = r->sess.school_id, old;
	int		 rc, ret = -1;

	*changed = 0;
	if (db_query(&q_save_subjects, "l", school) == -1)
		goto out;
	while ((rc = db_next(&q_save_subjects)) == 1)
		pair_add(&subj, &nsubj, &csubj, db_int(&q_save_subjects, 0), 0,
		    NULL);
	if (rc == -1 || db_query(&q_save_scales, "l", school) == -1)
		goto out;
	while ((rc = db_next(&q_save_scales)) == 1)
		pair_add(&scales, &nscales, &cscales,
		    db_int(&q_save_scales, 0), 0, arena_strdup(&r->arena,
		    db_str(&q_save_scales, 1)));
	if (rc == -1 || db_query(&q_save_cells, "l", school) == -1)
		goto out;
	while ((rc = db_next(&q_save_cells)) == 1)
		pair_add(&cur, &ncur, &ccur,
		    CELL_KEY(db_int(&q_save_cells, 0), db_int(&q_save_cells, 1)),
		    db_int(&q_save_cells, 2), NULL);
	if (rc == -1)
		goto out;
	if (nsubj > 0)
		qsort(subj, nsubj, sizeof(*subj), pair_cmp);
	if (nscales > 0)
		qsort(scales, nscales, sizeof(*scales), pair_cmp);
	if (ncur > 0)
		qsort(cur, ncur, sizeof(*cur), pair_cmp);

	/* Every cell is checked before anything is written. */
	for (i = 0; i < n; i++)
		if (pair_find(subj, nsubj, cells[i].subject_id) == NULL ||
		    (cells[i].scale_id != 0 && pair_find(scales, nscales,
		    cells[i].scale_id) == NULL)) {
			ret = OBJ_MISSING;
			goto out;
		}
	for (i = 0; i < n; i++) {
		hit = pair_find(cur, ncur, CELL_KEY(cells[i].subject_id,
		    cells[i].grade));
		old = hit != NULL ? hit->val : 0;
		if (old == cells[i].scale_id)
			continue;
		if (cells[i].scale_id == 0)
			rc = db_exec(&q_cell_delete, "ld", cells[i].subject_id,
			    cells[i].grade) == 1 ? 0 : -1;
		else
			rc = db_exec(&q_cell_put, "lldl", school,
			    cells[i].subject_id, cells[i].grade,
			    cells[i].scale_id) < 0 ? -1 : 0;
		if (rc == -1 || audit_add(r, "subject_scale", "subject",
		    cells[i].subject_id, cell_text(r, cells[i].grade, scales,
		    nscales, old), cell_text(r, cells[i].grade, scales,
		    nscales, cells[i].scale_id)) == -1)
			goto out;
		(*changed)++;
	}
	ret = 0;
out:
	free(subj);
	free(scales);
	free(cur);
	return ret;
}
