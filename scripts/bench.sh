#!/bin/sh
# bench.sh: `make bench` (issue 7).  Its own stack under var/bench (Apache +
# mod_fcgid unless SERVER=nginx), the demo school with its journal, many
# logged-in users per page (wrk + scripts/bench/rotate.lua rotating their
# sessions), then for each page: wrk for DURATION at CONNS connections after
# a warm-up, and
#   req/s, p50 and p99 as wrk sees them (corrected for coordinated omission),
#   p99 of the server's own request times (Apache's %D) for the same run,
#   the ratio to the "hello" ceiling (same library, no database) of this run,
#   prepared statements per request (MariaDB's Com_stmt_execute),
#   the largest worker's RSS before and after the run.
# A Markdown table on stdout and in var/bench/results.md.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VAR=$ROOT/var/bench
SERVER=${SERVER:-apache}
WEB_PORT=${WEB_PORT:-8093}
DB_PORT=${DB_PORT:-3309}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
USERS=${USERS:-40}
URL=http://127.0.0.1:$WEB_PORT
export VAR SERVER WEB_PORT DB_PORT
LUA=$ROOT/scripts/bench/rotate.lua

command -v wrk >/dev/null || { echo "wrk is missing: sh scripts/deps.sh test" >&2; exit 1; }
trap 'sh "$ROOT/scripts/stack.sh" stop >/dev/null 2>&1 || true' EXIT INT TERM
sh "$ROOT/scripts/stack.sh" stop >/dev/null 2>&1 || true
rm -rf "$VAR"
t0=$(date +%s)
sh "$ROOT/scripts/stack.sh" start >/dev/null
echo "bench: stack and demo school ready in $(( $(date +%s) - t0 )) s"
sql() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -uroot journal -N -B -e "$1"; }
B=$VAR/b
mkdir -p "$B"

# Log in as login/password; print the session id.
session() {
	jar=$B/jar.$$
	rm -f "$jar"
	tok=$(curl -s -c "$jar" "$URL/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
	curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "login=$1" \
	    --data-urlencode "password=$2" --data-urlencode "csrf=$tok" "$URL/login"
	awk '$6 == "sid" { print $7 }' "$jar"
	rm -f "$jar"
}
# The demo's accounts of a role: "login<TAB>password" lines.
accounts() { awk -F'\t' -v r="$1" '$1 == r { print $2 "\t" $3 }' "$VAR/demo-accounts.tsv"; }

# Pairs "sid<TAB>path" per page, for USERS distinct people each.
: >"$B/diary" ; : >"$B/marks" ; : >"$B/journal" ; : >"$B/class"
accounts parent | head -n "$USERS" | while IFS="$(printf '\t')" read -r l p; do
	sid=$(session "$l" "$p")
	[ -n "$sid" ] || continue
	printf '%s\t/diary\n' "$sid" >>"$B/diary"
	printf '%s\t/marks\n' "$sid" >>"$B/marks"
done
# Teachers: their biggest journal of the first quarter (a quarter of
# lessons, ~25-30 students), read as the teacher who writes it.
sql "SELECT a.login, a.group_id, a.subject_id, a.period_id FROM (
  SELECT ac.login, l.group_id, l.subject_id, p.id AS period_id, COUNT(*) AS n,
    ROW_NUMBER() OVER (PARTITION BY ac.login ORDER BY COUNT(*) DESC) AS k
  FROM lesson l JOIN account ac ON ac.person_id = l.teacher_id AND ac.is_active = 1
  JOIN \`groups\` g ON g.id = l.group_id JOIN class c ON c.id = g.class_id
  JOIN period p ON p.year_id = l.year_id AND p.name = '1 четверть'
    AND c.grade BETWEEN p.grade_from AND p.grade_to
    AND l.on_date BETWEEN p.starts_on AND p.ends_on
  GROUP BY ac.login, l.group_id, l.subject_id, p.id) a WHERE a.k = 1
  ORDER BY a.n DESC LIMIT $USERS" >"$B/teachers"
while IFS="$(printf '\t')" read -r l g s per; do
	p=$(awk -F'\t' -v l="$l" '$2 == l { print $3; exit }' "$VAR/demo-accounts.tsv")
	[ -n "$p" ] || continue
	sid=$(session "$l" "$p")
	[ -n "$sid" ] && printf '%s\t/journal?group=%s&subject=%s&period=%s\n' "$sid" "$g" "$s" "$per" >>"$B/journal"
done <"$B/teachers"
accounts class_teacher | head -n "$USERS" | while IFS="$(printf '\t')" read -r l p; do
	sid=$(session "$l" "$p")
	cls=$(sql "SELECT c.id FROM class c JOIN account a ON a.person_id = c.teacher_id JOIN current_year cy ON cy.year_id = c.year_id WHERE a.login = '$l' LIMIT 1")
	[ -n "$sid" ] && [ -n "$cls" ] && printf '%s\t/classcheck?class=%s\n' "$sid" "$cls" >>"$B/class"
done
# The login form: a double-submit token per row; one demo parent logs in.
: >"$B/login"
accounts parent | tail -n 20 | while IFS="$(printf '\t')" read -r l p; do
	tok=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)
	printf '%s\tlogin=%s&password=%s&csrf=%s\n' "$tok" "$l" "$p" "$tok" >>"$B/login"
done
printf 'x\t/hello\n' >"$B/hello"
echo "bench: sessions: $(wc -l <"$B/diary") parents, $(wc -l <"$B/journal") teachers, $(wc -l <"$B/class") class teachers"

log=$VAR/log/apache-access.log
stmts() { sql "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | cut -f2; }
# The largest RSS (KiB) among the program's worker processes.
rss() { ps -C "$1" -o rss= 2>/dev/null | sort -n | tail -n 1 | tr -d ' '; }
nworkers() { ps -C "$1" -o pid= 2>/dev/null | wc -l | tr -d ' '; }

out=$VAR/results.md
{
	echo "| page | req/s | p50 | p99 (wrk) | p99 (server) | of hello | statements/req | worker RSS KiB before → after (workers) |"
	echo "|---|---|---|---|---|---|---|---|"
} >"$out"
hello_rps=
run() {	# name pairs-file program [POST]
	name=$1 file=$2 prog=$3 mode=${4:-GET}
	[ -s "$file" ] || { echo "| $name | (no sessions) | | | | | | |" >>"$out"; return; }
	wrk -t2 -c"$CONNS" -d2s -s "$LUA" "$URL" -- "$file" "$mode" >/dev/null 2>&1 || true
	r0=$(rss "$prog"); s0=$(stmts)
	[ "$SERVER" = apache ] && : >"$log"
	res=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s "$LUA" "$URL" -- "$file" "$mode")
	s1=$(stmts); r1=$(rss "$prog"); nw=$(nworkers "$prog")
	rps=$(printf '%s\n' "$res" | awk '/^Requests\/sec/ { print $2 }')
	n=$(printf '%s\n' "$res" | awk '/requests in/ { print $1 }')
	p50=$(printf '%s\n' "$res" | awk '$1 == "50%" { print $2 }')
	p99=$(printf '%s\n' "$res" | awk '$1 == "99%" { print $2 }')
	non2xx=$(printf '%s\n' "$res" | awk '/Non-2xx/ { print $NF }')
	sp99=-
	[ "$SERVER" = apache ] && sp99=$(awk '{ print $NF }' "$log" | sort -n |
	    awk '{ v[NR] = $1 } END { k = int(NR * 0.99); if (k < 1) k = 1; if (NR) printf "%.1fms", v[k] / 1000 }')
	[ -z "$hello_rps" ] && hello_rps=$rps
	ratio=$(awk -v a="$rps" -v b="$hello_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }')
	spr=$(awk -v a="$s0" -v b="$s1" -v n="$n" 'BEGIN { if (n > 0) printf "%.1f", (b - a) / n; else print "-" }')
	echo "| $name${non2xx:+ (non-2xx: $non2xx)} | $rps | $p50 | $p99 | $sp99 | $ratio | $spr | ${r0:-?} → ${r1:-?} ($nw) |" >>"$out"
}
run "hello (ceiling: same library, no database)" "$B/hello" hello
run "parent: diary week" "$B/diary" diary
run "parent: marks of the period" "$B/marks" marks
run "teacher: journal, a quarter" "$B/journal" journal
run "class teacher: weekly class check" "$B/class" classcheck
run "login (POST, Argon2id)" "$B/login" login POST

echo
echo "## $SERVER, $CONNS connections, $DURATION each, $(nproc) cores, wrk on the same cores, $USERS users per page"
cat "$out"
