import { useAudience } from '../../api/context';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Forum, ParticipantRow } from '../../../../shared/api';
import { countryByCode, REGIONS, REGION_LABELS } from '../../../../shared/domain/countries';
import {
  FORUM_ROLE_LABELS,
  STAKEHOLDER_GROUP_LABELS,
  type ForumRole,
  type StakeholderGroup,
} from '../../../../shared/domain/vocabulary';
import { PARTICIPANT_SORTS, type ParticipantSort } from '../../../../shared/schemas/participants';
import { ExportDialog } from '../publish/ExportDialog';
import { ParticipantDetail } from './ParticipantDetail';
import { ProtectionDialog, type ProtectionTarget } from './ProtectionDialog';
import { ParticipantForm } from './ParticipantForm';
import { roleOptions, stakeholderOptions } from './options';
import { useParticipantPages, type ListQuery } from './useParticipantPages';
import { ImportParticipants } from './import/ImportParticipants';

const ROW_HEIGHT = 52;

const SORT_LABELS: Record<ParticipantSort, string> = {
  name: 'Name',
  organisation: 'Organisation',
  stakeholderGroup: 'Stakeholder group',
  country: 'Country',
  role: 'Role',
  created: 'Date added',
};

const CONSENT_OPTIONS = [
  { value: '', label: 'Any' },
  { value: 'listed', label: 'May be listed' },
  { value: 'not_listed', label: 'Not to be listed' },
  { value: 'invitations', label: 'May receive invitations' },
  { value: 'no_invitations', label: 'No invitations' },
];

function displayName(row: ParticipantRow) {
  return row.preferredName && row.preferredName !== row.fullName
    ? `${row.fullName} (${row.preferredName})`
    : row.fullName;
}

export function ParticipantsPage({ forum }: { forum: Forum }) {
  const audience = useAudience();
  const coordinatorView = audience === 'coordinators';
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 200);
  const [stakeholderGroup, setStakeholderGroup] = useState('');
  const [region, setRegion] = useState('');
  const [role, setRole] = useState('');
  const [consent, setConsent] = useState('');
  const [sort, setSort] = useState<ParticipantSort>('name');
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [protecting, setProtecting] = useState<ProtectionTarget | null>(null);

  const query = useMemo<ListQuery>(
    () => ({
      forumId: forum.id,
      search: debouncedSearch.trim() || undefined,
      stakeholderGroup: (stakeholderGroup || undefined) as StakeholderGroup | undefined,
      region: region || undefined,
      role: (role || undefined) as ForumRole | undefined,
      consent: (consent || undefined) as ListQuery['consent'],
      sort,
      direction,
    }),
    [forum.id, debouncedSearch, stakeholderGroup, region, role, consent, sort, direction],
  );
  const filtered = Boolean(query.search || stakeholderGroup || region || role || consent);
  const { total, rowAt, ensureRange, reload, error } = useParticipantPages(query);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  const clearFilters = () => {
    setSearch('');
    setStakeholderGroup('');
    setRegion('');
    setRole('');
    setConsent('');
  };

  return (
    <Stack gap="md" h="calc(100vh - 92px)">
      <Group justify="space-between">
        <Title order={1}>Participants</Title>
        <Group>
          <Button variant="default" onClick={() => setExporting(true)}>
            Export
          </Button>
          {coordinatorView && (
            <>
              <Button variant="default" onClick={() => setImporting(true)}>
                Import CSV
              </Button>
              <Button onClick={() => setAdding(true)}>Add participant</Button>
            </>
          )}
        </Group>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Search participants"
          placeholder="Name, organisation or e-mail"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
        <NativeSelect
          label="Stakeholder group"
          value={stakeholderGroup}
          onChange={(e) => setStakeholderGroup(e.currentTarget.value)}
          data={[{ value: '', label: 'All groups' }, ...stakeholderOptions]}
        />
        <NativeSelect
          label="Region"
          value={region}
          onChange={(e) => setRegion(e.currentTarget.value)}
          data={[
            { value: '', label: 'All regions' },
            ...REGIONS.map((r) => ({ value: r, label: REGION_LABELS[r] })),
          ]}
        />
        <NativeSelect
          label="Role"
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          data={[{ value: '', label: 'All roles' }, ...roleOptions]}
        />
        <NativeSelect
          label="Consent"
          value={consent}
          onChange={(e) => setConsent(e.currentTarget.value)}
          data={CONSENT_OPTIONS}
        />
        <NativeSelect
          label="Sort by"
          value={sort}
          onChange={(e) => setSort(e.currentTarget.value as ParticipantSort)}
          data={PARTICIPANT_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
        />
        <NativeSelect
          label="Order"
          value={direction}
          onChange={(e) => setDirection(e.currentTarget.value as 'asc' | 'desc')}
          data={[
            { value: 'asc', label: 'Ascending' },
            { value: 'desc', label: 'Descending' },
          ]}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {total === null
          ? 'Loading…'
          : `${total.toLocaleString('en')} ${total === 1 ? 'participant' : 'participants'}`}
      </Text>
      {total === 0 ? (
        <Card withBorder padding="xl">
          {filtered ? (
            <Stack align="flex-start">
              <Text>No participants match these filters.</Text>
              <Button variant="light" onClick={clearFilters}>
                Clear filters
              </Button>
            </Stack>
          ) : (
            <Stack align="flex-start">
              <Text fw={600}>No participants yet.</Text>
              <Text>Add people one by one, or import a registration-form export (CSV).</Text>
            </Stack>
          )}
        </Card>
      ) : (
        <div
          role="table"
          aria-label="Participants"
          aria-rowcount={(total ?? 0) + 1}
          style={{ flex: 1, minHeight: 200, display: 'flex', flexDirection: 'column' }}
        >
          <div role="rowgroup">
            <div role="row" className="participant-row header" style={{ minHeight: 40 }}>
              <span role="columnheader">Name</span>
              <span role="columnheader">Organisation</span>
              <span role="columnheader">E-mail</span>
              <span role="columnheader">Stakeholder group</span>
              <span role="columnheader">Country</span>
              <span role="columnheader">Role</span>
              <span role="columnheader">
                <VisuallyHidden>Actions</VisuallyHidden>
              </span>
            </div>
          </div>
          <div ref={scrollRef} role="rowgroup" style={{ flex: 1, overflow: 'auto' }}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = rowAt(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    tabIndex={row ? 0 : -1}
                    className="participant-row"
                    style={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_HEIGHT,
                      transform: `translateY(${item.start}px)`,
                    }}
                    onClick={() => row && setOpenId(row.id)}
                    onKeyDown={(e) => {
                      if (row && (e.key === 'Enter' || e.key === ' ')) {
                        e.preventDefault();
                        setOpenId(row.id);
                      }
                    }}
                  >
                    {row ? (
                      <>
                        <span role="cell" className="cell">
                          {displayName(row)}{' '}
                          {row.isProtected && (
                            <Badge color="grape" size="xs">
                              Protected
                            </Badge>
                          )}
                        </span>
                        <span role="cell" className="cell">
                          {row.organisation ?? ''}
                        </span>
                        <span role="cell" className="cell">
                          {row.email ?? ''}
                        </span>
                        <span role="cell" className="cell">
                          {STAKEHOLDER_GROUP_LABELS[row.stakeholderGroup]}
                        </span>
                        <span role="cell" className="cell">
                          {row.country ? (countryByCode(row.country)?.name ?? row.country) : ''}
                        </span>
                        <span role="cell" className="cell">
                          {FORUM_ROLE_LABELS[row.role]}
                        </span>
                        <span role="cell">
                          {coordinatorView && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="grape"
                              onClick={(e) => {
                                e.stopPropagation();
                                setProtecting(row);
                              }}
                              onKeyDown={(e) => e.stopPropagation()}
                              aria-label={`${row.isProtected ? 'Unprotect' : 'Protect'} ${row.fullName}`}
                            >
                              {row.isProtected ? 'Unprotect' : 'Protect'}
                            </Button>
                          )}
                        </span>
                      </>
                    ) : (
                      <span role="cell" className="cell">
                        Loading…
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add participant" size="xl">
        {adding && (
          <ParticipantForm
            forumId={forum.id}
            onCancel={() => setAdding(false)}
            onSaved={() => {
              setAdding(false);
              reload();
            }}
          />
        )}
      </Modal>
      <ParticipantDetail
        participantId={openId}
        forumId={forum.id}
        audience={audience}
        onClose={() => setOpenId(null)}
        onChanged={reload}
      />
      <ExportDialog
        opened={exporting}
        onClose={() => setExporting(false)}
        forumId={forum.id}
        kind="participant-directory"
        title="Export participant directory"
        audiences={coordinatorView ? ['public', 'participants', 'coordinators'] : ['public']}
      />
      <ProtectionDialog
        target={protecting}
        onClose={() => setProtecting(null)}
        onDone={() => {
          setProtecting(null);
          reload();
        }}
      />
      <ImportParticipants
        opened={importing}
        forumId={forum.id}
        onClose={() => setImporting(false)}
        onImported={reload}
      />
    </Stack>
  );
}
