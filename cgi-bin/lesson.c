/*
 * lesson: create or edit a lesson of a journal (R19, R20, R22): date,
 * number (proposed from the timetable), topic, what was covered,
 * homework for the group and for chosen students, forms of work (one
 * mark column each).  A substitute named by a timetable change writes
 * the lesson of that day only; it is stored with the absent teacher in
 * substitute_for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "screen.h"
#include "lesson.h"
#include "workkinds.h"
#include "objects.h"
#include "rules.h"
#include "scales.h"
#include "settings.h"

enum { K_ID, K_GROUP, K_SUBJECT, K_DATE, K_NUMBER, K_TOPIC, K_COVERED,
    K_HOMEWORK, K_WORK, K_HW_STUDENT, K_HW_TEXT, K_PLAN_TOPIC, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ID] =	{ "id", v_id, 0 },
	[K_GROUP] =	{ "group", v_id, 0 },
	[K_SUBJECT] =	{ "subject", v_id, 0 },
	[K_DATE] =	{ "on_date", v_date, 0 },
	[K_NUMBER] =	{ "number", v_int, 0 },
	[K_TOPIC] =	{ "topic", v_line, 0 },
	[K_COVERED] =	{ "covered", v_text, 0 },
	[K_HOMEWORK] =	{ "homework", v_text, 0 },
	[K_WORK] =	{ "work", v_id, KEY_MULTI },
	[K_HW_STUDENT] = { "hw_student", v_id, KEY_MULTI },
	[K_HW_TEXT] =	{ "hw_text", v_text, KEY_MULTI },
	[K_PLAN_TOPIC] = { "plan_topic", v_id, 0 },
};

static const char *
today(struct req *r)
{
	char	 buf[11];

	clock_iso(buf);
	return arena_strdup(&r->arena, buf);
}

/* The form's lists: forms of work, students, names. */
static int
form_data(struct req *r, long long group, long long subject)
{
	const struct school_rules *sr;
	int	 grade;

	if (db_journal_names(r->hdf, "Journal", group, subject,
	    r->sess.school_id) != 1 ||
	    db_work_kinds_active(r->hdf, "Kinds", r->sess.school_id) == -1 ||
	    db_group_students(r->hdf, "Students", group) == -1 ||
	    (grade = db_group_grade(group, r->sess.school_id)) == -1 ||
	    (sr = school_rules(r->sess.school_id)) == NULL)
		return 500;
	/* R24: no choice of mark columns where there are no marks. */
	if (rule_no_marks(sr->no_marks_grades, grade))
		req_set(r, "Page.NoMarks", "1");
	req_setf(r, "Journal.group_id", "%lld", group);
	req_setf(r, "Journal.subject_id", "%lld", subject);
	return 200;
}

/*
 * A new lesson proposes the next unused topic of the КТП (R29): the
 * writer's own plan, else the group's (a substitute follows the absent
 * teacher's).  Kept as the lesson's plan topic when saved.
 */
static int
propose_topic(struct req *r, long long group, long long subject)
{
	const char	*text;
	long long	 topic;
	int		 rc;

	if ((rc = lesson_plan_topic(r, group, subject, &topic, &text)) != 1)
		return rc;
	req_set(r, "Form.topic", text);
	req_setf(r, "Form.plan_topic", "%lld", topic);
	return 1;
}

static int
lesson_get(struct req *r)
{
	struct lesson_head head;
	long long	 group, subject, id = 0;
	const char	*date;
	enum obj_res	 ok;
	int		 n, rc;

	if (req_str(r, K_ID) != NULL) {
		id = r->fields[K_ID].num;
		if ((rc = db_lesson_get(r, "Form", id, &head)) != 1)
			return rc == 0 ? 404 : 500;
		group = head.group_id;
		subject = head.subject_id;
		date = arena_strdup(&r->arena, head.on_date);
		/* Checked boxes: the lesson's forms of work. */
		for (n = 0; ; n++) {
			const char *w = req_get(r, arena_printf(&r->arena,
			    "Form.Works.%d.work_kind_id", n), NULL);
			if (w == NULL)
				break;
			req_set(r, arena_printf(&r->arena, "Form.Work.%s", w),
			    "1");
		}
	} else {
		if (req_str(r, K_GROUP) == NULL || req_str(r, K_SUBJECT) == NULL)
			return 400;
		group = r->fields[K_GROUP].num;
		subject = r->fields[K_SUBJECT].num;
		date = req_str(r, K_DATE) ? req_str(r, K_DATE) : today(r);
		req_set(r, "Form.on_date", date);
	}
	if ((ok = obj_journal_view(r, group, subject)) != OBJ_OK)
		return (int)ok;
	if ((ok = obj_journal_write(r, group, subject, date)) == OBJ_ERROR)
		return 500;
	if (ok == OBJ_OK && (r->sess.roles & ROLE_TEACHER))
		req_set(r, "Page.CanWrite", "1");
	/* The journal's timetabled columns link here with their number. */
	if (id == 0 && req_str(r, K_NUMBER) != NULL)
		req_set(r, "Form.number", req_str(r, K_NUMBER));
	else if (id == 0 && (n = db_lesson_number_proposed(r, group, subject,
	    date)) > 0)
		req_setf(r, "Form.number", "%d", n);
	if (id == 0 && propose_topic(r, group, subject) == -1)
		return 500;
	return form_data(r, group, subject);
}

/* Put what was typed back into the form shown again. */
static void
refill(struct req *r, const long long *works, size_t nworks)
{
	static const size_t	 k[] = { K_DATE, K_NUMBER, K_TOPIC, K_COVERED,
	    K_HOMEWORK, K_PLAN_TOPIC };
	size_t			 i;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		if (r->fields[k[i]].raw != NULL)
			req_set(r, arena_printf(&r->arena, "Form.%s",
			    r->screen->keys[k[i]].name), r->fields[k[i]].raw);
	for (i = 0; i < nworks; i++)
		req_set(r, arena_printf(&r->arena, "Form.Work.%lld", works[i]),
		    "1");
}

static int
lesson_post(struct req *r)
{
	struct lesson_in	 in;
	struct lesson_head	 head;
	const struct kv		**texts;
	long long		*works, *hws;
	size_t			 nworks, nhws, ntexts, i;
	const char		*old_date = NULL;
	enum obj_res		 ok;
	int			 rc;

	memset(&in, 0, sizeof(in));
	if (req_str(r, K_ID) != NULL) {
		in.id = r->fields[K_ID].num;
		if ((rc = db_lesson_get(r, "Form", in.id, &head)) != 1)
			return rc == 0 ? 404 : 500;
		in.group_id = head.group_id;
		in.subject_id = head.subject_id;
		old_date = arena_strdup(&r->arena, head.on_date);
		req_set(r, "Form.id", req_get(r, "Form.id", ""));
	} else {
		if (req_str(r, K_GROUP) == NULL || req_str(r, K_SUBJECT) == NULL)
			return 400;
		in.group_id = r->fields[K_GROUP].num;
		in.subject_id = r->fields[K_SUBJECT].num;
	}
	if ((ok = obj_journal_view(r, in.group_id, in.subject_id)) != OBJ_OK)
		return (int)ok;
	/* An edited lesson: its own day must be the writer's too. */
	if (old_date != NULL && (ok = obj_journal_write(r, in.group_id,
	    in.subject_id, old_date)) != OBJ_OK)
		return (int)ok;
	if ((works = req_ids(r, K_WORK, &nworks)) == NULL ||
	    (hws = req_ids(r, K_HW_STUDENT, &nhws)) == NULL)
		return 400;
	texts = req_values(r, K_HW_TEXT, &ntexts);
	if (ntexts != nhws)
		return 400;

	in.on_date = req_str(r, K_DATE);
	if (r->fields[K_DATE].error != NULL)
		req_field_error(r, "on_date", r->fields[K_DATE].error);
	else if (in.on_date == NULL)
		req_field_error(r, "on_date", "Укажите дату урока.");
	else {
		if ((ok = obj_journal_write(r, in.group_id, in.subject_id,
		    in.on_date)) == OBJ_ERROR)
			return 500;
		if (ok != OBJ_OK)
			return (int)ok;
		if ((rc = db_lesson_date_ok(in.group_id, in.on_date)) == -1)
			return 500;
		if (rc == 0)
			req_field_error(r, "on_date", "Дата вне учебного"
			    " периода этого класса или ещё не наступила.");
	}
	if (req_str(r, K_NUMBER) != NULL) {
		in.number = (int)r->fields[K_NUMBER].num;
		if (in.number < 1 || in.number > 10)
			req_field_error(r, "number", "Номер урока: от 1 до 10.");
	} else if (r->fields[K_NUMBER].error != NULL)
		req_field_error(r, "number", "Номер урока: от 1 до 10.");
	in.topic = req_str(r, K_TOPIC);
	if (r->fields[K_TOPIC].error != NULL)
		req_field_error(r, "topic", "Тема: одна строка, не длиннее"
		    " 255 символов.");
	else if (in.topic == NULL)
		req_field_error(r, "topic", "Укажите тему урока.");
	else if (nworks > 0) {
		/* R20: a test or practical work names its subject matter. */
		if ((rc = db_work_kinds_need_topic(r->sess.school_id, works,
		    nworks)) == 1)
			rc = (rc = lesson_topic_meaningful(r, in.topic)) == -1 ?
			    -1 : rc == 1 ? 0 : -2;
		if (rc == -1)
			return 500;
		if (rc == -2)
			req_field_error(r, "topic", "Тема должна говорить, о чём"
			    " работа: например, «Контрольная работа по теме"
			    " „Дроби“». Название работы с номером темой не"
			    " считается.");
	}
	if (in.on_date != NULL && in.number >= 1 && in.number <= 10 &&
	    !req_has_errors(r)) {
		if ((rc = lesson_slot_taken(r, in.group_id, in.subject_id,
		    in.on_date, in.number, in.id)) == -1)
			return 500;
		if (rc == 1)
			req_field_error(r, "number", "Этот урок в этот день уже"
			    " записан в журнале (например, отметкой в сетке):"
			    " откройте его из журнала или укажите другой"
			    " номер.");
	}
	if (r->fields[K_COVERED].error != NULL)
		req_field_error(r, "covered", r->fields[K_COVERED].error);
	if (r->fields[K_HOMEWORK].error != NULL)
		req_field_error(r, "homework", r->fields[K_HOMEWORK].error);
	if (req_has_errors(r)) {
		refill(r, works, nworks);
		rc = form_data(r, in.group_id, in.subject_id);
		req_set(r, "Page.CanWrite", "1");
		return rc == 200 ? SCREEN_FORM(400) : rc;
	}
	if (req_str(r, K_PLAN_TOPIC) != NULL)
		in.plan_topic_id = r->fields[K_PLAN_TOPIC].num;
	in.covered = req_str(r, K_COVERED) ? req_str(r, K_COVERED) : "";
	in.homework = req_str(r, K_HOMEWORK) ? req_str(r, K_HOMEWORK) : "";
	in.works = works;
	in.nworks = nworks;
	in.hw_students = hws;
	in.nhw = nhws;
	in.hw_texts = arena_alloc(&r->arena, (nhws + 1) * sizeof(char *));
	for (i = 0; i < nhws; i++)
		in.hw_texts[i] = arena_strndup(&r->arena, texts[i]->val,
		    texts[i]->vlen);
	if (lesson_save(r, &in) == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena,
	    "/journal?group=%lld&subject=%lld", in.group_id, in.subject_id));
}

static const struct screen screen = {
	.name = "lesson",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "lesson.cs",
	.get = lesson_get,
	.post = lesson_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
