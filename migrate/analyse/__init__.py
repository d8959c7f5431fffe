"""Stage 2, analyse: facts about each module (stdlib ``ast``), then the
whole-project call graph, colouring, boundaries and concurrency spots."""
