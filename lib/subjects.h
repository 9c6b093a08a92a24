/*
 * subjects.h: a school's subjects (R18: class subjects, electives and
 * extracurricular activities alike, each with its own groups and
 * journals) and the scale each uses in each grade (R13).
 */
#ifndef JOURNAL_SUBJECTS_H
#define JOURNAL_SUBJECTS_H

#include <stddef.h>

#include "objects.h"

struct _hdf;
struct req;

#define GRADES			11
#define SUBJECT_NAME_MAX	150
#define SUBJECT_SHORT_MAX	30

/* One cell of the grid: subject × grade → scale (0: none). */
struct subject_cell {
	long long	 subject_id;
	int		 grade;
	long long	 scale_id;
};

/* The subject exists in the user's school: OBJ_OK, OBJ_MISSING, OBJ_ERROR. */
enum obj_res	obj_subject(const struct req *, long long subject_id);

/*
 * prefix.N.{id,name,short_name,kind,is_archived}, archived last, each with
 * Cells.G.{grade,scale,no_marks} for grades 1..11 (scale: its id, absent
 * when none; no_marks: the grade is in no_marks, bits 1 << grade).
 * Count or -1.
 */
int	db_subjects_grid(struct _hdf *, const char *prefix, long long school_id,
	    unsigned no_marks);
/* prefix.{id,name,short_name,kind,is_archived}; 1, 0 or -1. */
int	db_subject_get(struct _hdf *, const char *prefix, long long subject_id);

/* Whether kind is one of class, elective, extracurricular. */
int	subject_kind_ok(const char *kind);
/* A subject of the user's school with its audit row: 0, DB_DUPLICATE, -1. */
int	subject_create(struct req *, const char *name, const char *short_name,
	    const char *kind, long long *id);
/*
 * Change a subject of the user's school (audit old → new, none when
 * nothing changed): 0, DB_DUPLICATE (the name is taken), -1.
 */
int	subject_update(struct req *, long long id, const char *name,
	    const char *short_name, const char *kind, int archived);
/*
 * Save the cells given (others stay as they are) in the caller's
 * transaction, one audit row per changed cell with the old and the new
 * scale; *changed gets their count.  0; OBJ_MISSING when a subject or a
 * scale is not of the user's school (nothing written); -1.
 */
int	subject_scales_save(struct req *, const struct subject_cell *,
	    size_t n, int *changed);

#endif
