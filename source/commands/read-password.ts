import {UsageError} from '../cli/args.js';

/** Read the password from standard input: its first line, without the line break. */
export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
  if (password === '') throw new UsageError('--password-stdin read an empty password');
  return password;
}
