import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { PlotOptions } from '@observablehq/plot';
import './plot-figure.css';

/** Observable Plot, loaded on first draw so a page's text shows before the chart library arrives. */
export type PlotModule = typeof import('@observablehq/plot');

let plotModule: Promise<PlotModule> | undefined;
const loadPlot = (): Promise<PlotModule> => (plotModule ??= import('@observablehq/plot'));

export interface PlotFigureProps {
  /** States the chart's finding ("The startup beats the offer in 2% of paths"); the figure's accessible name. */
  title: string;
  /** The title as a heading of this level (a chart in a section of its own); plain text when omitted. */
  titleLevel?: 2 | 3 | 4;
  /** One or two sentences under the title: how to read the chart. */
  caption?: ReactNode;
  /**
   * Builds the Plot options for the container's width; `plot` is the loaded module, for marks built without a static
   * import. Memoise it (useCallback): a new function redraws the chart. A `width` in the options wins over the container's.
   */
  options: (width: number, plot: PlotModule) => PlotOptions;
  /** The same numbers as a table. */
  table: ReactNode;
  /**
   * `toggle` (default): the table behind a "Show as table" control, for everyone. `screen-reader`: the table is
   * visually hidden and the drawing is hidden from screen readers, which read the table instead.
   */
  tableView?: 'toggle' | 'screen-reader';
  /** `data-chart` on the figure: a test and style hook. */
  id?: string;
  /** Extra classes on the figure; `chart` draws it as a card. */
  className?: string;
}

/**
 * The one chart wrapper: an Observable Plot chart in a figure whose caption states the finding, with a table view of
 * the same numbers (the UI guide: every chart has a title that states its finding, labelled axes, and a table view).
 * The chart follows its container's width, draws in its own task after the commit (typing and dragging stay
 * responsive; a newer drawing replaces an older one that has not started), and keeps the previous drawing until then.
 */
export function PlotFigure({ title, titleLevel, caption, options, table, tableView = 'toggle', id, className }: PlotFigureProps) {
  const titleId = useId();
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.getBoundingClientRect().width));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = holder.current;
    if (!element || width <= 0) return;
    let cancelled = false;
    const handle = setTimeout(() => {
      void loadPlot().then((Plot) => {
        if (cancelled) return;
        const chart = Plot.plot({ width, ...options(width, Plot), ariaLabel: title, className: 'plot' });
        // Plot writes its base rules in a <style> element, which the Content-Security-Policy (no inline styles)
        // refuses; the same rules are in plot-figure.css, so drop the element before it reaches the page.
        for (const style of chart.querySelectorAll('style')) style.remove();
        element.replaceChildren(chart);
      });
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(handle);
    };
  }, [options, width, title]);

  const Heading = titleLevel ? (`h${titleLevel}` as const) : 'span';
  const hiddenChart = tableView === 'screen-reader';
  return (
    <figure className={['plot-figure', className].filter(Boolean).join(' ')} data-chart={id} aria-labelledby={titleId}>
      <figcaption>
        <Heading className="chart-title" id={titleId}>
          {title}
        </Heading>
        {caption ? <div className="chart-caption">{caption}</div> : null}
      </figcaption>
      <div ref={holder} className="chart-canvas" aria-hidden={hiddenChart ? true : undefined} />
      {hiddenChart ? (
        <div className="visually-hidden">{table}</div>
      ) : (
        <details className="chart-table">
          <summary>Show as table</summary>
          {table}
        </details>
      )}
    </figure>
  );
}
