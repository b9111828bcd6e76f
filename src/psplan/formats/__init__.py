"""Output formats: one small module per format, each rendering plain values to text."""
