/**
 * `UserPostSchema().load` (wazo-auth `plugins/http/users/schemas.py` with xivo's mallow fields):
 * the fields of `POST /users` with their defaults, or the first error in field order, which is
 * the one `UserParamException.from_errors` reports.
 */
import {loadBoolean} from './auth-lists.js';
import {objectBody} from './auth-guard.js';
import type {NewUser, Purpose} from './directory.js';
import type {PythonValue} from './text.js';

type UserFields = Omit<NewUser, 'tenantUuid'>;
type ErrorInfo = {[key: string]: PythonValue};
/** What `UserParamException` carries: a message and its details. */
type FieldError = {message: string; details: ErrorInfo};

const PURPOSES: readonly Purpose[] = ['user', 'internal', 'external_api'];
const AUTHENTICATION_METHODS = ['default', 'native', 'ldap', 'saml'];
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@(?:localhost|[^@\s]+\.[^@\s.]+)$/i;

const typeError = (message: string, constraint: string): ErrorInfo => ({message, constraint_id: 'type', constraint});
const NOT_NULL: ErrorInfo = {message: 'Field may not be null.', constraint_id: 'not_null', constraint: 'not_null'};

/** The user to create, `not-json` for a body that is not JSON, or the first invalid field. */
export function readUserBody(raw: Buffer): UserFields | FieldError | 'not-json' {
  const body = objectBody(raw);
  const error = (field: string, info: ErrorInfo): FieldError => ({message: String(info.message), details: {[field]: info}});
  if (body === 'not-json') return body;
  if (body === 'not-an-object') return error('_schema', {message: 'Invalid input type.'});

  const username = optionalString(body.username);
  if (username === undefined) return error('username', typeError('Not a valid string.', 'string'));
  if (username !== null && (username.length < 1 || username.length > 256)) {
    return error('username', {constraint_id: 'length', constraint: {min: 1, max: 256}, message: 'Length must be between 1 and 256.'});
  }
  const firstname = optionalString(body.firstname);
  if (firstname === undefined) return error('firstname', typeError('Not a valid string.', 'string'));
  const lastname = optionalString(body.lastname);
  if (lastname === undefined) return error('lastname', typeError('Not a valid string.', 'string'));

  const purpose = body.purpose ?? 'user';
  if (body.purpose === null) return error('purpose', NOT_NULL);
  if (typeof purpose !== 'string') return error('purpose', typeError('Not a valid string.', 'string'));
  if (!PURPOSES.includes(purpose as Purpose)) {
    return error('purpose', {constraint_id: 'enum', constraint: {choices: [...PURPOSES]}, message: `Must be one of: ${PURPOSES.join(', ')}.`});
  }
  // The schema's pre_load hook: API and internal accounts log in natively, others as their tenant says.
  const method = body.authentication_method ?? (purpose === 'user' ? 'default' : 'native');
  if (typeof method !== 'string') return error('authentication_method', typeError('Not a valid string.', 'string'));

  const enabled = body.enabled === undefined ? true : loadBoolean(body.enabled);
  if (enabled === undefined) return error('enabled', body.enabled === null ? NOT_NULL : typeError('Not a valid boolean.', 'boolean'));

  const uuid = body.uuid;
  if (uuid === null) return error('uuid', NOT_NULL);
  if (uuid !== undefined && (typeof uuid !== 'string' || !UUID.test(uuid))) return error('uuid', typeError('Not a valid UUID.', 'uuid'));

  const password = optionalString(body.password);
  if (password === undefined) return error('password', typeError('Not a valid string.', 'string'));
  if (password === '') return error('password', {constraint_id: 'length', constraint: {min: 1, max: null}, message: 'Shorter than minimum length 1.'});

  const email = optionalString(body.email_address);
  if (email === undefined || (email !== null && !EMAIL.test(email))) {
    return error('email_address', typeError('Not a valid email address.', 'email'));
  }
  // Checked after loading, against the identity providers wazo-auth knows.
  if (!AUTHENTICATION_METHODS.includes(method)) {
    return {message: `Invalid authentication method ${method}`, details: {authentication_method: method}};
  }
  return {
    ...(uuid === undefined ? {} : {uuid: canonicalUuid(uuid)}),
    username,
    firstname,
    lastname,
    purpose: purpose as Purpose,
    enabled,
    authenticationMethod: method,
    password,
    emailAddress: email,
  };
}

/** A string, null (absent or null), or undefined for any other type. */
function optionalString(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : undefined;
}

function canonicalUuid(uuid: string): string {
  const hex = uuid.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
