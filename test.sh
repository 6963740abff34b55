#!/usr/bin/env bash
# Runs every test of SIAGA. Each test run starts its own throw-away embedded PostgreSQL, so nothing but
# Java 17 and Maven is needed.
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B verify -Dquarkus.analytics.disabled=true "$@"
