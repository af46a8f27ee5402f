import { useState, type FormEvent } from 'react';
import type { CustomerMessageReceipt } from '../api/contract';
import type { Outcome } from '../api/public-api';
import { useDocumentsByEmail } from '../session/use-documents-by-email';
import { TextAreaField } from './fields';
import { ErrorAlert } from './messages';

interface MessageFormProps {
  label: string;
  button: string;
  send: (message: string, labels: Record<string, string>) => Promise<Outcome<CustomerMessageReceipt>>;
  /** The case page confirms and reads the case again (the form may then go: the action is done). */
  onSent: () => Promise<void>;
}

/** A text the customer writes to the case (an information answer, a counter-reply). */
export function MessageForm({ label, button, send, onSent }: MessageFormProps) {
  const documentsByEmail = useDocumentsByEmail();
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await send(message.trim(), { message: label });
    setBusy(false);
    if (!result.ok) {
      setProblem({ message: result.problem.message, field: result.problem.fields.message });
      return;
    }
    setProblem(null);
    setMessage('');
    await onSent();
  };

  return (
    <form onSubmit={submit} className="stack">
      <ErrorAlert message={problem?.message ?? null} />
      <TextAreaField label={label} name="message" value={message} onChange={(event) => setMessage(event.target.value)} required error={problem?.field} hint={documentsByEmail} />
      <button type="submit" disabled={busy}>
        {button}
      </button>
    </form>
  );
}
