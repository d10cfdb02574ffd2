import { sourceWords } from '../lib/words.js';

/**
 * Where a figure or a piece of advice comes from: a few words on screen ("Source: Field report"), the full citation
 * (file, key, link) one click away for those who check it.
 */
export function SourceNote({ source, label = 'Source' }: { source: string; label?: string }) {
  return (
    <details className="source-note small">
      <summary>
        {label}: {sourceWords(source)}
      </summary>
      <p className="muted">{source}</p>
    </details>
  );
}
