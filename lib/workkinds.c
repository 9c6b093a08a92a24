/*
 * workkinds.c: the school's forms of work and their weights (R19).  The
 * list counts the lesson columns of each kind in the same query, so the
 * page shows which kinds may still be deleted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "db.h"
#include "screen.h"
#include "workkinds.h"

DB_STMT(q_work_kind_in_school,
    "SELECT 1 FROM work_kind WHERE id = ? AND school_id = ?");
#define WORK_COLS \
    "w.id, w.name, w.short_name, w.weight, w.needs_topic, w.is_test," \
    " w.sort, w.is_archived, REPLACE(w.weight, '.', ',') AS weight_ru," \
    " (SELECT COUNT(*) FROM lesson_work lw" \
    " WHERE lw.work_kind_id = w.id) AS used"
DB_STMT(q_work_kinds_list,
    "SELECT " WORK_COLS " FROM work_kind w WHERE w.school_id = ?"
    " ORDER BY w.is_archived, w.sort, w.name");
DB_STMT(q_work_kind_get,
    "SELECT " WORK_COLS " FROM work_kind w WHERE w.id = ?");
DB_STMT(q_work_kind_insert,
    "INSERT INTO work_kind (school_id, name, short_name, weight,"
    " needs_topic, is_test, sort, is_archived)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
DB_STMT(q_work_kind_lock,
    "SELECT name, short_name, weight, needs_topic, is_test, sort,"
    " is_archived, (SELECT COUNT(*) FROM lesson_work lw"
    " WHERE lw.work_kind_id = w.id)"
    " FROM work_kind w WHERE id = ? AND school_id = ? FOR UPDATE");
DB_STMT(q_work_kind_update,
    "UPDATE work_kind SET name = ?, short_name = ?, weight = ?,"
    " needs_topic = ?, is_test = ?, sort = ?, is_archived = ?"
    " WHERE id = ? AND school_id = ?");
DB_STMT(q_work_kind_delete,
    "DELETE FROM work_kind WHERE id = ? AND school_id = ?"
    " AND NOT EXISTS (SELECT 1 FROM lesson_work lw WHERE lw.work_kind_id = ?)");

enum obj_res
obj_work_kind(const struct req *r, long long id)
{
	int	 rc;

	if (db_query(&q_work_kind_in_school, "ll", id, r->sess.school_id) ==
	    -1 || (rc = db_next(&q_work_kind_in_school)) == -1)
		return OBJ_ERROR;
	db_done(&q_work_kind_in_school);
	return rc == 1 ? OBJ_OK : OBJ_MISSING;
}

int
db_work_kinds_list(HDF *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_work_kinds_list, "l", school_id);
}

/* The forms a lesson may use: not archived, in the school's order. */
DB_STMT(q_work_kinds_active,
    "SELECT id, name, short_name, needs_topic FROM work_kind"
    " WHERE school_id = ? AND is_archived = 0 ORDER BY sort, name");

int
db_work_kinds_active(HDF *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_work_kinds_active, "l", school_id);
}

int
db_work_kind_get(HDF *hdf, const char *prefix, long long id)
{
	return db_row_hdf(hdf, prefix, &q_work_kind_get, "l", id);
}

int
work_weight_parse(const char *s, char *buf, size_t size)
{
	int	 t;

	if ((t = tenths_parse(s, 1, 100)) == -1)
		return -1;
	snprintf(buf, size, "%d.%d", t / 10, t % 10);
	return 0;
}

/* How a kind reads in the audit. */
static const char *
describe(struct req *r, const char *name, const char *short_name,
    const char *weight, int needs_topic, int is_test, int sort, int archived)
{
	return arena_printf(&r->arena, "%s (%s; вес %s%s%s; порядок %d%s)",
	    name, short_name, weight, needs_topic ? "; с темой" : "",
	    is_test ? "; контрольная" : "", sort, archived ? "; в архиве" : "");
}

int
work_kind_create(struct req *r, const struct work_kind *k, long long *id)
{
	long long	 rc;

	if ((rc = db_exec(&q_work_kind_insert, "lsssdddd", r->sess.school_id,
	    k->name, k->short_name, k->weight, k->needs_topic, k->is_test,
	    k->sort, k->archived)) != 1)
		return rc == DB_DUPLICATE ? DB_DUPLICATE : -1;
	*id = (long long)db_last_id();
	return audit_add(r, "work_kind_create", "work_kind", *id, NULL,
	    describe(r, k->name, k->short_name, k->weight, k->needs_topic,
	    k->is_test, k->sort, k->archived));
}

int
work_kind_update(struct req *r, long long id, const struct work_kind *k)
{
	const char	*old, *new;
	char		 w[16];
	long long	 rc;

	if (db_query(&q_work_kind_lock, "ll", id, r->sess.school_id) == -1 ||
	    db_next(&q_work_kind_lock) != 1)
		return -1;
	/* DECIMAL(3,1) comes back as "1.5", as work_weight_parse writes. */
	snprintf(w, sizeof(w), "%s", db_str(&q_work_kind_lock, 2));
	old = describe(r, db_str(&q_work_kind_lock, 0),
	    db_str(&q_work_kind_lock, 1), w,
	    (int)db_int(&q_work_kind_lock, 3), (int)db_int(&q_work_kind_lock, 4),
	    (int)db_int(&q_work_kind_lock, 5), (int)db_int(&q_work_kind_lock, 6));
	db_done(&q_work_kind_lock);
	new = describe(r, k->name, k->short_name, k->weight, k->needs_topic,
	    k->is_test, k->sort, k->archived);
	if (strcmp(old, new) == 0)
		return 0;
	if ((rc = db_exec(&q_work_kind_update, "sssddddll", k->name,
	    k->short_name, k->weight, k->needs_topic, k->is_test, k->sort,
	    k->archived, id, r->sess.school_id)) < 0)
		return rc == DB_DUPLICATE ? DB_DUPLICATE : -1;
	return audit_add(r, "work_kind_update", "work_kind", id, old, new);
}

int
work_kind_delete(struct req *r, long long id)
{
	const char	*old;
	long long	 rc;

	if (db_query(&q_work_kind_lock, "ll", id, r->sess.school_id) == -1 ||
	    db_next(&q_work_kind_lock) != 1)
		return -1;
	old = describe(r, db_str(&q_work_kind_lock, 0),
	    db_str(&q_work_kind_lock, 1), db_str(&q_work_kind_lock, 2),
	    (int)db_int(&q_work_kind_lock, 3), (int)db_int(&q_work_kind_lock, 4),
	    (int)db_int(&q_work_kind_lock, 5), (int)db_int(&q_work_kind_lock, 6));
	rc = db_int(&q_work_kind_lock, 7);
	db_done(&q_work_kind_lock);
	if (rc > 0)
		return 1;
	if ((rc = db_exec(&q_work_kind_delete, "lll", id, r->sess.school_id,
	    id)) < 0)
		return -1;
	if (rc == 0)
		return 1;
	return audit_add(r, "work_kind_delete", "work_kind", id, old, NULL);
}
