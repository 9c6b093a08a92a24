/*
 * plan: the calendar-thematic plan (КТП, R29) of one assignment, /plan?
 * group=&subject= (&teacher= when two teachers share the group), and with
 * no group the list of plans the user may read.  The teacher of the
 * assignment edits their own plan: add, edit, delete an unused topic,
 * move, renumber, import from CSV.  Reading is the journal's object check
 * (obj_journal_view), writing obj_journal_write without a date: the
 * teacher of the assignment, or a user the administrator opened it to.
 *
 * The CSV import replaces the whole plan, and only while no lesson refers
 * to any of its topics: once lessons are linked, a replacement would
 * silently unlink them, so it is refused (edit the plan by hand then).
 * Like /import it is two steps, preview then the same file again with
 * its checksum.
 */
#include <stdio.h>
#include <string.h>

#include "csvimport.h"

#include "csv.h"
#include "screen.h"
#include "objects.h"
#include "plan.h"
#include "rights.h"

enum { K_GROUP, K_SUBJECT, K_TEACHER, K_ACTION, K_ID, K_NUMBER, K_TOPIC,
    K_HOURS, K_PLANNED, K_TEST, K_EDIT, K_CHECKSUM, K_FILE, K__MAX };

/* Hours of a topic: 0,5..99 with at most one decimal; num gets tenths. */
static const char *
v_topic_hours(struct field *f)
{
	int	 t;

	if (v_line(f) != NULL || (t = tenths_parse(f->str, 5, 990)) == -1)
		return "Часы: число от 0,5 до 99, например 1 или 1,5.";
	f->num = t;
	return NULL;
}

static const struct key keys[K__MAX] = {
	[K_GROUP] =	{ "group", v_id, 0 },
	[K_SUBJECT] =	{ "subject", v_id, 0 },
	[K_TEACHER] =	{ "teacher", v_id, 0 },
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_ID] =	{ "id", v_id, 0 },
	[K_NUMBER] =	{ "number", v_int, 0 },
	[K_TOPIC] =	{ "topic", v_text, 0 },
	[K_HOURS] =	{ "hours", v_topic_hours, 0 },
	[K_PLANNED] =	{ "planned_on", v_date, 0 },
	[K_TEST] =	{ "is_test", v_flag, 0 },
	[K_EDIT] =	{ "edit", v_id, 0 },
	[K_CHECKSUM] =	{ "checksum", v_token, 0 },
	[K_FILE] =	{ "file", v_text, KEY_FILE },
};

/* Who reads every plan of the school. */
#define PLAN_READERS	(ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_INSPECTOR)

static const char *
plan_url(struct req *r, const struct plan_key *k)
{
	return arena_printf(&r->arena, "/plan?group=%lld&subject=%lld"
	    "&teacher=%lld", k->group_id, k->subject_id, k->teacher_id);
}

/* The page of one plan; the key is checked already. */
static int
load(struct req *r, const struct plan_key *k, int can_edit)
{
	struct plan_totals	 t;
	char			 text[512];
	long long		 next;
	int			 rc;

	if (plan_load(r, "Plan", k, &t) == -1)
		return 500;
	if ((rc = plan_next_topic(k->group_id, k->subject_id, k->teacher_id,
	    &next, text, sizeof(text))) == -1)
		return 500;
	if (rc == 1) {
		req_setf(r, "Plan.Next.id", "%lld", next);
		req_set(r, "Plan.Next.topic", text);
	}
	req_set(r, "Page.Url", plan_url(r, k));
	if (can_edit)
		req_set(r, "Page.CanEdit", "1");
	return 200;
}

/*
 * The plan asked for, checked: 200 with *k and *can_edit, or the status.
 * Writing needs the journal's write check and the plan being the user's
 * own (a co-teacher edits only theirs), unless a rule opened it.
 */
static int
find(struct req *r, int write, struct plan_key *k, int *can_edit)
{
	long long	 g, s;
	enum obj_res	 ok;
	int		 rc;

	if (req_str(r, K_GROUP) == NULL || req_str(r, K_SUBJECT) == NULL)
		return 400;
	g = r->fields[K_GROUP].num;
	s = r->fields[K_SUBJECT].num;
	if ((ok = obj_journal_view(r, g, s)) != OBJ_OK &&
	    !(write && ok == OBJ_DENIED))
		return (int)ok;
	if ((rc = plan_key_find(r, g, s, req_str(r, K_TEACHER) != NULL ?
	    r->fields[K_TEACHER].num : 0, k)) == -1)
		return 500;
	if (rc == 0)
		return 404;
	if ((ok = obj_journal_write(r, g, s, NULL)) == OBJ_ERROR)
		return 500;
	*can_edit = ok == OBJ_OK && (k->teacher_id == r->sess.person_id ||
	    rights_granted(r, M_POST));
	if (write && !*can_edit)
		return 403;
	return 200;
}

static int
plan_get(struct req *r)
{
	struct plan_key	 k;
	int		 rc, can_edit;

	if (req_str(r, K_GROUP) == NULL && req_str(r, K_SUBJECT) == NULL) {
		req_set(r, "Page.List", "1");
		if (r->sess.roles & PLAN_READERS)
			req_set(r, "Page.All", "1");
		return plan_list(r, "Plans", (r->sess.roles & PLAN_READERS) ?
		    1 : 0) == -1 ? 500 : 200;
	}
	if ((rc = find(r, 0, &k, &can_edit)) != 200)
		return rc;
	if (can_edit && req_str(r, K_EDIT) != NULL) {
		if ((rc = plan_topic_get(r->hdf, "Edit", &k,
		    r->fields[K_EDIT].num)) == -1)
			return 500;
		if (rc == 0)
			return 404;
	}
	return load(r, &k, can_edit);
}

/* A topic from the form, with field errors set. */
static void
topic_form(struct req *r, struct plan_topic_in *in, const char *from,
    const char *to)
{
	const char	*topic = req_str(r, K_TOPIC);
	char		 lo[11], hi[11];

	memset(in, 0, sizeof(*in));
	if (topic == NULL)
		req_field_error(r, "topic", r->fields[K_TOPIC].error != NULL ?
		    r->fields[K_TOPIC].error : "Напишите тему урока.");
	else if (strchr(topic, '\n') != NULL || utf8_len(topic) > 500)
		req_field_error(r, "topic", "Тема — одна строка, не длиннее "
		    "500 символов.");
	in->topic = topic;
	if (r->fields[K_HOURS].error != NULL)
		req_field_error(r, "hours", r->fields[K_HOURS].error);
	in->tenths = req_str(r, K_HOURS) != NULL ?
	    (int)r->fields[K_HOURS].num : 10;
	if (r->fields[K_PLANNED].error != NULL)
		req_field_error(r, "planned_on", r->fields[K_PLANNED].error);
	else if ((in->planned_on = req_str(r, K_PLANNED)) != NULL) {
		snprintf(lo, sizeof(lo), "%s", from);
		snprintf(hi, sizeof(hi), "%s", to);
		if (strcmp(in->planned_on, lo) < 0 ||
		    strcmp(in->planned_on, hi) > 0)
			req_field_error(r, "planned_on", arena_printf(
			    &r->arena, "Дата — в пределах учебного года "
			    "(%.2s.%.2s.%.4s — %.2s.%.2s.%.4s).", lo + 8,
			    lo + 5, lo, hi + 8, hi + 5, hi));
	}
	in->is_test = req_str(r, K_TEST) != NULL &&
	    r->fields[K_TEST].num == 1;
	if (r->fields[K_NUMBER].error != NULL ||
	    (req_str(r, K_NUMBER) != NULL && r->fields[K_NUMBER].num < 0))
		req_field_error(r, "number", "Номер — целое число от 1.");
	else if (req_str(r, K_NUMBER) != NULL)
		in->number = r->fields[K_NUMBER].num;
}

/* The form again with what was typed and the errors. */
static int
again(struct req *r, const struct plan_key *k, int status)
{
	size_t	 f;
	int	 rc;

	for (f = K_ID; f <= K_TEST; f++)
		if (r->fields[f].raw != NULL)
			req_set(r, arena_printf(&r->arena, "Form.%s",
			    keys[f].name), r->fields[f].raw);
	if (req_str(r, K_ID) != NULL && req_str(r, K_ACTION) != NULL &&
	    strcmp(req_str(r, K_ACTION), "edit") == 0)
		req_set(r, "Edit.id", req_str(r, K_ID));
	rc = load(r, k, 1);
	return rc == 200 ? SCREEN_FORM(status) : rc;
}

/* What a POST found before its action: the plan and its year's span. */
struct plan_post {
	struct plan_key	 k;
	char		 from[11], to[11];
};

static int
import(struct req *r, void *ctx)
{
	const struct plan_post	*p = ctx;
	const struct plan_key	*k = &p->k;
	const char		*from = p->from, *to = p->to;
	struct plan_import	 im;
	struct csvimport_step	 step;
	const char		*msg;
	int			 rc;

	switch (csvimport_begin(req_str(r, K_ACTION), "import",
	    &r->fields[K_FILE], req_str(r, K_CHECKSUM), &step, &msg)) {
	case CSVI_BAD_ACTION:
		return 400;
	case CSVI_REFUSED:
		req_field_error(r, "file", msg);
		return again(r, k, 400);
	case CSVI_OK:
		break;
	}
	if (plan_import_check(r, &im, r->fields[K_FILE].raw,
	    r->fields[K_FILE].rawlen, from, to) == -1)
		return 500;
	/* The plan's errors are messages, not rows; it shows every row. */
	if (!csvimport_preview(r, &step, &im.h,
	    (const char *const *)im.errors, im.h.nrows)) {
		if (im.h.fatal == NULL)
			req_setf(r, "Preview.hours", "%d,%d", im.tenths / 10,
			    im.tenths % 10);
		rc = load(r, k, 1);
		return rc != 200 ? rc : step.commit ? SCREEN_FORM(400) : 200;
	}
	if ((rc = plan_replace(r, k, &im)) == -1)
		return 500;
	if (rc == 2) {
		req_field_error(r, "file", "План уже используется: уроки "
		    "журнала ссылаются на его темы. Загрузка заменила бы весь "
		    "план, поэтому она отменена; меняйте темы вручную.");
		req_set(r, "Preview.Show", "");
		return again(r, k, 409);
	}
	return req_redirect(r, plan_url(r, k));
}

/* The topic the action names (?id=): its id, 0 when none was sent. */
static long long
topic_id(const struct req *r)
{
	return req_str(r, K_ID) != NULL ? r->fields[K_ID].num : 0;
}

/* A status from the plan functions' 1 done, 0 missing, -1 failed. */
static int
done(struct req *r, const struct plan_key *k, int rc)
{
	if (rc == -1)
		return 500;
	if (rc == 0)
		return 404;
	return req_redirect(r, plan_url(r, k));
}

static int
topic_save(struct req *r, struct plan_post *p, long long id)
{
	struct plan_topic_in	 in;

	topic_form(r, &in, p->from, p->to);
	if (req_has_errors(r))
		return again(r, &p->k, 400);
	return done(r, &p->k, id == 0 ? (plan_topic_add(r, &p->k, &in) ==
	    -1 ? -1 : 1) : plan_topic_update(r, &p->k, id, &in));
}

static int
act_add(struct req *r, void *ctx)
{
	return topic_save(r, ctx, 0);
}

static int
act_edit(struct req *r, void *ctx)
{
	return topic_id(r) == 0 ? 400 : topic_save(r, ctx, topic_id(r));
}

static int
act_delete(struct req *r, void *ctx)
{
	struct plan_post	*p = ctx;
	int			 rc;

	if (topic_id(r) == 0)
		return 400;
	if ((rc = plan_topic_delete(r, &p->k, topic_id(r))) == 2) {
		req_set(r, "Page.Refused", "Тему нельзя удалить: урок журнала "
		    "уже ссылается на неё.");
		return again(r, &p->k, 409);
	}
	return done(r, &p->k, rc);
}

static int
move(struct req *r, struct plan_post *p, int by)
{
	int	 rc;

	if (topic_id(r) == 0)
		return 400;
	if ((rc = plan_topic_move(r, &p->k, topic_id(r), by)) == 0)
		rc = 1;		/* already first or last: nothing to do */
	return done(r, &p->k, rc);
}

static int
act_up(struct req *r, void *ctx)
{
	return move(r, ctx, -1);
}

static int
act_down(struct req *r, void *ctx)
{
	return move(r, ctx, 1);
}

static int
act_renumber(struct req *r, void *ctx)
{
	struct plan_post	*p = ctx;

	return done(r, &p->k, plan_renumber(r, &p->k) == -1 ? -1 : 1);
}

/* The actions on a plan (ctx: struct plan_post). */
static const struct action actions[] = {
	{ "add",	act_add,	0 },
	{ "edit",	act_edit,	0 },
	{ "delete",	act_delete,	0 },
	{ "up",		act_up,		0 },
	{ "down",	act_down,	0 },
	{ "renumber",	act_renumber,	0 },
	{ "preview",	import,		0 },
	{ "import",	import,		0 },
};

static int
plan_post(struct req *r)
{
	struct plan_post	 p;
	int			 rc, can_edit;

	if (req_str(r, K_ACTION) == NULL)
		return 400;
	if ((rc = find(r, 1, &p.k, &can_edit)) != 200)
		return rc;
	if (plan_year_span(p.k.year_id, p.from, p.to) == -1)
		return 500;
	return screen_action(r, ACTIONS(actions), req_str(r, K_ACTION), &p);
}

static const struct screen screen = {
	.name = "plan",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "plan.cs",
	.get = plan_get,
	.post = plan_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
