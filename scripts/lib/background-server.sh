# Sourced by scripts that run a server in the background for as long as they run.
# `with_background_server NAME` makes a temporary directory ($work_dir) and, on any exit, stops the
# process whose pid the caller put in $server_pid and removes the directory.

stop_background_server() {
  if [[ -n "${server_pid:-}" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work_dir"
}

with_background_server() {
  work_dir="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
  server_pid=""
  trap stop_background_server EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
