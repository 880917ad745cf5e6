/**
 * The dashboard's top: which screen shows (connect, certificate, main), the connection and
 * session behind them, and the one quit path. Network work is in connect-flow; screens only
 * get values and callbacks.
 */
import {useEffect, useRef, useState} from 'react';
import {useApp, useWindowSize} from 'ink';
import type {WazoClient} from '../api/contract.js';
import {CertificateError} from '../api/tls/trust-errors.js';
import type {TuiCommand} from '../cli/args.js';
import type {NamedProfile, ProfileStore} from '../config/profiles.js';
import {KeyboardProvider, useKeyboard} from '../hooks/keyboard.js';
import {TooSmall} from '../components/TooSmall.js';
import {MIN_HEIGHT, MIN_WIDTH} from '../components/layout.js';
import {errorStatus, type Status} from '../resources/error-status.js';
import type {CertificateChoice, CertificateView} from '../screens/Certificate.js';
import {Connect, type ConnectValues} from '../screens/Connect.js';
import type {Session} from '../session/session.js';
import {safe, sanitize} from '../text/sanitize.js';
import {ThemeContext, makeTheme} from '../theme.js';
import {certificateView} from './certificate-view.js';
import {acceptCertificate, checkTrust, isCredentialError, logIn, type ConnectContext} from './connect-flow.js';
import type {DemoInfo} from './demo.js';
import {Dashboard} from './Dashboard.js';
import {defaultExpiration, initialValues, startupStatus} from './connect-values.js';
import {CertificateQuestion, Waiting} from './PhaseScreens.js';
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
  | {kind: 'certificate'; error: CertificateError; view: CertificateView; server: string}
  | {kind: 'main'; session: Session; client: WazoClient; server: string; profile?: NamedProfile}
  | {kind: 'quitting'};

/** How long quitting waits for an abandoned login's answer, to revoke it. */
const abandonedLoginWaitMs = 2000;

/** The dashboard, with one keyboard reader for every screen (Ctrl-C quits from any of them). */
export function App(props: AppProps) {
  return (
    <KeyboardProvider onInterrupt={() => props.quitter.quit(130)}>
      <Screens {...props} />
    </KeyboardProvider>
  );
}

function Screens({command, configDir, profiles, notices = [], color, startDemo, quitter, size}: AppProps) {
  const {exit} = useApp();
  const keyboard = useKeyboard();
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
  /** Bumped by every certificate check and by quitting: the answer of an older check is dropped. */
  const probes = useRef(0);
  /** The login under way (check, decision, login): one at a time, a submit meanwhile is ignored. */
  const loginRun = useRef<Promise<void>>(undefined);

  useEffect(() => {
    quitter.register(async () => {
      setPhase({kind: 'quitting'});
      // A login in flight is abandoned: its answer, if it comes within the limit, is revoked.
      probes.current++;
      const running = loginRun.current;
      if (running) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, abandonedLoginWaitMs))]);
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

  async function chooseServer(server: string): Promise<boolean> {
    const probe = ++probes.current;
    setBusy(`Checking the certificate of ${server}…`);
    try {
      const outcome = await checkTrust(context.current, server, (hostPort) => {
        if (probe === probes.current) setBusy(`Checking the certificate of ${hostPort}…`);
      });
      // A newer check (another server) or a quit abandoned this one: its answer is dropped.
      if (probe !== probes.current) return false;
      if (outcome.kind === 'decide') {
        // Keys typed before the question was on screen must not answer it.
        keyboard.drop();
        setPhase({kind: 'certificate', error: outcome.error, view: certificateView(outcome.error), server});
        return false;
      }
      return true;
    } catch (error) {
      if (probe !== probes.current) return false;
      pending.current = undefined;
      keyboard.drop();
      setStatus(errorStatus(error));
      return false;
    } finally {
      if (probe === probes.current) setBusy(undefined);
    }
  }

  /** Run one login at a time: while one runs (Enter pressed twice, a burst of keys), another is ignored. */
  function oneLogin(work: () => Promise<void>): void {
    if (loginRun.current || quitter.quitting) return;
    const run = work().finally(() => {
      if (loginRun.current === run) loginRun.current = undefined;
    });
    loginRun.current = run;
  }

  function submit(submitted: ConnectValues) {
    oneLogin(async () => {
      setValues(submitted);
      setStatus(undefined);
      const expiration = Number(submitted.expiration);
      if (!Number.isInteger(expiration) || expiration < 1 || expiration > 315360000) {
        setStatus({level: 'error', text: safe`The token lifetime is a number of seconds from 1 to 315360000`});
        return;
      }
      pending.current = submitted;
      // Keys typed after Enter are for the next screen: they wait for it, or go if the login fails.
      keyboard.hold();
      if (!(await chooseServer(submitted.server))) return;
      await login();
    });
  }

  async function login() {
    const submitted = pending.current;
    pending.current = undefined;
    if (!submitted) return;
    keyboard.hold();
    setBusy(`Logging in to ${submitted.server} as ${submitted.username}…`);
    try {
      const {session, client, profile, warning} = await logIn(context.current, {...submitted, expiration: Number(submitted.expiration)});
      if (quitter.quitting) {
        // Nobody will use this session: its tokens are revoked rather than left valid.
        await session.end();
        return;
      }
      sessionRef.current = session;
      quitter.track(() => session.end());
      setValues({...submitted, password: ''});
      setStatus(warning === undefined ? undefined : {level: 'warn', text: sanitize(warning)});
      setPhase({kind: 'main', session, client, server: submitted.server, profile});
      keyboard.release();
    } catch (error) {
      keyboard.drop();
      if (quitter.quitting) return;
      if (error instanceof CertificateError) {
        setPhase({kind: 'certificate', error, view: certificateView(error), server: submitted.server});
        pending.current = submitted;
      } else {
        if (isCredentialError(error)) setClearPassword((n) => n + 1);
        setStatus(errorStatus(error));
      }
    } finally {
      setBusy(undefined);
    }
  }

  function decide(server: string, error: CertificateError, choice: CertificateChoice | 'replace') {
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
    // Check the next host (confd may live elsewhere), then log in if a password waits.
    oneLogin(async () => {
      if (await chooseServer(server)) await login();
    });
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
    screen = <Waiting width={columns} height={rows} text={phase.kind === 'starting' ? 'Starting the embedded demo server…' : 'Revoking the token and leaving…'} />;
  } else if (phase.kind === 'certificate') {
    screen = <CertificateQuestion width={columns} height={rows} error={phase.error} view={phase.view} onDecide={(choice) => decide(phase.server, phase.error, choice)} />;
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
          // While a login runs its own check stands; a new one would abandon it.
          if (!loginRun.current) void chooseServer(typed.server);
        }}
        onSubmit={(submitted) => submit(submitted)}
      />
    );
  }
  return <ThemeContext.Provider value={theme}>{screen}</ThemeContext.Provider>;
}
