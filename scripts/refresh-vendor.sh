#!/usr/bin/env bash
# Refresh the front-end files that Meedoen ships in src/meedoen/ui/static/vendor/.
#
# The product runs without Node: the built CSS/JS is committed. Run this script (it needs npm)
# only to update those files, then review the diff and commit it.
#
#   scripts/refresh-vendor.sh
#
# Each line of PACKAGES is: npm package spec | target folder | files to copy from the package.
# The licence file of every package is always copied next to its files.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$ROOT/src/meedoen/ui/static/vendor"

PACKAGES=(
  "@utrecht/component-library-css@9|utrecht-component-library-css|dist/index.css"
  # Open (EUPL-1.2) example theme of NL Design System. @utrecht/design-tokens is NOT used:
  # its LICENSE.md says the files are proprietary assets of Gemeente Utrecht. See README.md.
  "@nl-design-system-unstable/voorbeeld-design-tokens@7|voorbeeld-design-tokens|dist/theme.css"
  "htmx.org@2|htmx.org|dist/htmx.min.js"
)

command -v npm >/dev/null || { echo "npm is needed to refresh the vendor files." >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

ROWS=""
for entry in "${PACKAGES[@]}"; do
  IFS='|' read -r spec folder files <<<"$entry"
  echo "Fetching $spec"
  tarball="$(cd "$WORK" && npm pack --ignore-scripts --silent "$spec" | tail -n 1)"
  unpacked="$WORK/${folder}"
  mkdir -p "$unpacked"
  tar -xzf "$WORK/$tarball" -C "$unpacked"
  pkg="$unpacked/package"

  target="$VENDOR/$folder"
  rm -rf "$target"
  mkdir -p "$target"
  for file in $files; do
    cp "$pkg/$file" "$target/"
  done
  licence_file="$(cd "$pkg" && ls | grep -iE '^(licen[cs]e|copying)(\.md|\.txt)?$' | head -n 1)"
  [ -n "$licence_file" ] || { echo "No licence file in $spec; refusing to vendor it." >&2; exit 1; }
  cp "$pkg/$licence_file" "$target/"

  read -r name version licence < <(node -e '
    const p = require(process.argv[1]);
    console.log(p.name, p.version, (p.license || "see licence file").replace(/\s+/g, "_"));
  ' "$pkg/package.json")
  ROWS+="| \`$name\` | $version | ${licence//_/ } | \`vendor/$folder/\` ($(cd "$target" && ls | tr '\n' ' ' | sed 's/ $//')) |"$'\n'
done

cat >"$VENDOR/README.md" <<README
# Vendored front-end files

Written by \`scripts/refresh-vendor.sh\`; do not edit these files by hand.
Meedoen runs without Node or npm: these built files are committed. To update them, run

    scripts/refresh-vendor.sh

from the repository root (needs \`npm\`), check the pages, and commit the result.

| package | version | licence | files |
|---|---|---|---|
${ROWS}
Every folder holds the package's own licence file.

## Why not \`@utrecht/design-tokens\`

\`@utrecht/design-tokens\` holds the house style of Gemeente Utrecht. Its LICENSE.md says the
open source licence does not apply to its files: they are proprietary assets of Gemeente
Utrecht. Meedoen is open source and used by other gemeenten, so it ships the open
*Voorbeeld* theme of NL Design System (EUPL-1.2) instead. A gemeente that has its own
NL Design System token package (with a licence that allows it) can add it to \`PACKAGES\` in
the script and put its theme class on \`<html>\` in \`src/meedoen/ui/templates/ui/document.html\`.
README

echo "Done. Vendor files are in $VENDOR"
