import { validateAppConfig } from '../app-config';

/** The message start-up would stop with for this environment, or undefined when it is valid. */
export function configError(env: Record<string, string>): string | undefined {
  try {
    validateAppConfig(env);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
