#!/usr/bin/env bash
# Headless Chromium and its driver from Debian's packages, for the four browser tests (Cockpit's
# ticket audit, SLA report and mail quarantine pages, triage in Tasklist: the classes using
# src/test/java/ai/archbuilder/support/browser/HeadlessChromium). Idempotent: does nothing when
# both are installed. Without them those tests are skipped, not failed.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  echo "chromium and chromedriver are installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
  exit 0
fi

SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver
echo "installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
