import {UsageError} from '../cli/args.js';

/**
 * Read the password from standard input: its first line, without the line break. A terminal is
 * refused: it would echo the password as it is typed, and wait with no prompt for an end of file.
 */
export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream & {isTTY?: boolean} = process.stdin): Promise<string> {
  const [password = ''] = await readStdinLines(stdin);
  if (password === '') throw new UsageError('--password-stdin read an empty password');
  return password;
}

/** Every line of standard input (a pipe or a file, never a terminal), without line breaks. */
export async function readStdinLines(stdin: NodeJS.ReadableStream & {isTTY?: boolean} = process.stdin): Promise<string[]> {
  if (stdin.isTTY) {
    throw new UsageError(
      `--password-stdin reads the password from a pipe or a file, not from a terminal (it would show as you type): printf '%s\\n' "$PASSWORD" | wazo-tui …`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
}
