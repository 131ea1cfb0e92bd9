/** A server refusal shown on the form: each issue on its field when the form has it, the rest as one message. */
import type { FormInstance } from 'antd';
import { ApiError, errorText } from '../api/client.js';

/** Puts the issues the form knows on their fields; returns what is left to show above the buttons (null: nothing). */
export function showOnFields(form: FormInstance, fields: readonly string[], e: unknown): string | null {
  if (!(e instanceof ApiError)) return errorText(e) || null;
  const onField = e.issues.filter((i) => i.field && fields.includes(i.field));
  form.setFields(onField.map((i) => ({ name: i.field!, errors: [i.message] })));
  return onField.length && onField.length === e.issues.length ? null : e.message;
}
