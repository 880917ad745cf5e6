/**
 * The session ended (token expired and not renewable, or revoked): ask for the password only,
 * over the current screen. Requests made meanwhile wait and then go on, so the table, page,
 * selection and search are all where they were. Ctrl-C quits (130) here as everywhere: the
 * keyboard reader (hooks/keyboard.tsx) takes it before any field.
 */
import {useState} from 'react';
import {Box, Text} from 'ink';
import {TextField} from '../components/TextField.js';
import {useSession, type SessionView} from '../hooks/use-session.js';
import {errorStatus} from '../resources/error-status.js';
import {sanitize} from '../text/sanitize.js';
import {truncate} from '../text/width.js';
import {useTheme} from '../theme.js';

export interface PasswordPromptProps {
  session: SessionView;
  width: number;
  height: number;
}

export function PasswordPrompt({session, width, height}: PasswordPromptProps) {
  const theme = useTheme();
  const snapshot = useSession(session);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const inner = Math.max(10, Math.min(70, width - 4));
  const why = snapshot.lastError ? sanitize(snapshot.lastError.message) : 'The token expired.';
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="double" paddingX={1} overflow="hidden">
      <Text bold {...theme.warn}>
        {truncate('Session ended — log in again to carry on where you were', inner)}
      </Text>
      <Text wrap="wrap">{why}</Text>
      <Text> </Text>
      <Box>
        <Text>{truncate(`Password for ${sanitize(snapshot.username ?? '')}: `, inner - 12)}</Text>
        <TextField
          value={password}
          mask
          focus={!busy}
          width={20}
          onChange={setPassword}
          onSubmit={(typed) => {
            if (typed === '') return;
            setBusy(true);
            setProblem(undefined);
            session.relogin(typed).then(
              () => {
                setBusy(false);
                setPassword('');
              },
              (error: unknown) => {
                setBusy(false);
                setPassword('');
                setProblem(errorStatus(error).text);
              },
            );
          }}
        />
      </Box>
      {busy ? <Text>… logging in</Text> : null}
      {problem ? <Text {...theme.danger}>{truncate(`✗ ${problem}`, inner)}</Text> : null}
      <Box flexGrow={1} />
      <Text {...theme.dim}>{truncate('Enter log in · Ctrl-C quit', inner)}</Text>
    </Box>
  );
}
