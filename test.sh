#!/usr/bin/env bash
# Runs every test of SIAGA. Each test run starts its own throw-away embedded PostgreSQL, so nothing but
# Java 17 and Maven is needed, plus from Debian: headless Chromium for the web-page tests, MariaDB server for
# the agent's database-check tests (each run starts its own throw-away mariadbd) and promtool (package
# prometheus) for the metrics and alerting-rule tests, installed here with apt-get when missing (as root;
# otherwise through sudo). The agent's Debian-package test (probe-agent PackageIT) needs root and dpkg.
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
APT_UPDATED=""
apt_install() {
    if [ -z "$APT_UPDATED" ]; then
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
        APT_UPDATED=yes
    fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "SIAGA: installing chromium and chromium-driver for the browser tests (apt-get) ..."
    apt_install chromium chromium-driver
fi

if [ ! -x /usr/sbin/mariadbd ] || [ ! -x /usr/bin/mariadb-install-db ]; then
    echo "SIAGA: installing mariadb-server for the agent's MariaDB tests (apt-get) ..."
    apt_install mariadb-server
    # The tests start their own server; the packaged service must not hold port 3306.
    if command -v service > /dev/null; then $SUDO service mariadb stop || true; fi
    if command -v systemctl > /dev/null && [ -d /run/systemd/system ]; then
        $SUDO systemctl disable --now mariadb || true
    fi
fi

if [ ! -x /usr/bin/promtool ]; then
    echo "SIAGA: installing prometheus (for promtool) for the metrics and alerting-rule tests (apt-get) ..."
    apt_install --no-install-recommends prometheus
    # Only promtool is wanted: no Prometheus server listening on 9090 after a reboot.
    if command -v systemctl >/dev/null 2>&1; then
        $SUDO systemctl disable --now prometheus.service >/dev/null 2>&1 || true
    fi
fi

exec mvn -B verify -Dquarkus.analytics.disabled=true "$@"
