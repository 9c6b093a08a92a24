#!/bin/sh
# pages.sh: single-user timings of the benchmark's pages (issue 7: "no page
# more than 1.2x slower on the district dataset than on the one-school
# dataset").  The same people of school 1 (the first parent, the teacher
# with the biggest journal of the first quarter, the first class teacher,
# the administrator), one request at a time: WARM requests first, then
# the median of N `curl -w %{time_total}` per page, in milliseconds.
#
#   VAR=DIR [URL=http://127.0.0.1:PORT] [N=20] [WARM=5] [ROWS=1] sh scripts/bench/pages.sh [LABEL]
#
# Prints "label<TAB>page<TAB>median ms<TAB>fastest ms<TAB>status" lines;
# run it on each dataset and compare (VAR/bench-pages.tsv keeps the last
# run's lines).  On a busy machine the fastest of many (N=100) says more
# about a page's own cost than the median.
# Logins come from VAR/demo-accounts.tsv (school 1 has the demo's logins).
#
# ROWS=1: instead of times, what one request of each page costs MariaDB:
# statements and rows examined (its slow log with long_query_time=0, as a
# table; the web server is restarted so that its workers' sessions log),
# and the statements of the page by rows examined in VAR/bench-rows/.
set -eu

ME=pages
LABEL=${1:-run}
N=${N:-20}
WARM=${WARM:-5}
die() { printf '%s\n' "$ME: ОШИБКА: $*" >&2; exit 1; }
[ -n "${VAR:-}" ] || die "не задан VAR (каталог стека)"
if [ -z "${URL:-}" ]; then
	port=$(sed -n 's/^WEB_PORT=//p' "$VAR/stack.env" 2>/dev/null | tail -n 1)
	[ -n "$port" ] || die "не задан URL и нет WEB_PORT в $VAR/stack.env"
	URL=http://127.0.0.1:$port
fi
ACC=$VAR/demo-accounts.tsv
[ -r "$ACC" ] || die "нет $ACC"
sql() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -uroot journal -N -B -e "$1"; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

# Log in as $1 (login) with its password from the accounts file; the
# cookie jar is $TMP/$1.
login() {
	p=$(awk -F'\t' -v l="$1" '$2 == l { print $3; exit }' "$ACC")
	[ -n "$p" ] || die "нет пароля для $1 в $ACC"
	jar=$TMP/$1
	tok=$(curl -s -c "$jar" "$URL/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
	code=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "login=$1" \
	    --data-urlencode "password=$p" --data-urlencode "csrf=$tok" "$URL/login")
	[ "$code" = 303 ] || die "вход как $1: HTTP $code"
}

# The median time of page $2 for login $1 (ROWS=1: statements, rows).
page() {
	jar=$TMP/$1
	if [ "${ROWS:-0}" = 1 ]; then
		curl -s -b "$jar" -o /dev/null "$URL$2"
		sql "TRUNCATE mysql.slow_log"
		st=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$URL$2")
		f=$VAR/bench-rows/$(printf '%s' "$3" | tr -c 'A-Za-z0-9\n' '_').txt
		sql "SELECT rows_examined, rows_sent, REPLACE(REPLACE(sql_text, '\n', ' '), '\t', ' ')
		  FROM mysql.slow_log WHERE user_host LIKE 'journal[journal]%'
		  AND sql_text NOT LIKE 'SET %' AND sql_text NOT IN ('COMMIT', 'ROLLBACK', 'START TRANSACTION')
		  ORDER BY rows_examined DESC" >"$f"
		awk -F'\t' -v l="$LABEL" -v p="$3" -v st="$st" '
			{ n++; r += $1 }
			END { printf "%s\t%s\t%d statements, %d rows examined\t%s\n", l, p, n, r, st }' "$f"
		return
	fi
	i=0
	while [ $i -lt "$WARM" ]; do
		curl -s -b "$jar" -o /dev/null "$URL$2"
		i=$((i + 1))
	done
	st=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$URL$2")
	i=0
	while [ $i -lt "$N" ]; do
		curl -s -b "$jar" -o /dev/null -w '%{time_total}\n' "$URL$2"
		i=$((i + 1))
	done | sort -n | awk -v l="$LABEL" -v p="$3" -v st="$st" '
		{ v[NR] = $1 }
		END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		      printf "%s\t%s\t%.1f\t%.1f\t%s\n", l, p, m * 1000, v[1] * 1000, st }'
}

parent=$(awk -F'\t' '$1 == "parent" { print $2; exit }' "$ACC")
cteacher=$(awk -F'\t' '$1 == "class_teacher" { print $2; exit }' "$ACC")
admin=$(awk -F'\t' '$1 == "admin" { print $2; exit }' "$ACC")
# The teacher with the biggest first-quarter journal of school 1 (as
# scripts/bench.sh picks its teachers), and that journal.
set -- $(sql "SELECT ac.login, l.group_id, l.subject_id, p.id
  FROM lesson l JOIN account ac ON ac.person_id = l.teacher_id AND ac.is_active = 1
  JOIN \`groups\` g ON g.id = l.group_id JOIN class c ON c.id = g.class_id
  JOIN period p ON p.year_id = l.year_id AND p.name = '1 четверть'
    AND c.grade BETWEEN p.grade_from AND p.grade_to
    AND l.on_date BETWEEN p.starts_on AND p.ends_on
  WHERE l.school_id = 1
  GROUP BY ac.login, l.group_id, l.subject_id, p.id ORDER BY COUNT(*) DESC, ac.login, l.group_id, l.subject_id LIMIT 1")
teacher=$1
journal="/journal?group=$2&subject=$3&period=$4"
cls=$(sql "SELECT c.id FROM class c JOIN account a ON a.person_id = c.teacher_id
  JOIN current_year cy ON cy.year_id = c.year_id WHERE a.login = '$cteacher' LIMIT 1")

if [ "${ROWS:-0}" = 1 ]; then
	mkdir -p "$VAR/bench-rows"
	sql "SET GLOBAL long_query_time = 0, log_output = 'TABLE', slow_query_log = 1"
	VAR=$VAR sh "$ROOT/scripts/stack.sh" web-stop >/dev/null
	VAR=$VAR sh "$ROOT/scripts/stack.sh" web-start >/dev/null
	trap 'sql "SET GLOBAL slow_query_log = 0, long_query_time = 10"; rm -rf "$TMP"' EXIT INT TERM
fi
for u in "$parent" "$teacher" "$cteacher" "$admin"; do
	login "$u"
done
out=$VAR/bench-pages.tsv
{
	page "$parent" /diary "parent: /diary"
	page "$parent" "/diary?week=2026-11-16" "parent: /diary?week=2026-11-16"
	page "$parent" /marks "parent: /marks"
	page "$parent" /home "parent: /home"
	page "$teacher" "$journal" "teacher: $journal"
	page "$teacher" /home "teacher: /home"
	page "$cteacher" "/classcheck?class=$cls" "class teacher: /classcheck?class=$cls"
	page "$cteacher" /home "class teacher: /home"
	page "$admin" /home "admin: /home"
} | tee "$out"
