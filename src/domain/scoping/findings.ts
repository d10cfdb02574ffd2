/** How bad a finding is: errors block (non-zero exit in the CLI), warnings and infos advise. */
export type Severity = 'error' | 'warning' | 'info';

/** A rule's verdict on a role, with a message that tells the founder what to do and the evidence. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  fix: string;
  evidence: string[];
}

/** Counts errors and warnings of a list of findings. */
export function countSeverities(findings: readonly { severity: Severity }[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors += 1;
    else if (f.severity === 'warning') warnings += 1;
    else infos += 1;
  }
  return { errors, warnings, infos };
}
