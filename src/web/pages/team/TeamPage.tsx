import { Link } from 'react-router-dom';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Money } from '../../components/Money.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatCount } from '../../lib/format-money.js';
import { specializationWords, stageWords } from '../../lib/words.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { FindingsList } from '../../components/FindingsList.js';
import { BOTTLENECK_LABELS, getTeamPlan } from './api.js';
import type { TeamPlan } from './api.js';
import { TeamNav } from './TeamNav.js';
import { TeamPlanInputsForm } from './TeamPlanInputsForm.js';
import { formatShare } from '../../lib/format-number.js';
import { TIMING_LABELS, planTimeline } from './timeline.js';
import './team.css';

const SENIORITY_LABELS: Record<string, string> = { junior: 'Junior', mid: 'Mid-level', senior: 'Senior', 'staff+': 'Staff+', lead: 'Lead' };

/** /team: the ordered hiring plan as a timeline with cost per hire and the running budget share. */
export function TeamPage() {
  const user = useCurrentUser();
  const allowed = can(user.role, 'team.read');
  const plan = useResource((signal) => (allowed ? getTeamPlan(signal) : Promise.resolve(null)), [allowed]);
  if (!allowed) {
    return (
      <>
        <PageHeader title="Team" description="Who to hire next, in what order, and what it costs." />
        <TeamNav />
        <EmptyState title="The hiring plan is not shown to your role" action={<Link to="/team/company" className="button button-secondary">See how candidates see the company</Link>}>
          <p>The plan prices each hire and the team's pay against the budget, and interviewers do not see compensation.</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Team" description="Who to hire next, in what order, what each hire costs and how much of the budget the AI team takes." />
      <TeamNav />
      {plan.state.status === 'error' ? <Alert>{plan.state.error}</Alert> : null}
      {plan.state.data ? (
        <TeamPlanView plan={plan.state.data} canEdit={can(user.role, 'company.update')} onSaved={plan.reload} />
      ) : plan.state.status === 'loading' ? (
        <p className="muted" role="status">
          Loading the team plan…
        </p>
      ) : null}
    </>
  );
}

/** What setup said about the company, in one sentence: the plan's starting point before anyone describes the team. */
export function profileSentence(inputs: Pick<TeamPlan['inputs'], 'headcount' | 'stage' | 'aiTeamSize'>): string {
  const stage = stageWords(inputs.stage);
  const people = `${formatCount(inputs.headcount)} ${inputs.headcount === 1 ? 'person' : 'people'}`;
  const team =
    inputs.aiTeamSize === 0
      ? 'nobody builds ML/AI yet'
      : `${formatCount(inputs.aiTeamSize)} of them ${inputs.aiTeamSize === 1 ? 'builds' : 'build'} ML/AI, not yet described, so none counts as a senior AI practitioner`;
  return `From setup: ${people} at ${stage}; ${team}.`;
}

function TeamPlanView({ plan, canEdit, onSaved }: { plan: TeamPlan; canEdit: boolean; onSaved: () => void }) {
  const rows = planTimeline(plan);
  const currency = plan.teamYearlyCashComp?.currency ?? plan.inputs.currency;
  const budget = plan.budget ?? null;
  // The bar's scale: the budget when there is one (with room past the error line), else the largest running cost.
  const scaleMax = budget
    ? Math.max(budget.errorAbove * 1.15, ...rows.map((r) => r.cumulativeShare ?? 0))
    : Math.max(1, ...rows.map((r) => r.cumulativeCost ?? 0));
  const generalistFirst = plan.hires[0]?.covers.length > 1;

  return (
    <div className="team-plan stack">
      {!plan.inputsStored ? (
        <Alert tone="info" title="This plan starts from your company profile">
          {profileSentence(plan.inputs)} It takes infrastructure as the bottleneck and states no budget until someone says otherwise.{' '}
          {canEdit
            ? plan.inputs.aiTeamSize > 0
              ? 'Describe those people below (specialization and seniority), your bottleneck and your budget to plan for your company.'
              : 'Set your bottleneck and budget below to plan for your company.'
            : 'Ask an owner or admin to describe the AI team and budget.'}
        </Alert>
      ) : null}

      {plan.hires.length === 0 ? (
        <EmptyState
          title="No hires to plan"
          action={
            canEdit ? (
              <a href="#team-inputs" className="button button-secondary">
                Change the bottleneck or number of hires
              </a>
            ) : undefined
          }
        >
          <p>Your AI team already covers every specialization the plan would add. Change the bottleneck or the number of hires to plan further.</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Hiring order</h2>
          <p className="muted">
            {formatCount(plan.inputs.headcount)} people at {stageWords(plan.inputs.stage)}; bottleneck: {BOTTLENECK_LABELS[plan.inputs.bottleneck] ?? plan.inputs.bottleneck}.
            {plan.compensationVisible
              ? budget
                ? ' Each bar: the AI team’s yearly cash comp as a share of the yearly budget once that hire joins; the lines mark the warning and error limits.'
                : ' Each bar: the AI team’s yearly cash comp once that hire joins.'
              : ''}
          </p>
          <ol className="timeline" aria-label="Planned hires in order">
            {rows.map(({ hire, cumulativeCost, cumulativeShare }) => {
              const value = budget ? cumulativeShare : cumulativeCost;
              const width = value === null ? 0 : Math.min(100, (value / scaleMax) * 100);
              const tone = budget && cumulativeShare !== null ? (cumulativeShare > budget.errorAbove ? 'error' : cumulativeShare > budget.warningAbove ? 'warning' : 'ok') : 'ok';
              return (
                <li key={hire.order} className="timeline-row" data-testid="plan-row">
                  <span className="timeline-order" aria-hidden="true">
                    {hire.order}
                  </span>
                  <div className="timeline-main">
                    <p className="timeline-title">
                      <span className="visually-hidden">Hire {hire.order}: </span>
                      {hire.title}
                    </p>
                    <p className="muted small">
                      {SENIORITY_LABELS[hire.seniority] ?? hire.seniority} · {hire.specializationName}
                      {hire.covers.length > 1 ? ` · covers ${hire.covers.map(specializationWords).join(', ')}` : ''}
                    </p>
                    <p className="timeline-why">{hire.whyNow}</p>
                  </div>
                  <dl className="timeline-figures">
                    <div>
                      <dt>When</dt>
                      <dd>{TIMING_LABELS[hire.timing] ?? hire.timing}</dd>
                    </div>
                    {plan.compensationVisible ? (
                      <div>
                        <dt>Cost per year</dt>
                        <dd>{typeof hire.yearlyCost === 'number' ? <Money amount={hire.yearlyCost} currency={hire.band?.currency ?? currency} /> : 'No band'}</dd>
                      </div>
                    ) : null}
                    {plan.compensationVisible ? (
                      <div>
                        <dt>{budget ? 'Budget share after' : 'Team cost after'}</dt>
                        <dd>
                          {budget && cumulativeShare !== null
                            ? formatShare(cumulativeShare, 1)
                            : cumulativeCost !== null
                              ? <Money amount={cumulativeCost} currency={currency} compact />
                              : '—'}
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                  {plan.compensationVisible ? (
                    <div className="timeline-bar" aria-hidden="true">
                      <span className={`timeline-fill timeline-fill-${tone}`} style={{ width: `${width}%` }} />
                      {budget ? (
                        <>
                          <span className="timeline-limit" style={{ left: `${(budget.warningAbove / scaleMax) * 100}%` }} title={`Warning above ${formatShare(budget.warningAbove, 1)}`} />
                          <span className="timeline-limit timeline-limit-error" style={{ left: `${(budget.errorAbove / scaleMax) * 100}%` }} title={`Error above ${formatShare(budget.errorAbove, 1)}`} />
                        </>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      )}

      {plan.compensationVisible && plan.teamYearlyCashComp ? (
        <section aria-labelledby="cost-heading">
          <h2 id="cost-heading">Cost and budget share</h2>
          <dl className="facts">
            <div>
              <dt>Current AI team, per year</dt>
              <dd>
                <Money amount={plan.teamYearlyCashComp.current} currency={plan.teamYearlyCashComp.currency} />
              </dd>
            </div>
            <div>
              <dt>Planned hires, per year</dt>
              <dd>
                <Money amount={plan.teamYearlyCashComp.planned} currency={plan.teamYearlyCashComp.currency} />
              </dd>
            </div>
            <div>
              <dt>AI team after the plan</dt>
              <dd>
                <Money amount={plan.teamYearlyCashComp.total} currency={plan.teamYearlyCashComp.currency} />
              </dd>
            </div>
            <div>
              <dt>Share of yearly budget</dt>
              <dd data-testid="budget-share">
                {budget ? (
                  <>
                    {formatShare(budget.share, 1)}{' '}
                    {budget.severity === 'ok' ? (
                      <Badge tone="success">Within limits</Badge>
                    ) : (
                      <>
                        <SeverityBadge severity={budget.severity} rule="comp.budget-share" />{' '}
                        <span className="muted small">above {formatShare(budget.severity === 'error' ? budget.errorAbove : budget.warningAbove, 1)}</span>
                      </>
                    )}
                  </>
                ) : (
                  'No budget stated'
                )}
              </dd>
            </div>
            {budget ? (
              <div>
                <dt>Yearly budget</dt>
                <dd>
                  <Money amount={budget.annualBudget} currency={plan.teamYearlyCashComp.currency} />
                </dd>
              </div>
            ) : null}
          </dl>
          {plan.teamYearlyCashComp.unpricedMembers > 0 ? (
            <p className="muted small">
              {formatCount(plan.teamYearlyCashComp.unpricedMembers)} current team member(s) have no stated pay and no band to price them.
            </p>
          ) : null}
        </section>
      ) : null}

      {plan.findings.length > 0 ? (
        <section aria-labelledby="plan-findings-heading">
          <h2 id="plan-findings-heading">Findings</h2>
          <FindingsList findings={plan.findings} />
        </section>
      ) : null}

      <section aria-labelledby="why-heading" className="team-why">
        <h2 id="why-heading">Why this order</h2>
        <ol>
          <li className={generalistFirst ? 'is-applied' : undefined}>
            <strong>Senior generalist first.</strong> Without a senior AI practitioner, the first hire is a founding ML engineer with 5+ years of
            production ML who defines the architecture from data pipelines to deployment. Specialists hired before that optimise their own corner
            without system-level integration. (A company whose core is AI safety or novel research hires that specialist first.)
            {generalistFirst ? <Badge tone="accent">Applies to you</Badge> : null}
          </li>
          <li>
            <strong>Specialists after the architecture,</strong> usually from about 8-12 employees.
          </li>
          <li>
            <strong>The next specialist fixes the largest bottleneck:</strong> MLOps when infrastructure slows experiments, applied research when model
            quality limits the product, data engineering when data is the constraint, a full-stack AI engineer when integration is.
          </li>
          <li>
            <strong>Juniors only with a senior anchor</strong> to learn from.
          </li>
          <li>
            <strong>Each hire is priced from the stage band</strong> and the team's yearly cash comp is compared with the budget
            {budget ? ` (warning above ${formatShare(budget.warningAbove, 1)}, error above ${formatShare(budget.errorAbove, 1)})` : ''}.
          </li>
        </ol>
        <p className="muted small">
          Next: check each role's scope in the <Link to="/roles/new">role editor</Link>, and see how candidates read your company on{' '}
          <Link to="/team/company">Attractiveness</Link>.
        </p>
      </section>

      {canEdit ? <TeamPlanInputsForm onSaved={onSaved} /> : null}
    </div>
  );
}
