import { useLayoutEffect } from "react";
import { ensureFirstPaintStyle, outsideOfficeHtml } from "../firstPaint";

/**
 * Shown when office.js did not load, or loaded outside Excel: how to open the panel, and the playground.
 * The same page the task pane paints before React loads (../firstPaint.ts), so there is one page, not two.
 */
export function OutsideOffice() {
  useLayoutEffect(() => ensureFirstPaintStyle(), []);
  return <div className="par-fp" dangerouslySetInnerHTML={{ __html: outsideOfficeHtml() }} />;
}
