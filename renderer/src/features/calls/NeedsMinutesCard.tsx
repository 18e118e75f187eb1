import { Card, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CallSummary } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { inUtc } from './format';

/** The overview's "Calls that need minutes": past calls with neither attendance nor minutes. */
export function NeedsMinutesCard({ forumId }: { forumId: string }) {
  const client = useClient();
  const [calls, setCalls] = useState<CallSummary[] | null>(null);
  const coordinator = client.audience === 'coordinators';
  useEffect(() => {
    if (!coordinator) return;
    let live = true;
    void client.call('calls.needingMinutes', { forumId }).then((r) => {
      if (live) setCalls(r.ok ? r.value : []);
    });
    return () => {
      live = false;
    };
  }, [client, forumId, coordinator]);
  if (!coordinator) return null;
  return (
    <Card withBorder aria-label="Calls that need minutes">
      <Text size="sm" c="dimmed">
        Calls that need minutes or attendance
      </Text>
      {calls === null ? (
        <Text>…</Text>
      ) : calls.length === 0 ? (
        <Text>Every past call has its minutes or attendance.</Text>
      ) : (
        <List size="sm">
          {calls.map((c) => (
            <List.Item key={c.id}>
              {c.title}, {inUtc(c.startAt)}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
