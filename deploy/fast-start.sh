#!/usr/bin/env bash
# Prepares the console's jar for a fast start (docs/benchmarks/capacity.md, "Start-up"): extracts it into the layout
# Spring Boot recommends (the application and its libraries as plain jars), then trains the JDK's ahead-of-time cache
# (JEP 483/514, JDK 25) with one start that stops once the application context is ready. The training run uses a
# scratch embedded database and key set of its own: it never touches the real database.
#
#   deploy/fast-start.sh target/integrations-console-0.1.0-SNAPSHOT.jar /opt/console
#   java -XX:AOTCache=/opt/console/console.aot -jar /opt/console/integrations-console-0.1.0-SNAPSHOT.jar ...
#
# The cache is valid only for the same JDK and the same jar at the same path: run this again after an upgrade of
# either (a stale or missing cache is not an error, the JVM starts without it and says so with -Xlog:aot).
set -euo pipefail

JAR=${1:?usage: deploy/fast-start.sh JAR DIRECTORY}
DIR=${2:?usage: deploy/fast-start.sh JAR DIRECTORY}
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
"$JAVA" -Djarmode=tools -jar "$JAR" extract --force --destination "$DIR"
APP="$DIR/$(basename "$JAR")"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
echo "== training the AOT cache (one start, stopped once the context is ready)"
APP_KEYSET_FILE= APP_KEYSET= SPRING_PROFILES_ACTIVE= \
"$JAVA" -XX:AOTCacheOutput="$DIR/console.aot" -Dspring.context.exit=onRefresh -jar "$APP" \
    --server.port=0 --app.data-dir="$SCRATCH" --app.health.scheduled-checks=false > "$DIR/aot-training.log" 2>&1 \
    || { echo "training failed: see $DIR/aot-training.log" >&2; exit 1; }
echo "== ready: $JAVA -XX:AOTCache=$DIR/console.aot -jar $APP"
