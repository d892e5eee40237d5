import {
  MATURITY_LABELS,
  PRODUCT_TYPE_LABELS,
  SEGMENT_LABELS,
  type Maturity,
  type ProductType,
  type Segment,
} from '@/lib/vocabulary/projects';
import { TEMPLATES } from './templates';
import type { RoadmapTemplate } from '@/lib/vocabulary/roadmap-template';

export interface SuggestInput {
  productType: ProductType;
  segment: Segment;
  maturity: Maturity;
}

export interface Suggestion {
  template: RoadmapTemplate;
  /** One or two sentences a founder can read: why this playbook. */
  reason: string;
}

/**
 * Weights: the product type shapes the roadmap most (chat latency, webhooks, feeds), then how
 * far along the product is, then the market segment (mostly wording and emphasis).
 */
const WEIGHT = { productType: 4, maturity: 3, segment: 2 } as const;

/** The growth path; 'ai-rescue' is not on it (a rescue is its own playbook). */
const GROWTH: readonly Maturity[] = ['idea-prototype', 'demo-launch', 'customers-growth'];

/**
 * For 'other' products no playbook matches by type; the subscription-dashboard one is the most
 * generic web app (accounts, billing, emails, dashboards), so it gets a nudge smaller than any
 * other difference: it only breaks ties.
 */
const GENERIC_PRODUCT_TYPE: ProductType = 'saas-dashboard';

function maturityScore(want: Maturity, have: Maturity): number {
  if (want === have) return WEIGHT.maturity;
  const a = GROWTH.indexOf(want);
  const b = GROWTH.indexOf(have);
  if (a < 0 || b < 0) return 0;
  return Math.max(0, WEIGHT.maturity - Math.abs(a - b)); // one step away 2, two steps 1
}

function productScore(want: ProductType, have: readonly ProductType[]): number {
  if (have.includes(want)) return WEIGHT.productType;
  if (want === 'other' && have.includes(GENERIC_PRODUCT_TYPE)) return 0.5;
  return 0;
}

function score(input: SuggestInput, t: RoadmapTemplate): number {
  return (
    productScore(input.productType, t.match.productTypes) +
    maturityScore(input.maturity, t.match.maturity) +
    (t.match.segment === input.segment ? WEIGHT.segment : 0)
  );
}

function describeFit(input: SuggestInput, t: RoadmapTemplate): string {
  const m = t.match;
  const productOk = m.productTypes.includes(input.productType);
  const segmentOk = m.segment === input.segment;
  const maturityOk = m.maturity === input.maturity;
  if (productOk && segmentOk && maturityOk) {
    return `Exact match: “${t.name}” is written for this product type (${PRODUCT_TYPE_LABELS[input.productType]}), segment and maturity.`;
  }

  const same: string[] = [];
  const differs: string[] = [];
  if (productOk) same.push(`product type (${PRODUCT_TYPE_LABELS[input.productType]})`);
  else differs.push(`product type “${m.productTypes.map((p) => PRODUCT_TYPE_LABELS[p]).join(' / ')}”`);
  if (segmentOk) same.push(`segment (${SEGMENT_LABELS[input.segment]})`);
  else differs.push(`segment “${SEGMENT_LABELS[m.segment]}”`);
  if (maturityOk) same.push(`maturity (${MATURITY_LABELS[input.maturity]})`);
  else differs.push(`maturity “${MATURITY_LABELS[m.maturity]}”`);

  const lead =
    input.productType === 'other' && !productOk
      ? `No playbook is written for “Other” products; “${t.name}” is the closest general-purpose roadmap.`
      : `Closest playbook: “${t.name}”.`;
  const matches = same.length > 0 ? ` Same ${same.join(' and ')}.` : '';
  const last = differs.pop();
  const list = differs.length > 0 ? `${differs.join(', ')} and ${last}` : last;
  return `${lead}${matches} It was written for ${list}; adjust the items that do not apply.`;
}

/**
 * Suggest the roadmap template for a project. A rescue of an AI-built app always gets a rescue
 * playbook; otherwise templates are scored on product type, maturity (nearer is better) and
 * segment, ties going to the earlier template.
 */
export function suggestTemplate(input: SuggestInput, templates: readonly RoadmapTemplate[] = TEMPLATES): Suggestion {
  const rescue = input.maturity === 'ai-rescue';
  const candidates = templates.filter((t) => (t.match.maturity === 'ai-rescue') === rescue);
  let best: RoadmapTemplate | undefined;
  let bestScore = -1;
  for (const t of candidates) {
    const s = score(input, t);
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  if (!best) throw new Error(`no roadmap template for ${rescue ? 'a rescue' : 'this project'}`);

  if (rescue) {
    const m = best.match;
    const exact = m.productTypes.includes(input.productType) && m.segment === input.segment;
    const reason = exact
      ? `Rescue of an AI-built app: “${best.name}” is the rescue sprint for exactly this kind of product.`
      : `Rescue of an AI-built app: “${best.name}” is the rescue sprint playbook (written for ${SEGMENT_LABELS[m.segment]} products); its security, performance and redeploy steps apply to any AI-built app.`;
    return { template: best, reason };
  }
  return { template: best, reason: describeFit(input, best) };
}
