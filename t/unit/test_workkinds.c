/*
 * test_workkinds.c: the weight of a form of work as the administrator
 * types it («1,5» or «1.5», one decimal, 0.1..10) and the text it is
 * stored as.
 */
#include <stdio.h>

#include "tap.h"
#include "workkinds.h"

static const struct {
	const char	*in;
	const char	*out;	/* NULL: refused */
} cases[] = {
	{ "1", "1.0" }, { "1,5", "1.5" }, { "1.5", "1.5" }, { "0,1", "0.1" },
	{ "10", "10.0" }, { "10,0", "10.0" }, { "2.50", "2.5" },
	{ "0", NULL }, { "0,0", NULL }, { "10,1", NULL }, { "11", NULL },
	{ "1,55", NULL }, { "1,", NULL }, { ",5", NULL }, { "-1", NULL },
	{ "abc", NULL }, { "", NULL }, { "1 5", NULL }, { "1000", NULL },
	{ "1.5.", NULL },
};

int
main(void)
{
	char	 buf[16];
	size_t	 i;
	int	 rc;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf[0] = '\0';
		rc = work_weight_parse(cases[i].in, buf, sizeof(buf));
		if (cases[i].out == NULL)
			is_int(rc, -1, "«%s» is refused", cases[i].in);
		else {
			is_int(rc, 0, "«%s» is a weight", cases[i].in);
			is_str(buf, cases[i].out, "... stored as %s",
			    cases[i].out);
		}
	}
	return done_testing();
}
