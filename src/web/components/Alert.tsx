import type { ReactNode } from 'react';

export interface AlertProps {
  children: ReactNode;
  /** `error` is announced at once (role=alert); `info` and `success` politely (role=status). */
  tone?: 'error' | 'info' | 'success';
  title?: string;
}

/** A message above a form or list: a failed save that names no field, a session that ended. */
export function Alert({ children, tone = 'error', title }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
