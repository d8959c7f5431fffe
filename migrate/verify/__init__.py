"""Stage 5, verify: output parses, nothing is lost, a second run changes nothing."""
