/*
 * orders.h: the electronic book of orders and the movements they order
 * (R16): enrolment, transfer between classes, withdrawal of students and
 * dismissal of staff.  A withdrawal ends the diary access of the student
 * and of each guardian left without a current child here; a dismissal
 * ends the employee's login (R5).  Nothing is deleted: memberships get an
 * end date, accounts are switched off, their sessions end.
 *
 * Object checks (objects.h style, one query each with the user's school):
 * the order, the student, the class, the staff member must belong to the
 * user's school, else OBJ_MISSING (404).  Who may read or write at all is
 * the access table's business (lib/roles.c).
 */
#ifndef JOURNAL_ORDERS_H
#define JOURNAL_ORDERS_H

#include "objects.h"

struct _hdf;
struct req;

enum obj_res	obj_order(const struct req *, long long order_id);
/* A person who is or was a student of a class of the user's school. */
enum obj_res	obj_order_student(const struct req *, long long person_id);
enum obj_res	obj_order_class(const struct req *, long long class_id);
enum obj_res	obj_order_staff(const struct req *, long long person_id);
enum obj_res	obj_order_group(const struct req *, long long group_id);

/* Whether kind is one of the order kinds of sql/006_orders.sql. */
int	order_kind_valid(const char *kind);
/* Today plus days as YYYYMMDD (the server's local date). */
long long	orders_day(int days);

/*
 * prefix.N.{id,number,dated,kind,title,people}, newest first; kind NULL
 * and year 0 mean any.  Returns rows or -1.
 */
int	db_orders_list(struct _hdf *, const char *prefix, long long school_id,
	    const char *kind, int year);
/* prefix.N.year: the calendar years that have orders, newest first. */
int	db_order_years(struct _hdf *, const char *prefix, long long school_id);
/* prefix.{id,number,dated,dated_iso,kind,title,text,created_by,
 * created_at}; 1, 0 or -1. */
int	db_order_get(struct _hdf *, const char *prefix, long long order_id);
/* prefix.N.{id,kind,person_id,name,birth,position,from_id,from_class,
 * to_id,to_class,on_date,note}, by name. */
int	db_movements_list_by_order(struct _hdf *, const char *prefix,
	    long long order_id);
/* prefix.N.{id,name,class}: current students of the open year. */
int	db_order_students_list(struct _hdf *, const char *prefix,
	    long long school_id);
/* prefix.N.{id,name}: subgroups of the classes of the open year. */
int	db_order_groups_list(struct _hdf *, const char *prefix,
	    long long school_id);
/* prefix.N.{id,name,position}: staff not dismissed. */
int	db_order_staff_list(struct _hdf *, const char *prefix,
	    long long school_id);

/* A new order with its audit row: its id, DB_DUPLICATE (the number is
 * taken this calendar year) or -1. */
long long	order_add(struct req *, const char *number, const char *dated,
		    const char *kind, const char *title, const char *text);

/* Why a movement was refused; nothing was written then. */
enum move_res {
	MOVE_ERROR = -1,
	MOVE_OK = 0,
	MOVE_NOT_CURRENT,	/* not in a class now / already dismissed */
	MOVE_TOO_EARLY,		/* a later change of the person exists */
	MOVE_SAME_CLASS,	/* a transfer into the class they are in */
	MOVE_OTHER_YEAR,	/* a class not of the open (their) year */
	MOVE_BEEN_THERE,	/* was in that class before this year */
	MOVE_CLASS_TEACHER,	/* leads a class of the open year */
	MOVE_GROUP_MISMATCH,	/* groups not subgroups of the student's
				   class for one subject */
	MOVE_NOT_IN_GROUP,	/* not a member of the group moved from */
	MOVE_IN_GROUP		/* already in the group moved to */
};

struct enrolment {
	const char	*last, *first, *middle;
	const char	*sex;		/* "m" or "f" */
	const char	*birth;		/* YYYY-MM-DD */
};

/*
 * Each runs in the request's transaction and writes the movement and the
 * audit rows.  on_date is YYYY-MM-DD; *since gets the date of the later
 * change for MOVE_TOO_EARLY (dd.mm.yyyy, in the request's arena);
 * *disabled the number of accounts switched off.
 */
enum move_res	movement_enrol(struct req *, long long order_id,
		    const struct enrolment *, long long class_id,
		    const char *on_date, const char *note, long long *person);
enum move_res	movement_transfer(struct req *, long long order_id,
		    long long student_id, long long class_id,
		    const char *on_date, const char *note, const char **since);
/* From one subgroup of the student's class to another for the same
 * subject («англ. 1» → «англ. 2»), under a transfer order. */
enum move_res	movement_group_transfer(struct req *, long long order_id,
		    long long student_id, long long from_group,
		    long long to_group, const char *on_date, const char *note,
		    const char **since);
/*
 * Promotion at year end (R16), by an order of kind promotion.  The classes
 * of the current year with their current students:
 * prefix.N.{id,name,grade,Students.M.{id,name}}, and the same typed in
 * *out (the request's arena).  Returns classes or -1.
 */
struct promo_student {
	long long	 id;
	const char	*name;
};
struct promo_class {
	long long		 id;
	int			 grade;
	struct promo_student	*students;
	int			 nstudents;
};
int	db_promotion_list(struct req *, const char *prefix,
	    struct promo_class **out);
/* The year after the current one: its id and start (YYYY-MM-DD, 11
 * bytes); 1, 0 (none) or -1. */
int	db_year_next(long long school_id, long long *year_id, char starts[11]);

enum promo_kind { PROMO_UP, PROMO_REPEAT, PROMO_GRADUATE };

/*
 * Move one student of a current-year class into the next year: PROMO_UP
 * into grade + 1 with the same letter, PROMO_REPEAT into the same grade,
 * both joining on the next year's first day (the class is created, with
 * the same class teacher, when missing); PROMO_GRADUATE out of the school
 * with access ended as for a withdrawal.  The old membership ends on
 * on_date; one movement row (promotion, repetition, graduation).  A
 * student not in a class of the current year is MOVE_NOT_CURRENT.
 */
enum move_res	movement_promote(struct req *, long long order_id,
		    long long student_id, enum promo_kind,
		    long long next_year, const char *next_starts,
		    const char *on_date, const char **since);
enum move_res	movement_withdraw(struct req *, long long order_id,
		    long long student_id, const char *on_date,
		    const char *note, const char **since, int *disabled);
enum move_res	movement_dismiss(struct req *, long long order_id,
		    long long person_id, const char *on_date,
		    const char *note, const char **since, int *disabled);

#endif
