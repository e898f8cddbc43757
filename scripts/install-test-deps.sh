#!/usr/bin/env bash
# Installs what the tests need besides Maven and npm: Xvfb, the virtual display under which
# ImageJ1MacroTest starts real ImageJ 1 with windows (without it that test is skipped).
# Idempotent; run as root or with sudo available. Debian/Ubuntu (apt-get).
set -euo pipefail

if command -v Xvfb >/dev/null 2>&1; then
	echo "install-test-deps.sh: Xvfb is installed ($(command -v Xvfb))"
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-test-deps.sh: no apt-get here; install Xvfb (package xvfb or xorg-x11-server-Xvfb) yourself" >&2
	exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends xvfb
command -v Xvfb
