// Types of the gaischema package (src/index.mjs). The report's JSON (`AnnualReport` and every class and
// enumeration of the standard) is declared in ../data/gaischema.d.ts, generated from the JSON Schema by
// gaischema.build and copied at pack time by scripts/build.mjs; this file declares the functions.
import type {AnnualReport} from "../data/gaischema.js";

export * from "../data/gaischema.js";

/** One problem found in a report (what `gaischema validate --format json` writes for each finding). */
export interface Finding {
  /** The stable rule id, such as "T3-BALANCE" or "SCHEMA-TYPE". */
  rule: string;
  severity: "error" | "warning" | "fatal";
  /** The JSON path of the value, dotted ("" for the whole report). */
  path: string;
  /** The official cell, in Chinese and in English. */
  cell: string;
  cell_en: string;
  message: string;
  message_en: string;
  reported: unknown;
  expected: unknown;
  /** The sentence of the text a narrative finding is about. */
  quote?: string;
}

/** A finding of the cross-report rules: `report` is the index of the later report, `other` of the earlier one. */
export interface CrossFinding extends Finding {
  report: number;
  other: number;
}

/** A finding of a conformance case, in the suite's form. */
export interface CaseFinding extends Finding {
  report: number;
  other?: number;
}

/** A case of the conformance suite (data/conformance/cases/<group>/<id>.json). */
export interface ConformanceCase {
  id: string;
  group: string;
  optional: boolean;
  description: string;
  reports?: Array<Record<string, unknown>>;
  input?: {name: string; text: string};
  findings: CaseFinding[];
  [key: string]: unknown;
}

/** The standard's version (the JSON Schema's, the rules', this package's). */
export const version: string;
/** The JSON Schema of a report (JSON Schema 2019-09). */
export const schema: Record<string, unknown>;
/** The compiled rules (generated/gaischema.rules.json). */
export const rules: Record<string, unknown>;
/** The compiled model (generated/gaischema.model.json). */
export const model: Record<string, unknown>;
/** How deeply a report may nest before parseReport refuses it. */
export const MAX_DEPTH: number;

/** Every finding of one report (a plain object as YAML or JSON reads it): the JSON Schema's first, then the rules'. */
export function validate(report: AnnualReport | Record<string, unknown> | unknown): Finding[];
/** True when the report has no finding of severity error (warnings are allowed). */
export function isValid(report: AnnualReport | Record<string, unknown> | unknown): boolean;
/** The cross-report findings of several reports (the same organ's consecutive years; near-duplicate sections). */
export function crossCheck(reports: Array<AnnualReport | Record<string, unknown>>,
                           options?: {names?: Array<string | number>}): CrossFinding[];
/** A report's text (YAML, or JSON for a name ending in .json) read as the validator reads it; throws InputError. */
export function parseReport(text: string, name?: string): Record<string, unknown>;
/** The findings of a conformance case, in the suite's form. */
export function runCase(c: ConformanceCase): CaseFinding[];

/** Input that is not a readable report: `rule` is an INPUT-* id (severity fatal). */
export class InputError extends Error {
  constructor(rule: string, message: string, messageEn: string);
  rule: string;
  message_zh: string;
  message_en: string;
  /** The finding `gaischema validate --format json` writes for it. */
  finding(): Finding;
}

/** The normalised text of a narrative section (docs/rule-language.md, "The text"). */
export function normalize(text: string): string;
/** The statements a narrative rule (an entry of rules.versions[v].narrative) finds in a normalised text. */
export function matches(rule: Record<string, unknown>, text: string): Generator<RegExpExecArray | unknown>;
/** The sentences of a normalised text that hold an ASCII digit, joined with 。. */
export function numbered(text: string): string;
/** An official cell's label, [Chinese, English], for a slot path of a format version ("" is the whole report). */
export function cellLabel(path: string, version?: string): [string, string];
