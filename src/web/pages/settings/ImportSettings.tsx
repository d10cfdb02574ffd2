import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage } from '../../api/client.js';
import { createImport, getImport, importReportUrl, listImports, putStageMapping, runImport, startDryRun, uploadImportFile } from '../../api/imports.js';
import type { ImportJob, ImportReport, ImportSystemChoice } from '../../api/imports.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField } from '../../components/Field.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatCount } from '../../lib/format-money.js';

const SYSTEMS: Array<{ value: ImportSystemChoice; label: string }> = [
  { value: 'csv', label: 'A spreadsheet (CSV)' },
  { value: 'greenhouse', label: 'Greenhouse' },
  { value: 'lever', label: 'Lever' },
  { value: 'ashby', label: 'Ashby' },
  { value: 'closer', label: 'Another Closer (its export file)' },
];

const ENTITY_WORDS: Record<string, string> = {
  roles: 'Jobs',
  candidates: 'Candidates',
  applications: 'Applications',
  stageChanges: 'Stage changes',
  feedback: 'Interview feedback',
  notes: 'Notes',
  interviews: 'Interviews',
  offers: 'Offers',
  users: 'Users',
};

const BUSY = new Set(['checking', 'running']);

/** Settings → Import: bring candidates, jobs and stage history from another system. Owners and admins. */
export function ImportSettings() {
  useDocumentTitle(['Import', 'Settings']);
  const list = useResource((signal) => listImports(signal), []);
  const [current, setCurrent] = useState<ImportJob>();
  const [starting, setStarting] = useState(false);
  const latest = list.state.data?.items[0];
  const job = current ?? (latest && latest.status !== 'done' && latest.status !== 'failed' ? latest : undefined);

  // While a step runs, the page polls the import (leave and come back: the list brings the running one back).
  useEffect(() => {
    if (!job || !BUSY.has(job.status)) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      getImport(job.id, controller.signal).then(setCurrent, () => undefined);
    }, 700);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [job?.id, job?.status]);

  return (
    <section aria-labelledby="import-heading" className="settings-section">
      <h2 id="import-heading">Import</h2>
      <p className="muted">
        Bring your candidates, jobs and their stage history from the system you used before, so clocks and risks start from the real dates. A dry run shows what will
        happen first; nothing is written until you press Import, and importing the same files again changes nothing.
      </p>
      {list.state.status === 'error' ? <Alert>{list.state.error}</Alert> : null}
      {job && !starting ? (
        <ImportJobPanel job={job} onChange={setCurrent} onNew={() => setStarting(true)} />
      ) : (
        <StartImport
          onStarted={(j) => {
            setStarting(false);
            setCurrent(j);
          }}
        />
      )}
      {list.state.data && list.state.data.items.length === 0 && !current ? <VendorHelp /> : null}
      {list.state.data && list.state.data.items.some((j) => j.status === 'done') ? (
        <>
          <h3>Earlier imports</h3>
          <ul>
            {list.state.data.items
              .filter((j) => j.status === 'done')
              .map((j) => (
                <li key={j.id}>
                  <RelativeTime at={j.finishedAt ?? j.updatedAt} />: {SYSTEMS.find((s) => s.value === j.system)?.label ?? j.system},{' '}
                  {formatCount(j.report?.counts.candidates?.create ?? 0)} candidates created.{' '}
                  <a href={importReportUrl(j.id)} download title={j.id}>
                    Download the report
                  </a>
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function VendorHelp() {
  return (
    <EmptyState title="No imports yet" level={3}>
      <p>Upload the files your old system gives you:</p>
      <ul>
        <li>
          <strong>A spreadsheet:</strong> one row per candidate and job, with a header row. Columns such as Name, Email, Job, Stage, Status, Source and
          Applied At are recognised; dates as YYYY-MM-DD. Save it as CSV (UTF-8).
        </li>
        <li>
          <strong>Greenhouse:</strong> ask your Greenhouse admin for a Harvest API export (candidates, applications, jobs, stages, scorecards, offers) as
          JSON files, or use an older Harvest v1/v2 dump.
        </li>
        <li>
          <strong>Lever:</strong> export opportunities (with their stage changes), postings, archive reasons, feedback and offers from the Lever API as JSON.
        </li>
        <li>
          <strong>Ashby:</strong> export candidates, applications with their history, jobs, feedback and offers from the Ashby API as JSON.
        </li>
      </ul>
    </EmptyState>
  );
}

function StartImport({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const [system, setSystem] = useState<ImportSystemChoice>('csv');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) {
      setError('Choose the file or files to import.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const job = await createImport(system);
      for (const file of files) await uploadImportFile(job.id, file);
      onStarted(await startDryRun(job.id));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <SelectField label="Import from" name="system" value={system} options={SYSTEMS} onChange={(v) => setSystem(v as ImportSystemChoice)} />
      <div className="field">
        <label htmlFor="import-files">Files</label>
        <input id="import-files" name="files" type="file" multiple accept={system === 'csv' ? '.csv,text/csv' : '.json,.ndjson,.jsonl,.csv,application/json'} onChange={(e) => setFiles([...(e.target.files ?? [])])} />
      </div>
      <div className="record-actions">
        <Button type="submit" variant="primary" busy={busy} busyLabel="Uploading…">
          Upload and check
        </Button>
      </div>
    </form>
  );
}

function ImportJobPanel({ job, onChange, onNew }: { job: ImportJob; onChange: (job: ImportJob) => void; onNew: () => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const report = job.report ?? job.dryRun;
  const act = async (work: () => Promise<ImportJob>) => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await work());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const stageChoice = (name: string, mappedTo: string | null) => mapping[name] ?? mappedTo ?? '';
  const unmapped = (job.dryRun?.stages ?? []).filter((s) => stageChoice(s.name, s.mappedTo) === '');
  const runIt = () =>
    act(async () => {
      let latest = job;
      const changed = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== ''));
      if (Object.keys(changed).length > 0) latest = await putStageMapping(job.id, job.version, changed);
      setMapping({});
      return runImport(latest.id);
    });

  return (
    <div className="stack">
      {error ? <Alert>{error}</Alert> : null}
      <p>
        {SYSTEMS.find((s) => s.value === job.system)?.label ?? job.system}: {job.files.map((f) => f.name).join(', ') || 'no files'}.{' '}
        <StatusWords job={job} />
      </p>
      {BUSY.has(job.status) ? <ProgressBar job={job} /> : null}
      {job.status === 'failed' ? <Alert>{job.error ?? 'The import stopped; nothing was imported.'}</Alert> : null}
      {report ? <ReportTable report={report} final={job.report !== null} /> : null}
      {job.status === 'checked' && job.dryRun && job.dryRun.stages.length > 0 ? (
        <fieldset className="stack">
          <legend>Stages: choose where each of your stages goes in Closer</legend>
          {job.dryRun.stages.map((s) => (
            <SelectField
              key={s.name}
              label={s.label ?? s.name}
              name={`stage-${s.name}`}
              value={stageChoice(s.name, s.mappedTo)}
              options={[{ value: '', label: 'Choose a stage…' }, ...job.closerStages.map((c) => ({ value: c.id, label: c.name }))]}
              onChange={(v) => setMapping((m) => ({ ...m, [s.name]: v }))}
            />
          ))}
        </fieldset>
      ) : null}
      <div className="record-actions">
        {job.status === 'checked' ? (
          <Button variant="primary" busy={busy} busyLabel="Starting…" disabled={(job.dryRun?.errors ?? 0) > 0 || unmapped.length > 0} onClick={() => void runIt()}>
            Import
          </Button>
        ) : null}
        {job.status === 'done' || job.status === 'checked' ? (
          <a className="button" href={importReportUrl(job.id)} download title={job.id}>
            Download the report
          </a>
        ) : null}
        {!BUSY.has(job.status) ? <Button onClick={onNew}>Start another import</Button> : null}
      </div>
      {job.status === 'checked' && unmapped.length > 0 ? <p className="muted">Choose a Closer stage for {unmapped.map((s) => s.label ?? s.name).join(', ')} to import.</p> : null}
      {job.status === 'checked' && (job.dryRun?.errors ?? 0) > 0 ? <p className="muted">Fix the errors in the files, then start another import with the corrected files.</p> : null}
    </div>
  );
}

function StatusWords({ job }: { job: ImportJob }) {
  const words: Record<ImportJob['status'], string> = {
    uploading: 'Waiting for files.',
    checking: 'Checking the files…',
    checked: 'Dry run done: nothing has been written yet.',
    running: 'Importing…',
    done: 'Imported.',
    failed: 'Stopped.',
  };
  return <strong role="status">{words[job.status]}</strong>;
}

function ProgressBar({ job }: { job: ImportJob }) {
  const p = job.progress;
  const label = job.status === 'checking' ? 'Checking the files' : 'Importing';
  if (!p || p.total === 0) return <progress aria-label={label} />;
  return (
    <p>
      <progress aria-label={label} max={p.total} value={p.done} /> {formatCount(p.done)} of {formatCount(p.total)}
    </p>
  );
}

function ReportTable({ report, final }: { report: ImportReport; final: boolean }) {
  const rows = Object.entries(report.counts).filter(([, c]) => c.create + c.merge + c.skip > 0);
  return (
    <div className="stack">
      <table className="data-table">
        <caption>{final ? 'What was imported' : 'What the import will do'}</caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col" className="num">
              {final ? 'Created' : 'New'}
            </th>
            <th scope="col" className="num">
              Matched by e-mail
            </th>
            <th scope="col" className="num">
              Already imported or left out
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([entity, c]) => (
            <tr key={entity}>
              <th scope="row">{ENTITY_WORDS[entity] ?? entity}</th>
              <td className="num">{formatCount(c.create)}</td>
              <td className="num">{formatCount(c.merge)}</td>
              <td className="num">{formatCount(c.skip)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.problemCount > 0 ? (
        <>
          <h3>
            {report.errors > 0 ? `${formatCount(report.errors)} errors, ` : ''}
            {formatCount(report.warnings)} warnings
          </h3>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>
                {p.severity === 'error' ? <strong>Error: </strong> : 'Warning: '}
                {p.message}
              </li>
            ))}
          </ul>
          {report.problemCount > report.problems.length ? <p className="muted">And {formatCount(report.problemCount - report.problems.length)} more: download the report for the full list.</p> : null}
        </>
      ) : null}
    </div>
  );
}
