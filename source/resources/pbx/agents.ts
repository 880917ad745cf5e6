/** confd agents: the queues they answer and the users they are. */
import type {Agent} from '../../api/pbx-schemas.js';
import {buildDetail} from '../detail.js';
import {fullName} from '../labels.js';
import {recordKey, refRelations, refsCell} from '../refs.js';
import type {ResourceDescriptor} from '../types.js';
import {idColumn, textColumn} from './columns.js';

export const agentsDescriptor: ResourceDescriptor<'agents'> = {
  name: 'agents',
  title: 'Agents',
  aliases: ['agent', 'ag'],
  acl: 'confd.agents.read',
  listView: undefined,
  columns: [
    textColumn<Agent>('number', 'Number', 1, (agent) => agent.number, 'number', 1),
    textColumn<Agent>('name', 'Name', 2, fullName, 'lastname', 3),
    textColumn<Agent>('queues', 'Queues', 3, (agent) => refsCell(agent.queues), undefined, 3),
    textColumn<Agent>('users', 'Users', 4, (agent) => refsCell(agent.users), undefined, 2),
    idColumn<Agent>(5),
  ],
  defaultOrder: 'id',
  sortColumns: ['id', 'firstname', 'lastname', 'number', 'preprocess_subroutine'],
  key: recordKey,
  detail: (agent) =>
    buildDetail(agent, {
      groups: [
        {title: 'Agent', keys: ['id', 'tenant_uuid', 'number', 'firstname', 'lastname', 'password', 'language', 'description', 'preprocess_subroutine']},
        {title: 'Queues and users', keys: ['queues', 'users', 'skills']},
      ],
    }),
  relations: (agent) => [...refRelations(agent.users, 'users', 'User', 'uuid'), ...refRelations(agent.queues, 'queues', 'Queue')],
};
