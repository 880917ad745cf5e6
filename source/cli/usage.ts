import {collectionNames} from '../resources/registry.js';

/** `users|lines|extensions`: the script commands, one per collection. */
export const listCommands = collectionNames.join('|');

/** The `--help` text: the command-line reference (the README repeats it). */
export const usage = `wazo-tui — a keyboard-driven terminal dashboard for Wazo PBX administrators

Usage:
  wazo-tui [SERVER] [options]          full-screen dashboard (SERVER: host, host:port, https://host[:port])
  wazo-tui --demo                      the dashboard on an embedded demo server
  wazo-tui cert SERVER [--json]        print the server certificate and its SHA-256 fingerprint
  wazo-tui trust SERVER --fingerprint FP [--replace]
                                       pin the certificate if the server shows exactly FP
  wazo-tui ${listCommands} [SERVER] --username U --password-stdin
           [--search S] [--limit N] [--offset N] [--all] [--order COL] [--direction asc|desc]
           [--tenant UUID] [--recurse] [--json | --ndjson]
                                       list one page of a confd collection (--limit default 100;
                                       aligned on a terminal, TSV in a pipe); --all streams every
                                       row, fetched 500 at a time; --ndjson: one object a line
  wazo-tui get ${listCommands} ID [SERVER] --username U --password-stdin [--tenant UUID]
                                       print one record as JSON
  wazo-tui demo-server [--host 127.0.0.1] [--port N] [--users N] [--lines N]
           [--username U] [--password P] [--seed S] [--confd-port N]
           [--cert self-signed|ca|ca-chain|expired|not-yet-valid]
           [--fault KIND[=VALUE]]... [--fault-path REGEX] [--fault-after N]
           [--latency MS] [--clock-offset=SECONDS]
                                       run the embedded Wazo-compatible server alone; faults:
                                       huge, huge-chunked, slow-body, hang, reset, truncated,
                                       malformed, 5xx, auth-down (see the README)

Options:
  -u, --username U       wazo-auth username (remembered per server; the password never is)
  --expiration SECONDS   token lifetime (default 3600)
  --ca-file PEM          trust this CA bundle too (repeatable)
  --config-dir DIR       settings and pins (default $WAZO_TUI_CONFIG_DIR, $XDG_CONFIG_HOME/wazo-tui, ~/.config/wazo-tui)
  --auth-url URL         wazo-auth base URL (default https://SERVER/api/auth/0.1)
  --confd-url URL        wazo-confd base URL (default https://SERVER/api/confd/1.1)
  --no-color             no colours (NO_COLOR and TERM=dumb are honoured too)
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 ok, 1 error, 2 usage, 3 authentication failed, 4 certificate refused or changed,
            130/143/129 on SIGINT/SIGTERM/SIGHUP.
`;
