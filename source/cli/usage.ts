import {collectionNames} from '../resources/registry.js';

/** Every collection a script command takes, wrapped for --help and the README (`COLLECTION` is one of them). */
export const collectionList = wrapNames(collectionNames, 'COLLECTION: ', 96);

function wrapNames(names: readonly string[], lead: string, width: number): string {
  const lines = [lead];
  for (const name of names) {
    const last = lines.length - 1;
    const piece = `${name}${name === names.at(-1) ? '' : ','}`;
    if ((lines[last] ?? '').length + piece.length + 1 > width) lines.push(' '.repeat(lead.length) + piece);
    else lines[last] = `${lines[last]}${lines[last]?.endsWith(' ') ? '' : ' '}${piece}`;
  }
  return lines.map((line) => `           ${line}`).join('\n');
}

/** The `--help` text: the command-line reference (the README repeats it). */
export const usage = `wazo-tui — a keyboard-driven terminal dashboard for Wazo PBX administrators

Usage:
  wazo-tui [SERVER] [options]          full-screen dashboard (SERVER: host, host:port, https://host[:port])
  wazo-tui -p NAME [options]           the dashboard on a profile's server (:ctx NAME switches inside)
  wazo-tui --demo                      the dashboard on an embedded demo server
  wazo-tui cert SERVER [--json]        print the server certificate and its SHA-256 fingerprint
  wazo-tui trust SERVER --fingerprint FP [--replace]
                                       pin the certificate if the server shows exactly FP;
                                       cert and trust take -p NAME instead of SERVER (its URLs too)
  wazo-tui profiles [list|show NAME|rm NAME] [--json]
  wazo-tui profiles add NAME SERVER [--username U] [--auth-url URL] [--confd-url URL]
           [--ca-file PEM]... [--tenant T] [--collection C] [--expiration SECONDS]
  wazo-tui profiles edit NAME [--server S] [the same flags]... [--clear KEY]...
                                       the profiles file; --clear auth-url, ca-file, username,
                                       confd-url, tenant, collection or expiration forgets one
  wazo-tui pins [list] [--json] | pins rm HOST[:PORT]
                                       the pinned certificates; rm forgets one (port 443 by default)
  wazo-tui --help-keys                 every action and its keys, as the keymap file leaves them
  wazo-tui COLLECTION [SERVER] --username U --password-stdin
           [--search S] [--limit N] [--offset N] [--all] [--order COL] [--direction asc|desc]
           [--tenant T] [--recurse] [--json | --ndjson]
                                       list one page of a confd collection (--limit default 100;
                                       aligned on a terminal, TSV in a pipe); --all streams every
                                       row, fetched 500 at a time; --ndjson: one object a line
  wazo-tui get COLLECTION ID [SERVER] --username U --password-stdin [--tenant T]
                                       print one record as JSON; T (here and below): a tenant's
                                       uuid, name or slug, default the profile's tenant
${collectionList}
  wazo-tui account create NAME [SERVER] -u ADMIN --password-stdin
           [--preset browse | --acl ACL... | --full-access] [--account-password-stdin] [--tenant T]
                                       an API account (purpose external_api) with a policy named
                                       after it; --preset browse (default) is what wazo-tui needs to
                                       browse; # only with --full-access; the password is generated
                                       and printed once (or the 2nd stdin line)
  wazo-tui account delete NAME [SERVER] -u ADMIN --password-stdin [--tenant T]
                                       remove it, and its policy when no other user holds it
  wazo-tui account list [SERVER] -u ADMIN --password-stdin [--tenant T] [--json]
                                       the API accounts, their policies and wildcards
  wazo-tui token [SERVER] -u U --password-stdin [--expiration SECONDS]
                                       one online access token on stdout (default the profile's
                                       lifetime, else 600 s), what it
                                       grants and when it expires on stderr
  wazo-tui revoke [TOKEN|-] [SERVER]   revoke an access token (read from stdin without TOKEN)
  wazo-tui demo-server [--host 127.0.0.1] [--port N] [--users N] [--lines N]
           [--username U] [--password P] [--seed S] [--confd-port N]
           [--cert self-signed|ca|ca-chain|expired|not-yet-valid]
           [--fault KIND[=VALUE]]... [--fault-path REGEX] [--fault-after N]
           [--latency MS] [--clock-offset=SECONDS] [--gzip]
                                       run the embedded Wazo-compatible server alone; faults:
                                       huge, huge-chunked, slow-body, hang, reset, truncated,
                                       malformed, no-offset, 5xx, auth-down (see the README)

Options:
  -p, --profile NAME     use a profile's server, URLs, CA files, username, tenant, collection,
                         token lifetime (every command that connects; flags given win)
  -u, --username U       wazo-auth username (remembered in the profile; the password never is)
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
