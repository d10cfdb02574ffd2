import { Navigate, useParams } from 'react-router-dom';
import { getApplication } from '../../api/pipeline.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { PageHeader } from '../../components/PageHeader.js';

/** /applications/:id (the links of Today) opens the candidate's page on that application. */
export function ApplicationRedirect() {
  const { id = '' } = useParams();
  const application = useResource((signal) => getApplication(id, signal), [id]);
  const data = application.state.data;
  if (data) return <Navigate to={`/candidates/${encodeURIComponent(data.candidateId)}?application=${encodeURIComponent(data.id)}`} replace />;
  return (
    <>
      <PageHeader title="Application" />
      {application.state.status === 'error' ? <Alert>{application.state.error}</Alert> : <p className="muted">Opening…</p>}
    </>
  );
}
