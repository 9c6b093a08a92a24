/*
 * demo-school: write a realistic, deterministic demo school for the journal.
 *
 *	demo-school --out DIR [--seed N] [--today YYYY-MM-DD]
 *	    [--journal-until YYYY-MM-DD]
 *
 * Writes DIR/demo.sql (to be loaded with the mariadb client into an empty
 * database migrated to sql/002_consent.sql at least) and
 * DIR/demo-accounts.tsv (every login with its password, for trying the
 * journal in each role).  The demo is made for the school year of
 * --today (default: the real date; 1 September to 31 May, and from June
 * to August the year just ended), and its journal runs from 1 September
 * to the day before --today (or to --journal-until: the benchmark asks
 * for the whole year), so today's lessons are in the timetable and not
 * yet in the journal.  The tests make it for Monday 2026-11-23.
 * Everything but the password hashes, whose salts are random, is a
 * function of the seed: the program has its own PRNG and never calls
 * rand().
 *
 * Consent (R6): most families consented to personal data processing, a
 * few refused and a few have not been asked yet; those have no accounts,
 * so they are in the journal but not in the accounts file.  Account ids
 * equal person ids, so the ids of the accounts have gaps.
 *
 * The demo passwords follow from a published seed, so they are for a demo
 * and a developer's machine only.  Both files are created mode 0600.
 */

#define _POSIX_C_SOURCE 200809L

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "credentials.h"
#include "util.h"

/*
 * The demo's year runs from 1 September of 2026 + dy to 31 May of the
 * next.  It is generated in the calendar of 2026/2027 it was written for
 * (so that the people and the chances come out the same in every year),
 * and each date is moved by dy whole years where it is written out
 * (shifted(), sql_date); dates computed for the output's own calendar
 * (demo_today, the journal's days) are DD() of the 2026/2027 date.
 * Weekdays move with the calendar.  demo_today is the day the demo is
 * made for: the journal is filled up to the day before, the timetable's
 * changes fall in its week.
 */
static int	dy;
static long	demo_today;
static long	dt_week;	/* the Monday of the timetable's changes */
#define DD(y, m, d)	days_from_civil((y) + dy, (m), (d))

/* A day of the 2026/2027 calendar as the date written out (29 February
 * becomes the 28th in a year without one). */
static void
shifted(long z, int *y, int *m, int *d)
{
	civil_from_days(z, y, m, d);
	*y += dy;
	if (*m == 2 && *d == 29 && !(*y % 4 == 0 && (*y % 100 != 0 ||
	    *y % 400 == 0)))
		*d = 28;
}

/* DD(y, m, d) as "YYYY-MM-DD" (iso) or "DD.MM.YYYY", in one of eight
 * static buffers (a few may be used in one printf). */
static const char *
dd_fmt(int iso, int y, int m, int d)
{
	static char	 buf[8][11];
	static int	 k;
	char		*b = buf[k++ % 8];
	int		 yy, mm, dd;

	civil_from_days(DD(y, m, d), &yy, &mm, &dd);
	if (iso)
		snprintf(b, 11, "%04d-%02d-%02d", yy, mm, dd);
	else
		snprintf(b, 11, "%02d.%02d.%04d", dd, mm, yy);
	return b;
}
#define DISO(y, m, d)	dd_fmt(1, (y), (m), (d))

/* Any day as "YYYY-MM-DD", in a static buffer of eight as dd_fmt. */
static const char *
demo_iso(long z)
{
	int	 y, m, d;

	civil_from_days(z, &y, &m, &d);
	return dd_fmt(1, y - dy, m, d);
}

/* A text with the year's two numbers ("%d/%d"), kept for the run. */
static const char *
demo_year_name(const char *fmt)
{
	static char	 buf[4][160];
	static int	 k;
	char		*b = buf[k++ % 4];

	snprintf(b, sizeof(buf[0]), fmt, 2026 + dy, 2027 + dy);
	return b;
}

/* A text with one date in it ("%s"), kept for the run. */
static const char *
demo_text(const char *fmt, const char *date)
{
	static char	 buf[8][400];
	static int	 k;
	char		*b = buf[k++ % 8];

	snprintf(b, sizeof(buf[0]), fmt, date);
	return b;
}
#define DRU(y, m, d)	dd_fmt(0, (y), (m), (d))

#include "demo-names.h"

#define DEFAULT_SEED	20260901ULL
#define ROWS_PER_INSERT	250

#define MAX_PERSONS	4096
#define MAX_CLASSES	40
#define MAX_FAMILIES	2048

#define SCHOOL_ID	1
#define YEAR_ID		1

/*
 * Demo hashes are deliberately cheap: about 1,700 accounts must hash in a
 * second or two so that `make run` stays quick.  They are still Argon2id
 * strings, so the login code verifies them as usual, and because
 * crypto_pwhash_str_needs_rehash() reports them as weaker than the
 * configured parameters, the first successful login re-hashes the password
 * with the strong ones.  Never use these parameters for real accounts.
 */
#define DEMO_OPSLIMIT	crypto_pwhash_argon2id_OPSLIMIT_MIN
#define DEMO_MEMLIMIT	(1024 * 1024)

enum role {
	R_ADMIN,
	R_MANAGEMENT,
	R_TEACHER,
	R_CLASS_TEACHER,
	R_STUDENT,
	R_PARENT,
	R_SECRETARY,
	R_MEDIC,
	R_PSYCHOLOGIST,
	R_HR,
	R_INSPECTOR,
	R__MAX
};

/* Codes as seeded into the role table by sql/001_foundation.sql. */
static const char *const role_code[R__MAX] = {
	"admin", "management", "teacher", "class_teacher", "student",
	"parent", "secretary", "medic", "psychologist", "hr", "inspector",
};

/* Row order of the accounts file: staff by role, then students, parents. */
static const int role_rank[R__MAX] = {
	[R_ADMIN] = 0, [R_MANAGEMENT] = 1, [R_CLASS_TEACHER] = 2,
	[R_TEACHER] = 3, [R_SECRETARY] = 4, [R_MEDIC] = 5,
	[R_PSYCHOLOGIST] = 6, [R_HR] = 7, [R_INSPECTOR] = 8,
	[R_STUDENT] = 9, [R_PARENT] = 10,
};

/* A guardian's statement on personal data processing (R6). */
enum consent {
	C_NONE,		/* the school has not collected one yet */
	C_CONSENT,
	C_REFUSAL,
};

enum kind {
	K_STAFF,	/* employee of the school: has a staff row */
	K_OUTSIDER,	/* the inspector: an account, but not an employee */
	K_STUDENT,
	K_GUARDIAN,
};

struct person {
	unsigned	 id;		/* person.id and account.id */
	enum kind	 kind;
	int		 account;	/* has a login (R6: not without consent) */
	int		 gone;		/* login closed by an order: not in the TSV */
	char		 last[64];
	const char	*first;
	const char	*middle;
	char		 sex;		/* 'm' or 'f' */
	long		 birth;		/* days since 1970-01-01 */
	enum role	 main_role;
	unsigned	 roles;		/* bit (1 << role) */
	const char	*position;	/* staff and inspector */
	long		 hired;
	int		 klass;		/* student: own class; class teacher: theirs */
	int		 family;	/* students and guardians */
	const char	*gkind;		/* guardian: parent, adoptive, guardian */
	enum consent	 consent;	/* guardian: their latest statement */
	unsigned	 docno;		/* guardian: statement number, from 1 */
	int		 rec_min;	/* guardian: entered at 08:00 + minutes */
	char		 login[65];
	char		 password[13];
	char		 hash[crypto_pwhash_STRBYTES];
};

struct klass {
	unsigned	 id;
	int		 grade;
	const char	*letter;
	int		 teacher;	/* person index */
	int		 cap;		/* students to put in */
	int		 n;
	int		 students[32];	/* person indices, sorted by name */
};

struct family {
	int		 nkids;
	int		 kids[3];
	int		 nguard;
	int		 guard[2];
	enum consent	 consent;	/* all its guardians made the same one */
	long		 signed_on;	/* together, at a parents' meeting */
	int		 keep;		/* must consent: shown first in the TSV */
};

static struct person	persons[MAX_PERSONS];
static int		npersons;
static struct klass	classes[MAX_CLASSES];
static int		nclasses;
static struct family	families[MAX_FAMILIES];
static int		nfamilies;
static int		order[MAX_PERSONS];	/* person index by id - 1 */
static int		docs[MAX_PERSONS];	/* guardian by statement no. - 1 */
static int		ndocs;

/* --- PRNG: splitmix64, small and good enough for test data. --- */

struct rng {
	uint64_t	s;
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z;

	z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n); rejection keeps it unbiased. */
static unsigned
rnd(struct rng *r, unsigned n)
{
	uint64_t x, lim;

	lim = UINT64_MAX - UINT64_MAX % n;
	do
		x = rng_next(r);
	while (x >= lim);
	return (unsigned)(x % n);
}

static struct rng	rng;	/* people, classes, families */
static struct rng	pwrng;	/* passwords: independent of the data stream */
static struct rng	crng;	/* consent: independent of both */

/* Dates are days since 1970-01-01: days_from_civil, civil_from_days (lib/util.h). */

static int
year_of(long z)
{
	int y, m, d;

	civil_from_days(z, &y, &m, &d);
	return y;
}

/* A random day in [from, to]. */
static long
rnd_day(long from, long to)
{
	return from + (long)rnd(&rng, (unsigned)(to - from + 1));
}

/* --- UTF-8 helpers: the data is Cyrillic, two bytes a letter. --- */

/* Decode one code point at *s and advance; invalid bytes come back as is. */
static unsigned
utf8_next(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	unsigned c;

	if (p[0] >= 0xc0 && p[0] < 0xe0 && (p[1] & 0xc0) == 0x80) {
		c = ((p[0] & 0x1fU) << 6) | (p[1] & 0x3fU);
		*s += 2;
	} else {
		c = p[0];
		*s += 1;
	}
	return c;
}

/*
 * A sort weight in Russian alphabetical order: code point order is right
 * except for Ё/ё, which come after Е/е; letter case is ignored.
 */
static unsigned
ru_weight(unsigned c)
{
	if (c >= 0x410 && c <= 0x42f)
		c += 0x20;
	if (c == 0x401)
		c = 0x451;
	if (c == 0x451)
		return 0x435 * 2 + 1;
	return c * 2;
}

static int
ru_cmp(const char *a, const char *b)
{
	unsigned ca, cb;

	while (*a != '\0' && *b != '\0') {
		ca = ru_weight(utf8_next(&a));
		cb = ru_weight(utf8_next(&b));
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return (*a != '\0') - (*b != '\0');
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* --- Names --- */

static int
pick_male(int gen)
{
	int i;

	do
		i = (int)rnd(&rng, NELEM(male_names));
	while ((male_names[i].gen & gen) == 0);
	return i;
}

static int
pick_female(int gen)
{
	int i;

	do
		i = (int)rnd(&rng, NELEM(female_names));
	while ((female_names[i].gen & gen) == 0);
	return i;
}

static const char *
pick_surname(void)
{
	return surnames[rnd(&rng, NELEM(surnames))];
}

/* Which name lists suit a person born on day b. */
static int
gen_of(long b)
{
	int y = year_of(b);

	if (y >= 2005)
		return GEN_KID;
	if (y >= 1978)
		return GEN_ADULT;
	if (y >= 1968)
		return GEN_ADULT | GEN_OLD;
	return GEN_OLD;
}

/* Put the surname in the form for the sex (masculine form given). */
static void
set_last(struct person *p, const char *masc)
{
	size_t n = strlen(masc);

	if (n + 3 > sizeof(p->last))
		abort();
	memcpy(p->last, masc, n + 1);
	if (p->sex != 'f')
		return;
	if (ends_with(masc, "ий") || ends_with(masc, "ой") ||
	    ends_with(masc, "ый"))
		memcpy(p->last + n - strlen("ий"), "ая", strlen("ая") + 1);
	else if (ends_with(masc, "ов") || ends_with(masc, "ев") ||
	    ends_with(masc, "ёв") || ends_with(masc, "ин") ||
	    ends_with(masc, "ын"))
		memcpy(p->last + n, "а", strlen("а") + 1);
	/* Шевченко, Черных and the like do not change. */
}

static int
new_person(enum kind kind, char sex, long birth)
{
	struct person *p;

	if (npersons == MAX_PERSONS) {
		fprintf(stderr, "demo-school: too many persons\n");
		exit(1);
	}
	p = &persons[npersons];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->sex = sex;
	p->birth = birth;
	p->klass = -1;
	p->family = -1;
	p->middle = "";
	return npersons++;
}

/* An adult with a random name suited to their birth year. */
static int
new_adult(enum kind kind, char sex, long birth, const char *masc_surname)
{
	struct person *p;
	int i = new_person(kind, sex, birth), gen = gen_of(birth);

	p = &persons[i];
	if (sex == 'm') {
		p->first = male_names[pick_male(gen)].name;
		p->middle = male_names[pick_male(gen | GEN_OLD)].patr_m;
	} else {
		p->first = female_names[pick_female(gen)].name;
		p->middle = male_names[pick_male(gen | GEN_OLD)].patr_f;
	}
	set_last(p, masc_surname != NULL ? masc_surname : pick_surname());
	return i;
}

/* --- The school --- */

static const char *const letters[] = { "А", "Б", "В" };

static void
make_classes(void)
{
	struct klass *c;
	int g, k, n;

	for (g = 1; g <= 11; g++) {
		/* Senior grades: one technological, one universal class. */
		n = g >= 10 ? 2 : 2 + (int)rnd(&rng, 2);
		for (k = 0; k < n; k++) {
			c = &classes[nclasses];
			c->id = (unsigned)++nclasses;
			c->grade = g;
			c->letter = letters[k];
			c->teacher = -1;
			c->cap = 22 + (int)rnd(&rng, 7);
		}
	}
}

struct post {
	const char	*position;
	enum role	 role;
	int		 count;
	int		 female;	/* percent */
	int		 born_from, born_to;
};

/* Everyone but the primary teachers, whose number follows the classes. */
static const struct post posts[] = {
	{ "директор", R_MANAGEMENT, 1, 65, 1964, 1980 },
	{ "заместитель директора по учебно-воспитательной работе",
	    R_MANAGEMENT, 2, 85, 1966, 1988 },
	{ "заместитель директора по воспитательной работе",
	    R_MANAGEMENT, 1, 85, 1970, 1990 },
	{ "системный администратор", R_ADMIN, 1, 15, 1980, 1999 },
	{ "секретарь учебной части", R_SECRETARY, 1, 95, 1970, 2000 },
	{ "медицинская сестра", R_MEDIC, 1, 100, 1965, 1995 },
	{ "педагог-психолог", R_PSYCHOLOGIST, 1, 90, 1975, 1999 },
	{ "социальный педагог", R_PSYCHOLOGIST, 1, 90, 1970, 1995 },
	{ "специалист по кадрам", R_HR, 1, 95, 1968, 1995 },
	{ "учитель русского языка и литературы", R_TEACHER, 4, 95, 1962, 2000 },
	{ "учитель математики", R_TEACHER, 4, 80, 1962, 2000 },
	{ "учитель английского языка", R_TEACHER, 3, 90, 1970, 2001 },
	{ "учитель истории и обществознания", R_TEACHER, 2, 70, 1965, 2000 },
	{ "учитель географии", R_TEACHER, 1, 80, 1962, 1995 },
	{ "учитель биологии", R_TEACHER, 1, 85, 1962, 1995 },
	{ "учитель химии", R_TEACHER, 1, 85, 1962, 1995 },
	{ "учитель физики и астрономии", R_TEACHER, 1, 50, 1962, 1995 },
	{ "учитель информатики", R_TEACHER, 1, 40, 1975, 2001 },
	{ "учитель музыки", R_TEACHER, 1, 80, 1965, 2000 },
	{ "учитель изобразительного искусства", R_TEACHER, 1, 85, 1965, 2000 },
	{ "учитель труда (технологии)", R_TEACHER, 2, 50, 1962, 1995 },
	{ "учитель физической культуры", R_TEACHER, 2, 40, 1965, 2001 },
	{ "преподаватель-организатор основ безопасности и защиты Родины",
	    R_TEACHER, 1, 10, 1965, 1990 },
};

static int
new_staff(const char *position, enum role role, int female, int from, int to)
{
	struct person *p;
	long b, first_day;
	char sex = (int)rnd(&rng, 100) < female ? 'f' : 'm';
	int i;

	b = rnd_day(days_from_civil(from, 1, 1), days_from_civil(to, 12, 31));
	i = new_adult(K_STAFF, sex, b, NULL);
	p = &persons[i];
	p->position = position;
	p->main_role = role;
	p->roles = 1U << role;
	/* Hired after university (22) and not before 1990. */
	first_day = b + 22 * 365 + 180;
	if (first_day < days_from_civil(1990, 8, 15))
		first_day = days_from_civil(1990, 8, 15);
	p->hired = rnd_day(first_day, days_from_civil(2026, 8, 31));
	return i;
}

static void
make_class_teacher(int pi, int ci)
{
	struct person *p = &persons[pi];

	p->main_role = R_CLASS_TEACHER;
	p->roles |= 1U << R_TEACHER | 1U << R_CLASS_TEACHER;
	p->klass = ci;
	classes[ci].teacher = pi;
}

static void
make_staff(void)
{
	struct person *p;
	int sec[64], nsec = 0, i, k, t, c;
	size_t j;

	for (j = 0; j < NELEM(posts); j++)
		for (k = 0; k < posts[j].count; k++) {
			i = new_staff(posts[j].position, posts[j].role,
			    posts[j].female, posts[j].born_from,
			    posts[j].born_to);
			if (posts[j].role == R_TEACHER)
				sec[nsec++] = i;
		}

	/* A primary class is taught, and led, by its own teacher. */
	for (c = 0; c < nclasses; c++)
		if (classes[c].grade <= 4)
			make_class_teacher(new_staff("учитель начальных классов",
			    R_TEACHER, 97, 1962, 2001), c);

	/* Senior classes get a class teacher from the subject teachers. */
	for (k = nsec - 1; k > 0; k--) {
		i = (int)rnd(&rng, (unsigned)k + 1);
		t = sec[k];
		sec[k] = sec[i];
		sec[i] = t;
	}
	k = 0;
	for (c = 0; c < nclasses; c++)
		if (classes[c].grade > 4) {
			if (k == nsec) {
				fprintf(stderr, "demo-school: not enough "
				    "teachers for the classes\n");
				exit(1);
			}
			make_class_teacher(sec[k++], c);
		}

	/*
	 * The inspector works for the district education department, not
	 * for the school: an account with a person, but no staff row, so
	 * that staff lists and HR reports do not show them.
	 */
	i = new_adult(K_OUTSIDER, (int)rnd(&rng, 100) < 70 ? 'f' : 'm',
	    rnd_day(days_from_civil(1970, 1, 1), days_from_civil(1990, 12, 31)), NULL);
	p = &persons[i];
	p->position = "главный специалист управления образования";
	p->main_role = R_INSPECTOR;
	p->roles = 1U << R_INSPECTOR;
}

/*
 * Birth date of a child in grade g on 2026-09-01: most started school at
 * 6.5-7.5, a few later (born up to four months earlier), a few at 6.5-7.
 */
static long
child_birth(int g)
{
	long from = days_from_civil(2018 - (g - 1), 9, 1);
	unsigned r = rnd(&rng, 100);

	if (r < 10)
		return from - 1 - (long)rnd(&rng, 120);
	if (r < 15)
		return from + 365 + (long)rnd(&rng, 150);
	return from + (long)rnd(&rng, 365);
}

static int
new_guardian(int f, char sex, long birth, const char *surname,
    const char *gkind)
{
	struct family *fam = &families[f];
	int i = new_adult(K_GUARDIAN, sex, birth, surname);

	persons[i].main_role = R_PARENT;
	persons[i].roles = 1U << R_PARENT;
	persons[i].family = f;
	persons[i].gkind = gkind;
	fam->guard[fam->nguard++] = i;
	return i;
}

/*
 * One family: its children take the given class slots; its guardians are
 * both parents, one parent, a grandparent as guardian, or adoptive parents.
 */
static void
make_family(const int *kidclass, int nkids)
{
	struct family *fam;
	struct person *p;
	const char *surname;
	const char *gk;
	long birth[3], oldest, mother;
	int f, k, j, tries, ok, father, gen, type, i, has_father, has_mother;

	if (nfamilies == MAX_FAMILIES) {
		fprintf(stderr, "demo-school: too many families\n");
		exit(1);
	}
	f = nfamilies++;
	fam = &families[f];
	surname = pick_surname();
	father = pick_male(GEN_ADULT);

	/* Siblings are born at least ten months apart. */
	for (tries = 0; ; tries++) {
		for (k = 0; k < nkids; k++)
			birth[k] = child_birth(classes[kidclass[k]].grade);
		ok = 1;
		for (k = 0; k < nkids; k++)
			for (j = 0; j < k; j++)
				if (labs(birth[k] - birth[j]) < 300)
					ok = 0;
		if (ok || tries == 100)
			break;
	}

	oldest = birth[0];
	for (k = 0; k < nkids; k++) {
		i = new_person(K_STUDENT, rnd(&rng, 2) ? 'f' : 'm', birth[k]);
		p = &persons[i];
		if (birth[k] < oldest)
			oldest = birth[k];
		/* No two siblings with the same first name. */
		do {
			if (p->sex == 'm')
				p->first = male_names[pick_male(GEN_KID)].name;
			else
				p->first =
				    female_names[pick_female(GEN_KID)].name;
			for (j = 0; j < k; j++)
				if (strcmp(persons[fam->kids[j]].first,
				    p->first) == 0)
					break;
		} while (j < k);
		p->middle = p->sex == 'm' ? male_names[father].patr_m :
		    male_names[father].patr_f;
		set_last(p, surname);
		p->main_role = R_STUDENT;
		p->roles = 1U << R_STUDENT;
		p->klass = kidclass[k];
		p->family = f;
		fam->kids[fam->nkids++] = i;
	}

	mother = oldest - (21 + (long)rnd(&rng, 16)) * 365 -
	    (long)rnd(&rng, 365);
	/*
	 * 70%: both parents; 14%: the mother alone; 4%: the father alone;
	 * 8%: a grandparent as the legal guardian; 4%: adoptive parents.
	 */
	type = (int)rnd(&rng, 100);
	if (type >= 88 && type < 96) {
		new_guardian(f, rnd(&rng, 4) ? 'f' : 'm',
		    oldest - (long)(45 + rnd(&rng, 20)) * 365 -
		    (long)rnd(&rng, 365),
		    rnd(&rng, 2) ? surname : NULL, "guardian");
		return;
	}
	gk = type >= 96 ? "adoptive" : "parent";
	has_father = type < 70 || type >= 84;
	has_mother = type < 84 || type >= 96;
	if (has_father) {
		i = new_guardian(f, 'm', mother - (long)rnd(&rng, 6 * 365) +
		    (long)rnd(&rng, 365), surname, gk);
		/* The children's patronymic is made from his name. */
		gen = gen_of(persons[i].birth);
		if ((male_names[father].gen & gen) == 0) {
			father = pick_male(gen);
			for (k = 0; k < fam->nkids; k++) {
				p = &persons[fam->kids[k]];
				p->middle = p->sex == 'm' ?
				    male_names[father].patr_m :
				    male_names[father].patr_f;
			}
		}
		persons[i].first = male_names[father].name;
	}
	if (has_mother)
		new_guardian(f, 'f', mother, surname, gk);
}

static int
klass_grade_taken(const int *kc, int n, int grade)
{
	int k;

	for (k = 0; k < n; k++)
		if (classes[kc[k]].grade == grade)
			return 1;
	return 0;
}

static void
make_families(void)
{
	int *slot, *used, nslots = 0, c, k, i, j, t, nk, want, kc[3];
	unsigned r;

	for (c = 0; c < nclasses; c++)
		nslots += classes[c].cap;
	if ((slot = calloc((size_t)nslots, sizeof(int))) == NULL ||
	    (used = calloc((size_t)nslots, sizeof(int))) == NULL) {
		perror("demo-school");
		exit(1);
	}
	i = 0;
	for (c = 0; c < nclasses; c++)
		for (k = 0; k < classes[c].cap; k++)
			slot[i++] = c;
	for (i = nslots - 1; i > 0; i--) {
		j = (int)rnd(&rng, (unsigned)i + 1);
		t = slot[i];
		slot[i] = slot[j];
		slot[j] = t;
	}

	for (i = 0; i < nslots; i++) {
		if (used[i])
			continue;
		/*
		 * About 15% of families have two or three children here, in
		 * different grades.  The first two families are fixed at two
		 * children and one, so the accounts file always shows both.
		 */
		r = rnd(&rng, 100);
		want = nfamilies == 0 ? 2 : nfamilies == 1 ? 1 :
		    r < 85 ? 1 : r < 97 ? 2 : 3;
		used[i] = 1;
		kc[0] = slot[i];
		nk = 1;
		for (j = i + 1; j < nslots && nk < want; j++)
			if (!used[j] && !klass_grade_taken(kc, nk,
			    classes[slot[j]].grade)) {
				used[j] = 1;
				kc[nk++] = slot[j];
			}
		make_family(kc, nk);
	}
	free(slot);
	free(used);
}

static int
cmp_name(const void *a, const void *b)
{
	const struct person *p = &persons[*(const int *)a];
	const struct person *q = &persons[*(const int *)b];
	int r;

	if ((r = ru_cmp(p->last, q->last)) != 0 ||
	    (r = ru_cmp(p->first, q->first)) != 0 ||
	    (r = ru_cmp(p->middle, q->middle)) != 0)
		return r;
	return *(const int *)a - *(const int *)b;
}

/*
 * Ids: staff and the inspector first, then students class by class in
 * alphabetical order (the order of a class list), then guardians in the
 * order of their first child.  Account ids equal person ids.
 */
static void
assign_ids(void)
{
	struct klass *c;
	struct family *fam;
	unsigned id = 0;
	int i, k, g, nstudents;

	for (i = 0; i < npersons; i++)
		if (persons[i].kind == K_STAFF ||
		    persons[i].kind == K_OUTSIDER) {
			order[id] = i;
			persons[i].id = ++id;
		}
	for (i = 0; i < npersons; i++)
		if (persons[i].kind == K_STUDENT) {
			c = &classes[persons[i].klass];
			if (c->n == (int)NELEM(c->students))
				abort();
			c->students[c->n++] = i;
		}
	for (k = 0; k < nclasses; k++) {
		c = &classes[k];
		qsort(c->students, (size_t)c->n, sizeof(int), cmp_name);
		for (i = 0; i < c->n; i++) {
			order[id] = c->students[i];
			persons[c->students[i]].id = ++id;
		}
	}
	nstudents = (int)id;
	for (i = 0; i < nstudents; i++) {
		if (persons[order[i]].kind != K_STUDENT)
			continue;
		fam = &families[persons[order[i]].family];
		for (g = 0; g < fam->nguard; g++)
			if (persons[fam->guard[g]].id == 0) {
				order[id] = fam->guard[g];
				persons[fam->guard[g]].id = ++id;
			}
	}
	if ((int)id != npersons)
		abort();
}

/* --- Consent to personal data processing (R6) --- */

/* Does a child of a family whose statement is st study in class c? */
static int
class_has(int c, enum consent st)
{
	int f, k;

	for (f = 0; f < nfamilies; f++)
		if (families[f].consent == st)
			for (k = 0; k < families[f].nkids; k++)
				if (persons[families[f].kids[k]].klass == c)
					return 1;
	return 0;
}

/* The class where a refusal and a missing statement meet, or -1. */
static int
mixed_class(void)
{
	int c;

	for (c = 0; c < nclasses; c++)
		if (class_has(c, C_REFUSAL) && class_has(c, C_NONE))
			return c;
	return -1;
}

/* Give st to the first family that consented, has a child in c, and may. */
static void
family_in_class_set(int c, enum consent st)
{
	struct family *fam;
	int f, k;

	for (f = 0; f < nfamilies; f++) {
		fam = &families[f];
		if (fam->keep || fam->consent != C_CONSENT)
			continue;
		for (k = 0; k < fam->nkids; k++)
			if (persons[fam->kids[k]].klass == c) {
				fam->consent = st;
				return;
			}
	}
	fprintf(stderr, "demo-school: no family to refuse in a class\n");
	exit(1);
}

static int
cmp_statement(const void *a, const void *b)
{
	const struct person *p = &persons[*(const int *)a];
	const struct person *q = &persons[*(const int *)b];
	long x = families[p->family].signed_on;
	long y = families[q->family].signed_on;

	if (x != y)
		return x < y ? -1 : 1;
	return p->id < q->id ? -1 : p->id > q->id;
}

/*
 * Statements collected at the meetings before the year starts: in 93% of
 * families every guardian consented, in 4% they refused, in 3% the school
 * has none yet.  The two fixed families (two children, one child) and the
 * families of the first students of the accounts file consent, and one
 * class has both a refusal and a missing statement, for every seed.  A
 * stream of its own, so the people, logins and passwords do not move.
 *
 * Accounts follow: staff and the inspector have one; a guardian only with
 * consent; a student if at least one guardian consented.
 */
static void
make_consent(void)
{
	struct family *fam;
	struct person *p;
	int f, g, i, n, c;
	unsigned r;

	for (f = 0; f < nfamilies; f++) {
		fam = &families[f];
		r = rnd(&crng, 100);
		fam->consent = r < 93 ? C_CONSENT : r < 97 ? C_REFUSAL : C_NONE;
		fam->signed_on = days_from_civil(2026, 8, 25) + (long)rnd(&crng, 10);
	}
	/* Ids: staff first, then students; the first three students. */
	families[0].keep = families[1].keep = 1;
	for (i = 0, n = 0; i < npersons && n < 3; i++)
		if (persons[order[i]].kind == K_STUDENT) {
			families[persons[order[i]].family].keep = 1;
			n++;
		}
	for (f = 0; f < nfamilies; f++)
		if (families[f].keep)
			families[f].consent = C_CONSENT;
	if (mixed_class() == -1) {
		for (c = 0; c < nclasses && !class_has(c, C_REFUSAL); c++)
			;
		if (c == nclasses)
			c = 0;
		if (!class_has(c, C_REFUSAL))
			family_in_class_set(c, C_REFUSAL);
		if (!class_has(c, C_NONE))
			family_in_class_set(c, C_NONE);
	}

	/* The register numbers statements in the order they were signed. */
	for (i = 0; i < npersons; i++) {
		p = &persons[order[i]];
		if (p->kind != K_GUARDIAN)
			continue;
		p->consent = families[p->family].consent;
		if (p->consent != C_NONE) {
			docs[ndocs++] = order[i];
			p->rec_min = (int)rnd(&crng, 9 * 60);
		}
	}
	for (i = 0; i < npersons; i++) {
		p = &persons[i];
		switch (p->kind) {
		case K_GUARDIAN:
			p->account = p->consent == C_CONSENT;
			break;
		case K_STUDENT:
			fam = &families[p->family];
			for (g = 0; g < fam->nguard; g++)
				p->account |=
				    persons[fam->guard[g]].consent == C_CONSENT;
			break;
		default:
			p->account = 1;
		}
	}
	qsort(docs, (size_t)ndocs, sizeof(int), cmp_statement);
	for (i = 0; i < ndocs; i++)
		persons[docs[i]].docno = (unsigned)i + 1;
}

/* --- Logins and passwords --- */

static int
login_taken(const char *login, int upto)
{
	int i;

	for (i = 0; i < upto; i++)
		if (strcmp(persons[order[i]].login, login) == 0)
			return 1;
	return 0;
}

/*
 * Surname and initials by lib/credentials.c, «Иванов Пётр Сергеевич» ->
 * ivanov.ps; on a collision a number from 2 up is appended.  Taken in id
 * order, so the same seed always gives the same logins.  People without
 * an account (no consent) take part too, though their logins are never
 * written: so the consent draw changes no one else's login.
 */
static void
assign_logins(void)
{
	struct person *p;
	char base[65];
	int i, n;

	for (i = 0; i < npersons; i++) {
		p = &persons[order[i]];
		login_base(p->last, p->first, p->middle, base);
		for (n = 1; ; n++) {
			login_candidate(base, n, p->login);
			if (!login_taken(p->login, i))
				break;
		}
	}
}

/*
 * Twelve characters a child can copy from a paper slip: two groups of a
 * capitalised syllable pair and two digits, «Muvi47Basu29».  No 0, O, 1,
 * l or I; about 38 bits, enough for a first password that is changed.
 */
static void
make_password(char *pw)
{
	static const char cons[] = "bcdfghjkmnprstvwxz";
	static const char vow[] = "aeiuy";
	static const char dig[] = "23456789";
	int g, k = 0;

	for (g = 0; g < 2; g++) {
		pw[k++] = (char)(cons[rnd(&pwrng, sizeof(cons) - 1)] -
		    'a' + 'A');
		pw[k++] = vow[rnd(&pwrng, sizeof(vow) - 1)];
		pw[k++] = cons[rnd(&pwrng, sizeof(cons) - 1)];
		pw[k++] = vow[rnd(&pwrng, sizeof(vow) - 1)];
		pw[k++] = dig[rnd(&pwrng, sizeof(dig) - 1)];
		pw[k++] = dig[rnd(&pwrng, sizeof(dig) - 1)];
	}
	pw[k] = '\0';
}

static void
assign_passwords(void)
{
	struct person *p;
	int i;

	for (i = 0; i < npersons; i++) {
		p = &persons[order[i]];
		/* Drawn for everyone, so consent does not move the others. */
		make_password(p->password);
		if (!p->account)
			continue;
		if (crypto_pwhash_str_alg(p->hash, p->password,
		    strlen(p->password), DEMO_OPSLIMIT, DEMO_MEMLIMIT,
		    crypto_pwhash_ALG_ARGON2ID13) != 0) {
			fprintf(stderr, "demo-school: crypto_pwhash_str_alg "
			    "failed (out of memory?)\n");
			exit(1);
		}
	}
}

/* --- Subjects and the curriculum (ФОП 2023, five-day week) --- */

/*
 * Hours a week by column: grades 1..9, then 10 «А» (технологический
 * профиль), 10 «Б» (социально-гуманитарный), 11 «А», 11 «Б».
 */
#define NCOLS	13

struct subject {
	const char	*name;
	const char	*short_name;
	signed char	 hours[NCOLS];
};

static const struct subject subjects[] = {
	{ "Русский язык", "Рус. яз.",
	    { 5, 5, 5, 5, 5, 6, 4, 3, 3, 2, 2, 2, 2 } },
	{ "Литературное чтение", "Лит. чтение",
	    { 4, 4, 4, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 } },
	{ "Литература", "Литература",
	    { 0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3, 3, 3 } },
	{ "Иностранный язык (английский)", "Англ. яз.",
	    { 0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3 } },
	{ "Математика", "Математика",
	    { 4, 4, 4, 4, 5, 5, 0, 0, 0, 0, 0, 0, 0 } },
	{ "Алгебра", "Алгебра",
	    { 0, 0, 0, 0, 0, 0, 3, 3, 3, 0, 0, 0, 0 } },
	{ "Алгебра и начала математического анализа", "Алгебра и нач. анализа",
	    { 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 3, 4, 3 } },
	{ "Геометрия", "Геометрия",
	    { 0, 0, 0, 0, 0, 0, 2, 2, 2, 3, 2, 3, 2 } },
	{ "Вероятность и статистика", "Вероятн. и стат.",
	    { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1 } },
	{ "Информатика", "Информатика",
	    { 0, 0, 0, 0, 0, 0, 1, 1, 1, 3, 1, 3, 1 } },
	{ "Окружающий мир", "Окруж. мир",
	    { 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0 } },
	{ "Основы религиозных культур и светской этики", "ОРКСЭ",
	    { 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 } },
	{ "Основы духовно-нравственной культуры народов России", "ОДНКНР",
	    { 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0 } },
	{ "История", "История",
	    { 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 4, 2, 4 } },
	{ "Обществознание", "Обществозн.",
	    { 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 4, 2, 4 } },
	{ "География", "География",
	    { 0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1, 1, 1 } },
	{ "Биология", "Биология",
	    { 0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 1, 1, 1 } },
	{ "Физика", "Физика",
	    { 0, 0, 0, 0, 0, 0, 2, 2, 3, 4, 2, 4, 2 } },
	{ "Химия", "Химия",
	    { 0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1, 1, 1 } },
	{ "Астрономия", "Астрономия",
	    { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1 } },
	{ "Музыка", "Музыка",
	    { 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 } },
	{ "Изобразительное искусство", "ИЗО",
	    { 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0 } },
	{ "Труд (технология)", "Труд",
	    { 1, 1, 1, 1, 2, 2, 2, 1, 1, 0, 0, 0, 0 } },
	{ "Основы безопасности и защиты Родины", "ОБЗР",
	    { 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 } },
	{ "Физическая культура", "Физкультура",
	    { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 } },
	{ "Индивидуальный проект", "Инд. проект",
	    { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0 } },
};

static int
column_of(const struct klass *c)
{
	if (c->grade <= 9)
		return c->grade - 1;
	return 9 + (c->grade - 10) * 2 + (strcmp(c->letter, "А") != 0);
}

/* --- Output --- */

/* A single-quoted SQL string literal. */
static void
sql_str(FILE *fp, const char *s)
{
	fputc('\'', fp);
	for (; *s != '\0'; s++)
		switch (*s) {
		case '\'':
			fputs("''", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\032':
			fputs("\\Z", fp);
			break;
		default:
			fputc(*s, fp);
		}
	fputc('\'', fp);
}

static void
sql_date(FILE *fp, long z)
{
	int y, m, d;

	shifted(z, &y, &m, &d);
	fprintf(fp, "'%04d-%02d-%02d'", y, m, d);
}

/* Multi-row INSERTs of at most ROWS_PER_INSERT rows each. */
struct batch {
	FILE		*fp;
	const char	*head;
	int		 n;
};

static void
batch_row(struct batch *b)
{
	if (b->n % ROWS_PER_INSERT == 0) {
		if (b->n > 0)
			fputs(";\n", b->fp);
		fprintf(b->fp, "%s VALUES\n  (", b->head);
	} else
		fputs(",\n  (", b->fp);
	b->n++;
}

static void
batch_end(struct batch *b)
{
	if (b->n > 0)
		fputs(";\n\n", b->fp);
}

#include "demo-year.h"
#include "demo-scales.h"
#include "demo-groups.h"
#include "demo-orders.h"
#include "demo-personal.h"
#include "demo-timetable.h"
#include "demo-plan.h"
#include "demo-journal.h"

static void
write_sql(FILE *fp, unsigned long long seed)
{
	struct batch b;
	struct person *p;
	struct klass *c;
	struct family *fam;
	size_t j;
	int i, k, g, r, col, y, m, d;

	fprintf(fp, "-- Demo school written by tools/demo-school --seed %llu.\n"
	    "-- Load into an empty, migrated database.  Demo passwords are "
	    "in demo-accounts.tsv.\n\n"
	    "SET NAMES utf8mb4;\nSTART TRANSACTION;\n\n", seed);

	fprintf(fp, "INSERT INTO school (id, name, short_name) VALUES\n  (%d, ",
	    SCHOOL_ID);
	sql_str(fp, "Муниципальное бюджетное общеобразовательное учреждение "
	    "«Средняя общеобразовательная школа № 21»");
	fputs(", ", fp);
	sql_str(fp, "МБОУ СОШ № 21");
	fputs(");\n\n", fp);

	fprintf(fp, "INSERT INTO year (id, school_id, name, starts_on, ends_on, "
	    "is_open) VALUES\n  (%d, %d, ", YEAR_ID, SCHOOL_ID);
	sql_str(fp, demo_year_name("%d/%d"));
	fputs(", ", fp);
	sql_date(fp, days_from_civil(2026, 9, 1));
	fputs(", ", fp);
	sql_date(fp, days_from_civil(2027, 5, 31));
	fputs(", 1);\n\n", fp);

	b = (struct batch){ fp, "INSERT INTO person (id, school_id, last_name, "
	    "first_name, middle_name, sex, birth_date)", 0 };
	for (i = 0; i < npersons; i++) {
		p = &persons[order[i]];
		batch_row(&b);
		fprintf(fp, "%u, %d, ", p->id, SCHOOL_ID);
		sql_str(fp, p->last);
		fputs(", ", fp);
		sql_str(fp, p->first);
		fputs(", ", fp);
		sql_str(fp, p->middle);
		fprintf(fp, ", '%c', ", p->sex);
		sql_date(fp, p->birth);
		fputc(')', fp);
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO account (id, person_id, "
	    "school_id, login, pw_hash, issued_at)", 0 };
	for (i = 0; i < npersons; i++) {
		p = &persons[order[i]];
		if (!p->account)
			continue;
		batch_row(&b);
		fprintf(fp, "%u, %u, %d, ", p->id, p->id, SCHOOL_ID);
		sql_str(fp, p->login);
		fputs(", ", fp);
		sql_str(fp, p->hash);
		fprintf(fp, ", '%s 09:00:00')", DISO(2026, 9, 1));
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO account_role (account_id, role)",
	    0 };
	for (i = 0; i < npersons; i++) {
		p = &persons[order[i]];
		if (!p->account)
			continue;
		for (r = 0; r < R__MAX; r++)
			if (p->roles & 1U << r) {
				batch_row(&b);
				fprintf(fp, "%u, '%s')", p->id, role_code[r]);
			}
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO staff (person_id, position, "
	    "hired_on)", 0 };
	for (i = 0; i < npersons; i++) {
		p = &persons[order[i]];
		if (p->kind != K_STAFF)
			continue;
		batch_row(&b);
		fprintf(fp, "%u, ", p->id);
		sql_str(fp, p->position);
		fputs(", ", fp);
		sql_date(fp, p->hired);
		fputc(')', fp);
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO class (id, school_id, year_id, "
	    "grade, letter, teacher_id)", 0 };
	for (k = 0; k < nclasses; k++) {
		c = &classes[k];
		batch_row(&b);
		fprintf(fp, "%u, %d, %d, %d, ", c->id, SCHOOL_ID, YEAR_ID,
		    c->grade);
		sql_str(fp, c->letter);
		fprintf(fp, ", %u)", persons[c->teacher].id);
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO class_student (class_id, "
	    "student_id, joined_on)", 0 };
	for (k = 0; k < nclasses; k++) {
		c = &classes[k];
		for (i = 0; i < c->n; i++) {
			batch_row(&b);
			fprintf(fp, "%u, %u, ", c->id,
			    persons[c->students[i]].id);
			sql_date(fp, days_from_civil(2026, 9, 1));
			fputc(')', fp);
		}
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO guardian (guardian_id, "
	    "student_id, kind)", 0 };
	for (i = 0; i < npersons; i++) {
		p = &persons[order[i]];
		if (p->kind != K_GUARDIAN)
			continue;
		fam = &families[p->family];
		for (k = 0; k < fam->nkids; k++) {
			batch_row(&b);
			fprintf(fp, "%u, %u, '%s')", p->id,
			    persons[fam->kids[k]].id, p->gkind);
		}
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO consent (id, guardian_id, status, "
	    "signed_on, document, recorded_by, recorded_at)", 0 };
	for (i = 0; i < ndocs; i++) {
		p = &persons[docs[i]];
		batch_row(&b);
		fprintf(fp, "%u, %u, '%s', ", p->docno, p->id,
		    p->consent == C_CONSENT ? "consent" : "refusal");
		sql_date(fp, families[p->family].signed_on);
		fprintf(fp, ", 'С-%d/%04u', NULL, ", 2026 + dy, p->docno);
		shifted(families[p->family].signed_on, &y, &m, &d);
		fprintf(fp, "'%04d-%02d-%02d %02d:%02d:00')", y, m, d,
		    8 + p->rec_min / 60, p->rec_min % 60);
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO subject (id, school_id, name, "
	    "short_name)", 0 };
	for (j = 0; j < NELEM(subjects); j++) {
		batch_row(&b);
		fprintf(fp, "%zu, %d, ", j + 1, SCHOOL_ID);
		sql_str(fp, subjects[j].name);
		fputs(", ", fp);
		sql_str(fp, subjects[j].short_name);
		fputc(')', fp);
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO curriculum (class_id, subject_id, "
	    "hours)", 0 };
	for (k = 0; k < nclasses; k++) {
		c = &classes[k];
		col = column_of(c);
		for (j = 0; j < NELEM(subjects); j++) {
			if ((g = subjects[j].hours[col]) == 0)
				continue;
			batch_row(&b);
			fprintf(fp, "%u, %zu, %d.0)", c->id, j + 1, g);
		}
	}
	batch_end(&b);

	/* The structure of the year, scales, groups, orders (issue 3). */
	demo_year(fp);
	demo_scales(fp);
	demo_groups(fp);
	demo_orders(fp);
	demo_personal(fp);
	/* The timetable and the plans (issue 5), then the journal (issue 4). */
	demo_timetable(fp);
	demo_plan(fp);
	demo_journal(fp);

	fputs("COMMIT;\n", fp);
}

static int
tsv_rank(const struct person *p)
{
	return role_rank[p->main_role];
}

/* Staff by role (class teachers by class), then students, then parents. */
static int
cmp_tsv(const void *a, const void *b)
{
	const struct person *p = &persons[*(const int *)a];
	const struct person *q = &persons[*(const int *)b];

	if (tsv_rank(p) != tsv_rank(q))
		return tsv_rank(p) - tsv_rank(q);
	if (p->main_role == R_CLASS_TEACHER && p->klass != q->klass)
		return p->klass - q->klass;
	return p->id < q->id ? -1 : p->id > q->id;
}

static int
cmp_id(const void *a, const void *b)
{
	unsigned x = persons[*(const int *)a].id;
	unsigned y = persons[*(const int *)b].id;

	return x < y ? -1 : x > y;
}

static void
write_tsv(FILE *fp)
{
	struct person *p;
	struct family *fam;
	const char *sep;
	int *rows, i, k, kids[3];

	if ((rows = calloc((size_t)npersons, sizeof(int))) == NULL) {
		perror("demo-school");
		exit(1);
	}
	for (i = 0; i < npersons; i++)
		rows[i] = i;
	qsort(rows, (size_t)npersons, sizeof(int), cmp_tsv);

	fputs("role\tlogin\tpassword\tfull_name\tdetail\n", fp);
	for (i = 0; i < npersons; i++) {
		p = &persons[rows[i]];
		if (!p->account || p->gone)
			continue;
		fprintf(fp, "%s\t%s\t%s\t%s %s %s\t", role_code[p->main_role],
		    p->login, p->password, p->last, p->first, p->middle);
		switch (p->main_role) {
		case R_STUDENT:
		case R_CLASS_TEACHER:
			fprintf(fp, "%d %s", classes[p->klass].grade,
			    classes[p->klass].letter);
			break;
		case R_PARENT:
			fam = &families[p->family];
			memcpy(kids, fam->kids, sizeof(kids));
			qsort(kids, (size_t)fam->nkids, sizeof(int), cmp_id);
			for (k = 0, sep = ""; k < fam->nkids; k++)
				if (persons[kids[k]].account) {
					fprintf(fp, "%s%s", sep,
					    persons[kids[k]].login);
					sep = ",";
				}
			break;
		default:
			fputs(p->position, fp);
		}
		fputc('\n', fp);
	}
	free(rows);
}

/* Write through a temporary file, so a failed run leaves no half file. */
static void
write_file(const char *dir, const char *name, int tsv,
    unsigned long long seed)
{
	char path[4096], tmp[4096];
	FILE *fp;
	int fd;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path) ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp)) {
		fprintf(stderr, "demo-school: %s: path too long\n", dir);
		exit(1);
	}
	/* Passwords and (cheap) hashes: readable by the owner only. */
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    (fp = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "demo-school: %s: %s\n", tmp, strerror(errno));
		exit(1);
	}
	if (tsv)
		write_tsv(fp);
	else
		write_sql(fp, seed);
	if (fflush(fp) != 0 || ferror(fp) || fclose(fp) != 0) {
		fprintf(stderr, "demo-school: %s: %s\n", tmp, strerror(errno));
		unlink(tmp);
		exit(1);
	}
	if (rename(tmp, path) == -1) {
		fprintf(stderr, "demo-school: %s: %s\n", path, strerror(errno));
		unlink(tmp);
		exit(1);
	}
}

/*
 * Every role of R1 held by an account; a parent of several children and
 * of one with an account; a class with a refusal and a missing consent.
 */
static void
check(void)
{
	unsigned held = 0;
	int i, several = 0, one = 0, n;

	for (i = 0; i < npersons; i++) {
		if (!persons[i].account)
			continue;
		held |= persons[i].roles;
		if (persons[i].kind == K_GUARDIAN) {
			n = families[persons[i].family].nkids;
			several |= n >= 2;
			one |= n == 1;
		}
	}
	if (held != (1U << R__MAX) - 1 || !several || !one ||
	    mixed_class() == -1) {
		fprintf(stderr, "demo-school: internal error: a role, a "
		    "family kind or a consent case is missing\n");
		exit(1);
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: demo-school --out DIR [--seed N] "
	    "[--today YYYY-MM-DD] [--journal-until YYYY-MM-DD]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct timespec t0, t1;
	unsigned long long seed = DEFAULT_SEED;
	const char *dir = NULL, *until = NULL;
	char *end;
	struct tm tm;
	time_t now;
	int y, m, d;
	int i, nstaff = 0, nstudents = 0, nguardians = 0, naccounts = 0;
	int nfam[3] = { 0, 0, 0 }, nstat[3] = { 0, 0, 0 };

	now = time(NULL);
	localtime_r(&now, &tm);
	demo_today = days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "--today") == 0 && i + 1 < argc) {
			if (date_parse(argv[++i], &demo_today) != 0) {
				fprintf(stderr, "demo-school: --today: "
				    "YYYY-MM-DD\n");
				exit(2);
			}
		} else if (strcmp(argv[i], "--journal-until") == 0 &&
		    i + 1 < argc)
			until = argv[++i];
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			errno = 0;
			seed = strtoull(argv[++i], &end, 10);
			if (errno != 0 || *end != '\0' || end == argv[i])
				usage();
		} else
			usage();
	}
	if (dir == NULL)
		usage();
	/* The school year of demo_today: from September, the one that
	 * begins; until August, the one that began the September before. */
	civil_from_days(demo_today, &y, &m, &d);
	dy = (m >= 9 ? y : y - 1) - 2026;
	dj_until = demo_today - 1 < DJ_LAST ? demo_today - 1 : DJ_LAST;
	if (until != NULL && (date_parse(until, &dj_until) != 0 ||
	    dj_until < DJ_FIRST || dj_until > DJ_LAST)) {
		fprintf(stderr, "demo-school: --journal-until: a date of the "
		    "demo year, %s to %s\n", DISO(2026, 9, 1),
		    DISO(2027, 5, 31));
		exit(2);
	}
	/* Days since 1970-01-01 (a Thursday): weekday 0 is Monday.  The
	 * changes fall on Tuesday to Thursday of today's week, or of the
	 * next one from Friday on, so that they are ahead or near. */
	dt_week = demo_today - (demo_today + 3) % 7;
	if ((demo_today + 3) % 7 >= 4)
		dt_week += 7;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (sodium_init() < 0) {
		fprintf(stderr, "demo-school: sodium_init failed\n");
		return 1;
	}
	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		fprintf(stderr, "demo-school: %s: %s\n", dir, strerror(errno));
		return 1;
	}

	rng.s = seed;
	pwrng.s = seed ^ 0x70617373776f7264ULL;	/* "password" */
	crng.s = seed ^ 0x636f6e73656e74ULL;	/* "consent" */
	make_classes();
	make_staff();
	make_families();
	assign_ids();
	make_consent();
	assign_logins();
	check();
	assign_passwords();
	write_file(dir, "demo.sql", 0, seed);
	write_file(dir, "demo-accounts.tsv", 1, seed);
	clock_gettime(CLOCK_MONOTONIC, &t1);

	for (i = 0; i < nfamilies; i++)
		nfam[families[i].consent]++;
	for (i = 0; i < ndocs; i++)
		nstat[persons[docs[i]].consent]++;
	for (i = 0; i < npersons; i++)
		naccounts += persons[i].account;
	for (i = 0; i < npersons; i++)
		switch (persons[i].kind) {
		case K_STAFF:
			nstaff++;
			break;
		case K_STUDENT:
			nstudents++;
			break;
		case K_GUARDIAN:
			nguardians++;
			break;
		default:
			break;
		}
	printf("demo-school: seed %llu: %d classes, %d students, "
	    "%d guardians (%d families), %d staff + 1 inspector, "
	    "%d accounts; consent: %d families (%d statements), refusal: %d "
	    "(%d), none yet: %d; %.2f s\n", seed, nclasses, nstudents,
	    nguardians, nfamilies, nstaff, naccounts, nfam[C_CONSENT],
	    nstat[C_CONSENT], nfam[C_REFUSAL], nstat[C_REFUSAL], nfam[C_NONE],
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	printf("demo-school: wrote %s/demo.sql and %s/demo-accounts.tsv\n",
	    dir, dir);
	return 0;
}
