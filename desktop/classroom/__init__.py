"""The live class quiz: students answer from their phones; no Qt here (the window talks to it through signals)."""
