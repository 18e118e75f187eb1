import {
  Alert,
  Anchor,
  Card,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Forum } from '../../../../shared/api';
import { useApi } from '../../api/queries';
import { AUDIT_ACTION_LABELS, auditSentence, describeAuditDetail } from './audit';
import { auditLink } from './auditLink';
import { formatWhen } from './format';

export const AUDIT_PAGE_SIZE = 50;

const ACTION_FILTERS = [
  { value: '', label: 'All actions' },
  ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
];

/** What was done with sensitive data and when: protections, reveals, exports, incidents, actors. */
export function AuditLogTab({ forum }: { forum: Forum }) {
  const [page, setPage] = useState(1);
  const [action, setAction] = useState('');
  const log = useApi('audit.list', {
    forumId: forum.id,
    action: action || undefined,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
    limit: AUDIT_PAGE_SIZE,
  });
  const data = log.data ?? null;
  const error = log.error?.message ?? null;

  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const first = (page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(total, page * AUDIT_PAGE_SIZE);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2} size="h3">
            Audit log
          </Title>
          <Text size="sm" c="dimmed">
            Every protection, reveal of protected details, export, incident and actor change, newest
            first.
          </Text>
        </Stack>
        <NativeSelect
          label="Show"
          value={action}
          onChange={(e) => {
            setAction(e.currentTarget.value);
            setPage(1);
          }}
          data={ACTION_FILTERS}
          w={300}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {data === null
          ? error
            ? ''
            : 'Loading…'
          : total === 0
            ? ''
            : `Entries ${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${total.toLocaleString('en')}`}
      </Text>
      {data !== null && total === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="flex-start" gap="xs">
            <Text fw={600}>{action ? 'No entries of this kind.' : 'Nothing recorded yet.'}</Text>
            <Text>
              Protecting a participant, viewing a protected participant&apos;s details, exporting,
              and logging incidents or actors all leave an entry here.
            </Text>
          </Stack>
        </Card>
      ) : (
        data !== null && (
          <Table aria-label="Audit log" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>Time</Table.Th>
                <Table.Th w={140}>By</Table.Th>
                <Table.Th w={300}>Action</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((entry) => {
                const parts = describeAuditDetail(entry.detail);
                const link = auditLink(entry);
                return (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{formatWhen(entry.at)}</Table.Td>
                    {/* One coordinator per installation: the log records no user until the team server. */}
                    <Table.Td>Coordinator</Table.Td>
                    <Table.Td>
                      {auditSentence(entry)}
                      {link && (
                        <>
                          {' '}
                          <Anchor component={Link} to={link.to} size="sm">
                            {link.label}
                          </Anchor>
                        </>
                      )}
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>
                      {parts.length ? parts.join(' · ') : '—'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )
      )}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({
            'aria-label': `${control[0].toUpperCase()}${control.slice(1)} page`,
          })}
          getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
        />
      )}
    </Stack>
  );
}
