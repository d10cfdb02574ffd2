import { Link, useParams } from 'react-router-dom';
import './candidate-record.css';
import { getPersonExport } from '../../api/privacy.js';
import type { PersonExport } from '../../api/privacy.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';

/** Plain words for the stored tables, in the order a person reads them. */
const SECTIONS: ReadonlyArray<[string, string]> = [
  ['candidates', 'Personal details'],
  ['applications', 'Applications'],
  ['application_events', 'History and notes'],
  ['interviews', 'Interviews'],
  ['interview_interviewers', 'Interviewers'],
  ['scorecards', 'Scorecards'],
  ['offers', 'Offers'],
  ['offer_versions', 'Offer terms'],
  ['offer_approvals', 'Offer approvals'],
  ['candidate_files', 'Files'],
  ['today_marks', 'Done marks on Today'],
  ['prospects', 'Talent pools they are in'],
  ['prospect_events', 'Outreach history in talent pools'],
  ['notifications', 'Notifications that mention them'],
  ['outbox', 'Messages waiting to be sent'],
  ['audit_log', 'Changes recorded in the audit log'],
];

/** A stored column name in words: "current_employer" -> "Current employer". */
function words(column: string): string {
  const text = column.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function show(column: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (column === 'content' && typeof value === 'string') return `${Math.round((value.length * 3) / 4 / 1024)} KB (in the download)`;
  if (typeof value === 'object') return JSON.stringify(value, null, 1);
  return String(value);
}

function download(x: PersonExport, name: string) {
  const blob = new Blob([JSON.stringify(x, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'person'} - data.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * /candidates/:id/data: everything Closer holds about a person (a subject access request), readable, with the same
 * data as JSON to download and send them. Owners, admins and recruiters.
 */
export function CandidateDataPage() {
  const { id = '' } = useParams();
  const res = useResource((signal) => getPersonExport(id, signal), [id]);
  const x = res.state.data;
  const name = String(x?.tables.candidates?.[0]?.name ?? 'this person');
  return (
    <>
      <PageHeader
        title={x ? `Everything we hold about ${name}` : 'Their data'}
        description="Every record Closer keeps about this person, to answer their request to see it. Download it as a file to send them."
        actions={x ? <Button onClick={() => download(x, name)}>Download as JSON</Button> : undefined}
      />
      <p>
        <Link to={`/candidates/${encodeURIComponent(id)}`}>Back to {x ? name : 'the candidate'}</Link>
      </p>
      {res.state.status === 'error' ? <Alert>{res.state.error}</Alert> : null}
      {!x && res.state.status === 'loading' ? (
        <p className="muted" role="status">
          Collecting their data…
        </p>
      ) : null}
      {x
        ? SECTIONS.filter(([table]) => (x.tables[table]?.length ?? 0) > 0).map(([table, title]) => (
            <section key={table} className="panel" aria-labelledby={`data-${table}`}>
              <h2 className="panel-title" id={`data-${table}`}>
                {title} ({x.tables[table]!.length})
              </h2>
              {x.tables[table]!.map((row, i) => (
                <dl key={String(row.id ?? row.seq ?? i)} className="data-record">
                  {Object.entries(row).map(([column, value]) => (
                    <div key={column} className="data-field">
                      <dt>{words(column)}</dt>
                      <dd>{show(column, value)}</dd>
                    </div>
                  ))}
                </dl>
              ))}
            </section>
          ))
        : null}
    </>
  );
}
