/**
 * The one place where the session meets the resources: the confd source, the tenants, the
 * collections and the record reader are built here and handed to the main screen, which never
 * holds the client (it could change the trust policy) nor the session's revoking half.
 */
import {useCallback, useMemo, useState} from 'react';
import type {WazoClient} from '../api/contract.js';
import {useSession} from '../hooks/use-session.js';
import {Main, type MainProps} from '../screens/Main.js';
import type {RecordReader, Workspace} from '../screens/workspace.js';
import {confdSource} from '../session/confd-source.js';
import type {Session} from '../session/session.js';
import {TestCrash, testCrash} from './test-crash.js';
import {useCollections} from './use-collections.js';
import {useTenants} from './use-tenants.js';

export function useWorkspace(session: Session, client: WazoClient): Workspace {
  const snapshot = useSession(session);
  const source = useMemo(() => confdSource(session, client), [session, client]);
  const tenants = useTenants(source, snapshot.tenantUuid);
  const [recurse, setRecurse] = useState(false);
  const collections = useCollections(source, tenants.current, recurse);
  const read = useCallback<RecordReader>((collection, id, signal) => source.get(collection, id, {tenant: tenants.current, signal}), [source, tenants.current]);
  return {
    session,
    tenants,
    collections,
    read,
    recurse,
    setRecurse(next) {
      setRecurse(next);
      collections.setRecurse(next);
    },
  };
}

export interface DashboardProps extends Omit<MainProps, 'workspace'> {
  session: Session;
  client: WazoClient;
}

export function Dashboard({session, client, ...main}: DashboardProps) {
  const workspace = useWorkspace(session, client);
  return (
    <>
      <Main {...main} workspace={workspace} />
      {testCrash && <TestCrash kind={testCrash} />}
    </>
  );
}
