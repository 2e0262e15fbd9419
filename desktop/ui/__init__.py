"""Qt windows: thin views over the deck."""
