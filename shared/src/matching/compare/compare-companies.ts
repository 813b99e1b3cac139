import { traceStep, type TraceStep } from '../../trace/decision-trace.js';
import { prepareCompany, type CompanyDescription, type PreparedCompany } from '../company.js';
import { assessMatch, type MatchAssessment } from './assess-match.js';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions, type MatchThresholds } from './match-options.js';

/** What a comparison concludes: the same company, possibly the same (a person should look), or different. */
export type MatchVerdict = 'same' | 'possible' | 'different';

/** The result of comparing two companies: a score from 0 to 1, the verdict and the evidence behind it. */
export interface CompanyMatch {
  score: number;
  verdict: MatchVerdict;
  evidence: TraceStep[];
}

/** The verdict of a score under the program's thresholds. */
export function verdictOf(score: number, thresholds: MatchThresholds): MatchVerdict {
  if (score >= thresholds.same) return 'same';
  return score >= thresholds.possible ? 'possible' : 'different';
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function nameEvidence(a: PreparedCompany, b: PreparedCompany, assessment: MatchAssessment): TraceStep[] {
  const { name } = assessment;
  const facts = {
    left: a.name,
    right: b.name,
    leftKey: a.normalized.key,
    rightKey: b.normalized.key,
    score: round(name.score),
  };
  const steps: TraceStep[] = [];
  if (assessment.alias) {
    steps.push(
      traceStep('alias', 'pass', `"${a.name}" and "${b.name}" are listed as names of one company.`, {
        ...facts,
        identityKey: a.identityKey,
      }),
    );
  }
  switch (name.kind) {
    case 'identical':
      steps.push(
        traceStep('normalized_name', 'pass', `The names are the same once normalised: "${a.normalized.key}".`, facts),
      );
      break;
    case 'compact':
      steps.push(
        traceStep(
          'normalized_name',
          'pass',
          `The names are written the same apart from spacing: "${a.normalized.compact}".`,
          facts,
        ),
      );
      break;
    case 'acronym': {
      const [short, long] = a.normalized.tokens.length === 1 ? [a, b] : [b, a];
      steps.push(traceStep('acronym', 'pass', `"${short.name}" is the acronym of "${long.name}".`, facts));
      break;
    }
    case 'tokens':
      steps.push(
        traceStep(
          'fuzzy_name',
          name.score > 0 ? 'info' : 'fail',
          name.approximate.length > 0
            ? `The names overlap (score ${round(name.score)}), with near matches ${name.approximate.map(([x, y]) => `"${x}" ~ "${y}"`).join(', ')}.`
            : `The names overlap with score ${round(name.score)} (shared weight ${round(name.dice)}, of the shorter name ${round(name.containment)}).`,
          {
            ...facts,
            dice: round(name.dice),
            containment: round(name.containment),
            approximate: name.approximate.map((pair) => pair.join(' ~ ')),
          },
        ),
      );
      break;
    case 'none':
      if (!assessment.alias)
        steps.push(traceStep('normalized_name', 'fail', 'The names have nothing in common.', facts));
      break;
  }
  return steps;
}

function factEvidence(
  a: PreparedCompany,
  b: PreparedCompany,
  assessment: MatchAssessment,
  options: MatchOptions,
): TraceStep[] {
  const steps: TraceStep[] = [];
  if (a.domain && b.domain) {
    const facts = { left: a.domain.domain, right: b.domain.domain };
    if (assessment.domain === 'equal') {
      steps.push(traceStep('domain', 'pass', `Both use the domain ${a.domain.domain}.`, facts));
    } else if (assessment.domain === 'same_label' && options.sameOwnerAcrossPublicSuffixes) {
      steps.push(
        traceStep(
          'domain',
          'pass',
          `${a.domain.domain} and ${b.domain.domain} have one owner under the program's rule.`,
          facts,
        ),
      );
    } else {
      steps.push(traceStep('domain', 'fail', `The domains differ: ${a.domain.domain} and ${b.domain.domain}.`, facts));
    }
  }
  if (assessment.country !== 'unknown') {
    const facts = { left: a.country ?? null, right: b.country ?? null };
    steps.push(
      assessment.country === 'equal'
        ? traceStep('country', 'pass', `Both are in ${a.country}.`, facts)
        : traceStep('country', 'fail', `One is in ${a.country}, the other in ${b.country}.`, facts),
    );
  }
  if (assessment.postalCode !== 'unknown') {
    const facts = { left: a.postalCode ?? null, right: b.postalCode ?? null };
    steps.push(
      assessment.postalCode === 'equal'
        ? traceStep('postal_code', 'pass', `Both have the postal code ${a.postalCode}.`, facts)
        : traceStep(
            'postal_code',
            'info',
            `The postal codes differ (${a.postalCode}, ${b.postalCode}); a company may have several sites.`,
            facts,
          ),
    );
  }
  return steps;
}

/** The score, verdict and evidence of a comparison of prepared companies. */
export function explainMatch(
  a: PreparedCompany,
  b: PreparedCompany,
  options: MatchOptions,
  assessment = assessMatch(a, b, options),
): CompanyMatch {
  return {
    score: assessment.score,
    verdict: verdictOf(assessment.score, options.thresholds),
    evidence: [...nameEvidence(a, b, assessment), ...factEvidence(a, b, assessment, options)],
  };
}

/**
 * Compares two companies, such as the end customer of a registration and an account of direct sales.
 * The score runs from 0 to 1; `same` and `possible` follow the thresholds (the program's, through
 * `matchOptionsFromProgram`); each piece of evidence is a trace step: normalised name, acronym, fuzzy name,
 * alias, domain (free-mail domains never count), country and postal code. Symmetric; a company compared
 * with itself scores 1.
 *
 * @example
 * compareCompanies({ name: 'Acme Technologies, Inc.', domain: 'acme.com' }, { name: 'ACME Technology', domain: 'jane@acme.com' })
 * // { score: 1, verdict: 'same', evidence: [normalized_name pass, domain pass] }
 */
export function compareCompanies(
  a: CompanyDescription,
  b: CompanyDescription,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): CompanyMatch {
  const [left, right] = [prepareCompany(a, options.aliases), prepareCompany(b, options.aliases)];
  return explainMatch(left, right, options);
}
