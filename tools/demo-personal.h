/*
 * demo-personal.h: the demo school's personal files (issue 3, R7, R17).
 * Included by demo-school.c after its data is built; writes SQL inside the
 * demo's transaction (before COMMIT).
 *
 * Every student, guardian and employee gets a file: a family shares one
 * address in the town (a few are registered elsewhere), adults and most
 * students from the 5th grade have a mobile phone, about half of the
 * guardians with a login an e-mail; students have a birth certificate
 * (and a passport from 14), adults a passport; about two thirds of the
 * people a СНИЛС with a correct control number; students a health group
 * and, for some, the nurse's notes.
 *
 * The class teacher's check (R17): about 70% of each class confirmed
 * today (CURDATE(), so that whenever the demo is loaded /pdcheck shows
 * the rest as not confirmed this quarter); of the rest, half have an
 * older check from before the summer, half none at all.
 *
 * Draws come from a stream of its own, started from the data stream's
 * state without advancing it, so the other slices do not move.
 */

static struct rng	dprng;

static const char *const dp_streets[] = {
	"ул. Ленина", "ул. Комсомольская", "ул. Строителей", "ул. Спортивная",
	"ул. Светлая", "ул. Братская", "пр. Мира", "ул. Зелёная",
	"ул. Озёрская", "ул. Конституции", "ул. Ахунская", "ул. Рабочая",
};
static const char *const dp_villages[] = {
	"Пензенская обл., Бессоновский р-н, с. Бессоновка, ул. Центральная",
	"Пензенская обл., Никольский р-н, г. Никольск, ул. Московская",
	"Республика Мордовия, г. Саранск, ул. Большевистская",
};
static const char *const dp_domains[] = {
	"mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru",
};
static const char *const dp_notes[] = {
	"Носит очки, сидеть за первыми партами.",
	"Аллергия на цитрусовые и мёд.",
	"Бронхиальная астма, ингалятор в портфеле.",
	"Освобождение от физкультуры до конца полугодия (справка № 418).",
	"Плоскостопие, подготовительная группа по физкультуре.",
};
#define DP_TOWN	"Пензенская обл., г. Заречный"

/* A mobile number: +7 9xx xxx-xx-xx. */
static void
dp_phone(char *buf, size_t n)
{
	snprintf(buf, n, "+7 9%02u %03u-%02u-%02u", rnd(&dprng, 100),
	    rnd(&dprng, 1000), rnd(&dprng, 100), rnd(&dprng, 100));
}

/* A СНИЛС with its control number (sums of 100 and 101 give 00). */
static void
dp_snils(char *buf, size_t n)
{
	unsigned	 d[9], sum, i, ctl;

	do {
		for (i = 0, sum = 0; i < 9; i++) {
			d[i] = rnd(&dprng, 10);
			sum += d[i] * (9 - i);
		}
	} while (d[0] == 0);
	ctl = sum < 100 ? sum : sum % 101 == 100 ? 0 : sum % 101;
	snprintf(buf, n, "%u%u%u-%u%u%u-%u%u%u %02u", d[0], d[1], d[2], d[3],
	    d[4], d[5], d[6], d[7], d[8], ctl);
}

static void
dp_date(char *buf, size_t n, long z)
{
	int	 y, m, d;

	shifted(z, &y, &m, &d);
	snprintf(buf, n, "%02d.%02d.%04d", d, m, y);
}

/* A passport issued at 14 (or 20, 45) with a later replacement. */
static void
dp_passport(char *buf, size_t n, long birth)
{
	char	 on[16];
	long	 at = birth + 14 * 365 + 20 + (long)rnd(&dprng, 60);
	long	 now = days_from_civil(2026, 9, 1);

	if (birth + 45 * 365 + 20 < now)
		at = birth + 45 * 365 + 20 + (long)rnd(&dprng, 60);
	else if (birth + 20 * 365 + 20 < now)
		at = birth + 20 * 365 + 20 + (long)rnd(&dprng, 60);
	dp_date(on, sizeof(on), at);
	snprintf(buf, n, "Паспорт 56 %02d %06u, выдан УМВД России по "
	    "Пензенской области %s", year_of(at) % 100,
	    100000 + rnd(&dprng, 900000), on);
}

static void
demo_personal(FILE *fp)
{
	static const char *const letters2[] = { "ИЗ", "ЖЕ", "АР", "МЮ" };
	static const char *const roman[] = { "I", "II", "III", "IV" };
	struct batch	 b;
	struct person	*p;
	struct klass	*c;
	char		 phone[64], email[128], reg[512], live[512], snils[100];
	char		 docs[600], pass[200], on[16];
	unsigned	*fam_house, h;
	int		 i, k, has_phone, has_snils, grade, hg;
	long		 age;

	dprng.s = rng.s ^ 0x706572736f6e616cULL;	/* "personal" */
	/* One address per family: street, house and flat. */
	if ((fam_house = calloc((size_t)nfamilies + 1, sizeof(*fam_house)))
	    == NULL) {
		perror("demo-school");
		exit(1);
	}
	for (i = 0; i < nfamilies; i++)
		fam_house[i] = rnd(&dprng, NELEM(dp_streets)) * 100000 +
		    (1 + rnd(&dprng, 60)) * 1000 + 1 + rnd(&dprng, 150);

	b = (struct batch){ fp, "INSERT INTO person_file (person_id, phone, "
	    "email, address_reg, address_live, documents, snils, "
	    "health_group, health_notes, updated_at)", 0 };
	for (i = 0; i < npersons; i++) {
		p = &persons[order[i]];
		if (p->kind == K_OUTSIDER)
			continue;
		h = p->family >= 0 ? fam_house[p->family] :
		    rnd(&dprng, NELEM(dp_streets)) * 100000 +
		    (1 + rnd(&dprng, 60)) * 1000 + 1 + rnd(&dprng, 150);
		snprintf(live, sizeof(live), DP_TOWN ", %s, д. %u, кв. %u",
		    dp_streets[h / 100000], h / 1000 % 100, h % 1000);
		if (rnd(&dprng, 10) == 0)
			snprintf(reg, sizeof(reg), "%s, д. %u",
			    dp_villages[rnd(&dprng, NELEM(dp_villages))],
			    1 + rnd(&dprng, 40));
		else
			memcpy(reg, live, sizeof(reg));
		grade = p->kind == K_STUDENT && p->klass >= 0 ?
		    classes[p->klass].grade : 0;
		has_phone = p->kind != K_STUDENT ||
		    (grade >= 5 && rnd(&dprng, 10) < 8) ||
		    (grade >= 2 && rnd(&dprng, 10) < 3);
		if (has_phone)
			dp_phone(phone, sizeof(phone));
		email[0] = '\0';
		if (p->login[0] != '\0' && (p->kind == K_STAFF ||
		    (p->kind == K_GUARDIAN && rnd(&dprng, 2) == 0)))
			snprintf(email, sizeof(email), "%s@%s", p->login,
			    p->kind == K_STAFF ? "school21-zar.ru" :
			    dp_domains[rnd(&dprng, NELEM(dp_domains))]);
		age = days_from_civil(2026, 11, 1) - p->birth;
		if (p->kind == K_STUDENT) {
			dp_date(on, sizeof(on), p->birth + 7 +
			    (long)rnd(&dprng, 25));
			snprintf(docs, sizeof(docs), "Свидетельство о рождении "
			    "%s-%s № %06u, выдано отделом ЗАГС г. Заречного %s",
			    roman[rnd(&dprng, NELEM(roman))],
			    letters2[rnd(&dprng, NELEM(letters2))],
			    100000 + rnd(&dprng, 900000), on);
			if (age >= 14 * 365 + 30) {
				dp_passport(pass, sizeof(pass), p->birth);
				k = (int)strlen(docs);
				snprintf(docs + k, sizeof(docs) - (size_t)k,
				    "\n%s", pass);
			}
		} else
			dp_passport(docs, sizeof(docs), p->birth);
		has_snils = p->kind == K_STAFF || rnd(&dprng, 3) != 0;
		if (has_snils)
			dp_snils(snils, sizeof(snils));
		batch_row(&b);
		fprintf(fp, "%u, ", p->id);
		if (has_phone)
			sql_str(fp, phone);
		else
			fputs("NULL", fp);
		fputs(", ", fp);
		if (email[0] != '\0')
			sql_str(fp, email);
		else
			fputs("NULL", fp);
		fputs(", ", fp);
		sql_str(fp, reg);
		fputs(", ", fp);
		sql_str(fp, live);
		fputs(", ", fp);
		sql_str(fp, docs);
		fputs(", ", fp);
		if (has_snils)
			sql_str(fp, snils);
		else
			fputs("NULL", fp);
		if (p->kind == K_STUDENT) {
			k = (int)rnd(&dprng, 100);
			hg = k < 20 ? 1 : k < 80 ? 2 : k < 95 ? 3 : 4;
			fprintf(fp, ", %d, ", hg);
			if (hg >= 3 || rnd(&dprng, 8) == 0)
				sql_str(fp, dp_notes[rnd(&dprng,
				    NELEM(dp_notes))]);
			else
				fputs("NULL", fp);
		} else
			fputs(", NULL, NULL", fp);
		fprintf(fp, ", '%s 12:00:00')", DISO(2026, 9, 1));
	}
	batch_end(&b);
	free(fam_house);

	/* R17: about 70% of each class confirmed today by its teacher. */
	b = (struct batch){ fp, "INSERT INTO pd_check (person_id, checked_on, "
	    "checked_by, result)", 0 };
	for (k = 0; k < nclasses; k++) {
		c = &classes[k];
		for (i = 0; i < c->n; i++) {
			p = &persons[c->students[i]];
			hg = (int)rnd(&dprng, 100);
			if (hg < 70) {
				batch_row(&b);
				fprintf(fp, "%u, '%s', %u, 'confirmed')",
				    p->id, demo_iso(demo_today),
				    persons[c->teacher].id);
			} else if (hg < 85) {
				batch_row(&b);
				fprintf(fp, "%u, '%s', %u, 'confirmed')",
				    p->id, DISO(2026, 5, 20),
				    persons[c->teacher].id);
			}
		}
	}
	batch_end(&b);
}
