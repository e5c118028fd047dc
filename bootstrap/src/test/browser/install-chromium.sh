#!/usr/bin/env bash
# The browser tests (WebPageIT) drive Debian's Chromium through chromedriver. Installs both when either is missing,
# so that `./mvnw -B verify` runs those tests on a fresh machine instead of skipping them; does nothing when both
# are there. Needs apt-get and root, as on the project's machines and CI.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "the browser tests need chromium and chromedriver: install them (Debian: apt-get install chromium chromium-driver)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# A font, so that the screenshots show text on a machine that has none.
apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-dejavu-core
