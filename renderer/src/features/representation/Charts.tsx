import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FigureCell } from '../../../../shared/api';

/** A chart with its accessible name and a table alternative that screen readers and print get. */
function Figure({
  title,
  summary,
  svg,
  table,
}: {
  title: string;
  summary: string;
  svg: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text fw={600}>{title}</Text>
      </figcaption>
      <div role="img" aria-label={`${title}: ${summary}`}>
        {svg}
      </div>
      <details>
        <summary>Table of “{title}”</summary>
        {table}
      </details>
    </figure>
  );
}

const COLORS = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#ae3ec9',
  '#f08c00',
  '#0c8599',
  '#c2255c',
  '#5c940d',
];

export interface Bar {
  label: string;
  value: FigureCell;
}

/** Horizontal bars with the value written at the end of each (suppressed ones as text only). */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value.count ?? 0));
  const rowH = 24;
  const labelW = 260;
  const width = 640;
  const barW = width - labelW - 60;
  return (
    <Figure
      title={title}
      summary={bars.map((b) => `${b.label} ${b.value.text}`).join(', ')}
      svg={
        <svg
          width="100%"
          viewBox={`0 0 ${width} ${bars.length * rowH + 4}`}
          style={{ maxWidth: width }}
          aria-hidden="true"
        >
          {bars.map((b, i) => {
            const w = b.value.count === null ? 0 : (b.value.count / max) * barW;
            return (
              <g key={b.label} transform={`translate(0 ${i * rowH})`}>
                <text x={labelW - 8} y={16} textAnchor="end" fontSize={12} fill="currentColor">
                  {b.label}
                </text>
                <rect x={labelW} y={4} width={w} height={16} fill={COLORS[0]} rx={2} />
                {b.value.count === null && (
                  <rect
                    x={labelW}
                    y={4}
                    width={12}
                    height={16}
                    fill="none"
                    stroke={COLORS[0]}
                    strokeDasharray="2 2"
                  />
                )}
                <text x={labelW + Math.max(w, 12) + 6} y={16} fontSize={12} fill="currentColor">
                  {b.value.text}
                </text>
              </g>
            );
          })}
        </svg>
      }
      table={
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Category</Table.Th>
              <Table.Th>People</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bars.map((b) => (
              <Table.Tr key={b.label}>
                <Table.Td>{b.label}</Table.Td>
                <Table.Td>{b.value.text}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

export interface PlanBar {
  label: string;
  target: number | null;
  actual: FigureCell;
  met: boolean | null;
}

/** Actual people per planned cell, with the target as a vertical mark. */
export function PlanVersusActualChart({ title, rows }: { title: string; rows: PlanBar[] }) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.actual.count ?? 0, r.target ?? 0)));
  const rowH = 26;
  const labelW = 300;
  const width = 680;
  const barW = width - labelW - 90;
  const x = (n: number) => labelW + (n / max) * barW;
  const status = (r: PlanBar) =>
    r.met === null ? 'not judged' : r.met ? 'target met' : 'below target';
  return (
    <Figure
      title={title}
      summary={rows
        .map(
          (r) =>
            `${r.label}: ${r.actual.text}${r.target !== null ? ` of target ${r.target}` : ''} (${status(r)})`,
        )
        .join('; ')}
      svg={
        <svg
          width="100%"
          viewBox={`0 0 ${width} ${rows.length * rowH + 4}`}
          style={{ maxWidth: width }}
          aria-hidden="true"
        >
          {rows.map((r, i) => (
            <g key={r.label} transform={`translate(0 ${i * rowH})`}>
              <text x={labelW - 8} y={17} textAnchor="end" fontSize={12} fill="currentColor">
                {r.label}
              </text>
              <rect
                x={labelW}
                y={5}
                width={r.actual.count === null ? 0 : x(r.actual.count) - labelW}
                height={16}
                rx={2}
                fill={r.met === false ? '#e03131' : '#2f9e44'}
              />
              {r.target !== null && (
                <line
                  x1={x(r.target)}
                  x2={x(r.target)}
                  y1={1}
                  y2={25}
                  stroke="currentColor"
                  strokeWidth={2}
                />
              )}
              <text x={width - 84} y={17} fontSize={12} fill="currentColor">
                {r.actual.text}
                {r.target !== null ? ` / ${r.target}` : ''}
              </text>
            </g>
          ))}
        </svg>
      }
      table={
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Planned</Table.Th>
              <Table.Th>Target (at least)</Table.Th>
              <Table.Th>Actual</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.label}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>{r.target ?? '—'}</Table.Td>
                <Table.Td>{r.actual.text}</Table.Td>
                <Table.Td>{status(r)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

export interface TrendSeries {
  label: string;
  values: FigureCell[];
}

/** One line per series over the calls of the year (suppressed points are gaps). */
export function TrendChart({
  title,
  points,
  series,
}: {
  title: string;
  points: string[];
  series: TrendSeries[];
}) {
  const width = 680;
  const height = 220;
  const left = 40;
  const bottom = 24;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v.count ?? 0)));
  const px = (i: number) =>
    left + (points.length <= 1 ? 0 : (i / (points.length - 1)) * (width - left - 20));
  const py = (n: number) => height - bottom - (n / max) * (height - bottom - 10);
  return (
    <Figure
      title={title}
      summary={series
        .map((s) => `${s.label}: ${s.values.map((v) => v.text).join(', ')}`)
        .join('; ')}
      svg={
        <div>
          <svg
            width="100%"
            viewBox={`0 0 ${width} ${height}`}
            style={{ maxWidth: width }}
            aria-hidden="true"
          >
            <line
              x1={left}
              x2={width - 10}
              y1={height - bottom}
              y2={height - bottom}
              stroke="currentColor"
            />
            <text x={left - 6} y={py(max) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {max}
            </text>
            <text
              x={left - 6}
              y={height - bottom}
              textAnchor="end"
              fontSize={11}
              fill="currentColor"
            >
              0
            </text>
            {points.map((p, i) => (
              <text
                key={p + i}
                x={px(i)}
                y={height - 6}
                textAnchor="middle"
                fontSize={10}
                fill="currentColor"
              >
                {i + 1}
              </text>
            ))}
            {series.map((s, k) => {
              const segs: string[] = [];
              let open = false;
              s.values.forEach((v, i) => {
                if (v.count === null) {
                  open = false;
                  return;
                }
                segs.push(`${open ? 'L' : 'M'}${px(i)},${py(v.count)}`);
                open = true;
              });
              return (
                <g key={s.label}>
                  <path
                    d={segs.join(' ')}
                    fill="none"
                    stroke={COLORS[k % COLORS.length]}
                    strokeWidth={2}
                  />
                  {s.values.map((v, i) =>
                    v.count === null ? null : (
                      <circle
                        key={i}
                        cx={px(i)}
                        cy={py(v.count)}
                        r={3}
                        fill={COLORS[k % COLORS.length]}
                      />
                    ),
                  )}
                </g>
              );
            })}
          </svg>
          <ul
            aria-hidden="true"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0 }}
          >
            {series.map((s, k) => (
              <li key={s.label} style={{ fontSize: 12 }}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    marginRight: 4,
                    background: COLORS[k % COLORS.length],
                  }}
                />
                {s.label}
              </li>
            ))}
          </ul>
        </div>
      }
      table={
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Call</Table.Th>
              {series.map((s) => (
                <Table.Th key={s.label}>{s.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p, i) => (
              <Table.Tr key={p + i}>
                <Table.Td>
                  {i + 1}. {p}
                </Table.Td>
                {series.map((s) => (
                  <Table.Td key={s.label}>{s.values[i]?.text}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
