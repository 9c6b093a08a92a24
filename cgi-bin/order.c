/*
 * order: one order of the book with the people it moves (R16), and the
 * form that adds a movement of the order's kind: enrol a new student
 * into a class, transfer a current student to another class of the year,
 * withdraw a student (their diary access and that of guardians left
 * without a child here ends, R5), dismiss an employee (their login ends).
 */
#include <stdio.h>
#include <string.h>

#include "classes.h"
#include "screen.h"
#include "orders.h"
#include "roles.h"

enum {
	K_ID, K_STUDENT, K_STAFF, K_CLASS, K_LAST, K_FIRST, K_MIDDLE, K_SEX,
	K_BIRTH, K_ON, K_NOTE, K_FROM_GROUP, K_TO_GROUP, K__MAX
};

static const struct key keys[K__MAX] = {
	[K_ID] =	{ "id", v_id, 0 },
	[K_STUDENT] =	{ "student", v_id, 0 },
	[K_STAFF] =	{ "staff", v_id, 0 },
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_LAST] =	{ "last_name", v_line, 0 },
	[K_FIRST] =	{ "first_name", v_line, 0 },
	[K_MIDDLE] =	{ "middle_name", v_line, 0 },
	[K_SEX] =	{ "sex", v_line, 0 },
	[K_BIRTH] =	{ "birth_date", v_date, 0 },
	[K_ON] =	{ "on_date", v_date, 0 },
	[K_NOTE] =	{ "note", v_line, 0 },
	[K_FROM_GROUP] = { "from_group", v_id, 0 },
	[K_TO_GROUP] =	{ "to_group", v_id, 0 },
};

/* A movement may take effect up to a month ahead (enrolment from 1.09). */
#define AHEAD_DAYS	30

static int
can_write(const struct req *r)
{
	const struct access	*a = access_find("order");

	return a != NULL && (r->sess.roles & (a->wroles ? a->wroles :
	    a->roles)) != 0;
}

/* The order (already loaded into Order), its movements, the form's lists. */
static int
load(struct req *r, long long id)
{
	const char	*kind = req_get(r, "Order.kind", "");

	if (db_movements_list_by_order(r->hdf, "Movements", id) == -1)
		return 500;
	req_setf(r, "Page.Title", "Приказ № %s от %s",
	    req_get(r, "Order.number", ""), req_get(r, "Order.dated", ""));
	if (!can_write(r) || strcmp(kind, "other") == 0)
		return 200;
	req_set(r, "Page.CanWrite", "1");
	/* Promotion has its own screen: the whole year at once. */
	if (strcmp(kind, "promotion") == 0)
		return 200;
	if (req_get(r, "Form.on_date", NULL) == NULL)
		req_set(r, "Form.on_date", req_get(r, "Order.dated_iso", ""));
	if ((strcmp(kind, "enrolment") == 0 || strcmp(kind, "transfer") == 0) &&
	    db_classes_list(r->hdf, "Classes", r->sess.school_id,
	    r->sess.person_id) == -1)
		return 500;
	if ((strcmp(kind, "transfer") == 0 || strcmp(kind, "withdrawal") == 0) &&
	    db_order_students_list(r->hdf, "Students", r->sess.school_id) == -1)
		return 500;
	if (strcmp(kind, "transfer") == 0 &&
	    db_order_groups_list(r->hdf, "Groups", r->sess.school_id) == -1)
		return 500;
	if (strcmp(kind, "dismissal") == 0 &&
	    db_order_staff_list(r->hdf, "Staff", r->sess.school_id) == -1)
		return 500;
	return 200;
}

/* The order's date (Order.dated_iso) as YYYYMMDD. */
static long long
order_dated(const struct req *r)
{
	long long	 y = 0, m = 0, d = 0;

	if (sscanf(req_get(r, "Order.dated_iso", ""), "%4lld-%2lld-%2lld", &y,
	    &m, &d) != 3)
		return 0;
	return y * 10000 + m * 100 + d;
}

/* The order of ?id=, checked and loaded: 200 or an error status. */
static int
order_head(struct req *r, long long *id)
{
	enum obj_res	 ok;

	if (req_str(r, K_ID) == NULL)
		return 400;
	*id = r->fields[K_ID].num;
	if ((ok = obj_order(r, *id)) != OBJ_OK)
		return (int)ok;
	if (db_order_get(r->hdf, "Order", *id) != 1)
		return 500;
	return 200;
}

static int
order_get(struct req *r)
{
	long long	 id;
	int		 rc;

	if ((rc = order_head(r, &id)) != 200)
		return rc;
	return load(r, id);
}

/* A required field: its validator's message, or ours when not sent. */
static int
need(struct req *r, size_t k, const char *missing)
{
	if (r->fields[k].error != NULL) {
		req_field_error(r, keys[k].name, r->fields[k].error);
		return 0;
	}
	if (req_str(r, k) == NULL) {
		req_field_error(r, keys[k].name, missing);
		return 0;
	}
	return 1;
}

/* A name part: 1..100 characters. */
static void
name_part(struct req *r, size_t k, const char *missing)
{
	if (missing == NULL && req_str(r, k) == NULL &&
	    r->fields[k].error == NULL)
		return;			/* an optional middle name */
	if (need(r, k, missing != NULL ? missing : "") &&
	    utf8_len(req_str(r, k)) > 100)
		req_field_error(r, keys[k].name, "Не длиннее 100 символов.");
}

/* An object of the form (student, staff, class): 404 when not ours. */
static int
object(struct req *r, size_t k, const char *missing,
    enum obj_res (*check)(const struct req *, long long))
{
	enum obj_res	 ok;

	if (!need(r, k, missing))
		return 200;
	if ((ok = check(r, r->fields[k].num)) != OBJ_OK)
		return (int)ok;
	return 200;
}

/* The form again: with its messages (400) or a conflict (409). */
static int
again(struct req *r, long long id, int status, const char *conflict)
{
	size_t	 k;
	int	 rc;

	for (k = 1; k < K__MAX; k++)
		if (r->fields[k].raw != NULL)
			req_set(r, arena_printf(&r->arena, "Form.%s",
			    keys[k].name), r->fields[k].raw);
	if (conflict != NULL)
		req_set(r, "Errors.Conflict", conflict);
	rc = load(r, id);
	return rc == 200 ? SCREEN_FORM(status) : rc;
}

static int
order_post(struct req *r)
{
	struct enrolment	 e;
	const char		*kind, *on, *note, *since = "", *sex, *msg;
	long long		 id, on_num, dated, birth, person;
	enum move_res		 res = MOVE_ERROR;
	int			 rc, disabled = 0, student_kind, group;

	if ((rc = order_head(r, &id)) != 200)
		return rc;
	kind = req_get(r, "Order.kind", "");
	if (strcmp(kind, "other") == 0)
		return again(r, id, 409, "К приказу этого вида движения людей "
		    "не добавляются.");
	if (strcmp(kind, "promotion") == 0)
		return again(r, id, 409, "Перевод в следующий класс вносится "
		    "на странице «Перевод в следующий класс» всем классом сразу.");
	/* A transfer order moves between classes or, with groups, between
	 * the subgroups of the student's class. */
	group = strcmp(kind, "transfer") == 0 &&
	    (r->fields[K_TO_GROUP].raw != NULL ||
	    r->fields[K_FROM_GROUP].raw != NULL);
	student_kind = strcmp(kind, "dismissal") != 0;

	/* The date: the order's own unless another is given. */
	dated = order_dated(r);
	if (r->fields[K_ON].error != NULL) {
		req_field_error(r, "on_date", r->fields[K_ON].error);
		on = NULL;
		on_num = 0;
	} else if ((on = req_str(r, K_ON)) != NULL)
		on_num = r->fields[K_ON].num;
	else {
		on = req_get(r, "Order.dated_iso", "");
		on_num = dated;
	}
	if (on != NULL && on_num < dated)
		req_field_error(r, "on_date", "Дата движения не может быть "
		    "раньше даты приказа.");
	else if (on != NULL && on_num > orders_day(AHEAD_DAYS))
		req_field_error(r, "on_date", "Дата движения не может быть "
		    "позже чем через 30 дней от сегодняшней.");
	else if (on != NULL && on_num > orders_day(0) &&
	    (strcmp(kind, "withdrawal") == 0 ||
	    strcmp(kind, "dismissal") == 0))
		req_field_error(r, "on_date", "Отчисление и увольнение "
		    "закрывают вход сразу: дата не может быть в будущем.");
	note = req_str(r, K_NOTE) != NULL ? req_str(r, K_NOTE) : "";
	if (r->fields[K_NOTE].error != NULL)
		req_field_error(r, "note", r->fields[K_NOTE].error);

	/* The fields of the kind; another school's objects are 404. */
	memset(&e, 0, sizeof(e));
	rc = 200;
	if (strcmp(kind, "enrolment") == 0) {
		name_part(r, K_LAST, "Укажите фамилию.");
		name_part(r, K_FIRST, "Укажите имя.");
		name_part(r, K_MIDDLE, NULL);
		sex = req_str(r, K_SEX);
		if (sex == NULL || (strcmp(sex, "m") != 0 &&
		    strcmp(sex, "f") != 0))
			req_field_error(r, "sex", "Выберите пол.");
		if (need(r, K_BIRTH, "Укажите дату рождения.")) {
			birth = r->fields[K_BIRTH].num;
			/* School age: from 5 to 20 years on the day. */
			if (on != NULL && (birth > on_num - 50000 ||
			    birth < on_num - 210000))
				req_field_error(r, "birth_date", "Проверьте "
				    "дату рождения: ученику должно быть от 5 "
				    "до 20 лет.");
		}
		rc = object(r, K_CLASS, "Выберите класс.", obj_order_class);
		e.last = req_str(r, K_LAST);
		e.first = req_str(r, K_FIRST);
		e.middle = req_str(r, K_MIDDLE) != NULL ?
		    req_str(r, K_MIDDLE) : "";
		e.sex = sex;
		e.birth = req_str(r, K_BIRTH);
	} else if (group) {
		if ((rc = object(r, K_STUDENT, "Выберите ученика.",
		    obj_order_student)) == 200 &&
		    (rc = object(r, K_FROM_GROUP, "Выберите группу, из которой "
		    "переводится ученик.", obj_order_group)) == 200)
			rc = object(r, K_TO_GROUP, "Выберите группу, в которую "
			    "переводится ученик.", obj_order_group);
	} else if (strcmp(kind, "transfer") == 0) {
		if ((rc = object(r, K_STUDENT, "Выберите ученика.",
		    obj_order_student)) == 200)
			rc = object(r, K_CLASS, "Выберите класс, в который "
			    "переводится ученик.", obj_order_class);
	} else if (strcmp(kind, "withdrawal") == 0)
		rc = object(r, K_STUDENT, "Выберите ученика.",
		    obj_order_student);
	else {
		rc = object(r, K_STAFF, "Выберите сотрудника.",
		    obj_order_staff);
		if (rc == 200 && req_str(r, K_STAFF) != NULL &&
		    r->fields[K_STAFF].num == r->sess.person_id)
			req_field_error(r, "staff", "Нельзя уволить себя: "
			    "приказ о вашем увольнении вносит другой "
			    "сотрудник.");
	}
	if (rc != 200)
		return rc;
	if (req_has_errors(r))
		return again(r, id, 400, NULL);

	if (strcmp(kind, "enrolment") == 0)
		res = movement_enrol(r, id, &e, r->fields[K_CLASS].num, on,
		    note, &person);
	else if (group)
		res = movement_group_transfer(r, id, r->fields[K_STUDENT].num,
		    r->fields[K_FROM_GROUP].num, r->fields[K_TO_GROUP].num, on,
		    note, &since);
	else if (strcmp(kind, "transfer") == 0)
		res = movement_transfer(r, id, r->fields[K_STUDENT].num,
		    r->fields[K_CLASS].num, on, note, &since);
	else if (strcmp(kind, "withdrawal") == 0)
		res = movement_withdraw(r, id, r->fields[K_STUDENT].num, on,
		    note, &since, &disabled);
	else if (strcmp(kind, "dismissal") == 0)
		res = movement_dismiss(r, id, r->fields[K_STAFF].num, on, note,
		    &since, &disabled);

	msg = NULL;
	switch (res) {
	case MOVE_OK:
		return req_redirect(r, arena_printf(&r->arena,
		    "/order?id=%lld", id));
	case MOVE_ERROR:
		return 500;
	case MOVE_SAME_CLASS:
		req_field_error(r, "class", "Ученик уже учится в этом классе: "
		    "выберите другой.");
		return again(r, id, 400, NULL);
	case MOVE_OTHER_YEAR:
		req_field_error(r, "class", "Класс не из того же учебного "
		    "года: переводить можно только между классами текущего "
		    "года.");
		return again(r, id, 400, NULL);
	case MOVE_NOT_CURRENT:
		msg = student_kind ? "Этот ученик сейчас не числится ни в "
		    "одном классе: его уже отчислили. Движение не добавлено." :
		    "Этот сотрудник уже уволен. Движение не добавлено.";
		break;
	case MOVE_TOO_EARLY:
		msg = arena_printf(&r->arena, "У этого человека есть более "
		    "позднее изменение (с %s): движение по приказу не может "
		    "быть раньше него.", since);
		break;
	case MOVE_BEEN_THERE:
		msg = "Ученик уже учился в этом классе в этом году: "
		    "повторный перевод в тот же класс не поддерживается.";
		break;
	case MOVE_GROUP_MISMATCH:
		req_field_error(r, "to_group", "Выберите две разные группы "
		    "класса, в котором учится ученик, по одному предмету.");
		return again(r, id, 400, NULL);
	case MOVE_NOT_IN_GROUP:
		req_field_error(r, "from_group", "Ученик не состоит в этой "
		    "группе.");
		return again(r, id, 400, NULL);
	case MOVE_IN_GROUP:
		msg = "Ученик уже состоит в группе, в которую его переводят. "
		    "Движение не добавлено.";
		break;
	case MOVE_CLASS_TEACHER:
		msg = "Сотрудник — классный руководитель класса текущего "
		    "года: сначала назначьте классу другого руководителя.";
		break;
	}
	return again(r, id, 409, msg);
}

static const struct screen screen = {
	.name = "order",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "order.cs",
	.get = order_get,
	.post = order_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
