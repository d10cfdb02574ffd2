import { Fragment } from 'react';
import { Dialog } from '../components/Dialog.js';
import { shortcutGroups } from './shortcuts.js';

export interface ShortcutsHelpProps {
  open: boolean;
  onClose: () => void;
  /** "⌘" or "Ctrl". */
  modifier: string;
}

/** The `?` dialog: every shortcut the app answers to. */
export function ShortcutsHelp({ open, onClose, modifier }: ShortcutsHelpProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" className="dialog-help">
      <div className="shortcut-groups">
        {shortcutGroups(modifier).map((group) => (
          <section key={group.title} className="shortcut-group" aria-labelledby={`shortcuts-${group.title}`}>
            <h3 id={`shortcuts-${group.title}`}>{group.title}</h3>
            <dl>
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.keys.join('+')} className="shortcut-row">
                  <dt>
                    {shortcut.keys.map((key, index) => (
                      <Fragment key={key}>
                        {index > 0 ? <span className="shortcut-joiner">{shortcut.chord ? '+' : 'then'}</span> : null}
                        <kbd>{key}</kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
