/*
 * demo-year.h: the demo school's part for issue 3's "year" slice.  Included
 * by demo-school.c after its data is built; writes SQL inside the demo's
 * transaction (before COMMIT).  Use the generator's own data (persons[],
 * classes[], nclasses, families[], subjects[], SCHOOL_ID, YEAR_ID, the
 * batch_* and sql_* helpers) and its own deterministic random stream.
 */
static void
demo_year(FILE *fp)
{
	(void)fp;
}
