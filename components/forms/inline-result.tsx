/** The refusal of a small inline action (a row's button or select), as an alert. Nothing without a message. */
export function InlineAlert({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="rounded border border-bad bg-bad-bg p-2 text-bad">
      {message}
    </p>
  ) : null;
}

/** The result of a small inline action once done, as a status. Nothing while `text` is empty. */
export function InlineDone({ text }: { text: string | false | null | undefined }) {
  return text ? (
    <p role="status" className="text-ok">
      {text}
    </p>
  ) : null;
}

/** A one-time invitation link shown after it is made or renewed (the person copies it; the old one stops working). */
export function InvitationLinkNotice({ lead, link }: { lead: string; link: string | null }) {
  return link ? (
    <div role="status" className="rounded border border-ok bg-ok-bg p-3">
      <p>{lead}</p>
      <p>
        <code data-testid="invitation-link" className="break-all">
          {link}
        </code>
      </p>
    </div>
  ) : null;
}
