#!/usr/bin/env bash
# Fuzzes the running API with Schemathesis (a fuzzer nobody here wrote), from the OpenAPI document
# it serves at /docs-json: once per role, with that role's token. Fails on any 5xx and on any
# response that breaks its documented status codes or schema.
#
# Creates (once) a Python venv in the cache directory with a pinned Schemathesis, starts the API on
# the embedded default with a temporary DATA_DIR and a known JWT_SECRET on a free port, signs a token
# per role with `npm run -s token`, runs Schemathesis (bounded: SCHEMATHESIS_MAX_EXAMPLES examples per
# operation and phase), stops the API and exits non-zero if any role's run failed.
#
#   SCHEMATHESIS_MAX_EXAMPLES  examples per operation (default 25)
#   SCHEMATHESIS_ROLES         roles to fuzz as (default: every role), comma-separated
#   SCHEMATHESIS_CACHE         where the venv lives (default ${XDG_CACHE_HOME:-~/.cache}/pqr-schemathesis)
set -euo pipefail

SCHEMATHESIS_VERSION=4.32.5
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${SCHEMATHESIS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pqr-schemathesis}"
venv="$cache/venv-$SCHEMATHESIS_VERSION"
max_examples="${SCHEMATHESIS_MAX_EXAMPLES:-25}"
IFS=',' read -r -a roles <<<"${SCHEMATHESIS_ROLES:-agent,supervisor,backoffice,quality,auditor,reporter,admin}"

if [[ ! -x "$venv/bin/schemathesis" ]]; then
  echo "schemathesis: installing schemathesis==$SCHEMATHESIS_VERSION into $venv" >&2
  mkdir -p "$cache"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# shellcheck source=lib/background-server.sh
source "$repo/scripts/lib/background-server.sh"
with_background_server pqr-schemathesis

export DATA_DIR="$work_dir/data"
export JWT_SECRET="schemathesis-secret-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
base="http://127.0.0.1:$port"

cd "$repo"
# The fuzzer sends thousands of requests to /public/* from one address: the throttle would answer 429 to most.
PORT="$port" LOG_LEVEL=warn PUBLIC_RATE_LIMIT=1000000 PUBLIC_CASE_RATE_LIMIT=1000000 \
  node -r ts-node/register/transpile-only -r tsconfig-paths/register apps/api/src/main.ts >"$work_dir/api.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  if curl -fsS "$base/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "schemathesis: the API exited before it was ready:" >&2
    cat "$work_dir/api.log" >&2
    exit 1
  fi
  sleep 0.2
done
curl -fsS "$base/health" >/dev/null || { echo "schemathesis: the API was not ready within 120 s" >&2; cat "$work_dir/api.log" >&2; exit 1; }

# One real case, so that routes taking a case id, a filing number or a code reach real data (and
# their documented 200 schemas get checked) most of the time, and random values the rest.
json_field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=process.argv[1].split(".").reduce((o,k)=>o?.[k],JSON.parse(s));if(v===undefined)process.exit(1);console.log(v)})' "$1"; }
agent_token="$(npm run -s token -- --sub fuzz-seed --roles agent)"
auditor_token="$(npm run -s token -- --sub fuzz-seed --roles auditor)"
filed="$(curl -fsS "$base/cases" -H "Authorization: Bearer $agent_token" -H 'Content-Type: application/json' -d '{
  "kind": "claim", "typology": "billing", "motive": "duplicate-charge", "channel": "phone", "subject": "Cobro duplicado",
  "facts": "El 15 de febrero se cobró dos veces el plan.", "request": "Reversar el cobro",
  "petitioner": { "fullName": "Prueba Fuzz", "documentType": "CC", "documentNumber": "1000000001", "email": "fuzz@example.com" },
  "consent": { "givenAt": "2026-03-02T09:55:00-05:00", "channel": "phone", "policyVersion": "2026-01" } }')"
case_id="$(json_field caseId <<<"$filed")"
filing_number="$(json_field filingNumber <<<"$filed")"
code="$(curl -fsS "$base/cases/$case_id/history" -H "Authorization: Bearer $auditor_token" | json_field events.0.data.verificationCode)"

status=0
for role in "${roles[@]}"; do
  token="$(npm run -s token -- --sub "fuzz-$role" --roles "$role")"
  cat >"$work_dir/schemathesis.toml" <<TOML
[dictionaries.case-ids]
values = ["$case_id"]
[dictionaries.filing-numbers]
values = ["$filing_number"]
[dictionaries.codes]
values = ["$code"]
[dictionaries.user-ids]
values = ["fuzz-$role"]

[parameters]
"path.id" = { dictionary = "case-ids", probability = 0.7 }
"query.caseId" = { dictionary = "case-ids", probability = 0.7 }
"path.filingNumber" = { dictionary = "filing-numbers", probability = 0.7 }
"query.filingNumber" = { dictionary = "filing-numbers", probability = 0.7 }
"query.code" = { dictionary = "codes", probability = 0.7 }
"path.userId" = { dictionary = "user-ids", probability = 0.7 }
TOML
  echo "schemathesis: fuzzing as $role ($max_examples examples per operation)" >&2
  # From the temporary directory: Schemathesis keeps a cache (.schemathesis/) where it runs.
  (cd "$work_dir" && "$venv/bin/schemathesis" --no-color --config-file "$work_dir/schemathesis.toml" run "$base/docs-json" \
    --url "$base" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "$max_examples" \
    --phases examples,coverage,fuzzing \
    --workers 1 \
    --request-timeout 20 \
    --suppress-health-check too_slow,filter_too_much \
    --generation-database none) || status=$?
done

if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "schemathesis: the API died during the run:" >&2
  tail -50 "$work_dir/api.log" >&2
  status=1
fi
if grep -q '"level":50\|"level":60' "$work_dir/api.log"; then
  echo "schemathesis: the API logged errors:" >&2
  grep '"level":50\|"level":60' "$work_dir/api.log" | tail -20 >&2
fi
exit "$status"
