export * from './template.js';
export * from './template-file.js';
export * from './scheduler.js';
export * from './replies.js';
