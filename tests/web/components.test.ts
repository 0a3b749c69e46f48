import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Card } from '../../web/src/components/Card.tsx';
import { ColumnHeads } from '../../web/src/components/ColumnHeads.tsx';
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
