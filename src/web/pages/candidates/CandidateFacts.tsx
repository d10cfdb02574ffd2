import type { ReactNode } from 'react';
import type { Candidate } from '../../api/pipeline.js';
import { Money } from '../../components/Money.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { specializationWords } from '../../lib/words.js';
import { SOURCE_LABELS } from '../../lib/pipeline-labels.js';
import './pipeline.css';

/** What Closer knows about the person; current pay only for those who may read compensation. `actions` sit beside the title. */
export function CandidateFacts({ candidate, seesPay, actions }: { candidate: Candidate; seesPay: boolean; actions?: ReactNode }) {
  const pay = seesPay ? candidate.currentCompensation : undefined;
  return (
    <section className="panel" aria-labelledby="facts-title">
      <div className="panel-heading">
        <h2 className="panel-title" id="facts-title">
          Details
        </h2>
        {actions}
      </div>
      <dl className="candidate-facts">
        <dt>E-mail</dt>
        <dd>
          <a href={`mailto:${candidate.email}`}>{candidate.email}</a>
        </dd>
        <dt>Phone</dt>
        <dd>{candidate.phone ? <a href={`tel:${candidate.phone.replace(/[^\d+]/g, '')}`}>{candidate.phone}</a> : '—'}</dd>
        <dt>Location</dt>
        <dd>{candidate.location ?? '—'}</dd>
        <dt>Links</dt>
        <dd>
          {candidate.links.length > 0 ? (
            <ul className="fact-links">
              {candidate.links.map((link) => (
                <li key={link}>
                  <a href={link} target="_blank" rel="noopener noreferrer">
                    {link.replace(/^https?:\/\/(www\.)?/i, '')}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
        <dt>Current employer</dt>
        <dd>{candidate.pedigreeHidden ? <span className="muted">Hidden (blind review)</span> : (candidate.currentEmployer ?? '—')}</dd>
        <dt>Source</dt>
        <dd>{SOURCE_LABELS[candidate.source] ?? candidate.source}</dd>
        <dt>Looking</dt>
        <dd>{candidate.passive ? 'Passive' : 'Active'}</dd>
        <dt>Production ML</dt>
        <dd>{candidate.productionMlYears === null ? '—' : `${candidate.productionMlYears} years`}</dd>
        <dt>Specializations</dt>
        <dd>{candidate.specializations.length > 0 ? candidate.specializations.map(specializationWords).join(', ') : '—'}</dd>
        {pay ? (
          <>
            <dt>Current pay</dt>
            <dd>
              <Money amount={pay.base} currency={pay.currency} /> base
              {pay.bonus ? (
                <>
                  {' '}
                  + <Money amount={pay.bonus} currency={pay.currency} /> bonus
                </>
              ) : null}
              {pay.equityAnnual ? (
                <>
                  {' '}
                  + <Money amount={pay.equityAnnual} currency={pay.currency} /> equity/yr
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>Added</dt>
        <dd>
          <RelativeTime at={candidate.createdAt} />
        </dd>
      </dl>
    </section>
  );
}
