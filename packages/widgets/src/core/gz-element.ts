import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { GraphQLClient, type TokenProvider } from './graphql-client.js';
import { type Translation, translationFor } from './i18n.js';

/**
 * Every widget event bubbles and is composed, so a page listens on the element or any ancestor.
 * (Made outside the class: the manifest analyzer would list a `new CustomEvent(name)` in a
 * method as an event called `name`; each widget documents its events with `@event`.)
 */
function gzEvent<T>(name: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(name, { detail, bubbles: true, composed: true });
}

/**
 * What every gongzhi widget shares: where the API is, who is asking, which language, and how
 * events leave the shadow root.
 */
export class GzElement extends LitElement {
  /** The API's GraphQL URL, e.g. `https://gongzhi.example.gov.cn/graphql`. */
  @property() endpoint = '';

  /**
   * The language: `zh-CN` (default) or `en`. Only the element's own attribute counts: many portal
   * templates declare `<html lang="en">` over Chinese pages, so the page's language is not a guide.
   */
  @property() override lang = '';

  /**
   * Gives the signed-in person's token (without `Bearer `); unset for anonymous visitors.
   * A property, not an attribute: `el.tokenProvider = async () => token`.
   */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** Registers the class under `tag`, once; a page that loads a widget twice keeps the first. */
  static define(tag: string): void {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being defined, not GzElement.
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  protected get t(): Translation {
    return translationFor(this.lang);
  }

  protected get client(): GraphQLClient {
    return new GraphQLClient(this.endpoint, this.tokenProvider);
  }

  /** Dispatches a `gz-*` event that bubbles out of the shadow root to the page. */
  protected emit<T>(name: `gz-${string}`, detail: T): boolean {
    return this.dispatchEvent(gzEvent(name, detail));
  }
}
