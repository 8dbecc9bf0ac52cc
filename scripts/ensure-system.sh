#!/usr/bin/env bash
# Installs the Debian packages BudgetLens's browser tests, demo and PDF bench use, when missing:
# Chromium (with CJK fonts, so pages and PDFs render Chinese), poppler-utils (pdftotext for the bench,
# pdftoppm for the scanned fixtures of the OCR tests) and tesseract-ocr-chi-sim (the simplified-Chinese LSTM
# model that tesseract.js reads scans with; the npm registry has no chi_sim package).
set -uo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-chi-sim)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else echo "please install: ${need[*]} (apt-get, as root)" >&2; exit 1; fi
fi
echo "installing system packages: ${need[*]}" >&2
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
