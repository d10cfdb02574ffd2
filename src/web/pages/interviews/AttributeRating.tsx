import { TextAreaField } from '../../components/Field.js';
import type { ScorecardTemplate } from './api.js';
import { RatingGroup } from './RatingGroup.js';
import type { ScorecardForm } from './scorecard-form.js';

type Attribute = ScorecardTemplate['attributes'][number];
type Row = ScorecardForm['ratings'][string];

export interface AttributeRatingProps {
  attribute: Attribute;
  scale: ScorecardTemplate['scale'];
  row: Row;
  errors: Readonly<Record<string, string>>;
  /** A new rating and evidence for this attribute; `field` is the input that changed (its error is cleared). */
  onChange: (field: string, row: Row) => void;
}

/** One attribute of the scorecard: its 1-4 rating with the anchors, the evidence line, and "clear" for an attribute the interview did not cover. */
export function AttributeRating({ attribute, scale, row, errors, onChange }: AttributeRatingProps) {
  const ratingField = `rating.${attribute.id}`;
  const evidenceField = `evidence.${attribute.id}`;
  return (
    <RatingGroup
      legend={attribute.name}
      description={attribute.description}
      name={ratingField}
      value={row.rating}
      error={errors[ratingField]}
      options={([1, 2, 3, 4] as const).map((n) => ({ value: n, label: String(n), detail: attribute.anchors[String(n) as '1'] ?? scale[String(n) as '1'] }))}
      onChange={(rating) => onChange(ratingField, { ...row, rating })}
    >
      <TextAreaField
        label={`Evidence for ${attribute.name}`}
        name={evidenceField}
        frameClassName="evidence-field"
        className="evidence-input"
        rows={2}
        maxLength={2000}
        value={row.evidence}
        placeholder="What did the candidate say or do?"
        error={errors[evidenceField]}
        onChange={(evidence) => onChange(evidenceField, { ...row, evidence })}
      />
      {row.rating !== null || row.evidence ? (
        <button type="button" className="link-button small" onClick={() => onChange(ratingField, { rating: null, evidence: '' })}>
          Clear {attribute.name} (not covered)
        </button>
      ) : null}
    </RatingGroup>
  );
}
