/**
 * The main screen: header, the current collection (or an open record), status line, footer,
 * and the overlays. All keys arrive here once and become actions from the key table
 * (main-actions.ts); what it shows and may do comes in the workspace the app built.
 */
import {useEffect, useReducer, useRef, useState} from 'react';
import {Box, useInput} from 'ink';
import {Footer} from '../components/Footer.js';
import {headerHeight} from '../components/Header.js';
import {StatusLine} from '../components/StatusLine.js';
import {TooSmall, isTooSmall} from '../components/TooSmall.js';
import {useCollection} from '../hooks/use-collection.js';
import {useSession} from '../hooks/use-session.js';
import {matchKeys, type Scope} from '../keys.js';
import {errorStatus, type Status} from '../resources/error-status.js';
import type {ConfdCollection} from '../api/contract.js';
import {descriptorFor} from '../resources/registry.js';
import type {AnyResourceDescriptor} from '../resources/types.js';
import type {SafeText} from '../text/sanitize.js';
import {CollectionTable} from './CollectionTable.js';
import {Detail} from './Detail.js';
import {firstRelation, type DetailLine} from './detail-lines.js';
import {HeaderBar} from './HeaderBar.js';
import {splitBurst, type Burst} from './key-burst.js';
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
  onSwitchProfile(name: string): void;
  /** The collections `Tab` walks, in order (`preferences.tabCycle`); default every one. */
  tabCycle?: readonly ConfdCollection[];
}

/** Header + title + column header + status + footer. */
const chrome = 4;

export function Main({width, height, server, workspace, onQuit, onLogout, initialCollection, profiles, profile, onSwitchProfile, tabCycle}: MainProps) {
  const {session, tenants} = workspace;
  const snapshot = useSession(session);
  const bodyHeight = Math.max(1, height - headerHeight(snapshot.fullAccess) - chrome);
  const [state, dispatch] = useReducer(mainReducer, undefined, () => initialMainState(initialCollection ?? 'users', bodyHeight));
  const [status, setStatus] = useState<Status>();
  const [commandText, setCommandText] = useState('');
  const [searchText, setSearchText] = useState('');
  const [reload, setReload] = useState(0);
  const detailLinesRef = useRef<readonly DetailLine[]>([]);

  const descriptor = descriptorFor(state.collection) as AnyResourceDescriptor;
  const collection = workspace.collections.of(state.collection);
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
    detailLines: () => detailLinesRef.current,
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
    tabCycle,
  });

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
    {isActive: tooSmall || (!textOpen && !expired && !pageHasKeys)},
  );

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
        />
      );
    }
    if (detail) {
      return (
        <Detail
          key={`${state.stack.length}:${detail.collection}:${detail.id}`}
          read={workspace.read}
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

  if (tooSmall) return <TooSmall width={width} height={height} />;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <HeaderBar width={width} server={server} session={session} tenant={tenants.label} recurse={workspace.recurse} />
      <Box height={bodyHeight + 2} flexDirection="column">
        {expired ? <PasswordPrompt session={session} width={width} height={bodyHeight + 2} onQuit={() => onQuit(0)} /> : body()}
      </Box>
      <StatusLine width={width} status={status} />
      {state.overlay?.kind === 'command' ? (
        <CommandLine value={commandText} width={width} onChange={setCommandText} onSubmit={submitCommand} onCancel={() => dispatch({type: 'overlay'})} />
      ) : (
        <Footer scope={scope} width={width} />
      )}
    </Box>
  );
}
