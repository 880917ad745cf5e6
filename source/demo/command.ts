/** `wazo-tui demo-server`: start the demo server and print how to reach it, and what is wrong with it on purpose. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {X509Certificate} from 'node:crypto';
import {startDemoServer, type DemoServer, type DemoServerOptions, type FaultRule} from './server.js';
import {describeFault} from './fault-spec.js';
import {requestsOf} from './faults.js';
import {CONSOLE_HELP} from './console.js';
import {shellWord} from '../text/shell-word.js';

/** A demo server started from the command line, with the CA file it wrote (CA modes). */
export interface RunningDemo {
  server: DemoServer;
  /** The issuing CA as a PEM file, for `--ca-file`; removed by close(). */
  caFile?: string;
  close(): Promise<void>;
}

/** Start the server and print its URLs, accounts, certificates, CA file, faults and ready-made command lines. */
export async function runDemoServerCommand(options: DemoServerOptions, io: {stdout: NodeJS.WritableStream}): Promise<RunningDemo> {
  const server = await startDemoServer(options);
  let caDirectory: string | undefined;
  let caFile: string | undefined;
  if (server.authority) {
    caDirectory = mkdtempSync(join(tmpdir(), 'wazo-tui-demo-ca-'));
    caFile = join(caDirectory, 'ca.pem');
    writeFileSync(caFile, server.authority.certPem);
  }
  io.stdout.write(describeServer(server, caFile, options).join('\n') + '\n');
  return {
    server,
    ...(caFile ? {caFile} : {}),
    async close() {
      await server.close();
      if (caDirectory) rmSync(caDirectory, {recursive: true, force: true});
    },
  };
}

function describeServer(server: DemoServer, caFile: string | undefined, options: DemoServerOptions): string[] {
  const split = server.endpoints.length > 1;
  const connect = [`wazo-tui ${server.hostPort} --username ${server.username}`];
  if (split) connect.push(`--confd-url ${server.confdUrl}`);
  if (caFile) connect.push(`--ca-file ${shellWord(caFile)}`);
  const trust = caFile ? `--cacert ${shellWord(caFile)}` : '-k';
  return [
    `Wazo demo server listening on ${server.url}`,
    `  wazo-auth:  ${server.authUrl}`,
    `  wazo-confd: ${server.confdUrl}${split ? '  (its own port and certificate)' : ''}`,
    'Accounts:',
    ...server.accounts.map((account) => {
      const scope = account.acl.includes('#') ? 'full access (#)' : `limited: ${account.acl.join(', ')}`;
      return `  ${account.username} / ${account.password}  ${scope}`;
    }),
    ...server.endpoints.flatMap((endpoint) => [
      `Certificate of ${endpoint.hostPort} (${endpoint.services.join(' and ')}): ${certificateKind(server, endpoint.certPem)}`,
      `  SHA-256 fingerprint: ${endpoint.fingerprint256}`,
    ]),
    ...(server.authority && caFile
      ? [`CA that issued ${split ? 'them' : 'it'}, for --ca-file: ${caFile}`, `  SHA-256 fingerprint: ${server.authority.fingerprint256}`]
      : []),
    ...describeFaults(server.faults),
    ...(options.latencyMs ? [`Latency: every answer waits ${options.latencyMs} ms`] : []),
    ...(options.gzip ? ['JSON answers are gzipped for clients that accept it'] : []),
    ...(options.clockOffsetMs ? [`Server clock: ${Math.abs(options.clockOffsetMs) / 1000} s ${options.clockOffsetMs > 0 ? 'ahead' : 'behind'}`] : []),
    `Connect: ${connect.join(' ')}`,
    `Try: curl ${trust} -u ${shellWord(`${server.username}:${server.password}`)} -X POST -H 'Content-Type: application/json' -d '{}' ${server.authUrl}/token`,
    ...CONSOLE_HELP,
    'Press Ctrl-C to stop.',
  ];
}

function certificateKind(server: DemoServer, certPem: string): string {
  const x509 = new X509Certificate(certPem);
  switch (server.certificateMode) {
    case 'self-signed':
      return `self-signed, ${x509.subject}`;
    case 'ca':
      return `${x509.subject}, issued by the demo CA (the CA is not sent)`;
    case 'ca-chain':
      return `${x509.subject}, issued by the demo CA (sent along)`;
    case 'expired':
      return `self-signed, ${x509.subject}, EXPIRED on ${x509.validToDate.toISOString()}`;
    case 'not-yet-valid':
      return `self-signed, ${x509.subject}, NOT VALID before ${x509.validFromDate.toISOString()}`;
  }
}

function describeFaults(rules: readonly FaultRule[]): string[] {
  if (rules.length === 0) return [];
  return [
    'Faults:',
    ...rules.map((rule) => {
      const after = rule.after ? `, after ${rule.after} of them` : '';
      return `  ${describeFault(rule.fault)} (${requestsOf(rule)}${after})`;
    }),
  ];
}
