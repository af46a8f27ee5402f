#!/usr/bin/env bash
# Runs the MongoDB read-store suites against a throwaway FerretDB server (MongoDB wire protocol over
# SQLite, see test/mongo-server): builds the server when its sources changed, starts it on a free
# port with a temporary data directory, runs Jest with MONGODB_URL set, stops the server, and exits
# with Jest's status. Extra arguments go to Jest (test paths add to the default suites).
#
# With MONGODB_URL already set (a URL ending with a database name, no options), no server is
# started: the suites run against that server instead, e.g. MongoDB from docker-compose.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
server_dir="$repo/test/mongo-server"
server_bin="$server_dir/bin/mongo-test-server"

# The read-store and key-store contracts, and the HTTP suites whose answers come from the read store.
suites=(
  libs/read-store/src/mongodb/mongodb-read-store.adapter.spec.ts
  libs/key-store/src/mongodb/mongodb-key-store.adapter.spec.ts
  test/read-side.e2e-spec.ts
  test/case-lifecycle.e2e-spec.ts
  test/case-search.e2e-spec.ts
  test/one-issue-one-case.e2e-spec.ts
)

build_server() {
  if [[ -x "$server_bin" ]] && [[ -z "$(find "$server_dir" -maxdepth 1 \( -name '*.go' -o -name go.mod -o -name go.sum \) -newer "$server_bin")" ]]; then
    return
  fi
  command -v go >/dev/null || { echo "test-mongo: Go is needed to build $server_dir" >&2; exit 1; }
  echo "test-mongo: building the MongoDB test server (the first build takes a minute or two)" >&2
  (cd "$server_dir" && go build -o "$server_bin" .)
}

# shellcheck source=lib/background-server.sh
source "$repo/scripts/lib/background-server.sh"
with_background_server pqr-mongo-test

# Prints host:port once the server listens; fails if it exits or stays silent for 30 seconds.
wait_until_listening() {
  for _ in $(seq 1 300); do
    local address
    address="$(sed -n 's/^listening //p' "$work_dir/server.out")"
    if [[ -n "$address" ]]; then
      echo "$address"
      return
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "test-mongo: the MongoDB test server exited:" >&2
      cat "$work_dir/server.err" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "test-mongo: the MongoDB test server did not start listening within 30 s" >&2
  return 1
}

if [[ -z "${MONGODB_URL:-}" ]]; then
  build_server
  "$server_bin" -port 0 -data-dir "$work_dir/data" >"$work_dir/server.out" 2>"$work_dir/server.err" &
  server_pid=$!
  address="$(wait_until_listening)"
  export MONGODB_URL="mongodb://$address/pqr_test_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
fi
echo "test-mongo: MONGODB_URL=$MONGODB_URL" >&2
# MONGODB_URL makes the app a server-store deployment, which must be given its secrets (no generated ones).
export PETITIONER_ID_SECRET="${PETITIONER_ID_SECRET:-test-petitioner-id-secret-that-is-long-enough-0123}"

cd "$repo"
status=0
# The array option first: it would take the suites that followed it for setup files.
npx jest --setupFilesAfterEnv="$server_dir/database-per-test-file.ts" --runInBand "${suites[@]}" "$@" || status=$?
exit "$status"
