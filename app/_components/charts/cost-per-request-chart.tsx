'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { stackedExtent } from '@/lib/charts/linear-ticks';
import { activeComponents, hasAnyCost, type CostPerThousandRow } from '@/lib/charts/monthly-tco';
import { formatMoney, formatMonth } from '@/lib/format/number';
import { chartLabel, GRID_PROPS, MONTH_CHART_MARGIN, monthAxisProps, moneyYAxisProps } from './axis';
import { ChartFrame } from './chart-frame';
import { LEGEND_PROPS } from './legend';
import { ChartTooltip } from './chart-tooltip';
import { NumbersTable, type NumbersColumn } from './numbers-table';

/** Per-request figures are often below a cent: the table keeps two significant digits there (formatMoney). */
const money = (value: number) => formatMoney(value);

/** Chart 6a: what 1,000 requests cost each month, split by component (unit economics). */
export function CostPerRequestChart({ rows }: { rows: CostPerThousandRow[] }) {
  const components = activeComponents(rows);
  const extent = stackedExtent(rows, (row) => components.map((component) => row[component.key]));
  const columns: NumbersColumn<CostPerThousandRow>[] = [
    ...components.map((component) => ({ key: component.key, header: component.label, cell: (row: CostPerThousandRow) => money(row[component.key]) })),
    { key: 'total', header: 'Total', emphasis: true, cell: (row) => money(row.total) },
  ];
  return (
    <ChartFrame
      id="chart-cost-per-request"
      title="Cost per 1,000 requests by month"
      height={260}
      empty={!hasAnyCost(rows)}
      emptyText="No requests in the horizon, so there is no cost per request."
      footer={
        hasAnyCost(rows) ? (
          <NumbersTable
            caption="Cost per 1,000 requests by month and component, USD"
            rowHeader={{ header: 'Month', cell: (row) => formatMonth(row.month) }}
            columns={columns}
            rows={rows}
            rowKey={(row) => String(row.month)}
          />
        ) : null
      }
      caption="Each month’s cost components divided by its requests (× 1,000): the unit cost to put in a pricing model. Fixed costs (engineering, flat rate, fees) shrink per request as traffic grows; token cost per request stays flat."
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 260 }}>
        <BarChart data={rows} margin={MONTH_CHART_MARGIN} stackOffset="sign" {...chartLabel('Cost per 1,000 requests by month')}>
          <CartesianGrid {...GRID_PROPS} vertical={false} />
          <XAxis {...monthAxisProps(rows)} />
          <YAxis {...moneyYAxisProps('USD per 1,000 requests', 60, extent)} />
          <Tooltip
            cursor={{ fill: 'currentColor', fillOpacity: 0.06 }}
            content={(props) => (
              <ChartTooltip
                {...props}
                formatLabel={(month) => formatMonth(month as number)}
                formatValue={(value) => formatMoney(value as number)}
                footer={(payload) => {
                  const row = payload[0]?.payload as CostPerThousandRow | undefined;
                  return row ? <span className="tabular font-semibold">Total {formatMoney(row.total)} per 1,000</span> : null;
                }}
              />
            )}
          />
          <Legend {...LEGEND_PROPS} />
          {components.map((component) => (
            <Bar
              key={component.key}
              dataKey={component.key}
              name={component.label}
              stackId="unit"
              fill={component.colour}
              isAnimationActive={false}
              maxBarSize={56}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
