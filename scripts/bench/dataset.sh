#!/bin/sh
# dataset.sh: the benchmark's datasets (issue 7), made inside a running
# stack's MariaDB (scripts/stack.sh started with the demo and its full year
# of journal: DEMO=1 DEMO_ARGS="$(sh scripts/bench/dataset.sh demo-args)").
#
#   VAR=DIR [DB=journal] [SCHOOLS=100] [OUT=VAR] [POOL_MB=1024] [ANY_JOURNAL=0] \
#       sh scripts/bench/dataset.sh COMMAND
#
#   demo-args  print the demo-school options of the benchmark's demo (its
#              journal runs to the end of the year)
#   school     the one demo school as it is: checks it, ANALYZE TABLE, and
#              writes OUT/bench-accounts.tsv
#   district   SCHOOLS schools (100 by default): the demo school and its
#              copies, each with its own people, classes, journal and
#              logins; then ANALYZE TABLE, the row counts (each must be
#              SCHOOLS times the demo's, in OUT/bench-counts.tsv) and
#              OUT/bench-accounts.tsv
#
# Both set the server's innodb_buffer_pool_size to POOL_MB (empty: leave
# it), the same for both, so that the two datasets are compared on the
# same server settings.  DB names another database of the stack (the
# tests' copy); ANY_JOURNAL=1 takes the demo with any journal (the tests'
# default one) instead of insisting on the full year.
#
# OUT/bench-accounts.tsv: VAR/demo-accounts.tsv's columns (role, login,
# password, full_name, detail) plus school_id, every account of every
# school, school by school (school 1 first, in the demo file's order).
# A copy's logins are the demo's with ".s<school id>" appended (the
# children's logins in a parent's detail too); the password hashes are
# the demo's, so are the passwords.
#
# How a copy is made: every table but the global ones (below) is copied
# with INSERT ... SELECT in the order of its foreign keys, all copies of a
# table a few statements at a time (seq_1_to_N joined in); a second
# session copies most of the largest table (the marks) beside the others.
# A table's id in copy k is id + k * M, M being the table's largest id,
# and so is every column that refers to it (its foreign keys say which),
# so a copy refers to its own rows only and the ids of all copies are
# disjoint.  The school
# trigger of sql/013 makes the built-in forms of work for every new
# school; those rows are deleted and the demo's own work_kind rows copied
# like the rest.  A table this script does not know is copied like the
# others when it refers to a copied table or has a school_id, and refused
# otherwise (add it to GLOBAL or SKIPPED below).
set -eu

ME=dataset
DB=${DB:-journal}
SCHOOLS=${SCHOOLS:-100}
POOL_MB=${POOL_MB-1024}
ANY_JOURNAL=${ANY_JOURNAL:-0}
# The day the benchmark's journal runs to: the last school day of the year.
JOURNAL_UNTIL=2027-05-26
# Never copied: global tables (one for all schools) ...
GLOBAL="schema_version role scale_builtin scale_builtin_value work_kind_builtin app_secret"
# ... and what a benchmark must not inherit (sessions, throttling, the audit).
SKIPPED="session login_attempt audit"
# Rows of one INSERT ... SELECT (about): one transaction each.
CHUNK=${CHUNK:-400000}

say() { printf '%s\n' "$ME: $*" >&2; }
die() { printf '%s\n' "$ME: ОШИБКА: $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

[ $# -eq 1 ] || die "usage: VAR=DIR [DB=journal] [SCHOOLS=100] $0 demo-args|school|district"
CMD=$1
if [ "$CMD" = demo-args ]; then
	echo "--today 2026-11-23 --journal-until $JOURNAL_UNTIL"
	exit 0
fi
case $CMD in school|district) ;; *) die "неизвестная команда '$CMD' (demo-args, school, district)" ;; esac
[ -n "${VAR:-}" ] || die "не задан VAR (каталог стека)"
OUT=${OUT:-$VAR}
mkdir -p "$OUT"
SOCK=$VAR/run/mysqld.sock
[ -S "$SOCK" ] || die "нет сокета $SOCK: стек не запущен"
case $SCHOOLS in ''|*[!0-9]*) die "SCHOOLS должно быть числом: '$SCHOOLS'" ;; esac
[ "$SCHOOLS" -ge 1 ] || die "SCHOOLS должно быть не меньше 1"
case $DB in *[!A-Za-z0-9_]*) die "недопустимое имя базы: '$DB'" ;; esac

sql() { mariadb --no-defaults -S "$SOCK" -uroot --default-character-set=utf8mb4 -N -B "$DB" "$@"; }
q() { sql -e "$1"; }
has() { case " $1 " in *" $2 "*) return 0 ;; esac; return 1; }

# --- the demo school ----------------------------------------------------------
nschools=$(q "SELECT COUNT(*) FROM school")
[ "$nschools" = 1 ] || die "в базе $DB должна быть ровно одна школа (демо), а их $nschools"
S=$(q "SELECT id FROM school")
last=$(q "SELECT COALESCE(MAX(on_date), '') FROM lesson WHERE school_id = $S")
[ "$last" = "$JOURNAL_UNTIL" ] || [ "$ANY_JOURNAL" = 1 ] || die "журнал демо-школы идёт до '$last', а нужен весь год (до $JOURNAL_UNTIL): запустите стек с DEMO_ARGS=\"--journal-until $JOURNAL_UNTIL\""
ACC=$VAR/demo-accounts.tsv
[ -r "$ACC" ] || die "нет $ACC (его пишет scripts/stack.sh с DEMO=1)"

tables=$(q "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name")
cloned=
for t in $tables; do
	has "$GLOBAL $SKIPPED" "$t" || cloned="$cloned $t"
done

# The foreign keys: "table column referenced_table referenced_column".
fks=$(q "SELECT table_name, column_name, referenced_table_name, referenced_column_name
  FROM information_schema.key_column_usage WHERE table_schema = DATABASE()
  AND referenced_table_name IS NOT NULL")
# The auto-increment id of each table: "table column".
autos=$(q "SELECT table_name, column_name FROM information_schema.columns
  WHERE table_schema = DATABASE() AND extra LIKE '%auto_increment%'")
auto_of() { printf '%s\n' "$autos" | awk -v t="$1" '$1 == t { print $2 }'; }
schooled=$(echo $(q "SELECT table_name FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name = 'school_id'"))

# Every copied table must belong to a school, by its school_id or by a
# reference to another copied table; a reference between copied tables
# must be to an auto-increment id (the offset scheme).  Then the copied
# tables, parents first (the order of their foreign keys).
order=$(printf '%s\n' "$fks" | awk -F'\t' -v cloned="$cloned" \
    -v schooled="$schooled" -v autos="$autos" -v me="$0" '
	function fail(msg) { print "dataset: ОШИБКА: " msg > "/dev/stderr"; bad = 1; exit 1 }
	BEGIN {
		n = split(cloned, T, " "); for (i = 1; i <= n; i++) C[T[i]] = 1
		m = split(schooled, x, " "); for (i = 1; i <= m; i++) SC[x[i]] = 1
		m = split(autos, x, "\n")
		for (i = 1; i <= m; i++) { split(x[i], y, "\t"); A[y[1]] = y[2] }
	}
	($1 in C) && ($3 in C) {
		if (A[$3] != $4)
			fail($1 "." $2 " ссылается на " $3 "." $4 ", а не на его автоинкрементный id: " me " не умеет копировать такую ссылку")
		if ($3 != $1) P[$1, $3] = 1
		has_parent[$1] = 1
	}
	END {
		if (bad) exit 1
		for (i = 1; i <= n; i++)
			if (T[i] != "school" && !(T[i] in SC) && !(T[i] in has_parent))
				fail("таблица " T[i] " не относится ни к одной школе: добавьте её в GLOBAL или SKIPPED в " me)
		for (done = 0; done < n; ) {
			progress = 0
			for (i = 1; i <= n; i++) {
				t = T[i]
				if (t in O) continue
				ready = 1
				for (j = 1; j <= n; j++)
					if (((t, T[j]) in P) && !(T[j] in O)) { ready = 0; break }
				if (ready) { O[t] = 1; printf " %s", t; done++; progress = 1 }
			}
			if (!progress) fail("цикл внешних ключей среди таблиц")
		}
	}') || exit 1

# --- server settings, the same for both datasets ------------------------------------
# The bench compares the two datasets page by page: same server settings.
# A district's journal is a few GB; the buffer pool holds the hot part.
if [ -n "$POOL_MB" ]; then
	q "SET GLOBAL innodb_buffer_pool_size = $((POOL_MB * 1048576))" ||
		say "не удалось задать innodb_buffer_pool_size (оставлен $(q 'SELECT @@innodb_buffer_pool_size'))"
fi

# --- the copies ---------------------------------------------------------------------
counts=$OUT/bench-counts.tsv
if [ "$CMD" = district ] && [ "$SCHOOLS" -gt 1 ]; then
	t0=$(now)
	plan=$OUT/bench-district.sql
	meta=$OUT/bench-meta
	mkdir -p "$meta"
	# The demo's rows and largest ids, and every column, in three queries.
	u=
	for t in $cloned; do
		u="$u${u:+ UNION ALL }SELECT '$t', COUNT(*) FROM \`$t\`"
	done
	q "$u" >"$meta/rows"
	cp "$meta/rows" "$counts.before"
	u=
	for t in $cloned; do
		c=$(auto_of "$t")
		[ -z "$c" ] || u="$u${u:+ UNION ALL }SELECT '$t', COALESCE(MAX(\`$c\`), 0) FROM \`$t\`"
	done
	q "$u" >"$meta/max"
	q "SELECT c.table_name, c.column_name, COALESCE(MIN(k.referenced_table_name), '-'),
	    c.is_nullable, IF(c.extra LIKE '%auto_increment%', 'auto', '-')
	    FROM information_schema.columns c
	    LEFT JOIN information_schema.key_column_usage k
	      ON k.table_schema = c.table_schema AND k.table_name = c.table_name
	      AND k.column_name = c.column_name AND k.referenced_table_name IS NOT NULL
	    WHERE c.table_schema = DATABASE() AND c.extra NOT LIKE '%GENERATED%'
	    GROUP BY c.table_name, c.column_name, c.ordinal_position
	    ORDER BY c.table_name, c.ordinal_position" >"$meta/cols"
	# For each table, parents first: INSERT ... SELECT of copies k..k2 of
	# the demo's rows, about CHUNK rows a statement.
	awk -F'\t' -v order="$order" -v cloned="$cloned" -v schooled="$schooled" \
	    -v S="$S" -v n1="$((SCHOOLS - 1))" -v chunk="$CHUNK" -v schools="$SCHOOLS" \
	    -v maxf="$meta/max" -v rowsf="$meta/rows" -v f1="$plan" -v f2="$plan.2" '
	function fail(msg) { print "dataset: ОШИБКА: " msg > "/dev/stderr"; bad = 1; exit 1 }
	# Copies kfrom..kto of table t, into the session file fo.
	function emit(fo, t, kfrom, kto,    k, k2, per, u) {
		# The source: a copy of the demo rows (not the table itself,
		# which grows, and which MariaDB would buffer in /tmp).
		print "CREATE TEMPORARY TABLE src ENGINE=InnoDB SELECT * FROM `" t \
		    "` t WHERE " SRC[t] ";" > fo
		per = int(chunk / R[t]); if (per < 1) per = 1
		for (k = kfrom; k <= kto; k = k2 + 1) {
			k2 = k + per - 1; if (k2 > kto) k2 = kto
			print "INSERT INTO `" t "` (" COLS[t] ") SELECT STRAIGHT_JOIN " \
			    EX[t] " FROM seq_" k "_to_" k2 " k JOIN src t;" > fo
		}
		print "DROP TEMPORARY TABLE src;" > fo
		# The forms of work the trigger of sql/013 gave the new
		# schools: those of the demo school are copied instead.
		if (t == "school")
			for (u in SC)
				if ((u in C) && u != "school")
					print "DELETE FROM `" u "` WHERE school_id <> " S ";" > fo
		print "SELECT \x27" t (kfrom > 1 || kto < n1 ? " " kfrom "-" kto : "") "\x27;" > fo
	}
	BEGIN {
		while ((getline l < maxf) > 0) { split(l, f, "\t"); M[f[1]] = f[2] }
		while ((getline l < rowsf) > 0) { split(l, f, "\t"); R[f[1]] = f[2] }
		n = split(cloned, x, " "); for (i = 1; i <= n; i++) C[x[i]] = 1
		n = split(schooled, x, " "); for (i = 1; i <= n; i++) SC[x[i]] = 1
	}
	{
		t = $1; nc[t]++; col[t, nc[t]] = $2; ref[t, nc[t]] = $3
		null[t, nc[t]] = $4; if ($5 == "auto") auto[t] = $2
	}
	END {
		if (bad) exit 1
		nt = split(order, T, " ")
		# The largest table (the marks) goes to the second session (f2),
		# the copies 1..h, so that the two sessions have about as many
		# rows to write: f1 does the rest of it after the other tables.
		big = ""
		for (i = 1; i <= nt; i++)
			if (T[i] != "school" && (big == "" || R[T[i]] > R[big]))
				big = T[i]
		rest = 0
		for (i = 1; i <= nt; i++)
			if (T[i] != big)
				rest += R[T[i]]
		h = R[big] > 0 ? int((rest + R[big]) * n1 / (2 * R[big]) + 0.5) : n1
		if (h < 1) h = 1
		if (h > n1) h = n1
		for (j = 1; j <= 2; j++) {
			fo = j == 1 ? f1 : f2
			print "-- Written by scripts/bench/dataset.sh: " schools \
			    " schools from school " S ", session " j "." > fo
			print "SET NAMES utf8mb4;" > fo
			print "SET SESSION foreign_key_checks = 0, unique_checks = 0;" > fo
		}
		for (i = 1; i <= nt; i++) {
			t = T[i]
			if (R[t] == 0) { print "SELECT \x27" t "\x27;" > f1; continue }
			cols = ""; ex = ""; src = ""
			if (t in auto) src = "t.`" auto[t] "` <= " M[t]
			else if (t in SC) src = "t.school_id = " S
			for (j = 1; j <= nc[t]; j++) {
				c = col[t, j]; r = ref[t, j]
				if (c == auto[t]) r = t
				e = "t.`" c "`"
				if (r in C) {
					if (!(r in M)) fail(t "." c ": " r " без автоинкрементного id")
					e = e " + k.seq * " M[r]
					if (src == "" && null[t, j] == "NO")
						src = "t.`" c "` <= " M[r]
				}
				sid = "t.school_id + k.seq * " M["school"]
				if (t == "account" && c == "login")
					e = "CONCAT(t.login, \x27.s\x27, " sid ")"
				if (t == "school" && (c == "name" || c == "short_name"))
					e = "CONCAT(t.`" c "`, \x27 (\x27, t.id + k.seq * " M["school"] ", \x27)\x27)"
				cols = cols (j > 1 ? ", " : "") "`" c "`"
				ex = ex (j > 1 ? ", " : "") e
			}
			if (src == "") fail("таблица " t ": не знаю, какие её строки принадлежат школе " S)
			COLS[t] = cols; EX[t] = ex; SRC[t] = src
			if (t == big)
				emit(f2, t, 1, h)
			else
				emit(f1, t, 1, n1)
		}
		if (big != "" && R[big] > 0 && h < n1)
			emit(f1, big, h + 1, n1)
	}' "$meta/cols" || die "не удалось составить $plan"
	n1=$((SCHOOLS - 1))
	say "копии школы $S: $n1, $(cat "$plan" "$plan.2" | grep -c '^INSERT') запросов в двух сеансах ($plan, $plan.2)"
	# Progress: each table's name once it is copied; a failure ends the
	# pipeline with the loop's exit status.
	run_plan() {
		{ sql --unbuffered <"$1" || echo "FAILED $?"; } | while read -r t; do
			case $t in FAILED*) die "запрос из $1 не выполнен (код ${t#FAILED })" ;; esac
			say "  $t: $(since "$t0") с"
		done
	}
	run_plan "$plan.2" &
	second=$!
	run_plan "$plan" || { wait $second || true; exit 1; }
	wait $second || exit 1
	[ "$(q "SELECT COUNT(*) FROM school")" = "$SCHOOLS" ] || die "копирование не удалось: школ $(q "SELECT COUNT(*) FROM school")"
	say "копии сделаны за $(since "$t0") с"
fi

# --- statistics, counts, accounts ------------------------------------------------------
t1=$(now)
list=
for t in $cloned; do
	list="$list${list:+, }\`$t\`"
done
q "ANALYZE TABLE $list" >/dev/null
say "ANALYZE TABLE: $(since "$t1") с"

t1=$(now)
u=
for t in $cloned; do
	u="$u${u:+ UNION ALL }SELECT '$t', COUNT(*) FROM \`$t\`"
done
{ printf 'table\trows\n'; q "$u"; } >"$counts"
bad=
if [ "$CMD" = district ] && [ -f "$counts.before" ]; then
	bad=$(awk -F'\t' -v n="$SCHOOLS" 'NR == FNR { b[$1] = $2; next }
	    FNR > 1 && $2 != b[$1] * n { printf " %s(%d×%d≠%d)", $1, b[$1], n, $2 }' \
	    "$counts.before" "$counts")
fi
rm -f "$counts.before"
[ -z "$bad" ] || die "строк не столько, сколько в демо-школе × $SCHOOLS:$bad"
say "строки по таблицам (в $counts, подсчёт $(since "$t1") с):"
awk -F'\t' 'NR > 1 && $2 > 0 { printf "  %-20s %12d\n", $1, $2 }' "$counts" >&2

# Every school's accounts: the demo's file with each school's logins.
out=$OUT/bench-accounts.tsv
q "SELECT id FROM school ORDER BY id" | awk -F'\t' -v OFS='\t' -v first="$S" -v acc="$ACC" '
	{ ids[++n] = $1 }
	END {
		while ((getline line < acc) > 0)
			rows[++m] = line
		print rows[1], "school_id"
		for (i = 1; i <= n; i++)
			for (j = 2; j <= m; j++) {
				split(rows[j], f, "\t")
				if (ids[i] != first) {
					sfx = ".s" ids[i]
					f[2] = f[2] sfx
					if (f[1] == "parent" && f[5] != "") {
						k = split(f[5], kids, ",")
						f[5] = ""
						for (x = 1; x <= k; x++)
							f[5] = f[5] (x > 1 ? "," : "") kids[x] sfx
					}
				}
				print f[1], f[2], f[3], f[4], f[5], ids[i]
			}
	}' >"$out.tmp"
chmod 0600 "$out.tmp"
mv -f "$out.tmp" "$out"
na=$(($(wc -l <"$out") - 1))
nd=$(($(wc -l <"$ACC") - 1))
[ "$na" = "$((nd * SCHOOLS))" ] || [ "$CMD" = school ] || die "$out: $na учётных записей, а не $nd × $SCHOOLS"
say "$out: $na учётных записей, школ: $(q "SELECT COUNT(*) FROM school")"
