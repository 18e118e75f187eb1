/** Vocabulary of calls, attendance and action items, and the small-cell rule for attendance counts. */

export const CALL_STATUSES = ['scheduled', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
};

/**
 * What a call is in its life, as shown: scheduled until it has started; then held once
 * attendance or minutes are recorded, otherwise it needs minutes. Cancelled stays cancelled.
 */
export const CALL_PHASES = ['scheduled', 'held', 'needs_minutes', 'cancelled'] as const;
export type CallPhase = (typeof CALL_PHASES)[number];
export const CALL_PHASE_LABELS: Record<CallPhase, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  needs_minutes: 'Needs minutes',
  cancelled: 'Cancelled',
};

export function callPhase(
  call: { status: CallStatus; startAt: number },
  recorded: boolean,
  now: number,
): CallPhase {
  if (call.status === 'cancelled') return 'cancelled';
  if (call.startAt > now) return 'scheduled';
  return recorded ? 'held' : 'needs_minutes';
}

export const ATTENDANCE_STATUSES = ['invited', 'attended', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  invited: 'Invited',
  attended: 'Attended',
  apologies: 'Apologies',
  absent: 'Absent',
};

export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
export const ACTION_ITEM_STATUS_LABELS: Record<ActionItemStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
};

/** Counts below this are shown as "<3". */
export const SMALL_CELL_THRESHOLD = 3;

export interface CountCell {
  key: string;
  label: string;
  /** The count, or "<3" when it is suppressed. */
  display: string;
}

/**
 * Suppresses small cells of one breakdown: counts of 1 or 2 (below `threshold`) show as "<3". If
 * exactly one cell is suppressed, the total would give it away, so the next smallest cell is
 * suppressed too (secondary suppression). Categories with no one are not listed.
 */
export function suppressSmallCells(
  cells: { key: string; label: string; count: number }[],
  threshold = SMALL_CELL_THRESHOLD,
): CountCell[] {
  const present = cells.filter((c) => c.count > 0);
  const hidden = new Set(present.filter((c) => c.count < threshold).map((c) => c.key));
  if (hidden.size === 1 && present.length > 1) {
    const next = present
      .filter((c) => !hidden.has(c.key))
      .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    if (next) hidden.add(next.key);
  }
  return present.map((c) => ({
    key: c.key,
    label: c.label,
    display: hidden.has(c.key)
      ? c.count < threshold
        ? `<${threshold}`
        : 'suppressed'
      : String(c.count),
  }));
}
