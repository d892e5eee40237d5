/**
 * The vocabularies a project is described with. They drive template suggestion
 * (server/roadmap) and the project form; labels are what founders see.
 */
export const PRODUCT_TYPES = ['saas-dashboard', 'ai-chatbot', 'membership-community', 'mobile-backend', 'other'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];
export const PRODUCT_TYPE_LABELS: Record<ProductType, string> = {
  'saas-dashboard': 'Subscription dashboard / SaaS',
  'ai-chatbot': 'AI chatbot',
  'membership-community': 'Membership community app',
  'mobile-backend': 'Mobile app backend',
  other: 'Other',
};

export const SEGMENTS = ['membership-community', 'coach-consultant', 'other'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const SEGMENT_LABELS: Record<Segment, string> = {
  'membership-community': 'Membership community',
  'coach-consultant': 'Coach or consultant business',
  other: 'Other',
};

export const MATURITIES = ['idea-prototype', 'demo-launch', 'customers-growth', 'ai-rescue'] as const;
export type Maturity = (typeof MATURITIES)[number];
export const MATURITY_LABELS: Record<Maturity, string> = {
  'idea-prototype': 'Idea → prototype',
  'demo-launch': 'Demo → launch',
  'customers-growth': 'First customers → repeatable growth',
  'ai-rescue': 'Rescue of an AI-built app',
};

export const ENDPOINT_KINDS = ['signup', 'login', 'password-reset', 'dashboard', 'checkout', 'payment-webhook', 'chat', 'api-health', 'other'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];
export const ENDPOINT_KIND_LABELS: Record<EndpointKind, string> = {
  signup: 'Sign-up',
  login: 'Login',
  'password-reset': 'Password reset',
  dashboard: 'Dashboard or feed',
  checkout: 'Checkout',
  'payment-webhook': 'Payment webhook',
  chat: 'Chat',
  'api-health': 'API health',
  other: 'Other',
};

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The seven phases every roadmap walks through, in the product's order. */
export const STAGE_KEYS = ['audit', 'routing', 'perimeter', 'deployment', 'performance', 'observability', 'handover'] as const;
export type StageKey = (typeof STAGE_KEYS)[number];
export const STAGE_LABELS: Record<StageKey, string> = {
  audit: 'Quick audit',
  routing: 'Routing & edge',
  perimeter: 'Perimeter',
  deployment: 'Deployment',
  performance: 'Performance',
  observability: 'Observability',
  handover: 'Handover',
};
