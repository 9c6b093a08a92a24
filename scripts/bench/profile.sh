#!/bin/sh
# profile.sh: what a tuning profile (README, "Tuning profiles") costs and
# gives on a running stack, right after it started: a teacher's saves
# (scripts/bench/saves.pl, 6 connections of one session: p50/p99/max and
# how many took 500 ms or more), then parents loading their diaries (wrk +
# rotate.lua over PARENTS sessions, CONNS connections for DURATION:
# req/s, p50, p99), and memory: the journal's FastCGI workers (count and
# the sum of their Pss from /proc/PID/smaps_rollup: shared pages counted
# once) and MariaDB's Pss, after the load.
#
#   VAR=DIR [PARENTS=40] [CONNS=16] [DURATION=10s] sh scripts/bench/profile.sh LABEL
#
# Prints one tab-separated line: label, workers, workers' Pss MiB,
# mariadbd Pss MiB, saves p50/p99/max ms, saves >= 500 ms, diary req/s,
# diary p50, diary p99, diary non-2xx.
set -eu
ME=profile
LABEL=${1:-run}
PARENTS=${PARENTS:-40}
CONNS=${CONNS:-16}
DURATION=${DURATION:-10s}
die() { printf '%s\n' "$ME: ОШИБКА: $*" >&2; exit 1; }
[ -n "${VAR:-}" ] || die "не задан VAR (каталог стека)"
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
port=$(sed -n 's/^WEB_PORT=//p' "$VAR/stack.env" | tail -n 1)
BINDIR=$(sed -n 's/^CGI_BINDIR=//p' "$VAR/stack.env" | tail -n 1)
URL=http://127.0.0.1:$port
ACC=$VAR/demo-accounts.tsv
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
command -v wrk >/dev/null || die "нет wrk: sh scripts/deps.sh bench"

# Sum of Pss (KiB) of the pids given.
pss() {
	for p in "$@"; do cat "/proc/$p/smaps_rollup" 2>/dev/null; done |
	    awk '/^Pss:/ { s += $2 } END { printf "%.1f", s / 1024 }'
}
workers() {
	for d in /proc/[0-9]*; do
		case $(readlink "$d/exe" 2>/dev/null) in "$BINDIR"/*) printf '%s ' "${d#/proc/}" ;; esac
	done
}

# The teacher first: the stack has just started, as after a restart.
out=$(JOURNAL_URL=$URL JOURNAL_VAR=$VAR perl "$ROOT/scripts/bench/saves.pl" --conns 6)
saves=$(printf '%s\n' "$out" | awk '/^saves/ { printf "%s/%s/%s\t%s", $7, $10, $13, $NF }')

# Parents: sessions, then the diary under load.
session() {
	jar=$TMP/jar
	rm -f "$jar"
	tok=$(curl -s -c "$jar" "$URL/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
	curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "login=$1" \
	    --data-urlencode "password=$2" --data-urlencode "csrf=$tok" "$URL/login"
	awk '$6 == "sid" { print $7 }' "$jar"
}
awk -F'\t' '$1 == "parent" { print $2 "\t" $3 }' "$ACC" | head -n "$PARENTS" >"$TMP/parents"
: >"$TMP/diary"
while IFS="$(printf '\t')" read -r l p; do
	sid=$(session "$l" "$p")
	[ -z "$sid" ] || printf '%s\t/diary\n' "$sid" >>"$TMP/diary"
done <"$TMP/parents"
[ -s "$TMP/diary" ] || die "ни один родитель не вошёл"
res=$(wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 30s --latency -s "$ROOT/scripts/bench/rotate.lua" "$URL" -- "$TMP/diary")
rps=$(printf '%s\n' "$res" | awk '/^Requests\/sec/ { print $2 }')
p50=$(printf '%s\n' "$res" | awk '$1 == "50%" { print $2 }')
p99=$(printf '%s\n' "$res" | awk '$1 == "99%" { print $2 }')
bad=$(printf '%s\n' "$res" | awk '/Non-2xx/ { print $NF }')

# shellcheck disable=SC2046
set -- $(workers)
wn=$#
wp=$(pss "$@")
# shellcheck disable=SC2046
dbp=$(pss $(cat "$VAR/run/mysqld.pid"))
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$LABEL" "$wn" "$wp" "$dbp" "$saves" "$rps" "$p50" "$p99" "${bad:-0}"
