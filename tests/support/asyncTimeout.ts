/**
 * Run before every test file (jest.config.js setupFilesAfterEnv). No test is timed — speed lives in the
 * benchmarks — but Testing Library's findBy… and waitFor give up after one second by default, and a panel
 * command on a loaded CI machine can take longer: the same generous limit as jest's own testTimeout's
 * spirit, so only a hung panel fails.
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 10_000 });
