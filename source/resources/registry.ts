/**
 * Maps collection names and `:` aliases to their descriptors, in the order `Tab` cycles them.
 */
import type {ConfdCollection} from '../api/contract.js';
import {extensionsDescriptor} from './extensions.js';
import {linesDescriptor} from './lines.js';
import type {AnyResourceDescriptor, ResourceDescriptor} from './types.js';
import {usersDescriptor} from './users.js';

/** Every known collection, in `Tab` order (`1` is users, `2` lines). */
export const resourceDescriptors: readonly AnyResourceDescriptor[] = [usersDescriptor, linesDescriptor, extensionsDescriptor];

const byName: {[C in ConfdCollection]: ResourceDescriptor<C>} = {
  users: usersDescriptor,
  lines: linesDescriptor,
  extensions: extensionsDescriptor,
};

/** The descriptor of a collection. */
export function descriptorFor<C extends ConfdCollection>(name: C): ResourceDescriptor<C> {
  return byName[name];
}

/** Resolves what the user typed (`:users`, `user`, `U`) to a descriptor, or undefined. */
export function findDescriptor(text: string): AnyResourceDescriptor | undefined {
  const wanted = text.trim().replace(/^:/, '').toLowerCase();
  return resourceDescriptors.find((descriptor) => descriptor.name === wanted || descriptor.aliases.includes(wanted));
}

/** The descriptor `step` places after `name` in `Tab` order, wrapping around (`-1` for Shift-Tab). */
export function nextDescriptor(name: ConfdCollection, step = 1): AnyResourceDescriptor {
  const count = resourceDescriptors.length;
  const index = resourceDescriptors.findIndex((descriptor) => descriptor.name === name);
  const next = resourceDescriptors[(((index + step) % count) + count) % count];
  if (!next) throw new RangeError(`no resource descriptor after ${name}`);
  return next;
}
