#!/bin/sh
# tests/gui/test-dbus-activation.sh
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A notification's button reaches the application when it is not running:
# on a private session bus that knows only SERVICE_DIR (the build's D-Bus
# service file), activating app.open-overview starts Placements, which
# opens its window.
#
#   test-dbus-activation.sh SERVICE_DIR

set -eu

services="$1"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

cat > "$dir/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$dir</listen>
  <servicedir>$services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF

# Nobody's own data: an empty home.
export HOME="$dir/home" XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config"
export XDG_CACHE_HOME="$dir/cache"
mkdir -p "$HOME"

exec dbus-run-session --config-file="$dir/session.conf" -- sh -eu -c '
  app=org.placements.Placements
  path=/org/placements/Placements

  # What the desktop does when the notification is clicked.
  gdbus call --session --dest "$app" --object-path "$path" \
    --method org.freedesktop.Application.ActivateAction open-overview "[]" "{}" >/dev/null

  # The window exports its actions on the bus once it exists.
  i=0
  until gdbus introspect --session --dest "$app" --object-path "$path/window/1" 2>/dev/null |
        grep -q "interface org.gtk.Actions"; do
    i=$((i + 1))
    if [ "$i" -gt 300 ]; then
      echo "not ok: no window 30 s after the notification action" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "ok: the notification action started the application and opened its window"

  gdbus call --session --dest "$app" --object-path "$path" \
    --method org.freedesktop.Application.ActivateAction quit "[]" "{}" >/dev/null
'
