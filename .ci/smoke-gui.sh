#!/usr/bin/env bash
# Starts the real viewer binary on a virtual display, with no network needed, and checks that it
# stays up and draws a window: a screenshot is kept in target/smoke/viewer.png.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --quiet
bin="${CARGO_TARGET_DIR:-target}/debug/sandline"
out=target/smoke
mkdir -p "$out"
export XDG_RUNTIME_DIR="$out/xdg" HOME="$out/home"
mkdir -p "$XDG_RUNTIME_DIR" "$HOME"
chmod 700 "$XDG_RUNTIME_DIR"
display=:97
Xvfb "$display" -screen 0 1400x900x24 >"$out/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill "$viewer" "$xvfb" 2>/dev/null || true' EXIT
sleep 1
DISPLAY="$display" "$bin" gui --date 2017-06-03 >"$out/viewer.log" 2>&1 &
viewer=$!
sleep 12
if ! kill -0 "$viewer" 2>/dev/null; then
  echo "the viewer exited early:"; cat "$out/viewer.log"; exit 1
fi
DISPLAY="$display" import -window root "$out/viewer.png"
colours=$(convert "$out/viewer.png" -format '%k' info:)
echo "viewer screenshot: $out/viewer.png ($colours colours)"
# A blank or black window has a handful of colours; the map, markers and text have hundreds.
[ "$colours" -gt 200 ] || { echo "the viewer's window looks empty"; exit 1; }
