import { Card, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TimelineEntry } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { inUserZone, inUtc } from './format';

/** The overview's "Next call" card: the first scheduled call or session that has not ended. */
export function NextCallCard({ forumId }: { forumId: string }) {
  const client = useClient();
  const [next, setNext] = useState<TimelineEntry | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const now = Date.now();
    void client.call('timeline.list', { forumId }).then((r) => {
      if (!live) return;
      setNext(
        r.ok
          ? (r.value.find(
              (e) => e.status !== 'cancelled' && e.startAt + e.durationMinutes * 60_000 >= now,
            ) ?? null)
          : null,
      );
    });
    return () => {
      live = false;
    };
  }, [client, forumId]);
  return (
    <Card withBorder aria-label="Next call">
      <Text size="sm" c="dimmed">
        Next call or session
      </Text>
      {next === undefined ? (
        <Text>…</Text>
      ) : next ? (
        <>
          <Text size="xl" fw={700}>
            {next.title}
          </Text>
          <Text size="sm">{inUtc(next.startAt)}</Text>
          <Text size="sm" c="dimmed">
            Your time: {inUserZone(next.startAt)}
          </Text>
        </>
      ) : (
        <Text>No upcoming call. Plan a call series in “Calls”.</Text>
      )}
    </Card>
  );
}
