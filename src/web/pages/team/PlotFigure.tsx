import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import './plot-figure.css';

export interface PlotFigureProps {
  /** States the chart's finding ("Scope leans on MLOps"); the figure's accessible name. */
  title: string;
  /** Builds the chart (an Observable Plot element). Called again whenever `deps` change. */
  render: () => Element;
  deps: readonly unknown[];
  /** The table view of the same numbers, for screen readers and for reading exact values. */
  table: ReactNode;
  className?: string;
}

/**
 * An Observable Plot chart in a figure with a visible title; the chart is decorative for screen readers
 * (aria-hidden) because `table` carries the same numbers.
 */
export function PlotFigure({ title, render, deps, table, className }: PlotFigureProps) {
  const host = useRef<HTMLDivElement>(null);
  const renderRef = useRef(render);
  renderRef.current = render;
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const chart = renderRef.current();
    element.replaceChildren(chart);
    return () => chart.remove();
    // `render` is read through a ref; `deps` say when the chart changes.
  }, deps);
  return (
    <figure className={`plot-figure${className ? ` ${className}` : ''}`}>
      <figcaption className="plot-title">{title}</figcaption>
      <div ref={host} className="plot-host" aria-hidden="true" />
      {table}
    </figure>
  );
}
