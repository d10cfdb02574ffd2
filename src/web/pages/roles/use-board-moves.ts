import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../api/client.js';
import { getApplication, patchApplication } from '../../api/pipeline.js';
import type { Board, BoardColumn } from '../../api/pipeline.js';
import { locateCard, moveCard } from './board-state.js';

/** A loaded board with each application's version (for If-Match on a move). */
export interface BoardData {
  board: Board;
  versions: Map<string, number>;
}

export interface BoardMoves {
  /** The columns as loaded, with the moves made since. */
  columns: BoardColumn[];
  /** The same, read by handlers between renders. */
  columnsRef: { current: BoardColumn[] };
  /** Moves a card at once and saves it; undone with a message when the save fails, reloaded when someone else changed it. */
  moveTo: (applicationId: string, toStage: string, keepFocus: boolean) => Promise<void>;
  /** The card to focus after the next render. */
  focusRequest: { current: string | undefined };
  notice: { tone: 'error' | 'info'; text: string } | undefined;
  /** For screen readers: "Moved Ada to Onsite." */
  announcement: string;
}

/**
 * Moves on the board: optimistic, one save after another per card (each with the version the previous one returned),
 * a 412 reloads the board instead of overwriting, any other failure puts the card back.
 */
export function useBoardMoves(loaded: BoardData | undefined, reload: () => void): BoardMoves {
  const [local, setLocal] = useState<{ from: BoardData; columns: BoardColumn[] }>();
  // Columns as loaded, until a move changes them locally; a new load (reload after a 412) replaces them.
  const columns = local && local.from === loaded ? local.columns : (loaded?.board.columns ?? []);
  const setColumns = useCallback((next: BoardColumn[]) => setLocal(loaded ? { from: loaded, columns: next } : undefined), [loaded]);
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  const versions = useRef(new Map<string, number>());
  const focusRequest = useRef<string | undefined>(undefined);
  const inFlight = useRef(new Map<string, Promise<void>>());
  const [notice, setNotice] = useState<{ tone: 'error' | 'info'; text: string }>();
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (loaded) versions.current = loaded.versions;
  }, [loaded]);

  const moveTo = useCallback(
    async (applicationId: string, toStage: string, keepFocus: boolean) => {
      const current = columnsRef.current;
      const at = locateCard(current, applicationId);
      if (!at) return;
      const card = current[at.column]!.cards[at.index]!;
      const target = current.find((c) => c.stage === toStage && c.kind === 'stage');
      if (!target || card.stage === toStage || card.status !== 'active') return;
      const before = current;
      if (keepFocus) focusRequest.current = applicationId;
      const after = moveCard(current, applicationId, toStage);
      columnsRef.current = after;
      setColumns(after);
      setNotice(undefined);
      // Moves of one card go out one after another, each with the version the previous one returned.
      const previous = inFlight.current.get(applicationId) ?? Promise.resolve();
      const save = previous.then(async () => {
        const version = versions.current.get(applicationId) ?? (await getApplication(applicationId)).version;
        const saved = await patchApplication(applicationId, version, { stage: toStage });
        versions.current.set(applicationId, saved.version);
      });
      const settled = save.catch(() => undefined);
      inFlight.current.set(applicationId, settled);
      void settled.then(() => {
        if (inFlight.current.get(applicationId) === settled) inFlight.current.delete(applicationId);
      });
      try {
        await save;
        setAnnouncement(`Moved ${card.candidateName} to ${target.name}.`);
      } catch (error) {
        if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
          setNotice({ tone: 'info', text: `${card.candidateName} was changed by someone else, so the move was not saved. The board has been reloaded; try again if it still applies.` });
          reload();
        } else {
          if (columnsRef.current === after) {
            columnsRef.current = before;
            setColumns(before);
          }
          setNotice({ tone: 'error', text: `Could not move ${card.candidateName}: ${errorMessage(error)}` });
        }
      }
    },
    [reload, setColumns],
  );


  return { columns, columnsRef, moveTo, focusRequest, notice, announcement };
}
