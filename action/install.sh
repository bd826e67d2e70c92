#!/usr/bin/env bash
# Installs a pinned konsync: the tarball given (checked against its sha256), else the action's own commit, packed
# here. Never the npm registry's `konsync`. Puts konsync on PATH for the following steps (GITHUB_PATH).
set -euo pipefail
action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
work="${RUNNER_TEMP:-$(mktemp -d)}/konsync-install"
mkdir -p "$work"

if [ -n "${INPUT_TARBALL:-}" ]; then
  if [ -z "${INPUT_TARBALL_SHA256:-}" ]; then
    echo "::error title=konsync::tarball-sha256 is required with tarball" >&2
    exit 1
  fi
  tarball="$INPUT_TARBALL"
  actual="$(sha256sum "$tarball" | cut -d' ' -f1)"
  if [ "$actual" != "$INPUT_TARBALL_SHA256" ]; then
    echo "::error title=konsync::$tarball has sha256 $actual, expected $INPUT_TARBALL_SHA256: not installed" >&2
    exit 1
  fi
else
  # The commit the workflow pinned with `uses: ...@<commit>`: build and pack exactly it.
  (cd "$action_path" && npm ci --no-audit --no-fund >&2 && npm pack --pack-destination "$work" >&2)
  tarball="$(ls "$work"/konsync-*.tgz | head -n 1)"
fi

prefix="$work/prefix"
npm install --global --prefix "$prefix" --no-audit --no-fund "$tarball" >&2
echo "$prefix/bin" >> "${GITHUB_PATH:-/dev/null}"
"$prefix/bin/konsync" version
