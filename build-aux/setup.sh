# build-aux/setup.sh
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared by build-aux/run and build-aux/test (sourced, not run): make sure the
# Debian packages the build and the tests need are present, then configure and
# compile a build directory. Everything works from any current directory.

# The Debian packages needed to build, run and test Placements. Add new ones
# here, one list for both entry scripts.
PL_PACKAGES=(
  meson
  ninja-build
  pkg-config
  gcc
  libglib2.0-dev
  libglib2.0-dev-bin
  libgtk-4-dev
  libadwaita-1-dev
  libsqlite3-dev
  libpq-dev
  libsecret-1-dev
  libportal-dev
  libportal-gtk4-dev
  libxlsxwriter-dev
  libjson-glib-dev
  libical-dev
  libcairo2-dev
  libpango1.0-dev
  gettext
  desktop-file-utils
  appstream
  xvfb
  xauth
  poppler-utils
  python3-openpyxl
  sqlite3
  postgresql
  fonts-cantarell
  dbus-x11
)

PL_SOURCE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

pl_log () {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
}

# Print the packages of PL_PACKAGES that are not installed, one a line.
pl_missing_packages () {
  local pkg status
  for pkg in "${PL_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != *"ok installed"* ]]; then
      printf '%s\n' "$pkg"
    fi
  done
}

# Install whatever is missing, without ever prompting.
pl_ensure_packages () {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    pl_log "dpkg-query not found: not a Debian system, assuming the build dependencies are installed"
    return 0
  fi

  local missing=()
  mapfile -t missing < <(pl_missing_packages)
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi

  pl_log "installing missing packages: ${missing[*]}"

  local sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      pl_log "not root and sudo is not available; please install: ${missing[*]}"
      return 1
    fi
    # -n: fail rather than ask for a password when nobody can answer.
    sudo=(sudo -n)
    if [[ -t 0 ]]; then
      sudo=(sudo)
    fi
  fi

  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null || return 1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

# pl_configure BUILD_DIR [MESON_OPTION...]
# Set up BUILD_DIR, or reconfigure it when it already holds a configuration.
pl_configure () {
  local build_dir="$1"
  shift

  if [[ -f "$build_dir/meson-private/coredata.dat" ]]; then
    meson setup --reconfigure "$@" "$build_dir" "$PL_SOURCE_ROOT"
  else
    meson setup "$@" "$build_dir" "$PL_SOURCE_ROOT"
  fi
}

# pl_compile BUILD_DIR
pl_compile () {
  meson compile -C "$1"
}
