import { AREAS } from '../layout/areas.js';

/** A shortcut as shown in the help dialog; `keys` are pressed one after another. */
export interface ShortcutHelp {
  keys: string[];
  /** Pressed together (Ctrl+K) rather than one after another (g then t). */
  chord?: boolean;
  description: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: ShortcutHelp[];
}

/** Whether the user is typing, so single-key shortcuts must stay out of the way. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return false;
}

/** The platform's name for the command key, for labels: "⌘" on Apple devices, "Ctrl" elsewhere. */
export function modifierLabel(platform: string): string {
  return /mac|iphone|ipad|ipod/i.test(platform) ? '⌘' : 'Ctrl';
}

/**
 * Tracks two-key sequences such as `g t`. Feed it keys with the time they were pressed; it answers with
 * the completed sequence, or whether it is waiting for the second key.
 */
export class SequenceTracker {
  readonly #prefixes: ReadonlySet<string>;
  readonly #sequences: ReadonlySet<string>;
  readonly #timeoutMs: number;
  #pending: { key: string; at: number } | undefined;

  constructor(sequences: readonly (readonly [string, string])[], timeoutMs = 1500) {
    this.#prefixes = new Set(sequences.map(([first]) => first));
    this.#sequences = new Set(sequences.map(([first, second]) => `${first} ${second}`));
    this.#timeoutMs = timeoutMs;
  }

  get pending(): string | undefined {
    return this.#pending?.key;
  }

  reset(): void {
    this.#pending = undefined;
  }

  /** Returns the completed sequence ("g t"), `'pending'` after a valid first key, or `undefined`. */
  push(key: string, at: number): string | 'pending' | undefined {
    const previous = this.#pending;
    this.#pending = undefined;
    if (previous && at - previous.at <= this.#timeoutMs) {
      const sequence = `${previous.key} ${key}`;
      if (this.#sequences.has(sequence)) return sequence;
    }
    if (this.#prefixes.has(key)) {
      this.#pending = { key, at };
      return 'pending';
    }
    return undefined;
  }
}

export const GO_SEQUENCES: readonly (readonly [string, string])[] = AREAS.map((area) => ['g', area.goKey] as const);

/** Everything the help dialog lists; the handler in KeyboardShortcuts implements exactly these. */
export function shortcutGroups(modifier: string): ShortcutGroup[] {
  return [
    {
      title: 'Go to',
      shortcuts: AREAS.map((area) => ({ keys: ['g', area.goKey], description: area.label })),
    },
    {
      title: 'Lists',
      shortcuts: [
        { keys: ['j'], description: 'Next row' },
        { keys: ['k'], description: 'Previous row' },
        { keys: ['Enter'], description: 'Open the row' },
      ],
    },
    {
      title: 'Anywhere',
      shortcuts: [
        { keys: [modifier, 'K'], chord: true, description: 'Command palette: jump to an area' },
        { keys: ['/'], description: 'Search this page (or open the command palette)' },
        { keys: ['?'], description: 'Show these shortcuts' },
        { keys: ['Esc'], description: 'Close a dialog or menu' },
      ],
    },
  ];
}
