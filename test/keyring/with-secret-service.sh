#!/usr/bin/env bash
# Runs a command against a real, private Secret Service (gnome-keyring on its own D-Bus session), so the
# keychain tests exercise keytar → libsecret → D-Bus for real without touching the user's keyring.
#
#   bash test/keyring/with-secret-service.sh npx vitest run --config test/vitest.config.ts test/integration/keychain.test.ts
#
# Exits with the command's status. Quiet unless something goes wrong; works as root, in CI, with no stdin.
# Needs the Debian packages dbus (dbus-run-session, dbus-send) and gnome-keyring.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 64
fi

if [ -z "${PLUGFLEET_KEYRING_INNER:-}" ]; then
  for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "with-secret-service: '$tool' is missing (apt-get install -y dbus gnome-keyring)" >&2
      exit 127
    fi
  done
  # The bus daemon logs harmless chatter (fd limits as root, service activation) on its stderr: send that to
  # /dev/null and hand the real stderr to the inner shell on fd 3, so the command's own errors still show.
  exec 3>&2
  exec dbus-run-session -- env PLUGFLEET_KEYRING_INNER=1 bash "$0" "$@" 2>/dev/null
fi

# Inside the private session bus from here on.
exec 2>&3 3>&-
unset PLUGFLEET_KEYRING_INNER

scratch="$(mktemp -d "${TMPDIR:-/tmp}/plugfleet-keyring.XXXXXX")"
mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
chmod 700 "$scratch/runtime"
daemon_pid=""

cleanup() {
  # Killed by PID: a daemonised keyring could outlive the bus session and keep the temp dir busy.
  if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A fresh keyring home per run: the login collection is created (and unlocked) from the password on stdin.
# The password is random and never leaves this process tree; nothing here is a real secret.
password="plugfleet-test-$RANDOM-$RANDOM-$$"
printf '%s' "$password" | env HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
  XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>"$scratch/daemon.log" &
daemon_pid=$!

name_owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

for _ in $(seq 1 100); do
  if name_owned; then break; fi
  if ! kill -0 "$daemon_pid" 2>/dev/null; then
    echo "with-secret-service: gnome-keyring-daemon exited before it owned org.freedesktop.secrets:" >&2
    cat "$scratch/daemon.log" >&2
    exit 1
  fi
  sleep 0.1
done
if ! name_owned; then
  echo "with-secret-service: org.freedesktop.secrets was not on the bus after 10 s:" >&2
  cat "$scratch/daemon.log" >&2
  exit 1
fi

status=0
"$@" || status=$?
exit "$status"
