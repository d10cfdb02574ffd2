import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { listTemplates } from '../../api/sequences.js';
import type { OutreachTemplate } from '../../api/sequences.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { SourcingNav } from './SourcingNav.js';
import './sourcing.css';

/** The worst finding of a template's lint as a badge, or "Passes". */
function LintSummary({ t }: { t: OutreachTemplate }) {
  const worst = t.lint.findings.find((f) => f.severity === 'error') ?? t.lint.findings.find((f) => f.severity === 'warning');
  if (!worst) return <>Passes</>;
  const count = worst.severity === 'error' ? t.lint.errors : t.lint.warnings;
  return (
    <>
      <SeverityBadge severity={worst.severity} rule={worst.rule} /> {count > 1 ? `${count} to fix` : 'to fix'}
    </>
  );
}

/** Outreach e-mail templates, with their lint for a passive audience (the stricter one). */
export function TemplatesPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canWrite = can(user.role, 'sourcing.write');
  const templates = useResource((signal) => listTemplates(signal), []);
  const columns = useMemo<DataTableColumn<OutreachTemplate>[]>(
    () => [
      { id: 'name', header: 'Template', cell: (t) => <Link to={`/sourcing/templates/${encodeURIComponent(t.id)}`} className="cell-primary">{t.name}</Link>, sortValue: (t) => t.name.toLowerCase() },
      { id: 'subject', header: 'Subject', cell: (t) => t.subject, sortValue: (t) => t.subject.toLowerCase(), hideOnPhone: true },
      { id: 'lint', header: 'Checks (passive people)', cell: (t) => <LintSummary t={t} />, sortValue: (t) => t.lint.errors * 100 + t.lint.warnings },
      { id: 'updated', header: 'Changed', cell: (t) => <RelativeTime at={t.updatedAt} />, sortValue: (t) => t.updatedAt, hideOnPhone: true },
    ],
    [],
  );
  return (
    <>
      <PageHeader
        title="Outreach templates"
        description="The e-mails your sequences send. Each is checked as you write: the base salary first, then what an ML engineer gets."
        actions={canWrite ? <Link className="button button-primary" to="/sourcing/templates/new">New template</Link> : undefined}
      />
      <SourcingNav />
      {templates.state.status === 'error' && <Alert>{templates.state.error}</Alert>}
      {templates.state.data && (
        <DataTable
          caption="Outreach templates"
          columns={columns}
          rows={templates.state.data.items}
          rowKey={(t) => t.id}
          onOpen={(t) => navigate(`/sourcing/templates/${encodeURIComponent(t.id)}`)}
          empty={
            <EmptyState title="No templates yet" action={canWrite ? <Link className="button button-primary" to="/sourcing/templates/new">Write the first template</Link> : undefined}>
              A template is the e-mail a sequence sends, with merge fields such as the person’s first name and the role’s base range. Write one, then build a sequence that sends it.
            </EmptyState>
          }
        />
      )}
    </>
  );
}
