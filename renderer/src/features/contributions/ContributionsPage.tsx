import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import type { ContributionPage, Forum, NoteHit, Theme } from '../../../../shared/api';
import {
  CONTRIBUTION_KIND_LABELS,
  CONTRIBUTION_STATUS_LABELS,
  type ContributionKind,
  type ContributionSource,
  type ContributionStatus,
} from '../../../../shared/domain/contributions';
import type { Region } from '../../../../shared/domain/countries';
import type { StakeholderGroup } from '../../../../shared/domain/vocabulary';
import { useAudience, useClient } from '../../api/context';
import { ReadOnlyNote, useForumAccess } from '../../app/forumAccess';
import { unwrapOrNotify } from '../../components/errors';
import { ContributionDetail } from './ContributionDetail';
import { ContributionForm } from './ContributionForm';
import { CoverageView } from './CoverageView';
import { Highlighted } from './Highlighted';
import { ImportSurvey } from './ImportSurvey';
import {
  ANY,
  GROUP_OPTIONS,
  KIND_OPTIONS,
  REGION_OPTIONS,
  SOURCE_OPTIONS,
  STATUS_OPTIONS,
} from './options';
import { ThemesManager } from './ThemesManager';
import { ExportDialog } from '../publish/ExportDialog';
import { SavedFilters, type FilterParams } from '../participants/SavedFilters';
import { SortableTh, type SortState } from '../../components/SortableTh';
import { useRouteParam } from '../../app/routes';
import {
  CONTRIBUTION_SORTS,
  type ContributionSort,
} from '../../../../shared/schemas/contributions';

const PAGE_SIZE = 50;

interface Filters {
  status: ContributionStatus | '';
  themeId: string;
  region: Region | '';
  kind: ContributionKind | '';
  source: ContributionSource | '';
  stakeholderGroup: StakeholderGroup | '';
}

const NO_FILTERS: Filters = {
  status: '',
  themeId: '',
  region: '',
  kind: '',
  source: '',
  stakeholderGroup: '',
};

/** Contributions: the list (search, filters, pages in SQL), coverage and themes. */
export function ContributionsPage({ forum }: { forum: Forum }) {
  const audience = useAudience();
  const client = useClient();
  const [tab, setTab] = useState<string | null>('list');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  // The backend sorts the whole list (as the audience sees it); none: newest first, or best match.
  const [sort, setSort] = useState<SortState<ContributionSort> | null>(null);
  // The page shown, with the request it answers: while another is on its way the table is busy.
  const [loaded, setLoaded] = useState<{ key: string; page: ContributionPage } | null>(null);
  const [notes, setNotes] = useState<NoteHit[]>([]);
  const [themes, setThemes] = useState<Theme[]>([]);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [openId, setOpenId] = useRouteParam('contributions', 'contributionId');
  const [version, setVersion] = useState(0);
  const [exporting, setExporting] = useState(false);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const coordinators = audience === 'coordinators';
  const { canWrite } = useForumAccess();

  useEffect(() => {
    void client
      .call('themes.list', { forumId: forum.id })
      .then((r) => setThemes(unwrapOrNotify(r) ?? []));
  }, [client, forum.id, version]);

  const listKey = JSON.stringify([forum.id, audience, debounced, filters, sort, page, version]);
  const data = loaded?.page ?? null;
  const busy = loaded !== null && loaded.key !== listKey;

  useEffect(() => {
    let live = true;
    const input = {
      forumId: forum.id,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
      ...(debounced ? { search: debounced } : {}),
      ...(sort ? { sort: sort.key, direction: sort.direction } : {}),
      ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')),
    };
    void client.call('contributions.list', input).then((r) => {
      if (live)
        setLoaded({ key: listKey, page: unwrapOrNotify(r) ?? { total: 0, offset: 0, rows: [] } });
    });
    if (debounced && coordinators)
      void client
        .call('contributions.search', { forumId: forum.id, query: debounced, limit: 10 })
        .then((r) => {
          if (live && r.ok) setNotes(r.value.notes);
        });
    else setNotes([]);
    return () => {
      live = false;
    };
  }, [client, forum.id, audience, coordinators, debounced, filters, sort, page, version, listKey]);

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const onSort = (next: SortState<ContributionSort>) => {
    setSort(next);
    setPage(1);
  };

  const currentFilter: FilterParams = Object.fromEntries(
    Object.entries({
      search: search.trim(),
      ...filters,
      ...(sort ? { sort: sort.key, direction: sort.direction } : {}),
    }).filter(([, v]) => v !== ''),
  );
  /** Applies a saved filter; values the list no longer offers are left out. */
  const applyFilter = (p: FilterParams) => {
    const pick = (options: { value: string }[], v: unknown) =>
      typeof v === 'string' && options.some((o) => o.value === v) ? v : '';
    setSearch(typeof p.search === 'string' ? p.search : '');
    setFilters({
      status: pick(STATUS_OPTIONS, p.status) as Filters['status'],
      themeId: pick(
        themes.map((t) => ({ value: t.id })),
        p.themeId,
      ),
      region: pick(REGION_OPTIONS, p.region) as Filters['region'],
      kind: pick(KIND_OPTIONS, p.kind) as Filters['kind'],
      source: pick(SOURCE_OPTIONS, p.source) as Filters['source'],
      stakeholderGroup: pick(GROUP_OPTIONS, p.stakeholderGroup) as Filters['stakeholderGroup'],
    });
    // The sort is kept too; none (or one this list no longer offers) is the default order.
    setSort(
      (CONTRIBUTION_SORTS as readonly unknown[]).includes(p.sort)
        ? { key: p.sort as ContributionSort, direction: p.direction === 'desc' ? 'desc' : 'asc' }
        : null,
    );
    setPage(1);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Contributions
        </Title>
        <Group>
          <Button variant="default" onClick={() => setExporting(true)}>
            Export
          </Button>
          <ReadOnlyNote />
          {canWrite && (
            <Button variant="default" onClick={() => setImporting(true)}>
              Import survey (CSV)
            </Button>
          )}
          {canWrite && <Button onClick={() => setAdding(true)}>Add contribution</Button>}
        </Group>
      </Group>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="list">List</Tabs.Tab>
          <Tabs.Tab value="coverage">Coverage</Tabs.Tab>
          {coordinators && <Tabs.Tab value="themes">Themes</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <Stack>
            <TextInput
              type="search"
              label="Search contributions"
              description="Words from the title, summary or full text; also searches call minutes and session notes"
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPage(1);
              }}
            />
            <Group grow align="flex-end">
              <NativeSelect
                label="Status"
                value={filters.status}
                onChange={(e) => setFilter('status', e.currentTarget.value as Filters['status'])}
                data={[ANY, ...STATUS_OPTIONS]}
              />
              <NativeSelect
                label="Theme"
                value={filters.themeId}
                onChange={(e) => setFilter('themeId', e.currentTarget.value)}
                data={[ANY, ...themes.map((t) => ({ value: t.id, label: t.name }))]}
              />
              <NativeSelect
                label="Region"
                value={filters.region}
                onChange={(e) => setFilter('region', e.currentTarget.value as Filters['region'])}
                data={[ANY, ...REGION_OPTIONS]}
              />
              <NativeSelect
                label="Kind"
                value={filters.kind}
                onChange={(e) => setFilter('kind', e.currentTarget.value as Filters['kind'])}
                data={[ANY, ...KIND_OPTIONS]}
              />
              <NativeSelect
                label="Source"
                value={filters.source}
                onChange={(e) => setFilter('source', e.currentTarget.value as Filters['source'])}
                data={[ANY, ...SOURCE_OPTIONS]}
              />
              <NativeSelect
                label="Stakeholder group of contributor"
                value={filters.stakeholderGroup}
                onChange={(e) =>
                  setFilter(
                    'stakeholderGroup',
                    e.currentTarget.value as Filters['stakeholderGroup'],
                  )
                }
                data={[ANY, ...GROUP_OPTIONS]}
              />
            </Group>
            {coordinators && (
              <SavedFilters
                forumId={forum.id}
                list="contributions"
                current={currentFilter}
                onApply={applyFilter}
              />
            )}
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {data
                ? `${data.total} ${data.total === 1 ? 'contribution' : 'contributions'}`
                : 'Loading…'}
            </Text>
            {data && data.rows.length === 0 && (
              <Alert color="gray">
                {debounced || Object.values(filters).some(Boolean)
                  ? 'No contributions match this search and these filters.'
                  : 'No contributions yet. Add one, or import a survey export.'}
              </Alert>
            )}
            {data && data.rows.length > 0 && (
              <Table highlightOnHover aria-label="Contributions" aria-busy={busy}>
                <Table.Thead>
                  <Table.Tr>
                    <SortableTh column="title" sort={sort} onSort={onSort}>
                      Title
                    </SortableTh>
                    <SortableTh column="kind" sort={sort} onSort={onSort}>
                      Kind
                    </SortableTh>
                    <SortableTh column="status" sort={sort} onSort={onSort}>
                      Status
                    </SortableTh>
                    <SortableTh column="contributor" sort={sort} onSort={onSort}>
                      Contributor
                    </SortableTh>
                    <SortableTh column="received" sort={sort} onSort={onSort}>
                      Received
                    </SortableTh>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((r) => (
                    <Table.Tr
                      key={r.id}
                      tabIndex={0}
                      style={{ cursor: 'pointer' }}
                      onClick={() => setOpenId(r.id)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          setOpenId(r.id);
                        }
                      }}
                    >
                      <Table.Td>
                        <Text fw={500}>
                          {r.titleHighlighted ? (
                            <Highlighted segments={r.titleHighlighted} />
                          ) : (
                            r.title
                          )}
                        </Text>
                        {r.snippet && (
                          <Text size="sm" c="dimmed">
                            <Highlighted segments={r.snippet} />
                          </Text>
                        )}
                        {r.consentWithdrawnScope && (
                          <Badge color="red" variant="light" size="sm">
                            Consent withdrawn: {r.consentWithdrawnScope}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{CONTRIBUTION_KIND_LABELS[r.kind]}</Table.Td>
                      <Table.Td>{CONTRIBUTION_STATUS_LABELS[r.status]}</Table.Td>
                      <Table.Td>{r.contributorLabel}</Table.Td>
                      <Table.Td>{r.receivedOn}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {pages > 1 && (
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                aria-label="Pages of contributions"
              />
            )}
            {notes.length > 0 && (
              <section aria-label="Call minutes and session notes">
                <Title order={2} size="h4">
                  In call minutes and session notes
                </Title>
                <Stack gap="xs" mt="xs">
                  {notes.map((n) => (
                    <div key={`${n.type}-${n.id}`}>
                      <Text fw={500}>
                        {n.type === 'call' ? 'Call' : 'NRI session'}: {n.title}
                        {n.startAt ? ` (${new Date(n.startAt).toISOString().slice(0, 10)})` : ''}
                      </Text>
                      <Text size="sm" c="dimmed">
                        <Highlighted segments={n.snippet} />
                      </Text>
                    </div>
                  ))}
                </Stack>
              </section>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="coverage" pt="md">
          {tab === 'coverage' && <CoverageView forum={forum} audience={audience} key={version} />}
        </Tabs.Panel>
        {coordinators && (
          <Tabs.Panel value="themes" pt="md">
            <ThemesManager forumId={forum.id} themes={themes} onChanged={refresh} />
          </Tabs.Panel>
        )}
      </Tabs>
      <ContributionForm
        opened={adding}
        forumId={forum.id}
        themes={themes}
        onClose={() => setAdding(false)}
        onSaved={(c) => {
          setAdding(false);
          refresh();
          setOpenId(c.id);
        }}
      />
      <ContributionDetail
        id={openId}
        forumId={forum.id}
        themes={themes}
        readOnly={!canWrite}
        onClose={() => setOpenId(null)}
        onChanged={refresh}
      />
      <ExportDialog
        opened={exporting}
        onClose={() => setExporting(false)}
        forumId={forum.id}
        kind="contributions"
        title="Export contributions"
        audiences={coordinators ? ['public', 'participants', 'coordinators'] : ['public']}
      />
      <ImportSurvey
        opened={importing}
        forumId={forum.id}
        onClose={() => setImporting(false)}
        onImported={refresh}
      />
    </Stack>
  );
}
