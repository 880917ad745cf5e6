/**
 * The `:accounts` and `:sessions` pages: a list read from wazo-auth, an account opened with its
 * policies and ACLs, and changes (create, delete, revoke) behind a confirmation that names what
 * will change and takes typing its word, like `replace` on the Changed screen. What it shows and
 * may do comes in an AdminSource; a missing ACL is named where the list would be.
 */
import {useCallback, useEffect, useLayoutEffect, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {TextField} from '../components/TextField.js';
import {useKeys} from '../hooks/keyboard.js';
import {matchKey, type ActionId} from '../keys.js';
import {errorStatus, type Status} from '../resources/error-status.js';
import {safe, sanitize, type SafeText} from '../text/sanitize.js';
import {truncate} from '../text/width.js';
import {useTheme} from '../theme.js';
import {accountDetailLines, accountLine, accountsHeader, problemLine, revokeWords, sessionLine, sessionsHeader} from './admin-lines.js';
import type {AccountsView, AdminSource, SessionsView} from './admin-source.js';
import {ListOverlay, overlayRows} from './ListOverlay.js';

export type AdminPageKind = 'accounts' | 'sessions';

export interface AdminPageProps {
  kind: AdminPageKind;
  source: AdminSource;
  width: number;
  height: number;
  /** Keys are read only while active (not under the help overlay or the command line). */
  active: boolean;
  setStatus(status: Status | undefined): void;
  onAction(action: ActionId): void;
  onClose(): void;
  /** A name or a confirmation is being typed (what Enter does then), or no longer (undefined). */
  onTyping(submit: string | undefined): void;
}

type Loaded = {kind: 'accounts'; view: AccountsView} | {kind: 'sessions'; view: SessionsView};
type Mode =
  | {kind: 'list'}
  | {kind: 'detail'; top: number}
  | {kind: 'name'}
  | {kind: 'search'}
  | {kind: 'confirm'; word: string; lines: SafeText[]; run: () => Promise<SafeText[]>};

export function AdminPage({kind, source, width, height, active, setStatus, onAction, onClose, onTyping}: AdminPageProps) {
  const theme = useTheme();
  const [loaded, setLoaded] = useState<Loaded>();
  const [failure, setFailure] = useState<unknown>();
  const [selected, setSelected] = useState(0);
  const [mode, setMode] = useState<Mode>({kind: 'list'});
  const [typed, setTyped] = useState('');
  const [wrong, setWrong] = useState(false);
  const [notice, setNotice] = useState<SafeText[]>([]);
  const [busy, setBusy] = useState(false);
  /** The search `:accounts` lists the matches of (wazo-auth's `search`), empty for every user. */
  const [search, setSearch] = useState('');
  /** The next page of accounts: not asked for, on its way, or refused (r loads the list anew). */
  const [more, setMore] = useState<'idle' | 'loading' | 'failed'>('idle');
  /** Bumped by each load: a page that comes after a newer load (another search) is dropped. */
  const generation = useRef(0);

  const load = useCallback(() => {
    let current = true;
    const loading = ++generation.current;
    setFailure(undefined);
    setMore('idle');
    const done = (next: Loaded) => current && setLoaded(next);
    const failed = (error: unknown) => current && (setFailure(error), setLoaded(undefined));
    if (kind === 'accounts') source.loadAccounts({search, offset: 0}).then((view) => loading === generation.current && done({kind, view}), failed);
    else source.loadSessions().then((view) => done({kind, view}), failed);
    return () => {
      current = false;
    };
  }, [kind, source, search]);
  useEffect(load, [load]);

  const count = loaded?.kind === 'accounts' ? loaded.view.accounts.length : (loaded?.view.rows.length ?? 0);
  // A delete or a revoke can leave the selection past the end of the reloaded list.
  useEffect(() => setSelected((at) => Math.max(0, Math.min(at, count - 1))), [count]);
  const account = loaded?.kind === 'accounts' ? loaded.view.accounts[selected] : undefined;
  const row = loaded?.kind === 'sessions' ? loaded.view.rows[selected] : undefined;
  const noticeHeight = notice.length === 0 ? 0 : notice.length + 1;
  // A missing ACL holds a uuid and wraps: two rows each, so the sentence is read whole.
  const problems = loaded?.kind === 'sessions' ? loaded.view.problems.map(problemLine) : [];
  const problemsHeight = problems.length * 2;
  const searchHeight = kind === 'accounts' && (mode.kind === 'search' || search !== '') ? 1 : 0;
  const listHeight = Math.max(4, height - noticeHeight - problemsHeight - searchHeight);
  const rows = overlayRows(listHeight, true);

  // The next page of accounts comes while the selection is on the last screen of those loaded.
  const view = loaded?.kind === 'accounts' ? loaded.view : undefined;
  const wantsMore = view !== undefined && view.accounts.length < view.total && selected >= view.accounts.length - 1 - rows;
  useEffect(() => {
    if (!wantsMore || more !== 'idle' || view === undefined) return;
    const loading = generation.current;
    setMore('loading');
    source.loadAccounts({search, offset: view.accounts.length}).then(
      (next) => {
        if (loading !== generation.current) return;
        setMore('idle');
        // An account created or deleted meanwhile shifts the pages: one seen already is not listed twice.
        const known = new Set(view.accounts.map((each) => each.user.uuid));
        const added = next.accounts.filter((each) => !known.has(each.user.uuid));
        const accounts = [...view.accounts, ...added];
        // A page with nothing new ends the list, whatever the count said: a server that ignores the
        // offset would otherwise be asked for the same page again and again.
        setLoaded({kind: 'accounts', view: {accounts, total: added.length === 0 ? accounts.length : next.total}});
      },
      (error: unknown) => {
        if (loading !== generation.current) return;
        setMore('failed');
        setStatus(errorStatus(error, 'r: refresh'));
      },
    );
  }, [wantsMore, more, view, search, source, setStatus]);

  const confirm = (word: string, lines: SafeText[], run: () => Promise<SafeText[]>) => {
    setTyped('');
    setWrong(false);
    setMode({kind: 'confirm', word, lines, run});
  };

  const perform = (run: () => Promise<SafeText[]>) => {
    setMode({kind: 'list'});
    setBusy(true);
    setStatus({level: 'progress', text: safe`Working…`});
    run().then(
      (lines) => {
        setBusy(false);
        setNotice(lines);
        setStatus(undefined);
        load();
      },
      (error: unknown) => {
        setBusy(false);
        setStatus(errorStatus(error, 'r: refresh'));
        load();
      },
    );
  };

  const askDelete = () => {
    if (account) {
      const name = sanitize(account.user.username ?? account.user.uuid);
      if (account.user.purpose !== 'external_api') {
        setStatus({level: 'error', text: safe`${name} is not an API account (purpose ${sanitize(account.user.purpose ?? 'user')}): only API accounts are deleted here`});
        return;
      }
      const own = account.policies.find((policy) => policy.name === account.user.username);
      confirm('delete', [
        safe`Delete the API account ${name} (${sanitize(account.user.uuid)}): it can no longer log in.`,
        own ? safe`Its policy ${sanitize(own.name)} (${own.acl.length} ACL) is deleted too, unless another user holds it.` : safe`It holds no policy of its own name; its policies stay.`,
      ], async () => (await source.deleteAccount(account)).map((line) => sanitize(line)));
    } else if (row) {
      confirm('revoke', [safe`Revoke ${revokeWords(row)}`], async () => {
        await source.revoke(row);
        return [safe`Revoked ${sanitize(row.kind === 'refresh' ? 'the refresh token' : 'the session')} ${sanitize(row.id)}.`];
      });
    }
  };

  const act = (action: ActionId) => {
    if (busy && action !== 'app.quit') return;
    if (mode.kind === 'detail') {
      const last = Math.max(0, (account ? accountDetailLines(account).length : 0) - rows);
      const scroll = (to: number) => setMode({kind: 'detail', top: Math.max(0, Math.min(last, to))});
      if (action === 'app.back') return setMode({kind: 'list'});
      if (action === 'nav.down') return scroll(mode.top + 1);
      if (action === 'nav.up') return scroll(mode.top - 1);
      if (action === 'page.next') return scroll(mode.top + rows);
      if (action === 'page.prev') return scroll(mode.top - rows);
      if (action === 'admin.delete') return askDelete();
    }
    const move = (to: number) => setSelected(Math.max(0, Math.min(count - 1, to)));
    switch (action) {
      case 'nav.up':
        return move(selected - 1);
      case 'nav.down':
        return move(selected + 1);
      case 'page.prev':
        return move(selected - rows);
      case 'page.next':
        return move(selected + rows);
      case 'nav.first':
        return move(0);
      case 'nav.last':
        return move(count - 1);
      case 'detail.open':
        if (account) setMode({kind: 'detail', top: 0});
        return;
      case 'collection.search':
        if (kind !== 'accounts') return setStatus({level: 'info', text: safe`/ searches the accounts on :accounts`});
        setTyped(search);
        return setMode({kind: 'search'});
      case 'admin.create':
        if (kind !== 'accounts') return setStatus({level: 'info', text: safe`c creates an API account on :accounts`});
        setTyped('');
        return setMode({kind: 'name'});
      case 'admin.delete':
        return askDelete();
      case 'collection.refresh':
        setNotice([]);
        setStatus(undefined);
        return void load();
      case 'app.back':
        if (notice.length > 0) return setNotice([]);
        if (search !== '') return (setSelected(0), setSearch(''));
        return onClose();
      default:
        return onAction(action);
    }
  };

  const textOpen = mode.kind === 'name' || mode.kind === 'confirm' || mode.kind === 'search';
  const typing = mode.kind === 'name' ? 'continue' : mode.kind === 'confirm' ? mode.word : mode.kind === 'search' ? 'search' : undefined;
  // In the commit that opens the field: the footer changes in the same frame.
  useLayoutEffect(() => {
    onTyping(typing);
    return () => onTyping(undefined);
  }, [typing, onTyping]);
  useKeys(
    (input, key) => {
      const action = matchKey(input, key, 'admin');
      if (action !== undefined) act(action);
    },
    {isActive: active && !textOpen},
  );

  const inner = Math.max(10, width - 4);
  if (mode.kind === 'name' || mode.kind === 'confirm') {
    const prompt = mode.kind === 'name' ? safe`Name of the new API account (Esc cancels):` : safe`Type ${sanitize(mode.word)} and Enter to do it, Esc to cancel:`;
    const lines =
      mode.kind === 'name'
        ? [safe`It gets a policy of the same name with wazo-tui's browse preset (${source.createAcl.length} ACL, no #):`, ...source.createAcl.map((entry) => safe`  ${sanitize(entry)}`)]
        : mode.lines;
    // The field's own value: Enter can come in the same burst as the last characters, before a render.
    const submit = (value: string) => {
      if (mode.kind === 'confirm') return value.trim() === mode.word ? perform(mode.run) : setWrong(true);
      const name = value.trim();
      if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,255}$/.test(name)) return setWrong(true);
      confirm('create', [safe`Create the API account ${sanitize(name)} (purpose external_api) and its policy ${sanitize(name)} holding:`, ...lines.slice(1)], async () => {
        const {password} = await source.createAccount(name);
        return [safe`Created the API account ${sanitize(name)}. Its password, shown only now:`, safe`  ${sanitize(password)}`, safe`(Esc or r hides it)`];
      });
    };
    return (
      <Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1} overflow="hidden">
        {lines.slice(0, Math.max(1, height - 5)).map((line, index) => (
          <Box key={index} flexShrink={0}>
            <Text wrap="wrap">{line}</Text>
          </Box>
        ))}
        <Box flexGrow={1} />
        <Text bold>{truncate(prompt, inner)}</Text>
        <Box>
          <Text>{'> '}</Text>
          <TextField value={typed} width={Math.min(40, inner - 4)} focus={active} onChange={(value) => (setTyped(value), setWrong(false))} onSubmit={submit} onCancel={() => setMode({kind: 'list'})} />
          {wrong ? <Text {...theme.warn}> {mode.kind === 'confirm' ? `type the whole word: ${mode.word}` : 'letters, digits and . _ @ -'}</Text> : null}
        </Box>
      </Box>
    );
  }

  const title = kind === 'accounts' ? 'wazo-auth users' : 'Sessions and refresh tokens';
  if (failure !== undefined) {
    // Wrapped, not cut: the missing ACL is the point of the message.
    return (
      <Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1} overflow="hidden">
        <Text bold {...theme.accent}>
          {title}: not available
        </Text>
        <Text wrap="wrap">{errorStatus(failure).text}</Text>
        <Box flexGrow={1} />
        <Text {...theme.dim}>r retries · Esc closes</Text>
      </Box>
    );
  }
  if (!loaded) return <ListOverlay title={`${title}: loading…`} lines={[]} width={width} height={height} />;
  if (mode.kind === 'detail' && account) {
    const name = account.user.username ?? account.user.uuid;
    return <ListOverlay title={`Account ${sanitize(name)}`} lines={accountDetailLines(account)} top={mode.top} width={width} height={height} footer="d deletes · Esc back" />;
  }
  const lines = loaded.kind === 'accounts' ? loaded.view.accounts.map(accountLine) : loaded.view.rows.map(sessionLine);
  const pending = more === 'loading' ? ', loading more…' : more === 'failed' ? ', r reloads' : '';
  const shown = loaded.kind === 'accounts' && loaded.view.total > lines.length ? `${lines.length} of ${loaded.view.total}${pending}` : `${lines.length}`;
  // The column names are the title, two columns in like the rows (after the selection's `› `).
  const heading = `  ${loaded.kind === 'accounts' ? accountsHeader : sessionsHeader}`;
  const counted = `${title} (${shown})`;
  const searchLine =
    mode.kind === 'search' ? (
      <Box height={1} paddingX={1}>
        <Text bold>Search: </Text>
        <TextField
          value={typed}
          width={Math.max(10, Math.min(40, inner - 8))}
          focus={active}
          onChange={setTyped}
          onSubmit={(value) => (setMode({kind: 'list'}), setSelected(0), setSearch(value.trim()))}
          onCancel={() => setMode({kind: 'list'})}
        />
      </Box>
    ) : searchHeight > 0 ? (
      <Box height={1} paddingX={1}>
        <Text {...theme.dim}>{truncate(safe`search “${sanitize(search)}” on wazo-auth (username, names, email) · Esc clears · / changes`, inner)}</Text>
      </Box>
    ) : null;
  const footer = loaded.kind === 'accounts' ? `${counted} · # full access · * wildcard` : `${counted} · ◀ ours: this dashboard's`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {notice.length > 0 ? (
        <Box flexDirection="column" height={noticeHeight} paddingX={1}>
          {notice.map((line, index) => (
            <Text key={index} bold>
              {truncate(line, inner)}
            </Text>
          ))}
        </Box>
      ) : null}
      {problems.length > 0 ? (
        <Box flexDirection="column" height={problemsHeight} paddingX={1} overflow="hidden">
          {problems.map((line, index) => (
            <Text key={index} wrap="wrap" {...theme.warn}>
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
      {searchLine}
      <ListOverlay title={heading} lines={lines} selected={count === 0 ? undefined : selected} width={width} height={listHeight} footer={footer} />
    </Box>
  );
}
