/*
 * scales.h: grading scales (R13).  A scale is a list of values; a mark
 * stores a value's code.  Each school has copies of the built-in scales
 * (five-point, pass/fail, ten-point; defined once, in the migration's
 * scale_builtin tables) and may define its own.  The «+»/«−» values of the
 * five-point scale are always stored and shown only when the school's
 * setting five_point_plus_minus is on.
 */
#ifndef JOURNAL_SCALES_H
#define JOURNAL_SCALES_H

#include <stddef.h>

#include "objects.h"

struct _hdf;
struct arena;
struct req;

#define SCALE_VALUES_MAX	20
#define SCALE_CODE_MAX		8	/* characters */
#define SCALE_NAME_MAX		100
#define SCALE_VALUE_NAME_MAX	50

/* One value of a new scale, as parsed from the form. */
struct scale_value_in {
	const char	*code;
	const char	*name;
	const char	*num;		/* "4.5"; NULL: not averaged */
	int		 is_pass;
};

/* The scale exists in the user's school: OBJ_OK, OBJ_MISSING, OBJ_ERROR. */
enum obj_res	obj_scale(const struct req *, long long scale_id);

/*
 * prefix.N.{id,name,kind,is_builtin,used} (used: subject and grade cells
 * using it), each with Values.M.{code,name,num,is_pass,is_plus_minus},
 * best first; the «+»/«−» values only when plus_minus.  Count or -1.
 */
int	db_scales_list(struct _hdf *, const char *prefix, long long school_id,
	    int plus_minus);
/* One scale as above plus Usage.N.{subject,grades}; 1, 0 or -1. */
int	db_scale_get(struct _hdf *, const char *prefix, long long scale_id,
	    int plus_minus);
/* prefix.N.{id,name,kind} of the school's scales, to choose one; or -1. */
int	db_scales_names(struct _hdf *, const char *prefix, long long school_id);

/* How many built-in scales the school lacks, or -1. */
int	scales_builtin_missing(long long school_id);
/*
 * Give the user's school the built-in scales it lacks, with an audit row.
 * 0; DB_DUPLICATE when one of its own scales has a built-in's name; -1.
 */
int	scales_builtin_create(struct req *);

/*
 * Parse the lines "код;название;число;зачёт" of a new scale (empty lines
 * skipped) into out[max].  The value count (2..max), or -1 with *err a
 * Russian message (in the arena) naming every line that is wrong.
 */
int	scale_values_parse(struct arena *, const char *text,
	    struct scale_value_in *out, size_t max, const char **err);
/*
 * A custom scale of the user's school with its values and an audit row;
 * *id gets its id.  0, DB_DUPLICATE (the school has a scale of that name)
 * or -1.
 */
int	scale_create(struct req *, const char *name,
	    const struct scale_value_in *, size_t n, long long *id);

enum scale_delete_res {
	SCALE_DELETED,
	SCALE_IS_BUILTIN,
	SCALE_IN_USE,
	SCALE_DELETE_FAILED
};
/* Delete a custom, unused scale (checked here, under a row lock). */
enum scale_delete_res	scale_delete(struct req *, long long scale_id);


#endif
