import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { FormEvent } from 'react';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextField } from '../../components/Field.js';
import { formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { getAttractivenessInputs, putAttractivenessInputs } from './api.js';
import type { AttractivenessInputs, SignalState } from './api.js';

const STATE_OPTIONS = [
  { value: 'present', label: 'Present' },
  { value: 'partial', label: 'Partial' },
  { value: 'absent', label: 'Absent' },
];

type Path = 'mlInfrastructure.trainingPipelines' | 'mlInfrastructure.experimentTracking' | 'mlInfrastructure.featureStore' | 'mlInfrastructure.deploymentAutomation' | Exclude<keyof AttractivenessInputs, 'mlInfrastructure' | 'weights'>;

// The inputs in the order of the score's signals; the signal id ties each to its weight.
const FIELDS: readonly { path: Path; signal: string; label: string; hint?: string }[] = [
  { path: 'mlInfrastructure.trainingPipelines', signal: 'training-pipelines', label: 'Training pipelines', hint: 'Built and running; plans do not count.' },
  { path: 'mlInfrastructure.experimentTracking', signal: 'experiment-tracking', label: 'Experiment tracking' },
  { path: 'mlInfrastructure.featureStore', signal: 'feature-store', label: 'Feature store' },
  { path: 'mlInfrastructure.deploymentAutomation', signal: 'deployment-automation', label: 'Deployment automation' },
  { path: 'seniorAiPractitioner', signal: 'senior-ai-practitioner', label: 'A senior AI practitioner on the team' },
  { path: 'recognisedLab', signal: 'recognised-lab', label: 'Senior practitioner from a recognised lab' },
  { path: 'computeBudgetStated', signal: 'compute-budget-stated', label: 'Compute budget stated openly', hint: 'For example 50-200 K USD of GPU/TPU credits.' },
  { path: 'infraBudgetVisible', signal: 'infra-budget-visible', label: 'Visible infrastructure budget', hint: '100 K USD or more for compute, tooling and vendors.' },
  { path: 'proprietaryData', signal: 'proprietary-data', label: 'Proprietary data incumbents cannot reach' },
  { path: 'productStrategy', signal: 'product-strategy', label: 'Clear AI product strategy', hint: 'How ML creates defensible value, not “we will add AI”.' },
  { path: 'productionMl', signal: 'production-ml', label: 'Production ML serving real users' },
];

function read(inputs: AttractivenessInputs, path: Path): SignalState {
  if (path.startsWith('mlInfrastructure.')) return inputs.mlInfrastructure[path.slice('mlInfrastructure.'.length) as keyof AttractivenessInputs['mlInfrastructure']];
  return inputs[path as Exclude<Path, `mlInfrastructure.${string}`>];
}

function write(inputs: AttractivenessInputs, path: Path, value: SignalState): AttractivenessInputs {
  if (path.startsWith('mlInfrastructure.')) {
    const key = path.slice('mlInfrastructure.'.length) as keyof AttractivenessInputs['mlInfrastructure'];
    return { ...inputs, mlInfrastructure: { ...inputs.mlInfrastructure, [key]: value } };
  }
  return { ...inputs, [path]: value };
}

/** The attractiveness inputs (PUT /company/attractiveness-inputs): each signal's state and, optionally, its weight. */
export function AttractivenessInputsForm({ onSaved }: { onSaved: () => void }) {
  const stored = useResource((signal) => getAttractivenessInputs(signal), []);
  const [inputs, setInputs] = useState<AttractivenessInputs | null>(null);
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [defaults, setDefaults] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<FieldErrors<string>>({});
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (stored.state.status !== 'ready' || inputs !== null) return;
    const view = stored.state.data;
    setInputs(view.inputs);
    setDefaults(view.defaultWeights);
    setWeights(Object.fromEntries(Object.entries(view.defaultWeights).map(([id, w]) => [id, String(view.weights[id] ?? w)])));
  }, [stored.state, inputs]);

  if (!inputs || !stored.state.data) return stored.state.status === 'error' ? <Alert>{stored.state.error}</Alert> : null;
  // Known from the AI team (Team page) or from setup: shown, not asked again.
  const seniorFrom = stored.state.data.seniorAiPractitionerFrom;
  const fieldNames = [...FIELDS.map((f) => f.path as string), ...Object.keys(defaults).map((id) => `weights.${id}`)];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    const overrides: Record<string, number> = {};
    for (const [id, text] of Object.entries(weights)) {
      const value = Number(text);
      if (!text.trim() || !Number.isFinite(value) || value < 0) {
        setErrors({ [`weights.${id}`]: 'Enter a weight of 0 or more.' });
        return;
      }
      if (value !== defaults[id]) overrides[id] = value;
    }
    setSaving(true);
    try {
      const { weights: _old, seniorAiPractitioner, ...states } = inputs;
      // A signal known from the team or setup is not the form's to store.
      await putAttractivenessInputs({ ...states, ...(seniorFrom ? {} : { seniorAiPractitioner }), ...(Object.keys(overrides).length ? { weights: overrides } : {}) } as AttractivenessInputs);
      setSaved(true);
      onSaved();
    } catch (error) {
      const failure = formFailure(error, fieldNames);
      setErrors(failure.fields);
      setFormError(failure.form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="attract-inputs-heading" className="team-inputs">
      <h2 id="attract-inputs-heading">What candidates can see today</h2>
      <p className="muted">Mark each signal present, partial or absent. The score and the pitch update when you save.</p>
      <form onSubmit={onSubmit} noValidate className="stack" aria-label="Attractiveness signals">
        {formError ? <Alert>{formError}</Alert> : null}
        {saved ? <Alert tone="success">Saved. The score above is updated.</Alert> : null}
        <div className="signal-grid">
          {FIELDS.map((f) =>
            f.path === 'seniorAiPractitioner' && seniorFrom ? (
              <div key={f.path} className="field">
                <p className="field-label">{f.label}</p>
                <p data-testid="senior-known">
                  {STATE_OPTIONS.find((o) => o.value === inputs.seniorAiPractitioner)?.label}{' '}
                  <span className="muted small">
                    {seniorFrom === 'ai-team' ? (
                      <>
                        from your AI team on the <Link to="/team">Team page</Link>
                      </>
                    ) : (
                      <>
                        setup says nobody builds ML/AI (<Link to="/settings/company">company profile</Link>)
                      </>
                    )}
                  </span>
                </p>
              </div>
            ) : (
            <SelectField
              key={f.path}
              label={f.label}
              name={f.path}
              value={read(inputs, f.path)}
              options={STATE_OPTIONS}
              hint={f.hint}
              onChange={(value) => {
                setSaved(false);
                setInputs(write(inputs, f.path, value as SignalState));
              }}
              error={errors[f.path]}
            />
            ),
          )}
        </div>
        <details className="attract-weights">
          <summary>Weights (how much each signal counts)</summary>
          <div className="signal-grid">
            {Object.keys(defaults).map((id) => (
              <TextField
                key={id}
                label={`Weight of ${FIELDS.find((f) => f.signal === id)?.label ?? (id === 'funding-stage' ? 'Funding stage' : id)}`}
                name={`weights.${id}`}
                inputMode="decimal"
                value={weights[id] ?? ''}
                hint={`Default ${defaults[id]}`}
                onChange={(value) => {
                  setSaved(false);
                  setWeights((current) => ({ ...current, [id]: value }));
                }}
                error={errors[`weights.${id}`]}
              />
            ))}
          </div>
        </details>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={saving} busyLabel="Saving…">
            Save signals
          </Button>
        </div>
      </form>
    </section>
  );
}
