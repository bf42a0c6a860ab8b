#!/bin/sh
# System libraries Qt needs (offscreen and on a desktop) and a CJK font, installed
# with apt-get when missing.  Does nothing when they are all there.
PKGS="libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-wqy-microhei \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 \
libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1"
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian/Ubuntu: install Qt's libs yourself
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "缺少系统库：$missing（请用管理员权限安装）" >&2; exit 0; fi
fi
echo "安装系统库：$missing"
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
