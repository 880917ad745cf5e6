/** Quoting for the commands this program suggests or runs through a shell. */

/** A word a POSIX shell reads back unchanged: as it is when it holds only safe characters, else single-quoted. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
