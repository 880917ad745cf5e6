/**
 * The one place where the session meets the resources: the confd source, the tenants, the
 * collections and the record reader are built here and handed to the main screen, which never
 * holds the client (it could change the trust policy) nor the session's revoking half.
 */
import {useCallback, useMemo, useState} from 'react';
import type {WazoClient} from '../api/contract.js';
import {profileNameFor} from '../config/profile-migration.js';
import type {NamedProfile} from '../config/profiles.js';
import {useSession} from '../hooks/use-session.js';
import {Main, type MainProps} from '../screens/Main.js';
import type {RecordReader, Workspace} from '../screens/workspace.js';
import {confdSource} from '../session/confd-source.js';
import type {Session} from '../session/session.js';
import {TestCrash, testCrash} from './test-crash.js';
import {adminSource} from './admin-source.js';
import {useCollections} from './use-collections.js';
import {useTenantGate, useTenants} from './use-tenants.js';

export function useWorkspace(session: Session, client: WazoClient, preferredTenant?: string): Workspace {
  const snapshot = useSession(session);
  const source = useMemo(() => confdSource(session, client), [session, client]);
  const tenants = useTenants(source, snapshot.tenantUuid, preferredTenant);
  const [recurse, setRecurse] = useState(false);
  const collections = useCollections(useTenantGate(source, tenants, preferredTenant), tenants.current, recurse);
  const read = useCallback<RecordReader>((collection, id, signal) => source.get(collection, id, {tenant: tenants.current, signal}), [source, tenants.current]);
  const admin = useMemo(() => adminSource(session, client, tenants.current), [session, client, tenants.current]);
  return {
    session,
    tenants,
    collections,
    read,
    admin,
    recurse,
    setRecurse(next) {
      setRecurse(next);
      collections.setRecurse(next);
    },
  };
}

export interface DashboardProps extends Omit<MainProps, 'workspace' | 'profile' | 'headerProfile' | 'initialCollection'> {
  session: Session;
  client: WazoClient;
  /** The profile logged in with: its default tenant and collection open first. */
  profile?: NamedProfile;
}

export function Dashboard({session, client, profile, ...main}: DashboardProps) {
  const workspace = useWorkspace(session, client, profile?.tenant);
  // A profile a login made is named after its address: the header would say the server twice.
  const named = profile && profile.name !== profileNameFor(profile.server, {}) ? profile.name : undefined;
  return (
    <>
      <Main {...main} workspace={workspace} profile={profile?.name} headerProfile={named} initialCollection={profile?.collection} />
      {testCrash && <TestCrash kind={testCrash} />}
    </>
  );
}
