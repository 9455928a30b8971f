#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# quickstart.sh: from a fresh Debian 12 machine (as root) to a working yakugo: install the
# Debian packages it needs, generate the locales its tests use, build it, and run the
# main jobs on the bundled glossary. Safe to run again.
set -eu
cd "$(dirname "$0")"

PACKAGES="build-essential autoconf automake autopoint gettext pkg-config
 libicu-dev libmecab-dev mecab mecab-utils mecab-ipadic-utf8 libsqlite3-dev sqlite3
 libncurses-dev libgettextpo-dev libjansson-dev libjsmn-dev libxml2-dev libbtparse-dev
 libtext-bibtex-perl locales tmux kakasi edict enamdict wamerican bash-completion"

missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "quickstart.sh: please install as root:$missing" >&2
		exit 2
	fi
	echo "== installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# The locales the tests use: Japanese (the explorer and the messages) and German (a
# comma-decimal locale: JSON and option numbers must not change under it).
for loc in ja_JP de_DE; do
	if ! locale -a 2>/dev/null | grep -qi "^$loc\.utf-\?8\$"; then
		if [ "$(id -u)" -eq 0 ]; then
			echo "== generating the $loc.UTF-8 locale"
			sed -i "s/^# *\($loc.UTF-8 UTF-8\)/\1/" /etc/locale.gen
			grep -q "^$loc.UTF-8 UTF-8" /etc/locale.gen || echo "$loc.UTF-8 UTF-8" >> /etc/locale.gen
			locale-gen >/dev/null
		else
			echo "quickstart.sh: warning: no $loc.UTF-8 locale (run as root to generate it)" >&2
		fi
	fi
done

echo "== building"
[ -x configure ] || ./autogen.sh
[ -f Makefile ] || ./configure --quiet
make -s -j"$(nproc)"

# The main jobs on the bundled glossary (dict/yakugo.db, built and validated by make).
for q in 'Kēzai sangyōshō' METI 'Mainchii shinbun' けいだんれん; do
	echo "== yakugo lookup --limit 2 '$q'"
	./src/yakugo lookup --limit 2 "$q"
done
echo "== yakugo romanize (two headlines cited by the seed article)"
printf '%s\n' 'チャットGPT、横須賀市が試験導入 文書作成や誤字チェックに' \
	'鳥取県、業務ではChatGPT禁止 知事「ちゃんと地道に」' | ./src/yakugo romanize
echo "== yakugo cite (footnote 11 of the seed article)"
echo '[11] Kēzai sangyōshō, "Seisan kēzai sangyō daijin no kakugi kōgiasha kaiken no gaiyou," July 7, 2023.' \
	| ./src/yakugo cite
