/**
 * What a Wazo service says in an error answer, whatever its format (confd's string list,
 * wazo-auth's legacy `{reason: [...]}`, the APIException `{message, error_id, details}`, an
 * HTML page from a proxy), and that text made safe to repeat: secrets removed, cut short.
 */

/** What a Wazo error body says. */
export interface ErrorBody {
  messages: string[];
  errorId?: string;
  /** APIException `details.reason`. */
  reason?: string;
  requiredAcl?: string;
  tenant?: string;
}

/** Longest piece of server text a message carries. */
const MAX_SERVER_TEXT = 300;

/** Remove secrets, flatten whitespace, and cut server text to a length a status line can hold. */
export function clipServerText(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret.length > 0) clean = clean.split(secret).join('…');
  }
  clean = clean.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_SERVER_TEXT ? `${clean.slice(0, MAX_SERVER_TEXT - 1)}…` : clean;
}

/** Read confd's string list, wazo-auth's legacy `{reason: [...]}` and the APIException `{message, error_id, details}`. */
export function parseErrorBody(body: string): ErrorBody {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1];
    const text = title ?? body.trim().split('\n')[0] ?? '';
    return {messages: text === '' || text.startsWith('<') ? [] : [text]};
  }
  if (Array.isArray(value)) return {messages: value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))};
  if (!isRecord(value)) return {messages: []};
  const messages = Array.isArray(value.reason)
    ? value.reason.map(String)
    : typeof value.message === 'string'
      ? [value.message]
      : [];
  const details = isRecord(value.details) ? value.details : {};
  return {
    messages,
    errorId: stringOrUndefined(value.error_id),
    reason: stringOrUndefined(details.reason),
    requiredAcl: stringOrUndefined(details.required_access),
    tenant: stringOrUndefined(details.tenant_uuid),
  };
}

/** `('<token>', 'confd.users.read', None)` → ['<token>', 'confd.users.read', null]; undefined when not a tuple repr. */
export function parseConfdTuple(text: string): Array<string | null> | undefined {
  const inner = /^\((.*)\)$/s.exec(text.trim())?.[1];
  if (inner === undefined) return undefined;
  const items: Array<string | null> = [];
  const item = /\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(None))\s*(?:,|$)/y;
  while (item.lastIndex < inner.length) {
    const match = item.exec(inner);
    if (match === null) return undefined;
    items.push(match[3] === undefined ? (match[1] ?? match[2] ?? '') : null);
  }
  return items.length > 0 ? items : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
