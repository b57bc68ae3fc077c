import axe from 'axe-core';
import { expect, inject } from 'vitest';
import type { GzStationMap } from '../src/station-map/gz-station-map.js';
import '../src/station-map/define.js';

export const graphqlUrl = () => inject('graphqlUrl');
export const districtId = () => inject('districtIds')[0];

/** Asks the real API directly, to check what the widget shows against it. */
export async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(graphqlUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A `<gz-station-map>` with these attributes and properties, in the page. */
export function mount(attributes: Record<string, string>, properties: Partial<GzStationMap> = {}): GzStationMap {
  const element = document.createElement('gz-station-map');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  Object.assign(element, properties);
  document.body.append(element);
  return element;
}

/** The next event of this name from the element, or a failure after `ms`. */
export function next<T = unknown>(element: HTMLElement, name: string, ms = 15_000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${ms} ms`)), ms);
    element.addEventListener(
      name,
      (event) => {
        clearTimeout(timer);
        resolve(event as CustomEvent<T>);
      },
      { once: true },
    );
  });
}

export const shadow = (element: HTMLElement) => element.shadowRoot!;
export const part = (element: HTMLElement, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
export const parts = (element: HTMLElement, name: string) => [...shadow(element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
export const markers = (element: HTMLElement) => shadow(element).querySelectorAll('.gz-marker, .gz-cluster').length;
export const statusText = (element: HTMLElement) => part(element, 'status')!.textContent!.trim();

/** axe-core over the element, its shadow root included: no violations allowed. */
export async function expectAccessible(element: HTMLElement): Promise<void> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

export function cleanup(): void {
  for (const element of document.querySelectorAll('gz-station-map')) element.remove();
}
