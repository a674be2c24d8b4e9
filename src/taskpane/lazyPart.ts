import * as React from "react";

/**
 * A part of the pane in a chunk of its own (React.lazy, under a <React.Suspense>): asked for when first
 * rendered. A part that cannot be loaded is left out (renders nothing) rather than breaking the pane:
 * these parts are optional (the agency card, Giải trình, So sánh với năm trước).
 */
export function lazyPart<P>(load: () => Promise<React.ComponentType<P>>): React.LazyExoticComponent<React.ComponentType<P>> {
  const nothing: React.ComponentType<P> = () => null;
  return React.lazy(() =>
    load().then(
      (component) => ({ default: component }),
      () => ({ default: nothing }),
    ),
  );
}
