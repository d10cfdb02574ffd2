export * from './prospects.js';
export * from './import.js';
export * from './nurture.js';
export * from './reach.js';
