import { Badge } from '@mantine/core';
import { CALL_PHASE_LABELS, type CallPhase } from '../../../../shared/domain/calls';

const COLOR: Record<CallPhase, string> = {
  scheduled: 'blue',
  held: 'green',
  needs_minutes: 'orange',
  cancelled: 'red',
};

/** A call's phase; never cut: the badge does not shrink and its label does not ellipsise. */
export function PhaseBadge({ phase, size = 'md' }: { phase: CallPhase; size?: 'md' | 'lg' }) {
  return (
    <Badge
      color={COLOR[phase]}
      variant="light"
      size={size}
      styles={{
        root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible', height: 'auto' },
        label: { overflow: 'visible', textOverflow: 'clip', whiteSpace: 'nowrap' },
      }}
    >
      {CALL_PHASE_LABELS[phase]}
    </Badge>
  );
}
