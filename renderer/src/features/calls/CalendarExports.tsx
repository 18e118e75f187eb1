import { ExportDialog } from '../publish/ExportDialog';

export type CalendarExport = 'ics' | 'eml' | null;

/**
 * The two exports of a call or a series: its calendar file (any audience a coordinator chooses;
 * public only in the preview) and the invitation e-mail draft (participants only).
 */
export function CalendarExports({
  open,
  onClose,
  forumId,
  subjectId,
  calendarKind,
  calendarTitle,
  emailTitle,
  coordinator,
}: {
  open: CalendarExport;
  onClose: () => void;
  forumId: string;
  subjectId: string;
  calendarKind: 'call-calendar' | 'series-calendar';
  calendarTitle: string;
  emailTitle: string;
  coordinator: boolean;
}) {
  if (open === 'ics')
    return (
      <ExportDialog
        opened
        onClose={onClose}
        forumId={forumId}
        kind={calendarKind}
        subjectId={subjectId}
        title={calendarTitle}
        audiences={coordinator ? ['participants', 'public', 'coordinators'] : ['public']}
        formats={['ics']}
      />
    );
  if (open === 'eml')
    return (
      <ExportDialog
        opened
        onClose={onClose}
        forumId={forumId}
        kind="invitation-email"
        subjectId={subjectId}
        title={emailTitle}
        audiences={['participants']}
        formats={['eml']}
      />
    );
  return null;
}

/**
 * "Send minutes": the e-mail draft to the members, or the minutes as a Markdown or HTML file, both
 * for the participants audience through the publication path (redaction applies).
 */
export function MinutesExports({
  open,
  onClose,
  forumId,
  callId,
}: {
  open: 'eml' | 'file' | null;
  onClose: () => void;
  forumId: string;
  callId: string;
}) {
  if (!open) return null;
  return (
    <ExportDialog
      opened
      onClose={onClose}
      forumId={forumId}
      kind={open === 'eml' ? 'minutes-email' : 'call-minutes'}
      subjectId={callId}
      title={open === 'eml' ? 'Send minutes (e-mail draft)' : 'Minutes for participants'}
      audiences={['participants']}
      formats={open === 'eml' ? ['eml'] : ['md', 'html']}
    />
  );
}
