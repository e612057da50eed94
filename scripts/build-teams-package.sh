#!/usr/bin/env bash
# Builds the sideloadable Teams app package: substitutes the placeholders in manifests/teams/manifest.json,
# validates the result and its localization files (manifest localizationInfo: de.json, fr.json) offline against the
# bundled official schemas, and zips manifest.json, color.png, outline.png and the localization files at the zip root.
#
#   TEAMS_APP_ID=<guid> BOT_ID=<guid> BOT_DOMAIN=<host> scripts/build-teams-package.sh [output.zip]
#
#   TEAMS_APP_ID  the Teams app id (any GUID you own; keep it stable across versions of the app)
#   BOT_ID        the Microsoft App ID of the Azure Bot registration
#   BOT_DOMAIN    the bot's public host name, without scheme or path (e.g. sesbot.example.com)
#   output.zip    default: .artifacts/sesbot-teams.zip
# Needs node and tests/node/node_modules (scripts/install-test-deps.sh) for the schema check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src="$root/manifests/teams"
out=${1:-"$root/.artifacts/sesbot-teams.zip"}

die() { echo "build-teams-package: $*" >&2; exit 1; }

guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
host='^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$'
[ -n "${TEAMS_APP_ID:-}" ] || die "TEAMS_APP_ID is not set (the Teams app id, a GUID)"
[ -n "${BOT_ID:-}" ] || die "BOT_ID is not set (the bot's Microsoft App ID, a GUID)"
[ -n "${BOT_DOMAIN:-}" ] || die "BOT_DOMAIN is not set (the bot's host name, e.g. sesbot.example.com)"
[[ $TEAMS_APP_ID =~ $guid ]] || die "TEAMS_APP_ID is not a GUID: $TEAMS_APP_ID"
[[ $BOT_ID =~ $guid ]] || die "BOT_ID is not a GUID: $BOT_ID"
[[ $BOT_DOMAIN =~ $host ]] || die "BOT_DOMAIN must be a bare host name (no scheme, port or path): $BOT_DOMAIN"
command -v node >/dev/null 2>&1 || die "node is not installed (scripts/install-test-deps.sh installs it)"
[ -d "$root/tests/node/node_modules/@microsoft/app-manifest" ] || die "run scripts/install-test-deps.sh first (needs the bundled manifest schemas)"
command -v zip >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 || die "neither zip nor python3 is installed (apt-get install zip)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The values were checked above, so they contain no character that is special to sed.
sed -e "s/\${{TEAMS_APP_ID}}/$TEAMS_APP_ID/g" \
    -e "s/\${{BOT_ID}}/$BOT_ID/g" \
    -e "s/\${{BOT_DOMAIN}}/$BOT_DOMAIN/g" \
    "$src/manifest.json" > "$work/manifest.json"
if grep -n '\${{' "$work/manifest.json" >&2; then
  die "manifest.json still has placeholders (above) that this script does not know"
fi

if ! result=$(node "$root/tests/node/validate-manifest.js" "$work/manifest.json"); then
  echo "$result" >&2
  die "the manifest does not validate against its schema"
fi

# The localization files the manifest names (localizationInfo.additionalLanguages[].file), each validated too.
languages=$(node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const l of (m.localizationInfo && m.localizationInfo.additionalLanguages) || []) console.log(l.file);' "$work/manifest.json")
for file in $languages; do
  [[ $file =~ ^[A-Za-z0-9_-]+\.json$ ]] || die "localization file names must be plain names at the package root: $file"
  [ -f "$src/$file" ] || die "the manifest names the localization file $file, which is not in manifests/teams"
  if ! result=$(node "$root/tests/node/validate-manifest.js" "$src/$file"); then
    echo "$result" >&2
    die "$file does not validate against the localization schema"
  fi
  cp "$src/$file" "$work/"
done

cp "$src/color.png" "$src/outline.png" "$work/"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
if command -v zip >/dev/null 2>&1; then
  # shellcheck disable=SC2086 # one word per file name, checked above
  (cd "$work" && zip -q -X "$out.tmp" manifest.json color.png outline.png $languages)
else
  # shellcheck disable=SC2086 # one word per file name, checked above
  python3 - "$work" "$out.tmp" $languages <<'PY'
import os, sys, zipfile
work, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
    for name in ["manifest.json", "color.png", "outline.png", *sys.argv[3:]]:
        package.write(os.path.join(work, name), name)
PY
fi
mv "$out.tmp" "$out"
echo "$out"
