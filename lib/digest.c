/*
 * digest.c: building and sending the e-mail digests.  Everything a letter
 * says is read when it is queued, so a letter tells what was new in its
 * window, whenever it is finally sent.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "clock.h"
#include "db.h"
#include "delivery.h"
#include "digest.h"
#include "groups.h"
#include "screen.h"
#include "log.h"
#include "sqlnames.h"

/* Due: the window since the last letter (or the choice) is a day long,
 * less an hour so that a cron job at a fixed hour is never a day late. */
DB_STMT(q_digest_due,
    "SELECT d.guardian_id, d.email, p.school_id,"
    " CONCAT_WS(' ', p.first_name, NULLIF(p.middle_name, '')),"
    " DATE_FORMAT(w.since, '%Y-%m-%d %H:%i:%s'),"
    " DATE_FORMAT(w.since, '%d.%m.%Y %H:%i')"
    " FROM delivery d"
    " JOIN person p ON p.id = d.guardian_id"
    " JOIN account a ON a.person_id = d.guardian_id AND a.is_active = 1"
    " JOIN (SELECT d2.guardian_id, GREATEST(d2.chosen_at,"
    "   IFNULL(MAX(x.covers_to), d2.chosen_at)) AS since"
    "   FROM delivery d2 LEFT JOIN digest x ON x.guardian_id = d2.guardian_id"
    "   GROUP BY d2.guardian_id, d2.chosen_at) w"
    "   ON w.guardian_id = d.guardian_id"
    " WHERE d.mode IN ('email_daily', 'email_weekly')"
    "   AND w.since <= ? - INTERVAL IF(d.mode = 'email_daily', 23, 167) HOUR"
    " ORDER BY d.guardian_id");

/* A guardian's children still at school, by name. */
#define CHILDREN \
    " FROM guardian g JOIN person c ON c.id = g.student_id" \
    " JOIN class_student cs ON cs.student_id = c.id AND cs.left_on IS NULL" \
    " JOIN class k ON k.id = cs.class_id"
#define CHILD_COLS	"c.id, " FULL_NAME("c") ", " CLASS_NAME("k")

DB_STMT(q_digest_marks,
    "SELECT " CHILD_COLS ", DATE_FORMAT(l.on_date, '%d.%m'), s.name,"
    " m.code, w.name, m.comment"
    CHILDREN
    " JOIN mark m ON m.student_id = c.id"
    " JOIN lesson_work lw ON lw.id = m.lesson_work_id"
    " JOIN work_kind w ON w.id = lw.work_kind_id"
    " JOIN lesson l ON l.id = lw.lesson_id"
    " JOIN subject s ON s.id = l.subject_id"
    " WHERE g.guardian_id = ? AND m.changed_at > ? AND m.changed_at <= ?"
    " ORDER BY c.last_name, c.first_name, c.id, l.on_date, s.name");
DB_STMT(q_digest_absences,
    "SELECT " CHILD_COLS ", DATE_FORMAT(l.on_date, '%d.%m'), s.name,"
    " l.number"
    CHILDREN
    " JOIN absence a ON a.student_id = c.id"
    " JOIN lesson l ON l.id = a.lesson_id"
    " JOIN subject s ON s.id = l.subject_id"
    " WHERE g.guardian_id = ? AND a.set_at > ? AND a.set_at <= ?"
    " ORDER BY c.last_name, c.first_name, c.id, l.on_date, l.number");
DB_STMT(q_digest_homework,
    "SELECT " CHILD_COLS ", DATE_FORMAT(l.on_date, '%d.%m'), s.name,"
    " l.homework, hs.text"
    CHILDREN
    " JOIN " GROUP_MEMBERS_SQL " gm ON gm.student_id = c.id"
    " JOIN lesson l ON l.group_id = gm.group_id"
    " JOIN subject s ON s.id = l.subject_id"
    " LEFT JOIN homework_student hs ON hs.lesson_id = l.id"
    "   AND hs.student_id = c.id"
    " WHERE g.guardian_id = ? AND (l.homework <> '' OR hs.text IS NOT NULL)"
    "   AND COALESCE(l.homework_at, l.created_at) > ?"
    "   AND COALESCE(l.homework_at, l.created_at) <= ?"
    " ORDER BY c.last_name, c.first_name, c.id, l.on_date, s.name");
DB_STMT(q_digest_insert,
    "INSERT INTO digest (school_id, guardian_id, email, covers_from,"
    " covers_to, subject, body, status, next_try_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
DB_STMT(q_now, "SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s'),"
    " DATE_FORMAT(NOW(), '%d.%m.%Y %H:%i')");

DB_STMT(q_digest_ready,
    "SELECT id FROM digest WHERE status IN ('queued', 'failed')"
    " AND next_try_at <= NOW() AND attempts < ? ORDER BY id LIMIT 1000");
DB_STMT(q_digest_claim,
    "UPDATE digest SET status = 'sending' WHERE id = ?"
    " AND status IN ('queued', 'failed')");
DB_STMT(q_digest_letter,
    "SELECT guardian_id, email, subject, body FROM digest WHERE id = ?");
DB_STMT(q_digest_letter_status, "SELECT status FROM digest WHERE id = ?");
DB_STMT(q_digest_sent,
    "UPDATE digest SET status = 'sent', sent_at = NOW(), last_error = ''"
    " WHERE id = ?");
/*
 * Each failure doubles the wait (10 min, 20, 40, ...: eight attempts span
 * about 21 hours; never more than a day); the max_attempts-th gives the
 * letter up.  MariaDB
 * assigns left to right: status reads attempts before the increment,
 * next_try_at after it.
 */
DB_STMT(q_digest_failed,
    "UPDATE digest SET"
    " status = IF(attempts + 1 >= ?, 'abandoned', 'failed'),"
    " attempts = attempts + 1,"
    " next_try_at = NOW()"
    "   + INTERVAL LEAST(10 * POW(2, attempts - 1), 1440) MINUTE,"
    " last_error = ? WHERE id = ?");
/* A limit lowered in the config gives up what is already past it. */
DB_STMT(q_digest_give_up,
    "UPDATE digest SET status = 'abandoned'"
    " WHERE status = 'failed' AND attempts >= ?");
/* An unsubscribe (or another choice) stops the letters still waiting. */
DB_STMT(q_digest_cancel,
    "UPDATE digest x SET x.status = 'cancelled',"
    " x.last_error = 'семья отказалась от писем до отправки'"
    " WHERE x.status IN ('queued', 'failed') AND NOT EXISTS (SELECT 1"
    "   FROM delivery d WHERE d.guardian_id = x.guardian_id"
    "   AND d.mode IN ('email_daily', 'email_weekly'))");
DB_STMT(q_digest_hold,
    "UPDATE digest SET last_error = ? WHERE status IN ('queued', 'failed')");
/* The transport is back: no letter waits for that reason any more. */
DB_STMT(q_digest_unhold,
    "UPDATE digest SET last_error = '' WHERE status IN ('queued', 'failed')"
    " AND last_error LIKE 'почта не настроена%'");
DB_STMT(q_digest_trouble,
    "SELECT"
    " (SELECT COUNT(*) FROM digest WHERE school_id = ?"
    "   AND status IN ('queued', 'failed')) AS waiting,"
    " (SELECT last_error FROM digest WHERE school_id = ?"
    "   AND status IN ('queued', 'failed') AND last_error <> ''"
    "   ORDER BY id DESC LIMIT 1) AS problem,"
    " (SELECT COUNT(*) FROM digest WHERE school_id = ?"
    "   AND status = 'abandoned'"
    "   AND created_at >= NOW() - INTERVAL 30 DAY) AS abandoned,"
    /* Families whose digest is overdue: chosen two days ago (eight for a
     * weekly one), and the school's last letter was queued before that:
     * journal-digest does not run at all, which nothing else would show.
     * The school's last letter is one step back on its index. */
    " (SELECT COUNT(*) FROM delivery d JOIN person p ON p.id = d.guardian_id"
    "   JOIN account a ON a.person_id = d.guardian_id AND a.is_active = 1"
    "   WHERE p.school_id = ? AND d.mode IN ('email_daily', 'email_weekly')"
    "   AND d.chosen_at < NOW()"
    "     - INTERVAL IF(d.mode = 'email_daily', 2, 8) DAY"
    "   AND IFNULL((SELECT x.created_at FROM digest x WHERE x.school_id = ?"
    "     ORDER BY x.id DESC LIMIT 1), '1000-01-01') < NOW()"
    "     - INTERVAL IF(d.mode = 'email_daily', 2, 8) DAY) AS overdue");
DB_STMT(q_digest_abandoned,
    "SELECT " FULL_NAME("p") " AS name, x.email, x.attempts, x.last_error,"
    " DATE_FORMAT(x.created_at, '%d.%m.%Y') AS created"
    " FROM digest x JOIN person p ON p.id = x.guardian_id"
    " WHERE x.school_id = ? AND x.status = 'abandoned'"
    " AND x.created_at >= NOW() - INTERVAL 30 DAY"
    " ORDER BY x.id DESC LIMIT 10");

/* One section of the letter: rows of a query grouped by child. */
static int
section(struct buf *b, struct db_stmt *q, long long guardian,
    const char *since, const char *now, const char *title, int kind)
{
	char		 child[32] = "";
	const char	*id;
	int		 rc, n = 0;

	if (db_query(q, "lss", guardian, since, now) == -1)
		return -1;
	while ((rc = db_next(q)) == 1) {
		id = db_str(q, 0);
		if (strcmp(child, id) != 0) {
			snprintf(child, sizeof(child), "%s", id);
			buf_printf(b, "\n%s, %s класс — %s:\n", db_str(q, 1),
			    db_str(q, 2), title);
		}
		n++;
		if (kind == 'm')
			buf_printf(b, "  %s  %s — %s (%s)%s%s\n", db_str(q, 3),
			    db_str(q, 4), db_str(q, 5), db_str(q, 6),
			    db_str(q, 7)[0] != '\0' ? ": " : "", db_str(q, 7));
		else if (kind == 'a')
			buf_printf(b, "  %s  %s%s%s\n", db_str(q, 3),
			    db_str(q, 4), db_str(q, 5) != NULL ? ", урок " : "",
			    db_str(q, 5) != NULL ? db_str(q, 5) : "");
		else
			buf_printf(b, "  %s  %s: %s%s%s\n", db_str(q, 3),
			    db_str(q, 4), db_str(q, 5),
			    db_str(q, 6) != NULL ? (db_str(q, 5)[0] != '\0' ?
			    "; индивидуально: " : "индивидуально: ") : "",
			    db_str(q, 6) != NULL ? db_str(q, 6) : "");
	}
	return rc == -1 ? -1 : n;
}

int
digest_queue(const char *base_url, int *queued, int *empty)
{
	struct guardian {
		long long	 id, school;
		char		*email, *name, *since, *since_h;
	}		*v = NULL;
	struct buf	 b = { 0 };
	char		 now[32], now_h[32], token[DELIVERY_TOKEN_LEN + 1];
	size_t		 n = 0, cap = 0, i;
	int		 rc, k, total, ret = -1;
	long long	 ins;

	*queued = *empty = 0;
	/* One "now" for the whole run: every window ends at the same second. */
	if (db_query(&q_now, "") == -1 || db_next(&q_now) != 1)
		return -1;
	snprintf(now, sizeof(now), "%s", db_str(&q_now, 0));
	snprintf(now_h, sizeof(now_h), "%s", db_str(&q_now, 1));
	db_done(&q_now);

	/* The due list first: its result must be closed before the
	 * per-guardian queries run on the same connection. */
	if (db_query(&q_digest_due, "s", now) == -1)
		return -1;
	while ((rc = db_next(&q_digest_due)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((v = realloc(v, cap * sizeof(*v))) == NULL)
				abort();
		}
		v[n].id = db_int(&q_digest_due, 0);
		v[n].email = strdup(db_str(&q_digest_due, 1));
		v[n].school = db_int(&q_digest_due, 2);
		v[n].name = strdup(db_str(&q_digest_due, 3));
		v[n].since = strdup(db_str(&q_digest_due, 4));
		v[n].since_h = strdup(db_str(&q_digest_due, 5));
		if (!v[n].email || !v[n].name || !v[n].since || !v[n].since_h)
			abort();
		n++;
	}
	if (rc == -1)
		goto out;

	for (i = 0; i < n; i++) {
		buf_reset(&b);
		buf_printf(&b, "Здравствуйте, %s!\n\nНовое в электронном "
		    "дневнике с %s по %s.\n", v[i].name, v[i].since_h, now_h);
		total = 0;
		if ((k = section(&b, &q_digest_marks, v[i].id, v[i].since, now,
		    "отметки", 'm')) == -1)
			goto out;
		total += k;
		if ((k = section(&b, &q_digest_absences, v[i].id, v[i].since,
		    now, "пропуски", 'a')) == -1)
			goto out;
		total += k;
		if ((k = section(&b, &q_digest_homework, v[i].id, v[i].since,
		    now, "домашние задания", 'h')) == -1)
			goto out;
		total += k;
		if (delivery_token(v[i].id, token) == -1)
			goto out;
		buf_printf(&b, "\nЭлектронный дневник: %s/\n"
		    "Отписаться от писем: %s/unsubscribe?g=%lld&t=%s\n",
		    base_url, base_url, v[i].id, token);
		buf_append(&b, "", 1);
		ins = db_exec(&q_digest_insert, "llsssssss", v[i].school,
		    v[i].id, v[i].email, v[i].since, now,
		    "Электронный дневник: новые отметки и задания", b.data,
		    total > 0 ? "queued" : "empty", now);
		if (ins == DB_DUPLICATE)
			continue;	/* a second run within the same second */
		if (ins < 0)
			goto out;
		if (total > 0)
			(*queued)++;
		else
			(*empty)++;
	}
	ret = 0;
out:
	for (i = 0; i < n; i++) {
		free(v[i].email);
		free(v[i].name);
		free(v[i].since);
		free(v[i].since_h);
	}
	free(v);
	buf_free(&b);
	return ret;
}

/*
 * RFC 2047: a UTF-8 text as base64 encoded words (39 bytes each, never
 * splitting a character: 64 characters, under RFC 2047's 75), folded one
 * to a line, so that "Subject: " and a word stay within 78 characters.
 */
static void
encoded_words(struct buf *b, const char *s)
{
	size_t	 n = strlen(s), off = 0, take;
	char	 enc[sodium_base64_ENCODED_LEN(39,
	    sodium_base64_VARIANT_ORIGINAL)];

	while (off < n) {
		take = n - off > 39 ? 39 : n - off;
		while (off + take < n && take > 1 &&
		    ((unsigned char)s[off + take] & 0xc0) == 0x80)
			take--;
		sodium_bin2base64(enc, sizeof(enc),
		    (const unsigned char *)s + off, take,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "%s=?UTF-8?B?%s?=", off > 0 ? "\n " : "", enc);
		off += take;
	}
}

/* A display name as it is when plain ASCII, else as encoded words. */
static void
display_name(struct buf *b, const char *s, size_t n)
{
	char	*name = strndup(s, n);
	size_t	 i;
	int	 plain = 1;

	if (name == NULL)
		abort();
	for (i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || (unsigned char)name[i] >
		    0x7e || name[i] == '"' || name[i] == '\\')
			plain = 0;
	if (plain)
		buf_printf(b, "\"%s\"", name);
	else
		encoded_words(b, name);
	free(name);
}

/* The address of "addr" or "Name <addr>", malloc'ed. */
static char *
bare_address(const char *from)
{
	const char	*lt = strrchr(from, '<'), *gt;
	char		*a;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL)
		a = strndup(lt + 1, (size_t)(gt - lt - 1));
	else
		a = strdup(from);
	if (a == NULL)
		abort();
	return a;
}

/* RFC 5322 date-time of the program's clock (lib/clock.h), local zone. */
static void
mail_date(struct buf *b)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed",
	    "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	 tm;
	long		 off;

	clock_tm(&tm);
	off = tm.tm_gmtoff / 60;
	buf_printf(b, "%s, %d %s %d %02d:%02d:%02d %c%02ld%02ld",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    off < 0 ? '-' : '+', (off < 0 ? -off : off) / 60,
	    (off < 0 ? -off : off) % 60);
}

/*
 * The body: UTF-8 text in canonical form (CRLF line ends, RFC 2045 6.8)
 * as base64 in lines of 76: no line too long for SMTP whatever the
 * homework says, and no need for 8BITMIME on the way.
 */
static void
base64_body(struct buf *b, const char *text)
{
	struct buf	 crlf = { 0 };
	char		 enc[sodium_base64_ENCODED_LEN(57,
	    sodium_base64_VARIANT_ORIGINAL)];
	const char	*p;
	size_t		 off, take;

	for (p = text; *p != '\0'; p++) {
		if (*p == '\n' && (p == text || p[-1] != '\r'))
			buf_append(&crlf, "\r", 1);
		buf_append(&crlf, p, 1);
	}
	for (off = 0; off < crlf.len; off += take) {
		take = crlf.len - off > 57 ? 57 : crlf.len - off;
		sodium_bin2base64(enc, sizeof(enc),
		    (const unsigned char *)crlf.data + off, take,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "%s\n", enc);
	}
	buf_free(&crlf);
}

/*
 * One letter, as large mail providers want it: Date and Message-ID (the
 * local relays msmtp and nullmailer add neither), MIME headers for
 * Russian text, and the one-click unsubscribe of RFC 8058: an https
 * List-Unsubscribe with the family's token plus List-Unsubscribe-Post,
 * which tells the provider to POST "List-Unsubscribe=One-Click" to it.
 * RFC 8058 allows the one-click only for https: over http the header is
 * left out (the tool warns), and the link stays for the reader.
 */
static int
letter(struct buf *msg, const struct digest_mail *m, long long id,
    long long guardian, const char *to, const char *subject,
    const char *body)
{
	char		 token[DELIVERY_TOKEN_LEN + 1], mid[DELIVERY_TOKEN_LEN + 1];
	char		 what[48];
	const char	*lt = strrchr(m->from, '<'), *name;
	char		*addr = bare_address(m->from);
	size_t		 n;

	snprintf(what, sizeof(what), "message-id:%lld", id);
	if (delivery_token(guardian, token) == -1 ||
	    delivery_mac(what, mid) == -1) {
		free(addr);
		return -1;
	}
	buf_reset(msg);
	buf_puts(msg, "Date: ");
	mail_date(msg);
	buf_puts(msg, "\nFrom: ");
	if (lt != NULL) {	/* "Name <addr>": the name, unquoted */
		name = m->from;
		for (n = (size_t)(lt - name); n > 0 &&
		    (name[n - 1] == ' ' || name[n - 1] == '"'); n--)
			;
		for (; n > 0 && (*name == '"' || *name == ' '); n--)
			name++;
		if (n > 0) {
			display_name(msg, name, n);
			buf_puts(msg, "\n ");	/* folded: a long name */
		}
	}
	buf_printf(msg, "<%s>\nTo: %s\nSubject: ", addr, to);
	encoded_words(msg, subject);
	/* Stable across the letter's retries: a copy that got through
	 * before a failure is recognised as the same letter. */
	buf_printf(msg, "\nMessage-ID: <digest.%lld.%.22s@%s>\n"
	    "MIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: base64\n"
	    "Auto-Submitted: auto-generated\n"
	    "List-Unsubscribe: <%s/unsubscribe?g=%lld&t=%s>\n",
	    id, mid, m->domain, m->base_url, guardian, token);
	if (strncmp(m->base_url, "https://", 8) == 0)
		buf_puts(msg, "List-Unsubscribe-Post: "
		    "List-Unsubscribe=One-Click\n");
	buf_puts(msg, "\n");
	base64_body(msg, body);
	free(addr);
	return 0;
}

/*
 * Pipe one letter to sendmail; NULL on success, else what went wrong.
 * The recipient is given on the command line after "--", so no header of
 * the letter can add recipients; addresses were checked when chosen.
 * -f sets the envelope sender to mail.from's address: SPF checks that
 * domain, and bounces go there.
 */
static const char *
pipe_to(const char *sendmail, const char *sender, const char *to,
    const struct buf *msg)
{
	static char	 why[128];
	int		 fd[2], status;
	pid_t		 pid;
	size_t		 off = 0;
	ssize_t		 w;

	if (pipe(fd) == -1)
		return "pipe";
	if ((pid = fork()) == -1) {
		close(fd[0]);
		close(fd[1]);
		return "fork";
	}
	if (pid == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		execl(sendmail, sendmail, "-i", "-f", sender, "--", to,
		    (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	while (off < msg->len) {
		if ((w = write(fd[1], msg->data + off, msg->len - off)) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		off += (size_t)w;
	}
	close(fd[1]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return "waitpid";
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && off == msg->len)
		return NULL;
	snprintf(why, sizeof(why), "sendmail: %s %d",
	    WIFEXITED(status) ? "exit" : "signal",
	    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	return why;
}

const char *
digest_transport_problem(const char *sendmail)
{
	static char	 why[512];
	struct stat	 st;

	if (sendmail == NULL || sendmail[0] != '/')
		snprintf(why, sizeof(why), "почта не настроена: программа "
		    "отправки писем «%s» задана не полным путём "
		    "(mail.sendmail)", sendmail != NULL ? sendmail : "");
	else if (stat(sendmail, &st) == -1)
		snprintf(why, sizeof(why), "почта не настроена: нет программы "
		    "отправки писем %s (mail.sendmail)", sendmail);
	else if (!S_ISREG(st.st_mode) || access(sendmail, X_OK) == -1)
		snprintf(why, sizeof(why), "почта не настроена: программа "
		    "отправки писем %s не исполняемая (mail.sendmail)",
		    sendmail);
	else
		return NULL;
	return why;
}

int
digest_hold(const char *why)
{
	long long	 n;

	if ((n = db_exec(&q_digest_hold, "s", why)) < 0)
		return -1;
	return (int)n;
}

int
db_digest_trouble(struct _hdf *hdf, const char *prefix, long long school_id)
{
	char	 sub[64];

	if (db_row_hdf(hdf, prefix, &q_digest_trouble, "lllll", school_id,
	    school_id, school_id, school_id, school_id) == -1)
		return -1;
	snprintf(sub, sizeof(sub), "%s.Abandoned", prefix);
	return db_query_hdf(hdf, sub, &q_digest_abandoned, "l", school_id) ==
	    -1 ? -1 : 0;
}

int
digest_send(const struct digest_mail *m, int *sent, int *failed,
    int *abandoned)
{
	long long	*ids = NULL;
	size_t		 n = 0, cap = 0, i;
	struct buf	 msg = { 0 };
	const char	*err;
	char		*sender = bare_address(m->from);
	long long	 guardian;
	int		 rc, ret = -1;

	*sent = *failed = *abandoned = 0;
	signal(SIGPIPE, SIG_IGN);	/* a sendmail that dies early */
	if (db_exec(&q_digest_unhold, "") < 0 ||
	    db_exec(&q_digest_cancel, "") < 0 ||
	    db_exec(&q_digest_give_up, "d", m->max_attempts) < 0)
		goto out;
	if (db_query(&q_digest_ready, "d", m->max_attempts) == -1)
		goto out;
	while ((rc = db_next(&q_digest_ready)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((ids = realloc(ids, cap * sizeof(*ids))) == NULL)
				abort();
		}
		ids[n++] = db_int(&q_digest_ready, 0);
	}
	if (rc == -1)
		goto out;
	for (i = 0; i < n; i++) {
		/* Claimed and committed before sending (autocommit): a
		 * second sender skips it, a crash leaves it unsent. */
		if ((rc = (int)db_exec(&q_digest_claim, "l", ids[i])) < 0)
			goto out;
		if (rc == 0)
			continue;
		if (db_query(&q_digest_letter, "l", ids[i]) == -1 ||
		    db_next(&q_digest_letter) != 1)
			goto out;
		guardian = db_int(&q_digest_letter, 0);
		/* The letter's columns are copied before other statements
		 * (the tokens' key) run on the connection. */
		{
			char	*to = strdup(db_str(&q_digest_letter, 1));
			char	*subj = strdup(db_str(&q_digest_letter, 2));
			char	*body = strdup(db_str(&q_digest_letter, 3));

			db_done(&q_digest_letter);
			if (to == NULL || subj == NULL || body == NULL)
				abort();
			rc = letter(&msg, m, ids[i], guardian, to, subj, body);
			err = rc == -1 ? NULL : pipe_to(m->sendmail, sender, to,
			    &msg);
			free(to);
			free(subj);
			free(body);
			if (rc == -1)
				goto out;
		}
		if (err == NULL) {
			if (db_exec(&q_digest_sent, "l", ids[i]) < 0)
				goto out;
			(*sent)++;
			continue;
		}
		log_msg("digest %lld not sent: %s", ids[i], err);
		if (db_exec(&q_digest_failed, "dsl", m->max_attempts, err,
		    ids[i]) < 0)
			goto out;
		if (db_query(&q_digest_letter_status, "l", ids[i]) == -1 ||
		    db_next(&q_digest_letter_status) != 1)
			goto out;
		if (strcmp(db_str(&q_digest_letter_status, 0), "abandoned")
		    == 0) {
			log_msg("digest %lld given up after %d attempts",
			    ids[i], m->max_attempts);
			(*abandoned)++;
		} else
			(*failed)++;
		db_done(&q_digest_letter_status);
	}
	ret = 0;
out:
	free(ids);
	free(sender);
	buf_free(&msg);
	return ret;
}
