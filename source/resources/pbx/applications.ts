/** confd applications (Stasis apps reached by calls): their destination and lines. */
import type {Application} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {recordKey, refRelations, refsCell} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {textColumn, uuidColumn} from './columns.js';

export const applicationsDescriptor: ResourceDescriptor<'applications'> = {
  name: 'applications',
  title: 'Applications',
  aliases: ['application', 'apps', 'app'],
  acl: 'confd.applications.read',
  listView: undefined,
  columns: [
    textColumn<Application>('name', 'Name', 1, (application) => application.name, 'name', 3),
    textColumn<Application>('destination', 'Destination', 2, (application) => application.destination, undefined, 2),
    textColumn<Application>('lines', 'Lines', 4, (application) => refsCell(application.lines), undefined, 2),
    uuidColumn<Application>(3, 'uuid'),
  ],
  defaultOrder: 'uuid',
  sortColumns: ['uuid', 'name'],
  key: recordKey,
  detail: (application) =>
    buildDetail(application, {
      groups: [
        {title: 'Application', keys: ['uuid', 'tenant_uuid', 'name', 'destination', 'destination_options']},
        {title: 'Lines', keys: ['lines']},
      ],
    }),
  relations: (application) => refRelations(application.lines, 'lines', 'Line'),
};
