# Sourced by .ci/run and bench/emulator.sh: starts the moto AWS emulator on the first free loopback port of a
# range and stops it by its pid. After start_moto FROM-TO: moto_pid, moto_port, moto_endpoint.
# Needs python3 with moto 5 (moto[server]); without it, one line says what is missing and start_moto fails.

moto_pid=
moto_port=
moto_endpoint=
moto_log=

moto_missing() {
  local missing
  if ! missing=$(python3 -c 'import moto, moto.server' 2>&1); then
    echo "${missing##*$'\n'} (the emulator tier needs python3 with moto 5: pip install 'moto[server]')"
    return 0
  fi
  return 1
}

stop_moto() {
  if [ -n "$moto_pid" ]; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
    moto_pid=
  fi
  if [ -n "$moto_log" ]; then
    rm -f "$moto_log"
  fi
}

_moto_port_free() {
  python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.close()' "$1" 2>/dev/null
}

_moto_answers() {
  python3 -c 'import sys,urllib.request; urllib.request.urlopen("http://127.0.0.1:%s/moto-api/data.json" % sys.argv[1], timeout=1)' "$1" 2>/dev/null
}

# A port taken between the check and moto's bind moves on to the next one.
start_moto() {
  local range=$1 first last port missing
  first=${range%-*}
  last=${range#*-}
  if missing=$(moto_missing); then
    echo "emulator: cannot start moto: $missing" >&2
    return 1
  fi
  moto_log=$(mktemp)
  for ((port = first; port <= last; port++)); do
    _moto_port_free "$port" || continue
    python3 -m moto.server -H 127.0.0.1 -p "$port" >"$moto_log" 2>&1 &
    moto_pid=$!
    for _ in $(seq 1 150); do
      kill -0 "$moto_pid" 2>/dev/null || break
      if _moto_answers "$port"; then
        moto_port=$port
        moto_endpoint=http://127.0.0.1:$port
        return 0
      fi
      sleep 0.2
    done
    stop_moto
    moto_log=$(mktemp)
  done
  echo "emulator: moto did not start on any loopback port in $range; its last output:" >&2
  tail -n 5 "$moto_log" >&2
  return 1
}
