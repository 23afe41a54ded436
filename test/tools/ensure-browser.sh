#!/usr/bin/env bash
# Before `npm test`: the browser tests need Debian's Chromium and a Chinese font (without one, every screenshot shows
# boxes). Installs what is missing when this user may run apt (root, or sudo without a password); otherwise says in one
# line what to run. Silent when everything is there.
set -uo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
FONT_PACKAGE='fonts-wqy-microhei'
APT_GET="${APT_GET:-apt-get}"
DPKG_QUERY="${DPKG_QUERY:-dpkg-query}"

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
"$DPKG_QUERY" -W -f='${Status}' "$FONT_PACKAGE" 2>/dev/null | grep -q 'install ok installed' || missing+=("$FONT_PACKAGE")
[ "${#missing[@]}" -eq 0 ] && exit 0

command_line="apt-get update && apt-get install -y ${missing[*]}"
SUDO=''
may_install=0
if [ -z "${ENSURE_BROWSER_NO_INSTALL:-}" ] && command -v "$APT_GET" >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    may_install=1
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO='sudo -n'
    may_install=1
  fi
fi
if [ "$may_install" -eq 0 ]; then
  echo "Browser tests need ${missing[*]}: run \`sudo ${command_line}\`, then npm test again." >&2
  exit 1
fi

echo "Installing ${missing[*]} for the browser tests (about a minute, once)."
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO "$APT_GET" update -qq && $SUDO "$APT_GET" install -y -qq --no-install-recommends "${missing[@]}"; } >/tmp/ensure-browser.log 2>&1; then
  echo "Could not install ${missing[*]} (see /tmp/ensure-browser.log): run \`sudo ${command_line}\`, then npm test again." >&2
  exit 1
fi
[ -x "$CHROMIUM" ] || { echo "Chromium is still missing at $CHROMIUM after installing: set CHROMIUM_PATH to it." >&2; exit 1; }
exit 0
