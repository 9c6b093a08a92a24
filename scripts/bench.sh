#!/bin/sh
# bench.sh: `make bench` (issue 7).  Its own stack under var/bench with the
# dataset of BENCH_SCALE (school: the demo school with its journal; district:
# scripts/bench/dataset.sh), many logged-in users per page (wrk +
# scripts/bench/rotate.lua rotating their sessions), and each page measured
# under each web server setup of SETUPS:
#   apache  Apache + mod_fcgid (processes on demand), CONNS connections
#   spawn   nginx + spawn-fcgi, SPAWN_PROCS persistent processes per screen,
#           CONNS connections: the persistent-FastCGI reference
#   nginx   nginx + fcgiwrap: plain CGI, a process per request, CGI_CONNS
#           connections for CGI_DURATION: what plain CGI costs per page
# Per page and setup, after a WARMUP at the same connections:
#   req/s, p50 and p99 as wrk sees them (corrected for coordinated omission;
#   --timeout 30s so that slow requests are counted, not dropped),
#   p99 of the server's own request times (Apache %D, nginx $request_time)
#   of the requests that started during the run, and how many took >= 1 s,
#   the ratio to the "hello" ceiling (same library and server, no database),
#   prepared statements per request (MariaDB's Com_stmt_execute),
#   the program's worker processes and their largest RSS before and after;
# then worker RSS over RSS_REQUESTS requests served by ONE process per page
# (nginx + spawn-fcgi with one process per screen), and the cost of plain
# CGI per page.  Markdown on stdout and in var/bench/results.md.
#
#   [BENCH_SCALE=school|district] [SETUPS="apache spawn nginx"] [DURATION=10s]
#   [CONNS=32] [WEB_PORT=8093] [DB_PORT=3309] sh scripts/bench.sh
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
T0=${BENCH_T0:-$(date +%s)}	# make bench passes its own start: the build counts
VAR=$ROOT/var/bench
BENCH_SCALE=${BENCH_SCALE:-school}
SETUPS=${SETUPS:-apache spawn nginx}
WEB_PORT=${WEB_PORT:-8093}
DB_PORT=${DB_PORT:-3309}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CONNS=${CONNS:-32}
CGI_DURATION=${CGI_DURATION:-5s}
CGI_CONNS=${CGI_CONNS:-$CONNS}
USERS=${USERS:-40}
SPAWN_PROCS=${SPAWN_PROCS:-$(( $(nproc) * 2 ))}
RSS_REQUESTS=${RSS_REQUESTS:-10000}
RSS_SECONDS=${RSS_SECONDS:-60}
URL=http://127.0.0.1:$WEB_PORT
BIN=$ROOT/build/cgi-bin
CGI_BINDIR=$BIN
export VAR WEB_PORT DB_PORT CGI_BINDIR
STACK="sh $ROOT/scripts/stack.sh"
LUA=$ROOT/scripts/bench/rotate.lua
TAB=$(printf '\t')

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: ОШИБКА: %s\n' "$*" >&2; exit 1; }
case $BENCH_SCALE in school|district) ;; *) die "BENCH_SCALE: school или district, не '$BENCH_SCALE'" ;; esac
for s in $SETUPS; do
	case $s in apache|spawn|nginx) ;; *) die "SETUPS: apache, spawn, nginx, не '$s'" ;; esac
done
command -v wrk >/dev/null || die "нет wrk: sh scripts/deps.sh bench"
command -v curl >/dev/null || die "нет curl: sh scripts/deps.sh bench"
[ -x "$BIN/hello" ] || die "нет $BIN/hello: make all"
DATASET=$ROOT/scripts/bench/dataset.sh
[ "$BENCH_SCALE" = school ] || [ -f "$DATASET" ] || die "BENCH_SCALE=$BENCH_SCALE needs $DATASET"

label() {
	case $1 in
	apache) echo "Apache + mod_fcgid" ;;
	spawn) echo "nginx + spawn-fcgi" ;;
	nginx) echo "nginx + fcgiwrap (plain CGI)" ;;
	esac
}

# --- the machine, for the README to quote ---------------------------------------
machine() {
	cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
	mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
	ver() { "$@" 2>&1 | head -n 1; }
	PATH=$PATH:/usr/sbin:/sbin
	echo "## Machine"
	echo
	echo "- CPU: ${cpu:-?}, $(nproc) cores (wrk runs on the same cores); RAM $mem"
	echo "- Kernel: $(uname -sr); Debian $(cat /etc/debian_version 2>/dev/null || echo ?)"
	echo "- $(ver apache2 -v | sed 's/^Server version: //'), mod_fcgid $(dpkg-query -W -f='${Version}' libapache2-mod-fcgid 2>/dev/null || echo ?)"
	echo "- $(ver nginx -v | sed 's/^nginx version: //'), fcgiwrap $(dpkg-query -W -f='${Version}' fcgiwrap 2>/dev/null || echo ?), $(ver spawn-fcgi -v | sed 's/ (.*//; s/ - .*//')"
	echo "- MariaDB $(ver mariadbd --version | sed 's/^mariadbd *Ver *//; s/ for .*//')"
	echo "- $(ver wrk -v | sed 's/ \[.*//; s/Copyright.*//')"
}

OUT=$VAR/results.md
trap '$STACK stop >/dev/null 2>&1 || true' EXIT
trap 'exit 130' INT TERM
$STACK stop >/dev/null 2>&1 || true
rm -rf "$VAR"
mkdir -p "$VAR"
B=$VAR/b
mkdir -p "$B"
LOGF=$VAR/bench.log

# --- the stack and the dataset ------------------------------------------------------
# The demo's journal over the whole year, once demo-school knows the option
# (an unknown option is an error there) and stack.sh passes DEMO_ARGS on.
if [ -z "${DEMO_ARGS:-}" ] && grep -q 'journal-until' "$ROOT/tools/demo-school.c" 2>/dev/null &&
    grep -q 'DEMO_ARGS' "$ROOT/scripts/stack.sh"; then
	# The 2026/2027 demo whatever the year (the figures stay comparable).
	DEMO_ARGS='--today 2026-11-23 --journal-until 2027-05-31'
	export DEMO_ARGS
fi
first=${SETUPS%% *}
t=$(date +%s)
SERVER=$first SPAWN_PROCS=$SPAWN_PROCS DEMO=1 $STACK start >>"$LOGF" 2>&1 ||
	{ tail -n 20 "$LOGF" >&2; die "стек не запустился ($LOGF)"; }
say "stack and demo school ready in $(( $(date +%s) - t )) s${DEMO_ARGS:+ (DEMO_ARGS=$DEMO_ARGS)}"
if [ -f "$DATASET" ]; then
	t=$(date +%s)
	sh "$DATASET" "$BENCH_SCALE" >>"$LOGF" 2>&1 || { tail -n 20 "$LOGF" >&2; die "$DATASET $BENCH_SCALE failed ($LOGF)"; }
	say "dataset $BENCH_SCALE loaded in $(( $(date +%s) - t )) s"
fi
ACCOUNTS=$VAR/demo-accounts.tsv
[ -s "$VAR/bench-accounts.tsv" ] && ACCOUNTS=$VAR/bench-accounts.tsv

sql() { mariadb --no-defaults -S "$VAR/run/mysqld.sock" -uroot journal -N -B -e "$1"; }
dataset() {
	sql "SELECT CONCAT(FORMAT(COUNT(DISTINCT l.school_id), 0), ' school(s), ',
	  FORMAT(COUNT(*), 0), ' lessons, ', FORMAT((SELECT COUNT(*) FROM mark), 0), ' marks, ',
	  FORMAT((SELECT COUNT(*) FROM account), 0), ' accounts') FROM lesson l"
}

# --- users: sessions per page ------------------------------------------------------
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
# The accounts of a role, "login<TAB>password", spread over the schools (the
# 6th column of bench-accounts.tsv): the first of every school, then the
# second of every school, ...
accounts() {
	awk -F'\t' -v r="$1" '$1 == r { k = ++n[$6]; print k "\t" $6 "\t" $2 "\t" $3 }' "$ACCOUNTS" |
	    sort -t "$TAB" -k1,1n -k2,2 | cut -f3,4
}
password() { awk -F'\t' -v l="$1" '$2 == l { print $3; exit }' "$ACCOUNTS"; }

# The diary's week: this week if it has lessons, else the week of the last
# lesson with marks (the demo's journal may end before today).
today=$(date +%F)
monday=$(date -d "$today -$(( $(date +%u) - 1 )) days" +%F)
week=
if [ "$(sql "SELECT COUNT(*) FROM lesson WHERE on_date BETWEEN '$monday' AND '$monday' + INTERVAL 6 DAY")" = 0 ]; then
	week=$(sql "SELECT d - INTERVAL WEEKDAY(d) DAY FROM (SELECT MAX(l.on_date) AS d FROM lesson l
	  JOIN lesson_work w ON w.lesson_id = l.id JOIN mark m ON m.lesson_work_id = w.id) x")
	[ "$week" = NULL ] && week=
fi
diary_path=/diary${week:+?week=$week}

t=$(date +%s)
: >"$B/diary" ; : >"$B/marks" ; : >"$B/journal" ; : >"$B/class"
accounts parent | head -n "$USERS" >"$B/parents"
while IFS="$TAB" read -r l p; do
	sid=$(session "$l" "$p")
	[ -n "$sid" ] || continue
	printf '%s\t%s\n' "$sid" "$diary_path" >>"$B/diary"
	printf '%s\t/marks\n' "$sid" >>"$B/marks"
done <"$B/parents"
# Teachers: their biggest journal of the first quarter (a quarter of lessons,
# ~25-30 students), read as the teacher who writes it; the biggest teachers
# of every school first.
sql "SELECT a.login, a.group_id, a.subject_id, a.period_id FROM (
  SELECT ac.login, ac.school_id, l.group_id, l.subject_id, p.id AS period_id, COUNT(*) AS n,
    ROW_NUMBER() OVER (PARTITION BY ac.login ORDER BY COUNT(*) DESC) AS k
  FROM lesson l JOIN account ac ON ac.person_id = l.teacher_id AND ac.is_active = 1
  JOIN \`groups\` g ON g.id = l.group_id JOIN class c ON c.id = g.class_id
  JOIN period p ON p.year_id = l.year_id AND p.name = '1 четверть'
    AND c.grade BETWEEN p.grade_from AND p.grade_to
    AND l.on_date BETWEEN p.starts_on AND p.ends_on
  GROUP BY ac.login, ac.school_id, l.group_id, l.subject_id, p.id) a WHERE a.k = 1
  ORDER BY ROW_NUMBER() OVER (PARTITION BY a.school_id ORDER BY a.n DESC), a.school_id
  LIMIT $USERS" >"$B/teachers"
while IFS="$TAB" read -r l g s per; do
	p=$(password "$l")
	[ -n "$p" ] || continue
	sid=$(session "$l" "$p")
	[ -n "$sid" ] && printf '%s\t/journal?group=%s&subject=%s&period=%s\n' "$sid" "$g" "$s" "$per" >>"$B/journal"
done <"$B/teachers"
accounts class_teacher | head -n "$USERS" >"$B/class_teachers"
while IFS="$TAB" read -r l p; do
	sid=$(session "$l" "$p")
	cls=$(sql "SELECT c.id FROM class c JOIN account a ON a.person_id = c.teacher_id JOIN current_year cy ON cy.year_id = c.year_id WHERE a.login = '$l' LIMIT 1")
	[ -n "$sid" ] && [ -n "$cls" ] && printf '%s\t/classcheck?class=%s\n' "$sid" "$cls" >>"$B/class"
done <"$B/class_teachers"
# The login form: a double-submit token per row; parents log in (Argon2id).
: >"$B/login"
accounts parent | tail -n 20 | while IFS="$TAB" read -r l p; do
	tok=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)
	printf '%s\tlogin=%s&password=%s&csrf=%s\n' "$tok" "$l" "$p" "$tok" >>"$B/login"
done
printf 'x\t/hello\n' >"$B/hello"
say "sessions: $(wc -l <"$B/diary") parents, $(wc -l <"$B/journal") teachers, $(wc -l <"$B/class") class teachers ($(( $(date +%s) - t )) s); diary: $diary_path"

# The cases: key, program, pairs file, method, title.
CASES="hello hello GET hello (ceiling: same library, no database)
diary diary GET parent: diary week
marks marks GET parent: marks of the period
journal journal GET teacher: journal, a quarter
class classcheck GET class teacher: weekly class check
login login POST login (POST, Argon2id)"

# --- measuring helpers ----------------------------------------------------------------
ms() { date +%s%3N; }
stmts() { sql "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" 2>/dev/null | cut -f2; }
# Pids of this stack's processes of program $1 (its path in BIN and this
# stack's config in the environment: other stacks on the machine run the
# same programs).
workers() {
	for d in /proc/[0-9]*; do
		[ "$(readlink "$d/exe" 2>/dev/null)" = "$BIN/$1" ] || continue
		tr '\0' '\n' <"$d/environ" 2>/dev/null | grep -qxF "JOURNAL_CONF=$VAR/journal.hdf" || continue
		printf '%s ' "${d#/proc/}"
	done
	return 0
}
rss_of() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
maxrss() {
	m=0
	for p in $*; do r=$(rss_of "$p"); [ -n "$r" ] && [ "$r" -gt "$m" ] && m=$r; done
	echo "$m"
}
access_log() { if [ "$1" = apache ]; then echo "$VAR/log/apache-access.log"; else echo "$VAR/log/nginx-access.log"; fi; }
# Server-side times (ms) of the requests that started in [$3, $4) ms: "p99 n>=1s n".
server_times() {
	awk -v kind="$2" -v a="$3" -v b="$4" '{
		if (kind == "apache") { d = $NF / 1000; s = $(NF - 1) }
		else { d = $NF * 1000; s = $(NF - 1) * 1000 - d }
		if (s >= a && s < b) print d
	}' "$1" | sort -n | awk '{ v[NR] = $1; if ($1 >= 1000) slow++ }
	END { k = int(NR * 0.99); if (k < NR * 0.99) k++; if (k < 1) k = 1
		if (NR) printf "%.1fms %d %d\n", v[k], slow, NR; else print "- 0 0" }'
}
# Wait until the server has finished what wrk left in flight: no TCP
# connection to WEB_PORT established or half-closed (at most 60 s).
drain() {
	port=$(printf '%04X' "$WEB_PORT")
	i=0
	while [ $i -lt 600 ]; do
		awk -v p=":$port" '$2 ~ p "$" && ($4 == "01" || $4 == "08") { n++ } END { exit n > 0 }' /proc/net/tcp && return 0
		i=$((i + 1))
		sleep 0.1
	done
}
# MariaDB stopped answering (it has crashed under a page before): the rest
# of the run would measure error pages.
dbdead() {
	say "MariaDB не отвечает после «$1»; конец $VAR/log/mariadb.log:"
	grep -m 1 -A 3 -E 'got signal|Assertion' "$VAR/log/mariadb.log" >&2 || true
	grep -m 1 '^Query' "$VAR/log/mariadb.log" | cut -c1-300 >&2 || true
	kill -TERM $$ 2>/dev/null
	exit 1
}
# Spawns mod_fcgid refused so far (each makes a request sleep a second).
refused() { rn=$(grep -c 'skip the spawn request' "$VAR/log/apache-error.log" 2>/dev/null) || true; echo "${rn:-0}"; }
wrkval() { printf '%s\n' "$1" | awk -v k="$2" '$1 == k { print $2; exit }'; }

RES=$B/results.tsv
: >"$RES"
# run SETUP CONNS DURATION WARMUP [WARMUP_CONNS]: every case once; a line
# per case in RES.
run_setup() {
	setup=$1 conns=$2 dur=$3 warm=$4 wconns=${5:-$2}
	log=$(access_log "$setup")
	hello_rps=
	printf '%s\n' "$CASES" | while read -r key prog mode title; do
		file=$B/$key
		[ -s "$file" ] || { printf '%s\t%s\t%s\tno sessions\n' "$setup" "$key" "$title" >>"$RES"; continue; }
		: >"$log"
		wrk -t2 -c"$wconns" -d"$warm" --timeout 30s -s "$LUA" "$URL" -- "$file" "$mode" >/dev/null 2>&1 || true
		drain
		w0=$(workers "$prog"); r0=$(maxrss $w0); s0=$(stmts); f0=$(refused)
		ta=$(ms)
		res=$(wrk -t2 -c"$conns" -d"$dur" --timeout 30s --latency -s "$LUA" "$URL" -- "$file" "$mode")
		tb=$(ms)
		s1=$(stmts); f1=$(refused)
		[ -n "$s1" ] || dbdead "$setup $key"
		drain	# the processes' RSS when idle again, and the last log lines
		sleep 0.3
		w1=$(workers "$prog"); r1=$(maxrss $w1); nw=$(echo $w1 | wc -w)
		rps=$(printf '%s\n' "$res" | awk '/^Requests\/sec/ { print $2 }')
		n=$(printf '%s\n' "$res" | awk '/requests in/ { print $1 }')
		p50=$(wrkval "$res" 50%); p99=$(wrkval "$res" 99%)
		bad=$(printf '%s\n' "$res" | awk '/Non-2xx/ { print $NF }')
		errs=$(printf '%s\n' "$res" | sed -n 's/.*Socket errors: //p')
		set -- $(server_times "$log" "$setup" "$ta" "$tb")
		sp99=$1 slow=$2
		[ "$key" = hello ] && hello_rps=$rps
		ratio=$(awk -v a="$rps" -v b="${hello_rps:-0}" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }')
		spr=$(awk -v a="$s0" -v b="$s1" -v n="$n" 'BEGIN { if (n > 0 && a != "" && b != "") printf "%.1f", (b - a) / n; else print "-" }')
		note=
		[ -n "$bad" ] && note="non-2xx: $bad"
		[ -n "$errs" ] && note="${note:+$note; }socket errors: $errs"
		[ "$f1" -gt "$f0" ] && note="${note:+$note; }mod_fcgid refused $((f1 - f0)) spawns"
		if [ "$setup" = nginx ]; then wk=-; else wk="$nw ($r0 → $r1)"; fi
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$setup" "$key" "$title" \
		    "$rps" "$p50" "$p99" "$sp99" "$slow" "$ratio" "$spr" "$wk" "$note" >>"$RES"
		say "$setup $key: $rps req/s, p99 $p99 (server $sp99, $slow >= 1 s), $nw workers"
	done
}

burst() { awk '$1 == "MaxRequestWorkers" { print $2 }' "$VAR/apache/httpd.conf"; }
switch_web() {	# SETUP [SPAWN_PROCS]
	$STACK web-stop >>"$LOGF" 2>&1
	SERVER=$1 SPAWN_PROCS=${2:-$SPAWN_PROCS} $STACK web-start >>"$LOGF" 2>&1 ||
		{ tail -n 20 "$LOGF" >&2; die "$(label "$1") не запустился ($LOGF)"; }
}

for setup in $SETUPS; do
	t=$(date +%s)
	[ "$setup" = "$first" ] || switch_web "$setup"
	if [ "$setup" = nginx ]; then
		# A warm-up of one connection: fcgiwrap runs every request it has
		# accepted even when the client has gone, so a wide warm-up would
		# leave a queue of logins ahead of the run.
		run_setup nginx "$CGI_CONNS" "$CGI_DURATION" 1s 1
	elif [ "$setup" = apache ]; then
		# mod_fcgid makes a program's pool in its first burst and hardly
		# grows it later (stack.sh): the warm-up is that burst, as wide as
		# Apache's request threads.
		run_setup apache "$CONNS" "$DURATION" "$WARMUP" "$(burst)"
	else
		run_setup "$setup" "$CONNS" "$DURATION" "$WARMUP"
	fi
	if [ "$setup" = apache ]; then
		refused >"$B/apache-refused"
		grep -c 'mod_fcgid: server .* started' "$VAR/log/apache-error.log" >"$B/apache-spawned" || true
	fi
	say "$(label "$setup"): $(( $(date +%s) - t )) s"
done

# --- worker RSS over RSS_REQUESTS requests of one process ------------------------------
# nginx + spawn-fcgi with ONE process per screen, two connections (so the
# process never waits for nginx): the same process serves every request.
# RSS, the process idle, after a warm-up of 600 requests (template,
# connection and statements made, every user's page many times), after
# RSS_REQUESTS/2 more and after RSS_REQUESTS (each half at most RSS_SECONDS/2).
RSSF=$B/rss.tsv
# count FILE MODE N SECONDS: N requests of FILE's pairs at two connections
# (or SECONDS), counted in the access log, which starts empty; the server is
# idle again when it returns.
count() {
	: >"$log"
	wrk -t1 -c2 -d"${4}s" --timeout 30s -s "$LUA" "$URL" -- "$1" "$2" "$3" >/dev/null 2>&1 &
	wp=$!
	while kill -0 "$wp" 2>/dev/null; do
		[ "$(wc -l <"$log")" -ge "$3" ] && kill -INT "$wp" 2>/dev/null
		sleep 0.2
	done
	wait "$wp" || true
	drain
	sleep 0.3
}
: >"$RSSF"
if [ "$RSS_REQUESTS" -gt 0 ]; then
	t=$(date +%s)
	switch_web spawn 1
	log=$(access_log spawn)
	printf '%s\n' "$CASES" | while read -r key prog mode title; do
		file=$B/$key
		[ -s "$file" ] || continue
		# Warm-up: 600 requests (or 20 s), every user's page many times:
		# the journal's heap reaches its high-water mark after ~600.
		count "$file" "$mode" 600 20
		pid=$(workers "$prog"); pid=${pid%% *}
		[ -n "$(stmts)" ] || dbdead "rss $key"
		r0=$(rss_of "$pid")
		# Two halves, the RSS measured idle after each.
		half=$((RSS_REQUESTS / 2)) hs=$((RSS_SECONDS / 2))
		count "$file" "$mode" "$half" "$hs"
		n=$(wc -l <"$log") rm=$(rss_of "$pid")
		count "$file" "$mode" "$half" "$hs"
		n=$((n + $(wc -l <"$log"))) r1=$(rss_of "$pid")
		[ "$(workers "$prog")" = "$pid " ] || r1="$r1 (process replaced!)"
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$key" "$title" "$n" "${r0:-?}" "${r1:-?}" "${rm:-?}" >>"$RSSF"
		say "rss $key: $n requests, $r0 → $rm → $r1 KiB"
	done
	say "RSS pass: $(( $(date +%s) - t )) s"
fi

# --- the report -------------------------------------------------------------------------
elapsed=$(( $(date +%s) - T0 ))
{
	echo "# make bench, BENCH_SCALE=$BENCH_SCALE, $(date '+%Y-%m-%d %H:%M')"
	echo
	machine
	echo
	echo "Dataset: $(dataset). Users: $(wc -l <"$B/diary") parents, $(wc -l <"$B/journal") teachers, $(wc -l <"$B/class") class teachers, 20 parents logging in; the diary at $diary_path."
	for setup in $SETUPS; do
		echo
		if [ "$setup" = nginx ]; then
			echo "## $(label "$setup"): $CGI_CONNS connections, $CGI_DURATION per page after 1s warm-up at one connection"
		else
			echo "## $(label "$setup"): $CONNS connections, $DURATION per page after $WARMUP warm-up"
		fi
		[ "$setup" = apache ] && echo "(the warm-up, each program's first requests, at $(burst) connections: the burst that makes mod_fcgid's pools)"
		case $setup in
		apache) echo "($(awk '$1 == "MaxRequestWorkers" { t = $2 } $1 == "FcgidMaxProcessesPerClass" { c = $2 }
			END { printf "%s request threads, up to %s processes per program", t, c }' \
			    "$VAR/apache/httpd.conf" "$VAR/apache/journal.conf"))" ;;
		spawn) echo "($SPAWN_PROCS processes per screen)" ;;
		nginx) echo "(fcgiwrap with 4 children; a new process per request)" ;;
		esac
		echo
		echo "| page | req/s | p50 | p99 (wrk) | p99 (server) | ≥ 1 s (server) | of hello | statements/req | workers (largest RSS KiB before → after) | notes |"
		echo "|---|---|---|---|---|---|---|---|---|---|"
		awk -F'\t' -v s="$setup" '$1 == s { if ($4 == "no sessions") printf "| %s | (no sessions) |||||||||\n", $3
			else printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }' "$RES"
		if [ "$setup" = apache ]; then
			echo
			echo "mod_fcgid: $(cat "$B/apache-spawned" 2>/dev/null || echo ?) processes started, $(cat "$B/apache-refused" 2>/dev/null || echo ?) spawns refused"
			echo "(in the warm-up bursts, which are wider than a pool; one refused during a timed run is noted on its page)."
			echo "A program with at least as many processes as there are connections ($CONNS) never makes a request"
			echo "wait for one; a page's seconds above are then its own (the CPU is shared with MariaDB and wrk)."
		fi
	done
	if [ -s "$RSSF" ]; then
		echo
		echo "## Worker RSS over $RSS_REQUESTS requests (nginx + spawn-fcgi, ONE process per screen serves every request; at most ${RSS_SECONDS} s per page)"
		echo
		echo "| page | requests | RSS KiB after warm-up → halfway → at the end | growth KiB | in the second half | per 10,000 requests (target < 1024 KiB) |"
		echo "|---|---|---|---|---|---|"
		awk -F'\t' '{ ok = $5 ~ /^[0-9]+$/ && $4 ~ /^[0-9]+$/; g = ok ? $5 - $4 : "?"
			h = (ok && $6 ~ /^[0-9]+$/) ? $5 - $6 : "?"
			if (!ok || $3 <= 0) per = "?"
			else if ($3 >= 10000) per = sprintf("%d", g * 10000 / $3)
			else per = sprintf("%d (extrapolated from %d)", g * 10000 / $3, $3)
			printf "| %s | %s | %s → %s → %s | %s | %s | %s |\n", $2, $3, $4, $6, $5, g, h, per }' "$RSSF"
		echo
		echo "A heap that grows to its high-water mark and stays is no leak: growth in the second half is what a leak shows."
	fi
	if grep -q "^nginx$TAB" "$RES"; then
		echo
		echo "## Plain CGI cost per page (fcgiwrap at $CGI_CONNS connections against the persistent setups at $CONNS)"
		echo
		echo "| page | fcgiwrap req/s | p50 | spawn-fcgi req/s | p50 | mod_fcgid req/s | p50 | persistent ÷ CGI |"
		echo "|---|---|---|---|---|---|---|---|"
		awk -F'\t' '{ r[$1, $2] = $4; p[$1, $2] = $5; t[$2] = $3; if ($1 == "nginx") k[++n] = $2 }
		END { for (i = 1; i <= n; i++) { c = k[i]; best = r["spawn", c] > r["apache", c] ? r["spawn", c] : r["apache", c]
			printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", t[c], r["nginx", c], p["nginx", c],
			    (("spawn", c) in r) ? r["spawn", c] : "-", (("spawn", c) in p) ? p["spawn", c] : "-",
			    (("apache", c) in r) ? r["apache", c] : "-", (("apache", c) in p) ? p["apache", c] : "-",
			    (r["nginx", c] > 0 && best > 0) ? sprintf("%.1f×", best / r["nginx", c]) : "-" } }' "$RES"
	fi
	echo
	echo "p99 (wrk) is corrected for coordinated omission: a request that waited for"
	echo "a process counts with its wait.  p99 (server) and ≥ 1 s are the server's own"
	echo "times (Apache %D, nginx \$request_time) of the requests started during the run;"
	echo "under Apache they include mod_fcgid's one-second sleeps."
	echo
	echo "Elapsed: $(( elapsed / 60 )) min $(( elapsed % 60 )) s (build, stack, dataset, sessions and all runs)."
} >"$OUT"
echo
cat "$OUT"
