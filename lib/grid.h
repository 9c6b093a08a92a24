/*
 * grid.h: the journal grid (students × lesson columns) and its cells:
 * marks and «н» (R21), the rules on every write (R23, R24, the scale),
 * the teacher's remarks (R23, R25, R27) and the management's unlock.
 *
 * A cell is (a form of work of a lesson, a student).  Its value is the
 * mark's code, else «н» when the student missed the lesson, else "".
 * «н» in any column of a lesson records the absence for the lesson (and
 * clears that cell's mark); a mark in a cell clears the lesson's absence
 * (a student with a mark was there); "" clears the cell's mark, or the
 * absence when the cell showed «н».
 *
 * A mark or an absence may carry the teacher's short comment (R32, R38),
 * which the family reads beside it in the diary.
 *
 * Concurrency: the client sends the value it last saw (old), and with a
 * comment the comment it last saw.  When the cell holds something else
 * now, nothing is written and the answer is CELL_CONFLICT with the
 * current value: no silent lost update.
 */
#ifndef JOURNAL_GRID_H
#define JOURNAL_GRID_H

#include <stddef.h>

struct req;

/*
 * Load the journal of group × subject for period_id (0: the period of
 * the group's grade that contains today, else the last begun) into
 * Journal, Periods, Students.N.{id,name,avg,wavg,C.M} (C.M the value of
 * column M: a code, «н» or ""), Cols.M.{work,lesson,short,name,date,
 * first,span}, C.M.cm the comment of the cell's mark or absence (when
 * there is one), Lessons, Notes and MarkNotes, in a number of statements
 * that does not grow with the students or lessons.  With JOURNAL_MARK_IDS, C.M.m is the id of the cell's mark.
 * entry (0: none) is a lesson of the period to enter as one form:
 * Journal.entry{,_date} and C.M.w, the form of work, on its columns.
 * 200, 404, 500.
 */
#define JOURNAL_MARK_IDS	0x01
/*
 * With JOURNAL_TODAY_FORM (a writer), Today.N.{day,num,lesson,topic,
 * homework,focus} are today's lessons of the timetable, entered or not:
 * a new one proposes the plan's next topic (one statement more), focus
 * marks the first without homework.
 */
#define JOURNAL_TODAY_FORM	0x02
int	journal_load(struct req *, long long group_id, long long subject_id,
	    long long period_id, unsigned flags, long long entry);

enum cell_res {
	CELL_OK,
	CELL_CONFLICT,		/* 409: *current holds the value now */
	CELL_REFUSED,		/* 400: *msg says why, in Russian */
	CELL_DENIED,		/* 403 */
	CELL_MISSING,		/* 404 */
	CELL_ERROR		/* 500 */
};

/* A comment on a mark or an absence: at most this many characters. */
#define CELL_COMMENT_MAX	200

/* One cell to write, as the client sends it. */
struct cell_in {
	long long	 work_id, student_id;
	const char	*value;		/* "" clears, «н» absent, else a code */
	const char	*old;		/* the value the client last saw */
	const char	*comment;	/* NULL: leave it; "" clears it */
	const char	*comment_old;	/* the comment the client last saw */
};

/* The cell after the write (or as it is, on a conflict), and why not. */
struct cell_out {
	const char	*value, *comment;
	const char	*msg;		/* Russian, or NULL */
	long long	 work_id;	/* a column made for it, else 0 */
	long long	 lesson_id;	/* ... and its lesson */
};

/*
 * Write one cell: its value and, when sent, the comment of the mark or
 * absence it then holds (a cleared cell takes no comment).  Runs the
 * object check for the lesson's date and every rule (a mark's comment
 * has the mark's edit window); writes an audit row per change (value,
 * comment).  group_id and subject_id are the journal the request came
 * from: a work of another journal is CELL_MISSING.
 */
enum cell_res	cell_write(struct req *, long long group_id,
		    long long subject_id, const struct cell_in *,
		    struct cell_out *);

/* NULL when s is a valid comment, else the Russian reason. */
const char	*cell_comment_check(const char *s);

/*
 * Undo the cells written so far by this request (a column refused as a
 * whole) and open a new transaction, so that the journal shown with the
 * error reads what is stored.  0, or -1 when the database is away.
 */
int	cell_writes_undo(void);

/*
 * prefix.{id,code,student,group_id,subject_id,date,work,set_at,
 * unlocked_until,locked} of a mark of the user's school, and its journal
 * typed in *out.  1, 0, -1.
 */
struct mark_head {
	long long	 id;
	long long	 group_id;
	long long	 subject_id;
	int		 locked;	/* outside the edit window (R23) */
};
int	db_mark_get(struct req *, const char *prefix, long long mark_id,
	    struct mark_head *out);
/* Open a mark for correction for a day, with the reason audited.  0, -1. */
int	mark_unlock(struct req *, long long mark_id, const char *reason);

#endif
