/**
 * The lines of the `:accounts` and `:sessions` pages, as SafeText: every server string through
 * the sanitiser, laid out in fixed columns the frame cuts on the right.
 */
import type {AccountSummary} from '../resources/accounts.js';
import {errorStatus} from '../resources/error-status.js';
import {safe, sanitize, type SafeText} from '../text/sanitize.js';
import {pad} from '../text/width.js';
import type {SessionRow} from './admin-source.js';

const FLAGS = {'#': '#', wildcard: '*', none: ' '} as const;

/** `USERNAME  PURPOSE  ON  #  POLICIES`, one line per account. */
export function accountLine({user, policies, wildcard}: AccountSummary): SafeText {
  const name = pad(sanitize(user.username ?? user.uuid), 24);
  const purpose = pad(sanitize(user.purpose ?? 'user'), 12);
  const enabled = pad(sanitize(user.enabled === false ? 'off' : 'on'), 3);
  const names = sanitize(policies.map((policy) => policy.name).join(', ') || '(no policy)');
  return safe`${name} ${purpose} ${enabled} ${sanitize(FLAGS[wildcard])}  ${names}`;
}

export const accountsHeader = 'Username                 Purpose      On  #  Policies';

/** One account opened: who it is, then each policy and its ACL. */
export function accountDetailLines({user, policies, wildcard}: AccountSummary): SafeText[] {
  const field = (label: string, value: unknown) => safe`${sanitize(label.padEnd(9))} ${sanitize(value ?? '')}`;
  const lines = [
    field('Username', user.username),
    field('UUID', user.uuid),
    field('Purpose', user.purpose ?? 'user'),
    field('Enabled', user.enabled === false ? 'no' : 'yes'),
    field('Tenant', user.tenant_uuid),
  ];
  if (user.created_at) lines.push(field('Created', user.created_at));
  if (wildcard === '#') lines.push(safe`Its ACL holds #: every permission on the server.`);
  lines.push(safe`Policies (${policies.length}):`);
  for (const policy of policies) {
    lines.push(safe`  ${sanitize(policy.name)} (${sanitize(policy.uuid)}${policy.read_only ? safe`, shared from a parent tenant` : safe``}), ${policy.acl.length} ACL:`);
    for (const entry of policy.acl) lines.push(safe`    ${sanitize(entry)}`);
  }
  return lines;
}

/** Short, so a 45-column client id and the marks fit 80 columns: `tenant` is a session of the tenant's. */
const KINDS = {mine: 'session', refresh: 'refresh', tenant: 'tenant'} as const;

/** `KIND  ID  MOBILE  OURS  CREATED`, one line per session or refresh token (ours marked ◀). */
export function sessionLine(row: SessionRow): SafeText {
  const kind = pad(sanitize(KINDS[row.kind]), 8);
  // 45: a wazo-tui client id (`wazo-tui-` and a uuid) fits whole.
  const id = pad(sanitize(row.id), 45);
  const mobile = pad(sanitize(row.mobile ? 'mobile' : ''), 6);
  const ours = pad(sanitize(row.ours ? '◀ ours' : ''), 6);
  return safe`${kind} ${id} ${mobile} ${ours} ${sanitize(row.createdAt ?? '')}`;
}

export const sessionsHeader = 'Kind     Session / client id                            Mobile        Created';

/** What revoking a row changes, for its confirmation. */
export function revokeWords(row: SessionRow): SafeText {
  const what = row.kind === 'refresh' ? safe`the refresh token ${sanitize(row.id)}: it can no longer renew a session` : safe`the session ${sanitize(row.id)}: its token stops working at once`;
  if (!row.ours) return safe`${what}.`;
  return row.kind === 'refresh'
    ? safe`${what}. It is this dashboard's own: its session is not renewed any more and ends when the token expires.`
    : safe`${what}. It is this dashboard's own: you will have to log in again.`;
}

/** A part of `:sessions` that could not be read, short enough for 80 columns: the ACL it needs, named. */
export function problemLine({part, error, requiredAcl}: {part: string; error: unknown; requiredAcl?: string}): SafeText {
  if (requiredAcl) return safe`${sanitize(part)}: not shown, needs the ACL ${sanitize(requiredAcl)}`;
  return safe`${sanitize(part)}: not shown (${errorStatus(error).text})`;
}
