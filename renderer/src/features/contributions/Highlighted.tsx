import type { HighlightedText } from '../../../../shared/api';

/** Text with search hits marked (<mark>), built from segments: no HTML from the backend. */
export function Highlighted({ segments }: { segments: HighlightedText }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}
