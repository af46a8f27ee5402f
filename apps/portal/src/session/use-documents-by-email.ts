import { useEffect, useState } from 'react';
import type { FilingForm } from '../api/contract';
import { getFilingForm, type Outcome } from '../api/public-api';

let filingForm: Promise<Outcome<FilingForm>> | null = null;

/** The filing form's settings, read once per page load (the filing page and the answer forms share them). */
export function loadFilingForm(): Promise<Outcome<FilingForm>> {
  filingForm ??= getFilingForm().then((result) => {
    if (!result.ok) filingForm = null;
    return result;
  });
  return filingForm;
}

/** The sentence on how to send documents by email (null until read, or if it could not be). */
export function useDocumentsByEmail(): string | null {
  const [sentence, setSentence] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void loadFilingForm().then((result) => {
      if (current && result.ok) setSentence(result.data.documentsByEmail);
    });
    return () => {
      current = false;
    };
  }, []);
  return sentence;
}
