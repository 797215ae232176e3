#!/usr/bin/env bash
# Several console instances on one PostgreSQL database behind HAProxy, on this machine (deploy/README.md).
#
#   deploy/cluster.sh start      creates the database and a shared key set if missing, starts the instances and
#                                HAProxy, waits until they are ready and prints the URL
#   deploy/cluster.sh status     which instances and HAProxy run, and what readiness each instance answers
#   deploy/cluster.sh kill N     kill -9 of instance N (what a crash looks like to its users)
#   deploy/cluster.sh stop-instance N | start-instance N
#                                stops instance N gracefully (SIGTERM: in-flight requests finish, HAProxy sends new
#                                ones elsewhere) or starts it again
#   deploy/cluster.sh stop       stops HAProxy and every instance
#
# Settings (environment): INSTANCES (2), LB_PORT (8080), FIRST_PORT (8081: instance N listens on FIRST_PORT+N-1),
# PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, DB_NAME (console_cluster), RUN_DIR
# (deploy/run), APP_ADMIN_PASSWORD (the bootstrap admin's password on an empty database; generated and printed
# once when unset), JAVA_HOME (a JDK 21 or newer), JAR (the built jar). Needs psql, haproxy and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

INSTANCES=${INSTANCES:-2}
LB_PORT=${LB_PORT:-8080}
FIRST_PORT=${FIRST_PORT:-8081}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB_NAME=${DB_NAME:-console_cluster}
RUN_DIR=${RUN_DIR:-deploy/run}
mkdir -p "$RUN_DIR"
RUN_DIR=$(cd "$RUN_DIR" && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR=${JAR:-$(ls target/integrations-console-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)}

die() { echo "cluster.sh: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed ($2)"; }

port_of() { echo $((FIRST_PORT + $1 - 1)); }
pid_of() { cat "$RUN_DIR/instance-$1.pid" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
readiness() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(port_of "$1")/actuator/health/readiness" || true; }

check_tools() {
  [ -x "$JAVA" ] || die "no JDK at $JAVA_HOME (set JAVA_HOME to a JDK 21 or newer)"
  need psql "Debian: apt-get install postgresql-client"
  need haproxy "Debian: apt-get install haproxy"
  need curl "Debian: apt-get install curl"
  if [ -z "$JAR" ] || [ ! -f "$JAR" ]; then
    echo "== building the jar (./mvnw -B -q -DskipTests package)"
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/integrations-console-*.jar | grep -v '\.original$' | head -n 1)
  fi
}

prepare() {
  mkdir -p "$RUN_DIR"
  chmod 700 "$RUN_DIR"
  pg_isready -q 2>/dev/null || psql -d postgres -Atqc 'SELECT 1' >/dev/null \
    || die "PostgreSQL is not reachable at $PGHOST:$PGPORT as $PGUSER"
  if [ "$(psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
    echo "== creating database $DB_NAME"
    psql -d postgres -qc "CREATE DATABASE \"$DB_NAME\""
  fi
  if [ ! -f "$RUN_DIR/keyset.json" ]; then
    echo "== creating the shared key set $RUN_DIR/keyset.json (back it up; every instance needs the same one)"
    "$JAVA" -jar "$JAR" --keyset.create="$RUN_DIR/keyset.json"
  fi
  if [ -z "${APP_ADMIN_PASSWORD:-}" ] && [ ! -f "$RUN_DIR/admin-password" ]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$RUN_DIR/admin-password")
  fi
}

start_instance() {
  local n=$1 port
  port=$(port_of "$n")
  if alive "$n"; then
    echo "instance $n already runs (pid $(pid_of "$n"))"
    return
  fi
  local password=${APP_ADMIN_PASSWORD:-$(cat "$RUN_DIR/admin-password" 2>/dev/null || true)}
  echo "== starting instance $n on port $port (log $RUN_DIR/instance-$n.log)"
  SPRING_PROFILES_ACTIVE=postgres PORT="$port" \
    DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB_NAME" DB_USER="$PGUSER" DB_PASSWORD="${PGPASSWORD:-}" \
    APP_KEYSET_FILE="$RUN_DIR/keyset.json" APP_ADMIN_PASSWORD="$password" \
    nohup "$JAVA" -jar "$JAR" >"$RUN_DIR/instance-$n.log" 2>&1 &
  echo $! >"$RUN_DIR/instance-$n.pid"
}

wait_ready() {
  local n=$1
  for _ in $(seq 1 120); do
    [ "$(readiness "$n")" = 200 ] && return 0
    alive "$n" || { tail -n 40 "$RUN_DIR/instance-$n.log" >&2; die "instance $n stopped while starting"; }
    sleep 1
  done
  die "instance $n was not ready after 120 s (see $RUN_DIR/instance-$n.log)"
}

write_haproxy_config() {
  local servers=""
  for n in $(seq 1 "$INSTANCES"); do
    servers+="    server s$n 127.0.0.1:$(port_of "$n") check cookie s$n"$'\n'
  done
  {
    sed -e "s|@BIND@|127.0.0.1:$LB_PORT|" -e "s|@SOCKET@|$RUN_DIR/haproxy.sock|" -e '/@SERVERS@/d' \
      deploy/haproxy.cfg.template
    printf '%s' "$servers"
  } >"$RUN_DIR/haproxy.cfg"
  haproxy -c -q -f "$RUN_DIR/haproxy.cfg" || die "HAProxy refused $RUN_DIR/haproxy.cfg"
}

start_haproxy() {
  if [ -f "$RUN_DIR/haproxy.pid" ] && kill -0 "$(cat "$RUN_DIR/haproxy.pid")" 2>/dev/null; then
    echo "HAProxy already runs"
    return
  fi
  echo "== starting HAProxy on 127.0.0.1:$LB_PORT (log $RUN_DIR/haproxy.log)"
  nohup haproxy -db -f "$RUN_DIR/haproxy.cfg" >"$RUN_DIR/haproxy.log" 2>&1 &
  echo $! >"$RUN_DIR/haproxy.pid"
  for _ in $(seq 1 20); do
    curl -s -o /dev/null "http://127.0.0.1:$LB_PORT/actuator/health/readiness" && return 0
    sleep 0.5
  done
  die "HAProxy did not answer on port $LB_PORT (see $RUN_DIR/haproxy.log)"
}

stop_pid_file() {
  local file=$1 signal=${2:-TERM}
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  fi
  rm -f "$file"
}

case "${1:-}" in
  start)
    check_tools
    prepare
    for n in $(seq 1 "$INSTANCES"); do start_instance "$n"; done
    for n in $(seq 1 "$INSTANCES"); do wait_ready "$n"; done
    write_haproxy_config
    start_haproxy
    echo
    echo "Console: http://127.0.0.1:$LB_PORT  ($INSTANCES instances on ports $(port_of 1)-$(port_of "$INSTANCES"), database $DB_NAME)"
    if [ -z "${APP_ADMIN_PASSWORD:-}" ]; then
      echo "Sign in as admin with the password in $RUN_DIR/admin-password (used when the database was empty)."
    fi
    ;;
  status)
    for n in $(seq 1 "$INSTANCES"); do
      if alive "$n"; then echo "instance $n: pid $(pid_of "$n"), port $(port_of "$n"), readiness $(readiness "$n")"
      else echo "instance $n: not running"; fi
    done
    if [ -f "$RUN_DIR/haproxy.pid" ] && kill -0 "$(cat "$RUN_DIR/haproxy.pid")" 2>/dev/null; then
      echo "HAProxy: pid $(cat "$RUN_DIR/haproxy.pid"), http://127.0.0.1:$LB_PORT"
    else echo "HAProxy: not running"; fi
    ;;
  kill)
    [ -n "${2:-}" ] || die "kill needs an instance number"
    alive "$2" || die "instance $2 is not running"
    kill -9 "$(pid_of "$2")"
    rm -f "$RUN_DIR/instance-$2.pid"
    echo "killed instance $2 (kill -9)"
    ;;
  stop-instance)
    [ -n "${2:-}" ] || die "stop-instance needs an instance number"
    stop_pid_file "$RUN_DIR/instance-$2.pid" TERM
    echo "stopped instance $2"
    ;;
  start-instance)
    [ -n "${2:-}" ] || die "start-instance needs an instance number"
    check_tools
    start_instance "$2"
    wait_ready "$2"
    echo "instance $2 is ready"
    ;;
  stop)
    stop_pid_file "$RUN_DIR/haproxy.pid" TERM
    for n in $(seq 1 "$INSTANCES"); do stop_pid_file "$RUN_DIR/instance-$n.pid" TERM; done
    echo "stopped (the database $DB_NAME and $RUN_DIR/keyset.json are kept)"
    ;;
  *)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
