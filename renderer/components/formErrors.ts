// One place that puts the core's answer next to the field it concerns (error.field is the input path).
import type { FormInstance } from 'antd';
import { toApiError, type ApiError } from '../api';

export interface FieldErrorOptions {
  /** Input path → form field name, where they differ (e.g. the core's `password` is the form's `newPassword`). */
  fieldMap?: Record<string, string | (string | number)[]>;
}

/**
 * Show an error from the core on the form field it names. Returns the error when no field of this
 * form could take it, so the caller shows it in the form's general alert instead.
 */
export function applyApiError(form: FormInstance, error: unknown, opts: FieldErrorOptions = {}): ApiError | null {
  const e = toApiError(error);
  if (e.field) {
    const mapped = opts.fieldMap?.[e.field];
    const name = mapped ?? e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const path = Array.isArray(name) ? name : [name];
    // A field the form does not render cannot show an error: fall back to the general alert.
    if (isRegistered(form, path)) {
      form.setFields([{ name: path, errors: [e.message] }]);
      form.scrollToField(path, { block: 'center' });
      return null;
    }
  }
  return e;
}

function isRegistered(form: FormInstance, path: (string | number)[]): boolean {
  const want = JSON.stringify(path);
  let found = false;
  form.getFieldsValue(true, (meta) => {
    if (meta && JSON.stringify(meta.name) === want) found = true;
    return false;
  });
  return found;
}
