/*
 * demo-orders.h: the demo school's book of orders (issue 3, R16, R5).
 * Included by demo-school.c after its data is built; writes SQL inside the
 * demo's transaction (before COMMIT), after every other table is filled.
 *
 * The orders agree with the rest of the demo:
 *   1-од	28.08.2026	other: the school's working hours
 *   1-у	31.08.2026	enrolment of every first-grader, from 01.09
 *   15-у	14.09.2026	transfer of one student of 6 «А» to 6 «Б», a
 *				family with accounts: the TSV names the new class
 *   27-у	15.10.2026	withdrawal of a ninth-grader whose family has
 *				no accounts (no consent), so no login changes
 *   31-к	30.10.2026	dismissal of the social pedagogue, who leads no
 *				class: account switched off and, through
 *				person.gone, left out of demo-accounts.tsv
 * The choices are deterministic: first or last in a fixed order, no draws,
 * so the other slices' random streams do not move.
 */

/* Families of class c whose statement is st. */
static int
orders_families_in(int c, enum consent st)
{
	int	 f, k, n = 0;

	for (f = 0; f < nfamilies; f++)
		if (families[f].consent == st)
			for (k = 0; k < families[f].nkids; k++)
				if (persons[families[f].kids[k]].klass == c) {
					n++;
					break;
				}
	return n;
}

static int
orders_class(int grade, const char *letter)
{
	int	 k;

	for (k = 0; k < nclasses; k++)
		if (classes[k].grade == grade &&
		    strcmp(classes[k].letter, letter) == 0)
			return k;
	return -1;
}

/* The transfer: the last of 6 «А» (by name) with a login, an only child,
 * not of the families the tests rely on. */
static int
orders_pick_transfer(int from)
{
	struct person	*p;
	int		 i;

	for (i = classes[from].n - 1; i >= 0; i--) {
		p = &persons[classes[from].students[i]];
		if (p->account && !families[p->family].keep &&
		    families[p->family].nkids == 1)
			return classes[from].students[i];
	}
	return -1;
}

/*
 * The withdrawal: a ninth-grader, an only child, whose family has no
 * accounts; the class keeps another family of the same statement, so a
 * class with both a refusal and a missing statement stays one.
 */
static int
orders_pick_withdrawal(void)
{
	struct family	*fam;
	struct person	*p;
	int		 c, i, g, ok;

	for (c = 0; c < nclasses; c++) {
		if (classes[c].grade != 9)
			continue;
		for (i = 0; i < classes[c].n; i++) {
			p = &persons[classes[c].students[i]];
			fam = &families[p->family];
			if (p->account || fam->keep || fam->nkids != 1 ||
			    fam->consent == C_CONSENT ||
			    orders_families_in(c, fam->consent) < 2)
				continue;
			for (g = 0, ok = 1; g < fam->nguard; g++)
				ok &= !persons[fam->guard[g]].account;
			if (ok)
				return classes[c].students[i];
		}
	}
	return -1;
}

static void
orders_head(FILE *fp, int id, const char *number, long dated,
    const char *kind, const char *title, const char *text, unsigned by)
{
	int	 y, m, d;

	fprintf(fp, "INSERT INTO school_order (id, school_id, number, dated, "
	    "kind, title, text, created_by, created_at) VALUES\n  (%d, %d, ",
	    id, SCHOOL_ID);
	sql_str(fp, number);
	fputs(", ", fp);
	sql_date(fp, dated);
	fprintf(fp, ", '%s', ", kind);
	sql_str(fp, title);
	fputs(", ", fp);
	sql_str(fp, text);
	shifted(dated, &y, &m, &d);
	fprintf(fp, ", %u, '%04d-%02d-%02d 10:00:00');\n", by, y, m, d);
}

static void
orders_movement(struct batch *b, int order_id, unsigned person,
    const char *kind, unsigned from, unsigned to, long on, const char *note,
    unsigned by)
{
	batch_row(b);
	fprintf(b->fp, "%d, %u, '%s', ", order_id, person, kind);
	if (from)
		fprintf(b->fp, "%u, ", from);
	else
		fputs("NULL, ", b->fp);
	if (to)
		fprintf(b->fp, "%u, ", to);
	else
		fputs("NULL, ", b->fp);
	sql_date(b->fp, on);
	fputs(", ", b->fp);
	sql_str(b->fp, note);
	fprintf(b->fp, ", %u)", by);
}

static void
demo_orders(FILE *fp)
{
	struct batch	 b;
	struct person	*p;
	unsigned	 by = 0;
	int		 i, k, a6, b6, moved, left, gone = -1;

	for (i = 0; i < npersons; i++) {
		p = &persons[i];
		if (p->main_role == R_SECRETARY && by == 0)
			by = p->id;
		if (p->kind == K_STAFF && p->position != NULL &&
		    strcmp(p->position, "социальный педагог") == 0 &&
		    p->main_role == R_PSYCHOLOGIST && gone == -1)
			gone = i;
	}
	a6 = orders_class(6, "А");
	b6 = orders_class(6, "Б");
	moved = a6 == -1 ? -1 : orders_pick_transfer(a6);
	left = orders_pick_withdrawal();
	if (by == 0 || gone == -1 || b6 == -1 || moved == -1 || left == -1) {
		fprintf(stderr, "demo-school: orders: no secretary, social "
		    "pedagogue, 6 «Б», student to transfer or to withdraw\n");
		exit(1);
	}

	fputs("-- The book of orders (demo-orders.h).\n", fp);
	orders_head(fp, 1, "1-од", days_from_civil(2026, 8, 28), "other",
	    demo_year_name("О режиме работы школы в %d/%d учебном году"),
	    "Установить пятидневную учебную неделю для 1-11 классов; начало "
	    "первого урока в 8:30.", by);
	orders_head(fp, 2, "1-у", days_from_civil(2026, 8, 31), "enrolment",
	    "О зачислении в 1 класс",
	    demo_text("На основании заявлений родителей (законных "
	    "представителей) зачислить в 1 класс с %s обучающихся по списку.",
	    DRU(2026, 9, 1)), by);
	orders_head(fp, 3, "15-у", days_from_civil(2026, 9, 14), "transfer",
	    "О переводе обучающегося в параллельный класс",
	    demo_text("На основании заявления родителя перевести обучающегося "
	    "из 6 «А» в 6 «Б» класс с %s.", DRU(2026, 9, 14)), by);
	orders_head(fp, 4, "27-у", days_from_civil(2026, 10, 15), "withdrawal",
	    "Об отчислении обучающегося",
	    demo_text("Отчислить обучающегося 9 класса с %s в связи с "
	    "переводом в другую образовательную организацию.",
	    DRU(2026, 10, 15)), by);
	orders_head(fp, 5, "31-к", days_from_civil(2026, 10, 30), "dismissal",
	    "Об увольнении",
	    demo_text("Расторгнуть трудовой договор по инициативе работника "
	    "с %s.", DRU(2026, 10, 30)), by);

	/* What the movements did to the memberships and logins. */
	fprintf(fp, "UPDATE class_student SET left_on = '%s' WHERE "
	    "class_id = %u AND student_id = %u;\n", DISO(2026, 9, 14),
	    classes[a6].id,
	    persons[moved].id);
	fprintf(fp, "INSERT INTO class_student (class_id, student_id, "
	    "joined_on) VALUES (%u, %u, '%s');\n", classes[b6].id,
	    persons[moved].id, DISO(2026, 9, 14));
	fprintf(fp, "UPDATE class_student SET left_on = '%s' WHERE "
	    "student_id = %u AND left_on IS NULL;\n", DISO(2026, 10, 15),
	    persons[left].id);
	/* The family has no logins; the statement says so if it ever had. */
	fprintf(fp, "UPDATE account SET is_active = 0 WHERE person_id = %u;\n",
	    persons[left].id);
	fprintf(fp, "UPDATE staff SET dismissed_on = '%s' WHERE "
	    "person_id = %u;\n", DISO(2026, 10, 30), persons[gone].id);
	fprintf(fp, "UPDATE account SET is_active = 0 WHERE person_id = %u;\n",
	    persons[gone].id);

	b = (struct batch){ fp, "INSERT INTO movement (order_id, person_id, "
	    "kind, from_class_id, to_class_id, on_date, note, created_by)", 0 };
	for (k = 0; k < nclasses; k++)
		if (classes[k].grade == 1)
			for (i = 0; i < classes[k].n; i++)
				orders_movement(&b, 2,
				    persons[classes[k].students[i]].id,
				    "enrolment", 0, classes[k].id,
				    days_from_civil(2026, 9, 1), "заявление родителей", by);
	orders_movement(&b, 3, persons[moved].id, "transfer", classes[a6].id,
	    classes[b6].id, days_from_civil(2026, 9, 14), "заявление родителя", by);
	orders_movement(&b, 4, persons[left].id, "withdrawal",
	    classes[persons[left].klass].id, 0, days_from_civil(2026, 10, 15),
	    "перевод в другую образовательную организацию", by);
	orders_movement(&b, 5, persons[gone].id, "dismissal", 0, 0,
	    days_from_civil(2026, 10, 30), "по собственному желанию", by);
	batch_end(&b);

	/* The accounts file follows: the new class, no dismissed login. */
	persons[moved].klass = b6;
	persons[gone].gone = 1;
}
