/**
 * The dashboard's top: which screen shows (connect, certificate, main), the connection and
 * session behind them, and the one quit path. Network work is in connect-flow; screens only
 * get values and callbacks.
 */
import {useEffect, useRef, useState} from 'react';
import {Box, Text, useApp, useInput, useWindowSize} from 'ink';
import type {WazoClient} from '../api/contract.js';
import {CertificateError} from '../api/tls/trust-errors.js';
import type {TuiCommand} from '../cli/args.js';
import type {NamedProfile, ProfileStore} from '../config/profiles.js';
import {TooSmall} from '../components/TooSmall.js';
import {MIN_HEIGHT, MIN_WIDTH} from '../components/layout.js';
import {errorStatus, type Status} from '../resources/error-status.js';
import {Certificate, type CertificateChoice, type CertificateView} from '../screens/Certificate.js';
import {CertificateChanged} from '../screens/CertificateChanged.js';
import {Connect, type ConnectValues} from '../screens/Connect.js';
import type {Session} from '../session/session.js';
import {safe, sanitize} from '../text/sanitize.js';
import {ThemeContext, makeTheme} from '../theme.js';
import {certificateView} from './certificate-view.js';
import {acceptCertificate, checkTrust, isCredentialError, logIn, type ConnectContext} from './connect-flow.js';
import type {DemoInfo} from './demo.js';
import {Dashboard} from './Dashboard.js';
import type {Quitter} from './quit.js';

export interface AppProps {
  command: TuiCommand;
  configDir: string;
  profiles: ProfileStore;
  /** What opening the settings files found, said on the first screen. */
  notices?: readonly string[];
  color: boolean;
  startDemo?: () => Promise<DemoInfo>;
  quitter: Quitter;
  /** The terminal size; default the real terminal's (tests pass one: their fake stdout has no rows). */
  size?: {columns: number; rows: number};
}

type Phase =
  | {kind: 'starting'}
  | {kind: 'connect'}
  | {kind: 'certificate'; error: CertificateError; view: CertificateView}
  | {kind: 'main'; session: Session; client: WazoClient; server: string; profile?: NamedProfile}
  | {kind: 'quitting'};

const defaultExpiration = 3600;

export function App({command, configDir, profiles, notices = [], color, startDemo, quitter, size}: AppProps) {
  const {exit} = useApp();
  const windowSize = useWindowSize();
  const {columns, rows} = size ?? windowSize;
  const [phase, setPhase] = useState<Phase>(startDemo ? {kind: 'starting'} : {kind: 'connect'});
  const [demo, setDemo] = useState<DemoInfo>();
  const [busy, setBusy] = useState<string>();
  // What opening the settings found (a broken profiles file moved aside, a migration, a damaged pin store).
  const [status, setStatus] = useState<Status | undefined>(() => startupStatus(notices));
  const [clearPassword, setClearPassword] = useState(0);
  const [values, setValues] = useState<ConnectValues>(() => initialValues(command, profiles));
  const context = useRef<ConnectContext>({
    configDir,
    caFiles: command.caFiles,
    authUrl: command.authUrl,
    confdUrl: command.confdUrl,
    profiles,
    profile: command.profile,
    trusted: new Set(),
  });
  /** The login waiting for a certificate decision: the password lives here only until it is sent or dropped. */
  const pending = useRef<ConnectValues>(undefined);
  const sessionRef = useRef<Session>(undefined);

  useEffect(() => {
    quitter.register(async () => {
      setPhase({kind: 'quitting'});
      await quitter.cleanup();
      context.current.connection?.client.close();
      exit();
    });
  }, []);

  useEffect(() => {
    if (!startDemo) return;
    startDemo().then(
      (info) => {
        setDemo(info);
        const next = {server: info.server, username: info.username, password: info.password, expiration: String(defaultExpiration)};
        setValues(next);
        setPhase({kind: 'connect'});
        void chooseServer(info.server);
      },
      (error: unknown) => {
        setPhase({kind: 'connect'});
        setStatus({level: 'error', text: safe`The demo server did not start: ${sanitize((error as Error).message)}`});
      },
    );
  }, []);

  useEffect(() => {
    // With a server (or a profile) on the command line, check its certificate right away, as ssh does.
    if (!startDemo && values.server !== '' && (command.server || command.profile)) void chooseServer(values.server);
  }, []);

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') quitter.quit(130);
    },
    {isActive: phase.kind !== 'main'},
  );

  async function chooseServer(server: string): Promise<boolean> {
    setBusy(`Checking the certificate of ${server}…`);
    try {
      const outcome = await checkTrust(context.current, server);
      if (outcome.kind === 'decide') {
        setPhase({kind: 'certificate', error: outcome.error, view: certificateView(outcome.error)});
        return false;
      }
      return true;
    } catch (error) {
      pending.current = undefined;
      setStatus(errorStatus(error));
      return false;
    } finally {
      setBusy(undefined);
    }
  }

  async function submit(submitted: ConnectValues) {
    setValues(submitted);
    setStatus(undefined);
    const expiration = Number(submitted.expiration);
    if (!Number.isInteger(expiration) || expiration < 1 || expiration > 315360000) {
      setStatus({level: 'error', text: safe`The token lifetime is a number of seconds from 1 to 315360000`});
      return;
    }
    pending.current = submitted;
    if (!(await chooseServer(submitted.server))) return;
    await login();
  }

  async function login() {
    const submitted = pending.current;
    pending.current = undefined;
    if (!submitted) return;
    setBusy(`Logging in to ${submitted.server} as ${submitted.username}…`);
    try {
      const {session, client, profile, warning} = await logIn(context.current, {...submitted, expiration: Number(submitted.expiration)});
      sessionRef.current = session;
      quitter.track(() => session.end());
      setValues({...submitted, password: ''});
      setStatus(warning === undefined ? undefined : {level: 'warn', text: sanitize(warning)});
      setPhase({kind: 'main', session, client, server: submitted.server, profile});
    } catch (error) {
      if (error instanceof CertificateError) {
        setPhase({kind: 'certificate', error, view: certificateView(error)});
        pending.current = submitted;
      } else {
        if (isCredentialError(error)) setClearPassword((n) => n + 1);
        setStatus(errorStatus(error));
      }
    } finally {
      setBusy(undefined);
    }
  }

  function decide(error: CertificateError, choice: CertificateChoice | 'replace') {
    if (choice === 'refuse') {
      pending.current = undefined;
      setPhase({kind: 'connect'});
      setStatus({level: 'warn', text: safe`Certificate of ${sanitize(error.certificate.hostPort)} refused: nothing was sent to it.`});
      return;
    }
    acceptCertificate(context.current, error, choice !== 'once');
    setPhase({kind: 'connect'});
    setStatus({
      level: 'info',
      text:
        choice === 'once'
          ? safe`Trusted ${sanitize(error.certificate.hostPort)} for this run only.`
          : safe`Pinned ${sanitize(error.certificate.hostPort)}: SHA256 ${sanitize(error.certificate.fingerprint256)}`,
    });
    void login();
  }

  async function logout(): Promise<boolean> {
    const session = sessionRef.current;
    sessionRef.current = undefined;
    quitter.track(undefined);
    setPhase({kind: 'connect'});
    setBusy('Logging out…');
    try {
      await session?.logout();
      setStatus({level: 'info', text: safe`Logged out: the token and this installation’s refresh token were revoked.`});
      return true;
    } catch (error) {
      setStatus(errorStatus(error));
      return false;
    } finally {
      setBusy(undefined);
    }
  }

  /** `:ctx NAME`: log out of this server (tokens revoked), then trust and log in to the profile's. */
  async function switchProfile(name: string) {
    const next = profiles.get(name);
    if (!next) return;
    // The Connect screen mounts with these values: set them before it shows.
    setValues({server: next.server, username: next.username ?? '', password: '', expiration: String(next.expiration ?? defaultExpiration)});
    const loggedOut = await logout();
    // Command-line URLs and CA files were for the first server; the profile's own apply now.
    Object.assign(context.current, {profile: name, caFiles: [], authUrl: undefined, confdUrl: undefined});
    const user = next.username ? `${next.username}@` : '';
    if (loggedOut) setStatus({level: 'info', text: safe`Logged out (tokens revoked). Profile ${sanitize(name)}: the password of ${sanitize(user + next.server)}.`});
    await chooseServer(next.server);
  }

  const theme = makeTheme(color);
  let screen;
  // Main shows the too-small message itself, so its table, selection and open records survive a resize.
  if (phase.kind !== 'main' && (columns < MIN_WIDTH || rows < MIN_HEIGHT)) {
    screen = <TooSmall width={columns} height={rows} />;
  } else if (phase.kind === 'starting' || phase.kind === 'quitting') {
    screen = (
      <Box width={columns} height={rows} flexDirection="column" paddingX={2} paddingY={1}>
        <Text bold>wazo-tui</Text>
        <Text>{phase.kind === 'starting' ? 'Starting the embedded demo server…' : 'Revoking the token and leaving…'}</Text>
      </Box>
    );
  } else if (phase.kind === 'certificate') {
    const error = phase.error;
    screen =
      error.kind === 'cert-changed' ? (
        <CertificateChanged
          width={columns}
          height={rows}
          view={phase.view}
          onReplace={() => decide(error, 'replace')}
          onRefuse={() => decide(error, 'refuse')}
        />
      ) : (
        <Certificate width={columns} height={rows} view={phase.view} onChoice={(choice) => decide(error, choice)} />
      );
  } else if (phase.kind === 'main') {
    screen = (
      <Dashboard
        width={columns}
        height={rows}
        server={sanitize(phase.server)}
        session={phase.session}
        client={phase.client}
        onQuit={(code) => quitter.quit(code)}
        onLogout={() => void logout()}
        profile={phase.profile}
        profiles={profiles.list().map((each) => each.name)}
        onSwitchProfile={(name) => void switchProfile(name)}
        tabCycle={profiles.preferences().tabCycle}
      />
    );
  } else {
    screen = (
      <Connect
        width={columns}
        height={rows}
        initial={values}
        profiles={profiles.list()}
        demo={demo}
        busy={busy}
        status={status}
        clearPassword={clearPassword}
        onServerChosen={(typed) => {
          setValues(typed);
          void chooseServer(typed.server);
        }}
        onSubmit={(submitted) => void submit(submitted)}
      />
    );
  }
  return <ThemeContext.Provider value={theme}>{screen}</ThemeContext.Provider>;
}

/** The notices of opening the settings, as the Connect screen's first status. */
function startupStatus(notices: readonly string[]): Status | undefined {
  return notices.length === 0 ? undefined : {level: 'warn', text: sanitize(notices.join(' '))};
}

function initialValues(command: TuiCommand, profiles: ProfileStore): ConnectValues {
  const profile = command.profile ? profiles.get(command.profile) : command.server ? profiles.forServer(command.server) : profiles.current();
  return {
    server: command.server ?? profile?.server ?? '',
    username: command.username ?? profile?.username ?? '',
    password: '',
    expiration: String(command.expiration ?? profile?.expiration ?? defaultExpiration),
  };
}

