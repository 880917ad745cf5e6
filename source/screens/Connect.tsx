/**
 * Connect and log in: server, username, password (masked, never stored), token lifetime.
 * Typing the password before the certificate is checked is fine; the App sends it only once
 * the server is trusted.
 */
import {useEffect, useRef, useState} from 'react';
import {Box, Text, useInput} from 'ink';
import type {NamedProfile} from '../config/profiles.js';
import {TextField} from '../components/TextField.js';
import {statusPrefix} from '../components/StatusLine.js';
import type {Status} from '../resources/error-status.js';
import {useTheme} from '../theme.js';
import {truncate} from '../text/width.js';
import {sanitize} from '../text/sanitize.js';

export interface ConnectValues {
  server: string;
  username: string;
  password: string;
  expiration: string;
}

export interface ConnectProps {
  width: number;
  height: number;
  initial: ConnectValues;
  profiles: NamedProfile[];
  /** Shown when the embedded demo server runs. */
  demo?: {server: string; username: string; password: string; fingerprint256: string};
  /** Work in progress ("Checking the certificate…"); fields stay editable. */
  busy?: string;
  status?: Status;
  /** Incremented by the App to clear the password (after a wrong password). */
  clearPassword: number;
  /** The server field was left with a value: check its certificate now. */
  onServerChosen(values: ConnectValues): void;
  onSubmit(values: ConnectValues): void;
}

const fields = ['server', 'username', 'password', 'expiration'] as const;
type Field = (typeof fields)[number];
const labels: Record<Field, string> = {
  server: 'Server',
  username: 'Username',
  password: 'Password',
  expiration: 'Token lifetime (s)',
};

function firstEmpty(values: ConnectValues): Field {
  return fields.find((field) => values[field] === '') ?? 'password';
}

export function Connect(props: ConnectProps) {
  const theme = useTheme();
  const [values, setValues] = useState(props.initial);
  // Keys can arrive in one burst (typed password + Enter): submit must see the latest values.
  const latest = useRef(props.initial);
  const update = (next: ConnectValues) => {
    latest.current = next;
    setValues(next);
  };
  const [focus, setFocus] = useState<Field>(() => firstEmpty(props.initial));
  const [profileIndex, setProfileIndex] = useState(-1);

  useEffect(() => {
    if (props.clearPassword === 0) return;
    update({...latest.current, password: ''});
    setFocus('password');
  }, [props.clearPassword]);

  const set = (field: Field) => (value: string) => update({...latest.current, [field]: value});
  const move = (step: number) => {
    const next = fields[(fields.indexOf(focus) + step + fields.length) % fields.length]!;
    const current = latest.current;
    if (focus === 'server' && current.server.trim() !== '') props.onServerChosen({...current, server: current.server.trim()});
    setFocus(next);
  };
  const submit = () => {
    const current = latest.current;
    const missing = fields.find((field) => current[field].trim() === '');
    if (missing) {
      setFocus(missing);
      return;
    }
    props.onSubmit({...current, server: current.server.trim(), username: current.username.trim()});
  };

  useInput((_input, key) => {
    if (key.tab) move(key.shift ? -1 : 1);
    else if (key.downArrow && focus !== 'server') move(1);
    else if (key.upArrow && focus !== 'server') move(-1);
    else if (focus === 'server' && (key.upArrow || key.downArrow) && props.profiles.length > 0) {
      // Up/Down in the server field walk the remembered profiles.
      const count = props.profiles.length;
      const step = key.downArrow ? 1 : -1;
      const index = profileIndex < 0 ? (step > 0 ? 0 : count - 1) : (profileIndex + step + count) % count;
      const profile = props.profiles[index]!;
      setProfileIndex(index);
      const current = latest.current;
      update({
        ...current,
        server: profile.server,
        username: profile.username ?? current.username,
        expiration: profile.expiration ? String(profile.expiration) : current.expiration,
      });
    }
  });

  const labelWidth = Math.max(...fields.map((field) => labels[field].length)) + 2;
  const fieldWidth = Math.max(10, Math.min(60, props.width - labelWidth - 6));
  // The title and the fields keep their rows (flexShrink 0); on a short terminal the blank lines,
  // hints and the status give way (clipped, never drawn over the fields).
  return (
    <Box flexDirection="column" width={props.width} height={props.height} paddingX={2} paddingY={1}>
      <Box flexShrink={0}>
        <Text bold {...theme.accent}>
          wazo-tui — connect to a Wazo server
        </Text>
      </Box>
      <Box height={1} flexShrink={1} />
      {props.demo ? (
        <Box flexDirection="column" flexShrink={0} marginBottom={1}>
          <Text>{truncate(`Demo server ${props.demo.server}  user ${props.demo.username}  password ${props.demo.password}`, props.width - 4)}</Text>
          <Text>{truncate(`its certificate: SHA256 ${props.demo.fingerprint256}`, props.width - 4)}</Text>
        </Box>
      ) : null}
      {fields.map((field) => (
        <Box key={field} flexShrink={0}>
          <Text {...(focus === field ? theme.accent : {})}>{focus === field ? '› ' : '  '}</Text>
          <Box width={labelWidth}>
            <Text bold={focus === field}>{labels[field]}</Text>
          </Box>
          <TextField
            value={values[field]}
            onChange={set(field)}
            onSubmit={field === 'password' || field === 'expiration' ? submit : () => move(1)}
            mask={field === 'password'}
            focus={focus === field}
            width={fieldWidth}
            placeholder={field === 'server' ? 'pbx.example.com[:port]' : ''}
          />
        </Box>
      ))}
      <Box height={1} flexShrink={1} />
      <Box flexDirection="column" flexShrink={1} overflow="hidden">
        {props.profiles.length > 0 ? (
          <Text {...theme.dim}>
            {truncate(`Profiles (↑↓ in Server): ${props.profiles.map((p) => (p.name === p.server ? sanitize(p.name) : `${sanitize(p.name)} (${sanitize(p.server)})`)).join(', ')}`, props.width - 4)}
          </Text>
        ) : null}
        <Text {...theme.dim}>{truncate('Tab/↑↓ move · Enter log in · Ctrl-C quit · the password is never stored', props.width - 4)}</Text>
      </Box>
      <Box flexGrow={1} />
      {props.busy ? (
        <Box flexShrink={0}>
          <Text>{truncate(`… ${props.busy}`, props.width - 4)}</Text>
        </Box>
      ) : null}
      {props.status ? <ConnectStatus status={props.status} width={props.width - 4} /> : null}
    </Box>
  );
}

/**
 * The outcome of the last attempt, wrapped rather than cut: this screen has room, and both the
 * message (which address failed, what was refused) and the hint matter here.
 */
function ConnectStatus({status, width}: {status: Status; width: number}) {
  const theme = useTheme();
  const style = status.level === 'error' ? theme.danger : status.level === 'warn' ? theme.warn : status.level === 'progress' ? theme.dim : {};
  return (
    <Box flexDirection="column" width={width} flexShrink={1} overflow="hidden">
      <Text wrap="wrap" {...style}>
        {statusPrefix[status.level] + status.text}
      </Text>
      {status.hint ? (
        <Text wrap="wrap" {...theme.dim}>
          {status.hint}
        </Text>
      ) : null}
    </Box>
  );
}
