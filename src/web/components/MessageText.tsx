import { Link } from 'react-router-dom';
import { splitPlaces } from '../../domain/shared/places.js';

/**
 * A message from the API as text, with the places it names ("Settings → Approvals") as links there.
 * @example <MessageText text="Choose approvers in Settings → Approvals." />
 */
export function MessageText({ text }: { text: string }) {
  const parts = splitPlaces(text);
  if (parts.every((p) => !p.path)) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        part.path ? (
          <Link key={i} to={part.path}>
            {part.text}
          </Link>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
