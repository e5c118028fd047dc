#!/usr/bin/env bash
# Usage: install-missing.sh COMMAND... -- DEBIAN_PACKAGE...
# Installs the Debian packages when any of the commands is missing, so that `./mvnw -B verify` runs the tests that
# need them (WebPageIT: Chromium; ContainerImageIT: podman) on a fresh machine instead of skipping them; does
# nothing when every command is there. Needs apt-get and root, as on the project's machines and CI.
set -euo pipefail
commands=()
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
  commands+=("$1")
  shift
done
shift
missing=0
for command in "${commands[@]}"; do
  # sbin: debootstrap and runc are there, and a non-login shell may not have it on its PATH.
  if ! PATH="$PATH:/usr/sbin:/sbin" command -v "$command" >/dev/null; then
    missing=1
  fi
done
if [ "$missing" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "these tests need ${commands[*]}: install them (Debian: apt-get install $*)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q "$@"
