// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlotFigure } from './PlotFigure.js';
import type { PlotModule } from './PlotFigure.js';

const table = (
  <table>
    <caption>Points per signal</caption>
    <tbody>
      <tr>
        <th scope="row">Senior practitioner</th>
        <td>12</td>
      </tr>
    </tbody>
  </table>
);

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('PlotFigure', () => {
  it('names the figure by its finding and keeps the numbers behind "Show as table"', () => {
    render(<PlotFigure title="The grant is worth nothing in 62% of futures" caption="Share of paths by value" options={() => ({ marks: [] })} table={table} id="distribution" />);
    const figure = screen.getByRole('figure', { name: 'The grant is worth nothing in 62% of futures' });
    expect(figure.getAttribute('data-chart')).toBe('distribution');
    expect(within(figure).getByText('Share of paths by value')).toBeTruthy();
    const details = figure.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(within(details).getByText('Show as table').tagName).toBe('SUMMARY');
    expect(within(details).getByRole('table', { hidden: true })).toBeTruthy();
    // The drawing is for everyone in this mode: not hidden from screen readers.
    expect(figure.querySelector('.chart-canvas')!.getAttribute('aria-hidden')).toBeNull();
  });

  it('gives screen readers the table instead of the drawing when asked', () => {
    render(<PlotFigure title="Senior practitioner earns the most" tableView="screen-reader" options={() => ({ marks: [] })} table={table} />);
    const figure = screen.getByRole('figure', { name: 'Senior practitioner earns the most' });
    expect(figure.querySelector('details')).toBeNull();
    expect(figure.querySelector('.chart-canvas')!.getAttribute('aria-hidden')).toBe('true');
    const hidden = figure.querySelector('.visually-hidden')!;
    expect(within(hidden as HTMLElement).getByRole('rowheader', { name: 'Senior practitioner' })).toBeTruthy();
  });

  it('renders the title as a heading of the level asked for', () => {
    render(<PlotFigure title="Median base ranges from $120K to $310K" titleLevel={3} options={() => ({ marks: [] })} table={table} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Median base ranges from $120K to $310K' })).toBeTruthy();
  });

  it('draws nothing while the container has no width', async () => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => ({ width: 0 }) as DOMRect);
    const options = vi.fn(() => ({ marks: [] }));
    render(<PlotFigure title="A" options={options} table={table} />);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(options).not.toHaveBeenCalled();
  });

  it('draws with the container width and the loaded Plot module', async () => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => ({ width: 480 }) as DOMRect);
    const options = vi.fn((_width: number, Plot: PlotModule) => ({ height: 120, marks: [Plot.ruleY([0])] }));
    render(<PlotFigure title="B" options={options} table={table} />);
    await waitFor(() => expect(options).toHaveBeenCalled(), { timeout: 15_000 });
    expect(options.mock.calls[0]![0]).toBe(480);
    expect(typeof options.mock.calls[0]![1].plot).toBe('function');
    await waitFor(() => expect(document.querySelector('.chart-canvas')!.children.length).toBe(1));
  });
});
