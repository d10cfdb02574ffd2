import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Dialog } from '../components/Dialog.js';
import { rankItems } from './palette-filter.js';
import type { PaletteItem } from './palette-filter.js';
import { PALETTE_SOURCES } from './palette-sources.js';

export interface CommandPaletteProps {
  open: boolean;
  onClose: () => void;
  /** The fixed items: areas, settings pages, actions. */
  items: readonly PaletteItem[];
}

/** Ctrl/Cmd-K: type a few letters, arrows to choose, Enter to go. A combobox over a listbox, as ARIA describes it. */
export function CommandPalette({ open, onClose, items }: CommandPaletteProps) {
  return open ? <PalettePanel onClose={onClose} items={items} /> : null;
}

function PalettePanel({ onClose, items }: Omit<CommandPaletteProps, 'open'>) {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [found, setFound] = useState<PaletteItem[]>([]);

  useEffect(() => {
    const sources = PALETTE_SOURCES.filter((source) => query.trim().length >= source.minQueryLength);
    if (sources.length === 0) {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      void Promise.allSettled(sources.map((source) => source.search(query.trim(), controller.signal))).then((results) => {
        if (controller.signal.aborted) return;
        setFound(results.flatMap((result) => (result.status === 'fulfilled' ? result.value : [])));
      });
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const results = useMemo(() => [...rankItems(query, items), ...found], [query, items, found]);
  const active = Math.min(activeIndex, Math.max(0, results.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    if (item.to) navigate(item.to);
    item.perform?.();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const next = event.key === 'ArrowDown' || (event.ctrlKey && event.key === 'n');
    const previous = event.key === 'ArrowUp' || (event.ctrlKey && event.key === 'p');
    if (next || previous) {
      event.preventDefault();
      if (results.length) setActiveIndex((active + (next ? 1 : results.length - 1)) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(results[active]);
    }
  };

  const groups: { title: string; entries: { item: PaletteItem; index: number }[] }[] = [];
  results.forEach((item, index) => {
    const group = groups.at(-1);
    if (group && group.title === item.group) group.entries.push({ item, index });
    else groups.push({ title: item.group, entries: [{ item, index }] });
  });

  return (
    <Dialog open onClose={onClose} title="Command palette" hideTitle hideCloseButton className="dialog-palette" initialFocus={() => input.current}>
      <input
        ref={input}
        className="input palette-input"
        role="combobox"
        aria-label="Jump to"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results.length ? optionId(active) : undefined}
        placeholder="Jump to an area or setting…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActiveIndex(0);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      <div id={listId} role="listbox" aria-label="Results" className="palette-list">
        {groups.map((group, groupIndex) => (
          <div key={`${group.title}-${groupIndex}`} role="group" aria-labelledby={`${listId}-group-${groupIndex}`}>
            <div id={`${listId}-group-${groupIndex}`} className="palette-group" role="presentation">
              {group.title}
            </div>
            {group.entries.map(({ item, index }) => (
              <div
                key={`${item.group}:${item.id}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={`palette-option${index === active ? ' is-active' : ''}`}
                onMouseMove={() => setActiveIndex(index)}
                onClick={() => choose(item)}
              >
                <span className="palette-label">{item.label}</span>
                {item.hint ? (
                  <span className="palette-hint" aria-hidden="true">
                    {item.hint}
                  </span>
                ) : null}
              </div>
            ))}
          </div>
        ))}
      </div>
      {results.length === 0 ? (
        <p className="palette-empty" role="status">
          Nothing matches “{query}”.
        </p>
      ) : null}
      <p className="palette-footer" aria-hidden="true">
        <span>
          <kbd>↑</kbd> <kbd>↓</kbd> choose
        </span>
        <span>
          <kbd>Enter</kbd> go
        </span>
        <span>
          <kbd>Esc</kbd> close
        </span>
      </p>
    </Dialog>
  );
}
