/*
 * digest.c: building and sending the e-mail digests.  Everything a letter
 * says is read when it is queued, so a letter tells what was new in its
 * window, whenever it is finally sent.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "db.h"
#include "delivery.h"
#include "digest.h"
#include "groups.h"
#include "journal.h"
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
DB_STMT(q_digest_sent,
    "UPDATE digest SET status = 'sent', sent_at = NOW(), last_error = ''"
    " WHERE id = ?");
/* Each failure doubles the wait: 10 min, 20, 40, ... */
DB_STMT(q_digest_failed,
    "UPDATE digest SET status = 'failed', attempts = attempts + 1,"
    " next_try_at = NOW() + INTERVAL (10 * POW(2, attempts)) MINUTE,"
    " last_error = ? WHERE id = ?");

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

/* RFC 2047: a UTF-8 subject as one base64 encoded word. */
static void
encoded_word(struct buf *b, const char *s)
{
	size_t	 n = strlen(s);
	char	*out = malloc(sodium_base64_ENCODED_LEN(n,
	    sodium_base64_VARIANT_ORIGINAL));

	if (out == NULL)
		abort();
	sodium_bin2base64(out, sodium_base64_ENCODED_LEN(n,
	    sodium_base64_VARIANT_ORIGINAL), (const unsigned char *)s, n,
	    sodium_base64_VARIANT_ORIGINAL);
	buf_printf(b, "=?UTF-8?B?%s?=", out);
	free(out);
}

/*
 * Pipe one letter to sendmail; NULL on success, else what went wrong.
 * The recipient is given on the command line after "--", so no header of
 * the letter can add recipients; addresses were checked when chosen.
 */
static const char *
pipe_to(const char *sendmail, const char *to, const struct buf *msg)
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
		execl(sendmail, sendmail, "-i", "--", to, (char *)NULL);
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

int
digest_send(const char *sendmail, const char *from, const char *base_url,
    int max_attempts, int *sent, int *failed)
{
	long long	*ids = NULL;
	size_t		 n = 0, cap = 0, i;
	struct buf	 msg = { 0 };
	char		 token[DELIVERY_TOKEN_LEN + 1];
	const char	*err;
	long long	 guardian;
	int		 rc, ret = -1;

	*sent = *failed = 0;
	signal(SIGPIPE, SIG_IGN);	/* a sendmail that dies early */
	if (db_query(&q_digest_ready, "d", max_attempts) == -1)
		return -1;
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
		if (delivery_token(guardian, token) == -1) {
			db_done(&q_digest_letter);
			goto out;
		}
		buf_reset(&msg);
		buf_printf(&msg, "From: %s\nTo: %s\nSubject: ", from,
		    db_str(&q_digest_letter, 1));
		encoded_word(&msg, db_str(&q_digest_letter, 2));
		buf_printf(&msg, "\nMIME-Version: 1.0\n"
		    "Content-Type: text/plain; charset=UTF-8\n"
		    "Content-Transfer-Encoding: 8bit\n"
		    "Auto-Submitted: auto-generated\n"
		    "List-Unsubscribe: <%s/unsubscribe?g=%lld&t=%s>\n\n%s",
		    base_url, guardian, token, db_str(&q_digest_letter, 3));
		err = pipe_to(sendmail, db_str(&q_digest_letter, 1), &msg);
		db_done(&q_digest_letter);
		if (err == NULL) {
			if (db_exec(&q_digest_sent, "l", ids[i]) < 0)
				goto out;
			(*sent)++;
		} else {
			log_msg("digest %lld not sent: %s", ids[i], err);
			if (db_exec(&q_digest_failed, "sl", err, ids[i]) < 0)
				goto out;
			(*failed)++;
		}
	}
	ret = 0;
out:
	free(ids);
	buf_free(&msg);
	return ret;
}
