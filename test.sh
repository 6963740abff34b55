#!/usr/bin/env bash
# Runs every test of SIAGA. Each test run starts its own throw-away embedded PostgreSQL, so nothing but
# Java 17 and Maven is needed, plus Debian's headless Chromium for the web-page tests: installed here with
# apt-get when missing (as root; otherwise through sudo).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "SIAGA: installing chromium and chromium-driver for the browser tests (apt-get) ..."
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi

exec mvn -B verify -Dquarkus.analytics.disabled=true "$@"
