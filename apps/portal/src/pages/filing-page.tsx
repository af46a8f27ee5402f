import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { FilingForm, FilingReceipt, PublicFiling } from '../api/contract';
import { newIdempotencyKey } from '../api/idempotency-key';
import { fileCase } from '../api/public-api';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { ErrorAlert } from '../components/messages';
import { PageHeading } from '../components/page-heading';
import { rememberCode } from '../session/known-codes';
import { loadFilingForm } from '../session/use-documents-by-email';
import { FILING_LABELS, type FilingField } from './filing-labels';
import { FilingReceiptView } from './filing-receipt';

type TextFields = Exclude<FilingField, 'consent'>;
const EMPTY: Record<TextFields, string> = {
  kind: '',
  fullName: '',
  company: '',
  documentType: '',
  documentNumber: '',
  email: '',
  phone: '',
  relatedFilingNumber: '',
  subject: '',
  facts: '',
  request: '',
  website: '',
};

/** The body POST /public/cases takes: trimmed, the optional fields left out when empty. */
function filingOf(values: Record<TextFields, string>, policyVersion: string): PublicFiling {
  const text = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, value.trim()])) as Record<TextFields, string>;
  const optional = (field: 'company' | 'phone' | 'relatedFilingNumber' | 'website') => (text[field] ? { [field]: text[field] } : {});
  return {
    // The selects offer only the form's values; an empty choice is the API's 400 to show.
    kind: text.kind as PublicFiling['kind'],
    fullName: text.fullName,
    documentType: text.documentType as PublicFiling['documentType'],
    documentNumber: text.documentNumber,
    email: text.email,
    subject: text.subject,
    facts: text.facts,
    request: text.request,
    consent: { accepted: true, policyVersion },
    ...optional('company'),
    ...optional('phone'),
    ...optional('relatedFilingNumber'),
    ...optional('website'),
  };
}

/** The form's limits name the free-text fields only; the selects and the honeypot have none. */
function maxLengthOf(limits: FilingForm['limits'], field: TextFields): number | undefined {
  return (limits as Partial<Record<TextFields, number>>)[field];
}

/** `/radicar`: the web filing form, then its receipt. */
export function FilingPage() {
  const [form, setForm] = useState<FilingForm | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [values, setValues] = useState(EMPTY);
  const [consent, setConsent] = useState(false);
  // One key per form shown: a retried send (a lost answer, a double click) files once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [receipt, setReceipt] = useState<FilingReceipt | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadFilingForm().then((result) => (result.ok ? setForm(result.data) : setLoadProblem(result.problem.message)));
  }, []);

  if (receipt) return <FilingReceiptView receipt={receipt} />;

  const change = (field: TextFields) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const field = (name: TextFields) => ({
    label: FILING_LABELS[name],
    name,
    value: values[name],
    onChange: change(name),
    error: problem?.fields[name],
    maxLength: form ? maxLengthOf(form.limits, name) : undefined,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    const result = await fileCase(filingOf(values, form.privacyPolicy.version), idempotencyKey, FILING_LABELS);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    rememberCode(result.data.filingNumber, result.data.verificationCode);
    setReceipt(result.data);
  };

  return (
    <>
      <PageHeading>Radicar una solicitud</PageHeading>
      <p>Los campos sin «(opcional)» son obligatorios.</p>
      <ErrorAlert message={loadProblem ?? problem?.message ?? null} />
      {form && (
        <form onSubmit={submit} className="stack">
          <fieldset>
            <legend>Su solicitud</legend>
            <SelectField {...field('kind')} options={form.kinds} required />
          </fieldset>
          <fieldset>
            <legend>Sus datos</legend>
            <TextField {...field('fullName')} required autoComplete="name" />
            <TextField {...field('company')} autoComplete="organization" />
            <SelectField {...field('documentType')} options={form.documentTypes} required />
            <TextField {...field('documentNumber')} required autoComplete="off" />
            <TextField {...field('email')} type="email" required autoComplete="email" />
            <TextField {...field('phone')} type="tel" autoComplete="tel" />
          </fieldset>
          <fieldset>
            <legend>Lo que nos cuenta</legend>
            <TextField {...field('relatedFilingNumber')} autoComplete="off" hint="Si su solicitud tiene que ver con un caso anterior, por ejemplo 2026-000042." />
            <TextField {...field('subject')} required />
            <TextAreaField {...field('facts')} required hint="Cuéntenos qué pasó, con las fechas." />
            <TextAreaField {...field('request')} required rows={4} />
            <p className="hint">{form.documentsByEmail}</p>
          </fieldset>
          <fieldset>
            <legend>Tratamiento de datos personales</legend>
            <div className="policy">{form.privacyPolicy.text}</div>
            <div className="checkbox">
              <input
                id="consent"
                type="checkbox"
                name="consent"
                checked={consent}
                onChange={(event) => setConsent(event.target.checked)}
                required
                aria-invalid={problem?.fields.consent ? true : undefined}
                aria-describedby={problem?.fields.consent ? 'consent-error' : undefined}
              />
              <label htmlFor="consent">{FILING_LABELS.consent}</label>
            </div>
            {problem?.fields.consent && (
              <p className="field-error" id="consent-error">
                {problem.fields.consent}
              </p>
            )}
          </fieldset>
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor="website">{FILING_LABELS.website}</label>
            <input id="website" name="website" type="text" value={values.website} onChange={change('website')} tabIndex={-1} autoComplete="off" aria-hidden="true" />
          </div>
          <button type="submit" disabled={busy}>
            Radicar
          </button>
        </form>
      )}
    </>
  );
}
