/** Seven-day charts drawn as vector graphics: bars for percentages, a line for p95 latency. */
import { Line, Path, Rect, Svg, Text, View } from '@react-pdf/renderer';
import type { DailyPoint } from '../types';
import { COLOR, s } from './styles';

const W = 150;
const H = 56;

type Metric = 'uptimePercent' | 'errorRatePercent' | 'p95Ms';

function scale(values: (number | null)[], metric: Metric, target: number | null): [number, number] {
  const present = values.filter((v): v is number => v !== null);
  if (metric === 'uptimePercent') return [Math.min(99, ...present.map((v) => Math.floor(v))), 100];
  const top = Math.max(1, target ?? 0, ...present);
  return [0, metric === 'errorRatePercent' ? Math.max(1, Math.ceil(top)) : Math.ceil((top * 1.15) / 50) * 50];
}

export function DayChart({ title, days, metric, value, target = null }: { title: string; days: DailyPoint[]; metric: Metric; value: string; target?: number | null }) {
  const values = days.map((d) => d[metric]);
  const [lo, hi] = scale(values, metric, target);
  const y = (v: number) => H - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo || 1)) * H;
  const step = W / days.length;
  const color = metric === 'uptimePercent' ? COLOR.ok : metric === 'errorRatePercent' ? COLOR.bad : COLOR.accent;
  const points = values.map((v, i) => (v === null ? null : { x: i * step + step / 2, y: y(v) }));
  const line = points.reduce((d, p, i) => (p === null ? d : `${d}${d === '' || points[i - 1] === null ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)} `), '');
  const unit = metric === 'p95Ms' ? ' ms' : '%';
  return (
    <View style={{ width: W + 28, marginRight: 8 }} wrap={false}>
      <Text style={[s.small, { marginBottom: 2 }]}>
        <Text style={s.bold}>{title}</Text> {value}
      </Text>
      <View style={{ flexDirection: 'row' }}>
        <View style={{ width: 26, height: H, justifyContent: 'space-between' }}>
          <Text style={{ fontSize: 6, color: COLOR.muted, textAlign: 'right', paddingRight: 2 }}>{`${hi}${unit}`}</Text>
          <Text style={{ fontSize: 6, color: COLOR.muted, textAlign: 'right', paddingRight: 2 }}>{`${lo}${unit}`}</Text>
        </View>
        <Svg width={W} height={H} viewBox={`0 0 ${W} ${H}`}>
          <Rect x={0} y={0} width={W} height={H} fill={COLOR.soft} />
          <Line x1={0} y1={H} x2={W} y2={H} stroke={COLOR.line} strokeWidth={0.8} />
          {metric === 'p95Ms' ? (
            <>
              {line ? <Path d={line} stroke={color} strokeWidth={1.4} fill="none" /> : null}
              {points.map((p, i) => (p ? <Rect key={i} x={p.x - 1.5} y={p.y - 1.5} width={3} height={3} fill={color} /> : null))}
              {/* Drawn after the data so the target stays visible where the p95 runs along it. */}
              {target !== null ? <Line x1={0} y1={y(target)} x2={W} y2={y(target)} stroke={COLOR.bad} strokeWidth={0.9} strokeDasharray="3 2" /> : null}
            </>
          ) : (
            values.map((v, i) =>
              v === null ? null : <Rect key={i} x={i * step + step * 0.18} y={y(v)} width={step * 0.64} height={Math.max(0.6, H - y(v))} fill={color} />,
            )
          )}
        </Svg>
      </View>
      <View style={{ flexDirection: 'row', marginLeft: 26, width: W }}>
        {days.map((d) => (
          <Text key={d.date} style={{ width: step, fontSize: 5.5, color: COLOR.muted, textAlign: 'center' }}>
            {d.date.slice(8)}
          </Text>
        ))}
      </View>
    </View>
  );
}
