/**
 * A pinned server now shows another certificate: a loud screen with both fingerprints and both
 * validity periods. There is no one-key accept: replacing the pin takes typing `replace`.
 */
import {useState} from 'react';
import {Box, Text} from 'ink';
import {TextField} from '../components/TextField.js';
import {pbxFingerprintCommand, validity, wrapFingerprint} from '../output/certificate.js';
import {sanitize} from '../text/sanitize.js';
import {truncate} from '../text/width.js';
import {useTheme} from '../theme.js';
import type {CertificateView} from './Certificate.js';

export interface CertificateChangedProps {
  width: number;
  height: number;
  view: CertificateView;
  onReplace(): void;
  onRefuse(): void;
}

export function CertificateChanged({width, height, view, onReplace, onRefuse}: CertificateChangedProps) {
  const theme = useTheme();
  const [typed, setTyped] = useState('');
  const [wrong, setWrong] = useState(false);
  const info = view.certificate;
  const pin = view.pinned;
  const inner = width - 4;
  const fingerprint = (label: string, value: string) => (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold>{label}</Text>
      {wrapFingerprint(value, inner - 2).map((line) => (
        <Text key={line}>
          {'  '}
          {line}
        </Text>
      ))}
    </Box>
  );
  // Rows keep their height (flexShrink 0): on a short terminal the explanations are clipped,
  // never drawn over each other, and both fingerprints and the prompt stay on screen.
  return (
    <Box flexDirection="column" width={width} height={height} paddingX={2}>
      <Box flexShrink={0}>
        <Text bold inverse {...theme.danger}>
          {truncate(` @@@ WARNING: THE CERTIFICATE OF ${info.hostPort} HAS CHANGED @@@ `, inner)}
        </Text>
      </Box>
      <Box flexShrink={1} overflow="hidden">
        <Text wrap="wrap">
          Nothing was sent. Either the certificate was regenerated on the PBX, or someone is in the middle of the
          connection.
        </Text>
      </Box>
      {pin ? fingerprint(`Pinned (trusted ${pin.trustedAt}), valid ${pin.validity}:`, pin.fingerprint256) : null}
      {fingerprint(`Offered now, valid ${validity(info)}:`, info.fingerprint256)}
      <Box flexDirection="column" flexShrink={1} overflow="hidden">
        <Box flexShrink={0}>
          <Text>{truncate(`Offered certificate: ${sanitize(info.subjectCN ?? info.subject)}, issued by ${sanitize(info.issuerCN ?? info.issuer)}`, inner)}</Text>
        </Box>
        <Box flexShrink={0}>
          <Text wrap="wrap">Check on the PBX: {pbxFingerprintCommand}</Text>
        </Box>
      </Box>
      <Box flexGrow={1} />
      <Box flexShrink={0}>
        <Text wrap="wrap">
          Type <Text bold>replace</Text> and Enter to trust the new certificate, Esc to refuse:
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text>{'> '}</Text>
        <TextField
          value={typed}
          width={20}
          focus
          onChange={(value) => {
            setTyped(value);
            setWrong(false);
          }}
          onSubmit={() => (typed.trim() === 'replace' ? onReplace() : setWrong(true))}
          onCancel={onRefuse}
        />
        {wrong ? <Text {...theme.warn}> type the whole word: replace</Text> : null}
      </Box>
    </Box>
  );
}
