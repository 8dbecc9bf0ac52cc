export * from './amount';
export * from './decimal';
export * from './ratio';
export * from './reconcile';
export * from './units';
