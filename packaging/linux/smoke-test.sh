#!/usr/bin/env bash
# The installer smoke test (issue 6): installs the .deb that `mvn -Pinstaller package` built, starts
# the installed console headless (Xvfb) on its demo workspace, checks it came up and wrote only to
# the per-user XDG folders, measures the time to the first window over several starts, checks the
# command line of the installed launcher, and uninstalls. Needs root (it installs a package).
set -euo pipefail
cd "$(dirname "$0")/../.."

deb=$(ls target/installer/voxconsole_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "No .deb in target/installer: run 'mvn -Pinstaller -DskipTests package' first." >&2; exit 1; }
command -v xvfb-run >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb >/dev/null; }

echo "== installing $(basename "$deb")"
apt-get install -y -qq "./$deb" >/dev/null 2>&1 || { apt-get install -y "./$deb" >&2; exit 1; }
launcher=/opt/voxconsole/bin/voxconsole
[ -x "$launcher" ] || { echo "FAIL: $launcher is missing after install" >&2; exit 1; }
before=$(find /opt/voxconsole -newer "$deb" -type f | wc -l)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"
mkdir -p "$HOME"
# Java takes the home folder from the password database, not from $HOME: name the XDG folders
# (as a desktop session does) so this run stays inside its own throw-away home.
export XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
unset VOXCONSOLE_HOME

# Xvfb processes, zombies left out: an Xvfb that outlived its xvfb-run by a moment is left a zombie
# for PID 1 to reap, and a container's PID 1 may never do so. A zombie runs nothing and holds
# nothing but its PID, so it is not counted.
running_displays() {
  ps -eo pid=,stat=,comm= | awk '$3 == "Xvfb" && $2 !~ /^Z/ { print $1 }' | sort
}
displays_before=$(running_displays || true)

# Stops the console of a process group first (on SIGTERM it stops its embedded server, which
# needs the display still there), waits until it is gone, then the rest of the group (xvfb-run and
# its Xvfb); whatever is left after 30 s is killed.
stop_group() {
  local group=$1 tries=0
  pkill -TERM -g "$group" -f '^/opt/voxconsole' 2>/dev/null || true
  while pgrep -g "$group" -f '^/opt/voxconsole' >/dev/null 2>&1 && [ $tries -lt 150 ]; do
    sleep 0.2
    tries=$((tries + 1))
  done
  kill -- -"$group" 2>/dev/null || true
  sleep 0.5
  kill -9 -- -"$group" 2>/dev/null || true
  wait "$group" 2>/dev/null || true
}

# Starts the installed console, waits until the status file has MILESTONE, prints the ms since
# launch (wall clock), and stops it.
run_until() {
  local milestone=$1 limit=$2 status="$work/status"
  rm -f "$status"
  local started
  started=$(date +%s%N)
  VOXCONSOLE_STATUS_FILE="$status" VOXCONSOLE_DEMO_LOGIN=demo_harley_manager \
    setsid xvfb-run -a -s "-screen 0 1600x1000x24" "$launcher" >"$work/console.out" 2>&1 &
  # Its own process group: stopping it stops xvfb-run, its Xvfb and the console together (killing
  # the console by name also killed xvfb-run, whose command line names it, and left Xvfb behind).
  local pid=$!
  local waited=0
  until grep -q "^$milestone " "$status" 2>/dev/null; do
    sleep 0.05
    waited=$((waited + 1))
    if [ $waited -gt $((limit * 20)) ] || ! kill -0 $pid 2>/dev/null; then
      echo "FAIL: no '$milestone' within ${limit}s; the console said:" >&2
      tail -20 "$work/console.out" >&2
      stop_group $pid
      return 1
    fi
  done
  local now
  now=$(date +%s%N)
  echo $(((now - started) / 1000000))
  stop_group $pid
}

echo "== first start: creates the demo workspace and shows its calls"
first=$(run_until calls 240)
echo "   first start to the call log: ${first} ms"
for place in "$HOME/.local/share/voxconsole/workspace" "$HOME/.local/state/voxconsole/logs/voxconsole.log" "$HOME/.cache/voxconsole"; do
  [ -e "$place" ] || { echo "FAIL: $place was not written" >&2; exit 1; }
done
after=$(find /opt/voxconsole -newer "$deb" -type f | wc -l)
[ "$after" -eq "$before" ] || { echo "FAIL: the console wrote next to the program:" >&2; find /opt/voxconsole -newer "$deb" -type f >&2; exit 1; }
echo "   data, logs and cache went to the XDG folders; nothing was written under /opt/voxconsole"

echo "== cold starts to the first window (5 runs, new JVM each time)"
windows=()
for i in 1 2 3 4 5; do
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  windows+=("$(run_until window 60)")
done
median=$(printf '%s\n' "${windows[@]}" | sort -n | sed -n 3p)
echo "   first window: ${windows[*]} ms; median ${median} ms"
calls=$(run_until calls 120)
echo "   start to the call log of the existing demo workspace: ${calls} ms"

echo "== the smoke option the Windows and macOS jobs use: exits 0 by itself once the calls are shown"
set +e
VOXCONSOLE_SMOKE_SECONDS=120 VOXCONSOLE_DEMO_LOGIN=demo_harley_manager \
  timeout 180 xvfb-run -a -s "-screen 0 1600x1000x24" "$launcher" >"$work/smoke.out" 2>&1; code=$?
set -e
[ $code -eq 0 ] && grep -q "The smoke run passed" "$work/smoke.out" || {
  echo "FAIL: the smoke option exited $code; the console said:" >&2; tail -20 "$work/smoke.out" >&2; exit 1; }
echo "   exited 0 once the first calls were on screen"

echo "== the installed command line"
"$launcher" --version
set +e
"$launcher" verify /nowhere.voxbundle >/dev/null 2>&1; code=$?
set -e
[ $code -eq 2 ] || { echo "FAIL: verify of a missing file exited $code, not 2" >&2; exit 1; }

# Every console started here was stopped with its display: nothing of them is left running.
# Only the displays opened since this script began are its own: one a person left open before
# (a screenshot run, say) is not blamed on the runs.
left_displays=$(comm -13 <(echo "$displays_before") <(running_displays || true) | grep . || true)
if [ -n "$left_displays" ] || pgrep -f '^/opt/voxconsole' >/dev/null; then
  echo "FAIL: left running after the runs:" >&2
  for pid in $left_displays; do ps -o pid=,args= -p "$pid" >&2 || true; done
  pgrep -a -f '^/opt/voxconsole' >&2 || true
  exit 1
fi

size_deb=$(du -m "$deb" | cut -f1)
size_installed=$(du -sm /opt/voxconsole | cut -f1)
echo "== uninstalling"
apt-get remove -y -qq voxconsole >/dev/null 2>&1
[ ! -e "$launcher" ] || { echo "FAIL: $launcher is still there after removal" >&2; exit 1; }

echo "SMOKE OK: installer ${size_deb} MB (installed ${size_installed} MB); first window median ${median} ms over 5 cold starts; demo call log ${calls} ms (first start ${first} ms)"
