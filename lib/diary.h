/*
 * diary.h: what the diary (ЭД) shows a student and their family (R32,
 * R35): the marks page of a period.  Every loader runs after the object
 * check obj_student_diary() and costs a fixed number of queries, whatever
 * the number of subjects and marks (the evening peak is every parent at
 * once, issue 7).
 */
#ifndef JOURNAL_DIARY_H
#define JOURNAL_DIARY_H

struct _hdf;
struct req;

/*
 * <prefix>Student.{id,name,class_id,class,grade,year_id} and
 * <prefix>Periods.N.{id,name,starts,ends,current} for the student's grade;
 * *year and *grade out.  1, 0 (not a current student) or -1.
 */
int	db_diary_student(struct _hdf *, const char *prefix, long long student_id,
	    long long *year, int *grade);
/*
 * The student a diary page is for: asked (the page's student= id), else
 * the student themself, else a parent's first child (Children.* loaded
 * for the switch), through obj_student_diary, with Student.* loaded
 * by the same query.  200 with *student set; 200 with *student 0 and
 * Page.NoStudent (staff without an id); else the error status.
 */
int	diary_student_open(struct req *, long long asked, long long *student,
	    long long *year, int *grade);
/* A period of the student's grade, typed (the request's arena). */
struct diary_period {
	long long	 id;
	const char	*name;
	const char	*starts;	/* YYYY-MM-DD */
	const char	*ends;
	int		 current;	/* today is in it */
};
/* The same as db_diary_periods, and typed in *out: N or -1. */
int	diary_periods(struct req *, const char *prefix, long long year,
	    int grade, struct diary_period **out);
/* prefix.N.{id,name,starts,ends,current}: the grade's periods; N or -1. */
int	db_diary_periods(struct _hdf *, const char *prefix, long long year,
	    int grade);
/*
 * The marks page of one period: Subjects.N.{id,name,teachers,count,avg,
 * wavg,forecast,lessons,missed,excused,points} with Marks.M.{day,code,
 * work,work_name,comment,x,y} (x, y: the point in a 200 × 40 chart),
 * Absences.M.{day,comment} (the absences with the teacher's comment), and
 * PM.<period id>, year, exam, final: the period marks of the year.
 * Returns the number of subjects or -1.
 */
int	db_diary_marks(struct req *, long long student_id, long long year_id,
	    long long period_id, const char *starts, const char *ends);

/*
 * The diary's week from monday (YYYY-MM-DD), as in a paper diary: Week.*
 * from db_week_hdf (days, holidays, bells), and per day
 * Days.D.{date,name,label,holiday} with Lessons.K.{number,starts,ends,
 * subject,teacher,room,state,note,reason,topic,homework,own_homework,
 * absent,absent_reason,absent_comment} and Marks.M.{code,work,work_name,
 * comment}: the
 * timetable with its changes, each lesson joined with what was held (a
 * held lesson with no timetable slot is added to its day).  A fixed
 * number of queries.  Every name is under prefix ("" or e.g. "S.3.").
 * 0 or -1.
 */
int	db_diary_week(struct req *, const char *prefix, long long student_id,
	    const char *monday);

/*
 * /home's summary for a family (R32): for each student of students (a
 * parent's own children from db_children_by_guardian, or the student
 * themself: no id from input), under prefix.<i>:
 * Marks.N.{subject,code,what,day,comment}: marks set or changed since
 * `since` ("YYYY-MM-DD HH:MM:SS"); Absences.N.{subject,code,what,day,
 * comment}: today's; Next.{date,label,count,first_subject,first_number}:
 * the next school day by the timetable (tomorrow, or after a weekend or
 * holiday); Homework.N.{subject,text,given,own}: what is due that day by
 * the diary's due-day rule.  Five statements plus one per student
 * (their groups).  Returns n or -1.
 */
int	db_diary_today(struct req *, const char *prefix,
	    const long long *students, int n, const char *since);

#endif
