"""The quiz: questions generated from the deck's figures, answers, spaced repetition and progress. Imports no Qt."""
