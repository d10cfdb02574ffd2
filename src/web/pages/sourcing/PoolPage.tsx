import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../api/client.js';
import { listRoles } from '../../api/pipeline.js';
import { addProspect, convertProspect, getPool, getPoolReach, importProspects, listProspects, logProspectEvent, setProspectStatus } from '../../api/sourcing.js';
import type { ImportReport, Prospect } from '../../api/sourcing.js';
import { completeTask, enrollProspects, listPoolEnrollments, listSequences } from '../../api/sequences.js';
import type { Enrollment, EnrollResult } from '../../api/sequences.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import '../../components/panel.css';
import './sourcing.css';
import { ReachFigure } from './ReachFigure.js';
import { EnrollmentCell } from './EnrollmentCell.js';
import { enrollOutcomeWords, TASK_WORDS } from './outreach-words.js';
import { SourcingNav } from './SourcingNav.js';
import { formatDecimal } from '../../lib/format-number.js';

const STATUS_WORDS: Record<string, string> = { new: 'New', contacted: 'Contacted', replied: 'Replied', interested: 'Interested', 'not-now': 'Not now', 'not-interested': 'Not interested', converted: 'Candidate' };
const FOUND_HOW_OPTIONS = [
  { value: 'search', label: 'A search' },
  { value: 'referrer', label: 'A referral' },
  { value: 'event', label: 'An event' },
  { value: 'community', label: 'A community' },
  { value: 'source', label: 'Another source (paper, repository, list)' },
];
const FIELD_WORDS: Record<string, string> = { name: 'Name', email: 'E-mail', links: 'Links', currentEmployer: 'Employer', lab: 'Lab', foundHow: 'Found how', foundDetail: 'Found where / by whom', lawfulBasis: 'Lawful basis', timeZone: 'Time zone' };

/** One pool: its people with their status and last touch, two-click logging, adding, importing and the reach. */
export function PoolPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = can(user.role, 'sourcing.write');
  const pool = useResource((signal) => getPool(id, signal), [id]);
  const prospects = useResource((signal) => listProspects(id, { limit: 500 }, signal), [id]);
  const reach = useResource((signal) => getPoolReach(id, signal), [id]);
  const roles = useResource((signal) => listRoles(signal, 'open'), []);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string }>();
  const [convertRole, setConvertRole] = useState('');
  const prospectIds = (prospects.state.data?.items ?? []).map((x) => x.id).join(',');
  // Read again when the people listed change (someone added, imported or converted).
  const enrollments = useResource((signal) => listPoolEnrollments(id, signal), [id, prospectIds]);
  const sequences = useResource((signal) => (canWrite ? listSequences(signal) : Promise.resolve({ items: [] })), [canWrite]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const reload = () => {
    prospects.reload();
    pool.reload();
    reach.reload();
    enrollments.reload();
  };
  const byProspect = useMemo(() => {
    const map = new Map<string, Enrollment[]>();
    for (const e of enrollments.state.data?.items ?? []) map.set(e.prospectId, [...(map.get(e.prospectId) ?? []), e]);
    return map;
  }, [enrollments.state.data]);
  const toggle = (prospectId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(prospectId);
    else next.delete(prospectId);
    setSelected(next);
  };
  const act = async (what: () => Promise<unknown>, done: string) => {
    setMessage(undefined);
    try {
      await what();
      setMessage({ tone: 'success', text: done });
      reload();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  const columns = useMemo<DataTableColumn<Prospect>[]>(
    () => [
      ...(canWrite
        ? [
            {
              id: 'select',
              header: 'Select',
              width: '4rem',
              hideOnPhone: true,
              cell: (p: Prospect) => <input type="checkbox" className="sourcing-check" checked={selected.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} aria-label={`Select ${p.name}`} />,
            },
          ]
        : []),
      {
        id: 'name',
        header: 'Person',
        cell: (p) => (
          <>
            <span className="cell-primary" title={p.id}>{p.name}</span>
            <span className="show-phone muted small"> · {STATUS_WORDS[p.status] ?? p.status}</span>
          </>
        ),
        sortValue: (p) => p.name.toLowerCase(),
      },
      { id: 'status', header: 'Status', cell: (p) => STATUS_WORDS[p.status] ?? p.status, sortValue: (p) => p.status, hideOnPhone: true },
      { id: 'where', header: 'Employer or lab', cell: (p) => p.lab ?? p.currentEmployer ?? '—', sortValue: (p) => p.lab ?? p.currentEmployer ?? '', hideOnPhone: true },
      { id: 'touches', header: 'Touches', cell: (p) => p.touches, sortValue: (p) => p.touches, numeric: true, hideOnPhone: true },
      { id: 'last', header: 'Last touch', cell: (p) => (p.lastTouchAt ? <RelativeTime at={p.lastTouchAt} /> : 'Never'), sortValue: (p) => p.lastTouchAt ?? '', hideOnPhone: true },
      {
        id: 'sequence',
        header: 'Sequence',
        cell: (p) => <EnrollmentCell items={byProspect.get(p.id) ?? []} canWrite={canWrite} onTaskDone={(e) => act(() => completeTask(e), `Done: ${(TASK_WORDS[e.currentStep?.task ?? ''] ?? 'the task').toLowerCase()} for ${p.name}.`)} />,
        sortValue: (p) => (byProspect.get(p.id) ?? []).map((e) => e.dueAt).sort()[0] ?? '',
      },
      ...(canWrite
        ? [
            {
              id: 'actions',
              header: 'Actions',
              cell: (p: Prospect) =>
                p.status === 'converted' ? (
                  'Now a candidate'
                ) : (
                  <div className="sourcing-actions">
                    <Button onClick={() => act(() => logProspectEvent(p.id, { type: 'outreach.sent', data: { channel: 'email' } }), `Logged a message to ${p.name}.`)} aria-label={`Log a message sent to ${p.name}`}>Log message</Button>
                    <Button onClick={() => act(() => logProspectEvent(p.id, { type: 'candidate.replied', data: { latencyHours: 0, length: 0, asksQuestion: false } }), `Logged ${p.name}'s reply.`)} aria-label={`Log a reply from ${p.name}`}>Log reply</Button>
                    {p.status === 'interested' ? (
                      <Button variant="primary" disabled={convertRole === ''} onClick={() => act(() => convertProspect(p.id, convertRole), `${p.name} is now a candidate for the role.`)} aria-label={`Make ${p.name} a candidate for the chosen role`}>Make candidate</Button>
                    ) : (
                      <Button onClick={() => act(() => setProspectStatus(p, 'interested'), `${p.name} is interested.`)} aria-label={`Mark ${p.name} as interested`}>Interested</Button>
                    )}
                    <Button onClick={() => act(() => setProspectStatus(p, 'not-now'), `${p.name}: not now.`)} aria-label={`Mark ${p.name} as not now`}>Not now</Button>
                  </div>
                ),
            },
          ]
        : []),
    ],
    [canWrite, convertRole, selected, byProspect],
  );

  if (pool.state.status === 'error') return <><PageHeader title="Talent pool" /><Alert>{pool.state.error}</Alert></>;
  const p = pool.state.data;
  return (
    <>
      <PageHeader title={p ? p.name : 'Talent pool'} description={p ? `${p.prospects} people · a touch every ${p.cadenceDays} days` : undefined} />
      <SourcingNav />
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {canWrite && prospects.state.data && prospects.state.data.items.length > 0 && sequences.state.data && (
        <EnrollPanel
          sequences={sequences.state.data.items.filter((x) => x.status === 'active')}
          selected={prospects.state.data.items.filter((x) => selected.has(x.id))}
          allIds={prospects.state.data.items.map((x) => x.id)}
          onSelect={(ids) => setSelected(new Set(ids))}
          onDone={() => { setSelected(new Set()); reload(); }}
        />
      )}
      {enrollments.state.status === 'error' && <Alert>{enrollments.state.error}</Alert>}
      {canWrite && roles.state.data && (
        <div className="sourcing-toolbar">
          <SelectField label="Role for “Make candidate”" name="convert-role" value={convertRole} onChange={setConvertRole} options={[{ value: '', label: 'Choose a role' }, ...roles.state.data.items.map((r) => ({ value: r.id, label: r.title }))]} />
        </div>
      )}
      {prospects.state.status === 'error' && <Alert>{prospects.state.error}</Alert>}
      {prospects.state.data && (
        <DataTable caption="People in this pool" columns={columns} rows={prospects.state.data.items} rowKey={(x) => x.id} empty={<EmptyState title="No one in this pool yet">Add a person below, paste profile links, or import a CSV file.</EmptyState>} />
      )}
      {canWrite && <AddProspectForm poolId={id} onDone={(text) => { setMessage({ tone: 'success', text }); reload(); }} />}
      {canWrite && <ImportForm poolId={id} onDone={(text) => { setMessage({ tone: 'success', text }); reload(); }} />}
      {reach.state.data && reach.state.data.total > 0 && (
        <section className="panel" aria-labelledby="reach-title">
          <h2 id="reach-title">Where these people come from</h2>
          {reach.state.data.warning && <Alert tone="info">{reach.state.data.warning.message}</Alert>}
          <p>Concentration (0 = spread widely, 1 = one source): {formatDecimal(reach.state.data.concentration, 2)}</p>
          <ReachFigure reach={reach.state.data} />
        </section>
      )}
    </>
  );
}

/** Enrolls the selected people in an active sequence and says what happened to each. */
function EnrollPanel({ sequences, selected, allIds, onSelect, onDone }: { sequences: { id: string; name: string }[]; selected: Prospect[]; allIds: string[]; onSelect: (ids: string[]) => void; onDone: () => void }) {
  const [sequenceId, setSequenceId] = useState('');
  const [result, setResult] = useState<{ sequenceName: string; rows: { name: string; words: string }[] }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const chosen = sequences.find((x) => x.id === sequenceId) ?? (sequences.length === 1 ? sequences[0] : undefined);
  const enroll = async () => {
    setError(undefined);
    setResult(undefined);
    if (!chosen) return setError('Choose the sequence to enroll them in.');
    if (selected.length === 0) return setError('Select people in the list first (the boxes in the first column).');
    setBusy(true);
    try {
      const r: EnrollResult = await enrollProspects(chosen.id, selected.map((x) => x.id));
      const names = new Map(selected.map((x) => [x.id, x.name] as const));
      setResult({ sequenceName: chosen.name, rows: r.results.map((x) => ({ name: names.get(x.prospectId) ?? 'Someone', words: enrollOutcomeWords(x) })) });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel sourcing-enroll hide-phone" aria-labelledby="enroll-title">
      <h2 id="enroll-title">Enroll in a sequence</h2>
      {sequences.length === 0 ? (
        <p className="muted">
          No sequence is running. <Link to="/sourcing/sequences">Build and start a sequence</Link>, then select people here to enroll them.
        </p>
      ) : (
        <div className="sourcing-enroll-row">
          <SelectField label="Sequence" name="enroll-sequence" value={chosen?.id ?? ''} onChange={setSequenceId} options={[...(sequences.length === 1 ? [] : [{ value: '', label: 'Choose a sequence' }]), ...sequences.map((x) => ({ value: x.id, label: x.name }))]} />
          <div className="sourcing-actions">
            <Button onClick={() => onSelect(selected.length === allIds.length ? [] : allIds)}>{selected.length === allIds.length ? 'Clear the selection' : 'Select everyone'}</Button>
            <Button variant="primary" busy={busy} busyLabel="Enrolling…" onClick={enroll}>
              {selected.length === 0 ? 'Enroll selected' : `Enroll ${selected.length} selected`}
            </Button>
          </div>
        </div>
      )}
      {error && <Alert>{error}</Alert>}
      {result && (
        <div role="status">
          <p>{result.sequenceName}:</p>
          <ul className="outreach-results" aria-label="What happened to each person">
            {result.rows.map((r, i) => <li key={i}>{r.name}: {r.words}</li>)}
          </ul>
        </div>
      )}
    </section>
  );
}

function AddProspectForm({ poolId, onDone }: { poolId: string; onDone: (text: string) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [link, setLink] = useState('');
  const [lab, setLab] = useState('');
  const [foundHow, setFoundHow] = useState('search');
  const [foundDetail, setFoundDetail] = useState('');
  const [lawfulBasis, setLawfulBasis] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (name.trim() === '') return setError('A name is needed.');
    setBusy(true);
    try {
      const p = await addProspect(poolId, {
        name: name.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(link.trim() ? { links: [link.trim()] } : {}),
        ...(lab.trim() ? { lab: lab.trim() } : {}),
        foundHow: foundHow as 'search',
        ...(foundDetail.trim() ? { foundDetail: foundDetail.trim() } : {}),
        ...(lawfulBasis.trim() ? { lawfulBasis: lawfulBasis.trim() } : {}),
      });
      setName('');
      setEmail('');
      setLink('');
      setLab('');
      setFoundDetail('');
      onDone(`Added ${p.name}.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel sourcing-form" onSubmit={submit} aria-labelledby="add-prospect-title" noValidate>
      <h2 id="add-prospect-title">Add a person</h2>
      <TextField label="Name" name="name" value={name} onChange={setName} maxLength={200} />
      <TextField label="E-mail" name="email" type="email" value={email} onChange={setEmail} optional />
      <TextField label="Profile link" name="link" type="url" value={link} onChange={setLink} optional />
      <TextField label="Lab or team" name="lab" value={lab} onChange={setLab} optional />
      <SelectField label="Found through" name="foundHow" value={foundHow} onChange={setFoundHow} options={FOUND_HOW_OPTIONS} />
      <TextField label="Where, or who referred them" name="foundDetail" value={foundDetail} onChange={setFoundDetail} optional />
      <TextField label="Lawful basis" name="lawfulBasis" value={lawfulBasis} onChange={setLawfulBasis} optional hint="Why you may keep their details, e.g. legitimate interest: public profile." />
      {error && <Alert>{error}</Alert>}
      <Button type="submit" variant="primary" busy={busy}>Add person</Button>
    </form>
  );
}

function ImportForm({ poolId, onDone }: { poolId: string; onDone: (text: string) => void }) {
  const [csv, setCsv] = useState('');
  const [urls, setUrls] = useState('');
  const [mapping, setMapping] = useState<Record<string, string | null>>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const body = (dryRun: boolean) => (csv.trim() !== '' ? { csv, ...(mapping ? { mapping: mapping as Record<string, 'name'> } : {}), dryRun } : { urls, foundHow: 'search' as const, dryRun });
  const check = async () => {
    setError(undefined);
    if (csv.trim() === '' && urls.trim() === '') return setError('Choose a CSV file or paste profile links first.');
    setBusy(true);
    try {
      const r = await importProspects(poolId, body(true));
      setReport(r);
      if (csv.trim() !== '') setMapping(r.mapping);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const run = async () => {
    setBusy(true);
    try {
      const r = await importProspects(poolId, body(false));
      setReport(undefined);
      setCsv('');
      setUrls('');
      setMapping(undefined);
      onDone(`Imported ${r.imported} people.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const clean = report && report.problems.length === 0 && report.duplicates.length === 0 && report.ready > 0;
  return (
    <section className="panel sourcing-form" aria-labelledby="import-title">
      <h2 id="import-title">Import people</h2>
      <label className="field-label" htmlFor="import-file">CSV file (first row: column names)</label>
      <input id="import-file" type="file" accept=".csv,text/csv" onChange={async (e) => { const f = e.target.files?.[0]; setCsv(f ? await f.text() : ''); setMapping(undefined); setReport(undefined); }} />
      <TextAreaField label="Or paste profile links, one a line" name="urls" value={urls} onChange={(v) => { setUrls(v); setReport(undefined); }} rows={3} optional />
      {mapping && (
        <fieldset className="sourcing-mapping">
          <legend>Columns</legend>
          {Object.keys(mapping).map((header) => (
            <SelectField key={header} label={`Column “${header}”`} name={`map-${header}`} value={mapping[header] ?? ''} onChange={(v) => { setMapping({ ...mapping, [header]: v === '' ? null : v }); setReport(undefined); }} options={[{ value: '', label: 'Leave out' }, ...Object.entries(FIELD_WORDS).map(([value, label]) => ({ value, label }))]} />
          ))}
        </fieldset>
      )}
      {error && <Alert>{error}</Alert>}
      {report && (
        <div role="status">
          <p>{report.ready} of {report.rows} rows are ready. Nothing is written until you import.</p>
          {(report.problems.length > 0 || report.duplicates.length > 0) && (
            <ul className="sourcing-problems">
              {report.problems.map((p, i) => <li key={`p${i}`}>Row {p.row}{p.field ? ` (${FIELD_WORDS[p.field] ?? p.field})` : ''}: {p.message}</li>)}
              {report.duplicates.map((d, i) => <li key={`d${i}`}>Row {d.row}: {d.name} may already be {d.candidateName}{d.inPool ? ', in this pool' : ''}.</li>)}
            </ul>
          )}
        </div>
      )}
      <div className="sourcing-actions">
        <Button onClick={check} busy={busy}>Check</Button>
        <Button variant="primary" onClick={run} disabled={!clean || busy}>Import all</Button>
      </div>
    </section>
  );
}
