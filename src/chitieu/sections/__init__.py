"""Chapter-specific computations (one module per chapter)."""
