import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { CANDIDATE_SOURCES, listAllApplications, listCandidates, listRoles } from '../../api/pipeline.js';
import type { Candidate } from '../../api/pipeline.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField, TextField } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { SOURCE_LABELS } from '../../lib/pipeline-labels.js';
import './pipeline.css';

const LIMIT = 500;

/** Everyone in the pipeline: search by name, e-mail or employer; filter by source and whether they are looking. */
export function CandidatesPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = params.get('q') ?? '';
  const source = params.get('source') ?? '';
  const looking = params.get('looking') ?? '';
  const roleId = params.get('role') ?? '';
  // Who is listed: people not archived (default), archived ones, or everyone.
  const show = params.get('show') === 'archived' || params.get('show') === 'all' ? (params.get('show') as 'archived' | 'all') : '';
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const roles = useResource((signal) => listRoles(signal), []);
  const inRole = useResource(
    async (signal) => (roleId ? new Set((await listAllApplications({ roleId, status: 'active' }, signal)).map((a) => a.candidateId)) : undefined),
    [roleId],
  );

  // The query follows the text a moment after typing stops, so each key press does not send a request.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() !== q) {
        setParams(
          (p) => {
            const next = new URLSearchParams(p);
            if (text.trim()) next.set('q', text.trim());
            else next.delete('q');
            return next;
          },
          { replace: true },
        );
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [text, q, setParams]);

  const candidates = useResource(
    (signal) => listCandidates({ q, limit: LIMIT, archived: show === 'archived' ? 'true' : show === 'all' ? 'any' : undefined }, signal),
    [q, show],
  );
  const rows = useMemo(
    () =>
      (candidates.state.data?.items ?? []).filter(
        (c) =>
          (!source || c.source === source) &&
          (!looking || (looking === 'passive' ? c.passive : !c.passive)) &&
          (!roleId || inRole.state.data?.has(c.id) === true),
      ),
    [candidates.state.data, source, looking, roleId, inRole.state.data],
  );

  const setFilter = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const columns = useMemo<DataTableColumn<Candidate>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        cell: (c) => (
          <>
            <Link to={`/candidates/${encodeURIComponent(c.id)}`} className="cell-primary">
              {c.name}
            </Link>
            {c.archivedAt ? (
              <>
                {' '}
                <Badge>Archived</Badge>
              </>
            ) : null}
          </>
        ),
        sortValue: (c) => c.name.toLowerCase(),
      },
      { id: 'email', header: 'E-mail', cell: (c) => c.email, sortValue: (c) => c.email, hideOnPhone: true },
      {
        id: 'employer',
        header: 'Current employer',
        cell: (c) => (c.pedigreeHidden ? <span className="muted">Hidden (blind review)</span> : (c.currentEmployer ?? '—')),
        sortValue: (c) => c.currentEmployer ?? '',
        hideOnPhone: true,
      },
      { id: 'source', header: 'Source', cell: (c) => SOURCE_LABELS[c.source] ?? c.source, sortValue: (c) => c.source },
      { id: 'looking', header: 'Looking', cell: (c) => (c.passive ? <Badge>Passive</Badge> : <Badge tone="accent">Active</Badge>), sortValue: (c) => c.passive, hideOnPhone: true },
      { id: 'years', header: 'Prod. ML years', cell: (c) => c.productionMlYears ?? '—', sortValue: (c) => c.productionMlYears ?? -1, numeric: true, hideOnPhone: true },
      { id: 'added', header: 'Added', cell: (c) => <RelativeTime at={c.createdAt} />, sortValue: (c) => c.createdAt, hideOnPhone: true },
    ],
    [],
  );

  const canAdd = can(user.role, 'candidates.write');
  const addButton = canAdd ? (
    <Link to="/candidates/new" className="button button-primary">
      Add candidate
    </Link>
  ) : undefined;
  const filtered = Boolean(q || source || looking || roleId || show);
  const count = candidates.state.data?.items.length ?? 0;

  return (
    <>
      <PageHeader title="Candidates" description="Everyone in your pipeline, across roles." actions={addButton} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="filter-bar" role="search" aria-label="Find candidates">
        <TextField
          label="Search"
          name="q"
          type="search"
          value={text}
          onChange={setText}
          placeholder="Name, e-mail or employer"
          data-page-search=""
          autoComplete="off"
        />
        <SelectField
          label="In role (active)"
          name="role"
          value={roleId}
          onChange={(v) => setFilter('role', v)}
          options={[{ value: '', label: 'Any role' }, ...(roles.state.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))]}
        />
        <SelectField
          label="Source"
          name="source"
          value={source}
          onChange={(v) => setFilter('source', v)}
          options={[{ value: '', label: 'Any source' }, ...CANDIDATE_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))]}
        />
        <SelectField
          label="Looking"
          name="looking"
          value={looking}
          onChange={(v) => setFilter('looking', v)}
          options={[
            { value: '', label: 'Anyone' },
            { value: 'active', label: 'Active' },
            { value: 'passive', label: 'Passive' },
          ]}
        />
        <SelectField
          label="Show"
          name="show"
          value={show}
          onChange={(v) => setFilter('show', v)}
          options={[
            { value: '', label: 'Current' },
            { value: 'archived', label: 'Archived' },
            { value: 'all', label: 'Everyone' },
          ]}
        />
      </div>
      {candidates.state.status === 'error' ? (
        <Alert title="Candidates could not be loaded">
          <p>{candidates.state.error}</p>
          <Button onClick={candidates.reload}>Try again</Button>
        </Alert>
      ) : null}
      {!candidates.state.data && candidates.state.status === 'loading' ? <p className="muted">Loading candidates…</p> : null}
      {candidates.state.data ? (
        <>
          {count >= LIMIT ? <p className="small muted">Showing the first {LIMIT}; search to narrow the list.</p> : null}
          <DataTable
            caption="Candidates"
            columns={columns}
            rows={rows}
            rowKey={(c) => c.id}
            onOpen={(c) => navigate(`/candidates/${encodeURIComponent(c.id)}`)}
            initialSort={{ columnId: 'added', direction: 'descending' }}
            empty={
              filtered ? (
                <EmptyState title="No one matches" action={<Button onClick={() => { setText(''); setParams(new URLSearchParams(), { replace: true }); }}>Clear the search</Button>}>
                  <p>Nobody matches this search and these filters. Search looks at names, e-mails and employers.</p>
                </EmptyState>
              ) : (
                <EmptyState title="No candidates yet" action={addButton}>
                  <p>Add the people you are talking to and put each in a role: Closer then keeps their clocks and flags flight risk.</p>
                </EmptyState>
              )
            }
          />
        </>
      ) : null}
    </>
  );
}
