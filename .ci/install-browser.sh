#!/usr/bin/env bash
# Headless Chromium and its driver from Debian's packages, for the Cockpit browser test
# (src/test/java/ai/archbuilder/support/audit/TicketAuditInCockpitTest). Idempotent: does
# nothing when both are installed. Without them that test is skipped, not failed.
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
