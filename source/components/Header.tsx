/**
 * The top of the main screen: where you are (profile, server, user, tenant, recurse) and how long
 * the token lasts, on one line; a second line warns when the token grants full access (`#` ACL).
 * Every level of the countdown has a text cue as well as a style, so it reads without colour.
 */
import {Box} from 'ink';
import type {SafeText} from '../text/sanitize.js';
import {useTheme, type Theme} from '../theme.js';
import {truncate} from '../text/width.js';
import {Line, fitSegments, segmentsWidth, type Segment} from './Segments.js';

/** The most columns the profile name takes in the header. */
const profileColumns = 20;

/** How close the token is to its end: `warn` under 5 minutes, `critical` under 1. */
export type ExpiresLevel = 'ok' | 'warn' | 'critical' | 'expired';

/** Props of {@link Header}. */
export interface HeaderProps {
  width: number;
  /** The profile logged in with (`prod · pbx.example.com`); a name from the hand-edited profiles file, so sanitised too. */
  profile?: SafeText;
  server: SafeText;
  user?: SafeText;
  tenant?: SafeText;
  /** Sub-tenants are included in the lists. */
  recurse?: boolean;
  /** Countdown as `M:SS` or `H:MM:SS`; no countdown when absent. */
  expiresText?: string;
  expiresLevel?: ExpiresLevel;
  /** The token's ACL contains `#`. */
  fullAccess?: boolean;
}

/** Text appended to the countdown for each level. */
export const expiresCue: Readonly<Record<ExpiresLevel, string>> = {ok: '', warn: ' !', critical: ' !!', expired: ' !!'};

/** The screen header (see the module comment): one line, two with the full-access warning. */
export function Header({width, profile, server, user, tenant, recurse = false, expiresText, expiresLevel = 'ok', fullAccess = false}: HeaderProps) {
  const theme = useTheme();
  const left: Segment[] = [{text: 'wazo-tui', style: {bold: true, ...theme.accent}}];
  // A profile name may be 64 long: cut here so that it never pushes the server off an 80-column line.
  if (profile !== undefined) left.push({text: ` ${truncate(profile, profileColumns)}`, style: {bold: true}}, {text: ' ·'});
  left.push({text: ` ${server}`});
  if (user !== undefined) left.push({text: ` · ${user}`});
  if (tenant !== undefined) left.push({text: ` · tenant ${tenant}`});
  if (recurse) left.push({text: ' [recurse]', style: {bold: true, ...theme.accent}});
  const right = expiresText === undefined ? [] : countdown(expiresText, expiresLevel, theme);
  const rightFitted = fitSegments(right, width);
  const leftFitted = fitSegments(left, Math.max(0, width - segmentsWidth(rightFitted) - 1));
  const gap = Math.max(0, width - segmentsWidth(leftFitted) - segmentsWidth(rightFitted));
  const line = [...leftFitted, ...(rightFitted.length > 0 ? [{text: ' '.repeat(gap)}, ...rightFitted] : [])];
  return (
    <Box flexDirection="column" width={width}>
      <Line segments={line} width={width} />
      {fullAccess ? <Line segments={[{text: '⚠ token grants full access (#)', style: {bold: true, ...theme.danger}}]} width={width} /> : null}
    </Box>
  );
}

function countdown(text: string, level: ExpiresLevel, theme: Theme): Segment[] {
  const label = level === 'expired' ? 'token expired' : `expires in ${text}`;
  const style = {ok: {}, warn: {bold: true, ...theme.warn}, critical: {bold: true, ...theme.danger}, expired: {inverse: true, ...theme.danger}}[level];
  return [{text: label + expiresCue[level], style}];
}

/** Number of lines {@link Header} takes. */
export function headerHeight(fullAccess: boolean): number {
  return fullAccess ? 2 : 1;
}
