"""Writers of everything journeymap exports (PDF, PNG/SVG, CSV, XLSX, Markdown, JSON, Mermaid)."""
