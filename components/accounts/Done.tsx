/** The NHS confirmation line shown after a change that returns to the page (`?done=`). */
export function Done({ message }: { message?: string }) {
  return message ? (
    <p role="status" className="mb-6 border-l-8 border-nhs-green bg-white p-3 font-bold">
      {message}
    </p>
  ) : null;
}
