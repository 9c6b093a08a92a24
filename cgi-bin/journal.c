/*
 * journal: the teachers' journal of a group in a subject for a period
 * (R19-R25): students down, lesson columns across (one per form of work),
 * marks and «н», averages; the lessons with topics and homework; the
 * remarks.  Who may write (the teacher, a substitute on the day) gets
 * the cells to type into (journal.js makes them inputs); readers
 * (management, inspector, the class teacher) do not.  ?lesson= shows that
 * lesson's columns as one form, for entry without JavaScript.
 *
 * POST writes cells: one cell at a time from journal.js (ajax=1: a small
 * answer the script reads), or a whole lesson from the entry form, in one
 * transaction.  Every cell carries the value the client last saw; a cell
 * changed meanwhile answers 409 with its current value (see lib/grid.h).
 * A cell's comment (R32, R38) travels with it: comment_set=1 with comment
 * and comment_old from journal.js, cm and cmo beside each cell of the
 * entry form.
 *
 * The timetable's lessons not entered yet are greyed columns (R19, R30):
 * a cell typed into one carries its day and number instead of a form of
 * work, and the lesson is made with it (the timetable's number, the plan's
 * next topic, R29) in the cell's transaction; the answer names the new
 * column.  Today's lessons have a small form above the grid for the topic
 * and homework (head=1), which makes the lesson too when it is not there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen.h"
#include "lesson.h"
#include "grid.h"
#include "objects.h"
#include "scales.h"

enum { K_GROUP, K_SUBJECT, K_PERIOD, K_WORK, K_STUDENT, K_VALUE, K_OLD,
    K_AJAX, K_LESSON, K_CELL, K_V, K_COMMENT, K_COMMENT_OLD, K_COMMENT_SET,
    K_CM, K_CMO, K_DAY, K_NUMBER, K_HEAD, K_TOPIC, K_HOMEWORK, K__MAX };

/* A cell's value: a mark code or «н», up to 8 characters. */
static const char *
v_cell(struct field *f)
{
	if (utf8_len(f->raw) > 8)
		return "Отметка: не длиннее 8 символов.";
	f->str = f->raw;
	return NULL;
}

/* A comment on a mark or an absence: one short line. */
static const char *
v_comment(struct field *f)
{
	const char	*e;

	if ((e = cell_comment_check(f->raw)) != NULL)
		return e;
	f->str = f->raw;
	return NULL;
}

static const struct key keys[K__MAX] = {
	[K_GROUP] =	{ "group", v_id, 0 },
	[K_SUBJECT] =	{ "subject", v_id, 0 },
	[K_PERIOD] =	{ "period", v_id, 0 },
	[K_WORK] =	{ "work", v_id, 0 },
	[K_STUDENT] =	{ "student", v_id, 0 },
	[K_VALUE] =	{ "value", v_cell, 0 },
	[K_OLD] =	{ "old", v_cell, 0 },
	[K_AJAX] =	{ "ajax", v_flag, 0 },
	[K_LESSON] =	{ "lesson", v_id, 0 },
	[K_CELL] =	{ "cell", v_line, KEY_MULTI },
	[K_V] =		{ "v", v_cell, KEY_MULTI },
	[K_COMMENT] =	{ "comment", v_comment, 0 },
	[K_COMMENT_OLD] = { "comment_old", v_line, 0 },
	[K_COMMENT_SET] = { "comment_set", v_flag, 0 },
	[K_CM] =	{ "cm", v_comment, KEY_MULTI },
	[K_CMO] =	{ "cmo", v_line, KEY_MULTI },
	[K_DAY] =	{ "day", v_date, 0 },
	[K_NUMBER] =	{ "number", v_int, 0 },
	[K_HEAD] =	{ "head", v_flag, 0 },
	[K_TOPIC] =	{ "topic", v_line, 0 },
	[K_HOMEWORK] =	{ "homework", v_text, 0 },
};

/*
 * The page, as the user may see it: inputs for whoever writes today's
 * lessons (each write checks its own day), unlock links for the
 * management, the lesson entry (0: none) as one form.
 */
static int
page(struct req *r, long long group, long long subject, long long entry)
{
	enum obj_res	 ok, write;
	int		 can_write, can_unlock, rc;

	if ((ok = obj_journal_open(r, group, subject, &write)) != OBJ_OK)
		return (int)ok;
	if (write == OBJ_ERROR)
		return 500;
	can_write = write == OBJ_OK && (r->sess.roles & ROLE_TEACHER);
	can_unlock = (r->sess.roles & ROLE_MANAGEMENT) != 0;
	if ((rc = journal_load(r, group, subject, req_str(r, K_PERIOD) ?
	    r->fields[K_PERIOD].num : 0, (can_unlock ? JOURNAL_MARK_IDS : 0) |
	    (can_write && entry == 0 ? JOURNAL_TODAY_FORM : 0),
	    can_write ? entry : 0)) != 200)
		return rc;
	if (can_write)
		req_set(r, "Page.CanWrite", "1");
	if (can_unlock)
		req_set(r, "Page.CanUnlock", "1");
	return 200;
}

/*
 * /journal with no group and subject (a bookmark, a typed address): the
 * user's journals, the lists /home shows, instead of a bare 400; a role
 * with no journals of its own (the management, an inspector) is told
 * where journals are opened.
 */
static int
journal_list(struct req *r)
{
	const struct session	*s = &r->sess;

	r->template = "journal_list.cs";
	req_set(r, "Page.Title", "Мои журналы");
	if ((s->roles & ROLE_TEACHER) && db_journals_by_teacher(r->hdf,
	    "MyJournals", s->school_id, s->person_id) == -1)
		return 500;
	if ((s->roles & ROLE_CLASS_TEACHER) && db_journals_by_class_teacher(
	    r->hdf, "ClassJournals", s->school_id, s->person_id) == -1)
		return 500;
	if (s->roles & ROLE_TEACHER)
		req_set(r, "Page.Teacher", "1");
	if (s->roles & (ROLE_ADMIN | ROLE_MANAGEMENT))
		req_set(r, "Page.Check", "1");
	return 200;
}

static int
journal_get(struct req *r)
{
	if (req_str(r, K_GROUP) == NULL && req_str(r, K_SUBJECT) == NULL &&
	    req_str(r, K_LESSON) == NULL)
		return journal_list(r);
	if (req_str(r, K_GROUP) == NULL || req_str(r, K_SUBJECT) == NULL)
		return 400;
	return page(r, r->fields[K_GROUP].num, r->fields[K_SUBJECT].num,
	    req_str(r, K_LESSON) ? r->fields[K_LESSON].num : 0);
}

static int
status_of(enum cell_res c)
{
	switch (c) {
	case CELL_OK:		return 200;
	case CELL_CONFLICT:	return 409;
	case CELL_REFUSED:	return 400;
	case CELL_DENIED:	return 403;
	case CELL_MISSING:	return 404;
	default:		return 500;
	}
}

/* The answer journal.js reads: a one-line fragment. */
static int
cell_answer(struct req *r, enum cell_res c, const struct cell_out *out)
{
	int	 st = status_of(c);

	if (st == 403 || st == 404 || st == 500)
		return st;
	r->template = "journal_cell.cs";
	req_set(r, "Cell.state", c == CELL_OK ? "saved" : c == CELL_CONFLICT ?
	    "conflict" : "failed");
	req_set(r, "Cell.value", out->value);
	req_set(r, "Cell.comment", out->comment);
	if (out->work_id != 0 && c == CELL_OK) {
		req_setf(r, "Cell.work", "%lld", out->work_id);
		req_setf(r, "Cell.lesson", "%lld", out->lesson_id);
	}
	if (out->msg != NULL)
		req_set(r, "Cell.message", out->msg);
	return st == 200 ? 200 : SCREEN_FORM(st);
}

/*
 * The lesson of a greyed column (day and number of the timetable), made
 * when not there (lesson_ensure): its first column into *work.  200, or
 * a status; *msg says why a slot is refused.
 */
static int
slot_lesson(struct req *r, long long group, long long subject,
    long long *lesson, long long *work, const char **msg)
{
	const char	*day = req_str(r, K_DAY);
	enum obj_res	 ok;
	int		 created;

	*msg = NULL;
	if (day == NULL || req_str(r, K_NUMBER) == NULL)
		return 400;
	if ((ok = obj_journal_write(r, group, subject, day)) != OBJ_OK)
		return (int)ok;
	if ((*lesson = lesson_ensure(r, group, subject, day,
	    (int)r->fields[K_NUMBER].num, work, &created)) == -1)
		return 500;
	if (*lesson == 0) {
		*msg = "Такого урока в расписании в этот день нет, или день"
		    " ещё не наступил: обновите страницу.";
		return SCREEN_FORM(400);
	}
	return 200;
}

/* One cell from journal.js, with its comment when comment_set=1. */
static int
post_cell(struct req *r, long long group, long long subject)
{
	struct cell_in	 in;
	struct cell_out	 out;
	long long	 lesson = 0, work = 0;
	enum cell_res	 c;
	int		 st;

	if (req_str(r, K_STUDENT) == NULL)
		return 400;
	if (req_str(r, K_WORK) == NULL && req_str(r, K_DAY) == NULL)
		return 400;
	if (r->fields[K_VALUE].error != NULL ||
	    r->fields[K_COMMENT_OLD].error != NULL)
		return 400;
	memset(&in, 0, sizeof(in));
	memset(&out, 0, sizeof(out));
	in.student_id = r->fields[K_STUDENT].num;
	in.value = req_str(r, K_VALUE);
	in.old = req_str(r, K_OLD);
	if (req_str(r, K_COMMENT_SET) != NULL &&
	    r->fields[K_COMMENT_SET].num == 1) {
		/* An empty comment is not sent: it clears the comment. */
		if (r->fields[K_COMMENT].error != NULL) {
			memset(&out, 0, sizeof(out));
			out.value = req_str(r, K_OLD) ? req_str(r, K_OLD) : "";
			out.comment = req_str(r, K_COMMENT_OLD) ?
			    req_str(r, K_COMMENT_OLD) : "";
			out.msg = r->fields[K_COMMENT].error;
			return cell_answer(r, CELL_REFUSED, &out);
		}
		in.comment = req_str(r, K_COMMENT) ? req_str(r, K_COMMENT) : "";
		in.comment_old = req_str(r, K_COMMENT_OLD);
	}
	if (req_str(r, K_WORK) != NULL)
		in.work_id = r->fields[K_WORK].num;
	else if (in.value == NULL && (in.comment == NULL || *in.comment == 0))
		/* Nothing typed into a lesson not entered: none is made. */
		return cell_answer(r, CELL_OK, &out);
	else {
		/* A greyed column: its lesson first, in this transaction,
		 * so that a refused value leaves no lesson behind. */
		if ((st = slot_lesson(r, group, subject, &lesson, &work,
		    &out.msg)) != 200) {
			if (out.msg == NULL)
				return st;
			out.value = out.comment = "";
			return cell_answer(r, CELL_REFUSED, &out);
		}
		in.work_id = work;
	}
	c = cell_write(r, group, subject, &in, &out);
	out.work_id = work;
	out.lesson_id = lesson;
	return cell_answer(r, c, &out);
}

/*
 * Today's lesson form (head=1): the topic and homework of the lesson of
 * a timetable slot, made when not there.  journal.js sends it with ajax=1
 * and reads the fragment; without it the journal is shown again.
 */
static int
post_head(struct req *r, long long group, long long subject)
{
	struct cell_out	 out;
	const char	*topic = req_str(r, K_TOPIC), *msg = NULL;
	long long	 lesson, work;
	int		 ajax, st, rc;

	ajax = req_str(r, K_AJAX) != NULL && r->fields[K_AJAX].num == 1;
	if (r->fields[K_TOPIC].error != NULL)
		msg = "Тема: одна строка, не длиннее 255 символов.";
	else if (topic == NULL)
		msg = "Укажите тему урока.";
	else if (r->fields[K_HOMEWORK].error != NULL)
		msg = "Домашнее задание: не длиннее 1000 символов.";
	else if ((st = slot_lesson(r, group, subject, &lesson, &work,
	    &msg)) != 200 && msg == NULL)
		return st;
	else if (msg == NULL) {
		if ((rc = lesson_head_save(r, lesson, topic,
		    req_str(r, K_HOMEWORK) ? req_str(r, K_HOMEWORK) : "",
		    &msg)) == -1)
			return 500;
	}
	if (!ajax && msg == NULL)
		return req_redirect(r, arena_printf(&r->arena,
		    "/journal?group=%lld&subject=%lld%s%s", group, subject,
		    req_str(r, K_PERIOD) ? "&period=" : "",
		    req_str(r, K_PERIOD) ? req_str(r, K_PERIOD) : ""));
	if (!ajax) {
		if (cell_writes_undo() == -1)
			return 503;
		req_set(r, "Page.Error", msg);
		st = page(r, group, subject, 0);
		return st == 200 ? SCREEN_FORM(400) : st;
	}
	memset(&out, 0, sizeof(out));
	out.value = out.comment = "";
	out.msg = msg;
	out.work_id = msg == NULL ? work : 0;
	out.lesson_id = msg == NULL ? lesson : 0;
	return cell_answer(r, msg == NULL ? CELL_OK : CELL_REFUSED, &out);
}

/* A value of a KEY_MULTI list without its surrounding spaces. */
static char *
trimmed(struct req *r, const struct kv *v)
{
	char	*s = arena_strndup(&r->arena, v->val, v->vlen);

	while (*s == ' ')
		s++;
	for (char *e = s + strlen(s); e > s && e[-1] == ' '; )
		*--e = '\0';
	return s;
}

/* A whole lesson column without JavaScript: all cells or none. */
static int
post_column(struct req *r, long long group, long long subject)
{
	const struct kv	**cells, **vals, **cms, **cmos;
	struct cell_in	 in;
	struct cell_out	 out;
	char		*s, *dot, *cm, *cmo;
	long long	 work, student;
	size_t		 nc, nv, ncm, ncmo, i;
	enum cell_res	 c;
	int		 worst = 200, st, rc;

	cells = req_values(r, K_CELL, &nc);
	vals = req_values(r, K_V, &nv);
	/* The comments are optional as a whole (a form loaded before there
	 * were comments has none). */
	cms = req_values(r, K_CM, &ncm);
	cmos = req_values(r, K_CMO, &ncmo);
	if (nc != nv || nc == 0 || ncm != ncmo || (ncm != 0 && ncm != nc))
		return 400;
	for (i = 0; i < nc; i++) {
		/* "work.student.old" */
		s = arena_strndup(&r->arena, cells[i]->val, cells[i]->vlen);
		work = strtoll(s, &dot, 10);
		if (*dot != '.')
			return 400;
		student = strtoll(dot + 1, &dot, 10);
		if (*dot != '.' || work <= 0 || student <= 0)
			return 400;
		s = trimmed(r, vals[i]);
		if (utf8_len(s) > 8)
			return 400;
		memset(&in, 0, sizeof(in));
		in.work_id = work;
		in.student_id = student;
		in.value = s;
		in.old = dot + 1;
		/* A comment left as the form showed it is not touched: an
		 * absence shows its comment in every column of the lesson. */
		if (ncm != 0) {
			cm = trimmed(r, cms[i]);
			cmo = trimmed(r, cmos[i]);
			if (strcmp(cm, cmo) != 0) {
				in.comment = cm;
				in.comment_old = cmo;
			}
		}
		c = cell_write(r, group, subject, &in, &out);
		st = status_of(c);
		if (st == 403 || st == 404 || st == 500)
			return st;
		if (st != 200 && worst == 200) {
			worst = st;
			req_set(r, "Page.Error", out.msg);
		}
	}
	if (worst == 200)
		return req_redirect(r, arena_printf(&r->arena,
		    "/journal?group=%lld&subject=%lld%s%s", group, subject,
		    req_str(r, K_PERIOD) ? "&period=" : "",
		    req_str(r, K_PERIOD) ? req_str(r, K_PERIOD) : ""));
	/* Nothing is kept: show the journal as it is, with the reason. */
	if (cell_writes_undo() == -1)
		return 503;
	rc = page(r, group, subject, req_str(r, K_LESSON) ?
	    r->fields[K_LESSON].num : 0);
	return rc == 200 ? SCREEN_FORM(worst) : rc;
}

static int
journal_post(struct req *r)
{
	long long	 group, subject;
	enum obj_res	 ok;

	if (req_str(r, K_GROUP) == NULL || req_str(r, K_SUBJECT) == NULL)
		return 400;
	group = r->fields[K_GROUP].num;
	subject = r->fields[K_SUBJECT].num;
	/* The object check for the lesson's day runs in cell_write. */
	if ((ok = obj_journal_view(r, group, subject)) != OBJ_OK)
		return (int)ok;
	if (req_str(r, K_HEAD) != NULL && r->fields[K_HEAD].num == 1)
		return post_head(r, group, subject);
	if (req_str(r, K_AJAX) != NULL && r->fields[K_AJAX].num == 1)
		return post_cell(r, group, subject);
	return post_column(r, group, subject);
}

static const struct screen screen = {
	.name = "journal",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "journal.cs",
	.get = journal_get,
	.post = journal_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
