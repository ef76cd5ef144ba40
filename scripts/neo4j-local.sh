#!/usr/bin/env bash
# neo4j-local.sh: run a REAL Neo4j Community 5.26 on this machine, without Docker.
#
#   bash scripts/neo4j-local.sh start    # build if needed, start, wait until Bolt answers RETURN 1
#   bash scripts/neo4j-local.sh stop     # SIGTERM (clean shutdown), SIGKILL after a timeout
#   bash scripts/neo4j-local.sh status   # running or not, pid, URIs, version (exit 3 if not running)
#   bash scripts/neo4j-local.sh env      # eval "$(bash scripts/neo4j-local.sh env)"
#
# Why not the packaged server: Maven Central does not serve the Neo4j server tarball.
#   `mvn dependency:get -Dartifact=org.neo4j.assembly:neo4j-community:5.26.30:tar.gz:unix` fails with
#   [ERROR] Failed to execute goal org.apache.maven.plugins:maven-dependency-plugin:2.8:get (default-cli)
#   on project standalone-pom: Couldn't download artifact: Could not find artifact
#   org.neo4j.assembly:neo4j-community:tar.gz:unix:5.26.30 in central (<Maven Central URL>)
# (same for 5.26.0). What Maven Central does serve is the DBMS itself as libraries
# (org.neo4j:neo4j = kernel, Cypher, security, Bolt server, HTTP server). So
# scripts/neo4j-launcher/ is a ~300-line Java program that builds a DatabaseManagementService
# from those jars with Bolt (and the HTTP API) on 127.0.0.1, and this script runs it as a daemon.
# The version is pinned in scripts/neo4j-launcher/pom.xml: 5.26.30, the newest 5.26.x LTS
# patch release whose runtime classpath resolves from Maven Central.
#
# What you get:
#   - Bolt on 127.0.0.1:$NEO4J_BOLT_PORT. Both bolt:// and neo4j:// URIs work: the single
#     Community instance answers the routing-table request with itself as router/reader/writer.
#   - The HTTP API on 127.0.0.1:$NEO4J_HTTP_PORT (Query API /db/neo4j/query/v2, /db/neo4j/tx).
#     Neo4j Browser (the web UI) is NOT available: it ships in a separate artifact that only the
#     packaged server bundles. Use the driver, or curl on the HTTP API, instead.
#   - Auth enabled; user neo4j; the password lives in .neo4j/password (generated once from
#     /dev/urandom, mode 600, printed only by `env`). That file is the source of truth: the
#     launcher sets it before Bolt ever opens on first start and re-syncs it on every start.
#   - dbms.cypher.forbid_exhaustive_shortestpath=true (5.26's name for
#     cypher.forbid_exhaustive_shortestpath), db.transaction.timeout, per-transaction memory
#     ceiling, page cache size; all listening sockets on 127.0.0.1 only.
#     db.transaction.timeout ends every transaction that sets no timeout of its own; a timeout
#     the client sets in its transaction config replaces it, even a longer one (verified).
#
# Files (all in the git-ignored .neo4j/ at the repo root, found from this script's location):
#   .neo4j/password        the neo4j user's password (chmod 600)
#   .neo4j/home/           DBMS home: data/ (databases, transactions), logs/ (debug.log, ...),
#                          run/launcher.properties (version + URIs while running),
#                          conf/neo4j.conf (optional, yours: extra settings in neo4j.conf syntax)
#   .neo4j/lib/            runtime jars + the launcher jar; .neo4j/lib.stamp = hash of the launcher
#                          pom + source + Java major; Maven runs only when that hash changes
#   .neo4j/build/          Maven build directory (keeps scripts/neo4j-launcher/ free of target/)
#   .neo4j/build.log       output of the last Maven build
#   .neo4j/neo4j.pid       pid of the running JVM
#   .neo4j/neo4j.log       stdout/stderr of the JVM (user log: start, stop, errors), appended
#
# Environment (all optional):
#   NEO4J_STATE_DIR      folder holding everything below (a second instance, e.g. for bench/)  default .neo4j
#   NEO4J_BOLT_PORT      Bolt port on 127.0.0.1                         default 7687
#   NEO4J_HTTP_PORT      HTTP port on 127.0.0.1, or "off"               default 7474
#   NEO4J_HEAP           JVM max heap (-Xmx)                            default 3g
#   NEO4J_HEAP_INITIAL   JVM initial heap (-Xms)              default 1g (= NEO4J_HEAP if that is set)
#   NEO4J_PAGECACHE      server.memory.pagecache.size                   default 1g
#   NEO4J_TX_TIMEOUT     db.transaction.timeout (default per-tx limit)  default 60s
#   NEO4J_TX_MEMORY_MAX  db.memory.transaction.max (heap per tx)        default 1536m
#                        (a customs import's default 20 000-row batch is estimated at about
#                        1.05 GiB, src/import/importer.ts DEFAULT_BATCH_SIZES; the cap stays
#                        half of the heap so that it fires before an OutOfMemoryError; raise it
#                        together with NEO4J_HEAP)
#   NEO4J_START_TIMEOUT  seconds `start` waits for Bolt to answer       default 120
#   NEO4J_STOP_TIMEOUT   seconds `stop` waits after SIGTERM before SIGKILL  default 60
#   NEO4J_JAVA_OPTS      extra JVM options, word-split                  default empty
#   JAVA_HOME            if set, $JAVA_HOME/bin/java is used instead of `java` on PATH
# Sizing: the defaults (3g heap + 1g page cache, ~4.5 GiB RSS) suit a 2-core 24 GiB machine that
# also runs Node, the TypeScript build and tests; the JVM uses G1.
#
# Requirements: java 17+ (Neo4j 5.26 supports 17 and 21), mvn (only when the jars must be
# (re)built), node + the repo's node_modules/neo4j-driver (for the Bolt check, scripts/bolt-ping.mjs).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
STATE_DIR="${NEO4J_STATE_DIR:-$REPO_ROOT/.neo4j}"
# The launcher runs from inside the state folder, so a relative NEO4J_STATE_DIR is made absolute first.
case "$STATE_DIR" in /*) ;; *) STATE_DIR="$PWD/$STATE_DIR" ;; esac
HOME_DIR="$STATE_DIR/home"
LIB_DIR="$STATE_DIR/lib"
BUILD_DIR="$STATE_DIR/build"
STAMP_FILE="$STATE_DIR/lib.stamp"
PASSWORD_FILE="$STATE_DIR/password"
PID_FILE="$STATE_DIR/neo4j.pid"
LOG_FILE="$STATE_DIR/neo4j.log"
BUILD_LOG="$STATE_DIR/build.log"
INFO_FILE="$HOME_DIR/run/launcher.properties"
LAUNCHER_DIR="$SCRIPT_DIR/neo4j-launcher"
LAUNCHER_POM="$LAUNCHER_DIR/pom.xml"
LAUNCHER_MAIN="actorgraph.Neo4jLauncher"
BOLT_PING="$SCRIPT_DIR/bolt-ping.mjs"

BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
HEAP="${NEO4J_HEAP:-3g}"
if [[ -n "${NEO4J_HEAP_INITIAL:-}" ]]; then
  HEAP_INITIAL="$NEO4J_HEAP_INITIAL"
elif [[ -n "${NEO4J_HEAP:-}" ]]; then
  HEAP_INITIAL="$NEO4J_HEAP"
else
  HEAP_INITIAL="1g"
fi
PAGECACHE="${NEO4J_PAGECACHE:-1g}"
TX_TIMEOUT="${NEO4J_TX_TIMEOUT:-60s}"
TX_MEMORY_MAX="${NEO4J_TX_MEMORY_MAX:-1536m}"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA_BIN="$JAVA_HOME/bin/java"
else
  JAVA_BIN="java"
fi

log() { printf 'neo4j-local: %s\n' "$*" >&2; }
die() { printf 'neo4j-local: ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

validate_port() { # name value
  if ! [[ "$2" =~ ^[0-9]{1,5}$ ]] || (( 10#$2 < 1 || 10#$2 > 65535 )); then
    die "$1 must be a TCP port number, got '$2'"
  fi
}

# ---------------------------------------------------------------- prerequisites

java_major() {
  local line ver
  command -v "$JAVA_BIN" >/dev/null 2>&1 || return 1
  line="$("$JAVA_BIN" -version 2>&1 | grep -m1 -i 'version' || true)"
  ver="$(sed -n 's/.*version "\([^"]*\)".*/\1/p' <<<"$line")"
  [[ -n "$ver" ]] || return 1
  if [[ "$ver" == 1.* ]]; then
    ver="${ver#1.}"
  fi
  printf '%s\n' "${ver%%[.+-]*}"
}

require_java() {
  local major
  command -v "$JAVA_BIN" >/dev/null 2>&1 \
    || die "java not found ('$JAVA_BIN'); install a JDK 17 or 21 (e.g. apt-get install openjdk-17-jdk-headless)"
  major="$(java_major)" || die "could not parse the output of '$JAVA_BIN -version'"
  [[ "$major" =~ ^[0-9]+$ ]] || die "could not parse the Java version from '$JAVA_BIN -version' (got '$major')"
  if (( major < 17 )); then
    die "Java $major found at $(command -v "$JAVA_BIN"); Neo4j 5.26 needs Java 17 or 21"
  fi
  if (( major != 17 && major != 21 )); then
    log "warning: Java $major is not one Neo4j 5.26 is supported on (17, 21); trying anyway"
  fi
  JAVA_MAJOR="$major"
}

require_node() {
  command -v node >/dev/null 2>&1 || die "node not found; it is needed for the Bolt check (scripts/bolt-ping.mjs)"
  [[ -f "$REPO_ROOT/node_modules/neo4j-driver/package.json" ]] \
    || die "node_modules/neo4j-driver is missing in $REPO_ROOT; run 'npm install' (or 'npm ci') first"
}

# ---------------------------------------------------------------- small helpers

port_open() { # port -> 0 when something accepts TCP connections on 127.0.0.1:port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1
}

ensure_password() {
  mkdir -p "$STATE_DIR"
  if [[ ! -s "$PASSWORD_FILE" ]]; then
    local pw
    pw="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    [[ ${#pw} -eq 48 ]] || die "could not generate a password from /dev/urandom"
    (umask 077 && printf '%s\n' "$pw" >"$PASSWORD_FILE.tmp")
    mv -f "$PASSWORD_FILE.tmp" "$PASSWORD_FILE"
    log "generated a new password in $PASSWORD_FILE"
  fi
  chmod 600 "$PASSWORD_FILE"
}

read_password() {
  local pw
  pw="$(head -n1 "$PASSWORD_FILE")"
  printf '%s' "${pw//[[:space:]]/}"
}

bolt_ping() { # uri [extra args...] -> runs scripts/bolt-ping.mjs with our credentials
  local uri="$1"; shift
  NEO4J_URI="$uri" NEO4J_USER="neo4j" NEO4J_PASSWORD="$(read_password)" NEO4J_DATABASE="neo4j" \
    BOLT_PING_TIMEOUT_MS="${BOLT_PING_TIMEOUT_MS:-3000}" \
    node "$BOLT_PING" "$@"
}

process_alive() { # pid -> 0 when it exists and is not a zombie (a JVM that died while this
                  # script, its parent, is still waiting stays a zombie that kill -0 still sees)
  kill -0 "$1" 2>/dev/null || return 1
  if [[ -r "/proc/$1/stat" ]]; then
    local stat
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [[ "${stat:0:1}" != "Z" ]] || return 1
  fi
  return 0
}

is_our_jvm() { # pid -> 0 when pid is alive and is a Neo4jLauncher JVM
  local pid="$1"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  process_alive "$pid" || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 0   # no procfs: trust kill -0
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$LAUNCHER_MAIN"
}

current_pid() { # prints the pid of our running JVM, or fails
  local pid=""
  if [[ -f "$PID_FILE" ]]; then
    pid="$(tr -dc '0-9' <"$PID_FILE")"
    if is_our_jvm "$pid"; then printf '%s\n' "$pid"; return 0; fi
  fi
  if [[ -f "$INFO_FILE" ]]; then
    pid="$(sed -n 's/^pid=//p' "$INFO_FILE" | tr -dc '0-9')"
    if is_our_jvm "$pid"; then printf '%s\n' "$pid"; return 0; fi
  fi
  return 1
}

info_value() { # key -> value from home/run/launcher.properties
  [[ -f "$INFO_FILE" ]] && sed -n "s/^$1=//p" "$INFO_FILE" | head -n1
}

tail_log_since() { # byte offset
  log "last lines of $LOG_FILE:"
  tail -c "+$(( $1 + 1 ))" "$LOG_FILE" 2>/dev/null | tail -n 40 >&2 || true
}

# ---------------------------------------------------------------- build

PROGRESS_SECONDS=5

maven_progress() { # files and megabytes Maven has downloaded so far, from its batch-mode log (POSIX awk)
  awk '/^\[INFO\] Downloaded from / {
         n++
         if (match($0, /\([0-9.]+ (B|kB|MB|GB) at/)) {
           split(substr($0, RSTART + 1, RLENGTH - 1), w, " ")
           mb += w[1] * ((w[2] == "GB") ? 1024 : (w[2] == "MB") ? 1 : (w[2] == "kB") ? 1 / 1024 : 1 / 1048576)
         }
       }
       END { printf "%d files, %.0f MB downloaded", n, mb }' "$BUILD_LOG" 2>/dev/null || printf 'starting'
}

launcher_hash() {
  {
    printf 'java-major=%s\n' "$JAVA_MAJOR"
    cat "$LAUNCHER_POM"
    find "$LAUNCHER_DIR/src" -type f -name '*.java' -print0 | sort -z | xargs -0 cat
  } | sha256sum | cut -d' ' -f1
}

ensure_jars() {
  local want have=""
  want="$(launcher_hash)"
  [[ -f "$STAMP_FILE" ]] && have="$(cat "$STAMP_FILE")"
  if [[ "$want" == "$have" && -f "$LIB_DIR/neo4j-launcher.jar" ]] && compgen -G "$LIB_DIR/neo4j-5.*.jar" >/dev/null; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 \
    || die "mvn not found; Maven 3.6+ is needed to fetch the Neo4j jars (e.g. apt-get install maven)"
  log "building the launcher and fetching the Neo4j jars with Maven (first time: ~170 MB of downloads; progress every ${PROGRESS_SECONDS}s) ..."
  rm -rf "$LIB_DIR.tmp"
  mkdir -p "$LIB_DIR.tmp"
  # Not -q: batch mode logs one "Downloaded from …" line per file, which maven_progress sums
  # into a line every PROGRESS_SECONDS instead of a silent minute.
  mvn -B -f "$LAUNCHER_POM" -Dlauncher.buildDir="$BUILD_DIR" \
    package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIB_DIR.tmp" \
    >"$BUILD_LOG" 2>&1 &
  local mvn_pid=$! started=$SECONDS
  while process_alive "$mvn_pid"; do
    sleep 1
    if (( (SECONDS - started) % PROGRESS_SECONDS == 0 )) && process_alive "$mvn_pid"; then
      log "Maven: $(maven_progress) after $(( SECONDS - started ))s ..."
    fi
  done
  if ! wait "$mvn_pid"; then
    tail -n 40 "$BUILD_LOG" >&2 || true
    rm -rf "$LIB_DIR.tmp"
    die "Maven build failed (full output: $BUILD_LOG)"
  fi
  log "Maven: $(maven_progress), done in $(( SECONDS - started ))s"
  cp "$BUILD_DIR/neo4j-launcher.jar" "$LIB_DIR.tmp/neo4j-launcher.jar"
  rm -rf "$LIB_DIR"
  mv "$LIB_DIR.tmp" "$LIB_DIR"
  printf '%s\n' "$want" >"$STAMP_FILE"
  log "jars ready in $LIB_DIR ($(find "$LIB_DIR" -name '*.jar' | wc -l) jars)"
}

# ---------------------------------------------------------------- commands

wait_until_ready() { # pid log-offset
  local pid="$1" offset="$2" deadline=$(( SECONDS + START_TIMEOUT )) ready_line=0
  while (( SECONDS < deadline )); do
    # process_alive, not is_our_jvm: right after the fork the pid is still the subshell that is
    # about to exec setsid/nohup/java, whose command line does not name the launcher yet.
    if ! process_alive "$pid"; then
      log "Neo4j (pid $pid) exited during startup"
      tail_log_since "$offset"
      rm -f "$PID_FILE"
      exit 1
    fi
    if (( ready_line == 0 )) && tail -c "+$(( offset + 1 ))" "$LOG_FILE" 2>/dev/null | grep -q '^ACTORGRAPH_NEO4J_READY '; then
      ready_line=1
    fi
    if (( ready_line == 1 )) && bolt_ping "bolt://127.0.0.1:$BOLT_PORT" --quiet 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  log "Neo4j did not answer RETURN 1 on bolt://127.0.0.1:$BOLT_PORT within ${START_TIMEOUT}s (NEO4J_START_TIMEOUT); stopping it"
  tail_log_since "$offset"
  kill -TERM "$pid" 2>/dev/null || true
  exit 1
}

cmd_start() {
  validate_port NEO4J_BOLT_PORT "$BOLT_PORT"
  [[ "$HTTP_PORT" == "off" ]] || validate_port NEO4J_HTTP_PORT "$HTTP_PORT"
  [[ "$START_TIMEOUT" =~ ^[0-9]+$ ]] || die "NEO4J_START_TIMEOUT must be a number of seconds"
  mkdir -p "$STATE_DIR"
  require_node
  ensure_password

  # One `start` at a time (two racing starts must not launch two JVMs).
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$STATE_DIR/.start.lock"
    flock -w "$(( START_TIMEOUT + 600 ))" 9 || die "another 'neo4j-local.sh start' holds $STATE_DIR/.start.lock"
  fi

  local pid running_bolt
  if pid="$(current_pid)"; then
    running_bolt="$(info_value bolt || true)"
    if [[ -n "$running_bolt" && "$running_bolt" != "bolt://127.0.0.1:$BOLT_PORT" ]]; then
      die "Neo4j from this repo is already running (pid $pid) on $running_bolt, not on port $BOLT_PORT; run 'bash scripts/neo4j-local.sh stop' first to change ports"
    fi
    if bolt_ping "bolt://127.0.0.1:$BOLT_PORT" --quiet 2>/dev/null; then
      log "already running (pid $pid) on bolt://127.0.0.1:$BOLT_PORT"
      return 0
    fi
    if ! port_open "$BOLT_PORT"; then
      log "Neo4j (pid $pid) is still starting; waiting for it"
      wait_until_ready "$pid" 0
      log "ready (pid $pid) on bolt://127.0.0.1:$BOLT_PORT"
      return 0
    fi
  fi

  if port_open "$BOLT_PORT"; then
    local why
    if why="$(bolt_ping "bolt://127.0.0.1:$BOLT_PORT" --quiet 2>&1)"; then
      log "already running on bolt://127.0.0.1:$BOLT_PORT (accepts our password; not started by this script or pid file lost)"
      return 0
    fi
    die "port $BOLT_PORT on 127.0.0.1 is in use by something that does not accept the credentials in $PASSWORD_FILE ($why). Stop it, or use another port: NEO4J_BOLT_PORT=7688 bash scripts/neo4j-local.sh start"
  fi
  if [[ "$HTTP_PORT" != "off" ]] && port_open "$HTTP_PORT"; then
    die "HTTP port $HTTP_PORT on 127.0.0.1 is already in use; free it, or set NEO4J_HTTP_PORT to another port or to 'off'"
  fi

  require_java
  ensure_jars
  rm -f "$PID_FILE" "$INFO_FILE"
  mkdir -p "$HOME_DIR"

  touch "$LOG_FILE"
  local offset
  offset="$(stat -c %s "$LOG_FILE")"
  printf '\n===== neo4j-local.sh start %s =====\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$LOG_FILE"

  local -a jvm=(
    "-Xms$HEAP_INITIAL" "-Xmx$HEAP"
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields
    "-XX:ErrorFile=$STATE_DIR/hs_err_pid%p.log"
    -Djdk.nio.maxCachedBufferSize=262144 -Dio.netty.tryReflectionSetAccessible=true
    -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  )
  if [[ -n "${NEO4J_JAVA_OPTS:-}" ]]; then
    local -a extra
    read -r -a extra <<<"$NEO4J_JAVA_OPTS"
    jvm+=("${extra[@]}")
  fi

  log "starting Neo4j (heap $HEAP_INITIAL..$HEAP, page cache $PAGECACHE, bolt 127.0.0.1:$BOLT_PORT, http $HTTP_PORT); log: $LOG_FILE"
  (
    cd "$STATE_DIR"
    # setsid: own session, so the terminal's Ctrl-C / hangup never reaches it; nohup for good measure.
    # 9>&- : the JVM must not inherit (and so hold) the start lock.
    exec setsid nohup "$JAVA_BIN" "${jvm[@]}" -cp "$LIB_DIR/*" "$LAUNCHER_MAIN" \
      --home="$HOME_DIR" --password-file="$PASSWORD_FILE" \
      --bolt-port="$BOLT_PORT" --http-port="$HTTP_PORT" \
      --tx-timeout="$TX_TIMEOUT" --tx-memory-max="$TX_MEMORY_MAX" --pagecache="$PAGECACHE" \
      </dev/null >>"$LOG_FILE" 2>&1 9>&-
  ) &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"

  wait_until_ready "$pid" "$offset"

  # The launcher reports its own pid; prefer it should setsid ever have forked.
  local real
  real="$(info_value pid || true)"
  if [[ -n "$real" && "$real" != "$pid" ]] && is_our_jvm "$real"; then
    pid="$real"
    printf '%s\n' "$pid" >"$PID_FILE"
  fi
  log "ready: Neo4j $(info_value version || echo '?') pid $pid, bolt://127.0.0.1:$BOLT_PORT (neo4j:// works too), http $(info_value http || echo '?')"
}

cmd_stop() {
  [[ "$STOP_TIMEOUT" =~ ^[0-9]+$ ]] || die "NEO4J_STOP_TIMEOUT must be a number of seconds"
  local pid
  if ! pid="$(current_pid)"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping Neo4j (pid $pid) ..."
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(( SECONDS + STOP_TIMEOUT ))
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still running after ${STOP_TIMEOUT}s; sending SIGKILL (the next start will recover the store)"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$PID_FILE" "$INFO_FILE"
  log "stopped"
}

cmd_status() {
  local pid="" version http answering="no"
  pid="$(current_pid || true)"
  if command -v node >/dev/null 2>&1 && [[ -f "$REPO_ROOT/node_modules/neo4j-driver/package.json" && -s "$PASSWORD_FILE" ]] \
     && port_open "$BOLT_PORT"; then
    if version="$(bolt_ping "bolt://127.0.0.1:$BOLT_PORT" --version --quiet 2>/dev/null)"; then
      answering="yes"
    fi
  fi
  if [[ -z "$pid" && "$answering" == "no" ]]; then
    echo "neo4j: not running"
    echo "bolt:    bolt://127.0.0.1:$BOLT_PORT (not answering)"
    return 3
  fi
  if [[ -n "$pid" ]]; then
    echo "neo4j: running (pid $pid)"
  else
    echo "neo4j: running (accepts our password on port $BOLT_PORT, but not started by this script: no pid)"
  fi
  if [[ "$answering" == "yes" ]]; then
    echo "bolt:    bolt://127.0.0.1:$BOLT_PORT and neo4j://127.0.0.1:$BOLT_PORT (answering RETURN 1)"
  else
    echo "bolt:    bolt://127.0.0.1:$BOLT_PORT (NOT answering yet: starting, or broken; see $LOG_FILE)"
  fi
  version="${version:-$(info_value version || true)}"
  echo "version: Neo4j ${version:-unknown}"
  http="$(info_value http || true)"
  if [[ -z "$http" ]]; then
    echo "http:    unknown"
  elif [[ "$http" == "disabled" ]]; then
    echo "http:    disabled (NEO4J_HTTP_PORT=off)"
  else
    echo "http:    $http (HTTP API only: the Neo4j Browser UI is not bundled)"
  fi
  echo "home:    $HOME_DIR"
  echo "log:     $LOG_FILE (debug log: $HOME_DIR/logs/debug.log)"
}

cmd_env() {
  validate_port NEO4J_BOLT_PORT "$BOLT_PORT"
  ensure_password
  printf 'export NEO4J_URI=%q\n' "neo4j://127.0.0.1:$BOLT_PORT"
  printf 'export NEO4J_USER=%q\n' "neo4j"
  printf 'export NEO4J_PASSWORD=%q\n' "$(read_password)"
  printf 'export NEO4J_DATABASE=%q\n' "neo4j"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  -h|--help|help) usage ;;
  *) usage ;;
esac
