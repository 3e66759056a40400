/** A small line chart of the values read. */
import { h } from './view';
export function Sparkline(props: { values: readonly number[] }) {
  const width = 260;
  const height = 36;
  const { values } = props;
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const points = values
    .map((v, i) => {
      const x = (i / (values.length - 1)) * (width - 4) + 2;
      const y = height - 3 - ((v - min) / span) * (height - 6);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg viewBox={`0 0 ${width} ${height}`} class="sparkline" aria-hidden="true" focusable="false">
      <polyline points={points} fill="none" stroke="#1a73e8" stroke-width="2" />
    </svg>
  );
}
