// A bar chart drawn with Chart.js (a maintained chart library, pinned in
// package.json), registered piece by piece so only what a bar chart needs is
// in the reports screen's chunk. The numbers are also in the table beside
// every chart: the chart is for seeing the shape, the table for copying.
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

interface Props {
  labels: string[];
  /** One or more series, each drawn in its own colour. */
  series: { label: string; values: number[] }[];
  testId: string;
  /** What the chart shows, for a screen reader (the table beside it has the numbers). */
  title: string;
  stacked?: boolean;
}

const COLOURS = ['#0a4fa3', '#b7791f', '#14632b', '#a4161a'];

export function BarChart({ labels, series, testId, title, stacked = false }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLOURS[i % COLOURS.length] })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { tooltip: { enabled: true } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, stacked]);
  return (
    <div className="report-chart" data-testid={testId} data-points={labels.length}>
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
