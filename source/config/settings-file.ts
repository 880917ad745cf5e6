/**
 * How every settings file is opened: `<name>.json` directly in the config directory (no
 * `-nodejs` suffix), mode 0600, and never cleared when it cannot be read: the caller reports it,
 * and the user's file stays as it was. Keys are read whole, never by dot path, since the keys
 * inside are server addresses full of dots.
 */
import Conf, {type Options} from 'conf';

/** The shape conf accepts (its own constraint: an interface meets only an `any` index signature). */
type SettingsShape = Record<string, any>;

export function openSettingsFile<T extends SettingsShape>(configDir: string, name: string, defaults?: Options<T>['defaults']): Conf<T> {
  return new Conf<T>({
    cwd: configDir,
    configName: name,
    projectSuffix: '',
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    ...(defaults === undefined ? {} : {defaults}),
  });
}
