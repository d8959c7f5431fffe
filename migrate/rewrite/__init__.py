"""Stage 4, rewrite: carry out the plan with libcst, only in files that change."""
