/**
 * The first frame: a splash drawn at once, while the rest of the dashboard (client, TLS, zod,
 * conf, screens) loads in the background. Importing all of it before drawing would cost more
 * than the 150 ms first-frame budget.
 */
import {useEffect, useState, type ComponentType} from 'react';
import {Box, Text, useApp, useWindowSize} from 'ink';
import type {AppProps} from './App.js';

export type BootProps = Omit<AppProps, 'profiles' | 'notices'>;

export function Boot(props: BootProps) {
  const {exit, waitUntilRenderFlush} = useApp();
  const {columns, rows} = useWindowSize();
  const [Loaded, setLoaded] = useState<ComponentType<BootProps>>();
  useEffect(() => {
    // Load only once the splash is on the terminal: loading blocks the event loop for a while.
    waitUntilRenderFlush()
      .then(() => Promise.all([import('./App.js'), import('./open-settings.js')]))
      .then(([{App}, {openSettings}]) => {
        const {profiles, notices} = openSettings(props.configDir);
        setLoaded(() => (appProps: BootProps) => <App {...appProps} profiles={profiles} notices={notices} />);
      })
      .catch((error: unknown) => exit(error instanceof Error ? error : new Error(String(error))));
  }, []);
  if (Loaded) return <Loaded {...props} />;
  return (
    <Box width={columns} height={rows} flexDirection="column" paddingX={2} paddingY={1}>
      <Text bold>wazo-tui</Text>
      <Text>{props.startDemo ? 'Starting the embedded demo server…' : 'Starting…'}</Text>
    </Box>
  );
}
