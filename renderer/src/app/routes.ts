// The URL of every area and detail view. The router runs on the URL fragment (hash history): the
// page itself is one file, and the session token is taken out of the fragment before the router
// starts (api/session.ts), so it never becomes part of a route or of the history.
import { useCallback } from 'react';
import { generatePath, useNavigate, useParams } from 'react-router';

export type Area =
  | 'overview'
  | 'participants'
  | 'safeguards'
  | 'nris'
  | 'calls'
  | 'contributions'
  | 'representation'
  | 'report'
  | 'actions'
  | 'data';

/** Each area's route pattern; optional trailing segments are its detail views and tabs. */
export const AREA_ROUTES = {
  overview: 'overview',
  participants: 'participants/:participantId?',
  calls: 'calls/:view?/:id?',
  nris: 'nris/:tab?/:sessionId?',
  contributions: 'contributions/:contributionId?',
  representation: 'representation/:tab?',
  report: 'report/:reportId?/:sectionId?',
  safeguards: 'safeguards/:tab?/:incidentId?',
  actions: 'actions',
  data: 'data',
} as const satisfies Record<Area, string>;

export const AREAS: { id: Area; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'participants', label: 'Participants' },
  { id: 'calls', label: 'Calls' },
  { id: 'actions', label: 'Actions' },
  { id: 'nris', label: 'NRIs' },
  { id: 'contributions', label: 'Contributions' },
  { id: 'representation', label: 'Representation' },
  { id: 'report', label: 'Report' },
  { id: 'safeguards', label: 'Safeguards' },
  { id: 'data', label: 'Data and handover' },
];

/** Areas only coordinators see: hidden while previewing what others would see. */
export const COORDINATOR_ONLY: Area[] = ['safeguards', 'data'];

/** The area a path belongs to (its first segment), if any. */
export function areaOfPath(pathname: string): Area | null {
  const first = pathname.split('/').filter(Boolean)[0];
  return AREAS.some((a) => a.id === first) ? (first as Area) : null;
}

/** The names of a pattern's parameters, in order (`report/:reportId?/:sectionId?` → both). */
export function paramNames(pattern: string): string[] {
  return pattern
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1).replace(/\?$/, ''));
}

/**
 * The path of `area` with `params`; a parameter left out drops the ones after it, since they are
 * views inside it (closing a report closes its section too).
 */
export function areaPath(area: Area, params: Record<string, string | null | undefined> = {}) {
  const pattern = AREA_ROUTES[area];
  const kept: Record<string, string> = {};
  for (const name of paramNames(pattern)) {
    const value = params[name];
    if (value === null || value === undefined || value === '') break;
    kept[name] = value;
  }
  return generatePath(`/${pattern}`, kept);
}

/**
 * One route parameter of `area` as state: reading it from the URL, and setting it by navigating
 * (so Back closes a detail view and a reload reopens it). Later parameters are dropped.
 */
export function useRouteParam(
  area: Area,
  name: string,
): [string | null, (value: string | null, opts?: { replace?: boolean }) => void] {
  const params = useParams();
  const navigate = useNavigate();
  const value = params[name] ?? null;
  const set = useCallback(
    (next: string | null, opts?: { replace?: boolean }) => {
      const merged: Record<string, string | null | undefined> = {};
      for (const n of paramNames(AREA_ROUTES[area])) {
        if (n === name) {
          merged[n] = next;
          break;
        }
        merged[n] = params[n];
      }
      void navigate(areaPath(area, merged), { replace: opts?.replace });
    },
    [area, name, navigate, params],
  );
  return [value, set];
}
