/**
 * The scenario model, as one chunk loaded with import() (lazyModel.ts): validation (zod, the
 * format's schema and every action descriptor), the checked edits, and the link and file
 * codecs that validate what they open, and the wording of their problems in the UI's
 * languages (i18n/scenarioMessages.ts). It is about a quarter of the app's JavaScript; the
 * page's first load does without it (README "First load").
 */
export { loadScenario, reuseLoad } from '../scenario/load.ts';
export { loadWhatIsValid } from '../scenario/salvage.ts';
export { sameScenario } from '../scenario/compare.ts';
export { COMMON_FIELDS } from '../scenario/actions/descriptor.ts';
export { ACTION_TYPES, ACTIONS, parseActionLine, printAction, printScenarioAction } from '../scenario/actions/registry.ts';
export { openScenarioFile, SCENARIO_FILE_EXTENSION, SCENARIO_FILE_TYPE } from '../scenario/codec/file.ts';
export { encodeShareFragment, openShareLink } from '../scenario/codec/url.ts';
export { formatIssueIn, issueMessage, leftOutText } from '../i18n/scenarioMessages.ts';
export { checkOp } from '../ops/check.ts';
export { applyOp } from '../ops/apply.ts';
