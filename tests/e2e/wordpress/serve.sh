#!/usr/bin/env bash
# Runs the end-to-end tests' WordPress site on loopback: MariaDB (its own data folder, socket only,
# no network) and PHP's built-in server on 127.0.0.1:PORT, or Apache with mod_php (apache.conf),
# all from Debian's packages, with all their data in RUN (a temporary folder). Prints "ready" once
# both answer, then runs until its standard input closes (the test is done, or its process died
# however it died), stops both and removes RUN and the plugins it put in place.
#
# usage: serve.sh CACHE RUN PORT   (CACHE survives runs: target/wordpress)
# environment: OC_WP_SERVER=php (the default) or apache; OC_WP_PLUGINS and OC_WP_MU_PLUGINS, folders
# and files separated by ':', copied into the site's wp-content/plugins and mu-plugins for this run
# (copies, not links: WordPress may delete a plugin it has uninstalled).
#
# CACHE holds a tree of Debian's WordPress with our wp-config.php, and the installed site: its
# database's data folder and its users' application passwords (site-KEY.tar, KEY naming the
# versions and the files that made it): only the first run installs the site.
set -euo pipefail
cache=$1 run=$2 port=$3
here=$(cd "$(dirname "$0")" && pwd)
log() { printf 'wordpress: %s\n' "$*" >&2; }

# Each server runs in its own process group (setsid), which stop() ends whole: PHP's workers too.
pids=() placed=()
stop() {
  trap - EXIT INT TERM HUP
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for dir in "${placed[@]}"; do rm -rf "$dir"; done
  rm -rf "$run"
}
trap stop EXIT
trap 'exit 1' INT TERM HUP

server=${OC_WP_SERVER:-php}
needs=(mariadbd mariadb-install-db php /usr/share/wordpress/wp-settings.php)
if [ "$server" = apache ]; then
  modphp=$(compgen -G '/usr/lib/apache2/modules/libphp*.so' | head -n1 || true)
  needs+=(/usr/sbin/apache2 "${modphp:-libapache2-mod-php}")
fi
for need in "${needs[@]}"; do
  command -v "$need" >/dev/null || [ -e "$need" ] ||
    { log "$need is missing: run scripts/setup.sh (make setup) first"; exit 1; }
done

# The site's tree: Debian's WordPress with our wp-config.php in place of Debian's (which reads
# /etc/wordpress/config-HOST.php and keeps content in /var/lib/wordpress).
version=$(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" /usr/share/wordpress/wp-includes/version.php)
key=$(cat "$here/wp-config.php" "$here/install.php" "$0" <(echo "$version") <(mariadbd --version) |
  sha1sum | cut -c1-12)
wp=$cache/wordpress-$version
if ! [ -e "$wp/.oc-$key" ]; then
  rm -rf "$cache"
  mkdir -p "$cache"
  # Hard links where target/ shares a file system with /usr, else a copy; Debian's symbolic links
  # (to its packaged libraries, relative) resolved either way.
  if ! cp -alL /usr/share/wordpress "$wp" 2>/dev/null; then
    rm -rf "$wp"
    cp -aL /usr/share/wordpress "$wp"
  fi
  rm "$wp/wp-config.php"
  cp "$here/wp-config.php" "$wp/wp-config.php"
  touch "$wp/.oc-$key"
fi

export OC_WP_DIR=$wp OC_WP_SOCKET=$run/mysqld.sock OC_WP_ORIGIN=http://127.0.0.1:$port
mysqld() {
  setsid mariadbd --no-defaults --user=root --datadir="$run/db" --socket="$OC_WP_SOCKET" \
    --skip-networking --pid-file="$run/mysqld.pid" --log-error="$run/mysqld.log" \
    --innodb-log-file-size=4M --innodb-buffer-pool-size=32M --innodb-flush-log-at-trx-commit=0 \
    --skip-log-bin --max-connections=20 --table-open-cache=200 &
  pids+=($!)
  for _ in $(seq 200); do
    [ -S "$OC_WP_SOCKET" ] && return
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$run/mysqld.log" >&2; exit 1; }
    sleep 0.05
  done
  log "MariaDB did not start"; exit 1
}

if [ -e "$cache/site-$key.tar" ]; then
  tar -xf "$cache/site-$key.tar" -C "$run"
  mysqld
else
  log "installing the site (cached for the next run)"
  mariadb-install-db --no-defaults --user=root --datadir="$run/db" --skip-test-db \
    --auth-root-authentication-method=normal --innodb-log-file-size=4M \
    --innodb-buffer-pool-size=32M >"$run/install-db.log" 2>&1
  mysqld
  mariadb --no-defaults --socket="$OC_WP_SOCKET" -u root -e 'CREATE DATABASE wordpress'
  php "$here/install.php" >"$run/users.json"
  # A clean shutdown, then the data folder as it is now is the cache.
  mariadb-admin --no-defaults --socket="$OC_WP_SOCKET" -u root shutdown
  wait "${pids[-1]}" || true
  unset 'pids[-1]'
  tar -cf "$cache/site-$key.tar.tmp" -C "$run" db users.json
  mv "$cache/site-$key.tar.tmp" "$cache/site-$key.tar"
  mysqld
fi

# The run's plugins and must-use plugins, fresh copies.
place() {
  local into=$1 from
  mkdir -p "$into"
  IFS=: read -ra from <<<"$2"
  for path in "${from[@]}"; do
    [ -n "$path" ] || continue
    rm -rf "${into:?}/$(basename "$path")"
    cp -R "$path" "$into/"
    placed+=("$into/$(basename "$path")")
  done
}
place "$wp/wp-content/plugins" "${OC_WP_PLUGINS:-}"
place "$wp/wp-content/mu-plugins" "${OC_WP_MU_PLUGINS:-}"

if [ "$server" = apache ]; then
  # Apache's workers run as www-data: they reach the database's socket through RUN, and own the
  # run's plugins (and may remove them from plugins/, as Plugins > Delete does).
  chmod 755 "$run"
  chown www-data: "$wp/wp-content/plugins"
  for dir in "${placed[@]}"; do chown -R www-data: "$dir"; done
  OC_WP_RUN=$run OC_WP_PORT=$port OC_WP_MODPHP=$modphp \
    setsid /usr/sbin/apache2 -f "$here/apache.conf" -DFOREGROUND >"$run/apache.log" 2>&1 &
  serverlog=$run/apache.log
else
  PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" -t "$wp" >"$run/php.log" 2>&1 &
  serverlog=$run/php.log
fi
pids+=($!)
for _ in $(seq 200); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "${pids[-1]}" 2>/dev/null || { cat "$serverlog" "$run"/apache-error.log >&2 2>/dev/null; exit 1; }
  sleep 0.05
done
echo "$wp" >"$run/wp-dir"
echo ready
# Until the test closes our standard input (or dies).
while read -r _; do :; done
