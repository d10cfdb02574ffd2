export * from './template.js';
export * from './template-file.js';
