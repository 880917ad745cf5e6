/**
 * A settings file that cannot be read. It is never overwritten: the message names the file and
 * what to do. Kept apart from the stores so that reporting it loads no store code.
 */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}
