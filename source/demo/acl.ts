/**
 * wazo-auth ACL matching (xivo AccessCheck): `*` is one dot-free segment, `#` anything, entries that
 * start with `!` deny and are checked first, and the segments `me` / `my_session` also match the
 * token's auth_id / session UUID (`edit` also matches `update`, a deprecated suffix).
 */
export class AccessCheck {
  private readonly positive: RegExp[];
  private readonly negative: RegExp[];

  constructor(acl: readonly string[], authId: string, sessionUuid: string) {
    const compile = (access: string) => toRegExp(access, authId, sessionUuid);
    this.positive = acl.filter((access) => !access.startsWith('!')).map(compile);
    this.negative = acl.filter((access) => access.startsWith('!')).map((access) => compile(access.slice(1)));
  }

  /** Whether a token with this ACL may do what `required` names. */
  matches(required: string): boolean {
    if (this.negative.some((regex) => regex.test(required))) return false;
    return this.positive.some((regex) => regex.test(required));
  }

  /**
   * Whether this ACL may put `access` into a policy (xivo `may_add_access`): the entry itself, read
   * as a required ACL, must be granted; a negative entry only takes rights away, so it always may.
   */
  mayAddAccess(access: string): boolean {
    return access.startsWith('!') || this.matches(access);
  }

  /** Whether this ACL may take `access` out of a policy or a user (`may_remove_access`). */
  mayRemoveAccess(access: string): boolean {
    return this.matches(access.startsWith('!') ? access.slice(1) : access);
  }
}

function toRegExp(access: string, authId: string, sessionUuid: string): RegExp {
  const segments = access.split('.').map((segment) => {
    if (segment === 'me') return `(?:me|${escapeRegExp(authId)})`;
    if (segment === 'my_session') return `(?:my_session|${escapeRegExp(sessionUuid)})`;
    if (segment === 'edit') return '(?:edit|update)';
    return [...segment].map((char) => (char === '*' ? '[^.#]*?' : char === '#' ? '.*?' : escapeRegExp(char))).join('');
  });
  return new RegExp(`^${segments.join('\\.')}$`, 'su');
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A route's required ACL: the template with each path value's dots replaced by `_`, as xivo formats it. */
export function requiredAcl(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (values[name] ?? '').replace(/\./g, '_'));
}
