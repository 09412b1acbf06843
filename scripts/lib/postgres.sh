# Sourced by scripts/test and bench/run: a private PostgreSQL cluster on 127.0.0.1 in a directory of
# the caller's, on a free port, with durability switched off (its data is thrown away afterwards).
#
#   pg_bin_dir          prints the newest installed server's bin directory; fails when there is none
#   port_free PORT      succeeds when nothing listens on 127.0.0.1:PORT
#   pg_start DIR [-c name=value …]
#                       initdb in DIR/pgdata and start; sets PG_BIN and PG_PORT; extra server settings may follow
#   pg_stop             stops what pg_start started; does nothing otherwise, so it belongs in an EXIT trap

pg_bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]] && echo "$dir"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

_pg_work=
_pg_running=
_pg_as=()

pg_start() {
    local work=$1
    shift
    PG_BIN=$(pg_bin_dir) || { echo "PostgreSQL is not installed." >&2; return 1; }
    _pg_work=$work
    local data=$work/pgdata socket=$work/pgsocket
    chmod 755 "$work"
    mkdir -p "$data" "$socket"
    _pg_as=()
    if [[ $(id -u) -eq 0 ]]; then
        # PostgreSQL refuses to run as root.
        id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$data" "$socket"
        _pg_as=(runuser -u postgres --)
    fi

    (cd "$work" && "${_pg_as[@]}" "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$work/initdb.log" 2>&1) \
        || { cat "$work/initdb.log" >&2; return 1; }

    local port
    for _ in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 40000))
        port_free "$port" || continue
        # Set before starting: a start that times out may still leave a server to stop.
        _pg_running=1
        if (cd "$work" && "${_pg_as[@]}" "$PG_BIN/pg_ctl" -D "$data" -l "$data/postgres.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 $*" \
            start >/dev/null); then
            PG_PORT=$port
            return 0
        fi
    done
    echo "PostgreSQL did not start:" >&2
    cat "$data/postgres.log" >&2
    return 1
}

pg_stop() {
    [[ -n $_pg_running ]] || return 0
    (cd "$_pg_work" && "${_pg_as[@]}" "$PG_BIN/pg_ctl" -D "$_pg_work/pgdata" -m immediate -w stop >/dev/null 2>&1) || true
    _pg_running=
}
