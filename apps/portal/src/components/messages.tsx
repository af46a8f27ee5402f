/** An error the customer must notice: announced at once (role="alert"). */
export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert">
      {message}
    </div>
  );
}

/** A confirmation, announced politely (role="status"). */
export function Confirmation({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="status" className="confirmation">
      {message}
    </div>
  );
}
