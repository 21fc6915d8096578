#!/usr/bin/env bash
# Installs what the test suite needs outside Python: Debian's headless Chromium for the test of
# the HTML view (tests/test_html.py). Run by .ci/run and by the README's test command; does
# nothing when /usr/bin/chromium is there already.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ci-setup: chromium is missing; install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
