// Every page of the app, and who looks at it, for the screens walk (e2e/screens.spec.ts): each
// visit checks the page at phone, tablet and desktop widths and runs axe on it.
//
// Adding a page? Add one line here; the walk fails while an app/**/page.tsx has no entry.
// A [param] is filled from the role's world (e2e/screen-world.ts: workspaceId, projectId,
// monitorId, journeyId, runId, token); give a param the world does not know as `variants`, or teach the
// world to find it.

export const ROLES = ['consultant', 'client', 'founder', 'visitor'] as const;
/** consultant: the demo owner · client: the demo client (commenter on one project) · founder: a new sign-up with long names and empty pages · visitor: signed out. */
export type Role = (typeof ROLES)[number];

export type ScreenRoute = {
  /** The route as its folder under app/, route groups left out: '/p/[projectId]/risks'. */
  page: string;
  /** Who opens it. */
  as: readonly Role[];
  /** Roles that get the not-found page here (a client on Settings); it must still carry the app's frame. */
  notFoundAs?: readonly Role[];
  /** An emailed-link page: its own centred layout, without the app's frame even when signed in. */
  noFrame?: boolean;
  /** Values for params the worlds do not hold; one visit per entry (per role when a function). */
  variants?: Record<string, string>[] | ((role: Role) => Record<string, string>[]);
};

const SIGNED_IN = ['consultant', 'client', 'founder'] as const;
const TEAM = ['consultant', 'founder'] as const;
/** Every stage for the consultant (each has its own records); the four kinds of stage page for the rest. */
const STAGES = (role: Role) =>
  (role === 'consultant' ? ['audit', 'routing', 'perimeter', 'deployment', 'performance', 'observability', 'handover'] : ['audit', 'deployment', 'observability', 'handover']).map((stage) => ({ stage }));

export const ROUTES: readonly ScreenRoute[] = [
  { page: '/', as: ['visitor'] },
  { page: '/sign-in', as: ['visitor'] },
  { page: '/sign-up', as: ['visitor'] },
  { page: '/forgot-password', as: ['visitor'] },
  { page: '/reset-password', as: ['visitor'] },
  { page: '/email-confirmed', as: ['visitor'] },
  { page: '/invite/[token]', as: ['visitor', 'founder'], noFrame: true },
  { page: '/share/[token]', as: ['visitor', 'founder'], noFrame: true },
  { page: '/outbox', as: ['visitor'] },
  { page: '/account', as: SIGNED_IN },
  { page: '/app', as: SIGNED_IN },
  { page: '/app/new-workspace', as: SIGNED_IN },
  { page: '/shared', as: ['consultant', 'client'] },
  { page: '/w/[workspaceId]', as: [...TEAM, 'client'], notFoundAs: ['client'] },
  { page: '/w/[workspaceId]/projects/new', as: TEAM },
  { page: '/w/[workspaceId]/settings', as: TEAM },
  { page: '/p/[projectId]', as: SIGNED_IN },
  { page: '/p/[projectId]/risks', as: SIGNED_IN },
  { page: '/p/[projectId]/decision', as: SIGNED_IN },
  { page: '/p/[projectId]/activity', as: SIGNED_IN },
  { page: '/p/[projectId]/check-runs/[runId]', as: ['consultant'] },
  { page: '/p/[projectId]/handover-pack', as: SIGNED_IN },
  { page: '/p/[projectId]/monitors', as: SIGNED_IN },
  { page: '/p/[projectId]/monitors/new', as: [...TEAM, 'client'], notFoundAs: ['client'] },
  { page: '/p/[projectId]/monitors/alerts', as: SIGNED_IN },
  { page: '/p/[projectId]/monitors/[monitorId]', as: ['consultant', 'client'] },
  { page: '/p/[projectId]/monitors/[monitorId]/edit', as: ['consultant', 'client'], notFoundAs: ['client'] },
  { page: '/p/[projectId]/monitors/journeys/new', as: [...TEAM, 'client'], notFoundAs: ['client'] },
  { page: '/p/[projectId]/monitors/journeys/[journeyId]', as: ['consultant', 'client'] },
  { page: '/p/[projectId]/stages/[stage]', as: SIGNED_IN, variants: STAGES },
  { page: '/p/[projectId]/settings', as: SIGNED_IN, notFoundAs: ['client'] },
  { page: '/p/[projectId]/sharing', as: SIGNED_IN, notFoundAs: ['client'] },
  // Not a page.tsx: an address that does not exist, signed in (the app's frame stays) and out.
  { page: '/no-such-page', as: ['consultant', 'client', 'visitor'], notFoundAs: ['consultant', 'client', 'visitor'] },
  { page: '/p/[projectId]/no-such-page', as: ['client'], notFoundAs: ['client'] },
];

/** The concrete addresses of a route for a role: its [params] filled from the world and the variants. */
export function pathsFor(route: ScreenRoute, role: Role, world: Record<string, string>): string[] {
  const variants = typeof route.variants === 'function' ? route.variants(role) : (route.variants ?? [{}]);
  return variants.map((variant) =>
    route.page.replace(/\[(\w+)\]/g, (_, name: string) => {
      const value = variant[name] ?? world[name];
      if (!value) throw new Error(`${route.page}: the ${role}'s world has no ${name}; add it to the world or give variants`);
      return encodeURIComponent(value);
    }),
  );
}
