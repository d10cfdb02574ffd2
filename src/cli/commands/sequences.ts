import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Command, CommandContext } from '../command.js';
import { callApi, UsageError } from '../io.js';
import { readInputText } from '../input.js';
import { AUDIENCES, parseTemplateFile, TASK_KINDS } from '../../domain/outreach/index.js';
import { SEVERITY_WORDS } from '../../domain/shared/severity.js';
import type {
  EnrollmentListView,
  EnrollmentView,
  EnrollResultView,
  SequenceCreateBody,
  SequenceDetailView,
  SequenceListView,
  SequenceStepBody,
  SequenceStepView,
  TemplateLintView,
  TemplateListView,
  TemplateView,
} from '../../api/sequences.js';

/* closer templates / sequences / enrollments (docs/sequences.md): parse, call the HTTP API, print. */

const enc = encodeURIComponent;

function lintLines(lint: TemplateLintView, name: string): string {
  const summary = `${name} (${lint.audience} audience): ${lint.errors} error(s), ${lint.warnings} warning(s), ${lint.infos} note(s)`;
  if (lint.findings.length === 0) return `${summary}\nNo findings: the message passes every outreach check.`;
  return [...lint.findings.flatMap((f) => [`${SEVERITY_WORDS[f.severity].toUpperCase().padEnd(7)} ${f.rule}  at ${f.path}`, `        ${f.message}`, `        fix: ${f.fix}`]), '', summary].join('\n');
}

function oneId(ctx: CommandContext, rest: string[], what: string, usage: string): string {
  if (rest.length !== 1 || rest[0]!.trim() === '') throw new UsageError(`Name one ${what}: ${usage}`, 'id');
  return rest[0]!;
}

function audienceOption(ctx: CommandContext): string | undefined {
  const audience = ctx.values.audience;
  if (audience !== undefined && !(AUDIENCES as readonly unknown[]).includes(audience)) throw new UsageError(`--audience is one of ${AUDIENCES.join(', ')}.`, 'audience');
  return audience as string | undefined;
}

export const templatesCommand: Command = {
  path: ['templates'],
  summary: 'Outreach templates: list them, create one from a file, or lint one',
  usage: 'closer templates [list | create FILE [--name NAME] | lint ID [--audience passive|active]] [--json]   (needs CLOSER_URL and CLOSER_TOKEN)',
  allowPositionals: true,
  options: { name: { type: 'string' }, audience: { type: 'string' } },
  async run(ctx) {
    const [action = 'list', ...rest] = ctx.positionals;
    if (action === 'create') {
      if (rest.length !== 1) throw new UsageError('Name one template file: closer templates create FILE', 'file');
      const { text, name: fileName } = await readInputText(ctx.io, rest);
      const template = parseTemplateFile(text);
      let name = typeof ctx.values.name === 'string' ? ctx.values.name.trim() : '';
      if (name === '') {
        let parsed: unknown;
        try {
          parsed = parseYaml(text, { prettyErrors: false, logLevel: 'silent' });
        } catch {
          parsed = undefined;
        }
        const fromFile = parsed && typeof parsed === 'object' && typeof (parsed as { name?: unknown }).name === 'string' ? (parsed as { name: string }).name.trim() : '';
        name = fromFile || basename(fileName).replace(/\.[^.]+$/, '');
      }
      if (template.subject.trim() === '') throw new UsageError('The template needs a subject (a first line "Subject: ..." or a subject field).', 'subject');
      const created = await callApi<TemplateView>(ctx.io, 'POST', '/api/v1/templates', { name, subject: template.subject, body: template.body });
      ctx.print(created, `Created template ${created.name} (${created.id})\n${lintLines(created.lint, created.name)}`);
      return 0;
    }
    if (action === 'lint') {
      const id = oneId(ctx, rest, 'template id', 'closer templates lint ID');
      const audience = audienceOption(ctx);
      const template = await callApi<TemplateView>(ctx.io, 'GET', `/api/v1/templates/${enc(id)}${audience ? `?audience=${audience}` : ''}`);
      ctx.print(template.lint, lintLines(template.lint, template.name));
      return template.lint.errors > 0 ? 2 : 0;
    }
    if (action !== 'list' || rest.length > 0) throw new UsageError('Use: closer templates list | create FILE | lint ID', 'action');
    const { items } = await callApi<TemplateListView>(ctx.io, 'GET', '/api/v1/templates');
    ctx.print({ items }, items.length === 0 ? 'No templates yet: closer templates create FILE' : items.map((t) => `${t.id}  ${t.name.padEnd(32)}  ${t.lint.errors} error(s), ${t.lint.warnings} warning(s) for passive candidates`).join('\n'));
    return 0;
  },
};

/** A sequence file's step: the API's form, or the short forms `{ email: TEMPLATE }`, `{ wait: DAYS }`, `{ task: call|message, note? }`. */
function stepOf(raw: unknown, i: number, templates: TemplateView[]): SequenceStepBody {
  const where = `steps[${i}]`;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${where} is a mapping such as { email: TEMPLATE }, { wait: 3 } or { task: call }`, where);
  const r = raw as Record<string, unknown>;
  const template = (ref: unknown) => {
    const t = templates.find((x) => x.id === ref || x.name.toLowerCase() === String(ref).trim().toLowerCase());
    if (!t) throw new UsageError(`${where}: no template called "${String(ref)}". Templates: ${templates.map((x) => x.name).join(', ') || 'none yet'}`, where);
    return t.id;
  };
  if (r.kind === 'email' || 'email' in r) return { kind: 'email', templateId: template(r.templateId ?? r.template ?? r.email) };
  if (r.kind === 'wait' || 'wait' in r) {
    const days = r.businessDays ?? r.wait;
    if (typeof days !== 'number' || !Number.isInteger(days)) throw new UsageError(`${where}: a wait is a whole number of business days`, where);
    return { kind: 'wait', businessDays: days };
  }
  if (r.kind === 'task' || 'task' in r) {
    const task = r.kind === 'task' ? r.task : r.task;
    if (!(TASK_KINDS as readonly unknown[]).includes(task)) throw new UsageError(`${where}: a task is one of ${TASK_KINDS.join(', ')}`, where);
    return { kind: 'task', task: task as 'call' | 'message', ...(typeof r.note === 'string' ? { note: r.note } : {}) };
  }
  throw new UsageError(`${where} is { email: TEMPLATE }, { wait: DAYS } or { task: call|message }`, where);
}

const stepWords = (s: SequenceStepView) => (s.kind === 'email' ? `e-mail "${s.templateName ?? s.templateId}"` : s.kind === 'wait' ? `wait ${s.businessDays} business day(s)` : `${s.task === 'call' ? 'call' : 'message'}${s.note ? ` (${s.note})` : ''}`);

function sequenceLines(s: SequenceDetailView): string {
  const lines = [`${s.name} (${s.id}): ${s.status}, for ${s.audience} candidates`, ...s.steps.map((step) => `  ${step.index + 1}. ${stepWords(step)}`)];
  for (const l of s.lint) {
    if (l.lint.errors > 0 || l.missing.length > 0) lines.push(`  step ${l.index + 1}: ${l.lint.errors} error(s)${l.missing.length ? `, no value for ${l.missing.map((m) => `{{${m}}}`).join(', ')}` : ''}`);
  }
  lines.push(s.canActivate ? 'Ready to activate.' : 'Not ready: fix the steps above before activating.');
  return lines.join('\n');
}

async function sequenceWrite(ctx: CommandContext, id: string, action: 'activate' | 'pause'): Promise<SequenceDetailView> {
  const current = await callApi<SequenceDetailView>(ctx.io, 'GET', `/api/v1/sequences/${enc(id)}`);
  return callApi<SequenceDetailView>(ctx.io, 'POST', `/api/v1/sequences/${enc(id)}/${action}`, undefined, { 'if-match': `"${current.version}"` });
}

export const sequencesCommand: Command = {
  path: ['sequences'],
  summary: 'Outreach sequences: list, create from a file, activate, pause, enroll prospects',
  usage: 'closer sequences [list | create FILE | activate ID | pause ID | enroll ID --prospect ID...] [--json]   (needs CLOSER_URL and CLOSER_TOKEN)',
  allowPositionals: true,
  options: { prospect: { type: 'string', multiple: true } },
  async run(ctx) {
    const [action = 'list', ...rest] = ctx.positionals;
    if (action === 'create') {
      if (rest.length !== 1) throw new UsageError('Name one sequence file: closer sequences create FILE', 'file');
      const { text, name: fileName } = await readInputText(ctx.io, rest);
      let doc: unknown;
      try {
        doc = parseYaml(text, { prettyErrors: false, maxAliasCount: 50, uniqueKeys: true, logLevel: 'silent' });
      } catch (error) {
        throw new UsageError(`${fileName} is not YAML or JSON: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, 'file');
      }
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`${fileName} is a mapping { name, audience, steps: [...] }`, 'file');
      const d = doc as Record<string, unknown>;
      for (const key of Object.keys(d)) if (!['name', 'audience', 'senderId', 'roleId', 'steps'].includes(key)) throw new UsageError(`Unknown field "${key}" (a sequence has name, audience, senderId, roleId and steps).`, key);
      if (typeof d.name !== 'string' || d.name.trim() === '') throw new UsageError('The sequence needs a name.', 'name');
      if (!(AUDIENCES as readonly unknown[]).includes(d.audience ?? 'passive')) throw new UsageError(`audience is one of ${AUDIENCES.join(', ')}.`, 'audience');
      if (!Array.isArray(d.steps) || d.steps.length === 0) throw new UsageError('The sequence needs steps: a list of { email: TEMPLATE }, { wait: DAYS }, { task: call|message }.', 'steps');
      const templates = (await callApi<TemplateListView>(ctx.io, 'GET', '/api/v1/templates')).items;
      const body: SequenceCreateBody = {
        name: d.name.trim(),
        audience: (d.audience ?? 'passive') as SequenceCreateBody['audience'],
        ...(typeof d.senderId === 'string' ? { senderId: d.senderId } : {}),
        ...(typeof d.roleId === 'string' ? { roleId: d.roleId } : {}),
        steps: d.steps.map((s, i) => stepOf(s, i, templates)),
      };
      const created = await callApi<SequenceDetailView>(ctx.io, 'POST', '/api/v1/sequences', body);
      ctx.print(created, `Created ${sequenceLines(created)}`);
      return 0;
    }
    if (action === 'activate' || action === 'pause') {
      const moved = await sequenceWrite(ctx, oneId(ctx, rest, 'sequence id', `closer sequences ${action} ID`), action);
      ctx.print(moved, `${action === 'activate' ? 'Activated' : 'Paused'} ${moved.name}`);
      return 0;
    }
    if (action === 'enroll') {
      const id = oneId(ctx, rest, 'sequence id', 'closer sequences enroll ID --prospect ID...');
      const prospects = (ctx.values.prospect as string[] | undefined) ?? [];
      if (prospects.length === 0) throw new UsageError('Name the prospects: --prospect ID (repeat it for more)', 'prospect');
      const result = await callApi<EnrollResultView>(ctx.io, 'POST', `/api/v1/sequences/${enc(id)}/enrollments`, { prospectIds: [...new Set(prospects)] });
      const lines = result.results.map((r) => `  ${r.prospectId}: ${r.outcome}${r.reason && r.outcome !== 'already' ? ` (${r.reason})` : ''}`);
      ctx.print(result, [`Enrolled ${result.enrolled} of ${result.results.length}`, ...lines].join('\n'));
      return 0;
    }
    if (action !== 'list' || rest.length > 0) throw new UsageError('Use: closer sequences list | create FILE | activate ID | pause ID | enroll ID --prospect ID...', 'action');
    const { items } = await callApi<SequenceListView>(ctx.io, 'GET', '/api/v1/sequences');
    const counts = (e: Record<string, number>) => `${e.active ?? 0} active, ${e['waiting-task'] ?? 0} waiting on a task, ${e.finished ?? 0} finished, ${e.stopped ?? 0} stopped`;
    ctx.print({ items }, items.length === 0 ? 'No sequences yet: closer sequences create FILE' : items.map((s) => `${s.id}  ${s.name.padEnd(28)}  ${s.status.padEnd(6)}  ${s.steps.length} step(s)  ${counts(s.enrollments)}`).join('\n'));
    return 0;
  },
};

const enrollmentLine = (e: EnrollmentView) =>
  `${e.id}  ${e.prospectName.padEnd(24)}  ${e.status.padEnd(12)}  ${e.currentStep ? `step ${e.stepIndex + 1}/${e.stepCount}: ${stepWords(e.currentStep)}, due ${e.dueAt}` : e.stopReason ? `stopped: ${e.stopReason}` : 'done'}`;

export const enrollmentsCommand: Command = {
  path: ['enrollments'],
  summary: 'Enrollments of a sequence, and marking a manual task step done',
  usage: 'closer enrollments [list --sequence ID | done ID [--note TEXT]] [--json]   (needs CLOSER_URL and CLOSER_TOKEN)',
  allowPositionals: true,
  options: { sequence: { type: 'string' }, note: { type: 'string' } },
  async run(ctx) {
    const [action = 'list', ...rest] = ctx.positionals;
    if (action === 'done') {
      const id = oneId(ctx, rest, 'enrollment id', 'closer enrollments done ID');
      const current = await callApi<EnrollmentView>(ctx.io, 'GET', `/api/v1/enrollments/${enc(id)}`);
      const note = typeof ctx.values.note === 'string' && ctx.values.note.trim() !== '' ? { note: ctx.values.note.trim() } : {};
      const moved = await callApi<EnrollmentView>(ctx.io, 'POST', `/api/v1/enrollments/${enc(id)}/complete-task`, note, { 'if-match': `"${current.version}"` });
      ctx.print(moved, `Done. ${enrollmentLine(moved)}`);
      return 0;
    }
    if (action !== 'list' || rest.length > 0) throw new UsageError('Use: closer enrollments list --sequence ID | done ID', 'action');
    const sequence = ctx.values.sequence;
    if (typeof sequence !== 'string' || sequence.trim() === '') throw new UsageError('Name the sequence: closer enrollments list --sequence ID', 'sequence');
    const { items } = await callApi<EnrollmentListView>(ctx.io, 'GET', `/api/v1/sequences/${enc(sequence)}/enrollments`);
    ctx.print({ items }, items.length === 0 ? 'Nobody is enrolled yet: closer sequences enroll ID --prospect ID' : items.map(enrollmentLine).join('\n'));
    return 0;
  },
};
