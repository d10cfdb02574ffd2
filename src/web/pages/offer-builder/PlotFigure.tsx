import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';

export interface PlotFigureProps {
  /** States the chart's finding ("The startup beats the offer in 2% of paths"). */
  title: string;
  /** One or two sentences read by screen readers and shown under the chart. */
  caption: ReactNode;
  /** Builds the Plot options for a given width (memoise it: a new function redraws the chart). */
  options: (width: number) => PlotOptions;
  /** The same numbers as a table, behind a "Show table" toggle. */
  table: ReactNode;
  /** Test and style hook. */
  id?: string;
}

/**
 * An Observable Plot chart with its finding as the title, a caption, and a table view. The chart
 * follows its container's width, so it fits a phone.
 */
export function PlotFigure({ title, caption, options, table, id }: PlotFigureProps) {
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = holder.current;
    if (!element || width <= 0) return;
    // Each chart draws in its own task, after the commit: typing and dragging stay responsive, and
    // when a newer result arrives first, the older drawing is skipped. The previous chart stays
    // on screen until then, so nothing flickers.
    const handle = setTimeout(() => {
      element.replaceChildren(Plot.plot({ ...options(width), width, ariaLabel: title, className: 'plot' }));
    }, 0);
    return () => clearTimeout(handle);
  }, [options, width, title]);

  return (
    <figure className="chart" data-chart={id} aria-label={title}>
      <figcaption>
        <h3 className="chart-title">{title}</h3>
        <div className="chart-caption">{caption}</div>
      </figcaption>
      <div ref={holder} className="chart-canvas" />
      <details className="chart-table">
        <summary>Show as table</summary>
        {table}
      </details>
    </figure>
  );
}
