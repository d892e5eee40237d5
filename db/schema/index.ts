export * from './auth';
export * from './workspaces';
export * from './projects';
export * from './project-shares';
export * from './outbox';
export * from './roadmap';
export * from './governance';
export * from './records';
