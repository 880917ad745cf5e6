/**
 * Type-level proof that the components refuse raw server strings: every line marked
 * `@ts-expect-error` must fail to compile. If a prop started accepting a plain `string`, the
 * directive would be unused and tsc (`npm run typecheck`, and test/components/safe-text.test.ts)
 * would fail.
 */
import {Header} from '../../source/components/Header.js';
import {StatusLine} from '../../source/components/StatusLine.js';
import {Table} from '../../source/components/Table.js';
import {ListOverlay} from '../../source/screens/ListOverlay.js';
import {safe, sanitize} from '../../source/text/sanitize.js';
import {truncate} from '../../source/text/width.js';

export function rawServerStrings(raw: string) {
  const clean = sanitize(raw);
  return [
    // @ts-expect-error a table cell must be SafeText
    <Table columns={[]} rows={[{key: 'k', cells: [raw]}]} selected={0} width={10} height={1} />,
    <Table columns={[]} rows={[{key: 'k', cells: [clean]}]} selected={0} width={10} height={1} />,
    // @ts-expect-error the server name must be SafeText
    <Header width={80} server={raw} />,
    // @ts-expect-error the user name must be SafeText
    <Header width={80} server={clean} user={raw} />,
    // @ts-expect-error the tenant name must be SafeText
    <Header width={80} server={clean} tenant={raw} />,
    <Header width={80} server={clean} user={clean} tenant={truncate(clean, 10)} />,
    // @ts-expect-error a status text must be SafeText
    <StatusLine width={80} status={{level: 'error', text: raw}} />,
    // @ts-expect-error a status hint must be SafeText
    <StatusLine width={80} status={{level: 'error', text: clean, hint: raw}} />,
    <StatusLine width={80} status={{level: 'error', text: safe`Failed: ${clean}`, hint: safe`r: retry`}} />,
    // @ts-expect-error overlay lines must be SafeText
    <ListOverlay title="t" lines={[raw]} width={40} height={10} />,
    <ListOverlay title="t" lines={[clean]} width={40} height={10} />,
  ];
}

// @ts-expect-error a plain string concatenated with SafeText is a plain string again
export const concatenated: ReturnType<typeof sanitize> = `${sanitize('a')}${'b'}`;
