#!/usr/bin/env bash
# Installs the Debian packages BudgetLens's browser tests, demo and PDF bench use, when missing:
# Chromium and Firefox ESR (the extension's end-to-end tests run in both), CJK fonts so pages and PDFs
# render Chinese, poppler-utils (pdftotext for the bench, pdftoppm and pdftohtml for scanned and positioned
# fixtures) and tesseract-ocr-chi-sim (the simplified-Chinese LSTM model tesseract.js reads scans with; the
# npm registry has no chi_sim package).
set -uo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# Read the font list whole before searching it: `fc-list | grep -q` under pipefail fails when grep stops at
# the first match and fc-list dies of SIGPIPE, which reported installed fonts as missing.
fonts="$(fc-list : family 2>/dev/null || true)"
grep -qi 'Noto Sans CJK' <<<"$fonts" || need+=(fonts-noto-cjk)
ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-chi-sim)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else echo "please install: ${need[*]} (apt-get, as root)" >&2; exit 1; fi
fi
echo "installing system packages: ${need[*]}" >&2
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
