import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Card } from '../../web/src/components/Card.tsx';
import { ColumnHeads } from '../../web/src/components/ColumnHeads.tsx';
import { Field, type FieldControl } from '../../web/src/components/Field.tsx';
import { FormFeedback } from '../../web/src/components/FormFeedback.tsx';

const html = (props: Parameters<typeof FormFeedback>[0]) =>
  renderToStaticMarkup(createElement(FormFeedback, props));

describe('a form’s feedback', () => {
  it('shows nothing when nothing happened', () => {
    expect(html({})).toBe('');
    expect(html({ ok: false, error: null })).toBe('');
    expect(html({ ok: '', error: undefined })).toBe('');
  });

  it('says what was done as a status, and what failed as an alert, in that order', () => {
    const out = html({ ok: 'Saved', error: new Error('boom') });
    expect(out).toMatch(
      /^<p class="form-ok" role="status">Saved<\/p><p class="form-error sentence" role="alert">.+<\/p>$/,
    );
  });

  it('sits in the line of a toolbar when inline', () => {
    expect(html({ ok: 'Assigned', inline: true })).toBe(
      '<span class="form-ok inline-ok" role="status">Assigned</span>',
    );
    expect(html({ error: new Error('x'), inline: true })).toMatch(
      /^<span class="form-error sentence" role="alert">/,
    );
  });
});

describe('a data table’s column heads', () => {
  it('heads each column in order, numeric ones right-aligned', () => {
    const out = renderToStaticMarkup(
      createElement(ColumnHeads, { columns: ['Monitor', { label: 'Score', num: true }, { label: 'Note' }] }),
    );
    expect(out).toBe(
      '<thead><tr><th scope="col">Monitor</th><th scope="col" class="num">Score</th><th scope="col">Note</th></tr></thead>',
    );
  });
});

describe('a titled card', () => {
  it('is a section labelled by its heading', () => {
    expect(renderToStaticMarkup(createElement(Card, { id: 'x', title: 'Plans' }, 'body'))).toBe(
      '<section class="card" aria-labelledby="x"><header class="card-header"><h2 class="card-title" id="x">Plans</h2></header>body</section>',
    );
  });

  it('puts the title in a heading block once it has meta, even none yet, and the actions after', () => {
    const out = renderToStaticMarkup(
      createElement(Card, {
        id: 'x',
        title: 'Sessions',
        meta: null,
        actions: createElement('span', null, 'Go'),
      }),
    );
    expect(out).toBe(
      '<section class="card" aria-labelledby="x"><header class="card-header"><div class="card-heading"><h2 class="card-title" id="x">Sessions</h2></div><span>Go</span></header></section>',
    );
  });
});

describe('a labelled field', () => {
  const field = (props: Omit<Parameters<typeof Field>[0], 'children'>) =>
    renderToStaticMarkup(
      createElement(Field, {
        ...props,
        // biome-ignore lint/correctness/noChildrenProp: a render function, typed only as a prop without JSX
        children: (control: FieldControl) => createElement('input', { ...control, className: 'input' }),
      }),
    );
  const ids = (out: string) => ({
    label: /<label class="field-label" for="([^"]+)"/.exec(out)?.[1],
    control: /<input id="([^"]+)"/.exec(out)?.[1],
    describedBy: /aria-describedby="([^"]+)"/.exec(out)?.[1]?.split(' '),
  });

  it('points its label at the control it makes, with nothing else when it has no hint', () => {
    const out = field({ label: 'Username' });
    const { label, control, describedBy } = ids(out);
    expect(label).toBeTruthy();
    expect(control).toBe(label);
    expect(describedBy).toBeUndefined();
    expect(out).toMatch(
      /^<div class="field"><label class="field-label" for="[^"]+">Username<\/label><input [^>]+><\/div>$/,
    );
  });

  it('ties the hint, the notice and the error to the control, the error read out at once', () => {
    const out = field({
      label: 'Time zone',
      hint: 'IANA zone',
      notice: 'Moves calls',
      error: 'Unknown zone',
    });
    const { control, describedBy } = ids(out);
    expect(describedBy).toEqual([`${control}-hint`, `${control}-notice`, `${control}-error`]);
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain(`<p class="card-meta sentence" id="${control}-hint">IANA zone</p>`);
    expect(out).toContain(`<p class="notice sentence" id="${control}-notice">Moves calls</p>`);
    expect(out).toContain(
      `<p class="form-error sentence" id="${control}-error" role="alert">Unknown zone</p>`,
    );
  });

  it('sets its label beside the control when inline', () => {
    expect(field({ label: 'Period', inline: true })).toMatch(/^<div class="field field-inline">/);
  });
});
