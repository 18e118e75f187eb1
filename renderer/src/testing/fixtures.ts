import type { CallDetails, Forum } from '../../../shared/api';

/** The open forum of a renderer unit test (archive it with `{ ...testForum, archivedAt: 1 }`). */
export const testForum: Forum = {
  id: '00000000-0000-7000-8000-000000000001',
  title: 'BPF Test',
  topic: 'Testing',
  year: 2026,
  mandate: '',
  milestones: [],
  participantCount: 0,
  createdAt: 0,
  updatedAt: 0,
};

/** A call of `testForum` with two members and nothing recorded yet; override what a test needs. */
export const testCall = (overrides: Partial<CallDetails> = {}): CallDetails => ({
  id: '00000000-0000-7000-8000-0000000000c1',
  forumId: testForum.id,
  seriesId: null,
  occurrenceIndex: null,
  title: 'Kick-off call',
  startAt: Date.UTC(2026, 2, 3, 14),
  durationMinutes: 60,
  zone: 'UTC',
  status: 'scheduled',
  phase: 'scheduled',
  moved: false,
  originalStartAt: null,
  sequence: 0,
  seriesTitle: null,
  meetingLink: '',
  minutes: '',
  agenda: [],
  attendance: [
    {
      participantId: '00000000-0000-7000-8000-0000000000a1',
      fullName: 'Ana Lima',
      stakeholderGroup: 'civil_society',
      region: null,
      isProtected: false,
      status: null,
      minutesPresent: null,
    },
    {
      participantId: '00000000-0000-7000-8000-0000000000a2',
      fullName: 'Bo Chen',
      stakeholderGroup: 'technical_community',
      region: null,
      isProtected: false,
      status: 'invited',
      minutesPresent: null,
    },
  ],
  counts: {
    byStatus: { invited: 1, attended: 0, apologies: 0, absent: 0 },
    attended: '0',
    byStakeholderGroup: [],
    byRegion: [],
    byGender: [],
  },
  actionItems: [],
  ...overrides,
});
