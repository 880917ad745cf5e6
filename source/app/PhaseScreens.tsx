/**
 * The App's smaller screens: the wait while the demo starts or the tokens are revoked, and the
 * certificate question (the loud Changed screen for a changed pin, the Certificate screen otherwise).
 */
import {Box, Text} from 'ink';
import type {CertificateError} from '../api/tls/trust-errors.js';
import {Certificate, type CertificateChoice, type CertificateView} from '../screens/Certificate.js';
import {CertificateChanged} from '../screens/CertificateChanged.js';

export function Waiting({width, height, text}: {width: number; height: number; text: string}) {
  return (
    <Box width={width} height={height} flexDirection="column" paddingX={2} paddingY={1}>
      <Text bold>wazo-tui</Text>
      <Text>{text}</Text>
    </Box>
  );
}

export interface CertificateQuestionProps {
  width: number;
  height: number;
  error: CertificateError;
  view: CertificateView;
  onDecide(choice: CertificateChoice | 'replace'): void;
}

export function CertificateQuestion({width, height, error, view, onDecide}: CertificateQuestionProps) {
  return error.kind === 'cert-changed' ? (
    <CertificateChanged width={width} height={height} view={view} onReplace={() => onDecide('replace')} onRefuse={() => onDecide('refuse')} />
  ) : (
    <Certificate width={width} height={height} view={view} onChoice={onDecide} />
  );
}
