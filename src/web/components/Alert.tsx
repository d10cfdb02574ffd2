import type { ReactNode } from 'react';
import { MessageText } from './MessageText.js';

export interface AlertProps {
  children: ReactNode;
  /** `error` is announced at once (role=alert); `info` and `success` politely (role=status). */
  tone?: 'error' | 'info' | 'success';
  title?: string;
}

/** A message above a form or list: a failed save that names no field, a session that ended. Places a text names ("Settings → Approvals") become links. */
export function Alert({ children, tone = 'error', title }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      <div>{typeof children === 'string' ? <MessageText text={children} /> : children}</div>
    </div>
  );
}
