import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client.js';
import { createPool, listPools } from '../../api/sourcing.js';
import type { Pool } from '../../api/sourcing.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { TextField } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { SourcingNav } from './SourcingNav.js';
import './sourcing.css';

/** Talent pools: passive people found, contacted and nurtured before they apply (docs/sourcing.md). */
export function SourcingPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const pools = useResource((signal) => listPools(signal), []);
  const canWrite = can(user.role, 'sourcing.write');
  const [name, setName] = useState('');
  const [cadence, setCadence] = useState('21');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const columns = useMemo<DataTableColumn<Pool>[]>(
    () => [
      { id: 'name', header: 'Pool', cell: (p) => <Link to={`/sourcing/${encodeURIComponent(p.id)}`} className="cell-primary">{p.name}</Link>, sortValue: (p) => p.name.toLowerCase() },
      { id: 'prospects', header: 'People', cell: (p) => p.prospects, sortValue: (p) => p.prospects, numeric: true },
      { id: 'contacted', header: 'Contacted', cell: (p) => p.byStatus.contacted ?? 0, sortValue: (p) => p.byStatus.contacted ?? 0, numeric: true, hideOnPhone: true },
      { id: 'interested', header: 'Interested', cell: (p) => p.byStatus.interested ?? 0, sortValue: (p) => p.byStatus.interested ?? 0, numeric: true },
      { id: 'cadence', header: 'Touch every', cell: (p) => `${p.cadenceDays} days`, sortValue: (p) => p.cadenceDays, numeric: true, hideOnPhone: true },
      { id: 'last', header: 'Last touch', cell: (p) => (p.lastTouchAt ? <RelativeTime at={p.lastTouchAt} /> : 'Never'), sortValue: (p) => p.lastTouchAt ?? '', hideOnPhone: true },
    ],
    [],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (name.trim() === '') return setError('Give the pool a name, for example "MLOps, passive, EU".');
    const days = Number(cadence);
    if (!Number.isInteger(days) || days < 1 || days > 365) return setError('Touch every: a whole number of days from 1 to 365.');
    setBusy(true);
    try {
      const pool = await createPool({ name: name.trim(), cadenceDays: days });
      navigate(`/sourcing/${encodeURIComponent(pool.id)}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Sourcing" description="Talent pools of passive people: who found them, when they were last contacted, and who is ready to become a candidate." />
      <SourcingNav />
      {pools.state.status === 'error' && <Alert>{pools.state.error}</Alert>}
      {pools.state.data && (
        <DataTable
          caption="Talent pools"
          columns={columns}
          rows={pools.state.data.items}
          rowKey={(p) => p.id}
          onOpen={(p) => navigate(`/sourcing/${encodeURIComponent(p.id)}`)}
          empty={<EmptyState title="No talent pools yet">A pool is a named list of people you want to reach, such as "MLOps, passive, EU". Create one below, then add people one at a time, paste profile links or import a CSV.</EmptyState>}
        />
      )}
      {canWrite && (
        <form className="panel sourcing-form" onSubmit={submit} aria-labelledby="new-pool-title" noValidate>
          <h2 id="new-pool-title">New pool</h2>
          <TextField label="Name" name="name" value={name} onChange={setName} maxLength={120} />
          <TextField label="Touch every (days)" name="cadence" inputMode="numeric" value={cadence} onChange={setCadence} hint="Today reminds you when someone has not been contacted for this long." />
          {error && <Alert>{error}</Alert>}
          <Button type="submit" variant="primary" busy={busy}>Create pool</Button>
        </form>
      )}
    </>
  );
}
