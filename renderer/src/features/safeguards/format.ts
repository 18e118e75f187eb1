/* Small formatting helpers of the Safeguards area: local times, identifier lists. */

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → the value of a `datetime-local` input, in the user's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a `datetime-local` input → epoch ms in the user's time zone (null if empty or invalid). */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** A local date and time, e.g. "3 May 2026, 14:05". */
export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Splits a comma- or newline-separated list, dropping blanks and repeats. */
export function splitIdentifiers(s: string): string[] {
  return [
    ...new Set(
      s
        .split(/[,\n]/)
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
}

export const joinIdentifiers = (items: string[]) => items.join('\n');
