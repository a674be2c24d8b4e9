/**
 * The task pane's entry: waits for Office (Office.onReady), then renders the pane in Office's
 * display language and theme. taskpane.html shows "Đang tải…" until then, and has already told
 * Internet Explorer / Edge Legacy hosts what to use instead.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { officeApi } from "./officeApi";
import { catalogue, officeLanguage } from "./i18n";

declare global {
  interface Window {
    __paneUnsupported?: boolean;
  }
}

/** Office's theme is dark when its body background is dark. */
function officeThemeIsDark(): boolean {
  try {
    const hex = /^#?([0-9a-f]{6})$/i.exec(Office.context.officeTheme?.bodyBackgroundColor ?? "")?.[1];
    if (!hex) return false;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
  } catch {
    return false;
  }
}

function showMessage(container: HTMLElement, text: string) {
  const main = document.createElement("main");
  main.className = "static";
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = text;
  main.appendChild(p);
  container.replaceChildren(main);
}

function start() {
  const container = document.getElementById("container");
  if (!container || window.__paneUnsupported) return;
  if (typeof Office === "undefined") return showMessage(container, catalogue.vi.officeMissing);
  Office.onReady((info) => {
    const lang = officeLanguage();
    document.documentElement.lang = lang;
    if (String(info.host) !== "Excel") return showMessage(container, catalogue[lang].notExcel);
    // The dark theme is fetched only when Office is dark (it is not in the pane's first script).
    const api = officeApi();
    if (!officeThemeIsDark()) return createRoot(container).render(<App api={api} lang={lang} theme={webLightTheme} />);
    import(/* webpackChunkName: "dark-theme" */ "@fluentui/react-components").then(
      ({ webDarkTheme }) => createRoot(container).render(<App api={api} lang={lang} theme={webDarkTheme} />),
      () => createRoot(container).render(<App api={api} lang={lang} theme={webLightTheme} />),
    );
  });
}

start();
