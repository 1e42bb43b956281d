#!/usr/bin/env bash
# Debian's Chromium for the browser tests (playwright-core drives it; no browser is ever downloaded).
# Idempotent: does nothing when chromium is already installed.
set -euo pipefail
command -v chromium >/dev/null || (apt-get update && apt-get install -y --no-install-recommends chromium)
chromium --version
