import type { DeadlineLanguage, DeadlineTexts } from './deadline-texts';
import { ENGLISH_DEADLINE_TEXTS } from './deadline-texts.en';
import { SPANISH_DEADLINE_TEXTS } from './deadline-texts.es';

const CATALOGS: Record<DeadlineLanguage, DeadlineTexts> = { es: SPANISH_DEADLINE_TEXTS, en: ENGLISH_DEADLINE_TEXTS };

/** The explanation's sentences in `language` (English when none is named: the domain's own language). */
export function deadlineTexts(language: DeadlineLanguage = 'en'): DeadlineTexts {
  return CATALOGS[language];
}
