#!/usr/bin/env bash
# What the test suite runs besides Node, from Debian's packages (nothing is downloaded otherwise):
# Chromium for the browser tests; xmllint (XSD), qpdf and pdfinfo to check the e-invoices we issue.
# Idempotent: installs only what is missing. `npm test` runs it first (pretest).
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
if ((${#missing[@]})); then
  echo "install-test-tools: installing ${missing[*]}"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
