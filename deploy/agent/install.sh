#!/bin/sh
# Installs the SIAGA probe agent on a SIAK / KTP-el server. Run as root from this folder:
#
#   sudo ./install.sh [ROLE] [JAR]
#
#   ROLE  which example becomes /etc/siaga/agent.yaml when there is none yet:
#         siak-app (SIAK application server, default), siak-db (database server) or ktpel (KTP-el server)
#   JAR   the agent jar (default: ../../probe-agent/target/siaga-agent.jar, built with
#         "mvn -B -pl probe-agent -am package")
#
# What it does: creates the unprivileged user "siaga", copies the jar and the launcher to /opt/siaga-agent,
# the examples to /opt/siaga-agent/examples, a configuration and a token file to /etc/siaga (existing ones are
# kept), and the systemd unit; enables the unit but does not start it. Safe to run again to upgrade.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
role=${1:-siak-app}
jar=${2:-$here/../../probe-agent/target/siaga-agent.jar}
launcher=$here/../../probe-agent/src/main/dist/siaga-agent
prefix=/opt/siaga-agent
conf=/etc/siaga

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || fail "run as root (sudo ./install.sh)"
[ -f "$here/$role.yaml" ] || fail "unknown role '$role' (use siak-app, siak-db or ktpel)"
[ -f "$jar" ] || fail "jar not found: $jar (build it: mvn -B -pl probe-agent -am package)"
[ -f "$launcher" ] || launcher=$here/siaga-agent
[ -f "$launcher" ] || fail "launcher script siaga-agent not found"
command -v java >/dev/null 2>&1 || fail "Java 17 or newer is needed: apt-get install openjdk-17-jre-headless"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is needed (found ${java_major:-none})"

if ! id siaga >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/siaga-agent --no-create-home \
        --shell /usr/sbin/nologin --comment "SIAGA probe agent" siaga
    echo "created user siaga"
fi

install -d -m 0755 "$prefix" "$prefix/examples"
install -m 0644 "$jar" "$prefix/siaga-agent.jar"
install -m 0755 "$launcher" "$prefix/siaga-agent"
install -m 0644 "$here/siak-app.yaml" "$here/siak-db.yaml" "$here/ktpel.yaml" "$prefix/examples/"
ln -sf "$prefix/siaga-agent" /usr/local/bin/siaga-agent

install -d -m 0750 -o root -g siaga "$conf"
if [ ! -f "$conf/agent.yaml" ]; then
    install -m 0640 -o root -g siaga "$here/$role.yaml" "$conf/agent.yaml"
    echo "created $conf/agent.yaml from the $role example: fill it in"
fi
if [ ! -f "$conf/agent.env" ]; then
    printf '%s\n' "# The agent token of this server, shown once when it was registered in SIAGA." \
        "SIAGA_AGENT_TOKEN=" > "$conf/agent.env"
    chown root:siaga "$conf/agent.env"
    chmod 0640 "$conf/agent.env"
    echo "created $conf/agent.env: put the agent token in it"
fi
install -d -m 0750 -o siaga -g siaga /var/lib/siaga-agent /var/cache/siaga-agent

install -m 0644 "$here/siaga-agent.service" /etc/systemd/system/siaga-agent.service
if command -v systemctl >/dev/null 2>&1; then
    systemctl daemon-reload
    systemctl enable siaga-agent.service >/dev/null
fi

# Class-data sharing archive of the classes a cycle loads: the agent then starts with less CPU and memory.
# Made again on every install, as it only fits the jar and the Java it was made with.
"$prefix/siaga-agent" --create-cds-archive

runuser -u siaga -- "$prefix/siaga-agent" --version

cat <<NEXT

Installed. Next:
  1. edit $conf/agent.yaml (server id and name, service url, checks) and $conf/agent.env (token)
  2. sudo -u siaga siaga-agent check     # runs every check once and prints a table
  3. sudo -u siaga siaga-agent doctor    # tests the configuration, the service and the token
  4. sudo systemctl start siaga-agent && journalctl -u siaga-agent -f
NEXT
