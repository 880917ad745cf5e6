/**
 * First contact with a certificate no CA vouches for: every detail, the fingerprint exactly as
 * openssl prints it (wrapped on whole pairs, never cut), and the command to compare it on the PBX.
 * `y` trust and remember, `o` this time only, `n`/Esc refuse. Expired or otherwise unusable
 * certificates are explained and offer nothing.
 */
import {Box, Text} from 'ink';
import {useKeys} from '../hooks/keyboard.js';
import type {TrustChoices} from '../text/trust-choices.js';
import type {CertificateInfo} from '../api/tls/types.js';
import {certificateFields, pbxFingerprintCommand, wrapFingerprint} from '../output/certificate.js';
import {sanitize} from '../text/sanitize.js';
import {truncate} from '../text/width.js';
import {useTheme} from '../theme.js';

export type CertificateChoice = 'remember' | 'once' | 'refuse';

/** A pinned certificate as the Changed screen compares it, read from its PEM once by the app. */
export interface PinnedCertificate {
  fingerprint256: string;
  /** When it was first trusted, for people (`2026-11-28 00:52:51 UTC`). */
  trustedAt: string;
  /** Its validity period and whether it holds now. */
  validity: string;
}

/** What the certificate screens show about a refused certificate, and what they may offer. */
export interface CertificateView {
  certificate: CertificateInfo;
  /** Why it is not trusted (may hold a server's words: sanitised on screen). */
  message: string;
  hint?: string;
  choices: TrustChoices;
  pinned?: PinnedCertificate;
}

export interface CertificateProps {
  width: number;
  height: number;
  view: CertificateView;
  onChoice(choice: CertificateChoice): void;
}

export function Certificate({width, height, view, onChoice}: CertificateProps) {
  const theme = useTheme();
  const {choices, certificate: info} = view;
  useKeys((input, key) => {
    if (input === 'y' && choices.canTrust) onChoice('remember');
    else if (input === 'o' && choices.canTrustOnce) onChoice('once');
    else if (input === 'n' || input === 'q' || key.escape) onChoice('refuse');
  });
  const inner = width - 4;
  const fields = certificateFields(info);
  const labelWidth = Math.max(...fields.map(([label]) => label.length)) + 2;
  const title = choices.canTrust
    ? `The certificate of ${info.hostPort} is not trusted yet`
    : `The certificate of ${info.hostPort} cannot be trusted`;
  // Rows keep their height (flexShrink 0): on a short terminal the details are clipped as a block,
  // never drawn over each other, and the fingerprint and the choices stay on screen.
  return (
    <Box flexDirection="column" width={width} height={height} paddingX={2}>
      <Box flexShrink={0}>
        <Text bold {...(choices.canTrust ? theme.warn : theme.danger)}>
          {truncate(sanitize(title), inner)}
        </Text>
      </Box>
      <Box flexDirection="column" flexShrink={1} overflow="hidden">
        <Box height={2} flexShrink={0} overflow="hidden">
          <Text wrap="wrap">{sanitize(view.message)}</Text>
        </Box>
        <Box height={1} flexShrink={0} />
        {fields.map(([label, value]) => (
          <Box key={label} flexShrink={0}>
            <Box width={labelWidth} flexShrink={0}>
              <Text {...theme.dim}>{truncate(label, labelWidth - 1)}</Text>
            </Box>
            <Text wrap="wrap">{sanitize(value)}</Text>
          </Box>
        ))}
        <Box height={1} flexShrink={0} />
      </Box>
      <Box flexDirection="column" flexShrink={0}>
        <Text bold>SHA-256 fingerprint:</Text>
        {wrapFingerprint(info.fingerprint256, inner - 2).map((line) => (
          <Text key={line} bold {...theme.accent}>
            {'  '}
            {line}
          </Text>
        ))}
      </Box>
      <Box flexDirection="column" flexShrink={1} overflow="hidden">
        <Box height={1} flexShrink={0} />
        <Box flexShrink={0}>
          <Text>Compare it with what this prints on the PBX:</Text>
        </Box>
        <Box flexShrink={0}>
          <Text wrap="wrap">{pbxFingerprintCommand}</Text>
        </Box>
      </Box>
      <Box flexGrow={1} />
      <Box flexShrink={0}>
        {choices.canTrust ? (
          <Text wrap="wrap">
            <Text bold>y</Text> trust and remember · <Text bold>o</Text> trust this time only · <Text bold>n</Text>/Esc
            refuse (nothing is sent)
          </Text>
        ) : (
          <Text wrap="wrap">
            Nothing can be trusted here: {sanitize(view.hint ?? 'fix the certificate on the server')} · <Text bold>n</Text>/Esc back
          </Text>
        )}
      </Box>
    </Box>
  );
}
