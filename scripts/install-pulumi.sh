#!/usr/bin/env bash
# Makes a Pulumi CLI (>= 3.181, needed by inline refresh/destroy) available without a download site:
# builds it from the Go module proxy, caches it outside the clone, and puts @pulumi/pulumi's
# dynamic-provider shim beside it. Prints, as its last line, the folder to put first on PATH.
#
#   scripts/install-pulumi.sh            # reuse a suitable `pulumi` on PATH or the cache, else build
#   PULUMI_VERSION=3.276.0 PULUMI_CACHE_DIR=~/.cache/x scripts/install-pulumi.sh
set -euo pipefail

version="${PULUMI_VERSION:-3.276.0}"
cache="${PULUMI_CACHE_DIR:-$HOME/.cache/pulumi-logicmonitor-apitoken}/pulumi-v$version"
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
shim="$repo_root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
bin="$cache/bin"

say() { echo "[install-pulumi] $*" >&2; }
run() {
  say "\$ $*"
  "$@" >&2 || { say "FAILED: $* (in $(pwd))"; exit 1; }
}

# `pulumi version` prints e.g. v3.276.0; 3.181 is the first CLI whose inline refresh/destroy work.
new_enough() {
  local v; v="$("$1" version 2>/dev/null | sed 's/^v//')" || return 1
  local major minor; major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] || return 1
  (( major > 3 || (major == 3 && minor >= 181) ))
}

# Copies a dependency's non-local `replace` lines into our module: Go ignores them in dependencies.
copy_replaces() {
  local gomod="$1" target="$2"
  awk '
    /^replace \(/ { block = 1; next }
    block && /^\)/ { block = 0; next }
    block { line = $0 } !block && /^replace / { line = $0; sub(/^replace /, "", line) }
    line != "" { if (line !~ /=> *(\.|\/)/) print "replace " line; line = "" }
  ' "$gomod" >> "$target"
}

# Builds one Go main package from a module version into $bin/<name>.
build_go_main() {
  local name="$1" module="$2" package="$3" ref="$4"
  local work="$cache/build-$name"
  rm -rf "$work"; mkdir -p "$work" "$bin"
  cd "$work"
  local gomod
  gomod="$(go mod download -json "$module@$ref" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
  [[ -n "$gomod" ]] || { say "FAILED: go mod download $module@$ref"; return 1; }
  printf 'module localbuild/%s\n\ngo %s\n\n' "$name" "$(go env GOVERSION | sed 's/^go//')" > go.mod
  copy_replaces "$gomod" go.mod
  run go get "$package@$ref"
  run go build -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
    -o "$bin/$name" "$package"
  cd - >/dev/null
}

pulumi_path="$(command -v pulumi || true)"
if [[ -n "$pulumi_path" ]] && new_enough "$pulumi_path"; then
  bin="$(dirname "$pulumi_path")"
  say "using $pulumi_path ($("$pulumi_path" version))"
elif [[ -x "$bin/pulumi" ]] && new_enough "$bin/pulumi"; then
  say "using cached $bin/pulumi ($("$bin/pulumi" version))"
else
  say "building the Pulumi CLI v$version from the Go module proxy into $bin (the first build takes many minutes)"
  started=$SECONDS
  build_go_main pulumi github.com/pulumi/pulumi/pkg/v3 github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "v$version"
  say "built $bin/pulumi in $((SECONDS - started)) s: $("$bin/pulumi" version)"
fi

# The Node.js language host is only needed for `pulumi up` on a Pulumi.yaml program (not for inline
# Automation API programs). The proxy has no release of it, only a pseudo-version of a pulumi/pulumi
# commit, so it is tried and its absence is reported, not fatal. The default is the pseudo-version of the
# newest pulumi/pulumi release commit we could identify (v3.259.0); override with PULUMI_LANGUAGE_NODEJS_REF.
: "${PULUMI_LANGUAGE_NODEJS_REF:=v3.0.0-20260819165155-0ac56e876614}"
if ! command -v pulumi-language-nodejs >/dev/null && [[ ! -x "$bin/pulumi-language-nodejs" ]] \
  && [[ ! -e "$cache/language-nodejs-unavailable" ]]; then
  say "building pulumi-language-nodejs at $PULUMI_LANGUAGE_NODEJS_REF"
  if ! ( build_go_main pulumi-language-nodejs \
      github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 \
      github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 "$PULUMI_LANGUAGE_NODEJS_REF" ); then
    say "the Go module proxy does not serve pulumi-language-nodejs@$PULUMI_LANGUAGE_NODEJS_REF; Pulumi.yaml programs will run through the Automation API instead"
    touch "$cache/language-nodejs-unavailable"
  fi
fi

# The CLI finds plugins on PATH or next to itself; the shim resolves the provider host from the cwd.
if [[ -f "$shim" ]]; then
  mkdir -p "$bin"
  if [[ ! -x "$bin/pulumi-resource-pulumi-nodejs" ]] || ! cmp -s "$shim" "$bin/pulumi-resource-pulumi-nodejs"; then
    cp "$shim" "$bin/pulumi-resource-pulumi-nodejs" 2>/dev/null && chmod +x "$bin/pulumi-resource-pulumi-nodejs" \
      || say "could not copy the shim into $bin; put $(dirname "$shim") on PATH instead"
  fi
else
  say "no $shim yet: run npm install first, so the dynamic-provider shim can be placed beside the CLI"
fi

echo "$bin"
