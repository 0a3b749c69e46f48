import type { Query } from '../../api/client.ts';
import { EvenSplitCard } from './EvenSplitCard.tsx';
import { MonitorProgressCard } from './MonitorProgressCard.tsx';

/** A lead's side of the sample: split it among monitors, and how far each of them is. */
export function AssignPanel({ period, sampleQuery }: { period: string; sampleQuery: Query }) {
  return (
    <div className="two-cards">
      <EvenSplitCard period={period} sampleQuery={sampleQuery} />
      <MonitorProgressCard period={period} />
    </div>
  );
}
