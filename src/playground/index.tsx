// Placeholder so the playground page builds; the playground issue replaces this file.
import { createRoot } from "react-dom/client";

const container = document.getElementById("root");
if (container) createRoot(container).render(<div>Playground coming</div>);
