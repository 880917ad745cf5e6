/**
 * The framed lists the main screen draws in place of its body: the keys (`?`), the token's ACL
 * (`a`) and the tenant picker (`:tenant`). Their lines are built here, once per change.
 */
import {useMemo} from 'react';
import {helpSections} from '../keys.js';
import {errorStatus} from '../resources/error-status.js';
import {safe, sanitize, type SafeText} from '../text/sanitize.js';
import {ListOverlay} from './ListOverlay.js';
import type {Overlay} from './main-state.js';
import type {Tenants} from './workspace.js';

/** The help lines of a scope, keys padded to the widest so the longest text still fits 80 columns. */
export function useHelpLines(scope: 'table' | 'detail'): SafeText[] {
  return useMemo(() => {
    const sections = helpSections(scope);
    const keysWidth = Math.max(...sections.flatMap((section) => section.entries.map((entry) => entry.keys.length)));
    // The key table is program text; sanitised once here like any text the overlay lists.
    return sections.flatMap((section) => [
      sanitize(section.group),
      ...section.entries.map((entry) => sanitize(`  ${entry.keys.padEnd(keysWidth)}  ${entry.help}`)),
    ]);
  }, [scope]);
}

/** The token's ACL entries, sanitised once. */
export function useAclLines(acl: readonly string[]): SafeText[] {
  return useMemo(() => acl.map((entry) => sanitize(entry)), [acl]);
}

export interface MainOverlayProps {
  overlay: Extract<Overlay, {kind: 'help' | 'acl' | 'tenants' | 'profiles'}>;
  helpLines: readonly SafeText[];
  aclLines: readonly SafeText[];
  fullAccess: boolean;
  tenants: Tenants;
  /** The profile names for `:ctx`, and the one in use. */
  profiles: readonly string[];
  profile?: string;
  width: number;
  height: number;
}

export function MainOverlay({overlay, helpLines, aclLines, fullAccess, tenants, profiles, profile, width, height}: MainOverlayProps) {
  if (overlay.kind === 'help') {
    return <ListOverlay title="Keys (Esc or ? closes)" lines={helpLines} top={overlay.top} width={width} height={height} />;
  }
  if (overlay.kind === 'acl') {
    const title = `Token ACL (${aclLines.length})${fullAccess ? ' — # grants full access' : ''}`;
    return <ListOverlay title={title} lines={aclLines} top={overlay.top} width={width} height={height} footer="Esc closes" />;
  }
  if (overlay.kind === 'profiles') {
    // Profile names are the user's own text, sanitised like any other.
    const lines = profiles.map((name) => (name === profile ? safe`${sanitize(name)}  (current)` : sanitize(name)));
    return <ListOverlay title="Profiles (:ctx NAME)" lines={lines} selected={overlay.selected} width={width} height={height} footer="Enter logs out and switches · Esc closes" />;
  }
  // Without auth.tenants.read the list cannot be had: say why here, not on every screen.
  const lines = tenants.error
    ? [errorStatus(tenants.error).text, safe`The lists show the token’s own tenant.`]
    : (tenants.list ?? []).map((tenant) => (tenant.uuid === tenants.working ? safe`${tenants.labelOf(tenant)}  (current)` : tenants.labelOf(tenant)));
  return (
    <ListOverlay
      title="Tenants visible to this token"
      lines={lines}
      selected={overlay.selected}
      width={width}
      height={height}
      footer="Enter switches · Esc closes"
    />
  );
}

/** Whether an overlay is one of the framed lists above (the others are text fields). */
export function isListOverlay(overlay: Overlay | undefined): overlay is MainOverlayProps['overlay'] {
  return overlay?.kind === 'help' || overlay?.kind === 'acl' || overlay?.kind === 'tenants' || overlay?.kind === 'profiles';
}
