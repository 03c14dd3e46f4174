#!/usr/bin/env bash
# Builds Mnemo's image with Docker and checks it as an operator would: `migrate` on a fresh database, the
# container turns healthy by its own HEALTHCHECK, /metrics answers, it runs as uid 1000 without dev
# dependencies, and `docker stop` ends it with exit code 0 within 10 s.
# Needs a Docker engine. Where none runs (the project's own machines and CI), test/ops/image.test.ts repeats
# the Dockerfile's steps without Docker instead.
#   scripts/smoke-image.sh [TAG]          (default mnemo:smoke; SMOKE_PORT picks the host port, default 39300)
set -euo pipefail
cd "$(dirname "$0")/.."

tag=${1:-mnemo:smoke}
port=${SMOKE_PORT:-39300}
name="mnemo-smoke-$$"
volume="mnemo-smoke-data-$$"
public_key=$(printf 'ab%.0s' {1..32})
discord_http=(
  -e DISCORD_MODE=http -e DISCORD_TOKEN=smoke-token -e DISCORD_APP_ID=1300000000000000001
  -e "DISCORD_PUBLIC_KEY=$public_key" -e DISCORD_API_URL=http://127.0.0.1:9/api
)

fail() {
  echo "smoke-image: $*" >&2
  docker logs "$name" 2>&1 | tail -n 40 >&2 || true
  exit 1
}
cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker volume rm "$volume" >/dev/null 2>&1 || true
}
trap cleanup EXIT

docker build -t "$tag" .
echo "image size: $(docker image inspect -f '{{.Size}}' "$tag" | awk '{ printf "%.0f MB", $1 / 1e6 }')"

docker run --rm -v "$volume:/app/data" "${discord_http[@]}" "$tag" node dist/main.js migrate ||
  fail "migrate exited non-zero"

docker run -d --name "$name" -p "127.0.0.1:$port:3000" -v "$volume:/app/data" "${discord_http[@]}" "$tag" >/dev/null
# Docker runs the first HEALTHCHECK one interval (30 s) after the start.
for _ in $(seq 1 60); do
  [[ $(docker inspect -f '{{.State.Running}}' "$name") == true ]] || fail "the container stopped"
  [[ $(docker inspect -f '{{.State.Health.Status}}' "$name") == healthy ]] && break
  sleep 2
done
[[ $(docker inspect -f '{{.State.Health.Status}}' "$name") == healthy ]] || fail "not healthy after 120 s"

[[ $(curl -fsS "http://127.0.0.1:$port/healthz") == '{"status":"ok"}' ]] || fail "/healthz is not ok"
curl -fsS "http://127.0.0.1:$port/metrics" | grep -q '^mnemo_database_up 1' || fail "/metrics has no mnemo_database_up 1"
[[ $(docker exec "$name" id -u) == 1000 ]] || fail "not running as uid 1000"
docker exec "$name" sh -c '! test -e node_modules/typescript && ! test -e node_modules/vitest' ||
  fail "dev dependencies are in the image"

started=$(date +%s)
docker stop -t 20 "$name" >/dev/null
took=$(($(date +%s) - started))
code=$(docker inspect -f '{{.State.ExitCode}}' "$name")
[[ $code == 0 ]] || fail "exit code $code after SIGTERM"
((took <= 10)) || fail "took ${took} s to stop after SIGTERM"
echo "smoke-image: $tag passed (stopped in ${took} s)"
