import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CallLink } from '../../web/src/pages/qa/shared.tsx';

const html = (callId: string) =>
  renderToStaticMarkup(createElement(MemoryRouter, null, createElement(CallLink, { callId })));

describe('a call in the call queue', () => {
  it('shows a named PBX as a tag before its own id, and links the whole call id', () => {
    expect(html('office:1791525600.1')).toBe(
      '<a class="call-link" href="/calls/office%3A1791525600.1" data-discover="true">' +
        '<span class="pbx-tag" title="From the phone system office">office</span>1791525600.1</a>',
    );
  });

  it('shows any other id as it is', () => {
    expect(html('1791525600.1')).toBe(
      '<a class="call-link" href="/calls/1791525600.1" data-discover="true">1791525600.1</a>',
    );
    expect(html('CRM:123')).toBe(
      '<a class="call-link" href="/calls/CRM%3A123" data-discover="true">CRM:123</a>',
    );
  });
});
