/*
 * demo-year.h: the demo school's part for issue 3's "year" slice.  Included
 * by demo-school.c after its data is built; writes SQL inside the demo's
 * transaction (before COMMIT).
 *
 * The demo year 2026/2027 (1 September to 31 May) gets the usual Russian
 * calendar: quarters for grades 1-9, half-years for 10-11, the autumn,
 * winter and spring holidays for everyone, the extra February week for
 * first-graders, and the last days of May after the final lessons as the
 * start of the summer holidays, so that the coverage check of /year finds
 * no gaps.  Bells: seven lessons of 45 minutes, first shift.
 */
static void
demo_year(FILE *fp)
{
	static const struct {
		const char	*name;
		const char	*kind;
		int		 from, to;
		int		 y1, m1, d1, y2, m2, d2;
	} periods[] = {
		{ "1 четверть", "quarter", 1, 9, 2026, 9, 1, 2026, 10, 24 },
		{ "2 четверть", "quarter", 1, 9, 2026, 11, 5, 2026, 12, 28 },
		{ "3 четверть", "quarter", 1, 9, 2027, 1, 12, 2027, 3, 21 },
		{ "4 четверть", "quarter", 1, 9, 2027, 3, 30, 2027, 5, 26 },
		{ "1 полугодие", "half", 10, 11, 2026, 9, 1, 2026, 12, 28 },
		{ "2 полугодие", "half", 10, 11, 2027, 1, 12, 2027, 5, 26 },
	};
	static const struct {
		const char	*name;
		int		 from, to;
		int		 y1, m1, d1, y2, m2, d2;
	} holidays[] = {
		{ "Осенние каникулы", 1, 11, 2026, 10, 25, 2026, 11, 4 },
		{ "Зимние каникулы", 1, 11, 2026, 12, 29, 2027, 1, 11 },
		{ "Дополнительные каникулы для первоклассников", 1, 1,
		    2027, 2, 16, 2027, 2, 22 },
		{ "Весенние каникулы", 1, 11, 2027, 3, 22, 2027, 3, 29 },
		{ "Летние каникулы", 1, 11, 2027, 5, 27, 2027, 5, 31 },
	};
	static const char *bells[][2] = {
		{ "08:30", "09:15" }, { "09:25", "10:10" }, { "10:30", "11:15" },
		{ "11:35", "12:20" }, { "12:30", "13:15" }, { "13:25", "14:10" },
		{ "14:20", "15:05" },
	};
	struct batch	 b;
	size_t		 i;
	int		 sort = 0, lastfrom = 0;

	b = (struct batch){ fp, "INSERT INTO period (year_id, name, kind, "
	    "grade_from, grade_to, starts_on, ends_on, sort)", 0 };
	for (i = 0; i < sizeof(periods) / sizeof(periods[0]); i++) {
		/* Numbered by date within the grade range, as the screen does. */
		sort = periods[i].from == lastfrom ? sort + 1 : 1;
		lastfrom = periods[i].from;
		batch_row(&b);
		fprintf(fp, "%d, ", YEAR_ID);
		sql_str(fp, periods[i].name);
		fprintf(fp, ", '%s', %d, %d, ", periods[i].kind,
		    periods[i].from, periods[i].to);
		sql_date(fp, days_from_civil(periods[i].y1, periods[i].m1, periods[i].d1));
		fputs(", ", fp);
		sql_date(fp, days_from_civil(periods[i].y2, periods[i].m2, periods[i].d2));
		fprintf(fp, ", %d)", sort);
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO holiday (year_id, name, "
	    "grade_from, grade_to, starts_on, ends_on)", 0 };
	for (i = 0; i < sizeof(holidays) / sizeof(holidays[0]); i++) {
		batch_row(&b);
		fprintf(fp, "%d, ", YEAR_ID);
		sql_str(fp, holidays[i].name);
		fprintf(fp, ", %d, %d, ", holidays[i].from, holidays[i].to);
		sql_date(fp, days_from_civil(holidays[i].y1, holidays[i].m1,
		    holidays[i].d1));
		fputs(", ", fp);
		sql_date(fp, days_from_civil(holidays[i].y2, holidays[i].m2,
		    holidays[i].d2));
		fputc(')', fp);
	}
	batch_end(&b);

	b = (struct batch){ fp, "INSERT INTO bell (year_id, shift, number, "
	    "starts_at, ends_at)", 0 };
	for (i = 0; i < sizeof(bells) / sizeof(bells[0]); i++) {
		batch_row(&b);
		fprintf(fp, "%d, 1, %zu, '%s', '%s')", YEAR_ID, i + 1,
		    bells[i][0], bells[i][1]);
	}
	batch_end(&b);
}
