/**
 * wazo-auth's users and policies, and which policies each user holds. The seeded accounts become
 * users holding one policy each (named `demo-<username>`, with the account's ACL), so that a
 * token's ACL is always what wazo-auth computes: the union of its user's policies at login.
 * The demo has no groups and no configuration-managed policies.
 */
import {randomUUID} from 'node:crypto';
import type {Account} from './accounts.js';
import type {TokenOwner} from './tokens.js';

export type Purpose = 'user' | 'internal' | 'external_api';

interface AuthEmail {
  uuid: string;
  address: string;
  confirmed: boolean;
  main: boolean;
}

/** A wazo-auth user. */
export interface AuthUser {
  uuid: string;
  username: string | null;
  firstname: string | null;
  lastname: string | null;
  purpose: Purpose;
  enabled: boolean;
  emails: AuthEmail[];
  tenantUuid: string;
  authenticationMethod: string;
  /** Kept in memory only and never serialised; null: the user cannot log in with a password. */
  password: string | null;
  /** The confd user a `user`-purpose account is bound to. */
  pbxUserUuid: string | null;
  /** Held policies, in association order. */
  policyUuids: string[];
}

/** A policy. `shared` ones are seen, read-only, by the sub-tenants of their tenant. */
export interface AuthPolicy {
  uuid: string;
  tenantUuid: string;
  name: string;
  slug: string;
  description: string | null;
  acl: string[];
  shared: boolean;
}

export type NewUser = Omit<AuthUser, 'uuid' | 'emails' | 'policyUuids' | 'pbxUserUuid'> & {uuid?: string; emailAddress: string | null};

/** What went wrong when a user cannot be created: the column whose value is already taken. */
export interface Conflict {
  column: 'uuid' | 'username' | 'email_address';
  value: string;
}

const SLUG_FORBIDDEN = /[^a-zA-Z0-9_-]/g;

export class AuthDirectory {
  private readonly users = new Map<string, AuthUser>();
  private readonly policies = new Map<string, AuthPolicy>();

  constructor(seeds: readonly Account[]) {
    for (const seed of seeds) {
      const policy = this.createPolicy({name: `demo-${seed.username}`, slug: null, description: null, acl: [...seed.acl], shared: false, tenantUuid: seed.tenantUuid});
      this.users.set(seed.uuid, {
        uuid: seed.uuid,
        username: seed.username,
        firstname: null,
        lastname: null,
        purpose: seed.purpose,
        enabled: true,
        emails: [],
        tenantUuid: seed.tenantUuid,
        authenticationMethod: seed.purpose === 'user' ? 'default' : 'native',
        password: seed.password,
        pbxUserUuid: seed.pbxUserUuid,
        policyUuids: [policy.uuid],
      });
    }
  }

  allUsers(): AuthUser[] {
    return [...this.users.values()];
  }

  user(uuid: string): AuthUser | undefined {
    return this.users.get(uuid);
  }

  /**
   * The enabled user a login names: a confirmed email address first, then the username, both
   * compared case-insensitively (`UserDAO.get_user_by_login`).
   */
  userByLogin(login: string): AuthUser | undefined {
    const lowered = login.toLowerCase();
    const enabled = this.allUsers().filter((user) => user.enabled);
    return (
      enabled.find((user) => user.emails.some((email) => email.confirmed && email.address.toLowerCase() === lowered)) ??
      enabled.find((user) => user.username?.toLowerCase() === lowered)
    );
  }

  /** `login_exists`: a username or any email address equal to `login`, ignoring case. */
  private loginTaken(login: string): boolean {
    const lowered = login.toLowerCase();
    return this.allUsers().some(
      (user) => user.username?.toLowerCase() === lowered || user.emails.some((email) => email.address.toLowerCase() === lowered),
    );
  }

  /** `UserService.new_user`; the conflict wazo-auth reports, or the user. */
  createUser(fields: NewUser): AuthUser | Conflict {
    if (fields.username && this.loginTaken(fields.username)) return {column: 'username', value: fields.username};
    if (fields.emailAddress && this.loginTaken(fields.emailAddress)) return {column: 'email_address', value: fields.emailAddress};
    const uuid = fields.uuid ?? randomUUID();
    if (this.users.has(uuid)) return {column: 'uuid', value: uuid};
    const {emailAddress, ...rest} = fields;
    const user: AuthUser = {
      ...rest,
      uuid,
      // Users created over the API have their email confirmed (`email_confirmed=True`).
      emails: emailAddress ? [{uuid: randomUUID(), address: emailAddress, confirmed: true, main: true}] : [],
      // As in wazo-auth's metadata plugins: only a `user` is a PBX user, with the same UUID.
      pbxUserUuid: fields.purpose === 'user' ? uuid : null,
      policyUuids: [],
    };
    this.users.set(uuid, user);
    return user;
  }

  deleteUser(uuid: string): void {
    this.users.delete(uuid);
  }

  /** The ACL a login gets: every entry of every held policy, in order (`UserService.get_acl`). */
  aclOf(user: AuthUser): string[] {
    return user.policyUuids.flatMap((uuid) => this.policies.get(uuid)?.acl ?? []);
  }

  /** The owner recorded in a new token, with the ACL as of now. */
  owner(user: AuthUser): TokenOwner {
    return {uuid: user.uuid, acl: this.aclOf(user), tenantUuid: user.tenantUuid, purpose: user.purpose, pbxUserUuid: user.pbxUserUuid};
  }

  allPolicies(): AuthPolicy[] {
    return [...this.policies.values()];
  }

  policy(uuid: string): AuthPolicy | undefined {
    return this.policies.get(uuid);
  }

  /**
   * `PolicyDAO.create`, duplicates already ruled out by `policyClashes`: the slug defaults to the name
   * without the characters a slug cannot hold, or a random one if that is empty or taken.
   */
  createPolicy(fields: Omit<AuthPolicy, 'uuid' | 'slug'> & {slug: string | null}): AuthPolicy {
    const slug = fields.slug ?? this.defaultSlug(fields.name, fields.tenantUuid);
    const policy: AuthPolicy = {...fields, uuid: randomUUID(), slug, acl: [...new Set(fields.acl)]};
    this.policies.set(policy.uuid, policy);
    return policy;
  }

  /** The slug a policy named `name` gets when none is given. */
  defaultSlug(name: string, tenantUuid: string): string {
    const taken = (slug: string) => this.allPolicies().some((policy) => policy.tenantUuid === tenantUuid && policy.slug === slug);
    const candidate = name.replace(SLUG_FORBIDDEN, '').slice(0, 80);
    if (candidate && !taken(candidate)) return candidate;
    for (;;) {
      const random = randomUUID().replace(/-/g, '').slice(0, 3);
      if (!taken(random)) return random;
    }
  }

  /**
   * Whether a new policy would be a duplicate: same name or slug (slugs ignore case) in its tenant,
   * a shared policy with that name or slug in `branch` (its tenant and those above), or, for a shared
   * one, any policy with that name or slug in `subtree` (its tenant and those below).
   */
  policyClashes(
    candidate: {name: string; slug: string; tenantUuid: string; shared: boolean},
    branch: ReadonlySet<string>,
    subtree: ReadonlySet<string>,
  ): boolean {
    return this.allPolicies().some((policy) => {
      if (policy.tenantUuid === candidate.tenantUuid && (policy.name === candidate.name || policy.slug.toLowerCase() === candidate.slug.toLowerCase())) {
        return true;
      }
      const same = policy.name === candidate.name || policy.slug === candidate.slug;
      return same && ((policy.shared && branch.has(policy.tenantUuid)) || (candidate.shared && subtree.has(policy.tenantUuid)));
    });
  }

  /** Delete a policy; users holding it lose it (ON DELETE CASCADE). */
  deletePolicy(uuid: string): void {
    this.policies.delete(uuid);
    for (const user of this.users.values()) user.policyUuids = user.policyUuids.filter((held) => held !== uuid);
  }

  /** Associate (idempotent, as a duplicate association is ignored). */
  addPolicy(user: AuthUser, policy: AuthPolicy): void {
    if (!user.policyUuids.includes(policy.uuid)) user.policyUuids.push(policy.uuid);
  }

  /** Dissociate (nothing happens when the user did not hold it). */
  removePolicy(user: AuthUser, policyUuid: string): void {
    user.policyUuids = user.policyUuids.filter((held) => held !== policyUuid);
  }
}
