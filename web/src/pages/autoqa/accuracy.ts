/** The accuracy page's tab of every language together. */
export const ALL = 'all';

/** A transcript language's name in the reader's language (`ru` → Russian), else its code. */
export function languageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}
