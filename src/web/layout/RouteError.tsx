import { isRouteErrorResponse, useRouteError } from 'react-router-dom';

/** Shown when a page fails to load or render: says what happened and offers a reload (new code after an upgrade). */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <div className="route-error" role="alert">
      <h1 tabIndex={-1}>This page could not be shown</h1>
      <p>
        Something failed while loading it. If Closer was just upgraded, reloading fetches the new version.
      </p>
      <p className="route-error-detail">
        <span className="visually-hidden">Details: </span>
        <code>{detail}</code>
      </p>
      <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
