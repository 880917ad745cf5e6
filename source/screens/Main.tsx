/**
 * The main screen: header, the current collection (or an open record), status line, footer,
 * and the overlays. All keys arrive here once and become actions from the key table
 * (main-actions.ts); what it shows and may do comes in the workspace the app built.
 */
import {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box} from 'ink';
import {Footer} from '../components/Footer.js';
import {headerHeight} from '../components/Header.js';
import {StatusLine} from '../components/StatusLine.js';
import {textFieldHints} from '../components/TextField.js';
import {TooSmall, isTooSmall} from '../components/TooSmall.js';
import {useKeys} from '../hooks/keyboard.js';
import {useCollection} from '../hooks/use-collection.js';
import {useSession} from '../hooks/use-session.js';
import {matchKey, type ActionId, type FooterHint, type Scope} from '../keys.js';
import {errorStatus, unavailableStatus, type Status} from '../resources/error-status.js';
import type {ConfdCollection} from '../api/contract.js';
import {useRenewalStatus} from './renewal-status.js';
import {defaultTabCycle, descriptorFor} from '../resources/registry.js';
import type {AnyResourceDescriptor} from '../resources/types.js';
import {sanitize, type SafeText} from '../text/sanitize.js';
import {CollectionTable} from './CollectionTable.js';
import {Detail} from './Detail.js';
import {firstRelation, type DetailLine} from './detail-lines.js';
import {HeaderBar} from './HeaderBar.js';
import {mainActions} from './main-actions.js';
import {CommandLine, SearchField} from './MainFields.js';
import {MainOverlay, isListOverlay, useAclLines, useHelpLines} from './MainOverlay.js';
import {initialMainState, mainReducer, selectionOf} from './main-state.js';
import {PasswordPrompt} from './PasswordPrompt.js';
import {AdminPage} from './AdminPage.js';
import type {Workspace} from './workspace.js';

export interface MainProps {
  width: number;
  height: number;
  /** The server as the user typed it, sanitised by the app. */
  server: SafeText;
  workspace: Workspace;
  onQuit(code: number): void;
  onLogout(): void;
  /** The collection shown first (the profile's), users by default. */
  initialCollection?: ConfdCollection;
  /** The profile names for `:ctx`, and the one in use. */
  profiles: readonly string[];
  profile?: string;
  /** The profile the header names before the server; absent when its name only repeats the address. */
  headerProfile?: string;
  onSwitchProfile(name: string): void;
  /** The collections `Tab` walks, in order (the profiles file's `preferences.tabCycle`); default defaultTabCycle. */
  tabCycle?: readonly ConfdCollection[];
}

/** Table keys that act on rows: typed ahead of a list's first answer, they wait for it. */
const tableWaits: ReadonlySet<ActionId> = new Set<ActionId>(['nav.up', 'nav.down', 'page.prev', 'page.next', 'nav.first', 'nav.last', 'detail.open']);
/** Moves in the table: selection actions that compose, so a burst of them is drawn as one frame. */
const tableMoves: ReadonlySet<ActionId> = new Set<ActionId>(['nav.up', 'nav.down', 'page.prev', 'page.next', 'nav.first', 'nav.last']);

/** Header + title + column header + status + footer. */
const chrome = 4;

const searchHints = textFieldHints('search', 'cancel');
const passwordHints: readonly FooterHint[] = [...textFieldHints('log in'), {keys: 'Ctrl-C', label: 'quit'}];

export function Main({width, height, server, workspace, onQuit, onLogout, initialCollection, profiles, profile, headerProfile, onSwitchProfile, tabCycle = defaultTabCycle}: MainProps) {
  const {session, tenants} = workspace;
  const snapshot = useSession(session);
  const bodyHeight = Math.max(1, height - headerHeight(snapshot.fullAccess) - chrome);
  const [state, dispatch] = useReducer(mainReducer, undefined, () => initialMainState(initialCollection ?? 'users', bodyHeight));
  const [status, setStatus] = useState<Status>();
  const [commandText, setCommandText] = useState('');
  const [searchText, setSearchText] = useState('');
  const [reload, setReload] = useState(0);
  const [pageTyping, setPageTyping] = useState<string>();
  const detailLinesRef = useRef<readonly DetailLine[]>([]);

  const top = state.stack.at(-1);
  // A filtered list on top of the stack (a context's extensions) is a table like the others.
  const list = top?.filter ? top : undefined;
  const detail = list ? undefined : top;
  const descriptor = descriptorFor(list?.collection ?? state.collection) as AnyResourceDescriptor;
  const collection = workspace.collections.of(list?.collection ?? state.collection, list?.filter);
  const selection = list?.listSelection ?? selectionOf(state);
  // The lines belong to the record on top of the stack: a newly opened one has none until it loads.
  const detailKey = top ? `${state.stack.length}:${top.collection}:${top.id}` : '';
  const detailKeyRef = useRef(detailKey);
  if (detailKeyRef.current !== detailKey) {
    detailKeyRef.current = detailKey;
    detailLinesRef.current = [];
  }

  useEffect(() => dispatch({type: 'resize', height: bodyHeight}), [bodyHeight]);

  // Errors of the rows in view go to the status line; info messages clear themselves.
  // Subscribed, not read once: a failed page must re-render Main to reach the status line.
  const {status: collectionStatus, queryVersion, total: queryTotal} = useCollection(collection);
  // A new query (search, sort, recurse, a new tenant's collection) is another list: row 1. Dispatched
  // while rendering, so no frame and no key ever sees the old offset applied to the new list.
  const stamp = state.queries[state.collection];
  if (stamp?.source !== collection || stamp.version !== queryVersion) {
    dispatch({type: 'query', collection: state.collection, stamp: {source: collection, version: queryVersion}});
  }
  useEffect(() => {
    if (collectionStatus.kind === 'error') setStatus(unavailableStatus(collectionStatus.error, descriptor) ?? errorStatus(collectionStatus.error, 'r: retry'));
  }, [collectionStatus]);
  useEffect(() => {
    if (status?.level !== 'info') return;
    const timer = setTimeout(() => setStatus(undefined), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  const overlayHeight = bodyHeight + 2;
  const helpLines = useHelpLines(detail ? 'detail' : 'table');
  const aclLines = useAclLines(snapshot.acl);

  const {act, submitCommand} = mainActions({
    state,
    dispatch,
    workspace,
    descriptor,
    collection,
    selection,
    detail,
    list,
    detailLines: () => detailLinesRef.current,
    tabCycle,
    bodyHeight,
    overlayHeight,
    helpLength: helpLines.length,
    aclLength: aclLines.length,
    setStatus,
    reloadDetail: () => setReload((n) => n + 1),
    openCommandLine: () => {
      setCommandText('');
      dispatch({type: 'overlay', overlay: {kind: 'command'}});
    },
    setSearchText,
    onQuit,
    onLogout,
    profiles,
    profile,
    onSwitchProfile,
  });

  const submitSearch = (text: string) => {
    collection.setSearch(text);
    dispatch({type: 'overlay'});
  };

  const textOpen = state.overlay?.kind === 'command' || state.overlay?.kind === 'search';
  // While a failed renewal is tried again the refresh token may still bring the session back:
  // the password is asked for only once wazo-auth refused it (or none is left).
  const expired = snapshot.state === 'expired' && snapshot.retry === undefined;
  const renewing = useRenewalStatus(snapshot);
  const scope: Scope =
    state.overlay?.kind === 'help' || state.overlay?.kind === 'acl'
      ? 'help'
      : state.overlay?.kind === 'tenants' || state.overlay?.kind === 'profiles'
        ? 'picker'
        : state.page
          ? 'admin'
          : detail
            ? 'detail'
            : 'table';
  // A page reads its own keys; the main screen's are for the overlays drawn over it.
  const pageHasKeys = state.page !== undefined && state.overlay === undefined;

  // Below the minimum size Main stays mounted (table, selection, search, open records are kept)
  // but takes no key; Ctrl-C, read before any screen gets a key, still quits.
  const tooSmall = isTooSmall(width, height);
  // A row key typed ahead of a new list (after a login, a search) waits until the selection
  // knows the list's size, so `/emilie⏎j⏎` moves in and opens the matches, not the old rows.
  const listPending = scope === 'table' && collectionStatus.kind !== 'error' && (queryTotal === undefined || selection.total !== queryTotal);
  useKeys(
    (input, key) => {
      if (tooSmall) return;
      const action = matchKey(input, key, scope);
      if (action === undefined) return;
      if (listPending && tableWaits.has(action)) return 'wait';
      act(action);
    },
    {
      isActive: !textOpen && !expired && !pageHasKeys,
      batches: (input, key) => {
        const action = scope === 'table' && !tooSmall ? matchKey(input, key, scope) : undefined;
        return action !== undefined && tableMoves.has(action);
      },
    },
  );

  const trail = state.stack.slice(0, -1).map((entry) => sanitize(`${entry.label} ${entry.title}`));
  const body = () => {
    if (isListOverlay(state.overlay)) {
      return (
        <MainOverlay
          overlay={state.overlay}
          helpLines={helpLines}
          aclLines={aclLines}
          fullAccess={snapshot.fullAccess}
          tenants={tenants}
          profiles={profiles}
          profile={profile}
          width={width}
          height={overlayHeight}
        />
      );
    }
    if (state.page) {
      return (
        <AdminPage
          key={state.page}
          kind={state.page}
          source={workspace.admin}
          width={width}
          height={overlayHeight}
          active={pageHasKeys && !expired && !tooSmall}
          setStatus={setStatus}
          onAction={act}
          onClose={() => dispatch({type: 'page'})}
          onTyping={setPageTyping}
        />
      );
    }
    if (detail) {
      return (
        <Detail
          key={detailKey}
          read={workspace.read}
          collection={detail.collection}
          id={detail.id}
          raw={detail.raw}
          label={detail.label}
          trail={trail}
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
        <SearchField
          value={searchText}
          width={Math.max(10, width - descriptor.title.length - 4)}
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
        key={detailKey}
        trail={list ? [...trail, sanitize(`${list.label} ${list.title}`)] : undefined}
        descriptor={descriptor}
        collection={collection}
        selection={selection}
        width={width}
        height={bodyHeight}
        searchField={searchField}
        onTotal={(total) => dispatch({type: 'select', action: {type: 'total', total}})}
      />
    );
  };

  // While text is typed the footer tells the field's keys: the screen's own are not read then.
  const pageHints = useMemo(() => (pageTyping === undefined ? undefined : textFieldHints(pageTyping, 'cancel')), [pageTyping]);
  const footerHints: readonly FooterHint[] | undefined = expired
    ? passwordHints
    : state.overlay?.kind === 'search'
      ? searchHints
      : state.overlay === undefined
        ? pageHints
        : undefined;

  if (tooSmall) return <TooSmall width={width} height={height} />;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <HeaderBar width={width} profile={headerProfile} server={server} session={session} tenant={tenants.label} recurse={workspace.recurse} />
      <Box height={bodyHeight + 2} flexDirection="column">
        {expired ? <PasswordPrompt session={session} width={width} height={bodyHeight + 2} /> : body()}
      </Box>
      <StatusLine width={width} status={renewing ?? status} />
      {state.overlay?.kind === 'command' ? (
        <CommandLine value={commandText} width={width} onChange={setCommandText} onSubmit={submitCommand} onCancel={() => dispatch({type: 'overlay'})} />
      ) : (
        <Footer scope={scope} width={width} hints={footerHints} />
      )}
    </Box>
  );
}
