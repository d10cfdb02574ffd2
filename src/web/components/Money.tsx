import { formatMoney } from '../lib/format-money.js';

export interface MoneyProps {
  /** Whole currency units (an integer), as the API sends money. */
  amount: number;
  /** ISO 4217 code, usually the company currency. */
  currency: string;
  /** "$3.2M"; the exact amount is then in the title. */
  compact?: boolean;
}

/** Money with its currency and thousands separators; tabular figures so columns line up. */
export function Money({ amount, currency, compact = false }: MoneyProps) {
  const text = formatMoney(amount, currency, { compact });
  return (
    <data className="num" value={String(amount)} title={compact ? formatMoney(amount, currency) : undefined}>
      {text}
    </data>
  );
}
