/**
 * What each key action of the main screen does, wherever the keyboard is: an overlay that
 * scrolls (help, ACL), the tenant picker, the table or an open record. Also the `:` command
 * line, whose words end up in the same actions. Pure wiring over the screen's state: no Ink.
 */
import type {Dispatch} from 'react';
import type {ConfdCollection} from '../api/contract.js';
import type {Tenant} from '../api/schemas.js';
import type {ActionId} from '../keys.js';
import type {Collection} from '../resources/collection.js';
import {errorStatus, type Status} from '../resources/error-status.js';
import {nextInCycle} from '../resources/registry.js';
import type {SelectionState} from '../resources/selection.js';
import type {AnyResourceDescriptor} from '../resources/types.js';
import {safe, sanitize} from '../text/sanitize.js';
import {runCommand} from './commands.js';
import {firstRelation, type DetailLine} from './detail-lines.js';
import {overlayRows} from './ListOverlay.js';
import type {DetailEntry, MainAction, MainState} from './main-state.js';
import type {Workspace} from './workspace.js';

/** Everything the actions read and change, gathered by Main on each render. */
export interface ActionContext {
  state: MainState;
  dispatch: Dispatch<MainAction>;
  workspace: Workspace;
  descriptor: AnyResourceDescriptor;
  collection: Collection<unknown>;
  selection: SelectionState;
  detail: DetailEntry | undefined;
  /** A filtered list on top of the stack (its table has the keyboard; Esc goes back). */
  list: DetailEntry | undefined;
  /** The lines of the open record, as the Detail view last reported them. */
  detailLines(): readonly DetailLine[];
  /** The collections `Tab` cycles through. */
  tabCycle: readonly ConfdCollection[];
  bodyHeight: number;
  overlayHeight: number;
  /** Lines of the help and ACL overlays, to know how far they scroll. */
  helpLength: number;
  aclLength: number;
  setStatus(status: Status | undefined): void;
  reloadDetail(): void;
  openCommandLine(): void;
  setSearchText(text: string): void;
  onQuit(code: number): void;
  onLogout(): void;
  /** The profile names (`:ctx`), and the one in use. */
  profiles: readonly string[];
  profile?: string;
  onSwitchProfile(name: string): void;
}

export interface MainActions {
  act(action: ActionId): void;
  submitCommand(text: string): void;
  show(name: ConfdCollection): void;
}

/** `Groups` → `Group`, `Call permissions` → `Call permission`: how the trail names a record opened from a table. */
function singular(title: string): string {
  return title.replace(/s$/, '');
}

export function mainActions(context: ActionContext): MainActions {
  const {state, dispatch, workspace, descriptor, collection, selection, detail, bodyHeight, setStatus} = context;
  const {tenants} = workspace;

  const show = (name: ConfdCollection) => {
    dispatch({type: 'show', collection: name});
    context.setSearchText(workspace.collections.of(name).getSnapshot().search);
  };

  const switchTenant = (tenant: Tenant) => {
    tenants.setCurrent(tenant.uuid);
    dispatch({type: 'show', collection: state.collection});
    setStatus({level: 'info', text: safe`Working tenant: ${sanitize(tenant.name ?? tenant.uuid)}`});
  };

  const actOnScroller = (action: ActionId, kind: 'help' | 'acl', top: number) => {
    const rows = overlayRows(context.overlayHeight, kind === 'acl');
    const last = Math.max(0, (kind === 'help' ? context.helpLength : context.aclLength) - rows);
    const scroll = (to: number) => dispatch({type: 'overlay', overlay: {kind, top: Math.max(0, Math.min(last, to))}});
    if (action === 'app.back' || action === 'app.help' || action === 'app.acl') dispatch({type: 'overlay'});
    else if (action === 'app.quit') context.onQuit(0);
    else if (action === 'nav.down') scroll(top + 1);
    else if (action === 'nav.up') scroll(top - 1);
    else if (action === 'page.next') scroll(top + rows);
    else if (action === 'page.prev') scroll(top - rows);
    else if (action === 'nav.last') scroll(last);
    else if (action === 'nav.first') scroll(0);
  };

  const switchProfile = (name: string) => {
    const found = context.profiles.find((each) => each === name) ?? context.profiles.find((each) => each.toLowerCase() === name.toLowerCase());
    if (found === undefined) {
      const names = context.profiles.length > 0 ? context.profiles.join(', ') : 'none yet';
      return setStatus({level: 'error', text: safe`No profile “${sanitize(name)}” (profiles: ${sanitize(names)})`});
    }
    if (found === context.profile) return setStatus({level: 'info', text: safe`Already on profile ${sanitize(found)}.`});
    context.onSwitchProfile(found);
  };

  const actOnPicker = (action: ActionId, at: number, kind: 'tenants' | 'profiles') => {
    const count = kind === 'tenants' ? (tenants.list?.length ?? 0) : context.profiles.length;
    const move = (to: number) => dispatch({type: 'overlay', overlay: {kind, selected: Math.max(0, Math.min(count - 1, to))}});
    if (action === 'nav.down') move(at + 1);
    else if (action === 'nav.up') move(at - 1);
    else if (action === 'page.next' || action === 'nav.last') move(count - 1);
    else if (action === 'page.prev' || action === 'nav.first') move(0);
    else if (action === 'picker.choose') {
      dispatch({type: 'overlay'});
      if (kind === 'profiles') {
        const name = context.profiles[at];
        if (name !== undefined) switchProfile(name);
        return;
      }
      const chosen = tenants.list?.[at];
      if (chosen) switchTenant(chosen);
    } else if (action === 'app.back') dispatch({type: 'overlay'});
    else if (action === 'app.quit') context.onQuit(0);
  };

  /** Keys that mean the same in the table and in a record; true when `action` was one. */
  const actAnywhere = (action: ActionId): boolean => {
    switch (action) {
      case 'app.quit':
        context.onQuit(0);
        return true;
      case 'app.help':
        dispatch({type: 'overlay', overlay: {kind: 'help', top: 0}});
        return true;
      case 'app.acl':
        dispatch({type: 'overlay', overlay: {kind: 'acl', top: 0}});
        return true;
      case 'app.command':
        context.openCommandLine();
        return true;
      case 'app.logout':
        context.onLogout();
        return true;
      case 'collection.users':
        show('users');
        return true;
      case 'collection.lines':
        show('lines');
        return true;
      case 'collection.switch': {
        show(nextInCycle(context.tabCycle, state.collection));
        return true;
      }
      case 'collection.refresh':
        setStatus(undefined);
        if (detail) context.reloadDetail();
        else collection.refresh();
        return true;
      default:
        return false;
    }
  };

  const actOnTable = (action: ActionId) => {
    const select = (type: 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last') => dispatch({type: 'select', action: {type}});
    switch (action) {
      case 'nav.up':
        return select('up');
      case 'nav.down':
        return select('down');
      case 'page.prev':
        return select('pageUp');
      case 'page.next':
        return select('pageDown');
      case 'nav.first':
        return select('first');
      case 'nav.last':
        // The last page is fetched directly, not walked to.
        collection.ensureLast(bodyHeight);
        return select('last');
      case 'collection.search':
        context.setSearchText(collection.getSnapshot().search);
        return dispatch({type: 'overlay', overlay: {kind: 'search'}});
      case 'collection.clearSearch':
        // In a filtered list without a search, Esc goes back to the record it came from.
        if (context.list && collection.getSnapshot().search === '') return dispatch({type: 'back'});
        if (collection.getSnapshot().search !== '') collection.setSearch('');
        return context.setSearchText('');
      case 'collection.sortNext': {
        // The next column of the table, so the header can mark it (other orders are for --order).
        const keys = descriptor.columns.flatMap((column) => (column.sortKey ? [column.sortKey] : []));
        const current = collection.getSnapshot().order;
        const next = keys[(keys.indexOf(current) + 1) % keys.length] ?? descriptor.defaultOrder;
        return collection.setOrder(next, 'asc');
      }
      case 'collection.sortReverse': {
        const current = collection.getSnapshot();
        return collection.setOrder(current.order, current.direction === 'asc' ? 'desc' : 'asc');
      }
      case 'collection.recurse':
        return workspace.setRecurse(!workspace.recurse);
      case 'detail.open': {
        const item = collection.rowAt(selection.selected);
        if (item === undefined) return;
        // Switchboards, applications and SIP endpoints are known by uuid only.
        const {id, uuid} = item as {id?: number | string | null; uuid?: string | null};
        // An empty id or uuid names nothing (`GET /users/` would be the list): such a row cannot be opened.
        const key = (id === '' ? undefined : id) ?? (uuid || undefined);
        const title = descriptor.columns[0]?.value(item as never);
        if (key !== null && key !== undefined) {
          dispatch({type: 'open', entry: {collection: descriptor.name, id: key, label: singular(descriptor.title), title: title == null ? String(key) : String(title)}});
        }
        return;
      }
    }
  };

  const actOnDetail = (action: ActionId, entry: DetailEntry) => {
    const lines = context.detailLines();
    const move = (to: number) => dispatch({type: 'detailMove', selected: Math.max(0, Math.min(lines.length - 1, to))});
    const page = Math.max(1, bodyHeight - 1);
    // Keys can come before the view placed the cursor: it is on the first relation already.
    const at = entry.selected < 0 ? firstRelation(lines) : entry.selected;
    // Until the record is loaded there is nothing to move over: a key then would place the cursor
    // before the view can put it on the first related record.
    if (lines.length === 0 && action !== 'app.back' && action !== 'detail.raw') return;
    switch (action) {
      case 'app.back':
        return dispatch({type: 'back'});
      case 'nav.up':
        return move(at - 1);
      case 'nav.down':
        return move(at + 1);
      case 'page.prev':
        return move(at - page);
      case 'page.next':
        return move(at + page);
      case 'nav.first':
        return move(0);
      case 'nav.last':
        return move(lines.length - 1);
      case 'detail.raw':
        return dispatch({type: 'toggleRaw'});
      case 'detail.follow': {
        const line = lines[at];
        if (line?.kind === 'relation') {
          const {collection: target, id, label, title, filter} = line.relation;
          dispatch({type: 'open', entry: {collection: target, id, label, title, ...(filter ? {filter} : {})}});
        }
        else setStatus({level: 'info', text: safe`Move to a related record (top of the view) to open it.`});
        return;
      }
    }
  };

  const act = (action: ActionId) => {
    const overlay = state.overlay;
    if (overlay?.kind === 'help' || overlay?.kind === 'acl') return actOnScroller(action, overlay.kind, overlay.top);
    if (overlay?.kind === 'tenants' || overlay?.kind === 'profiles') return actOnPicker(action, overlay.selected, overlay.kind);
    if (actAnywhere(action)) return;
    if (detail) actOnDetail(action, detail);
    else actOnTable(action);
  };

  const submitCommand = (text: string) => {
    dispatch({type: 'overlay'});
    runCommand(text, {
      show,
      page: (page) => dispatch({type: 'page', page}),
      openTenants: () => dispatch({type: 'overlay', overlay: {kind: 'tenants', selected: tenants.indexOfCurrent()}}),
      switchTenant: (name) => {
        const found = tenants.find(name);
        if (found) switchTenant(found);
        else if (tenants.error) setStatus(errorStatus(tenants.error));
        else setStatus({level: 'error', text: safe`No tenant “${sanitize(name)}” is visible to this token (:tenant lists them)`});
      },
      openProfiles: () => {
        if (context.profiles.length === 0) return setStatus({level: 'info', text: safe`No profiles yet: wazo-tui profiles add NAME SERVER creates one.`});
        dispatch({type: 'overlay', overlay: {kind: 'profiles', selected: Math.max(0, context.profiles.indexOf(context.profile ?? ''))}});
      },
      switchProfile,
      toggleRecurse: () => act('collection.recurse'),
      logout: context.onLogout,
      quit: () => context.onQuit(0),
      help: () => act('app.help'),
      unknown: (what) => setStatus({level: 'error', text: safe`Unknown command “:${sanitize(what)}” (? lists the keys)`}),
    });
  };

  return {act, submitCommand, show};
}
