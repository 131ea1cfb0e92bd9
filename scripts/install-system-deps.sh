#!/usr/bin/env bash
# Install the Debian packages the tests need (PostgreSQL, Chromium, LibreOffice, poppler, CJK fonts).
# Does nothing when they are all present. Needs root (or sudo) and apt-get.
set -euo pipefail

PACKAGES=(
  postgresql
  chromium
  libreoffice-writer-nogui
  libreoffice-calc-nogui
  poppler-utils
  fonts-noto-cjk
  fonts-arphic-ukai
  fonts-arphic-uming
  fonts-wqy-zenhei
  fonts-liberation2
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "测试需要以下系统软件包，但本机没有 apt-get：${missing[*]}" >&2
  echo "请用本机的包管理器安装 PostgreSQL、Chromium、LibreOffice、poppler-utils 和中文字体后再运行。" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "测试需要以下系统软件包：${missing[*]}；请以 root 身份运行：apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

echo "安装测试所需的系统软件包：${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
