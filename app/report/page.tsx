import type { Metadata } from 'next';
import { ReportPage } from '../_components/report/report-page';

export const metadata: Metadata = {
  title: 'Report',
  description: 'A printable report of a RouteCost scenario: total cost of ownership, monthly table, charts, findings and every figure with its source.',
};

export default function Report() {
  return <ReportPage />;
}
