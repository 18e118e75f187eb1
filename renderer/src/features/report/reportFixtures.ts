import type { CommentRound, Report, ReportComment } from '../../../../shared/api';
import { testForum } from '../../testing/fixtures';

/** One report of the test forum with two saved versions and no round yet (for form tests). */
export const testReport: Report = {
  id: '00000000-0000-7000-8000-0000000000b1',
  forumId: testForum.id,
  title: 'BPF Test outcome report',
  sectionCount: 1,
  versionCount: 2,
  createdAt: 0,
  updatedAt: 0,
  sections: [],
  versions: [
    {
      id: '00000000-0000-7000-8000-0000000000d1',
      reportId: '00000000-0000-7000-8000-0000000000b1',
      name: 'Draft I',
      sectionCount: 1,
      createdAt: Date.UTC(2026, 5, 1),
    },
    {
      id: '00000000-0000-7000-8000-0000000000d2',
      reportId: '00000000-0000-7000-8000-0000000000b1',
      name: 'Draft II',
      sectionCount: 1,
      createdAt: Date.UTC(2026, 6, 1),
    },
  ],
  rounds: [],
};

/** An open phase-2 round on Draft II, with one paragraph to comment on. */
export const testRound: CommentRound = {
  id: '00000000-0000-7000-8000-0000000000e1',
  reportId: testReport.id,
  phase: 2,
  title: 'Comments on the draft',
  versionId: '00000000-0000-7000-8000-0000000000d2',
  versionName: 'Draft II',
  opensOn: null,
  closesOn: null,
  status: 'open',
  commentCount: 0,
  pendingCount: 0,
  createdAt: 0,
  paragraphs: [
    {
      ref: '2.1',
      sectionId: '00000000-0000-7000-8000-0000000000c1',
      sectionTitle: 'Barriers',
      paragraph: null,
      excerpt: '',
    },
    {
      ref: '2.1 ¶1',
      sectionId: '00000000-0000-7000-8000-0000000000c1',
      sectionTitle: 'Barriers',
      paragraph: 1,
      excerpt: 'Connectivity costs remain high.',
    },
  ],
  comments: [],
  byDisposition: { pending: 0, accepted: 0, partly_accepted: 0, noted: 0, declined: 0 },
};

/** A pending comment of the round. */
export const testComment: ReportComment = {
  id: '00000000-0000-7000-8000-0000000000f1',
  roundId: testRound.id,
  ref: '2.1 ¶1',
  sectionId: '00000000-0000-7000-8000-0000000000c1',
  paragraph: 1,
  participantId: null,
  commenterName: 'ISOC Kenya',
  anonymous: false,
  isProtected: false,
  stakeholderGroup: 'civil_society',
  channel: 'email',
  receivedOn: null,
  text: 'Say which costs.',
  disposition: 'pending',
  response: '',
  createdAt: 0,
  updatedAt: 0,
};
