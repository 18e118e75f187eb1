import { useAudience } from '../../api/context';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
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
import {
  ProtectionDialog,
  type ProtectionSelection,
  type ProtectionTarget,
} from './ProtectionDialog';
import { BulkRoleDialog } from './BulkRoleDialog';
import { SavedFilters, type FilterParams } from './SavedFilters';
import { SortableColumnHeader, type SortState } from '../../components/SortableTh';
import { ParticipantForm } from './ParticipantForm';
import { roleOptions, stakeholderOptions } from './options';
import { useParticipantPages, type ListQuery } from './useParticipantPages';
import { ImportParticipants } from './import/ImportParticipants';
import { useRouteParam } from '../../app/routes';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';

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

const CONSENT_VALUES = new Set(CONSENT_OPTIONS.map((o) => o.value));
const SORTS = new Set<string>(PARTICIPANT_SORTS);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

function displayName(row: ParticipantRow) {
  return row.preferredName && row.preferredName !== row.fullName
    ? `${row.fullName} (${row.preferredName})`
    : row.fullName;
}

export function ParticipantsPage({ forum }: { forum: Forum }) {
  const audience = useAudience();
  const coordinatorView = audience === 'coordinators';
  // Coordinators select, filter by saved filters and export; they add, import, change roles and
  // protect only in a forum they may write to.
  const { canWrite } = useForumAccess();
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
  const [openId, setOpenId] = useRouteParam('participants', 'participantId');
  const [exporting, setExporting] = useState(false);
  const [protecting, setProtecting] = useState<ProtectionTarget | null>(null);
  /** Said once by screen readers after a change the list itself does not show at once. */
  const [announcement, setAnnouncement] = useState('');
  /** The rows ticked for a bulk action, kept until cleared (filtering does not untick). */
  const [selected, setSelected] = useState<Map<string, ProtectionTarget>>(() => new Map());
  const [changingRole, setChangingRole] = useState(false);
  const [protectingMany, setProtectingMany] = useState<ProtectionSelection | null>(null);
  const [exportingSelection, setExportingSelection] = useState(false);
  const selectedIds = useMemo(() => [...selected.keys()], [selected]);
  const toggle = (row: ParticipantRow, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on)
        next.set(row.id, { id: row.id, fullName: row.fullName, isProtected: row.isProtected });
      else next.delete(row.id);
      return next;
    });

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

  // "This page": the rows the list shows now.
  const shown = items.map((item) => rowAt(item.index)).filter((r): r is ParticipantRow => !!r);
  const shownSelected = shown.filter((r) => selected.has(r.id)).length;
  const selectShown = (on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const r of shown)
        if (on) next.set(r.id, { id: r.id, fullName: r.fullName, isProtected: r.isProtected });
        else next.delete(r.id);
      return next;
    });

  const sortState: SortState<ParticipantSort> = { key: sort, direction };
  const onSort = (next: SortState<ParticipantSort>) => {
    setSort(next.key);
    setDirection(next.direction);
  };

  const currentFilter: FilterParams = Object.fromEntries(
    Object.entries({
      search: search.trim(),
      stakeholderGroup,
      region,
      role,
      consent,
      sort,
      direction,
    }).filter(([, v]) => v !== ''),
  );
  /** Applies a saved filter; fields the list no longer knows are left at their defaults. */
  const applyFilter = (p: FilterParams) => {
    setSearch(text(p.search));
    setStakeholderGroup(
      stakeholderOptions.some((o) => o.value === p.stakeholderGroup)
        ? text(p.stakeholderGroup)
        : '',
    );
    setRegion((REGIONS as readonly string[]).includes(text(p.region)) ? text(p.region) : '');
    setRole(roleOptions.some((o) => o.value === p.role) ? text(p.role) : '');
    setConsent(CONSENT_VALUES.has(text(p.consent)) ? text(p.consent) : '');
    setSort(SORTS.has(text(p.sort)) ? (text(p.sort) as ParticipantSort) : 'name');
    setDirection(p.direction === 'desc' ? 'desc' : 'asc');
  };

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
          <ReadOnlyNote />
          {canWrite && (
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
      {coordinatorView && (
        <SavedFilters
          forumId={forum.id}
          list="participants"
          current={currentFilter}
          onApply={applyFilter}
        />
      )}
      {coordinatorView && selected.size > 0 && (
        <Group gap="sm" role="toolbar" aria-label="Selected participants" className="bulk-actions">
          <Text fw={600}>{selected.size} selected</Text>
          {canWrite && (
            <>
              <Button variant="default" onClick={() => setChangingRole(true)}>
                Change role
              </Button>
              <Button
                variant="default"
                color="grape"
                onClick={() =>
                  setProtectingMany({ forumId: forum.id, people: [...selected.values()] })
                }
              >
                Protect
              </Button>
            </>
          )}
          <Button variant="default" onClick={() => setExportingSelection(true)}>
            Export selection
          </Button>
          <Button variant="subtle" onClick={() => setSelected(new Map())}>
            Clear selection
          </Button>
        </Group>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
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
              {canWrite && (
                <Text>Add people one by one, or import a registration-form export (CSV).</Text>
              )}
            </Stack>
          )}
        </Card>
      ) : (
        <div
          role="table"
          aria-label="Participants"
          aria-rowcount={(total ?? 0) + 1}
          className={`participant-table${coordinatorView ? ' selectable' : ''}`}
          style={{ flex: 1, minHeight: 200, display: 'flex', flexDirection: 'column' }}
        >
          <div role="rowgroup">
            <div role="row" className="participant-row header" style={{ minHeight: 40 }}>
              {coordinatorView && (
                <span role="columnheader">
                  <Checkbox
                    aria-label="Select all on this page"
                    checked={shown.length > 0 && shownSelected === shown.length}
                    indeterminate={shownSelected > 0 && shownSelected < shown.length}
                    onChange={(e) => selectShown(e.currentTarget.checked)}
                  />
                </span>
              )}
              <SortableColumnHeader column="name" sort={sortState} onSort={onSort}>
                Name
              </SortableColumnHeader>
              <SortableColumnHeader column="organisation" sort={sortState} onSort={onSort}>
                Organisation
              </SortableColumnHeader>
              <span role="columnheader">E-mail</span>
              <SortableColumnHeader column="stakeholderGroup" sort={sortState} onSort={onSort}>
                Stakeholder group
              </SortableColumnHeader>
              <SortableColumnHeader column="country" sort={sortState} onSort={onSort}>
                Country
              </SortableColumnHeader>
              <SortableColumnHeader column="role" sort={sortState} onSort={onSort}>
                Role
              </SortableColumnHeader>
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
                        {coordinatorView && (
                          <span
                            role="cell"
                            onClick={(e) => e.stopPropagation()}
                            onKeyDown={(e) => e.stopPropagation()}
                          >
                            <Checkbox
                              aria-label={`Select ${row.fullName}`}
                              checked={selected.has(row.id)}
                              onChange={(e) => toggle(row, e.currentTarget.checked)}
                            />
                          </span>
                        )}
                        {/* Cells cut with an ellipsis show their whole text on hover. */}
                        <span role="cell" className="cell" title={displayName(row)}>
                          {displayName(row)}{' '}
                          {row.isProtected && (
                            <Badge color="grape" size="xs">
                              Protected
                            </Badge>
                          )}
                        </span>
                        <span role="cell" className="cell" title={row.organisation ?? undefined}>
                          {row.organisation ?? ''}
                        </span>
                        <span role="cell" className="cell" title={row.email ?? undefined}>
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
                          {canWrite && (
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
              setAnnouncement('Participant added');
              reload();
            }}
          />
        )}
      </Modal>
      <ParticipantDetail
        participantId={openId}
        forumId={forum.id}
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
      <ProtectionDialog
        target={null}
        selection={protectingMany}
        onClose={() => setProtectingMany(null)}
        onDone={() => undefined}
        onDoneMany={(count) => {
          setProtectingMany(null);
          setSelected(new Map());
          setAnnouncement(`${count} ${count === 1 ? 'participant' : 'participants'} protected`);
        }}
      />
      <BulkRoleDialog
        opened={changingRole}
        forumId={forum.id}
        ids={selectedIds}
        onClose={() => setChangingRole(false)}
        onDone={(count, roleLabel) => {
          setChangingRole(false);
          setAnnouncement(
            `${roleLabel}: role given to ${count} ${count === 1 ? 'participant' : 'participants'}.`,
          );
        }}
      />
      <ExportDialog
        opened={exportingSelection}
        onClose={() => setExportingSelection(false)}
        forumId={forum.id}
        kind="participant-directory"
        title={`Export ${selected.size} selected ${selected.size === 1 ? 'participant' : 'participants'}`}
        audiences={['public', 'participants', 'coordinators']}
        participantIds={selectedIds}
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
