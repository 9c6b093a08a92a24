/*
 * workkinds.h: the school's forms of work (R19): each a mark column of a
 * lesson, with its weight in the weighted average, whether it must name
 * its topic (R20) and whether it counts in the tests schedule.  A kind
 * used by a lesson is archived, never deleted: old lessons refer to it.
 */
#ifndef JOURNAL_WORKKINDS_H
#define JOURNAL_WORKKINDS_H

#include "objects.h"

struct _hdf;
struct req;

#define WORK_NAME_MAX	100
#define WORK_SHORT_MAX	12

/* One form of work as the screen validated it; weight like "1.5". */
struct work_kind {
	const char	*name;
	const char	*short_name;
	const char	*weight;
	int		 needs_topic;
	int		 is_test;
	int		 sort;
	int		 archived;
};

/* The kind is the user's school's: OBJ_OK, OBJ_MISSING, OBJ_ERROR. */
enum obj_res	obj_work_kind(const struct req *, long long id);

/*
 * prefix.N.{id,name,short_name,weight,needs_topic,is_test,sort,
 * is_archived,used} of the school, archived last; used = lesson columns
 * of the kind.  Count or -1.
 */
int	db_work_kinds_list(struct _hdf *, const char *prefix,
	    long long school_id);
/* prefix.N.{id,name,short_name,needs_topic}: the kinds a lesson may use
 * (not archived), in order.  Count or -1. */
int	db_work_kinds_active(struct _hdf *, const char *prefix,
	    long long school_id);
/* The same for one kind as prefix.*; 1, 0, -1. */
int	db_work_kind_get(struct _hdf *, const char *prefix, long long id);

/*
 * "1,5" or "1.5" → "1.5" in buf (one decimal, 0.1..10): 0, or -1 when it
 * is not such a number.
 */
int	work_weight_parse(const char *s, char *buf, size_t size);

/* Create with an audit row: 0, DB_DUPLICATE (name taken), -1. */
int	work_kind_create(struct req *, const struct work_kind *, long long *id);
/* Change (audit old → new; none when unchanged): 0, DB_DUPLICATE, -1. */
int	work_kind_update(struct req *, long long id, const struct work_kind *);
/* Delete an unused kind: 0; 1 when a lesson uses it (archive it); -1. */
int	work_kind_delete(struct req *, long long id);

#endif
