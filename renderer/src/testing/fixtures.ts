import type { Forum } from '../../../shared/api';

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
