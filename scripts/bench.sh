#!/bin/sh
# bench.sh: a first benchmark (issue 7 extends it): its own stack under
# var/bench (Apache + mod_fcgid unless SERVER=nginx), then wrk for a fixed
# time at a fixed connection count on the hello ceiling, the login form and
# a parent's home page with a real session.  Prints a Markdown table and
# keeps it in var/bench/results.md.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VAR=$ROOT/var/bench
SERVER=${SERVER:-apache}
WEB_PORT=${WEB_PORT:-8093}
DB_PORT=${DB_PORT:-3309}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
URL=http://127.0.0.1:$WEB_PORT
export VAR SERVER WEB_PORT DB_PORT

command -v wrk >/dev/null || { echo "wrk is missing: sh scripts/deps.sh test" >&2; exit 1; }
trap 'sh "$ROOT/scripts/stack.sh" stop >/dev/null 2>&1 || true' EXIT INT TERM
sh "$ROOT/scripts/stack.sh" stop >/dev/null 2>&1 || true
sh "$ROOT/scripts/stack.sh" start >/dev/null

# A parent's session: fetch the form's token, post the login, keep the sid.
parent=$(awk -F'\t' '$1 == "parent" { print $2 "\t" $3; exit }' "$VAR/demo-accounts.tsv")
login=$(printf '%s' "$parent" | cut -f1)
password=$(printf '%s' "$parent" | cut -f2)
jar=$VAR/bench.cookies
rm -f "$jar"
token=$(curl -s -c "$jar" "$URL/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "login=$login" \
    --data-urlencode "password=$password" --data-urlencode "csrf=$token" "$URL/login"
sid=$(awk '$6 == "sid" { print $7 }' "$jar")
[ -n "$sid" ] || { echo "bench: could not log in as $login" >&2; exit 1; }

out=$VAR/results.md
{
	echo "| page | req/s | p50 | p99 | ratio to hello |"
	echo "|---|---|---|---|---|"
} > "$out"
hello_rps=
run() {	# name path [cookie]
	hdr=
	[ $# -ge 3 ] && hdr="Cookie: sid=$3"
	# Warm the workers first, then measure.
	wrk -t2 -c"$CONNS" -d2s ${hdr:+-H "$hdr"} "$URL$2" >/dev/null 2>&1 || true
	res=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency ${hdr:+-H "$hdr"} "$URL$2")
	rps=$(printf '%s\n' "$res" | awk '/^Requests\/sec/ { print $2 }')
	p50=$(printf '%s\n' "$res" | awk '$1 == "50%" { print $2 }')
	p99=$(printf '%s\n' "$res" | awk '$1 == "99%" { print $2 }')
	non2xx=$(printf '%s\n' "$res" | awk '/Non-2xx/ { print $NF }')
	[ -z "$hello_rps" ] && hello_rps=$rps
	ratio=$(awk -v a="$rps" -v b="$hello_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }')
	echo "| $1${non2xx:+ (non-2xx: $non2xx)} | $rps | $p50 | $p99 | $ratio |" >> "$out"
}
run "hello (ceiling)" /hello
run "login form" /login
run "parent's home page" /home "$sid"

echo
echo "## $SERVER, $CONNS connections, $DURATION each, $(nproc) cores, wrk on the same cores"
cat "$out"
