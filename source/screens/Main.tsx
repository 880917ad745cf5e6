/**
 * The main screen: header, the current collection (or an open record), status line, footer,
 * and the overlays. All keys arrive here once and become actions from the key table.
 */
import {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box, Text, useInput} from 'ink';
import type {ConfdCollection, WazoClient} from '../api/contract.js';
import type {Tenant} from '../api/schemas.js';
import {Footer} from '../components/Footer.js';
import {headerHeight} from '../components/Header.js';
import {StatusLine, type Status} from '../components/StatusLine.js';
import {TextField} from '../components/TextField.js';
import {TooSmall, isTooSmall} from '../components/TooSmall.js';
import {errorStatus} from '../app/error-status.js';
import {useCollection} from '../hooks/use-collection.js';
import {useCollections} from '../hooks/use-collections.js';
import {useSession} from '../hooks/use-session.js';
import {helpSections, matchKeys, type ActionId, type Scope} from '../keys.js';
import {descriptorFor, nextDescriptor} from '../resources/registry.js';
import type {AnyResourceDescriptor} from '../resources/types.js';
import {confdSource} from '../session/confd-source.js';
import type {Session} from '../session/session.js';
import {sanitize} from '../text/sanitize.js';
import {CollectionTable} from './CollectionTable.js';
import {runCommand} from './commands.js';
import {Detail} from './Detail.js';
import {firstRelation, type DetailLine} from './detail-lines.js';
import {HeaderBar} from './HeaderBar.js';
import {splitBurst, type Burst} from './key-burst.js';
import {ListOverlay, overlayRows} from './ListOverlay.js';
import {initialMainState, mainReducer, selectionOf} from './main-state.js';
import {PasswordPrompt} from './PasswordPrompt.js';
import {tenantLabel, useTenants} from './use-tenants.js';

export interface MainProps {
  width: number;
  height: number;
  server: string;
  session: Session;
  client: WazoClient;
  onQuit(code: number): void;
  onLogout(): void;
}

/** Header + title + column header + status + footer. */
const chrome = 4;

export function Main({width, height, server, session, client, onQuit, onLogout}: MainProps) {
  const snapshot = useSession(session);
  const source = useMemo(() => confdSource(session, client), [session, client]);
  const tenants = useTenants(source, snapshot.tenantUuid);
  const [recurse, setRecurse] = useState(false);
  const bodyHeight = Math.max(1, height - headerHeight(snapshot.fullAccess) - chrome);
  const [state, dispatch] = useReducer(mainReducer, undefined, () => initialMainState('users', bodyHeight));
  const [status, setStatus] = useState<Status>();
  const [commandText, setCommandText] = useState('');
  const [searchText, setSearchText] = useState('');
  const [reload, setReload] = useState(0);
  const detailLinesRef = useRef<readonly DetailLine[]>([]);

  const collections = useCollections(source, tenants.current, recurse);
  const collectionOf = collections.of;

  const descriptor = descriptorFor(state.collection) as AnyResourceDescriptor;
  const collection = collectionOf(state.collection);
  const selection = selectionOf(state);
  const detail = state.stack.at(-1);

  useEffect(() => dispatch({type: 'resize', height: bodyHeight}), [bodyHeight]);

  // Errors of the rows in view go to the status line; info messages clear themselves.
  // Subscribed, not read once: a failed page must re-render Main to reach the status line.
  const collectionStatus = useCollection(collection).status;
  useEffect(() => {
    if (collectionStatus.kind === 'error') setStatus(errorStatus(collectionStatus.error, 'r: retry'));
  }, [collectionStatus]);
  useEffect(() => {
    if (status?.level !== 'info') return;
    const timer = setTimeout(() => setStatus(undefined), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  const overlayHeight = bodyHeight + 2;
  const helpScope = detail ? 'detail' : 'table';
  const helpLines = useMemo(() => {
    const sections = helpSections(helpScope);
    // Keys as wide as the widest, so the longest help text still fits 80 columns.
    const keysWidth = Math.max(...sections.flatMap((section) => section.entries.map((entry) => entry.keys.length)));
    return sections.flatMap((section) => [
      `${section.group}`,
      ...section.entries.map((entry) => `  ${entry.keys.padEnd(keysWidth)}  ${entry.help}`),
    ]);
  }, [helpScope]);
  const aclLines = useMemo(() => snapshot.acl.map((acl) => sanitize(acl)), [snapshot.acl]);

  const show = (name: ConfdCollection) => {
    dispatch({type: 'show', collection: name});
    setSearchText(collectionOf(name).getSnapshot().search);
  };

  const act = (action: ActionId) => {
    if (state.overlay?.kind === 'help' || state.overlay?.kind === 'acl') {
      const {kind, top} = state.overlay;
      const rows = overlayRows(overlayHeight, kind === 'acl');
      const last = Math.max(0, (kind === 'help' ? helpLines : aclLines).length - rows);
      const scroll = (to: number) => dispatch({type: 'overlay', overlay: {kind, top: Math.max(0, Math.min(last, to))}});
      if (action === 'app.back' || action === 'app.help' || action === 'app.acl') dispatch({type: 'overlay'});
      else if (action === 'app.quit') onQuit(0);
      else if (action === 'nav.down') scroll(top + 1);
      else if (action === 'nav.up') scroll(top - 1);
      else if (action === 'page.next') scroll(top + rows);
      else if (action === 'page.prev') scroll(top - rows);
      else if (action === 'nav.last') scroll(last);
      else if (action === 'nav.first') scroll(0);
      return;
    }
    if (state.overlay?.kind === 'tenants') {
      const count = tenants.list?.length ?? 0;
      const move = (to: number) => dispatch({type: 'overlay', overlay: {kind: 'tenants', selected: Math.max(0, Math.min(count - 1, to))}});
      const at = state.overlay.selected;
      if (action === 'nav.down') move(at + 1);
      else if (action === 'nav.up') move(at - 1);
      else if (action === 'page.next' || action === 'nav.last') move(count - 1);
      else if (action === 'page.prev' || action === 'nav.first') move(0);
      else if (action === 'picker.choose') {
        const chosen = tenants.list?.[at];
        if (chosen) switchTenant(chosen);
        dispatch({type: 'overlay'});
      } else if (action === 'app.back') dispatch({type: 'overlay'});
      else if (action === 'app.quit') onQuit(0);
      return;
    }
    switch (action) {
      case 'app.quit':
        return onQuit(0);
      case 'app.help':
        return dispatch({type: 'overlay', overlay: {kind: 'help', top: 0}});
      case 'app.acl':
        return dispatch({type: 'overlay', overlay: {kind: 'acl', top: 0}});
      case 'app.command':
        setCommandText('');
        return dispatch({type: 'overlay', overlay: {kind: 'command'}});
      case 'app.logout':
        return onLogout();
      case 'collection.users':
        return show('users');
      case 'collection.lines':
        return show('lines');
      case 'collection.switch':
        return show(nextDescriptor(state.collection).name);
      case 'collection.refresh':
        setStatus(undefined);
        if (detail) setReload((n) => n + 1);
        else collection.refresh();
        return;
    }
    if (detail) return actOnDetail(action);
    switch (action) {
      case 'nav.up':
        return dispatch({type: 'select', action: {type: 'up'}});
      case 'nav.down':
        return dispatch({type: 'select', action: {type: 'down'}});
      case 'page.prev':
        return dispatch({type: 'select', action: {type: 'pageUp'}});
      case 'page.next':
        return dispatch({type: 'select', action: {type: 'pageDown'}});
      case 'nav.first':
        return dispatch({type: 'select', action: {type: 'first'}});
      case 'nav.last':
        // The last page is fetched directly, not walked to.
        collection.ensureLast(bodyHeight);
        return dispatch({type: 'select', action: {type: 'last'}});
      case 'collection.search':
        setSearchText(collection.getSnapshot().search);
        return dispatch({type: 'overlay', overlay: {kind: 'search'}});
      case 'collection.clearSearch':
        if (collection.getSnapshot().search !== '') collection.setSearch('');
        setSearchText('');
        return;
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
      case 'collection.recurse': {
        const next = !recurse;
        setRecurse(next);
        collections.setRecurse(next);
        return;
      }
      case 'detail.open': {
        const item = collection.rowAt(selection.selected);
        if (item === undefined) return;
        const id = (item as {id?: number | string}).id;
        if (id !== undefined) dispatch({type: 'open', entry: {collection: state.collection, id}});
        return;
      }
    }
  };

  const actOnDetail = (action: ActionId) => {
    if (!detail) return;
    const lines = detailLinesRef.current;
    const move = (to: number) => dispatch({type: 'detailMove', selected: Math.max(0, Math.min(lines.length - 1, to))});
    const page = Math.max(1, bodyHeight - 1);
    // Keys can come before the view placed the cursor: it is on the first relation already.
    const at = detail.selected < 0 ? firstRelation(lines) : detail.selected;
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
          dispatch({type: 'open', entry: {collection: line.relation.collection, id: line.relation.id}});
        } else {
          setStatus({level: 'info', text: 'Move to a related record (top of the view) to open it.'});
        }
        return;
      }
    }
  };

  const switchTenant = (tenant: Tenant) => {
    tenants.setCurrent(tenant.uuid);
    dispatch({type: 'show', collection: state.collection});
    setStatus({level: 'info', text: `Working tenant: ${sanitize(tenant.name ?? tenant.uuid)}`});
  };

  const submitCommand = (text: string) => {
    dispatch({type: 'overlay'});
    runCommand(text, {
      show,
      openTenants: () => dispatch({type: 'overlay', overlay: {kind: 'tenants', selected: tenants.indexOfCurrent()}}),
      switchTenant: (name) => {
        const found = tenants.find(name);
        if (found) switchTenant(found);
        else if (tenants.error) setStatus(errorStatus(tenants.error));
        else setStatus({level: 'error', text: `No tenant “${sanitize(name)}” is visible to this token (:tenant lists them)`});
      },
      toggleRecurse: () => act('collection.recurse'),
      logout: onLogout,
      quit: () => onQuit(0),
      help: () => act('app.help'),
      unknown: (what) => setStatus({level: 'error', text: `Unknown command “:${sanitize(what)}” (? lists the keys)`}),
    });
  };

  const submitSearch = (text: string) => {
    collection.setSearch(text);
    dispatch({type: 'overlay'});
  };

  /** Text typed in the same burst as the `:` or `/` that opened its field (see key-burst.ts). */
  const typeAhead = ({opener, text, submitted}: NonNullable<Burst['field']>) => {
    if (opener === 'app.command') {
      if (submitted) submitCommand(text);
      else setCommandText(text);
      return;
    }
    const search = collection.getSnapshot().search + text;
    if (submitted) return submitSearch(search);
    setSearchText(search);
    collection.setSearchDebounced(search);
  };

  const textOpen = state.overlay?.kind === 'command' || state.overlay?.kind === 'search';
  const expired = snapshot.state === 'expired';
  const scope: Scope =
    state.overlay?.kind === 'help' || state.overlay?.kind === 'acl' ? 'help' : state.overlay?.kind === 'tenants' ? 'picker' : detail ? 'detail' : 'table';

  // Below the minimum size Main stays mounted (table, selection, search, open records are kept) but only Ctrl-C works.
  const tooSmall = isTooSmall(width, height);
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') return onQuit(130);
      if (tooSmall) return;
      const burst = splitBurst(input, key, scope);
      for (const action of matchKeys(burst.keys, key, scope)) act(action);
      if (burst.field) typeAhead(burst.field);
    },
    {isActive: tooSmall || (!textOpen && !expired)},
  );

  const body = () => {
    if (state.overlay?.kind === 'help') {
      return <ListOverlay title="Keys (Esc or ? closes)" lines={helpLines} top={state.overlay.top} width={width} height={overlayHeight} />;
    }
    if (state.overlay?.kind === 'acl') {
      const title = `Token ACL (${aclLines.length})${snapshot.fullAccess ? ' — # grants full access' : ''}`;
      return <ListOverlay title={title} lines={aclLines} top={state.overlay.top} width={width} height={overlayHeight} footer="Esc closes" />;
    }
    if (state.overlay?.kind === 'tenants') {
      // Without auth.tenants.read the list cannot be had: say why here, not on every screen.
      const lines = tenants.error
        ? [errorStatus(tenants.error).text, 'The lists show the token’s own tenant.']
        : (tenants.list ?? []).map((tenant) => `${tenantLabel(tenant)}${tenant.uuid === tenants.working ? '  (current)' : ''}`);
      return (
        <ListOverlay
          title="Tenants visible to this token"
          lines={lines}
          selected={state.overlay.selected}
          width={width}
          height={overlayHeight}
          footer="Enter switches · Esc closes"
        />
      );
    }
    if (detail) {
      return (
        <Detail
          key={`${state.stack.length}:${detail.collection}:${detail.id}`}
          source={source}
          tenant={tenants.current}
          collection={detail.collection}
          id={detail.id}
          raw={detail.raw}
          selected={detail.selected}
          width={width}
          height={overlayHeight}
          reload={reload}
          onLines={(lines) => {
            detailLinesRef.current = lines;
            if (detail.selected < 0) dispatch({type: 'detailMove', selected: firstRelation(lines)});
          }}
          onError={(error) => setStatus(errorStatus(error, 'r: retry · Esc: back'))}
        />
      );
    }
    const searchField =
      state.overlay?.kind === 'search' ? (
        <TextField
          value={searchText}
          focus
          width={Math.max(10, width - descriptor.title.length - 4)}
          placeholder="search on the server…"
          onChange={(text) => {
            setSearchText(text);
            collection.setSearchDebounced(text);
          }}
          onSubmit={submitSearch}
          onCancel={() => {
            setSearchText('');
            collection.setSearch('');
            dispatch({type: 'overlay'});
          }}
        />
      ) : undefined;
    return (
      <CollectionTable
        descriptor={descriptor}
        collection={collection}
        selection={selection}
        width={width}
        height={bodyHeight}
        searchField={searchField ? <><Text>/</Text>{searchField}</> : undefined}
        onTotal={(total) => dispatch({type: 'select', action: {type: 'total', total}})}
      />
    );
  };

  const bottom =
    state.overlay?.kind === 'command' ? (
      <Box width={width}>
        <Text>:</Text>
        <TextField
          value={commandText}
          focus
          width={width - 2}
          placeholder="users, lines, extensions, tenant NAME, recurse, logout, q"
          onChange={setCommandText}
          onSubmit={submitCommand}
          onCancel={() => dispatch({type: 'overlay'})}
        />
      </Box>
    ) : (
      <Footer scope={scope} width={width} />
    );

  if (tooSmall) return <TooSmall width={width} height={height} />;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <HeaderBar width={width} server={server} session={session} tenant={tenants.label} recurse={recurse} />
      <Box height={bodyHeight + 2} flexDirection="column">
        {expired ? (
          <PasswordPrompt session={session} width={width} height={bodyHeight + 2} onQuit={() => onQuit(0)} />
        ) : (
          body()
        )}
      </Box>
      <StatusLine width={width} status={status} />
      {bottom}
    </Box>
  );
}

