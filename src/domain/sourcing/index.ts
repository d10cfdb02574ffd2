export * from './prospects.js';
