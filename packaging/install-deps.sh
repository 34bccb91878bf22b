#!/usr/bin/env bash
# Installs the Debian 12 packages that LabRelay needs to build, run and test.
# Idempotent: it only calls apt-get when a package is missing.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libmosquitto-dev libssl-dev zlib1g-dev
    # run: platform plugins (xcb, offscreen) and the broker the demo talks to
    qt6-qpa-plugins fonts-dejavu-core mosquitto
    # test: a broker and its clients, a virtual display, and openssl for test certificates
    mosquitto-clients xvfb xauth openssl
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
