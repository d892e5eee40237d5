import { describe, expect, it } from 'vitest';
import { MATURITIES, PRODUCT_TYPES, SEGMENTS, type Maturity, type ProductType, type Segment } from '@/lib/vocabulary/projects';
import { suggestTemplate } from './suggest';
import { TEMPLATES } from './templates';

const id = (productType: ProductType, segment: Segment, maturity: Maturity) => suggestTemplate({ productType, segment, maturity }).template.id;

describe('suggestTemplate', () => {
  it('returns each template for its own exact match, with an "Exact match" reason', () => {
    for (const t of TEMPLATES) {
      for (const productType of t.match.productTypes) {
        const s = suggestTemplate({ productType, segment: t.match.segment, maturity: t.match.maturity });
        expect(s.template.id).toBe(t.id);
        if (t.match.maturity !== 'ai-rescue') expect(s.reason).toMatch(/^Exact match/);
      }
    }
  });

  it('sends every rescue of an AI-built app to the rescue playbook, whatever the product', () => {
    for (const productType of PRODUCT_TYPES) {
      for (const segment of SEGMENTS) {
        const s = suggestTemplate({ productType, segment, maturity: 'ai-rescue' });
        expect(s.template.id).toBe('membership-rescue');
        expect(s.reason).toMatch(/^Rescue of an AI-built app/);
      }
    }
  });

  it('never suggests the rescue playbook for a product that is not being rescued', () => {
    for (const productType of PRODUCT_TYPES)
      for (const segment of SEGMENTS)
        for (const maturity of MATURITIES.filter((m) => m !== 'ai-rescue')) {
          expect(suggestTemplate({ productType, segment, maturity }).template.match.maturity).not.toBe('ai-rescue');
        }
  });

  it('prefers the product type over segment and maturity', () => {
    expect(id('saas-dashboard', 'coach-consultant', 'demo-launch')).toBe('coach-dashboard-prototype');
    expect(id('membership-community', 'membership-community', 'idea-prototype')).toBe('membership-growth');
    expect(id('mobile-backend', 'coach-consultant', 'demo-launch')).toBe('membership-growth');
    expect(id('ai-chatbot', 'membership-community', 'customers-growth')).toBe('membership-chatbot-prototype');
  });

  it('breaks ties on the nearest maturity', () => {
    // Both chatbot playbooks match the type and neither the segment: demo → launch is nearer to growth.
    expect(id('ai-chatbot', 'other', 'customers-growth')).toBe('coach-chatbot-launch');
    expect(id('ai-chatbot', 'other', 'idea-prototype')).toBe('membership-chatbot-prototype');
  });

  it('falls back to the general-purpose dashboard playbook for "other" products', () => {
    const s = suggestTemplate({ productType: 'other', segment: 'other', maturity: 'idea-prototype' });
    expect(s.template.id).toBe('coach-dashboard-prototype');
    expect(s.reason).toMatch(/No playbook is written for “Other” products/);
    expect(id('other', 'other', 'customers-growth')).toBe('membership-growth');
    expect(id('other', 'coach-consultant', 'demo-launch')).toBe('coach-chatbot-launch');
  });

  it('explains partial matches: what matches and what the playbook was written for', () => {
    const s = suggestTemplate({ productType: 'saas-dashboard', segment: 'coach-consultant', maturity: 'customers-growth' });
    expect(s.template.id).toBe('coach-dashboard-prototype');
    expect(s.reason).toContain('Same product type (Subscription dashboard / SaaS) and segment (Coach or consultant business).');
    expect(s.reason).toContain('written for maturity “Idea → prototype”');
  });

  it('answers every combination with a template and a reason, deterministically', () => {
    for (const productType of PRODUCT_TYPES)
      for (const segment of SEGMENTS)
        for (const maturity of MATURITIES) {
          const a = suggestTemplate({ productType, segment, maturity });
          const b = suggestTemplate({ productType, segment, maturity });
          expect(a.template.id).toBe(b.template.id);
          expect(a.reason.length).toBeGreaterThan(20);
        }
  });

  it('throws when no template can serve the request', () => {
    const nonRescue = TEMPLATES.filter((t) => t.match.maturity !== 'ai-rescue');
    expect(() => suggestTemplate({ productType: 'other', segment: 'other', maturity: 'ai-rescue' }, nonRescue)).toThrow(/no roadmap template/);
  });
});
