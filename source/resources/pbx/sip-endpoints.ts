/**
 * confd SIP endpoints and SIP templates (PJSIP sections as `[key, value]` lists; passwords are
 * hidden in the detail and in the raw view): the line or trunk using one, the templates it includes.
 */
import type {SipEndpoint} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelation, refRelations, refsCell} from '../refs.js';
import type {ColumnSpec, ResourceDescriptor} from '../types.js';
import {textColumn, uuidColumn} from './columns.js';

const columns: ColumnSpec<SipEndpoint>[] = [
  textColumn<SipEndpoint>('label', 'Label', 1, (endpoint) => endpoint.label, 'label', 3),
  textColumn<SipEndpoint>('name', 'Name', 2, (endpoint) => endpoint.name, 'name', 2),
  textColumn<SipEndpoint>('templates', 'Templates', 3, (endpoint) => refsCell(endpoint.templates), undefined, 2),
  textColumn<SipEndpoint>('asterisk-id', 'Asterisk', 5, (endpoint) => endpoint.asterisk_id, 'asterisk_id', 1),
  uuidColumn<SipEndpoint>(4),
];

const detail = (endpoint: SipEndpoint) =>
  buildDetail(endpoint, {
    groups: [
      {title: 'Endpoint', keys: ['uuid', 'tenant_uuid', 'name', 'label', 'asterisk_id', 'transport', 'templates', 'line', 'trunk']},
      {title: 'Sections', keys: ['endpoint_section_options', 'aor_section_options', 'auth_section_options', 'identify_section_options']},
      {title: 'Registration', keys: ['registration_section_options', 'registration_outbound_auth_section_options', 'outbound_auth_section_options']},
    ],
  });

const sortColumns = ['label', 'name', 'asterisk_id', 'template'];

export const sipEndpointsDescriptor: ResourceDescriptor<'sip-endpoints'> = {
  name: 'sip-endpoints',
  title: 'SIP endpoints',
  aliases: ['sip', 'endpoints', 'sip-endpoint'],
  acl: 'confd.endpoints.sip.read',
  listView: undefined,
  columns,
  defaultOrder: 'label',
  sortColumns,
  key: recordKey,
  detail,
  relations: (endpoint) => [
    ...refRelation(endpoint.line, 'lines', 'Line'),
    ...refRelation(endpoint.trunk, 'trunks', 'Trunk'),
    ...refRelations(endpoint.templates, 'sip-templates', 'Template', 'uuid'),
  ],
};

export const sipTemplatesDescriptor: ResourceDescriptor<'sip-templates'> = {
  name: 'sip-templates',
  title: 'SIP templates',
  aliases: ['templates', 'sip-template'],
  acl: 'confd.endpoints.sip.templates.read',
  listView: undefined,
  columns,
  defaultOrder: 'label',
  sortColumns,
  key: recordKey,
  detail,
  relations: (template) => refRelations(template.templates, 'sip-templates', 'Template', 'uuid'),
};
