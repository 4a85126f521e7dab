// The part of playwright-core's API the browser test uses, typed here: playwright-core's own
// declarations need the DOM library, which the workspace's Node-side programs do not load.

/** `playwright-core`'s module. */
export interface Playwright {
  /** The Chromium launcher. */
  readonly chromium: { launch(options: { executablePath: string; headless: boolean; args?: string[] }): Promise<Browser> };
}

/** A running browser. */
export interface Browser {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

/** An element query. */
export interface Locator {
  waitFor(options?: { timeout?: number }): Promise<void>;
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
  locator(selector: string, options?: { hasText?: string }): Locator;
  nth(index: number): Locator;
  first(): Locator;
  fill(value: string): Promise<void>;
  press(key: string): Promise<void>;
  click(): Promise<void>;
  selectOption(value: { label: string } | string): Promise<string[]>;
}

/** A request the page makes, seen by a route handler. */
export interface Route {
  request(): { url(): string };
  continue(): Promise<void>;
  abort(): Promise<void>;
}

/** A tab. */
export interface Page {
  goto(url: string): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string }): Locator;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  route(pattern: string, handler: (route: Route) => Promise<void>): Promise<void>;
  evaluate(expression: string): Promise<unknown>;
  waitForFunction(expression: string, arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<Buffer>;
}
