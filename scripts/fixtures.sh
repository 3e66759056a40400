#!/usr/bin/env bash
# Remakes the files in test/fixtures/ from their sources in test/fixtures/src/. The results are
# committed: CI and `npm test` never run this (they need neither LibreOffice nor SheetJS).
#   LibreOffice: apt-get install -y libreoffice-calc-nogui   (soffice, headless)
#   SheetJS:     npm's `xlsx` 0.18.5, installed in a temporary folder, not in the project
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=test/fixtures
src=$fixtures/src

# LibreOffice's own OOXML writer, from an OpenDocument file written by hand.
soffice --headless --convert-to xlsx --outdir "$fixtures" "$src/libreoffice-budget.fods"
# LibreOffice's CSV writer: first sheet, ';' (59), '"' (34), Windows-1252 (1), values as shown.
tmp=$(mktemp -d)
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):59,34,1,1,,,,,true' --outdir "$tmp" "$src/libreoffice-budget.fods"
mv "$tmp/libreoffice-budget.csv" "$fixtures/libreoffice-ventes-1252.csv"

# SheetJS.
npm install --silent --no-audit --no-fund --no-save --prefix "$tmp/sheetjs" xlsx@0.18.5
NODE_PATH="$tmp/sheetjs/node_modules" node "$src/sheetjs-ventes.cjs"

# CSVs byte by byte, in other programs' encodings.
node "$src/csv-fixtures.cjs"
rm -rf "$tmp"
ls -l "$fixtures"
