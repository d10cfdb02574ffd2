// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getStageBand } from '../../../domain/compensation/bands.js';
import { ChartTable } from '../../components/ChartTable.js';
import { basePlacementTitle } from './BasePlacementChart.js';

afterEach(cleanup);

describe('basePlacementTitle', () => {
  const seed = getStageBand('seed');
  it("places the base against the market's range for the stage, in words that do not claim a board's approval", () => {
    const title = basePlacementTitle({ base: 178_000, currency: 'USD', threshold: 150_000, band: seed, marketMedian: 190_000 });
    expect(title).toMatch(/^Base \$178K clears the candidate's threshold of \$150,000, below the market's seed-stage range, below the market median$/);
    expect(title).not.toMatch(/board|approved/);
    expect(basePlacementTitle({ base: 200_000, currency: 'USD', threshold: 210_000, band: seed, marketMedian: null })).toBe(
      "Base $200K is below the candidate's threshold of $210,000, inside the market's seed-stage range",
    );
  });

  it('leaves the range out when it is in another currency', () => {
    expect(basePlacementTitle({ base: 200_000, currency: 'EUR', threshold: 100_000, band: seed, marketMedian: null })).not.toMatch(/range/);
  });
});

describe('ChartTable', () => {
  it('heads the numeric columns as numbers and hides the named ones on a phone', () => {
    render(
      <ChartTable caption="Percentiles" columns={['Offer', 'Mean', 'P50']} phoneHides={['Mean']}>
        <tr>
          <th scope="row">Startup</th>
          <td>1</td>
          <td>2</td>
        </tr>
      </ChartTable>,
    );
    const table = screen.getByRole('table', { name: 'Percentiles' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers[0]!.getAttribute('class')).toBeNull();
    expect(headers.slice(1).map((h) => h.className)).toEqual(['num hide-phone', 'num']);
  });
});
