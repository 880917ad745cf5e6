/**
 * Columns many collections share (ID, UUID, name, label, first extension, enabled), so each
 * descriptor lists what it shows rather than how.
 */
import type {RecordRef} from '../../api/pbx-schemas.js';
import {firstExtension} from '../refs.js';
import type {ColumnSpec} from '../types.js';

export function idColumn<T extends {id?: number | string | null}>(priority = 9, sortKey: string | null = 'id'): ColumnSpec<T> {
  return {id: 'id', title: 'ID', priority, width: 6, align: 'right', value: (item) => item.id, ...(sortKey ? {sortKey} : {})};
}

export function uuidColumn<T extends {uuid?: string | null}>(priority = 9, sortKey?: string): ColumnSpec<T> {
  return {id: 'uuid', title: 'UUID', priority, minWidth: 8, flex: 2, value: (item) => item.uuid, ...(sortKey ? {sortKey} : {})};
}

export function textColumn<T>(id: string, title: string, priority: number, value: (item: T) => unknown, sortKey?: string, flex = 2): ColumnSpec<T> {
  return {id, title, priority, minWidth: Math.min(8, title.length + 2), flex, value, ...(sortKey ? {sortKey} : {})};
}

export function extensionColumn<T extends {extensions?: RecordRef[] | null}>(priority: number, sortKey: string | null = 'exten'): ColumnSpec<T> {
  return {id: 'exten', title: 'Extension', priority, minWidth: 8, flex: 2, value: (item) => firstExtension(item.extensions), ...(sortKey ? {sortKey} : {})};
}

export function enabledColumn<T extends {enabled?: boolean | null}>(priority: number, sortKey?: string): ColumnSpec<T> {
  return {id: 'enabled', title: 'On', priority, width: 4, value: (item) => (item.enabled === false ? 'no' : item.enabled ? 'yes' : ''), ...(sortKey ? {sortKey} : {})};
}

/** `N` members from the lists of a `members` object (users, agents, extensions, groups). */
export function memberCount(members: {users?: unknown[] | null; agents?: unknown[] | null; extensions?: unknown[] | null; groups?: unknown[] | null} | null | undefined): number {
  if (!members) return 0;
  return (members.users?.length ?? 0) + (members.agents?.length ?? 0) + (members.extensions?.length ?? 0) + (members.groups?.length ?? 0);
}
