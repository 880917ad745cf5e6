/**
 * Which ACL `account create` grants: a preset (default `browse`), or `--acl` entries; `#` (every
 * permission, the quickstart's choice) only with `--full-access`.
 */
import {UsageError} from '../cli/args.js';
import {ACL_PRESETS} from '../resources/browse-acl.js';

export interface AclChoice {
  acl: string[];
  /** What to say about it on stderr before anything is created. */
  warning?: string;
  /** `browse`, or `custom` for `--acl`. */
  source: string;
}

/** The ACL asked for, or a UsageError that says what is wrong with it. */
export function chooseAcl(options: {preset?: string; acl: readonly string[]; fullAccess: boolean}): AclChoice {
  let acl: string[];
  let source: string;
  if (options.acl.length > 0) {
    acl = [...new Set(options.acl)];
    source = 'custom';
  } else if (options.fullAccess && options.preset === undefined) {
    acl = ['#'];
    source = 'full access';
  } else {
    source = options.preset ?? 'browse';
    const preset = ACL_PRESETS[source];
    if (!preset) throw new UsageError(`--preset is one of ${Object.keys(ACL_PRESETS).join(', ')}, not "${source}"`);
    acl = preset();
  }
  for (const entry of acl) {
    if (!/^!?[A-Za-z0-9_.*#{}-]+$/.test(entry)) throw new UsageError(`"${entry}" is not an ACL (dotted words such as confd.users.read, with * or # as wildcards)`);
  }
  if (!acl.includes('#')) return {acl, source};
  if (!options.fullAccess) {
    throw new UsageError('the ACL # grants every permission on the server; add --full-access if that is really what this account needs');
  }
  return {
    acl,
    source,
    warning:
      'wazo-tui: warning: this account gets the ACL #, every permission on the server: anyone who holds its password or one of its tokens can do anything. Delete it when you are done (wazo-tui account delete NAME).',
  };
}
